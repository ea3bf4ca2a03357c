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
import stat
import sys
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from typing import IO, Iterable, Iterator

from factx.errors import InputError, describe, escape_undecodable
from factx.records import Article
from factx.rules import RuleSet, load_rules
from factx.watchdog import TimeLimit, limit_for, time_limit

TEXT_SUFFIXES = {".txt", ".md", ".text", ".html", ".htm", ".jsonl", ".json", ""}
HTML_SUFFIXES = {".html", ".htm"}
_SNIFF_BYTES = 8192


# --- finding inputs ---------------------------------------------------------------

#: One document (a file, a JSONL line, standard input) larger than this is refused with a
#: message, never cut; anything under it goes through the pipeline whole, in pieces.
MAX_DOCUMENT_BYTES = int(os.environ.get("FACTX_MAX_DOCUMENT_BYTES") or 10_000_000)


def expand_inputs(specs: Iterable[str]) -> Iterator[str | InputError]:
    """Paths of the files to read, in a stable order; `-` stays `-`.

    Folders are walked in sorted order, to any depth; hidden files and folders are
    skipped; a symlink that leads back into a folder being walked is skipped. Only
    regular files are read: a named pipe, a device or a socket is refused by name
    (reading one could block or never end).

    >>> list(expand_inputs(["-"]))
    ['-']
    """
    seen: set[tuple[int, int]] = set()
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


def _expand_path(path: str, seen: set[tuple[int, int]]) -> Iterator[str | InputError]:
    try:
        info = os.stat(path)
    except OSError as exc:
        yield InputError(path, _os_problem(exc))
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _walk(path, seen)
        return
    problem = _not_regular(info.st_mode)
    if problem:
        yield InputError(path, problem)
        return
    if (info.st_dev, info.st_ino) in seen:
        return
    seen.add((info.st_dev, info.st_ino))
    yield path


def _walk(top: str, seen: set[tuple[int, int]]) -> Iterator[str | InputError]:
    """The files under `top`, depth first in sorted order, with a stack rather than
    recursion so that no depth of folders can exhaust Python's."""
    try:
        top_info = os.stat(top)
    except OSError as exc:
        yield InputError(top, _os_problem(exc))
        return
    # the folders being walked, by device and inode: a symlink back into one is a loop
    ancestors = [(top_info.st_dev, top_info.st_ino)]
    stack = [iter(_entries(top))]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            ancestors.pop()
            continue
        if isinstance(entry, InputError):
            yield entry
            continue
        if entry.name.startswith("."):
            continue
        path = entry.path
        try:
            info = entry.stat()  # follows symlinks
        except OSError:
            if os.path.splitext(entry.name)[1].lower() in TEXT_SUFFIXES:
                yield InputError(path, "broken symbolic link or unreadable entry; skipped")
            continue
        if stat.S_ISDIR(info.st_mode):
            key = (info.st_dev, info.st_ino)
            if key in ancestors:
                yield InputError(path, "symlink loop: this folder contains itself; skipped")
                continue
            ancestors.append(key)
            stack.append(iter(_entries(path)))
        elif os.path.splitext(entry.name)[1].lower() in TEXT_SUFFIXES:
            problem = _not_regular(info.st_mode)
            if problem:
                yield InputError(path, problem)
            elif (info.st_dev, info.st_ino) not in seen:
                seen.add((info.st_dev, info.st_ino))
                yield path


def _entries(folder: str) -> list[os.DirEntry | InputError]:
    try:
        with os.scandir(folder) as entries:
            return sorted(entries, key=lambda e: e.name)
    except OSError as exc:
        return [InputError(folder, f"cannot read folder: {_os_problem(exc)}")]


