"""Measures of an event (issues 11 and 12): magnitude, depth, winds, gusts, waves,
capacity, tickets sold, homes destroyed, carriages derailed; and counts of prisoners who
escaped and of arrests told after the event. Table-driven: invented
sentences through the real model, then the value model on the values they give.

Each row: a text (published 2023-05-12), the attribute, the values that must come out
on the text's event, and the values that must not.
"""

from __future__ import annotations

import pytest

from factx.stages.attributes.measures import measure_value
from factx.values import compare
from tests.fact_helpers import facts_runner, show

LEAD = {
    "quake": "A powerful earthquake struck southern Tarvonia on Monday, killing 12 people. ",
    "storm": "Cyclone Velko made landfall near Dorsk on Friday. ",
    "stampede": "Nine people were killed in a stampede at the Drelva Arena in Dorsk on Saturday. ",
    "train": "A passenger train derailed near Dorsk on Tuesday, killing 17 people. ",
    "fire": "A fire swept through the Velko hall in Dorsk on Saturday, killing nine people. ",
    "riot": "Eight inmates were killed in a riot at the Dorsk prison on Saturday. ",
    "siege": "A gunman killed three people after taking hostages in a cafe in Dorsk on Tuesday, police said. ",
}

MEASURES = [
    # the number after its noun, with or without units
    ("quake", "The quake had a magnitude of 6.9, the institute said.", "magnitude", [6.9], []),
    ("quake", "The magnitude 7.1 quake was felt in the capital.", "magnitude", [7.1], []),
    ("quake", "The 7.0-magnitude quake was felt in the capital.", "magnitude", [7], []),
    ("quake", "It struck at a depth of 38 km, the institute said.", "depth", ["38 km"], []),
    ("quake", "The institute revised the magnitude of the earthquake to 7.0 on Tuesday.", "magnitude", [7], []),
    ("quake", "Aftershocks shook the town through the night, the strongest of magnitude 5.2.",
     "magnitude", [], [5.2]),
    ("quake", "The earthquake destroyed more than 1,200 homes, officials said.", "homes_destroyed", [">1200"], []),
    ("quake", "Officials said 1,040 homes were destroyed.", "homes_destroyed", [1040], []),
    ("storm", "It brought sustained winds of 185 km/h and gusts of up to 250 km/h.",
     "max_sustained_wind", ["185 km/h"], []),
    ("storm", "It brought sustained winds of 185 km/h and gusts of up to 250 km/h.", "max_gusts", ["250 km/h"], []),
    ("storm", "Peak sustained winds before landfall were about 205 km/h, forecasters said.",
     "max_sustained_wind", ["~205 km/h"], []),
    ("storm", "Gusts of up to 230km/h tore roofs from houses.", "max_gusts", ["230 km/h"], []),
    ("storm", "Waves of up to four metres battered the coast.", "wave_height", ["4 metres"], []),
    ("stampede", "The venue has a capacity of 9,500 people, the mayor said.", "capacity", [9500], []),
    ("stampede", "More than 14,000 tickets had been sold, the mayor said.", "tickets_sold", [">14000"], []),
    ("stampede", "The promoter said 9,200 tickets were sold.", "tickets_sold", [9200], []),
    ("train", "Six carriages left the rails, officials said.", "carriages_derailed", [6], []),
    ("train", "Eight carriages derailed, the ministry said.", "carriages_derailed", [8], []),
    ("train", "Six of its 14 carriages came off the rails, the ministry said.", "carriages_derailed", [6], [14]),
    ("train", "Passengers were thrown from their bunks as eight carriages ploughed off the track.",
     "carriages_derailed", [8], []),
    ("train", "Rescuers searched five carriages beside the track.", "carriages_derailed", [], [5]),
    # precision: another event's measure, a forecast, what is not the measure
    ("quake", "It was the strongest since a magnitude 8.0 quake hit the region in 2007.", "magnitude", [], [8]),
    ("quake", "A magnitude 7.8 quake in 2016 killed hundreds in the same valley.", "magnitude", [], [7.8]),
    ("storm", "The storm could bring winds of 300 km/h to the islands, forecasters warned.",
     "max_sustained_wind", [], ["300 km/h"]),
    ("stampede", "The arena was filled to 80 percent of capacity, the mayor said.", "capacity", [], [80]),
    ("train", "The train carried 412 passengers in its 14 carriages.", "carriages_derailed", [], [14]),
    ("quake", "The village lies at 3,600 metres, about 40 km north of the capital.", "depth", [], ["40 km"]),
    # prisoners who got out are counted; people who got away from a fire are not
    ("riot", "Officials said 41 prisoners escaped during the riot.", "escaped_count", [41], []),
    ("riot", "Some 50 inmates fled during the riot, the union said.", "escaped_count", ["~50"], []),
    ("fire", "Dozens of guests escaped the flames, witnesses said.", "escaped_count", [], ["~24-99"]),
    # arrests told after the event by a reference back to it: the one event the document names
    ("siege", "Five people were detained after the attack, but two were later released.", "arrested_count", [5], []),
    ("siege", "Four people were arrested after the attack, police said.", "arrested_count", [4], []),
    ("siege", "Police arrested four people after an attack on a bank last year.", "arrested_count", [], [4]),
]


@pytest.mark.model
@pytest.mark.parametrize("kind,text,attribute,want,never", MEASURES)
def test_measures(nlp, kind, text, attribute, want, never):
    facts = facts_runner(nlp)(LEAD[kind] + text)
    got = [f.value for f in facts if f.attribute == attribute and f.name_type == "EVENT"]
    for value in want:
        assert value in got, show(facts)
    for value in never:
        assert value not in got, show(facts)


VALUES = [
    (("6.9", None, None), 6.9),
    (("7.0", None, None), 7),
    (("1,040", None, None), 1040),
    (("250", "up to", "km/h"), "250 km/h"),
    (("205", "about", "km/h"), "~205 km/h"),
    (("four", None, "Metres"), "4 metres"),
    (("14,000", "more than", None), ">14000"),
    (("six", "the", None), None),
]


@pytest.mark.parametrize("parts,value", VALUES)
def test_measure_value(parts, value):
    assert measure_value(*parts) == value


COMPARED = [
    # magnitudes a tenth apart are two accounts
    ("magnitude", 6.9, 7.1, "hard"),
    ("magnitude", 6.9, 6.9, "same"),
    # one wind in two units agrees; two peaks disagree
    ("max_sustained_wind", "185 km/h", "115 mph", "compatible"),
    ("max_sustained_wind", "185 km/h", "205 km/h", "hard"),
    ("max_gusts", "250 km/h", "230 km/h", "hard"),
    ("depth", "38 km", "52 km", "hard"),
    ("wave_height", "4 metres", "2.5 meters", "hard"),
    # bounds: 'more than 14,000' against 9,200 cannot both be true
    ("tickets_sold", ">14000", 9200, "hard"),
    ("capacity", 9500, "~9500", "compatible"),
]


@pytest.mark.parametrize("attribute,a,b,relation", COMPARED)
def test_measures_compare(attribute, a, b, relation):
    assert compare("quantity", a, b, attribute=attribute) == relation
