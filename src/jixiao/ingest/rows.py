"""Documents as rows of cells: the common shape every text style is read into.

Each :class:`Row` is one table row (its cells, ``""`` for a blank cell) or one
line of running text (a single cell). Form readers work on rows and do not care
which extraction tool produced them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from jixiao.ingest.text import is_blank

RowStyle = Literal["tsv", "markdown", "html", "wrapped", "text"]


@dataclass(slots=True)
class Row:
    """One table row or one line of text.

    ``cells`` hold raw cell texts (call :func:`jixiao.ingest.text.clean_cell`);
    a cell covered by a merge is ``""``. ``line`` is the 1-based source line.
    ``heading`` is the markdown heading level (0 when not a heading).

    ``spans`` is empty when the style does not say (TSV, markdown, text);
    otherwise one ``(rowspan, colspan)`` per cell: the anchor of a merged range
    carries its size, a position covered by it is ``(0, 0)``, a plain cell
    ``(1, 1)``. ``table`` numbers the tables of a document from 1 in order (0 for
    running text): consecutive TSV or markdown rows form one table, blank lines
    do not end it; each HTML ``<table>`` is one. ``bold`` marks a text line that
    was wholly bold (``**…**``, ``<b>…</b>``), often a section title.
    """

    cells: list[str]
    line: int
    style: RowStyle = "text"
    heading: int = 0
    spans: list[tuple[int, int]] = field(default_factory=list)
    table: int = 0
    bold: bool = False
    # ``filled`` of the cells list it was computed from (rows are asked it many times)
    _filled: list[str] | None = field(default=None, init=False, repr=False, compare=False)
    _filled_of: list[str] | None = field(default=None, init=False, repr=False, compare=False)
    _filled_count: int = field(default=-1, init=False, repr=False, compare=False)

    @property
    def filled(self) -> list[str]:
        """The non-blank cells, in order (markup-only cells such as ``<br>`` are blank).

        Computed once per cells list (again if ``cells`` is replaced or grows); the list
        is shared, so callers must not change it."""
        cells, filled = self.cells, self._filled
        if filled is None or self._filled_of is not cells or self._filled_count != len(cells):
            filled = self._filled = [c for c in cells if c and not is_blank(c)]
            self._filled_of, self._filled_count = cells, len(cells)
        return filled

    @property
    def is_table(self) -> bool:
        return self.style != "text"

    @property
    def text(self) -> str:
        return " ".join(self.filled)
