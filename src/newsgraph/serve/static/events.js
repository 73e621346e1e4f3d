// Events view: a stacked timeline of event counts (by PLOVER type or quad class) and the event list.
import { el, svg, tip } from "./dom.js";
import { api, filterParams, getMeta, href, quadColour, typeColour } from "./core.js";
import { actorLabel, articleLink, badge, downloads, empty, pager, panel, quadChip, segmented, typeChip } from "./widgets.js";

const PAGE = 25;

export async function eventsView(root, params) {
  const filters = filterParams(params);
  const interval = params.interval || "month";
  const by = params.by || "type";
  const offset = Number(params.offset || 0);
  // rows=clusters: one row per real-world event, however many articles tell it
  const clusters = params.rows === "clusters";
  const [timeline, page, top] = await Promise.all([
    api("timeline", { ...filters, interval, by }),
    api(clusters ? "clusters" : "events", { ...filters, limit: PAGE, offset }),
    api("aggregates/top-actors", { ...filters, limit: 12 }),
  ]);
  const controls = el("div.controls", {},
    segmented("per", "interval", [["day", "day"], ["week", "week"], ["month", "month"], ["year", "year"]], params, "events", "month"),
    segmented("by", "by", [["type", "event type"], ["quad_class", "quad class"]], params, "events", "type"));
  root.appendChild(el("div.twocol", {},
    panel("Events over time", controls, timelineChart(timeline), legend(timeline)),
    panel("Most active actors", topActors(top.items))));
  const rows = segmented("show", "rows", [["events", "each report"], ["clusters", "each real-world event"]], params, "events", "events");
  const tools = el("div.controls", {}, rows, downloads(params));
  root.appendChild(clusters
    ? panel(`Event clusters (${page.total})`, tools, clusterTable(page.items), pager(page, params, "events"))
    : panel(`Events (${page.total})`, tools, eventTable(page.items), pager(page, params, "events")));
}

function clusterTable(items) {
  if (!items.length) return empty("No event clusters match these filters.");
  const rows = items.map((c) => el("tr", { dataset: { cluster: String(c.id) } },
    el("td.nowrap", {}, c.day || el("span.muted", {}, "undated")),
    el("td", {}, typeChip(c.type, c.event ? c.event.quad_class : null)),
    el("td", {}, c.event ? actorLabel(c.event.actor, "events") : c.actor_country || "—"),
    el("td", {}, c.event ? actorLabel(c.event.recipient, "events") : c.recipient_country || "—"),
    el("td.num", {}, el("a.cluster", { href: href("cluster", {}, String(c.id)), title: "every report of this event" }, String(c.num_articles))),
    el("td.num", {}, String(c.num_sources)),
    el("td.num", {}, String(c.num_mentions)),
    el("td.evidence", {}, c.event && c.event.evidence_text ? el("div.quote", {}, c.event.evidence_text) : null),
    el("td", {}, c.event ? articleLink(c.event.article_id, c.event.article_title) : null,
      c.first_reported ? el("div.muted.small", {}, `first reported ${c.first_reported}`) : null)));
  return el("table.data", {},
    el("thead", {}, el("tr", {}, ["day", "event", "actor", "recipient", "articles", "sources", "mentions", "first report", "article"].map((h) => el("th", {}, h)))),
    el("tbody", {}, rows));
}

function seriesColour(by, key) {
  return by === "quad_class" ? quadColour(key) : typeColour(key);
}

function seriesLabel(by, key) {
  if (by !== "quad_class") return key;
  const info = getMeta().quad_classes[String(key)];
  return info ? `${key} · ${info.label}` : `quad ${key}`;
}

