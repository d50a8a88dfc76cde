"""Stance on FNC-1: the weighted FNC-1 score (relative to the best possible, in %), per-class F1.

Gold is the FNC-1 pair of CSVs (``*bodies*.csv`` with ``Body ID, articleBody``, ``*stances*.csv``
with ``Headline, Body ID, Stance``), given as the two files or as a folder holding them. Given the
FNC-1 training set itself (``train_stances.csv``), only its held-out bodies are scored.
"""

from __future__ import annotations

import csv
import random
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

LABELS = ("agree", "disagree", "discuss", "unrelated")
RELATED = ("agree", "disagree", "discuss")
# The fixed body split used for held-out scores and the gate: a seeded shuffle of the body ids.
HOLDOUT_SEED = 2017
HOLDOUT_SHARE = 0.2
TRAIN_STANCES = "train_stances.csv"


@dataclass(slots=True)
class Pair:
    """One FNC-1 pair with its gold stance (None when the file has no Stance column)."""

    headline: str
    body_id: int
    stance: str | None


def _find(paths: list[str]) -> tuple[Path, Path]:
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise FileNotFoundError(f"{path} does not exist; give the FNC-1 bodies and stances CSVs or their folder")
        files.extend(sorted(path.glob("*.csv")) if path.is_dir() else [path])
    bodies = [f for f in files if "bodies" in f.name.lower()]
    stances = [f for f in files if "stances" in f.name.lower()]
    if len(bodies) != 1 or len(stances) != 1:
        raise ValueError(
            f"expected one *bodies*.csv and one *stances*.csv among {', '.join(map(str, files)) or 'nothing'}; "
            "give them explicitly: newsprobe eval stance BODIES.csv STANCES.csv"
        )
    return bodies[0], stances[0]


def read_fnc1(paths: list[str]) -> tuple[dict[int, str], list[Pair]]:
    """The bodies by id and the pairs of an FNC-1 CSV pair (files or a folder)."""
    bodies_file, stances_file = _find(paths)
    with bodies_file.open(encoding="utf-8", newline="") as stream:
        bodies = {int(row["Body ID"]): row["articleBody"] for row in csv.DictReader(stream)}
    pairs = []
    with stances_file.open(encoding="utf-8", newline="") as stream:
        for line, row in enumerate(csv.DictReader(stream), start=2):
            body_id = int(row["Body ID"])
            if body_id not in bodies:
                raise ValueError(f"{stances_file}:{line}: Body ID {body_id} is not in {bodies_file}")
            stance = row.get("Stance")
            if stance is not None and stance not in LABELS:
                raise ValueError(
                    f"{stances_file}:{line}: unknown stance {stance!r}; expected one of {', '.join(LABELS)}"
                )
            pairs.append(Pair(row["Headline"], body_id, stance))
    return bodies, pairs


def holdout_bodies(body_ids: list[int], share: float = HOLDOUT_SHARE, seed: int = HOLDOUT_SEED) -> set[int]:
    """The body ids held out from training (a fixed, seeded share of them)."""
    ids = sorted(set(body_ids))
    random.Random(seed).shuffle(ids)
    return set(ids[: round(len(ids) * share)])


def topic_split(pairs: list[Pair], seed: int) -> tuple[list[bool], list[bool]]:
    """Training and held-out masks of a topic-disjoint split, as the competition test is (new claims, new bodies).

    Topics are the connected components of related (headline, body) pairs; ``seed`` picks the held-out
    fifth of them. Pairs with a headline on one side and a body on the other are in neither mask.
    """
    parent: dict[tuple[str, Any], tuple[str, Any]] = {}

    def find(node: tuple[str, Any]) -> tuple[str, Any]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for p in pairs:
        head, body = find(("h", p.headline)), find(("b", p.body_id))
        if p.stance != "unrelated":
            parent[head] = body
    topics = sorted({find(("h", p.headline)) for p in pairs}, key=str)
    random.Random(seed).shuffle(topics)
    held = set(topics[: len(topics) // 5])
    head_out = [find(("h", p.headline)) in held for p in pairs]
    body_out = [find(("b", p.body_id)) in held for p in pairs]
    train = [not h and not b for h, b in zip(head_out, body_out, strict=True)]
    test = [h and b for h, b in zip(head_out, body_out, strict=True)]
    return train, test


def fnc_score(gold: list[str], predicted: list[str]) -> dict[str, Any]:
    """The FNC-1 score: 0.25 for related/unrelated right, 0.75 more for the right related label."""
    score = best = 0.0
    for g, p in zip(gold, predicted, strict=True):
        best += 0.25 if g == "unrelated" else 1.0
        if g == p:
            score += 0.25
            if g != "unrelated":
                score += 0.5
        if g in RELATED and p in RELATED:
            score += 0.25
    confusion = Counter(zip(gold, predicted, strict=True))
    per_class = {}
    for label in LABELS:
        tp = confusion[(label, label)]
        gold_n = sum(g == label for g in gold)
        pred_n = sum(p == label for p in predicted)
        precision = tp / pred_n if pred_n else 0.0
        recall = tp / gold_n if gold_n else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[label] = {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "n": gold_n,
        }
    related_right = sum((g == "unrelated") == (p == "unrelated") for g, p in zip(gold, predicted, strict=True))
    return {
        "fnc_score": round(100 * score / best, 2) if best else 0.0,
        "raw_score": round(score, 2),
        "max_score": round(best, 2),
        "accuracy": round(sum(g == p for g, p in zip(gold, predicted, strict=True)) / max(len(gold), 1), 4),
        "related_accuracy": round(related_right / max(len(gold), 1), 4),
        "macro_f1": round(sum(c["f1"] for c in per_class.values()) / len(LABELS), 4),
        "per_class": per_class,
        "confusion": {g: {p: confusion[(g, p)] for p in LABELS} for g in LABELS},
        "pairs": len(gold),
    }


def evaluate(paths: list[str], options: Any = None) -> dict[str, Any]:
    """Run the shipped stance model over FNC-1 gold pairs and score it."""
    from newsprobe.stance import load_stance_model

    bodies, pairs = read_fnc1(paths)
    if any(p.stance is None for p in pairs):
        raise ValueError("the stances CSV has no Stance column: there is nothing to score against")
    subset = "all pairs"
    if _find(paths)[1].name == TRAIN_STANCES:
        # the shipped model trained on the other bodies: scoring those would flatter it
        held = holdout_bodies([p.body_id for p in pairs])
        pairs = [p for p in pairs if p.body_id in held]
        subset = f"the {len(held)} held-out bodies of FNC-1 train (never trained on)"
    model = load_stance_model()
    results = model.predict((p.headline, bodies[p.body_id]) for p in pairs)
    scores = fnc_score([p.stance or "" for p in pairs], [r.stance for r in results])
    scores["subset"] = subset
    return scores
