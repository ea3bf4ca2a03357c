"""Stage 5, attributes: rule-driven facts of the attribute vocabulary (DESIGN section 2).

`extract_facts(doc, rules=...)` is the pure part: it reads the parse, `doc._.mentions`
and `doc._.dates` and yields `FactDraft`s; the `factx_attributes` component writes them
to `doc._.facts`. Which words trigger what lives in `rules/attributes.yml` (families
below), `rules/reporting.yml`, `rules/hedges.yml` and `rules/demonyms.yml`.

Families of `rules/attributes.yml` (each a dependency pattern over spaCy's parse):

- death / death_noun / death_modifier: a death verb, noun or adjective and its victim
  (passive subject, active object, intransitive subject, 'along with X', apposition,
  relative clause) → date_of_death, place_of_death, cause_of_death.
- cause: nouns that say how someone died ('in a raid', 'of cancer').
- count / count_noun / count_children: counts of killed, wounded, arrested people.
- role / role_modifier: title ('leader of X', 'X spokesman Y'), member_of, top_members.
- spouse / marry, origin, birth, founded / founded_noun, place_noun (located_in).
- regex: a pattern over the sentence text with a `value` group (aliases, ages).

>>> nlp = en_core_web_sm.load(); doc = nlp("Jane Roe, 47, was killed in Lyon on May 2, 2020.")  # doctest: +SKIP
>>> [(f.attribute, f.value) for f in extract_facts(doc, rules=load_rules())]  # doctest: +SKIP
[('date_of_death', '2020-05-02'), ('place_of_death', 'Lyon'), ('age', 47)]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from factx import attribution as attr
from factx.stages import doc_text
from factx.errors import RuleError
from factx.quantities import VAGUE, normalize_age, normalize_quantity
from factx.records import VALUE_TYPES, FactDraft, TimexSpan
from factx.rules import ATTRIBUTE_FAMILIES as FAMILIES  # the vocabulary lives with the rule schema
from factx.rules import RuleSet, load_rules
from factx.stages.mentions import Mention, link_mentions

PLACE_LABELS = ("GPE", "LOC", "FAC")
LOC_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across", "around", "on",
                       "into", "throughout", "within", "off", "along", "outside of"})
DEATH_ATTRIBUTES = ("date_of_death", "place_of_death", "cause_of_death")
NP_ATTRIBUTES = ("title", "member_of", "top_members", "origin", "age", "alternate_names")
REL_PRONOUNS = frozenset({"who", "whom", "that", "which", "whose"})
PERSON_PRONOUNS = frozenset({"he", "him", "she", "her", "his", "hers"})
MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
          "December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
NAME_RE = (r"(?:[A-Z][\w’'.-]*|(?:al|el|ul|ur|ud|bin|ibn|abu|de|da|van|von)-[A-Z][\w’'.-]*)"
           r"(?:\s(?:(?:al|el|bin|ibn|abu|abd|de|da|del|della|van|von|der|den|la|le|ul|ur|ud)\s"
           r"|(?:al|el|ul|ur|ud)-)?[A-Z][\w’'.-]*)*")
UNQUALIFIED_TOP = frozenset({"former", "deputy", "vice", "assistant", "acting", "interim",
                             "ex", "erstwhile", "co", "honorary", "senior", "regional"})


# ---------------------------------------------------------------------------------------
# Compiled rules


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


@dataclass(frozen=True)
class Compiled:
    """The rules of one `RuleSet`, indexed for the extractors."""

    death_verbs: dict[str, tuple[str, str, str | None]]
    death_requires: dict[str, frozenset[str]]
    death_nouns: dict[str, str]
    death_modifiers: dict[str, str]
    cause_nouns: frozenset[str]
    cause_values: dict[str, str]
    cause_preps: frozenset[str]
    count_verbs: dict[str, tuple[tuple[str, str, str], ...]]
    count_nouns: dict[str, tuple[str, str]]
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
    lexicon: attr.Lexicon
    max_role_words: int = 3
    role_last_words: frozenset[str] = frozenset()


_COMPILED: dict[str, Compiled] = {}


def compile_rules(rules: RuleSet) -> Compiled:
    """Index the attribute, reporting, hedge and demonym rules; raise `RuleError` on a
    family, value type or subject the extractors do not know (naming file, id and key).

    >>> compile_rules(load_rules()).demonyms["pakistani"]  # doctest: +SKIP
    'Pakistan'
    """
    if rules.version in _COMPILED:
        return _COMPILED[rules.version]
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

    def where(rule: dict, key: str, problem: str) -> RuleError:
        return RuleError(attr._file_of(rules, "attributes", rule["id"]), rule["id"], key, problem)

    death_verbs: dict[str, tuple[str, str, str | None]] = {}
    death_requires: dict[str, frozenset[str]] = {}
    death_nouns: dict[str, str] = {}
    death_modifiers: dict[str, str] = {}
    cause_nouns: set[str] = set()
    cause_values: dict[str, str] = {}
    cause_preps: set[str] = set()
    count_verbs: dict[str, list[tuple[str, str, str]]] = {}
    count_nouns: dict[str, tuple[str, str]] = {}
    children: set[str] = set()
    children_rule = "count.children"
    roles: dict[str, RoleRule] = {}
    role_modifiers: set[str] = set()
    simple: dict[str, dict[str, str]] = {f: {} for f in (
        "spouse", "marry", "origin", "birth", "founded", "founded_noun", "person_noun")}
    place_nouns: set[str] = set()
    regexes: list[RegexRule] = []
    demonym_re = "|".join(re.escape(w) for w in sorted(
        (w for r in rules.get("demonyms") for w in r.get("words", ())), key=len, reverse=True))
    country_re = "|".join(re.escape(c) for c in sorted(
        (r["country"] for r in rules.get("demonyms")), key=len, reverse=True))
    for rule in rules.get("attributes"):
        family = rule["family"]
        words = [w.lower() for w in rule.get("words", ())]
        if family not in FAMILIES:
            raise where(rule, "family", f"unknown family {family!r} (known: {', '.join(FAMILIES)})")
        if family != "regex" and not words:
            raise where(rule, "words", f"family {family!r} needs a list of words")
        subject = rule.get("subject", "object")
        if family in ("death", "count", "founded") and subject not in ("object", "subject"):
            raise where(rule, "subject", "expected 'object' or 'subject'")
        if family == "death":
            for word in words:
                death_verbs[word] = (rule["id"], subject, rule.get("value"))
                if rule.get("requires"):
                    death_requires[word] = frozenset(w.lower() for w in rule["requires"])
        elif family == "death_noun":
            death_nouns.update(dict.fromkeys(words, rule["id"]))
        elif family == "death_modifier":
            death_modifiers.update(dict.fromkeys(words, rule["id"]))
        elif family == "cause":
            cause_nouns.update(words)
            if rule.get("value"):  # one value for synonyms: 'operation' → 'raid'
                cause_values.update(dict.fromkeys(words, rule["value"]))
            cause_preps.update(p.lower() for p in rule.get("preps", ()))
        elif family in ("count", "count_noun"):
            attribute = rule.get("attribute")
            if attribute not in ("killed_count", "wounded_count", "arrested_count", "children_killed"):
                raise where(rule, "attribute", "a count rule needs attribute killed_count, "
                                               "wounded_count, arrested_count or children_killed")
            for word in words:
                if family == "count":
                    count_verbs.setdefault(word, []).append((rule["id"], attribute, subject))
                else:
                    count_nouns[word] = (rule["id"], attribute)
        elif family == "count_children":
            children.update(words)
            children_rule = rule["id"]
        elif family == "role":
            only = rule.get("value")
            if only not in (None, "member_of", "title"):
                raise where(rule, "value", "a role rule's value is 'member_of' or 'title'")
            role = RoleRule(rule["id"], tuple(p.lower() for p in rule.get("preps", ("of",))),
                            bool(rule.get("member")), bool(rule.get("top")), only,
                            bool(rule.get("bare", True)))
            for word in words:
                roles.setdefault(word, role)
        elif family == "role_modifier":
            role_modifiers.update(words)
        elif family == "place_noun":
            place_nouns.update(words)
        elif family == "regex":
            for key in ("attribute", "regex", "subject"):
                if key not in rule:
                    raise where(rule, key, "a regex rule needs attribute, regex and subject")
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
                                     int(rule.get("gap", 80)), pattern))
        else:
            simple[family].update(dict.fromkeys(words, rule["id"]))
    compiled = Compiled(
        death_verbs=death_verbs, death_requires=death_requires, death_nouns=death_nouns, death_modifiers=death_modifiers,
        cause_nouns=frozenset(cause_nouns), cause_values=cause_values, cause_preps=frozenset(cause_preps or {"in", "of", "by"}),
        count_verbs={k: tuple(v) for k, v in count_verbs.items()}, count_nouns=count_nouns,
        children=frozenset(children), children_rule=children_rule, roles=roles,
        role_modifiers=frozenset(role_modifiers), spouse_nouns=simple["spouse"],
        marry_verbs=simple["marry"], origin_nouns=simple["origin"],
        person_nouns=frozenset(simple["person_noun"]) | frozenset(simple["origin"]),
        birth_verbs=simple["birth"], founded_verbs=simple["founded"],
        founded_nouns=simple["founded_noun"], place_nouns=frozenset(place_nouns),
        regexes=tuple(regexes), demonyms=demonyms, countries=countries, cities=cities,
        lexicon=attr.Lexicon.from_rules(rules),
        max_role_words=max((len(k.split()) for k in roles), default=1),
        role_last_words=frozenset(k.split()[-1] for k in roles))
    _COMPILED[rules.version] = compiled
    return compiled


# ---------------------------------------------------------------------------------------
# Document context


@dataclass(frozen=True)
class Ent:
    """An entity as a fact names it: in-document canonical name, label, surface form, span."""

    name: str
    label: str
    text: str
    start: int
    end: int


@dataclass
class Raw:
    """A fact before attribution: the subject, what is said, and the token that says it."""

    subject: Ent
    attribute: str
    value: str | int
    value_type: str
    value_text: str
    start: int
    end: int
    rule: str
    trigger: Token
    value_entity_type: str | None = None
    #: the earlier mention of the same event the value was read from ('those raids
    #: appear to be the same that killed X'): its source and hedges carry over
    via: Token | None = None


@dataclass
class Source:
    name: str
    label: str | None


@dataclass
class Context:
    """What the extractors need to know about one document."""

    doc: Doc
    rules: Compiled
    mentions: list[Mention]
    dates: list[TimexSpan]
    token_mention: dict[int, Mention]
    main_person: Mention | None
    published: str | None
    person_starts: list[int] = field(default_factory=list)
    persons: list[Mention] = field(default_factory=list)
    last_source: dict[str, Source] = field(default_factory=dict)
    authors: dict[str, Source] = field(default_factory=dict)
    nominal_sources: dict[str, Source] = field(default_factory=dict)
    last_deaths: list[FactDraft] = field(default_factory=list)
    quotes: list[tuple[int, int]] | None = None
    #: (role, organisation) → the people the document gave that role ('the leader of X')
    role_holders: dict[tuple[str, str], dict[str, Ent]] = field(default_factory=dict)
    #: role descriptions resolved to a person, by offset: antecedents for 'he' / 'she'
    described: dict[int, Ent] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Doc, rules: Compiled) -> "Context":
        mentions = doc._.mentions if doc.has_extension("mentions") else None
        if mentions is None:
            mentions = link_mentions(doc)
        token_mention: dict[int, Mention] = {}
        for mention in mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                token_mention.setdefault(token.i, mention)
        counts: dict[str, int] = {}
        firsts: dict[str, Mention] = {}
        for mention in mentions:
            if mention.label == "PERSON":
                counts[mention.canonical] = counts.get(mention.canonical, 0) + 1
                firsts.setdefault(mention.canonical, mention)
        main = None
        if counts:
            best = max(counts, key=lambda n: (counts[n], -firsts[n].start))
            if counts[best] >= 2:
                main = firsts[best]
        article = doc._.article if doc.has_extension("article") else None
        published = getattr(article, "published", None)
        dates = doc._.dates if doc.has_extension("dates") else None
        if dates is None:
            dates = list(_fallback_dates(doc, published))
        persons = sorted((m for m in mentions if m.label == "PERSON"), key=lambda m: m.start)
        return cls(doc, rules, list(mentions), list(dates), token_mention, main, published,
                   [m.start for m in persons], persons)

    # -- entities

    def mention_at(self, token: Token) -> Mention | None:
        return self.token_mention.get(token.i)

    def ent_of_mention(self, mention: Mention, label: str | None = None) -> Ent:
        text = mention.text
        for suffix in ("'s", "’s"):
            if text.endswith(suffix):
                text = text[: -len(suffix)]
        return Ent(mention.canonical, label or mention.label, text, mention.start,
                   mention.start + len(text))

    def canonical_for(self, text: str) -> Mention | None:
        """A mention whose canonical name is, or ends with, `text` ("Smith" → "John Smith")."""
        words = text.split()
        exact = [m for m in self.mentions if m.canonical == text]
        if exact:
            return exact[0]
        longer = {m.canonical: m for m in self.mentions
                  if m.canonical.split()[-len(words):] == words and len(m.canonical.split()) > len(words)}
        return next(iter(longer.values())) if len(longer) == 1 else None

    def last_person_before(self, offset: int) -> Mention | None:
        i = bisect.bisect_left(self.person_starts, offset)
        return self.persons[i - 1] if i > 0 else None


def _fallback_dates(doc: Doc, published: str | None) -> Iterator[TimexSpan]:
    """DATE/TIME entities normalized with `factx.timex` when the dates stage did not run."""
    try:
        from factx.timex import normalize
    except ImportError:  # the dates stage is not installed: keep only the words
        normalize = None
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        result = normalize(ent.text, published, context=ent.sent.text) if normalize else None
        if result is None:
            continue
        kind, value = result
        yield TimexSpan(ent.start_char, ent.end_char, ent.text, kind, value)


# ---------------------------------------------------------------------------------------
# Parse helpers




def _lemma(token: Token) -> str:
    return attr.lemma(token)


def _conjuncts(token: Token) -> list[Token]:
    """The token and the tokens coordinated with it ('X and Y were killed')."""
    out = [token]
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in ("PROPN", "NOUN", "PRON", "NUM"):
            out.extend(_conjuncts(child))
    return out


def _name_tokens(token: Token) -> list[Token]:
    """The proper-noun chain headed by `token` ('Col. Sonny Leggett')."""
    left = [c for c in token.lefts if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"]
    start = min([token.i] + [t.i for c in left for t in c.subtree])
    doc = token.doc
    tokens = [t for t in doc[start:token.i + 1] if t.pos_ in ("PROPN", "PUNCT") and t.text not in "‘’'\"“”,"]
    while tokens and tokens[0].pos_ == "PUNCT":
        tokens = tokens[1:]
    return tokens or [token]


def _strip_det(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[0].dep_ in ("det", "predet", "case", "punct") or tokens[0].lower_ in ("the", "a", "an")):
        tokens = tokens[1:]
    while tokens and (tokens[-1].dep_ in ("punct", "case", "cc") or tokens[-1].text in ",.;:"):
        tokens = tokens[:-1]
    return tokens


def _text(tokens: list[Token]) -> str:
    if not tokens:
        return ""
    doc = tokens[0].doc
    return doc_text(doc)[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)]


def _span(tokens: list[Token]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _is_definite(token: Token) -> bool:
    return any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "some", "any") for c in token.children)


def entity_of(token: Token, ctx: Context, *, label: str = "PERSON", nominal: bool = True,
              depth: int = 0) -> Ent | None:
    """The entity a token refers to, through names, appositions, relative pronouns,
    pronouns and (for definite role nouns) the document's main person.

    Rules: a mention covering the token; a proper-noun chain (linked to the document's
    full name when it ends one, "Mr. Smith" → "John Smith"); 'who' → the noun its relative
    clause modifies; 'the militant, X,' → X; 'X, the leader,' → X; 'he' → the last
    person named before; 'the leader' → the most mentioned person of the document.
    """
    if depth > 4:
        return None
    mention = ctx.mention_at(token)
    if mention is not None:
        if mention.label in ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"):
            if label == "PERSON" and mention.label in ("GPE", "LOC", "FAC") and token.pos_ == "PROPN" \
                    and not _looks_like_place(token, ctx):
                # the NER took a one-word name for a place ("Jamal"); the role says person
                return ctx.ent_of_mention(mention, "PERSON")
            return ctx.ent_of_mention(mention)
    if token.pos_ == "PROPN":
        tokens = _name_tokens(token)
        for t in tokens:
            inner = ctx.mention_at(t)
            if inner is not None:
                return ctx.ent_of_mention(inner)
        honorifics = {"mr.", "mr", "mrs.", "mrs", "ms.", "ms", "dr.", "dr"}
        while len(tokens) > 1 and tokens[0].lower_ in honorifics:
            tokens = tokens[1:]
        text = _text(tokens)
        linked = ctx.canonical_for(text)
        start, end = _span(tokens)
        if linked is not None:
            return Ent(linked.canonical, linked.label, text, start, end)
        return Ent(text, label, text, start, end)
    if token.lower_ in REL_PRONOUNS and token.head.dep_ in ("relcl", "acl") and token.head.head.i != token.i:
        return entity_of(token.head.head, ctx, label=label, nominal=nominal, depth=depth + 1)
    for child in token.children:
        if child.dep_ == "appos":
            found = entity_of(child, ctx, label=label, nominal=False, depth=depth + 1)
            if found is not None and found.label == label:
                return found
    if token.dep_ == "appos" and token.pos_ in ("NOUN", "PROPN"):
        found = entity_of(token.head, ctx, label=label, nominal=False, depth=depth + 1)
        if found is not None:
            return found
    if token.lower_ in PERSON_PRONOUNS and label == "PERSON" and token.pos_ == "PRON":
        # 'he': a person named earlier in the sentence or the one before, else the
        # document's main person ('... killed the leader, though officials say he died')
        last = ctx.last_person_before(token.idx)
        sent = token.sent
        window = sent.start_char
        if sent.start > 0:
            window = token.doc[sent.start - 1].sent.start_char
        described = [e for start, e in ctx.described.items()
                     if window <= start < token.idx and (last is None or start > last.start)]
        if described:  # '... killed the X leader, though officials say he died'
            ent = max(described, key=lambda e: e.start)
            return Ent(ent.name, ent.label, token.text, token.idx, token.idx + len(token.text))
        if last is None or last.start < window:
            last = ctx.main_person
        if last is not None:
            ent = ctx.ent_of_mention(last)
            return Ent(ent.name, ent.label, token.text, token.idx, token.idx + len(token.text))
        return None
    if nominal and label == "PERSON" and token.pos_ == "NOUN" and _is_definite(token):
        holder = role_holder(token, ctx)  # 'the X leader' → whom the document called 'the leader of X'
        if holder is not None:
            ent = Ent(holder.name, "PERSON", _text(_strip_det(list(token.subtree))) or token.text,
                      token.idx, token.idx + len(token.text))
            ctx.described[token.idx] = ent
            return ent
    if nominal and label == "PERSON" and token.pos_ == "NOUN" and ctx.main_person is not None \
            and _is_definite(token) and _lemma(token) in ctx.rules.roles:
        main = ctx.main_person
        return Ent(main.canonical, "PERSON", _text(_strip_det(list(token.subtree))[:1] or [token]),
                   token.idx, token.idx + len(token.text))
    return None


def _looks_like_place(token: Token, ctx: Context) -> bool:
    """A place-labelled proper noun that really is one: under a place noun or a location
    preposition, or a known country or city."""
    low = token.lower_
    if low in ctx.rules.countries or low in ctx.rules.cities:
        return True
    head = token.head
    return _lemma(head) in ctx.rules.place_nouns or (token.dep_ == "pobj" and head.lower_ in LOC_PREPS)


def person_of_nominal(noun: Token, ctx: Context) -> Ent | None:
    """The person a role or nationality noun describes.

    Rules: apposition either way ('X, the leader of Y' / 'the leader, X'); copula ('X
    is the leader'); 'as' complements ('described X as a Pakistani national', 'served
    as'); predicative objects ('named X chief'); a role noun in front of a name
    ('Hamas spokesman X'); relative clauses ('X, who is the leader').
    """
    head = noun.head
    if noun.dep_ == "appos":
        return entity_of(head, ctx, nominal=False)
    for child in noun.children:
        if child.dep_ == "appos":
            found = entity_of(child, ctx, nominal=False)
            if found is not None and found.label == "PERSON":
                return found
    if noun.dep_ in ("compound", "nmod", "amod") and head.pos_ == "PROPN":
        found = entity_of(head, ctx, nominal=False)
        if found is not None and found.label == "PERSON":
            return found
    if noun.dep_ in ("attr", "acomp") or (noun.dep_ == "oprd"):
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubjpass", "dobj"):
                if child.i == noun.i:
                    continue
                return entity_of(child, ctx, nominal=False)
    if noun.dep_ == "pobj" and head.lower_ == "as":
        verb = head.head
        for dep in ("dobj", "nsubjpass", "nsubj"):
            for child in verb.children:
                if child.dep_ == dep:
                    return entity_of(child, ctx, nominal=False)
    if noun.dep_ in ("npadvmod", "dep") and head.pos_ == "PROPN":
        return entity_of(head, ctx, nominal=False)
    return None


def _date_tokens(ctx: Context, sent: Span) -> list[tuple[TimexSpan, list[Token]]]:
    out = []
    for timex in ctx.dates:
        if timex.start < sent.start_char or timex.end > sent.end_char:
            continue
        if timex.type not in ("DATE", "TIME") or not timex.value or not re.match(r"^[\dX]{4}", timex.value):
            continue
        span = ctx.doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is not None and len(span):
            out.append((timex, list(span)))
    return out


def _blocked(token: Token, stop: Token, ctx: Context) -> bool:
    """True when the path from `token` up to `stop` passes a reporting verb, a source
    noun, a role noun, a 'by' agent or a 'since' phrase: dates and places there belong
    to the statement or the title, not to the event."""
    lex = ctx.rules.lexicon
    for node in list(attr.ancestors(token))[1:]:
        if node.i == stop.i:
            return False
        low = _lemma(node)
        if node.pos_ in ("VERB",) and low in lex.say:
            return True
        if node.pos_ == "NOUN" and (low in lex.source_nouns or low in ctx.rules.roles):
            return True
        if node.dep_ in ("agent",) or (node.dep_ == "prep" and node.lower_ in ("by", "since", "until", "from")):
            return True
        if node.pos_ == "VERB" and low in ("release", "publish", "issue", "post", "announce", "lead", "bear"):
            return True
    return False


def _statement_date(token: Token, ctx: Context) -> bool:
    """A date whose nearest verb is a reporting verb: the day of the statement."""
    for node in list(attr.ancestors(token))[1:]:
        if node.pos_ in ("VERB", "AUX"):
            return _lemma(node) in ctx.rules.lexicon.say or _lemma(node) in ("bear", "release", "publish")
    return False


def _under(token: Token, top: Token) -> bool:
    return any(a.i == top.i for a in attr.ancestors(token))


def event_date(trigger: Token, ctx: Context, roots: Iterable[Token] = ()) -> tuple[TimexSpan, list[Token]] | None:
    """The date of the event at `trigger`: a date in its subtree (or that of its
    cause noun), else a date elsewhere in the sentence that does not belong to the
    statement, a title or another event ("a neighbouring clause of the same sentence")."""
    sent = trigger.sent
    para_start, para_end = _paragraph(sent, trigger.idx)
    candidates = [c for c in _date_tokens(ctx, sent) if para_start <= c[0].start and c[0].end <= para_end]
    tops = [trigger, *roots]
    inside = [c for c in candidates
              if any(_under(c[1][-1], top) and not _blocked(c[1][-1], top, ctx) for top in tops)]
    if inside:
        return min(inside, key=lambda c: abs(c[1][0].i - trigger.i))
    outside = []
    for c in candidates:
        head = c[1][-1]
        root = list(attr.ancestors(head))[-1]
        if (_blocked(head, root, ctx) and not _under(trigger, head.head)) or _statement_date(head, ctx):
            continue
        if any(ctx.rules.death_verbs.get(_lemma(a)) or _lemma(a) in ctx.rules.roles
               for a in list(attr.ancestors(head))[1:3] if a.i != trigger.i):
            continue
        outside.append(c)
    if outside:
        return min(outside, key=lambda c: abs(c[1][0].i - trigger.i))
    return None


def place_names(token: Token, ctx: Context, depth: int = 0) -> list[tuple[Ent, list[Ent]]]:
    """Places named at a noun, most specific first, each with its containers.

    'the Karkh district of Baghdad Province' → [(Karkh, [Baghdad Province])];
    'Iraq's central Babil province' → [(Babil, [Iraq])];
    'a compound in X' → the places of X; 'a southern Afghanistan raid' → Afghanistan.
    """
    if depth > 3:
        return []
    rules = ctx.rules
    out: list[tuple[Ent, list[Ent]]] = []

    def as_place(t: Token) -> Ent | None:
        mention = ctx.mention_at(t)
        if mention is not None and mention.label not in PLACE_LABELS and (
                mention.canonical.lower() in rules.cities or mention.canonical.lower() in rules.countries
                or (t.dep_ == "pobj" and t.head.lower_ in LOC_PREPS and mention.label in ("PERSON", "NORP")
                    and t.pos_ == "PROPN")):
            ent = ctx.ent_of_mention(mention)  # the NER mislabelled a known or located place
            return Ent(ent.name, "GPE", ent.text, ent.start, ent.end)
        if mention is None and t.pos_ == "PROPN" and t.dep_ == "pobj" and t.head.lower_ in LOC_PREPS \
                and t.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT") \
                and not any(d.start <= t.idx < d.end for d in ctx.dates):
            tokens = _name_tokens(t)
            start, end = _span(tokens)
            return Ent(_text(tokens), "GPE", _text(tokens), start, end)
        if mention is not None:
            if mention.label in PLACE_LABELS or (
                    mention.label in ("PERSON", "NORP") and _lemma(t.head) in rules.place_nouns
                    and t.head.i != t.i and t.pos_ == "PROPN"):
                ent = ctx.ent_of_mention(mention)
                label = ent.label if ent.label in PLACE_LABELS else "GPE"
                return Ent(ent.name, label, ent.text, ent.start, ent.end)
            return None
        if t.pos_ == "PROPN" and _lemma(t.head) in rules.place_nouns and t.head.i != t.i:
            tokens = _name_tokens(t)
            start, end = _span(tokens)
            return Ent(_text(tokens), "GPE", _text(tokens), start, end)
        return None

    def containers(t: Token) -> list[Ent]:
        found = []
        for child in t.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "in"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        found.extend(p for p, _ in place_names(obj, ctx, depth + 1))
            if child.dep_ == "appos" or (child.dep_ in ("npadvmod",) and child.pos_ == "PROPN"):
                place = as_place(child)
                if place is not None:
                    found.append(place)
                elif _lemma(child) in rules.place_nouns:  # 'X, Herat province'
                    found.extend(p for p, _ in place_names(child, ctx, depth + 1))
        return found

    own = as_place(token)
    if own is not None:
        out.append((own, containers(token)))
    elif _lemma(token) in rules.place_nouns:
        names = [c for c in token.children if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"]
        possessors = [c for c in token.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
        # "Badghis province's Qadis district": a possessive place noun contains the place
        outer_nouns = [p for c in token.children if c.dep_ == "poss" and _lemma(c) in rules.place_nouns
                       for p, _ in place_names(c, ctx, depth + 1)]
        if names and all(ctx.mention_at(n) is None or ctx.mention_at(n).label != "ORG" and not (
                ctx.mention_at(n).label == "NORP" and n.lower_ in rules.demonyms) for n in names):
            place = as_place(names[-1]) or as_place(names[0])
            if place is None:
                tokens = _name_tokens(names[-1])
                start, end = _span(tokens)
                place = Ent(_text(tokens), "GPE", _text(tokens), start, end)
            outer = [p for c in possessors if (p := _place_or_name(c, ctx)) is not None]
            out.append((place, containers(token) + outer + outer_nouns))
        elif possessors:
            place = _place_or_name(possessors[0], ctx)
            if place is not None:
                out.append((place, containers(token)))
        else:  # 'the district of Karkh in Baghdad province'
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            out.extend(place_names(obj, ctx, depth + 1))
    if not out:
        # 'a northern Syria raid', 'a rebel compound in X'
        for child in token.children:
            if child.dep_ in ("compound", "nmod", "amod") and child.pos_ == "PROPN":
                place = as_place(child)
                if place is not None:
                    out.append((place, []))
            if child.dep_ == "poss" and child.pos_ == "PROPN":
                place = as_place(child)
                if place is not None:
                    out.append((place, []))
    if not out:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in LOC_PREPS:
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        out.extend(place_names(obj, ctx, depth + 1))
    return out


def _place_or_name(token: Token, ctx: Context) -> Ent | None:
    mention = ctx.mention_at(token)
    if mention is not None:
        if mention.label in ("ORG", "NORP"):
            return None
        ent = ctx.ent_of_mention(mention)
        return Ent(ent.name, ent.label if ent.label in PLACE_LABELS else "GPE", ent.text, ent.start, ent.end)
    tokens = _name_tokens(token)
    start, end = _span(tokens)
    return Ent(_text(tokens), "GPE", _text(tokens), start, end)


def event_places(trigger: Token, ctx: Context, roots: Iterable[Token] = ()) -> list[tuple[Ent, list[Ent]]]:
    """Places where the event at `trigger` happened: objects of location prepositions
    on the trigger, on its cause noun ('killed in a raid in X') and on its subject
    ('a raid in X killed ...'), skipping agents and the statement's own words."""
    out: list[tuple[Ent, list[Ent]]] = []
    seen: set[int] = set()

    lex = ctx.rules.lexicon

    def visit(node: Token, depth: int) -> None:
        if depth > 4 or node.i in seen:
            return
        seen.add(node.i)
        if depth == 0 and node.i != trigger.i and _lemma(node) in ctx.rules.cause_nouns:
            out.extend(place_names(node, ctx))  # 'a southern Afghanistan raid'
        for child in node.children:
            if child.dep_ in ("prep", "agent"):
                for obj in child.children:
                    if obj.dep_ != "pobj":
                        continue
                    if ctx.doc[obj.i].ent_type_ in ("DATE", "TIME"):
                        continue
                    if (_lemma(obj) in ctx.rules.roles and obj.tag_ != "NNS") or _lemma(obj) in lex.source_nouns:
                        continue  # 'leader of X in Y', 'a statement from Y' (not 'members of X in Y')
                    if child.lower_ in LOC_PREPS or (child.lower_ == "of" and _lemma(node) in ctx.rules.cause_nouns):
                        out.extend(place_names(obj, ctx))
                    elif _lemma(obj) in ctx.rules.cause_nouns:
                        out.extend(p for p in place_names(obj, ctx))
                    visit(obj, depth + 1)
            elif child.dep_ in ("acl",) and _lemma(child) not in lex.say:
                visit(child, depth + 1)  # 'a raid led by ... in X'

            elif child.dep_ in ("nsubj",) and _lemma(child) in ctx.rules.cause_nouns:
                out.extend(place_names(child, ctx))
                visit(child, depth + 1)
            elif child.dep_ in ("npadvmod", "advmod") and child.pos_ == "PROPN":
                out.extend(place_names(child, ctx))

    for top in [trigger, *roots]:
        visit(top, 0)
    return [(p, c) for p, c in out if p.label in PLACE_LABELS]


def cause_of(trigger: Token, ctx: Context) -> tuple[str, list[Token], Token] | None:
    """How someone died: a cause noun on a cause preposition of the trigger or as the
    subject of an active killing ('a drone strike killed X'). The value is the noun's
    lemma, with a noun compound when the rules list it ('drone strike')."""
    rules = ctx.rules
    candidates: list[Token] = []
    for child in trigger.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in rules.cause_preps:
            candidates.extend(c for c in child.children if c.dep_ == "pobj")
        if child.dep_ == "nsubj" and not attr.is_passive(trigger):
            candidates.append(child)
    for token in trigger.subtree:  # 'killed the head of X in a raid': a misattached cause
        if token.dep_ == "pobj" and token.head.lower_ in ("in", "during") and token not in candidates \
                and token.i != trigger.i:
            if not any(_lemma(a) in rules.lexicon.say or _lemma(a) in rules.lexicon.source_nouns
                       for a in list(attr.ancestors(token))[1:] if _under(a, trigger) and a.i != trigger.i):
                candidates.append(token)
    for noun in candidates:
        compound = [c for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]
        if compound:
            phrase = f"{compound[-1].lower_} {_lemma(noun)}"
            if phrase in rules.cause_nouns:
                return rules.cause_values.get(phrase, phrase), [compound[-1], noun], noun
        for word in (_lemma(noun), noun.lower_):
            if word in rules.cause_nouns:
                return rules.cause_values.get(word, word), [noun], noun
    return None


def quantity_of(token: Token, ctx: Context) -> tuple[int | str, list[Token], Token] | None:
    """The count a noun phrase gives, its words and the counted noun.

    'six other members' → (6, [six], members); '14' → (14, [14], 14); 'up to 40
    civilians' → ('<=40', [up, to, 40], civilians); 'dozens of civilians' → ('24-99', ...).
    """
    if token.ent_type_ in ("DATE", "TIME", "PERCENT", "MONEY", "ORDINAL"):
        return None

    def words_of(number: Token) -> list[Token]:
        left = [c for c in number.lefts if c.dep_ in ("quantmod", "advmod", "compound", "nummod", "amod", "prep")]
        start = min([number.i] + [t.i for c in left for t in c.subtree])
        return [t for t in number.doc[start:number.i + 1]]

    def counted_of(number: Token) -> Token:
        # "dozens of civilians", "40 of them": what is counted is the object of "of"
        for child in number.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                return next((g for g in child.children if g.dep_ == "pobj"), number)
        return number

    if token.pos_ == "NUM" or token.like_num:
        words = words_of(token)
        counted = counted_of(token)
        value = normalize_quantity(_text(words))
        if value is None:
            value = normalize_quantity(token.text)
            words = [token]
        return (value, words, counted) if value is not None else None
    for child in token.children:
        if child.dep_ == "nummod" and child.ent_type_ not in ("DATE", "TIME", "MONEY", "PERCENT"):
            words = words_of(child)
            value = normalize_quantity(_text(words))
            if value is None:
                value, words = normalize_quantity(child.text), [child]
            return (value, words, token) if value is not None else None
    if token.lower_ in VAGUE or token.lower_ in ("dozen", "hundred", "thousand"):
        words = words_of(token)
        value = normalize_quantity(_text(words))
        return (value, words, counted_of(token)) if value is not None else None
    return None


# ---------------------------------------------------------------------------------------
# Extractors: each yields Raw facts for one sentence


def _victims(verb: Token, role: str) -> list[Token]:
    """Who a death or count verb is about: passive subject, active object or
    intransitive subject; 'along with X'; a participle's noun ('militants killed in')."""
    found: list[Token] = []
    passive = attr.is_passive(verb)
    for child in verb.children:
        if role == "object" and passive and child.dep_ == "nsubjpass":
            found.extend(_conjuncts(child))
        elif role == "object" and not passive and child.dep_ in ("dobj", "obj"):
            found.extend(_conjuncts(child))
        elif role == "subject" and child.dep_ in ("nsubj", "nsubjpass"):
            found.extend(_conjuncts(child))
    if not found and verb.dep_ in ("acl",) and role == "object":
        found.extend(_conjuncts(verb.head))  # 'the militants killed in the raid'
    if not found and verb.dep_ == "conj":  # 'were killed and more than 100 wounded'
        found.extend(c for c in verb.children if c.like_num or c.pos_ == "NUM")
    if not found and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        head = verb.head  # 'was shot and killed', 'is believed to have been killed'
        for child in head.children:
            if child.dep_ in ("nsubjpass", "nsubj") and (role == "subject" or passive or child.dep_ == "nsubjpass"):
                found.extend(_conjuncts(child))
            # 'confirmed X, leader of Y, was killed': the parser made X the object of 'confirmed'
            if child.dep_ == "dobj" and passive and verb.dep_ == "conj" and child.pos_ == "PROPN" \
                    and child.i < verb.i:
                found.extend(_conjuncts(child))
    return found


def _companions(verb: Token) -> list[Token]:
    """'killed along with X', 'alongside X', 'killed ..., including X'."""
    out: list[Token] = []
    for token in verb.subtree:
        low = token.lower_
        if token.dep_ == "prep" and (low == "alongside" or (low == "with" and token.i > 0 and
                                                               token.doc[token.i - 1].lower_ in ("along", "together"))
                                     or low == "including"):
            out.extend(g for c in token.children if c.dep_ == "pobj" for g in _conjuncts(c))
    return out


SAME_EVENT_SENTENCES = 3  # how far back 'the same raid' looks for the raid


def same_event(trigger: Token, ctx: Context) -> tuple[Token, list[Token]] | None:
    """The earlier mention of the event a death verb is said to be the same as, with
    the verbs it is the subject or object of.

    Rule (event coreference): '<event NP> appear(s) / is / are (to be) the same (<event
    noun>) that killed Y' refers back to the nearest event noun with the same lemma
    ('raid', 'strike', 'attack': the cause nouns) in the previous few sentences; that
    mention's date and place are the date and place of Y's death.
    """
    if trigger.dep_ != "relcl":
        return None
    head = trigger.head
    if not (_lemma(head) == "same" or any(_lemma(c) == "same" and c.dep_ in ("amod", "advmod")
                                          for c in head.children)):
        return None
    nouns = {_lemma(head)} if head.pos_ == "NOUN" else set()
    if head.dep_ in ("attr", "acomp", "oprd") and _lemma(head.head) == "be":
        verb = head.head  # 'X is / appears to be / is believed to be the same': X
        for _ in range(3):
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None or verb.dep_ != "xcomp":
                break
            verb = verb.head
        if subject is not None:
            nouns.add(_lemma(subject))
    nouns &= ctx.rules.cause_nouns
    if not nouns:
        return None
    sent = trigger.sent
    sents = []
    while sent.start > 0 and len(sents) < SAME_EVENT_SENTENCES:
        sent = ctx.doc[sent.start - 1].sent
        sents.append(sent)
    for earlier in sents:
        for token in reversed(earlier):
            if token.pos_ != "NOUN" or not any(_lemma(token).endswith(n) for n in nouns):
                continue  # 'the strike' after 'an airstrike'
            roots: list[Token] = []
            if token.dep_ in ("nsubj", "nsubjpass", "dobj"):
                roots.append(token.head)  # 'raids ... killed 40 civilians'
            elif token.dep_ == "pobj" and token.head.head.pos_ in ("VERB", "AUX"):
                roots.append(token.head.head)  # 'were killed in a raid'
            return token, roots
    return None


def death_facts(sent: Span, ctx: Context) -> Iterator[Raw]:
    """date_of_death, place_of_death and cause_of_death of the people a sentence says died."""
    rules = ctx.rules
    for token in sent:
        low = _lemma(token)
        victims: list[Token] = []
        rule_id, cause_value = None, None
        roots: list[Token] = []
        if token.pos_ in ("VERB",) and low in rules.death_verbs:
            rule_id, role, cause_value = rules.death_verbs[low]
            if low == "pass" and not any(c.lower_ == "away" for c in token.children):
                continue
            required = rules.death_requires.get(low)
            if required and not any(  # 'shot dead', 'gunned down', 'beaten to death', 'found dead'
                    c.lower_ in required or any(g.lower_ in required for g in c.children)
                    for c in token.children):
                continue
            victims = _victims(token, role)
            if role == "object" and attr.is_passive(token) or role == "subject":
                victims += _companions(token)
        elif token.pos_ == "NOUN" and low in rules.death_nouns:
            rule_id = rules.death_nouns[low]
            for child in token.children:
                if child.dep_ == "poss":
                    victims.append(child)
                if child.dep_ == "prep" and child.lower_ == "of":
                    victims.extend(g for c in child.children if c.dep_ == "pobj" for g in _conjuncts(c))
            if token.dep_ in ("dobj", "nsubj", "pobj", "nsubjpass"):
                roots.append(token.head)
        elif token.lower_ in rules.death_modifiers and token.dep_ in ("amod", "acl") and token.head.pos_ in ("NOUN", "PROPN"):
            if token.lower_ == "killed" and token.pos_ == "VERB":
                continue  # a participle: the verb rule reads it
            rule_id = rules.death_modifiers[token.lower_]
            victims.append(token.head)
        if not victims or rule_id is None:
            continue
        subjects: list[Ent] = []
        for victim in victims:
            if quantity_of(victim, ctx) is not None and victim.pos_ != "PROPN":
                continue
            ent = entity_of(victim, ctx)
            if ent is None or ent.label != "PERSON":
                continue
            if all(ent.name != s.name for s in subjects):
                subjects.append(ent)
        if not subjects:
            continue
        cause = cause_of(token, ctx)
        cause_roots = [cause[2]] if cause is not None else []
        date = event_date(token, ctx, roots + cause_roots)
        victim_tokens = [v for v in victims if v.pos_ == "PROPN"]  # 'killed X near Idlib'
        places = event_places(token, ctx, roots + cause_roots + victim_tokens)
        date_via = place_via = None
        if date is None or not places:
            earlier = same_event(token, ctx)
            if earlier is not None:
                event, event_roots = earlier
                if date is None:
                    date = event_date(event, ctx, event_roots)
                    date_via = event if date is not None else None
                if not places:
                    places = event_places(event, ctx, event_roots)
                    place_via = event if places else None
        for ent in subjects:
            if date is not None:
                timex, tokens = date
                yield Raw(ent, "date_of_death", timex.value, "date", timex.text, timex.start, timex.end,
                          f"{rule_id}.date" + (".same_event" if date_via is not None else ""), token,
                          via=date_via)
            if places:
                place, _ = places[0]
                if place.name != ent.name:
                    yield Raw(ent, "place_of_death", place.name, "entity", place.text, place.start,
                              place.end, f"{rule_id}.place" + (".same_event" if place_via is not None else ""),
                              token, place.label, via=place_via)
            if cause is not None:
                value, words, _ = cause
                start, end = _span(words)
                yield Raw(ent, "cause_of_death", value, "text", _text(words), start, end,
                          f"{rule_id}.cause", token)
            elif cause_value:
                yield Raw(ent, "cause_of_death", cause_value, "text", token.text, token.idx,
                          token.idx + len(token.text), f"{rule_id}.cause", token)


def _count_subject(trigger: Token, counted: Token, ctx: Context) -> Ent | None:
    """The entity a count is about: the victims' organisation ('members of X', 'X
    fighters'), a named event, the place of the event, a place of the sentence, or the
    agent ('police arrested 14')."""
    for child in counted.children:
        if child.dep_ in ("compound", "nmod") or (child.dep_ == "prep" and child.lower_ == "of"):
            targets = [child] if child.dep_ != "prep" else [g for g in child.children if g.dep_ == "pobj"]
            for target in targets:
                org = _org_at(target, ctx)
                if org is not None:
                    return org
    sent = trigger.sent
    for token in sent:
        mention = ctx.mention_at(token)
        if mention is not None and mention.label == "EVENT":
            return ctx.ent_of_mention(mention)
    places = event_places(trigger, ctx)
    if places:
        return places[0][0]
    for token in sent:
        if token.dep_ == "pobj" and token.head.lower_ in LOC_PREPS:
            for place, _ in place_names(token, ctx):
                return place
    for child in trigger.children:
        if (child.dep_ == "nsubj" and not attr.is_passive(trigger)) or child.dep_ == "agent":
            target = child if child.dep_ == "nsubj" else next((g for g in child.children if g.dep_ == "pobj"), None)
            if target is not None and target.lower_ in ("it", "they"):
                # 'X said it arrested 14': the nearest organisation named before
                before = [m for m in ctx.mentions if sent.start_char <= m.start < target.idx
                          and m.label == "ORG"]
                if before:
                    return ctx.ent_of_mention(before[-1])
            elif target is not None:
                mention = ctx.mention_at(target)
                if mention is not None and mention.label in ("ORG", "GPE", "NORP"):
                    return ctx.ent_of_mention(mention)
    return None


def _org_at(token: Token, ctx: Context) -> Ent | None:
    """An organisation named at a token: an ORG mention, or an acronym the parser did
    not label ('six other ISIS members'), linked to a mention of the same text."""
    mention = ctx.mention_at(token)
    if mention is not None:
        return ctx.ent_of_mention(mention) if mention.label == "ORG" else None
    if token.text.isupper() and len(token.text) >= 2 and token.text.isalpha():
        for other in ctx.mentions:
            if other.text == token.text or other.canonical == token.text:
                return ctx.ent_of_mention(other)
        return Ent(token.text, "ORG", token.text, token.idx, token.idx + len(token.text))
    return None


def count_facts(sent: Span, ctx: Context) -> Iterator[Raw]:
    """killed_count, wounded_count, arrested_count, children_killed."""
    rules = ctx.rules
    for token in sent:
        low = _lemma(token)
        found: list[tuple[str, str, Token, tuple]] = []
        if token.pos_ == "VERB" and low in rules.count_verbs:
            for rule_id, attribute, role in rules.count_verbs[low]:
                if low == "leave":  # 'left dozens of civilians dead'
                    states = [c for c in token.children if c.dep_ in ("oprd", "acomp", "xcomp", "advmod")]
                    if not any(s.lower_ == "dead" for s in states):
                        continue
                if low == "claim":  # 'claimed the lives of 40 people'
                    lives = [c for c in token.children if c.dep_ == "dobj" and c.lower_ == "lives"]
                    victims = [g for c in lives for p in c.children if p.dep_ == "prep" for g in p.children
                               if g.dep_ == "pobj"]
                elif low in ("take", "round", "hold", "set"):
                    continue
                else:
                    victims = _victims(token, role) + _companions(token)
                for victim in victims:
                    quantity = quantity_of(victim, ctx)
                    if quantity is not None:
                        found.append((rule_id, attribute, victim, quantity))
        elif token.pos_ in ("NOUN", "ADJ", "PROPN") and (low in rules.count_nouns or token.lower_ in rules.count_nouns):
            rule_id, attribute = rules.count_nouns.get(low) or rules.count_nouns[token.lower_]
            quantity = quantity_of(token, ctx)
            if quantity is None and token.dep_ == "pobj" and token.head.lower_ == "of":
                quantity = quantity_of(token.head.head, ctx)  # 'dozens of deaths'
            if quantity is None and low == "toll":  # 'the death toll rose to 40', 'a toll of 40'
                holders = [token, token.head]
                for holder in holders:
                    for child in holder.children:
                        if child.dep_ in ("prep",) and child.lower_ in ("to", "at", "of"):
                            for obj in child.children:
                                if obj.dep_ == "pobj" and (q := quantity_of(obj, ctx)) is not None:
                                    quantity = q
                        if child.dep_ == "attr" and (q := quantity_of(child, ctx)) is not None:
                            quantity = q
            if quantity is not None and (low != "death" or quantity[2].i == token.i):
                found.append((rule_id, attribute, token, quantity))
        for rule_id, attribute, victim, (value, words, counted) in found:
            if attribute == "killed_count" and (_lemma(counted) in rules.children or counted.lower_ in rules.children):
                attribute, rule_id = "children_killed", rules.children_rule
            subject = _count_subject(token, counted, ctx)
            if subject is None:
                continue
            start, end = _span(words)
            yield Raw(subject, attribute, value, "quantity", _text(words), start, end, rule_id, token)


def _role_words(token: Token, ctx: Context) -> tuple[str, RoleRule, list[Token]] | None:
    """The role a noun names, with preceding words of a multi-word role ('prime minister')."""
    roles = ctx.rules.roles
    if token.lower_ not in ctx.rules.role_last_words and _lemma(token) not in ctx.rules.role_last_words:
        return None
    for n in range(ctx.rules.max_role_words, 0, -1):
        if token.i - n + 1 < token.sent.start:
            continue
        words = list(token.doc[token.i - n + 1:token.i + 1])
        phrase = " ".join(w.lower_ for w in words)
        lemma_phrase = " ".join([w.lower_ for w in words[:-1]] + [_lemma(token)])
        for key in (phrase, lemma_phrase):
            if key in roles:
                return key, roles[key], words
    return None


def _object_tokens(obj: Token, ctx: Context) -> list[Token]:
    """The words of a role's object, cut before dates, clauses and commas:
    'Islamic State in West Africa since 2016, and ...' → 'Islamic State in West Africa'."""
    tokens = sorted(obj.subtree, key=lambda t: t.i)
    out: list[Token] = []
    for t in tokens:
        if t.i < obj.i:
            out.append(t)
            continue
        if t.i > obj.i and (t.text in ",;()—–-" and t.dep_ == "punct" or t.ent_type_ in ("DATE", "TIME")
                            or t.dep_ in ("relcl", "acl", "appos", "cc", "conj", "advcl")
                            or t.lower_ in ("since", "until", "from", "who", "which", "and", "or", "when", "where")):
            break
        out.append(t)
    return _strip_det(out)


def _entity_text(tokens: list[Token], ctx: Context) -> tuple[str, str | None]:
    """The canonical name of a phrase that is one mention, else its words."""
    if not tokens:
        return "", None
    mentions = {ctx.mention_at(t) for t in tokens}
    if len(mentions) == 1 and None not in mentions:
        (mention,) = mentions
        ent = ctx.ent_of_mention(mention)
        if ent.text.lower().lstrip("the ").strip() == _text(tokens).lower().lstrip("the ").strip() or \
                ent.start <= tokens[0].idx and ent.end >= _span(tokens)[1]:
            return ent.name, ent.label
    last = ctx.mention_at(tokens[-1])
    if last is not None and last.label == "PERSON":  # 'adviser to Prime Minister X' → X
        return last.canonical, "PERSON"
    text = _text(tokens)
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    head = ctx.mention_at(tokens[-1]) or ctx.mention_at(tokens[0])
    return text, head.label if head is not None else None


def role_holder(noun: Token, ctx: Context) -> Ent | None:
    """The person a definite role description names when the document gave exactly one
    person that role earlier: 'the AQ leader' or 'the leader of AQ' after 'X, the leader
    of AQ'. The organisation is a name in front of the role or the object of its
    preposition; a role with modifiers ('the former leader') is not looked up."""
    found = _role_words(noun, ctx)
    if found is None or not ctx.role_holders:
        return None
    role, rule, role_tokens = found
    org = None
    for child in noun.children:
        if child in role_tokens:
            continue
        if child.dep_ in ("amod", "advmod") or (child.dep_ == "compound" and ctx.mention_at(child) is None):
            return None  # 'the former leader', 'the police chief'
        if child.dep_ in ("compound", "nmod", "poss"):
            org = ctx.mention_at(child)
        elif child.dep_ == "prep" and child.lower_ in (rule.preps or ("of",)):
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            org = ctx.mention_at(pobj) if pobj is not None else None
    if org is None or org.label not in ("ORG", "GPE", "NORP"):
        return None
    holders = ctx.role_holders.get((role, org.canonical), {})
    if len(holders) != 1:
        return None
    return next(iter(holders.values()))


def role_facts(sent: Span, ctx: Context) -> Iterator[Raw]:
    """title, member_of and top_members from role nouns tied to a person."""
    rules = ctx.rules
    for token in sent:
        if token.pos_ not in ("NOUN", "PROPN"):
            continue
        found = _role_words(token, ctx)
        if found is None:
            continue
        role, rule, role_tokens = found
        if token.pos_ == "PROPN" and ctx.mention_at(token) is not None and token.dep_ == "compound":
            continue  # part of a name ('President Biden' is the honorifics' business)
        person = person_of_nominal(token, ctx)
        if person is None or person.label != "PERSON":
            continue
        modifiers = [c for c in token.lefts if c not in role_tokens and (
            c.dep_ in ("amod", "compound", "advmod") and c.lower_.strip("-") in rules.role_modifiers
            or c.dep_ == "compound" and c.pos_ == "NOUN" and not c.ent_type_
            and ctx.mention_at(c) is None)]  # 'police chief', 'Opposition leader'
        definite = not any(c.lower_ in ("a", "an") for c in token.lefts)
        obj_tokens: list[Token] = []
        prep_word = rule.preps[0] if rule.preps else "of"
        preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ in rule.preps]
        if not preps and token.i + 1 < sent.end and token.nbor(1).pos_ == "ADP" \
                and token.nbor(1).lower_ in rule.preps:
            preps = [token.nbor(1)]  # 'X's courier to Y': the parser hung 'to Y' elsewhere
        for child in preps:
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None and pobj.ent_type_ not in ("DATE", "TIME"):
                obj_tokens, prep_word = _object_tokens(pobj, ctx), child.lower_
                break
        if not obj_tokens:
            for child in token.lefts:
                if child.dep_ in ("compound", "nmod", "poss") and child not in role_tokens:
                    mention = ctx.mention_at(child)
                    if mention is not None and mention.label in ("ORG", "GPE", "NORP", "PERSON") and \
                            not (mention.label == "PERSON" and child.dep_ != "poss"):
                        if mention.label == "PERSON" and rule.member:
                            continue
                        ent = ctx.ent_of_mention(mention)
                        if person.name == ent.name:
                            continue
                        obj_tokens = [t for t in sent if mention.start <= t.idx < mention.end
                                      and t.text not in ("'s", "’s")]
                        obj_tokens = _strip_det(obj_tokens)
                        if child.dep_ == "poss" and mention.label == "PERSON":
                            prep_word = "of"  # "X's courier" is the courier of X
                        break
        obj_text, obj_label = _entity_text(obj_tokens, ctx)
        if not obj_text and any(c.dep_ == "poss" for c in token.children):
            continue  # 'its founder', 'the gang's leader': the organisation is not named here
        if obj_text and obj_text == person.name:
            continue
        role_text = " ".join([m.lower_.strip("-") for m in modifiers] + [role])
        role_text = re.sub(r"\b(co|ex|vice) (?=\w)", r"\1-", role_text)  # 'co-founder'
        evidence = sorted(modifiers + role_tokens + obj_tokens, key=lambda t: t.i)
        start, end = evidence[0].idx, evidence[-1].idx + len(evidence[-1].text)
        if obj_tokens and obj_tokens[-1].i > token.i:  # the object's name may run past the parse
            covering = ctx.mention_at(obj_tokens[-1])
            if covering is not None and obj_text == covering.canonical:
                end = max(end, covering.start + len(ctx.ent_of_mention(covering).text))
        value_text = doc_text(ctx.doc)[start:end]
        before_name = (token.dep_ in ("compound", "nmod", "amod") and token.head.pos_ == "PROPN"
                       or any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in token.children))
        if rule.only != "member_of" and (obj_text or rule.bare and (
                token.dep_ in ("appos", "attr") or before_name
                or (token.dep_ == "pobj" and token.head.lower_ == "as"))):
            title = f"{role_text} {prep_word} {obj_text}" if obj_text else role_text
            if obj_text and not modifiers and definite:
                ctx.role_holders.setdefault((role, obj_text), {})[person.name] = person
            yield Raw(person, "title", title, "text", value_text, start, end, rule.rule, token)
        if rule.member and obj_text and obj_label in ("ORG", "NORP") and not obj_label == "PERSON":
            o_start, o_end = _span(obj_tokens)
            org = Ent(obj_text, "ORG", _text(obj_tokens), o_start, o_end)
            yield Raw(person, "member_of", obj_text, "entity", org.text, o_start, o_end,
                      f"{rule.rule}.member_of", token, "ORG")
            if rule.top and definite and not any(m.lower_.strip("-") in UNQUALIFIED_TOP for m in modifiers):
                yield Raw(org, "top_members", person.name, "entity", person.text, person.start,
                          person.end, f"{rule.rule}.top_members", token, "PERSON")


