"""The events a document mentions, as entities.

Each event noun or verb of the rules ('the blast', 'a bus crashed') is an event
mention with its frame (see `frames.py`). Its entity is the named event it belongs to
('the crash of Flight 302'; an EVENT mention), else an EVENT named by its kind and its
town-level place ("explosion in X", `factx.events.event_name`); a later definite mention
of the same kind without a place ('the explosion') is the event named before it ('raids'
without a determiner are new ones). The document's
own names for it ('the X port blast') become `name` facts of that entity, so that they
appear as its variants.

The facts an event gets are `event_facts`'s; `event_at` gives a count or a death the
event it is about.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

from factx import attribution as attr
from factx.events import event_name, name_year, split_event_name
from factx.records import TimexSpan
from factx.stages.attributes.base import Ent
from factx.stages.attributes.causes import amount_units
from factx.stages.attributes.compiled import Compiled, EventKind
from factx.stages.attributes.event_names import (
    OTHER_WORDS, named_by_apposition, named_by_vessel, named_by_words, named_event, own_names,
)
from factx.stages.attributes.frames import (
    Frame, calendar_day, event_date, event_places, event_time, frame_of, specificity,
)
from factx.stages.attributes.hypotheses import hypothesis
from factx.stages.attributes.places import country_of
from factx.stages.attributes.syntax import is_definite, lemma

if TYPE_CHECKING:
    from factx.stages.attributes.discourse import Discourse


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
    #: its clock time: the expression, and its TIMEX value when the day is known too
    time: tuple[TimexSpan, list[Token], str | None] | None = None
    #: the event has a name of its own at this mention ('Storm X', 'Flight 302')
    named: bool = False


def event_mentions(state: "Discourse") -> list[EventMention]:
    """The event mentions of a document in order, each with its entity (see above)."""
    rules = state.rules
    found: list[tuple[Token, EventKind, Frame, tuple[Ent, list[Ent]] | None, Ent | None]] = []
    named_at = named_by_words(state)
    table = state.tokens
    # a token neither of whose words (lemma, form) is an event word has no kind
    words = rules.derived("event_words", _event_words)
    for token, low, lower in zip(table.tokens, table.lemmas, table.lowers):
        if low not in words and lower not in words and token.i not in named_at:
            continue
        kind = None
        if token.i in named_at:  # 'Storm Belen', 'Operation Grey Pine'
            ent, kind = named_at[token.i]
            frame = frame_of(token, state)
            places = event_places(frame, state)
            found.append((token, kind, frame, places[0] if places else None, ent))
            continue
        if token.pos_ in ("NOUN", "PROPN"):
            mention = state.mention_at(token)
            if mention is not None and mention.label not in ("EVENT",) and token.pos_ == "PROPN":
                continue  # part of a name ('the Islamic Attack Group')
            kind = rules.event_kind(token)
        elif token.pos_ == "VERB":
            kind = rules.event_verb(token)
            if kind is not None and low in rules.death_verbs and _fatal(token, rules):
                continue  # 'was shot dead', 'shot and killed': a death, told by `deaths`
        if kind is None or (token.pos_ == "NOUN" and token.dep_ == "compound") or hypothesis(token, rules):
            continue  # ('was not an attack' names no attack: `perpetration`)
        if _generic(token):
            continue  # ('ferry accidents are common in X': no event)
        frame = frame_of(token, state)
        places = event_places(frame, state)
        named = named_event(token, state) or named_by_apposition(token, kind, state) \
            or named_by_vessel(token, kind, state)
        if named is not None:  # (the ship is not where it sank: 'the sinking of the MV X off Y')
            places = [p for p in places if not named.start <= p[0].start < named.end]
        found.append((token, kind, frame, places[0] if places else None, named))
    # one naming place per kind and country: 'the blast in <country>' is the one 'in <its town>'
    towns: dict[tuple[str, str], Ent] = {}
    # the country of a town, where one of its mentions says so ('Libya's city of X', 'X, Libya')
    countries = {_naming_place(p).name: c for _, _, _, p, _ in found if p is not None
                 and (c := _country(_naming_place(p), p[1], state)) is not None}
    for token, kind, _, place, named in found:
        if place is not None and named is None:
            naming = _naming_place(place)
            country = _country(naming, place[1], state) or countries.get(naming.name)
            if country is not None and naming.name != country:
                towns.setdefault((kind.kind, country), naming)
    out: list[EventMention] = []
    for token, kind, frame, place, named in found:
        entity = named
        date = event_date(frame, state)
        if entity is None and place is not None:
            naming = _naming_place(place)
            naming = towns.get((kind.kind, naming.name)) or _related_town(kind, naming, towns, rules)
            entity = _entity(event_name(kind.kind, naming.name, _other_year(date, state)), token)
        if entity is None and is_definite(token):  # 'the explosion': the one named before
            entity = next((e.entity for e in reversed(out) if e.kind.kind == kind.kind and e.entity), None)
            entity = _entity(entity.name, token) if entity is not None else None
        spellings = tuple(own_names(token, kind, state))
        if named is not None and (named.text != named.name or state.mention_at(token) is None
                                  and not any(m.start == named.start for m in state.mentions)):
            # how this document writes the flight or the storm (the NER's names have theirs)
            spellings += ((named.text, named.start, named.end),)
        out.append(EventMention(token, kind, frame, entity, place, date, spellings, event_time(frame, state),
                                named is not None))
    out = _one_per_place(out, state)
    # a document that names one event of a kind ('Flight 302') means it by every mention
    # of that kind ('the crash near X')
    named: dict[str, set[str]] = {}
    for token, kind, _, _, entity in found:
        if entity is not None:
            named.setdefault(kind.kind, set()).add(entity.name)
    for i, mention in enumerate(out):
        names = named.get(mention.kind.kind, set())
        # (a mention with a place of its own may be another event: 'after a crash in X that killed 189')
        if len(names) == 1 and mention.entity is None and (_refers_back(mention, state) or _its_own(mention, state)):
            out[i] = mention = replace(mention, entity=_entity(next(iter(names)), mention.token))
    # a mention without a place of its own, in a document with one event of its kind: that one
    by_kind: dict[str, set[str]] = {}
    for mention in out:
        if mention.entity is not None and name_year(mention.entity.name) is None:
            # (an event set in another year is no event an undated mention means)
            by_kind.setdefault(mention.kind.kind, set()).add(mention.entity.name)
    for i, mention in enumerate(out):
        names = by_kind.get(mention.kind.kind, set())
        if mention.entity is None and len(names) == 1 and _refers_back(mention, state):
            out[i] = replace(mention, entity=_entity(next(iter(names)), mention.token))
    # a definite mention of a kind the document tells of no event of, in a document with
    # one event of a kind declared the same ('a bombing in X' … 'claimed the attack'): that one
    for i, mention in enumerate(out):
        if mention.entity is None and not by_kind.get(mention.kind.kind) and is_definite(mention.token) \
                and mention.token.pos_ in ("NOUN", "PROPN") and _refers_back(mention, state) \
                and _other_year(mention.date, state) is None:  # (not 'the 2016 bombings')
            names = {n for k in rules.related_kinds.get(mention.kind.kind, ()) for n in by_kind.get(k, ())}
            if len(names) == 1:
                out[i] = replace(mention, entity=_entity(next(iter(names)), mention.token))
    # a mention that means the document's event of its kind, which it never places ('the
    # floods'): an event named by its kind alone, for the run to link (`factx.events`)
    for i, mention in enumerate(out):
        if mention.entity is None and not by_kind.get(mention.kind.kind) and _refers_back(mention, state) \
                and mention.token.pos_ in ("NOUN", "PROPN"):
            name = event_name(mention.kind.kind, None, _other_year(mention.date, state))
            out[i] = replace(mention, entity=_entity(name, mention.token))
    by_kind = {}
    for mention in out:
        if mention.entity is not None and name_year(mention.entity.name) is None:
            by_kind.setdefault(mention.kind.kind, set()).add(mention.entity.name)
    # a passive verb without a place of its own (nor a time, unless it tells of the victim
    # the document told of: 'the politician was shot on Thursday'), in a document with one event of
    # its kind or of a kind declared the same ('gunmen stormed a café in X … eleven people
    # were held hostage'): what was done to the victims of that one event
    for i, mention in enumerate(out):
        if mention.entity is None and (mention.date is None or _its_own(mention, state)) \
                and mention.token.pos_ == "VERB" and attr.is_passive(mention.token):
            kinds = (mention.kind.kind, *rules.related_kinds.get(mention.kind.kind, ()))
            names = _broadest({n for k in kinds for n in by_kind.get(k, ())}, out)
            if len(names) == 1:
                out[i] = replace(mention, entity=_entity(next(iter(names)), mention.token))
    return out


#: words beside a verb that make it a killing ('shot dead', 'shot to death', 'fatally shot')
FATAL_WORDS = frozenset({"dead", "death", "fatally", "mortally", "down"})


def _fatal(verb: Token, rules: "Compiled") -> bool:
    """A verb that is also a death verb, told as a killing here: 'was shot dead', 'shot
    to death', 'fatally shot', 'was shot and killed', 'shot him, killing him'."""
    near = [verb, *verb.children, *(g for c in verb.children if c.dep_ == "prep" for g in c.children)]
    if any(t.lower_ in FATAL_WORDS for t in near if t.i != verb.i):
        return True
    joined = [c for c in verb.children if c.dep_ in ("conj", "advcl", "xcomp")]
    if verb.dep_ in ("conj", "xcomp"):
        joined.append(verb.head)
    return any(lemma(t) in rules.death_verbs and lemma(t) != lemma(verb) or lemma(t) in ("die",) for t in joined)


