"""What each actor may read of pavilions' registrations, and the rules every app's rows about
an exhibitor and a buyer at a pavilion share (see companies.access)."""

from django.db.models import Q, QuerySet

from companies.access import Actor
from companies.models import ForeignBuyer

from .models import (
    BuyerRegistration,
    BuyerRegistrationStatus,
    ExhibitorRegistration,
    Interpreter,
    RegistrationStatus,
    Side,
)


def _organised_or_own(queryset: QuerySet, actor: Actor, side: str) -> QuerySet:
    """The registrations of the pavilions the actor organises and those of its own company on
    ``side`` (the field naming it: ``sme`` or ``buyer``)."""
    if actor.platform_admin:
        return queryset
    company = getattr(actor, side)
    rule = Q(pavilion_id__in=actor.pavilion_ids)
    if company is not None:
        rule |= Q(**{side: company})
    return queryset.filter(rule) if (actor.pavilion_ids or company) else queryset.none()


def exhibitor_registrations_visible_to(actor: Actor) -> QuerySet:
    return _organised_or_own(ExhibitorRegistration.objects.all(), actor, "sme")


def buyer_registrations_visible_to(actor: Actor) -> QuerySet:
    return _organised_or_own(BuyerRegistration.objects.all(), actor, "buyer")


def interpreters_visible_to(actor: Actor) -> QuerySet:
    """Interpreters of the pavilions the actor organises (names, emails and availability are the
    organisers' planning, not the participants')."""
    queryset = Interpreter.objects.all()
    if actor.platform_admin:
        return queryset
    return queryset.filter(pavilion_id__in=actor.pavilion_ids)


# --- companies seen through their registrations ------------------------------------------------


def companies_of_pavilions(queryset: QuerySet, pavilion_ids) -> QuerySet:
    """The SMEs or buyers of ``queryset`` registered with any of these pavilions (what their
    organisers may read: ``companies.access`` asks through its hook)."""
    return queryset.filter(registrations__pavilion_id__in=pavilion_ids).distinct()


def browses_buyers_of(actor: Actor, pavilion_id: int) -> bool:
    """Whether the actor may list the pavilion's registered buyers (public fields only): its
    organisers, and staff of an SME accepted to exhibit there, who plan whom to ask to meet."""
    if actor.organises(pavilion_id):
        return True
    return (
        actor.sme is not None
        and ExhibitorRegistration.objects.filter(
            pavilion_id=pavilion_id, sme=actor.sme, status=RegistrationStatus.ACCEPTED
        ).exists()
    )


def pavilion_buyers_visible_to(actor: Actor, pavilion_id: int) -> QuerySet:
    """The buyers registered for a pavilion, for those who may browse them; none otherwise.

    Only the public profile is served from these (never contact emails or members): the full
    profile stays with ``buyers_visible_to``.
    """
    if not browses_buyers_of(actor, pavilion_id):
        return ForeignBuyer.objects.none()
    return ForeignBuyer.objects.filter(
        registrations__pavilion_id=pavilion_id,
        registrations__status=BuyerRegistrationStatus.REGISTERED,
    )


# --- rows about a pair at a pavilion (proposals, meetings, ...) -------------------------------


def pair_rows_visible_to(actor: Actor, queryset: QuerySet) -> QuerySet:
    """Rows with ``pavilion``, ``sme`` and ``buyer``: the actor's own company's, and every row
    of the pavilions they organise."""
    if actor.platform_admin:
        return queryset
    rule = Q(pavilion_id__in=actor.pavilion_ids)
    if actor.sme is not None:
        rule |= Q(sme=actor.sme)
    if actor.buyer is not None:
        rule |= Q(buyer=actor.buyer)
    if not (actor.pavilion_ids or actor.sme or actor.buyer):
        return queryset.none()
    return queryset.filter(rule)


def organised_rows_visible_to(actor: Actor, queryset: QuerySet) -> QuerySet:
    """Rows with ``pavilion`` that only the pavilion's organisers read."""
    if actor.platform_admin:
        return queryset
    return queryset.filter(pavilion_id__in=actor.pavilion_ids)


def side_of(actor: Actor, row) -> Side | None:
    """On whose behalf the actor acts for this row about a pair (a meeting, a proposal); None
    when they may not."""
    if actor.acts_for_sme(row.sme_id):
        return Side.EXHIBITOR
    if actor.acts_for_buyer(row.buyer_id):
        return Side.BUYER
    if actor.organises(row.pavilion_id):
        return Side.ORGANISER
    return None
