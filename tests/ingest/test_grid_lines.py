"""One-cell-per-line text (docx2txt, pdftotext) and a document mixing every style."""

from __future__ import annotations

from pathlib import Path

from jixiao.ingest.grid import read_rows
from jixiao.ingest.text import clean_cell

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "styles"


def fixture(name: str) -> str:
    return (FIXTURES / name).read_bytes().decode("utf-8")


def test_docx2txt_cells_with_blank_lines_between() -> None:
    rows = read_rows(fixture("cells_docx2txt.txt"))
    assert all(r.style == "text" and r.table == 0 and len(r.cells) == 1 for r in rows)
    assert [(r.line, r.cells[0]) for r in rows] == [
        (1, "项目支出绩效自评表"),
        (3, "(2021年度)"),
        (5, "项目名称"),
        (7, "城乡居民基本养老保险补助项目"),
        (9, "主管部门"),
        (11, "伽师县社会保险中心"),
        (14, "年初预算数"),
        (16, "2,889.39"),
        (18, "分值"),
        (20, "10"),
        (22, "得分"),
        (24, "—"),
        (26, "0"),
        (28, "/"),
        (30, "*注：本表金额单位为万元"),
    ]


def test_pdftotext_cells_nothing_lost_or_merged() -> None:
    text = fixture("cells_pdftotext.txt")
    assert text.startswith("\ufeff") and "\r\n" in text
    rows = read_rows(text)
    assert [r.cells[0] for r in rows] == [
        "一级指标", "二级指标", "三级指标", "产出指标", "数量指标", "参保缴费人数", "≥14333人",
        "14854", "52%", "---", "<=0", "<0.1%", "1.", "$", "#", "**", "|", "0",
        "聚焦总目标，确保离退休人员按期足额领取养", "老金待遇",
    ]  # fmt: skip
    assert [r.line for r in rows] == list(range(1, 21))
    assert all(r.style == "text" and r.heading == 0 and not r.bold for r in rows)
    assert [clean_cell(rows[i].cells[0]) for i in (10, 11)] == ["≤0", "<0.1%"]


def test_html_block_tags_split_a_line_and_give_headings() -> None:
    rows = read_rows("<p>第一段</p><p>第二段<br>续行</p><h3>三、<b>标题</b></h3><p></p>\n")
    assert [(r.heading, r.cells) for r in rows] == [
        (0, ["第一段"]),
        (0, ["第二段"]),
        (0, ["续行"]),
        (3, ["三、<b>标题</b>"]),
    ]


def test_markup_only_lines_are_dropped() -> None:
    text = "![](images/a.jpg)\n<!-- image -->\n<p></p>\n&nbsp;\n\u200b\n正文\n"
    assert [(r.line, r.cells) for r in read_rows(text)] == [(6, ["正文"])]


def test_display_math_block_is_one_row() -> None:
    rows = read_rows("前\n$$\n\\geq 95 \\%\n$$\n后\n$$\n无结尾\n")
    assert [(r.line, r.cells) for r in rows] == [
        (1, ["前"]),
        (2, ["$$\\geq 95 \\%$$"]),
        (5, ["后"]),
        (6, ["$$"]),
        (7, ["无结尾"]),
    ]
    assert clean_cell(rows[1].cells[0]) == "≥95%"


def test_mixed_mineru_document() -> None:
    rows = read_rows(fixture("report_mixed_mineru.md"))
    got = [(r.line, r.style, r.table, r.heading, r.bold, r.cells) for r in rows]
    assert got == [
        (1, "text", 0, 1, False, ["关于 2021 年伽师县社会保险基金决算的 说 明"]),
        (3, "text", 0, 0, False,
         ["伽师县财政局、人力资源社会保障局关于 2021 年社会保险基金决算的报告已报县委和人"]),
        (4, "text", 0, 0, False, ["大同意，现将有关情况公布如下："]),
        (6, "text", 0, 4, False, ["一、城乡居民基本养老保险基金"]),
        (8, "text", 0, 0, True, ["本年收入 4,145.35 万元"]),
        (10, "text", 0, 0, False, ["本年收入完成预算的 $101.2\\%$ ，基金支出 $\\geq$ 上年。"]),
        (12, "text", 0, 0, False, ["$$\\geq 95 \\%$$"]),
        (16, "text", 0, 0, False, ["二、机关事业单位基本养老保险基金"]),
        (18, "text", 0, 2, False, ["二、决算收入表"]),
        (20, "tsv", 1, 0, False, ["项 目", "2021年决算数"]),
        (21, "tsv", 1, 0, False, ["全区社会保险基金收入合计", "43,436.13"]),
        (22, "tsv", 1, 0, False, ["<b>其中: 保险费收入</b>", "<b>26,074.42</b>"]),
        (23, "tsv", 1, 0, False, ["", "<p>利息收入</p>", "332.36"]),
        (24, "html", 2, 0, False, ["项 目", "2021年年末结余决算数"]),
        (24, "html", 2, 0, False, ["社会保险基金本年收支结余", "-10,670.54"]),
        (25, "markdown", 3, 0, False, ["基金", "结余"]),
        (27, "markdown", 3, 0, False, ["失业保险基金", "1,234.00"]),
        (28, "markdown", 3, 0, False, ["-", "-"]),
        (29, "text", 0, 0, False, ["附件5:"]),
    ]  # fmt: skip
    assert clean_cell(rows[5].cells[0]) == "本年收入完成预算的101.2%，基金支出≥上年。"
    assert clean_cell(rows[2].cells[0]) == "大同意，现将有关情况公布如下："
    assert clean_cell(rows[12].cells[1]) == "利息收入"
