"""Dates, session 7: event times around midnight, 24-hour clocks, and their TimeML extents.

1. Nights: "overnight" alone is the night just past when its verb is past, the coming one
   otherwise; "overnight Tuesday (into Wednesday)", "overnight into Wednesday", "the night
   of 17 November", "the night of 17-18 November", "the night of Tuesday to Wednesday"
   are the night that starts on the first day (TIMEX3 TNI on that day, as "Tuesday night").
   "overnight" before the noun it classifies ("an overnight train") is no time at all.
2. Midnight: the end of its day (T24:00); after midnight is the start of one (T00:00):
   "shortly after midnight on Wednesday" is early Wednesday.
3. 24-hour clocks: "at 00:10 on Wednesday", "at about 23:40", "16:30 hours" are clocks
   ("16:30 hours" was the duration "30 hours"); "10:30" without a preposition of time
   stays unread (a score, a ratio, a verse).
4. TimeML extents (`factx dates`): a clock and its day joined by "on" or "at" are two
   TIMEX3s ("23:40 local time" and "Tuesday"); facts keep the clock on its day.
5. A clock that ends a stretch begun at a later-reading clock of the same day is on the
   next day ("started at 23:55 on Tuesday and burned until 04:00"); a weekday restated by
   a day-first date ("Thursday 9 October", "at 9:15 pm on Friday, 3 October") is that date.
   A bare clock in a sentence that names no date is on the day the three sentences before
   it tell (not a saying's day, and only a day of the article's week).
   A day declared an observance ("declared Monday a day of mourning") lies ahead.
6. "last Tuesday" never names yesterday: in a Wednesday article it is a week earlier.
7. A date line with an edition label or a middle dot ("The Courier, English edition ·
   3 May 2024") is a date line.

Every sentence is invented. Tables run on `spacy.blank` (no parse) unless marked `model`.
"""

from __future__ import annotations

import pytest
import spacy

from factx.published import published_date
from factx.records import TimexSpan
from factx.stages.dates import temporal_expressions, timeml_parts
from factx.timex import clock_reading, normalize

# 2026-11-18 is a Wednesday
WED = "2026-11-18"

NORMALIZE = [
    # (text, anchor, tense, expected value)
    ("16:30 hours", WED, None, "2026-11-18T16:30"),
    ("02:40 hrs", WED, None, "2026-11-18T02:40"),
    ("0230 hours", WED, None, "2026-11-18T02:30"),
    ("8 hours", WED, None, "PT8H"),
    ("overnight", WED, "past", "2026-11-17TNI"),
    ("overnight", WED, "future", "2026-11-18TNI"),
    ("overnight", WED, None, "2026-11-18TNI"),
    ("overnight", None, "past", "XXXX-XX-XXTNI"),
    ("overnight Tuesday", WED, None, "2026-11-17TNI"),
    ("overnight on Tuesday", WED, "past", "2026-11-17TNI"),
    ("overnight Tuesday into Wednesday", WED, None, "2026-11-17TNI"),
    ("overnight into Wednesday", WED, None, "2026-11-17TNI"),
    ("overnight into Thursday", WED, "future", "2026-11-18TNI"),
    ("the night of 17 November", WED, None, "2026-11-17TNI"),
    ("the night of November 17", WED, None, "2026-11-17TNI"),
    ("the night of 17-18 November", WED, None, "2026-11-17TNI"),
    ("the night of 17 to 18 November", WED, None, "2026-11-17TNI"),
    ("the night of November 17 to 18", WED, None, "2026-11-17TNI"),
    ("the night of Tuesday", WED, None, "2026-11-17TNI"),
    ("the night of Tuesday to Wednesday", WED, None, "2026-11-17TNI"),
    ("Tuesday night", WED, None, "2026-11-17TNI"),
    ("midnight on Tuesday", WED, None, "2026-11-17T24:00"),
    ("the early hours of Wednesday", "2026-11-19", None, "2026-11-18"),
    # "last" skips yesterday, not the days before it
    ("last Tuesday", WED, None, "2026-11-10"),
    ("last Tuesday", WED, "past", "2026-11-10"),
    ("last Monday", WED, None, "2026-11-16"),
    ("last Wednesday", WED, None, "2026-11-11"),
    ("last Friday", "2026-11-16", None, "2026-11-13"),
]


