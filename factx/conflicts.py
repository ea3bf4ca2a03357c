"""Where sources disagree: `factx.conflict/1` records from `factx.fact/1` records.

    >>> from factx.conflicts import find_conflicts
    >>> for conflict in find_conflicts(store.facts(order_by_entity=True)):  # doctest: +SKIP
    ...     print(conflict["entity"], conflict["attribute"], conflict["kind"])

The conflict code is the value model (`factx.values`) plus grouping. Facts are read
one entity at a time (they must arrive grouped by `entity_id`: the store's ``ORDER
BY entity_id, attribute, doc, line``), so a million facts never sit in memory at
once; `rank_conflicts` then orders whole entities for the report, holding only the
conflicts. One disagreement is one conflict:

- **values** of one attribute are grouped so that agreeing values are one value:
  values that compare ``same`` (``Mar. 8`` and ``March 8``; ``XXXX-03-08``
  and ``2031-03-08``), then a less precise value that fits exactly one group
  (``at least 40`` with ``40``). Groups of a single-valued attribute that compare
  ``soft`` or ``hard`` make one ``value`` conflict of the strongest such pair's
  severity; multi-valued attributes (`rules/cardinality.yml`: title, member_of,
  spouse, ...) never conflict by having several values. Counts that only grew
  from one dated report to a later one (`cumulative` in the rules) are one soft
  conflict with ``reason: "update"``; counts that differ where a report cannot be
  placed in time are soft with ``reason: "undated"`` (the larger may be an update).
- **actors** (`joint` in the rules: who did it): each source's values are one set,
  so "A and B" agrees with "A"; sets without a common actor disagree as their
  actors do, sets sharing one but differing in another softly.
- **dates no source can mean** (`past` and `recent_years` in the rules): a date
  after its own document's publication date, or decades from it and from what other
  sources date near their reports, takes no side; a conflict on the attribute lists
  it under ``set_aside``.
- **titles** are contested in two ways only: a source calls a title former that
  another gives as current (``reason: "former"``), or a document names another
  holder of the same one-holder role of the same organisation (``reason:
  "holders"``: the entity's title, then each other holder by name). The contest
  is reported once, on the holder named by more documents. It needs a `RoleIndex`
  (every entity's titles); without one only the first kind is found.
- **a denied event** (`event` in the cardinality rules: a death with its date,
  place and cause) is one ``denial`` conflict on the event's attribute
  (``death``), with the affirming and the denying sources and, as ``context``, the
  event's date, place and cause as the affirming sources give them. The deniers'
  facts about that event take part in no value conflict. A source that denies one
  value while giving another ("not on Monday but on Tuesday") disputes the value,
  not the event: that is a value conflict only.
- **other denials**: a denied fact against an affirmed fact with a matching value
  (or any value when the denial has none: "X denied the assertion").
- **spellings** (``name`` facts, always ``soft``, listed after the disagreements):
  a word of the name spelled two ways across documents (Yusuf / Yousuf). House style
  (case, hyphens, apostrophes, the particles al-/Al /el-) is folded away first
  (`factx.names.house_style_key`, the resolver's own folding); for organisations
  and places a free transliteration (Rashid / Rasheed, Qarya / Karya) is house style
  too, and only other differences are reported.

A disagreement needs two sources: two documents, or two different `said_by` in one
document (an agency, and the group that denies what it says; a null `said_by` is the
document's own voice). One source repeating itself is never a conflict.
`min_severity` and `kinds` select whole conflicts.
"""

from __future__ import annotations

import json
import math
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import groupby
from operator import itemgetter
from typing import Any, Callable, Iterable, Iterator

from factx import names as _names
from factx.errors import FactxError
from factx.records import Conflict, ConflictValue, Source  # the conflict record
from factx.rules import PROPOSITION, RuleSet
from factx.values import (COMPATIBLE, HARD, SAME, SOFT, PlaceIndex, Title, ValueModel,
                          anchor_weekday, fold, parse_date, parse_quantity, strongest,
                          undated_weekday, value_model)

SEVERITIES = (SOFT, HARD)
KINDS = ("value", "denial", "spelling")
_SEVERITY_RANK = {SOFT: 0, HARD: 1}

#: attributes that are about something else than a disagreement between sources
_NOT_COMPARED = frozenset({"located_in"})

#: value types whose 'compatible' means that one value contains the other
_NESTED_TYPES = frozenset({"date", "quantity", "entity", "country"})

#: `reason` of a conflict: why it is one, beyond its kind
UPDATE, UNDATED, FORMER, HOLDERS, RANK = "update", "undated", "former", "holders", "rank"
MISTAKEN = "mistaken"  # a title one source calls mistaken or superseded


class FactOrderError(FactxError):
    """Facts reached `find_conflicts` out of entity order (a bug in the caller)."""


# -------------------------------------------------------------------- value groups

SourceKey = tuple[str, "str | None"]


def _source_key(fact: dict, model: ValueModel) -> SourceKey:
    said_by = fact.get("said_by")
    return (fact.get("doc") or "", _speaker_key(said_by, model.nr) if said_by else None)


@lru_cache(maxsize=65536)
def _speaker_key(said_by: str, nr: _names.NameRules) -> str:
    return _names.fold(said_by, nr=nr)


def _plain_words(text: str) -> list[str]:
    """Folded words without punctuation: 'U.S.-led' → ['u', 's', 'led']."""
    return [w for w in re.split(r"[^\w]+", fold(text)) if w]


def _width(fact: dict) -> float:
    """How imprecise a value is (a date's span, a quantity's range); 0 when unknown."""
    value, value_type = fact.get("value"), fact.get("value_type")
    if value_type == "date":
        span = parse_date(str(value))
        return float(span.hi - span.lo) if span is not None else float("inf")
    if value_type == "quantity":
        amount = parse_quantity(value)
        return float(amount.hi - amount.lo) if amount is not None else float("inf")
    return 0.0


def _within(inner: "_Group", outer: "_Group") -> bool:
    """Amounts: `inner` lies inside `outer` ("40" inside "at least 40"), so `outer`
    may be counted with it; "more than 4,000" and "up to 6,000" overlap, neither
    inside the other, and stay apart. Other values: as compared."""
    if inner.value_type != "quantity" or outer.value_type != "quantity":
        return True
    a, b = parse_quantity(inner.head["value"]), parse_quantity(outer.head["value"])
    return a is None or b is None or (b.lo <= a.lo and a.hi <= b.hi)


@dataclass
class _Group:
    """Facts whose values agree: one value of a conflict. `core` are the facts of the
    value it stands for; `facts` also holds less precise values absorbed into it."""

    facts: list[dict] = field(default_factory=list)
    value_type: str = "text"
    core: list[dict] = field(default_factory=list)
    #: (number of facts when computed, one fact per distinct value): `_Comparer._distinct`
    distinct: tuple[int, list[dict]] | None = None
    #: (number of facts when computed, model, their sources): `sources`
    _sources: tuple[int, Any, frozenset] | None = field(default=None, compare=False, repr=False)

    @property
    def head(self) -> dict:
        return (self.core or self.facts)[0]

    @property
    def value(self) -> Any:
        # a date with its year known, then the value most facts give, then the first
        facts = self.core or self.facts
        counts = Counter(repr(f["value"]) for f in facts)
        best = max(facts, key=lambda f: (self.value_type != "date" or "X" not in str(f["value"]),
                                         counts[repr(f["value"])]))
        return best["value"]

    def sources(self, model: ValueModel) -> frozenset[SourceKey]:
        cached = self._sources
        if cached is None or cached[0] != len(self.facts) or cached[1] is not model:
            cached = self._sources = (len(self.facts), model,
                                      frozenset(_source_key(f, model) for f in self.facts))
        return cached[2]

    def docs(self) -> set[str]:
        return {f.get("doc") or "" for f in self.facts}

    def first(self) -> tuple:
        return min((f.get("doc") or "", f.get("line") or 0) for f in self.facts)

    def published(self) -> set[str | None]:
        return {f.get("published") for f in self.facts}

    def dated(self) -> set[str]:
        """The publication dates of the reports giving the value (undated ones left out)."""
        return {str(f["published"])[:10] for f in self.facts if f.get("published")}

    def to_value(self, value: Any = None, *, use_value: bool = False) -> ConflictValue:
        found = _conflict_value(self.facts, value if use_value else self.value)
        core = {id(f) for f in self.core}
        also = dict.fromkeys(f["value"] for f in self.facts if core and id(f) not in core)
        return ConflictValue(found.value, found.value_texts, found.sources, tuple(also))


def _conflict_value(facts: Iterable[dict], value: Any,
                    texts_of: Callable[[dict], str | None] | None = None) -> ConflictValue:
    facts = sorted(facts, key=lambda f: (f.get("doc") or "", f.get("line") or 0,
                                         f.get("start") or 0))
    texts: dict[str, None] = {}
    for f in facts:
        text = texts_of(f) if texts_of else (f.get("value_text") or f.get("mention"))
        if text:
            texts.setdefault(text, None)
    sources = tuple(Source(f.get("doc") or "", f.get("line") or 0, f.get("quote") or "",
                           f.get("said_by"), f.get("polarity") or "affirmed",
                           f.get("modality") or "asserted", f.get("id") or "",
                           f.get("published"))
                    for f in facts)
    return ConflictValue(value, tuple(texts), sources)


