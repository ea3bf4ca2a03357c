"""Rule 3 for names written with two initials or more ("P. I. Kovrov", "D. Ye. Tarasko").

Official copy from the former Soviet Union writes a person by the initials of the given
name and the patronymic, then the surname. Such a name is the one person of the run
with that surname whose given name begins with the first initial and whose next words,
where written, begin with the next initials ("P. I. Kovrov" is "Pavel Ilyich Kovrov" or
"Pavel Kovrov", never "Pavel Sergeyevich Kovrov" nor "Artem Kovrov"); with two such
people it joins none. A name of one initial ("K. Selvam") is `factx.resolve`'s own.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from factx.names import NameRules, block_key, core_words, words

if TYPE_CHECKING:  # the resolver's node and union-find (factx.resolve imports this module)
    from factx.resolve import _Clusters, _Node

_ONE_LETTER = re.compile(r"[A-Z]\.?")


def initials_of(spelling: str, nr: NameRules) -> tuple[str, ...] | None:
    """The initials of a name written as initials and a surname, lower-cased, or None.

    >>> from factx.names import name_rules
    >>> initials_of("Mr. P. I. Kovrov", name_rules()), initials_of("D. Ye. Tarasko", name_rules())
    (('p', 'i'), ('d', 'ye'))
    >>> initials_of("Pavel Kovrov", name_rules()) is None
    True
    """
    parts = spelling.split()
    while parts and "".join(words(parts[0])) in nr.honorifics:
        parts = parts[1:]
    if len(parts) < 3:
        return None
    out = []
    for part in parts[:-1]:
        if _ONE_LETTER.fullmatch(part) or (part.endswith(".") and part[:-1] in nr.initial_digraphs):
            out.append(part.rstrip(".").lower())
        else:
            return None
    return tuple(out)


def _written_words(node: "_Node", nr: NameRules) -> list[tuple[str, ...]]:
    return [core_words(s, "PERSON", nr=nr) for s in node.spellings]


def _fits(initials: tuple[str, ...], node: "_Node", nr: NameRules) -> bool:
    """The person's given name begins with the first initial (in some spelling: "Yermek"
    and "Ermek" both fit E and Y) and each word after it that the run writes before the
    surname begins with the next initial."""
    found = False
    for plain in _written_words(node, nr):
        if len(plain) < 2 or len(plain[0]) < 2:
            continue
        middle = plain[1:-1]
        if not plain[0].startswith(initials[0]):
            continue
        if all(word.startswith(initial) for word, initial in zip(middle, initials[1:])):
            found = True
        elif middle:
            return False  # "Pavel Sergeyevich Kovrov" is no "P. I. Kovrov"
    return found


def join_initials(nodes: list["_Node"], clusters: "_Clusters", nr: NameRules,
                  tokens_ok) -> None:
    """Join each name of two initials or more to the one person it can be (module doc)."""
    initialled: list[tuple[int, tuple[str, ...]]] = []
    for i, node in enumerate(nodes):
        if node.entity_type != "PERSON" or node.acronym or node.generation or len(node.tokens) < 3 \
                or len(node.tokens[0]) > 2:
            continue
        initials = initials_of(max(node.spellings, key=node.spellings.__getitem__), nr)
        if initials is not None:
            initialled.append((i, initials))
    if not initialled:
        return
    by_last: dict[str, list[int]] = defaultdict(list)
    own = {i for i, _ in initialled}
    for i, node in enumerate(nodes):
        if node.entity_type == "PERSON" and not node.acronym and not node.generation and len(node.tokens) >= 2 \
                and len(node.tokens[0]) > 1 and i not in own:
            by_last[block_key(node.tokens[-1], nr)].append(i)
    for i, initials in initialled:
        surname = nodes[i].tokens[-1]
        cands = [j for j in by_last.get(block_key(surname, nr), ())
                 if tokens_ok(surname, nodes[j].tokens[-1], nr) and _fits(initials, nodes[j], nr)]
        if len({clusters.find(j) for j in cands}) == 1:
            clusters.union(i, cands[0])
