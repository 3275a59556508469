"""Saving records: every save is a new immutable version; a stale save is refused.

All functions take the acting user and check the action through the permission layer
(:mod:`jixiao.web.core.access`) before they write.
"""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.db.models import Model
from django.utils import timezone

from jixiao.expr import read_indicator
from jixiao.records import ProjectRecordBase, Record, dumps, parse_record
from jixiao.web.core import access
from jixiao.web.core.access import Action
from jixiao.web.core.db import write_transaction
from jixiao.web.organisations.models import Unit
from jixiao.web.records import checks
from jixiao.web.records.diff import record_changes
from jixiao.web.records.models import RecordEvent, RecordVersion, Status, StoredRecord
from jixiao.web.records.workflow import ALLOWED_FROM

EDITABLE: list[str] = sorted(ALLOWED_FROM[Action.CHANGE])
"""The statuses in which a record can be saved (the workflow decides)."""


class VersionConflict(Exception):
    """The record was saved by someone else since ``base_version`` was read."""

    def __init__(self, stored: StoredRecord, base_version: int) -> None:
        super().__init__(
            f"记录已被他人修改（您基于第{base_version}版，当前为第{stored.version}版）。"
        )
        self.stored = stored
        self.base_version = base_version


def normalise(record: Record) -> Record:
    """The record as stored: indicator texts read into ``target_expr``/``actual_value``."""
    if isinstance(record, ProjectRecordBase):
        return record.model_copy(
            update={"indicators": [read_indicator(i) for i in record.indicators]}
        )
    return record


def _indexed(record: Record) -> dict[str, Any]:
    project = getattr(record, "project", None) or ""
    return {
        "kind": record.kind,
        "fund": record.fund.value if record.fund else "",
        "year": record.year,
        "project": project[:255],
        "title": (record.title or "")[:255],
    }


def _quoted(name: str) -> str:
    return str(connection.ops.quote_name(name))


