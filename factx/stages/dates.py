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

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from factx.caseless import compile_folded, compile_folded_required, fold
from factx.stages import doc_text
from factx.stages.dates_fractions import fraction_of_quarter
from factx.stages.dates_reports import after_reports, report_date_at
from factx.records import TimexSpan
from factx.rules import load_rules
from factx.timex import (FROM_CONTEXT, bare_time, clock_reading, count_regex, is_age, lexicon, normalize,
                         use_rules, user_rules, verb_tense)

# Registered by factx/pipeline.py; done here too so that the stage works on its own.
for _name in ("article", "dates"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

__all__ = ["temporal_expressions", "dates_component", "detect", "timeml_parts", "governing_tense"]

NER_LABELS = ("DATE", "TIME")

# Words of ages and age bounds: "22-year-old", "aged 40", "40 years old", "6 months and
# older". An age itself is a duration (`AGES`); what merely touches one is not a date.
_AGE_PATTERN = (r"-year-old|\b(?:years?|months?|weeks?|days?)[- ]old\b|\baged?\b|-month-old|-week-old|"
                r"-day-old|\b(?:months|years) (?:and|or) (?:older|younger|over|under)\b")
_AGE = re.compile(_AGE_PATTERN, re.I)
# the same, matched on `caseless.fold`ed text: the fast form of a case-insensitive scan
_AGE_FOLDED = compile_folded(_AGE_PATTERN) or _AGE
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


#: Whether ages ("a 29-year-old pilot", "aged 29", "29 years old") are temporal
#: expressions, durations (P29Y). The TIDES guidelines, HeidelTime and SUTime mark them;
#: the TimeML keys of TempEval-3 and AQUAINT never do (0 of the 27 ages in their
#: development texts), and marking them costs 2.2 points of AQUAINT value F1 and 2.6 of
#: relaxed F1 (0.3 on TempEval-3; notes/issue-14.md, wave 2). Off: the expression is
#: normalized (`factx.timex.is_age`) but not reported.
AGES = False


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
        "SEASON": lex.alt("seasons"), "COUNT": count_regex(lex), "ZONE": lex.alt("zones"),
        "DAYSTART": lex.alt("day_start"), "HIJRI_MONTH": lex.hijri_alt(),
    }
    out = []
    for rule in load_rules(rules_dir or user_rules()).get("date_patterns"):
        pattern = rule["pattern"]
        for key, alt in words.items():
            pattern = pattern.replace("{" + key + "}", alt)
        folded, required = compile_folded_required(pattern)
        if folded is None:
            out.append((rule["id"], re.compile(pattern, re.I), False, None))
        else:
            out.append((rule["id"], folded, True, required))
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


def detect(text: str, *, ages: bool | None = None, folded: str | None = None) -> list[tuple[int, int, str]]:
    """Rule-based temporal expression spans of a text: (start, end, rule id); the
    `age` rule's only when `ages` (default `AGES`). `folded` is `fold(text)` when the
    caller has it.

    >>> detect("Prices are currently high.")
    [(11, 20, 'present-past-future')]
    """
    lex = lexicon()
    found: list[tuple[int, int, str]] = []
    folded = fold(text) if folded is None else folded
    ages = AGES if ages is None else ages
    for rule_id, pattern, on_folded, required in _patterns():
        if rule_id == "age" and not ages:
            continue
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
            if _numbered(text, start):
                continue  # "Clinic No. 4 in the morning": the number is part of a name
            # "now-frozen talks": an adjective, not the present
            if text[end:end + 1] == "-" and words and words[-1] in lex.references:
                continue
            found.append((start, end, rule_id))
    return found


# "No. 1", "Number 2", "Nr. 3", "#4": a number that names something (a hospital, a gate,
# a platform) rather than telling the time
_NUMBERED = re.compile(r"(?:\b(?:No|NO|Nos|Nr)\.?|\b(?:no|nos|nr)\.|\b[Nn]umber|#)\s*$")

def _numbered(text: str, start: int) -> bool:
    """A number that names something ("Clinic No. 4", "Pier #7"), not a time."""
    return text[start:start + 1].isdigit() and bool(_NUMBERED.search(text[max(0, start - 12):start]))


# Capitalised words that may stand before a weekday or a season without making a name.
_NOT_NAME = {"last", "next", "this", "on", "early", "late", "since", "until", "by", "before",
             "after", "from", "through", "every", "each", "that", "past", "coming", "mid",
             "the", "until", "till", "during", "in", "and", "or", "to", "of", "at"}


