"""Scoping, applied once to every family's facts: who said a claim (the tokens and
names of sources are found by `sources`), is it denied, hedged.

- Attribution is scoped to the clause its reporting verb governs: the source of a fact
  is the nearest reporting verb above its trigger ('Police said two were wounded, while
  staff said three died' gives each count its own source), a citation on that verb
  ('reported, citing a hospital official' → the official: the innermost source),
  'according to X' on the clause or the sentence, or the speaker of a quotation.
- Denial is scoped to what is denied: a denial verb above the trigger ('denied that X
  was killed', 'rejected reports that'), a negation on it ('has not been killed'), or a
  frame that denies by itself ('X is alive'); the denier is the source. A denial that
  points back ('denied the reports', 'dismissed them as propaganda', 'a claim refuted
  by X', 'later retracted the report') denies the facts of the event claim it refers
  to: the main clause of its sentence, else the last claim before it. A habitual or
  negated denial ('a history of denying such reports', 'did not deny') denies nothing.
- Hedging: a hedge on the path from the trigger up to its reporting verb.
- Descriptions inside a noun phrase (titles, ages) keep their polarity and modality.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Iterator

from spacy.tokens import Span, Token

from factx import attribution as attr
from factx.records import FactDraft
from factx.stages.attributes.base import (
    COUNT_ATTRIBUTES, DEATH_ATTRIBUTES, EVENT_ATTRIBUTES, NP_ATTRIBUTES, PERSON_PRONOUNS, Raw, Source,
)
from factx.stages.attributes.deaths import SUICIDE
from factx.stages.attributes.perpetration import presupposed_death
from factx.stages.attributes.referents import pronoun_referent
from factx.stages.attributes.registry import extractors
from factx.stages.attributes.sources import (  # speaker_memory: read through this module by discourse
    _headline_source, _role_holder_named, quote_speaker, resolve_source, source_token, speaker_memory,
)
from factx.stages.attributes.syntax import is_definite, lemma

if TYPE_CHECKING:
    from factx.stages.attributes.discourse import Discourse

CLAIM_ATTRIBUTES = frozenset(DEATH_ATTRIBUTES + EVENT_ATTRIBUTES)


# ---------------------------------------------------------------------------------------
# One fact


def _source_of(raw: Raw, sent: Span, state: "Discourse") -> Source | None:
    para_start, para_end = state.paragraph(sent, raw.trigger.idx)
    token = source_token(raw.trigger, state)
    if token is not None and not para_start <= token.idx < para_end:
        token = None  # a headline or bullet the parser ran into this sentence
    if token is not None and state.in_dateline(token.idx):
        token = None
    if token is None:
        token = quote_speaker(raw.trigger, state)
    if token is None:
        token = _headline_source(raw.trigger, state)
        holder = _role_holder_named(token, state) if token is not None else None
        if holder is not None:
            return holder
    if token is None and raw.via is not None:  # the same event told earlier: who told it then
        token = source_token(raw.via, state)
        via_start, via_end = state.paragraph(raw.via.sent, raw.via.idx)
        if token is not None and not via_start <= token.idx < via_end:
            token = None
    return resolve_source(token, state) if token is not None else None


def scope_fact(raw: Raw, sent: Span, state: "Discourse") -> FactDraft | None:
    """The draft of one raw fact, with its source, polarity and modality."""
    lex = state.rules.lexicon
    if raw.attribute in ("located_in", "name"):
        return _draft(raw, sent, state, None, "affirmed", "asserted")
    if title_case_denial(raw.trigger, state):
        return None
    source = _source_of(raw, sent, state)
    # a description inside a noun phrase ('X, a student leader, died') is neither denied
    # nor hedged with the clause around it
    described = raw.attribute in NP_ATTRIBUTES and raw.trigger.dep_ not in ("attr", "ROOT", "oprd")
    polarity = raw.polarity or "affirmed"
    if raw.speaker is not None:  # 'X ruled out an attack', 'X blamed Y for it': X says so
        source = resolve_source(raw.speaker, state) or source
    if raw.polarity is None and not described and not _presupposed(raw):
        denial = attr.denial_above(raw.trigger, lex)
        if denial is not None and attr.is_real_denial(denial, lex):
            polarity = "denied"
            denier = attr.denier_of(denial)
            source = (resolve_source(denier, state) if denier is not None else None) or source
        elif attr.negated(raw.trigger):
            polarity = "denied"
        else:
            corrected = attr.correction_above(raw.trigger, lex)
            if corrected is not None:  # an earlier report's claim, taken back by who corrects it
                polarity = "denied"
                found = [resolve_source(t, state) for t in (attr.subject_of(corrected), source_token(corrected, state))
                         if t is not None]
                source = next((f for f in found if f is not None), None) or source
    if polarity == "denied" and raw.attribute != "cause_of_death" and raw.rule.startswith(SUICIDE + "."):
        # 'X did not commit suicide in his cell': the manner is denied; the death, its
        # date and its place are granted
        return None
    hedged = not described and (attr.hedged(raw.trigger, lex) or raw.via is not None and attr.hedged(raw.via, lex))
    modality = "hedged" if hedged else "reported" if source is not None else "asserted"
    if source is not None and source.name == raw.subject.name and raw.attribute in DEATH_ATTRIBUTES \
            and polarity == "affirmed" and raw.subject.text.lower() in PERSON_PRONOUNS:
        # 'X's brother, Y, said he had been killed': whoever died, it is not the one speaking
        raw = _other_referent(raw, source, state)
        if raw is None:
            return None
    if source is not None and source.name == raw.subject.name:
        source = None  # 'X, a spokesman for Y, said': not a claim X makes about X
        modality = "hedged" if modality == "hedged" else "asserted"
    return _draft(raw, sent, state, source, polarity, modality)


def _other_referent(raw: Raw, speaker: Source, state: "Discourse") -> Raw | None:
    """The death's pronoun subject resolved again without its speaker, or None."""
    span = state.doc.char_span(raw.subject.start, raw.subject.end)
    if span is None or len(span) != 1:
        return None
    person = pronoun_referent(span[0], state, exclude=frozenset({speaker.name}))
    return replace(raw, subject=person) if person is not None else None


