"""``newsprobe eval``: the built-in scorers on gold data."""

from __future__ import annotations

import argparse
import json

from newsprobe.cli.common import warn

NAME = "eval"
HELP = "score newsprobe on gold data (attribution, speakers, extraction, stance, related, checkworthy)"
EXAMPLES = """examples:
  newsprobe eval extraction ../shared/data/extraction/aeb-dev
  newsprobe eval attribution ../shared/data/attribution/polnear-dev.jsonl
  newsprobe eval stance ../shared/data/stance/fnc1/train_bodies.csv ../shared/data/stance/fnc1/train_stances.csv
  newsprobe eval related ../shared/data/stance/fnc1   # related-item false flags/misses on FNC-1 headline pairs
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from newsprobe.eval import TASKS

    parser.add_argument("task", choices=sorted(TASKS), help="what to score")
    parser.add_argument("gold", nargs="+", metavar="GOLD", help="gold file(s) or folder")


def main(args: argparse.Namespace) -> int:
    from newsprobe.eval import evaluate

    try:
        scores = evaluate(args.task, args.gold)
    except (ValueError, FileNotFoundError) as exc:
        warn(str(exc))
        return 2
    print(json.dumps(scores, indent=2))
    return 0
