"""The catalog: every code of checks.md exists, documented, with a valid severity."""

from __future__ import annotations

from jixiao.rules import registry

CATALOG_CODES = (
    [f"JX1{n:02d}" for n in range(1, 12)]
    + [f"JX20{n}" for n in range(1, 7)]
    + [f"JX30{n}" for n in range(1, 5)]
    + [f"JX40{n}" for n in range(1, 5)]
    + ["JX501", "JX502"]
)


def test_every_catalog_code_is_registered_once() -> None:
    assert registry.codes() == CATALOG_CODES
    assert len({rule.name for rule in registry}) == len(CATALOG_CODES)


def test_every_rule_documents_why_and_an_example() -> None:
    for rule in registry:
        assert rule.severity in ("error", "warning", "info"), rule.code
        assert "为什么" in rule.doc and "例" in rule.doc, rule.code
        assert rule.summary, rule.code
        assert (rule.record_check is None) != (rule.corpus_check is None), rule.code


def test_lookup_is_case_insensitive() -> None:
    rule = registry.get("jx204")
    assert rule is not None and rule.code == "JX204"
    assert registry.get("JX999") is None


def test_severities_of_the_catalog() -> None:
    assert registry.get("JX106").severity == "warning"  # type: ignore[union-attr]
    assert registry.get("JX502").severity == "info"  # type: ignore[union-attr]
    assert registry.get("JX101").severity == "error"  # type: ignore[union-attr]
