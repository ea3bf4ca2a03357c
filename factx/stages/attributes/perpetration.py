"""Who did it: claims and denials of an event's named perpetrator.

Families `involvement` ('denied any involvement in', 'responsibility for'), `perpetrate`
('carried out', 'staged'), `work_noun` ('the work of X') and `culpable` ('was behind',
'was responsible for'): 'X carried out the bombing', 'the raid was carried out by X',
'the government blamed X for the attack', 'X claimed the attack', 'accused X of the
bombing'; and the author's own denial: 'X denied any involvement in the bombing', 'X
denied carrying out the attack' (denied, said by X).

`perpetration_facts` also runs `hypotheses` (whether anyone did it: 'ruled out an
attack', 'caused deliberately'); what both share (the families' words, the event a claim
names, who a subject names) is `authors`. Nationalities and organisations in front of an
attack ('a Turkish drone strike') and 'X claimed responsibility' are read with the event's
frame (`agents.perpetrators`).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from spacy.tokens import Span, Token

from factx import attribution as attr
from factx.stages.attributes.authors import (
    authors_of, claimant, event_named, event_near, family_firsts, family_heads, family_words, for_object,
    involvement_words, perpetrator_raw, verb_phrase,
)
from factx.stages.attributes.base import Ent, Raw
from factx.stages.attributes.hypotheses import hypothesis_facts, is_hypothesis_word
from factx.stages.attributes.registry import Family, extractor, register
from factx.stages.attributes.syntax import lemma, pobjs

if TYPE_CHECKING:
    from factx.stages.attributes.compiled import Compiled
    from factx.stages.attributes.discourse import Discourse


register(
    Family("involvement", doc="nouns of taking part in an event: 'denied any involvement in the attack'"),
    Family("perpetrate", doc="verbs (lemma, with their particle) whose subject did the event: 'carried out'"),
    Family("work_noun", doc="nouns after 'be' that make an event its author's: 'the work of X', 'an operation by X'"),
    Family("culpable", doc="words after 'be' whose subject did the event they govern: 'was behind the attack', "
                           "'was responsible for it'"),
)


def presupposed_death(token: Token, rules: "Compiled") -> bool:
    """A death a denied clause takes for granted: someone's knowledge of, role in or
    involvement in the killing ('denied that X had any knowledge of the killing',
    'played any role in it', 'was involved in it')."""
    if token.dep_ != "pobj":
        return False
    holder = token.head.head
    words = involvement_words(rules)
    if holder.pos_ in ("VERB", "AUX"):  # 'played any role in the killing': the parser's verb
        return lemma(holder) in ("involve", "know") or any(
            c.dep_ in ("dobj", "obj") and lemma(c) in words for c in holder.children)
    return lemma(holder) in words


@extractor(order=16)
def perpetration_facts(sent: Span, state: "Discourse") -> Iterator[Raw]:
    """`perpetrator` facts of the claims and denials above."""
    rules = state.rules
    table = state.tokens
    if not table.has_any(sent, rules.derived("perpetration", _triggers)):
        return
    for token in table.of(sent):
        if is_hypothesis_word(token, rules):  # 'ruled out an attack', 'was caused deliberately'
            yield from hypothesis_facts(token, sent, state)
            continue
        if lemma(token) == "be":  # 'X was behind the attack', 'X is responsible for the bombing'
            yield from _culprits(token, state)
            yield from _works(token, state)
            continue
        if token.pos_ != "VERB":
            continue
        low = lemma(token)
        if low in rules.lexicon.deny or low == "blame" or low in family_firsts(rules, "perpetrate"):
            yield from _named_authors(token, sent, state)
        if low in ASSIGN_VERBS or low == "blame":
            yield from _assigned(token, state)


def _triggers(rules: "Compiled") -> frozenset[str]:
    """Every word the branches of `perpetration_facts` first look a token up in: a
    sentence with none of them holds no perpetration fact."""
    return frozenset({"act", "blame", *ASSIGN_VERBS}) | family_heads(rules, "attack_noun") | family_words(rules, "deliberate") | (
        rules.lexicon.deny | family_firsts(rules, "perpetrate") | family_words(rules, "culpable") | family_words(rules, "work_noun"))


def _culprits(verb: Token, state: "Discourse") -> Iterator[Raw]:
    """'X was behind the attack', 'X was responsible for the bombing': the subject did the
    event the word governs ('behind' directly, 'responsible' through 'for'). Not when
    negated ('was not behind it'), nor with a subject that names no author ('the storm')."""
    culpable = family_words(state.rules, "culpable")
    subject = claimant(attr.subject_of(verb), verb, state)
    if subject is None or attr.negated(verb):
        return
    for word in (c for c in verb.children if c.dep_ in ("prep", "acomp") and c.lower_ in culpable):
        # 'behind the attack': its object; 'responsible for the attack': the event under 'for'
        target = next(iter(pobjs(word)), None) or for_object(word)
        yield from _to_target(target, state, authors_of(subject, state), "perpetration.culpable", word)


def _named_authors(verb: Token, sent: Span, state: "Discourse") -> Iterator[Raw]:
    rules = state.rules
    phrase = verb_phrase(verb)
    perpetrate = family_words(rules, "perpetrate")
    # 'X denied any involvement in the bombing', 'X denied responsibility for it'
    if lemma(verb) in rules.lexicon.deny:
        for obj in (c for c in verb.children if c.dep_ in ("dobj", "obj")):
            if lemma(obj) in family_words(rules, "involvement"):
                target = next((g for p in obj.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"),
                              None)
                yield from _denied_by_subject(verb, target, sent, state, "perpetration.denied_involvement")
        # 'X denied carrying out the attack'
        for clause in (c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "pcomp")):
            if verb_phrase(clause) in perpetrate:
                target = next((c for c in clause.children if c.dep_ in ("dobj", "obj")), None)
                yield from _denied_by_subject(verb, target, sent, state, "perpetration.denied")
            elif clause.dep_ in ("xcomp", "pcomp") and _anything_to_do(clause) is not None:
                # 'X denied having anything to do with the attack'
                yield from _denied_by_subject(verb, _anything_to_do(clause), sent, state, "perpetration.denied")
            elif clause.dep_ == "ccomp":
                yield from _denied_part(verb, clause, state)
        return
    if phrase in perpetrate:
        target = next((c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")), None)
        event = event_named(target, state) if target is not None else None
        if attr.negated(verb) or event is not None and not event.kind.agentive and phrase in LEAD_VERBS:
            return  # ('the protest was led by students': no author of an attack)
        if phrase in LEAD_VERBS and target is not None and target.pos_ == "PRON":
            return  # ('founded the party and has led it since': what one leads is rarely an event)
        if event is None and (phrase in LEAD_VERBS or _killed(target, state) is None):
            return  # ('carried out the assassination of X': X's killing)
        if attr.is_passive(verb):  # 'the raid was carried out by X'
            agent = attr.agent_of(verb)
            authors = authors_of(agent, state) if agent is not None else []
        else:  # 'X carried out the raid'; 'X said it carried out the raid'
            subject = claimant(attr.subject_of(verb), verb, state)
            authors = authors_of(subject, state) if subject is not None else []
        yield from _to_target(target, state, authors, "perpetration.carried_out", verb)
    elif lemma(verb) == "blame":  # 'the government blamed X for the attack'
        target = for_object(verb)
        blamed = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
        event = event_named(target, state) if target is not None else None
        if event is None and blamed is not None:  # 'blamed X for the killing of Y'
            yield from _to_target(target, state, authors_of(blamed, state), "perpetration.blamed", verb,
                                  speaker=attr.subject_of(verb))
        if event is not None and blamed is not None:
            for (value, value_type, entity_type), where in authors_of(blamed, state):
                if entity_type == "ORG" and not event.kind.agentive:
                    # an organisation blamed for an accident ('blamed the carmaker for the crash')
                    # is what the speaker says caused it, not the author of a deliberate act
                    yield perpetrator_raw(event, value, "text", where, "perpetration.blamed_cause", verb,
                               speaker=attr.subject_of(verb), attribute="cause")
                    continue
                yield perpetrator_raw(event, value, value_type, where, "perpetration.blamed", verb, entity_type,
                           speaker=attr.subject_of(verb))


def _anything_to_do(clause: Token) -> Token | None:
    """The object of 'having anything to do with X' (X), else None."""
    if lemma(clause) != "have":
        return None
    for obj in (c for c in clause.children if c.dep_ in ("dobj", "obj") and c.lower_ == "anything"):
        for do in (c for c in obj.children if c.dep_ in ("relcl", "acl") and lemma(c) == "do"):
            return next((g for p in do.children if p.dep_ == "prep" and p.lower_ == "with"
                         for g in p.children if g.dep_ == "pobj"), None)
    return None


def _denied_part(verb: Token, clause: Token, state: "Discourse") -> Iterator[Raw]:
    """'Y denied that X had any role in / any knowledge of the attack', 'denied that X was
    involved in it': X's part in the event denied, said by Y (the event itself is taken
    for granted)."""
    target = None
    if lemma(clause) in ("have", "play", "bear"):
        for obj in (c for c in clause.children if c.dep_ in ("dobj", "obj") and lemma(c) in family_words(state.rules, "involvement")):
            target = next((g for p in [*obj.children, *clause.children] if p.dep_ == "prep"
                           for g in p.children if g.dep_ == "pobj"), None)
    elif lemma(clause) == "involve" and attr.is_passive(clause):
        target = next((g for p in clause.children if p.dep_ == "prep" and p.lower_ == "in"
                       for g in p.children if g.dep_ == "pobj"), None)
    if target is None:
        return
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    event = event_named(target, state)
    if subject is None or event is None:
        return
    denier = attr.subject_of(verb)
    for (value, value_type, entity_type), where in authors_of(subject, state):
        yield perpetrator_raw(event, value, value_type, where, "perpetration.denied_part", verb, entity_type,
                   polarity="denied", speaker=denier)


def _denied_by_subject(verb: Token, target: Token | None, sent: Span, state: "Discourse",
                       rule: str) -> Iterator[Raw]:
    subject = attr.subject_of(verb)
    if subject is None:
        return
    event = event_named(target, state) if target is not None else event_near(sent, state)
    if event is None:
        return
    for (value, value_type, entity_type), where in authors_of(subject, state):
        yield perpetrator_raw(event, value, value_type, where, rule, verb, entity_type, polarity="denied", speaker=subject)


#: verbs that give an event to its author: 'X claimed the attack', 'attributed the bombing to
#: X', 'accused X of carrying out the attack', 'blamed the attack on X'
ASSIGN_VERBS = frozenset({"claim", "attribute", "accuse"})
#: perpetrate verbs that only make an author of an attack ('led the raid'), never of a protest
LEAD_VERBS = frozenset({"lead", "spearhead"})


def _works(verb: Token, state: "Discourse") -> Iterator[Raw]:
    """'the bombing was the work of X', 'the raid was a joint operation by X and Y': an
    event whose copula calls it an author's work (family `work_noun`)."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    event = event_named(subject, state) if subject is not None else None
    if event is None or not event.kind.agentive or attr.negated(verb):
        return
    for work in (c for c in verb.children if c.dep_ == "attr" and lemma(c) in family_words(state.rules, "work_noun")):
        for by in (c for c in work.children if c.dep_ == "prep" and c.lower_ in ("of", "by")):
            for author in pobjs(by):
                for (value, value_type, entity_type), where in authors_of(author, state):
                    yield perpetrator_raw(event, value, value_type, where, "perpetration.work", work, entity_type)


