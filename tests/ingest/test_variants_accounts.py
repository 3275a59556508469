"""决算 tables of other counties and other extraction tools → one ``final_accounts`` record.

The documents in tests/fixtures/accounts_variants/ are hand-made, modelled on how
county and prefecture 社会保险基金决算 tables are published: the three tables
together or only some of them; one row per line item with funds as row groups, or
one column per fund; two-level headers with merged cells; 上年决算数 / 预算数 /
决算数为预算数的% / 行次 columns beside the 决算数; units in a 单位 line or in the
title; region and year in the title, only in a heading or in a 编制单位 line.

Every expectation below is read off the printed document by hand (record-format.md
§final_accounts), never copied from the program's output. Members are compared as
printed (``str`` of the number), in the order
(income, 保险费, 利息, 财政补贴, expenditure, 待遇支出, 本年收支结余, 年末滚存结余).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from jixiao.ingest import IngestError, parse_file, parse_text
from jixiao.ingest.styles.writers import rewrite_tables, write_cell_lines
from jixiao.records import FinalAccountsRecord, Fund, FundAccounts, Record

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "accounts_variants"
MEMBERS = tuple(FundAccounts.model_fields)  # the members in record order
n = None
Members = tuple[str | None, ...]

EP = Fund.enterprise_pension
PP = Fund.public_pension
RP = Fund.resident_pension
EM = Fund.employee_medical
RM = Fund.resident_medical
WI = Fund.work_injury
UN = Fund.unemployment
MA = Fund.maternity


@cache
def _records(name: str) -> list[Record]:
    return parse_file(FIXTURES / name)


def _accounts(name: str) -> FinalAccountsRecord:
    records = _records(name)
    assert [r.kind for r in records] == ["final_accounts"]
    record = records[0]
    assert isinstance(record, FinalAccountsRecord)
    return record


def _members(accounts: object) -> Members:
    return tuple(None if (v := getattr(accounts, m)) is None else str(v) for m in MEMBERS)


# Per document: (title, region, year, money_unit, fund), funds in code order, totals.
Expected = tuple[tuple[object, ...], dict[Fund, Members], Members]

# TSV (openpyxl dump); 2021年决算数 | 2022年预算数 | 2022年决算数 | 决算数为预算数的%:
# the 2022 决算数 is the record's figure, not the prior year's nor the budget.
DOC01: Expected = (
    ("阿图什市2022年社会保险基金决算收入表", "阿图什市", 2022, "万元", n),
    {
        EP: ("28640.15", "21305.40", "118.62", "6500.00",
             "30912.48", "30455.10", "-2272.33", "18406.77"),
        PP: ("19877.30", "16420.55", "86.75", "3370.00",
             "18951.62", "18902.40", "925.68", "10233.19"),
        RP: ("5318.44", "1402.30", "63.14", "3853.00",
             "3611.09", "3598.76", "1707.35", "13880.52"),
        # 四、城镇职工基本医疗保险基金收入（含生育保险）; 财政补贴收入 blank
        EM: ("12045.91", "11562.80", "93.11", n,
             "10880.26", "10203.45", "1165.65", "7915.02"),
        RM: ("9706.58", "2987.20", "41.38", "6678.00",
             "10254.13", "9980.66", "-547.55", "2208.40"),
        WI: ("1102.37", "1080.20", "22.17", n,
             "865.40", "861.15", "236.97", "2940.88"),
        # 其中：失业保险金支出 512.30
        UN: ("1480.66", "1421.09", "59.57", n,
             "1933.50", "512.30", "-452.84", "4105.63"),
        # 八、生育保险 rows are blank in all three tables: no entry
    },
    ("78171.41", "56179.54", "484.74", "20401.00",
     "77408.48", "74513.82", "762.93", "59690.41"),
)  # fmt: skip

# markdown (marker, padded, <br> in a header cell); one column per fund, 合计 first;
# 单位：亿元; 转移收入/上级补助收入/其他收入/转移支出/其他支出 are no members;
# the 结余表 opens with 一、上年末滚存结余 (no member).
DOC02: Expected = (
    ("克孜勒苏柯尔克孜自治州2021年社会保险基金决算收入表", "克孜勒苏柯尔克孜自治州", 2021,
     "亿元", n),
    {
        EP: ("15.82", "9.64", "0.21", "3.05", "17.36", "16.90", "-1.54", "22.47"),
        PP: ("12.05", "9.88", "0.07", "2.10", "11.42", "11.30", "0.63", "6.18"),
        RP: ("3.46", "0.92", "0.05", "2.49", "2.31", "2.28", "1.15", "7.92"),
        EM: ("8.77", "8.40", "0.09", n, "7.95", "7.51", "0.82", "9.63"),
        RM: ("6.24", "1.83", "0.03", "4.38", "6.61", "6.47", "-0.37", "1.26"),
        WI: ("0.58", "0.55", "0.03", n, "0.41", "0.39", "0.17", "1.35"),
        UN: ("0.73", "0.69", "0.04", n, "0.95", "0.28", "-0.22", "2.64"),
    },
    ("47.65", "31.91", "0.52", "12.02", "47.01", "45.13", "0.64", "51.45"),
)  # fmt: skip

# MinerU markdown: region and year only in the heading "# 墨玉县2022年度社会保险基金决算";
# table titles without either; HTML with 项目/预算数 rowspan=2 and 决算数 colspan=2 over
# 金额 | 为预算的%; 单位：元; sub-items numbered 1./2./3. without 其中; funds （一）…（四）.
DOC03: Expected = (
    ("社会保险基金决算收入表", "墨玉县", 2022, "元", n),
    {
        PP: ("231560418.27", "187330902.15", "1204516.12", "43025000.00",
             "219874035.60", "219210447.88", "11686382.67", "98402611.09"),
        RP: ("86931270.54", "18772300.00", "815470.54", "67343500.00",
             "61208943.17", "60995812.40", "25722327.37", "204331608.92"),
        UN: ("4107552.80", "3880120.00", "227432.80", n,
             "5316290.45", "1062880.00", "-1208737.65", "9771405.33"),
    },
    ("322599241.61", "209983322.15", "2247419.46", "110368500.00",
     "286399269.22", "281269140.28", "36199972.39", "312505625.34"),
)  # fmt: skip

# docx2txt (one cell per line, blank line between cells); only the 支出表; the unit
# printed in the title "（万元）"; 2023年预算数 | 2023年决算数, every figure printed.
DOC04: Expected = (
    ("2023年疏附县社会保险基金决算支出表（万元）", "疏附县", 2023, "万元", n),
    {
        PP: (n, n, n, n, "14206.55", "14150.30", n, n),
        RP: (n, n, n, n, "3017.82", "2998.47", n, n),
        EM: (n, n, n, n, "11340.67", "9875.21", n, n),
        RM: (n, n, n, n, "16920.48", "15402.66", n, n),
        WI: (n, n, n, n, "640.13", "628.90", n, n),
        UN: (n, n, n, n, "1205.76", "430.52", n, n),
        # 医疗费用支出 102.15 + 生育津贴支出 180.25
        MA: (n, n, n, n, "286.40", "282.40", n, n),
    },
    (n, n, n, n, "47617.81", "43768.46", n, n),
)  # fmt: skip

# docling markdown (merged text repeated in every covered position): a two-level
# header, 基本养老保险基金 over 企业职工 | 城乡居民 | 机关事业单位 and 基本医疗保险基金
# over 职工（含生育） | 城乡居民; only the 收入表 and the 支出表 (no 结余表).
DOC05: Expected = (
    ("2023年和田地区社会保险基金决算收入表", "和田地区", 2023, "万元", n),
    {
        EP: ("52318.06", "38105.44", "266.62", "13946.00", "58902.17", "58411.03", n, n),
        PP: ("63590.71", "49870.33", "402.38", "13318.00", "61244.85", "61010.92", n, n),
        RP: ("21774.39", "4802.15", "310.24", "16662.00", "15386.70", "15302.18", n, n),
        # 职工（含生育） is 职工基本医疗保险 with 生育 merged: employee_medical
        EM: ("40663.27", "39950.12", "713.15", n, "36205.49", "33877.60", n, n),
        RM: ("47120.88", "12433.52", "187.36", "34500.00", "45008.31", "43925.07", n, n),
        WI: ("2305.66", "2250.40", "55.26", n, "1876.02", "1850.33", n, n),
        UN: ("3118.95", "2996.18", "122.77", n, "4207.34", "1305.60", n, n),
    },
    ("230891.92", "150408.14", "2057.78", "78426.00", "222830.88", "215682.73", n, n),
)  # fmt: skip

# pdftotext -layout: columns padded with spaces (预算数 | 决算数 | 决算数为预算数%),
# a label wrapped onto the next line ("…（含生育" / "保险）"), a page break before the
# 结余表; only the 收入表 and the 结余表; region with the 自治县 suffix.
DOC06: Expected = (
    ("塔什库尔干塔吉克自治县2021年社会保险基金决算收入表", "塔什库尔干塔吉克自治县", 2021,
     "万元", n),
    {
        PP: ("9215.40", "7388.25", "42.15", "1785.00", n, n, "1032.18", "6820.44"),
        RP: ("2003.76", "386.40", "30.36", "1587.00", n, n, "586.09", "5117.90"),
        EM: ("4410.85", "4372.10", "38.75", n, n, n, "-412.56", "1903.27"),
        RM: ("3562.09", "720.33", "11.76", "2830.00", n, n, "-208.33", "640.12"),
    },
    ("19192.10", "12867.08", "123.02", "6202.00", n, n, "997.38", "14481.73"),
)  # fmt: skip

# TSV; only a 结余表 whose rows are funds and whose columns are the lines:
# 上年末滚存结余 (no member) | 本年收入 | 本年支出 | 本年收支结余 | 年末滚存结余;
# fund names without numbering; 合计 last.
DOC07: Expected = (
    ("英吉沙县2022年社会保险基金决算结余表", "英吉沙县", 2022, "万元", n),
    {
        EP: ("6312.77", n, n, n, "7005.31", n, "-692.54", "7757.66"),
        PP: ("8845.13", n, n, n, "8411.90", n, "433.23", "4535.89"),
        RP: ("2441.06", n, n, n, "1687.42", n, "753.64", "5983.75"),
        EM: ("5204.90", n, n, n, "5632.15", n, "-427.25", "2589.23"),
        RM: ("6027.44", n, n, n, "5880.02", n, "147.42", "1255.77"),
        WI: ("302.55", n, n, n, "210.88", n, "91.67", "996.79"),
        UN: ("410.23", n, n, n, "655.08", n, "-244.85", "1632.75"),
    },
    ("29544.08", n, n, n, "29482.76", n, "61.32", "24751.84"),
)  # fmt: skip

# PaddleOCR HTML (<thead> with <b>); one column per fund with 合计 LAST and a 行次
# column; "（单位：元）" in the title line; sub-items "其中：1.保险费收入", "2.利息收入".
DOC08: Expected = (
    ("2023年度巴楚县社会保险基金决算收入表（单位：元）", "巴楚县", 2023, "元", n),
    {
        PP: ("156330812.40", "128004615.22", "902197.18", "27424000.00",
             "149655207.91", "149208330.56", "6675604.49", "71208455.30"),
        RP: ("58442116.05", "11902400.00", "661216.05", "45878500.00",
             "39118620.74", "38975104.20", "19323495.31", "162775038.66"),
        WI: ("6210455.18", "6033810.00", "176645.18", n,
             "4887306.29", "4850112.03", "1323148.89", "18066930.41"),
        UN: ("5102733.60", "4815920.00", "286813.60", n,
             "7660548.12", "2310660.00", "-2557814.52", "14390206.77"),
    },
    ("226086117.23", "150756745.22", "2026872.01", "73302500.00",
     "201321683.06", "195344206.79", "24764434.17", "266440631.14"),
)  # fmt: skip

# TSV; one combined 收支决算表 (income, expenditure and balance in one table): the
# whole first, then one block per fund under a bare fund name, its lines numbered
# 1.基金收入 / 2.基金支出 / 3.本年收支结余 / 4.年末滚存结余.
DOC09: Expected = (
    ("2022年临泉县社会保险基金收支决算表", "临泉县", 2022, "万元", n),
    {
        EP: ("30240.55", "25118.30", "212.25", "4910.00",
             "33056.80", "32760.41", "-2816.25", "19402.77"),
        RP: ("21688.04", "5402.10", "160.94", "16125.00",
             "14230.66", "14101.35", "7457.38", "32815.40"),
        RM: ("42869.14", "12945.00", "329.14", "29595.00",
             "43125.90", "42870.16", "-256.76", "8611.35"),
    },
    ("94797.73", "43465.40", "702.33", "50630.00",
     "90413.36", "89731.92", "4384.37", "60829.52"),
)  # fmt: skip

# TSV (openpyxl dump); region only in "编制单位：泽普县社会保险中心"; 项目 | 行次 | 本年数 |
# 上年数 (no 决算 word in the header: 本年数 is the 决算数, 行次 is a line number);
# labels without numbering, half-width "其中:"; 合计 last, without sub-items.
DOC10: Expected = (
    ("2021年社会保险基金决算收入表", "泽普县", 2021, "万元", n),
    {
        EP: ("7420.36", "5912.44", "37.92", "1470.00", "8105.77", "8033.15", n, n),
        PP: ("10288.05", "8506.90", "61.15", "1720.00", "9874.30", "9840.02", n, n),
        RP: ("2990.48", "702.16", "25.32", "2263.00", "1956.21", "1948.87", n, n),
        WI: ("318.44", "310.10", "8.34", n, "275.60", "275.60", n, n),
        UN: ("451.07", "430.55", "20.52", n, "392.18", "140.25", n, n),
    },
    ("21468.40", n, n, n, "20604.06", n, n, n),
)  # fmt: skip

EXPECTED: dict[str, Expected] = {
    "01_atushi_tsv_prior_year_budget_columns.tsv": DOC01,
    "02_kizilsu_markdown_fund_columns.md": DOC02,
    "03_moyu_mineru_html_heading_only.md": DOC03,
    "04_shufu_docx2txt_expenditure_only.txt": DOC04,
    "05_hotan_docling_group_header.md": DOC05,
    "06_taxkorgan_pdftotext_layout.txt": DOC06,
    "07_yengisar_tsv_balance_metric_columns.tsv": DOC07,
    "08_maralbexi_paddle_html_total_last.md": DOC08,
    "09_linquan_tsv_combined_fund_blocks.tsv": DOC09,
    "10_zepu_tsv_line_numbers_total_last.tsv": DOC10,
}
DOCUMENTS = list(EXPECTED)


def test_every_fixture_has_expectations() -> None:
    assert sorted(p.name for p in FIXTURES.iterdir()) == sorted(DOCUMENTS)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_one_final_accounts_record(name: str) -> None:
    assert [r.kind for r in _records(name)] == ["final_accounts"]


@pytest.mark.parametrize("name", DOCUMENTS)
def test_header_fields(name: str) -> None:
    record = _accounts(name)
    got = (record.title, record.region, record.year, record.money_unit, record.fund)
    assert got == EXPECTED[name][0]


@pytest.mark.parametrize("name", DOCUMENTS)
def test_funds(name: str) -> None:
    record = _accounts(name)
    got = {fund: _members(accounts) for fund, accounts in record.funds.items()}
    expected = EXPECTED[name][1]
    assert got == expected
    assert list(record.funds) == list(expected)  # code order


@pytest.mark.parametrize("name", DOCUMENTS)
def test_totals(name: str) -> None:
    assert _members(_accounts(name).totals) == EXPECTED[name][2]


def _one_cell_per_line(text: str) -> str:
    """The document with every table printed one cell per line (docx2txt style)."""
    return rewrite_tables(text, write_cell_lines)


# Tables read by their rows' labels, and those printed one column per fund (the header
# names printed one per line before the figures: 02, 08, also with a 行次 column).
CELL_LINE_DOCUMENTS = [
    "01_atushi_tsv_prior_year_budget_columns.tsv",
    "02_kizilsu_markdown_fund_columns.md",
    "08_maralbexi_paddle_html_total_last.md",
    "10_zepu_tsv_line_numbers_total_last.tsv",
]


@pytest.mark.parametrize("name", CELL_LINE_DOCUMENTS)
def test_the_same_tables_printed_one_cell_per_line(name: str) -> None:
    records = parse_text(_one_cell_per_line((FIXTURES / name).read_text(encoding="utf-8")))
    assert [r.kind for r in records] == ["final_accounts"]
    record = records[0]
    assert isinstance(record, FinalAccountsRecord)
    expected = EXPECTED[name][1]
    assert list(record.funds) == list(expected)
    for fund, accounts in record.funds.items():
        got = _members(accounts)
        # income and expenditure rows print every fund: read in full
        assert (got[0], got[4]) == (expected[fund][0], expected[fund][4])
        # a row with blank cells lost them: its figures are left out, never misplaced
        assert all(g is None or g == e for g, e in zip(got, expected[fund], strict=True))


def test_fund_group_columns_printed_one_cell_per_line_are_refused_not_guessed() -> None:
    # 基本养老保险基金 over 企业职工｜城乡居民｜机关事业单位, one cell per line: which figure
    # belongs to which fund cannot be told, so nothing is read (before, every figure
    # went to the last fund named)
    text = _one_cell_per_line(
        (FIXTURES / "05_hotan_docling_group_header.md").read_text(encoding="utf-8")
    )
    with pytest.raises(IngestError, match="表头与数字的对应无法确定"):
        parse_text(text)
