"""The value model: normalized values made comparable, one model per `value_type`.

`compare(value_type, a, b)` answers how two normalized values of one attribute
relate, as one of four words, weakest disagreement first:

- ``"same"``: equal after normalization (``"Mar. 8"`` and ``"March 8"`` both
  give ``2031-03-08``; ``40`` and ``"40"``; ``XXXX-03-08`` and ``2031-03-08``: a
  document without a publication date gives the same day without its year);
- ``"compatible"``: both can be true because one contains the other and is merely
  less precise (``2031`` and ``2031-03-08``; ``">=40"`` ("at least 40") and ``40``;
  a district and the province it is known to lie in), or because nothing can be
  said (an unresolved ``XXXX-WXX-7``: "Sunday" in an undated article);
- ``"soft"``: they overlap partly or differ in precision in a way that matters
  (``2031-03-07TNI`` and ``2031-03-08``; ``2031-03-07/2031-03-08`` and ``2031-03-08``;
  ``"dozens"`` and ``40``);
- ``"hard"``: they cannot both be true (``2031-03-01`` and ``2031-03-03``; six and nine).

Models, by value type:

- ``date``: a TIMEX3 value becomes a half-open interval of minutes. A part of day
  (``TNI`` night, ``TMO`` morning, ``TAF`` afternoon, ``TEV`` evening) is its span of
  hours; a night runs from 18:00 on day D to 06:00 on D+1, so it is soft against
  D+1 yet compatible with D (the *core* of a night is the part inside D). An explicit
  interval ``A/B`` is a range of uncertainty at the precision of its ends, so a value
  inside it is ``soft``, whereas a calendar unit (year, month, week, season) merely
  is less precise and contains its days ``compatible``-ly. ``XXXX-MM-DD`` (unknown
  year) is tried against the years of the other value; two values both without a
  year may be in different years, so they are at most ``soft``. Days one calendar day
  apart (``2031-03-09`` / ``2031-03-10TMO``) are ``soft``: outlets in different time
  zones, or an event around midnight. Two clock times (``T17:11``, ``T18:00``, with
  or without their day) are ``soft`` within `CLOCK_TOLERANCE` minutes (or the
  attribute's `within_minutes`), else ``hard``, and compared on UTC when both give a
  zone. A weekday of an undated article (``XXXX-WXX-7TNI``, "Sunday night") against
  a day is taken as the nearest such day to it, and is at most ``soft`` (its week is
  a guess). A value whose month is unknown (``XXXX-XX``, ``XXXX-WXX``: a relative
  date left unresolved) says nothing comparable: ``compatible`` with everything.
- ``quantity``: a closed range ``[lo, hi]`` with a kind: exact, bound (``">=40"``,
  ``"<=40"``), range (``"20-40"``), approximate (``"~40"``) or vague (``"dozens"``).
  A vague or approximate value containing an exact one is ``soft`` (unless the exact
  one is the approximate value's centre); an age off by one year is ``soft``.
- ``country``: countries by name and by the demonym rules (``U.S.`` = ``United States``).
- ``entity`` (places): names keyed by `factx.names.core_tokens` (transliteration and
  administrative words: ``Kerry County`` = ``Kerry``), containment from a `PlaceIndex`
  and from the demonym rules (a listed city lies in its country). Contained places are
  ``compatible``; two different countries, or two places the index places (each has a
  container) and that are not nested, are ``hard``; a place and a country are ``compatible`` unless the place
  is known to lie elsewhere; two other places nothing is known about are ``soft``.
- ``title`` (the attribute, whatever its value type): ``"ROLE of ORGANISATION"``,
  the role named by `rules/roles.yml` (spokesman = press secretary; leader = head =
  chief = emir) and its qualifiers by `rules/role_qualifiers.yml` ("former", "a
  senior"). Titles are multi-valued: one role in one organisation is ``same``; a
  role called former by one source and current by another is ``soft``; any other
  pair is ``compatible`` (people hold several titles). Two holders of one role are
  a matter between entities: `factx.conflicts` finds them.
- ``name``: spellings keyed by `factx.names.house_style_key` (case, hyphens,
  apostrophes, particles), tokens matched by the resolver's own transliteration
  cost (`factx.names.token_cost`): equal keys are ``same``; one name's words inside
  the other's (``"Mr. Yusuf"`` and ``"Karim Yusuf"``) ``compatible``; a word
  spelled differently (Yusuf / Yousuf) ``soft``; otherwise ``hard``.
- causes (`cause`, `cause_of_death`: the `cause_class` rules of
  `rules/cardinality.yml`): one cause told at two levels of detail ("shooting" /
  "shooting in the head") ``compatible``, with other details ("in the head" / "in the
  chest and head") ``soft``; words of one `alike` kind one cause (a raid, the missile
  that killed), of another kind ``soft`` (two illnesses); causes of two kinds
  (violence, illness) ``hard``, or ``compatible`` where one kind `follows` from the
  other (a fire a strike started), at most ``soft`` where a kind `differs: soft` (a
  fire against the material said to have exploded); a cause is known by its head noun
  phrase ("a fire | at a warehouse"); a cause of no listed kind never disagrees.
- actors (`joint` attributes: `perpetrator`): two countries ``same`` or ``hard``,
  organisations ``compatible`` unless one (an agency may be a country's); a source
  naming several actors is a matter of `factx.conflicts`.
- ``text`` and anything else: folded equality ``same``, otherwise ``compatible``:
  free text differs by paraphrase ("raid" / "operation") far more often than by
  contradiction, so it only takes part in denials. (`compare_text` itself still says
  ``soft`` for different words; unparsable quantities fall back to it.)

Cardinality comes from `rules/cardinality.yml`: attributes marked `multiple` (title,
member_of, spouse, ...) hold several values at once, so two different values are
``compatible`` there.

Everything that depends on rules lives on a `ValueModel` built from a `RuleSet`
(`value_model(rules)`, cached per rule version); the module-level functions use
the shipped rules. This module is on the query path: the standard library, the
rule loader and `factx.names` only.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Callable, Iterable, Mapping

from factx import names as _names
from factx.rules import PROPOSITION, RuleSet, load_rules

SAME, COMPATIBLE, SOFT, HARD = "same", "compatible", "soft", "hard"
#: relations from agreement to contradiction; index = strength of disagreement
RELATIONS = (SAME, COMPATIBLE, SOFT, HARD)
_RANK = {r: i for i, r in enumerate(RELATIONS)}



def strongest(*relations: str) -> str:
    """The strongest disagreement among relations: ``strongest("same", "soft") == "soft"``."""
    return max(relations, key=_RANK.__getitem__, default=SAME)


def weakest(*relations: str) -> str:
    """The strongest agreement among relations: ``weakest("hard", "compatible") == "compatible"``."""
    return min(relations, key=_RANK.__getitem__, default=HARD)


# --------------------------------------------------------------------------- folding

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u02bc": "'",
                              "\u2010": "-", "\u2011": "-", "\u2013": "-", "\u2014": "-"})


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case-, accent-, apostrophe- and space-folded text, possessive dropped.

    >>> fold("  Al-Nasr’s  Émir ")
    'al-nasr emir'
    """
    text = unicodedata.normalize("NFKD", str(text).translate(_APOSTROPHES))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"'s\b|s'(?=\s|$)", lambda m: "" if m.group(0) == "'s" else "s", text)
    return " ".join(text.split())


def _words(text: str) -> list[str]:
    """Folded words, hyphens and dots as separators: ``"U.S.-Irish"`` → ``["u", "s", "irish"]``."""
    return [w for w in re.split(r"[^\w]+", fold(text)) if w]


# ------------------------------------------------------------------------------ dates

_MIN_PER_DAY = 24 * 60
#: parts of day in hours from midnight of day D (night runs into D+1)
_PARTS_OF_DAY = {"MO": (5, 12), "MI": (11, 13), "AF": (12, 18), "EV": (18, 24),
                 "NI": (18, 30), "DT": (8, 18)}
#: seasons as (month, day) start and end, end exclusive; winter runs into next year
_SEASONS = {"SP": ((3, 1), (6, 1)), "SU": ((6, 1), (9, 1)), "FA": ((9, 1), (12, 1)),
            "WI": ((12, 1), (15, 1))}
_VAGUE_DATES = {"PAST_REF", "PRESENT_REF", "FUTURE_REF"}
_UNKNOWN_YEAR = "XXXX"
#: two clock times of one thing this many minutes apart or less differ softly ("about
#: 8:40" / "8:44"); further apart they cannot both be right (`cardinality` rules may say
#: otherwise per attribute with `within_minutes`)
CLOCK_TOLERANCE = 30
#: a clock time this many minutes or less from midnight may be told as the day on either
#: side of that midnight ("23:40 on Tuesday" / "early Wednesday"; outlets in other time
#: zones), so against a day without its time it never disagrees
NEAR_MIDNIGHT = 120


@dataclass(frozen=True)
class DateSpan:
    """A date as a half-open interval of minutes since 0001-01-01.

    `core_lo`/`core_hi` is the part that belongs to the named day (for a night: its
    evening part); containment is judged on the core, overlap on the whole span.
    `ranged` marks an explicit interval ``A/B``; `year_free` holds the rest of a
    value whose year is unknown (``"-09-02"`` of ``XXXX-09-02``); `clock` a value
    that names a time of day (``T14:30``); `zone` its offset from UTC in minutes
    when the value gives one (``T14:30-04:00``).
    """

    lo: int
    hi: int
    core_lo: int
    core_hi: int
    ranged: bool = False
    year_free: str | None = None
    clock: bool = False
    zone: int | None = None
    part: str | None = None  # a part of day (``NI``: a night)

    @property
    def key(self) -> tuple:
        return (self.lo, self.hi, self.year_free, self.zone)

    def shifted(self, minutes: int) -> "DateSpan":
        return DateSpan(self.lo + minutes, self.hi + minutes, self.core_lo + minutes,
                        self.core_hi + minutes, self.ranged, self.year_free, self.clock, None, self.part)

    @property
    def whole_day(self) -> bool:
        """A day and nothing finer: no time, no part of day, no range."""
        return not (self.clock or self.part or self.ranged) and self.hi - self.lo == _MIN_PER_DAY