@pytest.mark.parametrize("text, anchor, tense, expected", NORMALIZE)
def test_nights_midnights_and_clocks_normalize(text, anchor, tense, expected):
    assert normalize(text, anchor, tense=tense)[1] == expected


ZONE_OFFSETS = [
    # (clock, (minutes after midnight, offset from UTC in hours, zone written))
    ("03:12 UTC+3", (192, 3.0, True)),
    ("8.15pm GMT+8", (1215, 8.0, True)),
    ("9 a.m. GMT-4", (540, -4.0, True)),
    ("10:00 UTC+5:30", (600, 5.5, True)),
    ("0148 GMT", (108, 0.0, True)),
    ("6pm local time", (1080, None, True)),
]


@pytest.mark.parametrize("text, expected", ZONE_OFFSETS)
def test_a_zone_offset_written_after_gmt_or_utc_is_read(text, expected):
    assert clock_reading(text) == expected


STAGE = [
    # (sentence, anchor, [(text, value), ...]) on a blank pipeline
    ("The train derailed at 00:10 on Wednesday near the siding.", WED,
     [("00:10 on Wednesday", "2026-11-18T00:10")]),
    ("At approximately 16:30 hours, police cleared the road.", WED, [("16:30 hours", "2026-11-18T16:30")]),
    ("At 02:40 hours the guard found him.", WED, [("02:40 hours", "2026-11-18T02:40")]),
    ("On 17 November at 23:40, six carriages left the rails.", WED,
     [("17 November", "2026-11-17"), ("23:40", "2026-11-17T23:40")]),
    ("The meeting ended at 14:05 GMT.", WED, [("14:05 GMT", "2026-11-18T14:05")]),
    ("The ferry left at 9:45 on Friday morning.", WED, [("9:45 on Friday morning", "2026-11-13T09:45")]),
    # no preposition of time: a score, a ratio, a verse
    ("The ratio was 10:30 in the final.", WED, []),
    ("He quoted John 3:16 at the service.", WED, []),
    ("The side won 2:1 at home on Saturday.", WED, [("Saturday", "2026-11-14")]),
    # midnight: the end of its day, after midnight the start of one
    ("Police arrived shortly after midnight on Wednesday.", "2026-11-19", [("midnight on Wednesday", "2026-11-18T00:00")]),
    ("The plane crashed just before midnight on Tuesday.", "2026-11-19", [("midnight on Tuesday", "2026-11-17T24:00")]),
    ("Rescuers reached the village soon after midnight.", WED, [("midnight", "2026-11-18T00:00")]),
    ("The curfew begins at midnight.", WED, [("midnight", "2026-11-18T24:00")]),
    # nights
    ("Rain fell overnight Tuesday into Wednesday, flooding the valley.", "2026-11-19",
     [("overnight Tuesday into Wednesday", "2026-11-17TNI")]),
    ("The river rose overnight into Thursday.", "2026-11-19", [("overnight into Thursday", "2026-11-18TNI")]),
    ("The attack took place on the night of 17 November.", "2026-11-19", [("the night of 17 November", "2026-11-17TNI")]),
    ("Shelling went on through the night of 3 to 4 March.", "2026-03-06", [("the night of 3 to 4 March", "2026-03-03TNI")]),
    ("The ship sank on the night of Tuesday to Wednesday.", "2026-11-19",
     [("the night of Tuesday to Wednesday", "2026-11-17TNI")]),
    # "the night of Friday, Oct. 23": the weekday-date stays one date
    ("It happened on the night of Friday, Oct. 23, police said.", "2026-10-26", [("Friday, Oct. 23", "2026-10-23")]),
    # a clock that ends a stretch begun at a later-reading clock is past midnight
    ("Officials said the fire started at 23:55 on Tuesday and burned until 04:00.", WED,
     [("23:55 on Tuesday", "2026-11-17T23:55"), ("04:00", "2026-11-18T04:00")]),
    ("The curfew ran from 10 p.m. Tuesday to 5 a.m.", WED,
     [("10 p.m. Tuesday", "2026-11-17T22:00"), ("5 a.m.", "2026-11-18T05:00")]),
    ("The shops were open from 9 a.m. to 5 p.m. on Tuesday.", WED,
     [("9 a.m.", "2026-11-17T09:00"), ("5 p.m. on Tuesday", "2026-11-17T17:00")]),
    ("The blast was at 11 p.m. on Tuesday. Police came at 1 a.m.", WED,
     [("11 p.m. on Tuesday", "2026-11-17T23:00"), ("1 a.m.", "2026-11-18T01:00")]),
    # a bare clock in a sentence without a date is on the day the sentences before it tell
    ("Eight people died in a crush at a concert on Saturday night. A surge knocked people down at "
     "around 9:40 p.m., witnesses said.", "2026-10-25", [("Saturday night", "2026-10-24TNI"),
                                                        ("9:40 p.m.", "2026-10-24T21:40")]),
    ("The storm hit the coast on Tuesday night. The river burst its banks at 2 a.m.", WED,
     [("Tuesday night", "2026-11-17TNI"), ("2 a.m.", "2026-11-18T02:00")]),
    # ... only a day of the article's week: history leaves it on the article's day
    ("The dam was built on May 3, 1998. It broke at 4:10 a.m., officials said.", WED,
     [("May 3, 1998", "1998-05-03"), ("4:10 a.m.", "2026-11-18T04:10")]),
    # ... and only within three sentences
    ("The rally began on Monday. Crowds grew. Police watched. Shops closed. Shots rang out at 9 p.m.", WED,
     [("Monday", "2026-11-16"), ("9 p.m.", "2026-11-18T21:00")]),
    # a weekday restated by a day-first date, with or without a comma, and a clock on it
    ("The vote is on Thursday 9 October.", "2025-10-06", [("Thursday 9 October", "2025-10-09")]),
    ("He died on Friday, 3 October 2025.", "2025-10-06", [("Friday, 3 October 2025", "2025-10-03")]),
    ("The shooting took place at around 9:15 pm on Friday, 3 October.", "2025-10-06",
     [("9:15 pm on Friday, 3 October", "2025-10-03T21:15")]),
    ("At 9 p.m. Friday, Oct. 3, the polls closed.", "2025-10-06", [("9 p.m. Friday, Oct. 3", "2025-10-03T21:00")]),
    # the early hours and the parts of a day named by a day-first date or a weekday
    ("Rescuers arrived in the early hours of 18 November.", "2026-11-19", [("the early hours of 18 November", "2026-11-18")]),
    # a zone with its offset is part of the clock
    ("The earthquake struck at 03:12 UTC+3 on Thursday.", "2026-11-19", [("03:12 UTC+3 on Thursday", "2026-11-19T03:12")]),
    # an adjective before its noun names no time
    ("The death toll from the derailment of an overnight passenger train rose to 9.", WED, []),
    ("Guests booked an overnight stay at the hotel.", WED, []),
    ("Workers stayed overnight clearing debris.", WED, [("overnight", "2026-11-18TNI")]),
    ("The cranes will work overnight to lift the carriages.", WED, [("overnight", "2026-11-18TNI")]),
]


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


