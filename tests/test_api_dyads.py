"""Dyads and series in the API: the dyad matrix counts what the events endpoint lists for the same
filters, series run over every period of the range, and Goldstein sums add up the events' scores."""
from __future__ import annotations

import pytest
from test_api_workbench import client, get  # noqa: F401  (shared: the example store, with a story of 2004)

HAPPENED = "asserted,reported"


def events_of(client, query):
    return get(client, f"/api/events?{query}&limit=1000")


def test_each_country_cell_counts_the_events_listed_for_that_dyad(client):
    matrix = get(client, "/api/aggregates/dyads?level=country")
    assert matrix["factuality"] == HAPPENED  # what happened, unless asked otherwise
    assert matrix["cells"]
    for cell in matrix["cells"]:
        listed = events_of(client, f"actor_country={cell['actor']}&recipient_country={cell['recipient']}&factuality={HAPPENED}")
        assert cell["count"] == listed["total"]
        scores = [e["goldstein"] for e in listed["items"] if e["goldstein"] is not None]
        assert cell["goldstein_sum"] == pytest.approx(sum(scores))
        assert cell["goldstein_mean"] == pytest.approx(sum(scores) / len(scores))


def test_every_event_filter_applies_to_the_matrix(client):
    everything = get(client, "/api/aggregates/dyads?factuality=asserted,reported,planned,hypothetical,negated,denied")
    conflict = get(client, "/api/aggregates/dyads?quad_class=4&factuality=asserted,reported,planned,hypothetical,negated,denied")
    assert everything["total"] >= get(client, "/api/aggregates/dyads")["total"]
    assert conflict["total"] == sum(c["count"] for c in conflict["cells"]) < everything["total"]


def test_the_code_matrix_has_codes_on_both_axes(client):
    matrix = get(client, "/api/aggregates/dyads?level=code")
    cell = matrix["cells"][0]
    assert {cell["actor"], cell["recipient"]} <= {k["key"] for k in matrix["rows"] + matrix["columns"]}
    listed = events_of(client, f"factuality={HAPPENED}")["items"]
    assert cell["count"] == sum(1 for e in listed if (e["actor"] or {}).get("code") == cell["actor"]
                                and (e["recipient"] or {}).get("code") == cell["recipient"])


def test_a_dyad_series_counts_every_day_of_the_range(client):
    s = get(client, "/api/series?actor_country=RUS&recipient_country=UKR&interval=day&date_from=2024-03-01&date_to=2024-03-10")
    assert s["periods"] == [f"2024-03-{d:02d}" for d in range(1, 11)]  # empty days too
    listed = events_of(client, f"actor_country=RUS&recipient_country=UKR&factuality={HAPPENED}&date_from=2024-03-01&date_to=2024-03-10")
    assert sum(s["counts"]) == listed["total"] >= 1
    assert sum(s["goldstein"]["sum"]) == pytest.approx(sum(e["goldstein"] or 0 for e in listed["items"]))
    empty_days = [i for i, n in enumerate(s["counts"]) if n == 0]
    assert all(s["goldstein"]["mean"][i] is None and s["goldstein"]["sum"][i] == 0 for i in empty_days)


def test_source_and_target_pick_the_sides_of_a_dyad(client):
    forward = get(client, "/api/series?source=RUS&target=UKR")
    backward = get(client, "/api/series?source=UKR&target=RUS")
    either = get(client, "/api/series?actor=RUS")  # an actor on either side
    assert sum(forward["counts"]) >= 1
    assert sum(forward["counts"]) + sum(backward["counts"]) <= sum(either["counts"])


@pytest.mark.parametrize("query", ["actor=rus", "involving=Kenya", "type=ASSAULT&by=type", "factuality=planned"])
def test_series_totals_match_the_events_endpoint(client, query):
    s = get(client, f"/api/series?{query}")
    factuality = "" if "factuality" in query else f"&factuality={HAPPENED}"
    assert sum(s["counts"]) + s["undated"] == events_of(client, query + factuality)["total"]
    assert sum(sum(x["counts"]) for x in s["series"]) == sum(s["counts"])


@pytest.mark.parametrize("url, name", [
    ("/api/aggregates/dyads?level=planet", "level"),
    ("/api/aggregates/dyads?factuality=maybe", "factuality"),
    ("/api/series?interval=decade", "interval"),
    ("/api/series?by=factuality", "by"),
    ("/api/series?date_from=2024-05-01&date_to=2024-01-01", "date_from"),
    ("/api/series?actor_country=Atlantis", "actor_country"),
])
def test_bad_values_are_refused_naming_the_parameter(client, url, name):
    r = client.get(url)
    assert r.status_code == 400
    assert r.json()["detail"].startswith(f"{name}: ")


@pytest.mark.parametrize("level", ["identity", "code", "country"])
def test_the_network_has_three_levels(client, level):
    net = get(client, f"/api/aggregates/network?level={level}")
    assert net["level"] == level and net["edges"]
    ids = {n["id"] for n in net["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in net["edges"])
    if level == "country":
        assert {"UKR", "RUS"} <= ids
        assert next(n["name"] for n in net["nodes"] if n["id"] == "UKR") == "Ukraine"
