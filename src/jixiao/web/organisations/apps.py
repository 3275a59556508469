from __future__ import annotations

from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    """Regions, units and who may do what where."""

    name = "jixiao.web.organisations"
    label = "organisations"
    verbose_name = "组织机构"
