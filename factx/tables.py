"""Records as tables for people on a terminal (`factx.output` writes them).

`TABLES` maps each record kind to the function that makes its table. Every cell
from the data is a plain `rich.text.Text`, never markup. A document's ``path:line``
is never cut: its column takes the width of the longest one and does not wrap.

Conflicts: one table per entity and attribute; inside it one block per conflict (kind and
severity), one block of rows per value: the value and the words that gave it, then
each source as ``path:line`` with who said it and the quote, trimmed around the
value's words. Hedged and reported claims and denials are marked. Fits 100 columns.
Every cell from the data is a plain `rich.text.Text`, never markup, so brackets in
article text ("[See LWJ reports]") print as they are.

    >>> from rich.console import Console
    >>> Console(width=100).print(conflicts_table(records))  # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

QUOTE_CHARS = 160
_SEVERITY_STYLE = {"hard": "bold red", "soft": "yellow"}
# "reported" is what a said_by already shows; only hedging needs a mark
_MODALITY_MARK = {"hedged": "hedged"}
_SOURCE_MAX = 40


def trim_quote(quote: str, around: Iterable[str] = (), limit: int = QUOTE_CHARS) -> str:
    """The quote cut to `limit` characters, keeping the first of `around` in view.

    >>> trim_quote("a " * 20 + "KEY" + " b" * 20, ["KEY"], limit=20)
    '…a a a a a KEY b b b…'
    """
    quote = " ".join(quote.split())
    if len(quote) <= limit:
        return quote
    at = -1
    for text in around:
        if text and (at := quote.find(text)) >= 0:
            break
    start = 0 if at < 0 else max(0, at - limit // 2)
    end = min(len(quote), start + limit)
    start = max(0, end - limit)
    cut = quote[start:end].strip()
    return ("…" if start > 0 else "") + cut + ("…" if end < len(quote) else "")


def _value_lines(value: dict[str, Any], denial: bool) -> list[Text]:
    """The value, a denial mark, then the words that gave it: one line each."""
    polarities = {s.get("polarity") for s in value["sources"]}
    shown = value["value"]
    if shown is None:
        lines = [Text("(the claim)" if "denied" in polarities else "(none)", style="italic")]
    else:
        lines = [Text(str(shown), style="bold")]
    if denial and "denied" in polarities:
        lines.append(Text("DENIED", style="bold red"))
    lines += [Text(f"“{t}”", style="dim") for t in value.get("value_texts", [])
              if t != str(shown)]
    return lines


def _spread(lines: list[Text], rows: int) -> list[Text]:
    """Lines over `rows` cells, one a row, the rest in the last one (keeps rows short)."""
    cells = lines[:rows - 1] + [Text("\n").join(lines[rows - 1:])]
    return cells + [Text()] * (rows - len(cells))


def _source_rows(value: dict[str, Any]) -> list[tuple[Text, Text]]:
    """Sources collapsed by document and speaker: ``path:9, 11, 19``."""
    rows: dict[tuple, list[dict]] = {}
    for source in value["sources"]:
        key = (source["doc"], source.get("said_by"), source.get("modality"),
               source.get("polarity"))
        rows.setdefault(key, []).append(source)
    out = []
    for (doc, said_by, modality, polarity), sources in rows.items():
        lines = ", ".join(dict.fromkeys(str(s["line"]) for s in sources))
        where = Text(f"{doc}:{lines}", overflow="fold")
        if said_by:
            where.append(f"\n{said_by}", style="cyan")
        marks = [m for m in (_MODALITY_MARK.get(modality or ""),
                             "denies" if polarity == "denied" else None) if m]
        if marks:
            where.append(f" ({', '.join(marks)})" if said_by else f"\n({', '.join(marks)})",
                         style="magenta")
        quote = trim_quote(sources[0].get("quote") or "", value.get("value_texts", []))
        out.append((where, Text(quote)))
    return out


def _attribute_table(entity: str, entity_type: str | None, attribute: str,
                     conflicts: list[dict[str, Any]]) -> Table:
    title = Text()
    title.append(entity, style="bold")
    if entity_type:
        title.append(f" ({entity_type})", style="dim")
    title.append(f" · {attribute}")
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, expand=True,
                  show_lines=False, pad_edge=False)
    # the source column takes the width of its longest path:lines, so paths stay whole
    widest = max((len(where.plain.split("\n")[0])
                  for c in conflicts for v in c["values"] for where, _ in _source_rows(v)),
                 default=16)
    source_width = max(16, min(_SOURCE_MAX, widest))
    table.add_column("value", ratio=3, min_width=14, max_width=24, overflow="fold")
    table.add_column("source", width=source_width, overflow="fold")
    table.add_column("quote", ratio=7, min_width=24, overflow="fold")
    for conflict in conflicts:
        label = Text(f"{conflict['kind']} · {conflict['severity']}",
                     style=_SEVERITY_STYLE.get(conflict["severity"], ""))
        table.add_row(label, "", "")
        denial = conflict["kind"] == "denial"
        values = conflict["values"]
        for v_index, value in enumerate(values):
            rows = _source_rows(value)
            cells = _spread(_value_lines(value, denial), len(rows))
            for r_index, ((where, quote), cell) in enumerate(zip(rows, cells)):
                last = r_index == len(rows) - 1
                table.add_row(cell, where, quote, end_section=last and v_index == len(values) - 1)
            if v_index < len(values) - 1:
                table.add_row("", "", "")
    return table


def conflicts_table(conflicts: list[dict[str, Any]]) -> Group:
    """Every conflict as Rich tables, one per entity and attribute, in the given order.

    >>> conflicts_table([]).renderables
    []
    """
    blocks: dict[tuple[str, str], list[dict[str, Any]]] = {}
    heads: dict[tuple[str, str], dict[str, Any]] = {}
    for conflict in conflicts:
        key = (conflict["entity_id"], conflict["attribute"])
        blocks.setdefault(key, []).append(conflict)
        heads.setdefault(key, conflict)
    return Group(*(_attribute_table(heads[k]["entity"], heads[k].get("entity_type"),
                                    k[1], blocks[k]) for k in blocks))


def render_conflicts(conflicts: list[dict[str, Any]], *, width: int = 100) -> str:
    """The tables as plain text at `width` columns (for tests and previews)."""
    from io import StringIO

    from rich.console import Console

    buffer = StringIO()
    Console(file=buffer, width=width, color_system=None, force_terminal=False,
            highlight=False).print(conflicts_table(conflicts))
    return buffer.getvalue()


# ---------------------------------------------------------------------------------------
# the other records

def _cell(value: Any) -> Text:
    return Text("" if value is None else str(value))


def _where_column(table: Table, header: str, wheres: list[str]) -> None:
    """A column for path:line that takes the longest one's width and never wraps."""
    table.add_column(header, no_wrap=True, min_width=max((len(w) for w in wheres), default=len(header)))


