"""Dates, session 9: live pages, nights named by a date, and the day of a count's report.

1. Clocks with a zone label that news prints after them ("14:05 NPT", "07:45 BRT",
   "10:30 WIB") are clocks; labels that are also English words ("cat", "art") are not zones.
   A 24-hour clock that opens a line and is followed by a dash is a live page's entry time
   ("09:30 - Rescuers reach ...").
2. TimeML extents (`factx dates`): "the night of 17 November" is the date "17 November";
   facts keep the night (TNI).
3. A bare clock takes the day the sentences before it tell, but not the day a count's new
   figure was reported ("the death toll ... rose to 14 on Monday"), which dates the report.

Every sentence is invented. Tables run on `spacy.blank` (no parse) unless marked `model`.
"""

from __future__ import annotations

import pytest
import spacy

from factx.records import TimexSpan
from factx.stages.dates import detect, temporal_expressions, timeml_parts
from factx.timex import clock_reading

# 2026-03-08 is a Sunday
SUN = "2026-03-08"

ZONES = [
    # (clock, (minutes after midnight, offset from UTC in hours, zone written))
    ("14:05 NPT", (845, 5.75, True)),
    ("07:45 BRT", (465, -3.0, True)),
    ("10:30 WIB", (630, 7.0, True)),
    ("9 p.m. PHT", (1260, 8.0, True)),
    ("6:15 am AST", (375, None, True)),
]


@pytest.mark.parametrize("text, expected", ZONES)
def test_more_zone_labels_are_read(text, expected):
    assert clock_reading(text) == expected


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


STAGE = [
    # (text, anchor, [(text, value), ...]) on a blank pipeline
    ("Live updates\n\n14:05 NPT \u2014 The toll has risen to nine, police say.", SUN,
     [("14:05 NPT", "2026-03-08T14:05")]),
    ("Live updates\n\n07:45 BRT \u2013 Relatives gather at the gate.", SUN, [("07:45 BRT", "2026-03-08T07:45")]),
    ("Live updates\n\n09:30 - Rescuers reach the village.\n\n11:15 \u2014 Two more bodies are found.", SUN,
     [("09:30", "2026-03-08T09:30"), ("11:15", "2026-03-08T11:15")]),
    # a clock that opens a line without a dash after it, or inside a sentence without a
    # preposition of time, stays unread (a score, a ratio)
    ("Results\n\n21:14 was the final score.", SUN, []),
    ("The home side won 21:14 - a rout.", SUN, []),
    # a word after a clock that is also a zone elsewhere is not taken in
    ("They met at 10:30 art class.", SUN, [("10:30", "2026-03-08T10:30")]),
]


@pytest.mark.parametrize("text, anchor, expected", STAGE)
def test_live_page_clocks_on_a_blank_pipeline(blank, text, anchor, expected):
    got = [(t.text, t.value) for t in temporal_expressions(blank(text), anchor)]
    assert got == expected


def test_a_clock_entry_needs_the_start_of_a_line():
    assert [r for _, _, r in detect("Entries\n12:40 \u2014 Rain.")] == ["clock-entry"]
    assert detect("He ran it in 12:40 \u2014 a record.") == []


PARTS = [
    # (text, type, value, [(text, type, value), ...]) as `factx dates` writes them
    ("the night of 17 November", "TIME", "2026-11-17TNI", [("17 November", "DATE", "2026-11-17")]),
    ("night of November 17, 2025", "TIME", "2025-11-17TNI", [("November 17, 2025", "DATE", "2025-11-17")]),
    ("the night of Tuesday", "TIME", "2026-11-17TNI", [("Tuesday", "DATE", "2026-11-17")]),
    # a night named by two days stays one TIMEX3: no single date names it
    ("the night of 17-18 November", "TIME", "2026-11-17TNI",
     [("the night of 17-18 November", "TIME", "2026-11-17TNI")]),
    ("the night of Tuesday to Wednesday", "TIME", "2026-11-17TNI",
     [("the night of Tuesday to Wednesday", "TIME", "2026-11-17TNI")]),
    # other nights keep their part of the day
    ("Tuesday night", "TIME", "2026-11-17TNI", [("Tuesday night", "TIME", "2026-11-17TNI")]),
    ("last night", "TIME", "2026-11-17TNI", [("last night", "TIME", "2026-11-17TNI")]),
]


@pytest.mark.parametrize("text, kind, value, expected", PARTS)
def test_a_night_named_by_its_date_is_that_date_in_timeml(text, kind, value, expected):
    parts = timeml_parts(TimexSpan(100, 100 + len(text), text, kind, value))
    assert [(p.text, p.type, p.value) for p in parts] == expected
    assert all(text[p.start - 100:p.end - 100] == p.text for p in parts)


MODEL = [
    # (text, anchor, clock text, its value): the day a count's new figure was reported
    # dates the report, not the event a later bare clock belongs to (2026-03-09 is a Monday)
    ("The death toll from Sunday's landslide in the valley rose to 14 on Monday, officials said.\n\n"
     "Villagers said the slope gave way at about 5:15 am, burying six houses.", "2026-03-09",
     "about 5:15 am", "2026-03-08T05:15"),
    ("The number of missing climbers stood at 30 on Monday after Sunday's avalanche.\n\n"
     "Guides said the snow came down at about 11:20 a.m.", "2026-03-09",
     "about 11:20 a.m.", "2026-03-08T11:20"),
    # a day that dates the event itself is still the told day
    ("Floodwaters swept through the market on Monday.\n\n"
     "Traders said the river broke its banks at about 5:15 am.", "2026-03-10",
     "about 5:15 am", "2026-03-09T05:15"),
    # "reached" without a count is an event: the rescuers' day
    ("Rescuers reached the village on Monday.\n\n"
     "They found survivors at about 4 p.m.", "2026-03-10", "about 4 p.m.", "2026-03-09T16:00"),
]


@pytest.mark.model
@pytest.mark.parametrize("text, anchor, clock, expected", MODEL)
def test_the_day_of_a_counts_report_is_not_the_told_day(nlp, text, anchor, clock, expected):
    got = {t.text: t.value for t in temporal_expressions(nlp(text), anchor)}
    assert got[clock] == expected
