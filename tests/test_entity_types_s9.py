"""Session 9, entity types: head words and context cues that decide a mention's type
(rules/entity_types.yml, rules/entity_context.yml, `factx.stages.mentions.rule_label`).
Every name here is invented."""

from __future__ import annotations

import pytest

from factx.names import name_rules, words
from factx.stages.entities import repair_spans
from factx.stages.mentions import clean_name, institution_head, mention_rules, rule_label

from conftest import doc_with_ents


def _label(text: str, name: str, model: str) -> str | None:
    start = text.index(name)
    return rule_label(text, start, start + len(name), model, mention_rules())


@pytest.mark.parametrize("text,name,model,label", [
    # head words of buildings, even after a title or rank that opens the name
    ("taken to King Osric Valdane University Hospital.", "King Osric Valdane University Hospital", "ORG", "FAC"),
    ("at the General Hospital Tarvik, where", "General Hospital Tarvik", "ORG", "FAC"),
    ("moved to Selmark Central Prison on", "Selmark Central Prison", "PERSON", "FAC"),
    ("outside the Arena Brodvik Lanz on", "Arena Brodvik Lanz", "ORG", "FAC"),
    ("police sealed Place Vornay in", "Place Vornay", "ORG", "FAC"),
    # the head of "X of/for Y" is X
    ("the Committee for the Defence of the Orlen River said", "Committee for the Defence of the Orlen River",
     "ORG", "ORG"),
    # institutions named in their language
    ("Agência Tarvel reported", "Agência Tarvel", "PERSON", "ORG"),
    ("blamed Comando Vostral for", "Comando Vostral", "PERSON", "ORG"),
    # a title before a building's name is no person's
    ("transferred to Princess Amira Hospital and", "Amira Hospital", "PERSON", "FAC"),
])
def test_head_words_decide(text: str, name: str, model: str, label: str) -> None:
    assert _label(text, name, model) == label


@pytest.mark.parametrize("text,name,model,label", [
    # places
    ("\nBRODVIK, Selm Province — Police said", "BRODVIK", "ORG", "GPE"),
    ("\nTARVIK, Holmland (Nordwire) — Seven people", "TARVIK", "PERSON", "GPE"),
    ("\nTARVIK — The number of dead", "TARVIK", "ORG", "GPE"),
    ("the lawless island of Karuso in the south", "Karuso", "PERSON", "GPE"),
    ("deep in the Amazon state of Velpara.", "Velpara", "ORG", "GPE"),
    ("from the municipality of Ostrel had been sent", "Ostrel", "PERSON", "GPE"),
    ("the blast in Vell Dara city in Holm province", "Vell Dara", "PERSON", "GPE"),
    ("about 5 nautical miles south of Brava, the investigator said", "Brava", "ORG", "GPE"),
    ("north of the provincial capital Tuncasa, according", "Tuncasa", "ORG", "GPE"),
    ("the ferry had left Brava port in the evening", "Brava", "ORG", "GPE"),
    ("who arrived in Vell Dara on Saturday", "Vell Dara", "PERSON", "GPE"),
    ("hostages freed in Karuso — officials", "Karuso", "PERSON", "GPE"),
    # "X, who" after a preposition: "who" is the one before
    ("a father of two from Kelunda, who had worked there", "Kelunda", "GPE", None),
    ("said Jane Orla, a researcher for Orlen Labour Watch, who visited", "Orlen Labour Watch", "ORG", None),
    # organisations
    ("SELM, Holmland (Nordwire) — Seven", "Nordwire", "PERSON", "ORG"),
    ("complained to the management company Brodvik Housing about", "Brodvik Housing", "PERSON", "ORG"),
    ("planned by the criminal faction Comadre Sul to free", "Comadre Sul", "PERSON", "ORG"),
    ("the Vostral gang leader, Jane Orla, said", "Vostral", "PERSON", "ORG"),
    ("a former Kalbar Sayun member known as", "Kalbar Sayun", "NORP", None),
    ("a former Kalbar Sayun member known as", "Kalbar Sayun", "FAC", "ORG"),
    ("home to the Kalbar Sayun, an Islamist militant group which beheaded", "Kalbar Sayun", "FAC", "ORG"),
    ("is run by Brodvik Housing, a private management company. Its", "Brodvik Housing", "PERSON", "ORG"),
    ("Oskar Metal, founded in 1962, produces chlorine", "Oskar Metal", "PERSON", "ORG"),
    # buildings
    ("More than 600 guests were inside the Dar Selim hall when", "Dar Selim", "PERSON", "FAC"),
    ("the fire at the Dar Selim wedding hall in the east", "Dar Selim", "PERSON", "FAC"),
    ("hostage at the Le Petit Orsay café on", "Le Petit Orsay", "ORG", "FAC"),
    ("had gone into Le Petit Orsay, a café in the district", "Le Petit Orsay", "ORG", "FAC"),
    # people
    ("said his sister, Marta Ines Orla, standing beside", "Marta Ines Orla", "ORG", "PERSON"),
    ("a father and son, Hari Selbo, 62, and Dinesh Selbo, 31.", "Dinesh Selbo", "ORG", "PERSON"),
])
def test_context_decides(text: str, name: str, model: str, label: str | None) -> None:
    assert _label(text, name, model) == label


