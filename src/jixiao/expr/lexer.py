"""Splitting a 指标值 text into tokens: comparison signs, numbers with units, joins.

The lexer works on a normalised copy of the text (full-width forms folded,
``>=`` → ``≥``, spaces removed); the caller keeps the printed text. Chinese
comparison words become the same tokens as the symbols: ``不低于95%`` reads like
``≥95%`` and ``95%以上`` like ``95%`` followed by a trailing ``≥``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Literal

from jixiao.expr.units import UNIT_PATTERN, canonical_unit
from jixiao.records.values import Operator

TokenKind = Literal["op", "num", "post", "sep", "and", "or", "text"]

_SYMBOLS: dict[str, str] = {
    "≧": "≥",
    "⩾": "≥",
    "≦": "≤",
    "⩽": "≤",
    "＞": ">",
    "＜": "<",
    "＝": "=",
    "﹦": "=",
    "〜": "~",
    "～": "~",
    "－": "-",
    "﹣": "-",
    "−": "-",
}
_DIGRAPHS: tuple[tuple[str, str], ...] = (
    (">=", "≥"),
    ("=>", "≥"),
    ("<=", "≤"),
    ("=<", "≤"),
    ("≥=", "≥"),
    ("≤=", "≤"),
    ("&&", "且"),
    ("&", "且"),
    ("||", "或"),
)
_LATEX: tuple[tuple[str, str], ...] = (
    ("\\geqslant", "≥"),
    ("\\leqslant", "≤"),
    ("\\geq", "≥"),
    ("\\leq", "≤"),
    ("\\ge", "≥"),
    ("\\le", "≤"),
    ("\\%", "%"),
    ("$", ""),
)
_WS = re.compile(r"\s+")
_PLUS_MINUS = re.compile(r"(?:正负|\+/?-)(?=\d)")
"""``正负5%``, ``+/-5%``, ``+-5%``: spellings of ``±5%``."""


@lru_cache(maxsize=256)
def normalize(text: str) -> str:
    """Working copy of a cell text: NFKC, one spelling per sign, no spaces.

    Memoized: reading one text asks for its working copy several times (signs,
    deadline, tier, statement), and a cache of the latest texts serves them."""
    if "\\" in text or "$" in text:
        for latex, plain in _LATEX:
            text = text.replace(latex, plain)
    text = "".join(_SYMBOLS.get(ch, ch) for ch in unicodedata.normalize("NFKC", text))
    text = _WS.sub("", text)
    if "正负" in text or "+" in text:
        text = _PLUS_MINUS.sub("±", text)
    for digraph, plain in _DIGRAPHS:
        text = text.replace(digraph, plain)
    return text


OP_SYMBOLS: dict[str, Operator] = {"≥": "≥", "≤": "≤", ">": ">", "<": "<", "=": "="}

PRE_WORDS: dict[str, Operator] = {
    "大于或等于": "≥",
    "大于等于": "≥",
    "不得低于": "≥",
    "不得少于": "≥",
    "不应低于": "≥",
    "不低于": "≥",
    "不少于": "≥",
    "不小于": "≥",
    "至少": "≥",
    "达到": "≥",
    "达": "≥",
    "高于": ">",
    "超过": ">",
    "大于": ">",
    "多于": ">",
    "小于或等于": "≤",
    "小于等于": "≤",
    "不得高于": "≤",
    "不得超过": "≤",
    "不应超过": "≤",
    "不高于": "≤",
    "不超过": "≤",
    "不大于": "≤",
    "不多于": "≤",
    "最多": "≤",
    "最高": "≤",
    "低于": "<",
    "小于": "<",
    "少于": "<",
    "等于": "=",
}
"""Words printed before a number that act as a comparison sign."""

SOFT_PRE_WORDS: dict[str, Operator] = {"控制在": "≤", "控制于": "≤"}
"""Words that imply a sign only when nothing else gives one (``控制在5%`` → ≤5%)."""

POST_WORDS: dict[str, Operator] = {
    "及以上": "≥",
    "或以上": "≥",
    "以上": "≥",
    "之上": "≥",
    "及以下": "≤",
    "或以下": "≤",
    "以下": "≤",
    "之下": "≤",
    "以内": "≤",
    "之内": "≤",
}
"""Words printed after a number that act as a comparison sign (``95%以上`` → ≥95%)."""

_PRE = {**PRE_WORDS, **SOFT_PRE_WORDS}
_PRE_RE = re.compile(
    "("
    + "|".join(sorted(map(re.escape, _PRE), key=len, reverse=True))
    + r")(?:了|在|为)?(?=[-+]?\d)"
)
_NUMBER_RE = re.compile(r"(\d{1,3}(?:,\d{3})+(?!\d)|\d+)(\.\d+)?")
_UNIT_RE = re.compile(f"(?:{UNIT_PATTERN})")
_POST_RE = re.compile("|".join(sorted(map(re.escape, POST_WORDS), key=len, reverse=True)))
_INCLUSIVE_NOTE = re.compile(r"\(含[^()]{0,12}\)")
"""``(含)`` / ``(含95%)`` after a number: says the bound is included, adds nothing else."""
_SEPARATORS = frozenset("-~至到—–―")
_AND_WORDS = ("并且", "而且", "且", "并", ",", ";", "、")
_OR_WORDS = ("或者", "或", "/")
_TRIVIAL = frozenset(",.;:、()[]【】\"“”'‘’!?。·…")


@dataclass
class Token:
    """One piece of a 指标值 text."""

    kind: TokenKind
    raw: str
    op: Operator | None = None
    value: Decimal | None = None
    unit: str | None = None
    soft: bool = False
    plus_minus: bool = False  # printed ±n: the span from -n to n


def is_trivial(raw: str) -> bool:
    """Punctuation only: text that does not make the cell a sentence."""
    return all(ch in _TRIVIAL for ch in raw)


def _starts_quantity(text: str, pos: int) -> bool:
    """Whether a sign, a comparison word or a number begins at ``pos``."""
    if pos >= len(text):
        return False
    if text[pos] in OP_SYMBOLS or text[pos].isdigit():
        return True
    if text[pos] in "-+±" and pos + 1 < len(text) and text[pos + 1].isdigit():
        return True
    return _PRE_RE.match(text, pos) is not None


def _read_number(text: str, pos: int, sign: str) -> tuple[Token, int] | None:
    """A number with its unit at ``pos`` (``sign`` already consumed)."""
    match = _NUMBER_RE.match(text, pos)
    if match is None:
        return None
    digits = match.group(1).replace(",", "") + (match.group(2) or "")
    end = match.end()
    unit_match = _UNIT_RE.match(text, end)
    unit = None
    if unit_match is not None:
        unit = canonical_unit(unit_match.group(0))
        end = unit_match.end()
    raw = sign + text[pos:end]
    plus_minus = sign == "±"
    value = Decimal(digits if plus_minus else sign + digits)
    return Token("num", raw, value=value, unit=unit, plus_minus=plus_minus), end


_INTERVAL = re.compile(r"([\[(])([^,\[\]()]+),([^,\[\]()]+)([\])])")
"""Interval notation ``[95%,105%]``, ``[6,9)``: the comma separates the bounds (never thousands)."""


def _interval_notation(text: str) -> list[Token] | None:
    """Tokens of a text that is one interval in bracket notation, else ``None``."""
    match = _INTERVAL.fullmatch(text)
    if match is None:
        return None
    low, high = tokenize(match.group(2)), tokenize(match.group(3))
    if [t.kind for t in low + high] != ["num", "num"]:
        return None
    return [
        Token("text", match.group(1)),
        *low,
        Token("and", ","),
        *high,
        Token("text", match.group(4)),
    ]


def tokenize(text: str) -> list[Token]:
    """Tokens of a normalised text (see :func:`normalize`)."""
    if text[:1] in ("[", "("):
        bracketed = _interval_notation(text)
        if bracketed is not None:
            return bracketed
    tokens: list[Token] = []
    pos = 0
    buffer = ""

    def flush() -> None:
        nonlocal buffer
        if buffer:
            tokens.append(Token("text", buffer))
            buffer = ""

    def after_number() -> bool:
        return bool(tokens) and not buffer and tokens[-1].kind in ("num", "post")

    while pos < len(text):
        ch = text[pos]
        if ch in OP_SYMBOLS:
            flush()
            tokens.append(Token("op", ch, op=OP_SYMBOLS[ch]))
            pos += 1
            continue
        pre = _PRE_RE.match(text, pos)
        if pre is not None:
            flush()
            word = pre.group(1)
            soft = word in SOFT_PRE_WORDS
            tokens.append(Token("op", pre.group(0), op=_PRE[word], soft=soft))
            pos = pre.end()
            continue
        if after_number():
            if ch in _SEPARATORS and _starts_quantity(text, pos + 1) and tokens[-1].kind == "num":
                tokens.append(Token("sep", ch))
                pos += 1
                continue
            join = _join_at(text, pos)
            if join is not None:
                kind, word = join
                tokens.append(Token(kind, word))
                pos += len(word)
                continue
        sign = ""
        if ch in "-+±" and pos + 1 < len(text) and text[pos + 1].isdigit():
            sign, pos = ch, pos + 1
        number = _read_number(text, pos, sign) if text[pos].isdigit() else None
        if number is not None:
            flush()
            token, pos = number
            tokens.append(token)
            note = _INCLUSIVE_NOTE.match(text, pos)
            if note is not None:
                pos = note.end()
            post = _POST_RE.match(text, pos)
            if post is not None:
                tokens.append(Token("post", post.group(0), op=POST_WORDS[post.group(0)]))
                pos = post.end()
            continue
        buffer += sign + text[pos]
        pos += 1
    flush()
    return tokens


def _join_at(text: str, pos: int) -> tuple[TokenKind, str] | None:
    """``且``/``或`` (or a comma) joining two conditions, when a condition follows."""
    for kind, words in (("or", _OR_WORDS), ("and", _AND_WORDS)):
        for word in words:
            if text.startswith(word, pos) and _starts_quantity(text, pos + len(word)):
                return ("or" if kind == "or" else "and"), word
    return None
