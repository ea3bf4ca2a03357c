"""Name normalization: folding, particles, honorifics, transliteration keys.

Everything here is pure, typed and light (stdlib and the rule loader only): the
query commands import it through `factx.resolve` and must not pull in spaCy.

Vocabulary:

- *fold*: the case/accent/punctuation/honorific-insensitive lookup key of a name
  (``fold("Mr. Haddad’s") == "haddad"``).
- *core tokens*: the words that identify a name once honorifics, possessives, a
  leading "the", name particles (al-, bin, abu ...) and, for places, an
  administrative word ("Province") are dropped, each in transliteration form
  (``core_tokens("Abu Bakr al-Baghdadi", "PERSON") == ("bakr", "baghdadi")``).
- *skeleton*: the consonants of a transliterated token; vowels are where
  transliterations of Arabic, Persian and Urdu names differ most.
- *token cost*: how far apart two transliterated tokens are under the rules of
  `rules/transliteration.yml` (vowel classes, interchangeable consonants).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from factx.rules import RuleSet, load_rules

#: Entity types that name places; they are compared with each other.
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})

#: A cost meaning "these tokens are different names".
INFINITE = float("inf")

_VOWELS = frozenset("aeiou")
_APOSTROPHES = dict.fromkeys(map(ord, "’‘ʼʻʹ`´ʾʿ′"), "'")
_DASHES = dict.fromkeys(map(ord, "‐‑‒–—―"), "-")
_POSSESSIVE = re.compile(r"(?:'s|s')$|'$", re.IGNORECASE)
# the dots of a dotted abbreviation ("U.S.", "U.S") go, so that it folds like "US"
_DOTTED = re.compile(r"\b(?:[a-z]\.)+[a-z]\b\.?")
_INNER_POSSESSIVE = re.compile(r"(?<=\w)'s\b")
_DOUBLE = re.compile(r"(.)\1+")
_DOUBLE_CONSONANT = re.compile(r"([^aeiou])\1+")
_SPLIT = re.compile(r"[\s\-_/]+")
_NON_WORD = re.compile(r"[^\w\s\-']+")
_CLOSED_PARTICLE = re.compile(r"\b(Al|El|Ul|Bin|Ibn|Abu|Abd|Bel|Ben)(?=[A-Z][a-z])")
_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z][A-Za-z]{0,2}[A-Z](?:'?s)?$|^[A-Z]{2,6}$")


def type_group(entity_type: str) -> str:
    """The comparison group of an entity type: places compare with places.

    >>> type_group("LOC"), type_group("PERSON")
    ('PLACE', 'PERSON')
    """
    return "PLACE" if entity_type in PLACE_TYPES else entity_type


@dataclass(frozen=True)
class NameRules:
    """The rule data the name functions use, taken from a `RuleSet` once."""

    honorifics: frozenset[str] = frozenset()
    honorific_types: dict[str, str] = field(default_factory=dict)
    particles: frozenset[str] = frozenset()
    admin_words: frozenset[str] = frozenset()
    suffix_types: dict[str, str] = field(default_factory=dict)
    rewrites: tuple[tuple[re.Pattern[str], str], ...] = ()
    consonants: frozenset[frozenset[str]] = frozenset()
    vowels: frozenset[frozenset[str]] = frozenset()
    initial_vowels: frozenset[frozenset[str]] = frozenset()
    generational: frozenset[str] = frozenset()
    coarse: dict[int, str] = field(default_factory=dict)  # str.translate table for block keys
    stopwords: frozenset[str] = frozenset({"the", "of", "in", "for", "and", "on", "at", "to", "de", "du", "la"})

    def __hash__(self) -> int:  # identity: one instance per RuleSet version
        return id(self)


def _pairs(items: Iterable[str]) -> frozenset[frozenset[str]]:
    # "qk" -> {q, k}: each item names letters that may replace each other
    out = set()
    for item in items:
        letters = item.replace(" ", "")
        for i, a in enumerate(letters):
            for b in letters[i + 1:]:
                out.add(frozenset((a, b)))
    return frozenset(out)


_RULES_CACHE: dict[str, NameRules] = {}


def name_rules(rules: RuleSet | None = None) -> NameRules:
    """The `NameRules` of a rule set (the shipped rules by default); cached per version.

    >>> "mr" in name_rules().honorifics
    True
    """
    rules = rules if rules is not None else load_rules()
    cached = _RULES_CACHE.get(rules.version)
    if cached is not None:
        return cached
    honorifics: set[str] = set()
    honorific_types: dict[str, str] = {}
    for rule in rules.get("honorifics"):
        for word in rule["words"]:
            key = _NON_WORD.sub("", _plain(word))
            honorifics.add(key)
            if rule.get("type"):
                honorific_types[key] = rule["type"]
    suffix_types: dict[str, str] = {}
    admin: set[str] = set()
    for rule in rules.get("entity_types"):
        for word in rule.get("suffixes", ()):
            suffix_types[_plain(word)] = rule["label"]
            if rule["label"] in PLACE_TYPES:
                admin.add(_plain(word))
    rewrites: list[tuple[re.Pattern[str], str]] = []
    consonants: list[str] = []
    vowels: list[str] = []
    initial: list[str] = []
    generational: set[str] = set()
    for rule in rules.get("transliteration"):
        for pattern, replacement in (rule.get("rewrites") or {}).items():
            rewrites.append((re.compile(pattern), str(replacement)))
            if re.fullmatch(r"[a-z]+", pattern):
                _LITERALS[pattern] = pattern
        consonants.extend(rule.get("consonants", ()))
        vowels.extend(rule.get("vowels", ()))
        initial.extend(rule.get("initial_vowels", ()))
        generational.update(_NON_WORD.sub("", _plain(w)) for w in rule.get("generational", ()))
    # block keys merge every class transitively (q~k and q~g put g, k, q in one block)
    groups: list[set[str]] = []
    for item in consonants:
        letters = set(item.replace(" ", ""))
        for group in [g for g in groups if g & letters]:
            letters |= group
            groups.remove(group)
        groups.append(letters)
    coarse = {ord(c): min(group) for group in groups for c in group}
    result = NameRules(
        coarse=coarse,
        honorifics=frozenset(honorifics), honorific_types=honorific_types,
        particles=frozenset(_plain(w).strip("-") for w in rules.words("particles")),
        admin_words=frozenset(admin), suffix_types=suffix_types,
        rewrites=tuple(rewrites), consonants=_pairs(consonants), vowels=_pairs(vowels),
        initial_vowels=_pairs(initial), generational=frozenset(generational))
    _RULES_CACHE[rules.version] = result
    return result


# --------------------------------------------------------------------------- folding

@lru_cache(maxsize=262144)
def _plain(text: str) -> str:
    """Lowercase ASCII-ish text: accents removed, curly apostrophes and dashes straightened."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES).translate(_DASHES))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.lower()


