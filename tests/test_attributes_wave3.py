"""Tolls denied, corrected and caused (issue 11, wave 3): table-driven, text → facts, real model.

Each row: a text on an invented story (published 2023-05-12, a Friday), the facts that
must come out as (entity, attribute, value, {said_by, polarity, modality}) and the facts
that must not (a predicate over a fact). Rows cover:

- a denial whose complement is a count denies the count, never the event's place
  ('denied that the toll of the floods in X had reached N'), and so do a dismissal of
  'the figure of N' and 'the toll was not N';
- a correction of an earlier report's count ('adjusting the numbers from a previous
  report that said N were dead') takes that count back: denied, by who corrects it;
- named storms are events ('Storm X', 'storm X', 'X, a strong storm'); a storm is the
  cause of the floods or landslides it brings, and their deaths are that disaster's
  toll, not the storm's, when the document tells of the disaster;
- a region in front of a storm or a town ('a Mediterranean storm', 'the Baltic city')
  names where it formed or what it is like, never where the event happened;
- a count of somewhere else ('also killed 20 people elsewhere') is not the event's toll;
- tolls in the phrasings news uses: 'the toll reached N', 'claimed N lives', 'N were
  feared to be missing', counts of the missing conjoined with the dead.
"""

from __future__ import annotations

import pytest

from fact_helpers import PUBLISHED, facts_runner
from fact_helpers import has as _has
from fact_helpers import show as _show

pytestmark = pytest.mark.model

DENIED = {"polarity": "denied"}


@pytest.fixture(scope="module")
def run(nlp):
    return facts_runner(nlp)


COUNT_DENIALS = [
    # the complement of the denial is a count: the count is denied, by the denier; the
    # floods in Karsk are what both sides talk about (presupposed), not what is denied
    ("Floods hit the town of Karsk on Monday. The spokesman for the Varnian Red Cross, Tom Brand, denied that "
     "the death toll of the floods in Karsk had reached 9,400.",
     [("floods in Karsk", "killed_count", 9400, DENIED)],
     [("the place is not denied", lambda f: f.attribute == "place" and f.polarity == "denied"),
      ("no affirmed 9,400", lambda f: f.value == 9400 and f.polarity == "affirmed")]),
    ("An earthquake struck Marsa on Tuesday. The ministry dismissed the figure of 500 dead.",
     [("earthquake in Marsa", "killed_count", 500, {"polarity": "denied", "said_by": "ministry"})], []),
    ("An earthquake struck Marsa on Tuesday. The death toll was not 300, the mayor said.",
     [("earthquake in Marsa", "killed_count", 300, {"polarity": "denied", "said_by": "mayor"})], []),
    # a denial of a death still denies the death, and the raid it happened in stays affirmed
    ("The militia denied that its commander Rafe Dunn was killed in the raid in Tolo.",
     [("Rafe Dunn", "death", "killed", DENIED)],
     [("the raid is not denied", lambda f: f.name.startswith("raid") and f.attribute == "place"
       and f.polarity == "denied")]),
]

CORRECTIONS = [
    # an earlier report's count, corrected: taken back by who corrects it
    ("The relief agency said that the floods in Karsk left 3,100 people dead (adjusting the numbers from a previous "
     "report that said 8,200 were dead).",
     [("floods in Karsk", "killed_count", 3100, {"said_by": "relief agency"}),
      ("floods in Karsk", "killed_count", 8200, {"polarity": "denied"})],
     [("8,200 is not affirmed", lambda f: f.value == 8200 and f.polarity == "affirmed")]),
    ("Officials revised an earlier figure that said 90 people had died in the landslide in Gora.",
     [("landslide in Gora", "killed_count", 90, DENIED)],
     [("90 is not affirmed", lambda f: f.value == 90 and f.polarity == "affirmed")]),
    # an update is no correction of what it updates to
    ("Officials said the toll of the landslide in Gora had risen to 120.",
     [("landslide in Gora", "killed_count", 120, {"polarity": "affirmed"})], []),
]

