"""Events across a run (factx.event_links): which event names are one event, on invented stories.

Each row gives the event names of a run with what their facts say (kinds, places, dates,
publication dates, how many documents), the `located_in` pairs the run states, and the
events that must come out: names in one group are one event, names in different groups
must stay apart.
"""

from __future__ import annotations

import pytest

from factx.event_links import link_events
from factx.events import EventInfo, event_name, flight_number, name_year, place_key, split_event_name


def ev(name, kind=None, *, places=(), dates=(), published=(), named=False, docs=1, background=False, venues=()):
    kinds = frozenset({kind} if isinstance(kind, str) else kind or ())
    return EventInfo(name, kinds, named, tuple(places), tuple(dates), tuple(published), docs, background,
                     tuple(venues))


def venue(name, kind, place, **kw):
    """An event at a facility the run types FAC (a hall, a café)."""
    return ev(name, kind, places=[place], venues=[place], **kw)


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
    ("admin words", [ev("floods in Ardella", "floods", places=["Ardella"]),
                     ev("floods in Ardella province", "floods", places=["Ardella province"])], [],
     [{"floods in Ardella", "floods in Ardella province"}]),
    # a country and its capital (rules/capitals.yml), a country and a town the run places in it
    ("capital", [ev("explosion in Asuncion", "explosion", places=["Asuncion"]),
                 ev("explosion in Paraguay", "explosion", places=["Paraguay"])], [],
     [{"explosion in Asuncion", "explosion in Paraguay"}]),
    ("located_in", [ev("floods in Callora", "floods", places=["Callora"], docs=3),
                    ev("floods in Bolivia", "floods", places=["Bolivia"])], [("Callora", "Bolivia")],
     [{"floods in Callora", "floods in Bolivia"}]),
    # a chain: village in town in country, each level named by some outlet
    ("chain", [ev("floods in Pindo", "floods", places=["Pindo"]), ev("floods in Mersa", "floods", places=["Mersa"]),
               ev("floods in Chile", "floods", places=["Chile"])], [("Pindo", "Mersa"), ("Mersa", "Chile")],
     [{"floods in Pindo", "floods in Mersa", "floods in Chile"}]),
    # kinds the rules call one (a crash and an accident)
    ("same_as kinds", [ev("crash in Tobra", "crash", places=["Tobra"]),
                       ev("accident in Tobra", "accident", places=["Tobra"])], [],
     [{"crash in Tobra", "accident in Tobra"}]),
    # a flight whatever the spelling; its descriptions without a place join it
    ("flight", [ev("Flight 614", "crash", named=True, places=["Halsey"], docs=3),
                ev("Norvia Air Flight 614", named=True), ev("crash", "crash"),
                ev("crash in Hollin", "crash", places=["Hollin"])], [],
     [{"Flight 614", "Norvia Air Flight 614", "crash", "crash in Hollin"}]),
    # a named storm takes the unplaced 'the storm'
    ("named storm", [ev("Storm Belen", "storm", named=True, places=["Quillan"], dates=["2023-05-07"]),
                     ev("storm", "storm", published=["2023-05-09"])], [],
     [{"Storm Belen", "storm"}]),
    # a count's event joins the one event at its place
    ("count", [ev("explosion in Fenwick", "explosion", places=["Fenwick"]),
               ev("deaths in Fenwick", "deaths", places=["Fenwick"])], [],
     [{"explosion in Fenwick", "deaths in Fenwick"}]),
    # deaths where a storm brought floods are the floods' (events.yml `brings`), not the storm's
    ("brought", [ev("floods in Karsk", "floods", places=["Karsk", "Varnia"], docs=4),
                 ev("Storm Orla", "storm", named=True, places=["Varnia"], docs=5),
                 ev("deaths in Karsk", "deaths", places=["Karsk"])], [("Karsk", "Varnia")],
     [{"floods in Karsk", "deaths in Karsk"}, {"Storm Orla"}]),
    # the one event of the run takes a description placed where nothing is known
    ("loose", [ev("airstrike in Rhen", "airstrike", places=["Rhen"], docs=5),
               ev("airstrike in Maunt", "airstrike", places=["Maunt"])], [],
     [{"airstrike in Rhen", "airstrike in Maunt"}]),
    # dates a day apart (time zones) are one event
    ("a day apart", [ev("earthquake in Barsa", "earthquake", places=["Barsa"], dates=["2023-05-08"]),
                     ev("earthquake in Turkey", "earthquake", places=["Turkey"], dates=["2023-05-09"])],
     [("Barsa", "Turkey")], [{"earthquake in Barsa", "earthquake in Turkey"}]),
    # a venue the run places in a town is inside it: the town's fire is the venue's
    ("venue located", [venue("fire in Zarvo Hall", "fire", "Zarvo Hall", dates=["2023-05-08"], docs=2),
                       ev("fire in Kessarin", "fire", places=["Kessarin"], dates=["2023-05-08"], docs=3)],
     [("Zarvo Hall", "Kessarin")], [{"fire in Zarvo Hall", "fire in Kessarin"}]),
    # no document says where the venue is: its one fire is the town's one fire of those days
    ("venue unplaced", [venue("fire in Zarvo Hall", "fire", "Zarvo Hall", dates=["2023-05-08"], docs=2),
                        ev("fire in Kessarin", "fire", places=["Kessarin", "Varnia"], dates=["2023-05-08"], docs=3),
                        ev("fire", "fire", published=["2023-05-09"])], [],
     [{"fire in Zarvo Hall", "fire in Kessarin", "fire"}]),
    ("venue cafe", [venue("siege in Café Moro", "hostage-taking", "Café Moro", published=["2023-05-09"]),
                    ev("siege in Tolbrook", "hostage-taking", places=["Tolbrook"], published=["2023-05-09"])], [],
     [{"siege in Café Moro", "siege in Tolbrook"}]),
]

