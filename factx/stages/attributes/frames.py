"""Event frames: an event's predicate or noun, and the arguments the parse attaches to it.

A frame starts at a trigger (a death or count verb, 'death', 'blast', 'crashed') and
gathers its roots: the trigger, the event nouns that say how it happened ('killed in a
raid', 'a drone strike killed'), verbs that only say the event happened ('the quake
struck', 'a bomb exploded', 'which broke out'), and the event verb a participle hangs
from ('raided the compound, killing'). The event's date and place are the ones attached
to a root, reached without passing another verb (said, confirmed, launched, born), a
statement, a title or a participant ('X, who was born in 1950, died'); a dateline's
place never counts. Of several dates, the most specific absolute one wins ('two years
ago in March 2017' is March 2017). A nationality or country in front of an attack
('a Turkish drone strike') is its perpetrator, never its place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from spacy.tokens import Token

from factx.records import TimexSpan
from factx.stages.attributes.base import LOC_PREPS, PLACE_LABELS, Ent
from factx.stages.attributes.compiled import EventKind
from factx.stages.attributes.places import place_names
from factx.stages.attributes.syntax import ancestors, lemma, name_tokens, span_of, text_of

if TYPE_CHECKING:
    from factx.stages.attributes.discourse import Discourse

ARGUMENT_DEPS = ("nsubj", "nsubjpass", "dobj", "obj", "dative", "attr", "oprd")
BLOCKING_PREPS = ("by", "since", "until", "from", "before", "than")
#: prepositions that put an event inside a verb's own happening ('killed in the blast')
WITHIN_PREPS = ("in", "during", "by", "from", "of", "amid", "at", "under", "through")
#: subordinate clauses that say when and where the event of their head happened
TEMPORAL_MARKS = ("when", "while", "as")
ABSOLUTE = re.compile(r"\b(?:1[89]\d\d|20\d\d|January|February|March|April|May|June|July|August|"
                      r"September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b")


@dataclass(frozen=True)
class Frame:
    """An event's trigger, its roots, and the participants whose clauses are their own."""

    trigger: Token
    roots: tuple[Token, ...]
    participants: frozenset[int]
    kind: EventKind | None

    @property
    def root_ids(self) -> frozenset[int]:
        return frozenset(t.i for t in self.roots)


def transparent(token: Token, state: "Discourse") -> bool:
    """A verb that tells an event happened, or what it did: its date and place are the
    event's ('struck', 'exploded', 'killed', 'took place')."""
    rules = state.rules
    low = lemma(token)
    if low in rules.lexicon.say:
        return False
    return (predicate(token, state) or rules.event_verb(token) is not None or low in rules.death_verbs
            or low in rules.count_verbs or low == "be"
            or low in rules.event_nouns)  # an event noun the tagger took for a verb ('airstrikes')


def _carrier(verb: Token, state: "Discourse") -> bool:
    """A verb an event noun can hang from as its own: a predicate, a death or count verb,
    not another event ('attacked Y after the attacks')."""
    rules = state.rules
    low = lemma(verb)
    return low not in rules.lexicon.say and (predicate(verb, state) or low in rules.death_verbs
                                             or low in rules.count_verbs or low == "be")


def predicate(verb: Token, state: "Discourse") -> bool:
    """A verb that only says an event happened ('struck'), or such a verb with its object
    ('made landfall': the two words of an `event_predicates` entry)."""
    predicates = state.rules.event_predicates
    low = lemma(verb)
    return low in predicates or any(f"{low} {lemma(c)}" in predicates for c in verb.children
                                    if c.dep_ in ("dobj", "obj"))


def is_event_noun(token: Token, state: "Discourse") -> bool:
    return token.pos_ in ("NOUN", "PROPN") and (state.rules.event_kind(token) is not None
                                                or lemma(token) in state.rules.cause_nouns)


