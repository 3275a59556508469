"""``jixiao schema``: write the record format's JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from jixiao.records import record_json_schema

DEFAULT_SCHEMA_PATH = Path("docs/record-schema.json")


def schema_text() -> str:
    """The committed form of the schema (stable key order, trailing newline)."""
    return json.dumps(record_json_schema(), ensure_ascii=False, indent=2) + "\n"


def register(app: typer.Typer) -> None:
    @app.command("schema")
    def schema(
        output: Path = typer.Option(
            DEFAULT_SCHEMA_PATH, "--output", "-o", help="写入的文件；- 表示标准输出"
        ),
    ) -> None:
        """写出记录格式的 JSON Schema (默认 docs/record-schema.json)。"""
        text = schema_text()
        if str(output) == "-":
            typer.echo(text, nl=False)
            return
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        typer.echo(f"已写入 {output}")
