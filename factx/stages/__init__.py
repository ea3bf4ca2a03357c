"""Per-document stages, one module each; `factx.pipeline` adds them in order."""
