"""Ingest on hand-built inputs: finding files, decoding, HTML, JSONL, boilerplate."""

from __future__ import annotations

import os

import pytest

from factx.errors import InputError
from factx.rules import load_rules
from factx.stages.ingest import (blank_spans, boilerplate_spans, decode, expand_inputs, html_to_text,
                                 make_article, read_inputs)

RULES = load_rules()


def articles(specs, **kw):
    return [x for x in read_inputs(specs, rules=RULES, **kw)]


def test_folder_recursive_sorted_hidden_skipped(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Two.")
    (tmp_path / "1.txt").write_text("One.")
    (tmp_path / ".hidden.txt").write_text("Hidden.")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    assert list(expand_inputs([str(tmp_path)])) == [str(tmp_path / "1.txt"), str(tmp_path / "b" / "2.txt")]


def test_symlink_loop_is_reported_not_followed(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("Text.")
    os.symlink(tmp_path, tmp_path / "a" / "loop")
    found = list(expand_inputs([str(tmp_path)]))
    paths = [p for p in found if isinstance(p, str)]
    errors = [p for p in found if isinstance(p, InputError)]
    assert paths == [str(tmp_path / "a" / "x.txt")]
    assert errors and "symlink loop" in errors[0].message


def test_glob_and_missing(tmp_path):
    (tmp_path / "a.txt").write_text("A.")
    found = list(expand_inputs([str(tmp_path / "*.txt"), str(tmp_path / "none.txt"), str(tmp_path / "*.md")]))
    assert found[0] == str(tmp_path / "a.txt")
    assert [e.problem for e in found[1:]] == ["no such file or directory", "no file matches this pattern"]


@pytest.mark.parametrize("data, problem", [
    (b"", "empty file"),
    (b"  \n\n ", "empty file"),
    (b"\x00\x01\x02binary", "binary file"),
])
def test_decode_rejects(data, problem):
    with pytest.raises(InputError) as info:
        decode(data, "f.txt")
    assert problem in info.value.message and info.value.path == "f.txt"


def test_decode_falls_back_with_warning():
    text, warnings = decode("Café au lait, déjà vu, señor.".encode("latin-1"), "f.txt")
    assert "Caf" in text and warnings and "not valid UTF-8" in warnings[0]


def test_decode_utf8_bom():
    assert decode("\ufeffHello".encode("utf-8"), "f")[0] == "Hello"


def test_html_drops_scripts_styles_navigation():
    html = ("<html><head><title>Big news</title><style>p{}</style>"
            "<meta property='article:published_time' content='2019-10-08T10:00:00Z'></head>"
            "<body><nav>Home | World</nav><script>var x = 1;</script>"
            "<h1>Big news</h1><p>First paragraph.</p><p>Second &amp; last.</p></body></html>")
    text, title, meta = html_to_text(html)
    assert text == "Big news\n\nFirst paragraph.\n\nSecond & last."
    assert title == "Big news" and meta["article:published_time"].startswith("2019-10-08")


def test_html_file_published_from_meta(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<html><head><meta name='date' content='2020-01-02'></head><body><p>Text here.</p></body></html>")
    [article] = articles([str(path)])
    assert article.published == "2020-01-02" and article.text == "Text here."


def test_jsonl_records_and_bad_lines(tmp_path):
    path = tmp_path / "crawl.jsonl"
    path.write_text('{"text": "First story.", "published": "2019-10-08", "id": "a1"}\n'
                    'not json\n'
                    '{"title": "no text"}\n'
                    '\n'
                    '{"text": "Second story."}\n')
    found = articles([str(path)])
    ok = [a for a in found if not isinstance(a, InputError)]
    bad = [e for e in found if isinstance(e, InputError)]
    assert [(a.path, a.published) for a in ok] == [(f"{path}:a1", "2019-10-08"), (f"{path}:5", None)]
    assert [(e.line, e.problem.split(" (")[0].split(";")[0]) for e in bad] == [(2, "malformed JSON"), (3, "a JSONL record needs a string 'text' key")]


def test_stdin(tmp_path):
    import io

    [article] = articles(["-"], stdin=io.BytesIO(b"Some text from a pipe."))
    assert article.path == "stdin:1" and article.text == "Some text from a pipe."


BOILER = """Home / Latest Updates / Storm hits coast

Storm hits coast

The storm hit the coast on Monday.
Share this article
Tags: weather, storms
Officials said 12 people died.

In Other News
Load More
Unrelated headline
"""


def test_boilerplate_lines_and_footer():
    spans = boilerplate_spans(BOILER, RULES)
    removed = [BOILER[s:e] for s, e in spans]
    assert removed[0] == "Home / Latest Updates / Storm hits coast"
    assert "Share this article" in removed and "Tags: weather, storms" in removed
    assert removed[-1].startswith("In Other News") and removed[-1].endswith("Unrelated headline\n")
    kept = blank_spans(BOILER, spans)
    assert len(kept) == len(BOILER)
    assert "Officials said 12 people died." in kept and "Load More" not in kept
    assert kept.index("The storm") == BOILER.index("The storm")


def test_title_skips_boilerplate():
    article = make_article("x.txt", BOILER, rules=RULES, find_date=False)
    assert article.title == "Storm hits coast"


def test_unreadable_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("x")
    path.chmod(0)
    if os.access(path, os.R_OK):  # running as root: permissions do not apply
        pytest.skip("root can read anything")
    [error] = articles([str(path)])
    assert "permission denied" in error.message


@pytest.mark.parametrize("record, published, how, warning", [
    ({"text": "Story.", "published": "2019-10-08"}, "2019-10-08", "metadata", None),
    ({"text": "Story.", "published": "Tue, 08 Oct 2019 06:00:00 GMT"}, "2019-10-08", "metadata", None),
    ({"text": "Story.", "datePublished": "2019-10-08T23:30:00-05:00"}, "2019-10-08", "metadata", None),
    ({"text": "Story.", "published": "2019-02-30"}, None, None, "'published': '2019-02-30' is not a calendar date"),
    ({"text": "Story.", "published": "soon"}, None, None, "'published': 'soon' is not a date"),
    ({"text": "Story.", "published": 20191008}, None, None, "'published': 20191008 is not a date string"),
    # an unreadable field: the text's own date line is read instead
    ({"text": "Title\nOct 8, 2019\nStory.", "published": "garbage"}, "2019-10-08", "date line",
     "'published': 'garbage' is not a date"),
    ({"text": "Title\nOct 8, 2019\nStory."}, "2019-10-08", "date line", None),
])
def test_jsonl_dates_parsed_or_warned(tmp_path, record, published, how, warning):
    import json

    path = tmp_path / "crawl.jsonl"
    path.write_text(json.dumps(record) + "\n")
    [article] = articles([str(path)])
    assert (article.published, article.published_how) == (published, how)
    assert article.warnings == ((warning + "; publication date left empty",) if warning else ())


@pytest.mark.parametrize("record, outlet, author", [
    ({"text": "Story.", "source": "Daily Example", "url": "https://www.other.example.org/a"}, "Daily Example", None),
    ({"text": "Story.", "url": "https://www.example.co.uk/news/a", "author": "Jane Roe"}, "example.co.uk", "Jane Roe"),
    ({"text": "Story.", "publisher": {"name": "Example Times"}, "authors": ["Ann Lee", "Bo Chen"]},
     "Example Times", "Ann Lee, Bo Chen"),
    ({"text": "Story."}, None, None),
])
def test_jsonl_outlet_and_author(tmp_path, record, outlet, author):
    import json

    path = tmp_path / "crawl.jsonl"
    path.write_text(json.dumps(record) + "\n")
    [article] = articles([str(path)])
    assert (article.outlet, article.author) == (outlet, author)


@pytest.mark.parametrize("content, paths, problem", [
    ('{"text": "One story.", "title": "T", "source": "Wire"}', ["{p}"], None),
    ('[{"text": "One.", "id": "x"}, {"text": "Two."}]', ["{p}:x", "{p}:2"], None),
    ('{"headline": "no text here"}', [], "must hold an article record"),
    ('[1, 2, 3]', [], "must hold an article record"),
    ('{"text": "unclosed', [], "malformed JSON"),
])
def test_json_files_are_records_or_refused(tmp_path, content, paths, problem):
    path = tmp_path / "story.json"
    path.write_text(content)
    found = articles([str(path)])
    assert [a.path for a in found if not isinstance(a, InputError)] == [p.format(p=path) for p in paths]
    errors = [e for e in found if isinstance(e, InputError)]
    if problem:
        assert len(errors) == 1 and problem in errors[0].message and errors[0].path == str(path)
    else:
        assert errors == []
        assert all("{" not in a.text for a in found)   # never the JSON read as text


def test_text_documents_say_how_their_date_was_found(tmp_path):
    (tmp_path / "a.txt").write_text("Title\nIST: 0915 HRS, JUN 3, 2018\nNEW DELHI: Body.\n")
    (tmp_path / "b.txt").write_text("BEIRUT, Aug. 5 (Reuters) - A blast.\n")
    (tmp_path / "c.txt").write_text("No date at all.\n")
    a, b, c = articles([str(tmp_path)])
    assert (a.published, a.published_how, a.published_from, a.dateline) == (
        "2018-06-03", "date line", "IST: 0915 HRS, JUN 3, 2018", None)
    assert a.text[a.date_line[0]:a.date_line[1]] == "IST: 0915 HRS, JUN 3, 2018"
    assert (b.published, b.published_how, b.dateline) == (None, "dateline without year", "XXXX-08-05")
    assert (c.published, c.published_how, c.published_from, c.dateline) == (None, None, None, None)
