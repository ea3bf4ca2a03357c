"""Stage 2b, entities: rule-driven corrections of the model's entity spans.

Patterns of kind `entity_patterns` in `rules/` feed a spaCy `EntityRuler` that runs
after `ner` and may overwrite its spans.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from factx.rules import load_rules


@Language.factory("factx_entities", default_config={"rules_dir": None})
def make_entities(nlp: Language, name: str, rules_dir: str | None):
    rules = load_rules(rules_dir)
    patterns = [{"label": r["label"], "pattern": r["pattern"], "id": r["id"]}
                for r in rules.get("entity_patterns")]
    ruler = None
    if patterns:
        from spacy.pipeline import EntityRuler

        ruler = EntityRuler(nlp, name="factx_entity_ruler", overwrite_ents=True)
        ruler.add_patterns(patterns)

    def entities_component(doc: Doc) -> Doc:
        return ruler(doc) if ruler is not None else doc

    return entities_component
