"""The document's discourse state, built once before any family runs, then only read.

`build(doc, rules)` gathers what the families need to know about the whole document:
its mentions and people (with the gender a title or a gendered noun gives them), the
main person, the dates of each sentence, quotations, datelines and headline lines, who
holds which role ("X, the leader of Y" makes 'the Y leader' X later), who has spoken so
far at each sentence (so that 'it', 'the statement' and 'the officials' name a source
named earlier), and the events the document mentions in order (so that 'the blast'
names the event 'the explosion at the port in X' named before). Nothing changes it
afterwards: the extractors and the scoping read it, in any order.

>>> state = build(doc, compile_rules(load_rules()))  # doctest: +SKIP
>>> state.main_person.canonical  # doctest: +SKIP
'Jane Roe'
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Iterator

from spacy.tokens import Doc, Span, Token

from factx.records import TimexSpan
from factx.stages import doc_text
from factx.stages.attributes.base import Ent, Source
from factx.stages.attributes.tokens import Tokens
from factx.stages.mentions import Mention, link_mentions

if TYPE_CHECKING:
    from factx.stages.attributes.compiled import Compiled
    from factx.stages.attributes.event_mentions import EventMention

#: a dateline at the start of a paragraph: "ARDEN —", "KARSK, May 12 -", "Arden (Reuters) -",
#: "By AFP / LISBON:", "Arden, June 9, 2014, ABC --" (a dated line ending in an agency's
#: initials); its place is where the report was filed, never where the event was
DATELINE = re.compile(
    r"^[ \t]*(?:By [^\n/]{1,40}/[ \t]*)?"
    r"(?:(?P<caps>[A-Z][A-Z.'’\- ]{2,40}?)(?:,[^\n—–:]{1,40}?)?(?:[ \t]*\([^)\n]{1,40}\))?"
    r"|(?P<title>[A-Z][\w.'’\- ]{2,40}?)(?:,[^\n—–:(]{1,40}?)?[ \t]*\([^)\n]{1,40}\)"
    r"|(?P<dated>[A-Z][\w.'’\- ]{2,40}?),(?=[^\n—–:(]{0,60}?\d)[^\n—–:(]{1,60}?,[ \t]*[A-Z]{2,8})"
    r"[ \t]*(?:[—–:]|--?)[ \t]", re.M)
GENDERED = {"mr": "m", "mr.": "m", "sir": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f",
            "miss": "f", "lady": "f", "dame": "f"}
MALE_NOUNS = frozenset({"man", "spokesman", "chairman", "businessman", "husband", "father", "son",
                        "brother", "king", "prince", "actor", "widower", "boy", "nephew", "uncle"})
FEMALE_NOUNS = frozenset({"woman", "spokeswoman", "chairwoman", "businesswoman", "wife", "mother",
                          "daughter", "sister", "queen", "princess", "actress", "widow", "girl",
                          "niece", "aunt"})


@dataclass(frozen=True)
class Speakers:
    """Who had spoken before a sentence: the last organisation, person and any source,
    the authors of statements by noun ('the statement' → its author), and plain sources
    by their noun ('the officials' → 'Afghan officials')."""

    last: dict[str, Source] = field(default_factory=dict)
    authors: dict[str, Source] = field(default_factory=dict)
    nominal: dict[str, Source] = field(default_factory=dict)


@dataclass(frozen=True)
class Discourse:
    """What the families read about the whole document (see the module docstring)."""

    doc: Doc
    #: the document's tokens, lemmas and lower-cased forms, read once
    tokens: Tokens
    text: str
    rules: "Compiled"
    mentions: tuple[Mention, ...]
    token_mention: dict[int, Mention]
    main_person: Mention | None
    published: str | None
    dates: tuple[TimexSpan, ...]
    persons: tuple[Mention, ...]
    person_starts: tuple[int, ...]
    #: 'm' or 'f' for people whose title or description says so, by canonical name
    genders: dict[str, str]
    quotes: tuple[tuple[int, int], ...]
    #: character spans of datelines and of headline lines (no final full stop)
    datelines: tuple[tuple[int, int], ...]
    #: (role, organisation) → the people the document gave that role ('the leader of X')
    role_holders: dict[tuple[str, str], dict[str, Ent]] = field(default_factory=dict)
    #: definite role descriptions resolved to a person, by offset ('the X leader')
    described: dict[int, Ent] = field(default_factory=dict)
    #: the speakers known before each sentence, by the sentence's first character
    speakers: dict[int, Speakers] = field(default_factory=dict)
    #: the object of 'according to X' / 'citing X' in each sentence, by its first character
    according: dict[int, Token | None] = field(default_factory=dict)
    #: the events the document mentions, in order
    events: tuple["EventMention", ...] = ()

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
        for mention in self.mentions:
            if mention.canonical == text:
                return mention
        longer = {m.canonical: m for m in self.mentions
                  if m.canonical.split()[-len(words):] == words and len(m.canonical.split()) > len(words)}
        return next(iter(longer.values())) if len(longer) == 1 else None

    def persons_before(self, offset: int) -> list[Mention]:
        """People named before `offset`, the nearest last."""
        return list(self.persons[:bisect.bisect_left(self.person_starts, offset)])

    def in_quote(self, offset: int) -> bool:
        return any(a < offset < b for a, b in self.quotes)

    def in_dateline(self, offset: int) -> bool:
        return any(a <= offset < b for a, b in self.datelines)

    def speakers_at(self, sent: Span) -> Speakers:
        return self.speakers.get(sent.start_char, Speakers())

    def paragraph(self, sent: Span, offset: int) -> tuple[int, int]:
        """The part of a sentence between line breaks around `offset`: the parser
        sometimes runs a dateline or a headline into the next sentence."""
        start = max(sent.start_char, self.text.rfind("\n", sent.start_char, offset) + 1)
        end = self.text.find("\n", offset, sent.end_char)
        return start, sent.end_char if end < 0 else end

    def sentence_dates(self, sent: Span) -> list[tuple[TimexSpan, list[Token]]]:
        """Dates (TIMEX DATE/TIME with a year or an unknown year) inside a sentence; a
        dateline's date is when the report was filed, never a date the sentence tells."""
        out = []
        for timex in self.dates:
            if timex.start < sent.start_char or timex.end > sent.end_char or self.in_dateline(timex.start):
                continue
            if timex.type not in ("DATE", "TIME") or not timex.value or not re.match(r"^[\dX]{4}", timex.value):
                continue
            span = self.doc.char_span(timex.start, timex.end, alignment_mode="expand")
            if span is not None and len(span):
                out.append((timex, list(span)))
        return out


