"""决算 tables (收入表, 支出表, 结余表) of one region and year → one ``final_accounts`` record.

Rows are read by what their label says, never by position:

- a **main row** names a fund (``一、企业职工基本养老保险基金收入``, read with
  :func:`jixiao.records.fund_from_text`) or the whole (``全区社会保险基金收入合计``,
  ``社会保险基金本年收支结余``, ``…年末累计结余``) and gives ``income``,
  ``expenditure``, ``balance`` (本年收支结余) or ``closing_balance`` (年末累计/滚存结余);
- a **sub-item row** (``其中: 保险费收入``, ``利息收入``, ``财政补贴收入``,
  ``其中: 基本养老金支出`` …) belongs to the main row above it, and so do
  ``本年收支结余`` / ``年末滚存结余`` rows printed under a bare fund name;
- opening balances (上年结余, 年初滚存结余) and other lines have no member.

Benefit lines (``expenditure_benefits``): a line that is itself the benefit
total (…待遇支出, 基本养老金支出, 失业保险金支出) is taken as printed. The
生育保险 form prints two parts instead (医疗费用支出 and 生育津贴支出), which
together are its 待遇支出: their sum is taken, with the printed precision; a
blank part counts as nothing, and both blank is ``null``.

A fund printed as a block (``（一）失业保险基金`` over ``1.基金收入``, ``2.基金支出``,
``3.本年收支结余``) gives its members from the rows under its name.

**Which column is the 决算数.** Beside it, tables print 上年决算数 / 上年数,
预算数, 决算数为预算数的%, 比上年增减 and 行次 columns; none of these is ever read.
Of the columns left, one named 决算/本年/本期/实际/执行/金额 is read, the latest
year first (``2021年决算数 | 2022年决算数``); without such a name, the one number
the row prints outside the skipped columns.

The record's ``title`` is the first table's title as printed; ``region`` and
``year`` come from the titles, else from the lines just above the first table
(``# 墨玉县2022年度社会保险基金决算``) and its first rows (``编制单位：泽普县…``,
a ``2020年决算数`` header).

Tables may also be printed the other way round, one column per fund (``项目 |
合计 | 企业职工基本养老保险基金 | …``, or a fund group over its funds:
``基本养老保险基金`` over ``企业职工 | 城乡居民``), or one row per fund with a
column per member (``项目 | 本年收入 | 本年支出 | 本年收支结余 | 年末滚存结余``,
the 结余表 form); the header rows tell which layout it is.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Literal, NamedTuple

from jixiao.ingest.errors import IngestError
from jixiao.ingest.locality import region_of, year_of
from jixiao.ingest.memo import text_memo
from jixiao.ingest.project.cells import parse_number
from jixiao.ingest.project.labels import money_unit_in
from jixiao.ingest.rows import Row
from jixiao.ingest.segments import AccountsPart, Segment, row_text
from jixiao.ingest.text import TEXT_CACHE_SIZE, clean_cell, label_key
from jixiao.records import FinalAccountsRecord, Fund, FundAccounts, MoneyUnit, fund_from_text

Owner = Fund | Literal["total"]
Metric = Literal[
    "income",
    "income_contributions",
    "income_interest",
    "income_subsidy",
    "expenditure",
    "expenditure_benefits",
    "balance",
    "closing_balance",
]

_BRACKETED = re.compile(r"[(（]([\d,.]+)[)）]")
_TOTAL_WORDS = re.compile(r"合计|总计|社会保险基金|社保基金|全[县区市州省]")
_SUBITEM_START = re.compile(r"^其中")
_ENUMERATOR = re.compile(
    r"^(?:[一二三四五六七八九十]+、|\d+[、.．]|[(（][一二三四五六七八九十\d]+[)）])"
)

# Sub-item labels (label_key form) → the member they fill.
_SUBITEM_METRICS: tuple[tuple[re.Pattern[str], Metric], ...] = (
    (re.compile(r"利息收入"), "income_interest"),
    (re.compile(r"财政(补贴|补助)收入|补贴收入"), "income_subsidy"),
    (re.compile(r"(保险费|保费|缴费)收入"), "income_contributions"),
)
_BENEFIT_TOTAL = re.compile(r"待遇支出|基本养老金支出|养老金支出|失业保险金支出")
_BENEFIT_PART = re.compile(r"医疗费用支出|生育津贴支出")
_VALUE_COLUMN = re.compile(r"决算|本年|本期|当年|实际|执行|金额|发生")
# Columns never read: line numbers, other periods, the budget, ratios.
_SKIPPED_COLUMN = re.compile(
    r"行次|栏次|序号|编号|代码|上年|上期|去年|同期|年初|期初|[%％]|比上年|增减|增长|比例|占比"
)
_BUDGET_COLUMN = re.compile(r"预算")
_ACTUAL_WORD = re.compile(r"决算|执行|实际|完成")
_BARE_MAIN_LINE = re.compile(r"^(?:基金)?(?:本年|当年)?(?:收入|支出)(?:合计|总计|总额)?$")
_HEADER_WORD = re.compile(r"^项目|^科目|^行次|^栏次|决算|预算|合计|总计|^单位|^金额单位")
_OPENING = re.compile(r"上年|年初|期初")
_CLOSING = re.compile(r"(累计|滚存|年末|期末)结余")
_LABEL_AMOUNT = re.compile(r"^(.*?[^\d,.\s-])\s*([-−－]?[\d,]+(?:\.\d+)?)$")
_YEAR = re.compile(r"\d{4}年")
_TOTAL_COLUMN = re.compile(r"合计|总计")
_MAIN_WORDS = re.compile(r"基金|合计|总计")
_FUND_LINE = re.compile(r"基金(本年)?(收入|支出|收支结余|累计结余|滚存结余)")
_ACCOUNTS_WORD = re.compile(r"决算")


@text_memo()
def parse_amount(text: str) -> Decimal | None:
    """A printed 决算 amount as an exact decimal; ``None`` for a blank or dash cell.

    Read by :func:`jixiao.ingest.project.cells.parse_number` after the accounting
    forms are normalised: ``(1,234.50)`` and ``－1,234.50`` are negative.

    >>> parse_amount("43,436.13"), parse_amount("-10,670.54"), parse_amount("<b>2,161.00</b>")
    (Decimal('43436.13'), Decimal('-10670.54'), Decimal('2161.00'))
    >>> parse_amount("") is None, parse_amount("—") is None, parse_amount("(1,234.50)")
    (True, True, Decimal('-1234.50'))
    """
    cleaned = clean_cell(text).replace("，", ",")
    if cleaned[:1] in ("−", "－"):
        cleaned = "-" + cleaned[1:]
    bracketed = _BRACKETED.fullmatch(cleaned)
    if bracketed:
        cleaned = "-" + bracketed.group(1)
    return parse_number(cleaned)


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _main_metric(key: str, part: AccountsPart | None) -> Metric | None:
    """The member a main row gives; a bare fund name takes its table's (收入表 → income).
    An opening balance (上年结余, 年初滚存结余) has no member."""
    if "结余" in key and _OPENING.search(key):
        return None
    if _CLOSING.search(key):
        return "closing_balance"
    if "结余" in key:
        return "balance"
    if "收入" in key or (part == "income" and "支出" not in key):
        return "income"
    if "支出" in key or part == "expenditure":
        return "expenditure"
    return None


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _subitem_metric(key: str) -> Metric | Literal["benefit_part"] | None:
    for pattern, metric in _SUBITEM_METRICS:
        if pattern.search(key):
            return metric
    if _BENEFIT_TOTAL.search(key):
        return "expenditure_benefits"
    if _BENEFIT_PART.search(key):
        return "benefit_part"
    return None


@dataclass
class _Lines:
    """What the tables print for one fund (or the total)."""

    values: dict[Metric, Decimal | None] = field(default_factory=dict)
    benefit_parts: list[Decimal | None] = field(default_factory=list)

    def put(self, metric: Metric, value: Decimal | None) -> None:
        if self.values.get(metric) is None:
            self.values[metric] = value

    def take(self, line: Metric | Literal["benefit_part"], value: Decimal | None) -> None:
        """A printed line's figure: a member, or a part of the 生育 benefits."""
        if line == "benefit_part":
            self.benefit_parts.append(value)
        else:
            self.put(line, value)

    def printed(self) -> dict[Metric, Decimal | None]:
        """The members as the record holds them (the benefit parts summed)."""
        values = dict(self.values)
        if values.get("expenditure_benefits") is None and self.benefit_parts:
            printed = [v for v in self.benefit_parts if v is not None]
            values["expenditure_benefits"] = sum(printed[1:], printed[0]) if printed else None
        return values


