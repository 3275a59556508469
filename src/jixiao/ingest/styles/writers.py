"""A logical grid written in each text style, as the extraction tools write it.

Used to build test documents and the parse benchmark from seeds: for a grid
with spans, :func:`jixiao.ingest.grid.read_rows` of every writer's output gives
the same cells (covered positions ``""``). Line breaks inside a cell are written
the way each tool does: ``<br>`` in markdown and HTML, a space in TSV (a raw
newline would split the row), separate lines in one-cell-per-line text.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from jixiao.ingest.grid import read_rows
from jixiao.ingest.rows import Row
from jixiao.ingest.styles.layout import Grid, as_grid, grid_from_rows

__all__ = ["write_cell_lines", "write_html", "write_markdown", "write_tsv"]


def _one_line(text: str) -> str:
    return " ".join(text.replace("\t", " ").split("\n"))


def write_tsv(table: Grid | Sequence[Sequence[str]]) -> str:
    """Rows joined by tabs, merged positions blank (openpyxl / pdfplumber dumps)."""
    grid = as_grid(table)
    return "".join("\t".join(_one_line(c) for c in row) + "\n" for row in grid.cells)


def _markdown_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\t", " ").replace("\n", "<br>")


def write_markdown(
    table: Grid | Sequence[Sequence[str]], *, duplicate_spans: bool = False, padded: bool = True
) -> str:
    """A pipe table with its first row as header.

    marker writes a merged cell's text in its anchor and blanks the rest (the
    default); docling repeats it in every covered position (``duplicate_spans``).
    ``padded`` pads cells to the column width as docling's tabulate does.
    """
    grid = as_grid(table)
    rows = grid.expanded() if duplicate_spans else grid.cells
    cells = [[_markdown_cell(c) for c in row] for row in rows]
    if not cells:
        return ""
    widths = [max(3, *(len(row[c]) for row in cells)) if padded else 3 for c in range(grid.width)]

    def line(row: list[str]) -> str:
        if padded:
            return "| " + " | ".join(t.ljust(w) for t, w in zip(row, widths, strict=True)) + " |"
        return "| " + " | ".join(row) + " |"

    out = [line(cells[0]), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out += [line(row) for row in cells[1:]]
    return "\n".join(out) + "\n"


def _html_cell(text: str) -> str:
    return html.escape(text, quote=False).replace("\n", "<br>")


def write_html(
    table: Grid | Sequence[Sequence[str]],
    *,
    header_rows: int = 0,
    explicit_spans: bool = False,
    one_line: bool = True,
    wrap_document: bool = True,
) -> str:
    """An HTML table with ``rowspan``/``colspan`` on merged cells.

    Defaults give MinerU's shape (``<html><body><table>…`` on one line, spans only
    where larger than 1, quoted). ``header_rows`` puts the first rows in
    ``<thead>`` with ``<b>`` around their text (PaddleOCR's SLANet matcher);
    ``explicit_spans`` writes unquoted ``rowspan=1 colspan=1`` on every cell
    (wired_table_rec); ``one_line=False`` puts each row on a line of its own.
    """
    grid = as_grid(table)
    covered = grid.covered()
    sep = "" if one_line else "\n"
    parts: list[str] = []
    for r, row in enumerate(grid.cells):
        if r == 0 and header_rows > 0:
            parts.append("<thead>")
        if r == header_rows and header_rows > 0:
            parts.append("</thead><tbody>")
        cells: list[str] = []
        for c, text in enumerate(row):
            if (r, c) in covered:
                continue
            rowspan, colspan = grid.spans.get((r, c), (1, 1))
            if explicit_spans:
                attrs = f" rowspan={rowspan} colspan={colspan}"
            else:
                attrs = "".join(
                    f' {name}="{value}"'
                    for name, value in (("rowspan", rowspan), ("colspan", colspan))
                    if value > 1
                )
            body = _html_cell(text)
            if r < header_rows and body:
                body = f"<b>{body}</b>"
            cells.append(f"<td{attrs}>{body}</td>")
        parts.append("<tr>" + "".join(cells) + "</tr>")
    if header_rows > 0:
        parts.append("</tbody>" if len(grid.cells) > header_rows else "</thead>")
    body = sep.join(parts)
    document = f"<table>{sep}{body}{sep}</table>"
    if wrap_document:
        document = f"<html><body>{document}</body></html>"
    return document + "\n"


def write_cell_lines(table: Grid | Sequence[Sequence[str]], *, blank_lines: bool = False) -> str:
    """Each non-blank cell on a line of its own in reading order (docx2txt, pdftotext -raw).

    A cell's own line breaks give separate lines; ``blank_lines`` puts a blank
    line between cells as docx2txt does.
    """
    grid = as_grid(table)
    lines: list[str] = []
    for row in grid.cells:
        for text in row:
            for piece in text.replace("\t", " ").split("\n"):
                if piece.strip():
                    lines.append(piece.strip())
    return ("\n\n" if blank_lines else "\n").join(lines) + "\n"


def rewrite_tables(text: str, write: Callable[[Grid], str]) -> str:
    """A document with every table printed again by ``write`` (one of the writers
    above); running text kept, one line per row (a markdown heading keeps its ``#``).

    Used to read one document in every extraction style (tests, benchmarks).
    """
    return rewrite_rows(read_rows(text), write)


def rewrite_rows(rows: Sequence[Row], write: Callable[[Grid], str]) -> str:
    """:func:`rewrite_tables` of a document already read into rows."""
    out: list[str] = []
    table: list[Row] = []  # rows of the table being gathered
    for row in [*rows, None]:
        if row is not None and row.table and (not table or row.table == table[0].table):
            table.append(row)
            continue
        if table:
            out.append(write(grid_from_rows(table)))
            table = []
        if row is not None and row.table:
            table.append(row)
        elif row is not None:
            line = " ".join(row.filled)
            out.append(("#" * row.heading + " " + line if row.heading else line) + "\n")
    return "\n".join(out)
