"""Case-insensitive regular expressions without `re.IGNORECASE`, for speed.

Python's `re` matches an IGNORECASE letter with a per-character lower-casing opcode
that its alternation shortcut cannot use, so a pattern made of long word lists
("{MONTH}", "{UNIT}") tries every word at every word boundary. `compile_folded`
compiles a case-sensitive equivalent: each ASCII letter of the pattern becomes its
lower case, and the text is matched after `fold`, which maps exactly the characters
that `re.IGNORECASE` lets match an ASCII letter (A-Z and four others, checked by
tests/test_caseless.py) to that letter. `fold` keeps every offset, so spans found on
the folded text are spans of the text.

Patterns with anything whose case-insensitive meaning this cannot carry over (a cased
non-ASCII letter, a letter range, a back-reference, inline flags) are not rewritten:
`compile_folded` returns None and the caller keeps `re.compile(pattern, re.I)`.
"""

from __future__ import annotations

import re
from re import _compiler, _parser  # type: ignore[attr-defined]
from re._constants import (  # type: ignore[attr-defined]
    ANY, ASSERT, ASSERT_NOT, AT, BRANCH, CATEGORY, IN, LITERAL, MAX_REPEAT, MIN_REPEAT, NEGATE,
    RANGE, SUBPATTERN)

import _sre

__all__ = ["FOLD", "fold", "compile_folded", "compile_folded_required", "required_strings"]

#: Every character that `re.IGNORECASE` matches against an ASCII letter, to that letter.
FOLD_CHARS = {**{chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)},
              "\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
FOLD = str.maketrans(FOLD_CHARS)


def fold(text: str) -> str:
    """The text to match a `compile_folded` pattern against (same length, same offsets).

    >>> fold("Monday \u212aM")
    'monday km'
    """
    return text.translate(FOLD)


class _Unsupported(Exception):
    pass


def _uncased(code: int) -> bool:
    return not _sre.unicode_iscased(code)


def _class_items(items: list) -> list:
    for op, av in items:
        if op is LITERAL and _uncased(av):
            continue
        if op in (CATEGORY, NEGATE):
            continue
        if op is RANGE and av[1] - av[0] < 512 and all(_uncased(c) for c in range(av[0], av[1] + 1)):
            continue
        raise _Unsupported
    return items


def _rewrite(data: list) -> list:
    out = []
    for op, av in data:
        if op is LITERAL:
            if av < 128 and chr(av).isalpha():
                out.append((LITERAL, ord(chr(av).lower())))
            elif _uncased(av):
                out.append((op, av))
            else:
                raise _Unsupported
        elif op is IN:
            out.append((op, _class_items(av)))
        elif op in (AT, ANY):
            out.append((op, av))
        elif op is BRANCH:
            out.append((op, (av[0], [_sub(s) for s in av[1]])))
        elif op in (MAX_REPEAT, MIN_REPEAT):
            out.append((op, (av[0], av[1], _sub(av[2]))))
        elif op is SUBPATTERN:
            group, add_flags, del_flags, sub = av
            if add_flags or del_flags:
                raise _Unsupported
            out.append((op, (group, add_flags, del_flags, _sub(sub))))
        elif op in (ASSERT, ASSERT_NOT):
            out.append((op, (av[0], _sub(av[1]))))
        else:
            raise _Unsupported
    return out


def _sub(sub):
    return _parser.SubPattern(sub.state, _rewrite(sub.data))


def compile_folded(pattern: str) -> re.Pattern[str] | None:
    """A case-sensitive pattern that matches `fold(text)` exactly where
    `re.compile(pattern, re.I)` matches `text`, or None when it cannot be built.

    >>> p = compile_folded(r"\\bnext (?:monday|week)\\b")
    >>> [m.span() for m in p.finditer(fold("Next Monday or NEXT WEEK"))]
    [(0, 11), (15, 24)]
    """
    return compile_folded_required(pattern)[0]


def compile_folded_required(pattern: str) -> tuple[re.Pattern[str] | None, frozenset[str] | None]:
    """`compile_folded(pattern)` and its `required_strings`, from one parse of the
    pattern (parsing a long word list is most of the cost of either).

    >>> p, strings = compile_folded_required(r"\\b(?:half an? hour|(\\d+) days? ago)\\b")
    >>> [m.group(0) for m in p.finditer(fold("Half an hour, 3 DAYS AGO"))], sorted(strings)
    (['half an hour', '3 days ago'], [' day', 'half a'])
    """
    try:
        parsed = _parser.parse(pattern, re.I)
        if parsed.state.flags & ~(re.I | re.U):
            return None, None
        parsed.data = _rewrite(parsed.data)
    except (_Unsupported, re.error):
        return None, None
    required = _required(parsed.data)
    parsed.state.flags &= ~re.I
    # as re's own compile, with the source kept as the pattern's `.pattern`
    state = parsed.state
    indexgroup = [None] * state.groups
    for name, index in state.groupdict.items():
        indexgroup[index] = name
    return _sre.compile(pattern, state.flags, _compiler._code(parsed, 0), state.groups - 1,
                        state.groupdict, tuple(indexgroup)), required


def _required(data: list) -> frozenset[str] | None:
    """Strings one of which every match of the sequence `data` contains, or None."""
    best: frozenset[str] | None = None
    run: list[str] = []

    def better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
        if a is None or b is None:
            return a if b is None else b
        # the rarer in text: longer strings first, then fewer of them
        return min(a, b, key=lambda s: (-min(map(len, s), default=0), len(s)))

    def close_run() -> None:
        nonlocal best
        if run:
            best = better(best, frozenset(["".join(run)]))
            run.clear()

    for op, av in data:
        if op is LITERAL:
            run.append(chr(av))
            continue
        close_run()
        found: frozenset[str] | None = None
        if op is BRANCH:
            alternatives = [_required(sub.data) for sub in av[1]]
            if all(a is not None for a in alternatives):
                found = frozenset().union(*alternatives)  # type: ignore[arg-type]
        elif op is SUBPATTERN:
            found = _required(av[3].data)
        elif op in (MAX_REPEAT, MIN_REPEAT) and av[0] >= 1:
            found = _required(av[2].data)
        best = better(best, found)
    close_run()
    if not best or "" in best:
        return None
    # a string that holds another of the set adds nothing ("days" beside "day")
    return frozenset(w for w in best if not any(v != w and v in w for v in best))


def required_strings(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """For a `compile_folded` pattern, strings one of which is in the folded text of
    every match (so the pattern can be skipped on a text without any); None when there
    are none to be had.

    >>> sorted(required_strings(compile_folded(r"\\b(?:half an? hour|(\\d+) days? ago)\\b")))
    [' day', 'half a']
    """
    try:
        parsed = _parser.parse(pattern.pattern, re.I)
        data = _rewrite(parsed.data)
    except (_Unsupported, re.error, TypeError):
        return None
    return _required(data)
