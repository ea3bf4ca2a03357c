"""Events across a run, end to end (real model, real store): an invented flood reported
at the city and the country level and as 'the Ecuadorian floods' is one event, the city's
floods of 1998 another; a flight named with and without its airline and described as
'the Norvia Air crash' is one event; the tolls of one event across outlets disagree."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

DOCS = {
    "a.txt": "Floods kill at least 120 in Ecuador's Sorvilla\n\nPublished March 10, 2023\n\n"
             "Floods in the coastal city of Sorvilla have killed at least 120 people, officials said on Friday, "
             "after two days of torrential rain.\n",
    "b.txt": "Death toll from Ecuador flooding rises to 150\n\nPublished March 11, 2023\n\n"
             "The death toll from flooding in western Ecuador has risen to 150, the government said on Saturday. "
             "At least 300 people are still missing.\n",
    "c.txt": "Ecuadorian floods: Red Cross says 170 dead\n\nPublished March 12, 2023\n\n"
             "The Ecuadorian floods have left 170 people dead, the Red Cross said on Sunday.\n"
             "It was the worst disaster since the 1998 floods in Sorvilla, which killed 2,000 people.\n",
    "d.txt": "Flight 88 crash: no survivors\n\nPublished March 12, 2023\n\n"
             "Norvia Air Flight 88 crashed near the town of Kelso in Ecuador on Saturday, killing all 61 people "
             "on board, the airline said.\nThe crash happened at 14:05 local time.\nOfficials ruled out an attack.\n",
    "e.txt": "Investigators search for cause of Norvia Air crash\n\nPublished March 13, 2023\n\n"
             "Investigators have begun examining the wreckage of the Norvia Air plane crash in Ecuador, which "
             "killed 62 people.\n",
}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from factx.extract import run_extract
    from factx.store import Store

    folder = tmp_path_factory.mktemp("events-run")
    for name, text in DOCS.items():
        (folder / name).write_text(text, encoding="utf-8")
    store = Store.open(folder / ".factx")
    run_extract([str(folder)], store=store)
    return store


def events_of(store):
    from factx.lookup import find_entity  # noqa: F401  (the store's entities as the CLI lists them)

    out = {}
    for entity_id, canonical, entity_type in store.entities():
        if entity_type == "EVENT":
            out[canonical] = {v["name"] for v in store.variants(entity_id)}
    return out


def test_one_flood_at_every_level_and_the_old_one_apart(store):
    events = events_of(store)
    floods = [name for name in events if name.startswith("floods")]
    # one event, named at the narrowest place its reports give (factx.event_places)
    assert sorted(floods) == ["floods in Sorvilla", "floods in Sorvilla (1998)"]
    assert "Ecuadorian floods" in events["floods in Sorvilla"]
    facts = list(store.facts(attribute="killed_count"))
    by_doc = {f["doc"].rsplit("/", 1)[-1]: f["entity"] for f in facts if f["entity"].startswith("floods")}
    assert by_doc["a.txt"] == by_doc["b.txt"] == "floods in Sorvilla"
    assert {f["value"] for f in facts if f["entity"] == "floods in Sorvilla (1998)"} == {2000}


def test_the_flight_is_one_event_with_its_descriptions(store):
    events = events_of(store)
    assert "Flight 88" in events
    assert {"Norvia Air Flight 88", "Norvia Air crash", "Norvia Air plane crash"} <= events["Flight 88"]
    denied = [f for f in store.facts(attribute="perpetrator") if f["entity"] == "Flight 88"]
    assert [(f["value"], f["polarity"], f["said_by"]) for f in denied] == [("attack", "denied", "Officials")]


def test_tolls_of_one_event_disagree_across_outlets(store):
    from factx.conflicts import store_conflicts

    found = {(c["entity"], c["attribute"]): c for c in store_conflicts(store)}
    flight = found[("Flight 88", "killed_count")]
    assert sorted(v["value"] for v in flight["values"]) == [61, 62]
    assert ("floods in Sorvilla (1998)", "killed_count") not in found
