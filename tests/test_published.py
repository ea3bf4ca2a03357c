"""Publication dates from an article's own date lines: (text -> ISO date or None)."""

from __future__ import annotations

from pathlib import Path

import pytest

from factx.published import find_published

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
