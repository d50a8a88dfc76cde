"""Segmentation of text dumps (a page's visible text, as scraped): a kind for every paragraph.

A line classifier (``page.linemodel``) finds the article body among menus, teasers and footers;
rules then type the page furniture it holds (captions, credits, image labels, promos) and the
related-item block ("You May Also Like"). Clean article text (a title, then paragraphs) comes out
as title and body throughout.
"""

from __future__ import annotations

import re

from newsprobe.data.page import BYLINE, CREDIT_LINE, CREDIT_TAIL, PROMO_LINE, RELATED_OPENERS
from newsprobe.page.blocks import Block, split_blocks
from newsprobe.page.linemodel import SENTENCE_END, body_mask, load_line_model
from newsprobe.page.related import is_teaser, parse_related
from newsprobe.record import RelatedItem, Segment

_END_PUNCT = re.compile(r"[.!?:;…\"”’)\]]$")
# An image label ("Putin, Trump, Karoline") is a few words, without a sentence's end.
MAX_LABEL_WORDS = 6
# A title is one line of at most this many characters, not ending like a sentence.
MAX_TITLE_CHARS = 300
# How far (in lines) before the article a dump's title may stand: the byline and date come between.
TITLE_LOOKBACK = 12
MIN_HEADLINE_WORDS = 4
MAX_HEADLINE_WORDS = 30
# The first line of clean article text is its title when it is this short and reads as one.
MAX_PROSE_TITLE_CHARS = 200
MAX_PROSE_TITLE_WORDS = 15
# Promo patterns ("advertisement", "subscribe") also occur in article sentences: a body line longer
# than this that ends like a sentence stays body.
MAX_PROMO_WORDS_IN_BODY = 12


def segment_text(text: str) -> tuple[list[Segment], list[RelatedItem], str | None]:
    """Segments, related items and the title of a text dump."""
    blocks = split_blocks(text)
    if not blocks:
        return [], [], None
    model = load_line_model()
    body = body_mask(blocks, model.body_scores(blocks), model.threshold)
    related_from = _related_opener(blocks, body)
    prose = not any(b.indent for b in blocks[:related_from])
    if prose:
        body = _fill_prose(blocks, body, len(blocks) if related_from is None else related_from)
    title_index = _title_index(blocks, body, prose)
    segments: list[Segment] = []
    for index, block in enumerate(blocks):
        if related_from is not None and index >= related_from:
            break
        if index == title_index:
            segments.append(Segment("title", block.start, block.end))
            continue
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        segments.extend(_classify(block, following, body[index]))
    related: list[RelatedItem] = []
    if related_from is not None:
        end = _related_end(blocks, body, related_from)
        opener, items = blocks[related_from], blocks[related_from + 1 : end]
        segments.append(Segment("heading", opener.start, opener.end))
        segments.extend(Segment("related", b.start, b.end) for b in items)
        related = parse_related(items)
        for index in range(end, len(blocks)):
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            segments.extend(_classify(blocks[index], following, body[index]))
    title = blocks[title_index].text if title_index is not None else None
    return segments, related, title


def _fill_prose(blocks: list[Block], body: list[bool], limit: int) -> list[bool]:
    """On a page without menus (no indented lines), every line from the first to the last sentence is body.

    Clean article text (a title, then paragraphs, as PolNeAR's articles or a copied story) is prose
    throughout; the classifier, trained on whole-page dumps, would drop its short paragraphs.
    """
    anchors = [i for i in range(limit) if body[i] or SENTENCE_END.search(blocks[i].text)]
    if not anchors:
        return body
    first, last = anchors[0], anchors[-1]
    return [first <= i <= last or keep for i, keep in enumerate(body)]


def _title_index(blocks: list[Block], body: list[bool], prose: bool) -> int | None:
    """The page's title: the first line when it starts the article, else a title-like line just before it."""
    first = blocks[0].text
    if prose and len(blocks) > 1 and len(first) <= MAX_PROSE_TITLE_CHARS and _reads_as_title(first):
        return 0
    first_body = next((i for i, keep in enumerate(body) if keep and _is_title(blocks[i]) is False), None)
    if _is_title(blocks[0]) and (first_body is None or first_body <= 1 or body[0]):
        return 0
    if first_body is None:
        return None
    window = range(max(0, first_body - TITLE_LOOKBACK), first_body)
    candidates = [i for i in window if _could_be_headline(blocks[i])]
    # the headline is the longest title-like line shortly before the article (bylines, dates are shorter)
    return max(candidates, key=lambda i: len(blocks[i].text.split()), default=None)


def _could_be_headline(block: Block) -> bool:
    text = block.text
    words = len(text.split())
    return (
        block.indent == 0
        and _is_title(block)
        and MIN_HEADLINE_WORDS <= words <= MAX_HEADLINE_WORDS
        and not BYLINE.search(text)
        and not CREDIT_TAIL.search(text)
        and not CREDIT_LINE.match(text)
        and not PROMO_LINE.search(text)
        and not text.endswith((")", ":"))
    )


def _related_opener(blocks: list[Block], body: list[bool]) -> int | None:
    """The line that opens a related-items block after the article has begun."""
    first_body = next((i for i, keep in enumerate(body) if keep), len(blocks))
    for index in range(first_body + 1, len(blocks)):
        if RELATED_OPENERS.match(blocks[index].text):
            return index
    return None


def _related_end(blocks: list[Block], body: list[bool], opener: int) -> int:
    """Where a related block stops: at the next article paragraph (not a teaser), else the page's end."""
    for index in range(opener + 1, len(blocks)):
        block = blocks[index]
        if body[index] and not is_teaser(block) and not RELATED_OPENERS.match(block.text):
            return index
    return len(blocks)


def _reads_as_title(text: str) -> bool:
    words = text.split()
    title_case = sum(w[0].isupper() for w in words) >= 0.6 * len(words)
    return not SENTENCE_END.search(text) or len(words) <= MAX_PROSE_TITLE_WORDS or title_case


def _is_title(block: Block) -> bool:
    return len(block.text) <= MAX_TITLE_CHARS and not block.text.endswith((".", "…"))


def _is_caption(block: Block) -> bool:
    return CREDIT_TAIL.search(block.text) is not None


def _classify(block: Block, following: Block | None, in_body: bool) -> list[Segment]:
    text = block.text
    credit = CREDIT_TAIL.search(text)
    if credit and credit.start() > 0:
        cut = block.start + len(text[: credit.start()].rstrip())
        credit_start = block.start + credit.start() + len(credit.group()) - len(credit.group().lstrip())
        return [Segment("caption", block.start, cut), Segment("credit", credit_start, block.end)]
    if CREDIT_LINE.match(text):
        return [Segment("credit", block.start, block.end)]
    words = len(text.split())
    sentence = in_body and words > MAX_PROMO_WORDS_IN_BODY and SENTENCE_END.search(text) is not None
    if PROMO_LINE.search(text) and words <= 25 and not sentence:
        return [Segment("promo", block.start, block.end)]
    if _is_label(block) and following is not None and _is_caption(following):
        return [Segment("other", block.start, block.end)]
    if in_body:
        return [Segment("body", block.start, block.end)]
    if RELATED_OPENERS.match(text):
        return [Segment("heading", block.start, block.end)]
    return [Segment("other", block.start, block.end)]


def _is_label(block: Block) -> bool:
    words = block.text.split()
    return len(words) <= MAX_LABEL_WORDS and not _END_PUNCT.search(block.text) and not block.text.startswith(("“", '"'))
