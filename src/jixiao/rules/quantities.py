"""Cached access to :mod:`jixiao.expr.units` (units repeat across thousands of rows)."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from jixiao.expr.units import same_dimension, split_magnitude


@lru_cache(maxsize=4096)
def _factor(unit: str | None) -> Decimal:
    return split_magnitude(unit)[0]


def base_value(value: Decimal, unit: str | None) -> Decimal:
    """``value`` in its base unit (``4.4`` 万人 → 44000), as :func:`jixiao.expr.units.to_base`."""
    factor = _factor(unit)
    return value if factor == 1 else value * factor


@lru_cache(maxsize=4096)
def comparable(first: str | None, second: str | None) -> bool:
    """:func:`jixiao.expr.units.same_dimension`, cached."""
    return same_dimension(first, second)
