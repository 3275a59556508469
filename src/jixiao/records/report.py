"""Narrative reports (决算说明, 绩效自评报告, 评价报告) and the figures they state."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from jixiao.records.common import RecordBase
from jixiao.records.numbers import Number

FactMetric = Literal[
    "income",
    "expenditure",
    "balance",
    "closing_balance",
    "planned",
    "executed",
    "execution_rate_pct",
    "insured",
    "beneficiaries",
]
FactUnit = Literal["万元", "亿元", "元", "%", "人", "人次"]


class Fact(BaseModel):
    """A figure a report's text states, with the sentence it stands in.

    ``subject`` is a fund code or ``"total"``.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    subject: str
    metric: FactMetric
    value: Number
    unit: FactUnit
    quote: str


PARAGRAPH_BREAK = "\n\n"
"""What separates the paragraphs of a report's ``text``."""
TABLE_CELL_BREAK = "\t"
"""What separates the cells of a table printed in a report's ``text`` (a line per row)."""


def table_rows(paragraph: str) -> list[list[str]] | None:
    r"""The rows of a paragraph of a report's ``text`` that holds a table printed in the
    report (every line has a tab between its cells), or ``None`` for a text paragraph.

    >>> table_rows("险种\t收入\n失业保险基金\t600"), table_rows("本年收入600万元。")
    ([['险种', '收入'], ['失业保险基金', '600']], None)
    """
    lines = paragraph.split("\n")
    if not all(TABLE_CELL_BREAK in line for line in lines):
        return None
    return [line.split(TABLE_CELL_BREAK) for line in lines]


class ReportRecord(RecordBase):
    """A narrative report: the whole ``text`` (paragraphs apart by a blank line; a table
    printed in it is one paragraph, see :func:`table_rows`) and the ``facts`` read from it."""

    kind: Literal["report"] = "report"
    text: str = ""
    facts: list[Fact] = Field(default_factory=list)
