"""The computation functions, against figures worked out by hand from the spec and the seeds."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.expr import parse_actual, parse_target
from jixiao.records import ActualValue, Bound, TargetExpr
from jixiao.rules import RuleSettings
from jixiao.rules.accounts import payable_months
from jixiao.rules.achievement import achievement
from jixiao.rules.budget import execution_rate, execution_score, time_progress
from jixiao.rules.completion import (
    agreeing_methods,
    completion_pct,
    majority_methods,
    overall_completion,
)
from jixiao.rules.precision import agrees, quantize, same_figure
from jixiao.rules.scoring import grade, indicator_group, qualitative_band, quantitative_score

S = RuleSettings()


def r(target: str, actual: str, formula: str = "ratio") -> Decimal | None:
    return achievement(parse_target(target), parse_actual(actual), formula).ratio  # type: ignore[arg-type]


# --- precision (checks.md "Rounding") ---


@pytest.mark.parametrize(
    ("printed", "computed", "ok"),
    [
        ("50", "49.75", True),  # checks.md: 50% agrees with 49.75
        ("50.01", "50.011", True),
        ("5.90", "5.898", True),
        ("92.89", "92.899", True),  # one unit tolerated (truncation)
        ("50.00", "49.75", False),
        ("52", "50", False),
        ("95.00", "100", False),
    ],
)
def test_agrees_at_printed_precision(printed: str, computed: str, ok: bool) -> None:
    assert agrees(Decimal(printed), Decimal(computed)) is ok


def test_same_figure_uses_the_coarser_precision() -> None:
    assert same_figure(Decimal("3738.2"), Decimal("3738.20"))
    assert not same_figure(Decimal("13129.54"), Decimal("13159.54"))


# --- budget ---


def test_execution_rate_of_the_seed_monitoring() -> None:
    # 000: 执行数 1445.00 / 预算数 2889.39 → 50.01%
    rate = execution_rate(Decimal("2889.39"), Decimal("1445.00"))
    assert rate is not None and quantize(rate, 2) == Decimal("50.01")
    assert execution_rate(Decimal(0), Decimal(5)) is None
    assert execution_rate(None, Decimal(5)) is None


def test_execution_score_is_capped() -> None:
    assert execution_score(Decimal("265.98"), Decimal(10)) == 10
    assert quantize(execution_score(Decimal("92.89"), Decimal(10)), 2) == Decimal("9.29")


def test_time_progress_by_month_and_day() -> None:
    assert time_progress("2020-06", S) == Decimal("0.5")
    by_day = RuleSettings(time_progress_basis="day")
    # 2020 is a leap year: Jan–Jun = 31+29+31+30+31+30 = 182 days of 366
    assert time_progress("2020-06", by_day) == Decimal(182) / Decimal(366)
    assert time_progress(None, S) is None


# --- achievement ratio ---


def test_ratio_of_a_lower_bound() -> None:
    assert quantize(r("74272人", "66467人"), 4) == Decimal("0.8949")  # type: ignore[arg-type]
    assert quantize(r("≥95%", "100%"), 4) == Decimal("1.0526")  # type: ignore[arg-type]


def test_unitless_actual_is_read_in_the_nearer_unit() -> None:
    # 001: ≥10万人 against 128267 → 128267 人, r = 1.28267
    assert r("≥10万人", "128267") == Decimal("1.28267")
    # 002: 38.85万人 against ≥40.31万人 (both 万人)
    assert quantize(r("≥40.31万人", "38.85万人"), 4) == Decimal("0.9638")  # type: ignore[arg-type]


def test_ratio_of_an_upper_bound_by_both_formulas() -> None:
    assert r("≤1%", "0%") == 1
    assert r("≤2%", "4%") == Decimal("0.5")  # target / actual
    assert r("≤2%", "3%", "linear") == Decimal("0.5")  # 1 − (3−2)/2
    assert r("≤2%", "5%", "linear") == 0
    assert r("≤0", "3") == 0


def test_ratio_of_a_range() -> None:
    assert r("≥95%且≤105%", "100%") == 1
    assert r("≥6个月或≤9个月", "9个月") == 1
    assert quantize(r("≥-10%或≤10%", "17.01%"), 4) == Decimal("0.5879")  # type: ignore[arg-type]
    assert r("≥95%且≤105%", "76%") == Decimal("0.8")


def test_tiers_statements_and_not_measurable() -> None:
    assert r("充分发挥作用", "达成年度指标") == 1
    assert r("充分发挥作用", "未达成预期指标且效果较差") is None
    assert r("每月25日前", "按时发放") == 1
    assert r("按标准审核后足额发放", "按标准审核后足额发放") == 1
    result = achievement(parse_target("≥95%"), parse_actual("未达监控节点"))
    assert not result.measurable and result.ratio is None


def test_structured_values_are_used_as_given() -> None:
    target = TargetExpr(
        kind="range",
        low=Bound(value=Decimal(95), unit="%"),
        high=Bound(value=Decimal(105), unit="%"),
    )
    actual = ActualValue(kind="number", value=Decimal("110"), unit="%")
    result = achievement(target, actual)
    assert result.met is False and result.ratio == Decimal(105) / Decimal(110)


def test_unit_mismatch_and_missing_percent() -> None:
    assert achievement(parse_target("≥95%"), parse_actual("98人")).problem is not None
    assert achievement(parse_target("≥95%"), parse_actual("98")).percent_missing == "actual"
    assert achievement(parse_target("≤1%"), parse_actual("0")).percent_missing is None


# --- monitoring completion ---


def test_completion_methods_of_the_seeds() -> None:
    half = Decimal("0.5")
    # 000 table 1: 66467/74272 × 6/12 = 44.75%
    ratio = Decimal(66467) / Decimal(74272)
    assert quantize(completion_pct("ratio_x_progress", ratio, half), 2) == Decimal("44.75")  # type: ignore[arg-type]
    # 000 table 2: 6903 of 6706 printed 50.00% = min(r,1) × p only
    over = Decimal(6903) / Decimal(6706)
    methods = agreeing_methods(Decimal("50.00"), over, half, S.completion_methods)
    assert methods == ["capped_x_progress"]
    # ≥95% with 100% printed 95.00%: no method
    assert (
        agreeing_methods(Decimal("95.00"), Decimal(100) / Decimal(95), half, S.completion_methods)
        == []
    )
    assert completion_pct("ratio_per_progress", Decimal(1), None) is None


def test_majority_method() -> None:
    found = [["ratio_x_progress"], ["ratio_x_progress", "capped_x_progress"], ["ratio"]]
    assert majority_methods(found, S.completion_methods) == ["ratio_x_progress"]  # type: ignore[arg-type]
    assert majority_methods([[], []], S.completion_methods) == []


def test_overall_completion_is_the_mean_of_printed_rates() -> None:
    # 000 table 1: nine rates summing to 531.27 → 59.03
    rates = ["44.75", "46.64", "24.94", "24.94", "95.00", "95.00", "100.00", "95.00", "5.00"]
    mean = overall_completion([Decimal(x) for x in rates] + [None], S)
    assert mean is not None and quantize(mean, 2) == Decimal("59.03")
    capped = overall_completion(
        [Decimal(150), Decimal(50)], RuleSettings(overall_completion="capped_mean")
    )
    assert capped == 75


# --- scores ---


def test_quantitative_score_of_the_seed() -> None:
    # 003: 分值 6.25, 70083 of 74272 → 5.90 (the spec's 5.898)
    score = quantitative_score(Decimal(70083) / Decimal(74272), Decimal("6.25"))
    assert quantize(score, 2) == Decimal("5.90")
    assert quantitative_score(Decimal("1.3"), Decimal(5)) == 5


def test_qualitative_bands_and_setting() -> None:
    assert qualitative_band("achieved", Decimal(10), S) == (Decimal(8), Decimal(10))
    assert qualitative_band("partial", Decimal(10), S) == (Decimal(6), Decimal(8))
    assert qualitative_band("not_achieved", Decimal(10), S) == (Decimal(0), Decimal(6))
    local = RuleSettings.model_validate({"qualitative_bands": {"partial_min_pct": 50}})
    assert qualitative_band("partial", Decimal(10), local)[0] == 5


@pytest.mark.parametrize(
    ("total", "expected"),
    [
        ("99.65", "优"),
        ("90", "优"),
        ("89.99", "良"),
        ("80", "良"),
        ("79.9", "中"),
        ("60", "中"),
        ("59.99", "差"),
    ],
)
def test_grade_bands(total: str, expected: str) -> None:
    assert grade(Decimal(total), S) == expected


def test_indicator_group_prefers_level2() -> None:
    assert indicator_group("产出指标", "社会效益指标") == "benefit"
    assert indicator_group("项目完成", "数量指标") == "output"
    assert indicator_group("项目效益", None) == "benefit"
    assert indicator_group("满意度指标", "满意度指标") == "satisfaction"
    assert indicator_group(None, None, "群众满意度") == "satisfaction"
    assert indicator_group(None, None, "参保人数") is None


# --- 决算 ---


def test_payable_months_examples() -> None:
    # domain-rules §5.3: Urumqi 2013, 22.48 / (15.67/12) = 17.2
    months = payable_months(Decimal("22.48"), Decimal("15.67"))
    assert months is not None and quantize(months, 1) == Decimal("17.2")
    # 003: 职工医保 2093.28 / (16402.24/12) = 1.53
    months = payable_months(Decimal("2093.28"), Decimal("16402.24"))
    assert months is not None and quantize(months, 2) == Decimal("1.53")
    assert payable_months(Decimal(1), Decimal(0)) is None
