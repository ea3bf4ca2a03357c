"""Facts precision audit: the labelled sample (labels.tsv) against a fresh run.

A careful reader labelled a sample of the facts factx gives on the open dev stories
(bench/dev-stories/) correct or wrong, with the cause of each wrong one. This script runs
`factx extract` on each story (or reads JSONL files already written), matches the facts
to the labels by fact id, entity, source, polarity and modality (the id hashes document,
span, attribute and value, so a fact moved to another entity, given another value or
another source, polarity or modality is a new fact), and prints per
story: labelled facts still present, how many of them are correct (the precision of the
sample), labelled facts gone (correct ones lost, wrong ones removed), and facts the
labels do not cover (`name` facts are not counted: one per mention).

    .venv/bin/python bench/facts_audit/audit.py                 # runs .venv/bin/factx
    .venv/bin/python bench/facts_audit/audit.py --jsonl DIR     # DIR/STORY.jsonl already written
    .venv/bin/python bench/facts_audit/audit.py --show wrong    # list the wrong facts still present
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
STORIES = REPO / "bench" / "dev-stories"


Key = tuple[str, str, str, str, str]


def key(fact: dict) -> Key:
    """What a user sees of a fact beyond its id: entity, source, polarity, modality."""
    return fact["id"], fact["entity"], fact["said_by"] or "", fact["polarity"], fact["modality"]


def load_labels(path: Path) -> dict[str, dict[Key, dict]]:
    """story -> fact key -> label row."""
    labels: dict[str, dict[Key, dict]] = {}
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            labels.setdefault(row["story"], {})[key(row)] = row
    return labels


def run_story(factx: str, story: str, out: Path) -> Path:
    """Extract one story into a fresh store; the facts as JSONL."""
    jsonl = out / f"{story}.jsonl"
    subprocess.run([factx, "extract", str(STORIES / story / "docs"), "--store", str(out / story),
                    "-q", "-o", str(jsonl)], check=True)
    return jsonl


def read_facts(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [r for line in fh if line.strip() and (r := json.loads(line))["attribute"] != "name"]


def audit(labels: dict[str, dict[Key, dict]], facts: dict[str, list[dict]]) -> list[dict]:
    """One summary per story: present/correct/wrong, gone, unlabelled."""
    rows = []
    for story in sorted(labels):
        labelled = labels[story]
        seen = {key(f) for f in facts.get(story, [])}
        present = [labelled[k] for k in labelled if k in seen]
        gone = [labelled[k] for k in labelled if k not in seen]
        verdicts = Counter(r["verdict"] for r in present)
        rows.append({
            "story": story, "labelled": len(labelled), "present": len(present),
            "correct": verdicts["correct"], "wrong": verdicts["wrong"],
            "precision": round(verdicts["correct"] / len(present), 3) if present else None,
            "gone_correct": sum(r["verdict"] == "correct" for r in gone),
            "gone_wrong": sum(r["verdict"] == "wrong" for r in gone),
            "unlabelled": len(seen - set(labelled)),
            "wrong_present": [r for r in present if r["verdict"] == "wrong"],
            "correct_gone": [r for r in gone if r["verdict"] == "correct"],
        })
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=Path, default=HERE / "labels.tsv")
    parser.add_argument("--factx", default=str(REPO / ".venv" / "bin" / "factx"))
    parser.add_argument("--jsonl", type=Path, help="read DIR/STORY.jsonl instead of running factx")
    parser.add_argument("--show", choices=("wrong", "lost"), help="list wrong facts present / correct facts gone")
    args = parser.parse_args(argv)
    labels = load_labels(args.labels)
    with tempfile.TemporaryDirectory() as tmp:
        facts = {}
        for story in sorted(labels):
            path = args.jsonl / f"{story}.jsonl" if args.jsonl else run_story(args.factx, story, Path(tmp))
            facts[story] = read_facts(path)
    rows = audit(labels, facts)
    print(f"{'story':28} {'present':>7} {'correct':>7} {'wrong':>5} {'prec':>6} "
          f"{'gone ok':>7} {'gone bad':>8} {'unlabelled':>10}")
    for r in rows:
        print(f"{r['story']:28} {r['present']:7} {r['correct']:7} {r['wrong']:5} {r['precision'] or 0:6.3f} "
              f"{r['gone_correct']:7} {r['gone_wrong']:8} {r['unlabelled']:10}")
    present = sum(r["present"] for r in rows)
    correct = sum(r["correct"] for r in rows)
    print(f"{'ALL':28} {present:7} {correct:7} {present - correct:5} {correct / present if present else 0:6.3f} "
          f"{sum(r['gone_correct'] for r in rows):7} {sum(r['gone_wrong'] for r in rows):8} "
          f"{sum(r['unlabelled'] for r in rows):10}")
    if args.show:
        key = "wrong_present" if args.show == "wrong" else "correct_gone"
        for r in rows:
            for row in r[key]:
                print(f"{row['story']}\t{row['entity']}\t{row['attribute']}={row['value']}\t{row['cause']}\t{row['doc']}:{row['line']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
