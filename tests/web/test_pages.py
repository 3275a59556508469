"""Pages: home lists, region status, the four forms (save, live recompute, conflict),
submit with explanations, history, versions and restore, download, import preview."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

import pytest

from jixiao.records import loads
from jixiao.web.records import workflow
from jixiao.web.records.models import StoredRecord


def form_data(stored: StoredRecord, **changes: str) -> dict[str, Any]:
    """The edit form's fields for a stored monitoring record, as the browser would post them."""
    r = stored.record
    data: dict[str, Any] = {
        "_kind": r.kind,
        "_unit": str(stored.unit_id),
        "_record": str(stored.pk),
        "_version": str(stored.version),
        "title": r.title or "",
        "region": r.region or "",
        "year": str(r.year or ""),
        "fund": r.fund.value if r.fund else "",
        "money_unit": r.money_unit or "",
        "project": r.project or "",
        "unit": r.unit or "",
        "reporting_unit": r.reporting_unit or "",
        "period": r.period or "",
        "goal": r.goal or "",
        "progress": r.progress or "",
        "deviation": r.deviation or "",
        "overall_completion_pct": str(r.overall_completion_pct or ""),
        "budget.planned.total": "2889.39",
        "budget.planned.fiscal": "2889.39",
        "budget.executed.total": "1445.00",
        "budget.executed.fiscal": "1445.00",
        "budget.execution_rate_pct": "50.01",
        "ind.level1": [i.level1 or "" for i in r.indicators],
        "ind.level2": [i.level2 or "" for i in r.indicators],
        "ind.name": [i.name or "" for i in r.indicators],
        "ind.target": [i.target or "" for i in r.indicators],
        "ind.actual": [i.actual or "" for i in r.indicators],
        "ind.completion_pct": [
            str(i.completion_pct) if i.completion_pct is not None else "" for i in r.indicators
        ],
        "ind.note": ["" for _ in r.indicators],
    }
    data.update(changes)
    return data


def cells(html: str) -> dict[str, Any]:
    match = re.search(r'<script type="application/json" id="cells-data">(.*?)</script>', html, re.S)
    assert match, "the live panel carries the cells data"
    return json.loads(match.group(1))  # type: ignore[no-any-return]


def test_home_lists_work_with_counts(world: Any, make_record: Any, client: Any) -> None:
    draft = make_record(world.yph_si)
    returned = workflow.return_(
        world.kashi_reviewer,
        workflow.submit(world.yph_editor, make_record(world.yph_med)),
        "请补充",
    )
    submitted = workflow.submit(world.sl_editor, make_record(world.sl_med))
    client.force_login(world.yph_editor)
    page = client.get("/").content.decode()
    assert "待填报（草稿）" in page and "被退回" in page
    assert f'href="/records/{draft.pk}/"' in page and f'href="/records/{returned.pk}/"' in page
    assert f'href="/records/{submitted.pk}/"' not in page
    client.force_login(world.kashi_reviewer)
    page = client.get("/").content.decode()
    assert "待审核" in page and f'href="/records/{submitted.pk}/"' in page
    assert re.search(r'<span class="count">1</span><span class="label">待审核</span>', page)


def test_region_page_shows_every_unit_status(world: Any, make_record: Any, client: Any) -> None:
    make_record(world.yph_si)
    workflow.submit(world.sl_editor, make_record(world.sl_med))
    client.force_login(world.kashi_reviewer)
    page = client.get(f"/regions/{world.kashi.pk}/").content.decode()
    for unit in ("岳普湖县社会保险中心", "岳普湖县医疗保障局", "疏勒县医疗保障局"):
        assert unit in page
    assert "乌鲁木齐市社会保险中心" not in page
    assert "echarts.min.js" in page


