"""Actor countries against a hand-made list: how many named actors get the right country.

    .venv/bin/python benchmarks/actor_countries.py [--gold benchmarks/data/voa_actor_countries_40_69.jsonl] [--details]

The list names, for VOA stories by line number, every named actor (people, organisations,
countries acting) with the country a careful reader gives it, written from the text and general
knowledge without looking at newsgraph's output. The script extracts the same stories and
matches each listed actor to the extracted actor that names it (full name, another form the
list gives, or a person's surname; failing those, a mention that is the listed name with
modifiers before it or without the phrase that places it, or a group whose name opens with it),
then counts right, wrong and missed. Rows whose country
the list leaves open (null: transnational bodies) are counted apart. Without ../shared it says
so and exits 0.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_GOLD = HERE / "data" / "voa_actor_countries_40_69.jsonl"


def _norm(text: str) -> str:
    text = text.lower().replace("’", "'").strip()
    for article in ("the ", "a ", "an "):
        if text.startswith(article):
            text = text[len(article):]
    return text.removesuffix("'s").strip(" .,")


def _forms(row: dict) -> set[str]:
    forms = {_norm(row["name"]), *(_norm(x) for x in row.get("also") or [])}
    if row.get("kind") == "person" and " " in row["name"]:
        forms.add(_norm(row["name"].split()[-1]))  # the surname news uses after the first mention
    return {f for f in forms if f}


def _extracted_forms(record, actor) -> set[str]:
    text = record.article.text
    return {_norm(actor.name), *(_norm(text[s:e]) for s, e in actor.mentions)}


def match(row: dict, record):
    """The extracted actor the row names, or None: one named exactly so, else one named by another
    form the row gives, else one a mention of which ends with the row's name as whole words ("the
    Chinese coast guard" for "coast guard", "French representatives" for "French")."""
    forms = _forms(row)
    best = tail = None
    for actor in record.actors:
        found = _extracted_forms(record, actor)
        if _norm(row["name"]) in found:
            return actor
        if best is None and forms & found:
            best = actor
        if tail is None and any(_ends_with(f, g) or f.startswith(g + " ") and actor.type == "group"
                                or _cut_before_place(g, f) for f in found for g in forms if g):
            tail = actor
    return best or tail


LINKS = {"of", "at", "for", "with", "from", "in", "to", "and", "by"}


def _cut_before_place(name: str, form: str) -> bool:
    """Whether ``form`` is ``name`` without the phrase that places it ("India's embassy" for
    "India's embassy in Kathmandu", "French forces" for "French forces in the Indian Ocean")."""
    if len(form.split()) < 2 or not name.startswith(form + " "):
        return False
    return name[len(form) + 1 :].split()[0] in ("in", "at", "of", "to", "for")


def _ends_with(form: str, name: str) -> bool:
    """Whether ``form`` is ``name`` with modifiers before it ("the powerful military"), not a longer
    phrase that ends with it ("a director at CNA", "representatives of Dog Meat Free Indonesia")."""
    if not form.endswith(" " + name):
        return False
    before = form[: -len(name) - 1]
    return "," not in before and not LINKS & set(before.split())


def score(gold: list[dict], records: dict[int, object]) -> dict:
    right, wrong, missed, open_rows = [], [], [], []
    for row in gold:
        record = records.get(row["line"])
        actor = match(row, record) if record is not None else None
        entry = {"line": row["line"], "name": row["name"], "gold": row.get("country"),
                 "found": actor.name if actor else None, "country": actor.country if actor else None}
        if row.get("country") is None:
            open_rows.append(entry)
        elif actor is None:
            missed.append(entry)
        elif actor.country == row["country"]:
            right.append(entry)
        else:
            wrong.append(entry)
    judged = len(right) + len(wrong) + len(missed)
    return {"articles": len({r["line"] for r in gold}), "actors": len(gold), "judged": judged,
            "right": len(right), "wrong": len(wrong), "missed": len(missed), "open": len(open_rows),
            "accuracy": round(len(right) / judged, 4) if judged else 0.0,
            "wrong_list": wrong, "missed_list": missed}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default=str(DEFAULT_GOLD), help="the hand-made list (JSON Lines)")
    ap.add_argument("--corpus", help="the VOA stories (default: ../shared/corpus/voa/voa_stories.jsonl)")
    ap.add_argument("--details", action="store_true", help="list the wrong and missed actors")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)

    from newsgraph.config import load_config
    from newsgraph.evaluate.bench import default_corpus, read_corpus
    from newsgraph.pipeline import extract_many

    corpus = Path(args.corpus) if args.corpus else default_corpus()
    if not corpus.is_file():
        print(f"skipped: the VOA corpus is absent ({corpus})")
        return 0
    gold = [json.loads(line) for line in Path(args.gold).read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = read_corpus(corpus)
    lines = sorted({row["line"] for row in gold})
    outcomes = extract_many([articles[i] for i in lines], load_config())
    records = {i: o.record for i, o in zip(lines, outcomes) if o.record is not None}
    result = score(gold, records)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{result['articles']} articles, {result['actors']} listed actors ({result['open']} with no country "
          f"to judge): right {result['right']}, wrong {result['wrong']}, missed {result['missed']} "
          f"-> {result['accuracy']:.1%} of {result['judged']} with the right country")
    if args.details:
        for kind in ("wrong", "missed"):
            for e in result[f"{kind}_list"]:
                print(f"  {kind:6} line {e['line']:3}  {e['name']!r:40} gold {e['gold']}  got {e['found']!r} {e['country']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
