"""The meetings API."""

import hashlib
import json

import django_filters
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.db.models import Case, DateTimeField, F, OuterRef, Subquery, When
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import generics, mixins, renderers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.filters import OrderingFilter, SearchFilter
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from companies.api.permissions import ApiView, require
from companies.api.views import ID_PATTERN
from core.api.errors import Conflict
from core.models import ApiIdempotencyKey
from events.access import side_of
from events.models import ExhibitorRegistration, Pavilion, Side
from matchmaking.api.serializers import RunSerializer
from matchmaking.api.views import RunViewSet
from meetings import services
from meetings.access import meetings_visible_to, outcomes_visible_to, time_visible_q
from meetings.exports import CALENDAR_STATUSES, participant_calendar, participant_meetings
from meetings.models import SchedulingRun

from .filters import (
    MeetingFilter,
    MeetingOutcomeFilter,
    ScheduleFilter,
    SchedulingRunFilter,
)
from .serializers import (
    MeetingAcceptSerializer,
    MeetingAttendanceSerializer,
    MeetingAttendeeSerializer,
    MeetingLockSerializer,
    MeetingMoveSerializer,
    MeetingNoteSerializer,
    MeetingOutcomeRecordSerializer,
    MeetingOutcomeSerializer,
    MeetingRequestSerializer,
    MeetingSerializer,
    ScheduleEntrySerializer,
    SchedulePublishedSerializer,
    SchedulingRunRequestSerializer,
)

IDEMPOTENCY_HEADER = OpenApiParameter(
    name="Idempotency-Key",
    type={"type": "string", "minLength": 1, "maxLength": 200, "pattern": "^[!-~]+$"},
    location=OpenApiParameter.HEADER,
    required=False,
    description="Any unique string (e.g. a UUID). A retried POST with the same key and body "
    "returns the first response instead of creating a second request; the same key with another "
    "body is refused with 409.",
)


def _booth():
    """The exhibitor's booth at the meeting's pavilion, in the same query as the meetings."""
    return Subquery(
        ExhibitorRegistration.objects.filter(
            pavilion=OuterRef("pavilion"), sme=OuterRef("sme")
        ).values("booth")[:1]
    )


def _seen_starts_at(actor):
    """The slot's start where the actor may see it, else null: participants filter and sort by
    this, so a meeting not yet published has no day or place in their order."""
    if actor.platform_admin:
        return F("slot__starts_at")
    return Case(
        When(time_visible_q(actor), then=F("slot__starts_at")),
        default=None,
        output_field=DateTimeField(),
    )


def _meetings(actor):
    return (
        meetings_visible_to(actor)
        .select_related("pavilion__fair", "sme", "buyer__country", "slot", "interpreter")
        .annotate(booth=_booth(), seen_starts_at=_seen_starts_at(actor))
    )


class SeenTimeMeetingFilter(MeetingFilter):
    day = django_filters.DateFilter(field_name="seen_starts_at", lookup_expr="date")


class SeenTimeOrdering(OrderingFilter):
    """``?ordering=slot__starts_at`` orders by the time the caller may see."""

    def get_ordering(self, request, queryset, view):
        ordering = super().get_ordering(request, queryset, view)
        if not ordering:
            return ordering
        return [term.replace("slot__starts_at", "seen_starts_at") for term in ordering]


