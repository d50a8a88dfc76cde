"""How the stance model turns label probabilities into a label (stance/model.py ``fnc_choice``)."""

import numpy as np

from newsprobe.eval.stance import fnc_score
from newsprobe.stance.model import LABELS, fnc_choice


def _expected_score(row: np.ndarray, label: str) -> float:
    """The FNC-1 points a label earns on average when the gold label is drawn from ``row``."""
    return sum(p * fnc_score([gold], [label])["raw_score"] for gold, p in zip(LABELS, row, strict=True))


def test_an_unsure_pair_is_called_related_where_partial_credit_pays():
    rows = np.array(
        [
            [0.30, 0.00, 0.10, 0.60],  # likeliest unrelated, but agree earns 0.325 against 0.15
            [0.10, 0.20, 0.05, 0.65],  # disagree: 0.2375 against 0.1625
            [0.04, 0.03, 0.03, 0.90],  # unrelated stays: 0.055 against 0.225
            [0.01, 0.00, 0.01, 0.98],
            [0.20, 0.10, 0.60, 0.10],
        ]
    )
    assert [LABELS[i] for i in fnc_choice(rows)] == ["agree", "disagree", "unrelated", "unrelated", "discuss"]


def test_the_choice_earns_the_most_expected_points_on_random_distributions():
    rows = np.random.default_rng(0).dirichlet([0.5, 0.3, 0.5, 1.0], size=300)
    chosen = fnc_choice(rows)
    for row, choice in zip(rows, chosen, strict=True):
        scores = [_expected_score(row, label) for label in LABELS]
        assert scores[choice] >= max(scores) - 1e-9
    assert (chosen != rows.argmax(axis=1)).any()  # it is not the likeliest label
