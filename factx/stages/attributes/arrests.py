"""Arrests of one named person: the day on the person, never a count for the event.

'Police arrested the plant's owner, X, on Friday', 'X was detained on Tuesday night': the
person gets `date_of_arrest`, the day the arrest clause dates it. The arrest of one person
gives the event no `arrested_count` of 1: an outlet that names one of those arrested does
not say that one was all (another may say three were held), so a count of one would set a
report against a number it never denied. A negated arrest ('had not been arrested') gives
nothing.

Arrests over a named person's killing ('18 were arrested over the killing of X') are
that person's (`killing_of`). Read by `counts`; `arrest_dates` is an extractor of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from spacy.tokens import Span, Token

from factx import attribution as attr
from factx.stages.attributes.base import Ent, Raw
from factx.stages.attributes.frames import day_of, event_date, frame_of
from factx.stages.attributes.participants import quantity_of, victims
from factx.stages.attributes.referents import entity_of
from factx.stages.attributes.registry import extractor
from factx.stages.attributes.syntax import lemma

if TYPE_CHECKING:
    from factx.stages.attributes.discourse import Discourse

#: the rules whose verbs arrest ('arrest', 'detain', 'taken into custody')
ARRESTED = "arrested_count"


def one_person(victim: Token, state: "Discourse") -> bool:
    """A single person: a named one, or a singular noun with a determiner or an owner
    ('the manager', "the company's director", 'a person responsible')."""
    if quantity_of(victim, state) is not None or any(c.dep_ == "conj" for c in victim.children):
        return False
    entity = entity_of(victim, state)
    if entity is not None:
        return entity.label == "PERSON"
    return victim.pos_ == "NOUN" and victim.tag_ == "NN" and any(
        c.dep_ in ("det", "poss") and c.lower_ not in ("no", "every", "each", "any") for c in victim.children)


def _named(victim: Token, state: "Discourse") -> Ent | None:
    """The person a victim names, itself or by apposition ('the manager, X')."""
    for token in (victim, *(c for c in victim.children if c.dep_ == "appos")):
        entity = entity_of(token, state)
        if entity is not None and entity.label == "PERSON":
            return entity
    return None


@extractor(order=21)
def arrest_dates(sent: Span, state: "Discourse") -> Iterator[Raw]:
    """`date_of_arrest` of a named person an arrest verb of the sentence dates."""
    rules = state.rules
    for token in sent:
        low = lemma(token)
        if token.pos_ != "VERB" or low not in rules.count_verbs or attr.negated(token):
            continue
        for rule_id, attribute, role in rules.count_verbs[low]:
            if attribute != ARRESTED or rules.count_requires.get((rule_id, low)):
                continue
            people = [_named(v, state) for v in victims(token, role) if one_person(v, state)]
            people = [e for e in people if e is not None]
            if len(people) != 1:
                break
            date = event_date(frame_of(token, state), state)
            if date is not None:
                timex, _ = date
                yield Raw(people[0], "date_of_arrest", day_of(timex.value), "date", timex.text, timex.start,
                          timex.end, f"{rule_id}.date", token, claim=token.idx)
            break


def killing_of(trigger: Token, state: "Discourse") -> Ent | None:
    """The one person whose death the arrests of a clause are over ('18 were arrested over
    the killing of X', 'held in connection with X's death', 'in custody for their role in
    X's murder'): a named person's death is an event of its own, told on that person
    (DESIGN section 2), so its arrests are that person's `arrested_count`."""
    from factx.stages.attributes.deaths import death_triggers, people_of

    clause = trigger if trigger.pos_ in ("VERB", "AUX") else next(
        (a for a in trigger.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if clause is None:
        return None
    found: dict[str, Ent] = {}
    for death, _, victims, _ in death_triggers(trigger.sent, state):
        if death.pos_ != "NOUN" or death not in clause.subtree:
            continue
        node = death  # reached from the clause through prepositions only: no other verb
        while node.i != clause.i and (node.dep_ in ("pobj", "prep") or node.pos_ == "NOUN"):
            node = node.head
        if node.i != clause.i:
            continue
        people = people_of(victims, state)
        if not victims and any(c.dep_ == "det" and c.lower_ == "the" for c in death.children):
            people = _main_victim(death, state)  # 'over the killing': the document's one killing
        for ent in people:
            found.setdefault(ent.name, ent)
    return next(iter(found.values())) if len(found) == 1 else None


def _main_victim(death: Token, state: "Discourse") -> list[Ent]:
    """The document's main person, when the document tells that person died (a victim of a
    death verb: 'X was killed', 'X died'), at a bare definite death noun ('the killing')."""
    from factx.stages.attributes.referents import _death_victims

    main = state.main_person
    if main is None:
        return []
    for i in sorted(_death_victims(state)):
        ent = entity_of(state.doc[i], state)
        if ent is not None and ent.name == main.canonical and state.doc[i].idx < death.idx:
            return [Ent(main.canonical, "PERSON", death.text, death.idx, death.idx + len(death.text))]
    return []
