"""Entity lookup for the query commands (issue 15 item 6): every spelling and acronym
finds its entity, a fuzzy match says which entity it took, suggestions pass a floor."""

from __future__ import annotations

import pytest

from factx.errors import UnknownEntity
from factx.lookup import SUGGESTION_FLOOR, closest, find_entity, match_records, similarity
from factx.records import DocResult, FactDraft, Article
from factx.resolve import NameStat, resolve
from factx.store import Store


def _draft(name, label, mention):
    return FactDraft(name=name, name_type=label, attribute="name", value=mention, value_type="name",
                     value_text=mention, start=0, end=len(mention), quote_start=0, quote_end=len(mention),
                     mention=mention, rule="test")


@pytest.fixture()
def store(tmp_path):
    db = Store.open(tmp_path)
    drafts = [_draft("Al Qaeda in the Indian Subcontinent", "ORG", "AQIS"),
              _draft("Al Qaeda in the Indian Subcontinent", "ORG", "Al Qaeda in the Indian Subcontinent"),
              _draft("Asim Umar", "PERSON", "Asim Umar"), _draft("Asim Umar", "PERSON", "Mr. Umar"),
              _draft("Usama Mahmood", "PERSON", "Usama Mahmood"), _draft("UN", "ORG", "UN"),
              _draft("September 11", "EVENT", "September 11")]
    with db.writer() as writer:
        writer.add(DocResult(Article("a.txt", "text"), tuple(drafts), "v"), "p")
        writer.commit()
        names = {(d.name, d.name_type) for d in drafts}
        writer.set_entities(resolve([NameStat(n, t, 1) for n, t in names]), lambda n: __import__("factx.names").names.fold(n))
        writer.finish()
    return db


def _canonical(db, ids):
    return sorted(db.entity(i)[1] for i in ids)


@pytest.mark.parametrize("query,canonical", [
    ("AQIS", "Al Qaeda in the Indian Subcontinent"),          # an acronym only used as a mention
    ("aqis", "Al Qaeda in the Indian Subcontinent"),
    ("al-qaeda in the indian subcontinent", "Al Qaeda in the Indian Subcontinent"),
    ("Mr. Umar", "Asim Umar"),
    ("ASIM UMAR", "Asim Umar"),
])
def test_every_spelling_finds_its_entity(store, query, canonical) -> None:
    taken = []
    assert _canonical(store, find_entity(store, query, on_fuzzy=lambda q, c: taken.append(c))) == [canonical]
    assert taken == []  # exact: nothing to report


def test_a_fuzzy_match_says_which_entity_it_took(store) -> None:
    taken = []
    assert _canonical(store, find_entity(store, "Asem Umer", on_fuzzy=lambda q, c: taken.append((q, c)))) \
        == ["Asim Umar"]
    assert taken == [("Asem Umer", "Asim Umar")]


def test_unknown_names_suggest_only_close_names(store) -> None:
    with pytest.raises(UnknownEntity) as info:
        find_entity(store, "Omer Farouk Khan")
    assert "September 11" not in info.value.closest and "UN" not in info.value.closest
    with pytest.raises(UnknownEntity) as info:
        find_entity(store, "zzzz")
    assert info.value.closest == [] and "factx entities" in info.value.hint


@pytest.mark.parametrize("query,name,above", [
    ("umer", "Asim Umar", True), ("umer", "September 11", False), ("umer", "UN", False),
    ("asim umer khan", "Asim Umar", True), ("Raja Khattab", "Asim Umar", False),
])
def test_similarity_floor(query, name, above) -> None:
    assert (similarity(query, name) >= SUGGESTION_FLOOR) is above


def test_closest_is_ordered_and_floored() -> None:
    assert closest("umer", ["September 11", "UN", "Asim Umar"]) == ["Asim Umar"]


def test_match_records_by_mention_and_by_resolution() -> None:
    records = [{"entity": "Asim Umar", "entity_id": "e1", "entity_type": "PERSON", "mention": "Mr. Umar"},
               {"entity": "Al Qaeda in the Indian Subcontinent", "entity_id": "e2", "entity_type": "ORG",
                "mention": "AQIS"}]
    assert match_records(records, "AQIS") == {"e2"}
    taken = []
    assert match_records(records, "Asim Omer", on_fuzzy=lambda q, c: taken.append(c)) == {"e1"}
    assert taken == ["Asim Umar"]
    with pytest.raises(UnknownEntity):
        match_records(records, "Nobody Here")


