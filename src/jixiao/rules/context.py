"""What a rule sees: the record being checked (:class:`Item`), every input linked
(:class:`Corpus`), and what it reports (:class:`Issue`)."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from jixiao.records import (
    FinalAccountsRecord,
    Fund,
    ProjectRecord,
    Record,
    ReportRecord,
    fund_from_text,
)
from jixiao.rules import names
from jixiao.rules.analysis import ProjectView, read_project
from jixiao.rules.findings import RelatedRef, Severity
from jixiao.rules.settings import RuleSettings

LINK_SIMILARITY = 0.5
"""Least name similarity for telling apart several projects of one region, year and fund."""


@dataclass(eq=False)
class Item:
    """One record of one input: its source name, its index there, the record."""

    source: str
    index: int
    record: Record
    settings: RuleSettings

    @cached_property
    def view(self) -> ProjectView:
        """The project record read (only for target, monitoring, self-evaluation)."""
        record = self.record
        assert not isinstance(record, (FinalAccountsRecord, ReportRecord))
        return read_project(record, self.settings)

    @property
    def project_record(self) -> ProjectRecord | None:
        record = self.record
        return None if isinstance(record, (FinalAccountsRecord, ReportRecord)) else record

    @cached_property
    def fund(self) -> Fund | None:
        """The record's fund, or the one its project name names."""
        record = self.record
        if record.fund is not None:
            return record.fund
        project = self.project_record
        return fund_from_text(project.project) if project is not None else None

    @property
    def project(self) -> str | None:
        project = self.project_record
        return project.project if project is not None else None

    def ref(self, field: str | None = None) -> RelatedRef:
        """A reference to a field of this record, for ``related``."""
        return RelatedRef(source=self.source, record=self.index, field=field)

    def describe(self) -> str:
        """How a message names this record: ``绩效自评表《城乡居民基本医疗项目》(004.txt 第1条)``."""
        label = self.record.kind_label
        project = self.project or self.record.title
        named = f"{label}《{project}》" if project else label
        return f"{named}（{self.source} 第{self.index}条）"


@dataclass
class Issue:
    """What a rule reports; the engine adds code, severity, source and project.

    Record rules leave ``item`` empty (the record checked); corpus rules set it to
    the record the finding is about.
    """

    message: str
    field: str | None = None
    indicator: str | None = None
    reported: Decimal | None = None
    expected: Decimal | None = None
    related: list[RelatedRef] = dataclasses.field(default_factory=list)
    severity: Severity | None = None
    item: Item | None = None


LinkKey = tuple[str, int, Fund | None]


class Corpus:
    """Every record of every input, linked by region, year and fund (JX4xx)."""

    def __init__(self, items: list[Item], settings: RuleSettings) -> None:
        self.items = items
        self.settings = settings

    @cached_property
    def _groups(self) -> dict[LinkKey, list[Item]]:
        groups: dict[LinkKey, list[Item]] = defaultdict(list)
        for item in self.items:
            region, year = item.record.region, item.record.year
            if region and year is not None:
                fund = (
                    None
                    if isinstance(item.record, (FinalAccountsRecord, ReportRecord))
                    else item.fund
                )
                groups[(names.key(region), year, fund)].append(item)
        return groups

    def linked(
        self, region: str | None, year: int | None, fund: Fund | None, kind: str
    ) -> list[Item]:
        """Records of ``kind`` for a region, year and fund (fund ``None`` for 决算 and reports)."""
        if not region or year is None:
            return []
        return [
            i
            for i in self._groups.get((names.key(region), year, fund), [])
            if i.record.kind == kind
        ]

    def final_accounts(self, item: Item) -> list[Item]:
        """决算 records of the item's region and year."""
        return self.linked(item.record.region, item.record.year, None, "final_accounts")

    def counterpart(self, item: Item, kind: str) -> Item | None:
        """The record of ``kind`` for the same project: same region, year and fund;
        among several, the one whose project name is most alike (and alike enough)."""
        candidates = [
            c
            for c in self.linked(item.record.region, item.record.year, item.fund, kind)
            if c is not item
        ]
        if len(candidates) <= 1:
            return candidates[0] if candidates else None
        scored = sorted(
            ((names.similarity(item.project, c.project), n, c) for n, c in enumerate(candidates)),
            key=lambda t: (-t[0], t[1]),
        )
        best, second = scored[0], scored[1]
        if best[0] < LINK_SIMILARITY or best[0] == second[0]:
            return None
        return best[2]

    def of_kind(self, kind: str) -> list[Item]:
        return [item for item in self.items if item.record.kind == kind]
