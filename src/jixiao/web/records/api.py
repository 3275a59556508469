"""``/api/records``: list, read, create, update (with version), findings, workflow, history."""

from __future__ import annotations

import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from pydantic import Field
from pydantic import ValidationError as PydanticValidationError

from jixiao.records import Record, loads, parse_record
from jixiao.web.api_json import RawJSON, RecordJSON
from jixiao.web.core import access
from jixiao.web.core.access import Action
from jixiao.web.organisations.models import Unit
from jixiao.web.records import checks, store, workflow
from jixiao.web.records.filtersets import RecordFilterSet
from jixiao.web.records.models import RecordEvent, RecordVersion, StoredRecord

router = Router(tags=["记录"])


class UnitRef(Schema):
    id: int
    name: str
    region: str


class RecordItem(Schema):
    id: int
    version: int
    status: str
    unit: UnitRef
    record: RecordJSON
    errors: int
    warnings: int
    updated_at: datetime.datetime


class RecordPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[RecordItem]


class Detail(Schema):
    detail: str


class Conflict(Schema):
    detail: str
    current_version: int


class RecordFilters(Schema):
    kind: str | None = None
    region: str | None = None
    fund: str | None = None
    year: int | None = None
    status: str | None = None
    unit: int | None = None
    q: str | None = None
    limit: int = 50
    offset: int = 0


class RecordCreate(Schema):
    unit: int
    record: dict[str, Any]


class RecordUpdate(Schema):
    version: int
    record: dict[str, Any]


class SubmitIn(Schema):
    explanations: dict[str, str] = Field(default_factory=dict)


class CommentIn(Schema):
    comment: str = ""


class FindingsOut(Schema):
    findings: list[dict[str, Any]]
    summary: dict[str, int]


class EventOut(Schema):
    kind: str
    user: str | None
    at: datetime.datetime
    version: int
    from_status: str
    to_status: str
    comment: str


class VersionOut(Schema):
    number: int
    author: str | None
    created_at: datetime.datetime
    note: str
    changes: list[dict[str, Any]]
    record: dict[str, Any] | None = None


def item(stored: StoredRecord) -> dict[str, Any]:
    return {
        "id": stored.pk,
        "version": stored.version,
        "status": stored.status,
        "unit": {"id": stored.unit_id, "name": stored.unit.name, "region": stored.region.name},
        "record": RawJSON(stored.data),
        "errors": stored.error_count,
        "warnings": stored.warning_count,
        "updated_at": stored.updated_at,
    }


def _record(data: dict[str, Any]) -> Record:
    try:
        return parse_record(data)
    except PydanticValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()[:10]
        )
        raise BadRecord(f"记录不符合记录格式：{problems}") from None


class BadRecord(ValueError):
    pass


def _get(request: HttpRequest, action: Action, record_id: int) -> StoredRecord:
    return access.get_object(request.user, action, StoredRecord.objects.all(), pk=record_id)


@router.get("", response={200: RecordPage, 422: Detail})
def list_records(request: HttpRequest, filters: Query[RecordFilters]) -> Any:
    """可查看的记录，按类型、地区（含下级）、险种、年度、状态筛选。"""
    params = {
        k: v for k, v in filters.dict().items() if v is not None and k not in ("limit", "offset")
    }
    filterset = RecordFilterSet(params)
    if not filterset.valid:
        return Status(
            422,
            {
                "detail": "筛选条件不正确："
                + "; ".join(f"{k}: {', '.join(v)}" for k, v in filterset.errors.items())
            },
        )
    queryset = filterset.filter(
        access.restrict(StoredRecord.objects.all(), request.user, Action.VIEW)
    )
    queryset = (
        queryset.filter(deleted_at__isnull=True).select_related("unit", "region").order_by("pk")
    )
    limit = max(1, min(filters.limit, 500))
    offset = max(0, filters.offset)
    return {
        "count": queryset.count(),
        "limit": limit,
        "offset": offset,
        "items": [item(s) for s in queryset[offset : offset + limit]],
    }


@router.post("", response={201: RecordItem, 422: Detail})
def create_record(request: HttpRequest, body: RecordCreate) -> Any:
    """在某单位新建一条草稿记录。"""
    unit = Unit.objects.select_related("region").filter(pk=body.unit).first()
    if unit is None:
        raise access.NotVisible("找不到该单位，或您无权查看。")
    try:
        record = _record(body.record)
    except BadRecord as exc:
        return Status(422, {"detail": str(exc)})
    stored = store.create(request.user, unit, record, note="API")
    return Status(201, item(stored))


@router.get("/{record_id}", response=RecordItem)
def get_record(request: HttpRequest, record_id: int) -> Any:
    return item(_get(request, Action.VIEW, record_id))


