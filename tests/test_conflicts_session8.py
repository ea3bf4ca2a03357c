"""Session 8 conflict rules: facts in, conflicts out (invented names and sentences)."""
from __future__ import annotations

import pytest

from factx.values import PlaceIndex

from test_conflicts import D0, D1, D2, fact
from test_conflicts_rules import run


def _place(value: str, doc: str, line: int = 1) -> dict:
    return fact("the siege in Velan", "place", value, doc, line, value_type="entity",
                entity_type="EVENT", value_text=value)


def _inside(place: str, container: str, doc: str) -> dict:
    return fact(place, "located_in", container, doc, 9, value_type="entity", entity_type="GPE")


def _sides(found: list[dict]) -> list[tuple]:
    return [(c["attribute"], c["severity"],
             sorted((str(v["value"]), tuple(sorted({s["doc"] for s in v["sources"]})),
                     tuple(sorted(map(str, v["also"])))) for v in c["values"]))
            for c in found]


ABSORB_CASES = [
    # (case, facts, [(attribute, severity, [(shown value, its documents, values absorbed)])])
    ("a district and a town nothing places may both hold: no conflict, neither speaks for the other",
     [_place("Ferra district", D0), _place("Gallo", D1)],
     []),
    # the town is no more precise than the district, nor the district than the town: each
    # keeps its own documents; the city the district lies in joins the district (vaguer)
    ("a town nothing places is shown as itself, not under a district it may lie in",
     [_place("Ferra district", D0), _inside("Ferra district", "Velan", D0),
      _place("Velan", D1), _place("Gallo", D2)],
     [("place", "soft", [("Ferra district", (D0, D1), ("Velan",)), ("Gallo", (D2,), ())])]),
    ("a city and the district the document places in it: one place",
     [_place("Ferra district", D0), _inside("Ferra district", "Velan", D0), _place("Velan", D1)],
     []),
]


@pytest.mark.parametrize("case, facts, expected", ABSORB_CASES, ids=[c[0][:50] for c in ABSORB_CASES])
def test_places_of_one_level_are_not_absorbed_into_each_other(case, facts, expected) -> None:
    for order in (facts, list(reversed(facts))):
        found = run(order, places=PlaceIndex.from_facts(order))
        assert _sides(found) == expected


# ------------------------------------------------ counts of people behave like tolls

def _count(attribute: str, value: object, doc: str, quote: str, text: str,
           published: str | None = "2031-03-12") -> dict:
    return {**fact("the floods in the Orlan valley", attribute, value, doc, 1, value_type="quantity",
                   value_text=text, quote=quote, entity_type="EVENT"), "published": published}


PEOPLE_COUNT_CASES = [
    # (case, facts, [(attribute, severity, reason)])
    ("a forecast of the displaced is no count",
     [_count("displaced_count", 3000, D0, "The floods have displaced 3,000 people.", "3,000"),
      _count("displaced_count", 9000, D1, "Officials said the number of displaced could rise to 9,000.",
             "9,000")],
     []),
    ("the rescued of an earlier year's disaster are another event's",
     [_count("rescued_count", 40, D0, "Divers rescued 40 people on Monday.", "40"),
      _count("rescued_count", 300, D1,
             "It was the worst since the 2019 floods in which 300 people were rescued.", "300")],
     []),
    ("a part of the people on board against the total: 'including 30 children'",
     [_count("on_board_count", 120, D0, "The boat carried 120 people, including 30 children.", "120"),
      _count("on_board_count", 30, D1, "The boat carried 120 people, including 30 children.", "30")],
     []),
    ("the displaced counted later and higher: an update",
     [_count("displaced_count", 3000, D0, "The floods displaced 3,000 people.", "3,000", "2031-03-12"),
      _count("displaced_count", 8000, D1, "The floods displaced 8,000 people.", "8,000", "2031-03-14")],
     [("displaced_count", "soft", "update")]),
    ("the displaced counted on one day: a contradiction",
     [_count("displaced_count", 3000, D0, "The floods displaced 3,000 people.", "3,000"),
      _count("displaced_count", 8000, D1, "The floods displaced 8,000 people.", "8,000")],
     [("displaced_count", "hard", None)]),
    ("hostages named by their nationality are all of them, not a part",
     [_count("hostage_count", 2, D0, "The gunman held two Belgian hostages.", "two"),
      _count("hostage_count", 3, D1, "The gunman held three hostages.", "three")],
     [("hostage_count", "hard", None)]),
    ("the rescued counted by two sources the same day: still a contradiction",
     [_count("rescued_count", 143, D0, "Rescuers pulled 143 people from the water.", "143"),
      _count("rescued_count", 150, D1, "Rescuers pulled 150 people from the water.", "150")],
     [("rescued_count", "hard", None)]),
]


