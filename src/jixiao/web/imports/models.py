"""An import in progress: the records read from uploaded files, shown before they are saved."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ImportBatch(models.Model):
    """Files one user uploaded and the records read from them (record-format JSON per item).

    ``files`` is ``[{"name", "error", "records": [record JSON text, …]}]``. Only its owner
    (and administrators) can see or save it.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="用户",
        on_delete=models.CASCADE,
        related_name="import_batches",
    )
    created_at = models.DateTimeField("上传时间", auto_now_add=True)
    files = models.JSONField("文件", default=list)
    saved_at = models.DateTimeField("保存时间", null=True, blank=True)
    saved_records = models.JSONField("保存的记录", default=list, blank=True)

    class Meta:
        ordering = ("-created_at",)
        verbose_name = "导入批次"
        verbose_name_plural = "导入批次"

    def __str__(self) -> str:
        return f"导入 {self.pk} ({self.user})"
