"""Comparing figures at their printed precision (checks.md "Rounding").

A printed figure agrees with a computed one when they are equal at the printed
precision (``50%`` agrees with 49.75, ``5.90`` with 5.898); one unit in the last
printed place is tolerated (manual rounding, truncation), no more.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from jixiao.records import decimals

HUNDRED = Decimal(100)
TWELVE = Decimal(12)


def step(places: int) -> Decimal:
    """One unit in the ``places``-th decimal place (2 → 0.01, 0 → 1)."""
    return Decimal(1).scaleb(-places)


def quantize(value: Decimal, places: int) -> Decimal:
    """``value`` rounded half-up to ``places`` decimals (how forms round)."""
    return value.quantize(step(places), rounding=ROUND_HALF_UP)


def agrees(printed: Decimal, computed: Decimal) -> bool:
    """Whether ``printed`` is ``computed`` at the printed precision, ± one unit.

    >>> agrees(Decimal("50"), Decimal("49.75")), agrees(Decimal("5.90"), Decimal("5.898"))
    (True, True)
    >>> agrees(Decimal("50.00"), Decimal("49.75"))
    False
    """
    places = decimals(printed)
    return abs(printed - quantize(computed, places)) <= step(places)


def equal_at(printed: Decimal, value: Decimal) -> bool:
    """Whether ``printed`` is ``value`` rounded to the printed decimals, with no tolerance
    (a full score is the 分值 itself, not one unit below it)."""
    return printed == quantize(value, decimals(printed))


def same_figure(first: Decimal, second: Decimal) -> bool:
    """Whether two printed figures are the same figure (at the coarser precision, ± one unit).

    >>> same_figure(Decimal("3738.2"), Decimal("3738.20"))
    True
    >>> same_figure(Decimal("13129.54"), Decimal("13159.54"))
    False
    """
    places = min(decimals(first), decimals(second))
    return abs(quantize(first, places) - quantize(second, places)) <= step(places)


def exceeds(larger: Decimal, smaller: Decimal) -> bool:
    """Whether ``larger`` > ``smaller`` by more than the printed precision allows."""
    return larger > smaller and not same_figure(larger, smaller)


def shown(value: Decimal, like: Decimal | None = None, places: int = 2) -> Decimal:
    """A computed figure for display: at the precision of ``like`` (at least ``places``)."""
    if like is not None:
        places = max(places, decimals(like))
    return quantize(value, places)


def text(value: Decimal) -> str:
    """A decimal as printed (no exponent): ``Decimal('1E+2')`` → ``100``."""
    result = format(value, "f")
    return "0" if result in ("-0", "-0.00", "-0.0") else result


def pct_text(value: Decimal, like: Decimal | None = None) -> str:
    """A computed percentage for a message: ``50.01%``."""
    return text(shown(value, like)) + "%"
