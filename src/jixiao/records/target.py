"""绩效目标表: the budget and the indicator tree with targets, set before the year."""

from __future__ import annotations

from typing import Literal

from jixiao.records.project import ProjectRecordBase


class TargetRecord(ProjectRecordBase):
    """绩效目标表. ``budget.planned`` is 年度资金总额; indicators carry no actuals."""

    kind: Literal["target"] = "target"
