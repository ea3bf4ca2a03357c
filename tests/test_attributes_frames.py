"""The pure parts of the attribute stage on hand-built parses (no model): event frames,
scoping, event naming and linking, rule validation per family."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from factx.errors import RuleError
from factx.rules import load_rules
from factx.stages.attributes import build, compile_rules
from factx.stages.attributes.compiled import required_literal
from factx.stages.attributes.agents import perpetrators
from factx.stages.attributes.frames import event_date, event_places, frame_of, specificity
from factx.stages.attributes.scope import source_token

VOCAB = spacy.blank("en").vocab


def parsed(rows, ents=()):
    """A Doc from (word, lemma, pos, tag, dep, head) rows (head: index of the head word;
    the root heads itself), with entity spans (start, end, label) over word indices."""
    words = [r[0] for r in rows]
    doc = Doc(VOCAB, words=words, lemmas=[r[1] for r in rows], pos=[r[2] for r in rows],
              tags=[r[3] for r in rows], deps=[r[4] for r in rows], heads=[r[5] for r in rows],
              sent_starts=[i == 0 for i in range(len(rows))])
    doc.ents = [Span(doc, a, b, label=label) for a, b, label in ents]
    for name in ("article", "dates", "mentions", "facts"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    return doc


@pytest.fixture(scope="module")
def rules():
    return compile_rules(load_rules())


# "Officials confirmed on Monday that Ali Sar died in Tarvo on Sunday ."
CONFIRMED = [
    ("Officials", "official", "NOUN", "NNS", "nsubj", 1), ("confirmed", "confirm", "VERB", "VBD", "ROOT", 1),
    ("on", "on", "ADP", "IN", "prep", 1), ("Monday", "Monday", "PROPN", "NNP", "pobj", 2),
    ("that", "that", "SCONJ", "IN", "mark", 7), ("Ali", "Ali", "PROPN", "NNP", "compound", 6),
    ("Sar", "Sar", "PROPN", "NNP", "nsubj", 7), ("died", "die", "VERB", "VBD", "ccomp", 1),
    ("in", "in", "ADP", "IN", "prep", 7), ("Tarvo", "Tarvo", "PROPN", "NNP", "pobj", 8),
    ("on", "on", "ADP", "IN", "prep", 7), ("Sunday", "Sunday", "PROPN", "NNP", "pobj", 10),
    (".", ".", "PUNCT", ".", "punct", 1)]


def _with_dates(doc, spans):
    from factx.records import TimexSpan

    doc._.dates = [TimexSpan(doc[a].idx, doc[b - 1].idx + len(doc[b - 1]), doc[a:b].text, "DATE", value)
                   for a, b, value in spans]
    return doc


def test_a_date_on_another_verb_is_not_the_events(rules):
    doc = _with_dates(parsed(CONFIRMED, [(5, 7, "PERSON"), (9, 10, "GPE")]),
                      [(3, 4, "2023-05-08"), (11, 12, "2023-05-07")])
    state = build(doc, rules)
    frame = frame_of(doc[7], state)
    timex, _ = event_date(frame, state)
    assert timex.value == "2023-05-07"
    assert [p.name for p, _ in event_places(frame, state)] == ["Tarvo"]


def test_the_source_is_the_reporting_verb_above(rules):
    doc = _with_dates(parsed(CONFIRMED, [(5, 7, "PERSON"), (9, 10, "GPE")]), [])
    state = build(doc, rules)
    assert source_token(doc[7], state).text == "Officials"


# "A Turkish strike killed Ali Sar in Iraq ."
STRIKE = [
    ("A", "a", "DET", "DT", "det", 2), ("Turkish", "turkish", "ADJ", "JJ", "amod", 2),
    ("strike", "strike", "NOUN", "NN", "nsubj", 3), ("killed", "kill", "VERB", "VBD", "ROOT", 3),
    ("Ali", "Ali", "PROPN", "NNP", "compound", 5), ("Sar", "Sar", "PROPN", "NNP", "dobj", 3),
    ("in", "in", "ADP", "IN", "prep", 3), ("Iraq", "Iraq", "PROPN", "NNP", "pobj", 6),
    (".", ".", "PUNCT", ".", "punct", 3)]


def test_a_nationality_is_the_perpetrator_never_the_place(rules):
    doc = _with_dates(parsed(STRIKE, [(1, 2, "NORP"), (4, 6, "PERSON"), (7, 8, "GPE")]), [])
    state = build(doc, rules)
    frame = frame_of(doc[3], state)
    assert [p.name for p, _ in event_places(frame, state)] == ["Iraq"]
    assert [value for value, *_ in perpetrators(frame, state)] == ["Turkey"]


def test_the_strike_is_an_event_named_by_kind_and_place(rules):
    doc = _with_dates(parsed(STRIKE, [(1, 2, "NORP"), (4, 6, "PERSON"), (7, 8, "GPE")]), [])
    state = build(doc, rules)
    (event,) = state.events
    assert event.kind.kind == "airstrike" and event.entity.name == "airstrike in Iraq"


@pytest.mark.parametrize("value, text, expected", [
    ("2019-09-23", "Sept. 23, 2019", 3), ("2019-09", "September 2019", 2), ("2019", "2019", 1),
    ("2019-09-23T06:18", "6:18 a.m. on Sept. 23", 3.5), ("2001-09-11T06:18", "6:18 a.m.", 0.5),
    ("XXXX-09-22TNI", "the night of Sept. 22", 2),
])
def test_specificity(value, text, expected):
    assert specificity(value, text) == expected


@pytest.mark.parametrize("pattern, literal", [
    (r"\b(?P<value>\w+)[- ]born\b", "born"), (r"(?P<value>\d+)[- ]year[- ]old", "year"),
    (r"(?i)known as (?P<value>\w+)", ""), (r"(?P<value>a|b)", ""),
])
def test_required_literal(pattern, literal):
    import re

    assert required_literal(re.compile(pattern)) == literal


@pytest.mark.parametrize("rule, key", [
    ("  - id: x\n    family: death_noun\n    words: [demise]\n    preps: [of]\n", "preps"),
    ("  - id: x\n    family: count\n    words: [kill]\n", "attribute"),
    ("  - id: x\n    family: death\n    words: [kill]\n    manner: vanished\n", "manner"),
    ("  - id: x\n    family: cause_verb\n    words: [cause]\n", "preps"),
])
def test_each_family_has_its_own_keys(tmp_path, rule, key):
    (tmp_path / "mine.yml").write_text("kind: attributes\nrules:\n" + rule, encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        compile_rules(load_rules(tmp_path))
    assert caught.value.key == key and caught.value.rule_id == "x"


def test_event_rules_are_validated(tmp_path):
    (tmp_path / "mine.yml").write_text("kind: events\nrules:\n  - id: e\n    kind: flood\n    counts: [drowned]\n",
                                       encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        compile_rules(load_rules(tmp_path))
    assert caught.value.key == "counts" and caught.value.rule_id == "e"


def test_shipped_kinds_and_capitals(rules):
    assert rules.event_nouns["blast"].kind == "explosion" and not rules.event_nouns["flood"].agentive
    assert rules.event_nouns["raid"].agentive
    assert rules.fallback_kinds["arrested_count"].kind == "arrests"
    assert rules.capitals["lebanon"] == "Beirut" and rules.cities["beirut"] == "Lebanon"
    assert rules.manners["kill"] == "killed" and rules.manners["die"] == "died"


def test_every_family_of_the_schema_has_its_module():
    from factx.rules import ATTRIBUTE_FAMILIES
    from factx.stages.attributes import REGISTERED

    assert set(REGISTERED) == set(ATTRIBUTE_FAMILIES)
