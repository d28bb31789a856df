"""Meetings and requests in the API: requesting one (idempotently), answering it, and an
organiser's moves, locks and attendance records; outcomes are recorded here too.

Who sees what comes from ``meetings.access``; on whose behalf the caller acts from ``side_of``;
every write calls a service of ``meetings.services``.
"""

import django_filters
from django.db.models import Case, DateTimeField, F, OuterRef, Subquery, When
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.filters import OrderingFilter, SearchFilter
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle

from companies.api.permissions import ActorView
from core.api.idempotency import IDEMPOTENCY_HEADER, idempotent
from core.api.views import ReadCreateViewSet, post_action, require, resource_schema
from events.access import side_of
from events.models import ExhibitorRegistration, Side
from meetings.access import meetings_visible_to, time_visible_q
from meetings.services.attendance import (
    meeting_outcome_record,
    meeting_record_attendance,
    meeting_set_attendee,
)
from meetings.services.decisions import meeting_accept, meeting_cancel, meeting_decline
from meetings.services.placement import meeting_lock, meeting_move, meeting_unschedule
from meetings.services.proxy import meeting_set_proxy_attendee
from meetings.services.requests import meeting_request

from .filters import MeetingFilter
from .serializers import (
    MeetingAcceptSerializer,
    MeetingAttendanceSerializer,
    MeetingAttendeeSerializer,
    MeetingLockSerializer,
    MeetingMoveSerializer,
    MeetingNoteSerializer,
    MeetingOutcomeRecordSerializer,
    MeetingOutcomeSerializer,
    MeetingProxyAttendeeSerializer,
    MeetingRequestSerializer,
    MeetingSerializer,
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


def meetings_of(actor):
    """The meetings the actor may see, as the API serves them: with the booth, and the slot's
    start only where the actor may see it (``seen_starts_at``)."""
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


#: Who may answer a meeting, record its attendance or its outcome.
ANY_SIDE = (Side.EXHIBITOR, Side.BUYER, Side.ORGANISER)


def meeting_action(request, **schema):
    """A POST action on one meeting, answering with the meeting as it now is."""
    return post_action(request, MeetingSerializer, **schema)


@resource_schema(
    "meetings",
    list_summary="Meetings and requests you may see",
    detail_summary="A meeting or request",
)
class MeetingViewSet(ActorView, ReadCreateViewSet):
    serializer_class = MeetingSerializer
    filterset_class = SeenTimeMeetingFilter
    filter_backends = [DjangoFilterBackend, SeenTimeOrdering, SearchFilter]
    ordering_fields = ["created_at", "updated_at", "score", "slot__starts_at", "status"]
    throttle_scope = "meeting_requests"
    error_statuses = {"create": (409, 429)}

    def get_queryset(self):
        return meetings_of(self.actor).order_by("pavilion_id", "-created_at", "pk")

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

    def _change(
        self,
        request,
        service,
        serializer_class=None,
        *,
        sides: tuple[Side, ...] = ANY_SIDE,
        refusal: str = "",
        as_side: bool = True,
    ) -> Response:
        """A caller acting for one of ``sides`` (else 403 with ``refusal``) changes the meeting
        through ``service``, with what ``serializer_class`` validated and, if ``as_side``, the
        side it acts for."""
        meeting = self.get_object()
        side = self._side(meeting, *sides, refusal=refusal)
        given = {"side": side} if as_side else {}
        if serializer_class is not None:
            serializer = serializer_class(data=request.data)
            serializer.is_valid(raise_exception=True)
            given.update(serializer.validated_data)
        meeting = service(meeting=meeting, by=request.user, **given)
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
        meeting = meeting_request(
            pavilion=pavilion,
            sme=sme,
            buyer=buyer,
            side=side,
            by=request.user,
            message=data["message"],
            attendee=data["attendee"],
            acting_for=data["acting_for"],
        )
        return Response(self._fresh(meeting), status=status.HTTP_201_CREATED)

    @extend_schema(
        request=MeetingRequestSerializer,
        responses={201: MeetingSerializer},
        parameters=[IDEMPOTENCY_HEADER],
        summary="Request a meeting",
        description="An exhibitor names the buyer, a buyer names the exhibitor, an organiser "
        "names both, and may request on behalf of a side or both (`acting_for`). The "
        "requester's acceptance is implied. Throttled (scope "
        '"meeting_requests"); send an `Idempotency-Key` header to retry safely.',
    )
    def create(self, request, *args, **kwargs):
        return idempotent(request, lambda: self._request_meeting(request))

    # --- answering and changing a meeting ---------------------------------------------------

    @meeting_action(
        MeetingAcceptSerializer,
        summary="Accept a requested meeting",
        description="Confirmed once both sides have accepted; an organiser accepts for both.",
    )
    def accept(self, request, pk=None):
        return self._change(request, meeting_accept, MeetingAcceptSerializer)

    @meeting_action(
        MeetingNoteSerializer,
        summary="Decline a requested meeting",
        description="An organiser may decline on behalf of a side (`acting_for`).",
    )
    def decline(self, request, pk=None):
        return self._change(request, meeting_decline, MeetingNoteSerializer)

    @meeting_action(
        MeetingNoteSerializer,
        summary="Cancel a meeting that has not taken place",
        description="Frees its slot and interpreter; both sides are told if it was published. "
        "An organiser may cancel on behalf of a side or both (`acting_for`).",
    )
    def cancel(self, request, pk=None):
        return self._change(request, meeting_cancel, MeetingNoteSerializer)

    @meeting_action(MeetingAttendeeSerializer, summary="Name who attends for the exhibitor")
    def attendee(self, request, pk=None):
        return self._change(
            request,
            meeting_set_attendee,
            MeetingAttendeeSerializer,
            sides=(Side.EXHIBITOR, Side.ORGANISER),
            refusal=_("Only the exhibitor or an organiser names who attends for the exhibitor."),
            as_side=False,
        )

    @meeting_action(
        MeetingProxyAttendeeSerializer,
        summary="Name organiser staff to attend for an absent exhibitor (organisers)",
        description="A member of the pavilion's organising office; refused while someone of "
        "the exhibitor's team is named to attend. The exhibitor is emailed.",
    )
    def proxy_attendee(self, request, pk=None):
        return self._organise(
            request,
            meeting_set_proxy_attendee,
            MeetingProxyAttendeeSerializer,
            refusal=_("Only an organiser of this pavilion names staff to attend for an exhibitor."),
        )

    @meeting_action(
        MeetingAttendanceSerializer, summary="Record whether a scheduled meeting took place"
    )
    def attendance(self, request, pk=None):
        return self._change(request, meeting_record_attendance, MeetingAttendanceSerializer)

    @meeting_action(
        MeetingMoveSerializer,
        summary="Put a meeting into a slot by hand (organisers)",
        description="Refused with every rule the placement would break.",
    )
    def move(self, request, pk=None):
        return self._organise(
            request,
            meeting_move,
            MeetingMoveSerializer,
            refusal=_("Only an organiser of this pavilion moves meetings."),
        )

    @meeting_action(
        MeetingLockSerializer,
        summary="Lock a scheduled meeting in its slot, or release it (organisers)",
        description="A locked meeting never moves when the scheduler runs again.",
    )
    def lock(self, request, pk=None):
        return self._organise(
            request,
            meeting_lock,
            MeetingLockSerializer,
            refusal=_("Only an organiser of this pavilion locks meetings."),
        )

    @meeting_action(
        None,
        summary="Take a scheduled meeting out of its slot (organisers)",
        description="It stays accepted, e.g. after a participant's availability changed.",
    )
    def unschedule(self, request, pk=None):
        return self._organise(
            request,
            meeting_unschedule,
            refusal=_("Only an organiser of this pavilion takes meetings out of their slots."),
        )

    def _organise(self, request, service, serializer_class=None, *, refusal: str) -> Response:
        """An organiser of the meeting's pavilion changes it through ``service``."""
        return self._change(
            request,
            service,
            serializer_class,
            sides=(Side.ORGANISER,),
            refusal=refusal,
            as_side=False,
        )

    @post_action(
        MeetingOutcomeRecordSerializer,
        MeetingOutcomeSerializer,
        status=201,
        summary="Record what came of a held meeting",
        description="One outcome per side and round; recording again replaces it.",
    )
    def outcome(self, request, pk=None):
        meeting = self.get_object()
        side = self._side(meeting, *ANY_SIDE)
        serializer = MeetingOutcomeRecordSerializer(
            data=request.data, context={"pavilion": meeting.pavilion}
        )
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        chosen = data.pop("side", None)
        if side == Side.ORGANISER and chosen:
            side = chosen
        outcome = meeting_outcome_record(meeting=meeting, side=side, by=request.user, **data)
        return Response(MeetingOutcomeSerializer(outcome).data, status=status.HTTP_201_CREATED)
