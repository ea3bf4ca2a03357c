"""Who said a claim, whether it is denied, and whether it is hedged (DESIGN section 2).

The word lists come from `rules/reporting.yml` and `rules/hedges.yml`; the functions
here only read the parse around a fact's trigger token and return tokens, never
names: turning a source token into an entity name needs the document (mentions,
earlier sources), which `factx.stages.attributes` holds (its `scope` module applies
these rules once to every fact).

>>> lex = Lexicon.from_rules(load_rules())  # doctest: +SKIP
>>> find_source(doc[5], lex)                # "... was killed, the statement said"  # doctest: +SKIP
statement
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from spacy.tokens import Span, Token

from factx.errors import RuleError
from factx.rules import HEDGE_SCOPES, REPORTING_ROLES, RuleSet  # vocabularies live with the rule schemas
NEGATIONS = frozenset({"not", "n't", "never", "no"})
#: verbs that deny what they call false: 'called it propaganda', 'considers it an allegation'
DISMISSING = ("call", "describe", "dismiss", "brand", "label", "consider", "term", "deem", "reject")
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
#: clauses beside a copula with their own predicate: its negation does not reach them
#: (its complement it does: "it is not true that X died")
CLAUSES = frozenset({"conj", "advcl", "relcl", "parataxis", "xcomp"})
QUOTES_OPEN = "“\"«‘"
QUOTES = "“”\"«»"


@dataclass(frozen=True)
class Lexicon:
    """The attribution words of a rule set, lower-cased lemmas."""

    say: frozenset[str]
    deny: frozenset[str]
    dismiss_as: frozenset[str]
    source_nouns: frozenset[str]
    according: tuple[tuple[str, ...], ...]
    backref: frozenset[str]
    backref_count: frozenset[str]
    retract: frozenset[str]
    hedge_adverbs: frozenset[str]
    hedge_modals: frozenset[str]
    hedge_verbs: frozenset[str]
    hedge_nouns: frozenset[str]
    hedge_adjectives: frozenset[str]
    #: verbs that correct an earlier report ('revising the figures of an earlier count')
    correct: frozenset[str] = frozenset()
    #: adjectives of a report that a later one replaced ('a previous report', 'an earlier figure')
    superseded: frozenset[str] = frozenset()

    @classmethod
    def from_rules(cls, rules: RuleSet) -> "Lexicon":
        """Collect the words by role and scope; unknown roles or scopes are rule errors.

        >>> Lexicon.from_rules(load_rules()).say >= {"say", "tweet"}  # doctest: +SKIP
        True
        """
        roles: dict[str, set[str]] = {r: set() for r in REPORTING_ROLES}
        phrases: list[tuple[str, ...]] = []
        for rule in rules.get("reporting"):
            role = rule["role"]
            if role not in roles:
                raise RuleError(_file_of(rules, "reporting", rule["id"]), rule["id"], "role",
                                f"unknown role {role!r} (known: {', '.join(REPORTING_ROLES)})")
            roles[role].update(w.lower() for w in rule.get("words", ()))
            if role == "according":
                phrases.extend(tuple(p.lower().split()) for p in rule.get("phrases", ()))
        scopes: dict[str, set[str]] = {s: set() for s in HEDGE_SCOPES}
        for rule in rules.get("hedges"):
            scope = rule["scope"]
            if scope not in scopes:
                raise RuleError(_file_of(rules, "hedges", rule["id"]), rule["id"], "scope",
                                f"unknown scope {scope!r} (known: {', '.join(HEDGE_SCOPES)})")
            scopes[scope].update(w.lower() for w in rule["words"])
        return cls(
            say=frozenset(roles["say"]), deny=frozenset(roles["deny"]),
            dismiss_as=frozenset(roles["dismiss_as"]), source_nouns=frozenset(roles["source_noun"]),
            according=tuple(sorted(set(phrases), key=len, reverse=True)),
            backref=frozenset(roles["backref"]) | frozenset(roles["backref_count"]),
            backref_count=frozenset(roles["backref_count"]), retract=frozenset(roles["retract"]),
            hedge_adverbs=frozenset(scopes["adverb"]), hedge_modals=frozenset(scopes["modal"]),
            hedge_verbs=frozenset(scopes["verb"]), hedge_nouns=frozenset(scopes["noun"]),
            hedge_adjectives=frozenset(scopes["adjective"]), correct=frozenset(roles["correct"]),
            superseded=frozenset(roles["superseded"]))


def _file_of(rules: RuleSet, kind: str, rule_id: str) -> str:
    """The rule file that holds the rule `rule_id` of `kind`, for error messages."""
    return rules.file_of(kind, rule_id)


def lemma(token: Token) -> str:
    """The lower-cased lemma (spaCy's, when the lemmatizer ran), falling back to the
    lower-cased text when there is none. The one place factx reads lemmas."""
    return (token.lemma_ or token.text).lower()


def ancestors(token: Token) -> Iterator[Token]:
    """The token itself, then its heads up to the root of its sentence."""
    yield token
    while token.head.i != token.i:
        token = token.head
        yield token


def is_passive(verb: Token) -> bool:
    """True for 'was killed', 'is said' (a passive auxiliary or subject)."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject of a verb, through conjunctions ("X described ... and said").

    "according to" and agents of passives are not subjects; see `find_source`.
    """
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj") and not c.is_punct]
        if subjects:
            # of two (a parse that ran a dateline into the clause: 'CITY, Country — Gunmen
            # stormed ...'), the one nearest before the verb
            before = [c for c in subjects if c.i < verb.i]
            return before[-1] if before else subjects[0]
        if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
            verb = verb.head
            continue
        return None
    return None


def agent_of(verb: Token) -> Token | None:
    """The agent of a passive verb: 'was reported by X' → X."""
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def prepositional_source(token: Token) -> Token | None:
    """'according to X' → X, 'citing X' → X, for the preposition token."""
    if token.lower_ == "according":
        for to in token.children:
            for obj in to.children:
                if obj.dep_ == "pobj":
                    return obj
    elif token.lower_ in ("citing", "quoting"):
        for obj in token.children:
            if obj.dep_ in ("pobj", "dobj"):
                return obj
    return None


def according_head(source: Token) -> Token | None:
    """The word an 'according to X' phrase hangs from (the clause it scopes over)."""
    node = source
    for _ in range(3):
        node = node.head
        if node.lower_ in ("according", "citing", "quoting", "per"):
            return node.head if node.head.i != node.i else None
    return None


def quoted_as_saying(verb: Token, lex: Lexicon) -> Token | None:
    """'The agency quoted X as saying that ...', 'X was quoted as saying': X speaks (the
    innermost source)."""
    node = verb.head
    if verb.dep_ in ("pcomp", "pobj") and node.lower_ == "as" and lemma(node.head) in ("quote", "cite"):
        # 'quoted X as saying'; passive: 'X was quoted as saying'
        return next((c for c in node.head.children if c.dep_ in ("dobj", "obj", "nsubjpass")), None)
    return None


def according_source(sent: Span, lex: Lexicon) -> Token | None:
    """The object of 'according to X' / 'citing X' anywhere in the sentence."""
    words = [t.lower_ for t in sent]
    for phrase in lex.according:
        n = len(phrase)
        for i in range(len(words) - n + 1):
            if tuple(words[i:i + n]) != phrase:
                continue
            last = sent[i + n - 1]
            for child in last.children:
                if child.dep_ in ("pobj", "dobj", "obj"):
                    return child
            # the parser may hang the object elsewhere: take the next noun after the phrase
            for token in sent[i + n:]:
                if token.pos_ in ("NOUN", "PROPN", "PRON"):
                    return token.head if token.dep_ == "compound" else token
            return None
    return None


def in_quote(token: Token) -> bool:
    """True when the token stands between quotation marks opened in its sentence."""
    sent = token.sent
    text = sent.text[:token.idx - sent.start_char]
    opened = sum(text.count(q) for q in "“«") - sum(text.count(q) for q in "”»")
    plain = text.count('"')
    return opened > 0 or plain % 2 == 1


def find_source(trigger: Token, lex: Lexicon) -> Token | None:
    """The token that names who said the claim around `trigger`, or None.

    Rules, in order: the subject of the nearest reporting verb above the trigger
    ("X said ... was killed", "..., the statement said"); the agent of a passive
    reporting verb ("was reported by X"); "according to X" / "citing X"; for a claim
    inside quotation marks, the subject of a reporting verb outside them.
    """
    for node in ancestors(trigger):
        if node.pos_ in ("VERB", "AUX") and lemma(node) in lex.say:
            if is_passive(node):
                agent = agent_of(node)
                if agent is not None:
                    return agent
                continue  # "is said to have ...": a hedge, not a source
            subject = subject_of(node)
            if subject is not None:
                return subject
    for node in ancestors(trigger):
        for child in node.children:
            source = prepositional_source(child)
            if source is not None:
                return source
    source = according_source(trigger.sent, lex)
    if source is not None:
        return source
    if in_quote(trigger):
        for token in trigger.sent:
            if (token.pos_ == "VERB" and lemma(token) in lex.say and not in_quote(token)
                    and not is_passive(token)):
                subject = subject_of(token)
                if subject is not None:
                    return subject
    return None


def author_of(noun: Token, lex: Lexicon) -> Token | None:
    """Who wrote a statement: 'X's statement', 'a statement by X', 'a UN report'."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
        if child.dep_ == "acl":  # "a statement released Tuesday by X"
            agent = agent_of(child)
            if agent is not None:
                return agent
    for child in noun.children:
        if child.dep_ in ("compound", "nmod") and child.pos_ == "PROPN":
            return child
    return None


#: marks of a clause of time, which a denial of its main clause takes for granted
TIME_MARKS = frozenset({"before", "after", "when", "while", "as", "since", "until", "once"})

#: what hangs on a denial verb without being what it denies (its active subject is who
#: denies: 'X: toll climbs to 26, mayor denies collapse' hangs the toll on the subject)
DENIAL_ADJUNCTS = frozenset({"advcl", "conj", "npadvmod", "advmod", "agent", "nsubj"})


def denial_above(trigger: Token, lex: Lexicon) -> Token | None:
    """The denial verb the claim depends on ('X denied that Y was killed', 'denied the
    death of Y'), or None. A denial verb that modifies a noun ('a claim refuted by X')
    denies the main clause, not what is under it. A denial covers its complement and
    object, never its adjuncts: 'denied reports that 300 died, putting the toll at 45'
    gives 45 as the denier's own figure."""
    path = list(ancestors(trigger))
    for below, node in zip(path, path[1:]):
        if below.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in TIME_MARKS for c in below.children):
            return None  # 'denied X had been tortured before he died': the death is taken for granted
        if node.pos_ in ("VERB", "AUX", "NOUN") and lemma(node) in lex.deny:
            if node.dep_ in ("acl", "relcl") and node.head.pos_ in ("NOUN", "PRON") and not (
                    node.dep_ == "acl" and any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")
                                               for c in node.children)):
                # (an 'acl' with a subject of its own is a clause the parser hung on a
                # headline's topic: 'X shooting: ministry denies reports of Y's death')
                return None
            if node.pos_ != "NOUN" and below.dep_ in DENIAL_ADJUNCTS:
                return None
            if node.pos_ != "NOUN" and below.i < node.i and (below.dep_ not in ("ccomp", "nsubjpass") or any(
                    c.dep_ in ("dobj", "obj") for c in node.children)):
                # what a denial denies follows it, but for a passive subject ('reports that ...
                # were denied') and a clause before it ('X was killed, the army denied'); not
                # 'Storm: toll climbs to 26, mayor denies collapse' (a clause beside it)
                return None
            return node
        if node.pos_ == "VERB" and dismissing(node, lex):
            return node  # 'considers the claim to have killed X an allegation'
        if node.pos_ in ("NOUN", "PROPN") and below.dep_ in ("acl", "ccomp") and _retracted(node, lex):
            return node.head  # 'withdrew its statement that 12 had died': the retracted claim
        if node.pos_ == "NOUN" and lemma(node) in NO_BASIS and below.dep_ == "prep" \
                and below.lower_ in ("to", "in", "behind") and _none_of(node):
            return node  # 'there is no truth to reports that X was killed'
        if node.pos_ in ("NOUN", "VERB") and (below.dep_ in ("acl", "ccomp") or below.lower_ == "of"
                                              or below.dep_ == "prep" and below.lower_ == "about") \
                and called_false(node, lex) is not None:
            # 'reports that X had died were false', 'reports of X's death were false'
            # (the parser may tag a plural claim noun a verb: 'reports that ... were false')
            return called_false(node, lex)  # 'reports that X had died were false'
    return None


