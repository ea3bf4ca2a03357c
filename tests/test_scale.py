"""Scale: -j 2 and a Dask LocalCluster give exactly the facts of -j 1."""

from __future__ import annotations

import os

import pytest

from factx.extract import run_extract
from factx.store import Store

from conftest import ROOT

pytestmark = [pytest.mark.model, pytest.mark.slow]


def _facts(tmp_path, name, **kw):
    store = Store.open(tmp_path / name)
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        report = run_extract(["seeds/"], store=store, **kw)
    finally:
        os.chdir(cwd)
    assert report.counts.failed == 0
    return list(store.facts())


@pytest.fixture(scope="module")
def baseline(tmp_path_factory):
    return _facts(tmp_path_factory.mktemp("j1"), "s")


def test_two_processes_same_facts_as_one(tmp_path, baseline):
    assert _facts(tmp_path, "j2", jobs=2) == baseline


def test_dask_local_cluster_same_facts(tmp_path, baseline):
    pytest.importorskip("distributed")
    assert _facts(tmp_path, "dask", engine="dask") == baseline
