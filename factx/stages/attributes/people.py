"""People: origin, date_of_birth, place_of_birth and spouse.

Families `origin` (nationality nouns: 'a Pakistani citizen'), `person_noun` (nouns a
nationality can describe: 'a Syrian refugee'), `birth` ('born'), `spouse` ('X's wife')
and `marry` ('X married Y').
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from spacy.tokens import Span, Token

from factx import attribution as attr
from factx.quantities import normalize_age
from factx.stages.attributes.base import Ent, Raw
from factx.stages.attributes.places import country_of, place_names
from factx.stages.attributes.referents import entity_of, person_of_nominal
from factx.stages.attributes.registry import Family, extractor, register
from factx.stages.attributes.rementions import age_before
from factx.stages.attributes.syntax import lemma, under

if TYPE_CHECKING:
    from factx.stages.attributes.discourse import Discourse

register(
    Family("origin", doc="nationality nouns: 'a Pakistani citizen', 'a national of X'"),
    Family("person_noun", doc="nouns for a person that a nationality can describe ('a Syrian refugee')"),
    Family("birth", doc="the verb of birth ('born')"),
    Family("spouse", doc="spouse nouns: 'X's wife, Y'"),
    Family("marry", doc="verbs of marriage: 'X married Y'"),
    Family("origin_from", doc="words of coming from a place: 'hails from', 'originally from', 'a native of'"),
)

#: verbs of coming from a place only in the present ('comes from P'; 'came from the talks' is a move)
PRESENT_ONLY = frozenset({"come", "be"})


@extractor(order=40)
def origin_facts(sent: Span, state: "Discourse") -> Iterator[Raw]:
    """origin from demonyms tied to a person: 'a Pakistani citizen', 'Pakistani militant X',
    'described X as a Pakistani national', 'X is Pakistani'."""
    rules = state.rules
    if not state.tokens.has_any(sent, rules.demonyms):
        return
    for token in state.tokens.of(sent):
        country = rules.demonyms.get(token.lower_) if token.text[:1].isupper() else None
        if country is None:
            continue
        if token.i + 2 < len(token.doc) and token.nbor(1).text == "-" and token.nbor(2).lower_ == "born":
            continue  # 'Egyptian-born': the regex rule
        mention = state.mention_at(token)
        if mention is not None and mention.label in ("ORG", "GPE", "LOC", "FAC", "PERSON", "EVENT"):
            continue  # part of a name: 'the Peruvian Ministry of Health'
        noun = token.head if token.dep_ in ("amod", "compound", "nmod") else token
        if noun.i != token.i and state.mention_at(noun) is not None and state.mention_at(noun).label == "PERSON":
            person = entity_of(noun, state, nominal=False)
        else:
            low = lemma(noun)
            if noun.i != token.i and low not in rules.person_nouns and low not in rules.roles:
                continue
            if noun.i == token.i and token.dep_ in ("amod",):
                continue
            if noun.i == token.i and token.dep_ == "appos" and not any(c.dep_ == "det" for c in token.children):
                continue  # 'NEWS OUTLET · English': a language label, not 'X, a Pakistani,'
            person = person_of_nominal(noun, state)
            if person is None and noun.dep_ in ("acomp", "attr"):  # 'X is Pakistani'
                subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
                person = entity_of(subject, state, nominal=False) if subject is not None else None
        if person is None or person.label != "PERSON":
            continue
        yield Raw(person, "origin", country, "country", token.text, token.idx,
                  token.idx + len(token.text), "origin.demonym", token)


@extractor(order=41)
def origin_place_facts(sent: Span, state: "Discourse") -> Iterator[Raw]:
    """origin from where a person comes from: 'X, originally from P', 'X, who hails from
    P', 'X is from P', 'X, a native of P' (P a country, a known city, or 'the Jordanian
    city of P')."""
    words = origin_words(state)
    if not state.tokens.has_any(sent, words):
        return
    for token in state.tokens.of(sent):
        if token.dep_ != "prep" or token.lower_ not in ("from", "of"):
            continue
        person = _comes_from(token, words, state)
        if person is None or person.label != "PERSON":
            continue
        pobj = next((c for c in token.children if c.dep_ == "pobj"), None)
        found = _country_of_object(pobj, state) if pobj is not None else None
        if found is None:
            continue
        country, evidence = found
        yield Raw(person, "origin", country, "country", evidence.text, evidence.idx,
                  evidence.idx + len(evidence.text), "origin.from", token)


