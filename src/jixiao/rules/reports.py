"""Figures a report states together: budget, spending and 完成预算的 X% in one sentence."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from jixiao.records import ReportRecord
from jixiao.rules.budget import execution_rate
from jixiao.rules.money import convert, is_money_unit


@dataclass(frozen=True)
class StatedRate:
    """Indices of a (planned, executed, rate) triple of facts and the rate they imply."""

    planned: int
    executed: int
    rate: int
    computed: Decimal


def stated_rates(record: ReportRecord) -> Iterator[StatedRate]:
    """Each sentence that states one budget, one spending and one rate for one subject."""
    groups: dict[tuple[str, str], dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for index, fact in enumerate(record.facts):
        groups[(fact.subject, fact.quote)][fact.metric].append(index)
    for metrics in groups.values():
        planned, executed = metrics.get("planned", []), metrics.get("executed", [])
        rate = metrics.get("execution_rate_pct", [])
        if not len(planned) == len(executed) == len(rate) == 1:
            continue
        budget, spent = record.facts[planned[0]], record.facts[executed[0]]
        if not (is_money_unit(budget.unit) and is_money_unit(spent.unit)):
            continue
        computed = execution_rate(budget.value, convert(spent.value, spent.unit, budget.unit))
        if computed is not None:
            yield StatedRate(planned[0], executed[0], rate[0], computed)
