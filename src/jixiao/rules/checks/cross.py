"""4 — Across documents (JX401–JX404). Records are linked by region, year and fund
(and project name among several); every finding names both sides in ``related``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.records import (
    FUND_LABELS,
    Fact,
    FinalAccountsRecord,
    Fund,
    ReportRecord,
    TargetExpr,
    fund_from_text,
)
from jixiao.rules import names
from jixiao.rules.accounts import ACCOUNT_LABELS, fund_payable_months
from jixiao.rules.analysis import IndicatorView
from jixiao.rules.catalog import corpus_rule
from jixiao.rules.context import Corpus, Issue, Item
from jixiao.rules.money import DEFAULT_MONEY_UNIT, convert, is_money_unit
from jixiao.rules.precision import agrees, pct_text, quantize, same_figure, text
from jixiao.rules.quantities import base_value, comparable
from jixiao.rules.reports import stated_rates

_LOWER_OPS = {"≥": "≥", "=": "≥", ">": ">", "≤": "≤", "<": "<"}
_MONTHS_NAME = re.compile(r"可(?:支付|支配)月数|支付月数")
_METRIC_LABELS = {
    "income": "基金收入",
    "expenditure": "基金支出",
    "balance": "本年收支结余",
    "closing_balance": "年末滚存结余",
    "planned": "预算数",
    "executed": "执行数（支出）",
    "execution_rate_pct": "完成预算比例",
}


def _budget_total(item: Item, member: str) -> Decimal | None:
    record = item.project_record
    if record is None:
        return None
    amount = getattr(record.budget, member)
    return None if amount is None else amount.total


def same_target(first: TargetExpr, second: TargetExpr) -> bool | None:
    """Whether two targets ask for the same thing (``None``: cannot be compared, e.g.
    qualitative or malformed). ``=`` and ``≥`` are the same ask (domain-rules §1.4);
    ``或`` versus ``且`` in a range is not a difference of the figure."""
    kinds = {first.kind, second.kind}
    if kinds & {"qualitative", "malformed", "empty"}:
        return None
    if first.kind != second.kind:
        return False
    if first.kind == "comparison":
        assert first.value is not None and second.value is not None
        if not comparable(first.unit, second.unit):
            return False
        return _LOWER_OPS.get(first.op or "=") == _LOWER_OPS.get(second.op or "=") and base_value(
            first.value, first.unit
        ) == base_value(second.value, second.unit)
    if first.kind == "range":
        assert first.low and first.high and second.low and second.high
        return (
            comparable(first.low.unit, second.low.unit)
            and base_value(first.low.value, first.low.unit)
            == base_value(second.low.value, second.low.unit)
            and base_value(first.high.value, first.high.unit)
            == base_value(second.high.value, second.high.unit)
            and first.low.inclusive == second.low.inclusive
            and first.high.inclusive == second.high.inclusive
        )
    return (first.period, first.day, first.within_days) == (
        second.period,
        second.day,
        second.within_days,
    )


def _matching(view: IndicatorView, others: list[IndicatorView]) -> IndicatorView | None:
    return next((o for o in others if names.same_name(o.name, view.name)), None)


def _chain(corpus: Corpus, item: Item) -> list[Item]:
    """The earlier records of the item's project, nearest first (self-evaluation →
    monitoring, target; monitoring → target)."""
    earlier = {"self_evaluation": ("monitoring", "target"), "monitoring": ("target",)}
    found = [corpus.counterpart(item, kind) for kind in earlier.get(item.record.kind, ())]
    return [f for f in found if f is not None]


def _budget_issues(corpus: Corpus, item: Item) -> Iterator[Issue]:
    kind = item.record.kind
    if kind == "self_evaluation":
        target = corpus.counterpart(item, "target")
        planned_start = _budget_total(target, "planned") if target else None
        initial = _budget_total(item, "initial")
        member, own = (
            ("initial", initial)
            if initial is not None
            else ("planned", _budget_total(item, "planned"))
        )
        if (
            target is not None
            and planned_start is not None
            and own is not None
            and not same_figure(own, planned_start)
        ):
            label = "年初预算数" if member == "initial" else "预算数"
            yield Issue(
                f"{label} {text(own)} 与{target.describe()}的年度资金总额 {text(planned_start)} 不同",
                field=f"budget.{member}.total",
                reported=own,
                expected=planned_start,
                related=[target.ref("budget.planned.total")],
                item=item,
                severity=None if member == "initial" else "warning",
            )
    if kind == "monitoring":
        own = _budget_total(item, "planned")
        if own is None:
            return
        sides: list[tuple[Item, str, Decimal]] = []
        for other_kind, members in (
            ("target", ("planned",)),
            ("self_evaluation", ("initial", "planned")),
        ):
            other = corpus.counterpart(item, other_kind)
            for member in members:
                value = _budget_total(other, member) if other else None
                if other is not None and value is not None:
                    sides.append((other, member, value))
        if sides and not any(same_figure(own, value) for _, _, value in sides):
            listed = "、".join(f"{o.describe()} {text(v)}" for o, _, v in sides)
            yield Issue(
                f"监控表预算数 {text(own)} 与同一项目其他记录的预算都不同（{listed}）",
                field="budget.planned.total",
                reported=own,
                expected=sides[0][2],
                related=[o.ref(f"budget.{m}.total") for o, m, _ in sides],
                item=item,
                severity="warning",
            )


def _executed_issues(corpus: Corpus, item: Item) -> Iterator[Issue]:
    executed = _budget_total(item, "executed")
    fund = item.fund
    if item.record.kind != "self_evaluation" or executed is None or fund is None:
        return
    for accounts_item in corpus.final_accounts(item):
        record = accounts_item.record
        assert isinstance(record, FinalAccountsRecord)
        accounts = record.funds.get(fund)
        if accounts is None or accounts.expenditure is None:
            continue
        unit_from, unit_to = record.money_unit, item.record.money_unit
        candidates = [("expenditure", accounts.expenditure)]
        if accounts.expenditure_benefits is not None:
            candidates.append(("expenditure_benefits", accounts.expenditure_benefits))
        converted = [(m, convert(v, unit_from, unit_to)) for m, v in candidates]
        if any(same_figure(executed, value) for _, value in converted):
            continue
        listed = "、".join(f"{ACCOUNT_LABELS[m]} {text(quantize(v, 2))}" for m, v in converted)
        yield Issue(
            f"自评表全年执行数 {text(executed)} 与{accounts_item.describe()}中{fund.label}的{listed}都不同",
            field="budget.executed.total",
            reported=executed,
            expected=quantize(converted[0][1], 2),
            related=[accounts_item.ref(f"funds.{fund.value}.{m}") for m, _ in candidates],
            item=item,
        )


def _target_issues(corpus: Corpus, item: Item) -> Iterator[Issue]:
    earlier = _chain(corpus, item)
    for view in item.view.indicators:
        for other in earlier:
            match = _matching(view, other.view.indicators)
            if match is None:
                continue
            same = same_target(view.target, match.target)
            if same is False:
                yield Issue(
                    f"指标「{view.name}」的指标值“{view.target.text}”与{other.describe()}的"
                    f"“{match.target.text}”不同",
                    field=f"{view.path}.target",
                    indicator=view.name,
                    related=[other.ref(f"{match.path}.target")],
                    item=item,
                )
            break


@corpus_rule("JX401", "figure-differs", "error")
def figure_differs(corpus: Corpus) -> Iterator[Issue]:
    """同一个数字在两份记录中不同：预算、执行数、指标值（目标表 ↔ 监控表 ↔ 自评表），自评表
    全年执行数 ↔ 决算该险种支出。

    为什么：同一项目的目标表、监控表、自评表和决算描述的是同一笔资金和同一组目标，数字必须
    一致。记录按地区、年度、险种（多个项目时再按项目名称）关联。年初预算数应等于目标表的年度
    资金总额；监控表（调整后）预算数应等于其中之一或自评表全年预算数（否则报警告，可能是年中
    调整）；自评表全年执行数应等于决算该险种支出或其待遇支出；指标值与最近一份较早的记录比较
    （``=`` 与 ``≥`` 视为相同，“或/且”不计）。

    例：自评表全年执行数 13129.54，决算机关事业单位养老保险基金支出 13159.54：报错。
    """
    for item in corpus.items:
        if item.record.kind not in ("monitoring", "self_evaluation"):
            continue
        yield from _budget_issues(corpus, item)
        yield from _executed_issues(corpus, item)
        yield from _target_issues(corpus, item)


def _fact_subject(fact: Fact) -> Fund | None:
    try:
        return Fund(fact.subject)
    except ValueError:
        return None


def _subject_label(fact: Fact) -> str:
    fund = _fact_subject(fact)
    return FUND_LABELS[fund] if fund is not None else "合计"


def _own_rates(record: ReportRecord) -> set[int]:
    """Rate facts whose sentence states its own budget and spending (JX101 checks those)."""
    return {stated.rate for stated in stated_rates(record)}


Candidate = tuple[Item, str, Decimal, str | None]
"""(record, field, value, money unit of the value)."""


def _fact_candidates(
    corpus: Corpus, report: Item, index: int, own_rates: set[int]
) -> list[Candidate]:
    record = report.record
    assert isinstance(record, ReportRecord)
    fact = record.facts[index]
    fund = _fact_subject(fact)
    found: list[Candidate] = []
    accounts_metric = {
        "income": "income",
        "balance": "balance",
        "closing_balance": "closing_balance",
        "expenditure": "expenditure",
        "executed": "expenditure",
    }.get(fact.metric)
    if accounts_metric is not None:
        for accounts_item in corpus.final_accounts(report):
            accounts_record = accounts_item.record
            assert isinstance(accounts_record, FinalAccountsRecord)
            lines = accounts_record.totals if fund is None else accounts_record.funds.get(fund)
            value = getattr(lines, accounts_metric) if lines is not None else None
            if value is not None:
                prefix = "totals" if fund is None else f"funds.{fund.value}"
                found.append(
                    (
                        accounts_item,
                        f"{prefix}.{accounts_metric}",
                        value,
                        accounts_record.money_unit,
                    )
                )
    if fund is None:
        return found
    members = {
        "expenditure": ("executed",),
        "executed": ("executed",),
        "planned": ("planned", "initial"),
    }
    for evaluation in corpus.linked(record.region, record.year, fund, "self_evaluation"):
        if fact.metric == "execution_rate_pct":
            rate = evaluation.view.execution_rate
            if rate is not None and index not in own_rates:
                found.append((evaluation, "budget.execution_rate_pct", rate, None))
            continue
        for member in members.get(fact.metric, ()):
            value = _budget_total(evaluation, member)
            if value is not None:
                found.append(
                    (evaluation, f"budget.{member}.total", value, evaluation.record.money_unit)
                )
    return found


def _fact_agrees(fact: Fact, value: Decimal, unit: str | None) -> bool | None:
    """Whether the fact states ``value``; ``None`` when the difference is a unit slip (JX501)."""
    if fact.unit == "%":
        return agrees(fact.value, value)
    if not is_money_unit(fact.unit):
        return True
    if same_figure(fact.value, convert(value, unit, fact.unit)):
        return True
    if fact.unit != (unit or DEFAULT_MONEY_UNIT) and same_figure(fact.value, value):
        return None
    return False


@corpus_rule("JX402", "report-differs", "error")
def report_differs(corpus: Corpus) -> Iterator[Issue]:
    """报告正文中的数字与它所说明的表不同（决算说明 ↔ 决算表，自评报告 ↔ 自评表）。

    为什么：报告是给人大、财政和公众看的，数字必须与表一致。报告按地区、年度关联到决算表和
    各险种的自评表；一个数字只要与任何一张关联表中的对应数字一致就算一致（自评表的执行数可能
    只含待遇支出）。同一句中自带预算和支出的“完成预算的X%”由 JX101 核对；单位写错的数字由 JX501
    报告。参保人数等人数类数字没有可靠的表内对应项，不核对。

    例：报告称城乡居民医保“总支出 47353.37 万元，完成预算的 100%”，自评表预算数 24581.48、
    执行数 47353.37，执行率 192.64%：报错。
    """
    for report in corpus.of_kind("report"):
        record = report.record
        assert isinstance(record, ReportRecord)
        own_rates = _own_rates(record)
        for index, fact in enumerate(record.facts):
            candidates = _fact_candidates(corpus, report, index, own_rates)
            if not candidates:
                continue
            results = [_fact_agrees(fact, value, unit) for _, _, value, unit in candidates]
            if any(r is not False for r in results):
                continue
            listed = "、".join(
                f"{other.describe()} {pct_text(value) if fact.unit == '%' else text(quantize(value, 2))}"
                for other, _, value, _ in candidates
            )
            yield Issue(
                f"报告称{_subject_label(fact)}{_METRIC_LABELS.get(fact.metric, fact.metric)}"
                f" {text(fact.value)}{fact.unit}，与表中数字不同：{listed}（原文：“{fact.quote}”）",
                field=f"facts[{index}].value",
                reported=fact.value,
                expected=quantize(candidates[0][2], 2),
                related=[other.ref(field) for other, field, _, _ in candidates],
                item=report,
            )


@corpus_rule("JX403", "claimed-months", "error")
def claimed_months(corpus: Corpus) -> Iterator[Issue]:
    """自评表中填报的可支付月数与决算算出的 年末滚存结余 ÷ (本年支出 ÷ 12) 不同。

    为什么：可支付月数是基金可持续性的核心指标，自评表常常照抄目标值（如“9个月”），而不是
    按决算计算。指标名称中写明险种（如“生育保险基金可支付月数”）时按该险种取决算行，否则按
    记录的险种。

    例：自评表“职工基本医疗可支付月数”完成值 9个月；决算职工医保年末滚存结余 2093.28、本年
    支出 16402.24，算得 1.53 个月：报错。
    """
    for item in corpus.of_kind("self_evaluation"):
        accounts_items = corpus.final_accounts(item)
        if not accounts_items:
            continue
        for view in item.view.indicators:
            actual = view.actual
            if (
                not _MONTHS_NAME.search(names.key(view.name))
                or actual is None
                or actual.kind != "number"
            ):
                continue
            if actual.value is None or actual.unit not in (None, "月", "个月"):
                continue
            fund = fund_from_text(view.name) or item.fund
            for accounts_item in accounts_items:
                record = accounts_item.record
                assert isinstance(record, FinalAccountsRecord)
                accounts = record.funds.get(fund) if fund is not None else None
                months = fund_payable_months(accounts) if accounts is not None else None
                if (
                    months is None
                    or agrees(actual.value, months)
                    or fund is None
                    or accounts is None
                ):
                    continue
                assert accounts.closing_balance is not None and accounts.expenditure is not None
                yield Issue(
                    f"指标「{view.name}」填报可支付 {text(actual.value)} 个月，{accounts_item.describe()}中"
                    f"{fund.label}年末滚存结余 {text(accounts.closing_balance)} ÷（本年支出"
                    f" {text(accounts.expenditure)} ÷ 12）= {text(quantize(months, 2))} 个月",
                    field=f"{view.path}.actual",
                    indicator=view.name,
                    reported=actual.value,
                    expected=quantize(months, 2),
                    related=[
                        accounts_item.ref(f"funds.{fund.value}.closing_balance"),
                        accounts_item.ref(f"funds.{fund.value}.expenditure"),
                    ],
                    item=item,
                )


@corpus_rule("JX404", "indicator-set-changed", "warning")
def indicator_set_changed(corpus: Corpus) -> Iterator[Issue]:
    """同一项目的指标在目标表之后的记录中增加或减少。

    为什么：监控和自评应针对目标表批复的指标进行；事后增删指标会回避未完成的目标。名称按去掉
    空格标点后相同、或被截断的前缀（至少8个字）视为同一指标。

    例：目标表有“离退休人员满意度”，自评表没有：报警告（指标被删除）。
    """
    for target in corpus.of_kind("target"):
        for kind in ("monitoring", "self_evaluation"):
            later = corpus.counterpart(target, kind)
            if later is None or not later.view.indicators or not target.view.indicators:
                continue
            for view in target.view.indicators:
                if names.key(view.name) and _matching(view, later.view.indicators) is None:
                    yield Issue(
                        f"{target.describe()}的指标「{view.name}」在本记录中没有出现（指标被删除）",
                        field="indicators",
                        indicator=view.name,
                        related=[target.ref(f"{view.path}.name")],
                        item=later,
                    )
            for view in later.view.indicators:
                if names.key(view.name) and _matching(view, target.view.indicators) is None:
                    yield Issue(
                        f"指标「{view.name}」不在{target.describe()}中（指标为新增）",
                        field=f"{view.path}.name",
                        indicator=view.name,
                        related=[target.ref("indicators")],
                        item=later,
                    )
