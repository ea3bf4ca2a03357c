"""Wave 7 of names (#15), the rules side: transliteration of Cyrillic and Arabic
given names, honorifics and police ranks, vessel and company names, surname
endings and organisation head words, patronymic spans. Every name here is invented."""

from __future__ import annotations

import pytest

from factx.names import INFINITE, core_tokens, name_rules, token_cost, translit
from factx.resolve import NameStat, resolve
from factx.stages.entities import repair_spans
from factx.stages.mentions import mention_rules, rule_label

from conftest import doc_with_ents

NR = name_rules()


def _groups(names: list[str], entity_type: str = "PERSON") -> list[list[str]]:
    return sorted(sorted(e.names) for e in resolve([NameStat(n, entity_type, 1) for n in names]))


# ------------------------------------------------------------- transliteration

@pytest.mark.parametrize("a,b", [
    ("aliev", "aliyev"), ("nurmalieva", "nurmaliyeva"), ("ziad", "ziyad"),       # glide after i
    ("dzhaparbekov", "japarbekov"), ("zhanibek", "janibek"),                        # zh / dzh / j
    ("akhmetov", "ahmetov"), ("rakhimova", "rahimova"),                             # kh after a vowel
    ("youssef", "yusuf"), ("yousef", "yusuf"), ("younes", "yunus"),               # e ~ u after u
])
def test_transliteration_variants_match(a: str, b: str) -> None:
    assert token_cost(translit(a, nr=NR), translit(b, nr=NR), NR) != INFINITE


@pytest.mark.parametrize("a,b", [
    ("hassan", "hussein"),   # the first vowel differs: two names
    ("hamed", "hamud"),      # e ~ u only after u
    ("hamid", "hamud"),
    ("said", "sayed"),       # the glide is dropped only after i
    ("khalid", "halid"),     # a word-initial Kh stays
    ("khan", "han"),
    ("yusuf", "yasif"),
])
def test_transliteration_different_names(a: str, b: str) -> None:
    assert token_cost(translit(a, nr=NR), translit(b, nr=NR), NR) == INFINITE


@pytest.mark.parametrize("names", [
    ["Ruslan Temiraliev", "Ruslan Temiraliyev"],
    ["Gulnara Sydykalieva", "Gulnara Sydykaliyeva"],
    ["Youssef Haddami", "Yusuf Haddami"],
    ["Akhmed Dzhunusov", "Ahmed Junusov"],
])
def test_transliterated_people_merge(names: list[str]) -> None:
    assert len(_groups(names)) == 1


@pytest.mark.parametrize("names", [
    ["Hassan Qaddouri", "Hussein Qaddouri"],
    ["Hamed Sabbagh", "Hamud Sabbagh"],
    ["Ruslan Temiraliev", "Timur Temiraliev"],
    ["Khalil Bennani", "Halim Bennani"],
])
def test_transliteration_keeps_people_apart(names: list[str]) -> None:
    assert len(_groups(names)) == 2


# ------------------------------------------------------- honorifics and ranks

@pytest.mark.parametrize("titled,plain", [
    ("Mallam Audu Garba", "Audu Garba"),
    ("Malam Audu Garba", "Audu Garba"),
    ("Alhaja Kudirat Balogun", "Kudirat Balogun"),
    ("Hajiya Amina Sule", "Amina Sule"),
    ("Otunba Femi Adebayo", "Femi Adebayo"),
    ("Chief Femi Adebayo", "Femi Adebayo"),
    ("Commissioner Jane Holloway", "Jane Holloway"),
    ("Deputy Commissioner Jane Holloway", "Jane Holloway"),
    ("Assistant Commissioner Jane Holloway", "Jane Holloway"),
    ("Chief Inspector Jane Holloway", "Jane Holloway"),
    ("Supt. Jane Holloway", "Jane Holloway"),
])
def test_titled_name_joins_plain_name(titled: str, plain: str) -> None:
    assert _groups([titled, plain]) == [sorted([titled, plain])]


