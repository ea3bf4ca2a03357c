"""Descriptions of institutions (issue 15 item 5): keys, ties in a document, and the
resolver putting a description with the one entity the run ties it to."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from factx.descriptions import Reader, description_key, parse_description
from factx.resolve import NameStat, resolve


# ------------------------------------------------------------------------------ keys

KEYS = [
    # (description, key) — None: no description of an institution of a known country
    ("Afghanistan’s intelligence agency", "intelligence agency of Afghanistan"),
    ("Afghanistan's intelligence agency", "intelligence agency of Afghanistan"),
    ("Afghan intelligence agency", "intelligence agency of Afghanistan"),
    ("the Afghan spy agency", "intelligence agency of Afghanistan"),
    ("Afghanistan’s main intelligence agency", "intelligence agency of Afghanistan"),
    ("the main intelligence arm of Afghanistan", "intelligence agency of Afghanistan"),
    ("Kenya's intelligence service", "intelligence agency of Kenya"),
    ("the Kenyan spy service", "intelligence agency of Kenya"),
    ("the U.S. intelligence agency", "intelligence agency of United States"),
    ("the United States’ intelligence agency", "intelligence agency of United States"),
    ("Lebanon's health ministry", "health ministry of Lebanon"),
    ("the Lebanese Health Ministry", "health ministry of Lebanon"),
    ("Lebanon's caretaker government", "government of Lebanon"),
    ("the Pakistani military", "army of Pakistan"),
    ("Pakistan's army", "army of Pakistan"),
    # the country is not in the words: the document must give it
    ("the country's spy service", None),
    ("its intelligence agency", None),
    ("the intelligence agency", None),
    # not a description of one institution
    ("an Afghan intelligence agency", None),      # one of several
    ("Afghan intelligence agencies", None),       # several
    ("Afghanistan's agency", None),               # an agency of what?
    ("the National Directorate of Security", None),  # a name
    ("Afghanistan's National Directorate of Security", None),
    ("the agency's spokesman", None),
    ("Afghan intelligence officials", None),
    ("the Pakistani and Afghan intelligence agency", None),
    ("Afghan spy agency of Pakistan", None),      # two countries
    ("us intelligence agency", None),             # "us" is a pronoun, "US" a country
]


@pytest.mark.parametrize("text,key", KEYS)
def test_description_keys(text, key):
    assert description_key(text) == key


@pytest.mark.parametrize("text,anaphor", [
    ("the country's spy service", "country"), ("the nation’s intelligence agency", "country"),
    ("its intelligence agency", "its"), ("the intelligence agency of the country", "country"),
    ("the spy agency", None),
])
def test_descriptions_that_need_the_document(text, anaphor):
    found = parse_description(text)
    assert (found.country, found.anaphor) == (None, anaphor)
    assert found.head == "agency" and found.domain == "intelligence"


# ------------------------------------------------------------------- in a document

@dataclass(frozen=True)
class M:
    start: int
    end: int
    text: str
    canonical: str
    label: str


def mentions_of(text: str, names: list[tuple[str, str, str]]) -> list[M]:
    """Mentions at every occurrence of each (surface, canonical, label)."""
    out = []
    for surface, canonical, label in names:
        at = text.find(surface)
        while at >= 0:
            out.append(M(at, at + len(surface), surface, canonical, label))
            at = text.find(surface, at + 1)
    return out


def sentence_starts(text: str) -> list[int]:
    return [0] + [i + 2 for i in range(len(text) - 1) if text[i] == "." and text[i + 1] == " "]


NDS = ("National Directorate of Security", "National Directorate of Security", "ORG")
NDS_ACR = ("NDS", "National Directorate of Security", "ORG")
AFGHANISTAN = ("Afghanistan", "Afghanistan", "GPE")
PAKISTAN = ("Pakistan", "Pakistan", "GPE")
AFGHAN = ("Afghan", "Afghan", "NORP")
AMERICAN = ("American", "American", "NORP")
ARMY = ("Afghan National Army", "Afghan National Army", "ORG")
POLICE = ("Kabul police", "Kabul police", "ORG")

TIES = [
    # (text, mentions, ties as (name, key))
    ("The National Directorate of Security — the main intelligence arm of Afghanistan — tweeted on Tuesday.",
     [NDS, AFGHANISTAN], [("National Directorate of Security", "intelligence agency of Afghanistan")]),
    ("Officials in Afghanistan said the National Directorate of Security (NDS), the country's main spy agency, "
     "confirmed it.", [NDS, AFGHANISTAN], [("National Directorate of Security", "intelligence agency of Afghanistan")]),
    ("Afghanistan's spy agency, the NDS, said six others died.", [NDS_ACR, AFGHANISTAN],
     [("National Directorate of Security", "intelligence agency of Afghanistan")]),
    ("KABUL: Afghanistan’s main intelligence agency, the National Directorate of Security, said so.",
     [NDS, AFGHANISTAN], [("National Directorate of Security", "intelligence agency of Afghanistan")]),
    ("The NDS is Afghanistan's main intelligence agency.", [NDS_ACR, AFGHANISTAN],
     [("National Directorate of Security", "intelligence agency of Afghanistan")]),
    # "X is the government of Y" is a claim as often as a definition
    ("The Taliban are the government of Afghanistan.", [("Taliban", "Taliban", "ORG"), AFGHANISTAN], []),
    ("The Taliban is Afghanistan's government.", [("Taliban", "Taliban", "ORG"), AFGHANISTAN], []),
    ("The NDS (Afghanistan's spy agency) said so.", [NDS_ACR, AFGHANISTAN],
     [("National Directorate of Security", "intelligence agency of Afghanistan")]),
    # "the country's" needs one country named before it
    ("American and Afghan commandos raided it, the NDS, the country's spy agency, said.",
     [NDS_ACR, AFGHAN, AMERICAN], []),
    ("The NDS, the country's spy agency, said so.", [NDS_ACR], []),
    # lists are not appositions
    ("Pakistan, the NDS, the Afghan spy agency, and the police were there.", [NDS_ACR, PAKISTAN], []),
    ("Afghan spy agency, the NDS and the police were there.", [NDS_ACR], []),
    ("The police, the NDS, the Afghan National Army and others met.", [NDS_ACR, ARMY], []),
    # no description, or a description of something else
    ("The NDS, which runs the prisons, said so.", [NDS_ACR], []),
    ("The NDS, Afghan intelligence officials said, was behind it.", [NDS_ACR], []),
    ("Kabul police, the main intelligence arm of Afghanistan, said so.", [POLICE], [
        ("Kabul police", "intelligence agency of Afghanistan")]),  # what the words say
    ("The NDS said Karim Haddad, the Afghan spy agency's chief, died.", [NDS_ACR], []),
]


@pytest.mark.parametrize("text,names,expected", TIES)
def test_ties_in_a_document(text, names, expected):
    reader = Reader(text, mentions_of(text, names), sentence_starts(text))
    assert [(t.name, t.key) for t in reader.ties()] == expected


def test_a_tie_only_ties_organisations():
    text = "Karim Haddad, the Afghan spy agency, said so."
    reader = Reader(text, mentions_of(text, [("Karim Haddad", "Karim Haddad", "PERSON")]), [0])
    assert list(reader.ties()) == []


RESOLUTIONS = [
    # (text before the description, description, country found)
    ("Pakistan said on Monday that", "the country's spy agency", "Pakistan"),
    ("Pakistan said on Monday. Officials added that", "the country's spy agency", "Pakistan"),
    ("American and Afghan commandos raided it, according to", "the country's spy agency", None),
    ("Pakistan said on Monday that", "its intelligence agency", "Pakistan"),
    ("Pakistan thanked the NDS for what", "its intelligence agency", None),  # "its" is the NDS's
    ("No country here, according to", "the country's spy agency", None),
]


@pytest.mark.parametrize("before,description,country", RESOLUTIONS)
def test_the_country_of_a_description_comes_from_the_document(before, description, country):
    text = f"{before} {description} said so."
    reader = Reader(text, mentions_of(text, [PAKISTAN, AFGHAN, AMERICAN, NDS_ACR]), sentence_starts(text))
    found = reader.read(len(before) + 1, len(before) + 1 + len(description))
    assert found.country == country


def test_a_description_without_country_takes_the_one_given_before():
    text = "Afghanistan's spy agency said so. Later the spy agency added more."
    reader = Reader(text, [], [0, 34])
    first = reader.read(0, 24)
    assert first.key == "intelligence agency of Afghanistan"
    at = text.index("the spy agency")
    assert reader.read(at, at + 14, [(0, first)]).key == "intelligence agency of Afghanistan"
    assert reader.read(at, at + 14).key is None  # nothing before: unknown


# ------------------------------------------------------------------- across documents

NDS_KEY = "intelligence agency of Afghanistan"


def entity_of(entities, name):
    return next(e for e in entities if name in e.names)


RUNS = [
    # (names, described triples, groups expected together, pairs expected apart)
    # the run ties the key to the NDS: every description of it is the NDS
    ([("National Directorate of Security", "ORG", 10), ("NDS", "ORG", 5),
      ("Afghanistan’s intelligence agency", "ORG", 0), ("Afghan intelligence agency", "ORG", 0),
      ("Afghan spy agency", "ORG", 0)],
     [("National Directorate of Security", NDS_KEY, True),
      ("Afghanistan’s intelligence agency", NDS_KEY, False), ("Afghan intelligence agency", NDS_KEY, False),
      ("Afghan spy agency", NDS_KEY, False)],
     [{"National Directorate of Security", "NDS", "Afghanistan’s intelligence agency",
       "Afghan intelligence agency", "Afghan spy agency"}], []),
    # no tie: descriptions of one key are one source, the named agency stays apart
    ([("National Directorate of Security", "ORG", 10), ("Afghanistan’s intelligence agency", "ORG", 0),
      ("Afghan spy agency", "ORG", 0)],
     [("Afghanistan’s intelligence agency", NDS_KEY, False), ("Afghan spy agency", NDS_KEY, False)],
     [{"Afghanistan’s intelligence agency", "Afghan spy agency"}],
     [("National Directorate of Security", "Afghan spy agency")]),
    # two documents tie the key to two agencies: no description goes to either
    ([("National Directorate of Security", "ORG", 10), ("Khad", "ORG", 3),
      ("Afghan spy agency", "ORG", 0)],
     [("National Directorate of Security", NDS_KEY, True), ("Khad", NDS_KEY, True),
      ("Afghan spy agency", NDS_KEY, False)],
     [], [("National Directorate of Security", "Afghan spy agency"), ("Khad", "Afghan spy agency"),
          ("National Directorate of Security", "Khad")]),
    # a description whose country one document could not find stays a description
    ([("National Directorate of Security", "ORG", 10), ("country’s spy agency", "ORG", 0)],
     [("National Directorate of Security", NDS_KEY, True), ("country’s spy agency", NDS_KEY, False),
      ("country’s spy agency", None, False)],
     [], [("National Directorate of Security", "country’s spy agency")]),
    # ... and so does one that two documents resolve to two countries
    ([("National Directorate of Security", "ORG", 10), ("Inter-Services Intelligence", "ORG", 8),
      ("country’s spy agency", "ORG", 0)],
     [("National Directorate of Security", NDS_KEY, True),
      ("Inter-Services Intelligence", "intelligence agency of Pakistan", True),
      ("country’s spy agency", NDS_KEY, False), ("country’s spy agency", "intelligence agency of Pakistan", False)],
     [], [("National Directorate of Security", "country’s spy agency"),
          ("Inter-Services Intelligence", "country’s spy agency")]),
    # another key is another institution
    ([("National Directorate of Security", "ORG", 10), ("Pakistani spy agency", "ORG", 0)],
     [("National Directorate of Security", NDS_KEY, True),
      ("Pakistani spy agency", "intelligence agency of Pakistan", False)],
     [], [("National Directorate of Security", "Pakistani spy agency")]),
]


@pytest.mark.parametrize("names,described,together,apart", RUNS)
def test_descriptions_across_documents(names, described, together, apart):
    entities = resolve([NameStat(*n) for n in names], described=described)
    for group in together:
        assert len({entity_of(entities, n).entity_id for n in group}) == 1, group
    for a, b in apart:
        assert entity_of(entities, a).entity_id != entity_of(entities, b).entity_id, (a, b)


def test_a_description_is_never_the_canonical_name_of_a_named_entity():
    entities = resolve([NameStat("NDS", "ORG", 2), NameStat("National Directorate of Security", "ORG", 1),
                        NameStat("Afghanistan’s intelligence agency", "ORG", 9)],
                       described=[("National Directorate of Security", NDS_KEY, True),
                                  ("Afghanistan’s intelligence agency", NDS_KEY, False)])
    assert entity_of(entities, "NDS").canonical == "National Directorate of Security"


# ------------------------------------------------------------------------- the stage

def test_the_stage_gives_description_facts_of_sources_and_ties():
    import factx.pipeline  # noqa: F401  (registers the extensions)
    from factx.records import FactDraft
    from factx.stages.descriptions import description_facts
    from factx.stages.mentions import link_mentions

    from conftest import doc_with_ents

    text = ("Pakistan said on Monday that the country's spy agency had found him. "
            "The Inter-Services Intelligence, the main intelligence arm of Pakistan, agreed.")
    doc = doc_with_ents(text, [("Pakistan", "GPE"), ("Inter-Services Intelligence", "ORG"), ("Pakistan", "GPE")])
    for token in doc:
        token.is_sent_start = token.i == 0 or doc[token.i - 1].text == "."
    doc._.mentions = link_mentions(doc)
    said = "country's spy agency"
    at = text.index(said)
    doc._.facts = [FactDraft("Karim Haddad", "PERSON", "date_of_death", "2019", "date", "Monday", at, at + 5,
                             0, 70, "him", "test", modality="reported", said_by=said, said_by_type=None),
                   # a named source is no description
                   FactDraft("Karim Haddad", "PERSON", "age", 40, "quantity", "40", 0, 2, 0, 70, "him", "test",
                             said_by="Pakistan", said_by_type="GPE")]
    facts = [(f.name, f.value, f.rule) for f in description_facts(doc)]
    assert facts == [
        ("Inter-Services Intelligence", "intelligence agency of Pakistan", "description.apposition"),
        (said, "intelligence agency of Pakistan", "description.source")]


# ------------------------------------------------ places named by description (consulates)

from factx.descriptions import written_descriptions  # noqa: E402

WRITTEN = [
    # (text, [(name, value, named)]) — descriptions of a consulate or embassy that are names of it
    ("He entered the Norwegian consulate in Rome on Tuesday.",
     [("Norwegian consulate", "consulate of Norway in rome", False)]),
    ("He was still at the Rome consulate of Norway, an aide said.",
     [("Rome consulate of Norway", "consulate of Norway in rome", False)]),
    ("Staff of Norway's consulate-general in Rome left.",
     [("Norway's consulate-general", "consulate of Norway in rome", False)]),
    ("He was choked inside the Consulate General of Norway in Rome on Monday.",
     [("Consulate General of Norway", "consulate of Norway in rome", True)]),
    ("Embassy of Kenya", [("Embassy of Kenya", "embassy of Kenya", True)]),
    ("The Kenyan embassy, the US Embassy and the consulate closed.",
     [("Kenyan embassy", "embassy of Kenya", False), ("US Embassy", "embassy of United States", False)]),
    ("Protesters gathered outside the U.S. embassy.", [("U.S. embassy", "embassy of United States", False)]),
    # "a Norwegian embassy in Rome" is the one in that town (the stage wants Rome a town)
    ("He entered a Norwegian embassy in Rome.", [("Norwegian embassy", "embassy of Norway in rome", False)]),
    # no name: one of several (no town, a country), someone's, plural, no country in the words, a possessive head
    ("He entered a Norwegian embassy on Monday.", []),
    ("He entered a Norwegian embassy in Italy.", []),
    ("He entered one Norwegian embassy in Rome.", []),
    ("Norway said he died inside its Italian consulate.", []),   # its consulate in Italy
    ("Norway's Italian consulate", []),
    ("Norwegian embassies in Europe closed.", []),
    ("He was seen at the consulate.", []),
    ("the country's consulate in Rome", []),
    ("the Kenyan embassy's spokesman", []),
    ("the Trump administration", []),
]


@pytest.mark.parametrize("text,expected", WRITTEN)
def test_written_descriptions_of_consulates_and_embassies(text, expected):
    assert [(w.name, w.value, w.named) for w in written_descriptions(text)] == expected


@pytest.mark.parametrize("text,key", [
    ("Consulate General of Norway", "consulate of Norway"),
    ("the Rome consulate of Norway", "consulate of Norway"),
    ("the Norwegian embassy", "embassy of Norway"),
    ("the Norwegian consulate", "consulate of Norway"),
    ("the Royal Norwegian Embassy", "embassy of Norway"),
    ("the Rome intelligence agency", None),    # a place before a head that is no place
    ("the Trump administration", None),
    ("Consulate General", None),
])
def test_keys_of_consulates_and_embassies(text, key):
    assert description_key(text) == key


CONSULATE = "consulate of Norway"
PLACE_RUNS = [
    # (names, described triples, groups expected together, pairs expected apart)
    # the one named consulate of the run takes the descriptions of its key
    ([("Consulate General of Norway", "ORG", 1), ("Norwegian consulate", "FAC", 6),
      ("Rome consulate of Norway", "FAC", 1)],
     [("Consulate General of Norway", CONSULATE + " in rome", True),
      ("Norwegian consulate", CONSULATE + " in rome", False), ("Norwegian consulate", CONSULATE, False),
      ("Rome consulate of Norway", CONSULATE + " in rome", False)],
     [{"Consulate General of Norway", "Norwegian consulate", "Rome consulate of Norway"}], []),
    # a consulate is no embassy, and another country's consulate is another consulate
    ([("Consulate General of Norway", "ORG", 1), ("Norwegian embassy", "FAC", 2), ("Italian consulate", "FAC", 2)],
     [("Consulate General of Norway", CONSULATE, True), ("Norwegian embassy", "embassy of Norway", False),
      ("Italian consulate", "consulate of Italy", False)],
     [], [("Consulate General of Norway", "Norwegian embassy"), ("Consulate General of Norway", "Italian consulate")]),
    # consulates of one country in two cities: no description joins either
    ([("Consulate General of Norway", "ORG", 1), ("Norwegian consulate", "FAC", 3),
      ("Milan consulate of Norway", "FAC", 1)],
     [("Consulate General of Norway", CONSULATE + " in rome", True),
      ("Norwegian consulate", CONSULATE + " in rome", False),
      ("Milan consulate of Norway", CONSULATE + " in milan", False)],
     [], [("Consulate General of Norway", "Norwegian consulate"), ("Norwegian consulate", "Milan consulate of Norway"),
          ("Consulate General of Norway", "Milan consulate of Norway")]),
    # a mission written as the other kind with its town: the one mission of that country there,
    # only when the run always writes it with that town
    ([("Consulate General of Norway", "ORG", 1), ("Norwegian consulate", "FAC", 3),
      ("Norwegian embassy in Rome", "FAC", 1), ("Norwegian embassy", "FAC", 1)],
     [("Consulate General of Norway", CONSULATE + " in rome", True),
      ("Norwegian consulate", CONSULATE + " in rome", False),
      ("Norwegian embassy in Rome", "embassy of Norway in rome", False),
      ("Norwegian embassy", "embassy of Norway", False)],
     [{"Consulate General of Norway", "Norwegian consulate"}, {"Norwegian embassy in Rome", "Norwegian embassy"}],
     # an embassy the run also writes without its town may be the one in the capital
     [("Consulate General of Norway", "Norwegian embassy")]),
    ([("Consulate General of Norway", "ORG", 1), ("Norwegian consulate", "FAC", 3),
      ("Norwegian embassy in Rome", "FAC", 1)],
     [("Consulate General of Norway", CONSULATE + " in rome", True),
      ("Norwegian consulate", CONSULATE + " in rome", False),
      ("Norwegian embassy in Rome", "embassy of Norway in rome", False)],
     [{"Consulate General of Norway", "Norwegian consulate", "Norwegian embassy in Rome"}], []),
    # ... not in another town, nor when the other kind is in two towns, nor when the run
    # names a mission of the written kind
    ([("Consulate General of Norway", "ORG", 1), ("Norwegian embassy in Oslo", "FAC", 1)],
     [("Consulate General of Norway", CONSULATE + " in rome", True),
      ("Norwegian embassy in Oslo", "embassy of Norway in oslo", False)],
     [], [("Consulate General of Norway", "Norwegian embassy in Oslo")]),
    ([("Consulate General of Norway", "ORG", 1), ("Norwegian consulate in Milan", "FAC", 1),
      ("Norwegian embassy in Rome", "FAC", 1)],
     [("Consulate General of Norway", CONSULATE + " in rome", True),
      ("Norwegian consulate in Milan", CONSULATE + " in milan", False),
      ("Norwegian embassy in Rome", "embassy of Norway in rome", False)],
     [], [("Consulate General of Norway", "Norwegian embassy in Rome")]),
    ([("Consulate General of Norway", "ORG", 1), ("Embassy of Norway", "ORG", 1),
      ("Norwegian embassy in Rome", "FAC", 1)],
     [("Consulate General of Norway", CONSULATE + " in rome", True),
      ("Embassy of Norway", "embassy of Norway in rome", True),
      ("Norwegian embassy in Rome", "embassy of Norway in rome", False)],
     [{"Embassy of Norway", "Norwegian embassy in Rome"}], [("Consulate General of Norway", "Norwegian embassy in Rome")]),
    # another country's mission in that town is another mission
    ([("Consulate General of Norway", "ORG", 1), ("Swedish embassy in Rome", "FAC", 1)],
     [("Consulate General of Norway", CONSULATE + " in rome", True),
      ("Swedish embassy in Rome", "embassy of Sweden in rome", False)],
     [], [("Consulate General of Norway", "Swedish embassy in Rome")]),
    # two named consulates of one country: the description goes to neither
    ([("Consulate General of Norway", "ORG", 1), ("Royal Norwegian Consulate", "ORG", 1),
      ("Norwegian consulate", "FAC", 3)],
     [("Consulate General of Norway", CONSULATE, True), ("Royal Norwegian Consulate", CONSULATE, True),
      ("Norwegian consulate", CONSULATE, False)],
     [], [("Consulate General of Norway", "Norwegian consulate"), ("Royal Norwegian Consulate", "Norwegian consulate")]),
]


@pytest.mark.parametrize("names,described,together,apart", PLACE_RUNS)
def test_consulates_across_documents(names, described, together, apart):
    test_descriptions_across_documents(names, described, together, apart)


def test_the_stage_names_a_consulate_by_its_description():
    import factx.pipeline  # noqa: F401  (registers the extensions)
    from factx.stages.descriptions import description_facts
    from factx.stages.mentions import link_mentions

    from conftest import doc_with_ents

    text = ("He entered the Norwegian consulate in Rome on Tuesday. "
            "He was choked inside the Consulate General of Norway in Rome. "
            "The Kenyan embassy in October said so.")
    doc = doc_with_ents(text, [("Rome", "GPE"), ("Consulate General of Norway", "ORG"), ("Rome", "GPE")])
    for token in doc:
        token.is_sent_start = token.i == 0 or doc[token.i - 1].text == "."
    doc._.mentions = link_mentions(doc)
    doc._.facts = []
    facts = [(f.name, f.name_type, f.attribute, f.value, f.rule) for f in description_facts(doc)]
    assert facts == [
        # the place the document names after it is part of its in-document name and key;
        # the spelling is the words as written
        ("Norwegian consulate in Rome", "FAC", "name", "Norwegian consulate", "description.written"),
        ("Norwegian consulate in Rome", "FAC", "description", "consulate of Norway in rome", "description.written"),
        # the model's name holds it: no second name fact, a tie of the key to the name
        ("Consulate General of Norway", "FAC", "description", "consulate of Norway in rome", "description.name"),
        # "in October" is no place
        ("Kenyan embassy", "FAC", "name", "Kenyan embassy", "description.written"),
        ("Kenyan embassy", "FAC", "description", "embassy of Kenya", "description.written")]


def test_the_stage_names_an_embassy_written_with_a_and_its_town():
    import factx.pipeline  # noqa: F401  (registers the extensions)
    from factx.stages.descriptions import description_facts
    from factx.stages.mentions import link_mentions

    from conftest import doc_with_ents

    text = ("He entered a Norwegian embassy in Rome on Tuesday. "
            "He visited a Kenyan embassy in Europe. "
            "She left a Swedish embassy in October.")
    doc = doc_with_ents(text, [("Rome", "GPE"), ("Europe", "LOC")])
    for token in doc:
        token.is_sent_start = token.i == 0 or doc[token.i - 1].text == "."
    doc._.mentions = link_mentions(doc)
    doc._.facts = []
    facts = [(f.name, f.attribute, f.value) for f in description_facts(doc)]
    # the town makes it one; a continent or no place leaves "a ... embassy" one of several
    assert facts == [("Norwegian embassy in Rome", "name", "Norwegian embassy"),
                     ("Norwegian embassy in Rome", "description", "embassy of Norway in rome")]
