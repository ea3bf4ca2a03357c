"""Counts the story keys ask for (issue 11, session 9, events): people displaced,
evacuated, left homeless or trapped; counts in words with their qualifiers; the event a
count belongs to when a document names several (its lead's); datelines that are no
subject; denied events that take no toll. Table-driven, text → facts, real model.

Every row is an invented sentence (published 2023-05-12, a Friday). Each row names the
attribute and its value and asserts that no other value of that attribute was read (a
wrong count is a false conflict; a miss is only a miss).
"""

from __future__ import annotations

import pytest

from fact_helpers import facts_runner
from fact_helpers import show as _show


@pytest.fixture(scope="module")
def run(nlp):
    return facts_runner(nlp)


def _check(facts, attribute, value, entity=None):
    mine = [f for f in facts if f.attribute == attribute and (entity is None or f.name == entity)]
    assert any(f.value == value and f.polarity == "affirmed" for f in mine), _show(facts)
    others = [f for f in facts if f.attribute == attribute and f.value != value]
    assert not others, _show(facts)


def _none(facts, attribute):
    assert not [f for f in facts if f.attribute == attribute], _show(facts)


MINE = "A methane explosion hit a coal mine in Varnok on Friday."

PEOPLE = [
    ("The floods in Varnok displaced some 3,000 people.", "displaced_count", "~3000"),
    ("More than 68,000 people have been displaced by the floods in Varnok.", "displaced_count", ">68000"),
    ("Storm Pelna hit Varnok on Friday. Nineteen people are missing and about 48,000 have been forced "
     "from their homes, officials said.", "displaced_count", "~48000"),
    ("Some 9,000 people fled their homes after the earthquake in Varnok.", "displaced_count", "~9000"),
    ("The fire forced the evacuation of 400 residents in Varnok.", "evacuated_count", 400),
    ("A gas explosion hit a building in Varnok. 312 residents were evacuated from the building.",
     "evacuated_count", 312),
    ("A gas explosion hit a building in Varnok, leaving 312 residents homeless.", "homeless_count", 312),
    ("The floods in Varnok killed 12 people and left 2,000 homeless.", "homeless_count", 2000),
    ("The methane explosion trapped nine workers at a coal mine in Varnok on Friday.", "trapped_count", 9),
    (f"{MINE} Eleven miners were trapped underground after the blast.", "trapped_count", 11),
]


@pytest.mark.model
@pytest.mark.parametrize("text, attribute, value", PEOPLE)
def test_people_displaced_evacuated_homeless_trapped(run, text, attribute, value):
    _check(run(text), attribute, value)


NOT_COUNTED = [
    # how many still are, not how many the event trapped
    (f"{MINE} Two miners remain trapped at a depth of 350 metres.", "trapped_count"),
    (f"{MINE} Rescuers reached the two miners still trapped.", "trapped_count"),
    # fleeing a place is no displacement from homes
    ("Hundreds of prisoners fled the jail after the riot in Varnok.", "displaced_count"),
    # animals are no toll
    ("A quake struck Varnok on Monday. Hundreds of animals were killed, and stores of seed were buried.",
     "killed_count"),
]


@pytest.mark.model
@pytest.mark.parametrize("text, attribute", NOT_COUNTED)
def test_no_count(run, text, attribute):
    _none(run(text), attribute)


WORDS = [
    ("At least twenty-six people died in the collapse of a building in Varnok.", "killed_count", ">=26"),
    ("More than forty people were evacuated from the building after the fire in Varnok.", "evacuated_count", ">40"),
    ("Authorities said at least two dozen people died in the floods in Varnok.", "killed_count", ">=24"),
    ("Nearly three hundred people were hurt in the explosion in Varnok.", "wounded_count", "~300"),
]


@pytest.mark.model
@pytest.mark.parametrize("text, attribute, value", WORDS)
def test_counts_in_words_keep_their_qualifiers(run, text, attribute, value):
    _check(run(text), attribute, value)


DATELINES = [
    ("Bus crash shocks Kelstan\n\nVARNOK, Kelstan — Twenty-six people died when a bus plunged into a river "
     "on Monday.", "killed_count", 26),
    ("Bus crash shocks Kelstan\n\nVARNOK (Reuters) - Twenty-six people died when a bus plunged into a river "
     "on Monday.", "killed_count", 26),
    ("Bus crash shocks Kelstan\n\nVARNOK, Kelstan, May 8 (AFP) - Twenty-six people died when a bus plunged "
     "into a river on Monday.", "killed_count", 26),
]


@pytest.mark.model
@pytest.mark.parametrize("text, attribute, value", DATELINES)
def test_the_report_after_a_dateline_parses(run, text, attribute, value):
    facts = run(text)
    _check(facts, attribute, value)
    # the dateline's town or agency is never the one who died or whose count it is
    assert not [f for f in facts if f.attribute in ("death", attribute) and f.name in ("Kelstan", "Reuters", "AFP")], \
        _show(facts)


#: a document whose lead names the event, and whose later paragraphs call it otherwise
LEAD = ("A passenger train derailed near Varnok late on Tuesday, officials said.\n\n"
        "The commission investigating the accident met on Wednesday. The accident was the worst in years.\n\n")


@pytest.mark.model
@pytest.mark.parametrize("text, attribute, value", [
    (LEAD + "The death toll stood at 17 on Thursday morning, with 58 people injured, the ministry said.",
     "killed_count", 17),
    (LEAD + "The death toll stood at 17 on Thursday morning, with 58 people injured, the ministry said.",
     "wounded_count", 58),
    (LEAD + "At least 15 people died, according to the regional health department.", "killed_count", ">=15"),
])
def test_a_count_goes_to_the_event_of_the_lead(run, text, attribute, value):
    _check(run(text), attribute, value, entity="derailment in Varnok")


