"""Stage 6, resolve: cluster the distinct names of a run into entities.

Runs once per run over *distinct names* (never over mentions, never over all
pairs). Light on purpose: stdlib, rapidfuzz and the rule loader; no spaCy.

How names become entities (precision first: a wrong merge invents a
disagreement, a missed one only hides it):

1. Names with the same `fold` are one node; its type is voted by count.
2. Nodes are blocked by the vowel-folded phonetic key of every core token
   (`factx.names.block_key`); inside a block two nodes merge when every token
   pair may spell the same name (`token_cost`) and the rapidfuzz similarity of
   their transliterated forms passes a floor. One-word names compare within a
   type group only, and only with the same distinctive titles ("Mullah Karim" is
   not "Karim"); names of two words or more compare across types (the model often
   calls a person with an "al-" name an organisation). Names whose words run
   together alike ("Gebre-Mariam" / "Gebremariam") are one too.
3. People: a first-and-last name that begins and ends exactly one longer name
   joins it ("George Bush" / "George Walker Bush"), and so does one whose given
   name is the short form of the other's ("Hafiz Khan" / "Hafizullah Khan"); a
   lone surname joins the one person it can be, and only when no other person
   has it as a given name. A one-word name with a distinctive title joins only a
   person written with that title somewhere in the run, and counts as a second
   candidate for the bare surname. Short forms ("Karim M.": a given name and the
   initial of the family name; "Sergei Ivanovich": a given name and a patronymic,
   `patronymic_endings` of rules/transliteration.yml) join the one person of the run
   with that given name and a family name of that initial, or that patronymic.
4. Acronyms join the one multi-word name of their type whose initials they are.
5. Names the documents declare the same ("X, also known as Y": `alternate_names`
   facts, passed as `same`) merge unless they are known to be different; a user's
   `aliases` merge names outright; `never_merge` lists and different generational
   suffixes (Jr./Sr.) are never merged.
6. Descriptions ("Norway's intelligence agency", passed as `described` with
   their keys, `factx.descriptions`) join the one entity the run ties their key to
   ("the State Protection Bureau — the main intelligence arm of
   Norway —"); with no tie, or ties to two entities, the descriptions of one key
   are one entity of their own. A description never becomes the canonical name of
   an entity that has a name. Descriptions of one key placed in two cities ("the
   Norwegian embassy in Rome" / "... in Oslo": the key's " in PLACE") join nothing.
"""

from __future__ import annotations

import gc
import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Callable, Iterable

from rapidfuzz import fuzz

from factx.names import (
    NameRules, acronym_letters, block_key, core_tokens, core_words, facility_order, family_name_first,
    spelled_out_country, fold as _fold, gender_title, given_names_match, given_stem,
    initialism_pattern, is_acronym, is_patronymic, name_rules, qualified_name, strip_possessive, strip_titles, title_classes,
    token_cost, type_group, unqualified_name, words,
)
from factx.event_links import join_events
from factx.event_places import canonical_event_name
from factx.events import RunEvents, split_event_name
from factx.initials import join_initials
from factx.rules import RuleSet, load_rules

#: rapidfuzz ratio floor on transliterated names inside a block: a guard against
#: phonetic coincidences between names that share consonants but little else.
SIMILARITY_FLOOR = 50.0

#: Blocks larger than this are compared against cluster representatives only.
MAX_BLOCK_PAIRS = 64

#: The never-merge rule number of the genders of one-word names' titles (`node_key`).
GENDER_RULE = -1

#: A person's name of this many words or more (with no chain particle) joins the one
#: shorter name that ends it with two words or more: a double surname ("Vidal Paredes"),
#: a Burmese name's last words. Shorter full names may end in a father's name.
TAIL_MIN_WORDS = 4

#: Types the model gives unfamiliar people's names: a two-word name of one of them that is
#: a short or long form of a person's ("Femi X" typed a place, "Oluwafemi X") is that person.
MISTYPED = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC"})

#: Type preference when counts tie.
_TYPE_ORDER = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT")


@dataclass(frozen=True)
class NameStat:
    """A distinct name of a run, with its (voted) type and how often it occurs."""

    name: str
    entity_type: str
    count: int


@dataclass(frozen=True)
class Entity:
    """A resolved entity: every input spelling of it, one canonical name, a stable id."""

    entity_id: str
    canonical: str
    entity_type: str
    names: tuple[str, ...]


def fold(name: str) -> str:
    """Case/accent/punctuation/honorific-insensitive key of a name, for lookups.

    >>> fold("Karim  HADDAD"), fold("Mr. Haddad’s"), fold("Al-Shabaab")
    ('karim haddad', 'haddad', 'al shabaab')
    """
    return _fold(name)


def entity_id(entity_type: str, canonical: str, *, nr: NameRules | None = None) -> str:
    """The stable id of an entity: a hash of its type and folded canonical name (with the
    gender of a one-word name's title: "Mrs. Osei" and "Mr. Osei" are two)."""
    digest = hashlib.sha256(f"{entity_type}\x1f{node_key(canonical, nr or name_rules())}".encode("utf-8"))
    return digest.hexdigest()[:16]


def node_key(name: str, nr: NameRules) -> str:
    """The node of a name: its fold, and for a one-word name the gender its title says
    (`names.gender_title`), so that "Mrs. Osei" and "Mr. Osei" are two nodes.

    >>> node_key("Mrs. Osei", name_rules()), node_key("Osei's", name_rules())
    ('osei|female', 'osei')
    """
    key = _fold(name, nr=nr) or name.strip().lower()
    gender = gender_title(name, nr)
    return f"{key}|{gender}" if gender else key


def closest(query: str, names: Iterable[str], limit: int = 5) -> list[str]:
    """The known names nearest to a query, best first (for "did you mean"); only names
    above `factx.lookup.SUGGESTION_FLOOR`.

    >>> closest("karim hadad", ["Karim Haddad", "Samir Nasser", "Paris"], limit=1)
    ['Karim Haddad']
    """
    from factx.lookup import closest as nearest

    return nearest(query, names, limit=limit)


# ------------------------------------------------------------------ internals

