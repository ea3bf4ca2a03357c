"""`factx report`: the page's parts on hand-built facts, the command, and the seeds'
page rendered in a real headless Chromium (skipped, saying why, when there is none)."""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factx.cli import app
from factx.report import build_report, display_value, entity_view, highlight, outlet_label, render


def fact(attribute, value, doc, *, value_type="text", value_text=None, polarity="affirmed",
         modality="asserted", said_by=None, line=1, quote="", entity="Ann Lee", fid=None):
    return {"schema": "factx.fact/1", "id": fid or f"{doc}-{attribute}-{value}-{polarity}",
            "entity": entity, "entity_id": "p1", "entity_type": "PERSON", "attribute": attribute,
            "value": value, "value_type": value_type, "value_text": value_text or str(value),
            "polarity": polarity, "modality": modality, "said_by": said_by, "doc": doc,
            "published": None, "line": line, "start": 0, "end": 1, "quote": quote,
            "mention": entity, "rule": "test"}


# ----------------------------------------------------------------- the pure parts

@pytest.mark.parametrize("f, shown, norm", [
    (fact("date_of_death", "2031-03-09", "a", value_type="date", value_text="on Sunday"), "on Sunday", "2031-03-09"),
    (fact("age", 40, "a", value_type="quantity", value_text="40"), "40", None),
    (fact("member_of", "Red Brigade", "a", value_type="entity", value_text="the brigade"), "Red Brigade", None),
    (fact("title", "leader", "a", value_text="Leader"), "Leader", None),
])
def test_values_are_shown_as_written_with_the_normalized_value_beside(f, shown, norm):
    assert display_value(f) == (shown, norm)


def test_highlight_marks_value_and_entity_and_escapes_the_rest():
    out = highlight("<b>Ann Lee</b> died on Sunday, police said.", [("value", "on Sunday"), ("entity", "Ann Lee")])
    assert '<mark class="value">on Sunday</mark>' in out
    assert '<mark class="entity">Ann Lee</mark>' in out
    assert "&lt;b&gt;" in out and "<b>" not in out


def test_highlight_cuts_long_quotes():
    assert len(highlight("word " * 1000, [])) < 800


@pytest.mark.parametrize("number, side", [(0, "A"), (1, "B"), (25, "Z"), (26, "AA"), (27, "AB")])
def test_sides_are_lettered(number, side):
    from factx.report import _side

    assert _side(number) == side


@pytest.mark.parametrize("doc, outlet, label", [
    ("stories/wire-1.txt", None, "wire-1"), ("x/page.html", "The Daily", "The Daily"), ("stdin:1", None, "stdin:1")])
def test_outlet_label(doc, outlet, label):
    assert outlet_label(doc, outlet) == label


def _two_sources():
    return [
        fact("date_of_death", "2031-03-09", "docs/a.txt", value_type="date", value_text="on Sunday",
             quote="Ann Lee died on Sunday, police said.", said_by="police"),
        fact("date_of_death", "2031-03-02", "docs/b.txt", value_type="date", value_text="March 2",
             quote="Ann Lee died on March 2."),
        fact("death", "died", "docs/c.txt", polarity="denied", said_by="her family",
             quote="Her family denied that Ann Lee had died."),
        fact("death", "died", "docs/a.txt", quote="Ann Lee died on Sunday."),
        fact("title", "mayor of Port Vale", "docs/a.txt", modality="hedged"),
        fact("name", "Ann Lee", "docs/a.txt"), fact("name", "Anne Lee", "docs/b.txt"),
        fact("name", "Ann Lee", "docs/b.txt"),
        fact("description", "health agency of Port Vale", "docs/b.txt"),
    ]


