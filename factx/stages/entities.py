"""Stage 2b, entities: rule-driven corrections of the model's entity spans.

Runs right after `ner`. Two parts:

1. Patterns of kind `entity_patterns` feed a spaCy `EntityRuler` that may
   overwrite the model's spans.
2. `repair_spans` applies general repairs, each a rule named in the code:

   - trim: a leading "the", web crumbs before a "/" "|" "•", and a trailing
     possessive or punctuation are not part of a name ("the Nad Ali" ->
     "Nad Ali", "Al-Shabaab’s" -> "Al-Shabaab");
   - join (`rules/entity_joins.yml`): a span, a connector and a following name
     are one name ("Islamic State" + "in the" + "Greater Sahara");
   - acronym join: a span followed by words and "(ACR)" or ", or ACR" whose
     initials spell ACR is one name ("... in the Greater Sahara (ISGS)");
   - split person: a single-word NORP span that is no demonym, right before a
     PERSON span, is the person's first name ("Karim" + "Haddad");
   - acronym definition: after "Full Name (ACR)" every ACR the model missed is
     an entity with the full name's label;
   - given name: a proper noun right before a PERSON span, outside any entity,
     is part of the name ("killed Karim" + "Haddad"), when the doc has POS tags.
   - split: a name never crosses a line break, a spaced dash, a quote mark or a
     comma ("Drone Attack\n\nPublish", "reporters,“We");
   - photo credit: "(Jane Roe/AP)" is a photographer and an agency;
   - edge words (`rules/entity_repairs.yml`): clock labels ("GMT", "PM CDT") are
     cut from either end of a span, and a span of nothing else is dropped;
   - roles: a person's span starts after the last capitalized role noun in it
     ("Rebel Leader Karim Haddad" -> "Karim Haddad");
   - headlines: a line written in Title Case (or capitals) is read again in sentence
     case, each capitalized word lowered when the body writes it in lower case, and
     its names are trimmed to the names the body uses ("Feared Rebel Leader Karim
     Haddad Dead" -> "Karim Haddad"); a headline span that matches nothing in the
     body and is made of common words is dropped;
   - common words: a one-word span at the start of a sentence that the tagger calls
     a common noun, adjective or verb is not a name ("Seismologists measured");
   - kickers: capitals that open a line and end at a colon ("MARKET HORROR: ...") are
     no name unless the document writes them as one; a place (a dateline) stays;
   - hashtags: "#KarimHaddad" is a mention of the name the body writes "Karim Haddad".
   - facilities: unmarked capitalized words ending in a facility word ("Ravnsborg
     International Airport") are a facility (FAC).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans as _filter_spans

from factx.stages import doc_text
from factx.stages.initialled import adjacent_people, initialled_names
from factx.names import (
    NameRules, acronym_letters, core_tokens, initialism_pattern, is_patronymic, name_rules, split_hashtag, words,
)
from factx.rules import RuleSet, load_rules

#: Labels of names: the repairs for names apply to these spans only.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART",
                         "LAW", "LANGUAGE"})

#: Tokens after which the rest of a span is a name (navigation crumbs, bullets).
_CRUMBS = frozenset({"/", "|", "•", "·", "»", "›", ">"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’", "'S", "’S"})
#: Endings of demonyms, for a NORP word not listed in `rules/demonyms.yml`.
_DEMONYM_ENDINGS = ("an", "ian", "ese", "ish", "i", "ic", "ch", "er", "ean")
_ACRONYM_AFTER = re.compile(r"\s*(?:\(\s*|,\s+or\s+)([A-Z][A-Za-z.]{1,9})\s*\)?")


@dataclass(frozen=True)
class EntityRules:
    """Rule data of this stage, compiled once per rule set."""

    names: NameRules
    #: (label, connectors, right labels, right words, left words, left inner words) per join rule
    joins: tuple[tuple[str, tuple[tuple[str, ...], ...], frozenset[str], frozenset[str], frozenset[str],
                       frozenset[str]], ...] = ()
    demonyms: frozenset[str] = frozenset()
    edge_words: frozenset[str] = frozenset()
    role_words: frozenset[str] = frozenset()
    headline_verbs: frozenset[str] = frozenset()
    facility_words: frozenset[str] = frozenset()  # "port", "airport" (entity_types.yml, FAC)
    organisation_nouns: frozenset[str] = frozenset()  # "company", "website": "X, a Swedish company"
    #: prefixes written in capitals before a name that decide its type: "MV", "PT" (entity_types.yml,
    #: rules marked `ignored`), as written -> label
    name_prefixes: dict[str, str] = field(default_factory=dict)
    #: Turkic patronymic words inside a person's name: "o'g'li", "uulu" (entity_repairs.yml)
    patronymics: frozenset[str] = frozenset()
    event_nouns: frozenset[str] = frozenset()  # head nouns of events.yml: "a bombing in X"


_CACHE: dict[str, EntityRules] = {}


def entity_rules(rules: RuleSet | None = None) -> EntityRules:
    """The `EntityRules` of a rule set (shipped rules by default), cached per version."""
    rules = rules if rules is not None else load_rules()
    if rules.version in _CACHE:
        return _CACHE[rules.version]
    joins = tuple(
        (rule["label"], tuple(tuple(c.lower().split()) for c in rule["connectors"]),
         frozenset(rule.get("right_labels", ())), frozenset(w.lower() for w in rule.get("right_words", ())),
         frozenset(w.lower() for w in rule.get("left_words", ())),
         frozenset(w.lower() for w in rule.get("left_contains", ())))
        for rule in rules.get("entity_joins"))
    where: dict[str, set[str]] = {"edge": set(), "person_head": set(), "headline_verb": set(),
                                  "apposed_organisation": set(), "patronymic": set()}
    for rule in rules.get("entity_repairs"):
        if rule["where"] not in where:
            from factx.errors import RuleError
            raise RuleError("entity_repairs", rule["id"], "where",
                            f"unknown place {rule['where']!r} (known: {', '.join(where)})")
        # edge words are matched as written (case tells "AM" from "am"); the others lowercase
        where[rule["where"]].update(w if rule["where"] == "edge" else _apostrophes(w.lower()) for w in rule["words"])
    nr = name_rules(rules)
    result = EntityRules(nr, joins, frozenset(w.lower() for w in rules.words("demonyms")),
                         frozenset(where["edge"]), frozenset(where["person_head"]),
                         frozenset(where["headline_verb"]),
                         frozenset(w for w, label in nr.suffix_types.items() if label == "FAC"),
                         frozenset(where["apposed_organisation"]),
                         {w: r["label"] for r in rules.get("entity_types") if r.get("ignored")
                          for w in r.get("prefixes", ())},
                         frozenset(where["patronymic"]),
                         frozenset(n.split()[-1].lower() for r in rules.get("events") for n in r.get("nouns", ())))
    _CACHE[rules.version] = result
    return result


def _trim(span: Span) -> Span | None:
    """Rule trim: crumbs, a leading "the", trailing possessives and punctuation."""
    doc, start, end = span.doc, span.start, span.end
    for i in range(end - 1, start - 1, -1):
        # a crumb separates words ("Home / World"), not letters ("RFE/RL")
        if doc[i].text in _CRUMBS and (i == 0 or doc[i - 1].whitespace_):
            start = i + 1
            break
    while start < end and (doc[start].lower_ == "the" or doc[start].is_punct or doc[start].is_space):
        start += 1
    # a possessive, a quote or the sentence's full stop is not part of the name
    while end > start and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_punct
                           or doc[end - 1].is_space):
        end -= 1
    if start >= end:
        return None
    if (start, end) == (span.start, span.end):
        return span
    return Span(doc, start, end, label=span.label_)


_BREAK_PUNCT = frozenset({",", "“", "”", '"', "‘", "«", "»", ";", "(", ")", "[", "]", "|"})
_DASHES = frozenset({"-", "–", "—", "--"})


def _pieces(span: Span) -> list[Span]:
    """Rule split: a name never crosses a line break, a spaced dash, a quote or a comma;
    a person's name ends at a possessive ("Haddad's Turkish fiancee")."""
    doc = span.doc
    cuts = []
    for token in span:
        if (token.is_space and "\n" in token.text) or token.text in _BREAK_PUNCT \
                or (token.text in _DASHES and token.i > 0 and doc[token.i - 1].whitespace_ and token.whitespace_):
            cuts.append(token.i)
        elif "\n" in token.whitespace_ or (span.label_ == "PERSON" and token.text in _POSSESSIVE
                                           and token.i < span.end - 1):
            cuts.append(token.i + 1)
    if not cuts:
        return [span]
    out, start = [], span.start
    for cut in cuts + [span.end]:
        if cut > start and any(t.text[:1].isupper() or t.text[:1].isdigit() for t in doc[start:cut]):
            out.append(Span(doc, start, cut, label=span.label_))
        start = cut + 1 if cut < span.end and (doc[cut].is_space or doc[cut].is_punct) else cut
    return out


