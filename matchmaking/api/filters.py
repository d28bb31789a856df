"""Query filters for proposals, meetings, the schedule, outcomes and runs (django-filter)."""

import django_filters

from companies.api.filters import IdFilter
from matchmaking.models import (
    MatchingRun,
    Meeting,
    MeetingOutcome,
    MeetingStatus,
    OutcomeRound,
    PairWish,
    ParticipantUnavailability,
    Proposal,
    ProposalStatus,
    RunStatus,
    SchedulingRun,
    Side,
    TradeStage,
    WishKind,
)


class ProposalFilter(django_filters.FilterSet):
    pavilion = IdFilter(field_name="pavilion")
    sme = IdFilter(field_name="sme")
    buyer = IdFilter(field_name="buyer")
    status = django_filters.ChoiceFilter(choices=ProposalStatus.choices)
    min_score = django_filters.NumberFilter(
        field_name="score", lookup_expr="gte", min_value=0, max_value=100
    )

    class Meta:
        model = Proposal
        fields = ["pavilion", "sme", "buyer", "status"]


class MeetingFilter(django_filters.FilterSet):
    pavilion = IdFilter(field_name="pavilion")
    sme = IdFilter(field_name="sme")
    buyer = IdFilter(field_name="buyer")
    status = django_filters.MultipleChoiceFilter(choices=MeetingStatus.choices)
    requested_by_side = django_filters.ChoiceFilter(choices=Side.choices)
    day = django_filters.DateFilter(field_name="slot__starts_at", lookup_expr="date")

    class Meta:
        model = Meeting
        fields = ["pavilion", "sme", "buyer", "status", "requested_by_side"]


class ScheduleFilter(django_filters.FilterSet):
    pavilion = IdFilter(field_name="pavilion")
    sme = IdFilter(field_name="sme")
    buyer = IdFilter(field_name="buyer")

    class Meta:
        model = Meeting
        fields = ["pavilion", "sme", "buyer"]


class MeetingOutcomeFilter(django_filters.FilterSet):
    meeting = IdFilter(field_name="meeting")
    pavilion = IdFilter(field_name="meeting__pavilion")
    side = django_filters.ChoiceFilter(choices=Side.choices)
    round = django_filters.ChoiceFilter(choices=OutcomeRound.choices)
    stage = django_filters.ChoiceFilter(choices=TradeStage.choices)

    class Meta:
        model = MeetingOutcome
        fields = ["meeting", "side", "round", "stage"]


class MatchingRunFilter(django_filters.FilterSet):
    pavilion = IdFilter(field_name="pavilion")
    status = django_filters.ChoiceFilter(choices=RunStatus.choices)

    class Meta:
        model = MatchingRun
        fields = ["pavilion", "status"]


class SchedulingRunFilter(MatchingRunFilter):
    class Meta(MatchingRunFilter.Meta):
        model = SchedulingRun


class PairWishFilter(django_filters.FilterSet):
    pavilion = IdFilter(field_name="pavilion")
    sme = IdFilter(field_name="sme")
    buyer = IdFilter(field_name="buyer")
    kind = django_filters.ChoiceFilter(choices=WishKind.choices)

    class Meta:
        model = PairWish
        fields = ["pavilion", "sme", "buyer", "kind"]


class UnavailabilityFilter(django_filters.FilterSet):
    pavilion = IdFilter(field_name="pavilion")
    sme = IdFilter(field_name="sme")
    buyer = IdFilter(field_name="buyer")
    slot = IdFilter(field_name="slot")

    class Meta:
        model = ParticipantUnavailability
        fields = ["pavilion", "sme", "buyer", "slot"]
