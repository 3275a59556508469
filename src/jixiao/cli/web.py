"""``jixiao demo`` and ``jixiao serve``: run the web system on the bundled threaded server."""

from __future__ import annotations

import os
from pathlib import Path

import typer


def _setup(debug: bool) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jixiao.web.settings")
    if debug:
        os.environ.setdefault("JIXIAO_DEBUG", "1")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    from jixiao.web.core.db import analyse

    analyse()


def _serve(host: str, port: int, workers: int = 1) -> None:
    from jixiao.web.server import serve

    try:
        serve(host, port, workers)
    except OSError as exc:
        typer.echo(
            f"无法在 {host}:{port} 启动服务：{exc.strerror or exc}（可用 --port 换一个端口）",
            err=True,
        )
        raise typer.Exit(1) from None
    typer.echo("已停止。")


def register(app: typer.Typer) -> None:
    @app.command("demo")
    def demo(
        port: int = typer.Option(8000, "--port", "-p", help="端口"),
        host: str = typer.Option("127.0.0.1", "--host", help="监听地址"),
        seeds: Path | None = typer.Option(
            None, "--seeds", help="种子文档目录（默认 ../shared/seeds）"
        ),
        no_serve: bool = typer.Option(
            False, "--no-serve", help="只准备数据库和演示数据，不启动服务"
        ),
    ) -> None:
        """准备 SQLite 数据库和演示数据（地区、单位、种子文档、演示账户），并启动网页系统。"""
        _setup(debug=True)
        from django.conf import settings

        from jixiao.web.demo import load_demo

        summary = load_demo(seeds, progress=typer.echo)
        password = os.environ.get("JIXIAO_DEMO_PASSWORD") or "jixiao-demo"
        database = settings.DATABASES["default"]
        typer.echo(f"数据库：{database['NAME']}")
        if summary.created:
            typer.echo(
                f"演示数据：{summary.regions} 个地区，{summary.units} 个单位，{summary.records} 条记录。"
            )
        else:
            typer.echo("演示数据已存在，未重复导入。")
        for note in summary.skipped:
            typer.echo(f"  注意：{note}")
        typer.echo("演示账户（密码：" + password + "）：")
        for username, description in summary.accounts:
            typer.echo(f"  {username:16s} {description}")
        typer.echo(f"jixiao 网页系统：http://{host}:{port}/   （Ctrl+C 停止）")
        if not no_serve:
            from jixiao.web.server import default_workers

            _serve(host, port, default_workers())

    @app.command("serve")
    def serve(
        port: int = typer.Option(8000, "--port", "-p", help="端口"),
        host: str = typer.Option("127.0.0.1", "--host", help="监听地址"),
        workers: int = typer.Option(
            0, "--workers", "-w", help="进程数（默认：CPU 核数加一，最多 8）"
        ),
    ) -> None:
        """应用数据库迁移并启动网页系统（DEBUG 关闭；数据库见 DATABASE_URL）。"""
        _setup(debug=False)
        from jixiao.web.server import default_workers

        count = workers or default_workers()
        typer.echo(f"jixiao 网页系统：http://{host}:{port}/   （{count} 个进程；Ctrl+C 停止）")
        _serve(host, port, count)
