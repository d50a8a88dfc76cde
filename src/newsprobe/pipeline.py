"""Stages and the pipeline that runs them.

A stage is a small picklable object with ``name``, ``requires``, ``assigns`` and
``__call__(doc) -> doc``; it may also offer ``pipe(docs)`` to work on a batch (the spaCy stage
does). The pipeline checks when it is built that whatever a stage requires was assigned by an
earlier stage, and wraps every stage so that a failure lands in ``doc.errors`` instead of
stopping the batch.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import Protocol, runtime_checkable

from newsprobe.record import Document, StageError

log = logging.getLogger(__name__)

# What ingest gives every document before any stage runs.
INGEST_ASSIGNS = frozenset({"text", "id", "url", "title", "published", "html"})


class PipelineError(ValueError):
    """The pipeline cannot be built as asked (unknown stage, missing requirement)."""


class SkipDocument(Exception):
    """Raised by a stage when the rest of the pipeline must not run on this document.

    The message is recorded in ``doc.errors`` under the stage's name (for instance
    "unsupported language: …") and the document is still written.
    """


@runtime_checkable
class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, doc: Document) -> Document: ...


def check_requirements(stages: Iterable[Stage]) -> None:
    """Raise ``PipelineError`` if a stage requires something no earlier stage assigns."""
    assigned = set(INGEST_ASSIGNS)
    for stage in stages:
        missing = [r for r in stage.requires if r not in assigned]
        if missing:
            raise PipelineError(
                f"stage {stage.name!r} requires {', '.join(missing)}, which no earlier stage assigns "
                f"(assigned so far: {', '.join(sorted(assigned))})"
            )
        assigned.update(stage.assigns)


class Pipeline:
    """An ordered, checked list of stages."""

    def __init__(self, stages: list[Stage]):
        check_requirements(stages)
        self.stages = stages

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def __call__(self, doc: Document) -> Document:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Document], batch_size: int = 32) -> Iterator[Document]:
        """Run every stage over a stream of documents, a batch at a time; failures go to ``errors``."""
        batch: list[Document] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[Document]) -> list[Document]:
        skipped: set[int] = set()
        for stage in self.stages:
            live = [d for d in batch if id(d) not in skipped]
            if not live:
                break
            batch_pipe = getattr(stage, "pipe", None)
            if batch_pipe is not None and len(live) > 1:
                try:
                    list(batch_pipe(live))
                    continue
                except Exception:  # noqa: BLE001 - fall back to one document at a time to find the culprit
                    log.debug("stage %s failed on a batch; retrying per document", stage.name, exc_info=True)
            for doc in live:
                if not _run_one(stage, doc):
                    skipped.add(id(doc))
        return batch


def _run_one(stage: Stage, doc: Document) -> bool:
    """Run one stage on one document; False when the rest of the pipeline must be skipped."""
    try:
        stage(doc)
    except SkipDocument as stop:
        doc.errors.append(StageError(stage.name, str(stop)))
        return False
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop a batch
        log.debug("stage %s failed on %s", stage.name, doc.id, exc_info=True)
        doc.errors.append(StageError(stage.name, f"{type(exc).__name__}: {exc}"))
    return True
