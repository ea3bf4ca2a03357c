"""Who said it, when the speaker is described in the subject (dev-stories set 2, P6).

- "The chairman of Z, Y, 47, reported that ...": the title, member and top-member facts
  read from the subject are the writer's description of the speaker, not Y's claims.
- "Army Maj. Y Z, the district commander, said ...": the parser may give the verb two
  subjects, the rank and the name; the claim's source is the name, never "Army Maj".
- The claim in the complement keeps its speaker.
Real model; invented sentences (published 2023-05-12).
"""

from __future__ import annotations

import pytest

from fact_helpers import facts_runner
from fact_helpers import show as _show

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def run(nlp):
    return facts_runner(nlp)


ROWS = [
    # the speaker's own description: no source
    ("The chairman of Orlen Shipping, Anton Vell, 47, reported that the cargo had been checked.",
     [("Orlen Shipping", "top_members", "Anton Vell", None), ("Anton Vell", "title",
                                                              "chairman of Orlen Shipping", None)]),
    ("The head of the Tarvo Red Cross, Ana Ruiz, told reporters that 40 people had died.",
     [("Ana Ruiz", "title", "head of Tarvo Red Cross", None), ("Tarvo Red Cross", "top_members", "Ana Ruiz", None)]),
    # a rank abbreviation is no source: the name after it is
    ("Police Col. Tomas Ferreira, the regional police chief, said the missing were Swedish "
     "national Kari Berg, 43, and Dutch national Jan Smit, 36.",
     [("Kari Berg", "age", 43, "Tomas Ferreira"), ("Kari Berg", "origin", "Sweden", "Tomas Ferreira")]),
    ("Army Maj. Lena Okafor, Varno district commander, said the victims were Swedish national Kari Berg, 43, "
     "and Dutch national Jan Smit, 36.", [("Kari Berg", "age", 43, "Lena Okafor")]),
    ("Lt. Col. Marta Suarez, an army spokeswoman, said the hostage, Kari Berg, 41, was a Norwegian citizen.",
     [("Kari Berg", "age", 41, "Marta Suarez")]),
    # the claim said in the complement keeps its speaker
    ("Police spokesman Tom Reyes said Jan Smit, 36, a Dutch engineer, was among the hostages.",
     [("Jan Smit", "age", 36, "Tom Reyes"), ("Jan Smit", "origin", "Netherlands", "Tom Reyes")]),
    ("The head of the Tarvo Red Cross, Ana Ruiz, told reporters that 40 people had died in the floods in Tarvo.",
     [("floods in Tarvo", "killed_count", 40, "head of the Tarvo Red Cross")]),
]


@pytest.mark.parametrize("text, expected", ROWS, ids=[r[0][:48] for r in ROWS])
def test_speaker_described_in_the_subject(run, text, expected):
    facts = run(text)
    for entity, attribute, value, said_by in expected:
        assert any(f.name == entity and f.attribute == attribute and f.value == value and f.said_by == said_by
                   for f in facts), f"missing {(entity, attribute, value, said_by)}\n{_show(facts)}"
