"""JX101–JX111: each rule fires on a wrong figure and stays silent on a right one."""

from __future__ import annotations

from decimal import Decimal

from rulekit import (
    SATISFACTION,
    accounts,
    amount,
    fact,
    fields,
    final_accounts,
    ind,
    monitoring,
    report,
    run,
    self_evaluation,
    target,
)

from jixiao.records import Budget, Fund

# --- JX101 execution rate ---


def test_jx101_fires_on_a_wrong_rate() -> None:
    found = run(monitoring(planned="2889.39", executed="1445.00", rate="55.01"), code="JX101")
    assert len(found) == 1
    assert found[0].field == "budget.execution_rate_pct"
    assert found[0].reported == Decimal("55.01") and found[0].expected == Decimal("50.01")
    assert "1445.00÷2889.39" in found[0].message


def test_jx101_respects_printed_precision() -> None:
    # 002: 161975 / 325568 = 49.75% printed as 50%
    assert run(monitoring(planned="325568", executed="161975", rate="50"), code="JX101") == []
    assert run(monitoring(planned="325568", executed="161975", rate="50.00"), code="JX101") != []
    assert run(monitoring(planned="0", executed="5", rate="100"), code="JX101") == []


def test_jx101_checks_a_report_sentence() -> None:
    quote = "总支出77759.16万元，完成年度支出预算36016.09万元的100%。"
    facts = [
        fact("total", "executed", "77759.16", quote=quote),
        fact("total", "planned", "36016.09", quote=quote),
        fact("total", "execution_rate_pct", "100", "%", quote=quote),
    ]
    found = run(report(facts), code="JX101")
    assert fields(found) == ["facts[2].value"] and found[0].expected == Decimal("215.90")
    ok = [facts[0], facts[1], fact("total", "execution_rate_pct", "215.9", "%", quote=quote)]
    assert run(report(ok), code="JX101") == []


# --- JX102 monitoring completion ---


def test_jx102_no_method_fits() -> None:
    record = monitoring(
        [
            ind("参保缴费人数", "6706人", "6903人", "50.00"),
            ind("保障退休待遇人数", "2000人", "1964人", "49.10"),
            ind("养老保险待遇首次发放成功率", "≥95%", "100.00%", "41.67"),
        ]
    )
    found = run(record, code="JX102")
    assert fields(found) == ["indicators[2].completion_pct"]
    assert found[0].severity == "error" and found[0].expected == Decimal("50.00")
    assert found[0].indicator == "养老保险待遇首次发放成功率"


def test_jx102_minority_method_is_a_warning() -> None:
    # 002 table 2: most rows are r×p; 代缴 24163 → 15719 printed 65% is r alone
    record = monitoring(
        [
            ind("参保缴费人数", "25.08万人", "26.48万人", "53"),
            ind("保障享受失业待遇人数", "2578人", "2718人", "53"),
            ind("代缴医疗保险人次数", "24163人次", "15719人次", "65"),
            ind("享受稳定岗位补贴人数", "9.33万人", "8.44万人", "45"),
        ],
        period="2021-06",
    )
    found = run(record, code="JX102")
    assert fields(found) == ["indicators[2].completion_pct"]
    assert found[0].severity == "warning"
    assert found[0].expected == Decimal("32.53")  # 15719/24163 × 6/12


def test_jx102_skips_rows_without_a_ratio() -> None:
    record = monitoring(
        [
            ind("参保缴费人数", "74272人", "66467人", "44.75"),
            ind(
                "让离退休人员安享晚年",
                "充分发挥社会保险的职能作用",
                "未达成预期指标且效果较差",
                "5.00",
                level1="项目效益",
                level2="社会效益指标",
            ),
            ind("离退休人员满意度", "≥95%", "未达监控节点", None),
            ind("上访率", "上访率控制在0.1%以内", "/", None),
        ]
    )
    assert run(record, code="JX102") == []


def test_jx102_accepts_each_method_and_honours_the_setting() -> None:
    from jixiao.rules import RuleSettings

    record = monitoring(
        [ind("参保人数", "≥100人", "120人", "120.00"), ind("准确率", "≥95%", "95%", "100.00")]
    )
    assert run(record, code="JX102") == []
    only = RuleSettings(completion_methods=("capped_x_progress",))
    found = run(record, settings=only, code="JX102")
    assert [f.expected for f in found] == [Decimal("50.00"), Decimal("50.00")]


