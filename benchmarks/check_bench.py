"""Benchmark of ``jixiao check``: speed, memory and recall on synthetic records.

Builds ≥ 20,000 records (per county: a target table, a June monitoring table, a
self-evaluation, a 决算 and a 决算说明) whose figures are consistent, injects one
error at a known place into some of them, runs :func:`jixiao.rules.check_records`
on one core and prints records/second, peak memory and the recall of the injected
errors (every injected error must be found: 100%). Findings at places where no
error was injected are counted too (a consistent record must draw none).

Run: ``.venv/bin/python benchmarks/check_bench.py [--counties 4000] [--seed 7]``
"""

from __future__ import annotations

import argparse
import random
import resource
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

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
from jixiao.rules import Finding, check_records

CENT = Decimal("0.01")
FUND = Fund.resident_pension
PROJECT = "城乡居民基本养老保险"


def money(rng: random.Random, low: int = 1_000, high: int = 500_000) -> Decimal:
    return Decimal(rng.randint(low * 100, high * 100)) / 100


def pct(value: Decimal) -> Decimal:
    return value.quantize(CENT)


@dataclass
class County:
    """The consistent figures of one county's project and fund."""

    region: str
    goal: int
    actual_june: int
    actual_year: int
    planned: Decimal
    executed_june: Decimal
    executed_year: Decimal
    income_items: tuple[Decimal, Decimal, Decimal]
    closing: Decimal


def county(rng: random.Random, index: int) -> County:
    goal = rng.randint(1_000, 200_000)
    planned = money(rng)
    executed_year = (planned * Decimal(rng.choice(["0.95", "0.98", "1"]))).quantize(CENT)
    spent_month = executed_year / 12
    return County(
        region=f"第{index}县",
        goal=goal,
        actual_june=goal * rng.randint(40, 60) // 100,
        actual_year=goal * rng.randint(100, 120) // 100,
        planned=planned,
        executed_june=(planned * Decimal(rng.choice(["0.45", "0.5", "0.55"]))).quantize(CENT),
        executed_year=executed_year,
        income_items=(money(rng), money(rng, 10, 500), money(rng)),
        closing=(spent_month * rng.randint(3, 40)).quantize(CENT),
    )


def indicators(c: County, stage: str) -> list[Indicator]:
    """产出 (a count and a rate), 效益 (a statement), 满意度, as a stage prints them."""
    count = Indicator(
        level1="产出指标", level2="数量指标", name="参保缴费人数", target=f"≥{c.goal}人"
    )
    rate = Indicator(level1="产出指标", level2="质量指标", name="待遇发放准确率", target="≥99%")
    effect = Indicator(
        level1="效益指标", level2="社会效益指标", name="待遇按时足额发放", target="按时足额发放"
    )
    happy = Indicator(
        level1="满意度指标", level2="满意度指标", name="参保群众满意度", target="≥90%"
    )
    if stage == "monitoring":
        ratio = Decimal(c.actual_june) / Decimal(c.goal)
        count = count.model_copy(
            update={
                "actual": f"{c.actual_june}人",
                "completion_pct": pct(min(ratio, Decimal(1)) * 50),
            }
        )
        rate = rate.model_copy(update={"actual": "100%", "completion_pct": Decimal("50.00")})
        effect = effect.model_copy(
            update={"actual": "按时足额发放", "completion_pct": Decimal("50.00")}
        )
        happy = happy.model_copy(update={"actual": "未达监控节点"})
    elif stage == "self_evaluation":
        count = count.model_copy(
            update={
                "actual": f"{c.actual_year}人",
                "weight": Decimal(25),
                "score": Decimal("25.00"),
            }
        )
        rate = rate.model_copy(
            update={"actual": "100%", "weight": Decimal(25), "score": Decimal("25.00")}
        )
        effect = effect.model_copy(
            update={"actual": "按时足额发放", "weight": Decimal(30), "score": Decimal(30)}
        )
        happy = happy.model_copy(
            update={"actual": "95%", "weight": Decimal(10), "score": Decimal(10)}
        )
    return [count, rate, effect, happy]


