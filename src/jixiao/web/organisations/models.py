"""Regions (自治区 → 地区/州/市 → 县/市/区), units (社保局, 医保局 …) and role assignments."""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction

from jixiao.web.core.models import ChangeLoggedModel


class Region(ChangeLoggedModel):
    """A node of the administrative tree. ``path`` (``/1/5/12/``) makes subtree queries one
    ``startswith`` filter."""

    class Level(models.TextChoices):
        PROVINCE = "province", "自治区/省"
        PREFECTURE = "prefecture", "地区/州/市"
        COUNTY = "county", "县/市/区"

    name = models.CharField("名称", max_length=64)
    level = models.CharField("级别", max_length=16, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name="上级",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField("路径", max_length=255, editable=False, db_index=True, default="")

    class Meta:
        ordering = ("path",)
        verbose_name = "地区"
        verbose_name_plural = "地区"
        constraints = (
            models.UniqueConstraint(fields=["parent", "name"], name="region_unique_name_in_parent"),
        )

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.parent_id is not None and self.pk is not None:
            parent = Region.objects.get(pk=self.parent_id)
            if parent.path.startswith(self.path):
                raise ValidationError({"parent": "上级地区不能是本地区或其下级。"})

    def save(self, *args: Any, **kwargs: Any) -> None:
        with transaction.atomic():
            old_path = self.path
            super().save(*args, **kwargs)
            parent_path = self.parent.path if self.parent_id else "/"
            new_path = f"{parent_path}{self.pk}/"
            if new_path != old_path:
                Region.objects.filter(pk=self.pk).update(path=new_path)
                self.path = new_path
                if old_path:
                    for child in Region.objects.filter(path__startswith=old_path).exclude(
                        pk=self.pk
                    ):
                        child.path = new_path + child.path[len(old_path) :]
                        Region.objects.filter(pk=child.pk).update(path=child.path)

    @property
    def depth(self) -> int:
        return self.path.count("/") - 2

    def ancestors(self) -> list[Region]:
        """From the root down to the parent."""
        ids = [int(part) for part in self.path.strip("/").split("/")[:-1] if part]
        by_id = {r.pk: r for r in Region.objects.filter(pk__in=ids)}
        return [by_id[i] for i in ids if i in by_id]

    def subtree(self) -> models.QuerySet[Region]:
        return Region.objects.filter(path__startswith=self.path)


class Unit(ChangeLoggedModel):
    """A spending or reviewing unit (部门单位) in one region."""

    class Kind(models.TextChoices):
        SOCIAL_INSURANCE = "social_insurance", "社保局"
        MEDICAL_SECURITY = "medical_security", "医保局"
        FINANCE = "finance", "财政局"
        HUMAN_RESOURCES = "human_resources", "人社局"
        OTHER = "other", "其他"

    name = models.CharField("名称", max_length=128, unique=True)
    region = models.ForeignKey(
        Region, verbose_name="地区", on_delete=models.PROTECT, related_name="units"
    )
    kind = models.CharField("类别", max_length=20, choices=Kind.choices, default=Kind.OTHER)

    class Meta:
        ordering = ("region__path", "name")
        verbose_name = "单位"
        verbose_name_plural = "单位"

    def __str__(self) -> str:
        return self.name


# Generic vocabulary of unit names → kind; the first match wins (医疗保障 before 社会保障).
_KIND_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (Unit.Kind.MEDICAL_SECURITY, re.compile(r"医疗保障|医保")),
    (Unit.Kind.FINANCE, re.compile(r"财政")),
    (Unit.Kind.HUMAN_RESOURCES, re.compile(r"人力资源|人社")),
    (Unit.Kind.SOCIAL_INSURANCE, re.compile(r"社会保险|社保|就业保险|养老保险|保险管理|社会保障")),
]


