"""The facts a document gives about the events it mentions (`event_mentions`).

An event gets facts (`date`, `time`, `place`, `cause`, `amount`, `perpetrator` and its
own names) when the document tells something about it: a cause, a perpetrator, a count
or a death, a second mention, what happened to a named person, or counts in later
sentences of the lead's one event (`told`). An attack blamed on someone has no cause from
it: who did it, said by whoever blamed it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from spacy.tokens import Span, Token

from factx import attribution as attr
from factx.events import FLIGHT
from factx.stages.attributes.agents import perpetrators
from factx.stages.attributes.authors import authors_of
from factx.stages.attributes.base import PLACE_LABELS, Ent, Raw
from factx.stages.attributes.causes import amount_of, cause_of
from factx.stages.attributes.event_mentions import EventMention, lead_end
from factx.stages.attributes.event_names import airline_start
from factx.stages.attributes.frames import CLOCK, calendar_day, day_of
from factx.stages.attributes.hypotheses import hypothesis
from factx.stages.attributes.registry import extractor
from factx.stages.attributes.syntax import lemma, span_of, text_of

if TYPE_CHECKING:
    from factx.stages.attributes.discourse import Discourse


def told(mention: EventMention, state: "Discourse") -> bool:
    """Whether the document tells something about an event beyond naming it."""
    if mention.entity is None:
        return False
    if cause_of(mention.frame, state, death=False) is not None or perpetrators(mention.frame, state):
        return True
    if sum(1 for e in state.events if e.entity is not None and e.entity.name == mention.entity.name) > 1:
        return True
    rules = state.rules
    if mention.token.pos_ == "VERB" and mention.kind.agentive and any(
            c.dep_ == "nsubjpass" and (m := state.mention_at(c)) is not None and m.label == "PERSON"
            for c in mention.token.children):
        return True  # 'X was shot outside his home in Y on Friday': what happened to a named person
    if mention.named and any(lemma(t) in rules.count_verbs or lemma(t) in rules.death_verbs
                             for t in mention.token.sent if t.pos_ == "VERB"):
        return True  # 'X, a strong storm, killed 12': the storm's names
    return any(lemma(r) in rules.death_verbs or lemma(r) in rules.count_verbs or lemma(r) in rules.count_nouns
               for r in mention.frame.roots) or any(
        lemma(t) in rules.count_nouns or lemma(t) in rules.death_nouns for t in mention.token.sent) \
        or _counted_later(mention, state)


def _counted_later(mention: EventMention, state: "Discourse") -> bool:
    """The one event of a document, told in its lead, whose counts come in later
    sentences ('A ferry sank off X on Monday. Nineteen people are missing'): the counts
    are its (`event_at`), so it is told."""
    names = {e.entity.name for e in state.events if e.entity is not None}
    if names != {mention.entity.name}:
        return False
    if mention.token.i >= lead_end(state):
        return False
    rules = state.rules
    table = state.tokens
    return any(low in rules.count_verbs or low in rules.count_nouns or low in rules.death_verbs
               for low in table.lemmas[mention.token.sent.end:])


def _flight_names(sent: Span, state: "Discourse") -> Iterator[Raw]:
    """Every spelling of a flight the document tells of, with the airline in front
    ('Norvia Air Flight 88', 'flight NV 88'), wherever the parse put it."""
    told_flights = {e.entity.name for e in state.events if e.entity is not None and e.entity.name.startswith("Flight ")
                    and told(e, state)}
    if not told_flights:
        return
    for match in FLIGHT.finditer(sent.text):
        name = f"Flight {match.group(1)}"
        if name not in told_flights:
            continue
        start, end = sent.start_char + match.start(), sent.start_char + match.end()
        token = state.doc.char_span(start, end, alignment_mode="expand")
        if token is None:
            continue
        # the airline: proper nouns in front that hang on the flight's words
        start = airline_start(token[0], token[-1], sent.start)

        text = state.text[start:end]
        yield Raw(Ent(name, "EVENT", text, start, end), "name", text, "name", text, start, end, "event.name",
                  token.root, claim=token.root.idx)


@extractor(order=15)
def event_facts(sent: Span, state: "Discourse") -> Iterator[Raw]:
    """date, place, cause, perpetrator and the document's names of the events of a sentence."""
    yield from _flight_names(sent, state)
    for mention in state.events:
        if not (sent.start <= mention.token.i < sent.end) or not told(mention, state):
            continue
        token, claim = mention.token, mention.token.idx
        # the event as this mention names it, where it stands (its name may stand elsewhere)
        event = Ent(mention.entity.name, "EVENT", token.text, token.idx, token.idx + len(token.text))
        for name, start, end in mention.names:  # a `name` fact's mention is the name itself
            yield Raw(Ent(event.name, "EVENT", name, start, end), "name", name, "name", name, start, end,
                      "event.name", token, claim=claim)
        if mention.date is not None:
            timex, _ = mention.date
            yield Raw(event, "date", day_of(timex.value), "date", timex.text, timex.start, timex.end,
                      f"{mention.kind.rule}.date", token, claim=claim)
        if mention.time is not None:  # the clock time, with the day the document gives the event
            timex, _, value = mention.time
            value = value or f"{_day_of_event(event.name, state) or 'XXXX-XX-XX'}T{CLOCK.search(timex.value).group(1)}"
            yield Raw(event, "time", value, "date", timex.text, timex.start, timex.end,
                      f"{mention.kind.rule}.time", token, claim=claim)
        if mention.place is not None:
            place, _ = mention.place
            if place.label in PLACE_LABELS:
                yield Raw(event, "place", place.name, "entity", place.text, place.start, place.end,
                          f"{mention.kind.rule}.place", token, place.label, claim=claim)
        cause = cause_of(mention.frame, state, death=False)
        if cause is not None and mention.kind.agentive and _blamed(cause[2]) is not None:
            yield from _blamed_authors(event, cause[2], mention, token, state)
            cause = None  # 'an attack his party blamed on X': who did it, said by the party
        if cause is not None and not hypothesis(cause[2], state.rules):  # 'caused by an attack': who did it
            value, words, _ = cause
            start, end = span_of(words)
            yield Raw(event, "cause", value, "text", text_of(words), start, end,
                      f"{mention.kind.rule}.cause", token, claim=claim)

        # how much of it there was: '400 tonnes of fertiliser' as the cause, or as
        # what blew up ('400 tonnes of X had exploded')
        amount = amount_of(cause[2], state) if cause is not None else None
        if amount is None and token.pos_ == "VERB":
            amount = next((a for c in token.children if c.dep_ == "nsubj" and (a := amount_of(c, state))), None)
        if amount is not None:
            start, end = span_of(amount[1])
            yield Raw(event, "amount", amount[0], "quantity", text_of(amount[1]), start, end,
                      f"{mention.kind.rule}.amount", token, claim=claim)
        for value, value_type, entity_type, where in perpetrators(mention.frame, state) if mention.kind.agentive else ():
            value = _unhedged(value, state)  # ('Suspected X fighters': the NER's span)
            yield Raw(event, "perpetrator", value, value_type, where.text, where.idx,
                      where.idx + len(where.text), f"{mention.kind.rule}.perpetrator", token,
                      entity_type if value_type == "entity" else None, claim=claim)


