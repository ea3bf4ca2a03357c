"""Entity lookup for the query commands: which entity a user means by a name.

`--entity NAME` of `conflicts`, `facts` and `entities` goes through `find_entity`
(over a store) or `match_records` (over fact records read from JSONL). A query
finds its entity, in this order:

1. exactly, by fold (case, accents, punctuation, possessives and civil titles do
   not matter), against canonical names, the in-document names and every spelling
   the documents use (mention texts: "AQIS", "NDS", "Mr. Umar");
2. by resolution: the query is resolved beside the closest known names of each
   type (`factx.resolve`), and taken when it joins exactly one entity ("Asem
   Umer" -> "Asim Umar"); the caller is told through `on_fuzzy`, so that the CLI
   can say on stderr which entity it took;
3. otherwise `UnknownEntity`, with suggestions that pass `SUGGESTION_FLOOR`.

Light: no spaCy, no dateparser.
"""

from __future__ import annotations

from typing import Callable, Iterable

from rapidfuzz import fuzz

from factx.errors import UnknownEntity
from factx.names import fold, name_rules, tokens_match, translit, words
from factx.resolve import NameStat, resolve

#: Lowest similarity (0-100) of a suggestion: "umer" suggests "Asim Umar", never "UN".
SUGGESTION_FLOOR = 70.0

#: Lowest similarity of a known name that is resolved beside a query (step 2).
CANDIDATE_FLOOR = 60.0

OnFuzzy = Callable[[str, str], None]


def similarity(query: str, name: str) -> float:
    """How close a query is to a known name, 0-100: the folded strings, or the query
    against one word of the name ("umer" is close to "Asim Umar").

    >>> similarity("umer", "Asim Umar") >= SUGGESTION_FLOOR > similarity("umer", "UN")
    True
    """
    q, n = fold(query), fold(name)
    if not q or not n:
        return 0.0
    best = fuzz.ratio(q, n)
    # word by word: each word of the query against its closest word of the name, a
    # little less when the word counts differ ("umer" ~ "Asim Umar", "Asim Umer Khan")
    qw, nw = q.split(), [w for w in n.split() if len(w) >= 3] or n.split()
    short, long = (qw, nw) if len(qw) <= len(nw) else (nw, qw)
    by_word = sum(max(_word_similarity(w, v) for v in long) for w in short) / len(short)
    return max(best, by_word * (0.95 if len(qw) != len(nw) else 1.0))


def _word_similarity(a: str, b: str) -> float:
    # two spellings of one name (transliteration rules) count as equal: "umer" ~ "omar"
    if tokens_match(translit(a), translit(b), name_rules()):
        return 100.0
    return fuzz.ratio(a, b)


def closest(query: str, names: Iterable[str], limit: int = 5,
            floor: float = SUGGESTION_FLOOR) -> list[str]:
    """Known names nearest to a query, best first, only those above `floor`.

    >>> closest("asim omer", ["Asim Umar", "Usama Mahmood", "September 11", "UN"])
    ['Asim Umar']
    """
    scored = sorted(((similarity(query, n), n) for n in set(names)), key=lambda x: (-x[0], x[1]))
    return [n for score, n in scored if score >= floor][:limit]


def _resolved_with(query: str, typed: dict[str, dict[str, str]]) -> set[str]:
    """Entity ids the query joins when resolved beside known names of each type."""
    matches: set[str] = set()
    for entity_type, by_name in typed.items():
        stats = [NameStat(query, entity_type, 1)] + [NameStat(n, entity_type, 2) for n in by_name]
        for entity in resolve(stats):
            if query in entity.names:
                matches.update(by_name[n] for n in entity.names if n in by_name)
    return matches


def _like_words(query: str) -> list[str]:
    # the longest word of a query narrows the spellings read from the store
    return sorted((w for w in words(query) if len(w) >= 2), key=len, reverse=True)[:1]