def test_entity_view_grid_marks_sides_and_keeps_spellings():
    docs = {"docs/a.txt": ("Wire", "2031-03-10"), "docs/b.txt": (None, "2031-03-11")}
    view = entity_view("p1", _two_sources(), docs)
    assert [s.outlet for s in view.sources][:2] == ["Wire", "b"]
    assert "name" not in view.grid and "description" not in view.grid
    dates = view.grid["date_of_death"]
    assert dates["docs/a.txt"][0].severity == "hard" and dates["docs/b.txt"][0].severity == "hard"
    assert view.grid["title"]["docs/a.txt"][0].severity is None
    assert {dates["docs/a.txt"][0].side, dates["docs/b.txt"][0].side} == {"A", "B"}
    assert view.spellings["docs/b.txt"] == {"Anne Lee": 1, "Ann Lee": 1}
    kinds = {k for _, _, k, _ in view.timeline}
    assert kinds == {"fact", "published"}
    assert view.disagreements >= 1


def test_entity_view_bounds_the_columns():
    facts = [fact("age", 30 + i, f"docs/{i:03}.txt", value_type="quantity") for i in range(60)]
    view = entity_view("p1", facts, {}, max_sources=10)
    assert len(view.sources) == 10 and view.hidden_sources == 50


def test_render_is_self_contained_and_escaped():
    facts = _two_sources() + [fact("title", "<script>alert(1)</script>", "docs/b.txt")]
    page = render([entity_view("p1", facts, {})])
    assert "<script>alert(1)</script>" not in page
    assert not re.search(r'(src|href)="(https?:)?//', page)
    assert "<link" not in page and "@import" not in page
    assert page.count("<script>") == 1


class _Cells(HTMLParser):
    """The grid's cells: (attribute, doc) -> the classes of the claims in them."""

    def __init__(self):
        super().__init__()
        self.cells, self.at = {}, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "td" and "data-attribute" in a:
            self.at = (a["data-attribute"], a["data-doc"])
            self.cells[self.at] = []
        elif tag == "button" and self.at:
            self.cells[self.at].append(a.get("class", ""))


def test_rendered_cells_carry_denial_hedge_and_severity():
    parser = _Cells()
    parser.feed(render([entity_view("p1", _two_sources(), {})]))
    assert any("denied" in c for c in parser.cells[("death", "docs/c.txt")])
    assert any("hedged" in c for c in parser.cells[("title", "docs/a.txt")])
    assert any("conflict-hard" in c for c in parser.cells[("date_of_death", "docs/b.txt")])


# ----------------------------------------------------------------- the command

runner = CliRunner()


