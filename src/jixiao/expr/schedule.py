"""Deadlines written as 指标值: ``每月25日前``, ``每季度结束后的,15日内``, ``30日内完成审核拨付``,
``次月15日前`` (within 15 days after the month), ``每季度首月15日前`` (day 15 of the quarter).

A fixed calendar date (``12月31日前``) is not a recurring deadline and is not read here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jixiao.expr.lexer import normalize
from jixiao.records.values import SchedulePeriod

PERIOD_WORDS: dict[str, SchedulePeriod] = {
    "日": "day",
    "天": "day",
    "周": "week",
    "星期": "week",
    "月": "month",
    "季度": "quarter",
    "季": "quarter",
    "半年": "half_year",
    "半年度": "half_year",
    "年度": "year",
    "月度": "month",
    "年": "year",
}
"""Words after 每 naming the period of a recurring deadline."""

CANONICAL_PERIOD: dict[SchedulePeriod, str] = {
    "day": "日",
    "week": "周",
    "month": "月",
    "quarter": "季度",
    "half_year": "半年",
    "year": "年度",
}

_PERIOD = "|".join(sorted(map(re.escape, PERIOD_WORDS), key=len, reverse=True))
_DAYS = r"(?P<n>\d+)(?:个工作日|个?日|天)"
_WITHIN = r"(?:以内|之内|内)"
_BEFORE = r"(?:以前|之前|前)"
_YEAR = re.compile(r"\d{4}年度?")
_STRIP = re.compile(r"[\s,，、;；:：()（）]")
_OTHER_FIGURE = re.compile(r"\d|[≥≤<>=%]")

_FIRST_MONTH = r"(?:首月|第一个月|第1个月|1月|一月)"
_NOT_RECURRING = r"(?<![上下本当次前该第一二三四半\d])"
"""Before a bare period word: ``上半年``, ``第一季度``, ``6月`` name one period, not each."""

_PERIOD_END = re.compile(
    rf"(?:每(?:个)?(?P<p>{_PERIOD})(?:结束|终了|末|底)?|{_NOT_RECURRING}(?P<q>{_PERIOD})(?:结束|终了))"
    rf"(?:后|以后|之后)的?{_DAYS}{_WITHIN}"
)
_PERIOD_DAY = re.compile(
    rf"每(?:个)?(?P<p>{_PERIOD})(?:的)?(?:{_FIRST_MONTH}的?)?(?P<d>\d+)(?:日|号)"
    rf"(?:{_BEFORE}|{_WITHIN}|(?![起后至到\-~]|以后|之后))"
)
"""``每月25日前``, ``每月20日发放`` (paid on the day: due by it); not ``每月1日起``."""
_NEXT_PERIOD = re.compile(
    rf"(?:次|下一?个?)(?:(?P<p>月)|(?P<q>{_PERIOD})的?{_FIRST_MONTH})的?(?P<n>\d+)(?:日|号){_BEFORE}"
)
"""``次月15日前``: by day n of the next period, i.e. within n days after the period ends."""
_ONCE = re.compile(rf"(?<![\d.±+\-])(?<!每)(?<!每个){_DAYS}{_WITHIN}")


@dataclass(frozen=True)
class Schedule:
    """A deadline: recurring per ``period`` before ``day``, or ``within_days`` of an event."""

    period: SchedulePeriod
    day: int | None = None
    within_days: int | None = None


def find_schedule(text: str) -> Schedule | None:
    """The deadline a text states, if it states one and no other number."""
    work = _STRIP.sub("", normalize(text))
    for pattern in (_PERIOD_END, _PERIOD_DAY, _NEXT_PERIOD, _ONCE):
        match = pattern.search(work)
        if match is None:
            continue
        rest = _YEAR.sub("", work[: match.start()] + work[match.end() :])
        if _OTHER_FIGURE.search(rest):
            return None
        groups = match.groupdict()
        word = groups.get("p") or groups.get("q")
        if groups.get("d") is not None:
            return Schedule(PERIOD_WORDS[groups["p"]], day=int(groups["d"]))
        period = PERIOD_WORDS[word] if word else "once"
        return Schedule(period, within_days=int(groups["n"]))
    return None


def schedule_problem(schedule: Schedule) -> str | None:
    """Why a deadline cannot be right (a day of month beyond 31), or ``None``."""
    if schedule.day is not None and not 1 <= schedule.day <= 31:
        return f"截止日{schedule.day}日不存在"
    if schedule.within_days is not None and schedule.within_days <= 0:
        return "期限天数必须大于0"
    return None


def format_schedule(period: SchedulePeriod, day: int | None, within_days: int | None) -> str:
    """Canonical writing: ``每月25日前``, ``每季度结束后15日内``, ``30日内``."""
    if period == "once":
        return f"{within_days}日内"
    word = CANONICAL_PERIOD[period]
    if day is not None:
        return f"每{word}{day}日前"
    return f"每{word}结束后{within_days}日内"
