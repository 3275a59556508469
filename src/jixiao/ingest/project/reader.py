"""One project table (绩效目标表 / 绩效监控表 / 绩效自评表) from its rows → one record.

The segment is cut into parts by the labels its cells print, not by row numbers:
the rows above the indicator heading (一级指标｜二级指标｜三级指标…) hold the header
fields, the budget block and the goal texts; the rows below it hold the indicators,
up to the 总分 row, the deviation text (偏差原因 / 五、绩效目标执行出现的偏差和采取的措施)
or the signature lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import cast

from jixiao.ingest.errors import IngestError
from jixiao.ingest.locality import period_of, region_of, year_of
from jixiao.ingest.project.budget import read_budget
from jixiao.ingest.project.cells import Cell, Look, cells_of
from jixiao.ingest.project.columns import (
    is_heading_cell,
    is_heading_line,
    is_subheading_line,
    names_tree_column,
    read_columns,
)
from jixiao.ingest.project.header import Header, money_unit_of, read_header
from jixiao.ingest.project.indicators import IndicatorReader
from jixiao.ingest.project.kind import ProjectKind, node_months, printed_title
from jixiao.ingest.project.labels import (
    amount_member,
    budget_score_member,
    column_slot,
    goal_member,
    header_labels,
    is_footer,
    is_level1,
    line_member,
    section_of,
)
from jixiao.ingest.project.narrative import read_deviation, read_goals, read_totals
from jixiao.ingest.rows import Row
from jixiao.ingest.text import clean_cell
from jixiao.ingest.vocab import HEADER_FIELD_LABELS
from jixiao.records import (
    Budget,
    MoneyUnit,
    MonitoringRecord,
    SelfEvaluationRecord,
    TargetRecord,
    fund_from_text,
)

ProjectRecord = TargetRecord | MonitoringRecord | SelfEvaluationRecord
Line = list[Cell]

_KIND_NAMES = {"target": "绩效目标表", "monitoring": "绩效监控表", "self_evaluation": "绩效自评表"}
_HEAD_PARTS = ("header", "budget", "goal", "deviation")


@dataclass
class _Segment:
    """A segment's non-blank lines split into parts."""

    header: list[Line]
    budget: list[Line]
    goal: list[Line]
    heading: list[Line]
    body: list[tuple[Line, bool]]
    totals: Line | None
    deviation: list[Line]
    first_line: int


def read_project_record(
    rows: list[Row],
    kind: ProjectKind,
    *,
    title: str | None = None,
    context: list[str] | None = None,
) -> ProjectRecord:
    """Read one project table into its record.

    ``rows`` are the segment's rows after the title; ``context`` the text lines just
    before the title (``附件1:`` …), used for the region and year when the table
    itself does not print them. Raises :class:`IngestError` when nothing in the
    rows reads as a project table.
    """
    segment = _split(rows)
    header = read_header(segment.header)
    if header.money_unit is None:
        header.money_unit = money_unit_of(segment.header + segment.budget + segment.goal)
    budget = read_budget(segment.budget)
    if kind != "self_evaluation" and budget.initial is not None:
        # record-format: no ``initial`` for a 目标表/监控表. One that prints only
        # 年初预算数 plans and measures execution against it: that is its ``planned``;
        # beside a 预算数 (调整后) it is not kept.
        planned = budget.initial if budget.planned is None else budget.planned
        budget = budget.model_copy(update={"planned": planned, "initial": None})
    goals = read_goals(segment.goal)
    columns = read_columns(segment.heading, kind)
    indicators = IndicatorReader(columns, kind).read(segment.body)
    weight, score = read_totals(segment.totals) if segment.totals else (None, None)
    deviation = read_deviation(segment.deviation)

    if not indicators and not (header.project or header.unit) and not _has_amounts(budget):
        where = f"“{clean_cell(title)}”" if title else "此处"
        raise IngestError(
            f"{where}不是可读取的{_KIND_NAMES[kind]}：未找到项目信息、预算或绩效指标表",
            line=segment.first_line,
        )

    printed = clean_cell(title) if title else printed_title(rows)
    year = _year(header, printed, context)
    common = {
        "title": printed or None,
        "region": region_of(
            [printed, header.unit, header.reporting_unit, header.project, *(context or [])]
        ),
        "year": year,
        "fund": fund_from_text(header.project),
        "money_unit": _money_unit(header.money_unit),
        "project": header.project,
        "unit": header.unit,
        "reporting_unit": header.reporting_unit,
        "budget": budget,
        "goal": goals.goal,
        "indicators": indicators,
        "deviation": deviation,
    }
    if kind == "target":
        return TargetRecord(**common)
    if kind == "monitoring":
        return MonitoringRecord(
            **common,
            period=period_of(header.period, year) or _node_period(segment, year),
            progress=goals.progress,
            overall_completion_pct=goals.overall_pct,
        )
    return SelfEvaluationRecord(
        **common,
        progress=goals.progress,
        total_weight=weight,
        total_score=score,
    )


