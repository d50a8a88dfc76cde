"""Attribution, scored with the metric of CONTRACT.md (agrees with ../shared/tools/score_attribution.py).

Spans are compared after trimming whitespace, quote marks, end punctuation and a leading "that".
Lenient: a gold content is found when one predicted quote covers at least 30% of its characters
(each prediction used once, greedily by coverage). Strict: Jaccard overlap of at least 0.8.
Speaker span: of the leniently found, the share whose mention overlaps the gold source (or both
are absent). Speaker name: of the found gold with a full name, the share whose predicted name holds
every token of it (honorifics dropped) and at most two tokens more.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from newsprobe.data.speech import SCORER_TITLES, TRIM_CHARS

Span = tuple[int, int]
LENIENT_COVERAGE = 0.3
STRICT_JACCARD = 0.8


def trimmed(text: str, start: int, end: int) -> Span:
    """A span without surrounding whitespace, quote marks, end punctuation and a leading "that"."""
    while start < end and text[start] in TRIM_CHARS:
        start += 1
    while end > start and text[end - 1] in TRIM_CHARS:
        end -= 1
    if end - start > 5 and text[start : start + 5].lower() == "that ":
        return trimmed(text, start + 5, end)
    return start, end


def charset(text: str, parts: Iterable[Iterable[int]]) -> set[int]:
    """The character offsets that trimmed spans cover."""
    out: set[int] = set()
    for s, e in parts:
        s, e = trimmed(text, s, e)
        out.update(range(s, e))
    return out


def _name_tokens(name: str | None) -> list[str]:
    tokens = re.findall(r"[\w’'-]+", (name or "").lower())
    return [t for t in tokens if t.strip(".") not in SCORER_TITLES]


def name_matches(gold: str, predicted: str | None) -> bool:
    """Every token of the gold name (honorifics dropped) in the prediction, with at most two more."""
    g, p = _name_tokens(gold), _name_tokens(predicted)
    return bool(g) and set(g) <= set(p) and len(p) <= len(g) + 2


def _is_span(value: Any) -> bool:
    return isinstance(value, list | tuple) and len(value) == 2 and all(isinstance(v, int) for v in value)


def _parts(value: Any) -> list[Span] | None:
    """A content: one span, or a list of spans (a quote broken by its cue); None when malformed."""
    if _is_span(value):
        return [(value[0], value[1])]
    if isinstance(value, list | tuple) and value and all(_is_span(v) for v in value):
        return [(v[0], v[1]) for v in value]
    return None


class Tally:
    """Counts over documents; ``scores()`` gives the metrics."""

    def __init__(self) -> None:
        self.n_gold = self.n_pred = self.lenient = self.strict = 0
        self.speaker_n = self.speaker_ok = self.name_n = self.name_ok = 0
        self.overlap_tp = self.overlap_gold = self.overlap_pred = 0
        self.missing = 0

    def add(self, text: str, gold: list[dict[str, Any]], quotes: list[dict[str, Any]]) -> None:
        """Score one document: its gold attributions against its predicted quotes (record dicts)."""
        quotes = [q for q in quotes if _parts(q.get("content")) and charset(text, _parts(q["content"]) or [])]
        atts = [a for a in gold if charset(text, a["content"])]
        pred_sets = [charset(text, _parts(q["content"]) or []) for q in quotes]
        gold_sets = [charset(text, a["content"]) for a in atts]
        self.n_gold += len(gold_sets)
        self.n_pred += len(pred_sets)
        all_gold = set().union(*gold_sets) if gold_sets else set()
        all_pred = set().union(*pred_sets) if pred_sets else set()
        self.overlap_tp += len(all_gold & all_pred)
        self.overlap_gold += len(all_gold)
        self.overlap_pred += len(all_pred)
        candidates = []
        for gi, gs in enumerate(gold_sets):
            for pi, ps in enumerate(pred_sets):
                cover = len(gs & ps) / len(gs)
                if cover >= LENIENT_COVERAGE:
                    candidates.append((cover, gi, pi))
        used_gold: set[int] = set()
        used_pred: set[int] = set()
        pairs = []
        for _, gi, pi in sorted(candidates, reverse=True):
            if gi not in used_gold and pi not in used_pred:
                used_gold.add(gi)
                used_pred.add(pi)
                pairs.append((gi, pi))
        self.lenient += len(pairs)
        jaccard = sorted(
            (
                (len(gs & ps) / len(gs | ps), gi, pi)
                for gi, gs in enumerate(gold_sets)
                for pi, ps in enumerate(pred_sets)
                if gs & ps
            ),
            reverse=True,
        )
        strict_gold: set[int] = set()
        strict_pred: set[int] = set()
        for j, gi, pi in jaccard:
            if j >= STRICT_JACCARD and gi not in strict_gold and pi not in strict_pred:
                strict_gold.add(gi)
                strict_pred.add(pi)
        self.strict += len(strict_gold)
        for gi, pi in pairs:
            att, speaker = atts[gi], quotes[pi].get("speaker") or {}
            value = speaker.get("mention")
            mention = (value[0], value[1]) if value is not None and _is_span(value) else None
            sources = att.get("source") or []
            self.speaker_n += 1
            if not sources:
                self.speaker_ok += mention is None
            elif mention is not None:
                self.speaker_ok += any(s < mention[1] and mention[0] < e for s, e in sources)
            if att.get("speaker"):
                self.name_n += 1
                self.name_ok += name_matches(att["speaker"], speaker.get("name"))

    def scores(self) -> dict[str, Any]:
        """The metrics, rounded to 4 decimals like the reference scorer."""

        def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
            p = tp / n_pred if n_pred else 0.0
            r = tp / n_gold if n_gold else 0.0
            return p, r, (2 * p * r / (p + r) if p + r else 0.0)

        lp, lr, lf = prf(self.lenient, self.n_pred, self.n_gold)
        sp, sr, sf = prf(self.strict, self.n_pred, self.n_gold)
        op, orr, of = prf(self.overlap_tp, self.overlap_pred, self.overlap_gold)
        return {
            "gold": self.n_gold,
            "predicted": self.n_pred,
            "documents_missing": self.missing,
            "lenient_p": round(lp, 4),
            "lenient_r": round(lr, 4),
            "lenient_f1": round(lf, 4),
            "strict_p": round(sp, 4),
            "strict_r": round(sr, 4),
            "strict_f1": round(sf, 4),
            "overlap_p": round(op, 4),
            "overlap_r": round(orr, 4),
            "overlap_f1": round(of, 4),
            "speaker_span_acc": round(self.speaker_ok / self.speaker_n, 4) if self.speaker_n else 0.0,
            "speaker_name_acc": round(self.name_ok / self.name_n, 4) if self.name_n else None,
        }


def score_records(gold: Iterable[dict[str, Any]], predicted: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Score gold documents against predicted records (``newsprobe/1`` dicts keyed by id)."""
    tally = Tally()
    for row in gold:
        record = predicted.get(str(row["id"]))
        if record is None:
            tally.missing += 1
            quotes: list[dict[str, Any]] = []
        else:
            if record.get("text") != row["text"]:
                raise ValueError(f"record {row['id']}: text differs from the gold text")
            quotes = record.get("quotes", [])
        tally.add(row["text"], row["attributions"], quotes)
    return tally.scores()