@pytest.mark.parametrize("kind", ["target", "monitoring", "self_evaluation", "final_accounts"])
def test_new_form_for_each_kind_saves_a_draft(kind: str, world: Any, client: Any) -> None:
    client.force_login(world.yph_editor)
    page = client.get(f"/records/new/?kind={kind}&unit={world.yph_si.pk}")
    assert page.status_code == 200
    data: dict[str, Any] = {
        "_kind": kind,
        "_unit": str(world.yph_si.pk),
        "year": "2021",
        "region": "岳普湖县",
    }
    if kind == "final_accounts":
        data.update(
            {
                "funds.resident_pension.income": "4145.35",
                "funds.resident_pension.expenditure": "2684.22",
                "funds.resident_pension.balance": "1461.13",
            }
        )
    else:
        data.update(
            {
                "project": "城乡居民基本养老保险",
                "budget.planned.total": "2889.39",
                "ind.level1": ["产出指标", ""],
                "ind.level2": ["数量指标", ""],
                "ind.name": ["参保缴费人数", ""],
                "ind.target": ["≥74272人", ""],
            }
        )
    response = client.post("/records/new/", data)
    assert response.status_code == 302
    stored = StoredRecord.objects.get(pk=int(response["Location"].strip("/").split("/")[-1]))
    assert stored.kind == kind and stored.unit == world.yph_si and stored.year == 2021
    record = stored.record
    if kind == "final_accounts":
        assert record.funds["resident_pension"].balance == Decimal("1461.13")
    else:
        assert [i.name for i in record.indicators] == ["参保缴费人数"]
        assert record.budget.planned.total == Decimal("2889.39")


def test_edit_saves_a_new_version(world: Any, make_record: Any, client: Any) -> None:
    stored = make_record(world.yph_si)
    client.force_login(world.yph_editor)
    assert client.get(f"/records/{stored.pk}/edit/").status_code == 200
    response = client.post(
        f"/records/{stored.pk}/edit/", form_data(stored, **{"budget.executed.total": "1500.00"})
    )
    assert response.status_code == 302
    stored.refresh_from_db()
    assert stored.version == 2
    assert loads(stored.data)["budget"]["executed"]["total"] == Decimal("1500.00")


def test_bad_number_is_reported_not_saved(world: Any, make_record: Any, client: Any) -> None:
    stored = make_record(world.yph_si)
    client.force_login(world.yph_editor)
    response = client.post(
        f"/records/{stored.pk}/edit/", form_data(stored, **{"budget.executed.total": "一千"})
    )
    assert response.status_code == 422
    assert "“一千”不是数字" in response.content.decode()
    stored.refresh_from_db()
    assert stored.version == 1


def test_live_recompute_updates_rate_and_findings(
    world: Any, make_record: Any, client: Any
) -> None:
    """执行数 1445.00 → 2000.00 over 预算数 2889.39: the rate becomes 69.22% and the printed 50.01%
    is reported as JX101 beside its cell."""
    stored = make_record(world.yph_si)
    client.force_login(world.yph_editor)
    response = client.post(
        "/records/compute/", form_data(stored, **{"budget.executed.total": "2000.00"})
    )
    assert response.status_code == 200
    payload = cells(response.content.decode())["cells"]
    assert payload["budget.execution_rate_pct"]["computed"] == "69.22"
    assert payload["budget.execution_rate_pct"]["severity"] == "error"
    assert any(
        m["short"].startswith("JX101") for m in payload["budget.execution_rate_pct"]["messages"]
    )
    unchanged = client.post("/records/compute/", form_data(stored))
    assert (
        cells(unchanged.content.decode())["cells"]["budget.execution_rate_pct"]["computed"]
        == "50.01"
    )
    assert cells(unchanged.content.decode())["cells"]["budget.execution_rate_pct"]["severity"] == ""


def test_form_shows_the_target_reading(world: Any, make_record: Any, client: Any) -> None:
    stored = make_record(world.yph_si)
    client.force_login(world.yph_editor)
    page = client.get(f"/records/{stored.pk}/edit/").content.decode()
    assert "读作 ≥95%" in page
    response = client.post(
        "/records/compute/", form_data(stored, **{"ind.target": ["105%≤≥95%", "≥95%"]})
    )
    readings = cells(response.content.decode())["readings"]
    assert readings[0]["kind"] == "malformed" and readings[1]["text"] == "读作 ≥95%"


