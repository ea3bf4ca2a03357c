"""Who a token refers to: names, appositions, relative pronouns, pronouns, descriptions.

Pronouns resolve with agreement and role constraints: 'he' / 'she' is the nearest
person named before it, in its sentence or the one before, whose gender (when a title
or a gendered noun tells it) agrees, and who is not the subject of the pronoun's own
clause ("police officer X shot him": 'him' is never X). A definite role description
('the Y leader') is the person the document gave that role.
"""

from __future__ import annotations

import re

from typing import TYPE_CHECKING

from spacy.tokens import Token

from factx.stages.attributes.base import (
    FEMALE_PRONOUNS, LOC_PREPS, MALE_PRONOUNS, PERSON_PRONOUNS, PLACE_LABELS, REL_PRONOUNS, Ent,
)
from factx.stages.attributes.compiled import RoleRule
from factx.stages import doc_text
from factx.stages.entities import common_word_as_name, is_kicker
from factx.stages.attributes.syntax import (
    HONORIFICS, is_definite, lemma, name_tokens, span_of, strip_det, text_of,
)

if TYPE_CHECKING:
    from factx.stages.attributes.discourse import Discourse
    from factx.stages.mentions import Mention

ENTITY_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT")
OBJECT_DEPS = ("dobj", "obj", "pobj", "dative", "iobj")
#: what a verb governs as its complement or objects, unlike its adjuncts
GOVERNED_DEPS = ("ccomp", "xcomp", "dobj", "obj", "dative", "iobj", "parataxis")


#: possessives of the one speaking: '"My son was never armed," she said' is her
#: brother, never the document's most named person
SPEAKER_POSSESSIVES = frozenset({"my", "our", "your"})


def _person_name_words(state: "Discourse") -> frozenset[str]:
    """The lower-cased words of the document's person names of more than one word."""
    found = state.doc.user_data.get("factx_person_name_words")
    if found is None:
        found = state.doc.user_data["factx_person_name_words"] = frozenset(
            w.lower() for m in state.mentions if m.label == "PERSON" for w in m.text.split() if len(m.text.split()) > 1)
    return found


def entity_of(token: Token, state: "Discourse", *, label: str = "PERSON", nominal: bool = True,
              depth: int = 0) -> Ent | None:
    """The entity a token refers to, through names, appositions, relative pronouns,
    pronouns and (for definite role nouns) the document's people.

    Rules: a mention covering the token; a proper-noun chain (linked to the document's
    full name when it ends one, "Mr. Smith" → "John Smith"); 'who' → the noun its relative
    clause modifies; 'the militant, X,' → X; 'X, the leader,' → X; 'he' → see
    `pronoun_referent`; 'the X leader' → whom the document called the leader of X;
    'the leader' → the most mentioned person of the document.
    """
    if depth > 4:
        return None
    mention = state.mention_at(token)
    if mention is not None and mention.label in ENTITY_LABELS:
        if label == "PERSON" and mention.label in ("GPE", "LOC", "FAC") and token.pos_ == "PROPN" \
                and not looks_like_place(token, state):
            # the NER took a one-word name for a place ("Jamal"); the role says person
            return state.ent_of_mention(mention, "PERSON")
        return state.ent_of_mention(mention)
    if token.pos_ == "PROPN":
        tokens = name_tokens(token)
        for t in tokens:
            inner = state.mention_at(t)
            if inner is not None:
                return state.ent_of_mention(inner)
        while len(tokens) > 1 and tokens[0].lower_ in HONORIFICS:
            tokens = tokens[1:]
        text = text_of(tokens)
        linked = state.canonical_for(text)
        start, end = span_of(tokens)
        if linked is None and is_kicker(doc_text(token.doc), start, end):
            return None  # 'MARKET HORROR: chef, 44, stabbed': a tabloid's kicker, no one
        if linked is None and len(tokens) == 1 and (
                tokens[0].lower_ in HONORIFICS or label == "PERSON" and tokens[0].lower_ in state.rules.roles
                or common_word_as_name(tokens[0], _person_name_words(state), person=label == "PERSON")):
            return None  # 'Sixteen dead in ...', 'A GROOM was among ...', 'Colonel': a common word, no one
        if linked is not None:
            return Ent(linked.canonical, linked.label, text, start, end)
        return Ent(text, label, text, start, end)
    if token.lower_ in REL_PRONOUNS and token.head.dep_ in ("relcl", "acl") and token.head.head.i != token.i:
        return entity_of(token.head.head, state, label=label, nominal=nominal, depth=depth + 1)
    for child in token.children:
        if child.dep_ == "appos":
            found = entity_of(child, state, label=label, nominal=False, depth=depth + 1)
            if found is not None and found.label == label:
                return found
    if token.dep_ == "appos" and token.pos_ in ("NOUN", "PROPN"):
        found = entity_of(token.head, state, label=label, nominal=False, depth=depth + 1)
        if found is not None:
            return found
    if token.lower_ in PERSON_PRONOUNS and label == "PERSON" and token.pos_ == "PRON":
        return pronoun_referent(token, state)
    if nominal and label == "PERSON" and token.pos_ == "NOUN" and is_definite(token):
        described = state.described.get(token.idx)
        if described is not None:
            return described
        holder = role_holder(token, state)  # 'the X leader' → whom the document called 'the leader of X'
        if holder is not None:
            return Ent(holder.name, "PERSON", text_of(strip_det(list(token.subtree))) or token.text,
                       token.idx, token.idx + len(token.text))
        main = state.main_person
        owned = any(c.dep_ == "poss" and (c.lower_ in PERSON_PRONOUNS or c.lower_ in SPEAKER_POSSESSIVES or (
            state.mention_at(c) is not None and state.mention_at(c).label == "PERSON")) for c in token.children)
        if main is not None and token.tag_ != "NNS" and lemma(token) in state.rules.roles and not owned:
            # (never someone's own X: 'his bodyguard', 'X's courier' is not the main person)
            return Ent(main.canonical, "PERSON", text_of(strip_det(list(token.subtree))[:1] or [token]),
                       token.idx, token.idx + len(token.text))
    return None