@router.put("/{record_id}", response={200: RecordItem, 409: Conflict, 422: Detail})
def update_record(request: HttpRequest, record_id: int, body: RecordUpdate) -> Any:
    """保存新版本；``version`` 须为当前版本号，否则 409。"""
    stored = _get(request, Action.CHANGE, record_id)
    try:
        record = _record(body.record)
    except BadRecord as exc:
        return Status(422, {"detail": str(exc)})
    if record.kind != stored.kind:
        return Status(422, {"detail": f"不能更改记录类型（{stored.get_kind_display()}）。"})
    try:
        stored = store.update(request.user, stored, record, body.version, note="API")
    except store.VersionConflict as exc:
        return Status(409, {"detail": str(exc), "current_version": exc.stored.version})
    return item(stored)


@router.delete("/{record_id}", response={204: None})
def delete_record(request: HttpRequest, record_id: int) -> Any:
    """删除（可由管理员撤销）。"""
    store.soft_delete(request.user, _get(request, Action.DELETE, record_id))
    return Status(204, None)


@router.get("/{record_id}/findings", response=FindingsOut)
def record_findings(request: HttpRequest, record_id: int) -> Any:
    """检查结果（checks.md 的格式）。"""
    findings = checks.findings_for(_get(request, Action.VIEW, record_id))
    errors, warnings = checks.counts(findings)
    infos = sum(1 for f in findings if f["severity"] == "info")
    return {
        "findings": findings,
        "summary": {"records": 1, "errors": errors, "warnings": warnings, "infos": infos},
    }


@router.post("/{record_id}/submit", response={200: RecordItem, 409: FindingsOut})
def submit_record(request: HttpRequest, record_id: int, body: SubmitIn) -> Any:
    """提交审核。每个错误须在 ``explanations`` 中说明（键见 ``finding_key``：代码|字段|指标）。"""
    stored = _get(request, Action.SUBMIT, record_id)
    try:
        stored = workflow.submit(request.user, stored, body.explanations)
    except workflow.SubmitBlocked as exc:
        for finding in exc.unexplained:
            finding["key"] = checks.finding_key(finding)
        return Status(
            409,
            {
                "findings": exc.unexplained,
                "summary": {
                    "records": 1,
                    "errors": len(exc.unexplained),
                    "warnings": 0,
                    "infos": 0,
                },
            },
        )
    return item(stored)


def _transition(request: HttpRequest, record_id: int, action: Action, comment: str) -> Any:
    stored = _get(request, action, record_id)
    try:
        stored = workflow.TRANSITION_FUNCTIONS[action](request.user, stored, comment)
    except workflow.CommentRequired as exc:
        return Status(422, {"detail": str(exc)})
    return item(stored)


@router.post("/{record_id}/approve", response={200: RecordItem, 422: Detail})
def approve_record(request: HttpRequest, record_id: int, body: CommentIn) -> Any:
    return _transition(request, record_id, Action.APPROVE, body.comment)


@router.post("/{record_id}/return", response={200: RecordItem, 422: Detail})
def return_record(request: HttpRequest, record_id: int, body: CommentIn) -> Any:
    """退回，``comment`` 必填。"""
    return _transition(request, record_id, Action.RETURN, body.comment)


@router.post("/{record_id}/reopen", response={200: RecordItem, 422: Detail})
def reopen_record(request: HttpRequest, record_id: int, body: CommentIn) -> Any:
    """重新打开已审核的记录，``comment`` 写明原因。"""
    return _transition(request, record_id, Action.REOPEN, body.comment)


@router.get("/{record_id}/history", response=list[EventOut])
def record_history(request: HttpRequest, record_id: int) -> Any:
    stored = _get(request, Action.VIEW, record_id)
    return [
        {
            "kind": e.kind,
            "user": e.user.get_username() if e.user else None,
            "at": e.at,
            "version": e.version,
            "from_status": e.from_status,
            "to_status": e.to_status,
            "comment": e.comment,
        }
        for e in RecordEvent.objects.filter(record=stored)
        .select_related("user")
        .order_by("at", "pk")
    ]


def _version(v: RecordVersion, with_record: bool) -> dict[str, Any]:
    return {
        "number": v.number,
        "author": v.author.get_username() if v.author else None,
        "created_at": v.created_at,
        "note": v.note,
        "changes": v.changes,
        "record": loads(v.data) if with_record else None,
    }


@router.get("/{record_id}/versions", response=list[VersionOut])
def record_versions(request: HttpRequest, record_id: int) -> Any:
    stored = _get(request, Action.VIEW, record_id)
    return [
        _version(v, False) for v in stored.versions.select_related("author").order_by("-number")
    ]


@router.get("/{record_id}/versions/{number}", response={200: VersionOut, 404: Detail})
def record_version(request: HttpRequest, record_id: int, number: int) -> Any:
    stored = _get(request, Action.VIEW, record_id)
    version = stored.versions.select_related("author").filter(number=number).first()
    if version is None:
        return Status(404, {"detail": "没有该版本。"})
    return _version(version, True)
