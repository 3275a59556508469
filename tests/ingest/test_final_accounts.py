"""决算 tables → one ``final_accounts`` record, in several text styles and layouts.

The fixtures in tests/fixtures/accounts/ are hand-made documents; the expected
figures below are read off them.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.ingest import IngestError, parse_file, parse_text
from jixiao.ingest.final_accounts import parse_amount
from jixiao.records import FinalAccountsRecord, Fund, FundAccounts, Record

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "accounts"
MEMBERS = tuple(FundAccounts.model_fields)  # the members in record order


def _only_accounts(records: list[Record]) -> FinalAccountsRecord:
    assert [r.kind for r in records] == ["final_accounts"]
    record = records[0]
    assert isinstance(record, FinalAccountsRecord)
    return record


def _row(accounts: object) -> tuple[str | None, ...]:
    return tuple(None if (v := getattr(accounts, m)) is None else str(v) for m in MEMBERS)


def test_markdown_pipe_tables() -> None:
    record = _only_accounts(parse_file(FIXTURES / "markdown_pipe.md"))
    assert record.title == "2021年伽师县社会保险基金决算收入表"
    assert (record.region, record.year, record.money_unit, record.fund) == (
        "伽师县",
        2021,
        "万元",
        None,
    )
    # the 决算数 column is read, not the 预算数 beside it; ** is dropped
    assert _row(record.totals) == (
        "31250.50", "18400.25", "210.75", "12000.00",
        "30100.00", "28000.00", "1150.50", "20000.00",
    )  # fmt: skip
    assert list(record.funds) == [Fund.enterprise_pension, Fund.work_injury, Fund.maternity]
    assert _row(record.funds[Fund.enterprise_pension]) == (
        "8100.00", "7050.00", "50.00", None,
        "9200.00", "9000.00", "-1100.00", "15000.00",
    )  # fmt: skip
    assert _row(record.funds[Fund.work_injury]) == (
        "480.30", "470.30", "10.00", None,
        "390.00", "385.50", "90.30", "3000.00",
    )  # fmt: skip


def test_maternity_benefits_are_the_two_printed_parts() -> None:
    record = _only_accounts(parse_file(FIXTURES / "markdown_pipe.md"))
    maternity = record.funds[Fund.maternity]
    # 生育保险基金收入 rows are blank; 医疗费用支出 210.10 + 生育津贴支出 110.30
    assert maternity.income is None and maternity.income_contributions is None
    assert maternity.expenditure == Decimal("320.40")
    assert str(maternity.expenditure_benefits) == "320.40"


def test_html_tables_with_one_column_per_fund() -> None:
    record = _only_accounts(parse_file(FIXTURES / "html_fund_columns.html"))
    assert (record.region, record.year, record.money_unit) == ("莎车县", 2022, "万元")
    assert _row(record.totals) == (
        "5600.80", "2300.00", "60.80", "3240.00",
        "4900.00", "4500.00", "700.80", "12700.80",
    )  # fmt: skip
    assert list(record.funds) == [Fund.resident_pension, Fund.unemployment]
    assert _row(record.funds[Fund.resident_pension]) == (
        "4100.50", "1200.00", "40.50", "2860.00",
        "3700.00", "3650.00", "400.50", "9400.50",
    )  # fmt: skip
    # 失业 prints "—" for 财政补贴收入: blank, not 0
    assert _row(record.funds[Fund.unemployment]) == (
        "1500.30", "1100.00", "20.30", None,
        "1200.00", "850.00", "300.30", "3300.30",
    )  # fmt: skip


def test_label_and_number_on_one_text_line() -> None:
    text = (
        "2020年某某县社会保险基金决算支出表\n"
        "单位：亿元\n"
        "项目 2020年决算数\n"
        "全县社会保险基金支出合计 12.50\n"
        "其中：社会保险待遇支出 11.00\n"
        "一、失业保险基金支出 2.50\n"
        "其中：失业保险金支出 2.00\n"
        "二、工伤保险基金支出\n"
        "其中：工伤保险待遇支出\n"
    )
    record = _only_accounts(parse_text(text))
    assert record.money_unit == "亿元"
    assert (record.totals.expenditure, record.totals.expenditure_benefits) == (
        Decimal("12.50"),
        Decimal("11.00"),
    )
    assert list(record.funds) == [Fund.unemployment]  # 工伤 has no number
    assert record.funds[Fund.unemployment].expenditure_benefits == Decimal("2.00")


def test_rows_map_by_meaning_not_position() -> None:
    # funds in another order, the total last, 累计结余 before 本年收支结余
    text = (
        "2020年某某县社会保险基金决算结余表\n"
        "项目\t决算数\n"
        "一、城乡居民基本医疗保险基金年末累计结余\t300.00\n"
        "二、城乡居民基本医疗保险基金本年收支结余\t-30.00\n"
        "三、企业职工基本养老保险基金本年收支结余\t10.00\n"
        "全县社会保险基金年末累计结余\t300.00\n"
        "社会保险基金本年收支结余\t-20.00\n"
    )
    record = _only_accounts(parse_text(text))
    assert record.funds[Fund.resident_medical].closing_balance == Decimal("300.00")
    assert record.funds[Fund.resident_medical].balance == Decimal("-30.00")
    assert record.funds[Fund.enterprise_pension].balance == Decimal("10.00")
    assert (record.totals.balance, record.totals.closing_balance) == (
        Decimal("-20.00"),
        Decimal("300.00"),
    )
    assert list(record.funds) == [Fund.enterprise_pension, Fund.resident_medical]


def test_table_with_no_accounts_lines_is_refused() -> None:
    text = "2020年某某县社会保险基金决算收入表\n项目\t决算数\n说明\t见附表\n备注\t无\n"
    with pytest.raises(IngestError, match="没有可识别") as caught:
        parse_text(text, source="x.txt")
    assert caught.value.line == 3


@pytest.mark.parametrize(
    ("printed", "value"),
    [
        ("43,436.13", "43436.13"),
        ("-10,670.54", "-10670.54"),
        ("<b>-10,670.54</b>", "-10670.54"),
        ("2,161.00", "2161.00"),
        ("354657", "354657"),
        ("(1,234.50)", "-1234.50"),
        ("－6,992.12", "-6992.12"),
        ("", None),
        ("—", None),
        ("/", None),
        ("见说明", None),
    ],
)
def test_parse_amount(printed: str, value: str | None) -> None:
    parsed = parse_amount(printed)
    assert (None if parsed is None else str(parsed)) == value


def test_one_cell_per_line() -> None:
    # docx2txt / pdftotext -raw: every cell on a line of its own, blank cells omitted
    text = (
        "2020年某某县社会保险基金决算收入表\n"
        "单位: 万元\n"
        "项 目\n"
        "2020年决算数\n"
        "全区社会保险基金收入合计\n"
        "43,436.13\n"
        "其中: 保险费收入\n"
        "26,074.42\n"
        "一、企业职工基本养老保险基金收入\n"
        "其中: 保险费收入\n"
        "利息收入\n"
        "二、机关事业单位基本养老保险基金收入\n"
        "15,390.47\n"
        "其中: 保险费收入\n"
        "13,098.76\n"
        "利息收入\n"
        "92.67\n"
    )
    record = _only_accounts(parse_text(text))
    assert record.money_unit == "万元"
    assert (str(record.totals.income), str(record.totals.income_contributions)) == (
        "43436.13",
        "26074.42",
    )
    assert list(record.funds) == [Fund.public_pension]
    assert _row(record.funds[Fund.public_pension])[:3] == ("15390.47", "13098.76", "92.67")


def test_balances_under_a_bare_fund_name_and_opening_balances() -> None:
    text = (
        "2020年某某县社会保险基金决算结余表\n"
        "项目\t决算数\n"
        "社会保险基金本年收支结余\t60.00\n"
        "一、失业保险基金\t\n"
        "上年滚存结余\t500.00\n"
        "本年收支结余\t60.00\n"
        "年末滚存结余\t560.00\n"
    )
    record = _only_accounts(parse_text(text))
    unemployment = record.funds[Fund.unemployment]
    assert (unemployment.balance, unemployment.closing_balance) == (
        Decimal("60.00"),
        Decimal("560.00"),
    )
    assert record.totals.balance == Decimal("60.00")
    assert record.totals.closing_balance is None  # 上年滚存结余 is no member
