"""TIMEX3 normalization of English temporal expressions, anchored on a publication date.

`normalize("last month", "2019-10-08")` is `("DATE", "2019-09")`. Values follow TimeML
TIMEX3 (DESIGN section 4): days, weeks (2019-W41), months, seasons (2018-FA), quarters,
years, decades (199X), centuries (19), parts of the day (2019-09-22TNI), intervals
(2019-09-22/2019-09-23), durations (P18Y), sets, and the reference values PRESENT_REF,
PAST_REF and FUTURE_REF. Without an anchor, what it would fix stays X (XXXX-09-02);
today's date is never used.

The words live in rules/dates*.yml; this module is the grammar. Everything here is pure:
the same (expression, anchor, tense, previous) gives the same value, and that is cached.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable

from factx.rules import load_rules

__all__ = ["normalize", "tense_of", "verb_tense", "clean", "lexicon", "Lexicon", "FROM_CONTEXT",
           "bare_time", "is_age", "clock_reading"]

Result = tuple[str, "str | None"]


# ---------------------------------------------------------------------------------------
# The lexicon, from rules/dates*.yml


@dataclass(frozen=True)
class Event:
    """A holiday (MM-DD, or 'easter' and an offset) or an anniversary taken in context."""

    id: str
    pattern: re.Pattern[str]
    value: str
    offset: int = 0
    context: re.Pattern[str] | None = None


@dataclass(frozen=True)
class Lexicon:
    """The word lists of the date rules, lower-cased, with the regexes built from them."""

    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, str]
    parts: dict[str, str]
    numbers: dict[str, float]
    vague: dict[str, str]
    ordinals: dict[str, int]
    units: dict[str, str]
    references: dict[str, str]
    sets: dict[str, str]
    modifiers: dict[str, str]
    names: dict[str, str]
    events: tuple[Event, ...]
    cues: tuple[tuple[str, re.Pattern[str]], ...]
    day_start: dict[str, str]
    zones: dict[str, "float | None"]
    hijri_months: dict[str, int]
    #: planned events (noun), planning verbs (verb), and verbs that plan only with
    #: a planned event as their object (object): "called a rally for Tuesday"
    scheduling: dict[str, str] = field(default_factory=dict)
    #: temporal words that are adjectives before a noun ("an overnight train"): no time there
    adjectives: dict[str, str] = field(default_factory=dict)
    #: what a day is declared ("a day of mourning", "a public holiday"): no tense from the verb
    observances: dict[str, str] = field(default_factory=dict)
    #: verbs that tell a count's new figure ("the toll rose to 37 on Friday"): a report's day
    count_updates: dict[str, str] = field(default_factory=dict)

    def alt(self, name: str) -> str:
        """A regex alternation of one word list, longest first ('{MONTH}' placeholders)."""
        words = sorted(getattr(self, name), key=len, reverse=True)
        return "(?:" + "|".join(re.escape(w) for w in words) + ")"

    def hijri_alt(self) -> str:
        """A regex alternation of the Hijri month names, longest first, each apostrophe,
        hyphen or space inside a name optional ("Rabi' al-Awwal", "Rabi al Awwal")."""
        names = sorted(self.hijri_months, key=len, reverse=True)
        return "(?:" + "|".join(_flexible(n) for n in names) + ")"

    def hijri_month(self, name: str) -> int | None:
        """The number of a Hijri month as written ("Rabi' al-Awwal" -> 3), or None."""
        key = hijri_key(name)
        return next((n for w, n in self.hijri_months.items() if hijri_key(w) == key), None)


def hijri_key(name: str) -> str:
    """A Hijri month name without case, apostrophes, hyphens or spaces: its lookup key.

    >>> hijri_key("Rabi' al-Awwal")
    'rabialawwal'
    """
    return re.sub(r"[-'\u2019\u2018`\s]", "", name.lower())


def _flexible(name: str) -> str:
    """A name as a regex in which its apostrophes, hyphens and spaces are optional."""
    return "".join(r"[-'\u2019\s]{0,2}" if ch in "-' " else re.escape(ch)
                   for ch in re.sub(r"[-' ]+", " ", name))


def _entries(rules: Any, rule_id: str) -> dict[str, Any]:
    for rule in rules.get("date_lexicon"):
        if rule["id"] == rule_id:
            return {str(k).lower(): v for k, v in rule["entries"].items()}
    return {}


#: A user's `--rules DIR` for the date rules, set once per process by `use_rules`.
_USER_RULES: str | None = None


def use_rules(rules_dir: str | None) -> None:
    """Read the date rules of `rules_dir` on top of the shipped ones from now on."""
    global _USER_RULES
    if rules_dir != _USER_RULES:
        _USER_RULES = rules_dir
        for cached in (lexicon, _grammar, _normalize, _clock_res, bare_time, clock_reading, is_age):
            cached.cache_clear()


def user_rules() -> str | None:
    return _USER_RULES


@lru_cache(maxsize=4)
def lexicon(rules_dir: str | None = None) -> Lexicon:
    """The date lexicon of the shipped rules (and of `rules_dir` on top), loaded once.

    >>> lexicon().months["sept"]
    9
    """
    rules = load_rules(rules_dir or _USER_RULES)
    events = tuple(
        Event(r["id"], re.compile(r["pattern"], re.I), str(r["value"]), int(r.get("offset", 0)),
              re.compile(r["context"], re.I) if r.get("context") else None)
        for r in rules.get("date_events"))
    # one regex per cue: an alternation would let "due to" hide "to be published"
    cues = tuple((r["tense"], re.compile(p)) for r in rules.get("date_cues") for p in r["patterns"])
    return Lexicon(
        months={k: int(v) for k, v in _entries(rules, "months").items()},
        weekdays={k: int(v) for k, v in _entries(rules, "weekdays").items()},
        seasons=_entries(rules, "seasons"), parts=_entries(rules, "parts_of_day"),
        numbers={k: float(v) for k, v in _entries(rules, "numbers").items()},
        vague=_entries(rules, "vague_numbers"),
        ordinals={k: int(v) for k, v in _entries(rules, "ordinals").items()},
        units=_entries(rules, "units"), references=_entries(rules, "references"),
        sets=_entries(rules, "sets"), modifiers=_entries(rules, "modifiers"),
        names=_entries(rules, "name_words"),
        events=events, cues=cues, day_start=_entries(rules, "day_start"),
        zones={k: (None if v is None else float(v)) for k, v in _entries(rules, "time_zones").items()},
        hijri_months={k: int(v) for k, v in _entries(rules, "hijri_months").items()},
        scheduling={k: str(v) for k, v in _entries(rules, "scheduling").items()},
        adjectives={k: str(v) for k, v in _entries(rules, "adjectives").items()},
        observances={k: str(v) for k, v in _entries(rules, "observances").items()},
        count_updates={k: str(v) for k, v in _entries(rules, "count_updates").items()})


# ---------------------------------------------------------------------------------------
# Public API


#: `normalize(tense=FROM_CONTEXT)`: the tense is read from `context` (no parse at hand).
FROM_CONTEXT = "from-context"


def normalize(text: str, anchor: str | None, *, label: str | None = None,
              context: str | None = None, previous: str | None = None,
              tense: str | None = FROM_CONTEXT) -> Result | None:
    """The TIMEX3 (type, value) of one temporal expression, or None if it is not one.

    `anchor` is the publication date (ISO 'YYYY-MM-DD') or None; `context` the sentence
    around the expression ("the 9/11 commission"); `previous` the last date value of
    the same document, for "the next day" and "April of that year"; `label` the NER
    label of the span, if any (kept in the cache key; the words decide the value).
    `tense` ('past', 'future', 'present' or None) is the tense of the expression's governing verb
    when a parse gave it (`verb_tense`); by default it is read from the cues of `context`.
    Normalizations are cached per (expression, anchor, tense, anniversary, previous).

    >>> normalize("Tuesday", "2019-10-08")
    ('DATE', '2019-10-08')
    >>> normalize("last fall", "2019-10-08")
    ('DATE', '2018-FA')
    >>> normalize("18 years", "2019-10-08")
    ('DURATION', 'P18Y')
    >>> normalize("Sept. 2", None)
    ('DATE', 'XXXX-09-02')
    """
    t = clean(text)
    if not t:
        return None
    try:
        if tense == FROM_CONTEXT:
            tense = tense_of(text, context) if context else None
        events = _events_in_context(text, context) if context else frozenset()
        return _normalize(t, _anchor_key(anchor), label, tense, events, previous)
    except (ValueError, OverflowError):
        # a day outside the calendar Python counts in ("Easter 0000", "tomorrow" after
        # 9999-12-31): no value can be given, and the rest of the document goes on
        return None


def clean(text: str) -> str:
    """The expression lower-cased, quotes and dashes plain, spaces single, ends trimmed.

    >>> clean("  Tuesday’s ")
    'tuesday'
    """
    t = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    t = re.sub("[\u2013\u2014\u2012]", "-", t)
    t = re.sub(r"\s+", " ", t).strip(" ,;:!?\"()[]")
    t = re.sub(r"(?<!\d0)'s?$", "", t)  # possessive: "Tuesday's", "five years'" (not "the 1980's")
    return t.strip(" ,;:")


def tense_of(text: str, context: str) -> str | None:
    """'past' or 'future' from the cue nearest the expression in its sentence, else None:
    the reading of a sentence without a parse (with one, `verb_tense`).

    >>> tense_of("June", "The vote will be held in June, officials said.")
    'future'
    """
    low = context.lower()
    i = low.find(text.lower())
    if i < 0:
        left, right = low, ""
        i = len(low)
    else:
        left, right = low[:i], low[i + len(text):]
    best: tuple[int, int, str] | None = None
    for tense, pattern in lexicon().cues:
        # on a tie the future wins ("to be published"), then a modal ("could be found")
        rank = {"future": 0, "none": 1}.get(tense, 2)
        for m in pattern.finditer(left):
            key = (len(left) - m.end(), rank, tense)
            best = key if best is None or key < best else best
        for m in pattern.finditer(right):
            key = (m.start() + 3, rank, tense)  # a cue before the date is stronger
            best = key if best is None or key < best else best
    return best[2] if best and best[2] != "none" else None


def verb_tense(words: list[str], tags: list[str], *, infinitive: bool = False) -> str | None:
    """The tense of a governing verb group, from its words (auxiliaries and verb, in
    order) and their Penn tags: 'future' for a future cue ("will meet", "is going to
    vote"), 'past' for a verb or auxiliary in the past tense ("said", "was killed"),
    'present' for a verb group in the present ("is expected", "plays", "ends"), else
    None (a modal, the present perfect). The group of
    an infinitive ("to testify") is its matrix verb's, which gives only a future cue:
    "subpoenaed him to testify on Feb. 10" says nothing of when Feb. 10 is.

    >>> verb_tense(["will", "meet"], ["MD", "VB"])
    'future'
    >>> verb_tense(["could", "be", "found"], ["MD", "VB", "VBN"])
    >>> verb_tense(["was", "killed"], ["VBD", "VBN"])
    'past'
    >>> verb_tense(["is", "expected"], ["VBZ", "VBN"])
    'present'
    >>> verb_tense(["has", "left"], ["VBZ", "VBN"])
    """
    group = " ".join(w.lower() for w in words)
    if any(tense == "future" and pattern.search(group) for tense, pattern in lexicon().cues):
        return "future"
    if infinitive or "MD" in tags:
        return None
    # a present perfect is not past: "has been postponed until Saturday"
    if "VBD" in tags:
        return "past"
    if tags and tags[0] in ("VBZ", "VBP") and not _perfect(words, tags):
        return "present"
    return None


def _perfect(words: list[str], tags: list[str]) -> bool:
    """A present perfect group ("has left", "have been told"): no tense."""
    return any(w.lower() in ("has", "have", "'ve") and "VBN" in tags[i + 1:] for i, w in enumerate(words))


def _events_in_context(text: str, context: str) -> frozenset[str]:
    """Ids of the anniversaries whose context pattern matches the words after the text."""
    low = context.lower()
    i = low.find(text.lower())
    right = low[i + len(text):] if i >= 0 else ""
    return frozenset(e.id for e in lexicon().events
                     if e.context is not None and e.context.search(right))


def _anchor_key(anchor: str | None) -> str | None:
    if not anchor:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", anchor)
    return m.group(0) if m else None


# ---------------------------------------------------------------------------------------
# Values


@dataclass(frozen=True)
class _Ctx:
    anchor: dt.date | None
    tense: str | None
    previous: str | None
    events: frozenset[str]


def _day(d: dt.date) -> str:
    return d.isoformat()


def _week(d: dt.date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _season_of(month: int) -> str:
    return {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU",
            8: "SU", 9: "FA", 10: "FA", 11: "FA"}[month]


def _type_of(value: str) -> str:
    if value.startswith("P") and not value.endswith("_REF"):
        return "DURATION"
    return "TIME" if "T" in value and not value.endswith("_REF") else "DATE"


def _easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _previous_parts(previous: str | None) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) of an earlier value of the document, as far as it says."""
    if not previous:
        return None, None, None
    m = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", previous)
    if not m:
        return None, None, None
    return (int(m.group(1)), int(m.group(2)) if m.group(2) else None,
            int(m.group(3)) if m.group(3) else None)


#: News looks back further than ahead: without a tense, a reading this many times as
#: far back as the other is ahead is still the likelier ("August" in a March article
#: is last August, "May" this May; "Sunday's raid" in a Friday article is five days
#: back, not two ahead; "Saturday" on a Friday is the next day).
AHEAD_COST = 2.5


def _cost(offset: int, ctx: "_Ctx | None" = None) -> float:
    """How unlikely a reading `offset` units from the anchor is, without a tense. A verb
    in the present ("ends in March", "is payable Jan. 2") does not lean back: the
    nearer side wins."""
    if offset <= 0:
        return -offset
    return offset if ctx is not None and ctx.tense == "present" else AHEAD_COST * offset


def _two_digit_year(yy: int, anchor: dt.date | None) -> int:
    # '58 is 1958 and '15 is 2015 for an article of 2019: a year up to a few past the
    # anchor's belongs to this century
    limit = (anchor.year % 100 + 5) if anchor else 30
    return 2000 + yy if yy <= limit else 1900 + yy


# ---------------------------------------------------------------------------------------
# The grammar


@dataclass(frozen=True)
class _Grammar:
    mon: str
    wd: str
    season: str
    part: str
    unit: str
    num: str
    vague: str
    ordinal: str
    count: str


def count_regex(lex: "Lexicon | None" = None) -> str:
    """A regex (no groups) for a count as news writes it: "18", "4,000", "2.5",
    "5 1/2", "twenty-five", "twenty four", "one hundred and fifty", "two and a half",
    "two-and-a-half", "a dozen". `_number` reads what it matches.

    >>> import re
    >>> bool(re.fullmatch(count_regex(), "one hundred and fifty"))
    True
    """
    lex = lex or lexicon()
    words = sorted((w for w, n in lex.numbers.items() if re.fullmatch(r"[a-z]+", w) and n >= 1
                    and w not in ("a", "an")), key=len, reverse=True)
    word = "(?:" + "|".join(words) + ")"
    compound = rf"{word}(?:(?:[- ]|[- ]and[- ]){word})*"
    digits = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:[ -]\d/\d{1,2}|\u00bd)?"
    return rf"(?:(?:{digits}|{compound})(?:[- ]and[- ]a[- ]half)?|{lex.alt('numbers')})"


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    lex = lexicon()
    return _Grammar(lex.alt("months"), lex.alt("weekdays"), lex.alt("seasons"),
                    lex.alt("parts"), lex.alt("units"), lex.alt("numbers"),
                    lex.alt("vague"), lex.alt("ordinals"), count_regex(lex))


