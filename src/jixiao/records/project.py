"""Parts shared by the three project tables: budget lines and indicators."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from jixiao.records.common import RecordBase
from jixiao.records.numbers import Number
from jixiao.records.values import ActualValue, TargetExpr


class Amount(BaseModel):
    """One budget amount split by source (资金来源).

    ``fiscal`` 财政资金/财政拨款/当年财政拨款; ``fund_money`` 社保基金/医保基金/社会保险基金;
    ``carryover`` 上年结转资金; ``other`` 其他/其他资金.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    total: Number | None = None
    fiscal: Number | None = None
    fund_money: Number | None = None
    carryover: Number | None = None
    other: Number | None = None

    def source_lines(self) -> dict[str, Number | None]:
        return {
            "fiscal": self.fiscal,
            "fund_money": self.fund_money,
            "carryover": self.carryover,
            "other": self.other,
        }


class Budget(BaseModel):
    """预算: planned (预算数/年度资金总额/全年预算数), initial (年初预算数),
    available (到位数), executed (执行数/全年执行数), and the printed rate and score."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    planned: Amount | None = None
    initial: Amount | None = None
    available: Amount | None = None
    executed: Amount | None = None
    execution_rate_pct: Number | None = None
    weight: Number | None = None
    score: Number | None = None


class Indicator(BaseModel):
    """One 三级指标 row with its 一级/二级 groups carried down."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    level1: str | None = None
    level2: str | None = None
    name: str | None = None
    target: str | None = None
    actual: str | None = None
    completion_pct: Number | None = None
    weight: Number | None = None
    score: Number | None = None
    note: str | None = None
    target_expr: TargetExpr | None = None
    actual_value: ActualValue | None = None


class ProjectRecordBase(RecordBase):
    """绩效目标表, 绩效监控表 and 绩效自评表 share this shape."""

    project: str | None = None
    unit: str | None = None
    reporting_unit: str | None = None
    period: str | None = None
    budget: Budget = Field(default_factory=Budget)
    goal: str | None = None
    progress: str | None = None
    overall_completion_pct: Number | None = None
    indicators: list[Indicator] = Field(default_factory=list)
    deviation: str | None = None
    total_weight: Number | None = None
    total_score: Number | None = None
    footer: str | None = None
    """Lines printed under the table (填报人, 制表人, 联系电话 …), one per line; kept
    so that personal data in a published document can be found (JX502)."""
