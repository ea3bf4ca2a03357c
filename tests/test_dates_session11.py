"""Dates, session 11: general English-news constructions that read wrong.

1. A counted quarter used as a share is not a period: "a quarter point", "a quarter-point
   cut", "a quarter of the staff", "three quarters of voters". A quarter of an hour or of a
   century, and an ordinal or a lone "a quarter", stay times.
2. A day under "would" in a clause reported by a dated verb ("said Monday it would close
   the plant on Friday") is not before the report's day: read from that day, ahead.

Every sentence is invented. Tables run on `spacy.blank` (no parse) unless marked `model`.
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


REPORTED_WOULD = [
    # (sentence, the day's text, its value) in a Wednesday article (2001-03-14)
    ("The mill's owner said Monday it would close the plant on Friday.", "Friday", "2001-03-16"),
    ("The minister announced Tuesday that elections would be held on Sunday.", "Sunday", "2001-03-18"),
    ("Officials said Monday that the talks would resume Thursday.", "Thursday", "2001-03-15"),
    # the report's own day, an undated report, and a refusal keep their readings
    ("Officials said Monday that the talks would resume Thursday.", "Monday", "2001-03-12"),
    ("The union said it would strike on Friday.", "Friday", "2001-03-16"),
    ("The ferry company said Tuesday it would not comment on the crash Saturday.", "Saturday", "2001-03-10"),
    ("The mayor said Tuesday that the dam had burst on Sunday.", "Sunday", "2001-03-11"),
]


@pytest.mark.model
@pytest.mark.parametrize("sentence, day, expected", REPORTED_WOULD)
def test_the_future_of_a_dated_report_is_after_it(nlp, sentence, day, expected):
    got = {t.text: t.value for t in temporal_expressions(nlp(sentence), WED)}
    assert got[day] == expected
