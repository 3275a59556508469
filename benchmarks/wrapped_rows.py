"""Speed of the wrapped-text reader (pdfminer / pdftotext style), cold caches.

Prints the time to recognise and to read each wrapped document (the seed 002 and
the test fixtures), per document and per 10 KB, best and median of the runs. The
goal is at most 5 ms for a 10 KB document on one core of the CI machine.

    .venv/bin/python benchmarks/wrapped_rows.py [runs]
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from jixiao.ingest.wrapped import is_wrapped_text, labels, read_wrapped_rows, shapes

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = sorted((ROOT / "tests" / "fixtures" / "wrapped").glob("*.txt")) + sorted(
    (ROOT.parent / "shared" / "seeds").glob("002_*.txt")
)
_CACHED = (
    labels.classify,
    labels.is_label_prefix,
    labels.is_complete,
    labels.column_role,
    shapes.is_value,
    shapes.is_closer,
    labels.section_kind,
)


def _cold(function: Callable[[str], object], text: str, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        for cached in _CACHED:
            cached.cache_clear()
        start = time.perf_counter()
        function(text)
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    print(f"{'document':40} {'KB':>5} {'detect ms':>10} {'read ms':>10} {'read ms/10KB':>13}")
    for path in DOCUMENTS:
        text = path.read_text(encoding="utf-8")
        kb = len(text.encode("utf-8")) / 1024
        detect = _cold(is_wrapped_text, text, runs)
        read = _cold(read_wrapped_rows, text, runs)
        best, median = min(read), statistics.median(read)
        print(
            f"{path.name:40} {kb:5.1f} {min(detect):10.2f} {best:10.2f} "
            f"{best / kb * 10:6.2f} (median {median / kb * 10:.2f})"
        )


if __name__ == "__main__":
    main()
