"""Reading and writing targets (预期指标值 / 年度指标值 / 指标值) as :class:`TargetExpr`."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from jixiao.expr.reading import (
    READ_CACHE_SIZE,
    Interval,
    NoQuantity,
    Quantity,
    Unreadable,
    read_text,
)
from jixiao.expr.schedule import find_schedule, format_schedule, schedule_problem
from jixiao.records.values import Bound, TargetExpr


@lru_cache(maxsize=READ_CACHE_SIZE)
def parse_target(text: str | None) -> TargetExpr:
    """What a target text asks for; never raises.

    Memoized on the text: the same (frozen) :class:`TargetExpr` is returned to
    every caller that reads the same text.

    >>> parse_target("≥95%").op, parse_target("≥95%").value
    ('≥', Decimal('95'))
    >>> parse_target("≥6个月或≤9个月").joined_with_or
    True
    >>> parse_target("105%≤≥95%").kind
    'malformed'
    """
    if text is None or not text.strip():
        return TargetExpr(kind="empty", text=text or "")
    schedule = find_schedule(text)
    if schedule is not None:
        problem = schedule_problem(schedule)
        if problem is not None:
            return TargetExpr(kind="malformed", text=text, reason=problem)
        return TargetExpr(
            kind="schedule",
            text=text,
            period=schedule.period,
            day=schedule.day,
            within_days=schedule.within_days,
        )
    reading, _ = read_text(text)
    if isinstance(reading, Quantity):
        return TargetExpr(
            kind="comparison",
            text=text,
            op=reading.op or "=",
            value=reading.value,
            unit=reading.unit,
        )
    if isinstance(reading, Interval):
        return TargetExpr(
            kind="range",
            text=text,
            low=reading.low,
            high=reading.high,
            joined_with_or=reading.joined_with_or,
        )
    if isinstance(reading, Unreadable):
        return TargetExpr(kind="malformed", text=text, reason=reading.reason)
    assert isinstance(reading, NoQuantity)
    return TargetExpr(kind="qualitative", text=text)


def _number(value: Decimal, unit: str | None) -> str:
    return f"{value:f}{unit or ''}"


def _bound(sign_inclusive: str, sign_strict: str, bound: Bound) -> str:
    sign = sign_inclusive if bound.inclusive else sign_strict
    return sign + _number(bound.value, bound.unit)


def format_target(expr: TargetExpr) -> str:
    """The canonical writing of a target: ``≥95%``, ``4.4万人``, ``≥95%且≤105%``,
    ``≥6个月或≤9个月``, ``每月25日前``; qualitative and malformed targets keep their text.
    """
    if expr.kind == "comparison" and expr.value is not None:
        op = "" if expr.op in (None, "=") else expr.op
        return op + _number(expr.value, expr.unit)
    if expr.kind == "range" and expr.low is not None and expr.high is not None:
        join = "或" if expr.joined_with_or else "且"
        return _bound("≥", ">", expr.low) + join + _bound("≤", "<", expr.high)
    if expr.kind == "schedule" and expr.period is not None:
        return format_schedule(expr.period, expr.day, expr.within_days)
    return expr.text
