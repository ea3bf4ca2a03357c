"""Propositions about an event, affirmed by one source and denied by another (issue 11,
session 11): 'the gate was locked' against 'the gate was never locked'. Table-driven:
text → `proposition` facts (real model), and facts → `denial` conflicts (no model).

Every text is invented; each story sentence follows a lead that names one event.
"""

from __future__ import annotations

import pytest

from fact_helpers import facts_runner
from fact_helpers import show as _show
from test_conflicts import conflicts, fact

LEAD = "Nine people died in a stampede at the Varnok stadium on Saturday, officials said. "


@pytest.fixture(scope="module")
def run(nlp):
    return facts_runner(nlp)


def _props(facts):
    return {(f.value, f.polarity) for f in facts if f.attribute == "proposition"}


AFFIRMED = [
    ("Fans told reporters that the north gate was locked when the crowd surged.", "lock gate"),
    ("Witnesses said guards fired pepper spray at the crowd.", "use spray"),
    ("Witnesses said guards used pepper spray.", "use spray"),
    ("A source said traces of explosives had been found in the rubble.", "find trace of explosive"),
    ("A source said traces of explosives had been found in the rubble.", "find trace of explosive in rubble"),
    ("“The ferry was overloaded,” the police chief said.", "overload ferry"),
    ("The company said the gates were opened on time.", "open gate on time"),
    # an adjunct no key holds ('at 19:00') does not hide the one a key holds
    ("The company said the gates were opened on time, at 19:00.", "open gate on time"),
]

DENIED = [
    ("The manager denied that the north gate had been locked.", "lock gate"),
    ("“The gate was never locked,” the manager said.", "lock gate"),
    ("The regional police denied using pepper spray.", "use spray"),
    ("The ministry rejected reports that security guards had used pepper spray.", "use spray"),
    ("Experts found no traces of explosives, the police said.", "find trace of explosive"),
    ("“No building collapsed,” the prefect said.", "collapse building"),
    # 'no' with a place: no building there, which says nothing of other places
    ("“No building collapsed in this district,” the prefect said.", "collapse building in district"),
    ("The ministry said the ferry was not overloaded.", "overload ferry"),
    # a denied clause with an adjunct denies the adjunct: not that the gates opened
    ("The gates did not open on time, fans said.", "open gate on time"),
]

#: clauses no source disputes about the event, or that are no proposition at all
NOTHING = [
    "Guards locked the north gate at noon.",                      # the writer's narration
    "The police said they would never use pepper spray.",         # a modal: what will happen
    "The police said they were there to help the fans.",          # an infinitive: a purpose
    "The ministry did not confirm the report.",                   # what a source says or knows
    "The police said the gunman had killed two guards.",          # a death: its own family
    "Police said they had arrested the manager.",                 # an arrest: its own family
    # a denial with an adjunct no key can hold denies that adjunct, not the clause
    "The company said no tickets were sold above capacity.",
]


@pytest.mark.model
@pytest.mark.parametrize("text, key", AFFIRMED)
def test_affirmed_proposition(run, text, key):
    facts = run(LEAD + text)
    assert (key, "affirmed") in _props(facts), _show(facts)
    assert not any(v == key and p == "denied" for v, p in _props(facts)), _show(facts)


@pytest.mark.model
@pytest.mark.parametrize("text, key", DENIED)
def test_denied_proposition(run, text, key):
    facts = run(LEAD + text)
    assert (key, "denied") in _props(facts), _show(facts)
    assert not any(v == key and p == "affirmed" for v, p in _props(facts)), _show(facts)


@pytest.mark.model
@pytest.mark.parametrize("text", NOTHING)
def test_no_proposition(run, text):
    facts = run(LEAD + text)
    assert not [f for f in facts if f.attribute == "proposition"], _show(facts)


@pytest.mark.model
def test_denied_clause_keeps_only_its_adjunct(run):
    """'did not open on time' denies 'open gate on time', never 'open gate'."""
    props = _props(run(LEAD + "The gates did not open on time, fans said."))
    assert ("open gate", "denied") not in props and ("open gate", "affirmed") not in props


