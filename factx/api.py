"""factx as a library: everything the command line does, for notebooks and scripts.

    >>> import factx
    >>> run = factx.extract("seeds/", store="work")            # doctest: +SKIP
    >>> run.counts.new, run.counts.failed                       # doctest: +SKIP
    (5, 0)
    >>> db = factx.open_store("work")                           # doctest: +SKIP
    >>> [c["kind"] for c in db.conflicts(entity="karim yousuf")]   # doctest: +SKIP
    ['spelling']
    >>> import pandas as pd                                     # doctest: +SKIP
    >>> pd.DataFrame(db.facts(entity="Karim Yusuf", attribute="date_of_death"))  # doctest: +SKIP

Every function returns the published records of `factx.records` as dicts (their
`to_json()`), exactly what the command line prints as JSON. Failures the caller can
act on are `factx.FactxError`s (`UnknownEntity`, `StoreError`, `RuleError`...); one bad
input never stops a run: it is reported to `on_error` and listed in `Run.errors`.

Nothing here imports spaCy until a function needs the pipeline (`extract`, `dates`).
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Callable, Iterable, Iterator

from factx.errors import InputError
from factx.records import RECORDS, Document, Entity, RunCounts, Variant, json_schema

if TYPE_CHECKING:
    from factx.errors import RuleError
    from factx.store import Store

PathLike = str | os.PathLike[str]


def _paths(paths: PathLike | Iterable[PathLike]) -> list[str]:
    """One path or many, as strings ("seeds/" is one path, not six letters)."""
    if isinstance(paths, (str, os.PathLike)):
        return [os.fspath(paths)]
    return [os.fspath(p) for p in paths]


def _kinds(kinds: str | Iterable[str] | None) -> tuple[str, ...] | None:
    """Conflict kinds as "value,denial" or a list; `UsageError` for an unknown one."""
    from factx.conflicts import parse_kinds
    from factx.errors import UsageError

    try:
        return parse_kinds(kinds if kinds is None or isinstance(kinds, str) else ",".join(kinds))
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _rules(rules: PathLike | None):
    from factx.rules import load_rules

    return load_rules(rules) if rules is not None else None


def _iso(day: str | date | None) -> str | None:
    """A publication date given by the caller, as an ISO date (ISO, RFC 2822 and other
    full dates are read); `UsageError` when it is not one."""
    if day is None or isinstance(day, date):
        return day.isoformat() if day is not None else None
    from factx.errors import UsageError
    from factx.published import parse_date_value

    parsed = parse_date_value(day)
    if parsed.value is None:
        raise UsageError(f"published: {parsed.problem}", hint="use a date such as 2019-10-08")
    return parsed.value


# ---------------------------------------------------------------------------------------
# the store


class FactStore:
    """An open factx store: the facts, entities, conflicts and documents it holds.

    Open one with `open_store(path)`; use it as a context manager to close it.
    Query methods stream or return the published records as dicts.
    """

    def __init__(self, store: Store, *, on_fuzzy: Callable[[str, str], None] | None = None,
                 rules: PathLike | None = None) -> None:
        self.store = store
        #: called as on_fuzzy(query, canonical) when a name the store has never seen is
        #: taken for a known entity ("Karim Yusef" for Karim Yusuf)
        self.on_fuzzy = on_fuzzy
        #: a folder of rule files that entity names are looked up with (particles,
        #: honorifics); None: the rules of the store's last run
        self.rules = rules

    @property
    def path(self) -> Path:
        """The store's directory."""
        return self.store.directory

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> FactStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<FactStore {str(self.path)!r}>"

    def entity_names(self) -> list[str]:
        """The canonical names of every entity, sorted."""
        return sorted(self.store.known_names())

    def attributes(self) -> list[str]:
        """Every attribute the stored facts have, sorted."""
        return [a for (a,) in self.store.conn.execute("SELECT DISTINCT attribute FROM facts ORDER BY 1")]

    def entity_ids(self, name: str, *, rules: PathLike | None = None) -> list[str]:
        """The ids of the entity known by `name` (any spelling, case and accents aside);
        raises `UnknownEntity` with the closest known names when there is none. `rules`:
        a folder of rule files whose particles and titles the lookup folds names with
        (default: the store's own, see `factx.lookup.store_rules`)."""
        from factx.lookup import find_entity

        return find_entity(self.store, name, rules=_rules(rules or self.rules), on_fuzzy=self.on_fuzzy)

    def facts(self, *, entity: str | None = None, attribute: str | None = None,
              rules: PathLike | None = None) -> Iterator[dict[str, Any]]:
        """`factx.fact/1` records, in document order; `entity` is any known spelling.

        >>> next(db.facts(entity="karim yousuf", attribute="name"))["entity"]  # doctest: +SKIP
        'Karim Yusuf'
        """
        ids = self.entity_ids(entity, rules=rules) if entity is not None else None
        return self.store.facts(entity_ids=ids, attribute=attribute)

    def entities(self, query: str | None = None, *, rules: PathLike | None = None) -> list[dict[str, Any]]:
        """`factx.entity/1` records: each resolved entity with every spelling, its count
        and documents; with `query`, only entities with a spelling that contains it
        (case and accents aside). Raises `UnknownEntity` when a query matches nothing.
        """
        from factx.lookup import matching_entities

        found = []
        for entity_id, canonical, entity_type in matching_entities(self.store, query,
                                                                   rules=_rules(rules or self.rules)):
            variants = self.store.variants(entity_id)
            found.append(Entity(canonical, entity_id, entity_type,
                                tuple(Variant(v["name"], v["count"], tuple(v["docs"])) for v in variants)).to_json())
        return found

    def conflicts(self, *, entity: str | None = None, attribute: str | None = None,
                  min_severity: str = "soft", kinds: str | Iterable[str] | None = None,
                  rules: PathLike | None = None, events: bool = True) -> Iterator[dict[str, Any]]:
        """`factx.conflict/1` records: where the sources disagree. Without `entity`, the
        entities whose conflicts involve the most sources come first. With `entity`, also
        the conflicts of the events placed there ("the floods in X" for X), each under
        its event, unless `events` is False. `kinds`: some of
        value, denial, spelling ("value,denial" or a list); `rules`: a folder of rule
        files on top of the shipped ones (role words, cardinality, name folding).

        >>> [c["kind"] for c in db.conflicts(entity="Karim Yusuf")]  # doctest: +SKIP
        ['spelling']
        """
        from factx.conflicts import store_conflicts

        ids = self.entity_ids(entity, rules=rules) if entity is not None else None
        if ids is not None and events:
            ids = ids + self.store.events_at(ids)
        return store_conflicts(self.store, entity_ids=ids, attribute=attribute, kinds=_kinds(kinds),
                               min_severity=min_severity, rules=_rules(rules))

    def report(self, *, entity: str | None = None, limit: int = 25, max_sources: int = 40,
               rules: PathLike | None = None) -> str:
        """The offline HTML report (`factx report`): per main entity (or `entity`), who
        says what, where the sources disagree, and a timeline.

        >>> Path("report.html").write_text(db.report(), encoding="utf-8")  # doctest: +SKIP
        """
        from factx.report import build_report

        ids = self.entity_ids(entity, rules=rules) if entity is not None else None
        return build_report(self.store, entity_ids=ids, limit=limit, max_sources=max_sources, rules=_rules(rules))

    def documents(self) -> list[dict[str, Any]]:
        """`factx.document/1` records of every stored document, by path."""
        conn = self.store.conn
        columns = {row[1] for row in conn.execute("PRAGMA table_info(documents)")}
        # what pages tell of themselves (outlet, author, how the date was found) is
        # stored by newer stores only
        present = lambda name: f"d.{name}" if name in columns else "NULL"  # noqa: E731
        rows = conn.execute(
            f"SELECT d.path, {present('outlet')}, d.title, {present('author')}, {present('url')}, d.published, "
            f"{present('published_how')}, {present('published_from')}, d.content_hash, d.chars, "
            "(SELECT count(*) FROM facts f WHERE f.doc_id = d.doc_id) FROM documents d ORDER BY d.path")
        return [Document(*row).to_json() for row in rows]

    def status(self) -> dict[str, Any]:
        """The `factx.status/1` record: documents, facts and entities stored, and what the
        last run did."""
        return self.store.status()


