"""``jixiao check``: run the check catalog over documents; ``jixiao explain``: one rule.

``check PATH...`` reads files and directories (directories are walked like
``parse`` does; a named ``.json``/``.jsonl`` file is read as ``parse`` output),
links the records of all inputs and prints the findings: ``--format text`` one
line per finding like a compiler (``file:record:field: JX101 error: message``),
``--format json`` the shape of checks.md. Exit status: 1 when an error is found
or an input cannot be read (the other inputs are still checked), 2 for usage
errors, 0 otherwise.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path

import typer
from pydantic import ValidationError

from jixiao.cli.parse import expand_inputs
from jixiao.ingest import IngestError, parse_file
from jixiao.records import Record, loads, parse_records
from jixiao.rules import RuleSettings, SettingsError, check_records, findings_json, registry
from jixiao.rules.catalog import Rule
from jixiao.rules.findings import SEVERITY_LABELS, Finding, has_errors

EXIT_FINDINGS = 1
EXIT_USAGE = 2
RECORD_SUFFIXES = frozenset({".json", ".jsonl"})


class CheckFormat(StrEnum):
    text = "text"
    json = "json"


def _fail_usage(message: str) -> typer.Exit:
    typer.echo(f"错误：{message}", err=True)
    return typer.Exit(EXIT_USAGE)


def _read_record_file(path: Path) -> list[tuple[str, list[Record]]]:
    """``parse`` output (JSON or JSON Lines of ``{"source", "records"}``) read back."""
    text = path.read_text(encoding="utf-8")
    lines = (
        [text] if path.suffix.lower() == ".json" else [ln for ln in text.splitlines() if ln.strip()]
    )
    documents: list[tuple[str, list[Record]]] = []
    for number, line in enumerate(lines, start=1):
        data = loads(line)
        if not isinstance(data, dict) or "records" not in data:
            raise IngestError(
                "不是 jixiao parse 输出的记录文件（缺少 records）", source=str(path), line=number
            )
        documents.append((str(data.get("source") or path.name), parse_records(data["records"])))
    return documents


def _source_names(files: Sequence[Path]) -> dict[Path, str]:
    """File names as sources; the path where two inputs share a name."""
    counts = Counter(f.name for f in files)
    return {f: (f.name if counts[f.name] == 1 else str(f)) for f in files}


def read_inputs(paths: Sequence[Path]) -> tuple[list[tuple[str, Sequence[Record]]], list[str]]:
    """(documents, problems): the records of every readable input, and a message per unreadable one."""
    files = list(expand_inputs(paths))
    names = _source_names(files)
    documents: list[tuple[str, Sequence[Record]]] = []
    problems: list[str] = []
    for path in files:
        try:
            if path.suffix.lower() in RECORD_SUFFIXES:
                documents.extend(_read_record_file(path))
            else:
                documents.append((names[path], parse_file(path)))
        except IngestError as exc:
            problems.append(exc.located())
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(f"{path}: 无法读取（{exc.__class__.__name__}: {exc}）")
        except (ValueError, ValidationError) as exc:
            problems.append(f"{path}: 记录格式错误（{str(exc).splitlines()[0]}）")
        except Exception as exc:  # a reader bug must not stop the other inputs
            problems.append(
                f"{path}: 读取时发生内部错误（{exc.__class__.__name__}: {exc}），请报告此问题"
            )
    return documents, problems


def rule_line(rule: Rule) -> str:
    """``JX101  error    execution-rate          预算执行率 ≠ 执行数 ÷ 预算数.``"""
    return f"{rule.code}  {rule.severity:<8} {rule.name:<24} {rule.summary}"


def explain_text(rule: Rule) -> str:
    scope = "跨文件" if rule.cross_document else "单条记录：" + "、".join(rule.kinds)
    return f"{rule.code} {rule.name}（{SEVERITY_LABELS[rule.severity]}，{scope}）\n\n{rule.doc}\n"


def _codes(value: str | None) -> list[str]:
    """Rule codes from ``JX101,JX3``: a prefix selects every code it starts (ruff-style)."""
    wanted = [c.strip().upper() for c in (value or "").split(",") if c.strip()]
    codes: list[str] = []
    for prefix in wanted:
        matched = [code for code in registry.codes() if code.startswith(prefix)]
        if not matched:
            raise _fail_usage(f"未知的规则代码：{prefix}（用 jixiao check --list-rules 查看）")
        codes.extend(matched)
    return codes


def _summary_line(findings: Sequence[Finding], records: int) -> str:
    counts = Counter(f.severity for f in findings)
    return (
        f"共检查 {records} 条记录：{counts['error']} 个错误，{counts['warning']} 个警告，"
        f"{counts['info']} 条提示"
    )


def register(app: typer.Typer) -> None:
    @app.command("check")
    def check(
        paths: list[Path] = typer.Argument(
            None, help="要检查的文件或目录（可多个）", show_default=False
        ),
        output_format: CheckFormat = typer.Option(
            CheckFormat.text, "--format", "-f", help="输出格式"
        ),
        settings_file: Path | None = typer.Option(
            None, "--settings", help="地区政策设置文件（JSON 或 TOML），缺省为全国默认值"
        ),
        select: str | None = typer.Option(
            None, "--select", help="只运行这些规则，逗号分隔，可写前缀：JX101,JX3"
        ),
        ignore: str | None = typer.Option(
            None, "--ignore", help="不运行这些规则，逗号分隔，可写前缀"
        ),
        list_rules: bool = typer.Option(False, "--list-rules", help="列出所有规则后退出"),
    ) -> None:
        """检查文件中的记录：重算每个数字，核对文件之间的一致性。"""
        if list_rules:
            for rule in registry:
                typer.echo(rule_line(rule))
            return
        if not paths:
            raise _fail_usage("请给出要检查的文件或目录（或用 --list-rules 列出规则）")
        missing = [str(p) for p in paths if not p.exists()]
        if missing:
            raise _fail_usage(f"路径不存在：{'、'.join(missing)}")
        try:
            settings = RuleSettings.load(settings_file) if settings_file else RuleSettings()
        except SettingsError as exc:
            raise _fail_usage(str(exc)) from None
        selected, ignored = _codes(select), _codes(ignore)
        if ignored:
            settings = settings.model_copy(update={"ignore": (*settings.ignore, *ignored)})
        documents, problems = read_inputs(paths)
        for problem in problems:
            typer.echo(f"{problem}（已跳过，其余文件照常检查）", err=True)
        findings = check_records(documents, settings, select=selected or None)
        records = sum(len(records) for _, records in documents)
        if output_format is CheckFormat.json:
            typer.echo(findings_json(findings, records))
        else:
            for finding in findings:
                typer.echo(finding.text_line())
            typer.echo(_summary_line(findings, records))
        if has_errors(findings) or problems:
            raise typer.Exit(EXIT_FINDINGS)

    @app.command("explain")
    def explain(code: str = typer.Argument(..., help="规则代码，如 JX204")) -> None:
        """说明一条检查规则：做什么、为什么、举例。"""
        rule = registry.get(code)
        if rule is None:
            raise _fail_usage(f"未知的规则代码：{code}（用 jixiao check --list-rules 查看）")
        typer.echo(explain_text(rule), nl=False)