def _insert_sql(
    model: type[Model], values: dict[str, Any], after: str | None = None
) -> tuple[str, list[Any]]:
    """One prepared INSERT, built before the write lock is taken (the lock is held only while
    the database writes). With ``after`` (a CTE name) it inserts one row per row of that CTE."""
    fields = [model._meta.get_field(name) for name in values]
    columns = ", ".join(_quoted(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    params = [f.get_db_prep_save(values[f.name], connection) for f in fields]
    rows = f"VALUES ({marks})" if after is None else f"SELECT {marks} FROM {after}"
    return f"INSERT INTO {_quoted(model._meta.db_table)} ({columns}) {rows}", params


def _write_version(
    update: tuple[str, list[Any]], version: tuple[str, list[Any]], event: tuple[str, list[Any]]
) -> str | None:
    """Run the conditional UPDATE and, if it moved the record, the two INSERTs, atomically;
    the record's status as written, or ``None`` when the record was not at the base version.

    PostgreSQL gets one statement (data-modifying CTEs: one round trip, atomic by itself);
    other databases a short transaction, in turn with the other writers (``write_transaction``).
    """
    if connection.vendor == "postgresql":
        sql = (
            f"WITH moved AS ({update[0]} RETURNING {_quoted('status')}), "
            f"new_version AS ({version[0]}), new_event AS ({event[0]}) "
            f"SELECT {_quoted('status')} FROM moved"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*update[1], *version[1], *event[1]])
            row = cursor.fetchone()
        return None if row is None else str(row[0])
    returning = connection.features.can_return_columns_from_insert
    with write_transaction(), connection.cursor() as cursor:
        cursor.execute(
            update[0] + (f" RETURNING {_quoted('status')}" if returning else ""), update[1]
        )
        if returning:
            row = cursor.fetchone()
            moved: str | None = None if row is None else str(row[0])
        else:
            moved = "" if cursor.rowcount == 1 else None
        if moved is not None:
            cursor.execute(*version)
            cursor.execute(*event)
    return moved


def _update_sql(pk: int, base_version: int, values: dict[str, Any]) -> tuple[str, list[Any]]:
    """The conditional UPDATE that moves a record from ``base_version`` to the next version."""
    fields = [StoredRecord._meta.get_field(name) for name in values]
    sets = ", ".join(f"{_quoted(f.column)} = %s" for f in fields)
    params = [f.get_db_prep_save(values[f.name], connection) for f in fields]
    sql = (
        f"UPDATE {_quoted(StoredRecord._meta.db_table)} SET {_quoted('version')} = {_quoted('version')} + 1, "
        f"{sets} WHERE {_quoted('id')} = %s AND {_quoted('version')} = %s "
        f"AND {_quoted('deleted_at')} IS NULL AND {_quoted('status')} IN ({', '.join(['%s'] * len(EDITABLE))})"
    )
    return sql, [*params, pk, base_version, *EDITABLE]


def create(user: Any, unit: Unit, record: Record, note: str = "") -> StoredRecord:
    """A new record in ``unit`` as a draft, version 1."""
    access.require_unit(user, Action.CREATE, unit)
    record = normalise(record)
    text = dumps(record)
    errors, warnings = checks.counts(checks.analyse(record, None, unit.region).findings)
    with write_transaction():
        stored = StoredRecord.objects.create(
            unit=unit,
            region_id=unit.region_id,
            data=text,
            version=1,
            status=Status.DRAFT,
            created_by=user,
            updated_by=user,
            error_count=errors,
            warning_count=warnings,
            **_indexed(record),
        )
        RecordVersion.objects.create(
            record=stored,
            number=1,
            data=text,
            author=user,
            changes=record_changes(None, text),
            note=note,
        )
        RecordEvent.objects.create(
            record=stored,
            kind=RecordEvent.Kind.CREATED,
            user=user,
            version=1,
            to_status=Status.DRAFT,
            comment=note,
        )
    return stored


def update(
    user: Any,
    stored: StoredRecord,
    record: Record,
    base_version: int,
    note: str = "",
    event: str = RecordEvent.Kind.SAVED,
) -> StoredRecord:
    """Save ``record`` as the next version, unless the record moved past ``base_version``."""
    access.require(user, Action.CHANGE, stored)
    record = normalise(record)
    text = dumps(record)
    analysis = checks.analyse_new_version(stored, record, base_version + 1, text)
    errors, warnings = checks.counts(analysis.findings)
    # Everything is computed before the transaction, which then only writes (short write lock).
    if base_version == stored.version:
        previous: str | None = stored.data  # the version the user started from, as fetched
    else:
        row = RecordVersion.objects.filter(record=stored, number=base_version).only("data").first()
        previous = row.data if row else None
    changes = record_changes(previous, text)
    number = base_version + 1
    now = timezone.now()
    values = {
        "data": text,
        "updated_by": user.pk,
        "updated_at": now,
        "error_count": errors,
        "warning_count": warnings,
        **_indexed(record),
    }
    postgres = connection.vendor == "postgresql"
    version = _insert_sql(
        RecordVersion,
        {
            "record": stored.pk,
            "number": number,
            "data": text,
            "author": user.pk,
            "created_at": now,
            "changes": changes,
            "note": note,
        },
        after="moved" if postgres else None,
    )
    event_row = _insert_sql(
        RecordEvent,
        {
            "record": stored.pk,
            "kind": event,
            "user": user.pk,
            "at": now,
            "version": number,
            "from_status": "",
            "to_status": "",
            "comment": note,
            "details": {"fields": len(changes)},
        },
        after="moved" if postgres else None,
    )
    status = _write_version(_update_sql(stored.pk, base_version, values), version, event_row)
    if status is None:
        stored.refresh_from_db()
        if stored.version == base_version:
            access.require(user, Action.CHANGE, stored)  # the state changed meanwhile
        raise VersionConflict(stored, base_version)
    if not status:  # a database that cannot say what it wrote
        stored.refresh_from_db()
    else:  # the row as written, without reading it back
        for name, value in values.items():
            setattr(stored, "updated_by_id" if name == "updated_by" else name, value)
        stored.version = number
        stored.status = status
    stored.__dict__["record"] = record
    return stored


def restore_version(
    user: Any, stored: StoredRecord, number: int, base_version: int
) -> StoredRecord:
    """Save an old version's content as the newest version."""
    old = RecordVersion.objects.get(record=stored, number=number)
    return update(
        user,
        stored,
        parse_record(old.data),
        base_version,
        note=f"恢复第{number}版",
        event=RecordEvent.Kind.RESTORED,
    )


def soft_delete(user: Any, stored: StoredRecord, reason: str = "") -> StoredRecord:
    """Hide the record; an administrator can undo it."""
    access.require(user, Action.DELETE, stored)
    with write_transaction():
        now = timezone.now()
        StoredRecord.objects.filter(pk=stored.pk).update(deleted_at=now, deleted_by=user)
        RecordEvent.objects.create(
            record=stored,
            kind=RecordEvent.Kind.DELETED,
            user=user,
            version=stored.version,
            comment=reason,
        )
    stored.refresh_from_db()
    return stored


def undelete(user: Any, stored: StoredRecord) -> StoredRecord:
    access.require(user, Action.UNDELETE, stored)
    with write_transaction():
        StoredRecord.objects.filter(pk=stored.pk).update(deleted_at=None, deleted_by=None)
        RecordEvent.objects.create(
            record=stored,
            kind=RecordEvent.Kind.UNDELETED,
            user=user,
            version=stored.version,
        )
    stored.refresh_from_db()
    return stored
