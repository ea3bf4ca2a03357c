"""The memo on a terminal: conflicts in, lines out (pure, no Rich, no store)."""

from __future__ import annotations

import pytest

from factx.conflicts import find_conflicts, rank_conflicts, sort_facts
from factx.memo import attribute_words, memo_lines, outlets_from, summary

from test_conflicts import D0, D1, D2, NDS, PLACES, UMAR_DEATH, UMAR_DENIAL, UMAR_NAMES, fact

OUTLETS = {D0: "The New York Times", D1: "Military Times"}


def memo(facts, **kw) -> list[str]:
    found = list(rank_conflicts(find_conflicts(sort_facts(facts), places=PLACES)))
    return list(memo_lines(found, **kw))


def test_summary_line_says_what_is_disputed_and_by_how_many_sources() -> None:
    lines = memo(UMAR_DEATH + UMAR_DENIAL + UMAR_NAMES, outlets=OUTLETS)
    head = " ".join(line.strip() for line in lines[:lines.index("")])  # wrapped at 100 columns
    assert lines[1].startswith("  ") and max(map(len, lines)) <= 100
    assert head == ("Asim Umar (person): 2 disagreements among 5 sources: the death itself "
                        "(denied by Taliban), date of death; spelled Asim Umar / Asim Omar")


def test_values_in_words_beside_their_timex_and_one_line_per_source() -> None:
    lines = memo(UMAR_DEATH, outlets=OUTLETS, width=110)
    text = "\n".join(lines)
    assert "  1. Date of death: overlap, differ in precision or lie a day apart (time zones, midnight)" in lines
    assert "     “the night of Sept. 22” · 2019-09-22TNI" in lines
    night = lines.index("     “the night of Sept. 22” · 2019-09-22TNI")
    source = lines[night + 1]
    # the outlet, who said it and how, path:line, and the quote around the value's words
    assert source.startswith("      • Military Times · The Associated Press (hedged) · seeds/001.txt:33 · “")
    assert "the night of Sept. 22" in source  # the quote around the value's words
    assert max(map(len, lines)) <= 110
    assert "      • Military Times · NDS · seeds/001.txt:35 · “quote of seeds/001.txt:35”" in text


def test_without_an_outlet_the_path_names_the_file() -> None:
    lines = memo(UMAR_DEATH)
    assert any(line.startswith("      • The Associated Press (hedged) · seeds/001.txt:33") for line in lines)


def test_quotes_prints_every_whole_quote() -> None:
    lines = memo(UMAR_DEATH, outlets=OUTLETS, quotes=True, width=80)
    night = lines.index("      • Military Times · The Associated Press (hedged) · seeds/001.txt:33")
    quote = " ".join(line.strip() for line in lines[night + 1:night + 4])
    assert quote.startswith("“The Associated Press reported that anti-Taliban raids")
    assert "killed 40 civilians at a wedding party.”" in quote
    assert max(map(len, lines)) <= 80


def test_denial_shows_both_sides_with_the_event_as_context() -> None:
    lines = memo(UMAR_DEATH + UMAR_DENIAL, outlets=OUTLETS)
    first = lines.index("  1. The death itself: affirmed and denied (hard)")
    assert lines[first + 1].startswith("     Affirmed: date of death 2019-09-23, 2019-09-22TNI")
    denied = lines.index("     Denied:")
    assert lines[denied + 1].startswith("      • The New York Times · Taliban (denies) · seeds/000.txt:7")


def test_spellings_come_last_under_their_own_heading() -> None:
    lines = memo(UMAR_DEATH + UMAR_NAMES)
    heading = lines.index("  Spellings (listed after the disagreements):")
    assert all(not line.startswith("  1.") and not line.startswith("  2.") for line in lines[heading:])
    assert "     “Omar”, “‘Asim Omar’” · Asim Omar" in lines[heading:]
    assert "     “Mr. Umar”, “Umar” · Asim Umar" in lines[heading:]
    # one source several times in one document is one line with every line number
    assert "      • seeds/000.txt:9, 11, 19 · “quote of seeds/000.txt:9”" in lines[heading:]


def test_updates_show_their_dates() -> None:
    facts = [{**fact("the fire", "killed_count", n, d, 1, value_type="quantity", entity_type="EVENT"),
              "published": p} for n, d, p in ((100, D0, "2020-08-04"), (137, D1, "2020-08-05"))]
    lines = memo(facts)
    assert lines[0] == "the fire (event): 1 disagreement among 2 sources: number killed (updated)"
    assert "  1. Number killed: a count that grew between dated reports (soft)" in lines
    assert "     100 · reported 2020-08-04" in lines and "     137 · reported 2020-08-05" in lines


