"""Web pages: the article text alone, with its title, outlet, author, address and date.

trafilatura finds the main text of a page (menus, cookie banners, share bars,
related-link lists, comments and footers left out) and its metadata; htmldate,
through it, reads the publication date from the markup. The `Article`'s text is the
extracted text (headline first), so every offset points into it.

The publication date, in order of trust: the page's own metadata
(`article:published_time`, JSON-LD `datePublished`, ...) read with
`factx.published.parse_date_value`; htmldate's date from the markup (`<time>`,
meta tags, dated addresses), unless the page's metadata held a date that is not one
(htmldate "repairs" 2019-10-32 into 2019-10-01: a guess, so it is not used); a
date line of the page's visible header ("Published 10:32 BST, 22 May 2016"); a
dateline in the article text. An impossible date is a warning, never an error.

trafilatura is imported only when a page is read.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from factx.errors import InputError
from factx.records import Article
from factx.rules import RuleSet

__all__ = ["html_article", "page_metadata", "PageMeta"]

#: meta tags that hold a page's publication date, most trusted first
DATE_META = ("article:published_time", "og:published_time", "datepublished", "publishdate",
             "pubdate", "publish-date", "dc.date.issued", "dc.date", "date", "sailthru.date",
             "parsely-pub-date")
# `<html lang="en-GB">`: English written day first, or month first
_DAY_FIRST_LANGS = re.compile(r"^en[-_](?:gb|ie|au|nz|in|pk|za|ng|ke|gh|ug|tz|lk|bd|sg|my|hk|mt)\b", re.I)
_MONTH_FIRST_LANGS = re.compile(r"^en[-_](?:us|ph|ca)\b", re.I)
_DAY_FIRST_HOSTS = re.compile(r"\.(?:uk|ie|au|nz|in|pk|za|ng|ke|gh|ug|tz|lk|bd|sg|my|hk|mt)$", re.I)
_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2}(?:[-_][A-Za-z]{2,})?)", re.I)
_JSON_LD = re.compile(r"<script[^>]+application/ld\+json[^>]*>(.*?)</script>", re.I | re.S)
_BYLINE = re.compile(r"^\s*By\s+([A-Z][\w.'\u2019-]+(?:\s+(?:[A-Z][\w.'\u2019-]+|de|van|von|al|bin|el)){0,4})"
                     r"(?=\s*(?:$|[,|\u00b7\u2022/-]|and\b|\d))")


@dataclass(frozen=True)
class PageMeta:
    """What a page says about itself, before any of it is trusted."""

    text: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    htmldate: str | None = None
    meta_date: str | None = None       # the raw string of the first date meta tag or JSON-LD field
    meta_date_key: str | None = None
    header: str = ""                   # the visible text of the page before the article body
    day_first: bool | None = None
    extracted: bool = True             # False: trafilatura found no article, `text` is all visible text


def _json_ld_dates(html: str) -> tuple[str | None, str | None]:
    """The first `datePublished` of the page's JSON-LD, with its key."""
    for block in _JSON_LD.findall(html):
        try:
            data = json.loads(block)
        except (json.JSONDecodeError, ValueError):
            m = re.search(r'"datePublished"\s*:\s*"([^"]*)"', block)
            if m:
                return m.group(1), "JSON-LD datePublished"
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if isinstance(item.get("datePublished"), str):
                    return item["datePublished"], "JSON-LD datePublished"
                stack.extend(v for v in item.values() if isinstance(v, (list, dict)))
    return None, None


def _day_first_hint(html: str, url: str | None) -> bool | None:
    m = _LANG.search(html[:5000])
    if m:
        if _DAY_FIRST_LANGS.match(m.group(1)):
            return True
        if _MONTH_FIRST_LANGS.match(m.group(1)):
            return False
    from factx.stages.ingest import outlet_of

    host = outlet_of(url)
    if host and _DAY_FIRST_HOSTS.search(host):
        return True
    return None


