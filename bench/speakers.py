"""How much speakers.v1 adds to the spaCy pass: its time over the time of segment+parse+entities, same documents.

usage: PYTHONPATH=src python bench/speakers.py [GOLD.jsonl] [--limit N]
Quotes come from the gold attributions (PolNeAR dev by default, ../shared/data), so the quote finder is not timed.
"""

from __future__ import annotations

import argparse
import sys
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT.parent / "shared" / "data" / "attribution" / "polnear-dev.jsonl"


def main() -> int:
    """Print the ratio of speaker-resolution time to the pipeline up to entities."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("gold", nargs="?", default=str(DEFAULT_GOLD))
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()
    if not Path(args.gold).exists():
        print(f"{args.gold} not found: this benchmark needs ../shared/data (or a PolNeAR-style JSONL)", file=sys.stderr)
        return 2
    from newsprobe.eval.speakers import evaluate

    tracemalloc.start()
    result = evaluate([args.gold], limit=args.limit)
    _, peak = tracemalloc.get_traced_memory()
    seconds = result["seconds"]
    print(f"documents: {result['documents']}, quotes: {result['attributions']}")
    print(f"segment+parse+entities: {seconds['pipeline_to_entities']:.2f} s; speakers.v1: {seconds['speakers']:.3f} s")
    print(f"speakers / spaCy pass ratio: {seconds['speakers_share_of_pipeline']:.4f} (target: attribution adds <= 0.5)")
    print(f"python peak memory (tracemalloc): {peak / 2**20:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