def _blamed(cause: Token) -> Token | None:
    """The verb 'blame' whose 'on' gives a cause ('blamed on X'), else None."""
    prep = cause.head
    return prep.head if cause.dep_ == "pobj" and prep.lower_ == "on" and lemma(prep.head) == "blame" else None


def _blamed_authors(event: Ent, cause: Token, mention: EventMention, token: Token,
                    state: "Discourse") -> Iterator[Raw]:
    """An attack blamed on someone: who did it, by the word of whoever blamed it."""
    verb = _blamed(cause)
    speaker = attr.subject_of(verb)
    for (value, value_type, entity_type), where in authors_of(cause, state):
        yield Raw(event, "perpetrator", value, value_type, where.text, where.idx, where.idx + len(where.text),
                  f"{mention.kind.rule}.blamed", token, entity_type if value_type == "entity" else None,
                  claim=token.idx, speaker=speaker)


def _unhedged(value: str, state: "Discourse") -> str:
    """A name without the hedge the NER left in front ('Suspected X' → 'X'), so that it
    is the same author as the plain name."""
    first, _, rest = value.partition(" ")
    return rest if rest and first.lower() in state.rules.lexicon.hedge_adjectives else value


def _day_of_event(name: str, state: "Discourse") -> str | None:
    """The one day the document gives an event ('on Tuesday' in another sentence), else None."""
    days = {calendar_day(e.date[0].value) for e in state.events
            if e.entity is not None and e.entity.name == name and e.date is not None}
    return next(iter(days)) if len(days) == 1 and None not in days else None
