"""The rules of issue 12, one table each: facts in, conflicts out.

Cardinality; contested roles and role synonyms; one disagreement, one conflict;
agreeing values are one value; counts that grew; spellings beyond house style;
whole conflicts selected by severity and kind; a user's rules reach the conflicts.
"""

from __future__ import annotations

import pytest

from factx.conflicts import RoleIndex, find_conflicts, parse_kinds, rank_conflicts, sort_facts
from factx.rules import load_rules
from factx.values import PlaceIndex

from test_conflicts import D0, D1, D2, D3, D4, fact, name


def run(facts: list[dict], *, with_roles: bool = True, **kw) -> list[dict]:
    if with_roles:
        kw.setdefault("roles", RoleIndex.from_facts(facts))
    return list(find_conflicts(sort_facts(facts), **kw))


def shape(found: list[dict]) -> list[tuple]:
    return [(c["entity"], c["attribute"], c["kind"], c["severity"]) for c in found]


def dated(record: dict, published: str | None) -> dict:
    return {**record, "published": published}


def day(value: str, doc: str, line: int, text: str, published: str | None = None, **kw) -> dict:
    return dated(fact("Karim Haddad", "date_of_death", value, doc, line, value_type="date", value_text=text,
                      **kw), published)


def sides(conflict: dict) -> list[set[str]]:
    return [{s["doc"] for s in v["sources"]} for v in conflict["values"]]


# --------------------------------------------------------------------- cardinality

@pytest.mark.parametrize("attribute, value_type, a, b, expected", [
    # multi-valued: several values are never a conflict by themselves
    ("member_of", "entity", "Group A", "Group B", []),
    ("top_members", "name", "Karim Haddad", "Yusuf Nasser", []),  # two leaders of one group
    ("alternate_names", "name", "Abu Yusuf", "Karim Haddad", []),
    ("spouse", "entity", "Amina Haddad", "Leila Haddad", []),
    ("title", "text", "leader of Group A", "spokesman of Group A", []),  # two titles
    ("title", "text", "leader of Group A", "emir of Group B", []),
    # single-valued: values that cannot both be true
    ("date_of_birth", "date", "1961-06-19", "1962-06-19", [("value", "hard")]),
    ("place_of_birth", "entity", "Herat", "Jalalabad", [("value", "hard")]),
    ("age", "quantity", 58, 64, [("value", "hard")]),
    ("origin", "country", "Pakistan", "India", [("value", "hard")]),
    ("date_of_death", "date", "2019-09-23", "2019-09-22TNI", [("value", "soft")]),
    ("cause_of_death", "text", "raid", "operation", []),  # paraphrase: cannot tell
])
def test_cardinality(attribute, value_type, a, b, expected) -> None:
    facts = [fact("Karim Haddad", attribute, a, D0, 3, value_type=value_type),
             fact("Karim Haddad", attribute, b, D1, 5, value_type=value_type)]
    assert [(c["kind"], c["severity"]) for c in run(facts)] == expected


@pytest.mark.parametrize("attribute", ["date", "place", "cause", "perpetrator", "killed_count"])
def test_an_events_arguments_are_single_valued(attribute) -> None:
    values = {"date": ("2031-03-08", "2031-03-10", "date"), "place": ("Herat", "Jalalabad", "entity"),
              "cause": ("fire", "fire", "text"), "perpetrator": ("Group A", "Group A", "text"),
              "killed_count": (3, 7, "quantity")}[attribute]
    a, b, value_type = values
    facts = [fact("the fire at the port", attribute, a, D0, 1, value_type=value_type, entity_type="EVENT"),
             fact("the fire at the port", attribute, b, D1, 1, value_type=value_type, entity_type="EVENT")]
    expected = [] if a == b else [("value", "hard")]
    assert [(c["kind"], c["severity"]) for c in run(facts)] == expected


# ------------------------------------------------------------------------- causes

def cause(entity: str, attribute: str, value: str, doc: str, **kw) -> dict:
    return fact(entity, attribute, value, doc, 1, entity_type="EVENT" if attribute == "cause" else "PERSON",
                **kw)


CAUSE_CASES = [
    # (case, attribute, [(value, doc)], expected (severity, values) or None)
    ("one cause at three levels of detail: only the two details differ",
     "cause_of_death", [("shooting", D0), ("shooting in the head", D1), ("shooting in the head", D2),
                        ("shooting in the chest and head", D3)],
     ("soft", ["shooting in the head", "shooting in the chest and head"])),
    ("a raid and the shooting in it", "cause_of_death", [("raid", D0), ("shooting", D1)], None),
    ("a strike, its missile, a drone strike", "cause",
     [("airstrike", D0), ("missile", D1), ("drone strike", D2)], None),
    ("an illness against a killing", "cause_of_death", [("raid", D0), ("raid", D1), ("cancer", D2)],
     ("hard", ["raid", "cancer"])),
    ("two explanations of one kind", "cause",
     [("bird strike", D0), ("electrical malfunction", D1)], ("soft", ["bird strike", "electrical malfunction"])),
    ("what happened against the material that blew up", "cause",
     [("explosion", D0), ("fertiliser", D1)], None),
    ("a fire at a depot against the material stored at the port: two accounts", "cause",
     [("fire at a fireworks depot", D0), ("ammonium nitrate stored at the port", D1),
      ("ammonium nitrate", D2)],
     ("soft", ["ammonium nitrate stored at the port", "fire at a fireworks depot"])),
    ("one fire told as a part and a whole", "cause",
     [("the fire", D0), ("a fire that spread to the warehouse", D1), ("blaze", D2)], None),
    ("a fire a strike started", "cause", [("fire", D0), ("missile strike", D1)], None),
    ("causes of no listed kind: cannot tell", "cause", [("collapse", D0), ("crash", D1)], None),
]


@pytest.mark.parametrize("case, attribute, values, expected", CAUSE_CASES, ids=[c[0][:40] for c in CAUSE_CASES])
def test_causes(case, attribute, values, expected) -> None:
    found = run([cause("the blast in Port P" if attribute == "cause" else KARIM, attribute, v, d)
                 for v, d in values])
    if expected is None:
        assert found == []
    else:
        [conflict] = found
        assert (conflict["severity"], [v["value"] for v in conflict["values"]]) == expected


# ---------------------------------------------------------------- joint actors

def actor(value: str, doc: str, value_type: str = "country", **kw) -> dict:
    return fact("the raid in Town T", "perpetrator", value, doc, 1, value_type=value_type,
                entity_type="EVENT", **kw)


ACTOR_CASES = [
    # (case, facts, expected severity, sides as {value: docs})
    ("a joint operation against one of its actors",
     [actor("United States", D0), actor("Afghanistan", D0), actor("United States", D1)], None, None),
    ("several sources, one joint",
     [actor("United States", D0), actor("Pakistan", D0), actor("United States", D1),
      actor("United States", D2)], None, None),
    ("a different actor",
     [actor("United States", D0), actor("United States", D1), actor("Pakistan", D2)],
     "hard", {"United States": {D0, D1}, "Pakistan": {D2}}),
    ("a joint account beside two single ones that contradict each other: only those two",
     [actor("United States", D0), actor("Pakistan", D1), actor("United States", D2), actor("Pakistan", D2)],
     "hard", {"United States": {D0}, "Pakistan": {D1}}),
    ("one actor in common, another not",
     [actor("United States", D0), actor("Afghanistan", D0), actor("United States", D1), actor("Pakistan", D1)],
     "soft", {"Afghanistan": {D0}, "Pakistan": {D1}}),
    ("an agency and its country",
     [actor("Agency A", D0, "entity"), actor("United States", D1)], None, None),
    ("two organisations: one may be part of the other",
     [actor("Unit U", D0, "entity"), actor("Agency A", D1, "entity")], None, None),
    ("one source naming two actors is no disagreement with itself",
     [actor("United States", D0), actor("Pakistan", D0)], None, None),
]


@pytest.mark.parametrize("case, facts, severity, sides_", ACTOR_CASES, ids=[c[0][:40] for c in ACTOR_CASES])
def test_joint_actors(case, facts, severity, sides_) -> None:
    found = run(facts)
    assert [c["severity"] for c in found] == ([severity] if severity else [])
    if found:
        assert {v["value"]: {s["doc"] for s in v["sources"]} for v in found[0]["values"]} == sides_


# ------------------------------------------------------ a deliberate act denied

def event_fact(attribute: str, value: str, doc: str, value_type: str = "text", **kw) -> dict:
    return fact("the blast in Port P", attribute, value, doc, 1, value_type=value_type,
                entity_type="EVENT", **kw)


RULED_OUT = event_fact("perpetrator", "attack", D0, said_by="the police", polarity="denied")
DELIBERATE_CASES = [
    # (case, facts, expected sides as (affirmed docs, denied docs) or None)
    ("'ruled out an attack' against a named country",
     [RULED_OUT, event_fact("perpetrator", "Norway", D1, "country")], ({D1}, {D0})),
    ("against a deliberate cause another source gives",
     [RULED_OUT, event_fact("cause", "missile strike", D1), event_fact("cause", "bomb", D2)],
     ({D1, D2}, {D0})),
    ("against an author and a cause: one denial, both affirming",
     [RULED_OUT, event_fact("perpetrator", "Group G", D1, "entity"), event_fact("cause", "bomb", D2)],
     ({D1, D2}, {D0})),
    ("'no foul play' against an attack another source affirms",
     [event_fact("perpetrator", "foul play", D0, said_by="the police", polarity="denied"),
      event_fact("perpetrator", "attack", D1, said_by="the president", modality="hedged")], ({D1}, {D0})),
    ("an accident's cause is no deliberate act",
     [RULED_OUT, event_fact("cause", "gas leak", D1), event_fact("cause", "fire", D2)], None),
    ("a source denying an attack while naming a bomb itself is no disagreement",
     [RULED_OUT, event_fact("cause", "bomb", D0, said_by="the police")], None),
    ("a named author denied is no denial of another author",
     [event_fact("perpetrator", "Group G", D0, "entity", said_by="Group G", polarity="denied"),
      event_fact("cause", "bomb", D1)], None),
]


