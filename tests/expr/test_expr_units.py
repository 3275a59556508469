"""Unit conversion and compatibility (jixiao.expr.units)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.expr.units import same_dimension, to_base


@pytest.mark.parametrize(
    ("value", "unit", "expected_value", "expected_unit"),
    [
        ("4.4", "万人", "44000", "人"),
        ("38.85", "万人", "388500", "人"),
        ("60.7", "万人次", "607000", "人次"),
        ("168221.88", "万元", "1682218800", "元"),
        ("1.5", "亿元", "150000000", "元"),
        ("10", "万", "100000", None),
        ("2", "亿", "200000000", None),
        ("9", "个月", "9", "月"),
        ("9", "月", "9", "月"),
        ("30", "天", "30", "日"),
        ("30", "日", "30", "日"),
        ("95", "%", "95", "%"),
        ("95", "百分比", "95", "%"),
        ("610", "元/人", "610", "元/人"),
        ("66467", "人", "66467", "人"),
        ("128267", None, "128267", None),
        ("12", "场", "12", "场"),
    ],
)
def test_to_base(
    value: str, unit: str | None, expected_value: str, expected_unit: str | None
) -> None:
    assert to_base(Decimal(value), unit) == (Decimal(expected_value), expected_unit)


def test_to_base_keeps_exact_decimals() -> None:
    base, _ = to_base(Decimal("0.01"), "万元")
    assert base == Decimal("100")
    assert to_base(Decimal("1.23"), "亿元")[0] == Decimal("123000000")


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("万人", "人", True),
        ("人", "万人", True),
        ("万人次", "人次", True),
        ("万元", "元", True),
        ("亿元", "万元", True),
        ("个月", "月", True),
        ("天", "日", True),
        ("%", "%", True),
        ("%", "百分比", True),
        (None, "人", True),
        ("人", None, True),
        (None, "万人", True),
        (None, None, True),
        ("万", "人", True),
        ("%", None, False),
        (None, "%", False),
        ("%", "人", False),
        ("人", "人次", False),
        ("元", "人", False),
        ("月", "日", False),
        ("个", "场", False),
    ],
)
def test_same_dimension(first: str | None, second: str | None, same: bool) -> None:
    assert same_dimension(first, second) is same
