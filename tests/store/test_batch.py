from dataclasses import replace

import pytest
from tests.store.sample import corpus
from tests.store.test_writer import assert_consistent

from newsprobe.store import ADDED, REPLACED, UNCHANGED, Store
from newsprobe.store.batch import write_batch

TABLES = {
    "documents": "SELECT pk, id, content_hash, text_hash, url, outlet, title, published, story, record FROM documents",
    "segments": "SELECT * FROM segments",
    "entities": "SELECT * FROM entities",
    "quotes": 'SELECT doc, idx, text, kind, start, "end", speaker_name, speaker_entity, person, who, role, '
    "resolution, confidence FROM quotes",
    "claims": 'SELECT doc, idx, text, start, "end", source_entity, person, who, checkworthiness, figures, hedges '
    "FROM claims",
    "flags": "SELECT * FROM flags",
    "people": "SELECT * FROM people",
    "minhashes": "SELECT * FROM minhashes",
    "lsh_bands": "SELECT * FROM lsh_bands",
    "fts": "SELECT rowid, who FROM quotes_fts WHERE quotes_fts MATCH 'who:p1 OR who:p2 OR who:p3 OR who:p4'",
}


def dump(conn):
    return {name: sorted(conn.execute(sql).fetchall(), key=repr) for name, sql in TABLES.items()}


def surnames_first():
    bridge, copy, hostile, putin, putin_short = corpus()
    # "Putin" and "Brandt" arrive before their full names: the full name absorbs them in the same batch
    return [putin_short, copy, hostile, putin, bridge]


@pytest.mark.parametrize("order", [corpus, surnames_first])
def test_a_batch_stores_exactly_what_one_by_one_writes_store(tmp_path, order):
    with Store(tmp_path / "one.db") as one, Store(tmp_path / "batch.db") as batch:
        for doc in order():
            one.write(doc)
        batch.conn.execute("BEGIN IMMEDIATE")
        assert write_batch(batch.conn, order()) == [ADDED] * 5
        batch.conn.execute("COMMIT")
        assert dump(batch.conn) == dump(one.conn)
        assert_consistent(batch.conn)


def full_name_after_surname():
    """One document whose speaker is named by surname first, by full name later: the full name absorbs it."""
    from dataclasses import replace as changed

    from tests.store.sample import make_doc

    doc = make_doc(
        "ferry-strike",
        "Ferry crews walk out",
        [
            "\u201cThe crews have not been paid since March,\u201d said Okafor, the union steward.",
            "\u201cWe will sail again once the wages arrive,\u201d Nadia Okafor told the crowd at the pier.",
            "The strike will cost the operator $12 million a week, Okafor said.",
        ],
        quotes=[
            ("The crews have not been paid since March", "Okafor", "Okafor"),
            ("We will sail again once the wages arrive", "Nadia Okafor", "Nadia Okafor"),
        ],
        people=["Okafor"],
        claims=[("The strike will cost the operator $12 million a week", "$12 million")],
    )
    doc = changed(doc, claims=[changed(doc.claims[0], source="e1")])  # the claim's source: the surname entity
    return [doc, *corpus()[:2]]


@pytest.mark.parametrize("order", [corpus, surnames_first, full_name_after_surname])
def test_one_row_builder_serves_both_paths(tmp_path, order):
    """Both writers build rows with ``store.rows.Rows``: a full name absorbing its surname in the same document."""
    with Store(tmp_path / "one.db") as one, Store(tmp_path / "batch.db") as batch:
        assert [one.write(doc) for doc in order()] == [ADDED] * len(order())
        assert [o for _, o in batch.write_many(order(), batch_size=10)] == [ADDED] * len(order())
        assert dump(batch.conn) == dump(one.conn)
        assert_consistent(one.conn)


def test_write_many_in_small_batches_matches_and_is_idempotent(tmp_path):
    with Store(tmp_path / "one.db") as one, Store(tmp_path / "batch.db") as batch:
        for doc in surnames_first():
            one.write(doc)
        assert [o for _, o in batch.write_many(surnames_first(), batch_size=2)] == [ADDED] * 5
        assert dump(batch.conn) == dump(one.conn)
        assert [o for _, o in batch.write_many(surnames_first(), batch_size=3)] == [UNCHANGED] * 5
        assert dump(batch.conn) == dump(one.conn)


def test_replacements_and_repeated_ids_in_a_batch_take_the_one_by_one_path(store):
    docs = corpus()
    store.write(docs[0])
    changed = replace(docs[0], title="Bridge closure confirmed", quotes=docs[0].quotes[:1])
    store.conn.execute("BEGIN IMMEDIATE")
    outcomes = write_batch(store.conn, [docs[1], changed, docs[2], docs[2], replace(docs[2], title="Vote postponed")])
    store.conn.execute("COMMIT")
    assert outcomes == [ADDED, REPLACED, ADDED, UNCHANGED, REPLACED]
    assert store.conn.execute("SELECT title FROM documents WHERE id = 'bridge-1'").fetchone()[0] == changed.title
    assert store.conn.execute("SELECT title FROM documents WHERE id = 'hostile'").fetchone()[0] == "Vote postponed"
    assert_consistent(store.conn)


def test_input_hashes_are_stored_and_taken_out(store):
    from newsprobe.store import text_hash

    hashes = {"bridge-1": text_hash("<html>one</html>")}
    list(store.write_many(corpus()[:2], input_hashes=hashes))
    assert hashes == {}
    assert store.is_stored("bridge-1", text_hash("<html>one</html>"))
    assert store.is_stored("bridge-2", text_hash(corpus()[1].text))


def test_ctrl_c_in_a_batch_loses_only_that_batch(store):
    docs = corpus()

    def interrupted():
        yield from docs[:2]
        yield docs[2]
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        for _ in store.write_many(interrupted(), batch_size=2):
            pass
    assert store.conn.execute("SELECT id FROM documents ORDER BY pk").fetchall() == [("bridge-1",), ("bridge-2",)]
    assert_consistent(store.conn)
    assert [o for _, o in store.write_many(docs)] == [UNCHANGED] * 2 + [ADDED] * 3
