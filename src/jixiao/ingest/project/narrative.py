"""The texts of a project table: goal, progress, overall completion, deviation, totals.

Goal labels (年度预期目标 / 项目总体目标 / 预期目标 …, then 目前完成情况 / 实际完成
目标 …, then 总体完成率) are printed in one row and their texts in the same row
(``项目总体目标｜…``) or the rows below; texts are given to the labels in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from jixiao.ingest.project.cells import Cell, Look, parse_number, parse_percent
from jixiao.ingest.project.labels import goal_member, is_footer, section_of

Line = list[Cell]
_ATTACHMENT = re.compile(r"^附件\s*\d*\s*[:：]?$")
# A list item after the first: 2、 3. （二） 三、
_LATER_ITEM = re.compile(
    r"^\s*(?:(?:[2-9]|[1-9]\d)\s*[、.．)）](?!\d)|[(（]\s*[二三四五六七八九十]\s*[)）]|[二三四五六七八九十]、)"
)


@dataclass
class Goals:
    goal: str | None = None
    progress: str | None = None
    overall_pct: Decimal | None = None


def read_goals(lines: list[Line]) -> Goals:
    """Goal and progress texts and the 总体完成率 from the goal block.

    A text goes under the label whose column it stands in when the extraction kept
    columns (docling repeats a merged text in every column it spans); otherwise
    texts follow the labels in order."""
    labels: list[Cell] = []
    texts: list[Cell] = []
    overall: Decimal | None = None
    for line in lines:
        for cell in line:
            member = goal_member(cell)
            if member == "overall":
                continue
            if member is not None:
                labels.append(cell)
            elif section_of(cell) is not None:
                continue
            elif cell.look is Look.PERCENT:
                if overall is None:
                    overall = parse_percent(cell.text)
            else:
                texts.append(cell)
    slots = _slots(labels)
    placed = _by_column(labels, texts) or _in_order(slots, texts)
    found: dict[str, str] = {}
    for slot, text in placed:
        if slot not in found:
            found[slot] = text
        elif not found[slot].endswith(text):
            found[slot] += text
    return Goals(found.get("goal"), found.get("progress"), overall)


def _slots(labels: list[Cell]) -> list[str]:
    """goal / progress (and long_term, a 中长期目标 text not kept) in the order
    printed, a repeated label counted once."""
    slots: list[str] = []
    for cell in labels:
        member = goal_member(cell)
        if member is not None and (not slots or slots[-1] != member):
            slots.append(member)
    return slots or ["goal", "progress"]


def _in_order(slots: list[str], texts: list[Cell]) -> list[tuple[str, str]]:
    """Texts given to the labels in order; a text that opens with a later item number
    (``2、…`` after ``1、…；``, one cell per line) continues the text before it."""
    placed: list[tuple[str, str]] = []
    index = -1
    for cell in texts:
        if index < 0 or not _LATER_ITEM.match(cell.text):
            index += 1
        placed.append((slots[min(index, len(slots) - 1)], cell.text))
    return placed


def _by_column(labels: list[Cell], texts: list[Cell]) -> list[tuple[str, str]] | None:
    """Each text under the nearest label at or left of its column; ``None`` when
    columns are unknown or put different texts under one label while another
    label stays empty."""
    columns = sorted(
        (c.pos, member)
        for c in labels
        if c.pos is not None and (member := goal_member(c)) is not None
    )
    if not columns or any(t.pos is None or t.pos < columns[0][0] for t in texts):
        return None  # no columns, or a text left of every label: the row is shifted
    placed: list[tuple[str, str]] = []
    for cell in texts:
        assert cell.pos is not None
        slot = columns[0][1]
        for pos, member in columns:
            if pos <= cell.pos:
                slot = member
        placed.append((slot, cell.text))
    distinct_texts = len({text for _, text in placed})
    used = {slot for slot, _ in placed}
    if len(used) < min(distinct_texts, len({m for _, m in columns})):
        return None
    return placed


def read_deviation(lines: list[Line]) -> str | None:
    """The text after a deviation heading (偏差原因 / 五、绩效目标执行出现的偏差和采取的措施),
    up to the footer; ``None`` when blank."""
    parts: list[str] = []
    for line in lines:
        for cell in line:
            if is_footer(cell) or _ATTACHMENT.match(cell.text):
                return "".join(parts) or None
            if section_of(cell) == "deviation":
                continue
            if not parts or parts[-1] != cell.text:  # docling repeats a merged cell
                parts.append(cell.text)
    return "".join(parts) or None


def read_totals(line: Line) -> tuple[Decimal | None, Decimal | None]:
    """总分 row: its 分值 and 得分 (the first two numbers after the label)."""
    numbers = [parse_number(c.text) for c in line[1:] if c.look is Look.NUMBER]
    weight = numbers[0] if numbers else None
    score = numbers[1] if len(numbers) > 1 else None
    return weight, score
