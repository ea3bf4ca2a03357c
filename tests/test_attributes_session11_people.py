"""People and deaths, session 11 (issue 11 items 1, 5, 6): ages, causes of death, titles
and origins in the ways English news writes them. Invented sentences, real model."""

from __future__ import annotations

import pytest

from fact_helpers import facts_runner
from fact_helpers import show as _show

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def run(nlp):
    return facts_runner(nlp)


def values(facts, entity, attribute):
    return {f.value for f in facts if f.attribute == attribute and f.name == entity}


AGES = [
    # the age of a noun with the name in apposition: 'a seven-year-old girl, X,'
    ("Firefighters pulled a seven-year-old girl, Mara Delven, alive from the ruins of her house.",
     "Mara Delven", 7),
    # a translated apposition: 'X, of 7 years,'
    ("The girl Mara Delven, of 7 years, rescued alive on Monday, is out of danger.", "Mara Delven", 7),
    ("Tomas Quell, 34 years old, was taken to hospital.", "Tomas Quell", 34),
    ("Tomas Quell, 34 years of age, was taken to hospital.", "Tomas Quell", 34),
    ("The dead were identified as Lena Morrow, 34, Piet Haas, 29, and Ana Reyes, 41.", "Piet Haas", 29),
    ("Tomas Quell (34) was killed.", "Tomas Quell", 34),
]

NOT_AGES = [
    # the boy is someone else
    ("Tomas Quell said a seven-year-old boy was killed.", "Tomas Quell"),
    ("Tomas Quell, whose seven-year-old boy survived, was killed.", "Tomas Quell"),
    # years of a marriage, not of a life
    ("Lena Morrow, his wife of 30 years, said he was kind.", "Lena Morrow"),
]


@pytest.mark.parametrize("text,entity,age", AGES)
def test_ages(run, text, entity, age):
    facts = run(text)
    assert values(facts, entity, "age") == {age}, _show(facts)


@pytest.mark.parametrize("text,entity", NOT_AGES)
def test_not_ages(run, text, entity):
    facts = run(text)
    assert not values(facts, entity, "age"), _show(facts)


REMENTIONS = [
    # 'the politician' names the one politician named before: his age and his title
    ("Opposition politician Arno Velt died in hospital on Saturday. According to the source, "
     "the 61-year-old politician, treasurer of the Green Union, was hurt on Thursday.",
     "Arno Velt", {"age": {61}, "title": {"opposition politician", "treasurer of Green Union"}}),
    # two politicians before: 'the politician' is neither
    ("Opposition politician Arno Velt met opposition politician Karl Brun. The politician, deputy "
     "leader of the Green Union, was shot on Thursday.",
     "Arno Velt", {"title": {"opposition politician"}}),
    # 'the former politician' may be someone else
    ("Opposition politician Arno Velt died in hospital on Saturday. The former politician, deputy "
     "leader of the Green Union, was shot on Thursday.",
     "Arno Velt", {"title": {"opposition politician"}}),
]


@pytest.mark.parametrize("text,entity,want", REMENTIONS)
def test_definite_rementions(run, text, entity, want):
    facts = run(text)
    for attribute, expected in want.items():
        assert values(facts, entity, attribute) == expected, _show(facts)


CLAUSE_CAUSES = [
    # what happened in a 'when' clause of the death, its subject a thing
    ("Father Lucas Varen, 71, was killed when the roof of the church collapsed on Friday night.", {"collapse"}),
    ("Lucas Varen, 67, died on Friday night when the roof of the church fell in.", {"collapse"}),
    ("Lucas Varen died when his car caught fire.", {"fire"}),
    ("Lucas Varen died when the boat capsized off the coast.", {"capsizing"}),
    # a person collapsing tells no cause; nor does what did not happen
    ("Lucas Varen died when he collapsed at home.", set()),
    ("Lucas Varen was killed when the ceiling did not collapse.", set()),
    # an explicit cause stands
    ("Lucas Varen died of cancer when the war ended.", {"cancer"}),
]


@pytest.mark.parametrize("text,want", CLAUSE_CAUSES)
def test_causes_in_when_clauses(run, text, want):
    facts = run(text)
    assert values(facts, "Lucas Varen", "cause_of_death") == want, _show(facts)


TITLES_BEFORE_ORGANISATION_AND_NAME = [
    # 'ROLE of ORGANISATION NAME': the parser makes the name the object of 'of'
    ("Superintendent of Police Arun Kesh said the crowd panicked.", "Arun Kesh", {"superintendent of Police"}),
    ("Deputy Superintendent of Police Arun Kesh of Dornvale told reporters that police were looking "
     "into the claims.", "Arun Kesh", {"deputy superintendent of Police"}),
    ("Deputy Superintendent of Police Arun Kesh of Dornvale told reporters that police were looking "
     "into the claims.", "Deputy Superintendent", set()),
    ("Arun Kesh, the director of the hospital, said the wounded were stable.", "Arun Kesh", {"director of hospital"}),
]


@pytest.mark.parametrize("text,entity,want", TITLES_BEFORE_ORGANISATION_AND_NAME)
def test_titles_before_organisation_and_name(run, text, entity, want):
    facts = run(text)
    assert values(facts, entity, "title") == want, _show(facts)


def test_title_before_organisation_and_name_in_a_denial(run):
    facts = run("Superintendent of Police Arun Kesh denied that police had used force.")
    assert values(facts, "Arun Kesh", "title") == {"superintendent of Police"}, _show(facts)