def _minute(d: date, hours: float = 0) -> int:
    return (d.toordinal() - 1) * _MIN_PER_DAY + int(hours * 60)


def _month_start(year: int, month: int) -> date:
    year += (month - 1) // 12
    return date(year, (month - 1) % 12 + 1, 1)


def _plain(lo: int, hi: int) -> DateSpan:
    return DateSpan(lo, hi, lo, hi)


_CLOCK = r"(NI|MO|AF|EV|MI|DT|(\d{2})(?::?(\d{2}))?(?::\d{2}(?:\.\d+)?)?)"
_ZONE = r"(Z|[+-]\d{2}(?::?\d{2})?)?"
_DAY_RE = re.compile(rf"^(\d{{4}})-(\d{{2}})-(\d{{2}})(?:T{_CLOCK}{_ZONE})?$")
#: a time of day without its day: "7:52 am" in an undated article (``XXXX-XX-XXT07:52``)
_CLOCK_RE = re.compile(rf"^(?:XXXX-XX-XX)?T{_CLOCK}{_ZONE}$")
#: a weekday whose week is unknown: "Sunday night" in an undated article
_WEEKDAY_RE = re.compile(rf"^XXXX-WXX-([1-7]|WE)(?:T{_CLOCK}{_ZONE})?$")


def _zone_minutes(text: str | None) -> int | None:
    if not text:
        return None
    if text == "Z":
        return 0
    digits = text[1:].replace(":", "")
    minutes = int(digits[:2]) * 60 + int(digits[2:4] or 0)
    return -minutes if text[0] == "-" else minutes


@lru_cache(maxsize=65536)
def parse_date(value: str) -> DateSpan | None:
    """A TIMEX3 date value as a `DateSpan`, or None when it is not one.

    >>> s = parse_date("2031-03-07TNI"); (s.hi - s.lo) // 60
    12
    """
    value = str(value).strip().upper()
    if "/" in value:
        first, _, last = value.partition("/")
        a, b = parse_date(first), parse_date(last)
        if a is None or b is None or a.year_free or b.year_free or b.hi < a.lo:
            return None
        return DateSpan(a.lo, b.hi, a.lo, b.hi, ranged=True)
    if value.startswith(_UNKNOWN_YEAR + "-"):
        known = parse_date("2000" + value[4:])  # a leap year, so that 02-29 parses
        if known is None:
            return None
        return DateSpan(known.lo, known.hi, known.core_lo, known.core_hi,
                        year_free=value[4:], clock=known.clock, zone=known.zone, part=known.part)
    try:
        return _parse_known(value)
    except ValueError:  # impossible calendar dates such as 2031-02-30
        return None


def _parse_known(value: str) -> DateSpan | None:
    if m := _DAY_RE.match(value):
        day = date(int(m[1]), int(m[2]), int(m[3]))
        if m[4] is None:
            return _plain(_minute(day), _minute(day, 24))
        if m[4] in _PARTS_OF_DAY:
            start, end = _PARTS_OF_DAY[m[4]]
            # the core of a part of day is what falls inside day D itself
            return DateSpan(_minute(day, start), _minute(day, end),
                            _minute(day, start), _minute(day, min(end, 24)), part=m[4])
        hour, minute = int(m[5]), int(m[6] or 0)
        if hour > 24 or minute > 59:
            return None
        lo = _minute(day, hour + minute / 60)
        hi = lo + (1 if m[6] else 60)
        return DateSpan(lo, hi, lo, hi, clock=True, zone=_zone_minutes(m[7]))
    if m := re.match(r"^(\d{4})-(\d{2})$", value):
        start = _month_start(int(m[1]), int(m[2]))
        return _plain(_minute(start), _minute(_month_start(start.year, start.month + 1)))
    if m := re.match(r"^(\d{4})$", value):
        year = int(m[1])
        return _plain(_minute(date(year, 1, 1)), _minute(date(year + 1, 1, 1)))
    if m := re.match(r"^(\d{4})-W(\d{2})(-WE)?$", value):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            saturday = monday + timedelta(days=5)
            return _plain(_minute(saturday), _minute(saturday, 48))
        return _plain(_minute(monday), _minute(monday + timedelta(days=7)))
    if m := re.match(r"^(\d{4})-(SP|SU|FA|WI)$", value):
        (m0, d0), (m1, d1) = _SEASONS[m[2]]
        year = int(m[1])
        return _plain(_minute(_month_start(year, m0).replace(day=d0)),
                      _minute(_month_start(year, m1).replace(day=d1)))
    if m := re.match(r"^(\d{4})-([QH])([1-4])$", value):
        year, months = int(m[1]), 3 if m[2] == "Q" else 6
        first = (int(m[3]) - 1) * months + 1
        return _plain(_minute(_month_start(year, first)),
                      _minute(_month_start(year, first + months)))
    if m := re.match(r"^(\d{3})X?$", value):  # decade: 201 = the 2010s
        start = int(m[1]) * 10
        return _plain(_minute(date(max(start, 1), 1, 1)), _minute(date(start + 10, 1, 1)))
    if m := re.match(r"^(\d{2})(?:XX)?$", value):  # century: 20 = 2000-2099
        start = int(m[1]) * 100
        return _plain(_minute(date(max(start, 1), 1, 1)), _minute(date(start + 100, 1, 1)))
    return None


def _day_of(minute: int) -> int:
    return minute // _MIN_PER_DAY


def _across_midnight(a: DateSpan, b: DateSpan) -> bool:
    """Two values of adjacent days that one moment around their midnight makes true.

    A night of day D against day D-1, or a time shortly before D's midnight: a night is
    also named by the morning it ends in ("overnight" in a report of the 18th is the
    night of the 17th; "in the early hours" of D). A time near midnight against the day
    on the other side of that midnight ("23:40 on Tuesday" / "Wednesday": time zones,
    or which side of midnight a source counts). The night of D against D+1 keeps its
    partial overlap (soft: most of that night lies on D), and two times of day, or a
    night against another part of day, keep their own comparison."""
    for night, other in ((a, b), (b, a)):
        if night.part != "NI":
            continue
        start = night.lo - night.lo % _MIN_PER_DAY  # the midnight opening day D
        if other.whole_day:
            return other.lo == start - _MIN_PER_DAY
        return other.clock and start - NEAR_MIDNIGHT <= other.lo < start
    for timed, day in ((a, b), (b, a)):
        if timed.clock and day.whole_day and not day.lo <= timed.lo < day.hi:
            midnight = day.lo if timed.lo < day.lo else day.hi
            return abs(timed.lo - midnight) <= NEAR_MIDNIGHT
    return False


def _relate_spans(a: DateSpan, b: DateSpan, within: int = CLOCK_TOLERANCE) -> str:
    if a.zone is not None and b.zone is not None:  # both on UTC: compare the instants
        a, b = a.shifted(-a.zone), b.shifted(-b.zone)
    if (a.lo, a.hi) == (b.lo, b.hi):
        return SAME  # "2031-03-08/2031-03-08" is 2031-03-08
    if _across_midnight(a, b):
        return COMPATIBLE
    if a.hi <= b.lo or b.hi <= a.lo:
        gap = max(a.lo, b.lo) - min(a.hi, b.hi)
        if a.clock and b.clock:
            # two clock times of one thing: minutes apart is imprecision, more is not
            return SOFT if gap <= within else HARD
        if a.core_hi - a.core_lo <= _MIN_PER_DAY and b.core_hi - b.core_lo <= _MIN_PER_DAY \
                and not a.ranged and not b.ranged:
            first, last = sorted((a, b), key=lambda s: s.core_lo)
            if _day_of(last.core_lo) - _day_of(first.core_hi - 1) == 1:
                # consecutive days: outlets in different time zones, or an event around
                # midnight ("late Sunday" / "early Monday")
                return SOFT
        return HARD
    containers = [outer for outer, inner in ((a, b), (b, a))
                  if outer.lo <= inner.core_lo and inner.core_hi <= outer.hi]
    # a calendar unit is just less precise; an explicit range is doubt
    if any(not outer.ranged for outer in containers):
        return COMPATIBLE
    return SOFT


