"""Entity lookup for the query commands: which entity a user means by a name.

`--entity NAME` of `conflicts`, `facts` and `report` goes through `find_entity`
(over a store) or `match_records` (over fact records read from JSONL); the query of
`factx entities QUERY` through `matching_entities`. A query finds its entity, in this
order:

1. exactly, by fold (case, accents, punctuation, possessives and civil titles do
   not matter), against canonical names, the in-document names and every spelling
   the documents use (mention texts: "UN", "NTSB", "Mr. Haddad");
2. by resolution: the query is resolved beside the closest known names of each
   type (`factx.resolve`), and taken when it joins exactly one entity ("Asem
   Yusef" -> "Karim Yusuf"); the caller is told through `on_fuzzy`, so that the CLI
   can say on stderr which entity it took;
3. otherwise `UnknownEntity`, with suggestions that pass `SUGGESTION_FLOOR`.

Names are folded with the rules the store was resolved with (`store_rules`: the
`--rules` folder of the run, which the store remembers), or with the `rules` a caller
gives: a user's particles and honorifics count in lookups as they did in the run.

Light: no spaCy, no dateparser.
"""

from __future__ import annotations

import json
import os
import re
from functools import lru_cache
from typing import Callable, Iterable

from rapidfuzz import fuzz

from factx.errors import UnknownEntity
from factx.names import NameRules, core_tokens, fold, gender_title, name_rules, one_letter_apart, title_classes, tokens_match, translit, words
from factx.resolve import NameStat, resolve
from factx.rules import RuleSet, load_rules

#: Lowest similarity (0-100) of a suggestion: "yusef" suggests "Karim Yusuf", never "UN".
SUGGESTION_FLOOR = 70.0

#: Lowest similarity of a known name that is resolved beside a query (step 2).
CANDIDATE_FLOOR = 60.0

#: The `meta` key under which a store remembers the `--rules` folder of its last run.
RULES_KEY = "rules_dir"

OnFuzzy = Callable[[str, str], None]


def store_rules(store, rules: RuleSet | None = None) -> RuleSet:
    """The rules to fold names with for `store`: `rules` when given, else those of the
    store's last run (its `--rules` folder on top of the shipped rules, while that folder
    exists), else the shipped rules."""
    if rules is not None:
        return rules
    folder = store.meta(RULES_KEY) if hasattr(store, "meta") else None
    if folder and os.path.isdir(folder):
        return load_rules(folder)
    return load_rules()


def similarity(query: str, name: str, *, nr: NameRules | None = None) -> float:
    """How close a query is to a known name, 0-100: the folded strings, or the query
    against one word of the name ("yusef" is close to "Karim Yusuf").

    >>> similarity("yusef", "Karim Yusuf") >= SUGGESTION_FLOOR > similarity("yusef", "UN")
    True
    """
    nr = nr or name_rules()
    q, n = fold(query, nr=nr), fold(name, nr=nr)
    if not q or not n:
        return 0.0
    best = fuzz.ratio(q, n)
    # word by word: each word of the query against its closest word of the name, a
    # little less when the word counts differ ("yusef" ~ "Karim Yusuf", "Karim Yusef Khan")
    qw, nw = q.split(), [w for w in n.split() if len(w) >= 3] or n.split()
    short, long = (qw, nw) if len(qw) <= len(nw) else (nw, qw)
    by_word = sum(max(_word_similarity(w, v, nr) for v in long) for w in short) / len(short)
    return max(best, by_word * (0.95 if len(qw) != len(nw) else 1.0))


def _word_similarity(a: str, b: str, nr: NameRules) -> float:
    # two spellings of one name (transliteration rules) count as equal: "yusef" ~ "yousuf"
    if tokens_match(translit(a, nr=nr), translit(b, nr=nr), nr):
        return 100.0
    return fuzz.ratio(a, b)


def closest(query: str, names: Iterable[str], limit: int = 5,
            floor: float = SUGGESTION_FLOOR, *, nr: NameRules | None = None) -> list[str]:
    """Known names nearest to a query, best first, only those above `floor`.

    >>> closest("karim yusef", ["Karim Yusuf", "Tariq Mahmood", "September 11", "UN"])
    ['Karim Yusuf']
    """
    nr = nr or name_rules()
    scored = sorted(((similarity(query, n, nr=nr), n) for n in set(names)), key=lambda x: (-x[0], x[1]))
    return [n for score, n in scored if score >= floor][:limit]


