// Actor network: who acts on whom. Edges point from actor to recipient, coloured by the share of
// cooperation (quad classes 1-2) against conflict (3-4) and sized by the number of events.
import { el, svg, tip } from "./dom.js";
import { api, filterParams, href } from "./core.js";
import { actorHref, downloads, empty, panel, segmented } from "./widgets.js";

const COOP = "#1e8449", CONFLICT = "#c0392b", MIXED = "#8a94a6";

export async function networkView(root, params) {
  const limit = params.edges || "60";
  const level = params.level || "identity";
  const net = await api("aggregates/network", { ...filterParams(params), limit, level });
  const controls = el("div.controls", {},
    segmented("nodes", "level", [["identity", "actors"], ["code", "actor codes"], ["country", "countries"]], params, "network", "identity"),
    segmented("edges", "edges", [["30", "top 30"], ["60", "top 60"], ["150", "top 150"]], params, "network", "60"),
    el("div.legend", {},
      el("span.legenditem", {}, el("i.swatch", { style: { background: COOP } }), "mostly cooperation (quad 1–2)"),
      el("span.legenditem", {}, el("i.swatch", { style: { background: CONFLICT } }), "mostly conflict (quad 3–4)"),
      el("span.legenditem", {}, el("i.swatch", { style: { background: MIXED } }), "mixed or uncoded"),
      el("span.legenditem.muted", {}, "line width: number of events · circle: events involving the actor")),
    downloads(params));
  if (!net.edges.length) {
    root.appendChild(panel("Actor network", controls, empty("No events with both an actor and a recipient match these filters.")));
    return;
  }
  root.appendChild(panel(`Actor network (${net.nodes.length} actors, ${net.edges.length} links)`, controls, drawNetwork(net)));
  root.appendChild(panel("Strongest links", edgeTable(net)));
}

export function edgeColour(edge) {
  if (edge.cooperation > edge.conflict) return COOP;
  if (edge.conflict > edge.cooperation) return CONFLICT;
  return MIXED;
}

/** Fruchterman-Reingold with gravity (so separate groups stay near the middle), then scaled to fit. */
function layout(nodes, edges, W, H) {
  const n = nodes.length;
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  // Deterministic start: a spiral, biggest actors in the middle.
  const pos = nodes.map((_, i) => {
    const angle = i * 2.39996, r = Math.sqrt(i + 0.5) / Math.sqrt(n);
    return { x: r * Math.cos(angle), y: r * Math.sin(angle), dx: 0, dy: 0 };
  });
  const links = edges.map((e) => [index.get(e.source), index.get(e.target)]).filter(([a, b]) => a !== undefined && b !== undefined && a !== b);
  const k = Math.sqrt(1 / Math.max(1, n));
  const steps = 300;
  for (let step = 0; step < steps; step++) {
    const temp = 0.1 * (1 - step / steps) + 0.002;
    for (const p of pos) { p.dx = 0; p.dy = 0; }
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
        const d = Math.max(0.01, Math.sqrt(dx * dx + dy * dy));
        const f = (k * k) / d;
        pos[i].dx += (dx / d) * f; pos[i].dy += (dy / d) * f;
        pos[j].dx -= (dx / d) * f; pos[j].dy -= (dy / d) * f;
      }
    }
    for (const [a, b] of links) {
      const dx = pos[a].x - pos[b].x, dy = pos[a].y - pos[b].y;
      const d = Math.max(0.01, Math.sqrt(dx * dx + dy * dy));
      const f = (d * d) / k;
      pos[a].dx -= (dx / d) * f; pos[a].dy -= (dy / d) * f;
      pos[b].dx += (dx / d) * f; pos[b].dy += (dy / d) * f;
    }
    for (const p of pos) {
      const d = Math.sqrt(p.x * p.x + p.y * p.y);
      p.dx -= p.x * 2 * k * (1 + d); p.dy -= p.y * 2 * k * (1 + d); // gravity
      const len = Math.max(1e-9, Math.sqrt(p.dx * p.dx + p.dy * p.dy));
      const move = Math.min(len, temp);
      p.x += (p.dx / len) * move; p.y += (p.dy / len) * move;
    }
  }
  // Fit the drawing into the box, keeping room for labels.
  const xs = pos.map((p) => p.x), ys = pos.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const mx = 90, my = 40;
  const sx = (W - 2 * mx) / Math.max(1e-6, x1 - x0), sy = (H - 2 * my) / Math.max(1e-6, y1 - y0);
  return pos.map((p) => ({
    x: n === 1 ? W / 2 : mx + (p.x - x0) * sx,
    y: n === 1 ? H / 2 : my + (p.y - y0) * sy,
  }));
}