def _aged(x: dict, y: dict) -> bool:
    """Two ages of one person that reports a year or more apart both give rightly: the
    later report's age is older by no more than the years between them, rounded up
    (`yearly` in the cardinality rules)."""
    ax, ay = parse_quantity(x.get("value")), parse_quantity(y.get("value"))
    px, py = _published_span(x), _published_span(y)
    if ax is None or ay is None or px is None or py is None or ax.lo != ax.hi or ay.lo != ay.hi:
        return False
    (early, early_at), (late, late_at) = sorted(((ax.lo, px.lo), (ay.lo, py.lo)), key=lambda a: a[1])
    years = (late_at - early_at) / _YEAR
    return years >= 1 and 0 < late - early <= math.ceil(years)


def _order(groups: Iterable[_Group]) -> list[_Group]:
    return sorted(groups, key=lambda g: (-len(g.docs()), g.first()))


class _Comparer:
    """The value model applied to groups of one attribute of one entity."""

    def __init__(self, model: ValueModel, attribute: str, places: PlaceIndex | None,
                 *, several: bool | None = None) -> None:
        self.model, self.attribute, self.places, self.several = model, attribute, places, several
        self._memo: dict[tuple, Any] = {}

    def relation(self, a: _Group, b: _Group) -> str:
        """How two groups relate: the strongest disagreement between their values (a
        group that absorbed 'Norway' into 'Oslo' disagrees with 'Sweden')."""
        memo = (id(a), len(a.facts), id(b), len(b.facts))
        found = self._memo.get(memo)
        if found is None:
            found = self._memo[memo] = strongest(*(self._relation(x, y) for x in self._distinct(a)
                                                   for y in self._distinct(b)))
        return found

    def _relation(self, x: dict, y: dict) -> str:
        vx, vy = x.get("value_type") or "text", y.get("value_type") or "text"
        if self.attribute in self.model.yearly and _aged(x, y):
            return COMPATIBLE  # the same person's age in a later year
        if vx == vy == "date" and undated_weekday(x["value"]) != undated_weekday(y["value"]) \
                and not _anchors_weekday(y if undated_weekday(x["value"]) else x):
            return COMPATIBLE  # no day of the week's own news to place the weekday on
        return self.model.compare(vx if vx == vy else "text", x["value"], y["value"],
                                  attribute=self.attribute, places=self.places,
                                  several=self.several)

    def _distinct(self, group: _Group) -> list[dict]:
        """One fact per distinct value of a group (few: agreeing values share a key)."""
        if group.distinct is not None and group.distinct[0] == len(group.facts):
            return group.distinct[1]
        seen: dict[Any, dict] = {}
        for fact in group.facts:
            vt = fact.get("value_type") or "text"
            seen.setdefault((vt, self.model.key(vt, fact["value"], attribute=self.attribute)), fact)
        group.distinct = (len(group.facts), list(seen.values()))
        return group.distinct[1]

    def independent(self, a: _Group, b: _Group) -> bool:
        """Two values are held by different sources, not by one source twice."""
        return len(a.sources(self.model) | b.sources(self.model)) >= 2

    def cluster(self, facts: list[dict], *, absorb: bool = True) -> list[_Group]:
        """Facts grouped so that each group's values agree: equal keys, then values that
        compare ``same``, then (`absorb`) a less precise value that fits exactly one group."""
        by_key: dict[Any, _Group] = {}
        for fact in facts:
            vt = fact.get("value_type") or "text"
            key = (vt, self.model.key(vt, fact["value"], attribute=self.attribute))
            group = by_key.get(key)
            if group is None:
                group = by_key[key] = _Group(value_type=vt)
            group.facts.append(fact)
        merged: list[_Group] = []
        buckets: dict[Any, list[_Group]] = {}
        for group in by_key.values():  # pairwise within a bucket only
            head = group.facts[0]
            bucket = buckets.setdefault(self.model.bucket(
                group.value_type, head["value"], attribute=self.attribute), [])
            for other in bucket:
                if self.relation(other, group) == SAME:
                    other.facts.extend(group.facts)
                    break
            else:
                bucket.append(group)
                merged.append(group)
        for group in merged:
            group.core = list(group.facts)
        return self._absorb(merged) if absorb else merged

    def _absorb(self, groups: list[_Group]) -> list[_Group]:
        """'at least 40' joins 40 when 40 is the only value it agrees with; a value that
        agrees with several ('2031' with two days) stays apart."""
        if self.attribute in self.model.multi_valued:
            return groups  # there, 'compatible' means 'both held', not 'one contains the other'
        changed = True
        while changed and len(groups) > 1:
            changed = False
            for g in groups:
                if g.value_type not in _NESTED_TYPES and self.attribute not in self.model.cause_attributes:
                    continue  # causes nest too: "fertilizer" in "fertilizer kept at the depot"
                # the values it agrees with that say more than it ("Sunday morning" for
                # "March 12"); vaguer ones ("last week", "the weekend") hold nobody back
                partners = [h for h in groups if h is not g and self.relation(g, h) == COMPATIBLE
                            and not self.vaguer(h, g)]
                if len(partners) != 1 or self.vaguer(partners[0], g) or not _within(partners[0], g):
                    continue  # the more precise value is not absorbed into a vaguer one
                h = partners[0]
                if g.value_type in ("entity", "country") and not self.vaguer(g, h):
                    # two places of one level that may both hold ("X district" and a town
                    # nothing places): neither says less, so neither speaks for the other
                    continue
                h.facts.extend(g.facts)
                groups = [x for x in groups if x is not g]
                changed = True
                break
        return groups

    def vaguer(self, a: _Group, b: _Group) -> bool:
        """`a` is the less precise of two agreeing values: a wider date or amount, a
        place that contains the other."""
        if self.attribute in self.model.cause_attributes:  # fewer words, less said
            return len(_plain_words(str(a.value))) < len(_plain_words(str(b.value)))
        wa, wb = min(map(_width, a.core)), min(map(_width, b.core))
        if wa != wb:
            return wa > wb
        if a.value_type == b.value_type == "quantity" and wa == float("inf"):
            # two open bounds: "more than 7,000" says less than "more than 8,000"
            qa, qb = parse_quantity(a.head["value"]), parse_quantity(b.head["value"])
            return qa is not None and qb is not None and qa.lo < qb.lo
        if a.value_type == b.value_type == "entity" and self.places is not None:
            return self.places.contains(str(a.head["value"]), str(b.head["value"])) or \
                self.model.country(str(a.head["value"])) is not None
        return False

    def _ask_places(self, groups: list[_Group]) -> None:
        """Ask the place index what comparing every pair of groups would ask it, in the
        same order, until it knows every place (then comparing changes nothing): a lazy
        index learns places in the order they are compared, and that order is kept."""
        if self.places is None:
            return
        pending = {str(f["value"]) for g in groups for f in self._distinct(g)
                   if f.get("value_type") == "entity" and f["value"] is not None}
        pending = {v for v in pending if not self.places.asked(v)}
        for i, a in enumerate(groups):
            for b in groups[i + 1:]:
                if not pending:
                    return
                if (id(a), len(a.facts), id(b), len(b.facts)) in self._memo:
                    continue  # compared already (in `cluster`)
                for x in self._distinct(a):
                    for y in self._distinct(b):
                        if x.get("value_type") == y.get("value_type") == "entity" \
                                and x["value"] is not None and y["value"] is not None:
                            vx, vy = str(x["value"]), str(y["value"])
                            self.model.ask_places(vx, vy, self.places)
                            pending.discard(vx) if self.places.asked(vx) else None
                            pending.discard(vy) if self.places.asked(vy) else None

    def named_together(self, a: _Group, b: _Group) -> bool:
        """Places: every sentence of one side also names the other side's place ("killed
        in a Norwegian strike in Sweden" against "in Stockholm, Sweden"): that side
        is not clearly holding a place against the other, so there is no conflict."""
        if a.value_type not in ("entity", "country") or b.value_type not in ("entity", "country"):
            return False
        names_a, quotes_a = self._words_of(a)
        names_b, quotes_b = self._words_of(b)
        return any(all(any(self._names(q, n) for n in names) for q in quotes)
                   for names, quotes in ((names_b, quotes_a), (names_a, quotes_b)))

    def held_together(self, a: _Group, b: _Group) -> bool:
        """Titles of different rank (`ValueModel.title_rivalry`) that one document gives
        both ("the ministry's spokesman and a deputy minister"): the document says the
        person holds both, so other sources giving one of them do not contradict it."""
        if self.attribute != "title" or not a.docs() & b.docs():
            return False
        rivalries = {self.model.title_rivalry(str(x["value"]), str(y["value"]))
                     for x in self._distinct(a) for y in self._distinct(b)} - {None}
        return rivalries == {RANK}

    def _names(self, quote: str, name: str) -> bool:
        """The sentence names the place other than as the reference point of a distance
        or direction ("62 km south-east of the capital X", "20 miles from X"): there
        the other place is where it did not happen, so the two sides do disagree."""
        needle = f" {name} "
        at = quote.find(needle)
        reference = self.model.reference_words.get(self.attribute)
        while at >= 0:
            if not reference:
                return True
            before = quote[:at].split()[-6:]
            link = max((i for i, w in enumerate(before) if w in ("of", "from")), default=-1)
            if link < 0 or len(before) - link > 4 or not reference & set(before[max(0, link - 3):link]):
                return True  # named beside its own place, not as a distance's reference
            at = quote.find(needle, at + 1)
        return False

    def _words_of(self, group: _Group) -> tuple[set[str], list[str]]:
        """The folded names of a group's place and its folded sentences (cached)."""
        memo = (id(group), len(group.facts), "words")
        found = self._memo.get(memo)  # type: ignore[call-overload]
        if found is None:
            names = {fold(str(t)) for f in group.facts
                     for t in (f.get("value"), f.get("value_text")) if t}
            quotes = [f" {' '.join(_plain_words(f.get('quote') or ''))} " for f in group.facts]
            found = ({" ".join(_plain_words(n)) for n in names} - {""}, quotes)
            self._memo[memo] = found  # type: ignore[index]
        return found

    def disputed(self, groups: list[_Group]) -> tuple[str, list[_Group]] | None:
        """The strongest disagreement among groups and the groups taking part in it."""
        model, attribute = self.model, self.attribute
        several = self.several if self.several is not None else attribute in model.multi_valued
        if several and attribute != "title" and attribute not in model.cause_attributes \
                and attribute not in model.joint and attribute not in model.within_minutes:
            self._ask_places(groups)  # values held at once never disagree (`ValueModel.compare`)
            return None
        involved: dict[int, _Group] = {}
        severity = None
        for i, a in enumerate(groups):
            for j in range(i + 1, len(groups)):
                b = groups[j]
                relation = self.relation(a, b)
                if relation in (SOFT, HARD) and self.independent(a, b) \
                        and not self.named_together(a, b) and not self.held_together(a, b):
                    involved[i], involved[j] = a, b
                    severity = HARD if HARD in (relation, severity) else SOFT
        if severity is None:
            return None
        return severity, _order(involved.values())


