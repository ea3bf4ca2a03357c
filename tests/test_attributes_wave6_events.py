"""What news says about an event's toll, its authors, its cause and its time (issue 11,
wave 6, events): table-driven, text → facts, real model.

Every row is an invented sentence (published 2023-05-12, a Friday). An event's facts may
stand on whichever EVENT entity the document names it by ('bombing in Karsk', 'explosion'),
so a row names the attribute and its value, and every row also asserts that no other
value of that attribute was read from the sentence (a wrong count or author is a false
conflict; a miss is only a miss).
"""

from __future__ import annotations

import pytest

from fact_helpers import facts_runner
from fact_helpers import has as _has
from fact_helpers import show as _show


@pytest.fixture(scope="module")
def run(nlp):
    return facts_runner(nlp)


def _check(facts, attribute, value, polarity="affirmed", entity=None):
    mine = [f for f in facts if f.attribute == attribute and (entity is None or f.name == entity)]
    assert any(f.value == value and f.polarity == polarity for f in mine), _show(facts)
    others = [f for f in facts if f.attribute == attribute and f.value != value]
    assert not others, _show(facts)


#: a sentence before that names the event, for counts whose own sentence names none
BOMB = "A bomb exploded in a market in Karsk on Monday."

WOUNDED = [
    ("The blast in Karsk left 12 dead and 30 injured.", 30),
    ("A bombing in Karsk killed 12 people and injured at least 40.", ">=40"),
    ("More than 200 people were hurt in the explosion at the port of Velan.", ">200"),
    ("The number of wounded rose to 90 after the bombing in Karsk.", 90),
    ("At least 50 people were injured when a bomb exploded in Karsk on Monday.", ">=50"),
    ("The explosion in Karsk injured 75 people, officials said.", 75),
    ("The attack in Karsk wounded 30 people, including five children.", 30),
    ("Thirty people were wounded in the shooting at a mall in Karsk.", 30),
    ("Another 60 people suffered injuries in the blast in Karsk.", 60),
    ("The blast in Karsk left more than 100 people injured.", ">100"),
    ("Some 4,000 people were injured in the explosion in Velan.", "~4000"),
    (f"{BOMB} The number of injured has risen to 5,000, the health ministry said.", 5000),
    ("Twelve people died and 40 were injured when a bus crashed near Velan.", 40),
    ("The crash near Velan injured 23 passengers.", 23),
    ("The bombing in Karsk killed 12 and wounded 40 others.", 40),
    ("At least 300 people were wounded in the explosion at the port of Velan.", ">=300"),
    ("The attack in Karsk left eight people dead and 25 wounded.", 25),
    ("Eighteen people were seriously injured in the fire at a factory in Karsk.", 18),
    ("The blast in Karsk also injured 14 police officers.", 14),
    ("A car bomb in Karsk on Monday killed five people and wounded 22.", 22),
    ("The explosion in Karsk killed 10 and left 60 wounded.", 60),
    ("Officials said 35 people were injured in the stampede in Karsk.", 35),
    ("The earthquake in Karsk injured more than 1,000 people.", ">1000"),
    ("Rescuers said 17 people were hurt when the building in Karsk collapsed.", 17),
    (f"{BOMB} The tally of injured stood at 80 on Monday.", 80),
    ("Hospitals in Karsk treated 120 injured people after the blast.", 120),
]


@pytest.mark.model
@pytest.mark.parametrize("text, value", WOUNDED)
def test_wounded_counts(run, text, value):
    _check(run(text), "wounded_count", value)


