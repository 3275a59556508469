"""The demo data: regions, units from the seed documents, the seeds imported, four accounts."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.web.demo import load_demo, seeds_directory
from jixiao.web.organisations.models import Region, RoleAssignment, Unit
from jixiao.web.records.models import StoredRecord

SEEDS = seeds_directory()


@pytest.fixture
def empty_db(db: None) -> None:
    """The demo builds its own tree: start from an empty one (rolled back after the test)."""
    RoleAssignment.objects.all().delete()
    StoredRecord.objects.all().delete()
    Unit.objects.all().delete()
    for region in Region.objects.order_by("-path"):  # children before parents
        region.delete()
    from django.contrib.auth import get_user_model

    get_user_model().objects.all().delete()


def test_demo_without_seeds(empty_db: None, tmp_path: Path) -> None:
    summary = load_demo(seeds=tmp_path / "absent", password="demo-pass-123")
    assert summary.created and summary.records == 0
    assert any("未找到种子文档目录" in s for s in summary.skipped)
    names = {r.name: r for r in Region.objects.all()}
    assert set(names) == {"新疆维吾尔自治区", "喀什地区", "岳普湖县", "疏勒县", "乌鲁木齐市"}
    assert (
        names["岳普湖县"].parent == names["喀什地区"]
        and names["喀什地区"].parent == names["新疆维吾尔自治区"]
    )
    assert names["乌鲁木齐市"].parent == names["新疆维吾尔自治区"]
    from django.contrib.auth import authenticate, get_user_model

    users = get_user_model()
    assert {u.username for u in users.objects.all()} == {
        "admin",
        "yph-editor",
        "sl-editor",
        "kashi-reviewer",
    }
    assert authenticate(username="kashi-reviewer", password="demo-pass-123") is not None
    editor_units = set(
        RoleAssignment.objects.filter(user__username="yph-editor").values_list(
            "unit__region__name", flat=True
        )
    )
    assert editor_units == {"岳普湖县"}
    reviewer = RoleAssignment.objects.get(user__username="kashi-reviewer")
    assert reviewer.role == "reviewer" and reviewer.region.name == "喀什地区"
    assert users.objects.get(username="admin").is_superuser
    again = load_demo(seeds=tmp_path / "absent")
    assert not again.created and Region.objects.count() == 5


@pytest.mark.skipif(SEEDS is None, reason="the shared seed documents are not beside the repository")
def test_demo_imports_the_seed_documents(empty_db: None) -> None:
    summary = load_demo(password="demo-pass-123")
    assert summary.skipped == []
    # units named in the seed documents, each in its region
    assert Unit.objects.get(name="岳普湖县医疗保障局").region.name == "岳普湖县"
    assert Unit.objects.get(name="疏勒县医疗保障局").region.name == "疏勒县"
    assert Unit.objects.get(name="乌鲁木齐市社会保险中心").region.name == "乌鲁木齐市"
    assert not Unit.objects.filter(name__startswith="疏勒县疏勒县").exists()
    counts = {
        k: StoredRecord.objects.filter(kind=k).count()
        for k in ("target", "monitoring", "self_evaluation")
    }
    assert counts == {"target": 4, "monitoring": 8, "self_evaluation": 6}
    assert StoredRecord.objects.filter(kind="final_accounts", region__name="岳普湖县").count() == 1
    pension = StoredRecord.objects.get(kind="monitoring", project="城乡居民基本养老保险")
    assert pension.unit.region.name == "岳普湖县" and pension.status == "draft"
