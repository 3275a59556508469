"""Security baseline: argon2, CSRF, login throttling, generated secret key, DEBUG off, admin."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from django.test import Client


def test_passwords_are_hashed_with_argon2(world: Any) -> None:
    assert world.yph_editor.password.startswith("argon2")


def test_csrf_is_enforced_on_pages(world: Any, make_record: Any) -> None:
    stored = make_record(world.yph_si)
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.yph_editor)
    assert client.post(f"/records/{stored.pk}/delete/").status_code == 403
    stored.refresh_from_db()
    assert stored.deleted_at is None


def test_login_is_throttled(world: Any, client: Any, password: str) -> None:
    for _ in range(5):
        response = client.post("/login/", {"username": "sl-editor", "password": "guess"})
        assert "用户名或密码不正确" in response.content.decode()
    blocked = client.post("/login/", {"username": "sl-editor", "password": password})
    assert "登录失败次数过多" in blocked.content.decode()
    assert "_auth_user_id" not in client.session
    token = client.post(
        "/api/token",
        {"username": "sl-editor", "password": password},
        content_type="application/json",
    )
    assert token.status_code == 429
    # another user from the same address is not affected
    ok = client.post("/login/", {"username": "yph-editor", "password": password})
    assert ok.status_code == 302


def test_login_page_is_chinese(client: Any) -> None:
    page = client.get("/login/").content.decode()
    assert 'lang="zh-Hans"' in page and "登录" in page and "用户名" in page


def _settings_in_fresh_process(tmp_path: Path, **env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("JIXIAO_", "DJANGO_"))}
    clean.update({"JIXIAO_DATA_DIR": str(tmp_path), **env})
    code = "import jixiao.web.settings as s; print(s.DEBUG, s.SECRET_KEY)"
    return subprocess.run(
        [sys.executable, "-c", code], env=clean, capture_output=True, text=True, check=True
    ).stdout


def test_secret_key_is_generated_once_and_debug_is_off(tmp_path: Path) -> None:
    first = _settings_in_fresh_process(tmp_path).split()
    second = _settings_in_fresh_process(tmp_path).split()
    assert first[0] == "False"
    assert first[1] == second[1] and len(first[1]) >= 50
    key_file = tmp_path / ".secret_key"
    assert key_file.read_text() == first[1]
    assert oct(key_file.stat().st_mode & 0o777) == "0o600"
    assert _settings_in_fresh_process(tmp_path, JIXIAO_DEBUG="1").split()[0] == "True"


def test_admin_is_for_administrators(world: Any, client: Any) -> None:
    client.force_login(world.admin)
    page = client.get("/admin/")
    assert page.status_code == 200 and "jixiao 绩效 管理后台" in page.content.decode()
    client.force_login(world.yph_editor)
    assert client.get("/admin/").status_code == 302
    assert client.get("/changes/").status_code == 403


def test_csrf_is_enforced_on_session_api_calls(world: Any, make_record: Any) -> None:
    """A browser session may call the API, but not across sites: unsafe methods need the token."""
    stored = make_record(world.yph_si)
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.yph_editor)
    assert client.get(f"/api/records/{stored.pk}").status_code == 200
    response = client.delete(f"/api/records/{stored.pk}")
    assert response.status_code in (401, 403)
    stored.refresh_from_db()
    assert stored.deleted_at is None
