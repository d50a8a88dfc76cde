"""The quality gate: dev-set scores on ../shared/data must not drop below the floors in floors.json."""

import json
from pathlib import Path

import pytest

from tests.conftest import shared_path

pytestmark = [pytest.mark.gate, pytest.mark.slow]
FLOORS = json.loads((Path(__file__).with_name("floors.json")).read_text())


def test_extraction_floors():
    from newsprobe.eval import evaluate

    scores = evaluate("extraction", [str(shared_path("extraction", "aeb-dev"))])
    print("extraction scores:", json.dumps(scores))
    assert scores["html"]["f1"] >= FLOORS["extraction.html.f1"]
    assert scores["text"]["f1"] >= FLOORS["extraction.text.f1"]


def test_checkworthy_floor():
    """Check-worthiness MAP over debates, four folds of held-out debates (the full 19-fold run is in the script)."""
    from newsprobe.eval.checkworthy import cross_validate, read_gold

    lines = read_gold([shared_path("checkworthy", "CT19-T1-Training.csv")])
    scores = cross_validate(lines, folds=4)
    print("checkworthy scores:", json.dumps({k: v for k, v in scores.items() if k != "per_debate"}))
    assert scores["map"] >= FLOORS["checkworthy.map_cv4"]
