"""Every role × action × inside/outside its scope, through the permission layer, the pages and
the API. Outside the scope an object is *not found* (404) whatever the id; inside, an action
the role lacks is *forbidden* (403)."""

from __future__ import annotations

from typing import Any

import pytest

from jixiao.web.accounts.models import ApiToken
from jixiao.web.core import access
from jixiao.web.core.access import Action
from jixiao.web.records import store, workflow
from jixiao.web.records.models import StoredRecord

EDITOR = {Action.VIEW, Action.CHANGE, Action.DELETE, Action.SUBMIT}
REVIEWER = {Action.VIEW, Action.APPROVE, Action.RETURN, Action.REOPEN}
ALL = set(Action) - {Action.CREATE, Action.IMPORT}

# user: (a unit inside the user's scope, a unit outside it, the actions allowed inside)
ROLES: dict[str, tuple[str | None, str | None, set[Action]]] = {
    "yph_editor": ("yph_si", "sl_med", EDITOR),
    "sl_editor": ("sl_med", "yph_med", EDITOR),
    "kashi_reviewer": ("yph_med", "urumqi_si", REVIEWER),
    "kashi_viewer": ("sl_med", "urumqi_si", {Action.VIEW}),
    "urumqi_reviewer": ("urumqi_si", "sl_med", REVIEWER),
    "admin": ("urumqi_si", None, ALL),
    "nobody": (None, "yph_si", set()),
}
RECORD_ACTIONS = [
    Action.VIEW,
    Action.CHANGE,
    Action.DELETE,
    Action.SUBMIT,
    Action.APPROVE,
    Action.RETURN,
    Action.REOPEN,
    Action.UNDELETE,
]


def prepared(world: Any, unit: Any, action: Action, make_record: Any) -> StoredRecord:
    """A record in ``unit`` in the state the action applies to (moved there by the admin)."""
    stored = make_record(unit)
    if action in (Action.APPROVE, Action.RETURN, Action.REOPEN):
        stored = workflow.submit(world.admin, stored)
    if action == Action.REOPEN:
        stored = workflow.approve(world.admin, stored)
    if action == Action.UNDELETE:
        stored = store.soft_delete(world.admin, stored)
    return stored


def expected_status(role: str, inside: bool, action: Action) -> int:
    allowed = ROLES[role][2]
    if not inside:
        return 404
    if action == Action.UNDELETE and role != "admin":
        return 404  # deleted records are invisible to all but administrators
    return 200 if action in allowed else 403


CASES = [
    (role, inside, action)
    for role, (unit_in, unit_out, _) in ROLES.items()
    for inside, unit in ((True, unit_in), (False, unit_out))
    if unit is not None
    for action in RECORD_ACTIONS
]


def _case_id(case: tuple[str, bool, Action]) -> str:
    return f"{case[0]}-{'in' if case[1] else 'out'}-{case[2].value}"


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_layer(case: tuple[str, bool, Action], world: Any, make_record: Any) -> None:
    role, inside, action = case
    unit = getattr(world, ROLES[role][0 if inside else 1])
    stored = prepared(world, unit, action, make_record)
    user = getattr(world, role)
    status = expected_status(role, inside, action)
    if status == 200:
        assert access.get_object(user, action, StoredRecord.objects.all(), pk=stored.pk) == stored
        assert access.can(user, action, stored)
    else:
        error = access.NotVisible if status == 404 else access.Forbidden
        with pytest.raises(error):
            access.get_object(user, action, StoredRecord.objects.all(), pk=stored.pk)
        assert not access.can(user, action, stored)


PAGE_REQUESTS: dict[Action, tuple[str, str, dict[str, str]]] = {
    Action.VIEW: ("get", "/records/{pk}/", {}),
    Action.CHANGE: ("get", "/records/{pk}/edit/", {}),
    Action.DELETE: ("post", "/records/{pk}/delete/", {}),
    Action.SUBMIT: ("get", "/records/{pk}/submit/", {}),
    Action.APPROVE: ("post", "/records/{pk}/approve/", {}),
    Action.RETURN: ("post", "/records/{pk}/return/", {"comment": "请补充偏差原因"}),
    Action.REOPEN: ("post", "/records/{pk}/reopen/", {"comment": "数据需更正"}),
    Action.UNDELETE: ("post", "/records/{pk}/undelete/", {}),
}


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_pages(case: tuple[str, bool, Action], world: Any, make_record: Any, client: Any) -> None:
    role, inside, action = case
    unit = getattr(world, ROLES[role][0 if inside else 1])
    stored = prepared(world, unit, action, make_record)
    client.force_login(getattr(world, role))
    method, url, data = PAGE_REQUESTS[action]
    response = getattr(client, method)(url.format(pk=stored.pk), data)
    status = expected_status(role, inside, action)
    if status == 200:
        assert response.status_code in (200, 302)
    else:
        assert response.status_code == status


API_REQUESTS: dict[Action, tuple[str, str, dict[str, Any] | None]] = {
    Action.VIEW: ("get", "/api/records/{pk}", None),
    Action.CHANGE: ("put", "/api/records/{pk}", {"version": 1}),
    Action.DELETE: ("delete", "/api/records/{pk}", None),
    Action.SUBMIT: ("post", "/api/records/{pk}/submit", {"explanations": {}}),
    Action.APPROVE: ("post", "/api/records/{pk}/approve", {"comment": ""}),
    Action.RETURN: ("post", "/api/records/{pk}/return", {"comment": "请补充偏差原因"}),
    Action.REOPEN: ("post", "/api/records/{pk}/reopen", {"comment": "数据需更正"}),
}


