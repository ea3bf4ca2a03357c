"""Precision hazards on stories factx never saw (issues 11 and 12, wave 7):
table-driven, text → facts, real model, invented sentences only.

- P1: a 'he' / 'she' is never the speaker of the quotation it stands in ('"He is
  alive," X said' denies no death of X), and the speaker of '..., X said.' is not the
  subject pronoun of the next sentence when another person was the topic;
- P2: ages belong to the person the age phrase describes: never the speaker of a
  reporting verb ('X said the 45-year-old remained ...'), 'aged N' to the noun right
  before it, and a definite 'the N-year-old' that names no one is left alone.
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
