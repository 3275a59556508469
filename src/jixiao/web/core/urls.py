from __future__ import annotations

from django.urls import path

from jixiao.web.core import views

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("changes/", views.ChangeLogView.as_view(), name="changelog"),
]
