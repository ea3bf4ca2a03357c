"""What session 11's event rules read in a document (rules/events.yml, rules/attributes.yml):
the kind a chemical spill or a gas cloud is told as, and the counts 'received injuries'
and 'were butchered'. Table-driven, text → facts, real model; invented
sentences (published 2023-05-12, a Friday).
"""

from __future__ import annotations

import pytest

from fact_helpers import facts_runner
from fact_helpers import show as _show


@pytest.fixture(scope="module")
def run(nlp):
    return facts_runner(nlp)


KINDS = [
    # (text, an event name that must be read)
    ("A chlorine spill at a water plant in Varnok on Friday forced hundreds from their homes.", "leak in Varnok"),
    ("A gas cloud from a chemical plant in Varnok on Friday left two people dead.", "leak in Varnok"),
]


@pytest.mark.model
@pytest.mark.parametrize("text,event", KINDS)
def test_event_kinds(run, text, event):
    facts = run(text)
    assert any(f.name == event and f.name_type == "EVENT" for f in facts), _show(facts)


COUNTS = [
    ("A bus crashed in Varnok on Friday. Six people were killed and 31 received injuries.", "wounded_count", 31),
    ("A bus crashed in Varnok on Friday. Six people were killed and 31 people received serious injuries.",
     "wounded_count", 31),
    ("At least ten inmates were butchered during a riot at the jail in Varnok on Friday.", "killed_count", ">=10"),
    ("A derailment near Varnok on Friday killed six people; 31 others received injuries.", "wounded_count", 31),
]


@pytest.mark.model
@pytest.mark.parametrize("text,attribute,value", COUNTS)
def test_counts(run, text, attribute, value):
    facts = run(text)
    mine = [f for f in facts if f.attribute == attribute]
    assert any(f.value == value and f.polarity == "affirmed" for f in mine), _show(facts)
    assert all(f.value == value for f in mine), _show(facts)


NOT_COUNTS = [
    # 'received' without injuries counts nobody hurt
    "A bus crashed in Varnok on Friday. The hospital received 31 calls from relatives.",
    "A bus crashed in Varnok on Friday. Police received reports of injuries from 31 passengers.",
]


@pytest.mark.model
@pytest.mark.parametrize("text", NOT_COUNTS)
def test_not_counts(run, text):
    facts = run(text)
    assert not [f for f in facts if f.attribute == "wounded_count"], _show(facts)
