"""Generic views every app builds on (all object access goes through the permission layer),
the home page ("my work") and the change log."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.db import models
from django.db.models.functions import RowNumber
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import View

from jixiao.records import KIND_LABELS
from jixiao.web.core import access
from jixiao.web.core.access import Action
from jixiao.web.core.models import ObjectChange
from jixiao.web.organisations.models import Region, Unit
from jixiao.web.records.models import Status, StoredRecord

PAGE_SIZE = 50


class ObjectMixin(LoginRequiredMixin):
    """Fetches ``self.kwargs['pk']`` from ``queryset`` for ``action`` through the layer."""

    queryset: ClassVar[models.QuerySet[Any]]
    action: ClassVar[Action] = Action.VIEW
    request: HttpRequest
    kwargs: dict[str, Any]

    def get_object(self, action: Action | None = None) -> Any:
        return access.get_object(
            self.request.user, action or self.action, self.queryset.all(), pk=self.kwargs["pk"]
        )


def paginate(request: HttpRequest, queryset: models.QuerySet[Any], size: int = PAGE_SIZE) -> Any:
    paginator = Paginator(queryset, size)
    return paginator.get_page(request.GET.get("page"))


@dataclass(frozen=True)
class WorkSection:
    """One list of the home page: the records in ``status`` open to the user's ``action``."""

    title: str
    status: str
    action: Action


WORK_SECTIONS = (
    WorkSection("待填报（草稿）", Status.DRAFT, Action.CHANGE),
    WorkSection("被退回", Status.RETURNED, Action.CHANGE),
    WorkSection("已提交，等待审核", Status.SUBMITTED, Action.SUBMIT),
    WorkSection("待审核", Status.SUBMITTED, Action.APPROVE),
)
WORK_LIST_SIZE = 8


def _scopes(grants: access.Grants, sections: list[WorkSection]) -> list[list[WorkSection]]:
    """The sections grouped by the records they may see (an editor's 修改 and 提交 cover the
    same units: one group)."""
    scopes: list[tuple[models.Q, list[WorkSection]]] = []
    for section in sections:
        scope = grants.unit_q(section.action, "unit__", "region")
        for known, members in scopes:
            if known == scope:
                members.append(section)
                break
        else:
            scopes.append((scope, [section]))
    return [members for _, members in scopes]


def _ranked_lists(
    user: Any, members: list[WorkSection]
) -> tuple[dict[str, int], dict[str, list[WorkItem]]]:
    """Counts and newest lines of several statuses in one query: each record with its rank among
    the records of its status and that status's count (window functions)."""
    by_status = {
        "rank": models.Window(
            RowNumber(),
            partition_by=[models.F("status")],
            order_by=models.F("updated_at").desc(),
        ),
        "n": models.Window(models.Count("pk"), partition_by=[models.F("status")]),
    }
    rows = (
        access.restrict(
            StoredRecord.objects.filter(deleted_at__isnull=True), user, members[0].action
        )
        .filter(status__in={s.status for s in members})
        .annotate(**by_status)
        .filter(rank__lte=WORK_LIST_SIZE)
        .order_by("status", "rank")
        .values_list("status", "n", *WorkItem.FIELDS)
    )
    counts: dict[str, int] = {}
    items: dict[str, list[WorkItem]] = {}
    for status, count, *fields in rows:
        counts[status] = count
        items.setdefault(status, []).append(WorkItem(*fields))
    return counts, items


def _counted_lists(
    user: Any, members: list[WorkSection]
) -> tuple[dict[str, int], dict[str, list[WorkItem]]]:
    """Counts in one grouped query and a short list per status (for administrators, whose
    scope is every record: ranking them all would cost more than one query per list)."""
    live = access.restrict(
        StoredRecord.objects.filter(deleted_at__isnull=True), user, members[0].action
    )
    counts = dict(
        live.filter(status__in={s.status for s in members})
        .values_list("status")
        .annotate(n=models.Count("pk"))
        .order_by()
    )
    items = {
        s.status: [
            WorkItem(*row)
            for row in live.filter(status=s.status)
            .order_by("-updated_at")
            .values_list(*WorkItem.FIELDS)[:WORK_LIST_SIZE]
        ]
        for s in members
        if counts.get(s.status)
    }
    return counts, items


def work_sections(user: Any) -> list[dict[str, Any]]:
    """The home page's lists with their counts: for each group of sections that see the same
    records, one query (counts and newest lines by window functions; administrators: a grouped
    count and a short query per list)."""
    grants = access.grants_for(user)
    sections = [s for s in WORK_SECTIONS if grants.any(s.action)]
    found: dict[tuple[Action, str], tuple[int, list[WorkItem]]] = {}
    for members in _scopes(grants, sections):
        reader = _counted_lists if grants.is_admin else _ranked_lists
        counts, items = reader(user, members)
        for section in members:
            found[(section.action, section.status)] = (
                counts.get(section.status, 0),
                items.get(section.status, []),
            )
    return [
        {
            "title": section.title,
            "status": section.status,
            "action": section.action.value,
            "count": found[(section.action, section.status)][0],
            "items": found[(section.action, section.status)][1],
        }
        for section in sections
    ]


@dataclass(frozen=True)
class WorkItem:
    """One line of a home page list (read as plain values: the lists are on every home page)."""

    FIELDS: ClassVar[tuple[str, ...]] = (
        "pk",
        "kind",
        "project",
        "title",
        "error_count",
        "warning_count",
        "unit__name",
    )

    pk: int
    kind: str
    project: str
    title: str
    error_count: int
    warning_count: int
    unit_name: str

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def display_name(self) -> str:
        return self.project or self.title or self.kind_label


def _home_regions(user: Any, units: list[Unit], grants: access.Grants) -> list[Region]:
    """The regions listed on the home page. An editor's are those of their units (no query when
    the units are all listed); others see their region subtrees."""
    if not grants.any(Action.VIEW):
        return []
    only_units = not grants.is_admin and not grants.region_ids
    if (
        only_units
        and len(units) < HOME_UNITS
        and grants.unit_ids.get(Action.VIEW) == frozenset(u.pk for u in units)
    ):
        by_id = {u.region.pk: u.region for u in units}
        return sorted(by_id.values(), key=lambda r: r.path)[:HOME_REGIONS]
    return list(access.regions(user).order_by("path")[:HOME_REGIONS])


HOME_UNITS = 20
HOME_REGIONS = 12


class HomeView(LoginRequiredMixin, View):
    """我的工作: records to fill, returned, to review, with counts."""

    def get(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        grants = access.grants_for(user)
        units = list(
            access.units(user, Action.CHANGE).order_by("region__path", "name")[:HOME_UNITS]
        )
        return render(
            request,
            "core/home.html",
            {
                "sections": work_sections(user),
                "units": units,
                "regions": _home_regions(user, units, grants),
                "grants": grants,
            },
        )


class ChangeLogView(LoginRequiredMixin, View):
    """The change log (administrators)."""

    def get(self, request: HttpRequest) -> HttpResponse:
        if not access.grants_for(request.user).is_admin:
            raise access.Forbidden("只有管理员可以查看变更日志。")
        page = paginate(request, ObjectChange.objects.select_related("content_type", "user"))
        return render(request, "core/changelog.html", {"page": page})
