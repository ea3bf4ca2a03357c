"""Per-document stages, one module each; `factx.pipeline` adds them in order."""


def doc_text(doc) -> str:
    """The doc's text, built once: spaCy's `Doc.text` joins every token on each call."""
    text = doc.user_data.get("factx_text")
    if text is None:
        text = doc.user_data["factx_text"] = doc.text
    return text