def _inside_name(text: str, start: int, end: int) -> bool:
    """A lone weekday or season inside a capitalised name: "Fox News Sunday", "Super
    Tuesday", "the Sunday Times", "British Summer Time", "the Arab Spring", "Summer
    Smith". A weekday beside a name is a date ("President Clinton Saturday vowed", "on
    Tuesday President Harlow said"): only the words of the `name_words` lexicon make it
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
    # "the March 14, 2017 raid", "the 20th century", "the 1990s": TimeML leaves the
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


#: The words of a verb group: its auxiliaries and its negation ("would not comment").
_GROUP_DEPS = ("aux", "auxpass", "neg")


def _group(verb) -> tuple[list, bool]:
    """A verb with its auxiliaries and negation, in order, and whether it is an infinitive; a
    conjoined verb without auxiliaries of its own shares its first verb's ("will
    arrive Monday and leave Tuesday")."""
    aux = [c for c in verb.children if c.dep_ in _GROUP_DEPS]
    if not aux and verb.dep_ == "conj" and verb.head.pos_ in _VERBS:
        aux = [c for c in verb.head.children if c.dep_ in _GROUP_DEPS]
    return sorted(aux + [verb], key=lambda t: t.i), any(t.tag_ == "TO" for t in aux)


def governing_tense(doc: Doc, start: int, end: int) -> str | None:
    """The tense of the verb that governs the expression at [start, end): its own
    auxiliaries and tag and the preposition that links them ("was planned for"), never
    another word of the sentence (`factx.timex.verb_tense`). An infinitive takes only a
    future cue from the verb it depends on ("plans to meet Friday"). A date after
    "since" is past. `FROM_CONTEXT` when the doc has no parse."""
    if not doc.has_annotation("DEP"):
        return FROM_CONTEXT
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None and span.root.head.lower_ == "since" and span.root.head.i != span.root.i:
        return "past"  # "since Friday", "the highest since March": whatever the verb
    if span is not None and span.root.dep_ != "pobj" and _declared_day(doc_text(doc), end):
        return "future"  # "declared Thursday a day of prayer": the declaring is past, the day ahead
    verb, prep = _governing_verb(doc, start, end)
    planned = _planned_for(span)
    if planned is not None:
        # a day set for a planned event: ahead, or by nearness after a past planning
        tense = _verb_group_tense(doc, span, verb, prep) if verb is not None else None
        return "future" if tense == "future" or planned else None
    return _verb_group_tense(doc, span, verb, prep) if verb is not None else None


@lru_cache(maxsize=4)
def _observance_re(rules_dir: str | None) -> re.Pattern[str]:
    words = "|".join(sorted((re.escape(w) for w in lexicon(rules_dir).observances), key=len, reverse=True))
    return re.compile(rf"\s+(?:as\s+)?an?\s+(?:[a-z]+\s+){{0,2}}?(?:{words})\b", re.I)


def _declared_day(text: str, end: int) -> bool:
    """Whether a date is followed by what it is declared ("Monday a day of mourning",
    "Friday as a public holiday"; the `observances` lexicon); never after a comma or a
    preposition ("on Monday, a day of protests" is an apposition)."""
    return bool(lexicon().observances) and bool(_observance_re(user_rules()).match(text, end))


def _verb_group_tense(doc: Doc, span, verb, prep) -> str | None:
    """The tense of the verb group that governs `span` (see `governing_tense`)."""
    if span is not None and _before_the_clause(verb, span.root):
        verb, prep = verb.head, None  # "said Monday the plane would land": Monday is the saying's
    bound = prep is not None and prep.lower_ in _BOUNDS
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
    tense = verb_tense([t.text for t in tokens], [t.tag_ for t in tokens], infinitive=infinitive)
    # a bound takes no past: "extended the deadline until Tuesday" says nothing of its
    # side; "will stay until Friday", "postponed until Tuesday", "runs through Sunday" do,
    # and so does a deadline given ("gave the government until Friday to respond")
    if bound and verb.lemma_ == "give" and prep.lower_ in ("until", "till", "til", "by"):
        return "future"
    if tense == "future" and any(t.lower_ == "would" for t in tokens) and _report_dated(verb):
        return None  # "said Monday the plane would land Tuesday": ahead of Monday, not of today
    return None if bound and tense not in ("future", "present") else tense


