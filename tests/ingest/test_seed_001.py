"""Seed 001 (疏勒县 2020): two old-style 绩效自评表 without scores, in TSV.

The indicator rows are damaged: some start at column 0 without level cells
(``严格执行…→≤0→→未发生``), a 二级 label sits in the 一级 column
(``→成本指标→→城乡居民政府补助标准…``), and ``经济效益指标`` / ``满意度指标`` stand
alone in column 0. Expectations are read off the document.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.ingest import parse_file
from jixiao.records import Amount, SelfEvaluationRecord

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "001_64cadbb403ecf892.txt"
D = Decimal
DONE = "项目完成指标"
COUNT, COST, TIMELY = "数量指标", "成本指标", "时效指标"
ECONOMIC, SOCIAL = "经济效益指标", "社会效益指标"

Row = tuple[str | None, str | None, str | None, str | None, str | None]


def rows_of(record: SelfEvaluationRecord) -> list[Row]:
    return [(i.level1, i.level2, i.name, i.target, i.actual) for i in record.indicators]


@pytest.fixture(scope="module")
def tables() -> list[SelfEvaluationRecord]:
    records = parse_file(SEED)
    tables = [r for r in records if isinstance(r, SelfEvaluationRecord)]
    assert [r.kind for r in records][:2] == ["self_evaluation", "self_evaluation"]
    return tables


def test_two_self_evaluation_tables(tables: list[SelfEvaluationRecord]) -> None:
    assert len(tables) == 2


@pytest.mark.parametrize(
    ("index", "project", "fund", "unit", "planned", "executed"),
    [
        (0, "2020年城镇职工医疗保险基金支出项目", "employee_medical", "疏勒县医疗保障局",
         "11431.62", "30405.81"),
        # 预算单位 printed "疏勒县疏勒县医疗保障局" (kept as printed)
        (1, "2020年城乡居民基本医疗保险支出项目", "resident_medical", "疏勒县疏勒县医疗保障局",
         "24581.48", "47353.37"),
    ],
)
def test_header_and_budget(
    tables: list[SelfEvaluationRecord],
    index: int,
    project: str,
    fund: str,
    unit: str,
    planned: str,
    executed: str,
) -> None:
    record = tables[index]
    assert record.title == "疏勒县社会保险支出绩效自评表"
    assert (record.region, record.year) == ("疏勒县", 2020)  # "(2020年度)" under the title
    assert record.money_unit == "万元"  # "预算执行情况 (万元)"
    assert record.project == project
    assert record.fund is not None and record.fund.value == fund
    assert record.unit == unit
    assert record.reporting_unit is None
    assert record.period is None
    # 预算数 / 执行数 with 其中: 社会保险基金 (fund money) and a blank 其他资金
    assert record.budget.planned == Amount(total=D(planned), fund_money=D(planned))
    assert record.budget.executed == Amount(total=D(executed), fund_money=D(executed))
    assert record.budget.initial is None and record.budget.available is None
    assert record.budget.execution_rate_pct is None
    assert (record.budget.weight, record.budget.score) == (None, None)
    assert (record.total_weight, record.total_score) == (None, None)
    assert record.overall_completion_pct is None


def test_goal_progress_deviation(tables: list[SelfEvaluationRecord]) -> None:
    first, second = tables
    for record in tables:
        assert record.goal is not None
        assert record.goal.startswith("为切实贯彻《社会保险法》、《社会保险费征缴暂行条例》保障广大参保人员合法权益,")
        assert record.goal.endswith("促进实现新疆社会稳定和长治久安总目标。")
        assert record.deviation == "7月由于地级统筹,历年结余基金全额上解,造成支出偏大"
    assert first.progress == (
        "2020年喀什地区社保局严格执行社保基金管理法规政策,保证参保人员权益,"
        "按时足额享受医疗、生育保险待遇,未发生基金管理运行风险。"
    )
    assert second.progress == (
        "2020年喀什地区社保局严格执行社保基金法规政策,保证参保人员权益,"
        "按时足额享受医疗、生育保险待遇,未发生基金管理运行风险。"
    )


def test_indicators_table_1(tables: list[SelfEvaluationRecord]) -> None:
    assert rows_of(tables[0]) == [
        (DONE, COUNT, "城镇职工基本医疗保险基金支出预算完成", "≥95%", "266%"),
        (DONE, COUNT, "生育保险基金支出预算完成", "≥90%", "100%"),
        (DONE, COUNT, "保障城镇职工基本医疗待遇享受人数", "≥10万人", "128267"),
        (DONE, COUNT, "各项社会保险待遇发放准确率", "≥99%", "100%"),
        (DONE, COST, "城镇职工单位缴费费率", "≥6.8%", "6.80%"),
        (DONE, COST, "城镇职工个人缴费费率", "≥2%", "2%"),
        (DONE, TIMELY, "按标准足额保障参保人员待遇支出", "≥99%", "90%"),
        (DONE, TIMELY, "按时报送基本医疗、生育保险基金季报数据及分析", "每季度结束后的,15日内", "按时报送"),
        (DONE, TIMELY, "及时报送基本医疗、生育保险基金决算数据及分析", "每年度结束后的,20日内", "按时报送"),
        (DONE, ECONOMIC, "及时拨款,保障参加医疗保险、生育保险的各项社会保险待遇", "30日内完成审核拨付", "按时拨付"),
        (DONE, ECONOMIC, "确保可享受待遇人员全覆盖(%)", "≥100%", "100%"),
        (DONE, SOCIAL, "基金使用符合政策规定", "100%", "100%"),
        (DONE, SOCIAL, "基金支出与政策研究相匹配,控制可支付月数在合理范围内", "基金运行平稳", "运行平稳"),
        (DONE, SOCIAL, "保障各项社会保险待遇,维护社会稳定", "按标准审核后足额发放", "按标准发放"),
        # rows from column 0 without level cells: the groups carry down
        (DONE, SOCIAL, "严格执行各项社会保险政策,违规使用社会保险基金的情况", "≤0", "未发生"),
        (DONE, SOCIAL, "社会面平稳有序,上访率", "≤1%", "无"),
        (DONE, ECONOMIC, "提高全民健康水平", "稳步提升", "达到预期指标"),
        # a new 一级 without a 二级: the 二级 is not carried over
        ("满意度指标", None, "城镇职工医疗保险待遇享受人员满意度", "≥90%", "95%"),
    ]


def test_indicators_table_2(tables: list[SelfEvaluationRecord]) -> None:
    assert rows_of(tables[1]) == [
        (DONE, COUNT, "城乡居民基本医疗保险基金支出预算完成", "≥95%", "192%"),
        (DONE, COUNT, "保障城乡居民基本医疗保险待遇享受人次数", "≥964924", "964924"),
        (DONE, COUNT, "各项社会保险待遇发放准确率", "≥99%", "100%"),
        # "→成本指标→→…": a 二级 printed in the 一级 column
        (DONE, COST, "城乡居民政府补助标准(中央补助)(元/人)", "≥386", "386"),
        (DONE, COST, "城乡居民政府补助标准(省级补助)(元/人)", "≥134", "134"),
        (DONE, COST, "南疆三地州个人缴费补助(元/人)", "≥30", "30"),
        (DONE, TIMELY, "按标准足额保障参保人员待遇支出", "≥99%", "100%"),
        (DONE, TIMELY, "按时报送基本医疗、生育保险基金季报数据及分析", "每季度结束后的,15日内", "按时报送"),
        (DONE, TIMELY, "及时报送基本医疗、生育保险基金决算数据及分析", "每年度结束后的,20日内", "按时报送"),
        (DONE, TIMELY, "及时拨款,保障参加医疗保险、生育保险的各项社会保险待遇", "30日内完成审核拨付", "按时拨付"),
        (DONE, SOCIAL, "基金使用符合政策规定", "100%", "100%"),
        (DONE, SOCIAL, "基金支出与政策研究相匹配,控制可支付月数在合理范围内", "基金运行平稳", "运行平稳"),
        (DONE, SOCIAL, "保障各项社会保险待遇,维护社会稳定", "按标准审核后足额发放", "按标准发放"),
        (DONE, SOCIAL, "严格执行各项社会保险政策,违规使用社会保险基金的情况", "≤0", "0"),
        (DONE, SOCIAL, "社会面平稳有序,上访率", "≤1%", "0"),
        (DONE, ECONOMIC, "提高全民健康水平", "稳步提升", "达到预期指标"),
        ("满意度指标", None, "城乡居民医疗保险参保人员满意度", "≥90%", "95%"),
    ]


def test_no_scores_in_the_old_form(tables: list[SelfEvaluationRecord]) -> None:
    for record in tables:
        for indicator in record.indicators:
            assert (indicator.weight, indicator.score, indicator.completion_pct) == (None, None, None)
            assert indicator.note is None
