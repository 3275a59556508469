"""Result tiers (domain-rules §1.5) and filling an Indicator."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.expr import read_indicator
from jixiao.expr.tiers import TIER_PHRASES, read_tier
from jixiao.records import Indicator


@pytest.mark.parametrize(
    ("text", "tier"),
    [
        ("达成年度指标", "achieved"),
        ("达成预期指标", "achieved"),
        ("达到预期指标", "achieved"),
        ("达到年度指标", "achieved"),
        ("达成（年度）目标", "achieved"),
        ("部分达成年度指标并具有一定效果", "partial"),
        ("部分达成预期指标并具有一定效果", "partial"),
        ("部分达成预期指标", "partial"),
        ("部分达到年度目标，具有一定效果", "partial"),
        ("未达成年度指标且效果较差", "not_achieved"),
        ("未达成预期指标且效果较差", "not_achieved"),
        ("未达成预期指标", "not_achieved"),
        ("没有达到年度目标，效果较差", "not_achieved"),
    ],
)
def test_tier_wordings(text: str, tier: str) -> None:
    assert read_tier(text) == tier


@pytest.mark.parametrize(
    "text",
    ["按时报送", "已完成", "达成", "未达监控节点", "100%", "达到预期指标后发放待遇", "成效明显"],
)
def test_not_a_tier(text: str) -> None:
    assert read_tier(text) is None


def test_canonical_phrases_follow_10hao() -> None:
    assert TIER_PHRASES == {
        "achieved": "达成年度指标",
        "partial": "部分达成年度指标并具有一定效果",
        "not_achieved": "未达成年度指标且效果较差",
    }


def test_read_indicator_fills_both_readings() -> None:
    indicator = Indicator(name="参保缴费人数", target="≥14333人", actual="14854")
    read = read_indicator(indicator)
    assert read is not indicator
    assert indicator.target_expr is None  # the original is untouched
    assert read.target_expr is not None and read.actual_value is not None
    assert (read.target_expr.kind, read.target_expr.op) == ("comparison", "≥")
    assert read.target_expr.value == Decimal("14333")
    assert (read.actual_value.kind, read.actual_value.value) == ("number", Decimal("14854"))
    assert read.name == "参保缴费人数"


def test_read_indicator_none_text_gives_none() -> None:
    read = read_indicator(Indicator(name="参保人数", target="4.4万人", actual=None))
    assert read.actual_value is None
    assert read.target_expr is not None and read.target_expr.unit == "万人"
    blank = read_indicator(Indicator(name="x"))
    assert blank.target_expr is None and blank.actual_value is None