def _undot(text: str) -> str:
    return _DOTTED.sub(lambda m: m.group(0).replace(".", ""), text) if "." in text else text


def strip_possessive(text: str) -> str:
    """A name without its possessive ending.

    >>> strip_possessive("Haddad’s"), strip_possessive("NLF’")
    ('Haddad', 'NLF')
    """
    text = text.strip()
    plain = text.translate(_APOSTROPHES)
    match = _POSSESSIVE.search(plain)
    if match and match.start() > 0:
        cut = match.start() + (1 if plain[match.start():].lower() == "s'" else 0)
        return text[:cut].rstrip()
    return text


def words(name: str) -> list[str]:
    """The lowercase words of a name: hyphens split, punctuation and apostrophes dropped.

    >>> words("Abu Bakr al-Baghdadi’s")
    ['abu', 'bakr', 'al', 'baghdadi']
    """
    plain = _undot(_plain(strip_possessive(name)).translate(_APOSTROPHES))
    plain = _NON_WORD.sub(" ", _INNER_POSSESSIVE.sub("", plain)).replace("'", "")
    return [w for w in _SPLIT.split(plain) if w]


def strip_titles(tokens: list[str], nr: NameRules) -> list[str]:
    """Tokens without leading honorifics and ranks (at least one token is kept).

    >>> strip_titles(["col", "jane", "roe"], name_rules())
    ['jane', 'roe']
    """
    i = 0
    while i < len(tokens) - 1 and tokens[i] in nr.honorifics:
        i += 1
    return tokens[i:]


