"""Whether anyone did it: an event called a deliberate act, or said not to be one.

Families `attack_noun` (a deliberate act named without its author: 'an attack',
'sabotage', 'foul play'), `deliberate` ('deliberately', 'intentional') and `rule_out`
('ruled out', 'excluded'). Such an event gets `perpetrator` with the value `attack`
(ATTACK), affirmed or denied: 'the blast was an attack', 'it was caused deliberately',
'X ruled out an attack', 'the fire was not an act of sabotage', 'there was no
indication that the explosions were caused deliberately'. Such an 'attack' is a
hypothesis about the event, never an event of its own (`hypothesis`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from spacy.tokens import Span, Token

from factx import attribution as attr
from factx.stages.attributes.authors import (
    event_named, event_near, family_heads, family_words, perpetrator_raw, verb_phrase,
)
from factx.stages.attributes.base import Raw
from factx.stages.attributes.registry import Family, register
from factx.stages.attributes.syntax import lemma

if TYPE_CHECKING:
    from factx.stages.attributes.compiled import Compiled
    from factx.stages.attributes.discourse import Discourse


register(
    Family("attack_noun", doc="nouns of a deliberate act named without its author: 'an attack', 'sabotage'"),
    Family("deliberate", doc="words that make an event a deliberate act: 'caused deliberately'"),
    Family("rule_out", doc="verbs (lemma, with their particle) that exclude a hypothesis: 'ruled out an attack'"),
)


#: the value of a perpetrator nobody names: the event was a deliberate act
ATTACK = "attack"


CALL_VERBS = frozenset({"call", "describe", "label", "term", "brand", "consider", "deem"})


EVIDENCE_NOUNS = frozenset({"indication", "evidence", "sign", "suggestion", "proof"})


def _attack_noun(token: Token, rules: "Compiled") -> bool:
    """'an attack', 'a terrorist attack', 'an act of sabotage', 'foul play'."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    low = lemma(token)
    if low != "act" and low not in family_heads(rules, "attack_noun") and token.lower_ not in family_heads(rules, "attack_noun"):
        return False
    words = family_words(rules, "attack_noun")
    if lemma(token) in words or token.lower_ in words:
        return not (lemma(token) == "act" and not _of_attack(token, rules))
    if lemma(token) == "act":
        return _of_attack(token, rules)
    return any(f"{c.lower_} {lemma(token)}" in words for c in token.lefts if c.dep_ in ("amod", "compound"))


def _of_attack(act: Token, rules: "Compiled") -> bool:
    """'an act of sabotage / terrorism'; 'a deliberate act'."""
    if any(lemma(c) in family_words(rules, "deliberate") for c in act.children if c.dep_ == "amod"):
        return True
    return any(lemma(g) in family_words(rules, "attack_noun") for c in act.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children if g.dep_ == "pobj")


def hypothesis(token: Token, rules: "Compiled") -> bool:
    """Whether an attack noun only says what an event was or was not ('was not an
    attack', 'ruled out an attack', 'called it an attack', 'caused by an attack'):
    no event of its own."""
    if not _attack_noun(token, rules):
        return False
    head = token.head
    if token.dep_ in ("dobj", "obj") and head.pos_ in ("VERB", "AUX") and verb_phrase(head) in family_words(rules, "rule_out"):
        return True
    if token.dep_ in ("attr", "oprd") and head.pos_ in ("VERB", "AUX"):
        return True
    if token.dep_ == "pobj" and head.lower_ == "by" and head.head.pos_ == "VERB" \
            and lemma(head.head) in ("cause", "trigger", "spark", "start"):
        return True
    return False


def _no_evidence(verb: Token) -> Token | None:
    """The noun of 'there is no indication / no evidence (from X) that it was caused
    deliberately' above a verb, else None."""
    node = verb
    for _ in range(3):
        head = node.head
        if node.dep_ in ("acl", "ccomp") and head.pos_ == "NOUN" and lemma(head) in EVIDENCE_NOUNS:
            if any(c.dep_ == "det" and c.lower_ == "no" for c in head.children) or attr.negated(head.head):
                return head
            return None
        if head.i == node.i:
            break
        node = head
    return None


def is_hypothesis_word(token: Token, rules: "Compiled") -> bool:
    """Whether a token is one `hypothesis_facts` reads: an attack noun that only says what
    an event was or was not, or a word of the `deliberate` family."""
    return _attack_noun(token, rules) and hypothesis(token, rules) or (
        token.pos_ in ("ADV", "ADJ") and lemma(token) in family_words(rules, "deliberate"))


def hypothesis_facts(token: Token, sent: Span, state: "Discourse") -> Iterator[Raw]:
    """`perpetrator` facts with the value ATTACK of a hypothesis word (`is_hypothesis_word`)."""
    rules = state.rules
    # 'X ruled out an attack'; 'the blast was (not) an attack'; 'called it an attack'
    if _attack_noun(token, rules) and hypothesis(token, rules):
        head = token.head
        if token.dep_ in ("dobj", "obj") and verb_phrase(head) in family_words(rules, "rule_out"):
            if attr.negated(head):
                return  # 'would not rule out an attack': left open, neither denied nor claimed
            event = event_near(sent, state, skip=token)
            if event is not None:
                yield perpetrator_raw(event, ATTACK, "text", token, "perpetration.ruled_out", head,
                           polarity="denied", speaker=attr.subject_of(head))
        elif token.dep_ == "attr" and lemma(head) == "be":
            subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            event = event_named(subject, state) if subject is not None else None
            if event is not None and not event.kind.agentive:  # (a strike is an attack anyway)
                yield perpetrator_raw(event, ATTACK, "text", token, "perpetration.called", head)
        elif token.dep_ == "oprd" and lemma(head) in CALL_VERBS:
            called = next((c for c in head.children if c.dep_ in ("dobj", "nsubjpass")), None)
            event = event_named(called, state) if called is not None else None
            if event is not None and not event.kind.agentive:
                yield perpetrator_raw(event, ATTACK, "text", token, "perpetration.called", head, speaker=attr.subject_of(head))
        elif token.dep_ == "pobj":  # 'caused by an attack'
            verb = head.head
            subject = next((c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")), None)
            event = event_named(subject, state) if subject is not None else None
            if event is not None:
                yield perpetrator_raw(event, ATTACK, "text", token, "perpetration.caused", verb)
        return
    # 'was caused deliberately', 'was set deliberately', 'the fire was deliberate'
    if token.pos_ in ("ADV", "ADJ") and lemma(token) in family_words(rules, "deliberate"):
        verb = token.head if token.dep_ in ("advmod", "acomp") else None
        if verb is None or verb.pos_ not in ("VERB", "AUX"):
            return
        subject = next((c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")), None)
        event = event_named(subject, state) if subject is not None else None
        if event is not None:
            evidence = _no_evidence(verb)
            polarity = "denied" if evidence is not None else None
            speaker = next((g for p in evidence.children if p.dep_ == "prep" and p.lower_ == "from"
                            for g in p.children if g.dep_ == "pobj"), None) if evidence is not None else None
            yield perpetrator_raw(event, ATTACK, "text", token, "perpetration.deliberate", verb, polarity=polarity,
                       speaker=speaker)
        return
