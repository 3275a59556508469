"""Seed 003 (岳普湖县 2020): the 决算说明, the three 决算 tables and the 绩效自评报告.

Every expectation below is read off the document by hand (the tables and the
sentences quoted in the comments), not copied from the program's output.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.ingest import parse_file
from jixiao.records import FinalAccountsRecord, Fund, FundAccounts, ReportRecord

# shared/ stands beside the repository (here and in CI).
SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "003_34cb9511c7a24abb.txt"

D = Decimal


@pytest.fixture(scope="module")
def records() -> list:
    return parse_file(SEED)


def test_records_in_file_order(records: list) -> None:
    assert [r.kind for r in records] == [
        "report",
        "final_accounts",
        "report",
        "self_evaluation",
        "self_evaluation",
        "self_evaluation",
        "self_evaluation",
    ]


# --- 决算: 收入表, 支出表 and 结余表 merged ------------------------------------------

# (income, 保险费, 利息, 财政补贴, expenditure, 待遇支出, 本年收支结余, 年末累计结余)
EXPECTED_FUNDS = {
    Fund.public_pension: ("15390.47", "13098.76", "92.67", "2161.00",
                          "13159.54", "13122.79", "2230.93", "9306.03"),
    Fund.resident_pension: ("4145.35", "1191.07", "51.63", "2698.60",
                            "2684.22", "2676.40", "1461.13", "11369.90"),
    Fund.employee_medical: ("9410.12", "6649.19", "107.27", None,
                            "16402.24", "4002.96", "-6992.12", "2093.28"),
    Fund.resident_medical: ("14490.19", "5135.40", "80.79", "8974.00",
                            "21860.67", "7828.72", "-7370.48", "772.54"),
}  # fmt: skip
EXPECTED_TOTALS = ("43436.13", "26074.42", "332.36", "13833.60",
                   "54106.67", "27630.87", "-10670.54", "23541.75")  # fmt: skip
MEMBERS = tuple(FundAccounts.model_fields)  # the members in record order


def _as_tuple(accounts: object) -> tuple[str | None, ...]:
    values = (getattr(accounts, m) for m in MEMBERS)
    return tuple(None if v is None else str(v) for v in values)


def test_final_accounts_header(records: list) -> None:
    accounts = records[1]
    assert isinstance(accounts, FinalAccountsRecord)
    assert accounts.title == "2020年岳普湖县社会保险基金决算收入表"
    assert accounts.region == "岳普湖县"
    assert accounts.year == 2020
    assert accounts.fund is None
    assert accounts.money_unit == "万元"


def test_final_accounts_funds_have_every_member(records: list) -> None:
    accounts = records[1]
    # 企业职工养老, 工伤, 失业 and 生育 rows are blank: no entry for them.
    assert list(accounts.funds) == list(EXPECTED_FUNDS)
    for fund, expected in EXPECTED_FUNDS.items():
        assert _as_tuple(accounts.funds[fund]) == expected, fund


def test_final_accounts_totals(records: list) -> None:
    assert _as_tuple(records[1].totals) == EXPECTED_TOTALS


def test_final_accounts_keep_printed_precision(records: list) -> None:
    # 2,161.00 and 11,369.90 are printed with two decimals.
    assert str(records[1].funds[Fund.public_pension].income_subsidy) == "2161.00"
    assert str(records[1].funds[Fund.resident_pension].closing_balance) == "11369.90"


# --- the 决算说明 ----------------------------------------------------------------


def _facts(report: ReportRecord) -> list[tuple[str, str, Decimal, str]]:
    return [(f.subject, f.metric, f.value, f.unit) for f in report.facts]


def test_accounts_report_title_and_fields(records: list) -> None:
    report = records[0]
    assert isinstance(report, ReportRecord)
    # printed "# 关于 2020 年岳普湖县社会保险基金决算的 说 明"
    assert report.title == "关于2020年岳普湖县社会保险基金决算的说明"
    assert (report.region, report.year, report.fund) == ("岳普湖县", 2020, None)
    assert report.money_unit is None


def test_accounts_report_facts(records: list) -> None:
    expected = [
        # 2020 年，岳普湖县社会保险基金总收入 43436.13 万元，总支出 54106.67 万元，
        # 本年收支结余-10670.54 万元，年末滚存结余 23541.75 万元。
        ("total", "income", D("43436.13"), "万元"),
        ("total", "expenditure", D("54106.67"), "万元"),
        ("total", "balance", D("-10670.54"), "万元"),
        ("total", "closing_balance", D("23541.75"), "万元"),
        # ## 一、城乡居民基本养老保险基金
        ("resident_pension", "income", D("4145.35"), "万元"),
        ("resident_pension", "expenditure", D("2684.22"), "万元"),
        ("resident_pension", "balance", D("1461.13"), "万元"),
        ("resident_pension", "closing_balance", D("11369.9"), "万元"),
        # ## 二、机关事业单位基本养老保险基金
        ("public_pension", "income", D("15390.47"), "万元"),
        ("public_pension", "expenditure", D("13159.54"), "万元"),
        ("public_pension", "balance", D("2230.93"), "万元"),
        ("public_pension", "closing_balance", D("9306.03"), "万元"),
        # ## 三、城镇职工基本医疗保险基金 ("本年收入 9410.12 万元元": the unit read is 万元)
        ("employee_medical", "income", D("9410.12"), "万元"),
        ("employee_medical", "expenditure", D("16402.24"), "万元"),
        ("employee_medical", "balance", D("-6992.12"), "万元"),
        ("employee_medical", "closing_balance", D("2093.28"), "万元"),
        # #### **四、居民基本医疗保险基金**
        ("resident_medical", "income", D("14490.19"), "万元"),
        ("resident_medical", "expenditure", D("21860.67"), "万元"),
        ("resident_medical", "balance", D("-7370.48"), "万元"),
        ("resident_medical", "closing_balance", D("772.54"), "万元"),
    ]
    assert _facts(records[0]) == expected


def test_accounts_report_text(records: list) -> None:
    text = records[0].text
    assert text.startswith("岳普湖县财政局、人力资源社会保障局和卫生健康委关于2020年")
    # the pdf line wrap "…已报县委和人  \n大同意" is joined inside the paragraph
    assert "已报县委和人大同意，现将有关情况公布如下：" in text
    # "…本年收支结余-6992.12 万元，年\n\n末滚存结余" is one paragraph
    assert "本年收支结余-6992.12万元，年末滚存结余2093.28万元。" in text
    assert "一、城乡居民基本养老保险基金\n\n本年收入4145.35万元" in text
    assert "#" not in text and "**" not in text
    # the 附件5: line and the tables after it are not part of the report
    assert "附件" not in text and "决算收入表" not in text


# --- the 绩效自评报告 (cover page + body) ------------------------------------------


def test_self_evaluation_report_title_is_the_body_title(records: list) -> None:
    report = records[2]
    assert isinstance(report, ReportRecord)
    # cover: 岳普湖县社会保险基金整体支出 / 绩效评价报告 / ( 2020 年度 );
    # body: "# 岳普湖县社会保险基金 2020 年整体支出 绩效自评报告"
    assert report.title == "岳普湖县社会保险基金2020年整体支出绩效自评报告"
    assert (report.region, report.year, report.fund) == ("岳普湖县", 2020, None)
    # the cover lines are not in the body text
    assert "项目负责人" not in report.text and "填报时间" not in report.text
    assert "实施单位" not in report.text
    assert report.text.startswith("一、绩效监控工作组织实施情况")


def test_self_evaluation_report_facts(records: list) -> None:
    expected = [
        # 2020 年，岳普湖县社会保险基金总收入 43436.14 万元，总支出 54106.67 万元，
        # 本年收支结余 -10670.54 万元，末滚存结余 23541.75 元。(元 as printed)
        ("total", "income", D("43436.14"), "万元"),
        ("total", "expenditure", D("54106.67"), "万元"),
        ("total", "balance", D("-10670.54"), "万元"),
        ("total", "closing_balance", D("23541.75"), "元"),
        # 1、城乡居民养老保险：参保缴费人数 70083 人 … 享受待遇人数 15774 人
        ("resident_pension", "insured", D("70083"), "人"),
        ("resident_pension", "beneficiaries", D("15774"), "人"),
        # 2、机关事业单位养老保险：参保人数 9395 人，缴费人数 7358 人 … 享受待遇人数 2037 人
        ("public_pension", "insured", D("9395"), "人"),
        ("public_pension", "insured", D("7358"), "人"),
        ("public_pension", "beneficiaries", D("2037"), "人"),
        # 3、职工基本医疗保险：参保缴费人数 14830 人 … 享受待遇人数 2915 人
        ("employee_medical", "insured", D("14830"), "人"),
        ("employee_medical", "beneficiaries", D("2915"), "人"),
        # 4、城乡居民基本医疗：参保缴费人数 157935 人 … 享受待遇人数 70156 人
        ("resident_medical", "insured", D("157935"), "人"),
        ("resident_medical", "beneficiaries", D("70156"), "人"),
        # 截止 2020 年 12 月城乡居民养老保险支出 2684.22 万元，预算支出 2889.39 万元，完成预算的 92.89%
        ("resident_pension", "executed", D("2684.22"), "万元"),
        ("resident_pension", "planned", D("2889.39"), "万元"),
        ("resident_pension", "execution_rate_pct", D("92.89"), "%"),
        # 截止 2020 年 12 月机关养老保险支出 13159.54 万元，预算支出 12939.37 万元，完成预算的 101.7%
        ("public_pension", "executed", D("13159.54"), "万元"),
        ("public_pension", "planned", D("12939.37"), "万元"),
        ("public_pension", "execution_rate_pct", D("101.7"), "%"),
        # 截止 2020 年 12 月职工医疗保险支出 16402.24 万元，预\n\n算支出 3738.2 万元，完成预算的 438.77%
        ("employee_medical", "executed", D("16402.24"), "万元"),
        ("employee_medical", "planned", D("3738.2"), "万元"),
        ("employee_medical", "execution_rate_pct", D("438.77"), "%"),
        # 截止 2020 年 12 月城乡居民医疗保险支出 21860.67 万元，预算支出 11110.26 万元，完成预算的 196.76%
        ("resident_medical", "executed", D("21860.67"), "万元"),
        ("resident_medical", "planned", D("11110.26"), "万元"),
        ("resident_medical", "execution_rate_pct", D("196.76"), "%"),
    ]
    assert _facts(records[2]) == expected


def test_quotes_are_sentences_of_the_text(records: list) -> None:
    for report in (records[0], records[2]):
        for fact in report.facts:
            assert fact.quote in report.text
            assert str(abs(fact.value)) in fact.quote
    rate = next(f for f in records[2].facts if f.metric == "execution_rate_pct")
    assert (
        rate.quote
        == "截止2020年12月城乡居民养老保险支出2684.22万元，预算支出2889.39万元，完成预算的92.89%。"
    )