def _planned_for(span) -> str | None:
    """'future' for a day set for a planned event ("has called a rally for Tuesday",
    "a vote for Thursday", "scheduled the hearing for Friday", "plans a march on
    Sunday"): it lies ahead of the planning. When the planning is told in the past
    ("unions called a strike for Monday") the day is only after it, and nearness
    decides: ''. None when the expression is not such a day."""
    if span is None:
        return None
    words = lexicon().scheduling
    root = span.root

    def planned_object(verb) -> bool:
        return any(c.dep_ == "dobj" and words.get(c.lemma_.lower()) == "noun" for c in verb.children)

    if root.dep_ == "pobj" and root.head.lower_ == "for":
        head = root.head.head
        kind = words.get(head.lemma_.lower())
        if head.pos_ in ("NOUN", "PROPN") and kind == "noun":
            verb = head.head if head.dep_ in ("dobj", "nsubj", "nsubjpass") and head.head.pos_ in _VERBS else None
        elif head.pos_ in _VERBS and (kind in ("verb", "plan") or kind == "object" and planned_object(head)):
            verb = head
        else:
            return None
    elif root.dep_ == "npadvmod" or root.dep_ == "pobj" and root.head.lower_ == "on":
        # "planned a march on Sunday", "has scheduled a strike Monday"
        head = root.head if root.dep_ == "npadvmod" else root.head.head
        if head.pos_ in ("NOUN", "PROPN") and words.get(head.lemma_.lower()) == "noun" and head.dep_ == "dobj":
            head = head.head
        if head.pos_ not in _VERBS or words.get(head.lemma_.lower()) != "plan" or not planned_object(head):
            return None
        verb = head
    else:
        return None
    if verb is not None and verb.dep_ == "acl" and len(_group(verb)[0]) == 1:
        # "a service planned for Saturday was canceled", "a vote planned for Thursday
        # has been postponed": the planning has no tense of its own, and the day is
        # ahead only when the clause of its noun looks ahead ("is expected to draw")
        noun = verb.head
        if noun.dep_ not in ("dobj", "nsubj", "nsubjpass") or noun.head.pos_ not in _VERBS:
            return ""
        tokens, _ = _group(noun.head)
        tense = verb_tense([t.text for t in tokens], [t.tag_ for t in tokens])
        return "future" if tense in ("future", "present") else ""
    if verb is None:
        return "future"
    tokens, _ = _group(verb)
    return "" if verb_tense([t.text for t in tokens], [t.tag_ for t in tokens]) == "past" else "future"


def _before_the_clause(verb, word) -> bool:
    """Whether a word the parse gives to a reported clause stands between the reporting
    verb and the clause's subject ("said Monday the plane would land"): it is the
    report's, whatever the parse says."""
    if verb.dep_ != "ccomp" or verb.head.i == verb.i or not verb.head.i < word.i < verb.i:
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    return bool(subjects) and word.i < subjects[0].left_edge.i and word.head.i == verb.i


def _report_dated(verb) -> bool:
    """Whether the report a reported clause depends on has a date of its own ("said
    Monday (that) ..."): "would" then looks ahead from that day, which may be past."""
    if verb.dep_ != "ccomp" or verb.head.i == verb.i:
        return False
    for child in list(verb.head.children) + list(verb.children):
        if child.i == verb.i or child.head.i == verb.i and not _before_the_clause(verb, child):
            continue
        words = [child] + [g for g in child.children] if child.dep_ == "prep" else [child]
        if any(w.ent_type_ in ("DATE", "TIME") for w in words):
            return True
    return False


# Words after which a temporal adjective still names a time ("overnight into Wednesday",
# "overnight and on Wednesday"): without a parse, any other lower-case word after it is
# the noun it classifies ("an overnight train").
_AFTER_ADVERB = frozenset("""into to on in and or as at from before after when while with but the a an
    until till for by so then near across along over through under without since amid during again
    despite because amid if though although until than""".split())


def _classifies_noun(doc: Doc, text: str, start: int, end: int) -> bool:
    """A temporal adjective of the `adjectives` lexicon before the noun it classifies ("an
    overnight train", "the overnight shift"): no time of the story. With a parse, the word
    modifies a noun after it; without one, a lower-case word that is not a preposition,
    a conjunction or an -ing form follows it."""
    word = text[start:end].lower()
    if word not in lexicon().adjectives:
        return False
    if doc.has_annotation("DEP"):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span) == 1:
            token = span[0]
            return token.dep_ in ("amod", "compound", "nmod") and token.head.i > token.i \
                and token.head.pos_ in ("NOUN", "PROPN") and not token.head.text.endswith("ing")
    after = re.match(r"[ \t]+([a-z]+)\b", text[end:end + 30])
    return bool(after) and after.group(1) not in _AFTER_ADVERB and not after.group(1).endswith("ing")