def _resolved_with(query: str, typed: dict[str, dict[str, str]], rules: RuleSet | None = None) -> set[str]:
    """Entity ids the query joins when resolved beside known names of each type."""
    matches: set[str] = set()
    for entity_type, by_name in typed.items():
        stats = [NameStat(query, entity_type, 1)] + [NameStat(n, entity_type, 2) for n in by_name]
        for entity in resolve(stats, rules=rules):
            if query in entity.names:
                matches.update(by_name[n] for n in entity.names if n in by_name)
    return matches


def _like_words(query: str) -> list[str]:
    # the longest word of a query narrows the spellings read from the store
    return sorted((w for w in words(query) if len(w) >= 2), key=len, reverse=True)[:1]


def find_entity(store, query: str, *, rules: RuleSet | None = None,
                on_fuzzy: OnFuzzy | None = None) -> list[str]:
    """Entity ids matching any known spelling of `query`, case- and accent-insensitively.

    A spelling the store has never seen ("Yusuf Nasir") still finds its entity when the
    resolver puts it with exactly one known name; `on_fuzzy(query, canonical)` is then
    called. Otherwise `UnknownEntity` lists the closest known names. Names fold under
    `rules` (default: the store's, `store_rules`).
    """
    rules = store_rules(store, rules)
    nr = name_rules(rules)
    key = fold(query, nr=nr)
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
        found = {entity_id for value, entity_id in rows if value is not None and fold(value, nr=nr) == key}
        if found:
            return sorted(found)
    known = list(store.known_names())
    candidates = closest(query, known, limit=8, floor=CANDIDATE_FLOOR, nr=nr)
    typed: dict[str, dict[str, str]] = {}
    for name in candidates:
        for entity_id, entity_type in conn.execute(
                "SELECT entity_id, entity_type FROM entities WHERE canonical = ?", (name,)):
            typed.setdefault(entity_type or "", {})[name] = entity_id
    matches = _resolved_with(query, typed, rules)
    if len(matches) == 1:
        (entity_id,) = matches
        if on_fuzzy is not None:
            row = store.entity(entity_id)
            on_fuzzy(query, row[1] if row else entity_id)
        return sorted(matches)
    raise _unknown(query, known, nr=nr)


def matching_entities(store, query: str | None = None, *,
                      rules: RuleSet | None = None) -> list[tuple[str, str, str]]:
    """(entity_id, canonical, type) of the entities, by canonical name; with `query`,
    only those whose canonical name or some spelling the documents use contains it
    (folded: case, accents and punctuation aside), as `factx entities QUERY` lists them.
    `UnknownEntity` when a query matches nothing."""
    everything = list(store.entities())
    if not query:
        return everything
    nr = name_rules(store_rules(store, rules))
    key = fold(query, nr=nr)
    matched = {entity_id for entity_id, canonical, _ in everything if key in fold(canonical, nr=nr)}
    # every spelling once: a substring of its fold
    for entity_id, spelling in store.conn.execute(
            "SELECT DISTINCT n.entity_id, json_extract(f.value, '$') FROM names n "
            "JOIN facts f ON f.name = n.name AND f.attribute = 'name'"):
        if entity_id not in matched and isinstance(spelling, str) and key in fold(spelling, nr=nr):
            matched.add(entity_id)
    found = [row for row in everything if row[0] in matched]
    if not found:
        raise _unknown(query, [canonical for _, canonical, _ in everything], nr=nr)
    return found


def _unknown(query: str, known: list[str], *, nr: NameRules | None = None) -> UnknownEntity:
    error = UnknownEntity(query, closest(query, known, nr=nr))
    if known and not error.closest:
        error.hint = "no known entity is spelled like it; 'factx entities' lists them all"
    return error


