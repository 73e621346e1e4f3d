"""Objects that hold a resource (a database engine, an HTTP client) and release it in ``close()``."""
from __future__ import annotations

from typing import Self


class Closable:
    """``with`` support for a class that defines ``close()``: the block's end closes it."""

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