def origin_facts(sent: Span, ctx: Context) -> Iterator[Raw]:
    """origin from demonyms tied to a person: 'a Pakistani citizen', 'Pakistani militant X',
    'described X as a Pakistani national', 'X is Pakistani'."""
    rules = ctx.rules
    for token in sent:
        country = rules.demonyms.get(token.lower_) if token.text[:1].isupper() else None
        if country is None:
            continue
        if token.i + 2 < len(token.doc) and token.nbor(1).text == "-" and token.nbor(2).lower_ == "born":
            continue  # 'Egyptian-born': the regex rule
        mention = ctx.mention_at(token)
        if mention is not None and mention.label in ("ORG", "GPE", "LOC", "FAC", "PERSON", "EVENT"):
            continue  # part of a name: 'the Afghan Ministry of Defense'
        noun = token.head if token.dep_ in ("amod", "compound", "nmod") else token
        if noun.i != token.i and ctx.mention_at(noun) is not None and ctx.mention_at(noun).label == "PERSON":
            person = entity_of(noun, ctx, nominal=False)
        else:
            low = _lemma(noun)
            if noun.i != token.i and low not in rules.person_nouns and low not in rules.roles:
                continue
            if noun.i == token.i and token.dep_ in ("amod",):
                continue
            person = person_of_nominal(noun, ctx)
            if person is None and noun.dep_ in ("acomp", "attr"):  # 'X is Pakistani'
                subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
                person = entity_of(subject, ctx, nominal=False) if subject is not None else None
        if person is None or person.label != "PERSON":
            continue
        yield Raw(person, "origin", country, "country", token.text, token.idx,
                  token.idx + len(token.text), "origin.demonym", token)


