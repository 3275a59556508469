"""Field-level differences between two versions of a record, by record-format path."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from jixiao.records import Record, dumps, loads

# Readings of texts (derived from ``target``/``actual``), not something a person edits.
_SKIPPED_KEYS = frozenset({"target_expr", "actual_value"})


def flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    """``{"budget": {"planned": {"total": 1}}}`` → ``{"budget.planned.total": 1}``;
    list items as ``indicators[0].name``."""
    out: dict[str, Any] = {}
    if isinstance(value, dict):
        if not value and prefix:
            out[prefix] = None
        for key, item in value.items():
            if key in _SKIPPED_KEYS:
                continue
            out.update(flatten(item, f"{prefix}.{key}" if prefix else str(key)))
    elif isinstance(value, list):
        if not value and prefix:
            out[prefix] = None
        for index, item in enumerate(value):
            out.update(flatten(item, f"{prefix}[{index}]"))
    else:
        out[prefix] = value
    return out


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


def plain(record: Record | str) -> dict[str, Any]:
    """The record as plain data with numbers as printed (decimals)."""
    text = record if isinstance(record, str) else dumps(record)
    data = loads(text)
    assert isinstance(data, dict)
    return data


def record_changes(old: Record | str | None, new: Record | str) -> list[dict[str, str | None]]:
    """The fields whose values differ: ``[{"field", "old", "new"}]``, in the new record's order."""
    before = flatten(plain(old)) if old is not None else {}
    after = flatten(plain(new))
    changes: list[dict[str, str | None]] = []
    for path, value in after.items():
        if _text(before.get(path)) != _text(value):
            changes.append({"field": path, "old": _text(before.get(path)), "new": _text(value)})
    for path, value in before.items():
        if path not in after and value is not None:
            changes.append({"field": path, "old": _text(value), "new": None})
    return changes