def _assigned(verb: Token, state: "Discourse") -> Iterator[Raw]:
    """Who a verb gives an attack to: 'X claimed (responsibility for) the attack' (X's own
    claim), 'responsibility for the attack was claimed by X', 'officials attributed the
    bombing to X' or 'blamed the bombing on X' (said by the officials), 'accused X of
    carrying out the attack'. Only for events with authors (a crash blamed on a sensor is
    its cause: `causes`); never when negated ('no group has claimed it')."""
    low = lemma(verb)
    if attr.negated(verb) or any(c.dep_ == "nsubj" and any(d.lower_ == "no" for d in c.children)
                                 for c in verb.children):
        return
    passive = attr.is_passive(verb)
    objects = [c for c in verb.children if c.dep_ in (("nsubjpass",) if passive else ("dobj", "obj"))]
    speaker = None if passive else attr.subject_of(verb)
    if low == "claim":
        author = attr.agent_of(verb) if passive else claimant(attr.subject_of(verb), verb, state)
        for obj in objects:
            target = obj
            if lemma(obj) == "responsibility":
                target = for_object(obj)
                if not passive and (target is None or event_named(target, state) is not None):
                    continue  # 'X claimed responsibility for the attack': the event's own frame
            event = event_named(target, state) if target is not None and target.pos_ in ("NOUN", "PROPN") else None
            if event is None and author is not None:  # 'X claimed (responsibility for) the killing of Y'
                yield from _to_target(target, state, authors_of(author, state), "perpetration.claimed", verb,
                                      speaker=author)
                continue
            if event is None or author is None or not (event.kind.agentive or event.kind.kind in state.rules.claimable_kinds):
                continue  # ('claimed the blast': a blast may be a bombing; nobody claims a flood)
            for (value, value_type, entity_type), where in authors_of(author, state):  # (the claimer's own word)
                yield perpetrator_raw(event, value, value_type, where, "perpetration.claimed", verb, entity_type, speaker=author)
        return
    if low == "accuse":  # 'accused X of carrying out the attack', 'accused X of the bombing'
        for accused in objects:
            for of in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "of"):
                for deed in of.children:
                    target = deed if deed.dep_ == "pobj" else next(
                        (c for c in deed.children if c.dep_ in ("dobj", "obj")), None) \
                        if deed.dep_ == "pcomp" and verb_phrase(deed) in family_words(state.rules, "perpetrate") else None
                    event = event_named(target, state) if target is not None else None
                    if event is None or not event.kind.agentive:
                        continue
                    for (value, value_type, entity_type), where in authors_of(accused, state):
                        yield perpetrator_raw(event, value, value_type, where, "perpetration.accused", verb, entity_type,
                                   speaker=speaker)
        return
    # 'attributed the bombing to X', 'blamed the bombing on X' (and their passives)
    prep = "to" if low == "attribute" else "on"
    for obj in objects:
        event = event_named(obj, state) if obj.pos_ in ("NOUN", "PROPN") else None
        if event is None or not event.kind.agentive:
            continue
        # (the parser may hang the preposition on the event: 'blamed [the bombing on X]')
        for author in (g for p in (*verb.children, *obj.children) if p.dep_ == "prep" and p.lower_ == prep
                       for g in pobjs(p)):
            for (value, value_type, entity_type), where in authors_of(author, state):
                yield perpetrator_raw(event, value, value_type, where, "perpetration.attributed", verb, entity_type,
                           speaker=speaker)


