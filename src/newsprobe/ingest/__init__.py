"""Pages in: files, folders, stdin, JSONL, HTML and WARC become ``Document``s.

``iter_inputs`` streams ``Document``s (not yet analysed) and ``InputError``s, one per bad input,
so that a batch goes on past a bad file, line or record.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from newsprobe.ingest.html import document_from_html_bytes
from newsprobe.ingest.jsonl import iter_jsonl
from newsprobe.ingest.text import decode_text
from newsprobe.ingest.warc import iter_warc
from newsprobe.record import Document

__all__ = ["InputError", "iter_inputs", "iter_path", "kind_of", "SUFFIXES"]

# File name endings newsprobe reads, and the input kind each means.
SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".html.gz": "html",
    ".htm.gz": "html",
    ".jsonl": "jsonl",
    ".jsonl.gz": "jsonl",
    ".warc": "warc",
    ".warc.gz": "warc",
}


@dataclass(frozen=True, slots=True)
class InputError:
    """An input that could not be read, with where (file, line or record) and what to do."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"

    def to_dict(self) -> dict[str, str]:
        return {"source": self.source, "message": self.message}


def kind_of(path: Path, head: bytes = b"") -> str | None:
    """The input kind of a file, by its name, else by its first bytes; None if unknown."""
    name = path.name.lower()
    for suffix, kind in sorted(SUFFIXES.items(), key=lambda kv: -len(kv[0])):
        if name.endswith(suffix):
            return kind
    return sniff(head) if head else None


def sniff(head: bytes) -> str:
    """Guess the input kind from a file's first bytes."""
    if head[:2] == b"\x1f\x8b":
        return "gzip"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"WARC/"):
        return "warc"
    if stripped.startswith(b"{"):
        return "jsonl"
    lowered = stripped[:200].lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<head", b"<body")) or b"<html" in lowered:
        return "html"
    return "text"


def stable_id(data: bytes) -> str:
    """A short content hash, the id of a document that comes with none."""
    return hashlib.sha1(data).hexdigest()[:16]


def iter_inputs(paths: Iterable[str]) -> Iterator[Document | InputError]:
    """Every document (or input error) from a list of paths; ``-`` is standard input."""
    for raw in paths:
        if raw == "-":
            yield from _iter_stream(sys.stdin.buffer, "<stdin>")
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and kind_of(p) is not None)
            if not files:
                yield InputError(raw, "folder holds no .txt, .html, .jsonl or .warc files")
            for file in files:
                yield from iter_path(file)
        elif path.exists():
            yield from iter_path(path)
        else:
            yield InputError(raw, "no such file or folder")


def iter_path(path: Path) -> Iterator[Document | InputError]:
    """The documents of one file."""
    source = str(path)
    try:
        with path.open("rb") as stream:
            head = stream.read(512)
    except OSError as exc:
        yield InputError(source, f"cannot read: {exc.strerror or exc}")
        return
    kind = kind_of(path, head) or "text"
    if not head:
        yield InputError(source, "empty file")
        return
    if kind == "warc":
        yield from iter_warc(path)
        return
    if kind == "jsonl":
        yield from iter_jsonl(path)
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(source, f"cannot read: {exc.strerror or exc}")
        return
    yield from _from_bytes(data, kind, source, default_id=_stem(path))


def _iter_stream(stream: BinaryIO, source: str) -> Iterator[Document | InputError]:
    data = stream.read()
    if not data:
        yield InputError(source, "empty input")
        return
    kind = sniff(data[:512])
    if kind == "warc" or kind == "gzip":
        import io

        yield from iter_warc(io.BytesIO(data), source=source)
    elif kind == "jsonl":
        import io

        yield from iter_jsonl(io.BytesIO(data), source=source)
    else:
        yield from _from_bytes(data, kind, source, default_id=stable_id(data))


def _from_bytes(data: bytes, kind: str, source: str, default_id: str) -> Iterator[Document | InputError]:
    if kind in ("html", "gzip"):
        result = document_from_html_bytes(data, source=source, doc_id=default_id)
        yield result
        return
    text = decode_text(data, source)
    if isinstance(text, InputError):
        yield text
        return
    if not text.strip():
        yield InputError(source, "empty file (only whitespace)")
        return
    yield Document(id=default_id, text=text, source=source)


def _stem(path: Path) -> str:
    name = path.name
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem
