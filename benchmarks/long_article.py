"""Time and peak memory of one long article, at several lengths.

Run explicitly:
    .venv/bin/python benchmarks/long_article.py [--sizes 10000,100000,400000,1000000] [--json]

Each size is one article of distinct text (no repeated paragraph): the Wikinews articles
of ``../shared/corpus/wikinews/`` followed by the VOA stories not reserved for
evaluation, paragraph by paragraph, cut at a paragraph boundary near the size; past the
corpora's 850,000 characters, paragraphs of their sentences in another order. Each size
runs in a fresh process (``newsgraph extract`` on a JSONL file), so the peak resident
memory measured (``ru_maxrss`` of the child) is that article's alone, model included.
The article time budget is lifted (``NEWSGRAPH_ARTICLE_SECONDS=0``) so that every size
runs to the end. Without ../shared it says so and exits 0.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
DEFAULT_SIZES = (10_000, 100_000, 400_000, 1_000_000)


def _paragraphs() -> list[str]:
    """Distinct paragraphs from the development corpora, in file order."""
    reserved_file = SHARED / "voa" / "RESERVED.txt"
    reserved = set()
    if reserved_file.is_file():
        reserved = {line.strip() for line in reserved_file.read_text().splitlines()
                    if line.strip() and not line.startswith("#")}
    seen: set[str] = set()
    out: list[str] = []
    for path in (SHARED / "wikinews" / "wikinews_politics_2004_2009.jsonl", SHARED / "voa" / "voa_stories.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if str(row.get("id", "")).split("-")[-1] in reserved:
                continue
            for para in row.get("text", "").split("\n"):
                para = para.strip()
                if len(para) > 40 and para not in seen:
                    seen.add(para)
                    out.append(para)
    return out


def _mixed(paragraphs: list[str]) -> list[str]:
    """New paragraphs of the corpora's sentences in another order: three sentences a
    paragraph, taken 101 sentences apart, so that no paragraph repeats an original one."""
    sentences = [s for p in paragraphs for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"\u201c])", p) if s]
    n = len(sentences)
    order = [sentences[(k * 101) % n] for k in range(n)] if n % 101 else sentences[::-1]
    return [" ".join(order[k:k + 3]) for k in range(0, n - 2, 3)]


def article_text(paragraphs: list[str], size: int) -> str:
    """The first ``size`` characters' worth of paragraphs (the originals, then mixed ones)."""
    parts, total = [], 0
    for para in paragraphs + _mixed(paragraphs):
        if total >= size:
            break
        parts.append(para)
        total += len(para) + 2
    if total < size:
        raise SystemExit(f"the corpora hold only {total:,} characters of distinct text; asked for {size:,}")
    return "\n\n".join(parts)


def run_one(text: str, extra_env: dict[str, str]) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.jsonl"
        path.write_text(json.dumps({"id": "long", "title": "A long article", "published": "2020-01-01",
                                    "text": text}) + "\n", encoding="utf-8")
        env = {**os.environ, "NEWSGRAPH_ARTICLE_SECONDS": "0", **extra_env}
        cmd = [str(ROOT / ".venv" / "bin" / "newsgraph"), "extract", str(path), "--format", "jsonl"]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
        wall = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"extract failed on {len(text):,} characters:\n{proc.stderr[-2000:]}")
    record = json.loads(proc.stdout.splitlines()[0])
    return {
        "characters": len(text),
        "seconds": round(wall, 2),
        "cpu_seconds": round((after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime), 2),
        # ru_maxrss of children is the largest child so far: each size runs alone, largest last.
        "peak_rss_mb": round(after.ru_maxrss / 1024),
        "events": len(record.get("events", [])),
        "claims": len(record.get("claims", [])),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default=",".join(str(s) for s in DEFAULT_SIZES),
                    help="comma-separated article lengths in characters")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    args = ap.parse_args(argv)
    if not (SHARED / "wikinews").is_dir():
        print("../shared/corpus is absent: nothing to measure")
        return 0
    paragraphs = _paragraphs()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    results = []
    for size in sizes:
        result = run_one(article_text(paragraphs, size), {})
        results.append(result)
        if not args.json:
            print(f"{result['characters']:>10,} chars  {result['seconds']:>7.2f} s  "
                  f"{result['peak_rss_mb']:>6,} MB peak  {result['events']:>5} events  {result['claims']:>5} claims",
                  flush=True)
    if args.json:
        print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
