"""The local engine: a pool of worker processes, each loading the model once and taking units in turn.

Workers are started with ``spawn`` (no fork of a driver that may hold threads or a loaded model),
so the same code runs on Linux, macOS and Windows. Each worker writes its units' part files itself
and sends back only a small summary, so the driver's memory does not grow with the output.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

from newsprobe.batch.job import UnitSummary, process_unit
from newsprobe.batch.units import WorkUnit
from newsprobe.options import Options


def default_workers() -> int:
    """One worker per CPU this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def _warm_up(options: Options | None) -> None:
    """Build the pipeline and load the model when the worker starts, not inside its first unit."""
    from newsprobe.api import get_pipeline
    from newsprobe.nlp import load_model

    get_pipeline(options)
    # a missing model is reported by the first unit, with what to do
    with contextlib.suppress(Exception):
        load_model((options or Options()).model)


def run_local(
    units: Sequence[WorkUnit], out_dir: str, options: Options | None = None, workers: int | None = None
) -> Iterator[UnitSummary]:
    """Process the units on ``workers`` processes; yields each unit's summary as it finishes.

    Workers are spawned, so a script calling this must guard its entry point with
    ``if __name__ == "__main__":`` (the ``newsprobe`` command does).
    """
    workers = workers or default_workers()
    if workers < 1:
        raise ValueError(f"--workers must be at least 1, not {workers}")
    workers = min(workers, max(1, len(units)))
    context = multiprocessing.get_context("spawn")
    # Keep at most a few units queued per worker: the rest wait here as small descriptions.
    window = workers * 2
    pending: set[Future[UnitSummary]] = set()
    queue = iter(units)
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_warm_up, initargs=(options,)
    ) as pool:
        try:
            for unit in queue:
                pending.add(pool.submit(process_unit, unit, out_dir, options))
                if len(pending) >= window:
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    yield from (future.result() for future in done)
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                yield from (future.result() for future in done)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