class _Node:
    """One folded name: every input spelling with that fold (plain dicts: 10^5 of these)."""

    __slots__ = ("key", "spellings", "types", "entity_type", "tokens", "acronym", "generation",
                 "titles", "given", "chain", "addressed", "family", "gender")

    def __init__(self, key: str) -> None:
        self.key = key
        self.spellings: dict[str, int] = {}
        self.types: dict[str, int] = {}
        self.entity_type = ""
        self.tokens: tuple[str, ...] = ()
        self.acronym = False
        self.generation = ""
        self.titles: frozenset[str] = frozenset()  # distinctive titles of its spellings
        self.given = ""  # the first core word as written (people), for short given names
        self.chain = False  # a person's name written with a chain particle (al-, bin): see rule 3
        self.addressed = False  # a person's name written after a title somewhere ("Mr. Abdi Farah")
        self.family = False  # a person's name written family name first ("Zhou Minghao")
        self.gender = key.rpartition("|")[2] if "|" in key else ""  # "Mrs. Osei": node_key


class _Clusters:
    """Union-find over nodes that refuses unions a never-merge rule forbids."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))
        self.forbidden: dict[int, dict[int, int]] = {}  # root -> {rule: member index}

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def tag(self, i: int, rule: int, member: int) -> None:
        tags = self.forbidden.setdefault(self.find(i), {})
        if rule in tags and tags[rule] != member:
            return  # two never-merge names already share a fold: nothing to enforce
        tags[rule] = member

    def can_union(self, a: int, b: int) -> bool:
        ta, tb = self.forbidden.get(self.find(a)), self.forbidden.get(self.find(b))
        if not ta or not tb:
            return True
        return all(tb.get(rule, member) == member for rule, member in ta.items())

    def union(self, a: int, b: int, *, force: bool = False) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if not force and not self.can_union(ra, rb):
            return False
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra
        tb = self.forbidden.pop(rb, None)
        if tb:
            self.forbidden.setdefault(ra, {}).update(tb)
        return True


def _vote(types: dict[str, int]) -> str:
    if len(types) == 1:
        return next(iter(types))
    return max(types, key=lambda t: (types[t], -_TYPE_ORDER.index(t) if t in _TYPE_ORDER else -99, t))


def _same_name(a: _Node, b: _Node, nr: NameRules, cities: frozenset[tuple] = frozenset()) -> bool:
    """Rule 2: equal-length token sequences that may spell the same name."""
    if a.acronym != b.acronym or a.generation != b.generation:
        return False
    if len(a.tokens) == 1 and (a.titles != b.titles or a.gender and b.gender and a.gender != b.gender):
        return False  # "Mullah Karim" is not any Karim, "Mrs. Osei" not "Mr. Osei" (nor both one Osei: tags)
    if two_entities(a, b, nr, cities):
        return False
    for x, y in zip(a.tokens, b.tokens):
        if token_cost(x, y, nr) == float("inf"):
            return False
    if a.tokens == b.tokens:
        return True
    return fuzz.ratio(" ".join(a.tokens), " ".join(b.tokens)) >= SIMILARITY_FLOOR


# ------------------------------------------------------------------ merge guards
# Evidence, read off two names alone, that they are two entities. A guard only ever
# refuses a join, and reads nothing but the two nodes: the incremental keys need no change.

def kin_marks(key: str, nr: NameRules) -> tuple[str, str]:
    """What is written before a folded name's first word and before its last word: "kin"
    (a particle that makes the next word a relative's name, particles.yml `kin`: "Abu
    Hamza" is Hamza's father, "Khalid bin Faisal" Faisal's son), "particle" (another
    particle, which may stand for one: "Ben Amor", "Bin Amor") or "" (nothing).

    >>> nr = name_rules()
    >>> kin_marks("abu hamza", nr), kin_marks("khalid bin faisal", nr), kin_marks("karim ben ammar", nr)
    (('kin', 'kin'), ('', 'kin'), ('', 'particle'))
    """
    ws = [w for w in key.split() if w not in nr.articles]
    if len(ws) < 2:
        return "", ""

    def mark(word: str) -> str:
        return "kin" if word in nr.kin_particles else "particle" if word in nr.particles else ""
    return mark(ws[0]), mark(ws[-2])


def kin_differ(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Whether two names' kin marks (`kin_marks`) tell two people: a relative's name
    against a name written with no particle there."""
    return any({x, y} == {"kin", ""} for x, y in zip(a, b))


def kind_mark(key: str, nr: NameRules) -> str:
    """The type a vessel's prefix or a company's legal form marks on a folded name
    (entity_types.yml rules marked `ignored`: "mv ..." FAC, "... ltd" ORG), or "".

    >>> kind_mark("mv julius nyerere", name_rules()), kind_mark("julius nyerere", name_rules())
    ('FAC', '')
    """
    ws = key.split()
    if len(ws) < 2:
        return ""
    return nr.ignored_prefixes.get(ws[0]) or nr.ignored_suffixes.get(ws[-1]) or ""


def named_after(a: _Node, b: _Node, nr: NameRules) -> bool:
    """A vessel or a company and the person it is named after ("MV Julius Nyerere" and
    "Julius Nyerere", "Kwame Osei Ltd" and "Kwame Osei"): its mark is not compared, but
    a person written without it is someone else."""
    ma, mb = kind_mark(a.key, nr), kind_mark(b.key, nr)
    return bool(ma) != bool(mb) and (b if ma else a).entity_type == "PERSON"


def two_entities(a: _Node, b: _Node, nr: NameRules, cities: frozenset[tuple] = frozenset()) -> bool:
    """Whether the names themselves say two entities: a relative's name ("Abu Hamza" is
    not "Hamza", "Khalid bin Faisal" not "Khalid Faisal"), a namesake vessel or company,
    a region and the city it is named after (`unit_differs`)."""
    return kin_differ(kin_marks(a.key, nr), kin_marks(b.key, nr)) or named_after(a, b, nr) \
        or unit_differs(a, b, nr, cities)


def admin_unit(node: _Node, nr: NameRules) -> str:
    """The kind of place a place's name says with its last word (entity_types.yml `unit`:
    "region" of "X Province", "district", "city" of "X City"), or "" for a bare name."""
    if type_group(node.entity_type) != "PLACE":
        return ""
    parts = node.key.split()
    return nr.admin_units.get(parts[-1], "") if len(parts) > 1 else ""


