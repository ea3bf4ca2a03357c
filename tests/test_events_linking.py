"""Events across a run (factx.events): which event names are one event, on invented stories.

Each row gives the event names of a run with what their facts say (kinds, places, dates,
publication dates, how many documents), the `located_in` pairs the run states, and the
events that must come out: names in one group are one event, names in different groups
must stay apart.
"""

from __future__ import annotations

import pytest

from factx.events import EventInfo, event_name, flight_number, link_events, name_year, place_key, split_event_name


def ev(name, kind=None, *, places=(), dates=(), published=(), named=False, docs=1, background=False):
    kinds = frozenset({kind} if isinstance(kind, str) else kind or ())
    return EventInfo(name, kinds, named, tuple(places), tuple(dates), tuple(published), docs, background)


def groups(pairs, names):
    parent = {n: n for n in names}

    def find(n):
        while parent[n] != n:
            n = parent[n]
        return n

    for a, b in pairs:
        parent[find(a)] = find(b)
    out = {}
    for n in names:
        out.setdefault(find(n), set()).add(n)
    return sorted((frozenset(g) for g in out.values()), key=sorted)


MUST = [
    # same place once administrative words are dropped
    ("admin words", [ev("floods in Vessa", "floods", places=["Vessa"]),
                     ev("floods in Vessa province", "floods", places=["Vessa province"])], [],
     [{"floods in Vessa", "floods in Vessa province"}]),
    # a country and its capital (rules/capitals.yml), a country and a town the run places in it
    ("capital", [ev("explosion in Lima", "explosion", places=["Lima"]),
                 ev("explosion in Peru", "explosion", places=["Peru"])], [],
     [{"explosion in Lima", "explosion in Peru"}]),
    ("located_in", [ev("floods in Tamarca", "floods", places=["Tamarca"], docs=3),
                    ev("floods in Peru", "floods", places=["Peru"])], [("Tamarca", "Peru")],
     [{"floods in Tamarca", "floods in Peru"}]),
    # a chain: village in town in country, each level named by some outlet
    ("chain", [ev("floods in Orra", "floods", places=["Orra"]), ev("floods in Mersa", "floods", places=["Mersa"]),
               ev("floods in Chile", "floods", places=["Chile"])], [("Orra", "Mersa"), ("Mersa", "Chile")],
     [{"floods in Orra", "floods in Mersa", "floods in Chile"}]),
    # kinds the rules call one (a crash and an accident)
    ("same_as kinds", [ev("crash in Kimbu", "crash", places=["Kimbu"]),
                       ev("accident in Kimbu", "accident", places=["Kimbu"])], [],
     [{"crash in Kimbu", "accident in Kimbu"}]),
    # a flight whatever the spelling; its descriptions without a place join it
    ("flight", [ev("Flight 417", "crash", named=True, places=["Dunmore"], docs=3),
                ev("Arvel Air Flight 417", named=True), ev("crash", "crash"),
                ev("crash in Hollin", "crash", places=["Hollin"])], [],
     [{"Flight 417", "Arvel Air Flight 417", "crash", "crash in Hollin"}]),
    # a named storm takes the unplaced 'the storm'
    ("named storm", [ev("Storm Kora", "storm", named=True, places=["Belvar"], dates=["2023-05-07"]),
                     ev("storm", "storm", published=["2023-05-09"])], [],
     [{"Storm Kora", "storm"}]),
    # a count's event joins the one event at its place
    ("count", [ev("explosion in Marrow", "explosion", places=["Marrow"]),
               ev("deaths in Marrow", "deaths", places=["Marrow"])], [],
     [{"explosion in Marrow", "deaths in Marrow"}]),
    # the one event of the run takes a description placed where nothing is known
    ("loose", [ev("airstrike in Kessa", "airstrike", places=["Kessa"], docs=5),
               ev("airstrike in Dorval", "airstrike", places=["Dorval"])], [],
     [{"airstrike in Kessa", "airstrike in Dorval"}]),
    # dates a day apart (time zones) are one event
    ("a day apart", [ev("earthquake in Karsu", "earthquake", places=["Karsu"], dates=["2023-05-08"]),
                     ev("earthquake in Turkey", "earthquake", places=["Turkey"], dates=["2023-05-09"])],
     [("Karsu", "Turkey")], [{"earthquake in Karsu", "earthquake in Turkey"}]),
]

