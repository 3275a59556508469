"""Reading actuals: every 指标完成值/实际完成值 text of the seeds, plus the spec's cases.

Expectations are written by hand from the documents and domain-rules §1.5/§3.4.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from jixiao.expr import parse_actual


def num(value: str, unit: str | None = None, op: str | None = None) -> dict[str, Any]:
    return {"kind": "number", "value": Decimal(value), "unit": unit, "op": op}


def tier(name: str) -> dict[str, Any]:
    return {"kind": "tier", "tier": name}


def said(met: bool | None) -> dict[str, Any]:
    return {"kind": "statement", "met": met}


NOT_MEASURABLE: dict[str, Any] = {"kind": "not_measurable"}

SEED_ACTUALS: list[tuple[str, dict[str, Any]]] = [
    # 000
    ("66467人", num("66467", "人")),
    ("14388人", num("14388", "人")),
    ("95.00%", num("95.00", "%")),
    ("100%", num("100", "%")),
    ("未达成预期指标且效果较差", tier("not_achieved")),
    ("未达监控节点", NOT_MEASURABLE),
    ("6903人", num("6903", "人")),
    ("1964人", num("1964", "人")),
    ("100.00%", num("100.00", "%")),
    ("0%", num("0", "%")),
    ("17.01%", num("17.01", "%")),
    ("9个月", num("9", "个月")),
    ("13471人", num("13471", "人")),
    ("128人", num("128", "人")),
    ("0", num("0")),
    ("/", NOT_MEASURABLE),
    # 001
    ("266%", num("266", "%")),
    ("128267", num("128267")),
    ("6.80%", num("6.80", "%")),
    ("2%", num("2", "%")),
    ("90%", num("90", "%")),
    ("按时报送", said(True)),
    ("按时拨付", said(True)),
    ("运行平稳", said(True)),
    ("按标准发放", said(True)),
    ("未发生", said(True)),
    ("无", said(True)),
    ("达到预期指标", tier("achieved")),
    ("95%", num("95", "%")),
    ("192%", num("192", "%")),
    ("964924", num("964924")),
    ("386", num("386")),
    ("134", num("134")),
    ("30", num("30")),
    # 002
    ("14854", num("14854")),
    ("6940", num("6940")),
    ("58.35%", num("58.35", "%")),
    ("49.86%", num("49.86", "%")),
    ("每月25日前", said(True)),
    ("上访率0，维护社会稳定，长治久安", num("0")),
    ("26.48万人", num("26.48", "万人")),
    ("2718人", num("2718", "人")),
    ("15719人次", num("15719", "人次")),
    ("8.44万人", num("8.44", "万人")),
    ("3301人", num("3301", "人")),
    ("49.49%", num("49.49", "%")),
    ("53.18%", num("53.18", "%")),
    ("≥95%", num("95", "%", "≥")),
    ("按时发放", said(True)),
    ("保障失业人员基本生活", said(None)),
    ("充分发挥社会保险的社会保障职能作用", said(None)),
    ("充分发挥社会保险的职能作用", said(None)),
    ("38.85万人", num("38.85", "万人")),
    ("60.7万人次", num("60.7", "万人次")),
    ("93466.16万元", num("93466.16", "万元")),
    ("54%", num("54", "%")),
    ("85%", num("85", "%")),
    ("基金运行平稳", said(True)),
    ("406.6万人", num("406.6", "万人")),
    ("610元/人", num("610", "元/人")),
    ("350元/人", num("350", "元/人")),
    ("363.33万人次", num("363.33", "万人次")),
    ("168089.64万元", num("168089.64", "万元")),
    ("59%", num("59", "%")),
    ("82%", num("82", "%")),
    # 003
    ("157935人", num("157935", "人")),
    ("每季度结束后的，15日内", said(True)),
    ("每年度结束后的，20日内", said(True)),
    ("30日内完成审核拨付", said(True)),
    ("按标准审核后足额发放", said(True)),
    ("70083人", num("70083", "人")),
    ("15774人", num("15774", "人")),
    ("上访率控制在0.1%以内", num("0.1", "%", "≤")),
    ("7358人", num("7358", "人")),
    ("2037人", num("2037", "人")),
    ("≥14830人", num("14830", "人", "≥")),
    ("≥301人", num("301", "人", "≥")),
]

MORE_ACTUALS: list[tuple[str, dict[str, Any]]] = [
    ("达成年度指标", tier("achieved")),
    ("达成预期指标", tier("achieved")),
    ("达到预期指标。", tier("achieved")),
    ("达成年度目标", tier("achieved")),
    ("已完成年度目标", tier("achieved")),
    ("部分达成年度指标并具有一定效果", tier("partial")),
    ("部分达成预期指标并具有一定效果", tier("partial")),
    ("部分达成预期指标", tier("partial")),
    ("部分达成年度指标，并具有一定的效果", tier("partial")),
    ("未达成年度指标且效果较差", tier("not_achieved")),
    ("未达成预期指标且效果较差", tier("not_achieved")),
    ("未达到预期指标", tier("not_achieved")),
    ("未达成（年度）目标且效果较差", tier("not_achieved")),
    ("未到监控节点", NOT_MEASURABLE),
    ("尚未到监控时间节点", NOT_MEASURABLE),
    ("—", NOT_MEASURABLE),
    ("-", NOT_MEASURABLE),
    ("——", NOT_MEASURABLE),
    ("／", NOT_MEASURABLE),
    ("暂无数据", NOT_MEASURABLE),
    ("年底统计", NOT_MEASURABLE),
    ("已完成", said(True)),
    ("按时足额发放", said(True)),
    ("没有发生", said(True)),
    ("未出现违规情况", said(True)),
    ("未按时报送", said(False)),
    ("发放滞后", said(False)),
    ("无法按时拨付", said(False)),
    ("基本完成", said(None)),
    ("稳步提升", said(None)),
    ("2020年12月底前已完成", said(True)),
    ("≥99%", num("99", "%", "≥")),
    ("＜0.1%", num("0.1", "%", "<")),
    ("1,234人", num("1234", "人")),
    ("3 个月", num("3", "个月")),
    ("-5.2%", num("-5.2", "%")),
    ("可支付9个月", num("9", "个月")),
    ("达到100%", num("100", "%")),
    ("完成100%", num("100", "%")),
    ("95%（含）以上", num("95", "%", "≥")),
]


@pytest.mark.parametrize(("text", "expected"), SEED_ACTUALS + MORE_ACTUALS)
def test_actual_reading(text: str, expected: dict[str, Any]) -> None:
    value = parse_actual(text)
    assert value.text == text
    got = {field: getattr(value, field) for field in expected}
    assert got == expected, f"{text!r}: {value!r}"


@pytest.mark.parametrize("text", [None, "", "  "])
def test_empty_actual(text: str | None) -> None:
    value = parse_actual(text)
    assert value.kind == "empty"
    assert value.text == (text or "")


def test_printed_precision_is_kept() -> None:
    assert str(parse_actual("95.00%").value) == "95.00"
    assert str(parse_actual("100.00%").value) == "100.00"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("95%-105%", "区间"),
        ("≥95%或≤105%", "区间"),
        ("已为2037人发放，共计100万元", "多个数值"),
        ("105%≤≥95%", "比较符重复"),
        ("≥", "没有数值"),
    ],
)
def test_malformed_actuals_say_why(text: str, word: str) -> None:
    value = parse_actual(text)
    assert value.kind == "malformed", value
    assert value.reason is not None and word in value.reason
    assert value.value is None
