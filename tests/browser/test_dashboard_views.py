"""The dashboard in a real browser: each view loads populated, filters work, nothing leaves the
machine, and article text cannot run script."""
from __future__ import annotations

import json
import urllib.request

import pytest

from api_client import post_record
from newsgraph.record import Actor, Article, Claim, Event, Record

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def open_view(page, base: str, route: str):
    page.goto(f"{base}/#/{route}")
    page.wait_for_selector("#view[data-state=ready]", timeout=20_000)
    return page


@pytest.mark.parametrize("route, selectors", [
    ("events", {"svg.timeline rect.bar": 1, "table.data tbody tr": 1, ".legend .legenditem": 1}),
    ("network", {"svg.network path.edge": 1, "svg.network g.node": 2}),
    ("map", {"svg.map g.land rect": 1000, "svg.map circle.place": 1, "svg.map circle.mention": 1}),
    ("claims", {".ledger article.claim": 1, ".ledger .source .badge": 1}),
    ("articles", {".articletext .text span": 1, ".articlelist li": 1}),
])
def test_each_view_is_populated(page, live_server, shoot, route, selectors):
    base, origin = live_server
    open_view(page, base, route)
    shoot(page, route)
    counts = {sel: page.locator(sel).count() for sel in selectors}
    assert all(counts[sel] >= n for sel, n in selectors.items()), f"{route}: {counts} (store filled from {origin})"
    assert page.errors == []


def test_the_page_fetches_nothing_from_outside(page, live_server):
    base, _ = live_server
    for route in ("events", "network", "map", "claims", "articles"):
        open_view(page, base, route)
    outside = [u for u in page.requested if not u.startswith(base) and not u.startswith("data:")]
    assert outside == []


def test_filtering_by_type_narrows_the_event_list(page, live_server):
    base, _ = live_server
    open_view(page, base, "events")
    first_type = page.locator("table.data tbody tr td:nth-child(2) .chip").first.inner_text()
    page.select_option("#filters select[name=type]", first_type)
    page.click("#filters button[type=submit]")
    page.wait_for_url(lambda url: "type=" in url)
    page.wait_for_selector("#view[data-state=ready]")
    types = {t.strip() for t in page.locator("table.data tbody tr td:nth-child(2) .chip:first-child").all_inner_texts()}
    assert types == {first_type}


def test_events_can_be_shown_one_row_per_real_world_event(page, live_server, shoot):
    base, _ = live_server
    open_view(page, base, "events?rows=clusters")
    shoot(page, "events-clusters")
    assert page.locator("table.data tbody tr[data-cluster]").count() >= 1
    assert page.locator("section.panel h2", has_text="Event clusters").count() == 1
    assert page.errors == []


def test_a_bad_filter_in_a_link_is_explained_next_to_its_box(page, live_server):
    base, _ = live_server
    page.goto(f"{base}/#/events?date_from=2024-02-30")
    page.wait_for_selector("#view[data-state=error]")
    assert "not a calendar date" in page.locator("#filters label:has(input[name=date_from]) .fielderror").inner_text()


@pytest.mark.parametrize("box, param", [("involving", "involving"), ("location_country", "location_country")])
def test_the_country_boxes_send_the_apis_filter_of_the_same_name(page, live_server, box, param):
    base, _ = live_server
    events = json.loads(urllib.request.urlopen(f"{base}/api/events?limit=100").read())["items"]
    country = next(e["location"]["country"] for e in events if (e["location"] or {}).get("country"))
    open_view(page, base, "events")
    page.fill(f"#filters input[name={box}]", country.lower())
    page.click("#filters button[type=submit]")
    page.wait_for_url(lambda url: f"{param}=" in url)
    page.wait_for_selector("#view[data-state=ready]")
    assert any("/api/events?" in u and f"{param}={country.lower()}" in u for u in page.requested)
    assert page.errors == []


def test_an_old_link_with_country_is_refused_naming_the_new_filters(page, live_server):
    base, _ = live_server
    page.goto(f"{base}/#/events?country=RUS")
    page.wait_for_selector("#view[data-state=error]")
    message = page.locator("#error").inner_text()
    assert "involving" in message and "location_country" in message


