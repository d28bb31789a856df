"""Reads on companies: who belongs to which company, whether an address already has an account.

What a user may read of other companies is the access rules' (``companies.access``).
"""

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from .models import SME, ForeignBuyer, Membership


def membership_of(user) -> Membership | None:
    """The user's membership of an SME or a buyer, or None."""
    return Membership.objects.filter(user=user).first()


def has_company(user) -> bool:
    return Membership.objects.filter(user=user).exists()


def company_members(company: SME | ForeignBuyer) -> QuerySet:
    """The company's members with their accounts, by email address."""
    lookup = {"sme": company} if isinstance(company, SME) else {"buyer": company}
    return Membership.objects.filter(**lookup).select_related("user").order_by("user__email")


def email_has_account(email: str, *, as_username: bool = False) -> bool:
    """Whether an account has this email address (or, with ``as_username``, logs in with it)."""
    accounts = get_user_model().objects
    if accounts.filter(email__iexact=email).exists():
        return True
    return as_username and accounts.filter(username__iexact=email).exists()
