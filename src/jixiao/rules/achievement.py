"""Achievement of one indicator: how far its actual meets its target.

The ratio r (checks.md JX102): ≥T → actual/T; ≤T → 1 if met, else T/actual (or the
linear vendor formula, a setting); a range → 1 inside, actual/low below, high/actual
above; a qualitative tier 达成 → 1. ``None`` when no number can be computed
(partial tiers, worded statements, not yet measurable).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Literal

from jixiao.expr import parse_actual, parse_target
from jixiao.expr.units import PERCENT
from jixiao.records import ActualValue, Indicator, TargetExpr
from jixiao.records.values import Bound, Tier
from jixiao.rules import names
from jixiao.rules.precision import text
from jixiao.rules.quantities import base_value, comparable
from jixiao.rules.settings import ReverseFormula

ZERO = Decimal(0)
ONE = Decimal(1)
DAY_UNITS = frozenset({None, "日", "天", "工作日", "个工作日"})


@lru_cache(maxsize=65536)
def _parse_target(printed: str) -> TargetExpr:
    return parse_target(printed)


@lru_cache(maxsize=65536)
def _parse_actual(printed: str) -> ActualValue:
    return parse_actual(printed)


def target_of(indicator: Indicator) -> TargetExpr:
    """The indicator's structured target: ``target_expr`` if present, else the text read."""
    if indicator.target_expr is not None:
        return indicator.target_expr
    return _parse_target(indicator.target or "")


def actual_of(indicator: Indicator) -> ActualValue | None:
    """The indicator's structured actual (``None`` when no actual is printed, as in a target table)."""
    if indicator.actual_value is not None:
        return indicator.actual_value
    if indicator.actual is None:
        return None
    return _parse_actual(indicator.actual)


@dataclass(frozen=True)
class Achievement:
    """How an actual meets its target.

    ``ratio``: r, uncapped; ``met``: whether the target is met (``None`` if it
    cannot be told); ``tier``: the result tier the actual states; ``measurable``:
    false for ``未达监控节点``/``/``/blank; ``how``: the computation in words for
    messages; ``problem``: why the actual cannot be read against the target (JX202);
    ``percent_missing``: which side prints a percentage without ``%`` (JX501).
    """

    ratio: Decimal | None = None
    met: bool | None = None
    tier: Tier | None = None
    measurable: bool = True
    how: str = ""
    problem: str | None = None
    percent_missing: Literal["target", "actual"] | None = None
    quantitative: bool = False
    """True when the ratio comes from numbers (a figure against a numeric target)."""


NOT_MEASURABLE = Achievement(measurable=False)


def _quantity(value: Decimal, unit: str | None) -> str:
    return f"{text(value)}{unit or ''}"


def _closest(candidates: list[Decimal], reference: Decimal) -> Decimal:
    """The candidate nearest ``reference`` on a log scale (how a unitless figure is read)."""
    if reference <= 0:
        return candidates[0]
    best = candidates[0]
    best_distance = math.inf
    for candidate in candidates:
        if candidate <= 0:
            continue
        distance = abs(math.log(float(candidate / reference)))
        if distance < best_distance:
            best, best_distance = candidate, distance
    return best


@dataclass(frozen=True)
class _Aligned:
    actual: Decimal
    target: Decimal
    problem: str | None = None
    percent_missing: Literal["target", "actual"] | None = None


def align(
    actual: Decimal, actual_unit: str | None, target: Decimal, target_unit: str | None
) -> _Aligned:
    """Both figures in one base unit. A figure printed without a unit is read in the
    other's unit or its base unit, whichever makes the two comparable (``128267``
    against ``≥10万人`` is 128267 人); a missing ``%`` is read as ``%`` and reported."""
    if actual_unit is None and target_unit is None:
        return _Aligned(actual, target)
    if actual_unit is not None and target_unit is not None:
        if not comparable(actual_unit, target_unit):
            return _Aligned(
                actual,
                target,
                problem=f"完成值单位“{actual_unit}”与目标单位“{target_unit}”不一致",
            )
        return _Aligned(base_value(actual, actual_unit), base_value(target, target_unit))
    if actual_unit == PERCENT or target_unit == PERCENT:
        missing: Literal["target", "actual"] = "actual" if actual_unit is None else "target"
        bare = actual if missing == "actual" else target
        return _Aligned(actual, target, percent_missing=missing if bare != 0 else None)
    if actual_unit is None:
        base_target = base_value(target, target_unit)
        read = _closest([base_value(actual, target_unit), actual], base_target)
        return _Aligned(read, base_target)
    base_actual = base_value(actual, actual_unit)
    read = _closest([base_value(target, actual_unit), target], base_actual)
    return _Aligned(base_actual, read)


def _ratio_upper(
    a: Decimal, t: Decimal, strict: bool, formula: ReverseFormula
) -> tuple[Decimal, bool]:
    """A ≤ (or <) target: (ratio, met)."""
    met = a < t if strict else a <= t
    if met:
        return ONE, True
    if t <= 0:
        return ZERO, False
    if formula == "ratio":
        return t / a, False
    return max(ZERO, ONE - (a - t) / t), False


def _ratio_lower(a: Decimal, t: Decimal, op: str) -> tuple[Decimal | None, bool]:
    """A ≥, > or = target (= is read like ≥, domain-rules §1.4): (ratio, met)."""
    if t == 0:
        met = a <= 0 if op == "=" else (a > 0 if op == ">" else a >= 0)
        return (ONE if met else ZERO), met
    met = a > t if op == ">" else a >= t
    if t < 0:
        return (ONE if met else None), met
    return max(a, ZERO) / t, met


