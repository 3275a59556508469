"""Fields every record carries (record-format.md, "Fields of every record")."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from jixiao.records.funds import Fund

RecordKind = Literal["target", "monitoring", "self_evaluation", "final_accounts", "report"]
MoneyUnit = Literal["万元", "亿元", "元"]

KIND_LABELS: dict[str, str] = {
    "target": "绩效目标表",
    "monitoring": "绩效监控表",
    "self_evaluation": "绩效自评表",
    "final_accounts": "决算表",
    "report": "报告",
}


class RecordBase(BaseModel):
    """One table or one report. ``null`` (``None``) means blank or not printed, never 0."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    kind: RecordKind
    title: str | None = None
    region: str | None = None
    year: int | None = None
    fund: Fund | None = None
    money_unit: MoneyUnit | None = None

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]
