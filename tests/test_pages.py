"""HTML pages made here (tests/data/pages/) with menus, cookie banners, share bars,
related-link lists, comments and footers: the article text alone, and the page's
metadata, through trafilatura."""

from __future__ import annotations

from pathlib import Path

import pytest

from factx.pages import html_article
from factx.rules import load_rules
from factx.stages.ingest import outlet_of, read_inputs

PAGES = Path(__file__).resolve().parent / "data" / "pages"
RULES = load_rules()

# Words of the page that are not the article: none of them may reach the text.
FURNITURE = ["Accept all cookies", "We use cookies", "cookies", "Manage preferences", "Sign in", "Subscribe",
             "Share on Facebook", "Newsletter", "Most read", "Related", "You might also like",
             "Recommended", "Privacy policy", "All rights reserved", "Comments", "Advertisement", "Tags:"]

CASES = [
    # file, title, outlet, author, url, published, how, first and last sentences, related headlines
    ("wire-port-fire.html", "Fire at Port Halvern kills 12, officials say", "The Coastal Herald", "Dana Whitlock",
     "https://www.coastalherald.example.com/world/2021/03/14/port-halvern-fire", "2021-03-14", "metadata",
     ["PORT HALVERN \u2014 A fire that swept through a fuel depot",
      "two of the dead were firefighters."],
     ["Tomas Greer was killed in 2013", "Halvern mayor resigns", "Port workers strike over safety rules",
      "Ten recipes for spring", "Smoke rises over the docks"]),
    ("daily-flood.html", "Floods force thousands from homes in the Vale of Brennick", "The Northern Daily",
     "Owen Pryce", "https://www.northerndaily.example.co.uk/news/floods-vale-of-brennick", "2016-05-22",
     "date line",
     ["More than 3,000 people were moved from their homes", "by Tuesday 24 May."],
     ["Gwen Harlow dies at 71", "Drought warning", "Kevin from Leeds", "Thoughts with everyone", "Puzzles"]),
    ("bad-meta-date.html", "Council approves new bridge over the Sarn", "Sarnford Gazette", None, None,
     None, None,
     ["Sarnford council voted on Tuesday", "gathered 2,400 signatures."],
     ["School wins national prize", "Market to move", "This site uses cookies"]),
    ("undated-dateline.html", "Ferry sinks off Lagos coast, dozens missing", None, None, None,
     None, "dateline without year",
     ["LAGOS, Oct 2 \u2014 A passenger ferry", "witnesses said."],
     ["Boat operator jailed after 2015 capsizing", "water bus route", "Advertise"]),
    ("numeric-date.html", "Death toll from quarry collapse rises to 9", "miradornews.example.net", None,
     "https://www.miradornews.example.net/articles/quarry-collapse-toll", "2020-08-30", "metadata",
     ["The death toll from Thursday's collapse", "possible negligence."],
     ["Five killed in highway crash", "no-confidence vote", "By continuing to browse"]),
]


@pytest.mark.parametrize("name, title, outlet, author, url, published, how, sentences, related", CASES,
                         ids=[c[0] for c in CASES])
def test_page_gives_the_article_alone(name, title, outlet, author, url, published, how, sentences, related):
    article = html_article(name, (PAGES / name).read_text(encoding="utf-8"), rules=RULES)
    assert (article.title, article.outlet, article.author, article.url) == (title, outlet, author, url)
    assert (article.published, article.published_how) == (published, how)
    text = article.text
    assert text.startswith(title + "\n")                     # the headline, then the body
    for sentence in sentences:
        assert sentence in text
    assert text.rstrip().endswith(sentences[-1])
    for words in related + FURNITURE:
        assert words.lower() not in text.lower(), words
    # menus are gone: no line of the text is a run of section names
    assert not any(line.strip() in {"Home", "World", "Sport", "News"} for line in text.splitlines())


def test_an_impossible_metadata_date_is_a_warning_and_no_date():
    article = html_article("p.html", (PAGES / "bad-meta-date.html").read_text(encoding="utf-8"), rules=RULES)
    assert article.published is None          # htmldate would make it 2019-10-01: a guess, not used
    assert article.warnings == ("page metadata article:published_time: '2019-10-32T08:00:00+00:00' is not a "
                                "calendar date; not used as the publication date",)


