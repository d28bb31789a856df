"""Accepting a proposal through the API: /api/v1/proposals/{id}/accept/.

Accepting requests the meeting, so meetings serves this address; the rest of the proposal
resource (list, detail, decline) is matchmaking's ``ProposalViewSet``.
"""

from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.response import Response

from companies.api.permissions import ActorView
from core.api.views import ID_PATTERN
from events.access import side_of
from matchmaking.api.serializers import ProposalSerializer
from matchmaking.api.views import proposals_of

from ..services.proposals import proposal_accept
from .serializers import ProposalAcceptSerializer

#: The address, as ``config.api_urls`` routes it (before the proposal resource's own routes).
ACCEPT_PATH = rf"^proposals/(?P<pk>{ID_PATTERN})/accept/$"


@extend_schema(tags=["proposals"])
class ProposalAcceptView(ActorView, generics.GenericAPIView):
    serializer_class = ProposalSerializer

    def get_queryset(self):
        return proposals_of(self.actor)

    @extend_schema(
        request=ProposalAcceptSerializer,
        responses={200: ProposalSerializer},
        summary="Accept a proposal",
        description="Requests the meeting on your side's behalf; the other side then answers it "
        "like any request. An organiser says on whose behalf (`acting_for`); without it, both "
        "sides are asked to answer.",
    )
    def post(self, request, pk=None):
        serializer = ProposalAcceptSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        proposal = self.get_object()
        proposal = proposal_accept(
            proposal=proposal,
            side=side_of(self.actor, proposal),
            by=request.user,
            **serializer.validated_data,
        )
        return Response(ProposalSerializer(self.get_queryset().get(pk=proposal.pk)).data)
