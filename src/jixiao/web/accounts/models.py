"""API tokens and the failed-login log that throttles password guessing."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

from jixiao.web.core.models import ChangeLoggedModel

TOKEN_PREFIX = "jx_"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class ApiToken(ChangeLoggedModel):
    """A bearer token. Only its SHA-256 is stored; the token is shown once when issued."""

    changelog_exclude = ("key_hash",)

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="用户",
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    name = models.CharField("名称", max_length=100, blank=True, default="")
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField("前缀", max_length=12, editable=False)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    last_used_at = models.DateTimeField("最近使用", null=True, blank=True)
    revoked_at = models.DateTimeField("吊销时间", null=True, blank=True)

    class Meta:
        ordering = ("-created_at",)
        verbose_name = "API 令牌"
        verbose_name_plural = "API 令牌"

    def __str__(self) -> str:
        return f"{self.user} {self.prefix}…"

    @classmethod
    def issue(cls, user: settings.AUTH_USER_MODEL, name: str = "") -> tuple[ApiToken, str]:
        """A new token for ``user``: (the stored row, the token text to hand out once)."""
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        row = cls.objects.create(
            user=user, name=name[:100], key_hash=hash_token(token), prefix=token[:10]
        )
        return row, token

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    def revoke(self) -> None:
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])


class FailedLogin(models.Model):
    """One failed password attempt (login page or ``POST /api/token``)."""

    username = models.CharField(max_length=150, db_index=True)
    address = models.CharField(max_length=64, blank=True, default="")
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "登录失败"
        verbose_name_plural = "登录失败"

    def __str__(self) -> str:
        return f"{self.username} {self.address} {self.at:%Y-%m-%d %H:%M}"
