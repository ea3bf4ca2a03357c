"""The records factx reads and writes, each defined here and nowhere else.

Published records are what the command line prints and the library returns (as
dicts, through `to_json()`): `Fact`, `Conflict`, `Entity`, `Document`, `DateRecord`
and `Status`. Each is a frozen dataclass; its JSON Schema (`factx/schemas/NAME.json`,
`factx schema NAME`) is generated from the dataclass by `json_schema` (`make schemas`
writes the files after a record changes), and a test keeps the published files equal
to what the dataclasses say.

    >>> Status(store=".factx", documents=5, facts=447, entities=60, last_run=None).to_json()["schema"]
    'factx.status/1'

Per-document stages produce *drafts* (`FactDraft`) that name entities by their
in-document canonical form. The store resolves those names to entities across
documents and turns drafts into `Fact` records, the `factx.fact/1` JSONL contract.
`Article`, `TimexSpan`, `FactDraft` and `DocResult` are internal: they pass between
the stages, the workers and the store, and are never printed.
"""

from __future__ import annotations

import hashlib
import json
import operator
import types
import typing
from dataclasses import MISSING, dataclass, field, fields
from typing import Any, ClassVar, Union

FACT_SCHEMA = "factx.fact/1"
CONFLICT_SCHEMA = "factx.conflict/1"
ENTITY_SCHEMA = "factx.entity/1"
DOCUMENT_SCHEMA = "factx.document/1"
DATE_SCHEMA = "factx.date/1"
STATUS_SCHEMA = "factx.status/1"

#: What a fact's value is (DESIGN section 4).
VALUE_TYPES = ("name", "date", "quantity", "entity", "country", "text")
POLARITIES = ("affirmed", "denied")
MODALITIES = ("asserted", "reported", "hedged")
CONFLICT_KINDS = ("value", "denial", "spelling")
SEVERITIES = ("soft", "hard")
#: TimeML TIMEX3 types
DATE_TYPES = ("DATE", "TIME", "DURATION", "SET")

#: Entity labels that get one `name` fact per mention.
NAMED_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT")


def short_hash(*parts: object, length: int = 16) -> str:
    """A stable hex id from the given parts."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:length]


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Article:
    """A document as ingested: its text and what was found about it.

    `path` is the document's path as the user gave it (or `stdin:N`, or
    `FILE:LINE` for a JSONL record). `text` is the full text that offsets point into.
    """

    path: str
    text: str
    published: str | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    #: character ranges of web boilerplate (navigation, "Read more", ...) that NLP skips
    boilerplate: tuple[tuple[int, int], ...] = ()
    warnings: tuple[str, ...] = ()
    author: str | None = None
    #: how `published` was found ("metadata", "date line", "dateline", "given", "inferred
    #: from the run", ...; `factx.published.HOW_*`) and the words or field it came from
    published_how: str | None = None
    published_from: str | None = None
    #: a dateline's date whose year is unknown, as TIMEX3 ("XXXX-08-05"), else None
    dateline: str | None = None
    #: the character range of the line the publication date was read from: page
    #: furniture ("IST: 0915 HRS, JUN 3, 2018") whose words are no names or sources
    date_line: tuple[int, int] | None = None
    #: the absolute path of the file it was read from (a JSONL file for its records),
    #: None for standard input: `factx prune` drops documents whose file is gone
    source: str | None = None

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)


@dataclass(frozen=True)
class TimexSpan:
    """A temporal expression found in a document, normalized to TIMEX3."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str | None


@dataclass(frozen=True)
class FactDraft:
    """A fact as one document states it, before entities are resolved across documents.

    `name` and `said_by` are in-document canonical names ("Jane Smith" for "Ms. Smith");
    `value` of a `value_type == "entity"` draft is also such a name.
    `start`/`end` are the character span of the evidence (the mention for `name`
    facts, the value's words otherwise); `quote_start`/`quote_end` the sentence.
    """

    name: str
    name_type: str
    attribute: str
    value: str | int | None
    value_type: str
    value_text: str | None
    start: int
    end: int
    quote_start: int
    quote_end: int
    mention: str
    rule: str
    polarity: str = "affirmed"
    modality: str = "asserted"
    said_by: str | None = None
    said_by_type: str | None = None
    value_entity_type: str | None = None


@dataclass(frozen=True)
class DocResult:
    """What a worker returns for one document: plain records, never a spaCy Doc."""

    article: Article
    drafts: tuple[FactDraft, ...]
    model: str
    dates: tuple[TimexSpan, ...] = ()


def line_of(text: str, offset: int) -> int:
    """1-based line number of a character offset."""
    return text.count("\n", 0, offset) + 1