_LEAD = re.compile(r"^(?:on|in|at|since|by|until|till|during|for|of|after|before|throughout|"
                   r"within|as of|as early as|as late as|as recently as|from|around|circa|c\.|"
                   r"starting|beginning|ending|through|over|some|about|approximately|roughly|exactly|"
                   r"precisely)\s+(?=\S)")


@lru_cache(maxsize=65536)
def _normalize(t: str, anchor: str | None, label: str | None, tense: str | None,
               events: frozenset[str], previous: str | None) -> Result | None:
    ctx = _Ctx(dt.date.fromisoformat(anchor) if anchor else None, tense, previous, events)
    result = _expression(t, ctx)
    if result is None:
        # TimeML extents leave out prepositions; spaCy sometimes keeps them
        stripped = _LEAD.sub("", t)
        if stripped != t:
            result = _expression(stripped, ctx)
    return result


def _strip_modifiers(t: str) -> str:
    """'early December' -> 'december', 'the end of September' -> 'september'."""
    mods = sorted(lexicon().modifiers, key=len, reverse=True)
    changed = True
    while changed:
        changed = False
        for mod in mods:
            sep = "" if mod.endswith("-") else " "
            if t.startswith(mod + sep) and len(t) > len(mod) + 1:
                t = t[len(mod) + len(sep):].strip()
                changed = True
                break
        # "earlier this year", "later that month" keep the year or the month
        m = re.match(r"^(earlier|later)\s+(?=(this|that|in|last|next)\b)", t)
        if m:
            t = t[m.end():]
            changed = True
    return t


def _expression(t: str, ctx: _Ctx) -> Result | None:
    lex = lexicon()
    if t in lex.references:
        return ("DATE", lex.references[t])
    # "the following day", "that year", "the next day": chained on the last date named
    if re.match(r"^(?:the\s+)?(?:following|previous|preceding|same|prior)\s|^that\s|"
                r"^(?:later|earlier)\s+that\s|^the\s+next\s+day$|^the\s+day\s+(?:before|after)$", t):
        value = _chained(t, ctx)
        if value is not None:
            return (_type_of(value), value)
    # "the week of March 6": the week that day is in
    m = re.fullmatch(r"(?:the\s+)?week\s+of\s+(.+)", t)
    if m:
        day = _date(m.group(1), ctx)
        if day and re.fullmatch(r"\d{4}-\d\d-\d\d", day):
            return ("DATE", _week(dt.date.fromisoformat(day)))
        if day and day.startswith("XXXX"):
            return ("DATE", "XXXX-WXX")
    for fn in (_set, _event, _interval, _duration_clock, _time_of_day, _ago, _age, _duration):
        result = fn(t, ctx)
        if result is not None:
            return result
    value = _date(t, ctx)
    if value is None:
        core = _strip_modifiers(t)
        if core != t:
            if core in lex.references:
                return ("DATE", lex.references[core])
            # "the end of year": the year of the article
            if core in ("year", "the year", "month", "the month", "week", "the week",
                        "decade", "the decade", "century", "the century"):
                core = "this " + core.replace("the ", "")
            return _expression(core, ctx)
        return None
    return (_type_of(value), value)


# ---- sets ------------------------------------------------------------------------------


def _set(t: str, ctx: _Ctx) -> Result | None:
    lex, g = lexicon(), _grammar()
    if t in lex.sets:
        return ("SET", lex.sets[t])
    m = re.match(rf"^(?:every|each)\s+(?:(other)\s+)?(?:(\d+|{g.num})\s+)?(.+)$", t)
    if m:
        n = 2 if m.group(1) else int(_number(m.group(2)) or 1) if m.group(2) else 1
        what = m.group(3)
        if what in lex.weekdays:
            return ("SET", f"XXXX-WXX-{lex.weekdays[what]}")
        if what in lex.parts:
            return ("SET", f"XXXX-XX-XXT{lex.parts[what]}")
        if what in lex.seasons:
            return ("SET", f"XXXX-{lex.seasons[what]}")
        if what in lex.months:
            return ("SET", f"XXXX-{lex.months[what]:02d}")
        if what in lex.units:
            return ("SET", _period(n, lex.units[what]))
        if what == "season":
            return ("SET", "P1Y")
        return None
    # "twice a year", "three times a week", "once a month"
    m = re.match(rf"^(?:once|twice|(?:\d+|{g.num}) times)\s+(?:a|an|per|each|every)\s+({g.unit})$", t)
    if m:
        return ("SET", _period(1, lex.units[m.group(1)]))
    # plural weekdays and parts of the day: "on Tuesdays", "mornings"
    if t.endswith("s") and t[:-1] in lex.weekdays and len(t) > 4:
        return ("SET", f"XXXX-WXX-{lex.weekdays[t[:-1]]}")
    return None