MUST_NOT = [
    # two towns of one country: the country's event is ambiguous, and so left alone
    ("two towns", [ev("explosion in Asuncion", "explosion", places=["Asuncion"]),
                   ev("explosion in Encarna", "explosion", places=["Encarna"]),
                   ev("explosion in Paraguay", "explosion", places=["Paraguay"])], [("Encarna", "Paraguay")],
     [{"explosion in Encarna"}, {"explosion in Asuncion"}, {"explosion in Paraguay"}]),
    # a background event of the same kind and place, years before
    ("years apart", [ev("floods in Ostra", "floods", places=["Ostra"], published=["2023-09-12"]),
                     ev("floods in Ostra (2009)", "floods", places=["Ostra"], dates=["2009"],
                        published=["2023-09-12"])], [],
     [{"floods in Ostra"}, {"floods in Ostra (2009)"}]),
    # undated reports years apart
    ("reports years apart", [ev("fire in Ilora", "fire", places=["Ilora"], published=["2014-02-01"]),
                             ev("fire in Ilora province", "fire", places=["Ilora province"],
                                published=["2023-02-01"])], [],
     [{"fire in Ilora"}, {"fire in Ilora province"}]),
    # two countries
    ("countries", [ev("crash in Kenya", "crash", places=["Kenya"]),
                   ev("crash in Uganda", "crash", places=["Uganda"])], [],
     [{"crash in Kenya"}, {"crash in Uganda"}]),
    # other kinds at one place
    ("kinds", [ev("fire in Lodz", "fire", places=["Lodz"]), ev("explosion in Lodz", "explosion", places=["Lodz"])],
     [], [{"explosion in Lodz"}, {"fire in Lodz"}]),
    # a count's event with two events at its place joins neither
    ("count ambiguous", [ev("explosion in Fenwick", "explosion", places=["Fenwick"]),
                         ev("fire in Fenwick", "fire", places=["Fenwick"]),
                         ev("deaths in Fenwick", "deaths", places=["Fenwick"])], [],
     [{"deaths in Fenwick"}, {"explosion in Fenwick"}, {"fire in Fenwick"}]),
    # an unplaced description with two placed events of its kind
    ("unplaced ambiguous", [ev("crash in Tobra", "crash", places=["Tobra"]),
                            ev("crash in Wenden", "crash", places=["Wenden"]), ev("crash", "crash")], [],
     [{"crash"}, {"crash in Tobra"}, {"crash in Wenden"}]),
    # two places nothing relates, neither more reported than the other
    ("two unknown towns", [ev("floods in Mersa", "floods", places=["Mersa"]),
                           ev("floods in Tirra", "floods", places=["Tirra"])], [],
     [{"floods in Tirra"}, {"floods in Mersa"}]),
    # a named background event (dated long before its reports) takes no undated description
    ("background", [ev("Operation Ember", "operation", named=True, places=["Rhen"], dates=["2001-09-11"],
                       published=["2019-10-08"], background=True),
                    ev("operation in Maunt", "operation", places=["Maunt"])], [],
     [{"Operation Ember"}, {"operation in Maunt"}]),
    # a place elsewhere than the named event's
    ("named elsewhere", [ev("Flight 88", "crash", named=True, places=["Nairobi", "Kenya"], docs=3),
                         ev("crash in Uganda", "crash", places=["Uganda"])], [],
     [{"Flight 88"}, {"crash in Uganda"}]),
    # two airlines' flights of one number
    ("two airlines", [ev("Norvia Air Flight 9", named=True), ev("Corvid Airlines Flight 9", named=True)], [],
     [{"Norvia Air Flight 9"}, {"Corvid Airlines Flight 9"}]),
    # two named events of one kind
    ("two storms", [ev("Storm Belen", "storm", named=True), ev("Storm Tavi", "storm", named=True),
                    ev("storm in Quillan", "storm", places=["Quillan"])], [],
     [{"Storm Belen"}, {"Storm Tavi"}, {"storm in Quillan"}]),
    # stated dates months apart
    ("months apart", [ev("earthquake in Barsa", "earthquake", places=["Barsa"], dates=["2023-02-06"]),
                      ev("earthquake in Barsa province", "earthquake", places=["Barsa province"],
                         dates=["2023-05-08"])], [],
     [{"earthquake in Barsa"}, {"earthquake in Barsa province"}]),
    # two venues with a fire each and one town: which venue the town's fire is, nothing tells
    ("two venues", [venue("fire in Zarvo Hall", "fire", "Zarvo Hall", dates=["2023-05-08"]),
                    venue("fire in Dunel Café", "fire", "Dunel Café", dates=["2023-05-08"]),
                    ev("fire in Kessarin", "fire", places=["Kessarin"], dates=["2023-05-08"])], [],
     [{"fire in Dunel Café"}, {"fire in Kessarin"}, {"fire in Zarvo Hall"}]),
    # one venue and two towns
    ("two towns for a venue", [venue("fire in Zarvo Hall", "fire", "Zarvo Hall", dates=["2023-05-08"]),
                               ev("fire in Kessarin", "fire", places=["Kessarin"], dates=["2023-05-08"]),
                               ev("fire in Ostra", "fire", places=["Ostra"], dates=["2023-05-08"])], [],
     [{"fire in Kessarin"}, {"fire in Ostra"}, {"fire in Zarvo Hall"}]),
    # two fires in one city on days apart: the venue's and the town's
    ("venue days apart", [venue("fire in Zarvo Hall", "fire", "Zarvo Hall", dates=["2023-05-08"]),
                          ev("fire in Kessarin", "fire", places=["Kessarin"], dates=["2023-05-20"])], [],
     [{"fire in Kessarin"}, {"fire in Zarvo Hall"}]),
    # the venue is placed in another country than the town's
    ("venue elsewhere", [venue("fire in Zarvo Hall", "fire", "Zarvo Hall", dates=["2023-05-08"]),
                         ev("fire in Uganda", "fire", places=["Uganda"], dates=["2023-05-08"])],
     [("Zarvo Hall", "Kenya")], [{"fire in Uganda"}, {"fire in Zarvo Hall"}]),
    # another kind at the venue
    ("venue other kind", [venue("explosion in Zarvo Hall", "explosion", "Zarvo Hall", dates=["2023-05-08"]),
                          ev("fire in Kessarin", "fire", places=["Kessarin"], dates=["2023-05-08"])], [],
     [{"explosion in Zarvo Hall"}, {"fire in Kessarin"}]),
    # two towns nothing relates, neither a venue: as before, apart
    ("no venue", [ev("fire in Mersa", "fire", places=["Mersa"], dates=["2023-05-08"]),
                  ev("fire in Tirra", "fire", places=["Tirra"], dates=["2023-05-08"])], [],
     [{"fire in Mersa"}, {"fire in Tirra"}]),
]


