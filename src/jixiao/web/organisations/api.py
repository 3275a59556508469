"""Regions and units visible to the caller."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from jixiao.web.core import access
from jixiao.web.core.access import Action

router = Router(tags=["组织机构"])


class RegionOut(Schema):
    id: int
    name: str
    level: str
    parent_id: int | None


class UnitOut(Schema):
    id: int
    name: str
    kind: str
    region_id: int
    region: str


@router.get("/regions", response=list[RegionOut])
def list_regions(request: HttpRequest) -> Any:
    """可查看的地区。"""
    return list(access.regions(request.user).order_by("path"))


@router.get("/units", response=list[UnitOut])
def list_units(request: HttpRequest, action: Action = Action.VIEW) -> Any:
    """可执行某操作（默认查看）的单位。"""
    return [
        {
            "id": u.pk,
            "name": u.name,
            "kind": u.kind,
            "region_id": u.region_id,
            "region": u.region.name,
        }
        for u in access.units(request.user, action).order_by("region__path", "name")
    ]
