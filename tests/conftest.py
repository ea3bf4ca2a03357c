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


def doc_with_ents(text: str, ents, propn: tuple[str, ...] = ()):
    """A `spacy.blank("en")` doc whose entities are the given (surface, label, ...) spans,
    found left to right; words in `propn` get the PROPN tag (every other token X) to
    mimic a tagged doc."""
    import spacy

    doc = spacy.blank("en")(text)
    spans, cursor = [], 0
    for item in ents:
        surface, label = item[0], item[1]
        index = text.index(surface, cursor)
        cursor = index + len(surface)
        span = doc.char_span(index, cursor, label=label)
        assert span is not None, surface
        spans.append(span)
    doc.ents = spans
    if propn:
        for token in doc:
            token.pos_ = "PROPN" if token.text in propn else "X"
        for i, token in enumerate(doc):
            token.is_sent_start = i == 0
    return doc
