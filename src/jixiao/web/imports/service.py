"""Import: read uploaded documents into records (``jixiao.ingest``), preview them with their
findings and proposed units, save the chosen ones as drafts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone

from jixiao.ingest import parse_text
from jixiao.ingest.errors import IngestError
from jixiao.ingest.files import decode_document
from jixiao.records import Record, dumps, parse_record
from jixiao.web.core import access
from jixiao.web.core.access import Action
from jixiao.web.core.db import write_transaction
from jixiao.web.imports.matching import match_unit
from jixiao.web.imports.models import ImportBatch
from jixiao.web.organisations.models import Unit
from jixiao.web.organisations.policy import Policy, effective_policy
from jixiao.web.records import checks, store
from jixiao.web.records.models import StoredRecord

MAX_FILES = 50


@dataclass
class FoundRecord:
    """One record of an upload, as the preview shows it."""

    key: str
    file: str
    index: int
    record: Record
    findings: list[dict[str, Any]] = field(default_factory=list)
    unit: Unit | None = None

    @property
    def errors(self) -> int:
        return checks.counts(self.findings)[0]

    @property
    def warnings(self) -> int:
        return checks.counts(self.findings)[1]


@dataclass
class FileResult:
    name: str
    error: str | None
    records: list[FoundRecord]


def read_files(user: Any, files: Iterable[tuple[str, bytes]]) -> ImportBatch:
    """Read each file; a file that cannot be read keeps its error message (in Chinese)."""
    access.require_any(user, Action.IMPORT)
    entries: list[dict[str, Any]] = []
    for count, (name, data) in enumerate(files):
        if count >= MAX_FILES:
            entries.append(
                {"name": name, "error": f"一次最多导入 {MAX_FILES} 个文件。", "records": []}
            )
            continue
        try:
            records = parse_text(decode_document(data, name), name)
        except IngestError as exc:
            entries.append({"name": name, "error": exc.located(), "records": []})
            continue
        if not records:
            entries.append(
                {"name": name, "error": f"{name}: 未找到可识别的绩效表格或报告。", "records": []}
            )
            continue
        entries.append({"name": name, "error": None, "records": [dumps(r) for r in records]})
    return ImportBatch.objects.create(user=user, files=entries)


def preview(user: Any, batch: ImportBatch) -> list[FileResult]:
    """The batch's records with findings (checked together, as one upload, each under the policy
    of the region of its proposed unit) and proposed units."""
    units = list(access.units(user, Action.IMPORT))
    results: list[FileResult] = []
    documents: list[tuple[str, Sequence[Record]]] = []
    for number, entry in enumerate(batch.files):
        records = [parse_record(text) for text in entry["records"]]
        found = [
            FoundRecord(f"{number}-{i}", entry["name"], i, r, unit=match_unit(r, units))
            for i, r in enumerate(records)
        ]
        results.append(FileResult(entry["name"], entry["error"], found))
        documents.append((str(number), records))
    units_of = {str(n): [item.unit for item in r.records] for n, r in enumerate(results)}

    def policy_of(source: str, index: int) -> Policy:
        unit = units_of[source][index]
        year = documents[int(source)][1][index].year
        return effective_policy(unit.region if unit is not None else None, year)

    findings = checks.check_documents_by_policy(documents, policy_of)
    for number, result in enumerate(results):
        for item in result.records:
            item.findings = [
                f for f in findings if f["source"] == str(number) and f["record"] == item.index
            ]
    return results


def save(
    user: Any,
    batch: ImportBatch,
    choices: Mapping[str, int | None],
    selected: Sequence[str] | None = None,
) -> list[StoredRecord]:
    """Save the selected records (all by default) as drafts of the chosen units."""
    if batch.saved_at is not None:
        raise access.StateConflict("该批次已保存。")
    allowed = {u.pk: u for u in access.units(user, Action.IMPORT)}
    saved: list[StoredRecord] = []
    problems: list[str] = []
    results = preview(user, batch)
    with write_transaction():
        for result in results:
            for item in result.records:
                if selected is not None and item.key not in selected:
                    continue
                unit_id = choices.get(item.key) or (item.unit.pk if item.unit else None)
                unit = allowed.get(unit_id) if unit_id is not None else None
                if unit is None:
                    problems.append(f"{item.file} 第{item.index + 1}条：请选择所属单位。")
                    continue
                saved.append(store.create(user, unit, item.record, note=f"导入自 {item.file}"))
        if problems:
            transaction.set_rollback(True)
            raise UnitMissing(problems)
        batch.saved_at = timezone.now()
        batch.saved_records = [s.pk for s in saved]
        batch.save(update_fields=["saved_at", "saved_records"])
    return saved


class UnitMissing(ValueError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("；".join(problems))
        self.problems = problems