def records_of(c: County) -> list[Record]:
    common = {
        "region": c.region,
        "year": 2023,
        "fund": FUND,
        "project": PROJECT,
        "money_unit": "万元",
        "goal": "确保待遇按时足额发放",
    }
    target = TargetRecord(
        **common,
        budget=Budget(planned=Amount(total=c.planned, fiscal=c.planned)),
        indicators=indicators(c, "target"),
    )
    june_rate = c.executed_june / c.planned * 100
    monitoring = MonitoringRecord(
        **common,
        period="2023-06",
        budget=Budget(
            planned=Amount(total=c.planned, fiscal=c.planned),
            executed=Amount(total=c.executed_june, fiscal=c.executed_june),
            execution_rate_pct=pct(june_rate),
        ),
        indicators=indicators(c, "monitoring"),
    )
    monitoring.overall_completion_pct = pct(
        sum(
            (i.completion_pct for i in monitoring.indicators if i.completion_pct is not None),
            Decimal(0),
        )
        / 3
    )
    year_rate = c.executed_year / c.planned * 100
    budget_score = pct(min(year_rate, Decimal(100)) / 10)
    evaluation = SelfEvaluationRecord(
        **common,
        budget=Budget(
            initial=Amount(total=c.planned),
            planned=Amount(total=c.planned),
            executed=Amount(total=c.executed_year),
            execution_rate_pct=pct(year_rate),
            weight=Decimal(10),
            score=budget_score,
        ),
        indicators=indicators(c, "self_evaluation"),
        total_weight=Decimal(100),
        total_score=budget_score + 90,
    )
    contributions, interest, subsidy = c.income_items
    income = contributions + interest + subsidy
    fund = FundAccounts(
        income=income,
        income_contributions=contributions,
        income_interest=interest,
        income_subsidy=subsidy,
        expenditure=c.executed_year,
        expenditure_benefits=c.executed_year,
        balance=income - c.executed_year,
        closing_balance=c.closing,
    )
    accounts = FinalAccountsRecord(
        region=c.region,
        year=2023,
        money_unit="万元",
        funds={FUND: fund},
        totals=fund.model_copy(),
        title=f"2023年{c.region}社会保险基金决算表",
    )
    sentence = f"本年收入{income}万元，本年支出{c.executed_year}万元。"
    report = ReportRecord(
        region=c.region,
        year=2023,
        title=f"关于2023年{c.region}社会保险基金决算的说明",
        text=sentence,
        facts=[
            Fact(subject=FUND.value, metric="income", value=income, unit="万元", quote=sentence),
            Fact(
                subject=FUND.value,
                metric="expenditure",
                value=c.executed_year,
                unit="万元",
                quote=sentence,
            ),
        ],
    )
    return [target, monitoring, evaluation, accounts, report]


Injection = tuple[int, str, str]
"""(record index in the county's file, code, field)."""


def _step(target: object, part: str) -> object:
    if isinstance(target, list):
        return target[int(part)]
    if isinstance(target, dict):
        return target[Fund(part)]
    return getattr(target, part)


def _set(record: Record, path: str, value: object) -> None:
    """Assign ``value`` at a field path (``budget.executed.total``, ``indicators[0].score``)."""
    parts = path.replace("]", "").replace("[", ".").split(".")
    target: object = record
    for part in parts[:-1]:
        target = _step(target, part)
    setattr(target, parts[-1], value)


def _bump(record: Record, path: str, delta: str) -> None:
    parts = path.replace("]", "").replace("[", ".").split(".")
    target: object = record
    for part in parts:
        target = _step(target, part)
    assert isinstance(target, Decimal)
    _set(record, path, target + Decimal(delta))


def _executed_off(records: list[Record]) -> None:
    """Self-evaluation spending that differs from the 决算, its rate and scores kept consistent."""
    evaluation = records[2]
    assert isinstance(evaluation, SelfEvaluationRecord)
    budget = evaluation.budget
    assert budget.planned and budget.executed and budget.planned.total and budget.executed.total
    executed = budget.executed.total - Decimal("30.00")
    rate = executed / budget.planned.total * 100
    score = pct(min(rate, Decimal(100)) / 10)
    assert budget.score is not None and evaluation.total_score is not None
    evaluation.total_score += score - budget.score
    budget.executed.total, budget.execution_rate_pct, budget.score = executed, pct(rate), score


def _months_claimed(records: list[Record]) -> None:
    """A 可支付月数 indicator (unscored) in the target table and a wrong claim in the self-evaluation."""
    row = Indicator(level1="产出指标", level2="数量指标", name="基金可支付月数", target="≥2个月")
    for index in (0, 2):
        record = records[index]
        assert isinstance(record, (TargetRecord, SelfEvaluationRecord))
        claim = row.model_copy(update={"actual": "99个月"}) if index == 2 else row
        record.indicators.append(claim)


def _months_short(records: list[Record]) -> None:
    accounts = records[3]
    assert isinstance(accounts, FinalAccountsRecord)
    fund = accounts.funds[FUND]
    assert fund.expenditure is not None
    fund.closing_balance = accounts.totals.closing_balance = pct(fund.expenditure / 12)


