"""Names, session 7: recall rules that must not cost a merge (notes/issue-15.md, Session 7).
Tables of pairs that must join and look-alikes that must not, on the resolver, the slip
rule, the in-document names and the span repairs. Every name here is invented or common."""

from __future__ import annotations

import pytest

from factx.resolve import NameStat, resolve
from factx.stages.entities import repair_spans
from factx.stages.mentions import surname_last

from conftest import doc_with_ents
from test_lookup import _said_store


def _groups(*names) -> list[set[str]]:
    stats = [NameStat(*n) if isinstance(n, tuple) else NameStat(n, "PERSON", 2) for n in names]
    return [set(e.names) for e in resolve(stats)]


def _together(groups: list[set[str]], a: str, b: str) -> bool:
    return any(a in g and b in g for g in groups)


JOIN = [
    # a priest called by title and given name: the one person written with that title
    (("Father Tomas", "Father Tomas Ravelonjato", "Tomas Ravelonjato"), ("Father Tomas", "Tomas Ravelonjato")),
    (("Fr Ravelonjato", "Father Tomas Ravelonjato"), ("Fr Ravelonjato", "Father Tomas Ravelonjato")),
    # Cyrillic Е at a word's start, written Ye or E
    (("Erlan Bekmuratov", "Yerlan Bekmuratov"), ("Erlan Bekmuratov", "Yerlan Bekmuratov")),
    (("Elena Sorokina", "Yelena Sorokina"), ("Elena Sorokina", "Yelena Sorokina")),
    # an initial as written ("Y." of Yerlan, whose name compares as "erlan")
    (("Y. Bekmuratov", "Yerlan Bekmuratov", "Nurlan Bekmuratov"), ("Y. Bekmuratov", "Yerlan Bekmuratov")),
    # ... and the one person its candidates become ("Yerlan Ivanovich Bekmuratov" is he)
    (("Y. Bekmuratov", "Yerlan Bekmuratov", "Yerlan Ivanovich Bekmuratov", "Nurlan Bekmuratov"),
     ("Y. Bekmuratov", "Yerlan Ivanovich Bekmuratov")),
    # a government body with its head word first or last
    ((("Ministry of Emergency Situations", "ORG", 2), ("Emergency Situations Ministry", "ORG", 1)),
     ("Ministry of Emergency Situations", "Emergency Situations Ministry")),
    ((("Department of State", "ORG", 2), ("State Department", "ORG", 1)), ("Department of State", "State Department")),
    # session 9, South Slavic names: the stroked d written Dj, the ending -ić written -ich
    (("Nada Đurić", "Nada Djuric"), ("Nada Đurić", "Nada Djuric")),
    (("Dusan Mlađenović", "Dusan Mladjenovic"), ("Dusan Mlađenović", "Dusan Mladjenovic")),
    (("Branko Jovanović", "Branko Jovanovich", "Branko Jovanovic"), ("Branko Jovanović", "Branko Jovanovich")),
    # session 9, South Asian names: the sibilant before w written sh or s
    (("Ishwar Bhandari", "Iswar Bhandari"), ("Ishwar Bhandari", "Iswar Bhandari")),
    # a facility by a place and its facility word: the one longer facility that begins and ends so
    ((("Norvik hospital", "FAC", 1), ("Norvik District Hospital", "FAC", 2)),
     ("Norvik hospital", "Norvik District Hospital")),
    ((("Sarveshwar temple", "FAC", 1), ("Sarveswar Vikram Temple", "FAC", 2), ("Sarveshwar Temple Committee", "ORG", 1)),
     ("Sarveshwar temple", "Sarveswar Vikram Temple")),
    # session 9, second part: where no river is written, the bare name is the region
    ((("Zelmora", "GPE", 2), ("Zelmora Province", "GPE", 1)), ("Zelmora", "Zelmora Province")),
    # a rank abbreviated before a person's name is a title
    (("Cdr. Jane Roe", "Jane Roe"), ("Cdr. Jane Roe", "Jane Roe")),
    (("Cdr Jane Roe", "Jane Roe"), ("Cdr Jane Roe", "Jane Roe")),
]