def pronoun_referent(token: Token, state: "Discourse", exclude: frozenset[str] = frozenset()) -> Ent | None:
    """The person 'he' / 'she' / 'him' refers to (see the module docstring); the
    document's main person when no one fits nearby. `exclude`: names it cannot be."""
    sent = token.sent
    window = state.doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
    want = "m" if token.lower_ in MALE_PRONOUNS else "f" if token.lower_ in FEMALE_PRONOUNS else None
    excluded = _clause_subjects(token, state) | _quote_speakers(token, state) | exclude

    def fits(name: str) -> bool:
        gender = state.genders.get(name)
        return name not in excluded and (want is None or gender is None or gender == want)

    candidates: list[tuple[int, Ent]] = []
    nearby = [m for m in reversed(state.persons_before(token.idx)) if m.start >= window and fits(m.canonical)]
    reporters = _reporters_before(token, state)
    if reporters and any(m.canonical not in reporters for m in nearby):
        # '..., the spokesman, X, said. He was shot': the topic, not the one reporting it
        excluded |= reporters
        nearby = [m for m in nearby if m.canonical not in reporters]
    # a person whose gender agrees outranks one whose gender is unknown ('Mrs. X met Y. She ...')
    agreeing = [m for m in nearby if want is not None and state.genders.get(m.canonical) == want]
    # else a subject pronoun takes up a subject before an object ('X met Y. He said ...': X)
    subjects = [m for m in nearby if _is_subject(m, state)] \
        if token.dep_ in ("nsubj", "nsubjpass") and not agreeing and len(nearby) > 1 else []
    for mention in (agreeing or subjects or nearby)[:1]:
        candidates.append((mention.start, state.ent_of_mention(mention)))
    candidates += [(start, ent) for start, ent in state.described.items()
                   if window <= start < token.idx and fits(ent.name)]
    if candidates and (agreeing or subjects):
        ent = candidates[0][1]
    elif candidates:
        _, ent = max(candidates, key=lambda c: c[0])
    else:
        main = state.main_person
        if main is None or not fits(main.canonical) or main.start > token.idx:
            return None
        ent = state.ent_of_mention(main)
    return Ent(ent.name, ent.label, token.text, token.idx, token.idx + len(token.text))


def _speaker_names(verbs: list[Token], state: "Discourse") -> set[str]:
    """The people who are the subjects of these reporting verbs."""
    from factx.attribution import is_passive, subject_of

    out: set[str] = set()
    for verb in verbs:
        subject = None if is_passive(verb) else subject_of(verb)
        if subject is None and not is_passive(verb):
            subject = _name_before(verb, state)
        if subject is not None and subject.lower_ not in PERSON_PRONOUNS:
            ent = entity_of(subject, state, nominal=False, depth=3)
            if ent is not None and ent.label == "PERSON":
                out.add(ent.name)
    return out


