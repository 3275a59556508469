"""Markdown pipe tables (docling, marker), headings and bold lines (MinerU)."""

from __future__ import annotations

from pathlib import Path

from jixiao.ingest.grid import read_rows
from jixiao.ingest.text import clean_cell

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "styles"


def fixture(name: str) -> str:
    return (FIXTURES / name).read_bytes().decode("utf-8")


def test_docling_padded_table_keeps_duplicated_merge_text() -> None:
    rows = read_rows(fixture("target_docling.md"))
    assert [(r.line, r.style, r.heading, r.table, r.cells) for r in rows] == [
        (1, "text", 2, 0, ["社会保险基金支出绩效目标表"]),
        (3, "text", 0, 0, ["单位：万元"]),
        (5, "markdown", 0, 1, ["预算单位", "疏附县医疗保障局", "疏附县医疗保障局", "项目名称",
                               "2023年职工基本医疗保险基金支出"]),
        (7, "markdown", 0, 1, ["一级指标", "二级指标", "三级指标", "三级指标",
                               "指标值（包含数字及文字描述）"]),
        (8, "markdown", 0, 1, ["产出指标", "数量指标", "住院待遇享受人次", "住院待遇享受人次",
                               ">=20 万人次"]),
        (9, "markdown", 0, 1, ["产出指标", "质量指标", "基金滚动结余可支配月数（月）",
                               "基金滚动结余可支配月数（月）", ">=6 月&&<=9 月"]),
        (10, "markdown", 0, 1, ["满意度指标", "满意度指标", "参保对象满意度（%）",
                                "参保对象满意度（%）", "≥90%"]),
        (14, "text", 2, 0, ["说明"]),
    ]  # fmt: skip
    assert clean_cell(rows[4].cells[4]) == "≥20万人次"
    assert clean_cell(rows[5].cells[4]) == "≥6月&&≤9月"


def test_marker_table_with_br_bold_escaped_bar_and_latex() -> None:
    rows = read_rows(fixture("selfeval_marker.md"))
    assert [(r.line, r.style, r.table, r.cells) for r in rows] == [
        (1, "text", 0, ["项目支出绩效自评表"]),
        (3, "markdown", 1, ["项目名称", "城乡居民基本医疗项目", "", "", ""]),
        (5, "markdown", 1, ["<b>项目资金\n(万元)</b>", "年初预算数", "全年预算数", "全年执行数",
                            "执行率"]),
        (6, "markdown", 1, ["", "11110.26", "7828.73", "7828.73", "100.0%"]),
        (7, "markdown", 1, ["年度总体\n目标", "确保医疗、生育保险待遇按时、足额发放|保障参保人员权益",
                            "", "", ""]),
        (8, "markdown", 1, ["产出指标", "$\\geq -10\\%$ 或 $\\leq 10\\%$", "0%", "5.5", "5.5"]),
        (10, "markdown", 1, ["总分", "", "", "100.00", "99.99"]),
        (11, "markdown", 1, ["No outer bars", "still a row"]),
        (13, "markdown", 2, ["a", "b"]),
    ]  # fmt: skip
    assert rows[0].heading == 1
    assert clean_cell(rows[2].cells[0]) == "项目资金(万元)"
    assert clean_cell(rows[4].cells[0]) == "年度总体目标"
    assert clean_cell(rows[5].cells[1]) == "≥-10%或≤10%"


def test_delimiter_rows_and_dash_cells() -> None:
    text = "| - | - |\n|---|:-:|\n| a | - |\n| - | - |\n\n|---|\nx|y\n"
    rows = read_rows(text)
    assert [(r.line, r.table, r.cells) for r in rows] == [
        (1, 1, ["-", "-"]),
        (3, 1, ["a", "-"]),
        (4, 1, ["-", "-"]),
        (7, 2, ["x", "y"]),
    ]


def test_header_without_outer_bars_needs_the_delimiter() -> None:
    rows = read_rows("指标 | 分值\n--- | ---\n数量 | 5\n合计：a|b\n\n说明 a|b\n")
    assert [(r.style, r.cells) for r in rows] == [
        ("markdown", ["指标", "分值"]),
        ("markdown", ["数量", "5"]),
        ("markdown", ["合计：a", "b"]),
        ("text", ["说明 a|b"]),
    ]


def test_headings_levels_and_bold_wrappers() -> None:
    text = (
        "# 关于 2020 年某县社会保险基金决算的 说 明\n"
        "#### **四、居民基本医疗保险基金**\n"
        "##二、决算收入表\n"
        "### <b>（一）总体情况</b> ###\n"
        "#1号文件\n"
        "#\n"
        "####### 七级\n"
        "**本年收入 4,145.35 万元**\n"
        "<b>二、项目概况</b>\n"
        "**a** 和 **b**\n"
    )
    rows = read_rows(text)
    assert [(r.heading, r.bold, r.cells) for r in rows] == [
        (1, False, ["关于 2020 年某县社会保险基金决算的 说 明"]),
        (4, False, ["四、居民基本医疗保险基金"]),
        (2, False, ["二、决算收入表"]),
        (3, False, ["（一）总体情况"]),
        (0, False, ["#1号文件"]),
        (0, False, ["#"]),
        (0, False, ["####### 七级"]),
        (0, True, ["本年收入 4,145.35 万元"]),
        (0, True, ["二、项目概况"]),
        (0, False, ["**a** 和 **b**"]),
    ]
    assert clean_cell(rows[0].cells[0]) == "关于2020年某县社会保险基金决算的说明"
    assert clean_cell(rows[-1].cells[0]) == "a和b"
