"""The command line: parses arguments, calls the library (`factx.api`), writes.

Data goes to stdout (or `-o FILE`) through the one writer, `factx.output.write`, as a
table, json, jsonl or csv; messages, warnings and progress go to stderr. Library errors
(`FactxError`) become a message and an exit status in one place, `_session()`.

Exit status: 0 success; 1 runtime failure (including "some inputs were skipped");
2 usage error (bad option, invalid rule file); 3 `conflicts --exit-status` found
conflicts; 130, 143, 129 stopped by Ctrl-C, SIGTERM or SIGHUP (what was finished is
stored).

Heavy modules (spaCy, dateparser) are imported only by the commands that need them,
so that `conflicts`, `facts`, `entities`, `status` and `rules check` answer quickly.
"""

from __future__ import annotations

import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Callable, Iterable, Iterator, Optional

import typer

from factx import __version__, api
from factx.options import (AttributeOpt, Command, Engine, EntityOpt, Format, FormatOpt, KindOpt, ModelOpt, OutputOpt,
                           PathsArg, PublishedOpt, QuietOpt, RecordName, RulesOpt, Severity, StoreOpt, VerboseOpt,
                           example)
from factx.output import Messages, Progress, default_format, open_output, quiet_pipe, write

app = typer.Typer(name="factx", no_args_is_help=True, pretty_exceptions_enable=False, rich_markup_mode=None,
                  help="Read many news articles about the same events and show, fact by fact, "
                       "where the sources disagree.",
                  context_settings={"help_option_names": ["-h", "--help"]})
rules_app = typer.Typer(help="Check rule files.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"factx {__version__}\n")
        raise typer.Exit()


@app.callback()
def _main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                help="Print the version and exit.")] = False) -> None:
    """Read many news articles about the same events and show, fact by fact, where the
    sources disagree. Run 'factx COMMAND --help' for the options of a command."""


@contextmanager
def _session(quiet: bool = False, verbose: bool = False) -> Iterator[Messages]:
    """The messages of one command; library errors turned into a message and an exit status."""
    from factx.errors import FactxError

    say = Messages(quiet=quiet, verbose=verbose)
    started = time.perf_counter()
    try:
        yield say
    except FactxError as exc:
        say.error(f"factx: {exc.message}")
        if exc.hint:
            say.error(f"  {exc.hint}")
        raise typer.Exit(exc.exit_code) from None
    except BrokenPipeError:
        quiet_pipe()
        raise typer.Exit(0) from None
    except KeyboardInterrupt:
        say.error("factx: interrupted")
        raise typer.Exit(130) from None
    except OSError as exc:  # writing the output: a full device, a closed stdout
        quiet_pipe()
        where = f"{exc.filename}: " if exc.filename else ""
        say.error(f"factx: cannot write the output: {where}{exc.strerror or exc}")
        raise typer.Exit(1) from None
    say.detail(f"done in {time.perf_counter() - started:.2f} s")


def _write(records: Iterable[dict], kind: str, fmt: Optional[Format], output: Optional[Path], say: Messages,
           empty: str = "", table=None) -> int:
    """Records to stdout or FILE in the chosen format (the one writer of every command)."""
    with open_output(output) as out:
        chosen = default_format(fmt.value if fmt else None, out=out)
        count = write(records, kind=kind, fmt=chosen, out=out, empty=lambda: say.info(empty) if empty else None,
                      table=table)
    say.detail(f"{count} {kind} records written" + (f" to {output}" if output else ""))
    return count


def _took(say: Messages):
    """A fuzzy --entity match: say which entity was taken."""
    return lambda query, canonical: say.warn(f"factx: no entity is spelled {query!r}; showing {canonical!r}")


def _open(store: Optional[Path], say: Messages) -> api.FactStore:
    db = api.open_store(store, on_fuzzy=_took(say))
    say.detail(f"store {db.path}")
    return db


# --- commands ----------------------------------------------------------------------------

@app.command(cls=Command, epilog=example("factx extract seeds/", "factx extract seeds/ | jq -c 'select(.attribute==\"date_of_death\")'",
                             "factx extract crawl/*.jsonl -j 2 -o facts.jsonl"))
