"""Cells of a project table: cleaned text, position, and what the text looks like.

A :class:`Cell` is one non-blank cell of a segment, cleaned once with
:func:`~jixiao.ingest.text.clean_cell`. Its :class:`Look` (percent, plain number,
``/``, 未达监控节点, a result tier, a target-like value or free text) is what the
readers use to place it, because extraction often shifts cells between columns.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import NamedTuple

from jixiao.ingest.rows import Row
from jixiao.ingest.text import clean_cell, label_key


class Look(Enum):
    """What a cell's text looks like."""

    PERCENT = "percent"  # 50.01%
    NUMBER = "number"  # 2889.39, 10.00分, 354,657
    DASH = "dash"  # / — - (an explicitly empty value)
    NO_NODE = "no_node"  # 未达监控节点
    TIER = "tier"  # 达成预期指标 / 部分达成… / 未达成预期指标且效果较差
    VALUE = "value"  # ≥95%, 74272人, 每月25日前, 30日内完成审核拨付
    TEXT = "text"  # anything else


# Thousands apart by commas or by single spaces (``39 120.00``, some Excel exports).
_NUMBER_CELL = re.compile(
    r"([+-]?(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+|\d+)(?:\.\d+)?)(分|万元|亿元|元)?"
)
# Full-width digits and marks inside a figure (``９．５``, ``３８，６５０．００``): read as ASCII.
_FULL_WIDTH_FIGURE = re.compile("[０-９]")
_ASCII_FIGURES = str.maketrans("０１２３４５６７８９．，－＋％", "0123456789.,-+%")
_PERCENT_CELL = re.compile(r"([+-]?\d+(?:\.\d+)?)[%％]")
_DASHES = frozenset({"/", "／", "—", "——", "-", "－", "–", "\\", "无数据"})
_NO_NODE = re.compile(r"未(?:达|到|达到)(?:监控)?(?:节点|时点)|不适用监控")
_TIER = re.compile(r"达成(?:预期|年度)?(?:指标|目标)|达到预期(?:指标|目标)|效果较差")
_VALUE_START = re.compile(r"[≥≤><=＝＞＜±~～]|[+-]?\d|每|约|不(?:低|高|少|超|大|小)于")
_SCHEDULE = re.compile(r"\d+\s*(?:日|天|个工作日|个月|月)(?:内|前|以内)")
# Styles whose cells keep their column (a blank or covered cell is ``""``).
_POSITIONED = frozenset({"tsv", "markdown", "html"})
# Longest text that can still be a form label (longer cells are values: no key needed).
_MAX_LABEL_CHARS = 40
# A bracketed tail that qualifies a label without changing it: a column letter or
# formula (全年预算数（A）, 执行率（B/A）, 执行率(B/A×100%)) or the points of a group
# (产出指标（50分）, 分值(10)).
_LABEL_TAIL = re.compile(
    r"\s*[(（]\s*(?:[A-Za-z]\s*(?:[/／÷]\s*[A-Za-z]\s*)?(?:[×xX*]\s*100\s*[%％]\s*)?"
    r"|\d+(?:\.\d+)?\s*分?\s*)[)）]\s*$"
)


def _label_key(text: str) -> str:
    if text[-1:] in ")）":
        text = _LABEL_TAIL.sub("", text) or text
    return label_key(text)


def key_of(text: str) -> str:
    """The label key of a cleaned cell text (``""`` for texts too long to be a label).

    A bracketed column letter, formula or group points is not part of the label
    (``全年预算数（A）`` → ``全年预算数``, ``产出指标（50分）`` → ``产出指标``).

    >>> key_of("执行率（B/A）"), key_of("产出指标(50分)"), key_of("参保人数（人）")
    ('执行率', '产出指标', '参保人数人')
    """
    return _label_key(text) if len(text) <= _MAX_LABEL_CHARS else ""


class Cell(NamedTuple):
    """One non-blank cell: cleaned ``text``, column ``pos`` (``None`` when the
    extraction kept no columns), source ``line``, its :class:`Look` and its label
    key (``""`` for a text too long to be a label)."""

    text: str
    pos: int | None
    line: int
    look: Look
    key: str


