"""Text styles → rows of cells: the entry point :func:`read_rows`.

One document may mix the styles that extraction tools produce (ingest-notes §1):
tab-separated rows, markdown pipe tables, HTML ``<table>`` with spans, markdown
headings and running text, one cell per line. Each line (or HTML table) is read
by its style's reader in :mod:`jixiao.ingest.styles`. pdfminer-style wrapped
text is recognised as a whole and read by :mod:`jixiao.ingest.wrapped`.
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Callable
from types import ModuleType

from jixiao.ingest.rows import Row
from jixiao.ingest.styles.html_table import read_html_table
from jixiao.ingest.styles.lines import text_row, text_rows
from jixiao.ingest.styles.markdown import is_delimiter_row, is_pipe_row, split_pipe_row
from jixiao.ingest.styles.tsv import (
    CONTINUING_MARKS,
    broken_row_end,
    ends_inside_text,
    is_title_line,
    is_tsv_line,
    read_tsv_line,
    table_widths,
)
from jixiao.ingest.text import MARKUP_MARKS, any_filled

_TABLE_TAG = re.compile(r"<(/?)table(?=[\s>/])", re.I)
# A line of running text without markup (no heading ``#``, no bold ``_``/``*``, tags,
# LaTeX, entities or invisible characters): :func:`text_rows` gives it as it stands.
_MARKUP = re.compile(f"[{MARKUP_MARKS}]")
_MARKDOWN_STARTS = "#_"
_MARKUP_SCAN = 256  # characters looked through for markup at a time
_WRAPPED_MODULE = "jixiao.ingest.wrapped"
# How far a ``$$`` line looks for its closing ``$$`` (display math is a few lines).
_DISPLAY_MATH_LINES = 40


@functools.cache
def _wrapped_module() -> ModuleType | None:
    """The wrapped-text reader if it is installed; only its absence is tolerated.

    A directory without ``__init__.py`` (a namespace package, work in progress)
    counts as absent.
    """
    try:
        module = importlib.import_module(_WRAPPED_MODULE)
    except ModuleNotFoundError as error:
        if error.name != _WRAPPED_MODULE:
            raise
        return None
    return module if getattr(module, "__file__", None) is not None else None


def normalize_newlines(text: str) -> str:
    """BOM dropped, CRLF → LF, old-Mac CR-only files → LF, stray CR and page breaks → space."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n")
        text = text.replace("\r", " " if "\n" in text else "\n")
    if "\f" in text or "\v" in text:
        text = text.replace("\f", " ").replace("\v", " ")
    return text


def read_rows(text: str) -> list[Row]:
    """Split a document's text into rows; blank lines and blank rows are dropped."""
    module = _wrapped_module()
    if module is not None:
        is_wrapped: Callable[[str], bool] = module.is_wrapped_text
        if is_wrapped(text):
            read_wrapped: Callable[[str], list[Row]] = module.read_wrapped_rows
            return read_wrapped(text)
    text = normalize_newlines(text)
    reader = _DocumentReader()
    pos = 0
    line = 1
    while True:
        start = _next_table(text, pos)
        if start < 0:
            reader.read_lines(text[pos:], line)
            break
        reader.read_lines(text[pos:start], line)
        line += text.count("\n", pos, start)
        end = _table_end(text, start)
        reader.read_table(text[start:end], line)
        line += text.count("\n", start, end)
        pos = end
    return reader.rows


def _markup_free_until(text: str, start: int, end: int) -> int:
    """Index of the first markup character in ``text[start:end]``; ``end`` if none."""
    found = _MARKUP.search(text, start, end)
    return end if found is None else found.start()


def _is_delimiter_at(lines: list[str], index: int) -> bool:
    """Whether ``lines[index]`` is a markdown delimiter row (``|---|``); ``False`` past the end."""
    return index < len(lines) and is_delimiter_row(lines[index].strip())


def _next_table(text: str, pos: int) -> int:
    """Index of the next ``<table`` opening tag at or after ``pos``; -1 if none."""
    if "<" not in text:
        return -1
    for match in _TABLE_TAG.finditer(text, pos):
        if not match.group(1):
            return match.start()
    return -1


def _table_end(text: str, start: int) -> int:
    """Index just after the ``</table>`` closing the table at ``start``; the end if unclosed."""
    depth = 0
    for match in _TABLE_TAG.finditer(text, start):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            close = text.find(">", match.end())
            return len(text) if close < 0 else close + 1
    return len(text)


