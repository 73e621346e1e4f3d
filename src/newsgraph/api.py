"""The Python API: records from text, and a store read as pandas DataFrames.

    >>> import newsgraph
    >>> r = newsgraph.extract("Russia accused Ukraine of shelling a border village on Monday.",
    ...                       published="2024-05-06")
    >>> [e.type for e in r.events]
    >>> with newsgraph.open_store("newsgraph.db") as store:
    ...     df = store.events_frame(involving="UKR", since="2024-01-01")

Settings (model, time budget, worker processes) are read as the CLI reads them: defaults,
``newsgraph.toml``, ``NEWSGRAPH_*`` variables. spaCy, SQLAlchemy and pandas are imported inside
the functions, so ``import newsgraph`` stays light; the model is loaded once per process.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import Any

from newsgraph.closable import Closable
from newsgraph.config import load_config
from newsgraph.record import Article, Record

LOGGER = logging.getLogger(__name__)

ERRORS = ("raise", "skip")


class ExtractionError(RuntimeError):
    """An article could not be extracted (``source`` names it); the message says why."""

    def __init__(self, source: str, reason: str):
        self.source, self.reason = source, reason
        super().__init__(f"{source}: {reason}")


def as_article(item: Any, source: str) -> Article:
    """``item`` as an Article: an Article, a mapping like a JSONL line (``text``, ``title``,
    ``published``, ``url``, ``outlet``, ``id``; other keys kept as metadata) or a plain string
    (the text). Raises ValueError or TypeError naming ``source``. Non-English text comes back
    with ``skipped`` set, as the readers mark it."""
    from newsgraph.read import ReadOptions, ReadProblem, check_language
    from newsgraph.read.jsonl import article_from_object

    if isinstance(item, str):
        item = {"text": item}
    if isinstance(item, Mapping):
        # Dates as the text a JSONL line would hold, so that metadata stays JSON.
        item = {k: v.isoformat() if isinstance(v, date) else v for k, v in item.items()}
        article = article_from_object(item, source, ReadOptions())
        if isinstance(article, ReadProblem):
            raise ValueError(str(article))
        raw = article.metadata.get("published_raw")
        if raw and article.published is None:
            raise ValueError(f"{source}: published: cannot read {raw!r} as a date (expected e.g. 2024-05-06)")
    elif isinstance(item, Article):
        article = item
    else:
        raise TypeError(f"{source}: expected a dict (like a JSONL line), an Article or a str, "
                        f"got {type(item).__name__}")
    return check_language(article)


def extract(text: str, *, title: str | None = None, published: str | date | None = None, url: str | None = None,
            outlet: str | None = None) -> Record:
    """Extract one article's record: ``.events``, ``.claims``, ``.actors``, ``.timexes``,
    ``.places``, ``.article`` (the cleaned text all offsets point into) and ``.to_dict()``
    (the contract's JSON). ``published`` (a date or YYYY-MM-DD) resolves "on Monday".

    Text that is not English comes back with ``record.article.skipped`` saying so, and no events.
    Raises ValueError for empty text or an unreadable date, :class:`~newsgraph.nlp.ModelNotInstalled`
    when the spaCy model is missing, and ``OverBudget`` past the ``article_seconds`` setting.
    """
    from newsgraph.nlp import load_nlp
    from newsgraph.pipeline import extract_article

    if not isinstance(text, str):
        raise TypeError(f"text: expected a str, got {type(text).__name__}")
    if not text.strip():
        raise ValueError("text is empty: nothing to extract")
    article = as_article({"text": text, "title": title, "published": published, "url": url, "outlet": outlet},
                         "extract()")
    article.source = None  # read from no file
    cfg = load_config()
    return extract_article(article, load_nlp(cfg.model, cfg.fast_parse), seconds=cfg.article_seconds or None)


def extract_many(articles: Iterable[Any], *, processes: int | None = None, errors: str = "raise") -> Iterator[Record]:
    """Records of ``articles``, in their order, parsed in batches (``processes`` worker processes,
    each loading the model once; default the ``processes`` setting).

    Each article is a dict like a JSONL line (``{"text": ..., "title": ..., "published": ...}``),
    an :class:`~newsgraph.record.Article` or a str. An input that is not an article, or one whose
    extraction fails, raises :class:`ExtractionError` naming it (``articles[3]``) after every
    record before it has been yielded; ``errors="skip"`` logs it and goes on instead.
    """
    from newsgraph.pipeline import extract_many as run

    if errors not in ERRORS:
        raise ValueError(f"errors must be one of {', '.join(ERRORS)}, not {errors!r}")
    if processes is not None and processes < 1:
        raise ValueError(f"processes must be 1 or more, not {processes}")
    bad: dict[int, str] = {}  # input position -> why it is not an article

    def inputs() -> Iterator[Article]:
        for i, item in enumerate(articles):
            try:
                yield as_article(item, f"articles[{i}]")
            except (TypeError, ValueError) as exc:
                bad[i] = str(exc).removeprefix(f"articles[{i}]: ")
                # A stand-in keeps the outcomes in step with the inputs; it is never parsed.
                yield Article(id=f"articles[{i}]", text="", source=f"articles[{i}]", skipped="not an article")

    cfg = load_config().with_overrides(processes=processes)
    for i, outcome in enumerate(run(inputs(), cfg)):
        reason = bad.pop(i, None) or outcome.error
        if not reason:
            yield outcome.record
        elif errors == "raise":
            raise ExtractionError(f"articles[{i}]", reason)
        else:
            LOGGER.warning("left out articles[%d]: %s", i, reason)


# -- the store as DataFrames -----------------------------------------------------------------

def missing_store(db: str) -> str | None:
    """Why ``db`` names no existing store (an SQLite file that is not there), or None. A
    PostgreSQL URL or an in-memory store is never missing: the server says what it holds."""
    text = str(db)
    if text in (":memory:", "sqlite://") or ("://" in text and not text.startswith("sqlite:///")):
        return None
    path = Path(text.removeprefix("sqlite:///")).expanduser()
    if path.is_file():
        return None
    return f"no store at {db}: the file does not exist"


def _filter(filters: dict[str, Any]):
    """The EventFilter ``filters`` ask for, checked as the CLI and the API check theirs."""
    from newsgraph.store.query import AMBIGUOUS_COUNTRY, BadFilter, EventFilter

    names = [f.name for f in fields(EventFilter)]
    if "country" in filters:
        raise BadFilter("country", AMBIGUOUS_COUNTRY.format(involving="involving", located="location_country"))
    unknown = sorted(set(filters) - set(names))
    if unknown:
        raise TypeError(f"unknown filter {unknown[0]!r}; the filters are: {', '.join(names)}")
    values = {k: v.isoformat() if isinstance(v, date) else v for k, v in filters.items()}
    quad = values.get("quad_class")
    if quad is not None and str(quad) not in ("1", "2", "3", "4"):
        raise BadFilter("quad_class", f"quad_class: expected 1, 2, 3 or 4, got {quad!r}")
    try:
        return EventFilter.checked(**values)
    except BadFilter as exc:  # name the filter, as the CLI names its flag
        raise BadFilter(exc.name, f"{exc.name}: {exc.render(str)}") from None


class FrameStore(Closable):
    """A store opened for reading from Python: ``events_frame`` and ``claims_frame`` give pandas
    DataFrames; ``record(id)`` an article's record; ``store`` the :class:`~newsgraph.store.Store`
    itself (``stats()``, ``records()``, ``add()``...). Close it, or use it in a ``with`` block."""

    def __init__(self, store):
        self.store = store

    def events_frame(self, **filters: Any):
        """One row per stored event matching ``filters``: the fields of the event filter
        (``since``, ``until``, ``type``, ``actor``, ``involving``, ``actor_country``,
        ``recipient_country``, ``location_country``, ``factuality``, ``quad_class``, ``article_id``,
        ``q``), checked with the CLI's and the API's messages (a bad value raises ValueError)."""
        from newsgraph.store.frames import event_frame, pandas

        flt = _filter(filters)
        pandas()  # before the query: a missing pandas is said at once
        with self.store.connect() as conn:
            return event_frame(conn, flt)

    def claims_frame(self, **filters: Any):
        """One row per stored claim matching ``filters`` (those of :meth:`events_frame`): ``actor``
        is the speaker, ``since``/``until`` the article's day, ``article_id`` and ``q`` as for
        events; any other filter keeps the claims that a matching event rests on."""
        from newsgraph.store.frames import claim_frame, pandas

        flt = _filter(filters)
        pandas()
        with self.store.connect() as conn:
            return claim_frame(conn, flt)

    def record(self, article_id: str) -> Record | None:
        """The stored record of one article, or None."""
        return self.store.record(article_id)

    def stats(self) -> dict[str, Any]:
        return self.store.stats()

    def close(self) -> None:
        self.store.close()

    def __repr__(self) -> str:
        return f"FrameStore({self.store!r})"


def open_store(db: str | Path | None = None, *, create: bool = False) -> FrameStore:
    """Open the store at an SQLite path or a ``postgresql://`` URL (default: the ``db`` setting).
    A missing SQLite file raises FileNotFoundError rather than leaving an empty store behind;
    ``create=True`` creates one."""
    from newsgraph.store import open_store as open_backend

    db = load_config().db if db is None else str(db)
    if not create and (why := missing_store(db)):
        raise FileNotFoundError(f"{why} (open_store({db!r}, create=True) creates an empty one)")
    return FrameStore(open_backend(db))
