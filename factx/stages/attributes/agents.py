"""Who carried out an event, read from its frame: the agents of its verbs, the
nationality or organisation in front of its noun, who claimed it.

`perpetrators(frame, state)` is read by `event_mentions` for the `perpetrator` facts
of agentive events; claims and denials of perpetration in other words ('X denied any
involvement', 'police ruled out an attack') are `perpetration`'s.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from factx import attribution as attr
from factx.stages.attributes.frames import Frame, _nationality, is_event_noun
from factx.stages.attributes.syntax import lemma

if TYPE_CHECKING:
    from factx.stages.attributes.discourse import Discourse


def perpetrators(frame: Frame, state: "Discourse") -> list[tuple[str, str, str, Token]]:
    """Who carried out the event, as (value, value_type, value_entity_type, token): a
    nationality or an organisation in front of an attack noun ('a French airstrike' →
    France, 'a US raid', 'a Hamas attack'; not a country's full name: 'a southern
    Afghanistan raid' is a place), a named agent ('killed by X', 'X forces killed'), the
    group of the attackers ('gunmen from X'), or who claimed responsibility for it or the
    event itself ('an attack claimed by X')."""
    rules = state.rules
    out: list[tuple[str, str, str, Token]] = []

    def named(token: Token, modifier: bool = False) -> None:
        mention = state.mention_at(token)
        country = _nationality(token, state)
        if country is not None:
            out.append((country, "country", "GPE", token))
            return
        if mention is not None and mention.text.lower().startswith(("anti", "pro-", "non-")):
            return  # 'anti-government raids' are not the government's
        if mention is not None and mention.label in (("ORG",) if modifier else ("ORG", "PERSON", "GPE")):
            label = "COUNTRY" if mention.canonical.lower() in rules.countries else mention.label
            value = rules.countries.get(mention.canonical.lower(), mention.canonical)
            out.append((value, "country" if label == "COUNTRY" else "entity", mention.label, token))
            return
        for child in token.children:  # 'US forces', 'Israeli troops', 'gunmen from X', 'a guard, X,'
            if child.dep_ == "appos" and state.mention_at(child) is not None \
                    and state.mention_at(child).label in ("PERSON", "ORG"):
                mention = state.mention_at(child)
                out.append((mention.canonical, "entity", mention.label, child))
                return
            if child.dep_ in ("compound", "amod", "nmod") and _nationality(child, state) is not None:
                out.append((_nationality(child, state), "country", "GPE", child))
                return
            if child.dep_ in ("compound", "nmod") and state.mention_at(child) is not None \
                    and state.mention_at(child).label == "ORG":
                org = state.mention_at(child)
                out.append((org.canonical, "entity", "ORG", child))
                return
            if child.dep_ == "prep" and child.lower_ in ("from", "of"):
                for obj in child.children:
                    if obj.dep_ == "pobj" and state.mention_at(obj) is not None \
                            and state.mention_at(obj).label == "ORG":
                        out.append((state.mention_at(obj).canonical, "entity", "ORG", obj))
                        return

    for root in frame.roots:
        kind = rules.event_kind(root) if root.pos_ in ("NOUN", "PROPN") else None
        if kind is not None and kind.agentive:
            for child in root.lefts:
                if child.dep_ in ("compound", "amod", "nmod", "poss"):
                    for word in child.subtree:  # 'a joint French-Malian raid': both
                        if word.pos_ in ("PROPN", "ADJ", "NOUN") and (word.i == child.i or _nationality(word, state)):
                            named(word, modifier=True)
        killing = lemma(root) in rules.death_verbs and rules.death_verbs[lemma(root)][1] == "object"
        counting = any(role == "object" for _, _, role in rules.count_verbs.get(lemma(root), ()))
        if root.pos_ in ("VERB", "AUX") and (killing or counting  # 'X died': X is no perpetrator
                                            or ((kind := rules.event_verb(root)) is not None and kind.agentive)):
            # 'was shot and killed by X': a verb with an agent is passive, its auxiliary shared
            passive = attr.is_passive(root) or any(c.dep_ == "agent" for c in root.children) \
                or _headline_passive(root, state)
            agent = attr.agent_of(root) if passive else next(
                (c for c in root.children if c.dep_ == "nsubj" and c.i == attr.subject_of(root).i), None)
            if agent is not None and not is_event_noun(agent, state):
                named(agent)
        if root.pos_ in ("NOUN", "PROPN") and root.dep_ == "pobj" and root.head.lower_ == "for" \
                and lemma(root.head.head) == "responsibility":
            claimer = attr.subject_of(root.head.head.head)  # 'X claimed responsibility for the attack'
            if claimer is not None and not attr.negated(root.head.head.head):  # (not 'did not claim')
                named(claimer)
        if root.pos_ in ("NOUN", "PROPN"):  # 'an attack claimed by X', 'the attack was claimed by X'
            claims = [c for c in root.children if c.dep_ == "acl" and lemma(c) == "claim"]
            if root.dep_ == "nsubjpass" and lemma(root.head) == "claim":
                claims.append(root.head)
            for verb in claims:
                agent = attr.agent_of(verb)
                if agent is not None:
                    named(agent)
    unique: dict[str, tuple[str, str, str, Token]] = {}
    for item in out:
        unique.setdefault(item[0], item)
    return list(unique.values())


def _headline_passive(verb: Token, state: "Discourse") -> bool:
    """A past form without an auxiliary in a headline is its passive: 'Opposition leader
    shot in X' names the victim, not who shot him (headlines tell what others did in the
    present: 'Rebels attack X')."""
    if verb.tag_ not in ("VBD", "VBN") or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    sent = verb.sent
    line_end = state.text.find("\n", sent.start_char)
    line_end = len(state.text) if line_end < 0 else line_end
    line = state.text[state.text.rfind("\n", 0, sent.start_char) + 1:line_end].rstrip()
    return bool(line) and line[-1] not in ".!?\"”’'" and sent.start_char == state.text.rfind("\n", 0, sent.start_char) + 1
