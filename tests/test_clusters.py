"""Events that tell the same real-world event join one cluster with GDELT-style counts."""
from newsgraph.corpus.clusters import Clusterer, EventFacts


def ev(key, article, type_="CONSULT", a="PRK", r="RUS", day="2023-09-12", loc=None, outlet=None, mentions=1):
    return EventFacts(key=key, article_id=article, type=type_, actor_country=a, recipient_country=r, day=day,
                      location_country=loc, outlet=outlet, published=day, mentions=mentions)


def test_same_event_from_three_outlets_is_one_cluster():
    c = Clusterer(window_days=3)
    first = c.assign(ev("x:e1", "x", outlet="Wire A", mentions=3))
    assert c.assign(ev("y:e1", "y", a="RUS", r="PRK", day="2023-09-13", outlet="Wire B")) is first  # symmetric
    assert c.assign(ev("z:e4", "z", day="2023-09-12", loc="RUS", outlet="Wire A")) is first
    s = first.summary()
    assert (s["num_articles"], s["num_sources"], s["num_mentions"]) == (3, 2, 5)
    assert s["first_reported"] == "2023-09-12"


def test_different_type_country_window_or_place_make_new_clusters():
    c = Clusterer(window_days=3)
    base = c.assign(ev("a:e1", "a", loc="RUS"))
    assert c.assign(ev("b:e1", "b", type_="THREATEN")) is not base
    assert c.assign(ev("c:e1", "c", r="CHN")) is not base
    assert c.assign(ev("d:e1", "d", day="2023-09-20")) is not base
    assert c.assign(ev("e:e1", "e", loc="PRK")) is not base
    assert len(c.clusters) == 5


def test_direction_matters_for_directed_types():
    c = Clusterer()
    assert c.assign(ev("a:e1", "a", type_="ASSAULT", a="RUS", r="UKR")) is not c.assign(
        ev("b:e1", "b", type_="ASSAULT", a="UKR", r="RUS"))


def test_undated_events_cluster_only_with_undated():
    c = Clusterer()
    undated = c.assign(ev("a:e1", "a", day=None))
    assert c.assign(ev("b:e1", "b", day=None)) is undated
    assert c.assign(ev("c:e1", "c")) is not undated
