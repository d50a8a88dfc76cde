"""HTML pages: the article body through trafilatura, plus the page's captions and related-link blocks.

The page is parsed once with lxml; figure captions and "related stories" blocks are read from that
tree, then trafilatura extracts the body and the metadata from it. The built text holds the title,
the body paragraphs, the captions and the related blocks, each a segment of its own kind; only the
body counts as the article.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsprobe.data.page import CAPTION_CREDIT, CREDIT_TAIL, RELATED_CONTAINER
from newsprobe.record import RelatedItem, Segment

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# trafilatura runs with favor_precision: 0.969 F1 on the ScrapingHub dev pages against 0.961 without,
# and faster. The metadata is read by ``page_metadata`` (title, url, date only): trafilatura's full
# metadata pass (authors, categories, licence…) took a fifth of the time.
# A related link names a story: at least this many words (skips "More", "Next", bylines).
MIN_RELATED_WORDS = 3
MAX_RELATED_ITEMS = 12
MAX_RELATED_BLOCKS = 3
MAX_CAPTION_CHARS = 600
_REGEX_NS = {"re": "http://exslt.org/regular-expressions"}
_RELATED_XPATH = (
    "//*[self::div or self::section or self::aside or self::ul or self::ol or self::nav]"
    f"[re:test(@class, '{RELATED_CONTAINER}', 'i') or re:test(@id, '{RELATED_CONTAINER}', 'i')]"
)
_HEADING_XPATH = ".//*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6]"


@dataclass(slots=True)
class ExtractedPage:
    """What newsprobe builds from an HTML page: its text, segments, related items and metadata."""

    text: str
    segments: list[Segment]
    related: list[RelatedItem]
    title: str | None
    url: str | None
    published: str | None


@dataclass(slots=True)
class RelatedBlock:
    """A block of links to other stories, with its heading when the page gives one."""

    heading: str | None
    links: list[tuple[str, str | None]]  # (link text, href)


class TextBuilder:
    """Appends typed blocks to a text, separated by blank lines, recording a segment for each."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.segments: list[Segment] = []

    def add(self, kind: str, block: str) -> Segment | None:
        """Append one block of ``kind``; empty blocks are skipped."""
        block = block.strip()
        if not block:
            return None
        if self.parts:
            self.parts.append("\n\n")
            self.length += 2
        segment = Segment(kind, self.length, self.length + len(block))
        self.parts.append(block)
        self.length += len(block)
        self.segments.append(segment)
        return segment

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _clean(text: str) -> str:
    return " ".join(text.split())


def figure_captions(tree: HtmlElement) -> list[str]:
    """The page's figure captions (``<figcaption>``), in order, without repeats."""
    captions: list[str] = []
    for element in tree.iter("figcaption"):
        text = _clean(element.text_content())
        if text and len(text) <= MAX_CAPTION_CHARS and text not in captions:
            captions.append(text)
    return captions


def split_credit(caption: str) -> tuple[str, str | None]:
    """A caption and its trailing photo credit ("… (Getty Images)", "…Credit...Doug Mills")."""
    match = CAPTION_CREDIT.search(caption) or CREDIT_TAIL.search(caption)
    if match is None or match.start() == 0:
        return caption, None
    return caption[: match.start()].strip(), caption[match.start() :].strip()


def related_blocks(tree: HtmlElement) -> list[RelatedBlock]:
    """Blocks of links to other stories: containers whose class or id says "related", "recommended"…"""
    blocks: list[RelatedBlock] = []
    taken: set[HtmlElement] = set()
    seen_links: set[str] = set()
    for container in tree.xpath(_RELATED_XPATH, namespaces=_REGEX_NS):
        if any(ancestor in taken for ancestor in container.iterancestors()):
            continue  # nested inside a block already read
        links = []
        for anchor in container.iter("a"):
            text = _clean(anchor.text_content())
            if len(text.split()) >= MIN_RELATED_WORDS and text not in seen_links:
                seen_links.add(text)
                links.append((text, anchor.get("href")))
        if len(links) < 2:
            continue
        taken.add(container)
        headings = container.xpath(_HEADING_XPATH)
        heading = _clean(headings[0].text_content()) if headings else None
        if heading and (len(heading.split()) > 8 or heading in dict(links)):
            heading = None
        blocks.append(RelatedBlock(heading, links[:MAX_RELATED_ITEMS]))
        if len(blocks) >= MAX_RELATED_BLOCKS:
            break
    return blocks


@dataclass(slots=True)
class PageMetadata:
    """The metadata newsprobe keeps: title, canonical url, publication date (ISO)."""

    title: str | None
    url: str | None
    published: str | None


def page_metadata(tree: HtmlElement, url: str | None = None) -> PageMetadata:
    """Title, url and date as trafilatura finds them (meta tags, JSON-LD, then the page; htmldate)."""
    from htmldate import find_date
    from trafilatura.metadata import examine_meta, extract_meta_json, extract_title, extract_url, set_date_params

    metadata = examine_meta(tree)
    with contextlib.suppress(Exception):  # broken JSON-LD on a page: keep what the meta tags gave
        metadata = extract_meta_json(tree, metadata)
    title = metadata.title or extract_title(tree)
    page_url = metadata.url or extract_url(tree, url)
    params = set_date_params(True)
    params["url"] = page_url
    return PageMetadata(title, page_url, find_date(tree, **params))


def extract_html(html: str, url: str | None = None) -> ExtractedPage:
    """Extract the article, its captions and related blocks, and the metadata from an HTML page."""
    import trafilatura
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        raise ValueError("the HTML could not be parsed (is it a full page?)")
    captions = figure_captions(tree)
    related_found = related_blocks(tree)
    result = trafilatura.bare_extraction(  # copies the tree it is given
        tree, url=url, favor_precision=True, include_comments=False, with_metadata=False
    )
    extracted = getattr(result, "text", None) or ""
    if not extracted.strip():
        raise ValueError("no article text found in the HTML (is it a full page?)")
    metadata = page_metadata(tree, url)
    builder = TextBuilder()
    title = (metadata.title or "").strip() or None
    if title:
        builder.add("title", title)
    body_lines: set[str] = set()
    paragraphs = extracted.split("\n")
    if title and paragraphs and _clean(paragraphs[0]) == _clean(title):
        paragraphs = paragraphs[1:]  # the headline again, already the title segment
    for paragraph in paragraphs:
        if builder.add("body", paragraph):
            body_lines.add(paragraph.strip())
    for caption in captions:
        if caption not in body_lines:
            text, credit = split_credit(caption)
            builder.add("caption", text)
            if credit:
                builder.add("credit", credit)
    related: list[RelatedItem] = []
    for block in related_found:
        if block.heading:
            builder.add("heading", block.heading)
        for text, href in block.links:
            segment = builder.add("related", text)
            if segment is not None:
                related.append(RelatedItem(headline=text, url=href, span=(segment.start, segment.end)))
    return ExtractedPage(
        text=builder.text,
        segments=builder.segments,
        related=related,
        title=title,
        url=url or metadata.url,
        published=metadata.published,
    )
