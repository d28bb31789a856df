"""Proposals, meeting requests and meetings, schedules and calendars, outcomes, and runs.

Who sees what comes from ``matchmaking.access``; on whose behalf a user acts from ``side_of``;
every write calls ``matchmaking.services``.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import (
    extend_schema,
    extend_schema_view,
)
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from companies.api.permissions import ApiView, require
from companies.api.views import ID_PATTERN
from core.api.errors import Conflict
from matchmaking import services as matching_services
from matchmaking.access import (
    proposals_visible_to,
)
from matchmaking.models import MatchingRun

from .filters import (
    MatchingRunFilter,
    ProposalFilter,
)
from .serializers import (
    ProposalSerializer,
    RunRequestSerializer,
    RunSerializer,
)


def proposals_of(actor):
    """The proposals the actor may see, as the API serves them."""
    return (
        proposals_visible_to(actor)
        .select_related("sme", "buyer__country")
        .order_by("pavilion_id", "-score", "pk")
    )


# Accepting (POST .../{id}/accept/) requests a meeting: meetings serves it (meetings.api.proposals).
@extend_schema_view(
    list=extend_schema(summary="Proposals you may see (your company's, or your pavilions')"),
    retrieve=extend_schema(summary="A proposal, with its score and reasons"),
)
@extend_schema(tags=["proposals"])
class ProposalViewSet(ApiView, viewsets.ReadOnlyModelViewSet):
    serializer_class = ProposalSerializer
    filterset_class = ProposalFilter
    lookup_value_regex = ID_PATTERN
    ordering_fields = ["score", "created_at", "updated_at"]

    def get_queryset(self):
        return proposals_of(self.actor)

    @extend_schema(
        request=None,
        responses={200: ProposalSerializer},
        summary="Decline a proposal",
        description="The pair is never proposed again at this pavilion.",
    )
    @action(detail=True, methods=["post"])
    def decline(self, request, pk=None):
        proposal = matching_services.proposal_decline(proposal=self.get_object(), by=request.user)
        return Response(ProposalSerializer(self.get_queryset().get(pk=proposal.pk)).data)


class RunViewSet(
    ApiView,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Runs of a long job for the pavilions an organiser runs: start one, then poll it."""

    lookup_value_regex = ID_PATTERN
    ordering_fields = ["created_at", "finished_at"]
    error_statuses = {"create": (409,)}
    model = MatchingRun
    request_serializer = RunRequestSerializer

    def get_queryset(self):
        actor = self.actor
        runs = self.model.objects.order_by("-created_at", "-pk")
        if actor.platform_admin:
            return runs
        return runs.filter(pavilion_id__in=actor.pavilion_ids)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        actor = self.actor
        require(
            actor.platform_admin or actor.organiser,
            _("Only organisers start and follow matchmaking and scheduling runs."),
        )

    def start(self, pavilion, data):
        raise NotImplementedError

    def create(self, request, *args, **kwargs):
        serializer = self.request_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        pavilion = data.pop("pavilion")
        require(
            self.actor.organises(pavilion.pk),
            _("Only an organiser of this pavilion can start its runs."),
        )
        try:
            run = self.start(pavilion, data)
        except DjangoValidationError as error:
            raise Conflict(" ".join(error.messages)) from None
        return Response(self.get_serializer(run).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    list=extend_schema(summary="Matchmaking runs of your pavilions"),
    retrieve=extend_schema(summary="A matchmaking run: status, progress, counts"),
    create=extend_schema(
        request=RunRequestSerializer,
        summary="Start matchmaking for a pavilion",
        description="Refused with 409 while another matchmaking run of the pavilion is queued "
        "or running. Poll the run until its status is done or failed.",
    ),
)
@extend_schema(tags=["runs"])
class MatchingRunViewSet(RunViewSet):
    serializer_class = RunSerializer
    filterset_class = MatchingRunFilter
    model = MatchingRun

    def start(self, pavilion, data):
        return matching_services.matching_run_request(
            pavilion=pavilion, requested_by=self.request.user
        )
