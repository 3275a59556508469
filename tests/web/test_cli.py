"""``jixiao demo`` on a fresh data directory: database, demo data, address and accounts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_demo_prepares_and_prints_accounts(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_URL", "JIXIAO_"))
    }
    env.update(
        {"JIXIAO_DATA_DIR": str(tmp_path / "data"), "JIXIAO_SEEDS": str(tmp_path / "no-seeds")}
    )
    command = [
        sys.executable,
        "-c",
        "from jixiao.cli import main; main()",
        "demo",
        "--no-serve",
        "--port",
        "8123",
    ]
    result = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=180, check=True
    )
    out = result.stdout
    assert "http://127.0.0.1:8123/" in out
    assert "密码：jixiao-demo" in out
    for account in ("admin", "yph-editor", "sl-editor", "kashi-reviewer"):
        assert account in out
    assert (tmp_path / "data" / "jixiao.sqlite3").exists()
    assert (tmp_path / "data" / ".secret_key").exists()
    again = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=180, check=True
    )
    assert "演示数据已存在" in again.stdout
