"""Template helpers: status and findings badges, dict lookup, numbers as printed."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()


@register.filter
def get_item(mapping: Any, key: Any) -> Any:
    if isinstance(mapping, dict):
        return mapping.get(key)
    return None


@register.simple_tag
def findings_badge(stored: Any) -> SafeString:
    """错误/警告 counts of a stored record."""
    errors, warnings = stored.error_count, stored.warning_count
    if errors:
        return format_html('<span class="sev sev-error" title="错误">{} 错误</span>', errors)
    if warnings:
        return format_html('<span class="sev sev-warning" title="警告">{} 警告</span>', warnings)
    return format_html('<span class="sev sev-ok">{}</span>', "无错误")


@register.simple_tag
def status_badge(stored: Any) -> SafeString:
    return format_html(
        '<span class="status status-{}">{}</span>', stored.status, stored.get_status_display()
    )


@register.filter
def num(value: Any) -> str:
    """A number as printed (decimals keep their places); blank for ``None``."""
    if value is None or value == "":
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


@register.filter
def get_index(items: Any, index: int) -> Any:
    try:
        return items[index]
    except (IndexError, TypeError, KeyError):
        return None


@register.filter
def column_of(path: str) -> str:
    """``indicators[3].target`` → ``target``."""
    return path.rsplit(".", 1)[-1]