@dataclass
class _Table:
    """One table's rows as (row, label key, value cells) with its header rows, if any."""

    part: AccountsPart | None
    header_rows: list[list[str]]
    body: list[tuple[Row, str, list[str]]]
    unread: list[Row]  # table rows above the figures that are not a header either
    # printed one cell per line: a row's blank cells are gone, so its figures fill the
    # columns only when there is one per column
    stream: bool = False
    header: list[str] | None = field(init=False)  # one name per column
    skipped: frozenset[int] = field(init=False)  # value cells never read (行次, 上年数 …)
    value_columns: list[int] = field(init=False)  # value cells holding the 决算数, best first

    def __post_init__(self) -> None:
        self.header = _merge_header(self.header_rows)
        names = self.header[1:] if self.header is not None else []
        self.skipped = frozenset(i for i, name in enumerate(names) if _is_skipped_column(name))
        found = [
            i
            for i, name in enumerate(names)
            if i not in self.skipped and _VALUE_COLUMN.search(name)
        ]
        # the latest year first: 2021年决算数 | 2022年决算数
        self.value_columns = sorted(found, key=lambda i: -(year_of(names[i]) or 0))


def _is_skipped_column(name: str) -> bool:
    """A column that never holds the 决算数: 行次, 上年数, 预算数, 决算数为预算数的% …"""
    key = label_key(name)
    if _SKIPPED_COLUMN.search(key):
        return True
    return bool(_BUDGET_COLUMN.search(key)) and not _ACTUAL_WORD.search(key)


