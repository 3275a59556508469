"""绩效目标表 variants from other counties and tools: titles naming the fund budget or
the 申报表, labels with their value in the same cell, 主管部门及代码, 资金情况 with
本年财政拨款/上年结转, 计量单位 and 指标性质 columns, full-width digits, a table
with no 二级指标 column, the 成本指标 tree of 财预〔2021〕101号, tables without a title
split over pages. Expectations are read off the printed documents by hand."""

from __future__ import annotations

from typing import Any

import pytest
from test_variants_support import STYLES, D, header, indicators, n, read_doc, read_grid

from jixiao.records import Amount, Budget


def expr(indicator: Any) -> tuple[Any, ...]:
    e = indicator.target_expr
    return (e.kind, e.op, e.value, e.unit)


@pytest.mark.parametrize("style", STYLES)
def test_county_fund_budget_target(style: str) -> None:
    """``项目名称：`` with its value in the cell, 主管部门及代码, a 计量单位 column and
    targets printed with full-width digits, ＞ and ≧."""
    [record] = read_grid("target_county_fund", style)
    assert header(record) == (
        "target", "伽师县2022年度社会保险基金预算绩效目标表", "伽师县", 2022, "resident_pension",
        "万元", "伽师县城乡居民基本养老保险基金支出", "伽师县社会保险中心",
        "伽师县人力资源和社会保障局[321001]",
    )  # fmt: skip
    assert record.budget == Budget(
        planned=Amount(
            total=D("12345.60"), fiscal=D("2345.60"), carryover=D("0.00"), other=D("10000.00")
        )
    )
    assert (
        record.goal
        == "1、确保城乡居民养老金按时足额发放；2、参保率稳定在95%以上；3、基金运行平稳。"
    )
    assert (record.progress, record.deviation) == (None, None)
    assert indicators(record) == [
        ("产出指标", "数量指标", "参保人数", "≥１２０００", n, n, n, n, n),
        ("产出指标", "数量指标", "待遇领取人数", "≥3500", n, n, n, n, n),
        ("产出指标", "质量指标", "养老金发放准确率", "≥９５％", n, n, n, n, n),
        ("产出指标", "时效指标", "养老金发放时效", "每月10日前", n, n, n, n, n),
        ("产出指标", "成本指标", "基础养老金月最低标准", "＞170", n, n, n, n, n),
        ("效益指标", "社会效益指标", "保障城乡居民老年基本生活", "有效保障", n, n, n, n, n),
        ("效益指标", "可持续影响指标", "基金可支付月数", "≧12", n, n, n, n, n),
        ("满意度指标", "服务对象满意度指标", "参保群众满意度", "≥90%", n, n, n, n, n),
    ]
    # the 计量单位 column gives the unit the 指标值 leaves out
    assert [expr(i) for i in record.indicators] == [
        ("comparison", "≥", D(12000), "人"),
        ("comparison", "≥", D(3500), "人"),
        ("comparison", "≥", D(95), "%"),
        ("schedule", n, n, n),
        ("comparison", ">", D(170), "元"),
        ("qualitative", n, n, n),
        ("comparison", "≥", D(12), "月"),
        ("comparison", "≥", D(90), "%"),
    ]


def test_marker_declaration_form_with_operator_and_unit_columns() -> None:
    """marker: the title in the table's first row, ``<b>`` labels, ``<br>`` between the
    numbered goals, 指标性质｜指标值｜度量单位｜权重 columns."""
    [record] = read_doc("target_marker_columns.md")
    assert header(record) == (
        "target", "2023年项目支出绩效目标申报表", "英吉沙县", 2023, "resident_medical", "万元",
        "英吉沙县城乡居民基本医疗保险基金支出", "英吉沙县医疗保障局", "[107]英吉沙县医疗保障局",
    )  # fmt: skip
    assert record.budget == Budget(
        planned=Amount(
            total=D("9876.54"), fiscal=D("3210.00"), carryover=D("0.00"), other=D("6666.54")
        )
    )
    assert record.goal == (
        "1、参保率稳定在95%以上；2、政策范围内住院费用基金支付比例达到70%左右；3、基金收支平衡。"
    )
    # the printed 指标值 is the target; 指标性质 and 度量单位 qualify its reading
    assert indicators(record) == [
        ("产出指标", "数量指标", "参保人数", "25.6", n, n, D(20), n, n),
        ("产出指标", "数量指标", "住院人次", "1.8", n, n, D(10), n, n),
        ("产出指标", "质量指标", "政策范围内住院费用基金支付比例", "70", n, n, D(20), n, n),
        ("产出指标", "时效指标", "医疗费用结算时限", "30", n, n, D(10), n, n),
        ("效益指标", "社会效益指标", "减轻群众就医负担", "明显减轻", n, n, D(20), n, n),
        ("满意度指标", "服务对象满意度指标", "参保群众满意度", "90", n, n, D(10), n, n),
    ]
    assert [expr(i) for i in record.indicators] == [
        ("comparison", "≥", D("25.6"), "万人"),
        ("comparison", "≥", D("1.8"), "万人次"),
        ("comparison", "≥", D(70), "%"),
        ("comparison", "≤", D(30), "日"),
        ("qualitative", n, n, n),
        ("comparison", "≥", D(90), "%"),
    ]


