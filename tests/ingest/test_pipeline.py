"""The document pipeline: segments in file order, titles, footers, covers, errors, encodings."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from jixiao.ingest import IngestError, parse_file, parse_text, read_rows
from jixiao.ingest.segments import match_title, split_segments
from jixiao.records import FinalAccountsRecord, ReportRecord

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


@pytest.mark.parametrize(
    ("name", "kinds"),
    [
        ("000_881bda5ae5dcf777.txt", ["monitoring"] * 4),
        ("001_64cadbb403ecf892.txt", ["self_evaluation", "self_evaluation", "report"]),
        ("002_5b147586ac002357.txt", ["monitoring"] * 4),
        (
            "003_34cb9511c7a24abb.txt",
            ["report", "final_accounts", "report"] + ["self_evaluation"] * 4,
        ),
        ("004_6103b84fadb41698.txt", ["target"] * 4),
    ],
)
def test_seed_record_kinds_in_file_order(name: str, kinds: list[str]) -> None:
    assert [r.kind for r in parse_file(SEEDS / name)] == kinds


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("岳普湖县社保基金支出绩效监控情况表", "monitoring"),
        ("项目支出绩效监控表", "monitoring"),
        ("# 项目支出绩效自评表", "self_evaluation"),
        ("社会保险基金支出绩效目标表", "target"),
        ("## 2020年岳普湖县社会保险基金决算支出表", "final_accounts"),
        ("# 关于 2020 年岳普湖县社会保险基金决算的 说 明", "report"),
        ("疏勒县医疗保险基金 2020 年整体支出 绩效自评报告", "report"),
        ("绩效评价报告", "report"),
        ("**某县社会保险基金绩效自评表**", "self_evaluation"),
        ("某县社保基金支出绩效自评表\t\t\t", "self_evaluation"),  # a single-cell TSV row
        ("2020年某县社会保险基金决算收入表（单位：万元）", "final_accounts"),
        ("项目支出绩效自评表（2020年度）", "self_evaluation"),
        ("关于某县2021年社会保险基金绩效自评情况的报告", "report"),
        ("某县2022年社会保险基金决算（草案）的说明", "report"),
        ("2023年某县社会保险基金决算支出表（万元）", "final_accounts"),
        ("2022年某县社会保险基金收支决算表", "final_accounts"),
        ("洛浦县2024年社会保险基金预算绩效运行监控表（1-6月）", "monitoring"),
        ("某县社保基金支出绩效监控表(2024年1-6月)", "monitoring"),
        ("某县社保基金支出绩效监控情况表（上半年）", "monitoring"),
    ],
)
def test_titles(line: str, kind: str) -> None:
    rows = read_rows(line + "\n")
    found = match_title(rows[0])
    assert found is not None and found.kind == kind


@pytest.mark.parametrize(
    "line",
    [
        "年度绩效指标完成情况\t一级指标\t二级指标",  # a table row with several cells
        "按照绩效自评表的要求，我局对项目进行了自评。",  # a sentence mentioning a form
        "四、其他需要说明的问题",
        "单位: 万元",
    ],
)
def test_not_titles(line: str) -> None:
    assert match_title(read_rows(line + "\n")[0]) is None


ACCOUNTS = """2021年某某县社会保险基金决算收入表
单位：万元
项目\t2021年决算数
全县社会保险基金收入合计\t1,000.00
一、失业保险基金收入\t1,000.00
"""

REPORT = """# 某某县社会保险基金2021年整体支出绩效自评报告

## 一、总体情况