def _country_of(place: Ent, containers: list[Ent], ctx: Context) -> str | None:
    rules = ctx.rules
    for candidate in [place, *reversed(containers)]:
        low = candidate.name.lower()
        if low in rules.countries:
            return rules.countries[low]
        if low.startswith("the ") and low[4:] in rules.countries:
            return rules.countries[low[4:]]
    if place.name.lower() in rules.cities:
        return rules.cities[place.name.lower()]
    return None


def birth_facts(sent: Span, ctx: Context) -> Iterator[Raw]:
    """date_of_birth, place_of_birth (and origin from the place) from 'born'."""
    rules = ctx.rules
    for token in sent:
        if token.lower_ != "born" or _lemma(token) not in rules.birth_verbs:
            continue
        if token.i > 0 and token.nbor(-1).text == "-":
            continue
        rule_id = rules.birth_verbs[_lemma(token)]
        person = None
        for child in token.children:
            if child.dep_ in ("nsubjpass", "nsubj"):
                person = entity_of(child, ctx)
        if person is None and token.dep_ in ("acl", "amod", "relcl", "appos", "advcl", "dep", "parataxis"):
            if token.head.pos_ in ("VERB", "AUX"):
                subject = next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                person = entity_of(subject, ctx) if subject is not None else None
            else:
                person = entity_of(token.head, ctx, nominal=False)
        if person is None and token.dep_ in ("conj",):
            for child in token.head.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    person = entity_of(child, ctx)
        if person is None or person.label != "PERSON":
            continue
        date = next(((t, w) for t, w in _date_tokens(ctx, sent) if _under(w[-1], token)), None)
        if date is not None:
            timex, _ = date
            yield Raw(person, "date_of_birth", timex.value, "date", timex.text, timex.start, timex.end,
                      f"{rule_id}.date", token)
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "at", "near"):
                for obj in child.children:
                    if obj.dep_ != "pobj" or obj.ent_type_ in ("DATE", "TIME"):
                        continue
                    places = place_names(obj, ctx)
                    if not places:
                        continue
                    place, containers = places[0]
                    yield Raw(person, "place_of_birth", place.name, "entity", place.text, place.start,
                              place.end, f"{rule_id}.place", token, place.label)
                    country = _country_of(place, containers, ctx)
                    if country is not None:
                        yield Raw(person, "origin", country, "country", place.text, place.start,
                                  place.end, f"{rule_id}.origin", token)
                    break


