"""JSON lines: ``{"id", "text"}`` or ``{"id", "html"}``, optional ``url``, ``title``, ``published``."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from newsprobe.ingest.html import PageMeta, document_from_html_text
from newsprobe.record import Document

if TYPE_CHECKING:
    from newsprobe.ingest import InputError


def iter_jsonl(
    path: Path | BinaryIO, source: str | None = None, first_line: int = 1
) -> Iterator[Document | InputError]:
    """One document per line; a bad line gives an ``InputError`` naming it and the rest go on.

    ``first_line`` numbers a stream that starts inside a file (a batch work unit) as the whole file would.
    """
    from newsprobe.ingest import InputError

    source = source or str(path)
    if isinstance(path, Path):
        opener = gzip.open if path.name.endswith(".gz") else open
        stream: BinaryIO = opener(path, "rb")  # type: ignore[assignment]
    else:
        stream = path
    with stream:
        for number, raw in enumerate(stream, start=first_line):
            where = f"{source}:{number}"
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                yield InputError(where, "line is not valid UTF-8")
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield InputError(where, f"invalid JSON ({exc.msg} at column {exc.colno})")
                continue
            yield _document(obj, where, number)


def _document(obj: object, where: str, number: int) -> Document | InputError:
    from newsprobe.ingest import InputError

    if not isinstance(obj, dict):
        return InputError(where, 'expected an object like {"id": ..., "text": ...}')
    doc_id = str(obj.get("id") if obj.get("id") is not None else f"line-{number}")
    meta = PageMeta(
        url=_string(obj.get("url")), title=_string(obj.get("title")), published=_string(obj.get("published"))
    )
    if isinstance(obj.get("text"), str):
        if not obj["text"].strip():
            return InputError(where, f"document {doc_id!r} has an empty text")
        return Document(id=doc_id, text=obj["text"], source=where, **meta)
    if isinstance(obj.get("html"), str):
        return document_from_html_text(obj["html"], source=where, doc_id=doc_id, **meta)
    return InputError(where, 'needs a "text" or an "html" field holding a string')


def _string(value: object) -> str | None:
    return None if value is None else str(value)
