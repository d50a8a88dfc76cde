"""Built-in scorers, one module per task, each agreeing with ../shared/tools/ where one exists.

Every task module has ``evaluate(paths: list[str], options) -> dict`` returning the metrics.
"""

from __future__ import annotations

import importlib
from typing import Any

TASKS: dict[str, str] = {
    "attribution": "newsprobe.eval.attribution",
    "extraction": "newsprobe.eval.extraction",
    "speakers": "newsprobe.eval.speakers",
    "stance": "newsprobe.eval.stance",
    "related": "newsprobe.eval.related",
    "checkworthy": "newsprobe.eval.checkworthy",
}


def evaluate(task: str, paths: list[str], options: Any = None) -> dict[str, Any]:
    """Score newsprobe on gold data for ``task``."""
    if task not in TASKS:
        raise ValueError(f"unknown evaluation task {task!r}; available: {', '.join(sorted(TASKS))}")
    module = importlib.import_module(TASKS[task])
    result: dict[str, Any] = module.evaluate(paths, options)
    return result
