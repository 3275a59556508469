"""Speed of the grid layer: :func:`jixiao.ingest.grid.read_rows` per text style, and cell cleaning.

Each seed's tables are re-emitted in every style the writers produce (TSV,
marker and docling markdown, MinerU and wired_table_rec HTML, one cell per line),
running text kept as lines. The script prints, per style, the mean document size
and the best-of-N time per document (so that a busy machine does not inflate it)
and ``clean_cell`` time per cell. Goal: a 20 KB document in well under 5 ms.

    .venv/bin/python benchmarks/read_rows_bench.py [--seeds DIR] [--repeat 7]

The wrapped-text detector of :mod:`jixiao.ingest.wrapped` is switched off for the
per-style figures (it is another reader's cost) and timed on its own.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from unittest.mock import patch

from jixiao.ingest import grid as grid_module
from jixiao.ingest.grid import read_rows
from jixiao.ingest.styles.layout import Grid, infer_spans
from jixiao.ingest.styles.writers import (
    rewrite_rows,
    write_cell_lines,
    write_html,
    write_markdown,
    write_tsv,
)
from jixiao.ingest.text import clean_cell

DEFAULT_SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
STYLES: dict[str, Callable[[Grid], str]] = {
    "tsv": write_tsv,
    "markdown (marker)": lambda g: write_markdown(infer_spans(g), padded=False),
    "markdown (docling)": lambda g: write_markdown(infer_spans(g), duplicate_spans=True),
    "html (MinerU)": lambda g: write_html(infer_spans(g)),
    "html (wired)": lambda g: write_html(infer_spans(g), explicit_spans=True, one_line=False),
    "cell lines": lambda g: write_cell_lines(g, blank_lines=True),
}


def best_ms(texts: list[str], repeat: int, read: Callable[[str], object]) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for text in texts:
            read(text)
        best = min(best, (time.perf_counter() - started) / len(texts))
    return best * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    seeds = [p.read_text(encoding="utf-8") for p in sorted(args.seeds.glob("*.txt"))]
    if not seeds:
        print(f"no seeds in {args.seeds}", file=sys.stderr)
        return 1

    with patch.object(grid_module, "_wrapped_module", lambda: None):
        seed_rows = [read_rows(text) for text in seeds]
        documents = {
            name: [rewrite_rows(rows, w) for rows in seed_rows] for name, w in STYLES.items()
        }
        print(f"{'style':20} {'KB/doc':>7} {'ms/doc':>7} {'ms/20KB':>8}")
        for name, texts in documents.items():
            size = sum(len(t.encode()) for t in texts) / len(texts) / 1024
            ms = best_ms(texts, args.repeat, read_rows)
            print(f"{name:20} {size:7.1f} {ms:7.2f} {ms * 20 / size:8.2f}")

    detector = best_ms(seeds, args.repeat, read_rows)
    print(f"seeds as published, wrapped detector on: {detector:.2f} ms/doc")

    cells = [c for rows in seed_rows for row in rows for c in row.cells] * 5
    started = time.perf_counter()
    for cell in cells:
        clean_cell(cell)
    per_cell = (time.perf_counter() - started) / len(cells) * 1e6
    print(f"clean_cell: {per_cell:.2f} µs/cell over {len(cells)} cells")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