STORMS = [
    # a named storm is an event, also with its name word in lower case
    ("Storm Orla made landfall in Varnia on Sunday, killing 12 people.",
     [("Storm Orla", "killed_count", 12, {}), ("Storm Orla", "date", "2023-05-07", {}),
      ("Storm Orla", "place", "Varnia", {})], []),
    ("As storm Orla pounded the coast of Varnia on Monday, the floods in Karsk killed 40 people.",
     [("Storm Orla", "date", "2023-05-08", {}), ("floods in Karsk", "killed_count", 40, {})], []),
    # the storm caused the floods: the deaths are the floods', the storm is their cause
    ("The floods in Karsk were caused by storm Orla. At least 1,000 bodies had been recovered in Karsk after "
     "Storm Orla barrelled across the sea.",
     [("floods in Karsk", "killed_count", ">=1000", {}), ("floods in Karsk", "cause", "Storm Orla", {})],
     [("no toll on the storm", lambda f: f.name == "Storm Orla" and f.attribute == "killed_count")]),
    ("Heavy rains from Storm Orla caused floods in Karsk on Monday. The Red Cross said Storm Orla has already "
     "claimed at least 150 lives in Karsk.",
     [("floods in Karsk", "killed_count", ">=150", {"said_by": "Red Cross"})],
     [("no toll on the storm", lambda f: f.name == "Storm Orla" and f.attribute == "killed_count")]),
    # a storm that brought no other disaster the document tells of: its own toll
    ("Cyclone Pemba killed at least 23 people in Nalo on Thursday, officials said.",
     [("Cyclone Pemba", "killed_count", ">=23", {"said_by": "officials"})], []),
    # a storm named by apposition: the storm's name with its word in front
    ("Orla, an unusually strong storm, killed 12 people in Varnia on Sunday.",
     [("Storm Orla", "name", "Orla", {}), ("Storm Orla", "killed_count", 12, {})],
     [("the storm is no place", lambda f: f.attribute == "place" and f.value == "Orla")]),
    # a region in front of the storm that caused the floods is neither the floods' place nor the storm's
    ("As many as 2,000 people are feared dead following the floods in Karsk caused by Mediterranean storm Orla.",
     [("floods in Karsk", "killed_count", "<=2000", {"modality": "hedged"})],
     [("no Mediterranean place", lambda f: f.attribute == "place" and f.value == "Mediterranean")]),
    ("A Mediterranean storm hit the coast of Varnia on Sunday, killing 12 people.",
     [], [("no Mediterranean place", lambda f: f.attribute == "place" and f.value == "Mediterranean")]),
]

PLACES_AND_TOLLS = [
    # a region in front of a town describes it: the town is the one named before
    ("Floods hit Karsk on Monday. A further 4,100 people are reported missing in the Baltic city.",
     [("floods in Karsk", "missing_count", 4100, {"modality": "hedged"})],
     [("no Baltic place", lambda f: "Baltic" in f.name or f.value == "Baltic")]),
    # 'the country's city of X' is X, in the country; 'the country's X flooding' happened in X
    ("The floods in Varnia's coastal city of Karsk have killed 9,000 people.",
     [("floods in Karsk", "killed_count", 9000, {}), ("Karsk", "located_in", "Varnia", {})],
     [("not the country's", lambda f: f.name == "floods in Varnia")]),
    ("The death toll in Varnia's coastal city of Karsk has soared to 9,000.",
     [("deaths in Karsk", "killed_count", 9000, {})],
     [("not the country's", lambda f: f.name == "deaths in Varnia")]),
    ("The floods in Chile's province of Karsk killed 12 people.",
     [("floods in Karsk", "killed_count", 12, {}), ("Karsk", "located_in", "Chile", {})],
     [("the country is in no province", lambda f: f.name == "Chile" and f.attribute == "located_in")]),
    # a town's 'district of Y' is the town, in Y (a writer's slip the reader corrects)
    ("The raid on a compound in Karsk's district of Tolo killed 12 people.",
     [("raid in Karsk", "killed_count", 12, {})],
     [("Tolo is no place in Karsk", lambda f: f.name == "Tolo" and f.attribute == "located_in")]),
    ("Death toll in Varnia's Karsk flooding could reach 20,000. Rescuers reached Karsk on Tuesday.",
     [("floods in Karsk", "killed_count", 20000, {"modality": "hedged"})], []),
    # a count of somewhere else is not the event's toll
    ("The floods in Karsk killed 900 people. The storm also killed about 40 people elsewhere in the country.",
     [("floods in Karsk", "killed_count", 900, {})],
     [("not the toll", lambda f: f.attribute == "killed_count" and f.value in ("~40", 40))]),
    # the toll reached a number; a hedged one
    ("The mayor said the death toll of the floods in Karsk could reach 20,000.",
     [("floods in Karsk", "killed_count", 20000, {"said_by": "mayor", "modality": "hedged"})], []),
    ("The death toll from the earthquake in Marsa has topped 1,200, officials said.",
     [("earthquake in Marsa", "killed_count", ">1200", {"said_by": "officials"})], []),
    # the missing, conjoined with the dead: each its own number
    ("Rescuers said the floods in Karsk left 300 people dead and over 1,100 missing.",
     [("floods in Karsk", "killed_count", 300, {}), ("floods in Karsk", "missing_count", ">1100", {})],
     [("300 are not missing", lambda f: f.attribute == "missing_count" and f.value == 300)]),
    ("After the floods in Karsk, the Red Cross said 10,000 people were feared to be missing.",
     [("floods in Karsk", "missing_count", 10000, {"said_by": "Red Cross", "modality": "hedged"})], []),
    # a relative clause's speakers give the count
    ("The toll of the floods in Karsk could be in the thousands, echoing reports from local leaders who said "
     "2,800 people had died.",
     [("floods in Karsk", "killed_count", 2800, {"said_by": "local leaders"})], []),
]


