"""绩效监控表 variants: the 运行监控表 of a 医疗保障局 (全年预算数（A）｜1-6月执行数（B）｜
执行率（B/A）, 1-6月完成值, 指标完成进度), MinerU HTML with spans and LaTeX, amounts in
元 for an 自治县, and the central 项目支出绩效目标执行监控表 with a two-row heading
(偏差原因分析 over 经费保障…其他) and forecast columns. Expectations are read off the
printed documents by hand."""

from __future__ import annotations

import pytest
from test_variants_support import ROW_STYLES, D, header, indicators, n, read_doc, read_grid

from jixiao.records import Amount, Budget


@pytest.mark.parametrize("style", ROW_STYLES)
def test_runtime_monitoring_table_of_a_medical_bureau(style: str) -> None:
    [record] = read_grid("monitoring_runtime", style)
    assert header(record) == (
        "monitoring", "莎车县医疗保障局2021年项目支出绩效运行监控表", "莎车县", 2021,
        "resident_medical", "万元", "城乡居民基本医疗保险基金支出项目", "莎车县医疗保险服务中心",
        "莎车县医疗保障局",
    )  # fmt: skip
    assert record.period == "2021-06"  # the columns report 1-6月
    assert record.budget == Budget(
        planned=Amount(total=D("45210.50"), fiscal=D("30000.00"), other=D("15210.50")),
        executed=Amount(total=D("21003.80"), fiscal=D("15000.00"), other=D("6003.80")),
        execution_rate_pct=D("46.46"),
    )
    assert record.goal == "确保城乡居民医疗保险待遇按时足额支付，参保率稳定在95%以上。"
    assert record.progress == "上半年累计支付待遇21003.80万元，参保率96.2%。"
    assert (record.overall_completion_pct, record.deviation) == (None, None)
    assert indicators(record) == [
        ("产出指标", "数量指标", "参保人数", "≥80万人", "79.6万人", D("99.50"), n, n, n),
        ("产出指标", "数量指标", "住院待遇享受人次", "≥6万人次", "2.8万人次", D("46.67"), n, n,
         "按序时进度推进"),
        ("产出指标", "质量指标", "政策范围内住院费用报销比例", "≥70%", "71%", D("100.00"), n, n, n),
        ("产出指标", "时效指标", "医疗费用结算时效", "30日内", "30日内", D("100.00"), n, n, n),
        ("效益指标", "社会效益指标", "减轻参保人员就医负担", "成效明显", "成效明显", n, n, n, n),
        ("满意度指标", "服务对象满意度指标", "参保群众满意度", "≥90%", "未到评价时点", n, n, n,
         "年底开展满意度调查"),
    ]  # fmt: skip


def test_mineru_html_with_spans_and_latex() -> None:
    """MinerU: ``#`` title, one ``<table>`` with rowspan/colspan, ``$\\geq 2100$ 人``,
    ``截至6月底执行情况``, 监控时点 ``2022年6月30日``, the footer after the table."""
    [record] = read_doc("monitoring_mineru_latex.md")
    assert header(record) == (
        "monitoring", "麦盖提县社保基金支出绩效监控情况表", "麦盖提县", 2022, "public_pension",
        "万元", "机关事业单位基本养老保险基金支出", "麦盖提县社会保险中心",
        "麦盖提县社会保险中心",
    )  # fmt: skip
    assert record.period == "2022-06"
    assert record.budget == Budget(
        planned=Amount(total=D("8652.30"), fiscal=D("1200.00"), other=D("7452.30")),
        available=Amount(total=D("4500.00"), fiscal=D("600.00"), other=D("3900.00")),
        executed=Amount(total=D("4380.52"), fiscal=D("600.00"), other=D("3780.52")),
        execution_rate_pct=D("50.63"),
    )
    assert record.goal == "确保机关事业单位离退休人员基本养老金按时足额发放，按政策调整待遇水平。"
    assert record.progress == "1-6月按时足额发放基本养老金4380.52万元，待遇调整工作正在推进。"
    assert record.overall_completion_pct == D("50.00")
    assert record.deviation == "基金支出进度与序时进度基本一致，无重大偏差。"
    assert indicators(record) == [
        ("产出指标", "数量指标", "离退休人员领取待遇人数", "≥2100人", "2086人", D("99.33"), n, n, n),
        ("产出指标", "数量指标", "参保缴费人数", "≥5600人", "5712人", D("100.00"), n, n, n),
        ("产出指标", "质量指标", "养老金发放准确率", "≥99%", "100%", D("100.00"), n, n, n),
        ("产出指标", "时效指标", "养老金发放时效", "每月10日前", "每月10日前", D("100.00"), n, n, n),
        ("效益指标", "社会效益指标", "基金支出预算执行率", "≥95%且≤105%", "50.63%", n, n, n,
         "按序时进度执行，下半年继续按月发放"),
        ("满意度指标", "服务对象满意度指标", "离退休人员满意度", "≥90%", "未达监控节点", n, n, n, n),
    ]  # fmt: skip