def _name_before(verb: Token, state: "Discourse") -> Token | None:
    """The person named right before a reporting verb the parser left without a subject
    ('..., the spokesman, X, said.')."""
    prev = verb.doc[verb.i - 1] if verb.i > 0 else None
    if prev is not None and prev.text == "," and prev.i > 0:
        prev = verb.doc[prev.i - 1]
    mention = state.mention_at(prev) if prev is not None else None
    return prev if mention is not None and mention.label == "PERSON" else None


def _says(token: Token, state: "Discourse") -> bool:
    return token.pos_ == "VERB" and lemma(token) in state.rules.lexicon.say and not state.in_quote(token.idx)


def _quote_speakers(pronoun: Token, state: "Discourse") -> set[str]:
    """Whom a 'he' / 'she' inside quotation marks cannot be: the quotation's speaker
    ('"He is alive," X said': X would say 'I')."""
    if not state.in_quote(pronoun.idx):
        return set()
    from factx.stages.attributes.scope import quote_speaker

    verbs = [t for t in pronoun.sent if _says(t, state)]
    speaker = quote_speaker(pronoun, state)
    if speaker is not None:
        verbs.append(speaker.head)
    return _speaker_names(verbs, state)


def _reporters_before(pronoun: Token, state: "Discourse") -> set[str]:
    """The speakers of the sentence before a subject 'he' / 'she' ('..., X said. He
    was shot'), unless the pronoun's own verb reports too ('He added that ...') or the
    pronoun stands in a quotation."""
    sent = pronoun.sent
    if sent.start == 0 or pronoun.dep_ not in ("nsubj", "nsubjpass") or state.in_quote(pronoun.idx):
        return set()
    if _says(pronoun.head, state):
        return set()
    before = state.doc[sent.start - 1].sent
    return _speaker_names([t for t in before if _says(t, state)], state)


def _is_subject(mention, state: "Discourse") -> bool:
    """A person's mention that is the subject of its clause (or set beside one)."""
    span = state.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    while root.dep_ in ("appos", "compound") and root.head.i != root.i:
        root = root.head
    return root.dep_ in ("nsubj", "nsubjpass")


def _clause_subjects(pronoun: Token, state: "Discourse") -> set[str]:
    """People a pronoun object cannot be: the subject and agent of its own clause
    ('X shot him dead', 'him' was shot by X); and people a subject pronoun cannot be:
    the others its own verb governs ('X was killed, she said': she is not X; 'he told
    Y': not Y)."""
    if pronoun.dep_ == "nsubj" and pronoun.head.pos_ in ("VERB", "AUX"):
        return _governed_people(pronoun, state)
    if pronoun.dep_ not in OBJECT_DEPS and not (pronoun.dep_ == "nsubjpass"):
        return set()
    verb = pronoun.head
    if pronoun.dep_ == "pobj":
        if verb.lower_ == "by":  # 'killed by him': the agent is the pronoun itself
            return set()
        verb = verb.head
    out: set[str] = set()
    for child in verb.children:
        target = None
        if child.dep_ == "nsubj" and pronoun.dep_ != "nsubjpass":
            target = child
        elif child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            target = next((g for g in child.children if g.dep_ == "pobj"), None)
        if target is not None and target.i != pronoun.i and target.lower_ not in PERSON_PRONOUNS:
            ent = entity_of(target, state, nominal=False, depth=3)
            if ent is not None:
                out.add(ent.name)
    return out


def _governed_people(subject: Token, state: "Discourse") -> set[str]:
    """The people named in the complement and objects of a subject pronoun's verb (not
    in its adjuncts: 'When X arrived, he said ...' may be X)."""
    verb = subject.head
    out: set[str] = set()
    governed = [c for c in verb.children if c.dep_ in GOVERNED_DEPS or c.dep_ == "prep" and c.lower_ == "to"]
    for token in (t for c in governed for t in c.subtree):
        if token.pos_ != "PROPN":
            continue
        mention = state.mention_at(token)
        if mention is not None and mention.label == "PERSON":
            out.add(state.ent_of_mention(mention).name)
    return out