ORIGINS = [
    # how many nationalities the victims were of: a count of the event
    ("The plane crashed near Karsk on Sunday. State television reported that 33 nationalities were among the "
     "victims.", [("crash in Karsk", "nationalities_count", 33, {"said_by": "State television"})], []),
    ("The plane crashed near Karsk on Sunday. The flight had on board passengers from more than 30 different "
     "nationalities.", [("crash in Karsk", "nationalities_count", ">30", {})], []),
    ("The plane crashed near Karsk on Sunday. The crash claimed the lives of all on board from 33 different "
     "countries.", [("crash in Karsk", "nationalities_count", 33, {})], []),
    ("The plane crashed near Karsk on Sunday. There were at least 35 nationalities on the plane, the minister said.",
     [("crash in Karsk", "nationalities_count", ">=35", {"said_by": "minister"})], []),
    ("The plane crashed near Karsk on Sunday, and 149 passengers of more than 30 nationalities and eight crew died.",
     [("crash in Karsk", "nationalities_count", ">30", {}), ("crash in Karsk", "killed_count", 157, {})], []),
    # countries of people who are no victims are no nationalities of the victims
    ("The floods hit Karsk on Sunday. Leaders from 30 countries met in Tolo on Monday.",
     [], [("no count of leaders", lambda f: f.attribute == "nationalities_count")]),
    ("The plane crashed near Karsk on Sunday. Rescue teams from 12 countries searched for the victims.",
     [], [("no count of rescuers", lambda f: f.attribute == "nationalities_count")]),
    ("The plane crashed near Karsk on Sunday. Diplomats of 30 nationalities attended the funeral of the victims.",
     [], [("no count of diplomats", lambda f: f.attribute == "nationalities_count")]),
]