# ---- holidays and anniversaries --------------------------------------------------------


def _event(t: str, ctx: _Ctx) -> Result | None:
    core = re.sub(r"^the\s+", "", t)
    # "Christmas Day 2018": a holiday of a given year
    written = re.search(r",?\s+(?:of\s+)?(\d{4})$", core)
    if written:
        core = core[:written.start()]
    # "Easter week", "Christmas week": the (ISO, Monday to Sunday) week of the holiday
    week = re.search(r"\s+week$", core)
    if week:
        core = core[:week.start()]
    for event in lexicon().events:
        if not event.pattern.search(core):
            continue
        if event.context is not None:
            if event.id in ctx.events and not week:
                return ("DATE", event.value)
            continue
        if written:
            day = _event_day(event, int(written.group(1)))
        else:
            year = _year_for_day(ctx, lambda y: _event_day(event, y), granularity="week" if week else "day")
            if year is None:
                if week:
                    return ("DATE", "XXXX-WXX")
                unknown = re.fullmatch(r"\d\d-\d\d", event.value)
                return ("DATE", f"XXXX-{event.value}" if unknown else "XXXX-XX-XX")
            day = _event_day(event, year)
        if day is None:
            return None
        return ("DATE", _week(day) if week else _day(day))
    # 9/11 alone names the attacks in English news
    if core in ("9/11", "9-11") and not week:
        return ("DATE", "2001-09-11")
    return None


_NTH = re.compile(r"(-?[1-5]) (monday|tuesday|wednesday|thursday|friday|saturday|sunday) (\d\d)")


def _event_day(event: Event, year: int) -> dt.date | None:
    """The day of a holiday in a year: MM-DD, 'easter' and an offset in days, or
    'N WEEKDAY MM' for the Nth weekday of a month (-1: the last)."""
    if event.value == "easter":
        return _easter(year) + dt.timedelta(days=event.offset)
    nth = _NTH.fullmatch(event.value.lower())
    if nth:
        n, weekday, month = int(nth.group(1)), lexicon().weekdays[nth.group(2)], int(nth.group(3))
        if n > 0:
            first = dt.date(year, month, 1)
            day = first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
        else:
            last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
            day = last - dt.timedelta(days=(last.isoweekday() - weekday) % 7 + 7 * (-n - 1))
        return day + dt.timedelta(days=event.offset) if day.month == month else None
    month, day = (int(x) for x in event.value.split("-"))
    return _safe_date(year, month, day)


def _year_for_day(ctx: _Ctx, day_of: Callable[[int], dt.date | None], *,
                  granularity: str = "day", weekday: int | None = None) -> int | None:
    """The year of a day given without one: by tense, else the nearest to the anchor
    (`_cost`). With `granularity="week"` the day stands for its week, which is past or
    future as a whole ("as Easter week began" on its Monday is this Easter's); a stated
    `weekday` keeps only the years in which the day falls on it ("Monday, Oct. 26")."""
    if ctx.anchor is None:
        return None
    a = ctx.anchor
    options = [(y, day_of(y)) for y in (a.year - 1, a.year, a.year + 1)]
    options = [(y, d) for y, d in options if d is not None]
    if weekday is not None:
        options = [(y, d) for y, d in options if d.isoweekday() == weekday] or options
    if not options:
        return None

    def offset(d: dt.date) -> int:
        if granularity == "week":
            start = d - dt.timedelta(days=d.isoweekday() - 1)
            if start <= a <= start + dt.timedelta(days=6):
                return 0
            return (start - a).days if start > a else (start + dt.timedelta(days=6) - a).days
        return (d - a).days

    if ctx.tense == "past":
        past = [(y, d) for y, d in options if offset(d) <= 0]
        if past:
            return max(past, key=lambda yd: yd[1])[0]
    if ctx.tense == "future":
        future = [(y, d) for y, d in options if offset(d) >= 0]
        if future:
            return min(future, key=lambda yd: yd[1])[0]
    return min(options, key=lambda yd: (_cost(offset(yd[1]), ctx), yd[1] > a))[0]


# ---- intervals -------------------------------------------------------------------------


def _day_range(month: str, first: str, last: str, year: str | None, ctx: _Ctx) -> Result | None:
    """Two days of one month as an interval: "March 3-4" -> 2017-03-03/2017-03-04."""
    year = f" {year}" if year else ""
    a, b = _date(f"{month} {first}{year}", ctx), _date(f"{month} {last}{year}", ctx)
    return ("DATE", f"{a}/{b}") if a and b else None


def _interval(t: str, ctx: _Ctx) -> Result | None:
    g = _grammar()
    # "March 3-4", "March 3-4, 2017", "March 3 to 4"
    m = re.match(rf"^(?:between\s+|from\s+)?({g.mon})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*"
                 rf"(?:-|to|and|through|until)\s*(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?$", t)
    if m:
        return _day_range(m.group(1), m.group(2), m.group(3), m.group(4), ctx)
    # "22-23 September 2019"
    m = re.match(rf"^(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|to|and)\s*(\d{{1,2}})(?:st|nd|rd|th)?\s+"
                 rf"(?:of\s+)?({g.mon})\.?(?:,?\s+(\d{{4}}))?$", t)
    if m:
        return _day_range(m.group(3), m.group(1), m.group(2), m.group(4), ctx)
    # "2001-2003", "1957-58", "2001/02"
    m = re.match(r"^(?:the\s+)?(?:between\s+|from\s+)?(1[5-9]\d\d|20\d\d)\s*(?:-|/|to|and|through|until)\s*(\d{4}|\d{2})$", t)
    if m:
        start = int(m.group(1))
        end = int(m.group(2)) if len(m.group(2)) == 4 else start // 100 * 100 + int(m.group(2))
        if end > start:
            return ("DATE", f"{start}/{end}")
        return None
    # "from March to May", "between 2001 and 2003", "from Monday to Wednesday"
    m = re.match(r"^(?:from|between)\s+(.+?)\s+(?:to|and|until|till|through)\s+(.+)$", t)
    if m:
        first, second = m.group(1), m.group(2)
        # "from March to May 2019": the year written once belongs to both ends
        year = re.search(r"\s(\d{4})$", second)
        if year and not re.search(r"\d{4}", first):
            first = f"{first} {year.group(1)}"
        a, b = _date(first, ctx), _date(second, ctx)
        if a and b:
            return ("DATE", f"{a}/{b}")
    m = re.match(rf"^(.+?)\s*(?:-|to|until|till|through)\s*(.+)$", t)
    if m and re.search(rf"{g.mon}|{g.wd}|\d{{4}}", m.group(1)) and len(m.group(2)) > 2:
        a, b = _date(m.group(1), ctx), _date(m.group(2), ctx)
        if a and b and a != b and len(a) == len(b):
            return ("DATE", f"{a}/{_after(a, b, m.group(2))}")
    return None


def _after(a: str, b: str, b_text: str) -> str:
    """The end of an interval resolved on its own may fall before its start ("Monday
    through Wednesday" in a Wednesday article): it is then the next such day or month."""
    if b >= a or "X" in a or "X" in b:
        return b
    if len(b) == 10:
        end = dt.date.fromisoformat(b)
        step = 7 if re.search(_grammar().wd, b_text) and not re.search(r"\d", b_text) else 0
        if step:
            return _day(end + dt.timedelta(days=step))
        moved = _safe_date(end.year + 1, end.month, end.day)
        return _day(moved) if moved and not re.search(r"\d{4}", b_text) else b
    if len(b) == 7 and not re.search(r"\d{4}", b_text):
        return f"{int(b[:4]) + 1:04d}{b[4:]}"
    return b


# ---- durations -------------------------------------------------------------------------


def _number(words: str | None) -> float | None:
    """The value of a count (`count_regex`): '18' -> 18, '4,000' -> 4000, '5 1/2' -> 5.5,
    'twenty-five' and 'twenty five' -> 25, 'one hundred and fifty' -> 150, 'two and a
    half' -> 2.5, 'a' -> 1; None for what is not a count ('five four').

    >>> _number("one hundred and fifty"), _number("5 1/2"), _number("two-and-a-half")
    (150.0, 5.5, 2.5)
    """
    if words is None:
        return None
    w = re.sub(r"\s+", " ", words.strip().lower())
    nums = lexicon().numbers
    if w in nums:
        return nums[w]
    half = re.search(r"[- ]and[- ]a[- ]half$", w)
    if half:
        n = _number(w[:half.start()])
        return None if n is None else n + 0.5
    m = re.fullmatch(r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:[ -](\d)/(\d{1,2})|(\u00bd))?", w)
    if m:
        n = float(m.group(1).replace(",", ""))
        if m.group(2):
            numerator, denominator = int(m.group(2)), int(m.group(3))
            if not 0 < numerator < denominator:
                return None
            n += numerator / denominator
        return n + 0.5 if m.group(4) else n
    parts = [x for x in re.split(r"[- ]", w) if x != "and"]
    if len(parts) < 2 or any(x not in nums or x in ("a", "an") for x in parts):
        return None
    total, current, last = 0.0, 0.0, None
    for x in parts:
        n = nums[x]
        if n in (100, 1000):
            current = (current or 1) * n
            if n == 1000:
                total, current = total + current, 0.0
        elif last is not None and last < 100 and not (last >= 20 and last % 10 == 0 and n < 10):
            return None  # "five four", "twenty thirty": not one number
        else:
            current += n
        last = n
    return total + current


