"""From tokens to a reading: one quantity with a sign, a range, nothing, or a reason.

Shared by targets and actuals. A *term* is a number with the signs around it
(``≥95%``, ``95%以上``); the reading looks at the terms and what joins them.
Anything that cannot be read without guessing becomes :class:`Unreadable` with a
Chinese reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.expr.lexer import OP_SYMBOLS, Token, is_trivial, normalize, tokenize
from jixiao.expr.units import same_dimension, to_base
from jixiao.records.values import Bound, Operator

_LOWER: frozenset[Operator] = frozenset({"≥", ">"})
_UPPER: frozenset[Operator] = frozenset({"≤", "<"})
_DATE_UNITS: dict[str, int] = {"月": 12, "日": 31}
"""Units that also print calendar dates, with the highest month or day a date can have."""
_AMOUNT_WORDS = ("平均", "用时", "历时", "耗时")
"""Words before a number of days or months that make it a duration, not a date."""
_DATE_FOLLOWERS = ("年", "号", "底", "末", "初", "中旬", "上旬", "下旬", "份", "前", "后")

READ_CACHE_SIZE = 2048
"""Distinct 指标值 texts whose readings :func:`~jixiao.expr.parse_target` and
:func:`~jixiao.expr.parse_actual` keep: the readers are pure, and the common texts
(``≥95%``, ``100%``, ``按时发放``) recur in document after document."""


@dataclass
class Term:
    """A number with the signs printed before and after it."""

    number: Token
    pre: list[Token] = field(default_factory=list)
    post: Token | None = None
    text_between_pre: bool = False
    connector: str | None = None  # how it is joined to the term before: sep/and/or/None


@dataclass
class Quantity:
    """One quantity with its sign (``None`` when printed without one)."""

    op: Operator | None
    value: Decimal
    unit: str | None
    sign_word: str | None = None  # the printed sign when it is a word (达到, 以上 …)


@dataclass
class Interval:
    """A range: ``low``..``high``; ``joined_with_or`` when printed with 或."""

    low: Bound
    high: Bound
    joined_with_or: bool


@dataclass
class Unreadable:
    """Numbers or signs that cannot be read without guessing."""

    reason: str


@dataclass
class NoQuantity:
    """Text without numbers or signs."""


Reading = Quantity | Interval | Unreadable | NoQuantity


@dataclass
class Lexed:
    """Tokens of a text and whether words (not only signs and numbers) stand in it."""

    tokens: list[Token]
    sentence: bool


def lex(text: str) -> Lexed:
    """Normalise and tokenise; numbers that are dates inside a sentence become text."""
    tokens = tokenize(normalize(text))
    sentence = any(t.kind == "text" and not is_trivial(t.raw) for t in tokens)
    dates = [i for i, t in enumerate(tokens) if t.kind == "num" and _is_date(tokens, i, sentence)]
    for index in dates:
        # the start of a span of years or days ending in a date: 2021-2025年
        if index >= 2 and tokens[index - 1].kind == "sep" and tokens[index - 2].kind == "num":
            tokens[index - 2].kind = "text"
        tokens[index].kind = "text"
    return Lexed(tokens, sentence)


def _is_date(tokens: list[Token], index: int, sentence: bool) -> bool:
    """``2020年``, ``12月底``, ``25号``: a calendar reference, not a quantity.

    ``42日``, ``2.5月`` and ``平均12日`` are durations: no calendar has that day or month,
    and an average is an amount."""
    token = tokens[index]
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    follower = following.raw if following is not None and following.kind == "text" else ""
    if token.unit is None and follower.startswith(("年", "号")):
        return True
    limit = _DATE_UNITS.get(token.unit or "")
    if not sentence or limit is None:
        return False
    value = token.value
    if value is None or value != value.to_integral_value() or not 1 <= value <= limit:
        return False
    preceding = tokens[index - 1] if index > 0 else None
    if preceding is not None and preceding.kind == "text" and preceding.raw.endswith(_AMOUNT_WORDS):
        return False
    governed = preceding is not None and preceding.kind in ("op", "sep")
    governed = governed or (following is not None and following.kind in ("post", "sep"))
    return not governed or follower.startswith(_DATE_FOLLOWERS)


def _terms(tokens: list[Token]) -> tuple[list[Term], list[Token]]:
    """Terms in order, and signs left without a number after them."""
    terms: list[Term] = []
    pending: list[Token] = []
    connector: str | None = None
    for token in tokens:
        if token.kind == "op":
            pending.append(token)
        elif token.kind == "num":
            terms.append(Term(token, pending, None, _had_text(tokens, pending), connector))
            pending, connector = [], None
        elif token.kind == "post" and terms and not pending:
            terms[-1].post = token
        elif token.kind in ("sep", "and", "or"):
            connector = token.kind
    return terms, pending


def _had_text(tokens: list[Token], pending: list[Token]) -> bool:
    """Whether words stand between the signs of one term (``95%≤执行率≤105%``)."""
    if len(pending) < 2:
        return False
    start = next(i for i, t in enumerate(tokens) if t is pending[0])
    end = next(i for i, t in enumerate(tokens) if t is pending[-1])
    return any(t.kind == "text" and not is_trivial(t.raw) for t in tokens[start:end])


def _sign(term: Term) -> Operator | Unreadable | None:
    """The one sign of a term, or why it has contradicting signs."""
    hard = _hard(term.pre)
    signs: list[Token] = [*hard, *([term.post] if term.post else [])]
    if not signs:
        signs = term.pre[-1:]
    if not signs:
        return None
    if len(hard) > 1 and all(t.raw in OP_SYMBOLS for t in hard):
        printed = "".join(t.raw for t in hard)
        return Unreadable(f"比较符重复（{printed}），无法判断条件")
    ops = {t.op for t in signs}
    if len(ops) > 1:
        printed = "、".join(dict.fromkeys(t.raw for t in signs))
        return Unreadable(f"比较符互相矛盾（{printed}），无法判断条件")
    return signs[0].op


def _hard(signs: list[Token]) -> list[Token]:
    """Signs without the soft words (控制在 says nothing when a range follows)."""
    return [t for t in signs if not t.soft]


def _sign_word(term: Term) -> str | None:
    """The sign of a term as printed, when it is a word rather than a symbol."""
    for token in [*term.pre, *([term.post] if term.post else [])]:
        if token.raw not in OP_SYMBOLS:
            return token.raw
    return None


def _value(term: Term) -> Decimal:
    value = term.number.value
    assert value is not None, "a num token always carries its value"
    return value


def _fmt(value: Decimal, unit: str | None) -> str:
    return f"{value:f}{unit or ''}"


def _interval(
    low: Term, low_inclusive: bool, high: Term, high_inclusive: bool, joined_with_or: bool
) -> Interval | Unreadable:
    """A range after checking units and order of the two sides."""
    low_unit = low.number.unit or high.number.unit
    high_unit = high.number.unit or low.number.unit
    if not same_dimension(low_unit, high_unit):
        return Unreadable(f"上下限单位不一致（{low_unit}、{high_unit}）")
    low_value, high_value = _value(low), _value(high)
    low_text, high_text = _fmt(low_value, low_unit), _fmt(high_value, high_unit)
    low_base, high_base = to_base(low_value, low_unit)[0], to_base(high_value, high_unit)[0]
    empty = low_base > high_base or (
        low_base == high_base and not (low_inclusive and high_inclusive)
    )
    if empty and joined_with_or and low_base == high_base:
        return Unreadable(f"用“或”连接的两个条件在{low_text}处没有重叠，无法读作区间")
    if empty and joined_with_or:
        return Unreadable(
            f"用“或”连接的下限{low_text}高于上限{high_text}，"
            "既不能读作区间，也无法判断要求的是哪一边"
        )
    if empty and low_base == high_base:
        return Unreadable(f"区间上下限都是{low_text}却不含端点，条件不可能满足")
    if empty:
        return Unreadable(f"区间下限{low_text}高于上限{high_text}，条件不可能同时满足")
    return Interval(
        Bound(value=low_value, unit=low_unit, inclusive=low_inclusive),
        Bound(value=high_value, unit=high_unit, inclusive=high_inclusive),
        joined_with_or,
    )


def _two_terms(first: Term, second: Term) -> Interval | Unreadable:
    """Two numbers: ``a-b``, ``≥a且≤b``, ``≥a或≤b``, ``a≤X≤b``; or why not."""
    if second.connector == "sep":
        if _hard(first.pre) or first.post or second.pre or second.post:
            return Unreadable("区间写法中混有比较符，无法判断上下限")
        return _interval(first, True, second, True, joined_with_or=False)
    if not (first.pre or first.post or second.pre or second.post):
        return Unreadable("有两个数值但没有比较符或区间符号，无法判断哪一个是要读的值")
    first_sign = _sign(first)
    if isinstance(first_sign, Unreadable):
        return first_sign
    if first_sign is None and second.post is None and second.connector is None:
        return _single_sign_between(first, second)
    second_sign = _sign(second)
    if isinstance(second_sign, Unreadable):
        return second_sign
    if first_sign is None or second_sign is None:
        return Unreadable("有两个数值但只有一个带比较符，无法判断条件")
    if "=" in (first_sign, second_sign):
        return Unreadable("等号不能与另一个条件组成区间")
    if (first_sign in _LOWER) == (second_sign in _LOWER):
        word = "下限" if first_sign in _LOWER else "上限"
        return Unreadable(f"两个条件都是{word}（{first_sign}、{second_sign}），无法组成区间")
    low, low_op, high, high_op = (
        (first, first_sign, second, second_sign)
        if first_sign in _LOWER
        else (second, second_sign, first, first_sign)
    )
    return _interval(low, low_op == "≥", high, high_op == "≤", second.connector == "or")


def _single_sign_between(first: Term, second: Term) -> Interval | Unreadable:
    """``a≤b`` (malformed), ``a≤≥b`` (malformed) or the chain ``a≤X≤b`` (a range)."""
    signs = [t for t in second.pre if not t.soft]
    if len(signs) == 1:
        return Unreadable(
            f"两个数值之间只有一个比较符（{first.number.raw}{signs[0].raw}{second.number.raw}），"
            "缺少被比较的量，无法判断是区间还是笔误"
        )
    if len(signs) == 2 and second.text_between_pre:
        ops = [t.op for t in signs]
        if all(op in _UPPER for op in ops):
            return _interval(first, ops[0] == "≤", second, ops[1] == "≤", joined_with_or=False)
        if all(op in _LOWER for op in ops):
            return _interval(second, ops[1] == "≥", first, ops[0] == "≥", joined_with_or=False)
        return Unreadable("连写的两个比较符方向相反，无法组成区间")
    printed = "".join(t.raw for t in signs)
    return Unreadable(f"比较符重复（{printed}），无法判断是区间还是笔误")


def _plus_minus(term: Term) -> Interval | Unreadable:
    """``±5%``, ``±5%以内``, ``控制在±5%以内``: the span from -5% to 5%."""
    sign = _sign(term)
    if isinstance(sign, Unreadable):
        return sign
    if sign in _LOWER:
        return Unreadable(f"“{sign}”与“±”同时出现，无法判断条件")
    value, unit = _value(term), term.number.unit
    if value == 0:
        return Unreadable("“±”后的数值为0，不构成区间")
    inclusive = sign != "<"
    return Interval(
        Bound(value=-value, unit=unit, inclusive=inclusive),
        Bound(value=value, unit=unit, inclusive=inclusive),
        joined_with_or=False,
    )


def _brackets(tokens: list[Token]) -> tuple[bool, bool] | None:
    """Interval notation ``[95%,105%]``, ``[95%,105%)``: whether each bound is included."""
    if [t.kind for t in tokens] != ["text", "num", "and", "num", "text"]:
        return None
    opening, comma, closing = tokens[0].raw, tokens[2].raw, tokens[4].raw
    if opening in ("[", "(") and comma == "," and closing in ("]", ")"):
        return opening == "[", closing == "]"
    return None


def _one_span(lexed: Lexed, terms: list[Term]) -> bool:
    """Two numbers joined by ``-``/``至`` in a sentence with a unit that is not a calendar
    one: a single range (``保持在6-9个月``; but ``6-12月发放`` is June to December)."""
    if not (lexed.sentence and len(terms) == 2 and terms[1].connector == "sep"):
        return False
    unit = terms[0].number.unit or terms[1].number.unit
    return unit is not None and unit not in _DATE_UNITS


def read(lexed: Lexed) -> Reading:
    """The quantity, range or problem in a lexed text."""
    terms, dangling = _terms(lexed.tokens)
    if not terms:
        if dangling and any(not t.soft for t in dangling):
            return Unreadable("有比较符但没有数值")
        return NoQuantity()
    if dangling and not lexed.sentence:
        return Unreadable("比较符后面没有数值")
    if any(t.number.plus_minus for t in terms):
        if len(terms) == 1:
            return _plus_minus(terms[0])
        return Unreadable("“±”与其他数值同时出现，无法读出条件")
    if len(terms) == 1:
        sign = _sign(terms[0])
        if isinstance(sign, Unreadable):
            return sign
        return Quantity(sign, _value(terms[0]), terms[0].number.unit, _sign_word(terms[0]))
    brackets = _brackets(lexed.tokens)
    if brackets is not None:
        return _interval(terms[0], brackets[0], terms[1], brackets[1], joined_with_or=False)
    if lexed.sentence and not any(t.pre or t.post for t in terms) and not _one_span(lexed, terms):
        return Unreadable("句中有多个数值，无法判断哪一个是要读的值")
    if len(terms) == 2:
        return _two_terms(terms[0], terms[1])
    if lexed.sentence:
        return Unreadable("句中有多个数值，无法判断哪一个是要读的值")
    return Unreadable("数值过多，无法读出条件")


def read_text(text: str) -> tuple[Reading, Lexed]:
    """Lex and read ``text``."""
    lexed = lex(text)
    return read(lexed), lexed


__all__ = [
    "READ_CACHE_SIZE",
    "Interval",
    "Lexed",
    "NoQuantity",
    "Quantity",
    "Reading",
    "Unreadable",
    "lex",
    "read",
    "read_text",
]
