"""Proposals, meeting requests and meetings, schedules and calendars, outcomes, and runs.

Who sees what comes from ``matchmaking.access``; on whose behalf a user acts from ``side_of``;
every write calls ``matchmaking.services``.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import (
    extend_schema,
)
from rest_framework import status, viewsets
from rest_framework.response import Response

from companies.api.permissions import ActorView, require_organiser
from core.api.errors import Conflict
from core.api.views import ReadCreateViewSet, post_action, require, resource_schema
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
@resource_schema(
    "proposals",
    list_summary="Proposals you may see (your company's, or your pavilions')",
    detail_summary="A proposal, with its score and reasons",
)
class ProposalViewSet(ActorView, viewsets.ReadOnlyModelViewSet):
    serializer_class = ProposalSerializer
    filterset_class = ProposalFilter
    ordering_fields = ["score", "created_at", "updated_at"]

    def get_queryset(self):
        return proposals_of(self.actor)

    @post_action(
        None,
        ProposalSerializer,
        summary="Decline a proposal",
        description="The pair is never proposed again at this pavilion.",
    )
    def decline(self, request, pk=None):
        proposal = matching_services.proposal_decline(proposal=self.get_object(), by=request.user)
        return Response(ProposalSerializer(self.get_queryset().get(pk=proposal.pk)).data)


class RunViewSet(ActorView, ReadCreateViewSet):
    """Runs of a long job for the pavilions an organiser runs: start one, then poll it."""

    serializer_class = RunSerializer
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
        require_organiser(
            self.actor, _("Only organisers start and follow matchmaking and scheduling runs.")
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


@resource_schema(
    "runs",
    list_summary="Matchmaking runs of your pavilions",
    detail_summary="A matchmaking run: status, progress, counts",
    create=extend_schema(
        request=RunRequestSerializer,
        summary="Start matchmaking for a pavilion",
        description="Refused with 409 while another matchmaking run of the pavilion is queued "
        "or running. Poll the run until its status is done or failed.",
    ),
)
class MatchingRunViewSet(RunViewSet):
    filterset_class = MatchingRunFilter
    model = MatchingRun

    def start(self, pavilion, data):
        return matching_services.matching_run_request(
            pavilion=pavilion, requested_by=self.request.user
        )
