"""Logical table grids: cells on a rectangle, merged ranges recorded on their anchors.

The HTML table model (rows of cells with ``rowspan``/``colspan``) is laid out onto
a rectangle where the anchor keeps the text and every covered position is ``""``
with span ``(0, 0)``; an ordinary cell has span ``(1, 1)``. Writers take a
:class:`Grid`; readers of tools that flatten merges (openpyxl, pdfplumber) give a
grid whose spans are unknown, which :func:`infer_spans` can guess.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from jixiao.ingest.rows import Row

Span = tuple[int, int]
COVERED: Span = (0, 0)
SINGLE: Span = (1, 1)
# HTML caps colspan at 1000; the cap also bounds memory for hostile input.
MAX_COLSPAN = 1000
MAX_WIDTH = 2000


@dataclass
class Grid:
    """A table as a rectangle of cell texts.

    ``spans`` maps an anchor ``(row, col)`` to its ``(rowspan, colspan)``; cells
    not listed are single cells unless a span covers them. Covered positions
    should hold ``""`` (writers ignore their text).
    """

    cells: list[list[str]]
    spans: dict[tuple[int, int], Span] = field(default_factory=dict)

    def __post_init__(self) -> None:
        width = max((len(r) for r in self.cells), default=0)
        self.cells = [list(r) + [""] * (width - len(r)) for r in self.cells]
        self.spans = {k: v for k, v in self.spans.items() if v != SINGLE}

    @property
    def width(self) -> int:
        return len(self.cells[0]) if self.cells else 0

    def covered(self) -> dict[tuple[int, int], tuple[int, int]]:
        """Each covered position → its anchor (spans clipped to the rectangle)."""
        out: dict[tuple[int, int], tuple[int, int]] = {}
        height, width = len(self.cells), self.width
        for (r, c), (rs, cs) in self.spans.items():
            for dr in range(rs):
                for dc in range(cs):
                    if (dr or dc) and r + dr < height and c + dc < width:
                        out.setdefault((r + dr, c + dc), (r, c))
        return out

    def row_spans(self) -> list[list[Span]]:
        """Per-position spans in the :attr:`Row.spans` convention."""
        out = [[SINGLE] * self.width for _ in self.cells]
        for r, c in self.covered():
            out[r][c] = COVERED
        for (r, c), span in self.spans.items():
            if r < len(out) and c < self.width:
                out[r][c] = span
        return out

    def expanded(self) -> list[list[str]]:
        """Cells with the anchor's text copied into every covered position (docling style)."""
        cells = [list(r) for r in self.cells]
        for (r, c), (ar, ac) in self.covered().items():
            cells[r][c] = self.cells[ar][ac]
        return cells


def as_grid(table: Grid | Sequence[Sequence[str]]) -> Grid:
    """A :class:`Grid` for a grid or for plain rows of cell texts (no spans)."""
    if isinstance(table, Grid):
        return table
    return Grid([list(r) for r in table])


def grid_from_rows(rows: Sequence[Row]) -> Grid:
    """The grid of one table's rows (as :func:`jixiao.ingest.grid.read_rows` gives them)."""
    spans: dict[tuple[int, int], Span] = {}
    for r, row in enumerate(rows):
        for c, span in enumerate(row.spans):
            if span not in (SINGLE, COVERED):
                spans[(r, c)] = span
    return Grid([list(row.cells) for row in rows], spans)


def table_grids(rows: Sequence[Row]) -> list[Grid]:
    """The grid of every table in a document, in order (rows grouped by ``Row.table``)."""
    tables: dict[int, list[Row]] = {}
    for row in rows:
        if row.table:
            tables.setdefault(row.table, []).append(row)
    return [grid_from_rows(t) for t in tables.values()]


@dataclass(slots=True)
class PlacedCell:
    """One source cell of the HTML table model, before layout."""

    text: str
    rowspan: int = 1
    colspan: int = 1


