"""The year of a dateline without one ("LISBON, Aug. 5 (Reuters) -"), from the run.

When a document's own text does not fix the year of its dateline
(`factx.published`), the other documents of the run may: those that carry a
publication date and whose main entities the document names are about the same
story, and a story's articles come out within weeks of each other. Each such
document votes for the year that puts the dateline's month and day within
`WINDOW_DAYS` of its own date; the year most of them give wins, and a tie or no
vote leaves the date unknown (never today).

The main entities of a dated document are its most mentioned named entities
(`MAIN_ENTITIES` of them). A document shares the story when its text names one main
person, organisation, facility or event of it, or two main entities of any kind
(places alone are too common to tie two articles together).

Reads the store after the run's other documents are in it; never imports spaCy.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable

from factx.names import words
from factx.published import HOW_DATELINE, HOW_RUN

__all__ = ["infer_years", "RunYear", "WINDOW_DAYS"]

#: How far from a dated document of the same story a dateline's date may lie.
WINDOW_DAYS = 45
#: How many of a document's most mentioned entities are its main ones.
MAIN_ENTITIES = 5
#: Entity types one of which, shared, ties a document to a story.
STRONG_TYPES = frozenset({"PERSON", "ORG", "FAC", "EVENT"})
NAMED = ("PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "NORP")
_MAX_WORDS = 6


@dataclass(frozen=True)
class RunYear:
    """A dateline's date completed from the run, and the documents that gave its year."""

    value: str
    source: str


@dataclass(frozen=True)
class _Dated:
    path: str
    published: dt.date
    entities: tuple[tuple[str, str], ...]  # (entity_id, entity_type) of its main entities


def _dated_documents(store, run_id: int) -> list[_Dated]:
    """The run's documents with a publication date of their own, and their main entities."""
    rows = store.conn.execute(
        """SELECT d.path, d.published, n.entity_id, e.entity_type, count(*) AS c
           FROM documents d JOIN facts f ON f.doc_id = d.doc_id AND f.attribute = 'name'
           JOIN names n ON n.name = f.name JOIN entities e ON e.entity_id = n.entity_id
           WHERE d.run_id = ? AND d.published IS NOT NULL
             AND coalesce(d.published_how, '') != ?
           GROUP BY d.doc_id, n.entity_id ORDER BY d.path, c DESC, n.entity_id""", (run_id, HOW_RUN))
    by_doc: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for path, published, entity_id, entity_type, _ in rows:
        if entity_type in NAMED and len(by_doc[(path, published)]) < MAIN_ENTITIES:
            by_doc[(path, published)].append((entity_id, entity_type))
    out = []
    for (path, published), entities in by_doc.items():
        try:
            out.append(_Dated(path, dt.date.fromisoformat(published[:10]), tuple(entities)))
        except ValueError:
            continue
    return out


def _spellings(store, entity_ids: Iterable[str]) -> dict[str, list[tuple[str, ...]]]:
    """Every spelling the store knows of each entity, as word tuples."""
    out: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for entity_id in set(entity_ids):
        names = {name for (name,) in store.conn.execute("SELECT name FROM names WHERE entity_id = ?", (entity_id,))}
        for name in names:
            tokens = tuple(words(name))
            if tokens and len(tokens) <= _MAX_WORDS and len("".join(tokens)) >= 3:
                out[entity_id].append(tokens)
    return out


def _ngrams(text: str) -> set[tuple[str, ...]]:
    tokens = words(text)
    return {tuple(tokens[i:i + n]) for n in range(1, _MAX_WORDS + 1) for i in range(len(tokens) - n + 1)}


def _year_votes(month: int, day: int, dated: Iterable[_Dated]) -> Counter:
    votes: Counter = Counter()
    for doc in dated:
        for year in (doc.published.year - 1, doc.published.year, doc.published.year + 1):
            try:
                date = dt.date(year, month, day)
            except ValueError:
                continue
            if abs((date - doc.published).days) <= WINDOW_DAYS:
                votes[year] += 1
    return votes


def infer_years(store, run_id: int, articles: Iterable) -> dict[str, RunYear]:
    """For each article with a year-less dateline (`Article.dateline` "XXXX-MM-DD"), the
    date the run fixes, by path; articles the run cannot date are left out.

    >>> infer_years(None, 0, [])
    {}
    """
    held = [a for a in articles if a.dateline and a.published is None]
    if not held:
        return {}
    dated = _dated_documents(store, run_id)
    spellings = _spellings(store, (e for d in dated for e, _ in d.entities))
    out: dict[str, RunYear] = {}
    for article in held:
        month, day = int(article.dateline[5:7]), int(article.dateline[8:10])
        grams = _ngrams(article.text)
        named = {e for e, forms in spellings.items() if any(form in grams for form in forms)}
        sharing = []
        for doc in dated:
            shared = [(e, t) for e, t in doc.entities if e in named]
            if any(t in STRONG_TYPES for _, t in shared) or len(shared) >= 2:
                sharing.append(doc)
        votes = _year_votes(month, day, sharing)
        if not votes:
            continue
        ranked = votes.most_common()
        if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            continue  # the run's documents disagree about the year: it stays unknown
        year = ranked[0][0]
        value = dt.date(year, month, day)
        givers = sorted((d for d in sharing if abs((value - d.published).days) <= WINDOW_DAYS),
                        key=lambda d: (abs((value - d.published).days), d.path))
        listed = ", ".join(f"{d.path} ({d.published.isoformat()})" for d in givers[:3])
        more = f" and {len(givers) - 3} more" if len(givers) > 3 else ""
        dateline = f"dateline '{article.published_from}'; " if article.published_how == HOW_DATELINE else ""
        out[article.path] = RunYear(value.isoformat(), f"{dateline}year from {listed}{more}"[:300])
    return out
