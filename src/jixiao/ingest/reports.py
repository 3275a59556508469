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

A table printed inside the body (one that is no form: a summary of the figures)
is one paragraph of its own: a line per row, its cells kept apart by a tab.

**Facts** come only from standard statements (never from a table): a figure with a unit right after
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
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple, TypedDict

from jixiao.ingest.errors import IngestError
from jixiao.ingest.locality import region_of, year_of
from jixiao.ingest.rows import Row
from jixiao.ingest.segments import (
    Segment,
    is_cover_line,
    is_footer,
    is_table_row,
    row_text,
)
from jixiao.ingest.text import TEXT_CACHE_SIZE, clean_cell
from jixiao.records import Fund, ReportRecord
from jixiao.records.funds import FUND_WORDS, funds_among
from jixiao.records.funds import funds_in_text as _funds_in_text
from jixiao.records.report import PARAGRAPH_BREAK, TABLE_CELL_BREAK, FactMetric, FactUnit


def funds_in_text(text: str) -> list[Fund]:
    """:func:`jixiao.records.funds.funds_in_text`, skipped for text naming no fund word."""
    return list(_named_funds(text)) if FUND_WORDS.search(text) else []


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _named_funds(text: str) -> tuple[Fund, ...]:
    """The funds a text names (memoized: headings and titles recur across reports)."""
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
    """One block of the body; ``heading`` is 0 for text, else its rank (1 = highest);
    ``table`` marks the rows of a table printed in the body."""

    text: str
    heading: int = 0
    table: bool = False


def _table_line(row: Row) -> str:
    """A table row inside a report as one line: its cleaned cells apart by a tab."""
    cells = (clean_cell(cell) for cell in row.filled)
    return TABLE_CELL_BREAK.join(text for text in cells if text)


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

    table = 0  # ``Row.table`` of the table the last paragraph holds
    for row in rows:
        if is_table_row(row):
            flush()
            line = _table_line(row)
            if table == row.table and out and out[-1].table:
                out[-1] = Paragraph(f"{out[-1].text}\n{line}", table=True)
            else:
                out.append(Paragraph(line, table=True))
            table = row.table
            continue
        table = 0
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
        pending.append(" ".join(row.filled))  # as printed: cleaned with the paragraph
        if text[-1] in _CLOSING or len(text) < MIN_WRAPPED_CHARS:
            flush()
    flush()
    return out


# --- facts ----------------------------------------------------------------------

_SENTENCE = re.compile(r"[^。；;！？!?]+[。；;！？!?]?")
# A number with its unit, not preceded by a digit, ``.`` or ``,``: in full
# ``(?<![\d.,])[-−－]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:亿元|…)``, written to
# open with one character class so that the regex engine skips to the next sign or
# digit instead of trying every position (same matches, several times faster).
_FIGURE = re.compile(
    r"(?P<number>[-−－\d](?<![\d.,].)"
    r"(?:(?<=\d)(?:\d{0,2}(?:,\d{3})+|\d*)|(?<=[-−－])(?:\d{1,3}(?:,\d{3})+|\d+))"
    r"(?:\.\d+)?)"
    r"(?P<unit>亿元|万元|元|%|％|人次|人)"
)
_QIZHONG_COMMA = re.compile(r"其中[，,]")
_LABEL_TAIL = re.compile(r"(?:为|是|达到?|共计?|约|[:：])+$")
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


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _label_metric(unit: str, text: str, budget: bool) -> FactMetric | None:
    """The metric a money or people figure gives, from the text before it in its clause
    (after the previous figure): its label and a linking word (为, 达到, ：…).
    Memoized: labels recur."""
    label = _LABEL_TAIL.sub("", text.strip())
    if unit in ("人", "人次"):
        for pattern, metric in _PEOPLE_METRICS:
            if pattern.search(label):
                return metric
        return None
    return _money_metric(label, budget)


class _Figure(NamedTuple):
    """A fact as its sentence alone states it: where its number stands, what it
    measures, and what the sentence says of its subject.

    ``funds`` are those the figure's clause names, else those the sentence names
    before the figure; ``total`` is set when neither names a fund but the first of
    them to print a total marker (两项, 全县, 合计 …) does.
    """

    start: int  # the number's span in the sentence
    end: int
    metric: FactMetric
    unit: FactUnit
    funds: tuple[Fund, ...]
    total: bool

    def subject(self, paragraph_fund: Fund | None, heading_fund: Fund | None) -> str:
        """The fund code or ``"total"``, given the funds in force (see the module docstring)."""
        if len(self.funds) == 1:
            return self.funds[0].value
        if self.funds:  # several funds at once: the heading's if it is one of them
            if heading_fund is not None and heading_fund in self.funds:
                return heading_fund.value
            return "total"
        if self.total:
            return "total"
        if paragraph_fund is not None:
            return paragraph_fund.value
        if heading_fund is not None:
            return heading_fund.value
        return "total"


class _Sentence(NamedTuple):
    """What a sentence says by itself: its figures and the funds it names."""

    figures: tuple[_Figure, ...]
    funds: tuple[Fund, ...]


class _Stated(NamedTuple):
    """A sentence with figures: its span in the paragraph, its reading, and the
    fund the paragraph named last before it."""

    start: int
    end: int
    sentence: _Sentence
    paragraph_fund: Fund | None