def spouse_facts(sent: Span, ctx: Context) -> Iterator[Raw]:
    """spouse, both ways: "X's wife, Y", "Y, the wife of X", "X married Y"."""
    rules = ctx.rules
    for token in sent:
        low = _lemma(token)
        pairs: list[tuple[Ent, Ent, str]] = []
        if token.pos_ == "NOUN" and low in rules.spouse_nouns:
            rule_id = rules.spouse_nouns[low]
            named = person_of_nominal(token, ctx)
            partner = None
            for child in token.children:
                if child.dep_ == "poss":
                    partner = entity_of(child, ctx, nominal=False)
                if child.dep_ == "prep" and child.lower_ == "of":
                    pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                    if pobj is not None:
                        partner = entity_of(pobj, ctx, nominal=False)
            if named and partner and named.label == partner.label == "PERSON" and named.name != partner.name:
                pairs.append((partner, named, rule_id))
        elif token.pos_ == "VERB" and low in rules.marry_verbs:
            rule_id = rules.marry_verbs[low]
            subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            other = next((c for c in token.children if c.dep_ == "dobj"), None)
            if other is None:
                other = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "to"
                              for g in c.children if g.dep_ == "pobj"), None)
            if subject is not None and other is not None:
                a, b = entity_of(subject, ctx), entity_of(other, ctx)
                if a and b and a.label == b.label == "PERSON" and a.name != b.name:
                    pairs.append((a, b, rule_id))
        for a, b, rule_id in pairs:
            yield Raw(a, "spouse", b.name, "entity", b.text, b.start, b.end, rule_id, token, "PERSON")
            yield Raw(b, "spouse", a.name, "entity", a.text, a.start, a.end, rule_id, token, "PERSON")


