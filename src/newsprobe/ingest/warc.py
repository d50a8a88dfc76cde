"""WARC archives (``.warc``, ``.warc.gz``) through fastwarc, streamed record by record.

Only HTTP ``response`` records with an HTML payload become documents; the archive is never
read into memory whole, so a 10 GB crawl costs one record's worth of memory at a time.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from newsprobe.ingest.html import document_from_html_bytes
from newsprobe.record import Document

if TYPE_CHECKING:
    from newsprobe.ingest import InputError

HTML_TYPES = ("text/html", "application/xhtml+xml")


def iter_warc(path: Path | BinaryIO, source: str | None = None) -> Iterator[Document | InputError]:
    """The HTML pages of a WARC file; a record that fails to decode gives an ``InputError`` with its offset."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    from newsprobe.ingest import InputError

    source = source or str(path)
    expected_size = os.path.getsize(path) if isinstance(path, Path) else None
    try:
        stream = open(path, "rb") if isinstance(path, Path) else path  # noqa: SIM115 - closed below
    except OSError as exc:
        yield InputError(source, f"cannot read: {exc.strerror or exc}")
        return
    seen = 0
    last_offset = 0
    try:
        records = ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True, fsspec_args=False)
        for record in records:
            seen += 1
            last_offset = record.stream_pos
            where = f"{source}@{record.stream_pos}"
            try:
                content_type = (record.http_content_type or "").lower()
                if content_type and not content_type.startswith(HTML_TYPES):
                    continue
                payload = record.reader.read()
                if len(payload) < record.content_length:
                    yield InputError(where, f"WARC record truncated ({len(payload)} of {record.content_length} bytes)")
                    continue
                if not payload:
                    yield InputError(where, "WARC record has no payload (truncated archive?)")
                    continue
                uri = record.headers.get("WARC-Target-URI")
                doc_id = (record.record_id or f"{Path(source).name}@{record.stream_pos}").strip("<>")
                doc_id = doc_id.removeprefix("urn:uuid:")
                result = document_from_html_bytes(payload, source=where, doc_id=doc_id, url=uri)
            except Exception as exc:  # noqa: BLE001 - a broken record must not end the archive
                yield InputError(where, f"WARC record does not decode: {exc}")
                continue
            yield result
    except Exception as exc:  # noqa: BLE001 - fastwarc raises OSError and ValueError on damage
        yield InputError(f"{source}@{last_offset}", f"WARC archive broken after record {seen}: {exc}")
        return
    finally:
        stream.close()
    if seen == 0:
        hint = " (is it truncated or not a WARC file?)" if expected_size else ""
        yield InputError(source, f"no WARC response records found{hint}")
