from __future__ import annotations

from django.apps import AppConfig


class RecordsConfig(AppConfig):
    """Stored records, their versions and the review workflow."""

    name = "jixiao.web.records"
    label = "records"
    verbose_name = "绩效记录"

    def ready(self) -> None:
        from jixiao.web.records import workflow

        workflow.register()
