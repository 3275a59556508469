from __future__ import annotations

from django.contrib import admin

from jixiao.web.organisations.models import Region, RegionPolicy, RoleAssignment, Unit


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ("name", "level", "parent")
    list_filter = ("level",)
    search_fields = ("name",)


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ("name", "region", "kind")
    list_filter = ("kind", "region")
    search_fields = ("name",)


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "unit", "region")
    list_filter = ("role",)
    search_fields = ("user__username", "unit__name", "region__name")
    autocomplete_fields = ("unit", "region")


@admin.register(RegionPolicy)
class RegionPolicyAdmin(admin.ModelAdmin):
    """Region policies; the JSON is checked against RuleSettings when saved (model ``clean``)."""

    list_display = ("region", "year", "note", "updated_at")
    list_filter = ("year",)
    search_fields = ("region__name", "note")
    autocomplete_fields = ("region",)