def _killed(target: Token | None, state: "Discourse") -> Ent | None:
    """The one named person whose killing a noun is ('the killing of X', "X's murder", a
    bare 'the assassination' of the document's main person who died): a named person's
    killing without an event noun of its own is told on the person (DESIGN section 2),
    so who did it is that person's `perpetrator`."""
    from factx.stages.attributes.arrests import _main_victim
    from factx.stages.attributes.deaths import death_triggers, people_of

    if target is None or target.pos_ != "NOUN":
        return None
    for death, _, victims, _ in death_triggers(target.sent, state):
        if death.i != target.i:
            continue
        people = people_of(victims, state)
        if not victims and any(c.dep_ == "det" and c.lower_ == "the" for c in death.children):
            people = _main_victim(death, state)
        return people[0] if len(people) == 1 else None
    return None


def _on_person(person: Ent, value: str, value_type: str, where: Token, rule: str, trigger: Token,
               entity_type: str | None = None, speaker: Token | None = None) -> Raw:
    return Raw(person, "perpetrator", value, value_type, where.text, where.idx, where.idx + len(where.text),
               rule, trigger, entity_type, claim=person.start, speaker=speaker)


def _to_target(target: Token | None, state: "Discourse", authors, rule: str, trigger: Token,
               speaker: Token | None = None) -> Iterator[Raw]:
    """Perpetrator facts of the event a noun names, else of the named person whose killing
    it is; `authors` are (value, value_type, entity_type) with their tokens."""
    event = event_named(target, state) if target is not None else None
    if event is not None:
        for (value, value_type, entity_type), where in authors:
            yield perpetrator_raw(event, value, value_type, where, rule, trigger, entity_type, speaker=speaker)
        return
    person = _killed(target, state)
    if person is None:
        return
    for (value, value_type, entity_type), where in authors:
        if entity_type is not None and value != person.name:  # a name, never the word 'gunmen'
            yield _on_person(person, value, value_type, where, rule, trigger, entity_type, speaker)
