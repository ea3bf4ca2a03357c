"""Stage 1, ingest: find the inputs, decode them, strip web boilerplate, find the metadata.

Nothing here imports spaCy: ingest runs in the process that reads the files.

Inputs are files, folders (recursive, symlink loops skipped), globs, or `-` for
stdin. `.html`/`.htm` pages are read by `factx.pages` (trafilatura: the article text alone,
with title, outlet, author, address and date); `.jsonl` files hold one article per
line as crawlers write them (`{"text", "published"?, "url"?, "title"?, "source"?,
"author"?, "id"?}`), and `.json` files one such record or an array of them.
Everything else is read as text.

Problems with one input are yielded as `InputError`s, never raised, so that the
caller can report them and go on with the rest of the run.
"""

from __future__ import annotations

import glob
import json
import os
import re
import sys
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from typing import IO, Iterable, Iterator

from factx.errors import InputError
from factx.records import Article
from factx.rules import RuleSet, load_rules

TEXT_SUFFIXES = {".txt", ".md", ".text", ".html", ".htm", ".jsonl", ".json", ""}
HTML_SUFFIXES = {".html", ".htm"}
#: A document larger than this is cut there, with a warning (bounded memory).
MAX_DOCUMENT_CHARS = 2_000_000
_SNIFF_BYTES = 8192


# --- finding inputs ---------------------------------------------------------------

def expand_inputs(specs: Iterable[str]) -> Iterator[str | InputError]:
    """Paths of the files to read, in a stable order; `-` stays `-`.

    Folders are walked recursively in sorted order; hidden files and folders are
    skipped; a symlink that leads back into a folder being walked is skipped.

    >>> list(expand_inputs(["-"]))
    ['-']
    """
    seen: set[str] = set()
    for spec in specs:
        if spec == "-":
            yield "-"
            continue
        if any(ch in spec for ch in "*?[") and not os.path.exists(spec):
            matches = sorted(glob.glob(spec, recursive=True))
            if not matches:
                yield InputError(spec, "no file matches this pattern")
            for match in matches:
                yield from _expand_path(match, seen)
            continue
        if not os.path.lexists(spec):
            yield InputError(spec, "no such file or directory")
            continue
        yield from _expand_path(spec, seen)


def _expand_path(path: str, seen: set[str]) -> Iterator[str | InputError]:
    if os.path.isdir(path):
        yield from _walk(path, seen, set())
        return
    real = os.path.realpath(path)
    if real in seen:
        return
    seen.add(real)
    yield path


