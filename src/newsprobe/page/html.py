"""HTML pages through trafilatura: the article body, title and metadata, as text and segments."""

from __future__ import annotations

from dataclasses import dataclass

from newsprobe.record import RelatedItem, Segment


@dataclass(slots=True)
class ExtractedPage:
    """What newsprobe builds from an HTML page: its text, segments, related items and metadata."""

    text: str
    segments: list[Segment]
    related: list[RelatedItem]
    title: str | None
    url: str | None
    published: str | None


class TextBuilder:
    """Appends typed blocks to a text, separated by blank lines, recording a segment for each."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.segments: list[Segment] = []

    def add(self, kind: str, block: str) -> Segment | None:
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


def extract_html(html: str, url: str | None = None) -> ExtractedPage:
    """Extract the article from an HTML page with trafilatura."""
    import trafilatura

    result = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    if result is None or not (result.text or "").strip():
        raise ValueError("no article text found in the HTML (is it a full page?)")
    builder = TextBuilder()
    title = (result.title or "").strip() or None
    if title:
        builder.add("title", title)
    for paragraph in (result.text or "").split("\n"):
        builder.add("body", paragraph)
    return ExtractedPage(
        text=builder.text,
        segments=builder.segments,
        related=[],
        title=title,
        url=url or result.url,
        published=result.date,
    )
