"""Conflicts: golden disagreements of the seed articles, rebuilt as hand-made facts,
and no conflict where sources agree."""

from __future__ import annotations

import itertools
import json

import pytest

from factx.errors import FactxError
from factx.records import FACT_KEYS
from factx.conflicts import find_conflicts, rank_conflicts, sort_facts
from factx.values import PlaceIndex

D0, D1, D2, D3, D4 = (f"seeds/00{i}.txt" for i in range(5))
_ids = itertools.count()

CONFLICT_KEYS = ["schema", "entity", "entity_id", "entity_type", "attribute", "kind",
                 "severity", "values", "reason", "context", "set_aside"]
VALUE_KEYS = ["value", "value_texts", "sources", "also"]
SOURCE_KEYS = ["doc", "line", "quote", "said_by", "polarity", "modality", "fact_id", "published"]


def fact(entity: str, attribute: str, value: object, doc: str, line: int, *,
         value_type: str = "text", value_text: str | None = None, said_by: str | None = None,
         polarity: str = "affirmed", modality: str = "asserted", quote: str = "",
         entity_id: str | None = None, entity_type: str = "PERSON",
         mention: str | None = None) -> dict:
    """A `factx.fact/1` record with the keys in contract order."""
    record = {
        "schema": "factx.fact/1", "id": f"f{next(_ids)}", "entity": entity,
        "entity_id": entity_id or entity.lower().replace(" ", "-"),
        "entity_type": entity_type, "attribute": attribute, "value": value,
        "value_type": value_type,
        "value_text": value_text if value_text is not None else str(value),
        "polarity": polarity, "modality": modality, "said_by": said_by, "doc": doc,
        "published": "2019-10-08", "line": line, "start": line * 100, "end": line * 100 + 5,
        "quote": quote or f"quote of {doc}:{line}", "mention": mention or entity,
        "rule": "test",
    }
    assert list(record) == list(FACT_KEYS)
    return record


def name(entity: str, spelling: str, doc: str, line: int, **kw: object) -> dict:
    return fact(entity, "name", spelling, doc, line, value_type="name", value_text=spelling,
                mention=spelling, **kw)


def death(value: str, doc: str, line: int, text: str, **kw: object) -> dict:
    return fact("Asim Umar", "date_of_death", value, doc, line, value_type="date",
                value_text=text, **kw)


NDS = "National Directorate of Security"

UMAR_NAMES = [
    name("Asim Umar", "Asim Umar", D0, 9), name("Asim Umar", "Mr. Umar", D0, 11),
    name("Asim Umar", "Mr. Umar", D0, 19), name("Asim Umar", "Umar", D3, 7),
    name("Asim Umar", "Asim Umar", D3, 3), name("Asim Umar", "Asim Omar", D1, 3),
    name("Asim Umar", "Omar", D1, 11), name("Asim Umar", "Asim Omar", D2, 4),
    name("Asim Umar", "Omar", D2, 12), name("Asim Umar", "Asim Umar", D2, 18),
    name("Asim Umar", "Asim Omar", D4, 7), name("Asim Umar", "‘Asim Omar’", D4, 9),
]
UMAR_DEATH = [
    death("2019-09-23", D0, 9, "the Sept. 23 raid"),
    death("2019-09-23", D1, 3, "Sept. 23", said_by=NDS),
    death("2019-09-22TNI", D1, 33, "the night of Sept. 22", said_by="The Associated Press",
          modality="hedged",
          quote="The Associated Press reported that anti-Taliban raids and U.S. airstrikes in "
                "Helmand on the night of Sept. 22 reportedly killed 40 civilians at a wedding party."),
    death("2019-09-23", D1, 35, "a Sept. 23 raid", said_by="NDS"),
    death("2019-09", D2, 14, "last month", said_by="Afghanistan's main intelligence agency"),
    death("2019-09-23", D3, 11, "the Sept. 23, 2019 raid", said_by=NDS),
    death("2019-09-23", D4, 9, "September 23", said_by=NDS),
    death("2019-FA", D3, 3, "last fall"),
]
UMAR_DENIAL = [
    death("2019-09", D0, 5, "last month", said_by="Afghanistan's intelligence agency",
          modality="reported"),
    death(None, D0, 7, "denied the assertion", said_by="Taliban", polarity="denied",  # type: ignore[arg-type]
          quote="The Taliban denied the assertion, calling it propaganda by “officials of "
                "the stooge Kabul administration.”"),
]
ZAWAHIRI_NAMES = [
    name("Ayman al-Zawahiri", "Ayman al-Zawahri", D0, 11),
    name("Ayman al-Zawahiri", "Ayman al-Zawahiri", D1, 7),
    name("Ayman al-Zawahiri", "Zawahiri", D1, 9),
    name("Ayman al-Zawahiri", "Ayman Al-Zawahiri", D2, 17),
    name("Ayman al-Zawahiri", "Al-Zawahiri", D2, 18),
    name("Ayman al-Zawahiri", "Ayman al Zawahiri", D3, 11),
    name("Ayman al-Zawahiri", "Ayman Al-Zawahiri", D4, 11),
]
UMAR_AGREEING = [
    fact("Asim Umar", "origin", "Pakistan", D1, 11, value_type="country", value_text="Pakistani",
         said_by="NDS"),
    fact("Asim Umar", "origin", "Pakistan", D2, 17, value_type="country", value_text="Pakistani"),
    fact("Asim Umar", "origin", "Pakistan", D4, 11, value_type="country", value_text="Pakistani"),
    fact("Asim Umar", "title", "leader of Al Qaeda in the Indian Subcontinent", D0, 11),
    fact("Asim Umar", "title", "the leader of al-Qaida in the Indian Subcontinent", D1, 3),
    fact("Asim Umar", "title", "leader of AQIS", D4, 7),
    fact("Asim Umar", "title", "a senior leader of Al Qaeda in the Indian Subcontinent", D3, 3),
    fact("Asim Umar", "place_of_death", "Musa Qala", D0, 11, value_type="entity"),
    fact("Asim Umar", "place_of_death", "Helmand", D2, 14, value_type="entity"),
    fact("Asim Umar", "place_of_death", "Musa Qala district", D4, 9, value_type="entity"),
]
PLACES = PlaceIndex({"Musa Qala": ["Helmand"], "Helmand": ["Afghanistan"]})


