"""What the perpetration families share: their words, the event a claim names, and the
authors a subject names.

- `family_words(rules, family)` and its first/last words: the phrases of a family's rules
  ('carry out', 'an act of sabotage'), compiled once per rule set.
- `event_named(token, state)`: the event a noun or pronoun names ('the bombing', 'it'),
  `event_near(sent, state)`: the event a claim about 'it' is about.
- `authors_of(token, state)`: the organisations, people and countries a subject names
  ('X and Y', 'a joint Kenyan-Somali force', 'gunmen from X'), and `claimant`: a
  group's pronoun taken for whoever reports it ('X said it carried out the attack').

`hypotheses` (whether anyone did it) and `perpetration` (who did it) read them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from factx import attribution as attr
from factx.stages.attributes.base import Ent, Raw
from factx.stages.attributes.syntax import lemma, pobjs

if TYPE_CHECKING:
    from factx.stages.attributes.compiled import Compiled
    from factx.stages.attributes.discourse import Discourse
    from factx.stages.attributes.event_mentions import EventMention


_WORDS: dict[tuple[int, str], frozenset[str]] = {}


def family_words(rules: "Compiled", family: str) -> frozenset[str]:
    """The words of a family's rules (compiled rule sets live as long as the process)."""
    key = (id(rules), family)
    found = _WORDS.get(key)
    if found is None:
        found = _WORDS[key] = frozenset(w.lower() for r in rules.by_family.get(family, ()) for w in r.get("words", ()))
    return found


def involvement_words(rules: "Compiled") -> frozenset[str]:
    """Nouns of taking part in an event ('involvement', 'role', 'knowledge')."""
    return family_words(rules, "involvement")


def verb_phrase(token: Token) -> str:
    """A verb's lemma with its particle ('carry out')."""
    particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
    return f"{lemma(token)} {particle}" if particle else lemma(token)


def family_heads(rules: "Compiled", family: str) -> frozenset[str]:
    """The last (or only) words of a family's phrases: a cheap first test."""
    key = (id(rules), family + "#heads")
    found = _WORDS.get(key)
    if found is None:
        found = _WORDS[key] = frozenset(w.split()[-1] for w in family_words(rules, family))
    return found


def event_near(sent: Span, state: "Discourse", skip: Token | None = None) -> "EventMention | None":
    """The event a claim about 'it' is about: the nearest event of the sentence with an
    entity, else the one event the document names (placed or named)."""
    found = [e for e in state.events if sent.start <= e.token.i < sent.end and e.entity is not None
             and (skip is None or e.token.i != skip.i)]
    if found:
        anchor = skip.i if skip is not None else sent.root.i
        return min(found, key=lambda e: abs(e.token.i - anchor))
    named = {e.entity.name: e for e in state.events if e.entity is not None and e.entity.name != e.kind.kind}
    return next(iter(named.values())) if len(named) == 1 else None


def event_named(token: Token, state: "Discourse") -> "EventMention | None":
    """The event a noun or pronoun names: its own mention, else (a pronoun, 'the
    incident') the event of the sentence or the document."""
    own = next((e for e in state.events if e.token.i == token.i and e.entity is not None), None)
    if own is not None:
        return own
    if token.pos_ == "PRON" or token.pos_ == "NOUN" and lemma(token) in ("incident", "explosion", "blast", "event"):
        return event_near(token.sent, state, skip=token)
    return None


def perpetrator_raw(event: "EventMention", value: str, value_type: str, where: Token, rule: str, trigger: Token,
         entity_type: str | None = None, polarity: str | None = None, speaker: Token | None = None,
         attribute: str = "perpetrator") -> Raw:
    ent = event.entity
    subject = Ent(ent.name, "EVENT", event.token.text, event.token.idx, event.token.idx + len(event.token.text))
    return Raw(subject, attribute, value, value_type, where.text, where.idx, where.idx + len(where.text),
               rule, trigger, entity_type, claim=event.token.idx, polarity=polarity,
               denier=speaker if polarity == "denied" else None, speaker=speaker)