@pytest.mark.parametrize("case, facts, expected", DELIBERATE_CASES, ids=[c[0][:40] for c in DELIBERATE_CASES])
def test_a_denied_deliberate_act_stands_against_every_author_and_deliberate_cause(case, facts, expected) -> None:
    found = [c for c in run(facts) if c["kind"] == "denial"]
    if expected is None:
        assert found == []
        return
    [conflict] = found
    assert conflict["attribute"] == "perpetrator"
    affirmed = {s["doc"] for v in conflict["values"] for s in v["sources"] if s["polarity"] == "affirmed"}
    denied = {s["doc"] for v in conflict["values"] for s in v["sources"] if s["polarity"] == "denied"}
    assert (affirmed, denied) == expected


# ------------------------------------------------------------------ clock times

def clock(value: str, doc: str, text: str) -> dict:
    return fact("the blast in Port P", "time", value, doc, 1, value_type="date", value_text=text,
                entity_type="EVENT")


@pytest.mark.parametrize("a, b, expected", [
    (("2031-03-04T17:11", "17:11 local time"), ("2031-03-04T18:00", "around 6 p.m."), "hard"),
    (("XXXX-XX-XXT08:40", "about 8:40"), ("XXXX-XX-XXT08:44", "8:44"), "soft"),
    (("2031-03-04T08:44", "8:44 a.m."), ("XXXX-XX-XXT08:44", "8:44"), None),
    (("XXXX-XX-XXT08:44", "8:44 a.m."), ("2031-03-04", "March 4"), None),
])
def test_event_time_is_one_instant(a, b, expected) -> None:
    found = run([clock(a[0], D0, a[1]), clock(b[0], D1, b[1])])
    assert [c["severity"] for c in found] == ([expected] if expected else [])
    assert all(c["attribute"] == "time" for c in found)


# ------------------------------------------------------- values no source can mean

IMPLAUSIBLE_CASES = [
    # (case, facts, expected conflict (severity, values) or None, values set aside)
    ("a clock time anchored on a date decades back does not turn an agreement into a conflict",
     [day("2031-07-31", D0, 1, "July 31", "2031-08-01"),
      day("2009-09-11T01:48", D1, 1, "0148 GMT", "2031-08-02"),
      day("2031-07-31", D2, 1, "Sunday", "2031-08-02")],
     None, None),
    ("... and is set aside in a conflict among the others",
     [day("2031-07-31", D0, 1, "July 31", "2031-08-01"),
      day("2009-09-11T01:48", D1, 1, "0148 GMT", "2031-08-02"),
      day("2031-07-26", D2, 1, "July 26", "2031-08-02")],
     ("hard", ["2031-07-31", "2031-07-26"]), ["2009-09-11T01:48"]),
    ("a death after its own document's publication date",
     [day("2031-07-31", D0, 1, "July 31", "2031-08-01"),
      day("2031-09-30", D1, 1, "Sept. 30", "2031-08-02")],
     None, None),
    ("a day after it: time zones",
     [day("2031-07-31", D0, 1, "July 31", "2031-07-30"),
      day("2031-07-29", D1, 1, "July 29", "2031-07-30")],
     ("hard", ["2031-07-31", "2031-07-29"]), None),
    ("the same misreading in two documents is still set aside",
     [day("2031-07-31", D0, 1, "July 31", "2031-08-01"),
      day("2009-09-11T01:48", D1, 1, "0148 GMT", "2031-08-02"),
      day("2009-09-11T06:18", D3, 1, "6:18 a.m.", "2031-08-02"),
      day("2031-07-26", D2, 1, "July 26", "2031-08-02")],
     ("hard", ["2031-07-31", "2031-07-26"]), ["2009-09-11T01:48", "2009-09-11T06:18"]),
    ("an old death all sources date long before their reports: no misreading",
     [day("2009-09-11", D0, 1, "Sept. 11, 2009", "2031-08-01"),
      day("2009-09-13", D1, 1, "Sept. 13, 2009", "2031-08-02"),
      day("2009-09-11", D2, 1, "Sept. 11, 2009", "2009-09-12")],
     ("hard", ["2009-09-11", "2009-09-13"]), None),
    ("two old dates that agree with each other are no misreading",
     [day("2009-09-11", D0, 1, "Sept. 11, 2009", "2031-08-01"),
      day("2009-09-14", D1, 1, "Sept. 14, 2009", "2031-08-02")],
     ("hard", ["2009-09-11", "2009-09-14"]), None),
    ("an undated document: nothing to measure against",
     [day("2031-07-31", D0, 1, "July 31", "2031-08-01"),
      day("2009-09-11", D1, 1, "Sept. 11", None)],
     ("hard", ["2031-07-31", "2009-09-11"]), None),
]


@pytest.mark.parametrize("case, facts, expected, aside", IMPLAUSIBLE_CASES,
                         ids=[c[0][:45] for c in IMPLAUSIBLE_CASES])
def test_values_no_source_can_mean_are_set_aside(case, facts, expected, aside) -> None:
    found = run(facts)
    if expected is None:
        assert found == []
        return
    [conflict] = found
    assert (conflict["severity"], [v["value"] for v in conflict["values"]]) == expected
    assert ([v["value"] for v in conflict["set_aside"]] if conflict["set_aside"] else None) == aside


def test_a_birth_date_decades_before_the_report_is_no_misreading() -> None:
    facts = [dated(fact(KARIM, "date_of_birth", "1961-06-19", D0, 1, value_type="date"), "2031-08-01"),
             dated(fact(KARIM, "date_of_birth", "1971-06-19", D1, 1, value_type="date"), "2031-08-01")]
    [conflict] = run(facts)
    assert conflict["severity"] == "hard" and conflict["set_aside"] is None


# -------------------------------------------------------------------------- roles

KARIM, YUSUF = "Karim Haddad", "Yusuf Nasser"


def title(entity: str, value: str, doc: str, line: int, **kw) -> dict:
    return fact(entity, "title", value, doc, line, value_text=value, **kw)


ROLE_CASES = [
    # (case, facts, expected conflicts (entity, attribute, kind, severity, reason))
    ("press secretary and spokesman of one ministry are one role",
     [title(KARIM, "spokesman for the Ministry of Health", D0, 2),
      title(KARIM, "press secretary of the Ministry of Health", D1, 2),
      title(KARIM, "Ministry of Health spokesperson", D2, 4)],
     []),
    ("head, chief, leader and emir are one role",
     [title(KARIM, "head of the Northern Front", D0, 2), title(KARIM, "Northern Front chief", D1, 2),
      title(KARIM, "emir of the Northern Front", D2, 2), title(KARIM, "leader of the NF", D3, 2)],
     []),
    ("a document names another holder of the role: one title conflict, on the holder "
     "more documents name",
     [title(KARIM, "leader of the Northern Front", D0, 2),
      title(KARIM, "leader of the Northern Front", D1, 2),
      title(KARIM, "emir of the Northern Front", D2, 5, said_by="the agency"),
      title(YUSUF, "leader of the Northern Front", D2, 9)],
     [(KARIM, "title", "value", "soft", "holders")]),
    ("holders named by different documents only: a succession, not a contest",
     [title(KARIM, "leader of the Northern Front", D0, 2),
      title(YUSUF, "leader of the Northern Front", D1, 9)],
     []),
    ("'a senior leader' is one of several",
     [title(KARIM, "leader of the Northern Front", D0, 2),
      title(KARIM, "leader of the Northern Front", D2, 2),
      title(YUSUF, "a senior leader of the Northern Front", D2, 9)],
     []),
    ("'the former leader' beside the leader: no contest",
     [title(KARIM, "leader of the Northern Front", D0, 2),
      title(KARIM, "leader of the Northern Front", D2, 2),
      title(YUSUF, "former leader of the Northern Front", D2, 9)],
     []),
    ("two holders in one voice: one source repeating itself, not a disagreement",
     [title(KARIM, "leader of the Northern Front", D2, 2),
      title(YUSUF, "leader of the Northern Front", D2, 9)],
     []),
    ("two spellings of one man left unmerged are not two holders",
     [title("Karim al-Haddad", "leader of the Northern Front", D0, 2),
      title("Karim al-Haddad", "leader of the Northern Front", D2, 2),
      title("Karim Hadad", "leader of the Northern Front", D2, 9)],
     []),
    ("a title called former by one source, current by another",
     [title(KARIM, "spokesman of the Northern Front", D0, 2),
      title(KARIM, "spokesman of the Northern Front", D1, 2),
      title(KARIM, "a former Northern Front spokesman", D2, 3),
      title(KARIM, "former spokesman of the Northern Front", D3, 3)],
     [(KARIM, "title", "value", "soft", "former")]),
    # rival titles: one person cannot hold both as given (dev-stories cause 13)
    ("an office's spokesman against its (deputy) holder: rank",
     [title(KARIM, "interior ministry spokesman", D0, 2),
      title(KARIM, "head of the interior ministry's press service", D1, 2),
      title(KARIM, "Deputy Interior Minister", D2, 2)],
     [(KARIM, "title", "value", "soft", "rank")]),
    ("a prosecutor's office spokesman against the prosecutor: rank",
     [title(KARIM, "spokesman for the Federal Prosecutor's Office", D0, 2),
      title(KARIM, "federal prosecutor", D1, 2)],
     [(KARIM, "title", "value", "soft", "rank")]),
    ("a deputy against the role he deputises, same organisation: rank",
     [title(KARIM, "leader of the Northern Front", D0, 2),
      title(KARIM, "deputy leader of the Northern Front", D1, 2)],
     [(KARIM, "title", "value", "soft", "rank")]),
    ("titles that are both true: a minister who leads a party",
     [title(KARIM, "health minister", D0, 2), title(KARIM, "leader of the Green Party", D1, 2),
      title(KARIM, "deputy leader of the Northern Front", D2, 2)],
     []),
    ("a spokesman of one office, the holder of another",
     [title(KARIM, "police spokesman", D0, 2), title(KARIM, "interior minister", D1, 2),
      title(KARIM, "government spokesman", D2, 2), title(KARIM, "information minister", D3, 2)],
     []),
    ("a group's spokesman and its leader: two titles, no office held",
     [title(KARIM, "spokesman of the Northern Front", D0, 2),
      title(KARIM, "leader of the Northern Front", D1, 2)],
     []),
    ("one document gives both ranks: it says he holds both",
     [title(KARIM, "health ministry spokesman", D0, 2), title(KARIM, "deputy health minister", D0, 6),
      title(KARIM, "health ministry spokesman", D1, 2)],
     []),
    ("a former deputy: another time, not a rival",
     [title(KARIM, "leader of the Northern Front", D0, 2),
      title(KARIM, "former deputy leader of the Northern Front", D1, 2)],
     []),
    ("a title denied: the denial is the conflict",
     [title(KARIM, "leader of the Northern Front", D0, 2),
      title(KARIM, "leader of the Northern Front", D1, 2, said_by="the group", polarity="denied")],
     [(KARIM, "title", "denial", "hard", None)]),
]