def _fmt(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def _period(n: float | None, unit: str) -> str:
    """P18Y, PT3H, PXM for an unknown count; decades and centuries written in years.

    A fraction goes to the next smaller unit: half an hour is PT30M, five and a half
    hours PT5H30M, two and a half years P2Y6M.
    """
    smaller = {"Y": (12, "M"), "H": (60, "MIN"), "D": (24, "H"), "MIN": (60, "S"), "W": (7, "D")}
    if n is not None and not float(n).is_integer() and unit in smaller:
        factor, lower = smaller[unit]
        whole, rest = int(n), (n - int(n)) * factor
        if float(round(rest, 6)).is_integer():
            part = _period(round(rest), lower)
            if not whole:
                return part
            head = _period(whole, unit)
            if "T" in part and "T" not in head:
                return head + part[1:]  # P1DT12H
            return head + part[2 if "T" in head else 1:]  # PT5H30M, P2Y6M
    if unit in ("H", "MIN", "S"):
        code = {"H": "H", "MIN": "M", "S": "S"}[unit]
        return f"PT{'X' if n is None else _fmt(n)}{code}"
    scale = {"DE": (10, "Y", "DE"), "CE": (100, "Y", "CE"), "ML": (1000, "Y", "ML"),
             "Q": (3, "M", "Q"), "FN": (2, "W", "FN")}
    if unit in scale:
        factor, code, vague_code = scale[unit]
        return f"PX{vague_code}" if n is None else f"P{_fmt(n * factor)}{code}"
    return f"PX{unit}" if n is None else f"P{_fmt(n)}{unit}"


def _duration(t: str, ctx: _Ctx) -> Result | None:
    lex, g = lexicon(), _grammar()
    core = t
    core = re.sub(r"^(?:the\s+)?(?:past|last|next|first|previous|following|coming|"
                  r"preceding|remaining|final|better part of the|best part of the)\s+", "", core)
    core = _strip_modifiers(core) if not re.match(r"^(?:a|an|one)\s", core) else core
    core = re.sub(r"^(?:the\s+)?(?:past|last|next|first|previous|following|coming|"
                  r"preceding|remaining|final)\s+", "", core)
    # "a second bomb": the ordinal, not a duration
    if core in ("a second", "a minute"):
        return None
    # "half an hour" (PT30M), "a year and a half" (P1Y6M): halves in the next smaller unit
    m = re.fullmatch(rf"half\s+an?\s+({g.unit})|({g.count})\s+({g.unit})\s+and\s+a\s+half", core)
    if m:
        unit = lex.units.get(m.group(1) or m.group(3) or "")
        n = 0.5 if m.group(1) else (_number(m.group(2)) or 0) + 0.5
        if unit:
            return ("DURATION", _period(n, unit))
    # "a quarter century" (P25Y), "three-quarters of an hour" (PT45M)
    m = re.fullmatch(r"(?:(?:a|one)\s+)?(three[- ])?quarters?(?:[- ]|\s+of\s+an?\s+)(century|hour)", core)
    if m:
        n = 75 if m.group(1) else 25
        return ("DURATION", f"P{n}Y" if m.group(2) == "century" else f"PT{n * 60 // 100}M")
    # "a four-week", "three-month", "90-day"
    m = re.fullmatch(rf"(?:an?\s+)?({g.count})[- ]({g.unit})(?:-long)?", core)
    if m and m.group(2) in lex.units and lex.units[m.group(2)] != "WE":
        n = _number(m.group(1))
        if n is not None and n < 1000:
            return ("DURATION", _period(n, lex.units[m.group(2)]))
    # "two and a half years", "18 months", "a decade", "several days"
    m = re.fullmatch(rf"(?:({g.count}|{g.vague}|(?:\d+|{g.num}) or (?:\d+|{g.num})|\d+-\d+)\s+)?"
                     rf"(?:and a half\s+)?(?:more\s+|long\s+|full\s+|straight\s+|consecutive\s+|"
                     rf"additional\s+|recent\s+|short\s+)?({g.unit})(?:\s+(?:long|running|in a row|old))?", core)
    if not m or m.group(2) not in lex.units:
        return None
    unit = lex.units[m.group(2)]
    if unit == "WE":
        return None  # "the weekend" is a date, handled by the relative grammar
    count = m.group(1)
    plural = m.group(2).endswith("s") or m.group(2) in ("centuries",)
    if count is None:
        # an abbreviated unit without a count is a label ("HRS" of a clock line, "mins"
        # of a table heading), never a duration
        if m.group(2).rstrip("s") in ("hr", "min", "sec", "yr", "wk"):
            return None
        # a bare singular unit ("year", "the week") is not a duration
        if not plural:
            if re.match(r"^the\s+(?:past|last|next|coming)\s", t) or (
                    unit in ("DE", "CE") and re.match(r"^(?:the\s+)?(?:following|previous|preceding)\s", t)):
                return ("DURATION", _period(1, unit))
            return None
        return ("DURATION", _period(None, unit))
    # "several years", "two or three days": a count TIMEX3 cannot write. ("12 to 18
    # months" is two TIMEX3s in TimeML, "12" and "18 months": not one span here.)
    if count in lex.vague or re.fullmatch(r"\S+ or \S+|\d+-\d+", count):
        return ("DURATION", _period(None, unit))
    n = _number(count)
    if n is None:
        return None
    if "and a half" in core:
        n += 0.5
    if n >= 1000 and not plural:
        return None  # "the 1998 quarter", "2019 season": a year, not a count
    return ("DURATION", _period(n, unit))


@lru_cache(maxsize=1)
def _clock_res() -> tuple[re.Pattern[str], str, str]:
    """The clock regex, the zone labels (rules/dates.yml `time_zones`) and the four-digit
    military clock, built once from the lexicon."""
    zones = lexicon().alt("zones")
    clock = re.compile(
        r"(?P<h>\d{1,2})(?:(?::|\.(?=\d{2}\s*[ap]\.?m))(?P<m>\d{2}))?(?::(?P<s>\d{2}))?\s*(?P<ap>a\.?m\.?|p\.?m\.?)?"
        # "16:30 hours": a clock written military style (with its minutes only)
        r"(?:(?<=\d\d)\s*(?:hours|hrs)\b)?"
        rf"(?:\s*(?P<tz>{zones})(?:[+-]\d{{1,2}}(?::?\d\d)?)?)?")
    # A clock written as four digits, military style: "0915 HRS", "1400 GMT", "0800
    # hours" (a clock, never a duration of 915 hours; "1400 hours" without a zero is
    # left alone).
    military = rf"(?:(?:[01]\d|2[0-3])[0-5]\d\s*(?:hrs|{zones})|0\d[0-5]\d\s*hours)"
    return clock, zones, military


def _duration_clock(t: str, ctx: _Ctx) -> Result | None:
    # "3:07:35" is a running time, not a clock time (clock times in news carry no seconds)
    m = re.fullmatch(r"(\d{1,2}):(\d{2}):(\d{2})(?:\.\d+)?", t)
    if m:
        h, mi, s = (int(x) for x in m.groups())
        parts = (f"{h}H" if h else "") + (f"{mi}M" if mi else "") + (f"{s}S" if s else "")
        return ("DURATION", f"PT{parts or '0S'}")
    return None


def _clock(t: str) -> str | None:
    """'8 p.m.' -> '20:00', '15:00 gmt' -> '15:00', '0915 hrs' -> '09:15', 'noon' -> '12:00'."""
    if t in ("noon", "midday"):
        return "12:00"
    if t == "midnight":
        return "24:00"
    clock, _, military = _clock_res()
    if re.fullmatch(military, t):
        return f"{t[:2]}:{t[2:4]}"
    m = clock.fullmatch(t)
    if not m or (m.group("m") is None and m.group("ap") is None):
        return None
    h, mi = int(m.group("h")), int(m.group("m") or 0)
    ap = (m.group("ap") or "").replace(".", "")
    if ap == "pm" and h < 12:
        h += 12
    elif ap == "am" and h == 12:
        h = 0
    if h > 24 or mi > 59:
        return None
    return f"{h:02d}:{mi:02d}"


def _part_clock(t: str) -> str:
    """ "4 in the morning", "10 o'clock at night on Monday" written as a clock beside its
    part of the day ("4:00 morning", "10:00 monday night"); other text as it is."""
    m = re.fullmatch(r"((?:at|around|about)\s+)?(\d{1,2})(?::(\d{2}))?(?:\s+o'clock)?\s+"
                     r"(?:in the\s+(morning|afternoon|evening)|at (night))(?:,?\s+(?:on\s+)?(.+))?", t)
    if not m or not 1 <= int(m.group(2)) <= 12:
        return t
    rest = f" {m.group(6)}" if m.group(6) else ""
    return f"{m.group(1) or ''}{m.group(2)}:{m.group(3) or '00'}{rest} {m.group(4) or m.group(5)}"


def _afternoon_clock(time: str, written: str, part: str) -> str:
    """A clock without a.m. or p.m. read by the part of the day beside it: "3:30 this
    afternoon" is 15:30, "11:15 last night" 23:15, "7:45 this morning" 07:45."""
    if re.search(r"[ap]\.?m\b|\d{4}", written) or not re.fullmatch(r"\d\d:\d\d", time):
        return time
    h = int(time[:2])
    low = {"afternoon": 1, "evening": 4, "night": 6, "tonight": 6}.get(part)
    if low is None or not low <= h <= 11:
        return time
    return f"{h + 12:02d}{time[2:]}"


def _split_time(t: str) -> tuple[str, str] | None:
    """An expression as (its time of day, the words that name its day): ("09:15",
    "sunday") for "9:15 a.m. on Sunday morning" (a clock wins over a part of the day),
    ("TNI", "saturday") for "Saturday night", ("", "monday") for "the early hours of
    Monday" (the start of a day, `day_start`); None when it holds no time of day."""
    lex, g = lexicon(), _grammar()
    _, zones, military = _clock_res()
    clock_re = (rf"(?:\d{{1,2}}(?:[:.]\d{{2}})?\s*(?:a\.?m\.?|p\.?m\.?)|\d{{1,2}}:\d{{2}}(?:\s*(?:hours|hrs)\b)?)"
                rf"(?:\s*(?:{zones})(?:[+-]\d{{1,2}}(?::?\d\d)?)?)?|{military}|noon|midnight")
    m = re.search(rf"(?:^|\s|,)(?:at\s+|around\s+|about\s+|shortly after\s+|shortly before\s+|"
                  rf"just after\s+|just before\s+)?({clock_re})(?=$|\s|,)", t)
    if m:
        time = _clock(m.group(1))
        if time is None:
            return None
        rest = (t[:m.start()] + " " + t[m.end():]).strip(" ,")
        # "10:25 p.m. Saturday night", "9:15 a.m. on Sunday morning": the clock is the time
        part = re.search(rf"\s*(?:in the\s+)?({g.part}|tonight)$", rest)
        if part:
            rest = rest[:part.start()] if part.group(1) != "tonight" else "today"
            time = _afternoon_clock(time, m.group(1), part.group(1))
        return time, rest
    # "the early hours of Monday", "in the small hours": the day, from its start
    m = re.fullmatch(rf"(?:in\s+)?(?:the\s+)?({lex.alt('day_start')})(?:\s+of\s+(.+))?", t)
    if m:
        return "", m.group(2) or ""
    # "the night of March 4", "Tuesday night", "last night", "this morning"
    m = re.fullmatch(rf"(?:the\s+)?({g.part})\s+of\s+(.+)", t)
    if m:
        return "T" + lex.parts[m.group(1)], m.group(2)
    m = re.fullmatch(rf"(?:(.*?),?\s+)??(?:in the\s+|at\s+)?({g.part})", t)
    if m and m.group(2) in lex.parts:
        return "T" + lex.parts[m.group(2)], (m.group(1) or "").strip(" ,")
    return None


@lru_cache(maxsize=8192)
def bare_time(text: str) -> bool:
    """Whether an expression is a time of day that names no day of its own ("6:18
    a.m.", "0148 GMT", "in the morning", "overnight", "the early hours"): its day is
    the one its sentence names, else the article's (the dates stage decides).

    >>> bare_time("6:18 a.m."), bare_time("6:18 a.m. Sunday"), bare_time("Sunday")
    (True, False, False)
    """
    t = _LEAD.sub("", clean(text))
    split = _split_time(_part_clock(t))
    return split is not None and _day_words(split[1]) == ""


def _day_words(rest: str) -> str:
    rest = re.sub(r"^(?:on|of|at|in the|in|the)(?:\s+|$)|\s+(?:on|at|of)$", "", rest).strip(" ,")
    # "the night of March 3-4", "of 3 to 4 March", "of Tuesday to Wednesday": a night named
    # by two days is the night that starts on the first
    rest = re.sub(r"(\d)(?:st|nd|rd|th)?\s*(?:-|to|into)\s*\d{1,2}(?:st|nd|rd|th)?(?=\s+(?:of\s+)?[a-z]|$)", r"\1", rest)
    return re.sub(rf"^({_grammar().wd})\.?\s+(?:to|into)\s+(?:{_grammar().wd})\.?$", r"\1", rest)


@lru_cache(maxsize=8192)
def is_age(text: str) -> bool:
    """Whether an expression is an age ("29-year-old", "aged 29", "29 years old").

    >>> is_age("a 29-year-old"), is_age("29 years")
    (True, False)
    """
    t = clean(text)
    return _age(t, _Ctx(None, None, None, frozenset())) is not None or bool(
        re.fullmatch(rf"(?:{_grammar().count})\s+(?:years|months)\s+old", t))


@lru_cache(maxsize=8192)
def clock_reading(text: str) -> tuple[int, float | None, bool] | None:
    """The clock of an expression as (minutes after midnight, its zone's offset from UTC
    in hours or None when unknown, whether a zone label is written), or None when it
    holds no clock: "0148 GMT" -> (108, 0.0, True), "6pm local time" -> (1080, None, True).
    """
    t = _LEAD.sub("", clean(text))
    split = _split_time(_part_clock(t))
    if split is None or not re.fullmatch(r"\d\d:\d\d", split[0]):
        return None
    hours, minutes = (int(x) for x in split[0].split(":"))
    lex = lexicon()
    digit = re.search(r"\d", t)
    zone = re.search(rf"(?<![a-z]){lex.alt('zones')}(?![a-z])", t[digit.start() if digit else 0:])
    offset = lex.zones.get(zone.group(0)) if zone else None
    # "UTC+3", "GMT+5:30", "GMT-4": the offset is written after the zone
    shift = re.match(r"([+-])(\d{1,2})(?::?(\d\d))?", t[(digit.start() if digit else 0) + zone.end():]) if zone else None
    if shift and offset == 0 and int(shift.group(2)) <= 14:
        offset = (1 if shift.group(1) == "+" else -1) * (int(shift.group(2)) + int(shift.group(3) or 0) / 60)
    return hours * 60 + minutes, offset, zone is not None


def _time_of_day(t: str, ctx: _Ctx) -> Result | None:
    """A clock time or a part of the day, on the day the rest of the expression names;
    without one, on the article's day (the stage gives it the day of its sentence)."""
    if t == "tonight":
        return ("TIME", f"{_day(ctx.anchor)}TNI" if ctx.anchor else "XXXX-XX-XXTNI")
    if t.startswith("overnight"):
        return _overnight(t, ctx)
    split = _split_time(_part_clock(t))
    if split is None:
        return None
    time, rest = split
    rest = _day_words(rest)
    if time == "" and _split_time(rest) is not None:
        return _time_of_day(rest, ctx)  # "the early hours of Monday morning"
    if rest in ("last", "yesterday"):
        day = _shift_day(ctx, -1)
    elif rest in ("this", "today", "early this", "late this", ""):
        day = _day(ctx.anchor) if ctx.anchor else "XXXX-XX-XX"
    elif rest in ("tomorrow", "next"):
        day = _shift_day(ctx, 1)
    elif rest in ("that", "the same", "same"):
        day = _focus_day(ctx)
    elif rest in ("the next", "the following", "next", "following"):
        day = _chain_day(ctx, 1)
    elif rest in ("the previous", "previous", "the preceding"):
        day = _chain_day(ctx, -1)
    else:
        day = _date(rest, ctx)
        if day is None:
            return None
    # a time of day needs a day (2019-09-22, XXXX-WXX-7), not a span, a week or a year
    if "/" in day or "_REF" in day or "T" in day or re.search(r"-W\d\d(?:-WE)?$", day) or len(day) < 10:
        return None
    if time == "":
        return ("DATE", day)
    return ("TIME", f"{day}{time}" if time.startswith("T") else f"{day}T{time}")


def _overnight(t: str, ctx: _Ctx) -> Result | None:
    """'overnight': the night (TIMEX3 TNI, on the day it starts) of the day named
    ("overnight Tuesday", "overnight Tuesday into Wednesday"), the night before the day
    it runs into ("overnight into Wednesday"); alone, the night just past when its verb is
    past ("temperatures fell overnight" in a Wednesday article is Tuesday night), else
    the coming one ("the cranes will work overnight")."""
    wd = _grammar().wd
    m = re.fullmatch(rf"overnight(?:\s+(?:on\s+|from\s+)?({wd})\.?)?(?:\s+(?:to|into)\s+({wd})\.?)?", t)
    if m is None:
        return None
    if m.group(1):
        return _time_of_day(f"{m.group(1)} night", ctx)
    if m.group(2):
        into = _date(m.group(2), ctx)
        if into is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", into):
            return None
        return ("TIME", f"{_day(dt.date.fromisoformat(into) - dt.timedelta(days=1))}TNI")
    if ctx.anchor is None:
        return ("TIME", "XXXX-XX-XXTNI")
    return ("TIME", f"{_shift_day(ctx, -1) if ctx.tense == 'past' else _day(ctx.anchor)}TNI")


def _shift_day(ctx: _Ctx, n: int) -> str:
    if ctx.anchor is None:
        return "XXXX-XX-XX"
    return _day(ctx.anchor + dt.timedelta(days=n))


def _focus_day(ctx: _Ctx) -> str:
    """The day a bare clock time or 'that day' is on: the last day named, else the anchor."""
    y, m, d = _previous_parts(ctx.previous)
    if y and m and d:
        return f"{y:04d}-{m:02d}-{d:02d}"
    # a month or a year named before does not fix the day: the article's day does
    return _day(ctx.anchor) if ctx.anchor else "XXXX-XX-XX"


def _chain_day(ctx: _Ctx, n: int) -> str:
    y, m, d = _previous_parts(ctx.previous)
    if y and m and d:
        return _day(dt.date(y, m, d) + dt.timedelta(days=n))
    if y:
        return f"{y:04d}-{m:02d}-XX" if m else f"{y:04d}-XX-XX"
    return _shift_day(ctx, n) if ctx.anchor and not ctx.previous else "XXXX-XX-XX"


# ---- "N units ago", "two days later" ---------------------------------------------------


def _ago(t: str, ctx: _Ctx) -> Result | None:
    lex, g = lexicon(), _grammar()
    m = re.fullmatch(rf"(?:({g.count}|{g.vague})\s+)?(?:and a half\s+)?"
                     rf"({g.unit})\s+(ago|earlier|later|before|after|from now|hence|back|"
                     rf"before that|after that|on)", _strip_modifiers(t))
    if not m or m.group(2) not in lex.units:
        return None
    count, unit, how = m.group(1), lex.units[m.group(2)], m.group(3)
    n = None if count is None or count in lex.vague else _number(count)
    if count is not None and count not in lex.vague and n is None:
        return None
    sign = -1 if how in ("ago", "earlier", "before", "back", "before that") else 1
    if how in ("ago", "from now", "hence", "back"):
        base: tuple[int | None, int | None, int | None] = (
            (ctx.anchor.year, ctx.anchor.month, ctx.anchor.day) if ctx.anchor else (None, None, None))
        if n is None:
            return ("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    else:
        base = _previous_parts(ctx.previous)
        if base[0] is None:
            # "a year earlier" with nothing before it: relative to the article's date
            base = (ctx.anchor.year, ctx.anchor.month, ctx.anchor.day) if ctx.anchor else (None,) * 3
        if n is None:
            return ("DURATION", _period(None, unit))
    if how == "on" and unit not in ("Y", "DE", "CE"):
        return None
    return ("DATE", _shift(base, n * sign, unit))


def _shift(base: tuple[int | None, int | None, int | None], n: float, unit: str) -> str:
    """The date n units from base, at the unit's granularity (years ago -> a year)."""
    y, mo, d = base
    if unit in ("DE", "CE", "ML"):
        n, unit = n * {"DE": 10, "CE": 100, "ML": 1000}[unit], "Y"
    if unit == "Q":
        n, unit = n * 3, "M"
    if unit == "FN":
        n, unit = n * 14, "D"
    if y is None:
        return {"Y": "XXXX", "M": "XXXX-XX", "W": "XXXX-WXX"}.get(unit, "XXXX-XX-XX")
    if unit == "Y":
        return f"{int(y + n):04d}"
    if unit == "M":
        yy, mm = _add_months(y, mo or 1, int(n))
        return _month(yy, mm)
    if mo is None or d is None:
        return f"{y:04d}"
    base_day = dt.date(y, mo, d)
    if unit == "W":
        return _week(base_day + dt.timedelta(weeks=n))
    if unit == "D":
        return _day(base_day + dt.timedelta(days=n))
    if unit == "H":
        moment = dt.datetime(y, mo, d, 12) + dt.timedelta(hours=n)
        return _day(moment.date())
    return _day(base_day)


# ---- dates -----------------------------------------------------------------------------


def _date(t: str, ctx: _Ctx) -> str | None:
    """The value of a date without a time of day, or None."""
    t = t.strip(" ,.")
    if not t:
        return None
    keep_the = (re.match(r"^the\s+(?:past|next|last|following|previous|same|day|week|month|year|quarter)\b", t)
                or re.fullmatch(rf"the\s+(?:{_grammar().wd})\.?", t))  # "the Tuesday": see _weekday
    t = t if keep_the else re.sub(r"^the\s+", "", t)
    for fn in (_absolute, _hijri, _relative_year, _relative, _weekday, _month_day, _chained, _day_of_month):
        value = fn(t, ctx)
        if value is not None:
            return value
    return None


def _day_of_month(t: str, ctx: _Ctx) -> str | None:
    """'(on) the 15th': that day of this month, the last or the next, by tense, else
    the nearest (as a month is)."""
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)", t)
    if not m or not 1 <= int(m.group(1)) <= 31:
        return None
    a = ctx.anchor
    if a is None:
        return f"XXXX-XX-{int(m.group(1)):02d}"
    options = [d for d in (_safe_date(*_add_months(a.year, a.month, k), int(m.group(1))) for k in (-1, 0, 1)) if d]
    if ctx.tense == "past":
        options = [d for d in options if d <= a] or options
    elif ctx.tense == "future":
        options = [d for d in options if d >= a] or options
    return _day(min(options, key=lambda d: (_cost((d - a).days, ctx), d > a))) if options else None


def _relative_year(t: str, ctx: _Ctx) -> str | None:
    """A month, a day or a season in a year named relative to the article's: "August
    last year" (2021-08 in 2022), "March 9 last year", "4 August this year", "the summer
    of next year", "March of last year"."""
    lex, g = lexicon(), _grammar()
    m = re.fullmatch(rf"(?:(?:the\s+)?({g.season})|({g.mon})\.?(?:\s+(\d{{1,2}})(?:st|nd|rd|th)?)?|"
                     rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({g.mon})\.?),?\s+(?:of\s+)?"
                     r"(last|this|next|the previous|the following|the next|the coming|the current)\s+year", t)
    if not m:
        return None
    n = {"last": -1, "the previous": -1, "this": 0, "the current": 0}.get(m.group(6), 1)
    year = f"{ctx.anchor.year + n:04d}" if ctx.anchor else "XXXX"
    if m.group(1):
        return f"{year}-{lex.seasons[m.group(1)]}"
    month = lex.months[m.group(2) or m.group(5)]
    day = m.group(3) or m.group(4)
    if day is None:
        return f"{year}-{month:02d}"
    if _safe_date(2000, month, int(day)) is None or (ctx.anchor and _safe_date(int(year), month, int(day)) is None):
        return None
    return f"{year}-{month:02d}-{int(day):02d}"


