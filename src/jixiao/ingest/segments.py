"""Splitting a document's rows into segments: one table or one report each.

A segment starts at a **title**: a text row, a markdown heading or a single-cell
table row naming a form or a report (…绩效监控情况表, …绩效自评表, …决算收入表,
…决算的说明, …绩效自评报告 …). Tables printed without a title start a segment
of unknown kind at their first row; the pipeline then tells the kind from the
header labels. Rules:

- Footers (制表人, 填报人, 电话 …) end a table; they are kept in the table's
  ``footer`` (the lines that directly follow it), never among its rows.
- ``附件N:`` lines announce the next attachment and belong to no segment (they
  are kept as the next segment's :attr:`Segment.context`); a ``附件2：`` before a
  title on the same line is not part of the title.
- A table row (two or more cells) inside a report starts an untitled segment
  that remembers the report (:attr:`Segment.within_report`); so does each
  further table after it. The pipeline tells each one's kind from its header
  labels: a form table is a record of its own, any other table (a summary of
  the figures, say) goes back into the report with the text after it.
- A report's cover page (cover title over one or more lines, ``(2020年度)``,
  项目名称/实施单位/项目负责人/填报时间 lines) and the body title after it form
  one report segment whose title is the body title; the cover rows are kept in
  :attr:`Segment.cover`.
- Inside a table, a row repeating the table's first header label starts a new
  table of the same kind (a second table printed without its own title), unless
  that label is the indicator heading's (一级指标…): a new page repeats it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from jixiao.ingest.memo import text_memo
from jixiao.ingest.rows import Row
from jixiao.ingest.text import TEXT_CACHE_SIZE, clean_cell, label_key
from jixiao.ingest.vocab import FOOTER_LABELS, HEADER_FIELD_LABELS, TREE_HEADING_LABELS

SegmentKind = Literal["target", "monitoring", "self_evaluation", "final_accounts", "report"]
AccountsPart = Literal["income", "expenditure", "balance"]

# Title endings (on label_key text, a trailing "2020年度" or "单位万元" removed).
_TITLE_PATTERNS: tuple[tuple[re.Pattern[str], SegmentKind, AccountsPart | None], ...] = (
    (re.compile(r"决算收入表$"), "final_accounts", "income"),
    (re.compile(r"决算支出表$"), "final_accounts", "expenditure"),
    (re.compile(r"决算结余表$"), "final_accounts", "balance"),
    (re.compile(r"收支决算表$|决算收支表$|基金决算表$"), "final_accounts", None),
    (re.compile(r"绩效(运行|目标执行)?监控(情况)?表$"), "monitoring", None),
    (re.compile(r"绩效自评(情况)?表$"), "self_evaluation", None),
    (re.compile(r"绩效目标(申报)?表$"), "target", None),
    (re.compile(r"决算(草案)?(情况)?的?说明$"), "report", None),
    (re.compile(r"(绩效自评|绩效评价|自评|评价)(情况)?的?报告$"), "report", None),
)
_TITLE_HINT = re.compile(r"[表明告]")
# What may follow a title's form name on its line (on label_key text): the year, the
# money unit (单位：万元, or the unit alone in brackets: （万元）), the period
# monitored (（1-6月）, (2024年1-6月), 上半年, 截至6月底).
_TITLE_TAIL = re.compile(
    r"(?:\d{4}年度?|(?:(?:金额)?单位)?(?:万元|亿元|元)|\d{1,4}月(?:份|底)?|上半年|截[至止]\d{1,2}月\d{0,2}日?底?)+$"
)
_ATTACHMENT_PREFIX = re.compile(r"^附件\s*\d*\s*[:：]?\s*(?=\S)")
_MAX_TITLE_CHARS = 60
_MAX_RAW_TITLE_CHARS = 200  # before cleaning (spaces, markup): longer rows are text
_SENTENCE_MARKS = re.compile(r"[。，；;]")
_LABEL_COLON = re.compile(r"^([^:：]{1,12})[:：]")
_RAW_LABEL_COLON = re.compile(r"^[^:：]{1,40}[:：]")
_ATTACHMENT = re.compile(r"^附件\s*\d*\s*[:：]?$")
# Lines of a report cover page below its title: "项目名称：…", "(2020年度)".
_COVER_FIELD = re.compile(r"^[^：:，。]{2,14}[：:]")
_YEAR_LINE = re.compile(r"^[(（]?\d{4}年度?[)）]?$")
_MAX_COVER_ROWS = 10
_MAX_COVER_TITLE_LINES = 3
_MAX_COVER_TITLE_CHARS = 30
_COVER_TITLE_MARKS = re.compile(r"[，。；：:,;]")
_FIGURES_ONLY = re.compile(r"[\d.,，%-]*")
# Orphan rows (e.g. 金额单位、填报单位) carried into an untitled table that follows them.
_MAX_LEADING_ORPHANS = 3
_MIN_ROWS_BEFORE_REPEAT = 4
# Header labels that open a project table (项目名称): alone on a line, they start an
# untitled table printed one cell per line.
_STREAM_OPENERS = frozenset(key for key, field in HEADER_FIELD_LABELS.items() if field == "project")
_MAX_OPENER_CHARS = 12
_OPENER_FIRSTS = frozenset(key[0] for key in _STREAM_OPENERS)


@dataclass(frozen=True)
class TitleMatch:
    """What a title row names: the kind of segment and, for 决算, which table."""

    kind: SegmentKind
    part: AccountsPart | None
    text: str


@dataclass
class Segment:
    """One table or report: its title row (if any), the rows after it and, for a
    report, the cover rows before its title. ``context`` holds the text lines
    just before it that belong to no segment (``附件1:`` …). ``kind`` is ``None``
    for a table without a title until the pipeline has read its header labels.
    ``within_report`` is the report an untitled table interrupted: the rows go
    back into it when they are no form."""

    kind: SegmentKind | None
    title: str | None = None
    title_row: Row | None = None
    part: AccountsPart | None = None
    rows: list[Row] = field(default_factory=list)
    cover: list[Row] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    footer: list[Row] = field(default_factory=list)
    within_report: Segment | None = field(default=None, repr=False)

    @property
    def line(self) -> int:
        """The 1-based line where the segment starts."""
        for row in (*self.cover, *([self.title_row] if self.title_row else []), *self.rows):
            return row.line
        return 1


def row_text(row: Row) -> str:
    """A row's text with extraction damage and markdown emphasis removed."""
    return _clean_text(row.text)


