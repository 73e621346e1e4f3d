"""Same output, record by record? Extract the reference corpora, or compare two such runs.

    # write every record of the reference corpora to a JSONL file
    .venv/bin/python benchmarks/compare_runs.py run OUT.jsonl [-j 2]
    # list the records that differ between two runs (exit 1 when any does)
    .venv/bin/python benchmarks/compare_runs.py diff BEFORE.jsonl AFTER.jsonl [--show 5]

The reference corpora are the 89 VOA stories and the 300 Wikinews articles of
``../shared/corpus/``, the bundled samples and the seed article (published 2023-09-12).
To compare two versions of the code, run ``run`` once from each checkout, e.g. for the
committed one: ``git worktree add /tmp/base HEAD`` and
``PYTHONPATH=/tmp/base/src .venv/bin/python /tmp/base/benchmarks/compare_runs.py run base.jsonl``.
Without ../shared only the samples are extracted.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def _inputs() -> list[list[str]]:
    """Each group of inputs with the flags it needs."""
    groups = [[str(ROOT / "src" / "newsgraph" / "data" / "sample" / "sample.jsonl")]]
    corpus = SHARED / "corpus"
    for path in (corpus / "voa" / "voa_stories.jsonl", corpus / "wikinews" / "wikinews_politics_2004_2009.jsonl"):
        if path.is_file():
            groups.append([str(path)])
    seed = corpus / "seed" / "kim-jong-un-russia.txt"
    if seed.is_file():
        groups.append([str(seed), "--published", "2023-09-12"])
    return groups


def run(out: Path, processes: int) -> int:
    newsgraph = [sys.executable, "-m", "newsgraph"]
    with out.open("w", encoding="utf-8") as fh:
        for group in _inputs():
            cmd = newsgraph + ["extract", *group, "--format", "jsonl", "-j", str(processes)]
            proc = subprocess.run(cmd, stdout=subprocess.PIPE, env={**os.environ, "NEWSGRAPH_ARTICLE_SECONDS": "0"})
            if proc.returncode != 0:
                print(f"extract failed on {group[0]}", file=sys.stderr)
                return proc.returncode
            fh.write(proc.stdout.decode("utf-8"))
    print(f"{sum(1 for _ in out.open(encoding='utf-8'))} records written to {out}")
    return 0


def _records(path: Path) -> dict[str, dict]:
    out = {}
    for line in path.open(encoding="utf-8"):
        if line.strip():
            rec = json.loads(line)
            art = rec["article"]
            # the file's name and line, not its folder: two checkouts read the samples from two places
            art["source"] = os.path.basename(art.get("source") or art["id"])
            out[art["source"]] = rec
    return out


def diff(before: Path, after: Path, show: int) -> int:
    a, b = _records(before), _records(after)
    changed = [k for k in a if k in b and a[k] != b[k]]
    only_a, only_b = sorted(a.keys() - b.keys()), sorted(b.keys() - a.keys())
    print(f"{len(a)} records before, {len(b)} after: {len(changed)} differ, "
          f"{len(only_a)} only before, {len(only_b)} only after")
    for key in changed[:show]:
        parts = [p for p in ("actors", "events", "claims", "timexes", "places", "article") if a[key].get(p) != b[key].get(p)]
        print(f"  {key}: {', '.join(parts)} differ")
    for key in (only_a + only_b)[:show]:
        print(f"  {key}: in one run only")
    return 1 if changed or only_a or only_b else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run", help="extract the reference corpora to a JSONL file")
    r.add_argument("out", type=Path)
    r.add_argument("-j", "--processes", type=int, default=2)
    d = sub.add_parser("diff", help="list the records that differ between two runs")
    d.add_argument("before", type=Path)
    d.add_argument("after", type=Path)
    d.add_argument("--show", type=int, default=10, help="differing records to name")
    args = ap.parse_args(argv)
    if args.command == "run":
        return run(args.out, args.processes)
    return diff(args.before, args.after, args.show)


if __name__ == "__main__":
    sys.exit(main())
