"""Speaker-name accuracy of speakers.v1 on gold attributions (quotes built from the gold spans).

usage: PYTHONPATH=src python scripts/eval_speakers.py [GOLD.jsonl] [--labels HAND.jsonl] [--errors N] [--limit N]
Default GOLD: ../shared/data/attribution/polnear-dev.jsonl. Prints the metrics as JSON (see
newsprobe.eval.speakers for how expected names are derived); --errors N also prints N wrong rows.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT.parent / "shared" / "data" / "attribution" / "polnear-dev.jsonl"


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation and print it."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", nargs="*", default=[str(DEFAULT_GOLD)])
    parser.add_argument("--labels", help="hand labels for pronoun/role sources (kept outside the repo)")
    parser.add_argument("--errors", type=int, default=0, help="print this many wrong rows to stderr")
    parser.add_argument("--limit", type=int, help="only the first N documents")
    args = parser.parse_args(argv)
    missing = [p for p in args.gold if not Path(p).exists()]
    if missing:
        print(
            f"gold file {missing[0]} not found: pass a PolNeAR-style JSONL (../shared/data/attribution/)",
            file=sys.stderr,
        )
        return 2
    from newsprobe.eval.speakers import evaluate

    result = evaluate(args.gold, labels=args.labels, limit=args.limit, rows=args.errors > 0)
    rows = result.pop("rows", [])
    print(json.dumps(result, indent=2))
    wrong = [r for r in rows if r["correct"] is False]
    for row in wrong[: args.errors]:
        print(json.dumps(row, ensure_ascii=False), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
