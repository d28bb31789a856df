"""The meetings API."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from companies.access import ANONYMOUS
from companies.api.permissions import request_actor
from companies.models import SME, ForeignBuyer
from companies.names import person_name
from events.api.serializers import SlotSerializer, slot_data
from events.models import Interpreter, MeetingSlot, Pavilion, Side
from matchmaking.api.serializers import (
    BuyerBriefSerializer,
    RunRequestSerializer,
    SMEBriefSerializer,
)
from meetings.access import meeting_as_seen
from meetings.exports import meeting_location
from meetings.models import (
    AT_FAIR,
    AbsentSide,
    ActingFor,
    Meeting,
    MeetingOutcome,
    ParticipantUnavailability,
    TradeStage,
    pavilion_rounds,
)
from meetings.models.outcomes import LAST_ROUND
from meetings.services.runs import DEFAULT_TIME_LIMIT


def slot_payload(meeting: Meeting) -> dict | None:
    if meeting.slot is None:
        return None
    return slot_data(meeting.slot, meeting.pavilion.fair)


class TimeAsSeenMixin:
    """A meeting's slot, interpreter and status as the caller may know them: the two sides see
    no slot or interpreter before publication, and a meeting placed but unpublished as
    accepted (``matchmaking.access.meeting_as_seen``); organisers see everything."""

    def to_representation(self, meeting):
        data = super().to_representation(meeting)
        request = self.context.get("request")
        seen = meeting_as_seen(request_actor(request) if request else ANONYMOUS, meeting)
        data["status"] = seen.status
        data["slot"] = slot_data(seen.slot, meeting.pavilion.fair) if seen.slot else None
        data["interpreter"] = seen.interpreter.name if seen.interpreter else None
        return data


class MeetingSerializer(TimeAsSeenMixin, serializers.ModelSerializer):
    sme = SMEBriefSerializer(read_only=True)
    buyer = BuyerBriefSerializer(read_only=True)
    # Plain text in the schema: the same choice set is the "side" enum of outcomes.
    requested_by_side = serializers.CharField(
        read_only=True, help_text=_("exhibitor, buyer or organiser")
    )
    absent_side = serializers.ChoiceField(
        choices=AbsentSide.choices,
        allow_blank=True,
        read_only=True,
        help_text=_("For a no-show, who did not come; empty otherwise or when not recorded."),
    )
    slot = serializers.SerializerMethodField()
    interpreter = serializers.CharField(
        source="interpreter.name", read_only=True, default=None, allow_null=True
    )
    location = serializers.SerializerMethodField()

    class Meta:
        model = Meeting
        fields = [
            "id",
            "pavilion",
            "sme",
            "buyer",
            "proposal",
            "requested_by_side",
            "message",
            "status",
            "absent_side",
            "exhibitor_accepted_at",
            "buyer_accepted_at",
            "attendee",
            "proxy_attendee",
            "score",
            "interpreter_languages",
            "interpreter",
            "at_table",
            "slot",
            "location",
            "locked",
            "published_at",
            "expires_at",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    @extend_schema_field(SlotSerializer(allow_null=True))
    def get_slot(self, meeting) -> dict | None:
        return slot_payload(meeting)

    def get_location(self, meeting) -> str:
        """Where it is held: a shared table, or the exhibitor's booth."""
        booth = getattr(meeting, "booth", None)
        return str(meeting_location(meeting, {meeting.sme_id: booth} if booth else {}))


def acting_for_field(help_text=None):
    return serializers.ChoiceField(
        choices=ActingFor.choices,
        required=False,
        default="",
        help_text=help_text
        or _(
            "Organisers only: on whose behalf you accept (exhibitor, buyer, or both: both "
            "confirms the meeting). Recorded in the meeting's history."
        ),
    )


