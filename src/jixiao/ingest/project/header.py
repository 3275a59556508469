"""基本情况: unit, reporting unit, project, 项目周期, 监控时点 and the money unit.

Labels are found by their printed words wherever they stand (above the table,
in its first rows, glued to their value or alone in a cell); a bare label takes
the next cell of its row, or the first cell of the next row when it ends its row.
"""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.ingest.locality import year_line
from jixiao.ingest.project.cells import Cell
from jixiao.ingest.project.labels import (
    header_labels,
    is_any_label,
    money_unit_in,
    money_unit_value,
)

Line = list[Cell]


@dataclass
class Header:
    """The printed header fields of one project table (``None`` when not printed)."""

    unit: str | None = None
    reporting_unit: str | None = None
    project: str | None = None
    cycle: str | None = None
    period: str | None = None
    money_unit: str | None = None
    year_line: int | None = None

    def set(self, name: str, value: str) -> None:
        """Keep the first value printed for a field (a repeated label does not override)."""
        if name == "money_unit":
            unit = money_unit_value(value)
            if unit and self.money_unit is None:
                self.money_unit = unit
            return
        fields = ("unit", "reporting_unit", "project", "cycle", "period")
        if name in fields and value and getattr(self, name) is None:
            setattr(self, name, value)


def read_header(lines: list[Line]) -> Header:
    """Read the header fields from the lines above the indicator table."""
    header = Header()
    taken: set[tuple[int, int]] = set()  # (line, cell) used as the value of a bare label
    for index, line in enumerate(lines):
        if len(line) == 1 and header.year_line is None:
            year = year_line(line[0].text)
            if year is not None:
                header.year_line = year
                continue
        for i, cell in enumerate(line):
            if (index, i) in taken:
                continue
            pairs = header_labels(cell.text)
            if not pairs:
                continue
            for pair in pairs[:-1]:
                header.set(pair.field, pair.value)
            last = pairs[-1]
            value = last.value
            if not value:
                found = _next_value(lines, index, i)
                if found is not None:
                    taken.add(found)
                    value = lines[found[0]][found[1]].text
            if last.field != "ignored":
                header.set(last.field, value)
    return header


def money_unit_of(lines: list[Line]) -> str | None:
    """The money unit printed in a label above the indicator table (``项目资金 (万元)``,
    ``预算执行情况（万元）``) when no 金额单位 line gives it."""
    for line in lines:
        for cell in line:
            unit = money_unit_in(cell.text)
            if unit:
                return unit
    return None


def _next_value(lines: list[Line], index: int, i: int) -> tuple[int, int] | None:
    """Where the value of a bare label stands: the next cell of its row, else the
    next row when that row holds only the value."""
    line = lines[index]
    if i + 1 < len(line):
        return (index, i + 1) if _is_value(line[i + 1]) else None
    if index + 1 < len(lines) and len(lines[index + 1]) == 1 and _is_value(lines[index + 1][0]):
        return index + 1, 0
    return None


def _is_value(cell: Cell) -> bool:
    return not is_any_label(cell) and not header_labels(cell.text)
