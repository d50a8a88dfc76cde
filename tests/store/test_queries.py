import pytest

from newsprobe.store import queries
from newsprobe.store.queries import fts_query


def texts(hits):
    return [h["text"] for h in hits]


def test_fts_query_is_always_safe_syntax():
    assert fts_query("bridge repairs") == '"bridge" "repairs"'
    assert fts_query('"harbour bridge" ferr*') == '"harbour bridge" "ferr"*'
    assert fts_query('NEAR( AND "') == '"NEAR" "AND"'
    assert fts_query("!!!") is None


def test_words_find_quotes_and_claims(filled):
    hits = queries.search(filled.conn, "bridge")
    assert texts(hits) == ["Ferries will run every twenty minutes while the bridge is closed"]
    claims = queries.search(filled.conn, "repairs cost", kinds=("claim",))
    assert [(h["type"], h["doc"]) for h in claims] == [("claim", "bridge-1")]
    assert (
        texts(queries.search(filled.conn, '"horses and carts"'))
        == ["We cannot keep patching a structure that was built for horses and carts"] * 2
    )
    assert texts(queries.search(filled.conn, "ferr*")) == [
        "Ferries will run every twenty minutes while the bridge is closed"
    ]


def test_speaker_filter_gathers_every_form_of_the_name(filled):
    for name in ("Putin", "Vladimir Putin", "Russian President Vladimir Putin"):
        hits = queries.search(filled.conn, speaker=name)
        assert [h["doc"] for h in hits] == ["kremlin-2", "kremlin"], name
        assert {h["speaker"] for h in hits} == {"Vladimir Putin"}
    assert [h["doc"] for h in queries.search(filled.conn, "horses", speaker="Brandt")] == ["bridge-2", "bridge-1"]
    assert queries.search(filled.conn, speaker="Nobody Known") == []
    assert queries.search(filled.conn, "p1") == []  # the speaker token is not a word of the quote


def test_entity_outlet_and_date_filters(filled):
    assert {h["doc"] for h in queries.search(filled.conn, entity="Alma Brandt")} == {"bridge-1", "bridge-2"}
    assert {h["doc"] for h in queries.search(filled.conn, outlet="www.harbourtimes.example")} == {"bridge-1", "hostile"}
    assert {h["doc"] for h in queries.search(filled.conn, since="2025-04-01", until="2025-05-31")} == {
        "hostile",
        "kremlin",
    }
    assert {h["doc"] for h in queries.search(filled.conn, until="2025-03-04")} == {"bridge-1"}


@pytest.mark.parametrize("hostile", ["'; DROP TABLE quotes; --", 'x" OR 1=1 --', "%", "_", "\\"])
def test_hostile_input_is_only_ever_data(filled, hostile):
    for field in ("query", "speaker", "entity", "outlet", "since"):
        queries.search(filled.conn, **{field: hostile})
    assert filled.conn.execute("SELECT count(*) FROM quotes").fetchone()[0] == 7


def test_page_queries(filled):
    front = queries.overview(filled.conn)
    assert [s["name"] for s in front["speakers"]] == ["Alma Brandt", "Vladimir Putin", "Ravi Menon"]
    assert [s["quotes"] for s in front["speakers"]] == [3, 2, 1]
    assert front["documents"][0]["id"] == "kremlin-2"
    doc = queries.document(filled.conn, "bridge-1")
    assert doc["copies"] == 1 and doc["outlet"] == "harbourtimes.example"
    assert doc["quote_people"] == {0: 1, 1: 1, 2: None}
    person = queries.speaker(filled.conn, front["speakers"][1]["id"])
    assert person["names"] == ["Putin", "Russian President Vladimir Putin"]
    assert [m["month"] for m in person["by_month"]] == ["2025-05", "2025-06"]
    assert [o["outlet"] for o in person["by_outlet"]] == ["other.example", "wire.example"]
    story = queries.story(filled.conn, "bridge-1")
    assert [d["id"] for d in story["documents"]] == ["bridge-1", "bridge-2"]
    assert story["documents"][1]["similarity"] > 0.5
    assert queries.document(filled.conn, "nope") is None and queries.speaker(filled.conn, 999) is None
