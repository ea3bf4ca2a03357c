"""Counts of people an event struck: killed_count, wounded_count, arrested_count,
missing_count, children_killed, rescued_count, hostage_count and on_board_count (how many
nationalities they were of: `origin_counts`; the number a toll is put at: `tallies`).

Families `count` (verbs and who they count: 'killed 40', '14 were arrested'),
`count_noun` ('40 dead', 'the death toll rose to 40', '90 missing') and `count_children`
(counted nouns that make a killed count a count of children). A count belongs to the
event it is about (see `event_mentions.event_at`): the blast whose frame it is in, the
event of its sentence, or the one the document named just before; a count whose
sentence names no event is an event of the rules' fallback kind at its place ('arrests
in X'). A count of one side ('22 members of X', 'six X fighters') is that organisation's,
and one of a nationality ('six Pakistani women') is no toll at all: neither may stand
against the event's toll as a disagreement.
"""

from __future__ import annotations

import re

from typing import TYPE_CHECKING, Iterator

from spacy.tokens import Span, Token

from factx import attribution as attr
from factx.events import event_name, name_year
from factx.stages.attributes.arrests import killing_of
from factx.stages.attributes.base import Ent, Raw
from factx.stages.attributes.event_mentions import _other_year, brought, denied_apart, event_at, lead_event
from factx.stages.attributes.frames import Frame, event_date, event_places, frame_of
from factx.stages.attributes.places import place_names
from factx.stages.attributes.participants import ANYONE, companions, quantity_of, victims
from factx.stages.attributes.referents import entity_of, org_at
from factx.stages.attributes.registry import Family, extractor, register
from factx.stages.attributes.syntax import conjuncts, lemma, pobjs, span_of, text_of
from factx.stages.attributes.tallies import participle_tally, tally_value, toll_reached, words_of_family

if TYPE_CHECKING:
    from factx.stages.attributes.compiled import Compiled
    from factx.stages.attributes.discourse import Discourse

register(
    Family("count", keys=("words", "attribute", "subject", "requires"), required=("words", "attribute"),
           doc="verbs that count victims: 'killed 40' (subject: object), '40 died' (subject: subject)"),
    Family("count_noun", keys=("words", "attribute"), required=("words", "attribute"),
           doc="nouns that count victims: '40 dead', 'the death toll rose to 40'"),
    Family("count_children", keys=("words", "attribute"),
           doc="counted nouns that turn a killed count into children_killed"),
    Family("tally_noun", doc="nouns that count what their 'of' counts: 'the number of dead'"),
    Family("tally_verb", doc="verbs whose subject gives the toll: 'officials put the toll at 44'"),
    Family("toll_verb", doc="verbs whose subject is a toll and whose object is the number it came to: "
                            "'the toll reached 40'"),
    Family("toll_verb_above", doc="toll verbs that say the toll went past the number: 'topped 1,200' (>1200)"),
    Family("abductor_noun", doc="subjects that make a seizure a kidnapping: 'gunmen seized three workers'"),
    Family("perpetrator_included", doc="attackers a toll counts among its dead: 'four killed, including the gunman'"),
    Family("other_place", doc="words that put a count somewhere other than the event: 'also killed 20 elsewhere'"),
    Family("toll_period", doc="nouns of a period whose toll is that of many events: 'the toll for the year'"),
    Family("toll_increment", doc="participles that give the new toll after a count of what was added: "
                                 "'found 12 more bodies, bringing the toll to 37'"),
    Family("uncounted_noun", doc="counted nouns that are no people an event struck: 'scores of cattle were killed'"),
)