def branch_case(mahmood_title: str) -> list[dict]:
    """The shape of the seeds' title dispute, invented names: four documents call Karim
    the leader of a group's branch; a fifth says the agency initially identified him as
    its emir (he is 'a senior leader' in its own voice) and that Yusuf is now its leader
    ('the Front's branch' until the name resolver ties the description to the branch)."""
    branch = "Northern Front in the Isles"
    return [title(KARIM, f"leader of {branch}", doc, 3, said_by=AGENCY) for doc in (D0, D1, D2)] + [
        title(KARIM, f"senior leader of {branch}", D3, 3),
        title(KARIM, "emir of NFI", D3, 13, said_by=AGENCY),
        title(YUSUF, mahmood_title, D3, 13),
        title(YUSUF, "commander of NFI", D3, 13, said_by=AGENCY)]


BRANCH_CASES = [
    ("before the description resolves: the branch is not named", "leader of the Northern Front branch", False),
    ("resolved to the branch's name", "leader of Northern Front in the Isles", True),
    ("resolved to the branch's acronym", "leader of NFI", True),
    ("'now its leader' with the branch's name in another house style", "Northern Front in the Isles chief", True),
]


@pytest.mark.parametrize("case, resolved, contested", BRANCH_CASES, ids=[c[0][:40] for c in BRANCH_CASES])
def test_a_branch_leader_named_now_contests_the_one_first_identified(case, resolved, contested) -> None:
    found = run(branch_case(resolved))
    if not contested:
        assert found == []
        return
    [conflict] = found
    assert (conflict["entity"], conflict["attribute"], conflict["severity"], conflict["reason"]) == (
        KARIM, "title", "soft", "holders")
    mine, theirs = conflict["values"]
    assert {s["doc"] for s in mine["sources"]} == {D0, D1, D2, D3}
    assert theirs["value"] == YUSUF and {(s["doc"], s["said_by"]) for s in theirs["sources"]} == {(D3, None)}


@pytest.mark.parametrize("case, facts, expected", ROLE_CASES, ids=[c[0][:40] for c in ROLE_CASES])
def test_roles(case, facts, expected) -> None:
    found = run(facts)
    assert [(*s, c["reason"]) for s, c in zip(shape(found), found)] == expected


def test_holder_conflict_names_the_other_holder_and_its_documents() -> None:
    case_facts = ROLE_CASES[2][1]
    [conflict] = run(case_facts)
    mine, theirs = conflict["values"]
    assert mine["value"] == "leader of the Northern Front"
    assert {s["doc"] for s in mine["sources"]} == {D0, D1, D2}
    assert theirs["value"] == YUSUF and {s["doc"] for s in theirs["sources"]} == {D2}
    assert theirs["value_texts"] == ["leader of the Northern Front"]
    assert run(case_facts, with_roles=False) == []  # without every entity's titles: not found


def test_former_title_sides() -> None:
    [conflict] = run(next(c[1] for c in ROLE_CASES if c[0].startswith("a title called former")))
    assert sides(conflict) == [{D0, D1}, {D2, D3}]


def test_rank_title_sides() -> None:
    [conflict] = run(ROLE_CASES[9][1])
    assert sorted(map(sorted, sides(conflict))) == [[D0], [D1], [D2]]
    assert "Deputy Interior Minister" in [v["value"] for v in conflict["values"]]


# ---------------------------------------------------------- one disagreement, one conflict

def death_fact(attribute: str, value: object, doc: str, line: int, **kw) -> dict:
    value_type = {"death": "text", "date_of_death": "date", "place_of_death": "entity",
                  "cause_of_death": "text", "time_of_death": "date"}[attribute]
    return dated(fact(KARIM, attribute, value, doc, line, value_type=value_type, **kw), "2031-03-12")


AGENCY, GROUP = "the agency", "the group"
DEATH_AFFIRMED = [
    death_fact("death", "killed", D0, 1, said_by=AGENCY),
    death_fact("date_of_death", "2031-03-08", D0, 1, said_by=AGENCY),
    death_fact("place_of_death", "Herat", D0, 1, said_by=AGENCY),
    death_fact("cause_of_death", "airstrike", D0, 1, said_by=AGENCY),
    death_fact("death", "died", D1, 4),
    death_fact("date_of_death", "2031-03-08", D1, 4, value_text="March 8"),
]
DEATH_DENIED = [  # "the group denied he had been killed in an airstrike in Herat on Saturday"
    death_fact("death", "killed", D2, 6, said_by=GROUP, polarity="denied"),
    death_fact("date_of_death", "2031-03-08", D2, 6, said_by=GROUP, polarity="denied"),
    death_fact("place_of_death", "Herat", D2, 6, said_by=GROUP, polarity="denied"),
    death_fact("cause_of_death", "airstrike", D2, 6, said_by=GROUP, polarity="denied"),
]

DEATH_CASES = [
    ("killed and died agree", DEATH_AFFIRMED, []),
    ("a denied death is one denial, whatever else the denial names",
     DEATH_AFFIRMED + DEATH_DENIED, [("death", "denial", "hard")]),
    ("only the arguments denied (no death fact): still one denial",
     DEATH_AFFIRMED + DEATH_DENIED[1:], [("death", "denial", "hard")]),
    ("a denial and a date disagreement are two disagreements",
     DEATH_AFFIRMED + DEATH_DENIED + [death_fact("date_of_death", "2031-03-10", D3, 2)],
     [("death", "denial", "hard"), ("date_of_death", "value", "hard")]),
    ("denying another date than anyone gives denies nothing anyone says",
     DEATH_AFFIRMED + [death_fact("date_of_death", "2031-04-01", D2, 6, said_by=GROUP,
                                  polarity="denied")],
     []),
    ("'not on Saturday but on Monday': a value conflict, not a denial of the death",
     DEATH_AFFIRMED + [death_fact("date_of_death", "2031-03-08", D2, 6, said_by=GROUP,
                                  polarity="denied"),
                       death_fact("date_of_death", "2031-03-10", D2, 6, said_by=GROUP)],
     [("date_of_death", "value", "hard")]),
    ("a source denying what it says itself is no disagreement",
     DEATH_AFFIRMED[:4] + [death_fact("death", "killed", D0, 9, said_by=AGENCY, polarity="denied")],
     []),
]


@pytest.mark.parametrize("case, facts, expected", DEATH_CASES, ids=[c[0][:40] for c in DEATH_CASES])
def test_one_disagreement_one_conflict(case, facts, expected) -> None:
    assert [(c["attribute"], c["kind"], c["severity"]) for c in run(facts)] == expected


@pytest.mark.parametrize("case, facts, expected", [
    ("a denied death silences the deniers' time of death too",
     DEATH_AFFIRMED + DEATH_DENIED + [death_fact("time_of_death", "2031-03-08T21:38", D0, 1, said_by=AGENCY),
                                      death_fact("time_of_death", "2031-03-08T06:10", D2, 6, said_by=GROUP)],
     [("death", "denial", "hard")]),
    ("two clock times far apart: one disagreement",
     DEATH_AFFIRMED + [death_fact("time_of_death", "2031-03-08T17:11", D0, 1, said_by=AGENCY),
                       death_fact("time_of_death", "2031-03-08T18:00", D1, 4)],
     [("time_of_death", "value", "hard")]),
    ("'about 8:40' and '8:44': soft",
     DEATH_AFFIRMED + [death_fact("time_of_death", "XXXX-XX-XXT08:40", D0, 1, said_by=AGENCY),
                       death_fact("time_of_death", "2031-03-08T08:44", D1, 4)],
     [("time_of_death", "value", "soft")]),
    ("the same minute with and without its day", DEATH_AFFIRMED + [
        death_fact("time_of_death", "XXXX-XX-XXT08:44", D0, 1, said_by=AGENCY),
        death_fact("time_of_death", "2031-03-08T08:44", D1, 4)], []),
], ids=lambda c: c[:40] if isinstance(c, str) else "")
def test_the_time_of_death_is_part_of_the_death(case, facts, expected) -> None:
    found = run(facts)
    assert [(c["attribute"], c["kind"], c["severity"]) for c in found] == expected
    if expected and expected[0][0] == "death":
        assert found[0]["context"]["time_of_death"] == ["2031-03-08T21:38"]


def test_the_death_denial_has_both_sides_and_the_event_as_context() -> None:
    found = run(DEATH_AFFIRMED + DEATH_DENIED + [death_fact("date_of_death", "2031-03-10", D3, 2)])
    denial, dates = found
    affirmed, denied = denial["values"]
    assert affirmed["value"] == "killed" and denied["value"] == "killed"
    assert {s["doc"] for s in affirmed["sources"]} == {D0, D1, D3}
    assert {(s["doc"], s["said_by"]) for s in denied["sources"]} == {(D2, GROUP)}
    assert denial["context"] == {"cause_of_death": ["airstrike"],
                                 "date_of_death": ["2031-03-08", "2031-03-10"],
                                 "place_of_death": ["Herat"]}
    # the group's denial is in no value conflict about the same death
    assert D2 not in {s["doc"] for v in dates["values"] for s in v["sources"]}


