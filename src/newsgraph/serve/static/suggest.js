// Autocomplete for the actor box: /api/actors/suggest as the user types (names in any case, without
// accents, prefixes, near spellings, codes and countries); choosing one applies the filters.
import { el, clear } from "./dom.js";
import { api } from "./core.js";

export function attachSuggestions(input, onChoose) {
  const list = el("ul.suggestions", { role: "listbox", id: `${input.name}-suggestions` });
  list.hidden = true;
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.parentNode.appendChild(list);
  let timer = null, asked = 0, active = -1;

  const close = () => { list.hidden = true; active = -1; };
  const items = () => [...list.querySelectorAll("li")];
  const choose = (value) => { input.value = value; close(); onChoose(); };
  const mark = (i) => {
    active = i;
    items().forEach((li, j) => li.classList.toggle("active", j === i));
  };

  async function ask() {
    const q = input.value.trim();
    const token = ++asked;
    if (!q) return close();
    let answer;
    try {
      answer = await api("actors/suggest", { q, limit: 8 });
    } catch (err) {
      return close(); // suggestions are a help, never an error of their own
    }
    if (token !== asked) return; // a later keystroke asked again
    clear(list);
    for (const s of answer.items) {
      list.appendChild(el("li", {
        role: "option", dataset: { value: s.value, match: s.match },
        on: { mousedown: (e) => { e.preventDefault(); choose(s.value); } },
      }, el("span.name", {}, s.name), s.code ? el("span.code", {}, ` ${s.code}`) : null,
      el("span.muted.small", {}, ` ${s.match === "fuzzy" ? "similar" : s.match} · ${s.articles} articles`)));
    }
    list.hidden = !answer.items.length;
    active = -1;
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(ask, 150);
  });
  input.addEventListener("keydown", (e) => {
    if (list.hidden) return;
    const n = items().length;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      mark((active + (e.key === "ArrowDown" ? 1 : n - 1)) % n);
    } else if (e.key === "Enter" && active >= 0) {
      e.preventDefault();
      choose(items()[active].dataset.value);
    } else if (e.key === "Escape") {
      close();
    }
  });
  input.addEventListener("blur", close);
}
