"""How a named person was killed, who was held for it, and what a denial takes for
granted (issue 11, wave 5): table-driven, text → facts, real model.

Rows (invented story, published 2023-05-12):

- causes of death told in other words: 'choked / strangled to death', 'his death by
  suffocation', 'killed with a lethal injection', 'was given a lethal injection', 'died
  in a fight', 'a fistfight which led to his death', 'the injuries resulted in her death';
- a named person's killing is an event of its own, told on the person (DESIGN section 2):
  arrests over it ('arrested over the death of X', 'detained in connection with the
  killing of X') are the person's `arrested_count`; arrests over an event with a noun of
  its own (a bombing) stay the event's;
- a denial of someone's knowledge of or role in a killing takes the killing for granted:
  it denies no death ('denied that X had any knowledge of the killing');
- a definite description of the document's main person ('the writer and critic') is that
  person, so that a denial of their killing is a denial of the death;
- the cause classes of rules/cardinality.yml: strangled and choked are one cause; a
  strangling, a lethal injection and a fistfight are three accounts;
- verbs of a way to die ('hacked / stoned / burned / crushed / bludgeoned to death',
  'electrocuted', 'starved / froze to death') and their tolls ('shot dead 12', 'gunned
  down 9'), never without the words that make them deaths ('burned the shop', 'shot down
  two drones');
- a surname the NER typed a place, or the mentions left unlinked, is the one person the
  document names in full;
- 'Y denied that X had any role in / knowledge of the attack', 'X denied having anything
  to do with the attack': X's part denied on the event, said by the denier.
"""

from __future__ import annotations

import pytest

from fact_helpers import facts_runner
from fact_helpers import has as _has
from fact_helpers import show as _show

VICTIM = "Karl Brenner"


@pytest.fixture(scope="module")
def run(nlp):
    return facts_runner(nlp)


CAUSES = [
    ("Prosecutors said Karl Brenner was strangled to death soon after entering the embassy.",
     "strangulation", "Prosecutors"),
    ("Karl Brenner was choked to death immediately after entering the building, the prosecutor said.",
     "strangulation", "prosecutor"),
    ("The prosecutor said Karl Brenner's body was dismembered following his death by suffocation.",
     "suffocation", "prosecutor"),
    ("Officials believe Karl Brenner was killed with a lethal injection, then dismembered.",
     "lethal injection", "Officials"),
    ("Karl Brenner was given a lethal injection inside the embassy, the prosecutor said.",
     "lethal injection", "prosecutor"),
    ("The report said that Karl Brenner died in a fight at the embassy.", "fight", None),
    ("An argument erupted between Karl Brenner and the men, leading to a fistfight which led to his "
     "death, state media said.", "fistfight", "state media"),
]


@pytest.mark.model
@pytest.mark.parametrize("text, cause, source", CAUSES)
def test_cause_of_death_in_other_words(run, text, cause, source):
    facts = run(text)
    assert _has(facts, VICTIM, "death", facts_value(facts, "death"), polarity="affirmed"), _show(facts)
    assert _has(facts, VICTIM, "cause_of_death", cause, polarity="affirmed", said_by=source), _show(facts)


def facts_value(facts, attribute):
    """The value of the victim's first fact of an attribute (None when there is none)."""
    return next((f.value for f in facts if f.name == VICTIM and f.attribute == attribute), None)


NO_DEATH = [
    # an injection that is not said to be lethal kills no one; 'given' alone says nothing
    "Karl Brenner was given an injection at the clinic on Monday.",
    "Karl Brenner was given a medal at the embassy on Monday.",
]


@pytest.mark.model
@pytest.mark.parametrize("text", NO_DEATH)
def test_not_a_death(run, text):
    facts = run(text)
    assert not any(f.attribute in ("death", "cause_of_death") for f in facts), _show(facts)


