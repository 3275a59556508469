"""Narrative reports (决算的说明, 绩效自评报告, 绩效评价报告) → ``report`` records.

**Title.** A report printed with a cover page (``…整体支出 / 绩效评价报告 /
(2020年度)`` and 项目名称/实施单位 lines) followed by the body's own title
(``# …2020年整体支出绩效自评报告``) carries the body's title: that is the
report's own name; the cover only announces it. A report with a cover but no
body title carries the cover title (its lines joined).

**Text.** The body below the title, one paragraph per block, separated by a
blank line (``\\n\\n``). Cover rows are not part of it. Each paragraph is
cleaned like a cell (spaces the extractor put between CJK characters and digits
removed, LaTeX and HTML turned to text, markdown ``#``/``**`` dropped). Headings
(markdown ``#``; short lines opening with 一、/（一）/1、/(1); short lines without
punctuation such as ``预算完成情况``) stand alone. PDF line wraps inside a paragraph
are joined: a line that is not a heading, is at least :data:`MIN_WRAPPED_CHARS`
long and does not end with closing punctuation continues on the next line,
across blank lines too (page breaks).

**Facts** come only from standard statements: a figure with a unit right after
a label that names a metric (``总收入 43436.13 万元``, ``本年收支结余 -10670.54
万元``, ``参保缴费人数 70083 人``, ``完成预算的 92.89%``). Sub-items after
``其中`` are not facts. In a sentence about a budget (``…预算…完成…``) the
expenditure is ``executed``. The unit is recorded as printed; in ``万元元`` the
unit read is ``万元`` (the stray ``元`` is left to the text). The subject is the
fund the clause names, else the one the sentence names before the figure, else
the one named earlier in the paragraph, else the fund of the heading the
paragraph stands under, else ``total``; when several funds are named at once
(``城镇职工、居民医疗保险``) it is the heading's fund if that is one of them,
else ``total``. ``quote`` is the sentence the figure stands in, as it reads in
``text``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from jixiao.ingest.errors import IngestError
from jixiao.ingest.locality import region_of, year_of
from jixiao.ingest.rows import Row
from jixiao.ingest.segments import (
    Segment,
    is_cover_line,
    is_footer,
    row_text,
)
from jixiao.ingest.text import TEXT_CACHE_SIZE, clean_cell
from jixiao.records import Fact, Fund, ReportRecord
from jixiao.records.funds import funds_in_text as _funds_in_text
from jixiao.records.report import FactMetric, FactUnit

_FUND_WORDS = re.compile(r"养老|医|工伤|失业|生育|新农|城居保")  # in every fund pattern


def funds_in_text(text: str) -> list[Fund]:
    """:func:`jixiao.records.funds.funds_in_text`, skipped for text naming no fund word."""
    return list(_named_funds(text)) if _FUND_WORDS.search(text) else []


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _named_funds(text: str) -> tuple[Fund, ...]:
    """The funds a text names (memoized: headings and sentences recur across reports)."""
    return tuple(_funds_in_text(text))


MIN_WRAPPED_CHARS = 12
"""Shortest line taken as wrapped when it does not end a sentence; shorter ones end their paragraph."""

_CLOSING = '。！？；：!?;:…）)」』”"'
_HEADING_MARKERS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"^[一二三四五六七八九十]+[、.．]"), 1),
    (re.compile(r"^[(（][一二三四五六七八九十]+[)）]"), 2),
    (re.compile(r"^\d+[、.．](?!\d)"), 3),
    (re.compile(r"^[(（]\d+[)）]"), 4),
)
_MAX_HEADING_CHARS = 40
_CLAUSE_MARKS = re.compile(r"[，。；,;]")
_COLON = re.compile(r"[：:]")
_MINOR_HEADING = 9  # a short unnumbered line without punctuation such as 预算完成情况


@dataclass(frozen=True)
class Paragraph:
    """One block of the body; ``heading`` is 0 for text, else its rank (1 = highest)."""

    text: str
    heading: int = 0


def _heading_rank(row: Row, text: str) -> int:
    if row.heading:
        return row.heading
    if len(text) > _MAX_HEADING_CHARS or _CLAUSE_MARKS.search(text):
        return 0
    for pattern, rank in _HEADING_MARKERS:
        if pattern.match(text):
            return rank
    if not _COLON.search(text) and text[-1] not in _CLOSING:
        return _MINOR_HEADING  # a short line without punctuation: 预算完成情况
    return 0


def paragraphs(rows: list[Row]) -> list[Paragraph]:
    """The body's paragraphs: headings alone, wrapped lines joined (see module docstring)."""
    out: list[Paragraph] = []
    pending: list[str] = []

    def flush() -> None:
        if pending:
            text = clean_cell(" ".join(pending))
            if text:
                out.append(Paragraph(text))
            pending.clear()

    for row in rows:
        raw = " ".join(row.filled)
        text = row_text(row)
        if not text:
            continue
        rank = _heading_rank(row, text)
        if pending and rank == _MINOR_HEADING:
            rank = 0  # a line after an unfinished one continues it
        if rank:
            flush()
            out.append(Paragraph(text, rank))
            continue
        pending.append(raw)
        if text[-1] in _CLOSING or len(text) < MIN_WRAPPED_CHARS:
            flush()
    flush()
    return out


