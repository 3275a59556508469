"""Tab-separated rows (openpyxl / pandas / pdfplumber grids joined by ``\\t``, Tika, dnGrep).

Every cell is kept, blank ones included: leading blanks are positions covered by
a rowspan from above, trailing blanks by a colspan, and a blank in between may be
either or a genuinely empty cell. Which is which is left to the form readers,
which know the form's layout.
"""

from __future__ import annotations

import re

from jixiao.ingest.rows import Row
from jixiao.ingest.text import any_filled


def is_tsv_line(line: str) -> bool:
    return "\t" in line


def read_tsv_line(line: str, number: int) -> Row | None:
    """The row of one tab-separated line; ``None`` when every cell is blank."""
    cells = line.split("\t")
    if not any_filled(cells):
        return None
    return Row(cells, number, "tsv")


# How many lines one row broken by line breaks inside its cells may span.
_MAX_BROKEN_LINES = 16


def table_widths(lines: list[str]) -> list[tuple[int, ...]]:
    """For each line, the tab counts of its block's full rows, widest first (none
    outside tables, or in a ragged table where no count repeats).

    A block is a run of non-blank lines; a line without tabs after a whole row (one
    that ends its cells, or as wide as any before it: a title between two tables)
    starts the next. Tables dumped as rows
    joined by tabs (openpyxl, pdfplumber) print the same number of cells on every
    row, and a row broken over lines holds fewer on each; tables of several widths
    may share a block. A count that at least two lines print is a table's width
    (one longer line is a stray row, not a width)."""
    widths: list[tuple[int, ...]] = [()] * len(lines)
    start = 0
    while start < len(lines):
        if not lines[start].strip():
            start += 1
            continue
        end = start
        counts: dict[int, int] = {}
        widest = 0  # of the block's lines so far
        while end < len(lines) and lines[end].strip():
            tabs = lines[end].count("\t")
            if not tabs and end > start:
                before = lines[end - 1]
                if not ends_inside_text(before) or before.count("\t") == widest:
                    break  # a text line after a whole row (a title): the next block
            if tabs:
                counts[tabs] = counts.get(tabs, 0) + 1
                widest = max(widest, tabs)
            end += 1
        repeated = tuple(sorted((t for t, with_t in counts.items() if with_t >= 2), reverse=True))
        widths[start:end] = [repeated] * (end - start)
        start = end
    return widths


def broken_row_end(lines: list[str], index: int, width: int) -> int:
    """Where a row broken over lines by line breaks inside its cells ends (the index
    after its last line), or ``index + 1`` when the line is a row of its own.

    pdfplumber's cells keep their line breaks, so ``…\t基本养老保险收`` over
    ``入预算执行率\t≥95%…`` is one row: lines that together hold exactly the
    table's tab count, each break falling inside a cell's text (text on both sides).
    A ragged table (short rows printed as such) has no width (:func:`table_widths`),
    and a row that ends in a figure is complete."""
    tabs = lines[index].count("\t")
    if not tabs < width or not ends_inside_text(lines[index]):
        return index + 1
    end = index + 1
    while end < len(lines) and end - index < _MAX_BROKEN_LINES:
        line = lines[end]
        if not line.strip() or not line[:1].strip():
            return index + 1  # a blank line, or a line opening with a blank cell: a row
        if "\t" not in line and (not ends_inside_text(line) or is_title_line(line)):
            return index + 1  # a line of text of its own between two rows (a title)
        tabs += line.count("\t")
        end += 1
        if tabs == width:
            return end
        if tabs > width or not line.rstrip("\r")[-1:].strip():  # a break inside a cell
            return index + 1
    return index + 1


def ends_inside_text(line: str) -> bool:
    """Whether a line ends inside the text of a cell: a CJK character, a letter, a
    percent sign or a mark that never ends a cell (``，、：（``) last. A figure, ``。``
    or a blank cell last ends a row (``…\t100\t99``)."""
    last = line.rstrip("\r")[-1:]
    return bool(last) and (last.isalpha() or "\u4e00" <= last <= "\u9fff" or last in _MID_TEXT)


# How titles end (…绩效监控情况表, …决算的说明, …自评报告).
_TITLE_END = re.compile(r"(?:表|说明|报告)[)）]?\s*$")


def is_title_line(text: str) -> bool:
    """Whether a line ends as a form or report title does: it opens no row and
    continues none."""
    return _TITLE_END.search(text) is not None


CONTINUING_MARKS = frozenset("，,、：:；;（(《“‘")
"""Marks a cell never ends with: text that stops on one goes on in the next line."""
_MID_TEXT = CONTINUING_MARKS | {"%", "％"}