def test_declared_names_are_merged_by_the_run(tmp_path) -> None:
    from factx.extract import resolve_store
    from factx.lookup import declared_names

    db = Store.open(tmp_path)
    aka = FactDraft(name="Karim Haddad", name_type="PERSON", attribute="alternate_names", value="Abu Jamil",
                    value_type="name", value_text="Abu Jamil", start=0, end=9, quote_start=0, quote_end=9,
                    mention="Karim Haddad", rule="alias.aka")
    with db.writer() as writer:
        writer.add(DocResult(Article("a.txt", "text"), (_draft("Karim Haddad", "PERSON", "Karim Haddad"), aka), "v"),
                   "p")
        writer.add(DocResult(Article("b.txt", "text 2"), (_draft("Abu Jamil", "PERSON", "Abu Jamil"),), "v"), "p")
        writer.commit()
        assert declared_names(db) == [("Karim Haddad", "Abu Jamil", "PERSON")]
        resolve_store(db, writer)
        writer.finish()
    assert find_entity(db, "Abu Jamil") == find_entity(db, "Karim Haddad")


# ------------------------------------------------- the user's rules reach the lookup (#16)

USER_TITLES = "kind: honorifics\nrules:\n  - id: user_titles\n    type: PERSON\n    words: [Ustadh]\n"


@pytest.fixture()
def user_rules(tmp_path):
    folder = tmp_path / "my-rules"
    folder.mkdir()
    (folder / "titles.yml").write_text(USER_TITLES, encoding="utf-8")
    return folder


@pytest.fixture()
def haddad_store(tmp_path):
    db = Store.open(tmp_path / "store")
    with db.writer() as writer:
        writer.add(DocResult(Article("b.txt", "text"), (_draft("Karim Haddad", "PERSON", "Karim Haddad"),
                                                        _draft("Samir Nasser", "PERSON", "Samir Nasser")), "v"), "p")
        writer.commit()
        writer.finish()
    return db


def _resolved(db, rules_dir):
    from factx.extract import resolve_store

    with db.writer() as writer:
        resolve_store(db, writer, rules_dir=str(rules_dir) if rules_dir else None)
        writer.finish()


def test_a_users_titles_reach_the_lookup(haddad_store, user_rules) -> None:
    from factx.lookup import RULES_KEY
    from factx.rules import load_rules

    _resolved(haddad_store, None)
    with pytest.raises(UnknownEntity):  # the shipped rules know no "Ustadh"
        find_entity(haddad_store, "Ustadh Karim Haddad")
    assert _canonical(haddad_store, find_entity(haddad_store, "Ustadh Karim Haddad",
                                                rules=load_rules(user_rules))) == ["Karim Haddad"]
    # a run with --rules: the store remembers them, and lookups fold names with them
    _resolved(haddad_store, user_rules)
    assert haddad_store.meta(RULES_KEY) == str(user_rules.resolve())
    assert _canonical(haddad_store, find_entity(haddad_store, "Ustadh Karim Haddad")) == ["Karim Haddad"]
    # ... until a run without them
    _resolved(haddad_store, None)
    assert haddad_store.meta(RULES_KEY) is None
    with pytest.raises(UnknownEntity):
        find_entity(haddad_store, "Ustadh Karim Haddad")


def test_a_users_titles_reach_records_read_from_jsonl(user_rules) -> None:
    from factx.rules import load_rules

    records = [{"entity": "Karim Haddad", "entity_id": "k", "entity_type": "PERSON", "mention": "Karim Haddad"}]
    with pytest.raises(UnknownEntity):
        match_records(records, "Ustadh Karim Haddad")
    assert match_records(records, "Ustadh Karim Haddad", rules=load_rules(user_rules)) == {"k"}


