"""The dates stage: spans found by NER and by rule, trimmed to TimeML extents, normalized.

Stage tests run on `spacy.blank("en")` with hand-set entities; the seed test at the end
uses the real pipeline and is marked `model`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Span

from factx.records import Article, TimexSpan
from factx.stages.dates import dates_component, detect, temporal_expressions

TUE = "2019-10-08"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def make(nlp, text, ents=()):
    """A Doc with the given (text of entity, label) entities set by hand."""
    doc = nlp(text)
    spans = []
    for words, label in ents:
        start = text.index(words)
        spans.append(doc.char_span(start, start + len(words), label=label))
    doc.ents = [s for s in spans if isinstance(s, Span)]
    return doc


def found(doc, anchor):
    return [(t.text, t.type, t.value) for t in temporal_expressions(doc, anchor)]


@pytest.mark.parametrize("text, ents, anchor, expected", [
    # rules find what NER misses
    ("He was killed on Tuesday.", (), TUE, [("Tuesday", "DATE", "2019-10-08")]),
    ("Prices are currently high.", (), TUE, [("currently", "DATE", "PRESENT_REF")]),
    ("The fee is paid annually.", (), TUE, [("annually", "SET", "P1Y")]),
    ("The talks took weeks.", (), TUE, [("weeks", "DURATION", "PXW")]),
    ("He ran it in 3:07:35 last year.", (), TUE,
     [("3:07:35", "DURATION", "PT3H7M35S"), ("last year", "DATE", "2018")]),
    # NER spans are trimmed to TimeML extents
    ("The raid was on Tuesday.", (("on Tuesday", "DATE"),), TUE, [("Tuesday", "DATE", "2019-10-08")]),
    ("It grew over the past two years.", (("over the past two years", "DATE"),), TUE,
     [("the past two years", "DURATION", "P2Y")]),
    ("He returned two days later.", (("two days later", "DATE"),), TUE,
     [("two days", "DURATION", "P2D")]),
    ("During the Sept. 23, 2019 raid, six died.", (("the Sept. 23, 2019", "DATE"),), TUE,
     [("Sept. 23, 2019", "DATE", "2019-09-23")]),
    ("They were killed the night of Sept. 22 in the raid.", (("the night of Sept. 22", "TIME"),), TUE,
     [("the night of Sept. 22", "TIME", "2019-09-22TNI")]),
    # ranges are one interval
    ("He led the group from 2001 to 2003.", (), TUE, [("2001 to 2003", "DATE", "2001/2003")]),
    ("Talks ran Sept. 22-23 in Doha.", (), TUE, [("Sept. 22-23", "DATE", "2019-09-22/2019-09-23")]),
    ("It rained between March and May 2019.", (), TUE, [("between March and May 2019", "DATE", "2019-03/2019-05")]),
    # what is not a date
    ("His 22-year-old son drove.", (("22-year-old", "DATE"),), TUE, []),
    ("Children 6 months and older get it.", (), TUE, []),
    ("They may leave, as the now-frozen talks show.", (), TUE, []),
    ("It comes before the start of British Summer Time.", (), TUE, []),
    ("Troops march on the capital.", (), TUE, []),
    ("He appeared on Fox News Sunday before Super Tuesday.", (("Sunday", "DATE"),), TUE, []),
    ("Summer Smith watched the Winter Olympics in the Arab Spring.", (), TUE, []),
    ("They will meet Monday through Wednesday.", (), "2019-10-09",
     [("Monday through Wednesday", "DATE", "2019-10-14/2019-10-16")]),
    ("The 9/11 Commission met.", (), TUE, [("9/11", "DATE", "2001-09-11")]),
    # in context: anniversaries, chains, the missing year
    ("Those who carried out the Sept. 11 attacks 18 years ago.", (("Sept. 11", "DATE"),), TUE,
     [("Sept. 11", "DATE", "2001-09-11"), ("18 years ago", "DATE", "2001")]),
    ("He arrived on Sept. 22, 2018. He left the next day.",
     (("Sept. 22, 2018", "DATE"), ("the next day", "DATE")), TUE,
     [("Sept. 22, 2018", "DATE", "2018-09-22"), ("the next day", "DATE", "2018-09-23")]),
    ("In May 2011, and in April of that year.", (("May 2011", "DATE"),), TUE,
     [("May 2011", "DATE", "2011-05"), ("April of that year", "DATE", "2011-04")]),
    ("The women were freed on Sept. 2.", (("Sept. 2", "DATE"),), None, [("Sept. 2", "DATE", "XXXX-09-02")]),
    ("He was killed last fall.", (), None, [("last fall", "DATE", "XXXX-FA")]),
])
def test_temporal_expressions(blank, text, ents, anchor, expected):
    assert found(make(blank, text, ents), anchor) == expected


def test_offsets_point_into_the_text(blank):
    text = "KABUL — The agency said on Tuesday that the raid was last month."
    for span in temporal_expressions(make(blank, text), TUE):
        assert isinstance(span, TimexSpan)
        assert text[span.start:span.end] == span.text


@pytest.mark.parametrize("text, expected", [
    ("Prices are currently high.", [(11, 20, "present-past-future")]),
    ("It rained every morning.", [(10, 23, "frequency")]),
    ("Nothing here.", []),
])
def test_detect(text, expected):
    assert detect(text) == expected


def test_component_reads_the_article_date(blank):
    doc = make(blank, "The statement was released Tuesday.")
    doc._.article = Article(path="a.txt", text=doc.text, published=TUE)
    assert [(t.text, t.value) for t in dates_component(doc)._.dates] == [("Tuesday", "2019-10-08")]
    doc._.article = None
    assert [(t.text, t.value) for t in dates_component(doc)._.dates] == [("Tuesday", "XXXX-WXX-2")]


SEED_DATES = [
    ("000_40d82d5786b2edf6.txt", "2019-10-08", [
        ("last month", "2019-09"), ("Tuesday", "2019-10-08"), ("Sept. 23", "2019-09-23"),
        ("2014", "2014"), ("Sept. 11", "2001-09-11"), ("18 years ago", "2001"),
        ("the end of September", "2019-09")]),
    ("001_27aace103a48bbe9.txt", None, [
        ("Tuesday", "XXXX-WXX-2"), ("Sept. 23", "XXXX-09-23"), ("May 2011", "2011-05"),
        ("18 years", "P18Y"), ("the night of Sept. 22", "XXXX-09-22TNI")]),
    ("002_67cfbf01876fe2fd.txt", "2019-10-08", [
        ("Tuesday", "2019-10-08"), ("last month", "2019-09"), ("September 2014", "2014-09")]),
    ("003_96f76c6442842153.txt", None, [
        ("last fall", "XXXX-FA"), ("Sept. 2", "XXXX-09-02"), ("Sept. 23, 2019", "2019-09-23")]),
    ("004_934d3da278364695.txt", None, [("Tuesday", "XXXX-WXX-2"), ("September 23", "XXXX-09-23")]),
]


@pytest.mark.model
@pytest.mark.parametrize("name, anchor, expected", SEED_DATES)
def test_seed_dates(nlp, name, anchor, expected):
    doc = nlp((SEEDS / name).read_text(encoding="utf-8"))
    got = [(t.text, t.value) for t in temporal_expressions(doc, anchor)]
    for pair in expected:
        assert pair in got
