"""The future of a dated report: "said Monday it would close the plant on Friday".

A day under "would" in a clause reported by a verb that carries its own date looks ahead
from the day of the report, not from the article's: what a report says would happen does
not happen before it was said. `governing_tense` gives such a day no tense (nearness to
the article's date decides); when that reading falls before the report's own day, the day
is read again from the report's day, looking ahead.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from factx.records import TimexSpan
from factx.timex import normalize

_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def report_date_at(doc: Doc, start: int, end: int) -> int | None:
    """The character offset of the date of the report that the "would" clause governing
    text[start:end] depends on ("said Monday (that) ... would ..."), else None (no parse,
    no "would", "would have", "would not", or an undated report)."""
    from factx.stages.dates import _before_the_clause, _governing_verb, _group

    if not doc.has_annotation("DEP"):
        return None
    verb, _ = _governing_verb(doc, start, end)
    span = doc.char_span(start, end, alignment_mode="expand")
    if verb is None or span is None or verb.dep_ != "ccomp" or verb.head.i == verb.i:
        return None
    if _before_the_clause(verb, span.root):
        return None  # "said Monday the plane would land": Monday is the saying's own day
    tokens, _ = _group(verb)
    words = [t.lower_ for t in tokens]
    if "would" not in words or "have" in words or any(t.dep_ == "neg" for t in tokens):
        return None
    for child in list(verb.head.children) + list(verb.children):
        if child.i == verb.i or child.head.i == verb.i and not _before_the_clause(verb, child):
            continue
        for word in [child, *child.children] if child.dep_ == "prep" else [child]:
            if word.ent_type_ in ("DATE", "TIME"):
                return word.idx
    return None


def after_reports(spans: list[TimexSpan], reported: dict[int, int], anchor_at) -> list[TimexSpan]:
    """`spans` with each day of a reported "would" clause (`reported`: its start -> the
    offset of its report's date) that reads before its report's day read again from that
    day, looking ahead."""
    out = list(spans)
    for i, span in enumerate(out):
        at = reported.get(span.start)
        if at is None or not _DAY.fullmatch(span.value or ""):
            continue
        report = next((s for s in out if s.start <= at < s.end), None)
        if report is None or not _DAY.match(report.value or "") or report.start == span.start:
            continue
        day = report.value[:10]
        if span.value >= day or day > (anchor_at(span.start) or day):
            continue
        result = normalize(span.text, day, label="DATE", tense="future")
        if result is not None and _DAY.fullmatch(result[1]) and result[1] >= day:
            out[i] = TimexSpan(span.start, span.end, span.text, result[0], result[1])
    return out
