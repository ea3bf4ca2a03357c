"""Sources and blame (issue 11, wave 4): table-driven, text → facts, real model.

Rows (invented story, published 2023-05-12):

- an organisation blamed for an accident (a crash, a collapse) is the accident's cause
  as the speaker tells it, never the perpetrator of a deliberate act; blamed for an
  attack, it stays the attack's perpetrator; a person blamed stays a perpetrator;
- a role noun whose 'of' object carries a person's name in apposition ('Spokesperson
  of the ministry Lieutenant X told ...') is that person: the parser sets the name
  beside the organisation, which no person can be.
"""

from __future__ import annotations

import pytest

from fact_helpers import facts_runner
from fact_helpers import has as _has
from fact_helpers import show as _show

pytestmark = pytest.mark.model



@pytest.fixture(scope="module")
def run(nlp):
    return facts_runner(nlp)


BLAME = [
    # an accident: the company blamed is what caused it, by the speaker's account
    ("Investigators blamed Vantor Aerospace for the crash of the plane near Karsk on Monday.",
     [("crash in Karsk", "cause", "Vantor Aerospace", {"said_by": "Investigators"})],
     lambda f: f.attribute == "perpetrator"),
    ("Engineers blamed Halder Construction for the collapse of the bridge in Varn.",
     [("collapse in Varn", "cause", "Halder Construction", {})],
     lambda f: f.attribute == "perpetrator"),
    # a deliberate act: the group blamed is its author
    ("The government blamed the Red Dawn Brigade for the bombing in Karsk on Monday.",
     [("bombing in Karsk", "perpetrator", "Red Dawn Brigade", {"said_by": "government"})],
     lambda f: f.attribute == "cause" and f.value == "Red Dawn Brigade"),
]


@pytest.mark.parametrize("text, wanted, unwanted", BLAME)
def test_blame(run, text, wanted, unwanted):
    facts = run(text)
    for entity, attribute, value, extra in wanted:
        assert _has(facts, entity, attribute, value, **extra), _show(facts)
    assert not any(unwanted(f) for f in facts), _show(facts)


SOURCES = [
    # the name set beside the organisation is the role holder's: the source
    ("Spokesperson of the interior ministry Lieutenant Tarek Alvo on Wednesday told reporters that "
     "3,840 deaths had been recorded in the city of Marsa so far.",
     ("deaths in Marsa", "killed_count", 3840), "Tarek Alvo"),
    ("The head of the agency Maria Lund said on Tuesday that 12 people had died in the floods in Varn.",
     ("floods in Varn", "killed_count", 12), "Maria Lund"),
    # the name as a second subject of the verb ('al-' split off by the parser)
    ("Spokesperson of the interior ministry Lieutenant Karim al-Saadi on Wednesday told the AFP news agency "
     "that 3,840 deaths had been recorded in the city of Marsa so far.",
     ("deaths in Marsa", "killed_count", 3840), "Karim al-Saadi"),
    # the name in apposition to the role noun itself, the role noun capitalized
    ("Spokesman of the army Colonel Ahmed Barri on Monday said that 12 soldiers were killed in the attack in Varn.",
     ("attack in Varn", "killed_count", 12), "Ahmed Barri"),
    # no name beside it: the description stays the source
    ("A spokesperson of the interior ministry said that 40 people had died in the floods in Varn.",
     ("floods in Varn", "killed_count", 40), "spokesperson of the interior ministry"),
    # a person's noun: the name may be that person's, never taken for the speaker
    ("The lawyer of the victim Jane Doe said on Monday that 3 people were killed in the attack in Varn.",
     ("attack in Varn", "killed_count", 3), "lawyer of the victim Jane Doe"),
]


@pytest.mark.parametrize("text, fact, source", SOURCES)
def test_source_beside_object(run, text, fact, source):
    facts = run(text)
    entity, attribute, value = fact
    found = [f for f in facts if f.name == entity and f.attribute == attribute and f.value == value]
    assert found, _show(facts)
    assert all(f.said_by == source for f in found), _show(facts)


DATELINES = [
    # a dated dateline ending in an agency's initials: its words are no speaker
    "Arden, Rajab 12, 1444, May 2, 2023, ABC -- Varnia on Monday confirmed the death of the rebel chief "
    "Karim Saad in a military operation at Tolm.",
    "Arden, May 2, 2023, ABC -- Varnia on Monday confirmed the death of the rebel chief Karim Saad.",
]


@pytest.mark.parametrize("text", DATELINES)
def test_dated_dateline_is_no_source(run, text):
    facts = run(text)
    deaths = [f for f in facts if f.name == "Karim Saad" and f.attribute == "death"]
    assert deaths, _show(facts)
    assert all(f.said_by in (None, "Varnia") for f in deaths), _show(facts)
    # nor a place of the death
    assert not any(f.attribute == "place_of_death" and f.value == "Arden" for f in facts), _show(facts)


HEADLINE_ROLES = [
    # the body names the one mayor: the headline's bare 'Mayor' is that person
    ("Death toll in Marsa flooding could reach 20,000: Mayor\n\nMarsa Mayor Karim al-Saadi told a television "
     "channel the number of deaths in the city could reach 20,000.", 20000, "Karim al-Saadi"),
    ("Death toll in Marsa flooding reaches 2,000: Mayor\n\nThe floods in Marsa have killed 2,000 people. "
     "Karim Saadi, the mayor, said rescue teams were still searching.", 2000, "Karim Saadi"),
    # no mayor named, or two: the headline's word stays
    ("Death toll in Marsa flooding reaches 2,000: Mayor\n\nThe floods in Marsa have killed 2,000 people, "
     "residents said.", 2000, "Mayor"),
    ("Death toll in Marsa flooding reaches 2,000: Mayor\n\nMayor Karim Saadi and the former mayor Ali Berg "
     "said rescue teams were still searching.", 2000, "Mayor"),
]


@pytest.mark.parametrize("text, count, source", HEADLINE_ROLES)
def test_headline_role_is_its_holder(run, text, count, source):
    facts = run(text)
    headline = [f for f in facts if f.attribute == "killed_count" and f.value == count and f.start < text.index("\n")]
    assert headline, _show(facts)
    assert all(f.said_by == source for f in headline), _show(facts)