def build(doc: Doc, rules: "Compiled") -> Discourse:
    """The discourse state of a parsed document (the stage's mentions and dates when
    they ran, else computed here)."""
    from factx.stages.attributes import event_mentions, referents, rementions, scope

    text = doc_text(doc)
    mentions = doc._.mentions if doc.has_extension("mentions") else None
    if mentions is None:
        mentions = link_mentions(doc)
    mentions = tuple(mentions)
    token_mention: dict[int, Mention] = {}
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        for token in span:
            token_mention.setdefault(token.i, mention)
    article = doc._.article if doc.has_extension("article") else None
    published = getattr(article, "published", None)
    dates = doc._.dates if doc.has_extension("dates") else None
    if dates is None:
        dates = list(_fallback_dates(doc, published))
    persons = tuple(sorted((m for m in mentions if m.label == "PERSON"), key=lambda m: m.start))
    tokens = Tokens(doc)
    state = Discourse(
        doc=doc, tokens=tokens, text=text, rules=rules, mentions=mentions, token_mention=token_mention,
        main_person=_main_person(mentions), published=published, dates=tuple(dates),
        persons=persons, person_starts=tuple(m.start for m in persons),
        genders=_genders(tokens, text, persons, token_mention), quotes=tuple(quote_spans(text)),
        datelines=tuple(dateline_spans(text)))
    people = referents.person_like(state)
    surnames = referents.surnames(state)
    if surnames:  # 'X' after 'John X', typed a place: John X
        def full(m: Mention) -> Mention:
            person = surnames.get(m.canonical)
            return m if person is None else replace(m, label="PERSON", canonical=person.canonical)
        mentions = tuple(full(m) for m in mentions)
        token_mention = {i: full(m) for i, m in token_mention.items()}
    if people or surnames:  # names the NER typed as organisations, described as people ('group leader X')
        mentions = tuple(replace(m, label="PERSON") if m.canonical in people else m for m in mentions)
        token_mention = {i: (replace(m, label="PERSON") if m.canonical in people else m)
                         for i, m in token_mention.items()}
        persons = tuple(sorted((m for m in mentions if m.label == "PERSON"), key=lambda m: m.start))
        state = replace(state, mentions=mentions, token_mention=token_mention, persons=persons,
                        person_starts=tuple(m.start for m in persons), main_person=_main_person(mentions),
                        genders=_genders(tokens, text, persons, token_mention))
    holders, described = referents.role_holders(state)
    state = replace(state, role_holders=holders, described=described)
    again = rementions.described_again(state, described)  # 'the politician' after 'politician X'
    if again:
        state = replace(state, described={**described, **again})
    firsts = rules.derived("according_firsts", _according_firsts)
    according = {sent.start_char: scope.according_source(sent, rules.lexicon)
                 if firsts is None or state.tokens.has_any(sent, firsts) else None for sent in doc.sents}
    state = replace(state, according=according)
    state = replace(state, speakers=scope.speaker_memory(state))
    return replace(state, events=tuple(event_mentions.event_mentions(state)))