def report_of(node: Token, lex: Lexicon) -> bool:
    """A claim told as someone else's report: the object of 'reports / claims / news of'
    ('reports of X's death', 'claims of his killing'); what a report says is not asserted.
    A count noun is no report: 'the number of people killed has risen to nine'."""
    head = node.head
    return node.dep_ == "pobj" and head.lower_ == "of" and head.head.i != head.i \
        and head.head.pos_ in ("NOUN", "PROPN") and lemma(head.head) in lex.backref \
        and lemma(head.head) not in lex.backref_count and head.head.lower_ not in lex.backref_count


#: nouns whose absence denies a claim: 'there is no truth to reports that ...'
NO_BASIS = frozenset({"truth", "basis", "substance", "foundation"})


def _none_of(noun: Token) -> bool:
    """'no truth', or a copula negated over it ('there is not any truth')."""
    return any(c.lower_ == "no" for c in noun.children) or (
        noun.dep_ == "attr" and any(c.dep_ == "neg" for c in noun.head.children))


def called_false(claim: Token, lex: Lexicon) -> Token | None:
    """The word that calls a claim noun false as its predicate ('reports that X died were
    false', 'the claim is baseless', 'the rumours proved untrue'), or None; never when
    the copula is negated ('were not false')."""
    if claim.dep_ not in ("nsubj", "nsubjpass") or lemma(claim.head) not in ("be", "prove"):
        return None
    if lemma(claim) not in lex.backref and claim.lower_ not in lex.backref and lemma(claim) not in lex.source_nouns:
        return None
    copula = claim.head
    if any(c.dep_ == "neg" for c in copula.children):
        return None
    return next((c for c in copula.children if c.dep_ in ("acomp", "attr", "oprd", "xcomp")
                 and (lemma(c) in lex.dismiss_as or c.lower_ in lex.dismiss_as)), None)


