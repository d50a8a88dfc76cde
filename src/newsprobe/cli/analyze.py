"""``newsprobe analyze``: pages in, one record per document out."""

from __future__ import annotations

import argparse
import json
import sys

from newsprobe.cli.common import count_inputs, output, progress, record_errors, warn

NAME = "analyze"
HELP = "analyse pages (.txt, .html, .jsonl, .warc, folders, - for stdin) and print their records"
EXAMPLES = """examples:
  newsprobe analyze examples/000_aeb1a4d6a8651ca1.txt
  newsprobe analyze page.html --format md --out report.md
  newsprobe analyze pages/ --format jsonl | jq '.quotes[].speaker.name'
  cat page.txt | newsprobe analyze -
"""
FORMATS = ("json", "jsonl", "md", "html")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="file, folder (recursed) or - for stdin")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="json",
        help="json: one object, or an array for several; jsonl: a record a line; md or html: a report",
    )
    parser.add_argument("--out", metavar="FILE", help="write here instead of stdout")


def main(args: argparse.Namespace) -> int:
    from newsprobe.api import analyze_many
    from newsprobe.ingest import InputError, iter_inputs
    from newsprobe.report import render

    failed = 0
    documents = []
    failed_docs = 0

    def good_inputs():  # type: ignore[no-untyped-def]
        nonlocal failed
        for item in iter_inputs(args.paths):
            if isinstance(item, InputError):
                failed += 1
                warn(str(item))
            else:
                yield item

    stream = progress(analyze_many(good_inputs()), total=count_inputs(args.paths))
    with output(args.out) as out:
        if args.format == "jsonl":
            for doc in stream:
                failed_docs += _report(doc)
                out.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
                out.flush()
        else:
            for doc in stream:
                failed_docs += _report(doc)
                documents.append(doc)
            if args.format == "json":
                records = [d.to_dict() for d in documents]
                payload = records[0] if len(records) == 1 else records
                out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
            else:
                out.write(render(documents, args.format))
    if not documents and args.format != "jsonl" and failed and not failed_docs:
        warn("no document could be read")
    return 1 if failed or failed_docs else 0


def _report(doc) -> int:  # type: ignore[no-untyped-def]
    lines = record_errors(doc)
    for line in lines:
        print(f"newsprobe: {line}", file=sys.stderr)
    return 1 if lines else 0