@pytest.mark.parametrize("names,expected", [
    # a one-word name with a religious title joins only a name written with it
    (["Mallam Garba", "Audu Garba"], 2),
    # two candidates: the titled surname stays apart from both full names
    (["Commissioner Holloway", "Jane Holloway", "Mark Holloway"], 3),
    # the title does not join two different given names
    (["Commissioner Jane Holloway", "Joan Holloway"], 2),
])
def test_titles_do_not_force_merges(names: list[str], expected: int) -> None:
    assert len(_groups(names)) == expected


def _repaired(text: str, ents, propn=()) -> list[tuple[str, str]]:
    return [(s.text, s.label_) for s in repair_spans(doc_with_ents(text, ents, propn))]


@pytest.mark.parametrize("text,ents,expected", [
    # "Police" before a rank is no part of the name; the rank is (an honorific)
    ("Police Commissioner Jane Holloway said", [("Police Commissioner Jane Holloway", "PERSON")],
     [("Commissioner Jane Holloway", "PERSON")]),
    ("Deputy Police Chief Mark Osei said", [("Deputy Police Chief Mark Osei", "PERSON")],
     [("Mark Osei", "PERSON")]),
])
def test_person_span_repairs(text: str, ents, expected) -> None:
    assert _repaired(text, ents) == expected


# ---------------------------------------------------------- vessels, companies

@pytest.mark.parametrize("text,ents,expected", [
    # a ship's prefix begins the name and makes it a facility, marked by the model or not
    ("The KM Ocean Star sank near the port.", [], [("KM Ocean Star", "FAC")]),
    ("The KM Ocean Star sank near the port.", [("Ocean Star", "PERSON")], [("KM Ocean Star", "FAC")]),
    ("Passengers of the MV Ocean Star were rescued.", [("Ocean Star", "ORG")], [("MV Ocean Star", "FAC")]),
    ("The operator, PT Laut Biru Lines, said.", [("Laut Biru Lines", "PERSON")],
     [("PT Laut Biru Lines", "ORG")]),
    # not a prefix: a unit after a number, a lower-case word after it
    ("It lies 5 KM North of the town.", [], []),
    ("The MV was late.", [], []),
    # a last word that makes the name an organisation decides
    ("Donations to the MS Society rose.", [], []),
])
def test_prefixed_name_spans(text: str, ents, expected) -> None:
    assert _repaired(text, ents) == expected


@pytest.mark.parametrize("names,entity_type,expected", [
    (["MV Ocean Star", "Ocean Star", "KM Ocean Star"], "FAC", 1),
    (["PT Laut Biru Lines", "Laut Biru Lines"], "ORG", 1),
    (["Kestrel Holdings GmbH", "Kestrel Holdings"], "ORG", 1),
    (["Meranti Timber Sdn Bhd", "Meranti Timber"], "ORG", 1),
    # the prefix is dropped, nothing else: different ships and companies stay apart
    (["MV Ocean Star", "MV Ocean Pearl"], "FAC", 2),
    (["PT Laut Biru Lines", "PT Nusa Indah Lines"], "ORG", 2),
    (["PT Laut Biru Lines", "Laut Biru"], "ORG", 2),
])
def test_prefixes_not_compared(names: list[str], entity_type: str, expected: int) -> None:
    assert len(_groups(names, entity_type)) == expected


@pytest.mark.parametrize("name,entity_type,expected", [
    ("MV Ocean Star", "FAC", ("ocean", "star")),
    ("PT Nusa Lines", "ORG", ("nusa", "lines")),
    ("Acme S.A.", "ORG", ("acme",)),
    # a prefix is dropped only from a name of its own type
    ("MS Kestrel Trust", "ORG", ("ms", "kestrel", "trust")),
    ("PT Nusa", "FAC", ("pt", "nusa")),
])
def test_ignored_words_by_type(name: str, entity_type: str, expected: tuple[str, ...]) -> None:
    assert core_tokens(name, entity_type) == expected