def founded_facts(sent: Span, ctx: Context) -> Iterator[Raw]:
    """founded (a date) of organisations: 'X was founded in 1998', 'Y founded X in
    1998', 'announced the creation of X' with a date in the sentence."""
    rules = ctx.rules
    for token in sent:
        low = _lemma(token)
        orgs: list[Token] = []
        rule_id = None
        if token.pos_ == "VERB" and low in rules.founded_verbs:
            if low == "set" and not any(c.lower_ == "up" for c in token.children):
                continue
            rule_id = rules.founded_verbs[low]
            dep = "nsubjpass" if attr.is_passive(token) else "dobj"
            orgs = [c for c in token.children if c.dep_ == dep]
            if not orgs and token.dep_ == "acl" and token.tag_ == "VBN":
                orgs = [token.head]
        elif token.pos_ == "NOUN" and low in rules.founded_nouns:
            rule_id = rules.founded_nouns[low]
            orgs = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children if g.dep_ == "pobj"]
        for org_token in orgs:
            mention = ctx.mention_at(org_token)
            if mention is None or mention.label != "ORG":
                continue
            org = ctx.ent_of_mention(mention)
            date = event_date(token, ctx)
            if date is None:
                continue
            timex, _ = date
            yield Raw(org, "founded", timex.value, "date", timex.text, timex.start, timex.end,
                      rule_id, token)