# --- facts ----------------------------------------------------------------------

_SENTENCE = re.compile(r"[^。；;！？!?]+[。；;！？!?]?")
_FIGURE = re.compile(
    r"(?<![\d.,])(?P<number>[-−－]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)"
    r"(?P<unit>亿元|万元|元|%|％|人次|人)"
)
_CLAUSE_BREAK = re.compile(r"[，,]")
_QIZHONG_COMMA = re.compile(r"其中[，,]")
_LABEL_TAIL = re.compile(r"(?:为|是|达到?|共计?|约|[:：])+$")
_BUDGET_SENTENCE = re.compile(r"预算")
_BUDGET_VERB = re.compile(r"完成|执行")
_RATE = re.compile(r"完成[^，,]*预算|预算执行率|预算完成率")
_TOTAL_MARKERS = re.compile(r"[两二三四五六七八各]项|全[县区市州省]|合计|总体")

# Labels that end like a metric but are not one: opening balances and income sub-items.
_NOT_METRIC = re.compile(
    r"(上年|年初|期初)(滚存|累计)?结余(资金|金额|额)?$"
    r"|(保险费|保费|缴费|补贴|补助|利息|转移|代缴|其他)收入$"
    r"|(待遇|上解|转移|补助|其他|养老金|丧葬费|抚恤金|津贴|费用)支出$"
)
_INCOME = "总收入|本年收入|当年收入|全年收入|年度收入|基金收入|收入合计|收入总额|保险收入"
_EXPENDITURE = "总支出|本年支出|当年支出|全年支出|年度支出|基金支出|支出合计|支出总额|保险支出"
_MONEY_METRICS: tuple[tuple[re.Pattern[str], FactMetric], ...] = (
    (re.compile(r"(滚存|累计)结余(资金|金额|额)?$|(年末|期末)结余$"), "closing_balance"),
    (re.compile(r"结余(资金|金额|额)?$"), "balance"),
    (re.compile(r"预算(支出|数|金额|资金)?$|支出预算数?$"), "planned"),
    (re.compile(f"({_INCOME})$"), "income"),
    (re.compile(f"({_EXPENDITURE})$"), "expenditure"),
    (re.compile(r"执行数$|支出(金额|额)?$"), "executed"),  # in a sentence about the budget
)
_PEOPLE_METRICS: tuple[tuple[re.Pattern[str], FactMetric], ...] = (
    (re.compile(r"(参保缴费|参保|缴费)(人数|人员|人次)$"), "insured"),
    (re.compile(r"(享受待遇|待遇享受|领取待遇|待遇领取|享受)(人数|人员|人次)$"), "beneficiaries"),
)


def _money_metric(label: str, budget: bool) -> FactMetric | None:
    if _NOT_METRIC.search(label):
        return None
    for pattern, metric in _MONEY_METRICS:
        if pattern.search(label):
            if metric == "expenditure" and budget:
                return "executed"
            if metric == "executed" and not budget:
                return None
            return metric
    return None


def _metric(unit: str, label: str, clause_prefix: str, budget: bool) -> FactMetric | None:
    if unit in ("%", "％"):
        return "execution_rate_pct" if _RATE.search(clause_prefix) else None
    if unit in ("人", "人次"):
        for pattern, metric in _PEOPLE_METRICS:
            if pattern.search(label):
                return metric
        return None
    return _money_metric(label, budget)


