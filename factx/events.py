"""Events as entities (DESIGN section 2): their names, and linking them across documents.

An event without a name of its own is named by its kind and place, as the attribute
stage builds it: "explosion in Beirut", "floods in Vessa province". Across documents the
resolver merges identical names; `link_events` adds what the names alone carry: two
event names of one kind whose places are one place written with or without its
administrative word ("floods in Vessa" / "floods in Vessa province") or a place and the
city it names ("explosion in Port of Beirut" / "explosion in Beirut").

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


def link_events(names: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """Pairs of EVENT names (given as (name, type)) that are one event: same kind, and
    places equal once their administrative words are dropped. Names of other types and
    named events are left alone."""
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
        first = members[0]
        pairs.extend((first, other) for other in members[1:] if other != first)
    return pairs
