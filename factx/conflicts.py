"""Where sources disagree: `factx.conflict/1` records from `factx.fact/1` records.

    >>> from factx.conflicts import find_conflicts
    >>> for conflict in find_conflicts(store.facts(order="conflicts")):  # doctest: +SKIP
    ...     print(conflict["entity"], conflict["attribute"], conflict["kind"])

Facts are read one entity at a time (they must arrive grouped by `entity_id`: the
store's ``ORDER BY entity_id, attribute, doc, line``), so a million facts never sit in
memory at once; `rank_conflicts` then orders whole entities by the number of sources
involved, holding only the conflicts. Within an
entity, facts are grouped by attribute and their values by `factx.values.compare`:

- values that compare ``same`` are one value with several sources;
- two values that compare ``soft`` or ``hard`` make a ``value`` conflict of that
  severity (the strongest pair decides); ``compatible`` values (one contains the
  other: 2019 and 2019-09-23) are no conflict and are left out of the record;
- a fact with polarity ``denied`` against an affirmed fact with a matching value (or
  any value when the denial's value is null: "X denied the assertion") is a
  ``denial`` conflict, ``hard`` when it denies that very value or the claim as a
  whole, ``soft`` when the values only overlap;
- `name` facts give ``spelling`` conflicts (always ``soft``): a name token spelled
  two ways across documents (Yusuf / Yousuf, Haqani / Haqqani). Case, accents,
  apostrophes, possessives, honorifics and particles (al-, bin) are folded away
  first, and a name that is part of another ("Mr. X" in "Y X") agrees with it.
  Tokens that appear together in one mention are never variants of each other.

A disagreement needs two sources: two documents, or two different `said_by` in one
document (an agency, and the group that denies what it says; a null `said_by` is the
document's own voice). One source repeating itself is never a conflict.
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter
from typing import Any, Iterable, Iterator

from factx.errors import FactxError
from factx.records import Conflict, ConflictValue, Source  # the conflict record
from factx.values import (COMPATIBLE, HARD, MULTI_VALUED, SAME, SOFT, PlaceIndex, compare,
                          fold, name_tokens, spelling_variants, value_key)

SEVERITIES = (SOFT, HARD)
KINDS = ("denial", "value", "spelling")
_SEVERITY_RANK = {SOFT: 0, HARD: 1}

#: attributes that are about something else than a disagreement between sources
_NOT_COMPARED = frozenset({"located_in"})


class FactOrderError(FactxError):
    """Facts reached `find_conflicts` out of entity order (a bug in the caller)."""


# -------------------------------------------------------------------- value groups

def _source_key(fact: dict) -> tuple[str, str | None]:
    said_by = fact.get("said_by")
    return (fact.get("doc") or "", fold(said_by) if said_by else None)


@dataclass
class _Group:
    """Facts whose values agree: one value of a conflict."""

    facts: list[dict] = field(default_factory=list)
    value_type: str = "text"

    @property
    def value(self) -> Any:
        # the value most facts give, the first of them on a tie
        counts = Counter(repr(f["value"]) for f in self.facts)
        best = max(counts.values())
        return next(f["value"] for f in self.facts if counts[repr(f["value"])] == best)

    def sources(self) -> set[tuple[str, str | None]]:
        return {_source_key(f) for f in self.facts}

    def docs(self) -> set[str]:
        return {f.get("doc") or "" for f in self.facts}

    def first(self) -> tuple:
        return min((f.get("doc") or "", f.get("line") or 0) for f in self.facts)

    def to_value(self, value: Any = None, *, use_value: bool = False) -> ConflictValue:
        facts = sorted(self.facts, key=lambda f: (f.get("doc") or "", f.get("line") or 0,
                                                  f.get("start") or 0))
        texts: dict[str, None] = {}
        for f in facts:
            text = f.get("value_text") or f.get("mention")
            if text:
                texts.setdefault(text, None)
        sources = tuple(Source(f.get("doc") or "", f.get("line") or 0, f.get("quote") or "",
                               f.get("said_by"), f.get("polarity") or "affirmed",
                               f.get("modality") or "asserted", f.get("id") or "")
                        for f in facts)
        return ConflictValue(value if use_value else self.value, tuple(texts), sources)


def _independent(a: _Group, b: _Group) -> bool:
    """Two values are held by different sources, not by one source twice."""
    return len(a.sources() | b.sources()) >= 2


def _order(groups: Iterable[_Group]) -> list[_Group]:
    return sorted(groups, key=lambda g: (-len(g.docs()), g.first()))


def _cluster(facts: list[dict], attribute: str, places: PlaceIndex | None) -> list[_Group]:
    """Facts grouped so that each group's values compare ``same``."""
    by_key: dict[Any, _Group] = {}
    for fact in facts:
        vt = fact.get("value_type") or "text"
        key = (vt, value_key(vt, fact["value"], attribute=attribute))
        group = by_key.get(key)
        if group is None:
            group = by_key[key] = _Group(value_type=vt)
        group.facts.append(fact)
    merged: list[_Group] = []
    for group in by_key.values():  # few distinct keys per attribute: pairwise is cheap
        for other in merged:
            if _relation(other, group, attribute, places) == SAME:
                other.facts.extend(group.facts)
                break
        else:
            merged.append(group)
    return merged


