"""5 — Text and units (JX501–JX502)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.records import FUND_ACCOUNT_FIELDS, FinalAccountsRecord, ReportRecord
from jixiao.rules.catalog import corpus_rule, record_rule
from jixiao.rules.context import Corpus, Issue, Item
from jixiao.rules.money import is_money_unit
from jixiao.rules.precision import same_figure, text

_DOUBLED_UNIT = re.compile(r"(?:[万亿]元|(?<![万亿])元)元(?![旦宵素老首帅])|万元万元|[%％]{2}")
_MOBILE = re.compile(r"(?<![\d.,])(1[3-9]\d(?:[ -]?\d{4}){2})(?![\d.,]|\s*[元万亿人户次%])")
_LANDLINE = re.compile(
    r"(?:电话|手机|联系方式|Tel|TEL)\s*[:：]?\s*((?:0\d{2,3}[- ]?)?\d{7,8})(?![\d.])"
)
_PERSON = re.compile(
    r"(?:制表人|填报人|填表人|联系人|负责人|经办人|审核人|经手人)\s*[:：]\s*([\u4e00-\u9fff·]{2,5}?)"
    r"(?=[\s,，。;；]|电话|手机|联系|$)"
)
_NEAR = 60
_CONTEXT = 12


def _texts(item: Item) -> Iterator[tuple[str, str]]:
    """(field, text) of every free text a record keeps."""
    record = item.record
    if record.title:
        yield "title", record.title
    if isinstance(record, ReportRecord):
        yield "text", record.text
        return
    if isinstance(record, FinalAccountsRecord):
        return
    for field in ("unit", "reporting_unit", "goal", "progress", "deviation", "footer"):
        value = getattr(record, field)
        if value:
            yield field, value
    for index, indicator in enumerate(record.indicators):
        for field in ("name", "target", "actual", "note"):
            value = getattr(indicator, field)
            if value:
                yield f"indicators[{index}].{field}", value


def _snippet(value: str, start: int, end: int) -> str:
    left = max(0, start - _CONTEXT)
    return re.sub(r"\s+", "", value[left : end + _CONTEXT])


Figure = tuple[Item, str, Decimal]
"""(record, field, value) of a money figure."""


def _money_elsewhere(corpus: Corpus, item: Item) -> list[Figure]:
    """Money figures in 万元 or 亿元 stated in the report or the 决算 of its region and year."""
    record = item.record
    assert isinstance(record, ReportRecord)
    figures: list[Figure] = [
        (item, f"facts[{i}].value", fact.value)
        for i, fact in enumerate(record.facts)
        if is_money_unit(fact.unit) and fact.unit != "元"
    ]
    for accounts_item in corpus.final_accounts(item):
        accounts = accounts_item.record
        assert isinstance(accounts, FinalAccountsRecord)
        if accounts.money_unit == "元":
            continue
        rows = [("totals", accounts.totals)] + [
            (f"funds.{f.value}", a) for f, a in accounts.funds.items()
        ]
        for prefix, lines in rows:
            for member in FUND_ACCOUNT_FIELDS:
                value = getattr(lines, member)
                if value is not None:
                    figures.append((accounts_item, f"{prefix}.{member}", value))
    return figures


def _yuan_facts(corpus: Corpus, item: Item) -> Iterator[Issue]:
    """Report figures printed in 元 that are the 万元 figures stated elsewhere."""
    record = item.record
    assert isinstance(record, ReportRecord)
    elsewhere: list[Figure] | None = None
    for index, fact in enumerate(record.facts):
        if fact.unit != "元":
            continue
        if elsewhere is None:
            elsewhere = _money_elsewhere(corpus, item)
        match = next((f for f in elsewhere if same_figure(fact.value, f[2])), None)
        if match is None:
            continue
        other, field, value = match
        where = "报告其他处" if other is item else other.describe()
        yield Issue(
            f"“{fact.quote}”中 {text(fact.value)} 的单位印为“元”，而{where}同一数字 {text(value)}"
            " 以万元计：单位应为万元",
            field=f"facts[{index}].unit",
            reported=fact.value,
            severity="error",
            item=item,
            related=[other.ref(field)],
        )


def _doubled_units(item: Item) -> Iterator[Issue]:
    for field, value in _texts(item):
        for match in _DOUBLED_UNIT.finditer(value):
            yield Issue(
                f"单位重复“{match.group(0)}”（“{_snippet(value, match.start(), match.end())}”）",
                field=field,
                item=item,
            )


def _percent_missing(item: Item) -> Iterator[Issue]:
    if item.project_record is None:
        return
    for view in item.view.indicators:
        side = view.achievement.percent_missing
        name = view.name or ""
        if side is None or "%" in name or "％" in name or "百分比" in name:
            continue
        if side == "actual":
            printed, other = (view.actual.text if view.actual else ""), view.target.text
            what = "完成值"
        else:
            printed, other = view.target.text, (view.actual.text if view.actual else "")
            what = "指标值"
        yield Issue(
            f"指标「{name or view.path}」的{what}“{printed}”缺少%，而对应的“{other}”是百分比",
            field=f"{view.path}.{side}",
            indicator=view.name,
            item=item,
        )


def _nearest_person(value: str, start: int, end: int) -> str | None:
    """The named person closest before the number (or else just after it)."""
    before = list(_PERSON.finditer(value[max(0, start - _NEAR) : start]))
    if before:
        return before[-1].group(1)
    after = _PERSON.search(value[end : end + _NEAR])
    return after.group(1) if after else None


@corpus_rule("JX501", "unit-error", "warning")
def unit_error(corpus: Corpus) -> Iterator[Issue]:
    """单位错误：该用万元处印成元、单位重复（``万元元``）、百分比缺少 %。

    为什么：单位错一位，数字就差一万倍。报告中印为“元”的金额若与本报告或同地区同年度决算中以
    万元计的数字相同，说明单位印错（报错误）；单位重复和百分比缺少 % 报警告（指标名称已注明
    “(%)”的不算）。

    例：“末滚存结余 23541.75 元”而决算年末滚存结余为 23541.75 万元：报错误；
    “本年收入 9410.12 万元元”：报警告。
    """
    for item in corpus.items:
        yield from _doubled_units(item)
        yield from _percent_missing(item)
        if isinstance(item.record, ReportRecord):
            yield from _yuan_facts(corpus, item)


def _masked(number: str) -> str:
    digits = re.sub(r"\D", "", number)
    return (
        digits[:3] + "*" * max(len(digits) - 7, 0) + digits[-4:]
        if len(digits) > 7
        else "*" * len(digits)
    )


@record_rule(
    "JX502",
    "personal-data",
    "info",
    kinds=("target", "monitoring", "self_evaluation", "final_accounts", "report"),
)
def personal_data(item: Item, corpus: Corpus) -> Iterator[Issue]:
    """公开文件中含个人信息：手机号码，或姓名旁的联系电话。

    为什么：公开的绩效文件不应包含个人手机号；制表人、填报人的姓名与电话同时公开会泄露个人
    信息。只提示（info），消息中号码打码显示。

    例：“制表人: 彭革娟 电话: 152****3376”：提示。
    """
    for field, value in _texts(item):
        found = [(m.start(1), m.end(1), "手机号码") for m in _MOBILE.finditer(value)]
        found += [
            (m.start(1), m.end(1), "电话号码")
            for m in _LANDLINE.finditer(value)
            if not _MOBILE.fullmatch(m.group(1))
        ]
        for start, end, label in sorted(found):
            person = _nearest_person(value, start, end)
            named = f"，旁边有姓名“{person}”" if person else ""
            yield Issue(
                f"公开文件中有{label} {_masked(value[start:end])}{named}，应删除或隐去",
                field=field,
            )