@pytest.mark.parametrize("query,expected", [
    (None, ["Al Qaeda in the Indian Subcontinent", "Asim Umar", "September 11", "UN", "Usama Mahmood"]),
    ("umar", ["Asim Umar"]),                                  # part of a canonical name
    ("AQIS", ["Al Qaeda in the Indian Subcontinent"]),        # a spelling the documents use
    ("indian sub", ["Al Qaeda in the Indian Subcontinent"]),
    ("MR. UMAR", ["Asim Umar"]),
])
def test_entities_matching_a_query(store, query, expected) -> None:
    from factx.lookup import matching_entities

    assert sorted(canonical for _, canonical, _ in matching_entities(store, query)) == expected


def test_entities_matching_nothing_suggest_close_names(store) -> None:
    from factx.lookup import matching_entities

    with pytest.raises(UnknownEntity) as info:
        matching_entities(store, "Asim Omer")
    assert info.value.closest == ["Asim Umar"]


# ----------------------- a name without its first given name, given one role and origin

def _fact(name, attribute, value):
    return FactDraft(name=name, name_type="PERSON", attribute=attribute, value=value, value_type="text",
                     value_text=value, start=0, end=4, quote_start=0, quote_end=4, mention=name, rule="test")


def _person(name, title=None, origin=None):
    facts = [_draft(name, "PERSON", name)]
    facts += [_fact(name, "title", title)] if title else []
    facts += [_fact(name, "origin", origin)] if origin else []
    return facts


ROLE_RUNS = [
    # (documents: lists of (name, title, origin), pairs expected)
    # the same role and origin in two documents: one person
    ([[("Recan Tayfun Ardal", "president", "Norway")], [("Tayfun Ardal", "president", "Norway")]],
     [("Recan Tayfun Ardal", "Tayfun Ardal", "PERSON")]),
    # a father's name as middle name: another role (or none) keeps them apart
    ([[("Maren Nils Haugen", "vice president", "Norway")], [("Nils Haugen", "prime minister", "Norway")]], []),
    ([[("Maren Nils Haugen", None, "Norway")], [("Nils Haugen", "prime minister", "Norway")]], []),
    # ... and so does another origin
    ([[("Recan Tayfun Ardal", "president", "Norway")], [("Tayfun Ardal", "president", "Sweden")]], []),
    # a document that names both has told them apart
    ([[("Recan Tayfun Ardal", "president", "Norway"), ("Tayfun Ardal", "president", "Norway")]], []),
    # two longer names it could be: neither
    ([[("Recan Tayfun Ardal", "president", "Norway")], [("Ole Tayfun Ardal", "president", "Norway")],
      [("Tayfun Ardal", "president", "Norway")]], []),
    # particles are no given names: "bin Haddad" is not "Karim bin Haddad" by this rule
    ([[("Karim bin Haddad", "president", "Norway")], [("bin Haddad", "president", "Norway")]], []),
]

def _store_of(tmp_path, docs):
    """A store holding one document per list of (name, title, origin) people."""
    db = Store.open(tmp_path)
    with db.writer() as writer:
        for n, people in enumerate(docs):
            facts = tuple(f for person in people for f in _person(*person))
            writer.add(DocResult(Article(f"{n}.txt", f"text {n}"), facts, "v"), "p")
        writer.commit()
        writer.finish()
    return db


@pytest.mark.parametrize("docs,expected", ROLE_RUNS)
def test_names_given_one_role_and_origin(tmp_path, docs, expected) -> None:
    from factx.lookup import role_shared_names

    db = _store_of(tmp_path, docs)
    assert role_shared_names(db) == expected


def test_a_name_without_its_first_given_name_joins_by_role(tmp_path) -> None:
    from factx.extract import resolve_store

    db = Store.open(tmp_path)
    with db.writer() as writer:
        writer.add(DocResult(Article("a.txt", "text"), tuple(_person("Recan Tayfun Ardal", "president", "Norway")),
                             "v"), "p")
        writer.add(DocResult(Article("b.txt", "text 2"), tuple(_person("Tayfun Ardal", "president", "Norway")),
                             "v"), "p")
        writer.commit()
        resolve_store(db, writer)
        writer.finish()
    assert find_entity(db, "Tayfun Ardal") == find_entity(db, "Recan Tayfun Ardal")