ARRESTS = [
    ("Police said 18 foreign nationals have been arrested over the death of Karl Brenner.",
     VICTIM, 18),
    ("Police detained six Pakistani nationals in connection with the killing of Karl Brenner.",
     VICTIM, 6),
    ("Karl Brenner was killed last week. Brenner's fiancee waited outside. Officials said 18 Varnian "
     "citizens were arrested over the writer's death.", VICTIM, 18),
    # 'in custody'; a bare 'the killing' is the one killing of the document's main person
    ("Karl Brenner was killed in the embassy. Brenner's fiancee waited outside. The prosecutor said on "
     "Thursday that 21 people are in custody over the killing.", VICTIM, 21),
    # a description of the main person ('the X contributor')
    ("Karl Brenner died in the embassy. Brenner's fiancee waited outside. Anton Weiss has been fired "
     "and 18 citizens arrested over the Daily Post contributor's death.", VICTIM, 18),
    # a curly apostrophe ('contributor’s death': the parser's nmod), a nationality on the arrested
    ("Karl Brenner died in the embassy. Brenner's fiancee waited outside. Anton Weiss has been fired "
     "and 18 Varnian citizens arrested over the Daily Post contributor’s death.", VICTIM, 18),
    # an event with a noun of its own keeps its arrests
    ("Police arrested 12 people after a bombing in Karsk killed Karl Brenner.", "bombing in Karsk", 12),
]


@pytest.mark.model
@pytest.mark.parametrize("text, entity, count", ARRESTS)
def test_arrests_over_a_killing(run, text, entity, count):
    facts = run(text)
    assert _has(facts, entity, "arrested_count", count), _show(facts)
    others = {f.name for f in facts if f.attribute == "arrested_count"} - {entity}
    assert not others, _show(facts)


NO_VICTIM = [
    "Police arrested 40 protesters in the capital on Monday. Karl Brenner said the arrests were unlawful.",
    # the main person is nobody the document says died: 'the killing' is not theirs
    "Mayor Karl Brenner spoke on Monday. Brenner said 21 people are in custody over the killing.",
]


@pytest.mark.model
@pytest.mark.parametrize("text", NO_VICTIM)
def test_arrests_without_a_victim_stay_off_people(run, text):
    facts = run(text)
    assert not any(f.attribute == "arrested_count" and f.name == VICTIM for f in facts), _show(facts)


PRESUPPOSED = [
    "Karl Brenner was killed last week. Brenner's fiancee waited outside. A spokesman for the "
    "prosecutor later denied that Anton Weiss had any knowledge of the killing.",
    "Karl Brenner was killed last week. Brenner's fiancee waited outside. The prosecutor denied "
    "that Anton Weiss was involved in the killing.",
    "Karl Brenner was killed last week. Brenner's fiancee waited outside. The minister denied that "
    "he had played any role in the killing.",
]


@pytest.mark.model
@pytest.mark.parametrize("text", PRESUPPOSED)
def test_denied_knowledge_denies_no_death(run, text):
    facts = run(text)
    assert _has(facts, VICTIM, "death", "killed", polarity="affirmed"), _show(facts)
    assert not any(f.attribute == "death" and f.polarity == "denied" for f in facts), _show(facts)


DENIED_DEATH = [
    # the document's main person by a description of them
    ("Karl Brenner, a prominent writer, vanished last week. Brenner's fiancee waited outside. "
     "Officials had previously denied the writer and critic had been killed inside the embassy, "
     "insisting he had left the building.", "Officials"),
    # the denial of the killing itself still denies it
    ("Karl Brenner vanished last week. Brenner's fiancee waited outside. The ministry denied that "
     "Karl Brenner had been killed.", "ministry"),
]


@pytest.mark.model
@pytest.mark.parametrize("text, denier", DENIED_DEATH)
def test_denied_death(run, text, denier):
    facts = run(text)
    assert _has(facts, VICTIM, "death", "killed", polarity="denied", said_by=denier), _show(facts)


CAUSE_CLASSES = [
    ("strangulation", "suffocation", "compatible"),
    ("strangulation", "choking", "compatible"),
    ("strangulation", "lethal injection", "hard"),
    ("fistfight", "strangulation", "hard"),
    ("fistfight", "lethal injection", "hard"),
    ("fight", "beating", "compatible"),  # a fight is a kind of violence: one account
    ("strangulation", "raid", "compatible"),  # how a raid killed
    ("suffocation", "fire", "compatible"),  # how a fire killed
    ("poisoning", "cancer", "hard"),
]


