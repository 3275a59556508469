"""Putting wrapped cells back together: which fragments of a row belong to one cell.

A row of a table (say an indicator row with 三级指标, 预期指标值, 指标完成值 and
指标完成率) arrives as fragments. Fragments printed on the same line are different
cells. A line break between two fragments is either a wrap inside one cell or the
boundary between two cells. Some breaks are certain:

- the next line starts with a mark no cell starts with (``、``, ``，``, ``）``), or the
  line ended with one no cell ends with (``（``, ``、``, ``，``): one cell;
- a number followed by a unit alone (``1001.87万`` + ``人次``): one cell;
- the next fragment is a value (``52%``, ``14854``, ``≥95%``) or an indicator label: two cells.

For the rest, when a row has more fragments than its table has columns, the
cheapest way to merge them into that many cells is chosen (:func:`partition`):
a break is cheap to join when the line before it is long and the next line goes
on without a pause, dear when the line before ends a sentence, is very short,
or a blank line (a new pdfminer text box) comes between; and the lines of one
cell except its last all fill the cell's column, so they have about the same
width, and the last is not wider than they are.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise

from jixiao.ingest.wrapped import shapes
from jixiao.ingest.wrapped.pieces import (
    CLOSER_PREFIX,
    COMPLETE,
    ENDS_OPEN,
    ENDS_SENTENCE,
    LEVEL,
    PARTICLE,
    STARTS_CONTINUATION,
    UNIT,
    VALUE,
    Piece,
)

MUST = -1.0  # the fragments are certainly one cell
NEVER = math.inf  # the fragments are certainly two cells
_MAX_DP = 16  # rows with more fragments than this are merged greedily
_WIDTH_SLACK = 3  # half-width units a full line may fall short of its column
_EVEN = 2  # half-width units two full lines of one column may differ by
_SHORT = 4  # half-width units of a line too short to have been wrapped


@dataclass(slots=True)
class Cell:
    """One rebuilt cell: its fragments in order."""

    pieces: list[Piece] = field(default_factory=list)
    _text: str | None = None

    def add(self, piece: Piece) -> None:
        self.pieces.append(piece)
        self._text = None

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = join_texts(p.text for p in self.pieces)
        return self._text

    @property
    def first(self) -> Piece:
        return self.pieces[0]

    @property
    def last(self) -> Piece:
        return self.pieces[-1]

    @property
    def is_value(self) -> bool:
        """One value (``52%``, or a number with its unit wrapped: ``1001.87万`` + ``人次``)."""
        if len(self.pieces) == 1:
            return bool(self.first.traits & VALUE)
        return len(self.pieces) == 2 and shapes.is_value(self.text)


def join_texts(parts: Iterable[str]) -> str:
    """Join wrapped fragments: no space, except between two ASCII letters (wrapped words)."""
    out = ""
    for text in parts:
        if out and text and _ascii_letter(out[-1]) and _ascii_letter(text[0]):
            out += " "
        out += text
    return out


def _ascii_letter(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def join_cost(a: Piece, b: Piece) -> float:
    """The cost of reading ``a`` and ``b`` (consecutive fragments) as one cell.

    :data:`MUST` when they are certainly one cell, :data:`NEVER` when certainly two.
    """
    if not (a.last and b.first):
        return NEVER  # same line: different cells
    at, bt = a.traits, b.traits
    if bt & STARTS_CONTINUATION or at & ENDS_OPEN or (at & VALUE and bt & UNIT):
        return MUST
    if at & CLOSER_PREFIX and shapes.closer_join(a.text, b.text):
        return MUST
    if bt & (VALUE | LEVEL) or (at | bt) & COMPLETE:
        return NEVER
    cost = 1.0
    if at & ENDS_SENTENCE:
        cost += 2.0
    if b.line.after_blank:
        cost += 0.5
    if at & VALUE:
        cost += 1.5
    if bt & PARTICLE:
        cost -= 0.5
    if a.width <= _SHORT:
        cost += 1.0  # a line of one or two characters ends its cell
    if not b.last:
        cost += 0.5  # b opens a line of several cells: it is the first line of a cell
    if a.alone and b.alone and abs(a.width - b.width) <= _EVEN:
        cost -= 0.3  # two lines of the same width: the full lines of one column
    above = a.previous
    if a.alone and above is not None and above.alone and a.width < 0.75 * above.width:
        cost += 0.5  # a is a short line under a longer one: the last line of its cell
    return max(cost, 0.1)


def _width_penalty(widths: list[int]) -> float:
    """How badly lines of these widths fail to look like the lines of one wrapped cell."""
    if len(widths) < 2:
        return 0.0
    body = widths[:-1]
    full = max(body)
    penalty = sum(full - w for w in body if full - w > _WIDTH_SLACK) / 4
    if widths[-1] > full + _WIDTH_SLACK:
        penalty += 1.0
    return penalty


def partition(units: list[Cell], columns: int) -> list[Cell]:
    """A row's units (its fragments grouped where :func:`join_cost` is :data:`MUST`)
    merged into at most ``columns`` cells (never fewer than the certain breaks
    allow), at the least cost."""
    if len(units) <= columns or columns <= 0:
        return units
    costs = [join_cost(a.last, b.first) for a, b in pairwise(units)]
    target = max(columns, 1 + sum(c == NEVER for c in costs))
    if target >= len(units):
        return units
    if len(units) > _MAX_DP:
        return _greedy(units, costs, target)
    return _dp(units, costs, target)


def _group_costs(units: list[Cell], costs: list[float]) -> list[list[float]]:
    """``table[i][j]``: the cost of units[i:j] as one cell (:data:`NEVER` across a certain break)."""
    n = len(units)
    table = [[NEVER] * (n + 1) for _ in range(n + 1)]
    widths = [[p.width for p in unit.pieces] for unit in units]
    for i in range(n):
        joins = 0.0
        lines = list(widths[i])
        table[i][i + 1] = _width_penalty(lines)
        for j in range(i + 2, n + 1):
            if costs[j - 2] == NEVER:
                break
            joins += max(costs[j - 2], 0.0)
            lines.extend(widths[j - 1])
            table[i][j] = joins + _width_penalty(lines)
    return table


def _dp(units: list[Cell], costs: list[float], target: int) -> list[Cell]:
    """The cheapest split of the units into exactly ``target`` cells."""
    n = len(units)
    group = _group_costs(units, costs)
    best = [[NEVER] * (target + 1) for _ in range(n + 1)]
    back = [[0] * (target + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    first = 0  # the first unit a cell ending at unit j - 1 can start at: none across a NEVER
    for j in range(1, n + 1):
        if j >= 2 and costs[j - 2] == NEVER:
            first = j - 1
        best_j, back_j = best[j], back[j]
        for g in range(1, min(j, target) + 1):
            for i in range(max(g - 1, first), j):
                total = best[i][g - 1] + group[i][j]
                if total < best_j[g]:
                    best_j[g] = total
                    back_j[g] = i
    if best[n][target] == NEVER:
        return units
    cells: list[Cell] = []
    j, g = n, target
    while g > 0:
        i = back[j][g]
        cells.append(Cell([p for u in units[i:j] for p in u.pieces]))
        j, g = i, g - 1
    cells.reverse()
    return cells


def _greedy(units: list[Cell], costs: list[float], target: int) -> list[Cell]:
    """Merge the cheapest joinable breaks until ``target`` cells remain."""
    order = sorted((c, b) for b, c in enumerate(costs) if c != NEVER)
    merge = {b for _, b in order[: len(units) - target]}
    cells = [Cell(list(units[0].pieces))]
    for b, unit in enumerate(units[1:]):
        if b in merge:
            for piece in unit.pieces:
                cells[-1].add(piece)
        else:
            cells.append(Cell(list(unit.pieces)))
    return cells
