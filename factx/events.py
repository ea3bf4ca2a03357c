"""Events as entities (DESIGN section 2): their names, and linking them across documents.

An event without a name of its own is named by its kind and place, as the attribute
stage builds it: "explosion in Beirut", "floods in Vessa province". Across documents the
resolver merges identical names; `link_events` (called from the resolver through
`join_events`) adds what the names alone carry: a place written with or without its
administrative word, a country and its one town, and a count's generic event ('deaths
in X') and the one event at that place. Names carry no dates, so two events of one kind
at one place in one run are one event; the run is meant to hold one story's articles.

>>> event_name("explosion", "Beirut")
'explosion in Beirut'
>>> split_event_name("floods in Vessa province")
('floods', 'Vessa province')
"""

from __future__ import annotations

import re
from typing import Iterable

SEPARATOR = " in "
#: words that only say what sort of place a name is ('Vessa province' is 'Vessa')
_PLACE_WORDS = re.compile(r"\b(?:province|district|region|state|county|city|town|village|port|"
                          r"governorate|prefecture|municipality|area|island|islands|of|the)\b", re.I)


def event_name(kind: str, place: str | None) -> str:
    """The canonical name of an unnamed event: its kind, and its place when known."""
    return f"{kind}{SEPARATOR}{place}" if place else kind


def split_event_name(name: str) -> tuple[str, str] | None:
    """(kind, place) of a name `event_name` built, else None."""
    kind, sep, place = name.partition(SEPARATOR)
    if not sep or not kind or not place or " " in kind.strip():
        return None
    return kind, place


def place_key(place: str) -> str:
    """A place name without its administrative words, folded: 'the Port of Beirut' → 'beirut'."""
    return " ".join(_PLACE_WORDS.sub(" ", place.replace("’s", " ").replace("'s", " ")).lower().split())


def link_events(names: Iterable[tuple[str, str]], *, rules=None) -> list[tuple[str, str]]:
    """Pairs of EVENT names (given as (name, type)) that are one event:

    - same kind, and places equal once their administrative words are dropped
      ('floods in Vessa' / 'floods in Vessa province');
    - a country and the one town of that country an event of the same kind is named by
      ('explosion in Lebanon' / 'explosion in Beirut', when no other explosion is named
      by a town of Lebanon);
    - an event of a kind that only counts victims ('deaths in X', the `counts` kinds of
      rules/events.yml) and the one event of another kind at the same place.

    Names of other types and named events are left alone.

    >>> link_events([("floods in Vessa", "EVENT"), ("floods in Vessa province", "EVENT")])
    [('floods in Vessa', 'floods in Vessa province')]
    """
    from factx.rules import load_rules

    rules = rules if rules is not None else load_rules()
    generic = {r["kind"] for r in rules.get("events") if r.get("counts")}
    cities: dict[str, str] = {}
    for rule in rules.get("demonyms"):
        for city in rule.get("cities", ()):
            cities[place_key(city)] = place_key(rule["country"])
    for rule in rules.get("capitals"):
        cities.setdefault(place_key(rule["city"]), place_key(rule["country"]))
    countries = set(cities.values())
    groups: dict[tuple[str, str], list[str]] = {}
    for name, entity_type in names:
        if entity_type != "EVENT":
            continue
        parts = split_event_name(name)
        if parts is None:
            continue
        kind, place = parts
        key = place_key(place)
        if key:
            groups.setdefault((kind, key), []).append(name)
    pairs = []
    for members in groups.values():
        pairs.extend((members[0], other) for other in members[1:])
    # a country and its one town, per kind
    towns: dict[tuple[str, str], set[str]] = {}
    for kind, key in groups:
        if key in cities:
            towns.setdefault((kind, cities[key]), set()).add(key)
    for (kind, key), members in groups.items():
        found = towns.get((kind, key), set())
        if key in countries and len(found) == 1:
            pairs.append((groups[(kind, next(iter(found)))][0], members[0]))
    # 'deaths in X' and the one event of another kind in X
    by_place: dict[str, set[str]] = {}
    for kind, key in groups:
        if kind not in generic:
            by_place.setdefault(key, set()).add(kind)
    for (kind, key), members in groups.items():
        specific = by_place.get(key, set())
        if kind in generic and len(specific) == 1:
            pairs.append((groups[(next(iter(specific)), key)][0], members[0]))
    return pairs


def join_events(nodes, union, rules) -> None:
    """The resolver's hook: union the nodes (`factx.resolve`'s folded names, with their
    spellings and voted type) whose event names `link_events` pairs."""
    index: dict[str, int] = {}
    names = []
    for i, node in enumerate(nodes):
        if node.entity_type != "EVENT":
            continue
        name = max(node.spellings, key=node.spellings.__getitem__)
        index[name] = i
        names.append((name, "EVENT"))
    for a, b in link_events(names, rules=rules):
        union(index[a], index[b])
