"""Which unit an imported record belongs to: by the unit names it prints, else by its region
and fund (medical funds → 医保局, other funds → 社保局, 决算/报告 → 财政局)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from jixiao.records import Record
from jixiao.web.organisations.models import Unit

_SPACE = re.compile(r"\s+")


def _norm(name: str | None) -> str:
    return _SPACE.sub("", name or "").replace("（", "(").replace("）", ")")


def _printed_units(record: Record) -> list[str]:
    names = [getattr(record, "unit", None), getattr(record, "reporting_unit", None)]
    return [_norm(n) for n in names if n and _norm(n)]


def _preferred_kind(record: Record) -> str:
    if record.kind in ("final_accounts", "report"):
        return Unit.Kind.FINANCE
    if record.fund is not None and record.fund.is_medical:
        return Unit.Kind.MEDICAL_SECURITY
    return Unit.Kind.SOCIAL_INSURANCE


def match_unit(record: Record, units: Sequence[Unit]) -> Unit | None:
    """The unit among ``units`` the record belongs to, or ``None`` when it cannot be told."""
    printed = _printed_units(record)
    by_name = {_norm(u.name): u for u in units}
    for name in printed:
        if name in by_name:
            return by_name[name]
    # A printed name that contains a unit's full name (``疏勒县疏勒县医疗保障局``) or the reverse.
    for name in printed:
        found = [u for key, u in by_name.items() if key and (key in name or name in key)]
        if len(found) == 1:
            return found[0]
    region = _norm(record.region)
    in_region = [u for u in units if region and _norm(u.region.name) == region]
    if not in_region and printed:
        in_region = [u for u in units if any(n.startswith(_norm(u.region.name)) for n in printed)]
    if len(in_region) == 1:
        return in_region[0]
    preferred = [u for u in in_region if u.kind == _preferred_kind(record)]
    if len(preferred) == 1:
        return preferred[0]
    if not region and not printed and len(units) == 1:
        return units[0]
    return None
