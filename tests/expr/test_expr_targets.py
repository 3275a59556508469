"""Reading targets: every 预期指标值/年度指标值/指标值 text of the seeds, plus the spec's cases.

Expectations are written by hand from the documents and domain-rules §1.4/§4.3,
not copied from the parser's output.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from jixiao.expr import parse_target
from jixiao.ingest.text import clean_cell
from jixiao.records import Bound, TargetExpr


def cmp(op: str, value: str, unit: str | None = None) -> dict[str, Any]:
    return {"kind": "comparison", "op": op, "value": Decimal(value), "unit": unit}


def rng(
    low: str, high: str, unit: str | None, *, or_: bool = False, strict: bool = False
) -> dict[str, Any]:
    return {
        "kind": "range",
        "low": Bound(value=Decimal(low), unit=unit, inclusive=not strict),
        "high": Bound(value=Decimal(high), unit=unit, inclusive=not strict),
        "joined_with_or": or_,
    }


def sched(period: str, day: int | None = None, within: int | None = None) -> dict[str, Any]:
    return {"kind": "schedule", "period": period, "day": day, "within_days": within}


QUALITATIVE: dict[str, Any] = {"kind": "qualitative"}

# Every distinct target text of the five seeds, after clean_cell.
SEED_TARGETS: list[tuple[str, dict[str, Any]]] = [
    # 000 岳普湖县 monitoring tables
    ("74272人", cmp("=", "74272", "人")),
    ("15424人", cmp("=", "15424", "人")),
    ("6706人", cmp("=", "6706", "人")),
    ("2000人", cmp("=", "2000", "人")),
    ("≥95%或≤105%", rng("95", "105", "%", or_=True)),
    ("≥95%", cmp("≥", "95", "%")),
    ("每月25日前", sched("month", day=25)),
    ("100%", cmp("=", "100", "%")),
    ("充分发挥社会保险的职能作用", QUALITATIVE),
    ("上访率控制在0.1%以内", cmp("≤", "0.1", "%")),
    ("≥-10%或≤10%", rng("-10", "10", "%", or_=True)),
    ("≥6个月或≤9个月", rng("6", "9", "个月", or_=True)),
    ("≥13269人", cmp("≥", "13269", "人")),
    ("≥284人", cmp("≥", "284", "人")),
    ("≥158269人", cmp("≥", "158269", "人")),
    ("<0.1%", cmp("<", "0.1", "%")),
    ("≥99%", cmp("≥", "99", "%")),
    ("每季度结束后的,15日内", sched("quarter", within=15)),
    ("每年度结束后的,20日内", sched("year", within=20)),
    ("30日内完成审核拨付", sched("once", within=30)),
    ("按标准审核后足额发放", QUALITATIVE),
    ("≤0", cmp("≤", "0")),
    ("≤1%", cmp("≤", "1", "%")),
    (">90%", cmp(">", "90", "%")),
    # 001 疏勒县 self-evaluation (old form)
    ("≥90%", cmp("≥", "90", "%")),
    ("≥10万人", cmp("≥", "10", "万人")),
    ("≥6.8%", cmp("≥", "6.8", "%")),
    ("≥2%", cmp("≥", "2", "%")),
    ("≥100%", cmp("≥", "100", "%")),
    ("基金运行平稳", QUALITATIVE),
    ("稳步提升", QUALITATIVE),
    ("≥964924", cmp("≥", "964924")),
    ("≥386", cmp("≥", "386")),
    ("≥134", cmp("≥", "134")),
    ("≥30", cmp("≥", "30")),
    # 002 喀什地区 monitoring tables (pdfminer text)
    ("≥14333人", cmp("≥", "14333", "人")),
    ("≥6945人", cmp("≥", "6945", "人")),
    ("上访率控制在0.1%以内，维护社会稳定，长治久安", cmp("≤", "0.1", "%")),
    ("25.08万人", cmp("=", "25.08", "万人")),
    ("2578人", cmp("=", "2578", "人")),
    ("24163人次", cmp("=", "24163", "人次")),
    ("9.33万人", cmp("=", "9.33", "万人")),
    ("2052人", cmp("=", "2052", "人")),
    ("保障失业人员基本生活", QUALITATIVE),
    ("充分发挥社会保险的社会保障职能作用", QUALITATIVE),
    ("≥40.31万人", cmp("≥", "40.31", "万人")),
    ("≥110.83万人次", cmp("≥", "110.83", "万人次")),
    ("168221.88万元", cmp("=", "168221.88", "万元")),
    ("≥85%", cmp("≥", "85", "%")),
    ("按时报送", QUALITATIVE),
    ("≥410.3万人", cmp("≥", "410.3", "万人")),
    ("≥610元/人", cmp("≥", "610", "元/人")),
    ("≥320元/人", cmp("≥", "320", "元/人")),
    ("≥1001.87万人次", cmp("≥", "1001.87", "万人次")),
    ("325938.99万元", cmp("=", "325938.99", "万元")),
    ("82%", cmp("=", "82", "%")),
    # 003 岳普湖县 self-evaluation (MinerU text)
    ("每季度结束后的，15日内", sched("quarter", within=15)),
    ("每年度结束后的，20日内", sched("year", within=20)),
    # 004 乌鲁木齐市 target tables
    ("4.4万人", cmp("=", "4.4", "万人")),
    ("4.7万人", cmp("=", "4.7", "万人")),
    ("200元", cmp("=", "200", "元")),
    ("≥370元", cmp("≥", "370", "元")),
    ("保障城乡参保人员基本生活", QUALITATIVE),
    ("≥20万人次", cmp("≥", "20", "万人次")),
    ("≥400万人次", cmp("≥", "400", "万人次")),
    ("≥75%", cmp("≥", "75", "%")),
    ("≥65%", cmp("≥", "65", "%")),
    ("逐步推开", QUALITATIVE),
    ("≥6月&&≤9月", rng("6", "9", "月")),
    ("普遍开展", QUALITATIVE),
    ("按时拨付", QUALITATIVE),
    ("≥102.17万人", cmp("≥", "102.17", "万人")),
    ("≥10万人次", cmp("≥", "10", "万人次")),
    ("≥30万人次", cmp("≥", "30", "万人次")),
    ("≤0人", cmp("≤", "0", "人")),
    ("≥93%", cmp("≥", "93", "%")),
    ("≥68%", cmp("≥", "68", "%")),
    ("≥60%", cmp("≥", "60", "%")),
    ("=100%", cmp("=", "100", "%")),
    ("≥640元/人", cmp("≥", "640", "元/人")),
    ("≥380元/人", cmp("≥", "380", "元/人")),
    ("成效明显", QUALITATIVE),
]

# Further spellings the issue and domain-rules name (other counties, other extractors).
MORE_TARGETS: list[tuple[str, dict[str, Any]]] = [
    ("城乡居民基本医疗保险参保率稳定在95%以上", cmp("≥", "95", "%")),
    ("≥95%且≤105%", rng("95", "105", "%")),
    ("≤105%且≥95%", rng("95", "105", "%")),
    (">95%且<105%", rng("95", "105", "%", strict=True)),
    ("95%-105%", rng("95", "105", "%")),
    ("95%~105%", rng("95", "105", "%")),
    ("95%～105%", rng("95", "105", "%")),
    ("6至9个月", rng("6", "9", "个月")),
    ("6-9个月", rng("6", "9", "个月")),
    ("-10%-10%", rng("-10", "10", "%")),
    ("95%≤执行率≤105%", rng("95", "105", "%")),
    ("≥95%，≤105%", rng("95", "105", "%")),
    ("＞90％", cmp(">", "90", "%")),
    ("＜0.1%", cmp("<", "0.1", "%")),
    ("≧99%", cmp("≥", "99", "%")),
    ("≦1%", cmp("≤", "1", "%")),
    ("⩾95%", cmp("≥", "95", "%")),
    ("⩽5%", cmp("≤", "5", "%")),
    ("＝100%", cmp("=", "100", "%")),
    (">=20万人次", cmp("≥", "20", "万人次")),
    ("<=0", cmp("≤", "0")),
    ("不低于95%", cmp("≥", "95", "%")),
    ("不少于100人", cmp("≥", "100", "人")),
    ("达到90%", cmp("≥", "90", "%")),
    ("90%以上", cmp("≥", "90", "%")),
    ("达到95%以上", cmp("≥", "95", "%")),
    ("不高于5%", cmp("≤", "5", "%")),
    ("不超过90万元", cmp("≤", "90", "万元")),
    ("5%以内", cmp("≤", "5", "%")),
    ("1%以下", cmp("≤", "1", "%")),
    ("低于1%", cmp("<", "1", "%")),
    ("高于90%", cmp(">", "90", "%")),
    ("超过80%", cmp(">", "80", "%")),
    ("≥100百分比", cmp("≥", "100", "%")),
    ("≥50个", cmp("≥", "50", "个")),
    ("≥12场", cmp("≥", "12", "场")),
    ("≥4次", cmp("≥", "4", "次")),
    ("≥300户", cmp("≥", "300", "户")),
    ("≥20家", cmp("≥", "20", "家")),
    ("≥3项", cmp("≥", "3", "项")),
    ("≤5件", cmp("≤", "5", "件")),
    ("≤30天", cmp("≤", "30", "天")),
    ("≤15日", cmp("≤", "15", "日")),
    ("≥6月", cmp("≥", "6", "月")),
    ("≥1.5亿元", cmp("≥", "1.5", "亿元")),
    ("≥10万", cmp("≥", "10", "万")),
    ("354,657", cmp("=", "354657")),
    ("≥1,001,870人次", cmp("≥", "1001870", "人次")),
    ("≥ 6 个月或 ≤ 9 个月", rng("6", "9", "个月", or_=True)),
    ("每月10号前", sched("month", day=10)),
    ("每季度结束后15个工作日内", sched("quarter", within=15)),
    ("3个工作日内办结", sched("once", within=3)),
    ("95%（含）以上", cmp("≥", "95", "%")),
    ("≥95%（含95%）", cmp("≥", "95", "%")),
    ("≤5‰", cmp("≤", "5", "‰")),
    ("控制在5%", cmp("≤", "5", "%")),
    ("控制在95%-105%之间", rng("95", "105", "%")),
    ("2020年每月25日前", sched("month", day=25)),
    ("12月31日前完成", QUALITATIVE),
    ("严格执行相关制度规定", QUALITATIVE),
    ("在项目计划完成时间内完成", QUALITATIVE),
    ("效果明显", QUALITATIVE),
]


def _check(expr: TargetExpr, text: str, expected: dict[str, Any]) -> None:
    assert expr.text == text
    got = {field: getattr(expr, field) for field in expected}
    assert got == expected, f"{text!r}: {expr!r}"


@pytest.mark.parametrize(("text", "expected"), SEED_TARGETS + MORE_TARGETS)
def test_target_reading(text: str, expected: dict[str, Any]) -> None:
    _check(parse_target(text), text, expected)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("$\\geq -10\\%$ 或 $\\leq 10\\%$", rng("-10", "10", "%", or_=True)),
        ("$\\geq 6$ 个月或 $\\leq 9$ 个月", rng("6", "9", "个月", or_=True)),
        ("$\\geq 158269$ 人", cmp("≥", "158269", "人")),
        ("$< 0.1\\%$", cmp("<", "0.1", "%")),
        ("$\\leq 0$", cmp("≤", "0")),
        ("每月 25 日前", sched("month", day=25)),
        ("每季度结束后的, 15日内", sched("quarter", within=15)),
        ("4.4 万人", cmp("=", "4.4", "万人")),
        (">=6 月&&<=9 月", rng("6", "9", "月")),
        ("上访率控制在 0.1% 以内，维护社会稳定，长治久安", cmp("≤", "0.1", "%")),
        ("<b>≥95%</b>", cmp("≥", "95", "%")),
    ],
)
def test_raw_seed_cells_read_after_cleaning(raw: str, expected: dict[str, Any]) -> None:
    text = clean_cell(raw)
    _check(parse_target(text), text, expected)


def test_printed_precision_is_kept() -> None:
    assert parse_target("≥6.80%").value == Decimal("6.80")
    assert str(parse_target("≥6.80%").value) == "6.80"
    assert str(parse_target("168221.88万元").value) == "168221.88"


@pytest.mark.parametrize("text", [None, "", "   "])
def test_empty_target(text: str | None) -> None:
    expr = parse_target(text)
    assert expr.kind == "empty"
    assert expr.text == (text or "")


MALFORMED: list[tuple[str, str]] = [
    # (text, a word the Chinese reason must contain)
    ("105%≤95%", "只有一个比较符"),
    ("105%≤≥95%", "比较符重复"),
    ("≥≥95%", "比较符重复"),
    ("105%-95%", "下限105%高于上限95%"),
    ("9至6个月", "下限9个月高于上限6个月"),
    ("≥105%且≤95%", "不可能同时满足"),
    ("≤5%或≥95%", "或"),
    ("≥10%或≤-10%", "或"),
    ("≥95%或≥90%", "都是下限"),
    (">5%且<5%", "不含端点"),
    ("≥5%或<5%", "没有重叠"),
    ("≤5%且≤10%", "都是上限"),
    ("≥95%或≤105人", "单位不一致"),
    ("≥95%以下", "矛盾"),
    ("≥", "没有数值"),
    ("≤按时", "没有数值"),
    ("95%或105%", "没有比较符"),
    ("≥95%或105%", "只有一个带比较符"),
    ("=95%或≤105%", "等号"),
    ("每月35日前", "不存在"),
    ("≥95%-105%", "区间写法"),
    ("参保人数4.4万人，待遇人数2000人", "多个数值"),
]


@pytest.mark.parametrize(("text", "word"), MALFORMED)
def test_malformed_targets_say_why(text: str, word: str) -> None:
    expr = parse_target(text)
    assert expr.kind == "malformed", expr
    assert expr.text == text
    assert expr.reason is not None and word in expr.reason
    assert expr.op is None and expr.low is None and expr.high is None


def test_or_range_with_low_above_high_is_not_guessed() -> None:
    """``≤5%或≥95%`` could mean two separate zones; it is reported, not read as a range."""
    expr = parse_target("≤5%或≥95%")
    assert expr.kind == "malformed"
    assert expr.reason is not None and "95%" in expr.reason and "5%" in expr.reason


def test_or_range_is_marked() -> None:
    assert parse_target("≥95%或≤105%").joined_with_or is True
    assert parse_target("≥95%且≤105%").joined_with_or is False
    assert parse_target("95%-105%").joined_with_or is False