# ------------------------------------------------------------------ value conflicts

def _grew(groups: list[_Group]) -> list[_Group] | None:
    """Groups of counts in date order when each larger count comes from later reports
    (each dated by one report at least, some later than others): an update ("the toll
    rose to 52")."""
    if not all(g.dated() for g in groups):
        return None
    amounts = []
    for g in groups:
        amount = parse_quantity(g.value)
        if amount is None:
            return None
        amounts.append((amount.lo, amount.hi, g))
    amounts.sort(key=lambda a: (a[0], a[1]))
    ordered = [g for _, _, g in amounts]
    for (lo_a, hi_a, a), (lo_b, hi_b, b) in zip(amounts, amounts[1:]):
        if hi_b < lo_a or hi_a < lo_b and max(a.dated()) >= min(b.dated()):
            return None  # a rise given before, or on the same day, is no update
    first = min(min(g.dated()) for g in ordered)
    last = max(max(g.dated()) for g in ordered)
    return ordered if first != last else None


def _superseded(groups: list[_Group], cmp: _Comparer) -> list[_Group]:
    """Counts a later report says have risen since ("the toll rose to 40", "52 dead, up
    from 31": `told_words` in the cardinality rules): a smaller count reported before
    a larger one whose report tells the rise agrees with it (the later report tells the
    change). Reports of the same day, and undated ones, supersede nothing."""
    words = cmp.model.count_words.get(cmp.attribute, {}).get("told_words")
    if not words:
        return []

    def tells(fact: dict) -> bool:
        windows = (_words_before(fact) or []) + (_words_after(fact) or [])
        return any(f" {w} " in window for w in words for window in windows)

    told = []  # (lowest amount, the first date it was told on)
    for group in groups:
        amount = parse_quantity(group.value)
        dates = [str(f["published"])[:10] for f in group.facts if f.get("published") and tells(f)]
        if amount is not None and dates:
            told.append((amount.lo, min(dates)))
    out = []
    for group in groups:
        amount, dated = parse_quantity(group.value), group.dated()
        if amount is not None and dated and any(
                amount.hi < low and max(dated) < when for low, when in told) \
                and not any(h is not group and dated & h.dated() and cmp.relation(group, h) == HARD
                            and cmp.independent(group, h) for h in groups):
            # a later rise supersedes a count, not the contradiction between two counts
            # reported the same day ("rose to 11" / "reaches 14" the same day, 16 the next)
            out.append(group)
    return out


def _value_conflict(facts: list[dict], cmp: _Comparer) -> tuple[str, list[ConflictValue], str | None] | None:
    if cmp.attribute in cmp.model.joint:
        return _joint_conflict(facts, cmp)
    groups = cmp.cluster(facts)
    if len(groups) < 2:
        return None
    found = cmp.disputed(groups)
    if found is None:
        return None
    severity, involved = found
    reason = None
    if cmp.attribute in cmp.model.cumulative:
        superseded = _superseded(involved, cmp)
        if superseded:  # counts a later report says have risen since take no side
            found = cmp.disputed([g for g in involved if g not in superseded])
            if found is None:
                return None
            severity, involved = found
        grown = _grew(involved)
        if grown is not None:
            severity, involved, reason = SOFT, grown, UPDATE
        elif severity == HARD and _toll_severity(involved, cmp) == SOFT:
            severity, reason = SOFT, UNDATED
    if cmp.attribute == "title":  # titles differ only by rivalry (`compare_titles`)
        rivalries = {cmp.model.title_rivalry(str(x["value"]), str(y["value"]))
                     for i, a in enumerate(involved) for b in involved[i + 1:]
                     for x in cmp._distinct(a) for y in cmp._distinct(b)}
        reason = FORMER if FORMER in rivalries or RANK not in rivalries else RANK
    return severity, [_shown(g, involved) for g in involved], reason


def _shown(group: _Group, groups: list[_Group]) -> ConflictValue:
    """A group as a side. An undated article's weekday ("Sunday night") shows as the
    nearest such day to the date of the side most documents give (the value it was
    compared with), its own value kept in `also`."""
    value = group.to_value()
    if group.value_type != "date":
        return value
    for other in groups:
        if other is not group and any(map(_anchors_weekday, other.facts)):
            anchored = anchor_weekday(group.value, other.value)
            if anchored is not None:
                return ConflictValue(anchored, value.value_texts, value.sources,
                                     (group.value, *value.also))
    return value


def _toll_severity(groups: list[_Group], cmp: _Comparer) -> str:
    """Counts that rise (tolls): two counts contradict each other only when the reports'
    dates show the larger one is no update of the smaller (the same day, or the larger
    count reported first); a report that cannot be placed in time may be an update."""
    for i, a in enumerate(groups):
        for b in groups[i + 1:]:
            if cmp.relation(a, b) != HARD or not cmp.independent(a, b):
                continue
            if not a.dated() or not b.dated():
                continue  # a count only undated reports give may be an earlier one
            qa, qb = parse_quantity(a.value), parse_quantity(b.value)
            if qa is None or qb is None:
                return HARD
            low, high = (a, b) if qa.hi < qb.lo else (b, a)
            if max(low.dated()) >= min(high.dated()):
                return HARD
    return SOFT


def _joint_conflict(facts: list[dict], cmp: _Comparer) -> tuple[str, list[ConflictValue], None] | None:
    """Values a source may give several of at once (the actors of a joint operation):
    each source's values are one set. A set that matches some of another's agrees with
    it ("A and B" / "A"); two sets sharing an actor but differing in another differ
    softly; two sets with no actor in common disagree as their actors do (two
    countries: hard). The sides are the actors that find no match on the other side."""
    groups = cmp.cluster(facts)
    if len(groups) < 2:
        return None
    index = {id(f): i for i, g in enumerate(groups) for f in g.facts}
    sets: dict[SourceKey, set[int]] = {}
    for fact in facts:
        sets.setdefault(_source_key(fact, cmp.model), set()).add(index[id(fact)])

    def match(i: int, j: int) -> bool:
        return i == j or cmp.relation(groups[i], groups[j]) in (SAME, COMPATIBLE) \
            or cmp.named_together(groups[i], groups[j])

    involved: dict[int, set[SourceKey]] = {}
    severity = None
    keys = sorted(sets, key=lambda k: (k[0], k[1] or ""))
    for n, ka in enumerate(keys):
        for kb in keys[n + 1:]:
            sa, sb = sets[ka], sets[kb]
            only_a = {i for i in sa if not any(match(i, j) for j in sb)}
            only_b = {j for j in sb if not any(match(i, j) for i in sa)}
            if not only_a or not only_b:
                continue  # one names some of the other's actors
            relation = min((cmp.relation(groups[i], groups[j]) for i in only_a for j in only_b),
                           key=[SAME, COMPATIBLE, SOFT, HARD].index)
            if len(only_a) < len(sa) or len(only_b) < len(sb):
                relation = SOFT  # one actor in common, another not
            severity = HARD if HARD in (relation, severity) else SOFT
            for i in only_a:
                involved.setdefault(i, set()).add(ka)
            for j in only_b:
                involved.setdefault(j, set()).add(kb)
    if severity is None:
        return None
    sides = []
    for i, sources in involved.items():
        kept = [f for f in groups[i].facts if _source_key(f, cmp.model) in sources]
        ids = {id(f) for f in kept}
        sides.append(_Group(kept, groups[i].value_type, [f for f in groups[i].core if id(f) in ids]))
    return severity, [g.to_value() for g in _order(sides)], None


def _denial_conflict(affirmed: list[dict], denied: list[dict], cmp: _Comparer,
                     deliberate: Iterable[dict] = ()) -> tuple[str, list[ConflictValue]] | None:
    """Denials against the affirmed values they deny. A denial of a deliberate act by
    nobody named ("ruled out an attack") denies every author named and every
    deliberate cause given (`deliberate`: a bomb, a missile strike)."""
    # a denial matches values, not the many values a multi-valued attribute may hold
    match = _Comparer(cmp.model, cmp.attribute, cmp.places, several=False)
    groups = cmp.cluster(affirmed, absorb=False)  # "Tarvel" denied is not "Mossby" affirmed
    causes = _Comparer(cmp.model, "cause", cmp.places).cluster(list(deliberate))
    denials = cmp.cluster(denied)
    involved_a: dict[int, _Group] = {}
    involved_d: dict[int, _Group] = {}
    severity = None
    for i, d in enumerate(denials):
        generic = cmp.model.generic_actor(cmp.attribute, d.head["value"])
        related = []
        for j, a in enumerate(groups + (causes if generic else [])):
            if d.head["value"] is None or generic:
                relation = SAME  # "denied the assertion": the claim as a whole
            else:
                relation = match.relation(d, a)
                if relation not in (SAME, COMPATIBLE, SOFT):
                    continue  # denying another value than the one affirmed agrees with it
            related.append((j, a, relation))
        if any(relation == SAME for _, _, relation in related):
            # "denied the toll had reached 9,800" stands against those who gave 9,800,
            # not against "at least 1,000" or "more than 4,100" (neither side)
            related = [r for r in related if r[2] == SAME]
        for j, a, relation in related:
            found = HARD if relation == SAME else SOFT
            if cmp.independent(d, a):
                involved_d[i], involved_a[j] = d, a
                severity = HARD if HARD in (found, severity) else SOFT
    if severity is None:
        return None
    values = [g.to_value() for g in _order(involved_a.values())]
    values += [g.to_value() for g in _order(involved_d.values())]
    return severity, values


def _one_claim_each(attribute: str, denials: list[dict]) -> list[list[dict]]:
    """The denials of an attribute by what they deny: each proposition apart ('lock gate',
    'use spray' are two disagreements), every other attribute's together."""
    if attribute != PROPOSITION:
        return [denials]
    by_key: dict[str, list[dict]] = {}
    for fact in denials:
        by_key.setdefault(fold(str(fact.get("value"))), []).append(fact)
    return list(by_key.values())


def _deliberate_causes(by_attribute: dict[str, list[dict]], model: ValueModel) -> list[dict]:
    """Affirmed causes that are someone's deliberate act (a bomb): what a denial of
    any deliberate act ("not an attack") stands against besides named authors."""
    return [f for attr in model.cause_attributes for f in by_attribute.get(attr, ())
            if f.get("polarity") != "denied" and model.deliberate_cause(f.get("value"))]


def _deniers(affirmed: list[dict], denied: list[dict], model: ValueModel,
             event: str | None = None) -> tuple[list[dict], set[SourceKey]]:
    """The denials that deny a claim, and their sources. A source that gives another
    value of the attribute it denies (or affirms the event itself) disputes a value
    instead: its denial is left to the value conflict."""
    gives: set[tuple[SourceKey, str]] = {(_source_key(f, model), f["attribute"]) for f in affirmed}
    # a proposition is one of many a source tells: only the same one affirmed takes its denial back
    told = {(_source_key(f, model), fold(str(f["value"]))) for f in affirmed if f["attribute"] == PROPOSITION}
    kept = []
    for fact in denied:
        key = _source_key(fact, model)
        if fact["attribute"] == PROPOSITION:
            if (key, fold(str(fact["value"]))) not in told:
                kept.append(fact)
            continue
        if (key, fact["attribute"]) in gives or (event and (key, event) in gives):
            continue
        kept.append(fact)
    return kept, {_source_key(f, model) for f in kept}


def _matches_affirmed(denial: dict, affirmed: list[dict], model: ValueModel,
                      places: PlaceIndex | None) -> bool:
    key = _source_key(denial, model)
    vt = denial.get("value_type") or "text"
    return any(f["attribute"] == denial["attribute"] and _source_key(f, model) != key
               and model.compare(vt, denial["value"], f["value"], attribute=f["attribute"],
                                 places=places, several=False) in (SAME, COMPATIBLE, SOFT)
               for f in affirmed)


def _event_denial(event: str, facts: list[dict], model: ValueModel,
                  places: PlaceIndex | None) -> tuple[Conflict | None, set[SourceKey]]:
    """One denial conflict for a denied event (a death), and the deniers' sources."""
    affirmed = [f for f in facts if f.get("polarity") != "denied" and f.get("value") is not None]
    denied = [f for f in facts if f.get("polarity") == "denied"]
    denials, _ = _deniers(affirmed, denied, model, event)
    # a denied argument denies the event only where it denies what others affirm
    # ("not killed last month" against "killed last month"), not another value
    denials = [f for f in denials if f["attribute"] == event or f.get("value") is None
               or _matches_affirmed(f, affirmed, model, places)]
    deniers = {_source_key(f, model) for f in denials}
    affirming = [f for f in affirmed if _source_key(f, model) not in deniers]
    # the evidence of each affirming source: its words for the event itself where it
    # has them ("died"), else what it says of the event's date, place or cause
    speaks = {_source_key(f, model) for f in affirming if f["attribute"] == event}
    evidence = [f for f in affirming if f["attribute"] == event or _source_key(f, model) not in speaks]
    if not denials or not affirming:
        return None, deniers
    head = facts[0]

    def event_value(group: list[dict]) -> Any:
        said = Counter(str(f["value"]) for f in group if f["attribute"] == event and f.get("value"))
        return said.most_common(1)[0][0] if said else event

    def texts(fact: dict) -> str | None:  # the words that gave the event, not its date
        return fact.get("value_text") if fact["attribute"] == event else None

    context: dict[str, list[Any]] = {}
    for attribute in sorted({f["attribute"] for f in affirming} - {event}):
        cmp = _Comparer(model, attribute, places)
        groups = _order(cmp.cluster([f for f in affirming if f["attribute"] == attribute]))
        # a value that only contains others ("last month" around March 8) adds nothing
        context[attribute] = [g.value for g in groups if not any(
            h is not g and cmp.relation(g, h) == COMPATIBLE
            and min(map(_width, g.core)) > min(map(_width, h.core)) for h in groups)]
    value = event_value(affirming)
    conflict = Conflict(head.get("entity") or "", head.get("entity_id") or "",
                        head.get("entity_type"), event, "denial", HARD,
                        (_conflict_value(evidence, value, texts),
                         _conflict_value(denials, event_value(denials) if any(
                             f["attribute"] == event for f in denials) else value, texts)),
                        context=context or None)
    return conflict, deniers


# ----------------------------------------------------------- values that cannot be meant

_DAY = 24 * 60
_YEAR = 365.25 * _DAY


def _gap(a: Any, b: Any) -> float:
    """Minutes between two date spans (0 when they overlap)."""
    return max(0, max(a.lo, b.lo) - min(a.hi, b.hi))


def _published_span(fact: dict) -> Any:
    published = fact.get("published")
    return parse_date(str(published)[:10]) if published else None


def _anchors_weekday(fact: dict) -> bool:
    """An undated article's weekday ("late Sunday night") is placed on the day another
    source gives only when that day is news in the other source's own report: within
    the week before its publication date. A day from an undated report, or one long
    before it ("the 9/11 attacks"), says nothing of which week the weekday was."""
    published = _published_span(fact)
    span = parse_date(str(fact.get("value")).strip().upper())
    return published is not None and span is not None and not span.year_free \
        and published.lo - 7 * _DAY <= span.lo < published.hi + _DAY


def _implausible(facts: list[dict], attribute: str, model: ValueModel) -> list[dict]:
    """Affirmed dates no source can mean (`past` and `recent_years` in the cardinality
    rules): a date of what had happened after its own document's publication date (by
    more than a day: time zones), or a date of news more than `recent_years` from its
    document's publication date and from every other source's date (an anniversary's
    date, a clock time anchored on a date of long ago) while other sources give dates
    near their own reports' dates. Such a value is most likely misread; it is set
    aside, so that it never turns an agreement into a conflict."""
    past = attribute in model.past
    years = model.recent_years.get(attribute)
    if not past and not years:
        return []
    spans = []
    for fact in facts:
        if fact.get("polarity") == "denied" or fact.get("value_type") != "date":
            continue
        span = parse_date(str(fact.get("value")))
        if span is not None and not span.year_free:
            spans.append((fact, span, _published_span(fact)))
    # the dates sources give near their own reports' dates, once each, with who gives them
    anchors: dict[tuple, tuple[Any, set[SourceKey]]] = {}
    if years:
        for fact, other, at in spans:
            if at is not None and _gap(other, at) <= years * _YEAR:
                anchors.setdefault((other.lo, other.hi), (other, set()))[1].add(_source_key(fact, model))
    aside = []
    for fact, span, published in spans:
        if published is None:
            continue
        if past and span.lo >= published.hi + _DAY:
            aside.append(fact)
            continue
        if years and _gap(span, published) > years * _YEAR:
            # measured against the dates other sources give near their own reports' dates:
            # set aside when there are some and it lies far from every one of them
            key = _source_key(fact, model)
            others = [other for other, keys in anchors.values() if keys != {key}]
            if others and all(_gap(span, other) > years * _YEAR for other in others):
                aside.append(fact)
    return aside


# ---------------------------------------------------------- counts no source claims

def _words_before(fact: dict, size: int = 6) -> list[str] | None:
    """The folded words before a fact's value in its sentence, joined and padded
    (" the toll could rise to "), one string per place the value's words stand;
    None when they are not found (then nothing can be told)."""
    around = _around(fact.get("quote") or "", fact.get("value_text") or "")
    return None if around is None else [f" {' '.join(before[-size:])} " for before, _ in around]


def _words_after(fact: dict, size: int = 3) -> list[str] | None:
    """The folded words after each place a fact's value stands in its sentence (as
    `_words_before`), or None when the value's words are not found."""
    around = _around(fact.get("quote") or "", fact.get("value_text") or "")
    return None if around is None else [f" {' '.join(after[:size])} " for _, after in around]