def fold(name: str, rules: RuleSet | None = None, *, nr: NameRules | None = None) -> str:
    """The lookup key of a name: case, accents, punctuation, possessives, honorifics
    and a leading "the" do not matter; particles are kept as words.

    >>> fold("Mr. Haddad’s"), fold("Al-Shabaab"), fold("the  Greater Sahara")
    ('haddad', 'al shabaab', 'greater sahara')
    """
    nr = nr or name_rules(rules)
    tokens = words(name)
    if len(tokens) > 1 and tokens[0] == "the":
        tokens = tokens[1:]
    return " ".join(strip_titles(tokens, nr))


# ---------------------------------------------------------------- transliteration

_LITERALS: dict[str, str] = {}  # rewrite patterns that are plain letters


@lru_cache(maxsize=262144)
def _translit(token: str, nr: NameRules) -> str:
    token = _DOUBLE_CONSONANT.sub(r"\1", token)  # before "yy" or "ww" meet the rewrites
    for pattern, replacement in nr.rewrites:
        literal = _LITERALS.get(pattern.pattern)
        if literal is not None:
            if literal in token:  # plain letters: str.replace is much cheaper than re
                token = token.replace(literal, replacement)
        else:
            token = pattern.sub(replacement, token)
    # doubled letters carry no information across transliterations (Qaddafi/Qadafi)
    return _DOUBLE.sub(r"\1", token)


def translit(token: str, rules: RuleSet | None = None) -> str:
    """A token in transliteration form: rewrites of `rules/transliteration.yml`
    applied and doubled letters collapsed.

    >>> translit("mansoor"), translit("qaddafi"), translit("husayn")
    ('mansur', 'qadafi', 'husain')
    """
    return _translit(token, name_rules(rules))


def _split_vowels(token: str) -> tuple[str, list[str]]:
    """Consonant skeleton and the vowel groups around it (len(skeleton) + 1 groups)."""
    skeleton: list[str] = []
    groups: list[str] = [""]
    for char in token:
        if char in _VOWELS:
            groups[-1] += char
        else:
            skeleton.append(char)
            groups.append("")
    return "".join(skeleton), groups


def block_key(token: str, nr: NameRules | None = None) -> str:
    """The vowel-folded phonetic key of a transliterated token, for blocking.

    Interchangeable consonants (`consonants` of `rules/transliteration.yml`, taken
    transitively) share one letter, vowels are dropped; tokens of vowels only share
    the key "~".

    >>> block_key("yusuf") == block_key("yousef"), block_key("gadafi") == block_key("kadafi")
    (True, True)
    """
    return _block_key(token, nr or name_rules())


@lru_cache(maxsize=262144)
def _block_key(token: str, nr: NameRules) -> str:
    skeleton, _ = _split_vowels(token)
    return skeleton.translate(nr.coarse) if skeleton else "~"


