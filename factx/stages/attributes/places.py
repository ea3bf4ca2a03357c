"""Places: the places a noun phrase names (with their containers), and `located_in`.

Family `place_noun` (administrative nouns: district, province, port...).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from spacy.tokens import Span, Token

from factx.stages.attributes.base import LOC_PREPS, PLACE_LABELS, Ent, Raw
from factx.stages.attributes.registry import Family, extractor, register
from factx.stages.attributes.syntax import lemma, name_tokens, span_of, text_of

if TYPE_CHECKING:
    from factx.stages.attributes.discourse import Discourse

register(Family("place_noun", doc="nouns of administrative places: 'the X district of Y province'"),
         Family("settlement_noun", doc="nouns of towns: a sea or region in front of one describes it "
                                       "('the Mediterranean city'), never names it"))

NON_PLACE_ENTS = ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY")


def as_place(t: Token, state: "Discourse") -> Ent | None:
    """The place a single token names, if any: a place mention, a known country or
    city the NER mislabelled, or an unlabelled proper noun after a location preposition
    or before a place noun ('Qadis district')."""
    rules = state.rules
    if state.in_dateline(t.idx):
        return None  # where the report was filed
    mention = state.mention_at(t)
    if mention is not None and mention.label not in PLACE_LABELS and (
            mention.canonical.lower() in rules.cities or mention.canonical.lower() in rules.countries
            or (t.dep_ == "pobj" and t.head.lower_ in LOC_PREPS and mention.label in ("PERSON", "NORP")
                and t.pos_ == "PROPN")
            # 'killed in Kessar' typed ORG: one bare word after a place preposition
            or (t.dep_ == "pobj" and t.head.lower_ in LOC_PREPS and t.head.lower_ != "at" and mention.label == "ORG"
                and " " not in mention.canonical and t.pos_ == "PROPN"
                and not any(c.dep_ == "det" for c in t.children)
                and mention.canonical not in rules.entity_suffixes.get("ORG", ()))):
        ent = state.ent_of_mention(mention)  # the NER mislabelled a known or located place
        return Ent(ent.name, "GPE", ent.text, ent.start, ent.end)
    if mention is None and t.pos_ == "PROPN" and t.dep_ == "pobj" and t.head.lower_ in LOC_PREPS \
            and t.ent_type_ not in NON_PLACE_ENTS and not any(d.start <= t.idx < d.end for d in state.dates) \
            and not any(c.like_num for c in t.children) \
            and not (lemma(t) in rules.place_nouns and not any(c.dep_ == "compound" for c in t.children)):
        # (a capitalized place noun alone is a headline's word: 'Explosion At Chilean Port')
        tokens = name_tokens(t)
        start, end = span_of(tokens)
        return Ent(text_of(tokens), "GPE", text_of(tokens), start, end)
    if mention is not None:
        if mention.label in PLACE_LABELS or (
                mention.label in ("PERSON", "NORP") and lemma(t.head) in rules.place_nouns
                and t.head.i != t.i and t.pos_ == "PROPN"):
            ent = state.ent_of_mention(mention)
            label = ent.label if ent.label in PLACE_LABELS else "GPE"
            return Ent(ent.name, label, ent.text, ent.start, ent.end)
        return None
    if t.pos_ == "PROPN" and lemma(t.head) in rules.place_nouns and t.head.i != t.i:
        tokens = name_tokens(t)
        start, end = span_of(tokens)
        return Ent(text_of(tokens), "GPE", text_of(tokens), start, end)
    return None


def place_names(token: Token, state: "Discourse", depth: int = 0) -> list[tuple[Ent, list[Ent]]]:
    """Places named at a noun, most specific first, each with its containers.

    'the Karkh district of Baghdad Province' → [(Karkh, [Baghdad Province])];
    'Iraq's central Babil province' → [(Babil, [Iraq])];
    'a compound in X' → the places of X; 'a northern Mali raid' → Mali.
    """
    if depth > 3:
        return []
    rules = state.rules
    out: list[tuple[Ent, list[Ent]]] = []

    def containers(t: Token) -> list[Ent]:
        found = []
        for child in t.children:
            # 'X in Y', 'the X district of Y'; 'X port on Y island' (an island holds its places)
            if child.dep_ == "prep" and child.lower_ in ("of", "in", "on"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        found.extend(p for p, _ in place_names(obj, state, depth + 1))
            if child.dep_ == "appos" or (child.dep_ in ("npadvmod",) and child.pos_ == "PROPN"):
                place = as_place(child, state)
                if place is not None:
                    found.append(place)
                elif lemma(child) in rules.place_nouns:  # 'X, Herat province'
                    found.extend(p for p, _ in place_names(child, state, depth + 1))
        return found

    own = as_place(token, state)
    capital = _capital(token, state) if own is None and lemma(token) == "capital" else None
    if own is not None:
        out.append((own, containers(token)))
    elif capital is not None:
        out.append(capital)
    elif lemma(token) in rules.place_nouns:
        names = [c for c in token.children if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"]
        possessors = [c for c in token.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
        # "Badghis province's Qadis district": a possessive place noun contains the place
        outer_nouns = [p for c in token.children if c.dep_ == "poss" and lemma(c) in rules.place_nouns
                       for p, _ in place_names(c, state, depth + 1)]
        if names and lemma(token) in _settlements(state) and all(
                (m := state.mention_at(n)) is not None and m.label == "LOC" for n in names):
            names = []  # 'the Mediterranean city': a town by its sea, which names no town
        if names and all(_not_org(n, state) for n in names):
            place = as_place(names[-1], state) or as_place(names[0], state)
            if place is None:
                tokens = name_tokens(names[-1])
                start, end = span_of(tokens)
                place = Ent(text_of(tokens), "GPE", text_of(tokens), start, end)
            outer = [p for c in possessors if (p := place_or_name(c, state)) is not None]
            out.append((place, containers(token) + outer + outer_nouns))
        elif possessors:
            place = place_or_name(possessors[0], state)
            # "Varnia's coastal city of X", "Chile's province of X": X, in the possessor; a
            # town's 'district of Y' is read the other way (the town in Y), as writers mean it
            named = [p for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj" for p in _named_place(g, state, depth)] \
                if lemma(token) in _settlements(state) or _country(possessors[0], state) else []
            if named:
                out.extend((p, cs + ([place] if place is not None else [])) for p, cs in named)
            elif place is not None:
                out.append((place, containers(token)))
        else:  # 'the district of Karkh in Baghdad province'
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            out.extend(place_names(obj, state, depth + 1))
    if not out:
        # 'a northern Syria raid', 'a rebel compound in X'
        for child in token.children:
            if (child.dep_ in ("compound", "nmod", "amod", "poss")) and child.pos_ == "PROPN":
                place = as_place(child, state)
                if place is not None and not (place.label == "LOC" and lemma(token) in _settlements(state)):
                    out.append((place, []))
    if not out:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in LOC_PREPS:
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        out.extend(place_names(obj, state, depth + 1))
    return out


def _named_place(token: Token, state: "Discourse", depth: int) -> list[tuple[Ent, list[Ent]]]:
    """The place 'the city of X' names: X's places, or X itself when it is one proper
    noun the NER took for something else ('the city of X' is a city)."""
    found = place_names(token, state, depth + 1)
    mention = state.mention_at(token)
    if found or token.pos_ != "PROPN" or state.in_dateline(token.idx) or any(c.like_num for c in token.children) \
            or mention is not None and " " in mention.canonical.strip():
        return found
    return [(Ent(token.text, "GPE", token.text, token.idx, token.idx + len(token.text)), [])]


def _country(token: Token, state: "Discourse") -> bool:
    mention = state.mention_at(token)
    return (mention.canonical if mention is not None else token.text).lower() in state.rules.countries


def _settlements(state: "Discourse") -> frozenset[str]:
    return frozenset(w.lower() for r in state.rules.by_family.get("settlement_noun", ()) for w in r.get("words", ()))


def _capital(noun: Token, state: "Discourse") -> tuple[Ent, list[Ent]] | None:
    """'the Chilean capital', "Chile's capital", 'the capital of Chile': the capital
    city of that country (rules/capitals.yml), within its country."""
    rules = state.rules
    country = None
    for child in noun.children:
        if child.dep_ in ("amod", "compound", "nmod", "poss"):
            low = child.lower_
            country = rules.demonyms.get(low) if low not in rules.countries else rules.countries[low]
            mention = state.mention_at(child)
            if country is None and mention is not None:
                country = rules.countries.get(mention.canonical.lower())
        elif child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                mention = state.mention_at(obj)
                name = mention.canonical.lower() if mention is not None else obj.lower_
                country = country or rules.countries.get(name)
        if country is not None:
            break
    city = rules.capitals.get(country.lower()) if country else None
    if city is None:
        return None
    words = [t for t in noun.subtree if t.dep_ not in ("det", "punct")]
    start, end = span_of(words)
    return Ent(city, "GPE", state.text[start:end], start, end), [Ent(country, "GPE", country, start, end)]


def _not_org(token: Token, state: "Discourse") -> bool:
    mention = state.mention_at(token)
    return mention is None or mention.label != "ORG" and not (
        mention.label == "NORP" and token.lower_ in state.rules.demonyms)


def place_or_name(token: Token, state: "Discourse") -> Ent | None:
    mention = state.mention_at(token)
    if mention is not None:
        if mention.label in ("ORG", "NORP"):
            return None
        ent = state.ent_of_mention(mention)
        return Ent(ent.name, ent.label if ent.label in PLACE_LABELS else "GPE", ent.text, ent.start, ent.end)
    if state.in_dateline(token.idx):
        return None
    tokens = name_tokens(token)
    start, end = span_of(tokens)
    return Ent(text_of(tokens), "GPE", text_of(tokens), start, end)


def country_of(place: Ent, containers: list[Ent], state: "Discourse") -> str | None:
    """The country a place is, or lies in by its containers or as a known city."""
    rules = state.rules
    for candidate in [place, *reversed(containers)]:
        low = candidate.name.lower()
        if low in rules.countries:
            return rules.countries[low]
        if low.startswith("the ") and low[4:] in rules.countries:
            return rules.countries[low[4:]]
    if place.name.lower() in rules.cities:
        return rules.cities[place.name.lower()]
    return None


@extractor(order=90)
def located_in_facts(sent: Span, state: "Discourse") -> Iterator[Raw]:
    """located_in between places: 'X district of Y province', 'X in Y Province',
    "Y's X district", 'X, Country'."""
    seen: set[tuple[str, str]] = set()
    place_nouns = state.rules.place_nouns
    table = state.tokens
    for token in table.of(sent):
        # only names and place nouns hold containers ('a compound in X' gives X's, found at X)
        if token.pos_ != "PROPN" and table.lemma(token) not in place_nouns:
            continue
        if token.dep_ == "compound" and lemma(token.head) in place_nouns and token.head.i != token.i:
            continue
        for place, containers in place_names(token, state):
            for outer in containers:
                key = (place.name, outer.name)
                if outer.name == place.name or key in seen:
                    continue
                seen.add(key)
                yield Raw(place, "located_in", outer.name, "entity", outer.text, outer.start, outer.end,
                          "place.located_in", token, outer.label)
    yield from _comma_places(sent, state, seen)
    yield from _venue_places(sent, state, seen)


#: nouns that name a part of a town: 'in the east of Y', 'on the outskirts of Y'
_PART_NOUNS = frozenset({"east", "west", "north", "south", "centre", "center", "heart", "outskirts",
                         "part", "edge", "suburb", "suburbs", "northeast", "northwest", "southeast",
                         "southwest"})


def _place_after_in(noun: Token, sent: Span) -> Token | None:
    """The token of the place right after a noun's 'in': 'hall in Y', 'hall in the east of Y'."""
    doc, i = noun.doc, noun.i + 1
    if i >= sent.end or doc[i].lower_ != "in":
        return None
    i += 1
    if i < sent.end and doc[i].lower_ == "the":
        i += 1
    if i + 1 < sent.end and doc[i].lower_ in _PART_NOUNS and doc[i + 1].lower_ == "of":
        i += 2
        if i < sent.end and doc[i].lower_ == "the":
            i += 1
    return doc[i] if i < sent.end and doc[i].pos_ == "PROPN" else None


