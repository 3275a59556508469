"""API tokens: ``POST /api/token`` (username + password), list and revoke."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.auth import authenticate
from django.http import HttpRequest
from ninja import Router, Schema, Status

from jixiao.web.accounts import throttle
from jixiao.web.accounts.models import ApiToken
from jixiao.web.core import changelog

router = Router(tags=["令牌"])


class TokenIn(Schema):
    username: str
    password: str
    name: str = ""


class TokenIssued(Schema):
    token: str
    id: int
    username: str


class TokenOut(Schema):
    id: int
    name: str
    prefix: str
    created_at: datetime.datetime
    last_used_at: datetime.datetime | None
    revoked_at: datetime.datetime | None


class Detail(Schema):
    detail: str


@router.post("/token", auth=None, response={201: TokenIssued, 401: Detail, 429: Detail})
def issue_token(request: HttpRequest, body: TokenIn) -> Any:
    """用户名和密码换取令牌。令牌只在此返回一次。"""
    if throttle.is_blocked(body.username, request):
        return Status(429, {"detail": throttle.BLOCKED_MESSAGE})
    user = authenticate(request, username=body.username, password=body.password)
    if user is None:
        return Status(401, {"detail": "用户名或密码不正确。"})
    with changelog.change_context(user):
        row, token = ApiToken.issue(user, body.name or "API")
    return Status(201, {"token": token, "id": row.pk, "username": user.get_username()})


@router.delete("/token", response={204: None})
def revoke_current_token(request: HttpRequest) -> Any:
    """吊销本次请求所用的令牌。"""
    row = getattr(request, "api_token", None)
    if row is not None:
        row.revoke()
    return Status(204, None)


@router.get("/tokens", response=list[TokenOut])
def list_tokens(request: HttpRequest) -> Any:
    """本人的令牌。"""
    return list(ApiToken.objects.filter(user=request.user))


@router.delete("/tokens/{token_id}", response={204: None, 404: Detail})
def revoke_token(request: HttpRequest, token_id: int) -> Any:
    """吊销本人的一个令牌。"""
    row = ApiToken.objects.filter(user=request.user, pk=token_id).first()
    if row is None:
        return Status(404, {"detail": "找不到该令牌。"})
    row.revoke()
    return Status(204, None)