function drawNetwork(net) {
  const labels = net.nodes.map((node) => shorten(node.name, 24));
  const widths = textWidths(labels);
  const maxEvents = Math.max(1, ...net.nodes.map((n) => n.events));
  const radius = (node) => 6 + 16 * Math.sqrt(node.events / maxEvents);
  const boxes = net.nodes.map((node, i) => ({ w: Math.max(2 * radius(node), widths[i]) + 8, h: 2 * radius(node) + 18, r: radius(node) }));
  // Taller when there are many labels, so that they fit without covering one another.
  const W = 1000, H = Math.round(Math.min(1600, Math.max(620, 3 * boxes.reduce((s, b) => s + b.w * b.h, 0) / W)));
  const pos = separate(layout(net.nodes, net.edges, W, H), boxes, W, H);
  const at = new Map(net.nodes.map((node, i) => [node.id, pos[i]]));
  const maxCount = Math.max(1, ...net.edges.map((e) => e.count));
  const chart = svg("svg.network", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "actor network", dataset: { level: net.level } });
  const defs = svg("defs");
  for (const [name, colour] of [["coop", COOP], ["conflict", CONFLICT], ["mixed", MIXED]]) {
    defs.appendChild(svg("marker", { id: `arrow-${name}`, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 11, markerHeight: 11, orient: "auto-start-reverse", markerUnits: "userSpaceOnUse" },
      svg("path", { d: "M0,0 L10,5 L0,10 z", fill: colour })));
  }
  chart.appendChild(defs);
  const rOf = new Map(net.nodes.map((n) => [n.id, radius(n)]));
  const edgeLayer = svg("g.edges"), nodeLayer = svg("g.nodes");
  const edgeEls = [];
  for (const e of net.edges) {
    const colour = edgeColour(e);
    const marker = colour === COOP ? "coop" : colour === CONFLICT ? "conflict" : "mixed";
    const path = svg("path.edge", {
      stroke: colour, "stroke-width": (1 + 7 * Math.sqrt(e.count / maxCount)).toFixed(2), fill: "none",
      "marker-end": `url(#arrow-${marker})`, dataset: { source: e.source, target: e.target, count: String(e.count) },
    });
    tip(path, `${e.source_name} → ${e.target_name}: ${e.count} events (${e.cooperation} cooperation, ${e.conflict} conflict)` +
      (e.types ? `\n${Object.entries(e.types).map(([t, c]) => `${t} ${c}`).join(", ")}` : ""));
    edgeLayer.appendChild(path);
    edgeEls.push([path, e]);
  }
  const placeEdges = () => {
    for (const [path, e] of edgeEls) {
      const a = at.get(e.source), b = at.get(e.target);
      if (!a || !b) continue;
      const dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
      const rb = rOf.get(e.target) + 3, ra = rOf.get(e.source);
      const sx = a.x + (dx / d) * ra, sy = a.y + (dy / d) * ra;
      const tx = b.x - (dx / d) * rb, ty = b.y - (dy / d) * rb;
      // A slight bend keeps A→B and B→A apart.
      const mx = (sx + tx) / 2 - (dy / d) * 18, my = (sy + ty) / 2 + (dx / d) * 18;
      path.setAttribute("d", `M${sx.toFixed(1)},${sy.toFixed(1)} Q${mx.toFixed(1)},${my.toFixed(1)} ${tx.toFixed(1)},${ty.toFixed(1)}`);
    }
  };
  net.nodes.forEach((node, i) => {
    const p = pos[i];
    const g = svg("g.node", { transform: `translate(${p.x.toFixed(1)},${p.y.toFixed(1)})`, dataset: { actor: node.id } });
    const circle = svg("circle", { r: rOf.get(node.id).toFixed(1) });
    tip(circle, `${node.name}${node.code ? " (" + node.code + ")" : ""}: ${node.events} events`);
    const link = svg("a", { href: net.level === "name" ? actorHref(node) : href("events", nodeFilter(net.level, node)) },
      svg("text", { y: rOf.get(node.id) + 13, "text-anchor": "middle" }, labels[i]));
    g.appendChild(circle);
    g.appendChild(link);
    enableDrag(chart, g, p, () => { g.setAttribute("transform", `translate(${p.x.toFixed(1)},${p.y.toFixed(1)})`); placeEdges(); });
    nodeLayer.appendChild(g);
  });
  placeEdges();
  chart.appendChild(edgeLayer);
  chart.appendChild(nodeLayer);
  return el("div.chartwrap", {}, chart, el("p.note", {}, "Drag a circle to move it; click a name to see its events (an actor's: its page)."));
}

