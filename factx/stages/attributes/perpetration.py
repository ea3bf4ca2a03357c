"""Who did it, and whether anyone did: claims and denials of an event's perpetrator.

Families `attack_noun` (a deliberate act named without its author: 'an attack',
'sabotage', 'foul play'), `deliberate` ('deliberately', 'intentional'), `rule_out`
('ruled out', 'excluded'), `involvement` ('denied any involvement in', 'responsibility
for') and `perpetrate` ('carried out', 'staged', 'was behind').

- An event called a deliberate act, or said not to be one, gives `perpetrator` with the
  value `attack` (ATTACK), affirmed or denied: 'the blast was an attack', 'it was caused
  deliberately', 'X ruled out an attack', 'the fire was not an act of sabotage', 'there
  was no indication that the explosions were caused deliberately'. Such an 'attack' is a
  hypothesis about the event, never an event of its own (`hypothesis`).
- A named author: 'X carried out the bombing', 'the raid was carried out by X', 'the
  government blamed X for the attack'; and the author's own denial: 'X denied any
  involvement in the bombing', 'X denied carrying out the attack' (denied, said by X).

Nationalities and organisations in front of an attack ('a US drone strike') and 'X
claimed responsibility' are read with the event's frame (`agents.perpetrators`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from spacy.tokens import Span, Token

from factx import attribution as attr
from factx.stages.attributes.base import Ent, Raw
from factx.stages.attributes.registry import Family, extractor, register
from factx.stages.attributes.syntax import lemma, pobjs

if TYPE_CHECKING:
    from factx.stages.attributes.compiled import Compiled
    from factx.stages.attributes.discourse import Discourse
    from factx.stages.attributes.event_mentions import EventMention

register(
    Family("attack_noun", doc="nouns of a deliberate act named without its author: 'an attack', 'sabotage'"),
    Family("deliberate", doc="words that make an event a deliberate act: 'caused deliberately'"),
    Family("rule_out", doc="verbs (lemma, with their particle) that exclude a hypothesis: 'ruled out an attack'"),
    Family("involvement", doc="nouns of taking part in an event: 'denied any involvement in the attack'"),
    Family("perpetrate", doc="verbs (lemma, with their particle) whose subject did the event: 'carried out'"),
    Family("work_noun", doc="nouns after 'be' that make an event its author's: 'the work of X', 'an operation by X'"),
    Family("culpable", doc="words after 'be' whose subject did the event they govern: 'was behind the attack', "
                           "'was responsible for it'"),
)

#: the value of a perpetrator nobody names: the event was a deliberate act
ATTACK = "attack"
CALL_VERBS = frozenset({"call", "describe", "label", "term", "brand", "consider", "deem"})
EVIDENCE_NOUNS = frozenset({"indication", "evidence", "sign", "suggestion", "proof"})


_WORDS: dict[tuple[int, str], frozenset[str]] = {}


def _words(rules: "Compiled", family: str) -> frozenset[str]:
    """The words of a family's rules (compiled rule sets live as long as the process)."""
    key = (id(rules), family)
    found = _WORDS.get(key)
    if found is None:
        found = _WORDS[key] = frozenset(w.lower() for r in rules.by_family.get(family, ()) for w in r.get("words", ()))
    return found


def involvement_words(rules: "Compiled") -> frozenset[str]:
    """Nouns of taking part in an event ('involvement', 'role', 'knowledge')."""
    return _words(rules, "involvement")


def presupposed_death(token: Token, rules: "Compiled") -> bool:
    """A death a denied clause takes for granted: someone's knowledge of, role in or
    involvement in the killing ('denied that X had any knowledge of the killing',
    'played any role in it', 'was involved in it')."""
    if token.dep_ != "pobj":
        return False
    holder = token.head.head
    words = involvement_words(rules)
    if holder.pos_ in ("VERB", "AUX"):  # 'played any role in the killing': the parser's verb
        return lemma(holder) in ("involve", "know") or any(
            c.dep_ in ("dobj", "obj") and lemma(c) in words for c in holder.children)
    return lemma(holder) in words


def _phrase(token: Token) -> str:
    """A verb's lemma with its particle ('carry out')."""
    particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
    return f"{lemma(token)} {particle}" if particle else lemma(token)


def _heads(rules: "Compiled", family: str) -> frozenset[str]:
    """The last (or only) words of a family's phrases: a cheap first test."""
    key = (id(rules), family + "#heads")
    found = _WORDS.get(key)
    if found is None:
        found = _WORDS[key] = frozenset(w.split()[-1] for w in _words(rules, family))
    return found