def _year_of(minute: int) -> int:
    return date.fromordinal(minute // _MIN_PER_DAY + 1).year


def undated_weekday(value: object) -> bool:
    """A weekday no publication date placed ("Sunday night": ``XXXX-WXX-7TNI``).

    >>> undated_weekday("XXXX-WXX-7TNI"), undated_weekday("2031-03-09")
    (True, False)
    """
    return _WEEKDAY_RE.match(str(value).strip().upper()) is not None


def unresolved_date(value: object) -> bool:
    """A date value that says nothing comparable by itself: its month is unknown too (a
    relative date left unresolved, "Sunday" or "this month" in an undated article).

    >>> unresolved_date("XXXX-WXX-7TAF"), unresolved_date("XXXX-XX"), unresolved_date("XXXX-03-08")
    (True, True, False)
    """
    text = str(value).strip().upper()
    if text in _VAGUE_DATES:
        return True
    return "X" in text and parse_date(text) is None


@lru_cache(maxsize=4096)
def _clock_of(value: str) -> tuple[int, int | None] | None:
    """A time of day without its day (``XXXX-XX-XXT08:44``) as (minute of day, zone)."""
    m = _CLOCK_RE.match(value)
    if m is None or m[1] in _PARTS_OF_DAY:
        return None
    hour, minute = int(m[2]), int(m[3] or 0)
    if hour > 24 or minute > 59:
        return None
    return (hour * 60 + minute) % _MIN_PER_DAY, _zone_minutes(m[4])


def _compare_clocks(a: tuple[int, int | None], b: tuple[int, int | None], *,
                    both_bare: bool, within: int) -> str:
    """Two times of day, the day of one or both unknown: the minutes between them."""
    (ma, za), (mb, zb) = a, b
    if za is not None and zb is not None:
        ma, mb = ma - za, mb - zb
    apart = abs(ma - mb) % _MIN_PER_DAY
    apart = min(apart, _MIN_PER_DAY - apart)
    if apart == 0:
        return SAME if both_bare else COMPATIBLE
    return SOFT if apart <= within else HARD


def _anchored(match: re.Match, known: DateSpan) -> str | None:
    """The weekday of `match` nearest the day of `known`, as a TIMEX value."""
    if known.year_free or known.ranged or known.core_hi - known.core_lo > _MIN_PER_DAY:
        return None
    day = date.fromordinal(_day_of(known.core_lo) + 1)
    weekday = 6 if match[1] == "WE" else int(match[1])  # a weekend from its Saturday
    offset = (weekday - day.isoweekday()) % 7
    anchored = day + timedelta(days=offset if offset <= 3 else offset - 7)
    if match[1] == "WE":
        return "%04d-W%02d-WE" % anchored.isocalendar()[:2]
    return anchored.isoformat() + match.group(0)[len("XXXX-WXX-") + len(match[1]):]


def anchor_weekday(value: object, near: object) -> str | None:
    """A weekday of an undated article ("Sunday night": ``XXXX-WXX-7TNI``) as the
    nearest such day to a date another source gives for the same thing, or None when
    `value` is no such weekday or `near` no day to anchor on.

    >>> anchor_weekday("XXXX-WXX-7TNI", "2031-03-10TMO"), anchor_weekday("XXXX-WXX-7", "2031-03")
    ('2031-03-09TNI', None)
    """
    match = _WEEKDAY_RE.match(str(value).strip().upper())
    known = parse_date(str(near).strip().upper())
    if match is None or known is None:
        return None
    return _anchored(match, known)


def _anchor_weekday(match: re.Match, known: DateSpan, within: int) -> str:
    """'Sunday night' in an undated article against a day another source gives: the
    article is about the same event, so its weekday is the nearest one to that day.
    The week is a guess, so this never makes more than a soft disagreement."""
    text = _anchored(match, known)
    span = parse_date(text) if text is not None else None
    if span is None:
        return COMPATIBLE
    relation = _relate_spans(span, known, within)
    return COMPATIBLE if relation in (SAME, COMPATIBLE) else SOFT


def compare_dates(a: str, b: str, *, within: int = CLOCK_TOLERANCE) -> str:
    """How two TIMEX3 values relate; `within`: minutes two clock times may differ softly.

    >>> compare_dates("2031", "2031-03-08"), compare_dates("2031-03-07TNI", "2031-03-08")
    ('compatible', 'soft')
    >>> compare_dates("XXXX-03-08", "2031-03-08"), compare_dates("XXXX-WXX-7", "2031-03-09")
    ('same', 'compatible')
    >>> compare_dates("2031-03-07", "2031-03-08"), compare_dates("T17:11", "T18:00")
    ('soft', 'hard')
    """
    a, b = str(a).strip().upper(), str(b).strip().upper()
    if a == b:
        return SAME
    clocks = _clock_of(a), _clock_of(b)
    if clocks[0] is not None or clocks[1] is not None:
        return _compare_clock_values(a, b, clocks, within)
    weekdays = _WEEKDAY_RE.match(a), _WEEKDAY_RE.match(b)
    if weekdays[0] is not None or weekdays[1] is not None:
        if weekdays[0] is not None and weekdays[1] is not None:
            return COMPATIBLE  # two weeks nobody knows
        found, other = (weekdays[0], b) if weekdays[0] is not None else (weekdays[1], a)
        known = parse_date(other)
        return _anchor_weekday(found, known, within) if known is not None else COMPATIBLE
    if unresolved_date(a) or unresolved_date(b):
        return COMPATIBLE
    sa, sb = parse_date(a), parse_date(b)
    if sa is None or sb is None:
        return compare_text(str(a), str(b))
    if sa.year_free and sb.year_free:
        # two undated articles may speak of different years: never more than soft
        return weakest(_relate_spans(sa, sb, within), SOFT)
    if not sa.year_free and not sb.year_free:
        return _relate_spans(sa, sb, within)
    free, known = (sa, sb) if sa.year_free else (sb, sa)
    first, last = _year_of(known.lo), _year_of(max(known.hi - 1, known.lo))
    if last - first > 3:  # a decade or more: any month-day fits somewhere
        return COMPATIBLE
    best = HARD
    for year in range(first - 1, last + 1):  # year - 1: a winter or night spills over
        span = parse_date(f"{year}{free.year_free}")
        if span is not None:
            best = weakest(best, _relate_spans(span, known, within))
    # the same day without its year (an undated article) is the same day
    return best


_BARE_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})$")


def _as_timex(value: object) -> str:
    """A clock time written bare (``"17:11"``) as TIMEX (``"T17:11"``); others as they are."""
    text = str(value).strip()
    m = _BARE_CLOCK.match(text)
    return f"T{int(m[1]):02d}:{m[2]}" if m else text


def _timex_like(value: object) -> bool:
    text = _as_timex(value).upper()
    return parse_date(text) is not None or _clock_of(text) is not None \
        or _WEEKDAY_RE.match(text) is not None


def _compare_clock_values(a: str, b: str, clocks: tuple, within: int) -> str:
    """A time of day without its day against another value: against another time of
    day, or a dated time, the minutes between them; against anything else nothing can
    be said (the day is unknown)."""
    ca, cb = clocks
    if ca is not None and cb is not None:
        return _compare_clocks(ca, cb, both_bare=True, within=within)
    bare, other = (ca, b) if ca is not None else (cb, a)
    span = parse_date(other)
    if span is None or not span.clock:
        weekday = _WEEKDAY_RE.match(other)
        timed = _clock_of("T" + other.partition("T")[2]) if weekday and "T" in other else None
        if timed is None:
            return COMPATIBLE
        return _compare_clocks(bare, timed, both_bare=False, within=within)
    minute = span.lo % _MIN_PER_DAY
    return _compare_clocks(bare, (minute, span.zone), both_bare=False, within=within)


# ------------------------------------------------------------------------- quantities

EXACT, BOUND, RANGE, APPROX, VAGUE = "exact", "bound", "range", "approx", "vague"
_APPROX_TOLERANCE = 0.1

@dataclass(frozen=True)
class Amount:
    """A quantity as a closed range ``[lo, hi]`` (hi may be infinite) and its kind.

    >>> parse_quantity("up to 40")
    Amount(lo=0.0, hi=40.0, kind='bound', centre=None)
    """

    lo: float
    hi: float
    kind: str
    centre: float | None = None


_NUMBER = r"(\d+(?:\.\d+)?)"


def _canonical(text: str) -> Amount | None:
    """An `Amount` from the normalized forms of DESIGN section 4: ``40``, ``"20-40"``,
    ``">=40"``, ``"<=40"``, ``">40"``, ``"<40"``, ``"~40"`` and ``"~24-99"`` (a vague
    amount such as "dozens")."""
    text = text.replace(",", "").replace(" ", "")
    if m := re.fullmatch(_NUMBER, text):
        return Amount(float(m[1]), float(m[1]), EXACT)
    if m := re.fullmatch(f"(~?){_NUMBER}-{_NUMBER}", text):
        lo, hi = float(m[2]), float(m[3])
        if lo <= hi:
            return Amount(lo, hi, VAGUE if m[1] else RANGE)
        return None
    if m := re.fullmatch(f"(<=|>=|<|>|~){_NUMBER}", text):
        op, n = m[1], float(m[2])
        return {"<=": Amount(0.0, n, BOUND), "<": Amount(0.0, n - 1, BOUND),
                ">=": Amount(n, math.inf, BOUND), ">": Amount(n + 1, math.inf, BOUND)}.get(op) or _approx(n)
    return None


