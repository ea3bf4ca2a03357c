"""Entity resolution after a run: re-resolve only the names the run's documents touched.

`resolve()` is a function of every distinct name of the store (and of the names the
documents declare the same, "X, also known as Y"). Its rules only ever look at two
names together when they share a *key*:

- `B` the blocking key of rule 2 (one-word names and acronyms by type group, longer
  names across types, with the phonetic key of every core token): compared pairwise;
- `J` the core words run together ("Gebre-Mariam" / "Gebremariam"), by type group;
- `Q` an institution's name without the country that qualifies it, by type group, its
  head word last ("Port of X" / "X port", "Ministry of X" / "X Ministry");
- `F`/`L` the phonetic key of a person's first / last word: a lone word (`q`, the
  querying side) joins the one person (`o`, the offering side) it is the surname of,
  and not when it is someone's given name; an initial and a surname (`q` on `L`, "K.
  Selvam") joins the one person of that surname whose given name has that initial; a lone
  word joins no one when it is a middle word of a longer person's name or the last word
  of a name of another type (`L`, `o`: rivals);
- `P` a person's first and last key: a two-word name (`q`) joins the one longer name
  (`o`) it begins and ends;
- `G`/`S` a two-word person's last key with its given name's key (`G`) or its stem's
  (`S`): a short given name meets the long form ("Hafiz Khan" / "Hafizullah Khan"); a
  two-word name the model typed otherwise (`resolve.MISTYPED`) only queries them;
- `I` a person's first key: a given name and an initial (`q`, "Karim M.") joins the one
  longer name (`o`) with that given name whose next word begins with the initial;
- `V` a person's first two keys: a name of two words or more (`q`: "Sergei Ivanovich",
  "Abdi Farah") joins the one longer name (`o`) it begins;
- `U` a person's last two keys: a name of two words or more (`q`, "Ruiz Vega") joins the
  one longer name (`o`) it ends, and no name when a shorter one ends with it too;
- `K` the key of the next-to-last word of a name of three words or more (`o`): a lone
  word (`q`, "Ruiz") is the first of a double surname the run writes, and no one's when
  two such names have it;
- `N` a name's first key with its next-to-last (`o`, three words or more): a two-word
  name (`q`, "Ana Ruiz") is the first given name and first surname of one long name;
- `H` a facility's first key and its facility word ("hospital"): a two-word facility (`q`,
  "Norvik hospital") joins the one longer facility (`o`) that begins and ends so;
- `T` a one-word name with a distinctive title (`o`, "Sheikh Karim") is one more
  candidate for the bare word (`q`);
- `A` an acronym (`q`) joins the one multi-word name (`o`) of its type group whose
  initials it is (`detail` holds the initials and the pattern: only matching pairs link);
- `W` the last two words of a person's name written in plain words (both of "Jane Mary
  Roe" and "Mary Roe"), and `M` the words of a name of two words or more with one word
  of four letters or more as written or without one of its letters but the first
  ("Ibrahim Nasser" and "Ibraim Nasser"): the names of one `W` key decide together which
  of them a role and an origin join (`lookup.role_shared_names`), those of one `M` key
  which of them is a slip of the pen of which (`lookup.misspelled_names`); both pairs
  come from the facts of other names than those of the pair;
- `D` two names a document declares the same; `X` a description's key ("Norway's
  intelligence agency"): its descriptions and the names documents tie it to (with and
  without the place of the key, and "mission of COUNTRY" for consulates and embassies,
  which join across the two kinds);
- `R` a user's alias rule; names with one fold are one node;
- `E` every event (a node of type EVENT, or with a flight's name): the events of a run
  are linked together (`factx.event_links`: by kind, place and time, and "the one event of a
  kind" takes the descriptions of that kind), so they are one component, and it is
  resolved again whenever anything changed, with what the whole store's facts say of
  the events (`run_events`): a `located_in` fact or a date that changes how events link
  belongs to no event name.

Link two nodes that share a key (the same key; for `q`/`o` keys a querying node with an
offering one) and the names fall apart into connected components; resolve() of the
whole store is the union of resolve() of its components, as no rule compares across
them and the nodes keep their relative order. A run changes the facts of some names
(the store's triggers list each name of an added or deleted fact in `resolve_pending`);
only the components that hold such a name, before the run or after it, can resolve
differently. They are found by walking the keys out from those names (the stored keys
of the last resolution and the keys they have now), resolved together, and their rows
replaced; every other name keeps its entity.

`KEY_SCHEME` names this list: a resolver rule that compares names through anything
else must add its key here (and bump the scheme), or the results drift from a full
resolve; `tests/test_incremental.py` checks, on stores built run after run with names
that exercise every rule, that they never do.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Iterable, Iterator

from factx.names import (
    NameRules, block_key, facility_order, fold as names_fold, given_stem, initialism_pattern, name_rules,
    qualified_name, spelled_out_country, type_group,
)
from factx.events import flight_number, run_events
from factx.lookup import role_shared_end, slip_keys
from factx.resolve import (
    TAIL_MIN_WORDS, NameStat, _build_nodes, _Node, facility_head, mission_classes, node_key, resolve,
)
from factx.rules import RuleSet, load_rules

#: Bump when `node_keys` changes: stored keys of another scheme mean a full resolve.
KEY_SCHEME = "15"

#: Above this share of changed names against the names already resolved, a full
#: resolve is cheaper than walking the keys.
FULL_SHARE = 0.25

#: Which stored roles a node's key reaches: a querying key the offering nodes, an
#: offering key the querying ones, a shared key all that share it. (Two querying
#: nodes never decide anything together: each joins or not by its own candidates.)
_PARTNERS = {"s": ("s",), "q": ("o",), "o": ("q",)}

Key = tuple[str, str, "str | None"]


@dataclass(frozen=True)
class Resolution:
    """What one resolution did: `mode` is 'none', 'full' or 'incremental'."""

    mode: str
    changed_names: int = 0
    resolved_names: int = 0
    total_names: int = 0


@dataclass(frozen=True)
class ResolverInput:
    """What resolve() is given for a store (or part of one), in the order it is given."""

    stats: list[NameStat]
    same: list[tuple[str, str]]
    described: list[tuple[str, str | None, bool]]
    distinct: list[tuple[str, str]] = ()  # type: ignore[assignment]  # people one sentence names both

    def names(self) -> set[str]:
        return {s.name for s in self.stats}


def resolver_input(store, names: Iterable[str] | None = None) -> ResolverInput:
    """The names of the store (or those of `names` the facts still hold) as resolve()
    takes them: their stats in name order, then one zero-count stat per declared alias
    ("X, also known as Y": Y is a name of X's entity, resolve decides) with the pairs,
    and what the documents say descriptions name (`factx.lookup.described_names`)."""
    from factx.lookup import declared_names, described_names, distinct_names, misspelled_names, role_shared_names, written_names

    wanted = set(names) if names is not None else None
    stats = [NameStat(n, t, c) for n, t, c in store.name_stats(wanted)]
    declared = sorted(set(declared_names(store)) | set(role_shared_names(store, names=wanted))
                      | set(misspelled_names(store, names=wanted)) | set(written_names(store, names=wanted)))
    described = described_names(store)
    if wanted is not None:
        declared = [d for d in declared if d[0] in wanted or d[1] in wanted]
        described = [d for d in described if d[0] in wanted]
    stats += [NameStat(alias, entity_type, 0) for _, alias, entity_type in declared
              if wanted is None or alias in wanted]
    pairs = {frozenset((name, alias)) for name, alias, _ in declared}
    distinct = [(a, b) for a, b in distinct_names(store, wanted) if frozenset((a, b)) not in pairs]
    return ResolverInput(stats, [(name, alias) for name, alias, _ in declared], described, distinct)


def node_of(name: str, nr: NameRules) -> str:
    """A name's node: resolve() puts names with one fold (and title gender) into one node."""
    return node_key(name, nr)


def node_keys(node: _Node, nr: NameRules, alias_folds: list[set[str]], declared: dict[str, set[str]],
              described: dict[str, set[str]]) -> list[Key]:
    """(key, role, detail) of every way resolve() may compare this node with another."""
    group = type_group(node.entity_type)
    tokens = node.tokens
    bk = [block_key(t, nr) for t in tokens]
    block_group = group if len(tokens) < 2 or node.acronym else "*"
    keys: list[Key] = [(f"B|{block_group}|{int(node.acronym)}|{' '.join(bk)}", "s", None)]
    if not node.acronym:
        keys.append((f"J|{group}|{node.generation}|{''.join(tokens)}", "s", None))
        if node.entity_type not in ("PERSON", "NORP", "EVENT") and " " in node.key:
            plain = facility_order(spelled_out_country(tuple(w for w in node.key.split() if w != "the"), nr), nr)
            keys.append((f"Q|{group}|{''.join(qualified_name(plain, nr))}", "s", None))
    if not node.acronym and len(tokens) >= 2:  # a lone word's rivals (resolve.surname_rivals)
        if node.entity_type == "PERSON":
            keys += [(f"L|{k}", "o", None) for k in dict.fromkeys(bk[1:-1])]
        elif node.entity_type not in ("EVENT", "NORP"):
            keys.append((f"L|{bk[-1]}", "o", None))
    if node.entity_type == "PERSON" and not node.acronym:
        if len(tokens) >= 2:
            first, last = bk[0], bk[-1]
            keys += [(f"F|{first}", "o", None), (f"L|{last}", "o", None)]
            if len(tokens) == 2 and len(tokens[0]) == 1:
                keys.append((f"L|{last}", "q", None))
            keys.append((f"I|{first}", "q" if len(tokens) == 2 and len(tokens[1]) == 1 else "o", None))
            if len(tokens) > 2:
                keys.append((f"V|{first}|{bk[1]}", "o", None))
                keys.append((f"U|{bk[-2]}|{last}", "o", None))
                keys.append((f"K|{bk[-2]}", "o", None))
                keys.append((f"N|{first}|{bk[-2]}", "o", None))
            if len(tokens[1]) > 1:
                keys.append((f"V|{first}|{bk[1]}", "q", None))
                keys.append((f"U|{bk[-2]}|{last}", "q", None))
                if len(tokens) == 2:
                    keys.append((f"N|{first}|{last}", "q", None))
            if not node.generation:
                if len(tokens) > 2:
                    keys.append((f"P|{first}|{last}", "o", None))
                    if tokens[0] in nr.given_prefixes:
                        keys.append((f"P|{bk[1]}|{last}", "o", None))
                else:
                    keys.append((f"P|{first}|{last}", "q", None))
                if node.given:
                    stem = given_stem(node.given, nr=nr)
                    keys += [(f"G|{last}|{first}", "o", None), (f"S|{last}|{first}", "q", None)]
                    if stem is not None:
                        keys += [(f"S|{last}|{block_key(stem, nr)}", "o", None),
                                 (f"G|{last}|{block_key(stem, nr)}", "q", None)]
        elif len(tokens) == 1:
            keys += [(f"F|{bk[0]}", "q", None), (f"L|{bk[0]}", "q", None), (f"K|{bk[0]}", "q", None),
                     (f"T|{bk[0]}", "o" if node.titles else "q", None)]
    elif node.given:  # a person's name the model typed otherwise: its short and long given names
        first, last = bk[0], bk[-1]
        stem = given_stem(node.given, nr=nr)
        keys.append((f"S|{last}|{first}", "q", None))
        if stem is not None:
            keys.append((f"G|{last}|{block_key(stem, nr)}", "q", None))
    head = facility_head(node, nr)
    if head and len(tokens) >= 2:
        keys.append((f"H|{bk[0]}|{head}", "q" if len(tokens) == 2 else "o", None))
    if node.acronym:
        keys.append((f"A|{group}|{tokens[0][:1]}", "q", tokens[0].upper()))
    else:
        parts = node.key.split()
        if len(parts) >= 2:
            spelling = max(node.spellings, key=node.spellings.__getitem__)
            pattern = initialism_pattern(spelling, nr)
            if pattern is not None:
                for letter in sorted({parts[0][:1], parts[1][:1]}):
                    keys.append((f"A|{group}|{letter}", "o", pattern.pattern))
    ends = {end for spelling in node.spellings if (end := role_shared_end(spelling, nr)) is not None}
    keys += [(f"W|{' '.join(end)}", "s", None) for end in sorted(ends)]
    keys += [(f"M|{key}", "s", None) for key in sorted(set().union(*map(slip_keys, node.spellings)))]
    keys += [(f"D|{pair}", "s", None) for pair in sorted(declared.get(node.key, ()))]
    keys += [(f"X|{key}", "s", None) for key in sorted(described.get(node.key, ()))]
    keys += [(f"R|{r}", "s", None) for r, folds in enumerate(alias_folds) if node.key in folds]
    if is_event_node(node):
        keys.append((EVENT_KEY, "s", None))
    return keys


#: The key every event node shares (see the module docstring).
EVENT_KEY = "E|"


def is_event_node(node: _Node) -> bool:
    """Whether `factx.event_links.join_events` reads this node: an event, or any node with a
    flight's name (the NER may call it something else)."""
    return node.entity_type == "EVENT" or any(flight_number(s) is not None for s in node.spellings)


def _linked(key: str, role: str, detail: str | None, other_detail: str | None) -> bool:
    """Whether two nodes sharing `key` are compared at all (acronym keys: the initials
    of the querying node match the offering node's pattern)."""
    if not key.startswith("A|") or detail is None or other_detail is None:
        return True
    acronym, pattern = (detail, other_detail) if role == "q" else (other_detail, detail)
    return re.fullmatch(pattern, acronym) is not None


def _alias_folds(rules: RuleSet) -> list[set[str]]:
    return [{names_fold(n) for n in rule["names"]} for rule in rules.get("aliases")]


def _declared_keys(same: list[tuple[str, str]], nr: NameRules) -> dict[str, set[str]]:
    """node -> the D keys of the pairs it is declared in (folded as resolve() folds them)."""
    out: dict[str, set[str]] = {}
    for a, b in same:
        fa, fb = node_of(a, nr), node_of(b, nr)
        if fa == fb:
            continue
        pair = "|".join(sorted((fa, fb)))
        out.setdefault(fa, set()).add(pair)
        out.setdefault(fb, set()).add(pair)
    return out


def _described_keys(described: list[tuple[str, str | None, bool]], nr: NameRules,
                    missions: frozenset[str] = frozenset()) -> dict[str, set[str]]:
    """node -> the description keys it is cited or tied with (None keys tie nothing):
    each key, the key without its place (resolve() groups "consulate of Norway in rome"
    with "consulate of Norway"), and for a country's missions abroad the country (a
    mission written as the other kind joins one of that kind)."""
    out: dict[str, set[str]] = {}
    for name, key, _ in described:
        if key is not None:
            keys = out.setdefault(node_of(name, nr), set())
            plain = key.partition(" in ")[0]
            keys.update((key, plain))
            kind, _, country = plain.partition(" of ")
            if kind in missions:
                keys.add(f"mission of {country}")
    return out


def _keyed_nodes(data: ResolverInput, nr: NameRules, rules: RuleSet) -> dict[str, list[Key]]:
    alias_folds = _alias_folds(rules)
    declared = _declared_keys(data.same, nr)
    described = _described_keys(data.described, nr, mission_classes(rules))
    return {node.key: node_keys(node, nr, alias_folds, declared, described)
            for node in _build_nodes(data.stats, nr)}


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
    pending = sorted(name for (name,) in conn.execute("SELECT name FROM resolve_pending") if isinstance(name, str))
    known = _count(conn)
    if not full and row is not None and row[0] == state and not pending:
        return Resolution("none", total_names=known)
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
    data = resolver_input(store)
    entities = resolve(data.stats, rules=rules, same=data.same, described=data.described, distinct=data.distinct,
                       events=run_events(store, rules))
    conn.execute("DELETE FROM names")
    conn.execute("DELETE FROM entities")
    _write_entities(conn, entities, nr)
    conn.execute("DELETE FROM resolve_names")
    conn.execute("DELETE FROM resolve_keys")
    names = data.names()
    conn.executemany("INSERT INTO resolve_names VALUES (?, ?)", [(n, node_of(n, nr)) for n in sorted(names)])
    conn.executemany("INSERT INTO resolve_keys VALUES (?, ?, ?, ?)",
                     [(node, *key) for node, keys in _keyed_nodes(data, nr, rules).items() for key in keys])
    return Resolution("full", len(names), len(names), len(names))


def _write_entities(conn, entities, nr: NameRules) -> None:
    """Rows of the names and entities tables, folded for lookups as the run's rules fold
    names (`Writer.set_entities` writes the same rows for a whole resolution)."""
    conn.executemany("INSERT OR REPLACE INTO entities VALUES (?, ?, ?, ?)",
                     [(e.entity_id, e.canonical, e.entity_type, names_fold(e.canonical, nr=nr)) for e in entities])
    conn.executemany("INSERT OR REPLACE INTO names VALUES (?, ?, ?)",
                     [(n, e.entity_id, names_fold(n, nr=nr)) for e in entities for n in e.names])


def _stored_names(conn, nodes: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for chunk in _chunks(sorted(set(nodes))):
        marks = ",".join("?" * len(chunk))
        out.update(n for (n,) in conn.execute(f"SELECT name FROM resolve_names WHERE node IN ({marks})", chunk))
    return out


def _look_up(conn, wanted: set[tuple[str, str]], by_key: dict[str, list[tuple[str, str, str | None]]],
             looked_up: dict[tuple[str, str], list[tuple[str, str, str | None]]]) -> None:
    """For each (key, role) of `wanted`, the stored and the current nodes that hold the key
    in a partner role (`_PARTNERS`), into `looked_up`: one query per 500 keys, not one each."""
    found: dict[tuple[str, str], list[tuple[str, str, str | None]]] = {pair: [] for pair in wanted}
    asked = sorted({(key, partner) for key, role in wanted for partner in _PARTNERS[role]})
    for chunk in _chunks(asked):
        rows = conn.execute(
            "SELECT k.key, k.node, k.role, k.detail FROM json_each(?) w JOIN resolve_keys k "
            "ON k.key = json_extract(w.value, '$[0]') AND k.role = json_extract(w.value, '$[1]')",
            (json.dumps(chunk, ensure_ascii=False),)).fetchall()
        stored: dict[tuple[str, str], list[tuple[str, str, str | None]]] = {}
        for key, node, role, detail in rows:
            stored.setdefault((key, role), []).append((node, role, detail))
        for key, partner in chunk:
            for role in (r for r, partners in _PARTNERS.items() if partner in partners):
                if (key, role) in found:
                    found[(key, role)] += stored.get((key, partner), ())
    for (key, role), nodes in found.items():
        nodes += [n for n in by_key.get(key, ()) if n[1] in _PARTNERS[role]]
        looked_up[(key, role)] = nodes


def _incremental(store, rules: RuleSet, pending: list[str]) -> Resolution:
    conn = store.conn
    nr = name_rules(rules)

    # the nodes whose names' facts changed, with the names they have now
    touched = {node_of(name, nr) for name in pending}
    for chunk in _chunks(pending):
        marks = ",".join("?" * len(chunk))
        touched.update(n for (n,) in conn.execute(f"SELECT node FROM resolve_names WHERE node IS NOT NULL "
                                                  f"AND name IN ({marks})", chunk))
    before = _stored_names(conn, touched)
    now = resolver_input(store, before | set(pending))
    members = now.names()
    new_keys = _keyed_nodes(now, nr, rules)
    by_key: dict[str, list[tuple[str, str, str | None]]] = {}
    for node, keys in new_keys.items():
        for key, role, detail in keys:
            by_key.setdefault(key, []).append((node, role, detail))

    # walk the keys (stored ones and current ones) out from the touched nodes, and from
    # the events: they are linked again on every run (see the module docstring)
    event_nodes = {n for (n,) in conn.execute("SELECT node FROM resolve_keys WHERE key = ?", (EVENT_KEY,))}
    event_nodes |= {node for node, keys in new_keys.items() if any(k[0] == EVENT_KEY for k in keys)}
    region = touched | event_nodes
    frontier = sorted(region)
    looked_up: dict[tuple[str, str], list[tuple[str, str, str | None]]] = {}
    while frontier:
        batch, frontier = frontier, []
        keys: set[Key] = set()
        for chunk in _chunks(batch):
            marks = ",".join("?" * len(chunk))
            keys.update(conn.execute(f"SELECT key, role, detail FROM resolve_keys WHERE node IN ({marks})", chunk))
        for node in batch:
            keys.update(new_keys.get(node, ()))
        _look_up(conn, {(key, role) for key, role, _ in keys} - looked_up.keys(), by_key, looked_up)
        for key, role, detail in sorted(keys, key=lambda k: (k[0], k[1], k[2] or "")):
            for other, _, other_detail in looked_up[(key, role)]:
                if other not in region and _linked(key, role, detail, other_detail):
                    region.add(other)
                    frontier.append(other)

    # resolve the region's names together, as a full resolve would see them
    old_names = _stored_names(conn, region) | set(pending)
    data = resolver_input(store, old_names)
    entities = resolve(data.stats, rules=rules, same=data.same, described=data.described, distinct=data.distinct,
                       events=run_events(store, rules) if event_nodes else None)
    old_ids: set[str] = set()
    for chunk in _chunks(sorted(old_names)):
        marks = ",".join("?" * len(chunk))
        old_ids.update(i for (i,) in conn.execute(
            f"SELECT DISTINCT entity_id FROM names WHERE name IN ({marks})", chunk))
        conn.execute(f"DELETE FROM names WHERE name IN ({marks})", chunk)
    _write_entities(conn, entities, nr)
    for chunk in _chunks(sorted(old_ids)):
        marks = ",".join("?" * len(chunk))
        conn.execute(f"DELETE FROM entities WHERE entity_id IN ({marks}) AND entity_id NOT IN "
                     f"(SELECT entity_id FROM names WHERE entity_id IN ({marks}))", chunk + chunk)

    # the touched nodes' names and keys as they are now
    for chunk in _chunks(sorted(touched)):
        marks = ",".join("?" * len(chunk))
        conn.execute(f"DELETE FROM resolve_keys WHERE node IN ({marks})", chunk)
        conn.execute(f"DELETE FROM resolve_names WHERE node IN ({marks})", chunk)
    for chunk in _chunks(sorted(set(pending))):
        marks = ",".join("?" * len(chunk))
        conn.execute(f"DELETE FROM resolve_names WHERE name IN ({marks})", chunk)
    conn.executemany("INSERT OR REPLACE INTO resolve_names VALUES (?, ?)",
                     [(n, node_of(n, nr)) for n in sorted(members)])
    conn.executemany("INSERT INTO resolve_keys VALUES (?, ?, ?, ?)",
                     [(node, *key) for node, keys in new_keys.items() for key in keys])
    return Resolution("incremental", len(pending), len(data.stats), _count(conn))


__all__ = ["update_entities", "resolver_input", "Resolution", "ResolverInput", "node_keys", "KEY_SCHEME"]
