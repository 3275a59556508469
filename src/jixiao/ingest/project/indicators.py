"""年度绩效指标: the indicator table, one :class:`Indicator` per 三级指标 row.

Extraction damages these rows: cells move left or right, merged 一级/二级 cells
come back blank, duplicated or missing, and some extractors lose the rows and
give one cell per line. So cells are placed by what they hold, with columns only
as a hint:

1. leading 一级/二级 labels (from the vocabulary) set the carried-down groups;
2. the remaining cells are aligned, in order, to the value columns the heading
   row announces (三级指标, 指标值, 完成值, 完成率 or 分值/得分, 偏差原因…) by a
   small dynamic programme that scores how well each cell's look fits a column
   (a percent fits 完成率, a plain number fits 分值/得分, ``未达成…`` fits 完成值)
   plus a bonus when it stands in that column;
3. cell streams are cut into rows where the form's last typed column has been seen.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from jixiao.expr import read_indicator
from jixiao.ingest.project.cells import Cell, Look, parse_number, parse_percent
from jixiao.ingest.project.labels import column_slot, is_level1, is_level2, section_of
from jixiao.ingest.text import label_key
from jixiao.ingest.vocab import LEVEL_FAMILIES
from jixiao.records import Indicator

Line = list[Cell]
Kind = Literal["target", "monitoring", "self_evaluation"]
_BonusFn = Callable[[Cell, str], float]

VALUE_SLOTS = ("name", "target", "actual", "completion", "weight", "score", "note")
_NUMERIC = (Look.NUMBER, Look.DASH)
_COMPLETION_LOOKS = (Look.PERCENT, Look.DASH, Look.NO_NODE)

# How well a cell of each look fits each column (higher is better, < 0 is unlikely).
_FIT: dict[str, dict[Look, float]] = {
    "name": {
        Look.TEXT: 2,
        Look.VALUE: -2,
        Look.TIER: -4,
        Look.PERCENT: -4,
        Look.NUMBER: -4,
        Look.NO_NODE: -5,
        Look.DASH: -5,
    },
    "target": {
        Look.VALUE: 2,
        Look.PERCENT: 2.5,
        Look.NUMBER: 1,
        Look.TEXT: 0.5,
        Look.DASH: -1,
        Look.TIER: -2,
        Look.NO_NODE: -4,
    },
    "actual": {
        Look.TIER: 3,
        Look.PERCENT: 2.5,
        Look.NO_NODE: 2,
        Look.VALUE: 1.5,
        Look.NUMBER: 1,
        Look.TEXT: 0.5,
        Look.DASH: 0,
    },
    "completion": {
        Look.PERCENT: 2.2,
        Look.DASH: 3,
        Look.NO_NODE: 1.5,
        Look.NUMBER: -1,
        Look.VALUE: -5,
        Look.TEXT: -5,
        Look.TIER: -5,
    },
    "weight": {
        Look.NUMBER: 4,
        Look.DASH: 0,
        Look.PERCENT: -3,
        Look.VALUE: -5,
        Look.TEXT: -5,
        Look.TIER: -5,
        Look.NO_NODE: -5,
    },
    "score": {
        Look.NUMBER: 4,
        Look.DASH: 0,
        Look.PERCENT: -3,
        Look.VALUE: -5,
        Look.TEXT: -5,
        Look.TIER: -5,
        Look.NO_NODE: -5,
    },
    "note": {
        Look.TEXT: 1,
        Look.TIER: 0.5,
        Look.DASH: 0.5,
        Look.VALUE: 0,
        Look.NO_NODE: 0,
        Look.PERCENT: -1,
        Look.NUMBER: -2,
    },
}
# An unknown column takes any value, weakly.
_EXTRA_FIT: dict[Look, float] = dict.fromkeys(Look, 0.3)
_DROP = -6.0  # leaving a cell out (junk) costs more than any poor fit
# Bonus for a cell that stands in the column it is given: larger when the row's own
# 一级/二级 labels told how far the row is shifted from the heading row.
_IN_COLUMN = 0.5
_IN_COLUMN_ANCHORED = 1.0
_MAX_LEVEL_LABEL = 9
# A page number printed between two table rows (- 3 -, 第2页, 2/5); a bare number
# is a value in a one-cell-per-line stream.
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页(?:\s*[,，]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)$"
)


@dataclass(frozen=True)
class Columns:
    """The value columns a table has, in order, and where each heading stands."""

    slots: tuple[str, ...]
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    duplicated: frozenset[str] = frozenset()

    @property
    def scored(self) -> bool:
        return "weight" in self.slots or "score" in self.slots


def default_slots(kind: Kind) -> tuple[str, ...]:
    """The value columns of each form when no heading row was read."""
    if kind == "target":
        return ("name", "target")
    if kind == "monitoring":
        return ("name", "target", "actual", "completion")
    return ("name", "target", "actual", "weight", "score", "note")


def is_heading_line(line: Line) -> bool:
    """A heading row of the indicator table (一级指标｜二级指标｜三级指标｜…)."""
    slots = [column_slot(c) for c in line]
    return (
        any(s in ("level1", "level2", "name") for s in slots)
        and sum(s is not None for s in slots) >= 2
    )


def is_heading_cell(cell: Cell) -> bool:
    return column_slot(cell) is not None


def read_columns(lines: Sequence[Line], kind: Kind) -> Columns:
    """Columns from the heading row(s); a heading printed over several rows is merged.

    A heading the vocabulary does not know (a county's own 全年预计完成情况 …) right
    of 三级指标 becomes an ``extra`` column, so that its values do not crowd the
    known ones; extra values are not kept."""
    found: dict[str, int | None] = {}
    positions: list[tuple[int, str]] = []
    duplicated: set[str] = set()
    extras: list[tuple[str | None, str]] = []  # (known column before it, extra name)
    last_known: str | None = None
    for line in lines:
        previous: Cell | None = None
        for cell in line:
            slot = column_slot(cell)
            if slot is None:
                slot = _extra_heading(cell, last_known, len(extras))
                if slot is None:
                    continue
                extras.append((last_known, slot))
            else:
                last_known = slot
            found.setdefault(slot, cell.pos)
            if cell.pos is not None:
                if (
                    previous is not None
                    and previous.text == cell.text
                    and previous.pos == cell.pos - 1
                ):
                    duplicated.add(slot)  # docling repeats a merged heading
                else:
                    positions.append((cell.pos, slot))
                previous = cell
    value_slots = [s for s in VALUE_SLOTS if s in found]
    if "name" not in value_slots or len(value_slots) < 2:
        wanted = {"name", *value_slots, *default_slots(kind)}
        value_slots = [s for s in VALUE_SLOTS if s in wanted]
    for after, extra in extras:
        at = value_slots.index(after) + 1 if after in value_slots else len(value_slots)
        value_slots.insert(at, extra)
    return Columns(tuple(value_slots), _spans(positions), frozenset(duplicated))


def _extra_heading(cell: Cell, last_known: str | None, count: int) -> str | None:
    """An unknown heading right of 三级指标 (not a section or level label)."""
    if last_known not in VALUE_SLOTS or cell.look is not Look.TEXT or not cell.key:
        return None
    if section_of(cell) is not None or _is_level_label(cell):
        return None
    return f"extra{count + 1}"


def _spans(positions: list[tuple[int, str]]) -> dict[str, tuple[int, int]]:
    """Each heading covers the columns up to the next heading."""
    positions = sorted(set(positions))
    spans: dict[str, tuple[int, int]] = {}
    for index, (pos, slot) in enumerate(positions):
        end = positions[index + 1][0] - 1 if index + 1 < len(positions) else pos + 1
        if slot not in spans:
            spans[slot] = (pos, max(pos, end))
    return spans


@dataclass
class _Levels:
    level1: str | None = None
    level2: str | None = None

    def apply(self, labels: list[Cell]) -> str | None:
        """Carry 一级/二级 down; a new 一级 without a 二级 clears the 二级. Returns the
        level the first label was read as."""
        if not labels:
            return None
        if len(labels) >= 2:
            self.level1, self.level2 = labels[0].text, labels[-1].text
            return "level1"
        label = labels[0]
        if self._as_level2(label):
            self.level2 = label.text
            return "level2"
        if label.text != self.level1:
            self.level1, self.level2 = label.text, None
        return "level1"

    def _as_level2(self, label: Cell) -> bool:
        one, two = is_level1(label), is_level2(label)
        if two and not one:
            return True
        if one and not two:
            return False
        if self.level1 is None:
            return not one
        family = LEVEL_FAMILIES.get(label.key)
        current = LEVEL_FAMILIES.get(label_key(self.level1))
        if one and two:
            return family is not None and family == current and label.text != self.level1
        return True  # an unknown "…指标" under a known group


def _is_level_label(cell: Cell) -> bool:
    if is_level1(cell) or is_level2(cell):
        return True
    key = cell.key
    return (
        cell.look is Look.TEXT
        and key.endswith("指标")
        and 3 <= len(key) <= _MAX_LEVEL_LABEL
        and column_slot(cell) is None
    )


@dataclass
class IndicatorReader:
    """Reads the body rows of one indicator table."""

    columns: Columns
    kind: Kind
    levels: _Levels = field(default_factory=_Levels)
    shift: int = 0
    anchored: bool = False

    def read(self, lines: Iterable[tuple[Line, bool]]) -> list[Indicator]:
        """``lines`` are the body rows with a flag: ``True`` for a real table row,
        ``False`` for a lone cell of a stream (one cell per line)."""
        out: list[Indicator] = []
        for row in self._logical_rows(lines):
            indicator = self._read_row(row)
            if indicator is not None:
                out.append(read_indicator(indicator))
        return out

    # -- rows -------------------------------------------------------------

    def _logical_rows(self, lines: Iterable[tuple[Line, bool]]) -> list[Line]:
        rows: list[Line] = []
        stream: list[Cell] = []
        for cells, real in lines:
            while cells and section_of(cells[0]) == "indicators":  # 年度绩效指标完成情况 column
                cells = cells[1:]
            if not cells or (not real and _PAGE_NUMBER.match(cells[0].text)):
                continue
            if real:
                if stream:
                    pieces = self._split_stream(stream)
                    stream = []
                    if (
                        pieces
                        and _incomplete(pieces[-1])
                        and cells[0].look is not Look.TEXT
                        and not _is_level_label(cells[0])
                    ):
                        cells = pieces.pop() + cells
                    rows.extend(pieces)
                rows.append(cells)
            else:
                stream.extend(cells)
        if stream:
            rows.extend(self._split_stream(stream))
        return rows

    def _split_stream(self, tokens: list[Cell]) -> list[Line]:
        """Cut a cell stream into rows: a row ends when the form's last typed column
        (完成率, or 分值 and 得分, or the last text column) has been seen."""
        slots = self.columns.slots
        rows: list[Line] = []
        current: Line = []
        values = 0
        index = 0
        while index < len(tokens):
            token = tokens[index]
            if _is_level_label(token) and values == 0:
                current.append(token)
                index += 1
                continue
            if _is_level_label(token):
                rows.append(current)
                current, values = [], 0
                continue
            current.append(token)
            values += 1
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            index += 1
            if self._stream_row_ends(current[-values:], following):
                if (
                    "note" in slots
                    and following is not None
                    and following.look is Look.TEXT
                    and not _is_level_label(following)
                ):
                    after = tokens[index + 1] if index + 1 < len(tokens) else None
                    if after is None or _is_level_label(after):
                        current.append(following)
                        index += 1
                rows.append(current)
                current, values = [], 0
        if current:
            rows.append(current)
        return rows

    def _stream_row_ends(self, values: Line, following: Cell | None) -> bool:
        slots = self.columns.slots
        count = len(values)
        typed = [s for s in slots if s != "note"]
        if count >= len(typed):
            return True
        last = values[-1].look
        if self.columns.scored:
            return (
                count >= 3
                and last in _NUMERIC
                and values[-2].look in _NUMERIC
                and (following is None or following.look not in _NUMERIC)
            )
        if "completion" in slots:
            return (
                count >= 3
                and last in _COMPLETION_LOOKS
                and (following is None or following.look is Look.TEXT or _is_level_label(following))
            )
        return False

    # -- one row ----------------------------------------------------------

    def _read_row(self, row: Line) -> Indicator | None:
        labels: list[Cell] = []
        index = 0
        while index < len(row) - 1 and len(labels) < 3 and _is_level_label(row[index]):
            labels.append(row[index])
            index += 1
        values = row[index:]
        if len(values) == 1 and _is_level_label(values[0]):
            labels.append(values[0])
            values = []
        level = self.levels.apply(labels)
        self.anchored = False
        if level is not None and labels[0].pos is not None:
            anchor = self.columns.spans.get(level)
            if anchor is not None:
                self.shift = labels[0].pos - anchor[0]
                self.anchored = True
        if not values:
            return None
        values = self._drop_duplicates(values)
        placed = self._place(values)
        fields: dict[str, str] = {}
        for cell, slot in zip(values, placed, strict=True):
            if slot is not None and slot not in fields:
                fields[slot] = cell.text
        _undo_missing_name(fields, self.columns.slots)
        if not fields:
            return None
        return self._indicator(fields)

    def _drop_duplicates(self, values: Line) -> Line:
        """Docling writes a merged cell's text into every column it spans: drop a
        repeat inside a heading the table repeats too, then, while the row has more
        cells than columns, trailing repeats and the leftmost adjacent repeats (a
        target equal to its actual stays when the row fits)."""
        out: Line = values
        if self.columns.duplicated:
            out = []
            for cell in values:
                if out and out[-1].text == cell.text and self._repeated_heading(out[-1], cell):
                    continue
                out.append(cell)
        while len(out) > len(self.columns.slots):
            if out[-1].text == out[-2].text:  # a last cell spanning to the table's edge
                out = out[:-1]
                continue
            repeat = next((i for i in range(1, len(out)) if out[i].text == out[i - 1].text), None)
            if repeat is None:
                break
            out = out[:repeat] + out[repeat + 1 :]
        slots = self.columns.slots
        if (
            len(out) == len(slots) >= 2
            and out[-1].text == out[-2].text
            and _fit(slots[-1], out[-1].look) < 0
        ):
            out = out[:-1]  # a 得分 repeated into the blank 偏差原因 column
        return out

    def _repeated_heading(self, previous: Cell, cell: Cell) -> bool:
        slot = self._slot_at(cell)
        return slot in self.columns.duplicated and self._slot_at(previous) == slot

    def _slot_at(self, cell: Cell, shift: int | None = None) -> str | None:
        if cell.pos is None:
            return None
        pos = cell.pos - (self.shift if shift is None else shift)
        for slot, (low, high) in self.columns.spans.items():
            if low <= pos <= high:
                return slot
        return None

    def _place(self, values: Line) -> list[str | None]:
        """The column of each value cell (``None`` for a cell left out)."""
        slots = self.columns.slots
        direct = _direct(values, slots)
        if direct is not None:
            return direct
        if values[0].pos is None or not self.columns.spans:
            return _align_scored(values, slots, _no_bonus)[1]
        best: tuple[float, list[str | None]] | None = None
        weight = _IN_COLUMN_ANCHORED if self.anchored else _IN_COLUMN
        shifts = [self.shift] if self.anchored else self._shifts(values)
        for shift in shifts:

            def bonus(cell: Cell, slot: str, shift: int = shift) -> float:
                return weight if self._slot_at(cell, shift) == slot else 0.0

            score, placed = _align_scored(values, slots, bonus)
            if best is None or score > best[0]:
                best = (score, placed)
        assert best is not None
        return best[1]

    def _shifts(self, values: Line) -> list[int]:
        shifts = [self.shift]
        name = self.columns.spans.get("name")
        first = values[0].pos
        if name is not None and first is not None and _fit("name", values[0].look) > 0:
            shifts.append(first - name[0])
        if 0 not in shifts:
            shifts.append(0)
        return list(dict.fromkeys(shifts))

    def _indicator(self, fields: dict[str, str]) -> Indicator:
        completion = fields.get("completion")
        return Indicator(
            level1=self.levels.level1,
            level2=self.levels.level2,
            name=fields.get("name"),
            target=fields.get("target"),
            actual=fields.get("actual") if self.kind != "target" else None,
            completion_pct=parse_percent(completion) if completion else None,
            weight=parse_number(fields.get("weight")),
            score=parse_number(fields.get("score")),
            note=fields.get("note"),
        )


def _fit(slot: str, look: Look) -> float:
    return _FIT.get(slot, _EXTRA_FIT)[look]


def _incomplete(row: Line) -> bool:
    """A stream piece holding only a name (its values follow in the next real row)."""
    values = [c for c in row if not _is_level_label(c)]
    return len(values) == 1 and values[0].look is Look.TEXT


def _direct(values: Line, slots: tuple[str, ...]) -> list[str | None] | None:
    """The plain reading (cells in column order) when it fits: as many cells as
    columns (the last, 偏差原因, may be blank) and every cell plausible there."""
    if len(values) == len(slots):
        use = slots
    elif len(values) == len(slots) - 1 and slots[-1] == "note":
        use = slots[:-1]
    else:
        return None
    for cell, slot in zip(values, use, strict=True):
        if _fit(slot, cell.look) < 0:
            return None
    return list(use)


def _no_bonus(cell: Cell, slot: str) -> float:
    return 0.0


def _align_scored(
    values: Line, slots: tuple[str, ...], bonus: _BonusFn
) -> tuple[float, list[str | None]]:
    """Best monotone assignment of cells to columns (a column may stay empty, a cell
    may be left out at a cost)."""
    n, m = len(values), len(slots)
    neg = float("-inf")
    score = [[neg] * (m + 1) for _ in range(n + 1)]
    back: list[list[int]] = [[0] * (m + 1) for _ in range(n + 1)]  # 0 skip slot, 1 place, 2 drop
    for j in range(m + 1):
        score[0][j] = 0.0
    for i in range(1, n + 1):
        cell = values[i - 1]
        score[i][0] = score[i - 1][0] + _DROP
        back[i][0] = 2
        for j in range(1, m + 1):
            slot = slots[j - 1]
            best = score[i][j - 1]
            how = 0
            placed = score[i - 1][j - 1] + _fit(slot, cell.look) + bonus(cell, slot)
            if placed > best:
                best, how = placed, 1
            dropped = score[i - 1][j] + _DROP
            if dropped > best:
                best, how = dropped, 2
            score[i][j] = best
            back[i][j] = how
    placed_slots: list[str | None] = [None] * n
    i, j = n, m
    while i > 0:
        how = back[i][j]
        if how == 1:
            placed_slots[i - 1] = slots[j - 1]
            i, j = i - 1, j - 1
        elif how == 2:
            i -= 1
        else:
            j -= 1
    return score[n][m], placed_slots


def _undo_missing_name(fields: dict[str, str], slots: tuple[str, ...]) -> None:
    """A row that lost its 三级指标 prints the same text as name and target with no
    actual: those are the target and the actual (a name never equals its target)."""
    if (
        "actual" in slots
        and "actual" not in fields
        and fields.get("name") is not None
        and fields.get("name") == fields.get("target")
    ):
        fields["actual"] = fields.pop("target")
        fields["target"] = fields.pop("name")
