"""Indicator rows under the 一级指标 / 二级指标 / 三级指标 … headings.

An indicator row has the cells of its table's columns after the 一级/二级 labels
(三级指标, 预期指标值, then 指标完成值 and 指标完成率 on a 绩效监控表, or 实际完成值,
分值, 得分, 偏差原因 on a 绩效自评表). The 一级/二级 labels of merged cells are
printed once, often on their own lines before the first row of their group
(``项目完成`` / ``数量指标`` / ``参保缴费人数 ≥14333人 14854 52%``): they are put in
front of the next indicator row, as a TSV row of the same table would have them.

Lines are gathered into a row until the row is complete:

- on a table with a 指标完成率 (or 得分) column, the row closes at a line ending
  with such a value (``52%``, ``/``, ``未达监控节点``; a number for 得分) once it has
  enough cells, unless the next line holds only values that still fit
  (``基金使用符合政策规定 100% 100%`` / ``50%``);
- on a table without one (绩效目标表), the row closes when it has all its cells,
  unless the next line is a short fragment continuing its last cell;
- a line starting with a 一级/二级 label always starts a new row; so does a line
  that is a row by itself (two or more cells, ending with the closing value)
  when the row gathered so far is already several cells.

The row's fragments are then merged into its columns by :func:`.cells.partition`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jixiao.ingest.wrapped import labels, shapes
from jixiao.ingest.wrapped.cells import MUST, NEVER, Cell, join_cost, join_texts, partition
from jixiao.ingest.wrapped.labels import Label
from jixiao.ingest.wrapped.pieces import Line, Piece
from jixiao.ingest.wrapped.structure import stops_region

_LEVEL_ROLES = frozenset({"level1", "level2"})
_CLOSING_ROLES = ("completion", "score")
_MAX_LEVELS = 2
_CONTINUE_SLACK = 3
_ORPHAN_WIDTH = 12  # half-width units of a wrapped cell's last line printed after its row


@dataclass(frozen=True, slots=True)
class IndicatorLayout:
    """The columns of an indicator row after its 一级/二级 labels."""

    columns: int
    close_at: int | None  # the column whose value closes a row (指标完成率 or 得分)
    close_role: str | None

    @classmethod
    def from_roles(cls, roles: list[str]) -> IndicatorLayout:
        tail: list[str] = []
        for role in roles:
            if role in _LEVEL_ROLES or role in labels.GOAL_ROLES:
                continue
            if tail and tail[-1] == role:  # 指标值（包含数字及文字描述） over 预期指标值
                continue
            tail.append(role)
        if not tail:
            return cls.default()
        close_at: int | None = None
        close_role: str | None = None
        for index, role in enumerate(tail):
            if role in _CLOSING_ROLES:
                close_at, close_role = index, role
        return cls(len(tail), close_at, close_role)

    @classmethod
    def default(cls) -> IndicatorLayout:
        """三级指标, 预期指标值, 指标完成值, 指标完成率 (a 绩效监控表)."""
        return cls(4, 3, "completion")

    def closes(self, text: str) -> bool:
        if self.close_role == "score":
            return shapes.is_number(text)
        return shapes.is_closer(text)


@dataclass
class _Gathered:
    """The fragments of the row being gathered."""

    levels: list[Piece] = field(default_factory=list)
    data: list[Piece] = field(default_factory=list)
    units: list[Cell] = field(default_factory=list)  # data grouped where certainly one cell
    splits: int = 0  # breaks between units that cannot be joined

    def add(self, piece: Piece) -> None:
        self.data.append(piece)
        if self.units:
            cost = join_cost(self.units[-1].last, piece)
            if cost == MUST:
                self.units[-1].add(piece)
                return
            if cost == NEVER:
                self.splits += 1
        self.units.append(Cell([piece]))

    def cells(self, layout: IndicatorLayout) -> tuple[list[str], int] | None:
        texts = [p.text for p in self.levels]
        if self.data:
            texts += [c.text for c in partition(self.units, self.columns(layout))]
        if not texts:
            return None
        first = self.levels[0] if self.levels else self.data[0]
        return texts, first.line.number

    def columns(self, layout: IndicatorLayout) -> int:
        """The row's columns: those after the closing value (偏差原因) may be left out."""
        if layout.close_at is None:
            return layout.columns
        closing = [i for i, unit in enumerate(self.units) if layout.closes(unit.text)]
        if not closing:
            return layout.columns
        after = len(self.units) - 1 - closing[-1]
        return min(layout.columns, layout.close_at + 1 + after)