def _hijri(t: str, ctx: _Ctx) -> str | None:
    """An Islamic (Hijri) calendar date written in English, as its Gregorian day:
    "Jumada I 14, 1437" and "14 Jumada al-Awwal 1437 AH" are 2016-02-23. The months
    are those of rules/dates.yml `hijri_months`; the conversion is the Umm al-Qura
    calendar's (the `hijridate` package), which covers 1343-1500 AH (1924-2077)."""
    lex = lexicon()
    if not lex.hijri_months or not re.search(r"\d{4}", t):
        return None
    months = lex.hijri_alt()
    m = re.fullmatch(rf"(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({months})|({months})\s+(\d{{1,2}})(?:st|nd|rd|th)?)"
                     r",?\s+(1[2-5]\d\d)(?:\s*(?:a\.?\s?h\.?|h\.?))?", t)
    if not m:
        return None
    month = lex.hijri_month(m.group(2) or m.group(3))
    if month is None:
        return None
    from hijridate import Hijri

    try:
        return Hijri(int(m.group(5)), month, int(m.group(1) or m.group(4))).to_gregorian().isoformat()
    except (ValueError, OverflowError):
        return None  # not a day of that month, or outside the calendar's tables


def _age(t: str, ctx: _Ctx) -> Result | None:
    """An age, a duration in TIDES/TimeML terms: "29-year-old" and "aged 29" are P29Y,
    "a 22-month-old" P22M."""
    lex, g = lexicon(), _grammar()
    m = re.fullmatch(rf"(?:an?\s+)?({g.count})[- ](year|month|week|day)s?[- ]old", t)
    if m:
        n = _number(m.group(1))
        return ("DURATION", _period(n, lex.units[m.group(2)])) if n is not None and n < 200 else None
    m = re.fullmatch(rf"aged\s+({g.count})(?:\s+({g.unit}))?", t)
    if m:
        n = _number(m.group(1))
        unit = lex.units.get(m.group(2) or "years")
        if n is None or n >= 200 or unit not in ("Y", "M", "W", "D"):
            return None
        return ("DURATION", _period(n, unit))
    return None


