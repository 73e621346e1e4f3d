"""``newsgraph export`` writes stored events in formats other tools read: GDELT, PLOVER, Parquet, CSV, JSONL."""
from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.record import Record
from newsgraph.store import open_store
from newsgraph.store.export import FLAT_COLUMNS, GDELT_COLUMNS, export
from newsgraph.store.query import EventFilter
from test_store import make_record
from test_store_backends import store, store_url  # noqa: F401  (fixtures over SQLite and PostgreSQL)


@pytest.fixture
def filled(store):
    store.add_many([make_record(1, published="2024-03-01"), make_record(2, published="2024-03-02"),
                    make_record(3, published="2024-03-04", event_type="COERCE", country="UKR")])
    return store


def exported(store, fmt, flt=None, **kw) -> bytes:
    buf = io.BytesIO()
    export(store, fmt, buf, flt, **kw)
    return buf.getvalue()


def test_gdelt_rows_have_the_61_event_table_columns(filled):
    lines = exported(filled, "gdelt").decode().splitlines()
    header, rows = lines[0].split("\t"), [dict(zip(GDELT_COLUMNS, line.split("\t"))) for line in lines[1:]]
    assert header == list(GDELT_COLUMNS) and len(header) == 61
    assert all(len(line.split("\t")) == 61 for line in lines)
    first = rows[0]
    assert (first["SQLDATE"], first["MonthYear"], first["Year"]) == ("20240301", "202403", "2024")
    assert (first["EventCode"], first["EventBaseCode"], first["EventRootCode"]) == ("040", "040", "04")
    assert (first["Actor1Code"], first["Actor1Name"], first["Actor1CountryCode"], first["Actor1Type1Code"]) == \
        ("RUSGOV", "SERGEI LAVROV", "RUS", "GOV")
    assert (first["Actor2Code"], first["Actor2CountryCode"], first["QuadClass"], first["GoldsteinScale"]) == \
        ("CHN", "CHN", "1", "1.0")
    assert (first["ActionGeo_FullName"], first["ActionGeo_Lat"], first["ActionGeo_Long"]) == ("Moscow, RUS", "55.75", "37.62")
    assert first["SOURCEURL"] == "https://news.example/1" and first["IsRootEvent"] == "1"


def test_gdelt_without_header_is_like_gdelts_own_files(filled):
    lines = exported(filled, "gdelt", header=False).decode().splitlines()
    assert len(lines) == 3 and not lines[0].startswith("GLOBALEVENTID")


def test_plover_records_name_event_actor_and_source(filled):
    recs = [json.loads(line) for line in exported(filled, "plover").decode().splitlines()]
    first = recs[0]
    assert first["id"] == "newsgraph-art1-e1" and first["date"] == "2024-03-01"
    assert first["event"] == ["CONSULT"] and first["mode"] == ["meet"] and first["context"] == ["diplomatic"]
    assert first["actor"][0]["code"] == "RUS" and first["actor"][0]["sector"] == "GOV"
    assert first["recipient"][0]["entity_text"] == "China"
    assert first["event_loc"]["country_code"] == "RUS" and first["cite_info"]["url"] == "https://news.example/1"
    assert first["factuality"] == "reported" and first["claims"] == ["c1"]
    assert first["event_text"][0].startswith("Officials in Moscow said")


def test_plover_as_one_json_array(filled):
    assert [r["event"] for r in json.loads(exported(filled, "plover", as_array=True))] == [["CONSULT"], ["CONSULT"], ["COERCE"]]


def test_csv_has_one_row_per_event(filled):
    rows = list(csv.DictReader(io.StringIO(exported(filled, "csv").decode())))
    assert list(rows[0]) == list(FLAT_COLUMNS)
    assert [(r["type"], r["day"], r["claims"]) for r in rows] == [
        ("CONSULT", "2024-03-01", "c1"), ("CONSULT", "2024-03-02", "c1"), ("COERCE", "2024-03-04", "c1")]


def test_evidence_text_leaves_out_the_paragraph_break_around_it():
    from newsgraph.store.export import evidence_text

    body = "Headline\n\nRussia accused Ukraine of shelling a village.\n\nMore text."
    start = body.index("Russia")
    assert evidence_text(body, [[start - 2, start + 46]]) == "Russia accused Ukraine of shelling a village."
    assert evidence_text(body, [[0, 0]]) is None


def test_parquet_is_readable_by_duckdb_and_pyarrow(filled, tmp_path):
    duckdb = pytest.importorskip("duckdb")
    import pyarrow.parquet as pq

    path = tmp_path / "events.parquet"
    with path.open("wb") as fh:
        export(filled, "parquet", fh)
    counts = duckdb.sql(f"SELECT type, count(*) FROM '{path}' GROUP BY type ORDER BY type").fetchall()
    assert counts == [("COERCE", 1), ("CONSULT", 2)]
    table = pq.read_table(path)  # what pandas.read_parquet uses
    assert table.column("context").to_pylist() == [["diplomatic"]] * 3
    assert table.column("lat").to_pylist() == [55.75] * 3


def test_jsonl_gives_the_contract_records_back(filled):
    lines = exported(filled, "jsonl").decode().splitlines()
    records = [Record.from_dict(json.loads(line)) for line in lines]
    assert [r.to_dict() for r in records] == [make_record(n, **kw).to_dict() for n, kw in (
        (1, {"published": "2024-03-01"}), (2, {"published": "2024-03-02"}),
        (3, {"published": "2024-03-04", "event_type": "COERCE", "country": "UKR"}))]


@pytest.mark.parametrize("fmt", ["gdelt", "csv", "plover", "jsonl"])
@pytest.mark.parametrize("flt, expected", [
    (EventFilter(type="COERCE"), 1),
    (EventFilter(since="2024-03-02"), 2),
    (EventFilter(location_country="FRA"), 0),
])
def test_filters_choose_what_is_exported(filled, fmt, flt, expected):
    lines = exported(filled, fmt, flt).decode().splitlines()
    assert len(lines) - (1 if fmt in ("gdelt", "csv") else 0) == expected


runner = CliRunner()


def test_cli_export_to_a_file(tmp_path):
    db = str(tmp_path / "ng.db")
    with open_store(db) as s:
        s.add(make_record(1))
    out = tmp_path / "events.tsv"
    result = runner.invoke(app, ["export", "--format", "gdelt", "--db", db, "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert "exported 1 events" in result.output
    assert out.read_text().splitlines()[1].split("\t")[26] == "040"  # EventCode


@pytest.mark.parametrize("args, message", [
    (["--format", "xml"], "must be one of"),
    (["--format", "parquet"], "give --output"),
    (["--format", "csv", "--since", "last week"], "YYYY-MM-DD"),
])
def test_cli_export_refuses_bad_options_clearly(tmp_path, args, message):
    result = runner.invoke(app, ["export", *args, "--db", str(tmp_path / "ng.db")])
    assert result.exit_code == 2 and message in result.output
