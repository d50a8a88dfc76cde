"""``newsprobe ingest``: analyse pages and store their records in the corpus database."""

from __future__ import annotations

import argparse
import time

from newsprobe.cli.common import count_inputs, progress, record_errors, warn

NAME = "ingest"
HELP = "analyse pages and store them in the corpus database (idempotent: stored pages are skipped)"
EXAMPLES = """examples:
  newsprobe ingest examples/000_aeb1a4d6a8651ca1.txt
  newsprobe ingest pages/ crawl.warc.gz --db corpus.db
  newsprobe ingest records.jsonl --force      # analyse again even pages already stored
then: newsprobe search "tariffs" --db corpus.db; newsprobe serve --db corpus.db
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="file, folder (recursed) or - for stdin")
    parser.add_argument("--db", metavar="FILE", default="newsprobe.db", help="the database (default: %(default)s)")
    parser.add_argument("--force", action="store_true",
                        help="analyse pages again even when the same page is already stored")


def main(args: argparse.Namespace) -> int:
    import sqlite3

    from newsprobe.api import analyze_many
    from newsprobe.ingest import InputError, iter_inputs
    from newsprobe.store import Store, text_hash

    try:
        store = Store(args.db)
    except (sqlite3.DatabaseError, RuntimeError, OSError) as exc:
        warn(f"cannot open the database: {exc}")
        return 2
    counts = {"added": 0, "replaced": 0, "unchanged": 0, "failed": 0, "with errors": 0}
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

    started = time.perf_counter()
    try:
        for doc in progress(analyze_many(new_inputs()), total=count_inputs(args.paths), desc="ingest"):
            lines = record_errors(doc)
            for line in lines:
                warn(line)
            counts["with errors"] += bool(lines)
            counts[store.write(doc, input_hash=hashes.pop(doc.id, None))] += 1
    finally:
        store.close()
        elapsed = time.perf_counter() - started
        stored = counts["added"] + counts["replaced"]
        summary = ", ".join(f"{n} {what}" for what, n in counts.items() if n or what in ("added", "unchanged"))
        rate = f" ({stored / elapsed:.1f} documents/s)" if stored and elapsed > 0 else ""
        warn(f"ingest: {summary} into {args.db} in {elapsed:.1f}s{rate}")
    return 1 if counts["failed"] or counts["with errors"] else 0
