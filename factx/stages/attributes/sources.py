"""Sources, found once for every family's facts: who said a claim (see `scope`).

The source of a fact is the nearest reporting verb above its trigger, a citation on that
verb, 'according to X' on the clause or the sentence, or the speaker of a quotation;
`resolve_source` turns the token that names it into a name ('it' is the last
organisation that spoke, 'the statement' its author), and `speaker_memory` remembers
the speakers of a document in one pass.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Token

from factx import attribution as attr
from factx.stages.attributes.base import PERSON_PRONOUNS, REL_PRONOUNS, Source
from factx.stages.attributes.discourse import Speakers
from factx.stages.attributes.referents import entity_of, object_tokens, pronoun_referent
from factx.stages.attributes.syntax import is_definite, lemma, pobjs, strip_det, text_of

if TYPE_CHECKING:
    from factx.stages.attributes.discourse import Discourse

#: subjects that speak for the one quoted: the source is who says 'we'
FIRST_PERSON = frozenset({"i", "we"})


def resolve_source(token: Token, state: "Discourse", memory: Speakers | None = None,
                   depth: int = 0) -> Source | None:
    """The in-document name of the source a token names, or its plain description; 'it'
    is the last organisation that spoke, 'the statement' its author, 'the officials' the
    officials named before (from the speakers known before the token's sentence)."""
    if depth > 3:
        return None
    memory = memory if memory is not None else state.speakers_at(token.sent)
    lex = state.rules.lexicon
    low = lemma(token)
    mention = state.mention_at(token)
    if mention is None and low not in lex.source_nouns:
        for child in token.children:  # (never a dateline's agency: 'Arden, May 2, ABC -- X said')
            found = state.mention_at(child) if child.dep_ in ("compound", "nmod") \
                and not state.in_dateline(child.idx) else None
            if found is not None and found.label in ("ORG", "PERSON"):
                mention = found
    if mention is not None and mention.label in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC") \
            and not (mention.label == "NORP" and token.pos_ != "PROPN"):
        ent = state.ent_of_mention(mention)
        return Source(ent.name, ent.label)
    if token.pos_ == "PRON":
        if token.lower_ in ("it", "its", "they", "them", "their"):
            return memory.last.get("ORG") or memory.last.get("any")
        if token.lower_ in PERSON_PRONOUNS:
            person = pronoun_referent(token, state)
            return Source(person.name, "PERSON") if person is not None else memory.last.get("PERSON")
        if token.lower_ in REL_PRONOUNS and token.head.head.i != token.i:
            return resolve_source(token.head.head, state, memory, depth + 1)
        return None
    person = _person_beside_object(token, state) if token.pos_ in ("NOUN", "PROPN") else None
    if person is not None:
        return person
    if token.pos_ == "PROPN":
        ent = entity_of(token, state, label="ORG", nominal=False)
        if ent is not None:
            return Source(ent.name, ent.label)
    if low in lex.source_nouns:
        author = attr.author_of(token, lex)
        if author is not None:
            found = resolve_source(author, state, memory, depth + 1)
            if found is not None:
                return found
        return memory.authors.get(low) or memory.authors.get("any") or memory.last.get("any")
    if token.pos_ == "NOUN":
        for child in token.children:
            if child.dep_ == "appos":
                found = resolve_source(child, state, memory, depth + 1)
                if found is not None:
                    return found
        if token.dep_ == "appos":
            return resolve_source(token.head, state, memory, depth + 1)
        known = memory.nominal.get(low)
        if known is not None and is_definite(token) and not any(c.dep_ == "poss" for c in token.children):
            return known
        if is_definite(token):  # 'the press agency' after 'the State Press Agency'
            words = [t.lower_ for t in strip_det(object_tokens(token) or [token])]
            for mention in reversed(state.mentions):
                if mention.start < token.idx and mention.label in ("ORG", "GPE") and \
                        [w.lower() for w in mention.canonical.split()][-len(words):] == words:
                    return Source(mention.canonical, mention.label)
        return Source(text_of(strip_det(object_tokens(token) or [token])), None)
    return None


def _person_beside_object(token: Token, state: "Discourse") -> Source | None:
    """'Spokesperson of the ministry Lieutenant X told ...': the parser sets the name
    beside the organisation, which no person can be, or makes it a second subject of
    the verb; the name is the role holder's."""
    rules = state.rules
    if lemma(token) not in rules.roles and lemma(token) not in rules.person_nouns:
        return None
    for child in (c for c in token.children if c.dep_ == "appos"):  # 'Spokesman of the army Colonel X'
        mention = state.mention_at(child)
        if mention is not None and mention.label == "PERSON":
            ent = state.ent_of_mention(mention)
            return Source(ent.name, ent.label)
    if token.dep_ == "nsubj" and token.right_edge.i + 1 < len(token.doc):
        after = token.doc[token.right_edge.i + 1]
        mention = state.mention_at(after)
        if mention is not None and mention.label == "PERSON" and any(
                c.dep_ == "nsubj" and c.i > token.i and state.mention_at(c) is mention for c in token.head.children):
            ent = state.ent_of_mention(mention)
            return Source(ent.name, ent.label)
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "at")):
        for obj in pobjs(prep):
            # never a person's ('the lawyer of the victim X': X may be the victim)
            named = state.mention_at(obj)  # 'a spokeswoman for the Interior Ministry, X'
            if obj.pos_ == "PROPN" and named is not None and named.label in ("ORG", "GPE", "NORP"):
                pass
            elif obj.pos_ != "NOUN" or any(lemma(obj) in words for words in (
                    rules.person_nouns, rules.roles, rules.agent_nouns)):
                continue
            for child in (c for c in obj.children if c.dep_ == "appos"):
                mention = state.mention_at(child)
                if mention is not None and mention.label == "PERSON":
                    ent = state.ent_of_mention(mention)
                    return Source(ent.name, ent.label)
    return None


