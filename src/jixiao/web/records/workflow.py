"""Review workflow: 草稿 → 已提交 → 已审核, or 退回 with a comment; reopening an approved record.

``state_refusal`` is registered with the permission layer, so a page, an API call or a
download that asks for an action the record's state forbids is refused in one place.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from jixiao.web.core import access
from jixiao.web.core.access import Action
from jixiao.web.core.db import write_transaction
from jixiao.web.records import checks
from jixiao.web.records.models import RecordEvent, Status, StoredRecord

ALLOWED_FROM: dict[Action, frozenset[str]] = {
    Action.CHANGE: frozenset({Status.DRAFT, Status.RETURNED}),
    Action.DELETE: frozenset({Status.DRAFT, Status.RETURNED}),
    Action.SUBMIT: frozenset({Status.DRAFT, Status.RETURNED}),
    Action.APPROVE: frozenset({Status.SUBMITTED}),
    Action.RETURN: frozenset({Status.SUBMITTED}),
    Action.REOPEN: frozenset({Status.APPROVED}),
}

TRANSITIONS: dict[Action, tuple[str, str]] = {
    Action.SUBMIT: (Status.SUBMITTED, RecordEvent.Kind.SUBMITTED),
    Action.APPROVE: (Status.APPROVED, RecordEvent.Kind.APPROVED),
    Action.RETURN: (Status.RETURNED, RecordEvent.Kind.RETURNED),
    Action.REOPEN: (Status.RETURNED, RecordEvent.Kind.REOPENED),
}


def state_refusal(action: Action, stored: StoredRecord) -> str | None:
    """Why the record's state refuses ``action`` (``None`` when it allows it)."""
    if action == Action.UNDELETE:
        return None if stored.deleted_at is not None else "该记录未被删除。"
    if action == Action.VIEW:
        return None
    if stored.deleted_at is not None:
        return "该记录已删除。"
    allowed = ALLOWED_FROM.get(action)
    if allowed is None or stored.status in allowed:
        return None
    status = Status(stored.status).label
    if stored.status == Status.APPROVED and action in (Action.CHANGE, Action.DELETE, Action.SUBMIT):
        return "记录已审核，只读；如需修改，请审核人重新打开。"
    return f"记录当前状态为“{status}”，不能{action.label}。"


class CommentRequired(ValueError):
    """Returning and reopening need a comment."""


class SubmitBlocked(Exception):
    """Errors remain that are not explained."""

    def __init__(self, unexplained: list[dict[str, Any]]) -> None:
        super().__init__(f"还有 {len(unexplained)} 个错误未说明，不能提交。")
        self.unexplained = unexplained


def _transition(
    user: Any,
    stored: StoredRecord,
    action: Action,
    comment: str,
    details: dict[str, Any] | None = None,
    **fields: Any,
) -> StoredRecord:
    to_status, event = TRANSITIONS[action]
    with write_transaction():
        moved = StoredRecord.objects.filter(
            pk=stored.pk,
            status=stored.status,
            version=stored.version,
            deleted_at__isnull=True,
        ).update(status=to_status, updated_at=timezone.now(), **fields)
        if not moved:
            stored.refresh_from_db()
            access.require(user, action, stored)
            raise access.StateConflict("记录刚被他人修改，请刷新后重试。")
        RecordEvent.objects.create(
            record=stored,
            kind=event,
            user=user,
            version=stored.version,
            from_status=stored.status,
            to_status=to_status,
            comment=comment,
            details=details,
        )
    stored.refresh_from_db()
    return stored


def submit(
    user: Any, stored: StoredRecord, explanations: dict[str, str] | None = None
) -> StoredRecord:
    """Submit for review. Every error finding needs an explanation (keyed by ``finding_key``)."""
    access.require(user, Action.SUBMIT, stored)
    given = {k: v.strip() for k, v in (explanations or {}).items() if v and v.strip()}
    errors = checks.errors_of(checks.findings_for(stored))
    unexplained = [f for f in errors if checks.finding_key(f) not in given]
    if unexplained:
        raise SubmitBlocked(unexplained)
    kept = {checks.finding_key(f): given[checks.finding_key(f)] for f in errors}
    return _transition(
        user,
        stored,
        Action.SUBMIT,
        "",
        details={
            "explanations": [dict(f, explanation=kept[checks.finding_key(f)]) for f in errors]
        },
        explanations=kept,
    )


def approve(user: Any, stored: StoredRecord, comment: str = "") -> StoredRecord:
    access.require(user, Action.APPROVE, stored)
    return _transition(user, stored, Action.APPROVE, comment.strip())


def return_(user: Any, stored: StoredRecord, comment: str) -> StoredRecord:
    """Send back to the editor; the comment says what to correct."""
    access.require(user, Action.RETURN, stored)
    if not comment or not comment.strip():
        raise CommentRequired("退回时必须填写意见。")
    return _transition(user, stored, Action.RETURN, comment.strip())


def reopen(user: Any, stored: StoredRecord, reason: str) -> StoredRecord:
    """Make an approved record editable again (status 退回) with a reason."""
    access.require(user, Action.REOPEN, stored)
    if not reason or not reason.strip():
        raise CommentRequired("重新打开时必须说明原因。")
    return _transition(user, stored, Action.REOPEN, reason.strip())


TRANSITION_FUNCTIONS = {
    Action.APPROVE: approve,
    Action.RETURN: return_,
    Action.REOPEN: reopen,
}


def register() -> None:
    access.register(
        StoredRecord,
        unit_path="unit",
        state_check=state_refusal,
        hidden_when_set="deleted_at",
        region_field="region",
    )
