"""Names, session 11: short names after the one person introduced before them, one person
in two spans, a company's legal form, a country's formal name after an institution
(notes/issue-15.md, Session 11). Every name here is invented."""

from __future__ import annotations

import pytest

from factx.names import country_tail, facility_order, name_rules, qualified_name
from factx.resolve import NameStat, resolve
from factx.stages.entities import repair_spans, title_case_lines
from factx.stages.initialled import adjacent_people
from factx.stages.mentions import mention_rules, rule_label

from conftest import doc_with_ents


SPANS = [
    # the model cuts a long name between the given names and the surnames
    ("The mayor, Ms. Ana Lucia Ruiz Vega, spoke.", [("Ms. Ana Lucia", "PERSON"), ("Ruiz Vega", "PERSON")],
     ["Ms. Ana Lucia Ruiz Vega"]),
    # two people written apart stay two
    ("Ana Lucia, Ruiz Vega and others spoke.", [("Ana Lucia", "PERSON"), ("Ruiz Vega", "PERSON")],
     ["Ana Lucia", "Ruiz Vega"]),
]


@pytest.mark.parametrize("text, ents, expected", SPANS)
def test_one_person_in_two_spans(text, ents, expected):
    doc = doc_with_ents(text, ents)
    assert [s.text for s in repair_spans(doc) if s.label_ == "PERSON"] == expected


def test_two_spans_in_a_headline_stay_two():
    # a headline may set two people's names side by side ("Halvor Brandt Stein Holm Talks")
    text = "Halvor Brandt Stein Holm Talks Collapse\nThe talks failed."
    doc = doc_with_ents(text, [("Halvor Brandt", "PERSON"), ("Stein Holm", "PERSON")])
    spans = adjacent_people(list(doc.ents), title_case_lines(text))
    assert [s.text for s in spans] == ["Halvor Brandt", "Stein Holm"]
    assert [s.text for s in adjacent_people(list(doc.ents), [])] == ["Halvor Brandt Stein Holm"]


@pytest.mark.parametrize("text, name, label, expected", [
    ("the carrier Nordvik Rail Lines JSC derailed", "Nordvik Rail Lines JSC", "FAC", "ORG"),
    ("the ferry Ocean Star sank", "Ocean Star", "FAC", "FAC"),
    ("the carrier Tarvo Coal Co. said", "Tarvo Coal Co.", "FAC", "ORG"),
    ("Ms. Ana Co said", "Ms. Ana Co", "ORG", "PERSON"),
])
def test_a_legal_form_makes_a_company(text, name, label, expected):
    start = text.index(name)
    assert rule_label(text, start, start + len(name), label, mention_rules()) == expected


@pytest.mark.parametrize("tokens, tail", [
    (("ministry", "of", "energy", "of", "republic", "of", "norway"), 4),
    (("ministry", "of", "energy", "of", "norway"), 2),
    (("ministry", "of", "energy"), 0),
    (("republic", "of", "norway"), 2),
    (("directorate", "of", "civil", "protection", "of", "norvik", "governorate"), 3),
    (("bank", "of", "tarvo", "province"), 3),
])
def test_country_tail(tokens, tail):
    assert country_tail(tokens, name_rules()) == tail


def test_head_first_name_keeps_its_country_last():
    nr = name_rules()
    assert facility_order(("ministry", "of", "energy", "of", "norway"), nr) == ("energy", "ministry", "of", "norway")
    assert qualified_name(("energy", "ministry", "of", "norway"), nr) == ("energy", "ministry")


def _groups(names):
    return [set(e.names) for e in resolve([NameStat(n, "ORG", 1) for n in names])]


@pytest.mark.parametrize("names, pair, together", [
    (["Ministry of Energy of the Republic of Norway", "Ministry of Energy"],
     ("Ministry of Energy of the Republic of Norway", "Ministry of Energy"), True),
    (["Ministry of Civil Protection of Norway", "Ministry of Civil Protection"],
     ("Ministry of Civil Protection of Norway", "Ministry of Civil Protection"), True),
    # two countries qualify one name: the bare name is neither's
    (["Ministry of Energy of Norway", "Ministry of Energy of Sweden", "Ministry of Energy"],
     ("Ministry of Energy of Norway", "Ministry of Energy"), False),
    (["Directorate of Civil Protection of Norvik Governorate", "Civil Protection Directorate"],
     ("Directorate of Civil Protection of Norvik Governorate", "Civil Protection Directorate"), True),
    (["Directorate of Civil Protection of Norvik Governorate", "Directorate of Civil Protection of Tarvo Governorate",
      "Civil Protection Directorate"],
     ("Directorate of Civil Protection of Norvik Governorate", "Civil Protection Directorate"), False),
    (["Ministry of Energy of Norway", "Ministry of Energy of Sweden"],
     ("Ministry of Energy of Norway", "Ministry of Energy of Sweden"), False),
])
def test_institution_with_its_country(names, pair, together):
    for order in (names, names[::-1]):
        assert any(pair[0] in g and pair[1] in g for g in _groups(order)) is together


def _people(names):
    return [set(e.names) for e in resolve([NameStat(n, "PERSON", 1) for n in names])]


@pytest.mark.parametrize("names, pair, together", [
    # Korean family names in their several romanizations
    (["Rhee Dong-su", "Lee Dong-su"], ("Rhee Dong-su", "Lee Dong-su"), True),
    (["Pak Soo-min", "Park Soo-min"], ("Pak Soo-min", "Park Soo-min"), True),
    (["Jeong Hae-won", "Chung Hae-won", "Jung Hae-won"], ("Jeong Hae-won", "Chung Hae-won"), True),
    (["Gang Min-jae", "Kang Min-jae"], ("Gang Min-jae", "Kang Min-jae"), True),
    (["Im Ha-na", "Lim Ha-na"], ("Im Ha-na", "Lim Ha-na"), True),
    # another given name is another person
    (["Park Soo-min", "Pak Soo-jin"], ("Park Soo-min", "Pak Soo-jin"), False),
    (["Jung Hae-won", "Jung Hae-won Jr."], ("Jung Hae-won", "Jung Hae-won Jr."), False),
    # Igbo given names without Chukwu-
    (["Chukwuemeka Obiora", "Emeka Obiora"], ("Chukwuemeka Obiora", "Emeka Obiora"), True),
    (["Chukwuemeka Obiora", "Chukwudi Obiora"], ("Chukwuemeka Obiora", "Chukwudi Obiora"), False),
])
def test_romanizations_and_short_given_names(names, pair, together):
    for order in (names, names[::-1]):
        assert any(pair[0] in g and pair[1] in g for g in _people(order)) is together


@pytest.mark.parametrize("names, pair, together", [
    # the glide of Cyrillic -аев, -еев written or not, with zh / j
    (["Mr. Jumabaev", "Asan Zhumabayev"], ("Mr. Jumabaev", "Asan Zhumabayev"), True),
    (["Ruslan Sergeyevich Vorin", "Ruslan Sergeevich Vorin"], ("Ruslan Sergeyevich Vorin", "Ruslan Sergeevich Vorin"),
     True),
    (["Anna Mayer", "Anna Maer"], ("Anna Mayer", "Anna Maer"), False),
])
def test_cyrillic_glides(names, pair, together):
    for order in (names, names[::-1]):
        assert any(pair[0] in g and pair[1] in g for g in _people(order)) is together
