"""The pipeline's components: what each stage reads is declared, written once by spaCy."""

from __future__ import annotations

import importlib

import pytest

from factx.errors import UsageError
from factx.models import default_model
from factx.pipeline import STAGES, _provide_needs, stage_needs, token_batches

@pytest.mark.model
def test_every_stage_declares_what_it_reads_and_writes(nlp):
    for stage in STAGES:
        meta = nlp.get_pipe_meta(stage)
        assert meta.assigns, stage
    needs = stage_needs(nlp)
    assert {"token.lemma", "token.dep", "doc.ents", "doc._.mentions", "doc._.dates"} <= set(needs)


@pytest.mark.model
def test_the_lemmatizer_runs_in_the_pipeline_once_per_document(nlp, monkeypatch):
    from spacy.pipeline import Lemmatizer

    from factx.pipeline import process
    from factx.records import Article

    assert "lemmatizer" in nlp.pipe_names  # enabled, before the stages that read lemmas
    assert nlp.pipe_names.index("lemmatizer") < nlp.pipe_names.index("factx_attributes")
    calls = []
    original = Lemmatizer.__call__

    def counting(self, doc):
        calls.append(doc.text[:20])
        return original(self, doc)

    monkeypatch.setattr(Lemmatizer, "__call__", counting)
    articles = [Article(path=f"{i}.txt", text=f"Officials said {i} people were killed in the attacks.")
                for i in range(3)]
    results = list(process(nlp, articles))
    assert len(results) == 3
    assert len(calls) == 3


@pytest.mark.model
def test_lemmas_reach_the_attribute_stage(nlp):
    doc = nlp("Two people were killed when the buildings collapsed.")
    assert [t.lemma_ for t in doc if t.text in ("were", "killed", "buildings")] == ["be", "kill", "building"]


@pytest.mark.model
def test_a_pipeline_without_a_lemmatizer_is_refused_by_name(nlp):
    model = importlib.import_module(default_model())

    bare = model.load(exclude=["lemmatizer"])
    for stage in STAGES:
        bare.add_pipe(stage)
    with pytest.raises(UsageError) as info:
        _provide_needs(bare, "no-lemmas")
    # named with the first stage that reads lemmas
    assert "sets token.lemma, which the factx_" in info.value.message
    assert stage_needs(nlp)["token.lemma"] in info.value.message


@pytest.mark.model
def test_a_component_shipped_disabled_is_enabled_when_a_stage_needs_it(nlp):
    model = importlib.import_module(default_model())

    pipeline = model.load(disable=["lemmatizer"])
    for stage in STAGES:
        pipeline.add_pipe(stage)
    _provide_needs(pipeline, "disabled-lemmas")
    assert "lemmatizer" in pipeline.pipe_names


@pytest.mark.parametrize("lengths,size,tokens,expected", [
    ([3, 2, 4], 16, 5, [[3, 2], [4]]),
    ([3, 2, 4], 2, 100, [[3, 2], [4]]),
    ([9, 1, 1], 16, 5, [[9], [1, 1]]),  # a document longer than the budget goes alone
    ([], 16, 5, []),
])
def test_spacy_batches_are_cut_by_documents_and_tokens(lengths, size, tokens, expected):
    import spacy

    nlp = spacy.blank("en")
    docs = [nlp(" ".join(["w"] * n)) for n in lengths]
    assert [[len(d) for d in batch] for batch in token_batches(docs, size, tokens)] == expected


def test_only_a_pipelines_first_zone_keeps_its_words():
    """The first documents a pipeline processes leave their words in the vocabulary
    (the later zones find them made and split); every later zone drops its own, so the
    vocabulary does not grow with the corpus."""
    import spacy

    from factx.pipeline import process
    from factx.records import Article

    nlp = spacy.blank("en")
    words = ["Zorblatt", "Quenvaris", "Maldrevik"]
    first = [Article(path=f"{w}.txt", text=f"{w} met the officials.") for w in words]
    # zones of two documents: the first two go through outside a zone, the third in one
    assert len(list(process(nlp, first, batch_size=2, zone_size=2))) == 3
    assert [w in nlp.vocab.strings for w in words] == [True, True, False]
    later = [Article(path="later.txt", text="Vintrasol met the officials.")]
    assert len(list(process(nlp, later))) == 1
    assert "Vintrasol" not in nlp.vocab.strings
