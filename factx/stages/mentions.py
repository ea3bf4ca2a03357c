"""Stage 4, mentions: link each entity mention to its in-document canonical name.

Baseline: possessives stripped; a mention whose words end a longer mention of the
same document ("Mr. Umar" -> "Asim Umar") links to that longer name when only one
candidate exists.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from factx.rules import load_rules


@dataclass(frozen=True)
class Mention:
    """One entity mention: character span, surface text, in-document canonical name, voted type."""

    start: int
    end: int
    text: str
    canonical: str
    label: str


MENTION_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT")


def _strip(text: str, honorifics: frozenset[str]) -> str:
    text = text.strip()
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
            break
    words = text.split()
    while len(words) > 1 and words[0].lower() in honorifics:
        words = words[1:]
    return " ".join(words)


def link_mentions(doc: Doc, *, honorifics: frozenset[str] = frozenset()) -> list[Mention]:
    spans = [e for e in doc.ents if e.label_ in MENTION_LABELS]
    names = [_strip(e.text, honorifics) for e in spans]
    full = {n for n in names if len(n.split()) > 1}
    canonical = {}
    for name in set(names):
        candidates = [f for f in full if f != name and f.split()[-len(name.split()):] == name.split()]
        canonical[name] = candidates[0] if len(candidates) == 1 else name
    votes: dict[str, Counter] = {}
    for span, name in zip(spans, names):
        votes.setdefault(canonical[name], Counter())[span.label_] += 1
    return [Mention(s.start_char, s.end_char, s.text, canonical[n],
                    votes[canonical[n]].most_common(1)[0][0])
            for s, n in zip(spans, names)]


@Language.factory("factx_mentions", default_config={"rules_dir": None})
def make_mentions(nlp: Language, name: str, rules_dir: str | None):
    rules = load_rules(rules_dir)
    honorifics = frozenset(w.lower() for w in rules.words("honorifics"))

    def mentions_component(doc: Doc) -> Doc:
        doc._.mentions = link_mentions(doc, honorifics=honorifics)
        return doc

    return mentions_component
