"""read_rows never raises: arbitrary text, damaged HTML/markdown/LaTeX, truncated output.

And the hand-off to the wrapped-text reader: only that module's absence is tolerated.
"""

from __future__ import annotations

from types import SimpleNamespace
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.ingest import grid as grid_module
from jixiao.ingest.grid import read_rows
from jixiao.ingest.rows import Row
from jixiao.ingest.styles.latex import latex_to_text
from jixiao.ingest.styles.layout import Grid
from jixiao.ingest.styles.writers import write_html, write_markdown
from jixiao.ingest.text import clean_cell, clean_paragraph, label_key

PIECES = st.sampled_from(
    [
        "<table", "<table>", "</table>", "<tr>", "</tr", "<td", "<td>", "</td>", " rowspan=",
        ' colspan="', "2", "99999", "0", "-1", '"', "'", ">", "<", "/>", "<br>", "<thead>",
        "<caption>", "<!--", "-->", "<![CDATA[", "<![if", "<!DOCTYPE", "<?xml", "<script>", "&",
        "&#", "&#x", ";", "&amp", "|", "||", "\\|", "|---|", ":-:", "-", "\t", "\n", "\r", "\r\n",
        "\f", "\x00", "\ufeff", "\u3000", "\xa0", "#", "######", "**", "__", "$", "$$", "\\",
        "\\geq", "\\frac", "{", "}", "^", "_", "\\left", "\\text{", "<eq>", "</eq>", "项目",
        "≥95%", "一级指标", "⼀", "㈠", " ", "<b>", "</b>", "<p>", "![", "](", ")",
    ]
)  # fmt: skip


def check_rows(rows: list[Row]) -> None:
    for row in rows:
        assert row.cells
        assert row.line >= 1
        assert not row.spans or len(row.spans) == len(row.cells)
        for cell in row.cells:
            clean_cell(cell)
            label_key(cell)
        assert isinstance(row.filled, list)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text(text: str) -> None:
    check_rows(read_rows(text))
    clean_paragraph(text)


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=60).map("".join))
def test_markup_soup(text: str) -> None:
    check_rows(read_rows(text))
    latex_to_text(text)
    latex_to_text(text, math_mode=False)


GRID = Grid(
    [["一、基本情况", "项目名称", "城乡居民<br>养老"], ["", "$\\geq 95\\%$", "a&b|c"]],
    {(0, 0): (2, 1)},
)
DOCUMENTS = [
    write_html(GRID),
    write_html(GRID, explicit_spans=True, one_line=False),
    write_html(GRID, header_rows=1),
    write_markdown(GRID),
]


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(DOCUMENTS), st.data())
def test_truncated_writer_output(document: str, data: st.DataObject) -> None:
    cut = data.draw(st.integers(0, len(document)))
    check_rows(read_rows(document[:cut]))
    check_rows(read_rows(document[cut:]))


def test_deeply_nested_and_huge_inputs_stay_bounded() -> None:
    check_rows(read_rows("<table>" * 500 + "<tr><td>x" + "</table>" * 3))
    nested = "^{" * 2000 + "2" + "}" * 2000
    assert len(latex_to_text(nested)) <= len(nested)
    rows = read_rows('<table><tr><td rowspan="65534" colspan="1000">a</td></tr></table>')
    assert rows[0].cells[0] == "a" and len(rows[0].cells) == 1000
    assert len(read_rows("$$\n" * 3000)) > 0
    check_rows(read_rows("<table><![if2<table<table"))  # html.parser asserts on this


# --- the wrapped-text reader ---------------------------------------------------------


def test_wrapped_text_goes_to_its_reader() -> None:
    sentinel = [Row(cells=["部门单位名称", "某局"], line=3, style="wrapped", table=1)]
    fake = SimpleNamespace(is_wrapped_text=lambda text: True, read_wrapped_rows=lambda t: sentinel)
    with patch.object(grid_module, "_wrapped_module", lambda: fake):
        assert read_rows("anything") is sentinel
    fake.is_wrapped_text = lambda text: False
    with patch.object(grid_module, "_wrapped_module", lambda: fake):
        assert read_rows("项目\t值") == [Row(cells=["项目", "值"], line=1, style="tsv", table=1)]


def test_only_the_absence_of_the_wrapped_module_is_tolerated() -> None:
    find = grid_module._wrapped_module.__wrapped__
    missing = ModuleNotFoundError("No module named 'jixiao.ingest.wrapped'")
    missing.name = "jixiao.ingest.wrapped"
    with patch("importlib.import_module", side_effect=missing):
        assert find() is None
    broken = ModuleNotFoundError("No module named 'somelib'")
    broken.name = "somelib"
    with (
        patch("importlib.import_module", side_effect=broken),
        pytest.raises(ModuleNotFoundError),
    ):
        find()
    with (
        patch("importlib.import_module", side_effect=SyntaxError("bad")),
        pytest.raises(SyntaxError),
    ):
        find()
