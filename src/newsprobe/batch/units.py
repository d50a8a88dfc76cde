"""Work units: the inputs of a batch cut into pieces a worker reads on its own.

A unit is a group of page files, a line range of a JSONL file, or one WARC file (WARC archives
are the unit crawls are shipped in). Units are small, picklable descriptions, so the driver can
list millions of them and a worker's memory stays flat: it reads one unit as a stream.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newsprobe.ingest import InputError, iter_path, kind_of
from newsprobe.ingest.jsonl import iter_jsonl
from newsprobe.record import Document

# Pages (files or JSONL lines) per unit: enough to keep spaCy's batches full, few enough that the
# units of a few thousand pages spread over every worker.
DEFAULT_UNIT_SIZE = 64


@dataclass(frozen=True, slots=True)
class WorkUnit:
    """A piece of the input a worker reads on its own.

    ``kind`` is ``files`` (``paths`` are page, HTML, WARC or gzipped JSONL files, read whole),
    ``jsonl`` (bytes ``start``..``stop`` of one JSONL file, whose first line is ``first_line``)
    or ``missing`` (a path that cannot be read: ``message`` says why).
    """

    index: int
    kind: str
    paths: tuple[str, ...]
    start: int = 0
    stop: int = 0
    first_line: int = 1
    pages: int = 0
    message: str = ""

    @property
    def part(self) -> str:
        """The name of this unit's part files."""
        return f"part-{self.index:06d}"

    def describe(self) -> str:
        """Where this unit's pages come from, for messages."""
        if self.kind == "jsonl":
            return f"{self.paths[0]} from line {self.first_line}"
        if len(self.paths) == 1:
            return self.paths[0]
        return f"{self.paths[0]} and {len(self.paths) - 1} more files"


class UsageError(ValueError):
    """The inputs cannot be planned as given (for instance ``-`` for standard input)."""


def plan_units(paths: Iterable[str], unit_size: int = DEFAULT_UNIT_SIZE) -> list[WorkUnit]:
    """Cut the inputs (files and folders, as ``newsprobe analyze`` takes them) into work units."""
    if unit_size < 1:
        raise UsageError(f"the unit size must be at least 1, not {unit_size}")
    units: list[WorkUnit] = []
    pages: list[str] = []

    def add(kind: str, files: tuple[str, ...], **fields: int | str) -> None:
        units.append(WorkUnit(len(units), kind, files, **fields))  # type: ignore[arg-type]

    def flush_pages() -> None:
        for at in range(0, len(pages), unit_size):
            chunk = tuple(pages[at : at + unit_size])
            add("files", chunk, pages=len(chunk))
        pages.clear()

    for raw in paths:
        if raw == "-":
            raise UsageError("`newsprobe run` reads files, not standard input; save it to a file or use `analyze -`")
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and kind_of(p) is not None)
            if not files:
                add("missing", (raw,), message="folder holds no .txt, .html, .jsonl or .warc files")
        elif path.exists():
            files = [path]
        else:
            add("missing", (raw,), message="no such file or folder")
            continue
        for file in files:
            kind = _kind(file)
            ranges = split_lines(file, unit_size) if kind == "jsonl" and not file.name.endswith(".gz") else []
            for start, stop, first_line, lines in ranges:
                add("jsonl", (str(file),), start=start, stop=stop, first_line=first_line, pages=lines)
            if ranges:
                continue
            if kind in ("warc", "jsonl"):  # whole files: gzip cannot be entered midway; empty files report
                add("files", (str(file),), pages=unit_size)
            else:
                pages.append(str(file))
                if len(pages) >= unit_size:
                    flush_pages()
    flush_pages()
    return units


def _kind(path: Path) -> str:
    try:
        with path.open("rb") as stream:
            head = stream.read(512)
    except OSError:
        return "text"  # iter_path reports the error when the unit is read
    return kind_of(path, head) or "text"


def split_lines(path: Path, lines_per_unit: int) -> list[tuple[int, int, int, int]]:
    """Byte ranges of a JSONL file holding ``lines_per_unit`` lines each: (start, stop, first line, lines).

    Empty when the file is empty or unreadable (the reader of a whole-file unit then says so).
    """
    ranges = []
    start = position = count = 0
    first_line = 1
    try:
        with path.open("rb") as stream:
            for line in stream:
                position += len(line)
                count += 1
                if count == lines_per_unit:
                    ranges.append((start, position, first_line, count))
                    start, first_line, count = position, first_line + count, 0
    except OSError:
        return []
    if count:
        ranges.append((start, position, first_line, count))
    return ranges


def read_unit(unit: WorkUnit) -> Iterator[Document | InputError]:
    """The documents (and input errors) of one unit, streamed as ``newsprobe analyze`` reads them."""
    if unit.kind == "missing":
        yield InputError(unit.paths[0], unit.message)
        return
    if unit.kind == "jsonl":
        path = unit.paths[0]
        try:
            with open(path, "rb") as stream:
                stream.seek(unit.start)
                data = stream.read(unit.stop - unit.start)
        except OSError as exc:
            yield InputError(path, f"cannot read: {exc.strerror or exc}")
            return
        yield from iter_jsonl(io.BytesIO(data), source=path, first_line=unit.first_line)
        return
    for path in unit.paths:
        yield from iter_path(Path(path))