class _ByWidth:
    """A table where it fits, else the same records stacked one block each, so that a
    narrow terminal never squeezes columns into single letters."""

    def __init__(self, table: Table, stacked: Callable[[], RenderableType], min_width: int) -> None:
        self.table, self.stacked, self.min_width = table, stacked, min_width

    def __rich_console__(self, console, options):
        yield self.table if options.max_width >= self.min_width else self.stacked()


def _fact_value(fact: dict[str, Any]) -> Text:
    value = _cell(fact["value"])
    if fact.get("polarity") == "denied":
        value.append(" (denied)", style="bold red")
    if fact.get("modality") == "hedged":
        value.append(" (hedged)", style="magenta")
    return value


def _fact_quote(fact: dict[str, Any]) -> Text:
    return Text(trim_quote(fact.get("quote") or "", [fact.get("value_text") or ""], limit=100))


def facts_table(facts: list[dict[str, Any]]) -> _ByWidth:
    """Facts, one a row: entity, attribute, value, who said it, where, and the quote."""
    wheres = [f"{f['doc']}:{f['line']}" for f in facts]
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=True)
    table.add_column("entity", ratio=2, min_width=10, overflow="fold")
    table.add_column("attribute", no_wrap=True)
    table.add_column("value", ratio=2, min_width=10, overflow="fold")
    table.add_column("said by", ratio=2, min_width=10, overflow="fold")
    _where_column(table, "doc:line", wheres)
    table.add_column("quote", ratio=5, min_width=20, overflow="fold")
    for fact, where in zip(facts, wheres):
        table.add_row(_cell(fact["entity"]), _cell(fact["attribute"]), _fact_value(fact),
                      _cell(fact["said_by"]), Text(where), _fact_quote(fact))

    def stacked() -> Group:
        blocks = []
        for fact, where in zip(facts, wheres):
            head = Text.assemble((fact["entity"], "bold"), " · ", fact["attribute"], ": ", _fact_value(fact))
            if fact.get("said_by"):
                head.append(f" (said by {fact['said_by']})", style="cyan")
            blocks += [head, Text(f"  {where}", no_wrap=True), Text.assemble("  ", _fact_quote(fact)), Text()]
        return Group(*blocks)

    return _ByWidth(table, stacked, min_width=len(max(wheres, key=len, default="")) + 70)


