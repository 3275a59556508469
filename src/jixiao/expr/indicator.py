"""Filling ``target_expr`` / ``actual_value`` of an indicator from its printed texts."""

from __future__ import annotations

from jixiao.expr.actual import parse_actual
from jixiao.expr.target import parse_target
from jixiao.records.project import Indicator


def read_indicator(indicator: Indicator) -> Indicator:
    """A copy of ``indicator`` with its target and actual read (``None`` text → ``None``)."""
    target = indicator.target
    actual = indicator.actual
    return indicator.model_copy(
        update={
            "target_expr": None if target is None else parse_target(target),
            "actual_value": None if actual is None else parse_actual(actual),
        }
    )
