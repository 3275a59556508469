"""What a fragment of wrapped text looks like: a value, a unit, the end of a sentence.

These shapes decide where cells end: a wrapped line never ends inside a number,
a cell never starts with ``、`` or ``，``, a row of a 绩效监控表 ends with its
指标完成率 (``52%``, ``/``, ``未达监控节点``).
"""

from __future__ import annotations

import re

from jixiao.ingest.memo import text_memo

_OPS = "≥≤<>＜＞=＝≧≦≯≮±~～"
_UNITS = (
    "万人次|万人|人次|人|万元|亿元|千元|元/人|元/月|元|万户|户|个月|个|月|年度|年|日前|日内|日|天|"
    "次|项|件|家|岁|倍|小时|笔|份|张|所|座|公里|平方米|万|亿|以内|以上|以下|及以上|及以下|左右"
)
_NUM = r"[-+]?\d[\d,]*(?:\.\d+)?"
_UNIT = rf"(?:[%％‰]|{_UNITS})(?:\s*[/·]\s*(?:{_UNITS}))*"
_ITEM = rf"[{_OPS}]{{0,2}}\s*{_NUM}\s*(?:{_UNIT})?"
_SEP = rf"\s*[{_OPS}/、或且&至到\-—－]{{1,2}}\s*"
# A whole fragment that is one value: 325568, 15,390.47, 52%, ≥14333人, 105%≤≥95%, 2021年6月.
_VALUE = re.compile(rf"{_ITEM}(?:{_SEP}{_ITEM})*")
_DATE = re.compile(r"\d{4}\s*年(?:度|\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?")
_PERCENT = re.compile(rf"{_NUM}\s*[%％]")
_NUMBER = re.compile(_NUM)
_UNIT_ONLY = re.compile(_UNIT)
_DASHES = frozenset({"/", "／", "—", "——", "-", "－", "–", "\\", "×"})
# 指标完成率 cells that are not percentages (record-format.md: null in a percent column).
_NO_NODE = re.compile(r"未(?:达|到|达到)(?:监控)?(?:节点|时点)|不适用")
_NO_NODE_PHRASES = ("未达监控节点", "未到监控节点", "未达到监控节点", "未达监控时点")
_NO_NODE_PREFIXES = frozenset(p[:i] for p in _NO_NODE_PHRASES for i in range(2, len(p)))
_TERMINAL = frozenset("。！？；!?;")
_BRACKET = re.compile(r"[()（）]")
# Marks that never start a cell: a line starting with one continues the cell above.
_CONTINUING_START = frozenset("、，,。；;：:）)》」』”’%％")
# Marks that never end a cell: the cell goes on on the next line.
_CONTINUING_END = frozenset("（(《「『“‘、，,")
# Characters that rarely open a cell but often open the second line of a wrapped one.
_PARTICLES = frozenset("的了和与及或等之在并且于为中")


@text_memo()
def is_value(text: str) -> bool:
    """A fragment that is one value and nothing else (number, percent, ``≥95%``, date, ``/``)."""
    if not text:
        return False
    if text in _DASHES:
        return True
    return bool(_VALUE.fullmatch(text) or _DATE.fullmatch(text))


def is_number(text: str) -> bool:
    return bool(_NUMBER.fullmatch(text))


def is_percent(text: str) -> bool:
    return bool(_PERCENT.fullmatch(text))


def is_unit(text: str) -> bool:
    """A fragment that is only a unit (``人``, ``万人次``, ``%``, ``以内``)."""
    return bool(_UNIT_ONLY.fullmatch(text))


@text_memo()
def is_closer(text: str) -> bool:
    """A 指标完成率 cell: a percentage, a dash, or 未达监控节点 and the like."""
    return text in _DASHES or bool(_PERCENT.fullmatch(text) or _NO_NODE.fullmatch(text))


def is_closer_prefix(text: str) -> bool:
    """The first part of a wrapped 未达监控节点."""
    return len(text) >= 2 and text in _NO_NODE_PREFIXES


def closer_join(head: str, tail: str) -> bool:
    """Whether ``head`` + ``tail`` rebuild a wrapped 未达监控节点."""
    return is_closer_prefix(head) and bool(_NO_NODE.fullmatch(head + tail))


def ends_sentence(text: str) -> bool:
    return bool(text) and text[-1] in _TERMINAL


def starts_continuation(text: str) -> bool:
    """Opens with a mark no cell opens with, or closes a bracket it never opened (``生育保险）``)."""
    return bool(text) and (text[0] in _CONTINUING_START or _bracket_balance(text) < 0)


def ends_open(text: str) -> bool:
    """Ends with a mark no cell ends with, or leaves a bracket open (``收入（含``)."""
    return bool(text) and (text[-1] in _CONTINUING_END or _bracket_balance(text) > 0)


def _bracket_balance(text: str) -> int:
    if not _BRACKET.search(text):
        return 0
    return text.count("(") + text.count("（") - text.count(")") - text.count("）")


def starts_with_particle(text: str) -> bool:
    return bool(text) and text[0] in _PARTICLES


def has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def width(text: str) -> int:
    """Printed width in half-width units: a CJK character counts 2, ASCII 1."""
    return len(text) + (len(text.encode("utf-8")) - len(text)) // 2
