"""Starting a record from another: a monitoring or self-evaluation record from the project's
target table (indicators and targets carried over), a target table from last year's."""

from __future__ import annotations

from jixiao.records import Budget, Indicator, ProjectRecordBase, Record, parse_record

_CARRIED_HEADER = (
    "project",
    "unit",
    "reporting_unit",
    "region",
    "year",
    "fund",
    "money_unit",
    "goal",
)


def start_from(source: Record, kind: str) -> Record:
    """A new ``kind`` record prefilled from ``source`` (a target table).

    Carried: the header, the planned budget and each indicator's 一级/二级/三级 names and target
    text. Not carried: actuals, rates, scores and notes, which belong to the new record.
    """
    if not isinstance(source, ProjectRecordBase):
        raise ValueError("只能从绩效目标表开始。")
    data: dict[str, object] = {"kind": kind}
    for name in _CARRIED_HEADER:
        data[name] = getattr(source, name)
    if kind == "target" and source.kind == "target" and source.year is not None:
        data["year"] = source.year + 1
    if kind == "monitoring" and data.get("year") is not None:
        data["period"] = f"{data['year']}-06"
    planned = source.budget.planned
    record = parse_record(data)
    assert isinstance(record, ProjectRecordBase)
    return record.model_copy(
        update={
            "budget": Budget(planned=planned.model_copy() if planned is not None else None),
            "indicators": [
                Indicator(level1=i.level1, level2=i.level2, name=i.name, target=i.target)
                for i in source.indicators
            ],
        }
    )
