"""Schedules in the API: a participant's schedule and calendar file, the scheduler's runs, and
publishing a pavilion's schedule (organisers)."""

import json

from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
)
from rest_framework import generics, renderers
from rest_framework.exceptions import ValidationError
from rest_framework.views import APIView

from companies.api.permissions import ActorView
from core.api.views import require, resource_schema
from events.api.pavilions import PavilionActionView, pavilion_action, pavilion_of_path
from matchmaking.api.views import RunViewSet
from meetings.access import time_visible_q
from meetings.exports import CALENDAR_STATUSES, participant_calendar, participant_meetings
from meetings.models import SchedulingRun
from meetings.services.publication import schedule_publish
from meetings.services.runs import scheduling_run_request

from .filters import ScheduleFilter, SchedulingRunFilter
from .meetings import meetings_of
from .serializers import (
    ScheduleEntrySerializer,
    SchedulePublishedSerializer,
    SchedulingRunRequestSerializer,
)


@extend_schema(
    summary="My schedule: meetings in slots, in UTC and the fair's local time",
    description="Your company's scheduled, held and no-show meetings (an organiser: those of "
    "their pavilions), ordered by time.",
    tags=["schedule"],
)
class ScheduleView(ActorView, generics.ListAPIView):
    serializer_class = ScheduleEntrySerializer
    filterset_class = ScheduleFilter
    ordering_fields = ["slot__starts_at"]

    def get_queryset(self):
        # A company's schedule is the published one; organisers see their drafts too.
        return (
            meetings_of(self.actor)
            .select_related("attendee", "proxy_attendee")
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


class ScheduleCalendarView(ActorView, APIView):
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
        pavilion = pavilion_of_path(pavilion_id)
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


@resource_schema(
    "runs",
    list_summary="Scheduling runs of your pavilions",
    detail_summary="A scheduling run: status, progress, objective and bound",
    create=extend_schema(
        request=SchedulingRunRequestSerializer,
        summary="Start the scheduler for a pavilion",
        description="Places accepted meetings in slots; published and locked meetings never "
        "move. Refused with 409 while another scheduling run of the pavilion is active.",
    ),
)
class SchedulingRunViewSet(RunViewSet):
    filterset_class = SchedulingRunFilter
    model = SchedulingRun
    request_serializer = SchedulingRunRequestSerializer

    def start(self, pavilion, data):
        return scheduling_run_request(
            pavilion=pavilion, requested_by=self.request.user, time_limit=data["time_limit"]
        )


@pavilion_action(
    summary="Publish a pavilion's schedule",
    description="Scheduled meetings become fixed (later runs never move them) and both sides of "
    "each are emailed their schedule with a calendar file. Organisers of the pavilion only.",
    tags=["runs"],
)
class SchedulePublishView(PavilionActionView):
    serializer_class = SchedulePublishedSerializer
    refusal = gettext_lazy("Only an organiser of this pavilion can publish its schedule.")

    def act(self, pavilion):
        published = schedule_publish(pavilion=pavilion, by=self.request.user)
        pavilion.refresh_from_db(fields=["schedule_published_at"])
        return {"published": published, "schedule_published_at": pavilion.schedule_published_at}