def _clean_text(text: str) -> str:
    """:func:`row_text` of a row whose text is ``text``."""
    return clean_cell(text.replace("**", "").replace("__", ""))


def is_table_row(row: Row) -> bool:
    """A row of a table proper: a table style with at least two filled cells."""
    return row.is_table and len(row.filled) >= 2


def match_title(row: Row) -> TitleMatch | None:
    """The form or report a row names as its title, or ``None``.

    >>> match_title(Row(cells=["岳普湖县社保基金支出绩效监控情况表"], line=1)).kind
    'monitoring'
    >>> match_title(Row(cells=["关于 2020 年岳普湖县社会保险基金决算的 说 明"], line=1)).kind
    'report'
    >>> match_title(Row(cells=["年度绩效指标完成情况", "一级指标"], line=1, style="tsv")) is None
    True
    """
    return _title(row, row.filled)


def _title(row: Row, filled: list[str]) -> TitleMatch | None:
    if len(filled) == 1:  # a text line or a one-cell table row: read once per text
        cell = filled[0]
        if len(cell) > _MAX_RAW_TITLE_CHARS or not _TITLE_HINT.search(cell):
            return None
        return _cell_title(cell)
    if row.is_table or sum(len(c) for c in filled) > _MAX_RAW_TITLE_CHARS:
        return None
    if not any(_TITLE_HINT.search(c) for c in filled):
        return None  # every title ends in 表, 说明 or 报告: skip the cleaning
    return _read_title(row_text(row))


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _cell_title(cell: str) -> TitleMatch | None:
    """:func:`_read_title` of a row whose only filled cell is ``cell`` (titles repeat)."""
    return _read_title(_clean_text(cell))


def title_key(text: str) -> str:
    """A title's label key without what may follow its form name (year, money unit,
    period): ``…运行监控表（1-6月）`` → ``…运行监控表``.

    >>> title_key("洛浦县社会保险基金预算绩效运行监控表（2024年1-6月）")
    '洛浦县社会保险基金预算绩效运行监控表'
    """
    return _TITLE_TAIL.sub("", label_key(text))


def _read_title(cleaned: str) -> TitleMatch | None:
    text = _ATTACHMENT_PREFIX.sub("", cleaned)
    if not text or len(text) > _MAX_TITLE_CHARS or _SENTENCE_MARKS.search(text):
        return None
    key = title_key(text)
    for pattern, kind, part in _TITLE_PATTERNS:
        if pattern.search(key):
            return TitleMatch(kind=kind, part=part, text=text)
    return None


def is_footer(row: Row) -> bool:
    """制表人/填报人/电话 … lines under a table: a ``vocab.FOOTER_LABELS`` label and a colon."""
    return _footer(row.filled)


def _footer(filled: list[str]) -> bool:
    if not filled:
        return False
    first = filled[0]
    return (":" in first or "：" in first) and _footer_cell(first)


