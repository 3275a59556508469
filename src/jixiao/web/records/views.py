"""Record pages: list, detail, the five forms (with live computed fields and findings),
review actions, history, versions, restore, delete and download.

Every object is fetched through the permission layer (``ObjectMixin.get_object``) for the
action the page performs; the services in ``store``/``workflow`` check it again through the
same layer before they write.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.views import View

from jixiao.records import Fund, Record, dumps, loads, parse_record
from jixiao.web.core import access
from jixiao.web.core.access import Action
from jixiao.web.core.views import ObjectMixin, paginate
from jixiao.web.organisations.models import Region, Unit
from jixiao.web.organisations.policy import Policy
from jixiao.web.records import carry, checks, layout, store, workflow
from jixiao.web.records.diff import record_changes
from jixiao.web.records.filtersets import RecordFilterSet
from jixiao.web.records.models import (
    FORM_KINDS,
    KIND_CHOICES,
    PROJECT_KINDS,
    RecordEvent,
    RecordVersion,
    StoredRecord,
)

RECORDS = StoredRecord.objects.select_related("unit", "region")
"""Records with what every record page shows (unit and region names)."""


def _live(
    record: Record, stored: StoredRecord | None, region: Region | None
) -> tuple[dict[str, Any], list[dict[str, Any]], Policy]:
    """Computed figures, findings and the policy they follow, for a record as edited or as
    stored (from the rules)."""
    if stored is not None and record is stored.record:
        analysis = checks.analyse_stored(stored)
    else:
        analysis = checks.analyse(record, stored, region)
    return analysis.computed, layout.label_findings(analysis.findings, record), analysis.policy


class RecordListView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest) -> HttpResponse:
        filterset = RecordFilterSet(request.GET.dict() if request.GET else None)
        queryset = filterset.filter(access.restrict(RECORDS.all(), request.user, Action.VIEW))
        queryset = queryset.filter(deleted_at__isnull=True).order_by("-updated_at", "-pk")
        return render(
            request,
            "records/record_list.html",
            {"filter": filterset.form, "page": paginate(request, queryset)},
        )


class TrashView(LoginRequiredMixin, View):
    """Deleted records (administrators), each can be restored."""

    def get(self, request: HttpRequest) -> HttpResponse:
        queryset = access.restrict(RECORDS.all(), request.user, Action.UNDELETE).filter(
            deleted_at__isnull=False
        )
        return render(
            request,
            "records/trash.html",
            {"page": paginate(request, queryset.order_by("-deleted_at"))},
        )


class RecordDetailView(ObjectMixin, View):
    queryset = RECORDS.select_related("updated_by")

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        stored = self.get_object()
        record = stored.record
        analysis = checks.analyse_stored(stored)
        body = analysis.memo.get("detail_body")
        if body is None:  # once per analysed version and process
            findings = layout.label_findings(analysis.findings, record)
            view = layout.form_view(record, analysis.computed, findings, loads(stored.data))
            body = render_to_string(
                "records/_detail_body.html",
                {"record": record, "view": view, "findings": findings, "policy": analysis.policy},
            )
            analysis.memo["detail_body"] = body
        last_comment = (
            stored.events.filter(kind__in=[RecordEvent.Kind.RETURNED, RecordEvent.Kind.REOPENED])
            .select_related("user")
            .first()
            if stored.status == "returned"
            else None
        )
        return render(
            request,
            "records/record_detail.html",
            {
                "stored": stored,
                "body": body,  # SafeString from the template engine
                "allowed": {a.value for a in access.allowed_actions(request.user, stored)},
                "last_comment": last_comment,
            },
        )


def _refused_form(
    kind: str, exc: layout.FormErrors, record: Record | None = None
) -> tuple[layout.FormView, list[dict[str, Any]], list[tuple[str, str]]]:
    """The form as the user typed it, each refused value's message beside its cell: the view,
    the messages as findings and as (label, message) pairs."""
    findings = layout.error_findings(exc.errors, kind, exc.typed)
    view = layout.form_view(record or layout.empty_record(kind), {}, findings, exc.typed)
    return view, findings, [(f["label"] or "记录", f["message"]) for f in findings]


class RecordFormMixin:
    """Renders a record form for a kind, with the live panel filled for the initial values, or,
    after a refused save, the form as typed with each bad value's message beside its cell."""

    request: HttpRequest

    def render_form(
        self,
        record: Record,
        stored: StoredRecord | None,
        unit: Unit | None,
        refused: layout.FormErrors | None = None,
        status: int = 200,
        extra: dict[str, Any] | None = None,
    ) -> HttpResponse:
        form_errors: list[tuple[str, str]] = []
        policy: Policy | None = None
        if refused is not None:
            view, findings, form_errors = _refused_form(record.kind, refused, record)
        else:
            computed, findings, policy = _live(
                record, stored, unit.region if unit is not None else None
            )
            view = layout.form_view(record, computed, findings)
        base = self.request.POST.get("_version", "") if refused is not None else ""
        context = {
            "stored": stored,
            "unit": unit,
            "record": record,
            "view": view,
            "findings": findings,
            "form_errors": form_errors,
            "base_version": int(base) if base.isdigit() else stored.version if stored else None,
            "tree": layout.STANDARD_TREE,
            "level2_names": sorted({n for names in layout.STANDARD_TREE.values() for n in names}),
            "money_units": layout.MONEY_UNITS,
            "funds": [(f.value, f.label) for f in Fund],
            "cells_json": layout.cells_json(view),
            "policy": policy,
            **(extra or {}),
        }
        return render(self.request, "records/record_form.html", context, status=status)


