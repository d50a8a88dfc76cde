"""What claims.v1 and audit.v1 add to the analysis time, on the same pages.

    PYTHONPATH=src python bench/claims.py [--pages N] [--repeat 3]

Pages: the example page plus the text dumps of ../shared/data/extraction/aeb-dev when present.
Prints the time of the rest of the analysis (the default pipeline: segmentation, language, spaCy,
entities, and quotes where registered), the time claims + audit add, and their ratio (target <= 0.20).
Models are loaded before timing; each figure is the best of --repeat runs.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsprobe.api import make_document  # noqa: E402
from newsprobe.options import Options  # noqa: E402
from newsprobe.pipeline import Pipeline  # noqa: E402
from newsprobe.record import Document  # noqa: E402
from newsprobe.registry import create_stage  # noqa: E402

ADDED = ("claims.v1", "audit.v1")
DUMPS = ROOT.parent / "shared" / "data" / "extraction" / "aeb-dev" / "text-dumps.json"


def load_pages(limit: int) -> list[str]:
    pages = [(ROOT / "examples" / "000_aeb1a4d6a8651ca1.txt").read_text(encoding="utf-8")]
    if DUMPS.exists():
        pages += [item["articleBody"] for item in json.loads(DUMPS.read_text(encoding="utf-8")).values()]
    else:
        print(f"{DUMPS} is absent: timing the example page only", file=sys.stderr)
    return pages[:limit]


def run_base(pipeline: Pipeline, docs: list[Document]) -> float:
    started = time.perf_counter()
    list(pipeline.pipe(docs))
    return time.perf_counter() - started


def run_stages(stages: list, docs: list[Document]) -> float:
    docs = [d for d in docs if not d.errors]  # pages the rest skipped (not English) are not claims' to time
    started = time.perf_counter()
    for stage in stages:
        batch_pipe = getattr(stage, "pipe", None)
        if batch_pipe is not None:
            list(batch_pipe(docs))
        else:
            for doc in docs:
                stage(doc)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=89)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    options = Options()
    base = Pipeline([create_stage(name, options) for name in options.pipeline if name not in ADDED])
    added = [create_stage(name, options) for name in ADDED]
    has_quotes = any("quotes" in stage.assigns for stage in base.stages)
    pages = load_pages(args.pages)
    words = sum(len(p.split()) for p in pages)
    warm = [make_document(pages[0])]
    run_base(base, warm)
    run_stages(added, warm)  # loads spaCy and the check-worthiness model outside the timing
    best_base = best_added = float("inf")
    for _ in range(args.repeat):
        docs = [make_document(page) for page in pages]
        best_base = min(best_base, run_base(base, docs))
        best_added = min(best_added, run_stages(added, docs))
    claims = sum(len(d.claims) for d in docs)
    flags = sum(len(d.flags) for d in docs)
    skipped = sum(bool(d.errors) for d in docs)
    print(
        f"pages {len(pages)} ({skipped} skipped by the rest, not English), words {words}, "
        f"claims {claims}, audit flags {flags}"
        + ("" if has_quotes else " (no quote stage registered: the audit saw no quotes)")
    )
    print(f"rest of the analysis ({', '.join(base.names)}): {best_base:.2f} s")
    print(f"claims.v1 + audit.v1: {best_added:.2f} s")
    print(f"ratio added / rest: {best_added / best_base:.3f} (target <= 0.20)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
