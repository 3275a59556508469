"""Findings and computed figures of records, from :mod:`jixiao.rules` (never recomputed here).

A record is checked together with the other live records of the same region and year, so
the cross-document rules (JX4xx) see the target table beside its monitoring record, and under
its region's policy (:func:`jixiao.web.organisations.policy.effective_policy`, the one way the
web system picks ``RuleSettings``).
Findings are plain dicts in the checks.md shape; ``source`` is ``#<record id>``.
"""

from __future__ import annotations

import dataclasses
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from jixiao.records import Record
from jixiao.web.organisations.models import Region
from jixiao.web.organisations.policy import Policy, effective_policy
from jixiao.web.records.models import StoredRecord, parsed_version

FINDING_FIELDS = (
    "code",
    "severity",
    "source",
    "record",
    "project",
    "field",
    "indicator",
    "message",
    "reported",
    "expected",
    "related",
)
RELATED_LIMIT = 40


def source_name(stored_id: int | None) -> str:
    return f"#{stored_id}" if stored_id is not None else "#new"


def _as_dict(finding: Any) -> dict[str, Any]:
    if isinstance(finding, dict):
        data = finding
    elif dataclasses.is_dataclass(finding) and not isinstance(finding, type):
        data = dataclasses.asdict(finding)
    elif hasattr(finding, "model_dump"):
        data = finding.model_dump(mode="python")
    else:
        data = {name: getattr(finding, name, None) for name in FINDING_FIELDS}
    result = {name: data.get(name) for name in FINDING_FIELDS}
    result["severity"] = str(result["severity"]) if result["severity"] is not None else None
    result["related"] = [_plain_related(r) for r in (result["related"] or [])]
    return result


def _plain_related(related: Any) -> dict[str, Any]:
    if isinstance(related, dict):
        return dict(related)
    if dataclasses.is_dataclass(related) and not isinstance(related, type):
        return dataclasses.asdict(related)
    if hasattr(related, "model_dump"):
        return dict(related.model_dump(mode="python"))
    return {
        "source": getattr(related, "source", None),
        "record": getattr(related, "record", None),
        "field": getattr(related, "field", None),
    }


@dataclass(frozen=True)
class Related:
    """Another live record of the same region and year, as the cross-document checks need it."""

    pk: int
    version: int
    data: str

    @property
    def record(self) -> Record:
        return parsed_version(self.pk, self.version, self.data)


def related_records(
    stored: StoredRecord | None, record: Record, unit_region_id: int | None
) -> list[Related]:
    """Live records that cross-document checks may link to this one: same region and year, and,
    when the record names its fund, the same fund or none (决算, reports, tables whose fund only
    the project name tells) — records of another fund never link (docs/rules.md)."""
    region_id = stored.region_id if stored is not None else unit_region_id
    if region_id is None or record.year is None:
        return []
    queryset = StoredRecord.objects.filter(
        region_id=region_id, year=record.year, deleted_at__isnull=True
    )
    if record.fund is not None:
        queryset = queryset.filter(fund__in=[record.fund.value, ""])
    if stored is not None:
        queryset = queryset.exclude(pk=stored.pk)
    rows = queryset.order_by("pk").values_list("pk", "version", "data")[:RELATED_LIMIT]
    return [Related(*row) for row in rows]


def check_documents(
    documents: Sequence[tuple[str, Sequence[Record]]], policy: Policy
) -> list[dict[str, Any]]:
    """All findings of the documents, checked together under ``policy`` (checks.md shape).

    The only call of :func:`jixiao.rules.check_records` in the web system."""
    from jixiao.rules import check_records

    return [_as_dict(f) for f in check_records(documents, policy.settings)]


def check_documents_by_policy(
    documents: Sequence[tuple[str, Sequence[Record]]],
    policy_of: Callable[[str, int], Policy],
) -> list[dict[str, Any]]:
    """Findings of documents whose records fall under different policies (an import of several
    regions): every record is judged under its own policy, still beside all the others."""
    groups: dict[tuple[Any, ...], tuple[Policy, set[tuple[str, int]]]] = {}
    for source, records in documents:
        for index in range(len(records)):
            policy = policy_of(source, index)
            groups.setdefault(policy.key, (policy, set()))[1].add((source, index))
    findings: list[dict[str, Any]] = []
    for policy, members in groups.values():
        findings.extend(
            f for f in check_documents(documents, policy) if (f["source"], f["record"]) in members
        )
    order = {source: n for n, (source, _) in enumerate(documents)}
    findings.sort(key=lambda f: (order.get(f["source"], 0), f["record"] or 0))
    return findings


