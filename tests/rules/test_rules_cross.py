"""JX401–JX404: across documents, linked by region, year and fund."""

from __future__ import annotations

from decimal import Decimal

from rulekit import (
    SATISFACTION,
    accounts,
    fact,
    fields,
    final_accounts,
    ind,
    monitoring,
    report,
    run_docs,
    self_evaluation,
    target,
)

from jixiao.records import Fund

_PUBLIC = accounts(
    income="15390.47",
    expenditure="13159.54",
    expenditure_benefits="13122.79",
    balance="2230.93",
    closing_balance="9306.03",
)


def _evaluation(**kw: object) -> object:
    defaults: dict[str, object] = dict(
        fund=Fund.public_pension,
        project="机关事业单位基本养老保险补助",
        initial="12939.37",
        planned="13159.54",
        executed="13159.54",
    )
    defaults.update(kw)
    return self_evaluation(**defaults)  # type: ignore[arg-type]


def test_jx401_self_evaluation_executed_against_final_accounts() -> None:
    accounts_record = final_accounts({Fund.public_pension: _PUBLIC})
    assert run_docs(("fa.txt", [accounts_record]), ("se.txt", [_evaluation()]), code="JX401") == []
    # equal to the benefits line (project covers benefits only): agrees
    benefits = _evaluation(planned="13122.79", executed="13122.79")
    assert run_docs(("fa.txt", [accounts_record]), ("se.txt", [benefits]), code="JX401") == []
    wrong = _evaluation(planned="13129.54", executed="13129.54")
    found = run_docs(("fa.txt", [accounts_record]), ("se.txt", [wrong]), code="JX401")
    assert fields(found) == ["budget.executed.total"]
    assert found[0].source == "se.txt" and {r.source for r in found[0].related} == {"fa.txt"}
    assert found[0].related[0].field == "funds.public_pension.expenditure"


def test_jx401_needs_the_same_region_year_and_fund() -> None:
    accounts_record = final_accounts({Fund.public_pension: _PUBLIC}, region="别县")
    wrong = _evaluation(planned="13129.54", executed="13129.54")
    assert run_docs(("fa.txt", [accounts_record]), ("se.txt", [wrong]), code="JX401") == []
    other_year = final_accounts({Fund.public_pension: _PUBLIC}, year=2021)
    assert run_docs(("fa.txt", [other_year]), ("se.txt", [wrong]), code="JX401") == []


def test_jx401_budgets_and_targets_across_the_project() -> None:
    plan = target(
        [ind("参保缴费人数", "74272人"), ind("首次发放成功率", "≥95%"), SATISFACTION],
        planned="2889.39",
    )
    watch = monitoring(
        [
            ind("参保缴费人数", "74272人", "66467人", "44.75"),
            ind("首次发放成功率", "≥96%", "100%", "50.00"),
        ],
        planned="2889.39",
        executed="1445.00",
        rate="50.01",
    )
    result = self_evaluation(
        [ind("参保缴费人数", "≥74272人", "70083人", weight="6.25", score="5.90")],
        initial="2889.39",
        planned="2684.22",
        executed="2684.22",
    )
    found = run_docs(("t.txt", [plan]), ("m.txt", [watch]), ("s.txt", [result]), code="JX401")
    assert [(f.source, f.field) for f in found] == [("m.txt", "indicators[1].target")]
    assert found[0].related[0].source == "t.txt"
    late = self_evaluation(initial="3000.00", planned="2684.22", executed="2684.22")
    found = run_docs(("t.txt", [plan]), ("s.txt", [late]), code="JX401")
    assert fields(found) == ["budget.initial.total"] and found[0].expected == Decimal("2889.39")
    odd = monitoring(planned="2900.00", executed="1450.00", rate="50.00")
    found = run_docs(("t.txt", [plan]), ("m.txt", [odd]), ("s.txt", [result]), code="JX401")
    assert fields(found) == ["budget.planned.total"] and found[0].severity == "warning"


def test_jx401_picks_the_project_by_name_among_several() -> None:
    plan_a = target([ind("参保人数", "≥100人")], project="城乡居民基本养老保险基础养老金")
    plan_b = target([ind("参保人数", "≥200人")], project="城乡居民基本养老保险缴费补贴")
    watch = monitoring(
        [ind("参保人数", "≥200人", "100人", "25.00")], project="城乡居民基本养老保险缴费补贴项目"
    )
    assert run_docs(("t.txt", [plan_a, plan_b]), ("m.txt", [watch]), code="JX401") == []


