"""Running text and one-cell-per-line text → single-cell rows.

Every non-blank line is its own row: docx2txt and pdftotext put each cell of a
table on a line of its own, and joining lines here would merge cells. The form
readers pair labels and values in such cell streams. A markdown heading gives
``heading``; a wholly bold line gives ``bold``; HTML block tags (``<p>``,
``<h2>``, ``<br>``) split a line into rows; lines holding only markup (an image,
``<!-- image -->``, ``<p></p>``) are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao.ingest.rows import Row
from jixiao.ingest.styles.markdown import heading, unwrap_bold
from jixiao.ingest.text import is_blank

_BLOCK_TAG = re.compile(
    r"<\s*(/?)\s*(h[1-6]|p|div|br|li|ul|ol|section|article|header|footer|blockquote|html|body|"
    r"head|title|center)\b[^<>]*>",
    re.I,
)


def text_row(text: str, number: int, level: int = 0) -> Row | None:
    """The row of one piece of running text (already stripped); ``None`` if blank."""
    if is_blank(text):
        return None
    found = heading(text) if level == 0 else None
    if found is not None and not is_blank(found[1]):
        return Row(cells=[found[1]], line=number, heading=found[0])
    inner, bold = unwrap_bold(text)
    if is_blank(inner):
        return None
    if level:
        return Row(cells=[inner], line=number, heading=level)
    return Row(cells=[inner if bold else text], line=number, bold=bold)


def text_rows(line: str, number: int) -> Iterator[Row]:
    """Rows of one line of running text."""
    text = line.strip()
    if "<" in text and _BLOCK_TAG.search(text):
        yield from _block_rows(text, number)
        return
    row = text_row(text, number)
    if row is not None:
        yield row


def _block_rows(text: str, number: int) -> Iterator[Row]:
    level = 0
    start = 0
    for match in _BLOCK_TAG.finditer(text):
        row = text_row(text[start : match.start()].strip(), number, level)
        if row is not None:
            yield row
        name = match.group(2).lower()
        if name[0] == "h" and name[1:].isdigit():
            level = 0 if match.group(1) else int(name[1])
        start = match.end()
    row = text_row(text[start:].strip(), number, level)
    if row is not None:
        yield row