def test_counts_from_undated_reports_say_so() -> None:
    facts = [{**fact("the fire", "killed_count", n, d, 1, value_type="quantity", entity_type="EVENT"),
              "published": p} for n, d, p in ((158, D0, None), (190, D1, "2020-08-30"))]
    lines = memo(facts)
    assert "  1. Number killed: counts that differ; a report without a date may be an earlier one (soft)" \
        in lines
    assert "     158 · undated" in lines and "     190 · reported 2020-08-30" in lines


def test_a_denied_value_is_named_in_the_summary() -> None:
    facts = [fact("the fire", "killed_count", 900, D0, 1, value_type="quantity", value_text="900",
                  entity_type="EVENT", said_by="the society"),
             fact("the fire", "killed_count", 900, D1, 1, value_type="quantity", value_text="900",
                  entity_type="EVENT", said_by="the ministry", polarity="denied")]
    lines = memo(facts)
    assert lines[0] == "the fire (event): 1 disagreement among 2 sources: number killed (900 denied by the ministry)"


def test_counts_that_contradict_show_when_each_was_reported() -> None:
    facts = [{**fact("the fire", "killed_count", n, d, 1, value_type="quantity", entity_type="EVENT"),
              "published": p} for n, d, p in ((137, D0, "2020-08-05"), (100, D1, "2020-08-05"))]
    lines = memo(facts)
    assert "  1. Number killed: cannot both be true" in lines
    assert "     137 · reported 2020-08-05" in lines and "     100 · reported 2020-08-05" in lines


def test_other_values_show_no_report_date() -> None:
    facts = [{**fact("the fire", "date", v, d, 1, value_type="date", entity_type="EVENT"),
              "published": "2020-08-05"} for v, d in (("2020-08-01", D0), ("2020-08-04", D1))]
    lines = memo(facts)
    assert not any("reported" in line for line in lines)


def test_an_undated_weekday_shows_the_day_it_was_taken_as() -> None:
    facts = [{**fact("Karim Haddad", "date_of_death", v, d, 1, value_type="date", value_text=t), "published": p}
             for v, t, d, p in (("XXXX-WXX-7TNI", "late Sunday night", D0, None),
                                ("2031-03-10TMO", "the early hours of Monday", D1, "2031-03-10"))]
    lines = memo(facts)
    assert ("     “late Sunday night” · 2031-03-09TNI (an undated XXXX-WXX-7TNI, taken as the nearest "
            "such day)") in lines


def test_a_date_no_source_can_mean_is_shown_set_aside() -> None:
    facts = [{**fact("Karim Haddad", "date_of_death", v, d, 1, value_type="date", value_text=t), "published": p}
             for v, t, d, p in (("2031-07-31", "July 31", D0, "2031-08-01"),
                                ("2009-09-11T01:48", "0148 GMT", D1, "2031-08-02"),
                                ("2031-07-26", "July 26", D2, "2031-08-02"))]
    lines = memo(facts, outlets=OUTLETS)
    aside = lines.index("     Set aside: “0148 GMT” · 2009-09-11T01:48")
    assert lines[aside + 1] == ("        (22 years from its own document's date, 2031-08-02, and from every "
                                "other source's date:")
    assert lines[aside + 2] == "        probably misread)"
    assert lines[aside + 3].startswith("      • Military Times · seeds/001.txt:1")
    assert max(map(len, lines)) <= 100
    assert lines[0] == "Karim Haddad (person): 1 disagreement among 2 sources: date of death"


def test_another_holder_is_named() -> None:
    title = lambda who, doc, line, **kw: fact(who, "title", "leader of the Northern Front", doc, line,  # noqa: E731
                                              **kw)
    facts = [title("Karim Haddad", D0, 2), title("Karim Haddad", D1, 2, said_by=NDS),
             title("Yusuf Nasser", D1, 7)]
    from factx.conflicts import RoleIndex

    found = list(find_conflicts(sort_facts(facts), roles=RoleIndex.from_facts(facts)))
    lines = list(memo_lines(found))
    assert "  1. Title: another holder of the same role named (soft)" in lines
    assert "     Yusuf Nasser is named to it (“leader of the Northern Front”)" in lines


def test_entities_are_separated_and_nothing_in_gives_nothing_out() -> None:
    assert list(memo_lines([])) == []
    lines = memo(UMAR_NAMES + [fact("Karim Haddad", "age", a, d, 1, value_type="quantity")
                               for a, d in ((40, D0), (52, D2))])
    starts = [line for line in lines if line and not line.startswith(" ")]
    assert starts == ["Karim Haddad (person): 1 disagreement among 2 sources: age",
                      "Asim Umar (person): spelled Asim Umar / Asim Omar"]


