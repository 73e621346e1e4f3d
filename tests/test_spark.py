"""The Spark job writes the same events as ``newsgraph extract`` on the same input."""
import shutil

import pytest

pyspark = pytest.importorskip("pyspark")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def sample_subset(tmp_path_factory):
    from newsgraph.read import sample_paths

    lines = sample_paths()[0].read_text(encoding="utf-8").splitlines()[:6]
    path = tmp_path_factory.mktemp("spark") / "subset.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def event_keys(rows):
    return sorted((r["article_id"], r["event_id"], r["type"], r["cameo"], r["actor_code"] or "",
                   r["recipient_code"] or "", r["factuality"]) for r in rows)


@pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs Java 17 on PATH")
def test_spark_parquet_has_the_same_events_as_extract(sample_subset, tmp_path):
    import pyarrow.dataset as ds

    from newsgraph.config import Config
    from newsgraph.pipeline import extract_many
    from newsgraph.read import read_inputs
    from newsgraph.spark import PARTITION_COLUMN, record_rows, run_job

    out = tmp_path / "events.parquet"
    report = run_job([str(sample_subset)], str(out), master="local[2]", partitions=2)
    table = ds.dataset(str(out), format="parquet", partitioning="hive").to_table()
    spark_rows = table.to_pylist()

    local = [row for o in extract_many(read_inputs([str(sample_subset)]), Config()) if o.ok
             for row in record_rows(o.record)]
    assert report.events == len(local) == len(spark_rows) > 0
    assert event_keys(spark_rows) == event_keys(local)
    # partitioned by the day each event is filed under
    assert {str(r[PARTITION_COLUMN]) for r in spark_rows} == {r[PARTITION_COLUMN] for r in local}
