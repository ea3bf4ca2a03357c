"""Where a run's events lie, and the name a linked event goes by.

`EventPlaces` tells how two places stand (the same, one inside the other, elsewhere, or
unknown) from the rules (a country's cities and capital) and the run's `located_in` facts;
`venues_named_after` adds that a venue named after a town lies in it. `canonical_event_name`
picks, of the names one event has, the one at the narrowest place (`specific_name`), never
one of a count's kind ('arrests in X') when a real kind's is there.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable, Sequence

from factx.events import EventInfo, RunEvents, event_kinds, name_year, place_key, split_event_name

if TYPE_CHECKING:
    from factx.rules import RuleSet
    from factx.values import PlaceIndex, ValueModel


SAME, INSIDE, CONTAINS, UNKNOWN, ELSEWHERE, UNPLACED = "same", "inside", "contains", "unknown", "elsewhere", "unplaced"


class EventPlaces:
    """Where places lie, from the rules (a country's cities and capital) and the run's
    `located_in` facts; relations by `factx.values.ValueModel.compare_places`."""

    def __init__(self, rules: "RuleSet", located: Iterable[tuple[str, str]]) -> None:
        from factx.values import PlaceIndex, value_model

        self.model: ValueModel = value_model(rules)
        self.index: PlaceIndex = PlaceIndex(model=self.model)
        for rule in rules.get("demonyms"):
            for city in rule.get("cities", ()):
                self.index.add(city, rule["country"])
        for rule in rules.get("capitals"):
            self.index.add(rule["city"], rule["country"])
        for place, container in located:
            self.index.add(place, container)

    def key(self, place: str) -> str:
        return self.model.place_key(place_key(place) or place)

    def relate(self, a: str, b: str) -> str:
        """How place `a` stands to place `b`: same, inside, contains, elsewhere, unknown
        (a place whose country nothing tells is not known to be in any country)."""
        from factx.values import HARD, SAME as SAME_VALUE

        if self.key(a) == self.key(b):
            return SAME
        if self.index.contains(b, a):
            return INSIDE
        if self.index.contains(a, b):
            return CONTAINS
        relation = self.model.compare_places(a, b, self.index)
        if relation == SAME_VALUE:
            return SAME
        if relation == HARD and _part_by_compass(place_key(a), place_key(b)):
            return UNKNOWN  # 'South X' may be a part of X (a province of an island)
        return ELSEWHERE if relation == HARD else UNKNOWN

    def depth(self, names: Sequence[str]) -> int:
        """How many places are known to contain the narrowest of `names`."""
        return max((len(self.index.ancestors(n)) for n in names), default=0)

    def relate_sets(self, a: Sequence[str], b: Sequence[str]) -> str:
        """How two events' places relate: the closest relation of any two of them, except
        that a place elsewhere than one of the other's places is elsewhere unless some
        place is shared or nested (an event's places are all where it happened)."""
        if not a or not b:
            return UNPLACED
        found = {self.relate(x, y) for x in a for y in b}
        for relation in (SAME, INSIDE, CONTAINS, ELSEWHERE):
            if relation in found:
                return relation
        return UNKNOWN


#: words that name a part of a place by its side ('South Kivu', 'Northern Cape')
_COMPASS = re.compile(r"^(?:north|south|east|west|central|northern|southern|eastern|western|"
                      r"north[- ]?east|north[- ]?west|south[- ]?east|south[- ]?west|upper|lower)\s+")


def _part_by_compass(a: str, b: str) -> bool:
    """One place is the other's name behind a compass word ('south kivu', 'kivu'):
    the text may name a region and a part of it, not two places apart."""
    return _COMPASS.sub("", a) == b or _COMPASS.sub("", b) == a


#: The last `EventPlaces` made, with the rules and the (immutable) pairs it was made of.
_LAST_PLACES: list[tuple["RuleSet", tuple, EventPlaces]] = []


def run_places(rules: "RuleSet", located: Iterable[tuple[str, str]]) -> EventPlaces:
    """The `EventPlaces` of the rules and pairs: made once for a run's events, which the
    resolver asks for once per group of event names."""
    if not isinstance(located, tuple):
        return EventPlaces(rules, located)
    if _LAST_PLACES and _LAST_PLACES[0][0] is rules and _LAST_PLACES[0][1] is located:
        return _LAST_PLACES[0][2]
    places = EventPlaces(rules, located)
    _LAST_PLACES[:] = [(rules, located, places)]
    return places


def venues_named_after(infos: Sequence[EventInfo], places: "EventPlaces") -> list[tuple[str, str]]:
    """(venue, place) where a venue of the run's events bears the name of a place the
    run's events are placed at, as its first or last words ('the Port Arden General
    Hospital', 'Regional Detention Centre of Port Arden'): a facility named after its
    town lies in it. A country is no town a facility is named after ('the Varnian
    Embassy')."""
    towns = {places.key(p): p for info in infos for p in info.places
             if p not in info.venues and not places.model.country(p)}
    found = []
    for venue in dict.fromkeys(v for info in infos for v in info.venues):
        words = places.key(venue).split()
        for key, town in towns.items():
            size = len(key.split())
            if key and size < len(words) and key in (" ".join(words[:size]), " ".join(words[-size:])):
                found.append((venue, town))
    return found


def canonical_event_name(spellings: dict[str, int], rules: "RuleSet", events: RunEvents | None = None) -> str | None:
    """The name one linked event goes by, or None to let the resolver choose among its
    spellings as for any entity: the name at the most specific place (`specific_name`),
    else, when some of its names are a count's kind ('arrests in <an office>', 'deaths in
    X') and others a real kind's, the real kind's name most spellings give. A secondary
    event (the arrests after a blast) never names the blast.

    >>> from factx.rules import load_rules
    >>> canonical_event_name({"arrests in Port Arden": 1, "explosion in Velmora": 1}, load_rules())
    'explosion in Velmora'
    """
    found = specific_name(spellings, rules, events)
    if found is not None:
        return found
    generic = event_kinds(rules).generic
    kinds = {s: parts[0] for s in spellings if (parts := split_event_name(s)) is not None}
    if any(s[:1].isupper() and s not in kinds for s in spellings) or not any(k in generic for k in kinds.values()):
        return None  # its own name ('Flight 614') comes first; no count's kind to keep out
    real = [s for s, kind in kinds.items() if kind not in generic]
    return max(real, key=lambda s: (spellings[s], s.count(" "), s)) if real else None


def specific_name(names: Iterable[str], rules: "RuleSet", events: RunEvents | None = None) -> str | None:
    """Of the names a run gives one event by kind and place, the one at the most specific
    place that all the others contain ('floods in X' over 'floods in <its country>'): a
    reader expects the town where it happened, which the country-level reports do not
    contradict. None when the names' places are not nested (or there is one place)."""
    named = [(n, parts[1]) for n in names if (parts := split_event_name(n)) is not None and name_year(n) is None]
    places = {place for _, place in named}
    if len(places) < 2:
        return None
    index = run_places(rules, events.located if events is not None else ())
    generic = event_kinds(rules).generic  # 'floods in X' before 'deaths in X'
    named.sort(key=lambda item: split_event_name(item[0])[0] in generic)
    # what happened before where: a count's kind ('disappearances in <the town>') never
    # names an event that one name of a real kind ('earthquake in <the country>') names,
    # when the count's places lie inside or around that name's place
    kinds = [(n, p) for n, p in named if split_event_name(n)[0] not in generic]
    counts = {p for n, p in named if split_event_name(n)[0] in generic}
    if kinds and counts:
        real = {p for _, p in kinds}
        for name, place in kinds:
            if all(other == place or _within(index, place, other) for other in real) and all(
                    other == place or _within(index, other, place) or _within(index, place, other)
                    for other in counts):
                return name
    for name, place in named:
        if kinds and split_event_name(name)[0] in generic:
            break  # a count's kind ('arrests in <an office>') never names the event it counts for
        if all(other == place or _within(index, place, other) for other in places):
            return name
    return None


def _within(index: "EventPlaces", place: str, other: str) -> bool:
    """`place` is `other` or inside it; when the run's facts put each inside the other,
    they tell nothing."""
    relation = index.relate(place, other)
    if relation == UNKNOWN and index.model.country(other) and not index.model.country(place):
        return True  # one event's names: a place not known to be elsewhere is in its country
    return relation == SAME or relation == INSIDE and index.relate(other, place) != INSIDE
