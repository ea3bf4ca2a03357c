"""What happened at the event, as one source tells it and another denies it.

A clause that says something happened at the document's event ('the gate was locked',
'police used pepper spray', 'the leak came from a storage tank') is a `proposition`
of that event: its value is a short key, the lemma of the predicate and the head of
what it acted on ('lock gate', 'use spray', 'come leak from tank'). Scoping (`scope`)
decides its polarity like any claim's: 'denied that the gate was locked', 'the gate
was never locked'; a patient with 'no' denies it here ('no traces of explosives were
found', 'no building collapsed'). Conflicts set a denied key against the same key
affirmed by another source, and nothing else: two keys are one proposition only when
they are equal (`same_verb` in the rules folds a few verbs that say the same thing:
'fired spray' / 'used spray').

Precision first, so only what a disagreement is made of is read:
- a clause with a source ('X said', 'according to', a quotation) or a denial; the
  writer's own narration is not a claim anyone disputes;
- a predicate with a noun it acted on (its object, its passive subject, or the subject
  of an intransitive verb); pronouns and names are left to the families of people;
- never what other families read (deaths, arrests), what a source says or thinks
  (`proposition_stop`), nor a clause that is modal, an infinitive, an open question
  or a description inside a noun phrase.
- A negated or denied clause with a prepositional adjunct denies the clause with that
  adjunct ('the gates did not open on time' is no denial that they opened): its key
  keeps the adjunct; an affirmed clause gives its key with and without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from spacy.tokens import Span, Token

from factx import attribution as attr
from factx.rules import PROPOSITION
from factx.stages.attributes.authors import family_words
from factx.stages.attributes.base import LOC_PREPS, Ent, Raw
from factx.stages.attributes.event_mentions import EventMention, lead_end, lead_event
from factx.stages.attributes.registry import Family, extractor, register
from factx.stages.attributes.sources import quote_speaker, source_token
from factx.stages.attributes.syntax import lemma

if TYPE_CHECKING:
    from factx.stages.attributes.compiled import Compiled
    from factx.stages.attributes.discourse import Discourse


register(
    Family("proposition_stop", doc="verbs whose clause is no proposition about an event: 'confirm', 'know'"),
    Family("proposition_same", doc="verbs that say the same of their object, folded to the first: "
                                   "'use', 'fire' (spray)"),
)

MODALS = frozenset({"can", "could", "will", "would", "may", "might", "shall", "should", "must", "ca", "wo"})
#: verb dependencies that describe a noun rather than tell what happened
DESCRIBING = frozenset({"acl", "relcl", "amod", "compound", "nmod", "appos"})
PATIENT_POS = frozenset({"NOUN"})
#: adjuncts that say where, whence, how or with what ('from a tank', 'on time', 'with
#: batons'); not why, when or what else ('because of', 'after', 'including')
ADJUNCT_PREPS = LOC_PREPS | {"from", "with"}
#: a patient may be a noun the tagger calls proper ('the North Gate') when no entity is named
PATIENT_HEAD_POS = frozenset({"NOUN", "PROPN"})


def proposition_key(verb: Token, rules: "Compiled") -> tuple[str, Token] | None:
    """The key of a clause ('lock gate') and the noun it acted on, or None.

    The verb's lemma (with its particle, folded by `proposition_same`) and the head of
    its object, passive subject, or (an intransitive verb) its subject."""
    if verb.pos_ != "VERB" or not _proposition_verb(verb, rules):
        return None
    deps = {c.dep_: c for c in reversed(list(verb.children))}
    if verb.dep_ == "acomp" and lemma(verb.head) == "be":  # 'the ferry was (not) overloaded'
        deps.setdefault("nsubjpass", next((c for c in verb.head.children if c.dep_ == "nsubj"), None))
    patient = deps.get("dobj") or deps.get("obj") or deps.get("nsubjpass")
    if patient is None and "ccomp" not in deps and "xcomp" not in deps:
        patient = deps.get("nsubj")
    if patient is None or patient.pos_ not in PATIENT_HEAD_POS or patient.ent_type_:
        return None
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    word = f"{lemma(verb)} {particle}" if particle else lemma(verb)
    word = _same_verb(rules).get(word, word)
    of = next((g for c in patient.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children if g.dep_ == "pobj" and g.pos_ in PATIENT_POS), None)
    noun = lemma(patient) + (f" of {lemma(of)}" if of is not None else "")
    return f"{word} {noun}", patient


def adjuncts(verb: Token) -> tuple[list[str], bool]:
    """The verb's prepositional adjuncts as 'prep noun' ('from tank', 'on time'), and
    whether it has one this cannot key ('above capacity', 'at 19:00'): what a denial of
    such a clause denies is unclear."""
    found, other = [], False
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        noun = next((g for g in prep.children if g.dep_ == "pobj" and g.pos_ in PATIENT_POS), None)
        if prep.lower_ not in ADJUNCT_PREPS or noun is None:
            other = True
        else:
            found.append(f"{prep.lower_} {lemma(noun)}")
    return found, other


def _proposition_verb(verb: Token, rules: "Compiled") -> bool:
    word = lemma(verb)
    lex = rules.lexicon
    if word in lex.say or word in lex.deny or word in lex.hedge_verbs or word in lex.retract or word in lex.correct:
        return False
    if word in family_words(rules, "custody") or word in family_words(rules, "proposition_stop"):
        return False
    if word in rules.death_verbs and not (rules.death_verbs[word][0].endswith(".found")
                                          and not any(c.lower_ in ("dead", "lifeless") for c in verb.children)):
        return False  # deaths are their own family; 'found traces' is no death, 'found dead' is
    content = verb.dep_ == "acl" and any(c.dep_ == "mark" for c in verb.children) \
        and any(c.dep_ in attr.SUBJECTS for c in verb.children)  # 'reports that guards used spray'
    if not content and (verb.dep_ in DESCRIBING or verb.tag_ == "VBN" and verb.dep_ not in ("ROOT", "ccomp", "conj", "acomp")
                        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)):
        return False  # 'a school used as a shelter': a description, not what happened
    if any(c.dep_ == "aux" and (c.lower_ in MODALS or c.lower_ == "to") for c in verb.children):
        return False  # 'will never pay', 'to help': what may, will or should happen
    if attr.open_question(verb) or any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children):
        return False
    return True


def _same_verb(rules: "Compiled") -> dict[str, str]:
    """Each verb of a `proposition_same` rule mapped to the rule's first verb."""
    found: dict[str, str] = {}
    for rule in rules.by_family.get("proposition_same", ()):
        words = [w.lower() for w in rule.get("words", ())]
        for word in words:
            found.setdefault(word, words[0])
    return found


