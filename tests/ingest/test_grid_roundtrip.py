"""Writers: a grid in each style, read back by read_rows with the same cells."""

from __future__ import annotations

from pathlib import Path
from unittest.mock import patch

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from jixiao.ingest import grid as grid_module
from jixiao.ingest.grid import read_rows
from jixiao.ingest.rows import Row
from jixiao.ingest.styles.layout import Grid, infer_spans, table_grids
from jixiao.ingest.styles.writers import write_cell_lines, write_html, write_markdown, write_tsv

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "styles"

INDICATORS = Grid(
    [
        ["一级指标", "二级指标", "指标值"],
        ["产出指标", "数量指标", "≥95%"],
        ["", "质量指标", "100%"],
    ],
    {(1, 0): (2, 1)},
)


def test_writers_output_by_hand() -> None:
    assert write_tsv(INDICATORS) == (
        "一级指标\t二级指标\t指标值\n产出指标\t数量指标\t≥95%\n\t质量指标\t100%\n"
    )
    assert write_html(INDICATORS) == (
        "<html><body><table><tr><td>一级指标</td><td>二级指标</td><td>指标值</td></tr>"
        '<tr><td rowspan="2">产出指标</td><td>数量指标</td><td>≥95%</td></tr>'
        "<tr><td>质量指标</td><td>100%</td></tr></table></body></html>\n"
    )
    assert write_html(INDICATORS, explicit_spans=True, wrap_document=False).startswith(
        "<table><tr><td rowspan=1 colspan=1>一级指标</td>"
    )
    assert write_html([["a<b", "x\ny"]], header_rows=1, one_line=False) == (
        "<html><body><table>\n<thead>\n<tr><td><b>a&lt;b</b></td><td><b>x<br>y</b></td></tr>\n"
        "</thead>\n</table></body></html>\n"
    )
    assert write_markdown(INDICATORS, padded=False) == (
        "| 一级指标 | 二级指标 | 指标值 |\n|-----|-----|-----|\n| 产出指标 | 数量指标 | ≥95% |\n"
        "|  | 质量指标 | 100% |\n"
    )
    assert write_markdown(INDICATORS, duplicate_spans=True, padded=False).endswith(
        "| 产出指标 | 质量指标 | 100% |\n"
    )
    assert write_markdown([["a|b", "c\nd"], ["1", "2"]]) == (
        "| a\\|b | c<br>d |\n|------|--------|\n| 1    | 2      |\n"
    )
    assert write_cell_lines(INDICATORS) == (
        "一级指标\n二级指标\n指标值\n产出指标\n数量指标\n≥95%\n质量指标\n100%\n"
    )
    assert write_cell_lines([["a", "b\nc"]], blank_lines=True) == "a\n\nb\n\nc\n"


def test_infer_spans_on_a_flattened_monitoring_table() -> None:
    cells = [
        ["一、基本情况", "部门单位名称", "某县社保局", "", "项目周期", "2020年度", ""],
        ["", "项目名称", "城乡居民基本养老保险", "", "监控时点", "2020年6月", ""],
        ["四、指标", "一级指标", "二级指标", "三级指标", "", "预期指标值", "指标完成值"],
        ["", "项目完成", "数量指标", "参保缴费人数", "", "74272人", "66467人"],
        ["", "", "", "保障退休待遇人数", "", "15424人", "14388人"],
        ["", "", "质量指标", "首次发放成功率", "", "≥95%", "100%"],
    ]
    grid = infer_spans(cells)
    assert grid.cells == cells
    assert grid.spans == {
        (0, 0): (2, 1), (0, 2): (1, 2), (0, 5): (1, 2), (1, 2): (1, 2), (1, 5): (1, 2),
        (2, 0): (4, 1), (2, 3): (1, 2), (3, 1): (3, 1), (3, 2): (2, 1), (3, 3): (1, 2),
        (4, 3): (1, 2), (5, 3): (1, 2),
    }  # fmt: skip
    rows = read_rows(write_html(grid))
    assert [r.cells for r in rows] == cells
    assert rows[4].spans == [(0, 0), (0, 0), (0, 0), (1, 2), (0, 0), (1, 1), (1, 1)]


def test_fixture_table_survives_every_style() -> None:
    text = (FIXTURES / "monitoring_mineru.md").read_text(encoding="utf-8")
    [grid] = table_grids(read_rows(text))
    assert grid.spans[(4, 0)] == (6, 1)
    for write in (write_markdown, write_html):
        assert table_grids(read_rows(write(grid)))[0].cells == grid.cells, write.__name__
    assert table_grids(read_rows(write_html(grid)))[0] == grid
    tsv_cells = table_grids(read_rows(write_tsv(grid)))[0].cells
    assert tsv_cells[8][3] == "让参保人员 老有所养"  # a TSV cell cannot hold a line break
    assert tsv_cells[:8] == grid.cells[:8]