@extend_schema_view(
    list=extend_schema(summary="Meetings and requests you may see"),
    retrieve=extend_schema(summary="A meeting or request"),
)
@extend_schema(tags=["meetings"])
class MeetingViewSet(
    ApiView,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = MeetingSerializer
    filterset_class = SeenTimeMeetingFilter
    filter_backends = [DjangoFilterBackend, SeenTimeOrdering, SearchFilter]
    lookup_value_regex = ID_PATTERN
    ordering_fields = ["created_at", "updated_at", "score", "slot__starts_at", "status"]
    throttle_scope = "meeting_requests"
    error_statuses = {"create": (409, 429)}

    def get_queryset(self):
        return _meetings(self.actor).order_by("pavilion_id", "-created_at", "pk")

    def get_throttles(self):
        # Only requesting a meeting is throttled; answering one never is.
        return [ScopedRateThrottle()] if self.action == "create" else []

    def _fresh(self, meeting):
        return self.get_serializer(self.get_queryset().get(pk=meeting.pk)).data

    def _side(self, meeting, *allowed: Side, refusal: str = "") -> Side:
        """The side the caller acts for on this meeting; 403 if it may not do this action."""
        side = side_of(self.actor, meeting)
        require(side in allowed, refusal or _("You act for neither side of this meeting."))
        return side

    def _answer(self, request, serializer_class, service) -> Response:
        """Either side or an organiser answers a meeting through ``service``."""
        meeting = self.get_object()
        side = self._side(meeting, Side.EXHIBITOR, Side.BUYER, Side.ORGANISER)
        serializer = serializer_class(data=request.data)
        serializer.is_valid(raise_exception=True)
        meeting = service(meeting=meeting, side=side, by=request.user, **serializer.validated_data)
        return Response(self._fresh(meeting))

    # --- requesting a meeting ---------------------------------------------------------------

    def _request_meeting(self, request) -> Response:
        serializer = MeetingRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data, actor = serializer.validated_data, self.actor
        pavilion = data["pavilion"]
        if actor.is_exhibitor:
            side, sme, buyer = Side.EXHIBITOR, actor.sme, data.get("buyer")
            require(
                data.get("sme") in (None, actor.sme),
                _("You can request meetings only for your own SME."),
            )
        elif actor.is_buyer:
            side, sme, buyer = Side.BUYER, data.get("sme"), actor.buyer
            require(
                data.get("buyer") in (None, actor.buyer),
                _("You can request meetings only for your own company."),
            )
        else:
            require(
                actor.organises(pavilion.pk),
                _("Only the two companies or an organiser of this pavilion can request meetings."),
            )
            side, sme, buyer = Side.ORGANISER, data.get("sme"), data.get("buyer")
        missing = {}
        if sme is None:
            missing["sme"] = [_("Name the exhibitor to meet.")]
        if buyer is None:
            missing["buyer"] = [_("Name the buyer to meet.")]
        if missing:
            raise ValidationError(missing)
        meeting = services.meeting_request(
            pavilion=pavilion,
            sme=sme,
            buyer=buyer,
            side=side,
            by=request.user,
            message=data["message"],
            attendee=data["attendee"],
        )
        return Response(self._fresh(meeting), status=status.HTTP_201_CREATED)

    @extend_schema(
        request=MeetingRequestSerializer,
        responses={201: MeetingSerializer},
        parameters=[IDEMPOTENCY_HEADER],
        summary="Request a meeting",
        description="An exhibitor names the buyer, a buyer names the exhibitor, an organiser "
        "names both. The requester's acceptance is implied. Throttled (scope "
        '"meeting_requests"); send an `Idempotency-Key` header to retry safely.',
    )
    def create(self, request, *args, **kwargs):
        key = request.headers.get("Idempotency-Key")
        if key is None:
            return self._request_meeting(request)
        if not 1 <= len(key) <= 200:
            raise ValidationError(
                {"Idempotency-Key": [_("Use a key of 1 to 200 characters, e.g. a UUID.")]}
            )
        body = json.dumps(request.data, sort_keys=True, default=str)
        fingerprint = hashlib.sha256(body.encode()).hexdigest()
        stored = ApiIdempotencyKey.objects.filter(user=request.user, key=key).first()
        if stored is not None:
            return self._replay(stored, request.path, fingerprint)
        try:
            with transaction.atomic():
                response = self._request_meeting(request)
                ApiIdempotencyKey.objects.create(
                    user=request.user,
                    key=key,
                    endpoint=request.path,
                    request_fingerprint=fingerprint,
                    response_status=response.status_code,
                    response_body=response.data,
                )
        except (IntegrityError, DjangoValidationError):
            # A concurrent retry with the same key got there first: answer as it did.
            stored = ApiIdempotencyKey.objects.filter(user=request.user, key=key).first()
            if stored is None:
                raise
            return self._replay(stored, request.path, fingerprint)
        return response

    @staticmethod
    def _replay(stored: ApiIdempotencyKey, endpoint: str, fingerprint: str) -> Response:
        if stored.endpoint != endpoint or stored.request_fingerprint != fingerprint:
            raise Conflict(
                _(
                    "This Idempotency-Key was already used for a different request; send a new "
                    "key for a new request."
                )
            )
        return Response(
            stored.response_body,
            status=stored.response_status,
            headers={"Idempotent-Replayed": "true"},
        )

    # --- answering and changing a meeting ---------------------------------------------------

    @extend_schema(
        request=MeetingAcceptSerializer,
        responses={200: MeetingSerializer},
        summary="Accept a requested meeting",
        description="Confirmed once both sides have accepted; an organiser accepts for both.",
    )
    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None):
        return self._answer(request, MeetingAcceptSerializer, services.meeting_accept)

    @extend_schema(
        request=MeetingNoteSerializer,
        responses={200: MeetingSerializer},
        summary="Decline a requested meeting",
    )
    @action(detail=True, methods=["post"])
    def decline(self, request, pk=None):
        return self._answer(request, MeetingNoteSerializer, services.meeting_decline)

    @extend_schema(
        request=MeetingNoteSerializer,
        responses={200: MeetingSerializer},
        summary="Cancel a meeting that has not taken place",
        description="Frees its slot and interpreter; both sides are told if it was published.",
    )
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        return self._answer(request, MeetingNoteSerializer, services.meeting_cancel)

    @extend_schema(
        request=MeetingAttendeeSerializer,
        responses={200: MeetingSerializer},
        summary="Name who attends for the exhibitor",
    )
    @action(detail=True, methods=["post"])
    def attendee(self, request, pk=None):
        meeting = self.get_object()
        self._side(
            meeting,
            Side.EXHIBITOR,
            Side.ORGANISER,
            refusal=_("Only the exhibitor or an organiser names who attends for the exhibitor."),
        )
        serializer = MeetingAttendeeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        meeting = services.meeting_set_attendee(
            meeting=meeting, attendee=serializer.validated_data["attendee"], by=request.user
        )
        return Response(self._fresh(meeting))

    @extend_schema(
        request=MeetingAttendanceSerializer,
        responses={200: MeetingSerializer},
        summary="Record whether a scheduled meeting took place",
    )
    @action(detail=True, methods=["post"])
    def attendance(self, request, pk=None):
        meeting = self.get_object()
        side = self._side(meeting, Side.EXHIBITOR, Side.BUYER, Side.ORGANISER)
        serializer = MeetingAttendanceSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        meeting = services.meeting_record_attendance(
            meeting=meeting, held=serializer.validated_data["held"], by=request.user, side=side
        )
        return Response(self._fresh(meeting))

    @extend_schema(
        request=MeetingMoveSerializer,
        responses={200: MeetingSerializer},
        summary="Put a meeting into a slot by hand (organisers)",
        description="Refused with every rule the placement would break.",
    )
    @action(detail=True, methods=["post"])
    def move(self, request, pk=None):
        meeting = self.get_object()
        self._side(
            meeting, Side.ORGANISER, refusal=_("Only an organiser of this pavilion moves meetings.")
        )
        serializer = MeetingMoveSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        meeting = services.meeting_move(
            meeting=meeting, by=request.user, **serializer.validated_data
        )
        return Response(self._fresh(meeting))

    @extend_schema(
        request=MeetingLockSerializer,
        responses={200: MeetingSerializer},
        summary="Lock a scheduled meeting in its slot, or release it (organisers)",
        description="A locked meeting never moves when the scheduler runs again.",
    )
    @action(detail=True, methods=["post"])
    def lock(self, request, pk=None):
        meeting = self.get_object()
        self._side(
            meeting, Side.ORGANISER, refusal=_("Only an organiser of this pavilion locks meetings.")
        )
        serializer = MeetingLockSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        meeting = services.meeting_lock(
            meeting=meeting, locked=serializer.validated_data["locked"], by=request.user
        )
        return Response(self._fresh(meeting))

    @extend_schema(
        request=None,
        responses={200: MeetingSerializer},
        summary="Take a scheduled meeting out of its slot (organisers)",
        description="It stays accepted, e.g. after a participant's availability changed.",
    )
    @action(detail=True, methods=["post"])
    def unschedule(self, request, pk=None):
        meeting = self.get_object()
        self._side(
            meeting,
            Side.ORGANISER,
            refusal=_("Only an organiser of this pavilion takes meetings out of their slots."),
        )
        meeting = services.meeting_unschedule(meeting=meeting, by=request.user)
        return Response(self._fresh(meeting))

    @extend_schema(
        request=MeetingOutcomeRecordSerializer,
        responses={201: MeetingOutcomeSerializer},
        summary="Record what came of a held meeting",
        description="One outcome per side and round; recording again replaces it.",
    )
    @action(detail=True, methods=["post"])
    def outcome(self, request, pk=None):
        meeting = self.get_object()
        side = self._side(meeting, Side.EXHIBITOR, Side.BUYER, Side.ORGANISER)
        serializer = MeetingOutcomeRecordSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        chosen = data.pop("side", None)
        if side == Side.ORGANISER and chosen:
            side = chosen
        outcome = services.meeting_outcome_record(
            meeting=meeting, side=side, by=request.user, **data
        )
        return Response(MeetingOutcomeSerializer(outcome).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    list=extend_schema(summary="Outcomes you may see"),
    retrieve=extend_schema(summary="An outcome"),
)
@extend_schema(tags=["meetings"])
class MeetingOutcomeViewSet(ApiView, viewsets.ReadOnlyModelViewSet):
    """A company reads the outcomes its own side recorded; organisers read all of theirs."""

    serializer_class = MeetingOutcomeSerializer
    filterset_class = MeetingOutcomeFilter
    lookup_value_regex = ID_PATTERN
    ordering_fields = ["recorded_at", "stage"]

    def get_queryset(self):
        return outcomes_visible_to(self.actor).order_by("-recorded_at", "pk")


