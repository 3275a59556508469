"""The JSON API (django-ninja) under ``/api/``; OpenAPI at ``/api/openapi.json``.

Authentication: ``Authorization: Bearer <token>`` (``POST /api/token``) or the browser
session. Every endpoint fetches objects through the permission layer; its refusals map to
404 (not visible), 403 (role) and 409 (state, stale version). Numbers in records keep their
printed precision both ways (``50.10`` stays ``50.10``).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError
from ninja.security import HttpBearer, django_auth

from jixiao.web.accounts.models import ApiToken, hash_token
from jixiao.web.api_json import RecordJSONParser, RecordJSONRenderer
from jixiao.web.core import changelog
from jixiao.web.core.access import AccessError


class TokenAuth(HttpBearer):
    """``Authorization: Bearer jx_…``; revoked tokens are refused."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        row = (
            ApiToken.objects.select_related("user")
            .filter(key_hash=hash_token(token), revoked_at__isnull=True, user__is_active=True)
            .first()
        )
        if row is None:
            return None
        now = timezone.now()
        if row.last_used_at is None or (now - row.last_used_at).total_seconds() > 60:
            ApiToken.objects.filter(pk=row.pk).update(last_used_at=now)
        request.user = row.user
        request.api_token = row  # type: ignore[attr-defined]
        changelog.set_request_user(row.user)
        return row.user


api = NinjaAPI(
    title="jixiao 绩效 API",
    version="1",
    description="社会保险基金预算绩效记录的接口。记录采用记录格式 v1 (docs/record-schema.json)。",
    auth=[TokenAuth(), django_auth],
    renderer=RecordJSONRenderer(),
    parser=RecordJSONParser(),
    urls_namespace="api",
)


@api.exception_handler(AccessError)
def _access_error(request: HttpRequest, exc: AccessError) -> HttpResponse:
    return api.create_response(request, {"detail": exc.message}, status=exc.status)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return api.create_response(
        request, {"detail": "需要登录：请提供有效的令牌 (Authorization: Bearer …)。"}, status=401
    )


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    return api.create_response(
        request, {"detail": "请求参数不正确。", "errors": exc.errors}, status=422
    )


def _mount() -> None:
    from jixiao.web.accounts.api import router as accounts_router
    from jixiao.web.imports.api import router as imports_router
    from jixiao.web.organisations.api import router as organisations_router
    from jixiao.web.records.api import router as records_router

    api.add_router("/", accounts_router)
    api.add_router("/", organisations_router)
    api.add_router("/records", records_router)
    api.add_router("/import", imports_router)


_mount()
