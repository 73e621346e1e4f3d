"""Loading the spaCy pipeline, once per process.

The model is a setting (``NEWSGRAPH_MODEL`` / ``--model`` / config file) so that users
can switch to an official Explosion package. Nothing here downloads anything: a model
that is not installed is a clear error naming how to install one.
"""
from __future__ import annotations

import logging
from functools import lru_cache

LOGGER = logging.getLogger(__name__)


class ModelNotInstalled(RuntimeError):
    """The configured spaCy pipeline is not installed in this environment."""


@lru_cache(maxsize=4)
def load_nlp(model: str, fast: bool = True):
    """The spaCy ``Language`` for ``model``, loaded once per process and cached.

    ``fast`` (the ``fast_parse`` setting) swaps in the speed-ups of :mod:`newsgraph.annotate.blas`
    and :mod:`newsgraph.annotate.cached_rules`, which change the time, not the parse.
    """
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelNotInstalled(
            f"spaCy pipeline {model!r} is not installed. Install the pinned one with "
            f"`make setup` (or `pip install -r requirements.txt`), or choose an installed "
            f"pipeline with --model / NEWSGRAPH_MODEL."
        ) from exc
    if fast:
        from newsgraph.annotate.blas import use_numpy_blas
        from newsgraph.annotate.cached_rules import use_cached_rules

        use_numpy_blas(nlp)
        use_cached_rules(nlp)
    LOGGER.debug("loaded %s with pipes %s", model, nlp.pipe_names)
    return nlp
