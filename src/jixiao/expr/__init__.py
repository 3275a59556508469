"""Reading 指标值 texts (targets and actuals) into structured values.

>>> from jixiao.expr import parse_target, parse_actual
>>> parse_target("≥95%且≤105%").kind
'range'
>>> parse_actual("66467人").value
Decimal('66467')

The shapes are :class:`~jixiao.records.TargetExpr` and :class:`~jixiao.records.ActualValue`;
``docs/expr.md`` documents them.
"""

from __future__ import annotations

from jixiao.expr import tiers, units
from jixiao.expr.actual import format_actual, parse_actual, statement_met
from jixiao.expr.indicator import read_indicator, readings
from jixiao.expr.target import format_target, parse_target
from jixiao.expr.tiers import TIER_PHRASES, read_tier
from jixiao.expr.units import same_dimension, to_base

__all__ = [
    "TIER_PHRASES",
    "format_actual",
    "format_target",
    "parse_actual",
    "parse_target",
    "read_indicator",
    "read_tier",
    "readings",
    "same_dimension",
    "statement_met",
    "tiers",
    "to_base",
    "units",
]
