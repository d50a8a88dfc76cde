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


def test_attribution_floors():
    from newsprobe.eval import evaluate

    scores = evaluate("attribution", [str(shared_path("attribution", "polnear-dev.jsonl"))])
    print("attribution scores:", json.dumps(scores))
    assert scores["lenient_f1"] >= FLOORS["attribution.lenient_f1"]
    assert scores["strict_f1"] >= FLOORS["attribution.strict_f1"]
    assert scores["speaker_span_acc"] >= FLOORS["attribution.speaker_span_acc"]


def test_speaker_name_floors():
    """speakers.v1 on PolNeAR dev quotes built from the gold spans (scripts/eval_speakers.py)."""
    from newsprobe.eval.speakers import evaluate

    scores = evaluate([str(shared_path("attribution", "polnear-dev.jsonl"))])
    print("speaker scores:", json.dumps({k: scores[k] for k in ("name_acc", "null_kept", "wrong_name_rate")}))
    assert scores["name_acc"] >= FLOORS["speakers.name_acc_gold_mentions"]
    assert scores["null_kept"] >= FLOORS["speakers.null_kept"]
    assert scores["wrong_name_rate"] <= FLOORS["speakers.wrong_name_rate_max"]


# Held-out FNC-1 bodies scored by the gate: the first of the fixed held-out share (the shipped model
# never trained on them), a subset so the gate stays well under a minute.
STANCE_GATE_BODIES = 100


def test_stance_floor():
    from newsprobe.eval.stance import fnc_score, holdout_bodies, read_fnc1
    from newsprobe.stance import load_stance_model

    bodies, pairs = read_fnc1([str(shared_path("stance", "fnc1"))])
    held = sorted(holdout_bodies([p.body_id for p in pairs]))[:STANCE_GATE_BODIES]
    chosen = [p for p in pairs if p.body_id in set(held)]
    results = load_stance_model().predict((p.headline, bodies[p.body_id]) for p in chosen)
    scores = fnc_score([p.stance for p in chosen], [r.stance for r in results])
    print("stance scores:", json.dumps({k: scores[k] for k in ("fnc_score", "related_accuracy", "pairs")}))
    assert scores["fnc_score"] >= FLOORS["stance.fnc1.heldout.fnc_score"]
    assert scores["related_accuracy"] >= FLOORS["stance.fnc1.heldout.related_accuracy"]


def test_checkworthy_floor():
    """Check-worthiness MAP over debates, four folds of held-out debates (the full 19-fold run is in the script)."""
    from newsprobe.eval.checkworthy import cross_validate, read_gold

    lines = read_gold([shared_path("checkworthy", "CT19-T1-Training.csv")])
    scores = cross_validate(lines, folds=4)
    print("checkworthy scores:", json.dumps({k: v for k, v in scores.items() if k != "per_debate"}))
    assert scores["map"] >= FLOORS["checkworthy.map_cv4"]


def test_related_item_floors():
    """Related-item checks on FNC-1 held-out headline pairs (newsprobe.eval.related; scripts/eval_related.py)."""
    from newsprobe.eval.related import evaluate

    scores = evaluate([str(shared_path("stance", "fnc1"))], split="heldout")
    print("related scores:", json.dumps(scores))
    assert scores["false_flag_rate"] <= FLOORS["related.fnc1.heldout.false_flag_rate_max"]
    assert scores["miss_rate"] <= FLOORS["related.fnc1.heldout.miss_rate_max"]
    assert scores["hard_miss_rate"] <= FLOORS["related.fnc1.heldout.hard_miss_rate_max"]
