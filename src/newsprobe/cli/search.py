"""``newsprobe search``: who said what, from the corpus database."""

from __future__ import annotations

import argparse
import json
import shutil
import sys

from newsprobe.cli.common import output, warn

NAME = "search"
HELP = "who said what: full-text search over stored quotes and claims, by speaker, entity, outlet and date"
EXAMPLES = """examples:
  newsprobe search tariffs
  newsprobe search "trade war" --speaker "Donald Trump" --since 2025-01-01
  newsprobe search --speaker Putin --format jsonl | jq .text
  newsprobe search --entity "European Union" --outlet reuters.com --type claim
words are all required; "quoted words" are a phrase; word* matches a prefix.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", nargs="?", metavar="QUERY", help="words to find (omit to list by the filters)")
    parser.add_argument("--speaker", metavar="NAME", help='who said it: a full name or a surname ("Putin")')
    parser.add_argument("--entity", metavar="NAME", help="only documents that mention this person, group or place")
    parser.add_argument("--outlet", metavar="HOST", help="only documents from this site (e.g. bbc.co.uk)")
    parser.add_argument("--since", metavar="DATE", help="only documents published on or after DATE (YYYY-MM-DD)")
    parser.add_argument("--until", metavar="DATE", help="only documents published on or before DATE")
    parser.add_argument("--type", choices=("all", "quote", "claim"), default="all", help="what to search")
    parser.add_argument("--limit", type=int, default=50, help="at most this many hits (default: %(default)s)")
    parser.add_argument("--db", metavar="FILE", default="newsprobe.db", help="the database (default: %(default)s)")
    parser.add_argument("--format", choices=("table", "jsonl"), default="table", help="output format")
    parser.add_argument("--out", metavar="FILE", help="write here instead of stdout")


def main(args: argparse.Namespace) -> int:
    from newsprobe.store import StoreMissing, connect
    from newsprobe.store.queries import search

    if not (args.query or args.speaker or args.entity or args.outlet or args.since or args.until):
        warn("give words to search for or a filter (--speaker, --entity, --outlet, --since, --until); see --help")
        return 2
    if args.limit < 1:
        warn("--limit must be at least 1")
        return 2
    try:
        conn = connect(args.db, readonly=True)
    except StoreMissing as exc:
        warn(str(exc))
        return 1
    kinds = ("quote", "claim") if args.type == "all" else (args.type,)
    hits = search(
        conn,
        args.query,
        speaker=args.speaker,
        entity=args.entity,
        outlet=args.outlet,
        since=args.since,
        until=args.until,
        kinds=kinds,
        limit=args.limit,
    )
    conn.close()
    with output(args.out) as out:
        if args.format == "jsonl":
            for hit in hits:
                out.write(json.dumps(hit, ensure_ascii=False) + "\n")
        else:
            out.write(format_table(hits, width=shutil.get_terminal_size((120, 20)).columns))
    if not hits:
        print("no matches", file=sys.stderr)
    return 0


def format_table(hits: list[dict], width: int = 120) -> str:
    """Hits as an aligned text table: date, outlet, speaker, what was said."""
    rows = [("date", "outlet", "speaker", "said")]
    for hit in hits:
        speaker = hit["speaker"] or ("(claim)" if hit["type"] == "claim" else "(unknown)")
        rows.append(((hit["published"] or "")[:10], hit["outlet"] or "", speaker, " ".join(hit["text"].split())))
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    widths = [min(w, cap) for w, cap in zip(widths, (10, 24, 28), strict=True)]
    room = max(width - sum(widths) - 6, 30)
    lines = []
    for row in rows:
        cells = [_fit(cell, w).ljust(w) for cell, w in zip(row[:3], widths, strict=True)]
        lines.append("  ".join([*cells, _fit(row[3], room)]).rstrip())
    return "\n".join(lines) + "\n"


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