def test_a_denied_count_with_the_deniers_own_count_is_one_value_conflict() -> None:
    facts = [fact("the fire", "killed_count", 40, D0, 1, value_type="quantity", entity_type="EVENT"),
             fact("the fire", "killed_count", 40, D1, 1, value_type="quantity", entity_type="EVENT",
                  said_by="the ministry", polarity="denied"),
             fact("the fire", "killed_count", 30, D1, 1, value_type="quantity", entity_type="EVENT",
                  said_by="the ministry")]
    assert shape(run(facts)) == [("the fire", "killed_count", "value", "hard")]


# --------------------------------------------------- counts a document does not claim

def count(value: object, doc: str, text: str, quote: str, **kw) -> dict:
    return fact("the floods in Vale V", "killed_count", value, doc, 1, value_type="quantity",
                value_text=text, quote=quote, entity_type="EVENT", **kw)


CORRECTED = ("The agency said the floods left 3,958 people dead, adjusting the numbers from a "
             "previous report that said 11,300 were dead.")
COUNT_CASES = [
    # (case, facts, expected sides as [(value, docs)] or [] for no conflict)
    ("an earlier figure the document corrects: the newer one stands",
     [count(3958, D0, "3,958", CORRECTED, said_by="the agency"), count(11300, D0, "11,300", CORRECTED),
      count(11300, D1, "11,300", "The toll has soared to 11,300, the society said.")],
     [(11300, {D1}), (3958, {D0})]),
    ("'up from 40' beside the new toll",
     [count(52, D0, "52", "The toll rose to 52, up from 40 on Monday."),
      count(40, D0, "40", "The toll rose to 52, up from 40 on Monday."),
      count(52, D1, "52", "Fifty-two people died, officials said.")], []),
    ("an earlier figure the document gives alone is still its count",
     [count(40, D0, "40", "An earlier report said 40 people died."),
      count(52, D1, "52", "The toll rose to 52.")], [(40, {D0}), (52, {D1})]),
    ("a forecast is no count",
     [count(250, D0, "250", "He warned that the death toll could potentially rise to 250."),
      count(">=1000", D1, "At least 1,000", "At least 1,000 bodies were recovered.")], []),
    ("the number stands twice, once without the forecast: a count",
     [count(250, D0, "250", "250 were dead and the toll could rise to 250."),
      count(">=1000", D1, "At least 1,000", "At least 1,000 bodies were recovered.")],
     [(">=1000", {D1}), (250, {D0})]),
    ("a hedge without growth is a count, hedged",
     [count(2000, D0, "2,000", "As many as 2,000 could be dead.", modality="hedged"),
      count(1000, D1, "1,000", "1,000 bodies were recovered.")], [(2000, {D0}), (1000, {D1})]),
]


@pytest.mark.parametrize("case, facts, expected", COUNT_CASES, ids=[c[0][:40] for c in COUNT_CASES])
def test_counts_a_document_does_not_claim(case, facts, expected) -> None:
    found = [c for c in run(facts) if c["kind"] == "value"]
    got = [(v["value"], {s["doc"] for s in v["sources"]}) for c in found for v in c["values"]]
    assert sorted(got, key=repr) == sorted(expected, key=repr)


@pytest.mark.parametrize("case, facts, expected", [
    ("a count its supposed source denies",
     [count(11300, D0, "11,300", "The toll has soared to 11,300, the society said.", said_by="the society"),
      count(11300, D1, "11,300", "Its spokesman denied that the toll had reached 11,300.",
            said_by="the society's spokesman", polarity="denied"),
      count(3958, D1, "3,958", "The floods left 3,958 dead, the agency said.", said_by="the agency")],
     [("killed_count", "denial", "hard"), ("killed_count", "value", "hard")]),
    ("a denied count nobody gives denies nothing",
     [count(500, D0, "500", "The toll rose to 500."),
      count(900, D1, "900", "He denied that 900 had died.", said_by="the ministry", polarity="denied")], []),
], ids=lambda c: c[:40] if isinstance(c, str) else "")
def test_a_denied_count_is_a_denial_of_that_count(case, facts, expected) -> None:
    found = run(facts)
    assert [(c["attribute"], c["kind"], c["severity"]) for c in found] == expected
    if expected:
        affirmed, denied = found[0]["values"]
        assert (affirmed["value"], denied["value"]) == (11300, 11300)
        assert {s["doc"] for s in denied["sources"]} == {D1}


@pytest.mark.parametrize("others, affirming", [
    # bounds that fit the denied count neither give it nor deny it: no side
    ([count(">=1000", D2, "At least 1,000", "At least 1,000 bodies were recovered."),
      count(">5300", D3, "more than 5,300", "More than 5,300 dead were counted, the minister said.")],
     [{D0}]),
    # nobody gives the denied count itself: the values that fit it stand against the denial
    ([], [{D0}]),
])
def test_a_denied_count_stands_against_those_who_give_it(others, affirming) -> None:
    facts = [count(11300, D0, "11,300", "The toll has soared to 11,300, the society said.", said_by="the society"),
             count(11300, D1, "11,300", "Its spokesman denied that the toll had reached 11,300.",
                   said_by="the society's spokesman", polarity="denied"), *others]
    denial = [c for c in run(facts) if c["kind"] == "denial"]
    assert len(denial) == 1
    values = denial[0]["values"]
    assert [{s["doc"] for s in v["sources"]} for v in values[:-1]] == affirming
    assert {s["polarity"] for s in values[-1]["sources"]} == {"denied"}


def test_a_denied_value_no_one_gives_exactly_stands_against_those_that_fit_it() -> None:
    facts = [count(">5000", D0, "more than 5,000", "More than 5,000 died, the society said."),
             count(11300, D1, "11,300", "Its spokesman denied that the toll had reached 11,300.",
                   said_by="the society's spokesman", polarity="denied")]
    denial = [c for c in run(facts) if c["kind"] == "denial"]
    assert [(c["severity"], [v["value"] for v in c["values"]]) for c in denial] == [("soft", [">5000", 11300])]


# ------------------------------------------------------------------ agreeing values

def toll(value: object, doc: str, published: str | None, text: str | None = None) -> dict:
    return dated(fact("the fire", "killed_count", value, doc, 1, value_type="quantity",
                      value_text=text or str(value), entity_type="EVENT"), published)


AGREEMENT_CASES = [
    ("the same day with and without its year", [day("XXXX-09-23", D1, 3, "Sept. 23"),
                                                 day("2019-09-23", D0, 9, "September 23")]),
    ("'at least 40' with 40", [toll(">=40", D0, "2031-03-08", "at least 40"),
                               toll(40, D1, "2031-03-08")]),
    ("'up to 40' with 40", [toll("<=40", D0, "2031-03-08", "up to 40"), toll(40, D1, "2031-03-08")]),
    ("'about 40' with 40", [toll("~40", D0, "2031-03-08", "about 40"), toll(40, D1, "2031-03-08")]),
    ("an undated Sunday against that Sunday", [day("XXXX-WXX-7TAF", D0, 1, "Sunday afternoon"),
                                               day("2019-09-22", D1, 1, "Sept. 22")]),
    ("an unresolved 'this month' against a day", [day("XXXX-XX", D0, 1, "this month"),
                                                   day("2019-10-02", D1, 1, "Oct. 2")]),
    ("a year and a day in it", [day("2019", D0, 1, "in 2019"), day("2019-09-23", D1, 1, "Sept. 23")]),
    ("a city and its country", [fact(KARIM, "place_of_death", "Herat", D0, 1, value_type="entity"),
                                fact(KARIM, "place_of_death", "Afghanistan", D1, 1, value_type="entity")]),
    ("one place transliterated", [fact(KARIM, "place_of_death", "Musa Qala", D0, 1, value_type="entity"),
                                  fact(KARIM, "place_of_death", "Musa Kala", D1, 1, value_type="entity")]),
    ("Pakistani and Pakistan", [fact(KARIM, "origin", "Pakistan", D0, 1, value_type="country"),
                                fact(KARIM, "origin", "pakistan", D1, 1, value_type="country")]),
]


@pytest.mark.parametrize("case, facts", AGREEMENT_CASES, ids=[c[0] for c in AGREEMENT_CASES])
def test_agreeing_values_are_no_conflict(case, facts) -> None:
    assert run(facts) == []


def test_agreeing_values_are_one_value_inside_a_conflict() -> None:
    facts = [day("XXXX-09-23", D1, 3, "Sept. 23"), day("2019-09-23", D0, 9, "September 23"),
             day("2019-09-20", D2, 4, "Sept. 20")]
    [conflict] = run(facts)
    assert [v["value"] for v in conflict["values"]] == ["2019-09-23", "2019-09-20"]
    assert sides(conflict) == [{D0, D1}, {D2}]
    amounts = [toll(">=40", D0, "2031-03-08", "at least 40"), toll(40, D1, "2031-03-08"),
               toll(30, D2, "2031-03-08")]
    [conflict] = run(amounts)
    first, second = conflict["values"]
    assert (first["value"], first["also"], second["value"]) == (40, [">=40"], 30)
    assert set(first["value_texts"]) == {"at least 40", "40"}


@pytest.mark.parametrize("bounds", [[">=5000", ">5000"], [">5000", ">=5000"]])
def test_of_two_open_bounds_of_one_level_the_higher_says_more(bounds) -> None:
    facts = [toll(b, doc, "2031-03-08", b) for b, doc in zip(bounds, (D0, D1))]
    [conflict] = run([*facts, toll(3000, D2, "2031-03-08")])
    assert [(v["value"], v["also"]) for v in conflict["values"]] == [(">5000", [">=5000"]), (3000, [])]


def test_facing_bounds_are_not_counted_with_each_other() -> None:
    facts = [toll(">4000", D0, None, "more than 4,000"), toll("<=6000", D1, None, "up to 6,000"),
             toll(">6500", D2, None, "more than 6,500")]
    [conflict] = run(facts)
    assert sorted((v["value"], v["also"]) for v in conflict["values"]) == \
        [("<=6000", []), (">4000", []), (">6500", [])]