def match_records(records: list[dict], query: str, *, rules: RuleSet | None = None,
                  on_fuzzy: OnFuzzy | None = None) -> set[str]:
    """Entity ids of fact records (`factx.fact/1` dicts) that a query names: by the
    entity, any spelling (`mention`), or by resolution as in `find_entity`; names fold
    under `rules` (default: the shipped rules)."""
    rules = rules if rules is not None else load_rules()
    nr = name_rules(rules)
    key = fold(query, nr=nr)
    ids = {f.get("entity_id") for f in records
           if fold(f.get("entity") or "", nr=nr) == key or fold(f.get("mention") or "", nr=nr) == key}
    ids.discard(None)
    if ids:
        return ids
    canonical: dict[str, tuple[str, str]] = {}
    for f in records:
        if f.get("entity"):
            canonical.setdefault(f["entity"], (f.get("entity_id") or "", f.get("entity_type") or ""))
    typed: dict[str, dict[str, str]] = {}
    for name in closest(query, canonical, limit=8, floor=CANDIDATE_FLOOR, nr=nr):
        entity_id, entity_type = canonical[name]
        typed.setdefault(entity_type, {})[name] = entity_id
    matches = _resolved_with(query, typed, rules)
    if len(matches) == 1:
        if on_fuzzy is not None:
            (entity_id,) = matches
            on_fuzzy(query, next(n for n, (i, _) in canonical.items() if i == entity_id))
        return matches
    raise _unknown(query, list(canonical), nr=nr)


def declared_names(store) -> list[tuple[str, str, str]]:
    """Names the documents declare the same ("X, also known as Y", "born Y", "whose real
    name is Y"): the `alternate_names` facts as (name, alias, type of the name)."""
    rows = store.conn.execute(
        "SELECT DISTINCT name, json_extract(value, '$'), name_type FROM facts "
        "WHERE attribute = 'alternate_names' AND polarity IS NOT 'denied' AND value IS NOT NULL").fetchall()
    return [(name, alias, name_type or "PERSON") for name, alias, name_type in rows
            if isinstance(alias, str) and alias.strip() and alias != name]


def distinct_names(store, names: Iterable[str] | None = None, rules: RuleSet | None = None) -> list[tuple[str, str]]:
    """People a document tells apart, as pairs of its in-document person names which no
    rule may merge (`resolve`'s `distinct`); only pairs of `names` when given:

    - two names of two words or more written in one sentence ("Rashid Karimi, a witness,
      and Rashad Karimi, his cousin");
    - a one-word name (titles aside) that the document tells apart from a full name it is
      a word of (`ner.mention.apart`, factx.stages.mentions: "Sutarno, a fisherman" and
      "Budi Sutarno, the district head"; "Haddad and his brother Samir Haddad"), so that no
      other document's short form joins it through rule 3 ("Sutarno said ..." elsewhere);
      so with two one-word names of different distinctive titles ("Gen. Rahman", "Rahman,
      the minister")."""
    wanted, only, params = "", "", ()
    if names is not None:
        wanted = "WITH wanted(name) AS (SELECT value FROM json_each(?)) "
        only = " AND a.name IN wanted AND b.name IN wanted"
        params = (json.dumps(sorted(set(names)), ensure_ascii=False),)
    rows = store.conn.execute(
        wanted + "SELECT DISTINCT a.name, b.name FROM facts a JOIN facts b "
        "ON a.doc_id = b.doc_id AND a.quote = b.quote AND a.name < b.name "
        "WHERE a.attribute = 'name' AND b.attribute = 'name' "
        "AND a.name_type = 'PERSON' AND b.name_type = 'PERSON' "
        "AND instr(trim(a.name), ' ') > 0 AND instr(trim(b.name), ' ') > 0" + only, params).fetchall()
    out = {(a, b) for a, b in rows if isinstance(a, str) and isinstance(b, str)}
    # a short name (at most one title before one word) and a longer one that holds its word
    short = ("WITH s(doc_id, name, word) AS (SELECT DISTINCT doc_id, name, "
             "substr(trim(name), instr(trim(name), ' ') + 1) FROM facts "
             "WHERE attribute = 'name' AND name_type = 'PERSON' AND rule IN ('ner.mention.apart', 'ner.mention.typed.apart') "
             "AND instr(substr(trim(name), instr(trim(name), ' ') + 1), ' ') = 0"
             + (" AND name IN wanted" if wanted else "") + ") ")
    rows = store.conn.execute(
        (wanted + short.replace("WITH ", ", ", 1) if wanted else short)
        + "SELECT DISTINCT a.name, b.name FROM s a JOIN facts b ON a.doc_id = b.doc_id "
        "WHERE b.attribute = 'name' AND b.name_type = 'PERSON' AND b.name != a.name "
        "AND instr(b.name, a.word) > 0 AND length(b.name) > length(a.name)" + only, params).fetchall()
    nr = name_rules(rules if rules is not None else store_rules(store))
    for a, b in rows:
        if not isinstance(a, str) or not isinstance(b, str):
            continue
        own, full = core_tokens(a, "PERSON", nr=nr), core_tokens(b, "PERSON", nr=nr)
        if len(own) == 1 and (len(full) >= 2 and own[0] in full
                              or full == own and title_classes(a, nr=nr) != title_classes(b, nr=nr)):
            # ... or two one-word names of distinctive titles, or of one and none ("Gen. Rahman",
            # and "Rahman, the minister"); a gendered title alone says nothing ("Mr. Osei")
            out.add((min(a, b), max(a, b)))
    gendered = _other_gender(store, nr, rules if rules is not None else store_rules(store), names)
    return sorted(out | gendered)


