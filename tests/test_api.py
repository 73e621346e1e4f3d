"""The REST API over a temporary SQLite store filled with hand-built records (serve/examples.py)."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from newsgraph.config import Config
from newsgraph.serve import create_app
from newsgraph.serve.examples import example_records
from newsgraph.store import open_store

TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("api") / "api.db"
    with open_store(str(path)) as store:
        store.add_many(example_records())
    return str(path)


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(Config(db=db))) as c:
        yield c


@pytest.fixture
def writer(tmp_path):
    """A client whose server accepts writes with TOKEN, over its own empty store."""
    with TestClient(create_app(Config(db=str(tmp_path / "w.db"), api_token=TOKEN))) as c:
        yield c


def get(client, url, status=200):
    r = client.get(url)
    assert r.status_code == status, r.text
    return r.json()


# -- reading -------------------------------------------------------------------------------

def test_meta_gives_vocabularies_counts_and_write_state(client):
    meta = get(client, "/api/meta")
    assert len(meta["event_types"]) == 16 and meta["quad_classes"]["4"]["side"] == "conflict"
    assert meta["stats"] == {"articles": 3, "events": 12, "actors": 15, "claims": 9, "timexes": 4, "places": 5}
    assert meta["writes_enabled"] is False


def test_events_page_has_totals_names_and_excerpts(client):
    page = get(client, "/api/events?limit=5&offset=0")
    assert (page["total"], page["limit"], page["offset"], len(page["items"])) == (12, 5, 0, 5)
    rest = get(client, "/api/events?limit=5&offset=10")
    assert len(rest["items"]) == 2
    sanction = get(client, "/api/events?type=SANCTION")["items"][0]
    assert sanction["actor"]["name"] == "European Union" and sanction["recipient"]["code"] == "IRNGOV"
    assert sanction["trigger_text"] == "imposed sanctions"
    assert sanction["evidence_text"].startswith("The European Union imposed sanctions")


@pytest.mark.parametrize("query, expected", [
    ("type=ASSAULT", 2),
    ("type=assault", 2),
    ("actor=RUS", 3),  # a country's code: every actor whose code starts with it (RUS, RUSGOV, RUSMED)
    ("actor=Russia", 3),  # a country's name: the same
    ("actor=ukrgov", 2),  # codes in any case
    ("actor=Dmytro%20Kuleba", 2),
    ("actor=DMYTR%C3%93%20kuleba", 2),  # names in any case, accents or none
    ("actor=kuleba", 2),  # a word a name starts with
    ("actor=Nobody%20Known", 0),
    ("involving=Kenya", 3),  # country boxes take names
    ("location_country=ukr", 4),
    ("factuality=asserted,reported", 9),  # several factualities: what is told as having happened
    ("involving=KEN", 3),  # Kenya as actor, recipient or location
    ("location_country=UKR", 4),
    ("actor_country=IRN", 2),
    ("quad_class=4", 3),
    ("factuality=denied", 1),
    ("factuality=reported", 3),
    ("date_from=2024-04-01", 7),
    ("date_from=2024-03-01&date_to=2024-03-31", 4),
    ("q=drones", 4),
    ("q=tear%20gas&type=ASSAULT", 1),
    ("q=zzzunknownword", 0),
])
def test_event_filters(client, query, expected):
    assert get(client, f"/api/events?{query}")["total"] == expected


def test_timeline_by_month_counts_every_dated_event(client):
    t = get(client, "/api/timeline?interval=month&by=type")
    assert t["periods"] == ["2024-02", "2024-03", "2024-04", "2024-05"]
    assert sum(sum(s["counts"]) for s in t["series"]) + t["undated"] == 12
    assaults = next(s for s in t["series"] if s["key"] == "ASSAULT")
    assert assaults["counts"] == [1, 0, 1, 0]  # "last week" (2024-W09) files under February


def test_timeline_by_week_and_quad_class_fills_quiet_weeks(client):
    t = get(client, "/api/timeline?interval=week&by=quad_class&date_to=2024-03-31")
    assert t["periods"] == ["2024-W09", "2024-W10", "2024-W11", "2024-W12", "2024-W13"]  # to the week of date_to
    assert {s["key"]: s["total"] for s in t["series"]} == {1: 2, 3: 2, 4: 1}


def test_network_edges_split_cooperation_and_conflict(client):
    net = get(client, "/api/aggregates/network")
    edges = {(e["source"], e["target"]): e for e in net["edges"]}
    assert edges[("Russia", "Ukraine")]["conflict"] == 2
    assert edges[("Hakan Fidan", "Dmytro Kuleba")]["cooperation"] == 2
    assert {n["id"] for n in net["nodes"]} >= {"Russia", "Ukraine", "Iran", "European Union"}
    by_code = get(client, "/api/aggregates/network?level=code")
    assert ("RUS", "UKR") in {(e["source"], e["target"]) for e in by_code["edges"]}


def test_locations_and_top_actors(client):
    places = get(client, "/api/aggregates/locations")
    odesa = next(p for p in places["items"] if p["name"] == "Odesa")
    assert (odesa["count"], odesa["conflict"], odesa["lat"]) == (3, 3, 46.48)
    assert places["unlocated"] == 2
    top = get(client, "/api/aggregates/top-actors?limit=2")["items"]
    assert [a["name"] for a in top] == ["European Union", "Ukraine"]


def test_actors_aggregate_names_across_articles(client):
    page = get(client, "/api/actors?q=union")
    assert page["total"] == 1
    (eu,) = page["items"]
    assert (eu["articles"], eu["events"], eu["code"]) == (2, 4, "IGOEEC")
    assert get(client, "/api/actors?country=RUS")["total"] == 3


def test_claims_ledger_puts_denials_next_to_what_they_deny(client):
    items = get(client, "/api/claims?limit=100")["items"]
    by_id = {c["id"]: c for c in items}
    accusation = by_id["example-grain-talks/c3"]
    assert [d["speaker_name"] for d in accusation["denied_by"]] == ["Kremlin"]
    denial = by_id["example-grain-talks/c4"]
    assert denial["stance"] == "deny" and denial["denies"][0]["claim_id"] == "c3"
    assert [e["type"] for e in denial["events"]] == ["ASSAULT"]


def test_claims_ledger_follows_source_chains(client):
    tass = next(c for c in get(client, "/api/claims?actor=RUSMED")["items"])
    assert tass["cue_text"] == "according to"
    assert [link["speaker_text"] for link in tass["chain"]] == ["a Russian defence ministry statement"]


@pytest.mark.parametrize("query, expected", [
    ("anonymous=true", 3),
    ("anonymous=false", 6),
    ("direct=true", 1),
    ("stance=deny", 1),
    ("actor=Kremlin", 1),
    ("actor=KENCOP", 1),  # by the speaker's actor code
    ("type=ASSAULT", 3),  # claims that an ASSAULT event rests on
    ("q=drones", 1),
    ("date_from=2024-04-01", 3),
])
def test_claims_filters(client, query, expected):
    assert get(client, f"/api/claims?{query}")["total"] == expected


def test_article_list_search_and_full_record(client):
    page = get(client, "/api/articles?q=grain")
    assert [a["id"] for a in page["items"]] == ["example-grain-talks"]
    assert get(client, "/api/articles")["total"] == 3
    record = get(client, "/api/articles/example-grain-talks")
    original = next(r for r in example_records() if r.article.id == "example-grain-talks").to_dict()
    assert record == original


def test_openapi_document_and_offline_docs_page(client):
    spec = get(client, "/openapi.json")
    assert {"/api/events", "/api/claims", "/api/timeline", "/api/aggregates/network", "/api/ingest"} <= set(spec["paths"])
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/docs.js" in docs.text and "cdn" not in docs.text.lower()


def test_dashboard_is_served_with_a_strict_content_security_policy(client):
    r = client.get("/")
    assert r.status_code == 200 and "<main id=\"view\"" in r.text
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert client.get("/static/app.js").status_code == 200


# -- bad parameters: 4xx with a message, never 500 -----------------------------------------

@pytest.mark.parametrize("url, status, message", [
    ("/api/events?date_from=2024-02-30", 400, "not a calendar date"),
    ("/api/events?date_from=yesterday", 400, "YYYY-MM-DD"),
    ("/api/events?date_from=2024-05-01&date_to=2024-01-01", 400, "after date_to"),
    ("/api/events?limit=-1", 422, "limit"),
    ("/api/events?limit=0", 422, "limit"),
    ("/api/events?limit=100000", 422, "limit"),
    ("/api/events?offset=-5", 422, "offset"),
    ("/api/events?offset=99999999999999999999999999", 422, "offset"),
    ("/api/events?limit=ten", 422, "valid integer"),
    ("/api/events?type=PARTY", 400, "expected one of"),
    ("/api/events?quad_class=5", 422, "quad_class"),
    ("/api/events?factuality=rumoured", 400, "factuality"),
    ("/api/events?involving=Narnia", 400, "alpha-3"),
    ("/api/events?location_country=Rusia", 400, "location_country: expected a country name or an ISO 3166 alpha-3 code"),
    ("/api/events?location_country=Rusia", 400, "did you mean Russia (RUS)?"),
    ("/api/events.csv?date_from=2024-05-01&date_to=2024-01-01", 400, "after date_to"),
    ("/api/timeline?interval=decade", 400, "expected one of: day, week, month, year"),
    ("/api/events?country=RUS", 400, "use involving for a country involved"),
    ("/api/timeline?interval=decade", 400, "interval"),
    ("/api/timeline?by=colour", 400, "by"),
    ("/api/aggregates/network?level=planet", 400, "level"),
    ("/api/claims?stance=shout", 400, "stance"),
    ("/api/claims?anonymous=maybe", 422, "anonymous"),
    ("/api/actors?type=robot", 400, "type"),
    ("/api/articles?date_to=2024-13-01", 400, "date_to"),
    ("/api/articles/no-such-article", 404, "no article"),
])
def test_bad_parameters_get_a_clear_4xx(client, url, status, message):
    r = client.get(url)
    assert r.status_code == status
    assert message in r.json()["detail"]


def test_a_huge_offset_within_bounds_is_an_empty_page(client):
    page = get(client, "/api/events?offset=10000000")
    assert page["items"] == [] and page["total"] == 12


def test_text_queries_with_search_syntax_are_taken_literally(client):
    assert get(client, "/api/events?q=%22drones%20(%2A")["total"] == 4  # '"drones (*' looks for: drones
    assert get(client, "/api/events?q=drones%20NEAR%20Tehran")["total"] == 0  # every word, NEAR included
    assert get(client, "/api/articles?q=%2A%2A%2A")["total"] == 0


# -- writing -------------------------------------------------------------------------------

def test_ingest_is_off_without_a_configured_token(client):
    r = client.post("/api/ingest", json={"text": "Some news."}, headers={"Authorization": "Bearer anything"})
    assert r.status_code == 403 and "writes are off" in r.json()["detail"]


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"}])
def test_ingest_needs_the_right_bearer_token(writer, headers):
    r = writer.post("/api/ingest", json={"text": "Some news."}, headers=headers)
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"


def test_ingest_stores_a_posted_record_once(writer):
    record = example_records()[1].to_dict()
    auth = {"Authorization": f"Bearer {TOKEN}"}
    first = writer.post("/api/ingest", json=record, headers=auth)
    assert first.status_code == 201 and first.json()["status"] == "ingested" and first.json()["events"] == 3
    again = writer.post("/api/ingest", json=record, headers=auth)
    assert again.status_code == 200 and again.json()["status"] == "duplicate"
    assert writer.get("/api/events").json()["total"] == 3


@pytest.mark.parametrize("body, content_type, status, message", [
    (b"{not json", "application/json", 400, "malformed JSON"),
    (b'{"title": "no text"}', "application/json", 422, "no article text"),
    (b'{"schema": "newsgraph.article/1", "article": {"text": "x"}}', "application/json", 422, "article.id: Field required"),
    (b"\xff\xfe", "text/plain", 400, "UTF-8"),
    (b"<p>hi</p>", "application/xml", 415, "text/plain"),
])
def test_ingest_refuses_bad_bodies(writer, body, content_type, status, message):
    r = writer.post("/api/ingest", content=body,
                    headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": content_type})
    assert r.status_code == status and message in r.json()["detail"]


@pytest.mark.slow
def test_ingest_extracts_a_posted_text(writer):
    text = ("Leaders meet in Geneva\n\nThe president of France met the German chancellor in Geneva on Monday, "
            "officials said.\n")
    r = writer.post("/api/ingest", content=text.encode(),
                    headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain"})
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["title"] == "Leaders meet in Geneva"
    stored = writer.get(f"/api/articles/{body['id']}").json()
    assert stored["article"]["text"].strip().startswith("The president of France")


def test_ingest_refuses_text_that_is_not_english_with_the_reason(writer):
    text = ("Le Canada impose de nouvelles sanctions\n\nLe Canada a imposé mardi des sanctions à six responsables "
            "du Bélarus après l'emprisonnement de militants de l'opposition, a indiqué le ministère.\n")
    r = writer.post("/api/ingest", content=text.encode(),
                    headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain"})
    assert r.status_code == 422 and "not ingested" in r.json()["detail"]
    assert writer.get("/api/articles").json()["total"] == 0


# -- the command ---------------------------------------------------------------------------

def test_serve_command_refuses_a_store_in_a_missing_folder(tmp_path):
    from typer.testing import CliRunner

    from newsgraph.cli import app

    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "no" / "such" / "dir.db")])
    assert result.exit_code == 2
    # The message may be wrapped at any width (a long temporary path): compare the words, not the lines.
    assert "does not exist" in " ".join(result.output.split())


def test_serve_command_is_listed_with_its_options():
    from typer.testing import CliRunner

    from newsgraph.cli import app

    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    assert "--port" in result.output and "--host" in result.output and "--db" in result.output


def test_aggregates_follow_new_articles(writer):
    assert writer.get("/api/aggregates/network").json()["edges"] == []
    assert writer.get("/api/meta").json()["stats"]["events"] == 0
    writer.post("/api/ingest", json=example_records()[0].to_dict(), headers={"Authorization": f"Bearer {TOKEN}"})
    assert len(writer.get("/api/aggregates/network").json()["edges"]) == 3
    assert writer.get("/api/meta").json()["stats"]["events"] == 5
    assert writer.get("/api/timeline").json()["series"] != []


def test_places_named_in_articles(client):
    places = {p["name"]: p for p in get(client, "/api/aggregates/places")["items"]}
    assert places["Odesa"]["articles"] == 1 and places["Nairobi"]["lat"] == -1.28
    assert "Black Sea" in places  # named, though no event happened there
    assert [p["name"] for p in get(client, "/api/aggregates/places?involving=KEN")["items"]] == ["Nairobi"]


def test_clusters_count_the_articles_that_tell_one_event(client):
    page = get(client, "/api/clusters?limit=50")
    events = get(client, "/api/events?limit=200")
    assert page["total"] == len(page["items"]) > 0
    # every stored event is in exactly one cluster; a cluster lists its first event
    assert sum(c["num_articles"] >= 1 for c in page["items"]) == page["total"]
    assert {e["cluster_id"] for e in events["items"]} == {c["id"] for c in page["items"]}
    sanction = get(client, "/api/clusters?type=SANCTION")["items"][0]
    assert sanction["type"] == "SANCTION" and sanction["event"]["type"] == "SANCTION"
    assert get(client, "/api/clusters?type=NOTATYPE", status=400)
