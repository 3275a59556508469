"""Repairing extraction damage inside one cell's text (record-format.md, Conventions).

Line breaks and spaces the extractor put inside a cell are removed (CJK text
joins without a space; a space between two ASCII letters or digits is kept),
LaTeX is turned back into plain characters, HTML tags are dropped and ``>=``/``<=``
become ``≥``/``≤``. Nothing else is rewritten.
"""

from __future__ import annotations

import html
import re

_LATEX_SYMBOLS: dict[str, str] = {
    r"\geqslant": "≥",
    r"\leqslant": "≤",
    r"\geq": "≥",
    r"\leq": "≤",
    r"\ge": "≥",
    r"\le": "≤",
    r"\neq": "≠",
    r"\ne": "≠",
    r"\times": "×",
    r"\div": "÷",
    r"\pm": "±",
    r"\sim": "~",
    r"\cdot": "·",
    r"\%": "%",
    r"\&": "&",
    r"\$": "$",
    r"\_": "_",
    r"\#": "#",
    r"\{": "{",
    r"\}": "}",
}
_LATEX_COMMAND = re.compile(r"\\([A-Za-z]+|[%&$_#{}])")
_LATEX_WRAPPERS = re.compile(r"\\(?:text|mathrm|mathbf|textbf|rm|mbox|operatorname)\s*\{([^{}]*)\}")
_MATH = re.compile(r"\$\$(.+?)\$\$|\$(.+?)\$", re.S)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_WS = re.compile(r"\s+")
_ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")


def latex_to_text(math: str) -> str:
    """Plain characters for a LaTeX math snippet (``\\geq 99\\%`` → ``≥ 99%``)."""
    math = _LATEX_WRAPPERS.sub(r"\1", math)

    def command(match: re.Match[str]) -> str:
        token = "\\" + match.group(1)
        return _LATEX_SYMBOLS.get(token, match.group(1) if len(match.group(1)) > 1 else token)

    math = _LATEX_COMMAND.sub(command, math)
    return math.replace("{", "").replace("}", "")


def strip_markup(text: str) -> str:
    """Turn ``$…$`` LaTeX into plain characters and drop HTML tags and entities."""
    if "$" in text:
        text = _MATH.sub(lambda m: latex_to_text(m.group(1) or m.group(2)), text)
    elif "\\" in text:
        text = latex_to_text(text) if re.search(r"\\(geq|leq|ge|le|%)", text) else text
    if "<" in text:
        text = _TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    return text


def join_spaces(text: str) -> str:
    """Remove whitespace except between two ASCII letters or digits."""
    parts = _WS.split(text.strip())
    if len(parts) <= 1:
        return parts[0] if parts else ""
    out = parts[0]
    for part in parts[1:]:
        if not part:
            continue
        if out and _ASCII_ALNUM.match(out[-1]) and _ASCII_ALNUM.match(part[0]):
            out += " " + part
        else:
            out += part
    return out


def clean_cell(text: str | None) -> str:
    """A cell's text with extraction damage repaired; ``""`` for a blank cell.

    >>> clean_cell("$\\\\geq -10\\\\%$ 或 $\\\\leq 10\\\\%$")
    '≥-10%或≤10%'
    >>> clean_cell("≥ 6 个月或 ≤ 9 个月")
    '≥6个月或≤9个月'
    >>> clean_cell("<b>-10,670.54</b>")
    '-10,670.54'
    """
    if not text:
        return ""
    text = strip_markup(text)
    text = text.replace(">=", "≥").replace("<=", "≤")
    return join_spaces(text)


def clean_paragraph(text: str) -> str:
    """Narrative text: each paragraph cleaned like a cell, paragraph breaks kept."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join(p for p in (clean_cell(p) for p in paragraphs) if p)


def label_key(text: str) -> str:
    """A form label reduced for matching: no spaces, punctuation or markup.

    ``其中: 财政资金`` and ``其中：财政资金`` both give ``其中财政资金``.
    """
    text = strip_markup(text)
    return re.sub(r"[\s:：()（）\[\]【】、,，.。*#\"“”'‘’|]", "", text)