def _other_gender(store, nr: NameRules, rules: RuleSet,
                  names: Iterable[str] | None = None) -> set[tuple[str, str]]:
    """A one-word name with a title that says a gender ("Mrs. Mensah") and a full name it ends
    whose own sentences (those that name no other person) speak of the other gender ("Kwabena
    Mensah, a taxi driver, died when a bus hit his car"): a widow and her husband.

    With `names`, the pairs of two of them, reading only their facts (a pair depends on
    its two names' facts alone: a rerun pays for the names it resolves again)."""
    titles = sorted({w for w in nr.gendered})
    only, params = "", ()
    if names is not None:
        only = " AND name IN (SELECT value FROM json_each(?))"
        params = (json.dumps(sorted(set(names)), ensure_ascii=False),)
    rows = store.conn.execute(
        "SELECT DISTINCT name FROM facts WHERE attribute = 'name' AND name_type = 'PERSON' "
        "AND instr(trim(name), ' ') > 0 AND lower(replace(substr(trim(name), 1, instr(trim(name), ' ') - 1), '.', '')) "
        "IN (SELECT value FROM json_each(?))" + only, (json.dumps(titles), *params)).fetchall()
    roles: dict[str, set[str]] = {}
    for rule in rules.get("misspellings"):
        roles.setdefault(rule["role"], set()).update(w.lower() for w in rule["words"])
    shorts = []  # (short name, its gender, its one word)
    for (short,) in rows:
        gender = gender_title(short, nr) if isinstance(short, str) else ""
        own = core_tokens(short, "PERSON", nr=nr) if gender else ()
        if len(own) == 1:
            shorts.append((short, gender, own[0]))
    if not shorts:
        return set()
    # the names that end as each short name does, for all of them in one query
    ending: dict[str, list[str]] = {}
    words = sorted({short.split()[-1] for short, _, _ in shorts})
    for word, full in store.conn.execute(
            "SELECT DISTINCT w.value, name FROM json_each(?) w JOIN facts ON name LIKE '% ' || w.value "
            "WHERE attribute = 'name' AND name_type = 'PERSON'" + only,
            (json.dumps(words, ensure_ascii=False), *params)).fetchall():
        ending.setdefault(word, []).append(full)
    # the pairs whose full name ends in the short name's word (as the resolver folds it)
    pairs = []
    for short, gender, own in shorts:
        for full in ending.get(short.split()[-1], ()):
            tokens = core_tokens(full, "PERSON", nr=nr) if isinstance(full, str) else ()
            if len(tokens) >= 2 and tokens[-1] == own:
                pairs.append((short, gender, full))
    # each such full name's own sentences (those that name no other person), in one query
    fulls = sorted({full for _, _, full in pairs})
    quotes: dict[str, list[str]] = {}
    for full, quote in store.conn.execute(
            "SELECT f.name, f.quote FROM facts f WHERE f.name IN (SELECT value FROM json_each(?)) "
            "AND f.attribute = 'name' AND NOT EXISTS ("
            "SELECT 1 FROM facts g WHERE g.doc_id = f.doc_id AND g.quote = f.quote AND g.attribute = 'name' "
            "AND g.name_type = 'PERSON' AND g.name != f.name)", (json.dumps(fulls, ensure_ascii=False),)).fetchall():
        if isinstance(quote, str):
            quotes.setdefault(full, []).append(quote)
    out = set()
    for short, gender, full in pairs:
        said = [t for q in quotes.get(full, ()) for t in _WORD.findall(q.lower())]
        he = sum(t in roles.get("masculine", ()) for t in said)
        she = sum(t in roles.get("feminine", ()) for t in said)
        theirs = "male" if he > 2 * she else "female" if she > 2 * he else ""
        if theirs and theirs != gender:
            out.add((min(short, full), max(short, full)))
    return out


