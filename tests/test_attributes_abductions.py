"""Abductions are not arrests (dev-stories set 2, P2): table-driven, text → facts, real model.

Verbs that count arrests (arrest, detain, capture, seize, ...) count nothing when an armed
group or a criminal does the seizing: "gunmen seized two doctors" is an abduction,
and its victims are no arrested_count. Police, soldiers and unnamed agents still arrest.
Sentences are invented (published 2023-05-12).
"""

from __future__ import annotations

import pytest

from fact_helpers import facts_runner
from fact_helpers import show as _show

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def run(nlp):
    return facts_runner(nlp)


def arrested(facts) -> list:
    return sorted(f.value for f in facts if f.attribute == "arrested_count")


ROWS = [
    # armed groups and criminals seize or capture: no arrests
    ("Gunmen seized four engineers from a hotel in the town of Tarvo on Thursday night.", []),
    ("Gunmen raided a clinic in Tarvo on Friday and seized two doctors.", []),
    ("Two nurses were seized from a hotel in Tarvo on Monday by armed men.", []),
    ("Militants captured 20 soldiers in an attack on an army base near Tarvo.", []),
    ("Pirates seized 18 crew members of a tanker off the coast of Tarvo.", []),
    ("Kidnappers seized two nuns from a convent in Tarvo on Friday.", []),
    # the police, soldiers or nobody named: arrests as before
    ("Police arrested 14 people in Tarvo on Friday.", [14]),
    ("Police seized three suspects at a checkpoint in Tarvo.", [3]),
    ("Soldiers captured 12 militants near Tarvo on Friday.", [12]),
    ("Twenty people were detained in Tarvo after the protest.", [20]),
    ("Two men were arrested by police in Tarvo on Friday.", [2]),
]


@pytest.mark.parametrize("text, expected", ROWS, ids=[r[0][:48] for r in ROWS])
def test_abductions_are_not_arrests(run, text, expected):
    facts = run(text)
    assert arrested(facts) == expected, _show(facts)
