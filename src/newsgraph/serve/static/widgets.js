// Small pieces the views share: chips, actor labels, pagination, segmented controls.
import { el } from "./dom.js";
import { downloadUrl, filterParams, href, quadColour, route, typeColour } from "./core.js";

export function typeChip(type, quad) {
  return el("span.chip", { style: { "--chip": typeColour(type) }, title: quad ? `quad class ${quad}` : null }, type || "?");
}

export function quadChip(q) {
  return el("span.chip.quad", { style: { "--chip": quadColour(q) } }, q ? `Q${q}` : "Q?");
}

export function badge(text, kind = "") {
  return el(`span.badge${kind ? "." + kind : ""}`, {}, text);
}

/** The actor's page: an actor is its canonical name + country ("-" for none), else a code. */
export function actorHref(actor) {
  return href("actor", {}, actor.name ? `${actor.country || "-"}/${actor.name}` : actor.code);
}

/** "Kim Jong Un PRKGOV": the name opens the actor's page, the code filters the current view by it. */
export function actorLabel(actor, view = null) {
  if (!actor) return el("span.muted", {}, "—");
  const name = actor.name || actor.code || "?";
  const link = el("a.actor", { href: actorHref(actor) }, name);
  const filter = actor.code ? el("a.code", { href: href(view || route().view, { actor: actor.code }), title: `only events of ${actor.code}` }, ` ${actor.code}`) : null;
  return el("span.actorlabel", {}, link, filter);
}

export function articleLink(articleId, title, extra = {}) {
  return el("a.article", { href: href("articles", extra, articleId) }, title || articleId);
}

/** Prev / next links for a paged list: {total, limit, offset} from the API. */
export function pager(page, params, view) {
  const { total, limit, offset } = page;
  const last = Math.min(offset + limit, total);
  const nav = el("div.pager", {},
    el("span", {}, total ? `${offset + 1}–${last} of ${total}` : "nothing matches"));
  if (offset > 0) {
    nav.appendChild(el("a.button", { href: href(view, { ...params, offset: Math.max(0, offset - limit) }) }, "‹ previous"));
  }
  if (last < total) {
    nav.appendChild(el("a.button", { href: href(view, { ...params, offset: offset + limit }) }, "next ›"));
  }
  return nav;
}

/** A row of toggle buttons bound to one URL parameter. */
export function segmented(label, name, options, params, view, fallback) {
  const current = params[name] || fallback;
  return el("div.segmented", {}, el("span.seglabel", {}, label),
    options.map(([value, text]) =>
      el(`a.seg${value === current ? ".on" : ""}`, { href: href(view, { ...params, [name]: value, offset: "" }) }, text)));
}

export function panel(title, ...children) {
  return el("section.panel", {}, el("h2", {}, title), ...children);
}

export function empty(text) {
  return el("p.empty", {}, text);
}

/** Links that download every event the view's filters match (not just the page shown). */
export function downloads(params) {
  const filters = filterParams(params);
  return el("div.downloads", {}, el("span.seglabel", {}, "download every matching event"),
    ["csv", "parquet"].map((format) => el("a.button.download", { href: downloadUrl(format, filters), download: "", dataset: { format } },
      format === "csv" ? "CSV" : "Parquet")));
}