# ----------------------- a name written once with one letter more or less (a slip)

def _said(docs):
    """Documents as lists of (in-document name, sentence): one name fact per pair, quoting
    its sentence."""
    out = []
    for n, pairs in enumerate(docs):
        text, facts = "", []
        for name, sentence in pairs:
            start = len(text)
            text += sentence + " "
            facts.append(FactDraft(name=name, name_type="PERSON", attribute="name", value=name, value_type="name",
                                   value_text=name, start=start, end=start + len(name), quote_start=start,
                                   quote_end=start + len(sentence), mention=name, rule="test"))
        out.append((f"{n}.txt", text, tuple(facts)))
    return out


def _said_store(tmp_path, docs):
    """A store holding `_said(docs)`, written and finished."""
    db = Store.open(tmp_path)
    with db.writer() as writer:
        for path, text, facts in _said(docs):
            writer.add(DocResult(Article(path, text), facts, "v"), "p")
        writer.commit()
        writer.finish()
    return db


def _slip_run(frequent, rare):
    """A run writing `frequent` five times in three documents, and `rare` once in the last
    one: no slip expected."""
    return ([[(frequent, f"{frequent} spoke.")] * 2, [(frequent, f"{frequent} won.")] * 2,
             [(rare, f"{rare} was hurt."), (frequent, f"{frequent} is 40.")]], [])


_IB = "Ibrahim Nasser"
_FREQUENT = [[(_IB, "Ibrahim Nasser said he would run."), (_IB, "Ibrahim Nasser won.")],
             [(_IB, "Ibrahim Nasser spoke on Monday."), (_IB, "Ibrahim Nasser left.")]]

SLIP_RUNS = [
    # (documents, pairs expected)
    # a slip in a document that writes the name right too: one person
    (_FREQUENT + [[("Ibraim Nasser", "Police said Ibraim Nasser was hurt when he fell."), (_IB, "Ibrahim Nasser is 40.")]],
     [(_IB, "Ibraim Nasser", "PERSON")]),
    # a dropped final vowel, the same way
    ([[("Samira Haddad", "Samira Haddad said she would run.")] * 2, [("Samira Haddad", "Samira Haddad won.")] * 2,
      [("Samir Haddad", "Samir Haddad, 40, said she was tired."), ("Samira Haddad", "Samira Haddad left.")]],
     [("Samira Haddad", "Samir Haddad", "PERSON")]),
    # relatives: a kinship word in the slip's sentence
    (_FREQUENT + [[("Ibrahima Nasser", "His sister Ibrahima Nasser was hurt."), (_IB, "Ibrahim Nasser is 40.")]], []),
    # ... or the other gender's pronouns
    (_FREQUENT + [[("Ibrahima Nasser", "Ibrahima Nasser said she was hurt."), (_IB, "Ibrahim Nasser is 40.")]], []),
    # ... or both names in one sentence
    (_FREQUENT + [[("Ibraim Nasser", "Ibraim Nasser and Ibrahim Nasser met."), (_IB, "Ibrahim Nasser is 40.")]], []),
    # a document that never writes the frequent name: no slip of its writer
    (_FREQUENT + [[("Ibraim Nasser", "Ibraim Nasser was hurt.")]], []),
    # the rare name written in two documents: a name of its own
    (_FREQUENT + [[("Ibraim Nasser", "Ibraim Nasser was hurt."), (_IB, "Ibrahim Nasser is 40.")],
                  [("Ibraim Nasser", "Ibraim Nasser was seen."), (_IB, "Ibrahim Nasser is 41.")]], []),
    # not frequent enough: the frequent name in one document only
    ([[("Ibraim Nasser", "Ibraim Nasser was hurt."), (_IB, "Ibrahim Nasser is 40."), (_IB, "Ibrahim Nasser left."),
       (_IB, "Ibrahim Nasser won.")]], []),
    # a whole word apart, a changed letter, a short word, another first letter: never
    (_FREQUENT + [[("Ibrahim Nasr", "Ibrahim Nasr was hurt."), (_IB, "Ibrahim Nasser is 40.")]], []),
    ([[("Amir Nasser", "Amir Nasser spoke.")] * 2, [("Amir Nasser", "Amir Nasser won.")] * 2,
      [("Amin Nasser", "Amin Nasser was hurt."), ("Amir Nasser", "Amir Nasser is 40.")]], []),
    ([[("Alim Nasser", "Alim Nasser spoke.")] * 2, [("Alim Nasser", "Alim Nasser won.")] * 2,
      [("Ali Nasser", "Ali Nasser was hurt."), ("Alim Nasser", "Alim Nasser is 40.")]], []),
    # real names one letter apart: four letters and a letter other than a final vowel
    _slip_run("Samir Haddad", "Sami Haddad"), _slip_run("Hanan Haddad", "Hana Haddad"),
    _slip_run("Ramiz Haddad", "Rami Haddad"), _slip_run("Diana Haddad", "Dana Haddad"),
    _slip_run("Omar Nasser", "Oamar Nasser"), _slip_run("Saud Nasser", "Saad Nasser"),
    _slip_run("Mohammed bin Salman", "Mohammed bin Nayef"), _slip_run("Tewolde Gebremariam", "Tewelde Weldemaruam"),
    # ... a final vowel dropped from a four-letter name is a slip (pronouns agreeing)
    (_slip_run("Osama Karimi", "Osam Karimi")[0], [("Osama Karimi", "Osam Karimi", "PERSON")]),
    # two frequent names one letter from the slip: which one?
    ([[("Karim Haddad", "Karim Haddad spoke."), ("Karam Haddad", "Karam Haddad spoke.")] * 2,
      [("Karim Haddad", "Karim Haddad won."), ("Karam Haddad", "Karam Haddad won.")] * 2,
      [("Karm Haddad", "Karm Haddad was hurt."), ("Karim Haddad", "Karim Haddad is 40."),
       ("Karam Haddad", "Karam Haddad is 41.")]], []),
    # one-word names: never
    ([[("Nasser", "Nasser spoke.")] * 2, [("Nasser", "Nasser won.")] * 2, [("Naser", "Naser was hurt."), ("Nasser", "x")]], []),
]