def _relation(a: _Group, b: _Group, attribute: str | None,
              places: PlaceIndex | None) -> str:
    vt = a.value_type if a.value_type == b.value_type else "text"
    return compare(vt, a.facts[0]["value"], b.facts[0]["value"], attribute=attribute,
                   places=places)


def _at_least(severity: str, minimum: str) -> bool:
    return _SEVERITY_RANK[severity] >= _SEVERITY_RANK[minimum]


# ------------------------------------------------------------------------- conflicts

def _value_conflict(facts: list[dict], attribute: str, places: PlaceIndex | None,
                    min_severity: str) -> tuple[str, list[ConflictValue]] | None:
    groups = _cluster(facts, attribute, places)
    if len(groups) < 2:
        return None
    involved: dict[int, _Group] = {}
    severity = None
    for i, a in enumerate(groups):
        for j in range(i + 1, len(groups)):
            b = groups[j]
            relation = _relation(a, b, attribute, places)
            if relation in (SOFT, HARD) and _at_least(relation, min_severity) \
                    and _independent(a, b):
                involved[i], involved[j] = a, b
                severity = HARD if HARD in (relation, severity) else SOFT
    if severity is None:
        return None
    return severity, [g.to_value() for g in _order(involved.values())]


def _denial_conflict(affirmed: list[dict], denied: list[dict], attribute: str,
                     places: PlaceIndex | None,
                     min_severity: str) -> tuple[str, list[ConflictValue]] | None:
    # a denial matches values, not the many values a multi-valued attribute may hold
    match_attribute = None if attribute in MULTI_VALUED else attribute
    groups = _cluster(affirmed, attribute, places)
    denials = _cluster(denied, attribute, places)
    involved_a: dict[int, _Group] = {}
    involved_d: dict[int, _Group] = {}
    severity = None
    for i, d in enumerate(denials):
        for j, a in enumerate(groups):
            if d.facts[0]["value"] is None:
                relation = SAME  # "denied the assertion": the claim as a whole
            else:
                relation = _relation(d, a, match_attribute, places)
                if relation not in (SAME, COMPATIBLE, SOFT):
                    continue  # denying another value than the one affirmed agrees with it
            found = HARD if relation == SAME else SOFT
            if _at_least(found, min_severity) and _independent(d, a):
                involved_d[i], involved_a[j] = d, a
                severity = HARD if HARD in (found, severity) else SOFT
    if severity is None:
        return None
    values = [g.to_value() for g in _order(involved_a.values())]
    values += [g.to_value() for g in _order(involved_d.values())]
    return severity, values


def _spelling_conflict(facts: list[dict], min_severity: str) -> list[ConflictValue] | None:
    """Spelling classes of an entity's names that differ in some name token."""
    if not _at_least(SOFT, min_severity):
        return None
    spellings = [(f, name_tokens(_spelling(f))) for f in facts if _spelling(f)]
    counts: Counter[str] = Counter(t for _, tokens in spellings for t in set(tokens))
    together = {frozenset((x, y)) for _, tokens in spellings
                for x in tokens for y in tokens if x != y}
    # union-find over tokens spelled alike that never share a mention
    root = {t: t for t in counts}

    def find(t: str) -> str:
        while root[t] != t:
            root[t] = root[root[t]]
            t = root[t]
        return t

    tokens = sorted(counts, key=lambda t: (-counts[t], t))
    for i, x in enumerate(tokens):
        for y in tokens[i + 1:]:
            if frozenset((x, y)) not in together and spelling_variants(x, y):
                rx, ry = find(x), find(y)
                if rx != ry:
                    root[ry] = rx
    members: dict[str, set[str]] = {}
    for t in tokens:
        members.setdefault(find(t), set()).add(t)
    varied = {t for group in members.values() if len(group) > 1 for t in group}
    if not varied:
        return None
    classes: dict[tuple, _Group] = {}
    for fact, name in spellings:
        signature = tuple(sorted((find(t), t) for t in set(name) if t in varied))
        if signature:
            classes.setdefault(signature, _Group(value_type="name")).facts.append(fact)
    involved: dict[tuple, _Group] = {}
    signatures = list(classes)
    for i, sa in enumerate(signatures):
        for sb in signatures[i + 1:]:
            da, db = dict(sa), dict(sb)
            if any(da[c] != db[c] for c in da.keys() & db.keys()) \
                    and _independent(classes[sa], classes[sb]):
                involved[sa], involved[sb] = classes[sa], classes[sb]
    if not involved:
        return None
    return [g.to_value(_fullest_spelling(g), use_value=True)
            for g in _order(involved.values())]