def frame_of(trigger: Token, state: "Discourse", extra: Iterable[Token] = ()) -> Frame:
    """The frame of an event at `trigger` (see the module docstring)."""
    rules = state.rules
    roots: list[Token] = [trigger, *extra]
    participants: set[int] = set()

    def add(token: Token) -> None:
        if all(token.i != r.i for r in roots):
            roots.append(token)

    # up: 'raided the compound, killing X'; 'the earthquake struck'; 'killed in the blast'
    node = trigger
    for _ in range(3):
        head = node.head
        if head.i == node.i:
            break
        above = None
        if node.pos_ in ("VERB", "AUX") and node.dep_ in ("advcl", "conj", "xcomp") \
                and head.pos_ in ("VERB", "AUX") and transparent(head, state):
            above = head
        elif node.pos_ in ("NOUN", "PROPN") and node.dep_ in ("nsubj", "nsubjpass", "dobj") \
                and head.pos_ in ("VERB", "AUX") and _carrier(head, state):
            above = head  # 'the earthquake struck', 'the blast killed', 'launched a raid'
        elif node.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in WITHIN_PREPS \
                and head.head.pos_ in ("VERB", "AUX") and _carrier(head.head, state) \
                and is_event_noun(node, state):
            above = head.head  # 'killed in the blast'
        elif node.pos_ in ("VERB", "AUX") and node.dep_ in ("relcl", "acl") and is_event_noun(head, state):
            above = head  # 'the blasts that tore through X, killing 100': the blasts
        elif node.pos_ in ("VERB", "AUX") and node.dep_ == "relcl" and _placed_event(head, node, state) is not None:
            above = _placed_event(head, node, state)  # 'the blast in X, which killed 12': the blast
        if above is None:
            break
        add(above)
        node = above
    # down: event nouns and event verbs under the roots, and under those
    seen = 0
    while seen < len(roots) and seen < 8:
        root = roots[seen]
        seen += 1
        for child in root.children:
            if child.dep_ in ("nsubj", "nsubjpass", "csubj") and is_event_noun(child, state):
                add(child)  # 'a drone strike killed X', 'the blast was caused by'
            elif child.dep_ in ("prep", "agent"):
                # 'killed in a raid', 'died after the blast'; but an event before or after
                # another event is another one ('attacked X after the attacks on Y')
                later = child.lower_ in ("after", "following", "until") and not _carrier(root, state)
                for obj in child.children:
                    if obj.dep_ == "pobj" and is_event_noun(obj, state) and child.lower_ not in ("since", "before") \
                            and not later:
                        add(obj)
            elif child.dep_ in ("advcl", "relcl", "acl", "conj") and child.pos_ in ("VERB", "AUX") \
                    and transparent(child, state):
                add(child)  # 'killed when a bomb exploded', 'the fire, which broke out'
            elif child.dep_ == "advcl" and root.pos_ in ("VERB", "AUX") and any(
                    c.lower_ in TEMPORAL_MARKS and c.dep_ in ("advmod", "mark") for c in child.children):
                add(child)  # 'killed when she stepped onto the porch at 9:15 a.m.': its time and place
            elif child.dep_ == "conj" and root.pos_ in ("NOUN", "PROPN") and is_event_noun(child, state):
                add(child)  # 'the explosions and fire that shook X': one event, the clause on the last
            elif child.dep_ in ("xcomp", "oprd") and root.pos_ == "VERB" \
                    and f"{lemma(root)} {lemma(child)}" in rules.event_verbs:
                add(child)  # 'took 11 people hostage in X': the second word of the event's verb
    for root in roots:
        for child in root.children:
            if child.dep_ in ARGUMENT_DEPS and not is_event_noun(child, state) and all(child.i != r.i for r in roots):
                participants.add(child.i)
    return Frame(trigger, tuple(roots), frozenset(participants), frame_kind(roots, state))