class MeetingRequestSerializer(serializers.Serializer):
    pavilion = serializers.PrimaryKeyRelatedField(queryset=Pavilion.objects.select_related("fair"))
    sme = serializers.PrimaryKeyRelatedField(
        queryset=SME.objects.all(),
        required=False,
        help_text=_("The exhibitor to meet (buyers and organisers)."),
    )
    buyer = serializers.PrimaryKeyRelatedField(
        queryset=ForeignBuyer.objects.all(),
        required=False,
        help_text=_("The buyer to meet (exhibitors and organisers)."),
    )
    message = serializers.CharField(required=False, allow_blank=True, default="", max_length=5000)
    attendee = serializers.PrimaryKeyRelatedField(
        queryset=get_user_model().objects.all(),
        required=False,
        allow_null=True,
        default=None,
        help_text=_("The exhibitor's team member who holds the meeting."),
    )
    acting_for = acting_for_field(
        _(
            "Organisers only: on whose behalf you request (exhibitor: the buyer answers; "
            "buyer: the exhibitor answers; both: the meeting is confirmed). Leave it out to "
            "ask both sides. Recorded in the meeting's history; a side acted for is emailed so."
        )
    )


class ProposalAcceptSerializer(serializers.Serializer):
    acting_for = acting_for_field()


class MeetingAcceptSerializer(serializers.Serializer):
    attendee = serializers.PrimaryKeyRelatedField(
        queryset=get_user_model().objects.all(),
        required=False,
        allow_null=True,
        default=None,
        help_text=_("The exhibitor's team member who holds the meeting."),
    )
    acting_for = acting_for_field()


class MeetingNoteSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=300)
    acting_for = acting_for_field(
        _(
            "Organisers only: on whose behalf (exhibitor, buyer or both); leave it out to act "
            "as the organiser. Recorded in the meeting's history; a side acted for is emailed "
            "so."
        )
    )


class MeetingProxyAttendeeSerializer(serializers.Serializer):
    proxy_attendee = serializers.PrimaryKeyRelatedField(
        queryset=get_user_model().objects.all(),
        allow_null=True,
        help_text=_(
            "A member of the pavilion's organising office who holds the meeting for an absent "
            "exhibitor; null to clear."
        ),
    )


class MeetingAttendeeSerializer(serializers.Serializer):
    attendee = serializers.PrimaryKeyRelatedField(
        queryset=get_user_model().objects.all(),
        allow_null=True,
        help_text=_("The exhibitor's team member who holds the meeting; null for nobody yet."),
    )


class MeetingAttendanceSerializer(serializers.Serializer):
    held = serializers.BooleanField(help_text=_("True if it took place, false for a no-show."))
    absent = serializers.ChoiceField(
        choices=AbsentSide.choices,
        required=False,
        help_text=_(
            "For a no-show, who did not come. A participant's no-show says the other side "
            "did not come; an organiser may leave it out."
        ),
    )


class MeetingMoveSerializer(serializers.Serializer):
    slot = serializers.PrimaryKeyRelatedField(queryset=MeetingSlot.objects.all())
    interpreter = serializers.PrimaryKeyRelatedField(
        queryset=Interpreter.objects.all(), required=False, allow_null=True, default=None
    )


class MeetingOutcomeSerializer(serializers.ModelSerializer):
    class Meta:
        model = MeetingOutcome
        fields = [
            "id",
            "meeting",
            "side",
            "round",
            "stage",
            "expected_value_usd",
            "note",
            "recorded_at",
        ]
        read_only_fields = fields


class MeetingOutcomeRecordSerializer(serializers.Serializer):
    stage = serializers.ChoiceField(choices=TradeStage.choices)
    round = serializers.IntegerField(
        min_value=AT_FAIR,
        max_value=LAST_ROUND,
        default=AT_FAIR,
        help_text=_(
            "Months after the fair: 0 at the fair, else one of the pavilion's follow-up "
            "rounds. The earlier codes are still read: at_fair is 0, follow_up the pavilion's "
            "first follow-up round."
        ),
    )
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=5000)
    expected_value_usd = serializers.IntegerField(
        required=False, allow_null=True, default=None, min_value=0, max_value=10**15
    )
    side = serializers.ChoiceField(
        choices=Side.choices,
        required=False,
        help_text=_("Organisers only: the side they record it for (default: organiser)."),
    )

    def to_internal_value(self, data):
        """Read the earlier round codes (``at_fair``, ``follow_up``) as months; the view gives
        the meeting's ``pavilion`` in the context."""
        legacy = data.get("round") if hasattr(data, "get") else None
        if isinstance(legacy, str) and legacy in LEGACY_ROUNDS:
            rounds = pavilion_rounds(self.context["pavilion"])
            data = {**data, "round": rounds[min(LEGACY_ROUNDS[legacy], len(rounds) - 1)]}
        return super().to_internal_value(data)


