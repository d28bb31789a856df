"""What each actor may read of pavilions' registrations, and the rules every app's rows about
an exhibitor and a buyer at a pavilion share (see companies.access)."""

from django.db.models import Q, QuerySet

from companies.access import Actor

from .models import BuyerRegistration, ExhibitorRegistration, Interpreter, Side


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
