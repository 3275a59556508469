"""JX201–JX206: targets and results."""

from __future__ import annotations

from rulekit import SATISFACTION, fields, ind, monitoring, run, self_evaluation, target

from jixiao.expr import parse_target

# --- JX201 ---


def test_jx201_malformed_and_or_ranges() -> None:
    rows = [
        ind("基金收入预算执行率", "105%≤≥95%"),
        ind("基金支出预算执行率", "105%≤95%"),
        ind("可支付月数", "≥6个月或≤9个月"),
        ind("执行率", "≥95%且≤105%"),
        ind("参保人数", "≥13269人"),
        SATISFACTION,
    ]
    found = run(target(rows), code="JX201")
    assert fields(found) == ["indicators[0].target", "indicators[1].target", "indicators[2].target"]
    assert [f.severity for f in found] == ["error", "error", "warning"]


def test_jx201_uses_a_given_target_expr() -> None:
    row = ind("执行率", "≥95%且≤105%", target_expr=parse_target("105%≤≥95%"))
    assert fields(run(target([row]), code="JX201")) == ["indicators[0].target"]


# --- JX202 ---


def test_jx202_unreadable_actuals() -> None:
    rows = [
        ind("准确率", "≥95%", "98人", "50.00"),
        ind("参保率", "≥95%", "充分发挥作用", None),
        ind("违规金额", "≤0", "未发生", "50.00"),
        ind("作用", "充分发挥社会保险的职能作用", "100.00%", "50.00"),
        ind("时效", "每月25日前", "按时发放", "50.00"),
        ind("参保人数", "≥10万人", "128267", "50.00"),
    ]
    found = run(monitoring(rows), code="JX202")
    assert fields(found) == ["indicators[0].actual", "indicators[1].actual"]


# --- JX203 ---


def test_jx203_missed_target_without_reason() -> None:
    missed = ind("参保人数", "≥158269人", "157935人", weight="5.5", score="5.49")
    found = run(self_evaluation([missed, SATISFACTION]), code="JX203")
    assert fields(found) == ["indicators[0].note"]
    with_note = missed.model_copy(update={"note": "外出务工人员减少，将加强宣传"})
    assert run(self_evaluation([with_note]), code="JX203") == []
    assert (
        run(self_evaluation([missed], deviation="部分人员外出务工，下年加强扩面"), code="JX203")
        == []
    )


def test_jx203_monitoring_judges_only_what_cannot_still_grow() -> None:
    rows = [
        ind("享受待遇人数", "≥284人", "128人", "22.54"),  # still growing in June
        ind("基金支出预算执行率", "≥95%且≤105%", "49.86%", "26.24"),  # still growing in June
        ind("执行率偏离率", "≥-10%或≤10%", "17.01%", "29.39"),  # a deviation band: judged
        ind("上访率", "≤1%", "2%", "25.00"),  # a breached ceiling: judged
    ]
    found = run(monitoring(rows), code="JX203")
    assert fields(found) == ["indicators[2].note", "indicators[3].note"]


def test_jx203_execution_rate_off_in_self_evaluation() -> None:
    found = run(
        self_evaluation(planned="100.00", executed="80.00", rate="80.0", budget_score="8.00"),
        code="JX203",
    )
    assert fields(found) == ["budget.execution_rate_pct"]
    assert (
        run(
            self_evaluation(planned="100.00", executed="95.00", rate="95.0", budget_score="9.50"),
            code="JX203",
        )
        == []
    )


# --- JX204 ---


def test_jx204_not_achieved_with_full_rate_or_score() -> None:
    rows = [
        ind("参保缴费人数", "6706人", "6903人", "50.00"),
        ind("养老金发放时效", "每月25日前", "未达成预期指标且效果较差", "100.00"),
        ind(
            "安享晚年",
            "充分发挥作用",
            "未达成预期指标且效果较差",
            "5.00",
            level1="项目效益",
            level2="社会效益指标",
        ),
        ind("按时报送", "按时报送", "未达成预期指标且效果较差", "50.00"),
    ]
    found = run(monitoring(rows, deviation="部分指标未完成，正在整改"), code="JX204")
    # 100% is full; 50.00% is full under the record's ×进度 method; 5.00% is not
    assert fields(found) == ["indicators[1].completion_pct", "indicators[3].completion_pct"]
    scored = ind("作用", "充分发挥", "未达成年度指标且效果较差", weight="10", score="10")
    found = run(self_evaluation([scored], deviation="已分析原因"), code="JX204")
    assert fields(found) == ["indicators[0].score"]


def test_jx204_no_deviation_claim_contradicted() -> None:
    rows = [
        ind("参保人数", "6706人", "6903人", "50.00"),
        ind("时效", "每月25日前", "未达成预期指标且效果较差", "41.67"),
    ]
    found = run(monitoring(rows, deviation="无偏差。"), code="JX204")
    assert fields(found) == ["deviation"]
    assert run(monitoring(rows[:1], deviation="无偏差。"), code="JX204") == []
    # self-evaluation: execution rate far from 100% while 无偏差
    found = run(
        self_evaluation(
            planned="100", executed="60", rate="60.0", budget_score="6.00", deviation="无"
        ),
        code="JX204",
    )
    assert fields(found) == ["deviation"]
    assert (
        run(
            self_evaluation(
                planned="100", executed="60", rate="60.0", budget_score="6.00", deviation="无"
            ),
            code="JX203",
        )
        == []
    )


# --- JX205 ---


def test_jx205_duplicates_and_near_duplicates() -> None:
    rows = [
        ind("开展门诊统筹、实现个人账户的，向门诊统筹过渡", "普遍开展"),
        ind("参保人数", "≥100人"),
        ind("开展门诊统筹，实行个人账户的，向门诊统筹过渡", "普遍开展"),
        ind("参保 人数", "≥100人"),
        ind("基本养老收入预算执行率", "≥95%"),
        ind("基本养老支出预算执行率", "≥95%"),
        ind("第一季度待遇按时足额发放率统计", "100%"),
        ind("第二季度待遇按时足额发放率统计", "100%"),
    ]
    found = run(target(rows), code="JX205")
    assert fields(found) == ["indicators[2].name", "indicators[3].name"]
    assert found[0].related[0].field == "indicators[0].name"


# --- JX206 ---


def test_jx206_missing_parts() -> None:
    assert run(target([ind("参保人数", "≥100人"), SATISFACTION]), code="JX206") == []
    found = run(target([ind("参保人数", "≥100人")]), code="JX206")
    assert [f.message for f in found] == ["记录中没有满意度指标"]
    benefit_only = ind("作用", "明显", level1="效益指标", level2="社会效益指标")
    found = run(monitoring([benefit_only, SATISFACTION], goal=None), code="JX206")
    assert fields(found) == ["goal", "indicators"]
    fund_tree = [
        ind("资金到位率", "100%", level1="过程", level2="资金管理"),
        ind("参保人数", "≥100人"),
    ]
    assert run(target(fund_tree), code="JX206") == []
