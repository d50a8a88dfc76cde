"""Reading the store: who-said-what search and the data behind each web page.

Every function takes a connection and returns plain dicts and lists (JSON-ready): the web pages, their
``.json`` twins and ``newsprobe search`` are all built from these. SQL is always parameterised.
"""

from __future__ import annotations

import heapq
import json
import re
import sqlite3
from typing import Any

from newsprobe.store.people import find_people, name_key

# A search returns at most this many hits of each kind unless asked otherwise.
DEFAULT_LIMIT = 50
# Document filters (outlet, dates, entity) that leave at most this many documents are applied first,
# reading only those documents' rows; looser ones are checked while walking the newest rows.
DOCS_FIRST = 2000
_TERM = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str | None:
    """A user's words as a safe FTS5 query: every word required, "quoted phrases" kept, ``word*`` a prefix."""
    parts = []
    for phrase, bare in _TERM.findall(text):
        if phrase:
            words = _WORD.findall(phrase)
            if words:
                parts.append('"' + " ".join(words) + '"')
            continue
        prefix = bare.endswith("*")
        for word in _WORD.findall(bare):
            parts.append(f'"{word}"')
        if prefix and parts and _WORD.findall(bare):
            parts[-1] += "*"
    return " ".join(parts) or None


def search(
    conn: sqlite3.Connection,
    query: str | None = None,
    speaker: str | None = None,
    entity: str | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    kinds: tuple[str, ...] = ("quote", "claim"),
    limit: int = DEFAULT_LIMIT,
) -> list[dict[str, Any]]:
    """Quotes and claims matching the words and filters, newest stored first."""
    match = fts_query(query) if query else None
    if query and match is None:
        return []
    if match:
        match = f"text : ({match})"  # not the "who" column
    people: list[int] = []
    if speaker:
        people = find_people(conn, speaker)
        if not people:
            return []
        if match:  # one FTS query intersecting the words with the speaker's token: no scan of the word's hits
            match = f"({match}) AND who : ({' OR '.join(f'p{p}' for p in people)})"
            people = []
    # filters on the document (the entity one as a clause on t.doc, the others on d)
    clauses: list[str] = []
    params: list[Any] = []
    if entity:
        named = find_people(conn, entity)
        marks = ",".join("?" * len(named)) or "NULL"
        # on t.doc, not d.pk: SQLite would carry d.pk's list over to t and drive the whole query from it
        clauses.append(
            f"t.doc IN (SELECT doc FROM entities WHERE key = ? UNION ALL "
            f"SELECT doc FROM entities WHERE person IN ({marks}))"
        )
        params += [name_key(entity) or entity.lower(), *named]
    if outlet:
        clauses.append("d.outlet = ?")
        params.append(outlet.lower().removeprefix("www."))
    if since:
        clauses.append("d.published >= ?")
        params.append(since)
    if until:
        clauses.append("substr(d.published, 1, length(?)) <= ?")
        params += [until, until]
    docs_first = bool(clauses) and not match and _count_documents(conn, clauses, params) <= DOCS_FIRST
    hits: list[dict[str, Any]] = []
    for kind in kinds:
        table = "quotes" if kind == "quote" else "claims"
        if docs_first:
            ids = _in_documents(conn, table, clauses, params, people, limit)
        elif people:
            ids = _latest_of_people(conn, table, people, clauses, params, limit)
        else:
            ids = _matching_ids(conn, table, match, clauses, params, limit)
        hits += _hits(conn, kind, ids)
    hits.sort(key=lambda h: h.pop("_order"), reverse=True)
    return hits[:limit]


def _count_documents(conn: sqlite3.Connection, clauses: list[str], params: list[Any]) -> int:
    """How many documents pass the filters, counted up to DOCS_FIRST + 1 (enough to choose a plan)."""
    where = " AND ".join(clauses).replace("t.doc IN", "d.pk IN")
    sql = f"SELECT count(*) FROM (SELECT 1 FROM documents d WHERE {where} LIMIT ?)"  # noqa: S608
    return int(conn.execute(sql, (*params, DOCS_FIRST + 1)).fetchone()[0])


def _in_documents(
    conn: sqlite3.Connection, table: str, clauses: list[str], params: list[Any], people: list[int], limit: int
) -> list[int]:
    """The newest rows of the few documents that pass the filters (documents first, then their rows)."""
    where = list(clauses)
    args = list(params)
    if people:
        where.append(f"t.person IN ({','.join('?' * len(people))})")
        args += people
    # CROSS JOIN keeps documents the outer loop: the filters leave few of them
    sql = (
        f"SELECT t.id FROM documents d CROSS JOIN {table} t ON t.doc = d.pk "  # noqa: S608
        f"WHERE {' AND '.join(where)} ORDER BY t.id DESC LIMIT ?"
    )
    return [r[0] for r in conn.execute(sql, (*args, limit))]