@pytest.mark.parametrize("text,name,label", [
    ("the sinking of the KM Ocean Star on Sunday", "KM Ocean Star", "FAC"),
    ("PT Laut Biru Lines, the operator, said", "PT Laut Biru Lines", "ORG"),
    ("the owner, Laut Biru Lines, said", "Laut Biru Lines", "ORG"),
    ("the cargo ship Ocean Pearl", "Ocean Pearl", "FAC"),
    ("The ship, the Ocean Pearl, never made it.", "Ocean Pearl", "FAC"),
])
def test_rule_types(text: str, name: str, label: str) -> None:
    start = text.index(name)
    assert rule_label(text, start, start + len(name), "PERSON", mention_rules()) == label


def test_captain_of_the_ship_is_no_ship() -> None:
    text = "The captain of the ship, Idris Kamara, told investigators."
    start = text.index("Idris Kamara")
    assert rule_label(text, start, start + len("Idris Kamara"), "PERSON", mention_rules()) != "FAC"


# ------------------------------------- surname endings, group and council words

@pytest.mark.parametrize("text,name,model,label", [
    ("Nurlan Temirov said", "Nurlan Temirov", "FAC", "PERSON"),
    ("Oksana Petrenko said", "Oksana Petrenko", "GPE", "PERSON"),
    ("Aida Sydykalieva said", "Aida Sydykalieva", "ORG", "PERSON"),
    ("Adilet Sadyr uulu said", "Adilet Sadyr uulu", "ORG", "PERSON"),
    ("the Zhogorku Kenesh voted", "Zhogorku Kenesh", "LOC", "ORG"),
    ("the Verkhna Rada voted", "Verkhna Rada", "GPE", "ORG"),
    ("Katibat al-Sahm claimed", "Katibat al-Sahm", "PERSON", "ORG"),
    ("Jabhat al-Wadi claimed", "Jabhat al-Wadi", "PERSON", "ORG"),
])
def test_rule_types_wave7(text: str, name: str, model: str, label: str) -> None:
    start = text.index(name)
    assert rule_label(text, start, start + len(name), model, mention_rules()) == label


@pytest.mark.parametrize("text,name,model", [
    ("in Rostov Oblast", "Rostov Oblast", "GPE"),       # an administrative word decides first
    ("Ansar Qureshi said", "Ansar Qureshi", "PERSON"),  # Ansar is also a given name
    ("the Bank of Kirov", "Bank of Kirov", "ORG"),      # not a two- or three-word name
    ("Kirov said", "Kirov", "ORG"),                     # one word: may be the town
    ("in northern Moldova", "northern Moldova", "GPE"),  # a country of the rules
])
def test_rule_types_wave7_no_cue(text: str, name: str, model: str) -> None:
    start = text.index(name)
    assert rule_label(text, start, start + len(name), model, mention_rules()) in (None, model)


# ---------------------------------------------------------- patronymic spans

@pytest.mark.parametrize("text,ents,expected", [
    ("Davron Ilhom o'g'li Rustamov was held.", [("Davron Ilhom", "PERSON")],
     [("Davron Ilhom o'g'li Rustamov", "PERSON")]),
    ("Police held Davron Ilhom o‘g‘li Rustamov on Monday.", [],
     [("Davron Ilhom o‘g‘li Rustamov", "PERSON")]),
    ("Adilet Sadyr uulu said on Monday.", [("Adilet Sadyr", "ORG")], [("Adilet Sadyr uulu", "PERSON")]),
    ("Malika Anvar qizi Yusupova said.", [("Malika Anvar", "ORG"), ("Yusupova", "GPE")],
     [("Malika Anvar qizi Yusupova", "PERSON")]),
    ("Adilet Sadyr uulu, a farmer, said.", [("Adilet Sadyr", "PERSON")], [("Adilet Sadyr uulu", "PERSON")]),
    # the word alone is no name, nor one capitalized word before it
    ("He said uulu means son.", [], []),
    ("Sadyr uulu was there.", [], []),
])
def test_patronymic_spans(text: str, ents, expected) -> None:
    assert _repaired(text, ents) == expected


