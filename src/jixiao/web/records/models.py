"""Stored records: the record (current JSON + indexed columns), its immutable versions and
its history of events (saves and workflow transitions)."""

from __future__ import annotations

from functools import cached_property, lru_cache
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

from jixiao.records import FUND_LABELS, KIND_LABELS, Fund, Record, parse_record
from jixiao.web.core.models import ChangeLoggedModel
from jixiao.web.organisations.models import Region, Unit

KIND_CHOICES = list(KIND_LABELS.items())
FUND_CHOICES = [(fund.value, label) for fund, label in FUND_LABELS.items()]
PROJECT_KINDS = ("target", "monitoring", "self_evaluation")
FORM_KINDS = ("target", "monitoring", "self_evaluation", "final_accounts", "report")


@lru_cache(maxsize=1024)
def _parsed(record_id: int, version: int, data: str) -> Record:
    return parse_record(data)


def parsed_version(record_id: int, version: int, data: str) -> Record:
    """A stored version as a record model. Versions never change, so each is parsed once per
    process; the text is part of the key, so a mismatched id/version pair is never served."""
    return _parsed(record_id, version, data)


class Status(models.TextChoices):
    DRAFT = "draft", "草稿"
    SUBMITTED = "submitted", "已提交"
    APPROVED = "approved", "已审核"
    RETURNED = "returned", "退回"


class StoredRecord(ChangeLoggedModel):
    """One record (a table or report) owned by a unit.

    ``data`` is the current version's record-format JSON (``jixiao.records.dumps``); the
    indexed columns repeat what lists and filters need. ``version`` is the number of the
    current :class:`RecordVersion`; saves compare it to refuse stale edits.
    """

    changelog_exclude = ("data", "explanations")
    changelog_snapshot = False  # updated only by store/workflow, which write versions and events

    kind = models.CharField("类型", max_length=16, choices=KIND_CHOICES, db_index=True)
    unit = models.ForeignKey(
        Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="records"
    )
    region = models.ForeignKey(
        Region, verbose_name="地区", on_delete=models.PROTECT, related_name="records"
    )
    fund = models.CharField(
        "险种", max_length=24, choices=FUND_CHOICES, blank=True, default="", db_index=True
    )
    year = models.IntegerField("年度", null=True, blank=True, db_index=True)
    project = models.CharField("项目名称", max_length=255, blank=True, default="")
    title = models.CharField("标题", max_length=255, blank=True, default="")
    status = models.CharField(
        "状态", max_length=16, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    version = models.PositiveIntegerField("版本", default=1)
    data = models.TextField("记录 (JSON)")
    error_count = models.PositiveIntegerField("错误数", default=0)
    warning_count = models.PositiveIntegerField("警告数", default=0)
    explanations = models.JSONField("错误说明", default=dict, blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="创建人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField("修改时间", auto_now=True, db_index=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="修改人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    deleted_at = models.DateTimeField("删除时间", null=True, blank=True, db_index=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="删除人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ("-updated_at", "-pk")
        verbose_name = "绩效记录"
        verbose_name_plural = "绩效记录"
        indexes = (
            models.Index(fields=["region", "year", "kind"]),
            models.Index(fields=["unit", "status"]),
            models.Index(fields=["status", "region"]),
        )

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.display_name}"

    @property
    def display_name(self) -> str:
        return self.project or self.title or self.get_kind_display()

    @cached_property
    def record(self) -> Record:
        """The current version as a record model (parsed once per process and version)."""
        if self.pk is None:
            return parse_record(self.data)
        return parsed_version(self.pk, self.version, self.data)

    @property
    def fund_label(self) -> str:
        return Fund(self.fund).label if self.fund else ""

    @property
    def is_project_table(self) -> bool:
        return self.kind in PROJECT_KINDS


class RecordVersion(models.Model):
    """One saved state of a record. Never changed after it is written."""

    record = models.ForeignKey(
        StoredRecord, verbose_name="记录", on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField("版本号")
    data = models.TextField("记录 (JSON)")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="修改人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("时间", auto_now_add=True)
    changes = models.JSONField("修改的字段", default=list)
    note = models.CharField("说明", max_length=255, blank=True, default="")

    class Meta:
        ordering = ("record", "-number")
        verbose_name = "记录版本"
        verbose_name_plural = "记录版本"
        constraints = (
            models.UniqueConstraint(fields=["record", "number"], name="record_version_unique"),
        )

    def __str__(self) -> str:
        return f"{self.record_id} 第{self.number}版"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ValueError("记录版本写入后不能修改。")
        super().save(*args, **kwargs)

    @cached_property
    def record_model(self) -> Record:
        return parse_record(self.data)


class RecordEvent(models.Model):
    """One entry of a record's history: a save, a restore or a workflow transition."""

    class Kind(models.TextChoices):
        CREATED = "created", "新建"
        SAVED = "saved", "保存"
        RESTORED = "restored", "恢复旧版本"
        SUBMITTED = "submitted", "提交"
        APPROVED = "approved", "审核通过"
        RETURNED = "returned", "退回"
        REOPENED = "reopened", "重新打开"
        DELETED = "deleted", "删除"
        UNDELETED = "undeleted", "撤销删除"

    record = models.ForeignKey(
        StoredRecord, verbose_name="记录", on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField("事件", max_length=16, choices=Kind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="用户",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField("时间", auto_now_add=True, db_index=True)
    version = models.PositiveIntegerField("版本")
    from_status = models.CharField(
        "原状态", max_length=16, choices=Status.choices, blank=True, default=""
    )
    to_status = models.CharField(
        "新状态", max_length=16, choices=Status.choices, blank=True, default=""
    )
    comment = models.TextField("意见/说明", blank=True, default="")
    details = models.JSONField("详情", null=True, blank=True, encoder=DjangoJSONEncoder)

    class Meta:
        ordering = ("record", "-at", "-pk")
        verbose_name = "记录事件"
        verbose_name_plural = "记录事件"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.record_id}"
