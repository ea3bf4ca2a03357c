"""Datelines without a year dated from the run: documents of the same story with dates."""

from __future__ import annotations

import pytest

from factx.published import HOW_DATELINE
from factx.records import Article, DocResult, FactDraft
from factx.resolve import Entity, fold
from factx.runyear import WINDOW_DAYS, infer_years
from factx.store import Store


def name(n, label="PERSON"):
    return FactDraft(name=n, name_type=label, attribute="name", value=n, value_type="name", value_text=n,
                     start=0, end=len(n), quote_start=0, quote_end=len(n), mention=n, rule="t")


def dated(path, published, *names):
    text = f"{path} " + " ".join(n for n, _ in names)
    return DocResult(Article(path=path, text=text, published=published, published_how="date line"),
                     tuple(name(n, label) for n, label in names), "m")


def held(path, text, dateline):
    return Article(path=path, text=text, dateline=dateline, published_how=HOW_DATELINE, published_from="CITY, Mon 1")


@pytest.fixture
def run_store(tmp_path):
    store = Store.open(tmp_path)
    with store.writer() as w:
        w.add(dated("a.txt", "2020-08-04", ("Hassan Diab", "PERSON"), ("Beirut", "GPE"), ("Lebanon", "GPE")), "p")
        w.add(dated("b.txt", "2020-08-06", ("Hassan Diab", "PERSON"), ("Beirut", "GPE")), "p")
        w.add(dated("c.txt", "2019-03-10", ("Ethiopian Airlines", "ORG"), ("Addis Ababa", "GPE")), "p")
        w.add(dated("d.txt", "2016-05-22", ("Beirut", "GPE"), ("Paris", "GPE")), "p")
        w.set_entities([Entity(f"e{i}", n, t, (n,)) for i, (n, t) in enumerate([
            ("Hassan Diab", "PERSON"), ("Beirut", "GPE"), ("Lebanon", "GPE"), ("Ethiopian Airlines", "ORG"),
            ("Addis Ababa", "GPE"), ("Paris", "GPE")])], fold)
        yield store, w.run_id
        w.finish()


@pytest.mark.parametrize("text, dateline, expected", [
    # shares a main person: the story's documents give the year
    ("BEIRUT, Aug. 5 - Prime Minister Hassan Diab said the blast was a disaster.", "XXXX-08-05", "2020-08-05"),
    # near the turn of a year, the year that puts the date closest to theirs
    ("ADDIS ABABA, March 1 - Ethiopian Airlines said the jet was new.", "XXXX-03-01", "2019-03-01"),
    # shares only a place: not enough to tie it to a story
    ("BEIRUT, Aug. 5 - Officials said little.", "XXXX-08-05", None),
    # shares two places with one dated document: enough (the other shares one place only)
    ("PARIS, May 20 - Beirut and Paris signed a deal.", "XXXX-05-20", "2016-05-20"),
    # shares the story, but the month and day lie far from every date of it
    ("BEIRUT, Jan. 5 - Hassan Diab resigned.", "XXXX-01-05", None),
    # names no one of the run
    ("LAGOS, Oct 2 - A ferry sank.", "XXXX-10-02", None),
])
def test_infer_years(run_store, text, dateline, expected):
    store, run_id = run_store
    years = infer_years(store, run_id, [held("x.txt", text, dateline)])
    assert (years["x.txt"].value if "x.txt" in years else None) == expected


def test_the_inferred_date_names_its_sources(run_store):
    store, run_id = run_store
    years = infer_years(store, run_id, [held("x.txt", "BEIRUT, Aug. 5 - Hassan Diab spoke.", "XXXX-08-05")])
    assert years["x.txt"].source == ("dateline 'CITY, Mon 1'; year from a.txt (2020-08-04), b.txt (2020-08-06)")


def test_a_tie_between_years_stays_unknown(tmp_path):
    store = Store.open(tmp_path)
    with store.writer() as w:
        w.add(dated("a.txt", "2019-12-20", ("Jane Roe", "PERSON")), "p")
        w.add(dated("b.txt", "2021-01-10", ("Jane Roe", "PERSON")), "p")
        w.set_entities([Entity("e1", "Jane Roe", "PERSON", ("Jane Roe",))], fold)
        years = infer_years(store, w.run_id, [held("x.txt", "CITY, Dec. 31 - Jane Roe spoke.", "XXXX-12-31")])
        w.finish()
    assert WINDOW_DAYS >= 11 and years == {}


def test_documents_dated_by_the_run_do_not_date_others(tmp_path):
    store = Store.open(tmp_path)
    with store.writer() as w:
        result = dated("a.txt", "2020-08-04", ("Jane Roe", "PERSON"))
        from dataclasses import replace

        w.add(replace(result, article=replace(result.article, published_how="inferred from the run")), "p")
        w.set_entities([Entity("e1", "Jane Roe", "PERSON", ("Jane Roe",))], fold)
        years = infer_years(store, w.run_id, [held("x.txt", "CITY, Aug. 5 - Jane Roe spoke.", "XXXX-08-05")])
        w.finish()
    assert years == {}
