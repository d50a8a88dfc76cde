"""``newsprobe run``: many pages to Parquet tables, on a local process pool or Apache Spark."""

from __future__ import annotations

import argparse
import time

from newsprobe.cli.common import fail_usage, progress, warn

NAME = "run"
HELP = "batch-analyse many pages (folders, .jsonl, .warc) to Parquet tables, locally or on Spark"
EXAMPLES = """examples:
  newsprobe run pages/ crawl.warc.gz --out results/
  newsprobe run pages.jsonl --out results/ --workers 4
  newsprobe run --engine spark crawls/ --out results/ --workers 2          # Spark local[2]
  newsprobe run --engine spark --master spark://head:7077 /shared/crawls/ --out /shared/results/
  duckdb -c "SELECT speaker_name, count(*) FROM 'results/quotes/*.parquet' GROUP BY 1 ORDER BY 2 DESC"

tables (Parquet datasets under --out, each keyed by the document id):
  documents (one row a document, with the full JSON record), segments, entities, quotes, claims,
  related, flags, errors (unreadable inputs with their file and line or offset, and failed stages)
exit status: 0 all analysed, 1 some inputs or stages failed (see DIR/errors/), 2 usage error
"""
ENGINES = ("local", "spark")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="+", metavar="INPUT", help="file or folder (recursed): .txt, .html, .jsonl, .warc"
    )
    parser.add_argument("--out", required=True, metavar="DIR", help="output folder for the Parquet tables")
    parser.add_argument(
        "--engine",
        choices=ENGINES,
        default="local",
        help="local: a process pool on this machine (default); spark: Apache Spark",
    )
    parser.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="worker processes (local) or cores (spark local[N]); default: all CPUs here",
    )
    parser.add_argument(
        "--master",
        metavar="URL",
        help="Spark master, e.g. spark://host:7077 or yarn (default: local[N] from --workers)",
    )
    parser.add_argument(
        "--unit-size",
        type=int,
        default=None,
        metavar="N",
        help="pages (files or JSONL lines) per work unit (default 64); a WARC file is one unit",
    )
    parser.add_argument("--overwrite", action="store_true", help="replace the tables of an existing --out folder")


def main(args: argparse.Namespace) -> int:
    from newsprobe.batch.job import JobResult, OutputExists, finish_output, prepare_output
    from newsprobe.batch.local import default_workers
    from newsprobe.batch.units import DEFAULT_UNIT_SIZE, UsageError, plan_units

    if args.workers is not None and args.workers < 1:
        return fail_usage(f"--workers must be at least 1, not {args.workers}")
    if args.master and args.engine != "spark":
        return fail_usage("--master is for --engine spark")
    try:
        units = plan_units(args.paths, DEFAULT_UNIT_SIZE if args.unit_size is None else args.unit_size)
        out = prepare_output(args.out, overwrite=args.overwrite)
    except (UsageError, OutputExists) as exc:
        return fail_usage(str(exc))
    workers = args.workers or default_workers()
    began = time.perf_counter()
    if args.engine == "spark":
        from newsprobe.batch.spark import SparkUnavailable, run_spark

        master = args.master or f"local[{workers}]"
        try:
            summaries = run_spark(units, str(out), master=master)
        except SparkUnavailable as exc:
            return fail_usage(str(exc))
    else:
        from concurrent.futures.process import BrokenProcessPool

        from newsprobe.batch.local import run_local

        summaries = []
        try:
            for summary in progress(run_local(units, str(out), workers=workers), total=len(units), unit="unit"):
                summaries.append(summary)
        except BrokenProcessPool:
            warn(
                f"a worker process died (out of memory? try fewer --workers or a smaller --unit-size); "
                f"{len(summaries)} of {len(units)} units were written to {out}/"
            )
            return 1
    finish_output(out, summaries)
    result = JobResult(summaries, time.perf_counter() - began, args.engine, workers)
    return _report(result, out)


def _report(result, out) -> int:  # type: ignore[no-untyped-def]
    shown = 0
    for summary in sorted(result.units, key=lambda s: s.index):
        for message in summary.messages:
            if shown < 20:
                warn(message)
            shown += 1
    if result.errors > shown:
        warn(f"… and {result.errors - shown} more")
    rate = result.documents / result.seconds if result.seconds else 0.0
    where = f"; see {out}/errors/" if result.errors else ""
    warn(
        f"{result.documents} documents, {result.errors} errors in {result.seconds:.1f} s "
        f"({rate:.1f} documents/s, {result.engine} engine, {result.workers} workers): tables in {out}/{where}"
    )
    return 1 if result.errors else 0