def located_in_facts(sent: Span, ctx: Context) -> Iterator[Raw]:
    """located_in between places: 'X district of Y province', 'X in Y Province',
    "Y's X district", 'X, Country'."""
    seen: set[tuple[str, str]] = set()
    for token in sent:
        if token.dep_ == "compound" and _lemma(token.head) in ctx.rules.place_nouns and token.head.i != token.i:
            continue
        for place, containers in place_names(token, ctx):
            for outer in containers:
                key = (place.name, outer.name)
                if outer.name == place.name or key in seen:
                    continue
                seen.add(key)
                yield Raw(place, "located_in", outer.name, "entity", outer.text, outer.start, outer.end,
                          "place.located_in", token, outer.label)
    # 'X, Country': a place mention followed by a comma and a country
    mentions = [m for m in ctx.mentions if sent.start_char <= m.start < sent.end_char]
    text = doc_text(ctx.doc)
    for first, second in zip(mentions, mentions[1:]):
        between = text[first.end:second.start]
        if between.strip() not in (",", "in", "in the"):
            continue
        # the second is a country, or names a province, state, district... by its last word
        # or the word after it ('X, Herat province', 'X in Y Province')
        following = re.match(r"\s*([A-Za-z]+)", text[second.end:second.end + 30])
        words = second.text.lower().split()[-1:] + ([following.group(1).lower()] if following else [])
        country = second.canonical.lower() in ctx.rules.countries
        administrative = any(w in ctx.rules.place_nouns for w in words)
        if not (country or administrative):
            continue
        if first.label not in PLACE_LABELS and not (administrative and first.label == "PERSON"):
            continue
        if second.label not in ("GPE", "LOC") and not administrative:
            continue
        after = doc_text(ctx.doc)[second.end:second.end + 5].lstrip()
        if after.startswith("and") or after.startswith(","):
            continue
        key = (first.canonical, second.canonical)
        if key in seen or first.canonical == second.canonical:
            continue
        seen.add(key)
        token = ctx.doc.char_span(first.start, first.end, alignment_mode="expand")[0]
        place = ctx.ent_of_mention(first)
        if place.label not in PLACE_LABELS:  # the NER took a foreign place name for a person
            place = Ent(place.name, "GPE", place.text, place.start, place.end)
        yield Raw(place, "located_in", second.canonical, "entity", second.text,
                  second.start, second.end, "place.located_in", token, second.label)


