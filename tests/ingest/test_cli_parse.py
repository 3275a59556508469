"""``jixiao parse``: JSON Lines shape, table output, directories, errors and exit status."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.records import loads, parse_records

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
SEED_001 = SEEDS / "001_64cadbb403ecf892.txt"
SEED_003 = SEEDS / "003_34cb9511c7a24abb.txt"

runner = CliRunner()


def _lines(output: str) -> list[dict[str, Any]]:
    return [loads(line) for line in output.splitlines() if line.strip()]


def test_json_is_one_object_per_file() -> None:
    result = runner.invoke(app, ["parse", str(SEED_003), str(SEED_001)])
    assert result.exit_code == 0, result.output
    documents = _lines(result.stdout)
    assert [d["source"] for d in documents] == [SEED_003.name, SEED_001.name]
    for document in documents:
        assert set(document) == {"source", "records"}
        parse_records(document["records"])  # valid records of the record format
    kinds = [r["kind"] for r in documents[0]["records"]]
    assert kinds == ["report", "final_accounts", "report"] + ["self_evaluation"] * 4


def test_json_keeps_numbers_as_printed() -> None:
    result = runner.invoke(app, ["parse", "--format", "json", str(SEED_003)])
    assert result.exit_code == 0
    line = result.stdout.strip()
    assert '"income_subsidy":2161.00' in line  # printed 2,161.00
    accounts = json.loads(line)["records"][1]
    assert accounts["funds"]["public_pension"]["closing_balance"] == 9306.03
    assert accounts["funds"].get("enterprise_pension") is None


def test_directory_is_read_sorted_and_hidden_files_skipped(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    shutil.copy(SEED_003, tmp_path / "b" / "z.txt")
    shutil.copy(SEED_001, tmp_path / "a.txt")
    shutil.copy(SEED_001, tmp_path / ".hidden" / "c.txt")
    shutil.copy(SEED_001, tmp_path / ".d.txt")
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    result = runner.invoke(app, ["parse", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert [d["source"] for d in _lines(result.stdout)] == ["a.txt", "z.txt"]


def test_bad_files_give_status_2_and_the_others_are_still_read(tmp_path: Path) -> None:
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_binary.txt").write_bytes(b"\x00\x01\x02\x03" * 50)
    (tmp_path / "c_letter.txt").write_text("尊敬的领导：\n\n您好！\n", encoding="utf-8")
    shutil.copy(SEED_001, tmp_path / "d_good.txt")
    result = runner.invoke(app, ["parse", str(tmp_path)])
    assert result.exit_code == 2
    assert [d["source"] for d in _lines(result.stdout)] == ["d_good.txt"]
    errors = result.stderr.splitlines()
    assert errors[0] == f"{tmp_path / 'a_empty.txt'}:1: 文件为空，没有可读取的内容"
    assert errors[1].startswith(f"{tmp_path / 'b_binary.txt'}:1: 这是二进制文件")
    assert errors[2].startswith(f"{tmp_path / 'c_letter.txt'}:1: 不是绩效文档")
    assert "Traceback" not in result.output


def test_truncated_table_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt"
    path.write_text("附件1:\n\n某某县社保基金支出绩效监控情况表\n", encoding="utf-8")
    result = runner.invoke(app, ["parse", str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"{path}:3: ")
    assert "截断" in result.stderr


def test_missing_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["parse", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "文件不存在" in result.stderr


def test_empty_directory(tmp_path: Path) -> None:
    result = runner.invoke(app, ["parse", str(tmp_path)])
    assert result.exit_code == 2
    assert "没有找到可读取的文档" in result.stderr


def test_table_format_shows_records() -> None:
    result = runner.invoke(
        app, ["parse", "--format", "table", str(SEED_003)], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert f"{SEED_003.name}：7 条记录" in out
    assert "关于2020年岳普湖县社会保险基金决算的说明" in out
    assert "决算" in out and "43436.13" in out
    assert "绩效自评表（self_evaluation）" in out
    assert "城乡居民基本医疗保险待遇享受人员满意度" in out


def test_unknown_format_is_refused() -> None:
    result = runner.invoke(app, ["parse", "--format", "xml", str(SEED_003)])
    assert result.exit_code == 2


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell")
def test_subprocess_exit_status_and_streams(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    jixiao = Path(sys.executable).with_name("jixiao")
    command = [str(jixiao)] if jixiao.exists() else [sys.executable, "-m", "jixiao.cli"]
    env = {**os.environ, "COLUMNS": "100"}
    done = subprocess.run(
        [*command, "parse", str(SEED_001), str(tmp_path / "empty.txt")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 2
    assert len(_lines(done.stdout)) == 1
    assert done.stderr.strip() == f"{tmp_path / 'empty.txt'}:1: 文件为空，没有可读取的内容"
