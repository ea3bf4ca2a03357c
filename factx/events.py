"""Events as entities (DESIGN section 2): their names, and what a run's facts tell of them.

An event without a name of its own is named by its kind and place, as the attribute
stage builds it: "explosion in Port Arden", "floods in Ardella province"; one the document
sets in another year than its own gets the year ("floods in Ardella (2009)"), so that a
story's background event is never the story's event. A named event keeps its name
("Storm Belen", "Flight 614", "Operation Grey Pine").

Across documents the resolver reads an `EventInfo` per event name from the run's facts
(`run_events`), and `factx.event_links` decides which names are one event.

>>> event_name("explosion", "Port Arden")
'explosion in Port Arden'
>>> split_event_name("floods in Ardella province (2009)")
('floods', 'Ardella province')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from factx.rules import RuleSet


SEPARATOR = " in "
#: words that only say what sort of place a name is ('Ardella province' is 'Ardella')
_PLACE_WORDS = re.compile(r"\b(?:province|district|region|state|county|city|town|village|port|"
                          r"governorate|prefecture|municipality|area|island|islands|of|the)\b", re.I)
_YEAR = re.compile(r"\s+\((\d{4})\)$")
#: a flight by its number: 'Flight 614', 'flight NV 614', 'Norvia Air Flight NV614'
FLIGHT = re.compile(r"\b[Ff]light\s+(?:[A-Z]{2,3}\s?)?(\d{1,4})\b")
#: how far apart two stated times may be and still be one event (time zones, 'overnight')
TIME_SLACK = timedelta(days=2)
#: an undated event happened at most this long before its document was published
REPORT_WINDOW = timedelta(days=180)
#: an event dated this long before the report is the story's background, not its news
BACKGROUND = timedelta(days=365)
MINUTES_PER_DAY = 24 * 60


def event_name(kind: str, place: str | None, year: int | None = None) -> str:
    """The canonical name of an unnamed event: its kind, its place when known, and the
    year when the document sets it in another year than its own.

    >>> event_name("floods", "Ardella", 2009), event_name("crash", None)
    ('floods in Ardella (2009)', 'crash')
    """
    name = f"{kind}{SEPARATOR}{place}" if place else kind
    return f"{name} ({year})" if year else name


def split_event_name(name: str) -> tuple[str, str] | None:
    """(kind, place) of a name `event_name` built with a place, else None."""
    name = _YEAR.sub("", name)
    kind, sep, place = name.partition(SEPARATOR)
    if not sep or not kind or not place or " " in kind.strip():
        return None
    return kind, place


def name_year(name: str) -> int | None:
    """The year an event name carries: 'floods in X (2009)' → 2009."""
    m = _YEAR.search(name)
    return int(m.group(1)) if m else None


def flight_number(name: str) -> str | None:
    """'Norvia Air Flight NV614' → '614'."""
    m = FLIGHT.search(name)
    return m.group(1) if m else None


def place_key(place: str) -> str:
    """A place name without its administrative words, folded: 'the Port of Arden' → 'arden'."""
    return " ".join(_PLACE_WORDS.sub(" ", place.replace("’s", " ").replace("'s", " ")).lower().split())


@dataclass(frozen=True)
class EventInfo:
    """What a run's facts tell about one event name: its kinds, whether it is a name of
    its own (a storm, a flight, an operation), the places and dates stated for it, and
    the publication dates of the documents that name it."""

    name: str
    kinds: frozenset[str] = frozenset()
    named: bool = False
    places: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    published: tuple[str, ...] = ()
    #: how many documents name it
    docs: int = 1
    #: every document that names it dates it long before it was published
    background: bool = False
    #: those of its places the run types as facilities (a hall, a café): a venue, which
    #: lies in some town whether or not a document says which
    venues: tuple[str, ...] = ()


@dataclass
class EventKinds:
    """The rules' kinds of events: which are a count's generic kind ('deaths'), which
    name one event together ('crash' and 'accident'), and the words that begin a named
    event of a kind ('Storm', 'Hurricane')."""

    generic: frozenset[str]
    same: dict[str, frozenset[str]]
    named: dict[str, str]
    by_rule: dict[str, str]
    #: the kinds an event of a kind brings about (a storm brings floods): their deaths are those events'
    brings: dict[str, frozenset[str]] = field(default_factory=dict)

    def compatible(self, a: Iterable[str], b: Iterable[str]) -> bool:
        """Every kind of one can be every kind of the other; a count's kind fits any."""
        a = [k for k in a if k not in self.generic]
        b = [k for k in b if k not in self.generic]
        return all(x == y or y in self.same.get(x, ()) for x in a for y in b)