def _spelling(fact: dict) -> str:
    value = fact.get("value")
    return value if isinstance(value, str) and value else (fact.get("value_text") or
                                                           fact.get("mention") or "")


def _fullest_spelling(group: _Group) -> str:
    """The spelling with most name tokens; on a tie the entity's canonical name, then
    the most frequent one."""
    counts = Counter(_spelling(f) for f in group.facts)
    canonical = group.facts[0].get("entity")
    return max(counts, key=lambda s: (len(name_tokens(s)), s == canonical, counts[s], -len(s)))


def entity_conflicts(facts: list[dict], *, min_severity: str = SOFT,
                     attribute: str | None = None,
                     places: PlaceIndex | None = None) -> Iterator[dict]:
    """Conflicts among the facts of one entity, attribute by attribute.

    >>> list(entity_conflicts([]))
    []
    """
    if not facts:
        return
    head = facts[0]
    by_attribute: dict[str, list[dict]] = {}
    for fact in facts:
        attr = fact.get("attribute")
        if attr and (attribute is None or attr == attribute) and attr not in _NOT_COMPARED:
            by_attribute.setdefault(attr, []).append(fact)

    def record(attr: str, kind: str, severity: str, values: list[ConflictValue]) -> dict:
        return Conflict(head.get("entity") or "", head.get("entity_id") or "",
                        head.get("entity_type"), attr, kind, severity,
                        tuple(values)).to_json()

    for attr in sorted(by_attribute):
        group = by_attribute[attr]
        affirmed = [f for f in group if f.get("polarity") != "denied" and f.get("value") is not None]
        denied = [f for f in group if f.get("polarity") == "denied"]
        if denied and affirmed:
            found = _denial_conflict(affirmed, denied, attr, places, min_severity)
            if found:
                yield record(attr, "denial", *found)
        if attr == "name":
            spelled = _spelling_conflict(affirmed, min_severity)
            if spelled:
                yield record(attr, "spelling", SOFT, spelled)
            continue
        found = _value_conflict(affirmed, attr, places, min_severity)
        if found:
            yield record(attr, "value", *found)


def find_conflicts(facts: Iterable[dict], *, min_severity: str = SOFT,
                   attribute: str | None = None,
                   places: PlaceIndex | None = None) -> Iterator[dict]:
    """`factx.conflict/1` records for facts grouped by `entity_id`, streamed.

    Entities come out in the order their facts come in (`rank_conflicts` orders them
    for the report); within an entity, by attribute, denial before value.
    `min_severity="hard"` keeps hard conflicts and drops spellings (always soft).
    `places` knows which place lies in which (`PlaceIndex.from_facts` over the
    `located_in` facts, or a lazy lookup into the store).

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
            yield from entity_conflicts(part, min_severity=min_severity,
                                        attribute=attribute, places=places)


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
                voices.add((source["doc"], fold(said_by) if said_by else None))
    return len(docs), len(voices)


def rank_conflicts(conflicts: Iterable[dict], *, in_memory: int = 5000) -> Iterator[dict]:
    """Conflicts with whole entities ordered by the number of sources involved.

    Most documents first, then most documents-and-speakers, then entity name; each
    entity's conflicts keep their order. Up to `in_memory` conflicts are held as they
    are; past that, entity blocks go to a temporary file as JSON lines and only their
    sort keys stay in memory, so a full report of a large store keeps memory flat.

    >>> recs = [{"entity": n, "entity_id": n, "values": [{"sources": [{"doc": d} for d in ds]}]}
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
            key = (-docs, -voices, fold(block[0]["entity"]), block[0]["entity_id"], len(keys))
            count += len(block)
            if count > in_memory and spill is None:
                spill = tempfile.TemporaryFile()
                for index, kept in held.items():  # move what was held to the file too
                    keys[index] = keys[index][:5] + (_spill(spill, kept),)
                held.clear()
            if spill is None:
                held[len(keys)] = block
                keys.append(key + (None,))
            else:
                keys.append(key + (_spill(spill, block),))
        for key in sorted(keys):
            if key[5] is None:
                yield from held.pop(key[4])
            else:
                offset, length = key[5]
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
