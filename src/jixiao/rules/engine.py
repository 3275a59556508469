"""Running the catalog over records: :func:`check_records`, the public entry point."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from jixiao.records import Record
from jixiao.rules.catalog import Rule, registry
from jixiao.rules.context import Corpus, Issue, Item
from jixiao.rules.findings import Finding
from jixiao.rules.settings import DEFAULT_SETTINGS, RuleSettings


def _finding(rule: Rule, item: Item, issue: Issue) -> Finding:
    return Finding(
        code=rule.code,
        severity=issue.severity or rule.severity,
        source=item.source,
        record=item.index,
        project=item.project,
        field=issue.field,
        indicator=issue.indicator,
        message=issue.message,
        reported=issue.reported,
        expected=issue.expected,
        related=issue.related,
    )


def active_rules(settings: RuleSettings, select: Collection[str] | None = None) -> list[Rule]:
    """The rules to run: all, or those selected, less those the settings ignore."""
    ignored = {code.upper() for code in settings.ignore}
    chosen = {code.upper() for code in select} if select else None
    return [
        rule
        for rule in registry
        if rule.code not in ignored and (chosen is None or rule.code in chosen)
    ]


def check_records(
    documents: Sequence[tuple[str, Sequence[Record]]],
    settings: RuleSettings | None = None,
    select: Collection[str] | None = None,
) -> list[Finding]:
    """Check records and return the findings, ordered by input, record and code.

    ``documents`` are (source name, records) pairs, one per input; cross-document
    rules link the records of all of them. A single record is one pair with one
    record. ``select`` limits the run to some rule codes.
    """
    settings = settings or DEFAULT_SETTINGS
    items = [
        Item(source, index, record, settings)
        for source, records in documents
        for index, record in enumerate(records)
    ]
    corpus = Corpus(items, settings)
    position = {id(item): n for n, item in enumerate(items)}
    located: list[tuple[int, str, int, Finding]] = []

    def collect(rule: Rule, default: Item | None, issues: Iterable[Issue]) -> None:
        for issue in issues:
            item = issue.item or default
            if item is None:
                raise ValueError(f"{rule.code}: a cross-document issue must name its record")
            finding = _finding(rule, item, issue)
            located.append((position[id(item)], rule.code, len(located), finding))

    for rule in active_rules(settings, select):
        if rule.record_check is not None:
            for item in items:
                if item.record.kind in rule.kinds:
                    collect(rule, item, rule.record_check(item, corpus))
        elif rule.corpus_check is not None:
            collect(rule, None, rule.corpus_check(corpus))
    located.sort(key=lambda entry: entry[:3])
    return [entry[3] for entry in located]
