"""Building records in code for the rule tests (figures as printed: strings → Decimal)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from jixiao.records import (
    Amount,
    Budget,
    Fact,
    FinalAccountsRecord,
    Fund,
    FundAccounts,
    Indicator,
    MonitoringRecord,
    Record,
    ReportRecord,
    SelfEvaluationRecord,
    TargetRecord,
)
from jixiao.rules import Finding, RuleSettings, check_records


def D(value: str | int | None) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def ind(
    name: str,
    target: str,
    actual: str | None = None,
    completion: str | None = None,
    *,
    weight: str | None = None,
    score: str | None = None,
    level1: str = "产出指标",
    level2: str = "数量指标",
    note: str | None = None,
    **extra: Any,
) -> Indicator:
    return Indicator(
        level1=level1,
        level2=level2,
        name=name,
        target=target,
        actual=actual,
        completion_pct=D(completion),
        weight=D(weight),
        score=D(score),
        note=note,
        **extra,
    )


def amount(total: str | None, **lines: str) -> Amount:
    return Amount(total=D(total), **{k: D(v) for k, v in lines.items()})


SATISFACTION = ind("服务对象满意度", "≥90%", "95%", level1="满意度指标", level2="满意度指标")


def monitoring(
    indicators: Sequence[Indicator] = (),
    *,
    planned: str | None = "1000.00",
    executed: str | None = "500.00",
    rate: str | None = "50.00",
    period: str | None = "2020-06",
    overall: str | None = None,
    deviation: str | None = None,
    region: str | None = "某县",
    year: int | None = 2020,
    fund: Fund | None = Fund.resident_pension,
    project: str = "城乡居民基本养老保险",
    goal: str | None = "确保待遇按时足额发放",
) -> MonitoringRecord:
    return MonitoringRecord(
        region=region,
        year=year,
        fund=fund,
        project=project,
        period=period,
        goal=goal,
        budget=Budget(
            planned=amount(planned), executed=amount(executed), execution_rate_pct=D(rate)
        ),
        indicators=list(indicators),
        overall_completion_pct=D(overall),
        deviation=deviation,
        money_unit="万元",
    )


def self_evaluation(
    indicators: Sequence[Indicator] = (),
    *,
    initial: str | None = None,
    planned: str | None = "1000.00",
    executed: str | None = "1000.00",
    rate: str | None = "100.0",
    budget_weight: str | None = "10",
    budget_score: str | None = "10.00",
    total_weight: str | None = None,
    total_score: str | None = None,
    deviation: str | None = None,
    region: str | None = "某县",
    year: int | None = 2020,
    fund: Fund | None = Fund.resident_pension,
    project: str = "城乡居民基本养老保险补助项目",
    goal: str | None = "确保待遇按时足额发放",
) -> SelfEvaluationRecord:
    return SelfEvaluationRecord(
        region=region,
        year=year,
        fund=fund,
        project=project,
        goal=goal,
        budget=Budget(
            initial=amount(initial) if initial is not None else None,
            planned=amount(planned),
            executed=amount(executed),
            execution_rate_pct=D(rate),
            weight=D(budget_weight),
            score=D(budget_score),
        ),
        indicators=list(indicators),
        total_weight=D(total_weight),
        total_score=D(total_score),
        deviation=deviation,
        money_unit="万元",
    )


def target(
    indicators: Sequence[Indicator] = (),
    *,
    planned: str | None = "1000.00",
    region: str | None = "某县",
    year: int | None = 2020,
    fund: Fund | None = Fund.resident_pension,
    project: str = "城乡居民基本养老保险",
    **budget_lines: str,
) -> TargetRecord:
    return TargetRecord(
        region=region,
        year=year,
        fund=fund,
        project=project,
        goal="确保待遇按时足额发放",
        budget=Budget(planned=amount(planned, **budget_lines)),
        indicators=list(indicators),
        money_unit="万元",
    )


def accounts(**members: str | None) -> FundAccounts:
    return FundAccounts(**{k: D(v) for k, v in members.items()})


def final_accounts(
    funds: dict[Fund, FundAccounts],
    totals: FundAccounts | None = None,
    *,
    region: str = "某县",
    year: int = 2020,
) -> FinalAccountsRecord:
    return FinalAccountsRecord(
        region=region,
        year=year,
        money_unit="万元",
        funds=funds,
        totals=totals or FundAccounts(),
        title=f"{year}年{region}社会保险基金决算表",
    )


def fact(subject: str, metric: str, value: str, unit: str = "万元", quote: str = "") -> Fact:
    return Fact(
        subject=subject,
        metric=metric,
        value=Decimal(value),
        unit=unit,
        quote=quote or f"{metric}{value}{unit}",
    )  # type: ignore[arg-type]


def report(
    facts: Iterable[Fact] = (), text: str = "", *, region: str = "某县", year: int = 2020
) -> ReportRecord:
    return ReportRecord(
        region=region, year=year, title="关于社会保险基金决算的说明", text=text, facts=list(facts)
    )


def run(
    *records: Record, settings: RuleSettings | None = None, code: str | None = None
) -> list[Finding]:
    """Check records as one input; only findings of ``code`` when given."""
    findings = check_records([("doc.txt", list(records))], settings)
    return [f for f in findings if code is None or f.code == code]


def run_docs(*documents: tuple[str, Sequence[Record]], code: str | None = None) -> list[Finding]:
    findings = check_records(list(documents))
    return [f for f in findings if code is None or f.code == code]


def fields(findings: Iterable[Finding]) -> list[str | None]:
    return [f.field for f in findings]