_CREDIT_LEADS = frozenset({"photo", "photograph", "photographer", "credit", "image", "picture"})


def _credit(span: Span) -> list[Span] | None:
    """Rule photo credit: "(Jane Roe/AP)", "Photographer: Jane Roe/Bloomberg" name a
    photographer (PERSON) and an agency (ORG), not one name; None when the span is no
    credit. The letters of one name ("RFE/RL") are never split."""
    doc = span.doc
    slash = [t.i for t in span if t.text == "/" and not t.whitespace_ and t.i > span.start
             and not doc[t.i - 1].whitespace_]
    if len(slash) != 1:
        return None
    cut = slash[0]
    left, right = doc[span.start:cut], doc[cut + 1:span.end]
    before = doc[span.start - 1] if span.start > 0 else None
    lead = doc[span.start - 2] if span.start > 1 else None
    after = doc[span.end] if span.end < len(doc) else None
    credit = (before is not None and before.text == "(" and after is not None and after.text == ")") \
        or (before is not None and before.text == ":" and lead is not None and lead.lower_ in _CREDIT_LEADS)
    if not credit or not 2 <= len(left) <= 3 or not 1 <= len(right) <= 2 \
            or not all(t.is_alpha and t.text[:1].isupper() for t in [*left, *right]):
        return None
    return [Span(doc, left.start, left.end, label="PERSON"), Span(doc, right.start, right.end, label="ORG")]


def _edges(span: Span, er: EntityRules) -> Span | None:
    """Rule edge words and roles; None when nothing of a name is left."""
    doc, start, end = span.doc, span.start, span.end
    while start < end and (doc[start].text in er.edge_words or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].text in er.edge_words or doc[end - 1].is_space
                           or doc[end - 1].is_punct):
        end -= 1
    # lower-case words before a name are not part of it ("reporters We"), particles are
    while start < end - 1 and doc[start].text[:1].islower() and doc[start].lower_.rstrip("-") not in er.names.particles \
            and not doc[start].text.startswith(("al-", "el-", "bin", "ibn", "abu")):
        if not doc[start].whitespace_ and doc[start + 1].text in _DASHES:
            return None  # "anti-government": a word made of a name, not the name
        start += 1
    if start >= end or not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in doc[start:end]):
        return None  # "movement": a name has a capital or a digit somewhere
    if span.label_ == "PERSON" and end - start > 1:
        # the name starts after the last capitalized role noun ("Rebel Group Chief X")
        for i in range(end - 2, start - 1, -1):
            if doc[i].text[:1].isupper() and doc[i].lower_ in er.role_words:
                start = i + 1
                break
        # ... and ends before a capitalized headline verb ("X Killed in Raid")
        for i in range(start + 1, end):
            if doc[i].text[:1].isupper() and doc[i].lower_ in er.headline_verbs:
                end = i
                break
    if (start, end) == (span.start, span.end):
        return span
    return Span(doc, start, end, label=span.label_)


def _is_demonym(text: str, er: EntityRules) -> bool:
    lower = text.lower()
    return lower in er.demonyms or lower.endswith(_DEMONYM_ENDINGS)


def _join(spans: list[Span], er: EntityRules) -> list[Span]:
    """Rule join: LABEL span (ending in one of `left_words`, holding one of
    `left_contains`, when the rule has them) + connector + a name of `right_labels`, or
    capitalized words ending in one of `right_words`."""
    if not er.joins or not spans:
        return spans
    doc = spans[0].doc
    starts = {s.start: s for s in spans}
    out = list(spans)
    for span in spans:
        for label, connectors, right_labels, right_words, left_words, left_contains in er.joins:
            if span.label_ != label or (left_words and span[-1].lower_ not in left_words) \
                    or (left_contains and not any(t.lower_ in left_contains for t in span[1:-1])):
                continue
            for connector in connectors:
                p = span.end + len(connector)
                if p >= len(doc) or tuple(t.lower_ for t in doc[span.end:p]) != connector:
                    continue
                right = starts.get(p)
                if right is not None and right.label_ in right_labels:
                    out.append(Span(doc, span.start, right.end, label=label))
                    break
                if not connector:  # "Army Rangers": the capitalized word right after the span
                    if p < len(doc) and doc[p].text[:1].isupper() and doc[p].lower_ in right_words:
                        out.append(Span(doc, span.start, p + 1, label=label))
                        break
                    continue
                q = p
                while q < len(doc) and q < p + 4 and doc[q].is_title and doc[q].lower_ not in right_words:
                    q += 1
                if q > p and q < len(doc) and doc[q].lower_ in right_words:
                    out.append(Span(doc, span.start, q + 1, label=label))
                    break
    return out


def _acronym_join(spans: list[Span], er: EntityRules) -> list[Span]:
    """Rule acronym join: "X in the Y (ACR)" is one name when its initials spell ACR."""
    out = list(spans)
    for span in spans:
        if span.label_ not in ("ORG", "FAC", "EVENT"):
            continue
        doc = span.doc
        for k in range(span.end + 1, min(len(doc), span.end + 8)):
            token = doc[k]
            if token.text in ("(", ","):
                match = _ACRONYM_AFTER.match(doc_text(doc), token.idx)
                if not match:
                    break
                letters = acronym_letters(match.group(1))
                whole = initialism_pattern(doc[span.start:k].text, er.names)
                alone = initialism_pattern(span.text, er.names)
                if whole is not None and whole.fullmatch(letters) \
                        and not (alone is not None and alone.fullmatch(letters)):
                    out.append(Span(doc, span.start, k, label=span.label_))
                break
            if token.is_punct or token.is_sent_start:
                break
    return out


def _unlabelled_definitions(doc: Doc, spans: list[Span], er: EntityRules) -> list[Span]:
    """Capitalized words right before "(ACR)" whose initials spell ACR, that the model
    did not mark, are an organisation ("... said National Border Authority (NBA)")."""
    ends = {s.end for s in spans}
    covered = {i for s in spans for i in range(s.start, s.end)}
    out = []
    texts, _ = _words_of(doc)
    for k in range(1, len(doc) - 2):
        if texts[k] != "(" or k in ends or not texts[k + 2] == ")":
            continue
        letters = acronym_letters(doc[k + 1].text)
        if not (2 <= len(letters) <= 8 and doc[k + 1].text.replace(".", "").isupper()):
            continue
        for start in range(k - 1, max(-1, k - 9), -1):
            if start in covered or not (doc[start].is_title or doc[start].lower_ in er.names.stopwords):
                break
            pattern = initialism_pattern(doc[start:k].text, er.names)
            if doc[start].is_title and pattern is not None and pattern.fullmatch(letters):
                out.append(Span(doc, start, k, label="ORG"))
                break
    return out


