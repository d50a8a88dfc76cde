"""Plain-text pages: strict decoding with messages that say what to do."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsprobe.ingest import InputError


def looks_binary(data: bytes) -> bool:
    """True for data with NUL bytes or mostly control characters (an image, a PDF, an archive)."""
    head = data[:4096]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return bool(head) and controls / len(head) > 0.05


def decode_text(data: bytes, source: str) -> str | InputError:
    """The text of a page as UTF-8 (a BOM is dropped), or an ``InputError`` saying why not."""
    from newsprobe.ingest import InputError

    if looks_binary(data):
        return InputError(source, "looks like a binary file, not a text page; pass .txt, .html, .jsonl or .warc")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return InputError(
            source,
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}, line {line}); "
            "convert it first, e.g. `iconv -f latin1 -t utf-8`",
        )
