"""Dates, wave 7: general causes of wrong dates on stories never seen.

1. A numeric date line whose day and month could each be the other ("08/10/2025") is
   read in the order that does not put the page before a date the page reports as past;
   the order of the page's written dates decides only when both readings could be.
   A French, Spanish, Portuguese or Italian date-line label is read, day first.
2. A day set for a planned event ("has called a rally for Tuesday") lies ahead.

Published dates are read without a model; the planned days need the parse (`model`).
"""

from __future__ import annotations

import pytest

from factx.published import published_date
from factx.stages.dates import temporal_expressions

PUBLISHED = [
    # the prose writes month first, the site's numbers day first: the past event decides
    ("Issued on: 08/10/2025 - 02:14\n\nPolice said the siege ended on October 7, 2025.\n", "2025-10-08"),
    # ... and the other way round
    ("Issued on: 10/08/2025\n\nThe siege ended on 7 October 2025, police said.\n", "2025-10-08"),
    # a photo caption shows what was before the page
    ("Posted 08/10/2025\n\n[Photo: Officers secure the square on October 7, 2025. \u00a9 Agency]\n", "2025-10-08"),
    # a date ahead does not move the page after it
    ("Issued on: 08/10/2025\n\nThe summit will open on October 7, 2025.\n", "2025-08-10"),
    # both readings come after the past date: the order of the written dates decides
    ("Posted 03/04/2025\n\nThe talks ended on February 2, 2025, officials said.\n", "2025-03-04"),
    ("Posted 03/04/2025\n\nThe talks ended on 2 February 2025, officials said.\n", "2025-04-03"),
    # no full date reported as past: the written order decides, as before
    ("Issued on: 08/10/2025\n\nThe siege ended on October 7, officials said.\n", "2025-08-10"),
    # a date line that can be read only one way is not touched
    ("Issued on: 08/25/2025\n\nThe siege ended on 7 October 2025, police said.\n", "2025-08-25"),
    # a written date line is not a numeric one
    ("Published: August 10, 2025\n\nThe siege ended on October 7, 2025, police said.\n", "2025-08-10"),
    # a French, Spanish, Portuguese or Italian label is read, day first, whatever the prose
    ("Publi\u00e9 le 04/11/2025 - 09:12\n\nA suspect was arrested on November 3, police said.\n", "2025-11-04"),
    ("Mis \u00e0 jour le 05/11/2025\n\nPolice said on November 3 that a suspect was held.\n", "2025-11-05"),
    ("Publicado el 04/11/2025 10:00\n\nPolice said on November 3 that a suspect was held.\n", "2025-11-04"),
    ("Atualizado em 04.11.2025\n\nPolice said on November 3 that a suspect was held.\n", "2025-11-04"),
    # an English label comes first
    ("Published: November 5, 2025\nPubli\u00e9 le 04/11/2025\n\nText.\n", "2025-11-05"),
    # a label starts its line: within a sentence it is none
    ("The ministry said its report, publi\u00e9 le 04/11/2025 in Paris, was discussed at length by the committee.\n", None),
]


@pytest.mark.parametrize("text, expected", PUBLISHED)
def test_a_numeric_date_line_is_not_before_what_the_page_reports(text, expected):
    assert published_date(text).value == expected


# 1998-03-01 is a Sunday, 1998-03-04 a Wednesday
PLANNED = [
    ("1998-03-01", "The party has called a rally in the capital for Tuesday.", ("Tuesday", "1998-03-03")),
    ("1998-03-01", "The council has scheduled a vote for Thursday.", ("Thursday", "1998-03-05")),
    ("1998-03-01", "The opposition plans a protest for Saturday.", ("Saturday", "1998-03-07")),
    ("1998-03-01", "A rally planned for Saturday is expected to draw thousands.", ("Saturday", "1998-03-07")),
    # a planning told in the past: the day is after it, and nearness decides
    ("1998-03-04", "Unions called a strike for Monday.", ("Monday", "1998-03-02")),
    ("1998-03-01", "A memorial service planned for Saturday was canceled.", ("Saturday", "1998-02-28")),
    ("1998-03-01", "A vote planned for Thursday has been postponed.", ("Thursday", "1998-02-26")),
    # a day beside a planning verb and its planned event ("on", or bare) is the event's
    ("1998-03-06", "Protesters planned a large demonstration in the capital on Saturday.", ("Saturday", "1998-03-07")),
    ("1998-03-01", "The union has scheduled a strike Thursday.", ("Thursday", "1998-03-05")),
    ("1998-03-01", "The group plans a march on Saturday.", ("Saturday", "1998-03-07")),
    # ... but holding or calling on a day dates the holding or the calling
    ("1998-03-01", "The group held a march on Saturday.", ("Saturday", "1998-02-28")),
    ("1998-03-04", "The union called a strike on Monday.", ("Monday", "1998-03-02")),
    # "for" before a day that is no planned event's: as before
    ("1998-03-01", "Police arrested him for Tuesday's attack.", ("Tuesday", "1998-02-24")),
    # the future and "next" already looked ahead
    ("1998-03-04", "The minister will travel to Paris on Monday.", ("Monday", "1998-03-09")),
    ("1998-03-04", "The talks resume next Monday.", ("next Monday", "1998-03-09")),
]


@pytest.mark.model
@pytest.mark.parametrize("anchor, text, expected", PLANNED)
def test_a_day_set_for_a_planned_event_lies_ahead(nlp, anchor, text, expected):
    assert expected in [(t.text, t.value) for t in temporal_expressions(nlp(text), anchor)]