def written_names(store, rules: RuleSet | None = None,
                  names: Iterable[str] | None = None) -> list[tuple[str, str, str]]:
    """Spellings that tell the resolver more about a person of two words or more than the
    document's name for him: (name, spelling, "PERSON"), merged as declared names are.

    - after a distinctive title ("Colonel Yusuf Dirie", whose name in the document is
      "Yusuf Dirie"): the resolver then knows the title the run writes him with, and
      "Col. Dirie" in another document is he;
    - a kunya the document gives for the name ("naming the attacker as Abu Karim al-Shami
      ... whom it identified as Yusuf Dirie", `factx.stages.mentions`): another document
      that writes the kunya alone names him too;
    - the given name alone, when the run calls him so (`_given_name_forms`): "Mr Tesfaye"
      in another document is he.

    With `names`, the pairs of those names only, reading their facts alone (a rerun pays
    for the names it changed; the resolver walks the keys to the names these pairs name)."""
    nr = name_rules(rules if rules is not None else store_rules(store))
    select = ("SELECT DISTINCT name, json_extract(value, '$') FROM facts WHERE attribute = 'name' "
              "AND name_type = 'PERSON' AND value_type = 'name' AND json_extract(value, '$') != name")
    rows = store.conn.execute(select).fetchall() if names is None else \
        store.facts_of_names(select, sorted(set(names))) if names else []
    out = []
    given: dict[str, set[str]] = {}
    for name, written in rows:
        if not isinstance(name, str) or not isinstance(written, str) or len(words(name)) < 2:
            continue
        spelled = words(written)
        if title_classes(written, nr=nr) and fold(written, nr=nr) == fold(name, nr=nr):
            out.append((name, " ".join(written.split()), "PERSON"))
        elif spelled[:1] and spelled[0] in nr.kunyas and not set(spelled) - nr.particles <= set(words(name)):
            out.append((name, " ".join(written.split()), "PERSON"))
        elif len(fold(written, nr=nr).split()) == 1 and fold(written, nr=nr) == fold(name, nr=nr).split()[0]:
            given.setdefault(fold(written, nr=nr), set()).add(name)
    if given:
        out += _given_name_forms(store, given, nr)
    return out


def _given_name_forms(store, given: dict[str, set[str]], nr: NameRules) -> list[tuple[str, str, str]]:
    """A given name a document writes alone for its person ("Tesfaye Alemu ... Tesfaye said",
    as Ethiopian, Thai, Malay and Indonesian names are used): (name, given name), when that
    word is no person's last word and the given name of no other person of the run (names
    that begin alike, "Tesfaye Alemu" / "Tesfaye Alemu Bekele", are one)."""
    people = [fold(n, nr=nr).split() for n in store.fact_names() if isinstance(n, str)]  # every type: stricter
    lasts = {p[-1] for p in people if len(p) >= 2}
    firsts: dict[str, list[list[str]]] = {}
    for p in people:
        if len(p) >= 2 and p[0] in given:
            firsts.setdefault(p[0], []).append(p)
    out = []
    for word, names in sorted(given.items()):
        longest = max(firsts.get(word, [[word]]), key=len)
        if word in lasts or any(p != longest[:len(p)] for p in firsts.get(word, ())):
            continue
        out += [(name, word.capitalize(), "PERSON") for name in sorted(names)]
    return out


