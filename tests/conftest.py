"""Shared fixtures: the real pipeline is loaded once per session, and only by tests that ask."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def nlp():
    from factx.pipeline import load_model

    return load_model()


@pytest.fixture(scope="session")
def seeds_store(tmp_path_factory):
    """A store with the five seeds extracted once for the whole session."""
    from factx.extract import run_extract
    from factx.store import Store

    directory = tmp_path_factory.mktemp("seeds-store")
    store = Store.open(directory)
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        run_extract(["seeds/"], store=store)
    finally:
        os.chdir(cwd)
    return directory
