"""Related-item blocks ("You May Also Like"): headline, rewritten headline, teaser."""

from __future__ import annotations

from newsprobe.page.blocks import Block
from newsprobe.record import RelatedItem

ELLIPSIS_ENDINGS = ("…", "...", "…”", '..."')


def is_teaser(block: Block) -> bool:
    """A teaser is cut off with an ellipsis."""
    return block.text.endswith(ELLIPSIS_ENDINGS)


def parse_related(blocks: list[Block]) -> list[RelatedItem]:
    """Group the lines of a related block into items.

    Each item starts with the original headline; an optional rewritten headline follows; a line cut
    off with an ellipsis is the teaser and closes the item.
    """
    items: list[RelatedItem] = []
    current: list[Block] = []

    def close() -> None:
        if not current:
            return
        headline = current[0]
        rest = current[1:]
        teaser = rest[-1] if rest and is_teaser(rest[-1]) else None
        middle = [b for b in rest if b is not teaser]
        items.append(
            RelatedItem(
                headline=headline.text,
                rewritten=" ".join(b.text for b in middle) or None,
                teaser=teaser.text if teaser else None,
                span=(headline.start, current[-1].end),
            )
        )
        current.clear()

    for block in blocks:
        current.append(block)
        if is_teaser(block) and len(current) > 1:
            close()
    close()
    return items
