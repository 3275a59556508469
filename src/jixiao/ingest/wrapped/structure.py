"""What a whole line is: page text around a table, a row of column headings, a stop."""

from __future__ import annotations

import re
from typing import Literal

from jixiao.ingest.text import is_page_number
from jixiao.ingest.wrapped import labels, shapes
from jixiao.ingest.wrapped.labels import Label
from jixiao.ingest.wrapped.pieces import Line, Piece

HeaderKind = Literal["indicators", "goal"]

_TITLE = re.compile(r"(?:表|报告|说明)(?:[(（][^()（）]{0,12}[)）])?$")
_YEAR_LINE = re.compile(r"^[(（]\s*\d{4}\s*年度?\s*[)）]$")
_ATTACHMENT = re.compile(r"^附件\s*\d*\s*[:：]?$")
_PAGE_FIELD = re.compile(r"^(?:填报单位|金额单位|单位\s*[:：]|报送单位|编制单位)")
_MAX_TITLE_CHARS = 50
_PAGE_HEADS = frozenset("附(（填金单报编第-—－")
_TITLE_TAILS = frozenset("表告明)）")


def is_page_text(line: Line) -> bool:
    """A title (…表, …报告), ``(2021年度)``, ``附件1:``, ``金额单位：万元`` or a page number."""
    known = line.facts.get("page")
    if known is None:
        known = line.facts["page"] = _page_text(line)
    return known is True


def _page_text(line: Line) -> bool:
    text = line.text
    head = text[:1]
    if head in _PAGE_HEADS and (
        _ATTACHMENT.match(text)
        or _YEAR_LINE.match(text)
        or _PAGE_FIELD.match(text)
        or is_page_number(text)
    ):
        return True
    if text[-1:] not in _TITLE_TAILS:
        return False
    compact = labels.key(text)
    return (
        len(compact) <= _MAX_TITLE_CHARS
        and bool(_TITLE.search(text.rstrip()))
        and shapes.has_cjk(compact)
        and labels.classify(line.pieces[0].text, line_start=True) is None
    )


def ends_table(line: Line) -> bool:
    """Text after a table: a footer (填报人：, 联系电话：), a title or a page line."""
    known = line.facts.get("ends")
    if known is None:
        kind = labels.classify(line.pieces[0].text, line_start=True)
        known = line.facts["ends"] = kind is Label.FOOTER or is_page_text(line)
    return known is True


def is_heading_piece(piece: Piece) -> bool:
    """A column heading, or a section heading standing before column headings."""
    return (
        labels.column_role(piece.text) is not None
        or labels.classify(piece.text, line_start=piece.first) is Label.SECTION
    )


def header_kind(line: Line) -> HeaderKind | None:
    """``"indicators"`` for 一级指标 … headings, ``"goal"`` for 年度预期目标 …, else ``None``."""
    if "header" not in line.facts:
        line.facts["header"] = _header_kind(line)
    known = line.facts["header"]
    return "indicators" if known == "indicators" else "goal" if known == "goal" else None


def _header_kind(line: Line) -> HeaderKind | None:
    if not is_heading_piece(line.pieces[0]):
        return None
    pieces = [
        p for p in line.pieces if labels.column_role(p.text) is not None or not is_heading_piece(p)
    ]
    if not pieces:
        return None
    role = labels.column_role(pieces[0].text)
    if role in labels.INDICATOR_HEAD_ROLES:
        return "indicators" if all(is_heading_piece(p) for p in line.pieces) else None
    if role in labels.GOAL_ROLES:
        return "goal"
    return None


def heading_lines(lines: list[Line], i: int) -> tuple[int, list[Piece], list[str], list[Piece]]:
    """Column headings from line ``i`` on; they may wrap over several lines.

    Returns the number of lines wholly taken, the heading pieces, the role of each
    column heading, and the pieces after the last heading on its line (the first
    words of a goal on a 绩效目标表: ``项目总体目标 聚焦总目标，…``); that line is not
    counted as taken.
    """
    heads: list[Piece] = []
    roles: list[str] = []
    taken = 0
    while i + taken < len(lines):
        pieces = lines[i + taken].pieces
        split = 0
        while split < len(pieces) and is_heading_piece(pieces[split]):
            if roles and labels.column_role(pieces[split].text) is None:
                break  # a section after the column headings heads the rows below
            split += 1
        if split == 0:
            break
        for piece in pieces[:split]:
            heads.append(piece)
            role = labels.column_role(piece.text)
            if role is not None:
                roles.append(role)
        if split < len(pieces):
            return taken, heads, roles, pieces[split:]
        taken += 1
    return taken, heads, roles, []


def stops_region(line: Line) -> bool:
    """A line that ends a goal or indicator stretch: a section heading, column
    headings of indicators, a footer or page text."""
    known = line.facts.get("stops")
    if known is None:
        known = line.facts["stops"] = _stops_region(line)
    return known is True


def _stops_region(line: Line) -> bool:
    if ends_table(line):
        return True
    first = line.pieces[0]
    if labels.classify(first.text, line_start=True) is Label.SECTION:
        if labels.is_complete(first.text):
            return True
        _, numbered = labels.strip_numbering(first.text)
        return numbered and _chinese_number(first.text)
    return header_kind(line) == "indicators"


def _chinese_number(text: str) -> bool:
    return text.lstrip("（( ")[:1] in "一二三四五六七八九十"
