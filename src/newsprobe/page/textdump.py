"""Segmentation of text dumps (a page's visible text, as scraped): a kind for every paragraph."""

from __future__ import annotations

import re

from newsprobe.data.page import CREDIT_LINE, CREDIT_TAIL, PROMO_LINE, RELATED_OPENERS
from newsprobe.page.blocks import Block, split_blocks
from newsprobe.page.related import parse_related
from newsprobe.record import RelatedItem, Segment

_END_PUNCT = re.compile(r"[.!?:;…\"”’)\]]$")
# An image label ("Putin, Trump, Karoline") is a few words, without a sentence's end.
MAX_LABEL_WORDS = 6


def segment_text(text: str) -> tuple[list[Segment], list[RelatedItem], str | None]:
    """Segments, related items and the title of a text dump."""
    blocks = split_blocks(text)
    if not blocks:
        return [], [], None
    segments: list[Segment] = []
    related: list[RelatedItem] = []
    title: str | None = None
    related_from = next((i for i, b in enumerate(blocks) if RELATED_OPENERS.match(b.text)), None)
    main = blocks if related_from is None else blocks[:related_from]
    for index, block in enumerate(main):
        following = main[index + 1] if index + 1 < len(main) else None
        if index == 0 and _is_title(block):
            segments.append(Segment("title", block.start, block.end))
            title = block.text
            continue
        segments.extend(_classify(block, following))
    if related_from is not None:
        opener, items = blocks[related_from], blocks[related_from + 1 :]
        segments.append(Segment("heading", opener.start, opener.end))
        segments.extend(Segment("related", b.start, b.end) for b in items)
        related = parse_related(items)
    return segments, related, title


def _is_title(block: Block) -> bool:
    return len(block.text) <= 300 and not block.text.endswith((".", "…"))


def _is_caption(block: Block) -> bool:
    return CREDIT_TAIL.search(block.text) is not None


def _classify(block: Block, following: Block | None) -> list[Segment]:
    text = block.text
    credit = CREDIT_TAIL.search(text)
    if credit and credit.start() > 0:
        cut = block.start + len(text[: credit.start()].rstrip())
        return [Segment("caption", block.start, cut), Segment("credit", block.start + credit.start() + (len(credit.group()) - len(credit.group().lstrip())), block.end)]
    if CREDIT_LINE.match(text):
        return [Segment("credit", block.start, block.end)]
    if PROMO_LINE.search(text) and len(text.split()) <= 25:
        return [Segment("promo", block.start, block.end)]
    if _is_label(block) and following is not None and _is_caption(following):
        return [Segment("other", block.start, block.end)]
    return [Segment("body", block.start, block.end)]


def _is_label(block: Block) -> bool:
    words = block.text.split()
    return len(words) <= MAX_LABEL_WORDS and not _END_PUNCT.search(block.text) and not block.text.startswith(("“", '"'))
