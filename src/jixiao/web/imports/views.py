"""Import pages: upload documents, preview records with findings and units, save as drafts."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views import View

from jixiao.web.core import access
from jixiao.web.core.access import Action
from jixiao.web.imports import service
from jixiao.web.imports.models import ImportBatch
from jixiao.web.records import layout


class UploadView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest) -> HttpResponse:
        access.require_any(request.user, Action.IMPORT)
        return render(request, "imports/upload.html", {})

    def post(self, request: HttpRequest) -> HttpResponse:
        access.require_any(request.user, Action.IMPORT)
        files = request.FILES.getlist("files")
        if not files:
            messages.error(request, "请选择要导入的文件。")
            return render(request, "imports/upload.html", {}, status=422)
        batch = service.read_files(
            request.user, ((f.name or "upload.txt", f.read()) for f in files)
        )
        return redirect("import_preview", pk=batch.pk)


class PreviewView(LoginRequiredMixin, View):
    def _batch(self, request: HttpRequest, pk: int) -> ImportBatch:
        return access.get_owned(request.user, ImportBatch.objects.all(), pk=pk)

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        batch = self._batch(request, pk)
        return self._render(request, batch, [])

    def _render(
        self, request: HttpRequest, batch: ImportBatch, problems: list[str], status: int = 200
    ) -> HttpResponse:
        results = service.preview(request.user, batch)
        for result in results:
            for item in result.records:
                for finding in item.findings:
                    finding["label"] = layout.field_label(finding.get("field") or "", item.record)
        units = access.units(request.user, Action.IMPORT).order_by("region__path", "name")
        return render(
            request,
            "imports/preview.html",
            {
                "batch": batch,
                "results": results,
                "units": units,
                "problems": problems,
                "count": sum(len(r.records) for r in results),
            },
            status=status,
        )

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        batch = self._batch(request, pk)
        selected = request.POST.getlist("include")
        choices = {
            key.removeprefix("unit:"): int(value)
            for key, value in request.POST.items()
            if key.startswith("unit:") and value.isdigit()
        }
        try:
            saved = service.save(request.user, batch, choices, selected)
        except service.UnitMissing as exc:
            return self._render(request, batch, exc.problems, status=422)
        messages.success(request, f"已保存 {len(saved)} 条记录为草稿。")
        if len(saved) == 1:
            return redirect("record_detail", pk=saved[0].pk)
        return redirect("home")
