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
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from factx.stages import doc_text
from factx.names import NameRules, acronym_letters, initialism_pattern, name_rules
from factx.rules import RuleSet, load_rules

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
    joins: tuple[tuple[str, tuple[tuple[str, ...], ...], frozenset[str], frozenset[str]], ...] = ()
    demonyms: frozenset[str] = frozenset()


_CACHE: dict[str, EntityRules] = {}


def entity_rules(rules: RuleSet | None = None) -> EntityRules:
    """The `EntityRules` of a rule set (shipped rules by default), cached per version."""
    rules = rules if rules is not None else load_rules()
    if rules.version in _CACHE:
        return _CACHE[rules.version]
    joins = tuple(
        (rule["label"], tuple(tuple(c.lower().split()) for c in rule["connectors"]),
         frozenset(rule.get("right_labels", ())), frozenset(w.lower() for w in rule.get("right_words", ())))
        for rule in rules.get("entity_joins"))
    result = EntityRules(name_rules(rules), joins, frozenset(w.lower() for w in rules.words("demonyms")))
    _CACHE[rules.version] = result
    return result


def _trim(span: Span) -> Span | None:
    """Rule trim: crumbs, a leading "the", trailing possessives and punctuation."""
    doc, start, end = span.doc, span.start, span.end
    for i in range(end - 1, start - 1, -1):
        if doc[i].text in _CRUMBS:
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


def _is_demonym(text: str, er: EntityRules) -> bool:
    lower = text.lower()
    return lower in er.demonyms or lower.endswith(_DEMONYM_ENDINGS)


def _join(spans: list[Span], er: EntityRules) -> list[Span]:
    """Rule join: LABEL span + connector + a name of `right_labels`, or capitalized
    words ending in one of `right_words`."""
    if not er.joins or not spans:
        return spans
    doc = spans[0].doc
    starts = {s.start: s for s in spans}
    out = list(spans)
    for span in spans:
        for label, connectors, right_labels, right_words in er.joins:
            if span.label_ != label:
                continue
            for connector in connectors:
                p = span.end + len(connector)
                if p >= len(doc) or tuple(t.lower_ for t in doc[span.end:p]) != connector:
                    continue
                right = starts.get(p)
                if right is not None and right.label_ in right_labels:
                    out.append(Span(doc, span.start, right.end, label=label))
                    break
                q = p
                while q < len(doc) and q < p + 4 and doc[q].is_title:
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
    did not mark, are an organisation ("... said National Directorate of Security (NDS)")."""
    ends = {s.end for s in spans}
    covered = {i for s in spans for i in range(s.start, s.end)}
    out = []
    for k in range(1, len(doc) - 2):
        if doc[k].text != "(" or k in ends or not doc[k + 2].text == ")":
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
    """Rules split person and given name."""
    out = list(spans)
    by_end = {s.end: s for s in spans}
    covered = {i for s in spans for i in range(s.start, s.end)}
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
        # given name: a proper noun the model left out ("killed Karim Haddad")
        i = span.start - 1
        if i >= 0 and i not in covered and doc.has_annotation("POS") and doc[i].pos_ == "PROPN" \
                and doc[i].is_title and not doc[i].is_sent_start and not doc[i].is_stop \
                and doc[i].lower_.rstrip(".") not in er.names.honorifics \
                and doc[i].whitespace_:
            out.append(Span(doc, i, span.end, label="PERSON"))
    return out


def repair_spans(doc: Doc, rules: EntityRules | RuleSet | None = None) -> list[Span]:
    """The doc's entity spans after the general repairs (no overlaps, in order).

    >>> import spacy
    >>> doc = spacy.blank("en")("He led Islamic State in the Greater Sahara.")
    >>> doc.ents = [Span(doc, 2, 4, "ORG"), Span(doc, 5, 8, "ORG")]
    >>> [(s.text, s.label_) for s in repair_spans(doc)]
    [('Islamic State in the Greater Sahara', 'ORG')]
    """
    er = rules if isinstance(rules, EntityRules) else entity_rules(rules)
    spans = [t for t in (_trim(s) for s in doc.ents) if t is not None]
    spans = _join(spans, er)
    spans = _acronym_join(spans, er)
    spans = sorted(filter_spans(spans), key=lambda s: s.start)
    spans = _defined_acronyms(doc, spans, er)
    spans = _people(spans, er)
    return sorted(filter_spans(spans), key=lambda s: s.start)


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

    def entities_component(doc: Doc) -> Doc:
        if ruler is not None:
            doc = ruler(doc)
        doc.ents = repair_spans(doc, er)
        return doc

    return entities_component
