"""Writing records: each document atomic, idempotent by content hash.

The same record twice is stored once ("unchanged"); the same id with other content is replaced in
place, keeping its row so story numbers stay valid. A crash, an exception or Ctrl-C inside a
document rolls the whole document back, so the database only ever holds whole documents.
A document is its own transaction, or a savepoint inside a batch (``Store.write_many``): committing
costs far more than writing a document (the full-text index flushes a segment per commit).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from newsprobe.record import Document
from newsprobe.store import dedup
from newsprobe.store.rows import Rows
from newsprobe.store.schema import fulltext_add

ADDED, REPLACED, UNCHANGED = "added", "replaced", "unchanged"
_CHILD_TABLES = ("segments", "entities", "quotes", "claims", "flags")


def canonical_json(record: dict[str, Any]) -> str:
    """The record as compact JSON with sorted keys: the text its content hash is taken over."""
    return json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def content_hash(record_json: str) -> str:
    """The content hash a stored record is keyed by."""
    return hashlib.sha256(record_json.encode("utf-8")).hexdigest()[:32]


def text_hash(text: str) -> str:
    """The hash of a page as it came in, to skip re-analysing documents already stored."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def outlet_of(url: str | None) -> str | None:
    """The outlet a page comes from: its host name without ``www.``."""
    if not url:
        return None
    host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
    return host.removeprefix("www.") or None


def prepare(doc: Document | dict[str, Any]) -> tuple[Document, str, str]:
    """The document (a record dict is rebuilt), its canonical record JSON and its content hash."""
    if isinstance(doc, dict):
        doc = Document.from_dict(doc)
    record_json = canonical_json(doc.to_dict())
    return doc, record_json, content_hash(record_json)


def document_values(
    doc: Document,
    record_json: str,
    digest: str,
    input_hash: str | None,
    ingested_at: str,
) -> tuple[Any, ...]:
    """The ``documents`` columns content_hash, text_hash, url, outlet, title, published, ingested_at, record."""
    return (
        digest,
        input_hash or text_hash(doc.text),
        doc.url,
        outlet_of(doc.url),
        doc.title,
        doc.published,
        ingested_at,
        record_json,
    )


def now() -> str:
    """The time a document is stored at, as ``documents.ingested_at`` holds it."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def write_document(
    conn: sqlite3.Connection, doc: Document | dict[str, Any], input_hash: str | None = None, hook: Any = None
) -> str:
    """Store one document in its own transaction; returns "added", "replaced" or "unchanged".

    ``input_hash`` is ``text_hash`` of the page as it came in (HTML pages: of the HTML), so that a later
    ingest can skip analysing it again; it defaults to the hash of the record's text.
    ``hook`` (tests only) is called inside the transaction after the document's rows are written.
    """
    doc, record_json, digest = prepare(doc)
    nested = conn.in_transaction  # inside write_many's batch: a savepoint keeps this document atomic
    conn.execute("SAVEPOINT document" if nested else "BEGIN IMMEDIATE")
    try:
        row = conn.execute("SELECT pk, content_hash, story FROM documents WHERE id = ?", (doc.id,)).fetchone()
        if row and row[1] == digest:
            conn.execute("RELEASE document" if nested else "COMMIT")
            return UNCHANGED
        values = document_values(doc, record_json, digest, input_hash, now())
        if row:
            pk, story = int(row[0]), row[2]
            _delete_children(conn, pk)
            conn.execute(
                "UPDATE documents SET content_hash = ?, text_hash = ?, url = ?, outlet = ?, title = ?, "
                "published = ?, ingested_at = ?, record = ? WHERE pk = ?",
                (*values, pk),
            )
        else:
            story = None
            cursor = conn.execute(
                "INSERT INTO documents (content_hash, text_hash, url, outlet, title, published, ingested_at, "
                "record, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*values, doc.id),
            )
            pk = int(cursor.lastrowid or 0)
        rows = Rows(conn)
        rows.add(pk, doc)
        rows.insert(conn)
        fulltext_add(conn, pk, pk)
        story = dedup.assign_story(conn, pk, doc.body_text() or doc.text, story)
        conn.execute("UPDATE documents SET story = ? WHERE pk = ?", (story, pk))
        if hook is not None:
            hook(conn, pk)
        conn.execute("RELEASE document" if nested else "COMMIT")
    except BaseException:
        if nested:
            conn.execute("ROLLBACK TO document")
            conn.execute("RELEASE document")
        else:
            conn.execute("ROLLBACK")
        raise
    return REPLACED if row else ADDED


def delete_document(conn: sqlite3.Connection, doc_id: str) -> bool:
    """Remove a document and everything derived from it; returns whether it was there."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        row = conn.execute("SELECT pk FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row:
            _delete_children(conn, int(row[0]))
            dedup.forget(conn, int(row[0]))
            conn.execute("DELETE FROM documents WHERE pk = ?", (row[0],))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return row is not None


def _delete_children(conn: sqlite3.Connection, pk: int) -> None:
    conn.execute(
        "UPDATE people SET quote_count = quote_count - (SELECT count(*) FROM quotes q WHERE q.doc = ? "
        "AND q.person = people.id) WHERE id IN (SELECT person FROM quotes WHERE doc = ?)",
        (pk, pk),
    )
    for table in _CHILD_TABLES:
        conn.execute(f"DELETE FROM {table} WHERE doc = ?", (pk,))  # noqa: S608 - fixed table names
