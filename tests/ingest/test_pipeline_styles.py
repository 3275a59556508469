"""The same document in every text style gives the same records.

The tables of seeds 001 and 003 (project tables, 决算 tables and reports between
them) are re-written as markdown pipe tables, HTML with spans and one cell per
line; the records read back must equal those of the original TSV text.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from jixiao.ingest import parse_text
from jixiao.ingest.styles.layout import Grid, infer_spans
from jixiao.ingest.styles.writers import (
    rewrite_tables,
    write_cell_lines,
    write_html,
    write_markdown,
)
from jixiao.records import dumps

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
WRITERS: dict[str, Callable[[Grid], str]] = {
    "markdown": write_markdown,
    "html": lambda grid: write_html(infer_spans(grid), one_line=False),
    "cell_lines": write_cell_lines,
}


@pytest.mark.parametrize("style", list(WRITERS))
@pytest.mark.parametrize("seed", ["001_64cadbb403ecf892.txt", "003_34cb9511c7a24abb.txt"])
def test_styles_give_the_same_records(seed: str, style: str) -> None:
    text = (SEEDS / seed).read_text(encoding="utf-8")
    restyled = rewrite_tables(text, WRITERS[style])
    assert restyled != text
    original = [dumps(r) for r in parse_text(text)]
    assert [dumps(r) for r in parse_text(restyled)] == original
