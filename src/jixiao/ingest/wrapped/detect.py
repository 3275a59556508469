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
from collections.abc import Sequence
from functools import lru_cache

from jixiao.ingest.text import TEXT_CACHE_SIZE
from jixiao.ingest.wrapped import labels, shapes
from jixiao.ingest.wrapped.labels import Label
from jixiao.ingest.wrapped.pieces import line_fragments
from jixiao.ingest.wrapped.reader import is_ledger_cells

_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$", re.M)
_HTML_TABLE = re.compile(r"<\s*(?:table|tr|td|th)[\s>]", re.I)
_TABLE_LABELS = (Label.FIELD, Label.COLUMN, Label.LEVEL, Label.SECTION)
_MIN_TABLE_LINES = 2
_MIN_LEDGER_LINES = 3
# Lines with a space or a colon. Only these can be table or ledger rows: cells on a
# line are separated by spaces, and the one split of an unspaced line without a
# colon is a value glued in front of the next label (``50%其中：财政资``), which
# gives neither two labels nor a label before its values (no label is a number).
_MAY_HOLD_ROW = re.compile(r"^[^\n \u3000\t:：]*+[ \u3000\t:：].*", re.M)


def looks_structured(text: str) -> bool:
    """Tab-separated rows, markdown pipe tables or HTML tables: another style."""
    tab = text.find("\t")
    if tab >= 0:
        end = text.find("\n", tab)  # a tab on another line than the first tab's
        if end >= 0 and text.find("\t", end) >= 0:
            return True
    if "|" in text:
        rows = _PIPE_ROW.finditer(text)
        if next(rows, None) is not None and next(rows, None) is not None:
            return True
    return "<" in text and bool(_HTML_TABLE.search(text))


def wrapped_evidence(text: str) -> bool:
    """Whether the (normalized) lines show table rows in the wrapped style.

    The evidence only grows line by line, so the verdict is the same as reading
    every line's pieces: only lines with a space or a colon can be table or ledger
    rows (:data:`_MAY_HOLD_ROW`), and labels wrapped across lines matter only when
    exactly one table line was found.
    """
    table_lines = ledger_lines = 0
    for match in _MAY_HOLD_ROW.finditer(text):
        table, ledger = _line_evidence(match.group().strip())
        if table or ledger:
            table_lines += table
            ledger_lines += ledger
            if _enough(table_lines, ledger_lines, 0):
                return True
    return table_lines >= 1 and _has_wrapped_label(text)


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _line_evidence(stripped: str) -> tuple[int, int]:
    """Whether a stripped line is a table line and whether it is a ledger line (0 or 1)."""
    cells = line_fragments(stripped) if stripped else ()
    if len(cells) < 2:
        return 0, 0
    return int(_is_table_line(stripped, cells)), int(is_ledger_cells(cells))


def _has_wrapped_label(text: str) -> bool:
    """Whether a line ends with a label (or 未达监控) that the next non-blank line finishes."""
    tail: str | None = None
    for raw in text.split("\n"):
        stripped = raw.strip()
        if not stripped:
            continue
        cells = line_fragments(stripped)
        if tail is not None and _wrapped_label(tail, cells[0]):
            return True
        tail = cells[-1]
    return False


def _enough(table_lines: int, ledger_lines: int, wraps: int) -> bool:
    return (
        table_lines >= _MIN_TABLE_LINES
        or (table_lines >= 1 and wraps >= 1)
        or ledger_lines >= _MIN_LEDGER_LINES
    )


def _is_table_line(text: str, cells: Sequence[str]) -> bool:
    """Several cells on the line, two of them known labels (or one among three cells)."""
    if len(cells) < 2 or "。" in text:
        return False
    found = sum(
        labels.classify(c, line_start=i == 0) in _TABLE_LABELS and labels.is_complete(c)
        for i, c in enumerate(cells)
    )
    return found >= 2 or (found >= 1 and len(cells) >= 3)


def _wrapped_label(tail: str, head: str) -> bool:
    """A label or 未达监控节点 that ``tail`` (a line's last cell) ends and ``head`` finishes."""
    if labels.is_complete(tail):
        return False
    return labels.completes(tail, head) or shapes.closer_join(tail, head)
