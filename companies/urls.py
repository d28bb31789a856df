"""Accounts (sign-up, log-in, password reset) and the company pages."""

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from . import mail, views

app_name = "companies"

urlpatterns = [
    path("accounts/signup/", views.signup, name="signup"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(
            template_name="registration/login.html", next_page=reverse_lazy("home")
        ),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(next_page="home"), name="logout"),
    path(
        "accounts/password-reset/",
        auth_views.PasswordResetView.as_view(
            template_name="registration/password_reset_form.html",
            form_class=mail.PasswordResetForm,
            email_template_name="registration/password_reset_email.txt",
            subject_template_name="registration/password_reset_subject.txt",
            success_url=reverse_lazy("companies:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "accounts/password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(
            template_name="registration/password_reset_done.html"
        ),
        name="password_reset_done",
    ),
    path(
        "accounts/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="registration/password_reset_confirm.html",
            success_url=reverse_lazy("companies:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "accounts/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="registration/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
    path("company/register/", views.company_register, name="register"),
    path(
        "company/register/exhibitor/",
        views.company_register_as,
        {"kind": "exhibitor"},
        name="register_exhibitor",
    ),
    path(
        "company/register/buyer/",
        views.company_register_as,
        {"kind": "buyer"},
        name="register_buyer",
    ),
    path("company/", views.company_profile, name="profile"),
    path("company/team/", views.team, name="team"),
    path("company/team/language/", views.team_language, name="team_language"),
]
