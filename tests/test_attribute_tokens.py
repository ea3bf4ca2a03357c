"""The attribute stage's token table (`Tokens`), the rule-set memo (`Compiled.derived`),
the word gates the families check before walking a sentence, and the entity stage's
words read once: on hand-built docs, no model."""

import pytest
import spacy
from spacy.tokens import Doc

from factx.attribution import lemma
from factx.rules import load_rules
from factx.stages.attributes import compile_rules
from factx.stages.attributes.discourse import _according_firsts
from factx.stages.attributes.event_mentions import _event_words
from factx.stages.attributes.perpetration import _triggers
from factx.stages.attributes.tokens import Tokens
from factx.stages.entities import _lowercase_words, _words_of

WORDS = ["Two", "Men", "Died", "in", "Karsk", ".", "Police", "blamed", "nobody", "."]
LEMMAS = ["two", "man", "die", "in", "", ".", "police", "blame", "nobody", "."]
STARTS = [True, False, False, False, False, False, True, False, False, False]


@pytest.fixture(scope="module")
def doc() -> Doc:
    nlp = spacy.blank("en")
    return Doc(nlp.vocab, words=WORDS, lemmas=LEMMAS, sent_starts=STARTS)


@pytest.fixture(scope="module")
def rules():
    return compile_rules(load_rules())


def test_lemmas_and_forms_by_index(doc):
    table = Tokens(doc)
    assert table.lemmas == ["two", "man", "die", "in", "karsk", ".", "police", "blame", "nobody", "."]
    assert table.lowers == [w.lower() for w in WORDS]
    # the table's lemma is `attribution.lemma`, the one place factx reads lemmas
    assert [table.lemma(t) for t in doc] == [lemma(t) for t in doc]


def test_sentence_tokens_are_made_once(doc):
    table = Tokens(doc)
    first, second = list(doc.sents)
    assert [t.text for t in table.of(second)] == ["Police", "blamed", "nobody", "."]
    assert all(a is b for a, b in zip(table.of(first), table.of(first)))
    assert table.of(first)[2] is table.tokens[2]


def test_words_of_a_sentence_only(doc):
    table = Tokens(doc)
    first, second = list(doc.sents)
    assert table.words(first) == {"two", "man", "men", "die", "died", "in", "karsk", "."}
    assert "blame" not in table.words(first)
    assert table.words(second) is table.words(second)  # built once per sentence


@pytest.mark.parametrize("vocabularies, sentence, expected", [
    ((frozenset({"die"}),), 0, True),                   # a lemma
    (({"died": "x"},), 0, True),                        # a form, in a dict's keys
    ((frozenset({"kill"}), {"blame": 1}), 0, False),    # the other sentence's word
    ((frozenset({"kill"}), {"blame": 1}), 1, True),
    ((frozenset(),), 1, False),
    ((), 1, False),
])
def test_has_any(doc, vocabularies, sentence, expected):
    table = Tokens(doc)
    assert table.has_any(list(doc.sents)[sentence], *vocabularies) is expected


def test_derived_is_built_once_per_rule_set(rules):
    calls = []

    def build(compiled):
        calls.append(compiled)
        return None  # a None is kept too

    assert rules.derived("test:once", build) is None
    assert rules.derived("test:once", build) is None
    assert calls == [rules]
    assert rules.derived("test:other", lambda r: {"a"}) == {"a"}


def test_perpetration_gate_holds_every_first_word(rules):
    triggers = _triggers(rules)
    assert {"act", "blame"} <= triggers
    assert rules.lexicon.deny <= triggers
    assert "deliberately" in triggers or "deliberate" in triggers


def test_event_gate_holds_every_event_word(rules):
    words = _event_words(rules)
    assert {w for w in rules.event_nouns if " " not in w} <= words
    assert {w for w in rules.event_verbs if " " not in w} <= words
    assert rules.event_last_words <= words and rules.event_verb_firsts <= words


def test_according_gate(rules):
    firsts = _according_firsts(rules)
    assert "according" in firsts
    assert all(p[0] in firsts for p in rules.lexicon.according)


def test_entity_words_read_once():
    nlp = spacy.blank("en")
    doc = nlp("The Mayor of Karsk said the mayor left.")
    texts, lowers = _words_of(doc)
    assert texts == [t.text for t in doc] and lowers == [t.lower_ for t in doc]
    assert _words_of(doc)[0] is texts
    # words written in lower case somewhere: 'mayor' (and 'the'), not 'karsk'
    assert _lowercase_words(doc) == {t.lower_ for t in doc if t.text[:1].islower()}
    assert "mayor" in _lowercase_words(doc) and "karsk" not in _lowercase_words(doc)


@pytest.mark.parametrize("text, expected", [
    ('He said: “We won. We are happy,” the coach added.', [(9, 32)]),
    ('"One," he said, "two."', [(0, 6), (16, 22)]),
    ('a “b\nc” d', [(2, 4)]),                       # never across a line break: closed at the line's end
    ('x ”y” “z', [(6, 8)]),                         # a closing mark without an opening one is skipped
    ('“a "b" c”', [(0, 4), (5, 9)]),                # a straight mark closes the curly one opened before
    ('no quotes here', []),
])
def test_quote_spans(text, expected):
    from factx.stages.attributes.discourse import quote_spans

    assert quote_spans(text) == expected