def _placed_event(place: Token, clause: Token, state: "Discourse") -> Token | None:
    """The event noun a place names where it happened, when the parser hung the event's
    'which' clause on the place ('the blast in X, which killed 12'): a place kills no one."""
    if place.dep_ != "pobj" or place.head.lower_ not in LOC_PREPS or not place_names(place, state) \
            or not any(c.lower_ in ("which", "that") and c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return None
    event = place.head.head
    return event if event.pos_ in ("NOUN", "PROPN") and is_event_noun(event, state) else None


def frame_kind(roots: Iterable[Token], state: "Discourse") -> EventKind | None:
    """The kind of event of a frame: its first root that names one (a noun, then a verb)."""
    rules = state.rules
    roots = list(roots)
    for root in roots:
        kind = rules.event_kind(root)
        if kind is not None:
            return kind
    for root in roots:  # 'a bomb exploded': the verb names it
        if rules.event_verb(root) is not None:
            return rules.event_verb(root)
    return None


def _path_depth(head: Token, frame: Frame, state: "Discourse") -> int | None:
    """How many steps from `head` up to a root of the frame, or None when the path
    passes another verb, a statement, a title, a participant or a blocking preposition."""
    lex = state.rules.lexicon
    roots = frame.root_ids
    previous = head
    for depth, node in enumerate(ancestors(head)):
        if node.i in roots:
            return depth
        if depth == 0:
            continue
        # a participant's own clause is about it ('X, who was born in 1950,'), a participle
        # on it is the event's ('300 injured in X')
        if node.i in frame.participants and previous.dep_ not in ("acl", "prep", "conj", "nummod", "amod"):
            return None
        previous = node
        low = lemma(node)
        if node.pos_ in ("VERB", "AUX") and not transparent(node, state):
            return None
        if node.pos_ == "NOUN" and (low in lex.source_nouns or low in state.rules.roles):
            return None
        if node.dep_ == "agent" or (node.dep_ == "prep" and node.lower_ in BLOCKING_PREPS):
            return None
    return None


def _date_head(tokens: list[Token]) -> Token:
    """The token of a date's words whose head lies outside them."""
    ids = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in ids or token.head.i == token.i:
            return token
    return tokens[-1]


#: words that state a date, not only a time of day ('Sunday morning', not '6:18 a.m.')
DATE_WORDS = re.compile(r"(?i)\b(?:1[89]\d\d\b|20\d\d\b|\d{1,2}/\d{1,2}|monday|tuesday|wednesday|thursday|friday|saturday|"
                        r"sunday|today|yesterday|tonight|tomorrow|ago|last|this|next|earlier|later|week|month|"
                        r"year|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*")


def specificity(value: str, text: str = "") -> float:
    """How much of a date a TIMEX value states: 2019-09-23 → 3, 2019-09 → 2, 2019 → 1, a
    clock time adds half; a time of day alone ('6:18 a.m.') states no date (its day is
    only the anchor's) → 0.5."""
    if text and not DATE_WORDS.search(text):
        return 0.5
    day = value.split("T")[0]
    parts = [p for p in re.split(r"[-/]", day) if p and "X" not in p]
    return len(parts) + (0.5 if re.search(r"T\d", value) else 0)


CLOCK = re.compile(r"T(\d\d(?::\d\d)?)")


def event_date(frame: Frame, state: "Discourse") -> tuple[TimexSpan, list[Token]] | None:
    """The date of the event: of the dates attached to a root (see `_path_depth`), the most
    specific, then an absolute one, then the nearest in the parse; a time of day alone
    ('at 4:12 a.m.') states no date (see `event_time`)."""
    best, best_key = None, None
    for timex, tokens, depth in _attached_dates(frame, state):
        if specificity(timex.value, timex.text) < 1 and CLOCK.search(timex.value):
            continue  # a clock time alone: `event_time`
        key = (-specificity(timex.value, timex.text), not ABSOLUTE.search(timex.text), depth,
               abs(tokens[0].i - frame.trigger.i))
        if best_key is None or key < best_key:
            best, best_key = (timex, tokens), key
    return best


def _attached_dates(frame: Frame, state: "Discourse") -> Iterable[tuple[TimexSpan, list[Token], int]]:
    """The temporal expressions of the frame's sentence and paragraph attached to a root,
    with how far up they attach."""
    sent = frame.trigger.sent
    para_start, para_end = state.paragraph(sent, frame.trigger.idx)
    for timex, tokens in state.sentence_dates(sent):
        if not (para_start <= timex.start and timex.end <= para_end):
            continue
        depth = _path_depth(_date_head(tokens), frame, state)
        if depth is not None:
            yield timex, tokens, depth


def day_of(value: str) -> str:
    """The day part of a TIMEX value with a clock time ('2023-05-07T04:12' → '2023-05-07');
    other values as they are ('2023-05-06TNI')."""
    return value.split("T")[0] if CLOCK.search(value) else value


def event_time(frame: Frame, state: "Discourse") -> tuple[TimexSpan, list[Token], str | None] | None:
    """The clock time of the event ('took place at 17:40 local time', 'at 4:12 a.m. on
    Sunday'): the nearest temporal expression attached to a root that states one, with
    its clock ('17:40') and whether its own words state the day (then its value is the
    whole time); a time of day alone takes its day from the event's date, never from
    whatever the date stage anchored it to. Returns (timex, tokens, value or None when
    only the clock is known)."""
    best = None
    for timex, tokens, depth in _attached_dates(frame, state):
        clock = CLOCK.search(timex.value)
        if clock is None:
            continue
        key = (depth, abs(tokens[0].i - frame.trigger.i))
        if best is None or key < best[0]:
            best = (key, timex, tokens, clock.group(1))
    if best is None:
        return None
    _, timex, tokens, clock = best
    if specificity(timex.value, timex.text) >= 1:  # its own words give the day ('11:20 p.m. Saturday')
        return timex, tokens, timex.value
    date = event_date(frame, state)
    day = calendar_day(date[0].value) if date is not None else None
    return timex, tokens, f"{day}T{clock}" if day else None


def calendar_day(value: str) -> str | None:
    """The calendar day a TIMEX value names, or None: '2017-03-14TMO' → '2017-03-14',
    'XXXX-06-09' → itself, '2022-07' → None."""
    match = re.match(r"[\dX]{4}-\d\d-\d\d(?![\d-])", value)
    return match.group() if match else None


def event_places(frame: Frame, state: "Discourse") -> list[tuple[Ent, list[Ent]]]:
    """Places where the event happened: objects of location prepositions on the roots and
    on the nouns under them ('killed in a raid in X', 'died at his home in X'), place
    names in front of an event noun that has no agent ('the Arden explosion'), skipping
    participants, statements, titles and datelines."""
    rules = state.rules
    lex = rules.lexicon
    out: list[tuple[Ent, list[Ent]]] = []
    seen: set[int] = set()

    def visit(node: Token, depth: int) -> None:
        if depth > 4 or node.i in seen:
            return
        seen.add(node.i)
        for child in node.children:
            if child.dep_ in ("prep", "agent"):
                if child.lower_ in ("since", "until", "before", "than"):
                    continue
                for obj in child.children:
                    if obj.dep_ != "pobj" or obj.ent_type_ in ("DATE", "TIME") or obj.i in frame.participants:
                        continue
                    if (lemma(obj) in rules.roles and obj.tag_ != "NNS") or lemma(obj) in lex.source_nouns:
                        continue  # 'leader of X in Y', 'a statement from Y' (not 'members of X in Y')
                    if is_event(obj):  # 'killed in a US raid in X': X, never the US
                        out.extend(modifier_places(obj, state))
                    elif child.lower_ in LOC_PREPS or (child.lower_ == "of" and (
                            is_event(node) or lemma(node) in rules.place_nouns)):  # 'at the port of X'
                        found = place_names(obj, state)
                        if not found and child.lower_ == "of" and obj.pos_ == "PROPN" and (
                                _could_be_place(obj, state) or _named_place_of(node, obj, state)):
                            found = [(_unlabelled(obj), [])]  # 'the shelling of X': X is a place
                        out.extend(found)
                    visit(obj, depth + 1)
            elif child.dep_ in ("acl", "relcl") and node.i in frame.root_ids and node.pos_ == "NOUN" \
                    and lemma(child) not in lex.say and transparent(child, state):
                visit(child, depth + 1)  # 'the fire, which broke out at a factory in X'
            elif child.dep_ in ("npadvmod", "advmod") and child.pos_ == "PROPN" and node.i in frame.root_ids \
                    and not (_agentive(node, state) and _nationality(child, state) is not None):
                out.extend(place_names(child, state))
            elif child.dep_ in ("dobj", "nsubjpass", "nsubj") and node.i in frame.root_ids \
                    and node.pos_ in ("VERB", "AUX"):
                if child.dep_ == "dobj" and lemma(node) in rules.event_predicates \
                        and lemma(node) not in rules.death_verbs and lemma(node) not in rules.count_verbs:
                    found = place_names(child, state)  # 'the cyclone hit X', 'struck the X region'
                    if not found and child.pos_ == "PROPN" and _could_be_place(child, state) \
                            and not any(c.like_num for c in child.children):
                        found = [(_unlabelled(child), [])]  # a place the NER missed
                    out.extend(found)
                for part in (child, *(c for c in child.children if c.dep_ == "conj")):
                    for clause in part.children:  # '50 dead and 300 injured in X'
                        if clause.dep_ == "acl" and transparent(clause, state):
                            visit(clause, depth + 1)
                        # 'ambushed a convoy near X', 'killed 60 villagers in X'; the subject of
                        # an event verb without an author is what broke ('the bridge in X collapsed')
                        if clause.dep_ == "prep" and clause.lower_ in LOC_PREPS and (
                                child.dep_ != "nsubj" or _undergone(node, state)):
                            for obj in clause.children:
                                if obj.dep_ == "pobj" and obj.ent_type_ not in ("DATE", "TIME"):
                                    out.extend(place_names(obj, state))

    def is_event(token: Token) -> bool:
        return is_event_noun(token, state)

    for root in frame.roots:
        if root.pos_ in ("NOUN", "PROPN") and is_event(root):
            out.extend(modifier_places(root, state))
        visit(root, 0)
    return [(p, c) for p, c in out if p.label in PLACE_LABELS]


def _named_place_of(noun: Token, name: Token, state: "Discourse") -> bool:
    """'the port of X', 'the city of X': a name after a place noun is a place, though the
    NER took it for an organisation (never a person's or a group's name)."""
    mention = state.mention_at(name)
    return lemma(noun) in state.rules.place_nouns and mention is not None and mention.label == "ORG" \
        and _could_be_place_text(name, state)


def _undergone(verb: Token, state: "Discourse") -> bool:
    """An event verb whose subject is what the event happened to, not its author ('the
    bridge collapsed', 'a ferry sank', 'a tanker exploded')."""
    kind = state.rules.event_verb(verb) if verb.pos_ == "VERB" else None
    return kind is not None and not kind.agentive


def _agentive(token: Token, state: "Discourse") -> bool:
    """An event noun or verb whose event has a perpetrator (not a flood)."""
    rules = state.rules
    kind = rules.event_kind(token) if token.pos_ in ("NOUN", "PROPN") else rules.event_verb(token)
    return kind is None or kind.agentive


def _could_be_place(token: Token, state: "Discourse") -> bool:
    """An unlabelled proper noun that may be a place the NER missed: not a date, a number,
    a dateline or any other entity."""
    return all(state.mention_at(t) is None for t in name_tokens(token)) and _could_be_place_text(token, state)


def _in_owner_place(name: Token, noun: Token, state: "Discourse") -> bool:
    """A proper noun in front of an event whose possessor is a place ("Varnia's Karsk
    flooding"), that the NER took for no organisation, person or nationality (it often
    takes an unknown town for a product or a person elsewhere, never here)."""
    mention = state.mention_at(name)
    if mention is not None and mention.label in ("ORG", "NORP", "PERSON") or not _could_be_place_text(name, state):
        return False
    return any(c.dep_ == "poss" and c.i < name.i and place_names(c, state) for c in noun.children)


def _could_be_place_text(token: Token, state: "Discourse") -> bool:
    """Not a date, a number ('Flight 302' is no place) or a dateline."""
    return (not state.in_dateline(token.idx) and not any(c.like_num for c in token.children)
            and token.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY")
            and not any(d.start <= token.idx < d.end for d in state.dates))


def _unlabelled(token: Token) -> Ent:
    tokens = name_tokens(token)
    start, end = span_of(tokens)
    return Ent(text_of(tokens), "GPE", text_of(tokens), start, end)


def modifier_places(noun: Token, state: "Discourse") -> list[tuple[Ent, list[Ent]]]:
    """Places named in front of an event noun ('the Arden port blast', "Arden's port"),
    unless the event has an agent and the name is a country or nationality ('a US drone
    strike': the perpetrator)."""
    agentive = _agentive(noun, state)
    kind = state.rules.event_kind(noun) if noun.pos_ in ("NOUN", "PROPN") else None
    if kind is not None and kind.moves:
        return []  # 'a Mediterranean storm': where it formed, not where it struck
    out = []
    for child in noun.children:
        mention = state.mention_at(child)
        if child.dep_ in ("amod", "compound") and not agentive and child.i < noun.i \
                and (mention is None or mention.label in ("NORP", "GPE")):  # not 'Chilean Airways'
            country = _nationality(child, state)
            if country is not None:  # 'the Chilean floods' happened in Chile
                out.append((Ent(country, "GPE", child.text, child.idx, child.idx + len(child.text)), []))
                continue
        if child.dep_ not in ("compound", "nmod", "amod", "poss") or child.pos_ not in ("PROPN", "NOUN"):
            continue
        if agentive and _nationality(child, state) is not None:
            continue
        if child.pos_ == "PROPN":
            found = place_names(child, state)
            if not found and not agentive and state.mention_at(child) is None:
                # 'Libya's X flooding': a name the NER missed here and found as a place elsewhere
                found = [(Ent(m.canonical, m.label, child.text, child.idx, child.idx + len(child.text)), [])
                         for m in state.mentions[:200] if m.label in PLACE_LABELS and m.text == child.text][:1]
            if not found and not agentive and _could_be_place(child, state) \
                    and any(lemma(c) in state.rules.place_nouns for c in noun.lefts if c.i > child.i):
                # 'the Tarvel port blast': a name the NER missed; not 'the Norvia Air crash' (a
                # name without a place noun is the airline's, the company's)
                found = [(_unlabelled(child), [])]
            if not found and not agentive and child.dep_ == "compound" and _in_owner_place(child, noun, state):
                # "Varnia's Karsk flooding": a name between a place and the event is a place in it
                found = [(_unlabelled(child), [])]
            out.extend(found)
        elif lemma(child) in state.rules.place_nouns:  # 'the Arden port blast'
            out.extend(place_names(child, state))
    # "X's Y floods": Y, in X (the possessor names the larger place)
    owners = [p for c in noun.children if c.dep_ == "poss" for p, _ in out if p.start == c.idx]
    if owners and len(out) > len(owners):
        out = [(p, cs + owners) for p, cs in out if p not in owners] + [(p, cs) for p, cs in out if p in owners]
    return out


def _nationality(token: Token, state: "Discourse") -> str | None:
    """The country a nationality word stands for in front of a noun: a demonym ('French',
    'Afghan') or a country written as one ('US', 'U.K.'); a country's full name ('a
    southern Afghanistan raid') is a place, not a nationality."""
    rules = state.rules
    low = token.lower_
    if low in rules.demonyms and token.text[:1].isupper() and low not in rules.countries:
        return rules.demonyms[low]
    mention = state.mention_at(token)
    if mention is not None and mention.label == "NORP" and mention.canonical.lower() in rules.demonyms:
        return rules.demonyms[mention.canonical.lower()]
    return None