ATTRIBUTION = [
    # a clause of time on a reporting verb is the writer's words, not the speakers'
    ("Storm Orla caused deadly flooding in Karsk. As the storm pounded the coast on Monday, residents said they "
     "heard loud explosions.",
     [("Storm Orla", "date", "2023-05-08", {"said_by": None})], []),
    ("Officials said that when the blast hit Karsk on Monday, 12 people were killed.",
     [("explosion in Karsk", "killed_count", 12, {"said_by": "Officials"})], []),
    # a past participle without 'have' reports nothing: its subject is no source
    ("Mayor Tom Brand said 2,000 people were feared dead in Karsk, with thousands more reported missing.",
     [], [("the missing are no source", lambda f: f.said_by is not None and "thousands" in f.said_by)]),
    ("The floods in Karsk killed 12 people, the ministry reported.",
     [("floods in Karsk", "killed_count", 12, {"said_by": "ministry"})], []),
    # reporting verbs news uses beside 'said'
    ("Prime Minister Tom Brand expressed deep concern, highlighting that 2,000 people were feared dead in Karsk.",
     [("deaths in Karsk", "killed_count", 2000, {"said_by": "Tom Brand"})], []),
    # who fears or believes is the source, and the claim stays hedged
    ("Officials fear the death toll from the floods in Karsk could rise above 500.",
     [("floods in Karsk", "killed_count", ">500", {"said_by": "Officials", "modality": "hedged"})], []),
    ("Police believe the gunman killed 10 people at the supermarket in Karsk.",
     [("deaths in Karsk", "killed_count", 10, {"said_by": "Police", "modality": "hedged"})], []),
    ("Rescuers said they fear 40 people died in the landslide in Tolo.",
     [("landslide in Tolo", "killed_count", 40, {"said_by": "Rescuers", "modality": "hedged"})], []),
    ("It appears the floods in Karsk killed 10 people.",
     [("floods in Karsk", "killed_count", 10, {"said_by": None, "modality": "hedged"})], []),
    # a headline that ends in its source
    ("Death toll in the floods in Karsk could reach 20,000: Mayor\n\nRescuers searched the town on Monday.",
     [("floods in Karsk", "killed_count", 20000, {"said_by": "Mayor"})], []),
    ("Floods in Karsk kill 300\n\nRescuers said: 40 more were missing.",
     [("floods in Karsk", "killed_count", 300, {"said_by": None})], []),
]