def _split_label(row: Row) -> tuple[str, list[str]]:
    """Label and value cells of a row; a text row ``label 1,234.00`` is split at the number."""
    cells = [clean_cell(c) for c in row.cells]
    if len(cells) == 1 and _ends_like_amount(cells[0]):
        match = _LABEL_AMOUNT.match(cells[0])
        if match and not _YEAR.search(match.group(2)):
            return match.group(1), [match.group(2)]
        return cells[0], []
    return cells[0], cells[1:]


@text_memo()
def _row_key(label: str) -> str:
    """A row label reduced for matching, its enumerator (一、, 1., (一)) dropped.

    >>> _row_key("1.基金收入"), _row_key("（一）企业职工基本养老保险基金"), _row_key("其中: 利息收入")
    ('基金收入', '企业职工基本养老保险基金', '其中利息收入')
    """
    return label_key(_ENUMERATOR.sub("", label.lstrip()))


def _ends_like_amount(text: str) -> bool:
    """Whether ``text`` may end in an amount (a digit or ``,`` last, before a final
    newline): a cheap test before :data:`_LABEL_AMOUNT`, which backtracks."""
    last = text[-2:-1] if text.endswith("\n") else text[-1:]
    return last == "," or last.isdecimal()


def _is_data(key: str, values: list[str]) -> bool:
    """A row of figures: it names a fund, the total or a sub-item, or prints a number."""
    return (
        _row_owner(key) is not None
        or _subitem_metric(key) is not None
        or any(parse_amount(v) is not None for v in values)
    )


def _spread_header(header_rows: list[list[str]]) -> list[list[str]]:
    """Header rows with a merged group name (``基本养老保险基金`` over three funds)
    written into every column it spans: a blank cell of any row but the last takes
    the name on its left (the first column, the row labels' own, is left alone)."""
    spread = []
    for depth, row in enumerate(header_rows):
        row = list(row)
        if depth < len(header_rows) - 1:
            for index in range(2, len(row)):
                if not row[index]:
                    row[index] = row[index - 1]
        spread.append(row)
    return spread


def _merge_header(header_rows: list[list[str]]) -> list[str] | None:
    """One name per column from the header rows above the figures (spans leave blanks)."""
    if not header_rows:
        return None
    rows = _spread_header(header_rows)
    width = max(len(r) for r in rows)
    return ["".join(r[i] for r in rows if i < len(r)) for i in range(width)]


