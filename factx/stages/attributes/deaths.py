"""Deaths: a claim that a person died or was killed is an event claim about that person.

Families `death` (verbs: 'X was killed', 'commandos killed X', 'X died', 'shot dead'),
`death_noun` ('the death of X', "X's killing"), `death_modifier` ('slain leader X',
'X is dead') and `alive` ('X is alive': the death denied). Each claim gives the person
a `death` fact (value 'killed' or 'died', the rule's manner) and, from the claim's frame,
`date_of_death`, `place_of_death` and `cause_of_death`; all share the claim, so that a
denial of it denies them together. Who killed is the `perpetrator` of the event
entity (the strike, the raid), not a fact about the dead. The date and place of 'the same
raid that killed X' are those of the earlier mention of that raid.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from spacy.tokens import Span, Token

from factx import attribution as attr
from factx.stages.attributes.base import PERSON_PRONOUNS, Ent, Raw
from factx.stages.attributes.causes import cause_of
from factx.stages.attributes.frames import (
    CLOCK, Frame, calendar_day, day_of, event_date, event_places, event_time, frame_of, specificity,
)
from factx.values import COMPATIBLE, SAME, compare_dates
from factx.stages.attributes.participants import companions, quantity_of, victims
from factx.stages.attributes.referents import entity_of
from factx.stages.attributes.registry import Family, extractor, register
from factx.stages.attributes.syntax import conjuncts, lemma, span_of, text_of

if TYPE_CHECKING:
    from factx.stages.attributes.compiled import Compiled
    from factx.stages.attributes.discourse import Discourse

register(
    Family("death", keys=("words", "subject", "value", "requires", "manner"),
           doc="death verbs; subject 'object' (killed X) or 'subject' (X died); `value` a cause they imply"),
    Family("death_noun", keys=("words", "manner"), doc="'the death of X', 'X's killing'"),
    Family("death_modifier", keys=("words", "manner"), doc="'slain leader X', 'the late X', 'X is dead'"),
    Family("alive", doc="predicates that deny a death: 'X is alive'"),
    Family("body_noun", doc="nouns of a dead body: 'no body was found' doubts the death"),
    Family("body_verb", doc="verbs of finding a body: 'did not find his body', 'have yet to recover'"),
)

SAME_EVENT_SENTENCES = 3
REFLEXIVE = ("himself", "herself", "themselves")
#: verbs whose complement 'dead' is said of their subject or object: 'is dead', 'was
#: declared dead', 'is presumed / feared / believed / confirmed / reported dead' (hedged
#: or reported through the verb itself)
COPULAS_OF_DEATH = ("be", "remain", "declare", "pronounce", "presume", "fear", "believe", "confirm", "report")
BODY_FOUND = "death.body_found"  # the rule of the verbs of finding a body
SUICIDE = "death.suicide"  # the rule of 'committed suicide', also read in 'killed himself', 'took his own life'  # how far back 'the same raid' looks for the raid


def _trigger_words(rules: "Compiled") -> frozenset[str]:
    """Every word a branch of `death_triggers` first looks a token's lemma or form up in
    (keep in step with the branches): a sentence without one of them tells no death."""
    return (frozenset(rules.death_verbs) | frozenset(rules.death_nouns) | frozenset(rules.death_modifiers)
            | {"take"} | _family(rules, "body_verb"))


def death_triggers(sent: Span, state: "Discourse") -> Iterator[tuple[Token, str, list[Token], str | None]]:
    """(trigger, rule id, victim tokens, implied cause) of each death claim in a sentence."""
    rules = state.rules
    table = state.tokens
    if not table.has_any(sent, rules.derived("death_triggers", _trigger_words)):
        return
    for token in table.of(sent):
        low = table.lemma(token)
        if token.pos_ == "VERB" and low in rules.death_verbs:
            rule_id, role, cause_value = rules.death_verbs[low]
            if low == "pass" and not any(c.lower_ == "away" for c in token.children):
                continue
            required = rules.death_requires.get(low)
            if required and not any(  # 'shot dead', 'gunned down', 'beaten to death', 'found dead'
                    c.lower_ in required or any(g.lower_ in required for g in c.children)
                    for c in token.children):
                owners = _body_found(token, rules) if low in _family(rules, "body_verb") else []
                if owners:  # 'the body of X was found'
                    yield token, BODY_FOUND, owners, None
                continue
            found = victims(token, role)
            found = [t for v in found for t in (_among(v) or [v])]  # 'X was among those killed'
            if role == "object" and not attr.is_passive(token) and any(v.lower_ in REFLEXIVE for v in found):
                # 'killed himself': the subject died, by suicide
                found, rule_id, cause_value = [c for c in token.children if c.dep_ == "nsubj"], SUICIDE, "suicide"
            if role == "object" and attr.is_passive(token) or role == "subject":
                found += companions(token)
            yield token, rule_id, found, cause_value
        elif token.pos_ == "VERB" and low == "take" and any(
                c.dep_ in ("dobj", "obj") and lemma(c) == "life" and any(g.lower_ == "own" for g in c.children)
                for c in token.children):  # 'took his own life'
            yield token, SUICIDE, [c for c in token.children if c.dep_ == "nsubj"], "suicide"
        elif token.pos_ == "NOUN" and low in rules.death_nouns:
            found = []
            for child in token.children:
                if child.dep_ == "poss" or child.dep_ == "nmod" and any(  # 'X’s death' parsed as nmod
                        g.dep_ == "case" and g.lower_ in ("'s", "’s") for g in child.children):
                    found.append(child)
                if child.dep_ == "prep" and child.lower_ == "of":
                    found.extend(g for c in child.children if c.dep_ == "pobj" for g in conjuncts(c))
            yield token, rules.death_nouns[low], found, None
        elif token.pos_ == "VERB" and low in _family(rules, "body_verb"):
            owners = _body_found(token, rules)
            if owners:  # 'the body of X was found', 'X's body was recovered'
                yield token, BODY_FOUND, owners, None
        elif token.lower_ in rules.death_modifiers:
            if token.dep_ == "pobj" and _among(token):  # 'X was among the dead'
                yield token, rules.death_modifiers[token.lower_], _among(token), None
            elif token.dep_ in ("amod", "acl") and token.head.pos_ in ("NOUN", "PROPN"):
                if token.lower_ == "killed" and token.pos_ == "VERB":
                    continue  # a participle: the verb rule reads it
                yield token, rules.death_modifiers[token.lower_], [token.head], None
            elif token.dep_ in ("acomp", "oprd") and lemma(token.head) in COPULAS_OF_DEATH:
                # 'X is dead', 'X was declared dead'; 'declared X dead': the object
                deps = ("dobj",) if lemma(token.head) not in ("be", "remain") and not attr.is_passive(
                    token.head) else ("nsubj", "nsubjpass")
                subject = [c for c in token.head.children if c.dep_ in deps]
                yield token, rules.death_modifiers[token.lower_], subject, None


def _killers(token: Token, frame: Frame, state: "Discourse") -> list[tuple[str, str, str, Token]]:
    """Who killed a named person whose killing has no event noun of its own ('was killed
    by a joint A and B team', 'shot dead by police officer X', 'X said it killed Y'): the
    agent of the passive death verb or the subject of the active one, each nationality of
    a joint force. A killing in a raid or a strike leaves
    its author to that event (`perpetrator` of the EVENT entity)."""
    from factx.stages.attributes.authors import authors_of

    from factx.stages.attributes.authors import claimant

    rules = state.rules
    if token.pos_ != "VERB" or rules.death_verbs.get(lemma(token), ("", ""))[1] != "object":
        return []
    if any(e.token.i in frame.root_ids or e.token.sent == token.sent and e.entity is not None
           and e.kind.agentive for e in state.events):
        return []
    # 'was killed by X'; 'X killed Y', 'X said it killed Y' (the group that says so)
    agent = attr.agent_of(token) if attr.is_passive(token) else claimant(
        next((c for c in token.children if c.dep_ == "nsubj"), None), token, state)
    if agent is None or agent.lower_ in PERSON_PRONOUNS:
        return []
    return [(value, value_type, entity_type, where) for (value, value_type, entity_type), where
            in authors_of(agent, state) if entity_type is not None]


def _family(rules: "Compiled", family: str) -> frozenset[str]:
    return rules.derived(f"family:{family}", lambda compiled: frozenset(
        w.lower() for r in compiled.by_family.get(family, ()) for w in r["words"]))


def _among(noun: Token) -> list[Token]:
    """Who is 'among' a group of the dead ('X was among those killed', 'among the dead
    were X and Y'): the subject of the copula the group hangs on."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "among" or lemma(noun.head.head) != "be":
        return []
    return [g for c in noun.head.head.children if c.dep_ in ("nsubj", "attr") and c.i != noun.i
            for g in conjuncts(c) if g.pos_ == "PROPN"]  # a name: 'X's courier' is not X


def _body_found(verb: Token, rules) -> list[Token]:
    """The named owner of a body found ('the body of X was found', 'X's body was
    recovered'); nobody when the finding is negated or awaited ('no body was found', 'have
    yet to find his body': the family of `no_body_facts`), or the owner a pronoun."""
    nouns = _family(rules, "body_noun")
    owners: list[Token] = []
    if attr.negated(verb) or verb.dep_ == "xcomp" and any(c.lower_ == "yet" for c in verb.head.children):
        return []
    for body in (c for c in verb.children if c.dep_ in ("nsubjpass", "dobj") and lemma(c) in nouns):
        if any(c.lower_ in ("no", "any") and c.dep_ == "det" for c in body.children):
            return []
        owner = next((c for c in body.children if c.dep_ == "poss"), None) or next(
            (g for c in body.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
             if g.dep_ == "pobj"), None)
        if owner is not None and owner.lower_ not in PERSON_PRONOUNS:
            owners.append(owner)
    return owners


def people_of(tokens: list[Token], state: "Discourse") -> list[Ent]:
    out: list[Ent] = []
    # a dateline the parser ran into the sentence ('City, May 3 (AGENCY): X was killed')
    # takes the subject's place; the person stands beside it
    tokens = [t for v in tokens for t in (
        [c for c in v.children if c.dep_ == "appos"] if state.in_dateline(v.idx) else [v])]
    for victim in tokens:
        if quantity_of(victim, state) is not None and victim.pos_ != "PROPN":
            continue
        ent = entity_of(victim, state)
        if ent is not None and ent.label == "PERSON" and all(ent.name != s.name for s in out):
            out.append(ent)
    return out


@extractor(order=10)
def death_facts(sent: Span, state: "Discourse") -> Iterator[Raw]:
    """death, date_of_death, place_of_death and cause_of_death of the people a sentence
    says died."""
    rules = state.rules
    for token, rule_id, found, implied in death_triggers(sent, state):
        subjects = people_of(found, state)
        if not subjects:
            continue
        extra = [t for t in found if t.pos_ == "PROPN"]  # 'killed X near Idlib': the parser hung the place on X
        frame = frame_of(token, state)
        claim = token.idx
        cause = cause_of(frame, state)
        date = event_date(frame, state)
        time = event_time(frame, state)
        places = event_places(frame, state) or event_places(frame_of(token, state, extra), state)
        if not places and cause is not None:  # 'killed the head of X in a southern Y raid'
            event = next((e for e in state.events if e.token.i == cause[2].i and e.place is not None), None)
            places = [event.place] if event is not None else []
        if rule_id == BODY_FOUND:  # when and where a body was found is not when and where they died
            date = time = cause = None
            places = []
        date_via = place_via = None
        if rule_id != BODY_FOUND and (date is None or not places):
            earlier = same_event(token, state)
            if earlier is not None:
                event, event_frame = earlier
                if date is None:
                    date = event_date(event_frame, state)
                    date_via = event if date is not None else None
                if not places:
                    places = event_places(event_frame, state)
                    place_via = event if places else None
        # the event that killed them, told more precisely elsewhere in the document ('a
        # drone strike over the weekend killed X' ... 'the strike, at 11:20 p.m. Saturday')
        time_via = None
        sharper = _sharper(frame, date, state) if rule_id != BODY_FOUND else None
        if sharper is not None:
            if sharper.date is not None and date_via is None:
                date, date_via = sharper.date, sharper.token
            if time is None and sharper.time is not None and sharper.time[2] is not None:
                time, time_via = sharper.time, sharper.token
        manner = rules.manners.get(lemma(token)) or rules.manners.get(token.lower_, "died")
        killers = _killers(token, frame, state)
        for ent in subjects:
            yield Raw(ent, "death", manner, "text", token.text, token.idx, token.idx + len(token.text),
                      f"{rule_id}.death", token, claim=claim)
            if date is not None:
                timex, _ = date
                yield Raw(ent, "date_of_death", day_of(timex.value), "date", timex.text, timex.start, timex.end,
                          f"{rule_id}.date" + (".same_event" if date_via is not None else ""), token,
                          via=date_via, claim=claim)
            if time is not None:  # 'killed ... at 4:12 a.m. on Sunday'
                timex, _, value = time
                day = calendar_day(date[0].value) if value is None and date is not None else None
                clock = CLOCK.search(timex.value).group(1)
                yield Raw(ent, "time_of_death", value or f"{day or 'XXXX-XX-XX'}T{clock}", "date",
                          timex.text, timex.start, timex.end,
                          f"{rule_id}.time" + (".same_event" if time_via is not None else ""), token,
                          via=time_via, claim=claim)
            if places:
                place, _ = places[0]
                if place.name != ent.name:
                    yield Raw(ent, "place_of_death", place.name, "entity", place.text, place.start,
                              place.end, f"{rule_id}.place" + (".same_event" if place_via is not None else ""),
                              token, place.label, via=place_via, claim=claim)
            for value, value_type, entity_type, where in killers:
                if value != ent.name:  # 'X was killed by a joint A and B team': who killed X
                    yield Raw(ent, "perpetrator", value, value_type, where.text, where.idx,
                              where.idx + len(where.text), f"{rule_id}.perpetrator", token, entity_type, claim=claim)
            if cause is not None:
                value, words, _ = cause
                start, end = span_of(words)
                yield Raw(ent, "cause_of_death", value, "text", text_of(words), start, end,
                          f"{rule_id}.cause", token, claim=claim)
            elif implied:
                yield Raw(ent, "cause_of_death", implied, "text", token.text, token.idx,
                          token.idx + len(token.text), f"{rule_id}.cause", token, claim=claim)


@extractor(order=11)
def alive_facts(sent: Span, state: "Discourse") -> Iterator[Raw]:
    """'X is alive', 'X is still alive and well': the death of X denied (value 'died')."""
    rules = state.rules
    table = state.tokens
    if not table.has_any(sent, rules.alive):
        return
    for token in table.of(sent):
        word = table.lemma(token) if token.pos_ == "VERB" else token.lower_
        if word not in rules.alive or token.dep_ not in ("acomp", "attr", "oprd", "ROOT", "ccomp", "conj"):
            continue
        if token.pos_ == "VERB" and not _survived_the_event(token):
            continue
        verb = token.head if token.dep_ in ("acomp", "attr", "oprd") else token
        # the subject nearest the verb: a parse that hangs two on it ('X, whose granddaughter
        # was pulled out alive, died') has the clause's own subject last
        subject = max((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i),
                      key=lambda c: c.i, default=None) \
            or next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None and verb.dep_ == "conj" and token.pos_ == "VERB":  # 'X was wounded but survived'
            subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            continue
        ent = entity_of(subject, state)
        if ent is None or ent.label != "PERSON":
            continue
        polarity = "affirmed" if attr.negated(token) else "denied"  # 'X is not alive' affirms it
        yield Raw(ent, "death", "died", "text", token.text, token.idx, token.idx + len(token.text),
                  "alive.death", token, claim=token.idx, polarity=polarity)


def _body_words(rules: "Compiled") -> tuple[frozenset[str], frozenset[str]]:
    """The body nouns and the verbs of finding one."""
    return (frozenset(w.lower() for r in rules.by_family.get("body_noun", ()) for w in r["words"]),
            frozenset(w.lower() for r in rules.by_family.get("body_verb", ()) for w in r["words"]))


def _survived_the_event(verb: Token) -> bool:
    """'X survived the strike', 'X survived': the story's event, not an attempt on X's
    life years before ('survived an assassination attempt', 'survived the 2010 attack')
    nor an obituary's 'is survived by'."""
    if attr.is_passive(verb) or any(t.ent_type_ in ("DATE", "TIME") for t in verb.subtree):
        return False
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None:
        return True
    return obj.tag_ in ("NN", "NNP") and lemma(obj) not in ("attempt", "plot") and any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in obj.children)


@extractor(order=12)
def no_body_facts(sent: Span, state: "Discourse") -> Iterator[Raw]:
    """'We found no body at the site', 'have still not found her body', 'no body was
    recovered': the death of the person (his, of X, else the document's main person)
    denied by who says it."""
    nouns, verbs = state.rules.derived("body", _body_words)
    table = state.tokens
    if not table.has_any(sent, nouns):
        return
    for token in table.of(sent):
        if table.lemma(token) not in nouns or token.dep_ not in ("dobj", "nsubjpass") or lemma(token.head) not in verbs:
            continue
        verb = token.head
        none = any(c.lower_ in ("no", "any") and c.dep_ == "det" for c in token.children)
        yet = verb.dep_ == "xcomp" and any(c.lower_ == "yet" for c in verb.head.children)
        if not (attr.negated(verb) and (none or token.dep_ == "dobj") or none and token.dep_ == "nsubjpass" or yet):
            continue
        owner = next((c for c in token.children if c.dep_ == "poss"), None) or next(
            (g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
             if g.dep_ == "pobj"), None)
        ent = entity_of(owner, state) if owner is not None else (
            state.ent_of_mention(state.main_person) if state.main_person is not None else None)
        if ent is None or ent.label != "PERSON":
            continue
        if owner is not None and owner.lower_ in PERSON_PRONOUNS:
            # a body is of someone whose death is told: 'his body' in 'the spokesman said they
            # had yet to find his body' is the dead man's, not the spokesman's
            dead = the_dead(state)
            if ent.name not in dead:
                ent = _dead_before(token, dead, state)
                if ent is None:
                    continue
        yield Raw(Ent(ent.name, "PERSON", ent.text, token.idx, token.idx + len(token.text)), "death", "killed",
                  "text", token.text, token.idx, token.idx + len(token.text), "body.death", verb,
                  claim=token.idx, polarity="denied")


def the_dead(state: "Discourse") -> set[str]:
    """The people the document says died or were killed (whatever is said of it)."""
    dead: set[str] = set()
    for sent in state.doc.sents:
        for _, _, found, _ in death_triggers(sent, state):
            dead.update(e.name for e in people_of(found, state))
    return dead


def _dead_before(token: Token, dead: set[str], state: "Discourse") -> Ent | None:
    """The nearest person named before `token` in its sentence or the one before whose
    death the document tells."""
    start = token.sent.start
    if start > 0:
        start = state.doc[start - 1].sent.start
    lo = state.doc[start].idx
    for mention in reversed(state.persons):
        if lo <= mention.start < token.idx and mention.canonical in dead:
            return state.ent_of_mention(mention, "PERSON")
    return None


def _sharper(frame: Frame, date, state: "Discourse"):
    """The other mention of the event a death's frame names ('killed in a drone strike')
    that dates it more precisely than the frame does (a day against 'over the weekend',
    which it must fall in) or gives its clock time, when the document has exactly one."""
    own = [e for e in state.events if e.token.i in frame.root_ids and e.entity is not None
           and e.entity.name != e.kind.kind]
    if len(own) != 1:
        return None
    event = own[0]
    here = specificity(date[0].value, date[0].text) if date is not None else 0
    better = []
    for other in state.events:
        if other is event or other.entity is None or other.entity.name != event.entity.name:
            continue
        if other.date is not None and calendar_day(other.date[0].value) and "X" not in other.date[0].value[:4] \
                and specificity(other.date[0].value, other.date[0].text) > here \
                and (date is None or compare_dates(date[0].value, day_of(other.date[0].value)) in (SAME, COMPATIBLE)):
            better.append(other)
        elif other.time is not None and other.time[2] is not None and date is None:
            better.append(other)
    days = {day_of(e.date[0].value) for e in better if e.date is not None}
    return better[0] if better and len(days) <= 1 else None


def same_event(trigger: Token, state: "Discourse") -> tuple[Token, Frame] | None:
    """The earlier mention of the event a death verb is said to be the same as, with its frame.

    Rule (event coreference): '<event NP> appear(s) / is / are (to be) the same (<event
    noun>) that killed Y' refers back to the nearest event noun with the same lemma
    ('raid', 'strike', 'attack': the cause nouns) in the previous few sentences; that
    mention's date and place are the date and place of Y's death.
    """
    if trigger.dep_ != "relcl":
        return None
    head = trigger.head
    if not (lemma(head) == "same" or any(lemma(c) == "same" and c.dep_ in ("amod", "advmod")
                                         for c in head.children)):
        return None
    nouns = {lemma(head)} if head.pos_ == "NOUN" else set()
    if head.dep_ in ("attr", "acomp", "oprd") and lemma(head.head) == "be":
        verb = head.head  # 'X is / appears to be / is believed to be the same': X
        subject = None
        for _ in range(3):
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None or verb.dep_ != "xcomp":
                break
            verb = verb.head
        if subject is not None:
            nouns.add(lemma(subject))
    nouns &= state.rules.cause_nouns
    if not nouns:
        return None
    sent = trigger.sent
    sents = []
    while sent.start > 0 and len(sents) < SAME_EVENT_SENTENCES:
        sent = state.doc[sent.start - 1].sent
        sents.append(sent)
    for earlier in sents:
        for token in reversed(earlier):
            if token.pos_ != "NOUN" or not any(lemma(token).endswith(n) for n in nouns):
                continue  # 'the strike' after 'an airstrike'
            return token, frame_of(token, state)
    return None