def person_like(state: "Discourse") -> set[str]:
    """Canonical names of organisation or place mentions that the text treats as a
    person: a role or person noun in front of the name or in apposition ('group
    leader X', 'X, an Egyptian surgeon'), or the one who died ('X was killed', 'the
    composer, X, died') when the name is shaped like a person's (two to four capitalized
    words, none an organisation's word). The NER's type is kept elsewhere; here they are
    people, so that they can die, be 'he' and hold titles."""
    rules = state.rules
    org_words = {w.lower() for w in state.rules.entity_suffixes.get("ORG", ())}
    victims = _death_victims(state)
    out: set[str] = set()
    for mention in state.mentions:
        if mention.label not in ("ORG", "GPE", "NORP") or " " not in mention.canonical:
            continue
        if state.in_dateline(mention.start) or mention.canonical.lower() in rules.cities:
            continue  # 'NEW CITY, May 1 (AGENCY): X was killed': where the report was filed
        span = state.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        near = [c for c in root.children if c.dep_ in ("compound", "appos", "nmod") and c.i not in range(span.start, span.end)]
        if root.dep_ == "appos":
            near.append(root.head)
        described = any(word.pos_ == "NOUN" and (role_words(word, state) is not None or lemma(word) in rules.person_nouns)
                        for word in near)
        words = mention.canonical.split()
        name_shaped = 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not any(
            w.lower().strip(".,") in org_words for w in words) and mention.canonical.lower() not in rules.countries
        if described or (name_shaped and (root.i in victims or (root.dep_ == "appos" and root.head.i in victims))):
            out.add(mention.canonical)
    return out


def surnames(state: "Discourse") -> dict[str, "Mention"]:
    """Mentions that are the last words of one person the document names in full ('X'
    in a headline or after 'John X'): news names a person in full, then by surname, and
    the NER sometimes types the surname as a place or group. Never a known country,
    city or nationality, nor a name two people of the document end with."""
    rules = state.rules
    out: dict[str, "Mention"] = {}
    for mention in state.mentions:
        if mention.label not in ("ORG", "GPE", "NORP", "LOC", "PERSON") or mention.canonical in out:
            continue
        low = mention.canonical.lower()
        if low in rules.countries or low in rules.cities or low in rules.demonyms:
            continue
        if not all(w[:1].isupper() for w in mention.canonical.split()):
            continue
        words = mention.canonical.split()
        fuller = {m.canonical: m for m in state.persons
                  if len(m.canonical.split()) > len(words) and m.canonical.split()[-len(words):] == words}
        if len(fuller) == 1:
            out[mention.canonical] = next(iter(fuller.values()))
    return out


def _death_victims(state: "Discourse") -> set[int]:
    """Tokens in the victim slot of a death verb: 'X was killed', 'X died', 'killed X'."""
    from factx.attribution import is_passive

    rules = state.rules
    out: set[int] = set()
    table = state.tokens
    for token, low in zip(table.tokens, table.lemmas):
        if low not in rules.death_verbs or token.pos_ != "VERB":
            continue
        role = rules.death_verbs[low][1]
        for child in token.children:
            if role == "subject" and child.dep_ in ("nsubj", "nsubjpass") or role == "object" and (
                    child.dep_ == "nsubjpass" or child.dep_ == "dobj" and not is_passive(token)):
                out.add(child.i)
    return out


def looks_like_place(token: Token, state: "Discourse") -> bool:
    """A place-labelled proper noun that really is one: under a place noun or a location
    preposition, or a known country or city."""
    low = token.lower_
    rules = state.rules
    if low in rules.countries or low in rules.cities:
        return True
    head = token.head
    return lemma(head) in rules.place_nouns or (token.dep_ == "pobj" and head.lower_ in LOC_PREPS)