@text_memo()
def _footer_cell(first: str) -> bool:
    """Whether a row whose first filled cell is ``first`` is a footer line."""
    if not _RAW_LABEL_COLON.match(first):
        return False
    match = _LABEL_COLON.match(clean_cell(first))
    return match is not None and label_key(match.group(1)) in FOOTER_LABELS


def is_attachment_marker(row: Row) -> bool:
    """``附件5:`` lines that announce the next table."""
    return _attachment(row, row.filled)


def _attachment(row: Row, filled: list[str]) -> bool:
    return len(filled) == 1 and "附件" in filled[0] and bool(_ATTACHMENT.match(row_text(row)))


def is_cover_line(row: Row) -> bool:
    """A line of a report's cover page below its title: ``项目名称：…``, ``(2020年度)``."""
    text = row_text(row)
    if row.is_table or not text or "。" in text or len(text) > 40:
        return False
    return bool(_COVER_FIELD.match(text) or _YEAR_LINE.match(text))


def _only_cover(segment: Segment) -> bool:
    """A report segment that so far holds only its cover page (no body)."""
    return (
        segment.kind == "report"
        and len(segment.rows) <= _MAX_COVER_ROWS
        and all(is_cover_line(r) for r in segment.rows)
    )


def _is_cover_title_line(row: Row) -> bool:
    text = row_text(row)
    return (
        not row.is_table
        and row.heading == 0
        and 0 < len(text) <= _MAX_COVER_TITLE_CHARS
        and not _COVER_TITLE_MARKS.search(text)
        and not is_footer(row)
    )


def _take_cover_title(pool: list[Row], title_row: Row) -> list[Row]:
    """Remove and return the lines just above a report title that continue it
    (``岳普湖县社会保险基金整体支出`` over ``绩效评价报告``): contiguous lines,
    short, without punctuation."""
    taken: list[Row] = []
    line = title_row.line
    while pool and len(taken) < _MAX_COVER_TITLE_LINES:
        candidate = pool[-1]
        if candidate.line != line - 1 or not _is_cover_title_line(candidate):
            break
        taken.insert(0, pool.pop())
        line = candidate.line
    return taken


def _two_line_title(above: Row, row: Row) -> TitleMatch | None:
    """A title printed over two lines (``关于某县2022年度社会保险基金决算`` over
    ``情况的说明``): two short text lines, one under the other, that name a form or
    report only together."""
    if above.is_table or row.is_table or not 0 < row.line - above.line <= 2:
        return None
    raw = row.filled  # asked of every text line: the cheap tests on the raw text first
    if len(raw) != 1 or len(raw[0]) > _MAX_RAW_TITLE_CHARS or not _TITLE_HINT.search(raw[0]):
        return None
    if sum(len(c) for c in above.filled) > _MAX_RAW_TITLE_CHARS:
        return None
    first, second = row_text(above), row_text(row)
    if (
        not 0 < len(first) <= _MAX_COVER_TITLE_CHARS
        or not 0 < len(second) <= _MAX_COVER_TITLE_CHARS
    ):
        return None
    if not _TITLE_HINT.search(second) or match_title(above) is not None:
        return None
    return _read_title(first + second)


def _repeats_header(first: str | None, table_rows: int, cell: str) -> bool:
    """A table row whose first cell repeats the first header label of its table. A
    table that opens with its indicator heading (一级指标｜…) repeats it at the top of
    each new page: that continues the table."""
    return (
        first is not None
        and first not in TREE_HEADING_LABELS
        and table_rows >= _MIN_ROWS_BEFORE_REPEAT
        and first[:1] in cell
        and not _FIGURES_ONLY.fullmatch(first)
        and label_key(cell) == first
    )


def _is_header_contact(segment: Segment | None, rows: list[Row], index: int) -> bool:
    """A footer-like row (项目负责人：…｜联系电话：…) that is one of a table's header
    fields: a table row followed by another, in a table whose indicator heading has
    not come yet (a real footer follows the table)."""
    row = rows[index]
    return (
        segment is not None
        and segment.kind != "report"
        and is_table_row(row)
        and index + 1 < len(rows)
        and rows[index + 1].table == row.table
        and is_table_row(rows[index + 1])
        and not any(_names_tree_heading(r) for r in segment.rows)
    )


def _opens_project_table(current: Segment, table_rows: int, cell: str) -> bool:
    """A 项目名称 row after a 决算 table (titled, or untitled and printing no project
    header field), or after a project table's indicators: the next table, printed
    without a title or a gap (pdfplumber's tables one after another)."""
    if table_rows < _MIN_ROWS_BEFORE_REPEAT or len(cell) > _MAX_OPENER_CHARS:
        return False
    if not any(first in cell for first in _OPENER_FIRSTS):
        return False  # asked of every table row: the cheap test before the label key
    if label_key(cell) not in _STREAM_OPENERS:
        return False
    if current.kind == "final_accounts" or any(_names_tree_heading(r) for r in current.rows):
        return True
    # an untitled table that is no project table (a 决算 table: no header field above)
    return current.kind is None and not any(_names_header_field(r) for r in current.rows[:4])


