"""Measures of an event outside the counts of people: how strong, deep, fast, large or
long it was ('magnitude 6.9', 'a depth of 38 km', 'winds of 185 km/h', 'gusts of up to
250 km/h', 'a capacity of 9,500', '9,200 tickets were sold', 'six carriages derailed',
'destroyed more than 1,200 homes').

Family `measure`: nouns that name a measure (`words`), with the units it is given in
(`units`; none for a bare number such as a magnitude) and whether the number may stand
before the noun (`before`: 'a 6.9-magnitude quake'). The number follows the noun
('magnitude 6.9', 'a depth of 38 km'), or a linking word a few words on ('winds before
landfall were about 205 km/h'); without units only right after it or 'of'.

Family `measure_count`: counted nouns (`words`) whose count is a measure when a verb of
`requires` tells what happened to them ('sold 12,000 tickets', '1,040 homes destroyed';
'leave rails': the verb with its object, 'six carriages left the rails').

A measure belongs to the event of its sentence (`event_mentions.event_at`). One told of
another event is not this one's: a measure with a year other than the report's, or a
word of comparison or of an earlier event ('since', 'than', 'previous') just before it,
gives nothing. Qualifiers are kept as bounds ('about 205 km/h' is ``~205 km/h``), except
'up to', which names the peak a measure is ('gusts of up to 250 km/h' is ``250 km/h``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from spacy.tokens import Span, Token

from factx.quantities import QUALIFIER_PHRASES, measure_number, qualifier
from factx.stages.attributes.base import Ent, Raw
from factx.stages.attributes.event_mentions import brought, event_at
from factx.stages.attributes.frames import frame_of
from factx.stages.attributes.participants import quantity_of
from factx.stages.attributes.registry import Family, extractor, register
from factx.stages.attributes.syntax import lemma, span_of, text_of

if TYPE_CHECKING:
    from factx.stages.attributes.compiled import Compiled
    from factx.stages.attributes.discourse import Discourse

register(
    Family("measure", keys=("words", "attribute", "units", "before"), required=("words", "attribute"),
           doc="nouns that name a measure of an event, with its units: 'magnitude 6.9', 'a depth of 38 km'"),
    Family("measure_count", keys=("words", "attribute", "requires"), required=("words", "attribute", "requires"),
           doc="counted things whose count measures an event, with the verbs that tell it: "
               "'sold 12,000 tickets', 'six carriages derailed'"),
)

_FIGURES = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORDS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
          "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety").split()
_NUMBER = rf"(?:{_FIGURES}|(?:{'|'.join(_WORDS)})(?:[- ](?:{'|'.join(_WORDS[:9])}))?)"
_QUALIFIER = "|".join(re.escape(q) for q in QUALIFIER_PHRASES)
#: words between a measure's noun and its number: 'winds of', 'a depth of', 'winds ... were', 'reached'
_LINKS = ("of", "at", "was", "were", "is", "are", "reached", "reaching", "hit", "hitting", "topped", "topping",
          "measured", "measuring", "registered", "registering", "peaked at", "estimated at", "put at")
_LINK = "|".join(re.escape(w) for w in sorted(_LINKS, key=len, reverse=True))
#: events of their own a measure in the same sentence after them may be of: 'aftershocks
#: shook the valley for hours, one of them of magnitude 4.8'
_LESSER = frozenset({"aftershock", "aftershocks", "foreshock", "foreshocks"})
#: words just before a measure that make it a forecast: 'could bring winds of 300 km/h'
_FORECAST = frozenset({"could", "may", "might", "would", "will", "expected", "forecast", "predicted", "likely"})
#: words just before a measure that make it another event's ('the strongest since a
#: magnitude 8.0 quake', 'stronger than the magnitude 7.0 quake', 'a previous quake')
_OTHER_EVENT = frozenset({"since", "than", "previous", "previously", "earlier", "last", "former", "similar",
                          "compared", "unlike", "before"})


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted({w.lower() for w in words}, key=len, reverse=True))


def _patterns(rules: "Compiled") -> list[tuple[dict, re.Pattern, re.Pattern | None]]:
    """Per rule of family `measure`: its pattern with the number after the noun, and
    with the number before it (rules with `before`)."""
    out = []
    for rule in rules.by_family.get("measure", ()):
        nouns = _alternation(rule["words"])
        units = rule.get("units") or []
        number = rf"(?:(?P<qual>{_QUALIFIER})\s+)?(?P<num>{_NUMBER})"
        if units:
            unit = rf"\s*(?P<unit>{_alternation(units)})(?![\w/])"
            after = rf"\b(?P<noun>{nouns})\b(?:[ ,]+[a-z]+){{0,3}}?[ ,]+(?:{_LINK})\s+{number}{unit}" \
                    rf"|\b(?P<noun2>{nouns})[\s-]+{number.replace('qual>', 'qual2>').replace('num>', 'num2>')}" \
                    rf"{unit.replace('unit>', 'unit2>')}"
        else:
            # 'magnitude 6.9', 'a magnitude of 6.9', 'revised the magnitude of the quake to 7.0'
            after = rf"\b(?P<noun>{nouns})(?:\s+of\s+the\s+[a-z]+\s+(?:to|at|was))?(?:\s+(?:of|was|is))?[\s-]+{number}(?![\w%]|[.,]\d|\s*(?:per\s*cent|percent))"
        before = rf"(?<![\w.,])(?P<num>{_FIGURES})[\s-]?(?P<noun>{nouns})\b" if rule.get("before") else None
        out.append((rule, re.compile(after, re.I), re.compile(before, re.I) if before else None))
    return out


def _group(match: re.Match, name: str) -> str | None:
    """A group of the pattern, under its name or its second name (two alternatives)."""
    for key in (name, f"{name}2"):
        if key in match.re.groupindex and match.group(key) is not None:
            return match.group(key)
    return None


def measure_value(number: str, qual: str | None, unit: str | None) -> int | float | str | None:
    """The normalized value of a measure: a number, with its bound and its unit.

    >>> measure_value("6.9", None, None), measure_value("250", "up to", "km/h"), measure_value("38", "about", "KM")
    (6.9, '250 km/h', '~38 km')
    """
    value = measure_number(number)
    if value is None:
        return None
    op = qualifier(qual) if qual else ""
    if op is None:
        return None
    if op in ("<=", "<"):
        op = ""  # 'gusts of up to 250 km/h': the peak a measure names is the measure itself
    unit = re.sub(r"\s+", " ", unit.strip().lower()) if unit else ""
    if not op and not unit:
        return value
    return f"{op}{value}" + (f" {unit}" if unit else "")


def _other_event(sent: Span, start: int, state: "Discourse") -> bool:
    """A measure told of another event, or forecast: a word of `_OTHER_EVENT` or
    `_FORECAST` among the six words before it, an aftershock before it in its sentence,
    or a year in its sentence other than the report's."""
    earlier = [t for t in sent if t.idx < start]
    if any(t.lower_ in _OTHER_EVENT or t.lower_ in _FORECAST for t in earlier[-6:]):
        return True
    if any(t.lower_ in _LESSER for t in earlier):
        return True
    year = (state.published or "")[:4]
    return any(t.ent_type_ == "DATE" and re.fullmatch(r"(1[89]|20)\d\d", t.text) and t.text != year for t in sent)


