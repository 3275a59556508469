"""What the checks need to know about one project record, computed once.

A :class:`ProjectView` reads every indicator (target, actual, achievement, group),
the execution rate and, for monitoring, the time progress and the completion
method(s) the record follows. Rules and :mod:`jixiao.rules.derived` share it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.records import ActualValue, Indicator, ProjectRecord, TargetExpr
from jixiao.rules.achievement import Achievement, achievement, actual_of, target_of
from jixiao.rules.budget import budget_execution_rate, time_progress
from jixiao.rules.completion import agreeing_methods, completion_pct, majority_methods
from jixiao.rules.scoring import IndicatorGroup, indicator_group
from jixiao.rules.settings import CompletionMethod, RuleSettings


@dataclass(frozen=True)
class IndicatorView:
    """One indicator read: its structured target and actual, achievement and group."""

    index: int
    indicator: Indicator
    target: TargetExpr
    actual: ActualValue | None
    achievement: Achievement
    group: IndicatorGroup | None

    @property
    def path(self) -> str:
        return f"indicators[{self.index}]"

    @property
    def name(self) -> str | None:
        return self.indicator.name


@dataclass
class ProjectView:
    """A project record (target, monitoring or self-evaluation) read for the checks."""

    record: ProjectRecord
    settings: RuleSettings
    indicators: list[IndicatorView] = field(default_factory=list)
    execution_rate: Decimal | None = None
    progress: Decimal | None = None
    agreeing: dict[int, list[CompletionMethod]] = field(default_factory=dict)
    """Monitoring: for each indicator with a ratio and a printed rate, the methods it agrees with."""
    majority: list[CompletionMethod] = field(default_factory=list)
    """Monitoring: the method(s) most indicators follow (empty if none can be told)."""

    @property
    def method(self) -> CompletionMethod:
        """The record's completion method, or the preferred one when it cannot be told."""
        return self.majority[0] if self.majority else self.settings.completion_methods[0]

    def completion(
        self, view: IndicatorView, method: CompletionMethod | None = None
    ) -> Decimal | None:
        """The indicator's completion rate (percent) by ``method`` (default: the record's)."""
        ratio = view.achievement.ratio
        if ratio is None:
            return None
        return completion_pct(method or self.method, ratio, self.progress)

    def full_completion(self) -> Decimal | None:
        """The completion rate of a fully met indicator under the record's own method."""
        if not self.majority:
            return None
        return completion_pct(self.majority[0], Decimal(1), self.progress)

    def misses(self, view: IndicatorView) -> bool:
        """Whether the indicator plainly misses its target. Before the year ends (a
        monitoring record) most figures are still growing (counts, 执行率), so only a
        breached ceiling (≤) or a deviation band around 0 (``≥-10%且≤10%``) is a miss,
        besides rows that say 未达成."""
        result = view.achievement
        if not result.measurable:
            return False
        if result.tier in ("partial", "not_achieved"):
            return True
        if result.met is not False:
            return False
        if not result.quantitative or self.record.kind != "monitoring":
            return True
        target = view.target
        if target.kind == "range":
            return target.low is not None and target.low.value <= 0
        return target.kind == "comparison" and target.op in ("≤", "<")


def _read_indicator(index: int, indicator: Indicator, settings: RuleSettings) -> IndicatorView:
    target, actual = target_of(indicator), actual_of(indicator)
    return IndicatorView(
        index=index,
        indicator=indicator,
        target=target,
        actual=actual,
        achievement=achievement(target, actual, settings.reverse_formula),
        group=indicator_group(indicator.level1, indicator.level2, indicator.name),
    )


def read_project(record: ProjectRecord, settings: RuleSettings) -> ProjectView:
    """Read a project record once for all rules."""
    views = [_read_indicator(i, ind, settings) for i, ind in enumerate(record.indicators)]
    view = ProjectView(
        record=record,
        settings=settings,
        indicators=views,
        execution_rate=budget_execution_rate(record.budget),
    )
    if record.kind == "monitoring":
        view.progress = time_progress(record.period, settings)
        methods = settings.completion_methods
        for item in views:
            printed = item.indicator.completion_pct
            ratio = item.achievement.ratio
            if printed is not None and ratio is not None:
                view.agreeing[item.index] = agreeing_methods(printed, ratio, view.progress, methods)
        view.majority = majority_methods(view.agreeing.values(), methods)
    return view