@pytest.mark.parametrize("case, facts, expected", PEOPLE_COUNT_CASES,
                         ids=[c[0][:50] for c in PEOPLE_COUNT_CASES])
def test_counts_of_people_behave_like_tolls(case, facts, expected) -> None:
    for order in (facts, list(reversed(facts))):
        found = run(order)
        assert [(c["attribute"], c["severity"], c["reason"]) for c in found] == expected


# ------------------------------------------------------------- causes of one event

def _cause(value: str, doc: str) -> dict:
    return fact("the fire in Velan", "cause", value, doc, 1, entity_type="EVENT", value_text=value)


CAUSE_CASES = [
    # (case, causes one per document, [(attribute, severity)])
    ("a firework against a fault: two explanations", ["firework", "electrical short circuit"],
     [("cause", "soft")]),
    ("fireworks told as one and as many: one cause", ["firework", "fireworks"], []),
    ("pyrotechnics against a gas cylinder: two materials", ["pyrotechnics", "gas cylinder"],
     [("cause", "soft")]),
    ("a fire against the fireworks said to cause it: another explanation (as before)",
     ["fire", "fireworks"], [("cause", "soft")]),
    ("explosives and an explosive: one cause", ["explosives", "explosive"], []),
]


@pytest.mark.parametrize("case, values, expected", CAUSE_CASES, ids=[c[0][:50] for c in CAUSE_CASES])
def test_causes_of_one_event(case, values, expected) -> None:
    facts = [_cause(v, doc) for v, doc in zip(values, (D0, D1, D2))]
    for order in (facts, list(reversed(facts))):
        assert [(c["attribute"], c["severity"]) for c in run(order)] == expected


# ------------------------------------ a later rise and a contradiction of one day

def _toll(value: int, doc: str, published: str, quote: str) -> dict:
    return {**fact("the sinking off Port Velan", "killed_count", value, doc, 1, value_type="quantity",
                   value_text=str(value), quote=quote, entity_type="EVENT"), "published": published}


RISE_CASES = [
    # (case, facts, expected sides: the documents of each value, or [] for no conflict)
    ("two counts of one day, then a rise told the next: the day's contradiction stays",
     [_toll(11, D0, "2031-03-12", "The toll rose to 11 on Monday."),
      _toll(14, D1, "2031-03-12", "The toll reached 14, police said."),
      _toll(16, D2, "2031-03-13", "The toll rose to 16 on Tuesday.")],
     [{D0}, {D1}, {D2}]),
    ("one count, then a rise told the next day: no conflict",
     [_toll(11, D0, "2031-03-12", "The toll rose to 11 on Monday."),
      _toll(16, D2, "2031-03-13", "The toll rose to 16 on Tuesday.")],
     []),
]


@pytest.mark.parametrize("case, facts, expected", RISE_CASES, ids=[c[0][:50] for c in RISE_CASES])
def test_a_later_rise_leaves_a_contradiction_of_one_day(case, facts, expected) -> None:
    for order in (facts, list(reversed(facts))):
        found = run(order)
        assert sorted(sorted(s) for c in found for s in ({x["doc"] for x in v["sources"]}
                                                          for v in c["values"])) == \
            sorted(sorted(s) for s in expected)
        assert all(c["severity"] == "hard" for c in found)