@lru_cache(maxsize=8192)
def _around(quote: str, text: str) -> tuple[tuple[list[str], list[str]], ...] | None:
    """The folded words before and after each place `text` stands in `quote` (read
    once for every window a rule asks of it)."""
    if not text or text not in quote:
        return None
    found, at = [], quote.find(text)
    while at >= 0:
        found.append((_plain_words(quote[:at]), _plain_words(quote[at + len(text):])))
        at = quote.find(text, at + 1)
    return tuple(found)


#: a year that dates what the words after it tell: "in 2014, more than", "in June
#: 2018 a ferry", "the 2015 crash that killed" (not "the strongest since 2001, killed")
_YEAR_WORD = re.compile(r" in (?:[a-z]+ )?((?:19|20)\d\d) | ((?:19|20)\d\d) (?:[a-z]+ ){0,4}(?:that|which|when) ")
_YEAR_IN_TEXT = re.compile(r"\b(?:19|20)\d\d\b")


def _earlier_year(window: str, fact: dict) -> bool:
    """The words before a value date it to a year before its own report's year ("in
    2018, more than 160 drowned", "since the 2015 crash that killed 40"): another
    event's figure. A year the value is only compared with ("the deadliest since 2001,
    killed 26") does not."""
    published = str(fact.get("published") or "")[:4]
    return published.isdigit() and any(int(a or b) < int(published) for a, b in _YEAR_WORD.findall(window))


def _part_of(fact: dict, lists: dict[str, frozenset[str]], model: ValueModel) -> str | None:
    """The part of the victims a count is of ("12 children", "32 Kenyans": the noun;
    "including 12": "part"), or None for a total. Every place the value stands must
    say so."""
    before, after = _words_before(fact, 3), _words_after(fact, 3)
    if not before or not after:
        return None
    parts = set()
    for window_before, window_after in zip(before, after):
        words = window_after.split()
        noun = next((p for p in lists.get("part_nouns", ()) if window_after.startswith(f" {p} ")), None)
        if noun is None and words and words[0] in model.demonym_words:
            noun = words[0]  # "32 Kenyans", "two Belgian nationals"
        if noun is None and any(f" {w} " in window_before for w in lists.get("part_words", ())):
            noun = "part"
        if noun is None:
            return None
        parts.add(noun)
    return parts.pop() if len(parts) == 1 else "part"


def _not_claimed(facts: list[dict], attribute: str, model: ValueModel) -> list[dict]:
    """Counts and dates a document gives but does not claim of this entity (the
    `counts-not-claimed`, `counts-of-other-things` and `dates-of-other-events` rules):
    a forecast ("could rise to 250": a modal and a verb of growth before the number);
    another report's earlier figure ("from a previous report that said 900") where the
    same document gives another count of the same thing; another event's figure (a
    year before the report's own just before it: "since the 2015 crash that killed
    40"); a count of part of the victims ("including 12 children") where a total or
    another part is given; the date of a funeral or an anniversary. Every place the
    value stands in its sentence must say so."""
    lists = model.count_words.get(attribute) or {}
    if not lists and attribute not in model.earlier_years:
        return []

    def says(windows: list[str], key: str) -> bool:
        return any(f" {w} " in window for w in lists.get(key, ()) for window in windows)

    if "other_event_words" in lists:  # dates: the three words before the date
        return [f for f in facts if f.get("polarity") != "denied" and f.get("value") is not None
                and (windows := _words_before(f, 3)) and all(says([w], "other_event_words") for w in windows)]
    dropped = []
    affirmed = [f for f in facts if f.get("polarity") != "denied" and f.get("value") is not None]
    background = [f for f in affirmed if attribute in model.earlier_years
                  and _YEAR_IN_TEXT.search(f.get("quote") or "")
                  and (windows := _words_before(f, 12)) and all(_earlier_year(w, f) for w in windows)]
    dropped.extend(background)
    aside = {id(f) for f in background}
    if "part_nouns" in lists or "part_words" in lists:
        parts = {id(f): _part_of(f, lists, model) for f in affirmed if id(f) not in aside}
        kinds = set(parts.values())
        if len(kinds) > 1:  # a total or another part beside them: parts are no totals
            dropped.extend(f for f in affirmed if parts.get(id(f)) is not None)
            aside.update(id(f) for f in affirmed if parts.get(id(f)) is not None)
    # per document: the keys of the counts it claims, and the counts it cites as older
    claimed: dict[str, set] = {}
    older: list[tuple[dict, Any]] = []
    for fact in facts:
        if fact.get("polarity") == "denied" or fact.get("value") is None or id(fact) in aside:
            continue
        windows = _words_before(fact)
        if windows and all(says([w], "forecast_words") and says([w], "growth_words") for w in windows):
            dropped.append(fact)
            continue
        key = model.key(fact.get("value_type") or "text", fact["value"], attribute=attribute)
        if windows and all(says([w], "superseded_words") for w in windows):
            older.append((fact, key))
        else:
            claimed.setdefault(fact.get("doc") or "", set()).add(key)
    for fact, key in older:  # stands aside only where its document gives a newer count
        if claimed.get(fact.get("doc") or "", set()) - {key}:
            dropped.append(fact)
    return dropped


# ------------------------------------------------------------------------- titles

class RoleIndex:
    """Who each document names as the one holder of which role ("the leader of X"),
    from `title` facts: held in memory (``RoleIndex.from_facts``), or asked of a
    store as needed (``RoleIndex(in_docs=..., of_entity=...)``: the title facts of
    some documents, and of one entity), so that a question about one entity reads
    only the titles of its own documents.
    """

    def __init__(self, *, in_docs: Callable[[list[str]], Iterable[dict]],
                 of_entity: Callable[[str], Iterable[dict]], cache: int = 4096,
                 whole: Callable[[list[dict]], list[dict]] | None = None) -> None:
        self._in_docs, self._of_entity, self._cache = in_docs, of_entity, cache
        self._docs: dict[str, list[dict]] = {}
        #: the facts with all their fields, for facts `in_docs` gave in part (`whole_store`)
        self._whole = whole

    @classmethod
    def from_facts(cls, facts: Iterable[dict]) -> "RoleIndex":
        by_doc: dict[str, list[dict]] = {}
        by_entity: dict[str, list[dict]] = {}
        for fact in facts:
            if fact.get("attribute") == "title":
                by_doc.setdefault(fact.get("doc") or "", []).append(fact)
                by_entity.setdefault(fact.get("entity_id") or "", []).append(fact)
        return cls(in_docs=lambda docs: [f for d in docs for f in by_doc.get(d, ())],
                   of_entity=lambda entity_id: by_entity.get(entity_id, []), cache=0)

    @classmethod
    def from_store(cls, store: Any, *, chunk: int = 500) -> "RoleIndex":
        def in_docs(docs: list[str]) -> Iterator[dict]:
            for start in range(0, len(docs), chunk):  # within SQLite's bound on parameters
                yield from store.facts(docs=docs[start:start + chunk], attribute="title")

        return cls(in_docs=in_docs,
                   of_entity=lambda entity_id: store.facts(entity_ids=[entity_id], attribute="title"))

    @classmethod
    def whole_store(cls, store: Any, model: ValueModel) -> "RoleIndex":
        """For a report of every entity: the titles of every document that claim the one
        holder of a role, read at once and in part (who holds what, where, said by whom),
        when first asked; a contest's facts are then read whole from their documents.
        One query instead of one per entity, in a few megabytes per million facts."""
        by_doc: dict[str, list[dict]] | None = None

        def in_docs(docs: list[str]) -> Iterator[dict]:
            nonlocal by_doc
            if by_doc is None:
                by_doc = {}
                for fact in store.title_facts():  # by document, in document order
                    if fact.get("polarity") != "denied" and fact.get("value") is not None \
                            and model.parse_title(str(fact["value"])).sole_holder:
                        by_doc.setdefault(fact["doc"], []).append(fact)
            for doc in docs:
                yield from by_doc.get(doc, ())

        def whole(facts: list[dict]) -> list[dict]:
            found: dict[str, list[dict]] = {}
            for doc in dict.fromkeys(f["doc"] for f in facts):
                found[doc] = list(store.facts(docs=[doc], attribute="title"))
            return [found[f["doc"]][f["position"]] for f in facts]

        return cls(in_docs=in_docs, cache=0, whole=whole,
                   of_entity=lambda entity_id: store.facts(entity_ids=[entity_id], attribute="title"))

    def whole(self, facts: list[dict]) -> list[dict]:
        """The facts `in_docs` gave, with every field."""
        return self._whole(facts) if self._whole is not None else facts

    def in_docs(self, docs: Iterable[str]) -> dict[str, list[dict]]:
        """The title facts of each document."""
        docs = list(dict.fromkeys(docs))
        missing = [d for d in docs if d not in self._docs]
        if missing:
            if len(self._docs) + len(missing) > self._cache:
                self._docs.clear()
            for doc in missing:
                self._docs[doc] = []
            for fact in self._in_docs(missing):
                self._docs.setdefault(fact.get("doc") or "", []).append(fact)
        found = {d: self._docs.get(d, []) for d in docs}
        if not self._cache:
            self._docs.clear()
        return found

    def of_entity(self, entity_id: str) -> list[dict]:
        return list(self._of_entity(entity_id))


