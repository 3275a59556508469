from __future__ import annotations

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Login (throttled) and API tokens."""

    name = "jixiao.web.accounts"
    label = "accounts"
    verbose_name = "账户"
