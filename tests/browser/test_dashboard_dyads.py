"""The Dyads view and the network's levels in a real browser: the matrix's cells lead to their events,
the Goldstein curve runs over every period, and network labels do not cover one another."""
from __future__ import annotations

import json
import urllib.parse
import urllib.request

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def api(base: str, path: str):
    return json.loads(urllib.request.urlopen(f"{base}/api/{path}").read())


@pytest.fixture
def console_errors(page):
    """Messages the page logs as errors (a failed request, a script error)."""
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    return errors


def open_view(page, base: str, route: str):
    page.goto(f"{base}/#/{route}")
    page.wait_for_selector("#view[data-state=ready]", timeout=20_000)
    return page


def test_a_matrix_cell_opens_the_events_of_that_dyad(page, live_server, shoot, console_errors):
    base, _ = live_server
    matrix = api(base, "aggregates/dyads?level=country")
    biggest = matrix["cells"][0]
    open_view(page, base, "dyads")
    shoot(page, "dyads-country")
    assert page.locator("table.matrix a.cellink").count() == len(matrix["cells"])
    cell = page.locator(f"a.cellink[data-actor={biggest['actor']}][data-recipient={biggest['recipient']}]")
    assert cell.inner_text() == str(biggest["count"])
    cell.click()
    page.wait_for_url(lambda url: "#/events" in url and "recipient_country=" in url)
    page.wait_for_selector("#view[data-state=ready]")
    query = urllib.parse.parse_qs(page.url.split("?", 1)[1])
    assert query["actor_country"] == [biggest["actor"]] and query["recipient_country"] == [biggest["recipient"]]
    assert page.locator("#filters input[name=actor_country]").input_value() == biggest["actor"]
    assert page.locator("h2", has_text="Events (").inner_text() == f"Events ({biggest['count']})"
    shoot(page, "dyads-cell-events")
    assert page.errors == [] and console_errors == []


def test_the_goldstein_curve_of_the_selected_dyad_covers_every_period(page, live_server, shoot, console_errors):
    base, _ = live_server
    top = api(base, "aggregates/dyads")["cells"][0]
    series = api(base, f"series?actor_country={top['actor']}&recipient_country={top['recipient']}&interval=week")
    open_view(page, base, "dyads?interval=week&curve=sum")
    chart = page.locator("svg.goldstein")
    assert chart.get_attribute("data-periods") == str(len(series["periods"]))
    assert page.locator("svg.goldstein circle.point").count() == sum(1 for n in series["goldstein"]["scored"] if n)
    page.select_option("select[name=src]", "")  # any actor side: the curve of everything done to the recipient
    page.wait_for_url(lambda url: "dst=" in url)
    page.wait_for_selector("#view[data-state=ready]")
    assert page.locator("svg.goldstein").count() == 1
    shoot(page, "dyads-curve")
    assert page.errors == [] and console_errors == []


def test_the_code_matrix_shows_goldstein_means_in_colour(page, live_server, shoot, console_errors):
    base, _ = live_server
    matrix = api(base, "aggregates/dyads?level=code")
    open_view(page, base, "dyads?level=code&measure=goldstein_mean")
    heads = page.locator("table.matrix th.rowkey").all_inner_texts()
    assert heads == [r["key"] for r in matrix["rows"]]
    scored = next(c for c in matrix["cells"] if c["goldstein_mean"] is not None)
    cell = page.locator(f"a.cellink[data-actor={scored['actor']}][data-recipient={scored['recipient']}]")
    assert cell.inner_text() == f"{scored['goldstein_mean']:.1f}"
    shoot(page, "dyads-code-goldstein")
    assert page.errors == [] and console_errors == []


def overlaps(boxes):
    return [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if a["x"] + 1 < b["x"] + b["width"] and b["x"] + 1 < a["x"] + a["width"]
            and a["y"] + 1 < b["y"] + b["height"] and b["y"] + 1 < a["y"] + a["height"]]


@pytest.mark.parametrize("level", ["identity", "code", "country"])
def test_the_network_at_each_level_has_labels_that_do_not_overlap(page, live_server, shoot, console_errors, level):
    base, _ = live_server
    net = api(base, f"aggregates/network?level={level}&limit=60")
    open_view(page, base, f"network?level={level}")
    shoot(page, f"network-{level}")
    assert page.locator("svg.network").get_attribute("data-level") == level
    assert page.locator("svg.network g.node").count() == len(net["nodes"])
    boxes = page.eval_on_selector_all("svg.network .node text", "els => els.map(e => e.getBoundingClientRect().toJSON())")
    assert overlaps(boxes) == []
    if level == "country":
        page.locator("svg.network .node a").first.click()
        page.wait_for_url(lambda url: "involving=" in url)
    assert page.errors == [] and console_errors == []