@lru_cache(maxsize=65536)
def parse_quantity(value: str | int | float) -> Amount | None:
    """A normalized quantity (or, defensively, its words) as an `Amount`.

    >>> parse_quantity("20-40"), parse_quantity("dozens").kind
    (Amount(lo=20.0, hi=40.0, kind='range', centre=None), 'vague')
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return Amount(value, value, EXACT)
    text = fold(value).replace("\u2212", "-")
    amount = _canonical(text)
    if amount is None:
        # words ("up to 40", "dozens"): the extractor's own normalization, in one place
        from factx.quantities import normalize_quantity

        normalized = normalize_quantity(text)
        if isinstance(normalized, int):
            return Amount(normalized, normalized, EXACT)
        amount = _canonical(normalized) if normalized is not None else None
    return amount


def _converted(amount: Amount) -> Amount:
    """An amount converted between units, as precise as its rounding (two percent)."""
    spread = max(abs(amount.lo), abs(amount.hi) if amount.hi != math.inf else 0) * 0.02
    return Amount(max(0.0, amount.lo - spread), amount.hi + spread, APPROX if amount.kind == EXACT else amount.kind,
                  amount.centre if amount.centre is not None else (amount.lo if amount.kind == EXACT else None))


def _approx(n: float) -> Amount:
    spread = max(1.0, round(n * _APPROX_TOLERANCE))
    return Amount(max(0.0, n - spread), n + spread, APPROX, centre=n)


def compare_quantities(a: str | int | float, b: str | int | float, *,
                       attribute: str | None = None) -> str:
    """How two quantities relate.

    >>> compare_quantities("<=40", 40), compare_quantities(6, 9), compare_quantities("dozens", 40)
    ('compatible', 'hard', 'soft')
    """
    qa, qb = parse_quantity(a), parse_quantity(b)
    if qa is None or qb is None:
        return compare_text(str(a), str(b))
    return compare_amounts(qa, qb, attribute=attribute)


def compare_amounts(qa: Amount, qb: Amount, *, attribute: str | None = None) -> str:
    """How two parsed amounts relate (`compare_quantities` after parsing)."""
    if (qa.lo, qa.hi, qa.kind) == (qb.lo, qb.hi, qb.kind):
        return SAME
    if qa.hi < qb.lo or qb.hi < qa.lo:
        # an age a year off is a birthday between two articles, not a contradiction
        if attribute == "age" and qa.kind == qb.kind == EXACT and abs(qa.lo - qb.lo) <= 1:
            return SOFT
        if _near_vague(qa, qb) or _near_vague(qb, qa):
            return SOFT
        return HARD
    if qa.kind == qb.kind == BOUND and (qa.hi == math.inf) != (qb.hi == math.inf) \
            and 0.0 in (qa.lo, qb.lo):
        return COMPATIBLE  # "at least 27" and "as many as 900": both can be true
    if qa.kind == qb.kind == BOUND and _other_level(qa, qb):
        return SOFT
    if _above_level(qa, qb) or _above_level(qb, qa):
        return SOFT
    found = [_contained(outer, inner) for outer, inner in ((qa, qb), (qb, qa))
             if outer.lo <= inner.lo and inner.hi <= outer.hi]
    return weakest(*found) if found else SOFT  # the same both ways round


def _rounding(n: float) -> float:
    """How far a count given as a bound may lie past it: the unit it was rounded to
    ("more than 7,000": hundreds; "at least 131": one), at most a tenth of it."""
    unit = 1.0
    for m in (n, n - 1):  # "more than N" is stored as N + 1
        if m >= 1 and m == int(m):
            step = 1
            while int(m) % (step * 10) == 0:
                step *= 10
            unit = max(unit, float(step))
    return max(1.0, min(unit, _APPROX_TOLERANCE * n))


def _other_level(a: Amount, b: Amount) -> bool:
    """Two bounds the same way round at levels further apart than their rounding:
    news gives a count as "more than" a number just below it, so "more than 9,000"
    and "more than 10,000" are two counts (soft), "at least 5,000" and "more than
    5,000" one."""
    if a.hi == b.hi == math.inf:
        (x, y) = sorted((a.lo, b.lo))
        return y >= x + _rounding(x)
    if a.lo == b.lo == 0.0:
        (x, y) = sorted((a.hi, b.hi))
        return y >= x + _rounding(y)
    return False


def _above_level(bound: Amount, other: Amount) -> bool:
    """A count told as "at least N" / "more than N" against a count past the rounding
    of N ("more than 4,100" / 9,800; "at least 131" / 132): two counts (soft), the
    bound a count rounded down; within it ("at least 40" / 42) they agree. The same
    below "up to N" / "as many as N" ("up to 3,000" / 2,500: two estimates)."""
    if bound.kind != BOUND or other.kind == BOUND:
        return False
    if bound.hi == math.inf:
        return other.lo >= bound.lo + _rounding(bound.lo)
    return other.hi <= bound.hi - _rounding(bound.hi)


def _near_vague(vague: Amount, other: Amount) -> bool:
    """A word for an amount ("dozens", "thousands") has no sharp edges: a number
    within twice its range ("thousands" and "more than 10,000") differs softly; one
    further off ("dozens" and 6) is another amount."""
    return vague.kind == VAGUE and vague.lo / 2 <= other.hi and other.lo <= vague.hi * 2


def _contained(outer: Amount, inner: Amount) -> str:
    if outer.kind == VAGUE:
        return SOFT
    if outer.kind == APPROX:
        return COMPATIBLE if inner.kind == EXACT and inner.lo == outer.centre else SOFT
    return COMPATIBLE


# ----------------------------------------------------------------------------- text

def compare_text(a: str, b: str) -> str:
    """Free text: folded equality, word containment, or a soft difference."""
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return SAME
    wa, wb = set(_words(fa)), set(_words(fb))
    if wa == wb:
        return SAME
    if wa and wb and (wa <= wb or wb <= wa):
        return COMPATIBLE
    return SOFT


# ----------------------------------------------------------------------------- places

#: `ValueModel._compare_places`: the answer depends on whether the index knows both places
_ASK_INDEX = "ask the index"


class PlaceIndex:
    """Which place lies in which, from `located_in` facts or a lookup function.

    Built eagerly (``PlaceIndex.from_facts(facts)``, every fact with attribute
    ``located_in``: entity = the place, value = the place containing it) or lazily
    (``PlaceIndex(lookup=store_parents)`` where ``lookup(name)`` returns the names of
    the places directly containing the place called `name`, as the facts spell it),
    so that a store can answer one entity without loading every containment fact.
    Places are keyed by `ValueModel.place_key` of `model` (the shipped rules by default).

    >>> idx = PlaceIndex({"District A": ["Province B"], "Province B": ["Country C"]})
    >>> idx.contains("Country C", "district a")
    True
    """

    def __init__(self, parents: Mapping[str, Iterable[str]] | None = None, *,
                 lookup: Callable[[str], Iterable[str]] | None = None,
                 model: "ValueModel | None" = None) -> None:
        self._model = model
        self._parents: dict[str, set[str]] = {}
        self._names: dict[str, str] = {}  # key -> a name as written, for `lookup`
        self._lookup = lookup
        self._ancestors: dict[str, frozenset[str]] = {}
        self._containers: set[str] = set()  # keys some place is said to lie in
        #: `ValueModel.compare_places` answers that depend on what this index holds
        self.compared: dict[tuple, str] = {}
        for child, outers in (parents or {}).items():
            for outer in outers:
                self.add(child, outer)

    @classmethod
    def from_facts(cls, facts: Iterable[dict], *, model: "ValueModel | None" = None) -> "PlaceIndex":
        index = cls(model=model)
        for fact in facts:
            if fact.get("attribute") == "located_in" and fact.get("value") is not None \
                    and fact.get("polarity", "affirmed") == "affirmed":
                index.add(fact["entity"], str(fact["value"]))
        return index

    def key(self, name: str) -> str:
        return (self._model or value_model()).place_key(name)

    def add(self, place: str, container: str) -> None:
        """Record that `place` lies in `container`."""
        inner, outer = self._key(place), self._key(container)
        if inner != outer:
            self._parents.setdefault(inner, set()).add(outer)
            self._parents.setdefault(outer, set())
            self._containers.add(outer)
            self._ancestors.clear()
            self.compared.clear()

    def _key(self, name: str) -> str:
        key = self.key(name)
        self._names.setdefault(key, name)
        return key

    def _direct(self, key: str) -> set[str]:
        if key not in self._parents and self._lookup is not None:
            found = self._lookup(self._names.get(key, key))
            self._parents[key] = {self._key(p) for p in found} - {key}
            self._containers.update(self._parents[key])
        return self._parents.get(key, set())

    def ancestors(self, place: str) -> frozenset[str]:
        """Keys of every place known to contain `place` (transitively)."""
        key = self._key(place)
        if key not in self._ancestors:
            seen: set[str] = set()
            todo = list(self._direct(key))
            while todo:  # cycles in bad data stop at `seen`
                outer = todo.pop()
                if outer not in seen and outer != key:
                    seen.add(outer)
                    todo.extend(self._direct(outer))
            self._ancestors[key] = frozenset(seen)
        return self._ancestors[key]

    def asked(self, place: str) -> bool:
        """What contains the place was asked and found: asking again changes nothing."""
        return self.key(place) in self._ancestors

    def knows(self, place: str) -> bool:
        """The index places `place` somewhere (it has a container). Asked of the place
        alone, never of what other lookups happened to learn (that some place lies in
        it), so that an answer never depends on the order places were asked in."""
        return bool(self._direct(self._key(place)))

    def contains(self, outer: str, inner: str) -> bool:
        """True when `inner` lies (transitively) in `outer`."""
        return self.key(outer) in self.ancestors(inner)


# ----------------------------------------------------------------------------- titles

@dataclass(frozen=True)
class Title:
    """A title as a role in an organisation.

    `role` is the role a rule names ("leader" for head, chief, emir), else the
    role's own words; `organisation` the folded words after "of"/"for" (or before
    the role: "Group G chief"); `unique` a role with one holder per organisation
    at a time; `former` and `many` what the qualifiers say ("former", "a senior").
    """

    role: str
    organisation: str
    unique: bool = False
    former: bool = False
    many: bool = False
    #: the role under a dominant one ("deputy minister": minister), else ""
    under: str = ""

    @property
    def sole_holder(self) -> bool:
        """Claims the one current holder of a role: 'the leader of X', not 'a senior leader'."""
        return self.unique and not self.former and not self.many and bool(self.organisation)


@dataclass(frozen=True)
class _Role:
    role: str
    unique: bool
    dominant: bool


#: why two titles of one person rival each other (`ValueModel.title_rivalry`)
FORMER_TITLE, RANK = "former", "rank"


_ORG_SPLIT = re.compile(r"^(.*?)\s+(?:of|for|at|in|with|to)\s+(.+)$")
_ORG_STOP = frozenset({"in", "of", "and", "for", "the", "on", "at", "to", "a", "an"})
#: words of a cause that are neither its kind nor a detail
_CAUSE_STOP = frozenset({"in", "of", "and", "the", "a", "an", "to", "at", "on", "by", "with",
                         "from", "his", "her", "their", "its", "after", "during"})
#: words that end a cause's head noun phrase ("fire | at a warehouse", "nitrate | stored
#: at the port", "blaze | that spread"): prepositions, relatives, participles of place
_CAUSE_BOUNDARY = frozenset({"in", "of", "at", "on", "by", "with", "from", "near", "after",
                             "during", "inside", "into", "that", "which", "who", "stored",
                             "kept", "held", "caused", "started", "spread", "left"})


# ------------------------------------------------------------------------------ model

#: what lies between a `called_wrong` phrase and its title: "X as the ", " as its "
_AS_TITLE = re.compile(r"[^.;:!?]{0,60}?\bas\s+(?:[\w'’-]+\s+){0,2}", re.I)


