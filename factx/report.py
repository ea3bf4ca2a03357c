"""`factx report`: one self-contained, offline HTML page of who says what.

The page has an index of the main entities (searchable as you type) and, per entity,

- a claims grid: one row per attribute, one column per source (outlet and publication
  date); each cell holds the values as the document wrote them, marked when hedged or
  denied, coloured when the value is a side of a disagreement (by severity); a click
  on a value opens its quote with the value and the entity highlighted, and path:line;
- a timeline of the entity's dated facts and of when each source published;
- the entity's spellings per source.

Everything is rendered here, in Python, into plain HTML (the page reads without
JavaScript); a little inline JavaScript adds the search and the quote panel. Nothing
is fetched from a network. The page is bounded: `limit` entities, `max_sources`
columns per grid and `max_facts` values per cell, so a store of a million facts
still gives a page of a few MB.

    >>> from factx.store import Store
    >>> html = build_report(Store.open(".factx", create=False))  # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable

from factx.conflicts import find_conflicts, sort_facts, store_conflicts
from factx.memo import summary as memo_summary
from factx.values import PlaceIndex, parse_date

#: Attributes shown first, in this order; the others follow alphabetically.
ATTRIBUTE_ORDER = (
    "death", "date_of_death", "time_of_death", "place_of_death", "cause_of_death", "date", "time",
    "place", "cause",
    "perpetrator", "killed_count", "wounded_count", "missing_count", "arrested_count",
    "children_killed", "nationalities_count", "title", "member_of", "top_members", "origin", "age", "date_of_birth",
    "place_of_birth", "spouse", "alternate_names", "founded", "located_in")
#: Not rows of the grid: spellings have their own table; a description's key only ties a
#: description ("the country's spy agency") to its name for the resolver.
_NOT_IN_GRID = {"name", "description"}
_QUOTE_CHARS = 700


@dataclass
class Source:
    """A column of the grid: one document."""

    doc: str
    outlet: str
    published: str | None


@dataclass
class Claim:
    """One fact as a cell shows it."""

    fact: dict[str, Any]
    severity: str | None = None  # "hard" / "soft" when the value is a side of a disagreement
    kind: str | None = None      # "value" / "denial" / "spelling"
    side: str | None = None      # "A", "B", ...: which side of the disagreement


@dataclass
class EntityView:
    entity: str
    entity_id: str
    entity_type: str | None
    sources: list[Source]
    hidden_sources: int
    grid: dict[str, dict[str, list[Claim]]]  # attribute -> doc -> claims
    conflicts: list[dict[str, Any]]
    spellings: dict[str, Counter]  # doc -> spelling -> count
    timeline: list[tuple[int, str, str, str]] = field(default_factory=list)  # (minute, label, kind, doc)

    @property
    def disagreements(self) -> int:
        return sum(1 for c in self.conflicts if c["kind"] != "spelling")

    @property
    def sources_in_conflict(self) -> int:
        return len({s["doc"] for c in self.conflicts for v in c["values"] for s in v["sources"]})


# ------------------------------------------------------------------------ gathering

def document_info(store) -> dict[str, tuple[str | None, str | None]]:
    """Path -> (outlet, publication date) of every stored document."""
    return {d["doc"]: (d["outlet"], d["published"]) for d in store.documents()}


def outlet_label(doc: str, outlet: str | None) -> str:
    """The outlet's name when the document gave one, else the file name without folders."""
    if outlet:
        return outlet
    base = os.path.basename(doc.rstrip("/")) or doc
    return os.path.splitext(base)[0] or base


def _side(number: int) -> str:
    """A, B, ... Z, then AA, AB, ...: the label of a disagreement's side."""
    letters = ""
    number += 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _attribute_rank(attribute: str) -> tuple[int, str]:
    try:
        return (ATTRIBUTE_ORDER.index(attribute), attribute)
    except ValueError:
        return (len(ATTRIBUTE_ORDER), attribute)