def test_concurrent_edit_shows_both_versions(world: Any, make_record: Any, client: Any) -> None:
    stored = make_record(world.yph_si)
    client.force_login(world.yph_editor)
    first = client.post(
        f"/records/{stored.pk}/edit/", form_data(stored, **{"budget.executed.total": "1500.00"})
    )
    assert first.status_code == 302
    second = client.post(
        f"/records/{stored.pk}/edit/", form_data(stored, **{"budget.executed.total": "1600.00"})
    )
    assert second.status_code == 409
    page = second.content.decode()
    assert "保存冲突" in page and "1500.00" in page and "1600.00" in page
    stored.refresh_from_db()
    assert stored.version == 2 and loads(stored.data)["budget"]["executed"]["total"] == Decimal(
        "1500.00"
    )
    mine = re.search(r'name="record" value="([^"]*)"', page)
    assert mine
    import html

    overwrite = client.post(
        f"/records/{stored.pk}/overwrite/",
        {"record": html.unescape(mine.group(1)), "_version": "2"},
    )
    assert overwrite.status_code == 302
    stored.refresh_from_db()
    assert stored.version == 3 and loads(stored.data)["budget"]["executed"]["total"] == Decimal(
        "1600.00"
    )
    assert loads(stored.versions.get(number=2).data)["budget"]["executed"]["total"] == Decimal(
        "1500.00"
    )


def test_submit_page_requires_explanations(
    world: Any, make_record: Any, monitoring_record: Any, client: Any
) -> None:
    record = monitoring_record()
    record = record.model_copy(
        update={"budget": record.budget.model_copy(update={"execution_rate_pct": Decimal("60.00")})}
    )
    stored = make_record(world.yph_si, record)
    client.force_login(world.yph_editor)
    page = client.get(f"/records/{stored.pk}/submit/").content.decode()
    key = re.search(r'name="explain:([^"]+)"', page)
    assert key and "JX101" in page
    refused = client.post(f"/records/{stored.pk}/submit/", {})
    assert refused.status_code == 422 and "请说明此错误" in refused.content.decode()
    accepted = client.post(
        f"/records/{stored.pk}/submit/", {f"explain:{key.group(1)}": "按财政口径"}
    )
    assert accepted.status_code == 302
    stored.refresh_from_db()
    assert stored.status == "submitted"


def test_approved_detail_offers_no_edit(world: Any, make_record: Any, client: Any) -> None:
    stored = workflow.approve(
        world.kashi_reviewer, workflow.submit(world.yph_editor, make_record(world.yph_si))
    )
    client.force_login(world.yph_editor)
    page = client.get(f"/records/{stored.pk}/").content.decode()
    assert "已审核，只读" in page and f"/records/{stored.pk}/edit/" not in page
    assert client.get(f"/records/{stored.pk}/edit/").status_code == 409
    client.force_login(world.kashi_reviewer)
    assert f"/records/{stored.pk}/reopen/" in client.get(f"/records/{stored.pk}/").content.decode()


def test_history_version_restore_and_download(world: Any, make_record: Any, client: Any) -> None:
    stored = make_record(world.yph_si)
    client.force_login(world.yph_editor)
    client.post(
        f"/records/{stored.pk}/edit/", form_data(stored, **{"budget.executed.total": "1500.00"})
    )
    history = client.get(f"/records/{stored.pk}/history/").content.decode()
    assert "第 2 版" in history and "第 1 版" in history
    version = client.get(f"/records/{stored.pk}/versions/2/").content.decode()
    assert "budget" not in version or "执行数 合计" in version
    assert "1445.00" in version and "1500.00" in version
    restored = client.post(f"/records/{stored.pk}/versions/1/", {"_version": "2"})
    assert restored.status_code == 302
    stored.refresh_from_db()
    assert stored.version == 3 and loads(stored.data)["budget"]["executed"]["total"] == Decimal(
        "1445.00"
    )
    download = client.get(f"/records/{stored.pk}/download.json")
    assert download["Content-Disposition"].startswith("attachment")
    body = loads(download.content.decode())
    assert body["records"][0]["budget"]["executed"]["total"] == Decimal("1445.00")
    old = loads(client.get(f"/records/{stored.pk}/versions/2/download.json").content.decode())
    assert old["records"][0]["budget"]["executed"]["total"] == Decimal("1500.00")