def _called_wrong_pattern(phrase: str) -> str:
    """A `called_wrong` phrase as a regex: its verb in any tense ("identified" also
    "identify", "identifies"), "had", "been" or "was" allowed before the verb."""
    *manner, verb = fold(phrase).split()
    stem = verb[:-3] if verb.endswith("ied") else verb[:-2] if verb.endswith("ed") else verb
    words = [re.escape(w) for w in manner]
    return r"\s+".join(words + [r"(?:(?:had|has|have|been|was|were|be)\s+)*" + re.escape(stem) + r"\w*"])


def _singular(head: tuple[str, ...]) -> tuple[str, ...]:
    """A cause's head with its last word in the singular ("fireworks" -> "firework"):
    one cause whether told as one thing or as many. Short words and "-ss" stay."""
    if not head or len(head[-1]) <= 3 or not head[-1].endswith("s") or head[-1].endswith("ss"):
        return head
    return (*head[:-1], head[-1][:-1])


class ValueModel:
    """What the comparison of values needs from the rules: name folding and
    transliteration (`factx.names`), countries (`demonyms`), roles
    (`roles`, `role_qualifiers`) and cardinality (`cardinality`).

    >>> m = value_model()
    >>> m.compare("date", "XXXX-03-08", "2031-03-08"), "title" in m.multi_valued
    ('same', True)
    """

    def __init__(self, rules: RuleSet | None = None) -> None:
        rules = rules if rules is not None else load_rules()
        self.rules = rules
        self.nr = _names.name_rules(rules)
        self._place_keys: dict[str, str] = {}
        self._costs: dict[tuple[str, str], float] = {}
        self._keys: dict[tuple, object] = {}
        self._compared: dict[tuple, str] = {}  # compare_places without a PlaceIndex
        self._regions: dict[str, bool] = {}  # `region`, per name
        self.multi_valued: frozenset[str] = frozenset(
            a for r in rules.get("cardinality") if r.get("multiple") for a in r["attributes"])
        self.cumulative: frozenset[str] = frozenset(
            a for r in rules.get("cardinality") if r.get("cumulative") for a in r["attributes"])
        #: attribute -> the event it is an argument of ("date_of_death" -> "death")
        self.events: dict[str, str] = {
            a: r["event"] for r in rules.get("cardinality") if r.get("event") for a in r["attributes"]}
        #: attributes a source may give several values of at once (a joint operation's actors)
        self.joint: frozenset[str] = frozenset(
            a for r in rules.get("cardinality") if r.get("joint") for a in r["attributes"])
        #: dates of what had happened when the report was written
        self.past: frozenset[str] = frozenset(
            a for r in rules.get("cardinality") if r.get("past") for a in r["attributes"])
        #: dates of news: how many years from their report a date may lie
        self.recent_years: dict[str, int] = {
            a: int(r["recent_years"]) for r in rules.get("cardinality")
            if r.get("recent_years") for a in r["attributes"]}
        self.within_minutes: dict[str, int] = {
            a: int(r["within_minutes"]) for r in rules.get("cardinality")
            if r.get("within_minutes") is not None for a in r["attributes"]}
        #: cause words -> (kind of cause, whether its words are one cause told differently)
        self._causes: dict[tuple[str, ...], tuple[str, bool]] = {}
        #: kind of cause -> the kinds it may follow from (a fire from a strike, a fault)
        self._follows: dict[str, frozenset[str]] = {}
        #: kinds of cause whose difference from another kind is at most soft
        self._soft_kinds: set[str] = set()
        for rule in rules.get("cardinality"):
            if rule.get("cause_class"):
                kind = rule["cause_class"]
                for phrase in rule.get("words", ()):
                    self._causes[tuple(_words(phrase))] = (kind, bool(rule.get("alike")))
                self._follows[kind] = frozenset(rule.get("follows", ()))
                if rule.get("differs") == SOFT:
                    self._soft_kinds.add(kind)
        #: kinds of cause that are someone's deliberate act (a bomb, a missile)
        self.deliberate_kinds: frozenset[str] = frozenset(
            r["cause_class"] for r in rules.get("cardinality")
            if r.get("cause_class") and r.get("deliberate"))
        #: words for a deliberate act by nobody named ("an attack", "foul play"):
        #: attribute -> their folded words
        self.generic: dict[str, frozenset[str]] = {}
        for rule in rules.get("cardinality"):
            for attribute in rule["attributes"] if rule.get("generic") else ():
                self.generic[attribute] = self.generic.get(attribute, frozenset()) | {
                    " ".join(_words(w)) for w in rule["generic"]}
        #: attribute -> word lists that say a count is no claim (superseded, forecast,
        #: growth), each a set of folded phrases
        self.count_words: dict[str, dict[str, frozenset[str]]] = {}
        for rule in rules.get("cardinality"):
            for key in ("superseded_words", "forecast_words", "growth_words", "part_words",
                        "part_nouns", "other_event_words", "told_words"):
                for attribute in rule["attributes"] if rule.get(key) else ():
                    lists = self.count_words.setdefault(attribute, {})
                    lists[key] = lists.get(key, frozenset()) | {" ".join(_words(w)) for w in rule[key]}
        #: words before "of"/"from" that make the place after it a reference point
        self.reference_words: dict[str, frozenset[str]] = {}
        for rule in rules.get("cardinality"):
            for attribute in rule["attributes"] if rule.get("reference_words") else ():
                self.reference_words[attribute] = self.reference_words.get(
                    attribute, frozenset()) | {w for p in rule["reference_words"] for w in _words(p)}
        self.cause_attributes: frozenset[str] = frozenset(
            a for r in rules.get("cardinality") if r.get("cause_class") for a in r["attributes"])
        self._longest_cause = max(map(len, self._causes), default=1)
        #: units of measure: words -> (unit, base unit, base units per unit)
        self._measures: dict[tuple[str, ...], tuple[str, str, float]] = {}
        for rule in rules.get("cardinality"):
            if rule.get("unit"):
                try:
                    factor = float(rule.get("factor", "1"))
                except ValueError:
                    raise ValueError(f"cardinality rule {rule.get('id')!r}: factor "
                                     f"{rule.get('factor')!r} is not a number") from None
                for phrase in rule.get("words", ()):
                    self._measures[tuple(_words(phrase))] = (rule["unit"], rule.get("base") or rule["unit"], factor)
        self._longest_unit = max(map(len, self._measures), default=0)
        #: counts a sentence may tie to an earlier year: another event's
        self.earlier_years: frozenset[str] = frozenset(
            a for r in rules.get("cardinality") if r.get("earlier_years") for a in r["attributes"])
        #: attributes whose values grow a year a year (ages)
        self.yearly: frozenset[str] = frozenset(
            a for r in rules.get("cardinality") if r.get("yearly") for a in r["attributes"])
        #: folded demonyms ("kenyans", "belgian"): after a count, they name part of the victims
        self.demonym_words: frozenset[str] = frozenset(
            fold(w) for r in rules.get("demonyms") for w in r.get("words", ()) if w[:1].isupper())
        #: a clock attribute -> the date attribute of the same moment ("time" -> "date")
        self.day_of: dict[str, str] = {
            clock: str(day) for r in rules.get("cardinality") for clock, day in (r.get("day_of") or {}).items()}
        #: places at other levels of detail (`places-at-other-levels`): folded words of wide
        #: waters and of regions, and the place keys of compass points
        self._water_words: frozenset[str] = frozenset(
            w for r in rules.get("cardinality") for p in r.get("water_words", ()) for w in _words(p))
        self._region_words: frozenset[str] = frozenset(
            w for r in rules.get("cardinality") for p in r.get("region_words", ()) for w in _words(p))
        self._compass_keys: tuple[str, ...] = tuple(sorted(
            {self.place_key(p) for r in rules.get("cardinality") for p in r.get("compass_words", ())},
            key=len, reverse=True))
        self._countries: dict[str, str] = {}  # place key -> country name
        self._cities: dict[str, str] = {}  # place key -> country name
        for rule in rules.get("demonyms"):
            country = rule["country"]
            for word in (country, *rule.get("words", ())):
                if word[:1].isupper():
                    self._countries.setdefault(self.place_key(word), country)
            for city in rule.get("cities", ()):
                self._cities.setdefault(self.place_key(city), country)
        self._roles: dict[tuple[str, ...], _Role] = {}
        #: words for an office -> the role holding it ("ministry" -> minister)
        self._offices: dict[tuple[str, ...], str] = {}
        self._speaks: set[str] = set()  # roles that speak for an office (spokesperson)
        self._units: set[tuple[str, ...]] = set()  # an office's press units
        for rule in rules.get("roles"):
            role = _Role(rule["role"], bool(rule.get("unique")), bool(rule.get("dominant")))
            for phrase in rule["words"]:
                self._roles[tuple(_words(phrase))] = role
            for phrase in rule.get("office", ()):
                self._offices[tuple(_words(phrase))] = rule["role"]
            if rule.get("speaks"):
                self._speaks.add(rule["role"])
            self._units.update(tuple(_words(phrase)) for phrase in rule.get("units", ()))
        self._office_roles = frozenset(self._offices.values())
        self._qualifiers: dict[tuple[str, ...], str] = {}
        wrong: list[str] = []  # "mistakenly identified (X) as": a title called wrong
        for rule in rules.get("role_qualifiers"):
            if rule.get("called_wrong"):
                wrong.extend(_called_wrong_pattern(phrase) for phrase in rule["words"])
                continue
            effect = "former" if rule.get("former") else "many" if rule.get("many") else ""
            for phrase in rule["words"]:
                self._qualifiers[tuple(_words(phrase))] = effect
        self._called_wrong = re.compile(r"\b(?:" + "|".join(wrong) + r")", re.I) if wrong else None
        self._longest = max((len(k) for k in (*self._roles, *self._qualifiers)), default=1)
        self._titles: dict[str, Title] = {}
        self._rivals: dict[tuple[Title, Title], bool] = {}  # `_rank_rivals`, per pair

    def called_wrong(self, quote: str | None, value_text: str | None) -> bool:
        """The sentence calls the title it gives mistaken or superseded: a phrase of the
        `called_wrong` role qualifiers shortly before "as" and the title ("had mistakenly
        identified X as the leader of Y", "who was initially described as its chief").

        >>> value_model().called_wrong("Police initially identified him as the leader of the cell.",
        ...                            "leader of the cell")
        True
        """
        if self._called_wrong is None or not quote or not value_text \
                or self._called_wrong.search(quote) is None:
            return False
        at = quote.find(value_text)
        while at >= 0:
            before = quote[max(0, at - 120):at]
            last = None
            for last in self._called_wrong.finditer(before):
                pass
            if last is not None and _AS_TITLE.fullmatch(before[last.end():]):
                return True
            at = quote.find(value_text, at + 1)
        return False

    # -- names

    def name_key(self, name: str, entity_type: str = "") -> tuple[str, ...]:
        """The words of a spelling once house style is set aside (`factx.names`)."""
        return _names.house_style_key(name, entity_type, nr=self.nr)

    def token_cost(self, a: str, b: str) -> float:
        """How far apart two words of names are, in the resolver's own measure:
        0 for a free transliteration (Rashid / Rasheed), infinite for different names."""
        if a == b:
            return 0.0
        cost = self._costs.get((a, b))
        if cost is None:
            if a[:1].isdigit() or b[:1].isdigit():
                cost = _names.INFINITE
            else:
                ta, tb = _names._translit(a, self.nr), _names._translit(b, self.nr)
                # consonants that are not interchangeable never spell one name: their
                # (cached) block keys differ, and the full measure need not be taken
                cost = _names.INFINITE if _names._block_key(ta, self.nr) != _names._block_key(tb, self.nr) \
                    else _names.token_cost(ta, tb, self.nr)
            if len(self._costs) > 65536:
                self._costs.clear()
            self._costs[(a, b)] = cost
        return cost

    def spelling_variants(self, a: str, b: str) -> bool:
        """Two different words that may spell one name (Yusuf / Yousuf, Rahman / Rahaman)."""
        return a != b and self.token_cost(a, b) != _names.INFINITE

    def compare_names(self, a: str, b: str, entity_type: str = "") -> str:
        ta, tb = self.name_key(a, entity_type), self.name_key(b, entity_type)
        if ta == tb:
            return SAME
        sa, sb = set(ta), set(tb)
        if sa <= sb or sb <= sa:
            return COMPATIBLE
        only_a, only_b = sa - sb, sb - sa
        if all(any(self.spelling_variants(x, y) for y in only_b) for x in only_a) or \
                all(any(self.spelling_variants(x, y) for x in only_a) for y in only_b):
            return SOFT
        return HARD

    # -- places and countries

    def place_key(self, name: str) -> str:
        """``"the Kerry County"`` → ``"kery"``: core tokens of a place, never empty."""
        key = self._place_keys.get(name)
        if key is None:
            key = " ".join(_names.core_tokens(str(name), "GPE", nr=self.nr)) or fold(name)
            if len(self._place_keys) > 65536:
                self._place_keys.clear()
            self._place_keys[name] = key
        return key

    def country(self, name: str) -> str | None:
        """The country a name names (``"U.S."`` → ``"United States"``), or None."""
        return self._countries.get(self.place_key(name))

    def compare_countries(self, a: str, b: str) -> str:
        ca, cb = self.country(a) or self.place_key(a), self.country(b) or self.place_key(b)
        return SAME if ca == cb else HARD

    def compare_places(self, a: str, b: str, places: PlaceIndex | None = None) -> str:
        # remembered per pair of spellings (and index): a report compares the same few
        # places many times. Only whether the index knows both places can change as a
        # lazy index learns more, so that last question is asked each time.
        memo = places.compared if places is not None else self._compared
        found = memo.get((a, b))
        if found is None:
            if len(memo) > 65536:
                memo.clear()
            found = memo[(a, b)] = self._compare_places(a, b, places)
        if found == _ASK_INDEX:
            known_a = places is not None and places.knows(a)
            known_b = places is not None and places.knows(b)
            if known_a and known_b:
                return HARD
            # a region and a place nothing is known about: the place may well lie in it
            if self.region(a) != self.region(b) and not (known_b if self.region(a) else known_a):
                return COMPATIBLE
            return SOFT
        return found

    def ask_places(self, a: str, b: str, places: PlaceIndex | None) -> None:
        """Ask the index what `compare_places(a, b, places)` asks it, without the answer:
        a lazy index learns places in the order they are compared."""
        if places is None or (a, b) in places.compared:
            return
        ka, kb = self.place_key(a), self.place_key(b)
        if ka != kb and not self._transliterated(ka, kb):
            places.contains(a, b) or places.contains(b, a)

    def _compare_places(self, a: str, b: str, places: PlaceIndex | None) -> str:
        ka, kb = self.place_key(a), self.place_key(b)
        if ka == kb or self._transliterated(ka, kb):
            return SAME
        if places is not None and (places.contains(a, b) or places.contains(b, a)):
            return COMPATIBLE
        if self.water(a) != self.water(b):
            return COMPATIBLE  # a wide water holds or borders the place on land
        country_a, country_b = self._countries.get(ka), self._countries.get(kb)
        if country_a and country_b:
            return SAME if country_a == country_b else HARD
        if country_a or country_b:
            country, other = (country_a, b) if country_a else (country_b, a)
            inside = self._country_of_place(other, places)
            return HARD if inside and inside != country else COMPATIBLE
        if self._compass_within(ka, b, places) or self._compass_within(kb, a, places):
            return COMPATIBLE  # "South X" (or a place in it) lies in X
        city_a, city_b = self._cities.get(ka), self._cities.get(kb)
        if city_a and city_b:
            return HARD  # two different cities
        # hard when the index knows both places, else soft: two places nothing is
        # known about may be nested
        return _ASK_INDEX

    def water(self, name: str) -> bool:
        """A wide body of water by a word of its name: ``"the Korvo Strait"``, ``"Western Ocean"``."""
        return not self._water_words.isdisjoint(_words(name))

    def compass_whole(self, key: str) -> str | None:
        """The place key of the place a compass part is part of: ``"suth tarnesia"`` → ``"tarnesia"``."""
        for compass in self._compass_keys:
            if key.startswith(compass + " ") and len(key) > len(compass) + 1:
                return key[len(compass) + 1:]
        return None

    def region(self, name: str) -> bool:
        """A region by its name: a region word ("X province", "the Y coast") or a compass part."""
        found = self._regions.get(name)
        if found is None:
            if len(self._regions) > 65536:
                self._regions.clear()
            found = self._regions[name] = not self._region_words.isdisjoint(_words(name)) \
                or self.compass_whole(self.place_key(name)) is not None
        return found

    def _compass_within(self, outer_key: str, inner: str, places: PlaceIndex | None) -> bool:
        """`inner`, or a place it lies in, is a compass part of the place keyed `outer_key`."""
        keys = {self.place_key(inner)} | (places.ancestors(inner) if places is not None else frozenset())
        return any(self.compass_whole(k) == outer_key for k in keys)

    def _transliterated(self, ka: str, kb: str) -> bool:
        """Keys whose words differ by free transliteration only (Qarya / Karya)."""
        wa, wb = ka.split(), kb.split()
        return len(wa) == len(wb) and all(self.token_cost(x, y) == 0 for x, y in zip(wa, wb))

    def _country_of_place(self, name: str, places: PlaceIndex | None) -> str | None:
        key = self.place_key(name)
        if key in self._cities:
            return self._cities[key]
        if places is not None:
            for outer in places.ancestors(name):
                if outer in self._countries:
                    return self._countries[outer]
        return None

    # -- causes

    def cause_head(self, value: str) -> tuple[tuple[str, ...], str | None, bool, frozenset[str]]:
        """A cause's listed words, their kind, whether that kind is `alike`, and its
        details (the words after them): ``"shooting in the head"`` → ``(("shooting",),
        "violence", True, {"head"})``; a cause of no listed kind has no words and no kind.
        Words before the listed ones say whose or which ("a Turkish drone strike"), not where."""
        words = _words(value)
        # the head noun phrase first: "a fire at a fertiliser store" is a fire, "a blaze
        # that reached the fuel depot" a blaze; words after it say where, what it reached
        cut = next((i for i, w in enumerate(words) if i and w in _CAUSE_BOUNDARY), len(words))
        for end in (cut, len(words)):
            for size in range(min(self._longest_cause, end), 0, -1):
                for i in range(end - size + 1):
                    head = tuple(words[i:i + size])
                    if head in self._causes:
                        kind, alike = self._causes[head]
                        return head, kind, alike, frozenset(words[i + size:]) - _CAUSE_STOP
        return (), None, False, frozenset()

    def compare_causes(self, a: str, b: str, *, details: bool = True) -> str:
        """Causes by kind and detail: one cause at two levels of detail ("shooting" /
        "shooting in the head") is ``compatible``, with other details ("in the head" /
        "in the neck and shoulder") ``soft``; words of one `alike` kind are one cause (a
        raid, the missile that killed); two causes of another kind ``soft`` (two
        illnesses); causes of two kinds (a shooting, cancer) ``hard``, unless one kind
        `follows` from the other (a fire, a strike: ``compatible``) or `differs` only
        softly (a fire, the material that blew up: ``soft``); a cause of no listed kind
        never disagrees: its words say what happened more than why. `details`: whether
        details after the head tell causes apart (a death's wounds, not an event's place).

        >>> m = value_model()
        >>> m.compare_causes("shooting", "shooting in the head"), m.compare_causes("cancer", "raid")
        ('compatible', 'hard')
        """
        text = compare_text(a, b)
        if text == SAME:
            return SAME
        head_a, kind_a, alike, details_a = self.cause_head(a)
        head_b, kind_b, _, details_b = self.cause_head(b)
        if kind_a is None or kind_b is None:
            return weakest(text, COMPATIBLE)
        if kind_a != kind_b:
            if kind_a in self._follows.get(kind_b, ()) or kind_b in self._follows.get(kind_a, ()):
                return COMPATIBLE  # a fire that a strike or a fault started: one account
            return SOFT if {kind_a, kind_b} & self._soft_kinds else HARD
        if _singular(head_a) != _singular(head_b) and not alike:
            return SOFT  # two explanations of one kind: a stroke, cancer
        if not details or not details_a or not details_b or details_a == details_b:
            return COMPATIBLE  # one says less than the other
        return SOFT  # "in the neck" / "in the neck and shoulder"

    def generic_actor(self, attribute: str, value: object) -> bool:
        """A value that names a deliberate act and nobody who did it ("attack",
        "sabotage", "foul play"), from the `generic` words of the rules."""
        words = self.generic.get(attribute)
        return bool(words) and value is not None and " ".join(_words(str(value))) in words

    def deliberate_cause(self, value: object) -> bool:
        """A cause that is someone's deliberate act (a bomb, a missile strike)."""
        return value is not None and self.cause_head(str(value))[1] in self.deliberate_kinds

    def compare_actors(self, a: str, b: str) -> str:
        """Who did it: two countries ``same`` or ``hard``; two organisations ``same``
        up to house style and acronyms, else ``compatible`` (one may be part of the
        other: an agency of a government, a unit of an army); a country and an
        organisation ``compatible``."""
        ca, cb = self.country(a), self.country(b)
        if ca and cb:
            return SAME if ca == cb else HARD
        if ca or cb:
            return COMPATIBLE
        return SAME if self.same_organisation(a, b) or fold(a) == fold(b) else COMPATIBLE

    # -- titles

    def parse_title(self, value: str) -> Title:
        """``"the leader of Group G"`` → ``Title("leader", "group g", unique=True)``.

        >>> m = value_model()
        >>> m.parse_title("a senior leader of Group G").many, m.parse_title("Group G chief").role
        (True, 'leader')
        """
        title = self._titles.get(value)
        if title is None:
            title = self._titles[value] = self._parse_title(value)
        return title

    def _parse_title(self, value: str) -> Title:
        text = fold(value)
        m = _ORG_SPLIT.match(text)
        role_words, org = (_words(m[1]), m[2]) if m else ([], "")
        roles, other, former, many = self._role_words(role_words)
        words = _words(text)
        if not roles and self._known_end(words, roles_only=True):
            # "Ministry of Health spokeswoman", "Group G chief": the role comes last
            cut = len(words)
            while cut > 0 and (size := self._known_end(words[:cut])):
                cut -= size
            start = 0  # qualifiers before the organisation: "a senior Group G leader",
            # and a dominant role: "deputy interior minister"
            while start < cut and (size := self._known_start(words[start:cut], dominant=True)):
                start += size
            role_words, org = words[:start] + words[cut:], " ".join(words[start:cut])
            roles, other, former, many = self._role_words(role_words)
        elif not m:  # no known role word: the last word is the role ("Group G courier")
            role_words, org = words[-1:], " ".join(words[:-1])
            roles, other, former, many = self._role_words(role_words)
        dominant = [r for r in roles if r.dominant]
        found = dominant[0] if dominant else roles[-1] if roles else None
        role = found.role if found else " ".join(other or role_words)
        under = ""
        if dominant:  # "deputy leader", "deputy director": the role deputised
            below = [r for r in roles if not r.dominant]
            under = below[-1].role if below else " ".join(other)
        return Title(role, " ".join(org.split()), unique=bool(found and found.unique),
                     former=former, many=many, under=under)

    def _role_words(self, words: list[str]) -> tuple[list[_Role], list[str], bool, bool]:
        """The roles, other words, and former/many qualifiers among a title's role words."""
        roles: list[_Role] = []
        other: list[str] = []
        former = many = False
        i = 0
        while i < len(words):
            for size in range(min(self._longest, len(words) - i), 0, -1):
                phrase = tuple(words[i:i + size])
                if phrase in self._roles:
                    roles.append(self._roles[phrase])
                    break
                if phrase in self._qualifiers:
                    effect = self._qualifiers[phrase]
                    former |= effect == "former"
                    many |= effect == "many"
                    break
            else:
                size = 1
                other.append(words[i])
            i += size
        return roles, other, former, many

    def _known_start(self, words: list[str], *, dominant: bool = False) -> int:
        """The length of the longest qualifier phrase (or, `dominant`, dominant role:
        "deputy") starting `words`, or 0."""
        for size in range(min(self._longest, len(words)), 0, -1):
            phrase = tuple(words[:size])
            if phrase in self._qualifiers or (
                    dominant and phrase in self._roles and self._roles[phrase].dominant):
                return size
        return 0

    def _known_end(self, words: list[str], *, roles_only: bool = False) -> int:
        """The length of the longest role (or qualifier) phrase ending `words`, or 0."""
        for size in range(min(self._longest, len(words)), 0, -1):
            phrase = tuple(words[-size:])
            if phrase in self._roles or (not roles_only and phrase in self._qualifiers):
                return size
        return 0

    def _org_tokens(self, org: str) -> tuple[str, ...]:
        return tuple(t for t in _names.core_tokens(org, "ORG", nr=self.nr) if t not in _ORG_STOP)

    def same_organisation(self, a: str, b: str) -> bool:
        """Organisations equal up to house style, transliteration or acronym.

        >>> value_model().same_organisation("Front for the Liberation of X", "FLX")
        True
        """
        ta, tb = self._org_tokens(a), self._org_tokens(b)
        if not ta or not tb:
            return False
        if ta == tb:
            return True
        for short, long_name in ((a, b), (b, a)):
            if len(_names.words(short)) == 1 and len(_names.words(long_name)) > 1:
                pattern = _names.initialism_pattern(long_name, self.nr)
                letters = _names.acronym_letters(short)
                if pattern is not None and len(letters) >= 2 and pattern.fullmatch(letters):
                    return True
        return len(ta) == len(tb) and all(self.token_cost(x, y) != _names.INFINITE
                                          for x, y in zip(ta, tb))

    def same_role(self, a: Title, b: Title) -> bool:
        """One role of one organisation (qualifiers aside)."""
        return a.role == b.role and bool(a.organisation) and bool(b.organisation) \
            and self.same_organisation(a.organisation, b.organisation)

    def compare_titles(self, a: str, b: str) -> str:
        """Titles are multi-valued: one role of one organisation is ``same``; the same
        role called former by one and current by the other, or titles one person
        cannot hold at once (`title_rivalry`), ``soft``; anything else ``compatible``."""
        ta, tb = self.parse_title(a), self.parse_title(b)
        if not self.same_role(ta, tb):
            if (ta.role, ta.organisation, ta.former) == (tb.role, tb.organisation, tb.former):
                return SAME
            return SOFT if self._rank_rivals(ta, tb) else COMPATIBLE
        if ta.former != tb.former:
            return SOFT
        return SAME if ta.many == tb.many else COMPATIBLE

    def title_rivalry(self, a: str, b: str) -> str | None:
        """Why one person cannot hold both titles as given, or None (both may be true:
        a minister who leads a party, a group's leader and its founder).

        ``"former"``: one role of one organisation, called former by one source only.
        ``"rank"``: the spokesman of an office against its holder ("the interior
        ministry's spokesman" / "the deputy interior minister"; "spokesman for the
        prosecutor's office" / "the prosecutor"), or a deputy against the role he
        deputises in the same organisation ("deputy leader of X" / "leader of X").

        >>> m = value_model()
        >>> m.title_rivalry("health ministry spokesman", "deputy health minister")
        'rank'
        >>> m.title_rivalry("health minister", "leader of the Green Party") is None
        True
        """
        ta, tb = self.parse_title(a), self.parse_title(b)
        if self.same_role(ta, tb):
            return FORMER_TITLE if ta.former != tb.former else None
        return RANK if self._rank_rivals(ta, tb) else None

    def _rank_rivals(self, ta: Title, tb: Title) -> bool:
        found = self._rivals.get((ta, tb))
        if found is None:
            if len(self._rivals) > 65536:
                self._rivals.clear()
            found = self._rivals[(ta, tb)] = self._rank_rivals_of(ta, tb)
        return found

    def _rank_rivals_of(self, ta: Title, tb: Title) -> bool:
        if ta.former or tb.former or ta.many or tb.many:
            return False  # another time, or one of several
        for x, y in ((ta, tb), (tb, ta)):
            if x.under and x.under == y.role and not y.under and x.organisation \
                    and y.organisation and self.same_organisation(x.organisation, y.organisation):
                return True  # "deputy leader of X" / "leader of X"
            spoken, held = self._speaks_for(x), self._holds(y)
            if spoken and held is not None:
                office, role = held
                if spoken <= office and (role in spoken or spoken == office - {role}):
                    return True
        return False

    def _office_words(self, org: str) -> frozenset[str]:
        """An organisation's words with its office words as the role holding it
        ("federal prosecutor's office" -> {federal, prosecutor})."""
        words = [w for w in _words(org) if w not in _ORG_STOP]
        out: list[str] = []
        i = 0
        while i < len(words):
            for size in range(min(4, len(words) - i), 0, -1):
                phrase = tuple(words[i:i + size])
                if phrase in self._offices:
                    out.append(self._offices[phrase])
                    break
            else:
                size = 1
                out.append(words[i])
            i += size
        return frozenset(out)

    def _speaks_for(self, title: Title) -> frozenset[str]:
        """The office a spokesman (or the head of its press unit) speaks for."""
        org = _words(title.organisation)
        if title.role not in self._speaks:
            unit = next((len(u) for u in self._units if len(org) > len(u) and tuple(org[-len(u):]) == u), 0)
            if not unit or title.role in self._office_roles:
                return frozenset()
            org = org[:-unit]
        return self._office_words(" ".join(org))

    def _holds(self, title: Title) -> tuple[frozenset[str], str] | None:
        """The office a title holds (its words and the holding role), or None."""
        role = title.role if title.role in self._office_roles else \
            title.under if title.under in self._office_roles else None
        if role is None:
            return None
        return self._office_words(title.organisation) | {role}, role

    # -- compare

    def key(self, value_type: str, value: object, *, attribute: str | None = None) -> object:
        """A hashable key such that equal keys always compare ``"same"``."""
        if value is None:
            return None
        memo = (value_type, value, attribute == "title") if isinstance(value, (str, int, float)) else None
        if memo is not None:
            found = self._keys.get(memo)
            if found is None:
                if len(self._keys) > 65536:
                    self._keys.clear()
                found = self._keys[memo] = self._key(value_type, value, attribute=attribute)
            return found
        return self._key(value_type, value, attribute=attribute)

    def _key(self, value_type: str, value: object, *, attribute: str | None = None) -> object:
        if attribute == "title":
            t = self.parse_title(str(value))
            return ("title", t.role, self._org_tokens(t.organisation), t.former, t.many)
        if value_type == "date":
            span = parse_date(str(value))
            return ("date", span.key) if span is not None else ("text", fold(str(value)))
        if value_type == "quantity":
            q = parse_quantity(value)  # type: ignore[arg-type]
            return ("quantity", q.lo, q.hi, q.kind) if q is not None else ("text", fold(str(value)))
        if value_type == "country":
            return ("country", self.country(str(value)) or self.place_key(str(value)))
        if value_type == "entity":
            return ("entity", self.place_key(str(value)))
        if value_type == "name":
            return ("name", self.name_key(str(value)))
        return ("text", fold(str(value)))

    def bucket(self, value_type: str, value: object, *, attribute: str | None = None) -> object:
        """A coarse key such that two values that compare ``same`` always share it (the
        converse need not hold): values are compared pairwise within a bucket only.

        >>> m = value_model()
        >>> m.bucket("date", "XXXX-03-08") == m.bucket("date", "2031-03-08")
        True
        """
        if value is None:
            return None
        if attribute == "title":
            t = self.parse_title(str(value))
            return ("title", t.role, t.former, t.many)
        if value_type == "date":
            text = str(value).strip().upper()
            return ("date", text[4:] if re.match(r"^(\d{4}|XXXX)-", text) else text)
        if value_type == "entity":
            return ("entity", tuple(_names.block_key(w, self.nr)
                                    for w in self.place_key(str(value)).split()))
        return self.key(value_type, value, attribute=attribute)

    def measure(self, value: object) -> tuple[Amount, str, str] | None:
        """An amount given with a unit of the rules, in its base unit, with the base and
        the unit; None without a unit.

        >>> m = value_model()
        >>> m.measure("1,850 tonnes")[1:], m.measure("40 km")[0].lo
        (('tonne', 'tonne'), 40000.0)
        """
        if isinstance(value, (int, float)) or not self._measures:
            return None
        words = fold(str(value)).replace("/", " ").split()  # "185 km/h": the unit's words as the rules split them
        for size in range(min(self._longest_unit, len(words) - 1), 0, -1):
            found = self._measures.get(tuple(w.strip(".,") for w in words[-size:]))
            if found is not None:
                amount = parse_quantity(" ".join(words[:-size]))
                if amount is None:
                    return None
                unit, base, factor = found
                centre = amount.centre * factor if amount.centre is not None else None
                return Amount(amount.lo * factor, amount.hi * factor, amount.kind, centre), base, unit
        return None

    def compare_measures(self, a: str | int | float, b: str | int | float, *,
                         attribute: str | None = None) -> str:
        """Quantities with or without units: "1,850 tonnes" = "1850 tons"; "40 km" and
        "24.9 miles" agree (converted amounts are as precise as their rounding, two
        percent); amounts of different kinds of unit never disagree; a number without a
        unit is taken in the other's unit."""
        ma, mb = self.measure(a), self.measure(b)
        if ma is None and mb is None:
            return compare_quantities(a, b, attribute=attribute)
        if ma is not None and mb is not None:
            (qa, base_a, unit_a), (qb, base_b, unit_b) = ma, mb
            if base_a != base_b:
                return COMPATIBLE  # "6 km" / "6 hours": not amounts of one thing
            if unit_a != unit_b:
                qa, qb = _converted(qa), _converted(qb)
                if qa.lo <= qb.hi and qb.lo <= qa.hi:
                    return COMPATIBLE  # one amount in two units ("62 km (38.5 miles)")
            return compare_amounts(qa, qb, attribute=attribute)
        bare, other = (a, b) if ma is None else (b, a)
        words = fold(str(other)).split()
        number = " ".join(words[:-1]) if len(words) > 1 else str(other)
        return compare_quantities(bare, number, attribute=attribute)

    def compare(self, value_type: str, a: object, b: object, *, attribute: str | None = None,
                places: PlaceIndex | None = None, several: bool | None = None) -> str:
        """How two normalized values of one attribute relate: same, compatible, soft, hard.

        `several` (default: from the cardinality rules) says whether the attribute
        holds several values at once; pass False to ask whether two values are one
        (a denial of one member of a group against that member).
        """
        if a is None or b is None:
            return SAME if a is b else COMPATIBLE
        if attribute == "title":
            return self.compare_titles(str(a), str(b))
        if attribute == PROPOSITION:
            # what happened, as a key ('lock gate'): another key is another proposition,
            # which neither agrees with this one nor contradicts it
            relation = SAME if fold(str(a)) == fold(str(b)) else HARD
            return COMPATIBLE if relation == HARD and several is not False else relation
        if attribute in self.cause_attributes:
            # the details of a death's cause are its wounds ("in the head"); of an
            # event's cause, where and what it reached ("a fire at the port")
            relation = self.compare_causes(str(a), str(b), details=attribute != "cause")
        elif attribute in self.joint:
            relation = self.compare_actors(str(a), str(b))
        elif value_type == "date" or (attribute in self.within_minutes
                                      and _timex_like(a) and _timex_like(b)):
            relation = compare_dates(_as_timex(a), _as_timex(b),
                                     within=self.within_minutes.get(attribute or "", CLOCK_TOLERANCE))
        elif value_type == "quantity":
            relation = self.compare_measures(a, b, attribute=attribute)  # type: ignore[arg-type]
        elif value_type == "country":
            relation = self.compare_countries(str(a), str(b))
        elif value_type == "entity":
            relation = self.compare_places(str(a), str(b), places)
        elif value_type == "name":
            relation = self.compare_names(str(a), str(b))
        else:
            # free text ("raid" / "operation") differs by paraphrase far more often than by
            # contradiction, and nothing here can tell the two apart: no disagreement
            relation = weakest(compare_text(str(a), str(b)), COMPATIBLE)
        if several is None:
            several = attribute in self.multi_valued
        if several and relation in (SOFT, HARD):
            return COMPATIBLE  # one may belong to several groups, have several spouses
        return relation


