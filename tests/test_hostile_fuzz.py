"""A property-based fuzzer over `factx extract -` and `factx dates -`: whatever bytes come
in on stdin, the command ends with 0 or 1, says what it skipped in `factx: ...` lines,
writes only well-formed records, and never prints a traceback.

The real pipeline runs (marked `model`); it is loaded once and handed to each command.
"""

from __future__ import annotations

import json
import tempfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from factx.cli import app

pytestmark = pytest.mark.model

# Pieces of text that reached bugs before (dates beyond the calendar, pathological
# punctuation, control characters, markup, numbers no calendar holds), mixed with
# arbitrary text.
FRAGMENTS = [
    "December 31, 9999", "Easter 0000", "tomorrow", "yesterday", "next year", "last month",
    "the next day", "0000-00-00", "2019-02-30", "9999-99-99", "00/00/0000", "31/02/2019",
    "Q5 2019", "W99", "week 53 of 9999", "the 99th century", "3000 years ago", "99999 years ago",
    "in 0 AD", "Published: December 31, 9999", "Updated 2019-13-45", "&" * 300, "'" * 150,
    "(" * 120, "-.,'\"()[]" * 20, "x" * 500, "\x00", "\x1b[2J", "\x07", "\u202e", "\ufeff",
    "Mr. John Smith", "said", "was killed", "denied", "according to", "\n", "\n\n", "\t",
    "Jan. 1", "Sept. 23,", "9" * 60, "Al-Qa'ida's", "<html>", "</p>",
    "<meta property='article:published_time' content='2019-02-30T10:00:00Z'>",
    "Tags:", "Read more", "Home > News >", "Ms. Doe, 45, of Paris,",
]

texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=80)), max_size=25).map(" ".join)
inputs = st.one_of(texts.map(lambda t: t.encode("utf-8", "surrogatepass")),
                   texts.map(lambda t: ("<!DOCTYPE html><html><body><p>" + t).encode("utf-8", "surrogatepass")),
                   st.binary(max_size=3000))


@pytest.fixture(scope="module")
def cached_model():
    """`factx.pipeline.load_model` answering with one loaded pipeline, every stage on."""
    import factx.pipeline as pipeline

    loaded = {}
    original = pipeline.load_model

    def load_model(name=None, *, rules_dir=None):
        key = (name, rules_dir)
        if key not in loaded:
            nlp = original(name, rules_dir=rules_dir)
            loaded[key] = nlp, set(nlp.pipe_names)
        nlp, enabled = loaded[key]
        for component in list(nlp.disabled):
            if component in enabled:  # as load_model left it
                nlp.enable_pipe(component)
        return nlp

    pipeline.load_model = load_model
    yield
    pipeline.load_model = original


def check_messages(stderr: str) -> None:
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    for line in stderr.splitlines():
        assert line.startswith(("factx: ", "  ")) or " new, " in line, line
        assert "\x1b" not in line and "\x07" not in line


@given(data=inputs, published=st.sampled_from([None, "2019-10-08", "9999-12-31", "0001-01-01"]))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_extract_from_stdin_never_fails_badly(cached_model, data, published):
    runner = CliRunner()
    with tempfile.TemporaryDirectory() as tmp:
        args = ["extract", "-", "--store", f"{tmp}/s", "-o", f"{tmp}/out.jsonl"]
        if published:
            args += ["--published", published]
        result = runner.invoke(app, args, input=data)
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        assert result.exit_code in (0, 1), result.stderr
        check_messages(result.stderr)
        with open(f"{tmp}/out.jsonl", encoding="utf-8") as handle:
            for line in handle:
                fact = json.loads(line)
                assert fact["schema"] == "factx.fact/1" and fact["doc"] == "stdin:1"
                assert 0 <= fact["start"] <= fact["end"]


@given(data=inputs)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_dates_from_stdin_never_fails_badly(cached_model, data):
    result = CliRunner().invoke(app, ["dates", "-"], input=data)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1), result.stderr
    check_messages(result.stderr)
    for line in result.stdout.splitlines():
        record = json.loads(line)
        assert record["schema"] == "factx.date/1" and 0 <= record["start"] < record["end"]
        assert record["type"] in ("DATE", "TIME", "DURATION", "SET")
