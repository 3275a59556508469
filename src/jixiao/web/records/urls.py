from __future__ import annotations

from django.urls import path

from jixiao.web.core.access import Action
from jixiao.web.records import views

urlpatterns = [
    path("", views.RecordListView.as_view(), name="record_list"),
    path("trash/", views.TrashView.as_view(), name="record_trash"),
    path("new/", views.RecordCreateView.as_view(), name="record_new"),
    path("compute/", views.ComputeView.as_view(), name="record_compute"),
    path("<int:pk>/", views.RecordDetailView.as_view(), name="record_detail"),
    path("<int:pk>/edit/", views.RecordEditView.as_view(), name="record_edit"),
    path("<int:pk>/overwrite/", views.RecordOverwriteView.as_view(), name="record_overwrite"),
    path("<int:pk>/submit/", views.SubmitView.as_view(), name="record_submit"),
    path(
        "<int:pk>/approve/",
        views.TransitionView.as_view(transition=Action.APPROVE),
        name="record_approve",
    ),
    path(
        "<int:pk>/return/",
        views.TransitionView.as_view(transition=Action.RETURN),
        name="record_return",
    ),
    path(
        "<int:pk>/reopen/",
        views.TransitionView.as_view(transition=Action.REOPEN),
        name="record_reopen",
    ),
    path("<int:pk>/delete/", views.DeleteView.as_view(), name="record_delete"),
    path("<int:pk>/undelete/", views.UndeleteView.as_view(), name="record_undelete"),
    path("<int:pk>/history/", views.HistoryView.as_view(), name="record_history"),
    path("<int:pk>/versions/<int:number>/", views.VersionView.as_view(), name="record_version"),
    path("<int:pk>/download.json", views.DownloadView.as_view(), name="record_download"),
    path(
        "<int:pk>/versions/<int:number>/download.json",
        views.DownloadView.as_view(),
        name="record_version_download",
    ),
]
