"""Company pages: sign-up, the company profile and its team.

Views are thin: they read through ``companies.access`` and ``companies.selectors`` and write
through ``companies.services``.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.tokens import default_token_generator
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import mail, selectors, services
from .access import actor_of
from .choices import MemberRole
from .eligibility import sme_eligibility_of
from .forms import BuyerProfileForm, EmailLanguageForm, InviteForm, SignUpForm, SMEProfileForm
from .models import SME, Membership
from .names import person_name


def page(request, template: str, context: dict | None = None, **kwargs):
    """Render a page with the actor, whose role sets the navigation."""
    actor = getattr(request, "actor", None) or actor_of(request.user)
    return render(request, template, {"actor": actor, **(context or {})}, **kwargs)


def login_required(view):
    """Anonymous users go to the log-in page, and come back here afterwards."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("companies:login"))
        request.actor = actor_of(request.user)
        return view(request, *args, **kwargs)

    return wrapper


def company_required(view):
    """Pages for staff of an SME or a buyer; anyone else is sent to register a company."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.actor.is_staff_of_company:
            if request.actor.organiser or request.actor.platform_admin:
                raise Http404
            return redirect("companies:register")
        return view(request, *args, **kwargs)

    return wrapper


def exhibitor_required(view):
    @company_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.actor.is_exhibitor:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


def buyer_required(view):
    @company_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.actor.is_buyer:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


@require_http_methods(["GET", "POST"])
def signup(request):
    if request.user.is_authenticated:
        return redirect("home")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Your account is ready. Now register your company."))
        return redirect("companies:register")
    return page(request, "pages/companies/signup.html", {"form": form, "nav": "signup"})


@login_required
def company_register(request):
    """Choose whether the company exhibits (a Japanese SME) or buys (a foreign buyer)."""
    if request.actor.is_staff_of_company:
        return redirect("companies:profile")
    return page(request, "pages/companies/register.html", {"nav": "register"})


@login_required
@require_http_methods(["GET", "POST"])
def company_register_as(request, kind: str):
    if request.actor.is_staff_of_company:
        return redirect("companies:profile")
    form_class, register = {
        "exhibitor": (SMEProfileForm, services.sme_register),
        "buyer": (BuyerProfileForm, services.buyer_register),
    }[kind]
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            register(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("Your company is registered."))
            return redirect("home")
    return page(
        request, "pages/companies/profile_form.html", {"form": form, "kind": kind, "new": True}
    )


@company_required
@require_http_methods(["GET", "POST"])
def company_profile(request):
    actor = request.actor
    if actor.is_exhibitor:
        form_class, company, update = SMEProfileForm, actor.sme, services.sme_update
        kind, keyword = "exhibitor", "sme"
    else:
        form_class, company, update = BuyerProfileForm, actor.buyer, services.buyer_update
        kind, keyword = "buyer", "buyer"
    form = form_class(request.POST or None, instance=company)
    if request.method == "POST" and form.is_valid():
        try:
            update(**{keyword: company}, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("The company profile is saved."))
            return redirect("companies:profile")
    context = {"form": form, "kind": kind, "new": False, "nav": "profile"}
    if actor.is_exhibitor:
        # The verdict for the profile as saved, worded as the pavilion pages word it.
        context["eligibility"] = sme_eligibility_of(SME.objects.get(pk=company.pk))
    return page(request, "pages/companies/profile_form.html", context)


def _send_invitation(request, user, company, inviter) -> None:
    """Email the colleague a link that sets their password (Django's password-reset token), in
    the language they read email in, linking to that language's pages."""
    mail.email_message(
        subject_template="registration/invitation_subject.txt",
        body_template="registration/invitation_email.txt",
        context=lambda: {
            "company": company,
            "inviter": person_name(inviter),
            "link": request.build_absolute_uri(
                reverse(
                    "companies:password_reset_confirm",
                    kwargs={
                        "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                        "token": default_token_generator.make_token(user),
                    },
                )
            ),
        },
        to=[user],
        language=mail.member_language(user.membership),
        company=company,
    ).send()


@company_required
@require_http_methods(["GET", "POST"])
def team(request):
    actor = request.actor
    company = actor.sme or actor.buyer
    members = selectors.company_members(company)
    is_admin = any(m.user_id == request.user.pk and m.role == MemberRole.ADMIN for m in members)
    form = InviteForm(request.POST or None) if is_admin else None
    if request.method == "POST":
        if form is None:
            raise Http404
        if form.is_valid():
            try:
                with transaction.atomic():
                    user = services.membership_invite(
                        company=company, by=request.user, **form.cleaned_data
                    )
            except ValidationError as error:
                form.add_service_error(error)
            else:
                _send_invitation(request, user, company, request.user)
                messages.success(
                    request,
                    _("%(email)s is invited; we sent a link to set a password.")
                    % {"email": user.email},
                )
                return redirect("companies:team")
    return page(
        request,
        "pages/companies/team.html",
        {
            "company": company,
            "members": members,
            "form": form,
            "language_form": _email_language_form(request),
            "nav": "team",
        },
    )


def _email_language_form(request, data=None):
    membership = selectors.membership_of(request.user)
    return EmailLanguageForm(
        data,
        initial={"preferred_language": membership.preferred_language},
        default_language=mail.member_language(Membership(sme_id=membership.sme_id)),
    )


@company_required
@require_http_methods(["POST"])
def team_language(request):
    """A member sets the language of the emails they receive."""
    form = _email_language_form(request, request.POST)
    if form.is_valid():
        services.membership_set_language(
            membership=selectors.membership_of(request.user),
            language=form.cleaned_data["preferred_language"],
        )
        messages.success(request, _("Your emails will come in the language you chose."))
    else:
        messages.error(request, _("Choose a language from the list."))
    return redirect("companies:team")
