"""The publication date of an article, from the date lines news pages print.

`find_published(text)` looks, in order of trust, for a labelled line ("Published:",
"Posted", "Updated 08 October 2019"), a line that is only a date ("Oct 8, 2019",
"Tuesday, October 8, 2019 10:15 AM ET", "2019-10-08T14:05:00+04:30",
"Tue, 08 Oct 2019 10:15:00 +0000", "08.10.2019 14:05"), and a dateline without a year
("WASHINGTON, March 3 —"), whose year must come from a full date elsewhere in the
document. Nothing found is None: the date is never guessed and never today.
"""

from __future__ import annotations

import datetime as dt
import re

from factx.timex import lexicon

__all__ = ["find_published"]

#: How far into the text a bare date line still belongs to the page header.
HEADER_LINES = 40

# "Published:", "Posted on", "datePublished": "...", "article:published_time" content=...
_LABEL_PUBLISHED = re.compile(
    r"^\W*(?:article:)?(?:first\s+)?(?:date[\s_-]?)?(?:published|posted|dated?|released|issued|"
    r"pub(?:lished)?[\s_-]?date|publication[\s_-]?date|pubdate)(?:[\s_-]?(?:at|on|date|time))?\b"
    r"[\s\"':=|\-]*(?:content=[\"'])?", re.I)
# machine-readable keys of page metadata, wherever they stand on a line
_META_PUBLISHED = re.compile(
    r"(?:published_time|datePublished|date_published|pubdate|dc\.date(?:\.issued)?|dateCreated)"
    r"[\"']?\s*(?:content\s*=|[:=])?\s*[\"']?", re.I)
_LABEL_UPDATED = re.compile(
    r"^\W*(?:article:)?(?:last\s+)?(?:date[\s_-]?)?(?:updated|modified|last\s+modified|edited|revised)"
    r"(?:[\s_-]?(?:at|on|date|time))?\b[\s\"':=|\-]*(?:content=[\"'])?", re.I)
# what may stand beside a date on a date line: times, zones, weekdays, separators
_RESIDUE = re.compile(
    r"\b\d{1,2}[:.]\d{2}(?::\d{2})?(?:\.\d+)?\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?|"
    r"\b(?:\d+|an?)\s+(?:hours?|minutes?|mins?|days?)\s+ago\b|\b\d+\s+min(?:ute)?s?\s+read\b|"
    r"[+-]\d{2}:?\d{2}\b|\b(?:gmt|utc|bst|cet|cest|ist|pkt|aft|edt|est|cdt|cst|pdt|pst|et|pt|z)\b|"
    r"\b(?:on|at|by|last|updated|published|posted|first|modified)\b|[\s,|:;.\-\u2013\u2014/()]+", re.I)


def _month_alt() -> str:
    return lexicon().alt("months")


def _weekday_alt() -> str:
    return lexicon().alt("weekdays")


