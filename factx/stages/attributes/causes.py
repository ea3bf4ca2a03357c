"""Causes of deaths and of events, open vocabulary, normalized to a head phrase.

Rules: 'died of / from X', 'succumbed to X', 'due to / owing to / because of / as a
result of X' and 'killed by X' (a thing, not a named agent) take any noun phrase; 'in /
during / after a raid' and an attacking subject ('a drone strike killed X') take the
cause nouns of the rules; an event is caused by what a cause verb names ('caused by',
'triggered by', 'blamed on'). The value is the head noun with its noun compounds and
its classifying adjectives, lemmatized ('a long illness' → 'illness', 'kidney failure',
'an electrical fault'), then grouped through the rules' synonyms ('his wounds' → 'injuries').
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from factx import attribution as attr
from factx.stages.attributes.base import PERSON_PRONOUNS
from factx.stages.attributes.frames import Frame, is_event_noun
from factx.stages.attributes.registry import Family, register
from factx.stages.attributes.syntax import lemma, pobjs

if TYPE_CHECKING:
    from factx.stages.attributes.compiled import Compiled
    from factx.stages.attributes.discourse import Discourse

register(
    Family("cause", keys=("words", "value", "preps"),
           doc="nouns that say how someone died ('in a raid'), with synonyms grouped under `value`"),
    Family("agent_noun", doc="nouns of people who act ('police', 'gunmen'): 'killed by police' names no cause"),
    Family("cause_modifier", doc="adjectives dropped from a cause's head phrase ('a long illness' → 'illness')"),
    Family("cause_light", doc="nouns whose 'of' object is the real cause: 'the ignition of X', 'a stock of X'"),
    Family("amount_unit", doc="units by weight of a cause that give the event its amount: '400 tonnes of X'"),
    Family("cause_clause", keys=("words", "value"), required=("words", "value"),
           doc="verbs of a thing that happened, in a 'when' clause of a death, and the cause "
               "they give: 'killed when the roof collapsed' → collapse"),
    Family("cause_verb", keys=("words", "preps", "subject"), required=("words", "preps"),
           doc="verbs whose agent or object is an event's cause ('caused by', 'blamed on'); with "
               "`subject: subject`, whose subject causes the event its preposition governs "
               "('X contributed to the crash'); with `subject: speaker`, whose subject only says "
               "what the cause was ('the report blamed the crash on X')"),
)

#: two-word prepositions of cause: the first word and the preposition that carries the object
CAUSAL_PAIRS = {"due": "to", "owing": "to", "because": "of", "thanks": "to"}
OPEN_PREPS = ("of", "from")
NOT_CAUSES = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "DATE", "TIME", "CARDINAL")


def head_phrase(noun: Token, state: "Discourse") -> tuple[str, list[Token]]:
    """The normalized head phrase of a cause noun and the words it came from; a light
    noun ('the ignition of', 'a stock of', 'tonnes of') gives way to its object."""
    rules = state.rules
    for _ in range(3):
        if lemma(noun) not in rules.cause_light:
            break
        inner = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in pobjs(c)), None)
        if inner is None or inner.pos_ not in ("NOUN", "PROPN"):
            break
        noun = inner
    # who did it is no part of how ('a police raid', 'an Israeli airstrike', 'a US strike')
    # ... unless the rules list the two words as one cause ('pilot error', 'human error')
    kept = [c for c in noun.lefts if c.dep_ in ("compound", "amod", "nmod") and c.pos_ in ("NOUN", "PROPN", "ADJ", "VERB")
            and (f"{c.lower_} {lemma(noun)}" in rules.cause_nouns or (
                c.lower_ not in rules.cause_drop and not c.like_num and c.lower_ not in rules.agent_nouns
                and not any(part in rules.demonyms or part in rules.countries for part in c.lower_.split("-"))
                and state.mention_at(c) is None))]
    chain: list[Token] = []  # only the modifiers right before the noun, as one phrase
    for token in reversed(kept):
        if token.i == noun.i - len(chain) - 1:
            chain.insert(0, token)
    words = chain + [noun]
    head = lemma(noun) if noun.pos_ == "NOUN" else noun.lower_
    after = noun.nbor(1) if noun.i + 1 < len(noun.doc) else None
    if after is not None and after.dep_ in ("appos", "amod", "advmod") and after.head.i < after.i \
            and after.head.i in (noun.i, noun.head.head.i) and after.is_alpha and after.is_lower \
            and not after.is_stop and not after.ent_type_ \
            and after.pos_ in ("NOUN", "ADV", "ADJ") \
            and not any(c.i > noun.i and c.i != after.i and not (c.i > after.i and c.dep_ in ("acl", "relcl"))
                        for c in noun.children):  # (a clause may follow: 'X Y stored in a warehouse')
        # the parser's split of one compound noun ('sodium chlorate' read as a noun and an adverb)
        words, chain, head = words + [after], chain + [noun], after.lower_
    phrase = " ".join([w.lower_ for w in chain] + [head])
    surface = " ".join(w.lower_ for w in words)
    for key in (phrase, surface):  # a listed phrase is its own value ('drone strike')
        if key in rules.cause_values:
            return rules.cause_values[key], words
        if key in rules.cause_nouns:
            return key, words
    # a listed head is its group ('a special operations raid' → raid, 'his wounds' → injuries);
    # an open head keeps the words that say what kind ('kidney failure', 'electrical fault')
    for key in (head, noun.lower_):
        if key in rules.cause_values:
            return rules.cause_values[key], words
        if key in rules.cause_nouns:
            return key, words
    return phrase, words


def _open_noun(obj: Token, state: "Discourse") -> bool:
    """A noun that can be a cause in an open-vocabulary slot: not a named agent, a person
    pronoun, a place or a date."""
    if obj.pos_ not in ("NOUN", "PROPN"):
        return False
    mention = state.mention_at(obj)
    if mention is not None and mention.label in NOT_CAUSES:
        return False
    if obj.ent_type_ in NOT_CAUSES or obj.lower_ in PERSON_PRONOUNS:
        return False
    rules = state.rules
    low = lemma(obj)
    if low in rules.person_nouns or low in rules.roles or low in rules.agent_nouns or obj.lower_ in rules.agent_nouns:
        return False
    # 'American special forces', 'Hamas gunmen': people of a country or a group
    return not any(c.dep_ in ("amod", "compound", "nmod") and (
        c.lower_ in rules.demonyms or (state.mention_at(c) is not None and state.mention_at(c).label in NOT_CAUSES))
        for c in obj.lefts)


def _listed(noun: Token, state: "Discourse") -> bool:
    rules = state.rules
    if lemma(noun) in rules.cause_nouns or noun.lower_ in rules.cause_nouns or is_event_noun(noun, state):
        return True
    return any(c.dep_ in ("compound", "amod") and f"{c.lower_} {lemma(noun)}" in rules.cause_nouns for c in noun.lefts)


def cause_of(frame: Frame, state: "Discourse", *, death: bool = True) -> tuple[str, list[Token], Token] | None:
    """How someone died (`death`) or what caused an event: the value, its words and the noun."""
    rules = state.rules
    trigger = frame.trigger
    open_slots: list[Token] = []
    listed: list[Token] = []
    verbs = [r for r in frame.roots if r.pos_ in ("VERB", "AUX")]
    for verb in verbs:
        low = lemma(verb)
        for child in verb.children:
            if child.dep_ not in ("prep", "agent", "advmod", "acomp", "amod", "advcl", "pcomp"):
                continue
            word = child.lower_
            if death and word in OPEN_PREPS and low in rules.death_verbs and rules.death_verbs[low][1] == "subject":
                open_slots.extend(pobjs(child))  # 'died of cancer'
            elif death and word == "to" and low == "succumb":
                open_slots.extend(pobjs(child))  # 'succumbed to his injuries'
            elif word in CAUSAL_PAIRS:
                open_slots.extend(g for c in child.children if c.lower_ == CAUSAL_PAIRS[word] for g in pobjs(c))
            elif word == "as":  # 'as a result of'
                for result in pobjs(child):
                    if result.lower_ == "result":
                        open_slots.extend(g for c in result.children if c.lower_ == "of" for g in pobjs(c))
            elif word in ("by",) or child.dep_ == "agent":
                if attr.is_passive(verb) and (low in rules.death_verbs or low in rules.count_verbs):
                    open_slots.extend(pobjs(child))  # 'killed by a roadside bomb'
            if word in rules.cause_preps:
                listed.extend(pobjs(child))
            if death and word in ("after", "following"):  # 'died after being strangled'
                for done in (g for g in child.children if g.dep_ == "pcomp" and g.pos_ == "VERB"):
                    implied = rules.death_verbs.get(lemma(done))
                    if implied is not None and implied[2] is not None:
                        return implied[2], [done], done
        if death and low in rules.death_verbs:  # 'was given a fatal dose': what was given
            listed.extend(c for c in verb.children if c.dep_ == "dobj")
        if lemma(verb) in rules.death_verbs or lemma(verb) in rules.count_verbs:
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is not None and not attr.is_passive(verb):
                listed.append(subject)  # 'a drone strike killed X'
    if death and trigger.pos_ == "NOUN":
        # 'his death by drowning', 'her death from cancer'; 'a fight which led to his death'
        open_slots.extend(g for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
                          for g in pobjs(c))
        open_slots.extend(_subject_causes(trigger, state))
    if not death:  # an event's cause is what a cause verb or phrase names, not a neighbouring event
        open_slots.extend(_event_cause_slots(frame, state))
        listed = []
    for noun in open_slots:
        named = _named_event_at(noun, state)
        if named is not None:  # 'caused by Storm X': the storm, by its name
            return named
        if _open_noun(noun, state):
            value, words = head_phrase(noun, state)
            return value, words, noun
    for noun in listed:
        if noun.i != trigger.i and _listed(noun, state):
            value, words = head_phrase(noun, state)
            return value, words, noun
    if death:
        for verb in verbs:
            found = _clause_cause(verb, state)
            if found is not None:
                return found
        # 'killed the head of X in a raid': a cause the parser hung lower in the clause
        for token in trigger.subtree:
            if token.dep_ == "pobj" and token.head.lower_ in ("in", "during") and token.i != trigger.i \
                    and token.i not in frame.participants and _listed(token, state) \
                    and not any(a.dep_ in ("relcl", "appos", "acl")
                                for a in token.ancestors if trigger in a.ancestors) \
                    and not any(lemma(a) in rules.lexicon.say or lemma(a) in rules.lexicon.source_nouns
                                for a in token.ancestors if a.i != trigger.i and trigger in a.ancestors):
                value, words = head_phrase(token, state)
                return value, words, token
    return None


def _clause_cause(verb: Token, state: "Discourse") -> tuple[str, list[Token], Token] | None:
    """What happened in a 'when' clause of a death verb, as its cause: 'was killed when
    the roof collapsed' → collapse, 'died when the bus caught fire' → fire. The clause's
    subject is a thing: 'died when he collapsed' tells no cause."""
    values = clause_causes(state.rules)
    for clause in (c for c in verb.children if c.dep_ == "advcl" and c.pos_ == "VERB"):
        if not any(m.dep_ == "advmod" and m.lower_ == "when" or m.dep_ == "mark" and m.lower_ == "when"
                   for m in clause.children) or attr.negated(clause):
            continue
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.pos_ not in ("NOUN", "PROPN") or not _open_noun(subject, state):
            continue
        low = lemma(clause)
        for word in [f"{low} {c.lower_}" for c in clause.children if c.dep_ in ("prt", "dobj", "advmod")] + [low]:
            if word in values:
                return values[word], [clause], clause
    return None


def clause_causes(rules: "Compiled") -> dict[str, str]:
    """The verbs of family `cause_clause` (lemma, or lemma and particle) and their cause."""
    return rules.derived("clause_causes", lambda rules: {
        w.lower(): r["value"] for r in rules.by_family.get("cause_clause", ()) for w in r["words"]})


def _named_event_at(noun: Token, state: "Discourse") -> tuple[str, list[Token], Token] | None:
    """A named event at a cause's noun ('caused by Storm X'): its name, its words, the noun."""
    event = next((e for e in state.events if e.token.i == noun.i and e.named and e.entity is not None), None)
    if event is None:
        return None
    words = [t for t in noun.doc if event.entity.start <= t.idx < event.entity.end] or [noun]
    return event.entity.name, words, noun


