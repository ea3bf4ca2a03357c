"""The dates stage: every temporal expression of a document, normalized to TIMEX3.

Two detectors are merged: spaCy's DATE and TIME entities, and the regular expressions of
rules/dates_patterns.yml for what NER misses ("now", "currently", "annually", bare
weekdays, durations). Each span is normalized by `factx.timex.normalize` against the
article's publication date, with its sentence for tense cues and the last date named
before it for chains ("the next day").

`temporal_expressions(doc, anchor)` is the pure part that tests call; the registered
component `factx_dates` writes its result to `doc._.dates`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from factx.caseless import compile_folded, fold, required_strings
from factx.stages import doc_text
from factx.records import TimexSpan
from factx.rules import load_rules
from factx.timex import lexicon, normalize, use_rules, user_rules

# Registered by factx/pipeline.py; done here too so that the stage works on its own.
for _name in ("article", "dates"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

__all__ = ["temporal_expressions", "dates_component", "detect"]

NER_LABELS = ("DATE", "TIME")

# An age is not a time expression in TimeML: "22-year-old", "aged 40", "40 years old".
_AGE = re.compile(r"-year-old|\b(?:years?|months?|weeks?|days?)[- ]old\b|\baged?\b|-month-old|-week-old|"
                  r"-day-old|\b(?:months|years) (?:and|or) (?:older|younger|over|under)\b", re.I)
# TimeML extents leave out prepositions and leading punctuation that NER spans can hold.
_LEAD = re.compile(r"(?:on|in|at|since|by|until|till|from|during|for|of|as of|after|before|over|"
                   r"just|throughout|within)\s+", re.I)
# "two days later", "a month earlier": TimeML's extent is the duration; the rest is a signal
_SIGNAL = re.compile(r"(?<=[a-z])\s+(?:earlier|later|before|after|from now|hence|before that|"
                     r"after that|on)$", re.I)
_TRAIL = re.compile(r"[\s,.;:!?)\]\"\u201d]+$")
# A month or weekday word, checked for a capital letter in the text ("may", "march").
_WORD = re.compile(r"[A-Za-z]+")
# Words before a bare "May" that make it the month ("in May", not "May I").
_MAY_BEFORE = re.compile(r"\b(in|of|since|until|till|by|early|late|mid|last|next|this|during|"
                         r"from|through|to|before|after|between|and|or|around)\s*-?$", re.I)


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    label: str
    rule: str


@lru_cache(maxsize=4)
def _patterns(rules_dir: str | None = None) -> tuple[tuple[str, re.Pattern[str], bool, frozenset[str] | None], ...]:
    """The date_patterns rules with their {PLACEHOLDERS} expanded from the lexicon, each
    with whether it is compiled to match the `caseless.fold`ed text (the fast form of
    its case-insensitive match) rather than the text, and then the strings one of which
    the folded text must hold for it to match (None: no such strings)."""
    lex = lexicon()
    full_months = {k for k, v in lex.months.items()
                   if len(k) == max(len(w) for w, n in lex.months.items() if n == v)}
    words = {
        "MONTH": lex.alt("months"), "WEEKDAY": "(?:" + "|".join(
            sorted((w for w in lex.weekdays if len(w) > 4), key=len, reverse=True)) + ")",
        "MONTHNAME": "(?:" + "|".join(sorted(full_months, key=len, reverse=True)) + ")",
        "UNIT": lex.alt("units"), "NUMBER": lex.alt("numbers"), "PART": lex.alt("parts"),
        "SEASON": lex.alt("seasons"),
    }
    out = []
    for rule in load_rules(rules_dir or user_rules()).get("date_patterns"):
        pattern = rule["pattern"]
        for key, alt in words.items():
            pattern = pattern.replace("{" + key + "}", alt)
        folded = compile_folded(pattern)
        if folded is None:
            out.append((rule["id"], re.compile(pattern, re.I), False, None))
        else:
            out.append((rule["id"], folded, True, required_strings(folded)))
    return tuple(out)


def _capitalised(text: str, start: int, end: int) -> bool:
    """Month and weekday words must be capitalised: "march" and "may" are verbs."""
    lex = lexicon()
    for m in _WORD.finditer(text, start, end):
        word = m.group(0).lower()
        if (word in lex.months or word in lex.weekdays) and not m.group(0)[0].isupper():
            return False
    return True


def detect(text: str) -> list[tuple[int, int, str]]:
    """Rule-based temporal expression spans of a text: (start, end, rule id).

    >>> detect("Prices are currently high.")
    [(11, 20, 'present-past-future')]
    """
    lex = lexicon()
    found: list[tuple[int, int, str]] = []
    folded = fold(text)
    for rule_id, pattern, on_folded, required in _patterns():
        if required is not None and not any(s in folded for s in required):
            continue  # it cannot match: none of the words it needs is in the text
        for m in pattern.finditer(folded if on_folded else text):
            group = "t" if "t" in pattern.groupindex and m.group("t") else (
                "u" if "u" in pattern.groupindex and m.group("u") else 0)
            start, end = m.span(group)
            start, end = _trim(text, start, end)
            if end <= start or not _capitalised(text, start, end):
                continue
            words = text[start:end].lower().strip(". ").split()
            # a bare "May" is a month only after a preposition ("in May")
            if words == ["may"] and not _MAY_BEFORE.search(text[max(0, start - 12):start]):
                continue
            if _inside_name(text, start, end):
                continue
            # "now-frozen talks": an adjective, not the present
            if text[end:end + 1] == "-" and words and words[-1] in lex.references:
                continue
            found.append((start, end, rule_id))
    return found


# Capitalised words that may stand before a weekday or a season without making a name.
_NOT_NAME = {"last", "next", "this", "on", "early", "late", "since", "until", "by", "before",
             "after", "from", "through", "every", "each", "that", "past", "coming", "mid",
             "the", "until", "till", "during", "in", "and", "or", "to", "of", "at"}


def _inside_name(text: str, start: int, end: int) -> bool:
    """A lone weekday or season inside a capitalised name: "Fox News Sunday", "Super
    Tuesday", "British Summer Time", "the Arab Spring", "Summer Smith"."""
    lex = lexicon()
    word = text[start:end].strip(". ").lower()
    if word not in lex.seasons and word not in lex.weekdays or not text[start].isupper():
        return False
    if word in lex.seasons and re.match(r"\s+[A-Z]", text[end:end + 2]):
        return True
    before = re.search(r"(?:^|[^.!?\n]\s)([A-Z][\w'-]*)\s+$", text[max(0, start - 30):start])
    return bool(before) and before.group(1).lower() not in _NOT_NAME


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip surrounding spaces, trailing punctuation and leading prepositions."""
    span = text[start:end]
    m = _TRAIL.search(span)
    if m:
        # keep the period of an abbreviation ("Sept.", "p.m.")
        tail = span[m.start():]
        keep = 1 if tail.startswith(".") and re.search(r"(?:\b[a-z]\.[a-z]|\b[A-Z][a-z]{2,3})$", span[:m.start()]) else 0
        end = start + m.start() + keep
    signal = _SIGNAL.search(text, start, end)
    if signal and lexicon().units.get(text[start:signal.start()].split()[-1].lower()):
        end = signal.start()
    lead = _LEAD.match(text, start, end)
    while lead and lead.end() < end:
        start = lead.end()
        lead = _LEAD.match(text, start, end)
    # "the Sept. 23, 2019 raid", "the 20th century", "the 1990s": TimeML leaves the
    # article out of an absolute date (it belongs to the noun phrase around it)
    the = re.match(r"the\s+", text[start:end], re.I)
    if the:
        words = text[start + the.end():end].lower().split()
        first = words[0].strip(".,") if words else ""
        if (first in lexicon().months or re.fullmatch(r"\d{4}s?|'\d0s|\d{4}-\d\d", first)
                or (len(words) > 1 and words[1].startswith("centur"))):
            start += the.end()
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _context(doc: Doc, start: int, end: int) -> str:
    """The sentence of a span, or its line within 150 characters when there are none."""
    if doc.has_annotation("SENT_START"):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            return span.sent.text
    text = doc_text(doc)
    lo = max(text.rfind("\n", 0, start) + 1, start - 150)
    hi = text.find("\n", end)
    hi = min(hi if hi >= 0 else len(text), end + 150)
    return text[lo:hi]


def temporal_expressions(doc: Doc, anchor: str | None) -> list[TimexSpan]:
    """Every temporal expression of `doc` with its TIMEX3 type and value.

    `anchor` is the publication date (ISO) that relative expressions resolve against;
    None keeps what it would fix unknown (XXXX).

    >>> import spacy
    >>> doc = spacy.blank("en")("He was killed on Tuesday.")
    >>> [(t.text, t.value) for t in temporal_expressions(doc, "2019-10-08")]
    [('Tuesday', '2019-10-08')]
    """
    text = doc_text(doc)
    candidates: list[_Candidate] = []
    for ent in doc.ents:
        if ent.label_ not in NER_LABELS or _AGE.search(ent.text):
            continue
        start, end = _trim(text, ent.start_char, ent.end_char)
        if end > start and not _inside_name(text, start, end):
            candidates.append(_Candidate(start, end, ent.label_, "ner"))
    # ages are not dates, whatever the detector: "a 22-year-old son"
    ages = [(m.start(), m.end()) for m in _AGE.finditer(text)]
    for start, end, rule_id in detect(text):
        if any(a <= end + 12 and start <= b for a, b in ages if a >= start):
            continue
        candidates.append(_Candidate(start, end, "DATE", rule_id))

    # One span per stretch of text: of those that normalize, the longest (NER on ties).
    kept: list[_Candidate] = []
    order = sorted(candidates, key=lambda c: (-(c.end - c.start), c.rule != "ner", c.start))
    for cand in order:
        if any(cand.start < k.end and k.start < cand.end for k in kept):
            continue
        if normalize(text[cand.start:cand.end], anchor, label=cand.label) is None:
            continue
        kept.append(cand)
    kept.sort(key=lambda c: c.start)

    out: list[TimexSpan] = []
    previous: str | None = None
    for cand in kept:
        span_text = text[cand.start:cand.end]
        result = normalize(span_text, anchor, label=cand.label,
                           context=_context(doc, cand.start, cand.end), previous=previous)
        if result is None:
            continue
        kind, value = result
        out.append(TimexSpan(cand.start, cand.end, span_text, kind, value))
        # chains start from dates and times that name a year ("the next day")
        if kind in ("DATE", "TIME") and value and re.match(r"\d{4}", value) and "/" not in value:
            previous = value
    return out


def dates_component(doc: Doc) -> Doc:
    """Write the document's normalized temporal expressions to `doc._.dates`."""
    article = doc._.article
    doc._.dates = temporal_expressions(doc, article.published if article else None)
    return doc


@Language.factory("factx_dates", default_config={"rules_dir": None},
                  requires=["doc.ents", "doc._.article"], assigns=["doc._.dates"])
def make_dates(nlp: Language, name: str, rules_dir: str | None):
    """The dates stage; `rules_dir` adds a user's date rules to the shipped ones."""
    use_rules(rules_dir)
    _patterns.cache_clear()
    return dates_component
