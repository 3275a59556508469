"""绩效自评表 variants: the 财预〔2020〕10号 form with 全年预算数（A）/执行率（B/A）and
group points in the 一级 cells (产出指标（50分）), a 部门整体支出 form closed by 合计,
the 决策/过程/产出/效益 tree of a fund budget, the old unscored form, a template with
偏差大或目标未完成原因分析 rows, and a TSV whose rows are shifted. Expectations are read
off the printed documents by hand."""

from __future__ import annotations

from typing import Any

import pytest
from test_variants_support import STYLES, D, header, indicators, n, read_doc, read_grid

from jixiao.records import Amount, Budget

SCORED_AB_BUDGET = Budget(
    initial=Amount(total=D("8000.00"), fiscal=D("500.00"), other=D("7500.00")),
    planned=Amount(
        total=D("8200.00"), fiscal=D("500.00"), carryover=D("200.00"), other=D("7500.00")
    ),
    executed=Amount(
        total=D("8159.00"), fiscal=D("500.00"), carryover=D("159.00"), other=D("7500.00")
    ),
    execution_rate_pct=D("99.50"),
    weight=D(10),
    score=D("9.95"),
)
SCORED_AB_INDICATORS = [
    ("产出指标（50分）", "数量指标", "参保人数", "≥2.1万人", "2.05万人", n, D(15), D("14.5"),
     "部分企业停产断缴，下年度加强扩面。"),
    ("产出指标（50分）", "数量指标", "待遇享受人次", "≥8万人次", "8.3万人次", n, D(10), D(10), n),
    ("产出指标（50分）", "质量指标", "医疗费用结算准确率", "100%", "100%", n, D(10), D(10), n),
    ("产出指标（50分）", "时效指标", "待遇支付及时率", "≥98%", "99%", n, D(15), D(15), n),
    ("效益指标（30分）", "社会效益指标", "参保人员住院费用实际报销比例", "≥70%", "68.5%", n, D(20),
     D("19.5"), "医疗费用结构变化，继续推进支付方式改革。"),
    ("效益指标（30分）", "可持续影响指标", "基金可支付月数", "≥6个月", "7.2个月", n, D(10), D(10), n),
    ("满意度指标（10分）", "服务对象满意度指标", "参保人员满意度", "≥90%", "93%", n, D(10), D(10), n),
]  # fmt: skip


def check_scored_ab(record: Any) -> None:
    assert header(record) == (
        "self_evaluation", "项目支出绩效自评表", "疏附县", 2021, "employee_medical", "万元",
        "城镇职工基本医疗保险基金支出", "疏附县医疗保障局", "疏附县医疗保障局",
    )  # fmt: skip
    assert record.budget == SCORED_AB_BUDGET
    assert record.goal == "1、保障参保职工医疗待遇按时足额支付；2、基金收支平衡，略有结余。"
    assert record.progress == "1、全年按时足额支付医疗待遇；2、基金当期结余120万元。"
    assert (record.total_weight, record.total_score) == (D(100), D("98.95"))
    assert indicators(record) == SCORED_AB_INDICATORS


@pytest.mark.parametrize("style", STYLES)
def test_form_10_with_column_letters_and_group_points(style: str) -> None:
    """全年预算数（A）｜全年执行数（B）｜执行率（B/A）; 上年结转资金 has no 年初预算数 (its
    cell is blank, and lost altogether one cell per line)."""
    [record] = read_grid("selfeval_scored_ab", style)
    check_scored_ab(record)


def test_form_10_printed_as_tsv_with_shifted_rows() -> None:
    """The same form with cells moved: a row that lost a leading empty cell, one with an
    extra leading and trailing cell, a 一级 moved into the first column, and the 总分
    numbers moved left."""
    [record] = read_doc("selfeval_shifted.tsv.txt")
    check_scored_ab(record)


