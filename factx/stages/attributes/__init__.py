"""Stage 5, attributes: claims of the attribute vocabulary (DESIGN section 2).

A fact is a claim: it knows its event, its source, and exactly what is denied. The
stage runs in three steps over a parsed document:

1. `discourse.build` makes the document's discourse state once: mentions and people,
   dates, quotations and datelines, role holders, who has spoken so far, and the events
   the document mentions (`event_mentions`). Nothing changes it afterwards.
2. Each family module reads the state, sentence by sentence, and yields raw facts
   (`base.Raw`), each with the token whose clause states it:
   `deaths` (death, date/place/cause_of_death, perpetrator; 'X is alive'), `wounds` (where
   the dead were hit: 'shot in the head'),
   `event_mentions` (EVENT entities) and `event_facts` (their date, time, place, cause,
   perpetrator, names),
   `perpetration` (who did it, or that nobody did: 'ruled out an attack', 'X denied any
   involvement'),
   `counts` (killed/wounded/arrested/missing/rescued/hostage/on-board counts and children
   killed, on events; tolls read by `tallies`), `origin_counts` (nationalities of the victims),
   `roles` (title, member_of, top_members), `people` (origin, birth, spouse),
   `organisations` (founded), `patterns` (regex rules), `places` (located_in).
   Event arguments come through the parse (`frames`, `causes`, `participants`);
   references through `referents`.
3. `scope` decides once, for every fact, who said it, whether it is denied and whether
   it is hedged, and adds the denials that point back at a claim.

Families are registered by their modules (`registry`) and declared in YAML
(`rules/attributes.yml`, `rules/events.yml`, `rules/event_predicates.yml`,
`rules/reporting.yml`, `rules/hedges.yml`, `rules/demonyms.yml`).

`extract_facts(doc, rules=...)` is the pure part; the `factx_attributes` component
writes its drafts to `doc._.facts`.

>>> nlp = en_core_web_sm.load(); doc = nlp("Jane Roe, 47, was killed in Lyon on May 2, 2020.")  # doctest: +SKIP
>>> [(f.attribute, f.value) for f in extract_facts(doc, rules=load_rules())]  # doctest: +SKIP
[('death', 'killed'), ('date_of_death', '2020-05-02'), ('place_of_death', 'Lyon'), ('age', 47)]
"""

from __future__ import annotations

from typing import Iterator

from spacy.language import Language
from spacy.tokens import Doc

from factx.records import FactDraft
from factx.rules import ATTRIBUTE_FAMILIES as FAMILIES  # the vocabulary lives with the rule schema
from factx.rules import RuleSet, load_rules
# the family modules, imported for their registration (run order: `registry.extractor`)
from factx.stages.attributes import (  # noqa: F401
    arrests, counts, custody, deaths, event_facts, event_mentions, measures, organisations, origin_counts, patterns,
    people,
    perpetration,
    places, propositions, roles, wounds,
)
from factx.stages.attributes.compiled import Compiled, compile_rules
from factx.stages.attributes.discourse import Discourse, build, quote_spans
from factx.stages.attributes.registry import REGISTERED, extractors
from factx.stages.attributes.scope import scoped_facts

__all__ = ["extract_facts", "compile_rules", "Compiled", "Discourse", "build", "FAMILIES", "REGISTERED",
           "extractors", "quote_spans", "make_attributes"]


def extract_facts(doc: Doc, *, rules: RuleSet) -> Iterator[FactDraft]:
    """Every attribute fact of a parsed document, with said_by, polarity and modality.

    >>> facts = list(extract_facts(nlp("Jane Roe died in Lyon."), rules=load_rules()))  # doctest: +SKIP
    >>> [(f.name, f.attribute, f.value) for f in facts]  # doctest: +SKIP
    [('Jane Roe', 'death', 'died'), ('Jane Roe', 'place_of_death', 'Lyon')]
    """
    state = build(doc, compile_rules(rules))
    yield from scoped_facts(state)


@Language.factory("factx_attributes", default_config={"rules_dir": None},
                  requires=["doc.sents", "token.dep", "token.head", "token.pos", "token.tag", "token.lemma",
                            "token.ent_type", "doc._.mentions", "doc._.dates"],
                  assigns=["doc._.facts"])
def make_attributes(nlp: Language, name: str, rules_dir: str | None):
    rules = load_rules(rules_dir)
    compile_rules(rules)  # fail early on a bad rule

    def attributes_component(doc: Doc) -> Doc:
        doc._.facts = list(extract_facts(doc, rules=rules))
        return doc

    return attributes_component
