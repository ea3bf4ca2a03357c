"""Precision hazards on stories factx never saw (issues 11 and 12, wave 7):
table-driven, text → facts, real model, invented sentences only.

- P1: a 'he' / 'she' is never the speaker of the quotation it stands in ('"He is
  alive," X said' denies no death of X), and the speaker of '..., X said.' is not the
  subject pronoun of the next sentence when another person was the topic;
- P2: ages belong to the person the age phrase describes: never the speaker of a
  reporting verb ('X said the 45-year-old remained ...'), 'aged N' to the noun right
  before it, and a definite 'the N-year-old' that names no one is left alone;
- P8: 'reports of X's death' is hedged (denied when the reports are denied, dismissed or
  called false); a title-case headline's claim after a word of denial is dropped (the
  parser reads 'Officials Deny Leader X Has Died' as one name);
- P9: a source is cut before a date preposition ('the ministry on Sunday said') and
  after a dateline's dash ('CITY -- officials'), and a toll noun is never a source.
"""

from __future__ import annotations

import pytest

from fact_helpers import facts_runner
from fact_helpers import has as _has
from fact_helpers import show as _show


@pytest.fixture(scope="module")
def run(nlp):
    return facts_runner(nlp)


def _about(facts, name, attribute):
    return [f for f in facts if f.name == name and f.attribute == attribute]


# (text, the speaker who must get no death fact, the person who dies or None)
SPEAKER_PRONOUNS = [
    ("The attacker has been identified as Karim Haddou, 31, the prosecutor's spokesman, Luc Martin, "
     "said. He was shot dead by officers.", "Luc Martin", "Karim Haddou"),
    ("Paul Girard was shot in Lyon on Friday, the prosecutor's spokesman, Jean Martin, told reporters. "
     "He died in hospital.", "Jean Martin", "Paul Girard"),
    ("The gunman was named as Omar Vidal, the police spokeswoman, Claire Roux, said. She said he was "
     "killed by officers.", "Claire Roux", None),
    ('Police spokesman Jean Martin said a guard had been shot in Lyon. "His condition is serious but '
     'he is alive," Martin said.', "Jean Martin", None),
    ('"He is alive. He is being treated in hospital," interior ministry spokesman Tomas Berg said '
     'of the wounded driver.', "Tomas Berg", None),
]


@pytest.mark.model
@pytest.mark.parametrize("text, speaker, dead", SPEAKER_PRONOUNS)
def test_pronoun_is_not_the_speaker(run, text, speaker, dead):
    facts = run(text)
    assert not _about(facts, speaker, "death"), _show(facts)
    if dead is not None:
        assert _has(facts, dead, "death", "killed" if "shot dead" in text else "died",
                    polarity="affirmed"), _show(facts)


# a quotation's 'he' still refers to the person the text is about
QUOTED_TOPIC = [
    ('Opposition politician Paul Girard was shot in Lyon on Friday. "He is alive. He is being '
     'treated," interior ministry spokesman Jean Martin said.', "Paul Girard", "Jean Martin"),
]


@pytest.mark.model
@pytest.mark.parametrize("text, topic, speaker", QUOTED_TOPIC)
def test_quoted_pronoun_is_the_topic(run, text, topic, speaker):
    facts = run(text)
    assert _has(facts, topic, "death", "died", polarity="denied", said_by=speaker), _show(facts)
    assert not _about(facts, speaker, "death"), _show(facts)


# (text, the speaker, an age the speaker must not get)
SPEAKER_AGES = [
    ("Police spokesman Marc Dubois said the 45-year-old remained in a critical condition.", "Marc Dubois", 45),
    ("Prosecutor Anne Leclerc said one of the dead was a Spanish woman aged 34.", "Anne Leclerc", 34),
    ("Hospital director Ines Carvalho told reporters that the 61-year-old was still unconscious.",
     "Ines Carvalho", 61),
    ("Opposition leader Amir Talipov was shot in Lyon on Friday. According to a source, the "
     "54-year-old politician, deputy leader of the Green Future party, was shot twice.", "Amir Talipov", 54),
]


@pytest.mark.model
@pytest.mark.parametrize("text, name, age", SPEAKER_AGES)
def test_age_is_not_the_speakers(run, text, name, age):
    facts = run(text)
    assert not _has(facts, name, "age", age), _show(facts)
    assert not any(f.attribute == "age" and f.value == age for f in facts), _show(facts)


