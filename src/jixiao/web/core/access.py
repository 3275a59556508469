"""The one permission layer. Pages, API and downloads all fetch objects through it.

A user's *grants* come from their role assignments (organisations.RoleAssignment):

=========  ==========================  ==============================================
role       scope                       actions
=========  ==========================  ==============================================
editor     one unit                    view, create, change, delete, submit, import
reviewer   a region and all below it   view, approve, return, reopen
viewer     a region and all below it   view
admin      everything                  every action, undelete, Django admin
=========  ==========================  ==============================================

Every model that is reached through the layer is registered with the path from it to its
:class:`~jixiao.web.organisations.models.Unit` (``register``). Objects outside the user's view
are *not found* (404) — a guessed id tells nothing; objects in view but not open to the action
are *forbidden* (403); an action the object's state does not allow (editing an approved
record) is a *conflict* (409).
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from jixiao.web.organisations.models import Region, RoleAssignment, Unit


class Action(StrEnum):
    VIEW = "view"
    CREATE = "create"
    CHANGE = "change"
    DELETE = "delete"
    UNDELETE = "undelete"
    SUBMIT = "submit"
    APPROVE = "approve"
    RETURN = "return"
    REOPEN = "reopen"
    IMPORT = "import"

    @property
    def label(self) -> str:
        return ACTION_LABELS[self]


ACTION_LABELS: dict[Action, str] = {
    Action.VIEW: "查看",
    Action.CREATE: "新建",
    Action.CHANGE: "修改",
    Action.DELETE: "删除",
    Action.UNDELETE: "恢复已删除",
    Action.SUBMIT: "提交",
    Action.APPROVE: "审核通过",
    Action.RETURN: "退回",
    Action.REOPEN: "重新打开",
    Action.IMPORT: "导入",
}

ROLE_ACTIONS: dict[str, frozenset[Action]] = {
    RoleAssignment.Role.EDITOR: frozenset(
        {Action.VIEW, Action.CREATE, Action.CHANGE, Action.DELETE, Action.SUBMIT, Action.IMPORT}
    ),
    RoleAssignment.Role.REVIEWER: frozenset(
        {Action.VIEW, Action.APPROVE, Action.RETURN, Action.REOPEN}
    ),
    RoleAssignment.Role.VIEWER: frozenset({Action.VIEW}),
}
ADMIN_ONLY: frozenset[Action] = frozenset({Action.UNDELETE})


class AccessError(Exception):
    """Base of the three refusals; ``status`` is the HTTP status pages and API answer with."""

    status = 403

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotVisible(AccessError, Http404):
    status = 404


class Forbidden(AccessError):
    status = 403


class StateConflict(AccessError):
    status = 409


@dataclass(frozen=True)
class Grants:
    """What one user may do where. Built once per user object (cached on it).

    Region roles are kept both as subtree paths (to test one object without a query) and as
    the ids of every region in the subtrees (to filter lists with an indexed ``IN``).
    """

    is_admin: bool = False
    unit_ids: dict[Action, frozenset[int]] = field(default_factory=dict)
    region_paths: dict[Action, tuple[str, ...]] = field(default_factory=dict)
    region_ids: dict[Action, frozenset[int]] = field(default_factory=dict)

    def covers(self, action: Action, unit: Unit) -> bool:
        if self.is_admin:
            return True
        if action in ADMIN_ONLY:
            return False
        if unit.pk in self.unit_ids.get(action, frozenset()):
            return True
        path = unit.region.path
        return any(path.startswith(p) for p in self.region_paths.get(action, ()))

    def unit_q(self, action: Action, prefix: str = "", region_field: str | None = None) -> models.Q:
        """A filter selecting the objects whose unit (reached by ``prefix``) the action covers.

        ``region_field`` names the object's own region column when it has one (it equals its
        unit's region), which spares a join.
        """
        if self.is_admin:
            return models.Q()
        if action in ADMIN_ONLY:
            return models.Q(pk__in=[])
        q = models.Q(pk__in=[])
        ids = self.unit_ids.get(action)
        if ids:
            q |= models.Q(**{f"{prefix}pk__in": sorted(ids)})
        regions = self.region_ids.get(action)
        if regions:
            q |= models.Q(**{f"{region_field or prefix + 'region'}_id__in": sorted(regions)})
        return q

    def any(self, action: Action) -> bool:
        return self.is_admin or bool(self.unit_ids.get(action) or self.region_paths.get(action))


def grants_for(user: Any) -> Grants:
    """The user's grants; anonymous and inactive users have none."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return Grants()
    cached = getattr(user, "_jixiao_grants", None)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    if user.is_superuser:
        grants = Grants(is_admin=True)
    else:
        unit_ids: dict[Action, set[int]] = {}
        region_paths: dict[Action, set[str]] = {}
        assignments = RoleAssignment.objects.filter(user=user).select_related("region")
        for assignment in assignments:
            for action in ROLE_ACTIONS.get(assignment.role, frozenset()):
                if assignment.unit_id is not None:
                    unit_ids.setdefault(action, set()).add(assignment.unit_id)
                elif assignment.region is not None:
                    region_paths.setdefault(action, set()).add(assignment.region.path)
        subtree: dict[str, frozenset[int]] = {}
        for path in {p for paths in region_paths.values() for p in paths}:
            subtree[path] = frozenset(
                Region.objects.filter(path__startswith=path).values_list("pk", flat=True)
            )
        grants = Grants(
            unit_ids={a: frozenset(ids) for a, ids in unit_ids.items()},
            region_paths={a: tuple(sorted(paths)) for a, paths in region_paths.items()},
            region_ids={
                a: frozenset().union(*(subtree[p] for p in paths))
                for a, paths in region_paths.items()
            },
        )
    user._jixiao_grants = grants
    return grants


