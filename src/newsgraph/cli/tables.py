"""Tables of one record's events and claims, readable at 80 columns (``extract`` and ``show``)."""
from __future__ import annotations

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsgraph.record import Record
from newsgraph.spans import span_text

EVIDENCE_CHARS = 160  # about two lines of the evidence column at 80 columns
NAME_CHARS = 28


def cut(text: str | None, limit: int) -> str:
    """``text`` on one line (runs of whitespace, newlines included, made one space) and at most
    ``limit`` characters, cut at a word boundary with an ellipsis."""
    flat = " ".join((text or "").split())
    if len(flat) <= limit:
        return flat
    head = flat[: limit - 1]
    space = head.rfind(" ")
    # A word longer than half the room is cut inside it rather than leaving the cell nearly empty.
    return (head[:space] if space >= limit // 2 else head).rstrip(" ,;:") + "…"


def cells(*values) -> list[Text]:
    """Plain-text cells: names and quotes from articles may hold "[", which is not markup."""
    return [Text("" if v is None else str(v)) for v in values]


def heading(out: Console, record: Record) -> None:
    """An article's headline, then its id, day, outlet and URL."""
    art = record.article
    out.print(Text(art.title or "(no headline)", style="bold"))
    out.print(Text(" · ".join(x for x in (art.id, art.published or "undated", art.outlet, art.url) if x), style="dim"))


def _table(title: str) -> Table:
    # Horizontal rules only: vertical ones cost a column each, which 80 columns cannot spare.
    return Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False, expand=True)


def events_table(record: Record, *, ids: bool = False, where: bool = False) -> Table:
    """One row per event. Three columns, so that the evidence keeps half of an 80-column terminal:
    the event (type, factuality, date), who did it to whom (actor, → recipient; ``where``: the
    place too) and the evidence sentence. ``ids``: the event's id first."""
    art = record.article
    names = {a.id: a.name for a in record.actors}
    table = _table(f"events ({len(record.events)})")
    if ids:
        table.add_column("id", no_wrap=True)
    table.add_column("event", no_wrap=True)
    table.add_column("actor → recipient", max_width=20)
    table.add_column("evidence", ratio=1, min_width=24)
    for e in record.events:
        event = Text(e.type, style="bold")
        event.append("\n" + "\n".join(x for x in (e.factuality, e.date) if x))
        who = [cut(names.get(e.actor, "-"), NAME_CHARS)]
        if e.recipient:
            who.append("→ " + cut(names.get(e.recipient, "-"), NAME_CHARS))
        if where and (e.location or {}).get("name"):
            who.append("in " + cut(e.location["name"], NAME_CHARS))
        table.add_row(*cells(*([e.id] if ids else [])), event, Text("\n".join(who)),
                      Text(cut(span_text(art.text, e.evidence), EVIDENCE_CHARS)))
    return table


def claims_table(record: Record, *, ids: bool = False) -> Table:
    """One row per claim: speaker (resolved actor, else the words of the text), cue, stance and content."""
    art = record.article
    names = {a.id: a.name for a in record.actors}
    table = _table(f"claims ({len(record.claims)})")
    if ids:
        table.add_column("id", no_wrap=True)
    table.add_column("speaker", max_width=22)
    table.add_column("cue", max_width=14)
    table.add_column("stance", no_wrap=True)
    table.add_column("content", ratio=1, min_width=20)
    for c in record.claims:
        speaker = names.get(c.speaker) or (span_text(art.text, [c.speaker_span]) if c.speaker_span else None) or "?"
        row = [cut(speaker, NAME_CHARS) + (" (anon.)" if c.anonymous else ""), cut(span_text(art.text, [c.cue]), 24),
               c.stance, cut(span_text(art.text, [c.content]), EVIDENCE_CHARS)]
        table.add_row(*cells(*([c.id] if ids else []), *row))
    return table
