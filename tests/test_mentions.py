"""Stage 4, mentions: in-document linking on hand-built docs (spacy.blank, ents set by hand)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from factx.stages.mentions import Mention, clean_name, link_mentions, mention_rules
from factx.names import name_rules

from conftest import doc_with_ents



def make_doc(text: str, ents, propn: tuple[str, ...] = ()) -> Doc:
    return doc_with_ents(text, ents, propn)


def linked(text: str, ents) -> list[tuple[str, str, str]]:
    return [(m.text, m.canonical, m.label) for m in link_mentions(make_doc(text, ents))]


# (text, entities, mention text -> expected canonical, expected label)
CASES = [
    # titled and partial mentions link to the full name
    ("Asim Umar led the group. Mr. Umar was killed.",
     [("Asim Umar", "PERSON"), ("Umar", "PERSON")], "Umar", "Asim Umar", "PERSON"),
    ("Col. Sonny Leggett spoke. Leggett said more.",
     [("Sonny Leggett", "PERSON"), ("Leggett", "PERSON")], "Leggett", "Sonny Leggett", "PERSON"),
    # possessives stripped
    ("The wife of Asim Umar was freed. Umar’s wife is Pakistani.",
     [("Asim Umar", "PERSON"), ("Umar’s", "PERSON")], "Umar’s", "Asim Umar", "PERSON"),
    # particles: "Al-Zawahiri" and "Zawahiri" are the surname of "Ayman al-Zawahiri"
    ("Ayman al-Zawahiri leads. Zawahiri spoke. Al-Zawahiri announced it.",
     [("Ayman al-Zawahiri", "PERSON"), ("Zawahiri", "ORG"), ("Al-Zawahiri", "ORG")],
     "Al-Zawahiri", "Ayman al-Zawahiri", "PERSON"),
    # a surname the model calls a place, that no rule knows as one, is the person's; its
    # place votes do not count ("Haddadi" GPE five times, the full name once)
    ("Jamal Haddadi was killed. Haddadi went missing. Haddadi had left. Officials said Haddadi died.",
     [("Jamal Haddadi", "PERSON"), ("Haddadi", "GPE"), ("Haddadi", "GPE"), ("Haddadi", "GPE")],
     "Haddadi", "Jamal Haddadi", "PERSON"),
    ("Suspects in Haddadi's killing were named. Jamal Haddadi was a writer.",
     [("Haddadi", "GPE"), ("Jamal Haddadi", "PERSON")], "Haddadi", "Jamal Haddadi", "PERSON"),
    # the type is voted: a surname the model calls ORG takes the person's type
    ("Ayman al-Zawahiri leads. Zawahiri spoke.",
     [("Ayman al-Zawahiri", "PERSON"), ("Zawahiri", "ORG")], "Zawahiri", "Ayman al-Zawahiri", "PERSON"),
    # a middle word is not a surname: "Umar" is not "Raja Umar Khattab"
    ("Raja Umar Khattab said it. Asim Umar died. Umar was 45.",
     [("Raja Umar Khattab", "PERSON"), ("Asim Umar", "PERSON"), ("Umar", "PERSON")],
     "Umar", "Asim Umar", "PERSON"),
    # a partial that ends the longer name
    ("Raja Umar Khattab said it. Umar Khattab added more.",
     [("Raja Umar Khattab", "PERSON"), ("Umar Khattab", "PERSON")], "Umar Khattab", "Raja Umar Khattab", "PERSON"),
    # acronym defined in parentheses
    ("The National Directorate of Security (NDS) said so. The NDS added.",
     [("National Directorate of Security", "ORG"), ("NDS", "ORG"), ("NDS", "ORG")],
     "NDS", "National Directorate of Security", "ORG"),
    # acronym implied by initials, far from the full name
    ("The National Directorate of Security tweeted. Later the NDS said it killed six.",
     [("National Directorate of Security", "ORG"), ("NDS", "ORG")], "NDS", "National Directorate of Security", "ORG"),
    # acronym with ", or ACR" and an acronym the model calls GPE
    ("killed the leader of al-Qaida in the Indian Subcontinent, or AQIS. AQIS members died.",
     [("al-Qaida in the Indian Subcontinent", "ORG"), ("AQIS", "ORG"), ("AQIS", "GPE")],
     "AQIS", "al-Qaida in the Indian Subcontinent", "ORG"),
    # rule type beats the model: "X district" is a place
    ("The raid in Musa Qala district was bloody. Musa Qala is a stronghold.",
     [("Musa Qala", "PERSON"), ("Musa Qala", "PERSON")], "Musa Qala", "Musa Qala", "GPE"),
    ("It happened in the district of Musa Qala in Helmand.",
     [("Musa Qala", "PERSON"), ("Helmand", "GPE")], "Musa Qala", "Musa Qala", "GPE"),
    # rule type: "identified only as X" and "X, Omar's courier" are people
    ("He was identified only as Raihan.", [("Raihan", "GPE")], "Raihan", "Raihan", "PERSON"),
    ("six others, including Raihan, Omar’s courier to him.", [("Raihan", "GPE")], "Raihan", "Raihan", "PERSON"),
    # majority type over mentions
    ("Karachi is big. Karachi police. A Karachi-based man.",
     [("Karachi", "GPE"), ("Karachi", "GPE"), ("Karachi", "ORG")], "Karachi", "Karachi", "GPE"),
    # a title before the name decides PERSON
    ("Mr. Raihan spoke.", [("Raihan", "GPE")], "Raihan", "Raihan", "PERSON"),
    # a demonym the model takes for a person is a NORP
    ("Two were Bangladeshi and one was Pakistani.", [("Bangladeshi", "PERSON")], "Bangladeshi", "Bangladeshi", "NORP"),
    # shouted dateline votes half; canonical prefers normal case
    ("KABUL — A raid. Kabul said so.", [("KABUL", "ORG"), ("Kabul", "GPE")], "KABUL", "Kabul", "GPE"),
    # a place written with and without its administrative word
    ("Helmand Province is hot. In Helmand it rained.",
     [("Helmand Province", "GPE"), ("Helmand", "GPE")], "Helmand", "Helmand Province", "GPE"),
    # ... but a city of the bare name makes them two names (a region named like its capital;
    # the gazetteer or "the city of X": factx.places, tests/test_merge_hazards.py)
    ("Omsk Oblast is cold. In Omsk it snowed.",
     [("Omsk Oblast", "GPE"), ("Omsk", "GPE")], "Omsk", "Omsk", "GPE"),
    # same org, short form and particle
    ("Al Qaeda is old. Qaeda’s main branch.", [("Al Qaeda", "ORG"), ("Qaeda’s", "ORG")], "Qaeda’s", "Al Qaeda", "ORG"),
    # ... and so does a unit's ("the Seal unit" after "US Navy Seal team")
    ("A US Navy Seal team fired. The Seal unit's fears grew.",
     [("US Navy Seal", "ORG"), ("Seal", "ORG")], "Seal", "US Navy Seal", "ORG"),
    # the head noun of an institution's name stands for it
    ("The Bergen Post reported it. A Post editor said so.",
     [("Bergen Post", "ORG"), ("Post", "ORG")], "Post", "Bergen Post", "ORG"),
    ("The Norwegian Sea Council met. The Council voted.",
     [("Norwegian Sea Council", "ORG"), ("Council", "ORG")], "Council", "Norwegian Sea Council", "ORG"),
    # an organisation of two words or more, later written without the country in front
    ("The Norwegian Red Cross said so. The Red Cross later denied it.",
     [("Norwegian Red Cross", "ORG"), ("Red Cross", "ORG")], "Red Cross", "Norwegian Red Cross", "ORG"),
    ("The Red Cross of Norway spoke. The Danish Sea Rescue Society and the Sea Rescue Society agreed.",
     [("Red Cross of Norway", "ORG"), ("Danish Sea Rescue Society", "ORG"), ("Sea Rescue Society", "ORG")],
     "Sea Rescue Society", "Danish Sea Rescue Society", "ORG"),
]


@pytest.mark.parametrize("text,ents,mention,canonical,label", CASES)
def test_linking(text, ents, mention, canonical, label) -> None:
    got = {t: (c, l) for t, c, l in linked(text, ents)}
    assert got[mention] == (canonical, label)


# bare surnames that must NOT link: the document leaves the referent ambiguous
NO_LINK = [
    ("Asim Umar and Farooq Umar met. Umar left.",
     [("Asim Umar", "PERSON"), ("Farooq Umar", "PERSON"), ("Umar", "PERSON")], "Umar"),
    # nested organisations: a bare org name is not the longer org that ends with it
    ("The Taliban and the Pakistani Taliban differ.",
     [("Taliban", "ORG"), ("Pakistani Taliban", "ORG")], "Taliban"),
    ("Al Qaeda and Al Qaeda in the Indian Subcontinent differ.",
     [("Al Qaeda", "ORG"), ("Al Qaeda in the Indian Subcontinent", "ORG")], "Al Qaeda"),
    # a second organisation holding the short name: which one is not said
    ("The Norwegian Red Cross and the Federation of Red Cross Societies met. The Red Cross spoke.",
     [("Norwegian Red Cross", "ORG"), ("Federation of Red Cross Societies", "ORG"), ("Red Cross", "ORG")],
     "Red Cross"),
    # two institutions with that head noun: which one is not said
    ("The Bergen Post and the Oslo Post differ. The Post said so.",
     [("Bergen Post", "ORG"), ("Oslo Post", "ORG"), ("Post", "ORG")], "Post"),
    # a head noun that is no institution word
    ("The Nordic Lions won. The Lions said so.", [("Nordic Lions", "ORG"), ("Lions", "ORG")], "Lions"),
    # a place is not a person who bears its name
    ("George Washington was born. Washington is a city.",
     [("George Washington", "PERSON"), ("Washington", "GPE")], "Washington"),
    # ... nor a capital, nor a word written as a place ("in X", "to the X")
    ("Jane Lima spoke. Lima is a city.", [("Jane Lima", "PERSON"), ("Lima", "GPE")], "Lima"),
    ("Jane Haddadi spoke. She flew to Haddadi on Monday.",
     [("Jane Haddadi", "PERSON"), ("Haddadi", "GPE")], "Haddadi"),
    ("Jane Haddadi spoke. Haddadi district is far.",  # a rule types it a place
     [("Jane Haddadi", "PERSON"), ("Haddadi", "GPE")], "Haddadi"),
    # ... nor a place word when a titled namesake makes two candidates
    ("Asim Haddadi spoke. Mullah Haddadi died. Haddadi was far.",
     [("Asim Haddadi", "PERSON"), ("Mullah Haddadi", "PERSON"), ("Haddadi", "GPE")], "Haddadi"),
    # ... nor a word the model calls a place where the text puts it as one, however the
    # model typed its other mentions (a headline's "The X spill" taken for a person)
    ("The Velmor spill. Vanta Velmor spoke. Clinics in Velmor, Ostra and Dunik filled.",
     [("Velmor", "PERSON"), ("Vanta Velmor", "PERSON"), ("Velmor", "GPE"), ("Ostra", "GPE"), ("Dunik", "GPE")],
     "Velmor"),
    ("Tesa Korvin denied it. A plant near Korvin closed. Korvin said so.",
     [("Tesa Korvin", "PERSON"), ("Korvin", "GPE"), ("Korvin", "PERSON")], "Korvin"),
    # relatives: a first name is not linked when it could be two people
    ("Osama bin Laden and Hamza bin Laden. Laden was there.",
     [("Osama bin Laden", "PERSON"), ("Hamza bin Laden", "PERSON"), ("Laden", "PERSON")], "Laden"),
]


@pytest.mark.parametrize("text,ents,mention", NO_LINK)
def test_no_link(text, ents, mention) -> None:
    got = {}
    for t, c, _ in linked(text, ents):
        got.setdefault(t, c)
    assert got[mention] == mention


def test_every_named_mention_yields_one_mention() -> None:
    doc = make_doc("Asim Umar met Afghans in Kabul on Tuesday at the UN.",
                   [("Asim Umar", "PERSON"), ("Afghans", "NORP"), ("Kabul", "GPE"), ("Tuesday", "DATE"), ("UN", "ORG")])
    mentions = link_mentions(doc)
    assert [m.text for m in mentions] == ["Asim Umar", "Afghans", "Kabul", "UN"]
    assert all(isinstance(m, Mention) for m in mentions)
    assert [(m.start, m.end) for m in mentions][0] == (0, 9)


def test_clean_name() -> None:
    nr = name_rules()
    assert clean_name("Mr. Sonny Leggett", nr) == "Sonny Leggett"
    assert clean_name("Col. Sonny Leggett", nr) == "Sonny Leggett"
    assert clean_name("Col. Leggett", nr) == "Col. Leggett"  # distinctive, one word: kept
    assert clean_name("Mr. Mullah Omar", nr) == "Mullah Omar"
    assert clean_name("the Musa Qala", nr) == "Musa Qala"
    assert clean_name("Al-Qaeda’s", nr) == "Al-Qaeda"
    assert clean_name("AQIS’", nr) == "AQIS"


@pytest.mark.parametrize("name,expected", [
    # a rank word before a facility or body word begins an institution's name (session 9)
    ("General Hospital Karsk", "General Hospital Karsk"),
    ("the General Hospital Karsk", "General Hospital Karsk"),
    ("General Karim Haddad", "Karim Haddad"),
    ("General Karsk", "General Karsk"),
])
def test_clean_name_keeps_an_institutions_first_word(name, expected) -> None:
    assert clean_name(name, name_rules()) == expected


def test_a_titled_institution_is_no_person() -> None:
    got = linked("The injured were taken to General Hospital Karsk.", [("General Hospital Karsk", "ORG")])
    assert got == [("General Hospital Karsk", "General Hospital Karsk", "FAC")]  # a hospital is a facility


def test_factory_sets_doc_mentions() -> None:
    import factx.pipeline  # noqa: F401  (registers the extensions and stages)

    nlp = spacy.blank("en")
    nlp.add_pipe("factx_mentions")
    doc = nlp.make_doc("Asim Umar spoke. Mr. Umar left.")
    doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 5, 6, "PERSON")]
    doc = nlp(doc)
    assert [m.canonical for m in doc._.mentions] == ["Asim Umar", "Asim Umar"]


def test_mention_rules_are_cached() -> None:
    assert mention_rules() is mention_rules()


SEED_TEXT = (
    "The National Directorate of Security (NDS) said Asim Omar, a leader of Al Qaeda in the "
    "Indian Subcontinent (AQIS), was killed in the Musa Qala district of Helmand. Among those "
    "killed was Raihan, Omar’s courier to Ayman al-Zawahiri. Zawahiri has led the group since 2011. "
    "The NDS said Omar was a Pakistani citizen. Raja Umar Khattab, a police official, said AQIS "
    "had been weakened.")


@pytest.mark.model
def test_real_pipeline_links_and_votes(nlp) -> None:
    doc = nlp(SEED_TEXT)
    by_text: dict[str, set[tuple[str, str]]] = {}
    for m in doc._.mentions:
        by_text.setdefault(m.text, set()).add((m.canonical, m.label))
    assert by_text["Omar"] == {("Asim Omar", "PERSON")}
    assert by_text["AQIS"] == {("Al Qaeda in the Indian Subcontinent", "ORG")}
    assert by_text["NDS"] == {("National Directorate of Security", "ORG")}
    assert by_text["Zawahiri"] == {("Ayman al-Zawahiri", "PERSON")}
    assert by_text["Raihan"] == {("Raihan", "PERSON")}
    # never "Asim Omar"; the given name the model left out at the start of the sentence is his
    assert by_text["Raja Umar Khattab"] == {("Raja Umar Khattab", "PERSON")}


# ------------------------------------------------------------- issue 15: in-document

TITLE_CASES = [
    # a religious title that the full name lacks: another person
    ("Asim Omar was killed. Mullah Omar, the founder of the group, died in 2013.",
     [("Asim Omar", "PERSON"), ("Mullah Omar", "PERSON")], "Mullah Omar", "Mullah Omar"),
    # the same title on the full name: the same person
    ("Mullah Mohammed Omar led it. Mullah Omar died.",
     [("Mullah Mohammed Omar", "PERSON"), ("Mullah Omar", "PERSON")], "Mullah Omar", "Mohammed Omar"),
    # a title left outside the span by the model still counts
    ("Asim Omar was killed. Mullah Omar died in 2013.",
     [("Asim Omar", "PERSON"), ("Omar", "PERSON")], "Omar", "Mullah Omar"),
    # a military rank may be added later in the same document
    ("Yared Getecho flew it. Captain Getecho was quiet.",
     [("Yared Getecho", "PERSON"), ("Captain Getecho", "PERSON")], "Captain Getecho", "Yared Getecho"),
    # a monarch is called by title and one given name: the title is part of the name,
    # and the king is not his son who shares the name
    ("Norway's King Harald spoke. Crown Prince Haakon Harald said nothing.",
     [("Norway", "GPE"), ("Harald", "PERSON"), ("Crown Prince Haakon Harald", "PERSON")],
     "Harald", "King Harald"),
    # a South Asian police rank: "SP" abbreviates "Superintendent of Police", written before
    # the full name; the minister of that surname is another man
    ("Superintendent of Police Tarun Bhatta spoke. SP Bhatta said so. Minister Keshav Prasad Bhatta left.",
     [("Tarun Bhatta", "PERSON"), ("SP Bhatta", "ORG"), ("Keshav Prasad Bhatta", "PERSON")],
     "SP Bhatta", "Tarun Bhatta"),
    ("Tarun Bhatta spoke. SP Bhatta said so. Minister Keshav Prasad Bhatta left.",
     [("Tarun Bhatta", "PERSON"), ("SP Bhatta", "ORG"), ("Keshav Prasad Bhatta", "PERSON")],
     "SP Bhatta", "SP Bhatta"),
    # nisba written with a spaced "Al": the surname of the full name
    ("Ayman Al Zawahri spoke. Al Zawahiri was killed.",
     [("Ayman Al Zawahri", "PERSON"), ("Al Zawahiri", "ORG")], "Al Zawahiri", "Ayman Al Zawahri"),
]


@pytest.mark.parametrize("text,ents,mention,canonical", TITLE_CASES)
def test_titles_in_document(text, ents, mention, canonical) -> None:
    got = {t: c for t, c, _ in linked(text, ents)}
    assert got[mention] == canonical


def test_a_surname_before_a_noun_after_in_is_no_place() -> None:
    # "in X case": the name modifies a noun (tagged doc); "in X on Monday" stays a place
    text = "Officials named 15 suspects in Haddadi case. Jamal Haddadi was a writer."
    doc = make_doc(text, [("Haddadi", "GPE"), ("Jamal Haddadi", "PERSON")])
    for token in doc:
        token.pos_ = "NOUN" if token.text == "case" else "X"
    assert [(m.text, m.canonical) for m in link_mentions(doc)][0] == ("Haddadi", "Jamal Haddadi")
    doc = make_doc(text.replace("case", "now"), [("Haddadi", "GPE"), ("Jamal Haddadi", "PERSON")])
    for token in doc:
        token.pos_ = "ADV" if token.text == "now" else "X"
    assert [(m.text, m.canonical) for m in link_mentions(doc)][0] == ("Haddadi", "Haddadi")


def test_bare_surname_with_a_titled_namesake_stays_alone() -> None:
    got = linked("Asim Omar was killed. Mullah Omar died. Omar was 45.",
                 [("Asim Omar", "PERSON"), ("Mullah Omar", "PERSON"), ("Omar", "PERSON")])
    assert got[-1][1] == "Omar"


TYPE_CASES = [
    # evidence over the model's label (issue item 4)
    ("The cargo was bound for Mozambique.", [("Mozambique", "ORG")], "Mozambique", "GPE"),
    ("He was killed in Sikandarabad last night.", [("Sikandarabad", "ORG")], "Sikandarabad", "GPE"),
    ("the compound in Karimabad, Pakistan, was raided", [("Karimabad", "PERSON")], "Karimabad", "GPE"),
    ("It crashed in a place called Ejere.", [("Ejere", "ORG")], "Ejere", "GPE"),
    ("at Hejere near Bishoftu", [("Hejere", "ORG"), ("Bishoftu", "GPE")], "Hejere", "GPE"),
    ("Hamza, one of the leader's sons, was killed.", [("Hamza", "ORG")], "Hamza", "PERSON"),
    ("among the injured was Kamal Hayek, the chairman of the company", [("Kamal Hayek", "ORG")],
     "Kamal Hayek", "PERSON"),
    ("the NLF chief Ayman al-Haddad said", [("Ayman al-Haddad", "ORG")], "Ayman al-Haddad", "PERSON"),
    ("the strike targeted Haddadi, who succeeded him", [("Haddadi", "ORG")], "Haddadi", "PERSON"),
    # session 9: institutions named in Portuguese or Spanish by their first word
    ("police blamed Comando Litoral for the riot", [("Comando Litoral", "PERSON")], "Comando Litoral", "ORG"),
    ("the photo came from Agência Serrana", [("Agência Serrana", "PERSON")], "Agência Serrana", "ORG"),
    # session 9: an age at a sentence end, a relative in apposition
    ("the dead are a father and son, Arun Koirpa, 60, and Vivek Koirpa, 31.",
     [("Arun Koirpa", "ORG"), ("Vivek Koirpa", "ORG")], "Vivek Koirpa", "PERSON"),
    ("the dead included Lia Torvane, whose mother, Ines dos Reis Torvane, waited outside",
     [("Lia Torvane", "PERSON"), ("Ines dos Reis Torvane", "ORG")], "Ines dos Reis Torvane", "PERSON"),
    # ... not a number that goes on, nor a place after a common noun and a comma
    ("the toll at Route Varnek, 31.5 km away, rose", [("Route Varnek", "ORG")], "Route Varnek", "ORG"),
    ("the report of the mother, Varnek Relief, said", [("Varnek Relief", "ORG")], "Varnek Relief", "ORG"),
    ("The ship, the Rhodes Star, never made it.", [("Rhodes Star", "PERSON")], "Rhodes Star", "FAC"),
    ("the leader of the Kataeb political party", [("Kataeb", "NORP")], "Kataeb", "ORG"),
    # a name met once takes the type of the names it is listed with
    ("ambulances from North Karamia, Bekaal and South Karamia were sent",
     [("North Karamia", "GPE"), ("Bekaal", "PERSON"), ("South Karamia", "GPE")], "Bekaal", "GPE"),
    ("Nasr Front, Karam Brigade, or Sahel Union fighters", [("Nasr Front", "ORG"), ("Karam Brigade", "ORG"),
                                                            ("Sahel Union", "GPE")], "Sahel Union", "ORG"),
    ("Nasr Front and Karamia met", [("Nasr Front", "ORG"), ("Karamia", "GPE")], "Karamia", "GPE"),  # two: no list
    ("Nasr Front, Karam Brigade and Mozambique", [("Nasr Front", "ORG"), ("Karam Brigade", "ORG"),
                                                  ("Mozambique", "ORG")], "Mozambique", "GPE"),  # a rule decides
    ("In Karamia, Nasr Front said, and Sahel Union agreed", [("Karamia", "GPE"), ("Nasr Front", "ORG"),
                                                            ("Sahel Union", "ORG")], "Karamia", "GPE"),
    # peoples and faiths are NORP, even before "movement"
    ("denied that his powerful Shiite movement had stored arms", [("Shiite", "ORG")], "Shiite", "NORP"),
    ("Pashtun elders met", [("Pashtun", "PERSON")], "Pashtun", "NORP"),
    ("the Sunni Endowment Office said", [("Sunni Endowment Office", "ORG")], "Sunni Endowment Office", "ORG"),
    # the people, the mayor, the streets of a place
    ("Residents of Karamville said the shaking lasted a minute", [("Karamville", "PERSON")], "Karamville", "GPE"),
    ("the mayor of Karamville said", [("Karamville", "ORG")], "Karamville", "GPE"),
    ("the heart of Karim Haddad was", [("Karim Haddad", "PERSON")], "Karim Haddad", "PERSON"),
    # institutions named in their own language
    ("explosives made by Fabrica de Explosivos de Nordica", [("Fabrica de Explosivos de Nordica", "FAC")],
     "Fabrica de Explosivos de Nordica", "ORG"),
    ("a loan from Banco Nordico", [("Banco Nordico", "GPE")], "Banco Nordico", "ORG"),
    # publications: "the newspaper X", "the daily X", "X daily", "X columnist"
    ("On Wednesday, the pro-government newspaper Nordic Safak said the squad left.",
     [("Nordic Safak", "PERSON")], "Nordic Safak", "ORG"),
    ("the pro-government daily Haber Sahil reported", [("Haber Sahil", "PERSON")], "Haber Sahil", "ORG"),
    ("according to the Haber Sahil daily", [("Haber Sahil", "PERSON")], "Haber Sahil", "ORG"),
    ("Haber Sahil columnist Jane Roe wrote", [("Haber Sahil", "PERSON"), ("Jane Roe", "PERSON")],
     "Haber Sahil", "ORG"),
    # ... not the people who write for one
    ("the newspaper's editor Jane Roe said", [("Jane Roe", "PERSON")], "Jane Roe", "PERSON"),
    ("newspaper columnist Jane Roe wrote", [("Jane Roe", "PERSON")], "Jane Roe", "PERSON"),
    # broadcasters: "X television channel", "X TV", "X radio"
    ("footage aired by Nordic Al Sahel television channel on Monday", [("Nordic Al Sahel", "PERSON")],
     "Nordic Al Sahel", "ORG"),
    ("in a phone interview with al-Sahel television station", [("al-Sahel", "PERSON")], "al-Sahel", "ORG"),
    ("he told Karam TV on Monday", [("Karam", "PERSON")], "Karam", "ORG"),
    ("he told Mozambique radio", [("Mozambique", "ORG")], "Mozambique", "GPE"),  # a country stays one
    ("the Karam Television Network", [("Karam Television Network", "ORG")], "Karam Television Network", "ORG"),
    # landforms: a valley, a mountain; never the town they are named after
    ("Floodwaters gushed down Wadi Karam, a valley", [("Wadi Karam", "FAC")], "Wadi Karam", "LOC"),
    ("climbers on Mount Sorel were rescued", [("Mount Sorel", "PERSON")], "Mount Sorel", "LOC"),
    # where an event happened, a town besieged or with a port: a place, whatever the model says
    ("Three people died in a bombing in Rasko on Monday", [("Rasko", "PERSON")], "Rasko", "GPE"),
    ("The protest in Rasko drew thousands. Rasko said so.", [("Rasko", "PERSON"), ("Rasko", "PERSON")],
     "Rasko", "GPE"),
    ("the airstrikes near Belko killed a commander", [("Belko", "PERSON")], "Belko", "GPE"),
    ("He entered a Norwegian embassy in Rasko", [("Norwegian", "NORP"), ("Rasko", "PERSON")], "Rasko", "GPE"),
    ("The Consulate General of Norway in Rasko said so",
     [("Consulate General of Norway", "ORG"), ("Rasko", "PERSON")], "Rasko", "GPE"),
    # ... an organisation there stays one
    ("The protests in Parliament went on", [("Parliament", "ORG")], "Parliament", "ORG"),
    ("troops landed near the port of Kessa", [("Kessa", "PERSON")], "Kessa", "GPE"),
    ("The shelling of Karvan went on", [("Karvan", "PERSON")], "Karvan", "GPE"),
    # ... not a person named before a possessive, nor "at X" (a building, a company), nor a
    # person the event is about
    ("the fighting in Karim Haddad's village", [("Karim Haddad", "PERSON")], "Karim Haddad", "PERSON"),
    ("An explosion at Dunmore killed four workers", [("Dunmore", "ORG")], "Dunmore", "ORG"),
    ("the attack on Karim Haddad was planned", [("Karim Haddad", "PERSON")], "Karim Haddad", "PERSON"),
    ("the killing of Karim Haddad was planned", [("Karim Haddad", "PERSON")], "Karim Haddad", "PERSON"),
    # East Slavic and Central Asian surnames and patronymics: a person, whatever the model says
    ("Nurlan Osmonaliev said so", [("Nurlan Osmonaliev", "FAC")], "Nurlan Osmonaliev", "PERSON"),
    ("Bakyt Temirovich died at night", [("Bakyt Temirovich", "ORG")], "Bakyt Temirovich", "PERSON"),
    ("troops left the Rostov Oblast", [("Rostov Oblast", "GPE")], "Rostov Oblast", "GPE"),
    ("the Kirov Ballet toured", [("Kirov Ballet", "ORG")], "Kirov Ballet", "ORG"),
    # units of armed services: organisations, not peoples; peoples stay NORP
    ("The Marines landed on Monday", [("Marines", "NORP")], "Marines", "ORG"),
    ("Kurds marched on Monday", [("Kurds", "NORP")], "Kurds", "NORP"),
    ("the Army Rangers stormed it", [("Army Rangers", "PERSON")], "Army Rangers", "ORG"),
    # a named storm in apposition
    ("Boris, an unusually strong Atlantic storm, hit the coast", [("Boris", "PERSON")], "Boris", "EVENT"),
    ("Boris, a retired teacher, hit the ball", [("Boris", "PERSON")], "Boris", "PERSON"),
]


@pytest.mark.parametrize("text,ents,mention,label", TYPE_CASES)
def test_types_by_evidence(text, ents, mention, label) -> None:
    got = {t: l for t, _, l in linked(text, ents)}
    assert got[mention] == label


# (text, entities, the branch description expected as a mention or None, its canonical)
AQ, AQIS = ("Al Qaeda", "ORG"), ("Al Qaeda in the Indian Subcontinent", "ORG")
AQAP = ("Al Qaeda in the Arabian Peninsula", "ORG")
BRANCHES = [
    ("Al Qaeda in the Indian Subcontinent lost men. Usama Mahmood now leads the Al Qaeda branch.",
     [AQIS, ("Usama Mahmood", "PERSON"), AQ], "Al Qaeda branch", "Al Qaeda in the Indian Subcontinent"),
    ("Al Qaeda in the Indian Subcontinent lost men. He led Al Qaeda's South Asia branch.",
     [AQIS, AQ], "Al Qaeda's South Asia branch", "Al Qaeda in the Indian Subcontinent"),
    ("Al Qaeda in the Indian Subcontinent lost men. Al Qaeda said its South Asia branch grew.",
     [AQIS, AQ], "its South Asia branch", "Al Qaeda in the Indian Subcontinent"),
    ("Al Qaeda in the Indian Subcontinent lost men. Al Qaeda said the group's Indian affiliate grew.",
     [AQIS, AQ], "the group's Indian affiliate", "Al Qaeda in the Indian Subcontinent"),
    ("Al Qaeda in the Indian Subcontinent lost men. Al Qaeda said its regional affiliate grew.",
     [AQIS, AQ], "its regional affiliate", "Al Qaeda in the Indian Subcontinent"),
    # the document names two branches: which one is not said
    ("Al Qaeda in the Indian Subcontinent and Al Qaeda in the Arabian Peninsula fought. He leads the Al Qaeda branch.",
     [AQIS, AQAP, AQ], None, None),
    # no branch named: the words stay words
    ("Usama Mahmood now leads the Al Qaeda branch.", [("Usama Mahmood", "PERSON"), AQ], None, None),
    # "main branch" is the group itself, "military wing" no named branch
    ("Al Qaeda in the Indian Subcontinent lost men. Zawahiri heads Al Qaeda's main branch.",
     [AQIS, ("Zawahiri", "PERSON"), AQ], None, None),
    # "its" is the organisation named last: here the branch itself, which has no branch
    ("Al Qaeda and Al Qaeda in the Indian Subcontinent lost men; its South Asia branch grew.",
     [AQ, AQIS], None, None),
]


@pytest.mark.parametrize("text,ents,description,canonical", BRANCHES)
def test_branch_descriptions(text, ents, description, canonical) -> None:
    mentions = link_mentions(make_doc(text, ents))
    described = [(m.text, m.canonical) for m in mentions if m.description]
    assert described == ([(description, canonical)] if description else [])
    if description:
        # the parent's own mention inside the description is replaced by it
        at = text.index(description)
        assert not [m for m in mentions if not m.description and at <= m.start < at + len(description)]


def test_a_branch_description_is_no_name_fact() -> None:
    from factx.pipeline import name_facts

    text = "Al Qaeda in the Indian Subcontinent lost men. Usama Mahmood now leads the Al Qaeda branch."
    doc = make_doc(text, [AQIS, ("Usama Mahmood", "PERSON"), AQ])
    doc._.mentions = link_mentions(doc)
    for token in doc:
        token.is_sent_start = token.i == 0
    assert [f.value for f in name_facts(doc)] == ["Al Qaeda in the Indian Subcontinent", "Usama Mahmood"]


# (text, the place mention, the facility names expected beside it)
FACILITIES = [
    ("people were hurt by the explosion in Beirut's port, he said", "Beirut", ["Beirut's port"]),
    ("the catastrophic Beirut port blast", "Beirut", ["Beirut port"]),
    ("the blast at the port of Beirut killed 150 people", "Beirut", ["port of Beirut"]),
    ("flights to Nairobi airport resumed", "Nairobi", ["Nairobi airport"]),
    ("Beirut is a port city, and Beirut port cities are old", "Beirut", []),
    ("Beirut reported 150 dead", "Beirut", []),
    ("Why did the Bergen dams fail?", "Bergen", ["Bergen dams"]),
    ("water rose behind the Bergen dam", "Bergen", ["Bergen dam"]),
    ("relatives waited at Bergen hospital", "Bergen", ["Bergen hospital"]),
]

# session 9: a name of another type, then a facility word in lower case (label, expected)
FACILITIES_AFTER_NAMES = [
    ("a crush at the Sarvesh Vikram temple in Tolam", "Sarvesh Vikram", "PERSON", ["Sarvesh Vikram temple"]),
    ("a crush at the Sarvesh temple in Tolam", "Sarvesh", "ORG", ["Sarvesh temple"]),
    ("the Norvik mine was shut", "Norvik", "FAC", ["Norvik mine"]),
    ("relatives at Norvik hospital", "Norvik", "NORP", ["Norvik hospital"]),
    ("relatives at an Afghan hospital", "Afghan", "NORP", []),  # a demonym
    # a capital word is the model's to take in; other words name no facility
    ("a crush at the Sarvesh Temple in Tolam", "Sarvesh", "ORG", []),
    ("Sarvesh Vikram said the temple was shut", "Sarvesh Vikram", "PERSON", []),
    ("the Sarvesh district council met", "Sarvesh", "ORG", []),
]


# session 9: "the state of X" where a city X exists is the region "X state" (the gazetteer knows
# Bergen and Uppsala as cities; "Zelmoria" is none)
REGIONS_OF = [
    ("Bergen, the capital of the state of Bergen, lies inland", "Bergen", [("state of Bergen", "Bergen state")]),
    ("the district of Uppsala was shut", "Uppsala", [("district of Uppsala", "Uppsala district")]),
    ("the state of Zelmoria was shut", "Zelmoria", []),
    ("the State of Bergen was shut", "Bergen", []),  # a capital: the model's to take in
    ("the city of Bergen was shut", "Bergen", []),
]


@pytest.mark.parametrize("text,place,expected", REGIONS_OF)
def test_the_region_of_a_city_name(text, place, expected) -> None:
    from factx.stages.mentions import facility_names

    at = text.rindex(place)
    found = facility_names(text, [Mention(at, at + len(place), place, place, "GPE")], mention_rules())
    assert [(m.text, m.canonical) for m in found if m.canonical != f"{place} city"] == expected


@pytest.mark.parametrize("text,name,label,expected", FACILITIES_AFTER_NAMES)
def test_facility_names_after_other_names(text, name, label, expected) -> None:
    from factx.stages.mentions import facility_names

    at = text.index(name)
    found = facility_names(text, [Mention(at, at + len(name), name, name, label)], mention_rules())
    assert [m.text for m in found] == expected
    assert all(m.label == "FAC" for m in found)


@pytest.mark.parametrize("text,place,expected", FACILITIES)
def test_facility_names_beside_a_place(text, place, expected) -> None:
    from factx.stages.mentions import facility_names

    at = text.index(place)
    found = facility_names(text, [Mention(at, at + len(place), place, place, "GPE")], mention_rules())
    assert [m.text for m in found] == expected
    assert all(m.label == "FAC" for m in found)


@pytest.mark.parametrize("text,expected", [
    ("the raid in Bergen province was bloody", [("Bergen province", "Bergen", "GPE")]),
    ("in Bergen city, officials said", [("Bergen city", "Bergen", "GPE")]),
    ("the Bergen district council met", []),  # the council, not a spelling of the place
    ("the Bergen city-state", []),
    ("Bergen reported 150 dead", []),
])
def test_a_place_with_its_administrative_word_is_one_more_spelling(text, expected) -> None:
    from factx.stages.mentions import facility_names

    at = text.index("Bergen")
    found = facility_names(text, [Mention(at, at + 6, "Bergen", "Bergen", "GPE")], mention_rules())
    assert [(m.text, m.canonical, m.label) for m in found] == expected


@pytest.mark.parametrize("text,label,expected", [
    ("down the steps to the Velna river ghat", "GPE", [("Velna river", "Velna river", "LOC")]),
    ("on the banks of the Velna river, pilgrims", "ORG", [("Velna river", "Velna river", "LOC")]),
    ("the Velna riverside market", "GPE", []),
    ("Velna Rivers, a witness, said", "PERSON", []),
    ("Velna river", "PERSON", []),  # a person's name before the word is no river's
])
def test_a_place_with_a_river_word_names_the_river(text, label, expected) -> None:
    from factx.stages.mentions import facility_names

    at = text.index("Velna")
    found = facility_names(text, [Mention(at, at + 5, "Velna", "Velna", label)], mention_rules())
    assert [(m.text, m.canonical, m.label) for m in found] == expected


def test_a_town_before_a_river_word_keeps_its_mention() -> None:
    # the model's "Bergen" of "the Bergen river" (a town the gazetteer knows) stays the bare
    # name: the river is an extra name, not the town's province-like spelling
    assert linked("Floods hit Bergen. A boy drowned in the Bergen river.", [("Bergen", "GPE"), ("Bergen", "GPE")]) \
        == [("Bergen", "Bergen", "GPE"), ("Bergen", "Bergen", "GPE")]
    assert linked("Floods hit Bergen. Police in Bergen province said so.", [("Bergen", "GPE"), ("Bergen", "GPE")]) \
        == [("Bergen", "Bergen", "GPE"), ("Bergen", "Bergen province", "GPE")]


@pytest.mark.parametrize("text,ents,expected", [
    # an acronym in capitals before a town's name begins a body's or facility's name: no title,
    # no person
    ("Guards retook the CDR Ostrel jail block.", [("CDR Ostrel", "FAC")], [("CDR Ostrel", "CDR Ostrel", "FAC")]),
    ("Cdr. Ostrel Varga said so.", [("Cdr. Ostrel Varga", "ORG")], [("Cdr. Ostrel Varga", "Ostrel Varga", "PERSON")]),
])
def test_an_acronym_in_capitals_is_no_title(text, ents, expected) -> None:
    assert linked(text, ents) == expected


@pytest.mark.parametrize("text,ents,expected", [
    # initials and the place the long name ends with, in brackets after it: one more name of it
    ("Guards retook the Tarvo Regional Detention Centre of Ostrel (TRDC Ostrel) on Sunday. TRDC Ostrel is full.",
     [("Tarvo Regional Detention Centre of Ostrel", "FAC"), ("TRDC Ostrel", "ORG"), ("TRDC Ostrel", "ORG")],
     ["Tarvo Regional Detention Centre of Ostrel"] * 3),
    # initials of another name, another place, or no bracket: nothing said
    ("Guards retook the Tarvo Prison (TRDC Ostrel) on Sunday.", [("Tarvo Prison", "FAC"), ("TRDC Ostrel", "ORG")],
     ["Tarvo Prison", "TRDC Ostrel"]),
    ("Guards retook the Tarvo Regional Detention Centre of Ostrel (TRDC Velna) on Sunday.",
     [("Tarvo Regional Detention Centre of Ostrel", "FAC"), ("TRDC Velna", "ORG")],
     ["Tarvo Regional Detention Centre of Ostrel", "TRDC Velna"]),
    ("Guards retook the Tarvo Regional Detention Centre of Ostrel, then TRDC Ostrel fell.",
     [("Tarvo Regional Detention Centre of Ostrel", "FAC"), ("TRDC Ostrel", "ORG")],
     ["Tarvo Regional Detention Centre of Ostrel", "TRDC Ostrel"]),
])
def test_initials_and_place_in_brackets_name_the_long_name(text, ents, expected) -> None:
    assert [canonical for _, canonical, _ in linked(text, ents)] == expected


def test_initials_and_place_in_brackets_take_the_long_names_type() -> None:
    text = "Guards retook the Tarvo Regional Detention Centre of Ostrel (TRDC Ostrel). TRDC Ostrel is full."
    got = linked(text, [("Tarvo Regional Detention Centre of Ostrel", "FAC"), ("TRDC Ostrel", "GPE"),
                        ("TRDC Ostrel", "GPE")])
    assert {label for _, _, label in got} == {"FAC"}


def test_port_of_a_place_is_a_facility() -> None:
    assert linked("It was stored at the Port of Beirut for years.", [("Port of Beirut", "LOC")]) == [
        ("Port of Beirut", "Port of Beirut", "FAC")]
    # "Port Said" is a city
    assert linked("Ships docked at Port Said on Monday.", [("Port Said", "GPE")]) == [
        ("Port Said", "Port Said", "GPE")]
