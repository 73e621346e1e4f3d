"""Hand-built article records for trying the API and dashboard without running the pipeline.

The tests fill a temporary store with these; ``example_records()`` is also handy in a
shell (``store.add_many(example_records())``). The stories are invented; offsets are
found in the text, so the records are exact under the contract.
"""
from __future__ import annotations

from typing import Any

from newsgraph.record import Actor, Article, Claim, Event, Place, Record, Removed, Timex


def _at(text: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def _build(spec: dict[str, Any]) -> Record:
    text = spec["text"]
    art = Article(id=spec["id"], text=text, title=spec["title"], url=spec.get("url"), outlet=spec.get("outlet"),
                  published=spec["published"], removed=[Removed(t, r) for t, r in spec.get("removed", [])])
    actors = [Actor(id=a[0], name=a[1], type=a[2], country=a[3], sector=a[4], code=a[5],
                    mentions=[_at(text, p) for p in a[6]]) for a in spec["actors"]]
    codes = {a.id: a.code for a in actors}
    events = []
    for i, ev in enumerate(spec["events"], 1):
        loc = ev.get("location")
        events.append(Event(
            id=f"e{i}", type=ev["type"], cameo=ev["cameo"], quad_class=ev["quad"], goldstein=ev.get("goldstein"),
            actor=ev.get("actor"), recipient=ev.get("recipient"), actor_code=codes.get(ev.get("actor")),
            recipient_code=codes.get(ev.get("recipient")), factuality=ev.get("factuality", "asserted"),
            claims=ev.get("claims", []), date=ev.get("date", spec["published"]), date_text=ev.get("date_text"),
            location=dict(zip(("name", "country", "lat", "lon"), loc)) if loc else None,
            evidence=[_at(text, ev["evidence"])], trigger=_at(text, ev["trigger"]), confidence=0.8))
    claims = [Claim(id=c["id"], speaker=c.get("speaker"), speaker_span=_at(text, c["source"]) if c.get("source") else None,
                    cue=_at(text, c["cue"]), content=_at(text, c["content"]), direct=c.get("direct", False),
                    anonymous=c.get("anonymous", False), stance=c.get("stance", "assert"), via=c.get("via"))
              for c in spec.get("claims", [])]
    timexes = [Timex(span=_at(text, t), text=t, value=v) for t, v in spec.get("timexes", [])]
    places = [Place(span=_at(text, p[0]), name=p[1], country=p[2], lat=p[3], lon=p[4]) for p in spec.get("places", [])]
    return Record(article=art, actors=actors, events=events, claims=claims, timexes=timexes, places=places)


_STORIES: list[dict[str, Any]] = [
    {
        "id": "example-grain-talks", "published": "2024-03-05", "outlet": "Example Wire",
        "url": "https://example.org/news/grain-talks",
        "title": "Turkey and Ukraine agree to resume grain shipments after Ankara talks",
        "text": ("Turkish Foreign Minister Hakan Fidan met his Ukrainian counterpart Dmytro Kuleba in Ankara on Tuesday. "
                 "The two ministers agreed to resume grain shipments across the Black Sea, officials said. "
                 "Russia warned that it would treat cargo ships as military targets, according to the TASS news agency, "
                 "which cited a Russian defence ministry statement. "
                 "Ukraine accused Russia of shelling the port of Odesa last week. "
                 "The Kremlin denied that its forces had shelled the port. "
                 "\"We will keep the corridor open,\" Kuleba said."),
        "removed": [("Subscribe to our newsletter", "boilerplate"), ("Photo: Reuters", "caption")],
        "actors": [
            ("a1", "Hakan Fidan", "person", "TUR", "GOV", "TURGOV", ["Turkish Foreign Minister Hakan Fidan"]),
            ("a2", "Dmytro Kuleba", "person", "UKR", "GOV", "UKRGOV", ["Dmytro Kuleba", "Kuleba said"]),
            ("a3", "Russia", "country", "RUS", None, "RUS", ["Russia warned", "accused Russia"]),
            ("a4", "Ukraine", "country", "UKR", None, "UKR", ["Ukraine accused"]),
            ("a5", "Kremlin", "organization", "RUS", "GOV", "RUSGOV", ["The Kremlin"]),
            ("a6", "TASS", "organization", "RUS", "MED", "RUSMED", ["the TASS news agency"]),
        ],
        "events": [
            {"type": "CONSULT", "cameo": "043", "quad": 1, "goldstein": 2.8, "actor": "a1", "recipient": "a2",
             "trigger": "met", "evidence": "Turkish Foreign Minister Hakan Fidan met his Ukrainian counterpart Dmytro Kuleba in Ankara on Tuesday.",
             "date_text": "on Tuesday", "location": ("Ankara", "TUR", 39.92, 32.85)},
            {"type": "AGREE", "cameo": "057", "quad": 1, "goldstein": 8.0, "actor": "a1", "recipient": "a2",
             "trigger": "agreed", "evidence": "The two ministers agreed to resume grain shipments across the Black Sea, officials said.",
             "factuality": "reported", "claims": ["c1"], "location": ("Ankara", "TUR", 39.92, 32.85)},
            {"type": "THREATEN", "cameo": "138", "quad": 3, "goldstein": -7.0, "actor": "a3", "recipient": "a4",
             "trigger": "warned", "evidence": "Russia warned that it would treat cargo ships as military targets",
             "factuality": "reported", "claims": ["c2"], "location": ("Odesa", "UKR", 46.48, 30.73)},
            {"type": "ACCUSE", "cameo": "112", "quad": 3, "goldstein": -2.0, "actor": "a4", "recipient": "a3",
             "trigger": "accused", "evidence": "Ukraine accused Russia of shelling the port of Odesa last week.",
             "location": ("Odesa", "UKR", 46.48, 30.73)},
            {"type": "ASSAULT", "cameo": "195", "quad": 4, "goldstein": -10.0, "actor": "a3", "recipient": "a4",
             "trigger": "shelling", "evidence": "Ukraine accused Russia of shelling the port of Odesa last week.",
             "factuality": "denied", "claims": ["c3", "c4"], "date": "2024-W09", "date_text": "last week",
             "location": ("Odesa", "UKR", 46.48, 30.73)},
        ],
        "claims": [
            {"id": "c1", "speaker": None, "source": "officials", "cue": "said", "anonymous": True,
             "content": "The two ministers agreed to resume grain shipments across the Black Sea"},
            {"id": "c2", "speaker": "a6", "source": "the TASS news agency", "cue": "according to",
             "content": "Russia warned that it would treat cargo ships as military targets", "via": "c5"},
            {"id": "c3", "speaker": "a4", "source": "Ukraine", "cue": "accused",
             "content": "Russia of shelling the port of Odesa last week"},
            {"id": "c4", "speaker": "a5", "source": "The Kremlin", "cue": "denied", "stance": "deny",
             "content": "that its forces had shelled the port"},
            {"id": "c5", "speaker": None, "source": "a Russian defence ministry statement", "cue": "cited",
             "content": "Russia warned that it would treat cargo ships as military targets"},
            {"id": "c6", "speaker": "a2", "source": "Kuleba", "cue": "said", "direct": True, "stance": "promise",
             "content": "We will keep the corridor open,"},
        ],
        "timexes": [("on Tuesday", "2024-03-05"), ("last week", "2024-W09")],
        "places": [("Ankara", "Ankara", "TUR", 39.92, 32.85), ("Odesa", "Odesa", "UKR", 46.48, 30.73),
                   ("Black Sea", "Black Sea", None, 43.0, 34.0)],
    },
    {
        "id": "example-nairobi-protest", "published": "2024-04-18", "outlet": "Example Daily",
        "title": "Police fire tear gas at protesters in Nairobi",
        "text": ("Police fired tear gas at thousands of protesters in Nairobi on Thursday, witnesses said. "
                 "Opposition leader Amina Odhiambo demanded that the government withdraw the new tax law. "
                 "A senior police official, who spoke on condition of anonymity, said officers had acted in self-defence. "
                 "The European Union called on Kenya to respect the right to protest."),
        "actors": [
            ("a1", "Kenya Police", "organization", "KEN", "COP", "KENCOP", ["Police fired", "A senior police official"]),
            ("a2", "protesters", "group", "KEN", "CVL", "KENCVL", ["protesters"]),
            ("a3", "Amina Odhiambo", "person", "KEN", "OPP", "KENOPP", ["Opposition leader Amina Odhiambo"]),
            ("a4", "Kenya", "country", "KEN", "GOV", "KENGOV", ["the government", "Kenya to"]),
            ("a5", "European Union", "organization", "IGO", "IGO", "IGOEEC", ["The European Union"]),
        ],
        "events": [
            {"type": "ASSAULT", "cameo": "180", "quad": 4, "goldstein": -9.0, "actor": "a1", "recipient": "a2",
             "trigger": "fired tear gas", "evidence": "Police fired tear gas at thousands of protesters in Nairobi on Thursday, witnesses said.",
             "factuality": "reported", "claims": ["c1"], "location": ("Nairobi", "KEN", -1.28, 36.82), "date_text": "on Thursday"},
            {"type": "REQUEST", "cameo": "1041", "quad": 3, "goldstein": -5.0, "actor": "a3", "recipient": "a4",
             "trigger": "demanded", "evidence": "Opposition leader Amina Odhiambo demanded that the government withdraw the new tax law.",
             "location": ("Nairobi", "KEN", -1.28, 36.82)},
            {"type": "REQUEST", "cameo": "020", "quad": 1, "goldstein": 3.0, "actor": "a5", "recipient": "a4",
             "trigger": "called on", "evidence": "The European Union called on Kenya to respect the right to protest."},
        ],
        "claims": [
            {"id": "c1", "speaker": None, "source": "witnesses", "cue": "said", "anonymous": True,
             "content": "Police fired tear gas at thousands of protesters in Nairobi on Thursday"},
            {"id": "c2", "speaker": "a1", "source": "A senior police official, who spoke on condition of anonymity",
             "cue": "said", "anonymous": True, "content": "officers had acted in self-defence"},
        ],
        "timexes": [("on Thursday", "2024-04-18")],
        "places": [("Nairobi", "Nairobi", "KEN", -1.28, 36.82)],
    },
    {
        "id": "example-sanctions", "published": "2024-05-02", "outlet": "Example Wire",
        "title": "EU imposes new sanctions on Iranian drone makers",
        "text": ("The European Union imposed sanctions on six Iranian companies accused of supplying drones, "
                 "the bloc said in Brussels on Thursday. Iran's foreign ministry accused the EU of hypocrisy "
                 "and said Tehran may respond. Germany and France pledged to send more air defence systems to Ukraine."),
        "actors": [
            ("a1", "European Union", "organization", "IGO", "IGO", "IGOEEC", ["The European Union", "the EU", "the bloc"]),
            ("a2", "Iran", "country", "IRN", "GOV", "IRNGOV", ["six Iranian companies", "Iran's foreign ministry", "Tehran"]),
            ("a3", "Germany", "country", "DEU", "GOV", "DEUGOV", ["Germany"]),
            ("a4", "Ukraine", "country", "UKR", None, "UKR", ["Ukraine."]),
        ],
        "events": [
            {"type": "SANCTION", "cameo": "163", "quad": 4, "goldstein": -8.0, "actor": "a1", "recipient": "a2",
             "trigger": "imposed sanctions", "evidence": "The European Union imposed sanctions on six Iranian companies accused of supplying drones,",
             "location": ("Brussels", "BEL", 50.85, 4.35), "date_text": "on Thursday"},
            {"type": "ACCUSE", "cameo": "112", "quad": 3, "goldstein": -2.0, "actor": "a2", "recipient": "a1",
             "trigger": "accused", "evidence": "Iran's foreign ministry accused the EU of hypocrisy",
             "location": ("Tehran", "IRN", 35.69, 51.39)},
            {"type": "THREATEN", "cameo": "130", "quad": 3, "goldstein": -4.4, "actor": "a2", "recipient": "a1",
             "trigger": "respond", "evidence": "and said Tehran may respond.", "factuality": "hypothetical", "claims": ["c1"]},
            {"type": "AID", "cameo": "074", "quad": 2, "goldstein": 7.4, "actor": "a3", "recipient": "a4",
             "trigger": "pledged to send", "evidence": "Germany and France pledged to send more air defence systems to Ukraine.",
             "factuality": "planned", "location": ("Kyiv", "UKR", 50.45, 30.52)},
        ],
        "claims": [
            {"id": "c1", "speaker": "a2", "source": "Iran's foreign ministry", "cue": "said", "stance": "warn",
             "content": "Tehran may respond"},
        ],
        "timexes": [("on Thursday", "2024-05-02")],
        "places": [("Brussels", "Brussels", "BEL", 50.85, 4.35)],
    },
]


def example_records() -> list[Record]:
    """Three small invented articles, with events of every quad class, claims, chains and a denial."""
    return [_build(spec) for spec in _STORIES]
