"""Distinct news documents for the benchmarks: real ones first, then recombined ones.

    .venv/bin/python bench/corpus.py 3000 OUT_DIR      # writes OUT_DIR/00000.txt ...

Real: the seeds, the TempEval-3 platinum and AQUAINT articles of ../shared/bench, and
the development stories' articles (never the held-out stories): 135 articles.
Beyond those, each document is synthesized: a headline and 3-7 paragraphs drawn at
random from different real articles, in which every number that is not a year gets
new digits of the same length (so that documents also bring words the model's
vocabulary has not seen, as a growing archive does). No text repeats: every
document of a corpus is distinct (checked by hash), so memory is measured on as
many different texts as documents, never on one text seen again.
"""

from __future__ import annotations

import hashlib
import random
import re
import sys
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "bench"
#: Development stories only: the held-out ones are never read by the benchmarks.
DEV_STORIES = ("seeds", "beirut-blast-2020", "bin-laden-raid-2011", "ethiopian-302-2019",
               "zawahiri-strike-2022")
SOURCES = [ROOT / "seeds", SHARED / "tempeval3" / "docs", SHARED / "timeml-aquaint" / "docs",
           *(SHARED / "stories" / story / "docs" for story in DEV_STORIES[1:])]

_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
_YEAR = re.compile(r"(1[89]|20)\d\d")


@lru_cache(maxsize=1)
def real_texts() -> tuple[str, ...]:
    """The real articles, each once (the seeds appear in ../shared too), in a fixed order."""
    seen: set[str] = set()
    texts = []
    for folder in SOURCES:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.txt")):
            text = path.read_text(encoding="utf-8").strip() + "\n"
            digest = hashlib.sha256(text.encode()).hexdigest()
            if digest not in seen:
                seen.add(digest)
                texts.append(text)
    return tuple(texts)


@lru_cache(maxsize=1)
def _paragraphs() -> tuple[tuple[int, str], ...]:
    """(article number, paragraph) of every body paragraph of at least 12 words."""
    missing = [str(folder) for folder in SOURCES if not folder.is_dir()]
    if missing:
        print(f"bench corpus: not found, left out: {', '.join(missing)} (../shared must sit beside "
              "the repository for the benchmark's usual corpus)", file=sys.stderr)
    out = []
    for i, text in enumerate(real_texts()):
        for para in re.split(r"\n\s*\n", text):
            para = " ".join(para.split())
            if len(para.split()) >= 12:
                out.append((i, para))
    if not out:
        raise SystemExit("bench corpus: no article to build documents from (seeds/ and ../shared/bench are missing)")
    return tuple(out)


def _renumber(text: str, rng: random.Random) -> str:
    def new_digits(match: re.Match) -> str:
        number = match.group(0)
        if _YEAR.fullmatch(number):
            return number
        digits = [str(rng.randint(1 if i == 0 else 0, 9)) if ch.isdigit() else ch for i, ch in enumerate(number)]
        return "".join(digits)
    return _NUMBER.sub(new_digits, text)


def synthetic(rng: random.Random) -> str:
    paragraphs = _paragraphs()
    # (never more paragraphs than there are articles to take them from: with few sources,
    # as when ../shared is missing, the loop below would never end)
    count = min(rng.randint(3, 7), len({source for source, _ in paragraphs}))
    chosen: list[str] = []
    used: set[int] = set()
    while len(chosen) < count:
        source, para = paragraphs[rng.randrange(len(paragraphs))]
        if source in used:
            continue
        used.add(source)
        chosen.append(_renumber(para, rng))
    headline = " ".join(chosen[0].split()[:rng.randint(5, 9)]).rstrip(",;:")
    return headline + "\n\n" + "\n\n".join(chosen) + "\n"


def documents(count: int, *, seed: int = 0, real: bool = True) -> list[str]:
    """`count` distinct documents: the real articles first (unless `real=False`), then
    synthesized ones from a generator seeded with `seed`."""
    texts = list(real_texts()[:count]) if real else []
    seen = {hashlib.sha256(t.encode()).digest() for t in texts}
    rng = random.Random(seed)
    while len(texts) < count:
        text = synthetic(rng)
        digest = hashlib.sha256(text.encode()).digest()
        if digest not in seen:
            seen.add(digest)
            texts.append(text)
    return texts


def write_corpus(folder: Path, count: int, *, seed: int = 0, real: bool = True, prefix: str = "") -> tuple[list[Path], int]:
    """Write `count` distinct documents into `folder`; their paths and word count."""
    folder.mkdir(parents=True, exist_ok=True)
    paths, words = [], 0
    for i, text in enumerate(documents(count, seed=seed, real=real)):
        path = folder / f"{prefix}{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
        words += len(text.split())
    return paths, words


if __name__ == "__main__":
    paths, words = write_corpus(Path(sys.argv[2]), int(sys.argv[1]))
    print(f"{len(paths)} documents, {words} words")
