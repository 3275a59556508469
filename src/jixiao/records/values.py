"""Structured readings of 指标值 texts: ``target_expr`` and ``actual_value``.

These are the shapes only; :mod:`jixiao.expr` reads texts into them and writes
them back. They sit beside the printed text in every indicator, so a reader of
the JSON sees both what was printed and what jixiao understood.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from jixiao.records.numbers import Number

Operator = Literal["≥", "≤", ">", "<", "="]
TargetKind = Literal["comparison", "range", "schedule", "qualitative", "malformed", "empty"]
ActualKind = Literal["number", "tier", "not_measurable", "statement", "malformed", "empty"]
Tier = Literal["achieved", "partial", "not_achieved"]
SchedulePeriod = Literal["day", "week", "month", "quarter", "half_year", "year", "once"]


class Quantity(BaseModel):
    """A number with the unit it was printed in (``10万人`` → value 10, unit 万人)."""

    model_config = ConfigDict(frozen=True)

    value: Number
    unit: str | None = None


class Bound(BaseModel):
    """One side of a comparison or range."""

    model_config = ConfigDict(frozen=True)

    value: Number
    unit: str | None = None
    inclusive: bool = True


class TargetExpr(BaseModel):
    """What a target (预期指标值 / 年度指标值) asks for.

    - ``comparison``: ``op`` and ``value``/``unit`` (``≥95%``, ``≤0``, ``4.4万人``
      read as ``=``; a number inside a sentence such as ``上访率控制在0.1%以内`` → ``≤0.1%``).
    - ``range``: ``low`` and ``high`` (``≥95%且≤105%``, ``95%-105%``, ``6至9个月``);
      ``joined_with_or`` is true when printed with 或 (``≥95%或≤105%``), which is read
      as a range but reported by the checks.
    - ``schedule``: deadlines (``每月25日前`` → period month, day 25;
      ``每季度结束后的,15日内`` → period quarter, within_days 15;
      ``30日内完成审核拨付`` → period once, within_days 30).
    - ``qualitative``: free text (``按时报送``, ``逐步推开``, ``成效明显``).
    - ``malformed``: unreadable or self-contradictory (``105%≤≥95%``); ``reason`` says why.
    """

    model_config = ConfigDict(frozen=True)

    kind: TargetKind
    text: str = ""
    op: Operator | None = None
    value: Number | None = None
    unit: str | None = None
    low: Bound | None = None
    high: Bound | None = None
    joined_with_or: bool = False
    period: SchedulePeriod | None = None
    day: int | None = None
    within_days: int | None = None
    reason: str | None = None


class ActualValue(BaseModel):
    """What an actual (指标完成值 / 实际完成值) reports.

    - ``number``: ``value``/``unit`` (``66467人``, ``38.85万人``, ``9个月``); ``op`` when
      printed with a comparison (``≥14830人``).
    - ``tier``: one of the three result phrases (达成/部分达成…/未达成…且效果较差).
    - ``not_measurable``: ``未达监控节点`` or ``/``.
    - ``statement``: text such as ``按时报送``, ``未发生``, ``无``; ``met`` is true
      when the statement plainly says the target was met (按时, 足额, 未发生 …).
    """

    model_config = ConfigDict(frozen=True)

    kind: ActualKind
    text: str = ""
    value: Number | None = None
    unit: str | None = None
    op: Operator | None = None
    tier: Tier | None = None
    met: bool | None = None
    reason: str | None = None