def _not_regular(mode: int) -> str | None:
    """Why a file of this type is not read, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO), not a regular file; skipped (to read a stream, pipe it to 'factx extract -')"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a regular file; skipped"
    if stat.S_ISSOCK(mode):
        return "a socket, not a regular file; skipped"
    return "not a regular file; skipped"


def _os_problem(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied: cannot read this file"
    if isinstance(exc, FileNotFoundError):
        return "no such file (it may have been moved during the run)"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return f"cannot read: {exc.strerror or exc}"


def document_key(path: str) -> str:
    """The name a file's document is stored and shown under: its path as given, with
    bytes that are not UTF-8 written as `\\xNN` (file names are bytes on POSIX).

    >>> document_key("caf\\udce9.txt")
    'caf\\\\xe9.txt'
    """
    return escape_undecodable(path)


def _too_large(size: int | str) -> str:
    what = f"{size:,} bytes" if isinstance(size, int) else size
    return (f"{what}: over the limit of {MAX_DOCUMENT_BYTES:,} bytes for one document; skipped "
            "(split it, or set FACTX_MAX_DOCUMENT_BYTES)")


def _open_regular(path: str, name: str) -> IO[bytes]:
    """A regular file opened for reading, without blocking on a pipe swapped in since
    it was found; `InputError` otherwise."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise InputError(name, _os_problem(exc)) from None
    try:
        problem = _not_regular(os.fstat(fd).st_mode)
        if problem:
            raise InputError(name, problem)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _read_bounded(handle: IO[bytes], name: str, size_hint: int | None = None) -> bytes:
    """At most `MAX_DOCUMENT_BYTES` from a stream; more is refused, not cut."""
    if size_hint is not None and size_hint > MAX_DOCUMENT_BYTES:
        raise InputError(name, _too_large(size_hint))
    data = handle.read(MAX_DOCUMENT_BYTES + 1)
    if len(data) > MAX_DOCUMENT_BYTES:
        raise InputError(name, _too_large(f"more than {MAX_DOCUMENT_BYTES:,} bytes"))
    return data


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


def _jsonl_articles(path: str, lines: Iterable[tuple[int, str | None, bool]],
                   rules: RuleSet) -> Iterator[Article | InputError]:
    """The articles of a JSONL file's lines; a bad line is an `InputError` naming it.

    A record is keyed `FILE:ID` (`FILE:LINE` without an id); a key met again in the
    same file (a duplicate id) gets `#2`, `#3`... so that both records are kept, the
    same way on every rerun, with a warning.
    """
    name = document_key(path)
    keys: set[str] = set()
    for number, line, replaced in lines:
        if line is None:
            yield InputError(name, f"a line of more than {MAX_DOCUMENT_BYTES:,} bytes, over the limit for "
                                   "one document; line skipped (or set FACTX_MAX_DOCUMENT_BYTES)", line=number)
            continue
        if not line.strip():
            continue
        try:
            with time_limit(limit_for(len(line))):
                items = list(_jsonl_record(name, number, line, keys, rules))
            if replaced:
                items = [replace(a, warnings=a.warnings + (
                    "not valid UTF-8; undecodable bytes replaced with U+FFFD",))
                    if isinstance(a, Article) else a for a in items]
        except TimeLimit as exc:
            items = [InputError(name, exc.problem(), line=number)]
        except Exception as exc:  # one bad line never stops the file
            items = [InputError(name, f"{describe(exc)}; line skipped", line=number)]
        yield from items


def _jsonl_record(name: str, number: int, line: str, keys: set[str],
                  rules: RuleSet) -> Iterator[Article | InputError]:
    try:
        record = json.loads(line, parse_int=_json_int)
    except RecursionError:
        yield InputError(name, "JSON nested too deeply; line skipped", line=number)
        return
    except ValueError as exc:  # JSONDecodeError, and numbers Python will not convert
        problem = f"{exc.msg} at column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else str(exc)
        yield InputError(name, f"malformed JSON ({problem}); line skipped", line=number)
        return
    warnings: tuple[str, ...] = ()
    if _SURROGATE_IN.search(line):
        record, replaced = _without_lone_surrogates(record)
        if replaced:
            warnings = ("lone surrogate code points (invalid Unicode) replaced with U+FFFD",)
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        yield InputError(name, "a JSONL record needs a string 'text' key; line skipped", line=number)
        return
    if not record["text"].strip():
        yield InputError(name, "empty 'text'; line skipped", line=number)
        return
    record_id, why = _record_id(record)
    warnings += why
    key, taken = _unique_key(f"{name}:{record_id}" if record_id is not None else f"{name}:{number}", keys)
    warnings += taken
    article = record_article(key, record, rules=rules)
    yield replace(article, warnings=article.warnings + warnings) if warnings and isinstance(article, Article) \
        else article