ARRESTED = [
    ("Police detained 15 suspects after the bombing in Karsk.", 15),
    ("Eighteen people have been taken into custody over the bombing in Karsk.", 18),
    ("Police arrested three men in connection with the attack in Karsk.", 3),
    ("Authorities have arrested 12 people over the bombing in Karsk.", 12),
    ("Security forces rounded up 40 suspects after the attack in Karsk.", 40),
    ("Five suspects were arrested following the explosion in Karsk.", 5),
    ("Police said they had detained seven people in connection with the blast in Karsk.", 7),
    ("Police have made 14 arrests in connection with the bombing in Karsk.", 14),
    ("Eight people are in custody over the attack in Karsk.", 8),
    ("The number of people arrested over the bombing in Karsk has risen to 20.", 20),
    ("Investigators have detained nine port officials over the explosion in Velan.", 9),
    ("Police took four men into custody after the shooting in Karsk.", 4),
    ("Authorities said 30 people had been apprehended over the attack in Karsk.", 30),
    ("At least 16 port employees were placed under house arrest after the blast in Velan.", ">=16"),
    ("Police arrested 11 people after the attack in Karsk, officials said.", 11),
    ("Officers detained six more suspects over the bombing in Karsk on Monday.", 6),
    ("Police have arrested 19 people suspected of involvement in the bombing in Karsk.", 19),
    ("Nine suspects have been detained over the blast in Karsk, police said.", 9),
]


@pytest.mark.model
@pytest.mark.parametrize("text, value", ARRESTED)
def test_arrested_counts(run, text, value):
    _check(run(text), "arrested_count", value)


PERPETRATORS = [
    ("The Velan Liberation Front claimed responsibility for the bombing in Karsk.", "Velan Liberation Front"),
    ("The Velan Liberation Front said it carried out the attack in Karsk.", "Velan Liberation Front"),
    ("Officials blamed the Velan Liberation Front for the bombing in Karsk.", "Velan Liberation Front"),
    ("The attack in Karsk was carried out by the Velan Liberation Front.", "Velan Liberation Front"),
    ("The raid in Karsk was carried out by French forces alone.", "France"),
    ("French forces conducted the raid in Karsk.", "France"),
    ("The government accused the Velan Liberation Front of carrying out the bombing in Karsk.",
     "Velan Liberation Front"),
    ("The Velan Liberation Front was behind the bombing in Karsk, officials said.", "Velan Liberation Front"),
    ("Police said the bombing in Karsk was the work of the Velan Liberation Front.", "Velan Liberation Front"),
    ("The Velan Liberation Front has claimed the bombing in Karsk.", "Velan Liberation Front"),
    ("Authorities attributed the bombing in Karsk to the Velan Liberation Front.", "Velan Liberation Front"),
    ("The bombing in Karsk was blamed on the Velan Liberation Front.", "Velan Liberation Front"),
    ("The strike in Karsk was conducted by the Central Intelligence Agency.", "Central Intelligence Agency"),
    ("A French airstrike killed 12 people in Karsk on Monday.", "France"),
    ("The Velan Liberation Front claimed the attack in Karsk in a statement on Monday.", "Velan Liberation Front"),
    ("The Velan Liberation Front said it was responsible for the bombing in Karsk.", "Velan Liberation Front"),
    ("The raid in Karsk was led by French special forces.", "France"),
    ("French special forces carried out the raid in Karsk on Monday.", "France"),
    ("Responsibility for the bombing in Karsk was claimed by the Velan Liberation Front.", "Velan Liberation Front"),
    ("The Velan Liberation Front claimed Monday's bombing in Karsk.", "Velan Liberation Front"),
    ("Officials blamed the bombing in Karsk on the Velan Liberation Front.", "Velan Liberation Front"),
    ("The attack in Karsk was claimed by the Velan Liberation Front.", "Velan Liberation Front"),
    ("The Velan Liberation Front took responsibility for the bombing in Karsk.", "Velan Liberation Front"),
    ("The Velan Liberation Front admitted carrying out the bombing in Karsk.", "Velan Liberation Front"),
    # 'its fighters': the group that says so; the NER's 'Suspected' is no part of the name
    ("The Velan Liberation Front said its fighters carried out the ambush near Karsk.", "Velan Liberation Front"),
    ("Suspected Velan Liberation Front fighters ambushed a convoy near Karsk on Monday, killing nine soldiers.",
     "Velan Liberation Front"),
]


@pytest.mark.model
@pytest.mark.parametrize("text, value", PERPETRATORS)
def test_perpetrators(run, text, value):
    _check(run(text), "perpetrator", value)


JOINT = [
    ("The raid in Karsk was a joint operation by French and Malian forces.", {"France", "Mali"}),
    ("The raid in Karsk was carried out jointly by French and Malian troops.", {"France", "Mali"}),
]


