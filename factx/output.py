"""The one writer of the command line's data, and its messages on stderr.

Every command that prints records calls `write(records, kind=..., fmt=..., out=...)`:

- ``jsonl``: one compact JSON object per line, written as each record comes (for jq);
- ``json``: one JSON array (the object itself for `status`, of which there is one);
- ``csv``: a header, then one row per innermost item (a conflict's source, an entity's
  spelling); the columns come from the record's dataclass in `factx.records`, lists of
  strings are joined with "; ";
- ``table``: Rich tables for people (`factx.tables`).

`default_format` picks the format when the user gave none: a table on a terminal,
JSONL when piped or written to a file. Messages, warnings and progress go to one
stderr console (`Messages`), never to stdout.
"""

from __future__ import annotations

import csv
import os
import sys
import typing
from contextlib import contextmanager
from dataclasses import fields
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, TextIO

from factx.records import RECORDS, _record_of, dumps

FORMATS = ("table", "json", "jsonl", "csv")
#: Kinds a command prints one of: `json` gives the object itself, not an array of one.
SINGLE = frozenset({"status"})
#: Width of a table written to a file or a pipe ($COLUMNS or a terminal's width otherwise).
TABLE_WIDTH = 120


def default_format(chosen: str | None, *, out: TextIO) -> str:
    """`chosen`, else a table on a terminal and JSONL anywhere else."""
    if chosen:
        return chosen
    return "table" if _is_terminal(out) else "jsonl"


def _is_terminal(out: TextIO) -> bool:
    try:
        return out.isatty()
    except (AttributeError, ValueError):
        return False


class ClosedStdout:
    """Standard output when the process was started with it closed (`>&-`)."""

    def write(self, text: str) -> int:
        raise OSError(9, "standard output is closed")

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError(9, "standard output is closed")


@contextmanager
def open_output(path: Path | None) -> Iterator[TextIO]:
    """`path` opened for writing (UTF-8, newlines as written), or stdout when None.

    Either is checked here, before any work: a command whose output cannot be written
    stops with a message rather than after a run."""
    if path is None or str(path) == "-":
        if isinstance(sys.stdout, ClosedStdout):
            from factx.errors import FactxError

            raise FactxError("standard output is closed: nowhere to write the output",
                             hint="pass -o FILE, or send stdout to a file or /dev/null")
        yield sys.stdout
        return
    from factx.errors import UsageError

    try:
        handle = open(path, "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise UsageError(f"{path}: cannot write: {exc.strerror or exc}",
                         hint="give -o a file in a folder that exists and that you can write to") from None
    with handle:
        yield handle


# ---------------------------------------------------------------------------------------
# records to rows

def csv_columns(kind: str) -> list[str]:
    """The CSV columns of a record kind: its fields, with the fields of the records it
    holds in place of them (`Conflict` → values → sources), `schema` left out."""
    return [name for name, _ in _columns(RECORDS[kind], "")]


def _columns(cls: type, prefix: str) -> list[tuple[str, Any]]:
    hints = typing.get_type_hints(cls)
    out: list[tuple[str, Any]] = []
    for f in fields(cls):
        inner = _record_of(hints[f.name])
        if inner is None or _optional_list(hints[f.name]):
            out.append((prefix + f.name, None))
        elif typing.get_origin(hints[f.name]) is tuple:
            out.extend(_columns(inner, prefix))  # one row per item: their columns in place
        else:
            out.extend(_columns(inner, f"{prefix}{f.name}_"))  # one nested record: prefixed
    return out


def _optional_list(hint: Any) -> bool:
    """`tuple[Record, ...] | None`: records beside the row's own (a conflict's values set aside)."""
    return any(typing.get_origin(a) is tuple for a in typing.get_args(hint)) and \
        typing.get_origin(hint) is not tuple


def csv_rows(record: dict[str, Any], kind: str) -> Iterator[dict[str, Any]]:
    """The CSV rows of one record (several when it holds a list of records)."""
    yield from _rows(record, RECORDS[kind], "")


def _rows(record: dict[str, Any], cls: type, prefix: str) -> Iterator[dict[str, Any]]:
    hints = typing.get_type_hints(cls)
    row: dict[str, Any] = {}
    nested: tuple[list[dict[str, Any]], type] | None = None
    for f in fields(cls):
        value = record.get(f.name)
        inner = _record_of(hints[f.name])
        if inner is not None and _optional_list(hints[f.name]):
            row[prefix + f.name] = dumps(value) if value else None  # a side list: one JSON cell
        elif inner is None:
            if isinstance(value, list):
                value = "; ".join(map(str, value))
            elif isinstance(value, dict):
                value = dumps(value)
            row[prefix + f.name] = value
        elif typing.get_origin(hints[f.name]) is tuple:
            nested = (value or [], inner)
        else:
            for sub in _rows(value or {}, inner, f"{prefix}{f.name}_"):
                row.update(sub)
    if nested is None or not nested[0]:
        yield row
        return
    for item in nested[0]:
        for sub in _rows(item, nested[1], prefix):
            yield {**row, **sub}