def _venue_places(sent: Span, state: "Discourse", seen: set[tuple[str, str]]) -> Iterator[Raw]:
    """A facility in a town: 'the X hall in Y', 'X, a café in Y', 'the X hall in the east
    of Y': the facility's noun (its head, or its appositive) has 'in' a town."""
    table = state.tokens
    done: set[int] = set()
    for token in table.of(sent):
        mention = state.mention_at(token)
        if mention is None or mention.label != "FAC" or id(mention) in done:
            continue
        done.add(id(mention))
        head = token
        while head.dep_ == "compound" and head.head.i != head.i:
            head = head.head
        nouns = [head] + [c for c in head.children if c.dep_ == "appos"]
        for noun in nouns:
            # by the words, not the parse: the model often hangs 'in Y' on the verb
            obj = _place_after_in(noun, sent)
            if obj is None:
                continue
            outer = state.mention_at(obj)
            if outer is None or outer is mention or (outer.label not in ("GPE", "LOC") and (
                    (found := as_place(obj, state)) is None or found.label not in ("GPE", "LOC"))):
                continue
            after = obj.doc[min(obj.i + 1, len(obj.doc) - 1)]
            if after.lower_ == "of" or obj.doc[min(after.i + 1, len(obj.doc) - 1)].lower_ == "of":
                continue  # 'in the Y district of Z': which of the two holds it is unclear
            key = (mention.canonical, outer.canonical)
            if key in seen or mention.canonical == outer.canonical:
                continue
            seen.add(key)
            yield Raw(state.ent_of_mention(mention), "located_in", outer.canonical, "entity", outer.text,
                      outer.start, outer.end, "place.located_in", token, outer.label)