def _a_verb(doc: Doc, start: int, end: int) -> bool:
    """One word the tagger reads as a verb: "communism would fall", "they may go"."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and len(span) == 1 and span[0].pos_ in ("VERB", "AUX")




def temporal_expressions(doc: Doc, anchor: str | None, *,
                         date_line: tuple[int, int] | None = None,
                         ages: bool | None = None) -> list[TimexSpan]:
    """Every temporal expression of `doc` with its TIMEX3 type and value.

    `anchor` is the publication date (ISO) that relative expressions resolve against;
    None keeps what it would fix unknown (XXXX). `date_line` is the character range of
    the page's date line the publication date was read from (`Article.date_line`):
    its clock ("Published: 07.29.21 , 09:40") is a time of that date. `ages` reports
    ages as durations (default `AGES`).

    >>> import spacy
    >>> doc = spacy.blank("en")("He was killed on Tuesday.")
    >>> [(t.text, t.value) for t in temporal_expressions(doc, "2019-10-08")]
    [('Tuesday', '2019-10-08')]
    """
    text = doc_text(doc)
    ages = AGES if ages is None else ages
    candidates: list[_Candidate] = []
    for ent in doc.ents:
        if ent.label_ not in NER_LABELS:
            continue
        start, end = _trim(text, ent.start_char, ent.end_char)
        if _AGE.search(ent.text) and not (ages and is_age(text[start:end])):
            continue
        if end > start and not _inside_name(text, start, end) and not _numbered(text, start):
            candidates.append(_Candidate(start, end, ent.label_, "ner"))
    # what touches an age is not a date: "a 22-year-old son", "6 months and older"
    folded = fold(text)
    age_words = [(m.start(), m.end()) for m in _AGE_FOLDED.finditer(folded)]
    for start, end, rule_id in detect(text, ages=ages, folded=folded):
        if rule_id == "age":
            candidates.append(_Candidate(start, end, "DATE", rule_id))
            continue
        if any(a <= end + 12 and start <= b for a, b in age_words if a >= start):
            continue
        candidates.append(_Candidate(start, end, "DATE", rule_id))
    candidates += _date_line_clocks(text, date_line)

    if doc.has_annotation("TAG"):
        candidates = [c for c in candidates if not _a_verb(doc, c.start, c.end)]
    candidates = [c for c in candidates if not _classifies_noun(doc, text, c.start, c.end)
                  and not fraction_of_quarter(text, c.start, c.end)]

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
    else:
        def anchor_at(start: int) -> str | None:
            return anchor
    reported = {c.start: at for c in kept if tenses[c.start] is None
                and (at := report_date_at(doc, c.start, c.end)) is not None}
    if reported:
        out = after_reports(out, reported, anchor_at)
    out = _restated_weekdays(text, out, anchor)
    out = _date_line_dates(text, out, date_line, anchor)
    return _after_midnight(text, _past_midnight(text, _days_of_bare_times(doc, text, out, anchor_at)))


# A clock that ends a stretch begun at another: "from 10 p.m. to 2 a.m.", "burned until 04:00"
_UNTIL = re.compile(r"\b(?:until|till|to|through)\s+(?:about\s+|around\s+|roughly\s+)?$|[-\u2013]\s*$", re.I)
_CLOCK_VALUE = re.compile(r"^((?:\d{4}|XXXX)-\d\d-\d\d)T(\d\d):(\d\d)$")


def _past_midnight(text: str, spans: list[TimexSpan]) -> list[TimexSpan]:
    """A clock that ends a stretch begun at an earlier clock of the same day, in the same
    sentence, and reads earlier than it, is on the next day: "the fire started at 23:55 on
    Tuesday and burned until 04:00" ends on Wednesday; "from 10 p.m. to 2 a.m." too."""
    out = list(spans)
    for i in range(1, len(spans)):
        start, end = out[i - 1], spans[i]
        a, b = _CLOCK_VALUE.match(start.value or ""), _CLOCK_VALUE.match(end.value or "")
        between = text[start.end:end.start]
        if a is None or b is None or a.group(1) != b.group(1) or not bare_time(end.text) \
                or len(between) > 80 or re.search(r"[.!?;]\s", between) or not _UNTIL.search(between):
            continue
        if (b.group(2), b.group(3)) < (a.group(2), a.group(3)) and re.fullmatch(r"\d{4}-\d\d-\d\d", b.group(1)):
            day = dt.date.fromisoformat(b.group(1)) + dt.timedelta(days=1)
            out[i] = replace(end, value=f"{day.isoformat()}T{b.group(2)}:{b.group(3)}")
    return out


# "shortly after midnight", "just past midnight", "since midnight"
_AFTER = re.compile(r"\b(?:after|past|since)\s+$", re.I)
_MIDNIGHT_VALUE = re.compile(r"^((?:\d{4}|XXXX)-\d\d-\d\d)T24:00$")


def _after_midnight(text: str, spans: list[TimexSpan]) -> list[TimexSpan]:
    """Midnight is the end of its day (TIMEX3 T24:00: "midnight on Tuesday", "just before
    midnight"), but after midnight is the start of one: "shortly after midnight on
    Wednesday" is early Wednesday, T00:00 (the stage gives a bare "midnight" its
    sentence's day, else the article's)."""
    out = []
    for span in spans:
        m = _MIDNIGHT_VALUE.match(span.value or "")
        if m and "midnight" in span.text.lower() and _AFTER.search(text, max(0, span.start - 12), span.start):
            span = replace(span, value=f"{m.group(1)}T00:00")
        out.append(span)
    return out


