"""What each actor may read and do with proposals and meetings (see companies.access)."""

from django.db.models import Q, QuerySet

from companies.access import Actor

from .models import (
    Meeting,
    MeetingOutcome,
    PairWish,
    ParticipantUnavailability,
    Proposal,
    Side,
)


def _own_or_organised(actor: Actor, queryset: QuerySet) -> QuerySet:
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


def meetings_visible_to(actor: Actor) -> QuerySet:
    return _own_or_organised(actor, Meeting.objects.all())


def proposals_visible_to(actor: Actor) -> QuerySet:
    return _own_or_organised(actor, Proposal.objects.all())


def outcomes_visible_to(actor: Actor) -> QuerySet:
    """Organisers read their pavilions' outcomes; a company only what its own side recorded."""
    outcomes = MeetingOutcome.objects.all()
    if actor.platform_admin:
        return outcomes
    if not (actor.pavilion_ids or actor.sme or actor.buyer):
        return outcomes.none()
    rule = Q(meeting__pavilion_id__in=actor.pavilion_ids)
    if actor.sme is not None:
        rule |= Q(meeting__sme=actor.sme, side=Side.EXHIBITOR)
    if actor.buyer is not None:
        rule |= Q(meeting__buyer=actor.buyer, side=Side.BUYER)
    return outcomes.filter(rule)


def _organised(actor: Actor, queryset: QuerySet) -> QuerySet:
    if actor.platform_admin:
        return queryset
    return queryset.filter(pavilion_id__in=actor.pavilion_ids)


def wishes_visible_to(actor: Actor) -> QuerySet:
    """Wishes about pairs are the organisers' tuning: only they read them, for their pavilions.
    (A company says the same through its meeting requests and by declining proposals.)"""
    return _organised(actor, PairWish.objects.all())


def unavailabilities_visible_to(actor: Actor) -> QuerySet:
    """Participants' unavailable slots, for the organisers of their pavilions."""
    return _organised(actor, ParticipantUnavailability.objects.all())


def side_of(actor: Actor, meeting_or_proposal) -> Side | None:
    """On whose behalf the actor acts for this meeting or proposal; None when they may not."""
    if actor.acts_for_sme(meeting_or_proposal.sme_id):
        return Side.EXHIBITOR
    if actor.acts_for_buyer(meeting_or_proposal.buyer_id):
        return Side.BUYER
    if actor.organises(meeting_or_proposal.pavilion_id):
        return Side.ORGANISER
    return None