def _split(rows: list[Row]) -> _Segment:
    lines: list[tuple[Line, bool]] = []
    for row in rows:
        cells = cells_of(row)
        if cells:
            lines.append((cells, len(row.cells) >= 2))
    first_line = rows[0].line if rows else 1
    start, end = _heading_bounds(lines)
    head = [cells for cells, _ in lines[:start]]
    parts: dict[str, list[Line]] = {part: [] for part in _HEAD_PARTS}
    part = "header"
    for cells in head:
        part = _part_of(cells, part)
        parts[part].append(cells)
        if part == "header" and any(_is_budget_label(c) for c in cells):
            parts["budget"].append(cells)  # 预算单位｜…｜资金总额｜3,456.00 on one row
    body: list[tuple[Line, bool]] = []
    totals: Line | None = None
    deviation = parts["deviation"]
    index = end
    while index < len(lines):
        cells, real = lines[index]
        first = cells[0]
        section = section_of(first)
        if section == "total":
            totals = list(cells)
            while len(cells) == 1 and index + 1 < len(lines) and _lone_number(lines[index + 1][0]):
                index += 1  # one cell per line: the 总分 row's numbers follow
                totals.extend(lines[index][0])
        elif section == "deviation":
            deviation.extend(c for c, _ in lines[index:])
            break
        elif is_footer(first) or _opens_header(first):
            break
        elif _repeats_heading(cells):
            # a table continued on a new page repeats its heading row(s)
            index = _heading_end(lines, index + 1)
            continue
        else:
            body.append((cells, real))
        index += 1
    return _Segment(
        header=parts["header"],
        budget=parts["budget"],
        goal=parts["goal"],
        heading=[cells for cells, _ in lines[start:end]],
        body=body,
        totals=totals,
        deviation=deviation,
        first_line=first_line,
    )


def _heading_bounds(lines: list[tuple[Line, bool]]) -> tuple[int, int]:
    """Where the indicator heading rows start and end (end = first body row).

    Without a heading, the body starts at the first row that opens with a 一级指标
    label; without either, there is no body."""
    for index, (cells, _) in enumerate(lines):
        if is_heading_line(cells) or _opens_heading(cells):
            return index, _heading_end(lines, index + 1)
    for index, (cells, _) in enumerate(lines):
        if is_level1(cells[0]) and section_of(cells[0]) is None:
            return index, index
    return len(lines), len(lines)


