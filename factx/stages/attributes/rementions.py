"""Definite re-mentions of a person by a role word: 'Union organiser X was arrested
... the 61-year-old organiser, treasurer of Y,'.

Rule (head-noun coreference): a definite description whose head is a role word ('the
organiser', 'the 47-year-old teacher') names the one person the document described
with that role word before it. Only a bare description: an age may stand in it, but
no other modifier ('the former leader', 'the police chief' may be someone else), no
organisation ('the director of Y': `role_holders`' work) and no owner ('his
bodyguard'). Two earlier holders of the word leave it to no one.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Token

from factx.stages.attributes.base import Ent
from factx.stages.attributes.referents import person_of_nominal, role_words
from factx.stages.attributes.syntax import is_definite, lemma

if TYPE_CHECKING:
    from factx.stages.attributes.discourse import Discourse

#: an age in front of a noun: 'the 54-year-old', 'the nine-year-old'
AGE_BEFORE = re.compile(r"\b(\d{1,3}|[a-z]+(?:-[a-z]+)?)[- ]year[- ]old\s*$", re.IGNORECASE)


def described_again(state: "Discourse", described: dict[int, Ent]) -> dict[int, Ent]:
    """The bare definite role descriptions of the document that name one earlier
    described person, by offset (those already in `described` left as they are)."""
    table = state.tokens
    last_words = state.rules.role_last_words
    named: dict[str, dict[str, Ent]] = {}
    out: dict[int, Ent] = {}
    for token, low, lower in zip(table.tokens, table.lemmas, table.lowers):
        if token.pos_ != "NOUN" or (lower not in last_words and low not in last_words):
            continue
        if role_words(token, state) is None:
            continue
        person = person_of_nominal(token, state)
        if person is not None and person.label == "PERSON":
            named.setdefault(lemma(token), {})[person.name] = person
            continue
        if token.idx in described or token.tag_ == "NNS" or not _bare(token):
            continue
        holders = named.get(lemma(token), {})
        if len(holders) == 1:
            holder = next(iter(holders.values()))
            out[token.idx] = Ent(holder.name, "PERSON", token.text, token.idx, token.idx + len(token.text))
    return out


def _bare(noun: Token) -> bool:
    """'the organiser', 'the 61-year-old organiser': a definite article, at most an
    age before the noun, nothing after it but an apposition or a clause."""
    if not is_definite(noun) or any(c.dep_ == "poss" for c in noun.children):
        return False
    for child in noun.lefts:
        if child.dep_ == "det" and child.lower_ in ("the", "this", "that"):
            continue
        if child.dep_ == "amod" and child.lower_ == "old" and age_before(noun) is not None:
            continue
        if child.dep_ == "punct":
            continue
        return False
    return not any(c.dep_ in ("prep", "compound", "nmod") for c in noun.rights)


def age_before(noun: Token) -> tuple[str, int, int] | None:
    """The age written in front of a noun, with its offsets ('the 61-year-old
    organiser' → '61'), or None."""
    lefts = list(noun.lefts)
    if not lefts:
        return None
    base = lefts[0].idx
    found = AGE_BEFORE.search(noun.doc.text[base:noun.idx])
    return (found.group(1), base + found.start(1), base + found.end(1)) if found else None