def open_store(path: PathLike | None = None, *, create: bool = False,
               on_fuzzy: Callable[[str, str], None] | None = None, rules: PathLike | None = None) -> FactStore:
    """Open the store in directory `path` (default: `$FACTX_STORE` or `.factx/`).

    Raises `StoreError` when there is no store there, unless `create` is true.
    `on_fuzzy(query, canonical)` hears when an entity name the store has never seen is
    taken for a known entity. `rules`: a folder of rule files entity names are looked
    up with (default: the `--rules` of the store's last run).

    >>> with factx.open_store("work") as db:  # doctest: +SKIP
    ...     print(db.status()["facts"])
    447
    """
    from factx.store import Store

    return FactStore(Store.open(path, create=create), on_fuzzy=on_fuzzy, rules=rules)


def _store_of(store: FactStore | PathLike | None) -> FactStore:
    return store if isinstance(store, FactStore) else open_store(store, create=True)


# ---------------------------------------------------------------------------------------
# extract


@dataclass
class Run:
    """What one `extract` did: document counts, the inputs it skipped, and its facts."""

    store: FactStore
    run_id: int
    counts: RunCounts
    model: str
    errors: list[InputError] = field(default_factory=list)
    interrupted: bool = False
    #: the signal that stopped the run (SIGINT, SIGTERM, SIGHUP), when it was stopped
    signal: int | None = None

    def facts(self) -> Iterator[dict[str, Any]]:
        """The `factx.fact/1` records of every document of this run (new, changed or
        unchanged), in document order."""
        return self.store.store.facts(run_id=self.run_id)