@pytest.mark.model
@pytest.mark.parametrize("text, values", JOINT)
def test_joint_perpetrators(run, text, values):
    facts = run(text)
    got = {f.value for f in facts if f.attribute == "perpetrator"}
    assert got == values, _show(facts)


NO_PERPETRATOR = [
    "The Velan Liberation Front condemned the bombing in Karsk.",
    "Officials said it was too early to say who was behind the bombing in Karsk.",
    "The Red Cross responded to the bombing in Karsk on Monday.",
    "Police investigated the bombing in Karsk for weeks.",
    "The Velan Liberation Front mourned the victims of the bombing in Karsk.",
    "No group has claimed responsibility for the bombing in Karsk.",
    # a group's pronoun under its own statement, but no perpetration said
    "The Velan Liberation Front said it condemned the attack in Karsk.",
    "The Velan Liberation Front said it was not responsible for the bombing in Karsk.",
    # accused of something else than doing it
    "The government accused the Velan Liberation Front of failing to prevent the bombing in Karsk.",
    # 'claimed' a statement about the attack, not the attack
    "The Velan Liberation Front claimed the attack in Karsk killed 40 people.",
    # led: only an attack has an author ('the protest was led by'), and only an event is led
    "The protest in Karsk was led by the Velan Students Union.",
    "The investigation into the bombing in Karsk was led by the Velan Police Service.",
    # a claim not made
    "The Velan Liberation Front did not claim responsibility for the bombing in Karsk.",
    # 'its troops' of a noun that names no author: nothing, never the word 'troops'
    "The army said its troops carried out the raid in Karsk.",
]


@pytest.mark.model
@pytest.mark.parametrize("text", NO_PERPETRATOR)
def test_no_perpetrator(run, text):
    facts = run(text)
    assert not any(f.attribute == "perpetrator" and f.polarity == "affirmed" for f in facts), _show(facts)


CAUSES = [
    ("The crash near Velan was blamed on a bird strike.", "bird strike"),
    ("Investigators said an electrical malfunction caused the crash near Velan.", "electrical malfunction"),
    ("The crash near Velan was caused by a faulty sensor.", "faulty sensor"),
    ("Investigators blamed pilot error for the crash near Velan.", "pilot error"),
    ("The fire in Karsk was caused by an electrical fault.", "electrical fault"),
    ("The collapse of the bridge in Karsk was blamed on poor maintenance.", "poor maintenance"),
    ("A gas leak caused the explosion in Karsk, officials said.", "gas leak"),
    ("The crash near Velan was the result of pilot error.", "pilot error"),
    ("Engine failure was the cause of the crash near Velan.", "engine failure"),
    ("The blast in Karsk was triggered by a gas leak.", "gas leak"),
    ("Investigators said the crash near Velan was due to a faulty sensor.", "faulty sensor"),
    ("The crash near Velan was attributed to a software problem.", "software problem"),
    ("The fire in Karsk was sparked by a cigarette.", "cigarette"),
    ("Heavy rain caused the collapse of the dam near Karsk.", "rain"),
    ("The explosion in Karsk was caused by a gas leak, officials said.", "gas leak"),
    ("Officials blamed the fire in Karsk on faulty wiring.", "faulty wiring"),
    ("The crash near Velan was caused by pilot error, the report said.", "pilot error"),
    ("The report blamed the crash near Velan on an engine failure.", "engine failure"),
    ("The explosion at the port of Velan was caused by ammonium nitrate stored in a warehouse.",
     "ammonium nitrate"),
    ("Metal fatigue caused the collapse of the bridge in Karsk.", "metal fatigue"),
]


@pytest.mark.model
@pytest.mark.parametrize("text, value", CAUSES)
def test_event_causes(run, text, value):
    _check(run(text), "cause", value)


NO_CAUSE = [
    "Investigators are still trying to determine the cause of the crash near Velan.",
    "Officials said it was too early to say what caused the crash near Velan.",
    "The crash near Velan raised questions about the sensor.",
    "The cause of the fire in Karsk is not yet known.",
]


