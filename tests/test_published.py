"""Publication dates from an article's own date lines: (text -> ISO date or None)."""

from __future__ import annotations

from pathlib import Path

import pytest

from factx.published import find_published, parse_date_value, published_date, published_option

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.mark.parametrize("text, expected", [
    # a line that is only a date, in the forms news pages print
    ("Mujib Mashal contributed reporting.\n\nOct 8, 2019\n\nKABUL — The raid.", "2019-10-08"),
    ("Title\nTuesday, October 8, 2019\nBody text.", "2019-10-08"),
    ("Title\nTue, 08 Oct 2019 10:15:00 +0000\nBody.", "2019-10-08"),           # RFC 2822
    ("Title\n2019-10-08T14:05:00+04:30\nBody.", "2019-10-08"),                 # ISO with offset
    ("Title\n2019-10-08\nBody.", "2019-10-08"),
    ("Title\n08.10.2019 14:05\nBody.", "2019-10-08"),                          # dotted: day first
    ("Title\n10/08/2019 2:05 PM\nBody.", "2019-10-08"),                        # slashed: month first
    ("Title\n23/09/2019 14:05\nBody.", "2019-09-23"),                          # ... unless it cannot be
    ("Title\nOctober 8, 2019 10:15 AM ET\nBody.", "2019-10-08"),
    # labelled lines, published before updated
    ("Updated 08 October 2019\nFollow\nBody.", "2019-10-08"),
    ("Published: Tuesday, October 8, 2019 10:15 AM ET\nBody.", "2019-10-08"),
    ("Last updated: 9 October 2019 | 10:15 GMT\nPublished: 8 October 2019\nBody.", "2019-10-08"),
    ("Posted 10/08/2019 14:05 BST\nBody.", "2019-08-10"),                      # British page: day first
    ("Body first.\n\nPosted on October 8, 2019 by Staff", "2019-10-08"),
    ('{"datePublished": "2019-10-08T09:15:00Z", "headline": "x"}\nBody.', "2019-10-08"),
    ('<meta property="article:published_time" content="2019-10-08T09:15:00+00:00">', "2019-10-08"),
    ("Tue 8 Oct 2019 08.21 BST\nBody.", "2019-10-08"),                        # dotted time
    ("Title\nOctober 8, 2019 / 10:15 AM / Updated 2 hours ago\nBody.", "2019-10-08"),
    ("Title\n10/08/2019 14:05\nRead more at www.example.co.uk", "2019-08-10"),  # .co.uk: day first
    # datelines without a year: completed only when the document fixes the year
    ("KABUL, Oct. 8 (Reuters) - The agency said.\n\n© 2019 Reuters", "2019-10-08"),
    ("WASHINGTON, March 3 — A statement of Feb. 27, 2020, said so.", "2020-03-03"),
    ("WASHINGTON, March 3 — Officials said nothing.", None),
    # a date inside a sentence is not the publication date
    ("The raid happened on Oct. 8, 2019 in the south of the country and many people died.", None),
    ("No date here at all.", None),
    ("", None),
])
def test_find_published(text, expected):
    assert find_published(text) == expected


@pytest.mark.parametrize("name, expected", [
    ("000_40d82d5786b2edf6.txt", "2019-10-08"),   # "Oct 8, 2019" line
    ("001_27aace103a48bbe9.txt", None),           # no date line
    ("002_67cfbf01876fe2fd.txt", "2019-10-08"),   # "Updated 08 October 2019"
    ("003_96f76c6442842153.txt", None),           # only dates of events in the text
    ("004_934d3da278364695.txt", None),
])
def test_seed_publication_dates(name, expected):
    assert find_published((SEEDS / name).read_text(encoding="utf-8")) == expected


# --- the forms real pages carry (issue #13): (text, date, how) ------------------------------

