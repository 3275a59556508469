"""Text styles of extracted tables: one reader module per style, and writers.

- :mod:`.tsv` — tab-separated rows (openpyxl / pdfplumber dumps);
- :mod:`.markdown` — pipe tables, headings, bold lines (docling, marker, MinerU);
- :mod:`.html_table` — ``<table>`` with rowspan/colspan (MinerU, PaddleOCR, wired_table_rec);
- :mod:`.lines` — running text and one-cell-per-line text;
- :mod:`.latex` — LaTeX in cells → plain characters;
- :mod:`.layout` — logical grids and span layout; :mod:`.writers` — a grid in each style.

:func:`jixiao.ingest.grid.read_rows` is the entry point that mixes them. This
package imports nothing at load time so that :mod:`jixiao.ingest.text` can use
:mod:`.latex` without an import cycle.
"""