def unit_differs(a: _Node, b: _Node, nr: NameRules, cities: frozenset[tuple] = frozenset()) -> bool:
    """Whether two places of one name are two places: two kinds written out ("X Province",
    "X District", "X City", "X River"); a region and the bare name where the run writes "X
    City" or "X river" (`cities`: (unit, core tokens) of the run's "city" and "water" names)
    or the gazetteer knows a city X ("Karsk Region" is not the city of Karsk; "Zelmor
    Province" is Zelmor, where no city or river has the name); a city and the bare name of
    a country or state ("Kuwait City", "Kuwait"); a river and any bare name (the bare
    "Velna" may be the river or the town on it named after it: the name does not say)."""
    ua, ub = admin_unit(a, nr), admin_unit(b, nr)
    if ua == ub:
        return False
    if ua and ub:
        return True
    unit, bare = (ua, b) if ua else (ub, a)
    if type_group(bare.entity_type) != "PLACE" and bare.entity_type != "ORG":
        return False
    name = " ".join(bare.key.split())
    from factx.places import is_city, is_country_or_state

    if unit == "city":
        return is_country_or_state(name)
    if unit == "water":
        return True
    return ("city", bare.tokens) in cities or ("water", bare.tokens) in cities or is_city(name)


def _subsequence(short: tuple[str, ...], long: tuple[str, ...], nr: NameRules) -> bool:
    """Whether `short` matches `long` word by word in order, first and last words included."""
    if not tokens_ok(short[0], long[0], nr) or not tokens_ok(short[-1], long[-1], nr):
        return False
    j = 1
    for token in short[1:-1]:
        while j < len(long) - 1 and not tokens_ok(token, long[j], nr):
            j += 1
        if j >= len(long) - 1:
            return False
        j += 1
    return True


def tokens_ok(a: str, b: str, nr: NameRules) -> bool:
    return token_cost(a, b, nr) != float("inf")


def _display(name: str, entity_type: str, nr: NameRules) -> str:
    """A name as canonical: possessive, a leading "the", (for organisations) the country
    that qualifies it and (for people) titles removed."""
    text = " ".join(strip_possessive(name).split())
    if entity_type == "ORG":  # "U.S. Federal Maritime Safety Board": the board's own name
        text = unqualified_name(text, nr=nr)
    parts = text.split(" ")
    if len(parts) > 1 and parts[0].lower() == "the":
        parts = parts[1:]
    if entity_type == "PERSON":
        titles, gendered = [], []
        while len(parts) > 1 and parts[0].lower().replace(".", "") in nr.honorifics:
            if parts[0].lower().replace(".", "") in nr.distinctive:
                titles.append(parts[0])
            elif parts[0].lower().replace(".", "") in nr.gendered and not gendered:
                gendered.append(parts[0])
            parts = parts[1:]
        if len(parts) == 1:  # "Mullah Karim", "Mrs. Osei": how a one-word name is told apart
            parts = (titles or gendered) + parts
    return " ".join(parts)


def _build_nodes(names: Iterable[NameStat], nr: NameRules) -> list[_Node]:
    nodes: dict[str, _Node] = {}
    for stat in names:
        key = node_key(stat.name, nr)
        node = nodes.get(key)
        if node is None:
            node = nodes[key] = _Node(key)
        count = stat.count if stat.count > 0 else 1
        node.spellings[stat.name] = node.spellings.get(stat.name, 0) + count
        node.types[stat.entity_type] = node.types.get(stat.entity_type, 0) + count
    out = list(nodes.values())
    for node in out:
        node.entity_type = _vote(node.types)
        spellings = node.spellings
        spelling = next(iter(spellings)) if len(spellings) == 1 else max(spellings, key=spellings.__getitem__)
        node.acronym = " " not in node.key and is_acronym(spelling)
        if node.acronym:
            node.tokens = (acronym_letters(spelling).lower(),)
        else:
            node.tokens = core_tokens(spelling, node.entity_type, nr=nr)
        if len(node.tokens) > 1 and node.tokens[-1] in nr.generational:
            node.generation, node.tokens = node.tokens[-1], node.tokens[:-1]
        if node.entity_type == "PERSON" and not node.acronym:
            # (only spellings that begin with a title are read for it: 10^5 names)
            titled = [s for s in spellings if "".join(words((s.split(None, 1) or [""])[0])) in nr.honorifics]
            node.titles = frozenset().union(*(title_classes(s, nr=nr) for s in titled)) \
                if titled else frozenset()
            node.addressed = bool(titled)
            if len(node.tokens) == 2 and not node.generation:  # only two-word names use it
                plain = core_words(spelling, "PERSON", nr=nr)
                node.given = plain[0] if len(plain) == 2 else ""
            if 1 < len(node.tokens) <= 3:
                node.family = family_name_first(core_words(spelling, "PERSON", nr=nr), nr)
            if len(node.tokens) >= TAIL_MIN_WORDS:
                node.chain = any(w in nr.chain_particles for s in spellings for w in words(s))
        elif node.entity_type in MISTYPED and len(node.tokens) == 2 and not node.acronym and not node.generation \
                and all(w[:1].isupper() for w in spelling.split()):
            plain = core_words(spelling, node.entity_type, nr=nr)
            node.given = plain[0] if len(plain) == 2 else ""
    return out


def resolve(names: Iterable[NameStat], *, rules: RuleSet | None = None,
            same: Iterable[tuple[str, str]] = (),
            described: Iterable[tuple[str, str | None, bool]] = (),
            events: RunEvents | None = None,
            distinct: Iterable[tuple[str, str]] = ()) -> list[Entity]:
    """Cluster distinct names into entities; every input name lands in exactly one.

    `same` holds pairs of names the documents declare to be one entity ("X, also
    known as Y"); both names must be among `names`. They merge unless a rule says
    they are different (`never_merge`, Jr./Sr., a person and an organisation).
    `described` holds (name, key, tie) triples (`factx.lookup.described_names`): a
    name tied to a description's key by a document (tie), or a source written as a
    description of that key; a description with two keys (or None) stays alone.
    `events` holds what the run's facts tell about its events (`factx.events.run_events`).
    `distinct` holds pairs of names a document tells apart (both written in one sentence,
    `factx.lookup.distinct_names`): no rule ends them in one entity.

    >>> ents = resolve([NameStat("Yusuf Nasser", "PERSON", 5), NameStat("Yousuf Naser", "PERSON", 7),
    ...                 NameStat("Hamid Yusuf Karimi", "PERSON", 1)])
    >>> sorted((e.canonical, len(e.names)) for e in ents)
    [('Hamid Yusuf Karimi', 1), ('Yousuf Naser', 2)]
    """
    rules = rules if rules is not None else load_rules()
    nr = name_rules(rules)
    # the cyclic garbage collector rescans every live node as they pile up, which makes
    # building 10^5 small objects superlinear; nothing here creates reference cycles
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _resolve(names, rules, nr, same, described, events, distinct)
    finally:
        if enabled:
            gc.enable()