def _defined_acronyms(doc: Doc, spans: list[Span], er: EntityRules) -> list[Span]:
    """Rule acronym definition: after "Full Name (ACR)" or "Full Name, or ACR", every
    occurrence of ACR the model missed is a span with the full name's label."""
    defined: dict[str, str] = {}
    spans = spans + _unlabelled_definitions(doc, spans, er)
    for span in spans:
        match = _ACRONYM_AFTER.match(doc_text(doc), span.end_char)
        if match is None or len(span) < 2:
            continue
        letters = acronym_letters(match.group(1))
        pattern = initialism_pattern(span.text, er.names)
        if pattern is not None and pattern.fullmatch(letters):
            defined.setdefault(letters, span.label_)
    if not defined:
        return spans
    covered = {i for s in spans for i in range(s.start, s.end)}
    out = list(spans)
    for token in doc:
        if token.i in covered or not token.text[:1].isupper():
            continue
        label = defined.get(token.text) or defined.get(token.text.replace(".", ""))
        if label is not None and token.text.replace(".", "").isalpha():
            out.append(Span(doc, token.i, token.i + 1, label=label))
    return out


def _people(spans: list[Span], er: EntityRules) -> list[Span]:
    """Rules split person, given name and name goes on."""
    out = list(spans)
    by_end = {s.end: s for s in spans}
    covered = {i for s in spans for i in range(s.start, s.end)}
    lower: frozenset[str] | None = None
    for span in spans:
        if span.label_ != "PERSON":
            continue
        doc = span.doc
        before = by_end.get(span.start)
        # split person: "Karim/NORP Haddad/PERSON"
        if before is not None and before.label_ == "NORP" and len(before) == 1 \
                and before[0].is_title and not _is_demonym(before.text, er):
            out.append(Span(doc, before.start, span.end, label="PERSON"))
            continue
        # ... or two people with nothing between them: "Ana Sofia Ruiz/PERSON Vega/PERSON"
        if before is not None and before.label_ == "PERSON" and before[-1].whitespace_ == " " \
                and before[-1].is_alpha and span[0].is_title and span[0].is_alpha:
            out.append(Span(doc, before.start, span.end, label="PERSON"))
            continue
        if not doc.has_annotation("POS"):
            continue
        lower = _lowercase_words(doc) if lower is None else lower
        start, end = span.start, span.end
        # given name: a proper noun the model left out ("killed Karim Haddad"); at the start
        # of a sentence, where any word is capitalized, only before a name of two words or
        # more and a word the document never writes in lower case ("Ana| Sofia Ruiz, who")
        i = span.start - 1
        if i >= 0 and i not in covered and doc[i].pos_ == "PROPN" \
                and doc[i].is_title and not doc[i].is_stop \
                and doc[i].lower_.rstrip(".") not in er.names.honorifics and doc[i].lower_ not in er.role_words \
                and doc[i].whitespace_ == " " \
                and (not doc[i].is_sent_start or len(span) > 1 and _unmarked_token(doc[i], er, lower)):
            start = i
        elif i >= 0 and i not in covered and doc[i].is_title and doc[i].whitespace_ == " " \
                and "".join(words(doc[i].text)) in er.names.opening_family \
                and (len(span) == 2 or "".join(words(span[0].text)) in er.names.opening_middle):
            start = i  # the Vietnamese family name the model left out ("Tran| Van Khoa")
        # name goes on: proper nouns right after a person's name the model cut short ("mayor
        # Abdi Farah| Warsame said", "Rosa| Huaman Ccori, 54"), up to three, no word that
        # makes a name a place or a body, and not into a run of capitalized words
        j = span.end
        while j < len(doc) and j - span.end < 3 and j not in covered and doc[j - 1].whitespace_ == " " \
                and _unmarked_token(doc[j], er, lower) and doc[j].lower_ not in er.names.suffix_types:
            j += 1
        if j > span.end and (j == len(doc) or not doc[j].text[:1].isupper() or not doc[j - 1].whitespace_):
            end = j
        if (start, end) != (span.start, span.end):
            out.append(Span(doc, start, end, label="PERSON"))
    return out


def _particle_tail(doc: Doc, j: int, er: EntityRules) -> int:
    """The end of the particle-led words at token `j` that continue a name ("al-Karim",
    "bin Haddad", "el - Sayed" as tokens), or `j` when none starts there."""
    end = j
    while end < len(doc) and doc[end].lower_ in er.names.particles and doc[end].text[:1].islower():
        k = end + 1
        if k < len(doc) and doc[k].text in ("-", "‐") and not doc[end].whitespace_ and not doc[k].whitespace_:
            k += 1
        elif not doc[end].whitespace_ or "\n" in doc[end].whitespace_:
            break
        if k < len(doc) and doc[k].is_alpha and doc[k].text[:1].isupper() and not doc[k].is_upper:
            end = k + 1
        else:
            break
    return end


def _name_tails(spans: list[Span], er: EntityRules) -> list[Span]:
    """Rule name tail: a person's span the model ended before a particle-led word ("Karim
    al-Haddad" read as "Karim") takes it in."""
    covered = {i for s in spans for i in range(s.start, s.end)}
    out = []
    for span in spans:
        if span.label_ == "PERSON" and span.end < len(span.doc) and span.end not in covered \
                and span[-1].whitespace_ and "\n" not in span[-1].whitespace_:
            end = _particle_tail(span.doc, span.end, er)
            if end > span.end:
                span = Span(span.doc, span.start, end, label="PERSON")
        out.append(span)
    return out


def _unmarked_token(token, er: EntityRules, lower: frozenset[str]) -> bool:
    """A capitalized word the model left outside any name that may be a word of a
    name: a proper noun, no stop word, no title or role, no country or demonym
    ("Jordan" is a country before it is anyone's surname), never written in lower case."""
    return token.is_alpha and token.text[:1].isupper() and not token.is_upper and token.pos_ == "PROPN" \
        and not token.is_stop and token.lower_ not in lower and token.lower_ not in er.names.honorifics \
        and token.lower_ not in er.role_words and token.lower_ not in er.demonyms \
        and (token.lower_,) not in er.names.countries and len(token) > 1


def _repeated_people(doc: Doc, spans: list[Span], er: EntityRules) -> list[Span]:
    """Rule repeated names: a person the document names is a person wherever it writes
    that name again, or its last words ("Abu Haddad" after "Karim Abu Haddad"), when the
    model left those words unmarked; a proper noun right before such a surname the
    model missed is the given name ("warned Karim Haddad ... Haddad said"). Only on a
    tagged doc, and a one-word surname only where the tagger calls it a proper noun."""
    if not doc.has_annotation("POS"):
        return spans
    tails: set[tuple[str, ...]] = set()
    surnames: set[str] = set()
    for span in spans:
        if span.label_ != "PERSON":
            continue
        tokens = [t for t in span if t.lower_.rstrip(".") not in er.names.honorifics]
        texts = tuple(t.text for t in tokens)
        for k in range(len(texts)):
            head = texts[k]
            if head[:1].isupper() or (head.lower() in er.names.particles and k > 0):
                tails.add(texts[k:])
        if texts and texts[-1][:1].isupper():
            surnames.add(texts[-1])
    if not tails:
        return spans
    longest = max(map(len, tails))
    covered = {i for s in spans for i in range(s.start, s.end)}
    lower = _lowercase_words(doc)
    out = list(spans)
    i = 0
    doc_words, _ = _words_of(doc)
    while i < len(doc):
        found = 0
        if i not in covered and doc_words[i][:1].isupper():
            for k in range(min(longest, len(doc) - i), 0, -1):
                texts = tuple(doc_words[i:i + k])
                if texts in tails and not any(j in covered for j in range(i, i + k)) \
                        and "\n" not in doc[i:i + k].text \
                        and (k > 1 or _unmarked_token(doc[i], er, lower)):
                    found = k
                    break
        if not found:
            i += 1
            continue
        end = i + found
        after = doc[end] if end < len(doc) else None
        if after is not None and end not in covered and doc[end - 1].whitespace_ \
                and _unmarked_token(after, er, lower):
            i = end  # "Haddad Street": the name goes on with words of its own
            continue
        start = i
        before = doc[i - 1] if i > 0 else None
        if found == 1 and doc[i].text in surnames and before is not None and i - 1 not in covered \
                and before.whitespace_ == " " and _unmarked_token(before, er, lower):
            start = i - 1  # the given name the model missed
            if start > 0 and start - 1 not in covered and doc[start - 1].whitespace_ == " " \
                    and doc[start - 1].is_title and "".join(words(doc[start - 1].text)) in er.names.opening_family \
                    and "".join(words(doc[start].text)) in er.names.opening_middle:
                start -= 1  # ... and the Vietnamese family name before it ("Tran Van| Hung")
        out.append(Span(doc, start, end, label="PERSON"))
        covered.update(range(start, end))
        i = end
    return out


