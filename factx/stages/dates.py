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
from factx.timex import FROM_CONTEXT, count_regex, lexicon, normalize, use_rules, user_rules, verb_tense

# Registered by factx/pipeline.py; done here too so that the stage works on its own.
for _name in ("article", "dates"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

__all__ = ["temporal_expressions", "dates_component", "detect", "timeml_parts", "governing_tense"]

NER_LABELS = ("DATE", "TIME")

# An age is not a time expression in TimeML: "22-year-old", "aged 40", "40 years old".
_AGE = re.compile(r"-year-old|\b(?:years?|months?|weeks?|days?)[- ]old\b|\baged?\b|-month-old|-week-old|"
                  r"-day-old|\b(?:months|years) (?:and|or) (?:older|younger|over|under)\b", re.I)
# TimeML extents leave out prepositions and leading punctuation that NER spans can hold.
_LEAD = re.compile(r"(?:on|in|at(?! least\b| most\b)|since|by|until|till|from|during|for|of|as of|after|"
                   r"before|over|just|throughout|within)\s+", re.I)
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
        "SEASON": lex.alt("seasons"), "COUNT": count_regex(lex),
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


@lru_cache(maxsize=1)
def _count_at_end() -> re.Pattern[str]:
    return re.compile(rf"(?:{count_regex()})\s*$", re.I)


def _counted(before: str) -> bool:
    """Whether a count ends the words before a unit ("60 " of "60 Minutes")."""
    return bool(_count_at_end().search(before))


def _capitalised(text: str, start: int, end: int) -> bool:
    """Month and weekday words must be capitalised ("march" and "may" are verbs), and
    units and clock words must not be, inside a sentence: "CBS's 60 Minutes", "High
    Noon" are titles."""
    lex = lexicon()
    for m in _WORD.finditer(text, start, end):
        word = m.group(0).lower()
        if (word in lex.months or word in lex.weekdays) and not m.group(0)[0].isupper():
            return False
        if (word in ("noon", "midnight") or word in lex.units and _counted(text[start:m.start()])) \
                and _mid_sentence_capital(text, m.start()) and not m.group(0).isupper():
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
    Tuesday", "the Sunday Times", "British Summer Time", "the Arab Spring", "Summer
    Smith". A weekday beside a name is a date ("President Clinton Saturday vowed", "on
    Tuesday President Obama said"): only the words of the `name_words` lexicon make it
    part of one."""
    lex = lexicon()
    word = text[start:end].strip(". ").lower()
    if word not in lex.seasons and word not in lex.weekdays or not text[start].isupper():
        return False
    after = re.match(r" ([A-Z][a-z]+)", text[end:end + 20])
    if after and (lex.names.get(after.group(1).lower()) == "after weekday" if word in lex.weekdays
                  else after.group(1).lower() not in lex.months):
        return True  # "the Sunday Times", "Summer Smith"
    before = re.search(r"(?:^|[^.!?\n]\s)([A-Z][\w'-]*)\s+$", text[max(0, start - 30):start])
    if not before or before.group(1).lower() in _NOT_NAME:
        return False
    return word in lex.seasons or lex.names.get(before.group(1).lower()) == "weekday"


def _mid_sentence_capital(text: str, start: int) -> bool:
    """A capitalised word that does not open a sentence, a line or a quotation."""
    if not text[start:start + 1].isupper():
        return False
    before = text[max(0, start - 3):start].rstrip(" \t")
    return bool(before) and before[-1] not in ".!?:\n\"'\u201c\u2018(-\u2014"


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
    # "two days later" is the duration "two days"; "the day after" names a day
    if signal and lexicon().units.get(text[start:signal.start()].split()[-1].lower()) \
            and not re.fullmatch(r"(?i)(?:the|that)\s+\w+", text[start:signal.start()].strip()):
        end = signal.start()
    lead = _LEAD.match(text, start, end)
    # "at the time": the preposition belongs to a reference expression that needs it
    refs = lexicon().references
    while lead and lead.end() < end and not (text[start:end].lower() in refs
                                             and text[lead.end():end].lower() not in refs):
        start = lead.end()
        lead = _LEAD.match(text, start, end)
    # "the Sept. 23, 2019 raid", "the 20th century", "the 1990s": TimeML leaves the
    # article out of an absolute date (it belongs to the noun phrase around it)
    the = re.match(r"the\s+", text[start:end], re.I)
    if the:
        words = text[start + the.end():end].lower().split()
        first = words[0].strip(".,") if words else ""
        if (first in lexicon().months or re.fullmatch(r"\d{4}s?|'\d0s|\d{4}-\d\d", first)
                or (len(words) > 1 and words[1].startswith("centur"))
                or (first == "coming" and len(words) == 2)):  # "the coming months": FUTURE_REF
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


_VERBS = ("VERB", "AUX")


_VERBS = ("VERB", "AUX")
# Prepositions after which a date bounds a state rather than dates the verb: "extended
# the deadline until Tuesday", "must leave by Friday" say nothing of the date's side.
_BOUNDS = {"until", "till", "til", "by", "through", "before", "after"}


def _governing_verb(doc: Doc, start: int, end: int):
    """The verb an expression dates in the parse ("killed" for "on Tuesday" in "he was
    killed on Tuesday"), with the preposition between them (or None), reached through a
    preposition, an adjective or an adverb ("payable Jan. 2", "as soon as Tuesday").
    A date that modifies a noun ("the Jan. 14 deadline", "a rally on Saturday") dates
    the noun, not the clause: (None, None)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None, None
    token, prep = span.root, None
    for _ in range(4):
        if token.head.i == token.i:
            return None, None
        token = token.head
        if token.pos_ in _VERBS:
            return token, prep
        if token.pos_ == "ADP":
            prep = prep or token
        elif token.pos_ not in ("ADJ", "ADV", "SCONJ"):
            return None, None
    return None, None


def _group(verb) -> tuple[list, bool]:
    """A verb with its auxiliaries, in order, and whether it is an infinitive; a
    conjoined verb without auxiliaries of its own shares its first verb's ("will
    arrive Monday and leave Tuesday")."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if not aux and verb.dep_ == "conj" and verb.head.pos_ in _VERBS:
        aux = [c for c in verb.head.children if c.dep_ in ("aux", "auxpass")]
    return sorted(aux + [verb], key=lambda t: t.i), any(t.tag_ == "TO" for t in aux)


def governing_tense(doc: Doc, start: int, end: int) -> str | None:
    """The tense of the verb that governs the expression at [start, end): its own
    auxiliaries and tag and the preposition that links them ("was planned for"), never
    another word of the sentence (`factx.timex.verb_tense`). An infinitive takes only a
    future cue from the verb it depends on ("plans to meet Friday"). `FROM_CONTEXT` when
    the doc has no parse."""
    if not doc.has_annotation("DEP"):
        return FROM_CONTEXT
    verb, prep = _governing_verb(doc, start, end)
    if verb is None or (prep is not None and prep.lower_ in _BOUNDS):
        return None
    tokens, infinitive = _group(verb)
    if verb.dep_ == "acl" and len(tokens) == 1:
        return None  # a participle after its noun has no tense: "a service planned for Saturday"
    if infinitive:
        matrix = verb.head
        for _ in range(2):  # "is going to meet", "ready to leave": up to the verb
            if matrix.pos_ in _VERBS or matrix.head.i == matrix.i:
                break
            matrix = matrix.head
        if matrix.i != verb.i and matrix.pos_ in _VERBS:
            above, _ = _group(matrix)
            tokens = sorted(set(above) | set(tokens), key=lambda t: t.i)
    if prep is not None and prep.head.i == verb.i:
        tokens.append(prep)
    return verb_tense([t.text for t in tokens], [t.tag_ for t in tokens], infinitive=infinitive)


def _a_verb(doc: Doc, start: int, end: int) -> bool:
    """One word the tagger reads as a verb: "communism would fall", "they may go"."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and len(span) == 1 and span[0].pos_ in ("VERB", "AUX")


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

    if doc.has_annotation("TAG"):
        candidates = [c for c in candidates if not _a_verb(doc, c.start, c.end)]

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

    tenses = {c.start: governing_tense(doc, c.start, c.end) for c in kept}
    out = _normalized(doc, text, kept, lambda start: anchor, tenses)
    # quotations and posts that carry their own time speak from it
    own = _own_times(doc, text, out, anchor) if anchor else []
    if own:
        def anchor_at(start: int) -> str | None:
            return next((day for lo, hi, day in own if lo <= start < hi), anchor)
        out = _normalized(doc, text, kept, anchor_at, tenses)
    return out


def _normalized(doc: Doc, text: str, kept: list[_Candidate], anchor_at, tenses: dict) -> list[TimexSpan]:
    """The candidates normalized left to right, each on the anchor `anchor_at` gives for
    its start, each chained on the last date named before it."""
    out: list[TimexSpan] = []
    previous: str | None = None
    for cand in kept:
        span_text = text[cand.start:cand.end]
        result = normalize(span_text, anchor_at(cand.start), label=cand.label,
                           context=_context(doc, cand.start, cand.end), previous=previous,
                           tense=tenses[cand.start])
        if result is None:
            continue
        kind, value = result
        end = cand.end
        signal = _ANCHORED_SIGNAL.match(span_text)
        if signal:  # "the day after": the value counts the signal, the extent leaves it out
            end, span_text = cand.start + signal.start(1), span_text[:signal.start(1)]
        out.append(TimexSpan(cand.start, end, span_text, kind, value))
        # chains start from dates and times that name a year ("the next day")
        if kind in ("DATE", "TIME") and value and re.match(r"\d{4}", value) and "/" not in value:
            previous = value
    return out


_ANCHORED_SIGNAL = re.compile(r"(?i)^the (?:day|week|month|year)(\s+(?:before|after))$")


# A quotation within a paragraph: “…”, "…" or ``…''.
_QUOTATION = re.compile(r"\u201c[^\u201d\n]{8,}\u201d|\"[^\"\n]{8,}\"|``[^'\n]{8,}''")
# The signature line of an embedded post: "— Name (@handle) August 4, 2020".
_POST_SIGNATURE = re.compile(r"[\u2014\u2013]{1,2}[ \t]?[^()\n]{1,80}\(@\w{1,30}\)[ \t]*"
                             r"(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4})")
_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def _own_times(doc: Doc, text: str, dates: list[TimexSpan], anchor: str) -> list[tuple[int, int, str]]:
    """(start, end, day) of the stretches of text that speak from a day of their own: an
    embedded post signed with its date, and a quotation whose attribution outside it is
    dated to a day ("'... yesterday at 4.30pm,' he tweeted on Sunday", "In a statement
    on Sunday, she said: '...'"). Relative words inside resolve against that day."""
    found: list[tuple[int, int, str]] = []
    for m in _POST_SIGNATURE.finditer(text):
        value = normalize(m.group("date"), anchor)
        if value and _DAY.fullmatch(value[1]):
            para = text.rfind("\n\n", 0, m.start())
            found.append((para + 2 if para >= 0 else 0, m.start(), value[1]))
    for m in _QUOTATION.finditer(text):
        if any(lo <= m.start() < hi for lo, hi, _ in found):
            continue
        lo, hi = _attribution_window(doc, text, m.start(), m.end())
        spoken = [d for d in dates if lo <= d.start < hi and not m.start() <= d.start < m.end()
                  and d.value and _DAY.fullmatch(d.value) and _dates_a_saying(doc, text, d)]
        if spoken:
            day = min(spoken, key=lambda d: min(abs(d.start - m.end()), abs(m.start() - d.end)))
            found.append((m.start(), m.end(), day.value))
    return found


def _attribution_window(doc: Doc, text: str, start: int, end: int) -> tuple[int, int]:
    """The text a quotation's attribution may stand in: its sentences, and the one
    before when that one ends with a colon ("..., she said: 'It ...'")."""
    if doc.has_annotation("SENT_START"):
        first = doc.char_span(start, min(start + 1, len(text)), alignment_mode="expand")
        last = doc.char_span(max(end - 1, 0), end, alignment_mode="expand")
        if first is not None and last is not None:
            lo, hi = first.sent.start_char, last.sent.end_char
            before = text[:lo].rstrip()
            if before.endswith(":") and first.sent.start > 0:
                lo = doc[first.sent.start - 1].sent.start_char
            return lo, hi
    lo = max(text.rfind("\n", 0, start) + 1, start - 200)
    hi = text.find("\n", end)
    return lo, min(hi if hi >= 0 else len(text), end + 200)


@lru_cache(maxsize=4)
def _saying_words(rules_dir: str | None) -> tuple[frozenset[str], frozenset[str]]:
    """The reporting verbs and the message nouns of `rules/reporting.yml`."""
    from factx.attribution import Lexicon

    lex = Lexicon.from_rules(load_rules(rules_dir))
    return lex.say, lex.source_nouns


def _dates_a_saying(doc: Doc, text: str, span: TimexSpan) -> bool:
    """Whether a date tells when something was said: it hangs on a reporting verb or
    a message noun in the parse ("said on Sunday", "in a tweet on Sunday", "Sunday's
    statement")."""
    say, nouns = _saying_words(user_rules())
    if doc.has_annotation("DEP"):
        found = doc.char_span(span.start, span.end, alignment_mode="expand")
        if found is None:
            return False
        token = found.root
        for _ in range(3):
            if token.head.i == token.i:
                return False
            token = token.head
            word = (token.lemma_ or token.text).lower()
            if token.pos_ in _VERBS and word in say or token.pos_ == "NOUN" and word in nouns:
                return True
            if token.pos_ in _VERBS:
                return False
        return False
    return False  # without a parse, who said what when is not read


# What joins the two ends of a range: a word ("from 1985 to 1987", "between 1985 and
# 1987", "Monday through Wednesday") before a dash ("Sept. 22-23", "1957-58").
_RANGE_WORD = re.compile(r"\s+(?:to|and|through|thru|until|till)\s+", re.I)
_RANGE_DASH = re.compile(r"\s*[-\u2013\u2014]\s*")
_RANGE_LEAD = re.compile(r"(?:from|between)\s+", re.I)


def timeml_parts(span: TimexSpan) -> tuple[TimexSpan, ...]:
    """The TIMEX3s of a span as TimeML marks them: a range is two, one per end, each
    with its own value ("between 1985 and 1987" is "1985" 1985 and "1987" 1987; "Sept.
    22-23" is "Sept. 22" and "23"); any other span is itself. Facts keep the interval.

    >>> [(p.text, p.value) for p in timeml_parts(TimexSpan(0, 21, "between 1985 and 1987", "DATE", "1985/1987"))]
    [('1985', '1985'), ('1987', '1987')]
    """
    if span.type != "DATE" or not span.value or span.value.count("/") != 1:
        return (span,)
    first_value, second_value = span.value.split("/")
    text = span.text
    joint = _RANGE_WORD.search(text) or _RANGE_DASH.search(text)
    if joint is None or joint.start() == 0 or joint.end() == len(text):
        return (span,)
    lead = _RANGE_LEAD.match(text)
    first_start = lead.end() if lead and lead.end() < joint.start() else 0
    return (TimexSpan(span.start + first_start, span.start + joint.start(), text[first_start:joint.start()],
                      "DATE", first_value),
            TimexSpan(span.start + joint.end(), span.end, text[joint.end():], "DATE", second_value))


def dates_component(doc: Doc) -> Doc:
    """Write the document's normalized temporal expressions to `doc._.dates`."""
    article = doc._.article
    doc._.dates = temporal_expressions(doc, article.published if article else None)
    return doc


@Language.factory("factx_dates", default_config={"rules_dir": None},
                  requires=["doc.ents", "doc._.article", "token.dep", "token.head", "token.lemma", "token.pos",
                            "token.tag"],
                  assigns=["doc._.dates"])
def make_dates(nlp: Language, name: str, rules_dir: str | None):
    """The dates stage; `rules_dir` adds a user's date rules to the shipped ones."""
    use_rules(rules_dir)
    _patterns.cache_clear()
    return dates_component
