"""``jixiao parse``: read documents and print their records (docs/cli.md).

``--format json`` (the default) prints JSON Lines: one line per file read,
``{"source": "<file name>", "records": [...]}`` in the record format, numbers as
printed. ``--format table`` shows the records for a person, with rich.

A file that cannot be read gives a message on stderr naming the file and line
and makes the exit status 2; the other files are still read and printed.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from jixiao.ingest import IngestError, parse_file
from jixiao.records import (
    FUND_LABELS,
    KIND_LABELS,
    FinalAccountsRecord,
    Fund,
    ProjectRecordBase,
    Record,
    ReportRecord,
    dumps,
)

DOCUMENT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".tsv", ".htm", ".html"})
"""Files a directory argument reads (a file named on the command line is always read)."""

PROGRESS_MIN_FILES = 20
"""A progress bar is shown on a terminal from this many files on."""

EXIT_BAD_INPUT = 2

METRIC_LABELS = {
    "income": "收入",
    "expenditure": "支出",
    "balance": "本年结余",
    "closing_balance": "年末结余",
    "planned": "预算数",
    "executed": "执行数",
    "execution_rate_pct": "完成预算%",
    "insured": "参保人数",
    "beneficiaries": "享受待遇人数",
}


class OutputFormat(StrEnum):
    json = "json"
    table = "table"


def expand_inputs(paths: Sequence[Path]) -> Iterator[Path]:
    """The files to read: named files as given, directories walked (sorted, hidden skipped)."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path).parts
                if any(part.startswith(".") for part in relative):
                    continue
                if child.is_file() and child.suffix.lower() in DOCUMENT_SUFFIXES:
                    yield child
        else:
            yield path


def _error_text(error: IngestError, path: Path) -> str:
    where = str(path)
    if error.line is not None:
        where += f":{error.line}"
    return f"{where}: {error.message}"


def _say(message: str) -> None:
    """One unwrapped line on stderr (messages are read by people and by scripts)."""
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


