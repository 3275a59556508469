"""The document pipeline: text → rows → segments → records, in file order.

1. :func:`jixiao.ingest.grid.read_rows` turns any text style into rows;
2. :func:`jixiao.ingest.segments.split_segments` cuts them at titles (or at the
   first row of a table printed without one);
3. each segment becomes a record: project tables through
   :mod:`jixiao.ingest.project`, the 决算 tables of one region and year merged
   into one ``final_accounts`` record (placed where the first of them stands),
   reports through :mod:`jixiao.ingest.reports`.

A table inside a report that is no form (no title, no form header labels: a
summary of the report's figures, say) stays in the report with the text after
it; a form table there is a record of its own.

A title followed directly by another title (a list of attachments such as
``附件：1.…决算收入表 2.…决算支出表``) makes no record; a title with nothing after it
at the end of the file is a table cut short. Input that is not a performance
document raises :class:`IngestError` with the file and line; any other
exception is a bug.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from jixiao.ingest.errors import IngestError
from jixiao.ingest.files import read_document
from jixiao.ingest.final_accounts import (
    accounts_key,
    looks_like_final_accounts,
    read_final_accounts,
)
from jixiao.ingest.grid import read_rows
from jixiao.ingest.project import detect_project_kind, read_project_record
from jixiao.ingest.reports import read_report
from jixiao.ingest.rows import Row
from jixiao.ingest.segments import (
    Segment,
    SegmentKind,
    is_table_row,
    split_segments,
)
from jixiao.ingest.text import clean_cell
from jixiao.records import Record


@dataclass
class _AccountsGroup:
    """决算 tables that make one record: same region and year, each table once."""

    region: str | None
    year: int | None
    segments: list[Segment] = field(default_factory=list)

    def accepts(self, segment: Segment) -> bool:
        region, year = accounts_key(segment)
        parts = {s.part for s in self.segments}
        return (
            (region is None or self.region is None or region == self.region)
            and (year is None or self.year is None or year == self.year)
            and (segment.part is None or segment.part not in parts)
        )

    def add(self, segment: Segment) -> None:
        region, year = accounts_key(segment)
        self.region = self.region or region
        self.year = self.year or year
        self.segments.append(segment)


def _kind_of(segment: Segment) -> SegmentKind | None:
    """A segment's kind: from its title, else from its header labels."""
    if segment.kind is not None:
        return segment.kind
    # a project table's labels first: its indicator names may read like 决算 lines
    # (基金收入预算执行率, …基金决算数据及分析)
    project = detect_project_kind(segment.rows, segment.title)
    if project is not None:
        return project
    return "final_accounts" if looks_like_final_accounts(segment.rows) else None


def _fold_report_tables(segments: list[Segment]) -> list[Segment]:
    """Segments with every table cut out of a report put back into it when it is no
    form, and the text after a form table inside a report put back too; the others
    get their kind. Rows keep their order in the report."""
    kept: list[Segment] = []
    for segment in segments:
        report = segment.within_report
        if report is None:
            segment.kind = _kind_of(segment)
            kept.append(segment)
            continue
        rows = segment.rows
        table, after = _split_after_table(rows)
        segment.rows = table
        segment.kind = _kind_of(segment)
        if segment.kind is None:
            report.rows.extend(rows)
            continue
        report.rows.extend(after)
        kept.append(segment)
    return kept


def _split_after_table(rows: list[Row]) -> tuple[list[Row], list[Row]]:
    """A table segment's rows, and the text lines after its last table row."""
    last = next((i for i in range(len(rows) - 1, -1, -1) if is_table_row(rows[i])), -1)
    if last < 0:
        return rows, []
    after = rows[last + 1 :]
    return rows[: last + 1] + [r for r in after if r.style != "text"], [
        r for r in after if r.style == "text"
    ]


def _table_body(segment: Segment) -> list[Row]:
    """A table segment's rows without the stray text lines after its last table row."""
    return _split_after_table(segment.rows)[0]


def _truncated(segment: Segment, source: str) -> IngestError:
    line = segment.title_row.line if segment.title_row else segment.line
    return IngestError(
        f"“{segment.title}”在此处截断：标题之后没有表格内容", source=source, line=line
    )


def _footer_line(row: Row) -> str:
    """A footer line as printed, its cells (制表人, 电话 …) kept apart by a space."""
    return " ".join(clean_cell(cell) for cell in row.filled)


def records_from_rows(rows: list[Row], source: str = "<input>") -> list[Record]:
    """Records of a document already split into rows, in file order."""
    slots: list[Record | _AccountsGroup] = []
    segments = _fold_report_tables(split_segments(rows))
    for index, segment in enumerate(segments):
        kind = segment.kind
        if kind is None:
            continue
        if not segment.rows and not segment.cover:
            if index + 1 < len(segments):
                continue  # a title followed by another one: a list of attachments
            raise _truncated(segment, source)
        if kind == "report":
            slots.append(read_report(segment, source))
            continue
        if kind == "final_accounts":
            group = next(
                (
                    g
                    for g in reversed(slots)
                    if isinstance(g, _AccountsGroup) and g.accepts(segment)
                ),
                None,
            )
            if group is None:
                group = _AccountsGroup(*accounts_key(segment))
                slots.append(group)
            group.add(segment)
            continue
        record = read_project_record(
            _table_body(segment), kind, title=segment.title, context=segment.context
        )
        if segment.footer:
            record.footer = "\n".join(_footer_line(r) for r in segment.footer)
        slots.append(record)
    return [
        read_final_accounts(s.segments, source) if isinstance(s, _AccountsGroup) else s
        for s in slots
    ]


def parse_text(text: str, source: str = "<input>") -> list[Record]:
    """The records of one document's text, in the order they stand in it.

    Raises :class:`IngestError` (with ``source`` and a line) for text that holds
    no performance table or report, or a table cut short.
    """
    try:
        rows = read_rows(text)
        if not rows:
            raise IngestError("文件为空，没有可读取的内容", line=1)
        records = records_from_rows(rows, source)
        if not records:
            raise IngestError(
                "不是绩效文档：没有找到绩效目标表、监控表、自评表、决算表或报告的标题或表头",
                line=rows[0].line,
            )
    except IngestError as error:
        if error.source is None or error.source == "<input>":
            error.source = source
        raise
    return records


def parse_file(path: str | Path) -> list[Record]:
    """The records of a document file (UTF-8, GB18030 or UTF-16 with BOM)."""
    text = read_document(path)
    return parse_text(text, source=str(path))