class DeathDenials:
    """Where a person's death is denied: (document, line, speaker) of each denied
    `death` fact, so that a denial of the killing's place or date in the same sentence
    by the same speaker ("called the claim to have killed him in a strike in Tarvel an
    allegation") is known as that death's denial, not a second disagreement about the
    event. Held in memory (``from_facts``) or asked of a store per document."""

    def __init__(self, *, in_docs: Callable[[list[str]], Iterable[dict]]) -> None:
        self._in_docs = in_docs
        self._docs: dict[str, set[tuple[int | None, str | None]]] = {}

    @classmethod
    def from_facts(cls, facts: Iterable[dict]) -> "DeathDenials":
        by_doc: dict[str, list[dict]] = {}
        for fact in facts:
            if fact.get("attribute") == "death" and fact.get("polarity") == "denied":
                by_doc.setdefault(fact.get("doc") or "", []).append(fact)
        return cls(in_docs=lambda docs: [f for d in docs for f in by_doc.get(d, ())])

    @classmethod
    def from_store(cls, store: Any, *, chunk: int = 500) -> "DeathDenials":
        def in_docs(docs: list[str]) -> Iterator[dict]:
            for start in range(0, len(docs), chunk):
                yield from (f for f in store.facts(docs=docs[start:start + chunk], attribute="death")
                            if f.get("polarity") == "denied")

        return cls(in_docs=in_docs)

    def covers(self, fact: dict, model: ValueModel) -> bool:
        """The denied fact stands in a sentence where its speaker denies a death."""
        doc = fact.get("doc") or ""
        if doc not in self._docs:
            if len(self._docs) > 4096:
                self._docs.clear()
            self._docs[doc] = {(f.get("line"), _source_key(f, model)[1]) for f in self._in_docs([doc])
                               if f.get("polarity") == "denied"}
        return (fact.get("line"), _source_key(fact, model)[1]) in self._docs[doc]


def _sole_holds(facts: Iterable[dict], model: ValueModel) -> list[tuple[dict, Title]]:
    """Affirmed titles that claim the one current holder of a role."""
    return [(f, t) for f in facts if f.get("attribute") == "title"
            and f.get("polarity") != "denied" and f.get("value") is not None
            for t in (model.parse_title(str(f["value"])),) if t.sole_holder]


def _holder_conflicts(facts: list[dict], model: ValueModel, roles: RoleIndex) -> Iterator[Conflict]:
    """Another holder of the entity's one-holder role, named in a document that also
    gives the role to the entity: reported once, on the holder more documents name."""
    mine = _sole_holds(facts, model)
    if not mine:
        return
    head = facts[0]
    me, my_name = head.get("entity_id") or "", head.get("entity") or ""
    contests: dict[tuple[str, int], list[dict]] = {}  # (other entity, my title index) -> its facts
    titles = roles.in_docs(sorted({f.get("doc") or "" for f, _ in mine}))
    for doc, in_doc in titles.items():
        for other, title in _sole_holds(in_doc, model):
            other_id = other.get("entity_id") or ""
            if other_id == me or model.compare_names(my_name, other.get("entity") or "") != "hard":
                continue  # the same entity, or perhaps the same person left unmerged
            for index, (fact, mine_title) in enumerate(mine):
                if fact.get("doc") == doc and model.same_role(mine_title, title):
                    contests.setdefault((other_id, index), []).append(other)
                    break
    seen: set[str] = set()
    for (other_id, index), theirs in sorted(contests.items(), key=lambda kv: kv[0]):
        if other_id in seen:
            continue
        seen.add(other_id)
        role = mine[index][1]
        holding = [f for f, t in mine if model.same_role(role, t)]
        their_all = [f for f, t in _sole_holds(roles.of_entity(other_id), model)
                     if model.same_role(role, t)]
        my_docs = {f.get("doc") for f in holding}
        their_docs = {f.get("doc") for f in their_all}
        if (len(their_docs), my_name) > (len(my_docs), theirs[0].get("entity") or ""):
            continue  # reported on the other holder
        theirs = roles.whole(theirs)
        ours = _Group(holding, "text", holding)
        other_group = _Group(theirs, "text", theirs)
        if len(ours.sources(model) | other_group.sources(model)) < 2:
            continue
        yield Conflict(my_name, me, head.get("entity_type"), "title", "value", SOFT,
                       (ours.to_value(), _conflict_value(theirs, theirs[0].get("entity"))),
                       reason=HOLDERS)


# ---------------------------------------------------------------------- spellings

def _spelling(fact: dict) -> str:
    value = fact.get("value")
    return value if isinstance(value, str) and value else (fact.get("value_text") or
                                                           fact.get("mention") or "")


def _spelling_conflict(facts: list[dict], entity_type: str, model: ValueModel) -> list[ConflictValue] | None:
    """Spelling classes of an entity's names that differ in some word."""
    person = entity_type == "PERSON"
    spellings = [(f, model.name_key(_spelling(f), entity_type)) for f in facts if _spelling(f)]
    counts: Counter[str] = Counter(t for _, tokens in spellings for t in set(tokens))
    together = {frozenset((x, y)) for _, tokens in spellings
                for x in tokens for y in tokens if x != y}
    # union-find over words spelled alike that never share a mention
    root = {t: t for t in counts}

    def find(t: str) -> str:
        while root[t] != t:
            root[t] = root[root[t]]
            t = root[t]
        return t

    def variants(x: str, y: str) -> bool:
        cost = model.token_cost(x, y)
        # organisations and places: a free transliteration is the outlet's house style
        return cost != _names.INFINITE and (person or cost > 0)

    tokens = sorted(counts, key=lambda t: (-counts[t], t))
    for i, x in enumerate(tokens):
        for y in tokens[i + 1:]:
            if frozenset((x, y)) not in together and variants(x, y):
                rx, ry = find(x), find(y)
                if rx != ry:
                    root[ry] = rx
    members: dict[str, set[str]] = {}
    for t in tokens:
        members.setdefault(find(t), set()).add(t)
    varied = {t for group in members.values() if len(group) > 1 for t in group}
    if not varied:
        return None
    by_signature: dict[frozenset, list[dict]] = {}
    for fact, name in spellings:
        signature = frozenset((find(t), t) for t in set(name) if t in varied)
        if signature:
            by_signature.setdefault(signature, []).append(fact)
    classes = _fold_partial_spellings(by_signature)
    involved: dict[frozenset, _Group] = {}
    signatures = list(classes)
    for i, sa in enumerate(signatures):
        for sb in signatures[i + 1:]:
            da, db = dict(sa), dict(sb)
            a, b = classes[sa], classes[sb]
            if any(da[c] != db[c] for c in da.keys() & db.keys()) \
                    and len(a.sources(model) | b.sources(model)) >= 2:
                involved[sa], involved[sb] = a, b
    if not involved:
        return None
    return [g.to_value(_fullest_spelling(g, model, entity_type), use_value=True)
            for g in _order(involved.values())]


def _fold_partial_spellings(by_signature: dict[frozenset, list[dict]]) -> dict[frozenset, _Group]:
    """A spelling that gives only part of the varied words ('Mr. Yousuf') joins the
    fuller spelling it agrees with: the one its own document uses, else the one
    most documents use. It stands apart only when no fuller spelling agrees."""
    full = {s for s in by_signature if not any(s < t for t in by_signature)}
    classes = {s: _Group(list(by_signature[s]), "name") for s in full}
    for signature, facts in by_signature.items():
        if signature in full:
            continue
        wider = [t for t in full if signature < t]
        for fact in facts:
            doc = fact.get("doc")
            same_doc = [t for t in wider if any(f.get("doc") == doc for f in classes[t].facts)]
            pool = same_doc or wider
            best = max(pool, key=lambda t: (len(classes[t].docs()), sorted(t)))
            classes[best].facts.append(fact)
    return classes


def _fullest_spelling(group: _Group, model: ValueModel, entity_type: str) -> str:
    """The spelling with most name words; on a tie the entity's canonical name, then
    the most frequent one."""
    counts = Counter(_spelling(f) for f in group.facts)
    canonical = group.facts[0].get("entity")
    return max(counts, key=lambda s: (len(model.name_key(s, entity_type)), s == canonical,
                                      counts[s], -len(s)))


# ------------------------------------------------------------------------ entities

def entity_conflicts(facts: list[dict], *, min_severity: str = SOFT,
                     attribute: str | None = None, kinds: Iterable[str] | None = None,
                     places: PlaceIndex | None = None, roles: RoleIndex | None = None,
                     model: ValueModel | None = None,
                     deaths: DeathDenials | None = None) -> Iterator[dict]:
    """Conflicts among the facts of one entity: a denied event first, then attribute
    by attribute (denial before value), spellings last.

    >>> list(entity_conflicts([]))
    []
    """
    if not facts:
        return
    model = model or value_model()
    wanted = set(kinds) if kinds is not None else set(KINDS)
    for conflict in _entity_conflicts(facts, attribute, places, roles, model, deaths):
        if conflict.kind in wanted and _SEVERITY_RANK[conflict.severity] >= _SEVERITY_RANK[min_severity] \
                and not one_document(conflict):
            yield conflict.to_json()


def one_document(conflict: Conflict) -> bool:
    """Every side of the conflict comes from one document and no two sides are told by
    different speakers in it (a headline's 'dozens missing' against its body's '31
    missing, officials said'): one source repeating itself, or summing itself up, is
    not a disagreement between sources (DESIGN section 3). Two named speakers of one
    document ('police said 5, the hospital 7') do disagree, and so does a speaker who
    denies what the document affirms ('X was killed ... the group denied it')."""
    docs = {source.doc for value in conflict.values for source in value.sources}
    if len(docs) != 1:
        return False
    speakers = [{s.said_by if conflict.kind == "denial" else s.said_by or "" for s in value.sources} - {""}
                for value in conflict.values]
    distinct = [sides for sides in speakers if sides]
    return not any(a.isdisjoint(b) for i, a in enumerate(distinct) for b in distinct[i + 1:]) \
        or len(distinct) < 2


