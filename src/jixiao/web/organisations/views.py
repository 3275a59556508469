"""Region tree, a region's status page (every unit's records by status) and a unit's page."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import View

from jixiao.web.core import access
from jixiao.web.core.access import Action
from jixiao.web.core.views import ObjectMixin, paginate
from jixiao.web.organisations.models import Region, Unit
from jixiao.web.records.models import KIND_CHOICES, Status, StoredRecord


class RegionListView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest) -> HttpResponse:
        regions = access.regions(request.user).order_by("path").annotate(unit_count=Count("units"))
        return render(request, "organisations/region_list.html", {"regions": regions})


def status_table(user: Any, region: Region, year: int | None) -> dict[str, Any]:
    """Counts of the visible records in the region's subtree, by unit and by status."""
    records = access.restrict(StoredRecord.objects.all(), user, Action.VIEW).filter(
        region__path__startswith=region.path,
        deleted_at__isnull=True,
    )
    if year is not None:
        records = records.filter(year=year)
    rows: dict[int, dict[str, int]] = defaultdict(lambda: {s: 0 for s in Status.values})
    for entry in records.values("unit_id", "status").annotate(n=Count("pk")):
        rows[entry["unit_id"]][entry["status"]] = entry["n"]
    units = (
        access.units(user, Action.VIEW)
        .filter(region__path__startswith=region.path)
        .order_by(
            "region__path",
            "name",
        )
    )
    table = [
        {
            "unit": u,
            "counts": [rows[u.pk][s] for s in Status.values],
            "total": sum(rows[u.pk].values()),
        }
        for u in units
    ]
    kinds = {k: {s: 0 for s in Status.values} for k, _ in KIND_CHOICES}
    for entry in records.values("kind", "status").annotate(n=Count("pk")):
        kinds[entry["kind"]][entry["status"]] = entry["n"]
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
    years = sorted(
        {y for y in records.values_list("year", flat=True).distinct() if y is not None},
        reverse=True,
    )
    return {
        "table": table,
        "statuses": Status.choices,
        "chart_json": json.dumps(chart, ensure_ascii=False),
        "years": years,
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
