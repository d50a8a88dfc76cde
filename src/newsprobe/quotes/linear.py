"""Linear models shipped as JSON weights by feature name (the cue model; the bound chooser reads its file here too).

Scoring is plain Python, so neither needs scikit-learn at run time; their training scripts write the files.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import Any


def read_model(file: str) -> dict[str, Any] | None:
    """The JSON model ``file`` shipped in ``newsprobe.models``, or None when it is missing."""
    try:
        raw = resources.files("newsprobe.models").joinpath(file).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return None
    loaded: dict[str, Any] = json.loads(raw)
    return loaded


def probability(weights: Mapping[str, float], bias: float, features: Iterable[str]) -> float:
    """The logistic of the bias plus the weights of the features present (unknown features weigh nothing)."""
    z = bias + sum(weights.get(f, 0.0) for f in features)
    return 1.0 / (1.0 + math.exp(-z))