def _normalized(doc: Doc, text: str, kept: list[_Candidate], anchor_at, tenses: dict) -> list[TimexSpan]:
    """The candidates normalized left to right, each on the anchor `anchor_at` gives for
    its start, each chained on the last date named before it (a time of day without a
    day of its own is not: it takes its day later, `_days_of_bare_times`)."""
    out: list[TimexSpan] = []
    previous: str | None = None
    for cand in kept:
        span_text = text[cand.start:cand.end]
        told = "the " + span_text if _told_weekday(doc, text, cand.start, cand.end) else span_text
        result = normalize(told, anchor_at(cand.start), label=cand.label,
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
        if kind in ("DATE", "TIME") and value and re.match(r"\d{4}", value) and "/" not in value \
                and not bare_time(span_text):
            previous = value
    return out


def _told_weekday(doc: Doc, text: str, start: int, end: int) -> bool:
    """A bare weekday after "the" that modifies no noun ("early on the Tuesday", not
    "the Monday meeting"): one of the days the text tells, valued near the last date named."""
    if text[max(0, start - 4):start].lower() != "the " or text[start:end].strip(" .").lower() not in lexicon().weekdays:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not doc.has_annotation("TAG"):
        return False
    after = doc[span.end] if span.end < len(doc) else None
    return after is None or after.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM")


# ---- the day of a time of day ------------------------------------------------------------

# A day in a TIMEX3 value: 2019-09-22, XXXX-09-22, XXXX-WXX-7 (a weekday of an unknown week)
_DAY_VALUE = re.compile(r"^(?:\d{4}|XXXX)-(?:\d\d-\d\d|WXX-[1-7])(?=T|$)")
# A year or a month: a date too coarse to give a day
_COARSE_VALUE = re.compile(r"^(\d{4})(?:-(\d\d))?$")
# What stands between a clock and the clock in parentheses that converts it:
# "9:15 a.m. (0615 GMT)", "4pm local time (10pm, Manila time)", "3 p.m. EDT/1900 GMT"
_CONVERTS = re.compile(r"\s*[(/]\s*")


# The end of a sentence in a text without a parse (not "Mr." or "a.m." or "U.S.")
_SENTENCE_END = re.compile(r"(?<!\b[A-Z][a-z])(?<!\b[A-Za-z])[.!?][\"\u201d\u2019)]?\s+(?=[A-Z\"\u201c])")


def _sentence_bounds(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The sentence of a span: from the parse, else from its line and punctuation."""
    if doc.has_annotation("SENT_START"):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            return span.sent.start_char, span.sent.end_char
    text = doc_text(doc)
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    ends = [e for e in _sentence_ends(text, lo, start) if e <= start]
    later = [e for e in _sentence_ends(text, start, hi) if e >= end]
    return (ends[-1] if ends else lo), (later[0] if later else hi)


# "a.m." or "p.m." before a capitalised word: a sentence ends there unless the word
# goes on with the time ("9 a.m. Tuesday", "6 p.m. GMT")
_CLOCK_END = re.compile(r"\b[ap]\.m\.\s+([A-Z][a-z]*)")


def _sentence_ends(text: str, lo: int, hi: int) -> list[int]:
    lex = lexicon()
    ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, hi)]
    ends += [m.start(1) for m in _CLOCK_END.finditer(text, lo, hi)
             if m.group(1).lower() not in lex.weekdays and m.group(1).lower() not in lex.months
             and m.group(1).lower() not in lex.zones]
    return sorted(ends)


def _days_of_bare_times(doc: Doc, text: str, spans: list[TimexSpan], anchor_at) -> list[TimexSpan]:
    """A time of day that names no day ("9:15 a.m.", "0615 GMT", "in the early hours")
    is on the day its sentence names, the nearest when it names several ("at 6:18 a.m.
    on Sunday morning", "Pakistan on Monday confirmed ... in the early hours"), else on
    the article's day: never on a date named sentences before. A year or a month named
    in the sentence without a day keeps the day unknown within it, unless the article's
    day lies in it. A clock in parentheses after another ("9:15 a.m. (0615 GMT)") is the
    same instant: the day of the clock it converts, moved when midnight lies between
    the two (by the zones' offsets when both are known, else by the smaller gap)."""
    bare = [s.type in ("TIME", "DATE") and bare_time(s.text) for s in spans]
    if not any(bare):
        return spans
    out = list(spans)
    converts: dict[int, int] = {}
    for i, span in enumerate(spans):
        if bare[i] and i > 0 and clock_reading(span.text) and clock_reading(spans[i - 1].text) \
                and _CONVERTS.fullmatch(text[spans[i - 1].end:span.start]):
            converts[i] = i - 1
    for i, span in enumerate(spans):
        if not bare[i] or i in converts:
            continue
        lo, hi = _sentence_bounds(doc, span.start, span.end)
        others = [s for j, s in enumerate(spans) if j != i and not bare[j] and lo <= s.start and s.end <= hi
                  and s.type in ("DATE", "TIME") and s.value]
        days = [s for s in others if _DAY_VALUE.match(s.value)]
        day = None
        if days:
            nearest = min(days, key=lambda s: max(s.start - span.end, span.start - s.end))
            day = _DAY_VALUE.match(nearest.value).group(0)
        else:
            anchor = anchor_at(span.start)
            for s in others:
                coarse = _COARSE_VALUE.match(s.value)
                if coarse and not (anchor and anchor.startswith(s.value)):
                    day = f"{coarse.group(1)}-{coarse.group(2) or 'XX'}-XX"
                    break
            if day is None and not others:
                day = _told_day(doc, text, spans, bare, i, lo, anchor)
        if day is not None:
            out[i] = _on_day(span, day)
    for i, j in converts.items():
        out[i] = _converted(out[i], out[j])
    return out


#: How many sentences before its own a bare clock looks for the day the text is telling.
TOLD_DAY_SENTENCES = 3
#: ... and how many days from the article's a day it finds may lie to be the story's.
TOLD_DAY_RANGE = 7


def _told_day(doc: Doc, text: str, spans: list[TimexSpan], bare: list, i: int, lo: int,
              anchor: str | None) -> str | None:
    """The day a bare clock of a sentence that names no date is on, when the sentences just
    before it tell one: "... were killed in a crush on Saturday night, officials said on
    Sunday. A surge knocked people down at around 9:40 p.m." is Saturday's 9:40 p.m. The
    nearest day named in the TOLD_DAY_SENTENCES sentences before it, leaving out the day of a
    saying ("said on Sunday", "said in the early hours of Friday") or of a count's new figure
    ("the toll rose to 37 on Friday"), which dates the report, not the story. Only a day of the article's week (TOLD_DAY_RANGE days either side of a
    known anchor) is the story's: "He died on Sept. 11, 2001. The strike came at 6:18 a.m."
    keeps the clock on the article's day. None when there is none."""
    if not anchor or not _DAY.fullmatch(anchor[:10]):
        return None
    today = dt.date.fromisoformat(anchor[:10])
    start = lo
    for _ in range(TOLD_DAY_SENTENCES):
        if start <= 0:
            break
        end = start
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if end <= 0:
            break
        start = _sentence_bounds(doc, end - 1, end)[0]
    for j in range(i - 1, -1, -1):
        s = spans[j]
        if s.start >= lo or bare[j]:
            continue
        if s.start < start:
            break
        if s.type in ("DATE", "TIME") and s.value and _DAY_VALUE.match(s.value) \
                and re.match(r"\d{4}-\d\d-\d\d", s.value) \
                and abs((dt.date.fromisoformat(s.value[:10]) - today).days) <= TOLD_DAY_RANGE \
                and not _dates_a_saying(doc, text, s, counts=True):
            return _next_if_earlier(_DAY_VALUE.match(s.value).group(0), s.value, spans[i])
    return None


def _next_if_earlier(day: str, told: str, span: TimexSpan) -> str:
    """The told day, or the next when the clock reads earlier than the time told on it:
    "The blast was at 11 p.m. on Tuesday. Police came at 1 a.m." is Wednesday's 1 a.m.;
    so is a clock before 6 a.m. after "Tuesday night" or "Tuesday evening"."""
    reading = clock_reading(span.text)
    m = re.search(r"T(\d\d):(\d\d)$|T(NI|EV)$", told)
    if reading is None or m is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", day):
        return day
    later = reading[0] < int(m.group(1)) * 60 + int(m.group(2)) if m.group(1) else reading[0] < 6 * 60
    return (dt.date.fromisoformat(day) + dt.timedelta(days=1)).isoformat() if later else day


def _on_day(span: TimexSpan, day: str) -> TimexSpan:
    value = span.value or ""
    time = value[value.index("T"):] if "T" in value else ""
    return replace(span, value=day + time)


def _converted(span: TimexSpan, of: TimexSpan) -> TimexSpan:
    """A clock that converts another (same instant) on that clock's day, moved a day
    when midnight lies between them."""
    day = _DAY_VALUE.match(of.value or "")
    mine, theirs = clock_reading(span.text), clock_reading(of.text)
    if day is None or mine is None or theirs is None:
        return span
    delta = None
    if mine[1] is not None and theirs[1] is not None:
        utc = theirs[0] - theirs[1] * 60
        local = utc + mine[1] * 60
        if round(local) % 1440 == mine[0]:
            delta = int(local // 1440)
    if delta is None:  # the smaller gap: no two zones people convert between are 12 hours apart
        delta = min((-1, 0, 1), key=lambda d: abs(mine[0] + 1440 * d - theirs[0]))
    value = day.group(0)
    if delta and re.fullmatch(r"(?:\d{4}|XXXX)-\d\d-\d\d", value):
        year = value[:4]
        moved = dt.date.fromisoformat(("2000" if year == "XXXX" else year) + value[4:]) + dt.timedelta(days=delta)
        value = moved.isoformat() if year != "XXXX" else "XXXX" + moved.isoformat()[4:]
    elif delta:
        return span  # a weekday of an unknown week: no day to move
    return _on_day(span, value)


def _restated_weekdays(text: str, spans: list[TimexSpan], anchor: str | None) -> list[TimexSpan]:
    """A weekday restated by the date beside it, in parentheses, after a comma or a space
    ("on Friday (March 9)", "on Thursday 9 October"), is that date: both take the value of
    the two read together, where the weekday fixes the year; so does a clock on that
    weekday ("at 9:15 pm on Friday, 3 October")."""
    out = list(spans)
    for i in range(len(spans) - 1):
        first, second = spans[i], spans[i + 1]
        if first.type not in ("DATE", "TIME") or second.type != "DATE" or not first.value or not second.value:
            continue
        if not re.fullmatch(r"\s*(?:\(|,)?\s*", text[first.end:second.start]):
            continue
        # "at 9:15 pm on Friday, 3 October": the clock is on the date the weekday restates
        weekday = re.search(r"[A-Za-z]+\.?$", first.text) if first.type == "TIME" else None
        time = re.search(r"T.*$", first.value) if weekday else None
        if first.type == "TIME" and (time is None or weekday.group(0).strip(".").lower() not in lexicon().weekdays):
            continue
        day = first.value[:time.start()] if time else first.value
        if not re.fullmatch(r"(?:\d{4}|XXXX)-WXX-[1-7]|\d{4}-\d\d-\d\d", day) \
                or not re.fullmatch(r"(?:\d{4}|XXXX)-\d\d-\d\d", second.value) \
                or not re.fullmatch(r"[A-Za-z]+\.?", weekday.group(0) if weekday else first.text):
            continue
        both = normalize(f"{weekday.group(0) if weekday else first.text}, {second.text}", anchor)
        if both and re.fullmatch(r"(?:\d{4}|XXXX)-\d\d-\d\d", both[1]):
            out[i] = replace(first, value=both[1] + (time.group(0) if time else ""))
            out[i + 1] = replace(second, value=both[1])
    return out


# ---- the page's date line ------------------------------------------------------------------

_LINE_CLOCK = re.compile(r"(?<![\d:.])\d{1,2}:\d{2}(?:\s?[AaPp]\.?[Mm]\b\.?)?(?![\d:])")
_NUMERIC_DATE = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})")
#: A date line longer than this is a paragraph that opens with a dateline, not page furniture.
DATE_LINE_CHARS = 120


def _date_line_clocks(text: str, date_line: tuple[int, int] | None) -> list[_Candidate]:
    """The clocks of the page's date line ("Published: 07.29.21 , 09:40"): a bare
    "10:51" is a time there, where elsewhere it may be a score or a verse."""
    if not date_line or not 0 <= date_line[0] < date_line[1] <= len(text) \
            or date_line[1] - date_line[0] > DATE_LINE_CHARS:
        return []
    return [_Candidate(m.start(), m.end(), "TIME", "date-line")
            for m in _LINE_CLOCK.finditer(text, date_line[0], date_line[1])]


def _date_line_dates(text: str, spans: list[TimexSpan], date_line: tuple[int, int] | None,
                     anchor: str | None) -> list[TimexSpan]:
    """A numeric date in the page's date line is the publication date read from it when
    either order of its day and month gives that date ("03/02/2021" on a page whose
    dates are day first; "08.30.20"): the date line was read with the page's order."""
    if not date_line or not anchor:
        return spans
    out = []
    for span in spans:
        m = _NUMERIC_DATE.fullmatch(span.text)
        if m and date_line[0] <= span.start and span.end <= date_line[1]:
            a, b, year = int(m.group(1)), int(m.group(3)), m.group(4)
            readings = {f"{b:02d}-{a:02d}", f"{a:02d}-{b:02d}"}
            if anchor[5:10] in readings and anchor[:4].endswith(year):
                span = replace(span, type="DATE", value=anchor[:10])
        out.append(span)
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


def _counts_a_figure(verb) -> bool:
    """Whether a verb of the `count_updates` lexicon tells a count's figure: a number is its
    object, or the object of its "to"/"at"/"past"/"above" ("rose to 14", "stood at 30",
    "reached 100")."""
    if (verb.lemma_ or verb.text).lower() not in lexicon().count_updates:
        return False
    for child in verb.children:
        if child.dep_ == "dobj" and (child.like_num or any(c.dep_ == "nummod" for c in child.children)):
            return True
        if child.dep_ == "prep" and child.lower_ in ("to", "at", "past", "above", "over"):
            if any(g.dep_ == "pobj" and (g.like_num or any(c.dep_ == "nummod" for c in g.children))
                   for g in child.children):
                return True
    return False


def _dates_a_saying(doc: Doc, text: str, span: TimexSpan, *, counts: bool = False) -> bool:
    """Whether a date tells when something was said: it hangs on a reporting verb or
    a message noun in the parse ("said on Sunday", "in a tweet on Sunday", "Sunday's
    statement"), or, with `counts`, on a verb that tells a count's new figure ("the toll
    rose to 37 on Friday": the day of the count's report)."""
    say, nouns = _saying_words(user_rules())
    if doc.has_annotation("DEP"):
        found = doc.char_span(span.start, span.end, alignment_mode="expand")
        if found is None:
            return False
        token = found.root
        for step in range(3):
            if token.head.i == token.i:
                return False
            token = token.head
            word = (token.lemma_ or token.text).lower()
            # a count's day is the verb's own ("rose to 37 on Friday"), not a date of its
            # complement ("stood at 30 after Sunday's avalanche")
            figure = counts and step < 2 and (step == 0 or found.root.head.dep_ == "prep") \
                and _counts_a_figure(token)
            if token.pos_ in _VERBS and (word in say or figure) or token.pos_ == "NOUN" and word in nouns:
                return True
            if token.pos_ in _VERBS:
                return False
        return False
    return False  # without a parse, who said what when is not read


# What joins the two ends of a range: a word ("from 1985 to 1987", "between 1985 and
# 1987", "Monday through Wednesday") before a dash ("March 3-4", "1957-58").
_RANGE_WORD = re.compile(r"\s+(?:to|and|through|thru|until|till)\s+", re.I)
_RANGE_DASH = re.compile(r"\s*[-\u2013\u2014]\s*")
_RANGE_LEAD = re.compile(r"(?:from|between)\s+", re.I)


# A clock and its day joined by "on" or "at" ("05:15 local time on Friday", "Tuesday at
# 10 p.m."): TimeML marks the preposition as a signal between two TIMEX3s.
_CLOCK_ON_DAY = re.compile(r"(?i)(?P<a>.+?),?\s+(?P<joint>on|at)\s+(?P<b>.+)")
_TIME_DAY = re.compile(r"^((?:\d{4}|XXXX)-(?:\d\d-\d\d|WXX-[1-7]))T\d\d:\d\d$")


# "the night of 17 November": TimeML marks the date the night is named by, not the night
_NIGHT_OF = re.compile(r"(?i)(?:the\s+)?night\s+of\s+")
_NIGHT_VALUE = re.compile(r"^(\d{4}|XXXX)-\d\d-\d\dTNI$")


def timeml_parts(span: TimexSpan) -> tuple[TimexSpan, ...]:
    """The TIMEX3s of a span as TimeML marks them: a range is two, one per end, each
    with its own value ("between 1985 and 1987" is "1985" 1985 and "1987" 1987; "March
    3-4" is "March 3" and "4"); a clock and its day joined by "on" or "at" are two, the
    clock (TIME) and the day (DATE) ("23:40 on Tuesday"); a night named by its date is
    that date ("the night of 17 November" is "17 November", as AQUAINT marks "the night
    of Friday, Oct. 23"); any other span is itself. Facts keep the interval, the clock
    on its day and the night.

    >>> [(p.text, p.value) for p in timeml_parts(TimexSpan(0, 21, "between 1985 and 1987", "DATE", "1985/1987"))]
    [('1985', '1985'), ('1987', '1987')]
    >>> [(p.text, p.value) for p in timeml_parts(TimexSpan(0, 19, "9:40 p.m. on Friday", "TIME", "2024-05-03T21:40"))]
    [('9:40 p.m.', '2024-05-03T21:40'), ('Friday', '2024-05-03')]
    >>> [(p.text, p.value) for p in timeml_parts(TimexSpan(0, 21, "the night of 3 March", "TIME", "2024-03-03TNI"))]
    [('3 March', '2024-03-03')]
    """
    if span.type == "TIME":
        return _night_of(span) or _clock_and_day(span)
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


def _night_of(span: TimexSpan) -> tuple[TimexSpan, ...] | None:
    """The date of "the night of DATE" (one day, not "of 17-18 November"), else None."""
    lead = _NIGHT_OF.match(span.text)
    if lead is None or not _NIGHT_VALUE.match(span.value or "") or lead.end() == len(span.text) \
            or _RANGE_WORD.search(span.text, lead.end()) or _RANGE_DASH.search(span.text, lead.end()):
        return None
    return (TimexSpan(span.start + lead.end(), span.end, span.text[lead.end():], "DATE", span.value[:-3]),)


def _clock_and_day(span: TimexSpan) -> tuple[TimexSpan, ...]:
    """A TIME span that is a clock and a day joined by "on"/"at", as its two TIMEX3s."""
    day = _TIME_DAY.match(span.value or "")
    m = _CLOCK_ON_DAY.fullmatch(span.text)
    if day is None or m is None:
        return (span,)
    a, b = m.group("a"), m.group("b")
    clock, date = (a, b) if m.group("joint").lower() == "on" else (b, a)
    if clock_reading(clock) is None or not bare_time(clock) or bare_time(date):
        return (span,)
    # the day keeps its part of the day: "9:45 on Friday morning" is "9:45" and "Friday morning" (TMO)
    part = lexicon().parts.get(date.split()[-1].lower())
    date_type, date_value = ("TIME", f"{day.group(1)}T{part}") if part else ("DATE", day.group(1))
    first = TimexSpan(span.start, span.start + len(a), a, *(("TIME", span.value) if clock == a
                                                            else (date_type, date_value)))
    second = TimexSpan(span.start + m.start("b"), span.end, b, *(("TIME", span.value) if clock == b
                                                                 else (date_type, date_value)))
    return (first, second)


def dates_component(doc: Doc) -> Doc:
    """Write the document's normalized temporal expressions to `doc._.dates`."""
    article = doc._.article
    doc._.dates = temporal_expressions(doc, article.published if article else None,
                                       date_line=getattr(article, "date_line", None) if article else None)
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
