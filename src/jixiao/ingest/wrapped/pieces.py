"""Source lines of wrapped text → pieces: the cell fragments printed on each line.

pdfminer puts the cells that share a visual line on one text line, separated by
spaces, and a wrapped cell's next lines on the following lines (often after a
blank line, which ends pdfminer's text box). A :class:`Piece` is one space-separated
fragment, with where it stands (first/last on its line, after a blank line) and
its printed width, which the row builder uses to tell a wrapped line (it fills
its column) from a cell's last line.

Spaces that the PDF put *inside* a value are removed first (``监控时点   2021 年 6  月``,
``≥ 13269 人``, ``每月 25 日前``, ``一、 基本情况``), letter-spaced words are closed
up (``项 目``), and a value glued to the label after it is split (``50%其中：财政资``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from jixiao.ingest.memo import text_memo
from jixiao.ingest.text import TEXT_CACHE_SIZE
from jixiao.ingest.wrapped import labels, shapes

_UNIT_AFTER_NUMBER = (
    "万人次|万人|人次|人|万元|亿元|元|万户|户|个月|个|月|年度|年|日前|日内|日|天|次|项|件|家|岁|倍|"
    "小时|笔|份|%|％|‰|以内|以上|以下|左右"
)
# Spaces inside one value or label: removed before the line is split into pieces.
_INNER_SPACE = re.compile(
    r"(?=\s)(?:"  # (only where a space is: fails fast elsewhere)
    r"(?<=[≥≤<>＜＞=＝≧≦±])\s+(?=\S)"  # ≥ 13269
    # 13269 人, 2021 年, 6 个月或 (a unit, not the first character of a word)
    rf"|(?<=[\d$])\s+(?=(?:{_UNIT_AFTER_NUMBER})(?:[或且至到]|(?![\u4e00-\u9fff])))"
    r"|(?<=[%％])\s+(?=以内|以上|以下|左右)"  # 0.1% 以内
    r"|(?<=[\d%％$月人元次天日])\s+(?=[或且至到~～]\s*[$≥≤<>＜＞]?\s*[\d\\])"  # 6个月 或 ≤9个月
    r"|(?<=[或且至到~～])\s+(?=[$≥≤<>＜＞]?\s*[\d\\])"
    r"|(?<=年)\s+(?=\d{1,2}\s*月)"  # 2021年 6月
    r"|(?<=月)\s+(?=\d{1,2}\s*日)"
    r"|(?<=每[月年日周])\s+(?=\d)|(?<=每季度)\s+(?=\d)"  # 每月 25日前
    r"|(?<=、)\s+(?=\S)"  # 一、 基本情况
    r"|(?<=其中[:：])\s+(?=[^\d\s])"  # 其中： 财政资金
    r"|(?<=[（(])\s+|\s+(?=[）)])"  # ( 万元 )
    r")"
)
_SINGLE_CJK = re.compile(r"[\u4e00-\u9fff]")
_MATH = re.compile(r"\$[^$\n]{1,80}\$")
# A bracketed qualifier printed after a label: (万元), （调整后）, (人).
_QUALIFIER = re.compile(r"^[（(][^（）()]{1,10}[)）]$")
# A figure standing alone: the next cell, never the rest of an open bracket.
_LONE_AMOUNT = re.compile(r"^[-+]?\d[\d,]*(?:\.\d+)?$")
# A number or percentage glued in front of the next cell's text.
_LEADING_VALUE = re.compile(r"^([-+]?\d[\d,]*(?:\.\d+)?[%％]?)(?=[\u4e00-\u9fff])")
# A label glued to its number (预算数：325568).
_LABEL_VALUE = re.compile(r"^([\u4e00-\u9fff（）()]{2,14}[:：])([-+]?\d[\d,]*(?:\.\d+)?[%％]?)$")


@dataclass(slots=True)
class Line:
    """One non-blank source line.

    ``facts`` memoises what the reader works out about the whole line (is it page
    text, a heading row …); it is cleared when the line's pieces change.
    """

    number: int  # 1-based line in the source
    text: str  # stripped
    indent: int  # leading spaces
    after_blank: bool  # a blank line (pdfminer: a new text box) comes before it
    pieces: list[Piece] = field(default_factory=list)
    facts: dict[str, object] = field(default_factory=dict)

    def set_pieces(self, pieces: list[Piece]) -> None:
        """Replace the pieces (a label joined across lines took some of them)."""
        if pieces:
            pieces[0].first = True
        self.pieces = pieces
        self.changed()

    def changed(self) -> None:
        """The pieces' texts changed: the line's text is theirs now."""
        self.text = " ".join(p.text for p in self.pieces)
        self.facts.clear()


@dataclass(slots=True)
class Piece:
    """One space-separated fragment of a line."""

    text: str
    line: Line
    first: bool
    last: bool
    previous: Piece | None = None  # the last piece of the line above
    _width: int = -1
    _traits: int = -1

    @property
    def width(self) -> int:
        """Printed width in half-width units (CJK 2, ASCII 1)."""
        if self._width < 0:
            self._width = shapes.width(self.text)
        return self._width

    @property
    def traits(self) -> int:
        """The :data:`VALUE` … :data:`CLOSER_PREFIX` flags of the text."""
        if self._traits < 0:
            self._traits = _traits_of(self.text)
        return self._traits

    def retext(self, text: str) -> None:
        self.text = text
        self._width = self._traits = -1

    @property
    def alone(self) -> bool:
        return self.first and self.last


# Flags of a fragment's text (see :attr:`Piece.traits`).
VALUE = 1  # one value: 52%, ≥14333人, 2021年
UNIT = 2  # a unit alone: 人次, %
LEVEL = 4  # a 一级/二级 indicator label
COMPLETE = 8  # a whole known label
STARTS_CONTINUATION = 16  # opens with 、，）…: goes on from the line above
ENDS_OPEN = 32  # ends with （、，…: goes on on the next line
ENDS_SENTENCE = 64  # ends with 。；…
PARTICLE = 128  # opens with 的/和/及…
CLOSER_PREFIX = 256  # 未达监控 (of 未达监控节点)


@text_memo()
def _traits_of(text: str) -> int:
    flags = 0
    if shapes.is_value(text):
        flags |= VALUE
    if shapes.is_unit(text):
        flags |= UNIT
    if labels.classify(text, line_start=True) is labels.Label.LEVEL:
        flags |= LEVEL
    if labels.is_complete(text):
        flags |= COMPLETE
    if shapes.starts_continuation(text):
        flags |= STARTS_CONTINUATION
    if shapes.ends_open(text):
        flags |= ENDS_OPEN
    if shapes.ends_sentence(text):
        flags |= ENDS_SENTENCE
    if shapes.starts_with_particle(text):
        flags |= PARTICLE
    if shapes.is_closer_prefix(text):
        flags |= CLOSER_PREFIX
    return flags


def read_lines(text: str) -> list[Line]:
    """The non-blank lines of ``text``, each split into pieces."""
    return list(iter_lines(text))


def iter_lines(text: str) -> Iterator[Line]:
    """:func:`read_lines` one line at a time."""
    blank = True
    above: Piece | None = None
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if not stripped:
            blank = True
            continue
        cells = line_fragments(stripped)
        if not cells:
            continue
        indent = 0 if raw[0] == stripped[0] else len(raw) - len(raw.lstrip())
        line = Line(number, stripped, indent, blank)
        pieces = [Piece(t, line, False, False, above) for t in cells]
        pieces[0].first = True
        above = pieces[-1]
        above.last = True
        line.pieces = pieces
        yield line
        blank = False


def split_cells(text: str) -> list[str]:
    """The cell fragments printed on one line, in order.

    >>> split_cells("监控时点   2021 年 6  月")
    ['监控时点', '2021年6月']
    >>> split_cells("50%其中：财政资")
    ['50%', '其中：财政资']
    >>> split_cells("项 目 2020年决算数")
    ['项目', '2020年决算数']
    """
    return list(line_fragments(text))


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def line_fragments(text: str) -> tuple[str, ...]:
    """:func:`split_cells` as a shared tuple, memoized: form lines (labels, headings,
    page text) repeat from document to document."""
    if " " in text or "\u3000" in text or "\t" in text:
        if "$" in text:  # LaTeX from a markdown converter: one value
            text = _MATH.sub(lambda m: "".join(m.group(0).split()), text)
        text = _INNER_SPACE.sub("", text)
        tokens = _join_labels(_join_open_tokens(_close_letter_spacing(text.split())))
    else:
        tokens = [text]
    out: list[str] = []
    for token in tokens:
        out.extend(_split_glued(token))
    return tuple(out)


def _close_letter_spacing(tokens: list[str]) -> list[str]:
    """Join runs of single CJK characters (``项 目``, ``合 计``) into one word."""
    if len(tokens) < 2:
        return tokens
    out: list[str] = []
    run = ""
    for token in tokens:
        if len(token) == 1 and _SINGLE_CJK.match(token):
            run += token
            continue
        if run:
            out.append(run)
            run = ""
        out.append(token)
    if run:
        out.append(run)
    # A lone character that is not part of a run stays a token of its own.
    return out


def _join_open_tokens(tokens: list[str]) -> list[str]:
    """Join a space that falls inside one cell: after ``，`` or an open bracket, before
    ``、`` or a closing bracket, and before a bracketed qualifier (``预算执行情况 (万元)``).
    A lone figure after an open bracket is the next cell: the label wrapped inside its
    bracket (``…收入（含生育    40.00`` over ``保险）``)."""
    out: list[str] = []
    for token in tokens:
        if out and (
            (shapes.ends_open(out[-1]) and not _LONE_AMOUNT.match(token))
            or shapes.starts_continuation(token)
            or (_QUALIFIER.match(token) and shapes.has_cjk(out[-1][-1:]))
        ):
            out[-1] += token
        else:
            out.append(token)
    return out


def _join_labels(tokens: list[str]) -> list[str]:
    """Join the words of a label spaced out inside its cell (``年度绩效 指标完成 情况``)."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        end, text = i, token
        if len(tokens) > i + 1 and labels.is_label_prefix(token):
            joined = token
            for k in range(i + 1, len(tokens)):
                if not labels.completes(joined, tokens[k]):
                    break
                joined += tokens[k]
                if labels.is_complete(joined):
                    end, text = k, joined
        out.append(text)
        i = end + 1
    return out


def _split_glued(token: str) -> list[str]:
    """Split a value that ran into the next label (``50%其中：财政资``) or a label
    glued to its number (``预算数：325568``)."""
    head = token[0]
    match = _LEADING_VALUE.match(token) if head.isdigit() or head in "+-" else None
    if match and not shapes.is_value(token):
        rest = token[match.end() :]
        if labels.is_complete(rest) or (len(rest) >= 2 and labels.is_label_prefix(rest)):
            return [match.group(1), rest]
    if (":" in token or "：" in token) and (token[-1:].isdigit() or token[-1:] in "%％"):
        match = _LABEL_VALUE.match(token)
        if match and labels.is_complete(match.group(1)):
            return [match.group(1), match.group(2)]
    return [token]