def fact_id(doc_hash: str, draft: FactDraft) -> str:
    return short_hash(doc_hash, draft.start, draft.end, draft.attribute, draft.value,
                      draft.name, draft.said_by, draft.polarity)


# ---------------------------------------------------------------------------------------
# Published records


def _about(description: str, *, enum: tuple[str, ...] | None = None, default: Any = MISSING) -> Any:
    """A record field with its description (and closed vocabulary) for the JSON Schema."""
    metadata: dict[str, Any] = {"description": description}
    if enum is not None:
        metadata["enum"] = enum
    return field(default=default, metadata=metadata)


def _plain(value: Any) -> Any:
    """A field value as JSON: records through their `to_json`, tuples as lists."""
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    to_json = getattr(value, "to_json", None)
    return to_json() if to_json is not None else value


class _Record:
    """What every published record shares: `to_json()` with `schema` first, then the
    fields in their declared order."""

    __slots__ = ()
    SCHEMA: ClassVar[str | None] = None
    _keys: ClassVar[tuple[str, ...]]
    _values: ClassVar[Any]
    _flat: ClassVar[bool]

    def to_json(self) -> dict[str, Any]:
        values = self._values(self)
        if not self._flat:
            values = tuple(_plain(v) for v in values)
        if self.SCHEMA is not None:
            return dict(zip(self._keys, (self.SCHEMA, *values)))
        return dict(zip(self._keys, values))

    @classmethod
    def row_json(cls, row: tuple) -> dict[str, Any]:
        """What `cls(*row).to_json()` gives for a flat record, without building the
        instance: the store streams millions of facts this way (a Fact built per row
        would double the cost of reading them)."""
        return dict(zip(cls._keys, (cls.SCHEMA, *row) if cls.SCHEMA else row))

    @classmethod
    def from_json(cls, data: dict[str, Any]):
        """The record of a dict as `to_json` gives it (nested records included)."""
        hints = typing.get_type_hints(cls)
        kwargs = {}
        for f in fields(cls):
            value = data.get(f.name)
            inner = _record_of(hints[f.name])
            if inner is not None and isinstance(value, list):
                value = tuple(inner.from_json(v) for v in value)
            elif inner is not None and isinstance(value, dict):
                value = inner.from_json(value)
            elif isinstance(value, list):
                value = tuple(value)
            kwargs[f.name] = value
        return cls(**kwargs)


def _record(schema: str | None = None):
    """Make a class a published record: a frozen, slotted dataclass with `to_json`."""

    def make(cls):
        cls = dataclass(frozen=True, slots=True)(cls)
        names = tuple(f.name for f in fields(cls))
        cls.SCHEMA = schema
        cls._keys = (("schema",) if schema else ()) + names
        cls._values = staticmethod(lambda record, _get=operator.attrgetter(*names):
                                   _get(record) if len(names) > 1 else (_get(record),))
        hints = typing.get_type_hints(cls)
        cls._flat = not any(_record_of(hints[n]) is not None or "tuple" in str(hints[n])
                            for n in names)
        return cls

    return make


def _record_of(hint: Any) -> type | None:
    """The record class a type hint holds (`Source`, `tuple[Source, ...]`, `X | None`)."""
    if isinstance(hint, type) and issubclass(hint, _Record):
        return hint
    for arg in typing.get_args(hint):
        found = _record_of(arg)
        if found is not None:
            return found
    return None


@_record(FACT_SCHEMA)
class Fact(_Record):
    """A `factx.fact/1` record: one thing one document says about one entity (DESIGN
    section 2). Flat, so that jq filters stay short; null where unknown."""

    id: str = _about("stable id: a hash of the document's content, the span, attribute and value")
    entity: str = _about("the resolved entity's canonical name")
    entity_id: str = _about("the resolved entity's stable id ('' when the name was not resolved)")
    entity_type: str | None = _about("PERSON, ORG, GPE, LOC, NORP, FAC, EVENT ...")
    attribute: str = _about("what is said about the entity: name, title, date_of_death, killed_count ...")
    value: str | int | None = _about("the normalized value: TIMEX3 date, quantity, country, "
                                             "canonical entity name, or text")
    value_type: str | None = _about("the kind of value", enum=VALUE_TYPES)
    value_text: str | None = _about("the words of the document that gave the value")
    polarity: str = _about("whether the claim is made or denied", enum=POLARITIES)
    modality: str = _about("asserted, reported (attributed) or hedged", enum=MODALITIES)
    said_by: str | None = _about("canonical name of the source the claim is attributed to")
    doc: str = _about("the document's path as given (or stdin:N, or FILE:LINE for JSONL)")
    published: str | None = _about("the document's publication date (ISO)")
    line: int = _about("1-based line of the span")
    start: int = _about("character offset of the span's start in the document text")
    end: int = _about("character offset of the span's end in the document text")
    quote: str = _about("the sentence the fact comes from")
    mention: str = _about("the entity's surface form in that sentence")
    rule: str = _about("the id of the rule that produced the fact")