@pytest.mark.parametrize("a, b, verdict", CAUSE_CLASSES)
def test_cause_classes(a, b, verdict):
    from factx.values import value_model

    model = value_model()
    assert model.compare_causes(a, b) == verdict
    assert model.compare_causes(b, a) == verdict


def _mention(text, label, start):
    from factx.stages.mentions import Mention

    return Mention(start, start + len(text), text, text, label)


SURNAMES = [
    # (persons, other mentions, expected surname -> full name)
    ([("Karl Brenner", "PERSON")], [("Brenner", "GPE")], {"Brenner": "Karl Brenner"}),
    ([("Karl Brenner", "PERSON")], [("Brenner", "ORG")], {"Brenner": "Karl Brenner"}),
    # a surname the mentions left alone (a headline before the full name)
    ([("Karl Brenner", "PERSON")], [("Brenner", "PERSON")], {"Brenner": "Karl Brenner"}),
    # two people end with the name: nobody
    ([("Karl Brenner", "PERSON"), ("Ida Brenner", "PERSON")], [("Brenner", "GPE")], {}),
    # a known country or city stays a place
    ([("Michael Jordan", "PERSON")], [("Jordan", "GPE")], {}),
    # a lower-case word is no name
    ([("Karl brenner", "PERSON")], [("brenner", "GPE")], {}),
]


@pytest.mark.parametrize("persons, others, expected", SURNAMES)
def test_surname_typed_a_place_is_the_person(persons, others, expected):
    from types import SimpleNamespace

    from factx.rules import load_rules
    from factx.stages.attributes.compiled import compile_rules
    from factx.stages.attributes.referents import surnames

    people = [_mention(t, label, i * 100) for i, (t, label) in enumerate(persons)]
    rest = [_mention(t, label, 1000 + i * 100) for i, (t, label) in enumerate(others)]
    state = SimpleNamespace(mentions=tuple(people + rest), persons=tuple(people), rules=compile_rules(load_rules()))
    found = {name: m.canonical for name, m in surnames(state).items()}
    assert found == expected


PART_DENIED = [
    ("A bombing in Karsk killed 12 people on Monday. The ministry denied that the Red Dawn Brigade "
     "had any role in the bombing.", "bombing in Karsk", "ministry"),
    ("A bombing in Karsk killed 12 people on Monday. The ministry denied that the Red Dawn Brigade "
     "had any knowledge of the bombing.", "bombing in Karsk", "ministry"),
    ("A bombing in Karsk killed 12 people on Monday. The Red Dawn Brigade denied having anything to "
     "do with the bombing.", "bombing in Karsk", "Red Dawn Brigade"),
]


@pytest.mark.model
@pytest.mark.parametrize("text, event, denier", PART_DENIED)
def test_denied_part_in_an_event(run, text, event, denier):
    """Who is said to have had no part in an event: its perpetrator denied, by the
    denier; the event, its toll and its date stay affirmed."""
    facts = run(text)
    assert _has(facts, event, "perpetrator", "Red Dawn Brigade", polarity="denied", said_by=denier), _show(facts)
    assert _has(facts, event, "killed_count", 12, polarity="affirmed"), _show(facts)
    assert not any(f.polarity == "denied" and f.attribute != "perpetrator" for f in facts), _show(facts)


def test_a_part_affirmed_is_no_denial(run):
    facts = run("A bombing in Karsk killed 12 people on Monday. The ministry said that the Red Dawn "
                "Brigade had a role in the bombing.")
    assert not any(f.attribute == "perpetrator" and f.polarity == "denied" for f in facts), _show(facts)