def forget_grants(user: Any) -> None:
    """Drop the cached grants (after the user's roles changed)."""
    if hasattr(user, "_jixiao_grants"):
        del user._jixiao_grants


# --- registry: how each model reaches its unit -------------------------------------------

StateCheck = Callable[[Action, Any], "str | None"]


@dataclass(frozen=True)
class Scope:
    """How to find the unit of an object of one model, and which states refuse which actions."""

    unit_path: str
    state_check: StateCheck | None = None
    hidden_when_set: str | None = None
    region_field: str | None = None
    """A field that, when not null, hides the object from non-administrators (soft delete)."""

    def is_hidden(self, obj: Any) -> bool:
        return self.hidden_when_set is not None and getattr(obj, self.hidden_when_set) is not None

    def unit_of(self, obj: Any) -> Unit:
        if not self.unit_path:
            return obj  # type: ignore[no-any-return]
        return operator.attrgetter(self.unit_path.replace("__", "."))(obj)  # type: ignore[no-any-return]

    @property
    def prefix(self) -> str:
        return f"{self.unit_path}__" if self.unit_path else ""


_SCOPES: dict[type[models.Model], Scope] = {Unit: Scope(unit_path="")}

M = TypeVar("M", bound=models.Model)


def register(
    model: type[models.Model],
    unit_path: str,
    state_check: StateCheck | None = None,
    hidden_when_set: str | None = None,
    region_field: str | None = None,
) -> None:
    """Put a model under the layer: ``unit_path`` is the lookup path to its Unit; ``region_field``
    the model's own copy of the unit's region, if it keeps one."""
    _SCOPES[model] = Scope(
        unit_path=unit_path,
        state_check=state_check,
        hidden_when_set=hidden_when_set,
        region_field=region_field,
    )


def _scope(model: type[models.Model]) -> Scope:
    try:
        return _SCOPES[model]
    except KeyError:
        raise LookupError(f"{model.__name__} is not registered with the access layer") from None


def restrict(
    queryset: models.QuerySet[M], user: Any, action: Action = Action.VIEW
) -> models.QuerySet[M]:
    """The part of ``queryset`` on which ``user`` may perform ``action`` (by scope and role)."""
    if queryset.model is Region:
        return regions(user).filter(pk__in=queryset.values("pk"))  # type: ignore[return-value]
    scope = _scope(queryset.model)
    grants = grants_for(user)
    result = queryset.filter(grants.unit_q(action, scope.prefix, scope.region_field))
    if scope.hidden_when_set is not None and not grants.is_admin:
        result = result.filter(**{f"{scope.hidden_when_set}__isnull": True})
    return result


def state_refusal(user: Any, action: Action, obj: Any) -> str | None:
    """Why the object's state refuses the action, or ``None``."""
    scope = _scope(type(obj))
    if scope.state_check is None:
        return None
    return scope.state_check(action, obj)


