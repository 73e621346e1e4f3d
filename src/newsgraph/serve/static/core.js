// Shared by the shell and the views: the API client, routes, colours, the metadata from /api/meta.
// The API's event filter parameters, one form box each ("involving" a country: as actor, recipient or
// location; "location_country": where it happened).
const FILTER_KEYS = ["actor", "involving", "actor_country", "recipient_country", "location_country", "type", "quad_class", "factuality", "date_from", "date_to", "q"];
// Refused by the API with a message naming the new names: passed on from an old link so that the user
// reads why, never silently dropped or reinterpreted; dropped when the form is applied.
const REFUSED_KEYS = ["country"];
let meta = null;

export { FILTER_KEYS, REFUSED_KEYS };

export function setMeta(value) {
  meta = value;
}

/** GET /api/<path> with query parameters; throws an Error carrying the server's message. */
export async function api(path, params = {}) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== "") query.set(k, v);
  }
  const qs = query.toString();
  const response = await fetch(`/api/${path}${qs ? "?" + qs : ""}`, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail || body);
    const err = new Error(`${response.status}: ${detail}`);
    // "date_from: ..." names the parameter, so the message can be shown next to its box
    const named = /^(\w+): /.exec(detail);
    err.param = response.status === 400 && named ? named[1] : null;
    err.detail = named ? detail.slice(named[0].length) : detail;
    throw err;
  }
  return body;
}

export function showError(err) {
  const box = document.getElementById("error");
  box.hidden = false;
  box.textContent = String(err && err.message ? err.message : err);
}

/** Current route: {view, params, id}. "#/articles/<id>" opens one article. */
export function route() {
  const VIEWS = ["events", "network", "dyads", "map", "claims", "report", "articles", "actor", "cluster"];
  const hash = location.hash.replace(/^#\/?/, "");
  const [path, query] = hash.split("?");
  const [view, ...rest] = path.split("/");
  return {
    view: VIEWS.includes(view) ? view : "events",
    id: rest.length ? decodeURIComponent(rest.join("/")) : null,
    params: Object.fromEntries(new URLSearchParams(query || "")),
  };
}

/** A link to a view with parameters, e.g. href("articles", {}, id). */
export function href(view, params = {}, id = null) {
  const qs = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "" && v != null)).toString();
  return `#/${view}${id ? "/" + encodeURIComponent(id) : ""}${qs ? "?" + qs : ""}`;
}

export function filterParams(params) {
  const out = {};
  for (const k of [...FILTER_KEYS, ...REFUSED_KEYS]) if (params[k]) out[k] = params[k];
  return out;
}

export function getMeta() {
  return meta;
}

export function quadColour(q) {
  const info = meta && meta.quad_classes[String(q)];
  return info ? info.colour : "#8a94a6";
}

/** A fixed colour per PLOVER type, from green (cooperation) to red (conflict) in PLOVER's order. */
export function typeColour(type) {
  const types = (meta && meta.event_types) || [];
  const i = types.indexOf(type);
  if (i < 0) return "#8a94a6";
  const palette = ["#1b9e77", "#2ca25f", "#66c2a4", "#41b6c4", "#1d91c0", "#225ea8", "#807dba", "#6a51a3",
    "#fdae61", "#f89540", "#e76f51", "#d95f02", "#c51b7d", "#b2182b", "#8c2d04", "#67000d"];
  return palette[i % palette.length];
}


/** The API URL of a download of the events matching ``filters`` ("csv" or "parquet"). */
export function downloadUrl(format, filters) {
  const qs = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== "" && v != null)).toString();
  return `/api/events.${format}${qs ? "?" + qs : ""}`;
}
