"""Stage 5b, descriptions: what institution a description names, as `description` facts.

Runs after the attributes: it reads the sources they give (`said_by` of a plain
description, "Norway's intelligence agency") and the document's mentions, and
writes `doc._.descriptions`. The reading itself is `factx.descriptions` (pure).
"""

from __future__ import annotations

import bisect
from typing import Iterator

from spacy.language import Language
from spacy.tokens import Doc

from factx.descriptions import DescriptionRules, Reader, description_rules, parse_description, written_descriptions
from factx.records import FactDraft
from factx.rules import load_rules
from factx.stages import doc_text


def description_facts(doc: Doc, rules: DescriptionRules | None = None) -> Iterator[FactDraft]:
    """`description` facts (multi-valued, never compared): what institution a
    description names, keyed by country, head class and domain (`factx.descriptions`).

    - rule ``description.source``: a source the attribute stage gives as a plain
      description ("Norway's intelligence agency", "the country's spy agency"),
      with its country found in the document; the fact is about the description itself;
    - rules ``description.apposition``, ``.definition``, ``.copula``: a name the
      document ties to a description ("the SPB, the country's main spy agency,").

    - rule ``description.written``: a description of a place-like institution written
      with its country ("the Norwegian embassy in Rome"), with a `name` fact of its words
      ("Norwegian embassy", FAC) where no mention holds them; the key carries the place
      ("embassy of Norway in rome"); rule ``description.name``: such words written as a
      name ("Embassy of Norway") tie the key to that name.

    The resolver puts each description with the one entity the run ties its key to, so
    that `said_by`, stored as the document's words, names one source across outlets.
    """
    text = doc_text(doc)
    sentences = [(s.start_char, s.end_char) for s in doc.sents]
    starts = [a for a, _ in sentences]
    reader = Reader(text, doc._.mentions or (), starts, rules)

    def sentence(offset: int) -> tuple[int, int]:
        return sentences[max(0, bisect.bisect_right(starts, offset) - 1)]

    earlier = []
    for tie in reader.ties():
        quote_start, quote_end = sentence(tie.start)
        earlier.append((tie.start, reader.read(tie.start, tie.end)))
        yield FactDraft(name=tie.name, name_type=tie.label, attribute="description", value=tie.key,
                        value_type="text", value_text=text[tie.start:tie.end], start=tie.start, end=tie.end,
                        quote_start=quote_start, quote_end=quote_end, mention=tie.mention, rule=tie.rule)
    mentions = doc._.mentions or ()
    places = [m for m in mentions if m.label in ("GPE", "LOC", "FAC")]
    for found in written_descriptions(text, reader.dr):
        bare = found  # the words as written, without "in X": the spelling of the name
        if found.place_span is not None:
            # "in X" is where it is only when the document names a place there ("in October" is not)
            at, stop = found.place_span
            there = [m for m in places if at <= m.start < stop]
            if there and not (found.indefinite and any(m.label != "GPE" for m in there)):
                found = found.placed(text)
            elif found.indefinite:
                continue  # "an Italian embassy in October", "... in Africa": one of several
            else:
                found = found.unplaced()
        quote_start, quote_end = sentence(found.start)
        held = next((m for m in mentions if m.start <= found.start and found.end <= m.end
                     and m.label in ("ORG", "FAC", "GPE")), None)
        name = held.canonical if held is not None and (held.start, held.end) == (found.start, found.end) \
            else found.name
        if held is None:
            # in-document name "Norwegian embassy in Rome" (two towns, two names), written "Norwegian embassy"
            yield FactDraft(name=name, name_type="FAC", attribute="name", value=bare.name, value_type="name",
                            value_text=bare.name, start=bare.start, end=bare.end, quote_start=quote_start,
                            quote_end=quote_end, mention=bare.name, rule="description.written")
        elif name != found.name:
            continue  # inside a longer name: "the Norwegian Embassy Bombing"
        yield FactDraft(name=name, name_type="FAC", attribute="description", value=found.value, value_type="text",
                        value_text=found.name, start=found.start, end=found.end, quote_start=quote_start,
                        quote_end=quote_end, mention=found.name,
                        rule="description.name" if found.named else "description.written")
    seen: set[tuple[str, str]] = set()
    sources = sorted((f for f in doc._.facts or () if f.said_by and f.said_by_type is None),
                     key=lambda f: (f.quote_start, f.start))
    for fact in sources:
        if parse_description(fact.said_by, reader.dr) is None:
            continue
        # the source's words: in the fact's sentence, else the last time before it
        at = text.find(fact.said_by, fact.quote_start, fact.quote_end)
        if at < 0:
            at = text.rfind(fact.said_by, 0, fact.quote_end)
        if at < 0 or text[max(0, at - 3):at].lower().strip() in ("a", "an"):
            continue  # not found as given, or "an intelligence agency": one of several
        found = reader.read(at, at + len(fact.said_by), earlier)
        earlier.append((at, found))
        if found is None or found.key is None or (fact.said_by, found.key) in seen:
            continue
        seen.add((fact.said_by, found.key))
        quote_start, quote_end = sentence(at)
        yield FactDraft(name=fact.said_by, name_type="ORG", attribute="description", value=found.key,
                        value_type="text", value_text=fact.said_by, start=at, end=at + len(fact.said_by),
                        quote_start=quote_start, quote_end=quote_end, mention=fact.said_by,
                        rule="description.source")



@Language.factory("factx_descriptions", default_config={"rules_dir": None},
                  requires=["doc.sents", "doc._.mentions", "doc._.facts"], assigns=["doc._.descriptions"])
def make_descriptions(nlp: Language, name: str, rules_dir: str | None):
    rules = description_rules(load_rules(rules_dir))

    def descriptions_component(doc: Doc) -> Doc:
        doc._.descriptions = list(description_facts(doc, rules))
        return doc

    return descriptions_component