INJECTIONS: list[tuple[str, int, str, Callable[[list[Record]], None]]] = [
    # (code, record, field, how); the finding that must be reported at that place
    (
        "JX101",
        1,
        "budget.execution_rate_pct",
        lambda rs: _bump(rs[1], "budget.execution_rate_pct", "3.00"),
    ),
    (
        "JX102",
        1,
        "indicators[1].completion_pct",
        lambda rs: _set(rs[1], "indicators[1].completion_pct", Decimal("95.00")),
    ),
    (
        "JX103",
        1,
        "overall_completion_pct",
        lambda rs: _bump(rs[1], "overall_completion_pct", "5.00"),
    ),
    (
        "JX104",
        2,
        "indicators[1].score",
        lambda rs: _set(rs[2], "indicators[1].score", Decimal("20.00")),
    ),
    ("JX105", 2, "total_score", lambda rs: _bump(rs[2], "total_score", "1.00")),
    ("JX107", 3, "totals.expenditure", lambda rs: _bump(rs[3], "totals.expenditure", "10.00")),
    (
        "JX108",
        3,
        "funds.resident_pension.balance",
        lambda rs: _bump(rs[3], "funds.resident_pension.balance", "0.90"),
    ),
    (
        "JX110",
        0,
        "budget.planned.total",
        lambda rs: _bump(rs[0], "budget.planned.fiscal", "100.00"),
    ),
    ("JX111", 2, "budget.score", lambda rs: _bump(rs[2], "budget.score", "-1.00")),
    ("JX304", 3, "funds.resident_pension.closing_balance", _months_short),
    ("JX401", 2, "budget.executed.total", _executed_off),
    ("JX403", 2, "indicators[4].actual", _months_claimed),
    (
        "JX201",
        0,
        "indicators[1].target",
        lambda rs: _set(rs[0], "indicators[1].target", "105%≤≥95%"),
    ),
    ("JX402", 4, "facts[1].value", lambda rs: _bump(rs[4], "facts[1].value", "100.00")),
    ("JX501", 4, "text", lambda rs: _set(rs[4], "text", rs[4].text.replace("万元", "万元元", 1))),  # type: ignore[union-attr]
    (
        "JX502",
        4,
        "text",
        lambda rs: _set(rs[4], "text", rs[4].text + "制表人：张三 电话：13912345678"),
    ),  # type: ignore[union-attr]
]


CONSEQUENCES: dict[str, list[tuple[int, str, str]]] = {
    "JX102": [(1, "JX103", "overall_completion_pct")],  # the mean of the rates changes too
    "JX104": [(2, "JX105", "total_score")],
    "JX111": [(2, "JX105", "total_score")],
    "JX107": [(3, "JX108", "totals.balance")],
    "JX108": [(3, "JX107", "totals.balance")],
    "JX403": [(1, "JX404", "indicators")],  # the monitoring table lacks the added indicator
}
"""Findings that follow from an injected error at another place (not false findings)."""

Place = tuple[str, int, str, str]
"""(source, record, code, field)."""


def build(
    counties: int, seed: int, share: float
) -> tuple[list[tuple[str, list[Record]]], set[Place], set[Place]]:
    """The documents, the injected errors and the findings that follow from them."""
    rng = random.Random(seed)
    documents: list[tuple[str, list[Record]]] = []
    injected: set[Place] = set()
    following: set[Place] = set()
    for index in range(counties):
        records = records_of(county(rng, index))
        source = f"county_{index:05d}.txt"
        if rng.random() < share:
            code, at, field, inject = rng.choice(INJECTIONS)
            inject(records)
            injected.add((source, at, code, field))
            following.update((source, r, c, f) for r, c, f in CONSEQUENCES.get(code, []))
        documents.append((source, records))
    return documents, injected, following


def clear_caches() -> None:
    """Empty the caches of text readings (filled by the timed run)."""
    from jixiao.rules import achievement, names

    achievement._parse_target.cache_clear()
    achievement._parse_actual.cache_clear()
    names.key.cache_clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--counties", type=int, default=4_000, help="5 records each (default 4000 → 20,000)"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--share", type=float, default=0.3, help="share of counties with one injected error"
    )
    args = parser.parse_args()

    documents, injected, following = build(args.counties, args.seed, args.share)
    records = sum(len(r) for _, r in documents)

    start = time.perf_counter()
    findings: list[Finding] = check_records(documents)
    elapsed = time.perf_counter() - start

    clear_caches()  # measure memory from the same cold start as the timed run
    tracemalloc.start()
    check_records(documents)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    found = {(f.source, f.record or 0, f.code, f.field or "") for f in findings}
    recalled = injected & found
    expected = injected | following
    extra = [
        f for f in findings if (f.source, f.record or 0, f.code, f.field or "") not in expected
    ]
    print(f"records:                 {records}")
    print(
        f"check time:              {elapsed:.2f} s  ({records / elapsed:,.0f} records/s, one core)"
    )
    print(f"peak memory of a check:  {peak / 2**20:.1f} MiB (tracemalloc)")
    print(
        f"process max RSS:         {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f} MiB"
    )
    print(
        f"injected errors:         {len(injected)}  by code {dict(sorted(Counter(c for _, _, c, _ in injected).items()))}"
    )
    print(
        f"recall:                  {len(recalled)}/{len(injected)} = {100 * len(recalled) / max(len(injected), 1):.1f}%"
    )
    print(
        f"consequential findings:  {len(following & found)} (an injected error changes a sum elsewhere)"
    )
    print(f"unexpected findings:     {len(extra)}  {dict(Counter(f.code for f in extra))}")
    missed = sorted(injected - found)[:5]
    if missed:
        print("missed (first 5):", missed)


if __name__ == "__main__":
    main()