@dataclass
class _Scope:
    """Funds in force where a sentence stands: its heading's and its paragraph's."""

    heading_fund: Fund | None = None
    heading_rank: int = 0
    paragraph_fund: Fund | None = None

    def enter_heading(self, text: str, rank: int) -> None:
        funds = funds_in_text(text)
        if len(funds) == 1:
            self.heading_fund, self.heading_rank = funds[0], rank
        elif self.heading_fund is not None and rank <= self.heading_rank:
            self.heading_fund, self.heading_rank = None, 0


def _resolve(funds: list[Fund], scope: _Scope) -> str:
    if len(funds) == 1:
        return funds[0].value
    heading = scope.heading_fund
    return heading.value if heading is not None and heading in funds else "total"


def _subject(sentence: str, clause_start: int, start: int, scope: _Scope) -> str:
    clause = sentence[clause_start:start]
    before = sentence[:start]
    for text in (clause, before):
        funds = funds_in_text(text)
        if funds:
            return _resolve(funds, scope)
        if _TOTAL_MARKERS.search(text):
            return "total"
    if scope.paragraph_fund is not None:
        return scope.paragraph_fund.value
    if scope.heading_fund is not None:
        return scope.heading_fund.value
    return "total"


_UNITS: dict[str, FactUnit] = {"亿元": "亿元", "万元": "万元", "元": "元", "%": "%", "％": "%"}
_UNITS.update({"人次": "人次", "人": "人"})


def sentence_facts(sentence: str, scope: _Scope) -> list[Fact]:
    """The facts one sentence states (see the module docstring)."""
    work = _QIZHONG_COMMA.sub("其中：", sentence) if "其中" in sentence else sentence
    budget = bool(_BUDGET_SENTENCE.search(work) and _BUDGET_VERB.search(work))
    quote = sentence.strip()
    facts: list[Fact] = []
    previous_end = 0
    breaks: list[int] | None = None  # where each clause starts, read at the first figure
    for match in _FIGURE.finditer(work):
        start = match.start()
        if breaks is None:
            breaks = [0, *(m.end() for m in _CLAUSE_BREAK.finditer(work))]
        # the clause break is one character: it ends at or before ``start``
        clause_start = breaks[bisect_right(breaks, start) - 1]
        clause_prefix = work[clause_start:start]
        label = _LABEL_TAIL.sub("", work[max(clause_start, previous_end) : start].strip())
        previous_end = match.end()
        if clause_prefix.startswith("其中"):
            continue
        metric = _metric(match.group("unit"), label, clause_prefix, budget)
        if metric is None:
            continue
        number = match.group("number").replace(",", "").replace("−", "-").replace("－", "-")
        facts.append(
            Fact(
                subject=_subject(work, clause_start, start, scope),
                metric=metric,
                value=Decimal(number),
                unit=_UNITS[match.group("unit")],
                quote=quote,
            )
        )
    return facts


def report_facts(body: list[Paragraph]) -> list[Fact]:
    """Every fact the body states, in reading order."""
    facts: list[Fact] = []
    scope = _Scope()
    for paragraph in body:
        if paragraph.heading:
            scope.enter_heading(paragraph.text, paragraph.heading)
            continue
        scope.paragraph_fund = None
        for sentence in _SENTENCE.findall(paragraph.text):
            facts.extend(sentence_facts(sentence, scope))
            named = funds_in_text(sentence)
            if len(named) == 1:
                scope.paragraph_fund = named[0]
    return facts


# --- the record -------------------------------------------------------------------


def read_report(segment: Segment, source: str = "<input>") -> ReportRecord:
    """A report segment (cover rows, title row, body rows) → a ``report`` record."""
    body_rows = [r for r in segment.rows if not is_footer(r)]
    cover = [row_text(r) for r in segment.cover]
    while body_rows and is_cover_line(body_rows[0]):
        cover.append(row_text(body_rows.pop(0)))
    body = paragraphs(body_rows)
    if not body:
        line = segment.title_row.line if segment.title_row else segment.line
        raise IngestError("报告在此处截断：标题之后没有正文", source=source, line=line)
    title = segment.title
    cover_text = " ".join(cover)
    funds = funds_in_text(title or "")
    return ReportRecord(
        title=title,
        region=region_of([title, *cover]),
        year=year_of(title) or year_of(cover_text),
        fund=funds[0] if len(funds) == 1 else None,
        text="\n\n".join(p.text for p in body),
        facts=report_facts(body),
    )