def _according_firsts(rules: "Compiled") -> frozenset[str] | None:
    """The first words of the 'according to' phrases: a sentence without one of them
    holds none (None when a phrase is empty, which any sentence holds)."""
    phrases = rules.lexicon.according
    return None if any(not p for p in phrases) else frozenset(p[0] for p in phrases)


def _main_person(mentions: tuple[Mention, ...]) -> Mention | None:
    """The person named most often (at least twice), the first named on a tie."""
    counts: dict[str, int] = {}
    firsts: dict[str, Mention] = {}
    for mention in mentions:
        if mention.label == "PERSON":
            counts[mention.canonical] = counts.get(mention.canonical, 0) + 1
            firsts.setdefault(mention.canonical, mention)
    if not counts:
        return None
    best = max(counts, key=lambda n: (counts[n], -firsts[n].start))
    return firsts[best] if counts[best] >= 2 else None


def _genders(tokens: Tokens, text: str, persons: tuple[Mention, ...], token_mention: dict[int, Mention]) -> dict[str, str]:
    """Gender a title gives ('Mrs. X') or a gendered noun next to the name ('spokeswoman X',
    'X, the widow of'); people with contradicting evidence are left out."""
    found: dict[str, set[str]] = {}
    for mention in persons:
        before = text[max(0, mention.start - 6):mention.start].split()
        first = mention.text.split()[0].lower() if mention.text.split() else ""
        for word in ([before[-1].lower()] if before else []) + [first]:
            if word in GENDERED:
                found.setdefault(mention.canonical, set()).add(GENDERED[word])
    for token, low in zip(tokens.tokens, tokens.lowers):
        gender = "m" if low in MALE_NOUNS else "f" if low in FEMALE_NOUNS else None
        if gender is None:
            continue
        targets = [token.head] if token.dep_ in ("compound", "appos", "nmod") else []
        targets += [c for c in token.children if c.dep_ == "appos"]
        for target in targets:
            mention = token_mention.get(target.i)
            if mention is not None and mention.label == "PERSON":
                found.setdefault(mention.canonical, set()).add(gender)
    return {name: next(iter(g)) for name, g in found.items() if len(g) == 1}


def dateline_spans(text: str) -> Iterator[tuple[int, int]]:
    """Spans of datelines at the start of paragraphs, and of a first headline line."""
    for match in DATELINE.finditer(text):
        if match.start() == 0 or text[match.start() - 1] == "\n":
            yield match.start(), match.end()


_QUOTE_MARKS = re.compile('[“”"]')


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of double quotations, marks included, never across a line break.

    >>> quote_spans('He said: “We won. We are happy,” the coach added.')
    [(9, 32)]
    """
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        start = None
        for mark in _QUOTE_MARKS.finditer(line):  # only the marks matter
            i, char = mark.start(), mark.group()
            if char == "“" or (char == '"' and start is None):
                start = offset + i
            elif (char == "”" or char == '"') and start is not None:
                spans.append((start, offset + i + 1))
                start = None
        if start is not None:
            spans.append((start, offset + len(line)))
        offset += len(line) + 1
    return spans


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