WIDE_INDICATORS = [
    ("产出指标", "数量指标", "企业退休人员领取待遇人数", "≥5,200人", n, n, n, n, n),
    ("产出指标", "数量指标", "参保缴费人数", "≥12,800人", n, n, n, n, n),
    ("产出指标", "质量指标", "养老金社会化发放率", "100%", n, n, n, n, n),
    ("产出指标", "时效指标", "养老金发放时效", "每月15日前", n, n, n, n, n),
    ("产出指标", "成本指标", "人均月基本养老金", "≥2,800元", n, n, n, n, n),
    ("效益指标", "社会效益指标", "退休人员基本生活保障", "有效保障", n, n, n, n, n),
    ("满意度指标", "服务对象满意度指标", "退休人员满意度", "≥95%", n, n, n, n, n),
]


@pytest.mark.parametrize("style", STYLES)
def test_yuan_amounts_and_headings_over_two_columns(style: str) -> None:
    """金额单位：元 with thousands separators, 资金总额 and 本年财政拨款 on one row,
    三级指标 and 指标值 each printed over two columns (docling repeats them)."""
    [record] = read_grid("target_wide_columns", style)
    assert header(record) == (
        "target", "阿克陶县2024年度社会保险基金预算绩效目标表", "阿克陶县", 2024,
        "enterprise_pension", "元", "阿克陶县企业职工基本养老保险基金支出",
        "阿克陶县社会保险中心", "阿克陶县人力资源和社会保障局",
    )  # fmt: skip
    assert record.budget == Budget(
        planned=Amount(
            total=D("116080500.00"),
            fiscal=D("16080500.00"),
            carryover=D("0.00"),
            other=D("100000000.00"),
        )
    )
    assert record.goal == (
        "1、确保企业退休人员养老金按时足额发放；2、按国家政策调整基本养老金；3、基金收支平衡。"
    )
    assert indicators(record) == WIDE_INDICATORS
    assert record.indicators[0].target_expr is not None
    assert record.indicators[0].target_expr.value == D(5200)


def test_untitled_tables_between_attachment_lines_and_page_numbers() -> None:
    """Two 目标表 without titles, each after an ``附件N:`` line; the first goes over a
    page (``- 7 -``) and repeats its heading row there."""
    first, second = read_doc("target_untitled_pages.tsv.txt")
    assert header(first) == (
        "target", n, "巴楚县", 2022, "employee_medical", "万元", "城镇职工基本医疗保险基金支出",
        "巴楚县医疗保障局", n,
    )  # fmt: skip
    assert first.budget == Budget(planned=Amount(total=D("6120.00"), fund_money=D("6120.00")))
    assert first.goal == "保障参保职工基本医疗待遇，基金收支平衡，略有结余。"
    assert indicators(first) == [
        ("产出指标", "数量指标", "参保人数", "≥3.2万人", n, n, n, n, n),
        ("产出指标", "数量指标", "住院人次", "≥4500人次", n, n, n, n, n),
        ("产出指标", "质量指标", "住院费用报销比例", "≥75%", n, n, n, n, n),
        ("产出指标", "时效指标", "医疗费用结算时效", "30日内", n, n, n, n, n),
        ("效益指标", "社会效益指标", "减轻参保职工就医负担", "成效明显", n, n, n, n, n),
        ("满意度指标", "服务对象满意度指标", "参保职工满意度", "≥90%", n, n, n, n, n),
    ]
    assert header(second) == (
        "target", n, "巴楚县", 2022, "resident_medical", "万元", "城乡居民基本医疗保险基金支出",
        "巴楚县医疗保障局", n,
    )  # fmt: skip
    assert second.budget == Budget(
        planned=Amount(total=D("21345.00"), fiscal=D("14200.00"), other=D("7145.00"))
    )
    assert (
        second.goal == "1、城乡居民参保率稳定在95%以上；2、政策范围内住院费用基金支付比例70%左右。"
    )
    assert indicators(second) == [
        ("产出指标", "数量指标", "参保人数", "≥28万人", n, n, n, n, n),
        ("产出指标", "质量指标", "政策范围内住院费用基金支付比例", "≥70%", n, n, n, n, n),
        ("效益指标", "可持续影响指标", "基金可支付月数", "≥6个月", n, n, n, n, n),
        ("满意度指标", "服务对象满意度指标", "参保居民满意度", "≥90%", n, n, n, n, n),
    ]


