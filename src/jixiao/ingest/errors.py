"""Errors the reader raises for input it cannot read."""

from __future__ import annotations


class IngestError(Exception):
    """Input that is not a readable performance document.

    Carries the file and the 1-based line so that the CLI can say where, e.g.
    ``000.txt:12: 绩效监控表的指标表在此处截断``.
    """

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.source = source
        self.line = line

    def located(self) -> str:
        where = self.source or "<input>"
        if self.line is not None:
            where += f":{self.line}"
        return f"{where}: {self.message}"