def _record_id(record: dict) -> tuple[str | None, tuple[str, ...]]:
    """A record's `id` as text, or None (with why) when it cannot key the record."""
    record_id = record.get("id")
    if record_id is None:
        return None, ()
    if isinstance(record_id, (str, int, float)) and not isinstance(record_id, bool) and str(record_id).strip():
        record_id = str(record_id)
        if len(record_id) > MAX_ID_CHARS:
            return None, (f"an 'id' of {len(record_id):,} characters; record keyed by its position",)
        return record_id, ()
    return None, (f"'id' is not a string or a number ({type(record_id).__name__}); record keyed by "
                  "its position",)


def _unique_key(base: str, keys: set[str]) -> tuple[str, tuple[str, ...]]:
    """`base`, or `base#2`, `#3`... when an earlier record of the file took it (both kept)."""
    key, copy = base, 1
    while key in keys:
        copy += 1
        key = f"{base}#{copy}"
    keys.add(key)
    if copy == 1:
        return key, ()
    return key, (f"the key {base} is taken by an earlier record of this file (a duplicate 'id'?); "
                 f"this record is kept as {key}",)


#: A JSONL `id` longer than this keys its record by line number instead.
MAX_ID_CHARS = 200
_SURROGATE_IN = re.compile(r"\\u[dD][89a-fA-F]")


def _json_int(digits: str) -> int | str:
    # Python refuses to convert integers of more than 4,300 digits: keep such a number
    # (an absurd 'id') as its digits rather than failing the line
    return int(digits) if len(digits) <= 4000 else digits


def _without_lone_surrogates(value: object) -> tuple[object, bool]:
    """A decoded JSON value with lone surrogates ("\\ud800", invalid Unicode that
    cannot be stored or printed) replaced by U+FFFD, walked without recursion."""
    fix = lambda text: _LONE_SURROGATE.sub("\ufffd", text)  # noqa: E731
    if isinstance(value, str):
        fixed = fix(value)
        return fixed, fixed != value
    replaced = False
    stack = [value]
    while stack:
        item = stack.pop()
        pairs = item.items() if isinstance(item, dict) else enumerate(item) if isinstance(item, list) else ()
        for key, child in list(pairs):
            if isinstance(child, str):
                fixed = fix(child)
                if fixed != child:
                    item[key] = fixed
                    replaced = True
            elif isinstance(child, (dict, list)):
                stack.append(child)
        if isinstance(item, dict) and any(isinstance(k, str) and _LONE_SURROGATE.search(k) for k in item):
            for old in [k for k in item if _LONE_SURROGATE.search(k)]:
                item[fix(old)] = item.pop(old)
            replaced = True
    return value, replaced


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def json_articles(path: str, text: str, rules: RuleSet) -> Iterator[Article | InputError]:
    """A `.json` file: one article record, or an array of them; anything else is refused."""
    try:
        data = json.loads(text, parse_int=_json_int)
    except RecursionError:
        yield InputError(path, "JSON nested too deeply; skipped")
        return
    except ValueError as exc:  # JSONDecodeError, and numbers Python will not convert
        problem = (f"{exc.msg} at line {exc.lineno}, column {exc.colno}"
                   if isinstance(exc, json.JSONDecodeError) else str(exc))
        yield InputError(path, f"malformed JSON ({problem}); "
                               "a .json file must hold an article record or an array of them; skipped")
        return
    warnings: tuple[str, ...] = ()
    if _SURROGATE_IN.search(text):
        data, replaced = _without_lone_surrogates(data)
        if replaced:
            warnings = ("lone surrogate code points (invalid Unicode) replaced with U+FFFD",)
    records = data if isinstance(data, list) else [data]
    if not records or not all(isinstance(r, dict) and isinstance(r.get("text"), str) for r in records):
        yield InputError(path, "a .json file must hold an article record {\"text\": ...} or an array of "
                               "them; skipped")
        return
    keys: set[str] = set()
    for number, record in enumerate(records, 1):
        more = warnings
        if isinstance(data, list):
            record_id, why = _record_id(record)
            name, taken = _unique_key(f"{path}:{record_id}" if record_id is not None else f"{path}:{number}", keys)
            more += why + taken
        else:
            name = path
        article = record_article(name, record, rules=rules)
        yield replace(article, warnings=article.warnings + more) if more and isinstance(article, Article) \
            else article


