"""Region policy: RuleSettings overrides per region and year, inherited down the region tree,
used by every check and computed figure of the web system, edited by administrators."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from jixiao.records import parse_record
from jixiao.web.core.models import ObjectChange
from jixiao.web.organisations.models import RegionPolicy
from jixiao.web.organisations.policy import NATIONAL, effective_policy
from jixiao.web.records import checks, store, workflow


def _policy(region: Any, overrides: dict[str, Any], year: int | None = None) -> RegionPolicy:
    return RegionPolicy.objects.create(region=region, year=year, overrides=json.dumps(overrides))


def _codes(stored: Any) -> set[str]:
    return {f["code"] for f in checks.findings_for(stored)}


def _lagging(monitoring_record: Any, county: str, unit: str) -> Any:
    """June monitoring, 预算数 2889.39, 执行数 1098.00 → 执行率 38.00%: 12 points behind the time
    progress of 50% (6/12), no corrective measure given."""
    return monitoring_record(
        region=county,
        unit=unit,
        budget={
            "planned": {"total": Decimal("2889.39"), "fiscal": Decimal("2889.39")},
            "executed": {"total": Decimal("1098.00"), "fiscal": Decimal("1098.00")},
            "execution_rate_pct": Decimal("38.00"),
        },
    )


def test_prefecture_threshold_applies_to_its_counties_only(
    world: Any, make_record: Any, monitoring_record: Any
) -> None:
    yph = make_record(world.yph_si, _lagging(monitoring_record, "岳普湖县", world.yph_si.name))
    urumqi = make_record(
        world.urumqi_si, _lagging(monitoring_record, "乌鲁木齐市", world.urumqi_si.name)
    )
    # 12 points off the time progress: beyond the national 10 points
    assert "JX302" in _codes(yph) and "JX302" in _codes(urumqi)
    _policy(world.kashi, {"deviation_threshold_points": 15})
    assert "JX302" not in _codes(yph)  # 岳普湖县 is in 喀什地区: 12 ≤ 15
    assert "JX302" in _codes(urumqi)  # 乌鲁木齐市 keeps the national 10


def _self_evaluation(county: str, unit: str) -> Any:
    """A self-evaluation scored on a 20/40/30/10 frame (预算执行率 20, 产出 40, 效益 30, 满意度 10)."""
    indicator = {"level1": "", "level2": "", "name": "", "target": "", "actual": ""}
    return parse_record(
        {
            "kind": "self_evaluation",
            "region": county,
            "year": 2020,
            "fund": "resident_pension",
            "money_unit": "万元",
            "project": "城乡居民基本养老保险",
            "unit": unit,
            "budget": {
                "planned": {"total": Decimal("1000.00")},
                "executed": {"total": Decimal("1000.00")},
                "execution_rate_pct": Decimal("100.00"),
                "weight": Decimal(20),
                "score": Decimal("20.00"),
            },
            "indicators": [
                dict(
                    indicator,
                    level1="产出指标",
                    level2="数量指标",
                    name="参保缴费人数",
                    target="≥1000人",
                    actual="1200人",
                    weight=Decimal(40),
                    score=Decimal(40),
                ),
                dict(
                    indicator,
                    level1="效益指标",
                    level2="社会效益指标",
                    name="待遇按时足额发放率",
                    target="=100%",
                    actual="100%",
                    weight=Decimal(30),
                    score=Decimal(30),
                ),
                dict(
                    indicator,
                    level1="满意度指标",
                    level2="服务对象满意度指标",
                    name="参保群众满意度",
                    target="≥90%",
                    actual="95%",
                    weight=Decimal(10),
                    score=Decimal(10),
                ),
            ],
            "total_weight": Decimal(100),
            "total_score": Decimal(100),
        }
    )


def test_prefecture_weights_apply_to_its_counties_only(world: Any, make_record: Any) -> None:
    yph = make_record(world.yph_si, _self_evaluation("岳普湖县", world.yph_si.name))
    urumqi = make_record(world.urumqi_si, _self_evaluation("乌鲁木齐市", world.urumqi_si.name))
    assert "JX106" in _codes(yph) and "JX106" in _codes(urumqi)  # 10/50/30/10 nationally
    _policy(
        world.kashi,
        {"first_level_weights": {"budget": 20, "output": 40, "benefit": 30, "satisfaction": 10}},
    )
    assert "JX106" not in _codes(yph)
    assert "JX106" in _codes(urumqi)


def test_nearest_region_wins_and_a_year_beats_the_general_policy(world: Any) -> None:
    assert effective_policy(world.yph, 2024) is NATIONAL
    _policy(world.xinjiang, {"deviation_threshold_points": 20})
    assert effective_policy(world.yph, 2024).settings.deviation_threshold_points == 20
    _policy(world.kashi, {"deviation_threshold_points": 15})
    assert effective_policy(world.yph, 2024).settings.deviation_threshold_points == 15
    assert effective_policy(world.urumqi, 2024).settings.deviation_threshold_points == 20
    _policy(world.kashi, {"deviation_threshold_points": 12}, year=2024)
    assert effective_policy(world.yph, 2024).settings.deviation_threshold_points == 12
    assert effective_policy(world.yph, 2023).settings.deviation_threshold_points == 15
    _policy(world.yph, {"reverse_formula": "linear"})
    own = effective_policy(world.yph, 2024)
    # the county's own policy is used whole: nothing is merged from the prefecture's
    assert own.settings.reverse_formula == "linear"
    assert own.settings.deviation_threshold_points == 10
    assert own.source == "岳普湖县（各年通用）"
    assert effective_policy(world.sl, 2024).source == "喀什地区（2024年）"


def _over_executed(monitoring_record: Any) -> Any:
    """预算数 2889.39, 执行数 3756.21 → 执行率 130.00%, no reason given: over the national 120%."""
    return monitoring_record(
        budget={
            "planned": {"total": Decimal("2889.39"), "fiscal": Decimal("2889.39")},
            "executed": {"total": Decimal("3756.21"), "fiscal": Decimal("3756.21")},
            "execution_rate_pct": Decimal("130.00"),
        }
    )


def test_submit_gate_follows_the_policy(world: Any, monitoring_record: Any) -> None:
    stored = store.create(world.yph_editor, world.yph_si, _over_executed(monitoring_record))
    with pytest.raises(workflow.SubmitBlocked) as blocked:
        workflow.submit(world.yph_editor, stored)
    assert "JX301" in {f["code"] for f in blocked.value.unexplained}
    _policy(world.kashi, {"over_execution_error_pct": 150})
    submitted = workflow.submit(world.yph_editor, stored)  # 130% is now only a warning
    assert submitted.status == "submitted"


def test_findings_api_and_page_use_the_policy(
    world: Any, make_record: Any, monitoring_record: Any, password: str
) -> None:
    stored = make_record(world.yph_si, _lagging(monitoring_record, "岳普湖县", world.yph_si.name))
    client = Client()
    client.login(username="kashi-reviewer", password=password)
    codes = {f["code"] for f in client.get(f"/api/records/{stored.pk}/findings").json()["findings"]}
    assert "JX302" in codes
    _policy(world.kashi, {"deviation_threshold_points": 15}, year=2020)
    codes = {f["code"] for f in client.get(f"/api/records/{stored.pk}/findings").json()["findings"]}
    assert "JX302" not in codes
    page = client.get(f"/records/{stored.pk}/").content.decode()
    assert "喀什地区（2020年）" in page and "JX302" not in page


def test_live_form_computes_with_the_policy(world: Any, password: str) -> None:
    """The form's live panel grades a self-evaluation with the region's grade bands."""
    client = Client()
    client.login(username="yph-editor", password=password)
    form = {
        "_kind": "self_evaluation",
        "_unit": str(world.yph_si.pk),
        "region": "岳普湖县",
        "year": "2020",
        "budget.weight": "15",
        "budget.score": "15",
        "ind.level1": "产出指标",
        "ind.level2": "数量指标",
        "ind.name": "参保缴费人数",
        "ind.target": "≥1000人",
        "ind.actual": "达成年度指标",
        "ind.weight": "85",
        "ind.score": "70",
    }
    grade = '<td>等级</td><td class="num computed-value">{}</td>'
    panel = client.post("/records/compute/", form).content.decode()
    assert grade.format("良") in panel  # 15 + 70 = 85: 良 (80 ≤ 85 < 90) nationally
    assert "检查依据：全国默认" in panel
    _policy(world.kashi, {"grade_bands": {"excellent": 85, "good": 75, "fair": 60}})
    panel = client.post("/records/compute/", form).content.decode()
    assert grade.format("优") in panel
    assert "检查依据：喀什地区（各年通用）的政策设置" in panel


def test_import_preview_uses_the_policy_of_the_matched_unit(
    world: Any, monitoring_text: str
) -> None:
    from jixiao.web.imports import service

    # 执行数 1098.00 of 2889.39 = 38.00% in June: 12 points behind, "无偏差。" is no measure
    lagging = monitoring_text.replace("1445.00", "1098.00").replace("50.01%", "38.00%")

    def preview_codes() -> set[str]:
        batch = service.read_files(world.yph_editor, [("monitoring.txt", lagging.encode())])
        [result] = service.preview(world.yph_editor, batch)
        [found] = result.records
        assert found.unit == world.yph_si
        return {f["code"] for f in found.findings}

    assert "JX302" in preview_codes()
    _policy(world.kashi, {"deviation_threshold_points": 15})
    assert "JX302" not in preview_codes()


def test_admin_page_saves_validates_and_logs(world: Any, password: str) -> None:
    client = Client()
    client.login(username="admin", password=password)
    url = f"/regions/{world.kashi.pk}/policy/"
    assert client.get(url).status_code == 200
    bad = client.post(url, {"year": "", "overrides": '{"deviation_threshold_points": 15,}'})
    assert bad.status_code == 422
    assert "设置不是有效的 JSON" in bad.content.decode()
    unknown = client.post(url, {"year": "", "overrides": '{"deviation_threshold": 15}'})
    assert unknown.status_code == 422
    assert "deviation_threshold：不是可用的设置项" in unknown.content.decode()
    wrong = client.post(url, {"year": "", "overrides": '{"reverse_formula": "square"}'})
    assert "reverse_formula：应为以下之一" in wrong.content.decode()
    assert not RegionPolicy.objects.exists()

    saved = client.post(url, {"year": "", "overrides": '{"deviation_threshold_points": 15}'})
    assert saved.status_code == 302
    policy = RegionPolicy.objects.get(region=world.kashi)
    assert effective_policy(world.sl, 2020).settings.deviation_threshold_points == 15
    again = client.post(url, {"year": "", "overrides": "{}"})
    assert "已有各年通用的政策设置" in again.content.decode()

    edit = f"/regions/{world.kashi.pk}/policy/{policy.pk}/"
    client.post(edit, {"year": "", "overrides": '{"deviation_threshold_points": 12}'})
    changes = ObjectChange.objects.filter(
        content_type__model="regionpolicy", object_id=str(policy.pk)
    ).order_by("pk")
    assert [c.action for c in changes] == ["create", "update"]
    assert changes[0].user == world.admin
    assert "15" in changes[1].prechange_data["overrides"]
    assert "12" in changes[1].postchange_data["overrides"]

    client.post(f"{edit}delete/")
    assert not RegionPolicy.objects.exists()
    assert ObjectChange.objects.filter(content_type__model="regionpolicy", action="delete").exists()


def test_django_admin_refuses_invalid_json_in_chinese(world: Any, password: str) -> None:
    client = Client()
    client.login(username="admin", password=password)
    response = client.post(
        "/admin/organisations/regionpolicy/add/",
        {"region": world.kashi.pk, "year": "2021", "overrides": "{weights: 1}", "note": ""},
    )
    assert response.status_code == 200  # the form again, with the error
    assert "设置不是有效的 JSON" in response.content.decode()
    assert not RegionPolicy.objects.exists()


def test_only_administrators_open_the_policy_page(world: Any, password: str) -> None:
    client = Client()
    client.login(username="kashi-reviewer", password=password)
    url = f"/regions/{world.kashi.pk}/policy/"
    assert client.get(url).status_code == 403
    assert client.post(url, {"overrides": "{}"}).status_code == 403
    assert not RegionPolicy.objects.exists()