def _event_words(rules: "Compiled") -> frozenset[str]:
    """Every word `Compiled.event_kind` or `event_verb` can find a kind from: the event
    nouns and verbs, the last words of two-word nouns, the first of two-word verbs."""
    return frozenset(rules.event_nouns) | rules.event_last_words | frozenset(rules.event_verbs) | (
        rules.event_verb_firsts)


def _other_year(date: tuple[TimexSpan, list[Token]] | None, state: "Discourse") -> int | None:
    """The year of an event the document sets in another year than its own ('the 2009
    floods' in an article of 2023), else None."""
    if date is None or not state.published:
        return None
    match = re.match(r"(\d{4})", date[0].value)
    if match is None or specificity(date[0].value, date[0].text) < 1:
        return None
    year = int(match.group(1))
    return year if year != int(state.published[:4]) else None


TIME_PREPS = frozenset({"since", "before", "after", "than", "like", "unlike"})


def _refers_back(mention: "EventMention", state: "Discourse") -> bool:
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
    # 'it crashed', 'the plane crashed', '400 tonnes of X had exploded' (what blew up, by
    # weight); not 'the US attacked X': a new event of its own
    return subject is not None and (subject.pos_ == "PRON" or subject.pos_ == "NOUN" and (
        is_definite(subject) or lemma(subject) in amount_units(state.rules))) \
        and mention.date is None  # 'X crashed in October 2018': a crash of its own time


