// Map of event locations on a bundled base map: an equirectangular dot map of the world's towns
// (served by /api/basemap from the offline geonames cache), no tile server.
import { el, svg, tip } from "./dom.js";
import { api, filterParams, href } from "./core.js";
import { downloads, empty, panel } from "./widgets.js";

const W = 1000, NORTH = 84, SOUTH = -58;
const K = W / 360;
const H = (NORTH - SOUTH) * K;
const px = (lon) => (lon + 180) * K;
const py = (lat) => (NORTH - lat) * K;

let basemapCache = null;

export async function mapView(root, params) {
  const [base, places, mentioned] = await Promise.all([
    basemapCache || api("basemap").then((b) => (basemapCache = b)),
    api("aggregates/locations", { ...filterParams(params), limit: 500 }),
    api("aggregates/places", { q: params.q, involving: params.involving, location_country: params.location_country,
      country: params.country, date_from: params.date_from, date_to: params.date_to, limit: 500 }),
  ]);
  const chart = svg("svg.map", { viewBox: `0 0 ${W} ${H.toFixed(0)}`, role: "img", "aria-label": "map of event locations" });
  chart.appendChild(svg("rect.sea", { x: 0, y: 0, width: W, height: H }));
  for (let lon = -150; lon <= 150; lon += 30) chart.appendChild(svg("line.graticule", { x1: px(lon), x2: px(lon), y1: 0, y2: H }));
  for (let lat = -30; lat <= 60; lat += 30) chart.appendChild(svg("line.graticule", { x1: 0, x2: W, y1: py(lat), y2: py(lat) }));
  chart.appendChild(svg("line.graticule.equator", { x1: 0, x2: W, y1: py(0), y2: py(0) }));
  chart.appendChild(landLayer(base));
  const mentionLayer = svg("g.mentions");
  for (const p of mentioned.items) {
    const dot = svg("circle.mention", { cx: px(p.lon).toFixed(1), cy: py(p.lat).toFixed(1), r: (2.5 + 2 * Math.sqrt(p.articles)).toFixed(1) });
    tip(dot, `${p.name}${p.country ? " (" + p.country + ")" : ""}: named in ${p.articles} article(s)`);
    mentionLayer.appendChild(dot);
  }
  chart.appendChild(mentionLayer);
  const items = places.items.filter((p) => typeof p.lat === "number" && typeof p.lon === "number");
  const max = Math.max(1, ...items.map((p) => p.count));
  const layer = svg("g.places");
  // Biggest first so that small circles stay clickable on top.
  for (const p of [...items].sort((a, b) => b.count - a.count)) {
    const r = 3 + 14 * Math.sqrt(p.count / max);
    const share = p.cooperation + p.conflict ? p.conflict / (p.cooperation + p.conflict) : 0.5;
    const colour = `hsl(${(120 * (1 - share)).toFixed(0)}, 62%, 42%)`;
    const link = svg("a", { href: href("events", { ...filterParams(params), q: "", location_country: p.country || "" }) });
    const circle = svg("circle.place", { cx: px(p.lon).toFixed(1), cy: py(p.lat).toFixed(1), r: r.toFixed(1), fill: colour, dataset: { place: p.name || "" } });
    tip(circle, `${p.name || "?"}${p.country ? " (" + p.country + ")" : ""}: ${p.count} events` +
      (p.types ? `\n${Object.entries(p.types).map(([t, c]) => `${t} ${c}`).join(", ")}` : ""));
    link.appendChild(circle);
    layer.appendChild(link);
  }
  chart.appendChild(layer);
  for (const p of items.slice(0, 12)) {
    chart.appendChild(svg("text.placelabel", { x: (px(p.lon) + 6).toFixed(1), y: (py(p.lat) - 6).toFixed(1) }, p.name || ""));
  }
  const note = places.unlocated ? `${places.unlocated} matching events have no location. ` : "";
  root.appendChild(panel(`Where events happen (${items.length} places)`, downloads(params),
    el("div.chartwrap", {}, chart,
      el("p.note", {}, `${note}Filled circles: events (size: number; green cooperation, red conflict; click to list the country's events). ` +
        `Hollow rings: ${mentioned.items.length} places the articles name.`)),
    items.length ? null : empty("No located events match these filters.")));
  if (items.length) root.appendChild(panel("Places", placeTable(items)));
}

function landLayer(base) {
  const g = svg("g.land");
  const size = Math.max(1.2, base.step * K * 0.92);
  for (const [lon, lat] of base.cells) {
    if (lat > NORTH || lat < SOUTH) continue;
    g.appendChild(svg("rect", { x: (px(lon) - size / 2).toFixed(1), y: (py(lat) - size / 2).toFixed(1), width: size.toFixed(1), height: size.toFixed(1) }));
  }
  return g;
}

function placeTable(items) {
  return el("table.data.compact", {},
    el("thead", {}, el("tr", {}, ["place", "country", "events", "cooperation", "conflict", "types"].map((h) => el("th", {}, h)))),
    el("tbody", {}, items.slice(0, 50).map((p) => el("tr", {},
      el("td", {}, p.name || "?"), el("td", {}, p.country || ""), el("td.num", {}, String(p.count)),
      el("td.num", {}, String(p.cooperation)), el("td.num", {}, String(p.conflict)),
      el("td.muted", {}, Object.entries(p.types || {}).map(([t, c]) => `${t} ${c}`).join(", "))))));
}
