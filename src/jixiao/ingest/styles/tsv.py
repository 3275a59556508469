"""Tab-separated rows (openpyxl / pandas / pdfplumber grids joined by ``\\t``, Tika, dnGrep).

Every cell is kept, blank ones included: leading blanks are positions covered by
a rowspan from above, trailing blanks by a colspan, and a blank in between may be
either or a genuinely empty cell. Which is which is left to the form readers,
which know the form's layout.
"""

from __future__ import annotations

from jixiao.ingest.rows import Row
from jixiao.ingest.text import any_filled


def is_tsv_line(line: str) -> bool:
    return "\t" in line


def read_tsv_line(line: str, number: int) -> Row | None:
    """The row of one tab-separated line; ``None`` when every cell is blank."""
    cells = line.split("\t")
    if not any_filled(cells):
        return None
    return Row(cells, number, "tsv")
