// Claims ledger: who says so. Each claim with its source as written, the cue, what is attributed,
// the chain it is relayed through, the events that rest on it, and the denials that answer it.
import { el } from "./dom.js";
import { api, filterParams } from "./core.js";
import { actorLabel, articleLink, badge, empty, pager, panel, segmented, typeChip } from "./widgets.js";

const PAGE = 30;

export async function claimsView(root, params) {
  const offset = Number(params.offset || 0);
  const only = params.only || "all";
  const extra = only === "anonymous" ? { anonymous: "true" } : only === "denials" ? { stance: "deny" } : only === "direct" ? { direct: "true" } : {};
  const page = await api("claims", { ...filterParams(params), ...extra, limit: PAGE, offset });
  const controls = el("div.controls", {},
    segmented("show", "only", [["all", "all claims"], ["anonymous", "anonymous sources"], ["direct", "direct quotes"], ["denials", "denials"]], params, "claims", "all"));
  const list = page.items.length ? el("div.ledger", {}, page.items.map(claimCard)) : empty("No claims match these filters.");
  root.appendChild(panel(`Claims ledger (${page.total})`, controls, list, pager(page, params, "claims")));
}

function source(c) {
  const who = c.speaker ? actorLabel(c.speaker, "claims") : el("span.unresolved", {}, "unresolved source");
  return el("div.source", {},
    el("div.who", {}, who),
    c.speaker_text ? el("div.aswritten", { title: "the source as written" }, `“${c.speaker_text}”`) : null,
    el("div.badges", {},
      c.anonymous ? badge("anonymous", "anon") : null,
      c.direct ? badge("direct quote", "direct") : badge("indirect", "indirect"),
      badge(c.stance || "assert", `s-${c.stance || "assert"}`)));
}

function chain(c) {
  if (!c.chain || !c.chain.length) return null;
  return el("div.chain", {}, el("span.muted", {}, "relayed via "),
    c.chain.map((link, i) => [i ? el("span.arrow", {}, " ← ") : null,
      el("span.link", {}, link.speaker_name || link.speaker_text || link.claim_id)]));
}

function rests(c) {
  if (!c.events || !c.events.length) return null;
  return el("div.rests", {}, el("span.muted", {}, "events resting on this claim: "),
    c.events.map((e) => el("span.restevent", {}, typeChip(e.type, e.quad_class), " ",
      e.trigger_text ? `“${e.trigger_text}” ` : "", badge(e.factuality || "asserted", `f-${e.factuality || "asserted"}`))));
}

function denial(d) {
  return el("div.denial", {},
    el("span.denylabel", {}, "denied by "),
    el("b", {}, d.speaker_name || d.speaker_text || "an unresolved source"),
    d.cue_text ? el("span.cue", {}, ` ${d.cue_text} `) : " ",
    el("q", {}, d.content_text || ""));
}

export function claimCard(c) {
  return el(`article.claim${c.stance === "deny" ? ".deny" : ""}`, { dataset: { claim: c.id } },
    source(c),
    el("div.body", {},
      el("div.statement", {}, c.cue_text ? el("span.cue", {}, c.cue_text) : null, " ", el("q.content", {}, c.content_text || "")),
      chain(c),
      rests(c),
      c.denies && c.denies.length ? el("div.denies", {}, el("span.muted", {}, "denies: "),
        c.denies.map((d) => el("q", {}, d.content_text || d.claim_id))) : null,
      (c.denied_by || []).map(denial),
      el("div.from", {}, articleLink(c.article_id, c.article_title), c.article_published ? el("span.muted", {}, ` · ${c.article_published}`) : null)));
}
