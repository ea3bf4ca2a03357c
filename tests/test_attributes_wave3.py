"""Tolls denied, corrected and caused (issue 11, wave 3): table-driven, text → facts, real model.

Each row: a text on an invented story (published 2023-05-12, a Friday), the facts that
must come out as (entity, attribute, value, {said_by, polarity, modality}) and the facts
that must not (a predicate over a fact). Rows cover:

- a denial whose complement is a count denies the count, never the event's place
  ('denied that the toll of the floods in X had reached N'), and so do a dismissal of
  'the figure of N' and 'the toll was not N';
- a correction of an earlier report's count ('adjusting the numbers from a previous
  report that said N were dead') takes that count back: denied, by who corrects it;
- named storms are events ('Storm X', 'storm X', 'X, a strong storm'); a storm is the
  cause of the floods or landslides it brings, and their deaths are that disaster's
  toll, not the storm's, when the document tells of the disaster;
- a region in front of a storm or a town ('a Mediterranean storm', 'the Baltic city')
  names where it formed or what it is like, never where the event happened;
- a count of somewhere else ('also killed 20 people elsewhere') is not the event's toll;
- tolls in the phrasings news uses: 'the toll reached N', 'claimed N lives', 'N were
  feared to be missing', counts of the missing conjoined with the dead.
"""

from __future__ import annotations

import pytest

from factx.records import Article

pytestmark = pytest.mark.model

PUBLISHED = "2023-05-12"
DENIED = {"polarity": "denied"}


@pytest.fixture(scope="module")
def run(nlp):
    from factx.pipeline import make_doc

    def facts_of(text: str):
        doc = nlp(make_doc(nlp, Article("test", text, published=PUBLISHED)))
        return list(doc._.facts)

    return facts_of


def _has(facts, entity, attribute, value, **extra):
    return any(f.name == entity and f.attribute == attribute and f.value == value
               and all(getattr(f, k) == v for k, v in extra.items()) for f in facts)


def _show(facts):
    return "\n".join(f"{f.name} | {f.attribute} | {f.value!r} | {f.polarity} {f.modality} "
                     f"by={f.said_by} [{f.rule}]" for f in facts)


COUNT_DENIALS = [
    # the complement of the denial is a count: the count is denied, by the denier; the
    # floods in Karsk are what both sides talk about (presupposed), not what is denied
    ("Floods hit the town of Karsk on Monday. The spokesman for the Varnian Red Cross, Tom Brand, denied that "
     "the death toll of the floods in Karsk had reached 9,400.",
     [("floods in Karsk", "killed_count", 9400, DENIED)],
     [("the place is not denied", lambda f: f.attribute == "place" and f.polarity == "denied"),
      ("no affirmed 9,400", lambda f: f.value == 9400 and f.polarity == "affirmed")]),
    ("An earthquake struck Marsa on Tuesday. The ministry dismissed the figure of 500 dead.",
     [("earthquake in Marsa", "killed_count", 500, {"polarity": "denied", "said_by": "ministry"})], []),
    ("An earthquake struck Marsa on Tuesday. The death toll was not 300, the mayor said.",
     [("earthquake in Marsa", "killed_count", 300, {"polarity": "denied", "said_by": "mayor"})], []),
    # a denial of a death still denies the death, and the raid it happened in stays affirmed
    ("The militia denied that its commander Rafe Dunn was killed in the raid in Tolo.",
     [("Rafe Dunn", "death", "killed", DENIED)],
     [("the raid is not denied", lambda f: f.name.startswith("raid") and f.attribute == "place"
       and f.polarity == "denied")]),
]

CORRECTIONS = [
    # an earlier report's count, corrected: taken back by who corrects it
    ("The relief agency said that the floods in Karsk left 3,100 people dead (adjusting the numbers from a previous "
     "report that said 8,200 were dead).",
     [("floods in Karsk", "killed_count", 3100, {"said_by": "relief agency"}),
      ("floods in Karsk", "killed_count", 8200, {"polarity": "denied"})],
     [("8,200 is not affirmed", lambda f: f.value == 8200 and f.polarity == "affirmed")]),
    ("Officials revised an earlier figure that said 90 people had died in the landslide in Gora.",
     [("landslide in Gora", "killed_count", 90, DENIED)],
     [("90 is not affirmed", lambda f: f.value == 90 and f.polarity == "affirmed")]),
    # an update is no correction of what it updates to
    ("Officials said the toll of the landslide in Gora had risen to 120.",
     [("landslide in Gora", "killed_count", 120, {"polarity": "affirmed"})], []),
]

