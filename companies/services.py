"""Writes on companies: registering an SME or a buyer, editing profiles, inviting colleagues;
and on accounts: their passwords and API tokens, as a platform administrator sets them.

The pages, the API and the admin call these; each validates the whole profile and raises
``ValidationError`` keyed by field, so every caller can show the error next to its field.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from rest_framework.authtoken.models import Token

from core import audit
from core.locks import waiting_at_most
from core.services import row_delete, row_save, unique_or_refused

from . import selectors
from .choices import MemberRole
from .models import SME, ForeignBuyer, Membership

SME_M2M = ("sectors", "target_markets", "languages", "certifications")
BUYER_M2M = ("sectors", "languages", "required_certifications")
#: Each kind of company: its many-to-many sets, and its name in audit codes and on a membership.
PROFILES = {SME: (SME_M2M, "sme"), ForeignBuyer: (BUYER_M2M, "buyer")}


def _save_profile(instance, fields: dict, many_to_many: tuple[str, ...]):
    """Set fields, validate the whole row, save it and its many-to-many sets."""
    relations = {name: fields.pop(name) for name in many_to_many if name in fields}
    known = {f.name for f in instance._meta.concrete_fields}
    known |= {f.attname for f in instance._meta.concrete_fields}
    unknown = [name for name in fields if name not in known or name in ("id", "pk")]
    if unknown:
        raise ValidationError({name: _("Unknown field.") for name in unknown})
    for name, value in fields.items():
        setattr(instance, name, value)
    instance.full_clean()
    with unique_or_refused(lambda: _("A company with this name is already registered.")):
        instance.save()
    for name, values in relations.items():
        getattr(instance, name).set(values)
    return instance


def _profile_codes(company: SME | ForeignBuyer) -> dict:
    """A profile as the audit log keeps it: codes, names and figures; long texts by length."""
    return audit.row_values(company, many=PROFILES[type(company)][0])


def _check_free(user) -> None:
    if selectors.has_company(user):
        raise ValidationError(_("Your account already belongs to a company."))


def _company_register(model: type[SME | ForeignBuyer], user, fields: dict):
    _check_free(user)
    company = company_create(model=model, **fields)
    # A membership names its company with the field of the company's kind (``sme``, ``buyer``).
    Membership.objects.create(user=user, role=MemberRole.ADMIN, **{PROFILES[model][1]: company})
    return company


@transaction.atomic
def sme_register(*, user, **fields) -> SME:
    """A user registers their SME and becomes its company administrator."""
    return _company_register(SME, user, fields)


@transaction.atomic
def buyer_register(*, user, **fields) -> ForeignBuyer:
    """A user registers their buying company and becomes its company administrator."""
    return _company_register(ForeignBuyer, user, fields)


@transaction.atomic
def company_create(*, model: type[SME | ForeignBuyer], by=None, **fields) -> SME | ForeignBuyer:
    """An SME or a buyer with no member yet (the admin adds its members on the same page).

    Side effects: records ``sme.registered`` or ``buyer.registered`` with the whole profile.
    """
    many, subject = PROFILES[model]
    company = _save_profile(model(), fields, many)
    audit.record(
        action=f"{subject}.registered",
        obj=company,
        changes=audit.created(_profile_codes(company)),
        by=by,
    )
    return company


@transaction.atomic
def company_update(*, company: SME | ForeignBuyer, **fields) -> SME | ForeignBuyer:
    """Change an SME's or a buyer's profile. Side effects: records ``sme.updated`` or
    ``buyer.updated`` with the fields that changed (nothing when none did)."""
    many, subject = PROFILES[type(company)]
    with waiting_at_most(
        _("Someone else is saving this company's profile right now; try again in a moment.")
    ):
        company = type(company).objects.select_for_update().get(pk=company.pk)
    before = _profile_codes(company)
    company = _save_profile(company, fields, many)
    changes = audit.changed(before, _profile_codes(company))
    if changes:
        audit.record(action=f"{subject}.updated", obj=company, changes=changes)
    return company


def sme_update(*, sme: SME, **fields) -> SME:
    return company_update(company=sme, **fields)


def buyer_update(*, buyer: ForeignBuyer, **fields) -> ForeignBuyer:
    return company_update(company=buyer, **fields)


@transaction.atomic
def company_delete(*, company: SME | ForeignBuyer, by=None) -> None:
    """Delete an SME or a buyer with what belongs to it (members, registrations, meetings).

    Side effects: records ``sme.deleted`` or ``buyer.deleted`` with the profile, before it goes.
    """
    audit.record(
        action=f"{PROFILES[type(company)][1]}.deleted",
        obj=company,
        changes=audit.removed(_profile_codes(company)),
        by=by,
    )
    company.delete()


@transaction.atomic
def membership_invite(
    *,
    company: SME | ForeignBuyer,
    email: str,
    by,
    role: str = MemberRole.STAFF,
    first_name: str = "",
    last_name: str = "",
):
    """A company administrator adds a colleague by email, with their given and family names
    (kept apart, so each language can put them in its own order).

    Side effects: creates the colleague's account without a usable password (the caller sends the
    link that sets one) and their membership. Returns the new user.
    """
    inviter = selectors.membership_of(by)
    if inviter is None or inviter.company != company or inviter.role != MemberRole.ADMIN:
        raise ValidationError(_("Only a company administrator can invite colleagues."))
    email = get_user_model().objects.normalize_email(email.strip())
    if selectors.email_has_account(email):
        raise ValidationError(
            {"email": _("Someone with this email address already has an account.")}
        )
    user = get_user_model().objects.create_user(
        username=email, email=email, first_name=first_name.strip(), last_name=last_name.strip()
    )
    user.set_unusable_password()
    user.save(update_fields=["password"])
    membership = Membership.objects.create(
        user=user,
        sme=company if isinstance(company, SME) else None,
        buyer=company if isinstance(company, ForeignBuyer) else None,
        role=role,
    )
    audit.record(
        action="member.invited",
        obj=membership,
        by=by,
        changes=audit.created(audit.values(membership, ["user", "sme", "buyer", "role"])),
    )
    return user


@transaction.atomic
def membership_set_language(*, membership: Membership, language: str) -> Membership:
    """A member chooses the language their emails come in ("": their side's default)."""
    if language not in ("", *(code for code, _name in settings.LANGUAGES)):
        raise ValidationError({"preferred_language": _("Choose a language from the list.")})
    before = audit.values(membership, ["preferred_language"])
    membership.preferred_language = language
    membership.save(update_fields=["preferred_language"])
    audit.record_changes(
        action="member.language_changed",
        obj=membership,
        before=before,
        after=audit.values(membership, ["preferred_language"]),
    )
    return membership


def membership_save(*, membership: Membership, by=None) -> Membership:
    """A platform administrator adds someone to a company, or changes a member's role, title or
    email language, as the admin's form left the row (colleagues are invited with
    ``membership_invite``). Side effects: records ``member.created`` or ``member.changed``."""
    return row_save(obj=membership, subject="member", by=by)


def membership_remove(*, membership: Membership, by=None) -> None:
    """A platform administrator takes someone out of their company (their account stays).
    Side effects: records ``member.deleted``."""
    row_delete(obj=membership, subject="member", by=by)


@transaction.atomic
def account_password_set(*, user, password: str | None, by=None):
    """Set an account's password, or switch password sign-in off (``password`` None).

    Side effects: records ``account.password_changed`` on the account with whether it can sign
    in with a password before and after, never the password or its hash.
    """
    usable = user.has_usable_password()
    if password is None:
        user.set_unusable_password()
    else:
        user.set_password(password)
    user.save(update_fields=["password"])
    audit.record(
        action="account.password_changed",
        obj=user,
        changes={"usable_password": [usable, user.has_usable_password()]},
        by=by,
    )
    return user


@transaction.atomic
def api_token_save(*, token: Token, by=None) -> Token:
    """Give an account an API token, new or taken from another account (the key stays).

    Side effects: records ``account.token.created`` or ``account.token.changed`` on the account
    it now belongs to, with the accounts' ids, never the key.
    """
    stored = None if token._state.adding else Token.objects.filter(key=token.key).first()
    token.save()
    audit.record_changes(
        action="account.token.created" if stored is None else "account.token.changed",
        obj=token.user,
        before={"user": stored.user_id} if stored is not None else {},
        after={"user": token.user_id},
        by=by,
    )
    return token


@transaction.atomic
def api_token_delete(*, token: Token, by=None) -> None:
    """Take an account's API token back: requests with its key are refused from now on.

    Side effects: records ``account.token.deleted`` on the account, never the key.
    """
    audit.record(
        action="account.token.deleted",
        obj=token.user,
        changes=audit.removed({"user": token.user_id}),
        by=by,
    )
    token.delete()
