"""HTML ``<table>`` → rows (MinerU, PaddleOCR PP-Structure, RapidTable, wired_table_rec).

Read with the stdlib :class:`html.parser.HTMLParser`, which never rejects input:
unclosed tags, a ``<td`` cut mid-tag and unquoted ``rowspan=1 colspan=1``
(wired_table_rec) all give rows. Spans are laid out by
:func:`~jixiao.ingest.styles.layout.lay_out`. Inside a cell ``<br>`` and block
tags are line breaks (``\\n``), other tags are dropped, entities are decoded,
``<eq>…</eq>`` (MinerU formulas) becomes ``$…$`` and a nested table's cells
become lines of the outer cell. Caption and stray text inside the table become
text rows, so nothing printed is lost.

The plain markup the tools generate is tokenised by one regex split (several
times faster than html.parser, which is pure Python); anything unusual falls
back to html.parser. Both drive the same :class:`_TableBuilder`, and a property
test checks that they give the same rows.
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from jixiao.ingest.rows import Row
from jixiao.ingest.styles.layout import SINGLE, Span, lay_out

_SOURCE_BREAKS = str.maketrans("\n\t\r\f", "    ")
_SPACE_RUN = re.compile(r" {2,}")
_NUMBER = re.compile(r"\s*[\"']?\s*(\d{1,6})")
_CELL_BREAKS = frozenset({"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"})
_GROUPS = frozenset({"thead", "tbody", "tfoot"})
_CELL_TAGS = ("td", "th")
_NESTED_BREAKS = frozenset({"tr", "br", "p", "div"})

Attrs = list[tuple[str, str | None]]


def _span(value: str | None) -> int:
    """An integer attribute as tools write it (``2``, ``"2"``, ``2;``); 1 if unreadable."""
    if value is None:
        return 1
    if value.isdecimal() and len(value) < 7:  # (isdigit() takes "²", which int() rejects)
        return int(value)
    match = _NUMBER.match(value)
    return int(match.group(1)) if match else 1


def _cell_spans(attrs: Attrs) -> Span:
    """``(rowspan, colspan)`` of a cell's attributes (the last of a repeated one counts)."""
    values = dict(attrs)
    return _span(values.get("rowspan")), _span(values.get("colspan"))