@pytest.mark.model
@pytest.mark.parametrize("text", NO_CAUSE)
def test_no_cause(run, text):
    facts = run(text)
    assert not any(f.attribute == "cause" and f.polarity == "affirmed" for f in facts), _show(facts)


DATES = [
    ("Storm Aldo made landfall on Sunday near Velan. The storm killed 12 people.", "2023-05-07"),
    ("Storm Aldo hit the coast near Velan on Sunday. The storm killed 12 people.", "2023-05-07"),
    ("The dams near Karsk burst late on Sunday. The collapse killed 12 people.", "2023-05-07"),
    ("Two dams collapsed near Karsk on Sunday night. The collapse killed 12 people.", "2023-05-07"),
    ("The explosion at the port of Velan happened on Tuesday. The blast killed 12 people.", "2023-05-09"),
    ("Flight 88 crashed on Sunday shortly after take-off from Velan. The crash killed 157 people.", "2023-05-07"),
    ("Hurricane Aldo struck Velan on Sunday, killing 12 people.", "2023-05-07"),
    ("The blast ripped through the port of Velan on Tuesday evening. The blast killed 12 people.", "2023-05-09"),
    ("On Sunday, floods swept through Karsk. The floods killed 12 people.", "2023-05-07"),
    ("The raid on the compound in Karsk took place on Monday. The raid killed 12 people.", "2023-05-08"),
    ("The fire broke out at a factory in Karsk on Sunday. The fire killed 12 people.", "2023-05-07"),
    ("Cyclone Aldo slammed into Velan on Sunday. The storm killed 12 people.", "2023-05-07"),
    ("The bridge in Karsk collapsed on Sunday afternoon. The collapse killed 12 people.", "2023-05-07"),
    ("The earthquake struck Karsk on Monday. The earthquake killed 12 people.", "2023-05-08"),
    ("The dam collapse near Karsk on Sunday night killed 200 people.", "2023-05-07"),
    ("Storm Aldo battered Velan on Sunday. The storm killed 12 people.", "2023-05-07"),
    ("Typhoon Aldo made landfall in Velan on Sunday. The storm killed 12 people.", "2023-05-07"),
]


@pytest.mark.model
@pytest.mark.parametrize("text, value", DATES)
def test_event_dates(run, text, value):
    facts = run(text)
    days = {f.value.split("T")[0] for f in facts if f.attribute == "date"}  # ('2023-05-07TNI': Sunday night)
    assert days == {value}, _show(facts)


NOT_THE_DATE = [
    "The government declared a state of emergency on Monday after the floods in Karsk. The floods killed 12 people.",
    "Investigators released their report on the crash near Velan on Friday. The crash killed 12 people.",
    "Officials announced on Monday that Storm Aldo had weakened. The storm killed 12 people.",
]


@pytest.mark.model
@pytest.mark.parametrize("text", NOT_THE_DATE)
def test_not_the_events_date(run, text):
    facts = run(text)
    assert not any(f.attribute == "date" for f in facts), _show(facts)


WOUNDED_NOT_KILLED = [
    "Karl Brenner was wounded but not killed in the attack on Monday.",
    "Karl Brenner was injured, not killed, in the strike.",
    "Karl Brenner was wounded in the raid but survived.",
]


@pytest.mark.model
@pytest.mark.parametrize("text", WOUNDED_NOT_KILLED)
def test_wounded_not_killed(run, text):
    facts = run(text)
    deaths = [f for f in facts if f.name == "Karl Brenner" and f.attribute == "death"]
    assert deaths and all(f.polarity == "denied" for f in deaths), _show(facts)


PLACES = [
    # what broke is where the event happened ('the bridge in X collapsed')
    ("The bridge in Karsk collapsed on Sunday. The collapse killed 12 people.", "Karsk"),
    ("The dams near Karsk burst late on Sunday. The collapse killed 12 people.", "Karsk"),
    ("The explosion at the port of Velan happened on Tuesday. The blast killed 12 people.", "Velan"),
    # ... but never where the subject of a crash came from, nor the attackers' home
    ("A plane from Velan crashed near Karsk on Sunday. The crash killed 12 people.", "Karsk"),
    ("Gunmen in Velan attacked a convoy near Karsk on Sunday. The attack killed 12 people.", "Karsk"),
]


