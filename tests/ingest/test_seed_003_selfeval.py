"""Seed 003 (岳普湖县 2020): the four scored 项目支出绩效自评表 after the 决算 tables
and the report (TSV with markdown headings, LaTeX and ``<p>`` in cells).

Damage: rows start one column left or right of the heading row; in table 2 the
效益 rows lost their 三级指标 (only target and actual are printed), in table 3
the name sits in the 二级 column; ``10.00分``. Expectations are read off the
document.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.ingest import parse_file
from jixiao.records import Amount, SelfEvaluationRecord

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "003_34cb9511c7a24abb.txt"
D = Decimal
OUTPUT, BENEFIT, SATISFIED = "产出指标", "项目效益", "满意度指标"
COUNT, QUALITY, TIMELY, SOCIAL = "数量指标", "质量指标", "时效指标", "社会效益指标"
QUARTER, YEAR_END, PAYOUT = "每季度结束后的，15日内", "每年度结束后的，20日内", "30日内完成审核拨付"
ROLE = "充分发挥社会保险的职能作用"
PETITION = "上访率控制在0.1%以内"

Row = tuple[str | None, str | None, str | None, str | None, str | None, str, str]


def rows_of(record: SelfEvaluationRecord) -> list[Row]:
    return [
        (i.level1, i.level2, i.name, i.target, i.actual, str(i.weight), str(i.score))
        for i in record.indicators
    ]


@pytest.fixture(scope="module")
def tables() -> list[SelfEvaluationRecord]:
    records = parse_file(SEED)
    return [r for r in records if isinstance(r, SelfEvaluationRecord)]


def test_four_self_evaluation_tables_last(tables: list[SelfEvaluationRecord]) -> None:
    records = parse_file(SEED)
    assert [r.kind for r in records][-4:] == ["self_evaluation"] * 4
    assert len(tables) == 4


@pytest.mark.parametrize(
    ("index", "project", "fund", "unit"),
    [
        (0, "城乡居民基本医疗项目", "resident_medical", "岳普湖县医疗保障局"),
        (1, "城乡居民基本养老保险补助项目", "resident_pension", "岳普湖县社会保险中心"),
        (2, "机关事业单位基本养老保险补助", "public_pension", "岳普湖县社会保险中心"),
        (3, "职工基本医疗保险项目", "employee_medical", "岳普湖县医疗保障局"),
    ],
)
def test_header(
    tables: list[SelfEvaluationRecord], index: int, project: str, fund: str, unit: str
) -> None:
    record = tables[index]
    assert record.title == "项目支出绩效自评表"
    assert (record.region, record.year) == ("岳普湖县", 2020)  # region from the unit
    assert record.money_unit == "万元"  # "项目资金 (万元)"
    assert record.project == project
    assert record.fund is not None and record.fund.value == fund
    # 主管部门 and 实施单位 print the same unit in all four tables
    assert (record.unit, record.reporting_unit) == (unit, unit)
    assert record.period is None and record.overall_completion_pct is None
    assert record.deviation is None


@pytest.mark.parametrize(
    ("index", "initial", "planned", "score", "totals"),
    [
        (0, "11110.26", "7828.73", "10.00", ("100.00", "99.99")),
        (1, "2889.39", "2684.22", "10.00", ("100.00", "99.65")),
        (2, "12939.37", "13129.54", "10.00", ("100.00", "100.00")),  # printed "10.00分"
        (3, "3738.20", "4003.87", "10.00", ("100.00", "100.00")),
    ],
)
def test_budget_and_totals(
    tables: list[SelfEvaluationRecord],
    index: int,
    initial: str,
    planned: str,
    score: str,
    totals: tuple[str, str],
) -> None:
    record = tables[index]
    budget = record.budget
    zero = D("0.00")
    assert budget.initial == Amount(total=D(initial), fiscal=D(initial), carryover=zero, other=zero)
    # 全年预算数 = 全年执行数 in all four tables
    assert budget.planned == Amount(total=D(planned), fiscal=D(planned), carryover=zero, other=zero)
    assert budget.executed == Amount(total=D(planned), fiscal=D(planned), carryover=zero, other=zero)
    assert budget.available is None
    assert str(budget.initial.total) == initial  # 3738.20 keeps its printed zero
    assert str(budget.execution_rate_pct) == "100.0"
    assert (str(budget.weight), str(budget.score)) == ("10", score)
    assert (str(record.total_weight), str(record.total_score)) == totals


def test_goals(tables: list[SelfEvaluationRecord]) -> None:
    first, second, third, fourth = tables
    assert first.goal is not None and first.goal.startswith(
        "以习近平新时代中国特色社会主义思想为指导，贯彻《社会保险法》"
    )
    assert first.goal.endswith("促进实现新疆社会和谐和长治久安")
    assert first.progress == (
        "通过项目的实施严格执行社会保险各项政策，使参保人员的获得感、幸福感不断增强，"
        "促进实现新疆社会和谐和长治久安"
    )
    # <p>…</p> around both texts of table 2
    assert second.goal == (
        "确保退休人员按期足额领取养老金待遇，按期调整待遇，让退休人员享受国家发展改革成果，"
        "安享晚年，确保社会和谐。"
    )
    assert second.progress is not None
    assert second.progress.startswith("项目已完成70083人参加城乡居民基本养老保险缴费，15774人按月及时发放基础养老金。")
    assert second.progress.endswith("项目的受益人员满意度100%。")
    assert third.progress is not None and third.progress.startswith("项目已完7358人按月缴纳机关养老保险")
    assert fourth.goal is not None and fourth.goal.endswith("促进实现新疆社会和谐和长治久安。")


def test_indicators_table_1(tables: list[SelfEvaluationRecord]) -> None:
    same = "按标准审核后足额发放"
    assert rows_of(tables[0]) == [
        (OUTPUT, COUNT, "城乡居民基本医疗基金支出预算执行率与序时进程偏离率", "≥-10%或≤10%", "0%", "5.5", "5.5"),
        (OUTPUT, COUNT, "城乡居民基本医疗可支付月数", "≥6个月或≤9个月", "9个月", "5.5", "5.5"),
        (OUTPUT, COUNT, "保障城乡居民基本医疗参保人数", "≥158269人", "157935人", "5.5", "5.49"),
        (OUTPUT, COUNT, "参保患者合规医疗费用应享受待遇金额与实际享受", "<0.1%", "0%", "5.5", "5.5"),
        (OUTPUT, COUNT, "医疗保险待遇发放准确率", "≥99%", "100%", "5.6", "5.6"),
        (OUTPUT, QUALITY, "按标准足额保障参保人员待遇支出", "≥99%", "100%", "5.6", "5.6"),
        (OUTPUT, QUALITY, "按时报送各项社会保险基金季报数据及分析", QUARTER, QUARTER, "5.6", "5.6"),
        (OUTPUT, QUALITY, "及时报送各项社会保险基金决算数据及分析", YEAR_END, YEAR_END, "5.6", "5.6"),
        (OUTPUT, QUALITY, "及时拨款，保障参加社会保险的各项社会保险待遇", PAYOUT, PAYOUT, "5.6", "5.6"),
        # the 社会效益指标 rows print no 一级: 产出指标 carries down
        (OUTPUT, SOCIAL, "基金使用符合政策规定", "100%", "100%", "7.5", "7.5"),
        (OUTPUT, SOCIAL, "保障各项社会保险待遇，维护社会和谐", same, same, "7.5", "7.5"),
        (OUTPUT, SOCIAL, "严格执行各项社会保险政策，违规使用医疗保险基金的情况", "≤0", "0", "7.5", "7.5"),
        (OUTPUT, SOCIAL, "社会面平稳有序，上访率", "≤1%", "0%", "7.5", "7.5"),
        # these two rows stand one column right of the others
        (SATISFIED, SATISFIED, "城乡居民基本医疗保险待遇享受人员满意度", ">90%", "100%", "5", "5"),
        (SATISFIED, SATISFIED, "建档立卡贫困户待遇享受人员满意度", ">90%", "100%", "5", "5"),
    ]


def test_indicators_table_2(tables: list[SelfEvaluationRecord]) -> None:
    pay_day = "每月25日前"
    assert rows_of(tables[1]) == [
        (OUTPUT, COUNT, "参保缴费人数", "74272人", "70083人", "6.25", "5.90"),
        (OUTPUT, COUNT, "保障退休待遇人数", "15424人", "15774人", "6.25", "6.25"),
        (OUTPUT, COUNT, "基本养老收入预算执行率", "≥95%或≤105%", "100%", "6.25", "6.25"),
        (OUTPUT, COUNT, "基本养老支出预算执行率", "≥95%或≤105%", "100%", "6.25", "6.25"),
        (OUTPUT, QUALITY, "养老保险待遇首次发放成功", "≥95%", "100%", "6.25", "6.25"),
        (OUTPUT, QUALITY, "养老金首次转移成功率", "≥95%", "100%", "6.25", "6.25"),
        (OUTPUT, QUALITY, "养老金发放时效", pay_day, pay_day, "6.25", "6.25"),
        (OUTPUT, QUALITY, "基金使用符合政策规定", "100%", "100%", "6.25", "6.25"),
        # no 三级指标 printed: the two texts are the target and the actual
        (BENEFIT, SOCIAL, None, ROLE, ROLE, "15", "15"),
        (BENEFIT, "可持续影响指标", None, PETITION, PETITION, "15", "15"),
        (SATISFIED, SATISFIED, "群众满意度", "≥95%", "100%", "10", "10"),
    ]


def test_indicators_table_3(tables: list[SelfEvaluationRecord]) -> None:
    pay_day = "每月25日前"
    assert rows_of(tables[2]) == [
        (OUTPUT, COUNT, "参保缴费人数", "6706人", "7358人", "6.25", "6.25"),
        (OUTPUT, COUNT, "保障退休待遇人数", "2000人", "2037人", "6.25", "6.25"),
        (OUTPUT, COUNT, "基本养老收入预算执行率", "≥95%或≤105%", "100%", "6.25", "6.25"),
        (OUTPUT, COUNT, "基本养老支出预算执行率", "≥95%或≤105%", "100%", "6.25", "6.25"),
        (OUTPUT, QUALITY, "养老保险待遇首次发放成功率", "≥95%", "100%", "6.25", "6.25"),
        (OUTPUT, QUALITY, "养老金首次转移成功率", "≥95%", "100%", "6.25", "6.25"),
        (OUTPUT, QUALITY, "养老金发放时效", pay_day, pay_day, "6.25", "6.25"),
        (OUTPUT, QUALITY, "基金使用符合政策规定", "100%", "100%", "6.25", "6.25"),
        # a new 一级 with the name in the 二级 column: no 二级
        (BENEFIT, None, "让离退休人员安享晚年", ROLE, ROLE, "15", "15"),
        (BENEFIT, None, "离退休人员上访率", PETITION, PETITION, "15", "15"),
        (SATISFIED, SATISFIED, "离退休人员满意度", "≥95%", "100%", "10", "10"),
    ]


def test_indicators_table_4(tables: list[SelfEvaluationRecord]) -> None:
    same = "按标准审核后足额发放"
    assert rows_of(tables[3]) == [
        (OUTPUT, COUNT, "职工基本医疗基金支出预算执行率与序时进程偏离", "≥-10%或≤10%", "0%", "4.17", "4.17"),
        (OUTPUT, COUNT, "生育保险基金支出预算执行率与序时进程偏离率", "≥-10%或≤10%", "0%", "4.17", "4.17"),
        (OUTPUT, COUNT, "职工基本医疗可支付月数", "≥6个月或≤9个月", "9个月", "4.17", "4.17"),
        (OUTPUT, COUNT, "生育保险基金可支付月数", "≥6个月或≤9个月", "9个月", "4.17", "4.17"),
        (OUTPUT, COUNT, "保障职工基本医疗保险参保人数", "≥13269人", "≥14830人", "4.17", "4.17"),
        (OUTPUT, COUNT, "保障生育保险待遇享受人数", "≥284人", "≥301人", "4.17", "4.17"),
        (OUTPUT, COUNT, "参保患者合规医疗费用应享受待遇金额与实际享受", "<0.1%", "0%", "4.17", "4.17"),
        (OUTPUT, COUNT, "医疗保险待遇发放准确率", "≥99%", "100%", "4.17", "4.17"),
        (OUTPUT, TIMELY, "按标准足额保障参保人员待遇支出", "≥99%", "100%", "4.16", "4.16"),
        (OUTPUT, TIMELY, "按时报送各项社会保险基金季报数据及分析", QUARTER, QUARTER, "4.16", "4.16"),
        (OUTPUT, TIMELY, "及时报送各项社会保险基金决算数据及分析", YEAR_END, YEAR_END, "4.16", "4.16"),
        (OUTPUT, TIMELY, "及时拨款，保障参加社会保险的各项社会保险待遇", PAYOUT, PAYOUT, "4.16", "4.16"),
        (OUTPUT, SOCIAL, "基金使用符合政策规定", "100%", "100%", "7.50", "7.50"),
        (OUTPUT, SOCIAL, "保障各项社会保险待遇，维护社会和谐", same, same, "7.50", "7.50"),
        (OUTPUT, SOCIAL, "严格执行各项社会保险政策，违规使用医疗保险基金", "≤0", "0", "7.50", "7.50"),
        (OUTPUT, SOCIAL, "社会面平稳有序，上访率", "≤1%", "0%", "7.50", "7.50"),
        (SATISFIED, SATISFIED, "职工基本医疗保险待遇享受人员满意度", ">90%", "100%", "3.00", "3.00"),
        (SATISFIED, SATISFIED, "生育保险待遇享受人员满意度", ">90%", "100%", "3.00", "3.00"),
        # printed from column 0 with two blank cells between target and actual
        (SATISFIED, SATISFIED, "其他各项社会保险待遇享受人员满意度", ">90%", "100%", "4.00", "4.00"),
    ]


def test_no_notes_and_no_completion(tables: list[SelfEvaluationRecord]) -> None:
    for record in tables:
        for indicator in record.indicators:
            assert indicator.note is None and indicator.completion_pct is None