@pytest.mark.parametrize("style", STYLES)
def test_department_overall_form_closed_by_heji(style: str) -> None:
    """部门整体支出绩效自评表: 部门（单位）名称 and no project; the 总分 row printed 合计."""
    [record] = read_grid("selfeval_department", style)
    assert header(record) == (
        "self_evaluation", "叶城县2021年度部门整体支出绩效自评表", "叶城县", 2021, n, "万元", n,
        "叶城县医疗保障局", n,
    )  # fmt: skip
    assert record.budget == Budget(
        initial=Amount(total=D("1520.00"), fiscal=D("1520.00")),
        planned=Amount(total=D("1600.00"), fiscal=D("1600.00")),
        executed=Amount(total=D("1580.00"), fiscal=D("1580.00")),
        execution_rate_pct=D("98.75"),
        weight=D(10),
        score=D("9.88"),
    )
    assert record.goal == "1、保障机构正常运转；2、完成医保基金监管任务；3、推进医保信息化建设。"
    assert record.progress == (
        "1、机构运转正常；2、完成检查定点医药机构126家；3、医保信息平台上线运行。"
    )
    assert (record.total_weight, record.total_score) == (D(100), D("94.38"))
    assert indicators(record) == [
        ("产出指标", "数量指标", "检查定点医药机构数", "≥120家", "126家", n, D(20), D(20), n),
        ("产出指标", "质量指标", "基金监管覆盖率", "100%", "100%", n, D(15), D(15), n),
        ("产出指标", "时效指标", "医保待遇审核时效", "≤20个工作日", "15个工作日", n, D(15), D(15), n),
        ("效益指标", "社会效益指标", "追回违规基金", "应追尽追", "追回92.3万元", n, D(15), D(14), n),
        ("效益指标", "可持续影响指标", "医保信息平台运行", "稳定运行",
         "部分达成年度指标并具有一定效果", n, D(15), D("10.5"), n),
        ("满意度指标", "服务对象满意度指标", "参保群众满意度", "≥90%", "92%", n, D(10), D(10), n),
    ]  # fmt: skip


@pytest.mark.parametrize("style", STYLES)
def test_fund_budget_tree_decision_process_output_outcome(style: str) -> None:
    """65号 tree: 决策/过程/产出/效益 with 二级 项目立项…产出数量…满意度 (a 二级 of 效益
    here), and the budget as one unlabelled row under its headings."""
    [record] = read_grid("selfeval_fund_tree", style)
    assert header(record) == (
        "self_evaluation", "喀什地区2022年度工伤保险基金预算绩效自评表", "喀什地区", 2022,
        "work_injury", "万元", "喀什地区工伤保险基金支出", "喀什地区社会保险管理局",
        "喀什地区人力资源和社会保障局",
    )  # fmt: skip
    assert record.budget == Budget(
        initial=Amount(total=D("5230.00")),
        planned=Amount(total=D("5480.00")),
        executed=Amount(total=D("5262.71")),
        execution_rate_pct=D("96.03"),
        weight=D(10),
        score=D("9.60"),
    )
    assert record.goal == "保障工伤职工及时获得医疗救治和经济补偿，基金收支平衡。"
    assert record.progress == "全年支付工伤保险待遇5262.71万元，基金运行平稳。"
    assert (record.total_weight, record.total_score) == (D(100), D("99.5"))
    assert indicators(record) == [
        ("决策", "绩效目标", "绩效目标合理性", "合理", "合理", n, D(5), D(5), n),
        ("决策", "资金投入", "预算编制科学性", "科学", "科学", n, D(5), D(5), n),
        ("过程", "资金管理", "资金使用合规性", "合规", "合规", n, D(10), D(10), n),
        ("过程", "组织实施", "管理制度健全性", "健全", "健全", n, D(5), D(5), n),
        ("产出", "产出数量", "工伤保险参保人数", "≥16万人", "16.8万人", n, D(10), D(10), n),
        ("产出", "产出数量", "享受工伤待遇人数", "≥1200人", "1185人", n, D(10), D("9.9"),
         "工伤发生率下降"),
        ("产出", "产出质量", "待遇核定准确率", "100%", "100%", n, D(10), D(10), n),
        ("产出", "产出时效", "待遇支付及时率", "≥98%", "99.2%", n, D(5), D(5), n),
        ("效益", "项目效益", "工伤职工权益保障", "有效保障", "有效保障", n, D(20), D(20), n),
        ("效益", "满意度", "工伤职工满意度", "≥90%", "96%", n, D(10), D(10), n),
    ]  # fmt: skip