def seed_facts() -> list[dict]:
    return sort_facts(UMAR_NAMES + UMAR_DEATH + UMAR_DENIAL + ZAWAHIRI_NAMES + UMAR_AGREEING)


def conflicts(facts: list[dict], **kw: object) -> list[dict]:
    return list(find_conflicts(sort_facts(facts), **kw))  # type: ignore[arg-type]


def only(found: list[dict], entity_id: str, attribute: str, kind: str) -> dict:
    matches = [c for c in found if (c["entity_id"], c["attribute"], c["kind"]) ==
               (entity_id, attribute, kind)]
    assert len(matches) == 1, [(c["entity"], c["attribute"], c["kind"]) for c in found]
    return matches[0]


def docs_of(value: dict) -> set[str]:
    return {s["doc"] for s in value["sources"]}


# ----------------------------------------------------------------------- golden cases

def test_golden_seed_conflicts_and_nothing_else() -> None:
    found = list(find_conflicts(seed_facts(), places=PLACES))
    # the death denied by the Taliban is one denial, not one per date, place and cause;
    # the date the sources give differently is another disagreement; spellings come last
    assert [(c["entity"], c["attribute"], c["kind"], c["severity"]) for c in found] == [
        ("Asim Umar", "death", "denial", "hard"),
        ("Asim Umar", "date_of_death", "value", "soft"),
        ("Asim Umar", "name", "spelling", "soft"),
        ("Ayman al-Zawahiri", "name", "spelling", "soft"),
    ]
    for conflict in found:
        assert list(conflict) == CONFLICT_KEYS
        assert conflict["schema"] == "factx.conflict/1"
        for value in conflict["values"]:
            assert list(value) == VALUE_KEYS
            for source in value["sources"]:
                assert list(source) == SOURCE_KEYS
        json.dumps(conflict)  # serializable as is


def test_spelling_umar_omar() -> None:
    found = conflicts(UMAR_NAMES)
    spelling = only(found, "asim-umar", "name", "spelling")
    assert spelling["severity"] == "soft"
    umar, omar = spelling["values"]
    assert omar["value"] == "Asim Omar" and docs_of(omar) == {D1, D2, D4}
    assert umar["value"] == "Asim Umar" and docs_of(umar) == {D0, D2, D3}
    assert umar["value_texts"] == ["Asim Umar", "Mr. Umar", "Umar"]
    assert "‘Asim Omar’" in omar["value_texts"]  # as written


