"""The central, explicit registry of stages, by versioned name.

Entries are import paths, so that building a pipeline imports only the stages it uses.
No stage registers itself on import.
"""

from __future__ import annotations

import importlib
from typing import Any

from newsprobe.pipeline import Pipeline, PipelineError, Stage

STAGES: dict[str, str] = {
    "segment.v1": "newsprobe.stages.segment:SegmentStage",
    "language.v1": "newsprobe.stages.language:LanguageStage",
    "parse.spacy.v1": "newsprobe.stages.parse:ParseStage",
    "entities.v1": "newsprobe.stages.entities:EntityStage",
    "quotes.v1": "newsprobe.stages.quotes:QuoteStage",
    "speakers.v1": "newsprobe.stages.speakers:SpeakerStage",
    "integrity.v1": "newsprobe.stages.integrity:IntegrityStage",
    "claims.v1": "newsprobe.stages.claims:ClaimsStage",
    "audit.v1": "newsprobe.stages.audit:AuditStage",
}


def available() -> list[str]:
    """Every registered stage name."""
    return sorted(STAGES)


def create_stage(name: str, options: Any) -> Stage:
    """Instantiate the stage registered under ``name`` with the analysis options."""
    try:
        target = STAGES[name]
    except KeyError:
        raise PipelineError(f"unknown stage {name!r}; available: {', '.join(available())}") from None
    module_name, _, class_name = target.partition(":")
    stage_class = getattr(importlib.import_module(module_name), class_name)
    stage: Stage = stage_class(options)
    return stage


def build_pipeline(options: Any) -> Pipeline:
    """The checked pipeline that ``options.pipeline`` names."""
    return Pipeline([create_stage(name, options) for name in options.pipeline])
