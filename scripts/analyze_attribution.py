"""Error analysis and held-out checks for the attribution finder, on PolNeAR TRAIN (dev only to confirm).

    PYTHONPATH=src python scripts/analyze_attribution.py misses ../shared/data/attribution/polnear-train.jsonl
    PYTHONPATH=src python scripts/analyze_attribution.py cv ../shared/data/attribution/polnear-train.jsonl

``misses``: recall by category of gold attribution (the cue's word class and frame, segment, quoted or
not) and, for the missed ones, why (no candidate with that cue, a candidate whose content covers under
30% of the gold, one the cue model scored under the threshold, one dropped as nested or used up),
then the false positives by candidate key. ``cv``: the cue model fitted on one half of the documents
and scored end to end on the other half at a few thresholds (both halves), the honest way to compare
candidate kinds and features without looking at dev.

The parse is cached (``--cache``, default ``.work/``, git-ignored): the first run parses (about two
minutes for train on 2 cores), later runs take seconds.
"""

from __future__ import annotations

import argparse
import collections
import json
import pickle
import sys
from pathlib import Path
from typing import Any

from newsprobe.eval.attribution import LENIENT_COVERAGE, Tally, charset
from newsprobe.quotes import extract
from newsprobe.quotes.cues import CueModel
from newsprobe.record import Document

sys.path.insert(0, str(Path(__file__).resolve().parent))
import train_quote_cues as training  # noqa: E402

THRESHOLDS = (0.3, 0.35, 0.4, 0.45)


def parsed(path: str, cache: Path) -> list[tuple[Document, list[dict[str, Any]]]]:
    """Gold documents parsed (segment, language, parse, entities), from the cache when it is there."""
    from spacy.tokens import DocBin

    from newsprobe.api import analyze_many
    from newsprobe.nlp import Parse, load_model
    from newsprobe.options import Options

    lines = Path(path).read_text(encoding="utf-8").splitlines()
    rows = {str(r["id"]): r for r in (json.loads(line) for line in lines if line.strip())}
    stem = cache / Path(path).stem
    options = Options().with_(pipeline=("segment.v1", "language.v1", "parse.spacy.v1", "entities.v1"))
    if not stem.with_suffix(".spacy").exists():
        cache.mkdir(parents=True, exist_ok=True)
        bin_, meta = DocBin(store_user_data=False), []
        for doc in analyze_many(({"id": i, "text": r["text"]} for i, r in rows.items()), options=options):
            for p in doc.parses:
                bin_.add(p.doc)
            meta.append((doc.id, doc.text, doc.segments, [p.segment for p in doc.parses], doc.entities, doc.language))
        stem.with_suffix(".spacy").write_bytes(bin_.to_bytes())
        stem.with_suffix(".pkl").write_bytes(pickle.dumps(meta))
    vocab = load_model(options.model).vocab
    docs = iter(DocBin().from_bytes(stem.with_suffix(".spacy").read_bytes()).get_docs(vocab))
    out = []
    for id_, text, segments, parsed_segments, entities, language in pickle.loads(stem.with_suffix(".pkl").read_bytes()):
        doc = Document(id_, text, segments=segments, entities=entities)
        doc.language = language
        doc.parses = [Parse(segment, next(docs)) for segment in parsed_segments]
        out.append((doc, rows[id_]["attributions"]))
    return out


def matched(text: str, gold: list[dict[str, Any]], found: list[Any]) -> dict[int, int]:
    """gold index -> prediction index, greedily by coverage like the lenient metric."""
    gold_sets = [charset(text, g["content"]) for g in gold]
    pred_sets = [charset(text, a.content) for a in found]
    pairs = sorted(
        (
            (len(g & p) / len(g), gi, pi)
            for gi, g in enumerate(gold_sets)
            if g
            for pi, p in enumerate(pred_sets)
            if len(g & p) >= LENIENT_COVERAGE * len(g)
        ),
        reverse=True,
    )
    out: dict[int, int] = {}
    for _, gi, pi in pairs:
        if gi not in out and pi not in out.values():
            out[gi] = pi
    return out


def cue_head(doc: Document, span: list[int]) -> Any:
    """The token heading a gold cue span (a verb, noun or adjective first), and its parse."""
    for p in doc.parses:
        if p.segment.start <= span[0] < p.segment.end:
            tokens = [t for t in p.doc if p.offset + t.idx < span[1] and span[0] < p.offset + t.idx + len(t)]
            ids = {t.i for t in tokens}
            roots = sorted(
                (t for t in tokens if t.head.i not in ids or t.head.i == t.i),
                key=lambda t: (t.pos_ not in ("VERB", "NOUN", "AUX", "ADJ"), t.i),
            )
            return (roots[0] if roots else None), p
    return None, None


