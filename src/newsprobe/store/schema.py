"""The store's schema as named migrations, applied in order and recorded in ``migrations``.

Quotes and claims carry ``who`` ("p12": the corpus person as a token) in their full-text index, so a
search by words and speaker is one FTS5 query that intersects both posting lists.
The index is external-content: the writers add a batch's rows with ``fulltext_add`` (one INSERT ... SELECT);
triggers remove and re-index rows on DELETE and UPDATE.

A migration is never edited once released: a change to the schema is a new named migration at the
end of ``MIGRATIONS``. ``migrate`` applies the ones a database lacks, each in its own transaction.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

MIGRATIONS: list[tuple[str, str]] = [
    (
        "0001_documents",
        """
        CREATE TABLE documents (
            pk INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            content_hash TEXT NOT NULL,
            text_hash TEXT NOT NULL,
            url TEXT,
            outlet TEXT,
            title TEXT,
            published TEXT,
            ingested_at TEXT NOT NULL,
            story INTEGER,
            record TEXT NOT NULL
        );
        CREATE INDEX documents_outlet ON documents(outlet);
        CREATE INDEX documents_published ON documents(published);
        CREATE INDEX documents_story ON documents(story);
        CREATE TABLE segments (
            doc INTEGER NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            kind TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            PRIMARY KEY (doc, idx)
        ) WITHOUT ROWID;
        """,
    ),
    (
        "0002_people_entities",
        """
        CREATE TABLE people (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            surname TEXT NOT NULL,
            quote_count INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX people_surname ON people(surname);
        CREATE INDEX people_quote_count ON people(quote_count);
        CREATE TABLE entities (
            doc INTEGER NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
            local_id TEXT NOT NULL,
            name TEXT NOT NULL,
            key TEXT NOT NULL,
            type TEXT NOT NULL,
            person INTEGER REFERENCES people(id),
            mentions INTEGER NOT NULL,
            descriptors TEXT NOT NULL,
            PRIMARY KEY (doc, local_id)
        ) WITHOUT ROWID;
        CREATE INDEX entities_key ON entities(key);
        CREATE INDEX entities_person ON entities(person);
        """,
    ),
    (
        "0003_quotes_claims_flags",
        """
        CREATE TABLE quotes (
            id INTEGER PRIMARY KEY,
            doc INTEGER NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            text TEXT NOT NULL,
            kind TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            speaker_name TEXT,
            speaker_entity TEXT,
            person INTEGER REFERENCES people(id),
            who TEXT,
            role TEXT,
            resolution TEXT,
            confidence REAL
        );
        CREATE INDEX quotes_doc ON quotes(doc);
        CREATE INDEX quotes_person ON quotes(person, id, doc);  -- covering for a speaker's newest, by document
        CREATE TABLE claims (
            id INTEGER PRIMARY KEY,
            doc INTEGER NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            text TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            source_entity TEXT,
            person INTEGER REFERENCES people(id),
            who TEXT,
            checkworthiness REAL,
            figures TEXT NOT NULL,
            hedges TEXT NOT NULL
        );
        CREATE INDEX claims_doc ON claims(doc);
        CREATE INDEX claims_person ON claims(person, id, doc);
        CREATE TABLE flags (
            doc INTEGER NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            code TEXT NOT NULL,
            start INTEGER,
            "end" INTEGER,
            message TEXT NOT NULL,
            PRIMARY KEY (doc, idx)
        ) WITHOUT ROWID;
        CREATE INDEX flags_code ON flags(code);
        """,
    ),
    (
        "0004_fulltext",
        """
        CREATE VIRTUAL TABLE quotes_fts USING fts5(text, who, content='quotes', content_rowid='id');
        CREATE VIRTUAL TABLE claims_fts USING fts5(text, who, content='claims', content_rowid='id');
        CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
            INSERT INTO quotes_fts(rowid, text, who) VALUES (new.id, new.text, new.who);
        END;
        CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
            INSERT INTO quotes_fts(quotes_fts, rowid, text, who) VALUES ('delete', old.id, old.text, old.who);
        END;
        CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text, who ON quotes BEGIN
            INSERT INTO quotes_fts(quotes_fts, rowid, text, who) VALUES ('delete', old.id, old.text, old.who);
            INSERT INTO quotes_fts(rowid, text, who) VALUES (new.id, new.text, new.who);
        END;
        CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
            INSERT INTO claims_fts(rowid, text, who) VALUES (new.id, new.text, new.who);
        END;
        CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
            INSERT INTO claims_fts(claims_fts, rowid, text, who) VALUES ('delete', old.id, old.text, old.who);
        END;
        CREATE TRIGGER claims_fts_update AFTER UPDATE OF text, who ON claims BEGIN
            INSERT INTO claims_fts(claims_fts, rowid, text, who) VALUES ('delete', old.id, old.text, old.who);
            INSERT INTO claims_fts(rowid, text, who) VALUES (new.id, new.text, new.who);
        END;
        """,
    ),
    (
        "0005_near_duplicates",
        """
        CREATE TABLE minhashes (
            doc INTEGER PRIMARY KEY REFERENCES documents(pk) ON DELETE CASCADE,
            signature BLOB NOT NULL
        );
        CREATE TABLE lsh_bands (
            band INTEGER NOT NULL,
            doc INTEGER NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
            PRIMARY KEY (band, doc)
        ) WITHOUT ROWID;
        """,
    ),
    (
        # rows are added to the full-text index by the writers, one INSERT ... SELECT per batch
        # (``fulltext_add``): a trigger per row cost a sixth of a batched write
        "0006_fulltext_bulk_insert",
        """
        DROP TRIGGER quotes_fts_insert;
        DROP TRIGGER claims_fts_insert;
        """,
    ),
]


def fulltext_add(conn: sqlite3.Connection, first_doc: int, last_doc: int) -> None:
    """Index the quotes and claims of documents ``first_doc``..``last_doc`` (just inserted) for full text."""
    for table in ("quotes", "claims"):
        conn.execute(
            f"INSERT INTO {table}_fts(rowid, text, who) SELECT id, text, who FROM {table} "  # noqa: S608
            "WHERE doc BETWEEN ? AND ?",
            (first_doc, last_doc),
        )


def applied(conn: sqlite3.Connection) -> list[str]:
    """The names of the migrations this database has, in the order they were applied."""
    conn.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    return [row[0] for row in conn.execute("SELECT name FROM migrations ORDER BY rowid")]


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply the migrations the database lacks; returns their names."""
    done = set(applied(conn))
    names = [name for name, _ in MIGRATIONS]
    unknown = done - set(names)
    if unknown:
        raise RuntimeError(
            f"this database has migrations this newsprobe does not know ({', '.join(sorted(unknown))}): "
            "it was written by a newer version; upgrade newsprobe"
        )
    new = []
    for name, sql in MIGRATIONS:
        if name in done:
            continue
        # one transaction per migration: executescript would commit statement by statement
        conn.execute("BEGIN IMMEDIATE")
        try:
            if name in set(applied(conn)):  # another process got there first
                conn.execute("ROLLBACK")
                continue
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO migrations (name, applied_at) VALUES (?, ?)",
                (name, datetime.now(UTC).isoformat(timespec="seconds")),
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        new.append(name)
    return new


def _statements(sql: str) -> list[str]:
    """Split a migration into statements (triggers contain semicolons, so split on complete ones)."""
    statements, current = [], ""
    for line in sql.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements
