"""A background event's toll stays off the story's event (dev-stories set 2, P3).

"The province recorded in 1987 an earthquake that left more than 200 dead", "the country
saw a flood in 2010 that killed 40": verbs whose subject is where an event happened and
whose object is the event (record, register, suffer, experience, witness, see, endure;
`predicate.undergo` in rules/event_predicates.yml) date the event, so that it is the
background it is and its toll is not the story's. Real model; invented sentences
(published 2023-05-12).
"""

from __future__ import annotations

import pytest

from fact_helpers import facts_runner
from fact_helpers import show as _show

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def run(nlp):
    return facts_runner(nlp)


BACKGROUND = [
    ("Officials raised the flood toll to 26 on Thursday.\n\nThe country saw a flood in 2010 that killed 40 people.",
     40),
    ("Officials raised the earthquake toll to 26 on Thursday.\n\n"
     "The province recorded in 1987 an earthquake of magnitude 7.6 that left more than 200 dead.", ">200"),
    ("Officials raised the storm toll to 26 on Thursday.\n\nThe island suffered a storm in 2004 that killed 300 people.",
     300),
]


@pytest.mark.parametrize("text, toll", BACKGROUND, ids=[t[0][34:60] for t in BACKGROUND])
def test_a_background_toll_is_not_the_story_events(run, text, toll):
    facts = run(text)
    assert not [f for f in facts if f.attribute == "killed_count" and f.value == toll and "(" not in f.name], \
        _show(facts)


def test_a_witness_verb_leaves_the_story_event_alone(run):
    facts = run("An explosion hit a factory in Tarvo on Monday, killing 12 workers.\n\n"
                "Residents saw the explosion from miles away.")
    assert {(f.name, f.attribute, f.value) for f in facts if f.attribute != "name"} >= {
        ("explosion in Tarvo", "killed_count", 12), ("explosion in Tarvo", "place", "Tarvo"),
        ("explosion in Tarvo", "date", "2023-05-08")}, _show(facts)
