"""Event kinds and event times on invented sentences (lead, session 5): a siege or a
hostage-taking is an event of its own kind, which a later 'attack' can be; a sinking can
be called an accident; a dateline's date is when the report was filed, never the day
the event happened. Real model; published 2023-05-12, a Friday."""

from __future__ import annotations

import pytest

from fact_helpers import facts_runner
from fact_helpers import show as _show
from factx.events import event_kinds
from factx.rules import load_rules


@pytest.fixture(scope="module")
def run(nlp):
    return facts_runner(nlp)


def event_facts(facts, attribute):
    return {(f.name, f.value) for f in facts if f.attribute == attribute}


HOSTAGES = [
    ("Two hostages were killed during a hostage-taking at a bank in Lyon on Tuesday, police said.",
     "hostage-taking in Lyon", 2),
    ("Five people died in the siege at a school in Graz, the governor said.", "hostage-taking in Graz", 5),
    ("The hostage crisis in Arlon left three people dead, officials said.", "hostage-taking in Arlon", 3),
]


@pytest.mark.model
@pytest.mark.parametrize("text, event, killed", HOSTAGES)
def test_a_siege_is_an_event_with_its_toll(run, text, event, killed):
    facts = run(text)
    assert (event, killed) in event_facts(facts, "killed_count"), _show(facts)


DATELINES = [
    # the dateline says when the report was filed; 'on Tuesday' is when the event happened
    ("LYON, May 12, 2023 — Two people were killed in an explosion at a factory in Lyon on Tuesday, "
     "police said.", "explosion in Lyon", "2023-05-09", "2023-05-12"),
    ("GRAZ, May 11 (Reuters) - Four people died in a fire at a hotel in Graz on Wednesday, "
     "officials said.", "fire in Graz", "2023-05-10", "2023-05-11"),
]


@pytest.mark.model
@pytest.mark.parametrize("text, event, when, filed", DATELINES)
def test_a_datelines_date_is_never_the_events(run, text, event, when, filed):
    dates = event_facts(run(text), "date")
    assert (event, when) in dates and (event, filed) not in dates, dates


def test_kinds_one_event_may_be_called_by():
    kinds = event_kinds(load_rules())
    assert kinds.compatible(["hostage-taking"], ["attack"])
    assert kinds.compatible(["sinking"], ["accident"])
    assert not kinds.compatible(["sinking"], ["fire"])
    assert not kinds.compatible(["hostage-taking"], ["floods"])