def correction_above(trigger: Token, lex: Lexicon) -> Token | None:
    """The verb that corrects the earlier report a claim stands in ('correcting the toll
    of an earlier report that gave 40 dead', 'revised an earlier figure that said
    90 had died', 'retracted its initial report that 12 died'), or None: a report noun
    marked as earlier, above the claim, hanging on a correcting or retracting verb."""
    for node in list(ancestors(trigger))[1:]:
        if node.pos_ not in ("NOUN", "PROPN"):
            continue
        word = lemma(node)
        if word not in lex.source_nouns and word not in lex.backref:
            continue
        if not any(c.dep_ == "amod" and c.lower_ in lex.superseded for c in node.children):
            continue
        head = node.head.head if node.dep_ == "pobj" else node.head
        if head.pos_ == "VERB" and (lemma(head) in lex.correct or lemma(head) in lex.retract) \
                and not any(c.dep_ == "neg" for c in head.children):
            return head
        return None
    return None


def negated(trigger: Token) -> bool:
    """'was not killed', 'is not the leader': a negation on the trigger or its copula."""
    heads = [trigger]
    if trigger.dep_ in ("attr", "acomp", "oprd") or trigger.head.lemma_ == "be" and not open_question(trigger) \
            and trigger.dep_ not in CLAUSES:
        # (not 'it was not clear whether X was killed'; not a clause of its own: 'the
        # injuries were not compatible with a fall and X died of blows')
        heads.append(trigger.head)
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "among" and trigger.head.head.lemma_ == "be":
        heads.append(trigger.head.head)  # 'X was not among the dead'
    return any(c.dep_ == "neg" or c.lower_ in NEGATIONS and c.dep_ in ("neg", "advmod", "det")
               for h in heads for c in h.children if c.lower_ != "no" or c.dep_ == "neg")


