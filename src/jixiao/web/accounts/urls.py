from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import path

from jixiao.web.accounts import views

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/tokens/", views.TokenListView.as_view(), name="token_list"),
]