def _names_header_field(row: Row) -> bool:
    return any(label_key(c) in HEADER_FIELD_LABELS for c in row.filled)


def _names_tree_heading(row: Row) -> bool:
    return row.is_table and any(label_key(c) in TREE_HEADING_LABELS for c in row.filled)


def _opens_stream(filled: list[str]) -> bool:
    """A lone 项目名称 cell: the first cell of a table printed one cell per line without a
    title line (its rows are text lines, so no table row starts the segment)."""
    return (
        len(filled) == 1
        and len(filled[0]) <= _MAX_OPENER_CHARS
        and (label_key(filled[0]) in _STREAM_OPENERS)
    )


def _context(orphans: list[Row]) -> list[str]:
    """The last few lines outside every segment, as text (``附件1:`` …)."""
    return [row_text(r) for r in orphans[-_MAX_LEADING_ORPHANS:]]


def split_segments(rows: list[Row]) -> list[Segment]:
    """The document's segments in file order (see the module docstring)."""
    segments: list[Segment] = []
    current: Segment | None = None
    orphans: list[Row] = []  # rows outside every segment since the last one closed
    first_label: str | None = None  # of the current table segment's first table row
    table_rows = 0  # in the current segment
    last_table = 0  # ``Row.table`` of the current segment's last table row
    closed: Segment | None = None  # the table a run of footer lines belongs to
    for index, row in enumerate(rows):
        filled = row.filled
        first = filled[0] if filled else ""  # 附件 or a colon in it, or no call is needed
        if "附件" in first and _attachment(row, filled):
            orphans.append(row)
            continue
        if (
            (":" in first or "：" in first)
            and _footer(filled)
            and not _is_header_contact(current, rows, index)
        ):
            if current is not None and current.kind != "report":
                closed, current = current, None
                orphans = []
            if closed is not None:
                closed.footer.append(row)
            continue
        closed = None
        in_table = row.is_table and len(filled) >= 2
        title = None if in_table else _title(row, filled)
        pool = current.rows if current is not None else orphans  # where the last row went
        top = row  # the title's first line
        if (
            title is None
            and not in_table
            and pool
            and len(filled) == 1
            and _TITLE_HINT.search(filled[0])  # every title ends in 表, 说明 or 报告
            and (title := _two_line_title(pool[-1], row))
        ):
            top = pool.pop()
        if title is not None:
            if title.kind == "report" and current is not None and _only_cover(current):
                assert current.title_row is not None
                current.cover += [current.title_row, *current.rows]
                current.title, current.title_row, current.rows = title.text, row, []
                continue
            cover: list[Row] = []
            if title.kind == "report":
                cover = _take_cover_title(pool, top)
            text = "".join([*(row_text(r) for r in cover), title.text])
            current = Segment(kind=title.kind, title=text, title_row=row, part=title.part)
            current.cover = cover
            current.context = _context(orphans)
            segments.append(current)
            orphans, first_label, table_rows = [], None, 0
            continue
        opens_stream = not in_table and _opens_stream(filled)
        if current is None:
            if not in_table and not opens_stream:
                orphans.append(row)
                continue
            leading = [r for r in orphans if not is_attachment_marker(r)][-_MAX_LEADING_ORPHANS:]
            current = Segment(kind=None, rows=leading, context=_context(orphans))
            segments.append(current)
            orphans, first_label, table_rows = [], None, 0
        elif in_table and (
            current.kind == "report"
            or (current.within_report is not None and row.table != last_table)
        ):
            # a table inside a report: a segment of its own until its kind is known
            report = current if current.kind == "report" else current.within_report
            current = Segment(kind=None, within_report=report)
            segments.append(current)
            first_label, table_rows = None, 0
        elif (
            in_table
            and (
                _repeats_header(first_label, table_rows, filled[0])
                or _opens_project_table(current, table_rows, filled[0])
            )
        ) or (
            opens_stream
            and current.kind is None
            and current.title_row is None
            and len(current.rows) >= _MIN_ROWS_BEFORE_REPEAT
        ):
            current = Segment(kind=current.kind, part=current.part)
            segments.append(current)
            first_label, table_rows = None, 0
        if in_table:
            table_rows += 1
            last_table = row.table
            if first_label is None:
                first_label = label_key(filled[0])
        current.rows.append(row)
    return segments
