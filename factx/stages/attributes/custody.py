"""Custody: whether a named person was arrested.

Family `custody` (verbs of arrest, by lemma: 'X was arrested', 'police detained X',
'X was recaptured'; 'X was taken into custody' through `take`). A person named as the
one arrested gets `arrested` with the value `arrested`; `scope` decides the rest as for
any claim: 'X has not been detained' and 'denied reports that X had been arrested' are
denied, 'police said' is the source. How many were arrested is `arrested_count`
(`counts`); an order, a plan or a threat to arrest ('ordered the arrest of X', 'will
detain X', 'sought to arrest X') is no arrest.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from spacy.tokens import Span, Token

from factx import attribution as attr
from factx.stages.attributes.authors import family_words
from factx.stages.attributes.base import Raw
from factx.stages.attributes.referents import entity_of
from factx.stages.attributes.registry import Family, extractor, register
from factx.stages.attributes.syntax import lemma

if TYPE_CHECKING:
    from factx.stages.attributes.discourse import Discourse

register(Family("custody", doc="verbs of arresting a person: 'X was arrested', 'police detained X'"))

ARRESTED = "arrested"
#: auxiliaries of an arrest not (yet) made: 'will be arrested', 'to detain'
NOT_YET = frozenset({"will", "would", "shall", "to", "could", "may", "might", "should", "must"})


def _into_custody(verb: Token) -> bool:
    """'taken into custody'."""
    return lemma(verb) == "take" and any(
        c.dep_ == "prep" and c.lower_ == "into" and any(g.lower_ == "custody" for g in c.children)
        for c in verb.children)


def _arrested_tokens(verb: Token) -> list[Token]:
    """Who is arrested: the passive subject ('X was detained'), else the object ('police
    detained X'), with the ones conjoined to it ('X and Y were arrested')."""
    deps = ("nsubjpass",) if attr.is_passive(verb) else ("dobj", "obj")
    found = [c for c in verb.children if c.dep_ in deps]
    if not found and verb.tag_ == "VBN" and verb.dep_ == "acl":
        found = [verb.head]  # 'the man arrested near the border'
    if not found and attr.is_passive(verb) and verb.dep_ == "conj":
        subject = attr.subject_of(verb)  # 'X turned himself in and had not been arrested'
        found = [subject] if subject is not None else []
    return found + [c for t in found for c in t.children if c.dep_ == "conj"]


@extractor(order=45)
def custody_facts(sent: Span, state: "Discourse") -> Iterator[Raw]:
    """`arrested` of the people a verb of arrest names (see the module docstring)."""
    words = family_words(state.rules, "custody")
    if not state.tokens.has_any(sent, words, ("custody",)):
        return
    for token in state.tokens.of(sent):
        if token.pos_ != "VERB" or not (state.tokens.lemma(token) in words or _into_custody(token)):
            continue
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in NOT_YET for c in token.children) \
                or token.dep_ in ("xcomp", "amod") or token.tag_ == "VBG":
            continue  # 'will be detained', 'sought to arrest', 'the arresting officer'
        for person in _arrested_tokens(token):
            ent = entity_of(person, state, nominal=False)
            if ent is None or ent.label != "PERSON":
                continue
            yield Raw(ent, "arrested", ARRESTED, "text", token.text, token.idx, token.idx + len(token.text),
                      "custody.arrested", token)