def can(user: Any, action: Action, obj: Any) -> bool:
    """Whether ``user`` may perform ``action`` on ``obj`` now (scope, role and state)."""
    scope = _scope(type(obj))
    grants = grants_for(user)
    if not grants.is_admin and scope.is_hidden(obj):
        return False
    if not grants.covers(action, scope.unit_of(obj)):
        return False
    return state_refusal(user, action, obj) is None


def allowed_actions(user: Any, obj: Any, actions: Iterable[Action] = tuple(Action)) -> set[Action]:
    """The actions ``user`` may perform on ``obj`` now (to show only the buttons that work)."""
    return {a for a in actions if can(user, a, obj)}


def require(user: Any, action: Action, obj: Any) -> None:
    """Raise unless ``user`` may perform ``action`` on ``obj``: NotVisible, Forbidden, StateConflict."""
    scope = _scope(type(obj))
    grants = grants_for(user)
    unit = scope.unit_of(obj)
    hidden = not grants.is_admin and scope.is_hidden(obj)
    if hidden or not grants.covers(Action.VIEW, unit):
        raise NotVisible("找不到该对象，或您无权查看。")
    if not grants.covers(action, unit):
        raise Forbidden(f"您没有在该单位“{action.label}”的权限。")
    reason = state_refusal(user, action, obj)
    if reason:
        raise StateConflict(reason)


def get_object(user: Any, action: Action, queryset: models.QuerySet[M], **lookup: Any) -> M:
    """Fetch one object for ``action``; a guessed or foreign id is *not found*.

    The object is read with its unit and region and judged by ``require`` (the same grants
    ``restrict`` turns into SQL), so one out of view answers exactly like a missing one."""
    scope = _scope(queryset.model)
    related = [scope.unit_path, f"{scope.prefix}region"] if scope.unit_path else ["region"]
    if scope.region_field:
        related.append(scope.region_field)
    try:
        obj = queryset.select_related(*related).get(**lookup)
    except (queryset.model.DoesNotExist, queryset.model.MultipleObjectsReturned):
        raise NotVisible("找不到该对象，或您无权查看。") from None
    except (ValueError, TypeError):
        raise NotVisible("找不到该对象，或您无权查看。") from None
    require(user, action, obj)
    return obj


def require_unit(user: Any, action: Action, unit: Unit) -> None:
    """For actions on a unit that has no object yet (create, import into a unit)."""
    grants = grants_for(user)
    if not grants.covers(Action.VIEW, unit) and not grants.covers(action, unit):
        raise NotVisible("找不到该单位，或您无权查看。")
    if not grants.covers(action, unit):
        raise Forbidden(f"您没有在该单位“{action.label}”的权限。")


def require_any(user: Any, action: Action) -> None:
    """For actions that start without an object (opening the import page)."""
    if not grants_for(user).any(action):
        raise Forbidden(f"您没有“{action.label}”的权限。")


def get_owned(
    user: Any, queryset: models.QuerySet[M], owner_field: str = "user", **lookup: Any
) -> M:
    """Fetch an object that belongs to one user (an import in progress); others get *not found*."""
    if not grants_for(user).is_admin:
        queryset = queryset.filter(**{owner_field: user})
    try:
        return queryset.get(**lookup)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise NotVisible("找不到该对象，或您无权查看。") from None


def units(user: Any, action: Action = Action.VIEW) -> models.QuerySet[Unit]:
    """The units on which ``user`` may perform ``action``."""
    return Unit.objects.filter(grants_for(user).unit_q(action)).select_related("region")


def regions(user: Any) -> models.QuerySet[Region]:
    """The regions ``user`` can open: subtrees of their region roles, regions of their units."""
    grants = grants_for(user)
    if grants.is_admin:
        return Region.objects.all()
    q = models.Q(pk__in=[])
    for path in grants.region_paths.get(Action.VIEW, ()):
        q |= models.Q(path__startswith=path)
    unit_ids = grants.unit_ids.get(Action.VIEW)
    if unit_ids:
        q |= models.Q(units__in=sorted(unit_ids))
        return Region.objects.filter(q).distinct()
    return Region.objects.filter(q)


class AccessDeniedMiddleware:
    """Renders the layer's refusals on pages: 404, 403 and 409 pages in Chinese."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, AccessError) and not request.path.startswith("/api/"):
            return render(
                request,
                "core/refused.html",
                {"message": exception.message, "status": exception.status},
                status=exception.status,
            )
        return None
