"""One project table (绩效目标表 / 绩效监控表 / 绩效自评表) from its rows → one record.

The segment is cut into parts by the labels its cells print, not by row numbers:
the rows above the indicator heading (一级指标｜二级指标｜三级指标…) hold the header
fields, the budget block and the goal texts; the rows below it hold the indicators,
up to the 总分 row, the deviation text (偏差原因 / 五、绩效目标执行出现的偏差和采取的措施)
or the signature lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, cast

from jixiao.ingest.errors import IngestError
from jixiao.ingest.locality import period_of, region_of, year_of
from jixiao.ingest.project.budget import read_budget
from jixiao.ingest.project.cells import Cell, Look, cell_info, cells_of
from jixiao.ingest.project.header import Header, money_unit_of, read_header
from jixiao.ingest.project.indicators import (
    IndicatorReader,
    is_heading_cell,
    is_heading_line,
    read_columns,
)
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
from jixiao.ingest.text import clean_cell, label_key
from jixiao.records import (
    Budget,
    MoneyUnit,
    MonitoringRecord,
    SelfEvaluationRecord,
    TargetRecord,
    fund_from_text,
)

ProjectKind = Literal["target", "monitoring", "self_evaluation"]
ProjectRecord = TargetRecord | MonitoringRecord | SelfEvaluationRecord
Line = list[Cell]

_MAX_LABEL_CHARS = 40
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

    printed_title = clean_cell(title) if title else None
    year = _year(header, printed_title, context)
    common = {
        "title": printed_title or None,
        "region": region_of(
            [printed_title, header.unit, header.reporting_unit, header.project, *(context or [])]
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
            period=period_of(header.period, year),
            progress=goals.progress,
            overall_completion_pct=goals.overall_pct,
        )
    return SelfEvaluationRecord(
        **common,
        progress=goals.progress,
        total_weight=weight,
        total_score=score,
    )


def detect_project_kind(rows: list[Row], title: str | None) -> ProjectKind | None:
    """The kind of a project table from its title words (自评/监控/目标), else from
    the labels it prints (监控时点, 指标完成率 → monitoring; 分值, 得分, 实际完成值,
    全年执行数 → self-evaluation; only 指标值 → target); ``None`` if it has no
    indicator table."""
    if title:
        words = label_key(title)
        if "自评" in words:
            return "self_evaluation"
        if "监控" in words:
            return "monitoring"
        if "评价" in words:
            return "self_evaluation"
        if "目标" in words and "表" in words:
            return "target"
    keys: set[str] = set()
    for row in rows:
        for raw in row.cells:
            if raw and len(raw) <= _MAX_LABEL_CHARS:
                keys.add(cell_info(raw)[2])
    if keys & _MONITORING_KEYS:
        return "monitoring"
    if keys & _SELF_EVALUATION_KEYS:
        return "self_evaluation"
    if keys & _TARGET_KEYS:
        return "target"
    return None


_MONITORING_KEYS = frozenset(
    label_key(s)
    for s in ("监控时点", "指标完成率", "总体完成率", "到位数", "资金到位情况", "目前完成情况")
)
_SELF_EVALUATION_KEYS = frozenset(
    label_key(s)
    for s in (
        "分值",
        "得分",
        "实际完成值",
        "全年执行数",
        "年初预算数",
        "全年预算数",
        "实际完成目标",
        "实际完成情况",
        "执行数",
        "指标完成值",
        "总分",
        "偏差原因分析及改进措施",
    )
)
_TARGET_KEYS = frozenset(
    label_key(s)
    for s in (
        "指标值",
        "指标值（包含数字及文字描述）",
        "年度指标值",
        "预期指标值",
        "年度资金总额",
        "项目总体目标",
    )
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
        elif is_footer(first) or header_labels(first.text):
            break
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
            end = index + 1
            while end < len(lines) and all(
                is_heading_cell(c) or section_of(c) == "indicators" for c in lines[end][0]
            ):
                end += 1
            return index, end
    for index, (cells, _) in enumerate(lines):
        if is_level1(cells[0]) and section_of(cells[0]) is None:
            return index, index
    return len(lines), len(lines)


def _opens_heading(cells: Line) -> bool:
    """A heading printed one cell per line: it opens with 一级指标 (or 二级/三级)."""
    return len(cells) == 1 and column_slot(cells[0]) in ("level1", "level2", "name")


def _part_of(cells: Line, current: str) -> str:
    """Which head part a line belongs to, from the labels it prints."""
    for cell in cells:
        section = section_of(cell)
        if section in _HEAD_PARTS:
            return section
    if any(header_labels(c.text) for c in cells):
        return "header"
    if any(amount_member(c) or line_member(c) or budget_score_member(c) for c in cells):
        return "budget"
    if any(goal_member(c) for c in cells):
        return "goal"
    return current


def _lone_number(cells: Line) -> bool:
    return len(cells) == 1 and cells[0].look in (Look.NUMBER, Look.DASH)


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
