"""Rule files: validated on load, errors name the file, the rule id and the key."""

from __future__ import annotations

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
