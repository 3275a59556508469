"""指标值 as counties print them: targets and actuals beyond the five seeds.

Each expectation is written by hand from ``docs/expr.md`` and domain-rules §1.4/§1.5/§4.3
(never copied from the reader's output). The texts are the spellings that other
counties' forms and other extraction tools produce: symbol variants, full-width
figures, LaTeX leftovers, words for signs, ranges in several notations,
deadlines, worded and placeholder actuals. None of them is in the other files of
``tests/expr``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from test_expr_actuals import NOT_MEASURABLE, num, said, tier
from test_expr_targets import QUALITATIVE, cmp, sched

from jixiao.expr import format_actual, format_target, parse_actual, parse_target
from jixiao.records import Bound


def rng(
    low: str,
    high: str,
    unit: str | None,
    *,
    or_: bool = False,
    low_in: bool = True,
    high_in: bool = True,
) -> dict[str, Any]:
    return {
        "kind": "range",
        "low": Bound(value=Decimal(low), unit=unit, inclusive=low_in),
        "high": Bound(value=Decimal(high), unit=unit, inclusive=high_in),
        "joined_with_or": or_,
    }


def bad(word: str) -> dict[str, Any]:
    """Malformed, with ``word`` in the Chinese reason."""
    return {"kind": "malformed", "reason_has": word}


TARGETS: list[tuple[str, dict[str, Any]]] = [
    # --- signs in their printed spellings (docs/expr.md, comparison) ---
    ("≥98%", cmp("≥", "98", "%")),
    ("≧95%", cmp("≥", "95", "%")),
    (">=95%", cmp("≥", "95", "%")),
    ("＞＝95%", cmp("≥", "95", "%")),
    ("≥９５％", cmp("≥", "95", "%")),
    ("$\\geqslant 95\\%$", cmp("≥", "95", "%")),
    ("$\\leqslant 5$个工作日", cmp("≤", "5", "个工作日")),
    ("≥ 95 %", cmp("≥", "95", "%")),
    ("≥95%以上", cmp("≥", "95", "%")),
    # --- signs as words ---
    ("不低于98.5%", cmp("≥", "98.5", "%")),
    ("不少于3.5万人", cmp("≥", "3.5", "万人")),
    ("95%以上", cmp("≥", "95", "%")),
    ("98%及以上", cmp("≥", "98", "%")),
    ("不超过9个月", cmp("≤", "9", "个月")),
    ("控制在5%以内", cmp("≤", "5", "%")),
    ("6个月以上", cmp("≥", "6", "个月")),
    ("每季度至少1次", cmp("≥", "1", "次")),
    # --- one quantity in a short sentence ---
    ("偏差率≤10%", cmp("≤", "10", "%")),
    ("参保率达到98%以上", cmp("≥", "98", "%")),
    ("办结时限≤20个工作日", cmp("≤", "20", "个工作日")),
    ("同比增长5%", cmp("=", "5", "%")),
    # --- units: scores (分), incidents (起), durations, money per head ---
    ("≥90分", cmp("≥", "90", "分")),
    ("90分以上", cmp("≥", "90", "分")),
    ("0起", cmp("=", "0", "起")),
    ("≤30分钟", cmp("≤", "30", "分钟")),
    ("≤5个工作日", cmp("≤", "5", "个工作日")),
    ("≥6个月", cmp("≥", "6", "个月")),
    ("≥3.5万人次", cmp("≥", "3.5", "万人次")),
    ("≥1次/年", cmp("≥", "1", "次/年")),
    # --- plain numbers: op "=" ---
    ("2.35万人", cmp("=", "2.35", "万人")),
    ("1,200人", cmp("=", "1200", "人")),
    ("1 200人", cmp("=", "1200", "人")),
    ("３．５万人", cmp("=", "3.5", "万人")),
    # --- ranges ---
    ("≥95%≤105%", rng("95", "105", "%")),
    ("95%≤x≤105%", rng("95", "105", "%")),
    ("[95%,105%]", rng("95", "105", "%")),
    ("[95%,105%)", rng("95", "105", "%", high_in=False)),
    ("±5%以内", rng("-5", "5", "%")),
    ("±5%", rng("-5", "5", "%")),
    ("偏差率控制在±10%以内", rng("-10", "10", "%")),
    ("正负5%", rng("-5", "5", "%")),
    ("-5%~5%", rng("-5", "5", "%")),
    ("－5%～＋5%", rng("-5", "5", "%")),
    ("6～9个月", rng("6", "9", "个月")),
    ("6个月-9个月", rng("6", "9", "个月")),
    ("6个月≤可支付月数≤9个月", rng("6", "9", "个月")),
    ("不少于6个月，不超过9个月", rng("6", "9", "个月")),
    ("保持在6-9个月", rng("6", "9", "个月")),
    # --- deadlines ---
    ("5个工作日内", sched("once", within=5)),
    ("15日内", sched("once", within=15)),
    ("每月10日前", sched("month", day=10)),
    ("每月15日前发放", sched("month", day=15)),
    ("每月20日发放", sched("month", day=20)),
    ("次月15日前", sched("month", within=15)),
    ("季度结束后15日内", sched("quarter", within=15)),
    ("年度终了后20日内", sched("year", within=20)),
    ("每半年结束后30日内", sched("half_year", within=30)),
    ("每季度首月15日前", sched("quarter", day=15)),
    # Judgement: a fixed calendar date or a period word without a day is not a
    # schedule shape (period + day-of-period / days-after-period); it stays text.
    ("每季度首月", QUALITATIVE),
    ("12月31日前", QUALITATIVE),
    ("年底前", QUALITATIVE),
    # --- qualitative: no number, no sign symbol ---
    ("高于上年", QUALITATIVE),
    ("较上年有所提升", QUALITATIVE),
    ("逐步提高", QUALITATIVE),
    ("按时足额", QUALITATIVE),
    ("按时", QUALITATIVE),
    ("及时", QUALITATIVE),
    ("足额发放", QUALITATIVE),
    ("零发生", QUALITATIVE),
    ("无重大违规", QUALITATIVE),
    ("达标", QUALITATIVE),
    ("良好", QUALITATIVE),
    ("有效保障", QUALITATIVE),
    ("明显改善", QUALITATIVE),
    ("基本实现", QUALITATIVE),
    ("2021-2025年逐步推开", QUALITATIVE),
    # --- a sign symbol with nothing to compare against ---
    ("≥上年", bad("没有数值")),
]


ACTUALS: list[tuple[str, dict[str, Any]]] = [
    # --- figures ---
    ("98.6%", num("98.6", "%")),
    ("26.12万人", num("26.12", "万人")),
    ("２６．１２万人", num("26.12", "万人")),
    ("12 345人", num("12345", "人")),
    ("3个工作日", num("3", "个工作日")),
    ("92分", num("92", "分")),
    ("0起", num("0", "起")),
    ("发生0起", num("0", "起")),
    ("可支付12.3个月", num("12.3", "个月")),
    ("100%完成", num("100", "%")),
    ("完成率98.6%", num("98.6", "%")),
    ("98.6%（截至6月底）", num("98.6", "%")),
    ("平均42日", num("42", "日")),
    ("98.6%以上", num("98.6", "%", "≥")),
    # --- the three result tiers, other wordings ---
    ("已达成年度指标", tier("achieved")),
    ("达成预期目标", tier("achieved")),
    ("部分达成年度指标并具有一定效果。", tier("partial")),
    ("未达成年度指标，效果较差", tier("not_achieved")),
    # --- placeholders: nothing measured ---
    ("不适用", NOT_MEASURABLE),
    ("未到监控时点", NOT_MEASURABLE),
    ("未到统计时间", NOT_MEASURABLE),
    ("年底开展满意度调查", NOT_MEASURABLE),
    ("———", NOT_MEASURABLE),
    ("无数据", NOT_MEASURABLE),
    # --- statements: done / nothing happened ---
    ("按时足额", said(True)),
    ("及时", said(True)),
    ("6月底完成", said(True)),
    ("已于6月底前完成", said(True)),
    ("未发生重大违规", said(True)),
    ("未发现违规问题", said(True)),
    ("零", said(True)),
    ("达标", said(True)),
    ("每月10日前", said(True)),
    ("5个工作日内", said(True)),
    # --- statements: not done / late ---
    ("未完成", said(False)),
    ("未达标", said(False)),
    ("延迟发放", said(False)),
    # --- statements that do not tell ---
    ("部分完成", said(None)),
    ("良好", said(None)),
    ("有效保障", said(None)),
    # Judgement: 基本达成 / 部分达成 without 年度指标 are not one of the three phrases.
    ("基本达成年度指标", said(None)),
    ("部分达成", said(None)),
    # --- several quantities: not guessed ---
    ("95.8%，较上年提高1.2个百分点", bad("多个数值")),
]


def _check(reading: Any, text: str, expected: dict[str, Any]) -> None:
    assert reading.text == text
    expected = dict(expected)
    word = expected.pop("reason_has", None)
    got = {field: getattr(reading, field) for field in expected}
    assert got == expected, f"{text!r}: {reading!r}"
    if word is not None:
        assert reading.reason is not None and word in reading.reason, f"{text!r}: {reading!r}"


@pytest.mark.parametrize(("text", "expected"), TARGETS)
def test_county_target(text: str, expected: dict[str, Any]) -> None:
    _check(parse_target(text), text, expected)


@pytest.mark.parametrize(("text", "expected"), ACTUALS)
def test_county_actual(text: str, expected: dict[str, Any]) -> None:
    _check(parse_actual(text), text, expected)


@pytest.mark.parametrize(("text", "_"), TARGETS)
def test_canonical_writing_reads_back(text: str, _: Any) -> None:
    """What the formatter writes for a county text reads back to the same target."""
    expr = parse_target(text)
    written = format_target(expr)
    assert parse_target(written) == expr.model_copy(update={"text": written})


@pytest.mark.parametrize(("text", "_"), ACTUALS)
def test_canonical_actual_reads_back(text: str, _: Any) -> None:
    value = parse_actual(text)
    written = format_actual(value)
    assert parse_actual(written) == value.model_copy(update={"text": written})


def test_texts_are_new() -> None:
    """Every text here is one the other expr tests do not already read."""
    from pathlib import Path

    here = Path(__file__).parent
    others = "\n".join(p.read_text(encoding="utf-8") for p in here.glob("test_expr_*.py"))
    seen = [text for text, _ in TARGETS + ACTUALS if f'"{text}"' in others]
    assert seen == []
