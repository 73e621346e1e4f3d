// Article view: the cleaned text with actors, event triggers, claims (cue and content) and time
// expressions highlighted; the boilerplate removed by cleaning shown apart. The text is untrusted:
// it is cut into segments and each segment goes into the page with textContent.
import { el } from "./dom.js";
import { api, href } from "./core.js";
import { actorLabel, badge, empty, pager, panel, quadChip, typeChip } from "./widgets.js";

const PAGE = 40;
const LAYERS = [
  ["actor", "actors"], ["event", "event triggers"], ["cue", "claim cues"], ["claim", "claim content"],
  ["time", "time expressions"], ["place", "places"],
];

export async function articlesView(root, params, id) {
  const offset = Number(params.offset || 0);
  const list = await api("articles", { q: params.q, limit: PAGE, offset });
  const search = el("form.search", { on: { submit: (e) => {
    e.preventDefault();
    location.hash = href("articles", { q: e.target.elements.q.value }, id);
  } } }, el("input", { name: "q", type: "search", placeholder: "search articles", value: params.q || "" }), el("button", { type: "submit" }, "Search"));
  const chosen = id || (list.items[0] && list.items[0].id);
  const items = list.items.map((a) => el(`li${a.id === chosen ? ".on" : ""}`, {},
    el("a", { href: href("articles", params.q ? { q: params.q, offset: params.offset } : {}, a.id) }, a.title || a.id),
    el("div.muted.small", {}, [a.published, a.outlet, `${a.events} events`, `${a.claims} claims`].filter(Boolean).join(" · "))));
  const side = el("aside.articlelist", {}, search,
    items.length ? el("ul", {}, items) : empty("No articles."), pager(list, params.q ? { q: params.q } : {}, "articles"));
  const main = el("div.articlemain");
  root.appendChild(el("div.split", {}, side, main));
  if (!chosen) {
    main.appendChild(empty("The store has no articles yet: run `newsgraph ingest` first."));
    return;
  }
  const record = await api(`articles/${encodeURIComponent(chosen)}`);
  renderRecord(main, record);
}

/** [start, end, kind, label] for every highlighted span of the record. */
function spansOf(record) {
  const spans = [];
  const actorName = new Map(record.actors.map((a) => [a.id, a.name]));
  for (const a of record.actors) {
    for (const [s, e] of a.mentions || []) spans.push([s, e, "actor", `actor: ${a.name}${a.code ? " (" + a.code + ")" : ""}`]);
  }
  for (const ev of record.events) {
    if (ev.trigger) {
      const who = [actorName.get(ev.actor), actorName.get(ev.recipient)].map((x) => x || "?").join(" → ");
      spans.push([ev.trigger[0], ev.trigger[1], "event", `event ${ev.id}: ${ev.type} (${ev.factuality}) ${who}`]);
    }
  }
  for (const c of record.claims) {
    const who = actorName.get(c.speaker) || "unresolved source";
    if (c.cue) spans.push([c.cue[0], c.cue[1], "cue", `claim ${c.id} cue (${c.stance})`]);
    if (c.content) spans.push([c.content[0], c.content[1], "claim", `claim ${c.id}: ${who}${c.anonymous ? " (anonymous)" : ""}`]);
  }
  for (const t of record.timexes || []) spans.push([t.span[0], t.span[1], "time", `time: ${t.text} = ${t.value || "?"}`]);
  for (const p of record.places || []) spans.push([p.span[0], p.span[1], "place", `place: ${p.name}${p.country ? " (" + p.country + ")" : ""}`]);
  const n = record.article.text.length;
  return spans.filter(([s, e]) => Number.isInteger(s) && Number.isInteger(e) && s >= 0 && e <= n && s < e);
}

