"""The workbench's controls in a real browser: a timeline on continuous time at every interval, the
actor box's suggestions, country names in the country boxes, bad input explained next to its box
with the view kept, and downloads of the filtered events."""
from __future__ import annotations

import csv
import json
import urllib.request

import pytest

from newsgraph.actors.lexicon import load_lexicon

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def open_view(page, base: str, route: str):
    page.goto(f"{base}/#/{route}")
    page.wait_for_selector("#view[data-state=ready]", timeout=20_000)
    return page


def api(base: str, path: str):
    return json.loads(urllib.request.urlopen(f"{base}/api/{path}").read())


def apply_filters(page):
    page.click("#filters button[type=submit]")


@pytest.mark.parametrize("interval", ["day", "week", "month", "year"])
def test_the_timeline_draws_every_period_at_each_interval(page, live_server, shoot, interval):
    base, _ = live_server
    timeline = api(base, f"timeline?interval={interval}")
    open_view(page, base, f"events?interval={interval}")
    shoot(page, f"timeline-{interval}")
    chart = page.locator("svg.timeline")
    assert chart.get_attribute("data-interval") == timeline["interval"]
    assert chart.get_attribute("data-periods") == str(len(timeline["periods"]))
    if timeline["note"]:
        assert timeline["note"] in page.locator(".chartwrap .note").inner_text()
    assert page.errors == []


def test_the_actor_box_suggests_actors_as_one_types(page, live_server, shoot):
    base, _ = live_server
    top = api(base, "aggregates/top-actors?limit=1")["items"][0]["name"]
    open_view(page, base, "events")
    page.click("#filters input[name=actor]")
    page.keyboard.type(top[:4].lower())
    page.wait_for_selector(".suggestions li")
    shoot(page, "actor-suggestions")
    with page.expect_response(lambda r: "/api/events?" in r.url and "actor=" in r.url and "limit=25" in r.url):
        page.locator(".suggestions li").first.click()
    page.wait_for_url(lambda url: "actor=" in url)
    page.wait_for_selector("#view[data-state=ready]")
    assert page.locator("table.data tbody tr[data-event]").count() >= 1
    assert page.errors == []


def test_a_country_name_in_the_country_box_filters_by_that_country(page, live_server, shoot):
    base, _ = live_server
    events = api(base, "events?limit=100")["items"]
    code = next(e["location"]["country"] for e in events if (e["location"] or {}).get("country"))
    name = load_lexicon().country_names[code]
    open_view(page, base, "events")
    page.fill("#filters input[name=location_country]", name)
    with page.expect_response(lambda r: "/api/events?" in r.url and "limit=25" in r.url and "location_country=" in r.url):
        apply_filters(page)
    page.wait_for_url(lambda url: "location_country=" in url)
    page.wait_for_selector("#view[data-state=ready]")
    shoot(page, "country-name")
    assert page.locator(".fielderror").count() == 0
    assert page.locator("table.data tbody tr[data-event]").count() >= 1
    assert page.errors == []


def test_a_from_date_after_the_to_date_is_explained_next_to_the_box_and_the_view_stays(page, live_server, shoot):
    base, _ = live_server
    open_view(page, base, "events")
    rows = page.locator("table.data tbody tr").count()
    hash_before = page.evaluate("location.hash")
    page.fill("#filters input[name=date_from]", "2024-05-01")
    page.fill("#filters input[name=date_to]", "2024-01-01")
    apply_filters(page)
    message = page.locator("#filters label:has(input[name=date_from]) .fielderror")
    message.wait_for()
    shoot(page, "invalid-date")
    assert "is after date_to" in message.inner_text()
    assert page.evaluate("location.hash") == hash_before
    assert page.locator("table.data tbody tr").count() == rows and page.locator("#error").is_hidden()
    assert page.errors == []


def test_the_download_button_gives_every_event_of_the_filtered_view(page, live_server, shoot, tmp_path):
    base, _ = live_server
    first_type = api(base, "events?limit=1")["items"][0]["type"]
    total = api(base, f"events?type={first_type}&limit=1")["total"]
    open_view(page, base, f"events?type={first_type}")
    shoot(page, "downloads")
    with page.expect_download() as info:
        page.click(".downloads a[data-format=csv]")
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    assert path.name.endswith(f"type-{first_type}.csv")
    with path.open(encoding="utf-8", newline="") as f:
        assert len(list(csv.DictReader(f))) == total
    assert page.errors == []
