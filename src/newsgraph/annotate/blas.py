"""Matrix products through numpy's BLAS instead of the ``blis`` wheel.

spaCy's CPU models spend most of their time in matrix products, which thinc sends to
``blis``. The blis wheels on PyPI fall back to a generic kernel on processors they do not
recognise (AMD EPYC under a hypervisor, here: about 15 GFLOP/s against numpy's OpenBLAS at
about 55 on one thread), which halves spaCy's speed. thinc can send the products to numpy
instead (``NumpyOps(use_blis=False)``); the parses are the same (checked on the VOA corpus:
every tag, head, dependency and entity identical), only faster where blis is slow.

Entry points: :func:`use_numpy_blas` (applied by :func:`newsgraph.nlp.load_nlp`) and
:func:`limit_blas_threads` (one BLAS thread per worker process, so that workers do not
fight over cores).
"""
from __future__ import annotations

def use_numpy_blas(nlp) -> int:
    """Give every layer of every trainable pipe numpy-backed ops; returns the layers changed."""
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    changed = 0
    for _name, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if isinstance(node.ops, NumpyOps):  # never move a GPU model back to the CPU
                node.ops = ops
                changed += 1
    return changed


def limit_blas_threads(threads: int) -> None:
    """Cap numpy's BLAS thread pool in this process (worker processes use 1)."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=threads, user_api="blas")