def _date_forms(day_first: bool) -> list[tuple[re.Pattern[str], str]]:
    mon, wd = _month_alt(), _weekday_alt()
    return [
        (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b", re.I), "ymd"),
        (re.compile(rf"\b(?:{wd}\.?,?\s+)?({mon})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I), "mdy"),
        (re.compile(rf"\b(?:{wd}\.?,?\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({mon})\.?,?\s+(\d{{4}})\b", re.I), "dmy"),
        (re.compile(r"\b(\d{4})/(\d{1,2})/(\d{1,2})\b"), "ymd"),
        (re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b"), "dmy-num"),
        (re.compile(r"\b(\d{1,2})[/-](\d{1,2})[/-](\d{4})\b"), "dmy-num" if day_first else "mdy-num"),
    ]


def _to_date(m: re.Match[str], form: str) -> dt.date | None:
    months = lexicon().months
    g = m.groups()
    try:
        if form == "ymd":
            return dt.date(int(g[0]), int(g[1]), int(g[2]))
        if form == "mdy":
            return dt.date(int(g[2]), months[g[0].lower()], int(g[1]))
        if form == "dmy":
            return dt.date(int(g[2]), months[g[1].lower()], int(g[0]))
        a, b, y = int(g[0]), int(g[1]), int(g[2])
        # numeric: day first when the form says so, or when the first number cannot be a month
        if form == "dmy-num" or a > 12:
            return dt.date(y, b, a)
        return dt.date(y, a, b)
    except (ValueError, KeyError):
        return None


def _day_first(text: str) -> bool:
    """Whether the page writes day before month ("08 October 2019", British zones)."""
    mon = _month_alt()
    dmy = len(re.findall(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{mon}\b", text, re.I))
    mdy = len(re.findall(rf"\b{mon}\.?\s+\d{{1,2}}\b", text, re.I))
    # British, Irish, Commonwealth and South Asian pages write the day first
    locale = re.search(r"\b(?:BST|GMT|IST|PKT|AEST|AEDT|NZST|CET|CEST|SAST)\b|"
                       r"\.(?:co\.uk|uk|ie|au|nz|in|pk|za|ng|ke|com\.au|co\.in|com\.pk)\b", text)
    return dmy > mdy or bool(locale)


def _line_date(line: str, day_first: bool, *, labelled: bool) -> dt.date | None:
    """The date of a date line, or None if the line says more than a date."""
    for pattern, form in _date_forms(day_first):
        m = pattern.search(line)
        if not m:
            continue
        date = _to_date(m, form)
        if date is None:
            continue
        rest = line[:m.start()] + " " + line[m.end():]
        residue = _RESIDUE.sub("", rest)
        if labelled or not residue:
            return date
        # a weekday or an outlet's name beside the date still makes a date line
        if len(residue) <= 20 and len(line) <= 80 and re.fullmatch(r"[A-Za-z]+", residue):
            return date
        return None
    return None


def _dateline(lines: list[str], text: str, day_first: bool) -> dt.date | None:
    """'WASHINGTON, March 3 —': a year-less dateline, completed from a full date."""
    mon = _month_alt()
    pattern = re.compile(rf"^\s*[A-Z][A-Z .'\-]+(?:,\s*[A-Za-z .']+)?,?\s+({mon})\.?\s+(\d{{1,2}})\b"
                         rf"\s*(?:\([^)]*\))?\s*[\u2014\u2013\-:]", re.I)
    for line in lines:
        m = pattern.match(line)
        if not m or not m.group(0).split(",")[0].strip().isupper():
            continue
        month, day = lexicon().months[m.group(1).lower()], int(m.group(2))
        years = sorted({d.year for d in _full_dates(text, day_first)})
        for year in reversed(years):
            try:
                return dt.date(year, month, day)
            except ValueError:
                continue
        return None
    return None


def _full_dates(text: str, day_first: bool) -> list[dt.date]:
    out = []
    for pattern, form in _date_forms(day_first):
        for m in pattern.finditer(text):
            date = _to_date(m, form)
            if date is not None:
                out.append(date)
    # a copyright line or a dated URL fixes the year too
    for m in re.finditer(r"(?:©|\(c\)|copyright)\s*(\d{4})\b|/(\d{4})/(\d{2})/(\d{2})/", text, re.I):
        if m.group(1):
            out.append(dt.date(int(m.group(1)), 1, 1))
        else:
            date = _to_date(re.match(r"(\d+)/(\d+)/(\d+)", f"{m.group(2)}/{m.group(3)}/{m.group(4)}"), "ymd")  # type: ignore[arg-type]
            if date:
                out.append(date)
    return out


def find_published(text: str) -> str | None:
    """The publication date found in an article's own date lines (ISO), or None.

    >>> find_published("KABUL\\n\\nOct 8, 2019\\n\\nThe raid ...")
    '2019-10-08'
    >>> find_published("Updated 08 October 2019\\nText.")
    '2019-10-08'
    >>> find_published("No date here.") is None
    True
    """
    lines = [line.strip() for line in text.splitlines()]
    day_first = _day_first(text)
    # page metadata and labelled lines first: published before updated, wherever they stand
    for line in lines:
        for m in _META_PUBLISHED.finditer(line):
            date = _line_date(line[m.end():m.end() + 40], day_first, labelled=True)
            if date:
                return date.isoformat()
    for label in (_LABEL_PUBLISHED, _LABEL_UPDATED):
        for line in lines:
            m = label.match(line)
            if m and len(line) <= 120:
                date = _line_date(line[m.end():], day_first, labelled=True)
                if date:
                    return date.isoformat()
    header = [line for line in lines[:HEADER_LINES] if line]
    for line in header:
        if len(line) <= 80:
            date = _line_date(line, day_first, labelled=False)
            if date:
                return date.isoformat()
    date = _dateline(header, text, day_first)
    return date.isoformat() if date else None