@pytest.mark.parametrize("text, expected, how", [
    # clock and zone labels beside the date
    ("Army chief visits posts\nIST: 0915 HRS, JUN 3, 2018\nNEW DELHI: Body.", "2018-06-03", "date line"),
    ("Title\n3 June 2018 0915 hrs PKT\nBody.", "2018-06-03", "date line"),
    ("Title\nJune 3, 2018 9:15 a.m. local time\nBody.", "2018-06-03", "date line"),
    ("Title\nPublished 10:32 GMT, 22 May 2016\nBody.", "2016-05-22", "date line"),
    ("Title\nMay 22, 2016 | 4:30 PM\nBody.", "2016-05-22", "date line"),
    ("Title\n22.05.2016\nBody.", "2016-05-22", "date line"),
    ("Title\nReuters |\nPublished: 08.30.20 , 10:51\nBody.", "2020-08-30", "date line"),
    ("Title\n08.30.20 | 10:51\nBody.", "2020-08-30", "date line"),
    ("Title\nLast Updated: Sun, 22 May 2016\nBody.", "2016-05-22", "date line"),
    ("Title\n2016-05-22T10:32:00+05:30\nBody.", "2016-05-22", "date line"),
    ("Title\n2016-05-22T23:50:00-07:00\nBody.", "2016-05-22", "date line"),   # the date as written, not UTC
    ("Title\nPublish Date : 02 August 2022 - 22:04\nBody.", "2022-08-02", "date line"),
    ("Title\nWednesday 13th March 2019 19:00 GMT\nBody.", "2019-03-13", "date line"),
    # datelines carrying a full date
    ("Title\n\nMay 3, 2011 -- The man was not armed, officials said.", "2011-05-03", "dateline"),
    ("Title\n\nIslamabad, Jumada I 28, 1432, May 2, 2011, SPA -- Pakistan said.", "2011-05-02", "dateline"),
    ("Title\n\nOn May 2, 2011 - the raid began, officials said.", None, None),     # a sentence, not a dateline
    # year-less datelines: the year from a close full date of the text
    ("LAGOS, Oct 2 \u2014 The ferry sank. A report of Sept. 30, 2019 warned of it.", "2019-10-02",
     "dateline, year from the text"),
    ("BEIRUT, Jan. 3 (Reuters) - The report of Dec. 30, 2019 said so.", "2020-01-03",
     "dateline, year from the text"),
    ("WASHINGTON, May 2 \u2014 The Sept. 11, 2001 attacks were planned there.", None, "dateline without year"),
    ("BEIRUT, Aug. 5 (Reuters) - A blast.", None, "dateline without year"),
])
def test_published_forms(text, expected, how):
    found = published_date(text)
    assert (found.value, found.how) == (expected, how)


def test_a_dateline_without_year_keeps_month_and_day():
    found = published_date("BEIRUT, Aug. 5 (Reuters) - A blast shook the port.")
    assert found.value is None and found.partial == "XXXX-08-05"
    assert found.source == "BEIRUT, Aug. 5 (Reuters)"


def test_the_date_line_span_points_into_the_text():
    text = "Headline\n\nIST: 0915 HRS, JUN 3, 2018\n\nNEW DELHI: Body."
    start, end = published_date(text).span
    assert text[start:end] == "IST: 0915 HRS, JUN 3, 2018"


@pytest.mark.parametrize("line, expected", [
    ("Sunday, March 9, 2031 | 07:45 GMT+7", "2031-03-09"),
    ("Monday, June 2, 2031 | 09:10 GMT+8", "2031-06-02"),
    ("June 2, 2031 9:12 AM GMT-5", "2031-06-02"),
    ("June 2, 2031 09:10 UTC+05:30", "2031-06-02"),
    ("June 2, 2031 09:10 GMT +7", "2031-06-02"),
])
def test_a_date_line_with_a_utc_offset(line, expected):
    assert find_published(f"Title\n\n{line}\n\nRescuers searched the town on Friday.") == expected


