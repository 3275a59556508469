"""The heading of the indicator table: which value columns it has and where they stand.

The heading row (一级指标｜二级指标｜三级指标｜指标值｜…) names the columns; a heading
printed over two rows is merged, sub-headings under a wide heading (偏差原因分析 over
经费保障｜…｜其他) belong to it, docling's repeated merged headings count once, and
headings the vocabulary lacks right of 三级指标 become ``extra`` columns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from jixiao.ingest.project.cells import Cell, Look
from jixiao.ingest.project.labels import column_slot, section_of
from jixiao.ingest.vocab import (
    LEVEL1_LABELS,
    LEVEL2_LABELS,
    TREE_HEADING_LABELS,
)

Line = list[Cell]
Kind = Literal["target", "monitoring", "self_evaluation"]

VALUE_SLOTS = ("name", "target", "actual", "completion", "weight", "score", "note")
# Columns that qualify the target: 计量单位 and 指标性质 (≥/≤/=) printed apart from it.
SIDE_SLOTS = ("unit", "operator")
_LEVEL_SLOTS = ("level1", "level2")
_MAX_LEVEL_LABEL = 9
_LEVEL_KEYS = LEVEL1_LABELS | LEVEL2_LABELS  # is_level1 or is_level2, in one lookup


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
    if not names_tree_column(line):
        return False  # the cheap test first: every body row is asked
    slots = [column_slot(c) for c in line]
    return (
        any(s in ("level1", "level2", "name") for s in slots)
        and sum(s is not None for s in slots) >= 2
    )


def names_tree_column(line: Line) -> bool:
    """Whether a cell of the line is 一级指标, 二级指标, 三级指标 or 指标名称."""
    return not TREE_HEADING_LABELS.isdisjoint([c.key for c in line])  # asked of every body row


def is_heading_cell(cell: Cell) -> bool:
    return column_slot(cell) is not None


_MAX_SUBHEADING_CHARS = 10


def _wide_headings(lines: Sequence[Line]) -> list[tuple[int, int]]:
    """Column ranges of headings printed over several columns (偏差原因分析 above
    经费保障｜制度保障｜…｜其他): a heading reaches up to the next heading of its row
    (docling repeats it over its span)."""
    ranges: list[tuple[int, int]] = []
    for line in lines:
        placed = [(c.pos, c.text) for c in line if c.pos is not None]
        start = 0
        for index in range(1, len(placed) + 1):
            if index < len(placed) and placed[index][1] == placed[start][1]:
                continue  # the same heading repeated into the next column
            if index < len(placed) and placed[index][0] - 1 > placed[start][0]:
                ranges.append((placed[start][0], placed[index][0] - 1))
            start = index
    return ranges


def is_subheading_line(line: Line, heading: Sequence[Line]) -> bool:
    """A heading row under the heading row(s) ``heading``: short labels that each
    stand under a heading printed over several columns."""
    wide = _wide_headings(heading)
    return (
        bool(line)
        and bool(wide)
        and all(
            c.pos is not None
            and c.look is Look.TEXT
            and len(c.text) <= _MAX_SUBHEADING_CHARS
            and not is_level_label(c)
            and any(low <= c.pos <= high for low, high in wide)
            for c in line
        )
    )


def read_columns(lines: Sequence[Line], kind: Kind) -> Columns:
    """Columns from the heading row(s); a heading printed over several rows is merged.

    A heading the vocabulary does not know (a county's own 全年预计完成情况 …) right
    of 三级指标 becomes an ``extra`` column, so that its values do not crowd the
    known ones; extra values are not kept. 计量单位 and 指标性质 columns (``unit``,
    ``operator``) stand where they are printed, like extras."""
    found: dict[str, int | None] = {}
    positions: list[tuple[int, str]] = []
    duplicated: set[str] = set()
    extras: list[tuple[str | None, str]] = []  # (known column before it, side column)
    last_known: str | None = None
    for number, line in enumerate(lines):
        if number and is_subheading_line(line, lines[:number]):
            continue  # sub-columns of a wide heading: they belong to its column
        previous: Cell | None = None
        previous_slot: str | None = None
        for cell in line:
            repeat = (
                previous is not None
                and cell.pos is not None
                and previous.text == cell.text
                and previous.pos == cell.pos - 1
            )
            slot = previous_slot if repeat else column_slot(cell)
            if repeat and slot is not None:
                duplicated.add(slot)  # docling repeats a merged heading
                previous = cell
                continue
            if slot is None:
                slot = _extra_heading(cell, last_known, len(extras))
                if slot is None:
                    continue
            if slot not in VALUE_SLOTS and slot not in _LEVEL_SLOTS:
                if slot not in found:
                    extras.append((last_known, slot))
            else:
                last_known = slot
            found.setdefault(slot, cell.pos)
            if cell.pos is not None:
                positions.append((cell.pos, slot))
                previous, previous_slot = cell, slot
    value_slots = [s for s in VALUE_SLOTS if s in found]
    if "name" not in value_slots or len(value_slots) < 2:
        wanted = {"name", *value_slots, *default_slots(kind)}
        value_slots = [s for s in VALUE_SLOTS if s in wanted]
    ordered: list[str] = []
    for slot in value_slots:
        ordered.append(slot)
        ordered += [extra for after, extra in extras if after == slot]
    ordered += [extra for after, extra in extras if after not in value_slots]
    return Columns(tuple(ordered), _spans(positions), frozenset(duplicated))


def _extra_heading(cell: Cell, last_known: str | None, count: int) -> str | None:
    """An unknown heading right of 三级指标 (not a section or level label)."""
    if last_known not in VALUE_SLOTS or cell.look is not Look.TEXT or not cell.key:
        return None
    if section_of(cell) is not None or is_level_label(cell):
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


def is_level_label(cell: Cell) -> bool:
    """A 一级/二级 label: from the vocabulary, or an unknown short ``…指标``."""
    key = cell.key
    if key in _LEVEL_KEYS:
        return True
    return (
        cell.look is Look.TEXT
        and key.endswith("指标")
        and 3 <= len(key) <= _MAX_LEVEL_LABEL
        and column_slot(cell) is None
    )
