"""Self-evaluation scores: indicator scores, qualitative bands, total and grade (10号, domain-rules §1).

The 预算执行率 score lives in :mod:`jixiao.rules.budget` (``execution_score``).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Literal

from jixiao.records.values import Tier
from jixiao.rules import names
from jixiao.rules.precision import HUNDRED
from jixiao.rules.settings import RuleSettings

IndicatorGroup = Literal["output", "benefit", "satisfaction", "decision", "process"]
"""一级指标 group: 产出/效益/满意度 (project tree) or 决策/过程 (65号 fund tree)."""

GROUP_LABELS: dict[IndicatorGroup, str] = {
    "output": "产出指标",
    "benefit": "效益指标",
    "satisfaction": "满意度指标",
    "decision": "决策指标",
    "process": "过程指标",
}

_LEVEL2_GROUPS: tuple[tuple[str, IndicatorGroup], ...] = (
    ("满意度", "satisfaction"),
    ("数量", "output"),
    ("质量", "output"),
    ("时效", "output"),
    ("成本", "output"),
    ("经济效益", "benefit"),
    ("社会效益", "benefit"),
    ("生态效益", "benefit"),
    ("可持续影响", "benefit"),
    ("项目立项", "decision"),
    ("绩效目标", "decision"),
    ("资金投入", "decision"),
    ("资金管理", "process"),
    ("组织实施", "process"),
)
_LEVEL1_GROUPS: tuple[tuple[str, IndicatorGroup], ...] = (
    ("满意", "satisfaction"),
    ("产出", "output"),
    ("项目完成", "output"),
    ("效益", "benefit"),
    ("决策", "decision"),
    ("过程", "process"),
)


def indicator_group(
    level1: str | None, level2: str | None, name: str | None = None
) -> IndicatorGroup | None:
    """The 一级 group of an indicator. The 二级指标 decides first (社会效益指标 is 效益
    even where a merged 一级 cell was carried down wrongly), then the 一级指标, then a
    name that says 满意度."""
    level2_key = names.key(level2)
    for word, group in _LEVEL2_GROUPS:
        if level2_key.startswith(word) or level2_key.startswith("服务对象" + word):
            return group
    level1_key = names.key(level1)
    if level1_key.startswith("成本"):
        return None
    for word, group in _LEVEL1_GROUPS:
        if word in level1_key:
            return group
    if "满意度" in names.key(name):
        return "satisfaction"
    return None


def quantitative_score(ratio: Decimal, weight: Decimal) -> Decimal:
    """得分 of a quantitative indicator: 分值 × min(r, 1), never below 0 (domain-rules §1.4)."""
    return weight * min(max(ratio, Decimal(0)), Decimal(1))


def qualitative_band(
    tier: Tier, weight: Decimal, settings: RuleSettings
) -> tuple[Decimal, Decimal]:
    """The score band of a result tier: 达成 [80%, 100%], 部分达成 [60%, 80%),
    未达成 [0, 60%) of 分值 by default (limits are settings)."""
    bands = settings.qualitative_bands
    achieved = weight * bands.achieved_min_pct / HUNDRED
    partial = weight * bands.partial_min_pct / HUNDRED
    if tier == "achieved":
        return achieved, weight
    if tier == "partial":
        return partial, achieved
    return Decimal(0), partial


def total_score(
    budget_score: Decimal | None, indicator_scores: Iterable[Decimal | None]
) -> Decimal | None:
    """总分 得分 = 预算执行率得分 + Σ 指标得分; ``None`` if any part is blank."""
    parts = [budget_score, *indicator_scores]
    if any(part is None for part in parts):
        return None
    return sum((p for p in parts if p is not None), Decimal(0))


def grade(total: Decimal, settings: RuleSettings) -> str:
    """评价等级 of a total score: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, else 差 (half-open bands)."""
    bands = settings.grade_bands
    if total >= bands.excellent:
        return "优"
    if total >= bands.good:
        return "良"
    if total >= bands.fair:
        return "中"
    return "差"
