"""spaCy over paragraphs: every title, body, heading and caption segment, one at a time.

Paragraphs, not whole pages: fed a whole page, spaCy runs sentences across captions and headings.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from newsprobe.nlp import Parse, load_model
from newsprobe.record import Document

PARSED_KINDS = ("title", "body", "heading", "caption")


class ParseStage:
    """Assigns ``doc.parses``: one spaCy ``Doc`` per parsed segment."""

    name = "parse.spacy.v1"
    requires = ("segments", "language")
    assigns = ("parses",)

    def __init__(self, options: Any):
        self.model_name = options.model
        self.batch_size = options.batch_size

    def __getstate__(self) -> dict[str, Any]:
        return {"model_name": self.model_name, "batch_size": self.batch_size}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.model_name = state["model_name"]
        self.batch_size = state["batch_size"]

    def __call__(self, doc: Document) -> Document:
        list(self.pipe([doc]))
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Parse the segments of many documents in one spaCy stream (faster than one call each)."""
        docs = list(docs)
        nlp = load_model(self.model_name)
        jobs = [(doc, seg) for doc in docs for seg in doc.segments if seg.kind in PARSED_KINDS]
        texts = (doc.text[seg.start : seg.end] for doc, seg in jobs)
        for doc in docs:
            doc.parses = []
        for (doc, seg), parsed in zip(jobs, nlp.pipe(texts, batch_size=self.batch_size), strict=True):
            doc.parses.append(Parse(seg, parsed))
        yield from docs
