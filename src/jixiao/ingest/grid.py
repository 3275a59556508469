"""Text styles → rows of cells.

This first version reads tab-separated rows and running text. (Markdown pipe
tables, HTML ``<table>`` with spans, pdfminer-style wrapped text and
one-cell-per-line text are added beside it.)
"""

from __future__ import annotations

import re

from jixiao.ingest.rows import Row

_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")


def read_rows(text: str) -> list[Row]:
    """Split a document's text into rows; blank lines are dropped."""
    rows: list[Row] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        if "\t" in line:
            rows.append(Row(cells=line.split("\t"), line=number, style="tsv"))
            continue
        heading = _HEADING.match(line.strip())
        if heading:
            rows.append(Row(cells=[heading.group(2)], line=number, heading=len(heading.group(1))))
        else:
            rows.append(Row(cells=[line.strip()], line=number))
    return rows
