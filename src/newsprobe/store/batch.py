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
from datetime import UTC, datetime
from typing import Any

import numpy as np

from newsprobe.record import Document
from newsprobe.store import dedup
from newsprobe.store.people import link_person, name_key
from newsprobe.store.schema import fulltext_add
from newsprobe.store.writer import (
    ADDED,
    UNCHANGED,
    canonical_json,
    content_hash,
    outlet_of,
    text_hash,
    who_token,
    write_document,
)

_Item = tuple[Document, str, str, str | None]  # document, its record JSON, content hash, input hash
_dumps = json.JSONEncoder().encode  # as json.dumps, without its per-call set-up
_dumps_unicode = json.JSONEncoder(ensure_ascii=False).encode  # as json.dumps(..., ensure_ascii=False)


def _json(value: list[Any], encode: Any = _dumps) -> str:
    """A list as JSON, as ``json.dumps`` writes it."""
    return encode(value) if value else "[]"


def write_batch(conn: sqlite3.Connection, docs: Sequence[Document | dict[str, Any]],
                input_hashes: Sequence[str | None] | None = None, people: dict[str, int | None] | None = None,
                ) -> list[str]:
    """Store documents inside the caller's open transaction; returns each one's outcome, in order.

    ``people`` caches full-name keys to corpus people across batches (a full name's id never changes);
    it is filled in place, so pass a copy and keep it only once the transaction is committed.
    """
    hashes = list(input_hashes) if input_hashes is not None else [None] * len(docs)
    items: list[_Item] = []
    for doc, input_hash in zip(docs, hashes, strict=True):
        if isinstance(doc, dict):
            doc = Document.from_dict(doc)
        record_json = canonical_json(doc.to_dict())
        items.append((doc, record_json, content_hash(record_json), input_hash))
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


class _People:
    """Corpus people for a batch: full names cached (their id never changes), merges remembered."""

    def __init__(self, conn: sqlite3.Connection, full: dict[str, int | None] | None = None) -> None:
        self.conn = conn
        self.full: dict[str, int | None] = {} if full is None else full
        self.single: dict[str, set[int]] = {}  # surname-only people linked in this batch
        self.merged: dict[int, int] = {}

    def link(self, name: str) -> int | None:
        """``link_person``, remembering which surname-only people a new full name absorbed."""
        key = name_key(name)
        if " " not in key:
            person = link_person(self.conn, name)
            if person is not None and key:
                self.single.setdefault(key, set()).add(person)
            return person
        if key in self.full:
            return self.full[key]
        person = self.full[key] = link_person(self.conn, name)
        surname = key.rsplit(" ", 1)[1]
        for old in list(self.single.get(surname, ())):
            # absorbed: rows of this batch still pointing at it follow, as stored rows did
            if person is not None and old != person and not self.conn.execute(
                    "SELECT 1 FROM people WHERE id = ?", (old,)).fetchone():
                self.merged[old] = person
                self.single[surname].discard(old)
        return person

    def final(self, person: int | None) -> int | None:
        """The person an id stands for after the merges of this batch."""
        while person is not None and person in self.merged:
            person = self.merged[person]
        return person


