"""Labels and fixed phrases that the extractor wrapped over lines, put back together.

A label is never a value, so a fragment that is the start of a known label
(``二、预算执行情``, ``指标完成``, ``其中：财政资``, ``未达监控``) continues on the next
line when that line goes on with the rest of it (``况``, ``率``, ``金``, ``节点``).
This runs before rows are built, so the rest of the reader sees whole labels.
"""

from __future__ import annotations

from jixiao.ingest.wrapped import labels, shapes
from jixiao.ingest.wrapped.pieces import Line

_MAX_LABEL_LINES = 6


def rejoin_labels(lines: list[Line]) -> list[Line]:
    """``lines`` with wrapped labels joined into their first fragment."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        out.append(line)
        i += 1
        if not line.pieces:
            continue
        tail = line.pieces[-1]
        if not (labels.is_label_prefix(tail.text) or shapes.is_closer_prefix(tail.text)):
            continue
        taken, joined = _label_chain(tail.text, lines, i)
        if not taken:
            continue
        tail.retext(joined)
        line.changed()
        for k in range(i, i + taken):
            lines[k].set_pieces(lines[k].pieces[1:])
        while i < len(lines) and not lines[i].pieces:
            i += 1
    return out


def _label_chain(head: str, lines: list[Line], start: int) -> tuple[int, str]:
    """How many following lines lend their first fragment to the label ``head``,
    and the whole label; ``(0, head)`` when the fragments do not make a label."""
    best = (0, head)
    text = head
    for k in range(start, min(len(lines), start + _MAX_LABEL_LINES)):
        pieces = lines[k].pieces
        if not pieces:
            break
        nxt = pieces[0].text
        if not (labels.completes(text, nxt) or shapes.closer_join(text, nxt)):
            break
        text += nxt
        if labels.is_complete(text) or shapes.is_closer(text):
            best = (k - start + 1, text)
        if len(pieces) > 1:
            break
    return best
