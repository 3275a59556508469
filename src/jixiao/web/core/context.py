"""Template context every page gets: the navigation the user's roles open."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from jixiao.web.core import access
from jixiao.web.core.access import Action


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    grants = access.grants_for(user)
    return {
        "nav": {
            "can_create": grants.any(Action.CREATE),
            "can_import": grants.any(Action.IMPORT),
            "can_review": grants.any(Action.APPROVE),
            "is_admin": grants.is_admin,
        }
    }
