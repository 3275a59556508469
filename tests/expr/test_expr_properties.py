"""Property tests: canonical writing reads back to the same value; reading never raises."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.expr import format_actual, format_target, parse_actual, parse_target
from jixiao.expr.units import to_base
from jixiao.records import ActualValue, Bound, TargetExpr

UNITS: list[str | None] = [
    None,
    "%",
    "人",
    "万人",
    "人次",
    "万人次",
    "元",
    "万元",
    "亿元",
    "元/人",
    "个月",
    "月",
    "日",
    "天",
    "个",
    "场",
    "次",
    "户",
    "家",
    "项",
    "件",
    "分",
    "分钟",
    "起",
    "个工作日",
    "万",
    "亿",
]
OPS = ["≥", "≤", ">", "<", "="]
QUALITATIVE_TEXTS = [
    "按时报送",
    "逐步推开",
    "普遍开展",
    "成效明显",
    "基金运行平稳",
    "按标准审核后足额发放",
    "充分发挥社会保险的职能作用",
    "严格执行相关制度规定",
    "在项目计划完成时间内完成",
]
QUALITATIVE_ALPHABET = "按时足额发放逐步推开普遍开展成效明显基金运行平稳保障参保人员基本生活充分发挥社会保险职能作用，。、"

decimals = st.builds(
    lambda n, places: Decimal(n).scaleb(-places),
    st.integers(min_value=-(10**9), max_value=10**10),
    st.integers(min_value=0, max_value=3),
)
non_negative = st.builds(
    lambda n, places: Decimal(n).scaleb(-places),
    st.integers(min_value=0, max_value=10**10),
    st.integers(min_value=0, max_value=3),
)
units = st.sampled_from(UNITS)


@st.composite
def comparisons(draw: st.DrawFn) -> TargetExpr:
    return TargetExpr(
        kind="comparison", op=draw(st.sampled_from(OPS)), value=draw(decimals), unit=draw(units)
    )


@st.composite
def ranges(draw: st.DrawFn) -> TargetExpr:
    unit = draw(units)
    first, second = sorted([draw(decimals), draw(decimals)])
    low_inclusive = draw(st.booleans())
    high_inclusive = draw(st.booleans()) if first != second or not low_inclusive else True
    if first == second:
        low_inclusive = high_inclusive = True
    return TargetExpr(
        kind="range",
        low=Bound(value=first, unit=unit, inclusive=low_inclusive),
        high=Bound(value=second, unit=unit, inclusive=high_inclusive),
        joined_with_or=draw(st.booleans()),
    )


@st.composite
def schedules(draw: st.DrawFn) -> TargetExpr:
    period = draw(st.sampled_from(["day", "week", "month", "quarter", "half_year", "year", "once"]))
    if period != "once" and draw(st.booleans()):
        return TargetExpr(kind="schedule", period=period, day=draw(st.integers(1, 31)))
    return TargetExpr(kind="schedule", period=period, within_days=draw(st.integers(1, 365)))


qualitatives = st.builds(
    lambda text: TargetExpr(kind="qualitative", text=text),
    st.sampled_from(QUALITATIVE_TEXTS) | st.text(QUALITATIVE_ALPHABET, min_size=1, max_size=30),
)


@given(comparisons() | ranges() | schedules() | qualitatives)
@settings(max_examples=400)
def test_target_round_trip(expr: TargetExpr) -> None:
    text = format_target(expr)
    assert parse_target(text) == expr.model_copy(update={"text": text})


@given(ranges())
def test_range_low_not_above_high(expr: TargetExpr) -> None:
    assert expr.low is not None and expr.high is not None
    parsed = parse_target(format_target(expr))
    assert parsed.low is not None and parsed.high is not None
    low = to_base(parsed.low.value, parsed.low.unit)[0]
    assert low <= to_base(parsed.high.value, parsed.high.unit)[0]


@st.composite
def numbers(draw: st.DrawFn) -> ActualValue:
    return ActualValue(
        kind="number",
        value=draw(decimals),
        unit=draw(units),
        op=draw(st.sampled_from([None, *OPS])),
    )


tiers = st.builds(
    lambda tier: ActualValue(kind="tier", tier=tier),
    st.sampled_from(["achieved", "partial", "not_achieved"]),
)


@given(numbers() | tiers)
@settings(max_examples=300)
def test_actual_round_trip(value: ActualValue) -> None:
    text = format_actual(value)
    assert parse_actual(text) == value.model_copy(update={"text": text})


@given(non_negative, units)
def test_plain_number_target_is_equality(value: Decimal, unit: str | None) -> None:
    expr = parse_target(f"{value:f}{unit or ''}")
    assert (expr.kind, expr.op, expr.value, expr.unit) == ("comparison", "=", value, unit)


NASTY = (
    "0123456789.,，%％≥≤<>=＞＜≧≦-~～至到或且&|/每月季度年日天内前后以上以下以内不低于超过万亿人次元个"
    "控制在达成部分未±+正负[]()（）首次下结束终了分起 \t\n$\\"
)


positive = non_negative.filter(lambda d: d > 0)


@given(positive, units, st.sampled_from(["±{}", "±{}以内", "正负{}", "控制在±{}以内"]))
def test_plus_minus_is_the_symmetric_range(value: Decimal, unit: str | None, form: str) -> None:
    text = form.format(f"{value:f}{unit or ''}")
    expr = parse_target(text)
    assert expr.kind == "range", expr
    assert expr.low == Bound(value=-value, unit=unit, inclusive=True)
    assert expr.high == Bound(value=value, unit=unit, inclusive=True)
    assert parse_target(format_target(expr)).model_copy(update={"text": text}) == expr


@given(ranges(), st.booleans())
def test_interval_notation(expr: TargetExpr, full_width: bool) -> None:
    assert expr.low is not None and expr.high is not None
    low, high = f"{expr.low.value:f}{expr.low.unit or ''}", f"{expr.high.value:f}"
    opening, closing = "[" if expr.low.inclusive else "(", "]" if expr.high.inclusive else ")"
    text = f"{opening}{low}{'，' if full_width else ','}{high}{expr.high.unit or ''}{closing}"
    parsed = parse_target(text)
    assert (parsed.kind, parsed.low, parsed.high, parsed.joined_with_or) == (
        "range",
        expr.low,
        expr.high,
        False,
    )


@given(st.text(NASTY, max_size=40) | st.text(max_size=40))
@settings(max_examples=600)
def test_reading_never_raises(text: str) -> None:
    expr = parse_target(text)
    assert expr.text == text
    if expr.kind == "malformed":
        assert expr.reason
    value = parse_actual(text)
    assert value.text == text
    if value.kind == "malformed":
        assert value.reason
    format_target(expr)
    format_actual(value)