@pytest.mark.model
def test_a_count_of_an_event_of_its_own_is_not_the_leads(run):
    facts = run(LEAD + "The region has been on edge since the March 2016 bombings at the airport and a "
                       "metro station, which killed 32 people.")
    assert not [f for f in facts if f.attribute == "killed_count"], _show(facts)


@pytest.mark.model
def test_a_lead_about_two_events_gives_no_count_to_either(run):
    facts = run("An airstrike hit Karsk on Monday, and a bomb exploded in Velan on Tuesday.\n\n"
                "The strike was condemned. The bombing was claimed by no one.\n\n"
                "Twelve people died, officials said.")
    assert not [f for f in facts if f.attribute == "killed_count"], _show(facts)


DENIED = [
    # the toll is the storm's: the collapse the sentence denies takes none
    ("Storm Pelna toll climbs to 26, governor denies school shelter collapse", "Storm Pelna", 26),
    ("Storm Pelna struck Varnok on Friday.\n\nStorm Pelna: toll climbs to 26, governor denies school shelter "
     "collapse", "Storm Pelna", 26),
    ("Storm Pelna struck Varnok on Friday. The toll climbed to 26 on Sunday, while the governor denied "
     "that a school shelter had collapsed.", "Storm Pelna", 26),
]


@pytest.mark.model
@pytest.mark.parametrize("text, entity, value", DENIED)
def test_a_denied_event_takes_no_toll(run, text, entity, value):
    facts = run(text)
    tolls = [f for f in facts if f.attribute == "killed_count"]
    assert all(f.name == entity and f.value == value and f.polarity == "affirmed" for f in tolls), _show(facts)


FIRE = "A fire swept through a wedding hall in Varnok on Thursday night.\n\n"

ARRESTS = [
    ("A shooting in Varnok wounded two people on Friday.\n\nHe said a third suspect had been detained on "
     "Sunday evening, bringing the number of people in custody to three.", 3),
    ("A shooting in Varnok wounded two people on Friday.\n\nThe ministry said two people had been detained "
     "but did not identify them.", 2),
]


@pytest.mark.model
@pytest.mark.parametrize("text, value", ARRESTS)
def test_arrests_of_one_person_and_tallies_in_custody(run, text, value):
    _check(run(text), "arrested_count", value)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # one named person arrested says nothing of how many were: no count of one
    FIRE + "Police arrested the hall's manager, Dorin Mavel, on Friday, a security source said.",
    FIRE + "The manager of the hall, Dorin Mavel, 48, was arrested on Thursday night, police said.",
    FIRE + "A person responsible for managing the hall was arrested and referred to the prosecution.",
    FIRE + "Police detained the company's director later in the day, a source said.",
    # the one is part of the number the document gives
    FIRE + "Police arrested the hall's manager, Dorin Mavel, on Friday.\n\nThree members of the staff have "
           "been arrested.",
    # not arrested: no count
    FIRE + "A lawyer said Dorin Mavel had turned himself in on Friday and had not been arrested.",
])
def test_no_count_of_one(run, text):
    facts = run(text)
    assert not [f for f in facts if f.attribute == "arrested_count" and f.value == 1], _show(facts)


@pytest.mark.model
@pytest.mark.parametrize("text, value", [
    (FIRE + "The manager of the hall, Dorin Mavel, 48, was arrested on Thursday night, police said.",
     "2023-05-11TNI"),
    (FIRE + "Dorin Mavel was detained on Tuesday, police said.", "2023-05-09"),
])
def test_the_day_of_an_arrest_is_the_persons(run, text, value):
    facts = run(text)
    assert any(f.name == "Dorin Mavel" and f.attribute == "date_of_arrest" and f.value == value
               for f in facts), _show(facts)


HOSPITAL = [
    ("A chlorine leak at a chemical plant in Varnok has killed three people and sent 140 to hospital, "
     "officials said.", "wounded_count", 140),
    ("Two people died and more than 100 were poisoned as a result of an ammonia leak at a plant in Varnok.",
     "wounded_count", ">100"),
    ("Two dead, 60 hospitalised after chlorine leak at Varnok chemical plant", "wounded_count", 60),
    ("Two dead, 60 hospitalised after chlorine leak at Varnok chemical plant", "killed_count", 2),
    ("At about 21:40, a crush of people occurred at a gate of the arena in Varnok. As a result, 10 people lost "
     "their lives and 56 people were injured.", "killed_count", 10),
]


@pytest.mark.model
@pytest.mark.parametrize("text, attribute, value", HOSPITAL)
def test_hospital_counts_leaks_and_crushes(run, text, attribute, value):
    _check(run(text), attribute, value)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "A bomb exploded in Varnok. The injured were taken to the city hospital.",
    "A bomb exploded in Varnok. Forty people were treated for smoke inhalation.",
])
def test_no_wounded_count(run, text):
    _none(run(text), "wounded_count")


@pytest.mark.model
def test_a_verb_that_carries_no_count_gives_the_event_no_date(run):
    facts = run("At 23:15 on Thursday, a fire broke out in a wedding hall in Varnok. Firefighters brought the "
                "fire under control at 00:20 on Friday.")
    assert {f.value for f in facts if f.attribute == "date"} == {"2023-05-11"}, _show(facts)


@pytest.mark.model
def test_a_document_placing_two_events_gives_no_count_to_its_lead(run):
    facts = run("A passenger train derailed near Varnok late on Tuesday, officials said.\n\n"
                "The derailment near Varnok was the worst in years. Another train derailed in Kelstan.\n\n"
                "The death toll stood at 17 on Thursday morning, the ministry said.")
    assert not [f for f in facts if f.attribute == "killed_count"], _show(facts)
