"""Quantities in words and figures (DESIGN section 4), without a model."""

from __future__ import annotations

import pytest

from factx.quantities import normalize_age, normalize_quantity


@pytest.mark.parametrize("text, expected", [
    ("six", 6),
    ("Ten", 10),
    ("14", 14),
    ("1,500", 1500),
    ("twenty-five", 25),
    ("one hundred and twenty", 120),
    ("a dozen", 12),
    ("two dozen", 24),
    ("1.5 million", 1_500_000),
    ("six other", 6),
    ("up to 40", "<=40"),
    ("as many as 60", "<=60"),
    ("at least 42", ">=42"),
    ("more than 100", ">100"),
    ("fewer than 10", "<10"),
    ("about 1,500", "~1500"),
    ("roughly 240", "~240"),
    ("almost 3,000", "~3000"),
    ("between 20 and 40", "20-40"),
    ("20 to 40", "20-40"),
    ("20-40", "20-40"),
    ("dozens", "~24-99"),
    ("hundreds", "~200-999"),
    ("several", "~3-9"),
    ("up to dozens", "<=99"),
    ("a", None),
    ("the", None),
    ("wedding", None),
])
def test_normalize_quantity(text, expected):
    assert normalize_quantity(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("47", 47), ("forty-seven", 47), ("50s", "50-59"), ("thirties", "30-39"),
    ("early 20s", "20-23"), ("mid-30s", "34-36"), ("late 60s", "67-69"), ("200", None),
])
def test_normalize_age(text, expected):
    assert normalize_age(text) == expected


def test_quantities_parse_in_the_conflicts_value_model():
    """Every string form we write is one the conflicts engine reads."""
    values = pytest.importorskip("factx.values")
    for text in ("up to 40", "at least 42", "more than 100", "about 1,500", "20 to 40", "dozens"):
        assert values.parse_quantity(normalize_quantity(text)) is not None, text


def test_normalize_quantity_never_raises_and_keeps_the_contract():
    """Any text gives None, an int, or a string of the documented forms."""
    import re

    from hypothesis import given, settings, strategies as st

    words = st.sampled_from(["up", "to", "about", "dozens", "of", "six", "40", "1,500", "more",
                             "than", "between", "and", "-", "a", "hundred", "several", "x", ""])

    @settings(max_examples=300, deadline=None)
    @given(st.lists(words, max_size=5).map(" ".join) | st.text(max_size=20))
    def check(text):
        value = normalize_quantity(text)
        assert value is None or isinstance(value, int) or re.fullmatch(
            r"(?:<=|>=|<|>|~)?\d+|~?\d+-\d+", value), (text, value)

    check()