def entities_table(entities: list[dict[str, Any]]) -> Table:
    """Entities with every spelling: count and documents."""
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=True)
    table.add_column("entity", ratio=2, overflow="fold")
    table.add_column("type")
    table.add_column("spellings (count: documents)", ratio=5, overflow="fold")
    for entity in entities:
        spellings = Text("\n").join(Text(f"{v['name']} ({v['count']}: {', '.join(v['docs'])})")
                                    for v in entity["variants"])
        table.add_row(_cell(entity["entity"]), _cell(entity["entity_type"]), spellings)
    return table


def documents_table(documents: list[dict[str, Any]]) -> Table:
    """Stored documents: path, outlet, title, publication date and how it was found, facts."""
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=True)
    _where_column(table, "document", [d["doc"] for d in documents])
    table.add_column("outlet", ratio=1, overflow="fold")
    table.add_column("title", ratio=3, overflow="fold")
    table.add_column("published", no_wrap=True)
    table.add_column("how (from)", ratio=2, overflow="fold")
    table.add_column("facts", justify="right")
    for d in documents:
        how = _cell(d["published_how"])
        if d.get("published_from"):  # the words, field or documents the date came from
            how.append(f" ({trim_quote(d['published_from'], limit=70)})", style="dim")
        table.add_row(Text(d["doc"]), _cell(d["outlet"]), _cell(d["title"]), _cell(d["published"]),
                      how, _cell(d["facts"]))
    return table


def dates_table(dates: list[dict[str, Any]]) -> Table:
    """Temporal expressions: where, the words, the TIMEX3 type and value, the anchor."""
    wheres = [f"{d['doc']}:{d['line']}" for d in dates]
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=True)
    _where_column(table, "doc:line", wheres)
    table.add_column("text", ratio=3, overflow="fold")
    table.add_column("type")
    table.add_column("value", no_wrap=True)
    table.add_column("anchor", no_wrap=True)
    for d, where in zip(dates, wheres):
        table.add_row(Text(where), _cell(d["text"]), _cell(d["type"]), _cell(d["value"]), _cell(d["anchor"]))
    return table


def status_table(statuses: list[dict[str, Any]]) -> Table:
    """What the store holds, and what the last run did."""
    table = Table.grid(padding=(0, 2))
    for info in statuses:
        last = info["last_run"]
        for label, value in (("store", info["store"]), ("documents", info["documents"]), ("facts", info["facts"]),
                             ("entities", info["entities"])):
            table.add_row(label, str(value))
        table.add_row("last run", "none" if last is None else
                      f"{last['new']} new, {last['changed']} changed, {last['unchanged']} unchanged, "
                      f"{last['failed']} failed")
    return table


#: The table of each record kind (`factx.output.write` with format table).
TABLES: dict[str, Callable[[list[dict[str, Any]]], RenderableType]] = {
    "fact": facts_table, "conflict": conflicts_table, "entity": entities_table,
    "document": documents_table, "date": dates_table, "status": status_table,
}