def read_path(path: str, *, rules: RuleSet, stdin: IO[bytes] | None = None,
              stdin_count: int = 1) -> Iterator[Article | InputError]:
    """The articles of one input path (several for a JSONL file).

    Whatever goes wrong with one input (or one line of a JSONL file) is yielded as an
    `InputError` naming it, never raised: the caller reports it and goes on.
    """
    name = f"stdin:{stdin_count}" if path == "-" else document_key(path)
    source = None if path == "-" else os.path.abspath(path)
    try:
        for item in _read_path(path, name, rules=rules, stdin=stdin):
            yield item if isinstance(item, InputError) else checked_published(replace(item, source=source))
    except InputError as exc:
        yield exc
    except TimeLimit as exc:
        yield InputError(name, exc.problem())
    except Exception as exc:  # an unexpected failure on one input never stops the run
        yield InputError(name, f"cannot read: {describe(exc)}; skipped")


def _read_path(path: str, name: str, *, rules: RuleSet,
               stdin: IO[bytes] | None = None) -> Iterator[Article | InputError]:
    if path == "-":
        data = _read_bounded(stdin or sys.stdin.buffer, name)
    elif path.lower().endswith(".jsonl"):
        yield from _read_jsonl_file(path, rules)
        return
    else:
        with _open_regular(path, name) as handle:
            data = _read_bounded(handle, name, os.fstat(handle.fileno()).st_size)
    # time-limited from here (a rule's pattern runs on the text), not while waiting on stdin
    with time_limit(limit_for(len(data))):
        items = _articles_of(path, name, data, rules)
    yield from items


def _articles_of(path: str, name: str, data: bytes, rules: RuleSet) -> list[Article | InputError]:
    text, warnings = decode(data, name)
    suffix = os.path.splitext(path)[1].lower()
    if suffix in HTML_SUFFIXES or (path == "-" and text.lstrip()[:15].lower().startswith(("<!doctype html", "<html"))):
        from factx.pages import html_article

        return [html_article(name, text, rules=rules, warnings=warnings)]
    if suffix == ".json":
        return list(json_articles(name, text, rules))
    return [make_article(name, text, rules=rules, warnings=warnings)]


def _read_jsonl_file(path: str, rules: RuleSet) -> Iterator[Article | InputError]:
    # Line by line, so that a huge crawl never sits in memory at once; a line is read
    # up to the document limit, and a longer one is skipped in bounded pieces.
    with _open_regular(path, document_key(path)) as handle:
        yield from _jsonl_articles(path, _jsonl_lines(handle), rules)


def _jsonl_lines(handle: IO[bytes]) -> Iterator[tuple[int, str | None, bool]]:
    """(line number, text, whether bytes were replaced) of a JSONL stream (UTF-8, as
    JSON is); the text is None for a line over the limit."""
    number = 0
    while True:
        raw = handle.readline(MAX_DOCUMENT_BYTES + 1)
        if not raw:
            return
        number += 1
        if len(raw) > MAX_DOCUMENT_BYTES and not raw.endswith(b"\n"):
            while True:  # the rest of the long line, a megabyte at a time
                more = handle.readline(1 << 20)
                if not more or more.endswith(b"\n"):
                    break
            yield number, None, False
            continue
        try:
            yield number, raw.decode("utf-8"), False
        except UnicodeDecodeError:
            yield number, raw.decode("utf-8", errors="replace"), True


def calendar_date(value: str | None) -> str | None:
    """`value` if it is a real calendar day written YYYY-MM-DD, else None.

    >>> calendar_date("2019-02-28"), calendar_date("2019-02-30"), calendar_date("0000-00-00")
    ('2019-02-28', None, None)
    """
    import datetime

    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return None
    return value


def checked_published(article: Article) -> Article:
    """The article, its publication date dropped with a warning when it is no calendar
    day (a page's "2019-02-30", a crawler's "0000-00-00"): dates resolve against it."""
    if article.published is None or calendar_date(article.published):
        return article
    return replace(article, published=None, warnings=article.warnings + (
        f"publication date {article.published!r} is not a calendar date; ignored",))


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
