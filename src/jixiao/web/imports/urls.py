from __future__ import annotations

from django.urls import path

from jixiao.web.imports import views

urlpatterns = [
    path("", views.UploadView.as_view(), name="import_upload"),
    path("<int:pk>/", views.PreviewView.as_view(), name="import_preview"),
]