# ages that are the named person's, however they are phrased
OWN_AGES = [
    ("Marc Dubois, aged 45, was arrested in Lyon on Monday.", "Marc Dubois", 45),
    ("The 45-year-old Paul Girard was arrested in Lyon on Monday.", "Paul Girard", 45),
    ("Anne Leclerc, a 62-year-old teacher, died in the attack.", "Anne Leclerc", 62),
    ("Jean Petit died aged 80 in a hospital in Lyon.", "Jean Petit", 80),
    ("Police said a 45-year-old man, Marc Dubois, was arrested.", "Marc Dubois", 45),
    ("Nadia Berrada, 29, was among the wounded, police said.", "Nadia Berrada", 29),
]


@pytest.mark.model
@pytest.mark.parametrize("text, name, age", OWN_AGES)
def test_own_age_kept(run, text, name, age):
    facts = run(text)
    assert _has(facts, name, "age", age), _show(facts)


# P8: reports of a death are someone's report; a denial in a title-case headline
REPORTED_DEATHS = [
    # (text, person, polarity, modality)
    ("Opposition leader Ramon Cruz was shot in Manila. Reports of Cruz's death spread quickly on "
     "social media on Sunday.", "Ramon Cruz", "affirmed", "hedged"),
    ("Opposition leader Ramon Cruz was shot in Manila. The party said it had received reports of his "
     "death.", "Ramon Cruz", "affirmed", "hedged"),
    ("Opposition leader Ramon Cruz was shot in Manila. A ministry spokesman called the reports of his "
     "death false and irresponsible.", "Ramon Cruz", "denied", "hedged"),
    ("Opposition leader Ramon Cruz was shot in Manila. The ministry dismissed reports of his death as "
     "rumours.", "Ramon Cruz", "denied", "hedged"),
]


@pytest.mark.model
@pytest.mark.parametrize("text, name, polarity, modality", REPORTED_DEATHS)
def test_reports_of_a_death(run, text, name, polarity, modality):
    facts = run(text)
    deaths = _about(facts, name, "death")
    assert deaths and all(f.polarity == polarity and f.modality == modality for f in deaths), _show(facts)


TITLE_CASE_DENIALS = [
    "Officials Deny Opposition Leader Cruz Has Died\n\nOpposition leader Ramon Cruz was shot in Manila on Friday.",
    "Ministry Dismisses Reports That Senator Cruz Was Killed\n\nSenator Ramon Cruz was shot in Manila on Friday.",
]


@pytest.mark.model
@pytest.mark.parametrize("text", TITLE_CASE_DENIALS)
def test_title_case_denial_affirms_no_death(run, text):
    facts = run(text)
    assert not any(f.attribute == "death" and f.polarity == "affirmed" for f in facts), _show(facts)


@pytest.mark.model
def test_title_case_sentence_case_kept(run):
    """A sentence-case headline is parsed like a sentence: its denial stands."""
    facts = run("Interior ministry denies reports of Cruz's death\n\nRamon Cruz was shot in Manila on Friday.")
    assert any(f.attribute == "death" and f.polarity == "denied" for f in facts), _show(facts)


# P9: who said it, as a name or a plain description, without the words around it
SOURCES = [
    ("A gunman attacked a cafe in Lyon on Friday. The interior ministry on Sunday said five people were "
     "killed in the attack in Lyon.", "killed_count", 5, "interior ministry"),
    ("LYON -- French officials on Sunday said five people were killed in the attack in Lyon.",
     "killed_count", 5, "French officials"),
    ("MANILA -- Philippine officials on March 16 denied reports that opposition leader Ramon Cruz had died.",
     "death", "died", "Philippine officials"),
    ("A ferry sank off Cebu on Monday. The number of people confirmed dead in the sinking off Cebu has "
     "risen to 11, with 25 still missing, the coast guard said on Tuesday.", "missing_count", 25, "coast guard"),
]


@pytest.mark.model
@pytest.mark.parametrize("text, attribute, value, source", SOURCES)
def test_source_span(run, text, attribute, value, source):
    facts = run(text)
    found = [f for f in facts if f.attribute == attribute and f.value == value]
    assert found and all(f.said_by == source for f in found), _show(facts)