def _cell_text(parts: list[str]) -> str:
    """A cell's text: runs of spaces collapsed (HTML), ``<br>`` breaks kept, blank lines gone."""
    text = parts[0] if len(parts) == 1 else "".join(parts)
    if "  " in text:
        text = _SPACE_RUN.sub(" ", text)
    if "\n" not in text:
        return text.strip()
    lines = (line.strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


@dataclass(slots=True)
class _SourceRow:
    line: int
    group: int
    texts: list[str]  # the cells' texts and ``(rowspan, colspan)``, side by side
    spans: list[Span]


class _TableBuilder:
    """Turns tag/data events of one outermost ``<table>`` into source rows and text lines.

    Cells are the bulk of the events, so their path (:meth:`start_cell`, data,
    ``</td>``) is kept short.
    """

    def __init__(self) -> None:
        self.events: list[_SourceRow | tuple[int, str]] = []
        self.depth = 0
        self.group = 0
        self.row: _SourceRow | None = None
        # the spans of the open top-level cell; its text is gathered in ``parts``
        # and the cell is added to ``row`` when it closes
        self.cell: Span | None = None
        self.parts: list[str] = []
        self.caption: list[str] | None = None
        self.text: list[str] = []  # stray text outside cells, flushed at structure
        self.text_line = 0

    def _close_cell(self) -> None:
        if self.cell is not None:
            assert self.row is not None  # a row stays open while its cell is
            self.row.texts.append(_cell_text(self.parts))
            self.row.spans.append(self.cell)
            self.cell = None
            self.parts = []

    def _close_row(self) -> None:
        self._close_cell()
        self.row = None

    def _open_row(self, line: int) -> _SourceRow:
        self._close_row()
        self.row = _SourceRow(line, self.group, [], [])
        self.events.append(self.row)
        return self.row

    def flush_text(self) -> None:
        text = _cell_text(self.text)
        if text:
            self.events.extend((self.text_line, piece) for piece in text.split("\n"))
        self.text = []

    def start(self, tag: str, attrs: Attrs, line: int) -> None:
        if tag == "td" or tag == "th":
            self.start_cell(_cell_spans(attrs) if attrs else SINGLE, line)
            return
        if self.text:
            self.flush_text()
        if tag == "table":
            self.depth += 1
            if self.depth > 1 and self.cell is not None:
                self.parts.append("\n")
        elif self.depth > 1:  # a table nested in a cell: its rows and cells become lines
            if self.cell is not None and tag in _NESTED_BREAKS:
                self.parts.append("\n")
        elif tag == "tr":
            self._open_row(line)
        elif tag in _GROUPS:
            self._close_row()
            self.group += 1
        elif tag == "caption":
            self._close_row()
            self.caption = []
            self.text_line = line
        elif tag == "eq":
            self._append(" $", line)
        elif tag in _CELL_BREAKS:
            self._append("\n", line)

    def start_cell(self, spans: Span, line: int) -> None:
        """A ``<td>``/``<th>`` with its ``(rowspan, colspan)``."""
        if self.text:
            self.flush_text()
        if self.depth > 1:
            if self.cell is not None:
                self.parts.append(" ")
            return
        if self.cell is not None:
            self._close_cell()
        if self.row is None:
            self._open_row(line)
        self.cell = spans

    def whole_cell(self, spans: Span, data: str, line: int) -> bool:
        """``<td>``, ``data``, ``</td>`` at the top level as one event (what
        :meth:`start_cell`, :meth:`data` and :meth:`end` give); ``False``, and
        nothing done, inside a nested table."""
        if self.depth > 1:
            return False
        if self.text:
            self.flush_text()
        if self.cell is not None:
            self._close_cell()
        row = self.row if self.row is not None else self._open_row(line)
        if "\n" in data or "\t" in data or "\r" in data or "\f" in data:
            data = data.translate(_SOURCE_BREAKS)
        # :func:`_cell_text` of one part without line breaks
        text = _SPACE_RUN.sub(" ", data).strip() if "  " in data else data.strip()
        row.texts.append(text)
        row.spans.append(spans)
        return True

    def end(self, tag: str, line: int) -> None:
        if tag == "td" or tag == "th":
            if self.depth <= 1:
                self._close_cell()
            return
        if tag == "table":
            self.flush_text()
            if self.depth > 1:
                self.depth -= 1
                if self.cell is not None:
                    self.parts.append("\n")
            else:
                self._close_row()
                self.depth = 0
            return
        if self.depth > 1:
            return
        if tag == "tr":
            self._close_row()
        elif tag in _GROUPS:
            self._close_row()
            self.group += 1
        elif tag == "caption" and self.caption is not None:
            self.text, self.caption = self.caption, None
            self.flush_text()
        elif tag == "eq":
            self._append("$ ", line)
        elif tag in _CELL_BREAKS and tag != "br":
            self._append("\n", line)

    def data(self, data: str, line: int) -> None:
        """Text between tags; source line breaks and tabs are plain spaces in HTML."""
        if "\n" in data or "\t" in data or "\r" in data or "\f" in data:
            text = data.translate(_SOURCE_BREAKS)
        else:
            text = data
        if self.cell is not None:
            self.parts.append(text)
            return
        if self.caption is None and not self.text:
            if not data.strip():
                return
            line += data[: len(data) - len(data.lstrip())].count("\n")
        self._append(text, line)

    def _append(self, text: str, line: int) -> None:
        if self.cell is not None:
            self.parts.append(text)
        elif self.caption is not None:
            self.caption.append(text)
        elif self.text:
            self.text.append(text)
        elif text.strip():
            self.text_line = line
            self.text.append(text)

    def finish(self) -> None:
        self.flush_text()
        self._close_row()


class _Parser(HTMLParser):
    """The stdlib parser driving a :class:`_TableBuilder`; it accepts any input."""

    def __init__(self, builder: _TableBuilder, first_line: int) -> None:
        super().__init__(convert_charrefs=True)
        self.builder = builder
        self.first_line = first_line

    def _line(self) -> int:
        return self.first_line + self.getpos()[0] - 1

    def handle_starttag(self, tag: str, attrs: Attrs) -> None:
        self.builder.start(tag, attrs, self._line())

    def handle_endtag(self, tag: str) -> None:
        self.builder.end(tag, self._line())

    def handle_data(self, data: str) -> None:
        self.builder.data(data, self._line())


# The plain markup table tools generate, tokenised in C by one split; anything
# else (comments, ``<!``, ``<script>``, odd tag names or quoting) goes to html.parser.
_TOKENS = re.compile(r"(<[^<>]*+>)")
_PLAIN_TAG = re.compile(
    r"<(/?)([a-zA-Z][a-zA-Z0-9]*)"
    r"((?:\s+[^\s\"'<>=/]+(?:\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s\"'<>=`]+))?)*)\s*(/?)>"
)
_ATTR = re.compile(r"([^\s\"'<>=/]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|(\S+)))?")
_RAW_TEXT = re.compile(r"<(?:script|style)", re.I)
# name, closing, attributes, self-closing, and the spans of a ``<td>``/``<th>`` (else None)
_TagInfo = tuple[str, bool, Attrs, bool, Span | None]


@functools.lru_cache(maxsize=4096)
def _tag_info(token: str) -> _TagInfo | None:
    """What a plain tag says; ``None`` if ``token`` is not one (generated tags repeat,
    hence the cache; the attribute lists are shared and never mutated)."""
    match = _PLAIN_TAG.fullmatch(token)
    if match is None:
        return None
    closing, name, attr_text, self_closing = match.groups()
    if closing and (attr_text or self_closing):
        return None
    attrs: Attrs = []
    for attr, double, single, bare in _ATTR.findall(attr_text):
        value = double or single or bare
        attrs.append((attr.lower(), html.unescape(value) if "&" in value else value))
    name = name.lower()
    spans = None
    if not closing and (name == "td" or name == "th"):
        spans = _cell_spans(attrs) if attrs else SINGLE
    return name, bool(closing), attrs, bool(self_closing), spans


def _is_text_lt(chunk: str) -> bool:
    """Whether every ``<`` in a data chunk is one html.parser keeps as text (``<5%``)."""
    start = chunk.find("<")
    while start >= 0:
        after = chunk[start + 1 : start + 2]
        if not after or after in "/!?" or (after.isascii() and after.isalpha()):
            return False
        start = chunk.find("<", start + 1)
    return True


def _plain_events(builder: _TableBuilder, source: str, first_line: int) -> bool:
    """Feed ``source`` to ``builder`` if it is plain generated markup; ``False`` if not.

    Gives the same events as :class:`_Parser` (a test checks it), several times faster.
    A cell holding only text (``<td>…</td>``, the bulk of a table) is fed as one
    :meth:`_TableBuilder.whole_cell` event.
    """
    if "<!" in source or "<?" in source or _RAW_TEXT.search(source):
        return False
    start, start_cell, end, data = builder.start, builder.start_cell, builder.end, builder.data
    whole_cell = builder.whole_cell
    tokens = _TOKENS.split(source)  # text, tag, text, …, text
    last = len(tokens) - 1
    line = first_line
    counting = "\n" in source  # tools often write a whole table on one line
    i = 0
    while True:
        token = tokens[i]
        if token:
            if "<" in token and not _is_text_lt(token):
                return False
            data(html.unescape(token) if "&" in token else token, line)
            if counting and "\n" in token:
                line += token.count("\n")
        if i == last:
            return True
        token = tokens[i + 1]
        i += 2
        info = _tag_info(token)
        if info is None:
            after = token[1:2]
            if after in "/!?" or (after.isascii() and after.isalpha()):
                return False
            # ``< 5 >``: text to html.parser as well
            data(html.unescape(token) if "&" in token else token, line)
        elif info[1]:
            end(info[0], line)
        elif info[4] is None:
            start(info[0], info[2], line)
            if info[3]:
                end(info[0], line)
        elif info[3]:
            start_cell(info[4], line)
            end(info[0], line)
        else:
            if i < last and "<" not in (text := tokens[i]):
                close = tokens[i + 1]
                closing = _tag_info(close)
                if (
                    closing is not None
                    and closing[1]
                    and closing[0] in _CELL_TAGS
                    and whole_cell(info[4], html.unescape(text) if "&" in text else text, line)
                ):
                    if counting and ("\n" in token or "\n" in text or "\n" in close):
                        line += token.count("\n") + text.count("\n") + close.count("\n")
                    i += 2
                    continue
            start_cell(info[4], line)
        if counting and "\n" in token:
            line += token.count("\n")


def _complete(source: str) -> str:
    """Drop a tag cut off at the end (``…<td rowsp``), which the parser would keep as text."""
    cut = source.rfind("<")
    if cut >= 0 and source.find(">", cut) < 0:
        return source[:cut]
    return source


def read_html_table(source: str, first_line: int, table: int) -> list[Row]:
    """Rows of the outermost ``<table>…</table>`` in ``source`` (starting at ``first_line``).

    Table rows get ``style="html"``, ``table`` and per-cell ``spans``; caption and
    stray text get text rows. Rows wholly blank and not part of a span are dropped.
    """
    builder = _TableBuilder()
    source = _complete(source)
    if not _plain_events(builder, source, first_line):
        builder = _TableBuilder()
        parser = _Parser(builder, first_line)
        # Python < 3.13 raises on marked sections it does not know (``<![if2``).
        parser.feed(source.replace("<![", "&lt;!["))
        parser.close()
    builder.finish()
    return _rows(builder.events, table)


def _rows(events: list[_SourceRow | tuple[int, str]], table: int) -> list[Row]:
    """Lay the source rows out and interleave them with the text lines, in source order."""
    source_rows = [e for e in events if isinstance(e, _SourceRow)]
    cells, spans = lay_out(
        [r.texts for r in source_rows],
        [r.spans for r in source_rows],
        [r.group for r in source_rows],
    )
    laid = iter(zip(source_rows, cells, spans, strict=True))
    out: list[Row] = []
    for event in events:
        if isinstance(event, tuple):
            out.append(Row(cells=[event[1]], line=event[0]))
            continue
        source_row, row_cells, row_spans = next(laid)
        if not any(row_cells) and row_spans.count(SINGLE) == len(row_spans):
            continue
        if row_cells:
            out.append(
                Row(
                    cells=row_cells,
                    line=source_row.line,
                    style="html",
                    spans=row_spans,
                    table=table,
                )
            )
    return out
