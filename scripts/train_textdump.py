"""Train the text-dump line classifier (src/newsprobe/models/textdump_lines.json).

usage: PYTHONPATH=src python scripts/train_textdump.py [../shared/data/extraction/aeb-dev] [--write]

Lines of each page's text dump are labelled body when most of their word 4-grams (or, for short
lines, their whole word sequence) occur in the gold article body. Prints the extraction F1 of the
classifier alone, cross-validated over held-out pages (grouped folds) and in-sample, then, with
--write, saves the model trained on all pages.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from newsprobe.eval.extraction import extraction_prf
from newsprobe.page import textdump
from newsprobe.page.blocks import Block, split_blocks
from newsprobe.page.linemodel import (
    BASE_FEATURES,
    CONTEXT_FEATURES,
    MODEL_FILE,
    LineModel,
    body_mask,
    context_features,
    line_features,
    load_line_model,
)

TOKEN = re.compile(r"\w+", re.UNICODE)
FOLDS = 8
C = 1.0
SEED = 13
PAGE_WEIGHT = 200.0


def label_blocks(blocks: list[Block], gold: str) -> list[int]:
    """1 for a block whose words mostly occur, in order, in the gold body."""
    gold_tokens = TOKEN.findall(gold)
    grams = {n: {tuple(gold_tokens[i : i + n]) for i in range(len(gold_tokens) - n + 1)} for n in (1, 2, 3, 4)}
    labels = []
    for block in blocks:
        tokens = TOKEN.findall(block.text)
        if not tokens:
            labels.append(0)
        elif len(tokens) < 4:
            labels.append(int(tuple(tokens) in grams[len(tokens)]))
        else:
            shingles = [tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3)]
            labels.append(int(sum(s in grams[4] for s in shingles) / len(shingles) >= 0.5))
    return labels


def weights_of(blocks: list[Block]) -> np.ndarray:
    """Longer lines weigh more; every page weighs the same in total (the metric averages over pages)."""
    weights = np.array([1.0 + np.log1p(len(TOKEN.findall(b.text))) for b in blocks])
    return weights / weights.sum() * PAGE_WEIGHT


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> dict:
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=C, max_iter=2000).fit((x - mean) / scale, y, sample_weight=w)
    return {
        "mean": mean.tolist(),
        "scale": scale.tolist(),
        "coef": model.coef_[0].tolist(),
        "intercept": float(model.intercept_[0]),
    }


def predict(params: dict, x: np.ndarray) -> np.ndarray:
    z = ((x - np.array(params["mean"])) / np.array(params["scale"])) @ np.array(params["coef"]) + params["intercept"]
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def train(pages: list[dict], inner_folds: int = 4) -> dict:
    """Both passes; the second is trained on first-pass scores predicted out of fold."""
    first = fit(*stack(pages, "base"))
    folds = split(pages, inner_folds)
    for k, held in enumerate(folds):
        rest = [p for j, f in enumerate(folds) if j != k for p in f]
        params = fit(*stack(rest, "base"))
        for page in held:
            page["ctx"] = context_features(predict(params, page["base"]).tolist())
    x2, y2, w2 = stack(pages, "full")
    second = fit(x2, y2, w2)
    model = {
        "base_features": list(BASE_FEATURES),
        "context_features": list(CONTEXT_FEATURES),
        "first": first,
        "second": second,
    }
    model["threshold"] = best_threshold(model, pages)
    return model


def stack(pages: list[dict], which: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    if which == "base":
        x = np.vstack([p["base"] for p in pages])
    else:
        x = np.vstack([np.hstack([p["base"], np.array(p["ctx"])]) for p in pages])
    return x, np.concatenate([p["y"] for p in pages]), np.concatenate([p["w"] for p in pages])


def scores(model: dict, page: dict) -> np.ndarray:
    first = predict(model["first"], page["base"])
    return predict(model["second"], np.hstack([page["base"], np.array(context_features(first.tolist()))]))


def body_of(page: dict, probs: np.ndarray, threshold: float) -> str:
    mask = body_mask(page["blocks"], probs.tolist(), threshold)
    return "\n".join(b.text for b, keep in zip(page["blocks"], mask, strict=True) if keep)


def f1_of(model: dict, pages: list[dict], threshold: float) -> tuple[float, float, float]:
    gold = {p["id"]: p["gold"] for p in pages}
    pred = {p["id"]: body_of(p, scores(model, p), threshold) for p in pages}
    return extraction_prf(gold, pred)


def best_threshold(model: dict, pages: list[dict]) -> float:
    grid = [round(t, 2) for t in np.arange(0.15, 0.65, 0.05)]
    return max(grid, key=lambda t: f1_of(model, pages, t)[2])


def split(pages: list[dict], k: int) -> list[list[dict]]:
    order = sorted(pages, key=lambda p: p["id"])
    random.Random(SEED).shuffle(order)
    return [order[i::k] for i in range(k)]


def load(root: Path) -> list[dict]:
    dumps = json.loads((root / "text-dumps.json").read_text(encoding="utf-8"))
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(dumps):
        if key not in truth:
            continue
        text = dumps[key]["articleBody"]
        blocks = split_blocks(text)
        if not blocks:
            continue
        gold = truth[key]["articleBody"]
        pages.append(
            {
                "id": key,
                "text": text,
                "blocks": blocks,
                "gold": gold,
                "base": np.array(line_features(blocks)),
                "y": np.array(label_blocks(blocks, gold)),
                "w": weights_of(blocks),
            }
        )
    return pages


def main(argv: list[str]) -> None:
    args = [a for a in argv if not a.startswith("--")]
    root = Path(args[0] if args else "../shared/data/extraction/aeb-dev")
    pages = load(root)
    gold = {p["id"]: p["gold"] for p in pages}
    oracle = {p["id"]: "\n".join(b.text for b, y in zip(p["blocks"], p["y"], strict=True) if y) for p in pages}
    print(
        f"pages: {len(pages)}  lines: {sum(len(p['blocks']) for p in pages)}  "
        f"oracle line-label F1: {extraction_prf(gold, oracle)[2]:.4f}"
    )
    predicted: dict[str, str] = {}
    segmented: dict[str, str] = {}
    for k, held in enumerate(split(pages, FOLDS)):
        rest = [p for j, f in enumerate(split(pages, FOLDS)) if j != k for p in f]
        model = train(rest)
        textdump.load_line_model = lambda model=model: LineModel(model)  # the fold's model, not the shipped one
        for page in held:
            predicted[page["id"]] = body_of(page, scores(model, page), model["threshold"])
            segments, _, _ = textdump.segment_text(page["text"])
            segmented[page["id"]] = "\n".join(page["text"][s.start : s.end] for s in segments if s.kind == "body")
    textdump.load_line_model = load_line_model
    p, r, f = extraction_prf(gold, predicted)
    print(f"cross-validated ({FOLDS} folds over held-out pages), classifier alone: P {p:.4f} R {r:.4f} F1 {f:.4f}")
    p, r, f = extraction_prf(gold, segmented)
    print(f"cross-validated, the whole segmenter (classifier + rules): P {p:.4f} R {r:.4f} F1 {f:.4f}")
    model = train(pages)
    p, r, f = f1_of(model, pages, model["threshold"])
    print(f"in-sample: P {p:.4f} R {r:.4f} F1 {f:.4f}  threshold {model['threshold']}")
    if "--write" in argv:
        out = Path(__file__).resolve().parents[1] / "src" / "newsprobe" / "models" / MODEL_FILE
        rounded = json.loads(json.dumps(model), parse_float=lambda v: round(float(v), 6))
        rounded["trained_on"] = f"{root.name}: {len(pages)} pages (text-dumps.json against ground-truth.json)"
        out.write_text(json.dumps(rounded, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {out}")


if __name__ == "__main__":
    main(sys.argv[1:])
