"""The SQLite store: documents, facts, names and entities under `--store DIR`.

Writes go through `Writer`, which commits once per batch of documents (WAL mode),
so that a crash or `kill -9` leaves every committed batch intact and a rerun
resumes where the last one stopped. A lock file keeps two writers apart.

Facts are stored as drafts that name entities by their in-document canonical
names; the `names` table maps each name to its resolved entity. Readers join the
two, so re-resolving entities never rewrites facts.

Readers open the file read-only: they never write, never wait for a writer, and work
on a store they may not write to. Every SQLite failure becomes a `StoreError` naming
the file and saying what to do (a corrupt or foreign file, a full disk, a store of
another schema version). The schema version is checked on open: an older store is
upgraded in place when the change only adds tables and columns, else refused with
the command that rebuilds it.

This module imports neither spaCy nor dateparser: the query commands use it.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterable, Iterator
from urllib.parse import quote

from factx.errors import StoreError
from factx.records import DocResult, Document, Fact, FactDraft, RunCounts, Status, fact_id, line_of

DB_NAME = "factx.sqlite"
LOCK_NAME = "write.lock"
#: Version 2 added the documents' `source` (the file a document was read from, for
#: `prune`) and their outlet, url, author and how the publication date was found.
SCHEMA_VERSION = 2
_SQLITE_HEADER = b"SQLite format 3\x00"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents (
    doc_id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL,
    pipeline TEXT NOT NULL,
    published TEXT,
    title TEXT,
    chars INTEGER,
    run_id INTEGER,
    outlet TEXT,
    url TEXT,
    author TEXT,
    published_how TEXT,
    published_from TEXT,
    dateline TEXT,
    source BLOB,
    size INTEGER,
    mtime_ns INTEGER,
    file_hash TEXT
);
CREATE INDEX IF NOT EXISTS documents_hash ON documents(content_hash);
CREATE TABLE IF NOT EXISTS facts (
    doc_id INTEGER NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    name_type TEXT,
    attribute TEXT NOT NULL,
    value TEXT,
    value_type TEXT,
    value_text TEXT,
    polarity TEXT,
    modality TEXT,
    said_by TEXT,
    line INTEGER,
    start INTEGER,
    "end" INTEGER,
    quote TEXT,
    mention TEXT,
    rule TEXT,
    seq INTEGER
);
-- the facts of a name; with their type and rule, so that counting a name's mentions by
-- type (`name_stats`, on every rerun) reads the index alone (it replaced facts_name)
CREATE INDEX IF NOT EXISTS facts_name_types ON facts(name, attribute, name_type, rule);
DROP INDEX IF EXISTS facts_name;
CREATE INDEX IF NOT EXISTS facts_doc ON facts(doc_id);
CREATE INDEX IF NOT EXISTS facts_said_by ON facts(said_by);
CREATE INDEX IF NOT EXISTS facts_value_entity ON facts(json_extract(value, '$')) WHERE value_type = 'entity';
CREATE INDEX IF NOT EXISTS facts_declared ON facts(attribute) WHERE attribute = 'alternate_names';
CREATE INDEX IF NOT EXISTS facts_described ON facts(attribute) WHERE attribute = 'description';
CREATE INDEX IF NOT EXISTS facts_events ON facts(name_type) WHERE name_type = 'EVENT';
CREATE INDEX IF NOT EXISTS facts_located ON facts(attribute) WHERE attribute = 'located_in';
-- a person's facts by name (the resolver reads those of the names a run changed, not
-- every fact of names that are also places or organisations)
CREATE INDEX IF NOT EXISTS facts_person ON facts(name, attribute) WHERE name_type = 'PERSON';
CREATE TABLE IF NOT EXISTS names (
    name TEXT PRIMARY KEY,
    entity_id TEXT NOT NULL,
    folded TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS names_entity ON names(entity_id);
CREATE INDEX IF NOT EXISTS names_folded ON names(folded);
CREATE TABLE IF NOT EXISTS entities (
    entity_id TEXT PRIMARY KEY,
    canonical TEXT NOT NULL,
    entity_type TEXT,
    folded TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS entities_folded ON entities(folded);
CREATE INDEX IF NOT EXISTS entities_canonical ON entities(canonical);
-- Resolution state (factx.incremental): each name's node as last resolved, the keys
-- through which resolve() may compare nodes, and the names whose facts changed since
-- (the subject, source and entity value of every fact added or deleted, and the alias
-- of an "also known as" fact).
CREATE TABLE IF NOT EXISTS resolve_names (
    name TEXT PRIMARY KEY,
    node TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS resolve_names_node ON resolve_names(node);
CREATE TABLE IF NOT EXISTS resolve_keys (
    node TEXT NOT NULL,
    key TEXT NOT NULL,
    role TEXT NOT NULL,
    detail TEXT
);
CREATE INDEX IF NOT EXISTS resolve_keys_key ON resolve_keys(key, role);
CREATE INDEX IF NOT EXISTS resolve_keys_node ON resolve_keys(node);
CREATE TABLE IF NOT EXISTS resolve_pending (name TEXT PRIMARY KEY);
CREATE TRIGGER IF NOT EXISTS facts_added_names AFTER INSERT ON facts BEGIN
    INSERT OR IGNORE INTO resolve_pending VALUES (NEW.name);
    INSERT OR IGNORE INTO resolve_pending SELECT NEW.said_by WHERE NEW.said_by IS NOT NULL;
    INSERT OR IGNORE INTO resolve_pending SELECT json_extract(NEW.value, '$')
        WHERE (NEW.value_type = 'entity' OR NEW.attribute = 'alternate_names')
        AND json_extract(NEW.value, '$') IS NOT NULL;
END;
CREATE TRIGGER IF NOT EXISTS facts_removed_names AFTER DELETE ON facts BEGIN
    INSERT OR IGNORE INTO resolve_pending VALUES (OLD.name);
    INSERT OR IGNORE INTO resolve_pending SELECT OLD.said_by WHERE OLD.said_by IS NOT NULL;
    INSERT OR IGNORE INTO resolve_pending SELECT json_extract(OLD.value, '$')
        WHERE (OLD.value_type = 'entity' OR OLD.attribute = 'alternate_names')
        AND json_extract(OLD.value, '$') IS NOT NULL;
END;
CREATE TABLE IF NOT EXISTS runs (
    run_id INTEGER PRIMARY KEY,
    started REAL,
    finished REAL,
    status TEXT,
    new INTEGER DEFAULT 0,
    changed INTEGER DEFAULT 0,
    unchanged INTEGER DEFAULT 0,
    failed INTEGER DEFAULT 0
);
"""

