"""Who an event happened to: the victims of a death or count verb, and counted phrases."""

from __future__ import annotations

import re

from typing import TYPE_CHECKING

from spacy.tokens import Token

from factx import attribution as attr
from factx.quantities import VAGUE, normalize_quantity
from factx.stages.attributes.syntax import conjuncts, text_of

if TYPE_CHECKING:
    from factx.stages.attributes.discourse import Discourse


def gapped_subject(verb: Token) -> list[Token]:
    """The counted subject of a second participle whose 'were' is left out: 'three were
    killed and nine people wounded' (nine people, not three); the parser reads the
    participle as active with that subject."""
    if verb.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return []
    return [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i
            and (c.like_num or any(g.dep_ == "nummod" or g.like_num for g in c.children))]


def victims(verb: Token, role: str) -> list[Token]:
    """Who a death or count verb is about: passive subject, active object or
    intransitive subject; a participle's noun ('militants killed in'); the subject of
    the verb it is chained to ('was shot and killed', 'is believed to have been killed')."""
    found: list[Token] = []
    passive = attr.is_passive(verb)
    for child in verb.children:
        if role == "object" and passive and child.dep_ == "nsubjpass":
            found.extend(conjuncts(child))
        elif role == "object" and not passive and child.dep_ in ("dobj", "obj"):
            found.extend(conjuncts(child))
        elif role == "subject" and child.dep_ in ("nsubj", "nsubjpass"):
            found.extend(conjuncts(child))
    if not found and verb.dep_ in ("acl",) and role == "object":
        # 'Three dead, 45 hospitalised': a headline's participle with its own counted subject
        found.extend(gapped_subject(verb) or conjuncts(verb.head))  # 'the militants killed in the raid'
    if not found and verb.dep_ == "conj":  # 'were killed and more than 100 wounded'
        found.extend(c for c in verb.children if c.like_num or c.pos_ == "NUM")
    if not found and verb.dep_ == "conj" and role == "object":
        found.extend(gapped_subject(verb))
    # ('X was injured, not killed': a contrast the parser leaves as 'dep')
    contrast = verb.dep_ == "dep" and attr.negated(verb)
    if not found and (verb.dep_ in ("conj", "xcomp", "advcl") or contrast) and verb.head.pos_ in ("VERB", "AUX"):
        head = verb.head
        for child in head.children:
            if child.dep_ in ("nsubjpass", "nsubj") and (role == "subject" or passive or child.dep_ == "nsubjpass"):
                if verb.dep_ == "advcl" and child.dep_ == "nsubj" and not passive and role == "object":
                    continue  # 'X raided the town, killing 12': X is the killer
                found.extend(conjuncts(child))
            # 'confirmed X, leader of Y, was killed': the parser made X the object of 'confirmed'
            if child.dep_ == "dobj" and passive and verb.dep_ == "conj" and child.pos_ == "PROPN" \
                    and child.i < verb.i:
                found.extend(conjuncts(child))
    return found


def companions(verb: Token) -> list[Token]:
    """'killed along with X', 'alongside X', 'killed ..., including X'; never those of a
    verb joined to this one ('killed 12 and wounded 30, including five officers')."""
    out: list[Token] = []
    others = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    for token in verb.subtree:
        if any(o.left_edge.i <= token.i <= o.right_edge.i for o in others):
            continue
        low = token.lower_
        if token.dep_ == "prep" and (low == "alongside" or (low == "with" and token.i > 0 and
                                                               token.doc[token.i - 1].lower_ in ("along", "together"))
                                     or low == "including"):
            out.extend(g for c in token.children if c.dep_ == "pobj" for g in conjuncts(c))
    return out


#: words that count no one: 'nobody was killed', 'no one died' (with 'one' after 'no');
#: 'anyone' counts no one only where it is negated or denied ('did not kill anyone')
NOBODY = frozenset({"nobody", "none"})
#: words that multiply the number before them
SCALES = frozenset({"dozen", "hundred", "thousand", "million", "billion"})
ANYONE = frozenset({"anyone", "anybody"})


def _not_a_count(token: Token, state: "Discourse") -> bool:
    """A time, an amount of money, a share or a rank. The NER's DATE on a bare number is
    trusted only where the date stage found a date ('injuring 85, officials said': 85
    is a count, though the NER may take it for a year)."""
    if token.ent_type_ in ("TIME", "PERCENT", "MONEY", "ORDINAL"):
        return True
    if token.ent_type_ != "DATE":
        return False
    if not token.like_num or re.fullmatch(r"(1[5-9]|20)\d\d", token.text) or token.text.endswith("s"):
        return True
    return any(d.start <= token.idx < d.end for d in state.dates)


def quantity_of(token: Token, state: "Discourse") -> tuple[int | str, list[Token], Token] | None:
    """The count a noun phrase gives, its words and the counted noun.

    'six other members' → (6, [six], members); '14' → (14, [14], 14); 'up to 40
    civilians' → ('<=40', [up, to, 40], civilians); 'dozens of civilians' → ('~24-99', ...).
    """
    if _not_a_count(token, state):
        return None
    if token.lower_ in NOBODY | ANYONE or token.lower_ == "one" and (
            any(c.lower_ == "no" for c in token.children) or token.i > 0 and token.nbor(-1).lower_ == "no"):
        return 0, [t for t in token.doc[max(token.i - 1, 0):token.i + 1] if t.lower_ in ("no", token.lower_)], token

    def words_of(number: Token) -> list[Token]:
        left = [c for c in number.lefts if c.dep_ in ("quantmod", "advmod", "compound", "nummod", "amod", "prep")]
        start = min([number.i] + [t.i for c in left for t in c.subtree])
        # 'two dozen', 'three hundred': a scale the parser hangs after the number
        end = max([number.i] + [c.i for c in number.rights if c.lower_ in SCALES and c.i == number.i + 1])
        return [t for t in number.doc[start:end + 1]]

    def counted_of(number: Token) -> Token:
        # "dozens of civilians", "40 of them": what is counted is the object of "of"
        for child in number.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                return next((g for g in child.children if g.dep_ == "pobj"), number)
        return number

    if token.pos_ == "NUM" or token.like_num:
        words = words_of(token)
        value = normalize_quantity(text_of(words))
        if value is None:
            value, words = normalize_quantity(token.text), [token]
        return (value, words, counted_of(token)) if value is not None else None
    for child in token.children:
        if child.dep_ == "nummod" and not _not_a_count(child, state):
            words = words_of(child)
            # 'an estimated 300 people': the qualifier hangs on the noun, before the number
            before = [c for c in token.lefts if c.i < words[0].i and c.dep_ in ("det", "amod", "advmod", "quantmod")]
            if before and text_of(before + words) and normalize_quantity(text_of([before[0]] + words)) is not None:
                words = list(token.doc[before[0].i:words[-1].i + 1])
            value = normalize_quantity(text_of(words))
            if value is None:
                value, words = normalize_quantity(child.text), [child]
            return (value, words, token) if value is not None else None
    if token.lower_ in VAGUE or token.lower_ in ("dozen", "hundred", "thousand"):
        words = words_of(token)
        value = normalize_quantity(text_of(words))
        return (value, words, counted_of(token)) if value is not None else None
    return None