def role_shared_names(store, rules: RuleSet | None = None,
                      names: Iterable[str] | None = None) -> list[tuple[str, str, str]]:
    """People the run names with and without their first given name ("Jane Mary Roe" /
    "Mary Roe") and gives one role and one origin under both ("President", from one
    country): (long name, short name, "PERSON"), to be merged as declared names are.

    A middle name is often the father's name ("Karim Ahmed Haddad" is the son of "Ahmed
    Haddad"), so the shape alone is no evidence; only when every one of these holds:
    the short name is the long one without its first word, both of plain capitalized
    words (no particle: "bin Haddad"); the long name is the only one of the run it can
    be; both carry a `title` fact of one value and an `origin` fact of one value; and
    no document names both (a document that does has told them apart).

    With `names`, the pairs that hold one of them, reading only the facts of the names
    that share their last two words (a rerun pays for the names it changed)."""
    nr = name_rules(rules if rules is not None else store_rules(store))

    def plain(name: str) -> tuple[str, ...] | None:
        return _plain(name, nr)

    def last_two(name: str) -> tuple[str, ...] | None:
        return role_shared_end(name, nr)

    select = ("SELECT name, attribute, json_extract(value, '$'), doc_id FROM facts "
              "WHERE name_type = 'PERSON' AND attribute IN ('name', 'title', 'origin') "
              "AND polarity IS NOT 'denied' AND value IS NOT NULL")
    wanted = set(names) if names is not None else None
    if wanted is None:
        rows = store.conn.execute(select).fetchall()
    else:
        ends = {last_two(name) for name in wanted} - {None}
        rows = store.facts_of_names(select, [n for n in store.fact_names() if last_two(n) in ends]) if ends else []
    seen: dict[str, dict[str, set]] = {}
    for name, attribute, value, doc_id in rows:
        if not isinstance(name, str) or not isinstance(value, str):
            continue
        about = seen.setdefault(name, {"name": set(), "title": set(), "origin": set()})
        about[attribute].add(doc_id if attribute == "name" else value.strip().lower())

    shorts: dict[tuple[str, ...], list[str]] = {}
    longs: dict[tuple[str, ...], list[str]] = {}
    for name in seen:
        folded = plain(name)
        if folded is not None and len(folded) == 2:
            shorts.setdefault(folded, []).append(name)
        elif folded is not None and len(folded) == 3:
            longs.setdefault(folded[1:], []).append(name)
    out = []
    for rest, names in longs.items():
        if len({tuple(words(n)) for n in names}) != 1:
            continue  # "Jane Mary Roe" and "Anna Mary Roe": which one?
        for long in names:
            for short in shorts.get(rest, ()):
                a, b = seen[long], seen[short]
                if a["title"] & b["title"] and a["origin"] & b["origin"] and not a["name"] & b["name"]:
                    out.append((long, short, "PERSON"))
    if wanted is not None:
        out = [pair for pair in out if pair[0] in wanted or pair[1] in wanted]
    return sorted(out)


@lru_cache(maxsize=1 << 16)
def _words(name: str) -> tuple[str, ...]:
    """`names.words` of a name, kept: a rerun asks for the same names' words again."""
    return tuple(words(name))


def _plain(name: str, nr: NameRules) -> tuple[str, ...] | None:
    """A name's folded words when it is written in plain capitalized words without a
    particle ("Jane Mary Roe", not "bin Haddad"), else None."""
    parts = name.split()
    if not all(p[:1].isupper() and p.isalpha() for p in parts):
        return None
    folded = _words(name)
    return folded if len(folded) == len(parts) and not set(folded) & nr.particles else None


def role_shared_end(name: str, nr: NameRules) -> tuple[str, ...] | None:
    """The last two words through which `role_shared_names` may pair a name with
    another (its two words, or the last two of three), else None: names of one end
    decide their pairs together."""
    folded = _plain(name, nr)
    return folded[-2:] if folded is not None and len(folded) in (2, 3) else None


def slip_keys(name: str) -> set[str]:
    """Keys that any two names `misspelled_names` may compare share (one word one letter
    apart, the others equal): per word of four letters or more, the word and the word
    without one of its letters but the first, with its position and the other words."""
    ws = _words(name)
    out: set[str] = set()
    if len(ws) < 2:
        return out
    for i, word in enumerate(ws):
        if len(word) < 4:
            continue
        before, after = " ".join(ws[:i]), " ".join(ws[i + 1:])
        out.add(f"{i}|{before}|{word}|{after}")
        if len(word) >= 5:
            out.update(f"{i}|{before}|{word[:k] + word[k + 1:]}|{after}" for k in range(1, len(word)))
    return out


