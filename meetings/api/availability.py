"""Participants' unavailable slots in the API."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response

from companies.api.permissions import ActorView, require_organiser
from core.api.views import RecordViewSet, require, resource_schema
from meetings.access import unavailabilities_visible_to
from meetings.selectors.conflicts import unavailability_conflicts
from meetings.services.availability import (
    participant_unavailability_delete,
    participant_unavailability_save,
)

from .filters import UnavailabilityFilter
from .serializers import (
    UnavailabilityChangedSerializer,
    UnavailabilityChangeSerializer,
    UnavailabilityCreateSerializer,
    UnavailabilitySerializer,
)


@resource_schema(
    "schedule",
    list_summary="Participants' unavailable slots at your pavilions (organisers)",
    detail_summary="A participant's unavailable slot",
    create=extend_schema(
        request=UnavailabilityCreateSerializer,
        responses={201: UnavailabilityChangedSerializer},
        summary="Mark an exhibitor or a buyer unavailable in a slot",
        description="The scheduler no longer places them there. A meeting already scheduled "
        "there is never unbooked: it is listed in `affected_meetings` for you to move or cancel.",
    ),
    partial_update=extend_schema(
        request=UnavailabilityChangeSerializer,
        responses={200: UnavailabilityChangedSerializer},
        summary="Change an unavailable slot",
        description="Scheduled meetings the change affects are listed in `affected_meetings`; "
        "none is unbooked.",
    ),
    destroy=extend_schema(summary="Make the participant available in the slot again"),
)
class UnavailabilityViewSet(RecordViewSet, ActorView):
    serializer_class = UnavailabilitySerializer
    filterset_class = UnavailabilityFilter
    ordering_fields = ["slot__starts_at"]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        require_organiser(
            self.actor, _("Only organisers mark participants unavailable; ask yours to.")
        )

    def get_queryset(self):
        return (
            unavailabilities_visible_to(self.actor)
            .select_related("sme", "buyer__country", "slot__pavilion__fair")
            .order_by("pavilion_id", "slot__starts_at", "pk")
        )

    def _changed(self, unavailability, status_code=status.HTTP_200_OK) -> Response:
        unavailability = self.get_queryset().get(pk=unavailability.pk)
        unavailability.affected_meetings = [
            {"meeting": meeting.pk, "reason": reason}
            for meeting, reason in unavailability_conflicts(unavailability=unavailability)
        ]
        return Response(UnavailabilityChangedSerializer(unavailability).data, status=status_code)

    def create(self, request, *args, **kwargs):
        serializer = UnavailabilityCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        require(
            self.actor.organises(data["pavilion"].pk),
            _("Only an organiser of this pavilion can mark its participants unavailable."),
        )
        unavailability = participant_unavailability_save(**data)
        return self._changed(unavailability, status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        unavailability = self.get_object()
        serializer = UnavailabilityChangeSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = {
            "sme": unavailability.sme,
            "buyer": unavailability.buyer,
            "slot": unavailability.slot,
            "note": unavailability.note,
            **serializer.validated_data,
        }
        unavailability = participant_unavailability_save(
            unavailability=unavailability, pavilion=unavailability.pavilion, **data
        )
        return self._changed(unavailability)

    def perform_destroy(self, instance):
        participant_unavailability_delete(unavailability=instance)
