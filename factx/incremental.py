"""Entity resolution after a run: re-resolve only the names the run's documents touched.

`resolve()` is a function of every distinct name of the store. Its rules only ever
look at two names together when they share a *key*:

- `B` the blocking key of rule 2 (type group, acronym or not, phonetic key of every
  core token): names compared pairwise inside a block;
- `F`/`L` the phonetic key of a person's first / last word: a lone word (`q`, the
  querying side) joins the one person it is the surname of, and not when it is
  someone's given name; the longer names (`o`, the offering side) are its candidates;
- `P` a person's first and last key: a two-word name (`q`) joins the one longer
  name (`o`) it begins and ends;
- `A` an acronym (`q`) joins the one multi-word name (`o`) of its type group whose
  initials it is (the `detail` column holds the initials and the pattern, so only
  pairs that match are linked);
- `R` a user's alias rule: its names merge outright;
- names with one fold are one node.

Link two nodes that share a key (same key; for `q`/`o` keys a querying node with an
offering one) and the name graph falls apart into connected components; resolve()
of the whole store is the union of resolve() of its components, since no rule ever
compares across them and nodes keep their relative order. A run changes the stats of
some names (the store's triggers list every name whose facts were added or deleted in
`resolve_pending`); only the components that hold such a name, before the run or after
it, can resolve differently. They are found by walking the keys outward from those
names (the stored keys of the last resolution and the keys they have now), resolved
together, and their rows replaced; every other name keeps its entity.

`KEY_SCHEME` names this list: a resolver rule that compares names through something
else must add its key here (and bump the scheme), or the results drift from a full
resolve. `tests/test_incremental.py` checks, on many stores built document by
document, that they never do.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Iterable, Iterator

from factx.names import NameRules, block_key, fold as names_fold, name_rules, type_group
from factx.resolve import NameStat, _build_nodes, _Node, fold, resolve
from factx.rules import RuleSet, load_rules

#: Bump when `node_keys` changes: stored keys of another scheme mean a full resolve.
KEY_SCHEME = "1"

#: Above this share of changed names against the names already resolved, a full
#: resolve is cheaper than walking the keys.
FULL_SHARE = 0.25

#: Which stored roles a node's key reaches: a querying key the offering nodes, an
#: offering key the querying ones, a shared key all that share it. (Two querying
#: nodes never decide anything together: each joins or not by its own candidates.)
_PARTNERS = {"s": ("s",), "q": ("o",), "o": ("q",)}


@dataclass(frozen=True)
class Resolution:
    """What one resolution did: `mode` is 'none', 'full' or 'incremental'."""

    mode: str
    changed_names: int = 0
    resolved_names: int = 0
    total_names: int = 0


def node_of(name: str, nr: NameRules) -> str:
    """A name's node: resolve() puts names with one fold into one node."""
    return names_fold(name, nr=nr) or name.strip().lower()


def node_keys(node: _Node, nr: NameRules, alias_folds: list[set[str]]) -> list[tuple[str, str, str | None]]:
    """(key, role, detail) of every way resolve() may compare this node with another."""
    group = type_group(node.entity_type)
    tokens = node.tokens
    keys: list[tuple[str, str, str | None]] = [
        (f"B|{group}|{int(node.acronym)}|{' '.join(block_key(t, nr) for t in tokens)}", "s", None)]
    if node.entity_type == "PERSON" and not node.acronym:
        if len(tokens) >= 2:
            first, last = block_key(tokens[0], nr), block_key(tokens[-1], nr)
            keys += [(f"F|{first}", "o", None), (f"L|{last}", "o", None)]
            if not node.generation:
                keys.append((f"P|{first}|{last}", "o" if len(tokens) > 2 else "q", None))
        elif len(tokens) == 1 and not node.generation:
            key = block_key(tokens[0], nr)
            keys += [(f"F|{key}", "q", None), (f"L|{key}", "q", None)]
    if node.acronym:
        keys.append((f"A|{group}|{tokens[0][:1]}", "q", tokens[0].upper()))
    else:
        parts = node.key.split()
        if len(parts) >= 2:
            from factx.names import initialism_pattern

            spelling = max(node.spellings, key=node.spellings.__getitem__)
            pattern = initialism_pattern(spelling, nr)
            if pattern is not None:
                for letter in sorted({parts[0][:1], parts[1][:1]}):
                    keys.append((f"A|{group}|{letter}", "o", pattern.pattern))
    for r, folds in enumerate(alias_folds):
        if node.key in folds:
            keys.append((f"R|{r}", "s", None))
    return keys