def _is_header(key: str, values: list[str]) -> bool:
    """A header row: 项目 | 2020年决算数, or a row of fund names / 合计 over the figures."""
    return bool(key == "" or _HEADER_WORD.search(key)) or any(
        _HEADER_WORD.search(label_key(v)) or fund_from_text(v) for v in values
    )


def _read_table(segment: Segment) -> _Table:
    """Header and figure rows of one table.

    One-cell-per-line text (docx2txt, ``pdftotext -raw``) prints a label and then
    its figures on lines of their own: a line holding only a number is a value of
    the label line above it, and the header words above the first label
    (``项目`` / ``2020年决算数``) make one header row.
    """
    header_rows: list[list[str]] = []
    loose_header: list[str] = []
    body: list[tuple[Row, str, list[str]]] = []
    unread: list[Row] = []
    for row in segment.rows:
        if not row.filled:
            continue
        label, values = _split_label(row)
        if not values and body and len(row.filled) == 1 and parse_amount(label) is not None:
            body[-1][2].append(label)  # a figure on its own line
            continue
        key = _row_key(label)
        if not body and not _is_data(key, values):
            if values and _is_header(key, values):
                header_rows.append([label, *values])
            elif values:
                unread.append(row)
            elif _is_header(key, []) and not money_unit_in(label):
                loose_header.append(label)
            continue
        body.append((row, key, values))
    if not header_rows:
        stream = _stream_header(body, loose_header[1:])
        if stream is not None:  # one column per fund, printed one cell per line
            names, start = stream
            header_rows.append([loose_header[0] if loose_header else "", *names])
            return _Table(segment.part, header_rows, body[start:], unread, stream=True)
        if _names_over_figures(body):
            raise IngestError(
                "决算表按险种分列、每格一行打印，表头与数字的对应无法确定，未读取",
                line=body[0][0].line,
            )
        if len(loose_header) >= 2:
            header_rows.append(loose_header)
    return _Table(segment.part, header_rows, body, unread)


def _names_over_figures(body: list[tuple[Row, str, list[str]]]) -> bool:
    """Fund names printed one per line before a line of several figures, that
    :func:`_stream_header` could not match to them: a header of fund columns whose
    cells cannot be told apart (a fund group over its funds, one cell per line)."""
    funds = 0
    for _row, key, values in body:
        if values:
            return funds >= 2 and len(values) >= 2
        funds += _row_owner(key) not in (None, "total")
    return False


def _stream_header(
    body: list[tuple[Row, str, list[str]]], before: list[str]
) -> tuple[list[str], int] | None:
    """The fund (and 合计) names of a one-column-per-fund table printed one cell per
    line: the lines without figures before the first line with figures, when that
    line has one figure per column (``before``: the header words printed before the
    names, such as 行次) and two or more names are funds. Returns the column names
    and where the figures start. A bracketed line or one naming nothing
    (``（含生育保险）``) goes on the name above it."""
    names: list[str] = []
    funds = 0
    for index, (row, key, values) in enumerate(body):
        if values:
            if funds >= 2 and len(values) == len(before) + len(names):
                return [*before, *names], index
            return None
        text = clean_cell(row.filled[0]) if row.filled else ""
        owner = None if text[:1] in "(（" else _row_owner(key)  # a bracket goes on the name
        if owner is None and names:
            names[-1] += text
            continue
        if owner is None:
            return None
        names.append(text)
        funds += owner != "total"
    return None


def _fund_columns(table: _Table) -> dict[int, Owner] | None:
    """Column → owner when the header names funds (one column per fund), else ``None``.
    A fund named under its group (``企业职工`` under ``基本养老保险基金``) is read
    with the group's name after it."""
    if table.header is None:
        return None
    rows = _spread_header(table.header_rows)
    owners: dict[int, Owner] = {}
    for index, cell in enumerate(table.header[1:]):
        parts = [r[index + 1] for r in rows if index + 1 < len(r) and r[index + 1]]
        fund = fund_from_text(cell) or fund_from_text("".join(reversed(parts)))
        if fund is not None:
            owners[index] = fund
        elif _TOTAL_COLUMN.search(cell):
            owners[index] = "total"
    return owners if sum(1 for o in owners.values() if o != "total") >= 2 else None


