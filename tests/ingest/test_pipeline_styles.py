"""The same document in every text style gives the same records.

The tables of seeds 001 and 003 (project tables, 决算 tables and reports between
them) are re-written as markdown pipe tables, HTML with spans and one cell per
line; the records read back must equal those of the original TSV text.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from jixiao.ingest import parse_text, read_rows
from jixiao.ingest.rows import Row
from jixiao.ingest.styles.layout import Grid, grid_from_rows, infer_spans
from jixiao.ingest.styles.writers import write_cell_lines, write_html, write_markdown
from jixiao.records import dumps

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
WRITERS: dict[str, Callable[[Grid], str]] = {
    "markdown": write_markdown,
    "html": lambda grid: write_html(infer_spans(grid), one_line=False),
    "cell_lines": write_cell_lines,
}


def restyle(text: str, write: Callable[[Grid], str]) -> str:
    """Tables re-written with ``write``; running text kept, one line per row."""
    out: list[str] = []
    table: list[Row] = []
    for row in [*read_rows(text), None]:
        if row is not None and row.table and (not table or row.table == table[0].table):
            table.append(row)
            continue
        if table:
            out.append(write(grid_from_rows(table)))
            table = []
        if row is not None and row.table:
            table.append(row)
        elif row is not None:
            line = " ".join(row.filled)
            out.append(("#" * row.heading + " " + line if row.heading else line) + "\n")
    return "\n".join(out)


@pytest.mark.parametrize("style", list(WRITERS))
@pytest.mark.parametrize("seed", ["001_64cadbb403ecf892.txt", "003_34cb9511c7a24abb.txt"])
def test_styles_give_the_same_records(seed: str, style: str) -> None:
    text = (SEEDS / seed).read_text(encoding="utf-8")
    restyled = restyle(text, WRITERS[style])
    assert restyled != text
    original = [dumps(r) for r in parse_text(text)]
    assert [dumps(r) for r in parse_text(restyled)] == original