def regex_facts(sent: Span, ctx: Context) -> Iterator[Raw]:
    """Facts of the regex rules: a value group and the nearest mention of a label."""
    rules = ctx.rules
    text = sent.text
    base = sent.start_char
    mentions = [m for m in ctx.mentions if sent.start_char <= m.start < sent.end_char]
    for rule in rules.regexes:
        for match in rule.pattern.finditer(text):
            start, end = base + match.start("value"), base + match.end("value")
            m_start, m_end = base + match.start(), base + match.end()
            candidates = []
            for mention in mentions:
                if mention.label != rule.label and not (rule.label == "PERSON" and mention.label in PLACE_LABELS
                                                         and False):
                    continue
                mention_end = mention.start + len(ctx.ent_of_mention(mention).text)
                if rule.direction in ("before", "nearest") and mention_end <= m_start + 1:
                    candidates.append((m_start - mention_end, mention))
                if rule.direction in ("after", "nearest") and mention.start >= m_end - 1:
                    candidates.append((mention.start - m_end, mention))
                if rule.direction == "nearest" and mention.start <= m_start and mention.end >= m_end:
                    candidates.append((0, mention))
            candidates = [c for c in candidates if -1 <= c[0] <= rule.gap]
            if not candidates:
                continue
            _, mention = min(candidates, key=lambda c: c[0])
            subject = ctx.ent_of_mention(mention)
            raw = match.group("value").strip()
            value: str | int | None = raw
            if rule.attribute == "age":
                value = normalize_age(raw)
            elif rule.value_type == "country":
                value = rules.demonyms.get(raw.lower()) or rules.countries.get(raw.lower())
            elif rule.value_type == "name":
                raw = re.sub(r"(?:['’]s|[.,;:'’\"”])+$", "", raw)
                value = raw
                end = start + len(raw)
                linked = ctx.canonical_for(raw)
                if raw == subject.name or raw in subject.name.split() or (linked and linked.canonical == subject.name):
                    continue
            elif rule.value_type == "quantity":
                value = normalize_quantity(raw)
            if value is None or value == "":
                continue
            token = ctx.doc.char_span(start, end, alignment_mode="expand")
            trigger = token[0] if token is not None and len(token) else sent.root
            yield Raw(subject, rule.attribute, value, rule.value_type, raw, start, end, rule.rule, trigger)


EXTRACTORS = (death_facts, count_facts, role_facts, origin_facts, birth_facts, spouse_facts,
              founded_facts, regex_facts, located_in_facts)


# ---------------------------------------------------------------------------------------
# Attribution and denials


