"""``newsprobe ingest``, ``search`` and ``serve`` over a corpus database."""

import json
import sqlite3

import pytest

from newsprobe.cli import main
from newsprobe.store import Store
from tests.conftest import EXAMPLE
from tests.store.sample import corpus


@pytest.fixture
def corpus_db(tmp_path):
    path = tmp_path / "corpus.db"
    with Store(path) as store:
        for doc in corpus():
            store.write(doc)
    return path


def test_search_prints_a_table_by_default(corpus_db, capsys):
    assert main(["search", "horses", "--db", str(corpus_db)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["date", "outlet", "speaker", "said"]
    assert len(lines) == 3 and "Alma Brandt" in lines[1] and "horses and carts" in lines[1]


def test_search_jsonl_with_filters(corpus_db, capsys):
    status = main(
        ["search", "--speaker", "Putin", "--since", "2025-06-01", "--db", str(corpus_db), "--format", "jsonl"]
    )
    assert status == 0
    hits = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(h["doc"], h["speaker"], h["text"]) for h in hits] == [
        ("kremlin-2", "Vladimir Putin", "Winter will not be cold for our partners")
    ]


def test_search_without_a_database_says_to_ingest_first(tmp_path, capsys):
    assert main(["search", "anything", "--db", str(tmp_path / "none.db")]) == 1
    assert "run `newsprobe ingest PATH... --db" in capsys.readouterr().err
    assert not (tmp_path / "none.db").exists()


def test_search_needs_words_or_a_filter(corpus_db, capsys):
    assert main(["search", "--db", str(corpus_db)]) == 2
    assert "--speaker" in capsys.readouterr().err


def test_serve_without_a_database_says_to_ingest_first(tmp_path, capsys):
    assert main(["serve", "--db", str(tmp_path / "none.db")]) == 1
    assert "newsprobe ingest" in capsys.readouterr().err


@pytest.mark.slow
def test_ingest_stores_skips_what_it_has_and_reports_bad_inputs(tmp_path, capsys):
    db = tmp_path / "c.db"
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    short = tmp_path / "short.txt"
    short.write_text("Bridge to reopen\n\nThe mayor said the bridge would reopen on Monday.", encoding="utf-8")
    assert main(["ingest", str(EXAMPLE), str(short), str(tmp_path / "bad.txt"), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "bad.txt" in err and "ingest: 2 added, 0 unchanged, 1 failed" in err
    assert main(["ingest", str(EXAMPLE), str(short), "--db", str(db)]) == 0
    assert "ingest: 0 added, 2 unchanged" in capsys.readouterr().err
    short.write_text("Bridge to reopen\n\nThe mayor said the bridge would reopen on Tuesday.", encoding="utf-8")
    assert main(["ingest", str(short), "--db", str(db)]) == 0
    assert "0 added, 1 replaced, 0 unchanged" in capsys.readouterr().err
    conn = sqlite3.connect(db)
    assert sorted(r[0] for r in conn.execute("SELECT id FROM documents")) == ["000_aeb1a4d6a8651ca1", "short"]
    record = json.loads(conn.execute("SELECT record FROM documents WHERE id = 'short'").fetchone()[0])
    assert record["text"].endswith("on Tuesday.")
    assert (
        conn.execute(
            "SELECT count(*) FROM entities e JOIN documents d ON d.pk = e.doc "
            "WHERE d.id = '000_aeb1a4d6a8651ca1' AND e.type = 'PERSON'"
        ).fetchone()[0]
        > 0
    )


def test_ingest_records_stores_analysed_records_without_analysis(tmp_path, capsys):
    records = tmp_path / "records.jsonl"
    lines = [json.dumps(doc.to_dict()) for doc in corpus()]
    records.write_text("\n".join([lines[0], "{not json", lines[1], '{"id": "x"}', *lines[2:]]) + "\n")
    db = tmp_path / "r.db"
    assert main(["ingest", "--records", str(records), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "records.jsonl:2: not a newsprobe/1 record" in err and "records.jsonl:4:" in err
    assert "ingest: 5 added, 0 unchanged, 2 failed" in err
    assert main(["ingest", "--records", str(records), "--db", str(db)]) == 1
    assert "ingest: 0 added, 5 unchanged, 2 failed" in capsys.readouterr().err
    assert main(["search", "--speaker", "Putin", "--db", str(db), "--format", "jsonl"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2