# --- JX103 overall completion ---


def test_jx103_mean_of_printed_rates() -> None:
    rows = [ind(f"指标{i}", "100人", "50人", rate) for i, rate in enumerate(["50", "52", "48"])]
    rows.append(ind("满意度", "≥95%", "未达监控节点", None))
    assert run(monitoring(rows, overall="50"), code="JX103") == []
    found = run(monitoring(rows, overall="55"), code="JX103")
    assert len(found) == 1 and found[0].expected == Decimal("50.00")


def test_jx103_skips_when_a_measured_row_has_no_rate() -> None:
    rows = [ind("甲", "100人", "50人", "25.00"), ind("乙", "100%", "100%", None)]
    assert run(monitoring(rows, overall="40.00"), code="JX103") == []


# --- JX104 indicator score ---


def test_jx104_quantitative_scores() -> None:
    good = ind("参保缴费人数", "74272人", "70083人", weight="6.25", score="5.90")
    close = ind(
        "参保人数", "≥158269人", "157935人", weight="5.5", score="5.50"
    )  # 5.49: one unit off
    bad = ind("参保人数", "≥158269人", "150000人", weight="5.5", score="5.50")
    found = run(self_evaluation([good, close, bad]), code="JX104")
    assert fields(found) == ["indicators[2].score"] and found[0].expected == Decimal("5.21")


def test_jx104_qualitative_bands_and_score_above_weight() -> None:
    rows = [
        ind(
            "作用",
            "充分发挥",
            "部分达成年度指标并具有一定效果",
            weight="10",
            score="7",
            level1="效益指标",
            level2="社会效益指标",
        ),
        ind(
            "作用2",
            "充分发挥",
            "部分达成年度指标并具有一定效果",
            weight="10",
            score="9",
            level1="效益指标",
            level2="社会效益指标",
        ),
        ind("报送", "按时报送", "按时报送", weight="5", score="3.00"),
        ind("超分", "≥1人", "2人", weight="5", score="6"),
        ind("未达成满分", "充分发挥", "未达成年度指标且效果较差", weight="5", score="5"),
    ]
    found = run(self_evaluation(rows), code="JX104")
    assert fields(found) == ["indicators[1].score", "indicators[2].score", "indicators[3].score"]


# --- JX105 total ---


def test_jx105_total_score_and_weight() -> None:
    rows = [
        ind("甲", "100人", "100人", weight="45", score="45"),
        ind("乙", "100人", "50人", weight="45", score="22.50"),
    ]
    assert run(self_evaluation(rows, total_weight="100", total_score="77.50"), code="JX105") == []
    found = run(self_evaluation(rows, total_weight="90", total_score="100"), code="JX105")
    assert fields(found) == ["total_score", "total_weight"]
    assert [f.expected for f in found] == [Decimal("77.50"), Decimal("100")]


def test_jx105_skips_blank_scores() -> None:
    rows = [ind("甲", "100人", "100人", weight="45", score=None)]
    assert run(self_evaluation(rows, total_score="100"), code="JX105") == []


# --- JX106 weights ---


def _frame(output: str, benefit: str, satisfaction: str | None) -> list:
    rows = [
        ind("甲", "100人", "100人", weight=output, score=output),
        ind(
            "乙",
            "100%",
            "100%",
            weight=benefit,
            score=benefit,
            level1="效益指标",
            level2="社会效益指标",
        ),
    ]
    if satisfaction:
        rows.append(
            ind(
                "满意度",
                "≥90%",
                "95%",
                weight=satisfaction,
                score=satisfaction,
                level1="满意度指标",
                level2="满意度指标",
            )
        )
    return rows


def test_jx106_standard_frame_passes() -> None:
    assert run(self_evaluation(_frame("50", "30", "10"), total_weight="100"), code="JX106") == []
    # no 满意度: its 10 points go to 产出 + 效益
    assert run(self_evaluation(_frame("55", "35", None), total_weight="100"), code="JX106") == []