def _resolve(names: Iterable[NameStat], rules: RuleSet, nr: NameRules,
             same: Iterable[tuple[str, str]] = (),
             described: Iterable[tuple[str, str | None, bool]] = (),
             events: RunEvents | None = None,
             distinct: Iterable[tuple[str, str]] = ()) -> list[Entity]:
    nodes = _build_nodes(names, nr)
    by_key = {node.key: i for i, node in enumerate(nodes)}
    clusters = _Clusters(len(nodes))

    # rule 5 (never_merge): tag every listed name with its rule and position
    for r, rule in enumerate(rules.get("never_merge")):
        for m, name in enumerate(rule["names"]):
            i = by_key.get(_fold(name))
            if i is not None:
                clusters.tag(i, r, m)

    # "Mrs. Osei" and "Mr. Osei" never end in one entity, through any chain of joins
    for i, node in enumerate(nodes):
        if node.gender:
            clusters.tag(i, GENDER_RULE, node.gender == "male")
    # nor do two spellings of one length one sentence names ("Rashid Karimi, a witness, and
    # Rashad Karimi, his cousin"), nor a one-word name and a full name a document left apart
    # ("Sutarno, a fisherman" and "Budi Sutarno"); other short forms are rule 3's to judge
    # ("George Bush")
    for n, (a, b) in enumerate(sorted(set(distinct))):
        i, j = by_key.get(node_key(a, nr)), by_key.get(node_key(b, nr))
        if i is not None and j is not None and i != j and (
                len(nodes[i].tokens) == len(nodes[j].tokens) or 1 in (len(nodes[i].tokens), len(nodes[j].tokens))):
            clusters.tag(i, GENDER_RULE - 1 - n, 0)
            clusters.tag(j, GENDER_RULE - 1 - n, 1)

    # places the run writes as cities ("X City") or rivers ("X river"): the region named "X
    # Province" is another
    cities = frozenset((unit, node.tokens) for node in nodes if (unit := admin_unit(node, nr)) in ("city", "water"))
    # rule 2: blocks of equal phonetic keys; one-word names within a type group
    blocks: dict[tuple, list[int]] = defaultdict(list)
    joined: dict[tuple, list[int]] = defaultdict(list)
    for i, node in enumerate(nodes):
        keys = tuple(block_key(t, nr) for t in node.tokens)
        group = type_group(node.entity_type) if len(node.tokens) < 2 or node.acronym else "*"
        blocks[(group, node.acronym, keys)].append(i)
        if not node.acronym:
            joined[(type_group(node.entity_type), node.generation, "".join(node.tokens))].append(i)
    # institutions with and without the country that qualifies them ("US National
    # Transportation Safety Board"), unless the run qualifies one name with two countries
    qualified: dict[tuple, list[tuple[int, tuple[str, ...]]]] = defaultdict(list)
    for i, node in enumerate(nodes):
        if node.entity_type not in ("PERSON", "NORP", "EVENT") and not node.acronym and " " in node.key:
            plain = facility_order(spelled_out_country(tuple(w for w in node.key.split() if w != "the"), nr), nr)
            short = qualified_name(plain, nr)
            dropped = tuple(w for w in plain if w not in short and w not in ("of", "international"))
            qualified[(type_group(node.entity_type), "".join(short))].append((i, dropped))
    for members in qualified.values():
        if len(members) > 1 and len({d for _, d in members if d}) <= 1:
            for i, _ in members[1:]:
                clusters.union(members[0][0], i)
    # words run together or apart alike: "Gebre-Mariam" / "Gebremariam", "Jong-un" / "Jong Un"
    for members in joined.values():
        if len(members) > 1 and any(len(nodes[i].tokens) > 1 for i in members):
            for i in members[1:]:
                if len(nodes[i].tokens) == 1 and nodes[i].titles != nodes[members[0]].titles:
                    continue
                if two_entities(nodes[i], nodes[members[0]], nr, cities):
                    continue
                clusters.union(members[0], i)
    for members in blocks.values():
        if len(members) < 2:
            continue
        reps: list[int] = []
        for i in members:
            joined = False
            # compare with every member of small blocks, with representatives of large ones
            pool = members[:members.index(i)] if len(members) <= MAX_BLOCK_PAIRS else reps
            for j in pool:
                if _same_name(nodes[i], nodes[j], nr, cities) and clusters.union(i, j):
                    joined = True
                    if len(members) > MAX_BLOCK_PAIRS:
                        break
            if not joined:
                reps.append(i)

    # rule 5 (declared): "X, also known as Y" in a document, unless known different; before
    # rule 3, so that a bare surname of a declared pair sees one candidate, not two
    for a, b in same:
        i, j = by_key.get(node_key(a, nr)), by_key.get(node_key(b, nr))
        if i is None or j is None or i == j:
            continue
        ni, nj = nodes[i], nodes[j]
        if ni.generation != nj.generation or (type_group(ni.entity_type) != type_group(nj.entity_type)
                                              and "PERSON" in (ni.entity_type, nj.entity_type)):
            continue
        clusters.union(i, j)

    _join_people(nodes, clusters, nr)
    join_initials(nodes, clusters, nr, tokens_ok)  # "P. I. Kovrov" (factx.initials)
    _join_facilities(nodes, clusters, nr)
    _join_acronyms(nodes, clusters, nr)
    join_events(nodes, clusters.union, rules, events)  # events by kind, place and time (factx.event_links)

    # rule 6: descriptions join the one entity the run ties their key to
    descriptions = _join_descriptions(nodes, by_key, clusters, described, nr, mission_classes(rules))

    # rule 5 (aliases): a user's known aliases merge outright
    alias_canonical: dict[int, str] = {}
    for rule in rules.get("aliases"):
        present = [by_key[k] for k in (_fold(n) for n in rule["names"]) if k in by_key]
        for i in present[1:]:
            clusters.union(present[0], i, force=True)
        if present:
            alias_canonical[clusters.find(present[0])] = rule["names"][0]

    members_of: dict[int, list[int]] = defaultdict(list)
    for i in range(len(nodes)):
        members_of[clusters.find(i)].append(i)
    entities = []
    for root, members in members_of.items():
        alias = alias_canonical.get(root)
        if alias is None and len(members) > 1 and any(nodes[i].entity_type == "EVENT" for i in members):
            # an event named at a town and at its country: the town (factx.event_places)
            spellings: dict[str, int] = {}
            for i in members:
                for name, count in nodes[i].spellings.items():
                    spellings[name] = spellings.get(name, 0) + count
            alias = canonical_event_name(spellings, rules, events)
        entities.append(_entity(nodes, members, alias, nr, descriptions))
    entities.sort(key=lambda e: (e.entity_type, e.canonical.lower(), e.entity_id))
    return entities