@extend_schema(
    summary="My schedule: meetings in slots, in UTC and the fair's local time",
    description="Your company's scheduled, held and no-show meetings (an organiser: those of "
    "their pavilions), ordered by time.",
    tags=["schedule"],
)
class ScheduleView(ApiView, generics.ListAPIView):
    serializer_class = ScheduleEntrySerializer
    filterset_class = ScheduleFilter
    ordering_fields = ["slot__starts_at"]

    def get_queryset(self):
        # A company's schedule is the published one; organisers see their drafts too.
        return (
            _meetings(self.actor)
            .select_related("attendee")
            .filter(status__in=CALENDAR_STATUSES)
            .filter(time_visible_q(self.actor))
            .order_by("slot__starts_at", "pk")
        )


class CalendarRenderer(renderers.BaseRenderer):
    """text/calendar for the file itself; errors still come as the API's JSON shape."""

    media_type = "text/calendar"
    format = "ics"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, str):
            return data.encode()
        return json.dumps(data).encode()


class ScheduleCalendarView(ApiView, APIView):
    renderer_classes = [renderers.JSONRenderer, CalendarRenderer]
    error_statuses = {"get": (404,)}

    @extend_schema(
        operation_id="schedule_calendar",
        parameters=[
            OpenApiParameter(
                "pavilion", OpenApiTypes.INT, required=True, description="The pavilion's id."
            ),
            OpenApiParameter(
                "sme",
                OpenApiTypes.INT,
                description="Organisers: the exhibitor whose calendar to download.",
            ),
            OpenApiParameter(
                "buyer", OpenApiTypes.INT, description="Organisers: the buyer whose calendar."
            ),
        ],
        responses={
            (200, "text/calendar"): OpenApiResponse(
                OpenApiTypes.STR, description="An iCalendar (RFC 5545) file."
            )
        },
        summary="My schedule as an iCalendar file",
        description="Your company's meetings at one pavilion, for a calendar program. An "
        "organiser of the pavilion names the exhibitor or buyer.",
        tags=["schedule"],
    )
    def get(self, request):
        def number(name):
            value = request.query_params.get(name)
            if value is None:
                return None
            if not value.isdigit() or len(value) > 18:
                raise ValidationError({name: [_("Give a whole number (an id).")]})
            return int(value)

        pavilion_id = number("pavilion")
        if pavilion_id is None:
            raise ValidationError({"pavilion": [_("Name the pavilion (?pavilion=ID).")]})
        pavilion = get_object_or_404(Pavilion.objects.select_related("fair"), pk=pavilion_id)
        actor = self.actor
        sme_id, buyer_id = number("sme"), number("buyer")
        if actor.is_exhibitor or actor.is_buyer:
            meetings = participant_meetings(pavilion, sme=actor.sme, buyer=actor.buyer).filter(
                time_visible_q(actor)
            )
            viewer = "sme" if actor.is_exhibitor else "buyer"
        else:
            require(
                actor.organises(pavilion.pk),
                _("Only the pavilion's participants and organisers can download calendars."),
            )
            if (sme_id is None) == (buyer_id is None):
                raise ValidationError(_("Name either the exhibitor (?sme=ID) or the buyer."))
            meetings = participant_meetings(pavilion, sme=sme_id, buyer=buyer_id)
            viewer = "sme" if sme_id is not None else "buyer"
        calendar = participant_calendar(pavilion, meetings, viewer=viewer)
        response = HttpResponse(calendar, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="schedule-{pavilion.pk}.ics"'
        return response


@extend_schema_view(
    list=extend_schema(summary="Scheduling runs of your pavilions"),
    retrieve=extend_schema(summary="A scheduling run: status, progress, objective and bound"),
    create=extend_schema(
        request=SchedulingRunRequestSerializer,
        summary="Start the scheduler for a pavilion",
        description="Places accepted meetings in slots; published and locked meetings never "
        "move. Refused with 409 while another scheduling run of the pavilion is active.",
    ),
)
@extend_schema(tags=["runs"])
class SchedulingRunViewSet(RunViewSet):
    serializer_class = RunSerializer
    filterset_class = SchedulingRunFilter
    model = SchedulingRun
    request_serializer = SchedulingRunRequestSerializer

    def start(self, pavilion, data):
        return services.scheduling_run_request(
            pavilion=pavilion, requested_by=self.request.user, time_limit=data["time_limit"]
        )


@extend_schema(
    request=None,
    responses={200: SchedulePublishedSerializer},
    summary="Publish a pavilion's schedule",
    description="Scheduled meetings become fixed (later runs never move them) and both sides of "
    "each are emailed their schedule with a calendar file. Organisers of the pavilion only.",
    tags=["runs"],
)
class SchedulePublishView(ApiView, generics.GenericAPIView):
    serializer_class = SchedulePublishedSerializer

    def post(self, request, pavilion_id: int):
        pavilion = get_object_or_404(Pavilion.objects.select_related("fair"), pk=pavilion_id)
        require(
            self.actor.organises(pavilion.pk),
            _("Only an organiser of this pavilion can publish its schedule."),
        )
        published = services.schedule_publish(pavilion=pavilion, by=request.user)
        pavilion.refresh_from_db(fields=["schedule_published_at"])
        return Response(
            SchedulePublishedSerializer(
                {"published": published, "schedule_published_at": pavilion.schedule_published_at}
            ).data
        )