@pytest.mark.parametrize("text,name,model", [
    ("For the show of Banda Orlena, 9,200 tickets were sold", "Banda Orlena", "ORG"),  # no age
    ("Jane Orla, the company's director, said", "Jane Orla", "PERSON"),  # a person in apposition
    ("Jane Orla, a member of the group that", "Jane Orla", "PERSON"),   # not the group
    ("the Kurdish leader said", "Kurdish", "NORP"),                      # a people keeps its type
    ("with confidence in Jane Orla, the board", "Jane Orla", "PERSON"),  # not a place
    ("in Jane Orla's house", "Jane Orla", "PERSON"),
    ("the Selm hospital staff said", "Selm", "GPE"),                     # a town before a building
    ("an Orla Shipping port authority", "Orla Shipping", "ORG"),
    ("\nJane Orla is a reporter — she said", "Jane Orla", "PERSON"),    # no dateline: not in capitals
])
def test_context_keeps_type(text: str, name: str, model: str) -> None:
    assert _label(text, name, model) in (None, model)


@pytest.mark.parametrize("tokens,label", [
    ("King Osric University Hospital", "FAC"),
    ("Ministry of Tarvik Affairs", "ORG"),
    ("Islamic State of Tarvik", None),   # a place's word is left to the other rules
    ("General Osric Tarvik", None),
    ("Tarvik Hospital", None),           # the last-word rule decides it
])
def test_institution_head(tokens: str, label: str | None) -> None:
    assert institution_head(words(tokens), name_rules()) == label


def test_title_stays_in_a_buildings_name() -> None:
    assert clean_name("the King Osric Hospital", name_rules()) == "King Osric Hospital"
    assert clean_name("Gen. Osric Tarvik", name_rules()) == "Osric Tarvik"


@pytest.mark.parametrize("text,ents,expected", [
    # a title before unmarked words ending in a building's head word: the building
    ("They went to Princess Amira Hospital and home.", [], [("Princess Amira Hospital", "FAC")]),
    ("Dr Okonkwo Selbo said so.", [], [("Dr Okonkwo Selbo", "PERSON")]),
])
def test_titled_buildings(text: str, ents, expected) -> None:
    got = [(s.text, s.label_) for s in repair_spans(doc_with_ents(text, ents, propn=("Amira", "Hospital", "Okonkwo", "Selbo")))]
    assert got == expected


@pytest.mark.parametrize("text,name,model,label", [
    # a short name in brackets after a body's name is the body's
    ("the Holmland National Coal and Ore Group (Holmcor) sent", "Holmcor", "GPE", "ORG"),
    ("the Selmark Central Prison (Selpris) said", "Selpris", "PERSON", "FAC"),
    ("the Holm Ferry Lines (Tarvik) said", "Tarvik", "GPE", "ORG"),
])
def test_bracketed_short_name(text: str, name: str, model: str, label: str) -> None:
    assert _label(text, name, model) == label


def test_bracketed_short_name_needs_a_head_word() -> None:
    assert _label("the rebel leader Osric Vell (Kalbar) said", "Kalbar", "GPE") in (None, "GPE")
