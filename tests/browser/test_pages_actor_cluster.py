"""Pages of one thing in a real browser: an actor's page opened from an events row and from the actor
box, a cluster's page that says where the reports disagree, and the dashboard on a 390 px phone."""
from __future__ import annotations

import json
import urllib.request

import pytest

from api_client import post_record
from newsgraph.record import Actor, Article, Event, Record

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def open_view(page, base: str, route: str):
    page.goto(f"{base}/#/{route}")
    page.wait_for_selector("#view[data-state=ready]", timeout=20_000)
    return page


@pytest.fixture
def console_errors(page):
    """Messages the page logs as errors (a failed request among them)."""
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    return errors


def telling(n: int, text: str, outlet: str, factuality: str) -> Record:
    """Iceland's foreign minister meeting Greenland's premier, as one outlet told it."""
    return Record(
        article=Article(id=f"fishing-talks-{n}", text=text, title=f"Fishing talks ({outlet})", outlet=outlet,
                        url=f"https://{outlet.lower()}.example/fishing-{n}", published="2024-02-14"),
        actors=[Actor(id="a1", name="Iceland", type="country", country="ISL", code="ISL", mentions=[(0, 7)]),
                Actor(id="a2", name="Greenland", type="country", country="GRL", code="GRL",
                      mentions=[(text.index("Greenland"), text.index("Greenland") + 9)])],
        events=[Event(id="e1", type="CONSULT", cameo="040", quad_class=1, actor="a1", recipient="a2",
                      factuality=factuality, date="2024-02-14", trigger=(text.index("met"), text.index("met") + 3),
                      evidence=[(0, len(text))])],
    )


@pytest.fixture(scope="module")
def disputed_cluster(live_server, api_token):
    """Two reports of one meeting, one saying it happened and one denying it, stored through the API."""
    base, _ = live_server
    records = [telling(1, "Iceland met Greenland over fishing quotas on Wednesday, the ministry said.", "Reykjavik Post",
                       "asserted"),
               telling(2, "Iceland denied that it met Greenland this week; no talks on fishing quotas took place at all.",
                       "Nuuk Times", "denied")]
    for record in records:
        assert post_record(base, api_token, record.to_dict()) in ("ingested", "duplicate")
    return "involving=ISL&recipient_country=GRL"


def test_an_actor_page_opens_from_an_events_row(page, live_server, shoot, console_errors):
    base, _ = live_server
    open_view(page, base, "events")
    first = page.locator("table.data tbody tr[data-event] a.actor").first
    name = first.inner_text()
    first.click()
    page.wait_for_url(lambda url: "#/actor/" in url)
    page.wait_for_selector("#view[data-state=ready]")
    shoot(page, "actor-page")
    assert page.locator(".actorhead h2").inner_text().startswith(name)
    assert page.locator("svg.timeline, .chartwrap").count() >= 1  # its activity over time
    assert page.locator("table.partners tbody tr").count() >= 1 or "No partners" in page.locator("#view").inner_text()
    assert page.locator("[data-claims=made] h2").inner_text().startswith("Claims it made")
    assert page.errors == [] and console_errors == []


def test_the_actor_box_leads_to_the_page_of_the_actor_typed(page, live_server, console_errors):
    base, _ = live_server
    top = json.loads(urllib.request.urlopen(f"{base}/api/aggregates/top-actors?limit=1").read())["items"][0]
    open_view(page, base, "events")
    page.fill("#filters input[name=actor]", top["name"].lower())
    page.click("#actorpage")
    page.wait_for_url(lambda url: "#/actor/" in url)
    page.wait_for_selector("#view[data-state=ready]")
    assert page.locator(".actorhead").get_attribute("data-actor") == top["name"]
    assert page.errors == [] and console_errors == []


def test_a_cluster_page_says_where_the_reports_disagree(page, live_server, disputed_cluster, shoot, console_errors):
    base, _ = live_server
    open_view(page, base, f"events?rows=clusters&{disputed_cluster}")
    page.locator("table.data tbody tr[data-cluster] a.cluster").first.click()
    page.wait_for_url(lambda url: "#/cluster/" in url)
    page.wait_for_selector("#view[data-state=ready]")
    shoot(page, "cluster-page")
    outlets = page.locator("table.reports tbody tr td:first-child").all_inner_texts()
    assert sorted(outlets) == ["Nuuk Times", "Reykjavik Post"]
    assert "disagree" in page.locator(".disagreement").inner_text()
    assert page.locator("table.reports tr.denied").count() == 1
    assert page.errors == [] and console_errors == []


@pytest.mark.parametrize("route", ["events", "actor", "claims"])
def test_a_390_px_phone_shows_the_header_above_the_tabs_and_no_page_wide_overflow(browser, live_server, shoot, route):
    base, _ = live_server
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    if route == "actor":
        top = json.loads(urllib.request.urlopen(f"{base}/api/aggregates/top-actors?limit=1").read())["items"][0]
        route = f"actor/{urllib.request.quote(top['name'], safe='')}"
    open_view(page, base, route)
    shoot(page, f"mobile-390-{route.split('/')[0]}")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    brand, tabs = page.locator(".brand").bounding_box(), page.locator("#tabs").bounding_box()
    assert brand["y"] + brand["height"] <= tabs["y"]  # the header's first row sits above the tabs
    assert errors == []
    context.close()
