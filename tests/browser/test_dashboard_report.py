"""The Report view in a real browser: the filtered events day by day, the contested ones side by side,
the printable page it links to, and the dashboard on paper (print media: no header controls, tables
at full width)."""
from __future__ import annotations

import json
import threading
import time
import urllib.request

import pytest

from conftest import _free_port  # the browser fixtures' helper (tests/browser/conftest.py)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def contested_server(tmp_path_factory):
    """A second server over a store whose claims and reports disagree (tests/test_report.py's stories):
    the sample corpus holds no contested event."""
    import uvicorn

    from newsgraph.config import Config
    from newsgraph.serve import create_app
    from test_report import contested_store

    store = contested_store(tmp_path_factory.mktemp("report") / "contested.db")
    server = uvicorn.Server(uvicorn.Config(create_app(Config(db=store.url), store=store), host="127.0.0.1",
                                           port=_free_port(), log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{server.config.port}"
    server.should_exit = True
    thread.join(timeout=10)
    store.close()


def open_view(page, base: str, route: str):
    if not hasattr(page, "console_errors"):  # a refused inline style (CSP) is only a console error
        page.console_errors = []
        page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    page.goto(f"{base}/#/{route}")
    page.wait_for_selector("#view[data-state=ready]", timeout=20_000)
    return page


def report(base: str, query: str = "") -> dict:
    return json.loads(urllib.request.urlopen(f"{base}/api/report?format=json{query}").read())


def test_the_report_view_shows_the_timeline_and_the_contested_events(page, live_server, shoot):
    base, _ = live_server
    expected = report(base)
    open_view(page, base, "report")
    shoot(page, "report")
    days = page.locator("section.reportday")
    assert days.count() == len(expected["days"])
    assert days.first.get_attribute("data-day") == expected["days"][0]["day"]
    assert page.locator("li.reportevent").count() == expected["shown"]
    assert page.locator("article.contest").count() == len(expected["contested"])
    for c in expected["contested"][:3]:
        entry = page.locator(f"article.contest[data-contest='{c['id']}']")
        assert entry.locator(".side.asserting .telling").count() == len(c["asserts"])
        assert entry.locator(".side.denying .telling").count() == len(c["denies"])
    assert page.errors == [] and page.console_errors == []


def test_contested_events_show_who_asserts_and_who_denies_side_by_side(page, contested_server, shoot):
    open_view(page, contested_server, "report?actor=Russia")
    shoot(page, "report-contested")
    shelling = page.locator("article.contest[data-contest='r1/e1']")
    assert "a regional official" in shelling.locator(".side.asserting").inner_text()
    assert "relayed via the governor's office" in shelling.locator(".side.asserting").inner_text()
    assert "The Russian defence ministry" in shelling.locator(".side.denying").inner_text()
    raid = page.locator("article.contest").nth(1)
    assert "Kyiv Post" in raid.locator(".side.asserting").inner_text()
    assert "Moscow Daily" in raid.locator(".side.denying").inner_text()
    asserts, denies = shelling.locator(".side.asserting").bounding_box(), shelling.locator(".side.denying").bounding_box()
    # side by side: the denials to the right of the assertions, on the same rows
    assert denies["x"] > asserts["x"] + asserts["width"] - 1 and denies["y"] < asserts["y"] + asserts["height"]
    page.locator("li.reportevent.contested a.jump").first.click()
    assert page.url.endswith("#/report?actor=Russia")  # the jump scrolls; it does not leave the view
    page.locator("article.contest a.article").first.click()
    page.wait_for_url(lambda url: "#/articles/r1" in url)
    assert page.errors == [] and page.console_errors == []


def test_the_report_view_takes_the_filters_and_links_to_its_printable_page(page, live_server, shoot):
    base, _ = live_server
    kind = report(base)["days"][0]["events"][0]["type"]
    expected = report(base, f"&type={kind}")
    open_view(page, base, "report")
    page.select_option("#filters select[name=type]", kind)
    with page.expect_response(lambda r: "/api/report?" in r.url and f"type={kind}" in r.url):
        page.click("#filters button[type=submit]")
    page.wait_for_selector("#view[data-state=ready]")
    shoot(page, "report-filtered")
    assert page.locator("li.reportevent").count() == expected["shown"]
    printable = page.locator("a.printable").get_attribute("href")
    assert printable == f"/api/report?type={kind}"
    page.goto(base + printable)
    assert page.locator("h2").first.inner_text() == "Timeline"
    assert page.locator("li.event").count() == expected["shown"]
    assert page.locator("script").count() == 0
    assert page.locator("h2").first.evaluate("e => getComputedStyle(e).borderBottomStyle") == "solid"  # styled
    page.emulate_media(media="print")
    shoot(page, "report-printable")
    assert page.locator("nav.toc").is_hidden()
    assert page.errors == [] and page.console_errors == []


def test_on_paper_the_dashboard_hides_its_controls_and_shows_the_table_full_width(page, live_server, shoot):
    base, _ = live_server
    open_view(page, base, "events")
    page.emulate_media(media="print")
    shoot(page, "events-print")
    assert page.locator("header.top").is_hidden() and page.locator("#filters").is_hidden()
    table = page.locator("table.data").first.bounding_box()
    main = page.locator("#view").bounding_box()
    assert table["width"] >= main["width"] * 0.95
    open_view(page, base, "report")
    page.emulate_media(media="print")
    shoot(page, "report-print")
    assert page.locator("button.print").is_hidden() and page.locator("article.contest, p.empty").count() >= 1
    assert page.errors == [] and page.console_errors == []