#: a story's raid told by kind alone in two documents, placed in two others, and an attack
#: of years before placed elsewhere: whatever the order of the names, the bare raid is the
#: placed raid's, and the old attack never joins a bare description
ORDERS = [ev("raid", "raid", dates=["XXXX-WXX-7TNI"], docs=2),
          ev("attack in Norland", "attack", places=["Norland"], dates=["2001-09-11"]),
          ev("raid in Varnia", "raid", places=["Varnia"], published=["2011-05-03"]),
          ev("attack in Varnia", "attack", places=["Varnia"])]


def test_linking_does_not_depend_on_the_order():
    import itertools

    names = [e.name for e in ORDERS]
    want = sorted([frozenset({"raid", "raid in Varnia", "attack in Varnia"}), frozenset({"attack in Norland"})],
                  key=sorted)
    for order in itertools.permutations(ORDERS):
        assert groups(link_events(list(order)), names) == want, [e.name for e in order]


@pytest.mark.parametrize("label, events, located, expected", MUST + MUST_NOT, ids=[r[0] for r in MUST + MUST_NOT])
def test_link_events(label, events, located, expected):
    names = [e.name for e in events]
    got = groups(link_events(events, located=located), names)
    assert got == sorted((frozenset(g) for g in expected), key=sorted)


