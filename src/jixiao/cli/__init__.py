"""The ``jixiao`` command line: one Typer app, one module per command group."""

from __future__ import annotations

import typer

from jixiao.cli import schema as schema_cmd

app = typer.Typer(
    name="jixiao",
    help="绩效: 社会保险基金支出预算绩效管理 (jixiao)",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)


@app.callback()
def _root() -> None:
    """绩效: 社会保险基金支出预算绩效管理。"""


schema_cmd.register(app)


def _register_optional() -> None:
    """Command groups whose modules are added as the layers are built."""
    import importlib

    for name in ("parse", "check", "web"):
        try:
            module = importlib.import_module(f"jixiao.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"jixiao.cli.{name}":
                raise
            continue
        module.register(app)


_register_optional()


def main() -> None:
    app()