DEATH_VERBS = [
    ("Karl Brenner was hacked to death with machetes on Monday, police said.", "hacking"),
    ("Karl Brenner was stoned to death by a mob in Karsk.", "stoning"),
    ("Karl Brenner was burned to death in his car, police said.", "burning"),
    ("Karl Brenner was electrocuted at the plant on Monday.", "electrocution"),
    ("Karl Brenner starved to death in the prison, his family said.", "starvation"),
    ("Karl Brenner froze to death on the mountain.", "hypothermia"),
    ("Karl Brenner was bludgeoned to death in his home.", "beating"),
]


@pytest.mark.model
@pytest.mark.parametrize("text, cause", DEATH_VERBS)
def test_verbs_of_a_way_to_die(run, text, cause):
    facts = run(text)
    assert any(f.name == VICTIM and f.attribute == "death" and f.polarity == "affirmed" for f in facts), _show(facts)
    assert _has(facts, VICTIM, "cause_of_death", cause), _show(facts)


NOT_DEATHS = [
    "The mob burned the shop on Monday.",
    "The drought starved the cattle of water.",
    "The army shot down two drones near Karsk on Monday.",
    "The police shot 3 protesters in Karsk on Monday.",  # shot, not said to have died
    "Karl Brenner beat the champion in Karsk on Monday.",
]


@pytest.mark.model
@pytest.mark.parametrize("text", NOT_DEATHS)
def test_no_death_without_its_words(run, text):
    facts = run(text)
    assert not any(f.attribute in ("death", "cause_of_death", "killed_count") for f in facts), _show(facts)


TOLLS = [
    ("Three people were crushed to death at a stadium in Karsk on Monday.", 3),
    ("Gunmen shot dead 12 villagers in an attack in Karsk on Monday.", 12),
    ("Gunmen gunned down 9 people at a market in Karsk.", 9),
]


@pytest.mark.model
@pytest.mark.parametrize("text, count", TOLLS)
def test_tolls_of_a_way_to_die(run, text, count):
    facts = run(text)
    assert any(f.attribute == "killed_count" and f.value == count for f in facts), _show(facts)


CALLED_FALSE = [
    # a claim noun whose predicate calls it false denies what it holds, by the speaker
    ("The ministry said reports that Karl Brenner had died were false.", "denied", "ministry"),
    ("Reports that Karl Brenner was killed in the raid are baseless, the group said.", "denied", "group"),
    ("The ministry said reports that Karl Brenner had died were not false.", "affirmed", "ministry"),
    ("The ministry said reports that Karl Brenner had died were accurate.", "affirmed", "ministry"),
    # pointing back: the claim before it
    ("Karl Brenner was killed on Monday. The reports were false, the group said.", "denied", "group"),
    # surviving the story's event denies the death
    ("Officials said Karl Brenner survived the strike on his convoy in Karsk.", "denied", "Officials"),
    ("Karl Brenner was killed in the strike, officials said. His aides said Brenner survived the strike.",
     "denied", "His aides"),
]


@pytest.mark.model
@pytest.mark.parametrize("text, polarity, source", CALLED_FALSE)
def test_claims_called_false_and_survivals(run, text, polarity, source):
    facts = run(text)
    assert any(f.name == VICTIM and f.attribute == "death" and f.polarity == polarity and f.said_by == source
               for f in facts), _show(facts)


NOT_SURVIVALS = [
    # an attempt on the life years before, an obituary, another event dated apart
    "Karl Brenner, who survived an assassination attempt, was killed on Monday.",
    "Karl Brenner survived an assassination attempt in Karsk.",
    "Karl Brenner survived the 2010 attack.",
    "Karl Brenner died on Monday. He is survived by his wife.",
]


@pytest.mark.model
@pytest.mark.parametrize("text", NOT_SURVIVALS)
def test_not_a_survival_of_the_story(run, text):
    facts = run(text)
    assert not any(f.attribute == "death" and f.polarity == "denied" for f in facts), _show(facts)


