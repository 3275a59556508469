"""The record model: one pydantic model per kind of record (record-format.md).

>>> from jixiao.records import parse_record
>>> parse_record({"kind": "target", "project": "城乡居民基本养老保险"}).kind
'target'
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, TypeAdapter

from jixiao.records.common import KIND_LABELS, MoneyUnit, RecordBase, RecordKind
from jixiao.records.final_accounts import FUND_ACCOUNT_FIELDS, FinalAccountsRecord, FundAccounts
from jixiao.records.funds import FUND_LABELS, Fund, fund_from_text
from jixiao.records.jsonio import dumps, loads
from jixiao.records.monitoring import MonitoringRecord
from jixiao.records.numbers import Number, decimals
from jixiao.records.project import Amount, Budget, Indicator, ProjectRecordBase
from jixiao.records.report import Fact, ReportRecord
from jixiao.records.self_evaluation import SelfEvaluationRecord
from jixiao.records.target import TargetRecord
from jixiao.records.values import ActualValue, Bound, Quantity, TargetExpr

Record = Annotated[
    TargetRecord | MonitoringRecord | SelfEvaluationRecord | FinalAccountsRecord | ReportRecord,
    Field(discriminator="kind"),
]
"""Any record; the ``kind`` field says which model it is."""

ProjectRecord = TargetRecord | MonitoringRecord | SelfEvaluationRecord

RECORD_ADAPTER: TypeAdapter[Record] = TypeAdapter(Record)
RECORD_LIST_ADAPTER: TypeAdapter[list[Record]] = TypeAdapter(list[Record])


def parse_record(data: Any) -> Record:
    """Validate one record from plain data (``dict``) or JSON text."""
    if isinstance(data, (str, bytes)):
        data = loads(data if isinstance(data, str) else data.decode("utf-8"))
    return RECORD_ADAPTER.validate_python(data)


def parse_records(data: Any) -> list[Record]:
    """Validate a list of records from plain data or JSON text."""
    if isinstance(data, (str, bytes)):
        data = loads(data if isinstance(data, str) else data.decode("utf-8"))
    return RECORD_LIST_ADAPTER.validate_python(data)


def record_json_schema() -> dict[str, Any]:
    """JSON Schema of a parse result: ``{"source": ..., "records": [...]}``."""
    schema = TypeAdapter(list[Record]).json_schema(mode="serialization")
    defs = schema.pop("$defs", {})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://jixiao.example/record-schema.json",
        "title": "jixiao parse output (record format v1)",
        "type": "object",
        "required": ["source", "records"],
        "additionalProperties": False,
        "properties": {
            "source": {"type": "string", "description": "the input file's name"},
            "records": schema,
        },
        "$defs": defs,
    }


__all__ = [
    "FUND_ACCOUNT_FIELDS",
    "FUND_LABELS",
    "KIND_LABELS",
    "ActualValue",
    "Amount",
    "Bound",
    "Budget",
    "Fact",
    "FinalAccountsRecord",
    "Fund",
    "FundAccounts",
    "Indicator",
    "MoneyUnit",
    "MonitoringRecord",
    "Number",
    "ProjectRecord",
    "ProjectRecordBase",
    "Quantity",
    "Record",
    "RecordBase",
    "RecordKind",
    "ReportRecord",
    "SelfEvaluationRecord",
    "TargetExpr",
    "TargetRecord",
    "decimals",
    "dumps",
    "fund_from_text",
    "loads",
    "parse_record",
    "parse_records",
    "record_json_schema",
]
