"""One hand-made form of each kind, written the way each extraction tool writes it
(TSV, marker / docling markdown, MinerU / wired_table_rec HTML with spans, one cell
per line), must read to the same record. The fixtures are grids with merged
ranges in ``tests/fixtures/project/*.json``; the expected records are written by
hand from those grids.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.ingest.grid import read_rows
from jixiao.ingest.project import read_project_record
from jixiao.ingest.styles.layout import Grid
from jixiao.ingest.styles.writers import write_cell_lines, write_html, write_markdown, write_tsv
from jixiao.records import Amount, Budget

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "project"
D = Decimal

WRITERS: dict[str, Callable[[Grid], str]] = {
    "tsv": write_tsv,
    "markdown_marker": write_markdown,
    "markdown_docling": lambda g: write_markdown(g, duplicate_spans=True),
    "html_mineru": write_html,
    "html_wired": lambda g: write_html(g, explicit_spans=True, one_line=False),
    "cell_lines": write_cell_lines,
}


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    return data


def grid_of(data: dict[str, Any]) -> Grid:
    spans = {(r, c): (rs, cs) for r, c, rs, cs in data["spans"]}
    return Grid([list(row) for row in data["cells"]], spans)


def read(name: str, style: str) -> Any:
    data = load(name)
    text = "\n".join(data["before"]) + "\n\n" + WRITERS[style](grid_of(data))
    return read_project_record(read_rows(text), data["kind"], title=data["title"])


def indicators(record: Any) -> list[tuple[Any, ...]]:
    return [
        (i.level1, i.level2, i.name, i.target, i.actual, i.completion_pct, i.weight, i.score, i.note)
        for i in record.indicators
    ]


STYLES = list(WRITERS)


@pytest.mark.parametrize("style", STYLES)
def test_monitoring(style: str) -> None:
    record = read("monitoring", style)
    assert record.kind == "monitoring"
    assert (record.title, record.region, record.year, record.period) == (
        "伽师县社保基金支出绩效监控情况表", "伽师县", 2021, "2021-06")
    assert (record.fund.value, record.money_unit) == ("resident_medical", "万元")
    assert record.project == "城乡居民基本医疗保险基金支出项目"
    assert (record.unit, record.reporting_unit) == ("伽师县医疗保障局", "伽师县医疗保障局")
    assert record.budget == Budget(
        planned=Amount(total=D("5000.00"), fiscal=D("5000.00"), other=D("0.00")),
        available=Amount(total=D("4000.00"), fiscal=D("4000.00"), other=D("0.00")),
        executed=Amount(total=D("2400.00"), fiscal=D("2400.00"), other=D("0.00")),
        execution_rate_pct=D("48.00"),
    )
    assert record.goal == "确保参保群众按时足额享受医疗保险待遇。"
    assert record.progress == "1-6月按时足额拨付医疗保险待遇。"
    assert record.overall_completion_pct == D("52.50")
    assert record.deviation == "预算执行率低于序时进度，已加快拨付进度。"
    n = None
    assert indicators(record) == [
        ("产出指标", "数量指标", "参保人数", "≥30万人", "28.5万人", D("47.50"), n, n, n),
        ("产出指标", "数量指标", "医疗保险待遇发放准确率", "≥99%", "100%", D("50.00"), n, n, n),
        ("产出指标", "时效指标", "待遇拨付时效", "每月25日前", "按时拨付", D("50.00"), n, n, n),
        ("效益指标", "社会效益指标", "基金使用符合政策规定", "100%", "100%", D("50.00"), n, n, n),
        ("满意度指标", "服务对象满意度指标", "参保人员满意度", "≥90%", "未达监控节点", n, n, n, n),
    ]


@pytest.mark.parametrize("style", STYLES)
def test_target(style: str) -> None:
    record = read("target", style)
    assert record.kind == "target"
    assert (record.title, record.region, record.year) == ("疏附县社会保险基金支出绩效目标表", "疏附县", None)
    assert (record.fund.value, record.money_unit) == ("resident_pension", "万元")
    assert record.project == "疏附县城乡居民基本养老保险基金支出"
    assert (record.unit, record.reporting_unit) == ("疏附县社会保险服务中心", None)
    assert record.budget == Budget(
        planned=Amount(total=D("12345.6"), fund_money=D("12345.6"), other=D("0"))
    )
    assert record.goal == "确保城乡居民按时足额领取养老金。"
    assert (record.progress, record.deviation) == (None, None)
    n = None
    assert indicators(record) == [
        ("产出指标", "数量指标", "参保人数", "≥8万人", n, n, n, n, n),
        ("产出指标", "数量指标", "待遇领取人数", "≥1.2万人", n, n, n, n, n),
        # 成本指标 is a 一级 (财预〔2021〕101号) or a 二级: here it follows 数量指标 under 产出
        ("产出指标", "成本指标", "人均代缴标准", "100元", n, n, n, n, n),
        ("效益指标", "可持续影响指标", "离退休人员上访率", "上访率控制在0.1%以内", n, n, n, n, n),
        ("满意度指标", "满意度指标", "参保人员满意度", "≥95%", n, n, n, n, n),
    ]


@pytest.mark.parametrize("style", STYLES)
def test_scored_self_evaluation(style: str) -> None:
    record = read("self_evaluation", style)
    assert record.kind == "self_evaluation"
    assert (record.title, record.region, record.year) == ("项目支出绩效自评表", "伽师县", 2021)
    assert (record.fund.value, record.money_unit) == ("employee_medical", "万元")
    assert record.project == "城镇职工基本医疗保险项目"
    assert (record.unit, record.reporting_unit) == ("伽师县医疗保障局", "伽师县医疗保障局")
    assert record.budget == Budget(
        initial=Amount(total=D("3800.00"), fiscal=D("3800.00"), carryover=D("0.00")),
        planned=Amount(total=D("4000.00"), fiscal=D("4000.00"), carryover=D("0.00")),
        executed=Amount(total=D("3900.00"), fiscal=D("3900.00"), carryover=D("0.00")),
        execution_rate_pct=D("97.50"),
        weight=D("10"),
        score=D("9.75"),
    )
    assert record.goal == "保障职工医疗待遇按时足额支付。"
    assert record.progress == "全年按时足额支付职工医疗待遇。"
    assert (record.total_weight, record.total_score) == (D("100"), D("99.48"))
    assert record.deviation is None
    n = None
    assert indicators(record) == [
        ("产出指标", "数量指标", "参保人数", "≥1.5万人", "1.48万人", n, D("20"), D("19.73"),
         "个别单位断缴，已督促补缴。"),
        ("产出指标", "质量指标", "待遇发放准确率", "≥99%", "100%", n, D("15"), D("15"), n),
        ("产出指标", "时效指标", "待遇拨付时效", "每月25日前", "按时拨付", n, D("15"), D("15"), n),
        ("效益指标", "社会效益指标", "违规使用医保基金情况", "≤0", "0", n, D("30"), D("30"), n),
        ("满意度指标", "服务对象满意度指标", "参保人员满意度", "≥90%", "95%", n, D("10"), D("10"), n),
    ]


@pytest.mark.parametrize("style", STYLES)
def test_old_self_evaluation(style: str) -> None:
    record = read("self_evaluation_old", style)
    assert record.kind == "self_evaluation"
    assert (record.title, record.region, record.year) == ("岳普湖县社会保险支出绩效自评表", "岳普湖县", 2021)
    assert (record.fund.value, record.money_unit) == ("resident_medical", "万元")
    assert record.project == "2021年城乡居民基本医疗保险支出项目"
    assert (record.unit, record.reporting_unit) == ("岳普湖县医疗保障局", None)
    assert record.budget == Budget(
        planned=Amount(total=D("2000.00"), fund_money=D("2000.00")),
        executed=Amount(total=D("1800.00"), fund_money=D("1800.00")),
    )
    assert record.goal == "保障参保居民医疗待遇。"
    assert record.progress == "全年报销住院费用1.2万人次。"
    assert record.deviation == "执行数低于预算数，系住院人次减少。"
    assert (record.total_weight, record.total_score) == (None, None)
    n = None
    assert indicators(record) == [
        ("项目完成指标", "数量指标", "住院报销人次", "≥1万人次", "1.2万人次", n, n, n, n),
        ("项目完成指标", "成本指标", "个人缴费标准(元/人)", "≥320", "350", n, n, n, n),
        ("项目完成指标", "经济效益指标", "提高全民健康水平", "稳步提升", "达到预期指标", n, n, n, n),
        ("满意度指标", "满意度指标", "参保人员满意度", "≥90%", "95%", n, n, n, n),
    ]


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_blank_cells_inserted_into_indicator_rows_change_nothing(data: st.DataObject) -> None:
    """Extraction adds or drops empty cells: a complete row reads the same wherever
    blanks are inserted into it."""
    fixture = load("self_evaluation")
    expected = indicators(read("self_evaluation", "tsv"))
    cells = [list(row) for row in grid_of(fixture).cells]
    for index in range(10, 15):  # the indicator rows
        row = [c for c in cells[index] if c] if data.draw(st.booleans()) else cells[index]
        for _ in range(data.draw(st.integers(0, 3))):
            row.insert(data.draw(st.integers(0, len(row))), "")
        cells[index] = row
    text = "\n".join(fixture["before"]) + "\n" + "".join("\t".join(r) + "\n" for r in cells)
    record = read_project_record(read_rows(text), "self_evaluation", title=fixture["title"])
    assert indicators(record) == expected
