"""The change log: one row per create, update or delete of a logged object (NetBox style)."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models


class ObjectChange(models.Model):
    """Who changed which object when, with the field values before and after."""

    class Action(models.TextChoices):
        CREATE = "create", "新建"
        UPDATE = "update", "修改"
        DELETE = "delete", "删除"

    time = models.DateTimeField("时间", auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="用户",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    user_name = models.CharField("用户名", max_length=150, blank=True)
    request_id = models.UUIDField("请求", null=True, blank=True, db_index=True)
    action = models.CharField("操作", max_length=10, choices=Action.choices)
    content_type = models.ForeignKey(ContentType, verbose_name="对象类型", on_delete=models.PROTECT)
    object_id = models.CharField("对象编号", max_length=64, db_index=True)
    object_repr = models.CharField("对象", max_length=200)
    prechange_data = models.JSONField("修改前", null=True, blank=True)
    postchange_data = models.JSONField("修改后", null=True, blank=True)

    class Meta:
        ordering = ("-time", "-pk")
        verbose_name = "变更日志"
        verbose_name_plural = "变更日志"
        indexes = (models.Index(fields=["content_type", "object_id"]),)

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.object_repr}"


class ChangeLoggedModel(models.Model):
    """A model whose saves and deletes are written to :class:`ObjectChange`.

    ``changelog_exclude`` names fields left out of the logged snapshots (large or secret).
    """

    changelog_exclude: ClassVar[tuple[str, ...]] = ()
    changelog_snapshot: ClassVar[bool] = True
    """Keep the loaded values to log updates made with ``save()``; off for models that are only
    updated through versioned services (which keep their own history)."""

    class Meta:
        abstract = True

    @classmethod
    def from_db(cls, db: str | None, field_names: Any, values: Any) -> Any:
        instance = super().from_db(db, field_names, values)
        if cls.changelog_snapshot:
            instance._loaded_snapshot = dict(zip(field_names, values, strict=True))
        return instance
