"""Train the check-worthiness model on CLEF 2019 CheckThat! task 1 and write src/newsprobe/models/.

    python scripts/train_checkworthy.py ../shared/data/checkworthy/CT19-T1-Training.csv --cv

``--cv`` first reports the leave-one-debate-out MAP (each debate scored by a model trained on the
other 18), then the final model is trained on every debate.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsprobe.checkworthy import MODEL_FILE, C, train  # noqa: E402
from newsprobe.eval.checkworthy import cross_validate, read_gold  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", nargs="+", help="CT19-T1-Training.csv (or the task's TSV files)")
    parser.add_argument("--out", default=str(ROOT / "src" / "newsprobe" / "models" / MODEL_FILE))
    parser.add_argument("--cv", action="store_true", help="report leave-one-debate-out MAP first")
    parser.add_argument("--folds", type=int, default=None, help="group debates into this many folds for --cv")
    parser.add_argument("-C", type=float, default=C, help="inverse regularisation strength")
    args = parser.parse_args()
    lines = read_gold(args.gold)
    options = {"c": args.C}
    if args.cv:
        started = time.time()
        result = cross_validate(lines, folds=args.folds, **options)
        print(json.dumps(result, indent=2))
        print(
            f"cross-validated MAP {result['map']:.4f} over {result['debates']} debates ({time.time() - started:.0f} s)",
            file=sys.stderr,
        )
    model = train([line.text for line in lines], [line.label for line in lines], **options)
    model.meta["cv_map"] = result["map"] if args.cv else None
    model.save(args.out)
    print(f"wrote {args.out} ({Path(args.out).stat().st_size / 1024:.0f} KiB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
