"""The command line's options and arguments: declared once, shared by every command.

Choices come from the one place that defines each vocabulary (`factx.records`,
`factx.output`); help shows metavars (PATH..., NAME, FILE), never Python types; `--entity`
and `--attribute` complete from the store in the shell.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from factx.output import FORMATS
from factx.records import RECORDS, SEVERITIES


def example(*lines: str) -> str:
    """A command's help epilog: its examples, one a line, kept as written."""
    return "Examples:\n\n\b\n" + "\n".join(f"  {line}" for line in lines)


class _Argument(typer.core.TyperArgument):
    """An argument shown by its metavar (PATH..., [QUERY]), never by a Python type."""

    def display_type_rich(self, ctx: typer.Context) -> None:
        return None

    def _usage_display_name(self) -> str:
        return self.metavar or self.name.upper()


class Command(typer.core.TyperCommand):
    """A command whose arguments show by metavar in its help."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if type(param) is typer.core.TyperArgument:
                param.__class__ = _Argument


Format = Enum("Format", [(f, f) for f in FORMATS], type=str)
Severity = Enum("Severity", [(s, s) for s in SEVERITIES], type=str)
Engine = Enum("Engine", [("local", "local"), ("dask", "dask")], type=str)
RecordName = Enum("RecordName", [(r, r) for r in RECORDS], type=str)


def _complete_from_store(what: str):
    """Shell completion from the store named on the command line (or the default one)."""
    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        from factx import api

        try:
            with api.open_store(ctx.params.get("store")) as db:
                values = db.entity_names() if what == "entities" else db.attributes()
        except Exception:  # completion must never print a traceback into the shell
            return []
        return [v for v in values if v.lower().startswith(incomplete.lower())]
    return complete


StoreOpt = Annotated[Optional[Path], typer.Option("--store", metavar="DIR", show_default=False,
                                                  help="Store directory [default: $FACTX_STORE or .factx/].")]
RulesOpt = Annotated[Optional[Path], typer.Option("--rules", metavar="DIR",
                                                  help="Your rule files, on top of the shipped rules/.")]
ModelOpt = Annotated[Optional[str], typer.Option("--model", metavar="NAME",
                                                 help="spaCy pipeline [default: the installed English one].")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress, summary or warnings on stderr; errors only.")]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", help="Also say what is done: store, documents, timings.")]
FormatOpt = Annotated[Optional[Format], typer.Option("--format", "-f", metavar="FORMAT", show_default=False,
                                                     help="table, json, jsonl or csv [default: a table on a "
                                                          "terminal, jsonl when piped or with -o].")]
OutputOpt = Annotated[Optional[Path], typer.Option("--output", "-o", metavar="FILE", help="Write the data to FILE.")]
EntityOpt = Annotated[Optional[str], typer.Option(
    "--entity", "-e", metavar="NAME", help="Any known spelling of an entity.",
    autocompletion=_complete_from_store("entities"))]
AttributeOpt = Annotated[Optional[str], typer.Option(
    "--attribute", "-a", metavar="ATTRIBUTE", help="Only this attribute (date_of_death, name, title...).",
    autocompletion=_complete_from_store("attributes"))]
def _published(value: Optional[str]) -> Optional[str]:
    """`--published` as an ISO date (ISO, RFC 2822 and other full dates are read)."""
    if value is None:
        return None
    from factx.published import parse_date_value

    parsed = parse_date_value(value)
    if parsed.value is None:
        raise typer.BadParameter(f"{parsed.problem}; use a date such as 2019-10-08")
    return parsed.value


PublishedOpt = Annotated[Optional[str], typer.Option("--published", metavar="DATE", callback=_published, help=(
    "Publication date for every input (2019-10-08, or RFC 2822 and other full dates)."))]
PathsArg = Annotated[list[str], typer.Argument(metavar="PATH...", show_default=False,
                                               help="Files, folders (recursive), globs, or - for stdin.")]


def _kinds(value: Optional[str]) -> Optional[tuple[str, ...]]:
    from factx.conflicts import parse_kinds

    try:
        return parse_kinds(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


KindOpt = Annotated[Optional[str], typer.Option("--kind", metavar="KINDS", callback=_kinds,
                                                help="Only these kinds, comma-separated: value,denial,spelling.")]