# The facts as the fact record shows them: each row joined to its entity, its source's
# entity and its value's entity. A view, so that Datasette and sqlite-utils users query
# the same thing as factx (README, "The store"); `doc_id` and `seq` (the fact's place
# in its document) come last, for ordering.
_VIEW = """
CREATE VIEW IF NOT EXISTS facts_resolved AS
SELECT f.id AS id, coalesce(e.canonical, f.name) AS entity, n.entity_id AS entity_id,
       coalesce(e.entity_type, f.name_type) AS entity_type, f.attribute AS attribute,
       coalesce(ve.canonical, json_extract(f.value, '$')) AS value, f.value_type AS value_type,
       f.value_text AS value_text, f.polarity AS polarity, f.modality AS modality,
       coalesce(se.canonical, f.said_by) AS said_by, d.path AS doc, d.published AS published,
       f.line AS line, f.start AS start, f."end" AS "end", f.quote AS quote,
       f.mention AS mention, f.rule AS rule, f.doc_id AS doc_id, f.seq AS seq
FROM facts f
JOIN documents d ON d.doc_id = f.doc_id
LEFT JOIN names n ON n.name = f.name
LEFT JOIN entities e ON e.entity_id = n.entity_id
LEFT JOIN names sn ON sn.name = f.said_by
LEFT JOIN entities se ON se.entity_id = sn.entity_id
LEFT JOIN names vn ON f.value_type = 'entity' AND vn.name = json_extract(f.value, '$')
LEFT JOIN entities ve ON ve.entity_id = vn.entity_id;
"""

_FACT_SELECT = ("SELECT id, entity, coalesce(entity_id, ''), entity_type, attribute, value, value_type, "
                "value_text, polarity, modality, said_by, doc, published, line, start, \"end\", quote, "
                "mention, rule FROM facts_resolved")


def default_store_dir() -> Path:
    return Path(os.environ.get("FACTX_STORE") or ".factx")


def _check_file(db: Path, *, empty_ok: bool) -> None:
    """Refuse a file that is not a SQLite database before SQLite reads it."""
    try:
        with open(db, "rb") as handle:
            head = handle.read(len(_SQLITE_HEADER))
    except FileNotFoundError:
        return
    except IsADirectoryError:
        raise StoreError(f"{db}: is a directory, not a factx store",
                         hint="pass another --store") from None
    except OSError as exc:
        raise StoreError(f"{db}: cannot read the store: {exc.strerror or exc}",
                         hint="check its permissions, or pass another --store") from None
    if not head:
        if empty_ok:
            return  # nothing in it to lose: the writer builds a new store there
        raise StoreError(f"{db}: empty file (0 bytes), not a factx store",
                         hint="run 'factx extract PATH' to build the store there, or pass another --store")
    if head != _SQLITE_HEADER:
        raise StoreError(f"{db}: not a SQLite database (a foreign or corrupt file)",
                         hint="move it away and run 'factx extract PATH' to build a new store, "
                              "or pass another --store")


def _connect_readonly(db: Path) -> sqlite3.Connection:
    uri = "file:" + quote(str(db.resolve()))
    try:
        conn = sqlite3.connect(uri + "?mode=ro", uri=True, timeout=5, isolation_level=None)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as exc:
        if exc.sqlite_errorcode & 0xFF not in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY):
            raise
    # A WAL store in a folder we may not write to: SQLite cannot make its shared-memory
    # file there. Nobody can be writing to it either, so it is read as immutable.
    conn = sqlite3.connect(uri + "?mode=ro&immutable=1", uri=True, timeout=5, isolation_level=None)
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return conn


def _expected_columns() -> dict[str, list[tuple[str, str, bool, Any]]]:
    """Each table of `_SCHEMA` with its (column, type, not null, default), as SQLite reads it."""
    memory = sqlite3.connect(":memory:")
    try:
        memory.executescript(_SCHEMA)
        tables = [t for (t,) in memory.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: [(row[1], row[2], bool(row[3]), row[4]) for row in memory.execute(f"PRAGMA table_info({t})")]
                for t in tables}
    finally:
        memory.close()


def _check_schema(conn: "_Connection", db: Path, *, readonly: bool) -> None:
    """Make sure the file is a factx store this version can read and write.

    A new file gets the schema. An older store whose difference is only tables and
    columns this version adds is upgraded in place; anything else is refused.
    """
    tables = {t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    views = {v for (v,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'view'")}
    rebuild = (f"move {db.parent} away (or pass another --store) and run 'factx extract PATH...' "
               "again to rebuild the store from your files")
    if not tables:
        if readonly:
            raise StoreError(f"{db}: an empty database, not a factx store yet",
                             hint="run 'factx extract PATH' to build the store")
        _create(conn)
        return
    core = {row[1] for row in conn.execute("PRAGMA table_info(documents)")} if "documents" in tables else set()
    if not {"path", "content_hash", "pipeline"} <= core:
        raise StoreError(f"{db}: a SQLite database, but not a factx store", hint=rebuild)
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone() if "meta" in tables else None
    try:
        version = int(row[0]) if row is not None else 0
    except (TypeError, ValueError):
        raise StoreError(f"{db}: unknown store schema version {row[0]!r}", hint=rebuild) from None
    if version > SCHEMA_VERSION:
        raise StoreError(f"{db}: written by a newer factx (store schema {version}; this factx reads "
                         f"up to {SCHEMA_VERSION})", hint="upgrade factx, or " + rebuild)
    missing = _missing_columns(conn, tables)
    if version == SCHEMA_VERSION and not missing and _expected_views() <= views:
        if not readonly and not _expected_indexes() <= _indexes(conn):
            # indexes a newer factx of this schema added (they hold nothing of their own):
            # the next writer makes them; until then readers answer without them
            _in_one_transaction(conn, _SCHEMA)
        return
    blocking = [f"{t}.{c[0]}" for t, cols in missing.items() if cols is not None
                for c in cols if c[2] and c[3] is None]
    if blocking:
        raise StoreError(f"{db}: store schema {version} is older than this factx's ({SCHEMA_VERSION}) "
                         f"and cannot be upgraded in place (new required columns: {', '.join(blocking)})",
                         hint=rebuild)
    if readonly:
        raise StoreError(f"{db}: store schema {version} is older than this factx's ({SCHEMA_VERSION}); "
                         "a reader does not change it",
                         hint="run 'factx extract PATH' once (it upgrades the store in place, keeping "
                              "everything), or " + rebuild)
    added = "".join(f'ALTER TABLE {table} ADD COLUMN "{name}" {kind}'
                    + (f" DEFAULT {default}" if default is not None else "") + ";\n"
                    for table, columns in missing.items() for name, kind, _, default in columns or ())
    # views hold no data: made again from this version's definitions
    dropped = "".join(f'DROP VIEW IF EXISTS "{view}";\n' for view in sorted(views))
    _in_one_transaction(conn, dropped + added + _SCHEMA + _VIEW)


def _in_one_transaction(conn: "_Connection", script: str) -> None:
    """Run a schema script and record the version, all or nothing."""
    try:
        conn.executescript(f"BEGIN IMMEDIATE;\n{script}\n"
                           f"INSERT OR REPLACE INTO meta VALUES ('schema', '{SCHEMA_VERSION}');\nCOMMIT;")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _missing_columns(conn: "_Connection", tables: set[str]) -> dict[str, list | None]:
    """Tables of the schema the store lacks (None) and columns missing from the others."""
    missing: dict[str, list | None] = {}
    for table, columns in _expected_columns().items():
        if table not in tables:
            missing[table] = None  # created by the schema script
            continue
        have = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        lacking = [c for c in columns if c[0] not in have]
        if lacking:
            missing[table] = lacking
    return missing


def _create(conn: "_Connection") -> None:
    _in_one_transaction(conn, _SCHEMA + _VIEW)


def _expected_views() -> set[str]:
    return set(re.findall(r"CREATE VIEW IF NOT EXISTS (\w+)", _VIEW))


def _expected_indexes() -> set[str]:
    return set(re.findall(r"CREATE INDEX IF NOT EXISTS (\w+)", _SCHEMA))


def _indexes(conn: "_Connection") -> set[str]:
    return {i for (i,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}


def store_error(exc: sqlite3.Error, db: Path | str) -> StoreError:
    """The message for a SQLite failure on the store file `db`, by SQLite's error code."""
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    detail = str(exc)
    if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return StoreError(f"{db}: the store is corrupt ({detail})",
                          hint=f"restore it from a backup, or move {Path(db).parent} away and run "
                               "'factx extract PATH...' again to rebuild it", kind="corrupt")
    if code == sqlite3.SQLITE_FULL:
        return StoreError(f"{db}: the disk is full ({detail}); the store keeps what was committed "
                          "before this point", hint="free some space and run the same command again "
                                                    "(it resumes where it stopped)", kind="full")
    if code == sqlite3.SQLITE_IOERR:
        return StoreError(f"{db}: cannot read or write the store ({detail}); the store keeps what "
                          "was committed before this point",
                          hint="check the disk (space, quota, file size limit) and run the same command again",
                          kind="io")
    if code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_AUTH):
        return StoreError(f"{db}: cannot write the store ({detail})",
                          hint="check the permissions of the store folder, or pass another --store",
                          kind="readonly")
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return StoreError(f"{db}: the store is busy ({detail})",
                          hint="another factx run is writing to it: wait for it to finish", kind="busy")
    return StoreError(f"{db}: store error ({detail})",
                      hint="if the store comes from another factx version, rebuild it with "
                           "'factx extract PATH...' into a new --store")


class _Cursor:
    """A cursor whose SQLite failures, fetching included, are `StoreError`s."""

    def __init__(self, cursor: sqlite3.Cursor, db: Path) -> None:
        self._cursor, self._db = cursor, db

    def __iter__(self) -> Iterator[tuple]:
        try:
            yield from self._cursor
        except sqlite3.Error as exc:
            raise store_error(exc, self._db) from None

    def fetchone(self):
        try:
            return self._cursor.fetchone()
        except sqlite3.Error as exc:
            raise store_error(exc, self._db) from None

    def fetchall(self):
        try:
            return self._cursor.fetchall()
        except sqlite3.Error as exc:
            raise store_error(exc, self._db) from None

    def __getattr__(self, name: str):
        return getattr(self._cursor, name)


class _Connection:
    """The store's SQLite connection; every failure becomes a `StoreError` naming the file."""

    def __init__(self, conn: sqlite3.Connection, db: Path) -> None:
        self._conn, self.db = conn, db

    def execute(self, sql: str, params: Iterable[Any] = ()) -> _Cursor:
        try:
            return _Cursor(self._conn.execute(sql, params), self.db)
        except sqlite3.Error as exc:
            raise store_error(exc, self.db) from None

    def executemany(self, sql: str, rows: Iterable[Iterable[Any]]) -> _Cursor:
        try:
            return _Cursor(self._conn.executemany(sql, rows), self.db)
        except sqlite3.Error as exc:
            raise store_error(exc, self.db) from None

    def executescript(self, script: str) -> None:
        try:
            self._conn.executescript(script)
        except sqlite3.Error as exc:
            raise store_error(exc, self.db) from None

    def __getattr__(self, name: str):
        return getattr(self._conn, name)


def _row_to_fact(row: tuple) -> dict[str, Any]:
    return Fact.row_json(row)  # the columns of _FACT_SELECT are the record's fields, in order


class Store:
    """A factx store in a directory. Open with `Store.open(dir)`; readers never lock."""

    def __init__(self, directory: Path, conn: "sqlite3.Connection | _Connection") -> None:
        self.directory = directory
        self.conn = conn

    @classmethod
    def open(cls, directory: str | os.PathLike[str] | None = None, *, create: bool = True,
             readonly: bool | None = None) -> "Store":
        """The store under `directory`. `create=False` opens an existing store for
        reading only (the query commands): read-only, it never waits for a writer."""
        directory = Path(directory) if directory is not None else default_store_dir()
        readonly = not create if readonly is None else readonly
        db = directory / DB_NAME
        if not db.exists() and not create:
            raise StoreError(f"{directory}: no factx store here",
                             hint="run 'factx extract PATH' first, or pass --store DIR")
        _check_file(db, empty_ok=not readonly)
        try:
            if readonly:
                conn = _Connection(_connect_readonly(db), db)
            else:
                directory.mkdir(parents=True, exist_ok=True)
                conn = _Connection(sqlite3.connect(db, timeout=30, isolation_level=None), db)
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=NORMAL")
                conn.execute("PRAGMA foreign_keys=ON")
        except OSError as exc:
            raise StoreError(f"{db}: cannot open the store: {exc.strerror or exc}",
                             hint="check the path and its permissions, or pass another --store") from None
        except sqlite3.Error as exc:
            raise store_error(exc, db) from None
        _check_schema(conn, db, readonly=readonly)
        return cls(directory, conn)

    def close(self) -> None:
        self.conn.close()

    # --- reading ------------------------------------------------------------------

    def document_state(self, path: str) -> tuple[int, str, str] | None:
        row = self.conn.execute(
            "SELECT doc_id, content_hash, pipeline FROM documents WHERE path = ?", (path,)).fetchone()
        return row

    def file_state(self, path: str) -> tuple[str, int | None, int | None, str | None] | None:
        """(pipeline, size, mtime_ns, file_hash) of the file a stored document was read from."""
        return self.conn.execute(
            "SELECT pipeline, size, mtime_ns, file_hash FROM documents WHERE path = ?", (path,)).fetchone()

    def facts(self, *, entity_ids: Iterable[str] | None = None, attribute: str | None = None,
              doc_ids: Iterable[int] | None = None, run_id: int | None = None,
              order_by_entity: bool = False, docs: Iterable[str] | None = None) -> Iterator[dict[str, Any]]:
        """Fact records (`factx.fact/1` dicts), streamed from the store; `docs` keeps
        the facts of these document paths only."""
        where, params = [], []
        if docs is not None:
            paths = list(docs)
            where.append(f"doc IN ({','.join('?' * len(paths))})")
            params += paths
        if entity_ids is not None:
            ids = list(entity_ids)
            where.append(f"entity_id IN ({','.join('?' * len(ids))})")
            params += ids
        if attribute is not None:
            where.append("attribute = ?")
            params.append(attribute)
        if run_id is not None:
            where.append("doc_id IN (SELECT doc_id FROM documents WHERE run_id = ?)")
            params.append(run_id)
        sql = _FACT_SELECT + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY entity_id, attribute, doc, seq" if order_by_entity else " ORDER BY doc, seq"
        for row in self.conn.execute(sql, params):
            yield _row_to_fact(row)

    def title_facts(self) -> Iterator[dict[str, Any]]:
        """Every `title` fact in part, by document in document order: its id, entity,
        entity_id, value, polarity, said_by, doc and `position` (its place among its
        document's title facts, as `facts(docs=[doc], attribute="title")` lists them)."""
        doc, position = None, 0
        for row in self.conn.execute(
                "SELECT id, entity, coalesce(entity_id, ''), value, polarity, said_by, doc "
                "FROM facts_resolved WHERE attribute = 'title' ORDER BY doc, seq"):
            position = position + 1 if row[6] == doc else 0
            doc = row[6]
            yield {"attribute": "title", "id": row[0], "entity": row[1], "entity_id": row[2], "value": row[3],
                   "polarity": row[4], "said_by": row[5], "doc": row[6], "position": position}

    def name_stats(self, names: Iterable[str] | None = None) -> Iterator[tuple[str, str, int]]:
        """Every distinct name (or each of `names` the facts still hold) with its majority
        type and mention count, in name order. Mentions whose type a rule's evidence decided
        (`ner.mention.typed`: "a bombing in X") outvote the model's labels: the type with most
        of those wins, then the type with most mentions. A type tie goes to the first type in
        alphabetical order, so that the same facts always give the same stats."""
        if names is None:
            wanted, only = "", ""
            params: tuple = ()
        else:
            wanted = "WITH wanted(name) AS (SELECT value FROM json_each(?)), "
            only = " AND {} IN wanted"
            params = (json.dumps(sorted(set(names)), ensure_ascii=False),)
        sql = (wanted or "WITH ") + f"""counted AS (
            SELECT name, name_type, count(*) AS c, sum(rule IN ('ner.mention.typed', 'ner.mention.typed.apart')) AS r FROM facts
            WHERE attribute = 'name'{only.format('name')}
            GROUP BY name, name_type
            UNION ALL
            SELECT said_by, NULL, 0, 0 FROM facts WHERE said_by IS NOT NULL{only.format('said_by')} GROUP BY said_by
            UNION ALL
            SELECT json_extract(value, '$'), NULL, 0, 0 FROM facts
            WHERE value_type = 'entity'{only.format("json_extract(value, '$')")} GROUP BY value
            UNION ALL
            SELECT name, name_type, 0, 0 FROM facts WHERE attribute != 'name'{only.format('name')}
            GROUP BY name, name_type)
        SELECT name, name_type, c FROM counted WHERE name IS NOT NULL
        ORDER BY name, r DESC, c DESC, name_type IS NULL, name_type"""
        current, best_type, total = None, None, 0
        for name, name_type, count in self.conn.execute(sql, params):
            if name != current:
                if current is not None:
                    yield current, best_type or "UNKNOWN", total
                current, best_type, total = name, name_type, 0
            if best_type is None and name_type is not None:
                best_type = name_type
            total += count
        if current is not None:
            yield current, best_type or "UNKNOWN", total

    def entities(self) -> Iterator[tuple[str, str, str]]:
        yield from self.conn.execute("SELECT entity_id, canonical, entity_type FROM entities ORDER BY canonical")

    def entity(self, entity_id: str) -> tuple[str, str, str] | None:
        return self.conn.execute("SELECT entity_id, canonical, entity_type FROM entities WHERE entity_id = ?",
                                 (entity_id,)).fetchone()

    def entity_ids_for_folded(self, folded: str) -> list[str]:
        rows = self.conn.execute(
            "SELECT DISTINCT entity_id FROM names WHERE folded = ? UNION "
            "SELECT entity_id FROM entities WHERE folded = ?", (folded, folded)).fetchall()
        return [r[0] for r in rows]

    def events_at(self, entity_ids: Iterable[str]) -> list[str]:
        """Ids of the events (type EVENT) that documents place at one of these entities
        ("the floods in X" for X): what a reader asking about a place also asks about."""
        ids = list(entity_ids)
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        # from the entities' names to the facts naming them (the value index), not
        # through every fact: CROSS JOIN keeps that order, `+vn.name` lets the index serve
        rows = self.conn.execute(
            f"""SELECT DISTINCT en.entity_id FROM names vn
                CROSS JOIN facts f CROSS JOIN names en CROSS JOIN entities e
                WHERE vn.entity_id IN ({marks}) AND f.value_type = 'entity'
                  AND json_extract(f.value, '$') = +vn.name
                  AND f.attribute = 'place' AND f.polarity = 'affirmed'
                  AND en.name = f.name AND e.entity_id = en.entity_id AND e.entity_type = 'EVENT'
                  AND en.entity_id NOT IN ({marks})
                ORDER BY 1""", ids + ids).fetchall()
        return [r[0] for r in rows]

    def place_parents(self, name: str) -> list[str]:
        """Canonical names of the places a place (by canonical name) is said to lie in."""
        # from the entity (by its canonical name) through its names to their located_in
        # facts (CROSS JOIN keeps that order, each step an index), as `facts` would join them
        rows = self.conn.execute(
            """SELECT coalesce(ve.canonical, json_extract(f.value, '$'))
               FROM entities e CROSS JOIN names n CROSS JOIN facts f
               JOIN documents d ON d.doc_id = f.doc_id
               LEFT JOIN names vn ON f.value_type = 'entity' AND vn.name = json_extract(f.value, '$')
               LEFT JOIN entities ve ON ve.entity_id = vn.entity_id
               WHERE e.canonical = ? AND n.entity_id = e.entity_id AND f.name = n.name
                 AND f.attribute = 'located_in' AND f.polarity = 'affirmed'""", (name,))
        return sorted({str(value) for (value,) in rows if value is not None})

    def indexed(self, index: str) -> bool:
        """The store has this index of the schema (one made before it was added lacks it
        until a writer opens it)."""
        return index in _indexes(self.conn)

    def all_place_parents(self) -> dict[str, list[str]]:
        """`place_parents` of every place at once, in one read of the `located_in`
        facts (their own index): for many lookups, one query instead of one each."""
        rows = self.conn.execute(
            """SELECT e.canonical, coalesce(ve.canonical, json_extract(f.value, '$'))
               FROM facts f
               JOIN documents d ON d.doc_id = f.doc_id
               JOIN names n ON n.name = f.name
               JOIN entities e ON e.entity_id = n.entity_id
               LEFT JOIN names vn ON f.value_type = 'entity' AND vn.name = json_extract(f.value, '$')
               LEFT JOIN entities ve ON ve.entity_id = vn.entity_id
               WHERE f.attribute = 'located_in' AND f.polarity = 'affirmed'""")
        parents: dict[str, set[str]] = {}
        for place, value in rows:
            if value is not None:
                parents.setdefault(place, set()).add(str(value))
        return {place: sorted(values) for place, values in parents.items()}

    def meta(self, key: str) -> str | None:
        """A value the store remembers about itself (`meta` table), or None."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def fact_names(self) -> list[str]:
        """Every distinct subject name of the facts, in name order: read from the facts'
        name index one name at a time (a loose index scan), so that it costs the number
        of names, not of facts."""
        return [name for (name,) in self.conn.execute(
            "WITH RECURSIVE n(name) AS (SELECT min(name) FROM facts UNION ALL "
            "SELECT (SELECT min(name) FROM facts WHERE name > n.name) FROM n WHERE n.name IS NOT NULL) "
            "SELECT name FROM n WHERE name IS NOT NULL")]

    def facts_of_names(self, select: str, names: Iterable[str]) -> list[tuple]:
        """The rows of `select` (a query of the facts table with a WHERE clause) for the
        facts of these subject names only, read through the name index."""
        wanted = json.dumps(sorted(set(names)), ensure_ascii=False)
        return self.conn.execute(f"{select} AND name IN (SELECT value FROM json_each(?))", (wanted,)).fetchall()

    def known_names(self) -> Iterator[str]:
        for (name,) in self.conn.execute("SELECT canonical FROM entities"):
            yield name

    def variants(self, entity_id: str) -> list[dict[str, Any]]:
        """How the documents spell an entity: each spelling with its count and documents."""
        rows = self.conn.execute(
            """SELECT json_extract(f.value, '$'), count(*), json_group_array(DISTINCT d.path)
               FROM names n JOIN facts f ON f.name = n.name AND f.attribute = 'name'
               JOIN documents d ON d.doc_id = f.doc_id
               WHERE n.entity_id = ? GROUP BY 1 ORDER BY 2 DESC, 1""", (entity_id,)).fetchall()
        # a JSON array, not group_concat: a comma in a file name must not split it
        found = [{"name": name, "count": count, "docs": sorted(json.loads(docs))} for name, count, docs in rows]
        # the name a document writes inside a longer mention ("Yusuf Haddad" of "Captain Yusuf
        # Haddad"): a spelling too, as written, without the title, possessive or "the"; a
        # name, not a common noun ("raid" of "US raid")
        inner = self.conn.execute(
            """SELECT f.name, count(*), json_group_array(DISTINCT d.path)
               FROM names n JOIN facts f ON f.name = n.name AND f.attribute = 'name'
               JOIN documents d ON d.doc_id = f.doc_id
               WHERE n.entity_id = ? AND json_extract(f.value, '$') != f.name
                 AND instr(json_extract(f.value, '$'), f.name) > 0
                 AND substr(f.name, 1, 1) != lower(substr(f.name, 1, 1))
               GROUP BY 1 ORDER BY 2 DESC, 1""", (entity_id,)).fetchall()
        written = {v["name"] for v in found}
        found += [{"name": name, "count": count, "docs": sorted(json.loads(docs))}
                  for name, count, docs in inner if name not in written]
        return sorted(found, key=lambda v: (-v["count"], v["name"]))

    def gone_documents(self) -> tuple[list[tuple[int, str]], int]:
        """Stored documents whose file no longer exists, as (doc_id, path), and how many
        documents could not be checked (read from standard input, or stored before
        factx recorded files: a rerun of extract on them records it)."""
        gone, unchecked = [], 0
        for doc_id, path, source in self.conn.execute("SELECT doc_id, path, source FROM documents ORDER BY path"):
            if source is None:
                unchecked += 1
            elif not os.path.lexists(os.fsdecode(bytes(source))):
                gone.append((doc_id, path))
        return gone, unchecked

    def documents(self) -> Iterator[dict[str, Any]]:
        """The stored documents as `factx.document/1` dicts, by path: outlet, title,
        publication date and how it was found, content hash and number of facts.

        `published_how` is "metadata", "date line", "dateline", "dateline, year from
        the text", "given" (`--published`), "inferred from the run" (`published_from`
        then names the documents that gave the year), or "dateline without year" (no
        date: `published_from` holds the dateline, whose month and day are known).
        """
        sql = """SELECT d.path, d.outlet, d.title, d.author, d.url, d.published, d.published_how,
                        d.published_from, d.content_hash, d.chars,
                        (SELECT count(*) FROM facts f WHERE f.doc_id = d.doc_id)
                 FROM documents d ORDER BY d.path"""
        for row in self.conn.execute(sql):  # the columns are the record's fields, in order
            yield Document.row_json(row)

    def outlets(self) -> dict[str, str]:
        """Document path → outlet, for the documents that name one (what
        `factx.memo.outlets_from` takes of `documents()`, without counting facts)."""
        return {str(path): str(outlet) for path, outlet in
                self.conn.execute("SELECT path, outlet FROM documents ORDER BY path") if path and outlet}

    def document_by_hash(self, content_hash: str) -> tuple[int, str, str] | None:
        """(doc_id, path, pipeline) of the stored document with this content, or None."""
        return self.conn.execute("SELECT doc_id, path, pipeline FROM documents WHERE content_hash = ? "
                                 "ORDER BY doc_id LIMIT 1", (content_hash,)).fetchone()

    def top_entities(self, *, limit: int = 25) -> list[tuple[str, int]]:
        """(entity_id, documents) of the entities with facts beyond their names in most
        documents, most first."""
        return self.conn.execute(
            """SELECT n.entity_id, count(DISTINCT f.doc_id) AS docs FROM facts f
               JOIN names n ON n.name = f.name
               WHERE f.attribute != 'name' GROUP BY n.entity_id
               ORDER BY docs DESC, n.entity_id LIMIT ?""", (limit,)).fetchall()

    def status(self) -> dict[str, Any]:
        one = lambda sql: self.conn.execute(sql).fetchone()[0]  # noqa: E731
        last = self.conn.execute(
            "SELECT new, changed, unchanged, failed FROM runs WHERE finished IS NOT NULL "
            "ORDER BY run_id DESC LIMIT 1").fetchone()
        return Status(store=str(self.directory), documents=one("SELECT count(*) FROM documents"),
                      facts=one("SELECT count(*) FROM facts"),
                      entities=one("SELECT count(*) FROM entities"),
                      last_run=RunCounts(*last) if last else None).to_json()

    # --- writing ------------------------------------------------------------------

    @contextmanager
    def writer(self, *, wait: float = 30.0) -> Iterator["Writer"]:
        """An exclusive writer; a second one waits up to `wait` seconds, then stops."""
        import fcntl

        try:
            lock = open(self.directory / LOCK_NAME, "a+")
        except OSError as exc:
            raise StoreError(f"{self.directory}: cannot write the store: {exc.strerror or exc}",
                             hint="check the permissions of the store folder, or pass another --store",
                             kind="readonly") from None
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    lock.close()
                    raise StoreError(f"{self.directory}: another factx run is writing to this store",
                                     hint="wait for it to finish, or pass another --store") from None
                time.sleep(0.2)
        writer = None
        try:
            writer = Writer(self)
            yield writer
        except BaseException:
            # what the batch in hand wrote goes; the batches committed before stay
            if writer is not None:
                try:
                    writer.rollback()
                except (StoreError, sqlite3.Error):  # the connection may be gone already
                    pass
            raise
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
            lock.close()


class Writer:
    """Writes documents and facts in batches; each `commit()` is one transaction."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.conn
        self.conn.execute("BEGIN IMMEDIATE")
        cur = self.conn.execute("INSERT INTO runs (started, status) VALUES (?, 'running')", (time.time(),))
        self.run_id = cur.lastrowid
        self.counts = {"new": 0, "changed": 0, "unchanged": 0, "failed": 0}
        self.pending = 0

    def classify(self, path: str, content_hash: str, pipeline: str) -> str:
        """'new', 'changed' or 'unchanged' for a document about to be processed.

        A document is its content: the same text reached by another path ("seeds/" and
        "./x/../seeds/", or a copy) is the stored document, unchanged when it was
        processed with the same pipeline.
        """
        state = self.store.document_state(path)
        if state is not None and state[1] == content_hash:
            return "unchanged" if state[2] == pipeline else "changed"
        same = self.store.document_by_hash(content_hash)
        if same is not None:
            return "unchanged" if same[2] == pipeline else "changed"
        return "new" if state is None else "changed"

    def touch(self, path: str, content_hash: str | None = None, source: str | None = None) -> None:
        """Mark an unchanged document as part of this run (found by path, else by content),
        and record the file it was read from when the store did not know it."""
        blob = _source_blob(source)
        cur = self.conn.execute("UPDATE documents SET run_id = ?, source = coalesce(source, ?) WHERE path = ? AND "
                                "(? IS NULL OR content_hash = ?)",
                                (self.run_id, blob, path, content_hash, content_hash))
        if cur.rowcount == 0 and content_hash is not None:
            self.conn.execute("UPDATE documents SET run_id = ?, source = coalesce(source, ?) WHERE doc_id = "
                              "(SELECT min(doc_id) FROM documents WHERE content_hash = ?)",
                              (self.run_id, blob, content_hash))
        self.counts["unchanged"] += 1
        self._tick()

    def set_file(self, path: str, size: int, mtime_ns: int | None, file_hash: str) -> None:
        """Record the file a stored document was read from, so that a rerun knows it
        unchanged by its size and mtime (or, when those moved, by its hash)."""
        self.conn.execute("UPDATE documents SET size = ?, mtime_ns = ?, file_hash = ? WHERE path = ?",
                          (size, mtime_ns, file_hash, path))

    def failed(self) -> None:
        self.counts["failed"] += 1

    def add(self, result: DocResult, pipeline: str, *, recount: bool = True) -> None:
        """Store one document's facts, replacing what an older version of it held.

        A savepoint makes the document all or nothing, even when Ctrl-C lands
        between its rows.
        """
        self.conn.execute("SAVEPOINT document")
        try:
            self._add(result, pipeline, recount)
        except BaseException:
            try:
                self.conn.execute("ROLLBACK TO document")
                self.conn.execute("RELEASE document")
            except StoreError:
                pass  # SQLite ended the whole transaction itself (a full disk): say why, not this
            raise
        self.conn.execute("RELEASE document")

    def _add(self, result: DocResult, pipeline: str, recount: bool = True) -> None:
        article = result.article
        doc_hash = article.content_hash
        state = self.store.document_state(article.path)
        same = self.store.document_by_hash(doc_hash)
        if state is not None and state[1] != doc_hash and same is not None and same[0] != state[0]:
            # this path now holds the text of another stored document: one document per content
            self.conn.execute("DELETE FROM documents WHERE doc_id = ?", (state[0],))
            state = None
        doc_id = state[0] if state is not None else (same[0] if same is not None else None)
        described = (article.published, article.title, len(article.text), self.run_id, article.outlet,
                     article.url, article.author, article.published_how, article.published_from,
                     article.dateline)
        if doc_id is not None:
            self.conn.execute("DELETE FROM facts WHERE doc_id = ?", (doc_id,))
            self.conn.execute(
                "UPDATE documents SET content_hash=?, pipeline=?, published=?, title=?, chars=?, run_id=?, "
                "outlet=?, url=?, author=?, published_how=?, published_from=?, dateline=?, source=? "
                "WHERE doc_id=?", (doc_hash, pipeline, *described, _source_blob(article.source), doc_id))
            counter = "changed"
        else:
            cur = self.conn.execute(
                "INSERT INTO documents (path, content_hash, pipeline, published, title, chars, run_id, "
                "outlet, url, author, published_how, published_from, dateline, source) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (article.path, doc_hash, pipeline, *described, _source_blob(article.source)))
            doc_id = cur.lastrowid
            counter = "new"
        text = article.text
        self.conn.executemany(
            f'INSERT INTO facts ({_FACT_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
            [_draft_row(doc_id, doc_hash, text, seq, d) for seq, d in enumerate(result.drafts)])
        if recount:
            self.counts[counter] += 1
            self._tick()

    def _tick(self) -> None:
        self.pending += 1

    def commit(self) -> None:
        """End the current batch's transaction and start the next."""
        self.conn.execute("UPDATE runs SET new=?, changed=?, unchanged=?, failed=? WHERE run_id=?",
                          (*self.counts.values(), self.run_id))
        if self.conn.in_transaction:
            self.conn.execute("COMMIT")
        self.conn.execute("BEGIN IMMEDIATE")
        self.pending = 0

    def set_meta(self, key: str, value: str | None) -> None:
        """Remember a value about the store (None forgets it)."""
        if value is None:
            self.conn.execute("DELETE FROM meta WHERE key = ?", (key,))
        else:
            self.conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def set_entities(self, entities: Iterable[Any], fold) -> None:
        """Replace the name → entity mapping with a new resolution."""
        self.conn.execute("DELETE FROM names")
        self.conn.execute("DELETE FROM entities")
        for entity in entities:
            self.conn.execute("INSERT OR REPLACE INTO entities (entity_id, canonical, entity_type, folded) "
                              "VALUES (?, ?, ?, ?)",
                              (entity.entity_id, entity.canonical, entity.entity_type, fold(entity.canonical)))
            self.conn.executemany("INSERT OR REPLACE INTO names (name, entity_id, folded) VALUES (?, ?, ?)",
                                  [(n, entity.entity_id, fold(n)) for n in entity.names])

    def finish(self, status: str = "done") -> RunCounts:
        self.conn.execute("UPDATE runs SET new=?, changed=?, unchanged=?, failed=?, finished=?, status=? "
                          "WHERE run_id=?", (*self.counts.values(), time.time(), status, self.run_id))
        if self.conn.in_transaction:
            self.conn.execute("COMMIT")
        return RunCounts(**self.counts)

    def rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def remove(self, doc_ids: Iterable[int]) -> int:
        """Delete documents and their facts; the number removed."""
        removed = 0
        for doc_id in doc_ids:
            self.conn.execute("DELETE FROM facts WHERE doc_id = ?", (doc_id,))
            removed += self.conn.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,)).rowcount
        return removed


#: The columns of a fact row, named: a store upgraded in place has added columns last.
_FACT_COLUMNS = ('doc_id, id, name, name_type, attribute, value, value_type, value_text, polarity, '
                 'modality, said_by, line, start, "end", quote, mention, rule, seq')


def _source_blob(source: str | None) -> bytes | None:
    # file names are bytes: kept exactly, undecodable ones included
    return os.fsencode(source) if source else None


def _draft_row(doc_id: int, doc_hash: str, text: str, seq: int, d: FactDraft) -> tuple:
    return (doc_id, fact_id(doc_hash, d), d.name, d.name_type, d.attribute,
            json.dumps(d.value, ensure_ascii=False) if d.value is not None else None,
            d.value_type, d.value_text, d.polarity, d.modality, d.said_by,
            line_of(text, d.start), d.start, d.end, " ".join(text[d.quote_start:d.quote_end].split()),
            d.mention, d.rule, seq)
