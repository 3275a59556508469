"""Demo data: a small region tree, the units the seed documents name, the seed documents
imported as drafts, and four accounts (``jixiao demo``)."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction

from jixiao.ingest import parse_text
from jixiao.ingest.errors import IngestError
from jixiao.ingest.files import decode_document
from jixiao.records import Record
from jixiao.web.core.changelog import change_context
from jixiao.web.imports.matching import match_unit
from jixiao.web.organisations.models import Region, RoleAssignment, Unit, unit_kind_from_name
from jixiao.web.records import store

DEFAULT_PASSWORD = "jixiao-demo"

Level = Region.Level
# (name, level, parent name), parents first.
DEMO_TREE: list[tuple[str, str, str | None]] = [
    ("新疆维吾尔自治区", Level.PROVINCE, None),
    ("喀什地区", Level.PREFECTURE, "新疆维吾尔自治区"),
    ("岳普湖县", Level.COUNTY, "喀什地区"),
    ("疏勒县", Level.COUNTY, "喀什地区"),
    ("乌鲁木齐市", Level.PREFECTURE, "新疆维吾尔自治区"),
]
# Every region gets the usual bureaus, so each has units even without seed documents.
STANDARD_UNITS: list[str] = ["社会保险中心", "医疗保障局", "财政局", "人力资源和社会保障局"]
ACCOUNTS: list[tuple[str, str, str, str]] = [
    # username, role, region name, description
    ("yph-editor", RoleAssignment.Role.EDITOR, "岳普湖县", "填报人：岳普湖县各单位"),
    ("sl-editor", RoleAssignment.Role.EDITOR, "疏勒县", "填报人：疏勒县各单位"),
    ("kashi-reviewer", RoleAssignment.Role.REVIEWER, "喀什地区", "审核人：喀什地区及下级"),
]
_SPACE = re.compile(r"\s+")


@dataclass
class DemoSummary:
    created: bool
    regions: int = 0
    units: int = 0
    records: int = 0
    skipped: list[str] = field(default_factory=list)
    accounts: list[tuple[str, str]] = field(default_factory=list)


def seeds_directory() -> Path | None:
    """``$JIXIAO_SEEDS``, else ``../shared/seeds`` beside the working directory or the repository."""
    candidates = []
    if os.environ.get("JIXIAO_SEEDS"):
        candidates.append(Path(os.environ["JIXIAO_SEEDS"]))
    candidates.append(Path.cwd().parent / "shared" / "seeds")
    candidates.append(Path(__file__).resolve().parents[3].parent / "shared" / "seeds")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return None


def _tree() -> list[Region]:
    made: dict[str, Region] = {}
    for name, level, parent in DEMO_TREE:
        made[name], _ = Region.objects.get_or_create(
            name=name,
            parent=made[parent] if parent else None,
            defaults={"level": level},
        )
    return list(made.values())


def _region_of_name(name: str, regions: list[Region]) -> Region | None:
    """The deepest region whose name starts the unit's name (岳普湖县医疗保障局 → 岳普湖县)."""
    found = [r for r in regions if name.startswith(r.name)]
    return max(found, key=lambda r: r.depth) if found else None


def _clean_unit_name(name: str, region: Region) -> str:
    """Drops a doubled region prefix (``疏勒县疏勒县医疗保障局``), a typing or extraction slip."""
    doubled = region.name * 2
    return name[len(region.name) :] if name.startswith(doubled) else name


def _read_seeds(directory: Path | None, summary: DemoSummary) -> list[tuple[str, list[Record]]]:
    if directory is None or not directory.is_dir():
        where = directory or "../shared/seeds"
        summary.skipped.append(f"未找到种子文档目录（{where}），只创建地区、单位和账户。")
        return []
    documents = []
    for path in sorted(directory.glob("*.txt")):
        try:
            documents.append(
                (path.name, parse_text(decode_document(path.read_bytes(), path.name), path.name))
            )
        except IngestError as exc:
            summary.skipped.append(exc.located())
    return documents


def _units(documents: list[tuple[str, list[Record]]], regions: list[Region]) -> None:
    for region in regions:
        for suffix in STANDARD_UNITS:
            name = f"{region.name}{suffix}"
            Unit.objects.get_or_create(
                name=name, defaults={"region": region, "kind": unit_kind_from_name(name)}
            )
    by_name = {r.name: r for r in regions}
    for _, records in documents:
        for record in records:
            for raw in (getattr(record, "unit", None), getattr(record, "reporting_unit", None)):
                name = _SPACE.sub("", raw or "")
                if not name:
                    continue
                region = _region_of_name(name, regions) or by_name.get(record.region or "")
                if region is None:
                    continue
                name = _clean_unit_name(name, region)
                Unit.objects.get_or_create(
                    name=name, defaults={"region": region, "kind": unit_kind_from_name(name)}
                )


def _accounts(password: str, summary: DemoSummary) -> object:
    users = get_user_model()
    admin, created = users.objects.get_or_create(
        username="admin", defaults={"is_staff": True, "is_superuser": True}
    )
    if created:
        admin.set_password(password)
        admin.save()
    summary.accounts.append(("admin", "管理员"))
    for username, role, region_name, description in ACCOUNTS:
        user, created = users.objects.get_or_create(username=username)
        if created:
            user.set_password(password)
            user.save()
        region = Region.objects.get(name=region_name)
        if role == RoleAssignment.Role.EDITOR:
            for unit in Unit.objects.filter(region__path__startswith=region.path):
                RoleAssignment.objects.get_or_create(user=user, role=role, unit=unit)
        else:
            RoleAssignment.objects.get_or_create(user=user, role=role, region=region)
        summary.accounts.append((username, description))
    return admin


def load_demo(
    seeds: Path | None = None,
    password: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> DemoSummary:
    """Create the demo data once; a second call changes nothing (``created`` is then false)."""
    password = password or os.environ.get("JIXIAO_DEMO_PASSWORD") or DEFAULT_PASSWORD
    say = progress or (lambda _: None)
    if Region.objects.filter(name=DEMO_TREE[0][0], parent=None).exists():
        summary = DemoSummary(
            created=False, regions=Region.objects.count(), units=Unit.objects.count()
        )
        summary.accounts = [("admin", "管理员")] + [(a[0], a[3]) for a in ACCOUNTS]
        return summary
    summary = DemoSummary(created=True)
    documents = _read_seeds(seeds if seeds is not None else seeds_directory(), summary)
    with transaction.atomic():
        regions = _tree()
        _units(documents, regions)
        admin = _accounts(password, summary)
        with change_context(admin):
            units = list(Unit.objects.select_related("region"))
            for name, records in documents:
                for index, record in enumerate(records):
                    unit = match_unit(record, units)
                    if unit is None:
                        summary.skipped.append(
                            f"{name} 第{index + 1}条记录：无法确定所属单位，未导入。"
                        )
                        continue
                    store.create(admin, unit, record, note=f"演示数据：导入自 {name}")
                    summary.records += 1
                say(f"已导入 {name}（{len(records)} 条记录）")
    summary.regions = Region.objects.count()
    summary.units = Unit.objects.count()
    return summary
