from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from jixiao.web.records.models import RecordEvent, RecordVersion, StoredRecord


@admin.register(StoredRecord)
class StoredRecordAdmin(admin.ModelAdmin):
    """Read-only here: records change only through the pages and the API (versions, workflow)."""

    list_display = ("pk", "kind", "project", "unit", "year", "status", "version", "deleted_at")
    list_filter = ("kind", "status", "year")
    search_fields = ("project", "title", "unit__name")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(RecordVersion)
class RecordVersionAdmin(StoredRecordAdmin):
    list_display = ("record", "number", "author", "created_at", "note")
    list_filter = ()
    search_fields = ("record__project",)


@admin.register(RecordEvent)
class RecordEventAdmin(StoredRecordAdmin):
    list_display = ("record", "kind", "user", "at", "version", "comment")
    list_filter = ("kind",)
    search_fields = ("record__project", "comment")
