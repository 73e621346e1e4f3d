"""A :class:`~newsgraph.report.build.Report` as one self-contained HTML page: inline CSS, no script,
nothing fetched; a print stylesheet (no navigation, a page break between sections, URLs printed
after their links). Every value from the store is escaped: article text is untrusted."""
from __future__ import annotations

import base64
import hashlib
from html import escape
from urllib.parse import quote

from newsgraph.report.build import UNDATED, Contested, Report, ReportEvent, Telling

CSS = """
:root { --ink: #1d2433; --muted: #6b7385; --line: #d9dde5; --assert: #1e8449; --deny: #c0392b; --accent: #2456a6; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 24px; color: var(--ink);
       font: 15px/1.5 Georgia, "DejaVu Serif", serif; }
h1, h2, h3, h4, nav, .meta, .line, .from, .who, .why { font-family: system-ui, "DejaVu Sans", sans-serif; }
h1 { font-size: 24px; margin: 0 0 6px; }
h2 { font-size: 19px; border-bottom: 2px solid var(--ink); padding-bottom: 4px; margin-top: 32px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
a { color: var(--accent); }
.meta, .from, .why, .muted { color: var(--muted); font-size: 13px; }
nav.toc a { margin-right: 16px; }
ol.events { list-style: none; padding: 0; margin: 0; }
li.event { border-left: 3px solid var(--line); padding: 4px 0 6px 12px; margin: 0 0 10px; }
li.event.contested { border-left-color: var(--deny); }
.line { font-size: 14px; }
.type { font-weight: 700; letter-spacing: .3px; }
.fact { font-size: 12px; border: 1px solid var(--line); border-radius: 3px; padding: 0 4px; }
.fact.denied, .fact.negated, .how.deny { color: var(--deny); border-color: var(--deny); }
blockquote { margin: 4px 0; font-style: italic; }
article.contest { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px 12px; margin: 0 0 16px; }
.sides { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
.side h4 { margin: 6px 0; font-size: 13px; text-transform: uppercase; letter-spacing: .5px; }
.side.asserts h4 { color: var(--assert); } .side.denies h4 { color: var(--deny); }
.telling { border-top: 1px solid var(--line); padding-top: 6px; margin-bottom: 8px; }
.who { font-size: 14px; }
.how { font-size: 12px; border: 1px solid var(--line); border-radius: 3px; padding: 0 4px; }
@media (max-width: 640px) { body { padding: 12px; } .sides { grid-template-columns: 1fr; } }
@page { margin: 16mm 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav.toc { display: none; }
  section.part + section.part { break-before: page; }
  h3 { break-after: avoid; }
  li.event, .telling, article.contest h3, .why { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  a[href^="http"]::after { content: " <" attr(href) ">"; font-size: 8.5pt; color: var(--muted); word-break: break-all; }
}
""".strip()


