"""Reports: paragraphs (wraps joined, headings kept), facts from standard sentences only.

Expectations come from the hand-made fixtures in tests/fixtures/reports/ and from
the sentences written in the tests.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.ingest import parse_file, parse_text, read_rows
from jixiao.ingest.reports import paragraphs
from jixiao.records import ReportRecord

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "reports"
D = Decimal


def _report(text: str) -> ReportRecord:
    records = parse_text("# 某某县社会保险基金2021年绩效自评报告\n\n" + text)
    assert len(records) == 1 and isinstance(records[0], ReportRecord)
    return records[0]


def _facts(report: ReportRecord) -> list[tuple[str, str, Decimal, str]]:
    return [(f.subject, f.metric, f.value, f.unit) for f in report.facts]


def test_accounts_note_in_markdown() -> None:
    records = parse_file(FIXTURES / "accounts_note.md")
    # the pipe table at the end is no form (alone it is no 决算 table): it stays in the report
    assert [r.kind for r in records] == ["report"]
    report = records[0]
    assert isinstance(report, ReportRecord)
    assert report.title == "关于2022年莎车县社会保险基金决算的说明"
    assert (report.region, report.year, report.fund) == ("莎车县", 2022, None)
    assert _facts(report) == [
        ("total", "income", D("5.6"), "亿元"),
        ("total", "expenditure", D("4.9"), "亿元"),
        ("total", "balance", D("0.7"), "亿元"),
        ("total", "closing_balance", D("12.7"), "亿元"),
        ("unemployment", "income", D("1500.3"), "万元"),
        ("unemployment", "expenditure", D("1200"), "万元"),
        ("unemployment", "balance", D("300.3"), "万元"),
        ("unemployment", "closing_balance", D("3300.3"), "万元"),
    ]
    # "现将有关情况说明如\n下：" joined; the bold heading kept as a paragraph without **
    assert "现将有关情况说明如下：" in report.text
    assert "\n\n三、下一步工作\n\n继续做好基金征缴工作" in report.text
    # kept as the last paragraph, a line per row and a tab between cells; no fact read from it
    assert report.text.endswith(
        "继续做好基金征缴工作，确保基金安全。\n\n项目\t决算数\n全县社会保险基金收入合计\t56,000.00"
    )


def test_plain_text_report_with_cover_and_wraps() -> None:
    records = parse_file(FIXTURES / "wrapped_self_report.txt")
    assert [r.kind for r in records] == ["report"]
    report = records[0]
    assert isinstance(report, ReportRecord)
    assert report.title == "伽师县城乡居民基本养老保险基金2021年度绩效自评报告"
    assert (report.region, report.year, report.fund) == ("伽师县", 2021, "resident_pension")
    assert report.text.startswith("一、基本情况\n\n2021年，我县城乡居民养老保险参保缴费人数")
    assert "享受待遇人数30210人" in report.text  # "享受待遇人\n数" joined
    assert "年末累计结余15000万元。" in report.text  # joined across a blank line
    assert _facts(report) == [
        ("resident_pension", "insured", D("120345"), "人"),
        ("resident_pension", "beneficiaries", D("30210"), "人"),
        ("resident_pension", "income", D("9800.5"), "万元"),
        ("resident_pension", "expenditure", D("8700.25"), "万元"),
        ("resident_pension", "closing_balance", D("15000"), "万元"),
        ("resident_pension", "executed", D("8700.25"), "万元"),
        ("resident_pension", "planned", D("9000"), "万元"),
        ("resident_pension", "execution_rate_pct", D("96.67"), "%"),
    ]


def test_sentences_that_are_not_standard_statements_give_no_facts() -> None:
    report = _report(
        "全年共发放失业保险金 850 万元，惠及 1200 余人，平均每人每月 1500 元。\n\n"
        "个别乡镇参保率低于 90%，代缴人数 3000 人，个人缴费标准 200 元。\n\n"
        "其中：基本养老保险费收入 1191.07 万元，财政补贴收入 2698.6 万元。\n\n"
        "上年结余 500 万元，基础养老金支出 2492.02 万元。\n"
    )
    assert report.facts == []


def test_units_are_kept_as_printed() -> None:
    report = _report(
        "本年收入 9410.12 万元元，年末滚存结余 23541.75 元，享受待遇人数 964924 人次。\n"
    )
    assert _facts(report) == [
        ("total", "income", D("9410.12"), "万元"),
        ("total", "closing_balance", D("23541.75"), "元"),
        ("total", "beneficiaries", D("964924"), "人次"),
    ]


def test_subject_from_clause_sentence_paragraph_and_heading() -> None:
    report = _report(
        "## 一、工伤保险基金\n\n"
        "本年收入 100 万元。\n\n"  # heading
        "失业保险基金本年收入 200 万元，本年支出 150 万元。享受待遇人数 30 人。\n\n"  # sentence, paragraph
        "全县两项社会保险基金总支出 900 万元。\n\n"  # several funds: total
        "### (一) 预算执行\n\n"  # a lower heading keeps the fund
        "截止12月支出 80 万元，预算数 100 万元，完成预算的 80%。\n\n"
        "## 二、总体情况\n\n"  # a heading of the same rank without a fund clears it
        "本年收支结余 50 万元。\n"
    )
    assert [(f.subject, f.metric) for f in report.facts] == [
        ("work_injury", "income"),
        ("unemployment", "income"),
        ("unemployment", "expenditure"),
        ("unemployment", "beneficiaries"),
        ("total", "expenditure"),
        ("work_injury", "executed"),
        ("work_injury", "planned"),
        ("work_injury", "execution_rate_pct"),
        ("total", "balance"),
    ]


def test_two_funds_in_one_clause_take_the_section_fund() -> None:
    report = _report(
        "（二）城镇职工基本医疗保险基金预算完成情况\n\n"
        "截止 2020 年 12 月城镇职工、居民医疗保险支出 30405.8 万元，完成预算的 100%；\n"
    )
    assert [(f.subject, f.metric) for f in report.facts] == [
        ("employee_medical", "executed"),
        ("employee_medical", "execution_rate_pct"),
    ]


def test_paragraphs_join_wraps_and_keep_headings() -> None:
    text = (
        "## 一、总体情况\n"
        "2020 年，某某县社会保险基金总收入 43436.13 万元，  \n"
        "总支出 54106.67 万元。\n"
        "预算完成情况\n"
        "截止 2020 年 12 月职工医疗保险支出 16402.24 万元，预\n\n\n\n"
        "算支出 3738.2 万元。\n"
        "1、加大社会保险扩面力度。\n"
        "2、督促单位及时申请财政补助资金。\n"
    )
    found = paragraphs(read_rows(text))
    assert [(p.text, p.heading) for p in found] == [
        ("一、总体情况", 2),
        ("2020年，某某县社会保险基金总收入43436.13万元，总支出54106.67万元。", 0),
        ("预算完成情况", 9),
        ("截止2020年12月职工医疗保险支出16402.24万元，预算支出3738.2万元。", 0),
        ("1、加大社会保险扩面力度。", 0),
        ("2、督促单位及时申请财政补助资金。", 0),
    ]


@pytest.mark.parametrize("marker", ["一、", "（二）", "3、", "(4)"])
def test_numbered_short_lines_are_headings(marker: str) -> None:
    found = paragraphs(read_rows(f"{marker}基金运行情况\n本年度基金运行平稳，收支基本平衡。\n"))
    assert found[0].heading > 0 and found[1].heading == 0
    assert found[0].text == f"{marker}基金运行情况"


def test_unnumbered_heading_stands_alone_but_a_continuation_joins() -> None:
    text = (
        "城乡居民医疗保险基金运行情况分析\n"
        "2021 年城乡居民医疗保险基金本年收入 100 万元，基金运行总体平稳各项待遇\n"
        "按时足额发放没有发生挤占挪用基金\n"
        "的情况。\n"
    )
    found = paragraphs(read_rows(text))
    assert [(p.text, p.heading) for p in found] == [
        ("城乡居民医疗保险基金运行情况分析", 9),
        (
            "2021年城乡居民医疗保险基金本年收入100万元，"
            "基金运行总体平稳各项待遇按时足额发放没有发生挤占挪用基金的情况。",
            0,
        ),
    ]
