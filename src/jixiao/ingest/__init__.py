"""Reading performance documents into records (record-format.md).

The entry points are :func:`parse_file` and :func:`parse_text` (the pipeline in
:mod:`jixiao.ingest.pipeline`) and :func:`read_rows` (any text style → rows).
They are loaded on first use, so that importing one of the package's small
modules (``jixiao.ingest.text``) does not load the whole reader.

>>> from jixiao.ingest import parse_text
>>> text = "2020年某县社会保险基金决算收入表\\n项目\\t决算数\\n全县社会保险基金收入合计\\t1,000.00\\n"
>>> [r.kind for r in parse_text(text)]
['final_accounts']
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from jixiao.ingest.errors import IngestError
from jixiao.ingest.rows import Row

if TYPE_CHECKING:
    from jixiao.ingest.files import decode_document, read_document
    from jixiao.ingest.grid import read_rows
    from jixiao.ingest.pipeline import parse_file, parse_text, records_from_rows

_LAZY: dict[str, str] = {
    "decode_document": "jixiao.ingest.files",
    "read_document": "jixiao.ingest.files",
    "read_rows": "jixiao.ingest.grid",
    "parse_file": "jixiao.ingest.pipeline",
    "parse_text": "jixiao.ingest.pipeline",
    "records_from_rows": "jixiao.ingest.pipeline",
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'jixiao.ingest' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


__all__ = [
    "IngestError",
    "Row",
    "decode_document",
    "parse_file",
    "parse_text",
    "read_document",
    "read_rows",
    "records_from_rows",
]