#: A word of this many letters or more that the run writes once with one letter more or
#: less is a slip even when its document never writes it right (`misspelled_names`), written
#: up to `LONG_SLIP_COUNT` times there: no two given names or surnames so long differ so.
LONG_SLIP_LETTERS = 10
LONG_SLIP_COUNT = 4


def misspelled_names(store, rules: RuleSet | None = None,
                     names: Iterable[str] | None = None) -> list[tuple[str, str, str]]:
    """People whose name one document writes once with one letter more or less than the
    run writes it elsewhere ("Ibraim Nasser" in a document that also writes "Ibrahim
    Nasser", which other documents write too): (frequent name, slip, "PERSON"), to be
    merged as declared names are.

    Relatives share surnames and their given names often differ by one letter ("Karim" /
    "Karima", "Sami" / "Samir"), so the shape alone is no evidence; only when every one
    of these holds: both names have two words or more, all equal but one, and that word
    is the other with one letter added (`names.one_letter_apart`: same first letter, five
    letters or more, or four and a final vowel); the slip is written in one document only, at most twice, and that
    document writes the frequent name too; the frequent name is written in two documents
    or more and at least three times as often (a word of `LONG_SLIP_LETTERS` or more: the
    slip up to `LONG_SLIP_COUNT` times in one document, the frequent name in two others,
    at least as often); no other name of the run is one letter
    from the slip, nor is the frequent one with a feminine ending added ("Samira" /
    "Samir"; a dropped letter, "Osam", is a slip); the slip's sentence holds no kinship word ("his sister") nor the
    frequent name itself, and its pronouns are not of the other gender than the frequent
    name's (`rules/misspellings.yml`).

    With `names`, the pairs that hold one of them, reading only the facts of the names
    all of whose words but one are those of a name that can be a slip of them or they a
    slip of (a rerun pays for the names it changed)."""
    rules = rules if rules is not None else store_rules(store)
    nr = name_rules(rules)
    roles: dict[str, set[str]] = {}
    for rule in rules.get("misspellings"):
        roles.setdefault(rule["role"], set()).update(w.lower() for w in rule["words"])
    select = "SELECT name, doc_id, quote FROM facts WHERE name_type = 'PERSON' AND attribute = 'name'"
    wanted = set(names) if names is not None else None
    slips: set[str] | None = None  # the names that may be a slip in a pair of `names`
    if wanted is None:
        rows = store.conn.execute(select).fetchall()
    else:
        keyed = {name: _left_out_keys(name) for name in store.fact_names()}
        near_wanted = {k for name in wanted for k in _left_out_keys(name)}
        slips = {name for name, keys in keyed.items() if keys & near_wanted}
        near_slips = {k for name in slips for k in keyed[name]}
        rows = store.facts_of_names(select, [name for name, keys in keyed.items() if keys & near_slips])
    docs: dict[str, dict[int, int]] = {}
    quotes: dict[str, list[str]] = {}
    for name, doc_id, quote in rows:
        if not isinstance(name, str):
            continue
        per_doc = docs.setdefault(name, {})
        per_doc[doc_id] = per_doc.get(doc_id, 0) + 1
        quotes.setdefault(name, []).append(quote if isinstance(quote, str) else "")
    # names of two words or more by their words with one left out
    folded = {name: tuple(words(name)) for name in docs}
    index: dict[tuple, list[str]] = {}
    for name, ws in folded.items():
        if len(ws) >= 2:
            for i in range(len(ws)):
                index.setdefault((i, ws[:i], ws[i + 1:]), []).append(name)

    def gender(texts: list[str], strict: bool) -> str | None:
        he = she = 0
        for text in texts:
            tokens = _WORD.findall(text.lower())
            he += sum(t in roles.get("masculine", ()) for t in tokens)
            she += sum(t in roles.get("feminine", ()) for t in tokens)
        if strict:
            return "m" if he and not she else "f" if she and not he else None
        return "m" if he > 2 * she else "f" if she > 2 * he else None

    out = []
    for slip, ws in folded.items():
        slip_docs = docs[slip]
        if len(ws) < 2 or len(slip_docs) != 1 or sum(slip_docs.values()) > LONG_SLIP_COUNT \
                or slips is not None and slip not in slips:
            continue
        near = [(name, i) for i in range(len(ws)) for name in index.get((i, ws[:i], ws[i + 1:]), ())
                if name != slip and one_letter_apart(ws[i], folded[name][i])
                and not tokens_match(translit(ws[i], nr=nr), translit(folded[name][i], nr=nr), nr)]
        if not near or len({folded[name] for name, _ in near}) != 1:
            continue  # none, or two names one letter away: which one?
        if any(ws[i][len(folded[name][i]):] in roles.get("feminine_ending", ()) and ws[i].startswith(folded[name][i])
               for name, i in near):
            continue  # "Samira" beside "Samir", "Petrova" beside "Petrov": a woman of the family
        frequent = [name for name, _ in near]
        doc_counts: dict[int, int] = {}
        for name in frequent:
            for doc_id, n in docs[name].items():
                doc_counts[doc_id] = doc_counts.get(doc_id, 0) + n
        # a long word one letter apart is no other name ("Andriantsimbazovna" for
        # "Andriantsimbazovina"): an outlet that misspells it may do so throughout
        long = all(min(len(ws[i]), len(folded[name][i])) >= LONG_SLIP_LETTERS for name, i in near)
        if long:
            if len(set(doc_counts) - set(slip_docs)) < 2 or sum(doc_counts.values()) < sum(slip_docs.values()):
                continue
        elif len(doc_counts) < 2 or sum(doc_counts.values()) < 3 * sum(slip_docs.values()) \
                or not set(slip_docs) <= set(doc_counts) or sum(slip_docs.values()) > 2:
            continue
        texts = quotes[slip]
        lowered = [t.lower() for t in texts]
        # a kinship word written as a clergy title ("Father Anselm X") names no relative
        if any(set(_WORD.findall(_TITLE_KIN.sub(" ", t).lower())) & roles.get("kinship", set()) for t in texts) \
                or any(name.lower() in t for name in frequent for t in lowered):
            continue
        theirs = gender([q for name in frequent for q in quotes[name]], strict=False)
        mine = gender(texts, strict=True)
        if mine and theirs and mine != theirs:
            continue
        best = max(frequent, key=lambda name: (sum(docs[name].values()), name))
        out.append((best, slip, "PERSON"))
    if wanted is not None:
        out = [pair for pair in out if pair[0] in wanted or pair[1] in wanted]
    return sorted(out)


