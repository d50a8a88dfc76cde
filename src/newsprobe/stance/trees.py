"""A fitted ``HistGradientBoostingClassifier`` as flat arrays, every tree walked at once with numpy.

sklearn walks its trees one Python call at a time (about 8 µs each): for the few rows of one page
that is most of the stance model's time (the two classifiers hold ~780 trees). Here all trees
advance one level per numpy step; the leaf values are summed in sklearn's order, so the
probabilities are the same bits as ``predict_proba``'s.
"""

from __future__ import annotations

from typing import Any

import numpy as np

# Above this many rows sklearn's compiled loop is as fast: use it.
MAX_ROWS = 64


class FlatTrees:
    """The trees of one fitted classifier (numeric features only), ready to predict a few rows."""

    def __init__(self, classifier: Any):
        self.classifier = classifier
        nodes, roots, columns = [], [], []
        offset = 0
        for iteration in classifier._predictors:
            for k, predictor in enumerate(iteration):
                tree = predictor.nodes
                if tree["is_categorical"].any():
                    raise ValueError("categorical splits are not supported")
                nodes.append(tree)
                roots.append(offset)
                columns.append(k)
                offset += len(tree)
        offsets = np.repeat(roots, [len(tree) for tree in nodes])
        flat = np.concatenate(nodes)
        self.feature = flat["feature_idx"].astype(np.intp)
        self.threshold = flat["num_threshold"].astype(np.float64)
        self.missing_left = flat["missing_go_to_left"].astype(bool)
        self.is_leaf = flat["is_leaf"].astype(bool)
        self.value = flat["value"].astype(np.float64)
        # child indices are per tree: make them global; a leaf points at itself
        self.left = np.where(self.is_leaf, np.arange(len(flat)), flat["left"].astype(np.intp) + offsets)
        self.right = np.where(self.is_leaf, np.arange(len(flat)), flat["right"].astype(np.intp) + offsets)
        self.roots = np.array(roots, dtype=np.intp)
        self.columns = np.array(columns, dtype=np.intp)
        self.n_columns = classifier.n_trees_per_iteration_
        self.baseline = np.asarray(classifier._baseline_prediction, dtype=np.float64).reshape(-1)

    def raw_predict(self, X: np.ndarray) -> np.ndarray:
        """The summed leaf values, shape (rows, trees per iteration), as sklearn's ``_raw_predict``."""
        X = np.asarray(X, dtype=np.float64)
        node = np.broadcast_to(self.roots, (len(X), len(self.roots))).copy()
        rows = np.arange(len(X))[:, None]
        while not self.is_leaf[node].all():
            x = X[rows, self.feature[node]]
            go_left = np.where(np.isnan(x), self.missing_left[node], x <= self.threshold[node])
            node = np.where(go_left, self.left[node], self.right[node])
        values = self.value[node]
        raw = np.empty((len(X), self.n_columns), dtype=np.float64, order="F")
        for k in range(self.n_columns):
            # sklearn adds the baseline, then each iteration's value in turn: cumsum keeps that order
            block = np.hstack([np.full((len(X), 1), self.baseline[k]), values[:, self.columns == k]])
            raw[:, k] = np.cumsum(block, axis=1)[:, -1]
        return raw

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        """Class probabilities, the same as the classifier's ``predict_proba``."""
        if len(X) > MAX_ROWS:
            return self.classifier.predict_proba(X)
        return self.classifier._loss.predict_proba(self.raw_predict(X))