def _token_at(sent: Span, char: int) -> Token | None:
    return next((t for t in sent if t.idx <= char < t.idx + len(t.text)), None)


def _subject(token: Token, state: "Discourse") -> Ent | None:
    """The event a measure is told of (see the module docstring)."""
    event = event_at(frame_of(token, state), state)
    if event is None or event.entity is None:
        return None
    event = brought(event, state) or event
    return Ent(event.entity.name, "EVENT", event.token.text, event.token.idx, event.token.idx + len(event.token.text))


@extractor(order=22)
def measure_facts(sent: Span, state: "Discourse") -> Iterator[Raw]:
    """The measures of a sentence (family `measure`), on the event it tells of."""
    patterns = state.rules.derived("measure", _patterns)
    if not patterns:
        return
    base = sent.start_char
    text = state.text[base:sent.end_char]
    lowered = text.lower()
    taken: set[int] = set()
    for rule, after, before in patterns:
        if not any(w.lower() in lowered for w in rule["words"]):
            continue
        for pattern in (after, before):
            for match in pattern.finditer(text) if pattern is not None else ():
                start = base + match.start()
                if start in taken or _other_event(sent, start, state):
                    continue
                value = measure_value(_group(match, "num") or "", _group(match, "qual"), _group(match, "unit"))
                noun = _token_at(sent, base + match.start("noun") if match.group("noun") is not None
                                 else base + match.start("noun2"))
                if value is None or noun is None:
                    continue
                subject = _subject(noun, state)
                if subject is None:
                    continue
                taken.add(start)
                yield Raw(subject, rule["attribute"], value, "quantity", match.group(0), start, base + match.end(),
                          rule["id"], noun, claim=noun.idx)


