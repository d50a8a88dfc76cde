"""Headline/body stance (FNC-1 labels): features, the trees and the cross-encoder, and prediction."""

from __future__ import annotations

from newsprobe.stance.model import LABELS, StanceModel, StanceModelMissing, StanceResult, load_stance_model

__all__ = ["LABELS", "StanceModel", "StanceModelMissing", "StanceResult", "load_stance_model", "predict"]


def predict(pairs: list[tuple[str, str]]) -> list[StanceResult]:
    """The stance of each (headline, body) pair with the shipped model."""
    return load_stance_model().predict(pairs)
