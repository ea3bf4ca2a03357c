"""Rule files: validated on load, errors name the file, the rule id and the key."""

from __future__ import annotations

import re

import pytest

from factx.errors import RuleError
from factx.rules import SHIPPED_RULES, check, load_rules, parse_rule_file


def write(tmp_path, text, name="x.yml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_rules_are_valid():
    assert check([SHIPPED_RULES]) == []


@pytest.mark.parametrize("text, rule_id, key, words", [
    ("kind: nonsense\nrules: []\n", None, "kind", "unknown kind"),
    ("kind: honorifics\nrules:\n  - id: a\n    words: [Mr.]\n    colour: red\n", "a", "colour", "unknown key"),
    ("kind: honorifics\nrules:\n  - id: a\n", "a", "words", "missing required key"),
    ("kind: honorifics\nrules:\n  - id: a\n    words: Mr.\n", "a", "words", "list of strings"),
    ("kind: boilerplate\nrules:\n  - id: bad\n    pattern: '(unclosed'\n", "bad", "pattern", "bad pattern"),
    ("kind: honorifics\nrules:\n  - words: [Mr.]\n", "#1", "id", "string id"),
    ("kind: honorifics\nrules:\n  - id: a\n    words: [x]\n  - id: a\n    words: [y]\n", "a", "id", "duplicate"),
    ("kind: honorifics\nrules: [\n", None, None, "invalid YAML"),
    ("- just a list\n", None, None, "expected a mapping"),
])
def test_invalid_rules_name_file_rule_and_key(tmp_path, text, rule_id, key, words):
    path = write(tmp_path, text)
    with pytest.raises(RuleError) as info:
        parse_rule_file(path)
    error = info.value
    assert error.path == str(path)
    assert error.rule_id == rule_id
    assert error.key == key
    assert words in error.message
    assert str(path) in error.message


def test_user_rules_add_and_override(tmp_path):
    write(tmp_path, "kind: honorifics\nrules:\n  - id: civil\n    words: [Herr]\n  - id: extra\n    words: [Frau]\n")
    rules = load_rules(tmp_path)
    ids = [r["id"] for r in rules.get("honorifics")]
    assert ids.count("civil") == 1 and "extra" in ids
    assert "Herr" in rules.words("honorifics") and "Mr." not in rules.words("honorifics")
    assert rules.version != load_rules().version


def test_check_reports_every_bad_file(tmp_path):
    write(tmp_path, "kind: honorifics\nrules:\n  - id: a\n    wrods: [x]\n", "a.yml")
    write(tmp_path, "kind: boilerplate\nrules:\n  - id: b\n    pattern: '['\n", "b.yml")
    problems = check([tmp_path])
    assert [(p.rule_id, p.key) for p in problems] == [("a", "wrods"), ("b", "pattern")]


# --- values checked per key, without spaCy (issue 16) ------------------------------------

RULE = "kind: {kind}\nrules:\n  - id: r\n{body}"


def body(**keys):
    import yaml

    return "".join(f"    {k}: {yaml.safe_dump(v, default_flow_style=True).strip().removesuffix('...').strip()}\n"
                   for k, v in keys.items())


@pytest.mark.parametrize("kind, keys, key, allowed", [
    ("date_cues", {"tense": "sideways", "patterns": ["x"]}, "tense", "past, future, none"),
    ("entity_types", {"label": "PERSN", "words": ["x"]}, "label", "PERSON, NORP, FAC"),
    ("entity_patterns", {"label": "ORGANISATION", "pattern": "x"}, "label", "PERSON, NORP"),
    ("entity_context", {"label": "place", "before": "x"}, "label", "PERSON"),
    ("entity_joins", {"label": "ORG", "connectors": ["in"], "right_labels": ["GPE", "CITY"]}, "right_labels", "PERSON"),
    ("honorifics", {"words": ["Dr."], "type": "HUMAN"}, "type", "PERSON"),
    ("aliases", {"names": ["a", "b"], "type": "person"}, "type", "PERSON"),
    ("boilerplate", {"pattern": "x", "scope": "page"}, "scope", "line, rest"),
    ("hedges", {"scope": "adverbs", "words": ["x"]}, "scope", "adverb, modal, verb, noun, adjective"),
    ("reporting", {"role": "claim", "words": ["x"]}, "role", "say, deny, dismiss_as"),
    ("attributes", {"family": "telepathy", "words": ["x"]}, "family", "death, death_noun"),
    ("attributes", {"family": "regex", "attribute": "age", "regex": "(?P<value>x)", "subject": "PERSON before",
                    "value_type": "number"}, "value_type", "name, date, quantity"),
    ("date_events", {"pattern": "x", "value": "June 1"}, "value", "easter, MM-DD, YYYY-MM-DD, or 'N WEEKDAY MM'"),
])
def test_values_outside_a_keys_vocabulary(tmp_path, kind, keys, key, allowed):
    path = write(tmp_path, RULE.format(kind=kind, body=body(**keys)))
    with pytest.raises(RuleError) as info:
        parse_rule_file(path)
    error = info.value
    assert (error.path, error.rule_id, error.key) == (str(path), "r", key)
    assert "is not allowed" in error.message and f"(allowed: {allowed}" in error.message


@pytest.mark.parametrize("keys, key, words", [
    ({"family": "death"}, "words", "needs a list of words"),
    ({"family": "death", "words": ["die"], "subject": "both"}, "subject", "allowed: object, subject"),
    ({"family": "count", "words": ["kill"], "attribute": "dead"}, "attribute", "killed_count, wounded_count"),
    ({"family": "role", "words": ["head"], "value": "boss"}, "value", "member_of, title"),
    ({"family": "regex", "attribute": "age", "regex": "(?P<value>\\d+)"}, "subject", "needs attribute, regex"),
    ({"family": "regex", "attribute": "age", "regex": "(?P<value>\\d+)", "subject": "PERSON above"},
     "subject", "expected 'LABEL SIDE'"),
    ({"family": "regex", "attribute": "age", "regex": "{NAME}, (\\d+)", "subject": "PERSON before"},
     "regex", "group named 'value'"),
    ({"family": "regex", "attribute": "age", "regex": "{NAME}, (?P<value>\\d+", "subject": "PERSON before"},
     "regex", "bad pattern"),
])
def test_attribute_rules_checked_across_keys(tmp_path, keys, key, words):
    path = write(tmp_path, RULE.format(kind="attributes", body=body(**keys)))
    with pytest.raises(RuleError) as info:
        parse_rule_file(path)
    assert (info.value.rule_id, info.value.key) == ("r", key) and words in info.value.message


@pytest.mark.parametrize("kind, keys", [
    ("date_cues", {"tense": "past", "patterns": ["x"]}),
    ("entity_joins", {"label": "ORG", "connectors": ["in"], "right_labels": ["GPE", "LOC"]}),
    ("date_events", {"pattern": "x", "value": "easter"}),
    ("date_events", {"pattern": "x", "value": "2001-09-11"}),
    ("date_events", {"pattern": "x", "value": "-1 monday 05"}),
    ("attributes", {"family": "regex", "attribute": "age", "regex": "{NAME}, (?P<value>\\d+),",
                    "subject": "PERSON before", "value_type": "quantity"}),
])
def test_allowed_values_pass(tmp_path, kind, keys):
    kind_read, rules = parse_rule_file(write(tmp_path, RULE.format(kind=kind, body=body(**keys))))
    assert kind_read == kind and rules[0]["id"] == "r"


def test_each_rule_remembers_its_file(tmp_path):
    write(tmp_path, "kind: honorifics\nrules:\n  - id: civil\n    words: [Herr]\n", "mine.yml")
    rules = load_rules(tmp_path)
    by_id = {r["id"]: r for r in rules.get("honorifics")}
    assert by_id["civil"].file == str(tmp_path / "mine.yml")  # the user's file overrides
    assert all(r.file == str(SHIPPED_RULES / "honorifics.yml") for i, r in by_id.items() if i != "civil")
    assert rules.file_of("honorifics", "civil") == str(tmp_path / "mine.yml")


def test_stages_take_their_vocabularies_from_the_rule_schemas():
    from factx import attribution
    from factx.rules import ATTRIBUTE_FAMILIES, HEDGE_SCOPES, REPORTING_ROLES
    from factx.stages import attributes

    assert attributes.FAMILIES is ATTRIBUTE_FAMILIES
    assert attribution.REPORTING_ROLES is REPORTING_ROLES and attribution.HEDGE_SCOPES is HEDGE_SCOPES


# --- the regular-expression probe on a loaded machine ----------------------------------------

def test_a_probe_stopped_while_the_machine_was_busy_is_run_again(monkeypatch):
    """The probe's clock is the wall clock: when it runs out while this process barely had
    the CPU (other processes had the cores), the pattern is probed again, not refused."""
    from contextlib import contextmanager

    from factx import rules, watchdog

    real, stops = watchdog.time_limit, []

    @contextmanager
    def busy_once(seconds):
        with real(seconds) as limit:
            yield limit
            if not stops:  # the first probe: the clock ran out while the search waited for the CPU
                stops.append(seconds)
                raise watchdog.TimeLimit(seconds, "probe", limit)

    monkeypatch.setattr(watchdog, "time_limit", busy_once)
    assert rules._runs_away(re.compile(r"\bcapital of (\w+)"), "the capital of Ruritania") is False
    assert stops == [rules.PROBE_SECONDS]


def test_a_runaway_pattern_is_refused():
    from factx import rules

    assert rules._runs_away(re.compile(r"^(a+)+$"), "a" * 40 + "!") is True