def _walk(folder: str, seen: set[str], ancestors: set[str]) -> Iterator[str | InputError]:
    real = os.path.realpath(folder)
    if real in ancestors:
        yield InputError(folder, "symlink loop: this folder contains itself; skipped")
        return
    ancestors = ancestors | {real}
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield InputError(folder, f"cannot read folder: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = os.path.join(folder, entry.name)
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(path, seen, ancestors)
        elif os.path.splitext(entry.name)[1].lower() in TEXT_SUFFIXES:
            # a file that is not a symlink is where its folder really is: no realpath
            # (a system call per path component) for each of the archive's files
            real_path = os.path.realpath(path) if entry.is_symlink() else os.path.join(real, entry.name)
            if real_path not in seen:
                seen.add(real_path)
                yield path


# --- decoding ----------------------------------------------------------------------

def decode(data: bytes, path: str) -> tuple[str, tuple[str, ...]]:
    """Text of a file's bytes: UTF-8, else a detected charset with a warning.

    Raises `InputError` for empty and binary content.
    """
    if not data.strip():
        raise InputError(path, "empty file, nothing to read")
    head = data[:_SNIFF_BYTES]
    if b"\x00" in head and not (head.startswith(b"\xff\xfe") or head.startswith(b"\xfe\xff")):
        raise InputError(path, "binary file, not text; skipped")
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return data.decode("utf-8", errors="replace"), (
            f"not valid UTF-8 (first bad byte at offset {first_bad}) and no charset fits; "
            "undecodable bytes replaced with U+FFFD",)
    return str(best), (f"not valid UTF-8 (first bad byte at offset {first_bad}); decoded as {best.encoding}",)


class _TextExtractor(HTMLParser):
    """Visible text of an HTML page, blocks on their own lines."""

    SKIP = {"script", "style", "nav", "noscript", "template", "svg", "form", "iframe",
            "header", "footer", "aside", "button", "select"}
    BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
             "article", "blockquote", "pre", "ul", "ol", "table", "time", "figcaption"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.title: list[str] = []
        self.in_title = False
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skip_depth += 1
        elif tag == "title":
            self.in_title = True
        elif tag == "meta":
            a = {k.lower(): (v or "") for k, v in attrs}
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content"):
                self.meta.setdefault(key, a["content"])
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            self.handle_starttag(tag, attrs)
        elif tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skip_depth:
            self.skip_depth -= 1
        elif tag == "title":
            self.in_title = False
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skip_depth:
            self.parts.append(data)


def html_to_text(html: str) -> tuple[str, str | None, dict[str, str]]:
    """Visible text, title and meta tags of an HTML page."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    lines = [re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    title = " ".join("".join(parser.title).split()) or None
    return text, title, parser.meta


# --- boilerplate and metadata --------------------------------------------------------

def boilerplate_spans(text: str, rules: RuleSet) -> tuple[tuple[int, int], ...]:
    """Character ranges of lines that are web boilerplate, not article text.

    A rule of scope `line` removes the matching line; scope `rest` removes the
    matching line and everything after it ("In Other News", "Related articles").
    """
    compiled = [(re.compile(r["pattern"], re.IGNORECASE), r.get("scope", "line"))
                for r in rules.get("boilerplate")]
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            for pattern, scope in compiled:
                if pattern.search(stripped):
                    if scope == "rest":
                        spans.append((offset, len(text)))
                        return tuple(spans)
                    spans.append((offset, offset + len(line.rstrip("\r\n"))))
                    break
        offset += len(line)
    return tuple(spans)


def blank_spans(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """The text with the given spans replaced by spaces (newlines kept), offsets unchanged."""
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] not in "\r\n":
                chars[i] = " "
    return "".join(chars)


def find_title(text: str, spans: tuple[tuple[int, int], ...]) -> str | None:
    """The first short non-boilerplate line that does not end like a sentence."""
    offset = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        inside = any(s <= offset < e for s, e in spans)
        if stripped and not inside:
            if len(stripped) <= 200 and not stripped.endswith((".", ":", ";")):
                return stripped
            return None
        offset += len(line)
    return None


def make_article(path: str, text: str, *, rules: RuleSet, published: str | None = None,
                 title: str | None = None, url: str | None = None,
                 warnings: tuple[str, ...] = (), find_date: bool = True,
                 outlet: str | None = None, author: str | None = None,
                 published_how: str | None = None, published_from: str | None = None,
                 day_first: bool | None = None) -> Article:
    """An `Article` with boilerplate, title and publication date found.

    A `published` date given by the caller (metadata, a JSONL field) wins over the
    text's date lines; `published_how`/`published_from` say where it came from.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if len(text) > MAX_DOCUMENT_CHARS:
        warnings += (f"document of {len(text):,} characters cut at {MAX_DOCUMENT_CHARS:,}",)
        text = text[:MAX_DOCUMENT_CHARS]
    spans = boilerplate_spans(text, rules)
    dateline = date_line = None
    if published is None and find_date:
        from factx.published import published_date

        found = published_date(blank_spans(text, spans) if spans else text, day_first_hint=day_first)
        published, published_how, published_from = found.value, found.how, found.source
        dateline, date_line = found.partial, found.span
    return Article(path=path, text=text, published=published,
                   title=title or find_title(text, spans), url=url, outlet=outlet,
                   boilerplate=spans, warnings=warnings, author=author,
                   published_how=published_how if published or dateline else None,
                   published_from=published_from if published or dateline else None,
                   dateline=dateline, date_line=date_line)


# --- page metadata: outlet, dates of records and pages --------------------------------------

def outlet_of(url: str | None) -> str | None:
    """The outlet a web address names: its host without 'www.' ('example.co.uk'), or None.

    >>> outlet_of("https://www.example.co.uk/news/story-1")
    'example.co.uk'
    """
    if not url or not isinstance(url, str):
        return None
    from urllib.parse import urlsplit

    try:
        host = urlsplit(url.strip() if "//" in url else "//" + url.strip()).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host[4:] if host.startswith("www.") else host


def _string(record: dict, *keys: str) -> str | None:
    """The first non-empty string among a record's keys (a dict's 'name' counts: JSON-LD)."""
    for key in keys:
        value = record.get(key)
        if isinstance(value, dict):
            value = value.get("name")
        if isinstance(value, list) and value and all(isinstance(v, (str, dict)) for v in value):
            names = [v.get("name") if isinstance(v, dict) else v for v in value]
            value = ", ".join(n for n in names if isinstance(n, str) and n.strip())
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return None


def _record_date(record: dict, warnings: list[str]) -> tuple[str | None, str | None]:
    """A record's publication date (ISO) and the key it came from; a warning when unreadable."""
    from factx.published import parse_date_value

    for key in ("published", "date_published", "datePublished", "publication_date", "date"):
        if key in record and record[key] not in (None, ""):
            parsed = parse_date_value(record[key])
            if parsed.value:
                return parsed.value, key
            warnings.append(f"'{key}': {parsed.problem}; publication date left empty")
            return None, None
    return None, None


def record_article(name: str, record: object, *, rules: RuleSet) -> Article | InputError:
    """The article of one crawler record `{"text", "published"?, "title"?, "url"?, "source"?, "author"?}`.

    `source` (or `outlet`, `site_name`) names the outlet; without it, the URL's host does.
    An unreadable date is a warning, and the text's own date lines are looked at instead.
    """
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return InputError(name, "a record needs a string 'text' key; skipped")
    if not record["text"].strip():
        return InputError(name, "empty 'text'; skipped")
    warnings: list[str] = []
    published, key = _record_date(record, warnings)
    url = _string(record, "url", "link")
    return make_article(name, record["text"], rules=rules, published=published,
                        title=_string(record, "title", "headline"), url=url,
                        outlet=_string(record, "source", "outlet", "site_name", "sitename", "publisher")
                        or outlet_of(url),
                        author=_string(record, "author", "authors", "byline"),
                        published_how="metadata" if published else None,
                        published_from=f"'{key}': {record[key]}"[:200] if published else None,
                        warnings=tuple(warnings))


def _jsonl_articles(path: str, stream: Iterable[str], rules: RuleSet) -> Iterator[Article | InputError]:
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(path, f"malformed JSON ({exc.msg} at column {exc.colno}); line skipped", line=number)
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield InputError(path, "a JSONL record needs a string 'text' key; line skipped", line=number)
            continue
        if not record["text"].strip():
            yield InputError(path, "empty 'text'; line skipped", line=number)
            continue
        doc_path = f"{path}:{record['id']}" if record.get("id") is not None else f"{path}:{number}"
        yield record_article(doc_path, record, rules=rules)


def json_articles(path: str, text: str, rules: RuleSet) -> Iterator[Article | InputError]:
    """A `.json` file: one article record, or an array of them; anything else is refused."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputError(path, f"malformed JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}); "
                               "a .json file must hold an article record or an array of them; skipped")
        return
    records = data if isinstance(data, list) else [data]
    if not records or not all(isinstance(r, dict) and isinstance(r.get("text"), str) for r in records):
        yield InputError(path, "a .json file must hold an article record {\"text\": ...} or an array of "
                               "them; skipped")
        return
    for number, record in enumerate(records, 1):
        name = path if not isinstance(data, list) else (
            f"{path}:{record['id']}" if record.get("id") is not None else f"{path}:{number}")
        yield record_article(name, record, rules=rules)


def read_path(path: str, *, rules: RuleSet, stdin: IO[bytes] | None = None,
              stdin_count: int = 1) -> Iterator[Article | InputError]:
    """The articles of one input path (several for a JSONL file)."""
    if path == "-":
        data = (stdin or sys.stdin.buffer).read()
        name = f"stdin:{stdin_count}"
    else:
        name = path
        try:
            if os.path.getsize(path) > 64 * MAX_DOCUMENT_CHARS and not path.endswith(".jsonl"):
                yield InputError(path, f"file of {os.path.getsize(path):,} bytes is too large to be one article; skipped")
                return
            if path.lower().endswith(".jsonl"):
                yield from _read_jsonl_file(path, rules)
                return
            with open(path, "rb") as handle:
                data = handle.read()
        except IsADirectoryError:
            yield InputError(path, "is a directory")
            return
        except PermissionError:
            yield InputError(path, "permission denied: cannot read this file")
            return
        except FileNotFoundError:
            yield InputError(path, "no such file (it may have been moved during the run)")
            return
        except OSError as exc:
            yield InputError(path, f"cannot read: {exc.strerror or exc}")
            return
    try:
        text, warnings = decode(data, name)
    except InputError as exc:
        yield exc
        return
    suffix = os.path.splitext(path)[1].lower()
    if suffix in HTML_SUFFIXES or (path == "-" and text.lstrip()[:15].lower().startswith(("<!doctype html", "<html"))):
        from factx.pages import html_article

        yield html_article(name, text, rules=rules, warnings=warnings)
    elif suffix == ".json":
        yield from json_articles(name, text, rules)
    else:
        yield make_article(name, text, rules=rules, warnings=warnings)


def _read_jsonl_file(path: str, rules: RuleSet) -> Iterator[Article | InputError]:
    # Line by line, so that a huge crawl never sits in memory at once.
    with open(path, "rb") as handle:
        def lines() -> Iterator[str]:
            for number, raw in enumerate(handle, 1):
                try:
                    yield raw.decode("utf-8")
                except UnicodeDecodeError:
                    yield raw.decode("utf-8", errors="replace")
        yield from _jsonl_articles(path, lines(), rules)


def read_inputs(specs: Iterable[str], *, rules: RuleSet | None = None,
                stdin: IO[bytes] | None = None) -> Iterator[Article | InputError]:
    """Every article of the given inputs, and an `InputError` for each that fails.

    >>> from factx.errors import InputError
    >>> [type(x).__name__ for x in read_inputs(["/no/such/file"])]
    ['InputError']
    """
    rules = rules or load_rules()
    stdin_count = 0
    for path in expand_inputs(specs):
        if isinstance(path, InputError):
            yield path
            continue
        if path == "-":
            stdin_count += 1
        yield from read_path(path, rules=rules, stdin=stdin, stdin_count=stdin_count)


def with_published(article: Article, published: str | None, how: str = "given",
                   source: str | None = "--published") -> Article:
    """The article with its publication date overridden (`--published`, or the run's year)."""
    return replace(article, published=published, published_how=how if published else None,
                   published_from=source if published else None)
