"""The indicator table under extraction damage: shifted cells, lost level cells,
ambiguous labels, lost rows (one cell per line) and duplicated merged cells.

Each table is written here by hand; ``→`` stands for a tab.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from test_variants_support import indicators

from jixiao.ingest.grid import read_rows
from jixiao.ingest.project import read_project_record
from jixiao.ingest.rows import Row

D = Decimal
MONITORING_HEAD = (
    "四、年度绩效指标完成情况→一级指标→二级指标→三级指标→→预期指标值→指标完成值→指标完成率"
)
SCORED_HEAD = "→一级指标→二级指标→三级指标→年度指标值→实际完成值→分值→得分→偏差原因分析及改进措施"
TARGET_HEAD = "一级指标→二级指标→三级指标→指标值"


def tsv(*lines: str) -> list[Row]:
    return read_rows("\n".join(line.replace("→", "\t") for line in lines))


def cell_lines(*cells: str) -> list[Row]:
    return read_rows("\n".join(cells))


def read(rows: list[Row], kind: Any) -> list[tuple[Any, ...]]:
    return indicators(read_project_record(rows, kind, title="某县绩效表"))


def short(rows: list[tuple[Any, ...]], *fields: int) -> list[tuple[Any, ...]]:
    return [tuple(r[f] for f in fields) for r in rows]


def test_monitoring_row_shifted_right_keeps_columns_by_its_labels() -> None:
    # second row stands one column right and has no 完成率: 100% / 100% are target and actual
    rows = tsv(
        MONITORING_HEAD,
        "→产出指标→数量指标→参保人数→→≥95%→96%→50.00%",
        "→→效益指标→社会效益指标→基金使用符合政策规定→→100%→100%",
    )
    assert short(read(rows, "monitoring"), 0, 1, 2, 3, 4, 5) == [
        ("产出指标", "数量指标", "参保人数", "≥95%", "96%", D("50.00")),
        ("效益指标", "社会效益指标", "基金使用符合政策规定", "100%", "100%", None),
    ]


def test_monitoring_row_shifted_left_without_levels() -> None:
    # name in the 一级 column, an empty cell between target and actual
    rows = tsv(
        MONITORING_HEAD,
        "→产出指标→时效指标→按时报送季报→→每季度结束后的,15日内→按时报送→50%",
        "→及时报送决算数据→每年度结束后的,20日内→→未达成预期指标且效果较差→33.33%→→",
    )
    assert read(rows, "monitoring")[1][:6] == (
        "产出指标",
        "时效指标",
        "及时报送决算数据",
        "每年度结束后的,20日内",
        "未达成预期指标且效果较差",
        D("33.33"),
    )


def test_completion_dash_and_no_node_are_null() -> None:
    rows = tsv(
        MONITORING_HEAD,
        "→满意度指标→满意度指标→参保人员满意度→→≥90%→未达监控节点→/",
        "→→→建档立卡人员满意度→→≥90%→95%→未达监控节点",
    )
    assert short(read(rows, "monitoring"), 4, 5) == [("未达监控节点", None), ("95%", None)]


def test_level2_resets_when_level1_changes_without_one() -> None:
    rows = tsv(
        TARGET_HEAD,
        "产出指标→质量指标→发放准确率→≥99%",
        "项目效益→让离退休人员安享晚年→充分发挥社会保险的职能作用",  # name in the 二级 column
        "→可持续影响指标→上访率→≤0.1%",
    )
    assert short(read(rows, "target"), 0, 1, 2, 3) == [
        ("产出指标", "质量指标", "发放准确率", "≥99%"),
        ("项目效益", None, "让离退休人员安享晚年", "充分发挥社会保险的职能作用"),
        ("项目效益", "可持续影响指标", "上访率", "≤0.1%"),
    ]


def test_ambiguous_labels_follow_the_current_group() -> None:
    rows = tsv(
        TARGET_HEAD,
        "产出指标→数量指标→参保人数→≥8万人",
        "成本指标→人均代缴标准→100元",  # a 二级 of 产出
        "效益指标→社会效益指标→上访率→≤1%",
        "成本指标→社会成本指标→违规金额→≤0",  # 成本 as its own 一级 (财预〔2021〕101号)
        "满意度指标→参保人员满意度→≥90%",  # a lone 满意度指标 opens the 满意度 group
    )
    assert short(read(rows, "target"), 0, 1, 2) == [
        ("产出指标", "数量指标", "参保人数"),
        ("产出指标", "成本指标", "人均代缴标准"),
        ("效益指标", "社会效益指标", "上访率"),
        ("成本指标", "社会成本指标", "违规金额"),
        ("满意度指标", None, "参保人员满意度"),
    ]


def test_unknown_level_label_ending_in_zhibiao() -> None:
    rows = tsv(TARGET_HEAD, "产出指标→安全保障指标→数据泄露次数→0次")
    assert short(read(rows, "target"), 0, 1, 2, 3) == [
        ("产出指标", "安全保障指标", "数据泄露次数", "0次")
    ]


def test_scores_are_the_trailing_numbers_wherever_they_stand() -> None:
    rows = tsv(
        SCORED_HEAD,
        "年度绩效指标完成情况→产出指标→数量指标→参保人数→≥1万人→0.98万人→20→19.6→个别单位断缴",
        "→→→违规使用基金情况→≤0→0→10→10→→",
        # shifted one column right; a blank 得分 is null, not taken from the 分值
        "→→→→待遇发放准确率→≥99%→100%→10→→",
    )
    assert short(read(rows, "self_evaluation"), 2, 3, 4, 6, 7, 8) == [
        ("参保人数", "≥1万人", "0.98万人", D("20"), D("19.6"), "个别单位断缴"),
        ("违规使用基金情况", "≤0", "0", D("10"), D("10"), None),
        ("待遇发放准确率", "≥99%", "100%", D("10"), None, None),
    ]


def test_row_without_its_name_gives_target_and_actual() -> None:
    # "→项目效益→社会效益指标→充分发挥…→充分发挥…→15→15": the 三级指标 was not printed
    role = "充分发挥社会保险的职能作用"
    rows = tsv(SCORED_HEAD, f"→项目效益→社会效益指标→{role}→{role}→15→15→→")
    assert short(read(rows, "self_evaluation"), 2, 3, 4, 6, 7) == [
        (None, role, role, D("15"), D("15"))
    ]


def test_monitoring_cell_stream() -> None:
    rows = cell_lines(
        "一级指标",
        "二级指标",
        "三级指标",
        "预期指标值",
        "指标完成值",
        "指标完成率",
        "产出指标",
        "数量指标",
        "参保人数",
        "≥95%",
        "95.00%",
        "24.94%",
        "基金使用符合政策规定",
        "100%",
        "100%",
        "95.00%",
        "满意度指标",
        "满意度指标",
        "参保人员满意度",
        "≥95%",
        "未达监控节点",
        "/",
    )
    assert short(read(rows, "monitoring"), 0, 1, 2, 3, 4, 5) == [
        ("产出指标", "数量指标", "参保人数", "≥95%", "95.00%", D("24.94")),
        ("产出指标", "数量指标", "基金使用符合政策规定", "100%", "100%", D("95.00")),
        ("满意度指标", "满意度指标", "参保人员满意度", "≥95%", "未达监控节点", None),
    ]


def test_self_evaluation_cell_stream_with_numeric_actual() -> None:
    # the actual "0" is a plain number like the 分值 and 得分 after it
    rows = cell_lines(
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
        "效益指标",
        "社会效益指标",
        "违规使用基金情况",
        "≤0",
        "0",
        "7.5",
        "7.5",
        "社会面平稳有序，上访率",
        "≤1%",
        "0%",
        "7.5",
        "7.5",
    )
    assert short(read(rows, "self_evaluation"), 2, 3, 4, 6, 7) == [
        ("违规使用基金情况", "≤0", "0", D("7.5"), D("7.5")),
        ("社会面平稳有序，上访率", "≤1%", "0%", D("7.5"), D("7.5")),
    ]


def test_name_on_its_own_line_joins_the_values_row() -> None:
    # wrapped text: a long name printed above its values
    rows = [
        Row(
            ["一级指标", "二级指标", "三级指标", "预期指标值", "指标完成值", "指标完成率"],
            1,
            "wrapped",
        ),
        Row(["产出指标"], 2, "wrapped"),
        Row(["数量指标"], 3, "wrapped"),
        Row(["享受稳定岗位补贴企业参加失业保险人数"], 4, "wrapped"),
        Row(["9.33万人", "8.44万人", "45%"], 5, "wrapped"),
        Row(["享受失业补助金人数", "2052人", "3301人", "80%"], 6, "wrapped"),
    ]
    assert short(read(rows, "monitoring"), 0, 1, 2, 3, 4, 5) == [
        (
            "产出指标",
            "数量指标",
            "享受稳定岗位补贴企业参加失业保险人数",
            "9.33万人",
            "8.44万人",
            D("45"),
        ),
        ("产出指标", "数量指标", "享受失业补助金人数", "2052人", "3301人", D("80")),
    ]


def test_docling_duplicated_name_is_read_once() -> None:
    rows = read_rows(
        "| 一级指标 | 二级指标 | 三级指标 | 三级指标 | 指标值 |\n"
        "|---|---|---|---|---|\n"
        "| 产出指标 | 数量指标 | 住院待遇享受人次 | 住院待遇享受人次 | >=20 万人次 |\n"
        "| 产出指标 | 数量指标 | 门诊待遇享受人次 | 门诊待遇享受人次 | >=400 万人次 |\n"
    )
    assert short(read(rows, "target"), 0, 1, 2, 3) == [
        ("产出指标", "数量指标", "住院待遇享受人次", "≥20万人次"),
        ("产出指标", "数量指标", "门诊待遇享受人次", "≥400万人次"),
    ]


def test_table_ends_at_total_deviation_and_footer() -> None:
    rows = tsv(
        SCORED_HEAD,
        "→产出指标→数量指标→参保人数→≥1万人→1万人→90→90→",
        "总分→→→→→→100→99",
        "填报人：张三→联系电话：12345678901",
    )
    record = read_project_record(rows, "self_evaluation")
    assert len(record.indicators) == 1
    assert (record.total_weight, record.total_score) == (D("100"), D("99"))
    assert record.deviation is None


def test_unknown_column_takes_its_values() -> None:
    # a county's own 全年预计完成值 column between 指标完成值 and 指标完成率
    rows = tsv(
        "一级指标→二级指标→三级指标→预期指标值→指标完成值→全年预计完成值→指标完成率",
        "产出指标→数量指标→参保人数→≥95%→60%→100%→60.00%",
        "→→待遇发放准确率→≥99%→→→/",
    )
    assert short(read(rows, "monitoring"), 2, 3, 4, 5) == [
        ("参保人数", "≥95%", "60%", D("60.00")),
        ("待遇发放准确率", "≥99%", None, None),
    ]


def test_total_row_printed_as_heji() -> None:
    rows = tsv(SCORED_HEAD, "→产出指标→数量指标→参保人数→≥1万人→1万人→90→88→", "合计→→→→→100→98→")
    record = read_project_record(rows, "self_evaluation")
    assert (len(record.indicators), record.total_weight, record.total_score) == (
        1,
        D("100"),
        D("98"),
    )


def test_headings_with_a_period_in_front() -> None:
    rows = tsv(
        "一级指标→二级指标→三级指标→全年指标值→1-6月实际完成值→1-6月指标完成率",
        "产出指标→数量指标→参保人数→≥30万人→28万人→46.67%",
    )
    assert short(read(rows, "monitoring"), 2, 3, 4, 5) == [
        ("参保人数", "≥30万人", "28万人", D("46.67"))
    ]


def test_target_form_with_long_term_and_annual_goals() -> None:
    # 财政部 申报表: 总体目标 printed as 中长期目标 | 年度目标; the record keeps the year's
    rows = tsv(
        "项目名称→城乡居民基本医疗保险→主管部门→某县医疗保障局",
        "总体目标→中长期目标→→年度目标",
        "→保障参保人员长期待遇水平稳步提高。→→全年按时足额支付医疗待遇。",
        "一级指标→二级指标→三级指标→指标值",
        "产出指标→数量指标→参保人数→≥8万人",
    )
    record = read_project_record(rows, "target")
    assert record.goal == "全年按时足额支付医疗待遇。"
    assert (record.reporting_unit, len(record.indicators)) == ("某县医疗保障局", 1)


def test_page_numbers_between_rows_are_not_indicators() -> None:
    rows = tsv(
        TARGET_HEAD,
        "产出指标→数量指标→参保人数→≥8万人",
        "- 2 -",
        "→→待遇领取人数→≥1.2万人",
        "第3页",
        "→质量指标→发放准确率→≥99%",
    )
    assert short(read(rows, "target"), 1, 2) == [
        ("数量指标", "参保人数"),
        ("数量指标", "待遇领取人数"),
        ("质量指标", "发放准确率"),
    ]


@pytest.mark.parametrize(
    "label", ["偏差原因及纠偏措施", "五、绩效目标执行偏差及纠偏措施", "偏差原因及改进措施"]
)
def test_deviation_headings_the_vocabulary_lacks_close_the_indicators(label: str) -> None:
    rows = tsv(
        MONITORING_HEAD,
        "→产出指标→数量指标→参保人数→→≥100人→60人→60%",
        f"{label}→进度偏慢，已开展宣传。",
    )
    record = read_project_record(rows, "monitoring", title="某县绩效表")
    assert [i.name for i in record.indicators] == ["参保人数"]
    assert record.deviation == "进度偏慢，已开展宣传。"


def test_a_reason_type_column_of_ticks_is_not_the_note() -> None:
    rows = tsv(
        "一级指标→二级指标→三级指标→预期指标值→指标完成值→偏差原因类型→→偏差原因说明",
        "→→→→→经费保障→其他→",
        "产出指标→数量指标→参保人数→≥100人→60人→→√→参保宣传未到位",
    )
    assert short(read(rows, "monitoring"), 2, 3, 4, 8) == [
        ("参保人数", "≥100人", "60人", "参保宣传未到位")
    ]


def test_a_medium_term_target_column_is_not_the_years_target() -> None:
    rows = tsv(
        "一级指标→二级指标→三级指标→中期指标值→年度指标值",
        "产出指标→数量指标→参保人数→≥31万人→≥31.5万人",
    )
    assert short(read(rows, "target"), 2, 3) == [("参保人数", "≥31.5万人")]


def test_a_monitoring_table_keeps_no_initial_budget() -> None:
    # record-format: initial is a self-evaluation member only; beside 预算数 it is not kept
    rows = tsv(
        "预算执行情况→年初预算数→预算数→到位数→执行数→预算执行率",
        "→980.00→1000.00→1000.00→500.00→50.00%",
        MONITORING_HEAD,
        "→产出指标→数量指标→参保人数→→≥100人→60人→60%",
    )
    budget = read_project_record(rows, "monitoring", title="某县绩效表").budget
    assert budget.initial is None
    assert budget.planned is not None and budget.planned.total == D("1000.00")