def read_indicator_rows(
    lines: list[Line], i: int, layout: IndicatorLayout
) -> tuple[list[tuple[list[str], int]], int]:
    """Indicator rows from line ``i`` on, and the index of the first line after them."""
    rows: list[tuple[list[str], int]] = []
    row = _Gathered()
    side: list[tuple[list[str], int]] = []  # headings over the block, printed mid-table

    def finish() -> None:
        nonlocal row
        if not (rows and _joins_row_above(row, rows[-1][0], layout)):
            cells = row.cells(layout)
            if cells is not None:
                rows.append(cells)
        rows.extend(side)
        side.clear()
        row = _Gathered()

    while i < len(lines):
        line = lines[i]
        block = _is_block_heading(line.pieces[0])
        if block and len(line.pieces) == 1:
            side.append(([line.text], line.number))
            i += 1
            continue
        if not block and stops_region(line):
            break
        levels = block + _leading_levels(line.pieces[block:])
        if row.data and (levels or _starts_new_row(row, line, layout)):
            finish()
        row.levels.extend(line.pieces[:levels])
        for piece in line.pieces[levels:]:
            row.add(piece)
        i += 1
    finish()
    return rows, i


def _joins_row_above(row: _Gathered, above: list[str], layout: IndicatorLayout) -> bool:
    """A short fragment left alone after a closed row is the end of a wrapped cell
    of that row, printed after the row's values (``… 充分发挥社会保 100.00% 50%`` /
    ``险的职能作用``): it is joined to the row's last text cell (``above`` is changed)."""
    if layout.close_at is None or row.levels or len(row.units) != 1 or not above:
        return False
    text = row.units[0].text
    if (
        _value_like(text)
        or row.units[0].first.width > _ORPHAN_WIDTH
        or not layout.closes(above[-1])
    ):
        return False
    for index in range(len(above) - 1, -1, -1):
        if not _value_like(above[index]):
            if labels.classify(above[index], line_start=True) is not None:
                return False
            above[index] = join_texts([above[index], text])
            return True
    return False


def _is_block_heading(piece: Piece) -> int:
    """1 for the left-hand heading over the whole indicator block (绩效指标,
    年度绩效指标完成情况) printed inside it, else 0. Standing alone on its line it
    becomes a row of its own after the row being gathered; before a row's cells it
    is that row's first cell, as in a TSV dump."""
    return int(labels.section_kind(piece.text) == "indicators")


def _leading_levels(pieces: list[Piece]) -> int:
    count = 0
    for piece in pieces[:_MAX_LEVELS]:
        if labels.classify(piece.text, line_start=piece.first) is not Label.LEVEL:
            break
        count += 1
    return count


def _starts_new_row(row: _Gathered, line: Line, layout: IndicatorLayout) -> bool:
    count = len(row.units)
    last = row.units[-1].text
    first = line.pieces[0]
    if join_cost(row.data[-1], first) == MUST or _value_like(first.text):
        return False  # rows start with a name, never with a value
    if layout.close_at is None:
        if count >= layout.columns:
            return not _continues_last_cell(row, line)
    elif count >= 2 and layout.closes(last):
        fits = count + len(line.pieces) <= layout.columns
        return not (fits and all(_value_like(p.text) for p in line.pieces))
    return _is_row_by_itself(line, layout) and row.splits >= 1


def _continues_last_cell(row: _Gathered, line: Line) -> bool:
    """A short fragment under a wrapped last cell of a table without a closing column."""
    if len(line.pieces) != 1:
        return False
    last, piece = row.data[-1], line.pieces[0]
    return (
        last.last
        and not shapes.is_value(piece.text)
        and not shapes.ends_sentence(last.text)
        and piece.width <= last.width + _CONTINUE_SLACK
    )


def _value_like(text: str) -> bool:
    return shapes.is_value(text) or shapes.is_closer(text) or shapes.is_closer_prefix(text)


def _is_row_by_itself(line: Line, layout: IndicatorLayout) -> bool:
    pieces = line.pieces
    if len(pieces) < 2:
        return False
    head = pieces[0].text
    if _value_like(head) or not shapes.has_cjk(head) or shapes.starts_continuation(head):
        return False
    if layout.close_at is None:
        return len(pieces) >= layout.columns
    return layout.closes(pieces[-1].text) or len(pieces) >= layout.columns - 1