def origin_words(state: "Discourse") -> frozenset[str]:
    """The words of the `origin_from` family."""
    return frozenset(w.lower() for r in state.rules.by_family.get("origin_from", ()) for w in r["words"])


def _comes_from(prep: Token, words: frozenset[str], state: "Discourse") -> Ent | None:
    """The person a 'from P' (or a native's 'of P') tells the origin of, or None."""
    head = prep.head
    if prep.lower_ == "of":
        if head.pos_ == "NOUN" and lemma(head) in words:  # 'a native of P'
            return person_of_nominal(head, state)
        return None
    if any(c.lower_ in words and c.dep_ == "advmod" for c in prep.children) \
            or head.lower_ in words and head.dep_ == "advmod":  # 'originally from P'
        owner = head.head if head.dep_ == "advmod" else head
        if owner.pos_ == "PROPN":
            return entity_of(owner, state, nominal=False)
        if owner.pos_ in ("VERB", "AUX"):
            return _subject_person(owner, state)
        return None
    low = lemma(head)
    if head.pos_ not in ("VERB", "AUX") or low not in words:
        return None
    if low in PRESENT_ONLY and head.tag_ not in ("VBZ", "VBP"):
        return None
    if any(c.dep_ in ("dobj", "attr", "acomp") for c in head.children):
        return None  # 'X is a refugee from P', 'comes from a family of ...' is no bare origin
    return _subject_person(head, state)


def _subject_person(verb: Token, state: "Discourse") -> Ent | None:
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    if subject.lower_ in ("who", "that") and verb.dep_ == "relcl":
        subject = verb.head
    return entity_of(subject, state, nominal=False)


def _country_of_object(obj: Token, state: "Discourse") -> tuple[str, Token] | None:
    """The country a place object names: a country, a known city, or a place noun with a
    nationality ('the Jordanian city of P')."""
    rules = state.rules
    if lemma(obj) in rules.place_nouns:
        for child in obj.children:
            if child.dep_ == "amod" and child.text[:1].isupper() and child.lower_ in rules.demonyms:
                return rules.demonyms[child.lower_], child
    if obj.ent_type_ not in ("GPE", "LOC"):
        return None
    places = place_names(obj, state)
    if not places:
        return None
    place, containers = places[0]
    country = country_of(place, containers, state)
    return (country, obj) if country is not None else None


@extractor(order=42)
def described_age_facts(sent: Span, state: "Discourse") -> Iterator[Raw]:
    """age from a definite description that names a person described before: 'the
    54-year-old politician' after 'opposition politician X' (`rementions`)."""
    if not state.described or "old" not in state.tokens.words(sent):
        return
    for token in state.tokens.of(sent):
        person = state.described.get(token.idx) if token.pos_ == "NOUN" else None
        age = age_before(token) if person is not None else None
        value = normalize_age(age[0]) if age is not None else None
        if value is None:
            continue
        text, start, end = age
        yield Raw(person, "age", value, "quantity", text, start, end, "age.described", token)


