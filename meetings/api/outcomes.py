"""The outcomes of held meetings in the API, as each reader may see them (``meetings.access``);
they are recorded through the meeting (``POST /meetings/{id}/outcome/``)."""

from rest_framework import viewsets

from companies.api.permissions import ActorView
from core.api.views import resource_schema
from meetings.access import outcomes_visible_to

from .filters import MeetingOutcomeFilter
from .serializers import MeetingOutcomeSerializer


@resource_schema(
    "meetings",
    list_summary="Outcomes you may see",
    detail_summary="An outcome",
)
class MeetingOutcomeViewSet(ActorView, viewsets.ReadOnlyModelViewSet):
    """A company reads the outcomes its own side recorded; organisers read all of theirs."""

    serializer_class = MeetingOutcomeSerializer
    filterset_class = MeetingOutcomeFilter
    ordering_fields = ["recorded_at", "stage"]

    def get_queryset(self):
        return outcomes_visible_to(self.actor).order_by("-recorded_at", "pk")