def _linked(key: str, role: str, detail: str | None, other_detail: str | None) -> bool:
    """Whether two nodes sharing `key` are compared at all (acronym keys: the initials
    of the querying node match the offering node's pattern)."""
    if not key.startswith("A|") or detail is None or other_detail is None:
        return True
    acronym, pattern = (detail, other_detail) if role == "q" else (other_detail, detail)
    return re.fullmatch(pattern, acronym) is not None


def _alias_folds(rules: RuleSet) -> list[set[str]]:
    return [{names_fold(n) for n in rule["names"]} for rule in rules.get("aliases")]


def _chunks(items: list, size: int = 500) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _state(rules: RuleSet) -> str:
    return f"{KEY_SCHEME}|{rules.version}"


def update_entities(store, *, rules: RuleSet | None = None, full: bool = False) -> Resolution:
    """Bring the store's entities up to date with its facts, inside the caller's transaction.

    Re-resolves only the names whose facts changed since the last resolution and
    the names they can be compared with (see the module docstring); the result is
    the same as `resolve()` over every name of the store. `full=True` resolves all.
    """
    conn = store.conn
    rules = rules if rules is not None else load_rules()
    state = _state(rules)
    row = conn.execute("SELECT value FROM meta WHERE key = 'resolve_state'").fetchone()
    pending = [name for (name,) in conn.execute("SELECT name FROM resolve_pending")]
    if not full and row is not None and row[0] == state and not pending:
        return Resolution("none", total_names=_count(conn))
    known = _count(conn)
    if full or row is None or row[0] != state or len(pending) > FULL_SHARE * known:
        result = _full(store, rules)
    else:
        result = _incremental(store, rules, pending)
    conn.execute("DELETE FROM resolve_pending")
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('resolve_state', ?)", (state,))
    return result


def _count(conn) -> int:
    return conn.execute("SELECT count(*) FROM resolve_names").fetchone()[0]


def _full(store, rules: RuleSet) -> Resolution:
    conn = store.conn
    nr = name_rules(rules)
    stats = [NameStat(name, entity_type, count) for name, entity_type, count in store.name_stats()]
    entities = resolve(stats, rules=rules)
    conn.execute("DELETE FROM names")
    conn.execute("DELETE FROM entities")
    _write_entities(conn, entities)
    conn.execute("DELETE FROM resolve_names")
    conn.execute("DELETE FROM resolve_keys")
    _write_nodes(conn, stats, nr, _alias_folds(rules))
    return Resolution("full", len(stats), len(stats), len(stats))


def _write_entities(conn, entities) -> None:
    conn.executemany("INSERT OR REPLACE INTO entities VALUES (?, ?, ?, ?)",
                     [(e.entity_id, e.canonical, e.entity_type, fold(e.canonical)) for e in entities])
    conn.executemany("INSERT OR REPLACE INTO names VALUES (?, ?, ?)",
                     [(n, e.entity_id, fold(n)) for e in entities for n in e.names])


def _write_nodes(conn, stats: list[NameStat], nr: NameRules, alias_folds: list[set[str]]) -> None:
    """Store each name's stats and node, and the keys of those nodes."""
    conn.executemany("INSERT OR REPLACE INTO resolve_names VALUES (?, ?, ?, ?)",
                     [(s.name, node_of(s.name, nr), s.entity_type, s.count) for s in stats])
    rows = []
    for node in _build_nodes(stats, nr):
        rows += [(node.key, key, role, detail) for key, role, detail in node_keys(node, nr, alias_folds)]
    conn.executemany("INSERT INTO resolve_keys VALUES (?, ?, ?, ?)", rows)