APART = [
    # a titled given name: not a person written without that title, nor one of two priests
    (("Father Tomas", "Tomas Kerr"), ("Father Tomas", "Tomas Kerr")),
    (("Father Tomas", "Father Tomas Ravelonjato", "Father Tomas Andriamaro"),
     ("Father Tomas", "Father Tomas Ravelonjato")),
    (("Mullah Karim", "Mullah Karim Haddad", "Mullah Samir Karim"), ("Mullah Karim", "Mullah Karim Haddad")),
    # "Abu Hamza" is Hamza's father, title or not
    (("Sheikh Hamza", "Sheikh Abu Hamza"), ("Sheikh Hamza", "Sheikh Abu Hamza")),
    # an initial that fits no one, or two people
    (("Y. Bekmuratov", "Nurlan Bekmuratov"), ("Y. Bekmuratov", "Nurlan Bekmuratov")),
    (("E. Sorokin", "Elena Sorokin", "Yevgeny Sorokin"), ("E. Sorokin", "Elena Sorokin")),
    # a ministry of one country is not another's
    ((("Kenyan Ministry of Interior", "ORG", 1), ("Ugandan Interior Ministry", "ORG", 1)),
     ("Kenyan Ministry of Interior", "Ugandan Interior Ministry")),
    ((("Ministry of Health", "ORG", 1), ("Health Department", "ORG", 1)), ("Ministry of Health", "Health Department")),
    # session 9: one South Slavic surname, two given names; a Vietnamese D is no Dj
    (("Branko Jovanović", "Ratko Jovanovich"), ("Branko Jovanović", "Ratko Jovanovich")),
    (("Dang Van Khanh", "Djang Van Khanh"), ("Dang Van Khanh", "Djang Van Khanh")),
    (("Đặng Văn Khanh", "Jang Van Khanh"), ("Đặng Văn Khanh", "Jang Van Khanh")),
    # two longer facilities it may be; a facility and the body named after it; a town
    ((("Norvik hospital", "FAC", 1), ("Norvik District Hospital", "FAC", 2), ("Norvik Military Hospital", "FAC", 1)),
     ("Norvik hospital", "Norvik District Hospital")),
    ((("Sarveshwar temple", "FAC", 1), ("Sarveshwar Temple Committee", "ORG", 1)),
     ("Sarveshwar temple", "Sarveshwar Temple Committee")),
    ((("Norvik hospital", "FAC", 1), ("Norvik", "GPE", 3)), ("Norvik hospital", "Norvik")),
    # "sh" before another letter than w stays: Shah is not Sah
    (("Rekha Shah", "Rekha Sah"), ("Rekha Shah", "Rekha Sah")),
    # session 9, second part: a river and the province, district or town named after it; the
    # bare name may be the river or a town on it, and is the province's no more where the run
    # writes the river
    ((("Velna", "LOC", 1), ("Velna River", "LOC", 1)), ("Velna", "Velna River")),
    ((("Velna", "GPE", 3), ("Velna river", "LOC", 2)), ("Velna", "Velna river")),
    ((("Velna", "GPE", 3), ("Velna river", "LOC", 2), ("Velna Province", "GPE", 1)), ("Velna", "Velna Province")),
    ((("Velna", "GPE", 3), ("Velna river", "LOC", 2), ("Velna Province", "GPE", 1)),
     ("Velna river", "Velna Province")),
    ((("Velna River", "LOC", 1), ("Velna District", "GPE", 1)), ("Velna River", "Velna District")),
    ((("Velna", "GPE", 3), ("Velna City", "GPE", 1), ("Velna river", "LOC", 1)), ("Velna", "Velna river")),
    ((("Colorado", "GPE", 3), ("Colorado River", "LOC", 1)), ("Colorado", "Colorado River")),
    # an acronym in capitals and a town: the body or facility named so is not the town
    ((("CDR Ostrel", "FAC", 2), ("Ostrel", "GPE", 3)), ("CDR Ostrel", "Ostrel")),
    ((("GEN Ostrel Vela", "ORG", 1), ("Ostrel Vela", "GPE", 2)), ("GEN Ostrel Vela", "Ostrel Vela")),
]