class RecordCreateView(LoginRequiredMixin, RecordFormMixin, View):
    """New record: choose kind and unit (and what to start from), then fill the form."""

    def _choices(self, request: HttpRequest) -> dict[str, Any]:
        units = access.units(request.user, Action.CREATE).order_by("region__path", "name")
        targets = (
            access.restrict(RECORDS.all(), request.user, Action.VIEW)
            .filter(
                kind="target",
                deleted_at__isnull=True,
                unit__in=units,
            )
            .order_by("-year", "project")[:200]
        )
        return {
            "units": units,
            "targets": targets,
            "kinds": [(k, label) for k, label in KIND_CHOICES if k in FORM_KINDS],
        }

    def get(self, request: HttpRequest) -> HttpResponse:
        access.require_any(request.user, Action.CREATE)
        kind = request.GET.get("kind", "")
        unit = self._unit(request)
        if kind not in FORM_KINDS or unit is None:
            return render(
                request,
                "records/record_new.html",
                {**self._choices(request), "kind": kind, "unit_id": request.GET.get("unit", "")},
            )
        source_id = request.GET.get("from", "")
        if source_id.isdigit() and kind in PROJECT_KINDS:
            source = access.get_object(request.user, Action.VIEW, RECORDS.all(), pk=int(source_id))
            record = carry.start_from(source.record, kind)
        else:  # 决算 and reports name their region, tables also their unit
            record = parse_record(
                {
                    "kind": kind,
                    "region": unit.region.name,
                    **({"unit": unit.name} if kind in PROJECT_KINDS else {}),
                }
            )
        return self.render_form(record, None, unit)

    def _unit(self, request: HttpRequest) -> Unit | None:
        unit_id = request.GET.get("unit") or request.POST.get("_unit")
        if not unit_id or not str(unit_id).isdigit():
            return None
        unit = Unit.objects.select_related("region").filter(pk=int(unit_id)).first()
        if unit is None:
            raise access.NotVisible("找不到该单位，或您无权查看。")
        access.require_unit(request.user, Action.CREATE, unit)
        return unit

    def post(self, request: HttpRequest) -> HttpResponse:
        kind = request.POST.get("_kind", "")
        unit = self._unit(request)
        if kind not in FORM_KINDS or unit is None:
            messages.error(request, "请选择表类和单位。")
            return redirect("record_new")
        try:
            record = layout.record_from_form(kind, request.POST)
        except layout.FormErrors as exc:
            messages.error(request, "有些值无法保存，请更正标出的格子。")
            return self.render_form(layout.empty_record(kind), None, unit, exc, status=422)
        stored = store.create(request.user, unit, record, note="网页新建")
        messages.success(request, "已保存为草稿（第1版）。")
        return redirect("record_detail", pk=stored.pk)


