"""Generic views every app builds on (all object access goes through the permission layer),
the home page ("my work") and the change log."""

from __future__ import annotations

from typing import Any, ClassVar

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import View

from jixiao.web.core import access
from jixiao.web.core.access import Action
from jixiao.web.core.models import ObjectChange
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


def _work_list(user: Any, action: Action, statuses: list[str], limit: int = 8) -> dict[str, Any]:
    queryset = (
        access.restrict(StoredRecord.objects.all(), user, action)
        .filter(status__in=statuses, deleted_at__isnull=True)
        .select_related("unit")
        .order_by("-updated_at")
    )
    return {"count": queryset.count(), "items": list(queryset[:limit])}


class HomeView(LoginRequiredMixin, View):
    """我的工作: records to fill, returned, to review, with counts."""

    def get(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        grants = access.grants_for(user)
        sections = []
        if grants.any(Action.CHANGE):
            sections.append(
                {
                    "title": "待填报（草稿）",
                    "status": Status.DRAFT,
                    "action": "change",
                    **_work_list(user, Action.CHANGE, [Status.DRAFT]),
                }
            )
            sections.append(
                {
                    "title": "被退回",
                    "status": Status.RETURNED,
                    "action": "change",
                    **_work_list(user, Action.CHANGE, [Status.RETURNED]),
                }
            )
            sections.append(
                {
                    "title": "已提交，等待审核",
                    "status": Status.SUBMITTED,
                    "action": "submit",
                    **_work_list(user, Action.SUBMIT, [Status.SUBMITTED]),
                }
            )
        if grants.any(Action.APPROVE):
            sections.append(
                {
                    "title": "待审核",
                    "status": Status.SUBMITTED,
                    "action": "approve",
                    **_work_list(user, Action.APPROVE, [Status.SUBMITTED]),
                }
            )
        units = list(access.units(user, Action.CHANGE).order_by("region__path", "name")[:20])
        regions = (
            list(access.regions(user).order_by("path")[:12]) if grants.any(Action.VIEW) else []
        )
        return render(
            request,
            "core/home.html",
            {
                "sections": sections,
                "units": units,
                "regions": regions,
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