def _generic(token: Token) -> bool:
    """A bare plural said to be frequent or rare somewhere ('Attacks on politicians are
    rare in X', 'Ferry accidents are common in Y'): events in general, none of its own."""
    if token.tag_ not in ("NNS", "NNPS") or token.dep_ not in ("nsubj", "nsubjpass") \
            or any(c.dep_ in ("det", "poss", "nummod") for c in token.children):
        return False
    verb = token.head
    return lemma(verb) in ("be", "remain") and any(c.dep_ == "acomp" for c in verb.children)


def _one_per_place(mentions: list[EventMention], state: "Discourse") -> list[EventMention]:
    """Events of kinds declared one ('an attack', 'the shooting') that a document places
    at one place on one day are one event: the name it uses most (else first) for all."""
    rules = state.rules
    by_name: dict[str, list[EventMention]] = {}
    for mention in mentions:
        if mention.entity is not None and not mention.named and mention.place is not None:
            by_name.setdefault(mention.entity.name, []).append(mention)
    rename: dict[str, str] = {}
    names = sorted(by_name, key=lambda n: (-len(by_name[n]), by_name[n][0].token.i))
    for i, name in enumerate(names):
        if name in rename:
            continue
        first = by_name[name][0]
        for other in names[i + 1:]:
            second = by_name[other][0]
            if other in rename or second.kind.kind not in rules.related_kinds.get(first.kind.kind, ()):
                continue
            if _naming_place(first.place).name != _naming_place(second.place).name:
                continue
            days = {calendar_day(m.date[0].value) for m in by_name[name] + by_name[other] if m.date is not None}
            if len(days - {None}) <= 1:
                rename[other] = name
    if not rename:
        return mentions
    return [replace(m, entity=_entity(rename[m.entity.name], m.token)) if m.entity is not None
            and m.entity.name in rename else m for m in mentions]


