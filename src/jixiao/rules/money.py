"""Money units: 元, 万元, 亿元 (a record's ``money_unit``; a fact's ``unit``)."""

from __future__ import annotations

from decimal import Decimal

MONEY_FACTORS: dict[str, Decimal] = {
    "元": Decimal(1),
    "万元": Decimal(10) ** 4,
    "亿元": Decimal(10) ** 8,
}
DEFAULT_MONEY_UNIT = "万元"
"""The unit of a table that prints none (record-format: money is usually in 万元)."""


def is_money_unit(unit: str | None) -> bool:
    return unit in MONEY_FACTORS


def convert(value: Decimal, from_unit: str | None, to_unit: str | None) -> Decimal:
    """``value`` in ``from_unit`` expressed in ``to_unit`` (blank units read as 万元)."""
    source = MONEY_FACTORS[from_unit or DEFAULT_MONEY_UNIT]
    target = MONEY_FACTORS[to_unit or DEFAULT_MONEY_UNIT]
    return value if source == target else value * source / target