@pytest.mark.parametrize("docs,expected", SLIP_RUNS)
def test_slips_of_the_pen(tmp_path, docs, expected) -> None:
    from factx.lookup import misspelled_names

    db = _said_store(tmp_path, docs)
    assert misspelled_names(db) == expected



# A rerun asks only about the names it changed: the pairs that hold one of `names` are
# those of the whole store's answer, read from the facts of the names near them.

def _subject_names(db) -> list[str]:
    return sorted({n for (n,) in db.conn.execute("SELECT name FROM facts")})


@pytest.mark.parametrize("docs,expected", ROLE_RUNS + [
    # two people of one surname and two others: each asked alone gets its own pair only
    ([[("Recan Tayfun Ardal", "president", "Norway"), ("Lena Sofie Berg", "minister", "Norway")],
      [("Tayfun Ardal", "president", "Norway"), ("Sofie Berg", "minister", "Norway"), ("Ardal", None, None)]],
     [("Lena Sofie Berg", "Sofie Berg", "PERSON"), ("Recan Tayfun Ardal", "Tayfun Ardal", "PERSON")])])
def test_role_shared_names_of_some_names_are_those_of_the_store(tmp_path, docs, expected) -> None:
    from factx.lookup import role_shared_names

    db = _store_of(tmp_path, docs)
    assert role_shared_names(db) == expected
    assert db.fact_names() == _subject_names(db)
    for name in _subject_names(db) + ["Ole Tayfun Ardal"]:
        assert role_shared_names(db, names=[name]) == [p for p in expected if name in p[:2]], name
    assert role_shared_names(db, names=[]) == []


