from __future__ import annotations

from typing import ClassVar

from django import forms
from django.contrib.auth.forms import AuthenticationForm

from jixiao.web.accounts import throttle


class ThrottledLoginForm(AuthenticationForm):
    """The login form; refuses early while the username is throttled."""

    error_messages: ClassVar[dict[str, str]] = {  # type: ignore[misc]
        **AuthenticationForm.error_messages,
        "invalid_login": "用户名或密码不正确。",
    }

    def clean(self) -> dict[str, object]:
        username = self.cleaned_data.get("username")
        if username and throttle.is_blocked(username, self.request):
            raise forms.ValidationError(throttle.BLOCKED_MESSAGE, code="throttled")
        return super().clean()


class TokenForm(forms.Form):
    name = forms.CharField(label="名称", max_length=100, required=False)
