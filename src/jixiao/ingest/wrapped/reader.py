"""Rows of a pdfminer / pdftotext style document.

The document is read top to bottom in these kinds of stretches:

- **running text** (titles, ``填报单位…  金额单位：万元``, narrative): one text row per line;
- **label rows** (基本情况, 预算执行情况, 偏差, 总分): a row opens at a label that
  starts a line, unless that label stands to the right of the row's first one
  (项目周期, 监控时点, 到位数, 执行数, a repeated 其中：财政资金); a section heading
  standing alone (``一、基本情况``) becomes the first cell of the row after it; a
  value's wrapped lines join it; a percentage printed before a row's first label
  (``50%其中：财政资金``, the 预算执行率 of a merged cell) moves to the row's end;
- **goal paragraphs** under 年度预期目标 / 目前完成情况 / 总体完成率: one row
  ``[goal, progress, overall%]`` (:mod:`.paragraphs`);
- **indicator rows** under 一级指标 … (:mod:`.indicators`);
- **ledger rows** of 决算 tables (``一、企业职工基本养老保险基金收入 15,390.47``),
  with label-only lines between them and the heading line above them.

A table ends at a footer (填报人, 联系电话 …), a title (…表), ``附件1:``, a
``金额单位`` line, or prose after its last value. Rows of one table share a
:attr:`Row.table` number; running text has table 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from jixiao.ingest.rows import Row
from jixiao.ingest.wrapped import labels, shapes
from jixiao.ingest.wrapped.cells import MUST, NEVER, Cell, join_cost, join_texts
from jixiao.ingest.wrapped.indicators import IndicatorLayout, read_indicator_rows
from jixiao.ingest.wrapped.labels import Label
from jixiao.ingest.wrapped.paragraphs import read_goal_row
from jixiao.ingest.wrapped.pieces import Line, Piece
from jixiao.ingest.wrapped.structure import ends_table, header_kind, heading_lines, is_page_text

_OPENER_LOOKAHEAD = 4
_TABLE_LABELS = (Label.FIELD, Label.COLUMN, Label.LEVEL)
_MAX_LEDGER_LABEL = 40
_MAX_WRAPPED_LEDGER_TAIL = 8
_LEDGER_LOOKAHEAD = 12  # label-only lines a ledger may hold before its next amounts


@dataclass
class _LabelRow:
    """A row of a label stretch being built."""

    cells: list[Cell] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)  # "section", "label" or "value"
    deferred: list[Piece] = field(default_factory=list)  # values that go at the row's end

    def add(self, piece: Piece, kind: str) -> None:
        self.cells.append(Cell([piece]))
        self.kinds.append(kind)

    @property
    def only_section(self) -> bool:
        return bool(self.kinds) and all(k == "section" for k in self.kinds)

    @property
    def all_labels(self) -> bool:
        return bool(self.kinds) and all(k != "value" for k in self.kinds)

    def label_keys(self) -> list[str]:
        return [
            labels.key(c.text) for c, k in zip(self.cells, self.kinds, strict=True) if k == "label"
        ]

    def texts(self) -> list[str]:
        return [c.text for c in self.cells] + [p.text for p in self.deferred]

    def line(self) -> int:
        return (self.cells[0].first if self.cells else self.deferred[0]).line.number


class Reader:
    """Reads the lines of one document into rows."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.i = 0
        self.rows: list[Row] = []
        self.table = 0
        self.layout: IndicatorLayout | None = None

    def emit(self, cells: list[str], line: int) -> Row | None:
        cells = [c for c in cells if c.strip()]
        if not cells:
            return None
        row = Row(cells=cells, line=line, style="wrapped", table=self.table)
        self.rows.append(row)
        return row

    def emit_text(self, line: Line) -> None:
        self.rows.append(Row(cells=[line.text], line=line.number, style="text"))

    def read(self) -> list[Row]:
        while self.i < len(self.lines):
            if self.opens_table(self.i):
                self.table += 1
                self.read_table()
            elif is_ledger_line(self.lines[self.i]):
                self.table += 1
                self.read_ledger()
            else:
                self.emit_text(self.lines[self.i])
                self.i += 1
        return self.rows

    def opens_table(self, i: int) -> bool:
        """A line that starts a form table: a known section, field label or column
        heading first, with another label on it or close below (so that a report's
        heading ``一、基本情况`` followed by prose stays text)."""
        line = self.lines[i]
        if ends_table(line):
            return False
        first = line.pieces[0]
        kind = labels.classify(first.text, line_start=True)
        if kind is None or kind is Label.FOOTER:
            return False
        if kind is Label.SECTION and not labels.is_complete(first.text):
            return False
        for later in self.lines[i : i + _OPENER_LOOKAHEAD + 1]:
            if "。" in later.text:
                continue  # prose that mentions a label (预算数 11431.62 万元。)
            for piece in later.pieces:
                if (
                    piece is not first
                    and labels.classify(piece.text, line_start=piece.first) in _TABLE_LABELS
                ):
                    return True
        return False

    # -- a form table -------------------------------------------------------

    def read_table(self) -> None:
        row = _LabelRow()
        while self.i < len(self.lines):
            line = self.lines[self.i]
            if ends_table(line):
                break
            kind = header_kind(line)
            if (
                kind is None
                and self.layout is not None
                and not row.cells
                and _starts_with_level(line)
            ):
                kind = "indicators"
            if kind is not None:
                prefix = [c.text for c in row.cells] if row.only_section else []
                start = row.line() if prefix else line.number
                if not prefix:
                    self.flush(row)
                row = _LabelRow()
                before = self.i
                if kind == "goal":
                    self.read_goal(prefix, start)
                else:
                    self.read_indicators(prefix, start)
                if self.i > before:
                    continue
            if _leaves_table(line, row):
                break
            self.label_line(line, row)
            self.i += 1
        self.flush(row)

    def flush(self, row: _LabelRow) -> None:
        if row.cells or row.deferred:
            self.emit(row.texts(), row.line())
        row.cells, row.kinds, row.deferred = [], [], []

    def label_line(self, line: Line, row: _LabelRow) -> None:
        """Add one line of a label stretch to ``row``, flushing the rows it closes."""
        pieces = line.pieces
        lead = _leading_percents(pieces)
        if lead and self.opens_row(pieces[lead], row):
            self.flush(row)
            row.deferred = list(pieces[:lead])
            pieces = pieces[lead:]
        for index, piece in enumerate(pieces):
            at_start = index == 0
            kind = labels.classify(piece.text, line_start=piece.first)
            if kind is Label.SECTION:
                if row.cells:
                    self.flush(row)
                row.add(piece, "section")
            elif kind is not None:
                if at_start and self.opens_row(piece, row):
                    self.flush(row)
                row.add(piece, "label")
            elif (
                at_start and row.cells and row.kinds[-1] == "value" and _wraps(row.cells[-1], piece)
            ):
                row.cells[-1].add(piece)
            else:
                row.add(piece, "value")

    @staticmethod
    def opens_row(piece: Piece, row: _LabelRow) -> bool:
        """Whether a label at a line start opens a new row rather than going on with ``row``."""
        kind = labels.classify(piece.text, line_start=True)
        if kind is Label.SECTION:
            return bool(row.cells)
        if kind is None or not row.cells or row.only_section:
            return False
        k = labels.key(piece.text)
        keys = row.label_keys()
        if (keys and k == keys[0]) or k in labels.RIGHT_KEYS:
            return False
        return not (row.all_labels and kind is Label.COLUMN)

    def read_goal(self, prefix: list[str], start: int) -> None:
        """The goal headings' row, then the goal row. A table with one goal column
        (项目总体目标 on a 绩效目标表) prints the goal beside its label: one row."""
        taken, heads, roles, rest = heading_lines(self.lines, self.i)
        self.i += taken + (1 if rest else 0)
        headings = prefix + [p.text for p in heads]
        found, self.i = read_goal_row(self.lines, self.i, roles, rest)
        if set(roles) == {"goal"} and found is not None:
            self.emit(headings + found[0], start)
            return
        self.emit(headings, start)
        if found is not None:
            self.emit(*found)

    def read_indicators(self, prefix: list[str], start: int) -> None:
        if header_kind(self.lines[self.i]) == "indicators":
            taken, heads, roles, rest = heading_lines(self.lines, self.i)
            self.emit(prefix + [p.text for p in heads], start)
            self.layout = IndicatorLayout.from_roles(roles)
            self.i += taken
            if rest:  # data printed on the line of the last heading
                self.lines[self.i].set_pieces(rest)
        elif prefix:
            self.emit(prefix, start)
        found, self.i = read_indicator_rows(
            self.lines, self.i, self.layout or IndicatorLayout.default()
        )
        for cells, number in found:
            self.emit(cells, number)

    # -- 决算 tables ----------------------------------------------------------

    def read_ledger(self) -> None:
        """Consecutive ``label number…`` lines, with label-only lines between them."""
        heading = self._ledger_heading()
        first_row = len(self.rows)
        endings: set[str] = set()  # how the ledger's labels end (收入, 支出, 结余 …)
        while self.i < len(self.lines):
            line = self.lines[self.i]
            if is_ledger_line(line):
                self._ledger_row(line)
            elif self._ledger_label(self.i) or (
                _ledger_label_line(line) and _label_ending(line.text) in endings
            ):
                self.emit([line.text], line.number)
            else:
                break
            endings.add(_label_ending(line.pieces[0].text))
            self.i += 1
        if heading is not None and len(self.rows) > first_row:
            line, row = heading
            row.style = "wrapped"
            row.table = self.table
            row.cells = [p.text for p in line.pieces]

    def _ledger_heading(self) -> tuple[Line, Row] | None:
        """The text line just above a ledger when it reads as its heading (``项目 2020年决算数``)."""
        if not self.rows or self.i == 0:
            return None
        prev, row = self.lines[self.i - 1], self.rows[-1]
        if (
            row.style != "text"
            or row.line != prev.number
            or len(prev.pieces) < 2
            or is_page_text(prev)
        ):
            return None
        if any(shapes.ends_sentence(p.text) or shapes.is_number(p.text) for p in prev.pieces):
            return None
        return prev, row

    def _ledger_row(self, line: Line) -> None:
        """A ``label values…`` row; the end of a label wrapped from the line above joins it."""
        first = line.pieces[0]
        prev = self.rows[-1] if self.rows else None
        above = self.lines[self.i - 1] if self.i > 0 else None
        if (
            prev is not None
            and above is not None
            and prev.style == "wrapped"
            and prev.table == self.table
            and len(prev.cells) == 1
            and prev.line == above.number
        ):
            cost = join_cost(above.pieces[-1], first)
            if cost == MUST or (cost != NEVER and first.width <= _MAX_WRAPPED_LEDGER_TAIL):
                prev.cells = [join_texts([prev.cells[0], first.text])] + [
                    p.text for p in line.pieces[1:]
                ]
                return
        self.emit([p.text for p in line.pieces], line.number)

    def _ledger_label(self, i: int) -> bool:
        """A label-only line among ledger rows (a fund with blank amounts, a wrapped
        label): label-only lines up to the next ``label number`` line belong to the ledger."""
        for later in self.lines[i : i + _LEDGER_LOOKAHEAD]:
            if is_ledger_line(later):
                return later is not self.lines[i]
            if not _ledger_label_line(later):
                return False
        return False


