"""Filling ``target_expr`` / ``actual_value`` of an indicator from its printed texts."""

from __future__ import annotations

from typing import TypedDict

from jixiao.expr.actual import parse_actual
from jixiao.expr.target import parse_target
from jixiao.records.project import Indicator
from jixiao.records.values import ActualValue, TargetExpr


class Readings(TypedDict):
    """The two readings an :class:`Indicator` carries beside its texts."""

    target_expr: TargetExpr | None
    actual_value: ActualValue | None


def readings(target: str | None, actual: str | None) -> Readings:
    """``target_expr`` and ``actual_value`` for a target and an actual text (``None`` text →
    ``None``), as keyword arguments of :class:`Indicator`."""
    return {
        "target_expr": None if target is None else parse_target(target),
        "actual_value": None if actual is None else parse_actual(actual),
    }


def read_indicator(indicator: Indicator) -> Indicator:
    """A copy of ``indicator`` with its target and actual read."""
    return indicator.model_copy(update=dict(readings(indicator.target, indicator.actual)))