def extract(paths: PathsArg, output: OutputOpt = None, fmt: FormatOpt = None, store: StoreOpt = None,
            rules: RulesOpt = None, model: ModelOpt = None,
            jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, metavar="N", help="Worker processes.")] = 1,
            engine: Annotated[Engine, typer.Option("--engine", metavar="ENGINE",
                                                   help="local processes, or dask for a Dask cluster.")] = Engine.local,
            scheduler: Annotated[Optional[str], typer.Option("--scheduler", metavar="ADDRESS",
                                                             help="Dask scheduler [default: a LocalCluster].")] = None,
            published: PublishedOpt = None, quiet: QuietOpt = False, verbose: VerboseOpt = False) -> None:
    """Extract facts from articles into the store; the facts as JSONL when piped or with -o."""
    with _session(quiet, verbose) as say:
        from factx.errors import UsageError

        if scheduler and engine is not Engine.dask:
            raise UsageError("--scheduler needs --engine dask")
        with open_output(output) as out:  # an unwritable -o fails now, not after the run
            data = fmt is not None or output is not None or not out.isatty()
            failed = 0

            def on_error(error) -> None:
                nonlocal failed
                warning = error.message.split(": ", 1)[-1].startswith("warning:")
                failed += not warning
                (say.warn if warning else say.error)(f"factx: {error.message}")

            db = api.open_store(store, create=True)
            say.detail(f"store {db.path}")
            try:
                with Progress(say) as progress:
                    run = api.extract(paths, store=db, jobs=jobs, rules=rules, model=model, published=published,
                                      engine=engine.value, scheduler=scheduler, on_error=on_error,
                                      on_document=progress.advance)
            except KeyboardInterrupt:
                say.error("factx: interrupted; the documents of the batches committed so far are stored, "
                          "run the same command again to resume")
                raise typer.Exit(130) from None
            if data:
                count = write(run.facts(), kind="fact", fmt=default_format(fmt and fmt.value, out=out), out=out)
        c = run.counts
        if not data or output is not None:
            say.info(f"{c.new} new, {c.changed} changed, {c.unchanged} unchanged, {c.failed} failed documents; "
                     + (f"{count} facts written to {output}" if output is not None else
                        f"{db.status()['facts']} facts in the store") + f" ({db.path}); model {run.model}")
        if run.interrupted:
            import signal

            signum = run.signal or signal.SIGINT
            name = {signal.SIGINT: "Ctrl-C (SIGINT)"}.get(signum, signal.Signals(signum).name)
            say.error(f"factx: {name}: interrupted; stored {c.new + c.changed} documents before stopping; "
                      "run the same command again to resume")
            raise typer.Exit(128 + signum)
        if failed or c.failed:
            say.info(f"factx: {c.failed} input(s) skipped; see the messages above")
            raise typer.Exit(1)


@app.command(cls=Command, epilog=example('factx conflicts --entity "Yusuf al-Haddad" --quotes',
                                         "factx conflicts --kind value,denial --min-severity hard -f csv -o c.csv",
                                         "factx extract new/ | factx conflicts --facts -"))
def conflicts(entity: EntityOpt = None, attribute: AttributeOpt = None,
              facts_file: Annotated[Optional[str], typer.Option(
                  "--facts", metavar="FILE", help="Read facts from a JSONL file (or -) instead of the store.")] = None,
              kind: KindOpt = None,
              min_severity: Annotated[Severity, typer.Option(
                  "--min-severity", metavar="SEVERITY",
                  help="soft shows every conflict; hard only conflicts whose values cannot both be true.")] = Severity.soft,
              quotes: Annotated[bool, typer.Option("--quotes", help="Each source's whole quote (table).")] = False,
              events: Annotated[bool, typer.Option(
                  "--events/--no-events",
                  help="With --entity, also the conflicts of events placed there ('the floods in X').")] = True,
              exit_status: Annotated[bool, typer.Option("--exit-status", help="Exit 3 when conflicts are found.")] = False,
              fmt: FormatOpt = None, output: OutputOpt = None, store: StoreOpt = None, rules: RulesOpt = None,
              quiet: QuietOpt = False, verbose: VerboseOpt = False) -> None:
    """Where sources disagree: the values, each with its documents, quotes and who said them."""
    with _session(quiet, verbose) as say:
        import shutil

        from factx.memo import memo_lines

        options = dict(entity=entity, attribute=attribute, min_severity=min_severity.value, kinds=kind, rules=rules,
                       events=events)
        if facts_file is not None:
            outlets: Callable[[], dict[str, str]] = dict
            found = api.conflicts_in(api.read_facts(facts_file), on_fuzzy=_took(say), **options)
        else:
            db = _open(store, say)
            outlets = db.store.outlets  # sources named by outlet where documents say so (the memo only)
            found = db.conflicts(**options)
        width = min(120, shutil.get_terminal_size((100, 24)).columns)
        count = _write(found, "conflict", fmt, output, say, empty="no conflicts" + (f" about {entity}" if entity else ""),
                       table=lambda rows: memo_lines(rows, outlets=outlets(), quotes=quotes, width=width))
        if exit_status and count:
            raise typer.Exit(3)


