"""Comparing names and texts across documents (indicator names, project names, statements)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NOISE = re.compile(r"[\s\W_]+", re.UNICODE)
_DIGITS = frozenset("0123456789〇一二三四五六七八九十百千万两")
MIN_PREFIX = 8
"""A name cut short by extraction still names the same indicator if at least this long."""


@lru_cache(maxsize=65536)
def key(text: str | None) -> str:
    """``text`` without spaces and punctuation, width-folded (``上访率,`` = ``上访率，``)."""
    if not text:
        return ""
    return _NOISE.sub("", unicodedata.normalize("NFKC", text)).lower()


def same_name(first: str | None, second: str | None) -> bool:
    """Whether two indicator names name the same indicator: equal keys, or one key a
    prefix (≥ 8 characters) of the other (a name truncated by the extractor)."""
    a, b = key(first), key(second)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= MIN_PREFIX and long.startswith(short)


def near_duplicate(first: str | None, second: str | None, min_length: int = 12) -> bool:
    """Two long names that differ in exactly one character, not a digit
    (``实现个人账户`` / ``实行个人账户``): the same indicator written twice."""
    a, b = key(first), key(second)
    if a == b or len(a) != len(b) or len(a) < min_length:
        return False
    diffs = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(diffs) == 1 and not (set(diffs[0]) & _DIGITS)


def similarity(first: str | None, second: str | None) -> float:
    """Dice coefficient of character bigrams of the two keys (0 … 1)."""
    a, b = key(first), key(second)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    grams_a = {a[i : i + 2] for i in range(max(len(a) - 1, 1))}
    grams_b = {b[i : i + 2] for i in range(max(len(b) - 1, 1))}
    return 2 * len(grams_a & grams_b) / (len(grams_a) + len(grams_b))