@pytest.mark.parametrize("names,expected", [
    (["Davron Ilhom o'g'li Rustamov", "Davron Rustamov"], 1),
    (["Davron Ilhom o'g'li Rustamov", "Bekzod Rustamov"], 2),
])
def test_patronymic_names_resolve(names: list[str], expected: int) -> None:
    assert len(_groups(names)) == expected


# ------------------------------------------- short forms of other traditions

@pytest.mark.parametrize("names,expected", [
    # a given name and the initial of the family name: the one such person of the run
    (["Karim M.", "Karim Mansouri"], [["Karim M.", "Karim Mansouri"]]),
    (["Youssef B.", "Youssef Ben Haddou"], [["Youssef B.", "Youssef Ben Haddou"]]),
    (["Karim M.", "Karim Mansouri", "Karim Moussa"], [["Karim M."], ["Karim Mansouri"], ["Karim Moussa"]]),
    (["Karim M.", "Karim Haddad"], [["Karim Haddad"], ["Karim M."]]),
    (["Karim M.", "Samir Mansouri"], [["Karim M."], ["Samir Mansouri"]]),
    # a given name and a patronymic: the one full name with both
    (["Sergei Ivanovich", "Sergei Ivanovich Petrov"], [["Sergei Ivanovich", "Sergei Ivanovich Petrov"]]),
    (["Olga Nikolaevna", "Olga Nikolaevna Sidorova"], [["Olga Nikolaevna", "Olga Nikolaevna Sidorova"]]),
    (["Sergei Ivanovich", "Sergei Ivanovich Petrov", "Sergei Ivanovich Orlov"],
     [["Sergei Ivanovich"], ["Sergei Ivanovich Orlov"], ["Sergei Ivanovich Petrov"]]),
    (["Sergei Ivanovich", "Sergei Petrovich Orlov"], [["Sergei Ivanovich"], ["Sergei Petrovich Orlov"]]),
    # Yoruba given names without their first part
    (["Oluwaseun Adebisi", "Seun Adebisi"], [["Oluwaseun Adebisi", "Seun Adebisi"]]),
    (["Babatunde Okonjo", "Tunde Okonjo"], [["Babatunde Okonjo", "Tunde Okonjo"]]),
    (["Adewale Okonjo", "Wale Okonjo"], [["Adewale Okonjo", "Wale Okonjo"]]),
    (["Olusegun Okonjo", "Tunde Okonjo"], [["Olusegun Okonjo"], ["Tunde Okonjo"]]),
    (["Babatunde Okonjo", "Tunde Okonjo", "Tunde Adebisi"],
     [["Babatunde Okonjo", "Tunde Okonjo"], ["Tunde Adebisi"]]),
    # a surname keeps its prefix: "Adebisi" is not "Bisi"
    (["Seun Adebisi", "Seun Bisi"], [["Seun Adebisi"], ["Seun Bisi"]]),
])
def test_short_forms(names: list[str], expected: list[list[str]]) -> None:
    assert _groups(names) == expected


# ------------------------------------------------------ the new keys are checked

@pytest.mark.parametrize("text,rule_id,key", [
    ("kind: entity_types\nrules:\n  - id: v\n    label: FAC\n    ignored: sometimes\n    prefixes: [MV]\n",
     "v", "ignored"),
    ("kind: transliteration\nrules:\n  - id: t\n    vowels_after: [eu]\n", "t", "vowels_after"),
    ("kind: transliteration\nrules:\n  - id: t\n    patronymic_endings: ovich\n", "t", "patronymic_endings"),
    ("kind: entity_repairs\nrules:\n  - id: p\n    where: inside\n    words: [uulu]\n", "p", "where"),
])
def test_new_rule_keys_are_validated(tmp_path, text: str, rule_id: str, key: str) -> None:
    from factx.rules import check

    (tmp_path / "x.yml").write_text(text, encoding="utf-8")
    assert [(p.rule_id, p.key) for p in check([tmp_path])] == [(rule_id, key)]
