"""spaCy, loaded once per process per model, and the ``Parse`` that stages share."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from newsprobe.record import Segment

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token


class ModelMissing(RuntimeError):
    """The spaCy model package is not installed."""


@lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """The spaCy pipeline ``name``, loaded once per process (one per Spark executor, not per record)."""
    import spacy

    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelMissing(
            f"spaCy model {name!r} is not installed; run `pip install -r requirements-model.txt` (see the README)"
        ) from exc


@dataclass(slots=True)
class Parse:
    """The spaCy analysis of one segment; ``offset`` turns its character offsets into the record's."""

    segment: Segment
    doc: Doc
    _text: str | None = field(default=None, repr=False, compare=False)
    _sents: list[Span] | None = field(default=None, repr=False, compare=False)

    @property
    def offset(self) -> int:
        return self.segment.start

    @property
    def text(self) -> str:
        """``doc.text``, joined once: spaCy rebuilds it from every token on each access."""
        if self._text is None:
            self._text = self.doc.text
        return self._text

    @property
    def sents(self) -> list[Span]:
        """``list(doc.sents)``, made once for the stages that all walk the sentences."""
        if self._sents is None:
            self._sents = list(self.doc.sents)
        return self._sents

    def char_span(self, item: Span | Token) -> tuple[int, int]:
        """The record span of a spaCy span or token."""
        if hasattr(item, "start_char"):
            return (self.offset + item.start_char, self.offset + item.end_char)  # type: ignore[union-attr]
        return (self.offset + item.idx, self.offset + item.idx + len(item))  # type: ignore[union-attr]