def _latest_of_people(
    conn: sqlite3.Connection, table: str, people: list[int], clauses: list[str], params: list[Any], limit: int
) -> list[int]:
    """The newest matching ids of some people: a short walk down each one's index range, merged.

    Not ``person IN (…) ORDER BY id``: for a common surname that reads and sorts every row of every
    namesake before the limit applies.
    """
    # INDEXED BY and CROSS JOIN pin the plan: walk the person's index newest first, check the filters per row
    # (left to itself, the planner may drive from the documents the filters allow and sort all their rows)
    sql = f"SELECT t.id FROM {table} t INDEXED BY {table}_person "  # noqa: S608 - fixed table names
    if any("d." in c for c in clauses):
        sql += "CROSS JOIN documents d ON d.pk = t.doc "
    if any("SELECT" in c for c in clauses):
        # a subquery (the entity's documents) would be rebuilt for every person: one statement for all of them,
        # reading the covering index (person, id, doc) and sorting ids only
        sql += "WHERE " + " AND ".join([f"t.person IN ({','.join('?' * len(people))})", *clauses])
        return [r[0] for r in conn.execute(sql + " ORDER BY t.id DESC LIMIT ?", (*people, *params, limit))]
    sql += "WHERE " + " AND ".join(["t.person = ?", *clauses]) + " ORDER BY t.id DESC LIMIT ?"
    newest: list[int] = []
    for person in people:
        newest += [r[0] for r in conn.execute(sql, (person, *params, limit))]
    return heapq.nlargest(limit, newest)


def _matching_ids(
    conn: sqlite3.Connection, table: str, match: str | None, clauses: list[str], params: list[Any], limit: int
) -> list[int]:
    """Phase one of a search: only the ids, from the indexes, newest first (rows are read for these alone)."""
    args = list(params)
    if match:
        sql = f"SELECT f.rowid FROM {table}_fts f "
        if clauses:
            sql += f"CROSS JOIN {table} t ON t.id = f.rowid CROSS JOIN documents d ON d.pk = t.doc "
        clauses = [f"{table}_fts MATCH ?", *clauses]
        args.insert(0, match)
        order = "f.rowid DESC"
    else:
        sql = f"SELECT t.id FROM {table} t "
        if any("d." in c for c in clauses):  # newest rows first, filters checked per row: loose (see DOCS_FIRST)
            sql += "CROSS JOIN documents d ON d.pk = t.doc "
        order = "t.id DESC"
    if clauses:
        sql += "WHERE " + " AND ".join(clauses) + " "
    sql += f"ORDER BY {order} LIMIT ?"
    return [r[0] for r in conn.execute(sql, (*args, limit))]


def _hits(conn: sqlite3.Connection, kind: str, ids: list[int]) -> list[dict[str, Any]]:
    """Phase two: the rows behind the ids, with their documents and speakers."""
    if not ids:
        return []
    table, extra = (
        ("quotes", "t.kind, t.speaker_name, t.role") if kind == "quote" else ("claims", "'claim', NULL, NULL")
    )
    sql = (
        f'SELECT t.id, t.text, t.start, t."end", t.person, p.name, {extra}, d.id, d.title, d.url, d.outlet, '
        f"d.published, d.pk FROM {table} t JOIN documents d ON d.pk = t.doc LEFT JOIN people p ON p.id = t.person "
        f"WHERE t.id IN ({','.join('?' * len(ids))})"
    )
    return [
        {
            "type": kind,
            "text": row[1],
            "span": [row[2], row[3]],
            "speaker_id": row[4],
            "speaker": row[5] or row[7],
            "kind": row[6],
            "role": row[8],
            "doc": row[9],
            "title": row[10],
            "url": row[11],
            "outlet": row[12],
            "published": row[13],
            "_order": (row[14], row[2]),
        }
        for row in conn.execute(sql, ids)
    ]


def overview(conn: sqlite3.Connection, limit: int = 20) -> dict[str, Any]:
    """The front page: the latest documents and the most-quoted speakers."""
    latest = [
        {"id": r[0], "title": r[1], "outlet": r[2], "published": r[3], "quotes": r[4], "copies": r[5]}
        for r in conn.execute(
            "SELECT d.id, d.title, d.outlet, d.published, (SELECT count(*) FROM quotes q WHERE q.doc = d.pk), "
            "(SELECT count(*) FROM documents c WHERE c.story = d.story) - 1 "
            "FROM documents d ORDER BY d.pk DESC LIMIT ?",
            (limit,),
        )
    ]
    speakers = [
        {"id": r[0], "name": r[1], "quotes": r[2]}
        for r in conn.execute(
            "SELECT id, name, quote_count FROM people WHERE quote_count > 0 ORDER BY quote_count DESC, id LIMIT ?",
            (limit,),
        )
    ]
    return {
        "documents": latest,
        "speakers": speakers,
        "counts": {"documents": _count(conn, "documents"), "people": _count(conn, "people")},
    }