def _incremental(store, rules: RuleSet, pending: list[str]) -> Resolution:
    conn = store.conn
    nr = name_rules(rules)
    alias_folds = _alias_folds(rules)
    fresh = {name: NameStat(name, entity_type, count)
             for name, entity_type, count in store.name_stats(pending)}

    def stored_members(nodes: Iterable[str]) -> dict[str, NameStat]:
        out: dict[str, NameStat] = {}
        for chunk in _chunks(sorted(set(nodes))):
            marks = ",".join("?" * len(chunk))
            for name, entity_type, count in conn.execute(
                    f"SELECT name, entity_type, count FROM resolve_names WHERE node IN ({marks})", chunk):
                out[name] = NameStat(name, entity_type, count)
        return out

    # the nodes whose stats changed, and their current members
    touched = {node_of(name, nr) for name in pending}
    for chunk in _chunks(pending):
        marks = ",".join("?" * len(chunk))
        touched.update(n for (n,) in conn.execute(
            f"SELECT node FROM resolve_names WHERE name IN ({marks})", chunk))
    members = stored_members(touched)
    pending_set = set(pending)
    current = {name: stat for name, stat in members.items() if name not in pending_set}
    current.update(fresh)
    new_keys: dict[str, list[tuple[str, str, str | None]]] = {}
    by_key: dict[str, list[tuple[str, str, str | None]]] = {}
    for node in _build_nodes(sorted(current.values(), key=lambda s: s.name), nr):
        new_keys[node.key] = node_keys(node, nr, alias_folds)
        for key, role, detail in new_keys[node.key]:
            by_key.setdefault(key, []).append((node.key, role, detail))

    # walk the keys (stored ones and current ones) out from the touched nodes
    region = set(touched)
    frontier = list(touched)
    looked_up: dict[tuple[str, str], list[tuple[str, str, str | None]]] = {}
    while frontier:
        batch, frontier = frontier, []
        keys: set[tuple[str, str, str | None]] = set()
        for chunk in _chunks(batch):
            marks = ",".join("?" * len(chunk))
            keys.update(conn.execute(
                f"SELECT key, role, detail FROM resolve_keys WHERE node IN ({marks})", chunk))
        for node in batch:
            keys.update(new_keys.get(node, ()))
        for key, role, detail in keys:
            found = looked_up.get((key, role))
            if found is None:
                partners = _PARTNERS[role]
                found = conn.execute(
                    f"SELECT node, role, detail FROM resolve_keys WHERE key = ? AND role IN "
                    f"({','.join('?' * len(partners))})", (key, *partners)).fetchall()
                found += [n for n in by_key.get(key, ()) if n[1] in partners]
                looked_up[(key, role)] = found
            for other, _, other_detail in found:
                if other not in region and _linked(key, role, detail, other_detail):
                    region.add(other)
                    frontier.append(other)

    # resolve the region's names together, as a full resolve would see them
    stats = stored_members(region - touched)
    stats.update(current)
    ordered = sorted(stats.values(), key=lambda s: s.name)
    entities = resolve(ordered, rules=rules)
    gone = [name for name in members if name not in current]
    old_names = list(stats) + gone
    old_ids: set[str] = set()
    for chunk in _chunks(old_names):
        marks = ",".join("?" * len(chunk))
        old_ids.update(i for (i,) in conn.execute(
            f"SELECT DISTINCT entity_id FROM names WHERE name IN ({marks})", chunk))
        conn.execute(f"DELETE FROM names WHERE name IN ({marks})", chunk)
    _write_entities(conn, entities)
    for chunk in _chunks(sorted(old_ids)):
        marks = ",".join("?" * len(chunk))
        conn.execute(f"DELETE FROM entities WHERE entity_id IN ({marks}) AND entity_id NOT IN "
                     f"(SELECT entity_id FROM names WHERE entity_id IN ({marks}))", chunk + chunk)

    # the touched nodes' stats and keys as they are now
    for chunk in _chunks(sorted(touched)):
        marks = ",".join("?" * len(chunk))
        conn.execute(f"DELETE FROM resolve_keys WHERE node IN ({marks})", chunk)
        conn.execute(f"DELETE FROM resolve_names WHERE node IN ({marks})", chunk)
    conn.executemany("INSERT OR REPLACE INTO resolve_names VALUES (?, ?, ?, ?)",
                     [(s.name, node_of(s.name, nr), s.entity_type, s.count) for s in current.values()])
    conn.executemany("INSERT INTO resolve_keys VALUES (?, ?, ?, ?)",
                     [(node, key, role, detail) for node, keys in new_keys.items()
                      for key, role, detail in keys])
    return Resolution("incremental", len(pending), len(ordered), _count(conn))


__all__ = ["update_entities", "Resolution", "node_keys", "KEY_SCHEME"]
