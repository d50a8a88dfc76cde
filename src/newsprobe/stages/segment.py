"""Page segmentation: the article body apart from captions, credits, headings, promos and related items."""

from __future__ import annotations

from typing import Any

from newsprobe.page.html import extract_html
from newsprobe.page.textdump import segment_text
from newsprobe.pipeline import SkipDocument
from newsprobe.record import Document


class SegmentStage:
    """Assigns ``segments`` and ``related`` (and, for HTML, ``text``, ``title``, ``published``)."""

    name = "segment.v1"
    requires = ("text",)
    assigns = ("segments", "related")

    def __init__(self, options: Any = None):
        self.options = options

    def __call__(self, doc: Document) -> Document:
        if doc.html is not None:
            try:
                page = extract_html(doc.html, url=doc.url)
            except ValueError as exc:
                raise SkipDocument(str(exc)) from exc
            doc.text = page.text
            doc.segments = page.segments
            doc.related = page.related
            doc.title = doc.title or page.title
            doc.url = doc.url or page.url
            doc.published = doc.published or page.published
            doc.html = None  # not needed past this point; keeps batches small
            return doc
        segments, related, title = segment_text(doc.text)
        doc.segments = segments
        doc.related = related
        doc.title = doc.title or title
        return doc
