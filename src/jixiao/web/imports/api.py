"""``POST /api/import``: upload documents (multipart ``files``), get the records found with
their findings; unless ``dry_run``, save them as drafts of the matched units."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import File, Router, Schema, Status
from ninja.files import UploadedFile

from jixiao.records import dumps
from jixiao.web.api_json import RawJSON, RecordJSON
from jixiao.web.core import access
from jixiao.web.core.access import Action
from jixiao.web.imports import service
from jixiao.web.records.api import RecordItem, item

router = Router(tags=["导入"])


class FoundOut(Schema):
    key: str
    record: RecordJSON
    findings: list[dict[str, Any]]
    unit_id: int | None
    unit: str | None


class FileOut(Schema):
    name: str
    error: str | None
    records: list[FoundOut]


class ImportOut(Schema):
    batch: int
    files: list[FileOut]
    saved: list[RecordItem]
    problems: list[str]


@router.post("", response={200: ImportOut, 201: ImportOut, 422: ImportOut})
def import_documents(
    request: HttpRequest,
    files: File[list[UploadedFile]],
    dry_run: bool = False,
    unit: int | None = None,
) -> Any:
    """导入文本文档。``unit`` 为无法自动匹配单位的记录指定单位；``dry_run`` 只预览不保存。"""
    batch = service.read_files(request.user, ((f.name or "upload.txt", f.read()) for f in files))
    results = service.preview(request.user, batch)
    body: dict[str, Any] = {
        "batch": batch.pk,
        "files": [
            {
                "name": r.name,
                "error": r.error,
                "records": [
                    {
                        "key": f.key,
                        "record": RawJSON(dumps(f.record)),
                        "findings": f.findings,
                        "unit_id": f.unit.pk if f.unit else None,
                        "unit": f.unit.name if f.unit else None,
                    }
                    for f in r.records
                ],
            }
            for r in results
        ],
        "saved": [],
        "problems": [],
    }
    if dry_run:
        return Status(200, body)
    choices: dict[str, int | None] = {}
    if unit is not None:
        allowed = access.units(request.user, Action.IMPORT).filter(pk=unit).exists()
        if not allowed:
            raise access.NotVisible("找不到该单位，或您无权向其导入。")
        choices = {f.key: (f.unit.pk if f.unit else unit) for r in results for f in r.records}
    try:
        saved = service.save(request.user, batch, choices)
    except service.UnitMissing as exc:
        body["problems"] = exc.problems
        return Status(422, body)
    body["saved"] = [item(s) for s in saved]
    return Status(201, body)
