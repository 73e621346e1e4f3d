"""The dashboard's files: no HTML built from strings, nothing fetched from the internet, and the
helpers behind its timeline and map."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsgraph.serve.basemap import basemap
from datetime import date

from newsgraph.serve.queries import fitting_interval, period_of, periods_between

STATIC = Path(__file__).resolve().parent.parent / "src" / "newsgraph" / "serve" / "static"
SCRIPTS = sorted(STATIC.glob("*.js"))


@pytest.mark.parametrize("sink", ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                                  "new Function", "setAttribute(\"on", "srcdoc"])
def test_no_script_builds_html_from_strings(sink):
    offenders = [p.name for p in SCRIPTS if sink in _code(p)]
    assert offenders == [], f"{sink} used in {offenders}: build DOM nodes with dom.js (textContent) instead"


def _code(path: Path) -> str:
    """The script without its comments (which may name what they avoid)."""
    text = path.read_text(encoding="utf-8")
    return re.sub(r"//[^\n]*|/\*.*?\*/", "", text, flags=re.S)


def test_nothing_is_loaded_from_another_host():
    url = re.compile(r"""(?:src|href)\s*=\s*["'](?:https?:)?//|url\(\s*["']?(?:https?:)?//|fetch\(\s*["'`]https?:""")
    offenders = [p.name for p in STATIC.iterdir() if p.is_file() and url.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_every_imported_module_exists():
    for script in SCRIPTS:
        for name in re.findall(r'from "\./([\w.-]+)"', script.read_text(encoding="utf-8")):
            assert (STATIC / name).is_file(), f"{script.name} imports missing {name}"


@pytest.mark.parametrize("day, interval, expected", [
    ("2024-03-05", "day", "2024-03-05"),
    ("2024-03-05", "month", "2024-03"),
    ("2024-03-05", "week", "2024-W10"),
    ("2024-03-05", "year", "2024"),
    ("2024-12-30", "week", "2025-W01"),  # ISO weeks cross the new year
])
def test_period_of(day, interval, expected):
    assert period_of(day, interval) == expected


@pytest.mark.parametrize("first, last, interval, expected", [
    ("2024-01-15", "2024-04-02", "month", ["2024-01", "2024-02", "2024-03", "2024-04"]),
    ("2023-12-31", "2024-01-01", "month", ["2023-12", "2024-01"]),
    ("2024-12-25", "2025-01-08", "week", ["2024-W52", "2025-W01", "2025-W02"]),
    ("2024-02-28", "2024-03-01", "day", ["2024-02-28", "2024-02-29", "2024-03-01"]),
    ("2016-06-01", "2018-01-01", "year", ["2016", "2017", "2018"]),
])
def test_every_period_between_two_days_is_listed(first, last, interval, expected):
    assert periods_between(date.fromisoformat(first), date.fromisoformat(last), interval) == expected


@pytest.mark.parametrize("first, last, interval, expected", [
    ("2024-01-01", "2024-12-31", "day", "day"),  # 366 days fit
    ("2023-01-01", "2024-12-31", "day", "week"),  # 731 days do not; 105 weeks do
    ("2004-01-01", "2017-12-31", "day", "month"),  # 14 years: 5,114 days, 731 weeks, 168 months
    ("1800-01-01", "2024-01-01", "month", "year"),
    ("2024-01-01", "2024-03-01", "week", "week"),
])
def test_a_range_too_long_for_the_interval_is_counted_in_a_coarser_one(first, last, interval, expected):
    assert fitting_interval(date.fromisoformat(first), date.fromisoformat(last), interval) == expected


def test_base_map_cells_cover_the_continents_but_not_the_open_ocean():
    cells = {tuple(c) for c in basemap()["cells"]}
    assert len(cells) > 3000
    assert (2.5, 48.5) in cells  # Paris
    assert (-43.5, -22.5) in cells  # Rio de Janeiro
    assert (-140.5, 0.5) not in cells  # the middle of the Pacific