def style_source() -> str:
    """The report's inline style as a Content-Security-Policy source (its hash): a server's policy that
    names it lets browsers apply this one stylesheet, and no other inline style."""
    digest = base64.b64encode(hashlib.sha256(CSS.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


def render_html(report: Report, dashboard: str = "") -> str:
    """The report as a page; ``dashboard``: the dashboard's address (``http://127.0.0.1:8000``),
    for the links to each article's view there (empty: links relative to the server serving the page)."""
    contested = f"Contested events ({len(report.contested)})"
    more = (f"; the timeline shows the newest {report.shown} of them, narrow the query to see the others"
            if report.shown < report.total else "")
    parts = [
        f"<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<link rel=\"icon\" href=\"data:,\">\n<title>{_e(report.title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        f"<header>\n<h1>{_e(report.title)}</h1>\n<p class=\"meta\">{_e(_query_text(report.query))} · "
        f"{report.total} matching event{'s' if report.total != 1 else ''}{_e(more)} · "
        f"{len(report.contested)} contested · generated {_e(report.generated)} by newsgraph</p>\n"
        f"<nav class=\"toc\"><a href=\"#timeline\">Timeline</a><a href=\"#contested\">{contested}</a></nav>\n</header>\n",
        "<section class=\"part\" id=\"timeline\">\n<h2>Timeline</h2>\n",
        "".join(_day(d.day, d.events, dashboard) for d in report.days) or "<p class=\"muted\">No event matches this query.</p>\n",
        f"</section>\n<section class=\"part\" id=\"contested\">\n<h2>{contested}</h2>\n",
        "".join(_contest(c, dashboard) for c in report.contested)
        or "<p class=\"muted\">No event in this report is told differently by its sources.</p>\n",
        "</section>\n</body>\n</html>\n",
    ]
    return "".join(parts)


def _e(value) -> str:
    return escape(str(value), quote=True) if value is not None else ""


def _query_text(query: dict) -> str:
    return "query: " + (", ".join(f"{k}={v}" for k, v in query.items()) or "every stored event")


def _day(day: str, events: list[ReportEvent], dashboard: str) -> str:
    items = "".join(_event(ev, dashboard) for ev in events)
    return f"<section class=\"day\">\n<h3 id=\"day-{_e(day)}\">{_e(day)}</h3>\n<ol class=\"events\">\n{items}</ol>\n</section>\n"


def _event(ev: ReportEvent, dashboard: str) -> str:
    who = _e(ev.actor or "an unnamed actor") + (f" → {_e(ev.recipient)}" if ev.recipient else "")
    where = f" · in {_e(ev.location)}" if ev.location else ""
    told = f"<p class=\"muted\">told by: {_e(', '.join(ev.sources))}</p>" if ev.sources else ""
    flag = (f" · <a href=\"#c-{_e(ev.contested)}\">contested: see its tellings side by side</a>"
            if ev.contested else "")
    evidence = f"<blockquote>{_e(ev.evidence)}</blockquote>" if ev.evidence else ""
    return (f"<li class=\"event{' contested' if ev.contested else ''}\" id=\"e-{_e(ev.id)}\">"
            f"<div class=\"line\"><span class=\"type\">{_e(ev.type)}</span> {who} "
            f"<span class=\"fact {_e(ev.factuality)}\">{_e(ev.factuality)}</span>{where}</div>{evidence}{told}"
            f"<p class=\"from\">{_source(ev.article_id, ev.article_title, ev.article_url, ev.outlet, ev.published, dashboard)}"
            f"{flag}</p></li>\n")


def _contest(c: Contested, dashboard: str) -> str:
    who = _e(c.actor or "an unnamed actor") + (f" → {_e(c.recipient)}" if c.recipient else "")
    sides = "".join(f"<div class=\"side {name}\"><h4>{label} ({len(tellings)})</h4>"
                    f"{''.join(_telling(t, dashboard) for t in tellings) or '<p class=muted>none</p>'}</div>"
                    for name, label, tellings in (("asserts", "Asserts", c.asserts), ("denies", "Denies", c.denies)))
    return (f"<article class=\"contest\" id=\"c-{_e(c.id)}\"><h3>{_e(c.day or UNDATED)} · "
            f"<span class=\"type\">{_e(c.type)}</span> {who}</h3><p class=\"why\">{_e(c.why)}</p>"
            f"<div class=\"sides\">{sides}</div></article>\n")



def _telling(t: Telling, dashboard: str) -> str:
    chain = f"<p class=\"muted\">relayed via {_e(' ← '.join(t.chain))}</p>" if t.chain else ""
    said = (f"{_e(t.cue)} " if t.cue else "") + (f"“{_e(t.text)}”" if t.text else "")
    return (f"<div class=\"telling\"><p class=\"who\"><b>{_e(t.who)}</b> <span class=\"how {_e(t.how)}\">{_e(t.how)}</span></p>"
            f"{chain}{f'<blockquote>{said}</blockquote>' if said else ''}"
            f"<p class=\"from\">{_source(t.article_id, t.article_title, t.article_url, t.outlet, t.published, dashboard)}</p></div>")


def _source(article_id: str, title: str | None, url: str | None, outlet: str | None, published: str | None,
            dashboard: str) -> str:
    """The article as a link to its address (only http and https: a stored URL is untrusted), its outlet and
    date, and a link to its view in the dashboard."""
    label = _e(title or article_id)
    head = f"<a href=\"{_e(url)}\">{label}</a>" if url and url.lower().startswith(("http://", "https://")) else label
    meta = ", ".join(_e(x) for x in (outlet, published) if x)
    view = f"{dashboard.rstrip('/')}/#/articles/{quote(article_id, safe='')}"
    return f"{head}{f' ({meta})' if meta else ''} · <a class=\"dash\" href=\"{_e(view)}\">in the dashboard</a>"