def lay_out(
    rows: Sequence[Sequence[PlacedCell]], groups: Sequence[int] | None = None
) -> tuple[list[list[str]], list[list[Span]]]:
    """Place source rows onto a rectangle (HTML table model).

    A cell goes to the first free column of its row; rowspans stop at the end of
    their row group (``groups[r]`` is row ``r``'s ``<thead>``/``<tbody>`` number);
    ``rowspan=0`` reaches that end; overlapping spans are clipped, never raise.
    Returns cell texts and per-position spans.
    """
    height = len(rows)
    group_end = [height] * height
    if groups is not None:
        for r in range(height - 2, -1, -1):
            group_end[r] = group_end[r + 1] if groups[r] == groups[r + 1] else r + 1
    owner: list[dict[int, tuple[int, int]]] = [{} for _ in range(height)]
    anchors: list[tuple[int, int, str, int, int]] = []
    for r, row in enumerate(rows):
        taken = owner[r]
        c = 0
        for cell in row:
            while c in taken:
                c += 1
            if cell.rowspan == 1 and cell.colspan == 1:
                taken[c] = (r, c)
                anchors.append((r, c, cell.text, 1, 1))
                c += 1
                continue
            want_cols = max(1, min(cell.colspan, MAX_COLSPAN, MAX_WIDTH - c))
            cols = 1
            while cols < want_cols and c + cols not in taken:
                cols += 1
            limit = group_end[r] - r
            want_rows = limit if cell.rowspan <= 0 else min(cell.rowspan, limit)
            span_rows = 1
            while span_rows < want_rows and all(
                c + k not in owner[r + span_rows] for k in range(cols)
            ):
                span_rows += 1
            for dr in range(span_rows):
                below = owner[r + dr]
                for k in range(cols):
                    below[c + k] = (r, c)
            anchors.append((r, c, cell.text, span_rows, cols))
            c += cols
    width = max((max(o) + 1 for o in owner if o), default=0)
    cells = [[""] * width for _ in range(height)]
    spans: list[list[Span]] = []
    for o in owner:
        row_spans = [SINGLE] * width
        for c in o:
            row_spans[c] = COVERED
        spans.append(row_spans)
    for r, c, text, rs, cs in anchors:
        cells[r][c] = text
        spans[r][c] = (rs, cs)
    return cells, spans


def infer_spans(table: Grid | Sequence[Sequence[str]]) -> Grid:
    """Guess the merged ranges of a grid whose merges were flattened to blank cells.

    Leading blank cells continue the merged cell above (rowspan) when the whole
    width of that cell is blank in this row; a blank cell after a filled one in
    the same row continues it (colspan). Only blank cells become covered, so the
    cell texts are unchanged. Used to write realistic HTML from TSV seeds.
    """
    grid = as_grid(table)
    cells = grid.cells
    height, width = len(cells), grid.width
    blank = [[not t.strip() for t in row] for row in cells]
    owner: list[list[tuple[int, int] | None]] = [[None] * width for _ in range(height)]
    spans: dict[tuple[int, int], Span] = {}
    for r in range(height):
        first_filled = next((c for c in range(width) if not blank[r][c]), width)
        for c in range(width):
            if owner[r][c] is not None:
                continue
            if not blank[r][c]:
                owner[r][c] = (r, c)
                spans[(r, c)] = SINGLE
                continue
            above = owner[r - 1][c] if r > 0 else None
            if c < first_filled and above is not None:
                ar, ac = above
                rs, cs = spans[above]
                if ac == c and ar + rs == r and ac + cs <= first_filled:
                    spans[above] = (rs + 1, cs)
                    for k in range(cs):
                        owner[r][c + k] = above
                    continue
            left = owner[r][c - 1] if c > 0 else None
            if c >= first_filled and left is not None and left[0] == r:
                rs, cs = spans[left]
                if rs == 1 and left[1] + cs == c:
                    spans[left] = (1, cs + 1)
                    owner[r][c] = left
    return Grid(cells, spans)
