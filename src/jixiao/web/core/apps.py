from __future__ import annotations

from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Change log, permission layer, layout and home page."""

    name = "jixiao.web.core"
    label = "core"
    verbose_name = "系统"

    def ready(self) -> None:
        from jixiao.web.core import changelog

        changelog.connect_signals()
