"""Region policy: which :class:`~jixiao.rules.RuleSettings` a record is checked with.

An administrator keeps, per region and optionally per year, the settings that differ from the
national defaults (``RegionPolicy.overrides``, JSON validated by ``RuleSettings``). A record of
a region uses the *nearest* policy up the region tree — the county's own, else its
prefecture's, else its province's, else the national defaults — and within one region a
policy for the record's year wins over the general one. The policy found is used whole (it is
not merged with the policies above it).

:func:`effective_policy` is the only place that answers this; every check and computed figure
of the web system goes through it (``records.checks``). A change of policy shows at once in
the server process that saved it and within five seconds in the others.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from pydantic import ValidationError

from jixiao.records import dumps
from jixiao.rules.settings import DEFAULT_SETTINGS, RuleSettings
from jixiao.web.organisations.models import Region, RegionPolicy

logger = logging.getLogger(__name__)

NATIONAL_SOURCE = "全国默认"


class PolicyError(ValueError):
    """Settings an administrator typed that cannot be used; ``message`` is in Chinese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class ParsedOverrides:
    text: str
    """The overrides as stored: JSON, two-space indented, numbers as typed."""
    settings: RuleSettings


@dataclass(frozen=True)
class Policy:
    """The settings a record is checked with and where they come from."""

    settings: RuleSettings
    source: str = NATIONAL_SOURCE
    """A person's name for the origin: ``喀什地区（2024年）`` or ``全国默认``."""
    key: tuple[Any, ...] = field(default=())
    """Names the policy row and its state (for caches of findings); ``()`` for the defaults."""
    row_id: int | None = None


NATIONAL = Policy(DEFAULT_SETTINGS)

_ERROR_TEXT = {
    "extra_forbidden": "不是可用的设置项",
    "missing": "缺少此项",
    "decimal_parsing": "应为数字",
    "decimal_type": "应为数字",
    "float_parsing": "应为数字",
    "int_parsing": "应为整数",
    "dict_type": "应为对象（{…}）",
    "model_type": "应为对象（{…}）",
    "list_type": "应为列表（[…]）",
    "tuple_type": "应为列表（[…]）",
    "string_type": "应为文字",
    "enum": "不是可用的取值",
    "too_short": "不能为空",
    "finite_number": "应为有限的数字",
}


def _problem(error: Any) -> str:
    where = ".".join(str(p) for p in error["loc"]) or "（整体）"
    kind = error["type"]
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        text = f"应为以下之一：{expected.replace(' or ', '、')}"
    elif kind == "value_error":
        text = str(error.get("ctx", {}).get("error", error["msg"]))
    else:
        text = _ERROR_TEXT.get(kind, f"取值不正确（{kind}）")
    return f"{where}：{text}"


def parse_overrides(text: str) -> ParsedOverrides:
    """Validate an administrator's JSON against ``RuleSettings``; :class:`PolicyError` if wrong."""
    try:
        data = json.loads(text or "{}", parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise PolicyError(
            f"设置不是有效的 JSON：第 {exc.lineno} 行第 {exc.colno} 列附近有误"
            "（键名和文字须用英文双引号，项与项之间用英文逗号）。"
        ) from None
    if not isinstance(data, dict):
        raise PolicyError('设置须是一个 JSON 对象，例如 {"deviation_threshold_points": 15}。')
    try:
        settings = RuleSettings.model_validate(data)
    except ValidationError as exc:
        problems = "；".join(_problem(e) for e in exc.errors())
        raise PolicyError(f"设置无效：{problems}。") from None
    return ParsedOverrides(dumps(data, indent=2) if data else "{}", settings)


@lru_cache(maxsize=256)
def _settings(row_id: int, text: str) -> RuleSettings:
    return parse_overrides(text).settings


def _lineage(region: Region) -> list[int]:
    """The region's id and its ancestors' ids, nearest first (from the materialised path)."""
    return [int(part) for part in reversed(region.path.strip("/").split("/")) if part]


@dataclass(frozen=True)
class _Row:
    pk: int
    region_id: int
    year: int | None
    overrides: str
    region_name: str


class _PolicyRows:
    """Every policy row, read once and kept for ``ttl`` seconds per process (policies are few
    and seldom change; records are checked on every page). Saving or deleting a policy clears
    the copy of the process that did it at once, the other processes' copies within ``ttl``."""

    ttl = 5.0

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.rows: dict[int, list[_Row]] | None = None
        self.loaded_at = 0.0

    def by_region(self) -> dict[int, list[_Row]]:
        with self.lock:
            if self.rows is not None and time.monotonic() - self.loaded_at < self.ttl:
                return self.rows
        rows: dict[int, list[_Row]] = {}
        for values in RegionPolicy.objects.values_list(
            "pk", "region_id", "year", "overrides", "region__name"
        ):
            row = _Row(*values)
            rows.setdefault(row.region_id, []).append(row)
        with self.lock:
            self.rows, self.loaded_at = rows, time.monotonic()
        return rows

    def forget(self, **_: Any) -> None:
        with self.lock:
            self.rows = None

    def forget_now_and_on_commit(self, **_: Any) -> None:
        self.forget()
        transaction.on_commit(self.forget)  # a reader meanwhile saw the rows before the change


_rows = _PolicyRows()
post_save.connect(
    _rows.forget_now_and_on_commit, sender=RegionPolicy, dispatch_uid="jixiao_policy_rows_save"
)
post_delete.connect(
    _rows.forget_now_and_on_commit, sender=RegionPolicy, dispatch_uid="jixiao_policy_rows_delete"
)


def forget_policies() -> None:
    """Read the policies again on next use (tests that roll the database back)."""
    _rows.forget()


def effective_policy(region: Region | None, year: int | None) -> Policy:
    """The policy for a record of ``region`` and ``year``: the nearest region's (own, parent,
    …) policy for that year, else its general one; the national defaults when none has one."""
    if region is None or not region.path:
        return NATIONAL
    by_region = _rows.by_region()
    if not by_region:
        return NATIONAL
    for region_id in _lineage(region):
        rows = by_region.get(region_id, ())
        candidates = [r for r in rows if year is not None and r.year == year]
        candidates += [r for r in rows if r.year is None]
        for row in candidates:
            try:
                settings = _settings(row.pk, row.overrides)
            except PolicyError as exc:  # saved before a change of RuleSettings: skip, loudly
                logger.warning("地区政策设置 #%s 已不可用，跳过：%s", row.pk, exc.message)
                continue
            label = f"{row.region_name}（{f'{row.year}年' if row.year else '各年通用'}）"
            return Policy(settings, label, ("policy", row.overrides), row.pk)
    return NATIONAL