def test_table_without_level2_column_and_amount_beside_the_unit() -> None:
    """一级指标｜三级指标｜目标值 only (no 二级), 成本指标 first; 资金总额 printed on the
    预算单位 row; ``单位：万元`` under the title."""
    [record] = read_doc("target_no_level2.tsv.txt")
    assert header(record) == (
        "target", "图木舒克市2023年城乡居民基本养老保险基金绩效目标表", "图木舒克市", 2023,
        "resident_pension", "万元", "图木舒克市城乡居民基本养老保险基金支出",
        "图木舒克市社会保险事业管理局", n,
    )  # fmt: skip
    assert record.budget == Budget(planned=Amount(total=D("3456.00")))
    assert record.goal == "确保城乡居民基础养老金按时足额发放。"
    assert indicators(record) == [
        ("成本指标", n, "人均基础养老金月标准", "≥250元", n, n, n, n, n),
        ("产出指标", n, "待遇领取人数", "≥1.1万人", n, n, n, n, n),
        ("产出指标", n, "养老金发放准确率", "100%", n, n, n, n, n),
        ("效益指标", n, "老年居民生活保障水平", "稳步提高", n, n, n, n, n),
        ("满意度指标", n, "参保居民满意度", "≥90%", n, n, n, n, n),
    ]


def test_cost_indicators_as_a_first_level_group() -> None:
    """财预〔2021〕101号: 成本指标 is a 一级 with 经济成本指标 / 社会成本指标 under it."""
    [record] = read_doc("target_cost_tree.tsv.txt")
    assert header(record) == (
        "target", "2022年度项目支出绩效目标表", "叶城县", 2022, "employee_medical", n,
        "叶城县职工基本医疗保险（含生育保险）基金支出", "叶城县医疗保障局", "叶城县医疗保障局",
    )  # fmt: skip
    assert record.budget == Budget(
        planned=Amount(total=D("4560.00"), fiscal=D("0.00"), other=D("4560.00"))
    )
    assert indicators(record) == [
        ("成本指标", "经济成本指标", "人均住院费用", "≤9000元", n, n, n, n, n),
        ("成本指标", "社会成本指标", "基金当期赤字", "=0", n, n, n, n, n),
        ("产出指标", "数量指标", "参保人数", "≥2.4万人", n, n, n, n, n),
        ("产出指标", "质量指标", "生育津贴发放准确率", "100%", n, n, n, n, n),
        ("效益指标", "社会效益指标", "减轻职工医疗负担", "成效明显", n, n, n, n, n),
        ("满意度指标", "服务对象满意度指标", "参保职工满意度", "≥90%", n, n, n, n, n),
    ]


def test_contact_labels_with_colons_inside_the_header_block() -> None:
    [record] = read_doc("target_colon_contacts.tsv.txt")
    assert record.project == "阿克陶县企业职工基本养老保险基金支出"
    assert record.budget.planned is not None
    assert indicators(record) == WIDE_INDICATORS


def test_heading_repeated_on_a_new_page_when_it_is_the_first_row() -> None:
    records = read_doc("target_heading_first_pages.tsv.txt")
    assert len(records) == 1
    assert [i.name for i in records[0].indicators] == [
        "工伤保险参保人数", "工伤认定人数", "工伤认定准确率", "工伤待遇支付时效",
        "工伤职工合法权益保障", "工伤职工满意度",
    ]  # fmt: skip
