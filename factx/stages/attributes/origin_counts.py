"""How many nationalities an event's victims were of (`nationalities_count`): families
`origin_count` ('27 nationalities were among the dead') and `victim_noun` (the words
of the people an event struck, beside which 'from 27 countries' counts them)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from spacy.tokens import Span, Token

from factx.stages.attributes.base import Ent, Raw
from factx.stages.attributes.event_mentions import brought, event_at
from factx.stages.attributes.frames import frame_of
from factx.stages.attributes.participants import quantity_of
from factx.stages.attributes.registry import Family, extractor, register
from factx.stages.attributes.syntax import lemma, span_of, text_of
from factx.stages.attributes.tallies import words_of_family

if TYPE_CHECKING:
    from factx.stages.attributes.compiled import Compiled
    from factx.stages.attributes.discourse import Discourse

register(
    Family("origin_count", keys=("words", "attribute", "subject"), required=("words", "attribute"),
           doc="nouns that count where the victims came from: '27 nationalities were among the dead'; "
               "`subject: victims` when the noun counts them only beside a word of victims "
               "('from 27 countries')"),
    Family("victim_noun", doc="words of the people an event struck: 'victims', 'passengers', 'on board'"),
)


def _origin_count_words(rules: "Compiled") -> dict[str, dict]:
    """The nouns of the `origin_count` family ('nationalities'), to their rule."""
    return {w.lower(): r for r in rules.by_family.get("origin_count", ()) for w in r["words"]}


@extractor(order=21)
def origin_count_facts(sent: Span, state: "Discourse") -> Iterator[Raw]:
    """How many nationalities an event's victims were of: '27 nationalities were among the
    dead', 'travellers of more than 20 nationalities', 'there were at least 24
    nationalities'; 'all on board, from 27 different countries' ('countries' only after
    'from'). 'of / from N ...' counts only where it hangs on the victims or a verb of
    them: not 'leaders of 30 nationalities', 'rescue teams from 12 countries'."""
    words = state.rules.derived("origin_count", _origin_count_words)
    table = state.tokens
    if not words or not table.has_any(sent, words):
        return
    victims_words = words_of_family(state, "victim_noun")
    for token in table.of(sent):
        rule = words.get(table.lemma(token))
        if rule is None or token.tag_ not in ("NNS", "NNPS"):
            continue
        if not (token.dep_ == "pobj" and token.head.lower_ in ("of", "from")
                or token.dep_ in ("nsubj", "attr") and lemma(token.head) == "be" and _among_or_there(token)):
            continue
        if token.dep_ == "pobj" and not _of_victims(token.head.head, victims_words):
            continue  # 'leaders of 30 nationalities', 'rescue teams from 12 countries'
        if rule.get("subject") == "victims" and token.head.lower_ != "from":
            continue
        quantity = quantity_of(token, state)
        if quantity is None or quantity[2].i != token.i and quantity[2] not in token.children:
            continue
        event = event_at(frame_of(token, state), state)
        if event is None:
            continue
        event = brought(event, state) or event
        value, found, _ = quantity
        start, end = span_of(found)
        subject = Ent(event.entity.name, "EVENT", event.token.text, event.token.idx,
                      event.token.idx + len(event.token.text))
        yield Raw(subject, rule["attribute"], value, "quantity", text_of(found), start, end, rule["id"], token,
                  claim=token.idx)


def _of_victims(holder: Token, victims_words: frozenset[str]) -> bool:
    """'passengers from 33 countries', 'claimed the lives of all on board from 33
    countries': the words 'from' hangs on are the victims, or a verb whose subject or
    object is (not 'rescue teams from 12 countries searched for the victims')."""
    def victim(t: Token) -> bool:
        return lemma(t) in victims_words or t.lower_ in victims_words
    if victim(holder):
        return True
    return holder.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("dobj", "obj", "nsubj", "nsubjpass") and victim(c)
        or c.dep_ == "prep" and any(g.dep_ == "pobj" and victim(g) for g in c.children)  # 'had on board passengers'
        for c in holder.children)


def _among_or_there(token: Token) -> bool:
    """'N nationalities were among the victims'; 'there were N nationalities'."""
    verb = token.head
    return any(c.dep_ == "prep" and c.lower_ == "among" for c in verb.children) \
        or token.dep_ == "attr" and any(c.dep_ == "expl" for c in verb.children)
