"""Descriptions of institutions: "Norway's intelligence agency" as a key.

News often names a source by description instead of by name: "Norway's
intelligence agency", "the Norwegian spy agency", "the main intelligence arm of
Norway", "the country's spy service". Such a description is read word by word
(`rules/descriptions.yml`) as::

    [the | its | COUNTRY's | the country's] [fillers, a demonym] [DOMAIN] HEAD [of COUNTRY]

and keyed by three general parts: the country (from its name, its demonym or its
possessive), the class of the head noun (agency, service, arm and directorate are one
class) and the domain (intelligence and spy are one domain). Descriptions with one
key name one institution of one country: "Norwegian intelligence agency" and
"Norway's spy agency" are both ``intelligence agency of Norway``.

A description ties to a *name* only where a document says so (`ties`):

- apposition: "the State Protection Bureau (SPB), the country's main spy
  agency, said", "Norway's spy agency, the SPB, said";
- definition between dashes or in brackets: "X — the main intelligence arm of
  Norway — said", "X (the country's spy agency)";
- copula: "X is Norway's national weather service".

"The country's" and "its" take the country the document named last before them
(`Reader`), only when that is one country; a description without a country ("the
spy agency") takes the country of the same kind of description the document gave
before. The resolver (`factx.resolve`, `described=`) then puts every description of
a key with the one entity the run ties that key to.

Pure and light: the rule loader and `factx.names` only; no spaCy.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterable, Iterator, Protocol, Sequence

from factx.names import words
from factx.rules import RuleSet, load_rules


@dataclass(frozen=True)
class DescriptionRules:
    """The words of `rules/descriptions.yml` by role, and the countries of demonyms.yml."""

    heads: dict[str, str]          # head noun -> its class (rule id)
    alone: frozenset[str]          # head classes that need no domain (government, army)
    domains: dict[str, str]        # domain word -> its domain (rule id)
    fillers: frozenset[str]
    anaphors: frozenset[str]       # "country", "nation": the country named before
    branches: frozenset[str]       # "branch", "affiliate": a part of an organisation
    countries: dict[tuple[str, ...], str]  # words of a country name or demonym -> country
    longest: int = 1               # words in the longest country name
    written: frozenset[str] = frozenset()   # head classes whose descriptions are names (consulate)
    suffixes: frozenset[str] = frozenset()  # words that may follow a head ("Consulate General")

    def __hash__(self) -> int:  # identity: one instance per rule set version
        return id(self)


_CACHE: dict[str, DescriptionRules] = {}


def description_rules(rules: RuleSet | None = None) -> DescriptionRules:
    """The `DescriptionRules` of a rule set (the shipped rules by default), cached."""
    rules = rules if rules is not None else load_rules()
    cached = _CACHE.get(rules.version)
    if cached is not None:
        return cached
    heads: dict[str, str] = {}
    domains: dict[str, str] = {}
    alone: set[str] = set()
    written: set[str] = set()
    by_role: dict[str, set[str]] = {"filler": set(), "anaphor": set(), "branch": set(), "suffix": set()}
    for rule in rules.get("descriptions"):
        plain = [" ".join(words(w)) for w in rule["words"]]
        if rule["role"] == "head":
            heads.update((w, rule["id"]) for w in plain)
            if rule.get("alone"):
                alone.add(rule["id"])
            if rule.get("written"):
                written.add(rule["id"])
        elif rule["role"] == "domain":
            domains.update((w, rule["id"]) for w in plain)
        else:
            by_role[rule["role"]].update(plain)
    countries: dict[tuple[str, ...], str] = {}
    for rule in rules.get("demonyms"):
        for name in [rule["country"], *rule.get("words", ())]:
            key = tuple(words(name))
            if key:
                countries.setdefault(key, rule["country"])
    result = DescriptionRules(heads, frozenset(alone), domains, frozenset(by_role["filler"]),
                              frozenset(by_role["anaphor"]), frozenset(by_role["branch"]), countries,
                              max((len(k) for k in countries), default=1), frozenset(written),
                              frozenset(by_role["suffix"]))
    _CACHE[rules.version] = result
    return result


@dataclass(frozen=True)
class Description:
    """What a description names: a head class, a domain, and a country, given or to be
    found in the document (`anaphor`: "country" for "the country's", "its"); for a
    written head (a consulate), the `place` where it is ("the Bergen consulate"), which
    is no part of the key."""

    head: str
    domain: str = ""
    country: str | None = None
    anaphor: str | None = None
    place: str | None = None

    @property
    def key(self) -> str | None:
        """``"intelligence agency of Norway"``; None until the country is known.

        >>> Description("agency", "intelligence", "Norway").key
        'intelligence agency of Norway'
        """
        if self.country is None:
            return None
        return f"{self.domain} {self.head} of {self.country}".strip()


@dataclass(frozen=True)
class _Token:
    word: str
    possessive: bool
    capital: bool


_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$", re.IGNORECASE)
_EDGE_PUNCT = "\"“”‘’'«»()[],;:.!?"
_INDEFINITE = frozenset({"a", "an", "one", "another", "some", "any", "several"})


def _tokens(text: str) -> list[_Token]:
    out: list[_Token] = []
    for raw in text.split():
        raw = raw.strip(_EDGE_PUNCT) if not raw.endswith(("’", "'")) else raw.lstrip(_EDGE_PUNCT)
        if not raw:
            continue
        match = _POSSESSIVE.search(raw)
        possessive = bool(match) and match.start() > 0
        if possessive:
            raw = raw[:match.start()] + ("s" if match.group(0).lower().startswith("s") else "")
        elif raw.endswith(("’", "'")) and len(raw) > 1:  # "the United States’"
            raw, possessive = raw[:-1], True
        parts = words(raw)
        for n, part in enumerate(parts):
            out.append(_Token(part, possessive and n == len(parts) - 1, raw[:1].isupper()))
    return out


def _country_at(tokens: Sequence[_Token], i: int, dr: DescriptionRules) -> tuple[int, str | None]:
    """(words, country) of the longest country name or demonym at `i`; names are
    capitalized ("us" is a pronoun, "US" a country)."""
    if i >= len(tokens) or not tokens[i].capital:
        return 0, None
    for size in range(min(dr.longest, len(tokens) - i), 0, -1):
        found = dr.countries.get(tuple(t.word for t in tokens[i:i + size]))
        if found is not None:
            return size, found
    return 0, None


def parse_description(text: str, dr: DescriptionRules | None = None) -> Description | None:
    """The `Description` a phrase is, or None when some word of it is no part of one.

    >>> parse_description("Norway’s intelligence agency").key
    'intelligence agency of Norway'
    >>> parse_description("the main intelligence arm of Norway").key
    'intelligence agency of Norway'
    >>> parse_description("the country's spy service")
    Description(head='agency', domain='intelligence', country=None, anaphor='country', place=None)
    >>> parse_description("the State Protection Bureau") is None
    True
    """
    dr = dr or description_rules()
    tokens = _tokens(text)
    if not tokens:
        return None
    i, country, anaphor = 0, None, None
    first = tokens[0].word
    if first in _INDEFINITE:
        return None  # "an intelligence agency": one of several, no institution of its own
    if first == "the":
        i = 1
    elif first in ("its", "their"):
        i, anaphor = 1, "its"
    size, found = _country_at(tokens, i, dr)
    if size and tokens[i + size - 1].possessive:
        i, country = i + size, found  # "Norway's"
    elif i < len(tokens) and tokens[i].word in dr.anaphors and tokens[i].possessive and anaphor is None:
        i, anaphor = i + 1, "country"  # "the country's"
    domain, head, place = "", None, []
    while i < len(tokens) and head is None:
        token = tokens[i]
        size, found = _country_at(tokens, i, dr)
        if size and not tokens[i + size - 1].possessive:
            if anaphor is not None or (country is not None and country != found):
                return None
            i, country = i + size, found  # "Norwegian", "U.S."
            continue
        if token.possessive:
            return None  # someone else's: "the agency's spokesman"
        if token.word in dr.fillers:
            i += 1
        elif token.word in dr.domains and not domain:
            domain, i = dr.domains[token.word], i + 1
        elif token.word in dr.heads:
            head, i = dr.heads[token.word], i + 1
        elif token.capital and not domain and i + 1 < len(tokens):
            place.append(token.word)  # "the Bergen consulate": where it is, if the head is written
            i += 1
        else:
            return None
    if head is None or (head not in dr.alone and not domain) or (place and head not in dr.written):
        return None
    if i < len(tokens) and tokens[i].word in dr.suffixes:
        i += 1  # "Consulate General"
    if i < len(tokens):  # "... of Norway", "... of the country"
        if tokens[i].word != "of" or anaphor is not None:
            return None
        i += 1
        if i + 2 == len(tokens) and tokens[i].word == "the" and tokens[i + 1].word in dr.anaphors:
            if country is not None:
                return None
            anaphor, i = "country", i + 2
        else:
            size, found = _country_at(tokens, i, dr)
            if not size or (country is not None and country != found):
                return None
            country, i = found, i + size
        if i != len(tokens):
            return None
    return Description(head, domain, country, anaphor, " ".join(place) or None)


def description_key(text: str, dr: DescriptionRules | None = None) -> str | None:
    """The key of a description that names its country itself, else None.

    >>> description_key("Norwegian spy agency") == description_key("Norway's intelligence service")
    True
    """
    found = parse_description(text, dr)
    return found.key if found is not None and found.anaphor is None else None


# ---------------------------------------------------------------------- in a document

@dataclass(frozen=True)
class Written:
    """A description written with its country that is a name of what it describes
    ("the Norwegian embassy in Rome"): `name` is its words without the article and the
    place after it ("Norwegian embassy"), at start:end."""

    name: str
    start: int
    end: int
    description: Description
    named: bool = False  # written as a name, head first and capitalized: "Embassy of Norway"
    #: where "in X" after the words starts and ends (X at place_start:end), when it follows
    place_span: tuple[int, int] | None = None
    #: written after "a"/"an" ("a Norwegian embassy in Bergen"): a name only with its town
    indefinite: bool = False

    def placed(self, text: str) -> "Written":
        """The description named with the place after it ("Norwegian embassy in Rome"),
        once the document says X is a place; a name written head first keeps its words."""
        if self.place_span is None or self.named:
            return self
        return Written(text[self.start:self.place_span[1]], self.start, self.place_span[1], self.description,
                       self.named)

    def unplaced(self) -> "Written":
        """The description without the words after it, which are no place ("in October")."""
        if self.place_span is None:
            return self
        d = self.description
        return Written(self.name, self.start, self.end, Description(d.head, d.domain, d.country, d.anaphor),
                       self.named)

    @property
    def value(self) -> str:
        """The key, with the place when the words give one: "embassy of Norway in rome"."""
        key = self.description.key or ""
        return f"{key} in {self.description.place}" if self.description.place else key


_OWNERS = frozenset({"its", "their", "his", "her", "our", "my", "your"})
_WORD_BEFORE = re.compile(r"([^\s]+)\s+$")
_PLACE_AFTER = re.compile(r"\s+in\s+((?:the\s+)?[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2})")
_OF_AFTER = re.compile(r"\s+of\s+((?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})")
_SUFFIX_AFTER = re.compile(r"[\s-]+(\w+)")


def written_descriptions(text: str, dr: DescriptionRules | None = None) -> Iterator[Written]:
    """Descriptions of a `written` head (consulate, embassy) that give their country in
    their own words: "the Norwegian embassy", "Norway's consulate in Rome", "the Bergen
    consulate of Norway". Not: "a Norwegian embassy" (one of several), "its embassy"
    (the country is not in the words: no name), plural heads. "a Norwegian embassy in
    Bergen" is one (`indefinite`): it needs its town, which the caller must find a place."""
    dr = dr or description_rules()
    heads = [w for w, cls in dr.heads.items() if cls in dr.written and " " not in w]
    if not heads:
        return
    for match in re.finditer(r"\b(?:%s)\b(?![-'’]?s\b)" % "|".join(map(re.escape, heads)), text, re.IGNORECASE):
        end = match.end()
        suffix = _SUFFIX_AFTER.match(text, end)
        if suffix is not None and suffix.group(1).lower() in dr.suffixes:
            end = suffix.end()
        of = _OF_AFTER.match(text, end)
        if of is not None and _country_at(_tokens(of.group(1)), 1 if of.group(1).lower().startswith("the ") else 0,
                                          dr)[0]:
            end = of.end()
        # words before the head, back to the article: as many as can be read as one description
        start, best = match.start(), None
        found = parse_description(text[start:end], dr)
        if found is not None and found.key is not None:
            best = (start, found)  # "Embassy of Norway"
        for _ in range(6):
            before = _WORD_BEFORE.search(text, max(0, start - 60), start)
            if before is None or (re.search(r"[.,;:!?()\[\]\"“”—–]$", before.group(1))
                                  and not re.fullmatch(r"(?:[A-Z]\.)+", before.group(1))):  # "U.S." goes on
                break
            start = before.start(1)
            found = parse_description(text[start:end], dr)
            if found is not None and found.key is not None and found.anaphor is None:
                best = (start, found)
        if best is None:
            continue
        start, found = best
        article = _WORD_BEFORE.search(text, max(0, start - 20), start)
        place = _PLACE_AFTER.match(text, end)
        # "a Norwegian embassy in Bergen" is the one in that town; "a Norwegian embassy"
        # is one of several, and so is one "in Africa" or "in Italy"
        indefinite = article is not None and article.group(1).lower() in ("a", "an")
        if indefinite and (place is None or found.place is not None
                           or _country_at(_tokens(place.group(1)), 0, dr)[0]):
            continue
        if article is not None and not indefinite and (
                article.group(1).lower() in _INDEFINITE or article.group(1).lower() in _OWNERS
                or _POSSESSIVE.search(article.group(1))):
            continue  # "its Italian embassy": its embassy in Italy
        name = text[start:end]
        if name.split()[0].lower() == "the":
            name, start = name.split(None, 1)[1], start + len(name) - len(name.split(None, 1)[1])
        span = None
        if place is not None and found.place is None:
            found = Description(found.head, found.domain, found.country, None,
                                " ".join(w for w in words(place.group(1)) if w != "the"))
            span = (place.start(1), place.end(1))
        first = name.split()[0]
        yield Written(name, start, end, found, first[:1].isupper() and dr.heads.get(" ".join(words(first))) == found.head,
                      span, indefinite)



