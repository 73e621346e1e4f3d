"""Where extraction time goes: per-stage wall time over N VOA articles, plus a cProfile top list.

Run explicitly:
    .venv/bin/python benchmarks/profile_stages.py [--articles 20] [--top 25] [--pstats out.pstats]
Parsing is timed with one ``nlp.pipe`` over all texts (as the pipeline does); each later
stage is timed article by article in pipeline order. Times are CPU seconds of this process
(``time.process_time``), so that other work on the machine does not inflate them. Without ../shared it says so and exits 0.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _time_stages(articles, nlp, clean, stages) -> dict[str, float]:
    """CPU seconds per step: clean, parse (one ``nlp.pipe`` over all texts), then each stage."""
    timings: dict[str, float] = defaultdict(float)
    t0 = time.process_time()
    records = [clean(a) for a in articles]
    timings["clean"] = time.process_time() - t0
    t0 = time.process_time()
    docs = list(nlp.pipe([r.article.text for r in records]))
    timings["parse"] = time.process_time() - t0
    for record, doc in zip(records, docs):
        for name, fn in ((st.name, st.run) for st in stages):
            t0 = time.process_time()
            try:
                fn(record, doc)
            except Exception as exc:  # a stage being edited must not stop the profile
                print(f"warning: {name} failed on {record.article.id}: {type(exc).__name__}: {exc}", file=sys.stderr)
                break
            finally:
                timings[name] += time.process_time() - t0
    return timings


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=20)
    ap.add_argument("--top", type=int, default=25, help="functions to list from cProfile (by own time)")
    ap.add_argument("--pstats", help="also write the raw cProfile stats here")
    ap.add_argument("--json", action="store_true", help="print the stage timings as JSON only")
    args = ap.parse_args(argv)

    from newsgraph.annotate import annotate
    from newsgraph.clean import clean
    from newsgraph.config import load_config
    from newsgraph.evaluate.bench import default_corpus, read_corpus
    from newsgraph.nlp import load_nlp
    from newsgraph.pipeline import STAGES

    corpus = default_corpus()
    if not corpus.is_file():
        print(f"skipped: ../shared/corpus/voa not found ({corpus})")
        return 0
    articles = read_corpus(corpus, args.articles)
    nlp = load_nlp(load_config().model)
    list(nlp.pipe(["Warm-up sentence."]))
    # Lexicons load on first use: one warm-up article outside the clock.
    rec = clean(articles[0])
    doc = annotate(rec, nlp)
    for fn in (st.run for st in STAGES):
        fn(rec, doc)

    timings = _time_stages(articles, nlp, clean, STAGES)
    # A second pass under cProfile for the function list (its overhead would distort the timings).
    profiler = cProfile.Profile(time.process_time)
    if not args.json:
        profiler.enable()
        _time_stages(articles, nlp, clean, STAGES)
        profiler.disable()

    total = sum(timings.values())
    words = sum(len(a.text.split()) for a in articles)
    report = {"articles": len(articles), "words": words, "total_s": round(total, 3),
              "articles_per_s_one_process": round(len(articles) / total, 2),
              "stages": {k: {"seconds": round(v, 3), "share": round(v / total, 3)} for k, v in timings.items()}}
    if args.json:
        print(json.dumps(report))
        return 0
    print(f"{len(articles)} articles, {words} words, {total:.2f} s in one process "
          f"({len(articles) / total:.2f} articles/s)")
    for name, v in sorted(timings.items(), key=lambda kv: -kv[1]):
        print(f"  {name:10s} {v:7.3f} s  {100 * v / total:5.1f} %")
    # The parser's own component times (spaCy pipes), for "what could be skipped".
    text = [a.text for a in articles]
    print("spaCy components (one nlp.pipe pass each with only tok2vec and that component):")
    for pipe_name in nlp.pipe_names:
        t0 = time.process_time()
        with nlp.select_pipes(enable=[p for p in nlp.pipe_names if p == pipe_name or p in ("tok2vec",)]):
            list(nlp.pipe(text))
        print(f"  {pipe_name:12s} {time.process_time() - t0:7.3f} s (with tok2vec)")
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).sort_stats("tottime")
    stats.print_stats(args.top)
    print(out.getvalue())
    if args.pstats:
        stats.dump_stats(args.pstats)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    raise SystemExit(main())
