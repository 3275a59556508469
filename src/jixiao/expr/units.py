"""Units of 指标值: the vocabulary read after a number, and conversion to base units.

A unit is kept as printed (``万人``, ``个月``, ``元/人``) in ``TargetExpr.unit`` and
``ActualValue.unit``; only ``百分比``/``％`` are written ``%``. :func:`to_base` turns
a printed unit into its base (``万人`` → ``人`` ×10⁴, ``个月`` → ``月``) so that a
target in 万人 can be compared with an actual in 人.
"""

from __future__ import annotations

import re
from decimal import Decimal

PERCENT = "%"

MAGNITUDES: dict[str, Decimal] = {
    "亿": Decimal(10) ** 8,
    "千万": Decimal(10) ** 7,
    "百万": Decimal(10) ** 6,
    "十万": Decimal(10) ** 5,
    "万": Decimal(10) ** 4,
    "千": Decimal(10) ** 3,
}
"""Magnitude prefixes (``万人`` = 10⁴ 人)."""

BARE_MAGNITUDES = ("万", "亿")
"""Magnitudes that may stand alone after a number (``≥10万``)."""

SYNONYMS: dict[str, str] = {
    "个月": "月",
    "天": "日",
    "个工作日": "工作日",
    "个百分点": "百分点",
    "百分比": PERCENT,
    "％": PERCENT,
}
"""Printed units that mean the same base unit."""

BASE_UNITS: tuple[str, ...] = (
    "元/人/月",
    "元/人·月",
    "元/人/年",
    "元/人",
    "元/月",
    "元/年",
    "次/年",
    "次/季度",
    "次/月",
    "个百分点",
    "百分点",
    "人次",
    "人",
    "元",
    "个工作日",
    "工作日",
    "个月",
    "月",
    "日",
    "天",
    "小时",
    "分钟",
    "周",
    "个",
    "场",
    "次",
    "户",
    "家",
    "项",
    "件",
    "所",
    "名",
    "份",
    "笔",
    "张",
    "台",
    "套",
    "条",
    "篇",
    "期",
    "批",
    "床",
    "起",
    "例",
    "分",
)
"""Base units that may follow a number (a magnitude may precede some of them)."""

MAGNITUDE_BASES = frozenset(
    {"人次", "人", "元", "户", "家", "个", "次", "件", "项", "名", "笔", "元/人"}
)
"""Base units that are printed with a magnitude (``万人次``, ``亿元``)."""

TIME_UNITS = frozenset({"月", "日", "工作日", "小时", "分钟", "周"})
"""Base units of duration (also how dates are printed, so sentences treat them with care)."""


def _unit_alternatives() -> list[str]:
    units: set[str] = {PERCENT, "‰", "百分比", *BASE_UNITS, *BARE_MAGNITUDES}
    for base in MAGNITUDE_BASES:
        for magnitude in MAGNITUDES:
            units.add(magnitude + base)
    return sorted(units, key=len, reverse=True)


UNIT_PATTERN = "|".join(re.escape(u) for u in _unit_alternatives())
"""Regex alternation of every printed unit, longest first."""

_UNIT_RE = re.compile(f"(?:{UNIT_PATTERN})")


def canonical_unit(unit: str | None) -> str | None:
    """The unit as stored: as printed, except ``百分比``/``％`` → ``%`` and blank → ``None``."""
    if not unit:
        return None
    unit = unit.strip()
    if unit in ("百分比", "％"):
        return PERCENT
    return unit or None


def is_known_unit(unit: str) -> bool:
    """Whether ``unit`` is in the vocabulary this package reads."""
    return _UNIT_RE.fullmatch(unit) is not None


def split_magnitude(unit: str | None) -> tuple[Decimal, str | None]:
    """Factor and base of a printed unit: ``万人`` → (10⁴, ``人``), ``个月`` → (1, ``月``)."""
    unit = canonical_unit(unit)
    if unit is None:
        return Decimal(1), None
    if unit in MAGNITUDES:
        return MAGNITUDES[unit], None
    for magnitude, factor in MAGNITUDES.items():
        rest = unit[len(magnitude) :]
        if unit.startswith(magnitude) and rest in MAGNITUDE_BASES:
            return factor, SYNONYMS.get(rest, rest)
    return Decimal(1), SYNONYMS.get(unit, unit)


def to_base(value: Decimal, unit: str | None) -> tuple[Decimal, str | None]:
    """``value`` in the base unit: (4.4, ``万人``) → (44000, ``人``); (9, ``个月``) → (9, ``月``).

    Bare magnitudes give no unit: (10, ``万``) → (100000, ``None``). Unknown units
    are returned unchanged.
    """
    factor, base = split_magnitude(unit)
    return value * factor, base


def same_dimension(first: str | None, second: str | None) -> bool:
    """Whether two printed units measure the same thing.

    ``万人`` and ``人`` do; ``个月`` and ``月`` do. A missing unit is compatible
    with every unit except ``%`` (forms often omit 人 or 元 after a count, but a
    percentage is always printed with ``%``). ``%`` only matches ``%``.
    """
    base_first = split_magnitude(first)[1]
    base_second = split_magnitude(second)[1]
    if base_first is None or base_second is None:
        return base_first != PERCENT and base_second != PERCENT
    return base_first == base_second