@pytest.mark.parametrize("names, pair", JOIN, ids=[" / ".join(p) for _, p in JOIN])
def test_names_that_join(names, pair):
    assert _together(_groups(*names), *pair)


@pytest.mark.parametrize("names, pair", APART, ids=[" / ".join(p) for _, p in APART])
def test_names_that_stay_apart(names, pair):
    assert not _together(_groups(*names), *pair)


@pytest.mark.parametrize("names, pair", JOIN + APART, ids=[" / ".join(p) for _, p in JOIN + APART])
def test_joins_do_not_depend_on_input_order(names, pair):
    assert _together(_groups(*names), *pair) == _together(_groups(*reversed(names)), *pair)


# ------------------------------------------------------------------ long words misspelt by one letter

_RT = "Tomas Ravelomahatratra"
_LONG = [[(_RT, "Tomas Ravelomahatratra said he would stay.")], [(_RT, "Tomas Ravelomahatratra won.")],
         [(_RT, "Tomas Ravelomahatratra spoke.")]]


@pytest.mark.parametrize("docs, expected", [
    # an outlet that misspells a long surname throughout, never writing it right
    (_LONG + [[("Tomas Ravelomahatrata", "Tomas Ravelomahatrata died."), ("Tomas Ravelomahatrata", "Tomas Ravelomahatrata was 71.")]],
     [(_RT, "Tomas Ravelomahatrata", "PERSON")]),
    # ... under a clergy title, which is no kinship word
    (_LONG + [[("Tomas Ravelomahatrata", "Father Tomas Ravelomahatrata died.")]], [(_RT, "Tomas Ravelomahatrata", "PERSON")]),
    # ... but not a relative ("his brother"), nor when the right spelling is in one document only
    (_LONG + [[("Tomas Ravelomahatrata", "His brother Tomas Ravelomahatrata died.")]], []),
    (_LONG[:1] + [[("Tomas Ravelomahatrata", "Tomas Ravelomahatrata died.")]], []),
    # a short word so apart in a document that never writes it right: another name
    ([[("Samir Haddad", "Samir Haddad spoke.")]] * 3 + [[("Sami Haddad", "Sami Haddad died.")]], []),
    # a long surname with a feminine ending: a woman of the family
    ([[("Sasha Bekmuratovich", "x")], [("Sasha Bekmuratovich", "y")], [("Sasha Bekmuratovich", "z")],
      [("Sasha Bekmuratovicha", "w")]], []),
])
def test_a_long_surname_misspelt_by_one_letter(tmp_path, docs, expected):
    from factx.lookup import misspelled_names

    db = _said_store(tmp_path, docs)
    assert misspelled_names(db) == expected


# ------------------------------------------------------------------ family names written first in capitals

@pytest.mark.parametrize("name, expected", [
    ("RAVELO Tomas", "Tomas Ravelo"), ("RAVELO Jean Aimé", "Jean Aimé Ravelo"),
    ("Tomas Ravelo", "Tomas Ravelo"), ("TOMAS RAVELO", "TOMAS RAVELO"),   # a shouted name keeps its order
    ("UN Tomas", "UN Tomas"), ("RAVELO", "RAVELO"),                      # an acronym; one word
])
def test_surname_last(name, expected):
    assert surname_last(name) == expected


def test_a_titled_name_in_capitals_the_model_missed_is_a_person():
    text = "The deputy, Colonel RAVELO Tomas, has been sent."
    doc = doc_with_ents(text, [], ("Colonel", "RAVELO", "Tomas"))
    assert [(s.text, s.label_) for s in repair_spans(doc)] == [("Colonel RAVELO Tomas", "PERSON")]
    # a title before a shouted word and nothing after it is no name
    text = "The deputy, Colonel RAVELO, has been sent."
    doc = doc_with_ents(text, [], ("Colonel", "RAVELO"))
    assert repair_spans(doc) == []
