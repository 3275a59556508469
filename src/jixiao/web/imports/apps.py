from __future__ import annotations

from django.apps import AppConfig


class ImportsConfig(AppConfig):
    """Reading published documents into draft records."""

    name = "jixiao.web.imports"
    label = "imports"
    verbose_name = "导入"