@pytest.mark.model
@pytest.mark.parametrize("text, value", PLACES)
def test_event_places(run, text, value):
    _check(run(text), "place", value)


NO_EVENT = [
    # a bank that collapsed is no dam; a dam that did not burst is no event of this document
    "The bank in Karsk collapsed in 2008. The floods killed 12 people.",
    "The dam near Karsk did not burst on Sunday. The floods killed 12 people.",
]


@pytest.mark.model
@pytest.mark.parametrize("text", NO_EVENT)
def test_no_collapse(run, text):
    facts = run(text)
    assert not any(f.attribute in ("date", "place") for f in facts), _show(facts)


PARTS = [
    # a part of a toll ('including four children') is never a toll of its own
    ("The blast in Karsk killed 12 people and injured 30, including four officers.",
     {"killed_count": 12, "wounded_count": 30}),
    ("The blast in Karsk killed 12 people, including three children, and wounded 30, including five "
     "police officers.", {"killed_count": 12, "children_killed": 3, "wounded_count": 30}),
    ("The attack in Karsk wounded 30 people, including five children.", {"wounded_count": 30}),
]


@pytest.mark.model
@pytest.mark.parametrize("text, counts", PARTS)
def test_parts_of_a_toll(run, text, counts):
    facts = run(text)
    got = {}
    for f in facts:
        if f.attribute in ("killed_count", "wounded_count", "children_killed"):
            got.setdefault(f.attribute, set()).add(f.value)
    assert got == {k: {v} for k, v in counts.items()}, _show(facts)


AMOUNTS = [
    # how much of the cause there was, in tonnes, as the cause or as what blew up
    ("The explosion at the port of Velan was caused by 2,750 tonnes of ammonium nitrate stored in a "
     "warehouse.", 2750),
    ("The blast at the port of Velan was caused by more than 2,000 tons of ammonium nitrate.", ">2000"),
    ("A huge explosion at the port of Velan killed 150 people on Tuesday. Officials said 2,750 tonnes of "
     "ammonium nitrate stored in a warehouse had blown up.", 2750),
]


@pytest.mark.model
@pytest.mark.parametrize("text, value", AMOUNTS)
def test_amounts(run, text, value):
    _check(run(text), "amount", value)


NO_AMOUNT = [
    # no number, another unit, a cargo, another event
    "The blast at the port of Velan was caused by tonnes of ammonium nitrate.",
    "The blast at the port of Velan was caused by 500 kilograms of explosives.",
    "A huge explosion at the port of Velan killed 150 people on Tuesday. The ship carried 2,750 tonnes of "
    "ammonium nitrate.",
    "A huge explosion at the port of Velan killed 150 people on Tuesday. In 2015, 40 tonnes of fireworks "
    "exploded in a warehouse in Karsk.",
]


@pytest.mark.model
@pytest.mark.parametrize("text", NO_AMOUNT)
def test_no_amount(run, text):
    facts = run(text)
    assert not any(f.attribute == "amount" for f in facts), _show(facts)
    assert not any(f.attribute == "cause" and f.value in ("kilogram", "tonne", "ton") for f in facts), _show(facts)