def _no(noun: Token) -> bool:
    """'no traces', 'no building': a patient its own determiner denies."""
    return any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)


def story_event(state: "Discourse") -> EventMention | None:
    """The one event a document tells: the only one it names, else its lead's, else (a
    lead placing it twice: 'the leak at the X plant in central Y') the lead's first."""
    events = [e for e in state.events if e.entity is not None]
    if not events:
        return None
    if len({e.entity.name for e in events}) == 1:
        return events[0]
    found = lead_event(state, events)
    if found is not None:
        return found
    end = lead_end(state)
    lead = [e for e in events if e.token.i < end]
    kinds = {e.kind.kind for e in lead}
    return lead[0] if lead and len(kinds) == 1 else None


def claimed(verb: Token, state: "Discourse") -> bool:
    """A clause someone says or denies: a source above it, a quotation, a denial, 'as X
    said'; or a clause of time or a conjunct of such a clause ('X said the crush began
    when guards closed the gate')."""
    lex = state.rules.lexicon
    node = verb
    for _ in range(3):
        if attr.denial_above(node, lex) is not None or attr.negated(node) \
                or source_token(node, state) is not None or quote_speaker(node, state) is not None:
            return True
        if any(c.dep_ == "advcl" and lemma(c) in lex.say and any(g.lower_ == "as" for g in c.children)
               for c in node.children):
            return True  # 'the leak came from its tank, as workers have said'
        if node.dep_ not in ("advcl", "conj") or node.head.i == node.i:
            return False
        node = node.head
    return False


@extractor(order=95)
def proposition_facts(sent: Span, state: "Discourse") -> Iterator[Raw]:
    """`proposition` facts of the document's event for the clauses of a sentence."""
    event = None
    for verb in sent:
        found = proposition_key(verb, state.rules)
        if found is None:
            continue
        key, patient = found
        denied_here = _no(patient)
        if not denied_here and not claimed(verb, state):
            continue
        if event is None:
            event = story_event(state)
            if event is None:
                return
        lex = state.rules.lexicon
        negative = denied_here or attr.negated(verb) or attr.denial_above(verb, lex) is not None
        extra, other = adjuncts(verb)
        if other and negative:
            continue  # 'no tickets were sold above capacity' is no denial that tickets were sold
        keys = [f"{key} {a}" for a in extra] if negative and extra else [key] + [f"{key} {a}" for a in extra]
        ent = event.entity
        subject = Ent(ent.name, "EVENT", event.token.text, event.token.idx, event.token.idx + len(event.token.text))
        words = _words(verb, patient)
        for value in keys:
            yield Raw(subject, PROPOSITION, value, "text", words.text, words.start_char, words.end_char,
                      "proposition.clause", verb, polarity="denied" if denied_here else None)


def _words(verb: Token, patient: Token) -> Span:
    """The words of the clause from its patient to its verb (or back); the verb alone when
    they lie far apart. The fact's offsets are this span's, so its text is the quote's."""
    first, last = min(verb.i, patient.i), max(verb.i, patient.i)
    return verb.doc[first:last + 1] if last - first < 12 else verb.doc[verb.i:verb.i + 1]
