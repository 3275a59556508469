"""Documents as rows of cells: the common shape every text style is read into.

Each :class:`Row` is one table row (its cells, ``""`` for a blank cell) or one
line of running text (a single cell). Form readers work on rows and do not care
which extraction tool produced them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

RowStyle = Literal["tsv", "markdown", "html", "wrapped", "text"]


@dataclass
class Row:
    """One table row or one line of text.

    ``cells`` hold raw cell texts (call :func:`jixiao.ingest.text.clean_cell`);
    a cell covered by a merge is ``""``. ``line`` is the 1-based source line.
    ``heading`` is the markdown heading level (0 when not a heading).
    """

    cells: list[str]
    line: int
    style: RowStyle = "text"
    heading: int = 0
    spans: list[tuple[int, int]] = field(default_factory=list)

    @property
    def filled(self) -> list[str]:
        """The non-blank cells, in order."""
        return [c for c in self.cells if c.strip()]

    @property
    def is_table(self) -> bool:
        return self.style != "text"

    @property
    def text(self) -> str:
        return " ".join(self.filled)