ROUND_TWO = [
    # written after the first fixes, to see whether they were general (see notes/issue-11.md)
    (f"{BOMB} At least 60 others were hospitalised with injuries.", "wounded_count", ">=60"),
    (f"{BOMB} More than 70 people were treated for their wounds.", "wounded_count", ">70"),
    (f"{BOMB} The blast wounded 47 people, several of them seriously.", "wounded_count", 47),
    (f"{BOMB} Of the 85 people injured, 10 remain in critical condition.", "wounded_count", 85),
    ("A gunman opened fire at a school in Karsk on Monday, wounding six students.", "wounded_count", 6),
    (f"{BOMB} Three men have been arrested over the bombing.", "arrested_count", 3),
    (f"{BOMB} Eleven people were taken into custody after the explosion.", "arrested_count", 11),
    (f"{BOMB} The Karsk Freedom Army said it was behind the bombing.", "perpetrator", "Karsk Freedom Army"),
    # a blast may be a bombing: a group can claim it (nobody claims a flood)
    (f"{BOMB} The Karsk Freedom Army claimed the blast on its website.", "perpetrator", "Karsk Freedom Army"),
    # a relative pronoun is the group it stands for
    (f"{BOMB} The Karsk Freedom Army, which claimed the attack, said more would follow.", "perpetrator",
     "Karsk Freedom Army"),
    (f"{BOMB} Officials attributed the attack to the Karsk Freedom Army.", "perpetrator", "Karsk Freedom Army"),
    # 'raided' is a raid, and its subject's nationality its author
    ("Italian forces raided a compound in Karsk on Monday. The raid killed 3 people.", "perpetrator", "Italy"),
    ("A fire at a factory in Karsk killed 12 people on Monday. The fire was caused by a short circuit.",
     "cause", "short circuit"),
    ("A building collapsed in Karsk on Monday, killing 30 people. Engineers blamed the collapse on shoddy "
     "construction.", "cause", "shoddy construction"),
    ("A bus crashed near Karsk on Monday, killing 12 people. Police said the crash was due to speeding.",
     "cause", "speeding"),
    ("A ferry sank off Karsk on Sunday. The sinking killed 40 people.", "date", "2023-05-07"),
    # a roadside bomb is a bombing, like a car bomb
    ("A roadside bomb struck a police vehicle in Karsk, wounding four officers.", "wounded_count", 4),
]


@pytest.mark.model
@pytest.mark.parametrize("text, attribute, value", ROUND_TWO)
def test_round_two(run, text, attribute, value):
    _check(run(text), attribute, value)


NOT_CLAIMED = [
    # nobody claims a flood; 'the wounded were treated for smoke inhalation' counts no wounds
    "Floods hit Karsk on Monday, killing 12 people. The Karsk Freedom Army claimed the floods were a punishment.",
    f"{BOMB} Twelve people were treated for smoke inhalation.",
]


@pytest.mark.model
@pytest.mark.parametrize("text", NOT_CLAIMED)
def test_not_claimed(run, text):
    facts = run(text)
    assert not any(f.attribute in ("perpetrator", "wounded_count") for f in facts), _show(facts)


KILLED_BY = [
    # who killed a named person whose killing has no event noun of its own: that person's
    # perpetrator (DESIGN section 2; wave 5 did 'was killed by X')
    ("Karl Brenner was killed by gunmen from the Velan Liberation Front in Karsk on Monday.", None),
    ("The Velan Liberation Front claimed responsibility for the killing of Karl Brenner.", "Velan Liberation Front"),
    ("The Velan Liberation Front said it killed Karl Brenner.", "Velan Liberation Front"),
    ("The Velan Liberation Front claimed the assassination of Karl Brenner.", "Velan Liberation Front"),
    ("Karl Brenner was assassinated in Karsk on Monday. Brenner's widow waited outside the hospital. Police "
     "blamed the Velan Liberation Front for the assassination.", "Police"),
    ("Karl Brenner was assassinated in Karsk on Monday. Brenner's widow waited outside the hospital. "
     "Officials said the Velan Liberation Front was behind the killing.", "Officials"),
]


@pytest.mark.model
@pytest.mark.parametrize("text, source", KILLED_BY)
def test_who_killed_a_named_person(run, text, source):
    facts = run(text)
    assert _has(facts, "Karl Brenner", "perpetrator", "Velan Liberation Front", said_by=source), _show(facts)
    assert not any(f.attribute == "perpetrator" and f.name != "Karl Brenner" for f in facts), _show(facts)


NOT_KILLED_BY = [
    # another event's author; a killer named by a common noun only
    "Karl Brenner was killed in Karsk on Monday. Brenner's widow waited outside the hospital. Police blamed "
    "the Velan Liberation Front for the attack on a bank in Velan last year.",
    "Gunmen killed Karl Brenner in Karsk on Monday.",
]


@pytest.mark.model
@pytest.mark.parametrize("text", NOT_KILLED_BY)
def test_not_killed_by(run, text):
    facts = run(text)
    assert not any(f.attribute == "perpetrator" and f.name == "Karl Brenner" for f in facts), _show(facts)