def check(
    record: Record, stored_id: int | None, others: Iterable[Related], policy: Policy
) -> list[dict[str, Any]]:
    """The findings about ``record`` (checked beside ``others``), checks.md shape."""
    own = source_name(stored_id)
    documents: list[tuple[str, Sequence[Record]]] = [(own, [record])]
    documents.extend((source_name(other.pk), [other.record]) for other in others)
    return [f for f in check_documents(documents, policy) if f["source"] == own]


def derived(record: Record, policy: Policy) -> dict[str, Any]:
    """Computed figures by record-format path (执行率, 完成率, 得分, 等级, 结余, 可支付月数 …).

    The only call of :func:`jixiao.rules.derived.derived_figures` in the web system."""
    from jixiao.rules.derived import derived_figures

    return dict(derived_figures(record, policy.settings))


def region_of(stored: StoredRecord) -> Region:
    """The record's region, without a query when its unit came with its region."""
    if "region" in stored._state.fields_cache:
        return stored.region
    return stored.unit.region if stored.unit.region_id == stored.region_id else stored.region


@dataclass
class Analysis:
    """What the rules say about one record: findings and computed figures, under ``policy``.

    ``memo`` keeps renderings made from them (the read-only page), so a cached analysis is
    rendered once."""

    record: Record
    policy: Policy
    findings: list[dict[str, Any]]
    key: tuple[Any, ...] | None = None
    memo: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def computed(self) -> dict[str, Any]:
        return derived(self.record, self.policy)

    def findings_copy(self) -> list[dict[str, Any]]:
        return [dict(f) for f in self.findings]


class _AnalysisCache:
    """Analyses of stored versions, per process. A key names the record's version (and its
    text), the version of every record it was checked beside and the policy, so a save on
    either side or a policy change misses."""

    def __init__(self, size: int = 512) -> None:
        self.size = size
        self.entries: OrderedDict[tuple[Any, ...], Analysis] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: tuple[Any, ...]) -> Analysis | None:
        with self.lock:
            found = self.entries.get(key)
            if found is not None:
                self.entries.move_to_end(key)
            return found

    def put(self, analysis: Analysis) -> None:
        assert analysis.key is not None
        with self.lock:
            self.entries[analysis.key] = analysis
            self.entries.move_to_end(analysis.key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()


_cache = _AnalysisCache()


def _version_key(
    stored_id: int, version: int, text: str, others: Iterable[Related], policy: Policy
) -> tuple[Any, ...]:
    return (stored_id, version, hash(text), tuple((o.pk, o.version) for o in others), policy.key)


def analyse(record: Record, stored: StoredRecord | None, region: Region | None) -> Analysis:
    """Findings and figures of a record as typed (``stored``: the record it edits, if any)."""
    policy = effective_policy(region, record.year)
    others = related_records(stored, record, region.pk if region is not None else None)
    return Analysis(record, policy, check(record, stored.pk if stored else None, others, policy))


def analyse_stored(stored: StoredRecord) -> Analysis:
    """The analysis of the record's current version, remembered until it changes, one of the
    records it is checked beside changes, or its region's policy changes."""
    record = stored.record
    policy = effective_policy(region_of(stored), stored.year)
    others = related_records(stored, record, None)
    key = _version_key(stored.pk, stored.version, stored.data, others, policy)
    found = _cache.get(key)
    if found is None:
        found = Analysis(record, policy, check(record, stored.pk, others, policy), key)
        _cache.put(found)
    return found


def analyse_new_version(stored: StoredRecord, record: Record, version: int, text: str) -> Analysis:
    """The analysis of a version about to be saved (remembered for the pages that follow)."""
    policy = effective_policy(region_of(stored), record.year)
    others = related_records(stored, record, None)
    key = _version_key(stored.pk, version, text, others, policy)
    analysis = Analysis(record, policy, check(record, stored.pk, others, policy), key)
    _cache.put(analysis)
    return analysis


def findings_for(stored: StoredRecord) -> list[dict[str, Any]]:
    """Findings of a stored record's current version (a copy the caller may change)."""
    return analyse_stored(stored).findings_copy()


def forget_analyses() -> None:
    """Drop every remembered analysis (tests that rebuild the database)."""
    _cache.clear()


def finding_key(finding: dict[str, Any]) -> str:
    """A stable key for explaining one finding: code, field and indicator."""
    return f"{finding['code']}|{finding.get('field') or ''}|{finding.get('indicator') or ''}"


def counts(findings: Iterable[dict[str, Any]]) -> tuple[int, int]:
    """(errors, warnings)."""
    errors = warnings = 0
    for finding in findings:
        if finding["severity"] == "error":
            errors += 1
        elif finding["severity"] == "warning":
            warnings += 1
    return errors, warnings


def errors_of(findings: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [f for f in findings if f["severity"] == "error"]
