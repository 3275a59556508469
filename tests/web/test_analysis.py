"""Findings of stored versions are reused (per process) but never stale: a save of the record,
of a record it is checked beside, or a policy change gives fresh findings."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from jixiao.records import dumps, loads, parse_record
from jixiao.web.organisations.models import RegionPolicy
from jixiao.web.records import checks, store
from jixiao.web.records.models import StoredRecord


def _target(planned: str) -> Any:
    """The 绩效目标表 of the county's 城乡居民基本养老保险 project for 2020."""
    return parse_record(
        {
            "kind": "target",
            "region": "岳普湖县",
            "year": 2020,
            "fund": "resident_pension",
            "money_unit": "万元",
            "project": "城乡居民基本养老保险",
            "unit": "岳普湖县社会保险中心",
            "budget": {"planned": {"total": Decimal(planned), "fiscal": Decimal(planned)}},
            "indicators": [
                {
                    "level1": "产出指标",
                    "level2": "质量指标",
                    "name": "养老金首次转移成功率",
                    "target": "≥95%",
                }
            ],
        }
    )


def _codes(record_id: int) -> set[str]:
    return {f["code"] for f in checks.findings_for(StoredRecord.objects.get(pk=record_id))}


def test_a_save_beside_the_record_refreshes_its_findings(
    world: Any, make_record: Any, monitoring_record: Any
) -> None:
    target = make_record(world.yph_si, _target("3000.00"))
    monitoring = make_record(world.yph_si, monitoring_record())
    # the monitoring 预算数 2889.39 differs from the target table's 3000.00 (JX401)
    assert "JX401" in _codes(monitoring.pk)
    assert "JX401" in _codes(monitoring.pk)  # asked again: the same answer
    store.update(world.yph_editor, target, _target("2889.39"), base_version=1)
    assert "JX401" not in _codes(monitoring.pk)


def test_a_new_version_has_its_own_findings(
    world: Any, make_record: Any, monitoring_record: Any
) -> None:
    stored = make_record(world.yph_si, monitoring_record())
    assert "JX101" not in _codes(stored.pk)  # 1445.00 / 2889.39 = 50.01% as printed
    data = loads(dumps(stored.record))
    data["budget"]["executed"]["total"] = Decimal("1500.00")  # 51.91%, printed 50.01%
    store.update(world.yph_editor, stored, parse_record(data), base_version=1)
    assert "JX101" in _codes(stored.pk)


def test_a_policy_change_refreshes_the_findings(
    world: Any, make_record: Any, monitoring_record: Any
) -> None:
    stored = make_record(world.yph_si, monitoring_record())
    assert "JX101" not in _codes(stored.pk)
    RegionPolicy.objects.create(region=world.yph, overrides='{"ignore": ["JX101"]}')
    data = loads(dumps(stored.record))
    data["budget"]["execution_rate_pct"] = Decimal("60.00")  # wrong, but JX101 is switched off
    store.update(world.yph_editor, stored, parse_record(data), base_version=1)
    assert "JX101" not in _codes(stored.pk)
    RegionPolicy.objects.filter(region=world.yph).delete()
    assert "JX101" in _codes(stored.pk)


def test_records_of_another_fund_are_not_checked_beside(
    world: Any, make_record: Any, monitoring_record: Any
) -> None:
    pension = make_record(world.yph_si, monitoring_record())
    medical = make_record(
        world.yph_med,
        monitoring_record(
            fund="employee_medical", project="职工基本医疗保险", unit=world.yph_med.name
        ),
    )
    accounts = make_record(
        world.yph_si,
        parse_record(
            {
                "kind": "final_accounts",
                "region": "岳普湖县",
                "year": 2020,
                "funds": {"resident_pension": {"expenditure": Decimal("1445.00")}},
            }
        ),
    )
    beside = {r.pk for r in checks.related_records(pension, pension.record, None)}
    assert beside == {accounts.pk}  # the 决算 covers every fund; the medical table does not link
    everything = {r.pk for r in checks.related_records(accounts, accounts.record, None)}
    assert everything == {pension.pk, medical.pk}


def test_the_record_page_is_rendered_once_per_version(
    world: Any, make_record: Any, monitoring_record: Any, client: Any
) -> None:
    stored = make_record(world.yph_si, monitoring_record())
    client.force_login(world.yph_editor)

    def body() -> str:
        page = client.get(f"/records/{stored.pk}/").content.decode()
        return page[page.index('<div class="split">') :]  # the part below the actions

    first = body()
    analysis = checks.analyse_stored(StoredRecord.objects.get(pk=stored.pk))
    assert analysis.memo["detail_body"].strip() in first
    assert body() == first
    data = loads(dumps(stored.record))
    data["progress"] = "已按期足额发放（第二版）。"
    store.update(world.yph_editor, stored, parse_record(data), base_version=1)
    assert "已按期足额发放（第二版）。" in client.get(f"/records/{stored.pk}/").content.decode()
