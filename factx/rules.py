"""Rule files: plain YAML data, validated on load, no code in them.

Every file in `rules/` (and in a user's `--rules DIR`) looks like::

    kind: honorifics            # which schema validates the rules below
    rules:
      - id: civil               # unique within the kind
        words: [Mr., Mrs., Ms.]

A rule of a user's file with the same kind and id as a shipped rule replaces it;
other rules are added. An unknown kind or key, a missing key, a value of the wrong
type, a value outside a key's closed vocabulary (`tense: sideways`, `label: PERSN`)
or a regular expression that does not compile is a `RuleError` naming the file, the
rule id, the key and, for a closed vocabulary, the allowed values. Validation needs
neither spaCy nor the stages: `factx rules check` answers in a fraction of a second.

Each stage declares the kinds it reads in `SCHEMAS` below, in one place, with the
closed vocabularies of their keys; the stages take those vocabularies from here.
Every rule is a `Rule` (a dict) that remembers its file.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import yaml

from factx.errors import RuleError
from factx.records import VALUE_TYPES

# libyaml's safe loader when PyYAML was built with it: the same safe subset, ~10x faster.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

SHIPPED_RULES = Path(__file__).resolve().parent.parent / "rules"

# Key types: "str", "int", "bool", "regex" (a str that must compile), "list" (of str),
# "regexes" (list of compiling str), "map" (dict of str to str or list), "rewrites" (dict
# of regex to replacement), "token_pattern" (a spaCy phrase or token pattern), "any".
_TYPES = {"str", "int", "bool", "regex", "list", "regexes", "map", "rewrites", "token_pattern", "any"}

# Closed vocabularies of rule keys; the stages that read the keys import them from here.
#: entity labels of the English spaCy pipelines (OntoNotes 5)
ENTITY_LABELS = ("PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART",
                 "LAW", "LANGUAGE", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL",
                 "CARDINAL")
#: families of attribute rules, one extractor each (factx.stages.attributes)
ATTRIBUTE_FAMILIES = ("death", "death_noun", "death_modifier", "cause", "count", "count_noun",
                      "count_children", "role", "role_modifier", "spouse", "marry", "origin", "birth",
                      "founded", "founded_noun", "place_noun", "person_noun", "regex",
                      "alive", "body_noun", "body_verb", "cause_modifier", "cause_verb", "cause_clause", "cause_light",
                      "agent_noun", "attack_noun", "deliberate", "rule_out", "involvement", "perpetrate",
                      "tally_noun", "tally_verb", "toll_verb", "toll_verb_above", "other_place",
                      "settlement_noun", "wound", "body_part", "origin_count", "victim_noun",
                      "toll_increment", "toll_period", "culpable", "work_noun",
                      "amount_unit", "perpetrator_included", "origin_from", "role_verb", "abductor_noun") \
    + ("event_idiom_for", "uncounted_noun") \
    + ("custody",) \
    + ("measure", "measure_count") \
    + ("proposition_stop", "proposition_same")
COUNT_ATTRIBUTES = ("killed_count", "wounded_count", "arrested_count", "missing_count", "children_killed",
                    # survivors pulled out, people a siege held, people a vessel or vehicle carried, people kidnapped
                    "rescued_count", "hostage_count", "on_board_count", "kidnapped_count",
                    # people a disaster drove from their homes, moved out, left without a home, or trapped
                    "displaced_count", "evacuated_count", "homeless_count", "trapped_count",
                    # prisoners who got out of a prison
                    "escaped_count")
#: what a source says happened at an event ('lock gate'): one key per clause, denied or
#: affirmed; two keys are one proposition only when equal (factx.stages.attributes.propositions)
PROPOSITION = "proposition"
#: how a death verb or noun tells the death: 'killed' or 'died' (the `death` fact's value)
DEATH_MANNERS = ("killed", "died")
#: what a reporting word does (factx.attribution)
REPORTING_ROLES = ("say", "deny", "dismiss_as", "source_noun", "according", "backref", "backref_count",
                   "retract", "correct", "superseded")
#: where a hedge word stands (factx.attribution)
HEDGE_SCOPES = ("adverb", "modal", "verb", "noun", "adjective")
#: tense cues of dates without a year: "none" marks a cue that hides others (a modal)
TENSES = ("past", "future", "none")
#: where an entity repair word stands in a span (factx.stages.entities)
REPAIR_PLACES = ("edge", "person_head", "headline_verb", "apposed_organisation", "patronymic")
#: what a word does in a description of an institution (factx.descriptions)
DESCRIPTION_ROLES = ("head", "domain", "filler", "anaphor", "branch", "suffix")
MISSPELLING_ROLES = ("kinship", "masculine", "feminine", "feminine_ending")
BOILERPLATE_SCOPES = ("line", "rest")
_REGEX_SIDES = ("before", "after", "nearest")
#: placeholders an attribute regex may use; each stands for a group without captures
_PLACEHOLDERS = ("{NAME}", "{MONTH}", "{DEMONYM}", "{COUNTRY}")


@dataclass(frozen=True)
class Matching:
    """An open vocabulary with a form: values must match `pattern` in full."""

    pattern: str
    description: str


@dataclass(frozen=True)
class Schema:
    """What one kind of rule may hold: required and optional keys with their types,
    the vocabulary of some keys (`allowed`: a tuple of values, or a `Matching` form),
    and a check across keys (`check` yields (key, problem))."""

    kind: str
    required: dict[str, str]
    optional: dict[str, str]
    doc: str = ""
    allowed: dict[str, tuple[str, ...] | Matching] = field(default_factory=dict)
    check: Callable[[dict[str, Any]], Iterator[tuple[str, str]]] | None = None


def _schemas(*items: Schema) -> dict[str, Schema]:
    out = {}
    for item in items:
        assert set(item.required.values()) | set(item.optional.values()) <= _TYPES, item
        assert set(item.allowed) <= set(item.required) | set(item.optional), item
        out[item.kind] = item
    return out


def _known(values: Iterable[str]) -> str:
    return ", ".join(values)


def _attribute_rule(rule: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """What an attribute rule of each family needs, as (key, problem)."""
    family = rule["family"]
    if family != "regex" and not rule.get("words"):
        yield "words", f"family {family!r} needs a list of words"
    subject = rule.get("subject", "object")
    if family in ("death", "count", "founded") and subject not in ("object", "subject"):
        yield "subject", f"{subject!r} is not allowed for family {family!r} (allowed: object, subject)"
    if family in ("count", "count_noun") and rule.get("attribute") not in COUNT_ATTRIBUTES:
        yield "attribute", (f"{rule.get('attribute')!r} is not allowed for family {family!r} "
                            f"(allowed: {_known(COUNT_ATTRIBUTES)})")
    if family == "role" and rule.get("value") not in (None, "member_of", "title"):
        yield "value", f"{rule['value']!r} is not allowed for family 'role' (allowed: member_of, title)"
    if family == "regex":
        for key in ("attribute", "regex", "subject"):
            if key not in rule:
                yield key, "a regex rule needs attribute, regex and subject"
                return
        parts = rule["subject"].split()
        if len(parts) != 2 or parts[0] not in ENTITY_LABELS or parts[1] not in _REGEX_SIDES:
            yield "subject", (f"{rule['subject']!r} is not allowed: expected 'LABEL SIDE', LABEL one of "
                              f"{_known(ENTITY_LABELS)}; SIDE one of {_known(_REGEX_SIDES)}")
        source = rule["regex"]
        for placeholder in _PLACEHOLDERS:
            source = source.replace(placeholder, "(?:x)")
        try:
            pattern = re.compile(source)
        except re.error as exc:
            yield "regex", f"bad pattern {rule['regex']!r}: {exc}"
            return
        if "value" not in pattern.groupindex:
            yield "regex", "the pattern needs a group named 'value', (?P<value>...)"


# One entry per kind of rule file; stages add theirs here.
SCHEMAS: dict[str, Schema] = _schemas(
    Schema("honorifics", {"words": "list"}, {"type": "str", "distinctive": "bool", "rank": "bool",
                                             "written": "bool", "given_name": "bool", "genders": "map", "description": "str"},
           "titles and ranks before a name (Mr., Col.); `type` is the entity type they imply; "
           "`distinctive` titles (Mullah, Gen.) tell apart one-word names; `written` titles are "
           "part of a person's mention as the document spells it (Mr., Insp.); `genders` (female: "
           "[Mrs.], male: [Mr.]): titles that keep one-word names of the other gender apart",
           allowed={"type": ENTITY_LABELS}),
    Schema("particles", {"words": "list"}, {"article": "bool", "patronymic": "bool", "chain": "bool", "kunya": "bool",
                                          "kin": "bool",
                                          "description": "str"},
           "name particles that attach to the next word (al-, bin)"),
    Schema("entity_patterns", {"label": "str", "pattern": "token_pattern"}, {"description": "str"},
           "spaCy EntityRuler patterns that correct or add entity spans",
           allowed={"label": ENTITY_LABELS}),
    Schema("entity_types", {"label": "str"}, {"words": "list", "suffixes": "list", "prefixes": "list",
                                              "endings": "list", "ignored": "bool", "class_word": "str", "unit": "str", "written_first": "bool",
                                              "description": "str"},
           "words or name endings that decide an entity type (Province → GPE; Wadi X → LOC; -abad → GPE)",
           allowed={"label": ENTITY_LABELS}),
    Schema("boilerplate", {"pattern": "regex"}, {"scope": "str", "description": "str"},
           "lines of web pages that are not article text; scope 'line' or 'rest'",
           allowed={"scope": BOILERPLATE_SCOPES}),
    Schema("aliases", {"names": "list"}, {"type": "str", "description": "str"},
           "names known to be one entity (the first is canonical)",
           allowed={"type": ENTITY_LABELS}),
    Schema("never_merge", {"names": "list"}, {"description": "str"},
           "names that must never be one entity"),
    Schema("transliteration", {}, {"rewrites": "rewrites", "consonants": "list", "vowels": "list",
                                   "initial_vowels": "list", "generational": "list",
                                   "given_prefixes": "list", "given_suffixes": "list",
                                   "vowels_after": "map", "patronymic_endings": "list", "initial_digraphs": "list",
                                   "family_first": "list", "given_syllable": "regex", "given_part": "regex",
                                   "opening_family_names": "list", "middle_names": "list",
                                   "description": "str"},
           "how romanizations of one name differ (Husayn/Hussein): rewrites and letter classes"),
    Schema("misspellings", {"role": "str", "words": "list"}, {"description": "str"},
           "words that tell a one-letter slip in a name from a relative's name: kinship nouns, "
           "pronouns by gender", allowed={"role": MISSPELLING_ROLES}),
    Schema("entity_context", {"label": "str"}, {"before": "regex", "after": "regex", "from": "list",
                                                "description": "str"},
           "text right before or after a mention that decides its type ('district of X' → GPE); "
           "`from`: only over these labels of the model",
           allowed={"label": ENTITY_LABELS, "from": ENTITY_LABELS}),
    Schema("entity_repairs", {"where": "str", "words": "list"}, {"description": "str"},
           "words that are never part of a name, by where they stand in a span (edge, person_head, "
           "headline_verb)", allowed={"where": REPAIR_PLACES}),
    Schema("entity_joins", {"label": "str", "connectors": "list"},
           {"right_labels": "list", "right_words": "list", "left_words": "list", "left_contains": "list",
            "description": "str"},
           "a LABEL span (ending in one of `left_words`, holding one of `left_contains` inside, when "
           "given), a connector and a following "
           "name make one span ('X in the Y')",
           allowed={"label": ENTITY_LABELS, "right_labels": ENTITY_LABELS}),
    Schema("descriptions", {"role": "str", "words": "list"}, {"alone": "bool", "written": "bool", "description": "str"},
           "words of descriptions that name an institution without its name (\"Afghanistan's intelligence "
           "agency\"): head nouns by class, domains, fillers, anaphors, branch words",
           allowed={"role": DESCRIPTION_ROLES}),
    Schema("demonyms", {"country": "str"}, {"words": "list", "cities": "list", "description": "str"},
           "demonyms and nationality adjectives of a country (Pakistani -> Pakistan), and its large cities"),
    Schema("reporting", {"role": "str"}, {"words": "list", "phrases": "list", "description": "str"},
           "words that attribute a claim (say, according to) or deny it (deny, called it propaganda)",
           allowed={"role": REPORTING_ROLES}),
    Schema("hedges", {"scope": "str", "words": "list"}, {"description": "str"},
           "words that hedge a claim (reportedly, might have, believed to, rumors)",
           allowed={"scope": HEDGE_SCOPES}),
    Schema("attributes", {"family": "str"},
           {"attribute": "str", "words": "list", "preps": "list", "subject": "str", "value": "str",
            "value_type": "str", "regex": "regex", "gap": "int", "member": "bool", "top": "bool",
            "bare": "bool", "requires": "list", "manner": "str", "description": "str",
            "units": "list", "before": "bool"},
           "attribute patterns over the parse, by family (death, count, role, regex...)",
           allowed={"family": ATTRIBUTE_FAMILIES, "value_type": VALUE_TYPES, "manner": DEATH_MANNERS},
           check=_attribute_rule),
    Schema("events", {"kind": "str"}, {"nouns": "list", "verbs": "list", "agentive": "bool",
                                       "counts": "list", "same_as": "list", "names": "list",
                                       "brings": "list", "moves": "bool", "vessel": "bool",
                                       "description": "str"},
           "kinds of events and the words that name them (blast -> explosion); agentive kinds have perpetrators"),
    Schema("event_predicates", {"words": "list"}, {"description": "str"},
           "verbs that only say an event happened ('struck', 'broke out'): its date and place are the event's"),
    Schema("capitals", {"country": "str", "city": "str"}, {"description": "str"},
           "the capital city of a country ('the Lebanese capital' is a place)"),
    Schema("date_lexicon", {"entries": "map"}, {"description": "str"},
           "words of temporal expressions and their TIMEX3 meaning (months, units, ...)"),
    Schema("date_events", {"pattern": "regex", "value": "str"},
           {"context": "regex", "offset": "int", "description": "str"},
           "holidays (MM-DD or easter+offset) and anniversaries taken in context",
           allowed={"value": Matching(
               r"(?i)easter|\d\d-\d\d|\d{4}-\d\d-\d\d|-?[1-5] (?:mon|tues|wednes|thurs|fri|satur|sun)day \d\d",
               "easter, MM-DD, YYYY-MM-DD, or 'N WEEKDAY MM': the Nth weekday of a month, -1 the last")}),
    Schema("date_cues", {"tense": "str", "patterns": "regexes"}, {"description": "str"},
           "tense cues that pick the last or the next 'May' or 'Tuesday'",
           allowed={"tense": TENSES}),
    Schema("date_patterns", {"pattern": "regex"}, {"description": "str"},
           "temporal expressions found by regular expression beside the NER"),
    Schema("roles", {"role": "str", "words": "list"},
           {"unique": "bool", "dominant": "bool", "description": "str", "office": "list",
            "speaks": "bool", "units": "list"},
           "role words of titles and the role they name (spokesman = press secretary); "
           "unique roles have one holder per organisation at a time; `office`: the words "
           "for the office the role holds (ministry for minister); `speaks`: a role that "
           "speaks for an office, and `units` the press units whose head does"),
    Schema("role_qualifiers", {"words": "list"}, {"former": "bool", "many": "bool", "description": "str",
                                                  "called_wrong": "bool"},
           "words beside a role: former ('ex-chief'), one of several ('a senior leader'), or neutral"),
    Schema("cardinality", {"attributes": "list"},
           {"multiple": "bool", "cumulative": "bool", "event": "str", "description": "str",
            "joint": "bool", "past": "bool", "recent_years": "int", "within_minutes": "int",
            "cause_class": "str", "alike": "bool", "words": "list", "follows": "list",
            "differs": "str", "generic": "list", "deliberate": "bool", "reference_words": "list",
            "forecast_words": "list", "growth_words": "list", "superseded_words": "list",
            "part_words": "list", "part_nouns": "list", "other_event_words": "list",
            "yearly": "bool", "earlier_years": "bool", "told_words": "list",
            "unit": "str", "base": "str", "factor": "str", "water_words": "list",
            "compass_words": "list", "region_words": "list", "day_of": "map"},
           "attributes that hold several values at once, counts that grow, arguments of an "
           "event, dates that cannot be right, clock tolerance, kinds of causes"),
)


class Rule(dict):
    """One rule: its keys and values as a dict, and the file it came from.

    >>> Rule({"id": "civil", "words": ["Mr."]}, file="rules/honorifics.yml").file
    'rules/honorifics.yml'
    """

    __slots__ = ("file",)

    def __init__(self, data: dict[str, Any], *, file: str) -> None:
        super().__init__(data)
        self.file = file

    def __reduce__(self):
        return (_make_rule, (dict(self), self.file))


def _make_rule(data: dict[str, Any], file: str) -> Rule:
    return Rule(data, file=file)


_KIND_LINE = re.compile(r"^kind:\s*['\"]?([A-Za-z_]+)['\"]?\s*$", re.MULTILINE)


class RuleSet:
    """All rules of a run: the shipped files, then the user's on top.

    Files are read at once (their contents make `version`) but parsed and
    validated per kind on first use, so that a command that needs two kinds does
    not pay for all of them; `validate()` parses everything.
    """

    def __init__(self, files: list[tuple[Path, str]], version: str) -> None:
        self.files = tuple(str(p) for p, _ in files)
        self.version = version
        self._texts = files
        self._by_kind: dict[str, tuple[Rule, ...]] = {}
        self._parsed = False

    def _kind_files(self, kind: str) -> list[tuple[Path, str]]:
        out = []
        for path, text in self._texts:
            match = _KIND_LINE.search(text)
            if match is None or match.group(1) == kind:
                out.append((path, text))
        return out

    def get(self, kind: str) -> tuple[Rule, ...]:
        """The rules of one kind, in file order; empty if there are none."""
        if kind not in self._by_kind:
            bucket: dict[str, Rule] = {}
            for path, text in self._kind_files(kind):
                file_kind, rules = _parsed(path, text)
                if file_kind != kind:
                    continue
                for rule in rules:
                    bucket[rule["id"]] = rule  # a later file's rule replaces one of the same id
            self._by_kind[kind] = tuple(bucket.values())
        return self._by_kind[kind]

    def file_of(self, kind: str, rule_id: str) -> str:
        """The file the rule `rule_id` of `kind` comes from (a user's file when it
        overrides a shipped rule)."""
        for rule in self.get(kind):
            if rule["id"] == rule_id:
                return rule.file
        return f"<{kind} rules>"

    def validate(self) -> "RuleSet":
        """Parse and validate every file now; raise the first `RuleError`."""
        if not self._parsed:
            for path, text in self._texts:
                _parsed(path, text)
            self._parsed = True
        return self

    def words(self, kind: str, key: str = "words") -> tuple[str, ...]:
        """All list items under `key` of every rule of `kind` (honorifics, particles...)."""
        out: list[str] = []
        for rule in self.get(kind):
            out.extend(rule.get(key, ()))
        return tuple(out)


#: Parsed rule files of this process by (path, text): a file is parsed and validated
#: once, however many rule sets (shipped, a user's directory on top) and kinds ask for it.
_PARSED: dict[tuple[str, str], tuple[str, list[Rule]]] = {}


def _parsed(path: Path, text: str) -> tuple[str, list[Rule]]:
    """`parse_rule_file(path, text)`, once per process for the same path and text."""
    key = (str(path), text)
    if key not in _PARSED:
        _PARSED[key] = parse_rule_file(path, text)
    return _PARSED[key]


def _check_value(path: str, rule_id: str, key: str, kind: str, value: Any) -> None:
    def bad(problem: str) -> RuleError:
        return RuleError(path, rule_id, key, problem)

    if kind == "any":
        return
    if kind == "str" and not isinstance(value, str):
        raise bad(f"expected a string, got {type(value).__name__}")
    if kind == "int" and (not isinstance(value, int) or isinstance(value, bool)):
        raise bad(f"expected an integer, got {type(value).__name__}")
    if kind == "bool" and not isinstance(value, bool):
        raise bad(f"expected true or false, got {type(value).__name__}")
    if kind == "map" and not isinstance(value, dict):
        raise bad(f"expected a mapping, got {type(value).__name__}")
    if kind in ("list", "regexes"):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise bad("expected a list of strings")
    patterns = [value] if kind == "regex" else value if kind == "regexes" else []
    if kind == "regex" and not isinstance(value, str):
        raise bad(f"expected a regular expression string, got {type(value).__name__}")
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise bad(f"bad pattern {pattern!r}: {exc}") from None


def parse_rule_file(path: Path, text: str | None = None, *,
                    probe: bool | None = None) -> tuple[str, list[Rule]]:
    """Validate one rule file and return its kind and rules; raise `RuleError`.

    `probe` runs every regular expression on texts built to make it backtrack without
    end (see `_check_safety`); by default a user's files are probed, the shipped ones
    (probed by the test suite) are not.
    """
    name = str(path)
    if probe is None:
        probe = not _is_shipped(path)
    try:
        data = _load_yaml(path.read_text(encoding="utf-8") if text is None else text, name)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise RuleError(name, None, None, f"invalid YAML{where}: {getattr(exc, 'problem', exc)}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(name, None, None, f"cannot read: {exc}") from None
    if not isinstance(data, dict):
        raise RuleError(name, None, None, "expected a mapping with 'kind' and 'rules'")
    for key in data:
        if key not in ("kind", "rules", "description"):
            raise RuleError(name, None, str(key), "unknown key (allowed: kind, rules, description)")
    kind = data.get("kind")
    if kind not in SCHEMAS:
        raise RuleError(name, None, "kind", f"unknown kind {kind!r} (known: {', '.join(sorted(SCHEMAS))})")
    schema = SCHEMAS[kind]
    rules = data.get("rules") or []
    if not isinstance(rules, list):
        raise RuleError(name, None, "rules", "expected a list of rules")
    seen: set[str] = set()
    for index, rule in enumerate(rules, 1):
        if not isinstance(rule, dict):
            raise RuleError(name, f"#{index}", None, "expected a mapping")
        rule_id = rule.get("id")
        if not isinstance(rule_id, str) or not rule_id:
            raise RuleError(name, f"#{index}", "id", "every rule needs a string id")
        if rule_id in seen:
            raise RuleError(name, rule_id, "id", "duplicate id in this file")
        seen.add(rule_id)
        for key, value in rule.items():
            if key == "id":
                continue
            kind_of_key = schema.required.get(key) or schema.optional.get(key)
            if kind_of_key is None:
                allowed = ", ".join(["id", *schema.required, *schema.optional])
                raise RuleError(name, rule_id, key, f"unknown key for kind {kind!r} (allowed: {allowed})")
            _check_value(name, rule_id, key, kind_of_key, value)
            _check_safety(name, rule_id, key, kind_of_key, value, probe=probe, file_kind=kind)
            if key in schema.allowed:
                _check_allowed(name, rule_id, key, schema.allowed[key], value)
        for key in schema.required:
            if key not in rule:
                raise RuleError(name, rule_id, key, f"missing required key for kind {kind!r}")
        if schema.check is not None:
            for key, problem in schema.check(rule):
                raise RuleError(name, rule_id, key, problem)
    return kind, [Rule(rule, file=name) for rule in rules]


def _check_allowed(path: str, rule_id: str, key: str, allowed: tuple[str, ...] | Matching, value: Any) -> None:
    """Each value of `key` (one, or each of a list) within its vocabulary."""
    for item in value if isinstance(value, list) else [value]:
        if isinstance(allowed, Matching):
            if not re.fullmatch(allowed.pattern, str(item)):
                raise RuleError(path, rule_id, key, f"{item!r} is not allowed (allowed: {allowed.description})")
        elif item not in allowed:
            raise RuleError(path, rule_id, key, f"{item!r} is not allowed (allowed: {_known(allowed)})")


# --- rules that cannot hurt -----------------------------------------------------------
# A rule file is data from the user: it must not be able to stop a run (a regular
# expression that backtracks without end), blow up memory (a YAML alias bomb) or crash
# a stage (a token pattern or a rewrite that only fails when used). Everything a key
# holds is compiled and checked here, when the file is loaded and by `rules check`.

#: Seconds one probe of a regular expression may take before the pattern is refused.
PROBE_SECONDS = 0.1
_PROBE_LENGTH = 300
_PROBE_CHARS = "aA1 .,-'&\n\u00e9"


def _is_shipped(path: Path | str) -> bool:
    try:
        return Path(path).resolve().is_relative_to(SHIPPED_RULES)
    except (OSError, ValueError):
        return False


def _load_yaml(text: str, name: str) -> Any:
    """The YAML document of a rule file, refusing aliases (`*name`): a few hundred bytes
    of nested aliases expand to gigabytes (a "billion laughs")."""
    loader = _SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        seen: set[int] = set()
        stack = [node]
        while stack:  # the composed graph shares a node wherever an alias points to it
            item = stack.pop()
            if id(item) in seen:
                mark = getattr(item, "start_mark", None)
                where = f" (line {mark.line + 1})" if mark is not None else ""
                raise RuleError(name, None, None, f"YAML anchors and aliases (&name, *name) are not "
                                                  f"allowed in rule files{where}: write the values out")
            seen.add(id(item))
            if isinstance(item, yaml.SequenceNode):
                stack.extend(item.value)
            elif isinstance(item, yaml.MappingNode):
                for key, value in item.value:
                    stack.extend((key, value))
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _check_safety(path: str, rule_id: str, key: str, kind: str, value: Any, *, probe: bool,
                  file_kind: str | None = None) -> None:
    """Compile and check what a key holds beyond its type: rewrites and token patterns
    compiled as the stages will, the numbers of the date words, every regular
    expression probed (when `probe`)."""
    def bad(problem: str) -> RuleError:
        return RuleError(path, rule_id, key, problem)

    if file_kind == "date_lexicon" and key == "entries" and rule_id in _LEXICON_NUMBERS:
        _check_lexicon_numbers(rule_id, value, bad)

    if kind in ("regex", "regexes") and probe:
        for pattern in [value] if kind == "regex" else value:
            _refuse_runaway(pattern, bad)
    elif kind == "rewrites":
        _check_rewrites(value, bad, probe)
    elif kind == "token_pattern":
        _check_token_pattern(value, bad, probe)


#: Date words whose meaning is a number (factx.timex reads them so): id -> (lowest, highest).
_LEXICON_NUMBERS = {"months": (1, 12), "weekdays": (1, 7), "ordinals": (1, 10_000), "numbers": (0, 1e9)}


def _check_lexicon_numbers(rule_id: str, value: Any, bad) -> None:
    if not isinstance(value, dict):
        return
    low, high = _LEXICON_NUMBERS[rule_id]
    whole = rule_id != "numbers"
    for word, number in value.items():
        ok = isinstance(number, (int, float)) and not isinstance(number, bool) and low <= number <= high \
            and (not whole or float(number).is_integer())
        if not ok:
            raise bad(f"{word!r}: {number!r} is not allowed for {rule_id} (allowed: "
                      f"{'a whole number' if whole else 'a number'} from {low:g} to {high:g})")


def _check_rewrites(value: Any, bad, probe: bool) -> None:
    if not isinstance(value, dict):
        raise bad(f"expected a mapping of regular expression to replacement, got {type(value).__name__}")
    for pattern, replacement in value.items():
        if not isinstance(pattern, str) or not isinstance(replacement, str):
            raise bad(f"{pattern!r}: {replacement!r}: a rewrite maps a regular expression (a string) "
                      "to a replacement (a string)")
        try:
            re.compile(pattern)
        except re.error as exc:
            raise bad(f"bad pattern {pattern!r}: {exc}") from None
        try:
            # the pattern with an empty alternative matches "" with the same groups, so
            # the replacement's group references are checked without a sample text
            re.compile(pattern + "\n|").match("").expand(replacement)
        except (re.error, IndexError) as exc:
            raise bad(f"bad replacement {replacement!r} for {pattern!r}: {exc}") from None
        if probe:
            _refuse_runaway(pattern, bad)


def _check_token_pattern(value: Any, bad, probe: bool) -> None:
    if isinstance(value, str):
        if not value.strip():
            raise bad("an empty phrase")
        return
    if not isinstance(value, list) or not value or not all(isinstance(t, dict) for t in value):
        raise bad("expected a phrase (a string) or a token pattern (a list of token mappings, "
                  "e.g. [{LOWER: al}, {IS_TITLE: true}])")
    from spacy.schemas import validate_token_pattern  # only for files that have token patterns

    problems = validate_token_pattern(value)
    if problems:
        raise bad("bad token pattern: " + "; ".join(problems[:3]))
    for token in value:
        for attr, spec in token.items():
            regex = spec.get("REGEX") if isinstance(spec, dict) else None
            if isinstance(regex, str):
                try:
                    re.compile(regex)
                except re.error as exc:
                    raise bad(f"{attr}: bad REGEX {regex!r}: {exc}") from None
                if probe:
                    _refuse_runaway(regex, bad)


def _probes(pattern: str) -> Iterator[str]:
    """Texts on which a pattern that backtracks without end shows it: runs of one
    character (or of two) that almost match, then a character that fails them."""
    chars = dict.fromkeys(_PROBE_CHARS)
    for ch in pattern:
        if ch not in "\\^$.|?*+()[]{}" and len(chars) < 40:
            chars.setdefault(ch.lower())
            chars.setdefault(ch.upper())
    for ch in chars:
        yield ch * _PROBE_LENGTH + "\x00"
    literal = [c for c in chars if c not in _PROBE_CHARS][:6] + ["a", " "]
    for first in literal:
        for second in literal:
            if first != second:
                yield (first + second) * (_PROBE_LENGTH // 2) + "\x00"


#: A probe stopped by the clock while this process had less than half its time on the
#: CPU (other processes had the cores) is run again, this many times in all.
_PROBE_TRIES = 3


def _runs_away(compiled: re.Pattern, text: str) -> bool:
    """Does searching `text` take over PROBE_SECONDS? The clock is the wall clock (only it
    can interrupt a search), so a probe it stops is judged by the CPU time it used: a
    sound pattern on a loaded machine is probed again, not refused."""
    from factx.watchdog import TimeLimit, time_limit

    for _ in range(_PROBE_TRIES):
        cpu = time.process_time()
        try:
            with time_limit(PROBE_SECONDS) as limit:
                compiled.search(text)
            return False
        except TimeLimit as exc:
            if exc.limit is not limit:
                raise  # an outer limit (the document's) ran out, not this probe's
            if time.process_time() - cpu >= PROBE_SECONDS / 2:
                return True
    return True


def _refuse_runaway(pattern: str, bad) -> None:
    """Raise `bad(...)` when the pattern backtracks without end on a probe text."""
    if threading.current_thread() is not threading.main_thread():
        return  # the probe's clock is SIGALRM: main thread only
    try:
        compiled = re.compile(pattern, re.IGNORECASE)
    except re.error:
        return  # reported as a bad pattern by the type check
    for text in _probes(pattern):
        if _runs_away(compiled, text):
            sample = text[:12].encode("unicode_escape").decode("ascii")
            raise bad(f"the pattern {pattern!r} backtracks without end on a text like "
                      f"'{sample}...' ({len(text):,} characters: over {PROBE_SECONDS} s); "
                      "rewrite it without nested or overlapping repeats such as (a+)+ or (a|aa)*") from None


def rule_files(directory: Path) -> list[Path]:
    if not directory.is_dir():
        raise RuleError(str(directory), None, None, "not a directory of rule files")
    return sorted(p for p in directory.rglob("*") if p.suffix in (".yml", ".yaml") and p.is_file())


def check(directories: Iterable[Path]) -> list[RuleError]:
    """Every problem in the rule files of the given directories (empty when all are valid)."""
    problems = []
    for directory in directories:
        try:
            files = rule_files(Path(directory))
        except RuleError as exc:
            problems.append(exc)
            continue
        for path in files:
            try:
                parse_rule_file(path, probe=True)
            except RuleError as exc:
                problems.append(exc)
    return problems


_CACHE: dict[tuple[str, ...], RuleSet] = {}


def load_rules(extra: str | os.PathLike[str] | None = None) -> RuleSet:
    """The shipped rules with a user's directory on top; cached per directory.

    >>> load_rules().get("honorifics")[0]["id"]  # doctest: +SKIP
    'civil'
    """
    dirs = [SHIPPED_RULES] + ([Path(extra)] if extra else [])
    cache_key = tuple(str(d) for d in dirs)
    if cache_key in _CACHE:
        return _CACHE[cache_key]
    files: list[tuple[Path, str]] = []
    digest = hashlib.sha256()
    for directory in dirs:
        for path in rule_files(directory):
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise RuleError(str(path), None, None, f"cannot read: {exc}") from None
            files.append((path, text))
            digest.update(path.name.encode() + b"\0" + text.encode() + b"\0")
    ruleset = RuleSet(files, digest.hexdigest()[:16])
    _CACHE[cache_key] = ruleset
    return ruleset
