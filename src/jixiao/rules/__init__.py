"""Computations (rates, progress, scores, grades, 决算 identities) and the check catalog.

Public entry points (the web system and the CLI call them):

- :func:`check_records` — run the catalog over records, return :class:`Finding` s;
- :class:`RuleSettings` — regional policy, national defaults (domain-rules §7);
- :data:`registry` — the rules (code, name, severity, docstring), ruff-style;
- :func:`jixiao.rules.derived.derived_figures` — every computed figure of a record.
"""

from __future__ import annotations

from jixiao.rules import checks as _checks  # noqa: F401  (registers the catalog)
from jixiao.rules.catalog import Registry, Rule, registry
from jixiao.rules.engine import check_records
from jixiao.rules.findings import Finding, RelatedRef, Severity, findings_json, summary
from jixiao.rules.settings import RuleSettings, SettingsError

__all__ = [
    "Finding",
    "Registry",
    "RelatedRef",
    "Rule",
    "RuleSettings",
    "SettingsError",
    "Severity",
    "check_records",
    "findings_json",
    "registry",
    "summary",
]
