"""绩效监控表: budget execution and indicator progress at a 监控时点."""

from __future__ import annotations

from typing import Literal

from pydantic import field_validator

from jixiao.records.project import ProjectRecordBase


class MonitoringRecord(ProjectRecordBase):
    """绩效监控表. ``period`` is the 监控时点 as ``YYYY-MM``; indicators carry
    ``completion_pct`` (指标完成率) and the record ``overall_completion_pct`` (总体完成率)."""

    kind: Literal["monitoring"] = "monitoring"

    @field_validator("period")
    @classmethod
    def _period_shape(cls, value: str | None) -> str | None:
        if value is None:
            return None
        year, sep, month = value.partition("-")
        if not (
            sep
            and year.isdigit()
            and len(year) == 4
            and month.isdigit()
            and len(month) == 2
            and 1 <= int(month) <= 12
        ):
            raise ValueError(f"监控时点应为 YYYY-MM 格式，实际为 {value!r}")
        return value

    @property
    def month(self) -> int | None:
        """The 监控时点 month (6 for ``2020-06``)."""
        return int(self.period[5:7]) if self.period else None
