"""Emails to the people of a company: plain text, in each reader's language, addressed the way
that language addresses a business.

Every email (subject and body) and every calendar file is rendered by ``render_text``, with the
"text" template engine of ``settings.TEMPLATES``, which never HTML-escapes: "Medica & Compamed"
stays as typed. HTML is escaped where HTML is made, by the default engine of the pages.

Each member reads email in ``member_language``: their own choice (``Membership.
preferred_language``), else their side's (Japanese for exhibitors' staff, English for buyers').
A company's members are written to in one message per language; links are absolute
(``SITE_URL``) and point into that language's pages.
"""

import logging
from collections.abc import Callable, Iterable

from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.core.mail import EmailMessage, get_connection
from django.template import engines
from django.utils import translation

from . import selectors
from .models import Membership
from .names import person_name

logger = logging.getLogger(__name__)

JAPANESE, ENGLISH = "ja", "en"
LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}

#: A template's context, or a function making it with the message's language active (for what
#: depends on the language: links into /ja/ or /en/ pages, attachments' wording).
Context = dict | Callable[[], dict]


def render_text(template_name: str, context: dict | None = None) -> str:
    """A plain-text template rendered without HTML escaping (see the module's docstring)."""
    return engines["text"].get_template(template_name).render(context or {})


def subject_text(template_name: str, context: dict | None = None) -> str:
    """A subject line: rendered as text, on one line, since a header never holds a line break."""
    return " ".join(render_text(template_name, context).split())


def body_text(template_name: str, context: dict | None = None) -> str:
    """An email body: rendered as text, with the blank lines that template tags leave behind
    collapsed into one and no trailing spaces (but the signature's "-- " separator)."""
    lines: list[str] = []
    for line in render_text(template_name, context).split("\n"):
        line = line.rstrip()
        if line == "--":
            line = "-- "
        if line or (lines and lines[-1]):
            lines.append(line)
    return "\n".join(lines).strip("\n") + "\n"


def member_language(membership: Membership | None, *, fallback: str | None = None) -> str:
    """The language a member reads email in: their own choice, else ``fallback`` when given
    (e.g. the language of the page where they asked for the email), else their side's:
    Japanese for an exhibitor's staff, English for a buyer's."""
    if membership is not None and membership.preferred_language in LANGUAGE_CODES:
        return membership.preferred_language
    if fallback:
        fallback = translation.get_supported_language_variant(fallback)
        if fallback in LANGUAGE_CODES:
            return fallback
    if membership is None:
        return settings.LANGUAGE_CODE
    return JAPANESE if membership.sme_id else ENGLISH


def absolute_url(path: str) -> str:
    """A link for an email: the path under ``SITE_URL`` (emails sent by tasks have no request)."""
    return f"{settings.SITE_URL.rstrip('/')}{path}"


def _named(user) -> bool:
    return bool((user.first_name or "").strip() or (user.last_name or "").strip())


def salutation(*, company=None, users: Iterable = (), language: str) -> str:
    """How the message opens. Japanese addresses the company (and the person, when the message
    goes to one named person) with 様: 「越後メディカル株式会社 佐藤 健二 様」,
    「越後メディカル株式会社 様」. English greets the person, or the company's team:
    "Dear Kenji Sato,", "Dear colleagues at Rhein Medical GmbH,".

    Each language's convention is its own, so this is worded per language rather than translated.
    Call it with ``language`` active: the company's name is shown in it.
    """
    users = list(users)
    person = users[0] if len(users) == 1 and _named(users[0]) else None
    if language == JAPANESE:
        parts = [str(company) if company is not None else "", person_name(person, JAPANESE)]
        addressee = " ".join(part for part in parts if part)
        return f"{addressee} 様" if addressee else "ご担当者様"
    if person is not None:
        return f"Dear {person_name(person, ENGLISH)},"
    if company is not None:
        return f"Dear colleagues at {company},"
    return "Hello,"


def email_message(
    *,
    subject_template: str,
    body_template: str,
    context: Context,
    to: list,
    language: str,
    company=None,
    attachments: Callable[[], list[tuple[str, str, str]]] | None = None,
) -> EmailMessage:
    """One message in ``language`` to the users ``to`` (of ``company``, if any), with its
    salutation. ``attachments`` returns (filename, content, mimetype) triples; it and a callable
    ``context`` are called with the language active."""
    with translation.override(language):
        values = dict(context() if callable(context) else context)
        values.setdefault("salutation", salutation(company=company, users=to, language=language))
        values.setdefault("site_url", absolute_url("/"))
        message = EmailMessage(
            subject_text(subject_template, values),
            body_text(body_template, values),
            settings.DEFAULT_FROM_EMAIL,
            [user.email for user in to],
            headers={"Content-Language": language},
        )
        for filename, content, mimetype in attachments() if attachments else ():
            message.attach(filename, content, mimetype)
    return message


def team_by_language(company) -> dict[str, list]:
    """The company's active members who have an email address, by the language they read."""
    groups: dict[str, list] = {}
    members = company.members.select_related("user").order_by("user__email")
    for membership in members:
        user = membership.user
        if user.email and user.is_active:
            groups.setdefault(member_language(membership), []).append(user)
    return groups


def team_messages(
    *,
    company,
    template: str,
    context: Context,
    attachments: Callable[[], list[tuple[str, str, str]]] | None = None,
) -> list[EmailMessage]:
    """Messages to a company's team, one per language its members read: ``template``.txt and
    ``template``_subject.txt rendered in that language."""
    return [
        email_message(
            subject_template=f"{template}_subject.txt",
            body_template=f"{template}.txt",
            context=context,
            to=users,
            language=language,
            company=company,
            attachments=attachments,
        )
        for language, users in sorted(team_by_language(company).items())
    ]


def send_messages(messages: list[EmailMessage]) -> int:
    """Send messages over one connection; returns how many went out."""
    if not messages:
        return 0
    return get_connection().send_messages(messages) or 0


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's password reset, its email rendered as text in the user's language: their own
    choice, else the language of the page they asked from (they are reading it right now)."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        user = context["user"]
        membership = selectors.membership_of(user)
        language = member_language(membership, fallback=translation.get_language())
        message = email_message(
            subject_template=subject_template_name,
            body_template=email_template_name,
            context=context,
            to=[user],
            language=language,
            company=membership.company if membership else None,
        )
        message.to = [to_email]
        try:
            message.send()
        except Exception:
            # As Django's own form: the page must not tell whether the address has an account.
            logger.exception("Failed to send password reset email to %s", user.pk)
