"""The corpus store: analysed records in SQLite (WAL), searchable by who said what.

``Store(path)`` opens (and migrates) a database; ``store.write(doc)`` stores one analysed document in
its own transaction; the query functions in ``newsprobe.store.queries`` read it. Readers and one
writer work at the same time (WAL); several writers take turns.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from newsprobe.record import Document
from newsprobe.store.batch import write_batch
from newsprobe.store.schema import migrate
from newsprobe.store.writer import ADDED, REPLACED, UNCHANGED, delete_document, text_hash, write_document

__all__ = ["ADDED", "DEFAULT_DB", "REPLACED", "UNCHANGED", "Store", "StoreMissing", "connect", "text_hash"]

DEFAULT_DB = "newsprobe.db"
# write_many commits after this many documents or seconds, whichever comes first (a crash loses at most
# the open batch; 500 rather than 200 documents: fewer full-text segments to flush and merge, +4% stored/s)
BATCH_SIZE = 500
BATCH_SECONDS = 1.0


class StoreMissing(FileNotFoundError):
    """The database file does not exist (the message says to run ``newsprobe ingest`` first)."""


def connect(path: str | Path, readonly: bool = False) -> sqlite3.Connection:
    """A connection with the store's settings: WAL, foreign keys, a busy timeout; read-only if asked."""
    path = Path(path)
    if readonly:
        if not path.exists():
            raise StoreMissing(f"no database at {path}: run `newsprobe ingest PATH... --db {path}` first")
        # mode=rw, not ro: a read-only open of a WAL database fails when its -shm file is gone
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=rw", uri=True, isolation_level=None, check_same_thread=False
        )
        conn.execute("PRAGMA query_only=ON")
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        # NORMAL in WAL mode: a power cut may lose the last commits but never corrupts or half-writes one
        conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA busy_timeout=30000")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA cache_size=-65536")
    return conn


class Store:
    """A read-write corpus database, migrated on open."""

    def __init__(self, path: str | Path = DEFAULT_DB) -> None:
        self.path = Path(path)
        self._people: dict[str, int | None] = {}  # full-name keys to people, as committed (see write_batch)
        try:
            self.conn = connect(self.path)
        except sqlite3.DatabaseError as exc:
            raise sqlite3.DatabaseError(
                f"{self.path} is not a newsprobe database ({exc}); choose another --db"
            ) from exc
        try:
            migrate(self.conn)
        except BaseException:
            self.conn.close()
            raise

    def write(self, doc: Document | dict[str, Any], input_hash: str | None = None) -> str:
        """Store one analysed document; returns "added", "replaced" or "unchanged"."""
        return write_document(self.conn, doc, input_hash=input_hash)

    def write_many(
        self,
        docs: Iterable[Document | dict[str, Any]],
        batch_size: int = BATCH_SIZE,
        max_seconds: float = BATCH_SECONDS,
        input_hashes: dict[str, str] | None = None,
    ) -> Iterator[tuple[Document | dict[str, Any], str]]:
        """Store documents in batches, yielding each with its outcome as soon as its batch is committed.

        A batch is one transaction, written table by table (``store.batch``), committed after
        ``batch_size`` documents or ``max_seconds`` since its first, whichever comes first: a crash or
        Ctrl-C loses at most the open batch. When a batch fails it is written again one document at a
        time, each atomic (a savepoint): the documents before the failing one are committed and its
        exception raised. ``input_hashes`` maps ids to ``text_hash`` of their pages (entries are taken out).
        """
        pending: list[Document | dict[str, Any]] = []
        started = 0.0
        for doc in docs:
            if not pending:
                started = time.monotonic()
            pending.append(doc)
            if len(pending) >= batch_size or time.monotonic() - started >= max_seconds:
                yield from self._commit_batch(pending, input_hashes)
                pending = []
        if pending:
            yield from self._commit_batch(pending, input_hashes)

    def _commit_batch(
        self,
        docs: list[Document | dict[str, Any]],
        input_hashes: dict[str, str] | None,
    ) -> Iterator[tuple[Document | dict[str, Any], str]]:
        hashes = [input_hashes.pop(_doc_id(doc), None) if input_hashes else None for doc in docs]
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            people = dict(self._people) if len(self._people) < 200_000 else {}
            outcomes = write_batch(self.conn, docs, hashes, people)
            self.conn.execute("COMMIT")
            self._people = people
        except Exception:
            self.conn.execute("ROLLBACK")
        except BaseException:  # Ctrl-C: the open batch is lost, the next run carries on
            self.conn.execute("ROLLBACK")
            raise
        else:
            yield from zip(docs, outcomes, strict=True)
            return
        done: list[tuple[Document | dict[str, Any], str]] = []
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            for doc, input_hash in zip(docs, hashes, strict=True):
                done.append((doc, write_document(self.conn, doc, input_hash=input_hash)))
        finally:  # also on the failing document: the whole documents before it are kept
            self.conn.execute("COMMIT")
        yield from done

    def delete(self, doc_id: str) -> bool:
        """Remove one document; returns whether it was stored."""
        return delete_document(self.conn, doc_id)

    def is_stored(self, doc_id: str, input_hash: str) -> bool:
        """Whether a document with this id, made from the page with this ``text_hash``, is already stored."""
        row = self.conn.execute("SELECT text_hash FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return bool(row) and row[0] == input_hash

    def close(self) -> None:
        """Close the connection (the WAL is checkpointed by SQLite)."""
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _doc_id(doc: Document | dict[str, Any]) -> str:
    return doc.id if isinstance(doc, Document) else str(doc.get("id"))