def hedged(trigger: Token, lex: Lexicon) -> bool:
    """True when the claim around `trigger` is hedged.

    Rules: a hedging modal ("might have died"), adverb ("reportedly"), adjective
    ("unconfirmed"), verb ("believed to", "is said to", "appears to") or noun
    ("rumors that") on the path from the trigger up to its reporting verb.
    """
    for node in ancestors(trigger):
        word = lemma(node)
        if report_of(node, lex):
            return True
        if node.dep_ == "ccomp" and open_question(node):
            return True  # 'it was not clear whether X was killed', 'asked if X had died'
        if node.i != trigger.i and node.pos_ in ("VERB", "AUX") and word in lex.hedge_verbs:
            if word not in lex.say or is_passive(node):
                return True
        if node.i != trigger.i and node.pos_ in ("NOUN", "PROPN") and word in lex.hedge_nouns:
            return True
        for child in node.children:
            low = child.lower_
            if child.dep_ == "aux" and low in lex.hedge_modals:
                return True
            if child.dep_ in ("advmod", "npadvmod") and low in lex.hedge_adverbs:
                return True
            if child.dep_ in ("amod", "advmod", "compound") and low in lex.hedge_adjectives:
                return True
        if node.pos_ in ("VERB", "AUX") and word in lex.say and not is_passive(node) and node.i != trigger.i:
            # 'unconfirmed reports say ...', 'rumors say ...'
            subject = subject_of(node)
            if subject is not None and (lemma(subject) in lex.hedge_nouns or any(
                    c.lower_ in lex.hedge_adjectives for c in subject.children)):
                return True
            if any(c.dep_ == "neg" for c in node.children):
                return True  # 'the army has not confirmed his death': unconfirmed
            break
    return False


