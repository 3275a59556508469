"""Login throttling: too many failures for a username from an address blocks further tries
for a while. The authentication backend consults it, so the login page and ``POST /api/token``
share it."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from jixiao.web.accounts.models import FailedLogin


def client_address(request: HttpRequest | None) -> str:
    if request is None:
        return ""
    return str(request.META.get("REMOTE_ADDR", ""))[:64]


def _recent(username: str, address: str) -> Any:
    since = timezone.now() - timedelta(seconds=settings.JIXIAO_LOGIN_WINDOW_SECONDS)
    return FailedLogin.objects.filter(username=username.lower(), address=address, at__gte=since)


def is_blocked(username: str, request: HttpRequest | None) -> bool:
    return _recent(username, client_address(request)).count() >= settings.JIXIAO_LOGIN_MAX_FAILURES


def record_failure(username: str, request: HttpRequest | None) -> None:
    FailedLogin.objects.create(username=username.lower()[:150], address=client_address(request))


def clear(username: str, request: HttpRequest | None) -> None:
    _recent(username, client_address(request)).delete()


BLOCKED_MESSAGE = "登录失败次数过多，请稍后再试。"
