"""pdfminer / pdftotext style text → rows of cells (ingest-notes.md §1.1, style b).

pdfminer.six ``extract_text()`` prints the cells of a table row on one line
separated by spaces, a wrapped cell's further lines after it (often after a
blank line that ends a text box), and the labels of merged cells on lines of
their own. :func:`read_wrapped_rows` puts the rows back together: wrapped
labels and values are rejoined, glued cells split, indicator rows rebuilt with
their 一级/二级 labels in front, the goal and progress paragraphs split.
``pdftotext -raw`` and pdfplumber's ``extract_text`` give the same style when
they keep a row's cells together; text that interleaves the lines of several
cells (reading-order ``pdftotext``) cannot be rebuilt this way.

Rows: ``style="wrapped"`` for table rows, ``style="text"`` for running text
(titles, ``填报单位…``, narrative: one row per source line). A table row holds its
cells in the order of the table's columns, like the non-empty cells of the same
row in a TSV dump:

- a section heading standing alone (``一、基本情况``) and 一级/二级 labels standing
  alone (``项目完成`` / ``数量指标``) are the first cells of the row below them; a
  一级/二级 label with no row below it is a row of its own;
- headings printed over two rows (指标值（包含数字及文字描述） over 预期指标值 and
  指标完成值) make one heading row;
- a percentage printed before a row's first label (``50%其中：财政资``, the
  预算执行率 of a merged cell) is that row's last cell; one printed on a line of
  its own is the last cell of the row above;
- the goal stretch gives ``[goal, progress, 总体完成率]`` (only the cells printed);
  a 绩效目标表's ``项目总体目标`` gives ``[项目总体目标, goal]``.

``Row.line`` is the source line where the row starts; ``Row.table`` numbers the
tables from 1 (0 for running text).
"""

from __future__ import annotations

from jixiao.ingest.rows import Row
from jixiao.ingest.text import normalize_chars
from jixiao.ingest.wrapped.detect import looks_structured, wrapped_evidence
from jixiao.ingest.wrapped.pieces import read_lines
from jixiao.ingest.wrapped.prepare import rejoin_labels
from jixiao.ingest.wrapped.reader import Reader

__all__ = ["is_wrapped_text", "read_wrapped_rows"]


def _normalized(text: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\f" in text or "\v" in text:  # page breaks: as :func:`jixiao.ingest.grid.read_rows`
        text = text.replace("\f", " ").replace("\v", " ")
    return normalize_chars(text)


def is_wrapped_text(text: str) -> bool:
    """Whether ``text`` is a form extracted in the pdfminer / pdftotext style."""
    if looks_structured(text):
        return False
    return wrapped_evidence(_normalized(text))


def read_wrapped_rows(text: str) -> list[Row]:
    """The rows of a pdfminer / pdftotext style document, in order."""
    lines = rejoin_labels(read_lines(_normalized(text)))
    rows = Reader(lines).read()
    # A label line the reader held back for the row below it can come out after
    # that row when the row never claims it; rows keep source order regardless.
    rows.sort(key=lambda row: row.line)
    return rows
