"""Speed of the page-integrity checks, against baselines measured in the same run.

    PYTHONPATH=src python bench/integrity.py [--pairs N] [--fnc ../shared/data/stance/fnc1]

1. The seed page: the integrity.v1 stage (headline check + related items) against the rest of its
   analysis (segment, language, parse, entities), both warm, median of several runs; the target is
   at most 30% added.
2. ``newsprobe stance`` throughput on held-out FNC-1 pairs (fresh caches, model loaded), against
   stage one alone (the lexical relatedness filter) in the same run; the target is 50 pairs/s.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def median_seconds(function, runs: int) -> tuple[float, float]:
    """Median wall and CPU seconds of ``runs`` calls (CPU time is steadier on a shared machine)."""
    wall, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        function()
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return statistics.median(wall), statistics.median(cpu)


def bench_page(runs: int) -> None:
    import newsprobe
    from newsprobe.options import DEFAULT_PIPELINE, Options
    from newsprobe.stages.integrity import IntegrityStage
    from newsprobe.stance import load_stance_model

    text = (ROOT / "examples" / "000_aeb1a4d6a8651ca1.txt").read_text(encoding="utf-8")
    rest = Options(pipeline=tuple(n for n in DEFAULT_PIPELINE if n != "integrity.v1"))
    stage = IntegrityStage(Options())
    model = load_stance_model()
    doc = newsprobe.analyze(text, id="seed", options=rest)
    stage(doc)  # warm: loads the stance and embedding models

    def integrity() -> None:
        model.reset_caches()  # every page is new here; a site's repeated related block would be cached
        stage.clear_cache()
        doc.flags.clear()
        stage(doc)

    rest_wall, rest_cpu = median_seconds(lambda: newsprobe.analyze(text, id="seed", options=rest), runs)
    integrity_wall, integrity_cpu = median_seconds(integrity, runs)
    print(
        f"seed page, rest of the analysis: {rest_wall * 1000:.0f} ms wall, {rest_cpu * 1000:.0f} ms CPU "
        f"(median of {runs})"
    )
    print(f"seed page, integrity.v1:         {integrity_wall * 1000:.0f} ms wall, {integrity_cpu * 1000:.0f} ms CPU")
    print(
        f"integrity added: {integrity_wall / rest_wall:.0%} (wall), {integrity_cpu / rest_cpu:.0%} (CPU) "
        "of the rest (target <= 30%)"
    )

    def headline_only() -> None:
        model.reset_caches()
        doc.flags.clear()
        stage.check_headline(doc)

    def related_only() -> None:
        stage.clear_cache()
        doc.flags.clear()
        stage.check_related(doc)

    _, headline_cpu = median_seconds(headline_only, runs)
    _, related_cpu = median_seconds(related_only, runs)
    print(
        f"  of which the headline check {headline_cpu * 1000:.0f} ms CPU ({headline_cpu / rest_cpu:.0%}), "
        f"the related items {related_cpu * 1000:.0f} ms CPU ({related_cpu / rest_cpu:.0%})"
    )

    def same_site() -> None:
        model.reset_caches()  # a new page whose related block the site has shown before
        doc.flags.clear()
        stage(doc)

    cached_wall, cached_cpu = median_seconds(same_site, runs)
    print(
        f"  with its related block seen before (same-site stream): {cached_cpu * 1000:.0f} ms CPU, "
        f"{cached_cpu / rest_cpu:.0%} of the rest"
    )


def bench_pairs(fnc: str, limit: int) -> None:
    from newsprobe.eval.stance import holdout_bodies, read_fnc1
    from newsprobe.stance import load_stance_model

    bodies, pairs = read_fnc1([fnc])
    held = holdout_bodies([p.body_id for p in pairs])
    chosen = [(p.headline, bodies[p.body_id]) for p in pairs if p.body_id in held][:limit]
    model = load_stance_model()
    model.reset_caches()
    model.predict(chosen[:50])  # load the models, not timed
    model.reset_caches()
    started = time.perf_counter()
    model.lexical_matrix(chosen)
    model.relatedness.predict_proba(model.lexical_matrix(chosen))
    stage_one = time.perf_counter() - started
    model.reset_caches()
    started, started_cpu = time.perf_counter(), time.process_time()
    results = model.predict(chosen)
    full, full_cpu = time.perf_counter() - started, time.process_time() - started_cpu
    settled = sum(r.scores["unrelated"] > 1 - model.skip_below for r in results)
    print(f"stance, {len(chosen)} held-out FNC-1 pairs ({len({b for _, b in chosen})} bodies)")
    print(f"  stage one alone: {len(chosen) / stage_one:.0f} pairs/s")
    rate, cpu_rate = len(chosen) / full, len(chosen) / full_cpu
    print(f"  full model:      {rate:.0f} pairs/s wall, {cpu_rate:.0f} per CPU second (target >= 50)")
    print(f"  settled by stage one: {settled / len(chosen):.0%}")
    print(f"  full / stage one time: {full / stage_one:.2f}x")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pairs", type=int, default=3000)
    parser.add_argument("--fnc", default=str(ROOT.parent / "shared" / "data" / "stance" / "fnc1"))
    args = parser.parse_args()
    bench_page(args.runs)
    if Path(args.fnc).exists():
        bench_pairs(args.fnc, args.pairs)
    else:
        print(f"{args.fnc} is absent: skipping the FNC-1 throughput bench")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
