"""Writing the change log: a middleware remembers who is making the request, signal handlers
write one :class:`ObjectChange` per save or delete of a logged model."""

from __future__ import annotations

import contextvars
import datetime
import decimal
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.signals import post_delete, post_init, post_save
from django.http import HttpRequest, HttpResponse


@dataclass(frozen=True)
class ChangeContext:
    user: Any
    request_id: uuid.UUID


_current: contextvars.ContextVar[ChangeContext | None] = contextvars.ContextVar(
    "jixiao_change_context", default=None
)


@contextmanager
def change_context(user: Any) -> Iterator[ChangeContext]:
    """Attribute the changes made inside the block to ``user`` (commands, tests, API)."""
    context = ChangeContext(user=user, request_id=uuid.uuid4())
    token = _current.set(context)
    try:
        yield context
    finally:
        _current.reset(token)


class ChangeLoggingMiddleware:
    """Attributes every change made while handling a request to the request's user."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _current.set(ChangeContext(user=request.user, request_id=uuid.uuid4()))
        try:
            return self.get_response(request)
        finally:
            _current.reset(token)


def set_request_user(user: Any) -> None:
    """Attribute the rest of the current request to ``user`` (token-authenticated API calls)."""
    context = _current.get()
    request_id = context.request_id if context else uuid.uuid4()
    _current.set(ChangeContext(user=user, request_id=request_id))


def _plain(value: Any) -> Any:
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, (decimal.Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    return value


def _excluded(instance: models.Model) -> set[str]:
    # The password hash is secret; the last login time changes on every login and is no edit.
    return set(getattr(instance, "changelog_exclude", ())) | {"password", "last_login"}


def snapshot(instance: models.Model) -> dict[str, Any]:
    """The instance's concrete field values, minus the excluded ones, as JSON-ready data."""
    exclude = _excluded(instance)
    data: dict[str, Any] = {}
    for field in instance._meta.concrete_fields:
        if field.name in exclude or field.attname in exclude:
            continue
        data[field.attname] = _plain(getattr(instance, field.attname))
    return data


def _loaded(instance: models.Model) -> dict[str, Any] | None:
    loaded = getattr(instance, "_loaded_snapshot", None)
    if loaded is None:
        return None
    exclude = _excluded(instance)
    names = {f.attname for f in instance._meta.concrete_fields}
    return {
        k: _plain(v)
        for k, v in loaded.items()
        if k in names and k not in exclude and k.removesuffix("_id") not in exclude
    }


def _write(
    instance: models.Model, action: str, pre: dict[str, Any] | None, post: dict[str, Any] | None
) -> None:
    from jixiao.web.core.models import ObjectChange

    context = _current.get()
    user = getattr(context, "user", None)
    if user is not None and not getattr(user, "is_authenticated", False):
        user = None
    ObjectChange.objects.create(
        user=user,
        user_name=getattr(user, "username", "") or "",
        request_id=context.request_id if context else None,
        action=action,
        content_type=ContentType.objects.get_for_model(instance, for_concrete_model=False),
        object_id=str(instance.pk),
        object_repr=str(instance)[:200],
        prechange_data=pre,
        postchange_data=post,
    )


def _on_save(
    sender: type[models.Model], instance: models.Model, created: bool, raw: bool = False, **_: Any
) -> None:
    if raw:
        return
    post = snapshot(instance)
    pre = None if created else _loaded(instance)
    if pre is not None and pre == post:
        return
    _write(instance, "create" if created else "update", pre, post)
    instance._loaded_snapshot = {  # type: ignore[attr-defined]
        f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields
    }


def _on_delete(sender: type[models.Model], instance: models.Model, **_: Any) -> None:
    _write(instance, "delete", snapshot(instance), None)


def _is_logged(model: type[models.Model]) -> bool:
    from jixiao.web.core.models import ChangeLoggedModel

    return issubclass(model, ChangeLoggedModel) or model is get_user_model()


def connect_signals() -> None:
    """Log every model that is a ChangeLoggedModel, and the user model."""

    def on_save(sender: type[models.Model], **kwargs: Any) -> None:
        if _is_logged(sender):
            _on_save(sender, **kwargs)

    def on_delete(sender: type[models.Model], **kwargs: Any) -> None:
        if _is_logged(sender):
            _on_delete(sender, **kwargs)

    def on_user_init(sender: type[models.Model], instance: models.Model, **_: Any) -> None:
        if instance.pk is not None:
            instance._loaded_snapshot = {  # type: ignore[attr-defined]
                f.attname: instance.__dict__[f.attname]
                for f in instance._meta.concrete_fields
                if f.attname in instance.__dict__
            }

    post_init.connect(
        on_user_init, sender=get_user_model(), dispatch_uid="jixiao_changelog_user", weak=False
    )
    post_save.connect(on_save, dispatch_uid="jixiao_changelog_save", weak=False)
    post_delete.connect(on_delete, dispatch_uid="jixiao_changelog_delete", weak=False)
