"""The value model: normalized values made comparable, one model per `value_type`.

`compare(value_type, a, b)` answers how two normalized values of one attribute
relate, as one of four words, weakest disagreement first:

- ``"same"``: equal after normalization (``"Sept. 23"`` and ``"September 23"`` both
  give ``2019-09-23``; ``40`` and ``"40"``);
- ``"compatible"``: both can be true because one contains the other and is merely
  less precise (``2019`` and ``2019-09-23``; ``"<=40"`` ("up to 40") and ``40``; a
  district and the province it is known to lie in);
- ``"soft"``: they overlap partly or differ in precision in a way that matters
  (``2019-09-22TNI`` and ``2019-09-23``; ``2019-09-22/2019-09-23`` and ``2019-09-23``;
  ``"dozens"`` and ``40``);
- ``"hard"``: they cannot both be true (``2019-10-01`` and ``2019-10-02``; six and nine).

Models, by value type:

- ``date``: a TIMEX3 value becomes a half-open interval of minutes. A part of day
  (``TNI`` night, ``TMO`` morning, ``TAF`` afternoon, ``TEV`` evening) is its span of
  hours; a night runs from 18:00 on day D to 06:00 on D+1, so it is soft against
  D+1 yet compatible with D (the *core* of a night is the part inside D). An explicit
  interval ``A/B`` is a range of uncertainty at the precision of its ends, so a value
  inside it is ``soft``, whereas a calendar unit (year, month, week, season) merely
  is less precise and contains its days ``compatible``-ly. ``XXXX-MM-DD`` (unknown
  year) is tried against the years of the other value.
- ``quantity``: a closed range ``[lo, hi]`` with a kind: exact, bound (``">=40"``,
  ``"<=40"``), range (``"20-40"``), approximate (``"~40"``) or vague (``"dozens"``).
  A vague or approximate value containing an exact one is ``soft`` (unless the exact
  one is the approximate value's centre); an age off by one year is ``soft``.
- ``country``: case-, accent- and punctuation-folded names (``U.S.`` = ``US``).
- ``entity``: canonical names folded, with generic administrative words dropped
  (``Kerry County`` = ``Kerry``), and containment from a `PlaceIndex`:
  contained places are ``compatible``; two places both known to the index and not
  nested are ``hard``; two places the index knows nothing about are ``soft``.
- ``title`` (the attribute, whatever its value type): ``"ROLE of ORGANISATION"``,
  role reduced to a family (leader = head = chief = emir = commander). Same family
  and organisation: ``same``. Same organisation, different family (spokesman vs
  leader): ``soft``. Different organisations: ``compatible`` — people hold several
  titles, so that is no disagreement.
- ``name``: folded equality is ``same``; one name's tokens inside the other's
  (``"Mr. Yusuf"`` and ``"Karim Yusuf"``) ``compatible``; a token spelled differently
  (transliterations) ``soft``; otherwise ``hard``.
- ``text`` and anything else: folded equality ``same``, otherwise ``compatible``:
  free text differs by paraphrase ("raid" / "operation") far more often than by
  contradiction, so it only takes part in denials. (`compare_text` itself still says
  ``soft`` for different words; unparsable dates and quantities fall back to it.)

Attributes in `MULTI_VALUED` (``member_of``, ``spouse``, ...) can hold several values
at once, so two different values are ``compatible`` there.

This module is on the query path: standard library only.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Callable, Iterable, Mapping

SAME, COMPATIBLE, SOFT, HARD = "same", "compatible", "soft", "hard"
#: relations from agreement to contradiction; index = strength of disagreement
RELATIONS = (SAME, COMPATIBLE, SOFT, HARD)
_RANK = {r: i for i, r in enumerate(RELATIONS)}

#: attributes that can truly hold several values at once: different values agree
MULTI_VALUED = frozenset({
    "alternate_names", "member_of", "top_members", "spouse", "children", "parents",
    "siblings", "other_family", "employee_of", "located_in", "residence",
    "cities_of_residence", "countries_of_residence", "members", "subsidiaries",
})


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


@dataclass(frozen=True)
class DateSpan:
    """A date as a half-open interval of minutes since 0001-01-01.

    `core_lo`/`core_hi` is the part that belongs to the named day (for a night: its
    evening part); containment is judged on the core, overlap on the whole span.
    `ranged` marks an explicit interval ``A/B``; `year_free` holds the rest of a
    value whose year is unknown (``"-09-02"`` of ``XXXX-09-02``).
    """

    lo: int
    hi: int
    core_lo: int
    core_hi: int
    ranged: bool = False
    year_free: str | None = None

    @property
    def key(self) -> tuple:
        return (self.lo, self.hi, self.year_free)


def _minute(d: date, hours: float = 0) -> int:
    return (d.toordinal() - 1) * _MIN_PER_DAY + int(hours * 60)


def _month_start(year: int, month: int) -> date:
    year += (month - 1) // 12
    return date(year, (month - 1) % 12 + 1, 1)


def _plain(lo: int, hi: int) -> DateSpan:
    return DateSpan(lo, hi, lo, hi)


_DAY_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T(NI|MO|AF|EV|MI|DT|(\d{2})(?::(\d{2}))?(?::\d{2}(?:\.\d+)?)?))?$")


@lru_cache(maxsize=65536)
def parse_date(value: str) -> DateSpan | None:
    """A TIMEX3 date value as a `DateSpan`, or None when it is not one.

    >>> s = parse_date("2019-09-22TNI"); (s.hi - s.lo) // 60
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
                        year_free=value[4:])
    try:
        return _parse_known(value)
    except ValueError:  # impossible calendar dates such as 2019-02-30
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
                            _minute(day, start), _minute(day, min(end, 24)))
        hour, minute = int(m[5]), int(m[6] or 0)
        lo = _minute(day, hour + minute / 60)
        return _plain(lo, lo + (1 if m[6] else 60))
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