def unit_kind_from_name(name: str) -> str:
    """The kind a unit's name states (``岳普湖县医疗保障局`` → 医保局), else 其他."""
    for kind, pattern in _KIND_PATTERNS:
        if pattern.search(name):
            return kind
    return Unit.Kind.OTHER


class RoleAssignment(ChangeLoggedModel):
    """One role of one user: editor of a unit, reviewer or viewer of a region subtree.

    Administrators are users with ``is_superuser``; they need no assignment.
    """

    class Role(models.TextChoices):
        EDITOR = "editor", "填报人"
        REVIEWER = "reviewer", "审核人"
        VIEWER = "viewer", "查看人"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="用户",
        on_delete=models.CASCADE,
        related_name="role_assignments",
    )
    role = models.CharField("角色", max_length=16, choices=Role.choices)
    unit = models.ForeignKey(
        Unit, verbose_name="单位", null=True, blank=True, on_delete=models.CASCADE
    )
    region = models.ForeignKey(
        Region, verbose_name="地区（含下级）", null=True, blank=True, on_delete=models.CASCADE
    )

    class Meta:
        verbose_name = "角色"
        verbose_name_plural = "角色"
        constraints = (
            models.CheckConstraint(
                condition=(
                    models.Q(role="editor", unit__isnull=False, region__isnull=True)
                    | (
                        models.Q(
                            role__in=["reviewer", "viewer"], region__isnull=False, unit__isnull=True
                        )
                    )
                ),
                name="role_scope_matches_role",
            ),
        )

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.unit or self.region}"

    def clean(self) -> None:
        if self.role == self.Role.EDITOR and (self.unit_id is None or self.region_id is not None):
            raise ValidationError("填报人须指定单位，不指定地区。")
        if self.role != self.Role.EDITOR and (self.region_id is None or self.unit_id is not None):
            raise ValidationError("审核人和查看人须指定地区，不指定单位。")


class RegionPolicy(ChangeLoggedModel):
    """A region's check policy: overrides of :class:`jixiao.rules.RuleSettings` as JSON.

    A record uses the policy of its own region, else of the nearest region above it, else the
    national defaults; within one region a policy for the record's year wins over the general
    one (``year`` empty). See :func:`jixiao.web.organisations.policy.effective_policy`.
    """

    region = models.ForeignKey(
        Region, verbose_name="地区", on_delete=models.CASCADE, related_name="policies"
    )
    year = models.IntegerField(
        "年度", null=True, blank=True, help_text="留空表示各年通用；填写年度则只用于该年度的记录。"
    )
    overrides = models.TextField(
        "设置 (JSON)",
        default="{}",
        help_text='只写与全国默认不同的项，例如 {"deviation_threshold_points": 15}。',
    )
    note = models.CharField("说明", max_length=255, blank=True, default="")
    updated_at = models.DateTimeField("修改时间", auto_now=True)

    class Meta:
        ordering = ("region__path", "year")
        verbose_name = "地区政策设置"
        verbose_name_plural = "地区政策设置"
        constraints = (
            models.UniqueConstraint(
                fields=["region"],
                condition=models.Q(year__isnull=True),
                name="region_policy_one_general",
                violation_error_message="该地区已有各年通用的政策设置，请修改原有设置。",
            ),
            models.UniqueConstraint(
                fields=["region", "year"],
                condition=models.Q(year__isnull=False),
                name="region_policy_one_per_year",
                violation_error_message="该地区这一年度已有政策设置，请修改原有设置。",
            ),
        )

    def __str__(self) -> str:
        return f"{self.region.name} · {f'{self.year}年' if self.year else '各年通用'}"

    def clean(self) -> None:
        from jixiao.web.organisations.policy import PolicyError, parse_overrides

        try:
            self.overrides = parse_overrides(self.overrides).text
        except PolicyError as exc:
            raise ValidationError({"overrides": exc.message}) from None
        if self.year is not None and not 1990 <= self.year <= 2100:
            raise ValidationError({"year": "年度应在 1990–2100 之间。"})