def is_ledger_line(line: Line) -> bool:
    """``label number…`` (``一、企业职工基本养老保险基金收入 15,390.47``)."""
    pieces = line.pieces
    return len(pieces) >= 2 and is_ledger_cells([p.text for p in pieces])


def is_ledger_cells(texts: Sequence[str]) -> bool:
    """:func:`is_ledger_line` on the texts of a line's pieces."""
    if len(texts) < 2:
        return False
    head = texts[0]
    if not shapes.has_cjk(head) or shapes.is_value(head) or shapes.ends_sentence(head):
        return False
    values = texts[1:]
    return all(shapes.is_value(t) for t in values) and any(
        shapes.is_number(t) or shapes.is_percent(t) for t in values
    )


def _label_ending(text: str) -> str:
    """The last two characters of a ledger label (``…基金收入`` → ``收入``)."""
    return labels.key(text)[-2:]


def _ledger_label_line(line: Line) -> bool:
    """A line that can be a ledger row with blank amounts: one short label."""
    text = line.text
    return (
        len(line.pieces) == 1
        and not ends_table(line)
        and not shapes.ends_sentence(text)
        and shapes.has_cjk(text)
        and len(text) <= _MAX_LEDGER_LABEL
    )


def _starts_with_level(line: Line) -> bool:
    return labels.classify(line.pieces[0].text, line_start=True) is Label.LEVEL


def _leaves_table(line: Line, row: _LabelRow) -> bool:
    """Prose after a row whose last cell is a value: the table has ended."""
    if not row.cells or row.kinds[-1] != "value" or len(row.cells) < 2:
        return False
    first = line.pieces[0]
    if labels.classify(first.text, line_start=True) is not None:
        return False
    return (
        row.cells[-1].is_value
        and not shapes.is_value(first.text)
        and not shapes.starts_continuation(first.text)
        and shapes.ends_sentence(line.text)
    )


def _leading_percents(pieces: list[Piece]) -> int:
    """How many percentages open a line before its first label (0 if none, or no label)."""
    for index, piece in enumerate(pieces):
        if labels.classify(piece.text, line_start=piece.first) is not None:
            return index
        if not shapes.is_percent(piece.text):
            return 0
    return 0


def _wraps(cell: Cell, piece: Piece) -> bool:
    """Whether a line starting with ``piece`` continues the value ``cell`` of a label row."""
    if cell.is_value:
        return shapes.is_unit(piece.text)
    return not shapes.is_value(piece.text)