STORMS = [
    # a named storm is an event, also with its name word in lower case
    ("Storm Orla made landfall in Varnia on Sunday, killing 12 people.",
     [("Storm Orla", "killed_count", 12, {}), ("Storm Orla", "date", "2023-05-07", {}),
      ("Storm Orla", "place", "Varnia", {})], []),
    ("As storm Orla pounded the coast of Varnia on Monday, the floods in Karsk killed 40 people.",
     [("Storm Orla", "date", "2023-05-08", {}), ("floods in Karsk", "killed_count", 40, {})], []),
    # the storm caused the floods: the deaths are the floods', the storm is their cause
    ("The floods in Karsk were caused by storm Orla. At least 1,000 bodies had been recovered in Karsk after "
     "Storm Orla barrelled across the sea.",
     [("floods in Karsk", "killed_count", ">=1000", {}), ("floods in Karsk", "cause", "Storm Orla", {})],
     [("no toll on the storm", lambda f: f.name == "Storm Orla" and f.attribute == "killed_count")]),
    ("Heavy rains from Storm Orla caused floods in Karsk on Monday. The Red Cross said Storm Orla has already "
     "claimed at least 150 lives in Karsk.",
     [("floods in Karsk", "killed_count", ">=150", {"said_by": "Red Cross"})],
     [("no toll on the storm", lambda f: f.name == "Storm Orla" and f.attribute == "killed_count")]),
    # a storm that brought no other disaster the document tells of: its own toll
    ("Cyclone Pemba killed at least 23 people in Nalo on Thursday, officials said.",
     [("Cyclone Pemba", "killed_count", ">=23", {"said_by": "officials"})], []),
    # a storm named by apposition: the storm's name with its word in front
    ("Orla, an unusually strong storm, killed 12 people in Varnia on Sunday.",
     [("Storm Orla", "name", "Orla", {}), ("Storm Orla", "killed_count", 12, {})],
     [("the storm is no place", lambda f: f.attribute == "place" and f.value == "Orla")]),
    # a region in front of the storm that caused the floods is neither the floods' place nor the storm's
    ("As many as 2,000 people are feared dead following the floods in Karsk caused by Mediterranean storm Orla.",
     [("floods in Karsk", "killed_count", "<=2000", {"modality": "hedged"})],
     [("no Mediterranean place", lambda f: f.attribute == "place" and f.value == "Mediterranean")]),
    ("A Mediterranean storm hit the coast of Varnia on Sunday, killing 12 people.",
     [], [("no Mediterranean place", lambda f: f.attribute == "place" and f.value == "Mediterranean")]),
]

PLACES_AND_TOLLS = [
    # a region in front of a town describes it: the town is the one named before
    ("Floods hit Karsk on Monday. A further 4,100 people are reported missing in the Baltic city.",
     [("floods in Karsk", "missing_count", 4100, {"modality": "hedged"})],
     [("no Baltic place", lambda f: "Baltic" in f.name or f.value == "Baltic")]),
    # a count of somewhere else is not the event's toll
    ("The floods in Karsk killed 900 people. The storm also killed about 40 people elsewhere in the country.",
     [("floods in Karsk", "killed_count", 900, {})],
     [("not the toll", lambda f: f.attribute == "killed_count" and f.value in ("~40", 40))]),
    # the toll reached a number; a hedged one
    ("The mayor said the death toll of the floods in Karsk could reach 20,000.",
     [("floods in Karsk", "killed_count", 20000, {"said_by": "mayor", "modality": "hedged"})], []),
    ("The death toll from the earthquake in Marsa has topped 1,200, officials said.",
     [("earthquake in Marsa", "killed_count", ">1200", {"said_by": "officials"})], []),
    # the missing, conjoined with the dead: each its own number
    ("Rescuers said the floods in Karsk left 300 people dead and over 1,100 missing.",
     [("floods in Karsk", "killed_count", 300, {}), ("floods in Karsk", "missing_count", ">1100", {})],
     [("300 are not missing", lambda f: f.attribute == "missing_count" and f.value == 300)]),
    ("After the floods in Karsk, the Red Cross said 10,000 people were feared to be missing.",
     [("floods in Karsk", "missing_count", 10000, {"said_by": "Red Cross", "modality": "hedged"})], []),
    # a relative clause's speakers give the count
    ("The toll of the floods in Karsk could be in the thousands, echoing reports from local leaders who said "
     "2,800 people had died.",
     [("floods in Karsk", "killed_count", 2800, {"said_by": "local leaders"})], []),
]


@pytest.mark.parametrize("text,expected,absent", COUNT_DENIALS + CORRECTIONS + STORMS + PLACES_AND_TOLLS)
def test_wave3(run, text, expected, absent):
    facts = run(text)
    for entity, attribute, value, extra in expected:
        assert _has(facts, entity, attribute, value, **extra), \
            f"missing {entity} | {attribute} | {value!r} {extra}\n{_show(facts)}"
    for why, bad in absent:
        assert not any(bad(f) for f in facts), f"{why}\n{_show(facts)}"


STORM_NAMES = [
    ("after Storm Orla hit", "Storm Orla", "ORG", "EVENT"),
    ("Hurricane Ivo", "Hurricane Ivo", "PERSON", "EVENT"),
    ("Tropical Storm Ana", "Tropical Storm Ana", "ORG", "EVENT"),
    # not a storm's name: a word that only begins with one, a name word alone
    ("Stormont Castle", "Stormont Castle", "ORG", None),
    ("the Storm", "Storm", "ORG", None),
]


@pytest.mark.parametrize("text,name,label,want", STORM_NAMES)
def test_storm_names_are_events(text, name, label, want):
    """A name that begins with a storm's name word (events.yml `names`) is an EVENT,
    whatever label the model gave it."""
    from factx.stages.mentions import mention_rules, rule_label

    start = text.index(name)
    assert rule_label(text, start, start + len(name), label, mention_rules()) == want
