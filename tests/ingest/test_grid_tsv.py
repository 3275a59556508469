"""Tab-separated rows (openpyxl / pdfplumber dumps): every cell kept, CRLF/BOM/odd spaces."""

from __future__ import annotations

from pathlib import Path

from jixiao.ingest.grid import read_rows
from jixiao.ingest.text import clean_cell, label_key

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "styles"


def test_excel_dump_keeps_leading_and_trailing_empty_cells() -> None:
    text = (FIXTURES / "target_excel.tsv.txt").read_bytes().decode("utf-8")
    assert "\r\n" in text and text.startswith("\ufeff")
    rows = read_rows(text)
    assert [(r.line, r.style, r.table, r.cells) for r in rows] == [
        (1, "text", 0, ["社会保险基金支出绩效目标表"]),
        (3, "tsv", 1, ["预算单位", "伽师县社会保险中心", "", "", "项目名称",
                       "城乡居民基本养老保险基金支出", ""]),
        (4, "tsv", 1, ["项目资金 (万元)", "年度资金总额:", "24,364", "其中：社保基金", "24,364",
                       "其他资金", "0"]),
        (5, "tsv", 1, ["\u2f00级指标", "\u2f06级指标", "", "三级指标", "",
                       "指标值（包含数字及文字描述）", ""]),
        (6, "tsv", 1, ["项目完成", "数量指标", "", "参保享受待遇人数", "", "4.7 万人", ""]),
        (7, "tsv", 1, ["", "", "", "重度残疾财政代缴率", "", "100%", ""]),
        (8, "tsv", 1, ["", "质量指标", "", "养老金发放时效", "", "每月 25 日前", ""]),
        (10, "tsv", 1, ["满意度指标", "满意度指标", "", "参保人员满意度", "", "≥95%", ""]),
        (12, "text", 0, ["单位：万元"]),
    ]  # fmt: skip
    assert all(not r.spans for r in rows)
    assert rows[3].filled == [
        "\u2f00级指标",
        "\u2f06级指标",
        "三级指标",
        "指标值（包含数字及文字描述）",
    ]
    assert [label_key(c) for c in rows[3].filled[:2]] == ["一级指标", "二级指标"]
    assert clean_cell(rows[4].cells[5]) == "4.7万人"
    assert clean_cell(rows[6].cells[5]) == "每月25日前"


def test_tsv_cells_are_raw_and_tables_split_by_text() -> None:
    text = "甲\t<b>-10,670.54</b>\t\n乙\t1\n\n丙\t2\n附表\n丁\t3\n"
    rows = read_rows(text)
    assert [(r.table, r.cells) for r in rows] == [
        (1, ["甲", "<b>-10,670.54</b>", ""]),
        (1, ["乙", "1"]),
        (1, ["丙", "2"]),
        (0, ["附表"]),
        (2, ["丁", "3"]),
    ]
    assert rows[0].filled == ["甲", "<b>-10,670.54</b>"]


def test_markup_only_cells_are_blank_and_all_blank_lines_dropped() -> None:
    rows = read_rows("\t\t\n<br>\t&nbsp;\t<b></b>\n项目\t<br>\t\u3000\n")
    assert [r.cells for r in rows] == [["项目", "<br>", "\u3000"]]
    assert rows[0].filled == ["项目"]
    assert rows[0].line == 3


def test_line_endings_old_mac_and_page_breaks() -> None:
    assert [(r.line, r.cells) for r in read_rows("a\tb\rc\td\r")] == [
        (1, ["a", "b"]),
        (2, ["c", "d"]),
    ]
    rows = read_rows("a\tb\r\n\x0cc\td\r\n")
    assert [(r.line, r.cells[1]) for r in rows] == [(1, "b"), (2, "d")]
    assert clean_cell(rows[1].cells[0]) == "c"


def test_a_tab_line_is_tsv_even_with_bars() -> None:
    rows = read_rows("|a\tb|\n")
    assert [(r.style, r.cells) for r in rows] == [("tsv", ["|a", "b|"])]