def speaker_memory(state: "Discourse") -> dict[int, Speakers]:
    """The speakers known before each sentence, built in one pass over the document:
    subjects of reporting verbs, agents of passive ones, 'according to' objects, and the
    authors of statements, remembered in order."""
    lex = state.rules.lexicon
    out: dict[int, Speakers] = {}
    last: dict[str, Source] = {}
    authors: dict[str, Source] = {}
    nominal: dict[str, Source] = {}
    table = state.tokens
    for sent in state.doc.sents:
        memory = Speakers(dict(last), dict(authors), dict(nominal))
        out[sent.start_char] = memory
        tokens: list[Token] = []
        for token in table.of(sent) if table.has_any(sent, lex.say, lex.source_nouns) else ():
            if token.pos_ == "VERB" and table.lemma(token) in lex.say:
                found = attr.agent_of(token) if attr.is_passive(token) else attr.subject_of(token)
                if found is not None:
                    tokens.append(found)
            elif token.pos_ == "NOUN" and lemma(token) in lex.source_nouns and attr.author_of(token, lex) is not None:
                tokens.append(token)
        according = state.according.get(sent.start_char)
        if according is not None:
            tokens.append(according)
        found: list[Source] = []
        for token in tokens:
            source = resolve_source(token, state, memory)
            if source is None:
                continue
            low = lemma(token)
            if low in lex.source_nouns:
                authors[low] = authors["any"] = source
                author = attr.author_of(token, lex)
                if author is not None and author.pos_ == "NOUN" and source.label is None:
                    nominal.setdefault(lemma(author), source)  # 'the agency' is the author named before
            elif source.label is None and token.pos_ == "NOUN":
                nominal.setdefault(low, source)
            found.append(source)
        # a named source outranks a description in the same sentence for 'it' later
        # ('"X can confirm ...," the spy agency said. It added ...': it is X)
        named = [s for s in found if s.label is not None]
        for source in (named or found)[-1:]:
            last["any"] = source
            last["PERSON" if source.label == "PERSON" else "ORG"] = source
    return out


#: words that make a clause an adjunct of time, reason or concession: 'As the storm hit
#: on Monday, residents said ...' (when it happened is the writer's words, not theirs)
ADJUNCT_MARKS = frozenset({"as", "when", "while", "after", "before", "since", "because", "although",
                           "though", "until", "once", "whereas"})


def _adjunct_clause(clause: Token) -> bool:
    """An adverbial clause of time, reason or concession on a reporting verb."""
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ADJUNCT_MARKS for c in clause.children)


def _believer(verb: Token, state: "Discourse") -> bool:
    """A verb of belief whose subject is someone ('officials fear the toll could rise',
    'police believe ...'): the subject is the source, and the claim stays hedged; not
    'the raids appear to be', 'they fear' (the speaker above says so) or a passive ('is
    believed to')."""
    if lemma(verb) not in state.rules.lexicon.hedge_verbs or attr.is_passive(verb):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ == "PRON":
        return False
    mention = state.mention_at(subject)
    if mention is not None:
        return mention.label in ("PERSON", "ORG", "GPE", "NORP")
    rules = state.rules
    return any(lemma(subject) in words for words in (rules.agent_nouns, rules.person_nouns, rules.roles))


def _bare_participle(verb: Token) -> bool:
    """A past participle without 'have' is passive whatever the parser hung on it: 'with
    thousands more reported missing' (the thousands are reported, they report nothing)."""
    return verb.tag_ == "VBN" and not any(c.dep_ == "aux" and lemma(c) == "have" for c in verb.children)


