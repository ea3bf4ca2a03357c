"""Name-aliasing benchmark: pairwise precision/recall and resolution time at scale.

    .venv/bin/python bench/aliases.py            # prints a summary, writes bench/out/aliases.json

1. Quality, on `bench/data/alias_pairs.tsv` (labelled same/different name pairs;
   provenance in its header). Two views:
   - *isolated*: `resolve()` on each pair alone — does the matcher accept the pair?
   - *joint*: `resolve()` on every name of the file at once (as a run would), and a
     pair counts as merged when both names land in one entity; chains of merges
     can add true or false merges here.
2. Scale: `resolve()` over 10,000 and 100,000 distinct synthetic person names
   (romanization-style variants of syllable-built names), timed; the 100k/10k time
   ratio shows how the time grows (10 for linear).
"""

from __future__ import annotations

import csv
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factx.resolve import NameStat, resolve  # noqa: E402

PAIRS = ROOT / "bench" / "data" / "alias_pairs.tsv"
OUT = ROOT / "bench" / "out" / "aliases.json"


def load_pairs(path: Path = PAIRS) -> list[dict[str, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def scores(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "tp": tp, "fp": fp, "fn": fn}


def evaluate(pairs: list[dict[str, str]]) -> dict[str, object]:
    iso = {"tp": 0, "fp": 0, "fn": 0}
    errors: dict[str, list[str]] = {"false_merges": [], "missed_merges": []}
    for pair in pairs:
        same = pair["same"] == "1"
        merged = len(resolve([NameStat(pair["name_a"], pair["type"], 1),
                              NameStat(pair["name_b"], pair["type"], 1)])) == 1
        if merged and same:
            iso["tp"] += 1
        elif merged:
            iso["fp"] += 1
            errors["false_merges"].append(f"{pair['name_a']} = {pair['name_b']}")
        elif same:
            iso["fn"] += 1
            errors["missed_merges"].append(f"{pair['name_a']} / {pair['name_b']}")
    names = {(p[k], p["type"]) for p in pairs for k in ("name_a", "name_b")}
    entities = resolve([NameStat(n, t, 1) for n, t in sorted(names)])
    entity_of = {}
    for entity in entities:
        for name in entity.names:
            entity_of[name] = entity.entity_id
    joint = {"tp": 0, "fp": 0, "fn": 0}
    for pair in pairs:
        same = pair["same"] == "1"
        merged = entity_of[pair["name_a"]] == entity_of[pair["name_b"]]
        joint["tp" if merged and same else "fp" if merged else "fn" if same else "tn"] = \
            joint.get("tp" if merged and same else "fp" if merged else "fn" if same else "tn", 0) + 1
    return {"pairs": len(pairs), "positives": sum(p["same"] == "1" for p in pairs),
            "isolated": scores(iso["tp"], iso["fp"], iso["fn"]),
            "joint": scores(joint["tp"], joint["fp"], joint["fn"]), "errors": errors}


_ONSETS = ["b", "d", "f", "h", "j", "k", "l", "m", "n", "r", "s", "t", "z", "sh", "kh", "q", "gh", "w", "y"]
_VOWELS = ["a", "i", "u", "o", "e", "aa", "ee", "ou"]
_VARIANTS = [("ou", "u"), ("u", "o"), ("i", "e"), ("ee", "i"), ("q", "k"), ("a", "e")]


def _word(rng: random.Random, syllables: int) -> str:
    word = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(syllables))
    if rng.random() < 0.6:
        word += rng.choice(["n", "r", "d", "m", "l", "s", "f", "b"])
    return word.capitalize()


def _variant(rng: random.Random, name: str) -> str:
    old, new = rng.choice(_VARIANTS)
    if old in name:
        i = name.index(old)
        name = name[:i] + new + name[i + len(old):]
    roll = rng.random()
    if roll < 0.15:
        parts = name.split(" ")
        name = " ".join(parts[:-1] + ["al-" + parts[-1]])
    elif roll < 0.25:
        name = "Mr. " + name
    elif roll < 0.3:
        name = name.upper()
    return name


def synthetic_names(count: int, seed: int = 7) -> list[NameStat]:
    """`count` distinct person names: persons with 1-4 romanization variants each."""
    rng = random.Random(seed)
    given = sorted({_word(rng, rng.choice((1, 2, 2))) for _ in range(max(200, count // 20))})
    family = sorted({_word(rng, rng.choice((2, 2, 3))) for _ in range(max(500, count // 4))})
    seen: set[str] = set()
    out: list[NameStat] = []
    while len(out) < count:
        base = f"{rng.choice(given)} {rng.choice(family)}"
        for k in range(rng.randint(1, 4)):
            name = base if k == 0 else _variant(rng, base)
            if name not in seen and len(out) < count:
                seen.add(name)
                out.append(NameStat(name, "PERSON", rng.randint(1, 9)))
    return out


def timing(count: int) -> dict[str, float | int]:
    names = synthetic_names(count)
    started = time.perf_counter()
    entities = resolve(names)
    seconds = time.perf_counter() - started
    assert sum(len(e.names) for e in entities) == count
    return {"names": count, "entities": len(entities), "seconds": round(seconds, 3)}


def main() -> int:
    pairs = load_pairs()
    quality = evaluate(pairs)
    small, large = timing(10_000), timing(100_000)
    ratio = round(large["seconds"] / small["seconds"], 2) if small["seconds"] else None
    report = {"data": str(PAIRS.relative_to(ROOT)), **quality,
              "scale": {"10k": small, "100k": large, "ratio_100k_10k": ratio}}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    iso, joint = quality["isolated"], quality["joint"]
    print(f"aliases: {quality['pairs']} labelled pairs ({quality['positives']} same) from {report['data']}")
    print(f"  isolated pairs  precision {iso['precision']:.3f}  recall {iso['recall']:.3f}  "
          f"f1 {iso['f1']:.3f}  (fp {iso['fp']}, fn {iso['fn']})")
    print(f"  joint resolve   precision {joint['precision']:.3f}  recall {joint['recall']:.3f}  "
          f"f1 {joint['f1']:.3f}  (fp {joint['fp']}, fn {joint['fn']})")
    for key in ("10k", "100k"):
        s = report["scale"][key]
        print(f"  resolve {s['names']:>7,} names -> {s['entities']:>7,} entities in {s['seconds']:.2f} s")
    print(f"  time ratio 100k/10k: {ratio} (10 = linear)")
    print(f"  wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