def facility_head(node: _Node, nr: NameRules) -> str:
    """The facility word a facility's name ends with ("hospital" of "Norvik District
    Hospital"; entity_types.yml, FAC), or ""."""
    last = node.key.rpartition(" ")[2]
    return last if node.entity_type == "FAC" and not node.acronym and nr.suffix_types.get(last) == "FAC" else ""


def _join_facilities(nodes: list[_Node], clusters: _Clusters, nr: NameRules) -> None:
    """Rule 3 for facilities: a place's name and a facility word ("Norvik hospital", "the
    Sarvesh temple") join the one longer facility of the run that begins with that name and
    ends with that word ("Norvik District Hospital", "Sarvesh Devi Temple"); with two such
    facilities ("Norvik Military Hospital", "Norvik Children's Hospital") it joins none."""
    longer: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, node in enumerate(nodes):
        if len(node.tokens) > 2 and facility_head(node, nr):
            longer[(block_key(node.tokens[0], nr), facility_head(node, nr))].append(i)
    for i, node in enumerate(nodes):
        if len(node.tokens) != 2 or not facility_head(node, nr):
            continue
        cands = [j for j in longer.get((block_key(node.tokens[0], nr), facility_head(node, nr)), ())
                 if tokens_ok(node.tokens[0], nodes[j].tokens[0], nr)]
        if len({clusters.find(j) for j in cands}) == 1:
            clusters.union(i, cands[0])