def _verbs(rules: "Compiled") -> dict[str, list[tuple[dict, str, str | None]]]:
    """Counted nouns of family `measure_count` to (rule, verb lemma, object lemma)."""
    out: dict[str, list] = {}
    for rule in rules.by_family.get("measure_count", ()):
        for word in rule["words"]:
            for verb in rule["requires"]:
                head, *rest = verb.lower().split()
                if head == "*":  # '* off rails': any verb with that preposition and object
                    head = f"* {rest[0]}"
                out.setdefault(word.lower(), []).append((rule, head, rest[-1] if rest else None))
    return out


def _told_by(noun: Token, verb: str, obj: str | None) -> bool:
    """'sold 12,000 tickets', '12,000 tickets were sold', '1,040 homes destroyed', 'six
    carriages derailed', 'six carriages left the rails' (`obj`: the verb's object)."""
    head = noun.head
    if noun.dep_ in ("acl", "amod", "relcl"):
        return False
    if noun.dep_ in ("nsubj", "nsubjpass", "dobj", "obj", "conj"):
        holder = head if noun.dep_ != "conj" else head.head
        if verb.startswith("* "):  # 'eight carriages ploughed off the track'
            return holder.pos_ in ("VERB", "AUX") and any(
                c.dep_ in ("prep", "prt") and c.lower_ == verb[2:] and (
                    any(obj in (lemma(g), g.lower_) for g in c.children)
                    or any(obj in (lemma(g), g.lower_) for g in holder.children if g.dep_ in ("dobj", "pobj")))
                for c in holder.children)
        if holder.pos_ in ("VERB", "AUX") and lemma(holder) == verb:
            return obj is None or any(obj in (lemma(c), c.lower_) for c in holder.children if c.dep_ in ("dobj", "obj")) \
                or any(obj in (lemma(g), g.lower_) for c in holder.children if c.dep_ == "prep" for g in c.children)
    # '1,040 homes destroyed': a participle on the noun
    return obj is None and any(c.dep_ in ("acl", "amod") and lemma(c) == verb and c.tag_ == "VBN"
                               for c in noun.children)


@extractor(order=23)
def measure_count_facts(sent: Span, state: "Discourse") -> Iterator[Raw]:
    """The counts of things a sentence gives as a measure of its event (family
    `measure_count`)."""
    counted = state.rules.derived("measure_count", _verbs)
    if not counted:
        return
    for token in sent:
        if token.tag_ not in ("NNS", "NNPS"):
            continue
        # 'three of its nine wagons left the rails': the number before 'of' holds the clause
        holder = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" \
            and token.head.head.like_num else token
        for rule, verb, obj in counted.get(lemma(token), counted.get(token.lower_, ())):
            if not _told_by(holder, verb, obj):
                continue
            quantity = quantity_of(holder, state)
            if quantity is None or quantity[2].i != token.i:
                continue
            value, words, _ = quantity
            start, end = span_of(words)
            if _other_event(sent, start, state):
                continue
            subject = _subject(token, state)
            if subject is None:
                continue
            yield Raw(subject, rule["attribute"], value, "quantity", text_of(words), start, end, rule["id"],
                      token, claim=token.idx)
            break