def _absolute(t: str, ctx: _Ctx) -> str | None:
    lex, g = lexicon(), _grammar()
    # ISO 8601, with a time when there is one: "2019-10-08", "2019-10-08t14:05:00+04:30"
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[t ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?"
                     r"(?:z|[+-]\d{2}:?\d{2})?)?", t)
    if m:
        if _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3))) is None:
            return None
        base = f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
        return f"{base}T{m.group(4)}:{m.group(5)}" if m.group(4) else base
    m = re.fullmatch(r"(\d{4})-(\d{2})", t)
    if m and 1 <= int(m.group(2)) <= 12:
        return t
    # numeric: dotted is day first (European); slashed is month first unless it cannot be
    m = re.fullmatch(r"(\d{1,2})([/.])(\d{1,2})\2(\d{4}|\d{2})", t)
    if m:
        a, b, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if len(m.group(4)) == 2:
            y = _two_digit_year(y, ctx.anchor)
        day, month = (a, b) if m.group(2) == "." or a > 12 else (b, a)
        # the other order when this one cannot be a date: "08.30.20" is August 30
        d = _safe_date(y, month, day) or _safe_date(y, day, month)
        return _day(d) if d else None
    m = re.fullmatch(r"(\d{4})/(\d{1,2})/(\d{1,2})", t)
    if m:
        d = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return _day(d) if d else None
    # drop a leading weekday before a full date: "tuesday, oct. 8, 2019"
    m = re.match(rf"^({g.wd})\.?,?\s+(?=.*\d)", t)
    if m:
        return _absolute(t[m.end():], ctx) or _month_day(t[m.end():], ctx, weekday=lex.weekdays[m.group(1)])
    # "oct 8, 2019", "oct. 8th 2019", "september 23, 2019"
    m = re.fullmatch(rf"({g.mon})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})", t)
    if m:
        d = _safe_date(int(m.group(3)), lex.months[m.group(1)], int(m.group(2)))
        return _day(d) if d else None
    # "8 october 2019", "the 8th of october, 2019"
    m = re.fullmatch(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({g.mon})\.?,?\s+(\d{{4}})", t)
    if m:
        d = _safe_date(int(m.group(3)), lex.months[m.group(2)], int(m.group(1)))
        return _day(d) if d else None
    # "may 2011", "september of 2014"
    m = re.fullmatch(rf"({g.mon})\.?,?\s+(?:of\s+)?(\d{{4}})", t)
    if m:
        return _month(int(m.group(2)), lex.months[m.group(1)])
    # years: "2014", "'58", "fiscal 2019", "the year 2000"
    m = re.fullmatch(r"(?:(?:fiscal|calendar|the year|year|fy|class of)\s+)?(1\d{3}|20\d\d)", t)
    if m:
        return m.group(1)
    m = re.fullmatch(r"'(\d\d)", t)
    if m:
        return str(_two_digit_year(int(m.group(1)), ctx.anchor))
    # seasons and quarters of a year: "summer 2019", "the fall of 2018", "q3 2019"
    m = re.fullmatch(rf"({g.season})\s+(?:of\s+)?(\d{{4}})", t)
    if m:
        return f"{m.group(2)}-{lex.seasons[m.group(1)]}"
    fiscal = _fiscal(t, ctx)
    if fiscal is not None:
        return fiscal
    # decades: "the 1990s" 199X, "the '80s" 198X (the last such decade begun by the
    # article's year), "the 2000s" 200X; centuries as "the 1800s" (18)
    m = re.fullmatch(r"(?:early\s+|mid-?|late\s+)?(\d\d)(\d)0'?s", t)
    if m:
        if m.group(2) == "0" and m.group(1) != "20":
            return m.group(1)
        return m.group(1) + m.group(2) + "X"
    m = re.fullmatch(r"(?:early\s+|mid-?|late\s+)?'(\d)0'?s", t)
    if m:
        return _decade_century(int(m.group(1)), ctx) + m.group(1) + "X"
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)[- ]century", t)
    if m and int(m.group(1)) >= 1:
        return f"{int(m.group(1)) - 1:02d}"
    m = re.fullmatch(rf"({g.ordinal})[- ]century", t)
    if m:
        return f"{lex.ordinals[m.group(1)] - 1:02d}"
    m = re.fullmatch(r"(?:early\s+|mid-?|late\s+)?(nineteen|twenty)?-?\s?(\w+ies)", t)
    tens = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
            "seventies": 7, "eighties": 8, "nineties": 9}
    if m and m.group(2) in tens:
        century = {"nineteen": "19", "twenty": "20"}.get(m.group(1) or "") or _decade_century(tens[m.group(2)], ctx)
        return century + str(tens[m.group(2)]) + "X"
    return None


