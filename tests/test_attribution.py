"""Attribution word lists and rule validation, without a model."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factx.attribution import Lexicon
from factx.errors import RuleError
from factx.rules import load_rules, parse_rule_file, SHIPPED_RULES
from factx.stages.attributes import compile_rules

SAMPLE_NAMES = ("umar", "omar", "zawahiri", "zawahri", "qaeda", "qaida", "helmand", "taliban",
                "musa qala", "raihan", "nds", "aqis", "kabul", "karachi", "quetta")


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.from_rules(load_rules())


@pytest.mark.parametrize("role, words", [
    ("say", {"say", "tweet", "confirm", "announce", "tell"}),
    ("deny", {"deny", "reject", "dismiss", "refute"}),
    ("dismiss_as", {"propaganda", "false", "baseless"}),
    ("source_nouns", {"statement", "report", "tweet", "release"}),
    ("backref", {"assertion", "claim", "report", "it"}),
    ("hedge_adverbs", {"reportedly", "allegedly", "possibly"}),
    ("hedge_modals", {"might", "may", "could"}),
    ("hedge_verbs", {"believe", "say", "appear"}),
    ("hedge_nouns", {"rumor", "speculation"}),
    ("hedge_adjectives", {"unconfirmed", "alleged"}),
])
def test_lexicon_words(lexicon, role, words):
    assert words <= getattr(lexicon, role)


def test_according_phrases(lexicon):
    assert ("according", "to") in lexicon.according
    assert ("citing",) in lexicon.according


@pytest.mark.parametrize("demonym, country", [
    ("pakistani", "Pakistan"), ("bangladeshi", "Bangladesh"), ("afghan", "Afghanistan"),
    ("egyptian", "Egypt"), ("american", "United States"), ("british", "United Kingdom"),
    ("filipino", "Philippines"), ("saudi", "Saudi Arabia"), ("ivorian", "Ivory Coast"),
])
def test_demonyms(demonym, country):
    assert compile_rules(load_rules()).demonyms[demonym] == country


def test_shipped_rule_files_are_valid_and_general():
    for name in ("attributes.yml", "reporting.yml", "hedges.yml", "demonyms.yml", "events.yml",
                 "event_predicates.yml"):
        path = SHIPPED_RULES / name
        parse_rule_file(path)
        text = path.read_text(encoding="utf-8").lower()
        for sample in SAMPLE_NAMES:
            assert not re.search(rf"\b{sample}\b", text), (name, sample)


def test_code_has_no_sample_names():
    root = Path(__file__).resolve().parent.parent / "factx"
    paths = [*sorted((root / "stages" / "attributes").glob("*.py")), root / "attribution.py",
             root / "quantities.py", root / "events.py"]
    assert len(paths) > 10
    for path in paths:
        text = path.read_text(encoding="utf-8").lower()
        for sample in SAMPLE_NAMES:
            assert not re.search(rf"\b{sample}\b", text), (path.name, sample)


@pytest.mark.parametrize("rule, key", [
    ("  - id: bad.family\n    family: telepathy\n    words: [x]\n", "family"),
    ("  - id: bad.subject\n    family: death\n    subject: sideways\n    words: [kill]\n", "subject"),
    ("  - id: bad.regex\n    family: regex\n    attribute: age\n    subject: PERSON before\n    regex: \"(?P<v>x)\"\n", "regex"),
    ("  - id: bad.label\n    family: regex\n    attribute: age\n    subject: PERSON\n    regex: \"(?P<value>x)\"\n", "subject"),
    ("  - id: bad.words\n    family: role\n", "words"),
])
def test_bad_attribute_rules_name_file_rule_and_key(tmp_path, rule, key):
    (tmp_path / "mine.yml").write_text("kind: attributes\nrules:\n" + rule, encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        compile_rules(load_rules(tmp_path))
    error = caught.value
    assert error.rule_id == rule.split("id: ")[1].split("\n")[0]
    assert error.key == key
    assert error.path == str(tmp_path / "mine.yml")


def test_unknown_key_is_rejected_on_load(tmp_path):
    (tmp_path / "mine.yml").write_text(
        "kind: hedges\nrules:\n  - id: h\n    scope: adverb\n    words: [x]\n    colour: red\n", encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        compile_rules(load_rules(tmp_path))
    assert caught.value.key == "colour" and caught.value.rule_id == "h"
