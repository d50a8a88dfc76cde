import numpy as np
import pytest
from sklearn.ensemble import HistGradientBoostingClassifier

from newsprobe.stance.trees import MAX_ROWS, FlatTrees


@pytest.mark.parametrize("classes", [2, 4])
def test_flat_trees_give_sklearns_probabilities_bit_for_bit(classes):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(400, 5))
    X[rng.random(X.shape) < 0.05] = np.nan  # missing values take the learned side
    signal = np.nan_to_num(X[:, 0]) * 2 + np.nan_to_num(X[:, 1]) + rng.normal(size=len(X))
    y = np.digitize(signal, np.quantile(signal, np.linspace(0, 1, classes + 1)[1:-1]))
    classifier = HistGradientBoostingClassifier(max_iter=30, random_state=0).fit(X, y)
    assert len(classifier.classes_) == classes
    flat = FlatTrees(classifier)
    rows = rng.normal(size=(MAX_ROWS, 5)).astype(np.float32)
    rows[::3, 1] = np.nan
    assert np.array_equal(flat.predict_proba(rows), classifier.predict_proba(rows))
    assert np.array_equal(flat.predict_proba(rows[:1]), classifier.predict_proba(rows[:1]))
