"""The dashboard's files: no HTML built from strings, nothing fetched from the internet, and the
helpers behind its timeline and map."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsgraph.serve.basemap import basemap
from newsgraph.serve.queries import _fill, period_of

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
    ("2024-12-30", "week", "2025-W01"),  # ISO weeks cross the new year
])
def test_period_of(day, interval, expected):
    assert period_of(day, interval) == expected


@pytest.mark.parametrize("periods, interval, expected", [
    (["2024-01", "2024-04"], "month", ["2024-01", "2024-02", "2024-03", "2024-04"]),
    (["2023-12", "2024-01"], "month", ["2023-12", "2024-01"]),
    (["2024-W52", "2025-W02"], "week", ["2024-W52", "2025-W01", "2025-W02"]),
    (["2024-02-28", "2024-03-01"], "day", ["2024-02-28", "2024-02-29", "2024-03-01"]),
    (["2000-01-01", "2024-01-01"], "day", ["2000-01-01", "2024-01-01"]),  # too long to fill: left sparse
])
def test_quiet_periods_are_filled(periods, interval, expected):
    assert _fill(periods, interval) == expected


def test_base_map_cells_cover_the_continents_but_not_the_open_ocean():
    cells = {tuple(c) for c in basemap()["cells"]}
    assert len(cells) > 3000
    assert (2.5, 48.5) in cells  # Paris
    assert (-43.5, -22.5) in cells  # Rio de Janeiro
    assert (-140.5, 0.5) not in cells  # the middle of the Pacific
