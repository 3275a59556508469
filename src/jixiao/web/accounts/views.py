"""Login/logout and the API-token page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views import View

from jixiao.web.accounts.forms import ThrottledLoginForm, TokenForm
from jixiao.web.accounts.models import ApiToken


class LoginView(auth_views.LoginView):
    form_class = ThrottledLoginForm
    redirect_authenticated_user = True


class TokenListView(LoginRequiredMixin, View):
    """The user's own API tokens: issue one (shown once), revoke."""

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._render(request, TokenForm(), None)

    def post(self, request: HttpRequest) -> HttpResponse:
        if "revoke" in request.POST:
            token = ApiToken.objects.filter(
                user=request.user, pk=request.POST.get("revoke")
            ).first()
            if token is not None:
                token.revoke()
                messages.success(request, f"令牌 {token.prefix}… 已吊销。")
            return redirect("token_list")
        form = TokenForm(request.POST)
        issued = None
        if form.is_valid():
            _, issued = ApiToken.issue(request.user, form.cleaned_data["name"] or "网页创建")
        return self._render(request, TokenForm(), issued)

    def _render(self, request: HttpRequest, form: TokenForm, issued: str | None) -> HttpResponse:
        tokens = ApiToken.objects.filter(user=request.user)
        return render(
            request, "accounts/tokens.html", {"form": form, "tokens": tokens, "issued": issued}
        )
