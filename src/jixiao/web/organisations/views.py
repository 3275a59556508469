"""Region tree, a region's status page (every unit's records by status), a unit's page and the
administrators' page of a region's check policy."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Count, F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views import View

from jixiao.web.core import access
from jixiao.web.core.access import Action
from jixiao.web.core.views import ObjectMixin, paginate
from jixiao.web.organisations.forms import RegionPolicyForm
from jixiao.web.organisations.models import Region, RegionPolicy, Unit
from jixiao.web.organisations.policy import effective_policy
from jixiao.web.records.models import KIND_CHOICES, Status, StoredRecord


class RegionListView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest) -> HttpResponse:
        regions = access.regions(request.user).order_by("path").annotate(unit_count=Count("units"))
        return render(request, "organisations/region_list.html", {"regions": regions})


def status_table(user: Any, region: Region, year: int | None) -> dict[str, Any]:
    """Counts of the visible records in the region's subtree, by unit and by status (one grouped
    query for the counts of every unit, kind, status and year)."""
    subtree = Region.objects.filter(path__startswith=region.path).values("pk")
    grouped = (
        access.restrict(StoredRecord.objects.all(), user, Action.VIEW)
        .filter(region_id__in=subtree, deleted_at__isnull=True)
        .values_list("unit_id", "kind", "status", "year")
        .annotate(n=Count("pk"))
        .order_by()
    )
    rows: dict[int, dict[str, int]] = defaultdict(lambda: {s: 0 for s in Status.values})
    kinds = {k: {s: 0 for s in Status.values} for k, _ in KIND_CHOICES}
    years: set[int] = set()
    for unit_id, kind, status, record_year, n in grouped:
        if record_year is not None:
            years.add(record_year)
        if year is not None and record_year != year:
            continue
        rows[unit_id][status] += n
        kinds.setdefault(kind, {s: 0 for s in Status.values})[status] += n
    units = (
        access.units(user, Action.VIEW)
        .filter(region_id__in=subtree)
        .order_by("region__path", "name")
    )
    table = [
        {
            "unit": u,
            "counts": [rows[u.pk][s] for s in Status.values],
            "total": sum(rows[u.pk].values()),
        }
        for u in units
    ]
    chart = {
        "categories": [label for _, label in KIND_CHOICES],
        "series": [
            {
                "name": label,
                "type": "bar",
                "stack": "all",
                "data": [kinds[k][status] for k, _ in KIND_CHOICES],
            }
            for status, label in Status.choices
        ],
    }
    return {
        "table": table,
        "statuses": Status.choices,
        "chart_json": json.dumps(chart, ensure_ascii=False),
        "years": sorted(years, reverse=True),
        "totals": [sum(r["counts"][i] for r in table) for i in range(len(Status.values))],
    }


class RegionDetailView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        region = access.regions(request.user).filter(pk=pk).first()
        if region is None:
            raise access.NotVisible("找不到该地区，或您无权查看。")
        year_text = request.GET.get("year", "")
        year = int(year_text) if year_text.isdigit() else None
        children = access.regions(request.user).filter(parent=region).order_by("name")
        context = {
            "region": region,
            "ancestors": region.ancestors(),
            "children": children,
            "year": year,
            **status_table(request.user, region, year),
        }
        return render(request, "organisations/region_detail.html", context)


class UnitDetailView(ObjectMixin, View):
    queryset = Unit.objects.select_related("region")

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        unit = self.get_object()
        records = (
            access.restrict(StoredRecord.objects.all(), request.user, Action.VIEW)
            .filter(
                unit=unit,
                deleted_at__isnull=True,
            )
            .order_by("-year", "kind", "project")
        )
        context = {
            "unit": unit,
            "page": paginate(request, records),
            "can_create": access.grants_for(request.user).covers(Action.CREATE, unit),
        }
        return render(request, "organisations/unit_detail.html", context)


class RegionPolicyView(LoginRequiredMixin, View):
    """管理员：一个地区（可按年度）的检查政策设置，及本地区现在适用的设置。"""

    def _region(self, request: HttpRequest, pk: int) -> Region:
        if not access.grants_for(request.user).is_admin:
            raise access.Forbidden("只有管理员可以修改地区政策设置。")
        region = Region.objects.filter(pk=pk).first()
        if region is None:
            raise access.NotVisible("找不到该地区。")
        return region

    def _render(
        self, request: HttpRequest, region: Region, form: RegionPolicyForm, status: int = 200
    ) -> HttpResponse:
        own = list(region.policies.order_by(F("year").asc(nulls_first=True)))
        inherited = [
            (ancestor, list(ancestor.policies.order_by(F("year").asc(nulls_first=True))))
            for ancestor in reversed(region.ancestors())
        ]
        current = effective_policy(region, None)
        context = {
            "region": region,
            "form": form,
            "editing": form.instance.pk is not None,
            "own": own,
            "inherited": [(a, rows) for a, rows in inherited if rows],
            "current": current,
            "current_json": json.dumps(
                current.settings.model_dump(mode="json"), ensure_ascii=False, indent=2
            ),
        }
        return render(request, "organisations/region_policy.html", context, status=status)

    def _instance(self, region: Region, policy_pk: int | None) -> RegionPolicy:
        if policy_pk is None:
            return RegionPolicy(region=region)
        policy = region.policies.filter(pk=policy_pk).first()
        if policy is None:
            raise access.NotVisible("找不到该政策设置。")
        return policy

    def get(self, request: HttpRequest, pk: int, policy_pk: int | None = None) -> HttpResponse:
        region = self._region(request, pk)
        return self._render(
            request, region, RegionPolicyForm(instance=self._instance(region, policy_pk))
        )

    def post(self, request: HttpRequest, pk: int, policy_pk: int | None = None) -> HttpResponse:
        region = self._region(request, pk)
        form = RegionPolicyForm(request.POST, instance=self._instance(region, policy_pk))
        if not form.is_valid():
            messages.error(request, "政策设置未保存，请更正标出的项。")
            return self._render(request, region, form, status=422)
        policy = form.save()
        messages.success(request, f"已保存{region.name}的政策设置（{policy}）。")
        return redirect("region_policy", pk=region.pk)


class RegionPolicyDeleteView(LoginRequiredMixin, View):
    def post(self, request: HttpRequest, pk: int, policy_pk: int) -> HttpResponse:
        if not access.grants_for(request.user).is_admin:
            raise access.Forbidden("只有管理员可以修改地区政策设置。")
        policy = RegionPolicy.objects.filter(pk=policy_pk, region_id=pk).first()
        if policy is None:
            raise access.NotVisible("找不到该政策设置。")
        policy.delete()
        messages.success(request, f"已删除政策设置（{policy}）；该地区改用上级或全国默认设置。")
        return redirect("region_policy", pk=pk)