def _entity_conflicts(facts: list[dict], attribute: str | None, places: PlaceIndex | None,
                      roles: RoleIndex | None, model: ValueModel,
                      deaths: DeathDenials | None = None) -> Iterator[Conflict]:
    head = facts[0]
    by_attribute: dict[str, list[dict]] = {}
    for fact in facts:
        attr = fact.get("attribute")
        if attr and attr not in _NOT_COMPARED:
            by_attribute.setdefault(attr, []).append(fact)
    # a title its own sentence calls mistaken or superseded ("was initially identified as
    # the leader of X") is not given by that document: it disputes those who give it
    called_wrong = [f for f in by_attribute.get("title", ()) if f.get("polarity") != "denied"
                    and model.called_wrong(f.get("quote"), f.get("value_text"))]
    titles = by_attribute.get("title", [])  # another holder named is read from all of them
    if called_wrong:
        ids = {id(f) for f in called_wrong}
        by_attribute["title"] = [f for f in titles if id(f) not in ids]
    # dates no source can mean take part in nothing; a conflict shows them set aside
    aside: dict[str, list[dict]] = {}
    for attr, group in by_attribute.items():
        found = _implausible(group, attr, model)
        if found:
            ids = {id(f) for f in found}
            aside[attr] = found
            by_attribute[attr] = [f for f in group if id(f) not in ids]
        # forecasts and earlier figures a document cites are no claims of it (asked only
        # where they could matter: values that differ, or a denial to match)
        kept = by_attribute[attr]
        if len({str(f.get("value")) for f in kept}) < 2 and all(f.get("polarity") != "denied" for f in kept):
            continue
        unclaimed = {id(f) for f in _not_claimed(kept, attr, model)}
        if unclaimed:
            by_attribute[attr] = [f for f in by_attribute[attr] if id(f) not in unclaimed]

    def record(attr: str, kind: str, severity: str, values: list[ConflictValue],
               reason: str | None = None) -> Conflict:
        set_aside = None
        if kind == "value" and attr in aside:
            cmp = _Comparer(model, attr, places)
            set_aside = tuple(g.to_value() for g in _order(cmp.cluster(aside[attr])))
        return Conflict(head.get("entity") or "", head.get("entity_id") or "",
                        head.get("entity_type"), attr, kind, severity, tuple(values), reason,
                        set_aside=set_aside)

    # a denied event: one denial, and the deniers stay out of its value conflicts
    silenced: dict[str, set[SourceKey]] = {}
    for event in sorted({model.events[a] for a in by_attribute if a in model.events}):
        family = [a for a in by_attribute if model.events.get(a) == event]
        if attribute is not None and attribute != event and attribute not in family:
            continue
        conflict, deniers = _event_denial(event, [f for a in family for f in by_attribute[a]],
                                          model, places)
        if conflict is not None:
            yield conflict
        for attr in family:
            silenced[attr] = deniers

    spelled: Conflict | None = None
    found: list[Conflict] = []
    for attr in sorted(by_attribute):
        if attribute is not None and attr != attribute:
            continue
        group = by_attribute[attr]
        cmp = _Comparer(model, attr, places)
        affirmed = [f for f in group if f.get("polarity") != "denied" and f.get("value") is not None]
        if attr in model.events:  # the event's denial speaks for these
            affirmed = [f for f in affirmed
                        if _source_key(f, model) not in silenced.get(attr, set())]
        else:
            denials, _ = _deniers(affirmed, [f for f in group if f.get("polarity") == "denied"], model)
            if deaths is not None and head.get("entity_type") == "EVENT":
                # the killing's place or date denied with the death itself: the death's
                # denial (on the person) says it; a denied count is a claim of its own
                denials = [f for f in denials if f.get("value_type") == "quantity"
                           or not deaths.covers(f, model)]
            deliberate = _deliberate_causes(by_attribute, model) if attr in model.generic else []
            for denied in _one_claim_each(attr, denials):  # one disagreement, one conflict
                if denied and (affirmed or deliberate):
                    denial = _denial_conflict(affirmed, denied, cmp, deliberate)
                    if denial:
                        found.append(record(attr, "denial", *denial))
        if attr == "name":
            values = _spelling_conflict(affirmed, head.get("entity_type") or "", model)
            if values:
                spelled = record(attr, "spelling", SOFT, values)
            continue
        found_value = _value_conflict(affirmed, cmp)
        if found_value:
            severity, values, reason = found_value
            found.append(record(attr, "value", severity, values, reason))
        if attr == "title":
            holders = list(_holder_conflicts(titles, model, roles)) if roles is not None else []
            # "initially identified as the emir ..., however Y is now the leader": where the
            # document names the one now holding the role, that holder is the conflict shown;
            # elsewhere the title called wrong stands against those who give it
            told = {s.doc for c in holders for v in c.values[1:] for s in v.sources}
            wrong = [f for f in called_wrong if f["doc"] not in told]
            if wrong and roles is not None:
                ids = {id(f) for f in wrong}
                holders = list(_holder_conflicts([f for f in titles if id(f) not in ids], model, roles))
            found.extend(holders)
            mistaken = _mistaken_title(affirmed, wrong, cmp) if wrong else None
            if mistaken:
                found.append(record(attr, "value", SOFT, mistaken, MISTAKEN))
    yield from fold_times(found, model)
    if spelled is not None:
        yield spelled


def _mistaken_title(affirmed: list[dict], called_wrong: list[dict],
                    cmp: _Comparer) -> list[ConflictValue] | None:
    """Titles other sources give as current against the same role of the same
    organisation a source calls mistaken or superseded ("initially identified as the
    emir of X"): the given titles first, then the ones called wrong."""
    given = cmp.cluster(affirmed, absorb=False)
    wrong = cmp.cluster(called_wrong, absorb=False)
    involved_a: dict[int, _Group] = {}
    involved_w: dict[int, _Group] = {}
    for i, w in enumerate(wrong):
        for j, a in enumerate(given):
            if cmp.model.compare_titles(str(a.value), str(w.value)) == SAME and cmp.independent(w, a):
                involved_w[i], involved_a[j] = w, a
    if not involved_w:
        return None
    return [g.to_value() for g in _order(involved_a.values())] + \
        [g.to_value() for g in _order(involved_w.values())]


def fold_times(conflicts: list[Conflict], model: ValueModel) -> list[Conflict]:
    """One disagreement, one conflict: a clock-time conflict whose sides are the sides of
    the day's conflict on the same entity (each side's documents within one side of the
    day's, two sides at least on different days) is folded into the day's conflict: its
    severity the stronger of the two, reason ``time``, the times in its `context`.
    Conflicts in the order given; a time conflict of other sources stays its own."""
    days = {c.attribute: i for i, c in enumerate(conflicts) if c.kind == "value"}
    out: list[Conflict | None] = list(conflicts)
    for i, clock in enumerate(conflicts):
        day = days.get(model.day_of.get(clock.attribute, "")) if clock.kind == "value" else None
        if day is None or out[day] is None:
            continue
        target = out[day]
        sides = [{s.doc for s in v.sources} for v in target.values]
        mapped = []
        for value in clock.values:
            docs = {s.doc for s in value.sources}
            within = [j for j, side in enumerate(sides) if docs <= side]
            if len(within) != 1:
                break
            mapped.append(within[0])
        else:
            if len(set(mapped)) >= 2:
                context = dict(target.context or {})
                context[clock.attribute] = [v.value for v in clock.values]
                out[day] = Conflict(target.entity, target.entity_id, target.entity_type,
                                    target.attribute, target.kind,
                                    strongest(target.severity, clock.severity), target.values,
                                    target.reason or "time", context, target.set_aside)
                out[i] = None
    return [c for c in out if c is not None]


def parse_kinds(text: str | None) -> tuple[str, ...] | None:
    """``"value,denial"`` → ``("value", "denial")``; None (every kind) for None.

    >>> parse_kinds("value, spelling"), parse_kinds(None)
    (('value', 'spelling'), None)
    """
    if text is None:
        return None
    kinds = tuple(dict.fromkeys(k.strip().lower() for k in text.split(",") if k.strip()))
    unknown = [k for k in kinds if k not in KINDS]
    if unknown or not kinds:
        raise ValueError(f"unknown conflict kind {unknown[0] if unknown else text!r}: "
                         f"use one or more of {','.join(KINDS)}")
    return kinds