_MODELS: dict[str, ValueModel] = {}


def value_model(rules: RuleSet | None = None) -> ValueModel:
    """The `ValueModel` of a rule set (the shipped rules by default), cached per version."""
    rules = rules if rules is not None else load_rules()
    model = _MODELS.get(rules.version)
    if model is None:
        model = _MODELS[rules.version] = ValueModel(rules)
    return model


# ------------------------------------------------- the shipped rules, as plain functions

def compare(value_type: str, a: object, b: object, *, attribute: str | None = None,
            places: PlaceIndex | None = None) -> str:
    """How two normalized values of one attribute relate: same, compatible, soft, hard.

    >>> compare("date", "2031-03-01", "2031-03-03"), compare("quantity", "up to 40", 40)
    ('hard', 'compatible')
    """
    return value_model().compare(value_type, a, b, attribute=attribute, places=places)


def value_key(value_type: str, value: object, *, attribute: str | None = None) -> object:
    """A hashable key such that equal keys always compare ``"same"``."""
    return value_model().key(value_type, value, attribute=attribute)


def compare_names(a: str, b: str) -> str:
    """How two spellings of a name relate.

    >>> compare_names("Mr. Yusuf", "Karim Yusuf"), compare_names("Karim Yusuf", "Karim Yousuf")
    ('compatible', 'soft')
    """
    return value_model().compare_names(a, b)


