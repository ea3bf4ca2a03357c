"""Rule initialled name: initials and a surname are one person ("D. Ye. Tarasko").

Official and wire copy from the former Soviet Union (and much English copy) writes a
person by the initials of the given name and the patronymic, then the surname: "P. I.
Kovrov", "G. Saparova", with Cyrillic digraph initials written in two letters ("Ye.",
"Yu.", "Zh."). The model splits such names at the period ("D. Ye" + "Tarasko"), glues a
title or a body before them ("Citizen P. I. Kovrov", "Governor of Norvik Region O. V.
Marin") or misses them ("the Minister of Transport G. Saparova"). This repair makes the
initials and the surname one PERSON span: spans inside it go, a span that runs into it
from the left loses its tail (and goes when what is left is a title or one word).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from factx.names import NameRules

_ONE_LETTER = re.compile(r"[A-Z]\.")
#: labels of a span's head that stays when the span ran into initials from the left
_KEPT_LEFT = frozenset({"ORG", "GPE", "LOC", "NORP"})


def _initial_at(texts: list[str], spaces: list[str], i: int, nr: NameRules) -> int:
    """The index after the initial that starts at token i ("D." or "Ye" + "."), or i."""
    text = texts[i]
    if _ONE_LETTER.fullmatch(text) or (text.endswith(".") and text[:-1] in nr.initial_digraphs):
        return i + 1 if spaces[i] == " " else i
    if text in nr.initial_digraphs and i + 1 < len(texts) and texts[i + 1] == "." and not spaces[i] \
            and spaces[i + 1] == " ":
        return i + 2
    return i


def _plural_noun(word: str, lower: frozenset[str]) -> bool:
    """A plural of a word the document writes in lower case ("Officials" after "an official")."""
    return word.endswith("s") and (word[:-1] in lower or word.endswith("es") and word[:-2] in lower)


def initialled_names(doc: Doc, spans: list[Span], nr: NameRules, lower: frozenset[str]) -> list[Span]:
    """The spans with every "initials + surname" made one PERSON span (see the module).

    One initial ("G. Saparova") counts only before a word the tagger calls a proper noun
    (on a tagged doc) that the document never writes in lower case, nor in the singular:
    "Plan B. Officials" is no name. `lower` holds the words the document writes in lower case."""
    tokens = list(doc)
    texts = [t.text for t in tokens]
    spaces = [t.whitespace_ for t in tokens]
    tagged = doc.has_annotation("POS")
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        j, count = i, 0
        while j < len(tokens) and (nxt := _initial_at(texts, spaces, j, nr)) > j:
            j, count = nxt, count + 1
        if not count or j >= len(tokens) or count > 3:
            i = max(j, i + 1)
            continue
        if i > 0 and _initial_at(texts, spaces, i - 1, nr) > i - 1:
            i = j  # inside a longer run of letters ("U. S. A.")
            continue
        surname = tokens[j]
        ok = surname.is_alpha and surname.text.istitle() and len(surname.text) > 2 and not surname.is_stop \
            and surname.lower_ not in nr.honorifics and surname.lower_ not in lower
        if ok and count == 1 and (tagged and surname.pos_ != "PROPN" or _plural_noun(surname.lower_, lower)):
            ok = False
        if ok:
            found.append((i, j + 1))
        i = j + 1
    if not found:
        return spans
    out = list(spans)
    for start, end in found:
        kept = []
        clash = False
        for span in out:
            if span.end <= start or span.start >= end:
                kept.append(span)
            elif span.start >= start and span.end <= end:
                continue  # "D. Ye" and "Tarasko": inside the name
            elif span.start < start and span.end <= end:
                # a body or a place written right before the name stays ("Norvik Police P. I.
                # Kovrov"); a title does not ("Citizen", "Governor of Norvik Region")
                left = Span(doc, span.start, start, label=span.label_)
                if span.label_ in _KEPT_LEFT and left[0].lower_.rstrip(".") not in nr.honorifics \
                        and left[-1].lower_ not in ("of", "the"):
                    kept.append(left)
            else:
                clash = True  # a name that goes on after the surname: left as the model read it
                break
        if not clash:
            out = kept + [Span(doc, start, end, label="PERSON")]
    return sorted(out, key=lambda s: s.start)


def adjacent_people(spans: list[Span], headlines: list[tuple[int, int]]) -> list[Span]:
    """Rule one person in two spans: two PERSON spans with one space between them, at least
    three words together, outside a headline, are one name ("Ms. Ana Lucia" + "Ruiz Vega":
    the model cuts long Hispanic names between the given names and the surnames). English
    writes two people's names apart (a comma, "and"); a headline may set two surnames side
    by side ("Brandt Holm talks"), so headlines are left alone."""
    out: list[Span] = []
    for span in spans:
        prev = out[-1] if out else None
        if prev is not None and prev.label_ == span.label_ == "PERSON" and prev.end == span.start \
                and prev[-1].whitespace_ == " " and len(prev) + len(span) >= 3 and len(prev) + len(span) <= 6 \
                and span[0].is_title and span[0].is_alpha and not prev[-1].text.endswith(("'s", "’s")) \
                and not any(a <= prev.start_char < b for a, b in headlines):
            out[-1] = Span(span.doc, prev.start, span.end, label="PERSON")
            continue
        out.append(span)
    return out
