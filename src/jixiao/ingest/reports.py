"""Narrative reports (决算的说明, 绩效自评报告, 绩效评价报告) → ``report`` records.

**Title.** A report printed with a cover page (``…整体支出 / 绩效评价报告 /
(2020年度)`` and 项目名称/实施单位 lines) followed by the body's own title
(``# …2020年整体支出绩效自评报告``) carries the body's title: that is the
report's own name; the cover only announces it. A report with a cover but no
body title carries the cover title (its lines joined). The cover lines after a
title are the run of ``项目名称：…``/``(2020年度)`` lines that opens the body,
unless every one of them ends in its colon (a field has a value after it): a
lone ``霍城县人大常委会：`` is a salutation, the body's first paragraph. The
region is read from the title, else from the cover lines
(:func:`jixiao.ingest.locality.region_of`: a unit's label such as
``实施单位（公章）：`` is passed over); the fund is the one fund the title names
(``职工基本医疗保险基金（含生育保险）`` names one).

**Text.** The body below the title, one paragraph per block, separated by a
blank line (``\\n\\n``). Cover rows are not part of it; nor are page numbers
(``- 2 -``, ``-2-``, ``第1页共2页``, ``2/5`` alone on a line) or page breaks,
which neither end nor split a paragraph. Each paragraph is cleaned like a cell
(spaces the extractor put between CJK characters and digits removed, LaTeX and
HTML turned to text, markdown ``#``/``**`` dropped). Headings stand alone:
markdown ``#`` lines; lines of at most 40 characters without ``，。；`` opening
with 一、/（一）/1、/(1); and minor headings, unnumbered lines of at most
:data:`MAX_MINOR_HEADING_CHARS` characters without punctuation (``预算完成情况``)
whose next line does not continue them (a next line opening with at most two
Chinese characters and then punctuation, ``分，人均…``, continues the line). PDF
line wraps inside a paragraph are joined: a line that is not a heading, is at
least :data:`MIN_WRAPPED_CHARS` long and does not end with closing punctuation
continues on the next line, across blank lines too (page breaks); a line ending
in a colon continues when the next line opens with a figure (``享受待遇人数：`` /
``21,307 人，…``).

A table printed inside the body (one that is no form: a summary of the figures)
is one paragraph of its own: a line per row, its cells kept apart by a tab.

**Facts** come only from standard statements (never from a table): a figure with
a unit right after a label that names a metric, with a linking word between
(为, 是, 达到, 共计, 分别为, ：): ``总收入 43436.13 万元``, ``本年收支结余
-10670.54 万元``, ``参保缴费人数 70083 人``, ``完成预算的 92.89%``.

- Money labels: 结余 (``balance``), 滚存/累计/年末结余 (``closing_balance``),
  总收入/本年收入/基金收入/收入合计 … (``income``), 总支出/本年支出/基金支出/
  支出合计 … (``expenditure``), and a bare 收入/支出 that opens its clause or
  follows a colon (``…基金收入 X 万元，支出 Y 万元``, ``失业保险基金：收入 X 万元``).
  Sub-item labels (保险费收入, 财政补贴收入, 待遇支出, 上解支出 …) and opening
  balances (上年结余, 年初结余) name none.
- ``planned`` is a label that names the budgeted amount: 预算数, 预算支出,
  支出预算, 年初/年度/全年/调整后/基金预算, with or without 合计 (``两项基金支出
  预算合计``); 超出预算 and 预算执行率 are none.
- A sentence is about a budget when it prints 预算 and 完成 or 执行, or states a
  budgeted amount (``支出预算 X 万元，实际支出 Y 万元``). There the expenditure
  (支出, 实际支出, 执行数, 基金支出 …) is ``executed``, and 执行率/完成率 is
  ``execution_rate_pct`` as 完成预算的/预算执行率/预算完成率 is in any sentence.
- People: 参保/缴费/参保缴费 人数/人员/人次 (``insured``); 享受/领取 … 待遇/保险金/
  养老金, with or without 人数/人员/人次 (``享受待遇人数``, ``享受失业保险待遇 1,024
  人次``, ``领取失业保险金人数``), 待遇享受人数 (``beneficiaries``). ``万人`` is no
  unit of the format: no fact.
- A label about an earlier year or a change (上年, 去年, 同期, 新增, 净增:
  ``上年基金收入``, ``较上年同期支出``) gives no fact, unless it goes on to this
  year (本年, 当年, 全年, 今年) after it.
- Sub-items after ``其中`` are not facts: the clause that opens with 其中 and the
  clauses after it in the same sentence, until one states a metric other than the
  one 其中 breaks down: the paragraph's last fact before it (``收入合计 100 万元。
  其中，养老保险类基金收入 60 万元，医疗保险类基金收入 30 万元`` gives one fact;
  ``总支出 X 万元，其中：待遇支出 Y 万元，…，基金结余：Z 万元`` gives the balance), or
  when there is none, the 其中 clause's own metric.

The unit is recorded as printed; in ``万元元`` the unit read is ``万元`` (the
stray ``元`` is left to the text). The subject is the fund the clause names;
else ``total`` when the clause names the whole (两项/五项/各项, 全县/全市 …, 总体,
社会保险基金, 社保基金; ``合计`` alone does not: ``基金收入合计`` under a fund's
heading is that fund's); else the fund the sentence names before the figure;
else ``total`` when the sentence names the whole before it; else the fund named
earlier in the paragraph (by a sentence naming one fund), else the fund of the
heading the paragraph stands under, else the report's fund (the one its title
names), else ``total``. When several funds are named at once (``城镇职工、居民医疗保险``) it is
the heading's fund if that is one of them, else ``total``; but when the sentence
names N funds and a clause says ``分别为`` N figures in a row (``A、B``, ``A和B``,
same unit), each figure is the fund in the same position, in the order printed.
A 含生育 qualifier names no fund of its own (:mod:`jixiao.records.funds`).

The heading a paragraph stands under is the innermost heading in force that
names funds (one naming several gives none). A heading ends the headings at
its own level or below it, and is under the others: between two numbered
headings the numbering decides (一、 over （一） over 1. over (1)); else, when the
body uses more than one markdown level, the levels of two markdown headings
decide (MinerU prints every heading as ``# ``, which tells nothing); else a
markdown heading is over a line that is none, and a numbered heading over an
unnumbered one. So ``# （一）失业保险`` keeps its fund over ``# 1.基金收支情况``,
``## 二、企业职工…`` over ``**（一）基金收入**``, and ``二、预算执行情况`` ends both.

``quote`` is the sentence the figure stands in, as it reads in ``text``.
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
from jixiao.ingest.text import TEXT_CACHE_SIZE, clean_cell, is_page_number
from jixiao.records import Fund, ReportRecord
from jixiao.records.funds import FUND_WORDS, funds_among, funds_in_order
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
MAX_MINOR_HEADING_CHARS = 20
"""Longest unnumbered line without punctuation taken as a heading (``预算完成情况``,
``城乡居民医疗保险基金运行情况分析``); a wrapped PDF line is longer (28 or more characters)."""
# The start of a line that continues the one before it: at most two Chinese characters
# closed by punctuation (``分，人均缴费…`` after ``…发挥不充``). ``、`` is left out:
# ``一、`` opens a heading.
_CONTINUATION = re.compile(r"^[\u4e00-\u9fff]{0,2}[，。；,;！？!?）)」』”]")
_ENDS_WITH_COLON = ("：", ":")


@dataclass(frozen=True)
class Paragraph:
    """One block of the body; ``heading`` is 0 for text, else its rank as printed: the
    markdown level, else the numbering's rank, else ``9`` for a minor heading.
    ``numbering`` is the rank of a heading's numbering (一、 1, （一） 2, 1. 3, (1) 4;
    0 when unnumbered) and ``markdown`` its markdown level (0 when none); ``table``
    marks the rows of a table printed in the body."""

    text: str
    heading: int = 0
    table: bool = False
    numbering: int = 0
    markdown: int = 0


def _table_line(row: Row) -> str:
    """A table row inside a report as one line: its cleaned cells apart by a tab."""
    cells = (clean_cell(cell) for cell in row.filled)
    return TABLE_CELL_BREAK.join(text for text in cells if text)


def _numbering(text: str) -> int:
    """The rank of the numbering that opens ``text`` (一、 1 … (1) 4), 0 for none."""
    for pattern, rank in _HEADING_MARKERS:
        if pattern.match(text):
            return rank
    return 0


def _heading(row: Row, text: str, following: str) -> tuple[int, int]:
    """``(heading, numbering)`` of a text line (see :class:`Paragraph`); ``following``
    is the text line after it (``""`` when none)."""
    if row.heading:
        return row.heading, _numbering(text)
    if len(text) > _MAX_HEADING_CHARS or _CLAUSE_MARKS.search(text):
        return 0, 0
    numbering = _numbering(text)
    if numbering:
        return numbering, numbering
    if (
        len(text) <= MAX_MINOR_HEADING_CHARS
        and not _COLON.search(text)
        and text[-1] not in _CLOSING
        and not _CONTINUATION.match(following)
    ):
        return _MINOR_HEADING, 0  # a short line without punctuation: 预算完成情况
    return 0, 0


def paragraphs(rows: list[Row]) -> list[Paragraph]:
    """The body's paragraphs: headings alone, wrapped lines joined, page numbers
    dropped (see module docstring)."""
    out: list[Paragraph] = []
    pending: list[str] = []

    def flush() -> None:
        if pending:
            text = clean_cell(" ".join(pending))
            if text:
                out.append(Paragraph(text))
            pending.clear()

    lines: list[tuple[Row, str]] = []  # text rows with their text, table rows with ""
    for row in rows:
        if is_table_row(row):
            lines.append((row, ""))
            continue
        text = row_text(row)
        if text and not is_page_number(text):
            lines.append((row, text))
    table = 0  # ``Row.table`` of the table the last paragraph holds
    for index, (row, text) in enumerate(lines):
        if not text:
            flush()
            line = _table_line(row)
            if table == row.table and out and out[-1].table:
                out[-1] = Paragraph(f"{out[-1].text}\n{line}", table=True)
            else:
                out.append(Paragraph(line, table=True))
            table = row.table
            continue
        table = 0
        following = lines[index + 1][1] if index + 1 < len(lines) else ""
        rank, numbering = _heading(row, text, following)
        if pending and rank == _MINOR_HEADING:
            rank = 0  # a line after an unfinished one continues it
        if rank:
            flush()
            out.append(Paragraph(text, rank, numbering=numbering, markdown=row.heading))
            continue
        pending.append(" ".join(row.filled))  # as printed: cleaned with the paragraph
        if text.endswith(_ENDS_WITH_COLON) and _FIGURE.match(following):
            continue  # 享受待遇人数： / 21,307 人，… : the figure is on the next line
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
_LINKING = r"(?:分别|为|是|达到?|共计?|约|[:：])"  # between a label and its figure
_LABEL_TAIL = re.compile(f"{_LINKING}+$")
_RATE = re.compile(r"完成[^，,]*预算|预算执行率|预算完成率")
_BARE_RATE = re.compile(r"执行率|完成率")  # the budget's, in a sentence about the budget
# Words that name the whole (every fund) rather than one fund; ``合计`` is none of them:
# ``基金收入合计`` under a fund's heading is that fund's income.
_TOTAL_MARKERS = re.compile(r"[两二三四五六七八各]项|全[县区市州省]|总体|社会保险基金|社保基金")
# The figures of a ``分别为 A、B`` run after the first are apart by one of these.
_SERIES_SEPARATOR = re.compile(r"、|和|及|与|以及")
# A label about an earlier year (上年…收入合计, 较上年同期支出), unless it goes on to
# this year's figure (与上年相比，本年收入 …).
_EARLIER_YEAR = re.compile(r"(?:上年|去年|上一年|同期|新增|净增)(?!.*(?:本年|当年|全年|今年))")

# Labels that end like a metric but are not one: opening balances and income sub-items.
_NOT_METRIC = re.compile(
    r"(上年|年初|期初)(滚存|累计)?结余(资金|金额|额)?$"
    r"|(保险费|保费|缴费|补贴|补助|利息|转移|代缴|其他)收入$"
    r"|(待遇|上解|转移|补助|其他|养老金|丧葬费|抚恤金|津贴|费用)支出$"
)
# A label that names the budgeted amount (预算数, 支出预算, 预算支出, 年初预算, 调整后预算数,
# 支出预算合计), not 超出预算 or 预算执行率.
_BUDGET_AMOUNT = (
    r"(?:(?:支出|年初|年度|全年|调整后|基金)预算(?:数|金额|资金)?|预算(?:支出|数|金额|资金|总额))"
)
# The budgeted amount stated: its label, then the figure (after a linking word).
_STATES_BUDGET_AMOUNT = re.compile(f"{_BUDGET_AMOUNT}(?:合计|总额)?{_LINKING}*[-−－]?\\d")
_INCOME = "总收入|本年收入|当年收入|全年收入|年度收入|基金收入|收入合计|收入总额|保险收入"
_EXPENDITURE = "总支出|本年支出|当年支出|全年支出|年度支出|基金支出|支出合计|支出总额|保险支出"
# A bare 收入/支出 opening its clause or following a colon: 基金收入…，支出 X 万元;
# 失业保险基金：收入 X 万元
_BARE = r"(?:^|[:：])(?:{})(?:合计|总额)?$"
_MONEY_METRICS: tuple[tuple[re.Pattern[str], FactMetric], ...] = (
    (re.compile(r"(滚存|累计)结余(资金|金额|额)?$|(年末|期末)结余$"), "closing_balance"),
    (re.compile(r"结余(资金|金额|额)?$"), "balance"),
    (re.compile(f"{_BUDGET_AMOUNT}(?:合计|总额)?$"), "planned"),
    (re.compile(f"(?:{_INCOME})$|{_BARE.format('收入')}"), "income"),
    (re.compile(f"(?:{_EXPENDITURE})$|{_BARE.format('支出')}"), "expenditure"),
    (re.compile(r"执行数$|支出(金额|额)?$"), "executed"),  # in a sentence about the budget
)
_PEOPLE_METRICS: tuple[tuple[re.Pattern[str], FactMetric], ...] = (
    (re.compile(r"(参保缴费|参保|缴费)(人数|人员|人次)$"), "insured"),
    # 享受待遇人数, 享受失业保险待遇 (X 人次), 领取失业保险金人数, 待遇享受人员
    (
        re.compile(
            r"(享受|领取).{0,8}(待遇|保险金|养老金)(人数|人员|人次)?$"
            r"|(待遇享受|待遇领取|享受)(人数|人员|人次)$"
        ),
        "beneficiaries",
    ),
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
    (after the previous figure): its label and a linking word (为, 达到, 分别为, ：…).
    A label about an earlier year gives none. Memoized: labels recur."""
    label = _LABEL_TAIL.sub("", text.strip())
    if _EARLIER_YEAR.search(label):
        return None
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
    them to print a total marker (两项, 全县, 社会保险基金 …) does.
    """

    start: int  # the number's span in the sentence
    end: int
    metric: FactMetric
    unit: FactUnit
    funds: tuple[Fund, ...]
    total: bool

    def subject(self, paragraph: Fund | None, heading: Fund | None, report: Fund | None) -> str:
        """The fund code or ``"total"``, given the funds in force: the paragraph's, the
        heading's and the report's (see the module docstring)."""
        if len(self.funds) == 1:
            return self.funds[0].value
        if self.funds:  # several funds at once: the heading's if it is one of them
            if heading is not None and heading in self.funds:
                return heading.value
            return "total"
        if self.total:
            return "total"
        fund = paragraph or heading or report
        return "total" if fund is None else fund.value


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


def _series(work: str, matches: list[re.Match[str]], first: int) -> int:
    """How many figures from ``matches[first]`` on form one ``A、B和C`` series: each
    after the first follows the one before it with only a separator between, and
    has the same unit."""
    unit = matches[first].group("unit")
    count = 1
    for before, match in zip(matches[first:], matches[first + 1 :], strict=False):
        if match.group("unit") != unit or not _SERIES_SEPARATOR.fullmatch(
            work, before.end(), match.start()
        ):
            break
        count += 1
    return count


_UNITS: dict[str, FactUnit] = {"亿元": "亿元", "万元": "万元", "元": "元", "%": "%", "％": "%"}
_UNITS.update({"人次": "人次", "人": "人"})


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _read_sentence(sentence: str, before: FactMetric | None = None) -> _Sentence:
    """A sentence's own reading, a pure function of its text and, for a sentence that
    opens with 其中, ``before``: the metric of the paragraph's last fact (memoized:
    sentences recur).

    The regexes without anchors are searched in place (``search(work, begin, end)``
    finds what ``search(work[begin:end])`` does)."""
    work = _QIZHONG_COMMA.sub("其中：", sentence) if "其中" in sentence else sentence
    # the same as the sentence's: 其中， → 其中： changes no fund word and no distance
    funds = tuple(_funds_in_text(work)) if FUND_WORDS.search(work) else ()
    subjects_stated = bool(funds) or _TOTAL_MARKERS.search(work) is not None
    budget = "预算" in work and (
        "完成" in work or "执行" in work or _STATES_BUDGET_AMOUNT.search(work) is not None
    )
    figures: list[_Figure] = []
    matches = list(_FIGURE.finditer(work))
    previous_end = 0
    last = before  # the metric of the last fact: what a 其中 breaks down
    broken_down: FactMetric | None = None
    breakdown = False  # in the sub-items after 其中
    series: tuple[Fund, ...] = ()  # the funds of a 分别为 run, by position
    series_metric: FactMetric | None = None
    series_first = 0  # the index of the run's first figure
    for index, match in enumerate(matches):
        start, end = match.span("number")
        # the clause begins after the last comma before the figure (or at 0)
        clause_start = max(work.rfind("，", 0, start), work.rfind(",", 0, start)) + 1
        label_start = max(clause_start, previous_end)
        previous_end = match.end()
        unit = match.group("unit")
        if series_metric is not None and index < series_first + len(series):
            fund = series[index - series_first]
            figures.append(_Figure(start, end, series_metric, _UNITS[unit], (fund,), False))
            continue
        series_metric = None
        if unit in ("%", "％"):
            rate = _RATE.search(work, clause_start, start) or (
                budget and _BARE_RATE.search(work, clause_start, start)
            )
            metric: FactMetric | None = "execution_rate_pct" if rate else None
        else:
            metric = _label_metric(unit, work[label_start:start], budget)
        if work.startswith("其中", clause_start):
            if not breakdown:
                breakdown, broken_down = True, last if last is not None else metric
            continue
        if breakdown:
            if metric is None or metric == broken_down:
                continue  # a further sub-item
            breakdown = False  # another main figure ends them
        if metric is None:
            continue
        last = metric
        named, total = (
            _stated_subject(work, funds, clause_start, start) if subjects_stated else ((), False)
        )
        if len(funds) > 1 and "分别" in work[clause_start:start]:
            in_order = funds_in_order(work[:start])
            count = _series(work, matches, index)
            if count == len(in_order):
                series, series_metric, series_first = tuple(in_order), metric, index
                named, total = (series[0],), False
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
    last: FactMetric | None = None  # the metric of the paragraph's last fact
    for match in _SENTENCE.finditer(text):
        sentence = match.group()
        opens_breakdown = sentence.lstrip().startswith("其中")
        reading = _read_sentence(sentence, last if opens_breakdown else None)
        if reading.figures:
            stated.append(_Stated(match.start(), match.end(), reading, paragraph_fund))
            last = reading.figures[-1].metric
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


def _encloses(outer: Paragraph, inner: Paragraph, ranked_markdown: bool) -> bool:
    """Whether heading ``inner``, printed after heading ``outer``, stands under it.

    Numbering decides between numbered headings (一、 over （一） over 1. over (1));
    else markdown levels do, when the body uses more than one (``ranked_markdown``;
    MinerU prints every heading as ``# ``); else a markdown heading stands over a
    line that is none, and a numbered heading over an unnumbered one. Headings
    that none of this tells apart are at the same level."""
    if outer.numbering and inner.numbering:
        return inner.numbering > outer.numbering
    if outer.markdown and inner.markdown:
        if ranked_markdown:
            return inner.markdown > outer.markdown
    elif outer.markdown or inner.markdown:
        return bool(outer.markdown)
    return bool(outer.numbering) and not inner.numbering


def report_facts(body: list[Paragraph], report_fund: Fund | None = None) -> list[FactFields]:
    """Every fact the body states, in reading order; ``report_fund`` is the one fund
    the report's title names, if any.

    As fields, not ``Fact`` records: the report record validates them all at once,
    at half the cost of one ``Fact(...)`` each."""
    facts: list[FactFields] = []
    ranked_markdown = len({p.markdown for p in body if p.markdown}) > 1
    outline: list[tuple[Paragraph, list[Fund]]] = []  # the headings in force, outermost first
    heading_fund: Fund | None = None
    for paragraph in body:
        if paragraph.table:
            continue
        if paragraph.heading:
            while outline and not _encloses(outline[-1][0], paragraph, ranked_markdown):
                outline.pop()
            outline.append((paragraph, funds_in_text(paragraph.text)))
            # the innermost heading naming funds; one naming several gives none
            named = next((funds for _, funds in reversed(outline) if funds), [])
            heading_fund = named[0] if len(named) == 1 else None
            continue
        for start, end, reading, paragraph_fund in _read_paragraph(_form(paragraph.text)):
            sentence = paragraph.text[start:end]
            quote = sentence.strip()
            facts.extend(
                {
                    "subject": figure.subject(paragraph_fund, heading_fund, report_fund),
                    "metric": figure.metric,
                    "value": _number(sentence[figure.start : figure.end]),
                    "unit": figure.unit,
                    "quote": quote,
                }
                for figure in reading.figures
            )
    return facts


# --- the record -------------------------------------------------------------------


def _cover_rows(rows: list[Row]) -> int:
    """How many of the rows that open a report's body are cover lines (``项目名称：…``,
    ``(2020年度)``). A run of them in which no field has a value after its colon is
    none: ``霍城县人大常委会：`` is a salutation, the body's first paragraph."""
    count = 0
    while count < len(rows) and is_cover_line(rows[count]):
        count += 1
    valued = any(not row_text(row).endswith(_ENDS_WITH_COLON) for row in rows[:count])
    return count if valued else 0


def read_report(segment: Segment, source: str = "<input>") -> ReportRecord:
    """A report segment (cover rows, title row, body rows) → a ``report`` record."""
    body_rows = [r for r in segment.rows if not is_footer(r)]
    cover_rows = _cover_rows(body_rows)
    cover = [row_text(r) for r in (*segment.cover, *body_rows[:cover_rows])]
    body_rows = body_rows[cover_rows:]
    body = paragraphs(body_rows)
    if not body:
        line = segment.title_row.line if segment.title_row else segment.line
        raise IngestError("报告在此处截断：标题之后没有正文", source=source, line=line)
    title = segment.title
    cover_text = " ".join(cover)
    funds = funds_in_text(title or "")
    fund = funds[0] if len(funds) == 1 else None
    return ReportRecord(
        title=title,
        region=region_of([title, *cover]),
        year=year_of(title) or year_of(cover_text),
        fund=fund,
        text=PARAGRAPH_BREAK.join(p.text for p in body),
        facts=report_facts(body, fund),
    )
