"""Seed 000 (岳普湖县 2020): four 绩效监控情况表 in TSV, with shifted rows.

Every expectation below is read off the document (cell text after the
Conventions' cleaning: spaces and LaTeX removed), not taken from the reader.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.ingest import parse_file
from jixiao.records import Amount, MonitoringRecord

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "000_881bda5ae5dcf777.txt"
D = Decimal
NO_NODE = "未达监控节点"
FAILED = "未达成预期指标且效果较差"

Row = tuple[str | None, str | None, str, str, str, str | None]


def rows_of(record: MonitoringRecord) -> list[Row]:
    return [
        (
            i.level1,
            i.level2,
            i.name or "",
            i.target or "",
            i.actual or "",
            None if i.completion_pct is None else str(i.completion_pct),
        )
        for i in record.indicators
    ]


@pytest.fixture(scope="module")
def records() -> list[MonitoringRecord]:
    out = parse_file(SEED)
    assert all(isinstance(r, MonitoringRecord) for r in out)
    return out  # type: ignore[return-value]


def test_four_monitoring_records(records: list[MonitoringRecord]) -> None:
    assert [r.kind for r in records] == ["monitoring"] * 4


@pytest.mark.parametrize(
    ("index", "project", "fund", "unit"),
    [
        (0, "城乡居民基本养老保险", "resident_pension", "岳普湖县劳动就业保险管理局"),
        (1, "机关事业单位养老保险", "public_pension", "岳普湖县劳动就业保险管理局"),
        (2, "职工基本医疗保险", "employee_medical", "岳普湖县医疗保障局"),
        (3, "城乡居民基本医疗", "resident_medical", "岳普湖县医疗保障局"),
    ],
)
def test_header(
    records: list[MonitoringRecord], index: int, project: str, fund: str, unit: str
) -> None:
    record = records[index]
    assert record.title == "岳普湖县社保基金支出绩效监控情况表"
    assert (record.region, record.year, record.period) == ("岳普湖县", 2020, "2020-06")
    assert record.money_unit == "万元"
    assert record.project == project
    assert record.fund is not None and record.fund.value == fund
    assert record.unit == unit
    # 填报单位(公章):… / 填报单位(公章): … / 填报单位(公章)岳普湖县医疗保障局 (no colon)
    assert record.reporting_unit == unit
    assert record.total_weight is None and record.total_score is None


@pytest.mark.parametrize(
    ("index", "planned", "executed", "rate", "overall"),
    [
        (0, "2889.39", "1445.00", "50.01", "59.03"),
        (1, "12939.37", "7292.00", "56.36", "51.75"),
        (2, "3738.2", "1036.00", "27.71", "37.55"),
        (3, "11110.26", "2454.00", "22.09", "39.17"),
    ],
)
def test_budget_and_overall(
    records: list[MonitoringRecord],
    index: int,
    planned: str,
    executed: str,
    rate: str,
    overall: str,
) -> None:
    record = records[index]
    budget = record.budget
    # 预算数 = 到位数 in all four tables; 其中:财政资金 repeats the amount, 其他 0.00
    assert budget.planned == Amount(total=D(planned), fiscal=D(planned), other=D("0.00"))
    assert budget.available == Amount(total=D(planned), fiscal=D(planned), other=D("0.00"))
    assert budget.executed == Amount(total=D(executed), fiscal=D(executed), other=D("0.00"))
    assert budget.initial is None
    assert str(budget.executed.total) == executed  # printed precision kept (1445.00)
    assert str(budget.execution_rate_pct) == rate
    assert (budget.weight, budget.score) == (None, None)
    assert str(record.overall_completion_pct) == overall


def test_goal_progress_deviation(records: list[MonitoringRecord]) -> None:
    first, second, third, fourth = records
    assert first.goal == (
        "确保退休人员按期足额领取养老金待遇,按期调整待遇,让退休人员享受国家发展改革成果,"
        "安享晚年,确保社会和谐。"
    )
    assert first.progress is not None
    assert first.progress.startswith("目前已完成1-6月岳普湖县劳动就业保险管理局确保退休人员养老金领取工作")
    assert first.progress.endswith("项目的受益人员满意度目前未达监控节点。")
    # "按期足额领取养老金待遇, 按期调整待遇" — the space after the comma is extraction damage
    assert second.goal is not None and second.goal.startswith("确保离退休人员按期足额领取养老金待遇,按期调整待遇,")
    assert third.goal is not None and third.goal.startswith("以习近平新时代中国特色社会主义思想为指导,贯彻《社会保险法》")
    assert third.progress is not None and third.progress.startswith("目前已完成1-6月岳普湖县医保局职工基本医疗保险的报销工作。")
    assert fourth.progress is not None and fourth.progress.startswith("目前已完成1-6月岳普湖县医保局城乡居民基本医疗保险的报销工作。")
    assert [r.deviation for r in records[:3]] == ["无偏差。"] * 3
    assert fourth.deviation == (
        "此项目有偏差,偏差率为17.08%,偏差原因是各医疗机构申请手续正在审批中。"
        "采取的措施是加快审批进度,尽快支付项目资金。"
    )


def test_indicators_table_1(records: list[MonitoringRecord]) -> None:
    done, benefit, satisfied = "项目完成", "项目效益", "满意度指标"
    assert rows_of(records[0]) == [
        (done, "数量指标", "参保缴费人数", "74272人", "66467人", "44.75"),
        (done, "数量指标", "保障退休待遇人数", "15424人", "14388人", "46.64"),
        (done, "数量指标", "基本养老保险收入预算执行率", "≥95%或≤105%", "95.00%", "24.94"),
        (done, "数量指标", "基本养老保险支出预算执行率", "≥95%或≤105%", "95.00%", "24.94"),
        (done, "质量指标", "养老保险待遇首次发放成功率", "≥95%", "100%", "95.00"),
        (done, "质量指标", "养老金首次转移成功率", "≥95%", "100%", "95.00"),
        (done, "质量指标", "养老金发放时效", "每月25日前", FAILED, "100.00"),
        (done, "质量指标", "基金使用符合政策规定", "100%", "100%", "95.00"),
        (benefit, "社会效益指标", "让离退休人员安享晚年", "充分发挥社会保险的职能作用", FAILED, "5.00"),
        (benefit, "可持续影响指标", "离退休人员上访率", "上访率控制在0.1%以内", NO_NODE, None),
        # the satisfaction row starts at column 0 (一级/二级 both printed)
        (satisfied, satisfied, "离休退休人员满意度", "≥95%", NO_NODE, None),
    ]


def test_indicators_table_2(records: list[MonitoringRecord]) -> None:
    done, benefit, satisfied = "项目完成", "项目效益", "满意度指标"
    assert rows_of(records[1]) == [
        (done, "数量指标", "参保缴费人数", "6706人", "6903人", "50.00"),
        (done, "数量指标", "保障退休待遇人数", "2000人", "1964人", "49.10"),
        (done, "数量指标", "基本养老保险预算执行率", "≥95%或≤105%", "95.00%", "95.00"),
        (done, "数量指标", "基本养老支出预算执行率", "≥95%或≤105%", "95.00%", "95.00"),
        (done, "质量指标", "养老保险待遇首次发放成功率", "≥95%", "100.00%", "41.67"),
        (done, "质量指标", "养老金首次转移成功率", "≥95%", "100.00%", "41.67"),
        (done, "质量指标", "养老金发放时效", "每月25日前", FAILED, "41.67"),
        (done, "质量指标", "基金使用符合政策规定", "100%", "100%", "41.67"),
        (benefit, "社会效益指标", "让离退休人员安享晚年", "充分发挥社会保险的职能作用", FAILED, "10.00"),
        (benefit, "可持续影响指标", "离退休人员上访率", "上访率控制在0.1%以内", NO_NODE, None),
        (satisfied, satisfied, "离休退人员满意度", "≥95%", NO_NODE, None),
    ]


def test_indicators_table_3(records: list[MonitoringRecord]) -> None:
    """Rows shifted both ways: ``→→→时效指标→…`` (one right), ``→及时报送…`` (no level
    cells, name in column 1, an empty cell between target and actual)."""
    done, benefit, satisfied = "项目完成", "项目效益", "满意度指标"
    count, timely, social = "数量指标", "时效指标", "社会效益指标"
    assert rows_of(records[2]) == [
        (done, count, "职工基本医疗保险支出预算执行率与序时进程偏离率", "≥-10%或≤10%", "0%", "50.00"),
        (done, count, "生育保险基金支出预算执行率与序时进程偏离率", "≥-10%或≤10%", "17.01%", "17.01"),
        (done, count, "职工基本医疗可支付月数", "≥6个月或≤9个月", "9个月", "50.00"),
        (done, count, "生育保险基金可支付月数", "≥6个月或≤9个月", "9个月", "41.67"),
        (done, count, "保障职工基本医疗保险参保人数", "≥13269人", "13471人", "50.00"),
        (done, count, "保障生育保险待遇享受人数", "≥284人", "128人", "58.80"),
        (done, count, "参保患者合规医疗费用应享受待遇金额与实际享受待遇金额差额", "<0.1%", "0%", "33.33"),
        (done, count, "医疗保险待遇发放准确率", "≥99%", "100%", "33.33"),
        (done, timely, "按标准足额保障参保人员待遇支出", "≥99%", "100%", "33.33"),
        (done, timely, "按时报送各项社会保险基金季报数据及分析", "每季度结束后的,15日内", FAILED, "33.33"),
        (done, timely, "及时报送各项社会保险基金决算数据及分析", "每年度结束后的,20日内", FAILED, "33.33"),
        (done, timely, "及时拨款,保障参加社会保险的各项社会保险待遇", "30日内完成审核拨付", FAILED, "33.33"),
        (benefit, social, "基金使用符合政策规定", "100%", "100%", "33.33"),
        (benefit, social, "保障各项社会保险待遇,维护社会和谐", "按标准审核后足额发放", FAILED, "33.33"),
        (benefit, social, "严格执行各项社会保险政策,违规使用医疗保险基金的情况", "≤0", "0", "33.33"),
        (benefit, social, "社会面平稳有序,上访率", "≤1%", "0%", "33.33"),
        (satisfied, satisfied, "职工基本医疗保险待遇享受人员满意度", ">90%", NO_NODE, None),
        (satisfied, satisfied, "生育保险待遇享受人员满意度", ">90%", NO_NODE, None),
        (satisfied, satisfied, "其他各项社会保险待遇享受人员满意度", ">90%", NO_NODE, None),
    ]


def test_indicators_table_4(records: list[MonitoringRecord]) -> None:
    """``→→项目效益→社会效益指标→基金使用符合政策规定→→100%→100%`` stands one column
    right and prints no 完成率; the three rows after it start at column 1."""
    done, benefit, satisfied = "项目完成", "项目效益", "满意度指标"
    count, quality, social = "数量指标", "质量指标", "社会效益指标"
    assert rows_of(records[3]) == [
        (done, count, "城乡居民基本医疗基金支出预算执行率与序时进程偏离率", "≥-10%或≤10%", "0%", "50.00"),
        (done, count, "城乡居民基本医疗可支付月数", "≥6个月或≤9个月", "9个月", "41.67"),
        (done, count, "保障城乡居民基本医疗参保人数", "≥158269人", "157751人", "41.54"),
        (done, count, "参保患者合规医疗费用应享受待遇金额与实际享受待遇金额差额", "<0.1%", "0%", "41.67"),
        (done, count, "医疗保险待遇发放准确率", "≥99%", "100%", "41.67"),
        (done, quality, "按标准足额保障参保人员待遇支出", "≥99%", "100%", "41.67"),
        (done, quality, "按时报送各项社会保险基金季报数据及分析", "每季度结束后的,15日内", FAILED, "41.67"),
        (done, quality, "及时报送各项社会保险基金决算数据及分析", "每年度结束后的,20日内", FAILED, "41.67"),
        (done, quality, "及时拨款,保障参加社会保险的各项社会保险待遇", "30日内完成审核拨付", FAILED, "41.67"),
        (benefit, social, "基金使用符合政策规定", "100%", "100%", None),
        (benefit, social, "保障各项社会保险待遇,维护社会和谐", "按标准审核后足额发放", FAILED, "1.00"),
        (benefit, social, "严格执行各项社会保险政策,违规使用医疗保险基金的情况", "≤0", "0", "41.67"),
        (benefit, social, "社会面平稳有序,上访率", "≤1%", "0%", "41.67"),
        (satisfied, satisfied, "城乡居民基本医疗保险待遇享受人员满意度", ">90%", NO_NODE, None),
        (satisfied, satisfied, "建档立卡贫困户待遇享受人员满意度", ">90%", NO_NODE, None),
    ]


def test_targets_and_actuals_are_read(records: list[MonitoringRecord]) -> None:
    """Every indicator went through jixiao.expr (target_expr / actual_value filled)."""
    for record in records:
        for indicator in record.indicators:
            assert indicator.target_expr is not None
            assert indicator.actual_value is not None
