"""Learn the cue model (src/newsprobe/models/quote_cues.json) from PolNeAR train.

Every verb (or noun, adjective, "according to") that introduces something is a candidate; the extractor runs
with all of them accepted, and each candidate counts as right when its content covers at least 30%
of a gold content (the lenient match of the metric) and either its cue overlaps that gold cue or
its speaker mention overlaps the gold source. A logistic regression over the
candidates' features (``newsprobe.quotes.cues.candidate_features``) learns which are right; only its
weights are written, so scoring needs no scikit-learn.

usage: PYTHONPATH=src python scripts/train_quote_cues.py ../shared/data/attribution/polnear-train.jsonl
(about 3 minutes on 2 cores, most of it the spaCy parse; needs scikit-learn, which is in the venv)
scripts/analyze_attribution.py checks a change on held-out halves of train before it is retrained here.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsprobe.quotes.cues import MODEL_FILE, CueModel
from newsprobe.record import Document

OUT = Path(__file__).resolve().parents[1] / "src" / "newsprobe" / "models" / MODEL_FILE
# Inverse L2 regularisation strength (tuned on PolNeAR dev).
C = 0.5
# A candidate is also right when its content matches and its speaker mention does, whatever its cue
# (the metric scores contents and speakers, not cues): lenient F1 on dev 0.746 -> 0.775.
LABEL_BY_CONTENT_ONLY = True
# Weights smaller than this are left out of the file (it holds ~18k instead of ~47k; held-out F1 unchanged).
MIN_WEIGHT = 0.05
# Train on the candidates the stage keeps (nested ones dropped, as at run time).
KEEP_NESTED = False


class AcceptAll(CueModel):
    """Every candidate is a cue: used to collect the training candidates."""

    def score(self, found):  # type: ignore[no-untyped-def]
        return 1.0


def trimmed_chars(text: str, spans: Iterable[tuple[int, int]]) -> set[int]:
    """The characters of spans after the metric's trimming (see ../shared/tools/score_attribution.py)."""
    from newsprobe.eval.attribution import charset

    return charset(text, list(spans))


def candidate_outcomes(doc: Document, gold: list[dict]) -> Iterator[tuple[list[str], bool]]:
    """(features, right) for every candidate attribution of one parsed document."""
    from newsprobe.stages.quotes import find_attributions

    golds = [(trimmed_chars(doc.text, g["content"]), g["cue"]) for g in gold]
    source_of = {id(g["cue"]): g.get("source") or [] for g in gold}
    for found in find_attributions(doc, AcceptAll(), keep_nested=KEEP_NESTED):
        chars = trimmed_chars(doc.text, found.content)
        right = False
        for gold_chars, cues in golds:
            if not gold_chars or found.cue is None:
                continue
            cue_hit = any(s < found.cue[1] and found.cue[0] < e for s, e in cues)
            if LABEL_BY_CONTENT_ONLY:
                sources, mention = source_of[id(cues)], found.mention
                cue_hit = cue_hit or (
                    (not sources and mention is None)
                    or (mention is not None and any(s < mention[1] and mention[0] < e for s, e in sources))
                )
            if cue_hit and len(gold_chars & chars) >= 0.3 * len(gold_chars):
                right = True
                break
        yield found.features, right


def learn(outcomes: list[tuple[list[str], bool]], c: float = C) -> tuple[dict[str, float], float]:
    """Logistic-regression weights by feature, and the bias."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([dict.fromkeys(features, 1) for features, _ in outcomes])
    y = [int(ok) for _, ok in outcomes]
    model = LogisticRegression(C=c, max_iter=2000).fit(x, y)
    weights = {
        name: round(float(w), 4)
        for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True)
        if abs(w) >= MIN_WEIGHT
    }
    return weights, round(float(model.intercept_[0]), 4)


def write_model(path: str | Path, weights: dict[str, float], bias: float, trained_on: str) -> None:
    """The model file the stage loads."""
    data = {"trained_on": trained_on, "C": C, "bias": bias, "weights": weights}
    Path(path).write_text(json.dumps(data, indent=0, sort_keys=True) + "\n", encoding="utf-8")


def parsed_documents(path: str) -> Iterator[tuple[Document, list[dict]]]:
    """Gold documents run through segmentation and the parse."""
    from newsprobe.api import analyze_many
    from newsprobe.options import Options

    options = Options().with_(pipeline=("segment.v1", "language.v1", "parse.spacy.v1"))
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    gold = {r["id"]: r["attributions"] for r in rows}
    for doc in analyze_many(({"id": r["id"], "text": r["text"]} for r in rows), options=options):
        yield doc, gold[doc.id]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", help="PolNeAR train JSONL (the contract's attribution gold format)")
    parser.add_argument("--out", default=str(OUT), help=f"where to write the table (default {OUT})")
    args = parser.parse_args(argv)
    outcomes = [o for doc, gold in parsed_documents(args.gold) for o in candidate_outcomes(doc, gold)]
    weights, bias = learn(outcomes)
    write_model(args.out, weights, bias, Path(args.gold).name)
    print(f"{len(outcomes)} candidates, {len(weights)} weights -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
