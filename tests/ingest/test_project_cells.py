"""What a cell looks like, numbers as printed, and header labels found in cells."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jixiao.ingest.project.cells import Look, leading_percent, look_of, parse_number, parse_percent
from jixiao.ingest.project.labels import LabelValue, header_labels, money_unit_in

D = Decimal


@pytest.mark.parametrize(
    ("text", "look"),
    [
        ("44.75%", Look.PERCENT),
        ("100.0％", Look.PERCENT),
        ("2889.39", Look.NUMBER),
        ("354,657", Look.NUMBER),
        ("10.00分", Look.NUMBER),
        ("-10,670.54", Look.NUMBER),
        ("/", Look.DASH),
        ("—", Look.DASH),
        ("未达监控节点", Look.NO_NODE),
        ("未达成预期指标且效果较差", Look.TIER),
        ("达到预期指标", Look.TIER),
        ("达成年度指标", Look.TIER),  # the 10号 wording
        ("部分达成年度指标并具有一定效果", Look.TIER),
        ("９．５", Look.NUMBER),  # full-width digits and point
        ("３８，６５０．００", Look.NUMBER),
        ("39 120.00", Look.NUMBER),  # a space between thousands
        ("≥95%或≤105%", Look.VALUE),
        ("74272人", Look.VALUE),
        ("每月25日前", Look.VALUE),
        ("30日内完成审核拨付", Look.VALUE),
        ("参保缴费人数", Look.TEXT),
        ("按时报送", Look.TEXT),
    ],
)
def test_look_of(text: str, look: Look) -> None:
    assert look_of(text) is look


def test_numbers_as_printed() -> None:
    assert str(parse_number("354,657")) == "354657"
    assert str(parse_number("10.00分")) == "10.00"
    assert str(parse_number("1445.00")) == "1445.00"
    assert parse_number("—") is None
    assert parse_number("") is None
    assert parse_number("约100") is None
    assert str(parse_percent("50.01%")) == "50.01"
    assert parse_percent("/") is None
    assert parse_percent("未达监控节点") is None
    assert leading_percent("50%其中：财政资金") == (D("50"), "其中：财政资金")
    assert leading_percent("50%") is None


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_thousands_separators_are_dropped(value: Decimal) -> None:
    printed = f"{value:,.2f}"
    assert parse_number(printed) == value
    assert str(parse_number(printed)) == f"{value:.2f}"


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        (
            "填报单位(公章):岳普湖县劳动就业保险管理局",
            [("reporting_unit", "岳普湖县劳动就业保险管理局")],
        ),
        ("填报单位(公章)岳普湖县医疗保障局", [("reporting_unit", "岳普湖县医疗保障局")]),
        (
            "填报单位（公章）：喀什地区社会保险管理局金额单位：万元",
            [("reporting_unit", "喀什地区社会保险管理局"), ("money_unit", "万元")],
        ),
        ("部门（单位）名称", [("unit", "")]),
        ("项目周期2021年", [("cycle", "2021年")]),
        ("监控时点2021年6月", [("period", "2021年6月")]),
        ("单位：万元", [("money_unit", "万元")]),
        ("实施单位(公章)：疏勒县医疗保障局", [("unit", "疏勒县医疗保障局")]),
        # not labels: a unit name, a fund name containing 单位
        ("单位负责人：张三", []),
        ("机关事业单位养老保险", []),
    ],
)
def test_header_labels(text: str, pairs: list[tuple[str, str]]) -> None:
    assert header_labels(text) == [LabelValue(field, value) for field, value in pairs]


def test_money_unit_in_labels() -> None:
    assert money_unit_in("项目资金(万元)") == "万元"
    assert money_unit_in("预算执行情况（万元）") == "万元"
    assert money_unit_in("单位：元") == "元"
    assert money_unit_in("资金到位情况") is None


def test_footer_lines() -> None:
    from jixiao.ingest.project.cells import make_cell
    from jixiao.ingest.project.labels import is_footer

    def footer(text: str) -> bool:
        return is_footer(make_cell(text, None, 1))

    assert footer("填报人：联系电话：")
    assert footer("制表人:彭革娟")
    assert footer("电话:15276113376")
    assert footer("联系电话")
    assert not footer("电话回访满意度")
    assert not footer("填报单位（公章）：某局")


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("９．５", D("9.5")),
        ("３８，６５０．００", D("38650.00")),
        ("39 120.00", D("39120.00")),
        ("1 236 500", D("1236500")),
        ("12 34", None),  # not thousands: two numbers
        ("1 2345", None),
    ],
)
def test_full_width_figures_and_space_thousands(text: str, number: Decimal | None) -> None:
    assert parse_number(text) == number


def test_full_width_percent() -> None:
    assert parse_percent("９８．５％") == D("98.5")
