// Cluster view (#/cluster/<id>): one real-world event as every article told it (outlet, date,
// headline, factuality as each told it), and a warning where one telling says it happened and
// another denies or negates it.
import { el } from "./dom.js";
import { api } from "./core.js";
import { safeUrl } from "./articles.js";
import { actorLabel, articleLink, badge, panel, typeChip } from "./widgets.js";

export async function clusterView(root, _params, id) {
  const c = await api(`clusters/${encodeURIComponent(id || "")}`);
  const who = [c.actor_country || "?", c.recipient_country || "?"].join(" → ");
  root.appendChild(el("section.panel.clusterhead", { dataset: { cluster: String(c.id) } },
    el("h2", {}, typeChip(c.type, c.reports.length ? c.reports[0].quad_class : null), ` ${who}`,
      c.day ? el("span.muted", {}, ` · ${c.day}`) : null),
    el("p", {}, `${c.num_articles} articles · ${c.num_sources} outlets · ${c.num_mentions} mentions`,
      c.first_reported ? ` · first reported ${c.first_reported}` : "", " · told as ",
      Object.entries(c.factualities).map(([f, n]) => badge(`${f} ${n}`, `f-${f}`))),
    c.disagreement ? el("p.disagreement", { role: "note" }, c.disagreement.note) : null));
  const denied = new Set(c.disagreement ? c.disagreement.denied : []);
  root.appendChild(panel(`Reports (${c.reports.length})`, el("div.tablewrap", {}, el("table.data.reports", {},
    el("thead", {}, el("tr", {}, ["outlet", "published", "headline", "factuality", "actor", "recipient", "evidence"].map((h) => el("th", {}, h)))),
    el("tbody", {}, c.reports.map((r) => el(`tr${denied.has(r.id) ? ".denied" : ""}`, { dataset: { event: r.id } },
      el("td", {}, r.article_outlet || el("span.muted", {}, "—")),
      el("td.nowrap", {}, r.article_published || ""),
      el("td", {}, articleLink(r.article_id, r.article_title),
        r.article_url ? el("div.small", {}, el("a", { href: safeUrl(r.article_url), rel: "noopener noreferrer", target: "_blank" }, "original ↗")) : null),
      el("td", {}, badge(r.factuality, `f-${r.factuality}`)),
      el("td", {}, actorLabel(r.actor, "events")), el("td", {}, actorLabel(r.recipient, "events")),
      el("td.evidence", {}, r.evidence_text ? el("div.quote", {}, r.evidence_text) : null))))))));
}