# --- properties --------------------------------------------------------------------

TOKENS = [
    "项目名称", "≥95%", "<0.1%", "a&b", "x|y", "$\\geq 95\\%$", "12,345.67", "-", "5.5",
    "Excel 2010", "城乡居民\n基本养老", "#", "*", "\\", "**加粗**", "<b>合计</b>", "&amp;", "/",
]  # fmt: skip
PLAIN_TOKENS = ["项目名称", "≥95%", "<0.1%", "a&b", "12,345.67", "-", "5.5", "Excel 2010", "/"]


def cell_texts(tokens: list[str]) -> st.SearchStrategy[str]:
    return st.lists(
        st.tuples(st.sampled_from(tokens), st.sampled_from(["", " ", "\n"])), min_size=1, max_size=3
    ).map(lambda parts: "".join(t + s for t, s in parts).rstrip())


ALL_TEXTS = cell_texts(TOKENS)
PLAIN_TEXTS = cell_texts(PLAIN_TOKENS)
SPAN_CHOICES = st.sampled_from([(1, 1)] * 5 + [(2, 1), (1, 2), (2, 2), (3, 1), (1, 3)])


@st.composite
def grids(draw: st.DrawFn, texts: st.SearchStrategy[str] = ALL_TEXTS) -> Grid:
    """A rectangle with random non-overlapping merges; every row holds an anchor's text."""
    height = draw(st.integers(1, 6))
    width = draw(st.integers(2, 6))
    taken: set[tuple[int, int]] = set()
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    cells = [[""] * width for _ in range(height)]
    for r in range(height):
        for c in range(width):
            if (r, c) in taken:
                continue
            rowspan, colspan = draw(SPAN_CHOICES)
            rowspan, colspan = min(rowspan, height - r), min(colspan, width - c)
            while colspan > 1 and any((r, c + k) in taken for k in range(colspan)):
                colspan -= 1
            taken.update((r + dr, c + dc) for dr in range(rowspan) for dc in range(colspan))
            spans[(r, c)] = (rowspan, colspan)
            first = not any(cells[r])
            cells[r][c] = draw(texts) if first or draw(st.integers(0, 4)) else ""
    assume(all(any(row) for row in cells))
    return Grid(cells, spans)


def cells_of(rows: list[Row]) -> list[list[str]]:
    return [r.cells for r in rows if r.table]


@settings(max_examples=100, deadline=None)
@given(grids())
def test_html_round_trip_keeps_cells_and_spans(grid: Grid) -> None:
    for kwargs in ({}, {"explicit_spans": True}, {"one_line": False, "wrap_document": False}):
        rows = read_rows(write_html(grid, **kwargs))
        assert cells_of(rows) == grid.cells
        assert [r.spans for r in rows] == grid.row_spans()


@settings(max_examples=100, deadline=None)
@given(grids())
def test_markdown_round_trip_keeps_cells(grid: Grid) -> None:
    for padded in (True, False):
        rows = read_rows(write_markdown(grid, padded=padded))
        assert cells_of(rows) == grid.cells
        assert {r.style for r in rows} == {"markdown"}


@settings(max_examples=100, deadline=None)
@given(grids())
def test_tsv_round_trip_keeps_cells(grid: Grid) -> None:
    rows = read_rows(write_tsv(grid))
    assert cells_of(rows) == [[c.replace("\n", " ") for c in row] for row in grid.cells]


@settings(max_examples=100, deadline=None)
@given(grids(PLAIN_TEXTS), st.booleans())
def test_cell_lines_round_trip_gives_each_line_of_each_cell(grid: Grid, blank: bool) -> None:
    # Random cell streams can look like pdfminer output to the wrapped-text detector
    # (another reader's call); this checks the line reader itself.
    with patch.object(grid_module, "_wrapped_module", lambda: None):
        rows = read_rows(write_cell_lines(grid, blank_lines=blank))
    expected = [line for row in grid.cells for cell in row for line in cell.split("\n") if line]
    assert [r.cells for r in rows] == [[line] for line in expected]
    assert all(r.style == "text" for r in rows)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(grids(), st.sampled_from(["tsv", "markdown", "html"])), max_size=4))
def test_tables_of_mixed_styles_in_one_document(tables: list[tuple[Grid, str]]) -> None:
    writers = {"tsv": write_tsv, "markdown": write_markdown, "html": write_html}
    document = "".join(f"表{i}\n{writers[style](grid)}" for i, (grid, style) in enumerate(tables))
    rows = read_rows(document)
    assert [g.cells for g in table_grids(rows)] == [
        [[c.replace("\n", " ") for c in row] for row in grid.cells]
        if style == "tsv"
        else grid.cells
        for grid, style in tables
    ]
    assert [r.cells[0] for r in rows if not r.table] == [f"表{i}" for i in range(len(tables))]
