"""URL map: pages per app, the API under /api/, Django admin under /admin/."""

from __future__ import annotations

from django.conf import settings
from django.contrib import admin
from django.contrib.staticfiles import views as static_views
from django.urls import include, path, re_path

from jixiao.web.api import api

admin.site.site_header = "jixiao 绩效 管理后台"
admin.site.site_title = "jixiao 管理后台"
admin.site.index_title = "系统管理"

urlpatterns = [
    path("", include("jixiao.web.core.urls")),
    path("", include("jixiao.web.accounts.urls")),
    path("", include("jixiao.web.organisations.urls")),
    path("records/", include("jixiao.web.records.urls")),
    path("import/", include("jixiao.web.imports.urls")),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
]

if settings.JIXIAO_SERVE_STATIC:
    urlpatterns.append(re_path(r"^static/(?P<path>.*)$", static_views.serve, {"insecure": True}))