def title_case_denial(trigger: Token, state: "Discourse") -> bool:
    """A claim in a title-case headline after a word of denial ('Officials Deny
    Opposition Leader X Has Died'): the parser reads such a line as one long name, so
    neither who is denied nor what can be told; the body says it in sentence case."""
    text = state.text
    start = text.rfind("\n", 0, trigger.idx) + 1
    end = text.find("\n", trigger.idx)
    line = text[start:len(text) if end < 0 else end].strip()
    if not line or line[-1] in ".!?\"”" or len(line) > 160:
        return False
    words = re.findall(r"[A-Za-z][\w'’-]*", line[:trigger.idx - start])
    long_words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line) if len(w) > 3]
    if len(long_words) < 3 or sum(w[0].isupper() for w in long_words) < 0.8 * len(long_words):
        return False
    deny = state.rules.lexicon.deny
    return any(w.lower() in deny or stem in deny for w in words
               for stem in (w.lower()[:-1], w.lower()[:-2], w.lower()[:-3] + "y"))


def _presupposed(raw: Raw) -> bool:
    """An event's date or place given inside a definite noun phrase ('denied that the toll
    of the floods in X had reached N', 'denied that Y was killed in the raid in X'): both
    sides speak of that event there; what is denied is the toll or the death."""
    token = raw.trigger
    if raw.subject.label != "EVENT" or raw.attribute not in ("date", "place", "time") \
            or token.pos_ not in ("NOUN", "PROPN") or not is_definite(token):
        return False
    words = list(token.subtree)
    end = words[-1].idx + len(words[-1].text)
    if words[0].idx <= raw.start and raw.end <= end:
        return True
    # the parser may hang the place on the verb: 'denied that anyone died in the fire in X'
    between = token.doc.char_span(end, raw.start, alignment_mode="expand") if raw.start > end else None
    return between is not None and len(between) == 1 and between[0].pos_ == "ADP"


def _draft(raw: Raw, sent: Span, state: "Discourse", source: Source | None, polarity: str,
           modality: str) -> FactDraft | None:
    quote_start, quote_end = state.paragraph(sent, raw.trigger.idx)
    if raw.via is not None:  # the quote runs from (or to) the other mention of the event
        via_start, via_end = state.paragraph(raw.via.sent, raw.via.idx)
        quote_start, quote_end = min(quote_start, via_start), max(quote_end, via_end)
    if not (quote_start <= raw.start and raw.end <= quote_end):
        return None  # the value stands in another paragraph
    if not quote_start <= raw.subject.start <= quote_end and (
            raw.subject.text == raw.subject.name and raw.subject.start >= sent.start_char):
        return None  # the subject stands in another paragraph of the sentence
    return FactDraft(
        name=raw.subject.name, name_type=raw.subject.label, attribute=raw.attribute,
        value=raw.value, value_type=raw.value_type, value_text=raw.value_text,
        start=raw.start, end=raw.end, quote_start=quote_start, quote_end=quote_end,
        mention=raw.subject.text, rule=raw.rule, polarity=polarity, modality=modality,
        said_by=source.name if source else None, said_by_type=source.label if source else None,
        value_entity_type=raw.value_entity_type)