def source_token(trigger: Token, state: "Discourse") -> Token | None:
    """The token naming who said the claim at `trigger` (see the module docstring)."""
    lex = state.rules.lexicon
    below = trigger
    vague = None  # 'according to a news release' without its author: unless a speaker says it above
    for node in attr.ancestors(trigger):
        if below.dep_ == "relcl" and _set_off(below):
            return None  # 'X, who was killed last week, ...': the writer's words, not the speaker's
        if below.dep_ in ("relcl", "acl") and node.i != below.i and _content_clause(below, node, lex):
            author = attr.author_of(node, lex) or _speaker_around(node)
            if author is not None:
                return author
        # a reporting verb speaks for its complement, not for its adjuncts ('X said in a
        # speech after the blast that killed 150': the count is not X's claim)
        says = node.pos_ in ("VERB", "AUX") and (lemma(node) in lex.say or _believer(node, state)) \
            and node.i != trigger.i \
            and not (below.dep_ in ("prep", "npadvmod", "advmod", "agent", "mark") and below.lower_ != "as") \
            and not _adjunct_clause(below) \
            and not (below.dep_ == "nsubj" and (below.i != trigger.i or _described_speaker(below, state))) \
            and not _semicolon_between(trigger, node)
        # ('X's widow, Y, said', 'The director of Z, Y, said': the writer's words)
        below = node
        subject = attr.subject_of(node) if says else None
        # 'X, quoting Y, reported': the participle hangs on the subject
        around = list(node.children) + (list(subject.children) if subject is not None else [])
        for child in around:
            found = attr.prepositional_source(child)
            if found is None:
                continue
            if lemma(found) in lex.source_nouns and attr.author_of(found, lex) is None:
                vague = vague or found
                continue
            # 'reported, citing X': X, the innermost; 'X said ..., according to a release': X
            if not says or child.lower_ in ("citing", "quoting") or subject is None:
                return found
        if says:
            if attr.is_passive(node) or _bare_participle(node):
                agent = attr.agent_of(node)
                if agent is not None:
                    return agent
                continue  # 'is said to have ...': a hedge, not a source
            subject = attr.subject_of(node)
            if subject is not None and subject.lower_ in FIRST_PERSON:
                continue  # '"We can confirm that ...," said X': the one who says 'we'
            if subject is not None and _tally(subject, state):
                continue  # 'the number of people confirmed dead': a toll, not a source
            if subject is not None:
                return _named_subject(node, subject, state)
            quoted = attr.quoted_as_saying(node, lex)
            if quoted is not None:
                return quoted
    if vague is not None:
        return vague
    sent = trigger.sent
    according = state.according.get(sent.start_char)
    if according is not None:
        head = attr.according_head(according)
        if head is None or head.dep_ == "ROOT" or any(a.i == head.i for a in attr.ancestors(trigger)):
            return according
    if state.in_quote(trigger.idx) and state.tokens.has_any(sent, lex.say):
        for token in state.tokens.of(sent):
            if (token.pos_ == "VERB" and state.tokens.lemma(token) in lex.say and not state.in_quote(token.idx)
                    and not attr.is_passive(token)):
                subject = attr.subject_of(token)
                if subject is not None:
                    return subject
    return None


def _semicolon_between(trigger: Token, verb: Token) -> bool:
    """'Nine dead in stampede; gates opened late, fans say': a reporting verb after a
    semicolon speaks for its own clause, not for the one before it."""
    return trigger.i < verb.i and any(t.text == ";" for t in trigger.doc[trigger.i:verb.i])


#: a headline that ends in its source: 'Toll could reach 20,000: Mayor'
_HEADLINE_SOURCE = re.compile(r":\s*([A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,3})$")


def _described_speaker(subject: Token, state: "Discourse") -> bool:
    """A reporting verb's subject that describes its own speaker: a noun with a name in
    apposition inside it ('The chairman of Z, Y, 47, reported that ...', 'The head of
    Z, Y, told reporters'). What it says of Y (a title, a member) is the writer's, not
    a claim of Y's."""
    return subject.pos_ == "NOUN" and any(
        t.dep_ == "appos" and ((m := state.mention_at(t)) is not None and m.label == "PERSON"
                               or m is None and t.pos_ == "PROPN")
        for t in subject.subtree)


def _named_subject(verb: Token, subject: Token, state: "Discourse") -> Token:
    """Of a reporting verb's subjects, the one a person's name: the parser gives 'Police
    Col. X Y, the police director, said' two subjects ('Col' and 'Y'); the rank is not
    who spoke."""
    if (m := state.mention_at(subject)) is not None and m.label == "PERSON":
        return subject
    for child in verb.children:
        if child.dep_ == "nsubj" and child.i != subject.i \
                and (m := state.mention_at(child)) is not None and m.label == "PERSON":
            return child
    return subject