def find_entity(store, query: str, *, on_fuzzy: OnFuzzy | None = None) -> list[str]:
    """Entity ids matching any known spelling of `query`, case- and accent-insensitively.

    A spelling the store has never seen ("Asim Omer") still finds its entity when the
    resolver puts it with exactly one known name; `on_fuzzy(query, canonical)` is then
    called. Otherwise `UnknownEntity` lists the closest known names.
    """
    key = fold(query)
    ids = store.entity_ids_for_folded(key)
    if ids:
        return sorted(ids)
    # every spelling the documents use: mention texts map to entities through names
    conn = store.conn
    like = _like_words(query)
    if like:
        rows = conn.execute(
            "SELECT DISTINCT json_extract(f.value, '$'), n.entity_id FROM facts f "
            "JOIN names n ON n.name = f.name WHERE f.attribute = 'name' "
            "AND json_extract(f.value, '$') LIKE ?", (f"%{like[0]}%",)).fetchall()
        found = {entity_id for value, entity_id in rows if value is not None and fold(value) == key}
        if found:
            return sorted(found)
    known = list(store.known_names())
    candidates = closest(query, known, limit=8, floor=CANDIDATE_FLOOR)
    typed: dict[str, dict[str, str]] = {}
    for name in candidates:
        for entity_id, entity_type in conn.execute(
                "SELECT entity_id, entity_type FROM entities WHERE canonical = ?", (name,)):
            typed.setdefault(entity_type or "", {})[name] = entity_id
    matches = _resolved_with(query, typed)
    if len(matches) == 1:
        (entity_id,) = matches
        if on_fuzzy is not None:
            row = store.entity(entity_id)
            on_fuzzy(query, row[1] if row else entity_id)
        return sorted(matches)
    raise _unknown(query, known)


def _unknown(query: str, known: list[str]) -> UnknownEntity:
    error = UnknownEntity(query, closest(query, known))
    if known and not error.closest:
        error.hint = "no known entity is spelled like it; 'factx entities' lists them all"
    return error


def match_records(records: list[dict], query: str, *, on_fuzzy: OnFuzzy | None = None) -> set[str]:
    """Entity ids of fact records (`factx.fact/1` dicts) that a query names: by the
    entity, any spelling (`mention`), or by resolution as in `find_entity`."""
    key = fold(query)
    ids = {f.get("entity_id") for f in records
           if fold(f.get("entity") or "") == key or fold(f.get("mention") or "") == key}
    ids.discard(None)
    if ids:
        return ids
    canonical: dict[str, tuple[str, str]] = {}
    for f in records:
        if f.get("entity"):
            canonical.setdefault(f["entity"], (f.get("entity_id") or "", f.get("entity_type") or ""))
    typed: dict[str, dict[str, str]] = {}
    for name in closest(query, canonical, limit=8, floor=CANDIDATE_FLOOR):
        entity_id, entity_type = canonical[name]
        typed.setdefault(entity_type, {})[name] = entity_id
    matches = _resolved_with(query, typed)
    if len(matches) == 1:
        if on_fuzzy is not None:
            (entity_id,) = matches
            on_fuzzy(query, next(n for n, (i, _) in canonical.items() if i == entity_id))
        return matches
    raise _unknown(query, list(canonical))


def declared_names(store) -> list[tuple[str, str, str]]:
    """Names the documents declare the same ("X, also known as Y", "born Y", "whose real
    name is Y"): the `alternate_names` facts as (name, alias, type of the name)."""
    rows = store.conn.execute(
        "SELECT DISTINCT name, json_extract(value, '$'), name_type FROM facts "
        "WHERE attribute = 'alternate_names' AND polarity IS NOT 'denied' AND value IS NOT NULL").fetchall()
    return [(name, alias, name_type or "PERSON") for name, alias, name_type in rows
            if isinstance(alias, str) and alias.strip() and alias != name]


__all__ = ["declared_names", "find_entity", "match_records", "closest", "similarity", "SUGGESTION_FLOOR"]
