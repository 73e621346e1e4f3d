// The dashboard shell: a hash router (#/view?filters), the shared filter form, the API client.
import { el, clear } from "./dom.js";
import { FILTER_KEYS, REFUSED_KEYS, api, filterParams, href, route, setMeta, showError } from "./core.js";
import { attachSuggestions } from "./suggest.js";
import { eventsView } from "./events.js";
import { networkView } from "./network.js";
import { dyadsView } from "./dyads.js";
import { mapView } from "./map.js";
import { claimsView } from "./claims.js";
import { articlesView } from "./articles.js";
import { reportView } from "./report.js";
import { actorView } from "./actor.js";
import { clusterView } from "./cluster.js";

const VIEWS = {
  events: { render: eventsView, filters: true },
  network: { render: networkView, filters: true },
  dyads: { render: dyadsView, filters: true },
  map: { render: mapView, filters: true },
  claims: { render: claimsView, filters: true },
  report: { render: reportView, filters: true },
  articles: { render: articlesView, filters: false },
  actor: { render: actorView, filters: true },
  cluster: { render: clusterView, filters: false },
};

const viewRoot = document.getElementById("view");
const form = document.getElementById("filters");
const errorBox = document.getElementById("error");
let renderToken = 0;

function fillSelect(name, options) {
  const select = form.elements[name];
  for (const [value, label] of options) select.appendChild(el("option", { value }, label));
}

function syncForm(params) {
  for (const k of FILTER_KEYS) form.elements[k].value = params[k] || "";
  syncActorPage();
}

/** The link beside the actor box to the page of the actor typed there. */
function syncActorPage() {
  const link = document.getElementById("actorpage"), value = form.elements.actor.value.trim();
  link.hidden = !value;
  link.setAttribute("href", href("actor", {}, value));
}

/** The server's message for a bad filter, next to its box (null: the error names no box). */
function showFieldError(err) {
  const input = err && err.param ? form.elements[err.param] : null;
  if (!input || !input.closest) return false;
  input.setAttribute("aria-invalid", "true");
  input.closest("label").appendChild(el("span.fielderror", { role: "alert" }, err.detail));
  return true;
}

function clearFieldErrors() {
  for (const node of form.querySelectorAll(".fielderror")) node.remove();
  for (const node of form.querySelectorAll("[aria-invalid]")) node.removeAttribute("aria-invalid");
}

form.addEventListener("submit", async (e) => {
  e.preventDefault();
  const { view, params, id } = route();
  const next = {};
  for (const k of FILTER_KEYS) if (form.elements[k].value) next[k] = form.elements[k].value;
  const replaced = [...FILTER_KEYS, ...REFUSED_KEYS, "offset"];
  for (const [k, v] of Object.entries(params)) if (!replaced.includes(k)) next[k] = v;
  clearFieldErrors();
  try {
    // Asked first so that a bad value is explained next to its box while the current view stays.
    await api("events", { ...filterParams(next), limit: 1 });
  } catch (err) {
    if (showFieldError(err)) return;
  }
  location.hash = href(view, next, id); // (id: the actor a page shows stays)
});
form.addEventListener("reset", (e) => {
  e.preventDefault();
  location.hash = href(route().view, {}, route().id);
});

async function render() {
  const token = ++renderToken;
  const { view, params, id } = route();
  errorBox.hidden = true;
  clearFieldErrors();
  for (const a of document.querySelectorAll("#tabs a")) a.classList.toggle("active", a.dataset.view === view);
  form.hidden = !VIEWS[view].filters;
  syncForm(params);
  clear(viewRoot);
  viewRoot.dataset.view = view;
  viewRoot.dataset.state = "loading";
  viewRoot.appendChild(el("p.loading", {}, "Loading…"));
  const target = el("div.viewbody");
  try {
    await VIEWS[view].render(target, params, id);
    if (token !== renderToken) return; // a newer navigation took over
    clear(viewRoot).appendChild(target);
    viewRoot.dataset.state = "ready";
  } catch (err) {
    if (token !== renderToken) return;
    clear(viewRoot);
    viewRoot.dataset.state = "error";
    if (showFieldError(err)) {
      viewRoot.appendChild(el("p.empty", {}, "Nothing is shown until the filter marked above is corrected."));
    } else {
      showError(err);
    }
  }
}

async function start() {
  let meta;
  try {
    meta = await api("meta");
    setMeta(meta);
  } catch (err) {
    showError(err);
    return;
  }
  fillSelect("type", meta.event_types.map((t) => [t, t]));
  fillSelect("quad_class", Object.entries(meta.quad_classes).map(([q, info]) => [q, `${q} · ${info.label}`]));
  // what is told as having happened, leaving out planned, hypothetical, negated and denied events
  fillSelect("factuality", [["asserted,reported", "happened (asserted, reported)"], ...meta.factuality.map((f) => [f, f])]);
  attachSuggestions(form.elements.actor, () => form.requestSubmit());
  form.elements.actor.addEventListener("input", syncActorPage);
  const s = meta.stats;
  document.getElementById("stats").textContent =
    `${s.articles} articles · ${s.events} events · ${s.actors} actors · ${s.claims} claims`;
  window.addEventListener("hashchange", render);
  render();
}

start();