def find_conflicts(facts: Iterable[dict], *, min_severity: str = SOFT,
                   attribute: str | None = None, kinds: Iterable[str] | None = None,
                   places: PlaceIndex | None = None, roles: RoleIndex | None = None,
                   rules: RuleSet | None = None,
                   deaths: DeathDenials | None = None) -> Iterator[dict]:
    """`factx.conflict/1` records for facts grouped by `entity_id`, streamed.

    Entities come out in the order their facts come in (`rank_conflicts` orders them
    for the report). `min_severity="hard"` keeps hard conflicts whole and drops the
    rest (spellings are always soft); `kinds` keeps conflicts of those kinds.
    `places` knows which place lies in which (`PlaceIndex.from_facts` over the
    `located_in` facts, or a lazy lookup into the store); `roles` who holds which
    role (`RoleIndex`); `rules` the rule set (a user's `--rules` on top of the shipped
    ones) for names, roles and cardinality; `deaths` where deaths are denied
    (`DeathDenials`), so that an event's place or date denied with a death is that
    death's one denial.

    >>> facts = [dict(entity="E", entity_id="e1", entity_type="PERSON", attribute="age",
    ...               value=v, value_type="quantity", value_text=str(v), polarity="affirmed",
    ...               modality="asserted", said_by=None, doc=d, line=1, quote="", id=d)
    ...          for v, d in ((40, "a.txt"), (52, "b.txt"))]
    >>> [(c["kind"], c["severity"]) for c in find_conflicts(facts)]
    [('value', 'hard')]
    """
    if min_severity not in SEVERITIES:
        raise ValueError(f"min_severity must be one of {', '.join(SEVERITIES)}, "
                         f"not {min_severity!r}")
    if kinds is not None:
        kinds = tuple(kinds)
        unknown = [k for k in kinds if k not in KINDS]
        if unknown:
            raise ValueError(f"unknown conflict kind {unknown[0]!r} (known: {', '.join(KINDS)})")
    model = value_model(rules)
    if places is None:
        places = PlaceIndex(model=model)
    seen: set[str] = set()
    for entity_id, group in groupby(facts, key=itemgetter("entity_id")):
        if entity_id in seen:
            raise FactOrderError(
                f"facts of entity {entity_id!r} arrived in two separate runs",
                hint="pass facts grouped by entity_id (ORDER BY entity_id), "
                     "or sort them with factx.conflicts.sort_facts")
        seen.add(entity_id)
        facts_of = list(group)
        if entity_id:
            parts = [facts_of]
        else:  # unresolved facts share no id: never compare two different names
            by_name: dict[str, list[dict]] = {}
            for fact in facts_of:
                by_name.setdefault(fact.get("entity") or "", []).append(fact)
            parts = list(by_name.values())
        for part in parts:
            yield from entity_conflicts(part, min_severity=min_severity, attribute=attribute,
                                        kinds=kinds, places=places, roles=roles, model=model,
                                        deaths=deaths)


def store_conflicts(store: Any, *, entity_ids: Iterable[str] | None = None,
                    attribute: str | None = None, kinds: Iterable[str] | None = None,
                    min_severity: str = SOFT, rules: RuleSet | None = None,
                    ranked: bool | None = None) -> Iterator[dict]:
    """The conflicts of a `factx.store.Store` (of some entities, or all of them,
    ranked for the report), with containment and role holders asked of the store."""
    model = value_model(rules)
    parents: dict[str, list[str]] | None = None

    def place_parents(name: str) -> list[str]:  # every place's parents in one query, when first asked
        nonlocal parents
        if parents is None:
            parents = store.all_place_parents()
        return parents.get(name, [])

    if entity_ids is not None and store.indexed("entities_canonical"):
        place_parents = store.place_parents  # noqa: F811  (a few entities: a few places, each by its index)

    found = find_conflicts(
        store.facts(entity_ids=entity_ids, order_by_entity=True), min_severity=min_severity,
        attribute=attribute, kinds=kinds, rules=rules,
        places=PlaceIndex(lookup=place_parents, model=model),
        roles=RoleIndex.from_store(store) if entity_ids is not None else RoleIndex.whole_store(store, model),
        deaths=DeathDenials.from_store(store))
    if entity_ids is None if ranked is None else ranked:
        return split_people_once(rank_conflicts(found), model=model)
    return found


def facts_conflicts(facts: list[dict], *, entity_ids: Iterable[str] | None = None,
                    attribute: str | None = None, kinds: Iterable[str] | None = None,
                    min_severity: str = SOFT, rules: RuleSet | None = None,
                    ranked: bool | None = None) -> Iterator[dict]:
    """The conflicts of fact records held in memory (a JSONL file): containment and
    role holders come from every fact, before the entity filter."""
    model = value_model(rules)
    places = PlaceIndex.from_facts(facts, model=model)
    roles = RoleIndex.from_facts(facts)
    deaths = DeathDenials.from_facts(facts)
    if entity_ids is not None:
        ids = set(entity_ids)
        facts = [f for f in facts if f.get("entity_id") in ids]
    found = find_conflicts(sort_facts(facts), min_severity=min_severity, attribute=attribute,
                           kinds=kinds, places=places, roles=roles, rules=rules, deaths=deaths)
    if entity_ids is None if ranked is None else ranked:
        return split_people_once(rank_conflicts(found), model=model)
    return found


def split_people_once(ranked: Iterable[dict], *, model: ValueModel | None = None) -> Iterator[dict]:
    """Ranked conflicts without the repeats a person split over several entities makes
    ("Talant Jumabaev" / "Talant Jumabayev" / a lone "Jumabaev", left unmerged by
    the resolver): a value or denial conflict of a person is left out when a person
    ranked before it, whose name may be the same person's (`ValueModel.compare_names`:
    one name within the other, or spelling variants; never two given names), has a
    conflict of the same kind on the same attribute, about a value they share (any,
    for a denial). One disagreement is one conflict; the person ranked first (more
    documents) keeps it, and the other entity's facts stay in the store.

    >>> recs = [{"entity": n, "entity_id": n, "entity_type": "PERSON", "kind": "denial",
    ...          "attribute": "death", "values": []} for n in ("Ana Diaz", "Diaz")]
    >>> [c["entity"] for c in split_people_once(recs)]
    ['Ana Diaz']
    """
    model = model or value_model()
    # kept conflicts by (attribute, kind, the phonetic key of one of the person's name
    # words): two names that may be one person share a word up to transliteration
    kept: dict[tuple[str, str, str], list[tuple[str, str, frozenset[str]]]] = {}
    for conflict in ranked:
        name, entity_id = conflict.get("entity") or "", conflict.get("entity_id") or ""
        blocks = {_names._block_key(_names._translit(t, model.nr), model.nr)  # as `token_cost`
                  for t in model.name_key(name, "PERSON")}
        if conflict.get("entity_type") != "PERSON" or conflict.get("kind") not in ("value", "denial") \
                or not blocks:
            yield conflict
            continue
        values = frozenset(fold(str(v.get("value"))) for v in conflict.get("values") or ()
                           if v.get("value") is not None)
        slots = [kept.setdefault((conflict["attribute"], conflict["kind"], b), []) for b in sorted(blocks)]
        if any(other_id != entity_id and (conflict["kind"] == "denial" or values & other_values)
               and model.compare_names(name, other, "PERSON") != HARD
               for slot in slots for other, other_id, other_values in slot):
            continue
        for slot in slots:
            slot.append((name, entity_id, values))
        yield conflict


# -------------------------------------------------------------------------- ordering

def sources_involved(conflicts: Iterable[dict]) -> tuple[int, int]:
    """(distinct documents, distinct documents-and-speakers) among conflicts' sources."""
    docs: set[str] = set()
    voices: set[tuple[str, str | None]] = set()
    for conflict in conflicts:
        for value in conflict["values"]:
            for source in value["sources"]:
                docs.add(source["doc"])
                said_by = source.get("said_by")
                voices.add((source["doc"], _names.fold(said_by) if said_by else None))
    return len(docs), len(voices)


def rank_conflicts(conflicts: Iterable[dict], *, in_memory: int = 5000) -> Iterator[dict]:
    """Conflicts with whole entities ordered for the report: entities with a
    disagreement before those with spellings only, then by the number of documents
    involved, then documents-and-speakers, then entity name; each entity's
    conflicts keep their order. Up to `in_memory` conflicts are held as they are;
    past that, entity blocks go to a temporary file as JSON lines and only their
    sort keys stay in memory, so a full report of a large store keeps memory flat.

    >>> recs = [{"entity": n, "entity_id": n, "kind": "value",
    ...          "values": [{"sources": [{"doc": d} for d in ds]}]}
    ...         for n, ds in (("A", ["1"]), ("B", ["1", "2"]))]
    >>> [c["entity"] for c in rank_conflicts(recs)]
    ['B', 'A']
    >>> [c["entity"] for c in rank_conflicts(recs, in_memory=0)]
    ['B', 'A']
    """
    keys: list[tuple] = []
    held: dict[int, list[dict]] = {}
    spill = None
    count = 0
    try:
        for _, block_iter in groupby(conflicts, key=itemgetter("entity_id")):
            block = list(block_iter)
            docs, voices = sources_involved(block)
            spelling_only = all(c.get("kind") == "spelling" for c in block)
            key = (spelling_only, -docs, -voices, _names.fold(block[0]["entity"]),
                   block[0]["entity_id"], len(keys))
            count += len(block)
            if count > in_memory and spill is None:
                spill = tempfile.TemporaryFile()
                for index, kept in held.items():  # move what was held to the file too
                    keys[index] = keys[index][:-1] + (_spill(spill, kept),)
                held.clear()
            if spill is None:
                held[len(keys)] = block
                keys.append(key + (None,))
            else:
                keys.append(key + (_spill(spill, block),))
        for key in sorted(keys, key=lambda k: k[:-1]):
            if key[-1] is None:
                yield from held.pop(key[-2])
            else:
                offset, length = key[-1]
                spill.seek(offset)  # type: ignore[union-attr]
                yield from json.loads(spill.read(length))  # type: ignore[union-attr]
    finally:
        if spill is not None:
            spill.close()


def _spill(spill: Any, block: list[dict]) -> tuple[int, int]:
    spill.seek(0, 2)
    data = json.dumps(block, ensure_ascii=False).encode("utf-8")
    offset = spill.tell()
    spill.write(data)
    return offset, len(data)


def sort_facts(facts: Iterable[dict]) -> list[dict]:
    """Facts grouped as `find_conflicts` needs them, for input held in memory (JSONL).

    >>> [f["entity_id"] for f in sort_facts([{"entity_id": "b"}, {"entity_id": "a"}])]
    ['a', 'b']
    """
    return sorted(facts, key=lambda f: (f["entity_id"], f.get("attribute") or "",
                                        f.get("doc") or "", f.get("line") or 0,
                                        f.get("start") or 0))