def page_metadata(html: str) -> PageMeta:
    """The article text and metadata of a page (pure: no dates are trusted here)."""
    import trafilatura

    from factx.stages.ingest import html_to_text

    visible, plain_title, meta = html_to_text(html)
    # markup only (no search of the text for any date), and the original date, not an update
    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True,
        date_extraction_params={"extensive_search": False, "original_date": True})
    body = (doc.text or "").strip() if doc is not None else ""
    title = (doc.title if doc is not None else None) or plain_title
    title = " ".join(title.split()) if title else None
    if not _prose(body):
        # trafilatura found no article (it may fall back to a menu): the visible text,
        # with a warning from html_article, if it holds any sentence at all
        body = ""
        text = visible if _prose(visible) else ""
    else:
        text = body if not title or body.startswith(title) else f"{title}\n\n{body}"
    url = (doc.url if doc is not None else None) or meta.get("og:url")
    meta_date, key = None, None
    for name in DATE_META:
        if meta.get(name):
            meta_date, key = meta[name], name
            break
    if meta_date is None:
        meta_date, key = _json_ld_dates(html)
    header = _header(visible, body)
    author = (doc.author if doc is not None else None) or meta.get("author") or _byline(header)
    sitename = doc.sitename if doc is not None else None
    from factx.stages.ingest import outlet_of

    outlet = meta.get("og:site_name") or sitename or outlet_of(url)
    return PageMeta(text=text, title=title, extracted=bool(body), outlet=" ".join(outlet.split()) if outlet else None,
                    author=author, url=url, htmldate=doc.date if doc is not None else None,
                    meta_date=meta_date, meta_date_key=key, header=header,
                    day_first=_day_first_hint(html, url))


def _prose(text: str) -> bool:
    """Whether a text holds a sentence: a line of six words, or of two ending like a sentence
    (a menu's "Home World Sport" is none)."""
    return any(len(line.split()) >= 6 or (len(line.split()) >= 2 and line.rstrip().endswith((".", "!", "?", '"', "\u201d")))
               for line in text.splitlines())


def _header(visible: str, body: str) -> str:
    """The visible text before the article body starts (byline, date line): the page's
    sidebars and related links after it are left out."""
    first = next((line for line in body.splitlines() if len(line.strip()) >= 20), "")
    at = visible.find(first[:60]) if first else -1
    return visible[:at] if at > 0 else visible[:2000]


def _byline(header: str) -> str | None:
    for line in header.splitlines():
        m = _BYLINE.match(line)
        if m:
            return m.group(1)
    return None


def html_article(name: str, html: str, *, rules: RuleSet, warnings: tuple[str, ...] = ()) -> Article | InputError:
    """The `Article` of an HTML page: the article text alone, with its metadata and date."""
    from factx.published import HOW_LINE, HOW_METADATA, parse_date_value, published_date
    from factx.stages.ingest import make_article

    try:
        page = page_metadata(html)
    except (ValueError, TypeError, RecursionError) as exc:  # a page lxml cannot build a tree of
        return InputError(name, f"cannot read this HTML page: {exc}")
    if not page.text.strip():
        return InputError(name, "HTML page without visible text (no sentence found); skipped")
    if not page.extracted:
        warnings += ("no article found in the page's markup; all its visible text is read",)
    published = how = source = None
    meta_bad = False
    if page.meta_date is not None:
        parsed = parse_date_value(page.meta_date, day_first_hint=page.day_first)
        if parsed.value:
            published, how, source = parsed.value, HOW_METADATA, f"{page.meta_date_key}: {page.meta_date}"
        else:
            meta_bad = True
            warnings += (f"page metadata {page.meta_date_key}: {parsed.problem}; not used as the publication date",)
    if published is None and page.htmldate and not meta_bad:
        published, how, source = page.htmldate, HOW_METADATA, "page markup (htmldate)"
    if published is None and page.header.strip():
        found = published_date(page.header, day_first_hint=page.day_first)
        if found.value:
            published, how, source = found.value, HOW_LINE, found.source
    return make_article(name, page.text, rules=rules, title=page.title, url=page.url,
                        outlet=page.outlet, author=page.author, warnings=warnings,
                        published=published, published_how=how, published_from=source,
                        day_first=page.day_first)