def event_kinds(rules: "RuleSet") -> EventKinds:
    generic = frozenset(r["kind"] for r in rules.get("events") if r.get("counts"))
    same: dict[str, set[str]] = {}
    named: dict[str, str] = {}
    by_rule: dict[str, str] = {}
    for rule in rules.get("events"):
        kind = rule["kind"]
        by_rule[rule["id"]] = kind
        for other in rule.get("same_as", ()):
            same.setdefault(kind, set()).add(other)
            same.setdefault(other, set()).add(kind)
        for word in rule.get("names", ()):
            named.setdefault(word.lower(), kind)
    brings = {r["kind"]: frozenset(r["brings"]) for r in rules.get("events") if r.get("brings")}
    return EventKinds(generic, {k: frozenset(v) for k, v in same.items()}, named, by_rule, brings)


def info_of_name(name: str, kinds: EventKinds) -> EventInfo:
    """What an event's name alone tells: 'floods in X (2009)' → kind, place and year;
    'Storm Belen' → a named storm; 'Flight 614' → a named flight."""
    parts = split_event_name(name)
    year = name_year(name)
    dates = (str(year),) if year else ()
    if parts is not None:
        return EventInfo(name, frozenset({parts[0]}), False, (parts[1],), dates)
    bare = _YEAR.sub("", name).strip()
    if bare in kinds.by_rule.values():
        return EventInfo(name, frozenset({bare}), False, (), dates)
    kind, sep, _ = bare.partition(" of ")
    if sep and kind in kinds.by_rule.values():  # 'sinking of X': named after its ship
        return EventInfo(name, frozenset({kind}), True, (), dates)
    first = bare.split()[0].lower() if bare.split() else ""
    kind = kinds.named.get(first) or next((k for w, k in kinds.named.items() if " " in w
                                           and bare.lower().startswith(w + " ")), None)
    return EventInfo(name, frozenset({kind}) if kind else frozenset(), True, (), dates)


# ------------------------------------------------------------------ from a store