class _DocumentReader:
    """Accumulates rows and numbers the tables they belong to."""

    def __init__(self) -> None:
        self.rows: list[Row] = []
        self.tables = 0
        self.open_style: str | None = None  # style of the TSV/markdown table being continued
        self.pipe_table = False  # inside a markdown table (rows without outer bars allowed)
        self.delimiter_seen = False  # its delimiter row was read (a later ``| - |`` is data)

    def add(self, row: Row) -> None:
        if row.style in ("tsv", "markdown"):
            if self.open_style != row.style:
                self.tables += 1
                self.open_style = row.style
            row.table = self.tables
        else:
            self.open_style = None
        self.rows.append(row)

    def _row_opening_at(self, lines: list[str], index: int, text: str) -> int:
        """Where a TSV row ends that opens on the untabbed line ``index`` (pdfplumber:
        ``四、年度绩效指标`` over ``完成情况\t一级指标\t…``): lines that hold exactly the
        tab count of the row above; ``index + 1`` when the line is text of its own (a
        title never opens a row)."""
        if is_title_line(text):
            return index + 1
        return broken_row_end(lines, index, len(self.rows[-1].cells) - 1)

    def _continue_cell(self, text: str) -> bool:
        """Join a line without tabs to the last cell of the TSV row above when that cell
        stops mid-sentence (``…住院人次下降，``): the dumper wrote a line break inside
        the cell as it is. Returns whether the line was taken."""
        row = self.rows[-1]
        cells = row.cells
        last = len(cells) - 1
        while last >= 0 and not cells[last].strip():
            last -= 1
        if last < 0 or cells[last].rstrip()[-1:] not in CONTINUING_MARKS:
            return False
        row.cells = [*cells[:last], f"{cells[last].rstrip()}\n{text}", *cells[last + 1 :]]
        return True

    def read_table(self, source: str, first_line: int) -> None:
        rows = read_html_table(source, first_line, self.tables + 1)
        if any(r.table for r in rows):
            self.tables += 1
        self.rows.extend(rows)
        self.open_style = None
        self.pipe_table = False

    def read_lines(self, segment: str, first_line: int) -> None:
        lines = segment.split("\n")
        rows = self.rows
        resume = 0  # the first line not read yet (display math reads ahead)
        # Markup characters are searched for in stretches of the segment (one regex scan
        # in C each), not line by line: from this line up to ``free_until`` there is none.
        free_until = 0
        end = -1
        widths: list[tuple[int, ...]] | None = None  # tables' widths, found when needed
        for i, raw in enumerate(lines):
            start = end + 1
            end = start + len(raw)
            if i < resume:
                continue
            stripped = raw.strip()
            if not stripped:
                if self.open_style == "markdown":
                    self.open_style = None
                self.pipe_table = False
                continue
            number = first_line + i
            if "|" in stripped and self._read_pipe_line(raw, stripped, lines, i + 1, number):
                continue
            self.pipe_table = False
            if is_tsv_line(raw):
                if ends_inside_text(raw):  # perhaps a row broken over lines
                    if widths is None:
                        widths = table_widths(lines)
                    # as wide as the row above (tables of several widths follow one
                    # another with no gap), else as one of its block's full rows no
                    # wider than that row (a heading row may hold a cell more)
                    above = len(self.rows[-1].cells) - 1 if self.open_style == "tsv" else 0
                    candidates = [w for w in widths[i] if not above or w < above]
                    joined_end = i + 1
                    for width in (above, *candidates):
                        joined_end = broken_row_end(lines, i, width)
                        if joined_end > i + 1:
                            break
                    if joined_end > i + 1:  # line breaks inside its cells: one row
                        raw = "\n".join(lines[i:joined_end])
                        resume = joined_end
                row = read_tsv_line(raw, number)
                if row is not None:
                    self.add(row)
                continue
            if stripped == "$$":
                resume = self._read_display_math(lines, i + 1, number)
                continue
            if free_until < end:
                free_until = _markup_free_until(
                    segment, max(start, free_until), max(end, start + _MARKUP_SCAN)
                )
            if free_until >= end and stripped[0] not in _MARKDOWN_STARTS:
                # a line without markup: what :func:`text_rows` gives for it
                if self.open_style == "tsv":
                    # the first cell of the next row broken over lines (a long section
                    # label in a narrow first column), as wide as the row above
                    joined_end = self._row_opening_at(lines, i, stripped)
                    if joined_end > i + 1:
                        resume = joined_end
                        row = read_tsv_line("\n".join(lines[i:joined_end]), number)
                        if row is not None:
                            self.add(row)
                        continue
                    if self._continue_cell(stripped):
                        continue
                self.open_style = None
                rows.append(Row([stripped], number))
                continue
            for row in text_rows(stripped, number):
                self.add(row)

    def _read_pipe_line(
        self, raw: str, stripped: str, lines: list[str], following: int, number: int
    ) -> bool:
        """Read ``stripped`` as a markdown table line if it is one (a line with tabs is TSV)."""
        if is_tsv_line(raw):
            return False
        # (whether the next line is a delimiter row is looked at only when it matters)
        if is_delimiter_row(stripped) and not (self.pipe_table and self.delimiter_seen):
            if not self.pipe_table and _is_delimiter_at(lines, following):
                pass  # a header row that looks like a delimiter (``| - | - |``)
            else:
                self.pipe_table = True
                self.delimiter_seen = True
                return True
        if not (is_pipe_row(stripped) or self.pipe_table or _is_delimiter_at(lines, following)):
            return False
        if not self.pipe_table:
            self.delimiter_seen = False
        self.pipe_table = True
        cells = split_pipe_row(stripped)
        if any_filled(cells):
            self.add(Row(cells, number, "markdown"))
        return True

    def _read_display_math(self, lines: list[str], following: int, number: int) -> int:
        """A ``$$`` line: one text row for the display math up to the closing ``$$``."""
        last = min(len(lines), following + _DISPLAY_MATH_LINES)
        for j in range(following, last):
            if lines[j].strip() == "$$":
                body = " ".join(line.strip() for line in lines[following:j])
                row = text_row("$$" + body + "$$", number)
                if row is not None:
                    self.add(row)
                return j + 1
        row = text_row("$$", number)
        if row is not None:
            self.add(row)
        return following