def frame(token: Any) -> str:
    if token is None:
        return "none"
    if token.pos_ == "VERB":
        deps = {c.dep_ for c in token.children}
        return next((f"verb+{d}" for d in ("ccomp", "xcomp", "dobj", "prep") if d in deps), "verb-other")
    return {"AUX": "adj/copula", "ADJ": "adj/copula", "NOUN": "noun", "ADP": "prep", "PUNCT": "colon/dash"}.get(
        token.pos_, token.pos_.lower()
    )


class AcceptAll(CueModel):
    """Every candidate is a cue."""

    def score(self, found):  # type: ignore[no-untyped-def]
        return 1.0


def misses(pairs: list[tuple[Document, list[dict[str, Any]]]]) -> None:
    """Recall by category, why the missed ones were missed, false positives by candidate key."""
    from newsprobe.stages.quotes import find_attributions

    cues = CueModel.load()
    total, hit, why = collections.Counter(), collections.Counter(), collections.Counter()
    fp, tp = collections.Counter(), collections.Counter()
    for doc, gold in pairs:
        found = find_attributions(doc, cues)
        candidates = find_attributions(doc, AcceptAll(), keep_nested=True)
        pairs_ = matched(doc.text, gold, found)
        for i, a in enumerate(found):
            (tp if i in pairs_.values() else fp)[a.key] += 1
        for gi, g in enumerate(gold):
            gold_chars = charset(doc.text, g["content"])
            if not gold_chars:
                continue
            token, parse = cue_head(doc, g["cue"][0]) if g["cue"] else (None, None)
            quoted = any(ch in '“”"' for ch in g["content_text"] or "")
            categories = [f"frame:{frame(token)}", f"segment:{parse.segment.kind if parse else '?'}"]
            categories += ["quoted" if quoted else "unquoted", "all"]
            for c in categories:
                total[c] += 1
                hit[c] += gi in pairs_
            if gi in pairs_:
                continue
            near = [a for a in candidates if a.cue and any(s < a.cue[1] and a.cue[0] < e for s, e in g["cue"])]
            best = max(near, key=lambda a: len(gold_chars & charset(doc.text, a.content)), default=None)
            if best is None:
                reason = "no candidate"
            elif len(gold_chars & charset(doc.text, best.content)) < LENIENT_COVERAGE * len(gold_chars):
                reason = "content misses"
            elif cues.score(best) < extract.CUE_THRESHOLD:
                reason = "scored low"
            else:
                reason = "dropped (nested or used)"
            why[f"{frame(token)}: {reason}"] += 1
    for c in sorted(total, key=lambda c: -total[c]):
        print(f"{c:24s} {hit[c]:6d}/{total[c]:6d}  {hit[c] / total[c]:.3f}")
    print("\nmissed, by frame and reason:")
    for k, v in why.most_common(25):
        print(f"  {k}: {v}")
    print("\nfalse positives / true positives by candidate key:")
    for k, v in fp.most_common(30):
        print(f"  {k}: {v}/{tp[k]}")


def cross_validate(pairs: list[tuple[Document, list[dict[str, Any]]]]) -> None:
    """Fit on half the documents, score the other half end to end; both halves."""
    from newsprobe.stages.quotes import QuoteStage

    for fold in (0, 1):
        fit = [p for i, p in enumerate(pairs) if i % 2 != fold]
        held = [p for i, p in enumerate(pairs) if i % 2 == fold]
        weights, bias = training.learn([o for doc, gold in fit for o in training.candidate_outcomes(doc, gold)])
        weights = {k: v for k, v in weights.items() if abs(v) >= training.MIN_WEIGHT}
        stage = QuoteStage()
        stage._cues = CueModel(weights, bias)
        default = extract.CUE_THRESHOLD
        for threshold in THRESHOLDS:
            extract.CUE_THRESHOLD = threshold
            tally = Tally()
            for doc, gold in held:
                stage(doc)
                tally.add(doc.text, gold, [q.to_dict() for q in doc.quotes])
            s = tally.scores()
            print(
                f"fold {fold} threshold {threshold}: P {s['lenient_p']:.4f} R {s['lenient_r']:.4f} "
                f"F1 {s['lenient_f1']:.4f} strict F1 {s['strict_f1']:.4f} speaker {s['speaker_span_acc']:.4f}"
            )
        extract.CUE_THRESHOLD = default


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=("misses", "cv"))
    parser.add_argument("gold", help="PolNeAR train JSONL (the contract's attribution gold format)")
    parser.add_argument("--cache", default=".work", help="where parses are kept between runs (default .work/)")
    args = parser.parse_args(argv)
    pairs = parsed(args.gold, Path(args.cache))
    (misses if args.command == "misses" else cross_validate)(pairs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
