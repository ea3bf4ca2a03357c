"""Linking rules of factx.event_links added in session 11, on invented runs: kinds news
uses for one event, an event placed only at a country, a venue named after its town,
and the name a linked event goes by.

Each linking row gives the event names of a run with what their facts say, the
`located_in` pairs the run states, and the groups that must come out (names in one group
are one event; names in different groups stay apart).
"""

from __future__ import annotations

import pytest

from factx.event_links import link_events
from factx.event_places import canonical_event_name, run_places, venues_named_after
from factx.events import EventInfo, RunEvents, event_kinds
from factx.rules import load_rules

from test_events_linking import ev as _ev, groups

DAY = "2031-03-04"


def ev(name, kind, *, published=(DAY,), **kw):
    """An event of the run, published on DAY unless told (the run builder of test_events_linking)."""
    return _ev(name, kind, published=published, **kw)


LINKS = [
    # -- an event placed only at a country: the one dated event of its kind placed narrower
    ("country and village, one day",
     [ev("derailment in Chile", "derailment", places=["Chile"], dates=[DAY]),
      ev("derailment in Pindo", "derailment", places=["Pindo"], dates=[DAY])], [],
     [{"derailment in Chile", "derailment in Pindo"}]),
    ("country and village, the next night",
     [ev("explosion in Chile", "explosion", places=["Chile"], dates=["2031-03-05"]),
      ev("explosion in Pindo", "explosion", places=["Pindo"], dates=["2031-03-04TNI"])], [],
     [{"explosion in Chile", "explosion in Pindo"}]),
    ("country, village and its district",
     [ev("derailment in Chile", "derailment", places=["Chile"], dates=[DAY]),
      ev("derailment in Pindo", "derailment", places=["Pindo"], dates=[DAY]),
      ev("accident in Mersa region", "accident", places=["Mersa region"])], [("Pindo", "Mersa region")],
     [{"derailment in Chile", "derailment in Pindo", "accident in Mersa region"}]),
    ("country undated: apart",
     [ev("derailment in Chile", "derailment", places=["Chile"]),
      ev("derailment in Pindo", "derailment", places=["Pindo"], dates=[DAY])], [],
     [{"derailment in Chile"}, {"derailment in Pindo"}]),
    ("village undated: apart",
     [ev("derailment in Chile", "derailment", places=["Chile"], dates=[DAY]),
      ev("derailment in Pindo", "derailment", places=["Pindo"])], [],
     [{"derailment in Chile"}, {"derailment in Pindo"}]),
    ("days apart: apart",
     [ev("leak in Chile", "leak", places=["Chile"], dates=["2031-03-04"]),
      ev("leak in Pindo", "leak", places=["Pindo"], dates=["2031-03-20"])], [],
     [{"leak in Chile"}, {"leak in Pindo"}]),
    ("two villages: the country's event is ambiguous",
     [ev("stampede in Chile", "stampede", places=["Chile"], dates=[DAY]),
      ev("stampede in Pindo", "stampede", places=["Pindo"], dates=[DAY]),
      ev("stampede in Mersa", "stampede", places=["Mersa"], dates=[DAY])], [],
     [{"stampede in Chile"}, {"stampede in Mersa"}, {"stampede in Pindo"}]),
    ("village in another country: apart",
     [ev("derailment in Chile", "derailment", places=["Chile"], dates=[DAY]),
      ev("derailment in Pindo", "derailment", places=["Pindo"], dates=[DAY])], [("Pindo", "Peru")],
     [{"derailment in Chile"}, {"derailment in Pindo"}]),
    ("another kind: apart",
     [ev("fire in Chile", "fire", places=["Chile"], dates=[DAY]),
      ev("floods in Pindo", "floods", places=["Pindo"], dates=[DAY])], [],
     [{"fire in Chile"}, {"floods in Pindo"}]),
    # -- kinds news uses for one event (rules/events.yml same_as)
    ("derailment told as an accident",
     [ev("derailment in Pindo", "derailment", places=["Pindo"], dates=[DAY]),
      ev("accident in Pindo", "accident", places=["Pindo"], dates=[DAY])], [],
     [{"derailment in Pindo", "accident in Pindo"}]),
    # -- a venue named after its town lies in it
    ("prison named after its town",
     [ev("fire in Regional Detention Centre of Pindo", "fire", places=["Regional Detention Centre of Pindo"],
         venues=["Regional Detention Centre of Pindo"], dates=[DAY]),
      ev("fire in Pindo", "fire", places=["Pindo"], dates=[DAY]),
      ev("fire in Mersa", "fire", places=["Mersa"], dates=[DAY])], [("Pindo", "Chile"), ("Mersa", "Peru")],
     [{"fire in Mersa"}, {"fire in Pindo", "fire in Regional Detention Centre of Pindo"}]),
    ("prison named after another town",
     [ev("fire in Regional Detention Centre of Karsk", "fire", places=["Regional Detention Centre of Karsk"],
         venues=["Regional Detention Centre of Karsk"], dates=[DAY]),
      ev("fire in Pindo", "fire", places=["Pindo"], dates=[DAY]),
      ev("fire in Mersa", "fire", places=["Mersa"], dates=[DAY])], [("Pindo", "Chile"), ("Mersa", "Peru")],
     [{"fire in Mersa"}, {"fire in Pindo"}, {"fire in Regional Detention Centre of Karsk"}]),
]