def _attack_noun(token: Token, rules: "Compiled") -> bool:
    """'an attack', 'a terrorist attack', 'an act of sabotage', 'foul play'."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    low = lemma(token)
    if low != "act" and low not in _heads(rules, "attack_noun") and token.lower_ not in _heads(rules, "attack_noun"):
        return False
    words = _words(rules, "attack_noun")
    if lemma(token) in words or token.lower_ in words:
        return not (lemma(token) == "act" and not _of_attack(token, rules))
    if lemma(token) == "act":
        return _of_attack(token, rules)
    return any(f"{c.lower_} {lemma(token)}" in words for c in token.lefts if c.dep_ in ("amod", "compound"))


def _of_attack(act: Token, rules: "Compiled") -> bool:
    """'an act of sabotage / terrorism'; 'a deliberate act'."""
    if any(lemma(c) in _words(rules, "deliberate") for c in act.children if c.dep_ == "amod"):
        return True
    return any(lemma(g) in _words(rules, "attack_noun") for c in act.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children if g.dep_ == "pobj")


def hypothesis(token: Token, rules: "Compiled") -> bool:
    """Whether an attack noun only says what an event was or was not ('was not an
    attack', 'ruled out an attack', 'called it an attack', 'caused by an attack'):
    no event of its own."""
    if not _attack_noun(token, rules):
        return False
    head = token.head
    if token.dep_ in ("dobj", "obj") and head.pos_ in ("VERB", "AUX") and _phrase(head) in _words(rules, "rule_out"):
        return True
    if token.dep_ in ("attr", "oprd") and head.pos_ in ("VERB", "AUX"):
        return True
    if token.dep_ == "pobj" and head.lower_ == "by" and head.head.pos_ == "VERB" \
            and lemma(head.head) in ("cause", "trigger", "spark", "start"):
        return True
    return False


def _event_near(sent: Span, state: "Discourse", skip: Token | None = None) -> "EventMention | None":
    """The event a claim about 'it' is about: the nearest event of the sentence with an
    entity, else the one event the document names (placed or named)."""
    found = [e for e in state.events if sent.start <= e.token.i < sent.end and e.entity is not None
             and (skip is None or e.token.i != skip.i)]
    if found:
        anchor = skip.i if skip is not None else sent.root.i
        return min(found, key=lambda e: abs(e.token.i - anchor))
    named = {e.entity.name: e for e in state.events if e.entity is not None and e.entity.name != e.kind.kind}
    return next(iter(named.values())) if len(named) == 1 else None


def _event_at(token: Token, state: "Discourse") -> "EventMention | None":
    """The event a noun or pronoun names: its own mention, else (a pronoun, 'the
    incident') the event of the sentence or the document."""
    own = next((e for e in state.events if e.token.i == token.i and e.entity is not None), None)
    if own is not None:
        return own
    if token.pos_ == "PRON" or token.pos_ == "NOUN" and lemma(token) in ("incident", "explosion", "blast", "event"):
        return _event_near(token.sent, state, skip=token)
    return None


def _raw(event: "EventMention", value: str, value_type: str, where: Token, rule: str, trigger: Token,
         entity_type: str | None = None, polarity: str | None = None, speaker: Token | None = None,
         attribute: str = "perpetrator") -> Raw:
    ent = event.entity
    subject = Ent(ent.name, "EVENT", event.token.text, event.token.idx, event.token.idx + len(event.token.text))
    return Raw(subject, attribute, value, value_type, where.text, where.idx, where.idx + len(where.text),
               rule, trigger, entity_type, claim=event.token.idx, polarity=polarity,
               denier=speaker if polarity == "denied" else None, speaker=speaker)


def _author(token: Token, state: "Discourse") -> tuple[str, str, str] | None:
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
    """The authors a subject or agent names (see `_authors`)."""
    return _authors(token, state)


def _authors(token: Token, state: "Discourse") -> list[tuple[tuple[str, str, str], Token]]:
    """The authors a subject names, each nationality of 'a joint Kenyan-Somali force' too."""
    rules = state.rules
    joint = [w for w in token.subtree if w.i < token.i and w.text[:1].isupper() and w.lower_ in rules.demonyms]
    if len(joint) > 1:
        return [((rules.demonyms[w.lower_], "country", "GPE"), w) for w in joint]
    found = _author(token, state)
    out = [(found, token)] if found is not None else []
    for conj in (c for c in token.children if c.dep_ == "conj"):
        other = _author(conj, state)
        if other is not None:
            out.append((other, conj))
    return out


@extractor(order=16)
def perpetration_facts(sent: Span, state: "Discourse") -> Iterator[Raw]:
    """`perpetrator` facts of the claims and denials above."""
    rules = state.rules
    table = state.tokens
    if not table.has_any(sent, rules.derived("perpetration", _triggers)):
        return
    for token in table.of(sent):
        # 'X ruled out an attack'; 'the blast was (not) an attack'; 'called it an attack'
        if _attack_noun(token, rules) and hypothesis(token, rules):
            head = token.head
            if token.dep_ in ("dobj", "obj") and _phrase(head) in _words(rules, "rule_out"):
                event = _event_near(sent, state, skip=token)
                if event is not None:
                    yield _raw(event, ATTACK, "text", token, "perpetration.ruled_out", head,
                               polarity="denied", speaker=attr.subject_of(head))
            elif token.dep_ == "attr" and lemma(head) == "be":
                subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                event = _event_at(subject, state) if subject is not None else None
                if event is not None and not event.kind.agentive:  # (a strike is an attack anyway)
                    yield _raw(event, ATTACK, "text", token, "perpetration.called", head)
            elif token.dep_ == "oprd" and lemma(head) in CALL_VERBS:
                called = next((c for c in head.children if c.dep_ in ("dobj", "nsubjpass")), None)
                event = _event_at(called, state) if called is not None else None
                if event is not None and not event.kind.agentive:
                    yield _raw(event, ATTACK, "text", token, "perpetration.called", head, speaker=attr.subject_of(head))
            elif token.dep_ == "pobj":  # 'caused by an attack'
                verb = head.head
                subject = next((c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")), None)
                event = _event_at(subject, state) if subject is not None else None
                if event is not None:
                    yield _raw(event, ATTACK, "text", token, "perpetration.caused", verb)
            continue
        # 'was caused deliberately', 'was set deliberately', 'the fire was deliberate'
        if token.pos_ in ("ADV", "ADJ") and lemma(token) in _words(rules, "deliberate"):
            verb = token.head if token.dep_ in ("advmod", "acomp") else None
            if verb is None or verb.pos_ not in ("VERB", "AUX"):
                continue
            subject = next((c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")), None)
            event = _event_at(subject, state) if subject is not None else None
            if event is not None:
                evidence = _no_evidence(verb)
                polarity = "denied" if evidence is not None else None
                speaker = next((g for p in evidence.children if p.dep_ == "prep" and p.lower_ == "from"
                                for g in p.children if g.dep_ == "pobj"), None) if evidence is not None else None
                yield _raw(event, ATTACK, "text", token, "perpetration.deliberate", verb, polarity=polarity,
                           speaker=speaker)
            continue
        if lemma(token) == "be":  # 'X was behind the attack', 'X is responsible for the bombing'
            yield from _culprits(token, state)
            yield from _works(token, state)
            continue
        if token.pos_ != "VERB":
            continue
        low = lemma(token)
        if low in rules.lexicon.deny or low == "blame" or low in _firsts(rules, "perpetrate"):
            yield from _named_authors(token, sent, state)
        if low in ASSIGN_VERBS or low == "blame":
            yield from _assigned(token, state)


def _triggers(rules: "Compiled") -> frozenset[str]:
    """Every word the branches of `perpetration_facts` first look a token up in: a
    sentence with none of them holds no perpetration fact."""
    return frozenset({"act", "blame", *ASSIGN_VERBS}) | _heads(rules, "attack_noun") | _words(rules, "deliberate") | (
        rules.lexicon.deny | _firsts(rules, "perpetrate") | _words(rules, "culpable") | _words(rules, "work_noun"))


def _for_object(token: Token) -> Token | None:
    """The object of the token's 'for' ('blamed X for the attack', 'responsible for it')."""
    return next((g for p in token.children if p.dep_ == "prep" and p.lower_ == "for" for g in pobjs(p)), None)


def _culprits(verb: Token, state: "Discourse") -> Iterator[Raw]:
    """'X was behind the attack', 'X was responsible for the bombing': the subject did the
    event the word governs ('behind' directly, 'responsible' through 'for'). Not when
    negated ('was not behind it'), nor with a subject that names no author ('the storm')."""
    culpable = _words(state.rules, "culpable")
    subject = claimant(attr.subject_of(verb), verb, state)
    if subject is None or attr.negated(verb):
        return
    for word in (c for c in verb.children if c.dep_ in ("prep", "acomp") and c.lower_ in culpable):
        # 'behind the attack': its object; 'responsible for the attack': the event under 'for'
        target = next(iter(pobjs(word)), None) or _for_object(word)
        yield from _to_target(target, state, _authors(subject, state), "perpetration.culpable", word)


def _firsts(rules: "Compiled", family: str) -> frozenset[str]:
    """The first words (verbs) of a family's phrases ('carry' of 'carry out')."""
    key = (id(rules), family + "#firsts")
    found = _WORDS.get(key)
    if found is None:
        found = _WORDS[key] = frozenset(w.split()[0] for w in _words(rules, family))
    return found


def _no_evidence(verb: Token) -> Token | None:
    """The noun of 'there is no indication / no evidence (from X) that it was caused
    deliberately' above a verb, else None."""
    node = verb
    for _ in range(3):
        head = node.head
        if node.dep_ in ("acl", "ccomp") and head.pos_ == "NOUN" and lemma(head) in EVIDENCE_NOUNS:
            if any(c.dep_ == "det" and c.lower_ == "no" for c in head.children) or attr.negated(head.head):
                return head
            return None
        if head.i == node.i:
            break
        node = head
    return None


def _named_authors(verb: Token, sent: Span, state: "Discourse") -> Iterator[Raw]:
    rules = state.rules
    phrase = _phrase(verb)
    perpetrate = _words(rules, "perpetrate")
    # 'X denied any involvement in the bombing', 'X denied responsibility for it'
    if lemma(verb) in rules.lexicon.deny:
        for obj in (c for c in verb.children if c.dep_ in ("dobj", "obj")):
            if lemma(obj) in _words(rules, "involvement"):
                target = next((g for p in obj.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"),
                              None)
                yield from _denied_by_subject(verb, target, sent, state, "perpetration.denied_involvement")
        # 'X denied carrying out the attack'
        for clause in (c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "pcomp")):
            if _phrase(clause) in perpetrate:
                target = next((c for c in clause.children if c.dep_ in ("dobj", "obj")), None)
                yield from _denied_by_subject(verb, target, sent, state, "perpetration.denied")
            elif clause.dep_ in ("xcomp", "pcomp") and _anything_to_do(clause) is not None:
                # 'X denied having anything to do with the attack'
                yield from _denied_by_subject(verb, _anything_to_do(clause), sent, state, "perpetration.denied")
            elif clause.dep_ == "ccomp":
                yield from _denied_part(verb, clause, state)
        return
    if phrase in perpetrate:
        target = next((c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")), None)
        event = _event_at(target, state) if target is not None else None
        if attr.negated(verb) or event is not None and not event.kind.agentive and phrase in LEAD_VERBS:
            return  # ('the protest was led by students': no author of an attack)
        if event is None and (phrase in LEAD_VERBS or _killed(target, state) is None):
            return  # ('carried out the assassination of X': X's killing)
        if attr.is_passive(verb):  # 'the raid was carried out by X'
            agent = attr.agent_of(verb)
            authors = _authors(agent, state) if agent is not None else []
        else:  # 'X carried out the raid'; 'X said it carried out the raid'
            subject = claimant(attr.subject_of(verb), verb, state)
            authors = _authors(subject, state) if subject is not None else []
        yield from _to_target(target, state, authors, "perpetration.carried_out", verb)
    elif lemma(verb) == "blame":  # 'the government blamed X for the attack'
        target = _for_object(verb)
        blamed = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
        event = _event_at(target, state) if target is not None else None
        if event is None and blamed is not None:  # 'blamed X for the killing of Y'
            yield from _to_target(target, state, _authors(blamed, state), "perpetration.blamed", verb,
                                  speaker=attr.subject_of(verb))
        if event is not None and blamed is not None:
            for (value, value_type, entity_type), where in _authors(blamed, state):
                if entity_type == "ORG" and not event.kind.agentive:
                    # an organisation blamed for an accident ('blamed the carmaker for the crash')
                    # is what the speaker says caused it, not the author of a deliberate act
                    yield _raw(event, value, "text", where, "perpetration.blamed_cause", verb,
                               speaker=attr.subject_of(verb), attribute="cause")
                    continue
                yield _raw(event, value, value_type, where, "perpetration.blamed", verb, entity_type,
                           speaker=attr.subject_of(verb))


def _anything_to_do(clause: Token) -> Token | None:
    """The object of 'having anything to do with X' (X), else None."""
    if lemma(clause) != "have":
        return None
    for obj in (c for c in clause.children if c.dep_ in ("dobj", "obj") and c.lower_ == "anything"):
        for do in (c for c in obj.children if c.dep_ in ("relcl", "acl") and lemma(c) == "do"):
            return next((g for p in do.children if p.dep_ == "prep" and p.lower_ == "with"
                         for g in p.children if g.dep_ == "pobj"), None)
    return None


def _denied_part(verb: Token, clause: Token, state: "Discourse") -> Iterator[Raw]:
    """'Y denied that X had any role in / any knowledge of the attack', 'denied that X was
    involved in it': X's part in the event denied, said by Y (the event itself is taken
    for granted)."""
    target = None
    if lemma(clause) in ("have", "play", "bear"):
        for obj in (c for c in clause.children if c.dep_ in ("dobj", "obj") and lemma(c) in _words(state.rules, "involvement")):
            target = next((g for p in [*obj.children, *clause.children] if p.dep_ == "prep"
                           for g in p.children if g.dep_ == "pobj"), None)
    elif lemma(clause) == "involve" and attr.is_passive(clause):
        target = next((g for p in clause.children if p.dep_ == "prep" and p.lower_ == "in"
                       for g in p.children if g.dep_ == "pobj"), None)
    if target is None:
        return
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    event = _event_at(target, state)
    if subject is None or event is None:
        return
    denier = attr.subject_of(verb)
    for (value, value_type, entity_type), where in _authors(subject, state):
        yield _raw(event, value, value_type, where, "perpetration.denied_part", verb, entity_type,
                   polarity="denied", speaker=denier)


def _denied_by_subject(verb: Token, target: Token | None, sent: Span, state: "Discourse",
                       rule: str) -> Iterator[Raw]:
    subject = attr.subject_of(verb)
    if subject is None:
        return
    event = _event_at(target, state) if target is not None else _event_near(sent, state)
    if event is None:
        return
    for (value, value_type, entity_type), where in _authors(subject, state):
        yield _raw(event, value, value_type, where, rule, verb, entity_type, polarity="denied", speaker=subject)


#: verbs that give an event to its author: 'X claimed the attack', 'attributed the bombing to
#: X', 'accused X of carrying out the attack', 'blamed the attack on X'
ASSIGN_VERBS = frozenset({"claim", "attribute", "accuse"})
#: perpetrate verbs that only make an author of an attack ('led the raid'), never of a protest
LEAD_VERBS = frozenset({"lead", "spearhead"})
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


def _works(verb: Token, state: "Discourse") -> Iterator[Raw]:
    """'the bombing was the work of X', 'the raid was a joint operation by X and Y': an
    event whose copula calls it an author's work (family `work_noun`)."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    event = _event_at(subject, state) if subject is not None else None
    if event is None or not event.kind.agentive or attr.negated(verb):
        return
    for work in (c for c in verb.children if c.dep_ == "attr" and lemma(c) in _words(state.rules, "work_noun")):
        for by in (c for c in work.children if c.dep_ == "prep" and c.lower_ in ("of", "by")):
            for author in pobjs(by):
                for (value, value_type, entity_type), where in _authors(author, state):
                    yield _raw(event, value, value_type, where, "perpetration.work", work, entity_type)


def _assigned(verb: Token, state: "Discourse") -> Iterator[Raw]:
    """Who a verb gives an attack to: 'X claimed (responsibility for) the attack' (X's own
    claim), 'responsibility for the attack was claimed by X', 'officials attributed the
    bombing to X' or 'blamed the bombing on X' (said by the officials), 'accused X of
    carrying out the attack'. Only for events with authors (a crash blamed on a sensor is
    its cause: `causes`); never when negated ('no group has claimed it')."""
    low = lemma(verb)
    if attr.negated(verb) or any(c.dep_ == "nsubj" and any(d.lower_ == "no" for d in c.children)
                                 for c in verb.children):
        return
    passive = attr.is_passive(verb)
    objects = [c for c in verb.children if c.dep_ in (("nsubjpass",) if passive else ("dobj", "obj"))]
    speaker = None if passive else attr.subject_of(verb)
    if low == "claim":
        author = attr.agent_of(verb) if passive else claimant(attr.subject_of(verb), verb, state)
        for obj in objects:
            target = obj
            if lemma(obj) == "responsibility":
                target = _for_object(obj)
                if not passive and (target is None or _event_at(target, state) is not None):
                    continue  # 'X claimed responsibility for the attack': the event's own frame
            event = _event_at(target, state) if target is not None and target.pos_ in ("NOUN", "PROPN") else None
            if event is None and author is not None:  # 'X claimed (responsibility for) the killing of Y'
                yield from _to_target(target, state, _authors(author, state), "perpetration.claimed", verb,
                                      speaker=author)
                continue
            if event is None or author is None or not (event.kind.agentive or event.kind.kind in state.rules.claimable_kinds):
                continue  # ('claimed the blast': a blast may be a bombing; nobody claims a flood)
            for (value, value_type, entity_type), where in _authors(author, state):  # (the claimer's own word)
                yield _raw(event, value, value_type, where, "perpetration.claimed", verb, entity_type, speaker=author)
        return
    if low == "accuse":  # 'accused X of carrying out the attack', 'accused X of the bombing'
        for accused in objects:
            for of in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "of"):
                for deed in of.children:
                    target = deed if deed.dep_ == "pobj" else next(
                        (c for c in deed.children if c.dep_ in ("dobj", "obj")), None) \
                        if deed.dep_ == "pcomp" and _phrase(deed) in _words(state.rules, "perpetrate") else None
                    event = _event_at(target, state) if target is not None else None
                    if event is None or not event.kind.agentive:
                        continue
                    for (value, value_type, entity_type), where in _authors(accused, state):
                        yield _raw(event, value, value_type, where, "perpetration.accused", verb, entity_type,
                                   speaker=speaker)
        return
    # 'attributed the bombing to X', 'blamed the bombing on X' (and their passives)
    prep = "to" if low == "attribute" else "on"
    for obj in objects:
        event = _event_at(obj, state) if obj.pos_ in ("NOUN", "PROPN") else None
        if event is None or not event.kind.agentive:
            continue
        # (the parser may hang the preposition on the event: 'blamed [the bombing on X]')
        for author in (g for p in (*verb.children, *obj.children) if p.dep_ == "prep" and p.lower_ == prep
                       for g in pobjs(p)):
            for (value, value_type, entity_type), where in _authors(author, state):
                yield _raw(event, value, value_type, where, "perpetration.attributed", verb, entity_type,
                           speaker=speaker)



def _killed(target: Token | None, state: "Discourse") -> Ent | None:
    """The one named person whose killing a noun is ('the killing of X', "X's murder", a
    bare 'the assassination' of the document's main person who died): a named person's
    killing without an event noun of its own is told on the person (DESIGN section 2),
    so who did it is that person's `perpetrator`."""
    from factx.stages.attributes.counts import _main_victim
    from factx.stages.attributes.deaths import death_triggers, people_of

    if target is None or target.pos_ != "NOUN":
        return None
    for death, _, victims, _ in death_triggers(target.sent, state):
        if death.i != target.i:
            continue
        people = people_of(victims, state)
        if not victims and any(c.dep_ == "det" and c.lower_ == "the" for c in death.children):
            people = _main_victim(death, state)
        return people[0] if len(people) == 1 else None
    return None


def _on_person(person: Ent, value: str, value_type: str, where: Token, rule: str, trigger: Token,
               entity_type: str | None = None, speaker: Token | None = None) -> Raw:
    return Raw(person, "perpetrator", value, value_type, where.text, where.idx, where.idx + len(where.text),
               rule, trigger, entity_type, claim=person.start, speaker=speaker)


def _to_target(target: Token | None, state: "Discourse", authors, rule: str, trigger: Token,
               speaker: Token | None = None) -> Iterator[Raw]:
    """Perpetrator facts of the event a noun names, else of the named person whose killing
    it is; `authors` are (value, value_type, entity_type) with their tokens."""
    event = _event_at(target, state) if target is not None else None
    if event is not None:
        for (value, value_type, entity_type), where in authors:
            yield _raw(event, value, value_type, where, rule, trigger, entity_type, speaker=speaker)
        return
    person = _killed(target, state)
    if person is None:
        return
    for (value, value_type, entity_type), where in authors:
        if entity_type is not None and value != person.name:  # a name, never the word 'gunmen'
            yield _on_person(person, value, value_type, where, rule, trigger, entity_type, speaker)
