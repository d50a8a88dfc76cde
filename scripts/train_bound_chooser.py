"""Learn the bound chooser (src/newsprobe/models/bound_chooser.json) from PolNeAR train.

The extractor runs as the stage does (cue model, ``refine``) but without the chooser; every found content
that leniently matches a gold content (covers at least 30% of it) gets its variants
(``newsprobe.quotes.variants.variants``), each labelled right when its Jaccard overlap with that gold
content is at least 0.8 (the strict match of the metric, after the metric's trimming). A logistic
regression over the variants' features learns which are right; the threshold by which a variant must beat
the found bounds is picked by 5-fold cross-validation over documents, and only weights are written.

usage: PYTHONPATH=src python scripts/train_bound_chooser.py ../shared/data/attribution/polnear-train.jsonl
       [--cache .work/train] [--cv-only]
(the spaCy parse takes about 5 minutes on 2 cores; ``--cache PREFIX`` keeps it in PREFIX.spacy/.meta.pkl)
"""

from __future__ import annotations

import argparse
import json
import math
import pickle
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newsprobe.quotes.variants import MODEL_FILE, BoundChooser, variants
from newsprobe.record import Document

OUT = Path(__file__).resolve().parents[1] / "src" / "newsprobe" / "models" / MODEL_FILE
C = 0.6  # inverse L2 regularisation strength (5-fold CV on train: 0.15 +64, 0.3 +72, 0.6 +81 strict)
MIN_WEIGHT = 0.05  # smaller weights are left out of the shipped model (it stays small)
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)
FOLDS = 5
CACHED_ATTRS = ["ORTH", "TAG", "HEAD", "DEP", "SENT_START", "POS", "LEMMA", "MORPH", "ENT_IOB", "ENT_TYPE", "SPACY"]


@dataclass(slots=True)
class Group:
    """One found content: its start and end edges' features, whether each is the gold one, and the Jaccard
    with the gold content of every (start, end) pair."""

    doc: str
    starts: list[list[str]]
    ends: list[list[str]]
    start_right: list[bool]
    end_right: list[bool]
    jaccard: list[list[float]]


def parsed(path: Path, cache: str | None) -> Iterator[Document]:
    """The documents of a gold file with their parses (from ``cache`` when it holds them)."""
    from spacy.tokens import DocBin

    from newsprobe.nlp import Parse, load_model
    from newsprobe.options import Options
    from newsprobe.record import Segment

    options = Options().with_(pipeline=("segment.v1", "language.v1", "parse.spacy.v1"))
    if cache and Path(cache + ".spacy").exists():
        nlp = load_model(options.model)
        docs = list(DocBin().from_disk(cache + ".spacy").get_docs(nlp.vocab))
        for did, text, segments, language, parses in pickle.loads(Path(cache + ".meta.pkl").read_bytes()):
            doc = Document(id=did, text=text, segments=[Segment.from_dict(s) for s in segments], language=language)
            doc.parses = [Parse(Segment.from_dict(s), docs[i]) for s, i in parses]
            yield doc
        return
    from newsprobe.api import analyze_many

    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    keep = DocBin(attrs=CACHED_ATTRS, store_user_data=False)
    meta = []
    for doc in analyze_many(({"id": str(r["id"]), "text": r["text"]} for r in rows), options=options):
        segments = [s.to_dict() for s in doc.segments]
        meta.append(
            (
                doc.id,
                doc.text,
                segments,
                doc.language,
                [(p.segment.to_dict(), len(keep) + i) for i, p in enumerate(doc.parses)],
            )
        )
        for p in doc.parses:
            keep.add(p.doc)
        yield doc
    if cache:
        keep.to_disk(cache + ".spacy")
        Path(cache + ".meta.pkl").write_bytes(pickle.dumps(meta))


def groups(path: Path, cache: str | None) -> list[Group]:
    """One group per found content with variants that leniently matches a gold content."""
    from newsprobe.eval.attribution import charset
    from newsprobe.quotes.cues import CueModel
    from newsprobe.stages import quotes
    from newsprobe.stages.quotes import find_attributions

    # the found bounds as the stage makes them without a chooser (an empty one keeps every bound)
    quotes.chooser = BoundChooser  # type: ignore[assignment]
    gold = {str(r["id"]): r["attributions"] for r in map(json.loads, path.open(encoding="utf-8"))}
    cues = CueModel.load()
    out: list[Group] = []
    for doc in parsed(path, cache):
        golds = [g for g in (charset(doc.text, a["content"]) for a in gold[doc.id]) if g]
        for found in find_attributions(doc, cues):
            options = variants(*found.context, found) if found.context is not None else None
            if options is None:
                continue
            chars = charset(doc.text, found.content)
            best: set[int] = max(golds, key=lambda g: len(g & chars), default=set())
            if not best or len(best & chars) < 0.3 * len(best):
                continue
            jaccard = []
            for start in options.starts:
                row = []
                for end in options.ends:
                    span = options.span(start, end)
                    v = charset(doc.text, [span]) if span is not None else set()
                    row.append(len(v & best) / len(v | best))
                jaccard.append(row)
            first, last = min(best), max(best)
            keep_start, keep_end = options.starts[0], options.ends[0]
            start_right = [_edge(doc.text, options.span(s, keep_end), charset, 0) == first for s in options.starts]
            end_right = [_edge(doc.text, options.span(keep_start, e), charset, 1) == last for e in options.ends]
            feats = ([s.features for s in options.starts], [e.features for e in options.ends])
            out.append(Group(doc.id, *feats, start_right, end_right, jaccard))
    return out