OTHER_WORDS_FOR_DYING = [
    # (text, cause or None, whether the date of death is told)
    ("Karl Brenner lost his life in the attack in Karsk on Monday.", "attack", True),
    ("Karl Brenner killed himself in his cell on Monday, officials said.", "suicide", True),
    ("Karl Brenner took his own life on Monday.", "suicide", True),
    ("Karl Brenner committed suicide on Monday.", "suicide", True),
    ("Karl Brenner was fatally shot by police in Karsk on Monday.", "shooting", True),
    ("Karl Brenner was fatally stabbed outside his home.", "stabbing", False),
    ("Karl Brenner was among those killed in the attack in Karsk.", "attack", False),
    ("Karl Brenner was among the dead, officials said.", None, False),
    ("Among the dead was Karl Brenner, a local journalist.", None, False),
    # a body found tells the death, never when or where it happened
    ("The body of Karl Brenner was found in a river near Karsk on Monday.", None, False),
]


@pytest.mark.model
@pytest.mark.parametrize("text, cause, dated", OTHER_WORDS_FOR_DYING)
def test_other_words_for_dying(run, text, cause, dated):
    facts = run(text)
    assert any(f.name == VICTIM and f.attribute == "death" and f.polarity == "affirmed" for f in facts), _show(facts)
    causes = [f.value for f in facts if f.name == VICTIM and f.attribute == "cause_of_death"]
    assert causes == ([cause] if cause else []), _show(facts)
    assert any(f.name == VICTIM and f.attribute == "date_of_death" for f in facts) == dated, _show(facts)
    if "body" in text:
        assert not any(f.name == VICTIM and f.attribute == "place_of_death" for f in facts), _show(facts)


NOT_DYING = [
    "Karl Brenner lost his job in the attack on the company.",
    "Karl Brenner took his own car to Karsk on Monday.",
    "Karl Brenner was among those arrested in Karsk.",
    "Karl Brenner's body has not been recovered, police said.",
    "Karl Brenner went missing on Monday. His lawyer said his body had not been found.",
    "Karl Brenner blamed himself for the defeat.",
]


@pytest.mark.model
@pytest.mark.parametrize("text", NOT_DYING)
def test_not_dying(run, text):
    facts = run(text)
    assert not any(f.attribute == "death" and f.polarity == "affirmed" for f in facts), _show(facts)


def test_lives_lost_count(run):
    facts = run("At least 40 people lost their lives in the floods in Karsk.")
    assert _has(facts, "floods in Karsk", "killed_count", ">=40"), _show(facts)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Karl Brenner spoke on Monday. Brenner's spokesman was killed on Tuesday.",
    "Karl Brenner spoke on Monday. Among those killed on Tuesday was Brenner's spokesman.",
])
def test_someones_role_is_not_the_main_person(run, text):
    facts = run(text)
    assert not any(f.name == VICTIM and f.attribute == "death" for f in facts), _show(facts)


DEAD_AS_SAID = [
    ("Karl Brenner was presumed dead after the attack in Karsk.", "affirmed", "hedged"),
    ("Karl Brenner is feared dead after the attack in Karsk.", "affirmed", "hedged"),
    ("Karl Brenner was confirmed dead on Monday, officials said.", "affirmed", "reported"),
    ("The group said Karl Brenner was unharmed in the strike.", "denied", "reported"),
]


@pytest.mark.model
@pytest.mark.parametrize("text, polarity, modality", DEAD_AS_SAID)
def test_dead_as_said(run, text, polarity, modality):
    facts = run(text)
    assert any(f.name == VICTIM and f.attribute == "death" and f.polarity == polarity and f.modality == modality
               for f in facts), _show(facts)
    # a confirmation's day is not the day of the death
    assert not any(f.attribute == "date_of_death" for f in facts), _show(facts)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Karl Brenner said the villagers were unharmed.",
    "Police declared the area safe. Karl Brenner's house was unharmed.",
])
def test_unharmed_others(run, text):
    facts = run(text)
    assert not any(f.name == VICTIM and f.attribute == "death" for f in facts), _show(facts)


