"""The meetings API."""

import django_filters

from companies.api.filters import IdFilter
from events.models import Side
from matchmaking.api.filters import MatchingRunFilter
from meetings.models import (
    Meeting,
    MeetingOutcome,
    MeetingStatus,
    ParticipantUnavailability,
    SchedulingRun,
    TradeStage,
)


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
    round = django_filters.NumberFilter(help_text="Months after the fair (0: at the fair).")
    stage = django_filters.ChoiceFilter(choices=TradeStage.choices)

    class Meta:
        model = MeetingOutcome
        fields = ["meeting", "side", "round", "stage"]


class SchedulingRunFilter(MatchingRunFilter):
    class Meta(MatchingRunFilter.Meta):
        model = SchedulingRun


class UnavailabilityFilter(django_filters.FilterSet):
    pavilion = IdFilter(field_name="pavilion")
    sme = IdFilter(field_name="sme")
    buyer = IdFilter(field_name="buyer")
    slot = IdFilter(field_name="slot")

    class Meta:
        model = ParticipantUnavailability
        fields = ["pavilion", "sme", "buyer", "slot"]
