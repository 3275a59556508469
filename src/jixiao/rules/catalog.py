"""The check catalog: every rule a small unit with a code, a name, a severity and a
docstring (what, why, an example), listed in :data:`registry` (ruff-style)."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import overload

from jixiao.records import RecordKind
from jixiao.rules.context import Corpus, Issue, Item
from jixiao.rules.findings import Severity

RecordCheck = Callable[[Item, Corpus], Iterable[Issue]]
CorpusCheck = Callable[[Corpus], Iterable[Issue]]


@dataclass(frozen=True)
class Rule:
    """One rule. ``kinds`` lists the record kinds a per-record rule looks at; a
    cross-document rule (``corpus`` set) sees every input at once."""

    code: str
    name: str
    severity: Severity
    kinds: tuple[RecordKind, ...] = ()
    record_check: RecordCheck | None = None
    corpus_check: CorpusCheck | None = None

    @property
    def doc(self) -> str:
        """The rule's documentation (its docstring)."""
        check = self.record_check or self.corpus_check
        return inspect.getdoc(check) or ""

    @property
    def summary(self) -> str:
        """The first paragraph of the documentation, on one line."""
        return "".join(line.strip() for line in self.doc.split("\n\n", 1)[0].splitlines())

    @property
    def cross_document(self) -> bool:
        return self.corpus_check is not None


class Registry(Sequence[Rule]):
    """The rules in code order; ``registry.get("JX101")`` finds one."""

    def __init__(self) -> None:
        self._rules: dict[str, Rule] = {}

    def add(self, rule: Rule) -> None:
        if rule.code in self._rules:
            raise ValueError(f"rule code {rule.code} registered twice")
        self._rules[rule.code] = rule
        self._rules = dict(sorted(self._rules.items()))

    def get(self, code: str) -> Rule | None:
        return self._rules.get(code.strip().upper())

    def codes(self) -> list[str]:
        return list(self._rules)

    @overload
    def __getitem__(self, index: int) -> Rule: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Rule]: ...
    def __getitem__(self, index: int | slice) -> Rule | Sequence[Rule]:
        return list(self._rules.values())[index]

    def __len__(self) -> int:
        return len(self._rules)

    def __iter__(self) -> Iterator[Rule]:
        return iter(list(self._rules.values()))


registry = Registry()
"""Every rule of checks.md, in code order."""


def record_rule(
    code: str, name: str, severity: Severity, kinds: tuple[RecordKind, ...]
) -> Callable[[RecordCheck], RecordCheck]:
    """Register a per-record rule; it yields :class:`Issue` for one record."""

    def register(check: RecordCheck) -> RecordCheck:
        registry.add(Rule(code, name, severity, kinds=kinds, record_check=check))
        return check

    return register


def corpus_rule(code: str, name: str, severity: Severity) -> Callable[[CorpusCheck], CorpusCheck]:
    """Register a cross-document rule; it yields :class:`Issue` located by ``Issue.item``."""

    def register(check: CorpusCheck) -> CorpusCheck:
        registry.add(Rule(code, name, severity, corpus_check=check))
        return check

    return register