#: a capitalized word before a capitalized name: "Father Anselm", "Sister Mary" (a title)
_TITLE_KIN = re.compile(r"\b[A-Z][a-z]+(?=\s+[A-Z][a-z])")


def _left_out_keys(name: str) -> set[tuple]:
    """A name of two words or more by its words with one left out (position, words
    before, words after): two names one word apart share one of these."""
    ws = _words(name)
    return {(i, ws[:i], ws[i + 1:]) for i in range(len(ws))} if len(ws) >= 2 else set()


_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def described_names(store) -> list[tuple[str, str | None, bool]]:
    """What the documents say descriptions name (`description` facts, see
    `factx.stages.descriptions`), as (name, key, tie): `tie` when a document ties the
    name to the description ("the SPB, the country's spy agency") or the name is one
    ("Embassy of Norway"), else the name is a source or a place written as a
    description ("the Norwegian embassy"). A source whose key some document citing it did
    not give (its country was not found there) gets the key None too: the names table
    maps a name for every document at once."""
    rows = store.conn.execute(
        "SELECT DISTINCT name, json_extract(value, '$'), rule, doc_id FROM facts "
        "WHERE attribute = 'description' AND value IS NOT NULL").fetchall()
    out: set[tuple[str, str | None, bool]] = set()
    described: dict[str, set[int]] = {}
    for name, key, rule, doc_id in rows:
        tie = rule not in ("description.source", "description.written")
        out.add((name, key, tie))
        if rule == "description.source":
            described.setdefault(name, set()).add(doc_id)
    for name, docs in described.items():
        citing = {doc_id for (doc_id,) in store.conn.execute(
            "SELECT DISTINCT doc_id FROM facts WHERE said_by = ?", (name,))}
        if citing - docs:
            out.add((name, None, False))
    return sorted(out, key=lambda r: (r[0], r[1] or "", r[2]))


__all__ = ["declared_names", "described_names", "misspelled_names", "role_shared_names", "written_names", "find_entity", "match_records", "matching_entities", "closest",
           "similarity", "store_rules", "SUGGESTION_FLOOR", "RULES_KEY"]