#: The keys of a fact record, in contract order (DESIGN section 2).
FACT_KEYS: tuple[str, ...] = Fact._keys


@_record()
class Source(_Record):
    """One fact as evidence for a value of a conflict."""

    doc: str = _about("the document's path")
    line: int = _about("1-based line of the fact")
    quote: str = _about("the sentence the fact comes from")
    said_by: str | None = _about("who the document says made the claim; null for its own voice")
    polarity: str = _about("affirmed or denied", enum=POLARITIES)
    modality: str | None = _about("asserted, reported or hedged", enum=MODALITIES)
    fact_id: str = _about("the id of the fact record")
    published: str | None = _about("the document's publication date (ISO)", default=None)


@_record()
class ConflictValue(_Record):
    """One side of a conflict: a value, the words that gave it, and every source."""

    value: str | int | None = _about("the normalized value (null: the claim as a whole)")
    value_texts: tuple[str, ...] = _about("the distinct words of the documents that gave it")
    sources: tuple[Source, ...] = _about("every fact that gives this value")
    also: tuple[Any, ...] = _about("less precise values that agree only with this one and were counted "
                                   "with it ('Norway' with 'Oslo'; '>=40' with 40)", default=())


@_record(CONFLICT_SCHEMA)
class Conflict(_Record):
    """A `factx.conflict/1` record: one place where sources disagree (DESIGN section 3)."""

    entity: str = _about("the entity's canonical name")
    entity_id: str = _about("the entity's stable id")
    entity_type: str | None = _about("the entity's type")
    attribute: str = _about("the attribute the sources disagree on")
    kind: str = _about("value: values that cannot both be true; denial: one source denies what "
                       "another affirms; spelling: the documents spell the entity differently",
                       enum=CONFLICT_KINDS)
    severity: str = _about("hard when the values are disjoint, soft when they only differ in "
                           "precision or overlap", enum=SEVERITIES)
    values: tuple[ConflictValue, ...] = _about("the values in disagreement, each with its sources")
    reason: str | None = _about("why it is a conflict beyond its kind: update (a count that grew between "
                                "dated reports), undated (counts that differ where a report cannot be "
                                "placed in time, so the larger may be an update), former (a title called "
                                "former), holders (another holder of the role), rank (titles one person cannot "
                                "hold at once: an office's spokesman and its holder, a deputy and "
                                "the role deputised), mistaken (a title one source calls mistaken or superseded, "
                                "'initially identified as', another gives as current), time (the sources that disagree on the day give times of day that "
                                "disagree too: one disagreement, the times in `context`)", default=None)
    context: dict[str, list[Any]] | None = _about("for a denied event, its other attributes as the affirming "
                                                  "sources give them; for a day folded with its times of "
                                                  "day (reason time), those times", default=None)
    set_aside: tuple[ConflictValue, ...] | None = _about(
        "values of the attribute that take part in no side because they cannot be what a source "
        "means (a date of death after the document's own publication date, or decades from it and "
        "from every other source's date)", default=None)


@_record()
class Variant(_Record):
    """One spelling of an entity."""

    name: str = _about("the spelling, as the documents write it")
    count: int = _about("how many mentions use it")
    docs: tuple[str, ...] = _about("the documents that use it")


@_record(ENTITY_SCHEMA)
class Entity(_Record):
    """A `factx.entity/1` record: a resolved entity with every spelling the documents use."""

    entity: str = _about("canonical name")
    entity_id: str = _about("stable id (a hash of type and folded canonical name)")
    entity_type: str | None = _about("PERSON, ORG, GPE, LOC, NORP, FAC, EVENT ...")
    variants: tuple[Variant, ...] = _about("every spelling, most used first")


@_record(DOCUMENT_SCHEMA)
class Document(_Record):
    """A `factx.document/1` record: one stored document."""

    doc: str = _about("the document's path as given (the `doc` of its facts)")
    outlet: str | None = _about("the outlet that published it, where the document says so")
    title: str | None = _about("the title found in the document")
    author: str | None = _about("the author, where the page names one")
    url: str | None = _about("the document's URL, where known")
    published: str | None = _about("publication date (ISO)")
    published_how: str | None = _about("how the publication date was found: metadata, date line, dateline, "
                                       "given (--published), inferred from the run...")
    published_from: str | None = _about("the words, field or documents the publication date came from")
    content_hash: str = _about("sha256 of the document text")
    chars: int | None = _about("length of the document text in characters")
    facts: int = _about("how many facts the document gave")


