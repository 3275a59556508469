"""Seed 002 (喀什地区 2021): four 绩效监控表 extracted by pdfminer (cell text wrapped
over lines, fragments of neighbouring cells interleaved). The rows come from the
wrapped-text reader; expectations are read off the document.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.ingest import parse_file
from jixiao.records import Amount, MonitoringRecord

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "002_5b147586ac002357.txt"
D = Decimal
NO_NODE = "未达监控节点"
GARBLED = "105%≤≥95%"  # printed so: kept as printed
PAY_DAY = "每月25日前"

Row = tuple[str | None, str | None, str | None, str | None, str | None, str | None]


def rows_of(record: MonitoringRecord) -> list[Row]:
    return [
        (
            i.level1,
            i.level2,
            i.name,
            i.target,
            i.actual,
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
    ("index", "title", "project", "fund", "unit", "reporting_unit"),
    [
        (0, "喀什地区社保基金支出绩效监控情况表",
         "喀什地区本级机关事业单位养老保险（改革）基金支出项目", "public_pension",
         "喀什地区人力资源和社会保障局本级", "喀什地区社会保险管理局"),
        (1, "喀什地区社保基金支出绩效监控情况表", "喀什地区本级失业保险基金支出项目",
         "unemployment", "喀什地区人力资源和社会保障局本级", "喀什地区社会保险管理局"),
        (2, "项目支出绩效监控表", "喀什地区本级城镇职工基本医疗保险基金支出项目",
         "employee_medical", "喀什地区医疗保障局本级", "喀什地区医疗保障局"),
        (3, "项目支出绩效监控表", "喀什地区本级城乡居民基本医疗保险基金支出项目",
         "resident_medical", "喀什地区医疗保障局本级", "喀什地区医疗保障局"),
    ],
)
def test_header(
    records: list[MonitoringRecord],
    index: int,
    title: str,
    project: str,
    fund: str,
    unit: str,
    reporting_unit: str,
) -> None:
    record = records[index]
    assert record.title == title
    # the last two titles name no place: the region comes from the unit
    assert (record.region, record.year, record.period) == ("喀什地区", 2021, "2021-06")
    # "填报单位（公章）：… 金额单位：万元" on one line
    assert record.money_unit == "万元"
    assert record.reporting_unit == reporting_unit
    assert record.project == project
    assert record.fund is not None and record.fund.value == fund
    assert record.unit == unit
    # "五、绩效目标执行出现的偏差和采取的措施" left blank, then the footer
    assert record.deviation is None


@pytest.mark.parametrize(
    ("index", "planned", "executed", "other", "rate", "overall"),
    [
        (0, "325568", "161975", None, "50", "51"),  # 其他 其他 其他: blank
        (1, "8951", "3871", None, "43", "54"),
        (2, "176526.05", "95588.94", "0", "54.15", "52"),
        (3, "394016.26", "193526.64", "0", "49.12", "50"),
    ],
)
def test_budget_and_overall(
    records: list[MonitoringRecord],
    index: int,
    planned: str,
    executed: str,
    other: str | None,
    rate: str,
    overall: str,
) -> None:
    record = records[index]
    other_value = None if other is None else D(other)
    # 到位数 = 执行数 in all four tables
    assert record.budget.planned == Amount(total=D(planned), fiscal=D(planned), other=other_value)
    assert record.budget.available == Amount(total=D(executed), fiscal=D(executed), other=other_value)
    assert record.budget.executed == Amount(total=D(executed), fiscal=D(executed), other=other_value)
    assert str(record.budget.execution_rate_pct) == rate
    assert str(record.overall_completion_pct) == overall


def test_goal_and_progress(records: list[MonitoringRecord]) -> None:
    first, second, third, fourth = records
    assert first.goal == (
        "聚焦总目标，确保离退休人员按期足额领取养老金待遇，按期调整待遇，让离退休人员享受国家"
        "发展改革成果，安享晚年，确保社会稳定和长治久安。"
    )
    progress = (
        "1-5月喀什地区社保局严格执行社保基金管理法规政策，保证参保人员权益，按时足额发放各项"
        "社会保险待遇，未发生基金管理运行风险。"
    )
    assert first.progress == progress
    assert second.goal == (
        "聚焦总目标，确保失业人员按政策及时足额领取失业保险各项待遇，减轻家庭负担，维持基本安定"
        "生活，同时采取各项措施提高就业人员职业技能，避免失业。确保社会稳定和长治久安。"
    )
    assert second.progress == progress
    for record in (third, fourth):
        # goal and progress print the same paragraph
        assert record.goal is not None and record.goal == record.progress
        assert record.goal.startswith("以习近平新时代中国特色社会主义思想为指导，聚焦社会稳定和长治久安总目标，")
        assert record.goal.endswith("使参保人员的获得感、幸福感不断增强，促进实现新疆社会稳定和长治久安总目标。")


def test_indicators_table_1(records: list[MonitoringRecord]) -> None:
    done, benefit, satisfied = "项目完成", "项目效益", "满意度指标"
    assert rows_of(records[0]) == [
        (done, "数量指标", "参保缴费人数", "≥14333人", "14854", "52"),
        (done, "数量指标", "保障退休待遇人数", "≥6945人", "6940", "50"),
        (done, "数量指标", "基金收入预算执行率", GARBLED, "58.35%", "58"),
        (done, "数量指标", "基金支出预算执行率", GARBLED, "49.86%", "50"),
        (done, "质量指标", "养老保险待遇首次发放成功率", "≥95%", "100.00%", "50"),
        (done, "质量指标", "养老金首次转移成功率", "≥95%", "100.00%", "50"),
        (done, "质量指标", "养老金发放时效", PAY_DAY, PAY_DAY, "50"),
        (done, "质量指标", "基金使用符合政策规定", "100%", "100%", "50"),
        (benefit, "社会效益指标", "让离退休人员安享晚年", "充分发挥社会保险的职能作用", "100.00%", "50"),
        (benefit, "可持续影响指标", "离退休人员上访率",
         "上访率控制在0.1%以内，维护社会稳定，长治久安", "上访率0，维护社会稳定，长治久安", "50"),
        (satisfied, satisfied, "离退休人员满意度", "≥95%", NO_NODE, None),  # 完成率 "/"
    ]


def test_indicators_table_2(records: list[MonitoringRecord]) -> None:
    output, effect, satisfied = "产出指标", "效益指标", "满意度指标"
    basic = "保障失业人员基本生活"
    role = "充分发挥社会保险的社会保障职能作用"
    assert rows_of(records[1]) == [
        (output, "数量指标", "参保缴费人数", "25.08万人", "26.48万人", "53"),
        (output, "数量指标", "保障享受失业待遇人数", "2578人", "2718人", "53"),
        (output, "数量指标", "代缴医疗保险人次数", "24163人次", "15719人次", "65"),
        (output, "数量指标", "享受稳定岗位补贴企业参加失业保险人数", "9.33万人", "8.44万人", "45"),
        (output, "数量指标", "享受失业补助金人数", "2052人", "3301人", "80"),
        (output, "数量指标", "基金收入预算执行率", GARBLED, "49.49%", "49"),
        (output, "数量指标", "基金支出预算执行率", GARBLED, "53.18%", "53"),
        (output, "质量指标", "失业保险待遇首次发放成功率", "≥95%", "≥95%", "50"),
        (output, "质量指标", "代缴医疗保险费成功率", "100%", "100%", "50"),
        (output, "质量指标", "失业金发放时效", PAY_DAY, "按时发放", "50"),
        (output, "质量指标", "基金使用符合政策规定", "100%", "100%", "50"),
        (effect, "社会效益指标", "让失业人员按时足额领取待遇", basic, basic, "50"),
        (effect, "可持续影响指标", "提高职工职业技能，减少失业率", role, role, "50"),
        # 完成率 printed "未达监控节点"
        (satisfied, satisfied, "失业人员满意度", "≥95%", "≥95%", None),
    ]


def test_indicators_table_3(records: list[MonitoringRecord]) -> None:
    output, satisfied = "产出指标", "满意度指标"
    role = "充分发挥社会保险的职能作用"
    assert rows_of(records[2]) == [
        (output, "数量指标", "参保人数", "≥40.31万人", "38.85万人", "48"),
        (output, "数量指标", "享受待遇人次", "≥110.83万人次", "60.7万人次", "57"),
        (output, "质量指标", "基本医疗保险待遇预算支出金额", "168221.88万元", "93466.16万元", "56"),
        (output, "质量指标", "基本医疗保险支出预算执行率", GARBLED, "54%", "54"),
        (output, "质量指标", "参保人政策范围内住院费用报销比例", "≥85%", "85%", "50"),
        (output, "时效指标", "及时拨款，保障医疗保险待遇", PAY_DAY, PAY_DAY, "50"),
        (output, "时效指标", "按时报送各项社会保险基金月报、季报、年报数据及分析", "按时报送", "按时报送", "50"),
        # 社会效益指标 with no 一级 printed before it: 产出指标 carries down
        (output, "社会效益指标", "基金使用符合政策规定，资金滚存结余在合理范围", "基金运行平稳", "基金运行平稳", "50"),
        (output, "社会效益指标", "严格执行各项医疗保险政策，违规使用社会保险基金的情况", role, role, "50"),
        # "≥90% /" then "未达监控节点" wrapped in the narrow 完成率 column
        (satisfied, satisfied, "待遇享受人员满意度", "≥90%", "/", None),
    ]


def test_indicators_table_4(records: list[MonitoringRecord]) -> None:
    output, satisfied = "产出指标", "满意度指标"
    role = "充分发挥社会保险的职能作用"
    assert rows_of(records[3]) == [
        (output, "数量指标", "参保人数", "≥410.3万人", "406.6万人", "50"),
        (output, "数量指标", "各级财政实际补助标准", "≥610元/人", "610元/人", "50"),
        (output, "数量指标", "个人缴费标准", "≥320元/人", "350元/人", "55"),
        (output, "数量指标", "享受待遇人次", "≥1001.87万人次", "363.33万人次", "36"),
        (output, "质量指标", "基本医疗保险待遇预算支出金额", "325938.99万元", "168089.64万元", "52"),
        (output, "质量指标", "基本医疗保险支出预算执行率", GARBLED, "59%", "59"),
        (output, "质量指标", "基本医疗保险政策范围内费用报销比例", "82%", "82%", "50"),
        (output, "时效指标", "及时拨款，保障医疗保险待遇", PAY_DAY, PAY_DAY, "50"),
        (output, "时效指标", "按时报送各项社会保险基金月报、季报、年报数据及分析", "按时报送", "按时报送", "50"),
        (output, "社会效益指标", "基金使用符合政策规定，资金滚存结余在合理范围", "基金运行平稳", "基金运行平稳", "50"),
        (output, "社会效益指标", "严格执行各项医疗保险政策，违规使用社会保险基金的情况", role, role, "50"),
        (satisfied, satisfied, "待遇享受人员满意度", "≥90%", "/", None),
    ]