def _comparison(
    target: TargetExpr, value: Decimal, unit: str | None, formula: ReverseFormula
) -> Achievement:
    assert target.value is not None
    aligned = align(value, unit, target.value, target.unit)
    if aligned.problem is not None:
        return Achievement(problem=aligned.problem)
    a, t = aligned.actual, aligned.target
    op = target.op or "="
    shown_a, shown_t = _quantity(value, unit), _quantity(target.value, target.unit)
    if op in ("≤", "<"):
        ratio, met = _ratio_upper(a, t, op == "<", formula)
        if met:
            how = f"完成值{shown_a}未超过目标{op}{shown_t}，比率为1"
        elif t <= 0:
            how = f"完成值{shown_a}超过目标{op}{shown_t}，比率为0"
        elif formula == "ratio":
            how = f"目标{shown_t}÷完成值{shown_a}"
        else:
            how = f"1−(完成值{shown_a}−目标{shown_t})÷目标{shown_t}"
        return Achievement(
            ratio, met, how=how, percent_missing=aligned.percent_missing, quantitative=True
        )
    lower, met = _ratio_lower(a, t, op)
    if t > 0:
        how = f"完成值{shown_a}÷目标{shown_t}"
    else:
        how = f"完成值{shown_a}{'达到' if met else '未达到'}目标{op}{shown_t}"
    return Achievement(
        lower, met, how=how, percent_missing=aligned.percent_missing, quantitative=True
    )


def _bound_text(bound: Bound) -> str:
    return _quantity(bound.value, bound.unit)


def _range(target: TargetExpr, value: Decimal, unit: str | None) -> Achievement:
    assert target.low is not None and target.high is not None
    low, high = target.low, target.high
    aligned_low = align(value, unit, low.value, low.unit or high.unit)
    if aligned_low.problem is not None:
        return Achievement(problem=aligned_low.problem)
    aligned_high = align(value, unit, high.value, high.unit or low.unit)
    a, lo, hi = aligned_low.actual, aligned_low.target, aligned_high.target
    missing = aligned_low.percent_missing
    shown_a = _quantity(value, unit)
    above_low = a >= lo if low.inclusive else a > lo
    below_high = a <= hi if high.inclusive else a < hi
    span = f"{_bound_text(low)}～{_bound_text(high)}"
    if above_low and below_high:
        return Achievement(
            ONE,
            True,
            how=f"完成值{shown_a}在区间{span}内，比率为1",
            percent_missing=missing,
            quantitative=True,
        )
    if not above_low:
        ratio = max(a, ZERO) / lo if lo > 0 else None
        how = f"完成值{shown_a}低于下限：完成值{shown_a}÷下限{_bound_text(low)}"
        return Achievement(ratio, False, how=how, percent_missing=missing, quantitative=True)
    ratio = hi / a if hi > 0 and a > 0 else None
    how = f"完成值{shown_a}高于上限：上限{_bound_text(high)}÷完成值{shown_a}"
    return Achievement(ratio, False, how=how, percent_missing=missing, quantitative=True)


def _schedule(target: TargetExpr, value: Decimal, unit: str | None) -> Achievement:
    limit = target.within_days if target.within_days is not None else target.day
    if limit is None or unit not in DAY_UNITS:
        return Achievement(
            problem=f"完成值{_quantity(value, unit)}不是天数，无法与时限“{target.text}”比较"
        )
    met = value <= limit
    ratio = ONE if met else Decimal(limit) / value
    return Achievement(
        ratio, met, how=f"完成值{_quantity(value, unit)}对时限{limit}日", quantitative=True
    )


def _statement(target: TargetExpr, actual: ActualValue) -> Achievement:
    met = actual.met
    same_text = bool(names.key(actual.text)) and names.key(actual.text) == names.key(target.text)
    if met is None and target.kind in ("qualitative", "schedule") and same_text:
        met = True
    if met is None and target.kind in ("comparison", "range"):
        return Achievement(problem=f"完成值“{actual.text}”是文字，目标“{target.text}”要求数值")
    return Achievement(ONE if met else None, met)


def achievement(
    target: TargetExpr, actual: ActualValue | None, reverse_formula: ReverseFormula = "ratio"
) -> Achievement:
    """The achievement of ``actual`` against ``target`` (see the module docstring)."""
    if actual is None or actual.kind in ("not_measurable", "empty"):
        return NOT_MEASURABLE
    if actual.kind == "tier":
        achieved = actual.tier == "achieved"
        return Achievement(ONE if achieved else None, achieved, tier=actual.tier)
    if actual.kind == "malformed":
        return Achievement(problem=actual.reason or f"完成值“{actual.text}”无法读取")
    if actual.kind == "statement":
        return _statement(target, actual)
    if actual.value is None:
        return Achievement(problem=f"完成值“{actual.text}”无法读取")
    if target.kind == "comparison" and target.value is not None:
        return _comparison(target, actual.value, actual.unit, reverse_formula)
    if target.kind == "range" and target.low is not None and target.high is not None:
        return _range(target, actual.value, actual.unit)
    if target.kind == "schedule":
        return _schedule(target, actual.value, actual.unit)
    return Achievement()


def indicator_achievement(
    indicator: Indicator, reverse_formula: ReverseFormula = "ratio"
) -> Achievement:
    """:func:`achievement` of an indicator's printed (or structured) target and actual."""
    return achievement(target_of(indicator), actual_of(indicator), reverse_formula)
