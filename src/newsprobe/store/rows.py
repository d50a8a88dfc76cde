"""The rows a stored document adds to each table: one builder for the one-by-one and the batch writers.

``Rows`` is filled document by document (``add``), linking speakers and PERSON entities to corpus people,
then ``insert`` writes each table with one ``executemany``. Rows point at people only once every name of
the batch is linked: a full name that arrives after its surname alone absorbs that surname-only person
(``people.link_person``), and the rows still pointing at it follow, as the rows stored before do.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from newsprobe.record import Document
from newsprobe.store.people import link_person, name_key

_dumps = json.JSONEncoder().encode  # as json.dumps, without its per-call set-up
_dumps_unicode = json.JSONEncoder(ensure_ascii=False).encode  # as json.dumps(..., ensure_ascii=False)

_SEGMENTS = 'INSERT INTO segments (doc, idx, kind, start, "end") VALUES (?, ?, ?, ?, ?)'
_ENTITIES = (
    "INSERT OR REPLACE INTO entities (doc, local_id, name, key, type, person, mentions, descriptors) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
_QUOTES = (
    'INSERT INTO quotes (doc, idx, text, kind, start, "end", speaker_name, speaker_entity, person, who, '
    "role, resolution, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_CLAIMS = (
    'INSERT INTO claims (doc, idx, text, start, "end", source_entity, person, who, checkworthiness, '
    "figures, hedges) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_FLAGS = 'INSERT INTO flags (doc, idx, code, start, "end", message) VALUES (?, ?, ?, ?, ?, ?)'
_QUOTE_COUNTS = "UPDATE people SET quote_count = quote_count + ? WHERE id = ?"


def who_token(person: int | None) -> str | None:
    """The full-text token standing for a corpus person ("p12"), indexed beside a quote's words."""
    return None if person is None else f"p{person}"


def _json(value: list[Any], encode: Any = _dumps) -> str:
    """A list as JSON, as ``json.dumps`` writes it."""
    return encode(value) if value else "[]"


class People:
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
            if (
                person is not None
                and old != person
                and not self.conn.execute("SELECT 1 FROM people WHERE id = ?", (old,)).fetchone()
            ):
                self.merged[old] = person
                self.single[surname].discard(old)
        return person

    def final(self, person: int | None) -> int | None:
        """The person an id stands for after the merges of this batch."""
        while person is not None and person in self.merged:
            person = self.merged[person]
        return person


class Rows:
    """The child-table rows of a batch of documents (one document is a batch of one)."""

    __slots__ = ("claims", "entities", "flags", "people", "quotes", "segments")

    def __init__(self, conn: sqlite3.Connection, known: dict[str, int | None] | None = None) -> None:
        self.people = People(conn, known)
        self.segments: list[tuple[Any, ...]] = []
        self.flags: list[tuple[Any, ...]] = []
        self.entities: list[list[Any]] = []
        self.quotes: list[list[Any]] = []
        self.claims: list[list[Any]] = []

    def add(self, pk: int, doc: Document) -> None:
        """Add a document's rows, stored under key ``pk``; people are linked now, rows point at them on insert."""
        link = self.people.link
        text = doc.text
        self.segments += [(pk, i, s.kind, s.start, s.end) for i, s in enumerate(doc.segments)]
        entity_person: dict[str, int | None] = {}
        for entity in doc.entities:
            person = link(entity.name) if entity.type == "PERSON" else None
            entity_person[entity.id] = person
            self.entities.append(
                [
                    pk,
                    entity.id,
                    entity.name,
                    name_key(entity.name) or entity.name.lower(),
                    entity.type,
                    person,
                    len(entity.mentions),
                    _json(entity.descriptors, _dumps_unicode),
                ]
            )
        for i, quote in enumerate(doc.quotes):
            if not quote.content:
                continue
            speaker = quote.speaker
            person = entity_person.get(speaker.entity) if speaker.entity else None
            if person is None and speaker.name:
                person = link(speaker.name)
            self.quotes.append(
                [
                    pk,
                    i,
                    " … ".join(text[s:e] for s, e in quote.content),
                    quote.kind,
                    quote.content[0][0],
                    quote.content[-1][1],
                    speaker.name,
                    speaker.entity,
                    person,
                    None,
                    speaker.role,
                    speaker.resolution,
                    speaker.confidence,
                ]
            )
        self.claims += [
            [
                pk,
                i,
                text[c.span[0] : c.span[1]],
                c.span[0],
                c.span[1],
                c.source,
                entity_person.get(c.source or ""),
                None,
                c.checkworthiness,
                _json([f.to_dict() for f in c.figures]),
                _json(c.hedges),
            ]
            for i, c in enumerate(doc.claims)
        ]
        self.flags += [(pk, i, f.code, *(f.span or (None, None)), f.message) for i, f in enumerate(doc.flags)]

    def insert(self, conn: sqlite3.Connection) -> None:
        """Write every table's rows (one executemany each) and the quoted people's counts."""
        final = self.people.final
        for row in self.entities:
            row[5] = final(row[5])
        counts: dict[int, int] = {}
        for rows, at in ((self.quotes, 8), (self.claims, 6)):  # person, then its full-text token
            for row in rows:
                row[at] = final(row[at])
                row[at + 1] = who_token(row[at])
                if rows is self.quotes and row[at] is not None:
                    counts[row[at]] = counts.get(row[at], 0) + 1
        conn.executemany(_SEGMENTS, self.segments)
        conn.executemany(_ENTITIES, self.entities)
        conn.executemany(_QUOTES, self.quotes)
        conn.executemany(_QUOTE_COUNTS, [(n, person) for person, n in counts.items()])
        conn.executemany(_CLAIMS, self.claims)
        conn.executemany(_FLAGS, self.flags)