KILLERS = [
    ("Karl Brenner was killed late Sunday in Karsk by a joint French and Malian team, officials said.",
     {"France", "Mali"}),
    ("Karl Brenner was killed by French troops near Karsk.", {"France"}),
    ("Karl Brenner was shot dead by police officer Anton Weiss in Karsk.", {"Anton Weiss"}),
    # a thing is a cause, not a killer; nobody named, nobody given
    ("Karl Brenner was killed by a roadside bomb in Karsk.", set()),
    ("Karl Brenner was killed by his guards.", set()),
    # a killing in an event of its own leaves its author to the event
    ("Karl Brenner was killed by French forces in a raid in Karsk.", set()),
]


@pytest.mark.model
@pytest.mark.parametrize("text, killers", KILLERS)
def test_who_killed_a_named_person(run, text, killers):
    """A named person's killing without an event noun of its own is told on the person
    (DESIGN section 2): its author is the person's `perpetrator`."""
    facts = run(text)
    found = {f.value for f in facts if f.name == VICTIM and f.attribute == "perpetrator"}
    assert found == killers, _show(facts)


def test_a_dateline_city_never_dies(run):
    """A two-word city in a dated dateline ('City, Mar 03 (AGENCY): ...') the parser ran
    into the sentence is where the report was filed, never a person who died; the person
    the parser set beside it is."""
    text = ("Aid worker killed in ambush: police\n\nAGENCY | Updated: Mar 03, 2021 09:00 IST\n\n"
            "New Delhi, Mar 03 (PTI): Aid worker Karl Brenner was shot dead soon after leaving the "
            "office in Karsk, police chief Anton Weiss said.")
    facts = run(text)
    assert not any(f.name == "New Delhi" and f.attribute in ("death", "cause_of_death") for f in facts), _show(facts)
    assert _has(facts, VICTIM, "cause_of_death", "shooting", said_by="Anton Weiss"), _show(facts)


# 'N sustained / suffered injuries' is a wounded count, like 'N were injured' (the lead, session 4)
WOUNDS_SUFFERED = [
    ("More than 30 people sustained injuries in a stampede in Karsk on Monday.", ">30"),
    ("Twelve passengers suffered serious injuries in a bus crash in Karsk.", 12),
    ("At least 8 workers sustained wounds in the explosion at the plant in Karsk.", ">=8"),
]


@pytest.mark.model
@pytest.mark.parametrize("text, count", WOUNDS_SUFFERED)
def test_injuries_suffered_are_a_wounded_count(run, text, count):
    facts = run(text)
    assert any(f.attribute == "wounded_count" and f.value == count for f in facts), _show(facts)


NOT_WOUNDS = [
    "The team suffered 12 defeats in the season.",
    "Two firefighters suffered burns in a blaze in Karsk.",  # no number of the injured: a burn is not 'injuries'
    "The company sustained losses of 40 million dollars in Karsk.",
]


@pytest.mark.model
@pytest.mark.parametrize("text", NOT_WOUNDS)
def test_no_wounded_count_without_injuries(run, text):
    facts = run(text)
    assert not any(f.attribute == "wounded_count" for f in facts), _show(facts)


# 'X was behind / responsible for the attack': X is its perpetrator (the lead, session 4)
CULPRITS = [
    ("The Islamic Liberation Army was behind the ambush in Karsk, officials said.", "Islamic Liberation Army"),
    ("Police said the People's Defence Front was responsible for the bombing in Karsk.", "People's Defence Front"),
]


@pytest.mark.model
@pytest.mark.parametrize("text, author", CULPRITS)
def test_who_was_behind_an_attack(run, text, author):
    facts = run(text)
    assert any(f.attribute == "perpetrator" and f.value == author and f.polarity == "affirmed"
               for f in facts), _show(facts)


NO_CULPRITS = [
    "Officials said the Islamic Liberation Army was not behind the bombing in Karsk.",
    "The ministry is responsible for the investigation into the crash in Karsk.",
    "The house behind the school in Karsk was damaged in the explosion.",
]


@pytest.mark.model
@pytest.mark.parametrize("text", NO_CULPRITS)
def test_no_culprit_without_the_act(run, text):
    facts = run(text)
    assert not any(f.attribute == "perpetrator" and f.polarity == "affirmed" for f in facts), _show(facts)
