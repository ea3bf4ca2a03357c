"""Hostile input end to end: `factx` in a subprocess, with timeouts, as a user runs it.

Every reproduction of issue #18 that needs a real process (FIFOs, devices, stdin,
signals, a full device, a closed stdout, a store held by a writer): the bad input is
named on stderr, the run goes on, nothing hangs, and no traceback is printed.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from conftest import ROOT, SEEDS

SEED = SEEDS / "000_40d82d5786b2edf6.txt"
FACTX = [sys.executable, "-m", "factx"]


def factx(*args, cwd=ROOT, timeout=300, env=None, stdin=None, stdout=subprocess.PIPE, preexec_fn=None):
    proc = subprocess.run([*FACTX, *map(str, args)], cwd=cwd, timeout=timeout, stdin=stdin, stdout=stdout,
                          stderr=subprocess.PIPE, env={**os.environ, **(env or {})}, preexec_fn=preexec_fn)
    out = proc.stdout.decode("utf-8", "replace") if proc.stdout is not None else ""
    err = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and "Traceback" not in out, err
    assert "internal error" not in err, err
    return proc.returncode, out, err


def status(store):
    code, out, err = factx("status", "--format", "json", "--store", store, timeout=60)
    assert code == 0, err
    return json.loads(out)


def integrity(store):
    conn = sqlite3.connect(store / "factx.sqlite")
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


# --- one run of everything bad: each named, the rest stored and resolved ---------------

@pytest.mark.slow
def test_bad_inputs_never_stop_a_run_and_a_rerun_retries_them(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (corpus / "dates.txt").write_text("December 31, 9999\n\nJohn Smith will be killed tomorrow. Easter 0000.\n")
    (corpus / "empty.txt").write_text("")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 50)
    (corpus / "big.txt").write_text("Jane Doe died. " * 20_000)  # 300 KB, over the limit below
    (corpus / "a,b.txt").write_text("Jane Doe was born in Paris.\n")
    (corpus / "esc\x1b[2J\x07.txt").write_text("")
    with open(os.path.join(os.fsencode(corpus), b"bad\xff\xfe.txt"), "w") as handle:
        handle.write("Jim Poe died in Rome on Monday.\n")
    os.mkfifo(corpus / "pipe.txt")
    (corpus / "crawl.jsonl").write_text("\n".join([
        '{"id": "a", "text": "Ann Lee died in Oslo.", "published": "2019-02-30"}',
        '{"id": "a", "text": "Bob Ray died in Bern."}',
        "[" * 100_000 + "]" * 100_000,
        '{"id": ' + "9" * 5000 + ', "text": "Cy Twombly died in Rome."}',
        '{"id": "s", "text": "x \\ud800 y Dee Dee died in Lima."}',
        '{"id": "e", "text": ""}',
    ]) + "\n", encoding="utf-8")
    store = tmp_path / "store"
    env = {"FACTX_MAX_DOCUMENT_BYTES": "200000"}
    code, out, err = factx("extract", corpus, "/dev/zero", corpus / "pipe.txt", "--store", store,
                           "-o", tmp_path / "out.jsonl", env=env)
    assert code == 1
    assert "\x1b" not in err and "\x07" not in err
    for named in [f"{corpus}/empty.txt: empty file", f"{corpus}/binary.txt: binary file",
                  f"{corpus}/big.txt: 300,000 bytes: over the limit of 200,000 bytes",
                  f"{corpus}/esc\\x1b[2J\\x07.txt: empty file", "/dev/zero: a device",
                  f"{corpus}/pipe.txt: a named pipe (FIFO)", f"{corpus}/crawl.jsonl:3: JSON nested too deeply",
                  f"{corpus}/crawl.jsonl:6: empty 'text'",
                  f"{corpus}/crawl.jsonl:a#2: warning: the key {corpus}/crawl.jsonl:a is taken",
                  f"{corpus}/crawl.jsonl:s: warning: lone surrogate"]:
        assert named in err, named
    info = status(store)
    stored = {"good.txt", "dates.txt", "a,b.txt", "bad\\xff\\xfe.txt", "crawl.jsonl:a", "crawl.jsonl:a#2",
              "crawl.jsonl:4", "crawl.jsonl:s"}
    assert info["documents"] == len(stored) and info["entities"] > 0
    # empty, binary, big, esc, /dev/zero, the pipe (in the folder and given), crawl lines 3 and 6
    assert info["last_run"]["failed"] == 9
    facts = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert {os.path.relpath(f["doc"], corpus) for f in facts} <= stored
    code, out, err = factx("entities", "Jane Doe", "--format", "json", "--store", store, timeout=60)
    assert code == 0 and f"{corpus}/a,b.txt" in json.loads(out)[0]["variants"][0]["docs"]
    # the rerun retries what failed and keeps the rest
    code, _, err = factx("extract", corpus, "--store", store, "-o", tmp_path / "again.jsonl", env=env)
    assert code == 1 and f"{corpus}/pipe.txt: a named pipe" in err
    again = status(store)["last_run"]
    assert again["unchanged"] == len(stored) and again["new"] == 0


@pytest.mark.slow
@pytest.mark.parametrize("command", ["extract", "dates"])
def test_stdin_is_bounded(tmp_path, command):
    with open("/dev/zero", "rb") as zero:
        code, _, err = factx(command, "-", "--store" if command == "extract" else "--published",
                             tmp_path / "s" if command == "extract" else "2019-10-08",
                             stdin=zero, env={"FACTX_MAX_DOCUMENT_BYTES": "1000000"}, timeout=120)
    assert code == 1 and "stdin:1: more than 1,000,000 bytes: over the limit" in err


@pytest.mark.slow
def test_a_document_that_makes_a_rule_run_away_is_skipped(tmp_path):
    # passes the probes of `rules check` (no run of three characters among them), yet
    # backtracks for ever on "abcabc...!": the time limit is what stops it
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "r.yml").write_text("kind: date_patterns\nrules:\n  - id: slow\n    pattern: '(abc|abcabc)+$'\n")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (corpus / "evil.txt").write_text("John Smith died on Monday. " + "abc" * 60 + "!\n")
    code, _, err = factx("extract", corpus, "--rules", rules, "--store", tmp_path / "s", "-o", tmp_path / "o",
                         env={"FACTX_TIME_LIMIT": "3"}, timeout=240)
    assert code == 1
    assert f"{corpus}/evil.txt: took longer than" in err and "factx rules check" in err
    assert status(tmp_path / "s")["documents"] == 1


# --- signals ------------------------------------------------------------------------------

def _start_run(tmp_path, jobs, documents=120):
    """An extract of many documents in its own process group, once it has stored two."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = SEED.read_text(encoding="utf-8")
    for i in range(documents):
        (corpus / f"{i:03d}.txt").write_text(f"{text}\n{i}\n", encoding="utf-8")
    store = tmp_path / "store"
    proc = subprocess.Popen([*FACTX, "extract", str(corpus), "-j", str(jobs), "--store", str(store),
                             "-o", str(tmp_path / "out.jsonl")], cwd=ROOT,
                            env={**os.environ, "FACTX_COMMIT_EVERY": "2"}, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            conn = sqlite3.connect(f"file:{store / 'factx.sqlite'}?mode=ro", uri=True)
            done = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
            conn.close()
        except sqlite3.Error:
            continue
        if done >= 2:
            break
    assert proc.poll() is None, "the run ended before the signal"
    return proc, store


@pytest.mark.slow
@pytest.mark.parametrize("signum, jobs, group", [(signal.SIGTERM, 1, False), (signal.SIGHUP, 1, False),
                                                 (signal.SIGTERM, 2, False), (signal.SIGHUP, 2, True)])
def test_sigterm_and_sighup_stop_like_ctrl_c(tmp_path, signum, jobs, group):
    # `group`: as a terminal that closes, to the parent, its workers and multiprocessing's helper
    proc, store = _start_run(tmp_path, jobs)
    if group:
        os.killpg(proc.pid, signum)
    else:
        proc.send_signal(signum)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 128 + signum, err
    assert "Traceback" not in err and "BrokenPipe" not in err
    stored = status(store)["documents"]
    assert f"interrupted; stored {stored} documents before stopping" in err
    assert signal.Signals(signum).name in err
    assert 2 <= stored < 120 and integrity(store) == "ok"


@pytest.mark.slow
def test_a_worker_that_dies_does_not_hang_the_run(tmp_path):
    proc, store = _start_run(tmp_path, 2, documents=40)
    children = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True, text=True).stdout.split()
    workers = [int(c) for c in children if b"spawn_main" in open(f"/proc/{c}/cmdline", "rb").read()]
    assert workers
    os.kill(workers[0], signal.SIGKILL)  # as the out-of-memory killer would
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0 and "Traceback" not in err, err
    assert status(store)["documents"] == 40  # what it had in hand went through again