@pytest.mark.parametrize("label,infos,located,want", LINKS, ids=[row[0] for row in LINKS])
def test_links(label, infos, located, want):
    got = groups(link_events(infos, located=tuple(located)), [i.name for i in infos])
    assert got == sorted((frozenset(g) for g in want), key=sorted)


NAMED_AFTER = [
    ("Regional Detention Centre of Pindo", ["Pindo"], [("Regional Detention Centre of Pindo", "Pindo")]),
    ("Port Arden General Hospital", ["Port Arden"], [("Port Arden General Hospital", "Port Arden")]),
    ("Karsk Hall", ["North Karsk"], []),         # a part of the town's name is not its name
    ("Pindovar Arena", ["Pindo"], []),           # nor a part of a word
    ("Chile House", ["Chile"], []),              # a country is no town a venue is named after
    ("Mersa Hall", ["Pindo"], []),
]


@pytest.mark.parametrize("venue,towns,want", NAMED_AFTER)
def test_venues_named_after(venue, towns, want):
    infos = [EventInfo(f"fire in {venue}", frozenset({"fire"}), places=(venue,), venues=(venue,))]
    infos += [EventInfo(f"fire in {t}", frozenset({"fire"}), places=(t,)) for t in towns]
    assert venues_named_after(infos, run_places(load_rules(), ())) == want


NAMES = [
    # a count's kind never names the event it counts for
    ({"arrests in Velmora Police Headquarters": 1, "explosion in Velmora": 1}, (), "explosion in Velmora"),
    ({"deaths in Velmora": 3, "floods in Velmora": 1}, (), "floods in Velmora"),
    ({"arrests in Velmora Police Headquarters": 1, "explosion in Karsk": 1, "explosion in Velmora": 2}, (),
     "explosion in Velmora"),
    # its own name comes first: the resolver chooses
    ({"Storm Belen": 1, "deaths in Velmora": 2}, (), None),
    # no count's kind and no nesting: the resolver chooses
    ({"explosion in Velmora": 2, "explosion in Karsk": 1}, (), None),
    # the narrowest place: a village not known to be elsewhere is in the country
    ({"derailment in Chile": 2, "derailment in Pindo": 1}, (), "derailment in Pindo"),
    ({"derailment in Chile": 2, "derailment in Pindo": 1}, (("Pindo", "Peru"),), None),
    ({"accident in Mersa region": 1, "derailment in Pindo": 1, "derailment in Chile": 1}, (("Pindo", "Mersa region"),),
     "derailment in Pindo"),
]


@pytest.mark.parametrize("spellings,located,want", NAMES)
def test_canonical_event_name(spellings, located, want):
    assert canonical_event_name(spellings, load_rules(), RunEvents({}, tuple(located))) == want


KINDS = [
    ({"derailment"}, {"accident"}, True),
    ({"derailment"}, {"crash"}, True),
    ({"accident"}, {"crash"}, True),
    ({"derailment"}, {"explosion"}, False),
    ({"leak"}, {"explosion"}, False),
]


@pytest.mark.parametrize("a,b,want", KINDS)
def test_kinds_news_uses_for_one_event(a, b, want):
    kinds = event_kinds(load_rules())
    assert kinds.compatible(a, b) is want and kinds.compatible(b, a) is want


NOUNS = [
    ("leak", ["leak", "chlorine leak", "spill", "chemical spill", "gas cloud"]),
    ("explosion", ["explosion", "blast"]),
    ("earthquake", ["earthquake", "quake", "tremor"]),
]


@pytest.mark.parametrize("kind,nouns", NOUNS)
def test_event_nouns(kind, nouns):
    rule = next(r for r in load_rules().get("events") if r["kind"] == kind)
    assert set(nouns) <= set(rule["nouns"])
