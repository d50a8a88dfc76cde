from dataclasses import replace

from tests.store.sample import BRIDGE_PARAS, corpus, make_doc

from newsprobe.store.dedup import shingles, signature, similarity


def stories(conn):
    groups = {}
    for doc_id, story in conn.execute("SELECT id, story FROM documents ORDER BY pk"):
        groups.setdefault(story, []).append(doc_id)
    return sorted(groups.values())


def test_a_rewritten_copy_joins_the_story_and_other_articles_do_not(filled):
    assert stories(filled.conn) == [["bridge-1", "bridge-2"], ["hostile"], ["kremlin"], ["kremlin-2"]]


def test_an_exact_republication_under_another_id_is_the_same_story(filled):
    republished = replace(corpus()[3], id="kremlin-syndicated", url="https://syndicate.example/k")
    filled.write(republished)
    assert ["kremlin", "kremlin-syndicated"] in stories(filled.conn)


def test_a_heavier_rewrite_with_the_same_topic_is_not_a_copy(filled):
    other = make_doc(
        "bridge-op-ed",
        "Why the bridge matters",
        [
            "Every spring the harbour fills with tourists who never notice the bridge above them.",
            "My grandfather crossed it daily on his way to the shipyard, long before the ferries ran.",
            "Closing it for repairs is the right call, however inconvenient for commuters.",
        ],
    )
    filled.write(other)
    assert ["bridge-op-ed"] in stories(filled.conn)


def test_a_replaced_document_keeps_its_story(filled):
    pk_story = filled.conn.execute("SELECT story FROM documents WHERE id = 'bridge-2'").fetchone()[0]
    doc = corpus()[1]
    filled.write(replace(doc, title="Harbour bridge closes next spring"))
    assert filled.conn.execute("SELECT story FROM documents WHERE id = 'bridge-2'").fetchone()[0] == pk_story


def test_signature_similarity_tracks_the_text():
    text = " ".join(BRIDGE_PARAS)
    same, edited = signature(text), signature(text.replace("twelve", "ten").replace("horses", "mules"))
    unrelated = signature("A completely different text about football results and weekend weather in the north.")
    assert similarity(same, signature(text)) == 1.0
    assert similarity(same, edited) > 0.6
    assert similarity(same, unrelated) < 0.2
    assert signature("") is None and len(shingles("two words")) == 1
    assert shingles("One two three four") == shingles("one TWO three, four!")
    assert len(shingles("one two three four")) == 2


def test_the_fast_signature_equals_datasketch_s():
    from newsprobe.store.dedup import datasketch_signature

    texts = [" ".join(f"word{i % 37} {i}" for i in range(n)) for n in (1, 2, 5, 80, 400)]
    texts.append("Ferries will run every twenty minutes while the bridge is closed, Brandt added.")
    for text in texts:
        assert signature(text).tolist() == datasketch_signature(shingles(text)).tolist()
        assert signature(text).dtype == datasketch_signature(shingles(text)).dtype


def test_word_hashes_equal_hashing_the_regular_expression_s_words():
    import numpy as np

    from newsprobe.store.dedup import _NON_WORD, _P, word_hashes

    def reference(text):
        out = []
        for word in _NON_WORD.sub(" ", text.lower()).split():
            value = 0
            for i, byte in enumerate(word.encode("utf-8")):
                value = (value + byte * pow(int(_P), i, 2**64)) % 2**64
            out.append(value)
        return out

    texts = [
        "",
        " ",
        "...",
        "a_b c__d 42",
        "Ferries run “every” twenty minutes — Brandt added…",
        "Straße İstanbul café ½ ² ٣ 中文 日本語　全角\u00a0non-breaking e\u0301",
        "x" * 5000 + " y",
    ]
    for text in texts:
        assert word_hashes(text).tolist() == reference(text)
        assert word_hashes(text).dtype == np.uint64
