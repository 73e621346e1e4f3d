"""Store benchmark: 1,000,000 synthetic events, then the dashboard's queries, timed.

    .venv/bin/python benchmarks/store_bench.py                       # SQLite in a temp folder
    .venv/bin/python benchmarks/store_bench.py --db /tmp/bench.db --keep
    .venv/bin/python benchmarks/store_bench.py --db postgresql://postgres@127.0.0.1:55432/bench
    .venv/bin/python benchmarks/store_bench.py --db /tmp/bench.db --reuse  # time queries on an existing bench store

It loads the store through the real schema (``open_store``) with a bulk path (indexes
dropped during the load and rebuilt after; COPY on PostgreSQL), then runs each query
``--runs`` times with fresh random parameters and prints p50 / p95 / max in milliseconds.
The target (issue 8) is p95 < 100 ms for every query marked "target". Results and the
command line go to README-store.md by hand; ``--json FILE`` saves them.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import text

from newsgraph.store import open_store
from newsgraph.store import query as Q
from newsgraph.store import schema as S

PLOVER = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
          "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
# Rough shares in news: talk is common, force rarer.
TYPE_WEIGHTS = [6, 14, 8, 2, 8, 4, 1, 6, 9, 6, 5, 7, 4, 3, 6, 10]
QUAD = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 2, "COOPERATE": 2, "AID": 2, "RETREAT": 2, "REQUEST": 1,
        "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "PROTEST": 3, "SANCTION": 3, "MOBILIZE": 4, "COERCE": 4,
        "ASSAULT": 4}
CAMEO = {"AGREE": "030", "CONSULT": "040", "SUPPORT": "051", "CONCEDE": "080", "COOPERATE": "061", "AID": "070",
         "RETREAT": "087", "REQUEST": "020", "ACCUSE": "112", "REJECT": "120", "THREATEN": "130", "PROTEST": "140",
         "SANCTION": "163", "MOBILIZE": "150", "COERCE": "170", "ASSAULT": "190"}
FACTUALITY = ["asserted", "reported", "planned", "hypothetical", "negated", "denied"]
FACT_WEIGHTS = [50, 35, 8, 4, 2, 1]
SECTORS = ["GOV", "MIL", "LEG", "JUD", "COP", "OPP", "REB", "CVL", "MED", "BUS"]
SYL = ["ka", "ro", "mi", "tan", "vel", "su", "dor", "an", "li", "ber", "zo", "ne", "gar", "is", "ul", "pe", "shi", "mo"]
TOPIC_WORDS = ["sanctions", "ceasefire", "election", "talks", "summit", "missile", "protest", "border", "trade",
               "refugees", "minister", "troops", "embassy", "treaty", "drone", "aid", "court", "parliament"]


def word(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(SYL) for _ in range(n))


def build_pools(rng: random.Random):
    countries = sorted({word(rng, 2)[:3].upper().ljust(3, "X") for _ in range(400)})[:90]
    actors = []
    for i in range(4000):
        c = rng.choice(countries)
        sector = rng.choice(SECTORS)
        actors.append((f"{word(rng, 2).title()} {word(rng, 3).title()}", f"{c}{sector}", c, sector))
    places = [(word(rng, 3).title(), rng.choice(countries), rng.uniform(-60, 70), rng.uniform(-180, 180))
              for _ in range(3000)]
    vocab = [word(rng, rng.randint(2, 4)) for _ in range(6000)] + TOPIC_WORDS * 20
    speakers = [a[0] for a in actors[:3000]] + [f"an official of {word(rng, 2).title()}" for _ in range(2000)]
    return countries, actors, places, vocab, speakers


class Weighted:
    """Draws from ``items`` by weight, in bulk (one ``random.choices`` call per 50,000 draws)."""

    def __init__(self, rng: random.Random, items: list, weights: list[float]):
        self.rng, self.items = rng, items
        total, cum = 0.0, []
        for w in weights:
            total += w
            cum.append(total)
        self.cum = cum
        self.buffer: list = []

    def __call__(self, k: int | None = None):
        if len(self.buffer) < (k or 1):  # draw in bulk: one call per 50,000 values
            self.buffer += self.rng.choices(self.items, cum_weights=self.cum, k=50_000 + (k or 0))
        if k is None:
            return self.buffer.pop()
        out = self.buffer[-k:]
        del self.buffer[-k:]
        return out


def Zipf(rng: random.Random, items: list, s: float = 1.0) -> Weighted:
    """Probability ~ 1 / rank**s: a few very frequent items and a long tail, like names and words in news."""
    return Weighted(rng, items, [1 / r ** s for r in range(1, len(items) + 1)])


def generate(n_events: int, n_articles: int, seed: int, chunk: int = 10_000):
    """Chunks of rows (articles, actors, events, claims: plain tuples in column order),
    ``chunk`` articles at a time, so a million events never sit in memory at once."""
    rng = random.Random(seed)
    countries, actors, places, vocab, speakers = build_pools(rng)
    rng.shuffle(vocab)
    pick_word, pick_actor = Zipf(rng, vocab, 1.0), Zipf(rng, actors, 0.9)
    pick_place, pick_speaker = Zipf(rng, places, 0.9), Zipf(rng, speakers, 0.9)
    pick_type, pick_fact = Weighted(rng, PLOVER, TYPE_WEIGHTS), Weighted(rng, FACTUALITY, FACT_WEIGHTS)
    start = date(2020, 1, 1)
    span_days = 5 * 365
    now = "2026-01-01T00:00:00+00:00"
    articles, actor_rows, event_rows, claim_rows = [], [], [], []
    per_article = n_events / n_articles
    ev_pk = 0
    for i in range(n_articles):
        if i and i % chunk == 0:
            yield articles, actor_rows, event_rows, claim_rows
            articles, actor_rows, event_rows, claim_rows = [], [], [], []
        aid = f"bench-{i:07d}"
        day = start + timedelta(days=rng.randrange(span_days))
        words = pick_word(rng.randint(40, 90))
        text_ = " ".join(words).capitalize() + "."
        title = " ".join(words[:7]).capitalize()
        n_ev = int(per_article) + (1 if rng.random() < per_article - int(per_article) else 0)
        articles.append((i + 1, aid, f"https://bench.example/{i}", f"Outlet {i % 40}", title, day.isoformat(), "en",
                         text_, "[]", f"{i:040x}", f"bench:{i}", now, "{}", n_ev, 2, 3))
        a1, a2 = pick_actor(), pick_actor()
        actor_rows.append((aid, "a1", a1[0], "person", a1[2], a1[3], a1[1], None, "[[0, 5]]"))
        actor_rows.append((aid, "a2", a2[0], "person", a2[2], a2[3], a2[1], None, "[[10, 15]]"))
        for k in range(3):
            sp = pick_speaker()
            claim_rows.append((aid, f"c{k + 1}", "a1" if sp == a1[0] else None, sp, sp, "[0, 5]", "[6, 10]", None,
                               "said", "[11, 60]", " ".join(words[5:15]), k == 0, sp.startswith("an official"),
                               "deny" if rng.random() < 0.05 else "assert", None, day.isoformat()))
        for k in range(n_ev):
            ev_pk += 1
            etype = pick_type()
            x, y = pick_actor(), pick_actor()
            pl = pick_place()
            eday = (day - timedelta(days=rng.randrange(3))).isoformat()
            event_rows.append((
                ev_pk, aid, f"e{k + 1}", etype, None, '["diplomatic"]', CAMEO[etype], QUAD[etype],
                round(rng.uniform(-10, 10), 1), "a1", x[0], x[1], x[2], "a2", y[0], y[1], y[2], "[]",
                pick_fact(), eday, None, eday, pl[0], pl[1], round(pl[2], 3),
                round(pl[3], 3), json.dumps({"name": pl[0], "country": pl[1], "lat": round(pl[2], 3), "lon": round(pl[3], 3)}),
                "[[0, 80]]", "[5, 10]", round(rng.random(), 2)))
    yield articles, actor_rows, event_rows, claim_rows


ARTICLE_COLS = ["pk", "id", "url", "outlet", "title", "published", "language", "text", "removed", "text_hash", "source",
                "ingested_at", "metadata", "n_events", "n_actors", "n_claims"]
ACTOR_COLS = ["article_id", "actor_id", "name", "type", "country", "sector", "code", "title", "mentions"]
EVENT_COLS = ["pk", "article_id", "event_id", "type", "mode", "context", "cameo", "quad_class", "goldstein",
              "actor_id", "actor_name", "actor_code", "actor_country", "recipient_id", "recipient_name",
              "recipient_code", "recipient_country", "actors_extra", "factuality", "date", "date_text", "day",
              "location_name", "location_country", "lat", "lon", "location", "evidence", "trigger", "confidence"]
CLAIM_COLS = ["article_id", "claim_id", "speaker_id", "speaker", "speaker_text", "speaker_span", "cue", "cue_text",
              "cue_words", "content", "content_text", "direct", "anonymous", "stance", "via", "day"]


def bulk_load(store, chunks) -> None:
    """Drop the big tables' indexes, load the chunks, rebuild the indexes and the full-text index."""
    tables = [S.articles, S.actors, S.events, S.claims]
    indexes = [ix for t in tables for ix in t.indexes]
    with store.engine.begin() as conn:
        for ix in indexes:
            ix.drop(conn, checkfirst=True)
    raw = store.engine.raw_connection()
    spent = {t.name: 0.0 for t in tables}
    counts = {t.name: 0 for t in tables}
    try:
        cur = raw.cursor()
        for articles, actor_rows, event_rows, claim_rows in chunks:
            data = [(S.articles, ARTICLE_COLS, articles), (S.actors, ACTOR_COLS, actor_rows),
                    (S.events, EVENT_COLS, event_rows), (S.claims, CLAIM_COLS, claim_rows)]
            for table, cols, rows in data:
                t0 = time.perf_counter()
                if store.backend == "sqlite":
                    ph = ",".join("?" * len(cols))
                    cur.executemany(f'INSERT INTO {table.name} ({",".join(cols)}) VALUES ({ph})', rows)
                else:
                    quoted = ",".join(f'"{c}"' for c in cols)
                    with cur.copy(f"COPY {table.name} ({quoted}) FROM STDIN") as copy:
                        for r in rows:
                            copy.write_row(r)
                spent[table.name] += time.perf_counter() - t0
                counts[table.name] += len(rows)
            raw.commit()
            print(f"  {counts['events']:>9,} events loaded", file=sys.stderr)
        for t in tables:
            print(f"  loaded {counts[t.name]:>9,} {t.name:<8} in {spent[t.name]:6.1f} s", file=sys.stderr)
        if store.backend == "postgresql":
            for t in ("events", "articles", "actors", "claims"):
                cur.execute(f"SELECT setval(pg_get_serial_sequence('{t}', 'pk'), (SELECT max(pk) FROM {t}))")
            raw.commit()
    finally:
        raw.close()
    t0 = time.perf_counter()
    with store.engine.begin() as conn:
        for ix in indexes:
            ix.create(conn)
        if store.backend == "sqlite":
            conn.exec_driver_sql("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
        conn.exec_driver_sql("ANALYZE")
    print(f"  indexes and full text built in {time.perf_counter() - t0:6.1f} s", file=sys.stderr)


def reindex(store) -> None:
    """Drop every index of the big tables (whatever its name) and create the schema's."""
    tables = [S.articles, S.actors, S.events, S.claims]
    with store.engine.begin() as conn:
        from sqlalchemy import inspect

        insp = inspect(conn)
        for t in tables:
            for ix in insp.get_indexes(t.name):
                conn.exec_driver_sql(f'DROP INDEX IF EXISTS "{ix["name"]}"')
        for t in tables:
            for ix in t.indexes:
                ix.create(conn)
        conn.exec_driver_sql("ANALYZE")


def pools_from_store(store):
    """Filter values to query with, drawn from what the store holds (for --reuse)."""
    with store.connect() as conn:
        codes = [r[0] for r in conn.execute(text("SELECT actor_code FROM events WHERE pk % 97 = 0 LIMIT 5000"))]
        names = [r[0] for r in conn.execute(text("SELECT actor_name FROM events WHERE pk % 89 = 0 LIMIT 5000"))]
        countries = [r[0] for r in conn.execute(text("SELECT DISTINCT location_country FROM events WHERE pk % 101 = 0"))]
        speakers = [r[0] for r in conn.execute(text("SELECT speaker FROM claims WHERE pk % 53 = 0 LIMIT 5000"))]
        words = []
        for (t,) in conn.execute(text("SELECT title FROM articles WHERE pk % 211 = 0 LIMIT 500")):
            words += t.lower().split()
    return codes, names, countries, speakers, words


def queries(rng: random.Random, codes, names, countries, speakers, words):
    """(name, target?, function(conn)) for each dashboard query; parameters drawn afresh per run."""
    first, last = date(2020, 1, 1), date(2024, 12, 31)

    def window(days: int):
        s = first + timedelta(days=rng.randrange((last - first).days - days))
        return s.isoformat(), (s + timedelta(days=days)).isoformat()

    def by_range(conn):
        s, u = window(30)
        return Q.events(conn, Q.EventFilter(since=s, until=u), limit=50)

    def by_range_count(conn):
        s, u = window(30)
        return Q.count_events(conn, Q.EventFilter(since=s, until=u))

    def by_actor_code(conn):
        return Q.events(conn, Q.EventFilter(actor=rng.choice(codes)), limit=50)

    def by_actor_name(conn):
        return Q.events(conn, Q.EventFilter(actor=rng.choice(names)), limit=50)

    def by_actor_range(conn):
        s, u = window(365)
        return Q.events(conn, Q.EventFilter(actor=rng.choice(codes), since=s, until=u), limit=50)

    def by_type(conn):
        return Q.events(conn, Q.EventFilter(type=rng.choice(PLOVER)), limit=50)

    def by_type_range(conn):
        s, u = window(90)
        return Q.events(conn, Q.EventFilter(type=rng.choice(PLOVER), since=s, until=u), limit=50)

    def by_country(conn):
        return Q.events(conn, Q.EventFilter(country=rng.choice(countries)), limit=50)

    def by_actor_country(conn):
        return Q.events(conn, Q.EventFilter(actor_country=rng.choice(countries)), limit=50)

    def by_factuality(conn):
        return Q.events(conn, Q.EventFilter(factuality=rng.choice(FACTUALITY)), limit=50)

    def deep_page(conn):
        return Q.events(conn, Q.EventFilter(type=rng.choice(PLOVER)), limit=50, offset=rng.choice([500, 1000, 2000]))

    def claims(conn):
        return Q.claims_by_speaker(conn, rng.choice(speakers), limit=50)

    def search_one(conn):
        return Q.search_articles(conn, rng.choice(words), limit=20)

    def search_two(conn):
        return Q.search_articles(conn, f"{rng.choice(words)} {rng.choice(TOPIC_WORDS)}", limit=20)

    def search_rare(conn):  # a word no article has, next to a real one: nothing to return, fast
        return Q.search_articles(conn, f"{rng.choice(words)} zzq{rng.randrange(10**6)}", limit=20)

    def search_page(conn):
        return Q.search_articles(conn, rng.choice(TOPIC_WORDS), limit=20, offset=rng.choice([20, 100]))

    def timeline_90(conn):
        s, u = window(90)
        return Q.timeline(conn, Q.EventFilter(since=s, until=u), by="type")

    def network(conn):
        s, u = window(30)
        return Q.actor_network(conn, Q.EventFilter(since=s, until=u), limit=200)

    return [
        ("events by date range (30 days), page 1", True, by_range),
        ("events by date range, total count", True, by_range_count),
        ("events by actor code, page 1", True, by_actor_code),
        ("events by actor name, page 1", True, by_actor_name),
        ("events by actor code + 1 year", True, by_actor_range),
        ("events by type, page 1", True, by_type),
        ("events by type + 90 days", True, by_type_range),
        ("events by country (location), page 1", True, by_country),
        ("events by actor country, page 1", True, by_actor_country),
        ("events by factuality, page 1", True, by_factuality),
        ("events by type, page at offset 500-2000", True, deep_page),
        ("claims by speaker, page 1", True, claims),
        ("full-text search, one word", True, search_one),
        ("full-text search, two words", True, search_two),
        ("full-text search, page 2-6", True, search_page),
        ("full-text search, no match", True, search_rare),
        ("timeline by type, 90 days (aggregate)", False, timeline_90),
        ("actor network, 30 days (aggregate)", False, network),
    ]


def _p95(sorted_values: list[float]) -> float:
    return sorted_values[min(len(sorted_values) - 1, max(0, int(round(0.95 * len(sorted_values))) - 1))]


def time_queries(store, qs, runs: int) -> list[dict]:
    results = []
    with store.connect() as conn:
        for name, target, fn in qs:
            fn(conn)  # warm the page cache once, as a dashboard that has been open a while would be
            times, cpu = [], []
            for _ in range(runs):
                t0, c0 = time.perf_counter(), time.process_time()
                fn(conn)
                times.append((time.perf_counter() - t0) * 1000)
                cpu.append((time.process_time() - c0) * 1000)
            times.sort()
            cpu.sort()
            results.append({"query": name, "target": target, "p50_ms": round(statistics.median(times), 2),
                            "p95_ms": round(_p95(times), 2), "max_ms": round(times[-1], 2),
                            "cpu_p95_ms": round(_p95(cpu), 2), "runs": runs})
    return results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="SQLite path or postgresql:// URL [default: a temporary SQLite file]")
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--articles", type=int, default=None, help="default: events / 10")
    ap.add_argument("--runs", type=int, default=50, help="timed runs per query")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--reuse", action="store_true", help="skip loading: time queries on an existing bench store")
    ap.add_argument("--reindex", action="store_true", help="with --reuse: rebuild the indexes as the schema now declares them")
    ap.add_argument("--keep", action="store_true", help="keep the temporary SQLite file")
    ap.add_argument("--json", help="also write the results to this JSON file")
    args = ap.parse_args(argv)
    tmpdir = None
    db = args.db
    if db is None:
        tmpdir = tempfile.mkdtemp(prefix="newsgraph-bench-")
        db = os.path.join(tmpdir, "bench.db")
    n_articles = args.articles or max(1, args.events // 10)
    with open_store(db) as store:
        if not args.reuse:
            if store.stats()["articles"]:
                print(f"error: {db} is not empty (use --reuse to time queries on it)", file=sys.stderr)
                return 2
            print(f"generating {args.events:,} events over {n_articles:,} articles ...", file=sys.stderr)
            t0 = time.perf_counter()
            bulk_load(store, generate(args.events, n_articles, args.seed))
            print(f"  generated and loaded in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        elif args.reindex:
            t0 = time.perf_counter()
            reindex(store)
            print(f"  indexes rebuilt in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        stats = store.stats()
        codes, names, countries, speakers, words = pools_from_store(store)
        rng = random.Random(args.seed + 1)
        results = time_queries(store, queries(rng, codes, names, countries, speakers, words), args.runs)
    size = Path(db).stat().st_size if Path(db).exists() else None
    print(f"\nstore: {store.backend}, {stats['events']:,} events, {stats['articles']:,} articles, "
          f"{stats['claims']:,} claims" + (f", {size / 2**20:,.0f} MiB" if size else ""))
    width = max(len(r["query"]) for r in results)
    print(f"{'query'.ljust(width)}  {'p50 ms':>8}  {'p95 ms':>8}  {'max ms':>8}  {'cpu p95':>8}  p95<100ms")
    for r in results:
        verdict = ("ok" if r["p95_ms"] < 100 else "SLOW") if r["target"] else "-"
        print(f"{r['query'].ljust(width)}  {r['p50_ms']:8.2f}  {r['p95_ms']:8.2f}  {r['max_ms']:8.2f}  "
              f"{r['cpu_p95_ms']:8.2f}  {verdict}")
    print(f"(load average while timing: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs; cpu = this process's CPU time)")
    if args.json:
        Path(args.json).write_text(json.dumps({"backend": store.backend, "stats": stats, "results": results}, indent=1))
    if tmpdir and not args.keep:
        for f in Path(tmpdir).iterdir():
            f.unlink()
        os.rmdir(tmpdir)
    elif tmpdir:
        print(f"kept {db}", file=sys.stderr)
    slow = [r for r in results if r["target"] and r["p95_ms"] >= 100]
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