def person_of_nominal(noun: Token, state: "Discourse") -> Ent | None:
    """The person a role or nationality noun describes.

    Rules: apposition either way ('X, the leader of Y' / 'the leader, X'); copula ('X
    is the leader'); 'as' complements ('described X as a Pakistani national', 'served
    as'); predicative objects ('named X chief'); a role noun in front of a name
    ('Hamas spokesman X'); relative clauses ('X, who is the leader').
    """
    head = noun.head
    for child in noun.children:  # 'a 27-year-old Tunisian named X', 'a commander called X'
        if child.dep_ == "acl" and child.tag_ == "VBN" and lemma(child) in ("name", "call", "identify"):
            named = next((g for g in child.children if g.dep_ in ("oprd", "attr", "dobj")), None)
            found = entity_of(named, state, nominal=False) if named is not None else None
            if found is not None and found.label == "PERSON":
                return found
    if noun.dep_ == "appos":  # ('the politician, deputy leader of Y': whom 'the politician' names)
        return entity_of(head, state, nominal=False) or state.described.get(head.idx)
    for child in noun.children:
        if child.dep_ == "appos":
            found = entity_of(child, state, nominal=False)
            if found is not None and found.label == "PERSON":
                return found
    if noun.dep_ in ("compound", "nmod", "amod") and head.pos_ == "PROPN":
        found = entity_of(head, state, nominal=False)
        if found is not None and found.label == "PERSON":
            return found
    if noun.dep_ in ("attr", "acomp", "oprd"):
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubjpass", "dobj") and child.i != noun.i:
                return entity_of(child, state, nominal=False)
    if noun.dep_ == "pobj" and head.lower_ == "as":
        verb = head.head
        for dep in ("dobj", "nsubjpass", "nsubj"):
            for child in verb.children:
                if child.dep_ == dep:
                    return entity_of(child, state, nominal=False)
    if noun.dep_ in ("npadvmod", "dep") and head.pos_ == "PROPN":
        return entity_of(head, state, nominal=False)
    return _named_after_object(noun, state)


def _named_after_object(noun: Token, state: "Discourse") -> Ent | None:
    """'the special envoy for Syria, X': the parser sets the name beside the role's
    object, which no person can be (a place or an organisation); never a person's noun
    ('the lawyer of the victim, X': X may be the victim)."""
    rules = state.rules
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "to", "at")):
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            mention = state.mention_at(obj)
            if mention is not None and mention.label not in ("ORG", "GPE", "NORP", "LOC", "FAC"):
                continue
            if mention is None and (obj.pos_ != "NOUN" or any(lemma(obj) in words for words in (
                    rules.person_nouns, rules.roles, rules.agent_nouns))):
                continue
            for child in (c for c in obj.children if c.dep_ == "appos"):
                found = entity_of(child, state, nominal=False)
                if found is not None and found.label == "PERSON":
                    return found
    return None


def org_at(token: Token, state: "Discourse") -> Ent | None:
    """An organisation named at a token: an ORG mention, or an acronym the parser did
    not label ('six other ISIS members'), linked to a mention of the same text."""
    mention = state.mention_at(token)
    if mention is not None:
        return state.ent_of_mention(mention) if mention.label == "ORG" else None
    if token.text.isupper() and len(token.text) >= 2 and token.text.isalpha():
        for other in state.mentions:
            if other.text == token.text or other.canonical == token.text:
                return state.ent_of_mention(other)
        return Ent(token.text, "ORG", token.text, token.idx, token.idx + len(token.text))
    return None


def role_words(token: Token, state: "Discourse") -> tuple[str, RoleRule, list[Token]] | None:
    """The role a noun names, with preceding words of a multi-word role ('prime minister')."""
    rules = state.rules
    table = state.tokens
    i = token.i
    if table.lowers[i] not in rules.role_last_words and table.lemmas[i] not in rules.role_last_words:
        return None
    for n in range(rules.max_role_words, 0, -1):
        if i - n + 1 < token.sent.start:
            continue
        words = table.tokens[i - n + 1:i + 1]
        phrase = " ".join(table.lowers[i - n + 1:i + 1])
        lemma_phrase = " ".join(table.lowers[i - n + 1:i] + [table.lemmas[i]])
        for key in (phrase, lemma_phrase):
            if key in rules.roles:
                return key, rules.roles[key], words
    return None


#: a clock time written as one token ('22:10', '9.45')
_CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}$")


def object_tokens(obj: Token) -> list[Token]:
    """The words of a role's object, cut before dates, clauses and commas:
    'Islamic State in West Africa since 2016, and ...' → 'Islamic State in West Africa';
    'the owner of the company that manages the mall' → 'company'."""
    out: list[Token] = []
    for t in sorted(obj.subtree, key=lambda t: t.i):
        if t.i < obj.i and t.text in ("--", "—", "–"):
            out = []  # 'CITY -- Kyrgyz officials': a dateline before the dash
            continue
        if not out and t.i < obj.i and _CLOCK.match(t.text):
            continue  # '22:10 Regional officials say ...': a live blog's time stamp
        if t.i > obj.i and t.dep_ == "prep" and any(c.ent_type_ in ("DATE", "TIME") for c in t.children):
            break  # 'the ministry on Sunday'
        if t.i > obj.i and (t.text in ",;()—–-" and t.dep_ == "punct" or t.ent_type_ in ("DATE", "TIME")
                            or t.dep_ in ("relcl", "acl", "appos", "cc", "conj", "advcl")
                            or t.lower_ in ("since", "until", "from", "who", "which", "that", "whose", "and", "or",
                                            "when", "where")):
            break
        out.append(t)
    return strip_det(out)


