"""Stage 1, ingest: find the inputs, decode them, strip web boilerplate, find the metadata.

Nothing here imports spaCy: ingest runs in the process that reads the files.

Inputs are files, folders (recursive, symlink loops skipped), globs, or `-` for
stdin. `.html`/`.htm` files are turned into text with the standard library's HTML
parser (scripts, styles, navigation dropped); `.jsonl` files hold one article per
line as crawlers write them (`{"text", "published"?, "url"?, "title"?, "id"?}`).
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


def _published(text: str) -> str | None:
    from factx.published import find_published

    return find_published(text)


def make_article(path: str, text: str, *, rules: RuleSet, published: str | None = None,
                 title: str | None = None, url: str | None = None,
                 warnings: tuple[str, ...] = (), find_date: bool = True) -> Article:
    """An `Article` with boilerplate, title and publication date found."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    spans = boilerplate_spans(text, rules)
    if published is None and find_date:
        published = _published(blank_spans(text, spans) if spans else text)
    return Article(path=path, text=text, published=published,
                   title=title or find_title(text, spans), url=url,
                   boilerplate=spans, warnings=warnings)


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
    record_id = record.get("id")
    if isinstance(record_id, (str, int, float)) and not isinstance(record_id, bool) and str(record_id).strip():
        record_id = str(record_id)
        if len(record_id) > MAX_ID_CHARS:
            warnings += (f"an 'id' of {len(record_id):,} characters; record keyed by its line number",)
            record_id = None
    elif record_id is not None:
        warnings += (f"'id' is not a string or a number ({type(record_id).__name__}); record keyed "
                     "by its line number",)
        record_id = None
    base = f"{name}:{record_id}" if record_id is not None else f"{name}:{number}"
    key, copy = base, 1
    while key in keys:
        copy += 1
        key = f"{base}#{copy}"
    if copy > 1:
        warnings += (f"the key {base} is taken by an earlier record of this file (a duplicate "
                     f"'id'?); this record is kept as {key}",)
    keys.add(key)
    article = make_article(key, record["text"], rules=rules,
                           published=record.get("published") if isinstance(record.get("published"), str) else None,
                           title=record.get("title") if isinstance(record.get("title"), str) else None,
                           url=record.get("url") if isinstance(record.get("url"), str) else None)
    yield replace(article, warnings=article.warnings + warnings) if warnings else article


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
        article = _article_of(path, name, data, rules)
    yield article


def _article_of(path: str, name: str, data: bytes, rules: RuleSet) -> Article | InputError:
    text, warnings = decode(data, name)
    suffix = os.path.splitext(path)[1].lower()
    if suffix in HTML_SUFFIXES or (path == "-" and text.lstrip()[:15].lower().startswith(("<!doctype html", "<html"))):
        text, title, meta = html_to_text(text)
        if not text.strip():
            return InputError(name, "HTML page without visible text")
        published = meta.get("article:published_time") or meta.get("datepublished") or meta.get("date")
        return make_article(name, text, rules=rules, title=title, warnings=warnings,
                            published=_iso_date(published))
    return make_article(name, text, rules=rules, warnings=warnings)


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


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
    return "-".join(match.groups()) if match else None


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


def with_published(article: Article, published: str | None) -> Article:
    """The article with its publication date overridden (`--published`)."""
    return replace(article, published=published)