def author(token: Token, state: "Discourse") -> tuple[str, str, str] | None:
    """(value, value_type, entity_type) of a named author: an organisation, person or
    country, or a nationality ('Chadian forces')."""
    rules = state.rules
    mention = state.mention_at(token)
    if mention is not None and mention.label in ("ORG", "PERSON", "GPE", "NORP"):
        low = mention.canonical.lower()
        if low in rules.demonyms:
            return rules.demonyms[low], "country", "GPE"
        if low in rules.countries:
            return rules.countries[low], "country", "GPE"
        return mention.canonical, "entity", mention.label
    for child in token.children:
        if child.dep_ in ("amod", "compound", "nmod") and child.lower_ in rules.demonyms and child.text[:1].isupper():
            return rules.demonyms[child.lower_], "country", "GPE"
    if token.pos_ == "NOUN" and lemma(token) in rules.agent_nouns:  # 'gunmen from X', 'fighters of X'
        group = next((state.mention_at(g) for p in token.children if p.dep_ == "prep" and p.lower_ in ("from", "of")
                      for g in pobjs(p) if state.mention_at(g) is not None and state.mention_at(g).label == "ORG"), None)
        if group is not None:
            return group.canonical, "entity", "ORG"
    if token.pos_ == "NOUN" and token.tag_ == "NNS" and lemma(token) in rules.agent_nouns:
        return token.lower_, "text", None  # 'rebels denied carrying out the attack'
    return None


def authors_of(token: Token, state: "Discourse") -> list[tuple[tuple[str, str, str], Token]]:
    """The authors a subject names, each nationality of 'a joint Kenyan-Somali force' too."""
    rules = state.rules
    joint = [w for w in token.subtree if w.i < token.i and w.text[:1].isupper() and w.lower_ in rules.demonyms]
    if len(joint) > 1:
        return [((rules.demonyms[w.lower_], "country", "GPE"), w) for w in joint]
    found = author(token, state)
    out = [(found, token)] if found is not None else []
    for conj in (c for c in token.children if c.dep_ == "conj"):
        other = author(conj, state)
        if other is not None:
            out.append((other, conj))
    return out


def for_object(token: Token) -> Token | None:
    """The object of the token's 'for' ('blamed X for the attack', 'responsible for it')."""
    return next((g for p in token.children if p.dep_ == "prep" and p.lower_ == "for" for g in pobjs(p)), None)


def family_firsts(rules: "Compiled", family: str) -> frozenset[str]:
    """The first words (verbs) of a family's phrases ('carry' of 'carry out')."""
    key = (id(rules), family + "#firsts")
    found = _WORDS.get(key)
    if found is None:
        found = _WORDS[key] = frozenset(w.split()[0] for w in family_words(rules, family))
    return found


#: pronouns of a group that says what it did ('the group said it carried out the attack')
GROUP_PRONOUNS = frozenset({"it", "they", "we"})


GROUP_POSSESSIVES = frozenset({"its", "their", "our"})


def claimant(subject: Token | None, verb: Token, state: "Discourse") -> Token | None:
    """The subject of a perpetration clause, with a group's pronoun taken for whoever the
    clause reports ('X said it carried out the attack', 'X said its fighters carried out
    the attack': X). A pronoun under no reporting verb, or whose reporter is itself a
    pronoun, names nobody."""
    if subject is not None and subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        # 'X, which claimed the attack, ...': a name only ('militants who carried out' names no one)
        return verb.head if state.mention_at(verb.head) is not None else None
    if subject is not None and subject.pos_ == "NOUN" and any(
            c.dep_ == "poss" and c.lower_ in GROUP_POSSESSIVES for c in subject.children):
        subject = next(c for c in subject.children if c.dep_ == "poss")  # 'X said its fighters ...': X
    elif subject is None or subject.pos_ != "PRON":
        return subject
    elif subject.lower_ not in GROUP_PRONOUNS:
        return None
    node = verb
    for _ in range(2):
        if node.dep_ not in ("ccomp", "xcomp", "conj") or node.head.i == node.i:
            return None
        node = node.head
        if lemma(node) in state.rules.lexicon.say or lemma(node) == "claim":
            reporter = attr.subject_of(node)
            return reporter if reporter is not None and reporter.pos_ != "PRON" else None
    return None
