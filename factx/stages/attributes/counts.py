"""Counts of victims: killed_count, wounded_count, arrested_count, missing_count, children_killed.

Families `count` (verbs and who they count: 'killed 40', '14 were arrested'),
`count_noun` ('40 dead', 'the death toll rose to 40', '90 missing') and `count_children`
(counted nouns that make a killed count a count of children). A count belongs to the
event it is about (see `event_mentions.event_at`): the blast whose frame it is in, the
event of its sentence, or the one the document named just before; a count whose
sentence names no event is an event of the rules' fallback kind at its place ('arrests
in X'). A count of one side ('22 members of X', 'six X fighters') is that organisation's,
and one of a nationality ('six Pakistani women') is no toll at all: neither may stand
against the event's toll as a disagreement.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from spacy.tokens import Span, Token

from factx.events import event_name
from factx.stages.attributes.base import Ent, Raw
from factx.stages.attributes.event_mentions import event_at
from factx.stages.attributes.frames import Frame, event_places, frame_of
from factx.stages.attributes.places import place_names
from factx.stages.attributes.participants import companions, quantity_of, victims
from factx.stages.attributes.referents import entity_of, org_at
from factx.stages.attributes.registry import Family, extractor, register
from factx.stages.attributes.syntax import lemma, span_of, text_of

if TYPE_CHECKING:
    from factx.stages.attributes.discourse import Discourse

register(
    Family("count", keys=("words", "attribute", "subject", "requires"), required=("words", "attribute"),
           doc="verbs that count victims: 'killed 40' (subject: object), '40 died' (subject: subject)"),
    Family("count_noun", keys=("words", "attribute"), required=("words", "attribute"),
           doc="nouns that count victims: '40 dead', 'the death toll rose to 40'"),
    Family("count_children", keys=("words", "attribute"),
           doc="counted nouns that turn a killed count into children_killed"),
)


def _verb_counts(token: Token, state: "Discourse") -> Iterator[tuple[str, str, tuple]]:
    rules = state.rules
    low = lemma(token)
    for rule_id, attribute, role in rules.count_verbs[low]:
        required = rules.count_requires.get((rule_id, low))
        if required and not any(c.lower_ in required or any(g.lower_ in required for g in c.children)
                                for c in token.children):
            continue  # 'taken into custody', 'rounded up'
        if low == "leave":  # 'left dozens of civilians dead', 'left 50 people dead and 300 injured'
            verb_state = [c.lower_ for c in token.children if c.dep_ in ("oprd", "acomp", "xcomp", "advmod", "ccomp")]
            found = []
            for victim in victims(token, role):
                own = [c.lower_ for c in victim.children if c.dep_ in ("amod", "acl")]
                if "dead" in (own or verb_state):
                    found.append(victim)
            for victim in found:
                quantity = quantity_of(victim, state)
                if quantity is not None:
                    yield rule_id, attribute, quantity
            continue
        if low == "claim":  # 'claimed the lives of 40 people'
            lives = [c for c in token.children if c.dep_ == "dobj" and c.lower_ == "lives"]
            found = [g for c in lives for p in c.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
            quantities = [q for v in found if (q := quantity_of(v, state)) is not None]
        else:
            found = victims(token, role)
            quantities = [q for v in found if (q := quantity_of(v, state)) is not None]
            exact = [q for q in quantities if isinstance(q[0], int)]
            if len(quantities) > 1 and len(exact) == len(quantities) and len({q[2].lower_ for q in exact}) == len(exact) \
                    and all(v.dep_ == "conj" for v in found[1:]):
                # '149 passengers and eight crew died': one toll of 157
                words = sorted({t for q in exact for t in q[1]}, key=lambda t: t.i)
                yield rule_id, attribute, (sum(q[0] for q in exact), words, exact[0][2])
                quantities = []
            if not any(v.pos_ == "PROPN" or (e := entity_of(v, state)) is not None and e.label == "PERSON"
                       for v in found):  # 'X was killed along with three guards' counts no one:
                found = companions(token)  # 3 is not the toll; 'killed 40, including 12 children'
                quantities += [q for v in found if (q := quantity_of(v, state)) is not None]
        for quantity in quantities:
            yield rule_id, attribute, quantity


def _noun_count(token: Token, state: "Discourse") -> tuple | None:
    low = lemma(token)
    if token.dep_ == "pobj" and token.head.lower_ == "among":
        return None  # 'eight Chinese are among the dead': a part, not the toll
    quantity = quantity_of(token, state) if token.pos_ != "VERB" else None
    if quantity is None and token.pos_ in ("ADJ", "VERB"):
        # '90 people missing', '21 people are still missing', '6,500 injured': the count is
        # on the noun it describes or on its subject
        holders = [token.head] if token.dep_ in ("amod", "acl") else []
        holders += [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if token.dep_ in ("acomp", "attr") and token.head.pos_ in ("AUX", "VERB"):
            holders += [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        for holder in holders:
            quantity = quantity_of(holder, state)
            if quantity is not None:
                break
    if quantity is None and token.dep_ == "pobj" and token.head.lower_ == "of":
        quantity = quantity_of(token.head.head, state)  # 'dozens of deaths'
    if quantity is None and low == "toll":  # 'the death toll rose to 40', 'a toll of 40'
        for holder in (token, token.head):
            for child in holder.children:
                if child.dep_ == "prep" and child.lower_ in ("to", "at", "of"):
                    for obj in child.children:
                        if obj.dep_ == "pobj" and (q := quantity_of(obj, state)) is not None:
                            quantity = q
                if child.dep_ == "attr" and (q := quantity_of(child, state)) is not None:
                    quantity = q
    if quantity is None and token.tag_ in ("NNS", "NNPS"):
        # 'there were no casualties', 'no deaths were reported': a count of zero
        none = next((c for c in token.children if c.dep_ == "det" and c.lower_ == "no"), None)
        if none is not None:
            quantity = (0, [none], token)
    if quantity is not None and (low != "death" or quantity[2].i == token.i):
        return quantity
    return None


@extractor(order=20)
def count_facts(sent: Span, state: "Discourse") -> Iterator[Raw]:
    """The counts of a sentence, on the event they are about."""
    rules = state.rules
    for token in sent:
        low = lemma(token)
        found: list[tuple[str, str, tuple]] = []
        if token.pos_ == "VERB" and low in rules.count_verbs:
            found.extend(_verb_counts(token, state))
        if not found and token.pos_ in ("NOUN", "ADJ", "PROPN", "VERB") and (
                token.lower_ in rules.count_nouns or token.pos_ != "VERB" and low in rules.count_nouns):
            rule_id, attribute = rules.count_nouns.get(low) or rules.count_nouns[token.lower_]
            quantity = _noun_count(token, state)
            if quantity is not None:
                found.append((rule_id, attribute, quantity))
        if not found:
            continue
        frame = frame_of(token, state)
        for rule_id, attribute, (value, words, counted) in found:
            if attribute == "killed_count" and (lemma(counted) in rules.children or counted.lower_ in rules.children):
                attribute, rule_id = "children_killed", rules.children_rule
            subject = count_subject(frame, attribute, counted, state)
            if subject is None:
                continue
            start, end = span_of(words)
            yield Raw(subject, attribute, value, "quantity", text_of(words), start, end, rule_id, token,
                      claim=token.idx)


def count_subject(frame: Frame, attribute: str, counted: Token, state: "Discourse") -> Ent | None:
    """The entity a count is about (see the module docstring)."""
    group = _group_of(counted, state)
    if group is not None:
        return group
    if any(c.dep_ in ("amod", "compound") and c.lower_ in state.rules.demonyms and c.text[:1].isupper()
           for c in counted.children):
        return None  # 'six Pakistani women captured': a part of the toll, by nationality
    event = event_at(frame, state)
    trigger = frame.trigger
    if event is not None:
        ent = event.entity
        return Ent(ent.name, "EVENT", event.token.text, event.token.idx, event.token.idx + len(event.token.text))
    kind = state.rules.fallback_kinds.get(attribute)
    places = event_places(frame, state) or event_places(frame_of(trigger, state, [counted]), state)
    if not places:
        for token in trigger.sent:  # a place elsewhere in the sentence ('authorities in X detained 23')
            if token.dep_ == "pobj" and token.head.lower_ in ("in", "near", "at"):
                places = place_names(token, state)
                if places:
                    break
    if kind is not None and places:
        place, _ = places[0]
        return Ent(event_name(kind.kind, place.name), "EVENT", trigger.text, trigger.idx,
                   trigger.idx + len(trigger.text))
    return None


def _group_of(counted: Token, state: "Discourse") -> Ent | None:
    """The organisation whose members a count counts ('22 members of X', 'six X fighters'):
    a count of one side is that side's, never the event's toll."""
    for child in counted.children:
        if child.dep_ in ("compound", "nmod") or (child.dep_ == "prep" and child.lower_ == "of"):
            targets = [child] if child.dep_ != "prep" else [g for g in child.children if g.dep_ == "pobj"]
            for target in targets:
                org = org_at(target, state)
                if org is not None:
                    return org
    return None
