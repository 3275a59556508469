"""Telling pdfminer / pdftotext style text from the other styles.

Text in this style has no tab-separated rows and no markdown or HTML tables, but
form labels stand on lines together with other cells, separated by spaces
(``预算数： 325568 到位数： 161975``, ``一级指标 二级指标 三级指标``), labels wrap
over lines (``二、预算执行情`` / ``况``), or 决算 lines print a label and its
amounts (``一、企业职工基本养老保险基金收入 15,390.47``). Narrative reports have
none of these, even when pdftotext spaces their words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from jixiao.ingest.wrapped import labels, shapes
from jixiao.ingest.wrapped.labels import Label
from jixiao.ingest.wrapped.pieces import Line
from jixiao.ingest.wrapped.reader import is_ledger_line

_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$", re.M)
_HTML_TABLE = re.compile(r"<\s*(?:table|tr|td|th)[\s>]", re.I)
_TABLE_LABELS = (Label.FIELD, Label.COLUMN, Label.LEVEL, Label.SECTION)
_MIN_TABLE_LINES = 2
_MIN_LEDGER_LINES = 3


def looks_structured(text: str) -> bool:
    """Tab-separated rows, markdown pipe tables or HTML tables: another style."""
    if text.count("\t") >= 2 and sum(1 for line in text.split("\n") if "\t" in line) >= 2:
        return True
    if "|" in text and len(_PIPE_ROW.findall(text)) >= 2:
        return True
    return "<" in text and bool(_HTML_TABLE.search(text))


def wrapped_evidence(lines: Iterable[Line]) -> bool:
    """Whether the lines show table rows in the wrapped style (stops at enough evidence)."""
    table_lines = ledger_lines = wraps = 0
    previous: Line | None = None
    for line in lines:
        if previous is not None and _wrapped_label(previous, line):
            wraps += 1
        previous = line
        table_lines += _is_table_line(line)
        ledger_lines += is_ledger_line(line)
        if _enough(table_lines, ledger_lines, wraps):
            return True
    return False


def _enough(table_lines: int, ledger_lines: int, wraps: int) -> bool:
    return (
        table_lines >= _MIN_TABLE_LINES
        or (table_lines >= 1 and wraps >= 1)
        or ledger_lines >= _MIN_LEDGER_LINES
    )


def _is_table_line(line: Line) -> bool:
    """Several cells on the line, two of them known labels (or one among three cells)."""
    pieces = line.pieces
    if len(pieces) < 2 or "。" in line.text:
        return False
    found = sum(
        labels.classify(p.text, line_start=p.first) in _TABLE_LABELS and labels.is_complete(p.text)
        for p in pieces
    )
    return found >= 2 or (found >= 1 and len(pieces) >= 3)


def _wrapped_label(line: Line, after: Line) -> bool:
    """A label or 未达监控节点 that ``line`` ends and ``after`` finishes."""
    tail, head = line.pieces[-1].text, after.pieces[0].text
    if labels.is_complete(tail):
        return False
    return labels.completes(tail, head) or shapes.closer_join(tail, head)
