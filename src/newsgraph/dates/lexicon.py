"""The time-expression lexicon (``data/lexicon.toml``), read once per process."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class Lexicon:
    weekdays: dict[str, int]
    months: dict[str, int]
    seasons: dict[str, str]
    units: dict[str, str]
    time_units: frozenset[str]
    numbers: dict[str, Any]
    day_parts: dict[str, str]
    shift: dict[str, int]
    sets: dict[str, str]
    direction_prepositions: dict[str, int]
    deictic_offsets: dict[str, int]
    deictic_parts: dict[str, str]

    def number(self, word: str) -> int | float | str | None:
        """The value of a number written in digits or words ("18", "twelve", "twenty-five"); "X" when vague."""
        w = word.lower().replace("\u2010", "-").strip()
        if w.replace(".", "", 1).isdigit():
            return float(w) if "." in w else int(w)
        if w in self.numbers:
            return self.numbers[w]
        if "-" in w:  # "twenty-five"
            parts = [self.numbers.get(p) for p in w.split("-")]
            if len(parts) == 2 and all(isinstance(p, int) for p in parts):
                return parts[0] + parts[1]
        return None


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    text = resources.files("newsgraph.dates").joinpath("data/lexicon.toml").read_text(encoding="utf-8")
    d = tomllib.loads(text)
    return Lexicon(
        weekdays=d["weekdays"], months=d["months"], seasons=d["seasons"], units=d["units"],
        time_units=frozenset(d["time_units"]), numbers=d["numbers"], day_parts=d["day_parts"],
        shift=d["shift"], sets=d["sets"], direction_prepositions=d["direction_prepositions"],
        deictic_offsets=d["deictic"]["offsets"], deictic_parts=d["deictic"]["parts"],
    )
