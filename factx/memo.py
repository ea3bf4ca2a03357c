"""Conflicts as a memo for a terminal: records in, lines of plain text out.

Per entity, a summary line says what is disputed and by how many sources
("3 disagreements among 5 sources: the death itself (denied by the group), date of
death, title"); then each disagreement under a numbered heading, its values in
words beside their normalized form (“the night of March 7” · XXXX-03-07TNI), and
under each value one line per source: the outlet (from `outlets`, a mapping of
document path to outlet name, else the file name), who said it, and ``path:line``
with as much of the quote as fits. With ``quotes=True`` the whole quote follows,
wrapped. Spellings come last. Nothing here prints: the CLI writes the lines.

    >>> lines = memo_lines(conflicts, outlets={"a.txt": "Daily A"})  # doctest: +SKIP
"""

from __future__ import annotations

import os
import textwrap
from typing import Any, Iterable, Iterator, Mapping

WIDTH = 100
INDENT = "    "

#: attributes in words, as a reader would say them
_ATTRIBUTE_WORDS = {
    "death": "the death itself", "name": "spelling", "title": "title",
    "date_of_death": "date of death", "place_of_death": "place of death",
    "cause_of_death": "cause of death", "date_of_birth": "date of birth",
    "place_of_birth": "place of birth", "origin": "nationality", "age": "age",
    "killed_count": "number killed", "wounded_count": "number wounded",
    "arrested_count": "number arrested", "missing_count": "number missing",
    "children_killed": "children killed", "nationalities_count": "nationalities of the victims",
    "member_of": "membership",
    "top_members": "leaders", "alternate_names": "other names", "spouse": "spouse",
    "founded": "founding date", "date": "date", "place": "place", "cause": "cause",
    "perpetrator": "who did it", "time": "time of day", "time_of_death": "time of death",
    "description": "description",
}
_SEVERITY_WORDS = {"hard": "cannot both be true", "soft": "overlap or differ in precision"}
#: what a soft disagreement means for attributes whose values are no dates or amounts
_SOFT_WORDS = {
    "cause": "different explanations, which may each tell part of what happened",
    "cause_of_death": "different explanations, or the same one told in other details",
    "place": "different places, unless one lies in or near the other",
    "place_of_death": "different places, unless one lies in or near the other",
    "place_of_birth": "different places, unless one lies in or near the other",
}
_REASON_WORDS = {"update": "a count that grew between dated reports",
                 "undated": "counts that differ; a report without a date may be an earlier one",
                 "former": "a title called former by one source, current by another",
                 "holders": "another holder of the same role named",
                 "rank": "titles one person cannot hold at once (spokesman or holder, deputy or chief)",
                 "mistaken": "a title one source calls mistaken or superseded, another gives as current",
                 "time": "the day and the time of day differ between the same sources"}


def attribute_words(attribute: str) -> str:
    """``"date_of_death"`` → ``"date of death"``."""
    return _ATTRIBUTE_WORDS.get(attribute, attribute.replace("_", " "))