def test_spelling_zawahri_zawahiri() -> None:
    spelling = only(conflicts(ZAWAHIRI_NAMES), "ayman-al-zawahiri", "name", "spelling")
    values = {v["value"]: v for v in spelling["values"]}
    assert set(values) == {"Ayman al-Zawahri", "Ayman al-Zawahiri"}  # canonical preferred
    assert docs_of(values["Ayman al-Zawahri"]) == {D0}
    assert docs_of(values["Ayman al-Zawahiri"]) == {D1, D2, D3, D4}
    # case, particles and the bare surname agree with the full spelling
    assert {"Ayman Al-Zawahiri", "Zawahiri", "Al-Zawahiri", "Ayman al Zawahiri"} <= \
        set(values["Ayman al-Zawahiri"]["value_texts"])


def test_date_of_death_night_of_22_against_23() -> None:
    conflict = only(conflicts(UMAR_DEATH), "asim-umar", "date_of_death", "value")
    assert conflict["severity"] == "soft"
    [day, night] = conflict["values"]
    assert day["value"] == "2019-09-23"
    assert docs_of(day) == {D0, D1, D3, D4}
    # "Sept. 23" and "September 23" are one value with several sources
    assert {"Sept. 23", "September 23", "the Sept. 23 raid"} <= set(day["value_texts"])
    assert night["value"] == "2019-09-22TNI"
    [source] = night["sources"]
    assert source["said_by"] == "The Associated Press"
    assert source["modality"] == "hedged"  # "reportedly": visible in the output
    assert (source["doc"], source["line"]) == (D1, 33)
    assert "night of Sept. 22" in source["quote"]
    # less precise values that contain both (last month, last fall) are not in dispute
    assert {v["value"] for v in conflict["values"]} == {"2019-09-23", "2019-09-22TNI"}


def test_denial_by_the_group_against_the_agency_in_one_document() -> None:
    conflict = only(conflicts(UMAR_DENIAL), "asim-umar", "death", "denial")
    assert conflict["severity"] == "hard"
    affirmed, denied = conflict["values"]
    assert affirmed["value"] == denied["value"] == "death"  # the event, not its date
    assert [s["polarity"] for s in affirmed["sources"]] == ["affirmed"]
    assert [(s["said_by"], s["polarity"]) for s in denied["sources"]] == [("Taliban", "denied")]
    assert conflict["context"] == {"date_of_death": ["2019-09"]}


def test_denial_of_the_death_is_one_conflict_with_every_affirming_source() -> None:
    found = conflicts(UMAR_DEATH + UMAR_DENIAL)
    assert [(c["attribute"], c["kind"]) for c in found] == [("death", "denial"),
                                                             ("date_of_death", "value")]
    affirmed, denied = found[0]["values"]
    assert {s["doc"] for s in affirmed["sources"]} == {D0, D1, D2, D3, D4}
    assert {s["said_by"] for s in denied["sources"]} == {"Taliban"}
    # the event's date as the affirming sources give it, the vaguer 'last month' left out
    assert found[0]["context"]["date_of_death"] == ["2019-09-23", "2019-09-22TNI"]
    # the Taliban's denial appears in no value conflict
    assert all(s["said_by"] != "Taliban" for v in found[1]["values"] for s in v["sources"])


# ------------------------------------------------------------------------ agreement

def test_no_conflict_among_facts_that_agree() -> None:
    assert conflicts(UMAR_AGREEING, places=PLACES) == []


def test_sept_23_and_september_23_are_one_value() -> None:
    facts = [death("2019-09-23", D1, 3, "Sept. 23"), death("2019-09-23", D4, 9, "September 23")]
    assert conflicts(facts) == []


def test_one_source_repeating_itself_is_no_conflict() -> None:
    facts = [death("2019-09-23", D1, 3, "Sept. 23", said_by="NDS"),
             death("2019-09-22", D1, 35, "Sept. 22", said_by="NDS"),
             name("Asim Umar", "Asim Omar", D2, 4), name("Asim Umar", "Asim Umar", D2, 18)]
    assert conflicts(facts) == []


def test_same_document_two_speakers_is_a_conflict() -> None:
    facts = [death("2019-09-23", D1, 3, "Sept. 23", said_by="NDS"),
             death("2019-09-21", D1, 35, "Sept. 21", said_by="AP")]
    [conflict] = conflicts(facts)
    assert (conflict["kind"], conflict["severity"]) == ("value", "hard")