def look_of(text: str) -> Look:
    """Classify a cleaned cell text.

    >>> [look_of(t).value for t in ("44.75%", "10.00分", "/", "未达监控节点", "≥95%", "参保人数")]
    ['percent', 'number', 'dash', 'no_node', 'value', 'text']
    """
    figure = ascii_figures(text)
    if _PERCENT_CELL.fullmatch(figure):
        return Look.PERCENT
    if _NUMBER_CELL.fullmatch(figure):
        return Look.NUMBER
    if text in _DASHES:
        return Look.DASH
    if _NO_NODE.search(text):
        return Look.NO_NODE
    if _TIER.search(text) and len(text) <= 16:
        return Look.TIER
    if _VALUE_START.match(text) or _SCHEDULE.search(text):
        return Look.VALUE
    return Look.TEXT


def ascii_figures(text: str) -> str:
    """``text`` with full-width digits and figure marks as ASCII (``９．５`` → ``9.5``);
    other text is returned unchanged.

    >>> ascii_figures("３８，６５０．００"), ascii_figures("≥95%")
    ('38,650.00', '≥95%')
    """
    if text.isascii() or _FULL_WIDTH_FIGURE.search(text) is None:
        return text  # most cells: nothing to translate
    return text.translate(_ASCII_FIGURES)


def parse_number(text: str | None) -> Decimal | None:
    """A number as printed: thousands separators and a trailing 分/元 dropped; ``None``
    for blank, ``/`` or ``—``.

    >>> parse_number("354,657"), parse_number("10.00分"), parse_number("—")
    (Decimal('354657'), Decimal('10.00'), None)
    >>> parse_number("１ ２３６．５０"), parse_number("1 236.50"), parse_number("12 34")
    (Decimal('1236.50'), Decimal('1236.50'), None)
    """
    if not text:
        return None
    match = _NUMBER_CELL.fullmatch(ascii_figures(text.strip()))
    if not match:
        return None
    try:
        return Decimal(match.group(1).replace(",", "").replace(" ", ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits
        return None


def parse_percent(text: str | None) -> Decimal | None:
    """A printed percentage as a number in percent (``50.01%`` → 50.01); a bare
    number is taken as already in percent; ``/`` and 未达监控节点 give ``None``.

    >>> parse_percent("50.01%"), parse_percent("100.0％"), parse_percent("/")
    (Decimal('50.01'), Decimal('100.0'), None)
    """
    if not text:
        return None
    text = ascii_figures(text.strip())
    match = _PERCENT_CELL.fullmatch(text)
    if match:
        return Decimal(match.group(1))
    return parse_number(text)


def leading_percent(text: str) -> tuple[Decimal, str] | None:
    """Split a percentage glued in front of a label (``50%其中：财政资金``)."""
    match = _PERCENT_CELL.match(text)
    if match and match.end() < len(text) and not text[match.end()].isdigit():
        return Decimal(match.group(1)), text[match.end() :]
    return None


def cells_of(row: Row) -> list[Cell]:
    """The row's non-blank cells, cleaned, with their column positions.

    Rows rebuilt from wrapped text keep no columns, so their cells get ``pos=None``.
    """
    keep_pos = row.style in _POSITIONED
    line = row.line
    out: list[Cell] = []
    for index, raw in enumerate(row.cells):
        if not raw:
            continue
        text, look, key = _read_short(raw) if len(raw) <= _MAX_LABEL_CHARS else _read(raw)
        if text:  # a blank or markup-only cell cleans to ""
            out.append(_new_cell(Cell, (text, index if keep_pos else None, line, look, key)))
    return out


# ``Cell(...)`` without the keyword handling of its generated ``__new__``: every cell of
# every table row is made here.
_new_cell = tuple.__new__


def cell_info(raw: str) -> tuple[str, Look, str]:
    """A raw cell's cleaned text, look and label key."""
    return _read_short(raw) if len(raw) <= _MAX_LABEL_CHARS else _read(raw)


def _read(raw: str) -> tuple[str, Look, str]:
    text = clean_cell(raw)
    return text, look_of(text), key_of(text)


# Short cells (labels, ``100%``, ``≥95%``, ``未达监控节点``) repeat across tables.
_read_short = functools.lru_cache(maxsize=16384)(_read)


def make_cell(text: str, pos: int | None, line: int) -> Cell:
    """A cell for an already cleaned text (used when a cell is split in two)."""
    return Cell(text, pos, line, look_of(text), key_of(text))
