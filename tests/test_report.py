"""Situation reports: a dated timeline of the events a query matches, and each contested event's
tellings side by side, written by ``newsgraph report`` and served by ``GET /api/report``."""
from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.config import Config
from newsgraph.record import Actor, Article, Claim, Event, Record
from newsgraph.report import build_report, render_html
from newsgraph.report.html import style_source
from newsgraph.serve import create_app
from newsgraph.store import open_store
from newsgraph.store.query import EventFilter

SHELLING = ("Russian forces shelled the border village of Kozacha Lopan, a regional official said, "
            "according to the governor's office. The Russian defence ministry denied shelling the village.")
RAID = "Ukraine said Russian troops raided the port of Kherson overnight."
NO_RAID = "Moscow denied that its troops had raided the port of Kherson."
TALKS = "The foreign ministers of Russia and China met in Beijing to discuss trade."


def span(text: str, piece: str) -> tuple[int, int]:
    start = text.index(piece)
    return start, start + len(piece)


def story(n: int, text: str, published: str, outlet: str, event: dict, claims: list[Claim]) -> Record:
    """One article with a Russian actor, a Ukrainian (or Chinese) recipient and one event."""
    recipient = event.pop("recipient_country", "UKR")
    return Record(
        article=Article(id=f"r{n}", text=text, title=f"Story {n}", url=f"https://news.example/{n}", outlet=outlet,
                        published=published),
        actors=[Actor(id="a1", name="Russia", type="country", country="RUS", code="RUS", mentions=[]),
                Actor(id="a2", name=recipient, type="country", country=recipient, code=recipient, mentions=[])],
        events=[Event(id="e1", actor="a1", recipient="a2", actor_code="RUS", recipient_code=recipient, date=published,
                      evidence=[(0, len(text))], claims=[c.id for c in claims], **event)],
        claims=claims,
    )


def claim(cid: str, text: str, source: str, cue: str, content: str, stance: str = "assert", via: str | None = None):
    return Claim(id=cid, speaker=None, speaker_span=span(text, source), cue=span(text, cue), content=span(text, content),
                 stance=stance, via=via)


def contested_store(path):
    """Four stories: a shelling its claims disagree on (the official says, relayed by the governor's office;
    the ministry denies), a raid one outlet reports and another tells as denied, and uncontested talks."""
    store = open_store(str(path))
    store.add_many([
        story(1, SHELLING, "2024-02-01", "Example Wire", dict(type="ASSAULT", quad_class=4, factuality="reported"), [
            claim("c1", SHELLING, "a regional official", "said", "Russian forces shelled the border village of Kozacha Lopan",
                  via="c2"),
            claim("c2", SHELLING, "the governor's office", "according to", "a regional official said"),
            claim("c3", SHELLING, "The Russian defence ministry", "denied", "shelling the village", stance="deny")]),
        story(2, RAID, "2024-03-05", "Kyiv Post", dict(type="ASSAULT", quad_class=4, factuality="asserted"), []),
        story(3, NO_RAID, "2024-03-06", "Moscow Daily", dict(type="ASSAULT", quad_class=4, factuality="denied"), []),
        story(4, TALKS, "2024-03-07", "Example Wire",
              dict(type="CONSULT", quad_class=1, factuality="asserted", recipient_country="CHN"), []),
    ])
    return store


@pytest.fixture
def store(tmp_path):
    s = contested_store(tmp_path / "report.db")
    yield s
    s.close()


