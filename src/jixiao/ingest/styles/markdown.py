"""Markdown: pipe tables (docling, marker), ``#`` headings and bold lines (MinerU).

A pipe row is split on unescaped ``|``; docling's padding is stripped, marker's
``<br>`` inside a cell becomes a line break, ``\\|`` is a literal bar. The
delimiter row (``|---|:--:|``) is dropped. docling repeats a merged cell's text
in every position it covers; that is kept as printed (identical neighbouring
values are common in these forms, so they cannot be told from a merge).
"""

from __future__ import annotations

import re

_DELIMITER = re.compile(r"\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?")
_PIPE = re.compile(r"(?<!\\)\|")
_BR = re.compile(r"<br\s*/?>", re.I)
_HEADING = re.compile(r"(#{1,6})(?:[ \t]+|(?=[^\x00-\x7f]))(.*?)(?:[ \t]+#+)?[ \t]*")
_STRONG_STARS = re.compile(r"\*\*((?:(?!\*\*).)+)\*\*", re.S)
_STRONG_UNDERSCORES = re.compile(r"__((?:(?!__).)+)__", re.S)
_STRONG_TAG = re.compile(
    r"<(b|strong)(?:\s[^<>]*)?>((?:(?!</?(?:b|strong)\b).)*)</\1\s*>", re.I | re.S
)


def is_delimiter_row(line: str) -> bool:
    """``|---|:--:|`` (the line stripped); it must contain a bar, so ``---`` alone is not one."""
    return "|" in line and "-" in line and _DELIMITER.fullmatch(line) is not None


def is_pipe_row(line: str) -> bool:
    """A stripped line that starts and ends with an unescaped ``|``."""
    return len(line) >= 2 and line[0] == "|" and line[-1] == "|" and line[-2] != "\\"


def split_pipe_row(line: str) -> list[str]:
    """The cells of a pipe row (stripped line), outer bars optional.

    >>> split_pipe_row("| 项目名称 | a\\\\|b | 第一行<br>第二行 |")
    ['项目名称', 'a|b', '第一行\\n第二行']
    """
    escaped = "\\" in line
    parts = _PIPE.split(line) if escaped else line.split("|")
    if line.startswith("|"):
        del parts[0]
    if len(parts) > 1 and line.endswith("|") and not line.endswith("\\|"):
        parts.pop()
    if not escaped and "<" not in line:
        return list(map(str.strip, parts))
    cells = []
    for part in parts:
        part = part.strip()
        if "\\|" in part:
            part = part.replace("\\|", "|")
        if "<" in part:
            part = "\n".join(p.strip() for p in _BR.split(part))
        cells.append(part)
    return cells


def unwrap_bold(text: str) -> tuple[str, bool]:
    """Text without a ``**…**`` / ``__…__`` / ``<b>…</b>`` wrapping the whole of it.

    >>> unwrap_bold("**四、居民基本医疗保险基金**")
    ('四、居民基本医疗保险基金', True)
    >>> unwrap_bold("**a** 和 **b**")
    ('**a** 和 **b**', False)
    """
    bold = False
    while True:
        text = text.strip()
        if text[:1] not in ("*", "_", "<"):
            return text, bold
        match = (
            _STRONG_STARS.fullmatch(text)
            or _STRONG_UNDERSCORES.fullmatch(text)
            or _STRONG_TAG.fullmatch(text)
        )
        if match is None:
            return text, bold
        text = match.group(match.lastindex or 1)
        bold = True


def heading(line: str) -> tuple[int, str] | None:
    """Level and text of an ATX heading (stripped line); bold markers around the text dropped.

    ``#标题`` without a space is accepted when a CJK character follows (MinerU writes it so).

    >>> heading("#### **四、居民基本医疗保险基金**")
    (4, '四、居民基本医疗保险基金')
    >>> heading("#1号") is None
    True
    """
    if not line.startswith("#"):
        return None
    match = _HEADING.fullmatch(line)
    if match is None:
        return None
    text, _ = unwrap_bold(match.group(2))
    if not text:
        return None
    return len(match.group(1)), text