#: Words a Title Case headline may leave in lower case.
_SMALL_WORDS = frozenset("a an the and or but nor of in on at to for by with as from into onto over "
                         "after before vs via is are was were be its his her their per amid than "
                         "up off out".split())
_WORD = re.compile(r"[^\W\d_](?:[\w'’.-]*\w)?")

#: Reads a line of text with the model's NER: (start, end, label) per entity.
Reread = Callable[[str], list[tuple[int, int, str]]]


def title_case_lines(text: str) -> list[tuple[int, int]]:
    """Character ranges of the lines written in Title Case or in capitals (headlines,
    bylines): at least three words outside the small words, nearly all capitalized.

    >>> title_case_lines("Feared Rebel Leader Dead In Raid\\nThe raid was at night, police said.")
    [(0, 32)]
    """
    out, pos = [], 0
    for line in text.split("\n"):
        content = [w for w in _WORD.findall(line) if w.lower() not in _SMALL_WORDS]
        # (a line that ends with a full stop is a sentence, however capitalized)
        if len(content) >= 3 and sum(w[0].isupper() for w in content) >= 0.85 * len(content) \
                and not line.rstrip().endswith("."):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _body_words(text: str, skip: list[tuple[int, int]]) -> tuple[frozenset[str], frozenset[str]]:
    """Words the body (outside `skip`) writes in lower case, and those it writes in capitals."""
    lower: set[str] = set()
    upper: set[str] = set()
    pos = 0
    for start, end in skip + [(len(text), len(text))]:
        for word in _WORD.findall(text[pos:start]):
            if word[0].islower():
                lower.add(word)
                lower.update(p for p in word.split("-") if p)
            elif word.isupper() and len(word) > 1:
                upper.add(word)
        pos = end
    return frozenset(lower), frozenset(upper)


def sentence_case(line: str, lower_words: frozenset[str], upper_words: frozenset[str] = frozenset()) -> str:
    """A Title Case line as a sentence would write it: a capitalized word is lowered
    when the body writes it in lower case; a word in capitals is capitalized first,
    unless the body writes it in capitals too (an acronym). The text keeps its
    length, so offsets carry over.

    >>> sentence_case("Rebel Leader Karim Haddad Dead", frozenset({"rebel", "leader", "dead"}))
    'Rebel leader Karim Haddad dead'
    >>> sentence_case("NLF LEADER KARIM HADDAD", frozenset({"leader"}), frozenset({"NLF"}))
    'NLF leader Karim Haddad'
    """
    chars = list(line)
    first = True
    for match in _WORD.finditer(line):
        word = match.group(0)
        if word.isupper() and len(word) > 1 and "." not in word and word not in upper_words:
            word = word[0] + word[1:].lower()
        if not first and (word.lower() in lower_words or word.lower() in _SMALL_WORDS):
            word = word.lower()
        first = False
        chars[match.start():match.end()] = word
    return "".join(chars)


def _fold_key(span_text: str, er: EntityRules) -> tuple[str, ...]:
    return core_tokens(span_text, "", nr=er.names)


def _headlines(doc: Doc, spans: list[Span], er: EntityRules, reread: Reread | None) -> list[Span]:
    """Rule headlines: Title Case lines read in sentence case and linked to body names."""
    text = doc_text(doc)
    lines = title_case_lines(text)
    if not lines:
        return spans
    def inside(span: Span) -> tuple[int, int] | None:
        for start, end in lines:
            if start <= span.start_char and span.end_char <= end:
                return start, end
        return None
    body = [s for s in spans if inside(s) is None or s.label_ not in NAME_LABELS]
    body_keys = {_fold_key(s.text, er): s.label_ for s in body if s.label_ in NAME_LABELS}
    lower, upper = _body_words(text, lines)
    out = list(body)
    for start, end in lines:
        line_spans = [s for s in spans if start <= s.start_char and s.end_char <= end and s.label_ in NAME_LABELS]
        if reread is not None:
            found = []
            for a, b, label in reread(sentence_case(text[start:end], lower, upper)):
                span = doc.char_span(start + a, start + b, label=label, alignment_mode="expand")
                if span is None or label not in NAME_LABELS:
                    continue
                for piece in _pieces(span):  # "JANE ROE - New York Times News Service"
                    piece = _trim(piece)
                    piece = _edges(piece, er) if piece is not None else None
                    if piece is not None:
                        found.append(piece)
            line_spans = found
        named = [n for n in (_headline_name(s, body_keys, lower, er) for s in line_spans) if n is not None]
        out.extend(_byline(doc, named))
    return sorted(filter_spans(out), key=lambda s: s.start)


_BYLINE_GLUE = frozenset({",", "and", "&", "by", "By", "BY", "-", "–", "—", "|", ":"})


def _byline(doc: Doc, spans: list[Span]) -> list[Span]:
    """Rule byline: a line of nothing but names of two or three words joined by
    commas and "and" ("By Jane Roe and John Doe") names people."""
    if not spans:
        return spans
    line_start, line_end = spans[0].start, spans[-1].end
    covered = {i for s in spans for i in range(s.start, s.end)}
    while line_start > 0 and not doc[line_start - 1].is_space and "\n" not in doc[line_start - 1].whitespace_:
        line_start -= 1
    while line_end < len(doc) and not doc[line_end].is_space and "\n" not in doc[line_end - 1].whitespace_:
        line_end += 1
    rest = [t for t in doc[line_start:line_end] if t.i not in covered]
    if all(t.text in _BYLINE_GLUE or t.is_space for t in rest) and all(2 <= len(s) <= 3 for s in spans):
        return [Span(doc, s.start, s.end, label="PERSON") for s in spans]
    return spans


def _headline_name(span: Span, body_keys: dict[tuple[str, ...], str], lower: frozenset[str],
                   er: EntityRules) -> Span | None:
    """A headline span trimmed to the longest part of it the body names, else cut at
    headline verbs; None when it is only common words."""
    doc = span.doc
    best = None
    for i in range(span.start, span.end):
        for j in range(span.end, i, -1):
            if best is not None and j - i <= len(best):
                break
            key = _fold_key(doc[i:j].text, er)
            if key and key in body_keys:
                best = Span(doc, i, j, label=body_keys[key])
                break
    if best is not None:
        return best
    end = span.start
    while end < span.end and doc[end].lower_ not in er.headline_verbs:
        end += 1
    if end == span.start:
        return None
    span = Span(doc, span.start, end, label=span.label_) if end < span.end else span
    if all(t.lower_ in lower or t.lower_ in _SMALL_WORDS or not t.is_alpha for t in span):
        return None  # "Drone Attack": words the body writes in lower case
    return span


def _common_words(spans: list[Span], er: EntityRules) -> list[Span]:
    """Rule common words: a one-word span opening a sentence that the tagger calls a
    common noun, adjective, verb or pronoun ("Seismologists measured ...")."""
    out = []
    for span in spans:
        token = span[0]
        if len(span) == 1 and span.label_ in NAME_LABELS and token.doc.has_annotation("POS") \
                and not (span.label_ == "NORP" and _is_demonym(token.text, er)) and token.pos_ in ("NOUN", "ADJ", "VERB", "PRON", "ADV") \
                and (token.is_sent_start or token.i == 0 or token.doc[token.i - 1].is_space
                     or token.doc[token.i - 1].text in ("•", "-", "*", "“", '"')) and not token.is_upper:
            continue
        out.append(span)
    return out