# --- output errors --------------------------------------------------------------------------

def test_query_output_to_a_full_device(seeds_store):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    with open("/dev/full", "w") as full:
        code, _, err = factx("facts", "--store", seeds_store, stdout=full, timeout=60)
    assert code == 1 and "cannot write the output: No space left on device" in err


@pytest.mark.parametrize("args", [["facts"], ["status"], ["conflicts", "--format", "json"]])
def test_query_with_stdout_closed(seeds_store, args):
    proc = subprocess.run(["bash", "-c", 'exec "$@" >&-', "-", *FACTX, *args, "--store", str(seeds_store)],
                          cwd=ROOT, capture_output=False, stderr=subprocess.PIPE, text=True, timeout=60)
    assert proc.returncode == 1 and "standard output is closed" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_extract_checks_its_output_before_the_run(tmp_path):
    code, _, err = factx("extract", SEED, "--store", tmp_path / "s", "-o", tmp_path / "missing" / "x.jsonl",
                         timeout=60)
    assert code == 2 and f"{tmp_path}/missing/x.jsonl: cannot write" in err
    assert not (tmp_path / "s" / "factx.sqlite").exists()  # stopped before the store was touched
    proc = subprocess.run(["bash", "-c", 'exec "$@" >&-', "-", *FACTX, "extract", str(SEED), "--store",
                           str(tmp_path / "s")], cwd=ROOT, stderr=subprocess.PIPE, text=True, timeout=60)
    assert proc.returncode == 1 and "standard output is closed: nowhere to write the output" in proc.stderr


