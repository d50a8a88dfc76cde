"""The ``newsprobe`` command: one module per subcommand, each a few lines over the API.

Every subcommand module has ``NAME``, ``HELP``, ``add_arguments(parser)`` and ``main(args) -> int``.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from newsprobe import __version__

# Subcommand modules, in the order ``--help`` lists them.
COMMANDS = (
    "newsprobe.cli.analyze",
    "newsprobe.cli.eval",
    "newsprobe.cli.stance",
    "newsprobe.cli.ingest",
    "newsprobe.cli.search",
    "newsprobe.cli.serve",
    "newsprobe.cli.run",
    "newsprobe.cli.checkworthy",
)

EPILOG = """examples:
  newsprobe analyze examples/000_aeb1a4d6a8651ca1.txt
  newsprobe analyze pages/ --format jsonl --out records.jsonl
  newsprobe analyze crawl.warc.gz --format md
  newsprobe eval extraction ../shared/data/extraction/aeb-dev
"""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="newsprobe",
        description="Who said what in news pages, and how well it is sourced.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"newsprobe {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in COMMANDS:
        module = importlib.import_module(module_name)
        sub = subparsers.add_parser(
            module.NAME,
            help=module.HELP,
            description=module.HELP,
            epilog=getattr(module, "EXAMPLES", None),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        module.add_arguments(sub)
        sub.set_defaults(handler=module.main)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 some inputs failed, 2 usage error)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.handler(args))
    except KeyboardInterrupt:
        print("newsprobe: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader (head, jq) went away: not an error of ours
        sys.stderr.close()
        return 0