/** The events of a node: a country's (as any side or place), a code's, an actor's by name. */
function nodeFilter(level, node) {
  if (level === "country") return { involving: node.id };
  return { actor: node.code && node.code === node.id ? node.code : node.name };
}

/** Label widths in the page's own font (a canvas measures text without drawing it). */
function textWidths(labels) {
  const ctx = document.createElement("canvas").getContext("2d");
  ctx.font = `600 12px ${getComputedStyle(document.body).fontFamily}`;
  return labels.map((t) => ctx.measureText(t).width);
}

/** Push apart nodes whose circle-and-label boxes overlap (box below the centre: circle, then label), kept
 * inside the drawing; deterministic, so the same data always gives the same picture. */
function separate(pos, boxes, W, H) {
  const n = pos.length;
  const clamp = (p, b) => {
    p.x = Math.min(W - b.w / 2, Math.max(b.w / 2, p.x));
    p.y = Math.min(H - b.h + b.r, Math.max(b.r, p.y));
  };
  pos.forEach((p, i) => clamp(p, boxes[i]));
  for (let round = 0; round < 500; round++) {
    let moved = false;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const a = boxes[i], b = boxes[j], p = pos[i], q = pos[j];
        // centres of the boxes: each spans from r above the node's centre to its label's foot
        const dx = (q.x - p.x), dy = (q.y - b.r + b.h / 2) - (p.y - a.r + a.h / 2);
        const ox = (a.w + b.w) / 2 - Math.abs(dx), oy = (a.h + b.h) / 2 - Math.abs(dy);
        if (ox <= 0 || oy <= 0) continue;
        moved = true;
        // along the shorter overlap, half each; ties (same place) broken by index
        if (ox < oy) {
          const s = (dx > 0 || (dx === 0 && i < j) ? 1 : -1) * (ox / 2 + 0.5);
          p.x -= s; q.x += s;
        } else {
          const s = (dy > 0 || (dy === 0 && i < j) ? 1 : -1) * (oy / 2 + 0.5);
          p.y -= s; q.y += s;
        }
        clamp(p, a); clamp(q, b);
      }
    }
    if (!moved) break;
  }
  return pos;
}

function enableDrag(chart, handle, p, moved) {
  handle.addEventListener("pointerdown", (down) => {
    if (down.target.closest("a")) return;
    const matrix = chart.getScreenCTM().inverse();
    const move = (ev) => {
      const pt = new DOMPoint(ev.clientX, ev.clientY).matrixTransform(matrix);
      p.x = pt.x; p.y = pt.y;
      moved();
    };
    const up = () => { window.removeEventListener("pointermove", move); window.removeEventListener("pointerup", up); };
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
  });
}

function edgeTable(net) {
  const rows = net.edges.slice(0, 20).map((e) => el("tr", {},
    el("td", {}, e.source_name), el("td", {}, "→"), el("td", {}, e.target_name),
    el("td.num", {}, String(e.count)),
    el("td", {}, el("span.coopbar", {}, el("i.coop", { style: { width: `${(100 * e.cooperation) / e.count}%` } }),
      el("i.conflict", { style: { width: `${(100 * e.conflict) / e.count}%` } }))),
    el("td.muted", {}, Object.entries(e.types || {}).map(([t, c]) => `${t} ${c}`).join(", "))));
  return el("table.data.compact", {},
    el("thead", {}, el("tr", {}, ["actor", "", "recipient", "events", "cooperation / conflict", "types"].map((h) => el("th", {}, h)))),
    el("tbody", {}, rows));
}

function shorten(text, max) {
  return text.length > max ? text.slice(0, max - 1) + "…" : text;
}
