from __future__ import annotations

from django.urls import path

from jixiao.web.organisations import views

urlpatterns = [
    path("regions/", views.RegionListView.as_view(), name="region_list"),
    path("regions/<int:pk>/", views.RegionDetailView.as_view(), name="region_detail"),
    path("regions/<int:pk>/policy/", views.RegionPolicyView.as_view(), name="region_policy"),
    path(
        "regions/<int:pk>/policy/<int:policy_pk>/",
        views.RegionPolicyView.as_view(),
        name="region_policy_edit",
    ),
    path(
        "regions/<int:pk>/policy/<int:policy_pk>/delete/",
        views.RegionPolicyDeleteView.as_view(),
        name="region_policy_delete",
    ),
    path("units/<int:pk>/", views.UnitDetailView.as_view(), name="unit_detail"),
]