TOLLS_MORE = [
    # a count of what was added, then the new toll: only the toll
    ("Rescue workers pulled 12 bodies from the rubble of a building in Karsk, raising the death toll to 37.",
     [("deaths in Karsk", "killed_count", 37, {})],
     [("12 is no toll", lambda f: f.attribute == "killed_count" and f.value == 12)]),
    ("Twelve more bodies were found in Karsk on Monday, bringing the number of dead to 37.",
     [("deaths in Karsk", "killed_count", 37, {})],
     [("12 is no toll", lambda f: f.attribute == "killed_count" and f.value == 12)]),
    # a toll past its number
    ("The death toll from the floods in Karsk climbed past 1,000 on Monday.",
     [("floods in Karsk", "killed_count", ">1000", {})], []),
    # nobody: a count of zero, never of one
    ("No one was killed in the explosion in Karsk, police said.",
     [("explosion in Karsk", "killed_count", 0, {"said_by": "police"})],
     [("'no one' is no 1", lambda f: f.attribute == "killed_count" and f.value == 1)]),
    ("Nobody died in the fire in Tolo.", [("fire in Tolo", "killed_count", 0, {})], []),
    ("The blast in Karsk did not kill anyone, officials said.",
     [("explosion in Karsk", "killed_count", 0, {"said_by": "officials", "polarity": "affirmed"})], []),
    ("The explosion in Karsk killed 40 people. The army denied that anyone had been killed in the blast.",
     [("explosion in Karsk", "killed_count", 0, {"said_by": "army", "polarity": "affirmed"}),
      ("explosion in Karsk", "killed_count", 40, {"polarity": "affirmed"})], []),
    ("Police asked if anyone was hurt in the blast in Karsk.",
     [], [("no count", lambda f: f.attribute.endswith("_count"))]),
    # 'the third such attack' is one of a series, no name of this one
    ("The blast in Karsk killed at least 40 people, the third such attack this month.",
     [("explosion in Karsk", "killed_count", ">=40", {})],
     [("no name 'such attack'", lambda f: f.attribute == "name" and "such" in str(f.value))]),
    # the toll of a period is no toll of the event
    ("The floods in Karsk killed 37 people, taking the toll for the year to 120.",
     [("floods in Karsk", "killed_count", 37, {})],
     [("120 is the year's", lambda f: f.attribute == "killed_count" and f.value == 120)]),
    # a denial covers its complement, not the denier's own figure after it
    ("The government denied reports that 300 people had died in the stampede in Karsk, putting the toll at 45.",
     [("stampede in Karsk", "killed_count", 300, {"polarity": "denied", "said_by": "government"}),
      ("stampede in Karsk", "killed_count", 45, {"polarity": "affirmed", "said_by": "government"})], []),
    # a bare number the NER took for a year, where no date was found, is a count
    ("Two trains collided near Karsk on Sunday night, killing at least 36 people and injuring 85, the railway "
     "operator said.", [("crash in Karsk", "wounded_count", 85, {"said_by": "railway operator"})], []),
    ("The floods in Karsk in 1998 killed 40 people.",
     [("floods in Karsk (1998)", "killed_count", 40, {})],
     [("1998 is no count", lambda f: f.value == 1998)]),
    # an event noun that exploded: one bombing, placed and dated by its verb
    ("A car bomb exploded outside a police station in Tolo on Saturday, killing nine officers.",
     [("bombing in Tolo", "killed_count", 9, {}), ("bombing in Tolo", "date", "2023-05-06", {})],
     [("no placeless bombing", lambda f: f.name == "bombing")]),
    # 'shot and killed by X during a raid': the verb with an agent is passive, X the raid's
    ("Karl Brenner was shot and killed by Chilean commandos during a raid on his compound in Karsk.",
     [("raid in Karsk", "perpetrator", "Chile", {})], []),
    # 'his body' is the dead man's, not the speaker's
    ("Spokesman Tom Brand said on Thursday that the group considers the claim to have killed its leader Karl "
     "Oster with a drone strike in Karsk an allegation and that its fighters have yet to find his body.",
     [("Karl Oster", "death", "killed", {"polarity": "denied", "said_by": "Tom Brand"})],
     [("the speaker is not dead", lambda f: f.name == "Tom Brand" and f.attribute == "death")]),
    # verbs of two words tell an event happened
    ("At least 23 people were killed when a suicide bomber blew himself up at a wedding in Tolo on Saturday.",
     [("explosion in Tolo", "killed_count", ">=23", {}), ("explosion in Tolo", "date", "2023-05-06", {})], []),
    ("Gunmen opened fire on worshippers at a mosque in Tolo on Friday, killing 20 people.",
     [("shooting in Tolo", "killed_count", 20, {})], []),
    ("The wind blew the roof off a house in Karsk.", [], [("no event", lambda f: f.name_type == "EVENT")]),
    # who claimed the attack did it
    ("Gunmen stormed a hotel in Tolo on Friday, killing at least 15 people, in an attack claimed by the "
     "Northern Front.", [("attack in Tolo", "perpetrator", "Northern Front", {})], []),
    ("The attack in Tolo claimed 15 lives.",
     [("attack in Tolo", "killed_count", 15, {})], [("no perpetrator", lambda f: f.attribute == "perpetrator")]),
]


@pytest.mark.parametrize("text,expected,absent",
                         COUNT_DENIALS + CORRECTIONS + STORMS + PLACES_AND_TOLLS + ORIGINS + ATTRIBUTION + TOLLS_MORE)
def test_wave3(run, text, expected, absent):
    facts = run(text)
    for entity, attribute, value, extra in expected:
        assert _has(facts, entity, attribute, value, **extra), \
            f"missing {entity} | {attribute} | {value!r} {extra}\n{_show(facts)}"
    for why, bad in absent:
        assert not any(bad(f) for f in facts), f"{why}\n{_show(facts)}"


STORM_NAMES = [
    ("after Storm Orla hit", "Storm Orla", "ORG", "EVENT"),
    ("Hurricane Ivo", "Hurricane Ivo", "PERSON", "EVENT"),
    ("Tropical Storm Ana", "Tropical Storm Ana", "ORG", "EVENT"),
    # not a storm's name: a word that only begins with one, a name word alone
    ("Stormont Castle", "Stormont Castle", "ORG", None),
    ("the Storm", "Storm", "ORG", None),
]


@pytest.mark.parametrize("text,name,label,want", STORM_NAMES)
def test_storm_names_are_events(text, name, label, want):
    """A name that begins with a storm's name word (events.yml `names`) is an EVENT,
    whatever label the model gave it."""
    from factx.stages.mentions import mention_rules, rule_label

    start = text.index(name)
    assert rule_label(text, start, start + len(name), label, mention_rules()) == want