def event_infos(store, rules: "RuleSet | None" = None) -> dict[str, EventInfo]:
    """An `EventInfo` per EVENT name of a store's facts (before resolution: raw names),
    with the kinds its facts' rules name, its places and dates, and its documents'
    publication dates."""
    from factx.rules import load_rules

    rules = rules if rules is not None else load_rules()
    kinds = event_kinds(rules)
    found: dict[str, dict] = {}
    # a facility named by a country's adjective ('the Varnian port') is a description of
    # some place in that country, not a venue's own name
    adjectives = {w.lower() for r in rules.get("demonyms") for w in r.get("words", ())}
    facilities = {str(n) for (n,) in store.conn.execute("SELECT DISTINCT name FROM facts WHERE name_type = 'FAC'")
                  if n and str(n).split()[0].lower() not in adjectives}
    sql = """SELECT f.name, f.attribute, json_extract(f.value, '$'), f.rule, f.polarity, d.published, d.doc_id
             FROM facts f JOIN documents d ON d.doc_id = f.doc_id WHERE f.name_type = 'EVENT'"""
    for name, attribute, value, rule, polarity, published, doc_id in store.conn.execute(sql):
        entry = found.setdefault(name, {"kinds": set(), "places": [], "dates": [], "published": set(),
                                        "docs": {}})
        doc = entry["docs"].setdefault(doc_id, [str(published)[:10] if published else None, []])
        if published:
            entry["published"].add(str(published)[:10])
        if polarity == "denied" or value is None:
            continue
        kind = kinds.by_rule.get(str(rule or "").rsplit(".", 1)[0])
        if kind is not None and attribute in ("date", "place", "cause", "perpetrator", "time"):
            entry["kinds"].add(kind)
        if attribute == "place":
            entry["places"].append(str(value))
        elif attribute in ("date", "time"):
            entry["dates"].append(str(value))
            doc[1].append(str(value))
    out = {}
    for name, entry in found.items():
        base = info_of_name(name, kinds)
        background = all(_long_before(dates or base.dates, published) for published, dates in entry["docs"].values())
        places = tuple(dict.fromkeys((*base.places, *entry["places"])))
        out[name] = EventInfo(name, base.kinds | frozenset(entry["kinds"]), base.named, places,
                              tuple(dict.fromkeys((*base.dates, *entry["dates"]))),
                              tuple(sorted(entry["published"])), len(entry["docs"]), background,
                              tuple(p for p in places if p in facilities))
    return out


def _long_before(dates: Iterable[str], published: str | None) -> bool:
    """Whether a document dates an event well before it was published (a story's
    background: 'the 1998 bombings' in an article of 2023)."""
    if not published:
        return False
    span, stated = event_span(EventInfo("", dates=tuple(dates)))
    try:
        day = date.fromisoformat(published)
    except ValueError:
        return False
    # in day numbers, not dates: a date at the calendar's edge (0001, 9999) has no day before or after
    return stated and span is not None and span[1] < (day.toordinal() - BACKGROUND.days) * MINUTES_PER_DAY


def located_in_pairs(store) -> list[tuple[str, str]]:
    """(place, container) of the store's affirmed `located_in` facts, each pair once (many
    documents state the same one), in the order the facts give them."""
    sql = "SELECT name, json_extract(value, '$') FROM facts WHERE attribute = 'located_in' AND polarity = 'affirmed'"
    return list(dict.fromkeys((str(a), str(b)) for a, b in store.conn.execute(sql) if a and b))


@dataclass(frozen=True)
class RunEvents:
    """What the resolver's hook needs to know about a run's events: an `EventInfo` per
    event name and the (place, container) pairs its documents state."""

    infos: dict[str, EventInfo] = field(default_factory=dict)
    located: tuple[tuple[str, str], ...] = ()


def run_events(store, rules: "RuleSet | None" = None) -> RunEvents:
    """The `RunEvents` of a store, read before the names are resolved."""
    return RunEvents(event_infos(store, rules), tuple(located_in_pairs(store)))



def event_span(info: EventInfo) -> tuple[tuple[int, int] | None, bool]:
    """The time an event may have happened, in minutes: the hull of its stated dates
    (year known), else its documents' publication dates and the months before them."""
    from factx.values import parse_date

    spans = []
    for value in info.dates:
        span = parse_date(value) if "X" not in value[:4] else None
        if span is not None and not span.year_free:
            spans.append((span.lo, span.hi))
    if spans:
        return (min(s[0] for s in spans), max(s[1] for s in spans)), True
    days = []
    for value in info.published:
        try:
            days.append(date.fromisoformat(value[:10]))
        except ValueError:
            continue
    if not days:
        return None, False

    # day numbers, not dates: the window may reach past the calendar's ends (year 1, 9999)
    first = min(days).toordinal() - 1 - REPORT_WINDOW.days
    after_last = max(days).toordinal()
    return (first * MINUTES_PER_DAY, after_last * MINUTES_PER_DAY), False
