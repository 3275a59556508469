"""Every computed figure of a record, keyed by its record-format path.

The web forms show these live as the user types; the keys are the paths the
checks report in ``field`` (``budget.execution_rate_pct``, ``indicators[3].completion_pct``,
``total_score``, ``grade``, ``funds.public_pension.balance``, ``funds.<fund>.payable_months`` …).
Figures are exact decimals except scores, rounded to 2 places as forms print them.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.records import (
    FUND_ACCOUNT_FIELDS,
    FinalAccountsRecord,
    ProjectRecord,
    Record,
    ReportRecord,
)
from jixiao.rules.accounts import fund_balance, fund_payable_months, fund_rows_sum, payable_months
from jixiao.rules.analysis import IndicatorView, ProjectView, read_project
from jixiao.rules.budget import execution_score, source_sum
from jixiao.rules.completion import overall_completion
from jixiao.rules.precision import HUNDRED, quantize
from jixiao.rules.reports import stated_rates
from jixiao.rules.scoring import grade, qualitative_band, quantitative_score
from jixiao.rules.settings import DEFAULT_SETTINGS, RuleSettings

Figures = dict[str, Decimal | str | None]

_SCORE_PLACES = 2


def _amount_figures(record: ProjectRecord, figures: Figures) -> None:
    for member in ("planned", "initial", "available", "executed"):
        amount = getattr(record.budget, member)
        if amount is not None:
            total = source_sum(amount)
            if total is not None:
                figures[f"budget.{member}.total"] = total


def _indicator_score(view: IndicatorView, settings: RuleSettings) -> Decimal | None:
    weight = view.indicator.weight
    result = view.achievement
    if weight is None:
        return None
    if result.quantitative and result.ratio is not None:
        return quantize(quantitative_score(result.ratio, weight), _SCORE_PLACES)
    if result.tier == "achieved" or (result.met is True and not result.quantitative):
        return qualitative_band("achieved", weight, settings)[1]
    return None


def _monitoring_figures(pv: ProjectView, figures: Figures) -> None:
    if pv.progress is not None:
        figures["time_progress_pct"] = pv.progress * HUNDRED
    rates: list[Decimal | None] = []
    for view in pv.indicators:
        computed = pv.completion(view)
        figures[f"{view.path}.completion_pct"] = computed
        printed = view.indicator.completion_pct
        rates.append(printed if printed is not None else computed)
    figures["overall_completion_pct"] = overall_completion(rates, pv.settings)


def _self_evaluation_figures(pv: ProjectView, figures: Figures, settings: RuleSettings) -> None:
    budget = pv.record.budget
    budget_score: Decimal | None = None
    if budget.weight is not None and pv.execution_rate is not None:
        budget_score = quantize(execution_score(pv.execution_rate, budget.weight), _SCORE_PLACES)
        figures["budget.score"] = budget_score
    scores: list[Decimal | None] = []
    weights: list[Decimal] = [budget.weight] if budget.weight is not None else []
    for view in pv.indicators:
        computed = _indicator_score(view, settings)
        if view.indicator.weight is not None:
            figures[f"{view.path}.score"] = computed
            weights.append(view.indicator.weight)
            printed = view.indicator.score
            scores.append(printed if printed is not None else computed)
    if not weights:
        return
    figures["total_weight"] = sum(weights, Decimal(0))
    own = budget.score if budget.score is not None else budget_score
    parts = ([own] if budget.weight is not None else []) + scores
    total = (
        None
        if any(p is None for p in parts)
        else sum((p for p in parts if p is not None), Decimal(0))
    )
    figures["total_score"] = total
    figures["grade"] = None if total is None else grade(total, settings)


def project_figures(record: ProjectRecord, settings: RuleSettings) -> Figures:
    """Figures of a target, monitoring or self-evaluation record."""
    pv = read_project(record, settings)
    figures: Figures = {"budget.execution_rate_pct": pv.execution_rate}
    _amount_figures(record, figures)
    if record.kind == "monitoring":
        _monitoring_figures(pv, figures)
    elif record.kind == "self_evaluation":
        _self_evaluation_figures(pv, figures, settings)
    return figures


def accounts_figures(record: FinalAccountsRecord) -> Figures:
    """Figures of a 决算: each fund's balance and 可支付月数, and the 合计 as Σ of the funds."""
    figures: Figures = {}
    for fund, accounts in record.funds.items():
        figures[f"funds.{fund.value}.balance"] = fund_balance(accounts)
        figures[f"funds.{fund.value}.payable_months"] = fund_payable_months(accounts)
    for member in FUND_ACCOUNT_FIELDS:
        figures[f"totals.{member}"] = fund_rows_sum(record, member)
    closing = record.totals.closing_balance
    expenditure = record.totals.expenditure
    figures["totals.payable_months"] = payable_months(closing, expenditure)
    return figures


def derived_figures(record: Record, settings: RuleSettings | None = None) -> Figures:
    """Every computed figure of ``record`` by field path (see the module docstring)."""
    settings = settings or DEFAULT_SETTINGS
    if isinstance(record, FinalAccountsRecord):
        return accounts_figures(record)
    if isinstance(record, ReportRecord):
        return {f"facts[{s.rate}].value": s.computed for s in stated_rates(record)}
    return project_figures(record, settings)