def test_event_names():
    assert event_name("floods", "Ardella") == "floods in Ardella"
    assert event_name("floods", "Ardella", 2009) == "floods in Ardella (2009)"
    assert event_name("crash", None) == "crash"
    assert split_event_name("explosion in Port of Beirut") == ("explosion", "Port of Beirut")
    assert split_event_name("floods in Ardella (2009)") == ("floods", "Ardella")
    assert split_event_name("Flight 302") is None
    assert name_year("floods in Ardella (2009)") == 2009 and name_year("floods in Ardella") is None
    assert place_key("the Port of Beirut") == "beirut"
    assert [flight_number(n) for n in ("Flight ET302", "flight ET 302", "Norvia Air Flight 614", "Storm Belen")] \
        == ["302", "302", "614", None]


SPECIFIC = [
    # a town inside the country the other names give: the town
    (["floods in Varnia", "floods in Karsk", "floods in Varnia"], [("Karsk", "Varnia")], "floods in Karsk"),
    # the run does not say the town is in that country: no choice
    (["floods in Varnia", "floods in Karsk"], [], None),
    # two towns of one country: neither contains the other
    (["floods in Karsk", "floods in Tolo", "floods in Varnia"], [("Karsk", "Varnia"), ("Tolo", "Varnia")], None),
    # the run's facts put each inside the other: they tell nothing
    (["floods in Varnia", "floods in Karsk"], [("Karsk", "Varnia"), ("Varnia", "Karsk")], None),
    # the event's own kind before a count's ('deaths in X')
    (["deaths in Karsk", "floods in Varnia", "floods in Karsk"], [("Karsk", "Varnia")], "floods in Karsk"),
    # one place only
    (["floods in Karsk", "Karsk floods"], [], None),
    # a count's kind at the town never names what a real kind names at the country
    (["disappearances in Karsk", "earthquake in Varnia"], [("Karsk", "Varnia")], "earthquake in Varnia"),
    (["deaths in Karsk", "injuries in Karsk", "explosion in Varnia"], [("Karsk", "Varnia")],
     "explosion in Varnia"),
    # two real kinds at places not nested: the counts' town is no choice either
    (["deaths in Karsk", "floods in Varnia", "floods in Tolo"], [("Karsk", "Varnia")], None),
]


@pytest.mark.parametrize("names,located,want", SPECIFIC)
def test_specific_name(names, located, want):
    from factx.event_places import specific_name
    from factx.events import RunEvents
    from factx.rules import load_rules

    assert specific_name(names, load_rules(), RunEvents({}, tuple(located))) == want


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31"])
def test_publication_dates_at_the_calendar_edge_link_without_overflow(published):
    """A crawler's '9999-12-31' or '0001-01-01' has no day after or before it: the times
    are reckoned in day numbers (it used to raise OverflowError and stop the run)."""
    events = [EventInfo("explosion in Port Arden", frozenset({"explosion"}), places=("Port Arden",),
                        published=(published,)),
              EventInfo("explosion", frozenset({"explosion"}), published=(published,)),
              EventInfo("explosion in Velmora", frozenset({"explosion"}), places=("Velmora",),
                        dates=(published,), published=(published,))]
    pairs = link_events(events)
    assert ("explosion in Port Arden", "explosion") not in pairs  # two placed explosions: ambiguous


@pytest.mark.parametrize("published", [("9999-12-31",), ("0001-01-01",), ("0001-01-01", "9999-12-31")])
def test_undated_events_published_at_the_calendars_ends_have_a_span(published) -> None:
    # the report window before the first day and the day after the last reach past the calendar
    from factx.events import event_span
    span, stated = event_span(EventInfo("floods in Karsk", published=published))
    assert span is not None and span[0] < span[1] and not stated