class RecordEditView(ObjectMixin, RecordFormMixin, View):
    queryset = RECORDS
    action = Action.CHANGE

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        stored = self.get_object()
        return self.render_form(stored.record, stored, stored.unit)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        stored = self.get_object()
        try:
            record = layout.record_from_form(stored.kind, request.POST)
        except layout.FormErrors as exc:
            messages.error(request, "有些值无法保存，请更正标出的格子。")
            return self.render_form(stored.record, stored, stored.unit, exc, status=422)
        base = request.POST.get("_version", "")
        if not base.isdigit():
            messages.error(request, "缺少版本号，请重新打开表单。")
            return redirect("record_edit", pk=stored.pk)
        try:
            stored = store.update(
                request.user, stored, record, int(base), note=request.POST.get("_note", "").strip()
            )
        except store.VersionConflict as exc:
            return self._conflict(stored, record, exc)
        messages.success(request, f"已保存（第{stored.version}版）。")
        return redirect("record_detail", pk=stored.pk)

    def _conflict(
        self, stored: StoredRecord, mine: Record, exc: store.VersionConflict
    ) -> HttpResponse:
        """Both versions side by side; the user chooses. Nothing is overwritten silently."""
        current = exc.stored
        theirs = parse_record(current.data)
        base = RecordVersion.objects.filter(record=current, number=exc.base_version).first()
        rows = []
        mine_changes = {c["field"]: c for c in record_changes(base.data if base else None, mine)}
        their_changes = {c["field"]: c for c in record_changes(base.data if base else None, theirs)}
        for change in record_changes(theirs, mine):
            field = change["field"]
            rows.append(
                {
                    "field": field,
                    "label": layout.field_label(field, mine),
                    "theirs": change["old"],
                    "mine": change["new"],
                    "both": field in mine_changes and field in their_changes,
                }
            )
        versions = (
            current.versions.filter(number__gt=exc.base_version)
            .select_related("author")
            .order_by("number")
        )
        return render(
            self.request,
            "records/conflict.html",
            {
                "stored": current,
                "rows": rows,
                "versions": versions,
                "base_version": exc.base_version,
                "mine_json": dumps(mine),
                "kind": current.kind,
            },
            status=409,
        )


class RecordOverwriteView(ObjectMixin, View):
    """After a conflict: save my version on top of the current one (a new version, nothing lost)."""

    queryset = RECORDS
    action = Action.CHANGE

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        stored = self.get_object()
        record = parse_record(request.POST.get("record", ""))
        base = int(request.POST.get("_version", "0") or 0)
        try:
            stored = store.update(request.user, stored, record, base, note="冲突后保存我的版本")
        except store.VersionConflict:
            messages.error(request, "记录又被他人修改了，请重新核对。")
            return redirect("record_edit", pk=stored.pk)
        messages.success(
            request, f"已保存您的版本（第{stored.version}版），他人的修改保留在历史中。"
        )
        return redirect("record_detail", pk=stored.pk)


class ComputeView(LoginRequiredMixin, View):
    """htmx: recompute figures and findings from the form as typed; returns the live panel."""

    def post(self, request: HttpRequest) -> HttpResponse:
        kind = request.POST.get("_kind", "")
        if kind not in FORM_KINDS:
            return HttpResponse(status=400)
        stored = None
        record_id = request.POST.get("_record", "")
        if record_id.isdigit():
            stored = access.get_object(request.user, Action.VIEW, RECORDS.all(), pk=int(record_id))
        unit_id = request.POST.get("_unit", "")
        unit = stored.unit if stored else None
        if unit is None and unit_id.isdigit():
            unit = access.units(request.user, Action.CREATE).filter(pk=int(unit_id)).first()
        try:
            record = layout.record_from_form(kind, request.POST)
        except layout.FormErrors as exc:
            view, findings, form_errors = _refused_form(kind, exc)
            return render(
                request,
                "records/_live.html",
                {
                    "form_errors": form_errors,
                    "findings": findings,
                    "view": view,
                    "cells_json": layout.cells_json(view),
                },
            )
        computed, findings, policy = _live(record, stored, unit.region if unit else None)
        view = layout.form_view(record, computed, findings)
        return render(
            request,
            "records/_live.html",
            {
                "view": view,
                "findings": findings,
                "record": record,
                "form_errors": {},
                "cells_json": layout.cells_json(view),
                "policy": policy,
            },
        )


class SubmitView(ObjectMixin, View):
    """Submit for review; each remaining error needs an explanation."""

    queryset = RECORDS
    action = Action.SUBMIT

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        stored = self.get_object()
        return self._render(stored, {}, [])

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        stored = self.get_object()
        explanations = {
            k.removeprefix("explain:"): v
            for k, v in request.POST.items()
            if k.startswith("explain:")
        }
        try:
            workflow.submit(request.user, stored, explanations)
        except workflow.SubmitBlocked as exc:
            messages.error(request, str(exc))
            return self._render(
                stored, explanations, [checks.finding_key(f) for f in exc.unexplained], status=422
            )
        messages.success(request, "已提交审核。")
        return redirect("record_detail", pk=stored.pk)

    def _render(
        self, stored: StoredRecord, given: dict[str, str], missing: list[str], status: int = 200
    ) -> HttpResponse:
        errors = checks.errors_of(checks.findings_for(stored))
        previous = stored.explanations or {}
        items = [
            {
                "finding": f,
                "key": checks.finding_key(f),
                "label": layout.field_label(f.get("field") or "", stored.record),
                "text": given.get(checks.finding_key(f), previous.get(checks.finding_key(f), "")),
                "missing": checks.finding_key(f) in missing,
            }
            for f in errors
        ]
        return render(
            self.request, "records/submit.html", {"stored": stored, "items": items}, status=status
        )