def _verb_counts(token: Token, state: "Discourse") -> Iterator[tuple[str, str, tuple]]:
    rules = state.rules
    low = lemma(token)
    for rule_id, attribute, role in rules.count_verbs[low]:
        if attribute == "on_board_count" and token.dep_ in ("xcomp", "acomp", "advcl"):
            continue  # what it may carry ('licensed to carry 150 passengers'), not what it carried
        required = rules.count_requires.get((rule_id, low))
        if required and not any(c.lower_ in required or any(g.lower_ in required for g in c.children)
                                for c in token.children):
            continue  # 'taken into custody', 'rounded up'
        if low == "leave" and role == "object":
            # 'left dozens of villagers dead', 'left 40 people dead and 260 injured', 'left
            # 300 residents homeless': the state the rule requires (dead without one)
            states = required or {"dead"}
            verb_state = [c.lower_ for c in token.children if c.dep_ in ("oprd", "acomp", "xcomp", "advmod", "ccomp")]
            found = []
            for victim in victims(token, role):
                own = [c.lower_ for c in victim.children if c.dep_ in ("amod", "acl")]
                if states & set(own or verb_state):
                    found.append(victim)
            for victim in found:
                quantity = quantity_of(victim, state)
                if quantity is not None:
                    yield rule_id, attribute, quantity
            continue
        if low == "claim":  # 'claimed the lives of 40 people'
            lives = [c for c in token.children if c.dep_ == "dobj" and c.lower_ == "lives"]
            found = [g for c in lives for p in c.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
            quantities = [q for v in found if (q := quantity_of(v, state)) is not None]
            if not quantities:  # 'claimed at least 40 lives'
                quantities = [q for v in lives if (q := quantity_of(v, state)) is not None]
        else:
            found = victims(token, role)
            struck = found
            listed = _listed_people(found, state)
            if listed is not None:  # 'her husband and two children were injured': 3
                if listed:
                    yield rule_id, attribute, listed
                continue
            quantities = [q for v in found if (q := quantity_of(v, state)) is not None]
            exact = [q for q in quantities if isinstance(q[0], int)]
            if len(quantities) > 1 and len(exact) == len(quantities) and len({q[2].lower_ for q in exact}) == len(exact) \
                    and all(v.dep_ == "conj" or v.dep_ == found[0].dep_ and v.head.i == found[0].head.i
                            for v in found[1:]):
                # '96 passengers and five crew died': one toll of 101
                words = sorted({t for q in exact for t in q[1]}, key=lambda t: t.i)
                yield rule_id, attribute, (sum(q[0] for q in exact), words, exact[0][2])
                quantities = []
            if not any(v.pos_ == "PROPN" or (e := entity_of(v, state)) is not None and e.label == "PERSON"
                       for v in found):  # 'X was killed along with three guards' counts no one:
                # 'killed 40, including 12 children': the children's own count; a part of
                # any other kind ('wounded 30, including five officers') is no toll at all
                found = [v for v in companions(token) if attribute == "killed_count" and _children(v, rules)]
                quantities += [q for v in found if (q := quantity_of(v, state)) is not None]
        if attribute == "trapped_count" and _still(token):
            continue  # 'two miners remain trapped': how many still are, not how many the event trapped
        if attribute == "arrested_count" and _by_abductors(token, state):
            attribute, rule_id = "kidnapped_count", "count.abductors"  # 'gunmen seized three workers'
        for quantity in quantities:
            yield rule_id, attribute, quantity


def _still(token: Token) -> bool:
    """A state told as it is now: 'are still trapped', 'remain trapped', 'have now been
    trapped for 40 hours'."""
    return any(c.dep_ == "advmod" and c.lower_ in ("still", "now", "yet") for c in token.children) \
        or token.dep_ in ("acomp", "oprd", "xcomp") and lemma(token.head) in ("remain", "stay")


def _listed_people(found: list[Token], state: "Discourse") -> tuple | None:
    """A count given by listing people, some of them one by one: 'her husband and two
    children were injured' (3), 'his driver and a bodyguard were wounded' (2), 'X and
    three guards were killed' (4). A person named or a singular noun with its determiner
    counts one. None when the victims are no such list (one phrase, or only numbers: the
    caller's rules); () when the list has a part nobody counted ('two officers and
    several civilians'): no toll at all."""
    people = [v for v in found if v.dep_ == "conj" or v is found[0]]
    if len(people) < 2 or len(people) != len(found) or not all(v.dep_ == "conj" for v in people[1:]):
        return None
    total, singles = 0, []
    for person in people:
        quantity = quantity_of(person, state)
        if quantity is not None:
            if not isinstance(quantity[0], int):
                return ()
            total += quantity[0]
            continue
        if person is not people[0] and person.pos_ == "NOUN" and not any(
                c.dep_ in ("det", "poss", "nummod", "amod") for c in person.children):
            continue  # '212 passengers and crew': the number counts both
        entity = entity_of(person, state)
        single = entity is not None and entity.label == "PERSON" or person.pos_ == "NOUN" and person.tag_ == "NN" \
            and any(c.dep_ in ("det", "poss") for c in person.children)
        if not single:
            return ()
        total += 1
        singles.append(person)
    if not singles:
        return None  # only numbers: '96 passengers and five crew'
    # the words are the whole list; what it counts, one of its people ('her husband', not 'children')
    return total, list(person.doc[people[0].left_edge.i:people[-1].right_edge.i + 1]), singles[0]


def _by_abductors(verb: Token, state: "Discourse") -> bool:
    """An arrest verb whose doer is of family `abductor_noun` ('gunmen seized three aid
    workers', 'three workers were seized by militants'), or told of a kidnapping ('4
    seized in Varnok kidnapping'): a kidnapping."""
    words = words_of_family(state, "abductor_noun")
    rules = state.rules
    if any((kind := rules.event_kind(g)) is not None and kind.kind in ("kidnapping", "hostage-taking")
           for p in verb.children if p.dep_ == "prep" and p.lower_ in ("in", "during") for g in pobjs(p)):
        return True  # '3 seized in Varnok kidnapping'
    doers = [attr.agent_of(verb) if attr.is_passive(verb) else attr.subject_of(verb)]
    if verb.dep_ == "conj":  # 'stormed a guesthouse and seized three workers'
        doers.append(attr.subject_of(verb.head))
    # ('armed men', 'masked gunmen')
    return any(doer is not None and (doer.lower_ in words or lemma(doer) in words or any(
        c.dep_ == "amod" and c.lower_ in ("armed", "masked") for c in doer.children)) for doer in doers)


def _children(counted: Token, rules: "Compiled") -> bool:
    return lemma(counted) in rules.children or counted.lower_ in rules.children


def _noun_count(token: Token, state: "Discourse") -> tuple | None:
    low = lemma(token)
    if token.dep_ == "pobj" and token.head.lower_ == "among":
        return None  # 'eight Chinese are among the dead': a part, not the toll
    quantity = quantity_of(token, state) if token.pos_ != "VERB" else None
    if quantity is None and low in OF_COUNTED:  # 'the bodies of 15 migrants', 'the arrest of 25 people'
        quantity = next((q for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                         for g in p.children if g.dep_ == "pobj" and (q := quantity_of(g, state)) is not None), None)
    if quantity is None and token.pos_ in ("ADJ", "VERB"):
        # '40 people missing', '17 people are still missing', '2,300 injured': the count is
        # on the noun it describes or on its subject
        holders = [token.head] if token.dep_ in ("amod", "acl") else []
        holders += [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if token.dep_ in ("acomp", "attr", "oprd") and token.head.pos_ in ("AUX", "VERB"):  # 'are feared dead'
            holders += [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if token.dep_ == "xcomp" and token.head.pos_ == "VERB":  # 'were feared to be missing'
            holders += [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if token.i > 0 and token.nbor(-1).like_num and token.nbor(-1).ent_type_ not in ("DATE", "TIME", "MONEY"):
            holders.insert(0, token.nbor(-1))  # '300 dead and over 1,100 missing': its own number first
        for holder in holders:
            quantity = quantity_of(holder, state)
            if quantity is not None:
                break
    if quantity is None and token.dep_ == "pobj" and token.head.lower_ in ("in", "on") \
            and not any(c.dep_ in ("det", "poss") for c in token.children) \
            and lemma(token.head.head) in ("be", "remain"):  # '12 people are in custody', '310 were on board'
        quantity = next((q for c in token.head.head.children
                         if c.dep_ == "nsubj" and (q := quantity_of(c, state)) is not None), None)
    if quantity is None and token.dep_ == "pobj" and token.head.lower_ == "in":
        # 'bringing the number held to five': the tally of those in custody
        holder = token.head.head
        tallies = [c for c in (*holder.children, holder.head) if lemma(c) in words_of_family(state, "tally_noun")
                   and (c is holder.head or c.dep_ in ("dobj", "nsubj", "nsubjpass"))]
        if tallies:
            quantity = tally_value(tallies[0], token, state)
    tally = token
    if token.dep_ == "pobj" and token.head.lower_ == "of":
        if quantity is None and _part_of(token):
            return None  # 'four of the injured were moved': a part of the count, not the count
        if quantity is None:
            quantity = quantity_of(token.head.head, state)  # 'dozens of deaths'
        if lemma(token.head.head) in words_of_family(state, "tally_noun"):
            tally = token.head.head  # 'the number of dead has risen to 112'
    if quantity is None and (low == "toll" or tally is not token):
        quantity = tally_value(tally, token, state)
    if quantity is None and token.dep_ == "nsubj" and token.pos_ in ("NOUN", "ADJ") and token.head.pos_ == "VERB" \
            and any(c.dep_ == "det" for c in token.children):
        quantity = toll_reached(token.head, token, state)  # 'the injured numbered 45'
    if quantity is None and token.tag_ in ("NNS", "NNPS"):
        # 'there were no casualties', 'no deaths were reported': a count of zero
        none = next((c for c in token.children if c.dep_ == "det" and c.lower_ == "no"), None)
        if none is not None:
            quantity = (0, [none], token)
    if quantity is not None and (low != "death" or quantity[2].i == token.i):
        return quantity
    return None


def _part_of(token: Token) -> bool:
    """'four of the injured', 'two of those dead', 'three of its dead': a number before 'of'
    and a determined group of people after it counts a part of that group."""
    holder = token.head.head
    return (holder.like_num or holder.pos_ == "NUM") and any(
        c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "no") for c in token.children)


#: count nouns whose 'of' holds the number: 'the bodies of 15 migrants', 'the arrest of 25 people'
OF_COUNTED = frozenset({"body", "arrest", "detention", "evacuation"})


@extractor(order=20)
def count_facts(sent: Span, state: "Discourse") -> Iterator[Raw]:
    """The counts of a sentence, on the event they are about."""
    rules = state.rules
    table = state.tokens
    if not table.has_any(sent, rules.count_verbs, rules.count_nouns):
        return
    for token in table.of(sent):
        low = table.lemma(token)
        found: list[tuple[str, str, tuple]] = []
        if token.pos_ == "VERB" and low in rules.count_verbs:
            found.extend(_verb_counts(token, state))
            if not found:
                found.extend(participle_tally(token, state))
        if not found and token.pos_ in ("NOUN", "ADJ", "PROPN", "VERB") and (
                token.lower_ in rules.count_nouns or token.pos_ != "VERB" and low in rules.count_nouns):
            rule_id, attribute = rules.count_nouns.get(low) or rules.count_nouns[token.lower_]
            quantity = _noun_count(token, state)
            if quantity is not None and quantity[2].dep_ in ("nsubj", "nsubjpass") \
                    and (listed := _listed_people(conjuncts(quantity[2]), state)) is not None:
                quantity = listed or None  # '... and several civilians were wounded': no toll
            if quantity is not None:
                found.append((rule_id, attribute, quantity))
        if not found:
            continue
        frame = frame_of(token, state)
        for rule_id, attribute, (value, words, counted) in found:
            if _elsewhere(token, counted, state):
                continue  # 'also killed 20 people elsewhere': not the toll of the event at its place
            if _increment(token, state):
                continue  # '12 more bodies were found, bringing the toll to 37': 12 is no toll
            if _of_a_period(token, state):
                continue  # 'taking the toll for the year to 120': the toll of many events
            if lemma(counted) in words_of_family(state, "uncounted_noun") \
                    or counted.lower_ in words_of_family(state, "uncounted_noun"):
                continue  # 'scores of cattle were killed': no people
            if attribute == "killed_count" and _children(counted, rules):
                attribute, rule_id = "children_killed", rules.children_rule
            subject = count_subject(frame, attribute, counted, state)
            if subject is None or rule_id.endswith(".one") and event_at(frame, state) is None:
                continue
            if attribute == "killed_count":
                if counted.head.lower_ == "including" and (
                        counted.lower_ in words_of_family(state, "perpetrator_included")
                        or lemma(counted) in words_of_family(state, "perpetrator_included")):
                    continue  # 'killed five, including two attackers': 2 is no toll
                value = _with_perpetrators(token, value, state)
            start, end = span_of(words)
            giver, own = _giver(token, state)
            if not own and _beside_a_denial(frame, state):
                own = True  # 'toll climbs to 26, governor denies shelter collapse': the toll is not denied
            if counted.lower_ in ANYONE:  # 'did not kill anyone', 'denied that anyone was killed': none
                denial = attr.denial_above(token, state.rules.lexicon)
                if denial is None and not attr.negated(token):
                    continue  # 'if anyone was hurt'
                own = True
                giver = attr.subject_of(denial) if denial is not None else giver
            yield Raw(subject, attribute, value, "quantity", text_of(words), start, end, rule_id, token,
                      claim=token.idx, speaker=giver, polarity="affirmed" if own else None)


def _beside_a_denial(frame: Frame, state: "Discourse") -> bool:
    """A count outside the denial its sentence makes of another event (see
    `event_mentions.denied_apart`)."""
    sent = frame.trigger.sent
    return not attr.negated(frame.trigger) and any(
        sent.start <= e.token.i < sent.end and e.token.i not in frame.root_ids and denied_apart(e, frame, state)
        for e in state.events)


def _with_perpetrators(token: Token, value: object, state: "Discourse") -> object:
    """A toll that counts its attackers ('four people were killed, including the
    gunman') is a range from the victims alone to all the dead ('3-4'), so that it
    agrees with a count of the victims ('two hostages were killed')."""
    if not isinstance(value, int):
        return value
    words = words_of_family(state, "perpetrator_included")
    for other in token.sent:
        if other.lower_ != "including" or not any(a.i == token.i for a in other.ancestors):
            continue
        for obj in (c for c in other.children if c.dep_ == "pobj"):
            if obj.lower_ not in words and lemma(obj) not in words:
                continue
            number = quantity_of(obj, state)
            plural = obj.tag_ == "NNS"
            count = number[0] if number is not None and isinstance(number[0], int) else None if plural else 1
            if count is not None and 0 < count < value:
                return f"{value - count}-{value}"
    return value


def _elsewhere(token: Token, counted: Token, state: "Discourse") -> bool:
    """A count told of somewhere else than the event ('also killed 20 people elsewhere in
    the country'): a word of family `other_place` on the count's clause."""
    words = words_of_family(state, "other_place")
    clause = token if token.pos_ in ("VERB", "AUX") else token.head
    return any(c.lower_ in words for node in (token, clause, counted) for c in node.children)


def _increment(token: Token, state: "Discourse") -> bool:
    """A count whose clause goes on to give the new toll ('pulled 12 bodies from the
    rubble, raising the death toll to 37'; 'bringing the number of dead to 37'): it
    counts what was added, not the toll."""
    raising = words_of_family(state, "toll_increment")
    tallies = words_of_family(state, "tally_noun")
    clause = token if token.pos_ in ("VERB", "AUX") else token.head
    for child in clause.children:
        if child.dep_ in ("advcl", "xcomp", "conj") and child.tag_ == "VBG" and lemma(child) in raising \
                and child.i != token.i and token not in child.subtree \
                and any(c.dep_ in ("dobj", "obj") and lemma(c) in tallies and not _of_a_period(c, state)
                        for c in child.children):
            return True
    return False


def _of_a_period(toll: Token, state: "Discourse") -> bool:
    """A toll of a period rather than of one event: 'the toll for the year', 'this
    year's toll'."""
    periods = words_of_family(state, "toll_period")
    holders = [toll, toll.head] if toll.dep_ in ("dobj", "obj", "nsubj") else [toll]  # 'taking the toll for the year'
    return any(c.dep_ == "prep" and c.lower_ == "for" and any(lemma(g) in periods for g in c.children)
               or c.dep_ == "poss" and lemma(c) in periods for h in holders for c in h.children)


def _giver(token: Token, state: "Discourse") -> tuple[Token | None, bool]:
    """Who gives a toll by putting it somewhere: 'officials put the toll at 44' (officials);
    and whether it is their own figure against what they deny: a participle without a
    subject is said by the speaker of its sentence ('the government denied reports that
    300 died, putting the toll at 45': the government's 45, affirmed)."""
    tally = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else token
    if tally.dep_ in ("dobj", "obj") and lemma(tally.head) in words_of_family(state, "tally_verb") \
            and tally.head.pos_ == "VERB":
        verb = tally.head
        own = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if own is not None or verb.tag_ != "VBG":
            return own, False
        lex = state.rules.lexicon
        for node in list(attr.ancestors(verb))[1:]:
            if node.pos_ == "VERB" and (lemma(node) in lex.say or lemma(node) in lex.deny):
                return attr.subject_of(node), lemma(node) in lex.deny
        return None, False
    return None, False


def count_subject(frame: Frame, attribute: str, counted: Token, state: "Discourse") -> Ent | None:
    """The entity a count is about (see the module docstring)."""
    group = _group_of(counted, state)
    if group is not None:
        return group
    if attribute == "arrested_count" and not any(e.token.i in frame.root_ids for e in state.events):
        victim = killing_of(frame.trigger, state)
        if victim is not None:  # 'arrested over the killing of X': X's death is the event
            return victim  # (whatever their nationality: 'six Pakistani nationals arrested over ...')
    if any(c.dep_ in ("amod", "compound") and c.lower_ in state.rules.demonyms and c.text[:1].isupper()
           for c in counted.children):
        return None  # 'four Estonian women captured': a part of the toll, by nationality
    # arrests are an event of their own: 'detained 37 people in X in connection with the
    # attack' counts no one of the attack
    event = event_at(frame, state, own_only=attribute == "arrested_count")
    if event is None and attribute == "arrested_count":
        event = _referred_event(frame, state)
    trigger = frame.trigger
    if event is not None and _set_in_another_year(frame, event, state):
        return None  # 'In 2009 a similar fire killed 40 workers': not this event's toll

    if event is not None:
        event = brought(event, state) or event
        ent = event.entity
        return Ent(ent.name, "EVENT", event.token.text, event.token.idx, event.token.idx + len(event.token.text))
    if attribute != "arrested_count" and any(e.token.i in frame.root_ids for e in state.events):
        return None  # the count of an event of its own the document does not place ('the 1998 bombings that killed')
    kind = state.rules.fallback_kinds.get(attribute)
    places = event_places(frame, state) or event_places(frame_of(trigger, state, [counted]), state)
    if not places:
        for token in trigger.sent:  # a place elsewhere in the sentence ('authorities in X detained 23')
            if token.dep_ == "pobj" and token.head.lower_ in ("in", "near", "at"):
                places = place_names(token, state)
                if places:
                    break
    if kind is not None and places:
        place, _ = places[0]
        return Ent(event_name(kind.kind, place.name), "EVENT", trigger.text, trigger.idx,
                   trigger.idx + len(trigger.text))
    if attribute == "arrested_count" and not places and not _group_of(counted, state):
        # arrests told nowhere ('Police say three men are being held', 'detained 9 people
        # in connection with the fire'): the event they are told with, the one named just
        # before, or the one the document is about (`event_at`)
        event = event_at(frame, state)
        if event is not None:
            ent = event.entity
            return Ent(ent.name, "EVENT", event.token.text, event.token.idx, event.token.idx + len(event.token.text))
    return None


def _referred_event(frame: Frame, state: "Discourse"):
    """Arrests told after the event they follow by a bare reference back to it ('five
    people were detained after the attack'): where that reference has no event of its
    own ('the attack'), the event the document's lead is about (`lead_event`: none
    where the lead is about two)."""
    own = [e for e in state.events if e.token.i in frame.root_ids]
    if not own or any(e.entity is not None for e in own):
        return None
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for e in own for c in e.token.children):
        return None  # 'arrested after an attack': which one is unsure
    named = [e for e in state.events if e.entity is not None]
    return lead_event(state, named) if named else None


def _set_in_another_year(frame: Frame, event, state: "Discourse") -> bool:
    """A count whose clause is dated in another year than the document's ('In 2022 storms
    killed 200') is never the toll of an event it does not name itself, unless that event
    is set in that year too."""
    if event.token.i in frame.root_ids or event.entity is None:
        return False
    date = event_date(frame, state)
    if date is None or not re.fullmatch(r"\d{4}(?:-\d{2})?", date[0].value):
        return False  # only a bare year or month: a full date near New Year may be the event's own
    year = _other_year(date, state)
    own = event.date[0].value[:4] if event.date is not None else None
    return year is not None and name_year(event.entity.name) != year and own != str(year)


def _group_of(counted: Token, state: "Discourse") -> Ent | None:
    """The organisation whose members a count counts ('22 members of X', 'six X fighters'):
    a count of one side is that side's, never the event's toll."""
    for child in counted.children:
        if child.dep_ in ("compound", "nmod") or (child.dep_ == "prep" and child.lower_ == "of"):
            targets = [child] if child.dep_ != "prep" else [g for g in child.children if g.dep_ == "pobj"]
            for target in targets:
                org = org_at(target, state)
                if org is not None:
                    return org
    return None


