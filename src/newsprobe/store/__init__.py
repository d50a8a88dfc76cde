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
from newsprobe.store.schema import migrate
from newsprobe.store.writer import ADDED, REPLACED, UNCHANGED, delete_document, text_hash, write_document

__all__ = ["ADDED", "DEFAULT_DB", "REPLACED", "UNCHANGED", "Store", "StoreMissing", "connect", "text_hash"]

DEFAULT_DB = "newsprobe.db"
# write_many commits after this many documents or seconds, whichever comes first
BATCH_SIZE = 200
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
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, isolation_level=None,
                               check_same_thread=False)
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
        try:
            self.conn = connect(self.path)
        except sqlite3.DatabaseError as exc:
            raise sqlite3.DatabaseError(f"{self.path} is not a newsprobe database ({exc}); choose another --db") \
                from exc
        try:
            migrate(self.conn)
        except BaseException:
            self.conn.close()
            raise

    def write(self, doc: Document | dict[str, Any], input_hash: str | None = None) -> str:
        """Store one analysed document; returns "added", "replaced" or "unchanged"."""
        return write_document(self.conn, doc, input_hash=input_hash)

    def write_many(self, docs: Iterable[Document | dict[str, Any]], batch_size: int = BATCH_SIZE,
                   max_seconds: float = BATCH_SECONDS) -> Iterator[tuple[Document | dict[str, Any], str]]:
        """Store documents in batches, yielding each with its outcome as soon as its batch is committed.

        Each document is atomic (a savepoint); a batch commits after ``batch_size`` documents or
        ``max_seconds``, whichever comes first. A failing document is rolled back alone and its
        exception raised after the documents before it are committed.
        """
        done: list[tuple[Document | dict[str, Any], str]] = []
        started = 0.0
        try:
            for doc in docs:
                if not self.conn.in_transaction:
                    self.conn.execute("BEGIN IMMEDIATE")
                    started = time.monotonic()
                done.append((doc, write_document(self.conn, doc)))
                if len(done) >= batch_size or time.monotonic() - started >= max_seconds:
                    self.conn.execute("COMMIT")
                    yield from done
                    done.clear()
        finally:
            # also on an exception or Ctrl-C: the whole documents written so far are kept
            if self.conn.in_transaction:
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
