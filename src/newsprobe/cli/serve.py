"""``newsprobe serve``: the web UI over the corpus database."""

from __future__ import annotations

import argparse

from newsprobe.cli.common import warn

NAME = "serve"
HELP = "serve the corpus web UI (article view, speakers, search, stories); every page has a .json twin"
EXAMPLES = """examples:
  newsprobe serve                              # http://127.0.0.1:8000/ over ./newsprobe.db
  newsprobe serve --db corpus.db --port 8080 --workers 2
  curl 'http://127.0.0.1:8000/search.json?q=tariffs&speaker=Trump'
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="FILE", default="newsprobe.db", help="the database (default: %(default)s)")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: %(default)s, this machine only)")
    parser.add_argument("--port", type=int, default=8000, help="port (default: %(default)s)")
    parser.add_argument(
        "--workers", type=int, default=1, help="server processes (default: %(default)s; more use more cores under load)"
    )


def main(args: argparse.Namespace) -> int:
    import uvicorn

    from newsprobe.store import StoreMissing
    from newsprobe.web import create_app

    try:
        app = create_app(args.db)
    except StoreMissing as exc:
        warn(str(exc))
        return 1
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        warn(f"binding {args.host}: the corpus is readable by anyone who can reach this port")
    warn(f"serving {args.db} at http://{args.host}:{args.port}/ (Ctrl-C to stop)")
    if args.workers > 1:
        import os

        os.environ["NEWSPROBE_DB"] = str(args.db)  # each worker process builds its own app from it
        uvicorn.run(
            "newsprobe.web.app:app_from_env",
            factory=True,
            host=args.host,
            port=args.port,
            workers=args.workers,
            log_level="warning",
        )
    else:
        uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