/** The text cut at every span boundary; each piece carries the kinds and labels covering it. */
export function highlightedText(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const [s, e] of spans) { cuts.add(s); cuts.add(e); }
  const points = [...cuts].sort((a, b) => a - b);
  const body = el("div.text");
  for (let i = 0; i + 1 < points.length; i++) {
    const [s, e] = [points[i], points[i + 1]];
    const piece = text.slice(s, e);
    const covering = spans.filter(([a, b]) => a <= s && b >= e);
    if (!covering.length) {
      body.appendChild(document.createTextNode(piece));
      continue;
    }
    const kinds = [...new Set(covering.map((c) => c[2]))];
    body.appendChild(el("span", { class: kinds.map((k) => `hl-${k}`).join(" "), title: covering.map((c) => c[3]).join("\n") }, piece));
  }
  return body;
}

function renderRecord(main, record) {
  const art = record.article;
  const text = highlightedText(art.text || "", spansOf(record));
  const toggles = el("div.layers", {}, LAYERS.map(([kind, label]) => {
    const box = el("input", { type: "checkbox", checked: "checked", on: { change: (e) => text.classList.toggle(`hide-${kind}`, !e.target.checked) } });
    return el("label", {}, box, el("span", { class: `hl-${kind}` }, label));
  }));
  const meta = [art.published, art.outlet, art.language].filter(Boolean).join(" · ");
  main.appendChild(panel(art.title || art.id,
    el("div.muted", {}, meta, art.url ? [" · ", el("a", { href: safeUrl(art.url), rel: "noopener noreferrer", target: "_blank" }, art.url)] : null),
    toggles, el("div.articletext", { dataset: { article: art.id } }, text)));
  const actorName = new Map(record.actors.map((a) => [a.id, a]));
  const excerpt = (span) => (span ? (art.text || "").slice(span[0], span[1]) : "");
  main.appendChild(panel(`Events (${record.events.length})`, record.events.length ? el("table.data.compact", {},
    el("thead", {}, el("tr", {}, ["", "event", "actor", "recipient", "factuality", "date", "where", "trigger"].map((h) => el("th", {}, h)))),
    el("tbody", {}, record.events.map((ev) => el("tr", {},
      el("td.muted", {}, ev.id), el("td", {}, typeChip(ev.type, ev.quad_class), " ", quadChip(ev.quad_class)),
      el("td", {}, actorLabel(actorName.get(ev.actor), "events")), el("td", {}, actorLabel(actorName.get(ev.recipient), "events")),
      el("td", {}, badge(ev.factuality, `f-${ev.factuality}`), ev.claims && ev.claims.length ? el("span.muted", {}, ` rests on ${ev.claims.join(", ")}`) : null),
      el("td", {}, ev.date || ""), el("td", {}, ev.location ? ev.location.name || "" : ""), el("td", {}, el("b", {}, excerpt(ev.trigger))))))) : empty("No events found in this article.")));
  main.appendChild(panel(`Claims (${record.claims.length})`, record.claims.length ? el("table.data.compact", {},
    el("thead", {}, el("tr", {}, ["", "source", "cue", "content", "", "via"].map((h) => el("th", {}, h)))),
    el("tbody", {}, record.claims.map((c) => el("tr", {},
      el("td.muted", {}, c.id),
      el("td", {}, actorName.get(c.speaker) ? actorName.get(c.speaker).name : excerpt(c.speaker_span) || "?"),
      el("td", {}, excerpt(c.cue)), el("td", {}, el("q", {}, excerpt(c.content))),
      el("td", {}, c.anonymous ? badge("anonymous", "anon") : null, badge(c.stance, `s-${c.stance}`)),
      el("td.muted", {}, c.via || ""))))) : empty("No attributed claims in this article.")));
  const removed = art.removed || [];
  main.appendChild(panel(`Removed by cleaning (${removed.length})`, removed.length ?
    el("ul.removed", {}, removed.map((r) => el("li", {}, el("span.badge", {}, r.reason || "removed"), " ", el("span.removedtext", {}, r.text)))) :
    empty("Nothing was removed from this article.")));
}

/** Only http(s) links become clickable: a stored javascript: URL stays inert. */
export function safeUrl(url) {
  return /^https?:\/\//i.test(url) ? url : "#";
}
