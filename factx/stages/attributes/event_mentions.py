"""The events a document mentions, as entities, and the facts it gives about them.

Each event noun or verb of the rules ('the blast', 'a bus crashed') is an event
mention with its frame (see `frames.py`). Its entity is the named event it belongs to
('the crash of Flight 302'; an EVENT mention), else an EVENT named by its kind and its
town-level place ("explosion in X", `factx.events.event_name`); a later definite mention
of the same kind without a place ('the explosion') is the event named before it ('raids'
without a determiner are new ones). The document's
own names for it ('the X port blast') become `name` facts of that entity, so that they
appear as its variants.

An event gets facts (`date`, `place`, `cause`, `perpetrator`) when the document tells
something about it: a cause, a perpetrator, a count or a death, or a second mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Iterator

from spacy.tokens import Span, Token

from factx.events import event_name
from factx.records import TimexSpan
from factx.stages.attributes.base import PLACE_LABELS, Ent, Raw
from factx.stages.attributes.causes import cause_of
from factx.stages.attributes.compiled import EventKind
from factx.stages.attributes.frames import Frame, event_date, event_places, frame_of, perpetrators
from factx.stages.attributes.places import country_of
from factx.stages.attributes.registry import extractor
from factx.stages.attributes.syntax import is_definite, lemma, span_of, text_of

if TYPE_CHECKING:
    from factx.stages.attributes.discourse import Discourse

FLIGHT = re.compile(r"\b[Ff]light\s+(?:[A-Z]{2,3}\s?)?\d{1,4}\b")
DATE_WORDS = ("DATE", "TIME")


@dataclass(frozen=True)
class EventMention:
    """One mention of an event: its word, kind, frame, entity and what it says."""

    token: Token
    kind: EventKind
    frame: Frame
    entity: Ent | None
    place: tuple[Ent, list[Ent]] | None
    date: tuple[TimexSpan, list[Token]] | None
    #: the document's own names of the event at this mention ('the X port blast')
    names: tuple[tuple[str, int, int], ...] = ()


def event_mentions(state: "Discourse") -> list[EventMention]:
    """The event mentions of a document in order, each with its entity (see above)."""
    rules = state.rules
    found: list[tuple[Token, EventKind, Frame, tuple[Ent, list[Ent]] | None, Ent | None]] = []
    for token in state.doc:
        kind = None
        if token.pos_ in ("NOUN", "PROPN"):
            mention = state.mention_at(token)
            if mention is not None and mention.label not in ("EVENT",) and token.pos_ == "PROPN":
                continue  # part of a name ('the Islamic Attack Group')
            kind = rules.event_kind(token)
        elif token.pos_ == "VERB" and lemma(token) in rules.event_verbs:
            kind = rules.event_verbs[lemma(token)]
        if kind is None or (token.pos_ == "NOUN" and token.dep_ == "compound"):
            continue
        frame = frame_of(token, state)
        places = event_places(frame, state)
        found.append((token, kind, frame, places[0] if places else None, _named_event(token, state)))
    # one naming place per kind and country: 'the blast in Lebanon' is the one 'in Beirut'
    towns: dict[tuple[str, str], Ent] = {}
    for token, kind, _, place, named in found:
        if place is not None and named is None:
            naming = _naming_place(place)
            country = _country(naming, place[1], state)
            if country is not None and naming.name != country:
                towns.setdefault((kind.kind, country), naming)
    out: list[EventMention] = []
    for token, kind, frame, place, named in found:
        entity = named
        if entity is None and place is not None:
            naming = _naming_place(place)
            naming = towns.get((kind.kind, naming.name), naming)  # a country: its one town
            entity = _entity(event_name(kind.kind, naming.name), token)
        if entity is None and is_definite(token):  # 'the explosion': the one named before
            entity = next((e.entity for e in reversed(out) if e.kind.kind == kind.kind and e.entity), None)
            entity = _entity(entity.name, token) if entity is not None else None
        own_names = tuple(_own_names(token, state))
        if named is not None and named.text != named.name:
            own_names += ((named.text, named.start, named.end),)  # how this document writes the flight
        out.append(EventMention(token, kind, frame, entity, place, event_date(frame, state), own_names))
    # a document that names one event of a kind ('Flight 302') means it by every mention
    # of that kind ('the crash near X')
    named: dict[str, set[str]] = {}
    for token, kind, _, _, entity in found:
        if entity is not None:
            named.setdefault(kind.kind, set()).add(entity.name)
    for i, mention in enumerate(out):
        names = named.get(mention.kind.kind, set())
        # (a mention with a place of its own may be another event: 'after a crash in X that killed 189')
        if len(names) == 1 and mention.entity is None and _refers_back(mention):
            out[i] = mention = replace(mention, entity=_entity(next(iter(names)), mention.token))
    # a mention without a place of its own, in a document with one event of its kind: that one
    by_kind: dict[str, set[str]] = {}
    for mention in out:
        if mention.entity is not None:
            by_kind.setdefault(mention.kind.kind, set()).add(mention.entity.name)
    for i, mention in enumerate(out):
        names = by_kind.get(mention.kind.kind, set())
        if mention.entity is None and len(names) == 1 and _refers_back(mention):
            out[i] = replace(mention, entity=_entity(next(iter(names)), mention.token))
    return out


OTHER_WORDS = frozenset({"another", "previous", "earlier", "second", "first", "similar", "separate",
                         "last", "prior", "other", "former"})
TIME_PREPS = frozenset({"since", "before", "after", "than", "like", "unlike"})


def _refers_back(mention: "EventMention") -> bool:
    """A mention without a place of its own that means the event the document is about:
    'the crash', 'Sunday's blast', 'it crashed', 'the plane crashed', and 'a massive
    explosion at the port' in an article about one; not bare plurals ('raids'), an event
    set in another time ('since the 1996 hijacking that ended in a crash', 'another
    crash', one with its own date) or a new subject ('a jet operated by X crashed')."""
    token = mention.token
    if token.pos_ in ("NOUN", "PROPN"):
        if any(c.lower_ in OTHER_WORDS for c in token.children) or token.tag_ in ("NNS", "NNPS") and not is_definite(token):
            return False
        if any(a.dep_ == "prep" and a.lower_ in TIME_PREPS for a in token.ancestors):
            return False
        return is_definite(token) or mention.date is None
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    # 'it crashed', 'the plane crashed'; not 'the US attacked X': a new event of its own
    return subject is not None and (subject.pos_ == "PRON" or subject.pos_ == "NOUN" and is_definite(subject)) \
        and mention.date is None  # 'X crashed in October 2018': a crash of its own time


def _entity(name: str, token: Token) -> Ent:
    return Ent(name, "EVENT", token.text, token.idx, token.idx + len(token.text))


def _naming_place(place: tuple[Ent, list[Ent]]) -> Ent:
    """The place an unnamed event is named by: a facility's town when it is named."""
    own, containers = place
    if own.label == "FAC":
        return next((c for c in containers if c.label in ("GPE", "LOC")), own)
    return own


def _country(place: Ent, containers: list[Ent], state: "Discourse") -> str | None:
    return country_of(place, containers, state)


def _named_event(token: Token, state: "Discourse") -> Ent | None:
    """A named event at an event word: an EVENT mention on it or in front of it, or a
    flight ('the crash of Flight 302', 'flight ET 302 which crashed', 'Flight ET302
    crashed'), named 'Flight <number>' so that every spelling of it is one event."""
    candidates = [token] + [c for c in token.children if c.dep_ in ("compound", "nmod", "appos", "poss", "nsubj",
                                                                    "nsubjpass")]
    candidates += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                   for g in c.children if g.dep_ == "pobj"]
    if token.dep_ in ("relcl", "acl"):
        candidates.append(token.head)  # 'flight ET 302, which crashed'
    for candidate in candidates:
        words = [t for t in candidate.subtree if t.i <= candidate.i or t.dep_ in ("nummod", "compound", "appos")]
        start, end = span_of(words) if words else (candidate.idx, candidate.idx + len(candidate.text))
        flight = FLIGHT.search(state.text[start:end])
        if flight is not None:
            number = re.search(r"\d+", flight.group()).group()
            a, b = start + flight.start(), start + flight.end()
            return Ent(f"Flight {number}", "EVENT", state.text[a:b], a, b)
        mention = state.mention_at(candidate)
        if mention is not None and mention.label == "EVENT":
            return state.ent_of_mention(mention, "EVENT")
    return None