def test_a_report_is_a_dated_timeline_with_the_contested_events_side_by_side(store):
    report = build_report(store, EventFilter(actor="Russia"), generated="2024-03-08 09:00 UTC")
    assert [d.day for d in report.days] == ["2024-02-01", "2024-03-05", "2024-03-06", "2024-03-07"]
    assert report.days[0].events[0].evidence.startswith("Russian forces shelled")
    shelling, raid = report.contested
    assert shelling.id == "r1/e1" and "claims" in shelling.why
    assert [(t.who, t.chain) for t in shelling.asserts] == [("a regional official", ["the governor's office"]),
                                                            ("the governor's office", [])]
    assert [(t.who, t.cue, t.text) for t in shelling.denies] == [("The Russian defence ministry", "denied",
                                                                  "shelling the village")]
    assert raid.id.startswith("cluster-") and "reports of one event disagree" in raid.why
    assert [(t.outlet, t.how) for t in raid.asserts] == [("Kyiv Post", "asserted")]
    assert [(t.outlet, t.how, t.article_url) for t in raid.denies] == [("Moscow Daily", "denied", "https://news.example/3")]
    talks = report.days[-1].events[0]
    assert talks.type == "CONSULT" and talks.contested is None


def test_the_report_page_is_self_contained_and_printable(store):
    page = render_html(build_report(store), dashboard="http://127.0.0.1:8000")
    assert "<script" not in page and 'rel="stylesheet"' not in page and "src=" not in page
    assert "@media print" in page and 'a[href^="http"]::after' in page and "break-before: page" in page
    assert 'href="https://news.example/3"' in page
    assert 'href="http://127.0.0.1:8000/#/articles/r3"' in page
    assert "the governor&#x27;s office" in page  # escaped: article text is untrusted


def test_newsgraph_report_writes_the_timeline_and_the_contested_events(store, tmp_path):
    out = tmp_path / "russia.html"
    result = CliRunner().invoke(app, ["report", "--db", store.url, "--actor", "Russia", "--output", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    timeline, contested = page.split('id="contested"')
    assert re.findall(r'<h3 id="day-([\d-]+)">', timeline) == ["2024-02-01", "2024-03-05", "2024-03-06", "2024-03-07"]
    assert "Kozacha Lopan" in timeline
    assert contested.count('class="contest"') == 2
    asserts, denies = contested.split('class="side denies"', 1)[0], contested.split('class="side denies"', 1)[1]
    assert "a regional official" in asserts and "relayed via the governor&#x27;s office" in asserts
    assert "The Russian defence ministry" in denies
    assert "2 contested" in result.output


def test_newsgraph_report_takes_the_events_filters(store, tmp_path):
    out = tmp_path / "talks.html"
    result = CliRunner().invoke(app, ["report", "--db", store.url, "--type", "consult", "--output", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "Beijing" in page and "Kozacha" not in page and 'class="contest"' not in page
    bad = CliRunner().invoke(app, ["report", "--db", store.url, "--since", "2024-13-01", "--output", str(out)])
    assert bad.exit_code == 2 and "--since" in bad.output


def test_newsgraph_report_help_says_what_it_writes():
    result = CliRunner().invoke(app, ["report", "--help"], terminal_width=200)
    assert result.exit_code == 0
    for words in ("--output", "--actor", "--since", "contested", "print"):
        assert words in result.output


def test_the_api_serves_the_same_report_as_html_and_json(store):
    client = TestClient(create_app(Config(db=store.url), store=store))
    as_json = client.get("/api/report", params={"actor": "Russia", "format": "json"})
    assert as_json.status_code == 200
    expected = build_report(store, EventFilter.checked(actor="Russia")).to_dict()
    assert {**as_json.json(), "generated": None} == {**json.loads(json.dumps(expected)), "generated": None}
    as_html = client.get("/api/report", params={"actor": "Russia"})
    assert as_html.headers["content-type"].startswith("text/html")
    assert style_source() in as_html.headers["content-security-policy"]  # its inline style applies
    assert as_html.text.count('class="contest"') == 2
    assert "/#/articles/r1" in as_html.text


@pytest.mark.parametrize("params, name", [({"date_from": "2024-13-01"}, "date_from"), ({"type": "BOGUS"}, "type"),
                                          ({"format": "pdf"}, "format")])
def test_the_api_refuses_bad_report_parameters_naming_them(store, params, name):
    client = TestClient(create_app(Config(db=store.url), store=store))
    response = client.get("/api/report", params=params)
    assert response.status_code == 400
    assert response.json()["detail"].startswith(f"{name}:")