@pytest.mark.parametrize("docs,expected", SLIP_RUNS + [
    # two slips of two people: each asked alone gets its own pair only
    ([[(_IB, "Ibrahim Nasser spoke."), ("Samira Haddad", "Samira Haddad spoke.")] * 2,
      [(_IB, "Ibrahim Nasser won."), ("Samira Haddad", "Samira Haddad won.")] * 2,
      [("Ibraim Nasser", "Ibraim Nasser was hurt."), (_IB, "Ibrahim Nasser is 40."),
       ("Samir Haddad", "Samir Haddad said she was tired."), ("Samira Haddad", "Samira Haddad left.")]],
     [(_IB, "Ibraim Nasser", "PERSON"), ("Samira Haddad", "Samir Haddad", "PERSON")]),
    # the slip is one letter from a second frequent name in another word: which one? (asking
    # for the first name, the second is two names away: its facts must be read too)
    (_FREQUENT + [[("Ibraim Nasseri", "Ibraim Nasseri spoke.")] * 2, [("Ibraim Nasseri", "Ibraim Nasseri won.")] * 2,
                  [("Ibraim Nasser", "Ibraim Nasser was hurt."), (_IB, "Ibrahim Nasser is 40.")]], [])])
def test_slips_of_some_names_are_those_of_the_store(tmp_path, docs, expected) -> None:
    from factx.lookup import misspelled_names

    db = _said_store(tmp_path, docs)
    assert misspelled_names(db) == expected
    for name in _subject_names(db) + ["Ibrahim Naser", "Karim Haddad"]:
        assert misspelled_names(db, names=[name]) == [p for p in expected if name in p[:2]], name
    assert misspelled_names(db, names=[]) == []



@pytest.mark.parametrize("a,b,share", [
    ("Ibrahim Nasser", "Ibraim Nasser", True), ("Ibraim Nasser", "Ibraim Nasseri", True),
    ("Osama Karimi", "Osam Karimi", True), ("Samira Haddad", "Samir Haddad", True),
    ("Karim Haddad", "Samir Haddad", False), ("Ibrahim Nasser", "Ibrahim Nasr", False),
    ("Nasser", "Naser", False), ("Ibrahim Nasser", "Ibraim Nasseri", False)])
def test_names_a_slip_may_pair_share_a_slip_key(a, b, share) -> None:
    from factx.lookup import slip_keys

    assert bool(slip_keys(a) & slip_keys(b)) is share


def test_a_slip_joins_the_name_and_its_surname(tmp_path) -> None:
    from factx.extract import resolve_store

    docs = _FREQUENT + [[("Ibraim Nasser", "Police said Ibraim Nasser was hurt."), (_IB, "Ibrahim Nasser is 40."),
                         ("Nasser", "Nasser left.")]]
    db = Store.open(tmp_path)
    with db.writer() as writer:
        for path, text, facts in _said(docs):
            writer.add(DocResult(Article(path, text), facts, "v"), "p")
        writer.commit()
        resolve_store(db, writer)
        writer.finish()
    assert find_entity(db, "Ibraim Nasser") == find_entity(db, "Ibrahim Nasser") == find_entity(db, "Nasser")


# ----------------------- a type a rule's evidence decided outvotes the model across documents

def _typed(name, label, typed):
    return FactDraft(name=name, name_type=label, attribute="name", value=name, value_type="name", value_text=name,
                     start=0, end=len(name), quote_start=0, quote_end=len(name), mention=name,
                     rule="ner.mention.typed" if typed else "ner.mention")


@pytest.mark.parametrize("docs,expected", [
    # "a bombing in Rasko" once, the model's PERSON three times: a place
    ([[("GPE", True)], [("PERSON", False)] * 2, [("PERSON", False)]], "GPE"),
    # evidence on both sides: the one with more of it
    ([[("GPE", True)], [("PERSON", True)] * 2, [("GPE", False)] * 3], "PERSON"),
    # no evidence: the model's majority
    ([[("GPE", False)], [("PERSON", False)] * 2], "PERSON"),
])
def test_name_stats_weigh_rule_evidence(tmp_path, docs, expected) -> None:
    db = Store.open(tmp_path)
    with db.writer() as writer:
        for n, mentions in enumerate(docs):
            facts = tuple(_typed("Rasko", label, typed) for label, typed in mentions)
            writer.add(DocResult(Article(f"{n}.txt", f"text {n}"), facts, "v"), "p")
        writer.commit()
        writer.finish()
    assert [(name, label) for name, label, _ in db.name_stats()] == [("Rasko", expected)]
