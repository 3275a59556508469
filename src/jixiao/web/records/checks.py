"""Findings and computed figures of stored records, from :mod:`jixiao.rules` (never recomputed here).

A record is checked together with the other live records of the same region and year, so
the cross-document rules (JX4xx) see the target table beside its monitoring record. Findings
are plain dicts in the checks.md shape; ``source`` is ``#<record id>``.
"""

from __future__ import annotations

import dataclasses
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from typing import Any

from jixiao.records import Record
from jixiao.web.records.models import StoredRecord

FINDING_FIELDS = (
    "code",
    "severity",
    "source",
    "record",
    "project",
    "field",
    "indicator",
    "message",
    "reported",
    "expected",
    "related",
)
RELATED_LIMIT = 40


def source_name(stored_id: int | None) -> str:
    return f"#{stored_id}" if stored_id is not None else "#new"


def _as_dict(finding: Any) -> dict[str, Any]:
    if isinstance(finding, dict):
        data = finding
    elif dataclasses.is_dataclass(finding) and not isinstance(finding, type):
        data = dataclasses.asdict(finding)
    elif hasattr(finding, "model_dump"):
        data = finding.model_dump(mode="python")
    else:
        data = {name: getattr(finding, name, None) for name in FINDING_FIELDS}
    result = {name: data.get(name) for name in FINDING_FIELDS}
    result["severity"] = str(result["severity"]) if result["severity"] is not None else None
    result["related"] = [_plain_related(r) for r in (result["related"] or [])]
    return result


def _plain_related(related: Any) -> dict[str, Any]:
    if isinstance(related, dict):
        return dict(related)
    if dataclasses.is_dataclass(related) and not isinstance(related, type):
        return dataclasses.asdict(related)
    if hasattr(related, "model_dump"):
        return dict(related.model_dump(mode="python"))
    return {
        "source": getattr(related, "source", None),
        "record": getattr(related, "record", None),
        "field": getattr(related, "field", None),
    }


def related_records(
    stored: StoredRecord | None, record: Record, unit_region_id: int | None
) -> list[StoredRecord]:
    """Live records of the same region and year (the other side of cross-document checks)."""
    region_id = stored.region_id if stored is not None else unit_region_id
    if region_id is None or record.year is None:
        return []
    queryset = StoredRecord.objects.filter(
        region_id=region_id, year=record.year, deleted_at__isnull=True
    )
    if stored is not None:
        queryset = queryset.exclude(pk=stored.pk)
    return list(queryset.only("pk", "version", "data").order_by("pk")[:RELATED_LIMIT])


def check_documents(documents: Sequence[tuple[str, Sequence[Record]]]) -> list[dict[str, Any]]:
    """All findings of the documents, checked together (checks.md shape)."""
    from jixiao.rules import check_records

    return [_as_dict(f) for f in check_records(documents)]


def check(
    record: Record, stored_id: int | None = None, others: Iterable[StoredRecord] = ()
) -> list[dict[str, Any]]:
    """The findings about ``record`` (checked beside ``others``), checks.md shape."""
    own = source_name(stored_id)
    documents: list[tuple[str, Sequence[Record]]] = [(own, [record])]
    documents.extend((source_name(other.pk), [other.record]) for other in others)
    return [f for f in check_documents(documents) if f["source"] == own]


class _FindingsCache:
    """Findings of stored versions, per process. A key names the record's version and the
    version of every record it was checked beside, so any save on either side misses."""

    def __init__(self, size: int = 2048) -> None:
        self.size = size
        self.entries: OrderedDict[tuple[Any, ...], list[dict[str, Any]]] = OrderedDict()
        self.lock = threading.Lock()

    @staticmethod
    def key(
        stored_id: int, version: int, text: str, others: Iterable[StoredRecord]
    ) -> tuple[Any, ...]:
        return (stored_id, version, hash(text), tuple((o.pk, o.version) for o in others))

    def get(self, key: tuple[Any, ...]) -> list[dict[str, Any]] | None:
        with self.lock:
            found = self.entries.get(key)
            if found is not None:
                self.entries.move_to_end(key)
        return [dict(f) for f in found] if found is not None else None

    def put(self, key: tuple[Any, ...], findings: list[dict[str, Any]]) -> None:
        with self.lock:
            self.entries[key] = [dict(f) for f in findings]
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)


_cache = _FindingsCache()


def check_version(
    record: Record, stored_id: int, version: int, text: str, others: list[StoredRecord]
) -> list[dict[str, Any]]:
    """``check`` for a stored version (``text`` is its JSON), remembered until it or one of
    ``others`` changes."""
    key = _cache.key(stored_id, version, text, others)
    found = _cache.get(key)
    if found is None:
        found = check(record, stored_id, others)
        _cache.put(key, found)
    return found


def findings_for(stored: StoredRecord, record: Record | None = None) -> list[dict[str, Any]]:
    """Findings of a stored record (its current version unless ``record`` is given)."""
    if record is not None:
        return check(record, stored.pk, related_records(stored, record, None))
    current = stored.record
    others = related_records(stored, current, None)
    return check_version(current, stored.pk, stored.version, stored.data, others)


def derived(record: Record) -> dict[str, Any]:
    """Computed figures by record-format path (执行率, 完成率, 得分, 等级, 结余, 可支付月数 …)."""
    from jixiao.rules.derived import derived_figures

    return dict(derived_figures(record, None))


def finding_key(finding: dict[str, Any]) -> str:
    """A stable key for explaining one finding: code, field and indicator."""
    return f"{finding['code']}|{finding.get('field') or ''}|{finding.get('indicator') or ''}"


def counts(findings: Iterable[dict[str, Any]]) -> tuple[int, int]:
    """(errors, warnings)."""
    errors = warnings = 0
    for finding in findings:
        if finding["severity"] == "error":
            errors += 1
        elif finding["severity"] == "warning":
            warnings += 1
    return errors, warnings


def errors_of(findings: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [f for f in findings if f["severity"] == "error"]
