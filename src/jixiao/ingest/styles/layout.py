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
_NONE: frozenset[int] = frozenset()


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


def lay_out(
    texts: Sequence[Sequence[str]],
    spans: Sequence[Sequence[Span]],
    groups: Sequence[int] | None = None,
) -> tuple[list[list[str]], list[list[Span]]]:
    """Place source rows onto a rectangle (HTML table model).

    Source row ``r`` has cells with texts ``texts[r]`` and ``(rowspan, colspan)``
    ``spans[r]`` as written. A cell goes to the first free column of its row;
    rowspans stop at the end of their row group (``groups[r]`` is row ``r``'s
    ``<thead>``/``<tbody>`` number); ``rowspan=0`` reaches that end; overlapping
    spans are clipped, never raise. Returns cell texts and per-position spans.
    """
    height = len(texts)
    group_end = [height] * height
    if groups is not None:
        for r in range(height - 2, -1, -1):
            group_end[r] = group_end[r + 1] if groups[r] == groups[r + 1] else r + 1
    # The columns of a row covered by rowspans from the rows above it (rows with some).
    blocked_rows: dict[int, set[int]] = {}
    cells: list[list[str]] = []
    laid_spans: list[list[Span]] = []
    for r, (source_texts, source_spans) in enumerate(zip(texts, spans, strict=True)):
        blocked = blocked_rows.get(r)
        # Positions are filled left to right: the row's lists grow with its cells.
        row_cells: list[str] = []
        row_spans: list[Span] = []
        for text, span in zip(source_texts, source_spans, strict=True):
            if blocked:
                c = len(row_cells)
                while c in blocked:
                    row_cells.append("")
                    row_spans.append(COVERED)
                    c += 1
            if span == SINGLE:
                row_cells.append(text)
                row_spans.append(SINGLE)
                continue
            c = len(row_cells)
            rowspan, colspan = span
            cols = 1
            if colspan > 1:
                want_cols = min(colspan, MAX_COLSPAN, MAX_WIDTH - c)
                if blocked:
                    while cols < want_cols and c + cols not in blocked:
                        cols += 1
                elif want_cols > 1:
                    cols = want_cols
            span_rows = 1
            if rowspan != 1:
                limit = group_end[r] - r  # rows left in the row group
                want_rows = limit if rowspan <= 0 or rowspan > limit else rowspan
                columns = range(c, c + cols)
                while span_rows < want_rows and blocked_rows.get(r + span_rows, _NONE).isdisjoint(
                    columns
                ):
                    span_rows += 1
                for below in range(r + 1, r + span_rows):
                    if below in blocked_rows:
                        blocked_rows[below].update(columns)
                    else:
                        blocked_rows[below] = set(columns)
            row_cells.append(text)
            row_spans.append((span_rows, cols))
            if cols > 1:
                row_cells.extend([""] * (cols - 1))
                row_spans.extend([COVERED] * (cols - 1))
        cells.append(row_cells)
        laid_spans.append(row_spans)
    width = max(map(len, cells), default=0)
    for r, (row_cells, row_spans) in enumerate(zip(cells, laid_spans, strict=True)):
        filled = len(row_cells)
        if filled < width:
            row_cells.extend([""] * (width - filled))
            row_spans.extend([SINGLE] * (width - filled))
            for c in blocked_rows.get(r, _NONE):
                if c >= filled:
                    row_spans[c] = COVERED
    return cells, laid_spans


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
