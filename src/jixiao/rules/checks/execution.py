"""3 — Budget execution (JX301–JX304)."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.records import FinalAccountsRecord, ProjectRecord
from jixiao.rules.accounts import fund_payable_months
from jixiao.rules.catalog import record_rule
from jixiao.rules.context import Corpus, Issue, Item
from jixiao.rules.deviation import gives_reason
from jixiao.rules.precision import HUNDRED, exceeds, pct_text, quantize, same_figure, text


def _project(item: Item) -> ProjectRecord:
    record = item.project_record
    assert record is not None
    return record


@record_rule("JX301", "over-execution", "warning", kinds=("monitoring", "self_evaluation"))
def over_execution(item: Item, corpus: Corpus) -> Iterator[Issue]:
    """执行数超过预算数（超支）。执行率超过 120%（可设置）且没有说明原因时报错误，否则报警告。

    为什么：社保基金预算不得随意调整，超支须编制调整预算或说明原因（domain-rules §3.3）。
    大幅超支往往是把上解、调剂等资金计入了执行数，或预算数填错。

    例：预算数 11431.62、执行数 30405.81（265.98%），偏差栏说明了“历年结余基金全额上解”：
    报警告；若未说明原因则报错误。
    """
    record = _project(item)
    planned = record.budget.planned.total if record.budget.planned else None
    executed = record.budget.executed.total if record.budget.executed else None
    rate = item.view.execution_rate
    if planned is None or executed is None or rate is None or not exceeds(executed, planned):
        return
    limit = item.settings.over_execution_error_pct
    explained = gives_reason(record.deviation)
    severe = rate > limit and not explained
    tail = "，且没有说明原因" if severe else ("，偏差栏已说明原因" if explained else "")
    yield Issue(
        f"执行数 {text(executed)} 超过预算数 {text(planned)}，执行率 {pct_text(rate)}{tail}",
        field="budget.executed.total",
        reported=executed,
        expected=planned,
        severity="error" if severe else "warning",
    )


@record_rule("JX302", "progress-deviation", "warning", kinds=("monitoring",))
def progress_deviation(item: Item, corpus: Corpus) -> Iterator[Issue]:
    """监控表：预算执行率偏离序时进度（监控月份/12）超过 10 个百分点（可设置），且没有纠偏措施。

    为什么：“双监控”要求执行进度与时间进度基本一致，偏离大的须说明原因并采取纠偏措施
    （domain-rules §3.1、§3.3）。偏差栏写“无偏差”不算措施。

    例：6月监控，执行率 27.71%，序时进度 50%，相差 22.29 个百分点，偏差栏“无偏差。”：报警告。
    """
    pv = item.view
    rate, progress = pv.execution_rate, pv.progress
    record = pv.record
    if rate is None or progress is None or gives_reason(record.deviation):
        return
    expected = progress * HUNDRED
    gap = rate - expected
    threshold = item.settings.deviation_threshold_points
    if abs(gap) <= threshold:
        return
    direction = "落后" if gap < 0 else "超前"
    said = f"（偏差栏：“{record.deviation}”）" if record.deviation else "（偏差栏空白）"
    yield Issue(
        f"预算执行率 {pct_text(rate)} {direction}序时进度 {pct_text(expected)} 共"
        f" {text(quantize(abs(gap), 2))} 个百分点，超过 {text(threshold)} 个百分点，但没有纠偏措施{said}",
        field="budget.execution_rate_pct",
        reported=record.budget.execution_rate_pct,
        expected=quantize(expected, 2),
    )


@record_rule("JX303", "budget-fitted", "warning", kinds=("self_evaluation",))
def budget_fitted(item: Item, corpus: Corpus) -> Iterator[Issue]:
    """自评表：全年预算数与全年执行数相等，却与年初预算数不同（把预算调成执行结果）。

    为什么：执行率按调整后的全年预算数计算；事后把预算调整到恰好等于执行数，执行率就必然是
    100%，执行率考核失去意义。这不一定是错误（可能有正式的预算调整），需要审核人查看调整依据。

    例：年初预算数 11110.26，全年预算数 7828.73，全年执行数 7828.73：报警告。
    """
    budget = _project(item).budget
    initial = budget.initial.total if budget.initial else None
    planned = budget.planned.total if budget.planned else None
    executed = budget.executed.total if budget.executed else None
    if initial is None or planned is None or executed is None:
        return
    if not same_figure(planned, executed) or same_figure(planned, initial):
        return
    yield Issue(
        f"全年预算数 {text(planned)} 与全年执行数 {text(executed)} 相等，却与年初预算数 {text(initial)}"
        " 不同：预算可能被调整为执行结果",
        field="budget.planned.total",
        reported=planned,
        expected=initial,
    )


@record_rule("JX304", "payable-months", "warning", kinds=("final_accounts",))
def payable_months_range(item: Item, corpus: Corpus) -> Iterator[Issue]:
    """决算：某险种可支付月数（年末滚存结余 ÷ (本年支出 ÷ 12)）超出审慎范围。

    为什么：结余过少有支付风险，过多说明资金沉淀（domain-rules §5.3）。默认：医疗保险 6–9 个月，
    低于 3 个月报错误；养老保险至少 2 个月（财社〔2017〕144号第三十七条）；工伤、失业没有默认
    范围。各险种范围均可设置。职工医保本应只用统筹基金结余，决算表未分列时用年末滚存结余。

    例：职工医保年末滚存结余 2093.28、本年支出 16402.24，可支付 1.53 个月，低于 3 个月：报错误。
    """
    record = item.record
    assert isinstance(record, FinalAccountsRecord)
    for fund, accounts in record.funds.items():
        prudent = item.settings.prudent_months.get(fund)
        months = fund_payable_months(accounts)
        if prudent is None or months is None:
            continue
        assert accounts.closing_balance is not None and accounts.expenditure is not None
        shown_months = quantize(months, 2)
        severity = None
        if prudent.error_below is not None and months < prudent.error_below:
            problem, severity = f"低于 {text(prudent.error_below)} 个月", "error"
        elif prudent.low is not None and months < prudent.low:
            problem = f"低于审慎下限 {text(prudent.low)} 个月"
        elif prudent.high is not None and months > prudent.high:
            problem = f"高于审慎上限 {text(prudent.high)} 个月"
        else:
            continue
        yield Issue(
            f"{fund.label}可支付月数 = 年末滚存结余 {text(accounts.closing_balance)} ÷（本年支出"
            f" {text(accounts.expenditure)} ÷ 12）= {text(shown_months)} 个月，{problem}",
            field=f"funds.{fund.value}.closing_balance",
            expected=shown_months,
            severity="error" if severity else None,
        )