def _its_own(mention: "EventMention", state: "Discourse") -> bool:
    """A verb whose subject is someone or something the document told of before: its
    ship ('the ferry left X on Saturday and sank before midnight', 'it capsized') or,
    passive, its victim ('the 54-year-old politician was shot on the road on Thursday
    evening', 'X was shot'), in a document with one event of its kind: that event, even
    with a time of its own (what the document says of its time is that event's time)."""
    token = mention.token
    if token.pos_ != "VERB" or not (mention.kind.vessel or mention.kind.agentive and attr.is_passive(token)):
        return False
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and token.dep_ == "conj":
        subject = next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    mention_of = state.mention_at(subject)
    return subject.pos_ == "PRON" or subject.pos_ == "NOUN" and is_definite(subject) \
        or not mention.kind.vessel and mention_of is not None and mention_of.label == "PERSON"


def _entity(name: str, token: Token) -> Ent:
    return Ent(name, "EVENT", token.text, token.idx, token.idx + len(token.text))


def _related_town(kind: EventKind, naming: Ent, towns: dict[tuple[str, str], Ent], rules: Compiled) -> Ent:
    """A country's one town where the document places an event of a kind declared one with
    this one ('gunmen abduct 3 in <country>' … 'gunmen stormed a guesthouse in <its
    province>'), else the place itself."""
    found = {t.name: t for k in rules.related_kinds.get(kind.kind, ()) if (t := towns.get((k, naming.name)))}
    return next(iter(found.values())) if len(found) == 1 else naming


def _broadest(names: set[str], mentions: list[EventMention]) -> set[str]:
    """Event names without those whose place the text puts inside the place of another
    ('the attack in X' and 'the attack in the Y district of X': one event, the run links
    them by the document's `located_in`)."""
    # (an event the document never places, named by its kind alone, is what the run links
    # to a placed one: not another candidate beside it)
    placed = {m.entity.name for m in mentions if m.entity is not None and m.entity.name in names
              and (m.place is not None or m.named)}
    names = placed or names
    places: dict[str, str] = {}
    inside: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.entity is not None and mention.entity.name in names and mention.place is not None:
            places.setdefault(mention.entity.name, _naming_place(mention.place).name)
            inside.setdefault(mention.entity.name, set()).update(c.name for c in mention.place[1])
    return {n for n in names if not any(places.get(m) in inside.get(n, ()) for m in names if m != n)}


def _naming_place(place: tuple[Ent, list[Ent]]) -> Ent:
    """The place an unnamed event is named by: a facility's town when it is named."""
    own, containers = place
    if own.label == "FAC":
        return next((c for c in containers if c.label in ("GPE", "LOC")), own)
    return own


def _country(place: Ent, containers: list[Ent], state: "Discourse") -> str | None:
    return country_of(place, containers, state)


def lead_end(state: "Discourse") -> int:
    """Where a document's lead ends: after its first three sentences with a verb (an
    outlet's name, a byline or an 'Updated:' line above the headline or body is none)."""
    found = 0
    end = 0
    for sent in state.doc.sents:
        end = sent.end
        if any(t.pos_ in ("VERB", "AUX") for t in sent):
            found += 1
            if found == 3:
                break
    return end


