"""JSON for the API: decimals exactly as printed both ways, stored records passed through."""

from __future__ import annotations

import datetime
import json
import uuid
from typing import Annotated, Any

from django.http import HttpRequest
from ninja.parser import Parser
from ninja.renderers import BaseRenderer
from pydantic import WithJsonSchema

from jixiao.records import dumps, loads


class RawJSON(str):
    """JSON text written into a response as it is: a stored record, already in the record
    format (saves parsing it only to write it again)."""


RecordJSON = Annotated[
    Any,
    WithJsonSchema(
        {"type": "object", "description": "记录格式 v1 的一条记录（docs/record-schema.json）"}
    ),
]


def render_json(value: Any) -> str:
    """JSON text of API data: decimals as printed, datetimes in ISO 8601, RawJSON verbatim."""
    if isinstance(value, RawJSON):
        return str(value)
    if isinstance(value, dict):
        return (
            "{"
            + ",".join(
                f"{json.dumps(str(k), ensure_ascii=False)}:{render_json(v)}"
                for k, v in value.items()
            )
            + "}"
        )
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(render_json(v) for v in value) + "]"
    if isinstance(value, (datetime.datetime, datetime.date)):
        return json.dumps(value.isoformat())
    if isinstance(value, uuid.UUID):
        return json.dumps(str(value))
    return dumps(value)


class RecordJSONRenderer(BaseRenderer):
    """JSON whose decimals are written as printed (``jixiao.records.dumps``)."""

    media_type = "application/json"

    def render(self, request: HttpRequest, data: Any, *, response_status: int) -> Any:
        return render_json(data)


class RecordJSONParser(Parser):
    """Reads request JSON with non-integer numbers as decimals (printed precision kept)."""

    def parse_body(self, request: HttpRequest) -> Any:
        return loads(request.body.decode("utf-8"))