def test_jx106_off_frame_warns() -> None:
    found = run(
        self_evaluation(_frame("60", "20", "10"), budget_weight="10", total_weight="100"),
        code="JX106",
    )
    assert [f.expected for f in found] == [Decimal(50), Decimal(30)]
    assert all(f.severity == "warning" for f in found)
    found = run(
        self_evaluation(
            _frame("50", "30", "10"), budget_weight="20", budget_score="20", total_weight="110"
        ),
        code="JX106",
    )
    assert fields(found) == ["budget.weight", "total_weight"]


# --- JX107–JX109 决算 ---

_PUBLIC = accounts(
    income="15390.47",
    income_contributions="13098.76",
    income_interest="92.67",
    income_subsidy="2161.00",
    expenditure="13159.54",
    expenditure_benefits="13122.79",
    balance="2230.93",
    closing_balance="9306.03",
)
_RESIDENT = accounts(
    income="4145.35",
    income_contributions="1191.07",
    income_interest="51.63",
    income_subsidy="2698.60",
    expenditure="2684.22",
    expenditure_benefits="2676.40",
    balance="1461.13",
    closing_balance="11369.90",
)


def _totals(**change: str) -> object:
    values = dict(
        income="19535.82",
        income_contributions="14289.83",
        income_interest="144.30",
        income_subsidy="4859.60",
        expenditure="15843.76",
        expenditure_benefits="15799.19",
        balance="3692.06",
        closing_balance="20675.93",
    )
    values.update(change)
    return accounts(**values)


def test_jx107_totals() -> None:
    funds = {Fund.public_pension: _PUBLIC, Fund.resident_pension: _RESIDENT}
    assert run(final_accounts(funds, _totals()), code="JX107") == []  # type: ignore[arg-type]
    found = run(final_accounts(funds, _totals(expenditure="15843.67")), code="JX107")  # type: ignore[arg-type]
    assert fields(found) == ["totals.expenditure"] and found[0].expected == Decimal("15843.76")


def test_jx108_balance() -> None:
    funds = {Fund.public_pension: _PUBLIC}
    assert run(final_accounts(funds), code="JX108") == []
    wrong = _PUBLIC.model_copy(update={"balance": Decimal("2230.39")})
    found = run(final_accounts({Fund.public_pension: wrong}), code="JX108")
    assert fields(found) == ["funds.public_pension.balance"] and found[0].expected == Decimal(
        "2230.93"
    )


def test_jx109_items_exceed_parent() -> None:
    assert run(final_accounts({Fund.public_pension: _PUBLIC}), code="JX109") == []
    wrong = _PUBLIC.model_copy(
        update={"income_subsidy": Decimal("2500.00"), "expenditure_benefits": Decimal("13200.00")}
    )
    found = run(final_accounts({Fund.public_pension: wrong}), code="JX109")
    assert fields(found) == [
        "funds.public_pension.income",
        "funds.public_pension.expenditure_benefits",
    ]


# --- JX110 source lines ---


def test_jx110_source_lines() -> None:
    assert run(target(planned="102142", fiscal="65697", other="36445"), code="JX110") == []
    assert run(target(planned="102142"), code="JX110") == []  # no lines printed
    found = run(target(planned="102142", fiscal="65697", other="36454"), code="JX110")
    assert fields(found) == ["budget.planned.total"] and found[0].expected == Decimal("102151")


# --- JX111 execution score ---


def test_jx111_execution_score() -> None:
    assert (
        run(
            self_evaluation(
                planned="100.00", executed="120.00", rate="120.0", budget_score="10.00"
            ),
            code="JX111",
        )
        == []
    )
    found = run(
        self_evaluation(planned="2889.39", executed="2684.22", rate="92.90", budget_score="10.00"),
        code="JX111",
    )
    assert fields(found) == ["budget.score"] and found[0].expected == Decimal("9.29")


def test_budget_without_amounts_is_skipped() -> None:
    record = self_evaluation()
    record.budget = Budget(planned=amount(None), weight=Decimal(10), score=Decimal(10))
    assert run(record, code="JX111") == [] and run(record, code="JX101") == []


def test_satisfaction_helper_is_an_indicator() -> None:
    assert SATISFACTION.level1 == "满意度指标"