_PERIOD_OF = {"quarter": ("Q", 4), "half": ("H", 2)}


def _fiscal(t: str, ctx: _Ctx) -> str | None:
    """Quarters and halves of a (fiscal) year: "the third quarter", "third-quarter",
    "Q3 2019", "the 1998 fourth quarter", "last year's second half", "the first half of
    1999", "the quarter", "the year-ago quarter" (or "period"), and "the (fiscal) year". A quarter
    without a year is the nearest such quarter (by tense, as a day is); "the quarter"
    and "the year" are those of the last date named, when it is near the article's,
    else the article's own."""
    lex = lexicon()
    t = re.sub(r"\b(?:fiscal|calendar|financial)\s+", "", t)
    m = re.fullmatch(r"q([1-4])(?:\s+(\d{4}))?", t)
    if m:
        return f"{m.group(2) or _period_year(ctx, 'Q', int(m.group(1)))}-Q{m.group(1)}"
    m = re.fullmatch(r"(?:the\s+)?(?:(\d{4})(?:'s)?\s+|(this|last|next)\s+year's\s+|(?:the\s+)?year-(?:ago|earlier)\s+)?"
                     r"(first|second|third|fourth|final)[- ](quarter|half)"
                     r"(?:\s+of\s+(?:(\d{4})|(this|last|next|the)\s+year))?", t)
    if m:
        code, count = _PERIOD_OF[m.group(4)]
        n = 4 if m.group(3) == "final" and count == 4 else 2 if m.group(3) == "final" else lex.ordinals[m.group(3)]
        if n > count:
            return None
        year = m.group(1) or m.group(5)
        rel = m.group(2) or m.group(6)
        if year is None and rel in ("this", "last", "next", "the"):
            year = str(ctx.anchor.year + {"this": 0, "the": 0, "last": -1, "next": 1}[rel]) if ctx.anchor else "XXXX"
        elif year is None and "year-" in t:
            base = _period_year(ctx, code, n)
            year = str(int(base) - 1) if base != "XXXX" else base
        return f"{year or _period_year(ctx, code, n)}-{code}{n}"
    m = re.fullmatch(r"(?:the\s+)?(\d{4})(?:'s)?\s+(quarter|half)", t)
    if m:
        return f"{m.group(1)}-{_PERIOD_OF[m.group(2)][0]}X"
    m = re.fullmatch(r"the\s+(year-(?:ago|earlier)\s+)?quarter|the\s+(year-(?:ago|earlier)\s+)period", t)
    if m:
        y, q = _reference_quarter(ctx)
        if y is None:
            return "XXXX-QX"
        if m.group(1) or m.group(2):
            y -= 1
        return f"{y}-Q{q}"
    if t == "the year":
        y, _ = _reference_quarter(ctx)
        return str(y) if y is not None else "XXXX"
    return None


def _period_year(ctx: _Ctx, code: str, n: int) -> str:
    """The year of the nth quarter or half named without one: by tense, else nearest."""
    a = ctx.anchor
    if a is None:
        return "XXXX"
    per_year = 4 if code == "Q" else 2
    now = a.year * per_year + (a.month - 1) * per_year // 12
    options = {y: y * per_year + n - 1 for y in (a.year - 1, a.year, a.year + 1)}
    if ctx.tense == "past":
        options = {y: i for y, i in options.items() if i <= now} or options
    elif ctx.tense == "future":
        options = {y: i for y, i in options.items() if i >= now} or options
    return str(min(options, key=lambda y: (_cost(options[y] - now, ctx), y != a.year)))


def _reference_quarter(ctx: _Ctx) -> tuple[int | None, int]:
    """The year and quarter "the quarter" and "the year" refer to: of the last date
    named when it is within a year of the article's, else of the article's date."""
    y, mo, _ = _previous_parts(ctx.previous)
    quarter = re.match(r"\d{4}-Q([1-4])$", ctx.previous or "")
    a = ctx.anchor
    if y is not None and (a is None or abs(y - a.year) <= 1):
        if quarter:
            return y, int(quarter.group(1))
        return y, (mo - 1) // 3 + 1 if mo else (a.month - 1) // 3 + 1 if a and a.year == y else 4
    if a is None:
        return None, 0
    return a.year, (a.month - 1) // 3 + 1


def _decade_century(tens: int, ctx: _Ctx) -> str:
    """The century of a decade named without one ("the '80s", "the sixties"): the
    latest whose decade had begun by the article's year (19 without an anchor)."""
    if ctx.anchor is not None and 2000 + 10 * tens <= ctx.anchor.year:
        return "20"
    return "19"


def _relative(t: str, ctx: _Ctx) -> str | None:
    """today, yesterday, this/last/next + year, month, week, season, quarter, month name."""
    lex, g = lexicon(), _grammar()
    a = ctx.anchor
    if t in ("weekend", "the weekend"):
        # "the weekend" of a story: the one before the article unless it looks ahead
        if a is None:
            return "XXXX-WXX-WE"
        if ctx.tense in ("future", "present") or a.isoweekday() >= 6:
            return _week(a) + "-WE"
        return _week(a - dt.timedelta(days=7)) + "-WE"
    if t in ("today", "this day"):
        return _day(a) if a else "PRESENT_REF"
    m = re.fullmatch(r"(?:(this|last|next) )?(year|month)[- ]end", t)
    if m:
        # "by year-end", "at month end": the end of the year (month) the article is in
        return _relative(f"{m.group(1) or 'this'} {m.group(2)}", ctx)
    if t in ("yesterday", "the day before yesterday", "tomorrow", "the day after tomorrow"):
        n = {"yesterday": -1, "the day before yesterday": -2, "tomorrow": 1,
             "the day after tomorrow": 2}[t]
        return _shift_day(ctx, n)
    m = re.fullmatch(rf"(this|last|next|past|coming|previous|the past|the coming|this past|"
                     rf"this coming|the previous|the last|the next|current|the current|"
                     rf"the same|the following|that|recent|the recent|present|the present|"
                     rf"the latest|latest)\s+"
                     rf"(?:fiscal\s+|calendar\s+|financial\s+|academic\s+|school\s+|tax\s+)?"
                     rf"(year|month|week|weekend|decade|century|quarter|season|{g.season}|{g.mon})", t)
    if not m:
        m2 = re.fullmatch(rf"(this|last|next)\s+({g.wd})", t)
        if m2:
            return _weekday_value(lex.weekdays[m2.group(2)], ctx, m2.group(1))
        return None
    rel, what = m.group(1).replace("the ", ""), m.group(2)
    if rel in ("same", "following", "that", "previous") and ctx.previous and m.group(1).startswith(("the", "that")):
        return _chained(t, ctx)
    if rel in ("this past", "recent", "latest"):
        rel = "last"
    if rel in ("this coming", "coming", "following"):
        rel = "next"
    if rel in ("current", "present", "same", "that"):
        rel = "this"
    if rel == "past" and not m.group(1).startswith("the"):
        rel = "last"
    # "the past year", "the next month", "the last week": a span up to or from now
    if m.group(1) in ("the past", "the next", "the coming", "the last") and what in (
            "year", "month", "week", "decade", "century", "quarter"):
        return None
    if rel == "previous":
        rel = "last"
    n = {"this": 0, "last": -1, "next": 1, "past": -1}.get(rel)
    if n is None:
        return None
    if what in ("year",):
        return str(a.year + n) if a else "XXXX"
    if what == "month":
        if not a:
            return "XXXX-XX"
        y, mo = _add_months(a.year, a.month, n)
        return _month(y, mo)
    if what in ("week", "weekend"):
        if not a:
            return "XXXX-WXX" + ("-WE" if what == "weekend" else "")
        week = _week(a + dt.timedelta(weeks=n))
        return week + ("-WE" if what == "weekend" else "")
    if what == "decade":
        return f"{a.year // 10 + n}X" if a else "XXXX"  # as "the 1980s": 198X
    if what == "century":
        return f"{a.year // 100 + n:02d}" if a else "XX"
    if what == "quarter":
        if not a:
            return "XXXX-QX"
        y, mo = _add_months(a.year, a.month, 3 * n)
        return f"{y}-Q{(mo - 1) // 3 + 1}"
    if what == "season":
        what = {"SP": "spring", "SU": "summer", "FA": "fall", "WI": "winter"}[_season_of(a.month)] if a else None
        if what is None:
            return "XXXX-XX"
    if what in lex.seasons:
        return _season_value(lex.seasons[what], ctx, rel)
    if what in lex.months:
        return _month_value(lex.months[what], ctx, rel)
    return None