@pytest.mark.parametrize("case", [c for c in CASES if c[2] in API_REQUESTS], ids=_case_id)
def test_api(case: tuple[str, bool, Action], world: Any, make_record: Any, client: Any) -> None:
    role, inside, action = case
    unit = getattr(world, ROLES[role][0 if inside else 1])
    stored = prepared(world, unit, action, make_record)
    _, token = ApiToken.issue(getattr(world, role))
    method, url, body = API_REQUESTS[action]
    if action == Action.CHANGE:
        body = {"version": stored.version, "record": {"kind": "monitoring", "project": "改名"}}
    response = getattr(client, method)(
        url.format(pk=stored.pk),
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    status = expected_status(role, inside, action)
    if status == 200:
        assert response.status_code in (200, 204), response.content
    else:
        assert response.status_code == status, response.content


@pytest.mark.parametrize("role", list(ROLES))
def test_lists_show_only_scope(role: str, world: Any, make_record: Any, client: Any) -> None:
    records = {
        name: make_record(getattr(world, name))
        for name in ("yph_si", "yph_med", "sl_med", "urumqi_si")
    }
    user = getattr(world, role)
    expected = {
        pk
        for name, s in records.items()
        for pk in [s.pk]
        if access.grants_for(user).covers(Action.VIEW, getattr(world, name))
    }
    # by hand: which units each role can see
    visible_units = {
        "yph_editor": {"yph_si", "yph_med"},
        "sl_editor": {"sl_med"},
        "kashi_reviewer": {"yph_si", "yph_med", "sl_med"},
        "kashi_viewer": {"yph_si", "yph_med", "sl_med"},
        "urumqi_reviewer": {"urumqi_si"},
        "admin": {"yph_si", "yph_med", "sl_med", "urumqi_si"},
        "nobody": set(),
    }[role]
    assert expected == {records[n].pk for n in visible_units}
    _, token = ApiToken.issue(user)
    response = client.get("/api/records?limit=500", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 200
    assert {item["id"] for item in response.json()["items"]} == expected
    client.force_login(user)
    page = client.get("/records/").content.decode()
    for name, stored in records.items():
        assert (f'href="/records/{stored.pk}/"' in page) == (name in visible_units)


def test_guessed_ids_are_not_found(world: Any, make_record: Any, client: Any) -> None:
    """An id that does not exist and an id outside the scope answer the same."""
    stored = make_record(world.sl_med)
    client.force_login(world.yph_editor)
    missing = StoredRecord.objects.order_by("-pk").first().pk + 1000
    for pk in (stored.pk, missing):
        for url in (
            f"/records/{pk}/",
            f"/records/{pk}/history/",
            f"/records/{pk}/download.json",
            f"/records/{pk}/versions/1/",
            f"/records/{pk}/versions/1/download.json",
        ):
            assert client.get(url).status_code == 404, url
    _, token = ApiToken.issue(world.yph_editor)
    for pk in (stored.pk, missing):
        for url in (
            f"/api/records/{pk}",
            f"/api/records/{pk}/findings",
            f"/api/records/{pk}/history",
            f"/api/records/{pk}/versions",
            f"/api/records/{pk}/versions/1",
        ):
            assert client.get(url, HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 404, url


def test_create_only_in_own_units(world: Any, monitoring_record: Any, client: Any) -> None:
    _, token = ApiToken.issue(world.yph_editor)
    body = {"record": {"kind": "target", "project": "城乡居民基本养老保险"}}
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}", "content_type": "application/json"}
    assert client.post("/api/records", {**body, "unit": world.yph_si.pk}, **auth).status_code == 201
    assert client.post("/api/records", {**body, "unit": world.sl_med.pk}, **auth).status_code == 404
    _, reviewer = ApiToken.issue(world.kashi_reviewer)
    response = client.post(
        "/api/records",
        {**body, "unit": world.yph_si.pk},
        HTTP_AUTHORIZATION=f"Bearer {reviewer}",
        content_type="application/json",
    )
    assert response.status_code == 403
    client.force_login(world.yph_editor)
    assert client.get(f"/records/new/?kind=target&unit={world.sl_med.pk}").status_code == 404
    assert client.get(f"/records/new/?kind=target&unit={world.yph_med.pk}").status_code == 200


def test_units_and_regions_follow_scope(world: Any, client: Any) -> None:
    client.force_login(world.yph_editor)
    assert client.get(f"/units/{world.yph_med.pk}/").status_code == 200
    assert client.get(f"/units/{world.sl_med.pk}/").status_code == 404
    assert client.get(f"/regions/{world.yph.pk}/").status_code == 200
    assert client.get(f"/regions/{world.kashi.pk}/").status_code == 404
    client.force_login(world.kashi_reviewer)
    assert client.get(f"/regions/{world.kashi.pk}/").status_code == 200
    assert client.get(f"/regions/{world.sl.pk}/").status_code == 200
    assert client.get(f"/regions/{world.urumqi.pk}/").status_code == 404
    assert client.get(f"/units/{world.urumqi_si.pk}/").status_code == 404


def test_anonymous_is_sent_to_login(world: Any, make_record: Any, client: Any) -> None:
    stored = make_record()
    for url in (
        "/",
        "/records/",
        f"/records/{stored.pk}/",
        f"/records/{stored.pk}/download.json",
        "/import/",
    ):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/login/"), url
    assert client.get(f"/api/records/{stored.pk}").status_code == 401
    assert client.get("/api/records", HTTP_AUTHORIZATION="Bearer jx_not-a-token").status_code == 401