@pytest.mark.parametrize("attribute, words", [
    ("date_of_death", "date of death"), ("death", "the death itself"),
    ("killed_count", "number killed"), ("helicopter_count", "helicopter count"),
])
def test_attribute_words(attribute, words) -> None:
    assert attribute_words(attribute) == words


def test_outlets_from_document_records() -> None:
    docs = [{"schema": "factx.document/1", "doc": "a.txt", "outlet": "Daily A"},
            {"doc": "b.txt", "outlet": None}, {"doc": "c.txt"}]
    assert outlets_from(docs) == {"a.txt": "Daily A"}


def test_article_text_is_printed_as_is() -> None:
    bracketed = fact("Asim Umar", "age", 40, D0, 3, value_type="quantity",
                     quote="He was [bold]40[/bold] years old.")
    other = fact("Asim Umar", "age", 52, D1, 3, value_type="quantity")
    text = "\n".join(memo([bracketed, other]))
    assert "[bold]40[/bold]" in text
    assert summary(list(find_conflicts([bracketed, other]))).startswith("Asim Umar (person)")


def test_a_deliberate_act_ruled_out_is_said_plainly() -> None:
    event = "the blast in Port P"
    facts = [fact(event, "perpetrator", "attack", D0, 4, said_by="the police", polarity="denied",
                  entity_type="EVENT", value_text="an attack"),
             fact(event, "cause", "missile strike", D1, 2, entity_type="EVENT")]
    lines = memo(facts, outlets=OUTLETS)
    head = " ".join(line.strip() for line in lines[:lines.index("")])
    assert head == ("the blast in Port P (event): 1 disagreement among 2 sources: who did it "
                        "(a deliberate act ruled out by the police)")
    assert "  1. Who did it: a deliberate act affirmed and ruled out (hard)" in lines
    assert "     Affirmed: missile strike" in lines and "     Denied: “an attack” · attack" in lines


@pytest.mark.parametrize("attribute, words", [
    ("time", "time of day"), ("time_of_death", "time of death"), ("description", "description")])
def test_the_events_attributes_in_words(attribute, words) -> None:
    assert attribute_words(attribute) == words


@pytest.mark.parametrize("attribute, values, heading", [
    ("cause", ("fire at a depot", "ammonium nitrate"),
     "  1. Cause: different explanations, which may each tell part of what happened"),
    ("place", ("Tarvel", "Norvik"), "  1. Place: different places, unless one lies in or near the other"),
])
def test_soft_causes_and_places_say_what_soft_means(attribute, values, heading) -> None:
    value_type = "entity" if attribute == "place" else "text"
    facts = [fact("the blast in Port P", attribute, v, d, 1, value_type=value_type, entity_type="EVENT")
             for v, d in zip(values, (D0, D1))]
    assert heading in memo(facts)


@pytest.mark.parametrize("attribute, words", [
    ("killed_count", "number killed"), ("nationalities_count", "nationalities of the victims"),
    ("time_of_death", "time of death"), ("some_new_thing", "some new thing"),
])
def test_attributes_are_said_in_words(attribute, words) -> None:
    assert attribute_words(attribute) == words


def test_a_title_called_mistaken_says_so() -> None:
    facts = [fact("Karim Haddad", "title", "leader of the Northern Front", D0, 2,
                  value_text="leader of the Northern Front"),
             fact("Karim Haddad", "title", "leader of the Northern Front", D1, 2,
                  value_text="leader of the Northern Front",
                  quote="Haddad was mistakenly identified as the leader of the Northern Front.")]
    lines = memo(facts)
    assert "  1. Title: a title one source calls mistaken or superseded, another gives as current (soft)" \
        in lines
    assert "     called mistaken or superseded: leader of the Northern Front" in lines


def test_a_day_folded_with_its_times_shows_both() -> None:
    event = lambda attr, value, doc: fact("the sinking", attr, value, doc, 3, value_type="date",  # noqa: E731
                                          entity_type="EVENT")
    lines = memo([event("date", "2031-07-20", D0), event("time", "2031-07-20T01:00", D0),
                  event("date", "2031-07-18", D1), event("time", "2031-07-18T21:00", D1)])
    assert "  1. Date: the day and the time of day differ between the same sources (hard)" in lines
    assert "     time of day: 2031-07-20T01:00 vs 2031-07-18T21:00" in lines
    assert not any("2. " in line for line in lines)  # one conflict
