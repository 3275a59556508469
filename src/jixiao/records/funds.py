"""The eight fund codes of the record format and how fund names map onto them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import StrEnum


class Fund(StrEnum):
    """社会保险基金 (险种). Values are the record-format codes."""

    enterprise_pension = "enterprise_pension"
    public_pension = "public_pension"
    resident_pension = "resident_pension"
    employee_medical = "employee_medical"
    resident_medical = "resident_medical"
    work_injury = "work_injury"
    unemployment = "unemployment"
    maternity = "maternity"

    @property
    def label(self) -> str:
        """The fund's Chinese name."""
        return FUND_LABELS[self]

    @property
    def is_medical(self) -> bool:
        return self in (Fund.employee_medical, Fund.resident_medical, Fund.maternity)

    @property
    def is_pension(self) -> bool:
        return self in (Fund.enterprise_pension, Fund.public_pension, Fund.resident_pension)


FUND_LABELS: dict[Fund, str] = {
    Fund.enterprise_pension: "企业职工基本养老保险",
    Fund.public_pension: "机关事业单位基本养老保险",
    Fund.resident_pension: "城乡居民基本养老保险",
    Fund.employee_medical: "城镇职工基本医疗保险",
    Fund.resident_medical: "城乡居民基本医疗保险",
    Fund.work_injury: "工伤保险",
    Fund.unemployment: "失业保险",
    Fund.maternity: "生育保险",
}

# Ordered: the first pattern that matches wins. Medical before pension words,
# specific before general ("居民" + 医疗 before "居民" + 养老). The patterns are only
# searched (a match anywhere counts), so an optional lead such as ``(城乡)?`` in
# ``(城乡)?居民.{0,6}医疗`` is left out: it cannot change whether a text matches,
# and a pattern whose alternatives open with a fixed character lets the regex engine
# skip straight to that character.
_FUND_PATTERNS: list[tuple[Fund, re.Pattern[str]]] = [
    (Fund.resident_medical, re.compile(r"居民.{0,6}医疗|居民医保|新农合|新型农村合作医疗")),
    (Fund.employee_medical, re.compile(r"职工.{0,6}医疗|职工医保|城镇职工.{0,4}医")),
    (Fund.resident_pension, re.compile(r"居民.{0,6}养老|新农保|城居保")),
    (Fund.public_pension, re.compile(r"机关(事业)?(单位)?.{0,6}养老|机关养老")),
    # 城镇职工基本养老保险 is the older name of 企业职工基本养老保险
    (Fund.enterprise_pension, re.compile(r"企业(职工)?.{0,6}养老|企业养老|城镇职工.{0,6}养老")),
    (Fund.work_injury, re.compile(r"工伤")),
    (Fund.unemployment, re.compile(r"失业")),
    (Fund.maternity, re.compile(r"生育")),
]
# The same patterns in code order, for :func:`funds_in_text`.
_PATTERNS_IN_CODE_ORDER: list[tuple[Fund, re.Pattern[str]]] = sorted(
    _FUND_PATTERNS, key=lambda item: list(Fund).index(item[0])
)
_PATTERN_OF: dict[Fund, re.Pattern[str]] = dict(_FUND_PATTERNS)
FUND_WORDS = re.compile(r"养老|医|工伤|失业|生育|新农|城居保")
"""A word every fund pattern's match holds: a text without one (once its whitespace
is dropped) names no fund. No character is in two of the words, so matches never
overlap."""
_WHITESPACE = re.compile(r"\s+")
# A bracketed qualifier saying that 生育保险 is merged into the fund before it
# (``职工基本医疗保险基金（含生育保险）``, ``职工（含生育）基本医疗保险``, a label cut
# after ``（含生育``): it names no fund of its own.
_MERGED_MATERNITY = re.compile(r"[(（]含生育[^()（）]{0,6}(?:[)）]|$)")


def _compact(text: str) -> str:
    """``text`` without whitespace and without a 含生育 qualifier."""
    compact = _WHITESPACE.sub("", text)
    if "含生育" in compact:
        compact = _MERGED_MATERNITY.sub("", compact)
    return compact


def fund_from_text(text: str | None) -> Fund | None:
    """The fund a project name or 决算 row names, or ``None`` if it names none or several.

    >>> fund_from_text("城乡居民基本养老保险补助项目")
    <Fund.resident_pension: 'resident_pension'>
    >>> fund_from_text("2020年城镇职工医疗保险基金支出项目")
    <Fund.employee_medical: 'employee_medical'>
    >>> fund_from_text("疏勒县医疗保险基金支出项目") is None
    True
    >>> fund_from_text("职工（含生育）基本医疗保险基金")
    <Fund.employee_medical: 'employee_medical'>
    """
    if not text:
        return None
    compact = _compact(text)
    if not FUND_WORDS.search(compact):
        return None
    for fund, pattern in _FUND_PATTERNS:
        if pattern.search(compact):
            return fund
    return None


def funds_in_text(text: str | None) -> list[Fund]:
    """Every fund a text names, in code order; several for a text covering several funds.

    >>> funds_in_text("城镇职工、居民医疗保险支出")
    [<Fund.employee_medical: 'employee_medical'>, <Fund.resident_medical: 'resident_medical'>]
    >>> funds_in_text("岳普湖县社会保险基金")
    []
    >>> funds_in_text("职工基本医疗保险基金（含生育保险）")
    [<Fund.employee_medical: 'employee_medical'>]
    """
    if not text:
        return []
    compact = _compact(text)
    if not FUND_WORDS.search(compact):
        return []
    return [fund for fund, pattern in _PATTERNS_IN_CODE_ORDER if pattern.search(compact)]


def funds_in_order(text: str | None) -> list[Fund]:
    """Every fund a text names, in the order they are printed (the order that
    ``分别为 A、B`` follows).

    >>> funds_in_order("失业保险基金和工伤保险基金")
    [<Fund.unemployment: 'unemployment'>, <Fund.work_injury: 'work_injury'>]
    """
    if not text:
        return []
    compact = _compact(text)
    if not FUND_WORDS.search(compact):
        return []
    found: list[tuple[int, Fund]] = []
    for fund, pattern in _PATTERNS_IN_CODE_ORDER:
        match = pattern.search(compact)
        if match:
            found.append((match.start(), fund))
    return [fund for _, fund in sorted(found)]


def funds_among(text: str, among: Iterable[Fund]) -> list[Fund]:
    """The funds of ``among`` that ``text`` names, in the order of ``among``.

    :func:`funds_in_text` of a text known to name no other fund (a part of a text
    that names ``among``), at the cost of searching for those funds only.

    >>> funds_among("城镇职工医疗保险", [Fund.employee_medical, Fund.resident_medical])
    [<Fund.employee_medical: 'employee_medical'>]
    """
    compact = _compact(text)
    return [fund for fund in among if _PATTERN_OF[fund].search(compact)]