@pytest.mark.parametrize("text, expected", [
    # day or month first from the page's other numeric dates
    ("Title\n03/02/2021\nA notice of 23/02/2021 said so.", "2021-02-03"),
    ("Title\n03/02/2021\nA notice of 02/23/2021 said so.", "2021-03-02"),
    # ... from the order of its written dates
    ("Title\n03/02/2021\nOn 23 February the x. On 1 March y.", "2021-02-03"),
    ("Title\n03/02/2021\nOn February 23 the x. On March 1 y.", "2021-03-02"),
    # ... from the date itself written in words, before the order of other written dates
    ("Title\n11/04/2031 - 08:15\nOn the morning of April 11, a fire hit the depot.", "2031-04-11"),
    ("Title\n11/04/2031 - 08:15\nOn April 11 a fire hit the depot. On June 2 it reopened.", "2031-04-11"),
    ("Title\n04/11/2031\nA fire hit the depot on April 11.", "2031-04-11"),
    ("Title\n04/11/2031\nA fire hit the depot on 4 November. On 1 May it opened.", "2031-11-04"),
    # ... from its locale
    ("Title\n03/02/2021 10:15 BST\nBody.", "2021-02-03"),
    ("Title\n03/02/2021\nBody.", "2021-03-02"),              # nothing tells: slashed month first
    ("Title\n03.02.2021\nBody.", "2021-02-03"),              # nothing tells: dotted day first
    ("Title\n03.02.21\nBody. Posted 08.30.20.", "2021-03-02"),  # the page writes month first
])
def test_day_or_month_first(text, expected):
    assert find_published(text) == expected


@pytest.mark.parametrize("hint, expected", [(True, "2021-02-03"), (False, "2021-03-02"), (None, "2021-03-02")])
def test_day_first_hint_from_the_page_locale(hint, expected):
    assert published_date("Title\n03/02/2021\nBody.", day_first_hint=hint).value == expected


@pytest.mark.parametrize("value, expected, problem", [
    ("2019-10-08", "2019-10-08", None),
    ("2019-10-08T09:15:00Z", "2019-10-08", None),
    ("2019-10-08T23:15:00-05:00", "2019-10-08", None),
    ("Tue, 08 Oct 2019 06:00:00 GMT", "2019-10-08", None),      # RFC 2822
    ("Tue, 8 Oct 2019 06:00:00 +0430", "2019-10-08", None),
    ("October 8, 2019", "2019-10-08", None),
    ("8 October 2019 10:15 BST", "2019-10-08", None),
    ("08.10.2019", "2019-10-08", None),
    ("08.30.20", "2020-08-30", None),
    ("8 octobre 2019", "2019-10-08", None),                     # dateparser: other languages
    ("2019-02-30", None, "not a calendar date"),                 # impossible dates
    ("2019-10-32T08:00:00+00:00", None, "not a calendar date"),
    ("Feb 30, 2019", None, "not a calendar date"),
    ("31/31/2019", None, "not a calendar date"),
    ("yesterday", None, "not a date"),                           # relative: never a publication date
    ("2 days ago", None, "not a date factx can read"),
    ("soon", None, "not a date"),
    ("1432", None, "not a date factx can read"),
    (20191008, None, "not a date string"),
    ("", None, None),
    (None, None, None),
])
def test_parse_date_value(value, expected, problem):
    parsed = parse_date_value(value)
    assert parsed.value == expected
    if problem is None:
        assert parsed.problem is None
    else:
        assert problem in parsed.problem


def test_published_option_refuses_what_is_not_a_date():
    from factx.errors import UsageError

    assert published_option("Tue, 08 Oct 2019 06:00:00 GMT") == "2019-10-08"
    assert published_option(None) is None
    with pytest.raises(UsageError) as info:
        published_option("2019-02-30")
    assert "not a calendar date" in info.value.message and info.value.exit_code == 2


def test_query_commands_never_import_dateparser():
    import subprocess
    import sys

    code = ("import sys, factx.published, factx.store, factx.cli; "
            "factx.published.parse_date_value('2019-10-08'); "
            "factx.published.published_date('Title\\nOct 8, 2019\\nBody.'); "
            "print('dateparser' in sys.modules, 'trafilatura' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
