"""绩效自评表: year-end results, 分值/得分 per indicator and the 总分."""

from __future__ import annotations

from typing import Literal

from jixiao.records.project import ProjectRecordBase


class SelfEvaluationRecord(ProjectRecordBase):
    """绩效自评表. Scored forms carry ``weight``/``score`` on the budget and on each
    indicator, and ``total_weight``/``total_score`` from the 总分 row; the older form
    without scores leaves them ``null``."""

    kind: Literal["self_evaluation"] = "self_evaluation"
