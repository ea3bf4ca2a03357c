"""Counted quarters that are fractions, not periods of time.

"a quarter point", "a quarter-point cut", "a quarter of the workforce", "three quarters
of voters": news uses "quarter" as a share as often as a fiscal period, and a count
before it ("a", "one", "three") reads as the duration P3M unless what follows tells the
share. A quarter of an hour or of a century stays a duration (rule `quarter-of`), and an
ordinal quarter ("the third quarter") is a period whatever follows it.
"""

from __future__ import annotations

import re

# the span is a count of quarters: "a quarter", "three quarters", or "quarters" of "three-quarters"
_COUNTED_QUARTER = re.compile(
    r"(?:(?:about|nearly|almost|more than|less than|some|around|over|just|only|roughly) )?"
    r"(?:(?:a|one|two|three|\d+)[- ])?quarters?", re.I)
# what follows a share: a point of a rate, or "of" anything but an hour or a century
_SHARE_AFTER = re.compile(
    r"(?:[- ](?:percentage[- ])?points?\b|\s+(?:percent|per cent)\b|%|"
    r"\s+of\s+(?!an?\s+(?:hour|century)\b))", re.I)


def fraction_of_quarter(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a count of quarters used as a share.

    >>> s = "The bank cut rates by a quarter point."
    >>> fraction_of_quarter(s, s.index("a quarter"), s.index(" point"))
    True
    >>> s = "Profits fell for a quarter, then rose."
    >>> fraction_of_quarter(s, s.index("a quarter"), s.index(","))
    False
    """
    if not _COUNTED_QUARTER.fullmatch(text[start:end]):
        return False
    return bool(_SHARE_AFTER.match(text, end))