def _role_holder_named(role: Token, state: "Discourse") -> Source | None:
    """A headline's bare role ('...: Mayor') is the one person the body gives that role
    ('the city's Mayor X said', 'X, the mayor, said'); None unless exactly one."""
    rules = state.rules
    word = lemma(role)
    if state.mention_at(role) is not None or word not in rules.roles \
            or any(c.pos_ not in ("SPACE", "PUNCT") for c in role.children):
        return None
    people: dict[str, Source] = {}
    for token in state.doc:
        if token.i == role.i or lemma(token) != word:
            continue
        near = [token.head] if token.dep_ in ("compound", "appos") else []
        near += [c for c in token.children if c.dep_ == "appos"]
        for other in near:
            mention = state.mention_at(other)
            if mention is not None and mention.label == "PERSON":
                ent = state.ent_of_mention(mention)
                people[ent.name] = Source(ent.name, ent.label)
    return next(iter(people.values())) if len(people) == 1 else None


def _headline_source(trigger: Token, state: "Discourse") -> Token | None:
    """The source a headline line names after a colon at its end ('Toll in X could reach
    20,000: Mayor', ': UN official'): the last word, a noun or a name."""
    text = state.text
    line_start = text.rfind("\n", 0, trigger.idx) + 1
    line_end = text.find("\n", trigger.idx)
    line = text[line_start:len(text) if line_end < 0 else line_end].rstrip()
    if not line or line[-1] in ".!?\"”" or len(line) > 160:
        return None  # a sentence of the body, not a headline
    found = _HEADLINE_SOURCE.search(line)
    if found is None or trigger.idx >= line_start + found.start(1):
        return None
    last = state.doc.char_span(line_start + found.end(1) - 1, line_start + found.end(1), alignment_mode="expand")
    if last is None or last[-1].pos_ not in ("NOUN", "PROPN"):
        return None
    return last[-1]


def _content_clause(clause: Token, noun: Token, lex) -> bool:
    """'said in a statement that X had died': the content of the statement, which the
    parser makes a clause on the noun with 'that' its marker or even its object; a
    statement is what no death or event verb takes as object, so the clause is what
    the statement says (never 'a statement that the ministry issued')."""
    if lemma(noun) not in lex.source_nouns or lemma(clause) in lex.say:
        return False
    that = next((c for c in clause.children if c.lower_ == "that"), None)
    return that is not None and that.dep_ in ("dobj", "mark") and that.i == clause.left_edge.i \
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.i != that.i for c in clause.children)


def _speaker_around(noun: Token) -> Token | None:
    """Who speaks 'in a statement': the subject of the verb the phrase hangs on."""
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ in ("in", "through", "via"):
        verb = noun.head.head
        if verb.pos_ in ("VERB", "AUX"):
            return attr.subject_of(verb)
    return None


def _tally(subject: Token, state: "Discourse") -> bool:
    """A toll noun ('the number of people', 'the toll'): what is counted, never who says it."""
    words = state.rules.derived("words:tally_noun", lambda rules: frozenset(
        w.lower() for r in rules.by_family.get("tally_noun", ()) for w in r.get("words", ())))
    return lemma(subject) in words


def _set_off(clause: Token) -> bool:
    """A non-restrictive clause or apposition: set off by a comma or a dash before it."""
    first = min(t.i for t in clause.subtree)
    return first > 0 and clause.doc[first - 1].text in (",", "—", "–", "(")


def quote_speaker(trigger: Token, state: "Discourse") -> Token | None:
    """Who speaks a quotation that runs over several sentences: the subject of the
    reporting verb after the closing mark ('..., the statement added') or before the
    opening one ('X said: “...')."""
    offset = trigger.idx
    span = next(((a, b) for a, b in state.quotes if a <= offset < b), None)
    if span is None:
        return None
    text = state.text
    line_start = text.rfind("\n", 0, span[0]) + 1
    line_end = text.find("\n", span[1])
    line_end = len(text) if line_end < 0 else line_end
    lex = state.rules.lexicon
    after = state.doc.char_span(span[1], line_end, alignment_mode="expand")
    before = state.doc.char_span(line_start, span[0], alignment_mode="expand")
    for part, order in ((after, 1), (before, -1)):
        if part is None:
            continue
        for token in list(part)[::order]:
            if token.pos_ == "VERB" and lemma(token) in lex.say and not attr.is_passive(token) \
                    and not any(a <= token.idx < b for a, b in state.quotes):
                subject = attr.subject_of(token)
                if subject is not None:
                    return subject
    return None
