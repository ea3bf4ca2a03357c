"""The command line: parses arguments, calls the library, prints.

Data goes to stdout (`sys.stdout.write`, one JSON line per record); messages,
warnings and progress go to one stderr console. Library errors (`FactxError`) are
turned into a message and an exit status in one place, `_errors()`.

Exit status: 0 success; 1 runtime failure (including "some inputs were skipped");
2 usage error (bad option, invalid rule file); 3 `conflicts --exit-status` found
conflicts; 130 interrupted by Ctrl-C (what was finished is stored).

Heavy modules (spaCy, dateparser) are imported inside the commands that need them,
so that `conflicts`, `facts`, `entities` and `status` answer quickly.
"""

from __future__ import annotations

import json
import os
import sys
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Iterable, Iterator, Optional

import typer

app = typer.Typer(
    name="factx",
    help="Read many news articles about the same events and show where the sources disagree.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
rules_app = typer.Typer(help="Check rule files.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")

_stderr = None


def stderr():
    """The one console for messages (created on first use: Rich is imported lazily)."""
    global _stderr
    if _stderr is None:
        from rich.console import Console

        _stderr = Console(stderr=True, highlight=False)
    return _stderr


def message(text: str) -> None:
    from rich.markup import escape

    from factx.errors import printable

    stderr().print(escape(printable(text, lines=True)), soft_wrap=True)


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


class Severity(str, Enum):
    soft = "soft"
    hard = "hard"


class Engine(str, Enum):
    local = "local"
    dask = "dask"


StoreOpt = Annotated[Optional[Path], typer.Option("--store", help="Store directory [default: .factx/ or $FACTX_STORE].",
                                                  show_default=False)]
RulesOpt = Annotated[Optional[Path], typer.Option("--rules", help="Extra or overriding rule files on top of the shipped rules/.")]
ModelOpt = Annotated[Optional[str], typer.Option("--model", help="spaCy pipeline [default: en_core_web_sm if installed].")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary on stderr.")]
FormatOpt = Annotated[Optional[Format], typer.Option("--format", help="table (terminal default), json or jsonl (pipe default).")]


def _format(chosen: Optional[Format]) -> Format:
    if chosen is not None:
        return chosen
    return Format.table if sys.stdout.isatty() else Format.jsonl


@contextmanager
def _errors() -> Iterator[None]:
    """Turn library errors into a message on stderr and an exit status."""
    from factx.errors import FactxError

    try:
        yield
    except FactxError as exc:
        message(f"factx: {exc.message}")
        if exc.hint:
            message(f"  {exc.hint}")
        raise typer.Exit(exc.exit_code) from None
    except BrokenPipeError:
        _quiet_pipe()
        raise typer.Exit(0) from None
    except KeyboardInterrupt:
        message("factx: interrupted")
        raise typer.Exit(130) from None
    except OSError as exc:  # a full device, a closed stdout, a file that went away
        _quiet_pipe()
        where = f"{exc.filename}: " if exc.filename else ""
        message(f"factx: {where}{exc.strerror or exc}")
        raise typer.Exit(1) from None


def _quiet_pipe() -> None:
    # The reader went away (`factx ... | head`): not an error. Point stdout at devnull
    # so that the interpreter's final flush does not complain.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


class _ClosedStdout:
    """Standard output when the process was started with it closed (`>&-`): every
    write is an error with a message, never a traceback."""

    def write(self, text: str) -> int:
        raise OSError(9, "standard output is closed")

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError(9, "standard output is closed")


def _check_output(output: Optional[Path]) -> bool:
    """Before a run: that its JSONL can be written (to `output`, or to stdout when it
    is not a terminal). True when `output` was created by this check."""
    from factx.errors import FactxError

    if output is None:
        if isinstance(sys.stdout, _ClosedStdout):
            raise FactxError("standard output is closed: nowhere to write the facts",
                             hint="pass -o FILE, or send stdout to a file or /dev/null")
        return False
    existed = os.path.lexists(output)
    try:
        with open(output, "a", encoding="utf-8"):
            pass
    except OSError as exc:
        raise FactxError(f"{output}: cannot write the output file: {exc.strerror or exc}",
                         hint="check that its folder exists and is writable, or pass another -o") from None
    return not existed


def _safe_table(table) -> None:
    """Every cell of a Rich table with control characters escaped (names come from
    documents and file names); markup was escaped where the cells were made."""
    from rich.text import Text

    from factx.errors import printable

    def safe(cell):
        if isinstance(cell, str):
            return printable(cell, lines=True)
        if isinstance(cell, Text) and printable(cell.plain, lines=True) != cell.plain:
            return Text(printable(cell.plain, lines=True), style=cell.style)
        return cell

    for column in table.columns:
        cells = getattr(column, "_cells", None)  # Rich keeps a column's cells there
        if cells is not None:
            column._cells = [safe(c) for c in cells]
    if table.title is not None:
        table.title = safe(table.title)


def _write_jsonl(records: Iterable[dict[str, Any]], out=None) -> int:
    from factx.records import dumps

    out = out or sys.stdout
    count = 0
    with _writing(out):
        for record in records:
            out.write(dumps(record) + "\n")
            count += 1
        out.flush()
    return count


@contextmanager
def _writing(out) -> Iterator[None]:
    """Turn a failed write (a full device, a closed stdout) into a message naming where."""
    from factx.errors import FactxError

    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        name = getattr(out, "name", None)
        where = "standard output" if out is sys.stdout or name in (None, "<stdout>", 1) else str(name)
        if where == "standard output":
            _quiet_pipe()
        raise FactxError(f"cannot write to {where}: {exc.strerror or exc}",
                         hint="free some space on the device, or send the output elsewhere"
                         if exc.errno == 28 else None) from None


def _write_json_array(records: Iterable[dict[str, Any]]) -> None:
    from factx.records import dumps

    with _writing(sys.stdout):
        sys.stdout.write("[")
        for i, record in enumerate(records):
            sys.stdout.write((",\n " if i else "") + dumps(record))
        sys.stdout.write("]\n")
        sys.stdout.flush()


def _open_store(store: Optional[Path], *, create: bool = False):
    from factx.store import Store

    return Store.open(store, create=create)


def _print_table(table) -> None:
    from rich.console import Console

    _safe_table(table)
    with _writing(sys.stdout):
        Console(highlight=False).print(table)
        sys.stdout.flush()


# --- extract ---------------------------------------------------------------------------

@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive), globs, or - for stdin.")],
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write the facts as JSONL to FILE.")] = None,
    store: StoreOpt = None,
    rules: RulesOpt = None,
    model: ModelOpt = None,
    jobs: Annotated[int, typer.Option("-j", "--jobs", min=1, help="Worker processes.")] = 1,
    engine: Annotated[Engine, typer.Option("--engine", help="local processes or a Dask cluster.")] = Engine.local,
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="Dask scheduler address (a LocalCluster if omitted).")] = None,
    published: Annotated[Optional[str], typer.Option("--published", help="Publication date for every input (2019-10-08, or RFC 2822 and other full dates).")] = None,
    quiet: QuietOpt = False,
) -> None:
    """Extract facts from articles into the store; JSONL on stdout when piped."""
    with _errors():
        from factx.errors import UsageError
        from factx.extract import run_extract

        published = _check_date_option(published)
        if scheduler and engine is not Engine.dask:
            raise UsageError("--scheduler needs --engine dask")
        to_file = output is not None
        created = _check_output(output) if to_file or not sys.stdout.isatty() else False
        db = _open_store(store, create=True)
        progress = _Progress(enabled=not quiet and stderr().is_terminal)
        failed: list[str] = []

        def on_error(error) -> None:
            if not error.message.split(": ", 1)[-1].startswith("warning:"):
                failed.append(error.path)
            progress.log(f"factx: {error.message}")

        try:
            with progress:
                report = run_extract(paths, store=db, model=model, rules_dir=str(rules) if rules else None,
                                     jobs=jobs, engine=engine.value, scheduler=scheduler,
                                     published=published, on_error=on_error,
                                     on_document=lambda path, state: progress.advance(path))
        except KeyboardInterrupt:
            message("factx: interrupted; the documents of the batches committed so far are stored, "
                    "run the same command again to resume")
            raise typer.Exit(130) from None
        except BaseException:
            if created:  # made empty by the check before the run: nothing was written to it
                Path(output).unlink(missing_ok=True)
            raise
        if to_file or not sys.stdout.isatty():
            facts = db.facts(run_id=report.run_id)
            if to_file:
                with _writing(output), open(output, "w", encoding="utf-8") as handle:
                    count = _write_jsonl(facts, handle)
            else:
                count = _write_jsonl(facts)
        else:
            count = db.status()["facts"]
        c = report.counts
        if not quiet and (sys.stdout.isatty() or to_file):
            message(f"{c.new} new, {c.changed} changed, {c.unchanged} unchanged, {c.failed} failed documents; "
                    f"{count} facts{' written to ' + str(output) if to_file else ' in the store'} "
                    f"({db.directory}); model {report.model}")
        if report.interrupted:
            import signal

            signum = report.signal or signal.SIGINT
            name = {signal.SIGINT: "Ctrl-C (SIGINT)"}.get(signum, signal.Signals(signum).name)
            message(f"factx: {name}: interrupted; stored {c.new + c.changed} documents before stopping; "
                    "run the same command again to resume")
            raise typer.Exit(128 + signum)
        if c.failed:
            if not quiet:
                message(f"factx: {c.failed} input(s) skipped; see the messages above")
            raise typer.Exit(1)