# --- the store ------------------------------------------------------------------------------

def test_queries_answer_while_a_run_holds_the_store(seeds_store, tmp_path):
    import shutil

    store = tmp_path / "store"
    shutil.copytree(seeds_store, store)
    holder = subprocess.Popen([sys.executable, "-c", (
        "import fcntl, sqlite3, sys, time\n"
        f"lock = open({str(store / 'write.lock')!r}, 'a+'); fcntl.flock(lock, fcntl.LOCK_EX)\n"
        f"c = sqlite3.connect({str(store / 'factx.sqlite')!r}, isolation_level=None)\n"
        "c.execute('BEGIN IMMEDIATE'); c.execute(\"INSERT INTO runs (started, status) VALUES (1, 'running')\")\n"
        "print('ready', flush=True); time.sleep(120)\n")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        for args in (["status", "--format", "json"], ["facts"], ["conflicts", "--format", "json"],
                     ["entities", "--format", "json"]):
            started = time.monotonic()
            code, out, err = factx(*args, "--store", store, timeout=60)
            assert code == 0 and out and err == "", (args, err)
            assert time.monotonic() - started < 25  # never the 30 s a writer waits for a writer
    finally:
        holder.kill()
        holder.wait()


def _without_root_overrides():
    """Drop root's power to write where the permission bits say no (CAP_DAC_OVERRIDE,
    CAP_DAC_READ_SEARCH) from the bounding set, so that the program run next obeys them."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def test_a_read_only_store_can_be_queried(seeds_store):
    import shutil
    import tempfile

    # root writes anywhere: then it runs without the capabilities that let it
    preexec = _without_root_overrides if os.geteuid() == 0 else None
    tmp = tempfile.mkdtemp(prefix="factx-ro-")
    os.chmod(tmp, 0o755)
    store = os.path.join(tmp, "store")
    shutil.copytree(seeds_store, store)
    for name in os.listdir(store):
        os.chmod(os.path.join(store, name), 0o444)
    os.chmod(store, 0o555)
    tmp_path = tmp
    try:
        for args in (["status", "--format", "json"], ["facts"], ["conflicts", "--format", "json"]):
            code, out, err = factx(*args, "--store", store, timeout=60, preexec_fn=preexec,
                                   env={"HOME": str(tmp_path)})
            assert code == 0 and out, (args, err)
        code, _, err = factx("extract", SEED, "--store", store, "-o", os.devnull, timeout=120, preexec_fn=preexec,
                             env={"HOME": str(tmp_path)})
        assert code == 1 and "cannot write the store" in err
    finally:
        os.chmod(store, 0o755)
        shutil.rmtree(tmp)


@pytest.mark.parametrize("damage, words", [
    ("middle", "the store is corrupt"),
    ("header", "not a SQLite database"),
    ("empty", "empty file (0 bytes), not a factx store"),
    ("newer", "written by a newer factx"),
])
def test_damaged_stores_are_named(seeds_store, tmp_path, damage, words):
    import shutil

    store = tmp_path / "store"
    shutil.copytree(seeds_store, store)
    db = store / "factx.sqlite"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    if damage == "newer":
        conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema'")
        conn.commit()
    conn.close()
    size = db.stat().st_size
    if damage == "middle":
        with open(db, "r+b") as handle:
            handle.seek(size // 3)
            handle.write(b"\xa5" * (size // 3))
    elif damage == "header":
        db.write_bytes(b"this is not a database\n" * 100)
    elif damage == "empty":
        db.write_bytes(b"")
    code, _, err = factx("facts", "--store", store, timeout=60)
    assert code == 1 and words in err and str(db) in err


@pytest.mark.slow
def test_a_full_disk_stops_the_run_with_the_store_intact(tmp_path):
    store = tmp_path / "store"
    code, _, _ = factx("extract", SEED, "--store", store, "-o", os.devnull)
    assert code == 0
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in os.listdir(SEEDS):
        (corpus / name).write_text((SEEDS / name).read_text(encoding="utf-8") * 6, encoding="utf-8")
    size = (store / "factx.sqlite").stat().st_size

    def small_files():  # files may not grow past this: the store's disk is "full"
        resource.setrlimit(resource.RLIMIT_FSIZE, (size + 64 * 1024, size + 64 * 1024))

    code, _, err = factx("extract", corpus, "--store", store, "-o", os.devnull, preexec_fn=small_files)
    assert code == 1 and "factx.sqlite: " in err and "the store keeps what was committed" in err
    assert integrity(store) == "ok" and status(store)["documents"] >= 1


def test_prune_removes_documents_whose_file_is_gone(tmp_path):
    from factx.records import Article, DocResult, FactDraft
    from factx.store import Store

    kept, gone = tmp_path / "kept.txt", tmp_path / "gone.txt"
    kept.write_text("x")
    store = Store.open(tmp_path / "s")
    draft = FactDraft("Jane Doe", "PERSON", "name", "Jane Doe", "name", "Jane Doe", 0, 8, 0, 9, "Jane Doe", "t")
    with store.writer() as w:
        for path in (kept, gone):  # one document per content: each its own text
            w.add(DocResult(Article(path.name, f"Jane Doe. {path.name}", source=str(path)), (draft,), "m"), "p")
        w.finish()
    store.close()
    code, out, err = factx("prune", "--dry-run", "--store", tmp_path / "s", timeout=60)
    assert code == 0 and out == "gone.txt\n" and "1 document(s) whose file is gone would be removed" in err
    code, out, err = factx("prune", "--store", tmp_path / "s", timeout=60)
    assert code == 0 and out == "gone.txt\n"
    assert status(tmp_path / "s")["documents"] == 1


# --- rules -------------------------------------------------------------------------------------

def test_a_runaway_rule_is_refused_before_anything_is_read(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "r.yml").write_text("kind: boilerplate\nrules:\n  - id: bomb\n    pattern: '^(\\w+\\s?)*$'\n")
    code, _, err = factx("rules", "check", rules, timeout=120)
    assert code == 2 and f"{rules}/r.yml: rule 'bomb': key 'pattern': the pattern" in err
    code, _, err = factx("extract", SEED, "--rules", rules, "--store", tmp_path / "s", "-o", tmp_path / "o",
                         timeout=120)
    assert code == 2 and "rule 'bomb'" in err and "backtracks without end" in err
