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


PLACE_ARTICLES = {
    "d.txt": "Oct 8, 2019\n\nThree people died in a bombing in Rasko on Monday, police said.\n",
    "e.txt": "Oct 9, 2019\n\nRasko was calm on Tuesday. Shops in Rasko opened again after the attack.\n",
    "f.txt": "Oct 9, 2019\n\nMourners buried the dead on Tuesday. Rasko has seen three attacks this year.\n",
}


@pytest.mark.model
def test_where_an_event_happened_is_a_place_in_every_document(tmp_path):
    for name, text in PLACE_ARTICLES.items():
        (tmp_path / name).write_text(text)
    done = factx.extract([tmp_path / n for n in PLACE_ARTICLES], store=tmp_path / "store")
    # the model calls the town a person in two documents; "a bombing in Rasko" says otherwise
    assert _entity(done, "Rasko")["entity_type"] == "GPE"