@contextmanager
def _progress(total: int, err: Console) -> Iterator[Progress | None]:
    if total < PROGRESS_MIN_FILES or not err.is_terminal:
        yield None
        return
    columns = (
        TextColumn("读取文件"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err, transient=True, redirect_stdout=False) as progress:
        yield progress


def run_parse(paths: Sequence[Path], output: OutputFormat, out: Console, err: Console) -> int:
    """Read every input and print its records; returns the exit status."""
    files = list(expand_inputs(paths))
    status = 0
    if not files:
        _say("没有找到可读取的文档（目录中没有 .txt/.md/.html 等文本文件）")
        return EXIT_BAD_INPUT
    with _progress(len(files), err) as progress:
        task = progress.add_task("parse", total=len(files)) if progress else None
        for path in files:
            try:
                records = parse_file(path)
            except IngestError as error:
                _say(_error_text(error, path))
                status = EXIT_BAD_INPUT
            except Exception as error:  # a bug, not bad input: say so without a traceback
                if os.environ.get("JIXIAO_DEBUG"):
                    raise
                _say(
                    f"{path}: 内部错误（{type(error).__name__}: {error}），请报告此问题；"
                    "设置 JIXIAO_DEBUG=1 可查看详细信息"
                )
                status = EXIT_BAD_INPUT
            else:
                if output is OutputFormat.json:
                    sys.stdout.write(dumps({"source": path.name, "records": records}) + "\n")
                    sys.stdout.flush()
                else:
                    show_records(path.name, records, out)
            if progress is not None and task is not None:
                progress.advance(task)
    return status


# --- table format ------------------------------------------------------------------


def _text(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, Fund):
        return f"{FUND_LABELS[value]} ({value.value})"
    return str(value)


def _fields_table(pairs: list[tuple[str, Any]]) -> Table:
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold")
    table.add_column()
    for name, value in pairs:
        table.add_row(name, Text(_text(value)))
    return table


def _project_view(record: ProjectRecordBase) -> list[RenderableType]:
    fields = [
        ("项目名称", record.project),
        ("单位", record.unit),
        ("填报/主管单位", record.reporting_unit),
        ("地区", record.region),
        ("年度", record.year),
        ("险种", record.fund),
        ("监控时点", record.period),
        ("金额单位", record.money_unit),
        ("总体完成率(%)", record.overall_completion_pct),
        ("总分值/总得分", f"{_text(record.total_weight)} / {_text(record.total_score)}"),
    ]
    budget = Table(title="预算", title_justify="left")
    for column in ("", "合计", "财政", "基金", "上年结转", "其他"):
        budget.add_column(column)
    names = {
        "planned": "预算数",
        "initial": "年初预算数",
        "available": "到位数",
        "executed": "执行数",
    }
    for member, label in names.items():
        amount = getattr(record.budget, member)
        if amount is not None:
            budget.add_row(
                label,
                *(
                    _text(getattr(amount, f))
                    for f in ("total", "fiscal", "fund_money", "carryover", "other")
                ),
            )
    budget.caption = (
        f"执行率 {_text(record.budget.execution_rate_pct)}%  分值 {_text(record.budget.weight)}"
        f"  得分 {_text(record.budget.score)}"
    )
    indicators = Table(title=f"指标（{len(record.indicators)}）", title_justify="left", expand=True)
    for column in ("一级", "二级", "三级指标", "指标值", "完成值", "完成率", "分值", "得分"):
        wide = column in ("三级指标", "指标值", "完成值")
        indicators.add_column(column, overflow="fold", ratio=2 if wide else None)
    for ind in record.indicators:
        indicators.add_row(
            *(
                _text(v)
                for v in (
                    ind.level1,
                    ind.level2,
                    ind.name,
                    ind.target,
                    ind.actual,
                    ind.completion_pct,
                    ind.weight,
                    ind.score,
                )
            )
        )
    return [_fields_table(fields), budget, indicators]


def _accounts_view(record: FinalAccountsRecord) -> list[RenderableType]:
    fields = [("地区", record.region), ("年度", record.year), ("金额单位", record.money_unit)]
    table = Table(title="决算", title_justify="left")
    members = (
        ("income", "收入"),
        ("income_contributions", "保险费"),
        ("income_interest", "利息"),
        ("income_subsidy", "财政补贴"),
        ("expenditure", "支出"),
        ("expenditure_benefits", "待遇支出"),
        ("balance", "本年结余"),
        ("closing_balance", "年末结余"),
    )
    table.add_column("险种")
    for _, label in members:
        table.add_column(label, justify="right")
    rows = [("合计", record.totals), *((FUND_LABELS[f], a) for f, a in record.funds.items())]
    for name, accounts in rows:
        table.add_row(name, *(_text(getattr(accounts, m)) for m, _ in members))
    return [_fields_table(fields), table]


def _report_view(record: ReportRecord) -> list[RenderableType]:
    fields = [("地区", record.region), ("年度", record.year), ("险种", record.fund)]
    excerpt = record.text if len(record.text) <= 300 else record.text[:300] + "……"
    facts = Table(title=f"数字（{len(record.facts)}）", title_justify="left", expand=True)
    facts.add_column("对象", no_wrap=True)
    facts.add_column("指标", no_wrap=True)
    facts.add_column("数值", justify="right", no_wrap=True)
    facts.add_column("单位", no_wrap=True)
    facts.add_column("原文", overflow="fold", ratio=1)
    for fact in record.facts:
        subject = FUND_LABELS[Fund(fact.subject)] if fact.subject in Fund.__members__ else "合计"
        facts.add_row(subject, METRIC_LABELS[fact.metric], _text(fact.value), fact.unit, fact.quote)
    return [_fields_table(fields), Text(excerpt), facts]


def show_records(source: str, records: list[Record], console: Console) -> None:
    """Print one file's records for a person."""
    console.rule(f"{source}：{len(records)} 条记录")
    for number, record in enumerate(records, start=1):
        if isinstance(record, ProjectRecordBase):
            parts = _project_view(record)
        elif isinstance(record, FinalAccountsRecord):
            parts = _accounts_view(record)
        else:
            parts = _report_view(record)
        title = Text(
            f"{number}. {KIND_LABELS[record.kind]}（{record.kind}）：{record.title or '（无标题）'}"
        )
        console.print(Panel(Group(*parts), title=title, title_align="left"))


def register(app: typer.Typer) -> None:
    @app.command("parse")
    def parse(
        inputs: list[Path] = typer.Argument(..., metavar="FILE_OR_DIR...", help="文档文件或目录"),
        output_format: OutputFormat = typer.Option(
            OutputFormat.json, "--format", "-f", help="json：每个文件一行 JSON；table：表格显示"
        ),
    ) -> None:
        """读取绩效文档，输出记录（JSON Lines 或表格）。"""
        out = Console(soft_wrap=False)
        err = Console(stderr=True)
        status = run_parse(inputs, output_format, out, err)
        if status:
            raise typer.Exit(status)
