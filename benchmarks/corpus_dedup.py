"""Near copies add no event clusters: ingest the VOA corpus plus synthetic near-copies.

    .venv/bin/python benchmarks/corpus_dedup.py [--copies 50] [--limit N] [--processes 2]

Each copy is a real VOA story re-published by another outlet under another URL: a new
headline, the last sentence dropped, one sentence reworded, and boilerplate appended.
Prints the store's article, near-duplicate, event and cluster counts before and after the
copies; exit status 1 when the copies add an event cluster. A copy edited beyond the
near-duplicate threshold is stored as an article of its own, and its events join the
original's clusters (same type, countries and days), so they still add no cluster.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from newsgraph.config import Config
from newsgraph.pipeline import extract_many
from newsgraph.read import read_inputs
from newsgraph.record import Article
from newsgraph.store import open_store

VOA = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "voa" / "voa_stories.jsonl"


def near_copy(a: Article, n: int) -> Article:
    sentences = a.text.split(". ")
    if len(sentences) > 3:
        sentences = sentences[:-1]  # an edited, shorter version
        sentences[1] = "Officials said " + sentences[1][:1].lower() + sentences[1][1:]
    text = ". ".join(sentences) + "\n\nShare this article. Follow us for more news. Copyright Syndicate Wire."
    return Article(id=f"copy-{n}-{a.id}", text=text, title="UPDATE: " + a.title,
                   url=f"https://syndicate.example/{n}", outlet="Syndicate Wire", published=a.published,
                   source=f"copy of {a.source}")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--corpus", default=str(VOA))
    p.add_argument("--copies", type=int, default=50)
    p.add_argument("--limit", type=int)
    p.add_argument("--processes", type=int, default=2)
    a = p.parse_args(argv)
    if not Path(a.corpus).is_file():
        print(f"skipped: {a.corpus} not found (../shared/corpus/voa)")
        return 0
    articles = [x for x in read_inputs([a.corpus]) if isinstance(x, Article)][: a.limit]
    copies = [near_copy(x, i) for i, x in enumerate(articles[: a.copies])]
    cfg = Config(processes=a.processes)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "dedup.db") as store:
        for o in extract_many(articles, cfg):
            if o.ok:
                store.add(o.record)
        before = store.stats()
        linked = 0
        for o in extract_many(copies, cfg):
            if o.ok:
                store.add(o.record)
                linked += bool((store.record(o.record.article.id).article.metadata or {}).get("duplicate_of"))
        after = store.stats()
    keys = ("articles", "near_duplicates", "events", "event_clusters")
    report = {"before": {k: before[k] for k in keys}, "after": {k: after[k] for k in keys},
              "copies": len(copies), "copies_linked": linked, "seconds": round(time.perf_counter() - started, 1)}
    print(json.dumps(report, indent=2))
    ok = after["event_clusters"] == before["event_clusters"]
    print(f"OK: {linked}/{len(copies)} copies linked as near-duplicates, no extra event clusters" if ok
          else "FAILED: the copies added event clusters (see the counts above)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