def test_a_year_less_dateline_on_a_page_keeps_its_month_and_day():
    article = html_article("p.html", (PAGES / "undated-dateline.html").read_text(encoding="utf-8"), rules=RULES)
    assert (article.published, article.dateline, article.published_from) == (None, "XXXX-10-02", "LAGOS, Oct 2")


@pytest.mark.parametrize("html, published, how", [
    # JSON-LD alone
    ('<html><head><script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", '
     '"datePublished": "Tue, 08 Oct 2019 06:00:00 GMT"}]}</script></head><body><article><p>'
     + "The council met on Monday and approved the plan after a long debate. " * 3 + "</p></article></body></html>",
     "2019-10-08", "metadata"),
    # a <time> element read by htmldate
    ('<html><body><article><h1>A headline here</h1><time datetime="2016-05-22T10:32">22 May</time><p>'
     + "The council met on Monday and approved the plan after a long debate. " * 3 + "</p></article></body></html>",
     "2016-05-22", "metadata"),
    # a British page's slashed date line: day first from its language
    ('<html lang="en-GB"><body><div class="meta">Posted 03/02/2021 10:15</div><article><h1>A headline here</h1><p>'
     + "The council met on Monday and approved the plan after a long debate. " * 3 + "</p></article></body></html>",
     "2021-02-03", None),
    # nothing: no date, never today
    ('<html><body><article><h1>A headline here</h1><p>'
     + "The council met on Monday and approved the plan after a long debate. " * 3 + "</p></article></body></html>",
     None, None),
])
def test_page_dates(html, published, how):
    article = html_article("p.html", html, rules=RULES)
    assert article.published == published
    if how:
        assert article.published_how == how


def test_offsets_point_into_the_extracted_text(tmp_path):
    page = tmp_path / "p.html"
    page.write_text((PAGES / "wire-port-fire.html").read_text(encoding="utf-8"), encoding="utf-8")
    [article] = list(read_inputs([str(page)], rules=RULES))
    start = article.text.index("Marcus Reyes")
    assert article.text[start:start + len("Marcus Reyes")] == "Marcus Reyes"
    assert "<" not in article.text and "&middot;" not in article.text


def test_a_page_without_text_is_an_input_error(tmp_path):
    page = tmp_path / "empty.html"
    page.write_text("<html><head><title></title></head><body><nav><a href='/'>Home</a></nav></body></html>")
    [error] = list(read_inputs([str(page)], rules=RULES))
    assert error.path == str(page) and "without visible text" in error.message


@pytest.mark.parametrize("url, outlet", [
    ("https://www.example.co.uk/news/1", "example.co.uk"),
    ("http://news.example.com", "news.example.com"),
    ("example.org/story", "example.org"),
    ("not a url", None),
    ("", None),
    (None, None),
])
def test_outlet_of_an_address(url, outlet):
    assert outlet_of(url) == outlet


@pytest.mark.model
def test_a_page_through_the_pipeline_gives_no_menu_entities_or_related_facts(tmp_path):
    from factx.extract import run_extract
    from factx.store import Store

    page = tmp_path / "docs" / "wire-port-fire.html"
    page.parent.mkdir()
    page.write_text((PAGES / "wire-port-fire.html").read_text(encoding="utf-8"), encoding="utf-8")
    store = Store.open(tmp_path / "store")
    run_extract([str(page.parent)], store=store)
    [article] = list(read_inputs([str(page)], rules=RULES))
    facts = list(store.facts())
    assert facts
    for fact in facts:
        assert fact["quote"] in " ".join(article.text.split())
        assert fact["published"] == "2021-03-14"
    names = {f["entity"] for f in facts}
    assert not any(word in name for name in names for word in ("Home", "Sport", "Cookie", "Greer"))
    [doc] = list(store.documents())
    assert (doc["outlet"], doc["author"], doc["published_how"]) == ("The Coastal Herald", "Dana Whitlock", "metadata")