@pytest.mark.parametrize("sentence, anchor, expected", STAGE)
def test_times_around_midnight_on_a_blank_pipeline(blank, sentence, anchor, expected):
    got = [(t.text, t.value) for t in temporal_expressions(blank(sentence), anchor)]
    assert got == expected


PARTS = [
    # (text, type, value, [(text, type, value), ...]) as `factx dates` writes them
    ("23:40 local time on Tuesday", "TIME", "2026-11-17T23:40",
     [("23:40 local time", "TIME", "2026-11-17T23:40"), ("Tuesday", "DATE", "2026-11-17")]),
    ("10:47pm on Monday", "TIME", "2025-10-13T22:47",
     [("10:47pm", "TIME", "2025-10-13T22:47"), ("Monday", "DATE", "2025-10-13")]),
    ("Tuesday at 10 p.m.", "TIME", "2026-11-17T22:00",
     [("Tuesday", "DATE", "2026-11-17"), ("10 p.m.", "TIME", "2026-11-17T22:00")]),
    ("9:45 on Friday morning", "TIME", "2026-11-13T09:45",
     [("9:45", "TIME", "2026-11-13T09:45"), ("Friday morning", "TIME", "2026-11-13TMO")]),
    ("midnight on Wednesday", "TIME", "2026-11-18T00:00",
     [("midnight", "TIME", "2026-11-18T00:00"), ("Wednesday", "DATE", "2026-11-18")]),
    ("9:15 pm on Friday, 3 October", "TIME", "2025-10-03T21:15",
     [("9:15 pm", "TIME", "2025-10-03T21:15"), ("Friday, 3 October", "DATE", "2025-10-03")]),
    # without "on" or "at" the clock and its day are one TIMEX3 (TempEval-3: "15:00 GMT Saturday")
    ("15:00 GMT Saturday", "TIME", "2013-03-23T15:00", [("15:00 GMT Saturday", "TIME", "2013-03-23T15:00")]),
    ("11:40 p.m. Tuesday", "TIME", "2026-11-17T23:40", [("11:40 p.m. Tuesday", "TIME", "2026-11-17T23:40")]),
    # a part of the day with its day is one
    ("Tuesday night", "TIME", "2026-11-17TNI", [("Tuesday night", "TIME", "2026-11-17TNI")]),
]