def extract(paths: PathLike | Iterable[PathLike], *, store: FactStore | PathLike | None = None,
            jobs: int = 1, rules: PathLike | None = None, model: str | None = None,
            published: str | date | None = None, engine: str = "local", scheduler: str | None = None,
            on_error: Callable[[InputError], None] | None = None,
            on_document: Callable[[str, str], None] | None = None) -> Run:
    """Read articles, extract their facts, resolve entities, and store everything.

    `paths` are files, folders (recursive), globs or "-" (stdin); `store` a directory
    (created if needed) or an open `FactStore`; `rules` a folder of rule files on top
    of the shipped ones; `published` a publication date for every input. Inputs that
    cannot be read are skipped: each goes to `on_error` (a warning's message starts
    with "warning:") and is listed in `Run.errors`. `on_document(path, state)` is
    called as each document is done, state being new, changed or unchanged.

    >>> run = factx.extract(["seeds/"], store="work", jobs=2)  # doctest: +SKIP
    >>> sum(1 for _ in run.facts())                            # doctest: +SKIP
    447
    """
    from factx.extract import run_extract

    published = _iso(published)  # a bad date stops here, before the store is touched
    db = _store_of(store)
    report = run_extract(_paths(paths), store=db.store, model=model,
                         rules_dir=os.fspath(rules) if rules is not None else None,
                         jobs=jobs, engine=engine, scheduler=scheduler, published=published,
                         on_error=on_error or (lambda error: None),
                         on_document=on_document or (lambda path, state: None))
    return Run(db, report.run_id, report.counts, report.model, report.errors, report.interrupted, report.signal)


def dates(paths: PathLike | Iterable[PathLike], *, published: str | date | None = None,
          model: str | None = None, rules: PathLike | None = None,
          on_error: Callable[[InputError], None] | None = None) -> Iterator[dict[str, Any]]:
    """`factx.date/1` records: every temporal expression of the documents with its
    TIMEX3 value, relative ones resolved against the publication date (or `published`).

    >>> [d["value"] for d in factx.dates("-")]  # doctest: +SKIP
    """
    from factx.dates_command import date_records

    for record in date_records(_paths(paths), published=_iso(published), model=model,
                               rules_dir=os.fspath(rules) if rules is not None else None,
                               on_error=on_error or (lambda error: None)):
        yield record.to_json()


# ---------------------------------------------------------------------------------------
# facts from JSONL


