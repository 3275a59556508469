"""Shared helpers of the variant tests (test_variants_*.py): loading the hand-written
variant documents of ``tests/fixtures/variants`` and printing their tables in each
extraction style. The checks of the helpers themselves are at the end."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from jixiao.ingest import parse_text
from jixiao.ingest.styles.layout import Grid
from jixiao.ingest.styles.writers import write_cell_lines, write_html, write_markdown, write_tsv
from jixiao.records import Record

VARIANTS = Path(__file__).resolve().parents[1] / "fixtures" / "variants"
D = Decimal
n = None

Writer = Callable[[Grid], str]

WRITERS: dict[str, Writer] = {
    "tsv": write_tsv,  # openpyxl / pdfplumber rows joined by tabs
    "markdown_marker": write_markdown,  # merged text in the anchor only, <br> in cells
    "markdown_docling": lambda g: write_markdown(g, duplicate_spans=True),  # text repeated
    "html_mineru": write_html,  # rowspan/colspan, one line
    "html_paddle": lambda g: write_html(g, header_rows=1),  # <thead> with <b>
    "html_wired": lambda g: write_html(g, explicit_spans=True, one_line=False),
    "cell_lines": write_cell_lines,  # pdftotext -raw
    "cell_lines_docx2txt": lambda g: write_cell_lines(g, blank_lines=True),
}
STYLES = list(WRITERS)
# Styles that keep table rows (every style but one cell per line).
ROW_STYLES = [s for s in STYLES if not s.startswith("cell_lines")]


def grid_document(name: str, style: str) -> str:
    """The document ``grids/<name>.json`` with its tables printed in ``style``."""
    data: dict[str, Any] = json.loads(
        (VARIANTS / "grids" / f"{name}.json").read_text(encoding="utf-8")
    )
    out: list[str] = []
    for part in data["parts"]:
        if "text" in part:
            out.append("\n".join(part["text"]) + "\n")
            continue
        spans = {(r, c): (rs, cs) for r, c, rs, cs in part["spans"]}
        out.append(WRITERS[style](Grid([list(row) for row in part["cells"]], spans)))
    return "\n".join(out)


def read_grid(name: str, style: str) -> list[Record]:
    return parse_text(grid_document(name, style), f"{name}[{style}]")


def doc_text(name: str) -> str:
    return (VARIANTS / "docs" / name).read_text(encoding="utf-8")


def read_doc(name: str) -> list[Record]:
    """The records of ``docs/<name>`` as the whole pipeline reads it."""
    return parse_text(doc_text(name), name)


def indicators(record: Any) -> list[tuple[Any, ...]]:
    """Each indicator as (level1, level2, name, target, actual, completion, weight, score, note)."""
    return [
        (
            i.level1,
            i.level2,
            i.name,
            i.target,
            i.actual,
            i.completion_pct,
            i.weight,
            i.score,
            i.note,
        )
        for i in record.indicators
    ]


def header(record: Any) -> tuple[Any, ...]:
    """(kind, title, region, year, fund, money_unit, project, unit, reporting_unit)."""
    fund = record.fund.value if record.fund is not None else None
    return (
        record.kind,
        record.title,
        record.region,
        record.year,
        fund,
        record.money_unit,
        record.project,
        record.unit,
        record.reporting_unit,
    )


def test_every_style_prints_every_table_part() -> None:
    text = grid_document("target_county_fund", "html_mineru")
    assert text.count("<table>") == 1 and "伽师县2022年度社会保险基金预算绩效目标表" in text
    lines = grid_document("target_county_fund", "cell_lines")
    assert "<" not in lines and "\t" not in lines and "参保人数\n人\n≥１２０００" in lines