@pytest.mark.parametrize("style", STYLES)
def test_old_unscored_form(style: str) -> None:
    """The old form: 预算数：/执行数： pairs, 其中：社会保险基金, 实际完成目标, 项目完成指标 /
    项目效益指标 groups, a 偏差原因 row, signature lines under the table."""
    [record] = read_grid("selfeval_old_form", style)
    assert header(record) == (
        "self_evaluation", "岳普湖县社会保险支出绩效自评表", "岳普湖县", 2021, "unemployment",
        "万元", "2021年失业保险基金支出项目", "岳普湖县就业服务中心", n,
    )  # fmt: skip
    assert record.budget == Budget(
        planned=Amount(total=D("860.00"), fund_money=D("860.00")),
        executed=Amount(total=D("742.35"), fund_money=D("742.35")),
    )
    assert record.goal == "按时足额发放失业保险金，落实稳岗返还政策，促进就业。"
    assert record.progress == "全年发放失业保险金312.6万元，发放稳岗返还429.75万元。"
    assert record.deviation == "领取人数少于预期，主要是就业形势好转。"
    assert (record.total_weight, record.total_score) == (None, None)
    assert indicators(record) == [
        ("项目完成指标", "数量指标", "领取失业保险金人数", "≥500人", "468人", n, n, n, n),
        ("项目完成指标", "数量指标", "稳岗返还企业数", "≥60户", "72户", n, n, n, n),
        ("项目完成指标", "质量指标", "失业保险金发放准确率", "100%", "100%", n, n, n, n),
        ("项目完成指标", "时效指标", "失业保险金发放时效", "次月15日前", "按时发放", n, n, n, n),
        ("项目效益指标", "社会效益指标", "促进失业人员再就业", "效果明显", "达到预期指标", n, n, n,
         n),
        ("满意度指标", "满意度指标", "失业人员满意度", "≥90%", "93%", n, n, n, n),
    ]  # fmt: skip


def test_deviation_rows_below_the_total() -> None:
    """A template that closes with 偏差大或目标未完成原因分析 and 改进措施及结果应用方案 rows
    (not indicators); 分值 printed ``10.00分``; the 总分 label spaced ``总  分``."""
    [record] = read_doc("selfeval_deviation_rows.tsv.txt")
    assert header(record) == (
        "self_evaluation", "项目支出绩效自评表", "和田地区", 2022, "unemployment", "万元",
        "失业保险基金支出", "和田地区就业服务中心", "和田地区人力资源和社会保障局",
    )  # fmt: skip
    assert record.budget == Budget(
        initial=Amount(total=D("2000.00")),
        planned=Amount(total=D("2100.00")),
        executed=Amount(total=D("1890.00")),
        execution_rate_pct=D("90.00"),
        weight=D("10.00"),
        score=D("9.00"),
    )
    assert (record.total_weight, record.total_score) == (D(100), D("97.67"))
    assert (
        record.deviation
        == "领取人数低于预期，主要是就业形势好转。加强失业动态监测，合理编制下年度预算。"
    )
    assert indicators(record) == [
        ("产出指标", "数量指标", "领取失业保险金人数", "≥1500人", "1420人", n, D(25), D("23.67"), n),
        ("产出指标", "时效指标", "发放时效", "次月10日前", "按时发放", n, D(25), D(25), n),
        ("效益指标", "社会效益指标", "保障失业人员基本生活", "有效保障", "达成年度指标", n, D(30),
         D(30), n),
        ("满意度指标", "服务对象满意度指标", "领取人员满意度", "≥90%", "91%", n, D(10), D(10), n),
    ]  # fmt: skip
