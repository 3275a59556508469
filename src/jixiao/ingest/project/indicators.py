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
3. cell streams are cut into rows where the form's last typed column has been seen;
   a text after a row's last number is that row's 偏差原因 when the next row is
   complete without it.

The columns come from :mod:`jixiao.ingest.project.columns`; 计量单位 / 指标性质
columns qualify the reading of the printed target (:func:`qualified_target`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from jixiao.expr import readings
from jixiao.expr.units import canonical_unit, is_known_unit
from jixiao.ingest.memo import text_memo
from jixiao.ingest.project.cells import Cell, Look, parse_number, parse_percent
from jixiao.ingest.project.columns import Columns, Kind, is_level_label
from jixiao.ingest.project.labels import is_level1, is_level2, section_of
from jixiao.ingest.text import is_page_number
from jixiao.ingest.vocab import FUND_TREE_LEVEL1, LEVEL_FAMILIES
from jixiao.records import Indicator

Line = list[Cell]
_BonusFn = Callable[[Cell, str], float]

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
    "unit": dict.fromkeys(Look, 0.5),  # see _cell_fit: a known unit or a dash
    "operator": {
        Look.VALUE: 1,
        Look.TEXT: 0.5,
        Look.DASH: 0.5,
        Look.NUMBER: -3,
        Look.PERCENT: -3,
        Look.TIER: -3,
        Look.NO_NODE: -3,
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
_MAX_UNIT_CHARS = 6  # 元/人/月
_UNIT_FIT = 2.0


@dataclass
class _Levels:
    level1: str | None = None
    level2: str | None = None
    level1_key: str = ""
    fund_tree: bool = False  # a 决策/过程 group was seen: the 决策/过程/产出/效益 tree

    def apply(self, labels: list[Cell]) -> str | None:
        """Carry 一级/二级 down; a new 一级 without a 二级 clears the 二级. Returns the
        level the first label was read as."""
        if not labels:
            return None
        if len(labels) >= 2:
            self._set_level1(labels[0])
            self.level2 = labels[-1].text
            return "level1"
        label = labels[0]
        if self._as_level2(label):
            self.level2 = label.text
            return "level2"
        if label.text != self.level1:
            self._set_level1(label)
        return "level1"

    def _set_level1(self, label: Cell) -> None:
        self.level1, self.level1_key, self.level2 = label.text, label.key, None
        if LEVEL_FAMILIES.get(label.key) in ("decision", "process"):
            self.fund_tree = True

    def _as_level2(self, label: Cell) -> bool:
        one, two = is_level1(label), is_level2(label)
        if two and not one:
            return True
        if one and not two:
            return False
        if self.level1 is None:
            return not one
        family = LEVEL_FAMILIES.get(label.key)
        current = LEVEL_FAMILIES.get(self.level1_key)
        if one and two:
            if self.fund_tree and label.key not in FUND_TREE_LEVEL1:
                return True  # 满意度 under 效益 in the 决策/过程/产出/效益 tree
            return family is not None and family == current and label.text != self.level1
        return True  # an unknown "…指标" under a known group


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
                out.append(indicator)
        return out

    # -- rows -------------------------------------------------------------

    def _logical_rows(self, lines: Iterable[tuple[Line, bool]]) -> list[Line]:
        rows: list[Line] = []
        stream: list[Cell] = []
        for cells, real in lines:
            while cells and section_of(cells[0]) == "indicators":  # 年度绩效指标完成情况 column
                cells = cells[1:]
            if not cells or (not real and is_page_number(cells[0].text)):
                continue
            if real:
                if stream:
                    pieces = self._split_stream(stream)
                    stream = []
                    if (
                        pieces
                        and _incomplete(pieces[-1])
                        and cells[0].look is not Look.TEXT
                        and not is_level_label(cells[0])
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
            if is_level_label(token) and values == 0:
                current.append(token)
                index += 1
                continue
            if is_level_label(token):
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
                    and not is_level_label(following)
                ):
                    after = tokens[index + 1] if index + 1 < len(tokens) else None
                    if after is None or is_level_label(after) or self._note_before(tokens, index):
                        current.append(following)
                        index += 1
                rows.append(current)
                current, values = [], 0
        if current:
            rows.append(current)
        return rows

    def _note_before(self, tokens: list[Cell], index: int) -> bool:
        """Whether the text at ``index`` is the 偏差原因 of the row before it rather than
        the next row's name: the row read from just after it fills every typed column
        with a fitting cell, and the row read from it does not."""
        return self._fits_row(tokens, index + 1) and not self._fits_row(tokens, index)

    def _fits_row(self, tokens: list[Cell], start: int) -> bool:
        """Whether the stream row starting at ``start`` has one fitting cell per typed
        column (before any 一级/二级 label or the end)."""
        typed = [s for s in self.columns.slots if s != "note"]
        index = start
        while index < len(tokens) and is_level_label(tokens[index]):
            index += 1
        cells = tokens[index : index + len(typed)]
        return (
            len(cells) == len(typed)
            and not any(is_level_label(c) for c in cells)
            and all(_cell_fit(slot, c) >= 0 for slot, c in zip(typed, cells, strict=True))
        )

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
                and (following is None or following.look is Look.TEXT or is_level_label(following))
            )
        return False

    # -- one row ----------------------------------------------------------

    def _read_row(self, row: Line) -> Indicator | None:
        labels: list[Cell] = []
        index = 0
        while index < len(row) - 1 and len(labels) < 3 and is_level_label(row[index]):
            labels.append(row[index])
            index += 1
        if len(labels) == 3 and len({c.text for c in labels}) == 3:
            labels.pop()  # 三级 named like a group (服务对象满意度) after its 一级 and 二级
            index -= 1
        values = row[index:]
        if len(values) == 1 and is_level_label(values[0]):
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
        target = fields.get("target")
        actual = fields.get("actual") if self.kind != "target" else None
        # the printed 指标值 stays ``target``; its reading uses the 指标性质/计量单位 columns
        qualified = qualified_target(target, fields.get("operator"), fields.get("unit"))
        return Indicator(
            level1=self.levels.level1,
            level2=self.levels.level2,
            name=fields.get("name"),
            target=target,
            actual=actual,
            completion_pct=parse_percent(completion) if completion else None,
            weight=parse_number(fields.get("weight")),
            score=parse_number(fields.get("score")),
            note=fields.get("note"),
            **readings(qualified or target, actual),
        )


_OPERATOR_CELL = re.compile(r"[≥≤><=＝＞＜≧≦﹦]=?")
_ENDS_IN_NUMBER = re.compile(r"\d(?:\.\d+)?$")


def qualified_target(target: str | None, operator: str | None, unit: str | None) -> str | None:
    """The target as its 指标性质 and 计量单位 columns qualify it (``≥`` ｜ ``95`` ｜ ``%``
    → ``≥95%``); ``None`` when those columns add nothing. The printed 指标值 stays the
    record's ``target``; only its reading (``target_expr``) uses the qualified text.

    >>> qualified_target("95", "≥", "%"), qualified_target("≥12000", None, "人")
    ('≥95%', '≥12000人')
    >>> qualified_target("按时发放", "定性", None) is None
    True
    """
    if not target:
        return None
    text = target
    if operator and _OPERATOR_CELL.fullmatch(operator) and not _OPERATOR_CELL.match(text):
        text = operator + text
    if unit and _ENDS_IN_NUMBER.search(text) and unit not in ("/", "／", "—", "-", "无"):
        text += unit
    return text if text != target else None


def _fit(slot: str, look: Look) -> float:
    return _FIT.get(slot, _EXTRA_FIT)[look]


def _cell_fit(slot: str, cell: Cell) -> float:
    """How well a cell fits a column: by its look, and a 计量单位 must be a unit."""
    if slot == "unit" and cell.look is not Look.DASH:
        return _UNIT_FIT if _is_unit(cell.text) else _DROP / 2
    return _FIT.get(slot, _EXTRA_FIT)[cell.look]


@text_memo(maxsize=1024)
def _is_unit(text: str) -> bool:
    return len(text) <= _MAX_UNIT_CHARS and is_known_unit(canonical_unit(text) or "")


def _incomplete(row: Line) -> bool:
    """A stream piece holding only a name (its values follow in the next real row)."""
    values = [c for c in row if not is_level_label(c)]
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
        if _cell_fit(slot, cell) < 0:
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
            placed = score[i - 1][j - 1] + _cell_fit(slot, cell) + bonus(cell, slot)
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