#: The round codes of API version 1.0: the index of the round among the pavilion's rounds.
LEGACY_ROUNDS = {"at_fair": 0, "follow_up": 1}


class ScheduleEntrySerializer(TimeAsSeenMixin, serializers.Serializer):
    """One meeting of a schedule, with the other party, the place and the times."""

    id = serializers.IntegerField()
    pavilion = serializers.IntegerField(source="pavilion_id")
    status = serializers.CharField()
    sme = SMEBriefSerializer()
    buyer = BuyerBriefSerializer()
    slot = serializers.SerializerMethodField()
    location = serializers.SerializerMethodField()
    interpreter = serializers.CharField(source="interpreter.name", default=None, allow_null=True)
    attendee = serializers.SerializerMethodField()
    proxy_attendee = serializers.SerializerMethodField()
    published = serializers.SerializerMethodField()

    @extend_schema_field(SlotSerializer)
    def get_slot(self, meeting) -> dict | None:
        return slot_payload(meeting)

    def get_location(self, meeting) -> str:
        booth = getattr(meeting, "booth", None)
        return str(meeting_location(meeting, {meeting.sme_id: booth} if booth else {}))

    def get_attendee(self, meeting) -> str | None:
        if meeting.attendee is None:
            return None
        return person_name(meeting.attendee)

    def get_proxy_attendee(self, meeting) -> str | None:
        """Organiser staff attending for an absent exhibitor."""
        if meeting.proxy_attendee is None:
            return None
        return person_name(meeting.proxy_attendee)

    def get_published(self, meeting) -> bool:
        return meeting.published_at is not None


class SchedulingRunRequestSerializer(RunRequestSerializer):
    time_limit = serializers.FloatField(
        required=False,
        default=DEFAULT_TIME_LIMIT,
        min_value=1,
        max_value=600,
        help_text=_("Seconds the solver may take."),
    )


class SchedulePublishedSerializer(serializers.Serializer):
    published = serializers.IntegerField(help_text="Meetings newly published by this call.")
    schedule_published_at = serializers.DateTimeField()


class MeetingLockSerializer(serializers.Serializer):
    locked = serializers.BooleanField(help_text="True to lock the meeting in its slot.")


class AffectedMeetingSerializer(serializers.Serializer):
    meeting = serializers.IntegerField(help_text=_("The meeting's id (see /api/v1/meetings/)."))
    reason = serializers.CharField()


class UnavailabilitySerializer(serializers.ModelSerializer):
    sme = SMEBriefSerializer(read_only=True, allow_null=True)
    buyer = BuyerBriefSerializer(read_only=True, allow_null=True)
    slot = SlotSerializer(read_only=True)

    class Meta:
        model = ParticipantUnavailability
        fields = ["id", "pavilion", "sme", "buyer", "slot", "note"]
        read_only_fields = fields


class UnavailabilityChangedSerializer(UnavailabilitySerializer):
    affected_meetings = AffectedMeetingSerializer(
        many=True,
        read_only=True,
        help_text=_(
            "Scheduled meetings of the participant in this slot. They stay booked until an "
            "organiser moves or cancels them."
        ),
    )

    class Meta(UnavailabilitySerializer.Meta):
        fields = [*UnavailabilitySerializer.Meta.fields, "affected_meetings"]
        read_only_fields = fields


class UnavailabilityChangeSerializer(serializers.Serializer):
    sme = serializers.PrimaryKeyRelatedField(
        queryset=SME.objects.all(),
        required=False,
        allow_null=True,
        default=None,
        help_text=_("The unavailable exhibitor; or name the buyer instead."),
    )
    buyer = serializers.PrimaryKeyRelatedField(
        queryset=ForeignBuyer.objects.all(),
        required=False,
        allow_null=True,
        default=None,
        help_text=_("The unavailable buyer; or name the exhibitor instead."),
    )
    slot = serializers.PrimaryKeyRelatedField(
        queryset=MeetingSlot.objects.select_related("pavilion__fair"),
        help_text=_("A slot of the pavilion (see its slots)."),
    )
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)


class UnavailabilityCreateSerializer(UnavailabilityChangeSerializer):
    pavilion = serializers.PrimaryKeyRelatedField(queryset=Pavilion.objects.select_related("fair"))
