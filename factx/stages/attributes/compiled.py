"""The rules of the attribute stage, validated and indexed once per rule set.

Reads `rules/attributes.yml` (families, each checked against the keys its module
registered), `rules/events.yml` (kinds of events and the words that name them),
`rules/event_predicates.yml` (verbs that only tell that an event happened),
`rules/reporting.yml`, `rules/hedges.yml` and `rules/demonyms.yml`.

>>> compile_rules(load_rules()).demonyms["pakistani"]  # doctest: +SKIP
'Pakistan'
>>> compile_rules(load_rules()).event_nouns["blast"].kind  # doctest: +SKIP
'explosion'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from factx import attribution as attr
from factx.errors import RuleError
from factx.records import VALUE_TYPES
from factx.rules import COUNT_ATTRIBUTES, RuleSet, load_rules
from factx.stages.attributes.registry import REGISTERED, Family, register

__all__ = ["Compiled", "RoleRule", "RegexRule", "EventKind", "compile_rules", "load_rules"]

COUNTS = COUNT_ATTRIBUTES
MANNERS = ("killed", "died")
MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
          "December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
NAME_RE = (r"(?:[A-Z][\w’'.-]*|(?:al|el|ul|ur|ud|bin|ibn|abu|de|da|van|von)-[A-Z][\w’'.-]*)"
           r"(?:\s(?:(?:al|el|bin|ibn|abu|abd|de|da|del|della|van|von|der|den|la|le|ul|ur|ud)\s"
           r"|(?:al|el|ul|ur|ud)-)?[A-Z][\w’'.-]*)*")


@dataclass(frozen=True)
class RoleRule:
    rule: str
    preps: tuple[str, ...]
    member: bool
    top: bool
    only: str | None
    bare: bool = True


@dataclass(frozen=True)
class RegexRule:
    rule: str
    attribute: str
    value_type: str
    label: str
    direction: str
    gap: int
    pattern: re.Pattern[str]
    #: words every match contains ('born' for 'X-born'): a sentence without them is skipped
    required: str = ""


def required_literal(pattern: re.Pattern[str]) -> str:
    """The longest run of literal characters every match of `pattern` contains, read from
    the top level of the parsed pattern (so exact): 'born' for the pattern of 'X-born';
    '' when the pattern has none or ignores case."""
    try:  # the standard library's regex parser; public as sre_parse before 3.11
        from re import _parser as sre_parse
    except ImportError:  # pragma: no cover
        import sre_parse

    if pattern.flags & re.IGNORECASE:
        return ""
    best, run = "", ""
    for op, arg in sre_parse.parse(pattern.pattern):
        if op is sre_parse.LITERAL:
            run += chr(arg)
            continue
        best, run = max(best, run, key=len), ""
    return max(best, run, key=len)


@dataclass(frozen=True)
class EventKind:
    """A kind of event ('explosion'): the rule that declares it and whether it has an
    agent (attacks, strikes and raids have perpetrators; floods do not)."""

    rule: str
    kind: str
    agentive: bool
    #: kinds of event this kind brings about (a storm brings floods and landslides): their
    #: tolls are the deaths, and this event their cause, when the document tells of them
    brings: tuple[str, ...] = ()
    #: the event moves (a storm): a place in front of its noun is where it formed, not
    #: where it struck ('a Mediterranean storm')
    moves: bool = False
    #: an event of this kind is named after its vessel ('the sinking of the MV X')
    vessel: bool = False


@dataclass(frozen=True)
class Compiled:
    """The rules of one `RuleSet`, indexed for the extractors."""

    death_verbs: dict[str, tuple[str, str, str | None]]
    death_requires: dict[str, frozenset[str]]
    death_nouns: dict[str, str]
    death_modifiers: dict[str, str]
    #: 'killed' or 'died' for each death verb, noun and modifier
    manners: dict[str, str]
    alive: frozenset[str]
    cause_nouns: frozenset[str]
    cause_values: dict[str, str]
    cause_preps: frozenset[str]
    cause_drop: frozenset[str]
    cause_light: frozenset[str]
    agent_nouns: frozenset[str]
    count_verbs: dict[str, tuple[tuple[str, str, str], ...]]
    count_nouns: dict[str, tuple[str, str]]
    #: (rule, verb) → words one of which must stand on the verb ('taken into custody')
    count_requires: dict[tuple[str, str], frozenset[str]]
    children: frozenset[str]
    children_rule: str
    roles: dict[str, RoleRule]
    role_modifiers: frozenset[str]
    spouse_nouns: dict[str, str]
    marry_verbs: dict[str, str]
    origin_nouns: dict[str, str]
    person_nouns: frozenset[str]
    birth_verbs: dict[str, str]
    founded_verbs: dict[str, str]
    founded_nouns: dict[str, str]
    place_nouns: frozenset[str]
    regexes: tuple[RegexRule, ...]
    demonyms: dict[str, str]
    countries: dict[str, str]
    cities: dict[str, str]
    #: country (lower-cased) → its capital city
    capitals: dict[str, str]
    #: label → words that end a name of that type ('Front', 'Ministry' → ORG)
    entity_suffixes: dict[str, tuple[str, ...]]
    lexicon: attr.Lexicon
    #: event nouns (lemmas and multi-word phrases) and verbs to their kind
    event_nouns: dict[str, EventKind] = field(default_factory=dict)
    event_verbs: dict[str, EventKind] = field(default_factory=dict)
    #: first words of the two-word event verbs ('blow' of 'blow up')
    event_verb_firsts: frozenset[str] = frozenset()
    #: the kind an event gets when a count has no event word ('14 were arrested in X')
    fallback_kinds: dict[str, EventKind] = field(default_factory=dict)
    #: verbs that only say an event happened ('struck', 'took place'): transparent
    event_predicates: frozenset[str] = frozenset()
    #: words that begin a named event, lower-cased, to its kind ('storm' of 'Storm X')
    event_names: dict[str, EventKind] = field(default_factory=dict)
    #: kinds without an author of their own that an attack may be (an agentive kind's
    #: `same_as`: a bombing is an explosion), which a group can claim
    claimable_kinds: frozenset[str] = frozenset()
    #: kind → the kinds declared one with it by `same_as`, either way (a bombing and an
    #: explosion or an attack)
    related_kinds: dict[str, frozenset[str]] = field(default_factory=dict)
    #: the rules of every family, validated, for families without an index of their own
    by_family: dict[str, tuple[dict, ...]] = field(default_factory=dict)
    max_role_words: int = 3
    role_last_words: frozenset[str] = frozenset()
    max_event_words: int = 2
    #: last words of the event nouns of two words ('strike' of 'drone strike')
    event_last_words: frozenset[str] = frozenset()
    #: what a family derives from these rules, built once per rule set (`derived`)
    _derived: dict = field(default_factory=dict, compare=False, repr=False)

    def derived(self, key: str, build):
        """`build(self)`, built on first use and kept with the rules: a family's word
        sets and lookups from its rules are made once per rule set, not per sentence."""
        if key not in self._derived:
            self._derived[key] = build(self)
        return self._derived[key]

    def event_verb(self, token) -> EventKind | None:
        """The kind of event a verb tells happened: its lemma ('exploded'), or the lemma
        with its particle, object or subject noun ('blew up', 'opened fire', 'the dam burst')."""
        from factx.stages.attributes.syntax import lemma

        if token.pos_ not in ("VERB", "AUX"):
            return None
        low = lemma(token)
        kind = self.event_verbs.get(low)
        if kind is not None or low not in self.event_verb_firsts:
            return kind
        for child in token.children:
            # a particle or object ('blew up', 'opened fire'), or the noun of what broke
            # as either ('the dam burst', 'burst the levee')
            if child.dep_ == "prt" or child.dep_ in ("dobj", "obj") \
                    or child.dep_ in ("nsubj", "nsubjpass") and child.pos_ == "NOUN" \
                    or child.dep_ in ("xcomp", "oprd"):  # 'took 11 people hostage'
                kind = self.event_verbs.get(f"{low} {child.lower_ if child.dep_ == 'prt' else lemma(child)}")
                if kind is not None:
                    return kind
        return None

    def event_kind(self, token) -> EventKind | None:
        """The kind of event a noun names, with a compound in front ('drone strike')."""
        from factx.stages.attributes.syntax import lemma

        if token.pos_ not in ("NOUN", "PROPN"):
            return None
        low = lemma(token)
        single = self.event_nouns.get(low) or self.event_nouns.get(token.lower_)
        if single is None and low not in self.event_last_words:
            return None
        idioms = self.derived("event_idiom_for", lambda r: frozenset(
            w.lower() for rule in r.by_family.get("event_idiom_for", ()) for w in rule["words"]))
        if any(c.dep_ == "prep" and c.lower_ == "for" and any(lemma(g) in idioms or g.lower_ in idioms
                                                             for g in c.children) for c in token.children):
            return None  # 'several of the injured are fighting for their lives': no fighting
        for child in token.lefts:
            if child.dep_ == "compound" and child.pos_ == "NOUN":
                phrase = f"{child.lower_} {low}"
                found = self.event_nouns.get(phrase)
                if found is not None:
                    return found
                if phrase in self.cause_nouns:
                    return None  # 'a heart attack' is a cause, not an attack
        return single


register(Family("event_idiom_for", doc="objects of 'for' that make an event noun an idiom, no event: "
                                      "'fighting for their lives'"))

_COMPILED: dict[str, Compiled] = {}


def _file_of(rules: RuleSet, kind: str, rule_id: str) -> str:
    return rules.file_of(kind, rule_id)


def compile_rules(rules: RuleSet) -> Compiled:
    """Index the attribute, event, reporting, hedge and demonym rules; raise `RuleError`
    on a family, key, value type or subject the extractors do not know (naming file,
    id and key)."""
    if rules.version in _COMPILED:
        return _COMPILED[rules.version]
    compiled = _compile(rules)
    _COMPILED[rules.version] = compiled
    return compiled


def _compile(rules: RuleSet) -> Compiled:
    demonyms: dict[str, str] = {}
    countries: dict[str, str] = {}
    cities: dict[str, str] = {}
    for rule in rules.get("demonyms"):
        country = rule["country"]
        countries[country.lower()] = country
        for word in rule.get("words", ()):
            demonyms[word.lower()] = country
        for city in rule.get("cities", ()):
            cities[city.lower()] = country
    capitals: dict[str, str] = {}
    for rule in rules.get("capitals"):
        capitals[rule["country"].lower()] = rule["city"]
        cities.setdefault(rule["city"].lower(), rule["country"])

    def where(rule: dict, key: str, problem: str) -> RuleError:
        return RuleError(_file_of(rules, "attributes", rule["id"]), rule["id"], key, problem)

    death_verbs: dict[str, tuple[str, str, str | None]] = {}
    death_requires: dict[str, frozenset[str]] = {}
    death_nouns: dict[str, str] = {}
    death_modifiers: dict[str, str] = {}
    manners: dict[str, str] = {}
    cause_nouns: set[str] = set()
    cause_values: dict[str, str] = {}
    cause_preps: set[str] = set()
    count_verbs: dict[str, list[tuple[str, str, str]]] = {}
    count_nouns: dict[str, tuple[str, str]] = {}
    count_requires: dict[tuple[str, str], frozenset[str]] = {}
    children: set[str] = set()
    children_rule = "count.children"
    roles: dict[str, RoleRule] = {}
    simple: dict[str, dict[str, str]] = {f: {} for f in (
        "spouse", "marry", "origin", "birth", "founded", "founded_noun", "person_noun",
        "role_modifier", "place_noun", "cause_modifier", "alive", "agent_noun", "cause_light")}
    regexes: list[RegexRule] = []
    by_family: dict[str, list[dict]] = {}
    demonym_re = "|".join(re.escape(w) for w in sorted(
        (w for r in rules.get("demonyms") for w in r.get("words", ())), key=len, reverse=True))
    country_re = "|".join(re.escape(c) for c in sorted(
        (r["country"] for r in rules.get("demonyms")), key=len, reverse=True))
    for rule in rules.get("attributes"):
        name = rule["family"]
        family = REGISTERED.get(name)
        if family is None:
            raise where(rule, "family", f"unknown family {name!r} (known: {', '.join(sorted(REGISTERED))})")
        family.check(rule, _file_of(rules, "attributes", rule["id"]))
        by_family.setdefault(name, []).append(rule)
        words = [w.lower() for w in rule.get("words", ())]
        subject = rule.get("subject", "object")
        if name in ("death", "count", "founded") and subject not in ("object", "subject"):
            raise where(rule, "subject", "expected 'object' or 'subject'")
        manner = rule.get("manner")
        if manner is not None and manner not in MANNERS:
            raise where(rule, "manner", f"expected one of {', '.join(MANNERS)}")
        if name == "death":
            for word in words:
                death_verbs[word] = (rule["id"], subject, rule.get("value"))
                manners.setdefault(word, manner or ("killed" if subject == "object" else "died"))
                if rule.get("requires"):
                    death_requires[word] = frozenset(w.lower() for w in rule["requires"])
        elif name in ("death_noun", "death_modifier"):
            target = death_nouns if name == "death_noun" else death_modifiers
            target.update(dict.fromkeys(words, rule["id"]))
            for word in words:
                manners.setdefault(word, manner or "died")
        elif name == "cause":
            cause_nouns.update(words)
            if rule.get("value"):  # one value for synonyms: 'operation' → 'raid'
                cause_values.update(dict.fromkeys(words, rule["value"]))
            cause_preps.update(p.lower() for p in rule.get("preps", ()))
        elif name in ("count", "count_noun"):
            attribute = rule.get("attribute")
            if attribute not in COUNTS:
                raise where(rule, "attribute", f"a count rule needs one of {', '.join(COUNTS)}")
            for word in words:
                if name == "count":
                    count_verbs.setdefault(word, []).append((rule["id"], attribute, subject))
                    if rule.get("requires"):
                        count_requires[(rule["id"], word)] = frozenset(w.lower() for w in rule["requires"])
                else:
                    count_nouns[word] = (rule["id"], attribute)
        elif name == "count_children":
            children.update(words)
            children_rule = rule["id"]
        elif name == "role":
            only = rule.get("value")
            if only not in (None, "member_of", "title"):
                raise where(rule, "value", "a role rule's value is 'member_of' or 'title'")
            role = RoleRule(rule["id"], tuple(p.lower() for p in rule.get("preps", ("of",))),
                            bool(rule.get("member")), bool(rule.get("top")), only,
                            bool(rule.get("bare", True)))
            for word in words:
                roles.setdefault(word, role)
        elif name == "regex":
            value_type = rule.get("value_type", "text")
            if value_type not in VALUE_TYPES:
                raise where(rule, "value_type", f"unknown value type {value_type!r}")
            parts = rule["subject"].split()
            if len(parts) != 2 or parts[1] not in ("before", "after", "nearest"):
                raise where(rule, "subject", "expected 'LABEL before|after|nearest', e.g. 'PERSON before'")
            source = (rule["regex"].replace("{NAME}", NAME_RE).replace("{MONTH}", f"(?:{MONTHS})")
                      .replace("{DEMONYM}", f"(?:{demonym_re})").replace("{COUNTRY}", f"(?:{country_re})"))
            try:
                pattern = re.compile(source)
            except re.error as exc:
                raise where(rule, "regex", f"bad pattern: {exc}") from None
            if "value" not in pattern.groupindex:
                raise where(rule, "regex", "the pattern needs a group named 'value'")
            regexes.append(RegexRule(rule["id"], rule["attribute"], value_type, parts[0], parts[1],
                                     int(rule.get("gap", 80)), pattern, required_literal(pattern)))
        elif name in simple:
            simple[name].update(dict.fromkeys(words, rule["id"]))
    event_nouns, event_verbs, fallback, event_names = _event_kinds(rules)
    predicates = frozenset(w.lower() for r in rules.get("event_predicates") for w in r["words"])
    return Compiled(
        death_verbs=death_verbs, death_requires=death_requires, death_nouns=death_nouns,
        death_modifiers=death_modifiers, manners=manners, alive=frozenset(simple["alive"]),
        cause_nouns=frozenset(cause_nouns), cause_values=cause_values,
        cause_preps=frozenset(cause_preps or {"in", "of", "by"}), cause_drop=frozenset(simple["cause_modifier"]),
        agent_nouns=frozenset(simple["agent_noun"]), cause_light=frozenset(simple["cause_light"]),
        count_verbs={k: tuple(v) for k, v in count_verbs.items()}, count_nouns=count_nouns,
        count_requires=count_requires,
        children=frozenset(children), children_rule=children_rule, roles=roles,
        role_modifiers=frozenset(simple["role_modifier"]), spouse_nouns=simple["spouse"],
        marry_verbs=simple["marry"], origin_nouns=simple["origin"],
        person_nouns=frozenset(simple["person_noun"]) | frozenset(simple["origin"]),
        birth_verbs=simple["birth"], founded_verbs=simple["founded"],
        founded_nouns=simple["founded_noun"], place_nouns=frozenset(simple["place_noun"]),
        regexes=tuple(regexes), demonyms=demonyms, countries=countries, cities=cities, capitals=capitals,
        entity_suffixes=_suffixes(rules),
        lexicon=attr.Lexicon.from_rules(rules),
        event_nouns=event_nouns, event_verbs=event_verbs, fallback_kinds=fallback,
        event_verb_firsts=frozenset(v.split()[0] for v in event_verbs if " " in v),
        claimable_kinds=frozenset(k for r in rules.get("events") if r.get("agentive") for k in r.get("same_as", ())),
        related_kinds=_related_kinds(rules),
        event_predicates=predicates, event_names=event_names, by_family={k: tuple(v) for k, v in by_family.items()},
        max_role_words=max((len(k.split()) for k in roles), default=1),
        role_last_words=frozenset(k.split()[-1] for k in roles),
        max_event_words=max((len(k.split()) for k in event_nouns), default=1),
        event_last_words=frozenset(k.split()[-1] for k in event_nouns if " " in k))


def _suffixes(rules: RuleSet) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for rule in rules.get("entity_types"):
        out.setdefault(rule["label"], []).extend(rule.get("suffixes", ()))
        out[rule["label"]].extend(rule.get("words", ()))
    return {k: tuple(v) for k, v in out.items()}


def _related_kinds(rules: RuleSet) -> dict[str, frozenset[str]]:
    related: dict[str, set[str]] = {}
    for rule in rules.get("events"):
        for other in rule.get("same_as", ()):
            related.setdefault(rule["kind"], set()).add(other)
            related.setdefault(other, set()).add(rule["kind"])
    return {k: frozenset(v) for k, v in related.items()}


def _event_kinds(rules: RuleSet) -> tuple[dict[str, EventKind], dict[str, EventKind], dict[str, EventKind],
                                          dict[str, EventKind]]:
    nouns: dict[str, EventKind] = {}
    verbs: dict[str, EventKind] = {}
    fallback: dict[str, EventKind] = {}
    names: dict[str, EventKind] = {}
    for rule in rules.get("events"):
        kind = EventKind(rule["id"], rule["kind"], bool(rule.get("agentive", False)),
                         tuple(rule.get("brings", ())), bool(rule.get("moves", False)),
                         bool(rule.get("vessel", False)))
        for word in rule.get("nouns", ()):
            nouns.setdefault(word.lower(), kind)
        for word in rule.get("verbs", ()):
            verbs.setdefault(word.lower(), kind)
        for word in rule.get("names", ()):
            names.setdefault(word.lower(), kind)
        for attribute in rule.get("counts", ()):
            if attribute not in COUNTS:
                raise RuleError(_file_of(rules, "events", rule["id"]), rule["id"], "counts",
                                f"unknown count {attribute!r} (known: {', '.join(COUNTS)})")
            fallback.setdefault(attribute, kind)
    known = {rule["kind"] for rule in rules.get("events")}
    for rule in rules.get("events"):
        unknown = [k for k in rule.get("brings", ()) if k not in known]
        if unknown:
            raise RuleError(_file_of(rules, "events", rule["id"]), rule["id"], "brings",
                            f"unknown kind {unknown[0]!r} (known: {', '.join(sorted(known))})")
    return nouns, verbs, fallback, names
