"""Synthetic `factx.fact/1` records for benchmarks: many entities, a realistic mix of
attributes and value types, and some disagreements (spellings, soft and hard dates,
counts, denials).

    python bench/gen_facts.py 1000000 -o bench/out/facts.jsonl   # sorted by entity_id
    python bench/gen_facts.py 1000 | head -3

Facts come out grouped by entity (entity_id ascending, then attribute), as a store
would hand them to `find_conflicts`. The same N and seed always give the same facts.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from typing import Iterator

ATTRIBUTE_MIX = [  # (attribute, value_type, weight)
    ("name", "name", 45), ("title", "text", 9), ("member_of", "entity", 7),
    ("date_of_death", "date", 8), ("date_of_birth", "date", 3), ("origin", "country", 6),
    ("place_of_death", "entity", 4), ("age", "quantity", 4), ("killed_count", "quantity", 6),
    ("wounded_count", "quantity", 3), ("cause_of_death", "text", 3),
    ("located_in", "entity", 2),
]
_SYLLABLES = ["ka", "ri", "mu", "sa", "la", "do", "ne", "ti", "ba", "zo", "ha", "me", "ru",
              "fa", "qi", "ya", "we", "jo", "pe", "gu"]
_ROLES = ["leader", "head", "chief", "commander", "spokesman", "deputy leader", "member"]
_COUNTRIES = ["Arland", "Borovia", "Caledon", "Dravia", "Estmark", "Fenwick", "Galdor"]
_CAUSES = ["airstrike", "raid", "illness", "car bomb", "shooting"]
_SAID_BY = [None, None, None, "Ministry of Defense", "Intelligence Agency", "Police",
            "Group spokesman", "News Agency"]
_MODALITY = ["asserted"] * 6 + ["reported"] * 3 + ["hedged"]


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(syllables)).capitalize()


def _variant(token: str, rng: random.Random) -> str:
    """A transliteration-like respelling: a vowel changed or doubled."""
    vowels = [i for i, c in enumerate(token) if c.lower() in "aeiou"]
    if not vowels:
        return token + "h"
    i = rng.choice(vowels)
    repl = {"a": "e", "e": "i", "i": "ee", "o": "u", "u": "o"}[token[i].lower()]
    return token[:i] + (repl.upper() if token[i].isupper() else repl) + token[i + 1:]


def _date(rng: random.Random) -> str:
    return f"{rng.randint(1950, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _date_variant(base: str, rng: random.Random) -> str:
    year, month, day = base.split("-")
    roll = rng.random()
    if roll < 0.3:
        return f"{year}-{month}"  # less precise: agrees
    if roll < 0.5:
        return year
    if roll < 0.7:
        return f"{year}-{month}-{max(1, int(day) - 1):02d}TNI"  # night before: soft
    if roll < 0.8:
        return f"{year}-{month}-{max(1, int(day) - 1):02d}/{base}"
    return f"{year}-{month}-{min(28, int(day) + 2):02d}"  # another day: hard


def _quantity(base: int, rng: random.Random) -> int | str:
    roll = rng.random()
    if roll < 0.5:
        return base
    if roll < 0.65:
        return f"<={base + rng.randint(0, 10)}"
    if roll < 0.75:
        return f"~{base}"
    if roll < 0.85:
        return "dozens" if base >= 24 else "several"
    return base + rng.randint(1, 20)


def facts(n: int, *, seed: int = 7, facts_per_entity: int = 25,
          docs: int | None = None) -> Iterator[dict]:
    """`n` fact records grouped by entity, entity_id ascending, attribute within.

    >>> sum(1 for _ in facts(500)) == 500
    True
    """
    rng = random.Random(seed)
    n_docs = docs or max(10, n // 40)
    weights = [w for _, _, w in ATTRIBUTE_MIX]
    made = 0
    entity_no = 0
    while made < n:
        entity_no += 1
        # a few popular entities carry many facts, most only a handful
        size = min(n - made, max(3, int(rng.paretovariate(1.6) * facts_per_entity / 3)))
        given, family = _word(rng, 2), _word(rng, rng.randint(2, 3))
        respelled = _variant(family, rng) if rng.random() < 0.15 else None
        entity = f"{given} {family}"
        entity_id = f"e{entity_no:09d}"
        truth = {"date": _date(rng), "count": rng.randint(1, 80), "age": rng.randint(20, 80),
                 "country": rng.choice(_COUNTRIES), "place": _word(rng, 2),
                 "org": _word(rng, 3), "cause": rng.choice(_CAUSES)}
        records = []
        for k in range(size):
            attribute, value_type, _ = rng.choices(ATTRIBUTE_MIX, weights)[0]
            doc = f"corpus/doc{rng.randrange(n_docs):07d}.txt"
            # names are never denied; other claims now and then
            polarity = "denied" if attribute != "name" and rng.random() < 0.02 else "affirmed"
            value: object
            if attribute == "name":
                surname = respelled if respelled and rng.random() < 0.4 else family
                value = rng.choice([f"{given} {surname}", surname, f"Mr. {surname}"])
            elif value_type == "date":
                value = truth["date"] if rng.random() < 0.8 else _date_variant(truth["date"], rng)
            elif attribute == "age":
                value = truth["age"] if rng.random() < 0.9 else truth["age"] + rng.randint(1, 3)
            elif value_type == "quantity":
                value = _quantity(truth["count"], rng)
            elif value_type == "country":
                value = truth["country"] if rng.random() < 0.95 else rng.choice(_COUNTRIES)
            elif attribute == "title":
                value = f"{rng.choice(_ROLES)} of {truth['org']}"
            elif attribute == "member_of":
                value = rng.choice([truth["org"], _word(rng, 3)])
            elif attribute == "place_of_death":
                value = truth["place"] if rng.random() < 0.85 else _word(rng, 2)
            elif attribute == "located_in":
                value = rng.choice(_COUNTRIES)
            else:
                value = truth["cause"] if rng.random() < 0.85 else rng.choice(_CAUSES)
            if polarity == "denied" and rng.random() < 0.5:
                value = None
            line = rng.randint(1, 60)
            text = str(value) if value is not None else "denied the claim"
            records.append({
                "schema": "factx.fact/1", "id": f"{entity_id}-{k}", "entity": entity,
                "entity_id": entity_id, "entity_type": "PERSON", "attribute": attribute,
                "value": value, "value_type": value_type, "value_text": text,
                "polarity": polarity, "modality": rng.choice(_MODALITY),
                "said_by": rng.choice(_SAID_BY), "doc": doc, "published": "2020-01-01",
                "line": line, "start": line * 80, "end": line * 80 + len(text),
                "quote": f"In {doc}, a sentence says that {entity} ... {text} ... as reported.",
                "mention": entity, "rule": "bench",
            })
        records.sort(key=lambda r: (r["attribute"], r["doc"], r["line"]))
        made += len(records)
        yield from records


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="how many facts")
    parser.add_argument("-o", "--output", default="-", help="JSONL file (default: stdout)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    try:
        for record in facts(args.n, seed=args.seed):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    except BrokenPipeError:  # `| head` ends quietly
        sys.stderr.close()
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