def test_denial_by_the_affirming_source_itself_is_no_conflict() -> None:
    facts = [death("2019-09-23", D1, 3, "Sept. 23", said_by="NDS"),
             death(None, D1, 4, "denied", said_by="NDS", polarity="denied")]  # type: ignore[arg-type]
    assert conflicts(facts) == []


def test_denying_another_value_agrees() -> None:
    facts = [death("2019-09-23", D1, 3, "Sept. 23", said_by="NDS"),
             death("2019-10-01", D0, 4, "Oct. 1", said_by="Group", polarity="denied")]
    assert conflicts(facts) == []


# ------------------------------------------------------------------ quantities, places

def count(value: object, doc: str, line: int, text: str, **kw: object) -> dict:
    return fact("Raid", "killed_count", value, doc, line, value_type="quantity",
                value_text=text, entity_type="EVENT", **kw)


@pytest.mark.parametrize("a, b, expected", [
    ((6, "six"), (9, "nine"), [("value", "hard")]),
    (("<=40", "up to 40"), (40, "40"), []),
    (("dozens", "dozens"), (40, "40"), [("value", "soft")]),
    ((40, "40"), (40, "forty"), []),
])
def test_quantity_conflicts(a: tuple, b: tuple, expected: list) -> None:
    facts = [count(a[0], D0, 9, a[1]), count(b[0], D1, 33, b[1])]
    assert [(c["kind"], c["severity"]) for c in conflicts(facts)] == expected


def test_places_by_containment() -> None:
    facts = [fact("Asim Umar", "place_of_death", "Musa Qala", D0, 11, value_type="entity"),
             fact("Asim Umar", "place_of_death", "Helmand", D1, 1, value_type="entity")]
    assert conflicts(facts, places=PLACES) == []
    [unknown] = conflicts(facts)  # without geography: cannot rule it out, soft
    assert unknown["severity"] == "soft"
    elsewhere = facts + [fact("Asim Umar", "place_of_death", "Kandahar", D2, 3,
                              value_type="entity")]
    index = PlaceIndex({"Musa Qala": ["Helmand"], "Helmand": ["Afghanistan"],
                        "Kandahar": ["Afghanistan"]})
    [hard] = conflicts(elsewhere, places=index)
    assert hard["severity"] == "hard"
    assert {v["value"] for v in hard["values"]} == {"Musa Qala", "Kandahar"}
    # Helmand and Afghanistan agree only with Musa Qala: counted with it, less precisely
    assert hard["values"][0]["also"] == ["Helmand"] or "Helmand" in hard["values"][0]["also"]


def test_located_in_and_multi_valued_attributes_are_not_disputed() -> None:
    facts = [fact("Musa Qala", "located_in", "Helmand", D0, 11, value_type="entity"),
             fact("Musa Qala", "located_in", "Afghanistan", D1, 1, value_type="entity"),
             fact("Asim Umar", "member_of", "Group A", D0, 2, value_type="entity"),
             fact("Asim Umar", "member_of", "Group B", D1, 2, value_type="entity")]
    assert conflicts(facts) == []


def test_free_text_paraphrase_is_no_conflict() -> None:
    facts = [fact("Asim Umar", "cause_of_death", "raid", D0, 9),
             fact("Asim Umar", "cause_of_death", "operation", D4, 13)]
    assert conflicts(facts) == []


def test_countries_disagree_hard() -> None:
    facts = [fact("Asim Umar", "origin", "Pakistan", D1, 11, value_type="country"),
             fact("Asim Umar", "origin", "India", D3, 2, value_type="country")]
    [conflict] = conflicts(facts)
    assert (conflict["kind"], conflict["severity"]) == ("value", "hard")


# --------------------------------------------------------------------------- options

def test_min_severity_hard_drops_soft_and_spelling() -> None:
    found = list(find_conflicts(seed_facts(), places=PLACES, min_severity="hard"))
    assert [(c["attribute"], c["kind"]) for c in found] == [("death", "denial")]


def test_attribute_filter() -> None:
    found = list(find_conflicts(seed_facts(), attribute="name"))
    assert {c["attribute"] for c in found} == {"name"}
    assert len(found) == 2


def test_bad_min_severity() -> None:
    with pytest.raises(ValueError, match="min_severity"):
        list(find_conflicts([], min_severity="medium"))


def test_facts_out_of_entity_order_are_refused() -> None:
    a = death("2019-09-23", D1, 3, "Sept. 23")
    b = name("Ayman al-Zawahiri", "Zawahiri", D1, 9)
    with pytest.raises(FactxError, match="grouped by entity_id|two separate runs"):
        list(find_conflicts([a, b, a]))


