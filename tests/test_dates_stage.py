"""The dates stage: spans found by NER and by rule, trimmed to TimeML extents, normalized.

Stage tests run on `spacy.blank("en")` with hand-set entities; the seed test at the end
uses the real pipeline and is marked `model`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Span

from factx.records import Article, TimexSpan
from factx.stages.dates import dates_component, detect, temporal_expressions, timeml_parts

TUE = "2019-10-08"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def make(nlp, text, ents=()):
    """A Doc with the given (text of entity, label) entities set by hand."""
    doc = nlp(text)
    spans = []
    for words, label in ents:
        start = text.index(words)
        spans.append(doc.char_span(start, start + len(words), label=label))
    doc.ents = [s for s in spans if isinstance(s, Span)]
    return doc


def found(doc, anchor):
    return [(t.text, t.type, t.value) for t in temporal_expressions(doc, anchor)]


@pytest.mark.parametrize("text, ents, anchor, expected", [
    # rules find what NER misses
    ("He was killed on Tuesday.", (), TUE, [("Tuesday", "DATE", "2019-10-08")]),
    ("Prices are currently high.", (), TUE, [("currently", "DATE", "PRESENT_REF")]),
    ("The fee is paid annually.", (), TUE, [("annually", "SET", "P1Y")]),
    ("The talks took weeks.", (), TUE, [("weeks", "DURATION", "PXW")]),
    ("He ran it in 3:07:35 last year.", (), TUE,
     [("3:07:35", "DURATION", "PT3H7M35S"), ("last year", "DATE", "2018")]),
    # NER spans are trimmed to TimeML extents
    ("The raid was on Tuesday.", (("on Tuesday", "DATE"),), TUE, [("Tuesday", "DATE", "2019-10-08")]),
    ("It grew over the past two years.", (("over the past two years", "DATE"),), TUE,
     [("the past two years", "DURATION", "P2Y")]),
    ("He returned two days later.", (("two days later", "DATE"),), TUE,
     [("two days", "DURATION", "P2D")]),
    ("During the Sept. 23, 2019 raid, six died.", (("the Sept. 23, 2019", "DATE"),), TUE,
     [("Sept. 23, 2019", "DATE", "2019-09-23")]),
    ("They were killed the night of Sept. 22 in the raid.", (("the night of Sept. 22", "TIME"),), TUE,
     [("the night of Sept. 22", "TIME", "2019-09-22TNI")]),
    # ranges are one interval (facts keep it; `factx dates` writes two TIMEX3s)
    ("He led the group from 2001 to 2003.", (), TUE, [("2001 to 2003", "DATE", "2001/2003")]),
    ("Talks ran Sept. 22-23 in Doha.", (), TUE, [("Sept. 22-23", "DATE", "2019-09-22/2019-09-23")]),
    ("It rained between March and May 2019.", (), TUE, [("between March and May 2019", "DATE", "2019-03/2019-05")]),
    # what is not a date
    ("His 22-year-old son drove.", (("22-year-old", "DATE"),), TUE, []),
    ("Children 6 months and older get it.", (), TUE, []),
    ("They may leave, as the now-frozen talks show.", (), TUE, []),
    ("It comes before the start of British Summer Time.", (), TUE, []),
    ("Troops march on the capital.", (), TUE, []),
    ("He appeared on Fox News Sunday before Super Tuesday.", (("Sunday", "DATE"),), TUE, []),
    ("Summer Smith watched the Winter Olympics in the Arab Spring.", (), TUE, []),
    ("They will meet Monday through Wednesday.", (), "2019-10-09",
     [("Monday through Wednesday", "DATE", "2019-10-14/2019-10-16")]),
    ("The 9/11 Commission met.", (), TUE, [("9/11", "DATE", "2001-09-11")]),
    # in context: anniversaries, chains, the missing year
    ("Those who carried out the Sept. 11 attacks 18 years ago.", (("Sept. 11", "DATE"),), TUE,
     [("Sept. 11", "DATE", "2001-09-11"), ("18 years ago", "DATE", "2001")]),
    ("He arrived on Sept. 22, 2018. He left the next day.",
     (("Sept. 22, 2018", "DATE"), ("the next day", "DATE")), TUE,
     [("Sept. 22, 2018", "DATE", "2018-09-22"), ("the next day", "DATE", "2018-09-23")]),
    ("In May 2011, and in April of that year.", (("May 2011", "DATE"),), TUE,
     [("May 2011", "DATE", "2011-05"), ("April of that year", "DATE", "2011-04")]),
    ("The women were freed on Sept. 2.", (("Sept. 2", "DATE"),), None, [("Sept. 2", "DATE", "XXXX-09-02")]),
    ("He was killed last fall.", (), None, [("last fall", "DATE", "XXXX-FA")]),
])
def test_temporal_expressions(blank, text, ents, anchor, expected):
    assert found(make(blank, text, ents), anchor) == expected


# Issue 14: expressions the rules were not written for, found in text (no parse).
ISSUE_14_DETECTION = [
    ("Over the last twenty four hours it rained.", TUE, [("the last twenty four hours", "DURATION", "PT24H")]),
    ("The flight took 5 1/2 hours.", TUE, [("5 1/2 hours", "DURATION", "PT5H30M")]),
    ("He served 2 1/2 years in jail.", TUE, [("2 1/2 years", "DURATION", "P2Y6M")]),
    ("He will stay for at least 20 more years.", TUE, [("at least 20 more years", "DURATION", "P20Y")]),
    ("The city has stood for 4,000 years.", TUE, [("4,000 years", "DURATION", "P4000Y")]),
    ("It took one hundred and fifty years.", TUE, [("one hundred and fifty years", "DURATION", "P150Y")]),
    ("Music of the '80s came back.", "1998-10-25", [("'80s", "DATE", "198X")]),
    ("He grew up in the sixties.", TUE, [("the sixties", "DATE", "196X")]),
    ("Third-quarter profit fell.", "1998-10-25", [("Third-quarter", "DATE", "1998-Q3")]),
    ("Sales for the quarter rose.", "1998-10-25", [("the quarter", "DATE", "1998-Q4")]),
    ("Earnings for the year fell.", "1998-10-25", [("the year", "DATE", "1998")]),
    ("The year before, it rained.", "1998-10-25", []),
    ("Prices rose in the week of March 6.", "2000-04-17", [("the week of March 6", "DATE", "2000-W10")]),
    ("They prayed as Easter week began.", "2000-04-17", [("Easter week", "DATE", "2000-W16")]),
    ("He died on Thanksgiving Day.", "2000-01-07", [("Thanksgiving Day", "DATE", "1999-11-25")]),
    ("He recently said so.", TUE, [("recently", "DATE", "PAST_REF")]),
    ("He previously worked there.", TUE, [("previously", "DATE", "PAST_REF")]),
    ("He will soon leave.", TUE, [("soon", "DATE", "FUTURE_REF")]),
    ("Call as soon as you can; he left soon after the raid.", TUE, []),
    ("In recent days the talks stalled.", TUE, [("recent days", "DATE", "PAST_REF")]),
    ("In the coming months it will grow.", TUE, [("coming months", "DATE", "FUTURE_REF")]),
    ("The blast came yesterday at 04.30pm.", "2020-08-09",
     [("yesterday", "DATE", "2020-08-08"), ("04.30pm", "TIME", "2020-08-08T16:30")]),
    # a stated weekday fixes the year
    ("The Times said in an editorial on Monday, Oct. 26: the murder.", "1999-10-20",
     [("Monday, Oct. 26", "DATE", "1998-10-26")]),
    # a weekday beside a name is a date, unless a listed word makes it a name
    ("President Bill Clinton Saturday vowed to act.", "1998-08-08", [("Saturday", "DATE", "1998-08-08")]),
    ("Bombs exploded in Kenya and Tanzania Friday, killing 81.", "1998-08-08", [("Friday", "DATE", "1998-08-07")]),
    ("He told the Sunday Times about Black Friday sales.", TUE, []),
    # titles are not durations or times
    ("He said so on CBS's 60 Minutes.", TUE, []),
    ("It took 60 minutes.", TUE, [("60 minutes", "DURATION", "PT60M")]),
    ("In 1994, 1995 and 1997 he was shot at.", TUE,
     [("1994", "DATE", "1994"), ("1995", "DATE", "1995"), ("1997", "DATE", "1997")]),
    ("He was shot last Oct. 23 at home.", "1999-04-19", [("Oct. 23", "DATE", "1998-10-23")]),
    # "the day after": the extent is "the day", the value counts the signal
    ("He died on Oct. 23, 1998. Two men came the day after his death.", "1998-11-21",
     [("Oct. 23, 1998", "DATE", "1998-10-23"), ("the day", "DATE", "1998-10-24")]),
    ("Two days later he left.", "1998-11-21", [("Two days", "DURATION", "P2D")]),
    ("The ship was in international waters at the time.", TUE, [("at the time", "DATE", "PAST_REF")]),
    ("It happened in the past.", TUE, [("the past", "DATE", "PAST_REF")]),
    ("The merger should be completed by year-end.", "1989-10-26", [("year-end", "DATE", "1989")]),
    ("Year-ended results and the year-ending audit.", "1989-10-26", []),
    ("Third-quarter profit rose from the year-earlier period.", "1998-10-25",
     [("Third-quarter", "DATE", "1998-Q3"), ("the year-earlier period", "DATE", "1997-Q3")]),
    ("Voters go to the polls on Election Day.", "1998-10-25", [("Election Day", "DATE", "1998-11-03")]),
    ("The blast came at 4 in the morning.", "2000-04-06", [("4 in the morning", "TIME", "2000-04-06T04:00")]),
    ("He left at 10 o'clock at night.", "2000-04-06", [("10 o'clock at night", "TIME", "2000-04-06T22:00")]),
    ("The convoy departs at 5 in the morning on Friday.", "2000-04-06",
     [("5 in the morning on Friday", "TIME", "2000-04-07T05:00")]),
    ("The convoy departed at 5 in the morning. It was Friday.", "2000-04-06",
     [("5 in the morning", "TIME", "2000-04-06T05:00"), ("Friday", "DATE", "2000-03-31")]),
    ("In 1994 the war ended. The following spring, elections were held. That summer, it rained.", TUE,
     [("1994", "DATE", "1994"), ("The following spring", "DATE", "1995-SP"), ("That summer", "DATE", "1995-SU")]),
    # a day of the month named alone
    ("It ended on the 28th, officials said.", "1998-03-04", [("the 28th", "DATE", "1998-02-28")]),
    ("He lives on the 15th floor.", "1998-03-04", []),
    # a quarter of a century or an hour is a duration, not a fiscal quarter
    ("It was his first visit in a quarter century.", TUE, [("a quarter century", "DURATION", "P25Y")]),
    ("They waited three-quarters of an hour.", TUE, [("three-quarters of an hour", "DURATION", "PT45M")]),
    # frequencies are one SET, not a duration
    ("The board meets twice a year.", TUE, [("twice a year", "SET", "P1Y")]),
    ("Inspectors come once a month and three times a week in May.", "1998-03-02",
     [("once a month", "SET", "P1M"), ("three times a week", "SET", "P1W"), ("May", "DATE", "1998-05")]),
    ("IST: 0915 HRS, JUN 3, 2018", "2018-06-03",
     [("0915 HRS", "TIME", "2018-06-03T09:15"), ("JUN 3, 2018", "DATE", "2018-06-03")]),
]


@pytest.mark.parametrize("text, anchor, expected", ISSUE_14_DETECTION)
def test_issue_14_expressions(blank, text, anchor, expected):
    assert found(make(blank, text), anchor) == expected


# Issue 14, wave 2: times of day take the day their sentence names; dates of a page's
# date line; one expression for "August last year"; the early hours; Islamic dates.
WAVE_2 = [
    # a bare clock takes its sentence's day, never an anniversary named above it
    ("The Sept. 11, 2001, attacks killed thousands. Officials said he was killed at 6:18 a.m. "
     "(0148 GMT) on Sunday morning.", "2022-08-02",
     [("Sept. 11, 2001", "DATE", "2001-09-11"), ("6:18 a.m.", "TIME", "2022-07-31T06:18"),
      ("0148 GMT", "TIME", "2022-07-31T01:48"), ("Sunday morning", "TIME", "2022-07-31TMO")]),
    # without a day in its sentence: the article's day
    ("He died on Sept. 11, 2001. The strike came at 6:18 a.m., officials said.", "2022-08-02",
     [("Sept. 11, 2001", "DATE", "2001-09-11"), ("6:18 a.m.", "TIME", "2022-08-02T06:18")]),
    ("The bank opened at 9 a.m. The blast was on May 1, 2010.", "2011-05-02",
     [("9 a.m.", "TIME", "2011-05-02T09:00"), ("May 1, 2010", "DATE", "2010-05-01")]),
    # a year in the sentence that is not the article's: the day is unknown within it
    ("In 2001, at 8:46 a.m., a plane hit the tower.", "2022-08-02",
     [("2001", "DATE", "2001"), ("8:46 a.m.", "TIME", "2001-XX-XXT08:46")]),
    ("Earlier this year, at 8 a.m., a plane landed.", "2022-08-02",
     [("Earlier this year", "DATE", "2022"), ("8 a.m.", "TIME", "2022-08-02T08:00")]),
    # a clock converting a clock is the same instant; a weekday restated by a date is it
    ("It took place around 6pm local time (11pm, Singapore time) on Tuesday (Aug 4), officials said.", None,
     [("6pm local time", "TIME", "XXXX-08-04T18:00"), ("11pm", "TIME", "XXXX-08-04T23:00"),
      ("Tuesday", "DATE", "XXXX-08-04"), ("Aug 4", "DATE", "XXXX-08-04")]),
    ("It took place around 10pm local time (3am, Singapore time) on Tuesday (Aug 4).", "2020-08-06",
     [("10pm local time", "TIME", "2020-08-04T22:00"), ("3am", "TIME", "2020-08-05T03:00"),
      ("Tuesday", "DATE", "2020-08-04"), ("Aug 4", "DATE", "2020-08-04")]),
    ("The polls closed at 11 p.m. EDT Tuesday (0300 GMT).", "2020-11-04",
     [("11 p.m. EDT Tuesday", "TIME", "2020-11-03T23:00"), ("0300 GMT", "TIME", "2020-11-04T03:00")]),
    ("The strike, which occurred at 9:38 p.m. ET Saturday night, was the first.", "2022-08-01",
     [("9:38 p.m. ET Saturday night", "TIME", "2022-07-30T21:38")]),
    # a month beside a relative year is one date
    ("The group took over the country in August last year.", "2022-08-02",
     [("August last year", "DATE", "2021-08")]),
    # the early hours: the day the sentence names, from its start
    ("Pakistan on Monday confirmed the death in the early hours at Abbottabad.", "2011-05-03",
     [("Monday", "DATE", "2011-05-02"), ("the early hours", "DATE", "2011-05-02")]),
    ("A helicopter was shot down in the early hours of Monday near the town.", "2011-05-02",
     [("the early hours of Monday", "DATE", "2011-05-02")]),
    ("The fire spread overnight.", "2011-05-02", [("overnight", "TIME", "2011-05-02TNI")]),
    # Islamic calendar dates beside their Gregorian date
    ("Islamabad, Jumada I 28, 1432, May 2, 2011, SPA -- Pakistan spoke.", "2011-05-02",
     [("Jumada I 28, 1432", "DATE", "2011-05-02"), ("May 2, 2011", "DATE", "2011-05-02")]),
    ("Eid falls on 10 Dhu al-Hijjah 1440 AH this year.", "2019-08-01",
     [("10 Dhu al-Hijjah 1440 AH", "DATE", "2019-08-11"), ("this year", "DATE", "2019")]),
    # ages are not reported by default (TimeML's keys never mark them)
    ("A 29-year-old pilot, aged 29, flew.", "2019-03-10", []),
    # a clock outside the page's date line may be a score
    ("The score was 10:51 at half time.", "2019-03-10", []),
]


@pytest.mark.parametrize("text, anchor, expected", WAVE_2)
def test_wave_2_expressions(blank, text, anchor, expected):
    assert found(make(blank, text), anchor) == expected


@pytest.mark.parametrize("text, ages, expected", [
    ("A 29-year-old pilot, aged 29, flew.", True,
     [("29-year-old", "DURATION", "P29Y"), ("aged 29", "DURATION", "P29Y")]),
    ("The boy, six years old, and his 22-month-old sister were found.", True,
     [("six years old", "DURATION", "P6Y"), ("22-month-old", "DURATION", "P22M")]),
    ("Children 6 months and older get it.", True, []),
    ("A 29-year-old pilot flew.", False, []),
])
def test_ages_when_asked(blank, text, ages, expected):
    doc = make(blank, text)
    assert [(t.text, t.type, t.value) for t in temporal_expressions(doc, "2019-03-10", ages=ages)] == expected


@pytest.mark.parametrize("text, line, anchor, expected", [
    ("Beirut blast\nPublished: 08.30.20 , 10:51\nThe army said on Saturday.", "Published: 08.30.20 , 10:51",
     "2020-08-30", [("08.30.20", "2020-08-30"), ("10:51", "2020-08-30T10:51"), ("Saturday", "2020-08-29")]),
    ("Tue 04th August 2020 | 09:40 PM\nThe minister said on Tuesday.", "Tue 04th August 2020 | 09:40 PM",
     "2020-08-04", [("04th August 2020", "2020-08-04"), ("09:40 PM", "2020-08-04T21:40"),
                    ("Tuesday", "2020-08-04")]),
    # the order of day and month the date line was read with (a day-first page)
    ("News\n03/02/2021 14:05\nIt rained.", "03/02/2021 14:05", "2021-02-03",
     [("03/02/2021", "2021-02-03"), ("14:05", "2021-02-03T14:05")]),
    # without the date line, the same text: no bare clock, the slashed date month first
    ("News\n03/02/2021 14:05\nIt rained.", None, "2021-02-03", [("03/02/2021", "2021-03-02")]),
])
def test_the_date_line_gives_its_dates(blank, text, line, anchor, expected):
    date_line = (text.index(line), text.index(line) + len(line)) if line else None
    got = temporal_expressions(make(blank, text), anchor, date_line=date_line)
    assert [(t.text, t.value) for t in got] == expected


def test_the_component_reads_the_date_line(blank):
    text = "Beirut blast\nPublished: 08.30.20 , 10:51\nIt rained."
    doc = make(blank, text)
    start = text.index("Published")
    doc._.article = Article(path="a.txt", text=text, published="2020-08-30", date_line=(start, start + 27))
    assert [(t.text, t.value) for t in dates_component(doc)._.dates] == [
        ("08.30.20", "2020-08-30"), ("10:51", "2020-08-30T10:51")]


@pytest.mark.parametrize("span, expected", [
    (TimexSpan(10, 31, "between 1985 and 1987", "DATE", "1985/1987"),
     [(18, 22, "1985", "1985"), (27, 31, "1987", "1987")]),
    (TimexSpan(0, 12, "from 2001 to 2003"[5:], "DATE", "2001/2003"),
     [(0, 4, "2001", "2001"), (8, 12, "2003", "2003")]),
    (TimexSpan(0, 11, "Sept. 22-23", "DATE", "2019-09-22/2019-09-23"),
     [(0, 8, "Sept. 22", "2019-09-22"), (9, 11, "23", "2019-09-23")]),
    (TimexSpan(0, 7, "1957-58", "DATE", "1957/1958"), [(0, 4, "1957", "1957"), (5, 7, "58", "1958")]),
    (TimexSpan(0, 24, "Monday through Wednesday", "DATE", "2019-10-14/2019-10-16"),
     [(0, 6, "Monday", "2019-10-14"), (15, 24, "Wednesday", "2019-10-16")]),
    (TimexSpan(0, 26, "between March and May 2019", "DATE", "2019-03/2019-05"),
     [(8, 13, "March", "2019-03"), (18, 26, "May 2019", "2019-05")]),
    # not ranges: themselves
    (TimexSpan(0, 8, "Sept. 23", "DATE", "2019-09-23"), [(0, 8, "Sept. 23", "2019-09-23")]),
    (TimexSpan(0, 7, "2 years", "DURATION", "P2Y"), [(0, 7, "2 years", "P2Y")]),
])
def test_a_range_is_two_timex3(span, expected):
    assert [(p.start, p.end, p.text, p.value) for p in timeml_parts(span)] == expected


def test_an_embedded_post_speaks_from_its_own_date(blank):
    text = ("The ministry posted a message.\n\nThe blast yesterday at 4.30pm shook the port. "
            "pic.twitter.com/abc\n\u2014 Ministry (@ministry) August 9, 2020\n\nIt was deleted yesterday.")
    assert found(make(blank, text), "2020-08-11") == [
        ("yesterday", "DATE", "2020-08-08"), ("4.30pm", "TIME", "2020-08-08T16:30"),
        ("August 9, 2020", "DATE", "2020-08-09"), ("yesterday", "DATE", "2020-08-10")]


def test_offsets_point_into_the_text(blank):
    text = "KABUL — The agency said on Tuesday that the raid was last month."
    for span in temporal_expressions(make(blank, text), TUE):
        assert isinstance(span, TimexSpan)
        assert text[span.start:span.end] == span.text


@pytest.mark.parametrize("text, expected", [
    ("Prices are currently high.", [(11, 20, "present-past-future")]),
    ("It rained every morning.", [(10, 23, "frequency")]),
    ("Nothing here.", []),
])
def test_detect(text, expected):
    assert detect(text) == expected


def test_component_reads_the_article_date(blank):
    doc = make(blank, "The statement was released Tuesday.")
    doc._.article = Article(path="a.txt", text=doc.text, published=TUE)
    assert [(t.text, t.value) for t in dates_component(doc)._.dates] == [("Tuesday", "2019-10-08")]
    doc._.article = None
    assert [(t.text, t.value) for t in dates_component(doc)._.dates] == [("Tuesday", "XXXX-WXX-2")]


SEED_DATES = [
    ("000_40d82d5786b2edf6.txt", "2019-10-08", [
        ("last month", "2019-09"), ("Tuesday", "2019-10-08"), ("Sept. 23", "2019-09-23"),
        ("2014", "2014"), ("Sept. 11", "2001-09-11"), ("18 years ago", "2001"),
        ("the end of September", "2019-09")]),
    ("001_27aace103a48bbe9.txt", None, [
        ("Tuesday", "XXXX-WXX-2"), ("Sept. 23", "XXXX-09-23"), ("May 2011", "2011-05"),
        ("18 years", "P18Y"), ("the night of Sept. 22", "XXXX-09-22TNI")]),
    ("002_67cfbf01876fe2fd.txt", "2019-10-08", [
        ("Tuesday", "2019-10-08"), ("last month", "2019-09"), ("September 2014", "2014-09")]),
    ("003_96f76c6442842153.txt", None, [
        ("last fall", "XXXX-FA"), ("Sept. 2", "XXXX-09-02"), ("Sept. 23, 2019", "2019-09-23")]),
    ("004_934d3da278364695.txt", None, [("Tuesday", "XXXX-WXX-2"), ("September 23", "XXXX-09-23")]),
]


@pytest.mark.model
@pytest.mark.parametrize("name, anchor, expected", SEED_DATES)
def test_seed_dates(nlp, name, anchor, expected):
    doc = nlp((SEEDS / name).read_text(encoding="utf-8"))
    got = [(t.text, t.value) for t in temporal_expressions(doc, anchor)]
    for pair in expected:
        assert pair in got


# The governing verb, read from the real parse (issue 14): its own tense may move a
# date, never another word of the sentence.
GOVERNED = [
    ("1998-11-03", "The dividend, which was reduced, is payable Jan. 2 to holders of record.",
     ("Jan. 2", "1999-01-02")),
    ("2000-01-07", "He subpoenaed the boy to testify before the committee on Feb. 10.", ("Feb. 10", "2000-02-10")),
    ("2000-01-06", "The grandparents could be found Wednesday in their hometown.", ("Wednesday", "2000-01-05")),
    ("2000-01-06", "The stock rose on Friday to close at $5.", ("Friday", "1999-12-31")),
    ("2019-10-08", "The council will meet on Friday.", ("Friday", "2019-10-11")),
    ("2000-01-05", "Meissner gave no reason for the Jan. 14 deadline.", ("Jan. 14", "2000-01-14")),
    ("2000-04-03", "The agency extended its deadline until 9 a.m. Tuesday.", ("9 a.m. Tuesday", "2000-04-04T09:00")),
    ("1999-02-10", "The official said the accession was planned for early March.", ("early March", "1999-03")),
    ("1998-10-25", "He was killed on Oct. 30.", ("Oct. 30", "1997-10-30")),
    # a participle after its noun has no tense of its own
    ("1999-10-24", "A memorial service planned for Saturday was canceled.", ("Saturday", "1999-10-23")),
    # a verb in the present puts a weekday ahead; a month goes to the nearer side
    ("1998-03-02", "The vote is expected Thursday.", ("Thursday", "1998-03-05")),
    ("1998-03-02", "The team lost Saturday and plays again Wednesday.", ("Wednesday", "1998-03-04")),
    ("1998-03-02", "The team lost Saturday and plays again Wednesday.", ("Saturday", "1998-02-28")),
    ("1989-10-26", "The company's fiscal year ends in March.", ("March", "1990-03")),
    ("1989-10-26", "The jobless rate is 5.3 percent in September.", ("September", "1989-09")),
    ("1998-03-02", "The minister has left on Thursday for Paris.", ("Thursday", "1998-02-26")),
    # "would" with a plain verb looks ahead from the report; refusing ("would not") does not
    ("1998-03-02", "He said the vote would take place Friday.", ("Friday", "1998-03-06")),
    ("1998-03-04", "A spokesman would not comment Monday on the report.", ("Monday", "1998-03-02")),
    # ... but from the day of the report when it has one, which may be past
    ("1998-03-04", "Officials said Monday the plane would land Tuesday.", ("Tuesday", "1998-03-03")),
    ("1998-03-04", "Officials said Monday the plane would land Tuesday.", ("Monday", "1998-03-02")),
    ("1998-03-04", "The minister said Friday the talks will resume.", ("Friday", "1998-02-27")),
    ("1998-03-04", "Officials said on Monday that the court would rule Tuesday.", ("Tuesday", "1998-03-03")),
    ("1998-03-02", "Officials said the plane would land Tuesday.", ("Tuesday", "1998-03-03")),
    # a bound takes only a future cue: a postponement looks ahead, a past state does not
    ("2000-03-30", "Officials postponed until Tuesday morning any action on the case.",
     ("Tuesday morning", "2000-04-04TMO")),
    ("2000-03-30", "The court adjourned the hearing until Monday.", ("Monday", "2000-04-03")),
    ("2000-03-30", "The curfew lasted until Monday.", ("Monday", "2000-03-27")),
    ("1998-03-04", "The festival runs through Sunday.", ("Sunday", "1998-03-08")),
    ("1998-03-04", "The summit opens on the 15th.", ("the 15th", "1998-03-15")),
    ("1998-03-02", "The rebels gave the government until Friday to respond.", ("Friday", "1998-03-06")),
    ("1998-03-02", "The rebels were given until Friday to leave.", ("Friday", "1998-03-06")),
    # "starting Monday", "beginning Monday": a change that comes
    ("1998-03-04", "Starting Monday, the store will close early.", ("Monday", "1998-03-09")),
    ("1998-03-04", "Beginning Monday, fares rise 10 percent.", ("Monday", "1998-03-09")),
    # a date after "since" is past, whatever the verb's tense
    ("1989-10-26", "Since Friday, the market has recovered.", ("Friday", "1989-10-20")),
    ("1989-10-26", "The market has recovered since Friday.", ("Friday", "1989-10-20")),
    # a clock of a part of the day takes the day of the clock in parentheses beside it
    ("2000-04-06", "The convoy departs at 5 in the morning (5 a.m. GMT Friday), he said.",
     ("5 in the morning", "2000-04-07T05:00")),
    # the tagger finds a clock without a.m./p.m.; the part of the day beside it reads it
    ("1998-03-02", "The vote began at 3:30 this afternoon.", ("3:30 this afternoon", "1998-03-02T15:30")),
]


@pytest.mark.model
@pytest.mark.parametrize("anchor, text, expected", GOVERNED)
def test_the_governing_verb_moves_a_date(nlp, anchor, text, expected):
    assert expected in [(t.text, t.value) for t in temporal_expressions(nlp(text), anchor)]


QUOTED = [
    # a quotation whose attribution is dated speaks from that day
    ("2020-08-11", "In a tweet on Sunday, the minister wrote: \u201cThe explosion yesterday at 04.30pm killed dozens.\u201d",
     [("Sunday", "2020-08-09"), ("yesterday", "2020-08-08"), ("04.30pm", "2020-08-08T16:30")]),
    ("2020-08-11", "\u201cWe were attacked yesterday by the militia,\u201d he said on Sunday. Yesterday the talks resumed.",
     [("yesterday", "2020-08-08"), ("Sunday", "2020-08-09"), ("Yesterday", "2020-08-10")]),
    # a date outside the quotation that is not when it was said does not move it
    ("2020-08-11", "\u201cWe will meet tomorrow with the rebels,\u201d he said, adding that the Sept. 3 meeting was off.",
     [("tomorrow", "2020-08-12"), ("Sept. 3", "2020-09-03")]),
]


@pytest.mark.model
@pytest.mark.parametrize("anchor, text, expected", QUOTED)
def test_quotations_speak_from_their_own_time(nlp, anchor, text, expected):
    assert [(t.text, t.value) for t in temporal_expressions(nlp(text), anchor)] == expected


@pytest.mark.model
def test_dates_command_writes_ranges_as_two_records(tmp_path):
    from factx.dates_command import date_records

    path = tmp_path / "a.txt"
    text = "Abortions declined between 1985 and 1987, the study said.\n"
    path.write_text(text, encoding="utf-8")
    records = [(r.text, r.value, r.start, r.end, r.anchor) for r in date_records([str(path)], published="1998-10-25")]
    first, second = text.index("1985"), text.index("1987")
    assert records == [("1985", "1985", first, first + 4, "1998-10-25"),
                       ("1987", "1987", second, second + 4, "1998-10-25")]


@pytest.mark.model
@pytest.mark.slow
def test_dates_command_splits_long_documents_as_extract_does(tmp_path):
    from factx.dates_command import date_records
    from factx.pipeline import CHUNK_CHARS

    filler = "The committee met and talked about the budget for a long time. " * (CHUNK_CHARS // 60)
    text = filler + "\n\nThe vote was held on Sept. 23, 2019.\n"
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    records = list(date_records([str(path)], published="2019-10-08"))
    start = text.index("Sept. 23, 2019")
    assert [(r.start, r.end, r.value) for r in records] == [(start, start + len("Sept. 23, 2019"), "2019-09-23")]
    assert records[0].line == text[:start].count("\n") + 1


@pytest.mark.model
def test_a_bare_clock_takes_its_parsed_sentences_day(nlp):
    text = ("Zawahiri was accused of helping coordinate the Sept. 11, 2001, attacks on the United States. "
            "U.S. officials said Zawahiri was killed when he came out on the balcony at 6:18 a.m. "
            "(0148 GMT) on Sunday morning and was hit by missiles.")
    got = [(t.text, t.value) for t in temporal_expressions(nlp(text), "2022-08-02")]
    assert ("6:18 a.m.", "2022-07-31T06:18") in got and ("0148 GMT", "2022-07-31T01:48") in got


@pytest.mark.model
def test_dates_command_gives_the_date_line_its_dates(tmp_path):
    from factx.dates_command import date_records

    path = tmp_path / "a.txt"
    text = "Beirut port blast toll rises\nPublished: 08.30.20 , 10:51\n\nThe army said on Saturday that 190 died.\n"
    path.write_text(text, encoding="utf-8")
    records = [(r.text, r.value, r.anchor) for r in date_records([str(path)])]
    assert records[:2] == [("08.30.20", "2020-08-30", "2020-08-30"), ("10:51", "2020-08-30T10:51", "2020-08-30")]
    assert ("Saturday", "2020-08-29", "2020-08-30") in records


TOLD_WEEKDAYS = [
    # "the Tuesday" is one of the days the text tells: the one nearest the last date named
    ("2018-10-11", "The team arrived at the airport on Oct. 2. Twelve of them arrived early on the Tuesday.",
     ("Tuesday", "2018-10-02")),
    ("2018-10-11", "The talks opened on Oct. 2. They broke down on the Friday.", ("Friday", "2018-10-05")),
    # no date named before: the weekday as news reads it
    ("2018-10-11", "He arrived on the Tuesday.", ("Tuesday", "2018-10-09")),
    # "the Thursday vote": a weekday that modifies a noun is not one the text tells
    ("2018-10-11", "Officials met on Oct. 2. The Thursday vote passed.", ("Thursday", "2018-10-11")),
]


@pytest.mark.model
@pytest.mark.parametrize("anchor, text, expected", TOLD_WEEKDAYS)
def test_a_weekday_with_the_is_near_the_last_date_named(nlp, anchor, text, expected):
    assert expected in [(t.text, t.value) for t in temporal_expressions(nlp(text), anchor)]
