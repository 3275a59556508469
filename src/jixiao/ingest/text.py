"""Repairing extraction damage inside one cell's text (record-format.md, Conventions).

Line breaks and spaces the extractor put inside a cell are removed (CJK text
joins without a space; a space between two ASCII letters or digits is kept),
LaTeX is turned back into plain characters, HTML tags are dropped and ``>=``/``<=``
become ``≥``/``≤``. Kangxi radicals and CJK compatibility ideographs that PDF
fonts map glyphs to (``⼀`` U+2F00) become the ordinary characters (``一``).
Nothing else is rewritten: full-width punctuation, thousands separators and a
garbled ``105%≤≥95%`` stay as printed.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable

from jixiao.ingest.memo import TEXT_CACHE_SIZE, text_memo
from jixiao.ingest.styles.latex import latex_to_text

__all__ = [
    "MARKUP_MARKS",
    "TEXT_CACHE_SIZE",
    "any_filled",
    "clean_cell",
    "clean_paragraph",
    "is_blank",
    "is_page_number",
    "join_spaces",
    "label_key",
    "latex_to_text",
    "normalize_chars",
    "strip_markup",
]

# Characters that render as nothing: BOM / zero-width space / joiners / word joiner / soft hyphen.
_INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060\u00ad"

# CJK Radicals Supplement entries that stand for a whole character (Unicode
# EquivalentUnifiedIdeograph.txt); NFKC maps only two of this block.
_RADICALS_SUPPLEMENT: dict[str, str] = dict(
    zip(
        "⺁⺜⺝⺟⺠⺩⻄⻅⻆⻉⻋⻑⻓⻔⻘⻙⻚⻛⻜⻝⻢⻣⻤⻥⻦⻧⻨⻩⻪⻬⻮⻰⻱⻳",
        "厂日月母民王西见角贝车長长门青韦页风飞食马骨鬼鱼鸟卤麦黄黾齐齿龙龜龟",
        strict=True,
    )
)


def _char_table() -> dict[int, str | None]:
    """The translation table for invisible and compatibility characters (built once)."""
    table: dict[int, str | None] = {ord(c): None for c in _INVISIBLE}
    ranges = (range(0x2F00, 0x2FE0), range(0xF900, 0xFB00), range(0x2F800, 0x2FA20))
    for block in ranges:
        for cp in block:
            mapped = unicodedata.normalize("NFKC", chr(cp))
            if mapped != chr(cp):
                table[cp] = mapped
    table.update({ord(k): v for k, v in _RADICALS_SUPPLEMENT.items()})
    return table


_CHAR_TABLE = _char_table()
_ODD_CHARS = re.compile(
    "[" + _INVISIBLE + "\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff\U0002f800-\U0002fa1f]"
)

# HTML: element names we drop (a closed list, so that ``<5%`` or ``<x 和 y>`` survive).
_TAG_NAMES = (
    "a|abbr|article|b|big|blockquote|body|br|caption|center|code|col|colgroup|dd|del|div|dl|"
    "dt|em|eq|figure|font|footer|h[1-6]|head|header|hr|html|i|img|ins|label|li|mark|meta|"
    "nobr|ol|p|pre|s|section|small|span|strike|strong|sub|sup|table|tbody|td|tfoot|th|thead|"
    "title|tr|tt|u|ul|wbr"
)
_TAG = re.compile(rf"</?(?:{_TAG_NAMES})(?:\s[^<>]*)?/?>", re.I)
_BREAK_TAG = re.compile(r"<\s*(?:br|/?p|/?div|/?li|/?tr|/?h[1-6])(?:\s[^<>]*)?/?\s*>", re.I)
_EQ_OPEN = re.compile(r"<eq(?:\s[^<>]*)?>", re.I)
_EQ_CLOSE = re.compile(r"</eq\s*>", re.I)
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*", re.S)

# LaTeX: display ``$$…$$``; inline ``$…$`` on one line that contains a command, or
# that hugs its delimiters (pandoc's rule, so that ``$5 和 $6`` is left alone).
_DISPLAY_MATH = re.compile(r"\$\$(.+?)\$\$", re.S)
_INLINE_MATH = re.compile(r"\$(?:([^$\n]*\\[^$\n]*)\$|([^\s$](?:[^$\n]*[^\s$])?)\$(?!\d))")
_BARE_LATEX = re.compile(
    r"\\(?:geqslant|leqslant|geq|leq|ge|le|neq|ne|times|div|pm|sim|approx|cdot|"
    r"text|mathrm|left|right|frac)(?![A-Za-z])|\\%"
)

_WS = re.compile(r"\s+")
_ASCII_ALNUM = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
# Characters without which a text holds no markup to strip (a regex class body).
MARKUP_MARKS = r"<$&!*\\" + _INVISIBLE
_MARKUP_HINT = re.compile(f"[{MARKUP_MARKS}]")


# Label punctuation: ASCII and full-width forms of the marks printed around form labels.
_LABEL_NOISE = re.compile(
    r"[\s:：()（）\[\]［］【】〔〕〈〉《》<>＜＞「」『』、,，.。．;；!！?？*＊#＃\"＂“”'＇‘’|｜/／\\＼"
    r"\-－—–_＿·•…~～]"
)


def normalize_chars(text: str) -> str:
    """Drop invisible characters and map Kangxi radicals / CJK compatibility ideographs.

    >>> normalize_chars("⼀级指标\\ufeff")
    '一级指标'
    >>> normalize_chars("（１００％）")
    '（１００％）'
    """
    if _ODD_CHARS.search(text):
        return text.translate(_CHAR_TABLE)
    return text


def _math(match: re.Match[str]) -> str:
    return latex_to_text(match.group(match.lastindex or 1))


def strip_markup(text: str) -> str:
    """Turn LaTeX into plain characters and drop HTML tags, entities and markdown emphasis.

    ``<br>`` and block tags become line breaks; ``<eq>…</eq>`` (MinerU) is LaTeX.

    >>> strip_markup("<b>合计</b>")
    '合计'
    >>> strip_markup("$\\\\geq 95\\\\%$")
    '≥95%'
    >>> strip_markup("a<br>b")
    'a\\nb'
    >>> strip_markup("<0.1%")
    '<0.1%'
    """
    if "<" in text:
        if "<!--" in text:
            text = _COMMENT.sub("", text)
        if "<eq" in text or "<EQ" in text:
            text = _EQ_CLOSE.sub("$", _EQ_OPEN.sub("$", text))
        text = _BREAK_TAG.sub("\n", text)
    if "$" in text:
        if "$$" in text:
            text = _DISPLAY_MATH.sub(_math, text)
        text = _INLINE_MATH.sub(_math, text)
    if "\\" in text and _BARE_LATEX.search(text):
        text = latex_to_text(text, math_mode=False)
    if "<" in text:
        text = _TAG.sub("", text)
    if "**" in text:
        text = _STRONG.sub(r"\1", text)
    if "![" in text:
        text = _IMAGE.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    return text


def join_spaces(text: str) -> str:
    """Remove whitespace except between two ASCII letters or digits.

    >>> join_spaces(" 每月 25 日前 ")
    '每月25日前'
    >>> join_spaces("Excel  2010\\n版")
    'Excel 2010版'
    """
    parts = _WS.split(text)
    if len(parts) == 1:
        return text
    out = ""
    for part in parts:
        if not part:
            continue
        if out and out[-1] in _ASCII_ALNUM and part[0] in _ASCII_ALNUM:
            out += " "
        out += part
    return out


@text_memo()
def clean_cell(text: str | None) -> str:
    """A cell's text with extraction damage repaired; ``""`` for a blank cell.

    Memoized on the text (a pure function of it).

    >>> clean_cell("$\\\\geq -10\\\\%$ 或 $\\\\leq 10\\\\%$")
    '≥-10%或≤10%'
    >>> clean_cell("$105\\\\% \\\\leq 95\\\\%$")
    '105%≤95%'
    >>> clean_cell("≥ 6 个月或 ≤ 9 个月")
    '≥6个月或≤9个月'
    >>> clean_cell("<b>-10,670.54</b>")
    '-10,670.54'
    >>> clean_cell(">=6 月&&<=9 月")
    '≥6月&&≤9月'
    >>> clean_cell("105%≤≥95%")
    '105%≤≥95%'
    >>> clean_cell("喀什地区本级机关事业单位养老保\\n险（改革）基金")
    '喀什地区本级机关事业单位养老保险（改革）基金'
    """
    if not text:
        return ""
    return _clean(text)


def _clean(text: str) -> str:
    """:func:`clean_cell` without the cache (paragraphs are long and seldom repeat)."""
    text = normalize_chars(text)
    if _MARKUP_HINT.search(text):
        text = strip_markup(text)
    if "=" in text:
        text = text.replace(">=", "≥").replace("<=", "≤")
    return join_spaces(text)


@text_memo()
def is_blank(text: str) -> bool:
    """Whether a cell holds nothing once markup is dropped (``""``, ``&nbsp;``, ``<b></b>``).

    >>> is_blank(" <br> ")
    True
    >>> is_blank("0")
    False
    """
    text = text.strip()
    if not text:
        return True
    if not _MARKUP_HINT.search(text):
        return False
    return not clean_cell(text)


# A page number printed between lines or table rows: ``- 2 -``, ``—3—``, ``第1页共2页``,
# ``2/5``. A bare number is not one (it is a value in a one-cell-per-line stream).
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－]\s*\d+\s*[-—–－]|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)$"
)


_PAGE_NUMBER_STARTS = frozenset("-—–－第0123456789")


def is_page_number(text: str) -> bool:
    """Whether a cleaned line is a page number the extractor left in the text.

    >>> [is_page_number(t) for t in ("- 2 -", "第1页共2页", "2/5", "25", "第2页说明")]
    [True, True, True, False, False]
    """
    return text[:1] in _PAGE_NUMBER_STARTS and _PAGE_NUMBER.match(text) is not None


def any_filled(cells: Iterable[str]) -> bool:
    """Whether some cell is not blank (:func:`is_blank`): rows of blank cells are dropped.

    >>> any_filled(["", "&nbsp;", "合计"]), any_filled(["", "<br>"])
    (True, False)
    """
    for cell in cells:  # noqa: SIM110 (a loop: several times faster than any() of a generator)
        if cell and not is_blank(cell):
            return True
    return False


_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n|</p\s*>|<p(?:\s[^<>]*)?>", re.I)


def clean_paragraph(text: str) -> str:
    """Narrative text: each paragraph cleaned like a cell, paragraph breaks kept.

    Paragraphs are separated by a blank line or by ``<p>`` tags.

    >>> clean_paragraph("本年收入 4145.35 万元，其中：基本养老保险费收入  \\n1191.07 万元。\\n\\n第二段")
    '本年收入4145.35万元，其中：基本养老保险费收入1191.07万元。\\n\\n第二段'
    """
    paragraphs = _PARAGRAPH_BREAK.split(text)
    return "\n\n".join(p for p in (_clean(p) for p in paragraphs if p) if p)


@text_memo()
def label_key(text: str) -> str:
    """A form label reduced for matching: no spaces, punctuation or markup.

    >>> label_key("其中: 财政资金") == label_key("其中：财政资金") == "其中财政资金"
    True
    >>> label_key("<b>项 目</b>")
    '项目'
    >>> label_key("⼀级指标")
    '一级指标'
    """
    return _LABEL_NOISE.sub("", clean_cell(text))
