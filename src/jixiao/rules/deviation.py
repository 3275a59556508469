"""Reading 偏差原因 / 偏差和采取的措施 texts: a reason given, or a claim of no deviation."""

from __future__ import annotations

import re

from jixiao.rules import names

_NO_DEVIATION = re.compile(
    r"^(?:本项目|该项目|此项目|项目|目前|截至目前)?"
    r"(?:无|没有|未(?:出现|发生|产生|发现)?|不存在)(?:明显|任何|较大)?的?"
    r"(?:偏差|偏离|差异)?(?:情况|问题)?$"
)


def claims_no_deviation(text: str | None) -> bool:
    """Whether the text says there is no deviation (``无偏差。``, ``无``, ``未出现偏差``)."""
    work = names.key(text)
    return bool(work) and _NO_DEVIATION.match(work) is not None


def gives_reason(text: str | None) -> bool:
    """Whether the text gives a reason or measure: something written that is not a claim
    of no deviation."""
    work = names.key(text)
    return len(work) >= 2 and not claims_no_deviation(text)
