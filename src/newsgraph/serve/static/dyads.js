// Dyads view: a matrix of who acts on whom (actor-side countries or codes by recipient-side ones, counts
// or Goldstein in the cells) and, for one dyad, a Goldstein curve on a continuous time axis.
import { el, svg, tip } from "./dom.js";
import { api, filterParams, href } from "./core.js";
import { downloads, empty, panel, segmented } from "./widgets.js";

// What the matrix and curve count when no factuality is chosen (the API's default): what happened.
const HAPPENED = "asserted,reported";
const MEASURES = [["count", "events"], ["goldstein_sum", "Goldstein sum"], ["goldstein_mean", "Goldstein mean"]];

export async function dyadsView(root, params) {
  const filters = filterParams(params);
  const level = params.level || "country";
  const measure = params.measure || "count";
  const matrix = await api("aggregates/dyads", { ...filters, level, limit: 20 });
  const controls = el("div.controls", {},
    segmented("axes", "level", [["country", "countries"], ["code", "actor codes"]], { ...params, src: "", dst: "" }, "dyads", "country"),
    segmented("cells", "measure", MEASURES, params, "dyads", "count"),
    downloads(params));
  const counted = el("p.note", {}, `Counting events told as ${matrix.factuality.split(",").join(", ")}` +
    (filters.factuality ? "." : " (the default; choose a factuality above to count planned, hypothetical, negated or denied events)."));
  if (!matrix.cells.length) {
    root.appendChild(panel("Dyads", controls, counted, empty("No events with both sides known match these filters.")));
    return;
  }
  const title = `Dyads: ${matrix.rows.length} of ${matrix.total_rows} actor sides × ${matrix.columns.length} of ${matrix.total_columns} recipient sides`;
  root.appendChild(panel(title, controls, counted, matrixTable(matrix, measure, filters), scaleNote(measure)));
  const top = matrix.cells[0];
  const src = params.src || (params.dst ? "" : top.actor), dst = params.dst || (params.src ? "" : top.recipient);
  root.appendChild(await curvePanel(matrix, { ...params, src, dst }, filters, level));
}

/** The events view's filters for one cell (the code level reads each code's country from its first letters). */
function cellFilters(filters, level, actor, recipient) {
  const out = { ...filters, factuality: filters.factuality || HAPPENED };
  if (level === "country") return { ...out, actor_country: actor, recipient_country: recipient };
  return { ...out, actor, actor_country: actor.slice(0, 3), recipient_country: recipient.slice(0, 3) };
}

function cellColour(value, measure, max) {
  if (value === null || value === undefined) return "#f3f4f7";
  if (measure === "count") return `rgba(37, 99, 170, ${(0.12 + 0.88 * value / max).toFixed(3)})`;
  // Goldstein: green for cooperation (positive), red for conflict (negative), stronger further from 0
  const a = (0.12 + 0.88 * Math.abs(value) / max).toFixed(3);
  return value >= 0 ? `rgba(30, 132, 73, ${a})` : `rgba(192, 57, 43, ${a})`;
}

function matrixTable(matrix, measure, filters) {
  const at = new Map(matrix.cells.map((c) => [`${c.actor}\u0000${c.recipient}`, c]));
  const max = Math.max(1e-9, ...matrix.cells.map((c) => Math.abs(c[measure] ?? 0)));
  const head = el("tr", {}, el("th.corner", {}, "actor ↓ · recipient →"),
    matrix.columns.map((c) => el("th.colkey", { title: `${c.name}: ${c.count} events as recipient` }, c.key)));
  const rows = matrix.rows.map((r) => el("tr", {}, el("th.rowkey", { title: `${r.name}: ${r.count} events as actor` }, r.key),
    matrix.columns.map((c) => {
      const cell = at.get(`${r.key}\u0000${c.key}`);
      if (!cell) return el("td.cell.none", {});
      const value = cell[measure];
      const label = value === null ? "–" : measure === "count" ? String(value) : value.toFixed(1);
      const link = el("a.cellink", {
        href: href("events", cellFilters(filters, matrix.level, r.key, c.key)),
        title: `${r.name} → ${c.name}: ${cell.count} events, Goldstein sum ${cell.goldstein_sum ?? "–"}, mean ${cell.goldstein_mean ?? "–"}`,
        dataset: { actor: r.key, recipient: c.key, count: String(cell.count) },
      }, label);
      const dark = Math.abs(value ?? 0) / max > 0.55;
      return el(`td.cell${dark ? ".dark" : ""}`, { style: { background: cellColour(value, measure, max) } }, link);
    })));
  return el("div.matrixwrap", {}, el("table.matrix", {}, el("thead", {}, head), el("tbody", {}, rows)));
}