def _member_columns(table: _Table) -> dict[int, Metric] | None:
    """Column → member when the header names members (one row per fund: ``本年收入 |
    本年支出 | 本年收支结余 | 年末滚存结余``), else ``None``."""
    if table.header is None:
        return None
    members: dict[int, Metric] = {}
    for index, name in enumerate(table.header[1:]):
        if index in table.skipped:
            continue
        key = label_key(name)
        sub = _subitem_metric(key)
        metric = sub if sub is not None else _main_metric(key, None)
        if metric is not None and metric != "benefit_part":
            members[index] = metric
    return members if len(set(members.values())) >= 2 else None


def _value(values: list[str], table: _Table) -> Decimal | None:
    """The 决算数 of a row: from the 决算 column if the header names one, else the
    first number outside the skipped columns (行次, 上年数, 预算数 …)."""
    parsed = [parse_amount(v) for v in values]
    if table.value_columns:
        for index in table.value_columns:
            if index < len(parsed) and parsed[index] is not None:
                return parsed[index]
        return None
    skipped = table.skipped
    return next((v for i, v in enumerate(parsed) if v is not None and i not in skipped), None)


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _row_owner(key: str) -> Owner | None:
    """Owner of a main row, or ``None`` for a sub-item row."""
    if _SUBITEM_START.match(key):
        return None
    if _subitem_metric(key) is not None and not _MAIN_WORDS.search(key):
        return None  # 生育津贴支出, 工伤保险待遇支出: a fund's word, but a sub-item
    fund = fund_from_text(key)
    if fund is not None:
        return fund
    if _TOTAL_WORDS.search(key):
        return "total"
    return None


class _RowMeaning(NamedTuple):
    """What a row says in the fund-per-row layout."""

    owner: Owner | None  # a main row's owner; ``None`` for a sub-item row
    metric: Metric | None  # the member a main row gives
    sub: Metric | Literal["benefit_part"] | None  # the member a sub-item row fills


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _row_meaning(key: str, part: AccountsPart | None) -> _RowMeaning:
    """The meaning of a row by its label key (memoized: labels repeat from table to table)."""
    owner = _row_owner(key)
    if owner is not None:
        return _RowMeaning(owner, _main_metric(key, part), None)
    sub = _subitem_metric(key)
    if sub is None and not _SUBITEM_START.match(key):
        # 本年收支结余 / 年末滚存结余 (and, in a fund's block, 基金收入 / 基金支出)
        # printed under a bare fund name
        main = _main_metric(key, None)
        if main in ("balance", "closing_balance") or _BARE_MAIN_LINE.match(key):
            sub = main
    return _RowMeaning(None, None, sub)


def _collect_rows(table: _Table, lines: defaultdict[Owner, _Lines]) -> int:
    """Fund-per-row layout; returns the number of rows understood."""
    owner: Owner | None = None
    understood = 0
    for _row, key, values in table.body:
        row_owner, metric, sub = _row_meaning(key, table.part)
        if row_owner is not None:
            owner = row_owner
            if metric is not None:
                lines[owner].put(metric, _value(values, table))
                understood += 1
            continue
        if owner is None or sub is None:
            continue
        understood += 1
        lines[owner].take(sub, _value(values, table))
    return understood


def _collect_columns(
    table: _Table, columns: dict[int, Owner], lines: defaultdict[Owner, _Lines]
) -> int:
    """Fund-per-column layout; returns the number of rows understood."""
    understood = 0
    for _row, key, values in table.body:
        sub = _subitem_metric(key)
        metric = sub if sub is not None else _main_metric(key, table.part)
        if metric is None or (sub is None and _SUBITEM_START.match(key)):
            continue
        understood += 1
        if table.stream and table.header is not None and len(values) != len(table.header) - 1:
            continue  # blank cells dropped: which fund a figure is cannot be told
        for index, owner in columns.items():
            lines[owner].take(metric, parse_amount(values[index]) if index < len(values) else None)
    return understood


