"""Password authentication that refuses throttled usernames and records failures."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from jixiao.web.accounts import throttle


class ThrottledModelBackend(ModelBackend):
    """Django's model backend behind the login throttle."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> Any:
        if username is None:
            return None
        if throttle.is_blocked(username, request):
            raise PermissionDenied(throttle.BLOCKED_MESSAGE)
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None:
            throttle.record_failure(username, request)
        else:
            throttle.clear(username, request)
        return user
