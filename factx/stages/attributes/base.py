"""What every family of the attribute stage shares: the records a fact is built from.

An extractor yields `Raw` facts: a subject (`Ent`), what is said about it, and the
token whose clause says it (the trigger). Scoping (`scope.py`) later decides, once for
all families, who said the claim, whether it is denied and whether it is hedged.
Facts of one event claim share a `claim` key, so that a denial of the claim ("denied
the reports") denies all of them together.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from factx.rules import COUNT_ATTRIBUTES

PLACE_LABELS = ("GPE", "LOC", "FAC")
LOC_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across", "around", "on",
                       "into", "throughout", "through", "within", "off", "along", "outside of"})
REL_PRONOUNS = frozenset({"who", "whom", "that", "which", "whose"})
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
PERSON_PRONOUNS = MALE_PRONOUNS | FEMALE_PRONOUNS
#: attributes of a person's death: a denial of the death denies them with it
DEATH_ATTRIBUTES = ("death", "date_of_death", "place_of_death", "cause_of_death")
EVENT_ATTRIBUTES = ("date", "place", "cause", "perpetrator") + COUNT_ATTRIBUTES
#: descriptions inside a noun phrase ("X, a student leader, died"): not denied or hedged
#: with the clause around them
NP_ATTRIBUTES = ("title", "member_of", "top_members", "origin", "age", "alternate_names")


@dataclass(frozen=True)
class Ent:
    """An entity as a fact names it: in-document canonical name, label, surface form, span."""

    name: str
    label: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Source:
    """Who a claim is attributed to: an in-document canonical name (label known) or a
    plain description ("local media", label None)."""

    name: str
    label: str | None


@dataclass(frozen=True)
class Raw:
    """A fact before scoping: the subject, what is said, and the token that says it."""

    subject: Ent
    attribute: str
    value: str | int
    value_type: str
    value_text: str
    start: int
    end: int
    rule: str
    trigger: Token
    value_entity_type: str | None = None
    #: the earlier mention of the same event the value was read from ('the strike
    #: is thought to be the one that killed X'): its source and hedges carry over
    via: Token | None = None
    #: facts of one event claim share this key (the trigger's offset): a back-reference
    #: denial ("denied the reports") denies them together
    claim: int | None = None
    #: the polarity the frame itself decided ('X is alive' denies a death), else None
    polarity: str | None = None
    #: the token a denial was read from, when the frame decided the polarity
    denier: Token | None = None
    #: who makes the claim by the frame's own words ('X blamed Y for the attack', 'X
    #: ruled out an attack'): the source, whatever reporting verb is above
    speaker: Token | None = None