def test_jx402_report_against_tables() -> None:
    accounts_record = final_accounts(
        {Fund.public_pension: _PUBLIC},
        accounts(income="43436.13", expenditure="54106.67", closing_balance="23541.75"),
    )
    facts = [
        fact("total", "income", "43436.14"),  # one unit off: agrees
        fact("public_pension", "expenditure", "13159.54"),
        fact("public_pension", "closing_balance", "9360.03"),  # digits swapped
        fact("total", "closing_balance", "23541.75", "元"),  # unit slip: JX501, not JX402
        fact("public_pension", "insured", "9395", "人"),
    ]
    found = run_docs(("fa.txt", [accounts_record]), ("r.txt", [report(facts)]), code="JX402")
    assert fields(found) == ["facts[2].value"]
    assert found[0].expected == Decimal("9306.03") and found[0].related[0].source == "fa.txt"


def test_jx402_rate_against_the_self_evaluation() -> None:
    evaluation = self_evaluation(
        fund=Fund.resident_medical,
        project="城乡居民基本医疗保险支出项目",
        planned="24581.48",
        executed="47353.37",
        rate=None,
        budget_weight=None,
        budget_score=None,
    )
    quote = "城乡居民基本医疗保险总支出47353.37万元，完成预算的100%。"
    facts = [
        fact("resident_medical", "executed", "47353.37", quote=quote),
        fact("resident_medical", "execution_rate_pct", "100", "%", quote=quote),
    ]
    found = run_docs(("se.txt", [evaluation]), ("r.txt", [report(facts)]), code="JX402")
    assert fields(found) == ["facts[1].value"] and found[0].expected == Decimal("192.64")
    # a sentence with its own budget is JX101's
    own = [*facts, fact("resident_medical", "planned", "24581.48", quote=quote)]
    assert run_docs(("se.txt", [evaluation]), ("r.txt", [report(own)]), code="JX402") == []


def test_jx403_claimed_months() -> None:
    accounts_record = final_accounts(
        {Fund.employee_medical: accounts(expenditure="16402.24", closing_balance="2093.28")}
    )
    claim = ind("职工基本医疗可支付月数", "≥6个月且≤9个月", "9个月", weight="4.17", score="4.17")
    other = ind("生育保险基金可支付月数", "≥6个月且≤9个月", "9个月", weight="4.17", score="4.17")
    evaluation = self_evaluation(
        [claim, other], fund=Fund.employee_medical, project="职工基本医疗保险项目"
    )
    found = run_docs(("fa.txt", [accounts_record]), ("se.txt", [evaluation]), code="JX403")
    assert fields(found) == ["indicators[0].actual"] and found[0].expected == Decimal("1.53")
    right = claim.model_copy(update={"actual": "1.5个月"})
    evaluation = self_evaluation(
        [right], fund=Fund.employee_medical, project="职工基本医疗保险项目"
    )
    assert run_docs(("fa.txt", [accounts_record]), ("se.txt", [evaluation]), code="JX403") == []


def test_jx404_indicator_set_changed() -> None:
    plan = target(
        [
            ind("参保人数", "≥100人"),
            ind("离退休人员满意度", "≥95%"),
            ind("参保患者合规医疗费用应享受待遇金额与实际享受待遇金额差额", "<0.1%"),
        ]
    )
    watch = monitoring(
        [
            ind("参保 人数", "≥100人", "60人", "30.00"),
            ind("参保患者合规医疗费用应享受待遇金额与实际享受", "<0.1%", "0%", "50.00"),
            ind("上访率", "≤1%", "0%", "50.00"),
        ]
    )
    found = run_docs(("t.txt", [plan]), ("m.txt", [watch]), code="JX404")
    assert [(f.indicator, f.field) for f in found] == [
        ("离退休人员满意度", "indicators"),
        ("上访率", "indicators[2].name"),
    ]
    assert all(f.source == "m.txt" and f.severity == "warning" for f in found)
    assert run_docs(("t.txt", [plan]), ("m.txt", [monitoring([])]), code="JX404") == []
