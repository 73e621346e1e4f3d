// DOM helpers. Article text and every value from the API is untrusted: nodes are built with
// createElement / textContent / setAttribute only; nothing here ever assigns innerHTML.

const SVG_NS = "http://www.w3.org/2000/svg";

/** el("div.card", {title: "x"}, child, "text", ...) -> HTMLElement. */
export function el(spec, attrs, ...children) {
  return build(document.createElement(tagOf(spec)), spec, attrs, children);
}

/** The same for SVG elements: svg("circle", {cx: 1, cy: 2, r: 3}). */
export function svg(spec, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tagOf(spec)), spec, attrs, children);
}

function tagOf(spec) {
  return spec.split(".")[0] || "div";
}

function build(node, spec, attrs, children) {
  const classes = spec.split(".").slice(1);
  if (classes.length) node.setAttribute("class", classes.join(" "));
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "on") {
      for (const [type, handler] of Object.entries(value)) node.addEventListener(type, handler);
    } else if (key === "class") {
      node.setAttribute("class", [node.getAttribute("class"), value].filter(Boolean).join(" "));
    } else if (key === "dataset") {
      for (const [k, v] of Object.entries(value)) node.dataset[k] = v;
    } else if (key === "style" && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) node.style.setProperty(k, v);
    } else if (key.startsWith("on")) {
      throw new Error("event handlers go in attrs.on, never as attributes");
    } else {
      node.setAttribute(key, String(value));
    }
  }
  append(node, children);
  return node;
}

/** Append children: nodes as they are, anything else as a text node. */
export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

/** A tooltip for an SVG element: a <title> child whose text is set with textContent. */
export function tip(node, text) {
  const t = document.createElementNS(SVG_NS, "title");
  t.textContent = text;
  node.appendChild(t);
  return node;
}