@pytest.mark.model
def test_no_event_no_proposition(run):
    """A document that tells no event has no event to attach a proposition to."""
    facts = run("The manager denied that the north gate had been locked.")
    assert not [f for f in facts if f.attribute == "proposition"], _show(facts)


# --------------------------------------------------------------------- conflicts

EVENT = "stampede in Varnok"


def prop(value, doc, line, polarity="affirmed", said_by=None):
    return fact(EVENT, "proposition", value, doc, line, polarity=polarity, said_by=said_by,
                entity_type="EVENT", modality="reported")


CONFLICTS = [
    # affirmed in one document, denied in another: one denial conflict
    ([prop("lock gate", "a.txt", 3, said_by="fans"), prop("lock gate", "b.txt", 4, "denied", "manager")],
     [("lock gate", {"a.txt"}, {"b.txt"})]),
    # in one document by two sources
    ([prop("use spray", "a.txt", 3, said_by="witnesses"), prop("use spray", "a.txt", 6, "denied", "police")],
     [("use spray", {"a.txt"}, {"a.txt"})]),
    # two propositions denied: two conflicts, never one
    ([prop("lock gate", "a.txt", 3), prop("use spray", "a.txt", 4, said_by="witnesses"),
      prop("lock gate", "b.txt", 4, "denied", "manager"), prop("use spray", "b.txt", 5, "denied", "police")],
     [("lock gate", {"a.txt"}, {"b.txt"}), ("use spray", {"a.txt"}, {"b.txt"})]),
    # another proposition denied than the one affirmed: no disagreement
    ([prop("lock gate", "a.txt", 3), prop("use spray", "b.txt", 4, "denied", "police")], []),
    # an adjunct is another proposition: 'open gate on time' denied, 'open gate' affirmed
    ([prop("open gate", "a.txt", 3), prop("open gate on time", "b.txt", 4, "denied", "fans")], []),
    # a source that affirms other propositions still denies this one
    ([prop("lock gate", "a.txt", 3, said_by="fans"), prop("trigger panic", "b.txt", 2, said_by="manager"),
      prop("lock gate", "b.txt", 4, "denied", "manager")],
     [("lock gate", {"a.txt"}, {"b.txt"})]),
    # one source affirming and denying the same proposition is no disagreement
    ([prop("lock gate", "a.txt", 3, said_by="fans"), prop("lock gate", "a.txt", 5, "denied", "fans")], []),
    # affirmed everywhere: nothing, and different propositions are never a value conflict
    ([prop("lock gate", "a.txt", 3), prop("use spray", "b.txt", 4), prop("lock gate", "c.txt", 2)], []),
]


@pytest.mark.parametrize("facts, expected", CONFLICTS)
def test_proposition_conflicts(facts, expected):
    found = [c for c in conflicts(facts) if c["attribute"] == "proposition"]
    got = []
    for c in found:
        assert c["kind"] == "denial"
        sources = [s for v in c["values"] for s in v["sources"]]
        got.append((c["values"][0]["value"], {s["doc"] for s in sources if s["polarity"] == "affirmed"},
                    {s["doc"] for s in sources if s["polarity"] == "denied"}))
    assert sorted(got, key=lambda g: g[0]) == expected


CLAIMED_AROUND = [
    # a clause of time under what a source told
    ("Survivors told reporters that the crush began when guards closed the north gate.", "close gate"),
    # 'as X said' after the clause
    ("The leak came from a storage tank, as workers have said.", "come leak from tank"),
]


@pytest.mark.model
@pytest.mark.parametrize("text, key", CLAIMED_AROUND)
def test_claimed_around(run, text, key):
    facts = run(LEAD + text)
    assert (key, "affirmed") in _props(facts), _show(facts)


@pytest.mark.model
@pytest.mark.parametrize("text, key", [
    ("Police said they captured two others, including a Varnian citizen.", "capture other including citizen"),
    ("Officials said the guards closed the gate after the match.", "close gate after match"),
])
def test_adjuncts_of_why_when_or_what_else_are_no_key(run, text, key):
    assert key not in {v for v, _ in _props(run(LEAD + text))}
