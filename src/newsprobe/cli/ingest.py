"""``newsprobe ingest``: analyse pages and store their records in the corpus database."""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterator
from typing import Any

from newsprobe.cli.common import count_inputs, progress, record_errors, warn

NAME = "ingest"
HELP = "analyse pages and store them in the corpus database (idempotent: stored pages are skipped)"
EXAMPLES = """examples:
  newsprobe ingest examples/000_aeb1a4d6a8651ca1.txt
  newsprobe ingest pages/ crawl.warc.gz --db corpus.db
  newsprobe ingest records.jsonl --force      # analyse again even pages already stored
  newsprobe analyze pages/ --format jsonl > records.jsonl; newsprobe ingest --records records.jsonl
then: newsprobe search "tariffs" --db corpus.db; newsprobe serve --db corpus.db
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="file, folder (recursed) or - for stdin")
    parser.add_argument("--db", metavar="FILE", default="newsprobe.db", help="the database (default: %(default)s)")
    parser.add_argument(
        "--force", action="store_true", help="analyse pages again even when the same page is already stored"
    )
    parser.add_argument(
        "--records",
        action="store_true",
        help="the inputs are analysed records (JSON lines of `newsprobe analyze --format jsonl` "
        "or `run`): store them as they are, without analysing",
    )


def main(args: argparse.Namespace) -> int:
    import sqlite3

    from newsprobe.store import Store

    try:
        store = Store(args.db)
    except (sqlite3.DatabaseError, RuntimeError, OSError) as exc:
        warn(f"cannot open the database: {exc}")
        return 2
    counts = {"added": 0, "replaced": 0, "unchanged": 0, "failed": 0, "with errors": 0}
    started = time.perf_counter()
    try:
        if args.records:
            for _, outcome in progress(store.write_many(_records(args.paths, counts)), desc="ingest"):
                counts[outcome] += 1
        else:
            _analyse_and_store(args, store, counts)
    finally:
        store.close()
        elapsed = time.perf_counter() - started
        stored = counts["added"] + counts["replaced"]
        summary = ", ".join(f"{n} {what}" for what, n in counts.items() if n or what in ("added", "unchanged"))
        rate = f" ({stored / elapsed:.1f} documents/s)" if stored and elapsed > 0 else ""
        warn(f"ingest: {summary} into {args.db} in {elapsed:.1f}s{rate}")
    return 1 if counts["failed"] or counts["with errors"] else 0


def _analyse_and_store(args: argparse.Namespace, store: Any, counts: dict[str, int]) -> None:
    from newsprobe.api import analyze_many
    from newsprobe.ingest import InputError, iter_inputs
    from newsprobe.store import text_hash

    hashes: dict[str, str] = {}

    def new_inputs():  # type: ignore[no-untyped-def]
        for item in iter_inputs(args.paths):
            if isinstance(item, InputError):
                counts["failed"] += 1
                warn(str(item))
                continue
            digest = text_hash(item.html if item.html is not None else item.text)
            if not args.force and store.is_stored(item.id, digest):
                counts["unchanged"] += 1
                continue
            hashes[item.id] = digest
            yield item

    def analysed():  # type: ignore[no-untyped-def]
        for doc in analyze_many(new_inputs()):
            lines = record_errors(doc)
            for line in lines:
                warn(line)
            counts["with errors"] += bool(lines)
            yield doc

    # batches commit every 200 documents or second: Ctrl-C loses at most the open batch, and the
    # next run skips what was committed
    stored = store.write_many(analysed(), input_hashes=hashes)
    for _, outcome in progress(stored, total=count_inputs(args.paths), desc="ingest"):
        counts[outcome] += 1


def _records(paths: list[str], counts: dict[str, int]) -> Iterator[Any]:
    """Analysed records from JSON-lines files (``-`` for stdin); a bad line is reported and skipped."""
    import contextlib
    import gzip
    import json
    import sys
    from pathlib import Path

    from newsprobe.record import Document

    for raw in paths:
        try:
            opened: Any
            if raw == "-":
                opened = contextlib.nullcontext(sys.stdin)
            elif raw.endswith(".gz"):
                opened = gzip.open(raw, "rt", encoding="utf-8")  # noqa: SIM115 - entered just below
            else:
                opened = Path(raw).open(encoding="utf-8")  # noqa: SIM115 - entered just below
        except OSError as exc:
            counts["failed"] += 1
            warn(f"{raw}: cannot read: {exc.strerror or exc}")
            continue
        with opened as stream:
            try:
                for number, line in enumerate(stream, 1):
                    if not line.strip():
                        continue
                    try:
                        yield Document.from_dict(json.loads(line))
                    except (ValueError, KeyError, TypeError) as exc:
                        counts["failed"] += 1
                        warn(
                            f"{raw}:{number}: not a newsprobe/1 record ({exc!r}); "
                            "--records takes the output of `newsprobe analyze --format jsonl`"
                        )
            except (OSError, UnicodeDecodeError, EOFError) as exc:
                counts["failed"] += 1
                warn(f"{raw}: unreadable ({exc}); is the file complete?")
