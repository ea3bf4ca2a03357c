"""Tolls and tallies: the number a toll or a tally of victims is given.

'the death toll rose to 40', 'a toll of 40', 'officials put the toll at 44', 'the number
of dead has climbed to 112', 'the toll reached 40', 'has topped 1,200' (more than 1,200),
'the number of people arrested over the attack has risen to 20'. Read by `counts` for
the count nouns and verbs of families `tally_noun`, `tally_verb`, `toll_verb` and
`toll_verb_above` (registered there).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from spacy.tokens import Token

from factx.quantities import normalize_quantity
from factx.stages.attributes.participants import quantity_of
from factx.stages.attributes.syntax import lemma

if TYPE_CHECKING:
    from factx.stages.attributes.discourse import Discourse


def words_of_family(state: "Discourse", family: str) -> frozenset[str]:
    """The words of a family's rules, lower-cased (built once per rule set)."""
    return state.rules.derived(f"words:{family}", lambda rules: frozenset(
        w.lower() for r in rules.by_family.get(family, ()) for w in r.get("words", ())))


def participle_tally(verb: Token, state: "Discourse") -> Iterator[tuple[str, str, tuple]]:
    """'the number of people arrested over the attack has risen to 20', 'the number of
    those killed stands at 50': a count verb's participle on what a tally noun counts."""
    noun = verb.head
    if verb.dep_ != "acl" or noun.dep_ != "pobj" or noun.head.lower_ != "of" \
            or lemma(noun.head.head) not in words_of_family(state, "tally_noun"):
        return
    quantity = tally_value(noun.head.head, noun, state)
    if quantity is None:
        return
    rules = state.rules
    low = lemma(verb)
    for rule_id, attribute, role in rules.count_verbs[low]:
        if role == "object" and not rules.count_requires.get((rule_id, low)):
            yield rule_id, attribute, quantity
            return


def tally_value(tally: Token, token: Token, state: "Discourse") -> tuple | None:
    """The number a toll or tally is given: 'the death toll rose to 40', 'a toll of 40',
    'put the toll at 44', 'the number of dead has climbed to 112', 'the toll reached 40'."""
    quantity = None
    for holder in (tally, tally.head):
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ in ("to", "at", "of", *_PAST):
                for obj in child.children:
                    if obj.dep_ == "pobj" and obj.i != token.i and (q := tally_number(obj, state)) is not None:
                        # 'could rise above 500': more than 500
                        quantity = (f">{q[0]}", [child, *q[1]], q[2]) \
                            if child.lower_ in _PAST and isinstance(q[0], int) else q
            if child.dep_ == "attr" and (q := quantity_of(child, state)) is not None:
                quantity = q
    if quantity is None and tally.dep_ == "nsubj" and tally.head.pos_ == "VERB":
        quantity = toll_reached(tally.head, tally, state)
    return quantity


#: prepositions that put a toll past its number: 'rose above 500', 'climbed past 1,000'
_PAST = ("above", "beyond", "past", "over")


def toll_reached(verb: Token, tally: Token, state: "Discourse") -> tuple | None:
    """'the toll reached 40' (40), 'the toll has topped 1,200' (more than 1,200): the
    number a toll verb takes as its object."""
    low = lemma(verb)
    above = low in words_of_family(state, "toll_verb_above")
    if not above and low not in words_of_family(state, "toll_verb"):
        return None
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj") and c.i != tally.i), None)
    quantity = tally_number(obj, state) if obj is not None else None
    if quantity is None:  # 'could reach between 4,000 to 5,000': the last number given
        numbers = [t for t in verb.subtree if t.i > verb.i and t.like_num and t.ent_type_ not in ("DATE", "TIME")]
        quantity = tally_number(numbers[-1], state) if numbers and numbers[-1].head.i in (
            verb.i, *(n.i for n in numbers), *(c.i for c in verb.children)) else None
    if quantity is None:
        return None
    value, words, counted = quantity
    if above and isinstance(value, int):
        value = f">{value}"
    return value, words, counted


def tally_number(obj: Token, state: "Discourse") -> tuple | None:
    """The number a toll is put at ('at 44'), even where the NER took a bare number for a
    date; never a year."""
    quantity = quantity_of(obj, state)
    if quantity is None and obj.like_num and obj.ent_type_ == "DATE" and not re.fullmatch(r"(1[89]|20)\d\d", obj.text):
        value = normalize_quantity(obj.text)
        quantity = (value, [obj], obj) if value is not None else None
    return quantity