function scaleNote(measure) {
  const text = measure === "count" ? "Darker: more events. Click a cell to list its events."
    : "Green: cooperation (Goldstein above 0), red: conflict; darker: further from 0. Click a cell to list its events.";
  return el("p.note", {}, text);
}

function sideSelect(name, label, keys, params) {
  const select = el("select", { name, on: { change: (e) => { location.hash = href("dyads", { ...params, [name]: e.target.value }); } } },
    el("option", { value: "" }, "any"), keys.map((k) => el("option", { value: k.key }, `${k.key} · ${k.name}`)));
  select.value = params[name] || "";
  return el("label.side", {}, label, " ", select);
}

async function curvePanel(matrix, params, filters, level) {
  const interval = params.interval || "month";
  const curve = params.curve || "mean";
  const sides = level === "country"
    ? { actor_country: params.src || filters.actor_country, recipient_country: params.dst || filters.recipient_country }
    : { source: params.src, target: params.dst };
  const series = await api("series", { ...filters, ...sides, interval, by: "quad_class" });
  const name = (keys, k) => (keys.find((x) => x.key === k) || { name: k }).name;
  const who = `${params.src ? name(matrix.rows, params.src) : "anyone"} → ${params.dst ? name(matrix.columns, params.dst) : "anyone"}`;
  const controls = el("div.controls", {},
    sideSelect("src", "actor side", matrix.rows, params), sideSelect("dst", "recipient side", matrix.columns, params),
    segmented("per", "interval", [["day", "day"], ["week", "week"], ["month", "month"], ["year", "year"]], params, "dyads", "month"),
    segmented("curve", "curve", [["mean", "mean"], ["sum", "sum"]], params, "dyads", "mean"));
  return panel(`Conflict and cooperation over time: ${who}`, controls, goldsteinChart(series, curve));
}

/** A line of the Goldstein mean or sum per period (every period of the range; a gap where none is scored). */
export function goldsteinChart(series, curve) {
  const { periods } = series;
  if (!periods.length) return empty("No dated events for this dyad under these filters.");
  const values = series.goldstein[curve];
  const W = 1000, H = 260, left = 44, right = 12, top = 12, bottom = 46;
  const lim = Math.max(1, ...values.map((v) => Math.abs(v ?? 0)));
  const step = (W - left - right) / Math.max(1, periods.length - 1);
  const x = (i) => (periods.length === 1 ? (W + left - right) / 2 : left + i * step);
  const y = (v) => top + ((lim - v) / (2 * lim)) * (H - top - bottom);
  const chart = svg("svg.goldstein", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": `Goldstein ${curve} per ${series.interval}`,
    dataset: { interval: series.interval, periods: String(periods.length), curve } });
  for (const t of [lim, lim / 2, 0, -lim / 2, -lim]) {
    chart.appendChild(svg(t === 0 ? "line.baseline" : "line.grid", { x1: left, x2: W - right, y1: y(t), y2: y(t) }));
    chart.appendChild(svg("text.axis", { x: left - 6, y: y(t) + 4, "text-anchor": "end" }, (Math.round(t * 10) / 10).toString()));
  }
  // The pen lifts over periods without a scored event: no line is drawn through what was not seen.
  let d = "", down = false;
  values.forEach((v, i) => {
    if (v !== null) d += `${down ? "L" : "M"}${x(i).toFixed(1)},${y(v).toFixed(1)} `;
    down = v !== null;
  });
  chart.appendChild(svg("path.curve", { d: d.trim() || "M0,0" }));
  const labelEvery = Math.ceil(periods.length / 14);
  periods.forEach((period, i) => {
    const v = values[i];
    if (series.goldstein.scored[i]) { // a dot where events were scored; a sum of 0 elsewhere is only the line
      const dot = svg("circle.point", { cx: x(i), cy: y(v), r: 3, fill: v >= 0 ? "#1e8449" : "#c0392b", dataset: { period } });
      tip(dot, `${period}: Goldstein ${curve} ${v} over ${series.counts[i]} events`);
      chart.appendChild(dot);
    }
    if (i % labelEvery === 0) chart.appendChild(svg("text.axis", { x: x(i), y: H - bottom + 16, "text-anchor": "middle" }, period));
  });
  const notes = [`Above 0: cooperation; below: conflict (Goldstein scale, −10 to +10 per event). ${sum(series.counts)} events.`];
  if (series.note) notes.push(series.note);
  return el("div.chartwrap", {}, chart, el("p.note", {}, notes.join(" ")));
}

function sum(xs) {
  return xs.reduce((a, b) => a + b, 0);
}