def test_open_bounds_at_two_levels_are_two_counts() -> None:
    facts = [toll(">9000", D0, "2031-03-08", "more than 9,000"),
             toll(">10000", D1, None, "more than 10,000")]
    [conflict] = run(facts)
    assert (conflict["severity"], [v["value"] for v in conflict["values"]]) == ("soft", [">9000", ">10000"])


def test_a_day_joins_its_morning_whatever_vaguer_dates_agree_with_both() -> None:
    facts = [day("2022-07-31", D0, 1, "July 31", "2022-08-01"),
             day("2022-07-31TMO", D1, 1, "Sunday morning", "2022-08-02"),
             day("XXXX-WXX", D2, 1, "last week"), day("XXXX-WXX-WE", D3, 1, "the weekend"),
             day("XXXX-08-02", D4, 1, "2 August")]
    [conflict] = run(facts)
    assert [(v["value"], v["also"]) for v in conflict["values"]] == \
        [("2022-07-31TMO", ["2022-07-31"]), ("XXXX-08-02", [])]


@pytest.mark.parametrize("unresolved", ["XXXX-XX", "XXXX-WXX", "XXXX"])
def test_an_unresolved_date_is_never_a_side_of_a_hard_conflict(unresolved) -> None:
    facts = [day(unresolved, D0, 1, "then"), day("2019-09-23", D1, 1, "Sept. 23"),
             day("2019-10-05", D2, 1, "Oct. 5")]
    [conflict] = run(facts)
    assert conflict["severity"] == "hard"
    assert unresolved not in [v["value"] for v in conflict["values"]]


WEEKDAY_CASES = [
    # (case, facts, expected severity or None, values of the conflict with the dates they absorbed)
    ("'late Sunday night' in an undated article against 'the early hours of Monday'",
     [day("XXXX-WXX-7TNI", D0, 1, "late Sunday night"),
      day("2031-03-10TMO", D1, 1, "the early hours of Monday", "2031-03-10")],
     "soft", [("2031-03-09TNI", ["XXXX-WXX-7TNI"]), ("2031-03-10TMO", [])]),
    ("an undated Sunday against a Monday",
     [day("XXXX-WXX-7", D0, 1, "Sunday"), day("2031-03-10", D1, 1, "March 10", "2031-03-12")],
     "soft", [("2031-03-09", ["XXXX-WXX-7"]), ("2031-03-10", [])]),
    ("an undated Sunday is counted with the day it can be, against another day",
     [day("XXXX-WXX-7", D0, 1, "Sunday"), day("2031-03-09", D1, 1, "March 9", "2031-03-10"),
      day("2031-03-14", D2, 1, "March 14", "2031-03-15")],
     "hard", [("2031-03-09", ["XXXX-WXX-7"]), ("2031-03-14", [])]),
    ("two undated weekdays: nothing to anchor on",
     [day("XXXX-WXX-7", D0, 1, "Sunday"), day("XXXX-WXX-3", D1, 1, "Wednesday")], None, []),
    ("Sunday against a month: nothing to anchor on",
     [day("XXXX-WXX-7", D0, 1, "Sunday"), day("2031-02", D1, 1, "February", "2031-02-20")], None, []),
    ("a day from an undated report: no week to place the weekday in",
     [day("XXXX-WXX-7TNI", D0, 1, "Sunday night"), day("2031-03-10", D1, 1, "March 10")], None, []),
    ("a day long before its own report ('the 9/11 attacks'): no week either",
     [day("XXXX-WXX-7TNI", D0, 1, "Sunday night"), day("2001-09-11", D1, 1, "9/11", "2031-03-10")],
     None, []),
    ("a day after its own report (a plan, a trial date): no week either",
     [day("XXXX-WXX-7", D0, 1, "Sunday"), day("2031-03-20", D1, 1, "March 20", "2031-03-10")], None, []),
    ("one day apart between outlets in different time zones",
     [day("2031-03-09", D0, 1, "Sunday"), day("2031-03-10", D1, 1, "Monday"),
      day("2031-03-10", D2, 1, "March 10")],
     "soft", [("2031-03-10", []), ("2031-03-09", [])]),
]


@pytest.mark.parametrize("case, facts, severity, values", WEEKDAY_CASES,
                         ids=[c[0][:50] for c in WEEKDAY_CASES])
def test_days_a_day_apart_and_undated_weekdays(case, facts, severity, values) -> None:
    found = run(facts)
    assert [c["severity"] for c in found] == ([severity] if severity else [])
    if found:
        assert [(v["value"], v["also"]) for v in found[0]["values"]] == values


# ---------------------------------------------------------------- counts that grew

UPDATE_CASES = [
    ("the toll rose between dated reports",
     [toll(100, D0, "2020-08-04"), toll(137, D1, "2020-08-05"), toll(157, D2, "2020-08-06")],
     ("soft", "update", [100, 137, 157])),
    ("a larger count on the same day is no update",
     [toll(100, D0, "2020-08-04"), toll(137, D1, "2020-08-04")], ("hard", None, None)),
    ("a later, smaller count contradicts",
     [toll(137, D0, "2020-08-04"), toll(100, D1, "2020-08-05")], ("hard", None, None)),
    ("an undated report cannot be placed in time: it may be an update",
     [toll(100, D0, "2020-08-04"), toll(137, D1, None)], ("soft", "undated", None)),
    ("undated reports on both sides", [toll(158, D0, None), toll(190, D1, None)], ("soft", "undated", None)),
    ("one same-day contradiction among undated reports is hard",
     [toll(100, D0, "2020-08-04"), toll(137, D1, "2020-08-04"), toll(150, D2, None)],
     ("hard", None, None)),
]


@pytest.mark.parametrize("case, facts, expected", UPDATE_CASES, ids=[c[0] for c in UPDATE_CASES])
def test_counts_that_grew(case, facts, expected) -> None:
    [conflict] = run(facts)
    severity, reason, order = expected
    assert (conflict["severity"], conflict["reason"]) == (severity, reason)
    if order:
        assert [v["value"] for v in conflict["values"]] == order
        assert [v["sources"][0]["published"] for v in conflict["values"]] == [
            "2020-08-04", "2020-08-05", "2020-08-06"]


def test_missing_counts_are_not_cumulative() -> None:
    facts = [dated(fact("the fire", "missing_count", 21, D0, 1, value_type="quantity",
                        entity_type="EVENT"), "2020-08-04"),
             dated(fact("the fire", "missing_count", 30, D1, 1, value_type="quantity",
                        entity_type="EVENT"), "2020-08-06")]
    [conflict] = run(facts)
    assert (conflict["severity"], conflict["reason"]) == ("hard", None)


# ------------------------------------------------------------------------ spellings

SPELLING_CASES = [
    ("a person's name transliterated two ways", "PERSON",
     ["Asim Umar", "Asim Omar"], True),
    ("a person's name in house styles only", "PERSON",
     ["Ayman al-Zawahiri", "Ayman Al-Zawahiri", "Ayman al Zawahiri", "AYMAN AL-ZAWAHIRI"], False),
    ("an organisation in house styles (Al Qaeda / al-Qaida)", "ORG",
     ["Al Qaeda", "al-Qaida", "Al-Qaeda", "al Qaeda"], False),
    ("a place transliterated freely (Qala / Kala)", "GPE", ["Musa Qala", "Musa Kala"], False),
    ("an organisation spelled beyond transliteration", "ORG",
     ["Tewolde Foundation", "Tewelde Foundation"], True),
    ("possessives and apostrophes", "PERSON", ["Asim Umar", "Asim Umar’s", "Asim Umar's"], False),
]


@pytest.mark.parametrize("case, entity_type, spellings, reported", SPELLING_CASES,
                         ids=[c[0] for c in SPELLING_CASES])
def test_spellings(case, entity_type, spellings, reported) -> None:
    facts = [name(spellings[0], s, doc, 1, entity_type=entity_type, entity_id="e")
             for s, doc in zip(spellings, (D0, D1, D2, D3))]
    found = run(facts)
    assert [c["kind"] for c in found] == (["spelling"] if reported else [])


def test_a_partial_name_joins_the_spelling_of_its_document() -> None:
    facts = [name("Osama bin Laden", "Osama bin Laden", D0, 1), name("Osama bin Laden", "bin Laden", D0, 4),
             name("Osama bin Laden", "Usama bin Laden", D1, 1), name("Osama bin Laden", "bin Laden", D1, 3),
             name("Osama bin Laden", "Osama bin Ladin", D2, 1)]
    [spelling] = run(facts)
    values = {v["value"]: {(s["doc"], s["line"]) for s in v["sources"]} for v in spelling["values"]}
    assert values == {"Osama bin Laden": {(D0, 1), (D0, 4)}, "Usama bin Laden": {(D1, 1), (D1, 3)},
                      "Osama bin Ladin": {(D2, 1)}}


def test_spellings_are_listed_after_the_disagreements() -> None:
    facts = [name(KARIM, "Karim Haddad", D0, 1), name(KARIM, "Kareem Haddad", D1, 1),
             fact(KARIM, "age", 40, D0, 2, value_type="quantity"),
             fact(KARIM, "age", 52, D1, 2, value_type="quantity"),
             name("Yusuf Nasser", "Yusuf Nasser", D0, 3), name("Yusuf Nasser", "Yousuf Nasser", D1, 3),
             name("Yusuf Nasser", "Yusuf Nasser", D2, 3)]
    found = list(rank_conflicts(run(facts)))
    assert shape(found) == [(KARIM, "age", "value", "hard"), (KARIM, "name", "spelling", "soft"),
                            ("Yusuf Nasser", "name", "spelling", "soft")]


# ------------------------------------------------------------------------ selection

