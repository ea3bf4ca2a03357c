"""Stage 4, mentions: link each entity mention to its in-document canonical name.

Within one document (DESIGN section 5, stage 4):

- names are compared on their core words (`factx.names.core_tokens`): titles and
  ranks, possessives, a leading "the" and particles do not count, so "Mr. Haddad",
  "Haddad’s" and "Haddad" are one name and "Al-Baghdadi" is "Baghdadi";
- a partial name links to the one longer name of the document it ends
  ("Haddad" -> "Karim Haddad"; "Haddad Saleh" -> "Nabil Haddad Saleh"); a single word
  that ends no longer name may link to the one person whose first word it is;
  when several longer names fit, the mention keeps its own name (a bare surname
  links only when the document makes the referent unambiguous);
- an acronym links to the name the document defines for it ("Full Name (ACR)",
  "Full Name, or ACR"), else to the one longer name whose initials it is;
- the entity type is voted over all mentions of a canonical name: types decided by
  rules (a title before the name, `rules/entity_context.yml`, a type-deciding last
  word from `rules/entity_types.yml`, a demonym) win over the model's labels;
  ties go to the label of the full name.

`link_mentions` is the pure part, testable on hand-built docs; the component
"factx_mentions" writes its result to `doc._.mentions`.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Callable, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span

from factx.stages import doc_text
from factx.names import (
    INFINITE, PLACE_TYPES, NameRules, token_cost, acronym_first, acronym_letters, capital_acronym, core_tokens, gender_title,
    initialism_pattern,
    is_acronym,
    is_patronymic,
    name_rules, strip_possessive, title_classes, type_group, words,
)
from factx.places import is_city
from factx.resolve import kin_marks, kind_mark
from factx.rules import RuleSet, load_rules


@dataclass(frozen=True)
class Mention:
    """One entity mention: character span, surface text, in-document canonical name, voted type."""

    start: int
    end: int
    text: str
    canonical: str
    label: str
    #: a description that stands for a name the document gives ("the Nasr Front branch"
    #: for the one branch of the Nasr Front it names): no spelling of the name
    description: bool = False
    #: the type was decided by a rule's evidence ("a bombing in X"), not by the model:
    #: it outvotes the model's labels of the name in other documents too
    typed: bool = False
    #: a region named with its administrative word whose bare name is also a city's ("X
    #: province" where X is a city): the model's shorter mention inside it spells no name
    covers: bool = False
    #: a short name the text tells apart from a longer name of the document it could be
    #: part of ("Haddad and his brother Samir Haddad", "Sutarno, a fisherman, ... Budi
    #: Sutarno", "Rahman, the minister" beside "Gen. Rahman"): `ner.mention.apart`
    apart: bool = False


MENTION_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT")

#: Label preference when votes tie and the full name does not decide.
_TYPE_ORDER = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT")

_CONTEXT = 80  # characters of context the type rules look at


@dataclass(frozen=True)
class MentionRules:
    """Rule data of this stage, compiled once per rule set."""

    names: NameRules
    title_before: re.Pattern[str] | None = None
    #: (label, before, after, the model's labels it may change or None for any) per rule
    contexts: tuple[tuple[str, re.Pattern[str] | None, re.Pattern[str] | None, frozenset[str] | None], ...] = ()
    demonyms: frozenset[str] = frozenset()
    extra_honorifics: frozenset[str] = field(default_factory=frozenset)
    places: frozenset[str] = frozenset()  # countries and large cities (demonyms.yml), as `_plain_key`
    place_endings: tuple[str, ...] = ()  # word endings of place names (entity_types.yml)
    person_endings: tuple[str, ...] = ()  # surname endings of people's names (entity_types.yml)
    branch_words: frozenset[str] = frozenset()  # "branch", "affiliate" (descriptions.yml)
    #: words that begin the name of an event without an agent: "Storm", "Hurricane" (events.yml `names`)
    event_name_words: frozenset[tuple[str, ...]] = frozenset()
    #: every place the rules name (countries, cities, capitals), as `_plain_key`: never a surname
    known_places: frozenset[str] = frozenset()
    #: kinship nouns ("brother", "wife": misspellings.yml role `kinship`)
    kinship: frozenset[str] = frozenset()


def _plain_key(name: str) -> str:
    return " ".join(words(name))


_CACHE: dict[str, MentionRules] = {}


def mention_rules(rules: RuleSet | None = None) -> MentionRules:
    """The `MentionRules` of a rule set (shipped rules by default), cached per version."""
    rules = rules if rules is not None else load_rules()
    if rules.version in _CACHE:
        return _CACHE[rules.version]
    titles = sorted({w.rstrip(".") for w in rules.words("honorifics")}, key=len, reverse=True)
    title_before = (re.compile(r"(?:^|[\s(\"“])(?:" + "|".join(map(re.escape, titles)) + r")\.?\s+$")
                    if titles else None)
    countries = sorted({r["country"] for r in rules.get("demonyms")}, key=len, reverse=True)
    country_re = "|".join(re.escape(c) for c in countries) or "(?!)"

    # the nouns of events.yml, longest first ("car bombing" before "bombing")
    nouns = sorted({n for r in rules.get("events") for n in r.get("nouns", ())}, key=len, reverse=True)
    event_re = "|".join(r"\s+".join(map(re.escape, n.split())) for n in nouns) or "(?!)"

    def compile_context(pattern: str) -> str:
        return pattern.replace("{COUNTRY}", country_re).replace("{EVENT}", event_re)

    contexts = tuple(
        (rule["label"],
         re.compile(compile_context(rule["before"]) + r"$") if rule.get("before") else None,
         re.compile(r"^" + compile_context(rule["after"])) if rule.get("after") else None,
         frozenset(rule["from"]) if rule.get("from") else None)
        for rule in rules.get("entity_context"))
    # peoples and faiths (entity_types.yml, NORP `words`) are NORP like demonyms: "Shiite", "Pashtun"
    demonyms = frozenset(w.lower() for w in rules.words("demonyms")) | frozenset(
        w.lower() for r in rules.get("entity_types") if r["label"] == "NORP" for w in r.get("words", ()))
    places = frozenset(_plain_key(w) for r in rules.get("demonyms") for w in [r["country"], *r.get("cities", ())])
    endings = tuple(w.lower() for r in rules.get("entity_types") if r["label"] in PLACE_TYPES
                    for w in r.get("endings", ()))
    person_endings = tuple(w.lower() for r in rules.get("entity_types") if r["label"] == "PERSON"
                           for w in r.get("endings", ()))
    branches = frozenset(w.lower() for r in rules.get("descriptions") if r["role"] == "branch"
                         for w in r["words"])
    event_words = frozenset(tuple(words(w)) for r in rules.get("events") if not r.get("agentive")
                            for w in r.get("names", ()))
    known = places | frozenset(_plain_key(r[k]) for r in rules.get("capitals") for k in ("country", "city"))
    result = MentionRules(name_rules(rules), title_before, contexts, demonyms, places=places,
                          place_endings=endings, person_endings=person_endings, branch_words=branches,
                          event_name_words=event_words, known_places=known,
                          kinship=frozenset(w.lower() for r in rules.get("misspellings")
                                            if r["role"] == "kinship" for w in r["words"]))
    _CACHE[rules.version] = result
    return result


@dataclass
class _Item:
    span: Span
    clean: str
    key: tuple[str, ...]
    acronym: bool
    rule_label: str | None
    titles: frozenset[str] = frozenset()


#: A nickname in quotes inside a person's name ('Wichai "Tong" Srisuk'): not part of the name.
_NICKNAME = re.compile(r"(?<=\w)\s+[\"“‘'][^\"“”‘’']{1,30}[\"”’']\s+(?=\w)")


def clean_name(text: str, nr: NameRules) -> str:
    """A mention as a name: possessive, a leading "the" and leading titles removed,
    but for the distinctive titles (religious titles, military ranks) of a one-word
    name, which tell people apart and so stay for the resolver ("Mullah Karim" is not
    any Karim).

    A one-word name keeps a title that says its gender too ("Mrs. Osei" is not "Mr.
    Osei": honorifics.yml `genders`), unless a distinctive title tells it apart already.

    >>> clean_name("Dr. Haddad’s", name_rules()), clean_name("the Greater Sahara", name_rules())
    ('Haddad', 'Greater Sahara')
    >>> clean_name("Mr. Mullah Haddad", name_rules()), clean_name("Mrs. Haddad", name_rules())
    ('Mullah Haddad', 'Mrs. Haddad')
    >>> clean_name('Wichai "Tong" Srisuk', name_rules())  # a nickname in quotes
    'Wichai Srisuk'
    >>> clean_name("the King Osric Hospital", name_rules())  # a title in a building's name
    'King Osric Hospital'
    """
    text = _NICKNAME.sub(" ", text)
    parts = " ".join(strip_possessive(text).split()).split(" ")
    if len(parts) > 1 and parts[0].lower() == "the":
        parts = parts[1:]
    kept: list[str] = []
    gendered: list[str] = []
    if institution_head(words(" ".join(parts)), nr) is not None:
        # "King Osric Hospital", "General Hospital Karsk": the title is part of a building's name
        return " ".join(parts)
    while len(parts) > 1 and "".join(words(parts[0])) in nr.honorifics \
            and not capital_acronym(parts[0], " ".join(parts[1:]), nr):
        if "".join(words(parts[0])) in nr.distinctive:
            kept.append(parts[0])
        elif "".join(words(parts[0])) in nr.gendered and not gendered:
            gendered.append(parts[0])
        parts = parts[1:]
    return " ".join((kept or gendered) + parts if len(parts) == 1 else parts)


#: a family name written first in capitals, as French-speaking Africa and Madagascar write
#: names officially ("RANDRIAMBOLA Tiana", "RAKOTO Jean Aime")
_CAPITAL_FIRST = re.compile(r"([A-ZÀ-Ý]{4,})((?:\s+[A-ZÀ-Ý][a-zà-ÿ'’-]+){1,3})")


def surname_last(name: str) -> str:
    """A person's name written family name first in capitals, in the usual order.

    >>> surname_last("RANDRIAMBOLA Tiana"), surname_last("RAKOTO Jean Aimé"), surname_last("Tiana Rakoto")
    ('Tiana Randriambola', 'Jean Aimé Rakoto', 'Tiana Rakoto')
    """
    match = _CAPITAL_FIRST.fullmatch(name)
    if not match:
        return name
    return f"{match.group(2).strip()} {match.group(1).capitalize()}"


def rule_label(doc_text: str, start: int, end: int, label: str, mr: MentionRules) -> str | None:
    """The type rules give a mention, or None when no rule speaks.

    >>> mr = mention_rules()
    >>> rule_label("the raid in Nad Ali district", 12, 19, "PERSON", mr)
    'GPE'
    """
    text = doc_text[start:end]
    before = doc_text[max(0, start - _CONTEXT):start]
    after = doc_text[end:end + _CONTEXT]
    nr = mr.names
    tokens = words(text)
    # a building's or a body's head word decides, even after a title ("King Osric Hospital",
    # "General Hospital Tarvik"), and before "of"/"for" ("Committee for the Tarvik River")
    head = institution_head(tokens, nr)
    if head is not None:
        return head
    # a company's legal form decides too ("the carrier X Lines JSC" is no ship); not after a
    # title, and "Co" only with its period ("Ms. Ana Co", "Jose Co" are people)
    if len(tokens) > 1 and tokens[0] not in nr.honorifics \
            and (nr.ignored_suffixes.get(tokens[-1]) == "ORG" and (tokens[-1] != "co" or text.rstrip().endswith("."))
                 or nr.ignored_prefixes.get(tokens[0]) == "ORG"):
        return "ORG"
    # a title or rank written before or at the start of the name: a person
    written = text.split()
    if len(tokens) > 1 and tokens[0] in nr.honorifics and nr.honorific_types.get(tokens[0]) \
            and tokens[1] not in nr.suffix_types and not capital_acronym(written[0], " ".join(written[1:]), nr):
        return nr.honorific_types[tokens[0]]
    if _dateline(doc_text, start, end):
        return "GPE"
    # "... Industries Group (Acmeco)": a short name in brackets right after a body's or a
    # building's name (its last word a head word) is that body's or building's
    short = _BRACKETED_AFTER_NAME.search(before)
    if short and doc_text[end:end + 2].lstrip().startswith(")") and len(tokens) <= 3 \
            and nr.suffix_types.get(short.group(1).lower()) in _INSTITUTION_TYPES \
            and short.group(1).lower() not in nr.ignored_suffixes:
        return nr.suffix_types[short.group(1).lower()]
    if mr.title_before is not None and mr.title_before.search(before) \
            and not (len(tokens) > 1 and nr.suffix_types.get(tokens[-1]) in _INSTITUTION_TYPES):
        return "PERSON"
    if label == "NORP" and len(tokens) == 1 and nr.suffix_types.get(tokens[0]) == "ORG" \
            and text.strip().lower() not in mr.demonyms:
        return "ORG"  # "the Marines": a unit, an institution's head noun, no people
    if label == "NORP" and (text.strip().lower() in mr.demonyms or len(tokens) != 1):
        return None  # "Afghan provinces of": a demonym modifies the words after it
    if len(tokens) == 1 and label in ("ORG", "PERSON") and text.strip().lower() in mr.demonyms:
        return "NORP"  # "his Shiite movement": a faith or people the model took for a group
    # a country or a large city of the world's list is a place ("Mozambique" is no company)
    if " ".join(tokens) in mr.places:
        return "GPE"
    for context_label, before_re, after_re, over in mr.contexts:
        if over is not None and label not in over:
            continue
        if before_re is not None and after_re is not None:  # a rule with both wants both
            if before_re.search(before) and after_re.search(after):
                return context_label
            continue
        if before_re is not None and before_re.search(before):
            return context_label
        if after_re is not None and after_re.search(after):
            return context_label
    # a storm's name word first: "Storm X", "Hurricane X", "Tropical Storm X" (events.yml)
    if any(len(tokens) > len(w) and tuple(tokens[:len(w)]) == w for w in mr.event_name_words):
        return "EVENT"
    # a type-deciding last word: "Kunduz Province", "Military Times"
    if len(tokens) > 1 and tokens[-1] in nr.suffix_types:
        return nr.suffix_types[tokens[-1]]
    # a type-deciding first word: "Wadi X" (a valley), "Mount X"
    if len(tokens) > 1 and tokens[0] in nr.prefix_types:
        return nr.prefix_types[tokens[0]]
    # a facility word first: "Port of Bergen" ("Port Said" is a city)
    if len(tokens) > 2 and tokens[1] == "of" and nr.suffix_types.get(tokens[0]) == "FAC":
        return "FAC"
    # a Slavic or Central Asian surname last, or a patronymic: "Ruslan Temirov", "Adilet Sadyr
    # uulu", "Almaz Nurbekovich" (not "Rostov Oblast", not a known place)
    if 2 <= len(tokens) <= 3 and label != "PERSON" and _capitalized_name(text, len(tokens)) \
            and not any(t in nr.stopwords or t in nr.suffix_types or t in nr.prefix_types for t in tokens) \
            and tokens[-1] not in mr.known_places \
            and (any(is_patronymic(t, nr) for t in tokens[1:])
                 or ((len(tokens[-1]) > 4 or tokens[-1] in mr.person_endings)
                     and tokens[-1].endswith(mr.person_endings))):
        return "PERSON"
    # a place-name ending: "-abad", "-stan", "-pur" (Persian, Urdu, Hindi "town", "land")
    if len(tokens) == 1 and len(tokens[0]) > 6 and tokens[0].endswith(mr.place_endings):
        return "GPE"
    # a demonym the model took for a person: "a Pakistani" labelled PERSON
    if len(tokens) == 1 and label == "PERSON" and text.strip().lower() in mr.demonyms:
        return "NORP"
    return None


#: head words of bodies and buildings that decide a name's type wherever they stand in it
_INSTITUTION_TYPES = frozenset({"ORG", "FAC"})


def institution_head(tokens: Sequence[str], nr: NameRules) -> str | None:
    """The type a body's or a building's head word gives a name of several words, or None:
    the word before the first "of"/"for" ("Ministry of Tarvik Affairs", "Committee for the
    Defence of the Holm River"), else a head word after a title or rank that opens the name
    ("King Osric University Hospital", "General Hospital Tarvik"). Places' words are left
    to the other rules ("Islamic State of X" is no state).

    >>> nr = name_rules()
    >>> [institution_head(words(n), nr) for n in ("King Osric University Hospital",
    ...  "Committee for the Defence of the Holm River", "General Osric Tarvik", "Tarvik Hospital")]
    ['FAC', 'ORG', None, None]
    """
    if len(tokens) < 2:
        return None
    for i, token in enumerate(tokens[1:-1], 1):
        if token in ("of", "for"):
            label = nr.suffix_types.get(tokens[i - 1])
            if label in _INSTITUTION_TYPES and tokens[i - 1] not in nr.ignored_suffixes:
                return label
            break
    if tokens[0] in nr.honorifics:  # the last head word is the name's head ("University Hospital")
        for token in reversed(tokens[1:]):
            label = nr.suffix_types.get(token)
            if label in _INSTITUTION_TYPES and token not in nr.ignored_suffixes:
                return label
    return None


#: a dateline: a place in capitals opening a line, maybe its region or country and the
#: agency in brackets, then a dash ("TARVIK, Holm Province (Nordwire) — ...")
_DATELINE_AFTER = re.compile(r"(?:,[ \t]+[A-Z][^\n—–()]{0,40}?)?[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?[—–-][ \t]")


#: the last word of a capitalized name right before an opening bracket: "... Group ("
_BRACKETED_AFTER_NAME = re.compile(r"\b[A-Z][\w’'-]*[ \t]+([A-Z][a-z]+)[ \t]*\([ \t]*$")


def _dateline(text: str, start: int, end: int) -> bool:
    """Whether a mention is a dateline's place: written in capitals (two letters or more)
    at the start of a line and followed by a dash, maybe after its region and an agency."""
    name = text[start:end]
    line_start = text.rfind("\n", 0, start) + 1
    return (not text[line_start:start].strip() and sum(c.isalpha() for c in name) > 2 and name.isupper()
            and bool(_DATELINE_AFTER.match(text, end)))


def _capitalized_name(text: str, n: int) -> bool:
    """Whether a name's words are capitalized, save a Turkic patronymic marker last
    ("Adilet Sadyr uulu")."""
    parts = text.split()
    return len(parts) == n and all(p[:1].isupper() for p in parts[:-1]) and (
        parts[-1][:1].isupper() or parts[-1].lower() in ("uulu", "kyzy", "kizi"))


def _key(clean: str, label: str, nr: NameRules, city: Callable[[str], bool] = lambda name: False) -> tuple[str, ...]:
    # places drop an administrative last word ("Kunduz Province" is Kunduz), but keep the
    # kind of place it says where a city has the bare name (`city`): "X Province" and the
    # city "X" are two places (`resolve.unit_differs`); other labels keep every word
    last = words(clean)[-1:]
    kind = label if label in PLACE_TYPES or last and last[0] in nr.admin_words else ""
    key = core_tokens(clean, kind, nr=nr)
    unit = nr.admin_units.get(last[0], "") if kind in PLACE_TYPES and last and len(words(clean)) > 1 else ""
    if unit and len(key) < len(words(clean)) and city(clean.rsplit(None, 1)[0]):
        return key + ("#unit-" + unit,)
    return key


#: a place's administrative word written after it in lower case ("Bergen province"), unless
#: the words begin the name of a body ("the Bergen district council")
_ADMIN_AFTER = re.compile(r"[ \t]+([a-z]+)\b(?![ \t]*(?:-|council|official|authorit|government|police))")


#: words that call the place after them a town ("the city of X") or the place before
#: them a capital ("X, the provincial capital", "X, capital of the region")
_CITY_BEFORE = re.compile(r"\b(?:[Cc]ity|[Tt]own)[ \t]+of[ \t]+$")
_CAPITAL_AFTER = re.compile(r",[ \t]+(?:the[ \t]+)?(?:[a-z]+[ \t]+)?capital\b")


def _called_a_city(text: str, start: int, end: int) -> bool:
    """Whether the text calls a place a city or a town right where it names it."""
    return bool(_CITY_BEFORE.search(text, max(0, start - 16), start) or _CAPITAL_AFTER.match(text, end))


def _admin_after(text: str, end: int, nr: NameRules) -> int | None:
    """The end of a lower-case administrative word right after a place's mention, or None."""
    admin = _ADMIN_AFTER.match(text, end, min(len(text), end + 40))
    if admin and admin.group(1) in nr.admin_words and admin.group(1) != "state":
        return admin.end(1)
    return None


def _definitions(doc: Doc, items: Sequence[_Item]) -> dict[str, int]:
    """Acronyms the text defines: "Full Name (ACR)" or "Full Name, or ACR" -> item index."""
    out: dict[str, int] = {}
    text = doc_text(doc)
    for index, item in enumerate(items):
        if item.acronym or len(item.key) < 2:
            continue
        match = re.match(r"\s*(?:\(\s*|,\s+or\s+)([A-Z][A-Za-z.]{1,9})", text[item.span.end_char:])
        if not match:
            continue
        letters = acronym_letters(match.group(1))
        pattern = initialism_pattern(item.clean)
        if pattern is not None and pattern.fullmatch(letters):
            out.setdefault(letters, index)
    return out


def _bracketed_short_names(text: str, items: Sequence[_Item], nr: NameRules) -> dict[int, int]:
    """Short names a text defines in brackets by initials and the place a longer name ends
    with: "Tarvo Regional Detention Centre of Ostrel (TRDC Ostrel)" -> {short's index: long's}."""
    starts = {item.span.start_char: i for i, item in enumerate(items)}
    out: dict[int, int] = {}
    for index, item in enumerate(items):
        bracket = re.match(r"\s*\(\s*", text[item.span.end_char:item.span.end_char + 5])
        j = starts.get(item.span.end_char + bracket.end()) if bracket else None
        if j is None:
            continue
        short, full = items[j].clean.split(), item.clean.split()
        if len(short) < 2 or not capital_acronym(short[0], " ".join(short[1:]), nr):
            continue
        tail = words(" ".join(short[1:]))
        if len(words(item.clean)) <= len(tail) + 1 or words(" ".join(full[-len(short) + 1:])) != tail:
            continue
        head = full[:-len(short) + 1]
        while head and head[-1].islower():  # "... Centre of" before the place
            head = head[:-1]
        pattern = initialism_pattern(" ".join(head), nr) if len(head) > 1 else None
        if pattern is not None and pattern.fullmatch(acronym_letters(short[0])):
            out[j] = index
    return out


def link_mentions(doc: Doc, *, rules: RuleSet | MentionRules | None = None,
                  honorifics: frozenset[str] | None = None) -> list[Mention]:
    """Every PERSON/ORG/GPE/LOC/NORP/FAC/EVENT entity of a doc as a `Mention`.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> doc = nlp("Karim Haddad led NLF. Mr. Haddad died.")
    >>> doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 3, 4, "ORG"), Span(doc, 6, 7, "PERSON")]
    >>> [(m.text, m.canonical, m.label) for m in link_mentions(doc)][2]
    ('Haddad', 'Karim Haddad', 'PERSON')
    """
    mr = rules if isinstance(rules, MentionRules) else mention_rules(rules)
    nr = mr.names
    if honorifics:  # older call style: extra titles on top of the rules
        nr = NameRules(**{**nr.__dict__, "honorifics": nr.honorifics | {h.rstrip(".").lower() for h in honorifics}})
    spans = [e for e in doc.ents if e.label_ in MENTION_LABELS]
    items: list[_Item] = []
    text = doc_text(doc)
    # the places the document calls towns ("the city of X"), or a gazetteer knows as cities:
    # a region named like one is another place
    towns = {span.text for span in spans if span.label_ in ("GPE", "LOC")
             and _called_a_city(text, span.start_char, span.end_char)}

    def city(name: str) -> bool:
        return name in towns or is_city(name)
    for span in spans:
        clean = clean_name(span.text, nr) or span.text
        if span.label_ == "PERSON":
            clean = surname_last(clean)
        ruled = None
        if span.label_ not in ("PERSON", "NORP") or span.label_ == "PERSON" and len(span) == 1:
            # "Karamia province" where a city is called Karamia: the province's name
            # (facility_names); "a Jordanian city" names none
            admin = _admin_after(text, span.end_char, nr)
            # ("the Karamia river" is the river's, an extra name: facility_names)
            if admin is not None and city(clean) and nr.admin_units.get(text[span.end_char:admin].split()[-1]) != "water":
                clean = clean_name(text[span.start_char:admin], nr)
                ruled = None if span.label_ in PLACE_TYPES else "GPE"
        acronym = is_acronym(clean)
        key = (acronym_letters(clean).lower(),) if acronym else _key(clean, ruled or span.label_, nr, city)
        # a distinctive title written just before the span is the mention's own
        lead = _title_before(text, span.start_char, nr) if not acronym else ""
        titles = title_classes(lead + span.text, nr=nr) if not acronym else frozenset()
        if lead and len(key) == 1:
            clean = lead + clean
        if len(key) == 1 and titles:
            key = key + tuple(sorted("#" + t for t in titles))  # "Mullah Karim" is a name of its own
        elif len(key) == 1 and not acronym and gender_title(clean, nr):
            key = key + ("#" + gender_title(clean, nr),)  # "Mrs. Osei" is not "Mr. Osei"
        items.append(_Item(span, clean, key, acronym,
                           ruled or rule_label(text, span.start_char, span.end_char, span.label_, mr), titles))

    _namesakes_apart(items, nr)
    groups: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        groups[item.key].append(index)

    def votes_of(key: tuple[str, ...]) -> Counter:
        return Counter(items[i].span.label_ for i in groups[key])

    labels: dict[tuple[str, ...], str] = {}  # a group's vote, counted once

    def group_label(key: tuple[str, ...]) -> str:
        found = labels.get(key)
        if found is None:
            votes = votes_of(key)
            found = labels[key] = max(votes, key=lambda t: (votes[t], -_TYPE_ORDER.index(t)))
        return found

    def words_of(key: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(w for w in key if not w.startswith("#"))

    def titles_of(key: tuple[str, ...]) -> set[str]:
        return {t for i in groups[key] for t in items[i].titles}

    full = [k for k in groups if len(words_of(k)) >= 2 and not all(items[i].acronym for i in groups[k])]
    titled = [k for k in groups if len(words_of(k)) == 1 and len(k) > 1 and not k[-1].startswith("#unit-")]
    target: dict[tuple[str, ...], tuple[str, ...]] = {}
    apart: set[tuple[str, ...]] = set()  # short names the text tells apart from a name they could be

    # one person written two ways in one document ("Yusuf Haddad", "Yousuf Haddad"): one name,
    # under its most frequent spelling
    people = sorted((f for f in full if group_label(f) == "PERSON"), key=lambda f: -len(groups[f]))
    for n, f in enumerate(people):
        if f in target:
            continue
        for g in people[n + 1:]:
            if g not in target and len(g) == len(f) and _same_words(words_of(g), words_of(f), nr) \
                    and not _one_sentence(groups[g], groups[f], items, text):
                target[g] = f
    full = [f for f in full if f not in target]

    # partial names: the one longer name they end, else (people) the one they begin
    for key in groups:
        if key in target:
            continue
        if all(items[i].acronym for i in groups[key]):
            continue
        label = group_label(key)
        own = words_of(key)
        # "Washington" is not "George Washington"; but a word no rule knows as a place, that
        # the model calls one, is the surname of the one person of the document it ends
        place = type_group(label) == "PLACE"
        if place and (len(own) != 1 or len(key) != 1 or _plain_key(items[groups[key][0]].clean) in mr.known_places
                      or any(type_group(items[i].rule_label or "") == "PLACE" or _placed(items[i].span, text)
                             for i in groups[key])):
            continue
        # nor is a word the model calls a place where the text puts it as one ("health centres
        # in X, Y and Z"), however the model typed its other mentions (a headline's "The X leak")
        if not place and len(own) == 1 and len(key) == 1 and any(
                type_group(items[i].span.label_) == "PLACE" and _placed(items[i].span, text) for i in groups[key]):
            continue
        # surnames link to people only: a bare organisation name is not its nested
        # organisations ("Al Shabaab" is not "Somali Al Shabaab")
        cands = [f for f in full if len(f) > len(own) and group_label(f) == "PERSON"
                 and _same_words(words_of(f)[-len(own):], own, nr) and not acronym_first(items[groups[f][0]].clean, nr)]
        # "Faisal" is not "Tariq bin Faisal" (Faisal's son); "bin Hamad" is "Tariq bin Hamad"
        kin = kin_marks(" ".join(words(items[groups[key][0]].clean)), nr)[0] == "kin"
        cands = [f for f in cands if _after_kin(items[groups[f][0]].clean, len(own), nr) == kin]
        if len(key) > len(own):
            # "Mullah Karim" is the one whose full name is written with that title too;
            # a military rank may be added later in a document ("Jane Roe ... Capt. Roe")
            cands = [f for f in cands if titles_of(key) - nr.ranks <= titles_of(f)]
            if key[-1] in _GENDER_KEYS:  # "Mrs. Osei" is not "Mr. Kwame Osei"
                cands = [f for f in cands if _GENDER_KEYS.get(key[-1]) not in _genders(groups[f], items, nr)]
            # of two, the one written with exactly that rank ("Col. X" after "Col. Ana X" and
            # "Lt. Col. Samir X")
            exact = [f for f in cands if titles_of(f) == titles_of(key)]
            if len(cands) > 1 and len(exact) == 1:
                cands = exact
        elif len(own) == 1 and (label == "PERSON" or place):
            # a bare surname may be the titled one-word name too: one more candidate; a
            # gendered one ("Mrs. Osei") only when both genders are written ("Mr. Osei")
            same = [k for k in titled if _same_words(words_of(k), own, nr)]
            genders = {k[-1] for k in same if k[-1] in _GENDER_KEYS}
            if any(_role_before(text, items[i].span.start_char, nr) or _role_after(text, items[i].span.end_char, nr)
                   for i in groups[key]):
                # "Interior Minister Rahman", "Rahman, the interior minister," are not "Gen.
                # Rahman": another title, another man
                if any(k[-1] not in _GENDER_KEYS for k in same):
                    apart.add(key)
                same = [k for k in same if k[-1] in _GENDER_KEYS]
            cands += [k for k in same if k[-1] not in _GENDER_KEYS or len(genders) > 1]
        if not cands and len(own) == 1 and label == "PERSON" and not kin:
            # "Commissioner Galindo", "Mr. Lopez": the first of a double surname (Hispanic
            # names), of the one person of the document who can be it
            cands = _first_surname_of(key, own, full, groups, items, group_label, titles_of, nr)
        if not cands and len(own) == 1 and (label == "PERSON" or place) and len(key) == 1 and not kin:
            # ... or the given name (a word no rule knows as a place: "Wichai denied"); never
            # after a kin particle: "Abu Karim" is Karim's father, "Umm Karim" his mother
            cands = [f for f in full if group_label(f) == "PERSON" and _same_words(f[:1], own, nr)]
        if not cands and len(own) >= 2 and label == "PERSON":
            # "Mr. Abdi Farah" after "Abdi Farah Warsame": the given and the father's name
            cands = [f for f in full if len(words_of(f)) > len(own) and group_label(f) == "PERSON"
                     and _same_words(words_of(f)[:len(own)], own, nr)
                     and nr.suffix_types.get(words_of(f)[-1], "PERSON") == "PERSON"]  # no "X Avenue"
        if not cands and label == "ORG" and len(own) >= 2:
            places = frozenset(words_of(k) for k in groups if type_group(group_label(k)) == "PLACE")
            cands = _national_form(own, [f for f in full if group_label(f) == "ORG"], nr, places)
        # "the Post" after "the Washington Post": the head noun of an institution's name
        # (entity_types.yml, ORG) stands for the one institution of the document it ends
        if not cands and label == "ORG" and len(key) == 1 \
                and nr.suffix_types.get("".join(words(items[groups[key][0]].clean))) == "ORG":
            cands = [f for f in full if group_label(f) == "ORG" and words_of(f)[-1] == own[0]]
        if len(cands) == 1 and _relative_of(groups[key], groups[cands[0]], items, text, mr):
            apart.add(key)
            continue  # "Haddad and his brother Samir Haddad": the model cut another Haddad's name
        if len(cands) == 1 and len(own) == 1 and _introduced_first(groups[key], groups[cands[0]], items, text):
            apart.add(key)
            continue  # "Sutarno, a fisherman, ... the district head, Budi Sutarno": a person of one name
        if len(cands) == 1:
            target[key] = cands[0]

    # acronyms: defined in the text, else the one name whose initials they are
    defined = _definitions(doc, items)
    for key in groups:
        if not all(items[i].acronym for i in groups[key]) or key in full:
            continue
        letters = key[0].upper()
        if letters in defined:
            target[key] = items[defined[letters]].key
            continue
        # the model's label of an acronym is unreliable: any type may expand it
        cands = []
        for f in full:
            pattern = initialism_pattern(items[groups[f][0]].clean, nr)
            if pattern is not None and pattern.fullmatch(letters):
                cands.append(f)
        if len(cands) == 1:
            target[key] = cands[0]

    # "Tarvo Regional Detention Centre of Ostrel (TRDC Ostrel)": the initials and the place
    # name the longer name, whose type they take
    led: set[tuple[str, ...]] = set()
    for short, long in _bracketed_short_names(text, items, nr).items():
        if items[short].key not in target and items[short].key != items[long].key:
            target[items[short].key] = items[long].key
            led.add(items[short].key)

    # "naming the attacker as Abu X ... the attacker, whom it identified as Y Z": a kunya
    # the text gives for the one full name it gives for the same description
    for kunya, name in _named_as(text, items, nr):
        if kunya not in target and name not in target:
            target[kunya] = name

    def root(key: tuple[str, ...]) -> tuple[str, ...]:
        seen = set()
        while key in target and key not in seen:
            seen.add(key)
            key = target[key]
        return key

    members: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for key, indexes in groups.items():
        members[root(key)].extend(indexes)

    canonical: dict[tuple[str, ...], str] = {}
    label_of: dict[tuple[str, ...], str] = {}
    ruled: set[tuple[str, ...]] = set()
    for rkey, indexes in members.items():
        own = groups[rkey]
        # canonical: the longest written form of the full name, then the most frequent
        counts = Counter(items[i].clean for i in own)
        first = {items[i].clean: -n for n, i in reversed(list(enumerate(own)))}
        canonical[rkey] = max(counts, key=lambda c: (len(words(c)), not c.isupper(), counts[c], first[c]))
        rule_votes = Counter(items[i].rule_label for i in indexes if items[i].rule_label and items[i].key not in led)
        if rule_votes:
            label_of[rkey] = max(rule_votes, key=lambda t: (rule_votes[t], -_order(t)))
            ruled.add(rkey)
            continue
        # a shouted word ("PARIS —" datelines) votes half when the name is also written
        # normally, and linked partials vote half: the model saw less of the name
        mixed = any(not items[i].acronym for i in indexes)
        person = Counter(items[i].span.label_ for i in own).most_common(1)[0][0] == "PERSON"
        votes: Counter = Counter()
        for i in indexes:
            if person and items[i].key != rkey and type_group(items[i].span.label_) == "PLACE" or items[i].key in led:
                continue  # a surname the model took for a place says nothing of the person
            weak = (mixed and items[i].acronym) or items[i].key != rkey
            votes[items[i].span.label_] += 0.5 if weak else 1.0
        own_votes = Counter(items[i].span.label_ for i in own)
        label_of[rkey] = max(votes, key=lambda t: (votes[t], own_votes[t], -_order(t)))

    # "X" beside "X Province" in one document is a place, the province or a town named like
    # it (the model often calls an unfamiliar one-word place a person or a body)
    for rkey in members:
        if rkey[-1:] and rkey[-1].startswith("#unit-") and rkey[:-1] in members and rkey[:-1] not in ruled \
                and type_group(label_of[rkey[:-1]]) != "PLACE":
            label_of[rkey[:-1]] = label_of[rkey]
    # a name met once, that no rule types, takes the type of the names it is listed with
    # ("from North Tavria, Selm and South Tavria")
    alone = {rkey for rkey, indexes in members.items() if len(indexes) == 1 and not items[indexes[0]].rule_label}
    if alone:
        labels = [label_of[root(item.key)] for item in items]
        for n, label in _list_labels(text, [(item.span.start_char, item.span.end_char) for item in items],
                                     labels).items():
            if root(items[n].key) in alone:
                label_of[root(items[n].key)] = label

    out = []
    for item in items:
        rkey = root(item.key)
        out.append(Mention(item.span.start_char, item.span.end_char, item.span.text,
                           canonical[rkey], label_of[rkey], typed=rkey in ruled, apart=rkey in apart))
    return branch_mentions(text, out, mr)


_NAMED_AS = (
    # "naming the attacker as", "identified its fighter as", "names gunman as"
    re.compile(r"\b(?:nam|identif|call|describ|refer)\w*\s+(?:to\s+)?(?:(?:the|its|their|his|her)\s+)?"
               r"(?:\w+\s+)?(?P<desc>[a-z]+)\s+as\s+[\"'“‘]?$"),
    # "the attacker, whom it identified as", "the gunman, who police named as"
    re.compile(r"\b[Tt]he\s+(?P<desc>[a-z]+),\s+(?:whom|who)\s+(?:[\w']+\s+){0,4}?"
               r"(?:nam|identif|call|describ)\w*\s+(?:him\s+|her\s+)?as\s+[\"'“‘]?$"),
)


def _named_as(text: str, items: Sequence[_Item], nr: NameRules) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """(kunya key, full name key) pairs a document names one description with: a person
    named as a kunya ("Abu Karim al-Shami") and as one full name of two words or more that
    is no kunya, each after "naming/identifying/calling the NOUN as" or "the NOUN, whom ...
    identified as", with the same NOUN. With two kunyas or two names for a NOUN: none."""
    kunyas: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    names: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for item in items:
        if item.span.label_ != "PERSON" or item.acronym:
            continue
        before = text[max(0, item.span.start_char - 90):item.span.start_char]
        for pattern in _NAMED_AS:
            match = pattern.search(before)
            if match:
                written = words(item.clean)
                if written[:1] and written[0] in nr.kunyas:
                    kunyas[match.group("desc")].add(item.key)
                elif len(item.key) >= 2:
                    names[match.group("desc")].add(item.key)
                break
    return [(next(iter(kunyas[d])), next(iter(names[d]))) for d in kunyas
            if len(kunyas[d]) == 1 and len(names.get(d, ())) == 1]


#: "in X", "from the X": a place, unless X owns something ("in X's killing")
_LOCATIVE = re.compile(r"\b(?:[Ii]n|[Aa]t|[Ff]rom|[Nn]ear|[Ii]nto|[Tt]o|[Aa]cross|[Oo]utside|[Ii]nside|[Aa]round|"
                       r"[Tt]owards?|[Vv]ia|[Tt]hroughout|[Bb]eyond|[Ww]ithin)\s+(?:the\s+)?$")
_POSSESSED = re.compile(r"['’]s?\b")

def _placed(span: Span, text: str) -> bool:
    """The text puts the name where a place goes: after a locative preposition ("in X",
    "near the X"), neither possessed ("in X's case") nor modifying a noun ("in X case")."""
    return bool(_LOCATIVE.search(text, max(0, span.start_char - 24), span.start_char)) \
        and not _POSSESSED.match(text, span.end_char) and not _modifies_noun(span)


def _modifies_noun(span: Span) -> bool:
    """The name modifies a common noun right after it ("in X case", "in X killing")."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].pos_ == "NOUN" and doc[span.end].text.islower()


_LIST_GLUE = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s)\s*$")


def _list_labels(text: str, spans: list[tuple[int, int]], labels: list[str]) -> dict[int, str]:
    """Rule lists: in "A, B and C" every name is of one kind. For each name of a list of
    three names or more whose others all share one type of another kind than its own
    (a region listed with countries stays a region), that type."""
    out: dict[int, str] = {}
    n = 0
    while n < len(spans):
        chain = [n]
        while chain[-1] + 1 < len(spans):
            end, start = spans[chain[-1]][1], spans[chain[-1] + 1][0]
            if not (0 < start - end <= 7 and _LIST_GLUE.fullmatch(" " + text[end:start])):
                break
            chain.append(chain[-1] + 1)
        if len(chain) >= 3:
            for i in chain:
                others = {labels[j] for j in chain if j != i}
                if len(others) == 1 and type_group(labels[i]) != type_group(next(iter(others))):
                    out[i] = next(iter(others))
        n = chain[-1] + 1
    return out


#: Nouns that stand for an organisation named before ("the group's Indian affiliate").
_GROUP_NOUNS = ("group", "organisation", "organization", "network", "movement")
#: Lower-case words that may qualify a branch ("its regional branch"); "main" may not:
#: "the group's main branch" is the group itself.
_BRANCH_QUALIFIERS = frozenset({"regional", "local", "official"})


def branch_mentions(text: str, mentions: list[Mention], mr: MentionRules) -> list[Mention]:
    """Mentions with each branch description the document ties to a name made a
    mention of that name: "the Nasr Front branch", "Nasr Front's West Africa branch",
    "its branch", "the group's Malian affiliate" stand for the one organisation the
    document names whose name holds the parent's name ("Nasr Front in the Sahel"),
    the parent being named ("Nasr Front") or, for "its" and "the
    group's", the organisation named last before. With no such branch, or two, the
    words stay words. The parent's mention inside the description is replaced.

    >>> text = "Nasr Front and Nasr Front in the Sahel; leader of the Nasr Front branch."
    >>> ms = [Mention(0, 10, "Nasr Front", "Nasr Front", "ORG"),
    ...       Mention(15, 38, "Nasr Front in the Sahel", "Nasr Front in the Sahel", "ORG"),
    ...       Mention(54, 64, "Nasr Front", "Nasr Front", "ORG")]
    >>> [(m.text, m.canonical) for m in branch_mentions(text, ms, mention_rules())][-1]
    ('Nasr Front branch', 'Nasr Front in the Sahel')
    """
    if not mr.branch_words or not mentions:
        return mentions
    nr = mr.names
    orgs = {m.canonical: m.label for m in mentions if m.label == "ORG"}
    keys = {c: core_tokens(c, "ORG", nr=nr) for c in orgs}

    def branches_of(parent: str) -> list[str]:
        own = core_tokens(parent, "ORG", nr=nr)
        if not own:
            return []
        return [c for c, key in keys.items() if c != parent and len(key) > len(own)
                and any(_same_words(key[i:i + len(own)], own, nr) for i in range(len(key) - len(own) + 1))]

    found: list[Mention] = []
    for n, mention in enumerate(mentions):
        if mention.label not in ("ORG", "NORP"):
            continue
        # "the Nasr Front branch"
        after = re.match(r"[ \t]+([a-z]+)\b", text[mention.end:])
        if after and after.group(1) in mr.branch_words and text[:mention.start].rstrip().lower().endswith(" the") \
                or after and after.group(1) in mr.branch_words and text[:mention.start].rstrip().lower() == "the":
            end = mention.end + after.end()
            found.extend(_branch(mention, mention.start, end, text, branches_of(mention.canonical), orgs))
            continue
        # "Nasr Front's West Africa branch"
        end = _branch_end(text, mention.end, mr, possessive=True)
        if end is not None:
            found.extend(_branch(mention, mention.start, end, text, branches_of(mention.canonical), orgs))
    # "its West Africa branch", "the group's Malian affiliate": the organisation named last
    pattern = r"\b(?:[Ii]ts|the (?:" + "|".join(_GROUP_NOUNS) + r")['’]s)(?=[ \t])"
    starts = [m.start for m in mentions]
    for match in re.finditer(pattern, text):
        end = _branch_end(text, match.end(), mr, possessive=False)
        if end is None:
            continue
        before = [m for m in mentions[:bisect.bisect_left(starts, match.start())] if m.label in ("ORG", "NORP")]
        if before:
            found.extend(_branch(before[-1], match.start(), end, text, branches_of(before[-1].canonical), orgs))
    if not found:
        return mentions
    inside = [(m.start, m.end) for m in found]
    kept = [m for m in mentions if not any(a <= m.start and m.end <= b for a, b in inside)]
    return sorted(kept + found, key=lambda m: m.start)


def _branch_end(text: str, at: int, mr: MentionRules, *, possessive: bool) -> int | None:
    """The end of "['s] [Capitalized or regional words] branch" at `at`, or None."""
    rest = text[at:at + 80]
    if possessive:
        own = re.match(r"['’]s\b", rest)
        if own is None:
            return None
        rest, at = rest[own.end():], at + own.end()
    end = 0
    for n, word in enumerate(re.finditer(r"[ \t]+([A-Za-z][\w-]*)", rest)):
        if word.start() != end or n > 3:
            return None
        end = word.end()
        if word.group(1) in mr.branch_words:
            return at + end
        if not (word.group(1)[:1].isupper() or word.group(1) in _BRANCH_QUALIFIERS):
            return None
    return None


def _branch(parent: Mention, start: int, end: int, text: str, branches: list[str],
            orgs: dict[str, str]) -> list[Mention]:
    if len(branches) != 1:
        return []  # no branch of the parent named, or two: the words stay words
    return [Mention(start, end, text[start:end], branches[0], orgs[branches[0]], description=True)]


def _national_form(own: tuple[str, ...], orgs: list[tuple[str, ...]], nr: NameRules,
                   places: frozenset[tuple[str, ...]] = frozenset()) -> list[tuple[str, ...]]:
    """The organisation a name of two words or more shortens by dropping the country in
    front ("the Sea Rescue Society" after "the Danish Sea Rescue Society"), or a place the
    document names ("the Provincial Council" after "the Karsa Provincial Council"): none
    when another organisation of the document holds the name too ("the Federation of Sea
    Rescue Societies"), and never a one-word name ("Brigade" is not "Danish Brigade")."""
    holders = [f for f in orgs if len(f) > len(own)
               and any(_same_words(f[i:i + len(own)], own, nr) for i in range(len(f) - len(own) + 1))]
    national = [f for f in holders if _same_words(f[len(f) - len(own):], own, nr)
                and (len(f) == len(own) + 1 and f[:1] in nr.countries or f[:len(f) - len(own)] in places)]
    return national if len(holders) == 1 else []


def _namesakes_apart(items: list[_Item], nr: NameRules) -> None:
    """A vessel or a company and the person it is named after ("the MV Julius Nyerere" and
    "Julius Nyerere was president"): the person's mentions get a key of their own
    (`resolve.named_after` says the same across documents). The vessel's name written
    without its prefix is still the vessel where it reads as one: after "the", before a
    noun or a gerund ("in Ostra Vela sinking") or in a Title Case line ("Ostra Vela
    Death Toll")."""
    marks = {n: kind_mark(" ".join(words(item.clean)), nr) for n, item in enumerate(items) if not item.acronym}
    marked = {items[n].key for n, mark in marks.items() if mark}
    for n, item in enumerate(items):
        span = item.span
        doc = span.doc
        after = doc[span.end] if span.end < len(doc) else None
        if span.start > 0 and doc[span.start - 1].lower_ == "the" or _modifies_noun(span) \
                or after is not None and (after.text[:1].isupper() or after.tag_ == "VBG"):
            continue
        if item.key in marked and not marks.get(n) and item.span.label_ == "PERSON" and not item.acronym:
            items[n] = _Item(item.span, item.clean, item.key + ("#namesake",), item.acronym, item.rule_label,
                             item.titles)


def _first_surname_of(key: tuple[str, ...], own: tuple[str, ...], full: list[tuple[str, ...]],
                      groups: dict, items: Sequence[_Item], group_label: Callable[[tuple[str, ...]], str],
                      titles_of: Callable[[tuple[str, ...]], set[str]], nr: NameRules) -> list[tuple[str, ...]]:
    """The one full name of a document whose first surname a one-word name is: the
    next-to-last word of a person's name of three words or more ("Galindo" of "Hugo
    Galindo Ferrer"), written with the one-word name's distinctive title if it has one
    ("Commissioner Galindo" after "Commissioner Hugo Galindo Ferrer"); [] when any other
    name of the document, whatever its type (the model often calls people places or
    bodies), has the word, or when the word follows a kin particle ("bin Faisal Saud")."""
    def has(f: tuple[str, ...]) -> bool:
        return any(_same_words((w,), own, nr) for w in words_of(f))

    def words_of(f: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(w for w in f if not w.startswith("#"))
    holders = [f for f in full if has(f)]
    titles = titles_of(key)
    if titles:  # "Commissioner Galindo" is the one written so, not any Galindo
        holders = [f for f in holders if titles_of(f) == titles]
    cands = [f for f in holders if group_label(f) == "PERSON" and len(words_of(f)) >= 3
             and _same_words(words_of(f)[-2:-1], own, nr)
             and not _after_kin(items[groups[f][0]].clean, 2, nr)]
    if len(cands) != 1 or len(holders) != 1:
        return []
    if key[-1] in _GENDER_KEYS and _GENDER_KEYS[key[-1]] in _genders(groups[cands[0]], items, nr):
        return []
    return cands


def _one_sentence(a: list[int], b: list[int], items: Sequence[_Item], text: str) -> bool:
    """Whether two names are written in one sentence ("Rashid Karimi, a witness, and Rashad
    Karimi, his cousin"): two people, however alike their spellings."""
    for i in a:
        for j in b:
            x, y = sorted((items[i].span, items[j].span), key=lambda span: span.start)
            if x.doc.has_annotation("SENT_START"):
                if x.sent.start == y.sent.start:
                    return True
            elif not re.search(r"[.!?]\s|\n", text[x.end_char:y.start_char]):
                return True
    return False


def _role_before(text: str, start: int, nr: NameRules) -> bool:
    """Whether a title that is no distinctive one and says no gender is written right
    before a mention ("Minister" of "Interior Minister Rahman")."""
    match = re.search(r"(?:^|[\s(\"“])([A-Z][A-Za-z.]+)[ \t]+$", text[max(0, start - 24):start])
    word = "".join(words(match.group(1))) if match else ""
    return word in nr.honorifics and word not in nr.distinctive and word not in nr.gendered


#: the first words of an apposition after a name: ", the interior minister,"
_APPOSITION_WORDS = re.compile(r",[ \t]+(?:the[ \t]+|an?[ \t]+)?([A-Za-z-]+)(?:[ \t]+([A-Za-z-]+))?(?:[ \t]+([A-Za-z-]+))?")


def _role_after(text: str, end: int, nr: NameRules) -> bool:
    """Whether an apposition right after a mention names a role by a title that is no
    distinctive one and says no gender ("Rahman, the interior minister,"): the role of
    a civilian, never the general or the mullah of that name."""
    match = _APPOSITION_WORDS.match(text, end)
    if not match:
        return False
    for word in match.groups():
        key = "".join(words(word or ""))
        if key in nr.honorifics and key not in nr.distinctive and key not in nr.gendered:
            return True
    return False


def _after_kin(clean: str, tail: int, nr: NameRules) -> bool:
    """Whether the last `tail` words of a name follow a kin particle ("bin Faisal")."""
    ws = [w for w in words(clean) if w not in nr.articles]
    return len(ws) > tail and ws[-tail - 1] in nr.kin_particles


#: the key words of gendered one-word names (`link_mentions`), each with the other gender
_GENDER_KEYS = {"#female": "male", "#male": "female"}


def _genders(indexes: list[int], items: Sequence[_Item], nr: NameRules) -> set[str]:
    """The genders the titles of some mentions say ("Mr. Kwame Osei": male)."""
    out = set()
    for i in indexes:
        ws = words(items[i].span.text)
        if len(ws) > 1 and ws[0] in nr.gendered:
            out.add(nr.gendered[ws[0]])
    return out


#: a kinship noun right before a name: "and his brother Samir Haddad", "her son, Ali"
_KIN_BEFORE = re.compile(r"\b(\w[\w-]*)\s*,?\s*$")


def _relative_of(partial: list[int], full: list[int], items: Sequence[_Item], text: str,
                 mr: MentionRules) -> bool:
    """Whether a partial name comes before the full name in one sentence that calls the full
    name's bearer a relative ("Haddad and his brother Samir Haddad", "Osei, whose wife Ama
    Osei"): a name's short form follows it, so the partial is another member of the family."""
    for i in partial:
        a = items[i].span
        for j in full:
            b = items[j].span
            if b.start_char <= a.end_char or "\n" in text[a.end_char:b.start_char] \
                    or (a.doc.has_annotation("SENT_START") and a.sent.start != b.sent.start):
                continue
            kin = _KIN_BEFORE.search(text, max(a.end_char, b.start_char - 30), b.start_char)
            if kin and kin.group(1).lower() in mr.kinship:
                return True
    return False


#: an apposition that introduces a person at first reference: ", a fisherman", ", 52,"
_INTRODUCED = re.compile(r",[ \t]+(?:an?[ \t]|\d{1,3}[ \t]*,)")


def _introduced_first(partial: list[int], full: list[int], items: Sequence[_Item], text: str) -> bool:
    """Whether a one-word name is introduced, with an apposition, before the document first
    writes the full name it could be part of ("Sutarno, a 52-year-old fisherman, ... the
    district head, Budi Sutarno"): news introduces a person by the full name, so the one
    word is that person's whole name (a single-name person), not the other's surname."""
    first = min(partial, key=lambda i: items[i].span.start_char)
    span = items[first].span
    return span.start_char < min(items[j].span.start_char for j in full) \
        and bool(_INTRODUCED.match(text, span.end_char))


def _same_words(a: tuple[str, ...], b: tuple[str, ...], nr: NameRules) -> bool:
    """Word by word, spellings of one name (transliterated): "rashid" ~ "rasheed"."""
    return len(a) == len(b) and all(x == y or token_cost(x, y, nr) != INFINITE for x, y in zip(a, b))


def _title_before(text: str, start: int, nr: NameRules) -> str:
    """A distinctive title right before a mention ("Mullah " of "Mullah Karim" when the
    model left the title out of the span; "Superintendent " of "Superintendent of Police
    Karim"), or ""."""
    match = re.search(r"(?:^|[\s(\"“])([A-Z][A-Za-z.]+)[ \t]+(?:of[ \t]+Police[ \t]+)?$",
                      text[max(0, start - 34):start])
    if match and "".join(words(match.group(1))) in nr.distinctive \
            and not capital_acronym(match.group(1), text[start:start + 30], nr):
        return match.group(1) + " "
    return ""


def _order(label: str) -> int:
    return _TYPE_ORDER.index(label) if label in _TYPE_ORDER else len(_TYPE_ORDER)


_NOT_A_FACILITY = frozenset({"city", "town", "cities", "towns"})  # "the Bergen port city"


def facility_names(text: str, mentions: Sequence[Mention], mr: MentionRules) -> list[Mention]:
    """Facilities named by a place and a facility word (`entity_types.yml`, FAC):
    "Bergen port", "Bergen's port", "the port of Bergen" name the port (FAC), never
    the city. They are extra names, not entity mentions: the place's mention stays the
    place's ("the Bergen port blast" happened in Bergen). A place written with its
    administrative word in lower case ("Bergen province", "Bergen city") is one more
    spelling of the place itself (its canonical and type), unless the word begins the
    name of a body ("the Bergen district council").

    >>> text = "the blast at Bergen's port"
    >>> [(m.text, m.label) for m in facility_names(text, [Mention(13, 19, "Bergen", "Bergen", "GPE")],
    ...                                             mention_rules())]
    [("Bergen's port", 'FAC')]
    """
    facility = {w for w, label in mr.names.suffix_types.items() if label == "FAC"}
    # the places the document calls towns ("the city of X", "X, the provincial capital"): one
    # more name "X city" for each, which a "X Province" of the run is not (`resolve.unit_differs`)
    out = []
    towns = set()
    for mention in mentions:
        if mention.label in ("GPE", "LOC") and _called_a_city(text, mention.start, mention.end) \
                and not words(mention.canonical)[-1:] in [[w] for w in mr.names.admin_words]:
            towns.add(mention.text)
            out.append(Mention(mention.start, mention.end, mention.text, f"{mention.canonical} city", mention.label))
    for mention in mentions:
        end = _admin_after(text, mention.end, mr.names) if mention.label != "PERSON" else None
        if end is not None and mr.names.admin_units.get(text[mention.end:end].split()[-1]) == "water":
            # "the Velna river": the river's name (LOC), whatever the model took "Velna" for; the
            # mention stays a bare name (`resolve.unit_differs` tells the river from the region)
            out.append(Mention(mention.start, end, text[mention.start:end], text[mention.start:end], "LOC"))
            continue
        if mention.label in ("ORG", "FAC", "PERSON") or mention.label == "NORP" \
                and mention.text.strip().lower() not in mr.demonyms:
            # "the Sarvesh temple": a name the model took for a body, a building, a person or
            # (no demonym) a people, and a facility word in lower case after it, name the facility
            follow = re.match(r"[ \t]+([a-z]+)\b", text[mention.end:mention.end + 20])
            if follow and follow.group(1) in facility and follow.group(1) not in mr.names.admin_words:
                end = mention.end + follow.end(1)
                kind = mr.names.facility_class.get(follow.group(1))
                name = f"{mention.text} {kind}" if kind else text[mention.start:end]
                out.append(Mention(mention.start, end, text[mention.start:end], name, "FAC"))
            continue
        if mention.label not in ("GPE", "LOC"):
            continue
        # "Karamia province", "Karamia city": the place named with its administrative word
        # (the spelling of the mention's name, `link_mentions`; never a name of its own)
        end = _admin_after(text, mention.end, mr.names)
        if end is not None:
            out.append(Mention(mention.start, end, text[mention.start:end], mention.canonical, mention.label,
                               covers=mr.names.admin_units.get(text[mention.end:end].split()[-1]) != "city"
                               and (mention.text in towns or is_city(mention.text))))
            continue
        follow = re.match(r"(?:['’]s)?[ \t]+([A-Za-z]+)(?:[ \t]+([A-Za-z]+))?(?:[ \t]+([A-Za-z]+))?",
                          text[mention.end:mention.end + 40])
        if follow:
            # "Bergen port"; "the Karsa coal mine" (a lower-case word of what it yields first)
            word = 1 if follow.group(1).lower() in facility else \
                2 if (follow.group(2) or "").lower() in facility and follow.group(1).islower() \
                and follow.group(1) not in mr.names.stopwords else 0
            if word and (follow.group(word + 1) or "").lower() not in _NOT_A_FACILITY:
                end = mention.end + follow.end(word)
                kind = mr.names.facility_class.get(follow.group(word).lower())
                name = f"{mention.text} {kind}" if kind else text[mention.start:end]
                out.append(Mention(mention.start, end, text[mention.start:end], name, "FAC"))
                continue
        # "the state of Karamia" where a city is called Karamia: the region, one name with
        # "Karamia state" (a region written so where no city has the name is the place itself)
        region = re.search(r"\b([a-z]+)[ \t]+of[ \t]+$", text[max(0, mention.start - 20):mention.start])
        if region and mr.names.admin_units.get(region.group(1)) in ("region", "district") \
                and (mention.text in towns or is_city(mention.text)):
            start = mention.start - len(region.group(0))
            out.append(Mention(start, mention.end, text[start:mention.end], f"{mention.canonical} {region.group(1)}",
                               mention.label))
            continue
        before = re.search(r"\b([A-Za-z]+)[ \t]+of[ \t]+$", text[max(0, mention.start - 20):mention.start])
        if before and before.group(1).lower() in facility:
            start = mention.start - len(before.group(0))
            out.append(Mention(start, mention.end, text[start:mention.end], text[start:mention.end], "FAC"))
    return out


@Language.factory("factx_mentions", default_config={"rules_dir": None},
                  requires=["doc.ents"], assigns=["doc._.mentions"])
def make_mentions(nlp: Language, name: str, rules_dir: str | None):
    rules = mention_rules(load_rules(rules_dir))

    def mentions_component(doc: Doc) -> Doc:
        doc._.mentions = link_mentions(doc, rules=rules)
        doc._.facilities = facility_names(doc_text(doc), doc._.mentions, rules)
        return doc

    return mentions_component