def _comma_places(sent: Span, state: "Discourse", seen: set[tuple[str, str]]) -> Iterator[Raw]:
    """'X, Country' and 'X, Y province': a place mention followed by a comma and a country
    or an administrative place."""
    rules = state.rules
    mentions = [m for m in state.mentions if sent.start_char <= m.start < sent.end_char]
    text = state.text
    for first, second in zip(mentions, mentions[1:]):
        between = text[first.end:second.start]
        if between.strip() not in (",", "in", "in the"):
            continue
        # the second is a country, or names a province, state, district... by its last word
        # or the word after it ('X, Herat province', 'X in Y Province')
        following = re.match(r"\s*([A-Za-z]+)", text[second.end:second.end + 30])
        words = second.text.lower().split()[-1:] + ([following.group(1).lower()] if following else [])
        country = second.canonical.lower() in rules.countries
        administrative = any(w in rules.place_nouns for w in words)
        if not (country or administrative):
            continue
        if first.label not in PLACE_LABELS and not (administrative and first.label == "PERSON"):
            continue
        if second.label not in ("GPE", "LOC") and not administrative:
            continue
        after = text[second.end:second.end + 5].lstrip()
        if after.startswith("and") or after.startswith(","):
            continue
        key = (first.canonical, second.canonical)
        if key in seen or first.canonical == second.canonical:
            continue
        seen.add(key)
        token = state.doc.char_span(first.start, first.end, alignment_mode="expand")[0]
        place = state.ent_of_mention(first)
        if place.label not in PLACE_LABELS:  # the NER took a foreign place name for a person
            place = Ent(place.name, "GPE", place.text, place.start, place.end)
        yield Raw(place, "located_in", second.canonical, "entity", second.text,
                  second.start, second.end, "place.located_in", token, second.label)
