"""JX301–JX304: budget execution."""

from __future__ import annotations

from decimal import Decimal

from rulekit import accounts, fields, final_accounts, monitoring, run, self_evaluation

from jixiao.records import Fund
from jixiao.rules import RuleSettings
from jixiao.rules.settings import MonthsRange


def test_jx301_over_execution() -> None:
    assert run(self_evaluation(planned="100.00", executed="100.00"), code="JX301") == []
    found = run(
        self_evaluation(
            planned="11431.62", executed="30405.81", rate="265.98", deviation="历年结余基金全额上解"
        ),
        code="JX301",
    )
    assert [f.severity for f in found] == ["warning"]
    found = run(
        self_evaluation(planned="11431.62", executed="30405.81", rate="265.98"), code="JX301"
    )
    assert [f.severity for f in found] == ["error"]
    found = run(self_evaluation(planned="100.00", executed="110.00", rate="110.0"), code="JX301")
    assert [f.severity for f in found] == ["warning"] and fields(found) == ["budget.executed.total"]


def test_jx302_execution_off_time_progress() -> None:
    assert (
        run(
            monitoring(planned="12939.37", executed="7292.00", rate="56.36", deviation="无偏差。"),
            code="JX302",
        )
        == []
    )
    found = run(
        monitoring(planned="3738.2", executed="1036.00", rate="27.71", deviation="无偏差。"),
        code="JX302",
    )
    assert fields(found) == ["budget.execution_rate_pct"] and found[0].expected == Decimal("50.00")
    measures = "偏差原因是各医疗机构申请手续正在审批中。采取的措施是加快审批进度。"
    assert (
        run(
            monitoring(planned="11110.26", executed="2454.00", rate="22.09", deviation=measures),
            code="JX302",
        )
        == []
    )
    loose = RuleSettings(deviation_threshold_points=Decimal(25))
    assert (
        run(
            monitoring(planned="3738.2", executed="1036.00", rate="27.71"),
            settings=loose,
            code="JX302",
        )
        == []
    )


def test_jx303_budget_fitted_to_outcome() -> None:
    found = run(
        self_evaluation(initial="11110.26", planned="7828.73", executed="7828.73"), code="JX303"
    )
    assert fields(found) == ["budget.planned.total"] and found[0].severity == "warning"
    assert (
        run(self_evaluation(initial="7828.73", planned="7828.73", executed="7828.73"), code="JX303")
        == []
    )
    assert (
        run(
            self_evaluation(
                initial="11110.26", planned="11110.26", executed="7828.73", rate="70.5"
            ),
            code="JX303",
        )
        == []
    )


def test_jx304_payable_months() -> None:
    funds = {
        Fund.employee_medical: accounts(
            expenditure="16402.24", closing_balance="2093.28"
        ),  # 1.53 → error
        Fund.resident_medical: accounts(expenditure="1200", closing_balance="500"),  # 5 → warning
        Fund.public_pension: accounts(
            expenditure="13159.54", closing_balance="9306.03"
        ),  # 8.49 → fine
        Fund.work_injury: accounts(expenditure="100", closing_balance="1"),  # no default range
    }
    found = run(final_accounts(funds), code="JX304")
    assert fields(found) == [
        "funds.employee_medical.closing_balance",
        "funds.resident_medical.closing_balance",
    ]
    assert [f.severity for f in found] == ["error", "warning"]
    assert found[0].expected == Decimal("1.53")
    above = run(
        final_accounts(
            {Fund.resident_medical: accounts(expenditure="1200", closing_balance="1000")}
        ),
        code="JX304",
    )
    assert [f.severity for f in above] == ["warning"]  # 10 months > 9
    local = RuleSettings(prudent_months={Fund.work_injury: MonthsRange(low=Decimal(3))})
    assert fields(run(final_accounts(funds), settings=local, code="JX304")) == [
        "funds.employee_medical.closing_balance",  # defaults kept for the funds not named
        "funds.resident_medical.closing_balance",
        "funds.work_injury.closing_balance",
    ]