export function timelineChart(timeline) {
  // Every period of the range is drawn, empty ones too, so that width stands for time; the server
  // chooses a coarser interval when there would be too many (timeline.note says so).
  const { periods, series, by } = timeline;
  if (!series.length) return empty("No dated events match these filters.");
  const W = 1000, H = 260, left = 44, right = 12, top = 12, bottom = 46;
  const totals = periods.map((_, i) => series.reduce((sum, s) => sum + s.counts[i], 0));
  const max = Math.max(1, ...totals);
  const step = (W - left - right) / periods.length;
  const barW = Math.max(2, Math.min(48, step * 0.8));
  const y = (v) => H - bottom - (v / max) * (H - top - bottom);
  const chart = svg("svg.timeline", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": `event counts per ${timeline.interval}`,
    dataset: { interval: timeline.interval, periods: String(periods.length) } });
  for (const t of niceTicks(max)) {
    chart.appendChild(svg("line.grid", { x1: left, x2: W - right, y1: y(t), y2: y(t) }));
    chart.appendChild(svg("text.axis", { x: left - 6, y: y(t) + 4, "text-anchor": "end" }, String(t)));
  }
  const labelEvery = Math.ceil(periods.length / 14);
  periods.forEach((period, i) => {
    const x = left + i * step + (step - barW) / 2;
    let base = 0;
    for (const s of series) {
      const v = s.counts[i];
      if (!v) continue;
      const rect = svg("rect.bar", {
        x, width: barW, y: y(base + v), height: Math.max(0.5, y(base) - y(base + v)),
        fill: seriesColour(by, s.key), dataset: { period, key: String(s.key) },
      });
      tip(rect, `${period} · ${seriesLabel(by, s.key)}: ${v}`);
      chart.appendChild(rect);
      base += v;
    }
    if (i % labelEvery === 0) {
      chart.appendChild(svg("text.axis", { x: x + barW / 2, y: H - bottom + 16, "text-anchor": "middle" }, period));
    }
  });
  chart.appendChild(svg("line.baseline", { x1: left, x2: W - right, y1: y(0), y2: y(0) }));
  const notes = [];
  if (timeline.note) notes.push(timeline.note);
  if (timeline.undated) notes.push(`${timeline.undated} events without a usable date are not drawn.`);
  const note = notes.length ? el("p.note", {}, notes.join(" ")) : null;
  return el("div.chartwrap", {}, chart, note);
}

function niceTicks(max) {
  const rough = max / 4;
  const mag = 10 ** Math.floor(Math.log10(rough || 1));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= rough) || mag;
  const ticks = [];
  for (let t = 0; t <= max; t += Math.max(1, Math.round(step))) ticks.push(t);
  return ticks;
}

function legend(timeline) {
  return el("div.legend", {}, timeline.series.map((s) =>
    el("span.legenditem", {}, el("i.swatch", { style: { background: seriesColour(timeline.by, s.key) } }),
      `${seriesLabel(timeline.by, s.key)} (${s.total})`)));
}

export function eventTable(items) {
  if (!items.length) return empty("No events match these filters.");
  const rows = items.map((e) => el("tr", { dataset: { event: e.id } },
    el("td.nowrap", {}, e.date || e.day || "", e.date ? null : el("div.muted.small", { title: "no date of its own: filed under the publication date" }, "published")),
    el("td", {}, typeChip(e.type, e.quad_class), " ", quadChip(e.quad_class), e.cameo ? el("span.code", {}, ` ${e.cameo}`) : null),
    el("td", {}, actorLabel(e.actor, "events")),
    el("td", {}, actorLabel(e.recipient, "events")),
    el("td", {}, badge(e.factuality || "asserted", `f-${e.factuality || "asserted"}`)),
    el("td", {}, e.location ? `${e.location.name || ""}${e.location.country ? " (" + e.location.country + ")" : ""}` : el("span.muted", {}, "—")),
    el("td.evidence", {}, e.trigger_text ? el("b", {}, e.trigger_text) : null, e.evidence_text ? el("div.quote", {}, e.evidence_text) : null),
    el("td", {}, articleLink(e.article_id, e.article_title))));
  return el("table.data", {},
    el("thead", {}, el("tr", {}, ["date", "event", "actor", "recipient", "factuality", "where", "evidence", "article"].map((h) => el("th", {}, h)))),
    el("tbody", {}, rows));
}

function topActors(items) {
  if (!items.length) return empty("No actors in these events.");
  const max = Math.max(...items.map((a) => a.events));
  return el("ol.topactors", {}, items.map((a) => el("li", {},
    el("div.topname", {}, actorLabel(a, "events"), el("span.muted", {}, ` ${a.events}`)),
    el("span.coopbar.wide", { style: { width: `${Math.max(8, (100 * a.events) / max)}%` }, title: `${a.cooperation} cooperation, ${a.conflict} conflict, ${a.events - a.cooperation - a.conflict} other` },
      el("i.coop", { style: { width: `${(100 * a.cooperation) / a.events}%` } }),
      el("i.conflict", { style: { width: `${(100 * a.conflict) / a.events}%` } })))));
}
