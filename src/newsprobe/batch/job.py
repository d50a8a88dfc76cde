"""What every engine does with a work unit, and the output folder they share.

``process_unit`` is the whole job of a worker (a pool process or a Spark task): read the unit,
run ``newsprobe.analyze_many`` over it (the pipeline, and so the spaCy model, is built once per
process and reused by every later unit), and write the unit's part file of each table.
"""

from __future__ import annotations

import os
import resource
import shutil
import sys
import time
import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsprobe.batch.tables import TABLES, PartWriter, input_error_row
from newsprobe.batch.units import WorkUnit, read_unit
from newsprobe.ingest import InputError
from newsprobe.nlp import load_model
from newsprobe.options import Options
from newsprobe.record import Document

# Error lines a unit sends back for the driver to print; the errors table holds all of them.
MESSAGES_PER_UNIT = 5


@dataclass(slots=True)
class UnitSummary:
    """What a worker did with one unit: counts, time, its process and that process's peak memory."""

    index: int
    documents: int = 0
    words: int = 0
    input_errors: int = 0
    stage_errors: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # CPU time of the worker process on this unit (robust to other load on the machine)
    process_cpu_seconds: float = 0.0  # CPU time of the worker process since it started (imports, model load…)
    pid: int = 0
    peak_rss_mb: float = 0.0
    model_loads: int = 0  # spaCy models this worker process has loaded so far (1: loaded once, reused)
    failure: str | None = None  # the unit could not be processed at all (its part files are not written)
    source: str = ""  # where the unit's pages come from
    messages: list[str] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return self.input_errors + self.stage_errors + (1 if self.failure else 0)


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB.

    Linux: ``VmHWM`` of /proc/self/status, not ``ru_maxrss``, which a spawned worker inherits from
    the parent that forked it (it survives ``exec``), so a big driver would inflate every worker's peak.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kB on Linux, bytes on macOS
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def process_unit(unit: WorkUnit, out_dir: str, options: Options | None = None) -> UnitSummary:
    """Analyse one unit and write its part files; never raises (a failure is in the summary)."""
    from newsprobe.api import analyze_many

    began = time.perf_counter()
    cpu_began = time.process_time()
    summary = UnitSummary(unit.index, pid=os.getpid(), source=unit.describe())
    writer: PartWriter | None = None
    try:
        writer = part = PartWriter(out_dir, unit.part)

        def documents() -> Iterator[Document]:
            for item in read_unit(unit):
                if isinstance(item, InputError):
                    summary.input_errors += 1
                    _note(summary, str(item))
                    part.add("errors", [input_error_row(item.source, item.message)])
                else:
                    yield item

        for doc in analyze_many(documents(), options):
            part.add_document(doc)
            summary.documents += 1
            summary.words += len(doc.text.split())
            summary.stage_errors += len(doc.errors)
            for error in doc.errors:
                _note(summary, f"{doc.source or doc.id}: {error.stage}: {error.message}")
        part.close()
    except Exception as exc:  # noqa: BLE001 - one unit must not stop the job; the driver reports it
        if writer is not None:
            writer.abort()
        summary.failure = f"{type(exc).__name__}: {exc}"
        summary.messages.append(f"{summary.source}: unit failed: {summary.failure}")
        if os.environ.get("NEWSPROBE_DEBUG"):
            traceback.print_exc()
    summary.seconds = time.perf_counter() - began
    summary.process_cpu_seconds = time.process_time()
    summary.cpu_seconds = summary.process_cpu_seconds - cpu_began
    summary.peak_rss_mb = peak_rss_mb()
    summary.model_loads = load_model.cache_info().misses
    return summary


def _note(summary: UnitSummary, message: str) -> None:
    if len(summary.messages) < MESSAGES_PER_UNIT:
        summary.messages.append(message)


@dataclass(slots=True)
class JobResult:
    """The summaries of a finished job."""

    units: list[UnitSummary]
    seconds: float
    engine: str
    workers: int

    @property
    def documents(self) -> int:
        return sum(u.documents for u in self.units)

    @property
    def words(self) -> int:
        return sum(u.words for u in self.units)

    @property
    def errors(self) -> int:
        return sum(u.errors for u in self.units)

    @property
    def cpu_seconds(self) -> float:
        return sum(u.cpu_seconds for u in self.units)

    @property
    def worker_cpu_seconds(self) -> float:
        """CPU time of every worker process from its start, model loading included."""
        latest: dict[int, float] = {}
        for unit in self.units:
            latest[unit.pid] = max(latest.get(unit.pid, 0.0), unit.process_cpu_seconds)
        return sum(latest.values())

    def peak_rss_by_worker(self) -> dict[int, float]:
        """Peak resident memory (MB) of each worker process, by pid."""
        peaks: dict[int, float] = {}
        for unit in self.units:
            peaks[unit.pid] = max(peaks.get(unit.pid, 0.0), unit.peak_rss_mb)
        return peaks


class OutputExists(ValueError):
    """The output folder already holds files and overwriting was not asked for."""


def prepare_output(out_dir: str | Path, overwrite: bool = False) -> Path:
    """Create the output folder; refuse a non-empty one unless ``overwrite`` (then clear only our tables)."""
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise OutputExists(f"{out} is a file; --out needs a folder")
    if out.exists() and any(out.iterdir()):
        if not overwrite:
            raise OutputExists(
                f"{out} exists and is not empty; pass --overwrite to replace its tables, or choose another --out"
            )
        for name in TABLES:
            shutil.rmtree(out / name, ignore_errors=True)
        (out / "_SUCCESS").unlink(missing_ok=True)
    out.mkdir(parents=True, exist_ok=True)
    return out


def finish_output(out_dir: str | Path, summaries: Iterable[UnitSummary]) -> None:
    """Record units that failed whole in the errors table, make sure every table exists, mark success."""
    out = Path(out_dir)
    writer = PartWriter(out, "part-driver")
    for summary in summaries:
        if summary.failure:
            row = input_error_row(summary.source, f"the unit failed, its pages are missing: {summary.failure}")
            writer.add("errors", [{**row, "kind": "unit"}])
    writer.close()
    (out / "_SUCCESS").write_text("", encoding="utf-8")
