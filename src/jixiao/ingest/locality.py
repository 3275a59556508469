"""Where and when a record belongs: region and budget year read from printed texts.

The region is the most specific place name that opens a title, unit or project
name: ``新疆维吾尔自治区喀什地区疏勒县医疗保障局`` → ``疏勒县``,
``喀什地区人力资源和社会保障局本级`` → ``喀什地区``. Place names are recognised by
their administrative suffix (省/自治区/地区/州/盟/市/县/区/旗 …), not from a list, so
other counties read the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from jixiao.ingest.text import clean_cell

# Administrative suffixes, longest first so that 地区 wins over 区 and 自治县 over 县.
_SUFFIXES = (
    "特别行政区",
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "地区",
    "新区",
    "林区",
    "特区",
    "省",
    "市",
    "州",
    "盟",
    "县",
    "区",
    "旗",
)
_PLACE = re.compile(r"([\u4e00-\u9fff]{2,12}?(?:" + "|".join(_SUFFIXES) + r"))")
# Words before a place name that are not part of it (关于2020年…, 2023年…, 附件1:, a
# unit's label: 编制单位：…, 实施单位（公章）：…).
_LEAD = re.compile(
    r"^(?:附件\s*\d*\s*[:：]?\s*)?"
    r"(?:(?:(?:编制|填报|实施|报送|预算|主管)单位|单位名称|主管部门)\s*(?:[(（]\s*公章\s*[)）])?\s*[:：]\s*)?"
    r"(?:关于)?\s*(?:(?:19|20)\d{2}\s*年度?)?\s*"
)
# Words that end in a suffix but are not places.
_NOT_PLACES = frozenset({"社区", "城区", "市区", "辖区", "园区", "景区", "小区", "街区"})

_YEAR = re.compile(r"((?:19|20)\d{2})\s*(?:年|-|—|/|\.|－)")
_YEAR_ONLY = re.compile(r"^\s*[(（]?\s*((?:19|20)\d{2})\s*年?度?\s*[)）]?\s*$")
_YEAR_MONTH = re.compile(r"((?:19|20)\d{2})(?:年|[-./－])(\d{1,2})(?:月|$|[-./－]|日)")
_MONTH = re.compile(r"(?<!\d)(\d{1,2})月")
# The monitoring node a column label names: 1-6月执行数, 截至6月底执行数, 上半年完成值.
_NODE = re.compile(
    r"(?<!\d)1\s*月?\s*[-－—–~～至到]\s*(\d{1,2})\s*月"
    r"|截[至止]\s*(?:(?:19|20)\d{2}\s*年)?\s*(\d{1,2})\s*月|(上半年)"
)


def places_in(text: str) -> list[str]:
    """The chain of place names that opens ``text``, outermost first.

    >>> places_in("新疆维吾尔自治区喀什地区疏勒县医疗保障局")
    ['新疆维吾尔自治区', '喀什地区', '疏勒县']
    >>> places_in("乌鲁木齐市社会保险中心"), places_in("编制单位（公章）：泽普县社会保险中心")
    (['乌鲁木齐市'], ['泽普县'])
    >>> places_in("城乡居民基本养老保险")
    []
    """
    text = clean_cell(text)
    lead = _LEAD.match(text)
    position = lead.end() if lead else 0
    chain: list[str] = []
    while True:
        match = _PLACE.match(text, position)
        if not match:
            break
        name = match.group(1)
        if name in _NOT_PLACES or _is_phrase(name):
            break
        chain.append(name)
        position = match.end()
    return chain


def _is_phrase(name: str) -> bool:
    """A match that is a common noun phrase, not a place (``社会保险服务区``)."""
    return any(
        word in name for word in ("保险", "基金", "社会", "医疗", "养老", "管理", "服务", "人民")
    )


def region_of(texts: Iterable[str | None]) -> str | None:
    """The most specific place that opens the first text naming one.

    >>> region_of([None, "项目支出绩效自评表", "岳普湖县医疗保障局"])
    '岳普湖县'
    >>> region_of(["疏勒县疏勒县医疗保障局"])
    '疏勒县'
    """
    for text in texts:
        if text:
            chain = places_in(text)
            if chain:
                return chain[-1]
    return None


def year_of(text: str | None) -> int | None:
    """The first budget year printed in ``text`` (``(2020年度)``, ``2021 年 6 月``,
    ``2023年职工…``).

    >>> year_of("(2020年度)"), year_of("2023年职工基本医疗保险基金支出预算"), year_of("城乡居民")
    (2020, 2023, None)
    """
    if not text:
        return None
    match = _YEAR.search(text) or _YEAR_ONLY.match(text)
    return int(match.group(1)) if match else None


def year_line(text: str) -> int | None:
    """The year of a line that holds nothing but a year (``(2020年度)``, ``( 2020 年度 )``)."""
    match = _YEAR_ONLY.match(text)
    return int(match.group(1)) if match else None


def period_of(text: str | None, year: int | None = None) -> str | None:
    """A 监控时点 as ``YYYY-MM`` (``2020年6月`` → ``2020-06``); the record's year fills
    a point printed without one (``6月``); ``None`` when no month can be read.

    >>> period_of("2021 年 6  月"), period_of("6月30日", 2020), period_of("2020.06")
    ('2021-06', '2020-06', '2020-06')
    >>> period_of("2022年1-6月"), period_of("1-6月", 2022)
    ('2022-06', '2022-06')
    """
    if not text:
        return None
    compact = re.sub(r"\s+", "", text)
    node = node_month(compact)
    if node is not None:  # 2022年1-6月, 截至2022年6月底
        node_year = year_of(compact) or year
        return None if node_year is None else f"{node_year:04d}-{node:02d}"
    full = _YEAR_MONTH.search(compact)
    if full:
        printed_year: int | None = int(full.group(1))
        month = int(full.group(2))
    else:
        bare = _MONTH.search(compact)
        if not bare:
            return None
        printed_year, month = year, int(bare.group(1))
    if printed_year is None or not 1 <= month <= 12:
        return None
    return f"{printed_year:04d}-{month:02d}"


def node_month(text: str) -> int | None:
    """The month up to which a monitoring column reports (``1-6月执行数`` → 6,
    ``截至6月底执行数`` → 6, ``上半年完成值`` → 6); ``None`` when it names none.

    >>> node_month("1-6月执行数"), node_month("截至 9 月底到位数"), node_month("全年执行数")
    (6, 9, None)
    """
    if "月" not in text and "半年" not in text:
        return None
    match = _NODE.search(text)
    if not match:
        return None
    if match.group(3):
        return 6
    month = int(match.group(1) or match.group(2))
    return month if 1 <= month <= 12 else None


__all__ = ["node_month", "period_of", "places_in", "region_of", "year_line", "year_of"]
