"""Events across a run: which event names are one event.

The resolver calls `join_events` once per run (over distinct names, with an `EventInfo`
per event name read from the run's facts by `factx.events.run_events`), and
`link_events` decides which names are one event:

1. one kind (or kinds the rules call the same: a crash and an accident), and
   compatible places: the same place once administrative words are dropped, or one
   inside the other (a country and its town, `located_in` facts of the run, 'X, Y
   province'): a broader place joins the narrower one only when it is the one event
   of that kind there;
2. compatible times: events whose stated dates (else their documents' publication
   dates) lie apart stay apart, so the 2009 floods are not this year's;
3. a flight is one event whatever its spelling ('Norvia Air Flight 614',
   'Flight NV614', 'flight 614');
4. when, after that, a run has exactly one event of a kind (its named one, else its
   one placed one), descriptions of that kind without a place, or with a place not
   known to be elsewhere, join it; a count's event ('deaths in X') joins the one event
   of the run it can be. Two candidates: the description is left alone.

Where places lie, and the name a linked event goes by, are `factx.event_places`'s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Iterable

from factx.event_places import (CONTAINS, ELSEWHERE, INSIDE, SAME, UNKNOWN, EventPlaces, run_places,
                                venues_named_after)
from factx.events import (MINUTES_PER_DAY, TIME_SLACK, EventInfo, EventKinds, RunEvents, event_kinds, event_span,
                          flight_number, info_of_name)

if TYPE_CHECKING:
    from factx.rules import RuleSet


@dataclass
class _Cluster:
    """Events found to be one so far, with what they tell together."""

    members: list[int]
    kinds: set[str] = field(default_factory=set)
    named: bool = False
    places: list[str] = field(default_factory=list)
    span: tuple[int, int] | None = None  # minutes
    stated: bool = False  # the span comes from stated dates, not publication dates
    docs: int = 0
    background: bool = True
    venues: set[str] = field(default_factory=set)

    def absorb(self, other: "_Cluster") -> None:
        self.members += other.members
        self.kinds |= other.kinds
        self.named = self.named or other.named
        self.places += [p for p in other.places if p not in self.places]
        self.docs += other.docs
        self.background = self.background and other.background
        self.venues |= other.venues
        if other.stated and not self.stated:  # stated dates outweigh publication dates
            self.span, self.stated = other.span, True
        elif other.stated == self.stated and other.span is not None:
            self.span = other.span if self.span is None else (min(self.span[0], other.span[0]),
                                                              max(self.span[1], other.span[1]))


def _times_meet(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    if a is None or b is None:
        return True
    slack = TIME_SLACK.days * MINUTES_PER_DAY
    return a[0] - slack < b[1] and b[0] - slack < a[1]


def link_events(events: Iterable[EventInfo], *, rules: "RuleSet | None" = None,
                located: Iterable[tuple[str, str]] = ()) -> list[tuple[str, str]]:
    """Pairs of event names that are one event (see the module docstring); `located`
    holds (place, container) pairs the run's documents state.

    >>> sorted(link_events([EventInfo("floods in Ardella", frozenset({"floods"}), places=("Ardella",)),
    ...                     EventInfo("floods in Ardella province", frozenset({"floods"}),
    ...                               places=("Ardella province",))]))
    [('floods in Ardella', 'floods in Ardella province')]
    """
    from factx.rules import load_rules

    rules = rules if rules is not None else load_rules()
    infos = [i for i in events if i.kinds or i.named or flight_number(i.name)]
    places = run_places(rules, located)
    for venue, place in venues_named_after(infos, places):
        places.index.add(venue, place)
    linker = _Linker(infos, event_kinds(rules), places)
    linker.run()
    return linker.pairs


#: more candidate events than this, and a description is ambiguous without looking further
_MAX_CANDIDATES = 8
#: a cluster whose time spans more years than this is indexed as of any time
_WIDE_YEARS = 3
_ANY_TIME = -1


def _years(span: tuple[int, int] | None) -> tuple[int, ...]:
    """The years a time span touches (widened by the slack), or (_ANY_TIME,) when unknown
    or wide."""
    if span is None:
        return (_ANY_TIME,)
    slack = TIME_SLACK.days * MINUTES_PER_DAY
    top = date.max.toordinal()
    first = date.fromordinal(min(top, max(1, (span[0] - slack) // MINUTES_PER_DAY + 1))).year
    last = date.fromordinal(min(top, max(1, (span[1] + slack) // MINUTES_PER_DAY + 1))).year
    return (_ANY_TIME,) if last - first > _WIDE_YEARS else tuple(range(first, last + 1))


class _Linker:
    """Union-find over event names, each root holding its `_Cluster`, and an index of the
    roots by kind and year, so that a run of many stories compares only events that may
    meet."""

    def __init__(self, infos: list[EventInfo], kinds: EventKinds, places: EventPlaces) -> None:
        self.infos, self.kinds, self.places = infos, kinds, places
        self.parent = list(range(len(infos)))
        self.pairs: list[tuple[str, str]] = []
        self.data: dict[int, _Cluster] = {}
        self.index: dict[tuple[str, int], set[int]] = {}
        self.by_kind: dict[str, set[int]] = {}
        self.keys: dict[int, list[tuple[str, int]]] = {}
        for i, info in enumerate(infos):
            span, stated = event_span(info)
            self.data[i] = _Cluster([i], set(info.kinds), info.named, list(info.places), span, stated, info.docs,
                                    info.background, set(info.venues))
            self._add(i)

    # -- the index

    def _add(self, root: int) -> None:
        c = self.data[root]
        keys = [(kind, year) for kind in c.kinds for year in _years(c.span)]
        self.keys[root] = keys
        for key in keys:
            self.index.setdefault(key, set()).add(root)
        for kind in c.kinds:
            self.by_kind.setdefault(kind, set()).add(root)

    def _remove(self, root: int) -> None:
        for key in self.keys.pop(root, ()):
            self.index[key].discard(root)
        for kind in self.data[root].kinds:
            self.by_kind[kind].discard(root)

    def pool(self, c: _Cluster, kinds: Iterable[str]) -> set[int] | None:
        """Roots of the given kinds whose time may meet `c`'s; None when they are too many
        to tell one from another (`c`'s time unknown in a run with many such events)."""
        years = _years(c.span)
        out: set[int] = set()
        for kind in kinds:
            if years == (_ANY_TIME,):
                out |= self.by_kind.get(kind, set())
            else:
                for year in (*years, _ANY_TIME):
                    out |= self.index.get((kind, year), set())
            if len(out) > 4 * _MAX_CANDIDATES + 1:
                return None
        return out

    # -- union-find

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def cluster(self, i: int) -> _Cluster:
        return self.data[self.find(i)]

    def union(self, i: int, j: int) -> bool:
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return False
        keep, gone = min(ri, rj), max(ri, rj)
        self._remove(keep)
        self._remove(gone)
        self.parent[gone] = keep
        self.data[keep].absorb(self.data.pop(gone))
        self._add(keep)
        self.pairs.append((self.infos[i].name, self.infos[j].name))
        return True

    # -- relations

    def generic(self, c: _Cluster) -> bool:
        return all(k in self.kinds.generic for k in c.kinds)

    def fits(self, a: _Cluster, b: _Cluster) -> bool:
        """One kind (neither a count's kind), and times that meet; two named events are
        never one by these rules."""
        return (not (a.named and b.named) and bool(a.kinds) and bool(b.kinds)
                and not self.generic(a) and not self.generic(b)
                and self.kinds.compatible(a.kinds, b.kinds) and _times_meet(a.span, b.span))

    def rivals(self, c: _Cluster) -> list[_Cluster] | None:
        """Other clusters that may be the same event as `c` by kind and time (None: too many)."""
        kinds = set(c.kinds) | {k for kind in c.kinds for k in self.kinds.same.get(kind, ())}
        roots = self.pool(c, kinds)
        if roots is None:
            return None
        found = [self.data[r] for r in sorted(roots) if self.data[r] is not c and self.fits(c, self.data[r])]
        return found if len(found) <= 4 * _MAX_CANDIDATES else None

    # -- the steps

    def run(self) -> None:
        infos, places = self.infos, self.places
        # 1. a flight is one event, whatever the airline's name in front of its number
        by_number: dict[str, list[int]] = {}
        for i, info in enumerate(infos):
            number = flight_number(info.name)
            if number is not None and info.named:
                by_number.setdefault(number, []).append(i)
        for members in by_number.values():
            plain = [i for i in members if re.fullmatch(r"[Ff]light\s+\d+", infos[i].name.strip())]
            airlines = {re.sub(r"\s*\b[Ff]light\b.*$", "", infos[i].name).lower() for i in members} - {""}
            joined = members if len(airlines) <= 1 else plain  # two airlines' flights stay apart
            for i in joined[1:]:
                self.union(joined[0], i)
        # 2. the same place, one kind (or kinds the rules call one), times that meet
        groups: dict[str, list[int]] = {}
        for i, info in enumerate(infos):
            if not info.named and info.places:
                groups.setdefault(places.key(info.places[0]), []).append(i)
        for members in groups.values():
            for n, i in enumerate(members[:4 * _MAX_CANDIDATES]):
                for j in members[:n]:
                    a, b = self.cluster(j), self.cluster(i)
                    same = a.kinds == b.kinds if self.generic(a) or self.generic(b) else self.fits(a, b)
                    if a is not b and same and _times_meet(a.span, b.span):
                        self.union(j, i)
                        break
        # 3. a broader place joins the one narrower event of its kind ('explosion in
        # <country>' and 'explosion in <its capital>'), never one of two
        for root in sorted(self.data, key=lambda r: -places.depth(self.data[r].places)):
            if root not in self.data:
                continue
            outer = self.data[root]
            if outer.named or not outer.places:
                continue
            rivals = self.rivals(outer) or []
            inner = [c for c in rivals if c.places and places.relate_sets(c.places, outer.places) == INSIDE]
            if len(inner) == 1:
                self.union(root, inner[0].members[0])
        # 3b. a venue no document places: the one event of a kind at a venue joins the one
        # event of that kind at a town, when their times meet and nothing puts them apart
        for root in sorted(self.data):
            if root in self.data and self.data[root].places:
                partner = self.venue_partner(self.data[root])
                if partner is not None:
                    self.union(root, partner.members[0])
        # 3c. an event placed only at a country joins the one event of its kind placed at
        # a narrower place there (or not known to be elsewhere), both dated by the text
        for root in sorted(self.data):
            if root in self.data:
                partner = self.country_partner(self.data[root])
                if partner is not None:
                    self.union(partner.members[0], root)
        # 4. the one event of a kind takes the descriptions without a place, and those
        # with a place not known to be elsewhere when nothing else of the kind could be
        # meant; a count's event ('deaths in X') joins the one event it can be
        for _ in range(3):
            changed = False
            for root in sorted(self.data):
                if root in self.data:
                    target = self.target(self.data[root])
                    if target is not None and self.union(target.members[0], root):
                        changed = True
            if not changed:
                break

    def at_venue(self, c: _Cluster) -> bool:
        """Every place of `c` is a facility (a hall, a café)."""
        return bool(c.places) and all(p in c.venues for p in c.places)

    def country_partner(self, c: _Cluster) -> _Cluster | None:
        """For an event whose places are all countries ('derailment in <country>'), the
        one other event of its kind and time placed somewhere narrower that is not known
        to lie elsewhere ('derailment in <a village>'), when the texts date both (their
        stated times meet): news names one event at the village, its district or its
        country. None when there are two such events, or a named one."""
        model = self.places.model
        if c.named or self.generic(c) or not c.stated or not c.places \
                or not all(model.country(p) for p in c.places):
            return None
        rivals = self.rivals(c)
        if rivals is None or any(o.named for o in rivals):
            return None
        inner = [o for o in rivals if o.places and self.places.relate_sets(c.places, o.places) in (CONTAINS, UNKNOWN)
                 and not all(model.country(p) for p in o.places)]
        if len(inner) != 1 or not inner[0].stated:
            return None
        return inner[0]

    def venue_partner(self, c: _Cluster) -> _Cluster | None:
        """For the one event of its kind at a venue, the one placed event of that kind
        not at a venue (or the reverse), neither named, their places not known apart;
        None when either side has two candidates."""
        if c.named or self.generic(c):
            return None
        rivals = self.rivals(c)
        if rivals is None or any(o.named for o in rivals):
            return None
        mine = self.at_venue(c)
        placed = [o for o in rivals if o.places]
        if any(self.at_venue(o) == mine for o in placed):
            return None
        if len(placed) != 1:
            return None
        partner = placed[0]
        # `c` must be the partner's one candidate too
        back = self.rivals(partner)
        if back is None or [o for o in back if o.places] != [c]:
            return None
        if self.places.relate_sets(c.places, partner.places) != UNKNOWN:
            return None
        return partner if _may_mean(partner, c) and _may_mean(c, partner) else None

    def target(self, c: _Cluster) -> _Cluster | None:
        """The one event description `c` joins in step 4, or None."""
        places = self.places
        if c.named or not c.kinds:
            return None
        if self.generic(c):
            roots = self.pool(c, [k for k in self.by_kind if k not in self.kinds.generic])
            if roots is None:
                return None
            candidates = []
            for other in (self.data[r] for r in sorted(roots)):
                if other is c or not other.kinds or self.generic(other) or not _times_meet(c.span, other.span):
                    continue
                relation = places.relate_sets(c.places, other.places)
                if relation != ELSEWHERE:
                    candidates.append((other, relation))
                    if len(candidates) > _MAX_CANDIDATES:
                        return None
            # deaths at a place where a storm brought floods are the floods' (rules' `brings`)
            present = {k for o, _ in candidates for k in o.kinds}
            candidates = [(o, r) for o, r in candidates
                          if not any(self.kinds.brings.get(k, frozenset()) & present for k in o.kinds)]
            strict = [o for o, r in candidates if r in (SAME, INSIDE, CONTAINS)]
            if len(strict) == 1:
                return strict[0]
            loose = [o for o, _ in candidates if _may_mean(o, c)]
            named = [o for o in loose if o.named]
            if not strict and len(named) == 1:
                return named[0]
            if not strict and len(candidates) == 1 and loose and _dominant(loose[0], c):
                return loose[0]
            return None
        rivals = self.rivals(c)
        if rivals is None:
            return None
        named = [o for o in rivals if o.named]
        if not c.places:  # 'the crash': the run's named crash, else its one placed crash
            # (of its very kind: 'the attack' in a story of an airstrike may be another one)
            same = [o for o in rivals if c.kinds <= o.kinds]
            anchors = [o for o in same if o.named] or [o for o in same if o.places]
            return anchors[0] if len(anchors) == 1 and len(named) <= 1 and _may_mean(anchors[0], c) else None
        # 'crash in X' and the run's one named crash ('Flight 614', near Y), else its one other crash
        if len(named) == 1:
            relation = places.relate_sets(c.places, named[0].places)
            if relation in (SAME, INSIDE, CONTAINS) or relation != ELSEWHERE and _may_mean(named[0], c):
                return named[0]
            return None
        # (never one without a place of its own: a placed event is what a bare description
        # may mean, not the other way round)
        if not named and len(rivals) == 1 and rivals[0].places and _dominant(rivals[0], c) \
                and _may_mean(rivals[0], c) and places.relate_sets(c.places, rivals[0].places) != ELSEWHERE:
            return rivals[0]
        return None


def _dominant(anchor: _Cluster, other: _Cluster) -> bool:
    """An event a description may be taken for without a place in common: a named one,
    or one more documents speak of."""
    return anchor.named or anchor.docs > other.docs


def _may_mean(anchor: _Cluster, description: _Cluster) -> bool:
    """Whether a description without a place in common may mean `anchor`: not when the
    anchor is only ever a story's background ('the 1998 bombings' in 2023) and
    nothing dates the description."""
    return not anchor.background or description.stated


def join_events(nodes, union, rules, events: RunEvents | None = None) -> None:
    """The resolver's hook: union the nodes (`factx.resolve`'s folded names, with their
    spellings and voted type) whose event names `link_events` pairs. `events` tells what
    the run's facts say of each event name (`run_events`); a name without an entry is
    known by its name alone. A flight's name is an event whatever type the NER gave it."""
    kinds = event_kinds(rules)
    events = events or RunEvents()
    index: dict[str, int] = {}
    infos: list[EventInfo] = []
    for i, node in enumerate(nodes):
        for spelling in node.spellings:
            flight = flight_number(spelling) is not None
            if node.entity_type != "EVENT" and not flight:
                continue
            info = events.infos.get(spelling) or info_of_name(spelling, kinds)
            if flight and not info.named:
                info = EventInfo(info.name, info.kinds, True, info.places, info.dates, info.published, info.docs)
            index[spelling] = i
            infos.append(info)
    for a, b in link_events(infos, rules=rules, located=events.located):
        union(index[a], index[b])
