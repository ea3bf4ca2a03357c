"""Wave 7 of names (#15), the rules side: transliteration of Cyrillic and Arabic
given names, honorifics and police ranks, vessel and company names, surname
endings and organisation head words, patronymic spans. Every name here is invented."""

from __future__ import annotations

import pytest

from factx.names import name_rules, token_cost, translit, INFINITE
from factx.resolve import NameStat, resolve

NR = name_rules()


def _groups(names: list[str], entity_type: str = "PERSON") -> list[list[str]]:
    return sorted(sorted(e.names) for e in resolve([NameStat(n, entity_type, 1) for n in names]))


# ------------------------------------------------------------- transliteration

@pytest.mark.parametrize("a,b", [
    ("aliev", "aliyev"), ("kasymalieva", "kasymaliyeva"), ("ziad", "ziyad"),       # glide after i
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