def is_kicker(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a kicker: words in capitals that open a headline (a
    line that ends without a full stop) and end at a colon ("MARKET HORROR: chef
    stabbed"), which the text never writes as a name ("Market Horror") elsewhere. A
    dateline opens a paragraph, which ends with one ("LAGOS: Officials said ...").

    >>> is_kicker("STORM HORROR: teacher swept away", 0, 12), is_kicker("The STORM: no", 4, 9)
    (True, False)
    >>> is_kicker("LAGOS: Officials said on Monday that the road was open.", 0, 5)
    False
    """
    words = text[start:end]
    if not (any(c.isalpha() for c in words) and words.isupper() and (start == 0 or text[start - 1] == "\n")
            and text[end:].lstrip(" ").startswith(":") and words.title() not in text):
        return False
    line = text[end:].split("\n", 1)[0]
    return not re.search(r"[.!?][\"”’']*\s*$", line)


def _kickers(doc: Doc, spans: list[Span]) -> list[Span]:
    """Rule kickers: a tabloid's kicker ("MARKET HORROR: chef stabbed", `is_kicker`)
    is no name. A place stays: a dateline in capitals ("KARACHI: Police said") names
    where the report is from."""
    text = doc_text(doc)
    return [s for s in spans if s.label_ not in NAME_LABELS or s.label_ in ("GPE", "LOC", "NORP")
            or not is_kicker(text, s.start_char, s.end_char)]


def _hashtags(doc: Doc, spans: list[Span], er: EntityRules) -> list[Span]:
    """Rule hashtags: "#KarimHaddad" is a mention of the name the body writes apart."""
    if "#" not in doc_text(doc):
        return list(spans)  # no token holds a '#'
    keys = {_fold_key(s.text, er): s.label_ for s in spans if len(s) > 1 or " " in s.text}
    covered = {i for s in spans for i in range(s.start, s.end)}
    out = list(spans)
    for token in doc:
        if token.i in covered:
            continue
        if token.text == "#" and token.i + 1 < len(doc) and not token.whitespace_:
            start, word = token.i, "#" + doc[token.i + 1].text
            end = token.i + 2
        elif token.text.startswith("#") and len(token.text) > 2:
            start, word, end = token.i, token.text, token.i + 1
        else:
            continue
        split = split_hashtag(word)
        if " " not in split:
            continue
        label = keys.get(_fold_key(split, er))
        if label is not None and not any(i in covered for i in range(start, end)):
            out.append(Span(doc, start, end, label=label))
    return out


def _lowercase_words(doc: Doc) -> frozenset[str]:
    """Words the document writes in lower case somewhere (computed once per doc)."""
    found = doc.user_data.get("factx_lower")
    if found is None:
        texts, lowers = _words_of(doc)
        found = doc.user_data["factx_lower"] = frozenset(
            low for text, low in zip(texts, lowers) if text[:1].islower())
    return found


def _words_of(doc: Doc) -> tuple[list[str], list[str]]:
    """Each token's text and lower-cased form by index, read once per doc: the rules
    below look words up by index, and every `doc[i]` makes a new `Token`."""
    found = doc.user_data.get("factx_words")
    if found is None:
        tokens = list(doc)
        found = doc.user_data["factx_words"] = ([t.text for t in tokens], [t.lower_ for t in tokens])
    return found


def _titled_common_words(spans: list[Span], er: EntityRules) -> list[Span]:
    """Rule title + common words: "General Security" is no person when the document
    writes "security" in lower case; it is the name of an organisation."""
    out = []
    for span in spans:
        if span.label_ == "PERSON" and len(span) > 1 and span[0].lower_.rstrip(".") in er.names.honorifics:
            rest = [t for t in span[1:] if t.lower_.rstrip(".") not in er.names.honorifics]
            lower = _lowercase_words(span.doc)
            if rest and all(t.lower_ in lower for t in rest):
                span = Span(span.doc, span.start, span.end, label="ORG")
        out.append(span)
    return out


def _capital_family_name(doc: Doc, title: int, j: int) -> bool:
    """A family name in capitals right after a title, before a given name ("Colonel
    RAKOTO Fidy"): how French-speaking Africa and Madagascar write names officially."""
    return j == title + 1 and len(doc[j]) >= 4 and j + 1 < len(doc) and doc[j + 1].is_title \
        and doc[j + 1].is_alpha and doc[j].whitespace_ == " "


def _titled_names(doc: Doc, spans: list[Span], er: EntityRules) -> list[Span]:
    """Rule titled name: a person's title followed by capitalized words the model left
    unmarked is a person ("Dr Okonkwo said"), the title kept for civil and
    distinctive titles; words ending in a body's or a building's head word are that
    body or building, title and all ("Queen Amira Hospital": FAC)."""
    nr = er.names
    covered = {i for s in spans for i in range(s.start, s.end)}
    out = list(spans)
    texts, lowers = _words_of(doc)
    i = 0
    while i < len(doc) - 1:
        word = lowers[i].rstrip(".")
        if nr.honorific_types.get(word) != "PERSON" or i in covered or not texts[i][:1].isupper() \
                or not doc[i].whitespace_:
            i += 1
            continue
        j = first = i + 1
        if nr.distinctive.get(word) in nr.ranks and j + 2 < len(doc) and lowers[j] == "of" and texts[j + 1] == "Police":
            j = first = i + 3  # "Superintendent of Police Karim Bhatta" (South Asian police ranks)
        while j < len(doc) and j - first <= 2 and j not in covered and doc[j].is_alpha and doc[j].text[0].isupper() \
                and (not doc[j].is_upper or _capital_family_name(doc, i, j)) \
                and doc[j].lower_ not in nr.honorifics and not doc[j].is_stop \
                and doc[j].lower_ not in _lowercase_words(doc) \
                and "\n" not in doc[j - 1].whitespace_:
            j += 1
        if j > first and doc[j - 1].whitespace_ and "\n" not in doc[j - 1].whitespace_:
            j = _particle_tail(doc, j, er)  # "Lieutenant Karim al-Haddad"
        if first > i + 1 and any(lowers[k] in nr.suffix_types for k in range(first, j)):
            j = first  # "the Inspector of Police Academy": a body's name
        if j > first and (j == len(doc) or j not in covered):
            head = nr.suffix_types.get(doc[j - 1].lower_)
            if head in ("ORG", "FAC") and doc[j - 1].lower_ not in nr.ignored_suffixes:
                # "Princess Amira Hospital": a building or a body named after a person, title and all
                out.append(Span(doc, i, j, label=head))
            else:
                start = i if word in nr.written_titles and first == i + 1 else first
                out.append(Span(doc, start, j, label="PERSON"))
        i = j
    return out


_PLACE_NOUNS = frozenset({"town", "city", "village", "district", "province", "region", "port", "suburb",
                          "neighborhood", "neighbourhood", "capital", "area"})


#: Labels the model gives a place it does not know, as in "the town of Brey" (PRODUCT).
_NOT_PLACES = frozenset({"PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"})


def _places_of(doc: Doc, spans: list[Span], er: EntityRules | None = None) -> list[Span]:
    """Rule place of: capitalized words the model left unmarked, or took for a product
    or a work of art, after "the town of" are a place ("between Alton and the town of
    Brey"); so are unmarked capitalized words where an event happened ("a bombing in
    Tarvel", "the protests near Brey")."""
    by_start = {s.start: s for s in spans if s.label_ in _NOT_PLACES}
    out = [s for s in spans]
    _, lowers = _words_of(doc)
    # only a place noun followed by 'of' starts the rule
    candidates = [doc[i] for i in range(len(doc) - 2) if lowers[i] in _PLACE_NOUNS and lowers[i + 1] == "of"]
    events = er.event_nouns if er is not None else frozenset()
    happened = [doc[i] for i in range(len(doc) - 2) if lowers[i + 1] in ("in", "near", "outside")
                and (lowers[i] in events or (lowers[i].endswith("s") and lowers[i][:-1] in events))
                and doc[i].pos_ in ("NOUN", "PROPN", "")]
    for token in candidates:  # a place, not a product: relabelled before anything is covered
        named = by_start.get(token.i + 2)
        if token.lower_ in _PLACE_NOUNS and doc[token.i + 1].lower_ == "of" and named is not None \
                and all(t.is_title for t in named):
            out[out.index(named)] = Span(doc, named.start, named.end, label="GPE")
    covered = {i for s in out for i in range(s.start, s.end)}
    lower = _lowercase_words(doc)
    for token in candidates:
        if token.lower_ not in _PLACE_NOUNS or doc[token.i + 1].lower_ != "of":
            continue
        j = start = token.i + 2
        while j < len(doc) and j - start < 3 and j not in covered and doc[j].is_alpha \
                and doc[j].text[0].isupper() and not doc[j].is_stop and doc[j].lower_ not in lower:
            j += 1
        if j > start and (j == len(doc) or not doc[j].text[:1].isupper()):
            out.append(Span(doc, start, j, label="GPE"))
    headlines = title_case_lines(doc_text(doc)) if happened else []
    for token in happened:
        if any(a <= token.idx < b for a, b in headlines):
            continue  # "Drone Strike In Varnok Neighborhood": every word is capitalized there
        j = start = token.i + 2
        while j < len(doc) and j - start < 3 and j not in covered and doc[j].is_alpha \
                and doc[j].text[0].isupper() and not doc[j].is_stop and doc[j].lower_ not in lower:
            j += 1
        if j > start and (j == len(doc) or not (doc[j].text[:1].isupper() or doc[j].text in ("'s", "’s"))):
            out.append(Span(doc, start, j, label="GPE"))
    return out


def _airports(doc: Doc, spans: list[Span], er: EntityRules) -> list[Span]:
    """Rule facilities: capitalized words the model left unmarked that end in a
    capitalized facility word are a facility (FAC): "Stavanger's Ravnsborg
    International Airport". (A place followed by a facility word, "Bergen port", stays a
    place in the spans: `factx.stages.mentions.facility_names` gives the facility's name.)"""
    if not er.facility_words:
        return spans
    covered = {i for s in spans for i in range(s.start, s.end)}
    out = list(spans)
    _, lowers = _words_of(doc)
    for token in (doc[i] for i, low in enumerate(lowers) if low in er.facility_words):
        if token.i in covered or not token.text[:1].isupper() or token.lower_ not in er.facility_words:
            continue
        start = _title_words_before(doc, token.i, covered, 5)
        if start < token.i:
            out.append(Span(doc, start, token.i + 1, label="FAC"))
    return out


def _title_words_before(doc: Doc, i: int, covered: set[int], most: int) -> int:
    """Where a run of at most `most` capitalized words (no stop words, on the same line,
    outside `covered`) ends right before token `i` begins: the start of a name it heads."""
    start = i
    while start > 0 and i - start < most and start - 1 not in covered and doc[start - 1].is_title \
            and doc[start - 1].is_alpha and not doc[start - 1].is_stop and doc[start - 1].whitespace_ \
            and "\n" not in doc[start - 1].whitespace_:
        start -= 1
    return start


def filter_spans(spans: Iterable[Span]) -> list[Span]:
    """`spacy.util.filter_spans`: at once when the spans are in order and apart already,
    as each repair mostly hands them on (the same spans in the same order)."""
    spans = list(spans)
    if all(a.end <= b.start for a, b in zip(spans, spans[1:])) and all(s.end > s.start for s in spans):
        return spans
    return _filter_spans(spans)


def _apostrophes(text: str) -> str:
    return text.replace("‘", "'").replace("’", "'").replace("ʻ", "'").replace("`", "'")


def _patronymics(doc: Doc, spans: list[Span], er: EntityRules) -> list[Span]:
    """A name the model ends before a Turkic patronymic word ("Sherzod Anvar o'g'li
    Karimov" -> "Sherzod Anvar") goes on over it and over the capitalized word right
    after it (the family name), and is a person's: entity_repairs.yml `patronymic`."""
    if not er.patronymics:
        return spans
    out = []
    ends = {s.start: s for s in spans}
    drop: set[int] = set()
    for span in spans:
        end = span.end
        if span.label_ not in ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP") or end >= len(doc) \
                or _apostrophes(doc[end].lower_) not in er.patronymics or not doc[end - 1].whitespace_ \
                or "\n" in doc[end - 1].whitespace_ or not all(t.text[:1].isupper() for t in span):
            out.append(span)
            continue
        end += 1
        after = doc[end] if end < len(doc) else None
        if after is not None and doc[end - 1].whitespace_ and "\n" not in doc[end - 1].whitespace_ \
                and after.is_title and after.is_alpha and not after.is_stop:
            following = ends.get(end)
            end = following.end if following is not None and following.end - end == 1 else end + 1
            if following is not None:
                drop.add(following.start)
        out.append(Span(doc, span.start, end, label="PERSON"))
    out = [s for s in out if s.start not in drop]
    # a marker after capitalized words the model left unmarked: the name is there too
    covered = {i for s in out for i in range(s.start, s.end)}
    for token in doc[1:]:
        if token.i in covered or _apostrophes(token.lower_) not in er.patronymics:
            continue
        start = _title_words_before(doc, token.i, covered, 3)
        if token.i - start < 2:  # a given name and a father's name at least
            continue
        end = token.i + 1
        if end < len(doc) and token.whitespace_ and "\n" not in token.whitespace_ and end not in covered \
                and doc[end].is_title and doc[end].is_alpha and not doc[end].is_stop:
            end += 1
        out.append(Span(doc, start, end, label="PERSON"))
        covered.update(range(start, end))
    # an East Slavic patronymic after a given name the model left unmarked or typed as
    # something else ("Almaz Nurbekovich died", how Russian speakers are named politely), with
    # the family name after it
    def patronymic_name(span: Span) -> bool:
        return 2 <= len(span) <= 3 and all(t.is_title and t.is_alpha for t in span) \
            and is_patronymic(span[1].lower_, er.names) and span[0].lower_ not in er.names.honorifics
    out = [Span(doc, s.start, s.end, label="PERSON") if s.label_ != "PERSON" and patronymic_name(s) else s
           for s in out]
    for token in doc[1:]:
        i = token.i
        if i in covered or i - 1 in covered or not token.is_title or not token.is_alpha \
                or not is_patronymic(token.lower_, er.names) or not doc[i - 1].is_title \
                or not doc[i - 1].is_alpha or doc[i - 1].whitespace_ != " " or doc[i - 1].is_stop \
                or doc[i - 1].lower_ in er.names.honorifics:
            continue
        end = i + 1
        if end < len(doc) and token.whitespace_ == " " and end not in covered \
                and doc[end].is_title and doc[end].is_alpha and not doc[end].is_stop:
            end += 1
        out.append(Span(doc, i - 1, end, label="PERSON"))
        covered.update(range(i - 1, end))
    return out


_OPEN_QUOTES = frozenset({'"', "“", "‘", "'"})
_CLOSE_QUOTES = frozenset({'"', "”", "’", "'"})


def _nicknames(doc: Doc, spans: list[Span], er: EntityRules) -> list[Span]:
    """Rule nickname: a name with a nickname in quotes inside it ('Wichai "Tong" Srisuk', as
    Thai and other names are often written) is one person's name, whatever the model made of
    its parts; the nickname is no part of the name (`mentions.clean_name`)."""
    if not doc.has_annotation("POS"):
        return spans
    by_token = {i: s for s in spans for i in range(s.start, s.end)}

    def name_word(i: int) -> bool:
        span = by_token.get(i)
        token = doc[i]
        return token.is_alpha and token.is_title and not token.is_stop \
            and token.lower_ not in er.names.honorifics and token.lower_ not in er.role_words \
            and (span is not None and span.label_ in NAME_LABELS or token.pos_ == "PROPN")

    out = list(spans)
    for q in range(1, len(doc) - 3):
        if doc[q].text not in _OPEN_QUOTES or not doc[q - 1].whitespace_ or doc[q].whitespace_:
            continue
        close = next((c for c in range(q + 1, min(q + 6, len(doc))) if doc[c].text in _CLOSE_QUOTES), None)
        if close is None or close == q + 1 or not doc[close].whitespace_ or doc[close - 1].whitespace_ \
                or close + 1 >= len(doc) or "\n" in doc[q - 1:close + 1].text \
                or not all(t.is_title or t.text == "-" for t in doc[q + 1:close]):
            continue
        start, end = q, close + 1
        while start > 0 and start - q < 2 and name_word(start - 1) and doc[start - 1].whitespace_ == " ":
            start -= 1
        while end < len(doc) and end - close <= 2 and name_word(end) and doc[end - 1].whitespace_ == " ":
            end += 1
        if end > close + 1 and doc[end - 1].whitespace_ == " ":
            end = _particle_tail(doc, end, er)  # 'Paulo "Paulinho" Moreira da Rocha'
        if start < q and end > close + 1:
            out = [s for s in out if s.end <= start or s.start >= end]
            out.append(Span(doc, start, end, label="PERSON"))
    return out


def _legal_forms(doc: Doc, spans: list[Span], er: EntityRules) -> list[Span]:
    """Rule legal form: a company's legal form written after a comma ("Phuoc Loc Textile Co.,
    Ltd.", "Acme, Inc.") is part of its name, whatever the model made of it."""
    legal = {w for w, label in er.names.ignored_suffixes.items() if label == "ORG"}
    if not legal:
        return spans
    starts = {s.start: s for s in spans}
    out, skip = [], set()
    for span in spans:
        if span.start in skip:
            continue
        comma = span.end
        if span.label_ == "ORG" and comma + 1 < len(doc) and doc[comma].text == "," \
                and not doc[comma - 1].whitespace_ and doc[comma].whitespace_ == " ":
            end = comma + 1
            while end < len(doc) and "".join(words(doc[end].text)) in legal and doc[end].text[:1].isupper():
                end += 1
                if end < len(doc) and doc[end].text == "." and not doc[end - 1].whitespace_:
                    end += 1  # "Ltd" "." read as two tokens
            after = starts.get(comma + 1)
            if end > comma + 1 and (after is None or after.end <= end):
                if after is not None:
                    skip.add(after.start)
                span = Span(doc, span.start, end, label="ORG")
        out.append(span)
    return out


def _prefixed_names(doc: Doc, spans: list[Span], er: EntityRules) -> list[Span]:
    """A ship's or a company's prefix written in capitals before capitalized words
    (entity_types.yml rules marked `ignored`: "MV", "KM", "PT") begins the name and
    decides its type: "the KM Ocean Star sank" -> FAC "KM Ocean Star" (the model
    often leaves such names unmarked or calls them a person). Not after a number
    ("5 KM North"), nor on a Title Case line where every word is capitalized."""
    if not er.name_prefixes:
        return spans
    starts = {s.start: s for s in spans}
    covered = {i for s in spans for i in range(s.start, s.end)}
    out = list(spans)
    lines = None
    for token in doc[:-1]:
        label = er.name_prefixes.get(token.text)
        if label is None or token.i in covered or not token.whitespace_ or "\n" in token.whitespace_:
            continue
        if lines is None:
            lines = title_case_lines(doc_text(doc))
        if any(a <= token.idx < b for a, b in lines):
            continue
        if token.i > 0 and (doc[token.i - 1].like_num or doc[token.i - 1].is_upper and doc[token.i - 1].is_alpha):
            continue
        end = token.i + 1
        if end in starts and starts[end].label_ in NAME_LABELS:
            end = starts[end].end
        else:
            while end < len(doc) and end - token.i <= 4 and end not in covered and doc[end].is_title \
                    and doc[end].is_alpha and not doc[end].is_stop:
                end += 1
                if not doc[end - 1].whitespace_ or "\n" in doc[end - 1].whitespace_:
                    break
        # "the MS Society": a word that makes the name an organisation or a place decides
        if end > token.i + 1 and er.names.suffix_types.get(doc[end - 1].lower_, label) == label:
            out = [s for s in out if not (s.start == token.i + 1)]
            out.append(Span(doc, token.i, end, label=label))
    return out


#: Labels of names that may begin with "The" ("The Hague", "The Sun", "The Economist").
_THE_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "WORK_OF_ART"})


_APPOSITION_GOES_ON = frozenset({"that", "which", "based", "owned", "run", "founded", "headquartered", "in",
                                 "of", "with", "whose"})
_APPOSITION_STOP = frozenset({",", ".", ";", ":", "(", ")", "—", "–", "!", "?", "\"", "“", "”"})


def _apposed_organisations(doc: Doc, spans: list[Span], er: EntityRules) -> list[Span]:
    """Rule apposed organisation: proper nouns the model left unmarked, followed by an
    apposition that calls them an organisation ("sent by Acmetrack24, a Swedish
    internet-based service, ...") are an organisation (tagged docs only)."""
    if not er.organisation_nouns:
        return spans
    covered = {i for s in spans for i in range(s.start, s.end)}
    out = list(spans)
    i = 0
    while i < len(doc):
        token = doc[i]
        if i in covered or token.pos_ != "PROPN" or not token.text[:1].isupper():
            i += 1
            continue
        end = i
        while end < len(doc) and end - i < 4 and end not in covered and doc[end].pos_ == "PROPN" \
                and doc[end].text[:1].isupper() and "\n" not in doc[end].whitespace_:
            end += 1
        comma, article = end, end + 1
        if end < len(doc) - 2 and doc[comma].text == "," and doc[article].lower_ in ("a", "an", "the"):
            for j in range(article + 1, min(len(doc), article + 8)):
                if doc[j].text in _APPOSITION_STOP:
                    break
                if doc[j].lower_ in er.organisation_nouns and doc[j].pos_ == "NOUN":
                    # the head of the apposition: it ends there or goes on with a clause
                    # ("a company spokeswoman" is a person; "In X, the group met" no apposition)
                    if j + 1 == len(doc) or doc[j + 1].text in _APPOSITION_STOP \
                            or doc[j + 1].lower_ in _APPOSITION_GOES_ON:
                        out.append(Span(doc, i, end, label="ORG"))
                    break
        i = max(end, i + 1)
    return out


def _capital_the(spans: list[Span]) -> list[Span]:
    """Rule capital "The": a "The" written with a capital inside a sentence, right before
    a name, belongs to the name ("..., The Sun reports", "told The Economist"); the
    in-document name still drops it (`factx.stages.mentions.clean_name`). A "The" opening
    a sentence belongs to a name that ends a name the document writes with "The" inside
    a sentence ("... told The Nordic Times. The Times said")."""
    covered = {i for s in spans for i in range(s.start, s.end)}
    out, with_the = [], set()
    for span in spans:
        doc, i = span.doc, span.start - 1
        if span.label_ in _THE_LABELS and i > 0 and i not in covered and doc[i].text == "The" \
                and doc[i].whitespace_ == " " and not doc[i].is_sent_start \
                and (doc[i - 1].is_alpha or doc[i - 1].text == ",") and "\n" not in doc[i - 1].whitespace_:
            span = Span(doc, i, span.end, label=span.label_)
            with_the.add(tuple(t.lower_ for t in span[1:]))
        out.append(span)
    if not with_the:
        return out
    for n, span in enumerate(out):
        doc, i = span.doc, span.start - 1
        words = tuple(t.lower_ for t in span)
        if span.label_ in _THE_LABELS and i >= 0 and i not in covered and doc[i].text == "The" \
                and doc[i].whitespace_ == " " and (i == 0 or doc[i].is_sent_start) \
                and any(len(name) >= len(words) and name[-len(words):] == words for name in with_the):
            out[n] = Span(doc, i, span.end, label=span.label_)
    return out


def _titles(spans: list[Span], er: EntityRules) -> list[Span]:
    """Rule titles: a title of a `written` or distinctive honorifics rule (civil, police
    rank, military rank, religious title) written right before a person is part of the
    mention ("Mr Harlow", "Insp. Roe", "Mullah Karim"), as the document spells the person;
    political titles stay outside (they are roles)."""
    nr = er.names
    covered = {i for s in spans for i in range(s.start, s.end)}
    out = []
    for span in spans:
        start = span.start
        label = span.label_
        doc = span.doc
        if label != "PERSON" and len(span) <= 3 and start > 0 and start - 1 not in covered \
                and doc[start - 1].text[:1].isupper() and doc[start - 1].whitespace_ == " " \
                and doc[start - 1].lower_.rstrip(".") in nr.written_titles \
                and doc[start - 1].lower_.rstrip(".") not in nr.distinctive \
                and nr.honorific_types.get(doc[start - 1].lower_.rstrip(".")) == "PERSON" \
                and all(t.is_alpha and t.text[:1].isupper() for t in span):
            label = "PERSON"  # "Mr Selvaraman" the model called a place or a body
        if label == "PERSON":
            while start > 0 and start - 1 not in covered and "\n" not in doc[start - 1].whitespace_ \
                    and doc[start - 1].whitespace_:
                title = start - 1
                if doc[title].text == "." and title > 0 and not doc[title - 1].whitespace_:
                    title -= 1  # "Insp." read as two tokens
                if title in covered or not doc[title].text[:1].isupper() \
                        or "".join(words(doc[title].text)) not in nr.written_titles:  # "Brig.-Gen"
                    break
                start = title
        out.append(span if (start, label) == (span.start, span.label_) else Span(doc, start, span.end, label=label))
    return out


def repair_spans(doc: Doc, rules: EntityRules | RuleSet | None = None, *,
                 reread: Reread | None = None) -> list[Span]:
    """The doc's entity spans after the general repairs (no overlaps, in order).

    `reread` runs the model's NER over a line of text; headlines are read again with
    it in sentence case (without it, headline spans are only trimmed and linked).

    >>> import spacy
    >>> doc = spacy.blank("en")("He led Islamic State in the Greater Sahara.")
    >>> doc.ents = [Span(doc, 2, 4, "ORG"), Span(doc, 5, 8, "ORG")]
    >>> [(s.text, s.label_) for s in repair_spans(doc)]
    [('Islamic State in the Greater Sahara', 'ORG')]
    """
    er = rules if isinstance(rules, EntityRules) else entity_rules(rules)
    spans = []
    for span in doc.ents:
        if span.label_ not in NAME_LABELS:  # dates, times, quantities: only trimmed
            trimmed = _trim(span)
            if trimmed is not None:
                spans.append(trimmed)
            continue
        credit = _credit(span)
        if credit is not None:
            spans.extend(credit)
            continue
        for piece in _pieces(span):
            trimmed = _trim(piece)
            trimmed = _edges(trimmed, er) if trimmed is not None else None
            if trimmed is not None and trimmed.label_ == "PERSON" and any(t.is_digit for t in trimmed):
                continue  # "Mar 1", "2025" on a date line: no one's name holds a number
            if trimmed is not None:
                spans.append(trimmed)
    spans = sorted(filter_spans(spans), key=lambda s: s.start)
    spans = _headlines(doc, spans, er, reread)
    spans = _kickers(doc, spans)
    spans = _titled_common_words(spans, er)
    spans = _common_words(spans, er)
    spans = _join(spans, er)
    spans = _acronym_join(spans, er)
    spans = sorted(filter_spans(spans), key=lambda s: s.start)
    spans = _defined_acronyms(doc, spans, er)
    spans = _people(spans, er)
    spans = _patronymics(doc, sorted(filter_spans(spans), key=lambda s: s.start), er)
    spans = _name_tails(sorted(filter_spans(spans), key=lambda s: s.start), er)
    spans = _repeated_people(doc, sorted(filter_spans(spans), key=lambda s: s.start), er)
    spans = _legal_forms(doc, sorted(filter_spans(spans), key=lambda s: s.start), er)
    spans = _nicknames(doc, sorted(filter_spans(spans), key=lambda s: s.start), er)
    spans = adjacent_people(sorted(filter_spans(spans), key=lambda s: s.start), title_case_lines(doc.text))
    spans = _titles(sorted(filter_spans(spans), key=lambda s: s.start), er)
    if doc.has_annotation("POS"):  # only on a tagged doc: "Mr" before any capital is no evidence otherwise
        spans = _titled_names(doc, sorted(filter_spans(spans), key=lambda s: s.start), er)
        spans = _apposed_organisations(doc, sorted(filter_spans(spans), key=lambda s: s.start), er)
    spans = initialled_names(doc, sorted(filter_spans(spans), key=lambda s: s.start), er.names,
                             _lowercase_words(doc))
    spans = _places_of(doc, sorted(filter_spans(spans), key=lambda s: s.start), er)
    spans = _airports(doc, sorted(filter_spans(spans), key=lambda s: s.start), er)
    spans = _prefixed_names(doc, sorted(filter_spans(spans), key=lambda s: s.start), er)
    spans = _hashtags(doc, sorted(filter_spans(spans), key=lambda s: s.start), er)
    spans = _capital_the(sorted(filter_spans(spans), key=lambda s: s.start))
    spans = _not_names(doc, spans, er)
    return sorted(filter_spans(spans), key=lambda s: s.start)


def _not_names(doc: Doc, spans: list[Span], er: EntityRules) -> list[Span]:
    """Rule one-word spans that are no one's name (see `common_word_as_name`); a person
    that is a title or role word alone ("Colonel", "Minister") too."""
    name_words = person_name_words(spans)
    out = []
    for span in spans:
        if len(span) == 1 and span.label_ in NAME_LABELS:
            token = span[0]
            word = token.lower_.rstrip(".")
            if span.label_ == "PERSON" and (word in er.names.honorifics or word in er.role_words):
                continue  # a title or role alone: "Colonel", "Minister"
            if common_word_as_name(token, name_words, person=span.label_ == "PERSON"):
                continue
        out.append(span)
    return out


def person_name_words(spans: Iterable[Span]) -> frozenset[str]:
    """The lower-cased words of the document's person names of more than one word."""
    return frozenset(t.lower_ for s in spans if s.label_ == "PERSON" and len(s) > 1 for t in s)


def common_word_as_name(token: Token, name_words: frozenset[str], *, person: bool = True) -> bool:
    """Whether a capitalized word standing alone is a common word, not a name: a number
    word ("Sixteen dead in ...", "TWELVE people died"); and, for a person, a common noun
    shouted in capitals ("A GROOM was among ...": after an article, or a word the
    document also writes in lower case), or a headline's or sentence's first word the
    document writes in lower case elsewhere ("Priest drowned ..." beside "a Catholic
    priest"), unless it is a word of a longer person's name ("Rose" of "Jane Rose")."""
    if token.like_num and token.is_alpha:
        return True
    if not person:
        return False
    doc = token.doc
    word = token.lower_
    lower = _lowercase_words(doc)
    before = doc[token.i - 1].lower_ if token.i else ""
    if token.is_upper and len(token) > 2 and (before in ("a", "an", "the") or word in lower):
        return True
    starts = token.i == 0 or token.is_sent_start or "\n" in doc[token.i - 1].text_with_ws
    return starts and word in lower and word not in name_words


@Language.factory("factx_entities", default_config={"rules_dir": None},
                  requires=["doc.ents", "token.pos", "token.is_sent_start"], assigns=["doc.ents"])
def make_entities(nlp: Language, name: str, rules_dir: str | None):
    rules = load_rules(rules_dir)
    er = entity_rules(rules)
    patterns = [{"label": r["label"], "pattern": r["pattern"], "id": r["id"]}
                for r in rules.get("entity_patterns")]
    ruler = None
    if patterns:
        from spacy.pipeline import EntityRuler

        ruler = EntityRuler(nlp, name="factx_entity_ruler", overwrite_ents=True)
        ruler.add_patterns(patterns)

    def reread(text: str) -> list[tuple[int, int, str]]:
        # the model's own components up to its NER, over one line (a headline)
        sub = nlp.make_doc(text)
        for component_name, component in nlp.pipeline:
            if component_name.startswith("factx"):
                break
            sub = component(sub)
        return [(e.start_char, e.end_char, e.label_) for e in sub.ents]

    def entities_component(doc: Doc) -> Doc:
        if ruler is not None:
            doc = ruler(doc)
        doc.ents = repair_spans(doc, er, reread=reread if "ner" in nlp.pipe_names else None)
        return doc

    return entities_component
