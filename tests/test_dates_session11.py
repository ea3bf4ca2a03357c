"""Dates, session 11: general English-news constructions that read wrong.

1. A counted quarter used as a share is not a period: "a quarter point", "a quarter-point
   cut", "a quarter of the staff", "three quarters of voters". A quarter of an hour or of a
   century, and an ordinal or a lone "a quarter", stay times.

Every sentence is invented. Tables run on `spacy.blank` (no parse).
"""

from __future__ import annotations

import pytest
import spacy

from factx.stages.dates import temporal_expressions
from factx.stages.dates_fractions import fraction_of_quarter

# 2001-03-14 is a Wednesday
WED = "2001-03-14"


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def found(nlp, text, anchor=WED):
    return [(t.text, t.value) for t in temporal_expressions(nlp(text), anchor)]


QUARTERS = [
    # (text, [(text, value), ...])
    ("The central bank cut its key rate by a quarter point on Tuesday.", [("Tuesday", "2001-03-13")]),
    ("The lender made a quarter-point cut.", []),
    ("Yields rose a quarter percentage point.", []),
    ("A quarter of the staff at the mill were laid off.", []),
    ("Three quarters of voters in Dunmore backed the plan.", []),
    ("Three-quarters of the harvest was lost.", []),
    ("Shares rose a quarter percent.", []),
    # times stay times
    ("The meeting ran for three-quarters of an hour.", [("three-quarters of an hour", "PT45M")]),
    ("The firm has led the market for a quarter century.", [("a quarter century", "P25Y")]),
    ("Profits fell in the third quarter.", [("the third quarter", "2000-Q3")]),
    ("Output fell for a quarter, then recovered.", [("a quarter", "P3M")]),
]


@pytest.mark.parametrize("text, expected", QUARTERS)
def test_quarters_as_shares_are_not_times(blank, text, expected):
    assert found(blank, text) == expected


FRACTIONS = [
    ("a quarter point", True),
    ("a quarter-point cut", True),
    ("three quarters of voters", True),
    ("a quarter of an hour", False),
    ("a quarter of a century", False),
    ("a quarter, then", False),
]


@pytest.mark.parametrize("text, expected", FRACTIONS)
def test_fraction_of_quarter(text, expected):
    end = len("three quarters") if text.startswith("three") else len("a quarter")
    assert fraction_of_quarter(text, 0, end) is expected
