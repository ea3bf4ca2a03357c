"""Rule antecedent: a short name stands for the person the text introduced before it.

News introduces a person by the full name before it shortens it. Where a document names
two people of one surname ("Mr. Halvor Brandt ... Mr. Brandt's assistant ... the deputy
mayor, Mr. Stein Brandt, no relation"), a one-word name that the text first writes after
exactly one of their full names, and before the other's, is that person: the reader has
met no one else it could be. A short name first written before both, or after both, is
left alone (the text does not say which), and so is one whose candidates' given names begin
with one letter (they may be two spellings of one name).
"""
from __future__ import annotations

from typing import Protocol, Sequence


class _Spanned(Protocol):
    span: object


def introduced_before(partial: Sequence[int], cands: Sequence[tuple[str, ...]], groups: dict,
                      items: Sequence) -> tuple[str, ...] | None:
    """The one candidate full name the document writes before the short name's first
    mention (`partial`: indexes of the short name's mentions; `groups`: key -> indexes of
    its mentions), or None when none or several are.

    >>> class I:
    ...     def __init__(self, start): self.span = type("S", (), {"start_char": start})()
    >>> items = [I(0), I(50), I(90)]  # "Halvor Brandt" ... "Mr. Brandt" ... "Stein Brandt"
    >>> introduced_before([1], [("halvor", "brandt"), ("stein", "brandt")],
    ...                   {("halvor", "brandt"): [0], ("stein", "brandt"): [2]}, items)
    ('halvor', 'brandt')
    """
    # two spellings of one person ("Karima X" and a slip "Karma X") are no two people: only
    # full names whose first words begin with different letters
    initials = [next((w[:1] for w in f if not w.startswith("#")), "") for f in cands]
    if len(set(initials)) < len(initials):
        return None
    first = min(items[i].span.start_char for i in partial)
    before = [f for f in cands if min(items[j].span.start_char for j in groups[f]) < first]
    return before[0] if len(before) == 1 else None