def token_cost(a: str, b: str, nr: NameRules) -> float:
    """How far apart two transliterated tokens are; `INFINITE` when they are different names.

    Rules (from `rules/transliteration.yml`): the consonant skeletons must have the
    same length, letter by letter equal or interchangeable (q~k); a vowel may
    change within its class (o~u, e~i, a~e) for free, and the first vowel of a
    token only within the strict initial classes (Usman~Osman; not Usman~Asman nor
    Patterson~Peterson);
    other vowel changes cost 1 and an inserted vowel inside the word 0.5 (Rahman~
    Rahaman). Short skeletons allow nothing beyond the free changes.

    >>> nr = name_rules()
    >>> token_cost("usman", "osman", nr), token_cost("usman", "asman", nr)
    (0.0, inf)
    """
    if a == b:
        return 0.0
    sa, ga = _split_vowels(a)
    sb, gb = _split_vowels(b)
    if len(sa) != len(sb):
        return INFINITE
    for x, y in zip(sa, sb):
        if x != y and frozenset((x, y)) not in nr.consonants:
            return INFINITE
    cost = 0.0
    last = len(ga) - 1
    # the first vowel of the word only changes within the strict classes
    first = next((i for i, (g1, g2) in enumerate(zip(ga, gb)) if g1 and g2), 0)
    for i, (g1, g2) in enumerate(zip(ga, gb)):
        if g1 == g2:
            continue
        if not g1 or not g2:
            # epenthesis: one vowel inserted between consonants inside the word
            if i in (0, last) or len(g1 or g2) != 1:
                return INFINITE
            cost += 0.5
        elif len(g1) == len(g2):
            classes = nr.initial_vowels if i <= first else nr.vowels
            for c1, c2 in zip(g1, g2):
                if c1 != c2 and frozenset((c1, c2)) not in classes:
                    if i <= first:
                        return INFINITE
                    cost += 1.0
        else:
            if i <= first:
                return INFINITE
            cost += 1.0
    budget = 0.0 if len(sa) <= 3 else 1.0
    return cost if cost <= budget else INFINITE


def tokens_match(a: str, b: str, nr: NameRules) -> bool:
    """Whether two transliterated tokens may spell the same name.

    >>> nr = name_rules()
    >>> tokens_match("rahman", "rahaman", nr), tokens_match("hamid", "hamad", nr)
    (True, False)
    """
    return token_cost(a, b, nr) != INFINITE


# ------------------------------------------------------------------- core tokens

def core_tokens(name: str, entity_type: str = "", rules: RuleSet | None = None,
                *, nr: NameRules | None = None) -> tuple[str, ...]:
    """The identifying words of a name, in transliteration form.

    Dropped: honorifics (people only), a leading "the", possessives, name particles
    (al-, bin, abu ...; a leading space-separated "Al" of a two-word person name is
    a given name, as in "Al Gore"), and a trailing administrative word of a place.

    >>> core_tokens("Mr. Karim Haddad’s", "PERSON"), core_tokens("al-Shabaab", "ORG")
    (('karim', 'hadad'), ('shabab',))
    >>> core_tokens("Kunduz Province", "GPE")
    ('kunduz',)
    """
    nr = nr or name_rules(rules)
    return _core(name, entity_type, nr)


@lru_cache(maxsize=262144)
def _core(name: str, entity_type: str, nr: NameRules) -> tuple[str, ...]:
    # a particle written closed up before a capital is a word of its own ("ElBaradei")
    name = _CLOSED_PARTICLE.sub(r"\1 ", name)
    raw = _undot(_plain(strip_possessive(name)).translate(_APOSTROPHES))
    raw = _NON_WORD.sub(" ", _INNER_POSSESSIVE.sub("", raw)).replace("'", "")
    parts = [p for p in re.split(r"\s+", raw) if p]
    # remember which words were joined by a hyphen to the next one ("al-Shabaab")
    tokens: list[tuple[str, bool]] = []
    for part in parts:
        pieces = [p for p in part.split("-") if p]
        for j, piece in enumerate(pieces):
            tokens.append((piece, j < len(pieces) - 1))
    if len(tokens) > 1 and tokens[0][0] == "the":
        tokens = tokens[1:]
    if entity_type in ("PERSON", ""):
        while len(tokens) > 1 and tokens[0][0] in nr.honorifics:
            tokens = tokens[1:]
    if entity_type in PLACE_TYPES and len(tokens) > 1 and tokens[-1][0] in nr.admin_words:
        tokens = tokens[:-1]
    kept: list[str] = []
    for i, (word, hyphened) in enumerate(tokens):
        if word in nr.particles and i < len(tokens) - 1:
            # "Al Gore": a leading, space-separated Al before one more word is a given name
            if entity_type == "PERSON" and i == 0 and not hyphened and len(tokens) == 2:
                kept.append(word)
            continue
        kept.append(word)
    if not kept:
        kept = [w for w, _ in tokens]
    return tuple(_translit(w, nr) for w in kept)


