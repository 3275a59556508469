"""Form labels as the wrapped-text reader sees them.

The words come from :mod:`jixiao.ingest.vocab`; this module adds what a reader of
wrapped text needs on top: which labels open a row and which stand to the right
of another label on the same row, the column role of a heading, and the set of
label *prefixes*, so that a label the extractor wrapped (``二、预算执行情`` +
``况``, ``指标完成`` + ``率``, ``其中：财政资`` + ``金``) can be put back together.
"""

from __future__ import annotations

import re
from enum import Enum
from functools import lru_cache

from jixiao.ingest.memo import text_memo
from jixiao.ingest.vocab import (
    BUDGET_AMOUNT_LABELS,
    BUDGET_LINE_LABELS,
    BUDGET_SCORE_LABELS,
    FOOTER_LABELS,
    GOAL_LABELS,
    HEADER_FIELD_LABELS,
    INDICATOR_COLUMN_LABELS,
    LEVEL1_LABELS,
    LEVEL2_LABELS,
    SECTION_LABELS,
)

# The marks :func:`jixiao.ingest.text.label_key` drops, for fragments that hold no markup.
_NOISE = re.compile(
    r"[\s:：()（）\[\]［］【】〔〕〈〉《》<>＜＞「」『』、,，.。．;；!！?？*＊#＃\"＂“”'＇‘’|｜/／\\＼"
    r"\-－—–_＿·•…~～]"
)
# A heading number: 一、 (二) （三） 4. 5、
NUMBERING = re.compile(
    r"^\s*(?:[（(]?[一二三四五六七八九十]{1,3}\s*[、.．)）]|[（(]\d{1,2}[)）]|\d{1,2}\s*[、．])"
)
_CACHE = 4096


class Label(Enum):
    """What a label does in a table."""

    SECTION = "section"  # left-hand heading of a part (一、基本情况, 偏差原因, 总分)
    FIELD = "field"  # a label followed by its value (项目名称, 预算数, 其中：财政资金)
    COLUMN = "column"  # a column heading (一级指标, 预期指标值, 年度预期目标)
    LEVEL = "level"  # a 一级/二级 indicator label (产出指标, 数量指标)
    FOOTER = "footer"  # signature lines below a table (填报人, 联系电话)


@text_memo(_CACHE)
def key(text: str) -> str:
    """The label key of a fragment (as :func:`~jixiao.ingest.text.label_key`, markup-free input)."""
    return _NOISE.sub("", text)


def strip_numbering(text: str) -> tuple[str, bool]:
    """``text`` without a leading heading number, and whether it had one."""
    match = NUMBERING.match(text)
    if match and match.end() < len(text):
        return text[match.end() :], True
    return text, False


def _with_qizhong(keys: set[str]) -> set[str]:
    return keys | {"其中" + k for k in keys}


_LINE_LABELS = _with_qizhong(set(BUDGET_LINE_LABELS))
FIELD_KEYS: frozenset[str] = frozenset(
    set(HEADER_FIELD_LABELS) | set(BUDGET_AMOUNT_LABELS) | _LINE_LABELS | set(BUDGET_SCORE_LABELS)
)
COLUMN_ROLES: dict[str, str] = {**INDICATOR_COLUMN_LABELS, **GOAL_LABELS}
SECTION_KEYS: frozenset[str] = frozenset(SECTION_LABELS)
SECTION_KINDS: dict[str, str] = SECTION_LABELS
LEVEL_KEYS: frozenset[str] = LEVEL1_LABELS | LEVEL2_LABELS
FOOTER_KEYS: frozenset[str] = FOOTER_LABELS

# Labels that stand to the right of another on the same row (项目周期 after the unit,
# 到位数 after 预算数): a line starting with one of them goes on with the row.
RIGHT_KEYS: frozenset[str] = frozenset(
    {k for k, f in HEADER_FIELD_LABELS.items() if f in ("cycle", "period")}
    | {k for k, m in BUDGET_AMOUNT_LABELS.items() if m in ("available", "executed")}
    | set(BUDGET_SCORE_LABELS)
)
# Headings whose column holds an indicator's own cells (not the 一级/二级 labels).
INDICATOR_HEAD_ROLES = frozenset({"level1", "level2", "name"})
GOAL_ROLES = frozenset({"goal", "progress", "overall"})

_ALL = FIELD_KEYS | set(COLUMN_ROLES) | SECTION_KEYS | LEVEL_KEYS
# Every proper prefix of every label, for putting wrapped labels back together.
PREFIXES: frozenset[str] = frozenset(k[:i] for k in _ALL for i in range(1, len(k)))
_FOOTER = re.compile("|".join(sorted(map(re.escape, FOOTER_KEYS), key=len, reverse=True)))


def classify(text: str, *, line_start: bool) -> Label | None:
    """The kind of label a whole fragment is, or ``None`` for a value or free text.

    A numbered heading counts as a section only when its words are a known section
    or the fragment starts a line (an unknown heading such as ``六、其他说明``).
    """
    return _classify_at_start(text) if line_start else _classify_inside(text)


# One cache per position: a one-argument cache is much cheaper to look up than one
# keyed on a keyword argument, and the readers classify every fragment many times.
@lru_cache(maxsize=_CACHE)
def _classify_at_start(text: str) -> Label | None:
    return _classify(text, line_start=True)


@lru_cache(maxsize=_CACHE)
def _classify_inside(text: str) -> Label | None:
    return _classify(text, line_start=False)


def _classify(text: str, *, line_start: bool) -> Label | None:
    bare, numbered = strip_numbering(text)
    k = key(bare)
    if not k:
        return None
    if k in SECTION_KEYS or (numbered and line_start and len(k) <= 24):
        return Label.SECTION
    if k in LEVEL_KEYS:
        return Label.LEVEL
    if k in COLUMN_ROLES and k not in FIELD_KEYS:
        return Label.COLUMN
    if k in FIELD_KEYS:
        return Label.FIELD
    if len(k) <= 40 and _FOOTER.match(k):
        return Label.FOOTER
    return None


@text_memo(_CACHE)
def section_kind(text: str) -> str | None:
    """The part a section heading opens (header, budget, goal, indicators …), else ``None``."""
    bare, _ = strip_numbering(text)
    return SECTION_KINDS.get(key(bare))


@text_memo(_CACHE)
def is_label_prefix(text: str) -> bool:
    """A fragment that is the first part of a label (``预算执行``, ``二、预算执行情``)."""
    bare, _ = strip_numbering(text)
    k = key(bare)
    return bool(k) and k in PREFIXES


def completes(head: str, tail: str) -> bool:
    """Whether ``tail`` continues the wrapped label ``head`` (``指标完成`` + ``率``)."""
    bare, _ = strip_numbering(head)
    k = key(bare)
    if not k or k not in PREFIXES:
        return False
    joined = k + key(tail)
    return joined in _ALL or joined in PREFIXES


@text_memo(_CACHE)
def is_complete(text: str) -> bool:
    bare, _ = strip_numbering(text)
    return key(bare) in _ALL


@text_memo(_CACHE)
def column_role(text: str) -> str | None:
    return COLUMN_ROLES.get(key(text))
