"""Wounds: where the dead were hit is the detail of how they died.

Family `wound` (rules/attributes.yml): verbs and nouns of a wound with the cause they
name ('shot', 'a bullet', 'a gunshot' → shot; 'stabbed' → stabbing), and family
`body_part` (head, chest, neck...). A person the document says was killed or died, and
'shot in the neck and shoulder', gets `cause_of_death` 'shot in the neck and shoulder';
so does one 'killed with a bullet to the head'. A wound alone is no death: the
detail is only read for people whose death the wound's clause tells, or whose killing
the document tells (not 'X, shot in the leg years ago, died of cancer'), and never for a
wound of someone else ('his wife was shot in the leg').
The conflicts code compares such causes by their head ('shot') and details ('in the
head' against 'in the neck and shoulder': told differently).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from spacy.tokens import Span, Token

from factx import attribution as attr
from factx.stages import doc_text
from factx.stages.attributes.base import Raw
from factx.stages.attributes.deaths import death_triggers, people_of
from factx.stages.attributes.referents import entity_of
from factx.stages.attributes.registry import Family, extractor, register
from factx.stages.attributes.syntax import conjuncts, lemma

if TYPE_CHECKING:
    from factx.stages.attributes.compiled import Compiled
    from factx.stages.attributes.discourse import Discourse

register(
    Family("wound", keys=("words", "value"), required=("words", "value"),
           doc="verbs and nouns of a wound and the cause they name: 'shot in the head', 'a bullet to the head'"),
    Family("body_part", doc="parts of the body a wound is told in: 'shot in the chest and head'"),
)

WOUND_PREPS = ("in", "to", "through")


def _words(state: "Discourse") -> tuple[dict[str, str], frozenset[str]]:
    return state.rules.derived("wounds", _wound_words)


def _wound_words(rules: "Compiled") -> tuple[dict[str, str], frozenset[str]]:
    wounds = {w.lower(): r["value"] for r in rules.by_family.get("wound", ()) for w in r["words"]}
    parts = frozenset(w.lower() for r in rules.by_family.get("body_part", ()) for w in r["words"])
    return wounds, parts


def body_parts(token: Token, parts: frozenset[str]) -> tuple[list[Token], Token | None]:
    """The body parts a wound word is told in ('in the neck and shoulder'), and the
    preposition that gives them."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in WOUND_PREPS:
            found = [g for obj in child.children if obj.dep_ == "pobj" for g in conjuncts(obj)
                     if lemma(g) in parts]
            if found:
                return found, child
    return [], None


def _value(cause: str, found: list[Token]) -> str:
    return f"{cause} in the " + " and ".join(t.lower_ for t in found)


def _dead_here(verb: Token, sent: Span, state: "Discourse") -> set[str]:
    """The people whose death the wound's own clause tells: its verb ('killed with a
    bullet to the head') or one conjoined with it ('was shot in the neck and died')."""
    dead: set[str] = set()
    for trigger, _, found, _ in death_triggers(sent, state):
        if trigger == verb or trigger.dep_ == "conj" and trigger.head == verb \
                or verb.dep_ == "conj" and verb.head == trigger:
            dead.update(e.name for e in people_of(found, state))
    return dead


def _the_killed(state: "Discourse") -> set[str]:
    """The people the document says were killed (not only died: 'X, who was shot in
    the leg years ago, died of cancer' tells no wound of the death)."""
    killed: set[str] = set()
    manners = state.rules.manners
    for sent in state.doc.sents:
        for token, _, found, _ in death_triggers(sent, state):
            if (manners.get(lemma(token)) or manners.get(token.lower_)) == "killed":
                killed.update(e.name for e in people_of(found, state))
    return killed


@extractor(order=13)
def wound_facts(sent: Span, state: "Discourse") -> Iterator[Raw]:
    """`cause_of_death` with where the dead were hit."""
    wounds, parts = _words(state)
    table = state.tokens
    if not table.has_any(sent, wounds):  # no wound word: nothing to read
        return
    killed: set[str] | None = None
    for token in table.of(sent):
        cause = wounds.get(table.lemma(token))
        if cause is None:
            continue
        found, _ = body_parts(token, parts)
        if not found:
            continue
        if token.pos_ == "VERB":  # 'X was shot in the head', 'they shot X in the chest'
            verb = token
        elif token.head.lower_ == "with" and token.head.head.pos_ == "VERB":  # 'killed with a bullet to the head'
            verb = token.head.head
        else:
            continue
        deps = ("nsubjpass",) if attr.is_passive(verb) else ("dobj",)
        people = [e for v in verb.children if v.dep_ in deps
                  if (e := entity_of(v, state)) is not None and e.label == "PERSON"]
        if not people:
            continue
        if killed is None:
            killed = _the_killed(state)
        dead = _dead_here(verb, sent, state) | killed
        end = max(t.idx + len(t.text) for t in found)
        for ent in people:
            if ent.name in dead:
                yield Raw(ent, "cause_of_death", _value(cause, found), "text",
                          doc_text(state.doc)[token.idx:end], token.idx, end, "wound.cause", token)
