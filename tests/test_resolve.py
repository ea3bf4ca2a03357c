"""Cross-document name resolution: tables of names that must and must not merge."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from factx.resolve import Entity, NameStat, closest, entity_id, fold, resolve
from factx.rules import load_rules


def same_entity(a: str, b: str, entity_type: str = "PERSON", rules=None) -> bool:
    entities = resolve([NameStat(a, entity_type, 1), NameStat(b, entity_type, 1)], rules=rules)
    return len(entities) == 1


MUST_MERGE = [
    # transliteration variants (issue item 2)
    ("Asim Umar", "Asim Omar", "PERSON"),
    ("Asim Umar", "Asim Umer", "PERSON"),
    ("Ayman al-Zawahri", "Ayman al-Zawahiri", "PERSON"),
    ("Ayman al-Zawahiri", "Ayman Al-Zawahiri", "PERSON"),
    ("Ayman al Zawahiri", "Ayman al-Zawahri", "PERSON"),
    ("Al Qaeda", "al-Qaida", "ORG"),
    ("Al-Qaeda", "Al Qaida", "ORG"),
    ("Al Qaeda’s", "Al-Qaeda", "ORG"),
    ("Qaeda", "Al Qaeda", "ORG"),
    ("Musa Qala", "Musa Kala", "GPE"),
    ("Muammar Gaddafi", "Muammar Qaddafi", "PERSON"),
    ("Muammar Qaddafi", "Moammar Kadhafi", "PERSON"),
    ("Muhammad", "Mohammed", "PERSON"),
    ("Mohamed Morsi", "Muhammad Morsi", "PERSON"),
    ("Osama bin Laden", "Usama bin Ladin", "PERSON"),
    ("Osama Bin Laden", "Osama bin Laden", "PERSON"),
    ("Hezbollah", "Hizballah", "ORG"),
    ("Saddam Hussein", "Saddam Husayn", "PERSON"),
    ("Anwar al-Awlaki", "Anwar al-Aulaqi", "PERSON"),
    ("Taliban", "Taleban", "ORG"),
    ("Al-Qaida in the Indian Subcontinent", "Al Qaeda in the Indian Subcontinent", "ORG"),
    # normalization: case, accents, curly apostrophes, hyphens, honorifics
    ("ASIM UMAR", "Asim Umar", "PERSON"),
    ("José Martí", "Jose Marti", "PERSON"),
    ("Umar’s", "Umar's", "PERSON"),
    ("Kim Jong-un", "Kim Jong Un", "PERSON"),
    ("Col. Sonny Leggett", "Sonny Leggett", "PERSON"),
    ("Mr. Asim Umar", "Asim Umar", "PERSON"),
    ("Helmand Province", "Helmand", "GPE"),
    ("Volodymyr Zelenskyy", "Volodymyr Zelensky", "PERSON"),
    # partial names across documents when only one person fits
    ("Zawahiri", "Ayman al-Zawahiri", "PERSON"),
    ("George Bush", "George Walker Bush", "PERSON"),
    ("Gore", "Al Gore", "PERSON"),  # a leading "Al" of a two-word person name is a given name
    # acronyms
    ("NDS", "National Directorate of Security", "ORG"),
    ("AQIS", "Al Qaeda in the Indian Subcontinent", "ORG"),
    ("U.S.", "United States", "GPE"),
    ("Qasem Soleimani", "Ghasem Soleimani", "PERSON"),
    ("Mohammad Javad Zarif", "Mohammad Jawad Zarif", "PERSON"),
    ("Mohamed ElBaradei", "Mohamed el-Baradei", "PERSON"),
    ("Tehrik-i-Taliban Pakistan", "Tehrik-e-Taliban Pakistan", "ORG"),
    ("TTP", "Tehrik-i-Taliban Pakistan", "ORG"),
    ("Deir ez-Zor", "Deir al-Zor", "GPE"),
    ("US", "U.S", "GPE"),
    # facilities: "Port of X", "X port", "X's port"; airports with and without "International"
    ("Port of Beirut", "Beirut port", "FAC"),
    ("Beirut's port", "Port of Beirut", "FAC"),
    ("Bole International Airport", "Bole Airport", "FAC"),
    # institutions with and without the country that qualifies them
    ("U.S. National Transportation Safety Board", "National Transportation Safety Board", "ORG"),
    ("Aircraft Accident Investigation Bureau of Ethiopia", "Ethiopia’s Aircraft Accident Investigation Bureau", "ORG"),
]

MUST_NOT_MERGE = [
    # different people who share a name or sound alike (issue item 2)
    ("Raja Umar Khattab", "Asim Umar", "PERSON"),
    ("Usama Mahmood", "Osama bin Laden", "PERSON"),
    ("Usama Mahmood", "Usama bin Laden", "PERSON"),
    ("Umar", "Amir", "PERSON"),
    ("Mahmoud Abbas", "Mohamed Abbas", "PERSON"),
    ("Hamid Karzai", "Hamad Karzai", "PERSON"),
    ("John Patterson", "John Peterson", "PERSON"),
    ("Carl Smith", "Carol Smith", "PERSON"),
    ("Farid Khan", "Fred Khan", "PERSON"),
    # relatives who share a family name
    ("Hamza bin Laden", "Osama bin Laden", "PERSON"),
    ("Saif al-Islam Gaddafi", "Muammar Gaddafi", "PERSON"),
    ("Kim Jong-un", "Kim Jong-il", "PERSON"),
    ("Bashar al-Assad", "Hafez al-Assad", "PERSON"),
    ("George W. Bush", "George H. W. Bush", "PERSON"),
    ("Martin Luther King Jr.", "Martin Luther King Sr.", "PERSON"),
    # nested organisations
    ("Al Qaeda", "Al Qaeda in the Indian Subcontinent", "ORG"),
    ("Al Qaeda", "Al Qaeda in the Arabian Peninsula", "ORG"),
    ("Taliban", "Pakistani Taliban", "ORG"),
    ("Islamic State", "Islamic State in the Greater Sahara", "ORG"),
    # different types never merge
    ("Washington", "George Washington", "GPE"),
    # a port is not its city, nor one city's port another's
    ("Beirut port", "Beirut", "FAC"),
    ("Port of Beirut", "Port of Tripoli", "FAC"),
    ("Bole International Airport", "Jomo Kenyatta International Airport", "FAC"),
]


@pytest.mark.parametrize("a,b,entity_type", MUST_MERGE)
def test_must_merge(a: str, b: str, entity_type: str) -> None:
    assert same_entity(a, b, entity_type), f"{a!r} and {b!r} should be one entity"


@pytest.mark.parametrize("a,b,entity_type", MUST_NOT_MERGE)
def test_must_not_merge(a: str, b: str, entity_type: str) -> None:
    assert not same_entity(a, b, entity_type), f"{a!r} and {b!r} must stay apart"


def test_types_do_not_merge() -> None:
    entities = resolve([NameStat("Washington", "GPE", 3), NameStat("George Washington", "PERSON", 1)])
    assert len(entities) == 2


def test_lone_surname_shared_by_two_people_stays_alone() -> None:
    names = [NameStat("Hamza bin Laden", "PERSON", 1), NameStat("Osama bin Laden", "PERSON", 4),
             NameStat("Laden", "PERSON", 1)]
    by_name = {n: e for e in resolve(names) for n in e.names}
    assert by_name["Laden"].names == ("Laden",)


def test_surname_is_someones_given_name_stays_alone() -> None:
    names = [NameStat("Asim Umar", "PERSON", 1), NameStat("Umar Farooq", "PERSON", 1),
             NameStat("Umar", "PERSON", 1)]
    by_name = {n: e for e in resolve(names) for n in e.names}
    assert by_name["Umar"].names == ("Umar",)


def test_every_name_in_exactly_one_entity_with_voted_type_and_canonical() -> None:
    names = [NameStat("Asim Umar", "PERSON", 5), NameStat("Asim Omar", "PERSON", 9),
             NameStat("Umar", "PERSON", 20), NameStat("Musa Qala", "GPE", 3),
             NameStat("Musa Qala", "PERSON", 1), NameStat("the Musa Qala", "FAC", 1)]
    entities = resolve(names)
    seen = [n for e in entities for n in e.names]
    assert sorted(seen) == sorted({n.name for n in names})
    by_name = {n: e for e in entities for n in e.names}
    assert by_name["Umar"] is by_name["Asim Umar"]
    assert by_name["Asim Umar"].canonical == "Asim Omar"  # most frequent full form
    assert by_name["Musa Qala"].entity_type == "GPE"
    assert by_name["the Musa Qala"] is by_name["Musa Qala"]
    assert by_name["Musa Qala"].canonical == "Musa Qala"


def test_entity_ids_are_stable_and_typed() -> None:
    a = resolve([NameStat("Asim Umar", "PERSON", 1), NameStat("Asim Omar", "PERSON", 2)])
    b = resolve([NameStat("Asim Omar", "PERSON", 2), NameStat("Asim Umar", "PERSON", 1)])
    assert a == b
    assert a[0].entity_id == entity_id("PERSON", "Asim Omar") != entity_id("ORG", "Asim Omar")


def test_user_aliases_and_never_merge(tmp_path: Path) -> None:
    (tmp_path / "aliases.yml").write_text(
        "kind: aliases\nrules:\n  - id: aqis\n    names: [AQIS, Al Qaeda in the Indian Subcontinent, "
        "Qaedat al-Jihad fi Shibh al-Qarrat al-Hindiya]\n", encoding="utf-8")
    (tmp_path / "never.yml").write_text(
        "kind: never_merge\nrules:\n  - id: omars\n    names: [Asim Omar, Asim Umar]\n", encoding="utf-8")
    rules = load_rules(tmp_path)
    assert not same_entity("Asim Omar", "Asim Umar", rules=rules)
    assert same_entity("Al Qaeda in the Indian Subcontinent", "Qaedat al-Jihad fi Shibh al-Qarrat al-Hindiya",
                       "ORG", rules=rules)
    entities = resolve([NameStat("Qaedat al-Jihad fi Shibh al-Qarrat al-Hindiya", "ORG", 9),
                        NameStat("AQIS", "ORG", 1)], rules=rules)
    assert [e.canonical for e in entities] == ["AQIS"]


@pytest.mark.parametrize("query,expected", [
    ("asim omar", "asim omar"), ("ASIM  OMAR", "asim omar"), ("Mr. Umar’s", "umar"),
    ("Al-Qaeda", "al qaeda"), ("José", "jose"), ("the Indian Subcontinent", "indian subcontinent"),
])
def test_fold(query: str, expected: str) -> None:
    assert fold(query) == expected


def test_closest_suggests_spellings() -> None:
    assert closest("asim omer", ["Asim Umar", "Usama Mahmood", "Kabul"], limit=1) == ["Asim Umar"]
    assert closest("zzzz", []) == []


def test_resolution_is_blocked_not_quadratic() -> None:
    # 20,000 names over 2,000 surnames: all-pairs would be 2*10^8 comparisons
    names = [NameStat(f"Given{i % 997:03d}x Family{i % 2000:04d}y", "PERSON", 1) for i in range(20000)]
    started = time.perf_counter()
    entities = resolve(names)
    assert time.perf_counter() - started < 10
    assert sum(len(e.names) for e in entities) == len({n.name for n in names})


def test_entity_record_shape() -> None:
    (entity,) = resolve([NameStat("Sonny Leggett", "PERSON", 1)])
    assert isinstance(entity, Entity)
    assert entity.names == ("Sonny Leggett",) and entity.entity_type == "PERSON"
    assert len(entity.entity_id) == 16


# ---------------------------------------------------------------- issue 15 tables

def _entities(*stats):
    return {n: e for e in resolve([NameStat(*s) if isinstance(s, tuple) else NameStat(s, "PERSON", 1)
                                   for s in stats]) for n in e.names}


# (names of one run, pairs that must be one entity, pairs that must stay apart)
RUNS = [
    # a differing religious title is evidence against: "Mullah Omar" is not Asim Omar
    (["Asim Omar", "Mullah Omar"], [], [("Asim Omar", "Mullah Omar")]),
    (["Asim Omar", "Mullah Omar", "Omar"], [], [("Omar", "Asim Omar"), ("Omar", "Mullah Omar")]),
    (["Mullah Mohammed Omar", "Mullah Omar", "Asim Omar"], [("Mullah Omar", "Mullah Mohammed Omar")],
     [("Asim Omar", "Mullah Omar")]),
    (["Sheikh Nasser", "Karim Nasser"], [], [("Sheikh Nasser", "Karim Nasser")]),
    (["Gen. Haddad", "Karim Haddad"], [], [("Gen. Haddad", "Karim Haddad")]),
    (["Gen. Karim Haddad", "Gen. Haddad", "Karim Haddad"], [("Gen. Haddad", "Karim Haddad")], []),
    # a monarch's title tells him apart from a namesake without it
    (["King Harald", "Haakon Harald", "Harald"], [], [("King Harald", "Haakon Harald"), ("King Harald", "Harald")]),
    (["Queen Sonja", "Sonja Haraldsen"], [], [("Queen Sonja", "Sonja Haraldsen")]),
    # civil titles are noise
    (["Mr. Haddad", "Karim Haddad"], [("Mr. Haddad", "Karim Haddad")], []),
    # two full names sharing a surname never merge; the bare surname stays alone
    (["Zabihullah Mujahid", "Mullah Yaqoob Mujahid", "Mujahid"], [],
     [("Zabihullah Mujahid", "Mullah Yaqoob Mujahid"), ("Mujahid", "Zabihullah Mujahid"),
      ("Mujahid", "Mullah Yaqoob Mujahid")]),
    (["Sirajuddin Haqqani", "Salahuddin Haqqani", "Siraj Haqqani"], [("Siraj Haqqani", "Sirajuddin Haqqani")],
     [("Sirajuddin Haqqani", "Salahuddin Haqqani")]),
    # kunya and nisba forms
    (["Abu Musab al-Zarqawi", "al-Zarqawi", "Mr. Zarqawi", "Al Zarqawi"],
     [("Abu Musab al-Zarqawi", "al-Zarqawi"), ("Abu Musab al-Zarqawi", "Mr. Zarqawi"),
      ("Abu Musab al-Zarqawi", "Al Zarqawi")], []),
    # "bin X" is a family name, never a given name "Bin": it joins the one person it ends;
    # with two sons of one father it stays alone; "Ben" and "Abu" may be given names
    (["Karim bin Nasser", "bin Nasser", "Bin Nasser"], [("Karim bin Nasser", "bin Nasser"),
                                                        ("Karim bin Nasser", "Bin Nasser")], []),
    (["Karim bin Nasser", "Faisal bin Nasser", "bin Nasser"], [],
     [("bin Nasser", "Karim bin Nasser"), ("bin Nasser", "Faisal bin Nasser")]),
    (["Ben Carter", "Tom Carter"], [], [("Ben Carter", "Tom Carter")]),
    (["Abu Hamza", "Karim Hamza"], [], [("Abu Hamza", "Karim Hamza")]),
    # a transliterated given name with another surname is another person; so is another
    # father's name after "bin"
    (["Tewolde Gebremariam", "Tewelde Weldemaruam", "Tewelde Haile"], [],
     [("Tewolde Gebremariam", "Tewelde Weldemaruam"), ("Tewolde Gebremariam", "Tewelde Haile")]),
    (["Mohammed bin Salman", "Mohammed bin Nayef", "bin Salman"], [("Mohammed bin Salman", "bin Salman")],
     [("Mohammed bin Salman", "Mohammed bin Nayef")]),
    # the glide after i of Russian and Central Asian names written with or without y
    (["Timur Aliev", "Timur Aliyev"], [("Timur Aliev", "Timur Aliyev")], []),
    (["Dina Kasymalieva", "Dina Kasymaliyeva"], [("Dina Kasymalieva", "Dina Kasymaliyeva")], []),
    # e/u in a later syllable tells names apart ("Hamed" is "Hamid", "Hamoud" another name)
    (["Hamed Nasser", "Hamoud Nasser"], [], [("Hamed Nasser", "Hamoud Nasser")]),
    # honorifics of West African usage and police ranks are titles
    (["Mallam Musa Bello", "Musa Bello"], [("Mallam Musa Bello", "Musa Bello")], []),
    (["Commissioner Jane Holloway", "Jane Holloway"], [("Commissioner Jane Holloway", "Jane Holloway")], []),
    # a given name and the initial of the next word: the one such person of the run
    (["Youssef B.", "Youssef Ben Salah"], [("Youssef B.", "Youssef Ben Salah")], []),
    (["Karim M.", "Karim Mansouri", "Mr. Karim Haddad"], [("Karim M.", "Karim Mansouri")],
     [("Karim M.", "Mr. Karim Haddad")]),
    (["Karim M.", "Karim Mansouri", "Karim Moussa"], [],
     [("Karim M.", "Karim Mansouri"), ("Karim M.", "Karim Moussa")]),
    (["Karim M.", "Samir Mansouri"], [], [("Karim M.", "Samir Mansouri")]),
    # a given name and an East Slavic patronymic: the one person whose name begins with them
    (["Sergei Ivanovich", "Sergei Ivanovich Petrov"], [("Sergei Ivanovich", "Sergei Ivanovich Petrov")], []),
    (["Sergei Ivanovich", "Sergei Ivanovich Petrov", "Sergei Ivanovich Sokolov"], [],
     [("Sergei Ivanovich", "Sergei Ivanovich Petrov"), ("Sergei Ivanovich", "Sergei Ivanovich Sokolov")]),
    # ... a middle name that is no patronymic is not enough ("George Walker" is anyone)
    (["George Walker", "George Walker Bush"], [], [("George Walker", "George Walker Bush")]),
    # short and long given names
    (["Hafizullah Khan", "Hafiz Khan"], [("Hafizullah Khan", "Hafiz Khan")], []),
    (["Hafizullah Khan", "Hafizuddin Khan"], [], [("Hafizullah Khan", "Hafizuddin Khan")]),
    (["Abdul Rahman Karimi", "Rahman Karimi"], [("Abdul Rahman Karimi", "Rahman Karimi")], []),
    # doubled letters, words run together, hashtags
    (["Hassan Diab", "Hasan Diab"], [("Hassan Diab", "Hasan Diab")], []),
    (["Tewolde Gebre-Mariam", "Tewolde Gebremariam"], [("Tewolde Gebre-Mariam", "Tewolde Gebremariam")], []),
    (["#KarimHaddad", "Karim al-Haddad"], [("#KarimHaddad", "Karim al-Haddad")], []),
    # institutions with and without their country; not a group and its national branch
    ([("US National Transportation Safety Board", "ORG", 2), ("National Transportation Safety Board", "ORG", 1),
      ("Aircraft Accident Investigation Bureau of Ethiopia", "ORG", 1),
      ("Aircraft Accident Investigation Bureau", "ORG", 1), ("Bole International Airport", "FAC", 1),
      ("Bole Airport", "FAC", 1), ("Pakistani Taliban", "ORG", 1), ("Taliban", "ORG", 3)],
     [("US National Transportation Safety Board", "National Transportation Safety Board"),
      ("Aircraft Accident Investigation Bureau of Ethiopia", "Aircraft Accident Investigation Bureau"),
      ("Bole International Airport", "Bole Airport")], [("Pakistani Taliban", "Taliban")]),
    ([("Kenyan Civil Aviation Authority", "ORG", 1), ("Ugandan Civil Aviation Authority", "ORG", 1),
      ("Civil Aviation Authority", "ORG", 1)], [],
     [("Kenyan Civil Aviation Authority", "Ugandan Civil Aviation Authority")]),
    # the model's type of one spelling does not keep a full name apart
    ([("Ayman al-Zawahiri", "ORG", 9), ("Ayman al-Zawahri", "PERSON", 5)],
     [("Ayman al-Zawahiri", "Ayman al-Zawahri")], []),
    # but one-word names of different types stay apart
    ([("Jordan", "GPE", 4), ("Jordan", "PERSON", 1), ("Georgia", "GPE", 2), ("Georgie", "PERSON", 1)],
     [], [("Georgia", "Georgie")]),
]


@pytest.mark.parametrize("names,together,apart", RUNS)
def test_runs(names, together, apart) -> None:
    by_name = _entities(*names)
    for a, b in together:
        assert by_name[a] is by_name[b], f"{a!r} and {b!r} should be one entity"
    for a, b in apart:
        assert by_name[a] is not by_name[b], f"{a!r} and {b!r} must stay apart"


@pytest.mark.parametrize("a,b,entity_type", [
    ("Mazar-i-Sharif", "Mazar-e-Sharif", "GPE"),
    ("Tehrik-i-Taliban", "Tehrik-e-Taliban", "ORG"),
])
def test_place_transliterations(a, b, entity_type) -> None:
    assert same_entity(a, b, entity_type)


def test_declared_names_merge_unless_known_different(tmp_path: Path) -> None:
    stats = [NameStat("Karim Haddad", "PERSON", 3), NameStat("Abu Jamil", "PERSON", 1)]
    assert len(resolve(stats)) == 2
    assert len(resolve(stats, same=[("Karim Haddad", "Abu Jamil")])) == 1
    # a never-merge rule wins over a declaration
    (tmp_path / "never.yml").write_text(
        "kind: never_merge\nrules:\n  - id: two\n    names: [Karim Haddad, Abu Jamil]\n", encoding="utf-8")
    assert len(resolve(stats, rules=load_rules(tmp_path), same=[("Karim Haddad", "Abu Jamil")])) == 2
    # a person is not declared the same as an organisation
    org = [NameStat("Karim Haddad", "PERSON", 3), NameStat("Haddad Trading", "ORG", 1)]
    assert len(resolve(org, same=[("Karim Haddad", "Haddad Trading")])) == 2


def test_titled_one_word_name_keeps_its_title_as_canonical() -> None:
    (entity,) = resolve([NameStat("Mullah Omar", "PERSON", 2)])
    assert fold(entity.canonical) == "mullah omar"


def test_a_port_and_its_city_stay_apart_across_types() -> None:
    entities = resolve([NameStat("Beirut port", "FAC", 2), NameStat("Beirut", "GPE", 9),
                        NameStat("Port of Beirut", "FAC", 1), NameStat("Beirut's port", "FAC", 1)])
    assert sorted((e.canonical, e.entity_type, len(e.names)) for e in entities) == [
        ("Beirut", "GPE", 1), ("Beirut port", "FAC", 3)]


@pytest.mark.parametrize("names,canonical", [
    # an institution's canonical name is its own, without the country a writer put to it
    (["U.S. National Transportation Safety Board", "US National Transportation Safety Board"],
     "National Transportation Safety Board"),
    (["Ethiopia’s Aircraft Accident Investigation Bureau", "Aircraft Accident Investigation Bureau of Ethiopia"],
     "Aircraft Accident Investigation Bureau"),
    # a demonym is part of a name; two words left are too few to tell
    (["Ethiopian Airlines Group"], "Ethiopian Airlines Group"),
    (["US Central Command"], "US Central Command"),
])
def test_institutions_are_named_without_their_country(names, canonical) -> None:
    entities = resolve([NameStat(n, "ORG", 1) for n in names])
    assert [e.canonical for e in entities] == [canonical]
