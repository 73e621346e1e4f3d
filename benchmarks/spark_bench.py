"""Spark scaling: the same extraction job on local[1] and local[2].

    .venv/bin/python benchmarks/spark_bench.py [--corpus PATH] [--repeat 2] [--masters local[1] local[2]]

Times ``newsgraph.spark.run_job`` over the VOA corpus (repeated ``--repeat`` times under new
ids, so the run is long enough to amortise Spark's start-up) for each master, each in a
fresh Spark session, and prints wall seconds, articles/s and the speed-up over the first.
Skipped with a message when ../shared/corpus/voa is absent.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

VOA = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "voa" / "voa_stories.jsonl"


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--corpus", default=str(VOA))
    p.add_argument("--repeat", type=int, default=2)
    p.add_argument("--masters", nargs="+", default=["local[1]", "local[2]"])
    a = p.parse_args(argv)
    if not Path(a.corpus).is_file():
        print(f"skipped: {a.corpus} not found (../shared/corpus/voa)")
        return 0
    from newsgraph.spark import run_job

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        lines = [json.loads(ln) for ln in Path(a.corpus).read_text(encoding="utf-8").splitlines() if ln.strip()]
        with corpus.open("w", encoding="utf-8") as fh:
            for r in range(a.repeat):
                for obj in lines:
                    fh.write(json.dumps({**obj, "id": f"{obj['id']}-{r}", "url": f"{obj.get('url')}#{r}"}) + "\n")
        n = len(lines) * a.repeat
        results = []
        for master in a.masters:
            cores = int(master[6:-1]) if master.startswith("local[") and master[6:-1].isdigit() else None
            started = time.perf_counter()
            report = run_job([str(corpus)], str(Path(tmp) / f"out-{len(results)}"), master=master, partitions=cores)
            secs = time.perf_counter() - started
            results.append({"master": master, "seconds": round(secs, 1), "articles": n,
                            "articles_per_s": round(n / secs, 2), "events": report.events})
    base = results[0]["seconds"]
    for r in results:
        r["speedup"] = round(base / r["seconds"], 2)
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
