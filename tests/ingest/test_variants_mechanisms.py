"""The general mechanisms behind the variant fixes, each on a small table written here
by hand (``→`` stands for a tab): label tails, monitoring nodes, titles the segmenter
did not take, 指标性质/计量单位 columns, sub-headings, repeated headings, lost blank
cells one cell per line, list items, the 决策/过程/产出/效益 tree."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from jixiao.ingest.grid import read_rows
from jixiao.ingest.locality import node_month, period_of
from jixiao.ingest.project import detect_project_kind, read_project_record
from jixiao.ingest.project.cells import key_of
from jixiao.ingest.project.indicators import qualified_target
from jixiao.ingest.rows import Row
from jixiao.records import Amount, Budget

D = Decimal
n = None


def tsv(*lines: str) -> list[Row]:
    return read_rows("\n".join(line.replace("→", "\t") for line in lines))


def cell_lines(*cells: str) -> list[Row]:
    return read_rows("\n".join(cells))


def rows_of(record: Any) -> list[tuple[Any, ...]]:
    return [
        (
            i.level1,
            i.level2,
            i.name,
            i.target,
            i.actual,
            i.completion_pct,
            i.weight,
            i.score,
            i.note,
        )
        for i in record.indicators
    ]


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("全年预算数（A）", "全年预算数"),
        ("执行率（B/A）", "执行率"),
        ("执行率(B/A×100%)", "执行率"),
        ("产出指标（50分）", "产出指标"),
        ("分值(10)", "分值"),
        ("参保人数（人）", "参保人数人"),  # a unit is part of an indicator name
        ("城乡居民政府补助标准(中央补助)", "城乡居民政府补助标准中央补助"),
    ],
)
def test_label_tails_that_do_not_change_the_label(label: str, key: str) -> None:
    assert key_of(label) == key


@pytest.mark.parametrize(
    ("text", "month"),
    [("1-6月执行数", 6), ("1—6月完成值", 6), ("1月-7月执行数", 7), ("截至6月底执行数", 6),
     ("截止2021年9月30日完成情况", 9), ("上半年完成值", 6), ("全年执行数", None), ("6月", None)],
)  # fmt: skip
def test_monitoring_node_of_a_column_label(text: str, month: int | None) -> None:
    assert node_month(text) == month


def test_period_printed_as_a_range_is_its_last_month() -> None:
    assert period_of("2022年1-6月") == "2022-06"
    assert period_of("1-6月", 2022) == "2022-06"
    assert period_of("2022年1月-6月") == "2022-06"
    assert period_of("2020年6月30日") == "2020-06"


def test_operator_and_unit_columns_qualify_the_target_reading() -> None:
    assert qualified_target("95", "≥", "%") == "≥95%"
    assert qualified_target("≥95", "≥", "%") == "≥95%"  # the operator printed twice is kept once
    assert qualified_target("30", "≤", "日") == "≤30日"
    assert qualified_target("95%", None, "%") is None  # the unit is already there
    assert qualified_target("按时发放", "定性", None) is None
    assert qualified_target("100", "=", "/") == "=100"


def test_title_line_the_segmenter_did_not_take_names_the_kind() -> None:
    rows = tsv(
        "伽师县医疗保障局2021年项目支出绩效运行监控表",
        "项目名称→城乡居民基本医疗保险",
        "一级指标→二级指标→三级指标→年度指标值→1-6月完成值",
        "产出指标→数量指标→参保人数→≥80万人→79.6万人",
    )
    assert detect_project_kind(rows, None) == "monitoring"
    record = read_project_record(rows, "monitoring")
    assert record.title == "伽师县医疗保障局2021年项目支出绩效运行监控表"
    assert (record.region, record.year, record.period) == ("伽师县", 2021, "2021-06")


def test_month_qualified_columns_tell_a_monitoring_table() -> None:
    rows = tsv(
        "资金情况→全年预算数→截至6月底执行数",
        "→100.00→45.00",
        "一级指标→二级指标→三级指标→年度指标值→实际完成值",
    )
    assert detect_project_kind(rows, None) == "monitoring"
    assert detect_project_kind(tsv("一级指标→二级指标→三级指标→年度指标值→实际完成值"), None) == (
        "self_evaluation"
    )


def test_sub_heading_row_under_a_wide_heading_is_not_an_indicator() -> None:
    rows = tsv(
        "一级指标→二级指标→三级指标→年度指标值→1-6月完成值→偏差原因分析→→→完成目标可能性",
        "→→→→→经费保障→制度保障→其他→",
        "产出指标→数量指标→参保人数→≥80万人→79万人→→→扩面进度慢→有可能",
    )
    record = read_project_record(rows, "monitoring", title="某县项目支出绩效目标执行监控表")
    assert rows_of(record) == [
        ("产出指标", "数量指标", "参保人数", "≥80万人", "79万人", n, n, n, "扩面进度慢")
    ]


def test_repeated_heading_one_cell_per_line_keeps_an_indicator_named_like_a_column() -> None:
    rows = cell_lines(
        "一级指标", "二级指标", "三级指标", "指标值", "完成率",
        "产出指标", "数量指标", "参保人数", "≥80万人", "99%",
        "- 2 -",
        "一级指标", "二级指标", "三级指标", "指标值", "完成率",
        "参保缴费完成率", "≥95%", "96%",
    )  # fmt: skip
    record = read_project_record(rows, "monitoring", title="某县绩效监控表")
    assert [(i.name, i.target, i.completion_pct) for i in record.indicators] == [
        ("参保人数", "≥80万人", D(99)),
        ("参保缴费完成率", "≥95%", D(96)),
    ]


def test_a_note_one_cell_per_line_stays_with_its_row() -> None:
    rows = cell_lines(
        "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
        "偏差原因分析及改进措施",
        "产出指标", "数量指标", "参保人数", "≥2万人", "1.9万人", "20", "19", "断缴增多",
        "待遇人数", "≥8000人", "8100人", "20", "20",
        "效益指标", "社会效益指标", "基本生活保障", "有效保障", "有效保障", "30", "30",
    )  # fmt: skip
    record = read_project_record(rows, "self_evaluation", title="某县绩效自评表")
    assert [(i.name, i.score, i.note) for i in record.indicators] == [
        ("参保人数", D(19), "断缴增多"),
        ("待遇人数", D(20), n),
        ("基本生活保障", D(30), n),
    ]


def test_budget_line_that_lost_its_blank_cell_one_cell_per_line() -> None:
    """上年结转资金 has no 年初预算数: its values go under the right columns."""
    rows = cell_lines(
        "项目名称", "某项目",
        "项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
        "年度资金总额", "100.00", "120.00", "110.00", "10", "91.67%", "9.17",
        "上年结转资金", "20.00", "10.00", "—", "50.00%", "—",
        "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
    )  # fmt: skip
    record = read_project_record(rows, "self_evaluation", title="某县绩效自评表")
    assert record.budget == Budget(
        initial=Amount(total=D("100.00")),
        planned=Amount(total=D("120.00"), carryover=D("20.00")),
        executed=Amount(total=D("110.00"), carryover=D("10.00")),
        execution_rate_pct=D("91.67"),
        weight=D(10),
        score=D("9.17"),
    )


def test_goal_items_one_cell_per_line_stay_in_their_text() -> None:
    rows = cell_lines(
        "项目名称", "某项目", "年度总体目标", "预期目标", "实际完成情况",
        "1、按时发放待遇；", "2、基金收支平衡。", "1、按时发放；", "2、当期结余10万元。",
        "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
    )  # fmt: skip
    record = read_project_record(rows, "self_evaluation", title="某县绩效自评表")
    assert record.goal == "1、按时发放待遇；2、基金收支平衡。"
    assert record.progress == "1、按时发放；2、当期结余10万元。"


def test_satisfaction_is_a_level2_only_in_the_fund_budget_tree() -> None:
    fund_tree = tsv(
        "一级指标→二级指标→三级指标→指标值",
        "决策→项目立项→立项规范性→规范",
        "效益→项目效益→权益保障→有效保障",
        "→满意度→参保人员满意度→≥90%",
    )
    project_tree = tsv(
        "一级指标→二级指标→三级指标→指标值",
        "产出→数量指标→参保人数→≥1万人",
        "效益→社会效益指标→权益保障→有效保障",
        "满意度→服务对象满意度指标→参保人员满意度→≥90%",
    )
    fund = read_project_record(fund_tree, "target", title="某县绩效目标表")
    project = read_project_record(project_tree, "target", title="某县绩效目标表")
    assert [(i.level1, i.level2) for i in fund.indicators][-1] == ("效益", "满意度")
    assert [(i.level1, i.level2) for i in project.indicators][-1] == (
        "满意度",
        "服务对象满意度指标",
    )


def test_indicator_named_after_a_header_label_does_not_end_the_table() -> None:
    rows = tsv(
        "项目名称→某项目",
        "一级指标→二级指标→三级指标→指标值",
        "满意度指标→服务对象满意度指标→服务对象满意度→≥90%",
        "→→预算部门满意度→≥85%",
        "项目名称：下一个项目",
    )
    record = read_project_record(rows, "target", title="某县绩效目标表")
    assert [i.name for i in record.indicators] == ["服务对象满意度", "预算部门满意度"]


def test_amount_printed_on_the_unit_row() -> None:
    rows = tsv("预算单位→某县社会保险中心→资金总额→3,456.00", "一级指标→二级指标→三级指标→指标值")
    record = read_project_record(rows, "target", title="某县绩效目标表")
    assert (record.unit, record.budget) == (
        "某县社会保险中心",
        Budget(planned=Amount(total=D("3456.00"))),
    )


def test_a_monitoring_table_printing_only_the_initial_budget_plans_with_it() -> None:
    rows = tsv(
        "项目资金→年初预算数→1-7月执行数→1-7月执行率→全年预计执行数",
        "年度资金总额→100.00→60.00→60.00%→100.00",
        "一级指标→二级指标→三级指标→年度指标值→1-7月执行情况",
    )
    record = read_project_record(rows, "monitoring", title="某县项目支出绩效目标执行监控表")
    assert record.budget == Budget(
        planned=Amount(total=D("100.00")),
        executed=Amount(total=D("60.00")),
        execution_rate_pct=D("60.00"),
    )