def _own_names(token: Token, state: "Discourse") -> Iterator[tuple[str, int, int]]:
    """'the catastrophic X port blast' → 'X port blast': an event noun with a proper
    name in front of it, from that name on."""
    if token.pos_ != "NOUN":
        return
    # a possessive names the event's owner or time, not the event ('the airline's second accident')
    lefts = [c for c in token.lefts if c.dep_ in ("compound", "nmod", "amod")]
    words = sorted({t for c in lefts for t in c.subtree if t.ent_type_ not in DATE_WORDS}, key=lambda t: t.i)
    start = next((i for i, t in enumerate(words) if t.pos_ == "PROPN" and (
        state.mention_at(t) is not None and state.mention_at(t).label in ("GPE", "LOC", "FAC", "ORG", "NORP", "EVENT")
        or state.mention_at(t) is None and t.dep_ == "compound" and t.ent_type_ not in DATE_WORDS)), None)
    if start is None:
        return
    tokens = [t for t in words[start:] if t.text not in ("'s", "’s")] + [token]
    if any(t.i + 1 != n.i and not (t.i + 2 == n.i and t.nbor(1).text in ("'s", "’s")) for t, n in zip(tokens, tokens[1:])):
        return  # not one stretch of words
    a, b = span_of(tokens)
    yield state.text[a:b], a, b