def _join_people(nodes: list[_Node], clusters: _Clusters, nr: NameRules) -> None:
    """Rule 3: shorter person names join the one longer name they can be."""
    # indexes by phonetic key, holding distinct words so that common names stay cheap
    firsts: dict[str, set[str]] = defaultdict(set)
    lasts: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    longer: dict[tuple[str, str], list[int]] = defaultdict(list)
    # two-word names by (last word, given name) keys: a short given name meets the long
    # form whose stem it is ("Hafiz Khan" / "Hafizullah Khan")
    by_first: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_stem: dict[tuple[str, str], list[int]] = defaultdict(list)
    stems: dict[int, str | None] = {}
    titled: dict[str, list[int]] = defaultdict(list)  # one-word names with distinctive titles
    by_given: dict[str, list[int]] = defaultdict(list)  # full names by given name: "Karim M." meets them
    by_two: dict[tuple[str, str], list[int]] = defaultdict(list)  # names of 3+ words by their first two
    rivals = surname_rivals(nodes, nr)
    by_tail: dict[tuple[str, str], list[int]] = defaultdict(list)  # names of 3+ words by their last two
    seconds: dict[str, list[int]] = defaultdict(list)  # names of 3+ words by their next-to-last word
    for i, node in enumerate(nodes):
        if node.entity_type != "PERSON" or node.acronym:
            continue
        if len(node.tokens) < 2:
            if node.tokens and node.titles:
                titled[block_key(node.tokens[0], nr)].append(i)
            continue
        first, last = block_key(node.tokens[0], nr), block_key(node.tokens[-1], nr)
        if len(node.tokens[-1]) > 1:
            by_given[first].append(i)
        firsts[first].add(node.tokens[0])
        lasts[last][node.tokens[-1]].append(i)
        if not node.generation:
            if node.given:
                by_first[(last, first)].append(i)
                stem = stems[i] = given_stem(node.given, nr=nr)
                if stem is not None:
                    by_stem[(last, block_key(stem, nr))].append(i)
            if len(node.tokens) > 2:
                longer[(first, last)].append(i)
                by_two[(first, block_key(node.tokens[1], nr))].append(i)
                by_tail[(block_key(node.tokens[-2], nr), last)].append(i)
                seconds[block_key(node.tokens[-2], nr)].append(i)
                if node.tokens[0] in nr.given_prefixes:  # "Abdul Rahman Khan" may be "Rahman Khan"
                    longer[(block_key(node.tokens[1], nr), last)].append(i)
    # the distinctive titles each cluster is written with somewhere in the run
    cluster_titles: dict[int, set[str]] = defaultdict(set)
    for i, node in enumerate(nodes):
        if node.titles:
            cluster_titles[clusters.find(i)].update(node.titles)
    # the one-word names each cluster holds: the run calls that person by them ("Tesfaye")
    alone: dict[int, set[str]] = defaultdict(set)
    for i, node in enumerate(nodes):
        if node.entity_type == "PERSON" and len(node.tokens) == 1 and not node.titles and not node.acronym:
            alone[clusters.find(i)].add(node.tokens[0])

    def called(j: int, word: str) -> bool:
        return word in alone.get(clusters.find(j), ())

    joins: list[tuple[int, int]] = []
    lone: list[int] = []  # lone words that can be no one's surname (see the end)
    later: list[tuple[int, list[int]]] = []
    first_surnames: dict[str, list[int]] = defaultdict(list)
    def short_and_long(i: int, node: _Node, stem: str | None) -> list[int]:
        # a short and a long form of one given name: "Hafiz Khan" / "Hafizullah Khan"
        tokens = node.tokens
        last = block_key(tokens[-1], nr)
        pool = by_stem.get((last, block_key(tokens[0], nr)), []) + \
            (by_first.get((last, block_key(stem, nr)), []) if stem is not None else [])
        return [j for j in pool
                if j != i and tokens_ok(tokens[-1], nodes[j].tokens[-1], nr)
                and not tokens_ok(tokens[0], nodes[j].tokens[0], nr)
                and given_names_match(node.given, nodes[j].given, nr=nr)]

    for i, node in enumerate(nodes):
        if node.entity_type != "PERSON" and node.given:
            cands = short_and_long(i, node, given_stem(node.given, nr=nr))
            if len({clusters.find(j) for j in cands}) == 1:
                joins.append((i, cands[0]))
            continue
        if node.entity_type != "PERSON" or node.acronym or node.generation:
            continue
        tokens = node.tokens
        if len(tokens) == 2 and len(tokens[1]) == 1:
            # "Karim M.", the press's way of naming a suspect: the one person with that given
            # name whose next word (a particle included: "Karim Ben Amor") begins with M
            cands = [j for j in by_given.get(block_key(tokens[0], nr), ())
                     if tokens_ok(tokens[0], nodes[j].tokens[0], nr) and _second_initial(nodes[j], nr) == tokens[1]]
        elif len(tokens) == 2 and len(tokens[0]) == 1:
            # "K. Selvam", how South Indian names are often written: the one person of that
            # surname whose given name begins with K
            cands = [j for last, js in lasts.get(block_key(tokens[1], nr), {}).items() if tokens_ok(tokens[1], last, nr)
                     for j in js if len(nodes[j].tokens[0]) > 1 and tokens[0] in _given_initials(nodes[j], nr)]
        elif len(tokens) == 2:
            # "George Bush" inside "George Walker Bush"; a name with middle words of its
            # own must match in full ("George W. Bush" is not "George H. W. Bush")
            cands = [j for j in longer.get((block_key(tokens[0], nr), block_key(tokens[-1], nr)), ())
                     if _subsequence(tokens, nodes[j].tokens, nr)
                     or (nodes[j].tokens[0] in nr.given_prefixes and _subsequence(tokens, nodes[j].tokens[1:], nr))]
            plain = core_words(max(node.spellings, key=node.spellings.__getitem__), "PERSON", nr=nr)
            if is_patronymic(plain[-1], nr):  # "Sergei Ivanovich": the given name and patronymic (as written)
                cands += [j for j in by_two.get((block_key(tokens[0], nr), block_key(tokens[1], nr)), ())
                          if tokens_ok(tokens[0], nodes[j].tokens[0], nr) and tokens_ok(tokens[1], nodes[j].tokens[1], nr)]
            if node.given:
                cands += short_and_long(i, node, stems.get(i))
            # the first given name and the first surname: "Ana Ruiz" of "Ana Sofia Ruiz Vega"; a
            # name of three words it could be ("Ana Ruiz Vega", "George Walker Bush") decides nothing
            firsts_surnames = [j for j in seconds.get(block_key(tokens[1], nr), ())
                               if tokens_ok(tokens[0], nodes[j].tokens[0], nr) and tokens_ok(tokens[1], nodes[j].tokens[-2], nr)]
            if firsts_surnames and all(len(nodes[j].tokens) >= TAIL_MIN_WORDS and not nodes[j].chain
                                       for j in firsts_surnames):
                cands += firsts_surnames
        elif len(tokens) > 2:
            cands = []
        elif len(tokens) == 1:
            token = tokens[0]
            key = block_key(token, nr)
            if any(tokens_ok(token, first, nr) for first in firsts.get(key, ())):
                if not node.titles:
                    lone.append(i)
                    continue  # someone's given name: "Karim" may be "Karim Nasser"
                # "Father Anselm": a priest called by title and given name (honorifics.yml
                # `given_name`) is the one person written with that title whose first or
                # last word it is ("Father Anselm X", not an Anselm or an X written without it)
                if not node.titles & nr.given_titles:
                    continue
                cands = [j for j in by_given.get(key, ()) if tokens_ok(token, nodes[j].tokens[0], nr)]
                cands += [j for last, js in lasts.get(key, {}).items() if tokens_ok(token, last, nr) for j in js]
                cands = [j for j in cands if node.titles <= cluster_titles.get(clusters.find(j), set())
                         and not kin_differ(kin_marks(nodes[j].key, nr), kin_marks(node.key, nr))]
                if len({clusters.find(j) for j in cands}) == 1:
                    joins.append((i, cands[0]))
                continue
            cands = [j for last, js in lasts.get(key, {}).items() if tokens_ok(token, last, nr)
                     for j in js]
            kin = kin_marks(node.key, nr)[1:]
            if any(kin_differ(kin_marks(nodes[j].key, nr)[1:], kin) for j in cands):
                continue  # "Faisal" alone is not "Khalid bin Faisal" (his son), maybe his father
            if node.titles:
                # a first surname too ("Commissioner Galindo" of "Commissioner Hugo Galindo Ferrer")
                cands += [j for j in seconds.get(key, ()) if tokens_ok(token, nodes[j].tokens[-2], nr)
                          and not nodes[j].chain]
            if any(clusters.find(j) not in {clusters.find(c) for c in cands}
                   for word, j in rivals.get(key, ()) if tokens_ok(token, word, nr)
                   and (not node.titles or node.titles <= cluster_titles.get(clusters.find(j), set()))):
                if not node.titles:
                    lone.append(i)  # the first of a double surname? (below, with its own checks)
                continue  # "Paredes" alone, with "Lucia Paredes Soto" and "Elena Vidal Paredes"
            if node.titles:
                # "Mullah Karim": only a person written with that title somewhere
                cands = [j for j in cands if node.titles <= cluster_titles.get(clusters.find(j), set())]
            else:
                # a bare surname: a titled one-word name of it is one more candidate
                cands += [j for j in titled.get(key, ()) if tokens_ok(token, nodes[j].tokens[0], nr)]
        else:
            continue
        if len(tokens) >= 2 and len(tokens[1]) > 1:
            ends = _ends_of(node, by_two, by_tail, nodes, nr, called)
            if ends is None:
                continue  # a name that ends a shorter chain of names may be a forebear's
            cands += ends
        elif len(tokens) == 1 and not cands and not node.titles:
            lone.append(i)
        roots = {clusters.find(j) for j in cands}
        if len(roots) > 1 and (len(tokens) == 1 and not node.titles or len(tokens) == 2 and len(tokens[0]) == 1):
            later.append((i, cands))  # two candidates now, one person after the joins below?
        if len(roots) == 1:
            joins.append((i, cands[0]))
            j = cands[0]
            long = nodes[j].tokens
            if len(long) >= TAIL_MIN_WORDS and not nodes[j].chain and tokens in (long[:-1], long[-2:], (long[0], long[-2])):
                # "Ana Sofia Ruiz" or "Ruiz Vega" of "Ana Sofia Ruiz Vega": a double surname
                first_surnames[block_key(long[-2], nr)].append(j)
    for i, j in _one_gender_each(joins, nodes, clusters):
        clusters.union(i, j)
    # a surname whose candidates the joins above made one person ("Selvam" of "K. Selvam"
    # and "Kannan Selvam")
    for i, cands in later:
        if len({clusters.find(j) for j in cands}) == 1:
            clusters.union(i, cands[0])
    # a lone word that is no one's last word: the first of a double surname ("Ruiz") or
    # the family name of a name written family name first ("Mr. Wang", "Wang") is the one
    # person the run names so (a given name after a title, "Mr. Somchai", only inside a
    # document: "Mr. Lee" is as often someone surnamed Lee; factx.stages.mentions)
    joins = []
    for i in lone:
        token = nodes[i].tokens[0]
        key = block_key(token, nr)
        cands = [j for j in first_surnames.get(key, ()) if tokens_ok(token, nodes[j].tokens[-2], nr)]
        cands += [j for j in by_given.get(key, ()) if nodes[j].family and tokens_ok(token, nodes[j].tokens[0], nr)]
        roots = {clusters.find(j) for j in cands}
        if len(roots) != 1:
            continue
        root = roots.pop()
        # nobody else has the word for a given name or a surname ("Ruiz Vega" itself may)
        if any(clusters.find(j) != root for j in by_given.get(key, ()) if tokens_ok(token, nodes[j].tokens[0], nr)) \
                or any(clusters.find(j) != root for last, js in lasts.get(key, {}).items()
                       if tokens_ok(token, last, nr) for j in js) \
                or any(clusters.find(j) != root for j in seconds.get(key, ()) if tokens_ok(token, nodes[j].tokens[-2], nr)):
            continue
        joins.append((i, cands[0]))
    for i, j in joins:
        clusters.union(i, j)


