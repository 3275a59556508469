"""预算执行情况 / 项目资金: the budget block of a project table.

Two layouts occur:

- **pairs** (监控表, old 自评表, 目标表): each label is followed by its value,
  ``预算数:｜2889.39｜到位数:｜2889.39｜执行数:｜1445.00``; a source line
  (``其中:财政资金｜2889.39｜其中:财政资金｜…``) gives, by order, the line of each
  amount named before (预算数, 到位数, 执行数).
- **matrix** (scored 自评表): a heading row ``年初预算数｜全年预算数｜全年执行数｜分值｜
  执行率｜得分`` and one row per source line (``年度资金总额｜11110.26｜…``); values
  are placed under their heading by column when the columns agree, else in order.

A percentage that belongs to no label is the printed 预算执行率.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.ingest.memo import text_memo
from jixiao.ingest.project.cells import (
    Cell,
    Look,
    leading_percent,
    make_cell,
    parse_number,
    parse_percent,
)
from jixiao.ingest.project.labels import (
    amount_member,
    amount_of,
    budget_score_member,
    budget_score_of,
    line_member,
)
from jixiao.records import Amount, Budget

Line = list[Cell]
_VALUE_LOOKS = (Look.NUMBER, Look.DASH)
_MATRIX_LOOKS = (Look.NUMBER, Look.DASH, Look.PERCENT)
_AMOUNTS = ("planned", "initial", "available", "executed")
_MAX_MATRIX_COLUMNS = 10  # bounds the placement search of a line that lost blank cells


@dataclass
class _Column:
    member: str  # an amount (planned …) or weight / score / rate
    pos: int | None


@dataclass
class _State:
    columns: list[_Column] = field(default_factory=list)
    order: list[str] = field(default_factory=list)
    lines: dict[str, dict[str, Decimal | None]] = field(default_factory=dict)
    rate: Decimal | None = None
    weight: Decimal | None = None
    score: Decimal | None = None

    def put(self, member: str, line: str, value: Decimal | None) -> None:
        amount = self.lines.setdefault(member, {})
        if amount.get(line) is None:
            amount[line] = value

    def budget(self) -> Budget:
        amounts = {
            member: Amount(**self.lines[member]) if member in self.lines else None
            for member in _AMOUNTS
        }
        return Budget(
            planned=amounts["planned"],
            initial=amounts["initial"],
            available=amounts["available"],
            executed=amounts["executed"],
            execution_rate_pct=self.rate,
            weight=self.weight,
            score=self.score,
        )


def read_budget(lines: list[Line]) -> Budget:
    """Read the budget block (the lines between the header and the goal texts).

    Consecutive one-cell lines (one cell per line text) are read as one line.
    """
    state = _State()
    for line in _join_streams(lines):
        _read_line(state, _split_glued(line))
    return state.budget()


def _join_streams(lines: list[Line]) -> list[Line]:
    out: list[Line] = []
    joining = False
    for line in lines:
        if len(line) == 1 and joining:
            out[-1] = out[-1] + line
        else:
            out.append(list(line))
            joining = len(line) == 1
    return out


def _is_heading(cell: Cell) -> bool:
    """An amount or 分值/得分/执行率 label (asked of each cell several times a line)."""
    return _is_heading_key(cell.key)


@text_memo()
def _is_heading_key(key: str) -> bool:
    return bool(amount_of(key) or budget_score_of(key))


def _read_line(state: _State, line: Line) -> None:
    """Heading runs (two or more column labels in a row), matrix rows (a source-line
    label followed by its values) and label–value pairs, left to right."""
    counts: dict[str, int] = {}
    index = 0
    unlabelled = 0  # where values with no label of their own may start a total line
    while index < len(line):
        cell = line[index]
        if _heading_at(line, index) and _heading_at(line, index + 1):
            end = index
            while _heading_at(line, end):
                end += 1
            if end < len(line) and _is_heading(line[end]) and _values_from(line, end + 1) >= 2:
                end += 1  # one cell per line: the last heading is followed by the values
            _read_headings(state, line[index:end])
            index = unlabelled = end
            continue
        if index == unlabelled and cell.look is Look.TEXT and not _is_label(cell):
            unlabelled += 1  # a section title (基金预算执行情况) repeated into this row
        if line_member(cell):
            end = _segment_end(line, index)
            if _is_matrix_row(state, line[index + 1 : end]):
                _read_matrix_row(state, line_member(cell) or "total", line[index + 1 : end])
                index = end
                continue
        elif index == unlabelled and cell.look in _MATRIX_LOOKS:
            end = _segment_end(line, index)
            if _is_matrix_row(state, line[:end]):
                # values under the heading row with no line label: the one total line
                _read_matrix_row(state, "total", line[:end])
                index = end
                continue
        index = _read_pair(state, line, index, counts)


def _values_from(line: Line, index: int) -> int:
    """How many value cells follow one another from ``index``."""
    end = index
    while end < len(line) and line[end].look in _MATRIX_LOOKS:
        end += 1
    return end - index


def _is_label(cell: Cell) -> bool:
    return bool(_is_heading(cell) or line_member(cell))


def _heading_at(line: Line, index: int) -> bool:
    """A column heading: a budget label not followed by its own value."""
    if index >= len(line) or not (_is_heading(line[index]) or _annual_heading_at(line, index)):
        return False
    return index + 1 >= len(line) or line[index + 1].look not in _VALUE_LOOKS


def _annual_heading_at(line: Line, index: int) -> bool:
    """年度资金总额 printed as the heading of the year's column beside a medium-term
    one (目标申报表: ``中期资金总额｜年度资金总额`` over 资金总额/财政拨款/… rows); elsewhere
    it labels the total line."""
    return (
        index > 0
        and line_member(line[index]) == "total"
        and amount_member(line[index - 1]) == "forecast"
    )


def _segment_end(line: Line, index: int) -> int:
    """The end of the values that follow the label at ``index`` (the next label)."""
    end = index + 1
    while end < len(line) and not (line_member(line[end]) or _is_heading(line[end])):
        end += 1
    return end


def _split_glued(line: Line) -> Line:
    """Split a percentage glued in front of a label (``50%其中：财政资金``)."""
    out: Line = []
    for cell in line:
        glued = leading_percent(cell.text) if cell.look is not Look.PERCENT else None
        rest = make_cell(glued[1], cell.pos, cell.line) if glued else None
        if glued and rest is not None and (line_member(rest) or _is_heading(rest)):
            out.append(make_cell(f"{glued[0]}%", cell.pos, cell.line))
            out.append(rest)
        else:
            out.append(cell)
    return out


def _read_headings(state: _State, headings: list[Cell]) -> None:
    state.columns = []
    for index, cell in enumerate(headings):
        member = amount_member(cell) or budget_score_member(cell)
        if member is None and _annual_heading_at(headings, index):
            member = "planned"
        if member is None:
            continue
        state.columns.append(_Column(member, cell.pos))
        if member in _AMOUNTS and member not in state.order:
            state.order.append(member)


def _is_matrix_row(state: _State, values: Line) -> bool:
    """Two or more values under a heading row of two or more columns."""
    if len(state.columns) < 2:
        return False
    return sum(c.look in _MATRIX_LOOKS for c in values) >= 2


def _read_matrix_row(state: _State, line_name: str, cells: Line) -> None:
    values = [c for c in cells if c.look in _MATRIX_LOOKS]
    placed = _by_position(state.columns, values)
    if placed is None:
        placed = _by_look(state.columns, values, line_name == "total")
    for column, cell in placed:
        if column.member in _AMOUNTS:
            state.put(column.member, line_name, parse_number(cell.text))
        elif line_name == "total":
            _put_score(state, column.member, cell)


def _by_position(columns: list[_Column], values: list[Cell]) -> list[tuple[_Column, Cell]] | None:
    """Values matched to headings by column, when every value sits under one."""
    at = {c.pos: c for c in columns if c.pos is not None}
    if len(at) != len(columns):
        return None
    placed: list[tuple[_Column, Cell]] = []
    for cell in values:
        column = at.get(cell.pos) if cell.pos is not None else None
        if column is None:
            return None
        placed.append((column, cell))
    return placed


def _by_look(columns: list[_Column], values: list[Cell], total: bool) -> list[tuple[_Column, Cell]]:
    """Values matched to headings in order when blank cells were lost (one cell per
    line): a percentage goes under 执行率, a number under an amount (under 分值/得分
    only on the 年度资金总额 line); among equal choices the blank is an earlier
    column (a 上年结转 line has no 年初预算数)."""
    if len(values) >= len(columns) or len(columns) > _MAX_MATRIX_COLUMNS:
        return list(zip(columns, values, strict=False))
    best: tuple[float, tuple[int, ...]] | None = None
    for chosen in itertools.combinations(range(len(columns)), len(values)):
        score = sum(
            _budget_fit(columns[c].member, cell.look, total)
            for c, cell in zip(chosen, values, strict=True)
        )
        if best is None or score >= best[0]:
            best = (score, chosen)
    assert best is not None
    return [(columns[c], cell) for c, cell in zip(best[1], values, strict=True)]


def _budget_fit(member: str, look: Look, total: bool) -> float:
    if look is Look.DASH:
        return 1.0
    if member == "rate":
        return 3.0 if look is Look.PERCENT else -1.0
    if look is Look.PERCENT:
        return -3.0
    if member in ("weight", "score") and not total:
        return -1.0
    return 2.0


def _put_score(state: _State, member: str, cell: Cell) -> None:
    if member == "rate":
        if state.rate is None:
            state.rate = parse_percent(cell.text)
    elif member == "weight":
        if state.weight is None:
            state.weight = parse_number(cell.text)
    elif member == "score" and state.score is None:
        state.score = parse_number(cell.text)


def _read_pair(state: _State, line: Line, index: int, counts: dict[str, int]) -> int:
    """Read the label at ``index`` with the value after it; returns the next index.

    The k-th 其中:财政资金 (or any source line) of a line belongs to the k-th amount."""
    cell = line[index]
    value_cell = line[index + 1] if index + 1 < len(line) else None
    has_value = value_cell is not None and value_cell.look in _VALUE_LOOKS
    value = parse_number(value_cell.text) if value_cell is not None and has_value else None
    after = index + 2 if has_value else index + 1
    member = amount_member(cell)
    if member is not None:
        if member not in state.order:
            state.order.append(member)
        if has_value:
            # 预算数: 2889.39 — the pairs layout: headings above were group titles
            state.columns = []
            state.put(member, "total", value)
        return after
    source = line_member(cell)
    if source is not None:
        occurrence = counts.get(source, 0)
        counts[source] = occurrence + 1
        state.put(_amount_for(state, occurrence), source, value)
        return after
    score = budget_score_member(cell)
    if score is not None and value_cell is not None and value_cell.look is not Look.TEXT:
        _put_score(state, score, value_cell)
        return index + 2
    if cell.look is Look.PERCENT and state.rate is None:
        state.rate = parse_percent(cell.text)
    return index + 1


def _amount_for(state: _State, index: int) -> str:
    amounts = [m for m in state.order if m in _AMOUNTS]
    if not amounts:
        return "planned"
    return amounts[index] if index < len(amounts) else amounts[0]
