"""Speakers: each quote's speaker resolved to the fullest name, entity and role the document gives."""

from __future__ import annotations

from typing import Any

from newsprobe.record import Document
from newsprobe.speakers.context import DocumentContext
from newsprobe.speakers.resolve import SpeakerResolver


class SpeakerStage:
    """Fills ``speaker.name``, ``entity``, ``role``, ``resolution`` and ``confidence`` of ``doc.quotes``."""

    name = "speakers.v1"
    requires = ("quotes", "entities", "parses")
    assigns = ("speakers",)

    def __init__(self, options: Any = None):
        self.options = options

    def __call__(self, doc: Document) -> Document:
        if doc.quotes:
            SpeakerResolver(DocumentContext(doc)).resolve_all(doc.quotes)
        return doc