def _edge(text: str, span: tuple[int, int] | None, charset: object, side: int) -> int:
    chars = charset(text, [span]) if span is not None else set()  # type: ignore[operator]
    return -1 if not chars else (min(chars) if side == 0 else max(chars))


def learn(train: list[Group], c: float = C) -> tuple[dict[str, float], float]:
    """Logistic-regression weights by feature, and the bias."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows, labels = [], []
    for g in train:
        for feats, rights in ((g.starts, g.start_right), (g.ends, g.end_right)):
            for features, right in zip(feats[1:], rights[1:], strict=True):
                rows.append(dict.fromkeys(features, 1))
                labels.append(right and not rights[0])
    vectorizer = DictVectorizer()
    model = LogisticRegression(C=c, max_iter=3000)
    model.fit(vectorizer.fit_transform(rows), labels)
    names = vectorizer.get_feature_names_out()
    weights = {str(n): round(float(w), 3) for n, w in zip(names, model.coef_[0], strict=True) if abs(w) >= MIN_WEIGHT}
    return weights, float(model.intercept_[0])


def _pick(feats: list[list[str]], weights: dict[str, float], bias: float, threshold: float) -> int:
    if len(feats) < 2:
        return 0
    scores = [1 / (1 + math.exp(-(bias + sum(weights.get(f, 0.0) for f in fs)))) for fs in feats[1:]]
    best = max(range(len(scores)), key=scores.__getitem__)
    return best + 1 if scores[best] > threshold else 0


def strict_gain(test: list[Group], weights: dict[str, float], bias: float, threshold: float) -> tuple[int, int]:
    """(strict matches won, lost) by choosing with the threshold, over the found bounds."""
    won = lost = 0
    for g in test:
        j = g.jaccard[_pick(g.starts, weights, bias, threshold)][_pick(g.ends, weights, bias, threshold)]
        won += j >= 0.8 > g.jaccard[0][0]
        lost += g.jaccard[0][0] >= 0.8 > j
    return won, lost


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", type=Path, help="PolNeAR train JSONL (CONTRACT.md attribution format)")
    parser.add_argument("--cache", help="keep the parses in CACHE.spacy and CACHE.meta.pkl")
    parser.add_argument("--cv-only", action="store_true", help="report the cross-validation, write no model")
    parser.add_argument("--c", type=float, default=C, help=f"inverse regularisation strength (default {C})")
    args = parser.parse_args()
    data = groups(args.gold, args.cache)
    right = sum(g.jaccard[0][0] >= 0.8 for g in data)
    reachable = sum(max(map(max, g.jaccard)) >= 0.8 > g.jaccard[0][0] for g in data)
    print(f"{len(data)} matched contents with variants: {right} strict as found, {reachable} more reachable")
    ids = sorted({g.doc for g in data})
    random.Random(0).shuffle(ids)
    fold_of = {d: i % FOLDS for i, d in enumerate(ids)}
    totals = {m: [0, 0] for m in THRESHOLDS}
    for fold in range(FOLDS):
        weights, bias = learn([g for g in data if fold_of[g.doc] != fold], args.c)
        for threshold in THRESHOLDS:
            won, lost = strict_gain([g for g in data if fold_of[g.doc] == fold], weights, bias, threshold)
            totals[threshold][0] += won
            totals[threshold][1] += lost
    for threshold, (won, lost) in totals.items():
        print(f"CV threshold {threshold:.2f}: strict won {won}, lost {lost}, net {won - lost:+d}")
    threshold = max(THRESHOLDS, key=lambda m: (totals[m][0] - totals[m][1], m))
    if args.cv_only:
        return
    weights, bias = learn(data, args.c)
    model = {"weights": dict(sorted(weights.items())), "bias": round(bias, 4), "threshold": threshold}
    OUT.write_text(json.dumps(model, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(weights)} weights, threshold {threshold})")


if __name__ == "__main__":
    main()