def read_gold(path: str | Path) -> Iterator[dict[str, Any]]:
    """Gold attribution documents from a JSONL file, with the line number in any error."""
    if not Path(path).is_file():
        raise ValueError(
            f"{path}: no such file; give a gold JSONL in the attribution format, "
            "e.g. ../shared/data/attribution/polnear-dev.jsonl"
        )
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(
                    f"{path}:{number}: not a JSON line ({exc.msg}); expected the attribution gold format"
                ) from None
            if not isinstance(row, dict) or "text" not in row or "attributions" not in row:
                raise ValueError(
                    f"{path}:{number}: needs 'id', 'text' and 'attributions' (see CONTRACT.md, Gold formats)"
                )
            yield row


def evaluate(paths: list[str], options: Any = None) -> dict[str, Any]:
    """Analyse each gold document's text with the default pipeline and score the quotes found."""
    from newsprobe.api import analyze_many

    if not paths:
        raise ValueError("eval attribution takes one or more gold JSONL files")
    rows = [row for path in paths for row in read_gold(path)]
    inputs = ({"id": str(r["id"]), "text": r["text"]} for r in rows)
    predicted = {
        doc.id: {"text": doc.text, "quotes": [q.to_dict() for q in doc.quotes]}
        for doc in analyze_many(inputs, options=options)
    }
    scores = score_records(rows, predicted)
    scores["documents"] = len(rows)
    return scores