def _resolve_source(token: Token, ctx: Context, depth: int = 0) -> Source | None:
    """The in-document name of the source a token names, remembering sources as the
    document goes on: 'it' is the last organisation that spoke, 'the statement' the
    last statement's author, 'the agency' the agency named before."""
    lex = ctx.rules.lexicon
    if depth > 3:
        return None
    mention = ctx.mention_at(token)
    if mention is None:
        for child in token.children:
            if child.dep_ in ("compound", "nmod") and ctx.mention_at(child) is not None \
                    and _lemma(token) not in lex.source_nouns and ctx.mention_at(child).label in ("ORG", "PERSON"):
                mention = ctx.mention_at(child)
    if mention is not None and mention.label in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"):
        if mention.label == "NORP" and token.pos_ != "PROPN":
            mention = None
        else:
            ent = ctx.ent_of_mention(mention)
            return Source(ent.name, ent.label)
    low = _lemma(token)
    if token.pos_ == "PRON":
        if token.lower_ in ("it", "its"):
            return ctx.last_source.get("ORG") or ctx.last_source.get("any")
        if token.lower_ in ("they", "them", "their"):
            return ctx.last_source.get("ORG") or ctx.last_source.get("any")
        if token.lower_ in PERSON_PRONOUNS:
            person = ctx.last_person_before(token.idx)
            return Source(person.canonical, "PERSON") if person else ctx.last_source.get("PERSON")
        if token.lower_ in REL_PRONOUNS and token.head.head.i != token.i:
            return _resolve_source(token.head.head, ctx, depth + 1)
        return None
    if token.pos_ == "PROPN":
        ent = entity_of(token, ctx, label="ORG", nominal=False)
        if ent is not None:
            return Source(ent.name, ent.label)
    if low in lex.source_nouns:
        author = attr.author_of(token, lex)
        if author is not None:
            source = _resolve_source(author, ctx, depth + 1)
            if source is not None:
                ctx.authors[low] = source
                ctx.authors["any"] = source
                return source
        return ctx.authors.get(low) or ctx.authors.get("any") or ctx.last_source.get("any")
    if token.pos_ == "NOUN":
        for child in token.children:  # 'Col. X, a spokesman for ...' is handled by the mention
            if child.dep_ == "appos":
                found = _resolve_source(child, ctx, depth + 1)
                if found is not None:
                    return found
        words = _strip_det(_object_tokens(token, ctx) or [token])
        if token.dep_ == "appos":
            return _resolve_source(token.head, ctx, depth + 1)
        known = ctx.nominal_sources.get(low)
        if known is not None and _is_definite(token):
            return known
        text = _text(words)
        source = Source(text, None)
        ctx.nominal_sources.setdefault(low, source)
        return source
    return None


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans between double quotation marks, never across a line break.

    >>> quote_spans('He said: “We won. We are happy,” the coach added.')
    [(9, 31)]
    """
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        start = None
        for i, char in enumerate(line):
            if char == "“" or (char == '"' and start is None):
                start = offset + i
            elif (char == "”" or char == '"') and start is not None:
                spans.append((start, offset + i + 1))
                start = None
        if start is not None:
            spans.append((start, offset + len(line)))
        offset += len(line) + 1
    return spans


def _quote_speaker(trigger: Token, ctx: Context) -> Token | None:
    """Who speaks a quotation that runs over several sentences: the subject of the
    reporting verb after the closing mark ('..., the statement added') or before the
    opening one ('X said: “...')."""
    if ctx.quotes is None:
        ctx.quotes = quote_spans(doc_text(ctx.doc))
    offset = trigger.idx
    span = next(((a, b) for a, b in ctx.quotes if a <= offset < b), None)
    if span is None:
        return None
    text = doc_text(ctx.doc)
    line_start = text.rfind("\n", 0, span[0]) + 1
    line_end = text.find("\n", span[1])
    line_end = len(text) if line_end < 0 else line_end
    lex = ctx.rules.lexicon
    after = ctx.doc.char_span(span[1], line_end, alignment_mode="expand")
    before = ctx.doc.char_span(line_start, span[0], alignment_mode="expand")
    for part, order in ((after, 1), (before, -1)):
        if part is None:
            continue
        for token in list(part)[::order]:
            if token.pos_ == "VERB" and _lemma(token) in lex.say and not attr.is_passive(token) \
                    and not any(a <= token.idx < b for a, b in ctx.quotes):
                subject = attr.subject_of(token)
                if subject is not None:
                    return subject
    return None


def _remember(source: Source | None, ctx: Context) -> None:
    if source is None:
        return
    ctx.last_source["any"] = source
    if source.label in ("ORG", "GPE", "NORP"):
        ctx.last_source["ORG"] = source
    elif source.label == "PERSON":
        ctx.last_source["PERSON"] = source
    else:
        ctx.last_source["ORG"] = source


def _paragraph(sent: Span, offset: int) -> tuple[int, int]:
    """The part of a sentence between blank lines around `offset`: the parser sometimes
    runs a dateline or a headline into the next sentence."""
    text = doc_text(sent.doc)
    start = max(sent.start_char, text.rfind("\n", sent.start_char, offset) + 1)
    end = text.find("\n", offset, sent.end_char)
    end = sent.end_char if end < 0 else end
    return start, end


def _draft(raw: Raw, sent: Span, source: Source | None, polarity: str, modality: str) -> FactDraft:
    quote_start, quote_end = _paragraph(sent, raw.trigger.idx)
    return FactDraft(
        name=raw.subject.name, name_type=raw.subject.label, attribute=raw.attribute,
        value=raw.value, value_type=raw.value_type, value_text=raw.value_text,
        start=raw.start, end=raw.end, quote_start=quote_start, quote_end=quote_end,
        mention=raw.subject.text, rule=raw.rule, polarity=polarity, modality=modality,
        said_by=source.name if source else None, said_by_type=source.label if source else None,
        value_entity_type=raw.value_entity_type)


def extract_facts(doc: Doc, *, rules: RuleSet) -> Iterator[FactDraft]:
    """Every attribute fact of a parsed document, with said_by, polarity and modality.

    A denial that points back ('The rebels denied the assertion') yields, for each
    fact of the previous claim, the same subject, attribute and value with polarity
    'denied', said by the denier, at the denial verb.

    >>> facts = list(extract_facts(nlp("Jane Roe died in Lyon."), rules=load_rules()))  # doctest: +SKIP
    >>> [(f.name, f.attribute, f.value) for f in facts]  # doctest: +SKIP
    [('Jane Roe', 'place_of_death', 'Lyon')]
    """
    compiled = compile_rules(rules)
    ctx = Context.of(doc, compiled)
    lex = compiled.lexicon
    previous_claim: list[FactDraft] = []
    seen: set[tuple] = set()
    for sent in doc.sents:
        sentence_facts: list[FactDraft] = []
        # sources named in this sentence, remembered for 'it' and 'the statement' later
        sentence_sources: list[Source] = []
        for extractor in EXTRACTORS:
            for raw in extractor(sent, ctx):
                source_token = attr.find_source(raw.trigger, lex)
                para_start, para_end = _paragraph(sent, raw.trigger.idx)
                if source_token is not None and not para_start <= source_token.idx < para_end:
                    source_token = None  # a headline or bullet the parser ran into this sentence
                if source_token is None:
                    source_token = _quote_speaker(raw.trigger, ctx)
                if source_token is None and raw.via is not None:
                    # the same event told earlier: who told it then
                    source_token = attr.find_source(raw.via, lex)
                    via_start, via_end = _paragraph(raw.via.sent, raw.via.idx)
                    if source_token is not None and not via_start <= source_token.idx < via_end:
                        source_token = None
                source = _resolve_source(source_token, ctx) if source_token is not None else None
                # a description inside a noun phrase ('X, a student leader, died') is
                # neither denied nor hedged with the clause around it
                described = raw.attribute in NP_ATTRIBUTES and raw.trigger.dep_ not in ("attr", "ROOT", "oprd")
                denial = None if described else attr.denial_above(raw.trigger, lex)
                polarity = "denied" if denial is not None or attr.negated(raw.trigger) else "affirmed"
                if denial is not None:
                    denier = attr.denier_of(denial)
                    source = (_resolve_source(denier, ctx) if denier is not None else None) or source
                hedged = not described and (attr.hedged(raw.trigger, lex)
                                            or raw.via is not None and attr.hedged(raw.via, lex))
                modality = "hedged" if hedged else "reported" if source is not None else "asserted"

                if raw.attribute == "located_in":
                    source, polarity, modality = None, "affirmed", "asserted"
                if source is not None and source.name == raw.subject.name:
                    source = None  # 'X, a spokesman for Y, said': not a claim X makes about X
                    modality = "hedged" if modality == "hedged" else "asserted"
                draft = _draft(raw, sent, source, polarity, modality)
                if raw.via is not None:  # the quote runs from the earlier mention of the event
                    draft = replace(draft, quote_start=min(draft.quote_start, _paragraph(raw.via.sent, raw.via.idx)[0]))
                if not (draft.quote_start <= draft.start and draft.end <= draft.quote_end):
                    continue  # the value stands in another paragraph
                if raw.subject.start < draft.quote_start or raw.subject.start > draft.quote_end:
                    if raw.subject.text != raw.subject.name or raw.subject.start < sent.start_char:
                        pass
                    else:
                        continue
                key = (draft.name, draft.attribute, draft.value, draft.quote_start, draft.polarity, draft.said_by)
                if key in seen:
                    continue
                seen.add(key)
                sentence_facts.append(draft)
                if source is not None:
                    sentence_sources.append(source)
        for source in sentence_sources:
            _remember(source, ctx)
        if not sentence_sources:
            # a sentence's speaker is remembered even when it states no fact of ours
            for token in sent:
                if token.pos_ == "VERB" and _lemma(token) in lex.say and not attr.is_passive(token):
                    subject = attr.subject_of(token)
                    if subject is not None and subject.pos_ != "PRON":
                        _remember(_resolve_source(subject, ctx), ctx)
                        break
            according = attr.according_source(sent, lex)
            if according is not None:
                _remember(_resolve_source(according, ctx), ctx)
        yield from sentence_facts
        denied_here = list(_backref_denials(sent, ctx, previous_claim, sentence_facts))
        yield from denied_here
        claims = [f for f in sentence_facts if f.attribute != "located_in" and f.polarity == "affirmed"]
        if claims:
            previous_claim = claims
        deaths = [f for f in claims if f.attribute in DEATH_ATTRIBUTES]
        if deaths:
            ctx.last_deaths = deaths


def _backref_denials(sent: Span, ctx: Context, previous: list[FactDraft],
                     current: list[FactDraft]) -> Iterator[FactDraft]:
    """Denials of an earlier claim: 'The rebels denied the assertion, calling it
    propaganda'; 'denying that a leader had been killed' with no named victim."""
    lex = ctx.rules.lexicon
    done = False
    for verb in attr.denials(sent, lex):
        if done:
            break
        kind = attr.denied_object(verb, lex)
        if kind == "other":
            continue
        if kind == "clause":
            clause_facts = [f for f in current if f.polarity == "denied"]
            if clause_facts:
                continue
            # 'denying that a rebel leader had been killed': the last deaths of the document
            if not any(_lemma(t) in ctx.rules.death_verbs or _lemma(t) in ctx.rules.death_nouns
                       for c in verb.children if c.dep_ in ("ccomp", "xcomp") for t in c.subtree):
                continue
            targets = ctx.last_deaths
        else:
            targets = previous
        if not targets:
            continue
        denier_token = attr.denier_of(verb)
        source = _resolve_source(denier_token, ctx) if denier_token is not None else None
        for fact in targets:
            if source is not None and fact.said_by == source.name:
                continue
            quote_start, quote_end = _paragraph(sent, verb.idx)
            yield replace(fact, start=verb.idx, end=verb.idx + len(verb.text),
                          quote_start=quote_start, quote_end=quote_end,
                          rule=f"deny.backref:{fact.rule}", polarity="denied", modality="reported",
                          said_by=source.name if source else None,
                          said_by_type=source.label if source else None,
                          value_text=fact.value_text)
        done = True


@Language.factory("factx_attributes", default_config={"rules_dir": None},
                  requires=["doc.sents", "token.dep", "token.head", "token.pos", "token.tag", "token.lemma",
                            "token.ent_type", "doc._.mentions", "doc._.dates"],
                  assigns=["doc._.facts"])
def make_attributes(nlp: Language, name: str, rules_dir: str | None):
    rules = load_rules(rules_dir)
    compile_rules(rules)  # fail early on a bad rule

    def attributes_component(doc: Doc) -> Doc:
        doc._.facts = list(extract_facts(doc, rules=rules))
        return doc

    return attributes_component