2021年，某某县社会保险基金总收入 1000 万元，总支出 900 万元。
"""

MONITORING_TABLE = (
    "一、基本情况\t部门单位名称\t某某县社会保险中心\t\t项目周期\t2021年度\n"
    "\t项目名称\t失业保险基金支出\t\t监控时点\t2021年6月\n"
    "四、年度绩效指标完成情况\t一级指标\t二级指标\t三级指标\t预期指标值\t指标完成值\t指标完成率\n"
    "\t产出指标\t数量指标\t领取失业保险金人数\t≥100人\t60人\t60%\n"
)


def test_attachment_prefix_is_not_part_of_the_title() -> None:
    records = parse_text("附件2：某某县社保基金支出绩效监控情况表\n" + MONITORING_TABLE)
    assert records[0].title == "某某县社保基金支出绩效监控情况表"


def test_a_title_printed_over_two_lines_is_one_title() -> None:
    text = (
        "关于某某县 2022 年度社会保险基金决算\n情况的说明\n\n"
        "2022年，某某县社会保险基金总收入 1000 万元。\n"
    )
    records = parse_text(text)
    assert [r.kind for r in records] == ["report"]
    assert records[0].title == "关于某某县2022年度社会保险基金决算情况的说明"
    assert isinstance(records[0], ReportRecord) and "情况的说明" not in records[0].text


def test_a_list_of_attachment_titles_makes_no_records() -> None:
    text = (
        REPORT
        + "\n附件：1.2021年某某县社会保险基金决算收入表\n2.2021年某某县社会保险基金决算支出表\n\n"
        + ACCOUNTS
    )
    records = parse_text(text)
    assert [r.kind for r in records] == ["report", "final_accounts"]
    assert records[1].title == "2021年某某县社会保险基金决算收入表"


def test_table_inside_a_report_ends_the_report() -> None:
    records = parse_text(REPORT + "\n" + MONITORING_TABLE)
    assert [r.kind for r in records] == ["report", "monitoring"]
    report = records[0]
    assert isinstance(report, ReportRecord)
    assert "监控时点" not in report.text and "一级指标" not in report.text
    assert records[1].title is None  # printed without a title: told by its labels


SUMMARY_MD = "| 险种 | 收入 | 支出 |\n|---|---|---|\n| 失业保险基金 | 600 | 500 |\n| 工伤保险基金 | 400 | 400 |\n"
SUMMARY_HTML = (
    "<table><tr><td>险种</td><td>收入</td><td>支出</td></tr>"
    "<tr><td>失业保险基金</td><td>600</td><td>500</td></tr>"
    '<tr><td rowspan="1">工伤保险基金</td><td>400</td><td>400</td></tr></table>\n'
)
AFTER_SUMMARY = """
## 二、失业保险基金

本年收入 600 万元，本年支出 500 万元。

## 三、下一步工作

