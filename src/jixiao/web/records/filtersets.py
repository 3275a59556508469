"""Filtering record lists by kind, region (with its subtree), fund, year, status, unit and text.

One filterset serves the list page and ``GET /api/records``.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import models

from jixiao.web.organisations.models import Region
from jixiao.web.records.models import FUND_CHOICES, KIND_CHOICES, Status, StoredRecord

_BLANK = [("", "全部")]


class RecordFilterForm(forms.Form):
    q = forms.CharField(label="搜索", required=False)
    kind = forms.ChoiceField(label="类型", choices=_BLANK + KIND_CHOICES, required=False)
    status = forms.ChoiceField(label="状态", choices=_BLANK + list(Status.choices), required=False)
    fund = forms.ChoiceField(label="险种", choices=_BLANK + FUND_CHOICES, required=False)
    year = forms.IntegerField(label="年度", required=False, min_value=1990, max_value=2100)
    region = forms.CharField(label="地区", required=False, help_text="地区名称或编号，含下级")
    unit = forms.IntegerField(label="单位", required=False, widget=forms.HiddenInput)


class RecordFilterSet:
    """Validates filter parameters and applies them to a queryset."""

    def __init__(self, data: Any) -> None:
        self.form = RecordFilterForm(data or None)
        self.valid = self.form.is_valid() if data else True
        self.cleaned: dict[str, Any] = self.form.cleaned_data if data and self.valid else {}

    @property
    def errors(self) -> dict[str, list[str]]:
        return {k: [str(e) for e in v] for k, v in self.form.errors.items()}

    def filter(self, queryset: models.QuerySet[StoredRecord]) -> models.QuerySet[StoredRecord]:
        c = self.cleaned
        if c.get("kind"):
            queryset = queryset.filter(kind=c["kind"])
        if c.get("status"):
            queryset = queryset.filter(status=c["status"])
        if c.get("fund"):
            queryset = queryset.filter(fund=c["fund"])
        if c.get("year") is not None:
            queryset = queryset.filter(year=c["year"])
        if c.get("unit") is not None:
            queryset = queryset.filter(unit_id=c["unit"])
        if c.get("region"):
            queryset = queryset.filter(region__path__startswith=region_path(c["region"]))
        if c.get("q"):
            text = c["q"].strip()
            queryset = queryset.filter(
                models.Q(project__icontains=text)
                | models.Q(title__icontains=text)
                | models.Q(unit__name__icontains=text)
            )
        return queryset


def region_path(value: str) -> str:
    """The subtree path of a region given by id or name; an unknown region matches nothing."""
    value = value.strip()
    region = (
        Region.objects.filter(pk=int(value)).first()
        if value.isdigit()
        else Region.objects.filter(name=value).order_by("path").first()
    )
    return region.path if region else "/nonexistent/"
