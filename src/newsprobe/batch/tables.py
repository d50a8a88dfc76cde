"""Records as flat tables: one row per document, quote, claim, entity, flag, error…, with fixed Arrow schemas.

Every table is keyed by the document ``id``. The schemas are explicit, so a table with no rows
(no flags in this batch) still has its columns and DuckDB, pandas and Spark open it the same way.
Spans are ``start_char``/``end_char`` (``cue_start``/``cue_end``…) character offsets into the
record's ``text``, end exclusive, as in the JSON record (not ``start``/``end``: ``end`` is reserved
in SQL). ``documents.record`` holds the record itself, so runs can be compared with ``newsprobe analyze``.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from newsprobe.record import Document

_SPAN = pa.struct([("start_char", pa.int32()), ("end_char", pa.int32())])
_FIGURE = pa.struct(
    [
        ("start_char", pa.int32()),
        ("end_char", pa.int32()),
        ("value", pa.float64()),
        ("unit", pa.string()),
        ("kind", pa.string()),
        ("iso", pa.string()),
    ]
)

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema(
        [
            ("id", pa.string()),
            ("source", pa.string()),
            ("url", pa.string()),
            ("title", pa.string()),
            ("published", pa.string()),
            ("language", pa.string()),
            ("chars", pa.int64()),
            ("words", pa.int64()),
            ("segments", pa.int32()),
            ("entities", pa.int32()),
            ("quotes", pa.int32()),
            ("claims", pa.int32()),
            ("flags", pa.int32()),
            ("errors", pa.int32()),
            ("headline_stance", pa.string()),
            ("headline_score", pa.float64()),
            ("record", pa.string()),  # the full newsprobe/1 JSON record
        ]
    ),
    "segments": pa.schema(
        [
            ("id", pa.string()),
            ("segment", pa.int32()),
            ("kind", pa.string()),
            ("start_char", pa.int32()),
            ("end_char", pa.int32()),
        ]
    ),
    "entities": pa.schema(
        [
            ("id", pa.string()),
            ("entity", pa.string()),
            ("name", pa.string()),
            ("type", pa.string()),
            ("mention_count", pa.int32()),
            ("mentions", pa.list_(_SPAN)),
            ("descriptors", pa.list_(pa.string())),
        ]
    ),
    "quotes": pa.schema(
        [
            ("id", pa.string()),
            ("quote", pa.int32()),
            ("kind", pa.string()),
            ("content", pa.list_(_SPAN)),
            ("content_text", pa.string()),  # the content parts joined by " … "
            ("cue_start", pa.int32()),
            ("cue_end", pa.int32()),
            ("cue_text", pa.string()),
            ("speaker_start", pa.int32()),
            ("speaker_end", pa.int32()),
            ("speaker_text", pa.string()),
            ("speaker_name", pa.string()),
            ("speaker_entity", pa.string()),
            ("speaker_role", pa.string()),
            ("speaker_resolution", pa.string()),
            ("speaker_confidence", pa.float64()),
        ]
    ),
    "claims": pa.schema(
        [
            ("id", pa.string()),
            ("claim", pa.int32()),
            ("start_char", pa.int32()),
            ("end_char", pa.int32()),
            ("text", pa.string()),
            ("source_entity", pa.string()),
            ("source_name", pa.string()),
            ("checkworthiness", pa.float64()),
            ("hedges", pa.list_(pa.string())),
            ("figures", pa.list_(_FIGURE)),
        ]
    ),
    "related": pa.schema(
        [
            ("id", pa.string()),
            ("item", pa.int32()),
            ("headline", pa.string()),
            ("rewritten", pa.string()),
            ("teaser", pa.string()),
            ("url", pa.string()),
            ("consistency", pa.string()),
            ("score", pa.float64()),
            ("start_char", pa.int32()),
            ("end_char", pa.int32()),
        ]
    ),
    "flags": pa.schema(
        [
            ("id", pa.string()),
            ("flag", pa.int32()),
            ("code", pa.string()),
            ("start_char", pa.int32()),
            ("end_char", pa.int32()),
            ("text", pa.string()),
            ("message", pa.string()),
        ]
    ),
    "errors": pa.schema(
        [
            ("id", pa.string()),  # null for an input that never became a document
            # "input" (an unreadable file, line or record), "stage" (a stage failed on the document; the
            # record is still written) or "unit" (a whole work unit failed: its pages are missing)
            ("kind", pa.string()),
            ("stage", pa.string()),
            ("source", pa.string()),  # as in the messages: "file", "file:line" or "file@offset"
            ("file", pa.string()),
            ("line", pa.int64()),
            ("byte_offset", pa.int64()),  # not "offset": a reserved word in SQL
            ("message", pa.string()),
        ]
    ),
}

TABLES: tuple[str, ...] = tuple(SCHEMAS)

# Rows buffered before a row group is written: documents rows carry the whole record (tens of kB),
# so they go out in smaller groups to keep a worker's memory flat.
ROWS_PER_GROUP: dict[str, int] = {"documents": 256}
DEFAULT_ROWS_PER_GROUP = 4096

_LINE = re.compile(r"^(?P<file>.+):(?P<line>\d+)$")
_OFFSET = re.compile(r"^(?P<file>.+)@(?P<offset>\d+)$")


def _pair(span: tuple[int, int] | None) -> tuple[int | None, int | None]:
    return (None, None) if span is None else (span[0], span[1])


def _cut(text: str, span: tuple[int, int] | None) -> str | None:
    return None if span is None else text[span[0] : span[1]]


def split_source(source: str | None) -> tuple[str | None, int | None, int | None]:
    """``file:line`` and ``file@offset`` (as ``newsprobe.ingest`` names inputs) as (file, line, offset)."""
    if not source:
        return (None, None, None)
    if match := _LINE.match(source):
        return (match["file"], int(match["line"]), None)
    if match := _OFFSET.match(source):
        return (match["file"], None, int(match["offset"]))
    return (source, None, None)


def document_rows(doc: Document) -> dict[str, list[dict[str, Any]]]:
    """The rows one document contributes to each table."""
    text = doc.text
    record = doc.to_dict()
    names = {e.id: e.name for e in doc.entities}
    check = doc.headline_check
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    rows["documents"].append(
        {
            "id": doc.id,
            "source": doc.source,
            "url": doc.url,
            "title": doc.title,
            "published": doc.published,
            "language": doc.language,
            "chars": len(text),
            "words": len(text.split()),
            "segments": len(doc.segments),
            "entities": len(doc.entities),
            "quotes": len(doc.quotes),
            "claims": len(doc.claims),
            "flags": len(doc.flags),
            "errors": len(doc.errors),
            "headline_stance": None if check is None else check.stance,
            "headline_score": None if check is None else check.score,
            "record": json.dumps(record, ensure_ascii=False),
        }
    )
    for index, seg in enumerate(doc.segments):
        rows["segments"].append(
            {"id": doc.id, "segment": index, "kind": seg.kind, "start_char": seg.start, "end_char": seg.end}
        )
    for entity in doc.entities:
        rows["entities"].append(
            {
                "id": doc.id,
                "entity": entity.id,
                "name": entity.name,
                "type": entity.type,
                "mention_count": len(entity.mentions),
                "mentions": [{"start_char": s, "end_char": e} for s, e in entity.mentions],
                "descriptors": list(entity.descriptors),
            }
        )
    for index, quote in enumerate(doc.quotes):
        speaker = quote.speaker
        cue_start, cue_end = _pair(quote.cue)
        speaker_start, speaker_end = _pair(speaker.mention)
        rows["quotes"].append(
            {
                "id": doc.id,
                "quote": index,
                "kind": quote.kind,
                "content": [{"start_char": s, "end_char": e} for s, e in quote.content],
                "content_text": " … ".join(text[s:e] for s, e in quote.content),
                "cue_start": cue_start,
                "cue_end": cue_end,
                "cue_text": _cut(text, quote.cue),
                "speaker_start": speaker_start,
                "speaker_end": speaker_end,
                "speaker_text": _cut(text, speaker.mention),
                "speaker_name": speaker.name,
                "speaker_entity": speaker.entity,
                "speaker_role": speaker.role,
                "speaker_resolution": speaker.resolution,
                "speaker_confidence": record["quotes"][index]["speaker"]["confidence"],
            }
        )
    for index, claim in enumerate(doc.claims):
        rows["claims"].append(
            {
                "id": doc.id,
                "claim": index,
                "start_char": claim.span[0],
                "end_char": claim.span[1],
                "text": _cut(text, claim.span),
                "source_entity": claim.source,
                "source_name": names.get(claim.source) if claim.source else None,
                "checkworthiness": record["claims"][index]["checkworthiness"],
                "hedges": list(claim.hedges),
                "figures": [
                    {
                        "start_char": f.span[0],
                        "end_char": f.span[1],
                        "value": f.value,
                        "unit": f.unit,
                        "kind": f.kind,
                        "iso": f.iso,
                    }
                    for f in claim.figures
                ],
            }
        )
    for index, item in enumerate(doc.related):
        start, end = _pair(item.span)
        rows["related"].append(
            {
                "id": doc.id,
                "item": index,
                "headline": item.headline,
                "rewritten": item.rewritten,
                "teaser": item.teaser,
                "url": item.url,
                "consistency": item.consistency,
                "score": record["related"][index]["score"],
                "start_char": start,
                "end_char": end,
            }
        )
    for index, flag in enumerate(doc.flags):
        start, end = _pair(flag.span)
        rows["flags"].append(
            {
                "id": doc.id,
                "flag": index,
                "code": flag.code,
                "start_char": start,
                "end_char": end,
                "text": _cut(text, flag.span),
                "message": flag.message,
            }
        )
    file, line, offset = split_source(doc.source)
    for error in doc.errors:
        rows["errors"].append(
            {
                "id": doc.id,
                "kind": "stage",
                "stage": error.stage,
                "source": doc.source,
                "file": file,
                "line": line,
                "byte_offset": offset,
                "message": error.message,
            }
        )
    return rows


def input_error_row(source: str, message: str) -> dict[str, Any]:
    """The errors-table row of an input that could not be read (``newsprobe.ingest.InputError``)."""
    file, line, offset = split_source(source)
    return {
        "id": None,
        "kind": "input",
        "stage": None,
        "source": source,
        "file": file,
        "line": line,
        "byte_offset": offset,
        "message": message,
    }


class PartWriter:
    """Writes one part file per table (``DIR/<table>/<part>.parquet``), a row group per flush.

    Files are written under a hidden name and renamed when closed, so readers never see half a
    file and a retried part (a Spark task run twice) replaces its earlier attempt instead of adding to it.
    Every table gets its part file, empty or not, so each dataset has its schema.
    """

    def __init__(self, out_dir: str | Path, part: str):
        self.out_dir = Path(out_dir)
        self.part = part
        self._buffers: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
        self._writers: dict[str, pq.ParquetWriter] = {}
        self._pending: dict[str, Path] = {}
        for name in TABLES:
            folder = self.out_dir / name
            folder.mkdir(parents=True, exist_ok=True)
            pending = folder / f".{part}.parquet.{os.getpid()}.inprogress"
            self._pending[name] = pending
            self._writers[name] = pq.ParquetWriter(pending, SCHEMAS[name], compression="zstd")

    def add(self, table: str, rows: list[dict[str, Any]]) -> None:
        """Queue rows for a table; they are written a row group at a time."""
        buffer = self._buffers[table]
        buffer.extend(rows)
        if len(buffer) >= ROWS_PER_GROUP.get(table, DEFAULT_ROWS_PER_GROUP):
            self._flush(table)

    def add_document(self, doc: Document) -> None:
        """Queue every row of one analysed document."""
        for table, rows in document_rows(doc).items():
            if rows:
                self.add(table, rows)

    def _flush(self, table: str) -> None:
        buffer = self._buffers[table]
        if buffer:
            self._writers[table].write_table(pa.Table.from_pylist(buffer, schema=SCHEMAS[table]))
            buffer.clear()

    def close(self) -> None:
        """Write what is left and move every part file into place."""
        for table in TABLES:
            self._flush(table)
            self._writers[table].close()
            self._pending[table].replace(self.out_dir / table / f"{self.part}.parquet")

    def abort(self) -> None:
        """Drop the unfinished part files."""
        for table in TABLES:
            try:
                self._writers[table].close()
            finally:
                self._pending[table].unlink(missing_ok=True)