class TransitionView(ObjectMixin, View):
    """审核通过 / 退回 / 重新打开 (POST with ``comment``)."""

    queryset = RECORDS
    transition: Action = Action.APPROVE
    done: ClassVar[dict[Action, str]] = {
        Action.APPROVE: "已审核通过。",
        Action.RETURN: "已退回。",
        Action.REOPEN: "已重新打开，状态为退回。",
    }

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        stored = self.get_object(self.transition)
        try:
            workflow.TRANSITION_FUNCTIONS[self.transition](
                request.user, stored, request.POST.get("comment", "")
            )
        except workflow.CommentRequired as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, self.done[self.transition])
        return redirect("record_detail", pk=stored.pk)


class DeleteView(ObjectMixin, View):
    queryset = RECORDS
    action = Action.DELETE

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        stored = store.soft_delete(request.user, self.get_object(), request.POST.get("comment", ""))
        messages.success(request, f"已删除“{stored.display_name}”；管理员可在回收站撤销。")
        return redirect("home")


class UndeleteView(ObjectMixin, View):
    queryset = RECORDS
    action = Action.UNDELETE

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        stored = store.undelete(request.user, self.get_object())
        messages.success(request, "已撤销删除。")
        return redirect("record_detail", pk=stored.pk)


class HistoryView(ObjectMixin, View):
    queryset = RECORDS

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        stored = self.get_object()
        events = stored.events.select_related("user").order_by("-at", "-pk")
        versions = {v.number: v for v in stored.versions.select_related("author")}
        rows = [
            {
                "event": e,
                "version": versions.get(e.version)
                if e.kind
                in (RecordEvent.Kind.CREATED, RecordEvent.Kind.SAVED, RecordEvent.Kind.RESTORED)
                else None,
            }
            for e in events
        ]
        return render(
            request,
            "records/history.html",
            {"stored": stored, "rows": rows, "record": stored.record},
        )


class VersionView(ObjectMixin, View):
    """One version with the fields it changed; restore it as a new version."""

    queryset = RECORDS

    def _version(self, stored: StoredRecord, number: int) -> RecordVersion:
        version = stored.versions.select_related("author").filter(number=number).first()
        if version is None:
            raise access.NotVisible("没有该版本。")
        return version

    def get(self, request: HttpRequest, pk: int, number: int) -> HttpResponse:
        stored = self.get_object()
        version = self._version(stored, number)
        record = version.record_model
        changes = [dict(c, label=layout.field_label(c["field"], record)) for c in version.changes]
        view = layout.form_view(record, {}, [])
        return render(
            request,
            "records/version.html",
            {
                "stored": stored,
                "version": version,
                "changes": changes,
                "view": view,
                "record": record,
                "can_restore": access.can(request.user, Action.CHANGE, stored)
                and number != stored.version,
            },
        )

    def post(self, request: HttpRequest, pk: int, number: int) -> HttpResponse:
        stored = self.get_object(Action.CHANGE)
        self._version(stored, number)
        try:
            stored = store.restore_version(
                request.user, stored, number, int(request.POST.get("_version", "0") or 0)
            )
        except store.VersionConflict:
            messages.error(request, "记录已被他人修改，请刷新后再恢复。")
            return redirect("record_version", pk=stored.pk, number=number)
        messages.success(request, f"已将第{number}版恢复为第{stored.version}版。")
        return redirect("record_detail", pk=stored.pk)


class DownloadView(ObjectMixin, View):
    """The record (or one version) as a record-format JSON file: ``{"source", "records": [...]}``."""

    queryset = RECORDS

    def get(self, request: HttpRequest, pk: int, number: int | None = None) -> HttpResponse:
        stored = self.get_object()
        text = stored.data if number is None else VersionView()._version(stored, number).data
        suffix = f"-v{number or stored.version}"
        name = f"jixiao-record-{stored.pk}{suffix}.json"
        body = dumps({"source": name, "records": [loads(text)]}, indent=2)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
