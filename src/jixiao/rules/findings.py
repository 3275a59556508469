"""Findings: what a rule reports, in the shape of checks.md ("Finding shape")."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from jixiao.records import Number, dumps

Severity = Literal["error", "warning", "info"]
SEVERITY_LABELS: dict[Severity, str] = {"error": "错误", "warning": "警告", "info": "提示"}


class RelatedRef(BaseModel):
    """The other side of a cross-document finding: a record and a field in it."""

    model_config = ConfigDict(frozen=True)

    source: str
    record: int
    field: str | None = None


class Finding(BaseModel):
    """One finding. ``field`` is a record-format path (``indicators[3].completion_pct``);
    ``reported`` is the printed figure and ``expected`` what the rule computes."""

    model_config = ConfigDict(frozen=True)

    code: str
    severity: Severity
    source: str
    record: int | None
    project: str | None = None
    field: str | None = None
    indicator: str | None = None
    message: str
    reported: Number | None = None
    expected: Number | None = None
    related: list[RelatedRef] = []

    def location(self) -> str:
        """``file:record:field`` as a compiler prints it."""
        parts = [self.source]
        if self.record is not None:
            parts.append(str(self.record))
        if self.field:
            parts.append(self.field)
        return ":".join(parts)

    def text_line(self) -> str:
        """One line: ``file:record:field: JX101 error: message``."""
        return f"{self.location()}: {self.code} {self.severity}: {self.message}"


def summary(findings: Iterable[Finding], records: int) -> dict[str, int]:
    """Counts for the ``summary`` member of the JSON output."""
    counts = {"errors": 0, "warnings": 0, "infos": 0}
    for finding in findings:
        counts[finding.severity + "s"] += 1
    return {"records": records, **counts}


def findings_document(findings: Sequence[Finding], records: int) -> dict[str, Any]:
    """``{"findings": [...], "summary": {...}}`` with decimals kept as printed."""
    return {
        "findings": [finding.model_dump(mode="python") for finding in findings],
        "summary": summary(findings, records),
    }


def findings_json(findings: Sequence[Finding], records: int, indent: int | None = 2) -> str:
    """The ``check --format json`` text (numbers keep their printed decimals)."""
    return dumps(findings_document(findings, records), indent=indent)


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(finding.severity == "error" for finding in findings)
