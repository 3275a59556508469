"""The JSON API: tokens, list filters, read/write with versions (409 when stale), findings,
workflow, history, import, OpenAPI."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from jixiao.records import loads
from jixiao.web.accounts.models import ApiToken


@pytest.fixture
def api(client: Any) -> Any:
    """``api(user)`` → a caller with a bearer token: ``call(method, url, body=None)``."""

    def for_user(user: Any) -> Any:
        _, token = ApiToken.issue(user)

        def call(method: str, url: str, body: Any = None) -> Any:
            kwargs: dict[str, Any] = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
            if body is not None:
                from jixiao.records import dumps

                kwargs.update(data=dumps(body), content_type="application/json")
            return getattr(client, method)(url, **kwargs)

        return call

    return for_user


def test_token_login_and_revoke(world: Any, client: Any, password: str) -> None:
    response = client.post(
        "/api/token",
        {"username": "yph-editor", "password": password},
        content_type="application/json",
    )
    assert response.status_code == 201
    token = response.json()["token"]
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    assert client.get("/api/records", **auth).status_code == 200
    assert client.delete("/api/token", **auth).status_code == 204
    assert client.get("/api/records", **auth).status_code == 401
    bad = client.post(
        "/api/token",
        {"username": "yph-editor", "password": "wrong"},
        content_type="application/json",
    )
    assert bad.status_code == 401


def test_list_filters(world: Any, make_record: Any, monitoring_record: Any, api: Any) -> None:
    a = make_record(world.yph_si)
    b = make_record(
        world.sl_med, monitoring_record(fund="employee_medical", year=2021, region="疏勒县")
    )
    c = make_record(world.urumqi_si, monitoring_record(kind="target", region="乌鲁木齐市"))
    call = api(world.admin)

    def ids(query: str) -> set[int]:
        response = call("get", f"/api/records?{query}")
        assert response.status_code == 200, response.content
        return {item["id"] for item in response.json()["items"]}

    assert ids("kind=monitoring") >= {a.pk, b.pk} and c.pk not in ids("kind=monitoring")
    assert ids("kind=target") == {c.pk}
    assert ids("fund=employee_medical") == {b.pk}
    assert ids("year=2021") == {b.pk}
    assert ids(f"region={world.kashi.pk}") == {a.pk, b.pk}
    assert ids("region=疏勒县") == {b.pk}
    assert ids("status=draft") == {a.pk, b.pk, c.pk}
    assert ids("status=approved") == set()
    assert call("get", "/api/records?year=abc").status_code == 422


def test_item_shape_and_printed_precision(world: Any, make_record: Any, api: Any) -> None:
    stored = make_record(world.yph_si)
    response = api(world.yph_editor)("get", f"/api/records/{stored.pk}")
    assert response.status_code == 200
    body = response.content.decode()
    assert '"execution_rate_pct":50.01' in body and '"total":1445.00' in body
    item = loads(body)
    assert {"id", "version", "status", "unit", "record"} <= set(item)
    assert item["unit"] == {
        "id": world.yph_si.pk,
        "name": "岳普湖县社会保险中心",
        "region": "岳普湖县",
    }
    assert (
        item["record"]["kind"] == "monitoring"
        and item["version"] == 1
        and item["status"] == "draft"
    )


def test_put_with_version_and_409_when_stale(world: Any, make_record: Any, api: Any) -> None:
    stored = make_record(world.yph_si)
    call = api(world.yph_editor)
    record = loads(call("get", f"/api/records/{stored.pk}").content.decode())["record"]
    record["budget"]["executed"]["total"] = Decimal("1500.10")
    first = call("put", f"/api/records/{stored.pk}", {"version": 1, "record": record})
    assert first.status_code == 200
    assert '"total":1500.10' in first.content.decode()
    assert first.json()["version"] == 2
    record["budget"]["executed"]["total"] = Decimal("1600.00")
    stale = call("put", f"/api/records/{stored.pk}", {"version": 1, "record": record})
    assert stale.status_code == 409
    assert stale.json()["current_version"] == 2
    current = loads(call("get", f"/api/records/{stored.pk}").content.decode())
    assert current["record"]["budget"]["executed"]["total"] == Decimal("1500.10")
    versions = call("get", f"/api/records/{stored.pk}/versions").json()
    assert [v["number"] for v in versions] == [2, 1]
    assert versions[0]["changes"] == [
        {"field": "budget.executed.total", "old": "1445.00", "new": "1500.10"}
    ]


def test_bad_record_is_refused_with_a_message(world: Any, make_record: Any, api: Any) -> None:
    stored = make_record(world.yph_si)
    call = api(world.yph_editor)
    response = call(
        "put",
        f"/api/records/{stored.pk}",
        {"version": 1, "record": {"kind": "monitoring", "period": "2020年6月"}},
    )
    assert response.status_code == 422
    assert "period" in response.json()["detail"]
    response = call(
        "put", f"/api/records/{stored.pk}", {"version": 1, "record": {"kind": "target"}}
    )
    assert response.status_code == 422


def test_findings_and_workflow(
    world: Any, make_record: Any, monitoring_record: Any, api: Any
) -> None:
    record = monitoring_record()
    record = record.model_copy(
        update={"budget": record.budget.model_copy(update={"execution_rate_pct": Decimal("60.00")})}
    )
    stored = make_record(world.yph_si, record)
    editor, reviewer = api(world.yph_editor), api(world.kashi_reviewer)
    findings = editor("get", f"/api/records/{stored.pk}/findings").json()
    assert findings["summary"]["errors"] == 1
    finding = findings["findings"][0]
    assert set(finding) >= {
        "code",
        "severity",
        "source",
        "record",
        "project",
        "field",
        "indicator",
        "message",
        "reported",
        "expected",
        "related",
    }
    assert (finding["code"], finding["field"], finding["reported"]) == (
        "JX101",
        "budget.execution_rate_pct",
        60.00,
    )
    blocked = editor("post", f"/api/records/{stored.pk}/submit", {"explanations": {}})
    assert blocked.status_code == 409
    key = blocked.json()["findings"][0]["key"]
    submitted = editor(
        "post", f"/api/records/{stored.pk}/submit", {"explanations": {key: "口径说明"}}
    )
    assert submitted.status_code == 200 and submitted.json()["status"] == "submitted"
    assert reviewer("post", f"/api/records/{stored.pk}/return", {"comment": ""}).status_code == 422
    returned = reviewer("post", f"/api/records/{stored.pk}/return", {"comment": "请更正执行率"})
    assert returned.json()["status"] == "returned"
    editor("post", f"/api/records/{stored.pk}/submit", {"explanations": {key: "口径说明"}})
    approved = reviewer("post", f"/api/records/{stored.pk}/approve", {"comment": "同意"})
    assert approved.json()["status"] == "approved"
    assert (
        editor(
            "put", f"/api/records/{stored.pk}", {"version": 1, "record": loads(stored.data)}
        ).status_code
        == 409
    )
    history = [e["kind"] for e in editor("get", f"/api/records/{stored.pk}/history").json()]
    assert history == ["created", "submitted", "returned", "submitted", "approved"]


def test_import_endpoint(world: Any, api: Any, client: Any, monitoring_text: str) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    _, token = ApiToken.issue(world.yph_editor)
    upload = SimpleUploadedFile(
        "yph.txt", monitoring_text.encode("utf-8"), content_type="text/plain"
    )
    response = client.post(
        "/api/import?dry_run=true", {"files": [upload]}, HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    assert response.status_code == 200, response.content
    found = response.json()["files"][0]["records"]
    assert len(found) == 1
    assert found[0]["record"]["project"] == "城乡居民基本养老保险"
    assert found[0]["unit"] == "岳普湖县社会保险中心"
    assert response.json()["saved"] == []
    upload = SimpleUploadedFile(
        "yph.txt", monitoring_text.encode("gb18030"), content_type="text/plain"
    )
    saved = client.post("/api/import", {"files": [upload]}, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert saved.status_code == 201, saved.content
    item = saved.json()["saved"][0]
    assert item["status"] == "draft" and item["unit"]["name"] == "岳普湖县社会保险中心"
    assert item["record"]["budget"]["executed"]["total"] == 1445.0


def test_import_into_a_foreign_unit_is_refused(
    world: Any, client: Any, monitoring_text: str
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    _, token = ApiToken.issue(world.sl_editor)
    upload = SimpleUploadedFile("yph.txt", monitoring_text.encode("utf-8"))
    response = client.post("/api/import", {"files": [upload]}, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 422
    assert response.json()["saved"] == [] and response.json()["problems"]
    _, viewer = ApiToken.issue(world.kashi_viewer)
    upload = SimpleUploadedFile("yph.txt", monitoring_text.encode("utf-8"))
    assert (
        client.post(
            "/api/import", {"files": [upload]}, HTTP_AUTHORIZATION=f"Bearer {viewer}"
        ).status_code
        == 403
    )


def test_import_reports_unreadable_files(world: Any, client: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    _, token = ApiToken.issue(world.yph_editor)
    upload = SimpleUploadedFile("scan.pdf", b"%PDF-1.7 binary")
    response = client.post(
        "/api/import?dry_run=true", {"files": [upload]}, HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    assert response.status_code == 200
    error = response.json()["files"][0]["error"]
    assert error.startswith("scan.pdf") and "PDF" in error


def test_openapi(client: Any) -> None:
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in (
        "/api/token",
        "/api/records",
        "/api/records/{record_id}",
        "/api/records/{record_id}/findings",
        "/api/records/{record_id}/submit",
        "/api/records/{record_id}/approve",
        "/api/records/{record_id}/return",
        "/api/import",
    ):
        assert path in paths, path
    assert set(paths["/api/records/{record_id}"]) >= {"get", "put"}