def told(mention: EventMention, state: "Discourse") -> bool:
    """Whether the document tells something about an event beyond naming it."""
    if mention.entity is None:
        return False
    if cause_of(mention.frame, state, death=False) is not None or perpetrators(mention.frame, state):
        return True
    if sum(1 for e in state.events if e.entity is not None and e.entity.name == mention.entity.name) > 1:
        return True
    rules = state.rules
    return any(lemma(r) in rules.death_verbs or lemma(r) in rules.count_verbs or lemma(r) in rules.count_nouns
               for r in mention.frame.roots) or any(
        lemma(t) in rules.count_nouns or lemma(t) in rules.death_nouns for t in mention.token.sent)


@extractor(order=15)
def event_facts(sent: Span, state: "Discourse") -> Iterator[Raw]:
    """date, place, cause, perpetrator and the document's names of the events of a sentence."""
    for mention in state.events:
        if not (sent.start <= mention.token.i < sent.end) or not told(mention, state):
            continue
        event, token, claim = mention.entity, mention.token, mention.token.idx
        for name, start, end in mention.names:  # a `name` fact's mention is the name itself
            yield Raw(Ent(event.name, "EVENT", name, start, end), "name", name, "name", name, start, end,
                      "event.name", token, claim=claim)
        if mention.date is not None:
            timex, _ = mention.date
            yield Raw(event, "date", timex.value, "date", timex.text, timex.start, timex.end,
                      f"{mention.kind.rule}.date", token, claim=claim)
        if mention.place is not None:
            place, _ = mention.place
            if place.label in PLACE_LABELS:
                yield Raw(event, "place", place.name, "entity", place.text, place.start, place.end,
                          f"{mention.kind.rule}.place", token, place.label, claim=claim)
        cause = cause_of(mention.frame, state, death=False)
        if cause is not None:
            value, words, _ = cause
            start, end = span_of(words)
            yield Raw(event, "cause", value, "text", text_of(words), start, end,
                      f"{mention.kind.rule}.cause", token, claim=claim)
        for value, value_type, entity_type, where in perpetrators(mention.frame, state):
            yield Raw(event, "perpetrator", value, value_type, where.text, where.idx,
                      where.idx + len(where.text), f"{mention.kind.rule}.perpetrator", token,
                      entity_type if value_type == "entity" else None, claim=claim)


def event_at(frame: Frame, state: "Discourse") -> EventMention | None:
    """The event mention a frame is about: one of its roots, else the nearest event of
    its sentence with an entity, else the last one named in the three sentences before in
    its paragraph, else the one event of the document."""
    roots = frame.root_ids
    sent = frame.trigger.sent
    own = [e for e in state.events if e.token.i in roots]
    if own:  # its own event, even when that one has no entity: never another kind's
        return next((e for e in own if e.entity is not None), None)
    same = [e for e in state.events if sent.start <= e.token.i < sent.end and e.entity is not None]
    if same:
        return min(same, key=lambda e: abs(e.token.i - frame.trigger.i))
    before = [e for e in state.events if e.token.i < sent.start and e.entity is not None]
    if before:  # the event named just before, in the same paragraph
        last = before[-1]
        between = state.text[last.token.idx:frame.trigger.idx]
        if "\n" not in between and len(list(state.doc[last.token.i:sent.start].sents)) <= 3:
            return last
    # a document about one event (named in its lead, or more than once): its counts are
    # that event's ('Ten were killed.'); a single background event is not what it is about
    named = [e for e in state.events if e.entity is not None]
    if len({e.entity.name for e in named}) == 1:
        lead = list(state.doc.sents)[:3]
        if len(named) > 1 or named[0].token.i < lead[-1].end:
            return named[0]
    return None
