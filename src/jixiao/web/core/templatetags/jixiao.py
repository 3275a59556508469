"""Template helpers: status and findings badges, dict lookup, numbers as printed."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template
from django.utils.html import format_html, format_html_join, linebreaks
from django.utils.safestring import SafeString, mark_safe

from jixiao.records.report import PARAGRAPH_BREAK, table_rows

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


@register.filter
def report_text(text: str | None) -> SafeString:
    """A report's ``text`` as HTML: a ``<p>`` per paragraph, and a table printed in the
    report (a tab between cells, :func:`jixiao.records.report.table_rows`) as a table."""
    blocks: list[str] = []
    for paragraph in (text or "").split(PARAGRAPH_BREAK):
        rows = table_rows(paragraph)
        if rows is None:
            blocks.append(linebreaks(paragraph, autoescape=True))
            continue
        body = format_html_join(
            "",
            "<tr>{}</tr>",
            ((format_html_join("", "<td>{}</td>", ((c,) for c in r)),) for r in rows),
        )
        blocks.append(format_html('<table class="list compact report-table">{}</table>', body))
    return mark_safe("\n".join(blocks))  # every block is escaped above