MUST_NOT = [
    # two towns of one country: the country's event is ambiguous, and so left alone
    ("two towns", [ev("explosion in Lima", "explosion", places=["Lima"]),
                   ev("explosion in Cusco", "explosion", places=["Cusco"]),
                   ev("explosion in Peru", "explosion", places=["Peru"])], [("Cusco", "Peru")],
     [{"explosion in Cusco"}, {"explosion in Lima"}, {"explosion in Peru"}]),
    # a background event of the same kind and place, years before
    ("years apart", [ev("floods in Ostra", "floods", places=["Ostra"], published=["2023-09-12"]),
                     ev("floods in Ostra (2009)", "floods", places=["Ostra"], dates=["2009"],
                        published=["2023-09-12"])], [],
     [{"floods in Ostra"}, {"floods in Ostra (2009)"}]),
    # undated reports years apart
    ("reports years apart", [ev("fire in Ebute", "fire", places=["Ebute"], published=["2014-02-01"]),
                             ev("fire in Ebute province", "fire", places=["Ebute province"],
                                published=["2023-02-01"])], [],
     [{"fire in Ebute"}, {"fire in Ebute province"}]),
    # two countries
    ("countries", [ev("crash in Kenya", "crash", places=["Kenya"]),
                   ev("crash in Uganda", "crash", places=["Uganda"])], [],
     [{"crash in Kenya"}, {"crash in Uganda"}]),
    # other kinds at one place
    ("kinds", [ev("fire in Lodz", "fire", places=["Lodz"]), ev("explosion in Lodz", "explosion", places=["Lodz"])],
     [], [{"explosion in Lodz"}, {"fire in Lodz"}]),
    # a count's event with two events at its place joins neither
    ("count ambiguous", [ev("explosion in Marrow", "explosion", places=["Marrow"]),
                         ev("fire in Marrow", "fire", places=["Marrow"]),
                         ev("deaths in Marrow", "deaths", places=["Marrow"])], [],
     [{"deaths in Marrow"}, {"explosion in Marrow"}, {"fire in Marrow"}]),
    # an unplaced description with two placed events of its kind
    ("unplaced ambiguous", [ev("crash in Kimbu", "crash", places=["Kimbu"]),
                            ev("crash in Velt", "crash", places=["Velt"]), ev("crash", "crash")], [],
     [{"crash"}, {"crash in Kimbu"}, {"crash in Velt"}]),
    # two places nothing relates, neither more reported than the other
    ("two unknown towns", [ev("floods in Mersa", "floods", places=["Mersa"]),
                           ev("floods in Lomo", "floods", places=["Lomo"])], [],
     [{"floods in Lomo"}, {"floods in Mersa"}]),
    # a named background event (dated long before its reports) takes no undated description
    ("background", [ev("Operation Ember", "operation", named=True, places=["Kessa"], dates=["2001-09-11"],
                       published=["2019-10-08"], background=True),
                    ev("operation in Dorval", "operation", places=["Dorval"])], [],
     [{"Operation Ember"}, {"operation in Dorval"}]),
    # a place elsewhere than the named event's
    ("named elsewhere", [ev("Flight 88", "crash", named=True, places=["Nairobi", "Kenya"], docs=3),
                         ev("crash in Uganda", "crash", places=["Uganda"])], [],
     [{"Flight 88"}, {"crash in Uganda"}]),
    # two airlines' flights of one number
    ("two airlines", [ev("Arvel Air Flight 9", named=True), ev("Kestrel Airlines Flight 9", named=True)], [],
     [{"Arvel Air Flight 9"}, {"Kestrel Airlines Flight 9"}]),
    # two named events of one kind
    ("two storms", [ev("Storm Kora", "storm", named=True), ev("Storm Lanni", "storm", named=True),
                    ev("storm in Belvar", "storm", places=["Belvar"])], [],
     [{"Storm Kora"}, {"Storm Lanni"}, {"storm in Belvar"}]),
    # stated dates months apart
    ("months apart", [ev("earthquake in Karsu", "earthquake", places=["Karsu"], dates=["2023-02-06"]),
                      ev("earthquake in Karsu province", "earthquake", places=["Karsu province"],
                         dates=["2023-05-08"])], [],
     [{"earthquake in Karsu"}, {"earthquake in Karsu province"}]),
]


@pytest.mark.parametrize("label, events, located, expected", MUST + MUST_NOT, ids=[r[0] for r in MUST + MUST_NOT])
def test_link_events(label, events, located, expected):
    names = [e.name for e in events]
    got = groups(link_events(events, located=located), names)
    assert got == sorted((frozenset(g) for g in expected), key=sorted)


def test_event_names():
    assert event_name("floods", "Vessa") == "floods in Vessa"
    assert event_name("floods", "Vessa", 2009) == "floods in Vessa (2009)"
    assert event_name("crash", None) == "crash"
    assert split_event_name("explosion in Port of Beirut") == ("explosion", "Port of Beirut")
    assert split_event_name("floods in Vessa (2009)") == ("floods", "Vessa")
    assert split_event_name("Flight 302") is None
    assert name_year("floods in Vessa (2009)") == 2009 and name_year("floods in Vessa") is None
    assert place_key("the Port of Beirut") == "beirut"
    assert [flight_number(n) for n in ("Flight ET302", "flight ET 302", "Arvel Air Flight 417", "Storm Kora")] \
        == ["302", "302", "417", None]
