"""factx.caseless: the folded case-sensitive patterns match where re.IGNORECASE does."""

import re
import string

import pytest

from factx.caseless import FOLD_CHARS, compile_folded, compile_folded_required, fold, required_strings
from factx.stages.dates import _patterns


def test_fold_table_is_exactly_what_ignorecase_matches_to_ascii_letters():
    every = "".join(map(chr, range(0x110000)))
    found = {}
    for ch in re.findall("[a-z]", every, re.I):
        letters = [c for c in string.ascii_lowercase if re.fullmatch(c, ch, re.I)]
        assert len(letters) == 1
        if ch != letters[0]:
            found[ch] = letters[0]
    assert found == FOLD_CHARS


def test_folding_keeps_word_characters():
    for ch, to in FOLD_CHARS.items():
        assert re.fullmatch(r"\w", ch) and re.fullmatch(r"\w", to)


SAMPLES = ["Next MONDAY, Sept. 3\u20135, 2019 at 5 p.m. GMT; \u212aelvin \u0130stanbul \u017fome",
           "from 2001 to 2003, the past three years, two days later, 22-year-old, noon",
           "caf\u00e9 \u00c9t\u00e9 Mi\u00dfe \u0131\u0130 \u212a k K  \n\n May 4 may MAY"]


@pytest.mark.parametrize("pattern", [
    r"\bnext (?:monday|week)\b", r"[a-z]+", r"caf\u00e9", r"(?i:x)", r"(a)\1", r"[^-\u2013]+day",
    r"\d{1,2}[-\u2013]\d{1,2}", r"(?=k)\w+", r"(?<!\w)s\w+", r"k.+?\b"])
def test_compile_folded_matches_like_ignorecase_or_declines(pattern):
    folded = compile_folded(pattern)
    plain = re.compile(pattern, re.I)
    if folded is None:
        return
    for text in SAMPLES:
        assert [m.span() for m in folded.finditer(fold(text))] == [m.span() for m in plain.finditer(text)]


def test_declines_what_it_cannot_carry_over():
    assert compile_folded(r"[a-z]+") is None
    assert compile_folded("caf\u00e9") is None
    assert compile_folded(r"(a)\1") is None
    assert compile_folded(r"(?i:x)") is None


def test_date_patterns_are_folded_and_match_like_ignorecase():
    assert all(on_folded for _, _, on_folded, _ in _patterns())
    for text in SAMPLES:
        for _, pattern, _, _ in _patterns():
            slow = re.compile(pattern.pattern, re.I)
            assert [m.span() for m in pattern.finditer(fold(text))] == [m.span() for m in slow.finditer(text)]


@pytest.mark.parametrize("pattern, expected", [
    (r"\bhalf an? (?:hour|day)\b", {"half a"}),
    (r"(?:from|between) \d{4}", {"from", "between"}),
    (r"(?:Days?|weeks) ago", {" ago"}),
    (r"\d+(?:st|nd)?", None),
    (r"x?y*", None),
    (r"(?:a|b?)c", {"c"}),
])
def test_required_strings(pattern, expected):
    folded = compile_folded(pattern)
    found = required_strings(folded)
    assert (None if found is None else set(found)) == expected


def test_one_parse_gives_what_the_two_calls_give():
    patterns = [p.pattern for _, p, _, _ in _patterns()]  # the date rules, word lists expanded
    patterns += [r"\bhalf an? (?:hour|day)\b", r"x?y*", r"[A-Z]\w+", r"(?i:x)"]
    for pattern in patterns:
        folded, required = compile_folded_required(pattern)
        alone = compile_folded(pattern)
        assert (folded is None) == (alone is None)
        if folded is not None:
            assert folded.pattern == alone.pattern and folded.groupindex == alone.groupindex
            assert required == required_strings(alone)
        else:
            assert required is None


def test_a_pattern_never_matches_a_text_without_its_required_strings():
    for text in SAMPLES:
        low = fold(text)
        for _, pattern, _, required in _patterns():
            if required is not None and not any(s in low for s in required):
                assert not pattern.search(low)
            for m in pattern.finditer(low):
                assert required is None or any(s in m.group(0) for s in required)