def _ends_of(node: _Node, by_two: dict, by_tail: dict, nodes: list[_Node],
             nr: NameRules, called: Callable[[int, str], bool] = lambda j, w: False) -> list[int] | None:
    """The longer person names a name of two words or more begins or ends.

    Begins: three words or more ("Ana Sofia Ruiz" of "Ana Sofia Ruiz Vega"), or two
    written after a title ("Mr. Abdi Farah" of "Abdi Farah Warsame": the given and the
    father's name), or two of a person the run calls by the given name alone (`called`:
    "Tesfaye Alemu" of "Tesfaye Alemu Bekele", whom documents call "Tesfaye"); two bare
    words may be someone's full name ("George Walker").
    Ends: a double surname ("Ruiz Vega"), only of names of `TAIL_MIN_WORDS` words with
    no chain particle. None when a name of three words or more that it ends could end
    in a father's name ("Karim Nasser" of "Samir Karim Nasser"): then it is no short form."""
    tokens = node.tokens
    k = len(tokens)
    out = []
    for j in by_two.get((block_key(tokens[0], nr), block_key(tokens[1], nr)), ()):
        long = nodes[j].tokens
        if len(long) > k and all(tokens_ok(a, b, nr) for a, b in zip(tokens, long)) \
                and (k > 2 or node.addressed or called(j, tokens[0])):
            out.append(j)
    for j in by_tail.get((block_key(tokens[-2], nr), block_key(tokens[-1], nr)), ()):
        long = nodes[j].tokens
        if len(long) > k and all(tokens_ok(a, b, nr) for a, b in zip(tokens, long[-k:])):
            if long[0] in nr.given_prefixes and len(long) - k == 1:
                continue  # "Rahman Karimi" of "Abdul Rahman Karimi": a short given name (above)
            if len(long) < TAIL_MIN_WORDS or nodes[j].chain:
                return None
            out.append(j)
    return out


def _one_gender_each(joins: list[tuple[int, int]], nodes: list[_Node],
                     clusters: _Clusters) -> list[tuple[int, int]]:
    """Rule 3's joins without those of gendered one-word names of both genders into one
    person ("Mr. Osei" and "Mrs. Osei" both to "Kwame Osei": nothing says which he is)."""
    genders: dict[int, set[str]] = defaultdict(set)
    for i, j in joins:
        if nodes[i].gender:
            genders[clusters.find(j)].add(nodes[i].gender)
    return [(i, j) for i, j in joins if not nodes[i].gender or len(genders[clusters.find(j)]) < 2]


def surname_rivals(nodes: list[_Node], nr: NameRules) -> dict[str, list[tuple[str, int]]]:
    """Rule 3's other candidates for a lone word, by its phonetic key: (word, node) of
    - the middle words of person names of three words or more: in many traditions the
      family name is not last ("Lucia Paredes Soto" is Mrs. Paredes: "Paredes" alone is no
      more "Elena Vidal Paredes"'s), or a father's name is ("Abdullahi Mohamed Farah");
    - the last word of a multi-word name the model did not call a person: names of two
      words or more are compared across types for that reason, and "Farah" alone may be
      the "Abdullahi Farah" it called a place.
    They never take the lone word themselves; with them it joins no one."""
    out: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for i, node in enumerate(nodes):
        tokens = node.tokens
        if node.acronym or len(tokens) < 2:
            continue
        if node.entity_type == "PERSON":
            for word in tokens[1:-1]:
                out[block_key(word, nr)].append((word, i))
        elif node.entity_type not in ("EVENT", "NORP"):
            out[block_key(tokens[-1], nr)].append((tokens[-1], i))
    return out


def _given_initials(node: _Node, nr: NameRules) -> set[str]:
    """The first letters of a person's given name: as compared ("evgeny") and as written
    ("Yevgeny": "Y. Morozkin" is he)."""
    out = {node.tokens[0][:1]}
    for spelling in node.spellings:
        plain = core_words(spelling, "PERSON", nr=nr)
        if plain:
            out.add(plain[0][:1])
    return out