@app.command(cls=Command, epilog=example('factx facts --entity "Yusuf al-Haddad" --attribute name', "factx facts -f csv -o facts.csv"))
def facts(entity: EntityOpt = None, attribute: AttributeOpt = None, fmt: FormatOpt = None, output: OutputOpt = None,
          store: StoreOpt = None, rules: RulesOpt = None, quiet: QuietOpt = False, verbose: VerboseOpt = False) -> None:
    """Facts from the store: a table on a terminal, JSONL when piped."""
    with _session(quiet, verbose) as say:
        _write(_open(store, say).facts(entity=entity, attribute=attribute, rules=rules), "fact", fmt, output, say,
               empty="no facts")


@app.command(cls=Command, epilog=example('factx entities haddad', "factx entities -f json"))
def entities(query: Annotated[Optional[str], typer.Argument(metavar="[QUERY]", show_default=False,
                                                            help="Only entities with a spelling containing QUERY.")] = None,
             fmt: FormatOpt = None, output: OutputOpt = None, store: StoreOpt = None, rules: RulesOpt = None,
             quiet: QuietOpt = False, verbose: VerboseOpt = False) -> None:
    """The resolved entities with every spelling, its count and documents."""
    with _session(quiet, verbose) as say:
        _write(_open(store, say).entities(query, rules=rules), "entity", fmt, output, say, empty="no entities")


@app.command(cls=Command, epilog=example("factx documents", "factx documents -f csv -o documents.csv"))
def documents(fmt: FormatOpt = None, output: OutputOpt = None, store: StoreOpt = None,
              quiet: QuietOpt = False, verbose: VerboseOpt = False) -> None:
    """The stored documents: path, outlet, title, publication date and how it was found, facts."""
    with _session(quiet, verbose) as say:
        _write(_open(store, say).documents(), "document", fmt, output, say, empty="no documents")


@app.command(cls=Command, epilog=example("factx status", "factx status -f json"))
def status(fmt: FormatOpt = None, output: OutputOpt = None, store: StoreOpt = None,
           quiet: QuietOpt = False, verbose: VerboseOpt = False) -> None:
    """What the store holds and what the last run did."""
    with _session(quiet, verbose) as say:
        _write([_open(store, say).status()], "status", fmt, output, say)


@app.command(cls=Command, epilog=example("factx dates seeds/ --published 2019-10-08", "echo 'He died last Tuesday.' | factx dates -"))
def dates(paths: PathsArg, published: PublishedOpt = None, fmt: FormatOpt = None, output: OutputOpt = None,
          rules: RulesOpt = None, model: ModelOpt = None, quiet: QuietOpt = False, verbose: VerboseOpt = False) -> None:
    """Every temporal expression with its TIMEX3 value: JSONL when piped, a table on a terminal."""
    with _session(quiet, verbose) as say:
        failed = 0

        def on_error(error) -> None:
            nonlocal failed
            failed += 1
            say.error(f"factx: {error.message}")

        _write(api.dates(paths, published=published, model=model, rules=rules, on_error=on_error),
               "date", fmt, output, say, empty="no dates")
        if failed:
            raise typer.Exit(1)


