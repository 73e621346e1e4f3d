"""Throughput benchmark: the full extraction against bare spaCy parsing of the same texts.

Entry point: :func:`run_benchmark`. Both runs use the same model, the same texts, the same
process count and batch size, and the model is loaded before either clock starts (worker
processes are forked from a parent that holds it). The headline figure is
``ratio = extraction articles/s / parsing articles/s``: 1.0 means extraction costs no more
than parsing alone.
"""
from __future__ import annotations

import logging
import os
import platform
import resource
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.config import Config
from newsgraph.record import Article

LOGGER = logging.getLogger(__name__)

REPO_ROOT = Path(__file__).resolve().parents[3]
VOA_RELATIVE = Path("corpus/voa/voa_stories.jsonl")


def default_corpus() -> Path:
    """``$NEWSGRAPH_SHARED/corpus/voa/voa_stories.jsonl``, else ``<repo>/../shared/...``."""
    shared = Path(os.environ.get("NEWSGRAPH_SHARED") or REPO_ROOT.parent / "shared")
    return shared / VOA_RELATIVE


@dataclass
class Throughput:
    seconds: float
    articles: int
    words: int
    failed: int = 0
    cpu_seconds: float = 0.0  # user + system, this process and its reaped workers

    def to_dict(self) -> dict[str, Any]:
        s = self.seconds or 1e-9
        return {"seconds": round(self.seconds, 3), "articles_per_s": round(self.articles / s, 2),
                "words_per_s": round(self.words / s, 1), "failed": self.failed,
                "cpu_seconds": round(self.cpu_seconds, 3)}


def _cpu() -> float:
    """CPU seconds used so far by this process and its finished children: on a busy machine,
    articles per CPU second is steadier than articles per wall second."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def read_corpus(path: str | Path, limit: int | None = None) -> list[Article]:
    """Articles from a corpus file (any input ``newsgraph extract`` reads), at most ``limit``."""
    from newsgraph.read import ReadOptions, read_inputs

    articles = [a for a in read_inputs([str(path)], ReadOptions()) if isinstance(a, Article)]
    return articles[:limit] if limit else articles


def _words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def time_parse(texts: list[str], nlp, processes: int, batch_size: int) -> Throughput:
    """Bare ``nlp.pipe`` over ``texts`` with ``processes`` processes (one BLAS thread each
    when there are several, as the extraction's workers have)."""
    from threadpoolctl import threadpool_limits

    start, cpu = time.perf_counter(), _cpu()
    n = 0
    with threadpool_limits(limits=1 if processes > 1 else None, user_api="blas"):
        for _doc in nlp.pipe(texts, batch_size=batch_size, n_process=processes):
            n += 1
    return Throughput(time.perf_counter() - start, n, _words(texts), cpu_seconds=_cpu() - cpu)


def time_extract(articles: list[Article], config: Config) -> Throughput:
    """The whole pipeline (``pipeline.extract_many``) over ``articles``."""
    from newsgraph.pipeline import extract_many

    start, cpu = time.perf_counter(), _cpu()
    failed = n = 0
    for outcome in extract_many(articles, config):
        n += 1
        failed += bool(outcome.error)
    return Throughput(time.perf_counter() - start, n, _words([a.text for a in articles]), failed, _cpu() - cpu)


def _peak_mb() -> dict[str, float]:
    # ru_maxrss is in KiB on Linux, bytes on macOS; children: the largest waited-for child.
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"self": round(own / scale, 1), "children": round(kids / scale, 1)}


def machine() -> dict[str, Any]:
    import spacy

    return {"cpus": os.cpu_count(), "platform": platform.platform(), "processor": platform.processor() or platform.machine(),
            "python": platform.python_version(), "spacy": spacy.__version__}


def run_benchmark(corpus: str | Path, config: Config, limit: int | None = None) -> dict[str, Any]:
    """Time extraction and bare parsing over ``corpus``; raise FileNotFoundError when it is absent."""
    from newsgraph.nlp import load_nlp

    path = Path(corpus)
    if not path.is_file():
        raise FileNotFoundError(f"corpus not found: {path}")
    articles = read_corpus(path, limit)
    if not articles:
        raise ValueError(f"no articles read from {path}")
    from newsgraph.pipeline import warm_up, worker_batch_size

    # Start-up (model, gazetteer, lexicons) is timed apart, before both clocks; forked
    # workers inherit what it loaded.
    start = time.perf_counter()
    nlp = load_nlp(config.model, config.fast_parse)
    warm_up(nlp)
    startup = time.perf_counter() - start
    processes, batch_size = max(1, config.processes), max(1, config.batch_size)
    extract = time_extract(articles, config)
    parse_batch = worker_batch_size(config) if processes > 1 else batch_size
    parse = time_parse([a.text for a in articles], nlp, processes, parse_batch)
    ex, pa = extract.to_dict(), parse.to_dict()
    return {
        "corpus": str(path),
        "model": config.model,
        "pipes": list(nlp.pipe_names),
        "processes": processes,
        "batch_size": batch_size,
        "fast_parse": config.fast_parse,
        "startup_seconds": round(startup, 2),
        "articles": len(articles),
        "words": _words([a.text for a in articles]),
        "extract": ex,
        "parse": pa,
        "ratio": round(ex["articles_per_s"] / pa["articles_per_s"], 3) if pa["articles_per_s"] else None,
        "cpu_ratio": round(parse.cpu_seconds / extract.cpu_seconds, 3) if extract.cpu_seconds else None,
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "peak_rss_mb": _peak_mb(),
        "machine": machine(),
    }
