from __future__ import annotations

from django.contrib import admin

from jixiao.web.imports.models import ImportBatch


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = ("pk", "user", "created_at", "saved_at")
