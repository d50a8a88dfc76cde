"""Article extraction, scored like the ScrapingHub article-extraction-benchmark (4-gram shingle P/R/F1).

The gold folder holds ``html/<id>.html.gz``, ``ground-truth.json`` and, for the text-only task,
``text-dumps.json``. Both tasks are scored: HTML pages, and the pages' visible text dumps.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
from collections import Counter
from pathlib import Path
from typing import Any

_TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """The multiset of word n-grams of a text."""
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def _rates(true: str, pred: str) -> tuple[float, float, float]:
    gold, guess = shingles(true), shingles(pred)
    tp = fp = fn = 0.0
    for key in set(gold) | set(guess):
        x, y = gold.get(key, 0), guess.get(key, 0)
        tp += min(x, y)
        fp += max(0, y - x)
        fn += max(0, x - y)
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def extraction_prf(gold: dict[str, str], pred: dict[str, str]) -> tuple[float, float, float]:
    """Mean precision and recall over documents, and their F1 (the benchmark's definition)."""
    rows = [_rates(gold[k], pred.get(k, "")) for k in sorted(gold)]

    def precision(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))

    def recall(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))

    ps = [precision(*r) for r in rows if r[0] + r[1] > 0]
    rs = [recall(*r) for r in rows if r[0] + r[2] > 0]
    p = statistics.mean(ps) if ps else 0.0
    r = statistics.mean(rs) if rs else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def segment_only_options(options: Any) -> Any:
    """Options that run only page segmentation (extraction needs nothing else)."""
    from newsprobe.options import Options

    return (options or Options()).with_(pipeline=("segment.v1",))


def evaluate(paths: list[str], options: Any = None) -> dict[str, Any]:
    """Score HTML extraction and text-dump segmentation on a benchmark folder."""
    from newsprobe.api import analyze_many
    from newsprobe.ingest.html import document_from_html_bytes
    from newsprobe.record import Document

    if len(paths) != 1:
        raise ValueError("eval extraction takes one folder (with html/ and ground-truth.json)")
    root = Path(paths[0])
    truth_file = root / "ground-truth.json"
    if not truth_file.exists():
        raise ValueError(f"{root}: no ground-truth.json here; expected the article-extraction-benchmark layout")
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    gold = {k: v["articleBody"] for k, v in truth.items()}
    opts = segment_only_options(options)
    results: dict[str, Any] = {"documents": len(gold)}

    html_docs = []
    for key in sorted(gold):
        file = root / "html" / f"{key}.html.gz"
        made = document_from_html_bytes(
            gzip.decompress(file.read_bytes()), source=str(file), doc_id=key, url=truth[key].get("url")
        )
        if isinstance(made, Document):
            html_docs.append(made)
    predicted = {d.id: d.body_text() for d in analyze_many(html_docs, options=opts)}
    p, r, f = extraction_prf(gold, predicted)
    results["html"] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}

    dumps_file = root / "text-dumps.json"
    if dumps_file.exists():
        dumps = json.loads(dumps_file.read_text(encoding="utf-8"))
        text_docs = [Document(id=k, text=v["articleBody"]) for k, v in sorted(dumps.items()) if k in gold]
        predicted = {d.id: d.body_text() for d in analyze_many(text_docs, options=opts)}
        p, r, f = extraction_prf(gold, predicted)
        results["text"] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}
    return results