继续做好基金征缴工作。
"""


@pytest.mark.parametrize(
    "table",
    [
        SUMMARY_MD,
        SUMMARY_HTML,
        SUMMARY_MD.replace(" | ", "\t")
        .replace("| ", "")
        .replace(" |", "")
        .replace("|---|---|---|\n", ""),
    ],
    ids=["markdown", "html", "tsv"],
)
def test_a_summary_table_inside_a_report_stays_in_it(table: str) -> None:
    records = parse_text(REPORT + "\n" + table + AFTER_SUMMARY)
    assert [r.kind for r in records] == ["report"]
    report = records[0]
    assert isinstance(report, ReportRecord)
    # nothing after the table is lost: the headings and the sentences follow it, in order
    assert report.text == (
        "一、总体情况\n\n2021年，某某县社会保险基金总收入1000万元，总支出900万元。\n\n"
        "险种\t收入\t支出\n失业保险基金\t600\t500\n工伤保险基金\t400\t400\n\n"
        "二、失业保险基金\n\n本年收入600万元，本年支出500万元。\n\n"
        "三、下一步工作\n\n继续做好基金征缴工作。"
    )
    # the sentences after the table give facts; the table's figures give none
    assert [(f.subject, f.metric, f.value) for f in report.facts] == [
        ("total", "income", 1000),
        ("total", "expenditure", 900),
        ("unemployment", "income", 600),
        ("unemployment", "expenditure", 500),
    ]


def test_a_form_table_inside_a_report_is_a_record_and_the_text_after_it_stays_in_the_report() -> (
    None
):
    text = (
        REPORT + "\n" + SUMMARY_MD + "\n说明：上表为汇总数。\n\n" + MONITORING_TABLE + AFTER_SUMMARY
    )
    records = parse_text(text)
    assert [r.kind for r in records] == ["report", "monitoring"]
    report, table = records
    assert isinstance(report, ReportRecord)
    assert "失业保险基金\t600\t500" in report.text and "说明：上表为汇总数。" in report.text
    assert report.text.endswith("三、下一步工作\n\n继续做好基金征缴工作。")
    assert "一级指标" not in report.text and "领取失业保险金人数" not in report.text
    assert [i.name for i in table.indicators] == ["领取失业保险金人数"]
    assert table.project == "失业保险基金支出"


def test_a_repeated_first_header_starts_a_second_table() -> None:
    records = parse_text("某某县社保基金支出绩效监控情况表\n" + MONITORING_TABLE + MONITORING_TABLE)
    assert [r.kind for r in records] == ["monitoring", "monitoring"]
    assert [r.title for r in records] == ["某某县社保基金支出绩效监控情况表", None]


def test_footer_ends_a_table_and_is_kept_only_as_its_footer() -> None:
    text = (
        "某某县社保基金支出绩效监控情况表\n"
        + MONITORING_TABLE
        + "填报人：张三\t联系电话：13800000000\n"
    )
    text += "以下文字不属于任何表格。\n"
    records = parse_text(text)
    assert [r.kind for r in records] == ["monitoring"]
    assert records[0].footer == "填报人：张三 联系电话：13800000000"
    dumped = records[0].model_copy(update={"footer": None}).model_dump_json()
    assert "张三" not in dumped and "13800000000" not in dumped and "以下文字" not in dumped


TARGET_TABLE = (
    "项目名称\t某某县失业保险基金支出\t\t\n"
    "项目负责人：李四\t\t联系电话：0998-1234567\t\n"
    "项目资金\t资金总额\t100.00\t\n"
    "一级指标\t二级指标\t三级指标\t指标值\n"
    "产出指标\t数量指标\t领取失业保险金人数\t≥100人\n"
)


def test_contact_row_among_the_header_fields_is_not_a_footer() -> None:
    [record] = parse_text("某某县社保基金支出绩效目标表\n" + TARGET_TABLE)
    assert record.project == "某某县失业保险基金支出"
    assert [i.name for i in record.indicators] == ["领取失业保险金人数"]
    assert record.footer is None


def test_contact_row_after_the_indicators_is_a_footer() -> None:
    text = (
        "某某县社保基金支出绩效目标表\n"
        + TARGET_TABLE
        + "项目负责人：李四\t联系电话：0998-1234567\n"
    )
    text += "产出指标\t数量指标\t另一表格的指标\t≥1人\n"
    [record, *_] = parse_text(text)
    assert [i.name for i in record.indicators] == ["领取失业保险金人数"]
    assert record.footer == "项目负责人：李四 联系电话：0998-1234567"


def test_a_repeated_indicator_heading_continues_the_table() -> None:
    heading = "一级指标\t二级指标\t三级指标\t指标值\n"
    text = "某某县社保基金支出绩效目标表\n" + heading
    text += "产出指标\t数量指标\t参保人数\t≥100人\n\t\t待遇领取人数\t≥50人\n"
    text += "\t质量指标\t发放准确率\t100%\n\t时效指标\t发放时效\t每月10日前\n"
    text += "\n- 2 -\n\n" + heading + "满意度指标\t服务对象满意度指标\t满意度\t≥90%\n"
    [record] = parse_text(text)
    assert [i.name for i in record.indicators] == [
        "参保人数", "待遇领取人数", "发放准确率", "发放时效", "满意度",
    ]  # fmt: skip


def test_lone_project_name_lines_start_untitled_tables_printed_one_cell_per_line() -> None:
    cells = "项目名称\n某某县{fund}基金支出\n一级指标\n二级指标\n三级指标\n指标值\n"
    cells += "产出指标\n数量指标\n参保人数\n≥100人\n满意度指标\n服务对象满意度指标\n满意度\n≥90%\n"
    text = "附件1:\n" + cells.format(fund="失业保险") + "附件2:\n" + cells.format(fund="工伤保险")
    records = parse_text(text)
    assert [(r.kind, r.project) for r in records] == [
        ("target", "某某县失业保险基金支出"),
        ("target", "某某县工伤保险基金支出"),
    ]
    assert [len(r.indicators) for r in records] == [2, 2]


def test_accounts_tables_of_two_years_make_two_records() -> None:
    later = ACCOUNTS.replace("2021", "2022")
    records = parse_text(ACCOUNTS + "\n" + later)
    assert [(r.kind, r.year) for r in records] == [
        ("final_accounts", 2021),
        ("final_accounts", 2022),
    ]


def test_accounts_table_without_title_is_told_by_its_labels() -> None:
    body = "\n".join(ACCOUNTS.splitlines()[2:]) + "\n二、失业保险基金支出\t800.00\n"
    records = parse_text(REPORT + "\n" + body)
    assert [r.kind for r in records] == ["report", "final_accounts"]
    accounts = records[1]
    assert isinstance(accounts, FinalAccountsRecord)
    assert str(accounts.totals.income) == "1000.00"


def test_cover_page_and_body_title_are_one_report() -> None:
    text = (
        "某某县社会保险基金整体支出\n绩效评价报告\n(2021年度)\n\n"
        "项目名称：某某县社会保险基金\n实施单位(公章)：某某县社会保险中心\n"
        "项目负责人：李四\n填报时间：2021年12月31日\n\n" + REPORT
    )
    records = parse_text(text)
    assert len(records) == 1
    report = records[0]
    assert isinstance(report, ReportRecord)
    assert report.title == "某某县社会保险基金2021年整体支出绩效自评报告"
    assert report.text.startswith("一、总体情况")
    assert "李四" not in report.text and "实施单位" not in report.text


def test_cover_title_is_kept_when_no_body_title_follows() -> None:
    text = (
        "某某县社会保险基金整体支出\n绩效评价报告\n(2021年度)\n\n项目名称：某某县社会保险基金\n\n"
        "一、总体情况\n\n2021年，某某县社会保险基金总收入 1000 万元。\n"
    )
    report = parse_text(text)[0]
    assert isinstance(report, ReportRecord)
    assert report.title == "某某县社会保险基金整体支出绩效评价报告"
    assert report.year == 2021
    assert report.text == "一、总体情况\n\n2021年，某某县社会保险基金总收入1000万元。"


def test_segments_keep_the_attachment_line_as_context() -> None:
    rows = read_rows("附件1:\n\n某某县社保基金支出绩效监控情况表\n" + MONITORING_TABLE)
    segments = split_segments(rows)
    assert len(segments) == 1
    assert segments[0].context == ["附件1:"]
    assert all("附件" not in r.text for r in segments[0].rows)


# --- errors -----------------------------------------------------------------------


def test_not_a_document() -> None:
    with pytest.raises(IngestError) as caught:
        parse_text("\n\n这是一封普通的信。\n祝好！\n", source="letter.txt")
    assert caught.value.source == "letter.txt"
    assert caught.value.line == 3
    assert "不是绩效文档" in caught.value.message


def test_title_at_the_end_is_a_truncated_table() -> None:
    with pytest.raises(IngestError) as caught:
        parse_text(REPORT + "\n某某县社保基金支出绩效监控情况表\n", source="cut.txt")
    assert caught.value.line == 7
    assert "截断" in caught.value.message
    assert caught.value.located().startswith("cut.txt:7: ")


def test_report_without_body_is_truncated() -> None:
    with pytest.raises(IngestError, match="截断"):
        parse_text("某某县社会保险基金2021年绩效自评报告\n")


@pytest.mark.parametrize(
    ("data", "message", "line"),
    [
        (b"", "文件为空", 1),
        (b"  \n\n\t\n", "文件为空", 1),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF", 1),
        (b"PK\x03\x04\x14\x00\x06\x00", "Office", 1),
        ("标题\n第二行\n".encode() + b"\x00\x01\x02binary", "二进制", 3),
        ("标题\n".encode("gb18030") + b"abc \x80\xff x", "编码", 2),
    ],
)
def test_unreadable_files(tmp_path: Path, data: bytes, message: str, line: int) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(IngestError) as caught:
        parse_file(path)
    assert message in caught.value.message
    assert caught.value.line == line
    assert caught.value.source == str(path)


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: t.encode("gb18030"),
        lambda t: t.encode("utf-16"),  # with BOM (little-endian here)
        lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    ],
)
def test_encodings(tmp_path: Path, encode: object) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(encode(ACCOUNTS.replace("\n", "\r\n")))  # type: ignore[operator]
    records = parse_file(path)
    assert [r.kind for r in records] == ["final_accounts"]
    assert records[0].region == "某某县"


def test_an_untitled_accounts_table_and_a_form_printed_with_no_gap_are_two_records() -> None:
    # pdfplumber's tables only, one after another: no titles, no blank lines
    text = (
        "项目\t2021年决算数\n"
        "全县社会保险基金收入合计\t1,000.00\n"
        "一、失业保险基金收入\t600.00\n"
        "二、工伤保险基金收入\t400.00\n"
        "项目名称\t失业保险基金支出\t\t\t\t\n" + MONITORING_TABLE.split("\n", 2)[2]
    )
    records = parse_text(text)
    assert [r.kind for r in records] == ["final_accounts", "monitoring"]
    accounts, table = records
    assert isinstance(accounts, FinalAccountsRecord)
    assert accounts.totals.income == 1000
    assert [i.name for i in table.indicators] == ["领取失业保险金人数"]