def _collect_members(
    table: _Table, members: dict[int, Metric], lines: defaultdict[Owner, _Lines]
) -> int:
    """Fund-per-row layout with one column per member; returns the rows understood."""
    understood = 0
    for _row, key, values in table.body:
        owner = _row_owner(key)
        if owner is None:
            continue
        understood += 1
        for index, metric in members.items():
            lines[owner].put(metric, parse_amount(values[index]) if index < len(values) else None)
    return understood


_MONEY_UNITS: dict[str, MoneyUnit] = {"万元": "万元", "亿元": "亿元", "元": "元"}


def _money_unit(segments: list[Segment]) -> MoneyUnit | None:
    """``单位: 万元`` under a title (or ``(万元)`` in it), from the first table printing one."""
    for segment in segments:
        texts = [row_text(row) for row in segment.rows[:3]] + [segment.title or ""]
        for text in texts:
            unit = money_unit_in(text)
            if unit is not None:
                return _MONEY_UNITS.get(unit)
    return None


def accounts_key(segment: Segment) -> tuple[str | None, int | None]:
    """(region, year) a 决算 table's title names, to group the three tables."""
    return _title_key(segment.title or "")


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _title_key(title: str) -> tuple[str | None, int | None]:
    """:func:`accounts_key` of a title (memoized: the grouping asks it several times)."""
    return region_of([title]), year_of(title)


def looks_like_final_accounts(rows: list[Row]) -> bool:
    """An untitled table whose labels are 决算 lines (…基金收入/…基金支出/…结余)."""
    keys = [label_key(r.filled[0]) for r in rows if r.filled]
    fund_lines = sum(1 for k in keys if _FUND_LINE.search(k))
    return fund_lines >= 2 and any(_ACCOUNTS_WORD.search(label_key(r.text)) for r in rows)


def read_final_accounts(segments: list[Segment], source: str = "<input>") -> FinalAccountsRecord:
    """Merge the 收入表, 支出表 and 结余表 of one region and year into one record."""
    if not segments:
        raise ValueError("read_final_accounts needs at least one table")
    lines: defaultdict[Owner, _Lines] = defaultdict(_Lines)  # in the order first read
    for segment in segments:
        table = _read_table(segment)
        if not table.body and table.unread:
            raise IngestError(
                "决算表中没有可识别的收入、支出或结余行",
                source=source,
                line=table.unread[0].line,
            )
        if not table.body:
            raise IngestError(
                "决算表在此处截断：标题之后没有表格行",
                source=source,
                line=segment.title_row.line if segment.title_row else segment.line,
            )
        columns = _fund_columns(table)
        members = _member_columns(table) if columns is None else None
        if columns is not None:
            understood = _collect_columns(table, columns, lines)
        elif members is not None:
            understood = _collect_members(table, members, lines)
        else:
            understood = _collect_rows(table, lines)
        if understood == 0:
            raise IngestError(
                "决算表中没有可识别的收入、支出或结余行",
                source=source,
                line=table.body[0][0].line,
            )
    funds: dict[Fund, FundAccounts] = {}
    for owner, owned in lines.items():
        if owner == "total":
            continue
        printed = owned.printed()
        if any(v is not None for v in printed.values()):  # a blank fund is left out
            funds[owner] = FundAccounts(**printed)
    ordered = {fund: funds[fund] for fund in Fund if fund in funds}
    totals = FundAccounts(**lines["total"].printed()) if "total" in lines else FundAccounts()
    titles = [s.title for s in segments if s.title]
    # the lines just above the first table and its first rows (编制单位：…, 2020年决算数)
    nearby = [*segments[0].context, *(row_text(r) for s in segments for r in s.rows[:3])]
    region = region_of(titles) or region_of(nearby)
    year = next((y for y in (year_of(t) for t in [*titles, *nearby]) if y), None)
    return FinalAccountsRecord(
        title=titles[0] if titles else None,
        region=region,
        year=year,
        fund=_record_fund(titles),
        money_unit=_money_unit(segments),
        funds=ordered,
        totals=totals,
    )


def _record_fund(titles: list[str]) -> Fund | None:
    """The fund when every title names the same single fund, else ``None``."""
    funds = {fund_from_text(t) for t in titles}
    return funds.pop() if len(funds) == 1 else None
