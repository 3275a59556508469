"""2 — Targets and results (JX201–JX206)."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.records import RecordKind
from jixiao.rules import names
from jixiao.rules.analysis import IndicatorView, ProjectView
from jixiao.rules.catalog import record_rule
from jixiao.rules.context import Corpus, Issue, Item
from jixiao.rules.deviation import claims_no_deviation, gives_reason
from jixiao.rules.precision import HUNDRED, equal_at, pct_text, text

_PROJECT_KINDS: tuple[RecordKind, ...] = ("target", "monitoring", "self_evaluation")
_RESULT_KINDS: tuple[RecordKind, ...] = ("monitoring", "self_evaluation")
_LISTED = 3


def _names(views: list[IndicatorView]) -> str:
    shown = "、".join(f"「{v.name or v.path}」" for v in views[:_LISTED])
    return shown + (f"等{len(views)}项" if len(views) > _LISTED else "")


@record_rule("JX201", "target-malformed", "error", kinds=_PROJECT_KINDS)
def target_malformed(item: Item, corpus: Corpus) -> Iterator[Issue]:
    """指标值写法错误或自相矛盾（``105%≤≥95%``、``105%≤95%``、只能理解为“且”却写成“或”的区间）。

    为什么：指标值是考核的依据；读不出条件的指标值无法考核，后续的完成率、得分都无从计算。
    ``≥95%或≤105%`` 按字面任何数都满足，本意是 95%～105% 的区间，应写“且”（报警告）；
    比较符重复或两个数之间缺少被比较的量的写法报错误。

    例：``105%≤≥95%`` 报错误；``≥6个月或≤9个月`` 报警告，应写 ``≥6个月且≤9个月``。
    """
    for view in item.view.indicators:
        target = view.target
        name = view.name or view.path
        if target.kind == "malformed":
            yield Issue(
                f"指标「{name}」的指标值“{target.text}”无法读出条件：{target.reason or '写法错误'}",
                field=f"{view.path}.target",
                indicator=view.name,
            )
        elif target.kind == "range" and target.joined_with_or:
            assert target.low is not None and target.high is not None
            yield Issue(
                f"指标「{name}」的指标值“{target.text}”用“或”连接上下限，按字面任何数值都满足；"
                "应为区间，写作“且”",
                field=f"{view.path}.target",
                indicator=view.name,
                severity="warning",
            )


@record_rule("JX202", "actual-unreadable", "warning", kinds=_RESULT_KINDS)
def actual_unreadable(item: Item, corpus: Corpus) -> Iterator[Issue]:
    """完成值无法与指标值对照：目标要求数值而完成值没有数值，或单位对不上。

    为什么：完成值对不上目标就无法判断是否达成，也无法核算完成率和得分；常见于把目标复制到
    完成值栏、只写“已完成”、或单位写错（目标“万人”、完成值“%”）。

    例：目标 ``≥95%``，完成值 ``充分发挥作用``：报警告。
    """
    for view in item.view.indicators:
        problem = view.achievement.problem
        if problem is None:
            continue
        yield Issue(
            f"指标「{view.name or view.path}」的完成值“{view.actual.text if view.actual else ''}”"
            f"无法与指标值“{view.target.text}”对照：{problem}",
            field=f"{view.path}.actual",
            indicator=view.name,
        )


def _execution_off(pv: ProjectView) -> bool:
    """Self-evaluation: the execution rate strays from 100% by more than the threshold."""
    rate = pv.execution_rate
    threshold = pv.settings.deviation_threshold_points
    return (
        pv.record.kind == "self_evaluation" and rate is not None and abs(rate - HUNDRED) > threshold
    )


@record_rule("JX203", "missing-reason", "warning", kinds=_RESULT_KINDS)
def missing_reason(item: Item, corpus: Corpus) -> Iterator[Issue]:
    """指标未达成（或自评表执行率偏离100%超过阈值）而记录中没有偏差原因。

    为什么：未完成目标必须说明原因和改进措施（domain-rules §1.7；供应商校验“指标未达成满分，
    但未填写偏差原因”）。监控表年中多数数字还在增长（人数、执行率），只判断超过上限（≤）、超出
    以 0 为中心的偏离区间（如 ≥-10%且≤10%）和明确写“未达成”的指标。偏差栏写“无偏差”的情况由
    JX204 报告。

    例：自评表目标 158269人、完成 157935人，偏差原因栏空白：报警告。
    """
    pv = item.view
    record = pv.record
    if claims_no_deviation(record.deviation) or gives_reason(record.deviation):
        return
    for view in pv.indicators:
        note = view.indicator.note
        if not pv.misses(view) or gives_reason(note) or claims_no_deviation(note):
            continue
        yield Issue(
            f"指标「{view.name or view.path}」未达成（指标值“{view.target.text}”，完成值"
            f"“{view.actual.text if view.actual else ''}”），但没有填写偏差原因",
            field=f"{view.path}.note",
            indicator=view.name,
        )
    if _execution_off(pv):
        assert pv.execution_rate is not None
        yield Issue(
            f"预算执行率 {pct_text(pv.execution_rate)} 偏离100%超过"
            f"{text(pv.settings.deviation_threshold_points)}个百分点，但没有填写偏差原因",
            field="budget.execution_rate_pct",
            reported=record.budget.execution_rate_pct,
        )


def _says_missed(view: IndicatorView) -> bool:
    result = view.achievement
    return result.tier in ("partial", "not_achieved") or (
        result.met is False and not result.quantitative
    )


@record_rule("JX204", "statement-contradicts", "error", kinds=_RESULT_KINDS)
def statement_contradicts(item: Item, corpus: Corpus) -> Iterator[Issue]:
    """文字表述与数字矛盾：完成值写“未达成…”而完成率或得分是满的；偏差栏写“无偏差”而有指标
    或执行率未达标。

    为什么：同一张表里文字和数字必须一致，否则审核无法判断哪一个是真的。监控表“满”的完成率指
    ≥100%或按本表算法达成时应得的数值（如 6 月按 ×序时进度 算法为 50%）；自评表指得分等于分值。
    监控表执行率偏离序时进度由 JX302 报告。

    例：完成值“未达成预期指标且效果较差”，完成率 100.00%：报错；偏差栏“无偏差。”而某指标
    完成值写“未达成”：报错。
    """
    pv = item.view
    record = pv.record
    full = pv.full_completion()
    for view in pv.indicators:
        if not _says_missed(view):
            continue
        name = view.name or view.path
        actual = view.actual.text if view.actual else ""
        printed = view.indicator.completion_pct
        if (
            record.kind == "monitoring"
            and printed is not None
            and (printed >= HUNDRED or (full is not None and equal_at(printed, full)))
        ):
            yield Issue(
                f"指标「{name}」完成值为“{actual}”，完成率却填报 {text(printed)}%（已完成的数值）",
                field=f"{view.path}.completion_pct",
                indicator=view.name,
                reported=printed,
            )
        score, weight = view.indicator.score, view.indicator.weight
        if score is not None and weight is not None and equal_at(score, weight):
            yield Issue(
                f"指标「{name}」完成值为“{actual}”，得分却为满分 {text(score)}",
                field=f"{view.path}.score",
                indicator=view.name,
                reported=score,
            )
    missed = [v for v in pv.indicators if pv.misses(v)]
    for view in missed:
        if claims_no_deviation(view.indicator.note) and not claims_no_deviation(record.deviation):
            yield Issue(
                f"指标「{view.name or view.path}」未达成，偏差原因栏却写“{view.indicator.note}”",
                field=f"{view.path}.note",
                indicator=view.name,
            )
    if not claims_no_deviation(record.deviation):
        return
    reasons: list[str] = []
    if missed:
        reasons.append(f"{_names(missed)}未达成")
    if _execution_off(pv):
        assert pv.execution_rate is not None
        reasons.append(f"预算执行率为 {pct_text(pv.execution_rate)}")
    if reasons:
        yield Issue(
            f"偏差栏写“{record.deviation}”，但{'；'.join(reasons)}",
            field="deviation",
        )


@record_rule("JX205", "duplicate-indicator", "warning", kinds=_PROJECT_KINDS)
def duplicate_indicator(item: Item, corpus: Corpus) -> Iterator[Issue]:
    """同一张表中同一个指标出现两次（名称相同，或较长的名称只差一个非数字的字）。

    为什么：重复的指标会重复计分、重复占用权重，也说明表格是拼凑的。

    例：“开展门诊统筹、实现个人账户的，向门诊统筹过渡”和“开展门诊统筹，实行个人账户的，向门诊
    统筹过渡”出现在同一张目标表：报警告。
    """
    seen: list[IndicatorView] = []
    for view in item.view.indicators:
        if not names.key(view.name):
            continue
        first = next(
            (
                s
                for s in seen
                if names.key(s.name) == names.key(view.name)
                or names.near_duplicate(s.name, view.name)
            ),
            None,
        )
        seen.append(view)
        if first is None:
            continue
        same = names.key(first.name) == names.key(view.name)
        how = (
            "重复出现"
            if same
            else f"与第{first.index + 1}行「{first.name}」只差一个字，应为同一指标"
        )
        yield Issue(
            f"指标「{view.name}」{how}（第{first.index + 1}行与第{view.index + 1}行）",
            field=f"{view.path}.name",
            indicator=view.name,
            related=[item.ref(f"{first.path}.name")],
        )


@record_rule("JX206", "missing-part", "warning", kinds=_PROJECT_KINDS)
def missing_part(item: Item, corpus: Corpus) -> Iterator[Issue]:
    """缺少必备部分：没有满意度指标、没有产出指标、没有年度目标。

    为什么：绩效目标表和自评表须有产出、效益、满意度三类指标和年度目标（财预〔2015〕88号、
    10号）。按 65号 决策/过程/产出/效益 体系填报的表不要求满意度指标。

    例：目标表只有产出和效益指标：报警告“没有满意度指标”。
    """
    pv = item.view
    record = pv.record
    if not names.key(record.goal):
        yield Issue("记录中没有年度（预期）目标", field="goal")
    groups = {v.group for v in pv.indicators} - {None}
    if not pv.indicators:
        yield Issue("记录中没有绩效指标", field="indicators")
        return
    if not groups:
        return
    if "output" not in groups:
        yield Issue("记录中没有产出指标", field="indicators")
    if "satisfaction" not in groups and not groups & {"decision", "process"}:
        yield Issue("记录中没有满意度指标", field="indicators")
