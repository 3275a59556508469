"""1 — Arithmetic: recompute every derived figure (JX101–JX111)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from jixiao.expr.tiers import TIER_LABELS
from jixiao.records import (
    FUND_ACCOUNT_FIELDS,
    FinalAccountsRecord,
    FundAccounts,
    ProjectRecord,
    ReportRecord,
    decimals,
)
from jixiao.records.values import Tier
from jixiao.rules.accounts import ACCOUNT_LABELS, fund_balance, fund_rows_sum, income_items_sum
from jixiao.rules.analysis import IndicatorView, ProjectView
from jixiao.rules.budget import execution_score, source_sum
from jixiao.rules.catalog import record_rule
from jixiao.rules.completion import METHOD_LABELS, overall_completion
from jixiao.rules.context import Corpus, Issue, Item
from jixiao.rules.findings import Severity
from jixiao.rules.precision import (
    HUNDRED,
    agrees,
    equal_at,
    exceeds,
    pct_text,
    quantize,
    shown,
    step,
    text,
)
from jixiao.rules.reports import stated_rates
from jixiao.rules.scoring import GROUP_LABELS, qualitative_band, quantitative_score
from jixiao.rules.settings import CompletionMethod

_AMOUNT_LABELS = {
    "planned": "预算数",
    "initial": "年初预算数",
    "available": "到位数",
    "executed": "执行数",
}


def _project(item: Item) -> ProjectRecord:
    record = item.project_record
    assert record is not None
    return record


def _ratio_text(view: IndicatorView) -> str:
    result = view.achievement
    if result.ratio is None:
        return ""
    if result.quantitative and "比率为" in result.how:
        return result.how
    if result.quantitative and result.how:
        return f"比率 = {result.how} = {pct_text(result.ratio * HUNDRED)}"
    return "完成值表示已达成，比率为100%"


def _progress_text(pv: ProjectView) -> str:
    if pv.progress is None:
        return ""
    month = pv.record.period[5:7].lstrip("0") if pv.record.period else ""
    if pv.settings.time_progress_basis == "month" and month:
        return f"序时进度{month}/12"
    return f"序时进度{pct_text(pv.progress * HUNDRED)}"


def _method_text(pv: ProjectView, view: IndicatorView, method: CompletionMethod) -> str:
    steps = [_ratio_text(view)]
    ratio = view.achievement.ratio
    if method.startswith("capped") and ratio is not None and ratio > 1:
        steps.append("封顶为100%")
    if method.endswith("_x_progress"):
        steps.append("×" + _progress_text(pv))
    elif method.endswith("_per_progress"):
        steps.append("÷" + _progress_text(pv))
    return "，".join(s for s in steps if s)


def _report_execution_rates(record: ReportRecord) -> Iterator[Issue]:
    for stated in stated_rates(record):
        planned, executed, rate = (
            record.facts[stated.planned],
            record.facts[stated.executed],
            record.facts[stated.rate],
        )
        if agrees(rate.value, stated.computed):
            continue
        yield Issue(
            f"报告称完成预算的{text(rate.value)}%，同句所列 支出{text(executed.value)}{executed.unit}"
            f"÷预算{text(planned.value)}{planned.unit} = {pct_text(stated.computed, rate.value)}",
            field=f"facts[{stated.rate}].value",
            reported=rate.value,
            expected=shown(stated.computed, rate.value),
        )


@record_rule("JX101", "execution-rate", "error", kinds=("monitoring", "self_evaluation", "report"))
def execution_rate_mismatch(item: Item, corpus: Corpus) -> Iterator[Issue]:
    """预算执行率 ≠ 执行数 ÷ 预算数.

    为什么：预算执行率是监控和自评的第一项数字，评分（JX111）和序时进度比较（JX302）都以它为
    基础；手工计算或复制上一期数字时常常出错。预算数用全年预算数（调整后），执行数用全年执行数
    （domain-rules §1.3）。报告正文中同一句话给出支出、预算和“完成预算的X%”时也按此核对。

    例：预算数 2889.39、执行数 1445.00，执行率应为 50.01%；表中若印 55.01% 即报错。
    """
    record = item.record
    if isinstance(record, ReportRecord):
        yield from _report_execution_rates(record)
        return
    printed = _project(item).budget.execution_rate_pct
    rate = item.view.execution_rate
    if printed is None or rate is None or agrees(printed, rate):
        return
    budget = _project(item).budget
    assert budget.planned is not None and budget.executed is not None
    assert budget.planned.total is not None and budget.executed.total is not None
    yield Issue(
        f"预算执行率填报 {text(printed)}%，执行数÷预算数 = {text(budget.executed.total)}"
        f"÷{text(budget.planned.total)} = {pct_text(rate, printed)}",
        field="budget.execution_rate_pct",
        reported=printed,
        expected=shown(rate, printed),
    )


@record_rule("JX102", "completion-rate", "error", kinds=("monitoring",))
def completion_rate_mismatch(item: Item, corpus: Corpus) -> Iterator[Issue]:
    """监控表的指标完成率与任何认可的算法都不符，或与本表多数指标的算法不一致。

    为什么：指标完成率由完成值对目标的比率 r 和序时进度 p（监控月份/12）算出。各地算法不同
    （domain-rules §3.4），认可的有 100·r、100·min(r,1)，以及二者 ×p 或 ÷p（可在设置中限定）。
    r：≥T 为 完成值/T；≤T 达到为1、否则 T/完成值；区间内为1；定性“达成”为1。一张表应只用
    一种算法：与所有算法都不符的报错误；只符合少数派算法的报警告，并给出按本表多数算法
    应得的数值。定性的部分达成/未达成、文字表述和“未达监控节点”的行无法计算，不检查。

    例：6月监控，目标 ≥95%、完成值 100%：按 min(r,1)×p 应为 50.00%（按 r 为 105.26%）；
    表中印 95.00% 与任何算法都不符，报错。没有监控时点且没有一行符合任何算法时，无法判断本表
    的算法，不检查。
    """
    pv = item.view
    if pv.progress is None and not pv.majority:
        return  # no 监控时点 and no row fits a method: the record's method cannot be told
    for view in pv.indicators:
        printed = view.indicator.completion_pct
        found = pv.agreeing.get(view.index)
        if printed is None or found is None:
            continue
        if found and any(method in pv.majority for method in found):
            continue
        method = pv.method
        expected = pv.completion(view, method)
        should = "" if expected is None else f"应为 {pct_text(expected, printed)}"
        how = f"（{_method_text(pv, view, method)}）"
        name = view.name or view.path
        if found:
            own = "、".join(f"“{METHOD_LABELS[m]}”" for m in found)
            message = (
                f"指标「{name}」完成率填报 {text(printed)}%，只符合{own}算法；本表多数指标按"
                f"“{METHOD_LABELS[method]}”计算，{should}{how}"
            )
            severity: Severity = "warning"
        else:
            basis = "本表多数指标采用的" if pv.majority else "首选的"
            message = (
                f"指标「{name}」完成率填报 {text(printed)}%，与任何认可的完成率算法都不符；按{basis}"
                f"“{METHOD_LABELS[method]}”{should}{how}"
            )
            severity = "error"
        yield Issue(
            message,
            field=f"{view.path}.completion_pct",
            indicator=view.name,
            reported=printed,
            expected=None if expected is None else shown(expected, printed),
            severity=severity,
        )


@record_rule("JX103", "overall-completion", "error", kinds=("monitoring",))
def overall_completion_mismatch(item: Item, corpus: Corpus) -> Iterator[Issue]:
    """监控表的总体完成率 ≠ 各指标完成率（不含空白和“/”）的平均值。

    为什么：总体完成率没有官方定义，表格通常取已填报的指标完成率的算术平均（checks.md；设置
    ``overall_completion = "capped_mean"`` 时每项先封顶100%）。平均值与填报不符说明漏算、多算或抄错。

    有完成值（不是“/”或“未达监控节点”）却没有完成率的行说明该行的完成率未能读出，此时平均值
    无法核对，不检查。

    例：9项指标完成率之和 531.27%，平均 59.03%；总体完成率印 59.03% 通过，印 62.00% 报错。
    """
    record = _project(item)
    if any(
        v.indicator.completion_pct is None and v.achievement.measurable
        for v in item.view.indicators
    ):
        return
    printed = record.overall_completion_pct
    rates = [ind.completion_pct for ind in record.indicators if ind.completion_pct is not None]
    mean = overall_completion(rates, item.settings)
    if printed is None or mean is None or agrees(printed, mean):
        return
    total = sum(rates, Decimal(0))
    yield Issue(
        f"总体完成率填报 {text(printed)}%，{len(rates)}项指标完成率之和 {text(total)}% ÷ {len(rates)}"
        f" = {pct_text(mean, printed)}",
        field="overall_completion_pct",
        reported=printed,
        expected=shown(mean, printed),
    )


def _tier_of(view: IndicatorView) -> Tier | None:
    result = view.achievement
    if result.tier is not None:
        return result.tier
    if result.met is True and not result.quantitative:
        return "achieved"
    return None


@record_rule("JX104", "indicator-score", "error", kinds=("self_evaluation",))
def indicator_score_mismatch(item: Item, corpus: Corpus) -> Iterator[Issue]:
    """自评表的指标得分与其分值和完成结果不符，或得分超过分值。

    为什么：定量指标得分 = 分值 × min(r,1)（r 的算法同 JX102；反向指标公式可设置），保留两位小数；
    定性指标按三档给分：达成 80%–100%、部分达成 60%–80%、未达成 0–60%（档位可设置）；得分不得
    超过分值（domain-rules §1.4–1.5）。完成值表示未达成却给满分的情况由 JX204 报告。

    例：分值 6.25，目标 74272人、完成 70083人：r = 94.36%，得分应为 5.90；印 6.25 报错。
    """
    for view in item.view.indicators:
        weight, score = view.indicator.weight, view.indicator.score
        if weight is None or score is None:
            continue
        name = view.name or view.path
        field = f"{view.path}.score"
        if score > weight:
            yield Issue(
                f"指标「{name}」得分 {text(score)} 超过分值 {text(weight)}",
                field=field,
                indicator=view.name,
                reported=score,
                expected=weight,
            )
            continue
        result = view.achievement
        tier = _tier_of(view)
        if result.quantitative and result.ratio is not None:
            expected = quantitative_score(result.ratio, weight)
            if not agrees(score, expected):
                capped = "，封顶为100%" if result.ratio > 1 else ""
                yield Issue(
                    f"指标「{name}」得分填报 {text(score)}，应为 分值{text(weight)}×min(r,1) = "
                    f"{text(shown(expected, score))}（r = {result.how} = "
                    f"{pct_text(result.ratio * HUNDRED)}{capped}）",
                    field=field,
                    indicator=view.name,
                    reported=score,
                    expected=shown(expected, score),
                )
        elif tier is not None:
            if tier != "achieved" and equal_at(score, weight):
                continue  # full score for a missed tier: JX204
            low, high = qualitative_band(tier, weight, item.settings)
            places = decimals(score)
            slack = step(places) if places > 0 else Decimal(0)  # truncation of 0.8w, 0.6w
            if quantize(low, places) - slack <= score <= quantize(high, places) + slack:
                continue
            yield Issue(
                f"指标「{name}」完成结果为“{TIER_LABELS[tier]}”，得分应在 {text(shown(low, score))}"
                f"～{text(shown(high, score))} 之间（分值{text(weight)}的档位），填报 {text(score)}",
                field=field,
                indicator=view.name,
                reported=score,
            )


def _score_parts(record: ProjectRecord) -> tuple[list[Decimal | None], list[Decimal | None]]:
    budget = record.budget
    scores: list[Decimal | None] = []
    weights: list[Decimal | None] = []
    if budget.weight is not None or budget.score is not None:
        scores.append(budget.score)
        weights.append(budget.weight)
    for indicator in record.indicators:
        if indicator.weight is not None or indicator.score is not None:
            scores.append(indicator.score)
            weights.append(indicator.weight)
    return scores, weights


@record_rule("JX105", "total-score", "error", kinds=("self_evaluation",))
def total_score_mismatch(item: Item, corpus: Corpus) -> Iterator[Issue]:
    """总分的得分 ≠ 执行率得分 + 各指标得分之和，或总分的分值 ≠ 各分值之和。

    为什么：总分决定评价等级（优≥90、良≥80、中≥60、差），加总错误会直接改变等级
    （domain-rules §1.6）。得分或分值有空白时不核对。

    例：执行率得分 10.00，指标得分合计 89.65，总分应为 99.65；印 100.00 报错。
    """
    record = _project(item)
    scores, weights = _score_parts(record)
    for label, printed, parts, field in (
        ("得分", record.total_score, scores, "total_score"),
        ("分值", record.total_weight, weights, "total_weight"),
    ):
        if printed is None or not parts or any(p is None for p in parts):
            continue
        total = sum((p for p in parts if p is not None), Decimal(0))
        if agrees(printed, total):
            continue
        yield Issue(
            f"总分{label}填报 {text(printed)}，预算执行率和各指标的{label}之和为 {text(total)}",
            field=field,
            reported=printed,
            expected=total,
        )


def _tolerance(values: list[Decimal]) -> Decimal:
    return step(max((decimals(v) for v in values), default=0))


@record_rule("JX106", "weight-frame", "warning", kinds=("self_evaluation",))
def weight_frame(item: Item, corpus: Corpus) -> Iterator[Issue]:
    """分值偏离标准框架：预算执行率 10、产出 50、效益 30、满意度 10，总分 100。

    为什么：财预〔2020〕10号和各地自评表统一了一级指标权重；分值偏离会使得分不可比。没有满意度
    指标时其 10 分并入产出和效益（产出+效益 = 90）。各地框架不同（如湖北 20/40/40），权重是设置
    （domain-rules §1.2）。按 65号 决策/过程 指标体系填报的表只核对总分。

    例：产出指标 4 项各 15 分 = 60 分，标准为 50，报警告。
    """
    record = _project(item)
    weighted = [v for v in item.view.indicators if v.indicator.weight is not None]
    if not weighted:
        return
    frame = item.settings.first_level_weights
    budget_weight = record.budget.weight
    if budget_weight is not None and budget_weight != frame.budget:
        yield Issue(
            f"预算执行率分值为 {text(budget_weight)}，标准框架为 {text(frame.budget)}",
            field="budget.weight",
            reported=budget_weight,
            expected=frame.budget,
        )
    groups = {v.group for v in weighted}
    if None not in groups and not groups & {"decision", "process"}:
        sums: dict[str, list[Decimal]] = defaultdict(list)
        for v in weighted:
            assert v.group is not None and v.indicator.weight is not None
            sums[v.group].append(v.indicator.weight)
        expected: dict[str, Decimal] = {
            "output": frame.output,
            "benefit": frame.benefit,
            "satisfaction": frame.satisfaction,
        }
        labels: dict[str, str] = {str(k): v for k, v in GROUP_LABELS.items()}
        if "satisfaction" not in sums:
            sums = {"output+benefit": sums.get("output", []) + sums.get("benefit", [])}
            expected = {"output+benefit": frame.output + frame.benefit + frame.satisfaction}
            labels = {"output+benefit": "产出指标与效益指标（无满意度指标）"}
        for group, values in sums.items():
            total, standard = sum(values, Decimal(0)), expected.get(group)
            if standard is None or abs(total - standard) <= _tolerance(values):
                continue
            label = labels[group]
            yield Issue(
                f"{label}分值合计 {text(total)}，标准框架为 {text(standard)}",
                field="indicators",
                reported=total,
                expected=standard,
            )
    if record.total_weight is not None and record.total_weight != frame.total:
        yield Issue(
            f"总分分值为 {text(record.total_weight)}，标准框架为 {text(frame.total)}",
            field="total_weight",
            reported=record.total_weight,
            expected=frame.total,
        )


def _account_rows(record: FinalAccountsRecord) -> Iterator[tuple[str, str, FundAccounts]]:
    """(path prefix, label, lines) for each fund and the 合计."""
    for fund, accounts in record.funds.items():
        yield f"funds.{fund.value}", fund.label, accounts
    yield "totals", "合计", record.totals


@record_rule("JX107", "accounts-total", "error", kinds=("final_accounts",))
def accounts_total_mismatch(item: Item, corpus: Corpus) -> Iterator[Issue]:
    """决算：合计行 ≠ 各险种行之和（收入及其各项、支出、待遇支出、结余、年末滚存结余）。

    为什么：合计行是各险种的加总；不等说明某一行漏填、抄错或合计算错。空白险种行按 0 计。

    例：四个险种收入 15390.47 + 4145.35 + 9410.12 + 14490.19 = 43436.13，合计印 43436.13 通过。
    """
    record = item.record
    assert isinstance(record, FinalAccountsRecord)
    for member in FUND_ACCOUNT_FIELDS:
        printed = getattr(record.totals, member)
        total = fund_rows_sum(record, member)
        if printed is None or total is None or agrees(printed, total):
            continue
        yield Issue(
            f"决算合计{ACCOUNT_LABELS[member]}填报 {text(printed)}，各险种之和为 {text(total)}",
            field=f"totals.{member}",
            reported=printed,
            expected=total,
        )


@record_rule("JX108", "accounts-balance", "error", kinds=("final_accounts",))
def accounts_balance_mismatch(item: Item, corpus: Corpus) -> Iterator[Issue]:
    """决算：本年收支结余 ≠ 本年收入 − 本年支出（各险种及合计）。

    为什么：本年收支结余按定义是收入减支出（domain-rules §5.2）；不等说明某个数字抄错。

    例：收入 9410.12、支出 16402.24，结余应为 −6992.12。
    """
    record = item.record
    assert isinstance(record, FinalAccountsRecord)
    for prefix, label, accounts in _account_rows(record):
        computed = fund_balance(accounts)
        printed = accounts.balance
        if printed is None or computed is None or agrees(printed, computed):
            continue
        assert accounts.income is not None and accounts.expenditure is not None
        yield Issue(
            f"{label}本年收支结余填报 {text(printed)}，收入{text(accounts.income)}−支出"
            f"{text(accounts.expenditure)} = {text(computed)}",
            field=f"{prefix}.balance",
            reported=printed,
            expected=computed,
        )


@record_rule("JX109", "accounts-items", "error", kinds=("final_accounts",))
def accounts_items_exceed(item: Item, corpus: Corpus) -> Iterator[Issue]:
    """决算：“其中”项超过所属总数（保险费+利息+财政补贴 > 收入；待遇支出 > 支出）。

    为什么：“其中”列的是总数的一部分，部分之和不可能大于整体；超过说明数字错位或抄错。

    例：收入 4145.35，其中保险费 1191.07、利息 51.63、财政补贴 2698.60，合计 3941.30，未超过，通过。
    """
    record = item.record
    assert isinstance(record, FinalAccountsRecord)
    for prefix, label, accounts in _account_rows(record):
        items_sum = income_items_sum(accounts)
        if (
            accounts.income is not None
            and items_sum is not None
            and exceeds(items_sum, accounts.income)
        ):
            yield Issue(
                f"{label}保险费、利息、财政补贴收入合计 {text(items_sum)}，超过基金收入 {text(accounts.income)}",
                field=f"{prefix}.income",
                reported=accounts.income,
                expected=items_sum,
            )
        benefits, spent = accounts.expenditure_benefits, accounts.expenditure
        if benefits is not None and spent is not None and exceeds(benefits, spent):
            yield Issue(
                f"{label}待遇支出 {text(benefits)} 超过基金支出 {text(spent)}",
                field=f"{prefix}.expenditure_benefits",
                reported=benefits,
                expected=spent,
            )


@record_rule("JX110", "budget-sources", "error", kinds=("target", "monitoring", "self_evaluation"))
def budget_sources_mismatch(item: Item, corpus: Corpus) -> Iterator[Issue]:
    """预算金额 ≠ 其资金来源之和（财政资金 + 社保基金 + 上年结转 + 其他）。

    为什么：资金来源是总额的拆分；不等说明某一来源漏填或抄错。没有印任何来源行时不核对。

    例：年度资金总额 102142 = 财政拨款 65697 + 其他资金 36445，通过。
    """
    budget = _project(item).budget
    for member, label in _AMOUNT_LABELS.items():
        amount = getattr(budget, member)
        if amount is None or amount.total is None:
            continue
        total = source_sum(amount)
        if total is None or agrees(amount.total, total):
            continue
        yield Issue(
            f"{label}填报 {text(amount.total)}，各资金来源之和为 {text(total)}",
            field=f"budget.{member}.total",
            reported=amount.total,
            expected=total,
        )


@record_rule("JX111", "execution-score", "error", kinds=("self_evaluation",))
def execution_score_mismatch(item: Item, corpus: Corpus) -> Iterator[Issue]:
    """预算执行率得分 ≠ 分值 × min(执行率, 100%)。

    为什么：执行率得分按执行率折算，超支不加分（domain-rules §1.3）。执行率按全年执行数÷全年
    预算数重新计算，不用表中印的执行率。

    例：分值 10、执行率 92.89%，得分应为 9.29；印 10.00 报错。
    """
    budget = _project(item).budget
    rate = item.view.execution_rate
    if budget.weight is None or budget.score is None or rate is None:
        return
    expected = execution_score(rate, budget.weight)
    if agrees(budget.score, expected):
        return
    yield Issue(
        f"预算执行率得分填报 {text(budget.score)}，应为 分值{text(budget.weight)}×min(执行率"
        f"{pct_text(rate)}, 100%) = {text(shown(expected, budget.score))}",
        field="budget.score",
        reported=budget.score,
        expected=shown(expected, budget.score),
    )
