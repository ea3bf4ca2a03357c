"""Typed exceptions; the CLI turns each into a message and an exit status.

Also `printable()`: how a name from the file system or a document (a path, a JSONL
id, an entity) is shown in a message, so that no byte of it can drive the terminal.
"""

from __future__ import annotations

import re

# C0 and C1 control characters, DEL, bidirectional overrides and isolates (they
# reorder what a terminal shows), and lone surrogates (non-UTF-8 bytes of a file name
# decoded with 'surrogateescape', or a JSON "\ud800").
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_UNPRINTABLE_BUT_LINES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _escape(match: re.Match) -> str:
    if match.group() in _NAMED:
        return _NAMED[match.group()]
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 ('surrogateescape')
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: str, *, lines: bool = False) -> str:
    """`text` with control characters, bidi overrides and undecodable bytes escaped.

    Names are stored as given and escaped when shown; `lines=True` keeps newlines and
    tabs (for whole messages).

    >>> printable("bad\\x1b[2J\\udcffname.txt")
    'bad\\\\x1b[2J\\\\xffname.txt'
    """
    pattern = _UNPRINTABLE_BUT_LINES if lines else _UNPRINTABLE
    return pattern.sub(_escape, text) if pattern.search(text) else text


def escape_undecodable(text: str) -> str:
    """A name with only its undecodable bytes and lone surrogates escaped (`\\xff`),
    so that it can be stored as UTF-8; other characters stay as given.

    >>> escape_undecodable("caf\\udce9.txt")
    'caf\\\\xe9.txt'
    """
    if not _SURROGATE.search(text):
        return text
    return _SURROGATE.sub(_escape, text)


_SURROGATE = re.compile("[\ud800-\udfff]")


def describe(exc: BaseException) -> str:
    """A one-line account of an unexpected exception, for a message naming its input."""
    if isinstance(exc, FactxError):
        return exc.message
    if isinstance(exc, MemoryError):
        return "out of memory"
    if isinstance(exc, RecursionError):
        return "structure nested too deeply"
    text = " ".join(str(exc).split())[:300]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


class FactxError(Exception):
    """A failure the user can act on. `exit_code` follows the README's table."""

    exit_code = 1

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class UsageError(FactxError):
    """The command line asks for something impossible (exit 2)."""

    exit_code = 2


class RuleError(UsageError):
    """A rule file is invalid: names the file, the rule id and the key (exit 2)."""

    def __init__(self, path: str, rule_id: str | None, key: str | None, problem: str) -> None:
        where = path
        if rule_id is not None:
            where += f": rule {rule_id!r}"
        if key is not None:
            where += f": key {key!r}"
        super().__init__(f"{where}: {problem}")
        self.path, self.rule_id, self.key, self.problem = path, rule_id, key, problem

    def __reduce__(self):
        return (type(self), (self.path, self.rule_id, self.key, self.problem))


class InputError(FactxError):
    """One input (or one document) cannot be read or processed; the run goes on without it."""

    def __init__(self, path: str, problem: str, *, line: int | None = None) -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{printable(where)}: {problem}")
        self.path, self.line, self.problem = path, line, problem

    def __reduce__(self):
        # workers send these to the parent: rebuild from the fields, not from `args`
        return (_input_error, (type(self), self.path, self.problem, self.line))


def _input_error(cls, path: str, problem: str, line: int | None) -> InputError:
    return cls(path, problem, line=line)


class StoreError(FactxError):
    """The store cannot be opened, read or written.

    `kind` says what SQLite reported: "corrupt", "full", "io", "readonly", "busy", or
    "other" (one statement refused, the store itself is fine).
    """

    def __init__(self, message: str, *, hint: str | None = None, kind: str = "other") -> None:
        super().__init__(message, hint=hint)
        self.kind = kind


class UnknownEntity(FactxError):
    """`--entity` matched nothing; carries the closest known names."""

    def __init__(self, query: str, closest: list[str]) -> None:
        hint = ("closest known entities: " + ", ".join(printable(c) for c in closest)) if closest else \
            "the store holds no entities yet: run 'factx extract PATH' first"
        super().__init__(f"no entity matches '{printable(query)}'", hint=hint)
        self.query, self.closest = query, closest

    def __reduce__(self):
        return (type(self), (self.query, self.closest))