# cause 18: a toll that counts its attackers agrees with a count of the victims alone
WITH_PERPETRATORS = [
    ("Four people were killed in the attack in Lyon, including the gunman.", "3-4"),
    ("Five people died in the bombing in Lyon, including the bomber.", "4-5"),
    ("The attack in Lyon killed five people, including two attackers.", "3-5"),
    ("Four people were killed in the attack in Lyon, including two children.", 4),
    ("Four people were killed in the attack in Lyon.", 4),
]


@pytest.mark.model
@pytest.mark.parametrize("text, value", WITH_PERPETRATORS)
def test_toll_including_the_attacker(run, text, value):
    facts = run(text)
    tolls = [f.value for f in facts if f.attribute == "killed_count"]
    assert tolls == [value], _show(facts)


# P3: 'A were killed and B wounded': the second participle counts its own conjunct
GAPPED = [
    ("Three hostages were killed and nine people wounded when police stormed the building in Lyon.", 3, 9),
    ("Two soldiers were killed and 14 others injured in the bombing in Lyon on Friday.", 2, 14),
]


@pytest.mark.model
@pytest.mark.parametrize("text, killed, wounded", GAPPED)
def test_gapped_coordination(run, text, killed, wounded):
    facts = run(text)
    assert [f.value for f in facts if f.attribute == "killed_count"] == [killed], _show(facts)
    assert [f.value for f in facts if f.attribute == "wounded_count"] == [wounded], _show(facts)


# P10: one document against itself is no disagreement between sources
def _count(value, doc, line, said_by=None, polarity="affirmed"):
    from test_conflicts import fact

    return fact("ferry sinking", "missing_count", value, doc, line, value_type="quantity",
                said_by=said_by, polarity=polarity, entity_type="EVENT")


ONE_DOCUMENT = [
    # (facts, conflicts expected)
    ([_count("dozens", "a.txt", 1), _count(31, "a.txt", 7, said_by="officials")], 0),  # headline vs body
    ([_count(12, "a.txt", 3), _count(31, "a.txt", 7)], 0),  # the writer repeating a new figure
    ([_count(12, "a.txt", 3, said_by="police"), _count(31, "a.txt", 7, said_by="hospital")], 1),
    ([_count(12, "a.txt", 3), _count(31, "b.txt", 7)], 1),
    ([_count("dozens", "a.txt", 1), _count(31, "a.txt", 7), _count(12, "b.txt", 2)], 1),
]


@pytest.mark.parametrize("facts, expected", ONE_DOCUMENT)
def test_one_document_is_one_source(facts, expected):
    from factx.conflicts import find_conflicts

    found = [c for c in find_conflicts(facts) if c["attribute"] == "missing_count"]
    assert len(found) == expected, found


# 'one of three hostages killed': the part of a whole counts the whole
@pytest.mark.parametrize("text, value", [("one of three", 3), ("two of the five", 5), ("one of 12", 12),
                                         ("three", 3), ("dozens of", "~24-99")])
def test_part_of_a_whole(text, value):
    from factx.quantities import normalize_quantity

    assert normalize_quantity(text) == value


@pytest.mark.model
def test_one_of_the_dead_is_no_extra_victim(run):
    facts = run("Three hours later she was dead, one of three hostages killed in the siege in Lyon.")
    assert [f.value for f in facts if f.attribute == "killed_count"] == [3], _show(facts)


# P8 (cont.): a denial a headline's parse hangs on its topic, and reports called irresponsible
HEADLINE_DENIALS = [
    "Lyon shooting: interior ministry denies reports of Talipov's death\n\nAmir Talipov was shot in Lyon on Friday.",
    "Opposition leader Ramon Cruz was shot in Manila. The minister called the reports of his death "
    "\"irresponsible\".",
    "Opposition leader Ramon Cruz was shot in Manila. Reports of his death were premature, the minister said.",
]


@pytest.mark.model
@pytest.mark.parametrize("text", HEADLINE_DENIALS)
def test_denied_reports_of_a_death(run, text):
    facts = run(text)
    deaths = [f for f in facts if f.attribute == "death"]
    assert deaths and all(f.polarity == "denied" for f in deaths), _show(facts)


@pytest.mark.model
def test_aged_after_a_comma_is_the_subjects(run):
    facts = run("Veteran actor Paul Girard has died at his home in Lyon, aged 91.")
    assert _has(facts, "Paul Girard", "age", 91), _show(facts)