class _Progress:
    """A progress bar on stderr for long runs (terminal only)."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.bar = None

    def __enter__(self) -> "_Progress":
        if self.enabled:
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self.bar = Progress(SpinnerColumn(), TextColumn("{task.completed} documents"),
                                TextColumn("{task.description}"), TimeElapsedColumn(),
                                console=stderr(), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("", total=None)
        return self

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()

    def advance(self, path: str) -> None:
        if self.bar is not None:
            from rich.markup import escape

            from factx.errors import printable

            self.bar.update(self.task, advance=1, description=escape(printable(path)[-50:]))

    def log(self, text: str) -> None:
        if self.bar is not None:
            from rich.markup import escape

            from factx.errors import printable

            self.bar.console.print(escape(printable(text, lines=True)), soft_wrap=True)
        else:
            message(text)


def _check_date_option(value: Optional[str]) -> Optional[str]:
    """`--published` as an ISO date (ISO, RFC 2822 and other full dates are read)."""
    if value is None:
        return None
    from factx.published import parse_date_value

    parsed = parse_date_value(value)
    if parsed.value is None:
        raise typer.BadParameter(f"{parsed.problem}; use a date such as 2019-10-08", param_hint="--published")
    return parsed.value


# --- query commands --------------------------------------------------------------------

def _load_fact_file(path: str) -> list[dict[str, Any]]:
    from factx.errors import InputError, describe

    stream = sys.stdin if path == "-" else None
    try:
        handle = stream or open(path, encoding="utf-8")
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    facts = []
    with handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(path, f"malformed JSON: {exc.msg}", line=number) from None
            except (ValueError, RecursionError) as exc:  # absurd numbers, nesting
                raise InputError(path, f"malformed JSON: {describe(exc)}", line=number) from None
            if isinstance(record, dict) and record.get("schema") == "factx.fact/1":
                facts.append(record)
    return facts


@app.command()
def conflicts(
    entity: Annotated[Optional[str], typer.Option("--entity", "-e", help="Any known spelling of an entity.")] = None,
    attribute: Annotated[Optional[str], typer.Option("--attribute", "-a", help="Only this attribute.")] = None,
    facts_file: Annotated[Optional[str], typer.Option("--facts", help="Read facts from a JSONL file (or -) instead of the store.")] = None,
    fmt: FormatOpt = None,
    min_severity: Annotated[Severity, typer.Option("--min-severity", help="soft shows every conflict; hard only conflicts whose values cannot both be true.")] = Severity.soft,
    kind: Annotated[Optional[str], typer.Option("--kind", help="Only these kinds, comma-separated: value,denial,spelling.")] = None,
    quotes: Annotated[bool, typer.Option("--quotes", help="Print each source's whole quote (terminal report).")] = False,
    exit_status: Annotated[bool, typer.Option("--exit-status", help="Exit 3 when conflicts are found.")] = False,
    store: StoreOpt = None,
    rules: RulesOpt = None,
) -> None:
    """Where sources disagree: values, documents, quotes and who said them."""
    with _errors():
        from factx.conflicts import facts_conflicts, parse_kinds, store_conflicts
        from factx.rules import load_rules

        try:
            kinds = parse_kinds(kind)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--kind") from None
        ruleset = load_rules(rules) if rules else None
        options = dict(attribute=attribute, kinds=kinds, min_severity=min_severity.value, rules=ruleset)
        outlets: dict[str, str] = {}
        if facts_file is not None:
            records = _load_fact_file(facts_file)
            ids = None
            if entity is not None:
                from factx.resolve import fold

                key = fold(entity)
                ids = {f["entity_id"] for f in records if fold(f["entity"]) == key or fold(f.get("mention") or "") == key}
                if not ids:
                    from factx.errors import UnknownEntity
                    from factx.resolve import closest

                    raise UnknownEntity(entity, closest(entity, {f["entity"] for f in records}))
            found = facts_conflicts(records, entity_ids=ids, **options)
        else:
            db = _open_store(store)
            ids = None
            if entity is not None:
                from factx.extract import find_entity

                ids = find_entity(db, entity)
            found = store_conflicts(db, entity_ids=ids, **options)
            if hasattr(db, "documents"):  # outlets, where the documents name them
                from factx.memo import outlets_from

                outlets = outlets_from(db.documents())
        chosen = _format(fmt)
        any_found = False
        if chosen is Format.jsonl:
            any_found = _write_jsonl(found) > 0
        elif chosen is Format.json:
            found = list(found)
            any_found = bool(found)
            _write_json_array(found)
        else:
            import shutil

            from factx.memo import memo_lines

            from factx.errors import printable

            width = min(120, shutil.get_terminal_size((100, 24)).columns)
            with _writing(sys.stdout):
                for line in memo_lines(found, outlets=outlets, quotes=quotes, width=width):
                    any_found = True
                    sys.stdout.write(printable(line, lines=True) + "\n")  # words of documents
                sys.stdout.flush()
            if not any_found:
                message("no conflicts" + (f" about {entity}" if entity else ""))
        if exit_status and any_found:
            raise typer.Exit(3)


@app.command()
def facts(
    entity: Annotated[Optional[str], typer.Option("--entity", "-e", help="Any known spelling of an entity.")] = None,
    attribute: Annotated[Optional[str], typer.Option("--attribute", "-a", help="Only this attribute.")] = None,
    fmt: FormatOpt = None,
    store: StoreOpt = None,
) -> None:
    """Facts from the store: JSONL when piped, a table on a terminal."""
    with _errors():
        db = _open_store(store)
        ids = None
        if entity is not None:
            from factx.extract import find_entity

            ids = find_entity(db, entity)
        records = db.facts(entity_ids=ids, attribute=attribute)
        chosen = _format(fmt)
        if chosen is Format.jsonl:
            _write_jsonl(records)
        elif chosen is Format.json:
            _write_json_array(records)
        else:
            from rich.markup import escape
            from rich.table import Table

            table = Table("entity", "attribute", "value", "said by", "doc:line", "quote", show_lines=False)
            for f in records:
                table.add_row(*(escape(str(x)) if x is not None else "" for x in (
                    f["entity"], f["attribute"], f["value"], f["said_by"], f"{f['doc']}:{f['line']}",
                    _trim(f["quote"], 80))))
            _print_table(table)


def _trim(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


@app.command()
def entities(
    query: Annotated[Optional[str], typer.Argument(help="Only entities with a spelling containing QUERY.")] = None,
    fmt: FormatOpt = None,
    store: StoreOpt = None,
) -> None:
    """The resolved entities with every variant spelling, its count and documents."""
    with _errors():
        from factx.resolve import fold

        db = _open_store(store)
        records = []
        key = fold(query) if query else None
        for entity_id, canonical, entity_type in db.entities():
            variants = db.variants(entity_id)
            if key and key not in fold(canonical) and not any(key in fold(v["name"]) for v in variants):
                continue
            records.append({"entity": canonical, "entity_id": entity_id, "entity_type": entity_type,
                            "variants": variants})
        if query and not records:
            from factx.errors import UnknownEntity
            from factx.resolve import closest

            raise UnknownEntity(query, closest(query, list(db.known_names())))
        chosen = _format(fmt)
        if chosen is Format.json:
            _write_json_array(records)
        elif chosen is Format.jsonl:
            _write_jsonl(records)
        else:
            from rich.markup import escape
            from rich.table import Table

            table = Table("entity", "type", "spellings (count: documents)")
            for r in records:
                spellings = "\n".join(f"{v['name']} ({v['count']}: {', '.join(v['docs'])})" for v in r["variants"])
                table.add_row(escape(r["entity"]), r["entity_type"] or "", escape(spellings))
            _print_table(table)


@app.command()
def status(fmt: FormatOpt = None, store: StoreOpt = None) -> None:
    """What the store holds and what the last run did."""
    with _errors():
        db = _open_store(store)
        info = db.status()
        if _format(fmt) is Format.table:
            last = info["last_run"] or {}
            text = (f"store      {db.directory}\n"
                    f"documents  {info['documents']}\nfacts      {info['facts']}\nentities   {info['entities']}\n"
                    + (f"last run   {last['new']} new, {last['changed']} changed, {last['unchanged']} unchanged, "
                       f"{last['failed']} failed\n" if last else "last run   none\n"))
        else:
            text = json.dumps(info) + "\n"
        with _writing(sys.stdout):
            sys.stdout.write(text)
            sys.stdout.flush()


@app.command()
def dates(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, globs, or - for stdin.")],
    published: Annotated[Optional[str], typer.Option("--published", help="Publication date for every input (2019-10-08, or RFC 2822 and other full dates).")] = None,
    rules: RulesOpt = None,
    model: ModelOpt = None,
) -> None:
    """Every temporal expression with its TIMEX3 value, as JSONL."""
    with _errors():
        published = _check_date_option(published)
        from factx.dates_command import date_records

        failed = 0

        def on_error(error) -> None:
            nonlocal failed
            failed += 1
            message(f"factx: {error.message}")

        _write_jsonl(r.to_json() for r in date_records(
            paths, published=published, model=model, rules_dir=str(rules) if rules else None,
            on_error=on_error))
        if failed:
            raise typer.Exit(1)


@app.command()
def documents(fmt: FormatOpt = None, store: StoreOpt = None) -> None:
    """The stored documents: outlet, title, publication date and how it was found."""
    with _errors():
        db = _open_store(store)
        records = db.documents()
        chosen = _format(fmt)
        if chosen is Format.jsonl:
            _write_jsonl(records)
        elif chosen is Format.json:
            _write_json_array(records)
        else:
            from rich.table import Table
            from rich.text import Text

            table = Table()
            table.add_column("doc", overflow="fold")
            for column in ("outlet", "title", "published", "how (from)", "facts"):
                table.add_column(column, no_wrap=column == "published")
            for d in records:
                how = d["published_how"] or ""
                if d["published_from"]:
                    how += f" ({_trim(d['published_from'], 70)})"
                table.add_row(*(Text(str(x)) if x is not None else "" for x in (
                    d["doc"], d["outlet"], _trim(d["title"] or "", 50), d["published"], how, d["facts"])))
            _print_table(table)


@app.command()
def report(
    entity: Annotated[Optional[str], typer.Option("--entity", "-e", help="Only this entity (any known spelling).")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="The HTML file to write [default: stdout when piped].")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="How many main entities to show.")] = 25,
    max_sources: Annotated[int, typer.Option("--max-sources", min=1, help="Source columns per entity at most.")] = 40,
    rules: RulesOpt = None,
    store: StoreOpt = None,
) -> None:
    """An offline HTML page: per main entity, who says what, where they disagree, a timeline.

    Example: factx report -o report.html
    """
    with _errors():
        from factx.report import build_report

        if output is None and sys.stdout.isatty():
            raise typer.BadParameter("give the file to write with -o FILE.html (or pipe the output)",
                                     param_hint="'-o'")
        db = _open_store(store)
        ids = None
        if entity is not None:
            from factx.extract import find_entity

            ids = find_entity(db, entity)
        from factx.rules import load_rules

        page = build_report(db, entity_ids=ids, limit=limit, max_sources=max_sources,
                            rules=load_rules(rules) if rules else None)
        if output is None:
            with _writing(sys.stdout):
                sys.stdout.write(page)
                sys.stdout.flush()
        else:
            try:
                output.write_text(page, encoding="utf-8")
            except OSError as exc:
                raise typer.BadParameter(f"cannot write {output}: {exc.strerror}", param_hint="'-o'") from None
            message(f"factx: wrote {output} ({len(page.encode('utf-8')) // 1024} KB)")


@app.command()
def prune(
    dry_run: Annotated[bool, typer.Option("--dry-run", "-n", help="Only list what would be removed.")] = False,
    store: StoreOpt = None,
    rules: RulesOpt = None,
) -> None:
    """Remove the documents whose file is gone (moved or deleted), with their facts.

    Prints the removed documents, one per line.
    """
    with _errors():
        from factx.errors import printable
        from factx.extract import prune as prune_store
        from factx.store import Store

        db = Store.open(store, create=False, readonly=False)
        removed, unchecked = prune_store(db, dry_run=dry_run, rules_dir=str(rules) if rules else None)
        with _writing(sys.stdout):
            for path in removed:
                sys.stdout.write(printable(path) + "\n")
            sys.stdout.flush()
        verb = "would be removed" if dry_run else "removed"
        message(f"{len(removed)} document(s) whose file is gone {verb}"
                + (f"; {unchecked} not checked (read from standard input, or stored before factx "
                   "recorded files: extract them again to record it)" if unchecked else ""))


@rules_app.command("check")
def rules_check(directory: Annotated[Optional[Path], typer.Argument(help="A folder of rule files [default: the shipped rules/].")] = None) -> None:
    """Validate rule files; report errors by file, rule id and key."""
    with _errors():
        from factx.rules import SHIPPED_RULES, check, rule_files

        dirs = [directory] if directory else [SHIPPED_RULES]
        problems = check(dirs)
        if not problems:
            problems = _compile_check(directory)
        for problem in problems:
            message(f"factx: {problem.message}")
        if problems:
            raise typer.Exit(2)
        count = sum(len(rule_files(Path(d))) for d in dirs)
        message(f"{count} rule files valid")


def _compile_check(directory: Optional[Path]) -> list:
    """Problems only the stages see when they compile their rules (unknown families...)."""
    from factx.errors import RuleError
    from factx.rules import load_rules
    from factx.stages.attributes import compile_rules

    try:
        compile_rules(load_rules(directory).validate())
    except RuleError as exc:
        return [exc]
    return []


def main() -> None:
    if sys.stdout is None:  # started with stdout closed (`>&-`)
        sys.stdout = _ClosedStdout()
    try:
        app()
    except BrokenPipeError:
        _quiet_pipe()
        sys.exit(0)
    except KeyboardInterrupt:
        message("factx: interrupted")
        sys.exit(130)
    except Exception as exc:  # a bug: one line that can be reported, not a traceback
        if os.environ.get("FACTX_DEBUG"):
            raise
        from factx.errors import describe

        message(f"factx: internal error: {describe(exc)}")
        message("  please report it; FACTX_DEBUG=1 shows where it happened")
        sys.exit(1)