def test_report_writes_a_file_and_says_so(seeds_store, tmp_path):
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["report", "--store", str(seeds_store), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "wrote" in result.stderr and str(out) in result.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Asim Umar" in page


def test_report_for_one_entity(seeds_store):
    result = runner.invoke(app, ["report", "--store", str(seeds_store), "--entity", "asim omar"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count('<section class="entity"') == 1


def test_report_unknown_entity_exits_1(seeds_store):
    result = runner.invoke(app, ["report", "--store", str(seeds_store), "--entity", "Nobody Atall"])
    assert result.exit_code == 1 and result.stdout == ""
    assert "Nobody Atall" in result.stderr


def test_report_unwritable_output_exits_2(seeds_store, tmp_path):
    result = runner.invoke(app, ["report", "--store", str(seeds_store), "-o", str(tmp_path / "no" / "r.html")])
    assert result.exit_code == 2 and "cannot write" in result.stderr


def test_report_on_thousands_of_documents_stays_small(tmp_path):
    """A store of 100,000 generated facts over thousands of documents: a bounded page."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from gen_facts import facts as generate  # noqa: E402
    from load_facts import load_store  # noqa: E402

    facts = tmp_path / "facts.jsonl"
    with facts.open("w", encoding="utf-8") as handle:
        for record in generate(100_000):
            handle.write(json.dumps(record) + "\n")
    load_store(str(facts), str(tmp_path / "store"))
    from factx.store import Store

    store = Store.open(tmp_path / "store", create=False)
    assert store.status()["documents"] > 1000
    page = build_report(store, limit=25)
    assert len(page.encode("utf-8")) < 3_000_000
    assert page.count('<section class="entity"') == 25


# ----------------------------------------------------------------- a real browser

def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if path := shutil.which(name):
            return path
    return None


_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--hide-scrollbars"]


def _browser(tmp_path, *args):
    browser = _chromium()
    if browser is None:
        pytest.skip("no Chromium on this machine (Debian: apt-get install chromium); "
                    "the report's browser test did not run")
    profile = tmp_path / f"profile-{len(list(tmp_path.iterdir()))}"
    done = subprocess.run([browser, *_FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=120)
    return done


def _pixels(png: bytes) -> tuple[int, int, bytes]:
    """Width, height and raw scanlines (filter bytes included) of a non-interlaced PNG."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height = 8, b"", 0, 0
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        body = png[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    return width, height, zlib.decompress(idat)


@pytest.fixture(scope="module")
def seeds_page(seeds_store, tmp_path_factory):
    from factx.store import Store

    page = build_report(Store.open(seeds_store, create=False))
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(page, encoding="utf-8")
    return path


@pytest.mark.slow
def test_seeds_report_in_chromium_dom(seeds_page, tmp_path):
    # a driver script appended to a copy of the page clicks a date of death and types a
    # search, then writes what the page did into the DOM that Chromium dumps
    driver = """<script>
    var cells = document.querySelectorAll('section[data-name="asim omar"] td[data-attribute="date_of_death"] .claim');
    Array.prototype.find.call(cells, function(c){ return c.textContent.indexOf('Sept. 23') >= 0; }).click();
    var p = document.getElementById('panel');
    document.body.dataset.panel = p.className + '|' + p.querySelector('blockquote').innerHTML;
    var s = document.getElementById('search'); s.value = 'zzzz-nothing';
    s.dispatchEvent(new Event('input'));
    document.body.dataset.visible = document.querySelectorAll('section.entity:not(.hidden)').length;
    </script>"""
    driven = tmp_path / "driven.html"
    driven.write_text(seeds_page.read_text(encoding="utf-8").replace("</body>", driver + "</body>"), encoding="utf-8")
    done = _browser(tmp_path, "--dump-dom", driven.as_uri())
    dom = done.stdout
    assert "<section" in dom, done.stderr[-2000:]

    class Dom(HTMLParser):
        def __init__(self):
            super().__init__()
            self.body, self.section, self.cell = {}, None, None
            self.found = {"spelling_umar": False, "spelling_omar": False, "denied_death": False,
                          "date_of_death": False}
            self.in_spellings = False

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag == "body":
                self.body = a
            if tag == "section" and "entity" in (a.get("class") or ""):
                self.section = a.get("data-name")
            if tag == "table" and a.get("class") == "spellings":
                self.in_spellings = True
            if tag == "td" and "data-attribute" in a:
                self.cell = a["data-attribute"]
            if tag == "button" and self.section == "asim omar" and self.cell:
                cls = a.get("class") or ""
                if "denied" in cls and self.cell in ("death", "date_of_death"):
                    self.found["denied_death"] = True

        def handle_endtag(self, tag):
            if tag == "table":
                self.in_spellings = False
            if tag == "td":
                self.cell = None

        def handle_data(self, data):
            if self.section == "asim omar" and self.in_spellings:
                self.found["spelling_umar"] |= "Umar" in data
                self.found["spelling_omar"] |= "Omar" in data
            if self.section == "asim omar" and self.cell == "date_of_death" and "Sept. 23" in data:
                self.found["date_of_death"] = True

    parsed = Dom()
    parsed.feed(dom)
    assert parsed.found == {k: True for k in parsed.found}
    panel = parsed.body.get("data-panel", "")
    assert panel.startswith("open|") and '<mark class="value">Sept. 23</mark>' in panel
    assert parsed.body.get("data-visible") == "0"


@pytest.mark.slow
def test_seeds_report_screenshot_is_not_blank(seeds_page, tmp_path):
    shot = tmp_path / "shot.png"
    done = _browser(tmp_path, "--window-size=1200,1600", f"--screenshot={shot}", seeds_page.as_uri())
    assert shot.exists(), done.stderr[-2000:]
    width, height, raw = _pixels(shot.read_bytes())
    assert (width, height) == (1200, 1600)
    # a blank page compresses to a handful of distinct byte values; a rendered one does not
    assert len(set(raw)) > 64
    assert len(shot.read_bytes()) > 20_000