def _stated_subject(
    work: str, funds: tuple[Fund, ...], clause_start: int, start: int
) -> tuple[tuple[Fund, ...], bool]:
    """``(funds, total)`` of the :class:`_Figure` at ``start`` of a sentence naming ``funds``.

    A part of the sentence names only funds the whole names, and none without a
    fund word; ``work[b:e]`` is searched in place (the patterns have no anchors).
    """
    for begin in (clause_start, 0) if clause_start else (0,):
        if funds and FUND_WORDS.search(work, begin, start):
            named = funds_among(work[begin:start], funds)
            if named:
                return tuple(named), False
        if _TOTAL_MARKERS.search(work, begin, start):
            return (), True
    return (), False


_UNITS: dict[str, FactUnit] = {"亿元": "亿元", "万元": "万元", "元": "元", "%": "%", "％": "%"}
_UNITS.update({"人次": "人次", "人": "人"})


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _read_sentence(sentence: str) -> _Sentence:
    """A sentence's own reading, a pure function of its text (memoized: sentences recur).

    The regexes without anchors are searched in place (``search(work, begin, end)``
    finds what ``search(work[begin:end])`` does)."""
    work = _QIZHONG_COMMA.sub("其中：", sentence) if "其中" in sentence else sentence
    # the same as the sentence's: 其中， → 其中： changes no fund word and no distance
    funds = tuple(_funds_in_text(work)) if FUND_WORDS.search(work) else ()
    subjects_stated = bool(funds) or _TOTAL_MARKERS.search(work) is not None
    budget = "预算" in work and ("完成" in work or "执行" in work)
    figures: list[_Figure] = []
    previous_end = 0
    for match in _FIGURE.finditer(work):
        start, end = match.span("number")
        # the clause begins after the last comma before the figure (or at 0)
        clause_start = max(work.rfind("，", 0, start), work.rfind(",", 0, start)) + 1
        label_start = max(clause_start, previous_end)
        previous_end = match.end()
        if work.startswith("其中", clause_start):
            continue
        unit = match.group("unit")
        if unit in ("%", "％"):
            rate = _RATE.search(work, clause_start, start)
            metric: FactMetric | None = "execution_rate_pct" if rate else None
        else:
            metric = _label_metric(unit, work[label_start:start], budget)
        if metric is None:
            continue
        named, total = (
            _stated_subject(work, funds, clause_start, start) if subjects_stated else ((), False)
        )
        figures.append(_Figure(start, end, metric, _UNITS[unit], named, total))
    return _Sentence(tuple(figures), funds)


_DIGITS_AS_ZERO = bytes.maketrans(b"123456789", b"000000000")


def _form(text: str) -> bytes:
    """``text`` with every ASCII digit written 0, as UTF-8: the key of its reading.

    A paragraph's reading depends on its digits only through where they stand: no
    pattern it uses (here and in :mod:`jixiao.records.funds`) tells one digit from
    another. So paragraphs that differ only in their figures (one template filled in
    for another region, fund or year) share one reading, and each takes the values
    from its own text. A rule that looks at a digit's value has no place in it.
    """
    return text.encode("utf-8", "surrogatepass").translate(_DIGITS_AS_ZERO)


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _read_paragraph(form: bytes) -> tuple[_Stated, ...]:
    """The sentences with figures of every paragraph of this :func:`_form` (memoized)."""
    text = form.decode("utf-8", "surrogatepass")
    stated: list[_Stated] = []
    paragraph_fund: Fund | None = None
    for match in _SENTENCE.finditer(text):
        reading = _read_sentence(match.group())
        if reading.figures:
            stated.append(_Stated(match.start(), match.end(), reading, paragraph_fund))
        if len(reading.funds) == 1:
            paragraph_fund = reading.funds[0]
    return tuple(stated)


def _number(printed: str) -> Decimal:
    """A figure's number as printed (``1,234.5``, ``−12``) → an exact decimal."""
    if "," in printed:
        printed = printed.replace(",", "")
    if printed[0] in "−－":
        printed = "-" + printed[1:]
    return Decimal(printed)


class FactFields(TypedDict):
    """The fields of a :class:`jixiao.records.Fact`."""

    subject: str
    metric: FactMetric
    value: Decimal
    unit: FactUnit
    quote: str


def report_facts(body: list[Paragraph]) -> list[FactFields]:
    """Every fact the body states, in reading order.

    As fields, not ``Fact`` records: the report record validates them all at once,
    at half the cost of one ``Fact(...)`` each."""
    facts: list[FactFields] = []
    heading_fund: Fund | None = None
    heading_rank = 0
    for paragraph in body:
        if paragraph.table:
            continue
        if paragraph.heading:
            named = funds_in_text(paragraph.text)
            if len(named) == 1:
                heading_fund, heading_rank = named[0], paragraph.heading
            elif heading_fund is not None and paragraph.heading <= heading_rank:
                heading_fund, heading_rank = None, 0
            continue
        for start, end, reading, paragraph_fund in _read_paragraph(_form(paragraph.text)):
            sentence = paragraph.text[start:end]
            quote = sentence.strip()
            facts.extend(
                {
                    "subject": figure.subject(paragraph_fund, heading_fund),
                    "metric": figure.metric,
                    "value": _number(sentence[figure.start : figure.end]),
                    "unit": figure.unit,
                    "quote": quote,
                }
                for figure in reading.figures
            )
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
        text=PARAGRAPH_BREAK.join(p.text for p in body),
        facts=report_facts(body),
    )
