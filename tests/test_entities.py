"""Stage 2b, entities: general span repairs on hand-built docs (spacy.blank, ents set by hand)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from factx.stages.entities import repair_spans

from conftest import doc_with_ents



def make_doc(text: str, ents, propn: tuple[str, ...] = ()) -> Doc:
    return doc_with_ents(text, ents, propn)


def repaired(text: str, ents, propn=()) -> list[tuple[str, str]]:
    return [(s.text, s.label_) for s in repair_spans(make_doc(text, ents, propn))]


CASES = [
    # trim: a leading "the", a possessive, web crumbs
    ("the raid in the Musa Qala district", [("the Musa Qala", "FAC")], [("Musa Qala", "FAC")]),
    ("led Al-Qaeda’s network", [("Al-Qaeda’s", "ORG")], [("Al-Qaeda", "ORG")]),
    ("Home / Latest Updates / Al-Qaeda’s South Asia chief", [("Home / Latest Updates / Al-Qaeda’s", "ORG")],
     [("Al-Qaeda", "ORG")]),
    ("The National Directorate of Security said", [("The National Directorate of Security", "ORG")],
     [("National Directorate of Security", "ORG")]),
    # join: ORG + "in the" + ORG that NER split off
    ("the leader of Al Qaeda in the Indian Subcontinent since 2014",
     [("Al Qaeda", "ORG"), ("the Indian Subcontinent", "ORG")],
     [("Al Qaeda in the Indian Subcontinent", "ORG")]),
    ("leader of al-Qaida in the Indian Subcontinent, or AQIS.",
     [("al-Qaida", "ORG"), ("the Indian Subcontinent", "ORG")],
     [("al-Qaida in the Indian Subcontinent", "ORG"), ("AQIS", "ORG")]),
    # join: ORG + "in the" + a NORP and a region word
    ("leader of Al Qaeda in the Indian subcontinent, in a joint raid",
     [("Al Qaeda", "ORG"), ("Indian", "NORP")],
     [("Al Qaeda in the Indian subcontinent", "ORG")]),
    # acronym join: the initials of the longer name spell the acronym that follows
    ("fighters of Islamic State in the Greater Sahara (ISGS) attacked",
     [("Islamic State", "ORG")], [("Islamic State in the Greater Sahara", "ORG"), ("ISGS", "ORG")]),
    # acronym definition: later uses the model missed become entities, and so does
    # an unlabelled full name right before "(ACR)"
    ("Afghan spies of National Directorate of Security (NDS) said. NDS added.", [],
     [("National Directorate of Security", "ORG"), ("NDS", "ORG"), ("NDS", "ORG")]),
    ("The National Directorate of Security (NDS) said. Later NDS added.",
     [("The National Directorate of Security", "ORG")],
     [("National Directorate of Security", "ORG"), ("NDS", "ORG"), ("NDS", "ORG")]),
    # no evidence, no join: an organisation active somewhere is not a new organisation
    ("Al Qaeda in Afghanistan is weak", [("Al Qaeda", "ORG"), ("Afghanistan", "GPE")],
     [("Al Qaeda", "ORG"), ("Afghanistan", "GPE")]),
    ("the Taliban in the United States talks", [("Taliban", "ORG"), ("the United States", "GPE")],
     [("Taliban", "ORG"), ("United States", "GPE")]),
    ("Al Qaeda in the region (AQ) said", [("Al Qaeda", "ORG")], [("Al Qaeda", "ORG")]),
    # split person: a NORP word that is no demonym, right before a PERSON span
    ("The wife of Asim Umar was freed", [("Asim", "NORP"), ("Umar", "PERSON")], [("Asim Umar", "PERSON")]),
    ("a Pakistani Raihan was held", [("Pakistani", "NORP"), ("Raihan", "PERSON")],
     [("Pakistani", "NORP"), ("Raihan", "PERSON")]),
]


@pytest.mark.parametrize("text,ents,expected", CASES)
def test_repairs(text, ents, expected) -> None:
    assert repaired(text, ents) == expected


def test_given_name_left_out_by_the_model_is_added_when_tagged() -> None:
    text = "It killed Asim Omar, the leader."
    assert repaired(text, [("Omar", "PERSON")], propn=("Asim", "Omar")) == [("Asim Omar", "PERSON")]
    # untagged docs are left alone; so are titles and sentence starts
    assert repaired(text, [("Omar", "PERSON")]) == [("Omar", "PERSON")]
    # (a civil title before a person is taken into the mention: how the text spells him)
    assert repaired("He met Mr. Omar.", [("Omar", "PERSON")], propn=("Mr.", "Omar")) == [("Mr. Omar", "PERSON")]
    assert repaired("The Omar family left.", [("Omar", "PERSON")], propn=("Omar",)) == [("Omar", "PERSON")]
    # a capitalized first word of a sentence may be any word ("Singer Aurelia Moss")
    assert repaired("Asim Omar left.", [("Omar", "PERSON")], propn=("Asim", "Omar")) == [("Omar", "PERSON")]


def test_factory_repairs_after_ner() -> None:
    import factx.pipeline  # noqa: F401  (registers the stages)

    nlp = spacy.blank("en")
    nlp.add_pipe("factx_entities")
    doc = make_doc("the leader of Al Qaeda in the Indian Subcontinent since 2014",
                   [("Al Qaeda", "ORG"), ("the Indian Subcontinent", "ORG")])
    doc = nlp(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Al Qaeda in the Indian Subcontinent", "ORG")]