def _subject_causes(noun: Token, state: "Discourse") -> list[Token]:
    """The subject of a verb that says it brought about the noun ('a fight which led to
    his death', 'the injuries resulted in her death'); a relative pronoun is the noun it
    qualifies."""
    if noun.dep_ != "pobj" or noun.head.head.pos_ != "VERB":
        return []
    verb = noun.head.head
    preps = next((tuple(r.get("preps", ())) for r in state.rules.by_family.get("cause_verb", ())
                  if r.get("subject") == "subject" and lemma(verb) in (w.lower() for w in r["words"])), ())
    if noun.head.lower_ not in preps or attr.is_passive(verb):
        return []
    out = []
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        if subject.tag_ == "WDT" and verb.dep_ == "relcl":
            subject = verb.head
        out.append(subject)
    return out


def _event_cause_slots(frame: Frame, state: "Discourse") -> list[Token]:
    """What caused an event noun: the agent of a cause verb it is the subject or the
    object of ('the fire was started by a fault', 'the floods, caused by rain', 'blamed on')."""
    rules = state.rules.by_family.get("cause_verb", ())
    verbs = {w.lower(): tuple(r.get("preps", ())) for r in rules if r.get("subject") != "subject" for w in r["words"]}
    # verbs whose subject only says what the cause was ('the report blamed the crash on X')
    speakers = {w.lower() for r in rules if r.get("subject") == "speaker" for w in r["words"]}
    towards = {w.lower(): tuple(r.get("preps", ())) for r in rules if r.get("subject") == "subject" for w in r["words"]}
    out: list[Token] = []
    for root in frame.roots:
        if root.pos_ not in ("NOUN", "PROPN"):
            continue
        if root.dep_ == "pobj" and root.head.lower_ in towards.get(lemma(root.head.head), ()) \
                and root.head.head.pos_ == "VERB" and not attr.is_passive(root.head.head):
            # 'a bird strike contributed to the crash'
            out.extend(c for c in root.head.head.children if c.dep_ == "nsubj")
        candidates = []
        if root.dep_ in ("nsubjpass", "nsubj", "dobj") and root.head.pos_ in ("VERB", "AUX"):
            candidates.append(root.head)
        candidates += [c for c in root.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]
        out.extend(_cause_noun_slots(root))
        for verb in candidates:
            preps = verbs.get(lemma(verb))
            if preps is None:
                continue
            if not attr.is_passive(verb) and verb.dep_ not in ("acl",) and root.dep_ == "dobj" \
                    and lemma(verb) not in speakers:
                subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                if subject is not None:
                    out.append(subject)  # 'a gas leak caused the blast'
            # (the parser may hang the preposition on the event: 'blamed [the crash on X]')
            holders = (verb, root) if lemma(verb) in speakers and root.dep_ == "dobj" else (verb,)
            for child in (c for h in holders for c in h.children):
                if child.dep_ in ("agent", "prep") and child.lower_ in preps:
                    out.extend(pobjs(child))
    return out


