"""Numbers as printed: exact decimals that remember their printed precision.

Money and percentages are stored as :class:`decimal.Decimal` so that ``10.00``
stays ``10.00`` (two printed decimals) and sums do not drift. The printed
precision matters to the checks: ``50%`` agrees with 49.75, ``50.00%`` does not.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import PlainSerializer, WithJsonSchema


def decimal_to_json(value: Decimal) -> int | float:
    """Plain JSON number for APIs that cannot carry trailing zeros."""
    if value == value.to_integral_value() and value.as_tuple().exponent >= 0:  # type: ignore[operator]
        return int(value)
    return float(value)


Number = Annotated[
    Decimal,
    PlainSerializer(decimal_to_json, return_type=float, when_used="json"),
    WithJsonSchema({"type": "number"}),
]
"""A figure as printed (money, percent in ``_pct`` fields, counts, scores)."""


def decimals(value: Decimal) -> int:
    """Number of printed decimal places (``Decimal('10.00')`` → 2, ``Decimal('50')`` → 0)."""
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0
