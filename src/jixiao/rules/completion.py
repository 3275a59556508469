"""Monitoring completion rates: 指标完成率 by each accepted method, and 总体完成率.

Regions compute 指标完成率 differently (domain-rules §3.4): from the achievement
ratio r and the time progress p, as 100·r or 100·min(r, 1), each optionally × p or
÷ p. :data:`~jixiao.rules.settings.CompletionMethod` names them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from decimal import Decimal

from jixiao.rules.precision import HUNDRED, agrees
from jixiao.rules.settings import CompletionMethod, RuleSettings

METHOD_LABELS: dict[CompletionMethod, str] = {
    "ratio": "完成值÷目标",
    "capped": "min(完成值÷目标, 1)",
    "ratio_x_progress": "完成值÷目标×序时进度",
    "capped_x_progress": "min(完成值÷目标, 1)×序时进度",
    "ratio_per_progress": "完成值÷目标÷序时进度",
    "capped_per_progress": "min(完成值÷目标, 1)÷序时进度",
}
"""How each method is written in messages."""


def completion_pct(
    method: CompletionMethod, ratio: Decimal, progress: Decimal | None
) -> Decimal | None:
    """指标完成率 in percent by ``method`` (``None`` if it needs a progress that is unknown or 0).

    >>> completion_pct("capped_x_progress", Decimal("1.05"), Decimal("0.5"))
    Decimal('50.0')
    """
    r = min(ratio, Decimal(1)) if method.startswith("capped") else ratio
    if method.endswith("_x_progress"):
        return None if progress is None else r * progress * HUNDRED
    if method.endswith("_per_progress"):
        return None if not progress else r / progress * HUNDRED
    return r * HUNDRED


def agreeing_methods(
    printed: Decimal, ratio: Decimal, progress: Decimal | None, methods: Sequence[CompletionMethod]
) -> list[CompletionMethod]:
    """The methods whose result agrees with the printed rate (at its precision)."""
    result: list[CompletionMethod] = []
    for method in methods:
        value = completion_pct(method, ratio, progress)
        if value is not None and agrees(printed, value):
            result.append(method)
    return result


def majority_methods(
    agreeing: Iterable[Sequence[CompletionMethod]], methods: Sequence[CompletionMethod]
) -> list[CompletionMethod]:
    """The method(s) most indicators of a record agree with, in settings order; empty
    when no indicator agrees with any method."""
    counts: Counter[CompletionMethod] = Counter()
    for found in agreeing:
        counts.update(set(found))
    if not counts:
        return []
    best = max(counts.values())
    return [m for m in methods if counts[m] == best]


def overall_completion(rates: Iterable[Decimal | None], settings: RuleSettings) -> Decimal | None:
    """总体完成率: mean of the indicator rates that are not blank (checks.md JX103);
    each capped at 100% when ``overall_completion`` is ``capped_mean``."""
    values = [r for r in rates if r is not None]
    if not values:
        return None
    if settings.overall_completion == "capped_mean":
        values = [min(v, HUNDRED) for v in values]
    return sum(values, Decimal(0)) / Decimal(len(values))