def _season_value(season: str, ctx: _Ctx, rel: str | None) -> str:
    """'last fall' in October 2019 is 2018-FA: the last one before the current season.

    Seasons are counted in season years: spring, summer, fall, then the winter that
    starts in December (named by that year).
    """
    a = ctx.anchor
    if a is None:
        return f"XXXX-{season}"
    order = {"SP": 0, "SU": 1, "FA": 2, "WI": 3}
    current = _season_of(a.month)
    season_year = a.year - 1 if a.month < 3 else a.year
    now = season_year * 4 + order[current]
    candidates = [y * 4 + order[season] for y in (season_year - 1, season_year, season_year + 1)]
    if rel == "this":
        year = season_year if season == "WI" else a.year
        return f"{year}-{season}"
    if rel == "last" or (rel is None and ctx.tense == "past"):
        pos = max(c for c in candidates if (c < now if rel == "last" else c <= now))
    elif rel == "next" or (rel is None and ctx.tense == "future"):
        pos = min(c for c in candidates if (c > now if rel == "next" else c >= now))
    else:
        pos = min(candidates, key=lambda c: (_cost(c - now, ctx), c > now))
    return f"{pos // 4}-{season}"


def _month_value(month: int, ctx: _Ctx, rel: str | None) -> str:
    """'last May' is the last May before this month; 'May' goes by tense, else nearest."""
    a = ctx.anchor
    if a is None:
        return f"XXXX-{month:02d}"
    if rel == "this":
        return _month(a.year, month)
    if rel == "last":
        return _month(a.year if month < a.month else a.year - 1, month)
    if rel == "next":
        return _month(a.year if month > a.month else a.year + 1, month)
    year = _year_for_day(ctx, lambda y: dt.date(y, month, 1))
    if ctx.tense == "past" and month > a.month:
        year = a.year - 1
    elif ctx.tense == "future" and month < a.month:
        year = a.year + 1
    elif ctx.tense in (None, "present"):
        # a month without a cue: the nearest one (looking back further), this year on ties
        distance = {y: _cost((y * 12 + month) - (a.year * 12 + a.month), ctx) for y in (a.year - 1, a.year, a.year + 1)}
        year = min(distance, key=lambda y: (distance[y], y != a.year))
    else:
        year = a.year
    return _month(year or a.year, month)


def _weekday_value(weekday: int, ctx: _Ctx, rel: str | None = None) -> str:
    """News style: 'Tuesday' is the nearest Tuesday around the article's date.

    The tense of the sentence picks the side ("said on Tuesday" looks back, "will meet on
    Tuesday" looks ahead); "on Tuesday" in a Tuesday article is that day.
    """
    a = ctx.anchor
    if a is None:
        return f"XXXX-WXX-{weekday}"
    back = (a.isoweekday() - weekday) % 7
    ahead = (weekday - a.isoweekday()) % 7
    if rel == "last":
        # "last Tuesday" never names yesterday (news says "yesterday" or "on Tuesday"):
        # in a Wednesday article it is the Tuesday of the week before
        return _day(a - dt.timedelta(days=back if back > 1 else back + 7))
    if rel == "next":
        return _day(a + dt.timedelta(days=ahead or 7))
    if rel == "this":
        return _day(a + dt.timedelta(days=weekday - a.isoweekday()))
    if ctx.tense == "past":
        return _day(a - dt.timedelta(days=back))
    if ctx.tense in ("future", "present"):
        # "The vote is expected Thursday", "the team plays Wednesday": news puts a
        # weekday under a verb in the present on the coming one
        return _day(a + dt.timedelta(days=ahead))
    return _day(a - dt.timedelta(days=back) if _cost(-back) <= _cost(ahead) else a + dt.timedelta(days=ahead))


def _weekday(t: str, ctx: _Ctx) -> str | None:
    lex, g = lexicon(), _grammar()
    # "arrived on March 14 ... early on the Tuesday": a weekday with "the" is one of the
    # days the text is telling, the one nearest the last date named
    m = re.fullmatch(rf"the\s+({g.wd})\.?", t)
    if m:
        y, mo, d = _previous_parts(ctx.previous)
        if y is None or mo is None or d is None:
            return _weekday_value(lex.weekdays[m.group(1)], ctx)
        told = dt.date(y, mo, d)
        offset = (lex.weekdays[m.group(1)] - told.isoweekday()) % 7
        return _day(told + dt.timedelta(days=offset if offset <= 3 else offset - 7))
    m = re.fullmatch(rf"(?:(early|late|this|last|next|past|coming)\s+)?({g.wd})\.?", t)
    if m:
        rel = {"past": "last", "coming": "next", "early": None, "late": None}.get(m.group(1) or "", m.group(1))
        return _weekday_value(lex.weekdays[m.group(2)], ctx, rel)
    # "Monday, Oct. 26": the date, in a year where it is that weekday
    m = re.fullmatch(rf"({g.wd})\.?,?\s+(.+)", t)
    if m:
        return _month_day(m.group(2), ctx, weekday=lex.weekdays[m.group(1)])
    return None


def _month_day(t: str, ctx: _Ctx, *, weekday: int | None = None) -> str | None:
    """'March 14', '14 March', 'March', 'spring': the year by tense or nearness,
    among the years in which the day is the stated `weekday` when one is."""
    lex, g = lexicon(), _grammar()
    m = (re.fullmatch(rf"({g.mon})\.?\s+(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?", t)
         or re.fullmatch(rf"(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({g.mon})\.?", t))
    if m:
        if m.group(1) in lex.months:
            month, day = lex.months[m.group(1)], int(m.group(2))
        else:
            month, day = lex.months[m.group(2)], int(m.group(1))
        if _safe_date(2000, month, day) is None:
            return None
        year = _year_for_day(ctx, lambda y: _safe_date(y, month, day), weekday=weekday)
        return f"{year:04d}-{month:02d}-{day:02d}" if year else f"XXXX-{month:02d}-{day:02d}"
    m = re.fullmatch(rf"(?:the\s+)?({g.ordinal})\s+of\s+({g.mon})", t)
    if m:
        month, day = lex.months[m.group(2)], lex.ordinals[m.group(1)]
        year = _year_for_day(ctx, lambda y: _safe_date(y, month, day), weekday=weekday)
        return f"{year:04d}-{month:02d}-{day:02d}" if year else f"XXXX-{month:02d}-{day:02d}"
    if t in lex.months and (len(t) > 3 or t in ("may", "june", "july")):
        # "may" alone is a month only as a name; the stage passes it capitalised
        return _month_value(lex.months[t], ctx, None)
    if t in lex.seasons:
        return _season_value(lex.seasons[t], ctx, None)
    return None


def _chained(t: str, ctx: _Ctx) -> str | None:
    """'the next day', 'that year', 'April of that year': from the last date named."""
    lex, g = lexicon(), _grammar()
    y, mo, d = _previous_parts(ctx.previous)
    m = re.fullmatch(r"(?:the\s+)?(next|following|previous|preceding|same|prior)\s+(day|week|month|year)"
                     r"|the\s+(day|week|month|year)\s+(before|after)|that\s+(day|week|month|year)|"
                     r"(?:later|earlier)\s+that\s+(day|week|month|year)|the\s+(day)", t)
    if m:
        how = m.group(1) or m.group(4) or "same"
        unit = m.group(2) or m.group(3) or m.group(5) or m.group(6) or m.group(7)
        n = {"next": 1, "following": 1, "after": 1, "previous": -1, "preceding": -1,
             "prior": -1, "before": -1, "same": 0}[how]
        if y is None:
            if unit == "day" and ctx.anchor is not None and ctx.previous is None:
                return _shift_day(ctx, n)  # "the next day" with nothing before it: the article's
            if ctx.previous is None and ctx.anchor is not None and how != "same":
                return None  # "the next year" with nothing before it: a span, not a date
            return {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}[unit]
        if unit == "year":
            return f"{y + n:04d}"
        if unit == "month":
            if mo is None:
                return f"{y:04d}-XX"
            yy, mm = _add_months(y, mo, n)
            return _month(yy, mm)
        if unit == "week":
            if mo is None or d is None:
                return f"{y:04d}-WXX"
            return _week(dt.date(y, mo, d) + dt.timedelta(weeks=n))
        if mo is None or d is None:
            return f"{y:04d}-{mo:02d}-XX" if mo else f"{y:04d}-XX-XX"
        return _day(dt.date(y, mo, d) + dt.timedelta(days=n))
    # "that summer", "the following spring": the season of (or after, before) the last date named
    m = re.fullmatch(rf"(?:the\s+)?(next|following|previous|preceding|same|that)\s+({g.season})", t)
    if m and m.group(2) in lex.seasons and (m.group(1) == "that" or t.startswith("the")):
        season = lex.seasons[m.group(2)]
        if y is None:
            return None if ctx.anchor else f"XXXX-{season}"  # nothing named: the article's
        order = {"SP": 0, "SU": 1, "FA": 2, "WI": 3}
        current = order[_season_of(mo)] if mo else None
        n = {"next": 1, "following": 1, "previous": -1, "preceding": -1}.get(m.group(1), 0)
        # January is in the winter named by the year before; "that summer" of Feb. 1996 is 1996's
        year = y - 1 if mo and mo < 3 and (n != 0 or season == "WI") else y
        if n == 1:
            year += 0 if current is not None and order[season] > current else 1
        elif n == -1:
            year -= 0 if current is not None and order[season] < current else 1
        return f"{year:04d}-{season}"
    m = re.fullmatch(rf"({g.mon})\.?\s+(?:of\s+)?(that|the same|the following|the next|the previous|"
                     rf"the preceding)\s+year", t)
    if m:
        n = {"that": 0, "the same": 0, "the following": 1, "the next": 1, "the previous": -1,
             "the preceding": -1}[m.group(2)]
        month = lex.months[m.group(1)]
        return _month(y + n, month) if y else f"XXXX-{month:02d}"
    m = re.fullmatch(rf"({g.mon})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?that\s+year", t)
    if m:
        month = lex.months[m.group(1)]
        return f"{y:04d}-{month:02d}-{int(m.group(2)):02d}" if y else f"XXXX-{month:02d}-{int(m.group(2)):02d}"
    return None
