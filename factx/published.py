"""The publication date of an article, from the date lines news pages print.

`published_date(text)` looks, in order of trust, for page metadata kept in the text
("datePublished": ...), a labelled line ("Published:", "Posted", "Last Updated: Sun,
22 May 2016", "Publish Date: 17 Mar, 2019 |"; a French, Spanish, Portuguese or Italian
label, "Publié le 04/11/2025", is read day first), a line that is only a date ("Oct 8,
2019", "May 22, 2016 | 4:30 PM", "IST: 0915 HRS, JUN 3, 2018", "2019-10-08T14:05:00+04:30",
"Tue, 08 Oct 2019 10:15:00 +0000", "07.29.21 , 09:40"), and a dateline without a year
("LISBON, Aug. 5 (Reuters) -"), whose year must come from a full date of the document
close to it. It returns a `Published` that says how the date was found and from
what. Nothing found is None: the date is never guessed and never today; a dateline
whose year nothing in the text fixes keeps its month and day (`partial`), for
`factx.runyear` to complete from the other documents of the run.

`parse_date_value(value)` reads the date strings of page metadata, JSONL records
and `--published` (ISO, RFC 2822, and anything else through dateparser); an
impossible date or an unknown format gives a problem to warn about, never an exception.

Numeric dates are read day first or month first from the page's own evidence: a
numeric date that can only be read one way ("23/09/2019", "08.30.20"), then the
order of its written dates ("8 October" against "October 8"), then its locale
(time zones and web addresses of day-first countries, or the caller's hint).

This module imports neither spaCy nor dateparser at import time.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import dataclass
from functools import lru_cache

from factx.timex import lexicon

__all__ = ["find_published", "published_date", "parse_date_value", "published_option", "Published", "DateValue"]

#: How far into the text a bare date line still belongs to the page header.
HEADER_LINES = 40
#: A full date of the text fixes a year-less dateline when it lies this many days
#: before it (a statement of Feb. 27 in a March 3 story) or, for dates ahead, after it.
YEAR_WINDOW_BEFORE = 90
YEAR_WINDOW_AFTER = 30

# How a date was found (the document record's `published_how`).
HOW_METADATA = "metadata"
HOW_LABEL = "date line"
HOW_LINE = "date line"
HOW_DATELINE_FULL = "dateline"
HOW_DATELINE_YEAR = "dateline, year from the text"
HOW_DATELINE = "dateline without year"
HOW_GIVEN = "given"
HOW_RUN = "inferred from the run"


@dataclass(frozen=True)
class Published:
    """A publication date and where it came from.

    `value` is the ISO date or None; `how` one of the HOW_ strings; `source` the words
    it was read from (a line of the text, a metadata field); `partial` the TIMEX3 value
    of a dateline whose year is unknown ("XXXX-08-05"); `span` the character range of
    the line in the text, or None.
    """

    value: str | None = None
    how: str | None = None
    source: str | None = None
    partial: str | None = None
    span: tuple[int, int] | None = None


@dataclass(frozen=True)
class DateValue:
    """A date string read as an ISO date, or the problem that kept it from being one."""

    value: str | None
    problem: str | None = None


# "Published:", "Posted on", "Publish Date :", "datePublished": "...", "article:published_time" content=...
_LABEL_PUBLISHED = re.compile(
    r"^\W*(?:article:)?(?:first\s+)?(?:date[\s_-]?)?(?:published|publish|posted|dated?|released|issued|"
    r"pub(?:lished)?[\s_-]?date|publication[\s_-]?date|pubdate)(?:[\s_-]?(?:at|on|date|time))?\b"
    r"[\s\"':=|\-]*(?:content=[\"'])?", re.I)
# machine-readable keys of page metadata, wherever they stand on a line
_META_PUBLISHED = re.compile(
    r"(?:published_time|datePublished|date_published|pubdate|dc\.date(?:\.issued)?|dateCreated)"
    r"[\"']?\s*(?:content\s*=|[:=])?\s*[\"']?", re.I)
_LABEL_UPDATED = re.compile(
    r"^\W*(?:article:)?(?:last\s+)?(?:date[\s_-]?)?(?:updated|modified|last\s+modified|edited|revised)"
    r"(?:[\s_-]?(?:at|on|date|time))?\b[\s\"':=|\-]*(?:content=[\"'])?", re.I)
# the date-line labels of French, Spanish, Portuguese and Italian templates, which an
# English page of such a site may keep ("Publié le 04/11/2025", "Mis à jour le"): these
# languages write numeric dates day first
_LABEL_DAY_FIRST = re.compile(
    r"^\W*(?:(?:publi\u00e9|publicad[oa]|pubblicato|mis\s+\u00e0\s+jour|actualizad[oa]|atualizad[oa]|aggiornato)"
    r"(?:\s+(?:le|el|em|il|on))?|publicaci\u00f3n)\b[\s\"':|\-]*", re.I)
# Time-zone and clock labels pages print beside a date: "IST", "0915 HRS", "local time".
ZONES = ("gmt|utc|bst|cet|cest|eet|eest|ist|pkt|pst|pdt|est|edt|cst|cdt|mst|mdt|et|pt|ct|aft|irst|"
         "msk|eat|cat|wat|sast|aest|aedt|acst|awst|nzst|nzdt|jst|kst|hkt|sgt|pht|wib|ict|gst|ast|akst|hst|z")
# what may stand beside a date on a date line: times, zones, clock labels, weekdays, edition
# labels, separators (a middle dot or a bullet too)
_RESIDUE = re.compile(
    r"\b\d{1,2}[:.]\d{2}(?::\d{2})?(?:\.\d+)?\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?|"
    r"\b[012]\d[0-5]\d\s*(?:hrs|hours|h)\b|\b(?:hrs|local\s+time)\b|"
    r"\b(?:\d+|an?)\s+(?:hours?|minutes?|mins?|days?)\s+ago\b|\b\d+\s+min(?:ute)?s?\s+read\b|"
    rf"[+-]\d{{2}}:?\d{{2}}\b|\b(?:GMT|UTC)\s?[+-]\d{{1,2}}(?::?\d{{2}})?\b|\b(?:{ZONES})\b|"
    r"\b(?:on|at|by|last|updated|published|publish|posted|first|modified|date|time)\b|"
    # an edition label beside the outlet's name: "The Courier, English edition · 3 May 2024"
    r"\b(?:english|international|online|print|digital|web|weekend|national|global|us|uk|asia|europe)\s+edition\b|"
    r"[\s,|:;.\-\u2013\u2014/()\u00b7\u2022]+", re.I)
# numeric dates, for the page's evidence of day or month first
_NUMERIC = re.compile(r"\b(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})\b")
# British, Irish, Commonwealth, African and South Asian pages write the day first
_DAY_FIRST_LOCALE = re.compile(
    r"\b(?:BST|GMT|IST|PKT|EAT|CAT|WAT|SAST|AEST|AEDT|NZST|CET|CEST|HRS)\b|"
    r"\.(?:co\.uk|uk|ie|au|nz|in|pk|za|ng|ke|com\.au|co\.in|com\.pk|co\.za|co\.ke|com\.ng)\b")


def _month_alt() -> str:
    return lexicon().alt("months")


def _weekday_alt() -> str:
    return lexicon().alt("weekdays")


@lru_cache(maxsize=3)
def _date_forms(order: bool | None) -> tuple[tuple[re.Pattern[str], str], ...]:
    """The full-date forms; numeric ones day first when `order` is True, month first when
    False, and when the page gives no evidence (None) dotted dates day first ("08.10.2019",
    as Europe writes them) and slashed ones month first."""
    mon, wd = _month_alt(), _weekday_alt()
    return (
        (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b", re.I), "ymd"),
        (re.compile(rf"\b(?:{wd}\.?,?\s+)?({mon})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I), "mdy"),
        (re.compile(rf"\b(?:{wd}\.?,?\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({mon})\.?,?\s+(\d{{4}})\b", re.I), "dmy"),
        (re.compile(r"\b(\d{4})/(\d{1,2})/(\d{1,2})\b"), "ymd"),
        (re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b"), "mdy-num" if order is False else "dmy-num"),
        (re.compile(r"\b(\d{1,2})[/-](\d{1,2})[/-](\d{4})\b"), "dmy-num" if order else "mdy-num"),
    )


# two-digit years ("08.30.20", "22/05/16"): only on a line that is a date line
_SHORT_YEAR = re.compile(r"(?<![\d.:/-])(\d{1,2})([./-])(\d{1,2})\2(\d{2})(?![\d.:/-]|\s*(?:[ap]\.?m\b|hrs\b))", re.I)


def _year2(yy: int) -> int:
    # POSIX strptime's pivot: 69-99 are 1900s, 00-68 2000s (no dependence on today)
    return 1900 + yy if yy >= 69 else 2000 + yy


def _numeric(a: int, b: int, year: int, day_first: bool) -> dt.date | None:
    """A numeric date: day first when the page says so, or when the first number cannot be a month."""
    try:
        if a > 12 or (day_first and b <= 12):
            return dt.date(year, b, a)
        return dt.date(year, a, b)
    except ValueError:
        return None


def _to_date(m: re.Match[str], form: str, day_first: bool | None = False) -> dt.date | None:
    months = lexicon().months
    g = m.groups()
    try:
        if form == "ymd":
            return dt.date(int(g[0]), int(g[1]), int(g[2]))
        if form == "mdy":
            return dt.date(int(g[2]), months[g[0].lower().rstrip(".")], int(g[1]))
        if form == "dmy":
            return dt.date(int(g[2]), months[g[1].lower().rstrip(".")], int(g[0]))
    except (ValueError, KeyError):
        return None
    return _numeric(int(g[0]), int(g[1]), int(g[2]), form == "dmy-num")


def _numeric_order(text: str) -> bool | None:
    """Day first (True) or month first (False) by the numeric dates of the text that can
    be read only one way ("23/09/2019"); None when they do not tell."""
    dmy_num = mdy_num = 0
    for m in _NUMERIC.finditer(text):
        a, b = int(m.group(1)), int(m.group(3))
        if a > 12 >= b:
            dmy_num += 1
        elif b > 12 >= a:
            mdy_num += 1
    return None if dmy_num == mdy_num else dmy_num > mdy_num


def _written_order(text: str) -> bool | None:
    """Day first (True) or month first (False) by a numeric date that the text also
    writes in words, one way only ("11/04/2031" above "on the morning of April 11": day
    first); None when no such pair tells."""
    months = lexicon().months
    mon = _month_alt()
    written = {(months.get(m.group(1).lower().rstrip(".")), int(m.group(2)))
               for m in re.finditer(rf"\b({mon})\.?\s+(\d{{1,2}})\b", text, re.I)}
    written |= {(months.get(m.group(2).lower().rstrip(".")), int(m.group(1)))
                for m in re.finditer(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({mon})\b", text, re.I)}
    votes = set()
    for m in _NUMERIC.finditer(text):
        a, b = int(m.group(1)), int(m.group(3))
        if a <= 12 and b <= 12 and a != b:
            if (b, a) in written and (a, b) not in written:
                votes.add(True)
            elif (a, b) in written and (b, a) not in written:
                votes.add(False)
    return votes.pop() if len(votes) == 1 else None


def day_first(text: str, hint: bool | None = None) -> bool | None:
    """Whether the page writes numeric dates day first; None when nothing tells.

    Evidence in order: numeric dates that can be read only one way; a numeric date the
    text also writes in words ("11/04/2031" and "April 11"); the order of written dates
    ("8 October" against "October 8"); `hint` (the page's declared language or its
    address); day-first time zones or web addresses in the text.

    >>> day_first("Posted 23/09/2019. Updated 03/10/2019.")
    True
    >>> day_first("Published: 07.29.21 , 09:40")
    False
    >>> day_first("11/04/2031 - 08:15\\nOn the morning of April 11, a fire hit the depot.")
    True
    """
    numeric = _numeric_order(text)
    if numeric is not None:
        return numeric
    written = _written_order(text)
    if written is not None:
        return written
    mon = _month_alt()
    dmy = len(re.findall(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{mon}\b", text, re.I))
    mdy = len(re.findall(rf"\b{mon}\.?\s+\d{{1,2}}\b", text, re.I))
    if dmy != mdy:
        return dmy > mdy
    if hint is not None:
        return hint
    return True if _DAY_FIRST_LOCALE.search(text) else None


def _line_date(line: str, first_day: bool | None, *, labelled: bool) -> tuple[dt.date | None, bool]:
    """The date of a date line, and whether a date-like string was seen but impossible.

    An unlabelled line counts only if it says nothing but a date (with times, zones,
    clock labels, weekdays, separators, or one short word such as an outlet's name).
    """
    impossible = False
    candidates = [(m, form) for pattern, form in _date_forms(first_day) for m in [pattern.search(line)] if m]
    if not candidates:
        m = _SHORT_YEAR.search(line)
        if m:
            candidates = [(m, "short")]
    for m, form in candidates:
        if form == "short":
            dotted_day_first = m.group(2) == "." and first_day is not False
            date = _numeric(int(m.group(1)), int(m.group(3)), _year2(int(m.group(4))),
                            bool(first_day) or dotted_day_first)
        else:
            date = _to_date(m, form, first_day)
        if date is None:
            impossible = True
            continue
        rest = line[:m.start()] + " " + line[m.end():]
        residue = _RESIDUE.sub("", rest)
        if labelled or not residue:
            return date, False
        # a weekday or an outlet's name beside the date still makes a date line
        if len(residue) <= 20 and len(line) <= 80 and re.fullmatch(r"[A-Za-z]+", residue):
            return date, False
        return None, False
    return None, impossible


# the end of a dateline: "--", an em or en dash, or a hyphen between spaces
_DATELINE_END = re.compile(r"\s*(?:--|\u2014|\u2013)\s*|\s+-\s+")
# words that start a sentence, not a dateline ("On June 9, 2014 - ...")
_NOT_DATELINE = re.compile(r"^(?:on|in|at|by|since|until|till|from|before|after|as of|during|the|a|an)\b", re.I)


def _full_dateline(line: str, first_day: bool | None) -> tuple[dt.date, str] | None:
    """'Tarvel, June 9, 2014, KNA --' or 'June 10, 2014 -- Police ...': a dateline with a
    full date. What stands before the dash is a date with at most a place and an
    outlet (capitalized words, numbers, parentheses) beside it."""
    end = _DATELINE_END.search(line, 0, 120)
    if end is None or end.start() == 0 or _NOT_DATELINE.match(line):
        return None
    prefix = line[:end.start()]
    for pattern, form in _date_forms(first_day):
        m = pattern.search(prefix)
        if not m:
            continue
        date = _to_date(m, form, first_day)
        if date is None:
            return None
        rest = _RESIDUE.sub(" ", prefix[:m.start()] + " " + prefix[m.end():])
        words = re.findall(r"\(?[^\s()]+\)?", rest)
        if len(words) <= 8 and all(w.strip("()")[:1].isupper() or w.strip("()").isdigit() for w in words):
            return date, prefix
        return None
    return None


def _dateline(lines: list[tuple[str, int]], text: str, first_day: bool | None) -> Published | None:
    """'LISBON, Aug. 5 (Reuters) -': a year-less dateline, its year from a close full date."""
    mon = _month_alt()
    pattern = re.compile(rf"^\s*[A-Z][A-Z .'\-/]+(?:,\s*[A-Za-z .']+)?,?\s+({mon})\.?\s+(\d{{1,2}})\b"
                         rf"\s*(?:\([^)]*\))?\s*[\u2014\u2013\-:]", re.I)
    for line, offset in lines:
        m = pattern.match(line)
        if not m or not m.group(0).split(",")[0].strip().isupper():
            continue
        month, day = lexicon().months[m.group(1).lower()], int(m.group(2))
        if not _valid_month_day(month, day):
            return None
        source = m.group(0).rstrip(" -:\u2013\u2014")
        span = (offset, offset + len(line))
        year = _year_from_text(month, day, text, first_day)
        if year is not None:
            return Published(dt.date(year, month, day).isoformat(), HOW_DATELINE_YEAR, source, span=span)
        return Published(None, HOW_DATELINE, source, partial=f"XXXX-{month:02d}-{day:02d}", span=span)
    return None


def _valid_month_day(month: int, day: int) -> bool:
    try:
        dt.date(2000, month, day)  # a leap year: Feb. 29 is a month and day
        return True
    except ValueError:
        return False


def _year_from_text(month: int, day: int, text: str, first_day: bool | None) -> int | None:
    """The year a dateline's month and day fall in, when the text fixes it.

    A copyright line or a dated web address fixes it outright; otherwise the latest
    full date that lies close before the dateline (or a little after it) does. An
    anniversary ("the Sept. 11, 2001 attacks") lies too far from it to count.
    """
    for m in re.finditer(r"(?:©|\(c\)|copyright)\s*(\d{4})\b|/((?:19|20)\d{2})/(\d{2})/(\d{2})/", text, re.I):
        year = int(m.group(1) or m.group(2))
        if _safe_date(year, month, day):
            return year
    best: tuple[dt.date, int] | None = None
    for full in _full_dates(text, first_day):
        for year in (full.year - 1, full.year, full.year + 1):
            date = _safe_date(year, month, day)
            if date is None:
                continue
            gap = (date - full).days
            if -YEAR_WINDOW_AFTER <= gap <= YEAR_WINDOW_BEFORE and (best is None or full > best[0]):
                best = (full, year)
    return best[1] if best else None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _full_dates(text: str, first_day: bool | None) -> list[dt.date]:
    out = []
    for pattern, form in _date_forms(first_day):
        for m in pattern.finditer(text):
            date = _to_date(m, form, first_day)
            if date is not None:
                out.append(date)
    return out


def published_date(text: str, *, day_first_hint: bool | None = None) -> Published:
    """The publication date found in an article's own date lines, and how it was found.

    >>> published_date("OSLO\\n\\nOct 8, 2019\\n\\nThe storm ...").value
    '2019-10-08'
    >>> published_date("LISBON, Aug. 5 (Reuters) - A fire.").partial
    'XXXX-08-05'
    """
    lines: list[tuple[str, int]] = []
    offset = 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        lines.append((stripped, offset + (len(raw) - len(raw.lstrip()))))
        offset += len(raw)
    first_day = day_first(text, day_first_hint)
    numeric_order = _numeric_order(text)

    def found(line: str, at: int, date: dt.date, how: str) -> Published:
        if numeric_order is None:
            date = _not_before_reported(line, date, text, at)
        return Published(date.isoformat(), how, line[:200], span=(at, at + len(line)))

    # page metadata and labelled lines first: published before updated, wherever they stand
    for line, at in lines:
        for m in _META_PUBLISHED.finditer(line):
            date, _ = _line_date(line[m.end():m.end() + 40], first_day, labelled=True)
            if date:
                return found(line, at, date, HOW_METADATA)
    for label in (_LABEL_PUBLISHED, _LABEL_UPDATED):
        for line, at in lines:
            m = label.match(line)
            if m and len(line) <= 120:
                date, _ = _line_date(line[m.end():], first_day, labelled=True)
                if date:
                    return found(line, at, date, HOW_LABEL)
    for line, at in lines:
        m = _LABEL_DAY_FIRST.match(line)
        if m and len(line) <= 120:
            date, _ = _line_date(line[m.end():], True, labelled=True)
            if date:
                return Published(date.isoformat(), HOW_LABEL, line[:200], span=(at, at + len(line)))
    header = [(line, at) for line, at in lines[:HEADER_LINES] if line]
    for line, at in header:
        if len(line) <= 80:
            date, _ = _line_date(line, first_day, labelled=False)
            if date:
                return found(line, at, date, HOW_LINE)
    for line, at in header:
        dated = _full_dateline(line, first_day)
        if dated:
            return Published(dated[0].isoformat(), HOW_DATELINE_FULL, dated[1][:200], span=(at, at + len(line)))
    return _dateline(header, text, first_day) or Published()


# a photo caption: what it shows was taken before the page was published
_CAPTION = re.compile(r"\b(?:photo|photograph|pictured|picture|caption)s?\b|\u00a9", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\[(\"\u201c])|\n")


def _not_before_reported(line: str, date: dt.date, text: str, at: int) -> dt.date:
    """The reading of a date line's numeric date that the text allows: a page is not
    published before a date it reports as past.

    A numeric date whose day and month could each be the other ("08/10/2025") was read
    in the order of the page's written dates, which on the English page of a site that
    writes its numbers day first is the wrong one. When only the other reading is not
    earlier than the latest full date the text reports as past (in a sentence whose
    verb is in the past, or in a photo caption), that reading is the date.
    """
    m = _NUMERIC.search(line)
    if m is None:
        return date
    a, b = int(m.group(1)), int(m.group(3))
    year = int(m.group(4)) if len(m.group(4)) == 4 else _year2(int(m.group(4)))
    other = _safe_date(year, a, b) if date == _safe_date(year, b, a) else _safe_date(year, b, a)
    if other is None or other == date or date not in (_safe_date(year, a, b), _safe_date(year, b, a)):
        return date
    latest = _latest_reported_past(text, (at, at + len(line)))
    if latest is not None and date < latest <= other:
        return other
    return date


def _latest_reported_past(text: str, skip: tuple[int, int]) -> dt.date | None:
    """The latest full written date ("October 7, 2025", "7 October 2025") of the text,
    outside the date line, that the text reports as past."""
    from factx.timex import tense_of

    latest = None
    for pattern, form in _date_forms(None)[1:3]:
        for m in pattern.finditer(text):
            if skip[0] <= m.start() < skip[1]:
                continue
            date = _to_date(m, form)
            if date is None or (latest is not None and date <= latest):
                continue
            starts = [e.end() for e in _SENTENCE_END.finditer(text, 0, m.start())]
            lo = starts[-1] if starts else 0
            end = _SENTENCE_END.search(text, m.end())
            sentence = text[lo:end.start() if end else len(text)]
            line_lo = text.rfind("\n", 0, m.start()) + 1
            line_hi = text.find("\n", m.end())
            line = text[line_lo:line_hi if line_hi >= 0 else len(text)]
            if _CAPTION.search(line) or tense_of(m.group(0), sentence) == "past":
                latest = date
    return latest


def find_published(text: str) -> str | None:
    """The publication date found in an article's own date lines (ISO), or None.

    >>> find_published("OSLO\\n\\nOct 8, 2019\\n\\nThe storm ...")
    '2019-10-08'
    >>> find_published("Updated 08 October 2019\\nText.")
    '2019-10-08'
    >>> find_published("No date here.") is None
    True
    """
    return published_date(text).value


# --- date strings of metadata, JSONL records and --published ----------------------------

_ISO_PREFIX = re.compile(r"^\s*([+-]?\d{4,})-(\d{1,2})-(\d{1,2})(?=$|[T\s]|\d{2}:)")


def parse_date_value(value: object, *, day_first_hint: bool | None = None) -> DateValue:
    """A date string of page metadata, a JSONL record or `--published`, as an ISO date.

    ISO dates and timestamps (with any offset: the date is the one written, not UTC),
    RFC 2822 ("Tue, 08 Oct 2019 06:00:00 GMT"), the date-line forms of
    `published_date`, and whatever else dateparser reads as a full day, month and year.
    Relative words ("yesterday") are not a publication date. An impossible calendar
    date or an unknown format gives `problem`, never an exception.

    >>> parse_date_value("Tue, 08 Oct 2019 06:00:00 GMT")
    DateValue(value='2019-10-08', problem=None)
    >>> parse_date_value("2019-02-30").problem
    "'2019-02-30' is not a calendar date"
    """
    if value is None:
        return DateValue(None)
    if not isinstance(value, str):
        return DateValue(None, f"{value!r} is not a date string")
    text = value.strip()
    if not text:
        return DateValue(None)
    shown = text if len(text) <= 60 else text[:57] + "..."
    m = _ISO_PREFIX.match(text)
    if m:
        date = _safe_date(*(int(g) for g in m.groups())) if len(m.group(1)) == 4 else None
        return DateValue(date.isoformat()) if date else DateValue(None, f"{shown!r} is not a calendar date")
    if not re.search(r"\d", text):
        return DateValue(None, f"{shown!r} is not a date")
    try:
        parsed = email.utils.parsedate_tz(text)
    except (TypeError, ValueError, IndexError):
        parsed = None
    if parsed is not None and parsed[0] >= 1000:
        date = _safe_date(parsed[0], parsed[1], parsed[2])
        if date:
            return DateValue(date.isoformat())
    first_day = day_first(text, day_first_hint)
    date, impossible = _line_date(text, first_day, labelled=True)
    if date:
        return DateValue(date.isoformat())
    if impossible:
        return DateValue(None, f"{shown!r} is not a calendar date")
    date = _dateparser(text, first_day)
    if date and date == _dateparser(text, first_day, base=dt.datetime(2001, 2, 3)):
        return DateValue(date.isoformat())
    return DateValue(None, f"{shown!r} is not a date factx can read")


def _dateparser(text: str, first_day: bool | None, *, base: dt.datetime | None = None) -> dt.date | None:
    """dateparser's full date of `text`; with `base`, relative to that day (a string read
    differently against two days is relative, "2 days ago", and not a date)."""
    import dateparser  # imported only when a date string needs it (never by the query commands)

    try:
        settings = {"STRICT_PARSING": True,  # day, month and year all given: nothing from today
                    "RETURN_AS_TIMEZONE_AWARE": False}
        if base is not None:
            settings["RELATIVE_BASE"] = base
        if first_day is not None:
            settings["DATE_ORDER"] = "DMY" if first_day else "MDY"
        parsed = dateparser.parse(text, settings=settings)
    except (ValueError, OverflowError, TypeError, AttributeError):
        return None
    return parsed.date() if parsed is not None else None


def published_option(value: str | None) -> str | None:
    """A publication date given by the user (`--published`, `published=`) as an ISO
    date; one that is not a date is a usage error (exit 2) naming the problem."""
    if value is None:
        return None
    parsed = parse_date_value(value)
    if parsed.value is None:
        from factx.errors import UsageError

        raise UsageError(f"--published: {parsed.problem}", hint="give a date such as 2019-10-08")
    return parsed.value
