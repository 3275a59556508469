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


class ReportRecord(RecordBase):
    """A narrative report: the whole ``text`` and the ``facts`` read from it."""

    kind: Literal["report"] = "report"
    text: str = ""
    facts: list[Fact] = Field(default_factory=list)
