"""Seed 004 (乌鲁木齐市): four 社会保险基金支出绩效目标表 in TSV with LaTeX.

Rows are damaged: ``基金使用符合政策规定→→→100%`` starts at column 0, the
name column moves between tables, a garbled ``$105\\% \\leq 95\\%$`` is kept as
printed (``105%≤95%``). Expectations are read off the document.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.ingest import parse_file
from jixiao.records import Amount, TargetRecord

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "004_6103b84fadb41698.txt"
D = Decimal
DONE, BENEFIT, SATISFIED = "项目完成", "项目效益", "满意度指标"
OUTPUT, EFFECT = "产出指标", "效益指标"
COUNT, QUALITY, TIMELY = "数量指标", "质量指标", "时效指标"

Row = tuple[str | None, str | None, str | None, str | None]


def rows_of(record: TargetRecord) -> list[Row]:
    return [(i.level1, i.level2, i.name, i.target) for i in record.indicators]


@pytest.fixture(scope="module")
def records() -> list[TargetRecord]:
    out = parse_file(SEED)
    assert all(isinstance(r, TargetRecord) for r in out)
    return out  # type: ignore[return-value]


def test_four_target_records(records: list[TargetRecord]) -> None:
    assert [r.kind for r in records] == ["target"] * 4


@pytest.mark.parametrize(
    ("index", "project", "fund", "unit", "year"),
    [
        (0, "乌鲁木齐市本级机关事业单位基本养老保险基金支出", "public_pension", "乌鲁木齐市社会保险中心", None),
        (1, "乌鲁木齐市城乡居民基本养老保险基金支出", "resident_pension", "乌鲁木齐市社会保险中心", None),
        (2, "2023年职工基本医疗保险基金支出预算", "employee_medical", "乌鲁木齐市医疗保障局", 2023),
        (3, "2023年城乡居民基本医疗保险基金支出预算", "resident_medical", "乌鲁木齐市医疗保障局", 2023),
    ],
)
def test_header(
    records: list[TargetRecord], index: int, project: str, fund: str, unit: str, year: int | None
) -> None:
    record = records[index]
    assert record.title == "社会保险基金支出绩效目标表"
    assert record.region == "乌鲁木齐市"  # from the unit: the title names no place
    assert record.year == year  # the first two tables print no year at all
    assert record.money_unit == "万元"
    assert record.project == project
    assert record.fund is not None and record.fund.value == fund
    assert record.unit == unit
    assert record.reporting_unit is None
    assert record.period is None
    assert record.progress is None and record.deviation is None
    assert record.overall_completion_pct is None


def test_budget(records: list[TargetRecord]) -> None:
    # 年度资金总额 with 其中：社保基金 / 医保基金 / 财政拨款 and 其他资金; "354,657" → 354657
    assert [r.budget.planned for r in records] == [
        Amount(total=D(354657), fund_money=D(354657), other=D(0)),
        Amount(total=D(24364), fund_money=D(24364), other=D(0)),
        Amount(total=D(656498), fund_money=D(656498), other=D(0)),
        Amount(total=D(102142), fiscal=D(65697), other=D(36445)),
    ]
    for record in records:
        budget = record.budget
        assert (budget.initial, budget.available, budget.executed) == (None, None, None)
        assert budget.execution_rate_pct is None


def test_goals(records: list[TargetRecord]) -> None:
    assert records[0].goal == (
        "聚焦总目标，确保我市机关事业单位离退休人员按期足额领取养老金待遇，按期调整待遇，"
        "让离退休人员享受国家发展改革成果，安享晚年，确保社会稳定和长治久安。"
    )
    assert records[1].goal == (
        "聚焦总目标,确保城乡居民按政策及时足额领取养老保险各项待遇,减轻家庭负担,维持基本生活,"
        "确保社会稳定和长治久安。"
    )
    assert records[2].goal is not None and records[2].goal.startswith("以习近平新时代中国特色社会主义思想为指导")
    assert records[3].goal is not None and records[3].goal.startswith("1、积极推进全民参保计划")
    assert records[3].goal.endswith("4、全面实施大病保险制度，减轻参保人员的经济负担，缓解社会矛盾。")


def test_indicators_table_1(records: list[TargetRecord]) -> None:
    assert rows_of(records[0]) == [
        (DONE, COUNT, "参保享受退休待遇人数", "4.4万人"),
        (DONE, COUNT, "退休人员待遇核算准确率", "100%"),
        (DONE, COUNT, "机关养老保险保险费收缴率", "100%"),
        (DONE, COUNT, "基本养老收入预算执行率", "105%≤95%"),
        (DONE, COUNT, "基本养老支出预算执行率", "105%≤95%"),
        (DONE, QUALITY, "养老保险待遇首次发放成功率", "≥95%"),
        (DONE, QUALITY, "养老金首次转移成功率", "≥95%"),
        (DONE, QUALITY, "养老金发放时效", "每月25日前"),
        (DONE, QUALITY, "基金使用符合政策规定", "100%"),
        (BENEFIT, "社会效益", "让离退休人员安享晚年", "充分发挥社会保险的职能作用"),
        (BENEFIT, "可持续影响指标", "离退休人员上访率", "上访率控制在0.1%以内，维护社会稳定，长治久安"),
        (SATISFIED, SATISFIED, "离退休人员满意度", "≥95%"),
    ]


def test_indicators_table_2(records: list[TargetRecord]) -> None:
    assert rows_of(records[1]) == [
        (DONE, COUNT, "参保享受待遇人数", "4.7万人"),
        (DONE, COUNT, "重度残疾财政代缴率", "100%"),
        (DONE, COUNT, "人均代缴标准", "200元"),
        (DONE, COUNT, "财政对个人缴费补贴率", "100%"),
        (DONE, COUNT, "基础养老金发放月最低标准", "≥370元"),
        (DONE, COUNT, "基金收入预算执行率", "105%≤95%"),
        (DONE, COUNT, "基金支出预算执行率", "105%≤95%"),
        (DONE, QUALITY, "城乡养老保险待遇首次发放成功率", "≥95%"),
        (DONE, QUALITY, "重度残疾财政代缴成功率", "100%"),
        (DONE, QUALITY, "养老金发放时效", "每月25日前"),
        (DONE, QUALITY, "基金使用符合政策规定", "100%"),  # row printed from column 0
        (BENEFIT, "社会效益", "让符合政策人员按时足额领取待遇", "保障城乡参保人员基本生活"),
        (BENEFIT, "可持续影响指标", "保障城乡参保群众基本生活", "充分发挥社会保险的社会保障职能作用"),
        (SATISFIED, SATISFIED, "参保人员满意度", "≥95%"),
    ]


def test_indicators_table_3(records: list[TargetRecord]) -> None:
    assert rows_of(records[2]) == [
        (OUTPUT, COUNT, "按标准足额保障参保人员待遇支出", "≥99%"),
        (OUTPUT, COUNT, "住院待遇享受人次", "≥20万人次"),
        (OUTPUT, COUNT, "门诊待遇享受人次", "≥400万人次"),
        (OUTPUT, QUALITY, "参保人政策范围内住院费用报销比例", "≥75%"),
        (OUTPUT, QUALITY, "参保人住院费用实际报销比例", "≥65%"),
        (OUTPUT, QUALITY, "实施按病种付费为主的多元复合式医保支付方式", "逐步推开"),
        (OUTPUT, QUALITY, "基金滚动结余可支配月数（月）", "≥6月&&≤9月"),
        (OUTPUT, QUALITY, "开展门诊统筹、实现个人账户的，向门诊统筹过渡", "普遍开展"),
        (OUTPUT, TIMELY, "按时报送各项医疗保险基金报表及分析", "按时报送"),
        (OUTPUT, TIMELY, "及时结算，保障医保待遇落实", "按时拨付"),
        (EFFECT, "社会效益指标", "基金使用符合政策规定", "100%"),
        (EFFECT, "社会效益指标", "保障参保人员待遇，维护社会稳定", "按标准审核后足额发放"),
        (EFFECT, "社会效益指标", "严格执行社保法规，违规使用社保基金情况", "≤0"),
        (EFFECT, "社会效益指标", "开展门诊统筹，实行个人账户的，向门诊统筹过渡", "普遍开展"),
        (SATISFIED, SATISFIED, "参保对象满意度（%）", "≥90%"),
    ]


def test_indicators_table_4(records: list[TargetRecord]) -> None:
    assert rows_of(records[3]) == [
        (OUTPUT, COUNT, "参保人数（人）", "≥102.17万人"),
        (OUTPUT, COUNT, "住院待遇享受人次", "≥10万人次"),
        (OUTPUT, COUNT, "门诊待遇享受人次", "≥30万人次"),
        (OUTPUT, COUNT, "重复参保人数（人）", "≤0人"),
        (OUTPUT, COUNT, "虚假参保人数（人）", "≤0人"),
        (OUTPUT, QUALITY, "以户籍人口数为基数计算的基本医保综合参保率（%）", "≥95%"),
        (OUTPUT, QUALITY, "以常住人口数为基数计算的基本医保综合参保率（%）", "≥93%"),
        (OUTPUT, QUALITY, "参保人政策范围内住院费用报销比例", "≥68%"),
        (OUTPUT, QUALITY, "参保人住院费用实际报销比例", "≥60%"),
        (OUTPUT, QUALITY, "实施按病种付费为主的多元复合式医保支付方式", "逐步推开"),
        (OUTPUT, QUALITY, "基金滚动结余可支配月数（月）", "≥6月&&≤9月"),
        (OUTPUT, QUALITY, "开展门诊统筹、实现个人账户的，向门诊统筹过度", "普遍开展"),
        (OUTPUT, TIMELY, "当年各级财政补助资金到位率（%）", "=100%"),
        (OUTPUT, TIMELY, "各级财政实际补助标准", "≥640元/人"),
        (OUTPUT, TIMELY, "个人缴费标准（元）", "≥380元/人"),
        (EFFECT, "社会效益指标", "减轻参保人员就医经济负担，缓解社会矛盾", "成效明显"),
        (SATISFIED, SATISFIED, "参保对象满意度（%）", "≥90%"),
    ]


def test_target_tables_have_no_results(records: list[TargetRecord]) -> None:
    for record in records:
        for indicator in record.indicators:
            assert indicator.actual is None and indicator.actual_value is None
            assert (indicator.completion_pct, indicator.weight, indicator.score) == (None, None, None)
            assert indicator.target_expr is not None