def test_amounts_in_yuan_for_an_autonomous_county() -> None:
    """金额单位：元 on the 填报单位 line, 全年预算数：/1-6月执行数： pairs, 监控时点
    ``2022年1-6月``, a 塔吉克自治县, 完成率 printed ``/`` where nothing is measured."""
    [record] = read_doc("monitoring_yuan_autonomous.tsv.txt")
    county = "塔什库尔干塔吉克自治县"
    assert header(record) == (
        "monitoring", f"{county}社保基金支出绩效监控情况表", county, 2022, "resident_pension",
        "元", "城乡居民基本养老保险基金支出", f"{county}社会保险中心", f"{county}社会保险中心",
    )  # fmt: skip
    assert record.period == "2022-06"
    assert record.budget == Budget(
        planned=Amount(total=D("18520000.00"), fiscal=D("6000000.00"), other=D("12520000.00")),
        available=Amount(total=D("9260000.00"), fiscal=D("3000000.00"), other=D("6260000.00")),
        executed=Amount(total=D("9012345.67"), fiscal=D("2950000.00"), other=D("6062345.67")),
        execution_rate_pct=D("48.66"),
    )
    assert record.goal == "1、按时足额发放城乡居民养老金；2、做好待遇资格认证；3、提高参保缴费率。"
    assert record.progress == "1-6月按时足额发放养老金，完成资格认证92%。"
    assert record.overall_completion_pct == D("52.10")
    assert record.deviation == "参保缴费集中在下半年，将加大宣传动员力度。"
    assert indicators(record) == [
        ("产出指标", "数量指标", "待遇领取人数", "≥4200人", "4185人", D("99.64"), n, n, n),
        ("产出指标", "数量指标", "参保缴费人数", "≥15000人", "9800人", D("65.33"), n, n, n),
        ("产出指标", "质量指标", "待遇资格认证率", "≥95%", "92%", D("96.84"), n, n, n),
        ("产出指标", "时效指标", "养老金发放时间", "每月10日前", "每月10日前", D("100.00"), n, n, n),
        ("效益指标", "社会效益指标", "保障城乡居民老年基本生活", "有效保障", "有效保障", n, n, n, n),
        ("满意度指标", "服务对象满意度指标", "参保群众满意度", "≥90%", "未达监控节点", n, n, n, n),
    ]  # fmt: skip


@pytest.mark.parametrize("style", ROW_STYLES)
def test_central_form_with_a_two_row_heading(style: str) -> None:
    """The central 执行监控表: only 年初预算数 is printed (the budget the execution is
    measured against, so ``planned``), 全年预计执行数 and 全年预计完成情况 are forecasts
    (no record field), 偏差原因分析 spans 经费保障…其他 in a second heading row, and
    完成目标可能性 is a column of its own."""
    [record] = read_grid("monitoring_central_form", style)
    assert header(record) == (
        "monitoring", "项目支出绩效目标执行监控表", "疏附县", 2021, "resident_pension", "万元",
        "城乡居民基本养老保险基金支出", "疏附县社会保险中心", "疏附县人力资源和社会保障局",
    )  # fmt: skip
    assert record.period == "2021-07"
    assert record.budget == Budget(
        planned=Amount(total=D("7300.00"), fiscal=D("2300.00"), other=D("5000.00")),
        executed=Amount(total=D("4210.50"), fiscal=D("1341.67"), other=D("2868.83")),
        execution_rate_pct=D("57.68"),
    )
    assert record.goal == "按时足额发放城乡居民养老金，参保率稳定在95%以上。"
    assert record.progress == "1-7月按时足额发放养老金，参保率96%。"
    assert indicators(record) == [
        ("产出指标", "数量指标", "待遇领取人数", "≥9800人", "9755人", n, n, n, n),
        ("产出指标", "质量指标", "养老金发放准确率", "100%", "100%", n, n, n, n),
        ("效益指标", "社会效益指标", "老年居民基本生活保障", "有效保障", "有效保障", n, n, n, n),
        ("满意度指标", "服务对象满意度指标", "参保居民满意度", "≥90%", "未开展", n, n, n,
         "年底开展调查"),
    ]  # fmt: skip


@pytest.mark.parametrize("name", ["monitoring_runtime", "monitoring_central_form"])
def test_monitoring_runtime_titles_one_cell_per_line(name: str) -> None:
    [record] = read_grid(name, "cell_lines")
    assert record.kind == "monitoring" and len(record.indicators) >= 4