def name_tokens(name: str, entity_type: str = "") -> tuple[str, ...]:
    """The words of a spelling once house style is set aside.

    >>> name_tokens("Mr. Yusuf"), name_tokens("Karim al-Haqani")
    (('yusuf',), ('karim', 'haqani'))
    """
    return value_model().name_key(name, entity_type)


def spelling_variants(a: str, b: str) -> bool:
    """True when two different name words are plausibly one name spelled two ways.

    >>> spelling_variants("yusuf", "yousuf"), spelling_variants("karim", "yusuf")
    (True, False)
    """
    return value_model().spelling_variants(a, b)


def compare_countries(a: str, b: str) -> str:
    """Countries by name: ``compare_countries("U.S.", "United States") == "same"``."""
    return value_model().compare_countries(a, b)


def compare_places(a: str, b: str, places: PlaceIndex | None = None) -> str:
    """Places by canonical name and containment.

    >>> idx = PlaceIndex({"Town T": ["Province P"]})
    >>> compare_places("Town T", "Province P", idx), compare_places("Town T", "Elsewhere")
    ('compatible', 'soft')
    """
    return value_model().compare_places(a, b, places)


def place_key(name: str) -> str:
    return value_model().place_key(name)


def parse_title(value: str) -> Title:
    return value_model().parse_title(value)


def same_organisation(a: str, b: str) -> bool:
    return value_model().same_organisation(a, b)


def compare_titles(a: str, b: str) -> str:
    """Titles by role and organisation.

    >>> compare_titles("leader of Group G", "head of Group G"), compare_titles("leader of G", "leader of H")
    ('same', 'compatible')
    """
    return value_model().compare_titles(a, b)