def _heading_end(lines: list[tuple[Line, bool]], index: int) -> int:
    """The first line at or after ``index`` that is not a heading line. In a one cell
    per line stream a heading cannot name a column twice, so a lone cell naming a
    column already seen (an indicator called ``参保缴费完成率``) ends the heading."""
    seen = {column_slot(c) for c in lines[index - 1][0]} if index > 0 else set()
    heading = [lines[index - 1][0]] if index > 0 else []
    while index < len(lines):
        cells = lines[index][0]
        known = all(is_heading_cell(c) or section_of(c) == "indicators" for c in cells)
        if not known and not is_subheading_line(cells, heading):
            break
        heading.append(cells)
        if len(cells) == 1:
            slot = column_slot(cells[0])
            if slot is not None and slot in seen:
                break
            seen.add(slot)
        index += 1
    return index


def _repeats_heading(cells: Line) -> bool:
    """A heading row (or the first cell of one printed one cell per line) inside
    the body: the heading repeated at the top of a new page."""
    if not names_tree_column(cells):
        return False  # asked of every body row: the cheap test first
    while cells and section_of(cells[0]) == "indicators":
        cells = cells[1:]
    return bool(cells) and (is_heading_line(cells) or _opens_heading(cells))


def _opens_heading(cells: Line) -> bool:
    """A heading printed one cell per line: it opens with 一级指标 (or 二级/三级)."""
    return len(cells) == 1 and column_slot(cells[0]) in ("level1", "level2", "name")


def _part_of(cells: Line, current: str) -> str:
    """Which head part a line belongs to, from the labels it prints: a section heading
    anywhere in it first, then a header label, a budget label, a goal label."""
    found = len(_LABEL_PARTS)  # the best label part seen so far (an index of _LABEL_PARTS)
    for cell in cells:
        if cell.look in _FIGURE_LOOKS:
            continue  # a printed figure is never a label
        section = section_of(cell)
        if section in _HEAD_PARTS:
            return section
        if found > 0 and header_labels(cell.text):
            found = 0
        elif found > 1 and _is_budget_label(cell):
            found = 1
        elif found > 2 and goal_member(cell):
            found = 2
    return _LABEL_PARTS[found] if found < len(_LABEL_PARTS) else current


_LABEL_PARTS = ("header", "budget", "goal")
_FIGURE_LOOKS = frozenset({Look.NUMBER, Look.PERCENT, Look.DASH})


_LABEL_COLON = re.compile(r"^[^:：]{1,14}[:：]")


def _opens_header(cell: Cell) -> bool:
    """A header field below the indicator table (the next table's 项目名称): a header
    label alone or followed by a colon, so that an indicator named ``项目期满…`` or
    ``预算部门满意度`` is not one."""
    if not header_labels(cell.text):
        return False
    return cell.key in HEADER_FIELD_LABELS or bool(_LABEL_COLON.match(cell.text))


def _is_budget_label(cell: Cell) -> bool:
    return bool(amount_member(cell) or line_member(cell) or budget_score_member(cell))


def _lone_number(cells: Line) -> bool:
    return len(cells) == 1 and cells[0].look in (Look.NUMBER, Look.DASH)


def _node_period(segment: _Segment, year: int | None) -> str | None:
    """A monitoring point not printed as 监控时点, read from the columns that report
    up to it (``1-6月执行数`` → ``YYYY-06``)."""
    lines = [[c.text for c in line] for line in (*segment.budget, *segment.heading, *segment.goal)]
    months = node_months(lines)
    if not months or year is None:
        return None
    return f"{year:04d}-{months[0]:02d}"


def _has_amounts(budget: Budget) -> bool:
    return any(
        a is not None for a in (budget.planned, budget.initial, budget.available, budget.executed)
    )


def _year(header: Header, title: str | None, context: list[str] | None) -> int | None:
    """项目周期, then a ``(2020年度)`` line, 监控时点, the project name, the title, the context."""
    year = year_of(header.cycle)
    if year is not None:
        return year
    if header.year_line is not None:
        return header.year_line
    for text in (header.period, header.project, title, *(context or [])):
        year = year_of(text)
        if year is not None:
            return year
    return None


def _money_unit(unit: str | None) -> MoneyUnit | None:
    return cast(MoneyUnit, unit) if unit in ("万元", "亿元", "元") else None