def _count(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # noqa: S608 - fixed names


def document(conn: sqlite3.Connection, doc_id: str) -> dict[str, Any] | None:
    """One stored document: its full record, the corpus person of each speaker, its story's size."""
    row = conn.execute(
        "SELECT pk, record, outlet, story, ingested_at FROM documents WHERE id = ?", (doc_id,)
    ).fetchone()
    if row is None:
        return None
    pk, record_json, outlet, story, ingested = row
    quote_people = {int(r[0]): r[1] for r in conn.execute("SELECT idx, person FROM quotes WHERE doc = ?", (pk,))}
    entity_people = {
        r[0]: r[1]
        for r in conn.execute("SELECT local_id, person FROM entities WHERE doc = ? AND person IS NOT NULL", (pk,))
    }
    copies = conn.execute("SELECT count(*) FROM documents WHERE story = ? AND pk != ?", (story, pk)).fetchone()[0]
    return {
        "record": json.loads(record_json),
        "outlet": outlet,
        "ingested_at": ingested,
        "quote_people": quote_people,
        "entity_people": entity_people,
        "copies": int(copies),
    }


def speaker(conn: sqlite3.Connection, person_id: int, limit: int = 500, offset: int = 0) -> dict[str, Any] | None:
    """One corpus person: their quotes (newest first, a page of them), quotes by month and by outlet, names used."""
    person = conn.execute("SELECT id, name, key, quote_count FROM people WHERE id = ?", (person_id,)).fetchone()
    if person is None:
        return None
    quotes = [
        {
            "text": r[0],
            "kind": r[1],
            "span": [r[2], r[3]],
            "as": r[4],
            "role": r[5],
            "doc": r[6],
            "title": r[7],
            "outlet": r[8],
            "published": r[9],
        }
        for r in conn.execute(
            'SELECT q.text, q.kind, q.start, q."end", q.speaker_name, q.role, d.id, d.title, d.outlet, d.published '
            "FROM quotes q JOIN documents d ON d.pk = q.doc WHERE q.person = ? ORDER BY d.published DESC, q.id DESC "
            "LIMIT ? OFFSET ?",
            (person_id, limit, offset),
        )
    ]
    by_month = [
        {"month": r[0], "quotes": r[1]}
        for r in conn.execute(
            "SELECT coalesce(substr(d.published, 1, 7), 'undated') m, count(*) FROM quotes q "
            "JOIN documents d ON d.pk = q.doc WHERE q.person = ? GROUP BY m ORDER BY m",
            (person_id,),
        )
    ]
    by_outlet = [
        {"outlet": r[0], "quotes": r[1]}
        for r in conn.execute(
            "SELECT coalesce(d.outlet, 'unknown') o, count(*) n FROM quotes q JOIN documents d ON d.pk = q.doc "
            "WHERE q.person = ? GROUP BY o ORDER BY n DESC, o",
            (person_id,),
        )
    ]
    names = [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT name FROM entities WHERE person = ? UNION SELECT DISTINCT speaker_name FROM quotes "
            "WHERE person = ? AND speaker_name IS NOT NULL",
            (person_id, person_id),
        )
    ]
    return {
        "id": person[0],
        "name": person[1],
        "key": person[2],
        "quote_count": person[3],
        "names": sorted(names),
        "offset": offset,
        "quotes": quotes,
        "by_month": by_month,
        "by_outlet": by_outlet,
    }


def story(conn: sqlite3.Connection, doc_id: str) -> dict[str, Any] | None:
    """A document and its near-duplicates (the same story), each with its body text, oldest stored first."""
    row = conn.execute("SELECT story FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        return None
    from newsprobe.record import Document
    from newsprobe.store.dedup import from_blob, signature, similarity

    copies, signatures = [], []
    for r in conn.execute(
        "SELECT d.id, d.title, d.url, d.outlet, d.published, d.record, m.signature FROM documents d "
        "LEFT JOIN minhashes m ON m.doc = d.pk WHERE d.story = ? ORDER BY d.pk LIMIT 50",
        (row[0],),
    ):
        doc = Document.from_dict(json.loads(r[5]))
        copies.append(
            {
                "id": r[0],
                "title": r[1],
                "url": r[2],
                "outlet": r[3],
                "published": r[4],
                "body": doc.body_text() or doc.text,
                "quotes": len(doc.quotes),
            }
        )
        # the signature stored when the document was written (the same as signature(body))
        signatures.append(from_blob(r[6]) if r[6] is not None else signature(copies[-1]["body"]))
    base_sig = next(sig for c, sig in zip(copies, signatures, strict=True) if c["id"] == doc_id)
    for copy, sig in zip(copies, signatures, strict=True):
        copy["similarity"] = None if sig is None or base_sig is None else round(similarity(base_sig, sig), 3)
    return {"id": doc_id, "story": row[0], "documents": copies}
