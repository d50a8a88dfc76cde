"""Lines and blocks of a text with their offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINE = re.compile(r"[^\n]+")


@dataclass(slots=True)
class Block:
    """A non-empty line of text, trimmed of surrounding whitespace, with its offsets."""

    start: int
    end: int
    text: str
    blank_before: bool  # an empty line separates it from the previous block
    indent: int = 0  # leading spaces or tabs on its line (menus in text dumps are indented)
    blank_after: bool = True  # an empty line (or the end of the text) follows it


def split_blocks(text: str, start: int = 0, end: int | None = None) -> list[Block]:
    """The non-empty lines of ``text[start:end]``, each trimmed, with absolute offsets."""
    end = len(text) if end is None else end
    blocks: list[Block] = []
    previous_end = start
    for match in _LINE.finditer(text, start, end):
        raw = match.group()
        stripped = raw.strip()
        if not stripped:
            continue
        lead = len(raw) - len(raw.lstrip())
        s = match.start() + lead
        e = s + len(stripped)
        gap = text[previous_end:s]
        blank = gap.count("\n") >= 2 or not blocks
        if blocks:
            blocks[-1].blank_after = blank
        blocks.append(Block(s, e, stripped, blank_before=blank, indent=lead))
        previous_end = e
    return blocks