#: The keys of a document record, in order.
DOCUMENT_KEYS: tuple[str, ...] = Document._keys


@_record(DATE_SCHEMA)
class DateRecord(_Record):
    """A `factx.date/1` record: one temporal expression of a document, normalized to TIMEX3."""

    doc: str = _about("the document's path as given")
    line: int = _about("1-based line of the expression")
    start: int = _about("character offset of the expression's start")
    end: int = _about("character offset of the expression's end")
    text: str = _about("the expression as written")
    type: str = _about("TimeML TIMEX3 type", enum=DATE_TYPES)
    value: str | None = _about("TIMEX3 value (2019-09-23, 2019-W39, XXXX-09-02, P3D ...)")
    anchor: str | None = _about("the publication date relative expressions were resolved against")


@_record()
class RunCounts(_Record):
    """What one `extract` run did with its documents."""

    new: int = _about("documents stored for the first time", default=0)
    changed: int = _about("documents whose content, rules or model changed", default=0)
    unchanged: int = _about("documents left as they were", default=0)
    failed: int = _about("inputs skipped with a message", default=0)


@_record(STATUS_SCHEMA)
class Status(_Record):
    """A `factx.status/1` record: what the store holds and what the last run did."""

    store: str = _about("the store's directory")
    documents: int = _about("stored documents")
    facts: int = _about("stored facts")
    entities: int = _about("resolved entities")
    last_run: RunCounts | None = _about("the last finished run; null before the first")


#: Every published record by the name `factx schema NAME` takes.
RECORDS: dict[str, type[_Record]] = {
    "fact": Fact, "conflict": Conflict, "entity": Entity,
    "document": Document, "date": DateRecord, "status": Status,
}


def dumps(record: dict[str, Any]) -> str:
    """One compact JSON line, non-ASCII kept readable."""
    return json.dumps(record, ensure_ascii=False, separators=(", ", ": "))


# ---------------------------------------------------------------------------------------
# JSON Schema

_JSON_TYPES = {str: "string", int: "integer", float: "number", bool: "boolean", type(None): "null"}


def _schema_of(hint: Any, defs: dict[str, Any]) -> dict[str, Any]:
    if hint is Any:
        return {}
    if isinstance(hint, type) and issubclass(hint, _Record):
        if hint.__name__ not in defs:
            defs[hint.__name__] = {}  # placeholder against recursion
            defs[hint.__name__] = _object_schema(hint, defs)
        return {"$ref": f"#/$defs/{hint.__name__}"}
    if hint in _JSON_TYPES:
        return {"type": _JSON_TYPES[hint]}
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is tuple:
        return {"type": "array", "items": _schema_of(args[0], defs)}
    if origin is list:
        return {"type": "array", "items": _schema_of(args[0], defs)}
    if origin is dict:
        return {"type": "object", "additionalProperties": _schema_of(args[1], defs)}
    if origin in (Union, types.UnionType):
        if all(a in _JSON_TYPES for a in args):
            return {"type": [_JSON_TYPES[a] for a in args]}
        return {"anyOf": [_schema_of(a, defs) for a in args]}
    raise TypeError(f"no JSON Schema for {hint!r}")


def _object_schema(cls: type[_Record], defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    if cls.SCHEMA:
        properties["schema"] = {"const": cls.SCHEMA, "description": "the record's name and version"}
    for f in fields(cls):
        prop = dict(_schema_of(hints[f.name], defs))
        if "enum" in f.metadata:
            nullable = type(None) in typing.get_args(hints[f.name])
            prop["enum"] = [*f.metadata["enum"], *([None] if nullable else [])]
        prop["description"] = f.metadata.get("description", "")
        properties[f.name] = prop
    return {"type": "object", "description": " ".join((cls.__doc__ or "").split()),
            "properties": properties, "required": list(properties),
            "additionalProperties": False}


def json_schema(name: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a published record, by name.

    >>> json_schema("fact")["properties"]["polarity"]["enum"]
    ['affirmed', 'denied']
    """
    cls = RECORDS[name]
    defs: dict[str, Any] = {}
    body = _object_schema(cls, defs)
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
              "title": cls.SCHEMA, **body}
    if defs:
        schema["$defs"] = defs
    return schema


def write_schemas(directory: "str | None" = None) -> None:
    """Write every record's schema to `factx/schemas/NAME.json` (after changing a record)."""
    from pathlib import Path

    out = Path(directory) if directory else Path(__file__).parent / "schemas"
    out.mkdir(exist_ok=True)
    for name in RECORDS:
        (out / f"{name}.json").write_text(json.dumps(json_schema(name), indent=2) + "\n",
                                          encoding="utf-8")
