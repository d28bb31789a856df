"""What each actor may read of pavilions' registrations (see companies.access)."""

from django.db.models import Q, QuerySet

from companies.access import Actor

from .models import BuyerRegistration, ExhibitorRegistration, Interpreter


def exhibitor_registrations_visible_to(actor: Actor) -> QuerySet:
    queryset = ExhibitorRegistration.objects.all()
    if actor.platform_admin:
        return queryset
    rule = Q(pavilion_id__in=actor.pavilion_ids)
    if actor.sme is not None:
        rule |= Q(sme=actor.sme)
    return queryset.filter(rule) if (actor.pavilion_ids or actor.sme) else queryset.none()


def buyer_registrations_visible_to(actor: Actor) -> QuerySet:
    queryset = BuyerRegistration.objects.all()
    if actor.platform_admin:
        return queryset
    rule = Q(pavilion_id__in=actor.pavilion_ids)
    if actor.buyer is not None:
        rule |= Q(buyer=actor.buyer)
    return queryset.filter(rule) if (actor.pavilion_ids or actor.buyer) else queryset.none()


def interpreters_visible_to(actor: Actor) -> QuerySet:
    """Interpreters of the pavilions the actor organises (names, emails and availability are the
    organisers' planning, not the participants')."""
    queryset = Interpreter.objects.all()
    if actor.platform_admin:
        return queryset
    return queryset.filter(pavilion_id__in=actor.pavilion_ids)
