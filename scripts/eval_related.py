"""Related-item checks on FNC-1 headline pairs: false-flag and miss rates (see newsprobe.eval.related).

usage: PYTHONPATH=src python scripts/eval_related.py [FNC1_DIR] [--split tune|heldout] [--pairs N] [--errors N]
Default FNC1_DIR: ../shared/data/stance/fnc1 (train_bodies.csv, train_stances.csv). Prints the
metrics as JSON; --errors N also prints N false flags and N misses to stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT.parent / "shared" / "data" / "stance" / "fnc1"


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation and print it."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", nargs="*", default=[str(DEFAULT_GOLD)])
    parser.add_argument("--split", default="tune", choices=("tune", "heldout"))
    parser.add_argument("--pairs", type=int, default=600, help="same-story pairs, and as many other-story pairs")
    parser.add_argument("--errors", type=int, default=0, help="print this many false flags and misses to stderr")
    args = parser.parse_args(argv)
    missing = [p for p in args.gold if not Path(p).exists()]
    if missing:
        print(f"{missing[0]} not found: pass the FNC-1 train folder (../shared/data/stance/fnc1)", file=sys.stderr)
        return 2
    from newsprobe.eval.related import headline_pairs, judge, score

    pairs = headline_pairs(args.gold, args.split, args.pairs)
    started = time.process_time()
    verdicts = judge(pairs)
    result = score(pairs, verdicts)
    result["split"] = args.split
    result["cpu_ms_per_pair"] = round(1000 * (time.process_time() - started) / max(len(pairs), 1), 2)
    print(json.dumps(result, indent=2))
    false_flags = [(p, v) for p, v in zip(pairs, verdicts, strict=True) if p.same_story and v.consistent is False]
    misses = [(p, v) for p, v in zip(pairs, verdicts, strict=True) if not p.same_story and v.consistent]
    for title, rows in (("false flags", false_flags), ("misses", misses)):
        if args.errors:
            print(f"--- {title}", file=sys.stderr)
        for pair, verdict in rows[: args.errors]:
            row = {
                "headline": pair.headline,
                "rewrite": pair.rewrite,
                "hard": pair.hard,
                "score": round(verdict.score or 0.0, 3),
                "reason": verdict.reason,
            }
            print(json.dumps(row, ensure_ascii=False), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