def test_a_line_break_inside_a_tsv_cell_continues_the_cell() -> None:
    # openpyxl/pdfplumber rows joined by tabs with the cell's own line break kept
    text = (
        "三级指标\t指标值\t偏差原因\n"
        "住院人次\t≥3.5万人次\t受疫情影响住院人次下降，\n"
        "下半年加强分级诊疗宣传。\n"
        "结算时限\t≤5个工作日\t\n"
        "某县社保基金支出绩效自评表\n"
    )
    rows = read_rows(text)
    assert [clean_cell(c) for c in rows[1].cells] == [
        "住院人次",
        "≥3.5万人次",
        "受疫情影响住院人次下降，下半年加强分级诊疗宣传。",
    ]
    assert rows[2].cells[0] == "结算时限" and rows[2].table == rows[1].table
    # a line after a cell that ends its sentence is a line of its own (here a title)
    assert rows[3].style == "text" and rows[3].cells == ["某县社保基金支出绩效自评表"]


def test_a_row_broken_over_lines_inside_its_cells_is_one_row() -> None:
    # pdfplumber extract_table() rows joined by tabs: a cell's own line breaks stay
    text = (
        "一级指标\t二级指标\t三级指标\t指标值\n"
        "产出指标\t数量指标\t参保人数\t≥100人\n"
        "\t\t基本养老保险收\n"
        "入预算执行率\t≥95%\n"
        "\t质量指标\t发放\n"
        "准确\n"
        "率\t100%\n"
    )
    rows = read_rows(text)
    assert [[clean_cell(c) for c in r.cells] for r in rows] == [
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "参保人数", "≥100人"],
        ["", "", "基本养老保险收入预算执行率", "≥95%"],
        ["", "质量指标", "发放准确率", "100%"],
    ]
    assert [r.line for r in rows] == [1, 2, 3, 5]


def test_short_rows_of_a_ragged_table_are_not_joined() -> None:
    # a hand-made table whose rows print different numbers of cells: each line a row
    text = (
        "项目\t2021年决算数\t备注\n"
        "全区社会保险基金收入合计\t43,436.13\t\n"
        "其中：保险费收入\n"
        "利息收入\t332.36\n"
        "财政补贴收入\t13,833.60\t已到位\n"
    )
    assert [len(r.cells) for r in read_rows(text)] == [3, 3, 1, 2, 3]


def test_a_title_between_two_tables_is_not_joined_to_a_row() -> None:
    text = (
        "项目\t决算数\n合计\t100.00\n一、失业保险基金收入\t100.00\n"
        "某县社会保险基金决算支出表\n"
        "项目\t决算数\n合计\t80.00\n"
    )
    rows = read_rows(text)
    assert rows[3].cells == ["某县社会保险基金决算支出表"] and rows[3].style == "text"


def test_a_row_whose_first_cell_opens_on_an_untabbed_line_is_one_row() -> None:
    # pdfplumber: a long section label in the narrow first column wraps before the row
    text = (
        "\t产出指标\t数量指标\t参保人数\t≥100人\n"
        "四、年度绩效指标\n"
        "完成情况\t一级指标\t二级指标\t三级指标\t指标值\n"
        "五、绩效目标执行\n出现的偏差和采取\n的措施\t无偏差。\t\t\t\n"
        "某县社保基金支出绩效监控情况表\n"  # a title after a row stays a line of its own
        "一、基本情况\t部门单位名称\t某县社会保险中心\t\t\n"
    )
    rows = read_rows(text)
    assert [clean_cell(r.cells[0]) for r in rows] == [
        "", "四、年度绩效指标完成情况", "五、绩效目标执行出现的偏差和采取的措施",
        "某县社保基金支出绩效监控情况表", "一、基本情况",
    ]  # fmt: skip
    assert [r.style for r in rows] == ["tsv", "tsv", "tsv", "text", "tsv"]


def test_a_broken_row_is_as_wide_as_the_row_above_when_tables_of_two_widths_touch() -> None:
    # pdfplumber prints one table after another with no gap; the first is wider
    text = (
        "项目名称\t\t城乡居民医保\t\t\n"
        "项目名称\t\t城乡居民养老\t\t\n"
        "一级指标\t二级指标\t三级指标\t指标值\n"
        "产出指标\t数量指标\t参保人数\t≥102万人\n"
        "\t质量指标\t以户籍人口数为基数计算的基本\n"
        "医保综合参保率（%）\t≥95%\n"
    )
    rows = read_rows(text)
    assert [clean_cell(c) for c in rows[-1].cells] == [
        "", "质量指标", "以户籍人口数为基数计算的基本医保综合参保率（%）", "≥95%"
    ]  # fmt: skip
    assert len(rows) == 5