def test_unresolved_facts_without_entity_id_compare_by_name() -> None:
    facts = [fact("A", "age", 40, D0, 1, value_type="quantity", entity_id=""),
             fact("B", "age", 50, D1, 1, value_type="quantity", entity_id=""),
             fact("A", "age", 60, D2, 1, value_type="quantity", entity_id="")]
    [conflict] = conflicts(facts)
    assert conflict["entity"] == "A"
    assert {v["value"] for v in conflict["values"]} == {40, 60}


def test_streams_lazily() -> None:
    def endless():
        for i in itertools.count():
            eid = f"e{i}"
            yield fact("E", "age", 40, D0, 1, value_type="quantity", entity_id=eid)
            yield fact("E", "age", 50, D1, 1, value_type="quantity", entity_id=eid)

    first = next(find_conflicts(endless()))
    assert first["entity_id"] == "e0"


def test_rank_conflicts_orders_entities_by_sources_involved() -> None:
    found = list(find_conflicts(seed_facts(), places=PLACES))
    ranked = list(rank_conflicts(found))
    assert sorted(map(json.dumps, ranked)) == sorted(map(json.dumps, found))
    assert ranked[0]["entity"] == "Asim Umar"  # as many documents, more speakers
    entities = [c["entity"] for c in ranked]
    assert entities == sorted(entities, key=entities.index)  # blocks stay together


# ---------------------------------------------------------------------------- table

def test_table_fits_100_columns_and_escapes_markup() -> None:
    from factx.tables import render_conflicts

    bracketed = death("2019-09-21", D3, 13, "[bold]Sept. 21[/bold]", said_by="[red]X[/red]",
                      quote="Something [See LWJ reports] on [bold]Sept. 21[/bold].")
    found = list(rank_conflicts(find_conflicts(sort_facts(seed_facts() + [bracketed]),
                                               places=PLACES)))
    text = render_conflicts(found, width=100)
    assert max(len(line) for line in text.splitlines()) <= 100
    assert "[See LWJ reports]" in text and "[red]X[/red]" in text
    assert "date_of_death" in text and "denial · hard" in text and "value · hard" in text
    assert "seeds/001.txt:33" in text and "(hedged)" in text
    assert "DENIED" in text and "Taliban (denies)" in text
    assert "Asim Omar" in text and "Ayman al-Zawahri" in text


def test_rank_conflicts_spills_to_disk_with_the_same_order() -> None:
    found = list(find_conflicts(seed_facts(), places=PLACES))
    assert list(rank_conflicts(found, in_memory=0)) == list(rank_conflicts(found))
    assert list(rank_conflicts(found, in_memory=2)) == list(rank_conflicts(found))


def _asked_in_order(groups_of, compare_all: bool) -> list[str]:
    """The places a lazy index is asked about while a multi-valued attribute's groups
    are compared: by `disputed`, or (the long way) by comparing every pair."""
    from factx.conflicts import _Comparer
    from factx.values import value_model

    asked: list[str] = []
    parents = {"Port Ala": ["Region Bo"], "Region Bo": ["Kardia"], "Sela": ["Region Bo"]}

    def lookup(name: str) -> list[str]:
        asked.append(name)
        return parents.get(name, [])

    model = value_model()
    cmp = _Comparer(model, "member_of", PlaceIndex(lookup=lookup, model=model))
    groups = cmp.cluster(groups_of)
    if compare_all:
        for i, a in enumerate(groups):
            for b in groups[i + 1:]:
                cmp.relation(a, b)
    else:
        assert cmp.disputed(groups) is None
    return asked


def test_values_held_at_once_are_not_compared_but_the_place_index_learns_as_if_they_were():
    """member_of holds several values: no pair can disagree, so `disputed` does not
    compare them; a lazy place index is still asked about the same places in the same
    order (what it learns first decides later answers)."""
    values = ["Group Ala", "Port Ala", "Sela", "Region Bo", "Kardia", "Group Ala", "Front Bo", "Sela"]
    facts = [fact("Yan Oro", "member_of", v, f"d{i}.txt", 1, value_type="entity") for i, v in enumerate(values)]
    assert _asked_in_order(facts, compare_all=False) == _asked_in_order(facts, compare_all=True)
    assert _asked_in_order(facts, compare_all=False)  # the index was asked at all