def _relate_spans(a: DateSpan, b: DateSpan) -> str:
    if (a.lo, a.hi) == (b.lo, b.hi):
        return SAME  # "2019-09-23/2019-09-23" is 2019-09-23
    if a.hi <= b.lo or b.hi <= a.lo:
        return HARD
    containers = [outer for outer, inner in ((a, b), (b, a))
                  if outer.lo <= inner.core_lo and inner.core_hi <= outer.hi]
    # a calendar unit is just less precise; an explicit range is doubt
    if any(not outer.ranged for outer in containers):
        return COMPATIBLE
    return SOFT


def _year_of(minute: int) -> int:
    return date.fromordinal(minute // _MIN_PER_DAY + 1).year


def compare_dates(a: str, b: str) -> str:
    """How two TIMEX3 values relate.

    >>> compare_dates("2019", "2019-09-23"), compare_dates("2019-09-22TNI", "2019-09-23")
    ('compatible', 'soft')
    """
    if str(a).strip().upper() == str(b).strip().upper():
        return SAME
    if str(a).upper() in _VAGUE_DATES or str(b).upper() in _VAGUE_DATES:
        return COMPATIBLE
    sa, sb = parse_date(a), parse_date(b)
    if sa is None or sb is None:
        return compare_text(str(a), str(b))
    if bool(sa.year_free) == bool(sb.year_free):
        return _relate_spans(sa, sb)
    free, known = (sa, sb) if sa.year_free else (sb, sa)
    first, last = _year_of(known.lo), _year_of(max(known.hi - 1, known.lo))
    if last - first > 3:  # a decade or more: any month-day fits somewhere
        return COMPATIBLE
    best = HARD
    for year in range(first - 1, last + 1):  # year - 1: a winter or night spills over
        span = parse_date(f"{year}{free.year_free}")
        if span is not None:
            best = weakest(best, _relate_spans(span, known))
    # the unknown year makes the value less precise, never identical
    return COMPATIBLE if best == SAME else best


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
    if (qa.lo, qa.hi, qa.kind) == (qb.lo, qb.hi, qb.kind):
        return SAME
    if qa.hi < qb.lo or qb.hi < qa.lo:
        # an age a year off is a birthday between two articles, not a contradiction
        if attribute == "age" and qa.kind == qb.kind == EXACT and abs(qa.lo - qb.lo) <= 1:
            return SOFT
        return HARD
    found = [_contained(outer, inner) for outer, inner in ((qa, qb), (qb, qa))
             if outer.lo <= inner.lo and inner.hi <= outer.hi]
    return weakest(*found) if found else SOFT  # the same both ways round


def _contained(outer: Amount, inner: Amount) -> str:
    if outer.kind == VAGUE:
        return SOFT
    if outer.kind == APPROX:
        return COMPATIBLE if inner.kind == EXACT and inner.lo == outer.centre else SOFT
    return COMPATIBLE


# --------------------------------------------------------------------- names and text

#: titles before a name; the shipped rules/honorifics.yml holds the full list for
#: extraction, this short one only keeps the query side free of rule loading
HONORIFICS = frozenset({
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lord", "lady",
    "rev", "fr", "sheikh", "shaikh", "sheik", "mullah", "maulana", "mufti", "imam",
    "col", "gen", "lt", "maj", "capt", "sgt", "cpl", "pvt", "adm", "cmdr", "brig",
    "colonel", "general", "lieutenant", "major", "captain", "sergeant", "president",
    "minister", "king", "queen", "prince", "princess", "emir", "amir", "sen", "rep",
    "gov", "hon", "st", "jr", "sr",
})
#: name particles that transliterations attach, drop or capitalise at will
PARTICLES = frozenset({
    "al", "el", "ul", "ud", "ur", "ad", "ar", "as", "an", "at", "az", "bin", "ibn",
    "bint", "ben", "bn", "abd", "van", "von", "der", "den", "de", "da", "di", "du",
    "la", "le", "the",
})


@lru_cache(maxsize=65536)
def name_tokens(name: str) -> tuple[str, ...]:
    """The folded tokens of a name without honorifics and particles.

    >>> name_tokens("Mr. Yusuf"), name_tokens("Karim al-Haqani")
    (('yusuf',), ('karim', 'haqani'))
    """
    words = _words(name)
    kept = tuple(w for w in words if w not in HONORIFICS and w not in PARTICLES)
    return kept or tuple(words)


@lru_cache(maxsize=65536)
def skeleton(token: str) -> str:
    """A consonant skeleton for transliteration variants: vowels, h, w and y dropped,
    doubles collapsed, q/c → k, z → s, j → g.

    >>> skeleton("yusuf") == skeleton("yousuf"), skeleton("haqani") == skeleton("haqqani")
    (True, True)
    """
    out = []
    for c in token.translate(str.maketrans("qczj", "kksg")):
        if c in "aeiouhwy" or (out and out[-1] == c):
            continue
        out.append(c)
    return "".join(out)


def _edit_distance_at_most_one(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = j = diffs = 0
    while i < len(a) and j < len(b):
        if a[i] != b[j]:
            diffs += 1
            if diffs > 1:
                return False
            if len(a) == len(b):
                i += 1
            j += 1
        else:
            i, j = i + 1, j + 1
    return diffs + (len(b) - j) + (len(a) - i) <= 1


def spelling_variants(a: str, b: str) -> bool:
    """True when two different name tokens are plausibly one name spelled two ways.

    >>> spelling_variants("yusuf", "yousuf"), spelling_variants("karim", "yusuf")
    (True, False)
    """
    if a == b or not a or not b:
        return False
    if a[0].isdigit() or b[0].isdigit():
        return False
    ka, kb = skeleton(a), skeleton(b)
    if ka == kb and len(ka) >= 2:
        return True
    return min(len(a), len(b)) >= 4 and a[0] == b[0] and _edit_distance_at_most_one(a, b)


def compare_names(a: str, b: str) -> str:
    """How two spellings of a name relate.

    >>> compare_names("Mr. Yusuf", "Karim Yusuf"), compare_names("Karim Yusuf", "Karim Yousuf")
    ('compatible', 'soft')
    """
    ta, tb = name_tokens(a), name_tokens(b)
    if ta == tb:
        return SAME
    sa, sb = set(ta), set(tb)
    if sa <= sb or sb <= sa:
        return COMPATIBLE
    only_a, only_b = sa - sb, sb - sa
    if all(any(spelling_variants(x, y) for y in only_b) for x in only_a) or \
            all(any(spelling_variants(x, y) for x in only_a) for y in only_b):
        return SOFT
    return HARD


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


@lru_cache(maxsize=65536)
def country_key(name: str) -> str:
    """``"the U.S."`` → ``"us"``: countries compare by folded name."""
    words = [w for w in _words(name) if w != "the"]
    return "".join(words) if all(len(w) == 1 for w in words) else " ".join(words)


def compare_countries(a: str, b: str) -> str:
    """Countries by name: ``compare_countries("Norway", "norway") == "same"``."""
    return SAME if country_key(a) == country_key(b) else HARD


# ----------------------------------------------------------------------------- places

#: generic words of place names that do not change which place is meant
_ADMIN_WORDS = frozenset({
    "province", "district", "city", "county", "state", "region", "governorate",
    "prefecture", "municipality", "village", "town", "area", "territory", "oblast",
    "department", "division", "sub-district", "subdistrict", "valley",
})


@lru_cache(maxsize=65536)
def place_key(name: str) -> str:
    """``"the Kerry County"`` → ``"kerry"``; never empty for a non-empty name."""
    words = [w for w in _words(name) if w != "the"]
    kept = [w for w in words if w not in _ADMIN_WORDS]
    return " ".join(kept or words)


class PlaceIndex:
    """Which place lies in which, from `located_in` facts or a lookup function.

    Built eagerly (``PlaceIndex.from_facts(facts)``, every fact with attribute
    ``located_in``: entity = the place, value = the place containing it) or lazily
    (``PlaceIndex(lookup=store_parents)`` where ``lookup(name)`` returns the names of
    the places directly containing the place called `name`, as the facts spell it),
    so that a store can answer one entity without loading every containment fact.

    >>> idx = PlaceIndex({"District A": ["Province B"], "Province B": ["Country C"]})
    >>> idx.contains("Country C", "district a")
    True
    """

    def __init__(self, parents: Mapping[str, Iterable[str]] | None = None, *,
                 lookup: Callable[[str], Iterable[str]] | None = None) -> None:
        self._parents: dict[str, set[str]] = {}
        self._names: dict[str, str] = {}  # key -> a name as written, for `lookup`
        self._lookup = lookup
        self._ancestors: dict[str, frozenset[str]] = {}
        self._containers: set[str] = set()  # keys some place is said to lie in
        for child, outers in (parents or {}).items():
            for outer in outers:
                self.add(child, outer)

    @classmethod
    def from_facts(cls, facts: Iterable[dict]) -> "PlaceIndex":
        index = cls()
        for fact in facts:
            if fact.get("attribute") == "located_in" and fact.get("value") is not None \
                    and fact.get("polarity", "affirmed") == "affirmed":
                index.add(fact["entity"], str(fact["value"]))
        return index

    def add(self, place: str, container: str) -> None:
        """Record that `place` lies in `container`."""
        inner, outer = self._key(place), self._key(container)
        if inner != outer:
            self._parents.setdefault(inner, set()).add(outer)
            self._parents.setdefault(outer, set())
            self._containers.add(outer)
            self._ancestors.clear()

    def _key(self, name: str) -> str:
        key = place_key(name)
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

    def knows(self, place: str) -> bool:
        key = self._key(place)
        return bool(self._direct(key)) or key in self._containers

    def contains(self, outer: str, inner: str) -> bool:
        """True when `inner` lies (transitively) in `outer`."""
        return place_key(outer) in self.ancestors(inner)


def compare_places(a: str, b: str, places: PlaceIndex | None = None) -> str:
    """Places by canonical name and containment.

    >>> idx = PlaceIndex({"Town T": ["Province P"]})
    >>> compare_places("Town T", "Province P", idx), compare_places("Town T", "Elsewhere")
    ('compatible', 'soft')
    """
    if place_key(a) == place_key(b):
        return SAME
    if places is None:
        return SOFT  # without geography, two names may still be one place in another
    if places.contains(a, b) or places.contains(b, a):
        return COMPATIBLE
    if places.knows(a) and places.knows(b):
        return HARD
    return SOFT


# ----------------------------------------------------------------------------- titles

#: role words reduced to a family: the leader of X is also its head, chief, emir
ROLE_FAMILIES = {
    "leader": "leader", "head": "leader", "chief": "leader", "emir": "leader",
    "amir": "leader", "commander": "leader", "chairman": "leader", "chair": "leader",
    "chairwoman": "leader", "boss": "leader", "director": "leader", "president": "leader",
    "ruler": "leader", "founder": "founder", "cofounder": "founder",
    "spokesman": "spokesperson", "spokeswoman": "spokesperson",
    "spokesperson": "spokesperson", "deputy": "deputy", "second": "deputy",
    "member": "member", "militant": "member", "fighter": "member",
}
#: words that qualify a role without changing it
_ROLE_MODIFIERS = frozenset({
    "the", "a", "an", "its", "his", "her", "their", "senior", "top", "former", "late",
    "slain", "current", "then", "regional", "overall", "supreme", "main", "chief"})


@dataclass(frozen=True)
class Title:
    role: str
    organisation: str


@lru_cache(maxsize=65536)
def parse_title(value: str) -> Title:
    """``"the leader of Group G"`` → ``Title("leader", "group g")``; ``"Group G chief"`` too.

    >>> parse_title("a senior leader of Group G") == parse_title("Group G chief")
    True
    """
    text = fold(value)
    m = re.match(r"^(.*?)\s+(?:of|for|at|in|with)\s+(.+)$", text)
    if m:
        role_words, org = _words(m[1]), m[2]
    else:  # "Group G chief": the role word comes last
        words = _words(text)
        role_words, org = words[-1:], " ".join(words[:-1])
    family = ""
    for word in role_words:
        if word in ROLE_FAMILIES:
            family = ROLE_FAMILIES[word]
            if family == "deputy":
                break  # "deputy leader" is a deputy, not a leader
        elif word not in _ROLE_MODIFIERS and not family:
            family = word
    if not family:  # only modifiers: "chief of X"
        family = ROLE_FAMILIES.get(role_words[-1], role_words[-1]) if role_words else ""
    return Title(family, org)


def _org_tokens(org: str) -> tuple[str, ...]:
    return tuple(w for w in _words(org) if w not in PARTICLES and w not in {"in", "of", "and", "for"})


_ACRONYM_SKIP = frozenset({"in", "the", "of", "and", "for", "on", "at", "to", "a", "an", "&"})


def _acronyms(name: str) -> set[str]:
    """Plausible acronyms of a long name: with and without its small words."""
    words = _words(name)
    return {"".join(w[0] for w in words),
            "".join(w[0] for w in words if w not in _ACRONYM_SKIP),
            "".join(w[0] for w in words if w not in _ACRONYM_SKIP and w not in PARTICLES)}


def same_organisation(a: str, b: str) -> bool:
    """Organisations equal up to folding, transliteration or acronym.

    >>> same_organisation("Front for the Liberation of X", "FLX")
    True
    """
    ta, tb = _org_tokens(a), _org_tokens(b)
    if ta == tb:
        return True
    if not ta or not tb:
        return False
    for short, long_name in ((ta, tb), (tb, ta)):
        if len(short) == 1 and len(long_name) > 1 and short[0] in _acronyms(b if long_name is tb else a):
            return True
    return len(ta) == len(tb) and all(x == y or spelling_variants(x, y) for x, y in zip(ta, tb))


def compare_titles(a: str, b: str) -> str:
    """Titles by role family and organisation.

    >>> compare_titles("leader of Group G", "head of Group G")
    'same'
    >>> compare_titles("spokesman of Group G", "leader of Group G"), compare_titles("leader of G", "leader of H")
    ('soft', 'compatible')
    """
    ta, tb = parse_title(a), parse_title(b)
    if not ta.organisation or not tb.organisation:
        return SAME if ta.role == tb.role and ta.organisation == tb.organisation else COMPATIBLE
    if not same_organisation(ta.organisation, tb.organisation):
        return COMPATIBLE  # several titles in several organisations: no disagreement
    return SAME if ta.role == tb.role else SOFT


# ---------------------------------------------------------------------------- compare

def value_key(value_type: str, value: object, *, attribute: str | None = None) -> object:
    """A hashable key such that equal keys always compare ``"same"``.

    Grouping by it first keeps `compare` to a few distinct keys per attribute.
    """
    if value is None:
        return None
    if attribute == "title":
        t = parse_title(str(value))
        return ("title", t.role, _org_tokens(t.organisation))
    if value_type == "date":
        span = parse_date(str(value))
        return ("date", span.key) if span is not None else ("text", fold(str(value)))
    if value_type == "quantity":
        q = parse_quantity(value)  # type: ignore[arg-type]
        return ("quantity", q.lo, q.hi, q.kind) if q is not None else ("text", fold(str(value)))
    if value_type == "country":
        return ("country", country_key(str(value)))
    if value_type == "entity":
        return ("entity", place_key(str(value)))
    if value_type == "name":
        return ("name", name_tokens(str(value)))
    return ("text", fold(str(value)))


def compare(value_type: str, a: object, b: object, *, attribute: str | None = None,
            places: PlaceIndex | None = None) -> str:
    """How two normalized values of one attribute relate: same, compatible, soft, hard.

    >>> compare("date", "2019-10-01", "2019-10-02"), compare("quantity", "up to 40", 40)
    ('hard', 'compatible')
    """
    if a is None or b is None:
        return SAME if a is b else COMPATIBLE
    if attribute == "title":
        return compare_titles(str(a), str(b))
    if value_type == "date":
        relation = compare_dates(str(a), str(b))
    elif value_type == "quantity":
        relation = compare_quantities(a, b, attribute=attribute)  # type: ignore[arg-type]
    elif value_type == "country":
        relation = compare_countries(str(a), str(b))
    elif value_type == "entity":
        relation = compare_places(str(a), str(b), places)
    elif value_type == "name":
        relation = compare_names(str(a), str(b))
    else:
        # free text ("raid" / "operation") differs by paraphrase far more often than by
        # contradiction, and nothing here can tell the two apart: no disagreement
        relation = weakest(compare_text(str(a), str(b)), COMPATIBLE)
    if attribute in MULTI_VALUED and relation in (SOFT, HARD):
        return COMPATIBLE  # one may belong to several groups, have several spouses
    return relation
