import sqlite3

import pytest

from newsprobe.store import Store, connect
from newsprobe.store.schema import MIGRATIONS, applied, migrate


def test_a_new_database_records_every_migration_by_name(store):
    assert applied(store.conn) == [name for name, _ in MIGRATIONS]
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_reopening_applies_nothing_and_keeps_the_data(tmp_path):
    from tests.store.sample import corpus

    with Store(tmp_path / "c.db") as store:
        store.write(corpus()[0])
    with Store(tmp_path / "c.db") as store:
        assert migrate(store.conn) == []
        assert store.conn.execute("SELECT id FROM documents").fetchall() == [("bridge-1",)]


def test_an_older_database_is_upgraded_in_place(tmp_path):
    path = tmp_path / "old.db"
    conn = connect(path)
    applied(conn)
    for name, sql in MIGRATIONS[:2]:  # a database written before quotes, full text and stories existed
        conn.executescript(sql)
        conn.execute("INSERT INTO migrations VALUES (?, '2025-01-01')", (name,))
    conn.execute(
        "INSERT INTO documents (id, content_hash, text_hash, ingested_at, record) VALUES ('old', 'h', 't', "
        "'2025-01-01', '{}')"
    )
    conn.close()
    with Store(path) as store:
        assert applied(store.conn)[2:] == [name for name, _ in MIGRATIONS[2:]]
        assert store.conn.execute("SELECT id FROM documents").fetchall() == [("old",)]
        assert store.conn.execute("SELECT count(*) FROM quotes_fts").fetchone()[0] == 0


def test_a_database_indexed_by_the_old_triggers_stays_searchable_after_the_upgrade(tmp_path):
    from tests.store.sample import corpus
    from tests.store.test_writer import assert_consistent

    from newsprobe.store.queries import search
    from newsprobe.store.writer import write_document

    path = tmp_path / "old.db"
    conn = connect(path)
    applied(conn)
    for name, sql in MIGRATIONS[:5]:  # before 0006: the full-text index kept by insert triggers
        conn.executescript(sql)
        conn.execute("INSERT INTO migrations VALUES (?, '2025-01-01')", (name,))
    docs = corpus()
    write_document(conn, docs[0])
    conn.close()
    with Store(path) as store:
        assert "0006_fulltext_bulk_insert" in applied(store.conn)
        assert not store.conn.execute("SELECT name FROM sqlite_master WHERE name LIKE '%fts_insert'").fetchall()
        list(store.write_many(docs[1:]))
        store.write(docs[0])  # unchanged
        assert_consistent(store.conn)
        for doc in (1, 2):  # indexed by the old trigger, then by the writer
            text = store.conn.execute("SELECT text FROM quotes WHERE doc = ?", (doc,)).fetchone()[0]
            assert any(hit["text"] == text for hit in search(store.conn, text, kinds=("quote",), limit=100))


def test_a_database_from_a_newer_version_is_refused_with_advice(tmp_path):
    path = tmp_path / "new.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO migrations VALUES ('9999_future', '2030-01-01')")
    conn.commit()
    conn.close()
    with pytest.raises(RuntimeError, match="upgrade newsprobe"):
        Store(path)


def test_a_file_that_is_not_a_database_gets_a_clear_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database " * 50)
    with pytest.raises(sqlite3.DatabaseError, match="not a newsprobe database"):
        Store(path)


def test_reading_a_missing_database_says_to_ingest_first(tmp_path):
    from newsprobe.store import StoreMissing

    with pytest.raises(StoreMissing, match="newsprobe ingest"):
        connect(tmp_path / "absent.db", readonly=True)
    assert not (tmp_path / "absent.db").exists()
