"""The article record round-trips through its JSON form, as the contract promises."""
from newsgraph.record import SCHEMA, Actor, Article, Claim, Event, Record


def test_record_round_trips_through_json_form():
    rec = Record(
        article=Article(id="x", text="Russia warned Ukraine.", title="T", published="2023-09-12"),
        actors=[Actor(id="a1", name="Russia", type="country", country="RUS", mentions=[(0, 6)])],
        events=[Event(id="e1", type="THREATEN", actor="a1", evidence=[(0, 22)], trigger=(7, 13))],
        claims=[Claim(id="c1", speaker=None, speaker_span=None, cue=(7, 13), content=(14, 21))],
    )
    d = rec.to_dict()
    assert d["schema"] == SCHEMA
    assert d["events"][0]["trigger"] == [7, 13]
    assert Record.from_dict(d).to_dict() == d


def test_actor_at_finds_the_overlapping_mention():
    rec = Record(article=Article(id="x", text="Russia and China"),
                 actors=[Actor(id="a1", name="Russia", type="country", mentions=[(0, 6)]),
                         Actor(id="a2", name="China", type="country", mentions=[(11, 16)])])
    assert rec.actor_at(11, 16).id == "a2"
    assert rec.actor_at(6, 11) is None