def test_min_severity_filters_whole_conflicts() -> None:
    facts = [day("2019-09-23", D0, 1, "Sept. 23"), day("2019-09-22TNI", D1, 1, "night of Sept. 22"),
             day("2019-09-25", D2, 1, "Sept. 25")]
    [whole] = run(facts)
    [hard] = run(facts, min_severity="hard")
    assert hard == whole  # every value kept, the soft one too
    assert len(hard["values"]) == 3
    assert run(facts[:2], min_severity="hard") == []


@pytest.mark.parametrize("kinds, expected", [
    ("value", [("age", "value")]),
    ("spelling", [("name", "spelling")]),
    ("value,spelling", [("age", "value"), ("name", "spelling")]),
    ("denial", []),
])
def test_kinds_select_conflicts(kinds, expected) -> None:
    facts = [name(KARIM, "Karim Haddad", D0, 1), name(KARIM, "Kareem Haddad", D1, 1),
             fact(KARIM, "age", 40, D0, 2, value_type="quantity"),
             fact(KARIM, "age", 52, D1, 2, value_type="quantity")]
    assert [(c["attribute"], c["kind"]) for c in run(facts, kinds=parse_kinds(kinds))] == expected


@pytest.mark.parametrize("text", ["values", "value,rumour", ","])
def test_unknown_kinds_are_refused(text) -> None:
    with pytest.raises(ValueError, match="value,denial,spelling"):
        parse_kinds(text)


# ----------------------------------------------------------------------- user rules

def test_a_users_rules_reach_the_conflicts(tmp_path) -> None:
    (tmp_path / "roles.yml").write_text(
        "kind: roles\nrules:\n  - id: herald\n    role: spokesperson\n    words: [herald]\n")
    (tmp_path / "cardinality.yml").write_text(
        "kind: cardinality\nrules:\n  - id: homes\n    multiple: true\n    attributes: [residence_city]\n")
    facts = [title(KARIM, "herald of the Northern Front", D0, 2),
             title(KARIM, "former spokesman of the Northern Front", D1, 2),
             fact(KARIM, "residence_city", "Herat", D0, 3, value_type="entity"),
             fact(KARIM, "residence_city", "Jalalabad", D1, 3, value_type="entity")]
    shipped = run(facts)
    assert [(c["attribute"], c["reason"]) for c in shipped] == [("residence_city", None)]
    users = run(facts, rules=load_rules(tmp_path))
    assert [(c["attribute"], c["reason"]) for c in users] == [("title", "former")]


def test_places_from_the_index_decide_containment() -> None:
    facts = [fact(KARIM, "place_of_death", "Musa Qala", D0, 1, value_type="entity"),
             fact(KARIM, "place_of_death", "Helmand", D1, 1, value_type="entity")]
    assert run(facts, places=PlaceIndex({"Musa Qala district": ["Helmand Province"]})) == []


@pytest.mark.parametrize("a, text_a, quote_a, b, quote_b, expected", [
    ("Herat", "Herat", "He was killed in Herat on Sunday.",
     "Jalalabad", "He was killed in Jalalabad.", [("value", "hard")]),
    # the sentence that gave 'United States' names the other place too: not clearly held
    ("United States", "US", "He was killed in a US drone strike in Afghanistan on Sunday.",
     "Afghanistan", "He died in Afghanistan.", []),
    # a place named as a distance's reference point is where it did not happen
    ("Tarvel", "Tarvel", "He died near the town of Tarvel, 62 km south-east of the capital Norvik.",
     "Norvik", "He died in the capital, Norvik.", [("value", "soft")]),
    ("Tarvel", "Tarvel", "He died in Tarvel, 38.5 miles southeast of Norvik, on Sunday.",
     "Norvik", "He died in Norvik.", [("value", "soft")]),
    ("Tarvel", "Tarvel", "He died in Tarvel, some 20 kilometres from Norvik.",
     "Norvik", "He died in Norvik.", [("value", "soft")]),
    # 'near' and 'after leaving' a place are no distance: still named together
    ("Hollin", "Hollin", "He died at Hollin near Tarvel.", "Tarvel", "He died in Tarvel.", []),
    ("Hollin", "Hollin", "He died at Hollin after leaving Norvik, 50 km south of Norvik.",
     "Norvik", "He died in Norvik.", []),
])
def test_a_place_whose_sentences_name_the_other_place_is_not_held_against_it(
        a, text_a, quote_a, b, quote_b, expected) -> None:
    facts = [fact(KARIM, "place_of_death", a, D0, 1, value_type="entity", value_text=text_a,
                  quote=quote_a),
             fact(KARIM, "place_of_death", b, D1, 1, value_type="entity", quote=quote_b)]
    assert [(c["kind"], c["severity"]) for c in run(facts)] == expected


def test_role_holders_read_from_a_store_in_chunks_of_documents() -> None:
    facts = [title(KARIM, "leader of the Northern Front", D0, 2),
             title(KARIM, "leader of the Northern Front", D1, 2, said_by=AGENCY),
             title(YUSUF, "leader of the Northern Front", D1, 9)]
    asked: list[list[str]] = []

    class Store:
        def facts(self, *, docs=None, entity_ids=None, attribute=None):
            assert attribute == "title"
            if docs is not None:
                asked.append(list(docs))
            return [f for f in facts if (docs is None or f["doc"] in docs)
                    and (entity_ids is None or f["entity_id"] in entity_ids)]

    roles = RoleIndex.from_store(Store(), chunk=1)
    [conflict] = run(facts, roles=roles)
    assert conflict["reason"] == "holders"
    assert asked == [[D0], [D1]]  # only the entity's own documents, one chunk at a time


def test_values_set_aside_are_one_csv_cell_beside_the_sides() -> None:
    import json

    from factx.output import csv_rows

    [conflict] = run(IMPLAUSIBLE_CASES[1][1])
    rows = list(csv_rows(conflict, "conflict"))
    assert [r["value"] for r in rows] == ["2031-07-31", "2031-07-26"]  # one row per source of a side
    assert all(json.loads(r["set_aside"])[0]["value"] == "2009-09-11T01:48" for r in rows)


def test_a_denied_place_stands_against_those_who_give_that_place() -> None:
    """The affirming side of a denied place is the sources that give that place, not
    those giving a district in it or its country (neither denied nor affirmed)."""
    places = PlaceIndex({"Old Quarter": ["Herat"], "Herat": ["Afghanistan"]})

    def strike(value: str, doc: str, **kw) -> dict:
        return fact("the strike", "place", value, doc, 1, value_type="entity", entity_type="EVENT", **kw)

    facts = [strike("Herat", D0), strike("Herat", D1), strike("Old Quarter", D2), strike("Afghanistan", D3),
             strike("Herat", D4, said_by="the group", polarity="denied")]
    [denial] = run(facts, places=places)
    assert (denial["kind"], denial["severity"]) == ("denial", "hard")
    assert [(v["value"], {s["doc"] for s in v["sources"]}) for v in denial["values"]] == \
        [("Herat", {D0, D1}), ("Herat", {D4})]


@pytest.mark.parametrize("place_line, expected", [
    (1, [("Karim Haddad", "death", "denial")]),  # one denial: the death's, on the person
    (4, [("Karim Haddad", "death", "denial"), ("the strike", "place", "denial")]),  # denied apart
])
def test_a_killing_denied_with_its_place_is_one_denial(place_line, expected) -> None:
    from factx.conflicts import DeathDenials

    def strike(value: str, doc: str, line: int, **kw) -> dict:
        return fact("the strike", "place", value, doc, line, value_type="entity", entity_type="EVENT", **kw)

    facts = [fact(KARIM, "death", "killed", doc, 1) for doc in (D0, D1, D2)]
    facts += [fact(KARIM, "death", "killed", D3, 1, said_by="the group", polarity="denied"),
              strike("Herat", D0, 1), strike("Herat", D1, 1),
              strike("Herat", D3, place_line, said_by="the group", polarity="denied")]
    found = run(facts, deaths=DeathDenials.from_facts(facts))
    assert [(c["entity"], c["attribute"], c["kind"]) for c in found] == expected
    # without knowing where deaths are denied, the place's denial stands on its own
    assert ("the strike", "place", "denial") in [(c["entity"], c["attribute"], c["kind"]) for c in run(facts)]


# ------------------------------------------------------- order of input (session 6)

def _places_case() -> tuple[list[dict], list[dict], dict[str, list[str]]]:
    parents = {"Karkh": ["Baghdad"], "Mansour": ["Baghdad"], "Tolo": ["Varnia"]}
    first = [fact("Ali Hamdan", "place_of_death", "Baghdad", D0, 1, value_type="entity"),
             fact("Ali Hamdan", "place_of_death", "Tolo", D1, 1, value_type="entity")]
    second = [fact("Omar Said", "place_of_death", "Karkh", D0, 2, value_type="entity"),
              fact("Omar Said", "place_of_death", "Mansour", D2, 2, value_type="entity")]
    return first, second, parents


def test_a_place_is_known_by_its_own_containers_not_by_what_other_lookups_learned() -> None:
    """A lazy place index (the store's) must answer the same whatever entity came first:
    Baghdad has no container of its own, so against Tolo it is two places nothing
    relates (soft), even after another entity's lookup learned that Karkh lies in it."""
    first, second, parents = _places_case()

    def severities(facts: list[dict]) -> dict[str, str]:
        index = PlaceIndex(lookup=lambda name: parents.get(name, []))
        return {c["entity"]: c["severity"] for c in find_conflicts(facts, places=index)}

    forward = severities(sort_facts(first) + sort_facts(second))
    backward = severities(sort_facts(second) + sort_facts(first))
    assert forward == backward == {"Ali Hamdan": "soft", "Omar Said": "hard"}


def test_conflicts_do_not_depend_on_the_order_of_the_facts() -> None:
    from factx.conflicts import facts_conflicts
    first, second, parents = _places_case()
    located = [fact(place, "located_in", outer, D3, 9, value_type="entity", entity_type="GPE")
               for place, outers in parents.items() for outer in outers]
    facts = first + second + located + ROLE_CASES[9][1] + list(DEATH_AFFIRMED)
    forward = list(facts_conflicts(facts))
    assert forward and forward == list(facts_conflicts(list(reversed(facts))))