def read_facts(source: PathLike | IO[str]) -> Iterator[dict[str, Any]]:
    """The `factx.fact/1` records of a JSONL file ("-" is stdin, or an open text file);
    other records are skipped. A line that is not JSON raises `InputError` naming the
    file and the line."""
    opened = isinstance(source, (str, os.PathLike)) and os.fspath(source) != "-"
    if opened:
        name = os.fspath(source)  # type: ignore[arg-type]
        try:
            handle: IO[str] = open(name, encoding="utf-8")
        except OSError as exc:
            raise InputError(name, f"cannot read: {exc.strerror or exc}") from None
    elif isinstance(source, (str, os.PathLike)):
        name, handle = "-", sys.stdin
    else:
        name, handle = getattr(source, "name", "<stream>"), source
    try:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(name, f"malformed JSON: {exc.msg}", line=number) from None
            except (ValueError, RecursionError) as exc:  # absurd numbers, nesting
                from factx.errors import describe

                raise InputError(name, f"malformed JSON: {describe(exc)}", line=number) from None
            if isinstance(record, dict) and record.get("schema") == "factx.fact/1":
                yield record
    finally:
        if opened:
            handle.close()


def conflicts_in(facts: Iterable[dict[str, Any]], *, entity: str | None = None,
                 attribute: str | None = None, min_severity: str = "soft",
                 kinds: str | Iterable[str] | None = None, rules: PathLike | None = None,
                 on_fuzzy: Callable[[str, str], None] | None = None,
                 events: bool = True) -> Iterator[dict[str, Any]]:
    """`factx.conflict/1` records among fact records held in memory (a JSONL file's,
    through `read_facts`), the same as a store would give for them (with `entity`, the
    events placed there too, unless `events` is False).

    >>> list(factx.conflicts_in(factx.read_facts("facts.jsonl"), entity="Karim Yusuf"))  # doctest: +SKIP
    """
    from factx.conflicts import facts_conflicts

    from factx.lookup import match_records

    records = list(facts)
    ids = match_records(records, entity, rules=_rules(rules), on_fuzzy=on_fuzzy) if entity is not None else None
    if ids is not None and events:
        ids = list(ids) + events_at_in(records, ids)
    return facts_conflicts(records, entity_ids=ids, attribute=attribute, kinds=_kinds(kinds),
                           min_severity=min_severity, rules=_rules(rules))


def events_at_in(records: list[dict[str, Any]], entity_ids: Iterable[str]) -> list[str]:
    """Ids of the events the fact records place at one of these entities (as
    `Store.events_at` for a store): an affirmed `place` of an EVENT naming the entity.

    >>> recs = [{"entity_id": "k", "entity": "Karsk", "entity_type": "GPE", "attribute": "name"},
    ...         {"entity_id": "f", "entity": "floods in Karsk", "entity_type": "EVENT",
    ...          "attribute": "place", "value": "Karsk", "polarity": "affirmed"}]
    >>> events_at_in(recs, ["k"])
    ['f']
    """
    ids = set(entity_ids)
    names = {r.get("entity") for r in records if r.get("entity_id") in ids}
    return sorted({r["entity_id"] for r in records
                   if r.get("entity_type") == "EVENT" and r.get("attribute") == "place"
                   and r.get("polarity") == "affirmed" and r.get("value") in names
                   and r.get("entity_id") not in ids})


# ---------------------------------------------------------------------------------------
# rules and schemas


def check_rules(directory: PathLike | None = None) -> list[RuleError]:
    """Every problem of the rule files in `directory` (default: the shipped rules/),
    each naming the file, the rule id, the key and what is allowed; empty when valid."""
    from factx.rules import SHIPPED_RULES, check

    return check([Path(directory) if directory is not None else SHIPPED_RULES])


def schema(name: str) -> dict[str, Any]:
    """The JSON Schema of a published record: fact, conflict, entity, document, date
    or status."""
    if name not in RECORDS:
        raise KeyError(f"no record {name!r} (known: {', '.join(RECORDS)})")
    return json_schema(name)


__all__ = ["FactStore", "Run", "open_store", "extract", "dates", "read_facts", "conflicts_in",
           "check_rules", "schema"]
