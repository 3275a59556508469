"""Review workflow: 草稿 → 已提交 → 已审核, 退回 with a comment, submit blocked by unexplained
errors, approved records read-only, reopening with a reason, every transition in the history."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from jixiao.web.core import access
from jixiao.web.records import checks, store, workflow


@pytest.fixture
def wrong_rate(monitoring_record: Any) -> Any:
    """预算执行率 printed 60.00% while 执行数/预算数 = 1445.00/2889.39 = 50.01% (a JX101 error)."""
    record = monitoring_record()
    budget = record.budget.model_copy(update={"execution_rate_pct": Decimal("60.00")})
    return record.model_copy(update={"budget": budget})


def test_the_wrong_rate_is_an_error(world: Any, make_record: Any, wrong_rate: Any) -> None:
    stored = make_record(world.yph_si, wrong_rate)
    errors = checks.errors_of(checks.findings_for(stored))
    assert [(f["code"], f["field"]) for f in errors] == [("JX101", "budget.execution_rate_pct")]
    assert stored.error_count == 1


def test_submit_is_blocked_until_each_error_is_explained(
    world: Any, make_record: Any, wrong_rate: Any
) -> None:
    stored = make_record(world.yph_si, wrong_rate)
    with pytest.raises(workflow.SubmitBlocked) as blocked:
        workflow.submit(world.yph_editor, stored)
    assert [f["code"] for f in blocked.value.unexplained] == ["JX101"]
    key = checks.finding_key(blocked.value.unexplained[0])
    with pytest.raises(workflow.SubmitBlocked):
        workflow.submit(world.yph_editor, stored, {key: "   "})
    stored = workflow.submit(world.yph_editor, stored, {key: "执行率按财政拨款口径填报"})
    assert stored.status == "submitted"
    assert stored.explanations == {key: "执行率按财政拨款口径填报"}
    event = stored.events.get(kind="submitted")
    assert event.details["explanations"][0]["explanation"] == "执行率按财政拨款口径填报"


def test_return_needs_a_comment_and_reaches_the_editor(world: Any, make_record: Any) -> None:
    stored = workflow.submit(world.yph_editor, make_record(world.yph_si))
    with pytest.raises(workflow.CommentRequired):
        workflow.return_(world.kashi_reviewer, stored, "  ")
    stored = workflow.return_(world.kashi_reviewer, stored, "请补充偏差原因")
    assert stored.status == "returned"
    assert access.can(world.yph_editor, access.Action.CHANGE, stored)
    assert stored.events.get(kind="returned").comment == "请补充偏差原因"


def test_approved_is_read_only_until_reopened(
    world: Any, make_record: Any, monitoring_record: Any
) -> None:
    stored = workflow.submit(world.yph_editor, make_record(world.yph_si))
    stored = workflow.approve(world.kashi_reviewer, stored)
    assert stored.status == "approved"
    for action in (access.Action.CHANGE, access.Action.SUBMIT, access.Action.DELETE):
        with pytest.raises(access.StateConflict):
            access.require(world.yph_editor, action, stored)
    with pytest.raises(access.StateConflict):
        store.update(world.yph_editor, stored, monitoring_record(project="改名"), stored.version)
    with pytest.raises(workflow.CommentRequired):
        workflow.reopen(world.kashi_reviewer, stored, "")
    stored = workflow.reopen(world.kashi_reviewer, stored, "决算数据调整")
    assert stored.status == "returned"
    store.update(world.yph_editor, stored, monitoring_record(project="改名"), stored.version)


def test_every_transition_is_in_the_history(world: Any, make_record: Any) -> None:
    stored = make_record(world.yph_si)
    stored = workflow.submit(world.yph_editor, stored)
    stored = workflow.return_(world.kashi_reviewer, stored, "请核对执行数")
    stored = workflow.submit(world.yph_editor, stored)
    stored = workflow.approve(world.kashi_reviewer, stored, "同意")
    history = [
        (e.kind, e.from_status, e.to_status, e.user.username, e.comment)
        for e in stored.events.order_by("pk")
    ]
    assert history == [
        ("created", "", "draft", "admin", ""),
        ("submitted", "draft", "submitted", "yph-editor", ""),
        ("returned", "submitted", "returned", "kashi-reviewer", "请核对执行数"),
        ("submitted", "returned", "submitted", "yph-editor", ""),
        ("approved", "submitted", "approved", "kashi-reviewer", "同意"),
    ]


def test_a_transition_from_a_stale_state_is_refused(world: Any, make_record: Any) -> None:
    stored = workflow.submit(world.yph_editor, make_record(world.yph_si))
    stale = type(stored).objects.get(pk=stored.pk)
    workflow.approve(world.kashi_reviewer, stored)
    with pytest.raises(access.StateConflict):
        workflow.return_(world.kashi_reviewer, stale, "太晚了")