@extractor(order=50)
def birth_facts(sent: Span, state: "Discourse") -> Iterator[Raw]:
    """date_of_birth, place_of_birth (and origin from the place) from 'born'."""
    rules = state.rules
    if "born" not in state.tokens.words(sent):
        return
    for token in state.tokens.of(sent):
        if token.lower_ != "born" or lemma(token) not in rules.birth_verbs:
            continue
        if token.i > 0 and token.nbor(-1).text == "-":
            continue
        rule_id = rules.birth_verbs[lemma(token)]
        person = None
        for child in token.children:
            if child.dep_ in ("nsubjpass", "nsubj"):
                person = entity_of(child, state)
        if person is None and token.dep_ in ("acl", "amod", "relcl", "appos", "advcl", "dep", "parataxis"):
            if token.head.pos_ in ("VERB", "AUX"):
                subject = next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                person = entity_of(subject, state) if subject is not None else None
            else:
                person = entity_of(token.head, state, nominal=False)
        if person is None and token.dep_ in ("conj",):
            for child in token.head.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    person = entity_of(child, state)
        if person is None or person.label != "PERSON":
            continue
        date = next(((t, w) for t, w in state.sentence_dates(sent) if under(w[-1], token)), None)
        if date is not None:
            timex, _ = date
            yield Raw(person, "date_of_birth", timex.value, "date", timex.text, timex.start, timex.end,
                      f"{rule_id}.date", token)
        yield from _birth_place(token, person, rule_id, state)


def _birth_place(token, person: Ent, rule_id: str, state: "Discourse") -> Iterator[Raw]:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "at", "near"):
            for obj in child.children:
                if obj.dep_ != "pobj" or obj.ent_type_ in ("DATE", "TIME"):
                    continue
                places = place_names(obj, state)
                if not places:
                    continue
                place, containers = places[0]
                yield Raw(person, "place_of_birth", place.name, "entity", place.text, place.start,
                          place.end, f"{rule_id}.place", token, place.label)
                country = country_of(place, containers, state)
                if country is not None:
                    yield Raw(person, "origin", country, "country", place.text, place.start,
                              place.end, f"{rule_id}.origin", token)
                return


@extractor(order=60)
def spouse_facts(sent: Span, state: "Discourse") -> Iterator[Raw]:
    """spouse, both ways: "X's wife, Y", "Y, the wife of X", "X married Y"."""
    rules = state.rules
    table = state.tokens
    if not table.has_any(sent, rules.spouse_nouns, rules.marry_verbs):
        return
    for token in table.of(sent):
        low = table.lemma(token)
        pairs: list[tuple[Ent, Ent, str]] = []
        if token.pos_ == "NOUN" and low in rules.spouse_nouns:
            named = person_of_nominal(token, state)
            partner = None
            for child in token.children:
                if child.dep_ == "poss":
                    partner = entity_of(child, state, nominal=False)
                if child.dep_ == "prep" and child.lower_ == "of":
                    pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                    if pobj is not None:
                        partner = entity_of(pobj, state, nominal=False)
            if named and partner and named.label == partner.label == "PERSON" and named.name != partner.name:
                pairs.append((partner, named, rules.spouse_nouns[low]))
        elif token.pos_ == "VERB" and low in rules.marry_verbs:
            subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            other = next((c for c in token.children if c.dep_ == "dobj"), None)
            if other is None:
                other = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "to"
                              for g in c.children if g.dep_ == "pobj"), None)
            if subject is not None and other is not None:
                a, b = entity_of(subject, state), entity_of(other, state)
                if a and b and a.label == b.label == "PERSON" and a.name != b.name:
                    pairs.append((a, b, rules.marry_verbs[low]))
        for a, b, rule_id in pairs:
            if _part_of_name(a.name, b.name):
                continue  # 'the X family: its founder Y X, his wife ...': a family, no spouse
            yield Raw(a, "spouse", b.name, "entity", b.text, b.start, b.end, rule_id, token, "PERSON")
            yield Raw(b, "spouse", a.name, "entity", a.text, a.start, a.end, rule_id, token, "PERSON")


def _part_of_name(one: str, other: str) -> bool:
    """Whether the words of one name are all words of the other ('Vela' of 'Tomas Vela'):
    no one is married to their own name or family."""
    a, b = set(one.lower().split()), set(other.lower().split())
    return a <= b or b <= a


__all__ = ["origin_facts", "birth_facts", "spouse_facts", "attr"]
