"""Recognising the printed labels of a project table in its cells.

A cell may hold a bare label (``项目名称``), a label with its value
(``填报单位(公章):岳普湖县劳动就业保险管理局``, ``监控时点 2021年6月``) or two
label–value pairs that the extractor glued together
(``填报单位（公章）：喀什地区社会保险管理局 金额单位：万元``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from jixiao.ingest.memo import text_memo
from jixiao.ingest.project.cells import Cell, Look
from jixiao.ingest.vocab import (
    BUDGET_AMOUNT_LABELS,
    BUDGET_LINE_LABELS,
    BUDGET_SCORE_LABELS,
    FOOTER_LABELS,
    GOAL_LABELS,
    HEADER_FIELD_LABELS,
    INDICATOR_COLUMN_LABELS,
    LEVEL1_LABELS,
    LEVEL2_LABELS,
    SECTION_LABELS,
    section_key,
)

# Characters label_key drops: a label printed with them still matches.
_NOISE = frozenset(" \t\n\r\u3000:：()（）[]［］【】〔〕、,，.。．*＊#＃|｜/／-－—–_·•…~～")
_STAMP = re.compile(r"^\s*[(（][^()（）]{0,6}[)）]\s*")  # (公章) (盖章)
_LEADING_PUNCT = re.compile(r"^[\s:：]+")
# A second ``label：`` inside the value of the first (金额单位：万元 after a unit name).
_INLINE_LABELS = sorted((k for k in HEADER_FIELD_LABELS if len(k) >= 2), key=len, reverse=True)
_SECOND_LABEL = re.compile(
    r"(?:" + "|".join(map(re.escape, _INLINE_LABELS)) + r")\s*(?:[(（][^()（）]{0,6}[)）])?\s*[:：]"
)
_MONEY_UNIT = re.compile(r"(万元|亿元|元)")
_MONEY_IN_LABEL = re.compile(r"[(（]\s*(万元|亿元|元)\s*[)）]|单位\s*[:：]?\s*(万元|亿元|元)")

# Header label keys by first character, longest first (a cell is tried only
# against the labels that can open it).
_HEADER_PREFIXES: dict[str, list[str]] = {}
for _key in sorted(HEADER_FIELD_LABELS, key=len, reverse=True):
    _HEADER_PREFIXES.setdefault(_key[0], []).append(_key)
_FOOTERS_BY_FIRST: dict[str, list[str]] = {}
for _key in FOOTER_LABELS:
    _FOOTERS_BY_FIRST.setdefault(_key[0], []).append(_key)
_NUMBERING_START = frozenset("一二三四五六七八九十0123456789(（")


@dataclass(frozen=True, slots=True)
class LabelValue:
    """A header label found in a cell and the value printed in the same cell."""

    field: str
    value: str


def strip_prefix(text: str, key: str) -> str | None:
    """``text`` with the label ``key`` (in label_key form) removed from its start,
    or ``None`` when ``text`` does not open with that label."""
    i = j = 0
    while i < len(text) and j < len(key):
        ch = text[i]
        if ch == key[j]:
            j += 1
        elif ch not in _NOISE:
            return None
        i += 1
    return text[i:] if j == len(key) else None


def header_labels(text: str) -> list[LabelValue]:
    """The header label–value pairs a cell holds (see :func:`read_header_labels`)."""
    if text[:1] not in _HEADER_PREFIXES:
        return []
    return list(_cached_header_labels(text)) if len(text) <= 80 else read_header_labels(text)


@functools.lru_cache(maxsize=8192)
def _cached_header_labels(text: str) -> tuple[LabelValue, ...]:
    return tuple(read_header_labels(text))


def read_header_labels(text: str) -> list[LabelValue]:
    """The header label–value pairs a cell holds, in order; ``[]`` if it opens with none.

    >>> header_labels("填报单位(公章):岳普湖县劳动就业保险管理局")
    [LabelValue(field='reporting_unit', value='岳普湖县劳动就业保险管理局')]
    >>> [p.field for p in header_labels("填报单位（公章）：喀什地区社会保险管理局金额单位：万元")]
    ['reporting_unit', 'money_unit']
    """
    out: list[LabelValue] = []
    rest: str | None = text
    while rest:
        found = _open_label(rest)
        if found is None:
            break
        field, after = found
        after = _LEADING_PUNCT.sub("", _STAMP.sub("", after, count=1))
        after = _LEADING_PUNCT.sub("", after)
        second = _SECOND_LABEL.search(after, 1) if after else None
        value, rest = (
            (after[: second.start()], after[second.start() :]) if second else (after, None)
        )
        out.append(LabelValue(field, value.strip()))
    return out


def _open_label(text: str) -> tuple[str, str] | None:
    for key in _HEADER_PREFIXES.get(text[:1], ()):
        rest = strip_prefix(text, key)
        if rest is None:
            continue
        if key in ("单位",) and not _MONEY_UNIT.match(_LEADING_PUNCT.sub("", rest)):
            continue
        return HEADER_FIELD_LABELS[key], rest
    return None


def money_unit_in(text: str) -> str | None:
    """The money unit a label prints (``项目资金 (万元)``, ``单位：万元``)."""
    match = _MONEY_IN_LABEL.search(text)
    if not match:
        return None
    return match.group(1) or match.group(2)


def money_unit_value(text: str) -> str | None:
    """The money unit a value names (``万元``)."""
    match = _MONEY_UNIT.search(text)
    return match.group(1) if match else None


def amount_member(cell: Cell) -> str | None:
    """The budget amount a label names: planned / initial / available / executed."""
    return amount_of(cell.key)


def line_member(cell: Cell) -> str | None:
    """The source line a label names: total / fiscal / fund_money / carryover / other."""
    return _budget_labels(cell.key)[1]


def budget_score_member(cell: Cell) -> str | None:
    """weight / score / rate for 分值, 得分, 执行率 (also ``1-6月执行率``)."""
    return budget_score_of(cell.key)


def budget_score_of(key: str) -> str | None:
    """:func:`budget_score_member` of a cell whose label key is ``key``."""
    member = BUDGET_SCORE_LABELS.get(key)
    if member is None and key.endswith("执行率") and len(key) <= _MAX_HEADING_CHARS:
        return None if "预计" in key else "rate"
    return member


def amount_of(key: str) -> str | None:
    """:func:`amount_member` of a cell whose label key is ``key``."""
    return _budget_labels(key)[0]


@functools.lru_cache(maxsize=8192)
def _budget_labels(key: str) -> tuple[str | None, str | None]:
    """(amount, source line) a label key names, its ``(万元)`` and ``其中`` dropped."""
    if not key:
        return None, None
    bare = _unitless(key)
    line = bare[2:] if bare.startswith("其中") else bare
    amount = BUDGET_AMOUNT_LABELS.get(bare)
    if amount is None and len(bare) <= _MAX_HEADING_CHARS:
        amount = _amount_by_ending(bare)
    return amount, BUDGET_LINE_LABELS.get(line)


def _amount_by_ending(key: str) -> str | None:
    """An amount heading with a period in front (``1-6月执行数``, ``截至6月底到位数``);
    a forecast (``全年预计执行数``) or a medium-term amount (``中期资金总额``) is
    ``forecast``, which no record field keeps."""
    if key.startswith(_MEDIUM_TERM):
        return "forecast" if key.endswith(("总额", "资金", "预算数", "金额")) else None
    if "预计" in key:
        return "forecast" if key.endswith(("执行数", "到位数", "预算数")) else None
    if key.endswith("执行数"):
        return "executed"
    if key.endswith("到位数"):
        return "available"
    if key.endswith("预算数"):
        return "initial" if "年初" in key else "planned"
    return None


def goal_member(cell: Cell) -> str | None:
    """goal / progress / overall / long_term for a goal label; a progress label the
    vocabulary lacks is read by its ending (``1-6月完成情况``, ``截至6月底完成情况``)."""
    member = GOAL_LABELS.get(cell.key)
    if member is None and cell.key and len(cell.key) <= _MAX_HEADING_CHARS:
        member = _goal_by_ending(cell.key)
    return member


@text_memo()
def _goal_by_ending(key: str) -> str | None:
    years = _YEARS_TAIL.search(key)
    if years is not None and years.start() > 0:  # 中期目标（2023年-2025年）
        return GOAL_LABELS.get(key[: years.start()])
    if key in SECTION_LABELS or not key.endswith(("完成情况", "完成目标")):
        return None
    if "预计" in key:
        return "forecast"  # 全年预计完成情况: not a record field
    return "progress" if key[:1].isdigit() or key.startswith(("截至", "截止", "上半年")) else None


def column_slot(cell: Cell) -> str | None:
    """The indicator field a column heading names (一级指标 → level1, 分值 → weight …);
    a heading the vocabulary lacks is read by its ending (``1-6月实际完成值`` → actual)."""
    slot = INDICATOR_COLUMN_LABELS.get(cell.key)
    if slot is None and cell.key and len(cell.key) <= _MAX_HEADING_CHARS:
        slot = _slot_by_ending(cell.key)
    return slot


@text_memo()
def _slot_by_ending(key: str) -> str | None:
    if "预计" in key and key.endswith(_FORECAST_ENDINGS):
        return "forecast"  # 全年预计完成值: a column of its own, not kept
    if key.startswith(_MEDIUM_TERM) and key.endswith("值"):
        return "forecast"  # 中期指标值 of a 目标申报表: not the year's, not kept
    if "原因" in key and key.endswith(("类型", "类别")):
        return "reason_type"  # 偏差原因类型 (ticks under 经费保障/制度保障 …): not the note
    if key[:1].isdigit() and key.endswith(("执行情况", "完成情况")):
        return "actual"  # 1-7月执行情况: what was done by the monitoring point
    for ending, slot in _COLUMN_ENDINGS:
        if key.endswith(ending):
            return slot
    return "note" if "偏差原因" in key or "改进措施" in key else None


# Endings of indicator column headings printed with a period or qualifier in front.
_COLUMN_ENDINGS = (
    ("完成值", "actual"), ("完成情况值", "actual"), ("实际值", "actual"),
    ("指标值", "target"), ("目标值", "target"),
    ("完成率", "completion"), ("完成进度", "completion"),
)  # fmt: skip
_MAX_HEADING_CHARS = 16
# The years a goal label is printed with (label_key text): 2023年2025年, 2024年度.
_YEARS_TAIL = re.compile(r"(?:\d{4}年度?)+$")
_MEDIUM_TERM = ("中期", "中长期", "长期")
_FORECAST_ENDINGS = ("完成值", "完成情况", "完成数", "指标值", "值")


def section_of(cell: Cell) -> str | None:
    """The part a section heading opens (header / budget / goal / indicators / deviation / total)."""
    key = cell.key
    if key in SECTION_LABELS:
        return SECTION_LABELS[key]
    if key and cell.look is Look.TEXT:
        if cell.text[0] in _NUMBERING_START:
            return _numbered_section(cell.text)
        if "偏" in key and _DEVIATION_HEADING.search(key) and len(key) <= _MAX_DEVIATION_CHARS:
            return "deviation"  # 偏差原因及纠偏措施, 绩效目标执行偏差及纠偏措施
    return None


# A deviation heading the vocabulary lacks: 偏差 with its causes or the measures taken.
_DEVIATION_HEADING = re.compile(r"偏差.{0,8}(?:原因|措施)|纠偏")
_MAX_DEVIATION_CHARS = 24


@text_memo()
def _numbered_section(text: str) -> str | None:
    """The section a numbered heading (``四、绩效目标…``, ``(二)…``) opens."""
    key = section_key(text)
    found = SECTION_LABELS.get(key)
    if found is None and _DEVIATION_HEADING.search(key) and len(key) <= _MAX_DEVIATION_CHARS:
        return "deviation"
    return found


def is_footer(cell: Cell) -> bool:
    """A signature or phone line below the table (填报人：, 联系电话：, 制表人: 张三): a
    footer label alone or followed by a colon (电话回访满意度 is an indicator)."""
    return cell.key[:1] in _FOOTERS_BY_FIRST and _is_footer_text(cell.text, cell.key)


@functools.lru_cache(maxsize=4096)
def _is_footer_text(text: str, key: str) -> bool:
    for label in _FOOTERS_BY_FIRST.get(key[:1], ()):
        rest = strip_prefix(text, label) if key.startswith(label) else None
        if rest is not None and (not rest.strip() or rest.lstrip()[:1] in ":："):
            return True
    return False


def is_level1(cell: Cell) -> bool:
    return cell.key in LEVEL1_LABELS


def is_level2(cell: Cell) -> bool:
    return cell.key in LEVEL2_LABELS


def _unitless(key: str) -> str:
    for unit in ("万元", "亿元", "元"):
        if key.endswith(unit) and len(key) > len(unit):
            return key[: -len(unit)]
    return key


def is_any_label(cell: Cell) -> bool:
    """Whether the cell is a label of any part of a project table."""
    key = cell.key
    return (
        key in HEADER_FIELD_LABELS
        or amount_member(cell) is not None
        or line_member(cell) is not None
        or key in BUDGET_SCORE_LABELS
        or key in GOAL_LABELS
        or key in INDICATOR_COLUMN_LABELS
        or section_of(cell) is not None
    )
