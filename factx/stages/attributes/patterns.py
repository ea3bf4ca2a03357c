"""Facts of the `regex` family: a pattern over the sentence text with a `value` group
(aliases, ages, 'Egyptian-born'), given to the nearest mention of a label."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from spacy.tokens import Span

from factx.quantities import normalize_age, normalize_quantity
from factx.stages.attributes.base import Raw
from factx.stages.attributes.registry import Family, extractor, register
from factx.stages.attributes.syntax import lemma

if TYPE_CHECKING:
    from factx.stages.attributes.discourse import Discourse
    from factx.stages.mentions import Mention

register(Family("regex", keys=("attribute", "value_type", "subject", "gap", "regex"),
                required=("attribute", "regex", "subject"),
                doc="a regex over the sentence with a `value` group; `subject` 'LABEL before|after|nearest'"))


@extractor(order=80)
def regex_facts(sent: Span, state: "Discourse") -> Iterator[Raw]:
    """Facts of the regex rules: a value group and the nearest mention of a label."""
    rules = state.rules
    base = sent.start_char
    text = state.text[base:sent.end_char]  # `Span.text` joins the tokens again
    mentions = [m for m in state.mentions if sent.start_char <= m.start < sent.end_char]
    for rule in rules.regexes:
        if rule.required and rule.required not in text:
            continue
        for match in rule.pattern.finditer(text):
            start, end = base + match.start("value"), base + match.end("value")
            m_start, m_end = base + match.start(), base + match.end()
            candidates = []
            for mention in mentions:
                if mention.label != rule.label:
                    continue
                mention_end = mention.start + len(state.ent_of_mention(mention).text)
                if rule.direction in ("before", "nearest") and mention_end <= m_start + 1:
                    candidates.append((m_start - mention_end, mention))
                if rule.direction in ("after", "nearest") and mention.start >= m_end - 1:
                    candidates.append((mention.start - m_end, mention))
                if rule.direction == "nearest" and mention.start <= m_start and mention.end >= m_end:
                    candidates.append((0, mention))
            candidates = [c for c in candidates if -1 <= c[0] <= rule.gap]
            if not candidates:
                continue
            _, mention = min(candidates, key=lambda c: c[0])
            if rule.attribute == "age" and not age_holder(match.start() + base, match.end() + base, mention, state):
                continue
            subject = state.ent_of_mention(mention)
            raw = match.group("value").strip()
            value: str | int | None = raw
            if rule.attribute == "age":
                value = normalize_age(raw)
            elif rule.value_type == "country":
                value = rules.demonyms.get(raw.lower()) or rules.countries.get(raw.lower())
            elif rule.value_type == "name":
                raw = re.sub(r"(?:['’]s|[.,;:'’\"”])+$", "", raw)
                value = raw
                end = start + len(raw)
                linked = state.canonical_for(raw)
                if raw == subject.name or raw in subject.name.split() or (linked and linked.canonical == subject.name):
                    continue
            elif rule.value_type == "quantity":
                value = normalize_quantity(raw)
            if value is None or value == "":
                continue
            token = state.doc.char_span(start, end, alignment_mode="expand")
            trigger = token[0] if token is not None and len(token) else sent.root
            yield Raw(subject, rule.attribute, value, rule.value_type, raw, start, end, rule.rule, trigger)


def age_holder(start: int, end: int, mention: "Mention", state: "Discourse") -> bool:
    """Whether an age phrase (characters `start`-`end`) may be the age of a named mention.

    Not when the phrase is a description of someone else: 'aged N' after a noun that is
    not the name ('a woman aged 34'); 'the N-year-old (NOUN)' that is neither the name's
    own noun phrase ('the 45-year-old X'), nor in apposition to it ('X, a 45-year-old
    teacher,'), nor its predicate ('X is a 45-year-old nurse'); nor any age in what
    the name's holder reports ('X said the 45-year-old was being treated'); an
    'N-year-old NOUN' is the age of that noun, never of a possessor or the sentence's
    subject ('X, 74, whose nine-year-old granddaughter survived').
    """
    doc = state.doc
    phrase = doc.char_span(start, end, alignment_mode="expand")
    named = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if phrase is None or named is None or not len(phrase):
        return True
    inside = {t.i for t in named}
    first = phrase[0]
    while first.is_space and first.i + 1 < len(doc):
        first = doc[first.i + 1]
    if first.lower_ in ("aged", "age"):
        before = doc[first.i - 1] if first.i > 0 else None
        # 'a woman aged 34': the age of the noun right before it (', aged 91' after a
        # comma is said of the clause's subject: 'died at her home in X, aged 91')
        if before is not None and before.pos_ in ("NOUN", "PROPN", "PRON") and before.i not in inside:
            return False
    root = phrase.root
    noun = root.head if root.dep_ in ("amod", "compound", "nummod") else root
    linked = {noun.i, noun.head.i if noun.dep_ == "appos" else -1}
    linked |= {c.i for c in noun.children if c.dep_ == "appos"}
    if noun.dep_ in ("attr", "acomp"):
        linked |= {c.i for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass")}
    if linked & inside or any(t.i in inside for t in noun.subtree if t.dep_ == "compound"):
        return True
    if noun.i != root.i and noun.pos_ == "NOUN":
        return False  # 'X, whose nine-year-old granddaughter ...': the age of the noun it modifies
    lex = state.rules.lexicon
    for ancestor in root.ancestors:
        if ancestor.pos_ == "VERB" and lemma(ancestor) in lex.say \
                and any(c.dep_ == "nsubj" and inside & {t.i for t in c.subtree} for c in ancestor.children):
            return False  # the age of someone the speaker talks about, not the speaker's
    determiner = doc[phrase.start - 1] if phrase.start > 0 else None
    return not (determiner is not None and determiner.lower_ in ("the", "this", "that"))
