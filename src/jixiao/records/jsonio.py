"""Reading and writing records as JSON, keeping numbers exactly as printed.

``dumps`` writes a :class:`~decimal.Decimal` as the JSON number it was printed as
(``10.00`` stays ``10.00``); ``loads`` reads JSON numbers back as decimals, so a
record that goes to JSON and back is the same record, precision included.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from pydantic import BaseModel


def to_plain(value: Any) -> Any:
    """Models → dicts with decimals kept (pydantic's python mode, enums as values)."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="python")
    return value


def _decimal_text(value: Decimal) -> str:
    text = format(value, "f")
    return "0" if text in ("-0", "-0.0") else text


def _encode(value: Any, indent: int | None, level: int) -> Iterator[str]:
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="python")
    if value is None or isinstance(value, (bool, str)):
        yield json.dumps(value, ensure_ascii=False)
    elif isinstance(value, Decimal):
        yield _decimal_text(value)
    elif isinstance(value, (int, float)):
        yield json.dumps(value)
    elif isinstance(value, dict):
        if not value:
            yield "{}"
            return
        pad, inner = _pads(indent, level)
        yield "{"
        for i, (key, item) in enumerate(value.items()):
            yield ("," if i else "") + inner
            yield json.dumps(str(key), ensure_ascii=False) + (": " if indent is not None else ":")
            yield from _encode(item, indent, level + 1)
        yield pad + "}"
    elif isinstance(value, (list, tuple)):
        if not value:
            yield "[]"
            return
        pad, inner = _pads(indent, level)
        yield "["
        for i, item in enumerate(value):
            yield ("," if i else "") + inner
            yield from _encode(item, indent, level + 1)
        yield pad + "]"
    elif hasattr(value, "value") and isinstance(value.value, str):  # StrEnum members
        yield json.dumps(value.value, ensure_ascii=False)
    else:
        raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _pads(indent: int | None, level: int) -> tuple[str, str]:
    if indent is None:
        return "", ""
    return "\n" + " " * (indent * level), "\n" + " " * (indent * (level + 1))


def dumps(value: Any, indent: int | None = None) -> str:
    """JSON text for records, lists of records or plain data; decimals as printed."""
    return "".join(_encode(value, indent, 0))


def loads(text: str) -> Any:
    """Parse JSON with every non-integer number as a :class:`~decimal.Decimal`."""
    return json.loads(text, parse_float=Decimal)