def entity_text(tokens: list[Token], state: "Discourse") -> tuple[str, str | None]:
    """The canonical name of a phrase that is one mention, else its words."""
    if not tokens:
        return "", None
    mentions = {state.mention_at(t) for t in tokens}
    if len(mentions) == 1 and None not in mentions:
        (mention,) = mentions
        ent = state.ent_of_mention(mention)
        if ent.text.lower().lstrip("the ").strip() == text_of(tokens).lower().lstrip("the ").strip() or \
                ent.start <= tokens[0].idx and ent.end >= span_of(tokens)[1]:
            return ent.name, ent.label
    last = state.mention_at(tokens[-1])
    if last is not None and last.label == "PERSON":  # 'adviser to Prime Minister X' → X
        return last.canonical, "PERSON"
    text = text_of(tokens)
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    head = state.mention_at(tokens[-1]) or state.mention_at(tokens[0])
    return text, head.label if head is not None else None


def role_org(noun: Token, role_tokens: list[Token], rule: RoleRule, state: "Discourse"):
    """The organisation of a role noun: a name in front of it or the object of its
    preposition; None for a role with modifiers ('the former leader', 'the police chief')."""
    org = None
    for child in noun.children:
        if child in role_tokens:
            continue
        if child.dep_ in ("amod", "advmod") or (child.dep_ == "compound" and state.mention_at(child) is None):
            return None
        if child.dep_ in ("compound", "nmod", "poss"):
            org = state.mention_at(child)
        elif child.dep_ == "prep" and child.lower_ in (rule.preps or ("of",)):
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            org = state.mention_at(pobj) if pobj is not None else None
    return org if org is not None and org.label in ("ORG", "GPE", "NORP") else None


def role_holder(noun: Token, state: "Discourse") -> Ent | None:
    """The person a definite role description names when the document gave exactly one
    person that role: 'the AQ leader' or 'the leader of AQ' after 'X, the leader of AQ'."""
    if not state.role_holders:
        return None
    found = role_words(noun, state)
    if found is None:
        return None
    role, rule, role_tokens = found
    org = role_org(noun, role_tokens, rule, state)
    if org is None:
        return None
    # only a holder the document named before the description ('X, the leader of Y, ...
    # the Y leader'); one named later may be someone else's successor
    holders = {n: e for n, e in state.role_holders.get((role, org.canonical), {}).items() if e.start < noun.idx}
    return next(iter(holders.values())) if len(holders) == 1 else None


def role_holders(state: "Discourse") -> tuple[dict[tuple[str, str], dict[str, Ent]], dict[int, Ent]]:
    """Who holds which role ('X, the leader of Y'; 'Y leader X'), and which later definite
    role descriptions ('the Y leader') name them, by offset."""
    holders: dict[tuple[str, str], dict[str, Ent]] = {}
    table = state.tokens
    last_words = state.rules.role_last_words
    # only a role word can be a role (`role_words`)
    candidates = [t for t, low, lower in zip(table.tokens, table.lemmas, table.lowers)
                  if lower in last_words or low in last_words]
    for token in candidates:
        if token.pos_ != "NOUN" or not is_definite(token) and token.dep_ not in ("compound", "nmod"):
            continue
        found = role_words(token, state)
        if found is None:
            continue
        role, rule, role_tokens = found
        org = role_org(token, role_tokens, rule, state)
        if org is None:
            continue
        person = person_of_nominal(token, state)
        if person is not None and person.label == "PERSON" and person.name != org.canonical:
            holders.setdefault((role, org.canonical), {})[person.name] = person
    described: dict[int, Ent] = {}
    if holders:
        interim = _with(state, holders)
        for token in candidates:
            if token.pos_ == "NOUN" and is_definite(token) and person_of_nominal(token, interim) is None:
                holder = role_holder(token, interim)
                if holder is not None:
                    described[token.idx] = Ent(holder.name, "PERSON",
                                               text_of(strip_det(list(token.subtree))) or token.text,
                                               token.idx, token.idx + len(token.text))
    return holders, described


def _with(state: "Discourse", holders):
    from dataclasses import replace

    return replace(state, role_holders=holders)


def place_label(mention_label: str) -> str:
    return mention_label if mention_label in PLACE_LABELS else "GPE"
