"""A found attribution: the record spans of what was said, the cue and the speaker mention."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsprobe.nlp import Parse
from newsprobe.quotes.marks import QuoteRun

Span = tuple[int, int]


@dataclass(slots=True)
class Attribution:
    """A found attribution, in record offsets."""

    content: list[Span]
    cue: Span | None
    mention: Span | None
    paragraph: int
    runs: list[QuoteRun] = field(default_factory=list)
    key: str = ""  # the cue's "lemma|complement"
    features: list[str] = field(default_factory=list)  # what the cue model scores
    score: float = 1.0
    context: tuple[Parse, list[QuoteRun]] | None = None  # where it was found, for quotes.bounds.refine

    @property
    def start(self) -> int:
        return min(s for s, _ in self.content)
