"""The three result tiers of a qualitative indicator (domain-rules §1.5, §3.4).

Forms print them with 年度 or 预期, 指标 or 目标, 达成 or 达到:
达成年度指标 / 达到预期指标 → ``achieved``;
部分达成年度指标并具有一定效果 / 部分达成预期指标 → ``partial``;
未达成年度指标且效果较差 / 未达成预期指标且效果较差 → ``not_achieved``.
Matching is by meaning (negation, 部分, a 达成-verb and 指标/目标), so small wording
variants are read too.
"""

from __future__ import annotations

import re

from jixiao.expr.lexer import normalize
from jixiao.records.values import Tier

TIER_PHRASES: dict[Tier, str] = {
    "achieved": "达成年度指标",
    "partial": "部分达成年度指标并具有一定效果",
    "not_achieved": "未达成年度指标且效果较差",
}
"""Canonical wording of each tier (财预〔2020〕10号)."""

TIER_LABELS: dict[Tier, str] = {
    "achieved": "达成",
    "partial": "部分达成",
    "not_achieved": "未达成",
}

_PUNCT = re.compile(r"[\s,，。.;；、!！()（）\"“”]")
_TIER = re.compile(
    r"^(?:已经?|已)?"
    r"(?P<neg>未能?|没有|没能?|不能?)?"
    r"(?P<part>部分)?"
    r"(?:达成|达到|完成|实现)了?"
    r"(?:年度|预期|既定|全年|计划|预定)?的?(?:绩效)?(?:指标|目标)(?:值)?"
    r"(?P<tail>.*)$"
)
_TAIL = re.compile(
    r"^(?:[并且但而]|并且|而且|但是)?"
    r"(?:(?:具有|有|取得|达到)?(?:一定|较好|良好|明显|显著)?的?(?:效果|成效)"
    r"(?:较差|较好|一般|良好|明显|显著)?)?$"
)


def read_tier(text: str) -> Tier | None:
    """The tier a result phrase states, or ``None`` when the text is not one of them."""
    work = _PUNCT.sub("", normalize(text))
    match = _TIER.match(work)
    if match is None or _TAIL.match(match.group("tail")) is None:
        return None
    if match.group("neg"):
        return "not_achieved"
    if match.group("part"):
        return "partial"
    return "achieved"


def tier_phrase(tier: Tier) -> str:
    """The canonical phrase of a tier."""
    return TIER_PHRASES[tier]
