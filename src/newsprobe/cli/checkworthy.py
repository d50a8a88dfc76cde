"""``newsprobe checkworthy``: check-worthiness scores for sentences, a JSON line each."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from newsprobe.cli.common import json_lines, output, warn

NAME = "checkworthy"
HELP = 'score how worth checking sentences are: {"id", "text"} lines in, {"id", "score"} lines out'
EXAMPLES = """examples:
  newsprobe checkworthy sentences.jsonl
  newsprobe checkworthy sentences.jsonl --out scores.jsonl
  echo '{"id": "s1", "text": "Unemployment fell to 3.5% last year."}' | newsprobe checkworthy -

input: one JSON object a line, {"id": ..., "text": ...} with an optional "context" (the sentences before it;
accepted, not used by the current model: it did not raise held-out MAP);
output: {"id": ..., "score": ...} in the same order, score in [0, 1], higher = more worth checking.
"""
BATCH = 512


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="SENTENCES.jsonl", help="JSON lines with id and text, or - for stdin")
    parser.add_argument("--out", metavar="FILE", help="write here instead of stdout")
    parser.add_argument(
        "--model", metavar="FILE", help="a model file from scripts/train_checkworthy.py (default: the shipped model)"
    )


def read_sentences(stream: IO[str], name: str) -> Iterator[tuple[Any, str] | str]:
    """(id, text) for each good line, or an error message naming the line."""
    for line in json_lines(stream, name, '{"id": ..., "text": ...}'):
        if isinstance(line, str):
            yield line
            continue
        number, item = line
        if not isinstance(item, dict) or not isinstance(item.get("text"), str) or item.get("id") is None:
            yield f'{name}:{number}: needs an "id" and a "text" string; skipped'
            continue
        yield item["id"], item["text"]  # the id goes back out as given (string or number)


def main(args: argparse.Namespace) -> int:
    from newsprobe.checkworthy import load_model

    try:
        model = load_model(args.model)
    except (FileNotFoundError, ValueError) as exc:
        warn(str(exc))
        return 2
    if args.path != "-" and not Path(args.path).is_file():
        warn(f'{args.path}: no such file; give a JSON-lines file of {{"id", "text"}} objects or - for stdin')
        return 2
    failed = 0
    source = sys.stdin if args.path == "-" else open(args.path, encoding="utf-8")  # noqa: SIM115
    try:
        with output(args.out) as out:
            batch: list[tuple[Any, str]] = []
            for item in read_sentences(source, "<stdin>" if args.path == "-" else args.path):
                if isinstance(item, str):
                    failed += 1
                    warn(item)
                    continue
                batch.append(item)
                if len(batch) >= BATCH:
                    _write(out, batch, model)
                    batch = []
            _write(out, batch, model)
    finally:
        if source is not sys.stdin:
            source.close()
    return 1 if failed else 0


def _write(out: IO[str], batch: list[tuple[Any, str]], model) -> None:  # type: ignore[no-untyped-def]
    scores = model.score([text for _, text in batch])
    for (sentence_id, _), score in zip(batch, scores, strict=True):
        out.write(json.dumps({"id": sentence_id, "score": round(score, 4)}) + "\n")
    out.flush()
