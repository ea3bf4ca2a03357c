"""Roles: title, member_of and top_members from role nouns tied to a person.

Families `role` (role nouns with the prepositions of their organisation, whether the
role makes a member and a top member) and `role_modifier` (words kept in a title's
value: 'former spokesman', 'deputy leader').
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from spacy.tokens import Span, Token

from factx.stages.attributes.base import Ent, Raw
from factx.stages.attributes.referents import entity_of, entity_text, object_tokens, person_of_nominal, role_words
from factx.stages.attributes.registry import Family, extractor, register
from factx.stages.attributes.syntax import lemma, span_of, strip_det, text_of

if TYPE_CHECKING:
    from factx.stages.attributes.discourse import Discourse

register(
    Family("role", keys=("words", "preps", "member", "top", "value", "bare"),
           doc="role nouns: title (with the organisation after `preps`), member_of, top_members"),
    Family("role_modifier", doc="adjectives kept in a title's value ('former spokesman')"),
    Family("role_verb", keys=("words", "value"), required=("words", "value"),
           doc="verbs that hold a role: 'X heads the commission' (the title `value` of the organisation)"),
)

UNQUALIFIED_TOP = frozenset({"former", "deputy", "vice", "assistant", "acting", "interim",
                             "ex", "erstwhile", "co", "honorary", "senior", "regional", "retired"})


def _organisation(token: Token, sent: Span, role_tokens: list[Token], rule, person: Ent,
                  state: "Discourse") -> tuple[list[Token], str]:
    """The words of a role's organisation and the preposition to write it with."""
    prep_word = rule.preps[0] if rule.preps else "of"
    preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ in rule.preps]
    if not preps and token.i + 1 < sent.end and token.nbor(1).pos_ == "ADP" \
            and token.nbor(1).lower_ in rule.preps:
        preps = [token.nbor(1)]  # 'X's courier to Y': the parser hung 'to Y' elsewhere
    for child in preps:
        pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
        if pobj is not None and child.lower_ == "in" and (
                state.mention_at(pobj) is None or state.mention_at(pobj).label not in ("ORG", "NORP")):
            continue  # 'a commander in the Northern Front', never 'a lawyer in London'
        if pobj is not None and pobj.ent_type_ not in ("DATE", "TIME"):
            return object_tokens(pobj), child.lower_
    for child in token.lefts:
        if child.dep_ in ("compound", "nmod", "poss") and child not in role_tokens:
            if child.dep_ == "compound" and child.lower_ in state.rules.role_modifiers:
                continue  # 'Interior Minister': a portfolio, kept in the title
            mention = state.mention_at(child)
            if mention is None or mention.label not in ("ORG", "GPE", "NORP", "PERSON") or (
                    mention.label == "PERSON" and child.dep_ != "poss"):
                continue
            if mention.label == "PERSON" and rule.member:
                continue
            if person.name == state.ent_of_mention(mention).name:
                continue
            words = strip_det([t for t in state.tokens.of(sent) if mention.start <= t.idx < mention.end and t.text not in ("'s", "’s")])
            if child.dep_ == "poss" and mention.label == "PERSON":
                prep_word = "of"  # "X's courier" is the courier of X
            return words, prep_word
    return [], prep_word


def _names_a_body(person: Ent, state: "Discourse") -> bool:
    """A 'person' whose name goes on with the word of an organisation or a facility ('King
    Abdullah University Hospital' read as King + 'Abdullah University Hospital'): the
    title is part of the body's name, no one's title. So is a name with a possessive
    inside ('Attorney General's Office' read as Attorney + "General's Office")."""
    words = person.name.split()
    bodies = state.rules.derived("body_words", lambda r: frozenset(
        w.lower() for label in ("ORG", "FAC") for w in r.entity_suffixes.get(label, ())))
    if any(w.endswith(("'s", "’s")) for w in words[:-1]):
        return True  # 'General's Office': a possessive inside a name makes it a thing's
    return len(words) >= 3 and any(w.lower() in bodies for w in words[1:])