def _insert_new(conn: sqlite3.Connection, group: list[_Item], known: dict[str, int | None] | None = None) -> None:
    """Insert documents not stored yet, each table with one executemany."""
    if not group:
        return
    first = int(conn.execute("SELECT coalesce(max(pk), 0) FROM documents").fetchone()[0]) + 1
    pks = list(range(first, first + len(group)))
    stories, signatures = _stories(conn, pks, [item[0] for item in group])
    now = datetime.now(UTC).isoformat(timespec="seconds")
    conn.executemany(
        "INSERT INTO documents (pk, id, content_hash, text_hash, url, outlet, title, published, ingested_at, "
        "story, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(pk, doc.id, digest, input_hash or text_hash(doc.text), doc.url, outlet_of(doc.url), doc.title,
          doc.published, now, story, record_json)
         for pk, story, (doc, record_json, digest, input_hash) in zip(pks, stories, group, strict=True)],
    )
    conn.executemany("INSERT INTO minhashes (doc, signature) VALUES (?, ?)",
                     [(pk, blob) for pk, blob, _ in signatures])
    conn.executemany("INSERT OR IGNORE INTO lsh_bands (band, doc) VALUES (?, ?)",
                     [(key, pk) for pk, _, keys in signatures for key in set(keys)])
    people = _People(conn, known)
    segments: list[tuple[Any, ...]] = []
    flags: list[tuple[Any, ...]] = []
    entities: list[list[Any]] = []
    quotes: list[list[Any]] = []
    claims: list[list[Any]] = []
    for pk, (doc, _, _, _) in zip(pks, group, strict=True):
        text = doc.text
        segments += [(pk, i, s.kind, s.start, s.end) for i, s in enumerate(doc.segments)]
        entity_person: dict[str, int | None] = {}
        for entity in doc.entities:
            person = people.link(entity.name) if entity.type == "PERSON" else None
            entity_person[entity.id] = person
            entities.append([pk, entity.id, entity.name, name_key(entity.name) or entity.name.lower(), entity.type,
                             person, len(entity.mentions), _json(entity.descriptors, _dumps_unicode)])
        for i, quote in enumerate(doc.quotes):
            if not quote.content:
                continue
            speaker = quote.speaker
            person = entity_person.get(speaker.entity) if speaker.entity else None
            if person is None and speaker.name:
                person = people.link(speaker.name)
            quotes.append([pk, i, " … ".join(text[s:e] for s, e in quote.content), quote.kind,
                           quote.content[0][0], quote.content[-1][1], speaker.name, speaker.entity, person, None,
                           speaker.role, speaker.resolution, speaker.confidence])
        claims += [[pk, i, text[c.span[0] : c.span[1]], c.span[0], c.span[1], c.source,
                    entity_person.get(c.source or ""), None, c.checkworthiness,
                    _json([f.to_dict() for f in c.figures]), _json(c.hedges)]
                   for i, c in enumerate(doc.claims)]
        flags += [(pk, i, f.code, *(f.span or (None, None)), f.message) for i, f in enumerate(doc.flags)]
    for row in entities:
        row[5] = people.final(row[5])
    counts: dict[int, int] = {}
    for rows, at in ((quotes, 8), (claims, 6)):  # person, then its full-text token
        for row in rows:
            row[at] = people.final(row[at])
            row[at + 1] = who_token(row[at])
            if rows is quotes and row[at] is not None:
                counts[row[at]] = counts.get(row[at], 0) + 1
    conn.executemany('INSERT INTO segments (doc, idx, kind, start, "end") VALUES (?, ?, ?, ?, ?)', segments)
    conn.executemany(
        "INSERT OR REPLACE INTO entities (doc, local_id, name, key, type, person, mentions, descriptors) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        entities,
    )
    conn.executemany(
        'INSERT INTO quotes (doc, idx, text, kind, start, "end", speaker_name, speaker_entity, person, who, role, '
        "resolution, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        quotes,
    )
    conn.executemany("UPDATE people SET quote_count = quote_count + ? WHERE id = ?",
                     [(n, person) for person, n in counts.items()])
    conn.executemany(
        'INSERT INTO claims (doc, idx, text, start, "end", source_entity, person, who, checkworthiness, figures, '
        "hedges) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        claims,
    )
    conn.executemany('INSERT INTO flags (doc, idx, code, start, "end", message) VALUES (?, ?, ?, ?, ?, ?)', flags)
    fulltext_add(conn, pks[0], pks[-1])


def _stories(conn: sqlite3.Connection, pks: list[int], docs: list[Document],
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
    return stories, [(pk, sig.tobytes(), row) for pk, sig, row in zip(pks, sigs, keys, strict=True)
                     if sig is not None]
