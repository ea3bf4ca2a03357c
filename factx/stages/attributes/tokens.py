"""The document's tokens, read once: the families walk these lists, never the Doc again.

Every `for token in sent` over a spaCy `Span` creates a new `Token` object per word,
and every `lemma(token)` reads and lower-cases the lemma again; with a dozen families
walking each sentence, that was most of the attribute stage's time. `Tokens` holds
the document's `Token` objects once, each one's lower-cased lemma (`attribution.lemma`,
the one place factx reads lemmas) and lower-cased form by index, and the words of
each sentence as a set, so that a family can skip a sentence none of whose words can
trigger it before walking any token (`has_any`).

>>> nlp = spacy.blank("en"); doc = nlp("Two men died.")  # doctest: +SKIP
>>> table = Tokens(doc); table.lowers                      # doctest: +SKIP
['two', 'men', 'died', '.']
"""

from __future__ import annotations

from typing import Iterable

from spacy.tokens import Doc, Span, Token

from factx.attribution import lemma

__all__ = ["Tokens"]


class Tokens:
    """A document's tokens with their lemmas and lower-cased forms, by token index."""

    __slots__ = ("tokens", "lemmas", "lowers", "_words")

    def __init__(self, doc: Doc):
        self.tokens: list[Token] = list(doc)
        self.lemmas: list[str] = [lemma(t) for t in self.tokens]
        self.lowers: list[str] = [t.lower_ for t in self.tokens]
        self._words: dict[tuple[int, int], frozenset[str]] = {}

    def of(self, span: Span) -> list[Token]:
        """The tokens of a sentence or span, in order (the same objects every time)."""
        return self.tokens[span.start:span.end]

    def lemma(self, token: Token) -> str:
        """`attribution.lemma(token)`, read from the table."""
        return self.lemmas[token.i]

    def words(self, span: Span) -> frozenset[str]:
        """The lemmas and lower-cased forms of a span's tokens (built once per span)."""
        key = (span.start, span.end)
        found = self._words.get(key)
        if found is None:
            found = self._words[key] = frozenset(self.lemmas[span.start:span.end]) | frozenset(
                self.lowers[span.start:span.end])
        return found

    def has_any(self, span: Span, *vocabularies: Iterable[str]) -> bool:
        """Whether a lemma or lower-cased form of the span is in one of the vocabularies
        (sets, or dicts by their keys): False means no token of the span can match a
        rule that first looks its lemma or its form up in them."""
        words = self.words(span)
        return any(not words.isdisjoint(v) for v in vocabularies)
