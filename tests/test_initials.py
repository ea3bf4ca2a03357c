"""Names written with initials (factx.stages.initialled, factx.initials; notes/issue-15.md,
Session 11). Every name here is invented."""

from __future__ import annotations

import pytest

from factx.initials import initials_of
from factx.names import name_rules
from factx.resolve import NameStat, resolve
from factx.stages.entities import repair_spans

from conftest import doc_with_ents


SPANS = [
    # the model splits the name at a two-letter initial's period
    ("The assistant driver D. Ye. Tarasko, born in 1990, died.", [("D. Ye", "PERSON"), ("Tarasko", "PERSON")],
     (), ["D. Ye. Tarasko"]),
    # a title or a post glued before the initials is cut off
    ("Citizen P. I. Kovrov was rescued.", [("Citizen P. I. Kovrov", "PERSON")], (), ["P. I. Kovrov"]),
    ("It is chaired by the Governor of Norvik Region A. V. Marin now.",
     [("Governor of Norvik Region A. V. Marin", "FAC")], (), ["A. V. Marin"]),
    # a body right before the initials stays a name of its own
    ("Officers of Norvik Police P. I. Kovrov and others came.", [("Norvik Police P. I. Kovrov", "ORG")], (),
     ["Norvik Police", "P. I. Kovrov"]),
    # missed by the model: one initial before a proper noun (on a tagged doc)
    ("The commission chaired by the Minister of Transport G. Saparova met.", [], ("Saparova",),
     ["G. Saparova"]),
    # no name: one initial before a common word, or before a plural of a word the doc writes
    ("They chose Plan B. Officials said so, an official added.", [], ("Plan", "Officials"), []),
    ("They chose Plan B. Teams met.", [], ("Plan",), []),
    # no name: a name that goes on after the surname is left as the model read it
    ("Dr. K. Rowan Hospital opened.", [("K. Rowan Hospital", "FAC")], (), ["K. Rowan Hospital"]),
]


@pytest.mark.parametrize("text, ents, propn, expected", SPANS)
def test_initialled_spans(text, ents, propn, expected):
    doc = doc_with_ents(text, ents, propn)
    got = [s.text for s in repair_spans(doc) if s.label_ in ("PERSON", "ORG", "FAC", "GPE")]
    assert got == expected


@pytest.mark.parametrize("spelling, expected", [
    ("P. I. Kovrov", ("p", "i")), ("Mr. A. V. Marin", ("a", "v")), ("D. Ye. Tarasko", ("d", "ye")),
    ("Pavel Kovrov", None), ("K. Selvam", None), ("P. Ivan Kovrov", None),
])
def test_initials_of(spelling, expected):
    assert initials_of(spelling, name_rules()) == expected


def _groups(names):
    return [set(e.names) for e in resolve([NameStat(n, "PERSON", 1) for n in names])]


JOINS = [
    # the initials of the given name and the patronymic, then the surname
    (["Pavel Ilyich Kovrov", "P. I. Kovrov"], ("P. I. Kovrov", "Pavel Ilyich Kovrov"), True),
    (["Pavel Kovrov", "P. I. Kovrov"], ("P. I. Kovrov", "Pavel Kovrov"), True),
    (["Dulat Tarasko", "D. Ye. Tarasko"], ("D. Ye. Tarasko", "Dulat Tarasko"), True),
    (["Ermek Tarasko", "Ye. B. Tarasko"], ("Ye. B. Tarasko", "Ermek Tarasko"), False),  # written Ye: Yermek only
    (["Yermek Tarasko", "Ermek Tarasko", "Ye. B. Tarasko"], ("Ye. B. Tarasko", "Ermek Tarasko"), True),
    # two men of one surname: the initial tells them apart (a governor and a colonel)
    (["Artem Marin", "Dmitri Marin", "A. V. Marin", "D. A. Marin"], ("A. V. Marin", "Artem Marin"), True),
    (["Artem Marin", "Dmitri Marin", "A. V. Marin", "D. A. Marin"], ("D. A. Marin", "Dmitri Marin"), True),
    (["Artem Marin", "Dmitri Marin", "A. V. Marin", "D. A. Marin"], ("A. V. Marin", "Dmitri Marin"), False),
    # another patronymic: another man (a father and a son share given names across generations)
    (["Pavel Sergeyevich Kovrov", "P. I. Kovrov"], ("P. I. Kovrov", "Pavel Sergeyevich Kovrov"), False),
    # two people the initial fits: none
    (["Pavel Kovrov", "Platon Kovrov", "P. I. Kovrov"], ("P. I. Kovrov", "Pavel Kovrov"), False),
    (["Pavel Kovrov", "Platon Kovrov", "P. I. Kovrov"], ("P. I. Kovrov", "Platon Kovrov"), False),
    # another surname
    (["Pavel Kovrin", "P. I. Kovrov"], ("P. I. Kovrov", "Pavel Kovrin"), False),
]


@pytest.mark.parametrize("names, pair, together", JOINS)
def test_initials_join(names, pair, together):
    for order in (names, names[::-1]):
        groups = _groups(order)
        assert any(pair[0] in g and pair[1] in g for g in groups) is together


def test_canonical_is_the_written_out_name():
    (entity,) = resolve([NameStat("D. Ye. Tarasko", "PERSON", 1), NameStat("Dulat Tarasko", "PERSON", 1)])
    assert entity.canonical == "Dulat Tarasko"
