"""The goal stretch: 年度预期目标 | 目前完成情况 | 总体完成率 → one row.

Under the headings come the goal paragraph, the progress paragraph and the
overall completion rate, each a cell of one table row. pdfminer prints the two
paragraphs one after the other, wrapped at their columns' widths, often with a
blank line between text boxes; the rate (``51%``) stands on a line of its own,
usually after them. The row is rebuilt as ``[goal, progress, rate]``.

Where the goal ends and the progress begins is chosen among the line breaks by
these signs, strongest first: the line before ends a sentence (``。``); the line
after is indented (a paragraph's first line); the line before is short for its
column; a blank line (a new text box) comes between. The lines of each paragraph
except its last should also have about the same width (each column wraps at its
own width), so a break that leaves two groups of even widths scores better.
Without any of these signs (a single paragraph) all text is the goal. A table
with one text column (项目总体目标 on a 绩效目标表) takes all lines as the goal.
"""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.ingest.wrapped import shapes
from jixiao.ingest.wrapped.cells import join_texts
from jixiao.ingest.wrapped.pieces import Line, Piece
from jixiao.ingest.wrapped.structure import stops_region

_MIN_SPLIT_SCORE = 2.5
_GAP = 1  # a paragraph that starts after a space on its line counts as indented
_LONG_RUN = 24  # half-width units of text on both sides of a space between two paragraphs
_WIDTH_SLACK = 4
_MAX_EVENNESS_LINES = 120  # longer stretches skip the width-evenness term (it is quadratic)


@dataclass(frozen=True, slots=True)
class _Para:
    """One line of paragraph text."""

    text: str
    number: int
    indent: int
    after_blank: bool
    width: int


def read_goal_row(
    lines: list[Line], i: int, roles: list[str], lead: list[Piece]
) -> tuple[tuple[list[str], int] | None, int]:
    """The goal row from line ``i`` on, and the index of the first line after it.

    ``lead`` holds text printed after the headings on their own line.
    """
    text_columns = [r for r in dict.fromkeys(roles) if r in ("goal", "progress")]
    paras: list[_Para] = []
    if lead:
        paras.extend(_segments(lead, lead[0].line, first_indent=_GAP, after_blank=True))
    rate: tuple[str, int] | None = None
    while i < len(lines):
        line = lines[i]
        if stops_region(line):
            break
        pieces = line.pieces
        if rate is None and _is_rate(pieces):
            rate = (pieces[-1].text, line.number)
            pieces = pieces[:-1]
        paras.extend(
            _segments(pieces, line, first_indent=line.indent, after_blank=line.after_blank)
        )
        i += 1
    cells: list[str] = []
    if paras:
        if len(text_columns) >= 2:
            cut = split_point(paras)
            cells = [_joined(paras[:cut]), _joined(paras[cut:])]
        else:
            cells = [_joined(paras)]
    if rate is not None:
        cells.append(rate[0])
    cells = [c for c in cells if c]
    if not cells:
        return None, i
    number = paras[0].number if paras else rate[1] if rate else lines[i - 1].number
    return (cells, number), i


def _segments(
    pieces: list[Piece], line: Line, *, first_indent: int, after_blank: bool
) -> list[_Para]:
    """The text of a line, cut where a sentence ends before a space: two paragraphs
    printed side by side (goal and progress on one line) become two."""
    out: list[_Para] = []
    start = 0
    for k, piece in enumerate(pieces):
        if k + 1 < len(pieces) and not _column_gap(piece, pieces[k + 1]):
            continue
        text = " ".join(p.text for p in pieces[start : k + 1])
        first = start == 0
        indent = first_indent if first else _GAP
        out.append(_Para(text, line.number, indent, after_blank and first, shapes.width(text)))
        start = k + 1
    return out


def _column_gap(before: Piece, after: Piece) -> bool:
    """A space between two paragraphs: after a sentence's end, or between two long
    runs of Chinese text (a paragraph's own text has no spaces)."""
    if shapes.ends_sentence(before.text):
        return True
    return min(before.width, after.width) >= _LONG_RUN and shapes.has_cjk(before.text[-1:])


def _is_rate(pieces: list[Piece]) -> bool:
    """A percentage alone on its line, or after a paragraph's last sentence."""
    if not shapes.is_percent(pieces[-1].text):
        return False
    return len(pieces) == 1 or shapes.ends_sentence(pieces[-2].text)


def _joined(paras: list[_Para]) -> str:
    return join_texts(p.text.strip() for p in paras)


def split_point(paras: list[_Para]) -> int:
    """Index of the first progress line (``len(paras)`` when there is no progress)."""
    best, best_score = len(paras), _MIN_SPLIT_SCORE
    widest = 0
    for cut in range(1, len(paras)):
        widest = max(widest, paras[cut - 1].width)
        score = _break_score(paras, cut, widest)
        if score > best_score:
            best, best_score = cut, score
    return best


def _break_score(paras: list[_Para], cut: int, widest: int) -> float:
    before, after = paras[cut - 1], paras[cut]
    score = 0.0
    if shapes.ends_sentence(before.text.rstrip("”’\"')）")):
        score += 3.0
    if after.indent > 0:
        score += 3.0
    if after.after_blank:
        score += 1.0
    if score == 0.0:
        return score  # no sign of a paragraph end: not a candidate
    if before.width < widest * 0.75:
        score += 2.0
    if len(paras) <= _MAX_EVENNESS_LINES:
        score -= (_unevenness(paras[: cut - 1]) + _unevenness(paras[cut:-1])) / 8
    return score


def _unevenness(paras: list[_Para]) -> float:
    """How far the full lines of one paragraph fall short of its widest line."""
    if len(paras) < 2:
        return 0.0
    widest = max(p.width for p in paras[1:]) if len(paras) > 2 else max(p.width for p in paras)
    return float(sum(max(0, widest - p.width - _WIDTH_SLACK) for p in paras[1:]))
