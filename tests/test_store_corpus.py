"""At ingest, near copies are linked to their original and events of one real-world event
told by several articles share one cluster (on SQLite and PostgreSQL)."""
from __future__ import annotations

import pytest

from newsgraph.record import Actor, Article, Event, Record
from test_store_backends import store, store_url  # noqa: F401  (fixtures)

BODY = [
    "The foreign ministers of Kenya and Ethiopia met in Nairobi on Monday to discuss the drought that has "
    "left millions of herders without water across the Horn of Africa.",
    "Officials said the two governments agreed to open a joint water-sharing commission and to ask donors "
    "for emergency grain deliveries before the rainy season ends in late spring.",
    "A spokeswoman for the Ethiopian foreign ministry said the talks were frank and useful, and that a second "
    "round would be held in Addis Ababa next month if the commission makes progress.",
]


def article_record(aid: str, text: str, outlet: str, published: str = "2024-03-11", url: str | None = None,
                   actor: str = "KEN", recipient: str = "ETH", type_: str = "CONSULT") -> Record:
    return Record(
        article=Article(id=aid, text=text, title=f"story {aid}", url=url or f"https://{outlet}.example/{aid}",
                        outlet=outlet, published=published),
        actors=[Actor(id="a1", name=actor, type="country", country=actor, code=actor + "GOV", mentions=[(4, 10)]),
                Actor(id="a2", name=recipient, type="country", country=recipient, code=recipient + "GOV", mentions=[(15, 22)])],
        events=[Event(id="e1", type=type_, cameo={"CONSULT": "040", "ACCUSE": "112"}[type_], actor="a1", recipient="a2",
                      evidence=[(0, 40), (60, 90)], trigger=(30, 33))],
    )


def clusters(store):
    from sqlalchemy import select

    from newsgraph.store import schema as S

    with store.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(select(S.event_clusters).order_by(S.event_clusters.c.id))]


def test_a_near_copy_is_linked_and_adds_no_cluster(store):
    original = "\n\n".join(BODY)
    copy = "\n\n".join([BODY[2], BODY[0], BODY[1]]) + "\n\nShare this story. Subscribe to our newsletter."
    assert store.add(article_record("a", original, "wire")) == "ingested"
    assert store.add(article_record("b", copy, "syndicator")) == "ingested"
    assert store.record("b").article.metadata["duplicate_of"] == "a"
    (cluster,) = clusters(store)
    assert (cluster["num_articles"], cluster["num_sources"], cluster["num_mentions"]) == (1, 1, 2)
    stats = store.stats()
    assert (stats["near_duplicates"], stats["event_clusters"]) == (1, 1)


def test_reports_of_one_event_by_several_outlets_form_one_cluster(store):
    store.add(article_record("a", "Kenya and Ethiopia held talks on water in Nairobi, officials said.", "wire-a"))
    store.add(article_record("b", "Ethiopia's foreign minister met his Kenyan counterpart about the drought.", "wire-b",
                             published="2024-03-12", actor="ETH", recipient="KEN"))  # symmetric: either order
    store.add(article_record("c", "Talks between Nairobi and Addis Ababa on the drought went on for a second day.",
                             "wire-a", published="2024-03-13"))
    store.add(article_record("d", "Kenyan and Ethiopian ministers met again after a month of drought.", "wire-c",
                             published="2024-04-20"))  # outside the window: another meeting
    store.add(article_record("e", "Kenya accused Ethiopia of diverting the river upstream of the border.", "wire-c",
                             type_="ACCUSE"))
    got = [(c["type"], c["num_articles"], c["num_sources"], c["first_reported"]) for c in clusters(store)]
    assert got == [("CONSULT", 3, 2, "2024-03-11"), ("CONSULT", 1, 1, "2024-04-20"), ("ACCUSE", 1, 1, "2024-03-11")]


def test_deleting_an_article_updates_its_clusters(store):
    store.add(article_record("a", "Kenya and Ethiopia held talks on water in Nairobi, officials said.", "wire-a"))
    store.add(article_record("b", "Ethiopia's foreign minister met his Kenyan counterpart about the drought.", "wire-b"))
    assert store.delete("b")
    (cluster,) = clusters(store)
    assert (cluster["num_articles"], cluster["num_sources"]) == (1, 1)
    assert store.delete("a")
    assert clusters(store) == []


@pytest.mark.parametrize("threshold, linked", [(0.8, True), (1.0, False)])
def test_the_threshold_is_a_setting(tmp_path, threshold, linked):
    from newsgraph.store import open_store

    original = "\n\n".join(BODY)
    edited = original.replace("frank and useful", "frank, long and useful")
    with open_store(tmp_path / "t.db", dedup_threshold=threshold) as s:
        s.add(article_record("a", original, "wire"))
        s.add(article_record("b", edited, "other"))
        assert ("duplicate_of" in (s.record("b").article.metadata or {})) is linked


def test_exports_carry_cluster_counts_and_can_give_one_row_per_cluster(store):
    import io

    from newsgraph.store.export import GDELT_COLUMNS, export

    store.add(article_record("a", "Kenya and Ethiopia held talks on water in Nairobi, officials said.", "wire-a"))
    store.add(article_record("b", "Ethiopia's foreign minister met his Kenyan counterpart about the drought.", "wire-b"))
    store.add(article_record("c", "Kenya accused Ethiopia of diverting the river upstream of the border.", "wire-c",
                             type_="ACCUSE"))

    def gdelt(**kw):
        out = io.BytesIO()
        export(store, "gdelt", out, **kw)
        lines = out.getvalue().decode().splitlines()
        return [dict(zip(GDELT_COLUMNS, ln.split("\t"))) for ln in lines[1:]]

    every = gdelt()
    assert [(r["EventRootCode"], r["NumArticles"], r["NumSources"]) for r in every] == [
        ("04", "2", "2"), ("04", "2", "2"), ("11", "1", "1")]
    per_cluster = gdelt(clusters=True)
    assert [(r["EventRootCode"], r["NumArticles"], r["NumMentions"]) for r in per_cluster] == [("04", "2", "4"), ("11", "1", "2")]
