"""Facts of the `regex` family: a pattern over the sentence text with a `value` group
(aliases, ages, 'Egyptian-born'), given to the nearest mention of a label."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from spacy.tokens import Span

from factx.quantities import normalize_age, normalize_quantity
from factx.stages.attributes.base import Raw
from factx.stages.attributes.registry import Family, extractor, register

if TYPE_CHECKING:
    from factx.stages.attributes.discourse import Discourse

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
