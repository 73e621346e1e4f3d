"""Reading lexicon files, and the one registry of the lexicons the stages use.

Every TSV lexicon follows one convention: ``#`` comment lines say what the file holds, the first
other line names the columns (tab-separated), and each row after it is one entry; a cell that
lists several values (aliases, particles) separates them with :data:`ALIAS_SEP`. A malformed row
raises :class:`LexiconError` naming the file and line.

A stage gets its lexicon from :data:`registry` (each stage's ``load_lexicon`` is registered
there), so a test can hand a stage a small lexicon of its own::

    with registry.use("events", small):
        code_events(record, doc)
"""
from __future__ import annotations

import tomllib
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Callable, Iterator

ALIAS_SEP = "|"


class LexiconError(ValueError):
    """A lexicon file is missing or malformed; the message names the file and line."""


@dataclass(frozen=True)
class Row:
    """One entry of a TSV lexicon: its cells by column name, and where it was read."""

    file: str  # "package/data/file.tsv"
    line: int
    cells: dict[str, str]

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"

    def __getitem__(self, column: str) -> str:
        return self.cells[column]

    def values(self, column: str) -> list[str]:
        """The cell's values, split on :data:`ALIAS_SEP` (empty cell: none)."""
        return [v.strip() for v in self.cells[column].split(ALIAS_SEP) if v.strip()]

    def error(self, message: str) -> LexiconError:
        return LexiconError(f"{self.where}: {message}")


def data_text(package: str, name: str) -> str:
    """The text of ``data/<name>`` in ``package`` (a dotted module name)."""
    try:
        return resources.files(package).joinpath("data", name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise LexiconError(f"{_where(package, name)} is missing") from exc


def _where(package: str, name: str) -> str:
    return f"{package.replace('.', '/')}/data/{name}"


def read_tsv(package: str, name: str, required: int = 1) -> list[Row]:
    """The rows of a TSV lexicon. A row may leave off trailing columns after the first
    ``required`` ones (they read as ""); more columns than the header names is an error."""
    where = _where(package, name)
    header: list[str] | None = None
    rows = []
    for lineno, line in enumerate(data_text(package, name).splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            continue
        if not required <= len(cells) <= len(header):
            raise LexiconError(f"{where}:{lineno}: expected {required} to {len(header)} columns "
                               f"({', '.join(header)}), got {len(cells)}")
        cells += [""] * (len(header) - len(cells))
        rows.append(Row(where, lineno, dict(zip(header, cells))))
    if header is None:
        raise LexiconError(f"{where}: no header row naming the columns")
    return rows


def read_words(package: str, name: str) -> frozenset[str]:
    """The first column of a one-word-a-line lexicon, lower case."""
    return frozenset(next(iter(r.cells.values())).lower() for r in read_tsv(package, name))


def read_toml(package: str, name: str) -> dict[str, Any]:
    try:
        return tomllib.loads(data_text(package, name))
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"{_where(package, name)} is not valid TOML: {exc}") from exc


class Registry:
    """The lexicons by name: each built once per process by its registered loader, unless a
    test has put another in its place with :meth:`use`."""

    def __init__(self) -> None:
        self._loaders: dict[str, Callable[[], Any]] = {}
        self._in_use: dict[str, Any] = {}

    def register(self, name: str) -> Callable[[Callable[[], Any]], Callable[[], Any]]:
        """Decorator: ``loader`` builds lexicon ``name``; the function returned gives the
        lexicon in use (built once)."""
        def wrap(loader: Callable[[], Any]) -> Callable[[], Any]:
            cached = lru_cache(maxsize=1)(loader)
            self._loaders[name] = cached

            def lexicon() -> Any:
                if self._in_use:  # only ever set inside a test's ``use``
                    return self._in_use.get(name) or cached()
                return cached()

            lexicon.__doc__ = loader.__doc__
            lexicon.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
            return lexicon
        return wrap

    def get(self, name: str) -> Any:
        if name in self._in_use:
            return self._in_use[name]
        try:
            return self._loaders[name]()
        except KeyError:
            raise KeyError(f"no lexicon {name!r} (known: {', '.join(sorted(self._loaders))})") from None

    @contextmanager
    def use(self, name: str, lexicon: Any) -> Iterator[Any]:
        """Within the block, lexicon ``name`` is ``lexicon``."""
        previous = self._in_use.get(name)
        self._in_use[name] = lexicon
        try:
            yield lexicon
        finally:
            if previous is None:
                del self._in_use[name]
            else:
                self._in_use[name] = previous


registry = Registry()