def _name_after_organisation(role: Token, state: "Discourse") -> tuple[Ent, list[Token]] | None:
    """'Superintendent of Police X', 'Commissioner of Customs X': a role and its
    organisation written before a name, which the parser reads as one object of 'of'
    ('Police' a compound of the name). The person and the organisation's words, or None."""
    prep = next((c for c in role.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
    mention = state.mention_at(obj) if obj is not None and obj.pos_ == "PROPN" else None
    if mention is None or mention.label != "PERSON":
        return None
    words = [t for t in role.doc[prep.i + 1:obj.i] if t.idx < mention.start]
    if not words or any(t.dep_ != "compound" or not words[-1].i < t.head.i <= obj.i or not t.text[:1].isupper()
                        or state.mention_at(t) is not None for t in words):
        return None
    if role.doc[words[-1].i + 1].idx != mention.start:
        return None  # the organisation's words end where the name begins
    return state.ent_of_mention(mention), words


def _split_prefix(role: Token) -> str:
    """'co-' or 'ex-' the tokenizer split off a role word ('its co-founder'), else ''."""
    doc = role.doc
    if role.i >= 2 and doc[role.i - 1].text == "-" and doc[role.i - 2].lower_ in ("co", "ex") \
            and not doc[role.i - 2].whitespace_ and not doc[role.i - 1].whitespace_:
        return doc[role.i - 2].lower_ + "-"
    return ""


def _named_beside(role: Token, rule, person: Ent, state: "Discourse") -> bool:
    """The role's holder is named ('X, the group's deputy leader,', 'the group's
    leader, X,', 'X was the group's spokesman'): the title holds without its
    organisation's name; a bare
    'its founder' names no one. Never kin or a companion ('her longtime partner, X',
    'his brother, X')."""
    owner = next((c for c in role.children if c.dep_ == "poss"), None)
    if owner is None:
        return False
    if owner.lower_ not in ("its", "their") and owner.pos_ != "NOUN" and (
            rule.rule == "role.personal" or lemma(role) in state.rules.spouse_nouns):
        return False  # 'her partner, X', 'his brother, X': kin and companions
    named = state.doc.char_span(person.start, person.end, alignment_mode="expand")
    return named is not None and any(t.pos_ == "PROPN" for t in named)  # not 'he was its founder'


@extractor(order=30)
def role_facts(sent: Span, state: "Discourse") -> Iterator[Raw]:
    """title, member_of and top_members from role nouns tied to a person."""
    rules = state.rules
    if not state.tokens.has_any(sent, rules.role_last_words):
        return  # no role word: `role_words` finds none
    for token in state.tokens.of(sent):
        if token.pos_ not in ("NOUN", "PROPN"):
            continue
        found = role_words(token, state)
        if found is None:
            continue
        role, rule, role_tokens = found
        mention = state.mention_at(token)
        if token.pos_ == "PROPN" and mention is not None and token.dep_ == "compound" and not (
                mention.label == "PERSON" and token.idx == mention.start):
            continue  # part of a name; a title in front of a person's name is a title ('Captain X')
        person = person_of_nominal(token, state)
        fused = _name_after_organisation(token, state) if person is None else None
        if fused is not None:  # 'Superintendent of Police X'
            person, org_words = fused
            kept = [m for m in token.lefts if m.dep_ == "compound" and m.lower_ in rules.role_modifiers]
            title = " ".join([m.lower_ for m in kept] + [role, "of", text_of(org_words)])
            start, end = (kept or [token])[0].idx, org_words[-1].idx + len(org_words[-1].text)
            yield Raw(person, "title", title, "text", state.text[start:end], start, end, rule.rule, token)
            continue
        if person is None or person.label != "PERSON" or _names_a_body(person, state) or all(
                w.lower() in rules.roles or w.lower() in rules.role_modifiers for w in person.name.split()):
            continue  # ('Deputy Superintendent' read as a name: titles, no one)
        modifiers = [c for c in token.lefts if c not in role_tokens and (
            c.dep_ in ("amod", "compound", "advmod") and c.lower_.strip("-") in rules.role_modifiers
            or c.dep_ == "compound" and c.pos_ == "NOUN" and not c.ent_type_
            and state.mention_at(c) is None)]  # 'police chief', 'Opposition leader'
        # a field's own modifiers are part of it: 'the civil protection director', not
        # 'protection director'
        modifiers += [g for m in list(modifiers) if m.dep_ == "compound" for g in m.lefts
                      if g.dep_ in ("amod", "compound") and g not in modifiers and not g.ent_type_
                      and state.mention_at(g) is None]
        modifiers.sort(key=lambda t: t.i)
        definite = not any(c.lower_ in ("a", "an") for c in token.lefts)
        obj_tokens, prep_word = _organisation(token, sent, role_tokens, rule, person, state)
        obj_text, obj_label = entity_text(obj_tokens, state)
        if not obj_text and any(c.dep_ == "poss" for c in token.children) and not _named_beside(token, rule, person, state):
            continue  # 'its founder', 'the gang's leader': the organisation is not named here
        if obj_text and obj_text == person.name:
            continue
        role_text = " ".join([m.lower_.strip("-") for m in modifiers] + [_split_prefix(token) + role])
        role_text = re.sub(r"\b(co|ex|vice) (?=\w)", r"\1-", role_text)  # 'co-founder'
        evidence = sorted(modifiers + role_tokens + obj_tokens, key=lambda t: t.i)
        start, end = evidence[0].idx, evidence[-1].idx + len(evidence[-1].text)
        if obj_tokens and obj_tokens[-1].i > token.i:  # the object's name may run past the parse
            covering = state.mention_at(obj_tokens[-1])
            if covering is not None and obj_text == covering.canonical:
                end = max(end, covering.start + len(state.ent_of_mention(covering).text))
        value_text = state.text[start:end]
        before_name = (token.dep_ in ("compound", "nmod", "amod") and token.head.pos_ == "PROPN"
                       or any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in token.children))
        # a generic role qualified by its field is a title of its own ('a police officer')
        fielded = any(m.dep_ == "compound" and m.pos_ == "NOUN" for m in modifiers)
        if rule.only != "member_of" and (obj_text or (rule.bare or fielded) and (
                token.dep_ in ("appos", "attr", "oprd") or before_name
                or (token.dep_ == "pobj" and token.head.lower_ == "as"))):
            title = f"{role_text} {prep_word} {obj_text}" if obj_text else role_text
            yield Raw(person, "title", title, "text", value_text, start, end, rule.rule, token)
        if rule.member and obj_text and obj_label in ("ORG", "NORP"):
            o_start, o_end = span_of(obj_tokens)
            org = Ent(obj_text, "ORG", text_of(obj_tokens), o_start, o_end)
            yield Raw(person, "member_of", obj_text, "entity", org.text, o_start, o_end,
                      f"{rule.rule}.member_of", token, "ORG")
            if rule.top and definite and not any(m.lower_.strip("-") in UNQUALIFIED_TOP for m in modifiers):
                yield Raw(org, "top_members", person.name, "entity", person.text, person.start,
                          person.end, f"{rule.rule}.top_members", token, "PERSON")


@extractor(order=31)
def role_verb_facts(sent: Span, state: "Discourse") -> Iterator[Raw]:
    """title (and member_of) from a verb that holds a role: 'X, who heads the electoral
    commission,' → 'head of the electoral commission'; present tense only ('headed' may
    be a former role), and only over an organisation (a name, or a noun that ends one:
    'commission', 'ministry'), never 'leads the polls'."""
    verbs = {w.lower(): r for r in state.rules.by_family.get("role_verb", ()) for w in r["words"]}
    if not verbs or not state.tokens.has_any(sent, verbs):
        return
    org_words = {w.lower() for w in state.rules.entity_suffixes.get("ORG", ())}
    for token in state.tokens.of(sent):
        rule = verbs.get(state.tokens.lemma(token)) if token.pos_ == "VERB" else None
        if rule is None or token.tag_ not in ("VBZ", "VBP") or any(c.dep_ == "neg" for c in token.children):
            continue
        obj = next((c for c in token.children if c.dep_ == "dobj"), None)
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if obj is None or subject is None:
            continue
        if subject.lower_ in ("who", "that") and token.dep_ == "relcl":
            subject = token.head
        person = entity_of(subject, state, nominal=False)
        if person is None or person.label != "PERSON":
            continue
        mention = state.mention_at(obj)
        named = mention is not None and mention.label in ("ORG", "NORP")
        if not named and (mention is not None or obj.lower_ not in org_words):
            continue
        obj_tokens = object_tokens(obj)
        obj_text, obj_label = entity_text(obj_tokens, state)
        if not obj_text or obj_text == person.name:
            continue
        start, end = span_of(obj_tokens)
        yield Raw(person, "title", f"{rule['value']} of {obj_text}", "text", state.text[token.idx:end],
                  token.idx, end, rule["id"], token)
        if named and obj_label in ("ORG", "NORP"):
            yield Raw(person, "member_of", obj_text, "entity", text_of(obj_tokens), start, end,
                      f"{rule['id']}.member_of", token, "ORG")