def _second_initial(node: _Node, nr: NameRules) -> str:
    """The first letter of the word after a person's given name, as written ("b" of
    "Karim Ben Amor"; titles aside)."""
    spelling = max(node.spellings, key=node.spellings.__getitem__)
    parts = [w for w in words(spelling) if w]
    while len(parts) > 2 and parts[0] in nr.honorifics:
        parts = parts[1:]
    return parts[1][:1] if len(parts) > 1 else ""


def _join_acronyms(nodes: list[_Node], clusters: _Clusters, nr: NameRules) -> None:
    """Rule 4: an acronym joins the one multi-word name of its group it abbreviates."""
    acronyms: dict[str, list[int]] = defaultdict(list)
    for i, node in enumerate(nodes):
        if node.acronym:
            acronyms[node.tokens[0][:1]].append(i)
    if not acronyms:
        return
    expansions: dict[int, list[int]] = defaultdict(list)
    for j, node in enumerate(nodes):
        parts = node.key.split()
        if node.acronym or len(parts) < 2:
            continue
        # an acronym starts with the first word's letter, or the second's after an article
        candidates = set(acronyms.get(parts[0][:1], ())) | set(acronyms.get(parts[1][:1], ()))
        if not candidates:
            continue
        pattern = initialism_pattern(max(node.spellings, key=node.spellings.__getitem__), nr)
        if pattern is None:
            continue
        for i in candidates:
            if type_group(nodes[i].entity_type) == type_group(node.entity_type) \
                    and pattern.fullmatch(nodes[i].tokens[0].upper()):
                expansions[i].append(j)
    for i, found in expansions.items():
        if len({clusters.find(j) for j in found}) == 1:
            clusters.union(i, found[0])


def mission_classes(rules: RuleSet) -> frozenset[str]:
    """The description head classes that are a country's missions abroad (`written`
    heads of rules/descriptions.yml: consulate, embassy)."""
    return frozenset(r["id"] for r in rules.get("descriptions") if r.get("role") == "head" and r.get("written"))


def _join_descriptions(nodes: list[_Node], by_key: dict[str, int], clusters: _Clusters,
                       described: Iterable[tuple[str, str | None, bool]], nr: NameRules,
                       missions: frozenset[str] = frozenset()) -> set[int]:
    """Rule 6; returns the nodes that are descriptions (no canonical names)."""
    ties: dict[str, set[int]] = defaultdict(set)
    keys_of: dict[int, set[str | None]] = defaultdict(set)
    places: dict[str, set[str]] = defaultdict(set)  # "embassy of Norway in rome": where each key is
    placed: dict[int, set[str | None]] = defaultdict(set)  # the places a description is written with
    for name, key, tie in described:
        i = by_key.get(_fold(name, nr=nr) or name.strip().lower())
        if i is None:
            continue
        place = None
        if key is not None and " in " in key:
            key, _, place = key.partition(" in ")
            places[key].add(place)
        if not tie:
            placed[i].add(place)
        if not tie:
            keys_of[i].add(key)
        elif key is not None:
            ties[key].add(i)
    by_description: dict[str, list[int]] = defaultdict(list)
    for i, keys in keys_of.items():
        if len(keys) == 1 and None not in keys:  # one key wherever it is cited
            by_description[next(iter(keys))].append(i)
    joins: list[tuple[int, int]] = []
    for key, members in by_description.items():
        if len(places.get(key, ())) > 1:
            continue  # the embassies of one country in two cities: which is which is not known
        # what the documents tie the key to, descriptions themselves aside
        named = {clusters.find(j): j for j in ties.get(key, ()) if j not in keys_of}
        target = next(iter(named.values())) if len(named) == 1 else members[0]
        joins.extend((target, i) for i in members if i != target)
    # a mission written as the other kind, with its town ("a Norwegian embassy in Rome" where
    # the run's one Norwegian mission in Rome is a consulate): writers mix the two, and a
    # country keeps one mission in a town; only when the run has no named mission of the
    # written kind and places each kind of that country in that one town alone
    for key, members in by_description.items():
        kind, _, country = key.partition(" of ")
        own = places.get(key, set())
        if kind not in missions or len(own) != 1 or ties.get(key) or any(placed.get(i) != own for i in members):
            continue  # "the Norwegian embassy" without its town may be the one in the capital
        others = [f"{k} of {country}" for k in sorted(missions - {kind})
                  if places.get(f"{k} of {country}") or ties.get(f"{k} of {country}")]
        if len(others) != 1 or places.get(others[0]) != own:
            continue
        other = others[0]
        named = {clusters.find(j): j for j in ties.get(other, ()) if j not in keys_of}
        target = next(iter(named.values())) if len(named) == 1 else \
            (by_description[other][0] if not named and by_description.get(other) else None)
        if target is not None:
            joins.extend((target, i) for i in members)
    for a, b in joins:  # collected first: one join never decides another
        clusters.union(a, b)
    return set(keys_of)


def _entity(nodes: list[_Node], members: list[int], alias: str | None, nr: NameRules,
            descriptions: set[int] = frozenset()) -> Entity:
    types: dict[str, int] = {}
    spellings: dict[str, int] = {}
    full: dict[str, int] = {}
    for i in members:
        node = nodes[i]
        for name, count in node.types.items():
            types[name] = types.get(name, 0) + count
        is_full = not node.acronym and (len(node.tokens) > 1 or node.entity_type != "PERSON") \
            and i not in descriptions and not (node.entity_type == "PERSON" and len(node.tokens[0]) == 1)
        for name, count in node.spellings.items():
            spellings[name] = spellings.get(name, 0) + count
            if is_full:
                full[name] = full.get(name, 0) + count
    entity_type = _vote(types)
    pool = full or spellings
    if entity_type == "EVENT":  # its own name ('Flight 614') before 'crash in X', and that before 'crash'
        pool = {s: c for s, c in pool.items() if s[:1].isupper() and split_event_name(s) is None} \
            or {s: c for s, c in pool.items() if " " in s.strip()} or pool
    # canonical: the most frequent full form; ties go to the longer, then a capitalized one
    best = max(pool, key=lambda s: (pool[s], s.count(" "), s[:1].isupper(), s))
    canonical = alias or _display(best, entity_type, nr)
    return Entity(entity_id(entity_type, canonical, nr=nr), canonical, entity_type,
                  tuple(sorted(spellings)))


__all__ = ["NameStat", "Entity", "resolve", "fold", "closest", "entity_id", "strip_titles"]
