"""Stage 5, attributes: rule-driven facts of the attribute vocabulary (DESIGN section 2)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("factx_attributes", default_config={"rules_dir": None})
def make_attributes(nlp: Language, name: str, rules_dir: str | None):
    def attributes_component(doc: Doc) -> Doc:
        doc._.facts = []
        return doc

    return attributes_component