def outlets_from(documents: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """Document → outlet from `factx.document/1` records (`Store.documents()`), where
    the document names one."""
    out = {}
    for d in documents:
        doc = d.get("doc") or d.get("path")
        if doc and d.get("outlet"):
            out[str(doc)] = str(d["outlet"])
    return out


def memo_lines(conflicts: Iterable[dict[str, Any]], *, outlets: Mapping[str, str] | None = None,
               quotes: bool = False, width: int = WIDTH) -> Iterator[str]:
    """The memo, one line at a time, for conflicts grouped by entity (as
    `find_conflicts` and `rank_conflicts` give them).

    >>> c = {"entity": "E", "entity_id": "e", "entity_type": "PERSON", "attribute": "age",
    ...      "kind": "value", "severity": "hard", "reason": None, "context": None, "values": [
    ...      {"value": v, "value_texts": [str(v)], "sources": [{"doc": d, "line": 1,
    ...       "quote": "Q", "said_by": None, "polarity": "affirmed", "modality": "asserted"}]}
    ...      for v, d in ((40, "a.txt"), (52, "b.txt"))]}
    >>> print("\\n".join(memo_lines([c], outlets={"a.txt": "Daily A"})))
    E (person): 1 disagreement among 2 sources: age
    <BLANKLINE>
      1. Age: cannot both be true
         40
          • Daily A · a.txt:1 · “Q”
         52
          • b.txt:1 · “Q”
    <BLANKLINE>
    """
    outlets = outlets or {}
    block: list[dict[str, Any]] = []
    for conflict in conflicts:
        if block and conflict["entity_id"] != block[0]["entity_id"]:
            yield from _entity(block, outlets, quotes, width)
            block = []
        block.append(conflict)
    if block:
        yield from _entity(block, outlets, quotes, width)


def summary(conflicts: list[dict[str, Any]], outlets: Mapping[str, str] | None = None) -> str:
    """One line: what is disputed about an entity, among how many sources."""
    head = conflicts[0]
    kind = (head.get("entity_type") or "").lower()
    name = head["entity"] + (f" ({kind})" if kind else "")
    disputes = [c for c in conflicts if c["kind"] != "spelling"]
    docs = {s["doc"] for c in conflicts for v in c["values"] for s in v["sources"]}
    parts = []
    for c in disputes:
        words = attribute_words(c["attribute"])
        if c["kind"] == "denial":
            deniers = sorted({_speaker(s, outlets or {}) for v in c["values"] for s in v["sources"]
                              if s.get("polarity") == "denied"})
            ruled_out = "a deliberate act ruled out" if _deliberate_act_denied(c) else "denied"
            denied = [v for v in c["values"] if any(s.get("polarity") == "denied" for s in v["sources"])]
            if ruled_out == "denied" and c["attribute"] != "death" and denied:
                # a value denied ("11,300 denied by ..."), not the event itself
                texts = denied[0].get("value_texts") or [denied[0]["value"]]
                ruled_out = f"{texts[0]} denied"
            words += f" ({ruled_out} by {', '.join(deniers)})"
        elif c.get("reason") == "update":
            words += " (updated)"
        parts.append(words)
    spellings = [c for c in conflicts if c["kind"] == "spelling"]
    count = len(disputes)
    line = f"{name}: "
    if count:
        line += (f"{count} disagreement{'s' if count > 1 else ''} among {len(docs)} "
                 f"source{'s' if len(docs) > 1 else ''}: {', '.join(parts)}")
    if spellings:
        ways = " / ".join(str(v["value"]) for c in spellings for v in c["values"])
        line += ("; " if count else "") + f"spelled {ways}"
    return line


def _entity(conflicts: list[dict[str, Any]], outlets: Mapping[str, str], quotes: bool,
            width: int) -> Iterator[str]:
    yield from textwrap.wrap(summary(conflicts, outlets), width=width, subsequent_indent="  ",
                             break_on_hyphens=False)
    yield ""
    number = 0
    for conflict in conflicts:
        if conflict["kind"] == "spelling":
            yield "  Spellings (listed after the disagreements):"
        else:
            number += 1
            yield _fit(f"  {number}. {_heading(conflict)}", width)
        for line in _values(conflict, outlets, quotes, width):
            yield line if line.startswith(INDENT + "  •") or line.startswith(INDENT + "    ") \
                else _fit(line, width)
    yield ""


def _fit(line: str, width: int) -> str:
    """A line cut to `width` columns, an ellipsis marking the cut."""
    return line if len(line) <= width else line[:width - 1].rstrip() + "…"


def _heading(conflict: dict[str, Any]) -> str:
    what = attribute_words(conflict["attribute"])
    what = what[0].upper() + what[1:]
    if conflict["kind"] == "denial" and _deliberate_act_denied(conflict):
        how = f"a deliberate act affirmed and ruled out ({conflict['severity']})"
    elif conflict["kind"] == "denial":
        how = f"affirmed and denied ({conflict['severity']})"
    elif conflict.get("reason") in _REASON_WORDS:
        how = f"{_REASON_WORDS[conflict['reason']]} ({conflict['severity']})"
    elif conflict["severity"] == "soft" and _dates(conflict):
        how = "overlap, differ in precision or lie a day apart (time zones, midnight)"
    elif conflict["severity"] == "soft" and conflict["attribute"] in _SOFT_WORDS:
        how = _SOFT_WORDS[conflict["attribute"]]
    else:
        how = _SEVERITY_WORDS.get(conflict["severity"], conflict["severity"])
    return f"{what}: {how}"


def _deliberate_act_denied(conflict: dict[str, Any]) -> bool:
    """A denial of a deliberate act by nobody named ("ruled out an attack")."""
    from factx.values import value_model

    model = value_model()
    return any(model.generic_actor(conflict["attribute"], v.get("value")) for v in conflict["values"]
               if v["sources"] and all(s.get("polarity") == "denied" for s in v["sources"]))


def _dates(conflict: dict[str, Any]) -> bool:
    from factx.values import parse_date

    return all(parse_date(str(v.get("value"))) is not None for v in conflict["values"])


def _value_words(value: dict[str, Any]) -> str:
    """“the night of March 7” · XXXX-03-07TNI: the words, then the value when it differs."""
    shown = value.get("value")
    plain = {str(shown), *map(str, value.get("also") or [])}
    texts = [t for t in value.get("value_texts") or [] if str(t) not in plain]
    words = ", ".join(f"“{t}”" for t in texts[:4]) + (" …" if len(texts) > 4 else "")
    if shown is None:
        return words or "(the claim as a whole)"
    line = f"{words} · {shown}" if words else str(shown)
    also = [str(v) for v in value.get("also") or []]
    weekdays = [v for v in also if v.startswith("XXXX-WXX-")]
    if weekdays:  # an undated article's weekday, shown as the nearest such day
        line += f" (an undated {weekdays[0]}, taken as the nearest such day)"
        also = [v for v in also if v not in weekdays]
    return line + (f" (with the less precise {', '.join(also)})" if also else "")


def _values(conflict: dict[str, Any], outlets: Mapping[str, str], quotes: bool,
            width: int) -> Iterator[str]:
    values = conflict["values"]
    if conflict["kind"] == "denial":
        context = conflict.get("context") or {}
        around = "; ".join(f"{attribute_words(k)} {', '.join(map(str, v))}"
                           for k, v in context.items() if v)
        for value in values:
            denied = all(s.get("polarity") == "denied" for s in value["sources"])
            label = "Denied" if denied else "Affirmed"
            # the event's own name ("death") says nothing the heading does not
            detail = _value_words(value) if value.get("value") != conflict["attribute"] \
                or value.get("value_texts") else ""
            if not denied and around:
                detail = f"{detail}; {around}" if detail else around
            yield f"     {label}: {detail}" if detail else f"     {label}:"
            yield from _sources(value, outlets, quotes, width, quoted=value.get("value_texts"))
        return
    holders = conflict.get("reason") == "holders"
    for index, value in enumerate(values):
        if holders and index > 0:
            line = f"{value['value']} is named to it"
            texts = [t for t in value.get("value_texts") or []]
            if texts:
                line += " (" + ", ".join(f"“{t}”" for t in texts[:2]) + ")"
        else:
            line = _value_words(value)
            if conflict.get("reason") == "mistaken" and index > 0:
                line = f"called mistaken or superseded: {line}"
            if conflict.get("reason") in ("update", "undated") \
                    or str(conflict.get("attribute")).endswith("_count"):
                # counts: when each was reported tells an update from a contradiction
                dates = sorted({s.get("published") for s in value["sources"] if s.get("published")})
                undated = any(not s.get("published") for s in value["sources"])
                when = [f"reported {', '.join(dates)}"] if dates else []
                line += "".join(f" · {w}" for w in when + (["undated"] if undated else []))
        yield f"     {line}"
        yield from _sources(value, outlets, quotes, width, quoted=value.get("value_texts"))
    if conflict.get("reason") == "time":  # the times of day of the same sources
        for key, times in (conflict.get("context") or {}).items():
            yield f"     {attribute_words(key)}: {' vs '.join(map(str, times))}"
    for value in conflict.get("set_aside") or ():
        yield f"     Set aside: {_value_words(value)}"
        yield from textwrap.wrap(_why_aside(value), width=width, initial_indent=INDENT + "    ",
                                 subsequent_indent=INDENT + "    ")
        yield from _sources(value, outlets, quotes, width, quoted=value.get("value_texts"))


def _why_aside(value: dict[str, Any]) -> str:
    """Why a value takes no side: after its document's date, or decades from it."""
    from factx.values import parse_date

    span = parse_date(str(value.get("value")))
    dates = sorted({str(s["published"])[:10] for s in value["sources"] if s.get("published")})
    published = parse_date(dates[0]) if dates else None
    if span is None or published is None:
        return "(no source can mean it: probably misread)"
    if span.lo >= published.hi:
        return f"(after its own document's date, {dates[0]}: probably misread)"
    years = round(abs(published.lo - span.lo) / (365.25 * 24 * 60))
    return (f"({years} years from its own document's date, {dates[0]}, and from every other "
            f"source's date: probably misread)")


def _speaker(source: dict[str, Any], outlets: Mapping[str, str]) -> str:
    return source.get("said_by") or _outlet(source["doc"], outlets)


def _outlet(doc: str, outlets: Mapping[str, str]) -> str:
    return outlets.get(doc) or os.path.splitext(os.path.basename(doc))[0] or doc


def _sources(value: dict[str, Any], outlets: Mapping[str, str], quotes: bool, width: int,
             quoted: Iterable[str] | None = None) -> Iterator[str]:
    """One line per source: outlet, speaker and marks, path:lines, and the quote."""
    rows: dict[tuple, list[dict]] = {}
    for source in value["sources"]:
        key = (source["doc"], source.get("said_by"), source.get("modality"), source.get("polarity"))
        rows.setdefault(key, []).append(source)
    for (doc, said_by, modality, polarity), sources in rows.items():
        # the outlet where the document names it; else the path below names the file
        parts = [outlets[doc]] if outlets.get(doc) else []
        who = said_by or ""
        marks = [m for m in ("hedged" if modality == "hedged" else "",
                             "denies" if polarity == "denied" else "") if m]
        if marks:
            who = f"{who} ({', '.join(marks)})" if who else f"({', '.join(marks)})"
        if who:
            parts.append(who)
        lines = ", ".join(dict.fromkeys(str(s.get("line") or "?") for s in sources))
        parts.append(f"{doc}:{lines}")
        head = f"{INDENT}  • " + " · ".join(parts)
        quote = " ".join((sources[0].get("quote") or "").split())
        if quotes:
            yield head
            for s in dict.fromkeys(" ".join((s.get("quote") or "").split()) for s in sources):
                if s:
                    yield from textwrap.wrap(f"“{s}”", width=max(40, width - 8),
                                             initial_indent=INDENT + "    ",
                                             subsequent_indent=INDENT + "     ")
            continue
        room = width - len(head) - 5
        if quote and room >= 20:
            yield f"{head} · “{_trim(quote, room, quoted or ())}”"
        else:
            yield head


def _trim(quote: str, limit: int, around: Iterable[str]) -> str:
    """The quote cut to `limit` characters, keeping the first of `around` in view."""
    if len(quote) <= limit:
        return quote
    at = -1
    for text in around:
        if text and (at := quote.find(str(text))) >= 0:
            break
    # the value's words in the middle of what is shown
    start = 0 if at < 0 else max(0, at - max(0, (limit - 2 - len(text)) // 2))
    end = min(len(quote), start + limit - 2)
    start = max(0, end - (limit - 2))
    return ("…" if start > 0 else "") + quote[start:end].strip() + ("…" if end < len(quote) else "")
