"""derived_figures: every computed figure keyed by its field path."""

from __future__ import annotations

from decimal import Decimal

from rulekit import (
    SATISFACTION,
    accounts,
    fact,
    final_accounts,
    ind,
    monitoring,
    report,
    self_evaluation,
)

from jixiao.records import Fund
from jixiao.rules.derived import derived_figures
from jixiao.rules.precision import quantize


def q(value: object) -> Decimal:
    assert isinstance(value, Decimal)
    return quantize(value, 2)


def test_monitoring_figures() -> None:
    record = monitoring(
        [
            ind("参保缴费人数", "6706人", "6903人", "50.00"),
            ind("退休待遇人数", "2000人", "1964人", None),
            SATISFACTION,
        ],
        planned="2889.39",
        executed="1445.00",
    )
    figures = derived_figures(record)
    assert q(figures["budget.execution_rate_pct"]) == Decimal("50.01")
    assert figures["time_progress_pct"] == 50
    assert q(figures["indicators[0].completion_pct"]) == Decimal(
        "50.00"
    )  # min(r,1)×6/12, the record's method
    assert q(figures["indicators[1].completion_pct"]) == Decimal("49.10")
    assert q(figures["indicators[2].completion_pct"]) == Decimal("50.00")  # 95/90 capped at 1, × p
    # printed 50.00 for row 0, computed for the others: (50 + 49.10 + 50) / 3
    assert q(figures["overall_completion_pct"]) == Decimal("49.70")


def test_self_evaluation_figures() -> None:
    rows = [
        ind("参保缴费人数", "74272人", "70083人", weight="50", score=None),
        ind(
            "作用",
            "充分发挥",
            "达成年度指标",
            weight="30",
            score="28",
            level1="效益指标",
            level2="社会效益指标",
        ),
        ind(
            "满意度",
            "≥95%",
            "100%",
            weight="10",
            score="10",
            level1="满意度指标",
            level2="满意度指标",
        ),
    ]
    figures = derived_figures(
        self_evaluation(rows, planned="2889.39", executed="2684.22", budget_score=None)
    )
    assert figures["budget.score"] == Decimal("9.29")
    assert figures["indicators[0].score"] == Decimal("47.18")  # 50 × 70083/74272
    assert figures["indicators[1].score"] == 30  # 达成: full by default
    assert figures["total_weight"] == 100
    assert figures["total_score"] == Decimal("94.47")  # 9.29 + 47.18 + 28 (printed) + 10
    assert figures["grade"] == "优"


def test_final_accounts_and_report_figures() -> None:
    record = final_accounts(
        {
            Fund.public_pension: accounts(
                income="15390.47", expenditure="13159.54", closing_balance="9306.03"
            ),
            Fund.resident_pension: accounts(
                income="4145.35", expenditure="2684.22", closing_balance="11369.90"
            ),
        }
    )
    figures = derived_figures(record)
    assert figures["funds.public_pension.balance"] == Decimal("2230.93")
    assert q(figures["funds.public_pension.payable_months"]) == Decimal("8.49")
    assert figures["totals.income"] == Decimal("19535.82")
    quote = "支出2684.22万元，预算支出2889.39万元，完成预算的92.89%"
    facts = [
        fact("resident_pension", "executed", "2684.22", quote=quote),
        fact("resident_pension", "planned", "2889.39", quote=quote),
        fact("resident_pension", "execution_rate_pct", "92.89", "%", quote=quote),
    ]
    assert q(derived_figures(report(facts))["facts[2].value"]) == Decimal("92.90")
