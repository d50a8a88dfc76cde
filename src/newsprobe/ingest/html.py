"""HTML pages: decoded here, turned into text and segments by the segmentation stage."""

from __future__ import annotations

import gzip
import re
import zlib
from typing import TYPE_CHECKING, TypedDict, Unpack

from newsprobe.record import Document

if TYPE_CHECKING:
    from newsprobe.ingest import InputError


class PageMeta(TypedDict, total=False):
    """What an input may say about a page besides its content."""

    url: str | None
    title: str | None
    published: str | None


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)


def decode_html(data: bytes) -> str:
    """HTML bytes as text: the declared charset, else UTF-8, else cp1252 (never fails)."""
    match = _META_CHARSET.search(data[:4096])
    candidates = [match.group(1).decode("ascii", "ignore")] if match else []
    candidates += ["utf-8", "cp1252"]
    for encoding in candidates:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("utf-8", errors="replace")


def document_from_html_bytes(data: bytes, source: str, doc_id: str, **meta: Unpack[PageMeta]) -> Document | InputError:
    """A document waiting for extraction, from raw (maybe gzipped) HTML bytes."""
    from newsprobe.ingest import InputError

    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as exc:
            return InputError(source, f"broken gzip data ({exc}); is the file complete?")
    if b"\x00" in data[:4096]:
        return InputError(source, "looks like a binary file, not HTML")
    return document_from_html_text(decode_html(data), source=source, doc_id=doc_id, **meta)


def document_from_html_text(html: str, source: str, doc_id: str, **meta: Unpack[PageMeta]) -> Document | InputError:
    """A document waiting for extraction, from HTML text."""
    from newsprobe.ingest import InputError

    if "<" not in html or not html.strip():
        return InputError(source, "does not look like HTML (no tags)")
    return Document(id=doc_id, text="", html=html, source=source, **meta)