def is_acronym(text: str) -> bool:
    """Whether a mention is written as an acronym (NLF, U.S., NLF’, MoD).

    >>> is_acronym("NLF’"), is_acronym("U.S."), is_acronym("Haddad"), is_acronym("PARIS")
    (True, True, False, True)
    """
    text = strip_possessive(text.strip()).translate(_APOSTROPHES)
    return bool(_ACRONYM.match(text))


def acronym_letters(text: str) -> str:
    """The letters of an acronym, uppercase (``"U.S." -> "US"``)."""
    return "".join(c for c in strip_possessive(text) if c.isalpha()).upper()


def initialism_pattern(name: str, nr: NameRules | None = None) -> re.Pattern[str] | None:
    """A regular expression matching the acronyms a multi-word name may have.

    Content words give their initial; stop words (of, in, the) and particles (al)
    may give theirs or not ("National Liberation Front" -> NLF).

    >>> bool(initialism_pattern("Islamic State in the Greater Sahara").fullmatch("ISGS"))
    True
    """
    nr = nr or name_rules()
    tokens = words(name)
    if len(tokens) > 1 and tokens[0] == "the":
        tokens = tokens[1:]
    if len(tokens) < 2:
        return None
    parts = []
    for token in tokens:
        letter = re.escape(token[0].upper())
        optional = token in nr.stopwords or token in nr.particles or len(token) == 1
        parts.append(f"{letter}?" if optional else letter)
    return re.compile("".join(parts))


# -------------------------------------------------------------------- house style

def house_style_key(name: str, entity_type: str = "", rules: RuleSet | None = None,
                    *, nr: NameRules | None = None) -> tuple[str, ...]:
    """The words of a name once house style is set aside: case, accents, hyphens,
    apostrophes, a possessive, a leading "the", honorifics (people) and the name
    particles of `rules/particles.yml` (al-, Al , el-, bin ...) do not matter.
    Spelling is kept as written: no transliteration form.

    >>> house_style_key("Al Nasr Front") == house_style_key("al-Nasr Front’s")
    True
    >>> house_style_key("Mr. Yusuf", "PERSON"), house_style_key("al-Nasir")
    (('yusuf',), ('nasir',))
    """
    return _house_style_key(name, entity_type, nr or name_rules(rules))


@lru_cache(maxsize=262144)
def _house_style_key(name: str, entity_type: str, nr: NameRules) -> tuple[str, ...]:
    tokens = words(_CLOSED_PARTICLE.sub(r"\1 ", name))
    if len(tokens) > 1 and tokens[0] == "the":
        tokens = tokens[1:]
    if entity_type in ("PERSON", ""):
        tokens = strip_titles(tokens, nr)
    kept = tuple(t for t in tokens if t not in nr.particles)
    return kept or tuple(tokens)


def differ_only_by_house_style(a: str, b: str, entity_type: str = "",
                               rules: RuleSet | None = None, *, nr: NameRules | None = None) -> bool:
    """Whether two spellings of a name differ only by house style (case, hyphens,
    apostrophes, the particle al-/Al /el-), not by a letter of the name itself.

    >>> differ_only_by_house_style("Al Nasr", "al-Nasr"), differ_only_by_house_style("Al Nasr", "al-Nasir")
    (True, False)
    """
    nr = nr or name_rules(rules)
    return _house_style_key(a, entity_type, nr) == _house_style_key(b, entity_type, nr)
