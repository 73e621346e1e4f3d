"""newsgraph: political event data from news, with sources and factuality.

The Python API (:mod:`newsgraph.api`): ``newsgraph.extract(text, published=...)`` gives an
article's record, ``newsgraph.extract_many(articles)`` records of many, and
``newsgraph.open_store(db)`` a store whose ``events_frame()`` and ``claims_frame()`` are pandas
DataFrames. They are loaded on first use, so ``import newsgraph`` loads neither spaCy nor pandas.
"""

__version__ = "0.1.0"

_API = ("extract", "extract_many", "open_store", "ExtractionError", "FrameStore")
__all__ = ["__version__", *_API]


def __getattr__(name: str):
    # PEP 562: the API module (and what it imports) on first use of one of its names.
    if name in _API:
        from newsgraph import api

        return getattr(api, name)
    raise AttributeError(f"module 'newsgraph' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_API])
