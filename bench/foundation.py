"""Foundation speed: HTML ingest + segmentation pages/s on one core, and analyze vs a bare spaCy pass.

usage: PYTHONPATH=src python bench/foundation.py [--pages N]

(a) reads every aeb-dev HTML page (gzip, decode, trafilatura, captions, related blocks) and reports
pages per second of CPU time in this one process (one core; CPU time, not wall time, because the
machine may be shared) with the wall rate beside it. Target: >= 50 pages/s.
(b) analyses the aeb-dev text dumps with the foundation pipeline (segmentation, language, spaCy,
entities) and runs a bare ``nlp.pipe`` over the same paragraphs in the same run; prints the ratio
analyze / bare. Target: <= 1.3.
Where ../shared/data is absent, (a) is skipped with a message and (b) runs on the example page.
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "extraction" / "aeb-dev"
EXAMPLE = ROOT / "examples" / "000_aeb1a4d6a8651ca1.txt"
HTML_TARGET = 50.0
RATIO_TARGET = 1.3
FOUNDATION_PIPELINE = ("segment.v1", "language.v1", "parse.spacy.v1", "entities.v1")


def timed(fn):  # type: ignore[no-untyped-def]
    """Run ``fn``; its result, CPU seconds and wall seconds."""
    cpu, wall = time.process_time(), time.perf_counter()
    result = fn()
    return result, time.process_time() - cpu, time.perf_counter() - wall


def bench_html() -> None:
    from newsprobe.ingest.html import document_from_html_bytes
    from newsprobe.record import Document
    from newsprobe.stages.segment import SegmentStage

    if not DATA.exists():
        print(f"foundation.html: skipped, {DATA} is absent (needs ../shared/data)")
        return
    files = sorted((DATA / "html").glob("*.html.gz"))
    raw = [f.read_bytes() for f in files]  # reading the disk is not what is measured
    stage = SegmentStage(None)
    warm = document_from_html_bytes(gzip.decompress(raw[0]), source="warm-up", doc_id="w")
    if isinstance(warm, Document):
        stage(warm)  # imports, first-call costs

    def run() -> int:
        done = 0
        for i, data in enumerate(raw):
            doc = document_from_html_bytes(data, source=str(i), doc_id=str(i))
            if isinstance(doc, Document):
                stage(doc)
                done += bool(doc.segments)
        return done

    done, cpu, wall = timed(run)
    rate = len(raw) / cpu
    verdict = "ok" if rate >= HTML_TARGET else "BELOW TARGET"
    print(
        f"foundation.html: {rate:.1f} pages/s on one core (CPU time; wall {len(raw) / wall:.1f}), "
        f"{done}/{len(raw)} pages segmented, target >= {HTML_TARGET:.0f}: {verdict}"
    )


def bench_analyze(repeat_example: int = 20) -> None:
    import newsprobe
    from newsprobe.nlp import load_model
    from newsprobe.options import Options
    from newsprobe.record import Document

    if DATA.exists():
        dumps = json.loads((DATA / "text-dumps.json").read_text(encoding="utf-8"))
        pages = [(k, v["articleBody"]) for k, v in sorted(dumps.items())]
        where = f"aeb-dev text dumps ({len(pages)} pages)"
    else:
        text = EXAMPLE.read_text(encoding="utf-8")
        pages = [(f"example-{i}", text) for i in range(repeat_example)]
        where = f"the example page x{repeat_example} (../shared/data absent)"
    # the foundation's stages only: later stages (quotes, claims…) have benches of their own
    options = Options().with_(pipeline=FOUNDATION_PIPELINE)
    nlp = load_model(options.model)
    list(newsprobe.analyze_many([Document(id="warm", text=pages[0][1])], options=options))  # load, warm up

    def analyze() -> list[Document]:
        return list(newsprobe.analyze_many((Document(id=k, text=t) for k, t in pages), options=options))

    docs, analyze_cpu, analyze_wall = timed(analyze)
    paragraphs = [p.doc.text for d in docs for p in d.parses]
    words = sum(len(p.split()) for p in paragraphs)

    def bare() -> int:
        return sum(len(d) for d in nlp.pipe(paragraphs, batch_size=options.batch_size))

    _, bare_cpu, bare_wall = timed(bare)
    ratio = analyze_cpu / bare_cpu
    verdict = "ok" if ratio <= RATIO_TARGET else "ABOVE TARGET"
    print(
        f"foundation.analyze: analyze with entities / bare spaCy nlp.pipe = {ratio:.2f} (CPU; wall "
        f"{analyze_wall / bare_wall:.2f}) over {len(paragraphs)} paragraphs, {words} words of {where}; "
        f"bare {words / bare_cpu:.0f} words/s; target <= {RATIO_TARGET}: {verdict}"
    )


def main() -> int:
    bench_html()
    bench_analyze()
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    sys.exit(main())
