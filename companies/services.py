"""Writes on companies: registering an SME or a buyer, editing profiles, inviting colleagues.

The pages, the API and the admin call these; each validates the whole profile and raises
``ValidationError`` keyed by field, so every caller can show the error next to its field.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _

from core import audit

from .choices import MemberRole
from .models import SME, ForeignBuyer, Membership

SME_M2M = ("sectors", "target_markets", "languages", "certifications")
BUYER_M2M = ("sectors", "languages", "required_certifications")


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
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError:
        raise ValidationError(_("A company with this name is already registered.")) from None
    for name, values in relations.items():
        getattr(instance, name).set(values)
    return instance


def _profile_codes(instance, many_to_many: tuple[str, ...]) -> dict:
    """A profile as the audit log keeps it: codes, names and figures; long texts by length."""
    skipped = ("id", "created_at", "updated_at")
    concrete = [f for f in instance._meta.concrete_fields if f.name not in skipped]
    texts = [f.name for f in concrete if isinstance(f, models.TextField)]
    fields = [f.name for f in concrete if f.name not in texts]
    return audit.values(instance, fields, texts=texts, many=many_to_many)


def _check_free(user) -> None:
    if Membership.objects.filter(user=user).exists():
        raise ValidationError(_("Your account already belongs to a company."))


@transaction.atomic
def sme_register(*, user, **fields) -> SME:
    """A user registers their SME and becomes its company administrator."""
    _check_free(user)
    sme = _save_profile(SME(), fields, SME_M2M)
    Membership.objects.create(user=user, sme=sme, role=MemberRole.ADMIN)
    audit.record(
        action="sme.registered", obj=sme, changes=audit.created(_profile_codes(sme, SME_M2M))
    )
    return sme


@transaction.atomic
def sme_update(*, sme: SME, **fields) -> SME:
    sme = SME.objects.select_for_update().get(pk=sme.pk)
    before = _profile_codes(sme, SME_M2M)
    sme = _save_profile(sme, fields, SME_M2M)
    changes = audit.changed(before, _profile_codes(sme, SME_M2M))
    if changes:
        audit.record(action="sme.updated", obj=sme, changes=changes)
    return sme


@transaction.atomic
def buyer_register(*, user, **fields) -> ForeignBuyer:
    """A user registers their buying company and becomes its company administrator."""
    _check_free(user)
    buyer = _save_profile(ForeignBuyer(), fields, BUYER_M2M)
    Membership.objects.create(user=user, buyer=buyer, role=MemberRole.ADMIN)
    audit.record(
        action="buyer.registered",
        obj=buyer,
        changes=audit.created(_profile_codes(buyer, BUYER_M2M)),
    )
    return buyer


@transaction.atomic
def buyer_update(*, buyer: ForeignBuyer, **fields) -> ForeignBuyer:
    buyer = ForeignBuyer.objects.select_for_update().get(pk=buyer.pk)
    before = _profile_codes(buyer, BUYER_M2M)
    buyer = _save_profile(buyer, fields, BUYER_M2M)
    changes = audit.changed(before, _profile_codes(buyer, BUYER_M2M))
    if changes:
        audit.record(action="buyer.updated", obj=buyer, changes=changes)
    return buyer


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
    inviter = Membership.objects.filter(user=by).first()
    if inviter is None or inviter.company != company or inviter.role != MemberRole.ADMIN:
        raise ValidationError(_("Only a company administrator can invite colleagues."))
    email = get_user_model().objects.normalize_email(email.strip())
    if get_user_model().objects.filter(email__iexact=email).exists():
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
    membership.preferred_language = language
    membership.save(update_fields=["preferred_language"])
    return membership