@pytest.mark.parametrize("text, kind, value, expected", PARTS)
def test_a_clock_and_its_day_are_two_timex3s(text, kind, value, expected):
    parts = timeml_parts(TimexSpan(100, 100 + len(text), text, kind, value))
    assert [(p.text, p.type, p.value) for p in parts] == expected
    assert all(text[p.start - 100:p.end - 100] == p.text for p in parts)


PUBLISHED = [
    ("The Prairie Courier, English edition \u00b7 18 November 2026\n\nRIVERTON \u2014 Police said.\n", "2026-11-18"),
    ("Valley Herald \u00b7 3 May 2024\n\nText.\n", "2024-05-03"),
    ("Valley Herald \u2022 May 3, 2024\n\nText.\n", "2024-05-03"),
    ("The Courier, International Edition, 3 May 2024\n\nText.\n", "2024-05-03"),
    # a sentence is not a date line
    ("Readers of the English edition saw the story on 3 May 2024 and wrote in to complain about it.\n", None),
]


@pytest.mark.parametrize("text, expected", PUBLISHED)
def test_a_date_line_with_an_edition_label(text, expected):
    assert published_date(text).value == expected


MODEL = [
    # with the parse: the adjective is found by its noun, the tense by its verb
    ("The death toll from the derailment of an overnight passenger train rose to 9 on Wednesday.", WED,
     [("Wednesday", "2026-11-18")]),
    ("Temperatures at the site fell to minus 12 degrees overnight.", WED, [("overnight", "2026-11-17TNI")]),
    ("The damaged carriages will be lifted by crane overnight.", WED, [("overnight", "2026-11-18TNI")]),
    # the day of a saying dates the report, not the story the clock belongs to
    ("Eight people died in a crush at a concert on Saturday night, officials said on Sunday.\n\n"
     "A surge knocked people down at around 9:40 p.m., witnesses said.", "2026-10-25",
     [("Saturday night", "2026-10-24TNI"), ("Sunday", "2026-10-25"), ("around 9:40 p.m.", "2026-10-24T21:40")]),
    ("The train derailed at 23:40 local time on Tuesday, officials said.", WED,
     [("23:40 local time on Tuesday", "2026-11-17T23:40")]),
]


@pytest.mark.model
@pytest.mark.parametrize("sentence, anchor, expected", MODEL)
def test_nights_and_clocks_with_the_parse(nlp, sentence, anchor, expected):
    got = [(t.text, t.value) for t in temporal_expressions(nlp(sentence), anchor)]
    assert got == expected


DECLARED = [
    # (sentence, anchor, the day's text, its value): a day declared an observance lies ahead
    # of the declaring (2026-11-14 is a Saturday); an apposition is no declaration
    ("The governor declared Monday a day of mourning in the region.", "2026-11-14", "Monday", "2026-11-16"),
    ("The minister made Friday a public holiday.", WED, "Friday", "2026-11-20"),
    ("He was killed on Monday, a day of protests.", WED, "Monday", "2026-11-16"),
    ("The council met Monday to plan the vote.", WED, "Monday", "2026-11-16"),
]


@pytest.mark.model
@pytest.mark.parametrize("sentence, anchor, day, expected", DECLARED)
def test_a_day_declared_an_observance_lies_ahead(nlp, sentence, anchor, day, expected):
    got = {t.text: t.value for t in temporal_expressions(nlp(sentence), anchor)}
    assert got[day] == expected
