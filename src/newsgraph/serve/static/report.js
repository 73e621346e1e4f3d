// Situation report: the filtered events day by day with their evidence, then each contested event
// (its claims disagree, or its reports tell it as happened and as denied) with who asserts and who
// denies side by side. The same report as `newsgraph report` and GET /api/report (a printable page).
import { el } from "./dom.js";
import { api, filterParams } from "./core.js";
import { articleLink, badge, empty, panel, typeChip } from "./widgets.js";

export async function reportView(root, params) {
  const filters = filterParams(params);
  const report = await api("report", { ...filters, format: "json" });
  const printable = `/api/report${Object.keys(filters).length ? "?" + new URLSearchParams(filters) : ""}`;
  const more = report.shown < report.total ? ` · the timeline shows the newest ${report.shown}; narrow the filters to see the others` : "";
  const controls = el("div.controls.reportcontrols", {},
    el("span.muted", {}, `${report.total} matching events · ${report.contested.length} contested${more}`),
    el("a.button.printable", { href: printable, target: "_blank", rel: "noopener" }, "Printable page"),
    el("button.secondary.print", { type: "button", on: { click: () => window.print() } }, "Print"));
  const contested = new Map(report.contested.map((c) => [c.id, c]));
  root.appendChild(el("div.report", {},
    panel(report.title, controls,
      report.days.length ? report.days.map((d) => day(d, contested)) : empty("No event matches these filters.")),
    panel(`Contested events (${report.contested.length})`,
      report.contested.length ? report.contested.map(contest) : empty("No event in this report is told differently by its sources."))));
}

function day(d, contested) {
  return el("section.reportday", { dataset: { day: d.day } }, el("h3", {}, d.day),
    el("ol.reportevents", {}, d.events.map((ev) => reportEvent(ev, contested.get(ev.contested)))));
}

function reportEvent(ev, contest) {
  return el(`li.reportevent${contest ? ".contested" : ""}`, { dataset: { event: ev.id } },
    el("div.line", {}, typeChip(ev.type, ev.quad_class), " ", el("b", {}, ev.actor || "an unnamed actor"),
      ev.recipient ? [" → ", el("b", {}, ev.recipient)] : null, " ", badge(ev.factuality, `f-${ev.factuality}`),
      ev.location ? el("span.muted", {}, ` · in ${ev.location}`) : null),
    ev.evidence ? el("blockquote.evidence", {}, ev.evidence) : null,
    ev.sources.length ? el("div.muted", {}, `told by: ${ev.sources.join(", ")}`) : null,
    el("div.from", {}, source(ev), contest ? [" · ", jump(contest)] : null));
}

/** A link down to the event's contested entry; not a hash link, which the router would take for a view. */
function jump(contest) {
  return el("a.jump", { href: "", on: { click: (e) => {
    e.preventDefault();
    document.querySelector(`[data-contest="${CSS.escape(contest.id)}"]`).scrollIntoView();
  } } }, "contested: its tellings side by side");
}

function contest(c) {
  return el("article.contest", { dataset: { contest: c.id } },
    el("h3", {}, `${c.day || "undated"} · `, typeChip(c.type), " ", c.actor || "an unnamed actor", c.recipient ? ` → ${c.recipient}` : ""),
    el("p.muted", {}, c.why),
    el("div.sides", {},
      side("asserting", "Asserts", c.asserts),
      side("denying", "Denies", c.denies)));
}

function side(kind, label, tellings) {
  return el(`div.side.${kind}`, {}, el("h4", {}, `${label} (${tellings.length})`),
    tellings.length ? tellings.map(telling) : el("p.muted", {}, "none"));
}

function telling(t) {
  return el("div.telling", {},
    el("div.who", {}, el("b", {}, t.who), " ", badge(t.how, t.how === "deny" ? "s-deny" : `f-${t.how}`)),
    t.chain.length ? el("div.muted", {}, `relayed via ${t.chain.join(" ← ")}`) : null,
    t.text ? el("blockquote.evidence", {}, t.cue ? `${t.cue} ` : "", `“${t.text}”`) : null,
    el("div.from", {}, source(t)));
}

/** The article in the dashboard, its address (http and https only: stored URLs are untrusted), outlet and date. */
function source(x) {
  const url = x.article_url && /^https?:\/\//i.test(x.article_url) ? x.article_url : null;
  return [articleLink(x.article_id, x.article_title || x.article_id),
    url ? [" · ", el("a.external", { href: url, target: "_blank", rel: "noopener noreferrer" }, "original")] : null,
    el("span.muted", {}, [x.outlet, x.published].filter(Boolean).map((v) => ` · ${v}`).join(""))];
}
