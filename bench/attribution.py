"""Attribution speed against the spaCy pass over the same text (both measured in this run).

Prints the spaCy seconds, the quotes.v1 seconds, and their ratio (the target: quotes adds at most
50%, a ratio <= 0.5), then the resident memory after each quarter of the documents (flat = no leak).

usage: PYTHONPATH=src python bench/attribution.py [GOLD.jsonl] [--limit N]
Without a gold file: PolNeAR dev from ../shared/data where it exists, else the example page 40 times.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

from newsprobe.api import analyze_many
from newsprobe.options import Options
from newsprobe.stages.quotes import QuoteStage

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "data" / "attribution" / "polnear-dev.jsonl"


def texts(path: str | None, limit: int) -> list[dict[str, str]]:
    if path is None:
        page = (ROOT / "examples" / "000_aeb1a4d6a8651ca1.txt").read_text(encoding="utf-8")
        return [{"id": f"seed{i}", "text": page} for i in range(limit)]
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    return [{"id": str(r["id"]), "text": r["text"]} for r in rows[:limit]]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", nargs="?", help="attribution gold JSONL (PolNeAR dev)")
    parser.add_argument("--limit", type=int, default=None, help="documents to analyse (default: 84 or 40)")
    args = parser.parse_args()
    gold = args.gold or (str(DEV) if DEV.exists() else None)
    inputs = texts(gold, args.limit or (84 if gold else 40))
    parse_only = Options().with_(pipeline=("segment.v1", "language.v1", "parse.spacy.v1"))
    list(analyze_many(inputs[:2], options=parse_only))  # load the model outside the timing
    start = time.perf_counter()
    docs = list(analyze_many(inputs, options=parse_only))
    spacy_seconds = time.perf_counter() - start
    stage = QuoteStage(None)
    stage(docs[0])  # load the cue model outside the timing
    quarters = {len(docs) * q // 4 for q in (1, 2, 3, 4)}
    memory = []
    start = time.perf_counter()
    quotes = 0
    for index, doc in enumerate(docs, start=1):
        quotes += len(stage(doc).quotes)
        if index in quarters:
            memory.append(round(rss_mb()))
    quote_seconds = time.perf_counter() - start
    words = sum(len(i["text"].split()) for i in inputs)
    print(f"documents {len(docs)}, words {words}, quotes {quotes}")
    print(f"spaCy pass {spacy_seconds:.2f}s, quotes.v1 {quote_seconds:.2f}s")
    print(f"ratio quotes/spaCy {quote_seconds / spacy_seconds:.3f} (target <= 0.5)")
    print(f"max RSS after each quarter (MB): {memory}")


if __name__ == "__main__":
    main()