# ------------------------------------------- precision hazards on unseen stories (session 6)

CRASH = "crash near Tolo"


def count_of(value: object, doc: str, quote: str, text: str, *, attribute: str = "killed_count",
         published: str = "2031-03-12", **kw) -> dict:
    return dated(fact(CRASH, attribute, value, doc, 1, value_type="quantity", value_text=text,
                      quote=quote, entity_type="EVENT", **kw), published)


def when(attribute: str, value: str, doc: str, quote: str, text: str, **kw) -> dict:
    entity, kind = (CRASH, "EVENT") if attribute in ("date", "time") else (KARIM, "PERSON")
    return dated(fact(entity, attribute, value, doc, 1, value_type="date", value_text=text,
                      quote=quote, entity_type=kind, **kw), "2031-03-12")


def age(value: int, doc: str, published: str) -> dict:
    return dated(fact(KARIM, "age", value, doc, 1, value_type="quantity", value_text=str(value),
                      quote=f"Karim Haddad, {value}, said."), published)


HAZARDS = [
    # (case, facts, expected (attribute, severity, reason) of the conflicts)
    ("another event's toll: the worst since an earlier crash",
     [count_of(12, D0, "The crash killed 12 people on Monday.", "12"),
      count_of(40, D1, "It was the deadliest since the 2015 crash that killed 40 people.", "40")],
     []),
    ("another event's toll: a year before the report's own",
     [count_of(14, D0, "At least 14 people died when the ferry sank.", "14"),
      count_of(160, D1, "In 2018, more than 160 people drowned when a ferry sank in the lake.", "more than 160")],
     []),
    ("another event's toll: a year at the head of a long clause",
     [count_of(26, D0, "The quake killed 26 people, officials said.", "26"),
      count_of(100, D1, "The region recorded in 2001 an earthquake of magnitude 8.4 that left more than "
                        "100 dead.", "more than 100")],
     []),
    ("a year this event is only compared with is no other event's",
     [count_of(26, D0, "The quake killed 26 people, officials said.", "26"),
      count_of(31, D1, "The quake, the strongest since 2001, killed 31 people.", "31")],
     [("killed_count", "hard", None)]),
    ("control: the same figures as this event's own disagree",
     [count_of(12, D0, "The crash killed 12 people on Monday.", "12"),
      count_of(40, D1, "The crash killed 40 people on Monday, police said.", "40")],
     [("killed_count", "hard", None)]),
    ("a part of the victims against the total: 'including 12 children'",
     [count_of(40, D0, "The blast killed 40 people, including 12 children.", "40"),
      count_of(12, D1, "Officials said the dead included 12 children.", "12"),
      count_of(12, D2, "The blast killed 40 people, including 12.", "12")],
     []),
    ("a part named by its noun or a demonym: '12 children were killed', '32 Kenyans'",
     [count_of(157, D0, "All 157 people on board were killed.", "157"),
      count_of(32, D1, "32 Kenyans were among the dead, the ministry said.", "32"),
      count_of(9, D2, "Nine children were killed in the crash.", "Nine")],
     []),
    ("who was arrested is no part of the arrested: '18 Saudi citizens arrested' against 21",
     [count_of(18, D0, "Officials were fired and 18 Saudi citizens arrested.", "18", attribute="arrested_count"),
      count_of(21, D1, "The prosecutor said 21 people are in custody.", "21", attribute="arrested_count")],
     [("arrested_count", "hard", None)]),
    ("parts of one kind only are compared with each other",
     [count_of(12, D0, "Twelve children were killed in the crash.", "Twelve"),
      count_of(14, D1, "14 children were killed in the crash, the hospital said.", "14")],
     [("killed_count", "hard", None)]),
    ("a toll that grew between dated reports, the later saying it rose: they agree",
     [count_of(12, D0, "The crash killed 12 people.", "12", published="2031-03-10"),
      count_of(19, D1, "19 dead, up from 12 this morning.", "19", published="2031-03-11"),
      count_of(40, D2, "The toll has risen to 40.", "40", published="2031-03-12")],
     []),
    ("a toll that grew between dated reports, no report saying so: a soft update",
     [count_of(12, D0, "The crash killed 12 people.", "12", published="2031-03-10"),
      count_of(19, D1, "19 dead, up from 12 this morning.", "19", published="2031-03-11"),
      count_of(40, D2, "Police said 40 people were killed.", "40", published="2031-03-12")],
     [("killed_count", "soft", "update")]),
    ("counts a later report says have risen since take no side; the same day's disagreement stays",
     [count_of(2, D0, "Two miners died in the blast.", "Two", published="2031-03-09"),
      count_of(3, D1, "Death toll rises to three.", "three", published="2031-03-10"),
      count_of(5, D2, "Last two miners found dead, toll rises to five.", "five", published="2031-03-11"),
      count_of(5, D3, "The authorities have so far only acknowledged five deaths.", "five",
               published="2031-03-12", said_by="the authorities"),
      count_of(5, D4, "Five workers died in the explosion.", "Five", published=None),
      count_of(">=6", D3, "At least six workers died, the families said.", "At least six",
               published="2031-03-12", said_by="the families")],
     [("killed_count", "hard", None)]),
    ("values of one day that agree ('at least 14', 19) do not stop a later rise being an update",
     [count_of(">=14", D0, "At least 14 people died, officials said in the morning.", "At least 14",
               published="2031-03-10"),
      count_of(19, D1, "Nineteen people died, the mayor said.", "Nineteen", published="2031-03-10"),
      count_of(">=27", D2, "At least 27 people died, a charity said.", "At least 27", published="2031-03-12")],
     [("killed_count", "soft", "update")]),
    ("'up to 40' is a bound, not a rise",
     [count_of(12, D0, "The crash killed 12 people.", "12", published="2031-03-10"),
      count_of(40, D1, "Police said up to 40 people were killed.", "up to 40", published="2031-03-12")],
     [("killed_count", "soft", "update")]),
    ("the date of a funeral is not the date of the death",
     [when("date_of_death", "2031-03-06", D0, "Karim Haddad died on Thursday.", "Thursday"),
      when("date_of_death", "2031-03-07", D1, "Karim Haddad was buried on Friday.", "Friday")],
     []),
    ("the date of an anniversary is not the date of the event",
     [when("date", "2031-03-06", D0, "The crash happened on March 6.", "March 6"),
      when("date", "2031-03-09", D1, "Families marked the anniversary on Sunday.", "Sunday")],
     []),
    ("the date a source spoke is not the date of the event",
     [when("date", "2031-03-06", D0, "The crash happened on Thursday night.", "Thursday night"),
      when("date", "2031-03-08", D1, "The crash killed 12 people, police said on Saturday.", "Saturday")],
     []),
    ("control: a date after 'said' that is the event's own",
     [when("date", "2031-03-06", D0, "The crash happened on Thursday.", "Thursday"),
      when("date", "2031-03-08", D1, "Police said the crash on Saturday killed 12 people.", "Saturday")],
     [("date", "hard", None)]),
    ("ages in reports years apart: the same person older",
     [age(52, D0, "2030-01-10"), age(55, D1, "2033-02-01")],
     []),
    ("ages in reports years apart but further apart than the years",
     [age(52, D0, "2030-01-10"), age(57, D1, "2033-02-01")],
     [("age", "hard", None)]),
    ("ages in reports days apart: a year off is soft, two years hard",
     [age(52, D0, "2031-03-10"), age(53, D1, "2031-03-12"), age(54, D2, "2031-03-12")],
     [("age", "hard", None)]),
    ("a headline's rounded figure against its own body: one source",
     [count_of(12, D0, "Dozens dead as ferry sinks", "Dozens"),
      count_of(31, D0, "Thirty-one people died, officials said.", "Thirty-one", said_by="officials")],
     []),
    ("places at different granularity: village, district, province, country",
     [dated(fact(CRASH, "place", p, d, 1, value_type="entity", entity_type="EVENT"), "2031-03-12")
      for p, d in (("Kessar", D0), ("Tolo district", D1), ("Varnia Province", D2), ("Afghanistan", D3))]
     + [fact(a, "located_in", b, D4, 3, value_type="entity", entity_type="GPE")
        for a, b in (("Kessar", "Tolo district"), ("Tolo district", "Varnia Province"),
                     ("Varnia Province", "Afghanistan"))],
     []),
]


@pytest.mark.parametrize("case, facts, expected", HAZARDS, ids=[h[0][:45] for h in HAZARDS])
def test_precision_hazards(case, facts, expected) -> None:
    places = PlaceIndex.from_facts(facts)
    found = run(facts, places=places)
    assert [(c["attribute"], c["severity"], c["reason"]) for c in found] == expected
    reordered = run(list(reversed(facts)), places=PlaceIndex.from_facts(list(reversed(facts))))
    assert reordered == found  # the order of the input changes nothing


def _denied_death(entity: str, affirming: str, denying: str) -> list[dict]:
    return [fact(entity, "death", "died", affirming, 1, entity_id=entity),
            fact(entity, "death", "died", denying, 2, said_by="the ministry", polarity="denied",
                 entity_id=entity)]


SPLIT_CASES = [
    # (case, facts, entities whose conflicts are reported)
    ("one person split by a spelling and a lone surname: one denial, on the first ranked",
     _denied_death("Bakir Osmanaliev", D0, D1) + _denied_death("Bakir Osmanaliev", D2, D1)
     + _denied_death("Bakir Osmanaliyev", D3, D4) + _denied_death("Osmanaliev", D4, D3),
     ["Bakir Osmanaliev"]),
    ("two people who share a surname keep their own conflicts",
     _denied_death("Bakir Osmanaliev", D0, D1) + _denied_death("Nurlan Osmanaliev", D2, D3),
     ["Bakir Osmanaliev", "Nurlan Osmanaliev"]),
    ("a split person's value conflicts about other values are kept",
     [fact("Karim Haddad", "age", 31, D0, 1, value_type="quantity"),
      fact("Karim Haddad", "age", 29, D1, 1, value_type="quantity"),
      fact("Haddad", "age", 40, D2, 1, value_type="quantity"),
      fact("Haddad", "age", 44, D3, 1, value_type="quantity")],
     ["Haddad", "Karim Haddad"]),
    ("... and left out when they repeat a value",
     [fact("Karim Haddad", "age", 31, D0, 1, value_type="quantity"),
      fact("Karim Haddad", "age", 31, D4, 1, value_type="quantity"),
      fact("Karim Haddad", "age", 29, D1, 1, value_type="quantity"),
      fact("Haddad", "age", 31, D2, 1, value_type="quantity"),
      fact("Haddad", "age", 29, D3, 1, value_type="quantity")],
     ["Karim Haddad"]),
]