#: nouns after 'be' whose 'of' is the cause of the subject: 'the crash was the result of X'
RESULT_NOUNS = frozenset({"result", "consequence"})


def _cause_noun_slots(event: Token) -> list[Token]:
    """'X could be the cause of the blast', 'the cause of the fire was X', 'X is to blame
    for the explosion', 'blamed X for the collapse', 'the crash was the result of X': X (a
    thing: who did it is `perpetration`'s)."""
    if event.dep_ == "nsubj" and lemma(event.head) == "be" and not attr.negated(event.head):
        return [g for c in event.head.children if c.dep_ == "attr" and lemma(c) in RESULT_NOUNS
                for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for g in pobjs(p)]
    if event.dep_ != "pobj" or event.head.lower_ not in ("of", "for"):
        return []
    holder = event.head.head
    if event.head.lower_ == "for" and lemma(holder) == "blame" and holder.pos_ == "VERB":
        return [c for c in holder.children if c.dep_ in ("dobj", "obj")]
    if event.head.lower_ == "of" and holder.pos_ == "NOUN" and lemma(holder) == "cause" \
            and lemma(holder.head) == "be":
        wanted = "nsubj" if holder.dep_ == "attr" else "attr" if holder.dep_ == "nsubj" else None
        return [c for c in holder.head.children if c.dep_ == wanted]
    if event.head.lower_ == "for" and lemma(holder) == "blame" and holder.dep_ == "xcomp" \
            and lemma(holder.head) == "be":  # 'are to blame for'
        return [c for c in holder.head.children if c.dep_ == "nsubj"]
    return []