# ---------------------------------------------------------------------------------------
# The document


def scoped_facts(state: "Discourse") -> Iterator[FactDraft]:
    """Every fact of every family, scoped, in document order; then the denials that point
    back at a claim, after the sentence that makes them."""
    seen: set[tuple] = set()
    history: list[list[FactDraft]] = []  # event claims of earlier sentences, affirmed
    for sent in state.doc.sents:
        current: list[FactDraft] = []
        for extract in extractors():
            for raw in extract(sent, state):
                draft = scope_fact(raw, sent, state)
                if draft is None:
                    continue
                key = (draft.name, draft.attribute, draft.value, draft.quote_start, draft.polarity, draft.said_by)
                if key in seen:
                    continue
                seen.add(key)
                current.append(draft)
        yield from current
        for draft in pointing_denials(sent, state, current, history):
            key = (draft.name, draft.attribute, draft.value, draft.quote_start, draft.polarity, draft.said_by)
            if key not in seen:
                seen.add(key)
                yield draft
        claims = [f for f in current if f.attribute in CLAIM_ATTRIBUTES and f.polarity == "affirmed"]
        if claims:
            history.append(claims)


def pointing_denials(sent: Span, state: "Discourse", current: list[FactDraft],
                     history: list[list[FactDraft]]) -> Iterator[FactDraft]:
    """Denials of a claim made elsewhere (see the module docstring): for each fact of the
    claim, the same subject, attribute and value, denied, said by the denier, at the
    denial's word."""
    lex = state.rules.lexicon
    for verb, kind, denier_token in attr.pointing_denials(sent, lex):
        in_sentence = [f for f in current if f.attribute in CLAIM_ATTRIBUTES and f.polarity == "affirmed"
                       and f.start < verb.idx and not _under_offset(f, verb, sent)]
        if kind == "clause":
            if any(f.polarity == "denied" for f in current):
                continue  # the clause's own facts are denied already
            if not any((lemma(t) in state.rules.death_verbs or lemma(t) in state.rules.death_nouns)
                       and not presupposed_death(t, state.rules)
                       for c in verb.children if c.dep_ in ("ccomp", "xcomp") for t in c.subtree):
                continue
            # 'denying that a rebel leader had been killed': the last deaths of the document
            targets = next(([f for f in claims if f.attribute in DEATH_ATTRIBUTES]
                            for claims in reversed(history) if any(f.attribute in DEATH_ATTRIBUTES for f in claims)), [])
        elif kind == "main":  # 'X was killed, a claim refuted by Y': the sentence's own claim
            targets = [f for f in current if f.attribute in CLAIM_ATTRIBUTES and f.polarity == "affirmed"
                       and not (verb.sent.start_char <= f.start and _in_subtree(f, verb))]
        else:
            targets = in_sentence or (history[-1] if history else [])
        if kind == "count":
            targets = [f for f in (in_sentence or (history[-1] if history else []))
                       if f.attribute in COUNT_ATTRIBUTES]
        # a denial of a death denies the death, not the event it happened in; a denial of
        # a toll denies the toll
        deaths = [f for f in targets if f.attribute in DEATH_ATTRIBUTES and f.name_type != "EVENT"]
        targets = deaths or [f for f in targets if f.attribute in COUNT_ATTRIBUTES]
        source = resolve_source(denier_token, state) if denier_token is not None else None
        quote_start, quote_end = state.paragraph(sent, verb.idx)
        for fact in targets:
            said_by = source.name if source else fact.said_by if kind == "retract" else None
            said_type = source.label if source else fact.said_by_type if kind == "retract" else None
            if source is not None and fact.said_by == source.name and kind != "retract":
                continue
            yield replace(fact, start=verb.idx, end=verb.idx + len(verb.text), quote_start=quote_start,
                          quote_end=quote_end, rule=f"deny.backref:{fact.rule}", polarity="denied",
                          modality="reported", said_by=said_by, said_by_type=said_type)


def _in_subtree(fact: FactDraft, top: Token) -> bool:
    span = top.subtree
    tokens = list(span)
    return tokens[0].idx <= fact.start < tokens[-1].idx + len(tokens[-1].text)


def _under_offset(fact: FactDraft, verb: Token, sent: Span) -> bool:
    return _in_subtree(fact, verb)


according_source = attr.according_source

__all__ = ["scoped_facts", "scope_fact", "resolve_source", "speaker_memory", "source_token", "quote_speaker"]