SAME_EVENT = [
    # 'the attack' after 'a bombing': the one event of a kind declared the same
    ("Karl Brenner was killed in a bombing in Karsk on Monday. The Velan Liberation Front claimed the attack.",
     "bombing in Karsk"),
]


@pytest.mark.model
@pytest.mark.parametrize("text, entity", SAME_EVENT)
def test_same_event_by_another_kind(run, text, entity):
    facts = run(text)
    assert _has(facts, entity, "perpetrator", "Velan Liberation Front"), _show(facts)


def test_two_candidates_stay_apart(run):
    facts = run("An airstrike in Karsk killed 12 people on Monday. A bombing in Velan killed three. The attack "
                "was claimed by the Velan Liberation Front.")
    assert not any(f.attribute == "perpetrator" and f.name in ("airstrike in Karsk", "bombing in Velan")
                   for f in facts), _show(facts)


WHICH_CLAUSE = [
    # the parser hangs 'which killed' on the place: a place kills no one, the event does
    ("The explosion in Karsk, which killed 12 people, came two days after a bombing in Velan.",
     "explosion in Karsk", 12),
    # a clause that says what the place is like stays the place's
    ("The floods in Karsk, which is home to 100,000 people, killed 12.", "floods in Karsk", 12),
]


@pytest.mark.model
@pytest.mark.parametrize("text, entity, count", WHICH_CLAUSE)
def test_which_clause_on_the_place(run, text, entity, count):
    facts = run(text)
    assert _has(facts, entity, "killed_count", count), _show(facts)
    assert [f.value for f in facts if f.attribute == "killed_count"] == [count], _show(facts)


NOT_THE_EVENTS = [
    # dates and places of other verbs: the statement, the speaker, the arrests, the mourning
    "Officials said on Tuesday that the blast in Karsk killed 12 people.",
    "Speaking in Velan on Tuesday, the minister said the explosion in Karsk killed 12 people.",
    "The floods, the worst since 1998, killed 12 people in Karsk.",
    "The government declared three days of mourning on Tuesday after the blast in Karsk killed 12 people.",
    "The bombing in Karsk killed 12 people. Police arrested 14 people in Velan on Tuesday.",
    "The crash in Karsk killed 12 people. The airline grounded its fleet on Tuesday.",
]


@pytest.mark.model
@pytest.mark.parametrize("text", NOT_THE_EVENTS)
def test_no_date_or_place_of_another_verb(run, text):
    facts = run(text)
    assert not any(f.attribute == "date" for f in facts), _show(facts)
    assert {f.value for f in facts if f.attribute == "place"} <= {"Karsk"}, _show(facts)


ARRESTS_TOLD_NOWHERE = [
    # arrests whose clause names neither an event nor a place: the event they are told
    # with, the one named just before, or the one the document is about
    (f"{BOMB} Police have detained four suspects.", "explosion in Karsk", 4),
    (f"{BOMB} Authorities arrested 13 people in connection with the blast.", "explosion in Karsk", 13),
    (f"{BOMB} Security forces have so far detained 27 people.", "explosion in Karsk", 27),
    (f"{BOMB} Police said two suspects were in custody.", "explosion in Karsk", 2),
    (f"{BOMB} Police made five arrests.", "explosion in Karsk", 5),
    # arrests with a place of their own stay an event of their own there (the dev split's
    # 'detained 37 people in Istanbul in connection with the attack')
    (f"{BOMB} Police detained 37 people in Velan in connection with the attack.", "arrests in Velan", 37),
]


@pytest.mark.model
@pytest.mark.parametrize("text, entity, count", ARRESTS_TOLD_NOWHERE)
def test_arrests_told_nowhere(run, text, entity, count):
    facts = run(text)
    assert _has(facts, entity, "arrested_count", count), _show(facts)
    assert [f.value for f in facts if f.attribute == "arrested_count"] == [count], _show(facts)


def test_arrests_between_two_events_stay_apart(run):
    facts = run("An airstrike hit Karsk on Monday. Separately, a bomb exploded in Velan on Tuesday.\n\n"
                "Police have detained four suspects.")
    assert not any(f.attribute == "arrested_count" for f in facts), _show(facts)
