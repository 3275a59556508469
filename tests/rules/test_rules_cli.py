"""``jixiao check`` and ``jixiao explain``: output formats, exit status, unreadable input."""

from __future__ import annotations

import json
from pathlib import Path

from rulekit import ind, monitoring, self_evaluation
from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.records import Record, dumps
from jixiao.rules import registry

runner = CliRunner()


def _write(path: Path, records: list[Record], source: str = "doc.txt") -> Path:
    path.write_text(dumps({"source": source, "records": records}), encoding="utf-8")
    return path


def _wrong(tmp_path: Path) -> Path:
    record = monitoring(
        [ind("参保人数", "≥100人", "60人", "30.00")],
        planned="2889.39",
        executed="1445.00",
        rate="55.01",
    )
    return _write(tmp_path / "wrong.json", [record], "wrong.txt")


def _clean(tmp_path: Path) -> Path:
    record = self_evaluation(
        [ind("参保人数", "≥100人", "120人", weight="50", score="50")], total_score="60.00"
    )
    return _write(tmp_path / "clean.json", [record], "clean.txt")


def test_list_rules_and_explain() -> None:
    result = runner.invoke(app, ["check", "--list-rules"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == registry.codes()
    explained = runner.invoke(app, ["explain", "jx204"])
    assert explained.exit_code == 0 and explained.stdout.startswith("JX204 statement-contradicts")
    assert "为什么" in explained.stdout
    assert runner.invoke(app, ["explain", "JX999"]).exit_code == 2


def test_text_output_is_one_line_per_finding(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(_wrong(tmp_path))])
    assert result.exit_code == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith(
        "wrong.txt:0:budget.execution_rate_pct: JX101 error: 预算执行率填报 55.01%"
    )
    assert result.stdout.splitlines()[-1].startswith("共检查 1 条记录：")


def test_json_output_has_the_catalog_shape(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["check", "--format", "json", str(_wrong(tmp_path)), str(_clean(tmp_path))]
    )
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert set(document) == {"findings", "summary"}
    finding = document["findings"][0]
    assert list(finding) == [
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
    ]
    assert (finding["code"], finding["reported"], finding["expected"]) == ("JX101", 55.01, 50.01)
    assert '"expected": 50.01' in result.stdout  # decimals as printed
    assert document["summary"]["records"] == 2 and document["summary"]["errors"] >= 1


def test_clean_input_exits_zero(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(_clean(tmp_path))])
    assert result.exit_code == 0, result.stdout


def test_unreadable_input_is_reported_and_the_rest_checked(tmp_path: Path) -> None:
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "bad.json").write_text(
        '{"source": "x", "records": [{"kind": "nope"}]}', encoding="utf-8"
    )
    result = runner.invoke(
        app,
        ["check", str(tmp_path / "broken.txt"), str(tmp_path / "bad.json"), str(_clean(tmp_path))],
    )
    assert result.exit_code == 1
    assert "broken.txt" in result.stderr and "bad.json" in result.stderr
    assert "共检查 1 条记录" in result.stdout


def test_usage_errors_exit_two(tmp_path: Path) -> None:
    assert runner.invoke(app, ["check"]).exit_code == 2
    assert runner.invoke(app, ["check", str(tmp_path / "missing.txt")]).exit_code == 2
    assert runner.invoke(app, ["check", "--select", "JX999", str(_clean(tmp_path))]).exit_code == 2
    bad = tmp_path / "bad.toml"
    bad.write_text('reverse_formula = "sideways"\n', encoding="utf-8")
    result = runner.invoke(app, ["check", "--settings", str(bad), str(_clean(tmp_path))])
    assert result.exit_code == 2 and "reverse_formula" in result.stderr


def test_settings_select_and_ignore(tmp_path: Path) -> None:
    wrong = _wrong(tmp_path)
    settings = tmp_path / "region.toml"
    settings.write_text('ignore = ["JX101"]\ndeviation_threshold_points = 30\n', encoding="utf-8")
    assert runner.invoke(app, ["check", "--settings", str(settings), str(wrong)]).exit_code == 0
    assert runner.invoke(app, ["check", "--ignore", "JX101", str(wrong)]).exit_code == 0
    selected = runner.invoke(app, ["check", "--select", "JX302", str(wrong)])
    assert selected.exit_code == 0 and "JX101" not in selected.stdout
    by_prefix = runner.invoke(app, ["check", "--select", "jx1", str(wrong)])
    assert by_prefix.exit_code == 1 and "JX101" in by_prefix.stdout
    as_json = tmp_path / "region.json"
    as_json.write_text(
        '{"ignore": ["JX101"], "deviation_threshold_points": 12.5}', encoding="utf-8"
    )
    assert runner.invoke(app, ["check", "--settings", str(as_json), str(wrong)]).exit_code == 0