@app.command(cls=Command, epilog=example("factx report -o report.html", 'factx report --entity "Yusuf al-Haddad" > haddad.html'))
def report(entity: EntityOpt = None,
           output: Annotated[Optional[Path], typer.Option("--output", "-o", metavar="FILE",
                                                          help="The HTML file to write [default: stdout when piped].")] = None,
           limit: Annotated[int, typer.Option("--limit", min=1, metavar="N", help="How many main entities to show.")] = 25,
           max_sources: Annotated[int, typer.Option("--max-sources", min=1, metavar="N",
                                                    help="Source columns per entity at most.")] = 40,
           store: StoreOpt = None, rules: RulesOpt = None, quiet: QuietOpt = False, verbose: VerboseOpt = False) -> None:
    """An offline HTML page: per main entity, who says what, where they disagree, a timeline."""
    with _session(quiet, verbose) as say:
        if output is None and sys.stdout.isatty():
            raise typer.BadParameter("give the file to write with -o FILE.html (or pipe the output)", param_hint="'-o'")
        with open_output(output) as out:  # an unwritable -o fails before the page is built
            page = _open(store, say).report(entity=entity, limit=limit, max_sources=max_sources, rules=rules)
            out.write(page)
        if output is not None:
            say.info(f"factx: wrote {output} ({len(page.encode('utf-8')) // 1024} KB)")


@app.command(cls=Command, epilog=example("factx schema fact", "factx schema conflict -o conflict.schema.json"))
def schema(name: Annotated[RecordName, typer.Argument(metavar="NAME", help="fact, conflict, entity, document, "
                                                                          "date or status.")],
           output: OutputOpt = None, quiet: QuietOpt = False, verbose: VerboseOpt = False) -> None:
    """The JSON Schema of a record that factx prints."""
    import json

    with _session(quiet, verbose) as say, open_output(output) as out:
        out.write(json.dumps(api.schema(name.value), indent=2) + "\n")
        say.detail(f"factx.{name.value}/1" + (f" written to {output}" if output else ""))


@app.command(cls=Command, epilog=example("factx prune --dry-run", "factx prune"))
def prune(dry_run: Annotated[bool, typer.Option("--dry-run", "-n", help="Only list what would be removed.")] = False,
          store: StoreOpt = None, rules: RulesOpt = None, quiet: QuietOpt = False, verbose: VerboseOpt = False) -> None:
    """Remove the documents whose file is gone (moved or deleted), with their facts; prints them."""
    with _session(quiet, verbose) as say, open_output(None) as out:
        from factx.errors import printable
        from factx.extract import prune as prune_store
        from factx.store import Store

        db = Store.open(store, create=False, readonly=False)
        removed, unchecked = prune_store(db, dry_run=dry_run, rules_dir=str(rules) if rules else None)
        for path in removed:
            out.write(printable(path) + "\n")
        out.flush()
        verb = "would be removed" if dry_run else "removed"
        say.info(f"{len(removed)} document(s) whose file is gone {verb}"
                 + (f"; {unchecked} not checked (read from standard input, or stored before factx "
                    "recorded files: extract them again to record it)" if unchecked else ""))


@rules_app.command("check", cls=Command, epilog=example("factx rules check", "factx rules check my-rules/"))
def rules_check(directory: Annotated[Optional[Path], typer.Argument(
                    metavar="[DIR]", show_default=False, help="A folder of rule files [default: the shipped rules/].")] = None,
                quiet: QuietOpt = False, verbose: VerboseOpt = False) -> None:
    """Validate rule files: every key and value; errors name the file, rule id, key and what is allowed."""
    with _session(quiet, verbose) as say:
        from factx.rules import SHIPPED_RULES, rule_files

        problems = api.check_rules(directory)
        for problem in problems:
            say.error(f"factx: {problem.message}")
        if problems:
            raise typer.Exit(2)
        files = rule_files(directory or SHIPPED_RULES)
        for path in files:
            say.detail(f"valid    {path}")
        say.info(f"{len(files)} rule files valid")


def main() -> None:
    import os

    from factx.output import ClosedStdout

    if sys.stdout is None:  # started with stdout closed (`>&-`)
        sys.stdout = ClosedStdout()
    try:
        app()
    except BrokenPipeError:
        quiet_pipe()
        sys.exit(0)
    except KeyboardInterrupt:
        Messages().error("factx: interrupted")
        sys.exit(130)
    except Exception as exc:  # a bug: one line that can be reported, not a traceback
        if os.environ.get("FACTX_DEBUG"):
            raise
        from factx.errors import describe

        Messages().error(f"factx: internal error: {describe(exc)}")
        Messages().error("  please report it; FACTX_DEBUG=1 shows where it happened")
        sys.exit(1)