def test_start_monitoring_from_the_target_table(
    world: Any, make_record: Any, monitoring_record: Any, client: Any
) -> None:
    target = make_record(
        world.yph_si,
        monitoring_record(
            kind="target",
            period=None,
            overall_completion_pct=None,
            progress=None,
            indicators=[
                {
                    "level1": "产出指标",
                    "level2": "数量指标",
                    "name": "参保缴费人数",
                    "target": "≥74272人",
                }
            ],
        ),
    )
    client.force_login(world.yph_editor)
    page = client.get(
        f"/records/new/?kind=monitoring&unit={world.yph_si.pk}&from={target.pk}"
    ).content.decode()
    # indicator texts are wrapping text areas, numbers and 一级/二级 names one-line inputs
    assert 'name="ind.name" rows="1" aria-label="三级指标">参保缴费人数</textarea>' in page
    assert 'aria-label="预期指标值">≥74272人</textarea>' in page
    assert 'name="ind.level2" value="数量指标"' in page
    assert 'value="城乡居民基本养老保险"' in page and 'value="2889.39"' in page


def test_import_preview_then_save(world: Any, client: Any, monitoring_text: str) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(world.yph_editor)
    upload = SimpleUploadedFile("yph.txt", monitoring_text.encode("utf-8"))
    response = client.post("/import/", {"files": [upload]})
    assert response.status_code == 302
    preview = client.get(response["Location"]).content.decode()
    assert "城乡居民基本养老保险" in preview and "检查结果" in preview
    assert f'<option value="{world.yph_si.pk}" selected>' in preview
    key = re.search(r'name="include" value="([^"]+)"', preview).group(1)  # type: ignore[union-attr]
    saved = client.post(
        response["Location"], {"include": [key], f"unit:{key}": str(world.yph_si.pk)}
    )
    assert saved.status_code == 302
    stored = StoredRecord.objects.filter(unit=world.yph_si, project="城乡居民基本养老保险").get()
    assert stored.status == "draft" and stored.versions.get().note == "导入自 yph.txt"
    client.force_login(world.sl_editor)
    assert client.get(response["Location"]).status_code == 404


def test_report_page_shows_a_table_printed_in_the_report_as_a_table(
    world: Any, make_record: Any, client: Any
) -> None:
    from jixiao.records import ReportRecord

    report = ReportRecord(
        title="关于2021年岳普湖县社会保险基金决算的说明",
        region="岳普湖县",
        year=2021,
        text=(
            "一、总体情况\n\n总收入1000万元。\n第二行<b>不是标记</b>\n\n"
            "险种\t收入\n失业保险基金\t600\n工伤保险基金\t<script>400</script>"
        ),
    )
    stored = make_record(world.yph_si, report)
    client.force_login(world.yph_editor)
    page = client.get(f"/records/{stored.pk}/").content.decode()
    body = page[page.index('<div class="report-text">') :]
    assert "<p>一、总体情况</p>" in body
    assert "<p>总收入1000万元。<br>第二行&lt;b&gt;不是标记&lt;/b&gt;</p>" in body
    assert (
        '<table class="list compact report-table"><tr><td>险种</td><td>收入</td></tr>'
        "<tr><td>失业保险基金</td><td>600</td></tr>"
        "<tr><td>工伤保险基金</td><td>&lt;script&gt;400&lt;/script&gt;</td></tr></table>"
    ) in body
    assert "<script>400" not in page
