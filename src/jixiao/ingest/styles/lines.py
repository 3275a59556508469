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
from functools import lru_cache

from jixiao.ingest.rows import Row
from jixiao.ingest.styles.markdown import heading, unwrap_bold
from jixiao.ingest.text import TEXT_CACHE_SIZE, is_blank

_BLOCK_TAG = re.compile(
    r"<\s*(/?)\s*(h[1-6]|p|div|br|li|ul|ol|section|article|header|footer|blockquote|html|body|"
    r"head|title|center)\b[^<>]*>",
    re.I,
)


# A row of running text: its cell, heading level (0 if none) and whether it was bold.
_Reading = tuple[str, int, bool]


def text_row(text: str, number: int, level: int = 0) -> Row | None:
    """The row of one piece of running text (already stripped); ``None`` if blank."""
    reading = _reading(text, level)
    return None if reading is None else _row(reading, number)


def text_rows(line: str, number: int) -> Iterator[Row]:
    """Rows of one line of running text."""
    for reading in _line_readings(line.strip()):
        yield _row(reading, number)


def _row(reading: _Reading, number: int) -> Row:
    cell, level, bold = reading
    return Row(cells=[cell], line=number, heading=level, bold=bold)


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _line_readings(text: str) -> tuple[_Reading, ...]:
    """The rows of a stripped line, memoized: headings and markup lines repeat."""
    if "<" in text and _BLOCK_TAG.search(text):
        return tuple(_block_readings(text))
    reading = _reading(text, 0)
    return () if reading is None else (reading,)


def _reading(text: str, level: int) -> _Reading | None:
    """The row of one piece of stripped running text (under a ``<hN>`` tag when
    ``level``), as a reading; ``None`` if blank."""
    if is_blank(text):
        return None
    found = heading(text) if level == 0 else None
    if found is not None and not is_blank(found[1]):
        return found[1], found[0], False
    inner, bold = unwrap_bold(text)
    if is_blank(inner):
        return None
    if level:
        return inner, level, False
    return inner if bold else text, 0, bold


def _block_readings(text: str) -> Iterator[_Reading]:
    level = 0
    start = 0
    for match in _BLOCK_TAG.finditer(text):
        reading = _reading(text[start : match.start()].strip(), level)
        if reading is not None:
            yield reading
        name = match.group(2).lower()
        if name[0] == "h" and name[1:].isdigit():
            level = 0 if match.group(1) else int(name[1])
        start = match.end()
    reading = _reading(text[start:].strip(), level)
    if reading is not None:
        yield reading
