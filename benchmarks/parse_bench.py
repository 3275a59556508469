"""Parse benchmark: many documents varied from the seeds, parsed on one core.

Each document is a seed with its figures, place names and years changed and its
tables re-emitted in one of the text styles the extraction tools produce (TSV,
markdown pipe tables, HTML ``<table>`` with spans, one cell per line), using the
writers in :mod:`jixiao.ingest.styles.writers`. The documents are built first;
then :func:`jixiao.ingest.parse_text` reads them one after another in this
process (no worker processes), and the script prints documents, records,
records per second, the time per document of each phase and the peak memory.

Goal: at least 1,000 records per second of **CPU time** of this process
(``time.process_time()``), which is what "on one core" means on a machine shared
with other work; the wall-clock rate is printed beside it. The exit status is 1
when the CPU-time rate misses the goal.

    .venv/bin/python benchmarks/parse_bench.py [--documents 2000] [--seeds DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import random
import re
import resource
import sys
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from jixiao.ingest import IngestError, parse_text, read_rows
from jixiao.ingest.pipeline import records_from_rows
from jixiao.ingest.segments import split_segments
from jixiao.ingest.styles.layout import Grid, infer_spans
from jixiao.ingest.styles.writers import (
    rewrite_tables,
    write_cell_lines,
    write_html,
    write_markdown,
    write_tsv,
)

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SEEDS = ROOT.parent / "shared" / "seeds"
GOAL_RECORDS_PER_SECOND = 1000

SEED_PLACES = ("岳普湖县", "疏勒县", "喀什地区", "乌鲁木齐市")
PLACES = (
    "伽师县", "莎车县", "叶城县", "泽普县", "麦盖提县", "巴楚县", "英吉沙县", "疏附县",
    "和田县", "墨玉县", "阿克苏市", "库车市", "昌吉市", "哈密市", "吐鲁番市", "伊宁市",
    "塔什库尔干塔吉克自治县", "克拉玛依市", "和田地区", "阿克苏地区",
)  # fmt: skip
DECIMAL = re.compile(r"(?<![\d.])\d{1,3}(?:,\d{3})*\.\d+|(?<![\d.,])\d+\.\d+")
YEAR = re.compile(r"(?<!\d)(20[12]\d)(?=\s*年)")

Writer = Callable[[Grid], str]
STYLES: dict[str, Writer] = {
    "tsv": write_tsv,
    "markdown": write_markdown,
    "html": lambda grid: write_html(infer_spans(grid)),
    "cell_lines": write_cell_lines,
}


def _vary_number(match: re.Match[str], rng: random.Random) -> str:
    printed = match.group(0)
    value = Decimal(printed.replace(",", ""))
    places = len(printed.split(".")[1])
    factor = Decimal(str(round(rng.uniform(0.6, 1.4), 3)))
    varied = (value * factor).quantize(Decimal(1).scaleb(-places))
    return f"{varied:,}" if "," in printed else str(varied)


def vary_text(text: str, rng: random.Random) -> str:
    """The seed with other figures, another place and another year."""
    text = DECIMAL.sub(lambda m: _vary_number(m, rng), text)
    for place in SEED_PLACES:
        if place in text:
            text = text.replace(place, rng.choice(PLACES))
    shift = rng.randint(-2, 3)
    return YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)


def restyle(text: str, style: str) -> str:
    """The document with every table written in ``style``; running text kept as lines."""
    if style == "tsv":
        return text
    if not any(r.table for r in read_rows(text)):
        return text  # wrapped text: no tables to re-emit
    return rewrite_tables(text, STYLES[style])


def build_documents(seeds: list[str], count: int, rng: random.Random) -> list[tuple[str, str]]:
    """``count`` documents: (style, text), cycling through seeds and styles."""
    styles = list(STYLES)
    documents: list[tuple[str, str]] = []
    for index in range(count):
        seed = seeds[index % len(seeds)]
        style = styles[(index // len(seeds)) % len(styles)]
        documents.append((style, restyle(vary_text(seed, rng), style)))
    return documents


def peak_rss_mib() -> float:
    """Peak resident memory of this process (Linux reports KiB)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / 1024 / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    parser.add_argument("--random-seed", type=int, default=2020)
    args = parser.parse_args(argv)

    seeds = [p.read_text(encoding="utf-8") for p in sorted(args.seeds.glob("*.txt"))]
    if not seeds:
        print(f"没有找到种子文档：{args.seeds}", file=sys.stderr)
        return 2
    rng = random.Random(args.random_seed)
    started = time.perf_counter()
    documents = build_documents(seeds, args.documents, rng)
    built = time.perf_counter() - started
    size = sum(len(text.encode("utf-8")) for _, text in documents)
    rss_before = peak_rss_mib()

    records = 0
    kinds: Counter[str] = Counter()
    refused: Counter[str] = Counter()
    started, cpu_started = time.perf_counter(), time.process_time()
    for style, text in documents:
        try:
            parsed = parse_text(text)
        except IngestError:
            refused[style] += 1
            continue
        records += len(parsed)
        kinds.update(r.kind for r in parsed)
    cpu = time.process_time() - cpu_started
    wall = time.perf_counter() - started

    phases = phase_times(documents[: min(400, len(documents))])
    sample = documents[: min(100, len(documents))]
    tracemalloc.start()
    for _, text in sample:
        with contextlib.suppress(IngestError):
            parse_text(text)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    cpu_rate = records / cpu if cpu else float("inf")
    wall_rate = records / wall if wall else float("inf")
    print(f"documents        {len(documents)} ({size / 1e6:.1f} MB, built in {built:.1f} s)")
    print(f"styles           {dict(Counter(style for style, _ in documents))}")
    print(f"records          {records} {dict(kinds)}")
    print(f"refused          {sum(refused.values())} {dict(refused)}")
    print(f"parse time       {cpu:.2f} s CPU (this process, one core), {wall:.2f} s wall")
    print(f"documents/second {len(documents) / cpu:.0f} CPU, {len(documents) / wall:.0f} wall")
    print(f"records/second   {cpu_rate:.0f} CPU (goal ≥ {GOAL_RECORDS_PER_SECOND}), "
          f"{wall_rate:.0f} wall")  # fmt: skip
    print(f"peak memory      {peak_rss_mib():.0f} MiB RSS (before parsing {rss_before:.0f} MiB); "
          f"{traced_peak / 2**20:.1f} MiB traced while parsing {len(sample)} documents")  # fmt: skip
    print(f"CPU ms per document by phase (first {min(400, len(documents))}): " + ", ".join(
        f"{name} {ms:.2f}" for name, ms in phases.items()))  # fmt: skip
    return 0 if cpu_rate >= GOAL_RECORDS_PER_SECOND else 1


def phase_times(documents: list[tuple[str, str]]) -> dict[str, float]:
    """CPU milliseconds per document spent reading rows, cutting segments and reading
    records (:func:`records_from_rows` less the segment cutting it repeats)."""
    totals = {"read_rows": 0.0, "split_segments": 0.0, "records": 0.0}
    clock = time.process_time
    for _, text in documents:
        started = clock()
        rows = read_rows(text)
        rows_done = clock()
        split_segments(rows)
        split_done = clock()
        with contextlib.suppress(IngestError):
            records_from_rows(rows)
        split = split_done - rows_done
        totals["read_rows"] += rows_done - started
        totals["split_segments"] += split
        totals["records"] += clock() - split_done - split
    return {name: seconds * 1000 / max(1, len(documents)) for name, seconds in totals.items()}


if __name__ == "__main__":
    sys.exit(main())
