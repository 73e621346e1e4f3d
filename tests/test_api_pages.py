"""Pages of one thing in the API: an actor's page (aliases, codes over time, activity, partners, claims
made and about it) and an event cluster's page (every report, and where the tellings disagree)."""
from __future__ import annotations

import pytest

from api_client import client_over, get
from newsgraph.record import Actor, Article, Claim, Event, Record


def span(text: str, part: str, start: int = 0) -> tuple[int, int]:
    i = text.index(part, start)
    return i, i + len(part)


def meeting(n: int, text: str, *, outlet: str, published: str, factuality: str, lavrov_code: str = "RUSGOV",
            speaker: bool = False) -> Record:
    """An article telling of Sergei Lavrov (Russia) meeting Wang Yi (China), as ``factuality``; with
    ``speaker``, Lavrov says something about it (a claim he makes, resting the event on it)."""
    lavrov = [span(text, "Sergei Lavrov")] + ([span(text, "Lavrov", span(text, "Sergei Lavrov")[1])] if speaker else [])
    claims = [Claim(id="c1", speaker="a1", speaker_span=lavrov[-1], cue=span(text, "said", lavrov[-1][1]),
                    content=span(text, "the talks were useful"), stance="assert")] if speaker else []
    return Record(
        article=Article(id=f"meet{n}", text=text, title=f"Lavrov and Wang ({outlet})", url=f"https://{outlet.lower()}.example/{n}",
                        outlet=outlet, published=published),
        actors=[Actor(id="a1", name="Sergei Lavrov", type="person", country="RUS", sector="GOV", code=lavrov_code,
                      mentions=lavrov + [span(text, "he")] if " he " in text else lavrov),
                Actor(id="a2", name="Wang Yi", type="person", country="CHN", sector="GOV", code="CHNGOV",
                      mentions=[span(text, "Wang Yi")])],
        events=[Event(id="e1", type="CONSULT", cameo="040", quad_class=1, goldstein=1.0, actor="a1", recipient="a2",
                      actor_code=lavrov_code, recipient_code="CHNGOV", factuality=factuality, date=published,
                      claims=["c1"] if speaker else [], trigger=span(text, "met"), evidence=[(0, text.index(".") + 1)])],
        claims=claims,
    )


RECORDS = [
    meeting(1, "Sergei Lavrov met Wang Yi in Beijing on Tuesday. Lavrov said the talks were useful.",
            outlet="Tass", published="2024-03-05", factuality="asserted", speaker=True),
    meeting(2, "Sergei Lavrov met Wang Yi, officials were quoted as saying, though Moscow has given no details of "
               "what the two ministers discussed over dinner.", outlet="Reuters", published="2024-03-06", factuality="reported"),
    meeting(3, "The Chinese foreign ministry denied reports that Sergei Lavrov met Wang Yi this week, and he was "
               "in Shanghai at the time according to its spokeswoman.", outlet="Xinhua", published="2024-03-06",
            factuality="denied"),
    meeting(4, "Sergei Lavrov met Wang Yi again in April at a regional summit where trade, energy and transport "
               "corridors were on the agenda.", outlet="Tass", published="2024-04-20", factuality="asserted",
            lavrov_code="RUS"),
]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    with client_over(tmp_path_factory.mktemp("pages"), RECORDS) as c:
        yield c


# -- actor pages ----------------------------------------------------------------------------

def test_an_actor_page_gathers_names_codes_activity_partners_and_claims(client):
    page = get(client, "/api/actors/page/RUS/Sergei Lavrov")
    assert (page["name"], page["country"], page["events"]) == ("Sergei Lavrov", "RUS", 4)
    assert {a["text"] for a in page["aliases"]} == {"Sergei Lavrov", "Lavrov"}  # "he" is no alias
    assert page["codes_over_time"] == [{"period": "2024-03", "codes": {"RUSGOV": 3}},
                                       {"period": "2024-04", "codes": {"RUS": 1}}]
    activity = page["activity"]
    assert activity["periods"] == ["2024-03", "2024-04"] and activity["series"][0]["counts"] == [3, 1]
    assert [(p["name"], p["country"], p["events"], p["as_actor"], p["cooperation"]) for p in page["partners"]] == \
        [("Wang Yi", "CHN", 4, 4, 4)]
    assert [c["content_text"] for c in page["claims_made"]["items"]] == ["the talks were useful"]
    assert page["claims_about"]["total"] == 1


def test_an_actor_is_its_name_and_country(client):
    assert get(client, "/api/actors/page/Russia/Sergei Lavrov")["events"] == 4
    assert client.get("/api/actors/page/CHN/Sergei Lavrov").status_code == 404
    r = client.get("/api/actors/page/Atlantis/Sergei Lavrov")
    assert r.status_code == 400 and r.json()["detail"].startswith("home:")


def test_an_actor_is_found_by_code_or_by_its_name_in_any_case(client):
    assert get(client, "/api/actors/page?code=chngov")["name"] == "Wang Yi"
    by_name = get(client, "/api/actors/page?name=wang yi")
    assert (by_name["name"], by_name["country"]) == ("Wang Yi", "CHN")


def test_the_event_filters_apply_to_an_actors_events(client):
    page = get(client, "/api/actors/page?name=Sergei Lavrov&factuality=asserted,reported&date_to=2024-03-31")
    assert page["events"] == 2
    assert page["partners"][0]["events"] == 2


@pytest.mark.parametrize("query, status, says", [
    ("", 400, "name"),
    ("name=Nobody", 404, "no actor"),
    
    ("name=Sergei Lavrov&interval=decade", 400, "interval"),
    ("name=Sergei Lavrov&date_from=2024-05-01&date_to=2024-01-01", 400, "date_from"),
])
def test_a_bad_actor_page_request_is_explained(client, query, status, says):
    r = client.get(f"/api/actors/page?{query}")
    assert r.status_code == status and says in r.json()["detail"]


# -- cluster pages --------------------------------------------------------------------------

def cluster_of(client, article_id: str) -> int:
    events = get(client, f"/api/events?article={article_id}")["items"]
    return events[0]["cluster_id"]


def test_a_cluster_page_lists_every_report_and_says_where_they_disagree(client):
    page = get(client, f"/api/clusters/{cluster_of(client, 'meet1')}")
    told = [(r["article_outlet"], r["article_published"], r["factuality"]) for r in page["reports"]]
    assert told == [("Tass", "2024-03-05", "asserted"), ("Reuters", "2024-03-06", "reported"),
                    ("Xinhua", "2024-03-06", "denied")]
    assert all(r["article_title"] and r["article_url"] for r in page["reports"])
    assert page["disagreement"]["denied"] == ["meet3/e1"]
    assert len(page["disagreement"]["happened"]) == 2 and "disagree" in page["disagreement"]["note"]


def test_a_cluster_whose_reports_agree_has_no_disagreement(client):
    page = get(client, f"/api/clusters/{cluster_of(client, 'meet4')}")
    assert len(page["reports"]) == 1 and page["disagreement"] is None


@pytest.mark.parametrize("cluster_id, status", [("999999", 404), ("0", 422), ("abc", 422), ("99999999999999999999999", 422)])
def test_an_unknown_cluster_is_a_clear_error(client, cluster_id, status):
    r = client.get(f"/api/clusters/{cluster_id}")
    assert r.status_code == status and r.json()["detail"]
