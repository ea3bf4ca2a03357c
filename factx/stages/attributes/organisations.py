"""Organisations: when they were founded.

Families `founded` ('X was founded in 1998', 'Y founded X') and `founded_noun` ('the
creation of X').
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from spacy.tokens import Span, Token

from factx import attribution as attr
from factx.stages.attributes.base import Raw
from factx.stages.attributes.registry import Family, extractor, register
from factx.stages.attributes.syntax import ancestors, lemma

if TYPE_CHECKING:
    from factx.stages.attributes.discourse import Discourse

register(
    Family("founded", keys=("words", "subject"), doc="verbs of founding: 'X was founded in 1998'"),
    Family("founded_noun", doc="nouns of founding: 'the creation of X'"),
)


def _founding_date(token: Token, state: "Discourse"):
    """A date under the founding word, reached without passing another verb."""
    for timex, tokens in state.sentence_dates(token.sent):
        for node in list(ancestors(tokens[-1]))[1:]:
            if node.i == token.i:
                return timex
            if node.pos_ in ("VERB", "AUX") or (node.dep_ in ("prep", "agent") and node.lower_ in ("by", "since")):
                break
    return None


@extractor(order=70)
def founded_facts(sent: Span, state: "Discourse") -> Iterator[Raw]:
    """founded (a date) of organisations: 'X was founded in 1998', 'Y founded X in
    1998', 'announced the creation of X in 1998'."""
    rules = state.rules
    table = state.tokens
    if not table.has_any(sent, rules.founded_verbs, rules.founded_nouns):
        return
    for token in table.of(sent):
        low = table.lemma(token)
        orgs: list[Token] = []
        rule_id = None
        if token.pos_ == "VERB" and low in rules.founded_verbs:
            if low == "set" and not any(c.lower_ == "up" for c in token.children):
                continue
            rule_id = rules.founded_verbs[low]
            dep = "nsubjpass" if attr.is_passive(token) else "dobj"
            orgs = [c for c in token.children if c.dep_ == dep]
            if not orgs and token.dep_ == "acl" and token.tag_ == "VBN":
                orgs = [token.head]
        elif token.pos_ == "NOUN" and low in rules.founded_nouns:
            rule_id = rules.founded_nouns[low]
            orgs = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children if g.dep_ == "pobj"]
        for org_token in orgs:
            mention = state.mention_at(org_token)
            if mention is None or mention.label != "ORG":
                continue
            timex = _founding_date(token, state)
            if timex is None:
                continue
            yield Raw(state.ent_of_mention(mention), "founded", timex.value, "date", timex.text,
                      timex.start, timex.end, rule_id, token)
