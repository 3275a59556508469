from __future__ import annotations

from django.urls import path

from jixiao.web.organisations import views

urlpatterns = [
    path("regions/", views.RegionListView.as_view(), name="region_list"),
    path("regions/<int:pk>/", views.RegionDetailView.as_view(), name="region_detail"),
    path("units/<int:pk>/", views.UnitDetailView.as_view(), name="unit_detail"),
]
