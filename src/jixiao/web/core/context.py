"""Template context every page gets: the navigation the user's roles open."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from django.http import HttpRequest
from django.urls import get_script_prefix, reverse

from jixiao.web.core import access
from jixiao.web.core.access import Action

NAV_URLS = (
    "home",
    "record_list",
    "region_list",
    "record_new",
    "import_upload",
    "record_trash",
    "changelog",
    "admin:index",
    "token_list",
    "logout",
    "login",
)


@lru_cache(maxsize=8)
def _urls(prefix: str) -> dict[str, str]:
    return {name.replace(":", "_"): reverse(name) for name in NAV_URLS}


def navigation(request: HttpRequest) -> dict[str, Any]:
    """``urls`` (the layout's links, reversed once per process) and ``nav`` (what the user's roles
    open)."""
    urls = _urls(get_script_prefix())
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"urls": urls}
    grants = access.grants_for(user)
    return {
        "urls": urls,
        "nav": {
            "can_create": grants.any(Action.CREATE),
            "can_import": grants.any(Action.IMPORT),
            "can_review": grants.any(Action.APPROVE),
            "is_admin": grants.is_admin,
        },
    }