def open_question(clause: Token) -> bool:
    """A clause that asks rather than tells: 'whether X was killed', 'if X had died'."""
    return any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in clause.children)


def is_real_denial(verb: Token, lex: Lexicon) -> bool:
    """False for a negated denial ('did not deny'), a habitual one ('a history of
    denying such reports') and a generic object ('denies such claims')."""
    if any(c.dep_ == "neg" for c in verb.children):
        return False
    if verb.tag_ == "VBG" and verb.head.dep_ == "prep" and verb.head.head.pos_ == "NOUN":
        return False
    if verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.head.pos_ == "NOUN":
        return False
    for child in verb.children:
        if child.dep_ in ("dobj", "obj") and any(g.lower_ in ("such", "any", "all") for g in child.children):
            return False
    return True


def pointing_denials(sent: Span, lex: Lexicon) -> Iterator[tuple[Token, str, Token | None]]:
    """Denials of a sentence that point at a claim, as (word, kind, denier):

    - 'clause': 'denied that ...' (its own clause; the last deaths when it names no one);
    - 'backref': 'denied the reports', 'called it propaganda': the claim before it;
    - 'count': 'disputed the figure': the counts of the claim before it;
    - 'main': '..., a claim refuted by X', '..., which X denied': the sentence's main claim;
    - 'retract': 'later retracted the report', 'the report was withdrawn'.
    """
    for verb in sent:
        false = called_false(verb, lex) if verb.pos_ in ("NOUN", "VERB") else None
        if false is not None and not any(c.dep_ in ("acl", "ccomp", "relcl", "prep") for c in verb.children) \
                and not any(c.lower_ in ("such", "any", "all") for c in verb.children):
            # 'The reports were false, the ministry said': the claim before it, by the speaker
            speaker = next((subject_of(a) for a in ancestors(false) if a.i != false.i and lemma(a) in lex.say), None)
            yield false, "backref", speaker
            continue
        if verb.pos_ != "VERB":
            continue
        low = lemma(verb)
        if low in lex.retract:
            objects = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
            if any((lemma(o) in lex.backref or o.lower_ in lex.backref) and not _content(o) for o in objects) \
                    and is_real_denial(verb, lex):
                yield verb, "retract", agent_of(verb) if is_passive(verb) else subject_of(verb)
            continue
        if low not in lex.deny and not _dismissed_as(verb, lex):
            continue
        if not is_real_denial(verb, lex):
            continue
        head = verb.head
        if verb.dep_ in ("acl", "relcl") and (lemma(head) in lex.backref or head.lower_ in lex.backref
                                              or head.lower_ in ("something", "which")):
            yield verb, "main", agent_of(verb) or subject_of(verb)  # 'a claim refuted by X'
            continue
        if verb.dep_ in ("relcl", "advcl") and any(c.dep_ in ("dobj", "obj") and c.lower_ == "which"
                                                  for c in verb.children):
            yield verb, "main", subject_of(verb)  # '..., which the group denied'
            continue
        kind = denied_object(verb, lex)
        if kind != "clause" and low not in lex.deny:
            kind = "backref"  # 'called the report enemy propaganda'
        if kind == "other":
            continue
        if kind == "backref" and any(c.dep_ in ("dobj", "obj", "nsubjpass") and lemma(c) in lex.backref_count
                                     for c in verb.children):
            kind = "count"
        yield verb, kind, denier_of(verb)


