"""Budget figures: execution rate, its score, time progress, source-line sums.

One home each (common.md): forms, renderers and checks call these functions.
"""

from __future__ import annotations

import calendar
from decimal import Decimal

from jixiao.records import Amount, Budget
from jixiao.rules.precision import HUNDRED, TWELVE
from jixiao.rules.settings import RuleSettings


def execution_rate(planned: Decimal | None, executed: Decimal | None) -> Decimal | None:
    """预算执行率 in percent: 执行数 / 预算数 × 100 (exact, not rounded).

    ``None`` when either figure is blank or the budget is 0 (no rate can be
    computed, domain-rules §1.3).

    >>> execution_rate(Decimal("2889.39"), Decimal("1445.00")).quantize(Decimal("0.01"))
    Decimal('50.01')
    """
    if planned is None or executed is None or planned == 0:
        return None
    return executed / planned * HUNDRED


def budget_execution_rate(budget: Budget) -> Decimal | None:
    """The execution rate of a record's budget (planned.total and executed.total)."""
    planned = budget.planned.total if budget.planned else None
    executed = budget.executed.total if budget.executed else None
    return execution_rate(planned, executed)


def execution_score(rate_pct: Decimal, weight: Decimal) -> Decimal:
    """预算执行率 得分 = 分值 × min(执行率, 100%) (domain-rules §1.3; over-execution earns no extra)."""
    fraction = min(max(rate_pct, Decimal(0)) / HUNDRED, Decimal(1))
    return weight * fraction


def source_sum(amount: Amount) -> Decimal | None:
    """Σ of the printed source lines (财政资金 + 社保基金 + 上年结转 + 其他); ``None`` if none printed."""
    lines = [v for v in amount.source_lines().values() if v is not None]
    return sum(lines, Decimal(0)) if lines else None


def period_month(period: str | None) -> int | None:
    """The month of a 监控时点 ``YYYY-MM``."""
    if not period or len(period) < 7 or not period[5:7].isdigit():
        return None
    month = int(period[5:7])
    return month if 1 <= month <= 12 else None


def time_progress(period: str | None, settings: RuleSettings) -> Decimal | None:
    """序时进度 p at a 监控时点 as a fraction (``2020-06`` → 0.5 by month).

    ``month`` basis: M/12 (vendor C4). ``day`` basis: days from 1 January to the
    end of month M over the days of the year (leap years counted, vendor C10).
    """
    month = period_month(period)
    if month is None or period is None:
        return None
    if settings.time_progress_basis == "month":
        return Decimal(month) / TWELVE
    year = int(period[:4])
    elapsed = sum(calendar.monthrange(year, m)[1] for m in range(1, month + 1))
    return Decimal(elapsed) / Decimal(366 if calendar.isleap(year) else 365)
