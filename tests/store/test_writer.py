import os
import signal
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest
from tests.store.sample import corpus

from newsprobe.store import ADDED, REPLACED, UNCHANGED, Store, connect
from newsprobe.store.writer import outlet_of, write_document

ROOT = Path(__file__).resolve().parents[2]


def counts(conn):
    return {
        t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("documents", "segments", "entities", "quotes", "claims", "flags", "lsh_bands", "minhashes")
    }


def assert_consistent(conn):
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.execute("INSERT INTO quotes_fts(quotes_fts) VALUES ('integrity-check')")
    conn.execute("INSERT INTO claims_fts(claims_fts) VALUES ('integrity-check')")
    for table in ("quotes", "claims"):  # the writers index every row: the index equals a rebuilt one
        conn.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{table}_vocab USING fts5vocab(main, {table}_fts, instance)"
        )
        indexed = conn.execute(f"SELECT * FROM temp.{table}_vocab ORDER BY 1, 2, 3, 4").fetchall()
        conn.execute("SAVEPOINT rebuild")
        conn.execute(f"INSERT INTO {table}_fts({table}_fts) VALUES ('rebuild')")
        rebuilt = conn.execute(f"SELECT * FROM temp.{table}_vocab ORDER BY 1, 2, 3, 4").fetchall()
        conn.execute("ROLLBACK TO rebuild")
        conn.execute("RELEASE rebuild")
        assert indexed == rebuilt
    # people.quote_count is kept by the writer: it must equal the quotes stored
    assert (
        conn.execute(
            "SELECT count(*) FROM people p WHERE quote_count != (SELECT count(*) FROM quotes q WHERE q.person = p.id)"
        ).fetchone()[0]
        == 0
    )


def test_the_same_document_twice_is_stored_once(store):
    doc = corpus()[0]
    assert store.write(doc) == ADDED
    before = counts(store.conn)
    assert store.write(doc) == UNCHANGED
    assert store.write(doc.to_dict()) == UNCHANGED
    assert counts(store.conn) == before
    assert before["documents"] == 1 and before["quotes"] == 3 and before["claims"] == 1 and before["flags"] == 1


def test_the_same_id_with_changed_content_is_replaced(store):
    doc = corpus()[0]
    store.write(doc)
    pk = store.conn.execute("SELECT pk FROM documents").fetchone()[0]
    bands = counts(store.conn)["lsh_bands"]
    changed = replace(doc, quotes=doc.quotes[:1], title="Bridge closure confirmed")
    assert store.write(changed) == REPLACED
    assert counts(store.conn)["lsh_bands"] == bands and counts(store.conn)["minhashes"] == 1
    assert store.conn.execute("SELECT pk, title FROM documents").fetchall() == [(pk, "Bridge closure confirmed")]
    assert store.conn.execute("SELECT count(*) FROM quotes").fetchone()[0] == 1
    assert store.conn.execute("SELECT quote_count FROM people WHERE key = 'alma brandt'").fetchone()[0] == 1
    assert_consistent(store.conn)


def test_the_full_record_is_kept_and_rebuilds_the_document(filled):
    import json

    from newsprobe.record import Document

    record = json.loads(filled.conn.execute("SELECT record FROM documents WHERE id = 'hostile'").fetchone()[0])
    assert Document.from_dict(record).to_dict() == corpus()[2].to_dict()


def test_an_exception_mid_document_leaves_nothing_of_it(store):
    first, second = corpus()[:2]
    store.write(first)
    before = counts(store.conn)

    def explode(conn, pk):
        assert conn.execute("SELECT count(*) FROM quotes WHERE doc = ?", (pk,)).fetchone()[0] == 1
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError, match="disk on fire"):
        write_document(store.conn, second, hook=explode)
    assert counts(store.conn) == before
    assert_consistent(store.conn)
    assert store.write(second) == ADDED  # the next run carries on


def test_ctrl_c_during_a_replacement_keeps_the_old_version(store):
    doc = corpus()[0]
    store.write(doc)

    def interrupt(conn, pk):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_document(store.conn, replace(doc, quotes=[], title="new"), hook=interrupt)
    assert store.conn.execute("SELECT title FROM documents").fetchone()[0] == doc.title
    assert store.conn.execute("SELECT count(*) FROM quotes").fetchone()[0] == 3
    assert_consistent(store.conn)


def test_a_killed_writer_leaves_whole_documents_and_readers_are_not_blocked(tmp_path):
    db = tmp_path / "killed.db"
    script = textwrap.dedent(f"""
        import sys, time
        from newsprobe.store import Store
        from newsprobe.store.writer import write_document
        from tests.store.sample import corpus
        store = Store({str(db)!r})
        docs = corpus()
        for doc in docs[:3]:
            store.write(doc)
        def hang(conn, pk):
            print("inside", flush=True)
            time.sleep(60)
        write_document(store.conn, docs[3], hook=hang)
    """)
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{ROOT}"}
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, env=env, cwd=ROOT)
    try:
        assert proc.stdout.readline().strip() == b"inside"
        # a reader during the open write transaction sees the three committed documents, without waiting
        reader = connect(db, readonly=True)
        reader.execute("PRAGMA busy_timeout=0")
        assert reader.execute("SELECT count(*) FROM documents").fetchone()[0] == 3
        reader.close()
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    with Store(db) as store:
        assert counts(store.conn)["documents"] == 3
        assert (
            store.conn.execute("SELECT count(*) FROM quotes WHERE doc NOT IN (SELECT pk FROM documents)").fetchone()[0]
            == 0
        )
        assert_consistent(store.conn)
        assert [store.write(doc) for doc in corpus()] == [UNCHANGED] * 3 + [ADDED] * 2
        assert_consistent(store.conn)


def test_delete_removes_everything_derived(filled):
    assert filled.delete("bridge-1") is True
    assert filled.delete("bridge-1") is False
    assert counts(filled.conn)["minhashes"] == 4 and counts(filled.conn)["lsh_bands"] == 4 * 14
    assert filled.conn.execute("SELECT count(*) FROM quotes WHERE text LIKE 'Ferries%'").fetchone()[0] == 0
    assert_consistent(filled.conn)


def test_skipping_already_stored_pages_by_input_hash(store):
    from newsprobe.store import text_hash

    doc = corpus()[0]
    store.write(doc, input_hash=text_hash("<html>the page</html>"))
    assert store.is_stored("bridge-1", text_hash("<html>the page</html>"))
    assert not store.is_stored("bridge-1", text_hash("<html>another page</html>"))
    assert not store.is_stored("nope", text_hash("<html>the page</html>"))


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.bbc.co.uk/news/1", "bbc.co.uk"),
        ("http://Reuters.com/x", "reuters.com"),
        ("apnews.com/article", "apnews.com"),
        (None, None),
        ("", None),
    ],
)
def test_outlet_of(url, outlet):
    assert outlet_of(url) == outlet


def test_write_many_keeps_the_documents_before_a_failing_one(store):
    from newsprobe.record import Claim

    docs = corpus()
    broken = replace(docs[2], claims=[Claim(None)])  # fails half-way through its rows
    outcomes = []
    with pytest.raises(TypeError):
        for doc, outcome in store.write_many([docs[0], docs[1], broken, docs[3]], batch_size=10):
            outcomes.append((doc.id, outcome))
    assert store.conn.execute("SELECT id FROM documents ORDER BY pk").fetchall() == [("bridge-1",), ("bridge-2",)]
    assert_consistent(store.conn)
    assert [outcome for _, outcome in store.write_many(docs, batch_size=2)] == [UNCHANGED] * 2 + [ADDED] * 3
    assert_consistent(store.conn)
