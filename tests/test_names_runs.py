"""Invented multi-document runs through the real pipeline (issue #15, wave 5): a slip of the
pen, a mission written as the other kind with its town, units of armed services, places
where events happened. Every name here is invented."""

import pytest

import factx

ARTICLES = {
    "a.txt": ("Oct 8, 2019\n\nIbrahim Nasser, the head of the Kessa council, said on Monday that he would "
              "not resign. Ibrahim Nasser has led the council since 2015. The Consulate General of Norway "
              "in Rasko said it was following the case.\n"),
    "b.txt": ("Oct 9, 2019\n\nProtesters gathered outside the home of Ibrahim Nasser on Tuesday. "
              "Ibrahim Nasser told reporters he was safe. Three people died in a bombing in Tarvel, "
              "police said.\n"),
    "c.txt": ("Oct 10, 2019\n\nPolice said Ibraim Nasser was unhurt when he left the building. "
              "Ibrahim Nasser later thanked the police. He had entered a Norwegian embassy in Rasko "
              "on Monday. The raid was carried out by U.S. Navy SEALs, officials said.\n"),
}


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("run")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text)
    return factx.extract([folder / n for n in ARTICLES], store=folder / "store")


def _entity(run, name):
    found = [e for e in run.store.entities() if name in {v["name"] for v in e["variants"]}]
    assert len(found) == 1, (name, found)
    return found[0]


@pytest.mark.model
def test_a_slip_of_the_pen_is_the_same_person(run):
    assert _entity(run, "Ibraim Nasser")["entity"] == "Ibrahim Nasser"


@pytest.mark.model
def test_an_embassy_with_the_town_of_the_one_consulate_is_that_consulate(run):
    consulate = _entity(run, "Consulate General of Norway")
    assert "Norwegian embassy" in {v["name"] for v in consulate["variants"]}


@pytest.mark.model
def test_units_and_event_places_are_typed(run):
    assert _entity(run, "U.S. Navy SEALs")["entity_type"] == "ORG"
    assert _entity(run, "Tarvel")["entity_type"] == "GPE"
