"""Who is asking: one set of rules for the admin, the pages and the API.

A user is at most one of: staff of an SME (exhibitor), staff of a foreign buyer, an organiser
(staff in the organiser group, running their office's pavilions) or a platform administrator
(superuser). Everything a user may read or change follows from that.
"""

from dataclasses import dataclass, field

from django.db.models import QuerySet

from core.organisers import is_organiser

from . import hooks
from .choices import MemberRole
from .models import SME, ForeignBuyer


@dataclass(frozen=True)
class Actor:
    user: object
    sme: SME | None = None
    buyer: ForeignBuyer | None = None
    organiser: bool = False
    platform_admin: bool = False
    pavilion_ids: frozenset[int] = field(default_factory=frozenset)
    #: The user is their company's administrator (invites colleagues), not only its staff.
    company_admin: bool = False

    @property
    def is_exhibitor(self) -> bool:
        return self.sme is not None

    @property
    def is_buyer(self) -> bool:
        return self.buyer is not None

    @property
    def is_staff_of_company(self) -> bool:
        return self.sme is not None or self.buyer is not None

    def organises(self, pavilion_id: int) -> bool:
        return self.platform_admin or pavilion_id in self.pavilion_ids

    def acts_for_sme(self, sme_id: int) -> bool:
        return self.sme is not None and self.sme.pk == sme_id

    def acts_for_buyer(self, buyer_id: int) -> bool:
        return self.buyer is not None and self.buyer.pk == buyer_id

    def administers(self, company) -> bool:
        """The user is the administrator of this SME or buyer (and may invite colleagues)."""
        if not self.company_admin:
            return False
        if isinstance(company, SME):
            return self.acts_for_sme(company.pk)
        return self.acts_for_buyer(company.pk)


ANONYMOUS = Actor(user=None)


def actor_of(user) -> Actor:
    """Everything the rules need to know about a user, in one or two queries."""
    if user is None or not user.is_authenticated or not user.is_active:
        return ANONYMOUS
    if user.is_superuser:
        return Actor(user=user, platform_admin=True)
    membership = getattr(user, "membership", None)
    pavilions = frozenset()
    if is_organiser(user):
        pavilions = hooks.organised_pavilion_ids(user)
    return Actor(
        user=user,
        sme=membership.sme if membership else None,
        buyer=membership.buyer if membership else None,
        organiser=bool(pavilions) or is_organiser(user),
        pavilion_ids=pavilions,
        company_admin=bool(membership and membership.role == MemberRole.ADMIN),
    )


def smes_visible_to(actor: Actor) -> QuerySet:
    """SMEs whose full (private) profile the actor may read: their own, or their pavilions'."""
    if actor.platform_admin:
        return SME.objects.all()
    if actor.organiser:
        return hooks.companies_of_pavilions(SME.objects.all(), actor.pavilion_ids)
    if actor.sme is not None:
        return SME.objects.filter(pk=actor.sme.pk)
    return SME.objects.none()


def buyers_visible_to(actor: Actor) -> QuerySet:
    """Buyers whose full profile the actor may read: their own, or their pavilions'."""
    if actor.platform_admin:
        return ForeignBuyer.objects.all()
    if actor.organiser:
        return hooks.companies_of_pavilions(ForeignBuyer.objects.all(), actor.pavilion_ids)
    if actor.buyer is not None:
        return ForeignBuyer.objects.filter(pk=actor.buyer.pk)
    return ForeignBuyer.objects.none()