def test_article_view_highlights_each_kind_and_shows_removed_text_apart(page, live_server, shoot):
    base, _ = live_server
    records = json.loads(urllib.request.urlopen(f"{base}/api/articles?limit=100").read())["items"]
    richest = max(records, key=lambda a: (a["events"] > 0) + (a["claims"] > 0) + a["events"])
    open_view(page, base, f"articles/{richest['id']}")
    assert page.locator(".articletext .hl-actor").count() >= 1
    if richest["events"]:
        assert page.locator(".articletext .hl-event").count() >= 1
    if richest["claims"]:
        assert page.locator(".articletext .hl-claim").count() >= 1
    assert page.get_by_text("Removed by cleaning").count() == 1
    shoot(page, "article-detail")


# -- untrusted text ------------------------------------------------------------------------

SCRIPT = "<script>window.__pwned = 'script'</script>"
IMG = "<img src=x onerror=\"window.__pwned = 'img'\">"


def hostile_record() -> Record:
    """An article whose title, text, actor name, claim and removed boilerplate all carry markup."""
    text = f"Officials said {IMG} was posted. {SCRIPT} Rebels attacked the town, a witness said."
    start = text.index(IMG)
    attack = text.index("attacked")
    return Record(
        article=Article(id="hostile", title=f"Hostile {SCRIPT}", text=text, published="2024-06-01",
                        url="javascript:window.__pwned='url'",
                        removed=[]),
        actors=[Actor(id="a1", name=f"Rebels {IMG}", type="group", country="SYR", code="SYRREB",
                      mentions=[(text.index("Rebels"), text.index("Rebels") + 6)]),
                Actor(id="a2", name="Town <b>council</b>", type="organization", country="SYR", code="SYRGOV",
                      mentions=[(text.index("the town"), text.index("the town") + 8)])],
        events=[Event(id="e1", type="ASSAULT", cameo="190", quad_class=4, actor="a1", recipient="a2",
                      factuality="reported", claims=["c1"], date="2024-06-01",
                      location={"name": f"Town {IMG}", "country": "SYR", "lat": 35.0, "lon": 38.0},
                      evidence=[(attack - 7, len(text))], trigger=(attack, attack + 8))],
        claims=[Claim(id="c1", speaker=None, speaker_span=(text.index("a witness"), text.index("a witness") + 9),
                      cue=(text.rindex("said"), text.rindex("said") + 4), content=(start, start + len(IMG)),
                      anonymous=True)],
    )


@pytest.fixture(scope="module")
def hostile(live_server, api_token):
    """The hostile article, stored through POST /api/ingest (as a finished record)."""
    base, _ = live_server
    body = hostile_record().to_dict()
    body["article"]["removed"] = [{"text": SCRIPT + IMG, "reason": "boilerplate"}]
    assert post_record(base, api_token, body) in ("ingested", "duplicate")
    return "hostile"


def test_markup_in_an_article_is_shown_as_text_and_never_runs(page, live_server, hostile, shoot):
    base, _ = live_server
    open_view(page, base, f"articles/{hostile}")
    text = page.locator(".articletext .text").inner_text()
    assert IMG in text and SCRIPT in text  # shown literally
    assert page.locator(".articletext img, .articletext script, #view img").count() == 0
    assert SCRIPT in page.locator(".articlemain h2").first.inner_text()
    assert SCRIPT + IMG in page.locator(".removedtext").inner_text()
    assert page.locator(".articlemain a[href^=javascript]").count() == 0
    page.wait_for_timeout(300)  # give an injected onerror time to fire
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.errors == []
    shoot(page, "article-hostile")


@pytest.mark.parametrize("route", ["events?actor=SYRREB", "claims?q=witness", "articles", "network?actor=SYRREB", "map?involving=SYR"])
def test_markup_in_names_and_claims_never_runs_in_other_views(page, live_server, hostile, route):
    base, _ = live_server
    open_view(page, base, route)
    page.wait_for_timeout(200)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("#view img, #view script").count() == 0
    assert page.errors == []


def test_api_reference_page_lists_the_endpoints_offline(page, live_server, shoot):
    base, _ = live_server
    page.goto(f"{base}/docs")
    page.wait_for_selector("section.endpoint")
    paths = page.locator("section.endpoint h2 code").all_inner_texts()
    assert "/api/events" in paths and "/api/ingest" in paths
    assert [u for u in page.requested if not u.startswith(base)] == []
    shoot(page, "api-docs")
