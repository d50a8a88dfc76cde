"""The local engine and Spark ``local[2]`` on small inputs: the same records as ``newsprobe analyze``."""

import json
import os
import shutil

import duckdb
import pandas as pd
import pytest

import newsprobe
from newsprobe.batch.job import finish_output, prepare_output
from newsprobe.batch.units import plan_units
from newsprobe.cli import main
from newsprobe.ingest import InputError, iter_inputs
from tests.ingest.test_ingest import make_warc

pytestmark = pytest.mark.slow

PAGES = {
    "council.txt": "Council backs new bridge\n\nThe city council in Leeds voted on Tuesday to fund the bridge. "
    "Councillor Priya Nair said the crossing would open in 2028.",
    "storm.txt": "Storm closes schools\n\nHeavy snow closed schools across Norway on Monday, the ministry said.",
}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """Pages as .txt files, a JSONL file with a broken line, and a WARC whose last record is cut."""
    root = tmp_path_factory.mktemp("inputs")
    for name, text in PAGES.items():
        (root / name).write_text(text, encoding="utf-8")
    lines = [
        json.dumps({"id": "j1", "text": "Ferry strike ends\n\nDock workers in Calais went back, the union said."}),
        '{"id": "j2", "text": "cut off',
        json.dumps(
            {
                "id": "j3",
                "html": "<html><body><h1>Rail fares rise</h1><p>Fares on Dutch trains will rise "
                "by four percent, the operator NS announced on Friday.</p></body></html>",
            }
        ),
    ]
    (root / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "crawl.warc.gz").write_bytes(make_warc(3)[:-80])
    return root


@pytest.fixture(scope="module")
def expected(inputs):
    """What ``newsprobe analyze`` gives on the same inputs: records by id, and the bad inputs."""
    items = list(iter_inputs([str(inputs)]))
    records = {d.id: d.to_dict() for d in newsprobe.analyze_many(i for i in items if not isinstance(i, InputError))}
    return records, sorted(i.source for i in items if isinstance(i, InputError))


def check_output(out, expected):
    records, bad_sources = expected
    documents = pd.read_parquet(out / "documents")
    got = {row.id: json.loads(row.record) for row in documents.itertuples()}
    assert got == records
    errors = duckdb.sql(f"SELECT source, kind, file, line, byte_offset FROM '{out}/errors/*.parquet'").fetchall()
    assert sorted(e[0] for e in errors) == bad_sources
    assert {e[1] for e in errors} == {"input"}
    jsonl_error = next(e for e in errors if e[2].endswith("feed.jsonl"))
    assert jsonl_error[3] == 2
    warc_error = next(e for e in errors if e[2].endswith("crawl.warc.gz"))
    assert warc_error[4] is not None and warc_error[4] > 0
    entities = duckdb.sql(f"SELECT name FROM '{out}/entities/*.parquet' WHERE id = 'council'").fetchall()
    assert ("Priya Nair",) in entities
    for table in ("quotes", "claims", "flags"):  # present with their columns even when no stage fills them
        assert "id" in pd.read_parquet(out / table).columns
    assert (out / "_SUCCESS").exists()


def test_local_engine_with_two_workers(inputs, expected, tmp_path, capsys):
    out = tmp_path / "out"
    status = main(["run", str(inputs), "--out", str(out), "--workers", "2", "--unit-size", "2"])
    assert status == 1  # the broken line and the cut WARC record
    err = capsys.readouterr().err
    assert "feed.jsonl:2" in err and "6 documents, 2 errors" in err
    check_output(out, expected)
    assert main(["run", str(inputs), "--out", str(out)]) == 2  # will not overwrite without --overwrite
    assert "--overwrite" in capsys.readouterr().err


@pytest.fixture(scope="module")
def spark():
    pytest.importorskip("pyspark", reason="pyspark is not installed (pip install pyspark==4.3.0)")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("Spark needs Java: install a JRE (apt-get install default-jre-headless); .ci/run does")
    from newsprobe.batch.spark import start_session

    session = start_session("local[2]")
    yield session
    session.stop()


def test_spark_local_engine(spark, inputs, expected, tmp_path):
    from newsprobe.batch.spark import run_spark

    out = prepare_output(tmp_path / "out")
    summaries = run_spark(plan_units([str(inputs)], unit_size=2), str(out), session=spark)
    finish_output(out, summaries)
    check_output(out, expected)
    assert sum(s.documents for s in summaries) == len(expected[0])
    workers = {s.pid for s in summaries}
    assert os.getpid() not in workers and len(workers) <= 2
    assert max(s.model_loads for s in summaries) == 1  # one model per Python worker, not per record
    assert spark.sparkContext.getConf().get("spark.driver.host") == "127.0.0.1"


def test_missing_java_is_a_clear_usage_error(inputs, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("newsprobe.batch.spark.find_java", lambda: None)
    assert main(["run", "--engine", "spark", str(inputs), "--out", str(tmp_path / "o")]) == 2
    assert "apt-get install default-jre-headless" in capsys.readouterr().err
