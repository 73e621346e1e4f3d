// The API reference, drawn offline from /openapi.json (no CDN-hosted Swagger UI).
import { el } from "./dom.js";

const root = document.getElementById("docs");

function schemaType(s) {
  if (!s) return "";
  if (s.anyOf) return s.anyOf.map(schemaType).filter((t) => t !== "null").join(" | ");
  return s.type || "";
}

async function main() {
  const spec = await (await fetch("/openapi.json")).json();
  root.appendChild(el("section.panel", {}, el("h2", {}, `${spec.info.title} ${spec.info.version}`), el("p", {}, spec.info.description || "")));
  for (const [path, ops] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const params = (op.parameters || []).map((p) => el("tr", {},
        el("td", {}, el("code", {}, p.name)), el("td.muted", {}, p.in), el("td.muted", {}, schemaType(p.schema)),
        el("td", {}, p.description || (p.schema && p.schema.description) || "")));
      const body = op.requestBody ? el("p.small", {}, "Body: ", Object.keys(op.requestBody.content || {}).join(" or ")) : null;
      root.appendChild(el("section.panel.endpoint", {},
        el("h2", {}, el("span.badge", {}, method.toUpperCase()), " ", el("code", {}, path)),
        el("p", {}, op.summary || ""), body,
        params.length ? el("table.data.compact", {}, el("tbody", {}, params)) : null,
        method === "get" && !path.includes("{") ? el("a", { href: path }, "try it") : null));
    }
  }
}

main().catch((err) => root.appendChild(el("p.error", {}, String(err))));
