"""The names an event has in a document: its own name, and how the document writes it.

- A name word in front of proper nouns ('Storm X', 'Operation Y'), a name in apposition
  to a storm noun ('X, an unusually strong storm'), an EVENT mention or a flight number
  at an event word ('the crash of Flight 302') make a named event (`named_by_words`,
  `named_by_apposition`, `named_event`).
- An unnamed event's own names: 'the X port blast' from its proper name on, else a
  definite description by what kind of event it was ('the deadly floods') (`own_names`).

`event_mentions` gives these names to the events it finds, as `name` facts.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from spacy.tokens import Token

from factx.events import FLIGHT
from factx.stages.attributes.base import Ent
from factx.stages.attributes.compiled import EventKind
from factx.stages.attributes.syntax import is_definite, lemma, span_of
from factx.stages.entities import is_kicker

if TYPE_CHECKING:
    from factx.stages.attributes.discourse import Discourse

DATE_WORDS = ("DATE", "TIME")


def named_by_words(state: "Discourse") -> dict[int, tuple[Ent, EventKind]]:
    """Named events a name word begins ('Storm Belen', 'Hurricane Osric', 'Operation Grey
    Pine'), by the token that heads the name: the name word written with a capital,
    then the proper nouns it is a compound of; no verb of an event is part of a name
    ('Storm Kills 14' in a headline)."""
    rules = state.rules
    if not rules.event_names:
        return {}
    out: dict[int, tuple[Ent, EventKind]] = {}
    table = state.tokens
    for token in (t for t, lower in zip(table.tokens, table.lowers) if lower in rules.event_names):
        if token.lower_ not in rules.event_names or token.dep_ != "compound" or token.head.i <= token.i:
            continue
        if not token.text[:1].isupper() and not _named_head(token.head, state):
            continue  # 'storm X' in lower case: only before a name the NER found
        kind = rules.event_names.get(token.lower_)
        first = token
        if token.i > 0 and f"{token.nbor(-1).lower_} {token.lower_}" in rules.event_names:
            first = token.nbor(-1)  # 'Tropical Storm X'
            kind = rules.event_names[f"{first.lower_} {token.lower_}"]
        if kind is None:
            continue
        head = token.head
        words = list(state.doc[token.i + 1:head.i + 1])
        if not words or any(not w.text[:1].isupper() or w.pos_ != "PROPN" or _eventive(w, state)
                            or w.ent_type_ in DATE_WORDS for w in words):
            continue
        start, end = first.idx, head.idx + len(head.text)
        if is_kicker(state.text, start, end):
            continue  # 'STORM HORROR: teacher swept away': a tabloid's kicker, no storm's name
        text = state.text[start:end]
        # one name however the document writes its word ('storm X' is 'Storm X')
        name = " ".join(w[:1].upper() + w[1:] for w in state.text[start:token.idx + len(token.text)].split()) \
            + state.text[token.idx + len(token.text):end]
        out[head.i] = (Ent(name, "EVENT", text, start, end), kind)
    return out


def _named_head(token: Token, state: "Discourse") -> bool:
    """A proper noun the NER took for a name (of any label): 'storm X' names X."""
    mention = state.mention_at(token)
    return token.pos_ == "PROPN" and mention is not None and mention.label != "GPE"


def named_by_apposition(token: Token, kind: EventKind, state: "Discourse") -> Ent | None:
    """'X, an unusually strong storm, ...': a name the event noun stands in apposition to
    (or that stands in apposition to it: 'the storm, X,') is the event's name, written
    with the kind's name word in front ('Storm X'), so that every document's spelling is
    one event; only for kinds whose events have names (storms), never a place."""
    rules = state.rules
    word = token.lower_ if token.lower_ in rules.event_names else lemma(token)
    if rules.event_names.get(word) is None or rules.event_names[word].kind != kind.kind:
        return None
    others = [token.head] if token.dep_ == "appos" else []
    others += [c for c in token.children if c.dep_ == "appos"]
    for other in others:
        mention = state.mention_at(other)
        if other.pos_ != "PROPN" or mention is None or mention.label in ("GPE", "LOC", "FAC", "NORP", "DATE") \
                or " " in mention.canonical:
            continue
        name = f"{word[:1].upper()}{word[1:]} {mention.canonical}"
        return Ent(name, "EVENT", mention.text, mention.start, mention.end)
    return None


def _eventive(token: Token, state: "Discourse") -> bool:
    rules = state.rules
    low = lemma(token)
    return rules.event_verb(token) is not None or low in rules.death_verbs or low in rules.count_verbs \
        or low in rules.event_predicates


OTHER_WORDS = frozenset({"another", "previous", "earlier", "second", "first", "similar", "separate",
                         "last", "prior", "other", "former", "third", "fourth", "fifth", "such"})


#: adjectives that say which event, not what it was like ('the same attack', 'the latest blast')
WHICH_WORDS = frozenset({"same", "latest", "recent", "next", "new", "initial", "final", "current", "ongoing"})


def named_event(token: Token, state: "Discourse") -> Ent | None:
    """A named event at an event word: an EVENT mention on it or in front of it, or a
    flight ('the crash of Flight 618', 'flight KX 618 which went down', 'Flight KX618
    crashed'), named 'Flight <number>' so that every spelling of it is one event."""
    candidates = [token] + [c for c in token.children if c.dep_ in ("compound", "nmod", "appos", "poss", "nsubj",
                                                                    "nsubjpass")]
    candidates += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                   for g in c.children if g.dep_ == "pobj"]
    if token.dep_ in ("relcl", "acl"):
        candidates.append(token.head)  # 'flight KX 618, which went down'
    for candidate in candidates:
        words = [t for t in candidate.subtree if t.i <= candidate.i or t.dep_ in ("nummod", "compound", "appos")]
        start, end = span_of(words) if words else (candidate.idx, candidate.idx + len(candidate.text))
        flight = FLIGHT.search(state.text[start:end])
        if flight is not None:
            number = flight.group(1)
            a, b = start + flight.start(), start + flight.end()
            # the airline's name in front is part of how the document names the flight
            span = state.doc.char_span(a, b, alignment_mode="expand")
            if span is not None:
                a = airline_start(span[0], span[-1], candidate.sent.start)
            return Ent(f"Flight {number}", "EVENT", state.text[a:b], a, b)
        mention = state.mention_at(candidate)
        if mention is not None and mention.label == "EVENT":
            return state.ent_of_mention(mention, "EVENT")
    return None


def own_names(token: Token, kind: EventKind, state: "Discourse") -> Iterator[tuple[str, int, int]]:
    """'the catastrophic X port blast' → 'X port blast': an event noun with a proper
    name in front of it, from that name on (a place, an organisation, or a person: 'the
    X shooting', whatever type the NER gave the name); without one, a definite
    description by what kind of event it was ('the deadly floods', 'the devastating
    earthquake')."""
    if token.pos_ != "NOUN":
        return
    # a possessive names the event's owner or time, not the event ('the airline's second accident')
    lefts = [c for c in token.lefts if c.dep_ in ("compound", "nmod", "amod")
             or c.dep_ == "nummod" and c.i + 1 < token.i and c.nbor(1).pos_ == "PROPN"]  # 'the X 900 XL crash'
    words = sorted({t for c in lefts for t in c.subtree if t.ent_type_ not in DATE_WORDS}, key=lambda t: t.i)
    start = next((i for i, t in enumerate(words) if t.pos_ == "PROPN" and (
        state.mention_at(t) is not None and state.mention_at(t).label in ("GPE", "LOC", "FAC", "ORG", "NORP", "EVENT",
                                                                          "PERSON")
        or state.mention_at(t) is None and t.dep_ == "compound" and t.ent_type_ not in DATE_WORDS)
        or _demonym(t, state) and not kind.agentive), None)  # 'the Chilean floods' (not 'a Turkish strike')
    if start is None:
        yield from _described(token, state)
        return
    tokens = [t for t in words[start:] if t.text not in ("'s", "’s")] + [token]
    if any(t.i + 1 != n.i and not (t.i + 2 == n.i and t.nbor(1).text in ("'s", "’s")) for t, n in zip(tokens, tokens[1:])):
        return  # not one stretch of words
    a, b = span_of(tokens)
    yield state.text[a:b], a, b


def _described(token: Token, state: "Discourse") -> Iterator[tuple[str, int, int]]:
    """'the deadly floods': a definite event noun right after adjectives that say what it
    was like (not 'another', 'first', 'latest': which one it was)."""
    if not is_definite(token):
        return
    adjectives = [c for c in token.lefts if c.dep_ == "amod" and c.pos_ == "ADJ" and c.tag_ == "JJ"
                  and c.lower_ not in OTHER_WORDS and c.lower_ not in WHICH_WORDS and not c.ent_type_]
    if not adjectives or adjectives[-1].i + 1 != token.i:
        return
    first = adjectives[-1]
    for adjective in reversed(adjectives[:-1]):
        if adjective.i + 1 != first.i and not (adjective.i + 2 == first.i and first.nbor(-1).text == ","):
            break
        first = adjective
    a, b = first.idx, token.idx + len(token.text)
    yield state.text[a:b], a, b


def _demonym(token: Token, state: "Discourse") -> bool:
    return token.pos_ in ("ADJ", "PROPN") and token.text[:1].isupper() and token.lower_ in state.rules.demonyms


def airline_start(first: Token, last: Token, floor: int) -> int:
    """Where a flight's name starts with its airline in front ('Norvia Air Flight 88'):
    the proper nouns before it that hang on its words, not a date ('Sunday Flight 88')."""
    while first.i > floor:
        before = first.nbor(-1)
        if before.pos_ != "PROPN" or before.dep_ not in ("compound", "nmod") or before.ent_type_ in DATE_WORDS \
                or not first.i <= before.head.i <= last.i:
            break
        first = before
    return first.idx


#: a ship's type prefix as outlets write it ('MV X', 'KM X', 'HMS X'): dropped from the
#: event's name, so that every outlet's spelling of the ship names one event
VESSEL_PREFIX = re.compile(r"^[A-Z]{2,4}\s+(?=[A-Z])")
#: the NER's labels for a ship's name (never a product: 'an Airbus A320' is a type, not one plane)
VESSEL_LABELS = ("FAC", "ORG", "PERSON", "WORK_OF_ART")


def named_by_vessel(token: Token, kind: EventKind, state: "Discourse") -> Ent | None:
    """The event named after its ship, for kinds that are (`EventKind.vessel`): 'the
    sinking of the KM X', 'the KM X sinking', 'the MV X capsized', 'the ferry KM X sank'
    → 'sinking of X'; the ship's name as the document writes it is the event's
    spelling. Only a verb without an object ('the team sank 15 shots' sinks nothing)."""
    if not kind.vessel:
        return None
    candidates: list[Token] = []
    if token.pos_ == "VERB":
        if any(c.dep_ in ("dobj", "obj") for c in token.children):
            return None  # ('the team sank 15 shots')
        candidates += [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    elif token.pos_ == "NOUN":
        candidates += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                       for g in c.children if g.dep_ == "pobj"]
        candidates += [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if token.i > 0 and (token.pos_ == "NOUN" or token.tag_ == "VBG") and token.nbor(-1).pos_ == "PROPN":
        candidates.append(token.nbor(-1))  # 'the KM X sinking' (which the parser may make a verb)
    # 'the ferry KM X', 'the ferry, the MV X,'
    candidates += [g for c in list(candidates) for g in c.children if g.dep_ in ("appos", "compound")
                   and g.pos_ == "PROPN"]
    for candidate in candidates:
        mention = state.mention_at(candidate)
        if candidate.pos_ != "PROPN" or mention is None or mention.label not in VESSEL_LABELS:
            continue
        vessel = VESSEL_PREFIX.sub("", mention.canonical)
        return Ent(f"{kind.kind} of {vessel}", "EVENT", mention.text, mention.start, mention.end)
    return None