# ---------------------------------------------------------------------------------------
# the writer

def write(records: Iterable[dict[str, Any]], *, kind: str, fmt: str, out: TextIO,
          empty: Callable[[], None] | None = None,
          table: Callable[[list[dict[str, Any]]], Any] | None = None) -> int:
    """Write records of one kind in one format; return how many were written.

    `empty` is called instead of printing an empty table (a message on stderr);
    `table` renders the records for people in place of `factx.tables.TABLES[kind]`:
    a Rich renderable, or lines of text.
    """
    count = 0
    if fmt == "jsonl":
        for record in records:
            out.write(dumps(record) + "\n")
            count += 1
    elif fmt == "json" and kind in SINGLE:
        for record in records:
            out.write(dumps(record) + "\n")
            count += 1
    elif fmt == "json":
        out.write("[")
        for record in records:
            out.write((",\n " if count else "") + dumps(record))
            count += 1
        out.write("]\n")
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=csv_columns(kind), extrasaction="ignore",
                                lineterminator="\n")
        writer.writeheader()
        for record in records:
            writer.writerows(csv_rows(record, kind))
            count += 1
    elif fmt == "table":
        # for people: names, quotes and paths come from documents and file names, and a
        # terminal would obey the control characters in them; escaped before any renderer
        held = [displayable(record) for record in records]
        count = len(held)
        if not held and empty is not None:
            empty()
        elif held or empty is None:
            from rich.console import Console
            from rich.protocol import is_renderable

            from factx.tables import TABLES

            shown = (table or TABLES[kind])(held)
            if not is_renderable(shown):  # lines of text
                for line in shown:
                    out.write(line + "\n")
            else:
                terminal = _is_terminal(out)
                Console(file=out, highlight=False, force_terminal=terminal or None,
                        width=None if terminal or os.environ.get("COLUMNS") else TABLE_WIDTH,
                        color_system="auto" if terminal else None).print(shown)
    else:
        raise ValueError(f"unknown format {fmt!r}")
    out.flush()
    return count


def displayable(value: Any) -> Any:
    """A record with every string in it shown safely (`factx.errors.printable`: control
    characters, terminal escapes and bidi overrides escaped), for tables and memos."""
    from factx.errors import printable

    if isinstance(value, str):
        return printable(value, lines=True)
    if isinstance(value, dict):
        return {key: displayable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(displayable(item) for item in value)
    return value


def quiet_pipe() -> None:
    """The reader went away (`factx ... | head`): not an error. Point stdout at devnull
    so that the interpreter's final flush does not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


# ---------------------------------------------------------------------------------------
# messages

class Messages:
    """Messages on stderr: errors always, warnings and summaries unless quiet, details
    only when verbose. Text is never read as Rich markup."""

    def __init__(self, *, quiet: bool = False, verbose: bool = False) -> None:
        self.quiet = quiet
        self.verbose = verbose and not quiet
        self._console = None

    @property
    def console(self):
        if self._console is None:
            from rich.console import Console

            self._console = Console(stderr=True, highlight=False)
        return self._console

    def _print(self, text: str) -> None:
        from rich.markup import escape

        from factx.errors import printable

        self.console.print(escape(printable(text, lines=True)), soft_wrap=True)

    def error(self, text: str) -> None:
        self._print(text)

    def info(self, text: str) -> None:
        if not self.quiet:
            self._print(text)

    warn = info

    def detail(self, text: str) -> None:
        if self.verbose:
            self._print(text)


class Progress:
    """A progress bar on stderr while documents are processed (terminal only, not quiet);
    messages logged meanwhile print above it."""

    def __init__(self, messages: Messages) -> None:
        self.messages = messages
        self.enabled = not messages.quiet and messages.console.is_terminal
        self.bar = None

    def __enter__(self) -> "Progress":
        if self.enabled:
            from rich.progress import Progress as Bar
            from rich.progress import SpinnerColumn, TextColumn, TimeElapsedColumn

            self.bar = Bar(SpinnerColumn(), TextColumn("{task.completed} documents"),
                           TextColumn("{task.description}"), TimeElapsedColumn(),
                           console=self.messages.console, transient=True)
            self.bar.start()
            self.task = self.bar.add_task("", total=None)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def advance(self, path: str, state: str) -> None:
        if self.bar is not None:
            from rich.markup import escape

            from factx.errors import printable

            self.bar.update(self.task, advance=1, description=escape(printable(path)[-50:]))
        self.messages.detail(f"{state:9} {path}")
