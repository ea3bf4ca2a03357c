"""How people died: wounds as the detail of a death's cause, what was done to them, fights
(issue 11): table-driven, text → facts, real model.

Each row: a text on an invented story (published 2023-05-12), the `cause_of_death`
values that must come out for the person, and those that must not.
"""

from __future__ import annotations

import pytest

from factx.records import Article

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def causes(nlp):
    from factx.pipeline import make_doc

    def causes_of(text: str, person: str) -> list[str]:
        doc = nlp(make_doc(nlp, Article("test", text, published="2023-05-12")))
        return [f.value for f in doc._.facts if f.name == person and f.attribute == "cause_of_death"]
    return causes_of


WOUNDS = [
    # the killing told before, the wound after: where he was hit
    ("Karl Brenner was shot and killed by police during a raid on his house. "
     "Brenner was then shot in the chest and head.",
     ["shot in the chest and head"], []),
    ("Police killed Karl Brenner in a raid on Monday. Officers shot Brenner in the head at close range.",
     ["shot in the head"], []),
    # the wound in the death's own clause
    ("Karl Brenner was killed in the ensuing firefight with a bullet to the head.",
     ["shot in the head"], []),
    ("Karl Brenner was shot in the neck and died in hospital on Monday.",
     ["shot in the neck"], []),
    ("Karl Brenner was stabbed in the back and died at the scene.",
     ["stabbing in the back"], []),
    # a wound alone is no death
    ("Karl Brenner was shot in the head at close range, police said.",
     [], ["shot in the head"]),
    # a wound of another time, in a clause of its own, is not how he died
    ("Karl Brenner, who was shot in the leg in 2010, died of cancer on Monday.",
     ["cancer"], ["shot in the leg"]),
    # someone else's wound is not his
    ("Karl Brenner was shot dead by police on Monday. His wife Anna Brenner was shot in the leg.",
     [], ["shot in the leg"]),
]

HOW = [
    # 'died after being <done to>': what was done is how
    ("Karl Brenner died after being strangled, a prosecutor said.", ["strangulation"], []),
    ("Karl Brenner died after being shot by police in Karsk.", ["shooting"], []),
    ("Karl Brenner was strangled to death in Karsk.", ["strangulation"], []),
    # ... not what was done after the harm
    ("Karl Brenner died after being taken to hospital in Karsk.", [], ["hospital"]),
    # a fight is how
    ("The government said Karl Brenner died in a fistfight inside the embassy.", ["fistfight"], []),
]


@pytest.mark.parametrize("text,wanted,unwanted", WOUNDS + HOW)
def test_wounds(causes, text, wanted, unwanted):
    found = causes(text, "Karl Brenner")
    for value in wanted:
        assert value in found, f"missing {value!r}: {found}"
    for value in unwanted:
        assert value not in found, f"unwanted {value!r}: {found}"
