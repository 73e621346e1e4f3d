// Actor view (#/actor/<country>/<name>, or #/actor/<name or code> as typed in the actor box): how the articles name the
// actor, its codes per month, its activity over time, its main partners, the claims it made and the
// claims about it. Until actors have an identity across articles, an actor is its name + country.
import { el } from "./dom.js";
import { api, filterParams, href } from "./core.js";
import { timelineChart } from "./events.js";
import { claimCard } from "./claims.js";
import { actorLabel, empty, panel, segmented } from "./widgets.js";

/** The API path and the query naming the actor the route's id asks for. */
function asked(id) {
  const cut = (id || "").indexOf("/");
  if (cut < 0) return { path: "actors/page", query: { name: id } };
  return { path: `actors/page/${encodeURIComponent(id.slice(0, cut))}/${encodeURIComponent(id.slice(cut + 1))}`, query: {} };
}

export async function actorView(root, params, id) {
  const interval = params.interval || "month";
  const { path, query } = asked(id);
  const page = await api(path, { ...query, ...filterParams(params), interval });
  const own = { actor: page.codes.length === 1 && page.codes[0].code !== "-" ? page.codes[0].code : page.name };
  root.appendChild(el("section.panel.actorhead", { dataset: { actor: page.name } },
    el("h2", {}, page.name, page.country ? el("span.muted", {}, ` · ${page.country}`) : null),
    el("p", {}, `${page.events} events`, page.goldstein_mean !== null ? ` · mean Goldstein ${page.goldstein_mean}` : "",
      page.types.length ? ` · ${page.types.join(", ")}` : "", " · ",
      el("a.button.small", { href: href("events", { ...filterParams(params), ...own }) }, "its events")),
    aliases(page.aliases)));
  // the route with its id, so that the interval switch stays on this actor
  const here = id ? `actor/${encodeURIComponent(id)}` : "actor";
  const controls = el("div.controls", {},
    segmented("per", "interval", [["day", "day"], ["week", "week"], ["month", "month"], ["year", "year"]], params, here, "month"));
  root.appendChild(el("div.twocol", {},
    panel("Activity over time", controls, timelineChart(page.activity)),
    panel("Codes over time", codesTable(page.codes_over_time))));
  root.appendChild(panel(`Main partners (${page.partners.length})`, partnersTable(page.partners)));
  root.appendChild(el("div.twocol.even", {},
    claimsPanel(`Claims it made (${page.claims_made.total})`, "made", page.claims_made, "No claims by this actor."),
    claimsPanel(`Claims about it (${page.claims_about.total})`, "about", page.claims_about, "No claims tell of its events.")));
}

function aliases(items) {
  if (!items.length) return null;
  return el("p.aliases", {}, el("span.seglabel", {}, "named as"),
    items.map((a) => el("span.badge", { title: `${a.mentions} mentions` }, a.text)));
}

function codesTable(rows) {
  if (!rows.length) return empty("No codes.");
  return el("table.data.compact.codes", {},
    el("thead", {}, el("tr", {}, el("th", {}, "month"), el("th", {}, "codes (articles)"))),
    el("tbody", {}, rows.map((r) => el("tr", {}, el("td.nowrap", {}, r.period),
      el("td", {}, Object.entries(r.codes).map(([code, n]) => el("span.code", {}, `${code} (${n}) `)))))));
}

function partnersTable(items) {
  if (!items.length) return empty("No partners in these events.");
  return el("div.tablewrap", {}, el("table.data.partners", {},
    el("thead", {}, el("tr", {}, ["partner", "country", "events", "acts on it", "acted on by it", "cooperation", "conflict"].map((h) => el("th", {}, h)))),
    el("tbody", {}, items.map((p) => el("tr", { dataset: { partner: p.name } },
      el("td", {}, actorLabel(p, "events")), el("td", {}, p.country || "—"), el("td.num", {}, String(p.events)),
      el("td.num", {}, String(p.as_actor)), el("td.num", {}, String(p.as_recipient)),
      el("td.num", {}, String(p.cooperation)), el("td.num", {}, String(p.conflict)))))));
}

function claimsPanel(title, kind, claims, none) {
  return el("section.panel", { dataset: { claims: kind } }, el("h2", {}, title),
    claims.items.length ? el("div.ledger", {}, claims.items.map(claimCard)) : empty(none),
    claims.total > claims.items.length ? el("p.note", {}, `the ${claims.items.length} latest of ${claims.total}`) : null);
}