@pytest.mark.parametrize("case, facts, entities", SPLIT_CASES, ids=[c[0][:45] for c in SPLIT_CASES])
def test_a_person_split_over_entities_gives_one_conflict(case, facts, entities) -> None:
    from factx.conflicts import facts_conflicts
    found = [c for c in facts_conflicts(facts) if c["kind"] != "spelling"]
    assert [c["entity"] for c in found] == entities
    every = [c for c in facts_conflicts(facts, ranked=False) if c["kind"] != "spelling"]
    assert len(every) >= len(found)  # unranked (--entity): each entity's own view


# ------------------------------------------- session 7: levels of places, midnight, one moment

def _event(attribute: str, value: object, doc: str, line: int = 1, value_type: str = "date",
           **kw) -> dict:
    return fact("the sinking off Port Velan", attribute, value, doc, line, value_type=value_type,
                entity_type="EVENT", **kw)


def _inside(place: str, container: str, doc: str) -> dict:
    return fact(place, "located_in", container, doc, 9, value_type="entity", entity_type="GPE")


SESSION7_CASES = [
    # (case, facts, [(attribute, severity, reason, context)])
    ("a storm's landfall town against the ocean it crossed",
     [_event("place", "Port Velan", D0, value_type="entity"),
      _event("place", "Western Ocean", D1, value_type="entity")],
     []),
    ("a sinking in a strait against the port it sank off",
     [_event("place", "the Korvo Strait", D0, value_type="entity"),
      _event("place", "Port Velan", D1, value_type="entity")],
     []),
    ("a port, its island's province, the island the province is the south of",
     [_event("place", "Port Velan", D0, value_type="entity"),
      _event("place", "South Tarnesia", D1, value_type="entity"),
      _event("place", "Tarnesia", D2, value_type="entity"),
      _inside("Port Velan", "Korvo", D0), _inside("Korvo", "South Tarnesia", D1)],
     []),
    ("a village nothing is known about against a province",
     [_event("place", "Gallo", D0, value_type="entity"),
      _event("place", "Ferra province", D1, value_type="entity")],
     []),
    ("two towns: still a disagreement",
     [_event("place", "Gallo", D0, value_type="entity"),
      _event("place", "Lusso", D1, value_type="entity")],
     [("place", "soft", None, None)]),
    ("a town known to lie in another province: still a disagreement",
     [_event("place", "Mirak", D0, value_type="entity"),
      _event("place", "South Tarnesia", D1, value_type="entity"),
      _inside("Mirak", "Ustal", D0), _inside("South Tarnesia", "Drovia", D1)],
     [("place", "hard", None, None)]),
    # around midnight ("overnight" in a report of the 18th; 23:40 on the 17th told as the 18th)
    ("a night against the day before it",
     [_event("date", "2026-11-18TNI", D0, value_text="overnight"),
      _event("date", "2026-11-17", D1, value_text="late on Tuesday")],
     []),
    ("a time near midnight against the day after it",
     [_event("date", "2026-11-17T23:40", D0, value_text="23:40 on Tuesday"),
      _event("date", "2026-11-18", D1, value_text="Wednesday")],
     []),
    ("the evening against the next day: a day apart",
     [_event("date", "2026-11-17T19:00", D0, value_text="7 p.m. on Tuesday"),
      _event("date", "2026-11-18", D1, value_text="Wednesday")],
     [("date", "soft", None, None)]),
    # one moment, one disagreement: the day and the time of day of the same sources
    ("a day conflict and a time conflict of the same sources: one conflict, the stronger",
     [_event("date", "2025-07-20", D0, value_text="1am on Sunday"),
      _event("date", "2025-07-20", D1, value_text="early Sunday"),
      _event("time", "2025-07-20T01:00", D0, value_text="1am on Sunday"),
      _event("date", "XXXX-07-19", D2, value_text="Saturday, July 19"),
      _event("time", "XXXX-07-19T21:00", D2, value_text="9pm")],
     [("date", "hard", "time", {"time": ["2025-07-20T01:00", "XXXX-07-19T21:00"]})]),
    ("times of other sources than the day's sides stay their own conflict",
     [_event("date", "2025-07-20", D0), _event("date", "2025-07-19", D1),
      _event("time", "2025-07-20T01:00", D2), _event("time", "2025-07-20T05:00", D3)],
     [("date", "soft", None, None), ("time", "hard", None, None)]),
    ("times that differ within one side of the day: two disagreements",
     [_event("date", "2025-07-20", D0), _event("date", "2025-07-20", D1),
      _event("date", "2025-07-18", D2),
      _event("time", "2025-07-20T01:00", D0), _event("time", "2025-07-20T05:00", D1)],
     [("date", "hard", None, None), ("time", "hard", None, None)]),
    ("a time conflict alone (one day) stays a time conflict",
     [_event("date", "2025-07-20", D0), _event("date", "2025-07-20", D1),
      _event("time", "2025-07-20T01:00", D0), _event("time", "2025-07-20T05:00", D1)],
     [("time", "hard", None, None)]),
]


@pytest.mark.parametrize("case, facts, expected", SESSION7_CASES, ids=[c[0][:50] for c in SESSION7_CASES])
def test_places_midnight_and_one_moment(case, facts, expected) -> None:
    found = run(facts, places=PlaceIndex.from_facts(facts))
    assert [(c["attribute"], c["severity"], c["reason"], c["context"]) for c in found] == expected
    reordered = run(list(reversed(facts)), places=PlaceIndex.from_facts(list(reversed(facts))))
    assert reordered == found  # the order of the input changes nothing


def test_one_document_two_speakers_on_a_cause_is_one_conflict_showing_both() -> None:
    """'The police say he hanged himself ...; his family says he was beaten to death.'"""
    quote = "The police say he hanged himself; his family says he was beaten to death."
    facts = [fact("Tomas Verel", "cause_of_death", "suicide", D0, 4, said_by="police",
                  modality="reported", value_text="hanged", quote=quote),
             fact("Tomas Verel", "cause_of_death", "beating", D0, 4, said_by="his family",
                  modality="reported", value_text="beaten", quote=quote)]
    for order in (facts, list(reversed(facts))):
        found = run(order)
        assert [(c["attribute"], c["kind"], c["severity"]) for c in found] == \
            [("cause_of_death", "value", "hard")]
        assert sorted(s["said_by"] for v in found[0]["values"] for s in v["sources"]) == \
            ["his family", "police"]
    # the document's own voice repeating itself is no disagreement
    alone = [{**f, "said_by": None, "modality": "asserted"} for f in facts]
    assert run(alone) == []


def _title(value: str, doc: str, quote: str) -> dict:
    return fact("Karim Haddad", "title", value, doc, 3, value_text=value, quote=quote)


MISTAKEN_CASES = [
    # (case, facts, [(severity, reason, sides as documents)])
    ("a title its sentence calls mistaken against the same role given as current",
     [_title("leader of the Front", D0, "Karim Haddad, the leader of the Front, was killed."),
      _title("chief of the Front", D1, "Haddad was mistakenly identified as the chief of the Front.")],
     [("soft", "mistaken", [{D0}, {D1}])]),
    ("superseded: 'initially identified as ... is now'",
     [_title("leader of the Front", D0, "Karim Haddad, the leader of the Front, was killed."),
      _title("leader of the Front", D2, "Karim Haddad, the leader of the Front, died."),
      _title("emir of the Front", D1,
             "The army initially identified Haddad as the emir of the Front, however Nasser is now its leader.")],
     [("soft", "mistaken", [{D0, D2}, {D1}])]),
    ("called superseded where the document names the one now holding it: that holder is shown",
     [_title("leader of the Front", D0, "Karim Haddad, the leader of the Front, was killed."),
      _title("emir of the Front", D1,
             "The army initially identified Haddad as the emir of the Front, however Yusuf Nasser "
             "is now the leader of the Front."),
      fact("Yusuf Nasser", "title", "leader of the Front", D1, 3, value_text="leader of the Front",
           quote="The army initially identified Haddad as the emir of the Front, however Yusuf Nasser "
                 "is now the leader of the Front.")],
     [("soft", "holders", [{D0, D1}, {D1}])]),
    ("a title of another organisation is no rival",
     [_title("leader of the Front", D0, "Karim Haddad, the leader of the Front, was killed."),
      _title("leader of the Party", D1, "Haddad was wrongly identified as the leader of the Party.")],
     []),
    ("the document that calls it wrong and also gives it: no other source",
     [_title("chief of the Front", D1, "Haddad was mistakenly identified as the chief of the Front."),
      _title("chief of the Front", D1, "He was the chief of the Front, his family said.")],
     []),
    ("a title given twice, never called wrong: no conflict",
     [_title("leader of the Front", D0, "Karim Haddad, the leader of the Front, was killed."),
      _title("leader of the Front", D1, "Haddad was identified as the leader of the Front.")],
     []),
]


@pytest.mark.parametrize("case, facts, expected", MISTAKEN_CASES, ids=[c[0][:50] for c in MISTAKEN_CASES])
def test_a_title_called_mistaken_is_a_title_conflict(case, facts, expected) -> None:
    for order in (facts, list(reversed(facts))):
        found = run(order)
        assert [(c["severity"], c["reason"], sides(c)) for c in found] == expected
        assert all((c["attribute"], c["kind"]) == ("title", "value") for c in found)
