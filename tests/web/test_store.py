"""Nothing lost: every save is a new immutable version with a field-level diff; a stale save is
refused; any version can be restored; deleting is soft and an administrator can undo it."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from jixiao.records import dumps, loads, parse_record
from jixiao.web.core import access
from jixiao.web.core.models import ObjectChange
from jixiao.web.records import store
from jixiao.web.records.diff import record_changes
from jixiao.web.records.models import RecordEvent, RecordVersion, StoredRecord


def _with_executed(record: Any, total: str) -> Any:
    data = loads(dumps(record))
    data["budget"]["executed"]["total"] = Decimal(total)
    return parse_record(data)


def test_create_stores_version_one_with_indexed_columns(world: Any, make_record: Any) -> None:
    stored = make_record(world.yph_si)
    assert (stored.kind, stored.fund, stored.year, stored.status, stored.version) == (
        "monitoring",
        "resident_pension",
        2020,
        "draft",
        1,
    )
    assert stored.region == world.yph
    assert stored.project == "城乡居民基本养老保险"
    assert stored.versions.count() == 1
    # numbers keep their printed precision in the stored JSON
    assert '"total":1445.00' in stored.data and '"execution_rate_pct":50.01' in stored.data
    # indicator texts are read on save (target_expr beside the text)
    assert stored.record.indicators[0].target_expr is not None
    assert stored.record.indicators[0].target_expr.op == "≥"


def test_each_save_is_a_new_version_with_a_field_diff(world: Any, make_record: Any) -> None:
    stored = make_record(world.yph_si)
    updated = store.update(
        world.yph_editor, stored, _with_executed(stored.record, "1500.00"), base_version=1
    )
    assert updated.version == 2
    version = updated.versions.get(number=2)
    assert version.author == world.yph_editor
    assert version.changes == [
        {"field": "budget.executed.total", "old": "1445.00", "new": "1500.00"}
    ]
    assert loads(updated.versions.get(number=1).data)["budget"]["executed"]["total"] == Decimal(
        "1445.00"
    )
    assert list(updated.events.values_list("kind", flat=True).order_by("pk")) == [
        "created",
        "saved",
    ]


def test_versions_cannot_be_changed(world: Any, make_record: Any) -> None:
    version = make_record().versions.get()
    version.note = "改写历史"
    with pytest.raises(ValueError):
        version.save()


def test_stale_save_is_refused_not_overwritten(world: Any, make_record: Any) -> None:
    stored = make_record(world.yph_si)
    first = StoredRecord.objects.get(pk=stored.pk)
    second = StoredRecord.objects.get(pk=stored.pk)
    store.update(world.yph_editor, first, _with_executed(first.record, "1500.00"), base_version=1)
    with pytest.raises(store.VersionConflict) as caught:
        store.update(world.admin, second, _with_executed(second.record, "1600.00"), base_version=1)
    assert caught.value.stored.version == 2
    current = StoredRecord.objects.get(pk=stored.pk)
    assert current.version == 2
    assert current.record.budget.executed.total == Decimal("1500.00")
    assert RecordVersion.objects.filter(record=stored).count() == 2


def test_restore_makes_the_old_content_the_newest_version(world: Any, make_record: Any) -> None:
    stored = make_record(world.yph_si)
    stored = store.update(
        world.yph_editor, stored, _with_executed(stored.record, "1500.00"), base_version=1
    )
    stored = store.restore_version(world.yph_editor, stored, 1, base_version=2)
    assert stored.version == 3
    assert stored.record.budget.executed.total == Decimal("1445.00")
    assert stored.versions.get(number=3).note == "恢复第1版"
    assert stored.events.filter(kind=RecordEvent.Kind.RESTORED).count() == 1


def test_soft_delete_and_admin_undelete(world: Any, make_record: Any) -> None:
    stored = make_record(world.yph_si)
    store.soft_delete(world.yph_editor, stored)
    assert StoredRecord.objects.filter(pk=stored.pk).exists()
    assert (
        not access.restrict(StoredRecord.objects.all(), world.yph_editor)
        .filter(pk=stored.pk)
        .exists()
    )
    with pytest.raises(access.NotVisible):
        store.undelete(world.yph_editor, stored)
    store.undelete(world.admin, stored)
    assert (
        access.restrict(StoredRecord.objects.all(), world.yph_editor).filter(pk=stored.pk).exists()
    )
    kinds = list(stored.events.values_list("kind", flat=True).order_by("pk"))
    assert kinds == ["created", "deleted", "undeleted"]


def test_record_changes_by_path() -> None:
    old = parse_record(
        {
            "kind": "target",
            "project": "甲",
            "indicators": [{"name": "参保人数", "target": "≥100人"}],
        }
    )
    new = parse_record(
        {
            "kind": "target",
            "project": "甲",
            "indicators": [
                {"name": "参保人数", "target": "≥120人"},
                {"name": "满意度", "target": "≥95%"},
            ],
        }
    )
    changes = record_changes(old, new)
    assert {"field": "indicators[0].target", "old": "≥100人", "new": "≥120人"} in changes
    assert {"field": "indicators[1].name", "old": None, "new": "满意度"} in changes
    assert not any(c["field"].startswith("project") for c in changes)


def test_changes_to_organisations_are_logged(world: Any) -> None:
    from jixiao.web.core.changelog import change_context

    with change_context(world.admin):
        unit = world.yph_med
        unit.name = "岳普湖县医疗保障局（新）"
        unit.save()
    change = ObjectChange.objects.filter(object_id=str(unit.pk), content_type__model="unit").first()
    assert change is not None and change.action == "update" and change.user == world.admin
    assert change.prechange_data["name"] == "岳普湖县医疗保障局"
    assert change.postchange_data["name"] == "岳普湖县医疗保障局（新）"


def test_findings_follow_changes_on_both_sides(
    world: Any, make_record: Any, monitoring_record: Any
) -> None:
    """预算数 differs between the target table (3000.00) and the monitoring table (2889.39) of the
    same project: JX401. Once the target table is corrected, the monitoring record's findings
    (remembered per version) must no longer show it."""
    from jixiao.web.records import checks

    monitoring = make_record(world.yph_si)
    target_data = loads(
        dumps(
            monitoring_record(
                kind="target",
                period=None,
                progress=None,
                overall_completion_pct=None,
                indicators=[],
            )
        )
    )
    target_data["budget"] = {"planned": {"total": Decimal("3000.00"), "fiscal": Decimal("3000.00")}}
    target = make_record(world.yph_si, parse_record(target_data))

    def codes() -> set[str]:
        fresh = StoredRecord.objects.get(pk=monitoring.pk)
        return {f["code"] for f in checks.findings_for(fresh)}

    assert "JX401" in codes()
    assert "JX401" in codes()  # remembered
    target_data["budget"] = {"planned": {"total": Decimal("2889.39"), "fiscal": Decimal("2889.39")}}
    store.update(world.yph_editor, target, parse_record(target_data), base_version=1)
    assert "JX401" not in codes()
