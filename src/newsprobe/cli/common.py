"""What the subcommands share: output files, progress bars, error reporting."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, TypeVar

T = TypeVar("T")


def progress(items: Iterable[T], total: int | None = None, unit: str = "doc", desc: str | None = None) -> Iterator[T]:
    """A progress bar with rate and ETA on stderr, shown only when stderr is a terminal."""
    if not sys.stderr.isatty():
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, total=total, unit=unit, desc=desc, file=sys.stderr, mininterval=0.5)


@contextlib.contextmanager
def output(path: str | None) -> Iterator[IO[str]]:
    """Standard output, or a file written next to its final name and moved into place when done.

    Records already analysed are flushed as they come, so an interrupted run keeps what it wrote
    (in FILE.partial); a finished run leaves FILE.
    """
    if path in (None, "-"):
        yield sys.stdout
        return
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    with partial.open("w", encoding="utf-8") as stream:
        yield stream
    partial.replace(target)


def warn(message: str) -> None:
    """One line on stderr, prefixed with the program name."""
    print(f"newsprobe: {message}", file=sys.stderr)


def fail_usage(message: str) -> int:
    """Report a usage error; returns exit status 2."""
    warn(message)
    return 2


def count_inputs(paths: list[str]) -> int | None:
    """How many files the paths name (for the progress bar), or None when it cannot be known cheaply."""
    from newsprobe.ingest import kind_of

    total = 0
    for raw in paths:
        if raw == "-":
            return None
        path = Path(raw)
        files = [p for p in path.rglob("*") if p.is_file() and kind_of(p)] if path.is_dir() else [path]
        if any(kind_of(p) in ("jsonl", "warc") for p in files):
            return None
        total += len(files)
    return total


def record_errors(doc: Any) -> list[str]:
    """The stage errors of a document as lines for stderr."""
    where = doc.source or doc.id
    return [f"{where}: {err.stage}: {err.message}" for err in doc.errors]


def json_lines(stream: IO[str], name: str, expected: str) -> Iterator[tuple[int, Any] | str]:
    """``(line number, object)`` for each JSON line, or a message naming the line that is not JSON.

    Blank lines are skipped; ``expected`` says in the message what a line should hold.
    """
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        try:
            yield number, json.loads(raw)
        except json.JSONDecodeError as exc:
            yield f"{name}:{number}: invalid JSON ({exc.msg}); expected {expected}"
