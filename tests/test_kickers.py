"""Tabloid kickers are no names (dev-stories set 2, P7): text → facts, real model.

"FOREST TERROR: Swiss teacher, 38, taken" opens a tabloid page with a kicker in
capitals; it must not become a person with the origin and age of the sentence, nor a
named storm ("STORM HORROR: ..."). Sentences are invented (published 2023-05-12).
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
    ("FOREST TERROR: Swiss teacher, 38, taken by armed gang 'who want $1m'\n\n"
     "A Swiss teacher has been abducted in Tarvo.", "FOREST TERROR"),
    ("DESERT TERROR: French engineer, 52, grabbed by armed gang\n\nA French engineer has been abducted.",
     "DESERT TERROR"),
    ("STORM HORROR: Irish teacher swept away\n\nThe death toll from the storm rose to 9 on Friday, officials said.",
     "STORM HORROR"),
    ("TRAGEDY AT SEA: ferry sinks off Tarvo\n\nTwelve people died when the ferry sank off Tarvo on Friday.",
     "TRAGEDY AT SEA"),
]


@pytest.mark.parametrize("text, kicker", ROWS, ids=[r[1] for r in ROWS])
def test_a_kicker_carries_no_facts(run, text, kicker):
    facts = run(text)
    assert not [f for f in facts if kicker.lower() in f.name.lower()], _show(facts)


def test_a_storm_named_in_capitals_stays_named(run):
    facts = run("STORM BELEN KILLS NINE\n\nStorm Belen killed nine people in Tarvo on Friday, officials said.")
    assert any(f.name == "Storm Belen" and f.attribute == "killed_count" for f in facts), _show(facts)