def _content(noun: Token) -> bool:
    """A claim noun that says its claim itself: 'the statement that X had been freed'."""
    return any(c.dep_ in ("acl", "ccomp") and any(g.dep_ == "mark" or g.dep_ in SUBJECTS for g in c.children)
               for c in noun.children)


def _retracted(noun: Token, lex: Lexicon) -> bool:
    """A claim noun taken back by its verb: 'withdrew its statement that ...', 'the report
    that ... was retracted'."""
    verb = noun.head
    return (lemma(noun) in lex.backref or lemma(noun) in lex.source_nouns) and noun.dep_ in ("dobj", "obj", "nsubjpass") \
        and verb.pos_ == "VERB" and lemma(verb) in lex.retract and is_real_denial(verb, lex)


def _dismissed_as(verb: Token, lex: Lexicon) -> bool:
    """'called it propaganda', 'described the reports as false'."""
    return lemma(verb) in DISMISSING and any(
        lemma(c) in lex.dismiss_as or c.lower_ in lex.dismiss_as for c in verb.subtree if c.i != verb.i)


def dismissing(verb: Token, lex: Lexicon) -> bool:
    """A verb that calls its object false: 'called the report propaganda', 'considers X's
    claim to have killed Y an allegation' (the parser may hang the word anywhere below the
    verb); not 'called for', 'called on'."""
    if lemma(verb) not in DISMISSING or any(c.dep_ == "prep" and c.lower_ in ("for", "on", "off") for c in verb.children):
        return False
    return any(lemma(c) in lex.dismiss_as or c.lower_ in lex.dismiss_as for c in verb.subtree if c.i != verb.i)


def denials(sent: Span, lex: Lexicon) -> Iterator[Token]:
    """Denial verbs of a sentence: 'denied', 'rejected', and 'called it propaganda'."""
    for token in sent:
        if token.pos_ in ("VERB",) and lemma(token) in lex.deny:
            yield token
        elif token.pos_ == "VERB" and lemma(token) in ("call", "describe", "dismiss", "brand", "label"):
            if any(lemma(c) in lex.dismiss_as or c.lower_ in lex.dismiss_as
                   for c in token.subtree if c.i != token.i):
                yield token


def denied_object(verb: Token, lex: Lexicon) -> str:
    """What a denial verb points at: 'clause' (denied that ...), 'backref' (denied the
    assertion, called it propaganda) or 'other' (denied any foreigners are fighting)."""
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp") and any(g.dep_ == "mark" or g.dep_ in SUBJECTS
                                                     for g in child.children):
            return "clause"
    for child in verb.children:
        if child.dep_ in ("dobj", "obj", "nsubjpass") and (lemma(child) in lex.backref
                                                            or child.lower_ in lex.backref):
            # 'denied the death of X' / 'rejected reports that X died' deny what they hold
            if any(g.dep_ in ("prep", "acl", "ccomp", "relcl") for g in child.children):
                return "other"
            return "backref"
    if not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
        return "backref"
    return "other"


def denier_of(verb: Token) -> Token | None:
    """Who denies: the subject, or the agent of a passive ('the claim was rejected by X');
    for 'its statement denying that...', the statement."""
    if is_passive(verb) and agent_of(verb) is not None:
        return agent_of(verb)
    subject = subject_of(verb)
    if subject is not None:
        return subject
    node = verb
    while node.dep_ in ("advcl", "acl", "xcomp", "conj") and node.head.i != node.i:
        node = node.head
        if node.pos_ in ("NOUN", "PROPN"):
            return node
        subject = subject_of(node)
        if subject is not None:
            return subject
    return None