def brought(event: EventMention, state: "Discourse") -> EventMention | None:
    """The event a storm brought about that the document tells of (its floods): the
    deaths a document tells of a storm that brought floods are the floods' toll, the
    storm their cause (DESIGN: counts are facts of the disaster event). None when the
    event brings nothing or the document tells of no such event, or of several."""
    kinds = event.kind.brings
    if not kinds:
        return None
    found = [e for e in state.events if e.kind.kind in kinds and e.entity is not None]
    names = {e.entity.name for e in found}
    if len(names) != 1:  # several floods, or none: the storm's own toll
        return None
    near = [e for e in found if e.token.i < event.token.i] or found
    return near[-1]


def event_at(frame: Frame, state: "Discourse", *, own_only: bool = False) -> EventMention | None:
    """The event mention a frame is about: one of its roots, else (unless `own_only`) the
    nearest event of its sentence with an entity, else the last one named in the three
    sentences before in its paragraph, else the one event of the document."""
    roots = frame.root_ids
    sent = frame.trigger.sent
    own = [e for e in state.events if e.token.i in roots]
    if own:  # its own event, even when that one has no entity: never another kind's
        return next((e for e in own if e.entity is not None), None)
    if own_only:
        return None
    events = [e for e in state.events if e.entity is not None and not denied_apart(e, frame, state)]
    same = [e for e in events if sent.start <= e.token.i < sent.end]
    if same:
        return min(same, key=lambda e: abs(e.token.i - frame.trigger.i))
    before = [e for e in events if e.token.i < sent.start]
    if before:  # the event named just before, in the same paragraph
        last = before[-1]
        between = state.text[last.token.idx:frame.trigger.idx]
        if "\n" not in between and len(list(state.doc[last.token.i:sent.start].sents)) <= 3:
            return last
    if any(sent.start <= e.token.i < sent.end and _background(e, state) for e in state.events):
        return None  # 'since the 2016 bombings ..., which killed 32': an event of its own the document does not place
    # a document about one event (named in its lead, or more than once): its counts are
    # that event's ('Ten were killed.'); a single background event is not what it is about
    named = events
    if len({e.entity.name for e in named}) == 1:
        if len(named) > 1 or named[0].token.i < lead_end(state):
            return named[0]
        return None
    return lead_event(state, events)


def _background(mention: EventMention, state: "Discourse") -> bool:
    """An event told as the story's background: set in another year, or before or since
    which something is told ('since the 2016 bombings')."""
    return _other_year(mention.date, state) is not None or any(
        a.dep_ == "prep" and a.lower_ in TIME_PREPS for a in mention.token.ancestors)


def denied_apart(event: EventMention, frame: Frame, state: "Discourse") -> bool:
    """An event the sentence denies that the claim is not part of ('the toll climbs to
    26, the prefect denies a shelter collapse'): no count or death of the sentence is its."""
    lex = state.rules.lexicon
    denial = attr.denial_above(event.token, lex)
    return denial is not None and attr.denial_above(frame.trigger, lex) is not denial


def lead_event(state: "Discourse", events: list[EventMention]) -> EventMention | None:
    """The event a document's lead is about, when the document names several ('the
    derailment near X' in the lead, 'the accident' and 'the crash' further down): of the
    events its lead names (none set in another year), a placed or named one before a
    bare description ('the accident'), then the one the document names most; none on a
    tie (a lead about two events), nor where the document places two events. A count whose sentence and paragraph name
    no event is that event's ('The toll stood at 17 on Thursday.')."""
    end = lead_end(state)
    lead = [e for e in events if e.token.i < end and name_year(e.entity.name) is None
            and _other_year(e.date, state) is None]
    if not lead:
        return None
    mentions = Counter(e.entity.name for e in state.events if e.entity is not None)
    placed = {e.entity.name for e in events if e.named or split_event_name(e.entity.name) is not None}
    if len(placed) > 1:
        return None  # two events the document places ('the derailment near X', '... in Y'): which one is unsure

    def rank(name: str) -> tuple[bool, int]:
        return name in placed, mentions[name]

    ranked = sorted({e.entity.name for e in lead}, key=rank, reverse=True)
    if len(ranked) > 1 and rank(ranked[0]) == rank(ranked[1]):
        return None
    return next(e for e in lead if e.entity.name == ranked[0])