def amount_of(noun: Token, state: "Discourse") -> tuple[int | str, list[Token]] | None:
    """How much of the cause there was, in tonnes, when the cause is given by weight ('400
    tonnes of fertiliser', 'more than 300 tons of X' → '>300'): the cause noun or
    the light noun it came through is a unit of family `amount_unit` with a number. Other
    units (kilograms, pounds) give nothing: a value in another unit would disagree with
    the same amount in tonnes."""
    from factx.stages.attributes.participants import quantity_of

    units = amount_units(state.rules)
    for _ in range(3):
        if lemma(noun) in units or noun.lower_ in units:
            quantity = quantity_of(noun, state)
            if quantity is None or isinstance(quantity[0], str) and quantity[0].startswith("~") and "-" in quantity[0]:
                return None  # ('tonnes of X', 'thousands of tonnes': no amount)
            return quantity[0], quantity[1] + [noun]
        inner = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in pobjs(c)), None)
        if inner is None or lemma(noun) not in state.rules.cause_light:
            return None
        noun = inner
    return None


def amount_units(rules: "Compiled") -> frozenset[str]:
    """The units by weight an amount is given in (family `amount_unit`)."""
    return rules.derived("amount_units", lambda rules: frozenset(
        w.lower() for r in rules.by_family.get("amount_unit", ()) for w in r.get("words", ())))
