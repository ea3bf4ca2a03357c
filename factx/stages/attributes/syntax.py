"""Parse helpers every family uses: lemmas, coordination, name chains, spans of words."""

from __future__ import annotations

from spacy.tokens import Token

from factx.attribution import ancestors, lemma
from factx.stages import doc_text

__all__ = ["lemma", "ancestors", "conjuncts", "name_tokens", "strip_det", "text_of", "span_of",
           "is_definite", "under", "children", "pobjs", "HONORIFICS"]

HONORIFICS = frozenset({"mr.", "mr", "mrs.", "mrs", "ms.", "ms", "dr.", "dr"})


def conjuncts(token: Token) -> list[Token]:
    """The token and the tokens coordinated with it ('X and Y were killed')."""
    out = [token]
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in ("PROPN", "NOUN", "PRON", "NUM"):
            out.extend(conjuncts(child))
    return out


def name_tokens(token: Token) -> list[Token]:
    """The proper-noun chain headed by `token` ('Col. Dale Brannock')."""
    left = [c for c in token.lefts if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"]
    start = min([token.i] + [t.i for c in left for t in c.subtree])
    doc = token.doc
    tokens = [t for t in doc[start:token.i + 1] if t.pos_ in ("PROPN", "PUNCT") and t.text not in "‘’'\"“”,"]
    while tokens and tokens[0].pos_ == "PUNCT":
        tokens = tokens[1:]
    return tokens or [token]


def strip_det(tokens: list[Token]) -> list[Token]:
    """Words of a phrase without a leading determiner or trailing punctuation."""
    while tokens and (tokens[0].dep_ in ("det", "predet", "case", "punct") or tokens[0].lower_ in ("the", "a", "an")):
        tokens = tokens[1:]
    while tokens and (tokens[-1].dep_ in ("punct", "case", "cc") or tokens[-1].text in ",.;:"):
        tokens = tokens[:-1]
    return tokens


def text_of(tokens: list[Token]) -> str:
    """The document's text from the first to the last token (inner spacing kept)."""
    if not tokens:
        return ""
    return doc_text(tokens[0].doc)[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)]


def span_of(tokens: list[Token]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def is_definite(token: Token) -> bool:
    return any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "some", "any") for c in token.children)


def under(token: Token, top: Token) -> bool:
    """True when `top` is `token` or one of its heads."""
    return any(a.i == top.i for a in ancestors(token))


def children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def pobjs(prep: Token) -> list[Token]:
    """The objects of a preposition."""
    return [c for c in prep.children if c.dep_ == "pobj"]
