"""Project-table reader benchmark: records per second of :func:`read_project_record`.

Builds documents from the seeds in every text style (the same variation as
``parse_bench.py``), splits them into segments once, then times only the
project-table reader on the 目标表/监控表/自评表 segments, in CPU time (best of
several repeats, so that other processes on the machine do not count). Prints the
rate with and without reading 指标值 (``jixiao.expr.read_indicator``), which the
reader calls for every indicator. The whole pipeline must reach 1,000 records/s.

    .venv/bin/python benchmarks/project_bench.py [--documents 120] [--repeats 5]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import parse_bench

from jixiao.ingest import read_rows
from jixiao.ingest.project import detect_project_kind, read_project_record
from jixiao.ingest.project import indicators as indicator_module
from jixiao.ingest.segments import split_segments

Job = tuple[list[Any], Any, str | None]


def project_jobs(documents: int, seed: int) -> list[Job]:
    seeds = [p.read_text(encoding="utf-8") for p in sorted(parse_bench.DEFAULT_SEEDS.glob("*.txt"))]
    jobs: list[Job] = []
    for _, text in parse_bench.build_documents(seeds, documents, random.Random(seed)):
        for segment in split_segments(read_rows(text)):
            kind = segment.kind or detect_project_kind(segment.rows, segment.title)
            if kind in ("target", "monitoring", "self_evaluation"):
                jobs.append((segment.rows, kind, segment.title))
    return jobs


def best_rate(jobs: list[Job], repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        for rows, kind, title in jobs:
            read_project_record(rows, kind, title=title)
        best = min(best, time.process_time() - start)
    return len(jobs) / best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=120)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    jobs = project_jobs(args.documents, args.seed)
    indicators = sum(len(read_project_record(r, k, title=t).indicators) for r, k, t in jobs)
    print(f"project records  {len(jobs)} ({indicators} indicators)")
    with_expr = best_rate(jobs, args.repeats)
    print(f"records/second   {with_expr:,.0f} ({1e3 / with_expr:.3f} ms per record, CPU time)")
    original: Callable[[Any], Any] = indicator_module.read_indicator
    indicator_module.read_indicator = lambda indicator: indicator  # type: ignore[assignment]
    try:
        without = best_rate(jobs, args.repeats)
    finally:
        indicator_module.read_indicator = original  # type: ignore[assignment]
    print(f"without expr     {without:,.0f} records/s ({1e3 / without:.3f} ms per record)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
