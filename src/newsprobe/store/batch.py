"""Writing a batch of records at once: the bulk path of ``Store.write_many`` and ``newsprobe ingest``.

The result equals writing the documents one by one with ``write_document`` (same rows, people, stories),
but the work is done per batch, not per document: one query finds which documents are stored already,
new documents get their keys up front so each table is filled by one ``executemany``, people are linked
with full names cached, and near-duplicates are looked up for the whole batch in one indexed query.
A document stored with other content (a replacement) or an id seen twice takes the one-by-one path.
The caller owns the transaction: on an exception it rolls the batch back (see ``Store.write_many``).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

import numpy as np

from newsprobe.record import Document
from newsprobe.store import dedup
from newsprobe.store.rows import Rows
from newsprobe.store.schema import fulltext_add
from newsprobe.store.writer import ADDED, UNCHANGED, document_values, now, prepare, write_document

_Item = tuple[Document, str, str, str | None]  # document, its record JSON, content hash, input hash


def write_batch(
    conn: sqlite3.Connection,
    docs: Sequence[Document | dict[str, Any]],
    input_hashes: Sequence[str | None] | None = None,
    people: dict[str, int | None] | None = None,
) -> list[str]:
    """Store documents inside the caller's open transaction; returns each one's outcome, in order.

    ``people`` caches full-name keys to corpus people across batches (a full name's id never changes);
    it is filled in place, so pass a copy and keep it only once the transaction is committed.
    """
    hashes = list(input_hashes) if input_hashes is not None else [None] * len(docs)
    items: list[_Item] = [(*prepare(doc), input_hash) for doc, input_hash in zip(docs, hashes, strict=True)]
    stored = dict(_stored_hashes(conn, [item[0].id for item in items]))
    outcomes: list[str] = []
    group: list[_Item] = []
    for item in items:
        doc, _, digest, input_hash = item
        if doc.id in stored and stored[doc.id] == digest:
            outcomes.append(UNCHANGED)
            continue
        if doc.id in stored:  # a replacement or an id twice in the batch: one by one, in order
            _insert_new(conn, group, people)
            group = []
            outcomes.append(write_document(conn, doc, input_hash=input_hash))
        else:
            group.append(item)
            outcomes.append(ADDED)
        stored[doc.id] = digest
    _insert_new(conn, group, people)
    return outcomes


def _stored_hashes(conn: sqlite3.Connection, ids: list[str]) -> list[tuple[str, str]]:
    return conn.execute(
        "SELECT id, content_hash FROM documents WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(ids),)
    ).fetchall()


def _insert_new(conn: sqlite3.Connection, group: list[_Item], known: dict[str, int | None] | None = None) -> None:
    """Insert documents not stored yet, each table with one executemany."""
    if not group:
        return
    first = int(conn.execute("SELECT coalesce(max(pk), 0) FROM documents").fetchone()[0]) + 1
    pks = list(range(first, first + len(group)))
    stories, signatures = _stories(conn, pks, [item[0] for item in group])
    ingested_at = now()
    conn.executemany(
        "INSERT INTO documents (content_hash, text_hash, url, outlet, title, published, ingested_at, record, "
        "id, pk, story) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (*document_values(doc, record_json, digest, input_hash, ingested_at), doc.id, pk, story)
            for pk, story, (doc, record_json, digest, input_hash) in zip(pks, stories, group, strict=True)
        ],
    )
    conn.executemany("INSERT INTO minhashes (doc, signature) VALUES (?, ?)", [(pk, blob) for pk, blob, _ in signatures])
    conn.executemany(
        "INSERT OR IGNORE INTO lsh_bands (band, doc) VALUES (?, ?)",
        [(key, pk) for pk, _, keys in signatures for key in set(keys)],
    )
    rows = Rows(conn, known)
    for pk, item in zip(pks, group, strict=True):
        rows.add(pk, item[0])
    rows.insert(conn)
    fulltext_add(conn, pks[0], pks[-1])


def _stories(
    conn: sqlite3.Connection,
    pks: list[int],
    docs: list[Document],
) -> tuple[list[int], list[tuple[int, bytes, list[int]]]]:
    """Each new document's story, as ``dedup.assign_story`` would give one by one, and its signature rows."""
    sigs = [dedup.signature(doc.body_text() or doc.text) for doc in docs]
    keys = [dedup.band_keys(sig) if sig is not None else [] for sig in sigs]
    wanted = sorted({key for row in keys for key in row})
    by_band: dict[int, list[tuple[int, bytes, int]]] = {}
    if wanted:
        for band, other, blob, story in conn.execute(
            "SELECT b.band, b.doc, m.signature, d.story FROM lsh_bands b JOIN minhashes m ON m.doc = b.doc "
            "JOIN documents d ON d.pk = b.doc WHERE b.band IN (SELECT value FROM json_each(?))",
            (json.dumps(wanted),),
        ):
            by_band.setdefault(band, []).append((other, blob, story))
    stories: list[int] = []
    for pk, sig, row in zip(pks, sigs, keys, strict=True):
        if sig is None:
            stories.append(pk)
            continue
        found: dict[int, tuple[bytes, int]] = {}  # candidate -> (signature, story), first band first
        for key in row:
            for other, blob, story in by_band.get(key, ()):
                found.setdefault(other, (blob, story))
        best = None
        if found:  # all candidates scored at once; the best is the last with the highest score, as one by one
            blobs, owners = zip(*found.values(), strict=True)
            others = np.frombuffer(b"".join(blobs), dtype=sig.dtype).reshape(len(blobs), -1)
            scores = np.count_nonzero(others == sig, axis=1)
            top = int(scores.max())
            if top / len(sig) >= dedup.THRESHOLD:
                best = owners[len(scores) - 1 - int(np.argmax(scores[::-1] == top))]
        story = int(best) if best is not None else pk
        stories.append(story)
        blob = sig.tobytes()
        for key in row:  # later documents of the batch find this one
            by_band.setdefault(key, []).append((pk, blob, story))
    return stories, [(pk, sig.tobytes(), row) for pk, sig, row in zip(pks, sigs, keys, strict=True) if sig is not None]
