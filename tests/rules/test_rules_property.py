"""Property: records made consistent by the computation functions draw no error or warning.

The generator builds a project (target table, June-to-December monitoring, self-evaluation)
and the 决算 of its fund, filling every printed figure from :mod:`jixiao.rules`
computations rounded as forms print them, and writing a reason wherever a target is missed.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
from jixiao.rules import RuleSettings, check_records
from jixiao.rules.accounts import fund_balance
from jixiao.rules.budget import execution_rate, execution_score, time_progress
from jixiao.rules.completion import completion_pct, overall_completion
from jixiao.rules.precision import HUNDRED, quantize
from jixiao.rules.scoring import quantitative_score
from jixiao.rules.settings import ALL_COMPLETION_METHODS

REGION, YEAR = "某县", 2023
REASON = "部分人员外出务工，参保进度滞后；将加强宣传，加快进度"
money = st.integers(min_value=100_00, max_value=5_000_000_00).map(lambda c: Decimal(c).scaleb(-2))


def split(total: Decimal, parts: int) -> list[Decimal]:
    """``total`` in ``parts`` two-decimal weights that add up exactly."""
    share = quantize(total / parts, 2)
    return [share] * (parts - 1) + [total - share * (parts - 1)]


@st.composite
def counts(draw: st.DrawFn) -> tuple[int, int]:
    """(target, actual) head counts."""
    goal = draw(st.integers(min_value=100, max_value=500_000))
    return goal, draw(st.integers(min_value=goal // 2, max_value=goal * 3 // 2))


def target_rows(pairs: list[tuple[int, int]]) -> list[tuple[str, str, str]]:
    """(name, target, unit) of the generated indicators."""
    return [(f"保障对象人数{i}", f"≥{goal}人", "人") for i, (goal, _) in enumerate(pairs)]


def benefit(actual: str | None, **kw: object) -> Indicator:
    return Indicator(
        level1="效益指标",
        level2="社会效益指标",
        name="待遇按时足额发放",
        target="按时足额发放",
        actual=actual,
        **kw,
    )  # type: ignore[arg-type]


MET_ROWS = (("上访率", "≤1%", "0.5%"), ("基金支出预算执行率", "≥95%且≤105%", "99.5%"))
"""(name, target, a met actual) of a ceiling and a range."""


def met_rows(
    stage: str, completion: Decimal | None = None, weights: list[Decimal] | None = None
) -> list[Indicator]:
    """The ceiling and range rows, met, as a stage prints them (a met row scores its 分值)."""
    rows = []
    for index, (name, goal, actual) in enumerate(MET_ROWS):
        row = Indicator(level1="产出指标", level2="质量指标", name=name, target=goal)
        if stage == "monitoring":
            row = row.model_copy(update={"actual": actual, "completion_pct": completion})
        elif stage == "self_evaluation" and weights is not None:
            row = row.model_copy(
                update={"actual": actual, "weight": weights[index], "score": weights[index]}
            )
        rows.append(row)
    return rows


def satisfaction(actual: str | None, **kw: object) -> Indicator:
    return Indicator(
        level1="满意度指标",
        level2="满意度指标",
        name="服务对象满意度",
        target="≥90%",
        actual=actual,
        **kw,
    )  # type: ignore[arg-type]


@st.composite
def monitoring_record(
    draw: st.DrawFn, pairs: list[tuple[int, int]], planned: Decimal
) -> MonitoringRecord:
    month = draw(st.integers(min_value=1, max_value=12))
    period = f"{YEAR}-{month:02d}"
    method = draw(st.sampled_from(ALL_COMPLETION_METHODS))
    progress = time_progress(period, RuleSettings())
    assert progress is not None
    pace = draw(st.sampled_from([Decimal("0.85"), Decimal(1), Decimal("1.05")]))
    executed = min(quantize(planned * progress * pace, 2), planned)
    rate = execution_rate(planned, executed)
    assert rate is not None
    indicators: list[Indicator] = []
    for (name, goal, _), (target_count, actual_count) in zip(
        target_rows(pairs), pairs, strict=True
    ):
        mid_year = max(actual_count * month // 12, 1)
        ratio = Decimal(mid_year) / Decimal(target_count)
        value = completion_pct(method, ratio, progress)
        assert value is not None
        indicators.append(
            Indicator(
                level1="产出指标",
                level2="数量指标",
                name=name,
                target=goal,
                actual=f"{mid_year}人",
                completion_pct=quantize(value, 2),
            )
        )
    full = completion_pct(method, Decimal(1), progress)
    assert full is not None
    indicators.extend(met_rows("monitoring", completion=quantize(full, 2)))
    indicators.append(benefit("按时足额发放", completion_pct=quantize(full, 2)))
    indicators.append(satisfaction("未达监控节点"))
    overall = overall_completion([i.completion_pct for i in indicators], RuleSettings())
    assert overall is not None
    off = abs(rate - progress * HUNDRED) > 10
    return MonitoringRecord(
        region=REGION,
        year=YEAR,
        fund=Fund.resident_pension,
        project="城乡居民基本养老保险",
        period=period,
        goal="确保待遇按时足额发放",
        money_unit="万元",
        budget=Budget(
            planned=Amount(total=planned, fiscal=planned),
            executed=Amount(total=executed, fiscal=executed),
            execution_rate_pct=quantize(rate, 2),
        ),
        indicators=indicators,
        overall_completion_pct=quantize(overall, 2),
        deviation=REASON if off else "无偏差",
    )


def evaluation_record(
    pairs: list[tuple[int, int]], planned: Decimal, executed: Decimal
) -> SelfEvaluationRecord:
    rate = execution_rate(planned, executed)
    assert rate is not None
    budget_score = quantize(execution_score(rate, Decimal(10)), 2)
    weights = split(Decimal(50), len(pairs) + len(MET_ROWS))
    indicators: list[Indicator] = []
    for (name, goal, _), (target_count, actual_count), weight in zip(
        target_rows(pairs), pairs, weights[: len(pairs)], strict=True
    ):
        score = quantize(
            quantitative_score(Decimal(actual_count) / Decimal(target_count), weight), 2
        )
        missed = actual_count < target_count
        indicators.append(
            Indicator(
                level1="产出指标",
                level2="数量指标",
                name=name,
                target=goal,
                actual=f"{actual_count}人",
                weight=weight,
                score=score,
                note=REASON if missed else None,
            )
        )
    indicators.extend(met_rows("self_evaluation", weights=weights[len(pairs) :]))
    indicators.append(benefit("按时足额发放", weight=Decimal(30), score=Decimal(30)))
    indicators.append(satisfaction("95%", weight=Decimal(10), score=Decimal(10)))
    total = budget_score + sum((i.score for i in indicators if i.score is not None), Decimal(0))
    return SelfEvaluationRecord(
        region=REGION,
        year=YEAR,
        fund=Fund.resident_pension,
        project="城乡居民基本养老保险补助项目",
        goal="确保待遇按时足额发放",
        money_unit="万元",
        budget=Budget(
            initial=Amount(total=planned),
            planned=Amount(total=planned),
            executed=Amount(total=executed),
            execution_rate_pct=quantize(rate, 2),
            weight=Decimal(10),
            score=budget_score,
        ),
        indicators=indicators,
        total_weight=Decimal(100),
        total_score=total,
        deviation=REASON if rate < 90 else None,
    )


@st.composite
def accounts_record(draw: st.DrawFn, spent: Decimal) -> FinalAccountsRecord:
    contributions, interest, subsidy = draw(money), draw(money), draw(money)
    income = contributions + interest + subsidy + draw(money)
    closing = quantize(spent / 12 * draw(st.integers(min_value=3, max_value=60)), 2)
    fund = FundAccounts(
        income=income,
        income_contributions=contributions,
        income_interest=interest,
        income_subsidy=subsidy,
        expenditure=spent,
        expenditure_benefits=spent,
        closing_balance=closing,
    )
    fund = fund.model_copy(update={"balance": fund_balance(fund)})
    return FinalAccountsRecord(
        region=REGION,
        year=YEAR,
        money_unit="万元",
        funds={Fund.resident_pension: fund},
        totals=fund.model_copy(),
    )


@st.composite
def project_documents(draw: st.DrawFn) -> list[tuple[str, list[Record]]]:
    pairs = draw(st.lists(counts(), min_size=1, max_size=5))
    planned = draw(money)
    executed = quantize(
        planned * draw(st.sampled_from([Decimal("0.8"), Decimal("0.95"), Decimal(1)])), 2
    )
    plan = TargetRecord(
        region=REGION,
        year=YEAR,
        fund=Fund.resident_pension,
        project="城乡居民基本养老保险",
        goal="确保待遇按时足额发放",
        money_unit="万元",
        budget=Budget(planned=Amount(total=planned)),
        indicators=[
            Indicator(level1="产出指标", level2="数量指标", name=n, target=t)
            for n, t, _ in target_rows(pairs)
        ]
        + met_rows("target")
        + [benefit(None), satisfaction(None)],
    )
    accounts = draw(accounts_record(executed))
    quote = f"本年支出{executed}万元。"
    story = ReportRecord(
        region=REGION,
        year=YEAR,
        title="关于社会保险基金决算的说明",
        text=quote,
        facts=[
            Fact(
                subject="resident_pension",
                metric="expenditure",
                value=executed,
                unit="万元",
                quote=quote,
            )
        ],
    )
    return [
        ("target.txt", [plan]),
        ("monitoring.txt", [draw(monitoring_record(pairs, planned))]),
        ("evaluation.txt", [evaluation_record(pairs, planned, executed)]),
        ("accounts.txt", [accounts, story]),
    ]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(project_documents())
def test_consistent_records_draw_no_error_or_warning(
    documents: list[tuple[str, list[Record]]],
) -> None:
    findings = check_records(documents)
    serious = [f.text_line() for f in findings if f.severity in ("error", "warning")]
    assert serious == []


FRAGMENTS = [
    "≥",
    "≤",
    "<",
    ">",
    "=",
    "95%",
    "105%",
    "0",
    "-10%",
    "6个月",
    "万人",
    "人",
    "或",
    "且",
    "&&",
    "未达监控节点",
    "/",
    "按时报送",
    "未达成预期指标且效果较差",
    "达成年度指标",
    "每月25日前",
    "30日内",
    "元/人",
    "100",
    "0.1%",
    "充分发挥作用",
    "万元",
    "%",
    " ",
]
texts = st.lists(st.sampled_from(FRAGMENTS), max_size=5).map("".join) | st.none()
figures = st.none() | st.decimals(min_value=-1000, max_value=10**7, places=2, allow_nan=False)
months = st.none() | st.sampled_from(["2020-01", "2020-06", "2020-12"])


@st.composite
def any_project(draw: st.DrawFn) -> Record:
    rows = [
        Indicator(
            level1=draw(st.sampled_from(["产出指标", "效益指标", "满意度指标", None])),
            level2=draw(st.sampled_from(["数量指标", "社会效益指标", None])),
            name=draw(st.sampled_from(["参保人数", "满意度", "可支付月数", "", None])),
            target=draw(texts),
            actual=draw(texts),
            completion_pct=draw(figures),
            weight=draw(figures),
            score=draw(figures),
            note=draw(texts),
        )
        for _ in range(draw(st.integers(min_value=0, max_value=4)))
    ]
    budget = Budget(
        planned=Amount(total=draw(figures), fiscal=draw(figures)),
        initial=Amount(total=draw(figures)),
        executed=Amount(total=draw(figures)),
        execution_rate_pct=draw(figures),
        weight=draw(figures),
        score=draw(figures),
    )
    kind = draw(st.sampled_from([TargetRecord, MonitoringRecord, SelfEvaluationRecord]))
    return kind(
        region=REGION,
        year=YEAR,
        fund=draw(st.sampled_from([Fund.resident_pension, None])),
        project="城乡居民基本养老保险",
        period=draw(months) if kind is MonitoringRecord else None,
        budget=budget,
        indicators=rows,
        overall_completion_pct=draw(figures),
        deviation=draw(texts),
        total_weight=draw(figures),
        total_score=draw(figures),
    )


@st.composite
def any_accounts(draw: st.DrawFn) -> Record:
    lines = {m: draw(figures) for m in FundAccounts.model_fields}
    return FinalAccountsRecord(
        region=REGION,
        year=YEAR,
        funds={Fund.employee_medical: FundAccounts(**lines)},
        totals=FundAccounts(**{m: draw(figures) for m in FundAccounts.model_fields}),
    )


@st.composite
def any_report(draw: st.DrawFn) -> Record:
    facts = [
        Fact(
            subject=draw(
                st.sampled_from(["total", "employee_medical", "resident_pension", "other"])
            ),
            metric=draw(
                st.sampled_from(
                    [
                        "income",
                        "expenditure",
                        "planned",
                        "executed",
                        "execution_rate_pct",
                        "closing_balance",
                        "insured",
                    ]
                )
            ),
            value=draw(st.decimals(min_value=-100, max_value=10**6, places=2, allow_nan=False)),
            unit=draw(st.sampled_from(["万元", "元", "亿元", "%", "人"])),
            quote=draw(st.sampled_from(["甲", "乙"])),
        )
        for _ in range(draw(st.integers(min_value=0, max_value=6)))
    ]
    return ReportRecord(region=REGION, year=YEAR, text=draw(texts) or "", facts=facts)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(any_project() | any_accounts() | any_report(), min_size=1, max_size=4))
def test_any_records_are_checked_without_crashing(records: list[Record]) -> None:
    for finding in check_records([("a.txt", records), ("b.txt", records[:1])]):
        assert finding.message and finding.code.startswith("JX")