class MentionLike(Protocol):
    start: int
    end: int
    text: str
    canonical: str
    label: str


@dataclass(frozen=True)
class Tie:
    """A document says that the entity named `name` is what `description` describes."""

    name: str
    label: str
    key: str
    start: int  # the description's words
    end: int
    mention: str
    rule: str


#: Labels of the names a description may be tied to: institutions.
TIE_LABELS = frozenset({"ORG"})

# after a name (and its acronym in brackets): the punctuation that opens an apposition
_OPEN = re.compile(r"(?:\s*\(\s*[A-Z][A-Za-z.]{1,9}\s*\))?(\s*,\s+|\s+[—–]\s*|\s*--\s*|\s+-\s+|\s*\(\s*)")
# ... and what may close it, by the opening mark
_CLOSE = {",": (",", ".", ";", ":", "\n"), "—": ("—", "–", ","), "–": ("—", "–", ","), "--": ("--", ","),
          "-": ("-", ","), "(": (")",)}
_BREAK = re.compile(r"[,;:.!?()\[\]—–\n]|\s-\s|--")
_COPULA = re.compile(r"\s+(?:is|was|remains|has been)\s+(?=the\s|[A-Z])")
_LIST_AFTER = re.compile(r"\s*(?:and|or)\b")


class Reader:
    """The descriptions of one document: what they describe, their countries resolved
    from the document, and the names they are tied to.

    `mentions` are the document's entity mentions (`factx.stages.mentions.Mention`),
    `sentences` the start offsets of its sentences.
    """

    def __init__(self, text: str, mentions: Sequence[MentionLike], sentences: Sequence[int],
                 dr: DescriptionRules | None = None) -> None:
        self.text, self.dr = text, dr or description_rules()
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.sentences = sorted(sentences) or [0]

    def _sentence(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.sentences, offset) - 1)

    def country_of(self, mention: MentionLike) -> str | None:
        """The country a mention names ("Norway", "Norwegian"), or None."""
        if mention.label not in ("GPE", "NORP"):
            return None
        found = self.dr.countries.get(tuple(words(mention.canonical)))
        return found if found is not None else self.dr.countries.get(tuple(words(mention.text)))

    def country_before(self, offset: int, *, pronoun: bool = False) -> str | None:
        """The country the document names last before `offset`, when that is one
        country: every country named in the sentence of the last one must be it
        ("French and Norwegian troops ... the country's agency" is no one country).
        For "its", the last name before it, in its sentence or the one before, must be
        a country."""
        before = self.mentions[:bisect.bisect_left(self.starts, offset)]
        if not before:
            return None
        if pronoun:
            last = before[-1]
            if self._sentence(offset) - self._sentence(last.start) > 1:
                return None
            return self.country_of(last)
        named = [(m, c) for m in before for c in (self.country_of(m),) if c is not None]
        if not named:
            return None
        sentence = self._sentence(named[-1][0].start)
        here = {c for m, c in named if self._sentence(m.start) == sentence}
        return here.pop() if len(here) == 1 else None

    def resolve(self, description: Description, offset: int,
                earlier: Iterable[tuple[int, Description]] = ()) -> Description:
        """The description with its country found in the document, when it can be:
        "the country's" and "its" by `country_before`; a description without a
        country ("the spy agency") from the one country of the same kind of
        description the document gave before (`earlier`: offsets and descriptions)."""
        if description.country is not None:
            return description
        if description.anaphor is not None:
            country = self.country_before(offset, pronoun=description.anaphor == "its")
        else:
            same = {d.country for start, d in earlier if start < offset and d.country is not None
                    and (d.head, d.domain) == (description.head, description.domain)}
            country = same.pop() if len(same) == 1 else None
        if country is None:
            return description
        return Description(description.head, description.domain, country, None)

    def read(self, start: int, end: int, earlier: Iterable[tuple[int, Description]] = ()) -> Description | None:
        """The description the words at start:end are, its country resolved; None
        when they are no description."""
        found = parse_description(self.text[start:end], self.dr)
        return self.resolve(found, start, earlier) if found is not None else None

    # -- ties

    def ties(self) -> Iterator[Tie]:
        """Every name the document ties to a description whose country is known."""
        for mention in self.mentions:
            if mention.label not in TIE_LABELS:
                continue
            for rule, start, end in self._around(mention):
                found = self.read(start, end)
                # "X is the government of Y" is a claim as often as a definition: a copula
                # ties only a description with a domain ("X is Y's main spy agency")
                if found is not None and found.key is not None and (rule != "description.copula" or found.domain):
                    yield Tie(mention.canonical, mention.label, found.key, start, end, mention.text, rule)
                    break

    def _around(self, mention: MentionLike) -> Iterator[tuple[str, int, int]]:
        """Candidate descriptions beside a name: (rule, start, end)."""
        text = self.text
        listed = text[:mention.start].rstrip().endswith(",") or text[:mention.start].rstrip().endswith(
            ", the")
        # apposition or definition after the name: "X, the country's spy agency," "X — ... —"
        opened = _OPEN.match(text, mention.end)
        if opened is not None and not listed:
            sep = opened.group(1).strip()
            start = opened.end()
            stop = _BREAK.search(text, start)
            end = stop.start() if stop else len(text)
            rest = text[end:].lstrip(" \t")
            closed = not rest or any(rest.startswith(c) for c in _CLOSE[sep])
            # "the SPB, the Norwegian army, and the police": a list, not an apposition
            in_list = rest.startswith(",") and _LIST_AFTER.match(rest, 1) is not None
            if closed and not in_list and text[start:end].strip():
                yield ("description.apposition" if sep == "," else "description.definition",
                       start, start + len(text[start:end].rstrip()))
        # copula: "X is Norway's national weather service"
        copula = _COPULA.match(text, mention.end)
        if copula is not None:
            start = copula.end()
            stop = _BREAK.search(text, start)
            end = stop.start() if stop else len(text)
            yield "description.copula", start, start + len(text[start:end].rstrip())
        # apposition before the name: "Norway's spy agency, the SPB, said"
        lead = re.search(r",\s+(?:the\s+)?$", text[max(0, mention.start - 12):mention.start])
        if lead is None:
            return
        rest = text[mention.end:].lstrip(" \t")
        if not rest[:1] in (",", ")", "—", "–", ".") or (rest.startswith(",") and _LIST_AFTER.match(rest, 1)):
            return
        end = mention.start - len(lead.group(0))
        breaks = [m.end() for m in _BREAK.finditer(text, max(0, end - 160), end)]
        start = breaks[-1] if breaks else max(0, end - 160)
        if text[max(0, start - 1):start] == ",":
            return  # "the police, the army, the SPB": a list
        for p in _word_starts(text, start, end):
            yield "description.apposition", p, end


def _word_starts(text: str, start: int, end: int) -> list[int]:
    """Offsets of the words of text[start:end], first to last."""
    return [start + m.start() for m in re.finditer(r"\S+", text[start:end])]


__all__ = ["Description", "DescriptionRules", "Reader", "Tie", "Written", "description_key", "description_rules",
           "parse_description", "written_descriptions"]
