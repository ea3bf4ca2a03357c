"""The records factx reads and writes; the JSON schemas live here and nowhere else.

Per-document stages produce *drafts* (`FactDraft`) that name entities by their
in-document canonical form. The store resolves those names to entities across
documents and turns drafts into `Fact` records, the `factx.fact/1` JSONL contract.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

FACT_SCHEMA = "factx.fact/1"
DOCUMENT_SCHEMA = "factx.document/1"
CONFLICT_SCHEMA = "factx.conflict/1"
DATE_SCHEMA = "factx.date/1"

#: The keys of a fact record, in contract order (DESIGN section 2).
FACT_KEYS = (
    "schema", "id", "entity", "entity_id", "entity_type", "attribute", "value",
    "value_type", "value_text", "polarity", "modality", "said_by", "doc", "published",
    "line", "start", "end", "quote", "mention", "rule",
)

#: The keys of a document record (`factx documents`, `Store.documents()`), in order.
DOCUMENT_KEYS = (
    "schema", "doc", "outlet", "title", "author", "url", "published", "published_how",
    "published_from", "content_hash", "chars", "facts",
)

#: Entity labels that get one `name` fact per mention.
NAMED_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT")


def dumps(record: dict[str, Any]) -> str:
    """One compact JSON line, non-ASCII kept readable."""
    return json.dumps(record, ensure_ascii=False, separators=(", ", ": "))


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


@dataclass(frozen=True)
class Fact:
    """A `factx.fact/1` record."""

    id: str
    entity: str
    entity_id: str
    entity_type: str
    attribute: str
    value: str | int | None
    value_type: str
    value_text: str | None
    polarity: str
    modality: str
    said_by: str | None
    doc: str
    published: str | None
    line: int
    start: int
    end: int
    quote: str
    mention: str
    rule: str
    schema: str = field(default=FACT_SCHEMA)

    def to_json(self) -> dict[str, Any]:
        return {key: getattr(self, key) for key in FACT_KEYS}


@dataclass(frozen=True)
class DateRecord:
    """A `factx.date/1` record: one temporal expression of a document."""

    doc: str
    line: int
    start: int
    end: int
    text: str
    type: str
    value: str | None
    anchor: str | None

    def to_json(self) -> dict[str, Any]:
        return {"schema": DATE_SCHEMA, "doc": self.doc, "line": self.line,
                "start": self.start, "end": self.end, "text": self.text,
                "type": self.type, "value": self.value, "anchor": self.anchor}