def entity_view(entity_id: str, facts: list[dict[str, Any]], docs: dict[str, tuple[str | None, str | None]],
                *, conflicts: list[dict[str, Any]] | None = None, places: PlaceIndex | None = None,
                max_sources: int = 40) -> EntityView:
    """What the page shows of one entity, from its facts (all of one `entity_id`) and
    its conflicts (computed from the facts alone when not given)."""
    facts = sort_facts(facts)
    if conflicts is None:
        conflicts = list(find_conflicts(facts, places=places))
    # A fact takes the side it has in a conflict about its own attribute (a value
    # conflict on the date of death) before the side it has as evidence of another
    # (the date of a denied death); among equals, a hard conflict before a soft one.
    attribute_of = {f.get("id"): f["attribute"] for f in facts}
    marks: dict[str, tuple[str, str, str]] = {}
    ranks: dict[str, tuple[bool, bool]] = {}
    for conflict in conflicts:
        if conflict["kind"] == "spelling":  # spellings have their own table
            continue
        for number, value in enumerate(conflict["values"]):
            for source in value["sources"]:
                fid = source.get("fact_id")
                if not fid:
                    continue
                rank = (attribute_of.get(fid) == conflict["attribute"], conflict["severity"] == "hard")
                if fid not in ranks or rank > ranks[fid]:
                    ranks[fid] = rank
                    marks[fid] = (conflict["severity"], conflict["kind"], _side(number))
    head = facts[0]

    per_doc: Counter = Counter(f["doc"] for f in facts if f["attribute"] not in _NOT_IN_GRID)
    in_conflict = {s["doc"] for c in conflicts for v in c["values"] for s in v["sources"]}
    all_docs = sorted({f["doc"] for f in facts},
                      key=lambda d: (d not in in_conflict, -per_doc[d], d))
    shown = all_docs[:max_sources]
    shown.sort(key=lambda d: ((docs.get(d, (None, None))[1] or "9999"), d))
    sources = [Source(d, outlet_label(d, docs.get(d, (None, None))[0]), docs.get(d, (None, None))[1])
               for d in shown]
    visible = set(shown)

    grid: dict[str, dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    spellings: dict[str, Counter] = defaultdict(Counter)
    timeline: list[tuple[int, str, str, str]] = []
    for f in facts:
        if f["doc"] not in visible:
            continue
        if f["attribute"] == "name":
            spellings[f["doc"]][str(f["value"])] += 1
        if f["attribute"] in _NOT_IN_GRID:
            continue
        severity, kind, side = marks.get(f.get("id") or "", (None, None, None))
        grid[f["attribute"]][f["doc"]].append(Claim(f, severity, kind, side))
        if f.get("value_type") == "date" and f.get("polarity") != "denied":
            span = parse_date(str(f["value"])) if f.get("value") is not None else None
            if span is not None and not span.year_free:
                timeline.append((span.lo, f"{f['attribute'].replace('_', ' ')}: {f['value']}", "fact", f["doc"]))
    for source in sources:
        span = parse_date(source.published) if source.published else None
        if span is not None:
            timeline.append((span.lo, f"{source.outlet} published", "published", source.doc))
    timeline.sort()
    ordered = {a: grid[a] for a in sorted(grid, key=_attribute_rank)}
    return EntityView(head.get("entity") or "", entity_id, head.get("entity_type"), sources,
                      len(all_docs) - len(shown), ordered, conflicts, dict(spellings), timeline)


def gather(store, *, entity_ids: Iterable[str] | None = None, limit: int = 25,
           max_sources: int = 40, rules=None) -> list[EntityView]:
    """The entities the page shows: those asked for, else the `limit` main entities,
    ordered by the sources involved in their disagreements, then by sources."""
    docs = document_info(store)
    if entity_ids is not None:
        candidates = list(entity_ids)
    else:
        candidates = [eid for eid, _ in store.top_entities(limit=max(limit * 2, limit + 10))]
    views = []
    for eid in candidates:
        facts = list(store.facts(entity_ids=[eid], order_by_entity=True))
        if facts:
            # the same conflicts as `factx conflicts` (containment and role holders from the store)
            conflicts = list(store_conflicts(store, entity_ids=[eid], rules=rules, ranked=False))
            views.append(entity_view(eid, facts, docs, conflicts=conflicts, max_sources=max_sources))
    if entity_ids is None:
        views.sort(key=lambda v: (-v.sources_in_conflict, -v.disagreements,
                                  -(len(v.sources) + v.hidden_sources), v.entity))
        views = views[:limit]
    return views


# ------------------------------------------------------------------------ rendering

def _e(text: Any) -> str:
    return html.escape("" if text is None else str(text), quote=True)


def _anchor(entity_id: str) -> str:
    return "e-" + "".join(ch if ch.isalnum() else "-" for ch in entity_id)


def display_value(fact: dict[str, Any]) -> tuple[str, str | None]:
    """(what a reader would write, the normalized value when it says more)."""
    value, words = fact.get("value"), fact.get("value_text")
    if fact.get("value_type") == "entity":
        shown = str(value) if value is not None else (words or "")
        return shown, None
    shown = words or ("" if value is None else str(value))
    norm = None if value is None else str(value)
    if norm is not None and norm.casefold() == shown.casefold():
        norm = None
    return shown, norm


def highlight(quote: str, needles: Iterable[str]) -> str:
    """The quote as HTML, each needle found marked (`<mark>`), the rest escaped."""
    quote = " ".join((quote or "").split())
    if len(quote) > _QUOTE_CHARS:
        quote = quote[:_QUOTE_CHARS - 1] + "…"
    marks: list[tuple[int, int, str]] = []
    lowered = quote.casefold()
    for cls, needle in needles:
        if not needle:
            continue
        at = lowered.find(str(needle).casefold())
        if at >= 0 and not any(s < at + len(needle) and at < e for s, e, _ in marks):
            marks.append((at, at + len(needle), cls))
    out, pos = [], 0
    for start, end, cls in sorted(marks):
        out.append(_e(quote[pos:start]))
        out.append(f'<mark class="{cls}">{_e(quote[start:end])}</mark>')
        pos = end
    out.append(_e(quote[pos:]))
    return "".join(out)


def _claim_html(claim: Claim, entity: str) -> str:
    f = claim.fact
    shown, norm = display_value(f)
    classes = ["claim"]
    badges = []
    if f.get("polarity") == "denied":
        classes.append("denied")
        badges.append('<span class="badge deny">denied</span>')
    if f.get("modality") == "hedged":
        classes.append("hedged")
        badges.append('<span class="badge hedge">hedged</span>')
    if claim.severity:
        classes.append(f"conflict-{claim.severity}")
        badges.insert(0, f'<span class="side" title="side {claim.side} of a {claim.severity} '
                         f'{claim.kind} conflict">{_e(claim.side)}</span>')
    who = f.get("said_by")
    detail = {
        "quote": highlight(f.get("quote") or "", [("value", f.get("value_text")),
                                                  ("entity", f.get("mention") or entity)]),
        "where": f"{f.get('doc')}:{f.get('line')}",
        "value": shown + (f" · {norm}" if norm else ""),
        "said_by": who or "",
        "attribute": f.get("attribute"),
        "conflict": (f"side {claim.side} of a {claim.severity} {claim.kind} conflict" if claim.severity else ""),
    }
    return (f'<button type="button" class="{" ".join(classes)}" data-detail="{_e(json.dumps(detail))}"'
            f' title="{_e(norm or shown)}">'
            f'<span class="v">{_e(shown)}</span>'
            + (f'<span class="norm">{_e(norm)}</span>' if norm else "")
            + "".join(badges)
            + (f'<span class="who">{_e(who)}</span>' if who else "")
            + "</button>")


def _summary(view: EntityView) -> str:
    """The memo's summary line (`factx conflicts`), or the number of sources."""
    n = len(view.sources) + view.hidden_sources
    if not view.conflicts:
        return f"no disagreements among {n} source{'s' if n != 1 else ''}"
    outlets = {s.doc: s.outlet for s in view.sources}
    return memo_summary(view.conflicts, outlets).split(": ", 1)[-1]


def _grid_html(view: EntityView) -> str:
    head = "".join(
        f'<th scope="col" class="src"><span class="outlet">{_e(s.outlet)}</span>'
        f'<span class="pub">{_e(s.published or "date unknown")}</span></th>' for s in view.sources)
    rows = []
    for attribute, cells in view.grid.items():
        tds = []
        for s in view.sources:
            claims = cells.get(s.doc, [])
            shown = claims[:6]
            more = len(claims) - len(shown)
            tds.append('<td data-attribute="' + _e(attribute) + '" data-doc="' + _e(s.doc) + '">'
                       + "".join(_claim_html(c, view.entity) for c in shown)
                       + (f'<span class="more">+{more} more</span>' if more > 0 else "") + "</td>")
        severities = {c.severity for cl in cells.values() for c in cl if c.severity}
        row_class = "hard" if "hard" in severities else ("soft" if severities else "")
        rows.append(f'<tr class="{row_class}"><th scope="row">{_e(attribute.replace("_", " "))}</th>'
                    + "".join(tds) + "</tr>")
    if not rows:
        rows.append(f'<tr><td colspan="{len(view.sources) + 1}" class="empty">'
                    "no attributes found, only mentions</td></tr>")
    hidden = (f'<p class="note">{view.hidden_sources} more source(s) not shown; '
              "use --entity for one entity, or --max-sources.</p>" if view.hidden_sources else "")
    return (f'<div class="scroll"><table class="grid"><thead><tr><th></th>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>{hidden}')


def _timeline_html(view: EntityView) -> str:
    if not view.timeline:
        return '<p class="note">no dated facts</p>'
    lo, hi = view.timeline[0][0], view.timeline[-1][0]
    span = max(hi - lo, 1)
    width, left, right = 900, 20, 20
    items = []
    for i, (minute, label, kind, doc) in enumerate(view.timeline):
        x = left + (minute - lo) / span * (width - left - right)
        y = 30 + (i % 6) * 18
        day = dt.date.fromordinal(minute // 1440 + 1).isoformat()
        items.append(f'<g class="tl {kind}"><line x1="{x:.1f}" y1="20" x2="{x:.1f}" y2="{y - 4}"/>'
                     f'<circle cx="{x:.1f}" cy="20" r="4"/>'
                     f'<text x="{x + 4:.1f}" y="{y + 4}">{_e(label)}</text>'
                     f'<title>{_e(day)} · {_e(label)} · {_e(doc)}</title></g>')
    first = dt.date.fromordinal(lo // 1440 + 1).isoformat()
    last = dt.date.fromordinal(hi // 1440 + 1).isoformat()
    return (f'<svg class="timeline" viewBox="0 0 {width} 150" role="img" '
            f'aria-label="timeline from {first} to {last}">'
            f'<line class="axis" x1="{left}" y1="20" x2="{width - right}" y2="20"/>'
            f'<text class="end" x="{left}" y="145">{first}</text>'
            f'<text class="end" x="{width - right}" y="145" text-anchor="end">{last}</text>'
            + "".join(items) + "</svg>")


def _spellings_html(view: EntityView) -> str:
    outlet = {s.doc: s.outlet for s in view.sources}
    rows = []
    for s in view.sources:
        counts = view.spellings.get(s.doc)
        if not counts:
            continue
        names = ", ".join(f"{_e(n)} <span class=\"count\">×{c}</span>" for n, c in counts.most_common())
        rows.append(f"<tr><th scope=\"row\">{_e(outlet[s.doc])}</th><td>{names}</td></tr>")
    if not rows:
        return '<p class="note">no spellings recorded</p>'
    return '<table class="spellings"><tbody>' + "".join(rows) + "</tbody></table>"


def _section_html(view: EntityView) -> str:
    return (f'<section class="entity" id="{_anchor(view.entity_id)}" data-name="{_e(view.entity.casefold())}">'
            f'<h2>{_e(view.entity)} <span class="type">{_e(view.entity_type or "")}</span></h2>'
            f'<p class="summary">{_e(_summary(view))}</p>'
            f'<h3>Claims by source</h3>{_grid_html(view)}'
            f'<h3>Timeline</h3>{_timeline_html(view)}'
            f'<h3>Spellings by source</h3>{_spellings_html(view)}'
            f'<p class="top"><a href="#index">back to the index</a></p></section>')


def _index_html(views: list[EntityView]) -> str:
    rows = "".join(
        f'<tr data-name="{_e(v.entity.casefold())}"><td><a href="#{_anchor(v.entity_id)}">{_e(v.entity)}</a></td>'
        f'<td>{_e(v.entity_type or "")}</td><td class="n">{len(v.sources) + v.hidden_sources}</td>'
        f'<td class="n">{v.disagreements}</td></tr>' for v in views)
    return ('<section id="index"><h2>Entities</h2>'
            '<input type="search" id="search" placeholder="Search entities…" aria-label="Search entities">'
            '<table class="index"><thead><tr><th>entity</th><th>type</th><th>sources</th>'
            f'<th>disagreements</th></tr></thead><tbody>{rows}</tbody></table></section>')


_CSS = """
:root{--hard:#c62828;--soft:#ef9a00;--deny:#6a1b9a;--ink:#1d1d1f;--mute:#6b6b70;--line:#e2e2e6}
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);margin:0;background:#fafafa}
header{background:#1f2937;color:#fff;padding:14px 24px}
header h1{margin:0;font-size:20px}
header p{margin:4px 0 0;color:#cbd5e1;font-size:13px}
main{padding:8px 24px 80px;max-width:1400px}
h2{margin:28px 0 4px;font-size:19px}
h2 .type{font-size:12px;color:var(--mute);font-weight:normal;border:1px solid var(--line);border-radius:3px;padding:0 4px}
h3{font-size:14px;margin:16px 0 6px;color:var(--mute);text-transform:uppercase;letter-spacing:.04em}
.summary{margin:2px 0 8px}
.scroll{overflow-x:auto;border:1px solid var(--line);background:#fff}
table{border-collapse:collapse}
.grid th,.grid td{border:1px solid var(--line);padding:4px 6px;vertical-align:top;text-align:left}
.grid thead th{background:#f3f4f6;position:sticky;top:0;min-width:120px}
.grid th[scope=row]{background:#f9fafb;white-space:nowrap}
.grid tr.hard th[scope=row]{border-left:4px solid var(--hard)}
.grid tr.soft th[scope=row]{border-left:4px solid var(--soft)}
.src .outlet{display:block;font-weight:600}
.src .pub{display:block;font-weight:normal;color:var(--mute);font-size:12px}
.claim{display:block;width:100%;text-align:left;border:1px solid transparent;background:none;font:inherit;
 padding:2px 4px;margin:1px 0;border-radius:3px;cursor:pointer;color:inherit}
.claim:hover,.claim:focus{border-color:#94a3b8;background:#f1f5f9}
.claim .norm{display:block;font-size:11px;color:var(--mute);font-family:ui-monospace,monospace}
.claim .who{display:block;font-size:11px;color:var(--mute)}
.claim .who::before{content:"said by "}
.claim.conflict-hard{background:#fdecea;border-color:#f5b7b1}
.claim.conflict-soft{background:#fff6e0;border-color:#f7d79a}
.claim.denied .v{text-decoration:line-through;text-decoration-color:var(--deny)}
.claim.hedged .v{font-style:italic}
.badge{display:inline-block;font-size:10px;border-radius:3px;padding:0 3px;margin-left:4px;color:#fff;vertical-align:middle}
.badge.deny{background:var(--deny)}.badge.hedge{background:#607d8b}
.side{display:inline-block;font-size:10px;font-weight:700;border-radius:8px;padding:0 5px;margin-left:4px;
 background:#fff;border:1px solid currentColor;vertical-align:middle}
.conflict-hard .side{color:var(--hard)}.conflict-soft .side{color:#a66a00}
.more,.note,.empty{color:var(--mute);font-size:12px}
.timeline{width:100%;max-width:900px;height:auto;background:#fff;border:1px solid var(--line)}
.timeline .axis{stroke:#94a3b8;stroke-width:2}
.timeline line{stroke:#cbd5e1}
.timeline .fact circle{fill:var(--hard)}.timeline .published circle{fill:#1e88e5}
.timeline text{font-size:11px;fill:var(--ink)}.timeline .end{fill:var(--mute)}
.spellings th,.spellings td{padding:2px 10px 2px 0;text-align:left;vertical-align:top}
.count{color:var(--mute);font-size:12px}
#search{font:inherit;padding:6px 10px;width:min(420px,100%);margin:6px 0 10px;border:1px solid #cbd5e1;border-radius:4px}
.index th,.index td{padding:3px 14px 3px 0;text-align:left;border-bottom:1px solid var(--line)}
.index td.n{text-align:right}
#panel{position:fixed;right:16px;bottom:16px;width:min(520px,calc(100% - 32px));background:#fff;
 border:1px solid #94a3b8;box-shadow:0 6px 24px rgba(0,0,0,.18);border-radius:6px;padding:12px 14px;display:none}
#panel.open{display:block}
#panel .close{float:right;border:none;background:none;font-size:18px;cursor:pointer}
#panel .meta{color:var(--mute);font-size:12px;margin-top:6px}
#panel blockquote{margin:8px 0;padding-left:10px;border-left:3px solid #cbd5e1}
mark.value{background:#ffe082}mark.entity{background:#b3e5fc}
.hidden{display:none}
"""

_JS = """
(function(){
  var search=document.getElementById('search');
  if(search){search.addEventListener('input',function(){
    var q=search.value.trim().toLowerCase();
    document.querySelectorAll('.index tbody tr').forEach(function(r){
      r.classList.toggle('hidden', q!=='' && r.dataset.name.indexOf(q)<0);});
    document.querySelectorAll('section.entity').forEach(function(s){
      s.classList.toggle('hidden', q!=='' && s.dataset.name.indexOf(q)<0);});
  });}
  var panel=document.getElementById('panel');
  function show(d){
    panel.querySelector('.attr').textContent=d.attribute.replace(/_/g,' ')+': '+d.value;
    panel.querySelector('blockquote').innerHTML=d.quote;
    panel.querySelector('.meta').textContent=d.where+(d.said_by?' · said by '+d.said_by:'')
      +(d.conflict?' · '+d.conflict:'');
    panel.classList.add('open');
  }
  document.addEventListener('click',function(ev){
    var b=ev.target.closest('.claim');
    if(b){show(JSON.parse(b.dataset.detail));return;}
    if(ev.target.closest('#panel .close')){panel.classList.remove('open');}
  });
  document.addEventListener('keydown',function(ev){if(ev.key==='Escape')panel.classList.remove('open');});
})();
"""


def render(views: list[EntityView], *, title: str = "factx report", subtitle: str = "") -> str:
    """The whole page as one HTML string (inline CSS and JavaScript, no external resources)."""
    body = _index_html(views) + "".join(_section_html(v) for v in views)
    if not views:
        body = '<p class="note">The store holds no entities yet: run <code>factx extract PATH</code>.</p>'
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">"
            f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>"
            f"<header><h1>{_e(title)}</h1><p>{_e(subtitle)}</p></header><main>{body}</main>"
            '<aside id="panel" role="dialog" aria-live="polite"><button type="button" class="close" '
            'aria-label="close">×</button><div class="attr"></div><blockquote></blockquote>'
            '<div class="meta"></div></aside>'
            f"<script>{_JS}</script></body></html>\n")


def build_report(store, *, entity_ids: Iterable[str] | None = None, limit: int = 25,
                 max_sources: int = 40, title: str | None = None, rules=None) -> str:
    """The report page for a store: the entities asked for, or the `limit` main ones."""
    views = gather(store, entity_ids=entity_ids, limit=limit, max_sources=max_sources, rules=rules)
    status = store.status()
    subtitle = (f"{status['documents']} documents · {status['facts']} facts · {status['entities']} entities"
                f" · {len(views)} shown · made {dt.date.today().isoformat()} by factx")
    return render(views, title=title or "Where the sources disagree", subtitle=subtitle)
